"""The record of one attributed claim span: where it is and who made it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Attributed:
    """A claim span and who made it (speaker None: the outlet's own voice)."""

    start: int
    end: int
    speaker: str | None = None
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    kind: str | None = None
    quote: str | None = None
    person: bool = False
    category: str | None = None


def retold(said: Attributed, start: int, end: int, kind: str | None) -> Attributed:
    """The span ``start:end`` given to the speaker of ``said``."""
    return Attributed(start, end, said.speaker, said.mention, said.mention_start, said.mention_end, said.cue,
                      kind, person=said.person, category=said.category)
