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
    ix = Index.open(index_path(index))
    if not ix.counts.get("claims"):
        return []
    embedder = load_embedder(ix.embedder or "all-MiniLM-L6-v2")
    scores, ids = ix.search(embedder.embed([text]), k)
    wanted = {cid: float(s) for cid, s in zip(ids[0], scores[0])}
    claims = {c.id: c for c in ix.claims() if c.id in wanted}
    docs = {d.id: d for d in ix.documents() if any(c.doc == d.id for c in claims.values())}
    return [(wanted[cid], claims[cid], docs[claims[cid].doc]) for cid in ids[0] if cid in claims]
