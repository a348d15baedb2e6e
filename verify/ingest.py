"""Read, extract, embed and index a corpus, incrementally and safely.

Unchanged documents (same digest) are skipped before any parsing; a changed
document replaces its claims. The index is committed every ``commit_every``
documents, so a stopped ingest keeps what it finished and a killed one leaves
the last commit whole (see ``index``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .embed import Embedder, load_embedder
from .errors import VerifyError
from .index import Index
from .models import Claim, Document

DEFAULT_INDEX = "default"

# Claims are embedded once this many are pending (from several documents):
# the embedder sorts a call's texts by length, so a larger call pads less, and
# a call's fixed cost is paid less often (256 cost 7% over one call per corpus).
EMBED_CHUNK = 1024


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


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    index: str | os.PathLike[str] | None = None,
    *,
    embedder: Embedder | None = None,
    rebuild: bool = False,
    batch_size: int = 32,
    commit_every: int = 500,
    progress: Callable[[Document, list[Claim]], None] | None = None,
    wait: float = 0.0,
) -> IngestStats:
    """Add the documents under ``paths`` to an index; returns what was done.

    Bad files are collected in ``stats.errors`` and the others still go in.
    ``progress`` is called once for every document read: with its claims
    once they are indexed, or with an empty list when it is unchanged and
    skipped.
    """
    from .extract.claims import extract
    from .read import documents

    stats = IngestStats()
    target = Index.open(index_path(index), create=True, rebuild=rebuild)
    embedder = embedder or load_embedder(target.embedder or "all-MiniLM-L6-v2")
    fresh = _changed(documents(paths, stats.errors), target, stats,
                     (lambda doc: progress(doc, [])) if progress else None)
    with target.writer(embedder, timeout=wait) as writer:
        pending: list[tuple[Document, list[Claim]]] = []
        waiting = 0  # claims in pending

        def flush() -> None:
            nonlocal waiting
            texts = [c.text for _, claims in pending for c in claims]
            vectors = embedder.embed(texts) if texts else _empty(embedder)
            row = 0
            for doc, claims in pending:
                writer.put(doc, claims, vectors[row : row + len(claims)])
                row += len(claims)
                stats.documents += 1
                stats.claims += len(claims)
                if progress:
                    progress(doc, claims)
                if stats.documents % commit_every == 0:
                    writer.commit()
            pending.clear()
            waiting = 0

        # Claims of several documents are embedded together: the model runs
        # on full batches whatever the length of each article.
        for doc, claims in extract(fresh, batch_size=batch_size, errors=stats.errors):
            pending.append((doc, claims))
            waiting += len(claims)
            if waiting >= EMBED_CHUNK:
                flush()
        flush()
    return stats


def _empty(embedder: Embedder):  # type: ignore[no-untyped-def]
    import numpy as np

    return np.zeros((0, embedder.dim), dtype=np.float32)


def load(index: str | os.PathLike[str] | None = None) -> tuple[list[Document], list[Claim], object]:
    """Documents, claims (speakers named alike across documents) and vectors of an index."""
    from .extract.claims import canonical_speakers

    ix = Index.open(index_path(index))
    return list(ix.documents()), canonical_speakers(list(ix.claims())), ix.vectors()
