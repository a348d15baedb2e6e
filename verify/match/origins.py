"""Independent origins: copies of one text count once."""

from __future__ import annotations

import re

from ..models import Document

# Documents sharing this share of their 8-word shingles are copies of one text.
COPY_SHARE = 0.5
_WORD = re.compile(r"\w+")


def _shingles(text: str, n: int = 8) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i : i + n])) for i in range(max(0, len(words) - n + 1))}


def copies(
    documents: dict[str, Document], doc_ids: set[str], shingles: dict[str, set[int]] | None = None
) -> dict[str, str]:
    """Each document's origin: documents that are copies of one text share one.

    ``shingles``: each document's shingles, added to as they are made; one
    dict given to every call over one corpus makes each document's once."""
    origin = {d: d for d in doc_ids}
    ordered = sorted(doc_ids)
    shingles = {} if shingles is None else shingles
    for d in ordered:
        if d not in shingles:
            shingles[d] = _shingles(documents[d].text) if d in documents else set()
    for i, d in enumerate(ordered):
        for e in ordered[i + 1 :]:
            sa, sb = shingles[d], shingles[e]
            if sa and sb and len(sa & sb) / min(len(sa), len(sb)) >= COPY_SHARE:
                origin[e] = origin[d]
    return origin

