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


class Copies:
    """Copies of one text among the documents of one corpus, asked of many
    sets of them (each group's articles): a document's shingles are made
    once, and two documents compared once, however many sets hold them."""

    def __init__(self, documents: dict[str, Document]) -> None:
        self.documents = documents
        self._shingles: dict[str, set[int]] = {}
        self._alike: dict[tuple[str, str], bool] = {}

    def shingles(self, d: str) -> set[int]:
        if d not in self._shingles:
            self._shingles[d] = _shingles(self.documents[d].text) if d in self.documents else set()
        return self._shingles[d]

    def alike(self, d: str, e: str) -> bool:
        """Whether two documents share COPY_SHARE of the shorter's shingles."""
        key = (d, e) if d < e else (e, d)
        if key not in self._alike:
            sa, sb = self.shingles(d), self.shingles(e)
            self._alike[key] = bool(sa and sb and len(sa & sb) / min(len(sa), len(sb)) >= COPY_SHARE)
        return self._alike[key]

    def origins(self, doc_ids: set[str]) -> dict[str, str]:
        """Each document's origin: documents that are copies of one text share one."""
        origin = {d: d for d in doc_ids}
        ordered = sorted(doc_ids)
        for i, d in enumerate(ordered):
            for e in ordered[i + 1 :]:
                if self.alike(d, e):
                    origin[e] = origin[d]
        return origin


def copies(documents: dict[str, Document], doc_ids: set[str]) -> dict[str, str]:
    """Each document's origin: documents that are copies of one text share one."""
    return Copies(documents).origins(doc_ids)
