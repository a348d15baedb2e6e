"""The claims of an index nearest to a text."""

from __future__ import annotations

import os

from .embed import load_embedder
from .index import Index
from .ingest import index_path
from .models import Claim, Document


def search(
    text: str, index: str | os.PathLike[str] | None = None, k: int = 10
) -> list[tuple[float, Claim, Document]]:
    """Up to ``k`` claims nearest to ``text``, best first, with their documents."""
    ix = Index.open_cached(index_path(index))
    if not ix.counts.get("claims"):
        return []
    embedder = load_embedder(ix.embedder or "all-MiniLM-L6-v2")
    scores, rows = ix.search_rows(embedder.embed([text]), k)
    found = []
    docs: dict[str, Document | None] = {}
    for score, row in zip(scores[0], rows[0]):
        if row < 0:
            continue
        claim = ix.claim_at(int(row))  # only the rows found are read and parsed
        if claim.doc not in docs:
            docs[claim.doc] = ix.document(claim.doc)
        doc = docs[claim.doc]
        if doc is not None:
            found.append((float(score), claim, doc))
    return found
