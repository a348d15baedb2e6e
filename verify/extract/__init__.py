"""Extraction: the claims of a parsed document, with who made each and the
numbers and times in it. Pure functions over spaCy's parse, offsets into the
original text; nothing here reads files, embeds or indexes.

| module | owns |
| --- | --- |
| ``claims`` | a document's claims: sentences split among speakers, one claim per number |
| ``attribution`` | who said what: cues split among sentences, speakers resolved in a document |
| ``cues`` | reporting verbs and phrases in the parse, and their sources |
| ``quotes`` | quotation marks paired into quotes, over paragraphs |
| ``names`` | canonical names: titles stripped, spellings unified across documents |
| ``quantities`` | numbers in a parsed sentence: what they count, what is no count |
| ``amounts`` | amounts in plain text: value, qualifier, interval, unit |
| ``numbers`` | number words and digits to values |
| ``units`` | units, currencies and qualifier words (tables) |
| ``timeref`` | dates and the time a claim is about |
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["canonical_speakers", "extract"]  # claims(): ``verify.extract.claims.claims``


def __getattr__(name: str) -> Any:
    # Lazy, so that reading a date (``read`` uses ``timeref``) loads no parser.
    if name in __all__:
        return getattr(import_module(".claims", __name__), name)
    raise AttributeError(f"module 'verify.extract' has no attribute {name!r}")
