"""Read, extract, embed and index a corpus, incrementally and safely.

Unchanged documents (same digest) are skipped before any parsing; a changed
document replaces its claims. The index is committed in chunks, every
``COMMIT_SECONDS`` of work: a stopped, failed or killed ingest keeps every
chunk it committed whole, and the next run skips those documents (their
digests are in the manifest; see ``index``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .embed import Embedder, load_embedder
from .errors import VerifyError
from .index import Index, IndexVectors, IndexWriter
from .models import Claim, Document

if TYPE_CHECKING:
    import numpy as np

DEFAULT_INDEX = "default"

# Claims are embedded once this many are pending (from several documents):
# the embedder sorts a call's texts by length, so a larger call pads less, and
# a call's fixed cost is paid less often (256 cost 7% over one call per corpus).
EMBED_CHUNK = 1024

# What a killed ingest may lose, at most (plus the batch being embedded). A
# commit costs a fsync of the chunk's segment and a manifest rewritten whole:
# 0.06 s at 2,000 documents, 0.2 s at 20,000, 0.7 s at 100,000 on 2 busy
# cores (benchmarks/ingest_speed.py --commit-cost). Every 30 s that is under
# 1% of an ingest up to 20,000 documents; past that the interval grows to keep
# commits under COMMIT_SHARE of the time. Seconds, not documents: the chunk follows the
# machine's speed (500 documents take 3 minutes on 2 cores, seconds on a cluster).
COMMIT_SECONDS = 30.0
COMMIT_SHARE = 0.02

Triple = tuple[Document, list[Claim], "np.ndarray"]


def index_path(name: str | os.PathLike[str] | None) -> Path:
    """``--index NAME`` to a folder: a bare name lives under ``indexes/``."""
    name = str(name or DEFAULT_INDEX)
    if os.sep in name or name.startswith("."):
        return Path(name)
    return Path(os.environ.get("VERIFY_INDEXES", "indexes")) / name


@dataclass
class IngestStats:
    documents: int = 0
    skipped: int = 0
    claims: int = 0
    commits: int = 0
    """Chunks committed (the last one included)."""
    errors: list[VerifyError] = field(default_factory=list)


def _changed(docs: Iterable[Document], index: Index, stats: IngestStats,
             skipped: Callable[[Document], None] | None = None) -> Iterator[Document]:
    """The documents not indexed with their digest, nor given earlier in this run.

    Only the digest is compared: nothing is parsed or embedded for a skipped
    document. A record repeated in the corpus (same id, same digest) is read
    once; a repeated id with another digest replaces the earlier one.
    """
    given: dict[str, str] = {}
    for doc in docs:
        if index.has(doc.id, doc.digest) or (doc.digest and given.get(doc.id) == doc.digest):
            stats.skipped += 1
            if skipped:
                skipped(doc)
            continue
        given[doc.id] = doc.digest
        yield doc


class Chunks:
    """Commits a writer in chunks of work; ``due()`` says when one is owed.

    ``seconds`` is the time between commits; None: ``COMMIT_SECONDS``, or
    longer when the last commit took more than ``COMMIT_SHARE`` of that.
    """

    def __init__(self, writer: IndexWriter, seconds: float | None, stats: IngestStats) -> None:
        self.writer, self.seconds, self.stats = writer, seconds, stats
        self.since = time.monotonic()
        self.interval = COMMIT_SECONDS if seconds is None else seconds
        self.waiting = 0  # documents put since the last commit

    def due(self) -> bool:
        """Whether the interval has passed since the last commit (or the start)."""
        return time.monotonic() - self.since >= self.interval

    def put(self, triples: Iterable[Triple],
            progress: Callable[[Document, list[Claim]], None] | None = None) -> None:
        """Write each document with its claims and vectors, then commit if one is owed."""
        for doc, claims, vectors in triples:
            self.writer.put(doc, claims, vectors)
            self.stats.documents += 1
            self.stats.claims += len(claims)
            self.waiting += 1
            if progress:
                progress(doc, claims)
        if self.waiting and self.due():
            self.commit()

    def commit(self) -> None:
        started = time.monotonic()
        self.writer.commit()
        self.stats.commits += 1 if self.waiting else 0
        self.waiting = 0
        self.since = time.monotonic()
        if self.seconds is None:
            self.interval = max(COMMIT_SECONDS, (self.since - started) / COMMIT_SHARE)


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    index: str | os.PathLike[str] | None = None,
    *,
    embedder: Embedder | None = None,
    rebuild: bool = False,
    batch_size: int = 32,
    commit_seconds: float | None = None,
    progress: Callable[[Document, list[Claim]], None] | None = None,
    wait: float = 0.0,
    ray: str | None = None,
) -> IngestStats:
    """Add the documents under ``paths`` to an index; returns what was done.

    Bad files are collected in ``stats.errors`` and the others still go in.
    ``progress`` is called once for every document read: with its claims
    once they are indexed, or with an empty list when it is unchanged and
    skipped. What is done is committed every ``commit_seconds`` (0: after
    every batch embedded; None: see ``Chunks``) and at the end. ``ray``
    parses and embeds on a Ray cluster (``"local"`` starts one on this
    machine; else its address; see ``verify.ray_ingest``); the index is
    written here all the same.
    """
    from .read import documents

    if ray is not None:
        from .ray_ingest import check_address, require_ray

        require_ray()
        check_address(ray)  # before anything is made, read or locked
    stats = IngestStats()
    target = Index.open(index_path(index), create=True, rebuild=rebuild)
    name = target.embedder or "all-MiniLM-L6-v2"
    given = embedder
    embedder = embedder or load_embedder(name)  # the weights load on the first embed
    fresh = _changed(documents(paths, stats.errors), target, stats,
                     (lambda doc: progress(doc, [])) if progress else None)
    with target.writer(embedder, timeout=wait) as writer:
        chunks = Chunks(writer, commit_seconds, stats)
        if ray is not None:
            from .ray_ingest import embedded_on_ray

            # workers load the embedder by its name, unless the caller gave one of its own
            batches = embedded_on_ray(fresh, given or name, stats.errors, address=ray, batch_size=batch_size)
        else:
            batches = _embedded(fresh, embedder, batch_size, stats.errors, chunks.due)
        for batch in batches:
            chunks.put(batch, progress)
        chunks.commit()  # the last chunk (an empty ingest still writes an empty index)
    # A segment large enough to be searched through an IVF has it trained
    # and kept now, by the writer: a reader never writes to an index.
    Index.open(index_path(index)).prepare_search()
    return stats


def _embedded(docs: Iterable[Document], embedder: Embedder, batch_size: int,
              errors: list[VerifyError], due: Callable[[], bool]) -> Iterator[list[Triple]]:
    """The documents with their claims and vectors, in batches embedded together.

    Claims of several documents are embedded together, so that the model runs
    on full batches whatever the length of each article; a batch is cut short
    when a commit is owed, so that a chunk never waits for the next one.
    """
    from .extract.claims import extract

    pending: list[tuple[Document, list[Claim]]] = []
    waiting = 0  # claims in pending

    def flush() -> list[Triple]:
        texts = [c.text for _, claims in pending for c in claims]
        vectors = embedder.embed(texts) if texts else _empty(embedder.dim)
        out, row = [], 0
        for doc, claims in pending:
            out.append((doc, claims, vectors[row : row + len(claims)]))
            row += len(claims)
        pending.clear()
        return out

    for doc, claims in extract(docs, batch_size=batch_size, errors=errors):
        pending.append((doc, claims))
        waiting += len(claims)
        if waiting >= EMBED_CHUNK or due():
            yield flush()
            waiting = 0
    if pending:
        yield flush()


def _empty(dim: int):  # type: ignore[no-untyped-def]
    import numpy as np

    return np.zeros((0, dim), dtype=np.float32)


def load(index: str | os.PathLike[str] | None = None) -> tuple[list[Document], list[Claim], object]:
    """Documents, claims (speakers named alike across documents) and vectors of an index."""
    from .extract.claims import canonical_speakers

    ix = Index.open(index_path(index))
    return list(ix.documents()), canonical_speakers(list(ix.claims())), IndexVectors(ix)
