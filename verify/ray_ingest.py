"""Parsing, extraction and embedding mapped over a Ray cluster (``verify ingest --ray``).

The driver reads the corpus, as a plain ingest does: reading is cheap (under
1% of an ingest), it gives each document's digest, so that unchanged
documents are skipped before anything is sent, and it sees every document
at once, which the page furniture of a site needs (a line recurring in three
stories is the site's). The documents to index then go to Ray Data with
their text (``ray.data.from_items``), so workers need no access to the
corpus files; ``map_batches`` runs ``Extractor``, a class that loads spaCy
and the embedder once per worker, over batches of documents; the claims and
vectors come back in the corpus's order to the one index writer, in the
driver, which commits in chunks as a plain ingest does.

Ray is an optional dependency: ``pip install 'verify[ray]'``.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import ExtractionError, VerifyError

if TYPE_CHECKING:
    import numpy as np

    from .embed import Embedder
    from .models import Claim, Document

# Documents handed to Ray Data at a time: each window is one dataset, whose
# workers load the models once (a few seconds), so a window is large enough
# to make that negligible and small enough that the driver never holds a
# whole large corpus's texts at once.
WINDOW = 5000

# The local Ray's shared memory: documents and their claims are small, and
# the streaming executor keeps few blocks in flight; Ray's default (30% of
# the RAM) would take 7 GB of a 24 GB machine for nothing.
LOCAL_OBJECT_STORE = 512 * 2**20

INSTALL = "--ray needs Ray: pip install 'verify[ray]' (or pip install 'ray[data]')"


def require_ray() -> None:
    """Raise a one-line ``VerifyError`` saying how to install Ray when it is missing."""
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        raise VerifyError(INSTALL) from None


def connect(address: str = "local") -> None:
    """Join the Ray cluster at ``address``, or start one here for ``"local"``.

    Nothing is done when this process is already connected.
    """
    require_ray()
    import ray

    if ray.is_initialized():
        return
    check_address(address)
    # Ray's own C++ log lines (read when it starts) would cut through verify's
    # output; what fails reaches verify as an exception all the same.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                               "configure_logging": True, "logging_level": "ERROR"}
    try:
        with _silent_stderr():  # the line saying so, and the banner of a local Ray
            if address == "local":
                ray.init(object_store_memory=LOCAL_OBJECT_STORE, **options)
            else:
                ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        if type(exc.__cause__).__name__ == "AuthenticationError":
            raise VerifyError(
                f"the Ray cluster at {address} asks for its token: set RAY_AUTH_MODE=token, with the "
                "cluster's token in ~/.ray/auth_token (or RAY_AUTH_TOKEN), and run the ingest again"
            ) from None
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise VerifyError(
            f"cannot reach the Ray cluster at {address} ({first}); start it with `ray start --head` "
            "and give the address it prints, or --ray alone for a Ray on this machine"
        ) from None


def check_address(address: str, timeout: float = 5.0) -> None:
    """Fail at once, in one line, when a ``HOST:PORT`` address does not answer.

    Ray itself retries an address that does not answer for minutes. Other
    forms (``auto``, ``local``) are left to Ray.
    """
    found = re.fullmatch(r"(?:ray://)?\[?([^\s/\[\]]+?)\]?:(\d+)", address)
    if found is None:
        return
    try:
        socket.create_connection((found.group(1), int(found.group(2))), timeout=timeout).close()
    except OSError as exc:
        raise VerifyError(
            f"cannot reach the Ray cluster at {address} ({exc.strerror or exc}); start it with "
            "`ray start --head` and give the address it prints, or --ray alone for a Ray on this machine"
        ) from None


@contextlib.contextmanager
def _silent_stderr() -> Iterator[None]:
    """Standard error (the file descriptor, which Ray's C++ code writes to) sent nowhere for a while."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def workers() -> int:
    """How many workers to run: one per CPU of the cluster (each runs its models on one core)."""
    import ray

    return max(1, int(ray.cluster_resources().get("CPU", 1)))


class Extractor:
    """Claims and vectors of a batch of documents; one per Ray worker, models loaded once."""

    embedder_given: str | Embedder = "all-MiniLM-L6-v2"
    """A name for ``load_embedder``, or an embedder; set on a subclass per ingest."""

    def __init__(self) -> None:
        from .embed import load_embedder
        from .nlp import load_nlp

        load_nlp()
        given = self.embedder_given
        self.embedder = load_embedder(given) if isinstance(given, str) else given

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        import numpy as np

        from .extract.claims import extract
        from .models import Document

        docs = [Document.model_validate_json(s) for s in batch["doc"]]
        errors: list[VerifyError] = []
        done = {id(doc): claims for doc, claims in extract(docs, batch_size=len(docs), errors=errors)}
        texts = [c.text for claims in done.values() for c in claims]
        vectors = self.embedder.embed(texts) if texts else np.zeros((0, self.embedder.dim), np.float32)
        out: dict[str, list[Any]] = {"doc": [], "claims": [], "vectors": [], "error": []}
        row, failed = 0, iter(errors)
        for doc, line in zip(docs, batch["doc"]):
            claims = done.get(id(doc))
            out["doc"].append(line)
            if claims is None:  # extract names each document it leaves out, in turn
                out["claims"].append("[]")
                out["vectors"].append(b"")
                out["error"].append(str(next(failed, f"{doc.path}: claims of {doc.id} could not be read")))
                continue
            out["claims"].append("[" + ",".join(c.model_dump_json() for c in claims) + "]")
            out["vectors"].append(np.ascontiguousarray(vectors[row : row + len(claims)], "<f4").tobytes())
            out["error"].append("")
            row += len(claims)
        return {k: np.array(v, dtype=object) for k, v in out.items()}


def embedded_on_ray(
    docs: Iterable[Document], embedder: str | Embedder, errors: list[VerifyError], *,
    address: str = "local", batch_size: int = 32,
) -> Iterator[list[tuple[Document, list[Claim], np.ndarray]]]:
    """Each document with its claims and their vectors, computed on Ray, in the order given.

    ``embedder`` is a name for ``load_embedder`` (each worker loads its own)
    or an embedder to ship to the workers. Documents whose extraction fails
    are named in ``errors`` and left out, as in a plain ingest. Ray is joined
    (see ``connect``) only when there is a document to send.
    """
    window: list[Document] = []
    for doc in docs:
        window.append(doc)
        if len(window) >= WINDOW:
            connect(address)
            yield from _window(window, embedder, errors, batch_size)
            window = []
    if window:
        connect(address)
        yield from _window(window, embedder, errors, batch_size)


def _window(
    docs: list[Document], embedder: str | Embedder, errors: list[VerifyError], batch_size: int
) -> Iterator[list[tuple[Document, list[Claim], np.ndarray]]]:
    import numpy as np
    import ray
    import ray.data

    from .models import Claim, Document

    _quiet(ray.data.DataContext.get_current())
    dim = _dim(embedder)
    items = [{"doc": d.model_dump_json()} for d in docs]
    dataset = ray.data.from_items(items, override_num_blocks=max(1, -(-len(items) // batch_size)))
    size = min(workers(), -(-len(items) // batch_size))
    # the embedder travels with the class, not as constructor arguments (which
    # Ray keeps in its object store for as long as the workers may restart)
    extractor = type("Extractor", (Extractor,), {"embedder_given": embedder})
    if hasattr(ray.data, "ActorPoolStrategy"):  # Ray >= 2.51 deprecates concurrency= for it
        pool: dict[str, Any] = {"compute": ray.data.ActorPoolStrategy(size=size)}
    else:
        pool = {"concurrency": size}
    dataset = dataset.map_batches(extractor, batch_size=batch_size, batch_format="numpy", num_cpus=1, **pool)
    try:
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy", prefetch_batches=1):
            out = []
            for line, claims, vectors, error in zip(batch["doc"], batch["claims"], batch["vectors"], batch["error"]):
                if error:
                    errors.append(ExtractionError(str(error)))
                    continue
                found = [Claim.model_validate(c) for c in _json_list(claims)]
                rows = np.frombuffer(vectors, dtype="<f4").reshape(len(found), dim)
                out.append((Document.model_validate_json(line), found, rows))
            yield out
    except ray.exceptions.RayError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise VerifyError(
            f"the Ray cluster failed ({first[:200]}); what was committed is kept: run the ingest again"
        ) from None


def _quiet(context: Any) -> None:
    """Ray Data as a part of ``verify ingest``: in the corpus's order, without its own output."""
    import logging

    context.execution_options.preserve_order = True  # the index is laid out as the corpus is
    context.enable_progress_bars = False  # verify shows its own
    context.print_on_execution_start = False
    for name in ("ray.data", "ray"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _dim(embedder: str | Embedder) -> int:
    from .embed import load_embedder

    return (load_embedder(embedder) if isinstance(embedder, str) else embedder).dim


def _json_list(text: str) -> list[Any]:
    import json

    return list(json.loads(text))


__all__ = ["Extractor", "INSTALL", "check_address", "connect", "embedded_on_ray", "require_ray", "workers"]
