"""Extraction: the claims of a parsed document, with who made each and the
numbers and times in it. Pure functions over spaCy's parse, offsets into the
original text; nothing here reads files, embeds or indexes.

| module | owns |
| --- | --- |
| ``claims`` | a document's claims: sentences split among speakers, one claim per number |
| ``attribution`` | a sentence split among its cues, each part given a speaker |
| ``cues`` | reporting verbs and phrases in the parse, and their sources |
| ``speakers`` | a mention resolved to the canonical speaker it names |
| ``descriptions`` | what a pronoun, a description ("the senator") or a document ("the statement") stands for |
| ``context`` | what an article names and where: people, roles, organisations, subjects |
| ``gender`` | the grammatical gender of people named, for "he" and "she" |
| ``traits`` | what an article says a person is (party, state), for "the GOP nominee" |
| ``carry`` | speakers carried over quotes and paragraphs that name none |
| ``labels`` | "NAME:" labels; page words and places that name no speaker |
| ``reparse`` | sentences spaCy's small model splits or tags wrong in news text |
| ``claimspan`` | the record of one attributed span |
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

# The version of what extraction writes. A document indexed by another
# version is read again on ingest (it is part of each document's digest):
# an index never mixes claims read two ways.
VERSION = "36"

__all__ = ["canonical_speakers", "extract"]  # claims(): ``verify.extract.claims.claims``


def __getattr__(name: str) -> Any:
    # Lazy, so that reading a date (``read`` uses ``timeref``) loads no parser.
    if name in __all__:
        return getattr(import_module(".claims", __name__), name)
    raise AttributeError(f"module 'verify.extract' has no attribute {name!r}")
