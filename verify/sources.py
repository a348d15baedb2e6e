"""Where evidence comes from, in words a person can follow up, and which
conflict is the worst.

A source is named by its outlet, title and date and opened by its link: the
record's ``url``, else the path of the file it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, TypeVar

from .models import Claim, Quantity


class _HasDoc(Protocol):
    doc: str


E = TypeVar("E", bound=_HasDoc)


class Source(Protocol):
    """What ``Document``, ``DocumentRef`` and ``Evidence`` share about an article."""

    path: str
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None


def link(source: Source | None) -> str:
    """The record's url, else the file's path."""
    if source is None:
        return ""
    return source.url or source.path or ""


def href(source: Source | None) -> str | None:
    """A link a browser can open: an http(s) url as given, a file as a ``file:`` URI.

    Any other scheme (``javascript:``, ``data:``) gives None: a record's url is
    untrusted input.
    """
    if source is None:
        return None
    if source.url:
        return source.url if source.url.lower().startswith(("http://", "https://")) else None
    if not source.path:
        return None
    try:
        return Path(source.path).resolve().as_uri()
    except ValueError:
        return None


def label(source: Source | None, doc_id: str) -> str:
    """What a person calls an article: its outlet, else its title, else its id."""
    if source is None:
        return doc_id
    return source.outlet or source.title or doc_id


def citation(source: Source | None, doc_id: str) -> str:
    """Outlet, “title”, date and link on one line: ``Daily News · “Flood” · 2023-05-04 · https://…``."""
    if source is None:
        return doc_id
    parts = [source.outlet, f"“{source.title}”" if source.title else None, source.date, link(source)]
    named = [p for p in parts if p]
    if not (source.outlet or source.title):
        named.insert(0, doc_id)
    return " · ".join(named)


def _measure(q: Quantity) -> str:
    return q.counts or q.unit or q.kind


def worst_pair(a: Claim, b: Claim) -> tuple[float, Quantity | None, Quantity | None]:
    """The two numbers of ``a`` and ``b`` that differ most, relative to the larger,
    among those that measure the same thing (any two when none do).

    A conflict with no numbers (words quoted differently) scores 0.
    """
    stated = [(x, y) for x in a.quantities for y in b.quantities if x.value is not None and y.value is not None]
    pairs = [(x, y) for x, y in stated if _measure(x) == _measure(y)] or stated  # vague words have no value
    best: tuple[float, Quantity | None, Quantity | None] = (0.0, None, None)
    for x, y in pairs:
        top = max(abs(x.value), abs(y.value))
        diff = abs(x.value - y.value) / top if top else 0.0
        if best[1] is None or diff > best[0]:
            best = (diff, x, y)
    return best


def severity(a: Claim, b: Claim) -> float:
    """How far apart two conflicting claims are: 0 (words only) to 1."""
    return worst_pair(a, b)[0]


def ranked_conflicts(conflicts: list[tuple[str, str]], claims: dict[str, Claim]) -> list[tuple[Claim, Claim]]:
    """A group's conflicting pairs, the worst (largest relative difference) first;
    pairs of equal weight keep their order."""
    pairs = [(claims[a], claims[b]) for a, b in conflicts if a in claims and b in claims]
    return sorted(pairs, key=lambda p: -severity(*p))


def by_article(evidence: Iterable[E]) -> list[E]:
    """The first piece of evidence from each article, in the order they come."""
    seen: dict[str, E] = {}
    for e in evidence:
        seen.setdefault(e.doc, e)
    return list(seen.values())
