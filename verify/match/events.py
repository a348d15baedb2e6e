"""Which articles report one event, judged by the names they share."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from ..extract.signature import signature
from ..models import Document
from .compare import day

# Two articles are about one event when the names they share weigh this much
# of the lighter article's names (weights are rarity across the corpus): two
# reports of one shooting share the victim's and the street's names; two
# shootings in one city share only the city's and its police's.
EVENT_OVERLAP = 0.2
# Articles proposed as reports of one event: each article's DOC_NEIGHBOURS
# nearest by the names they share, down to this cosine. A name held by more
# than COMMON_SHARE of the articles (and more than COMMON_DOCS of them)
# proposes nothing.
DOC_NEIGHBOURS = 10
DOC_FLOOR = 0.1
COMMON_DOCS = 50
COMMON_SHARE = 0.05
# Articles dated further apart than this (days) report one event only if
# they name one person in full: a follow-up names the victim; two shootings
# in one city months apart share only the city's and its police's names.
EVENT_DAYS = 10
# Two articles report one event only if they share at least EVENT_NAMES
# names that are not common (held by no more articles than the postings'
# cap): a victim's surname and a street, not a street named like a victim
# ("Walker Mill Road" and "Jamarko Walker") beside the county's name. With
# fewer they may agree, never conflict. An article that names fewer
# uncommon names than that needs them all.
EVENT_NAMES = 2
# A full name that more than RARE_SHARE of the articles (and more than
# RARE_DOCS of them) hold is a public figure's, not an event's.
RARE_DOCS = 5
RARE_SHARE = 0.005


class Events:
    """Which documents report the same event, judged by the names they share."""

    def __init__(self, documents: dict[str, Document], doc_ids: set[str],
                 signatures: dict[str, tuple[set[str], set[str]]] | None = None) -> None:
        """``signatures``: the names and people of some of the documents, as
        the index keeps them (``Index.signature``); the others' are read from
        their texts."""
        signed = {d: signatures[d] if signatures and d in signatures else
                  signature(documents[d].text) if d in documents else (set(), set())
                  for d in doc_ids}
        self.names = {d: found for d, (found, _) in signed.items()}
        self.df: Counter[str] = Counter(n for found in self.names.values() for n in found)
        total = len(doc_ids)
        self.weight = {n: math.log((total + 1) / (c + 1)) + 1 for n, c in self.df.items()}
        self.cap = max(COMMON_DOCS, int(COMMON_SHARE * total))
        self.uncommon = {d: sum(1 for n in found if self.df[n] <= self.cap) for d, found in self.names.items()}
        self.mass = {d: sum(self.weight[n] for n in found) for d, found in self.names.items()}  # once per article
        self.dates = {d: day(documents[d].date) if d in documents else None for d in doc_ids}
        self.people = {d: named for d, (_, named) in signed.items()}
        pdf: Counter[str] = Counter(n for found in self.people.values() for n in found)
        rare = max(RARE_DOCS, RARE_SHARE * total)
        self.rare_people = {n for n, c in pdf.items() if c <= rare}
        self._cache: dict[tuple[str, str], str] = {}

    def neighbours(self, k: int = DOC_NEIGHBOURS) -> set[tuple[str, str]]:
        """Pairs of documents that are each other's likeliest reports of one
        event: for each document, the ``k`` others whose names are most alike
        (cosine of rarity-weighted names). Names that most documents share
        ("Police") are left out of the postings; they would say nothing and
        cost a comparison of every pair."""
        postings: dict[str, list[str]] = defaultdict(list)
        for d in sorted(self.names):
            for n in self.names[d]:
                postings[n].append(d)
        norm = {d: math.sqrt(sum(self.weight[n] ** 2 for n in found)) or 1.0 for d, found in self.names.items()}
        out: set[tuple[str, str]] = set()
        for d in sorted(self.names):
            score: Counter[str] = Counter()
            for n in self.names[d]:
                holders = postings[n]
                if len(holders) > self.cap:
                    continue
                w = self.weight[n] ** 2
                for e in holders:
                    if e != d:
                        score[e] += w
            for e, s in score.most_common(k):
                if s / (norm[d] * norm[e]) >= DOC_FLOOR:
                    out.add((d, e) if d < e else (e, d))
        return out

    def same(self, a: str, b: str) -> bool:
        """Not known to be different events: the names agree, or one article names nothing."""
        return self.relation(a, b) != "different"

    def relation(self, a: str, b: str) -> str:
        """``one``: the articles share enough names, at least EVENT_NAMES of
        them uncommon, and are dated close together or name one person in
        full; ``apart``: they share the names but are dated far apart and
        name no one person (two shootings in one city), or share only one
        uncommon name, so they may agree, never conflict;
        ``unknown``: an article names nothing; ``different``: the names
        they share are too few."""
        if a == b:
            return "one"
        key = (a, b) if a < b else (b, a)
        verdict = self._cache.get(key)
        if verdict is None:
            na, nb = self.names.get(a, set()), self.names.get(b, set())
            wa, wb = self.mass.get(a, 0), self.mass.get(b, 0)
            shared = sum(self.weight[n] for n in na & nb)
            lighter = min(wa, wb)
            if lighter == 0:
                verdict = "unknown"
            elif shared < EVENT_OVERLAP * lighter:
                verdict = "different"
            else:
                da, db = self.dates.get(a), self.dates.get(b)
                close = not (da and db and abs((da - db).days) > EVENT_DAYS)
                named = close or self.people[a] & self.people[b] & self.rare_people
                common = sum(1 for n in na & nb if self.df[n] <= self.cap)
                needed = min(EVENT_NAMES, self.uncommon.get(a, 0), self.uncommon.get(b, 0))  # a brief may name only its town
                verdict = "one" if named and common >= needed else "apart"
            self._cache[key] = verdict
        return verdict

