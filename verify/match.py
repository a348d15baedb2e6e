"""Claims across documents: candidate pairs by nearest neighbours, then the
checks of ``verdicts`` (measure, time, speaker), then groups of one fact.

A group is a connected set of links between claims of different documents;
its verdict is ``discrepancy`` when any link in it is one. ``origins`` counts
the independent sources behind a group: copies of one text count once, and
so do reports that all rest on one speaker.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from .models import Claim, Document, Group
from .verdicts import (
    Link,
    compare_quantities,
    compare_quotes,
    day,
    measure,
    plausible,
    same_time,
    same_value,
    same_words,
    shared_phrase,
)

# Candidate pairs: the nearest neighbours of each claim, down to this cosine.
NEIGHBOURS = 24
FLOOR = 0.35
# Numbers of one measure agree or conflict above these similarities of their
# clauses; without a known common time the bar is higher, since "three dead"
# in two texts may be two events.
AGREE_SIMILARITY = 0.45
CONFLICT_SIMILARITY = 0.55
# One number, stated alike, in two articles known to report one event
# agrees at this lower similarity: "that left one person dead" and "One
# person ... was pronounced dead at the scene".
ONE_EVENT_SIMILARITY = 0.3
UNTIMED_SIMILARITY = 0.62
# Numbers of differently named things ("peacekeepers", "troops") agree only
# when their clauses say much the same thing and the number is not a small
# one that many facts share; they never conflict.
LOOSE_SIMILARITY = 0.6
LOOSE_MIN_VALUE = 20
CASUALTIES = {"deaths", "injured"}
# Sentences without numbers or quotes agree when they share a phrase and are this alike.
TEXT_SIMILARITY = 0.5
# Documents sharing this share of their 8-word shingles are copies of one text.
COPY_SHARE = 0.5

_STOP = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be been being "
    "that this these those it its their his her they he she we you i not no has have had "
    "will would can could should may might do does did said says say also than then which "
    "who whom whose what when where how all any both each other some such into over after "
    "before about between".split()
)
_WORD = re.compile(r"\w+")


# Proper names: a capitalised word that does not open a sentence.
_NAME = re.compile(r"(?<![.!?:\n“\"]\s)(?<!^)\b([A-Z][a-z]{2,}(?:[-’'][A-Z]?[a-z]+)*)\b")
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
_COMMON_NAMES = frozenset(
    "The This That These Those There Their They Then When Where What Which While With "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Mr Mrs Ms Dr".split()
)


# A person named in full: two or three capitalised words, none of them the
# word of an institution or a place ("County Coroner's Office", "Memorial
# Hospital"), whose last word (the surname) comes back alone in the text;
# at a sentence's start too ("Nasser Hamad was arraigned"), since the
# surname's coming back is what tells a name from a capitalised phrase.
_FULL_NAME = re.compile(
    r"\b([A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'][A-Z]?[a-z]+)*"
    r"(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'][A-Z]?[a-z]+)*){1,2})\b(?!\s+[A-Z])"
)
_INSTITUTION = frozenset(
    "Office Department Dept Police Sheriff Hospital Center Centre Medical County Coroner Services "
    "Service Jail University College School Side Church Court Patrol Bureau Agency Authority "
    "Association Council Committee Commission Company Corporation News Press Times Post Network "
    "Station Division Unit Force Team State City Town Village Township Examiner Attorney Prosecutor "
    "Fire Rescue Emergency Health Hall Airport Administration Institute Board Club Party House "
    "Senate Congress Ministry Government Avenue Street Road Drive Boulevard Highway Lane North "
    "South East West Northern Southern Eastern Western Central New United Saint St".split()
)
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


def people(text: str) -> set[str]:
    """The people a text names in full and then again by surname."""
    named = set()
    for m in _FULL_NAME.finditer(text):
        words = m.group(1).split()
        if not any(w.rstrip(".") in _INSTITUTION or w in _COMMON_NAMES for w in words):
            named.add(" ".join(words))
    if not named:
        return set()
    words = Counter(_WORD.findall(text))  # once per text, not once per name

    def mentions(surname: str) -> int:
        if surname.isalnum():
            return words[surname]
        return len(re.findall(r"\b" + re.escape(surname) + r"\b", text))  # "O'Brien-Lee"

    # Named again by the surname alone; a place is named whole again.
    return {full for full in named if mentions(full.split()[-1]) > text.count(full)}


def names(text: str) -> set[str]:
    """The proper names of a text, a cheap signature of what it is about."""
    return {m.group(1) for m in _NAME.finditer(text) if m.group(1) not in _COMMON_NAMES}


class Events:
    """Which documents report the same event, judged by the names they share."""

    def __init__(self, documents: dict[str, Document], doc_ids: set[str]) -> None:
        self.names = {d: names(documents[d].text) if d in documents else set() for d in doc_ids}
        self.df: Counter[str] = Counter(n for found in self.names.values() for n in found)
        total = len(doc_ids)
        self.weight = {n: math.log((total + 1) / (c + 1)) + 1 for n, c in self.df.items()}
        self.cap = max(COMMON_DOCS, int(COMMON_SHARE * total))
        self.uncommon = {d: sum(1 for n in found if self.df[n] <= self.cap) for d, found in self.names.items()}
        self.dates = {d: day(documents[d].date) if d in documents else None for d in doc_ids}
        self.people = {d: people(documents[d].text) if d in documents else set() for d in doc_ids}
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
        if key not in self._cache:
            na, nb = self.names.get(a, set()), self.names.get(b, set())
            wa = sum(self.weight[n] for n in na)
            wb = sum(self.weight[n] for n in nb)
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
        return self._cache[key]


def links(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    documents: dict[str, Document],
) -> tuple[list[Link], list[Link]]:
    """Links between claims of different documents, and flags (the same
    words given to different speakers) that are not verdicts."""
    from .index import VectorStore

    if len(claims) < 2:
        return [], []
    ids = [c.id for c in claims]
    by_id = {c.id: c for c in claims}
    store = VectorStore(vectors.astype(np.float32), ids)
    scores, neighbours = store.search(vectors.astype(np.float32), min(NEIGHBOURS + 1, len(claims)))
    row = {c.id: i for i, c in enumerate(claims)}
    children: dict[str, list[str]] = defaultdict(list)
    for c in claims:
        if c.parent:
            children[c.parent].append(c.id)

    def similarity(a: Claim, b: Claim) -> float:
        """Of two numbers' clauses, or of their sentences if those are nearer."""
        sim = float(vectors[row[a.id]] @ vectors[row[b.id]])
        if a.parent in row and b.parent in row:
            sim = max(sim, float(vectors[row[a.parent]] @ vectors[row[b.parent]]))
        return sim

    sentence = {c.id: c.text for c in claims}

    def totals(c: Claim) -> bool:
        return bool(c.quantities) and aggregate(sentence.get(c.parent or c.id, c.text))

    def context(a: Claim, b: Claim) -> float:
        """Of two claims' sentences: what a conflict of their numbers rests on."""
        ra, rb = row.get(a.parent or a.id, row[a.id]), row.get(b.parent or b.id, row[b.id])
        return float(vectors[ra] @ vectors[rb])

    events = Events(documents, {c.doc for c in claims})
    candidates: set[tuple[str, str]] = set()
    for i, claim in enumerate(claims):
        for score, other_id in zip(scores[i], neighbours[i]):
            if score < FLOOR:
                break
            other = by_id[other_id]
            if other.doc == claim.doc and not (claim.quantities and other.quantities):
                continue  # within one article only a number restated is linked
            candidates.add((claim.id, other.id) if claim.id < other.id else (other.id, claim.id))
            # Sentences near each other bring the numbers in them together.
            for x in children.get(claim.id, []):
                for y in children.get(other.id, []):
                    candidates.add((x, y) if x < y else (y, x))
    # Two articles about one event: every pair of their numbers of one
    # measure is a candidate, however many other claims lie nearer.
    numbers_of: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.quantities:
            key = measure(c, c.quantities[0])
            if key is not None:
                numbers_of[c.doc][key[:2]].append(c.id)
    doc_pairs = {(by_id[a].doc, by_id[b].doc) for a, b in candidates if by_id[a].doc != by_id[b].doc}
    doc_pairs |= events.neighbours()
    for da, db in doc_pairs:
        if not events.same(da, db):
            continue
        for key, ids_a in numbers_of[da].items():
            for x in ids_a:
                for y in numbers_of[db].get(key, ()):
                    candidates.add((x, y) if x < y else (y, x))
    found: list[Link] = []
    flags: list[Link] = []
    for key in sorted(candidates):
        if not events.same(by_id[key[0]].doc, by_id[key[1]].doc):
            continue  # claims about different events are never compared
        a, b = by_id[key[0]], by_id[key[1]]
        link = pair(a, b, similarity(a, b), documents, events.relation(a.doc, b.doc),
                    context(a, b), several=totals(a) or totals(b))
        if link is not None and a.doc == b.doc and (link.verdict != "agree" or a.parent == b.parent):
            link = None  # an article restating its own number agrees with itself; it is not a source against itself
        if link is not None:
            found.append(link)
        if a.speaker and b.speaker and a.speaker != b.speaker and a.quote and b.quote:
            note = same_words(a, b)
            if note:
                flags.append(Link(a.id, b.id, "flag", note))
    return found, flags


def pair(
    a: Claim,
    b: Claim,
    similarity: float,
    documents: dict[str, Document],
    event: str = "unknown",
    context: float | None = None,
    several: bool = False,
) -> Link | None:
    """The verdict on two claims of different documents, or None when they
    are not about one fact.

    ``event``: what their articles are to each other (``Events.relation``).
    ``context``: the similarity of the sentences two numbers stand in (their
    own ``similarity`` when None). ``several``: a number is a total over
    several events ("in 4 separate shootings"): it may agree, never conflict."""
    if a.quantities and b.quantities:
        return _numbers(a, b, similarity, documents, event, similarity if context is None else context, several)
    if a.quantities or b.quantities:
        return None
    if a.quote and b.quote and a.speaker and a.speaker == b.speaker:
        link = compare_quotes(a, b)
        if link is not None:
            return link
    if similarity >= TEXT_SIMILARITY and not _different_speakers(a, b):
        phrase = shared_phrase(a, b, _STOP)
        if phrase:
            when, _ = same_time(a, b, documents)
            if when is not False:
                return Link(a.id, b.id, "agree", f"both say “{phrase}”")
    return None


def _different_speakers(a: Claim, b: Claim) -> bool:
    return bool(a.speaker and b.speaker and a.speaker != b.speaker)


def _numbers(
    a: Claim,
    b: Claim,
    similarity: float,
    documents: dict[str, Document],
    event: str = "unknown",
    context: float = 1.0,
    several: bool = False,
) -> Link | None:
    qa, qb = a.quantities[0], b.quantities[0]
    ka, kb = measure(a, qa), measure(b, qb)
    if ka is None or kb is None or ka[0] != kb[0]:
        return None
    if ka[0] == "duration" and (qa.unit or "") != (qb.unit or "") and similarity < AGREE_SIMILARITY:
        return None
    restated = ka[:2] == kb[:2] and same_value(qa, qb)
    timed, when = same_time(a, b, documents)
    if timed is False and told_again(a, b, event, restated and ka[1] in CASUALTIES):
        timed = None
    if timed is False:
        return None  # the 2020 war and this week's clash
    # Within one article a number restated is one fact unless its time says otherwise.
    bar = AGREE_SIMILARITY if timed or a.doc == b.doc else UNTIMED_SIMILARITY
    if event == "one" and restated:
        bar = min(bar, ONE_EVENT_SIMILARITY)
    if ka[:2] == kb[:2] and ka[2] != kb[2]:
        # One measure of differently named people ("two men", "two people"):
        # they may agree; a part never conflicts with a whole ("two of its troops").
        if similarity < bar or not plausible(qa, qb):
            return None
        link = compare_quantities(a, qa, b, qb, when)
        return link if link.verdict == "agree" else None
    if ka != kb:
        # Different things counted: at most a loose agreement, never a conflict.
        if (
            ka[2] != kb[2]
            or similarity < LOOSE_SIMILARITY
            or qa.value is None or qb.value is None  # vague words are never compared
            or min(qa.value, qb.value) < LOOSE_MIN_VALUE
            or abs(qa.value - qb.value) > 0.1 * max(qa.value, qb.value)
            or {ka[1], kb[1]} & CASUALTIES
        ):
            return None
        link = compare_quantities(a, qa, b, qb, when)
        return link if link.verdict == "agree" else None
    if similarity < bar or not plausible(qa, qb):
        return None
    link = compare_quantities(a, qa, b, qb, when)
    if link.verdict == "discrepancy" and (event == "apart" or several):
        return None
    if link.verdict == "discrepancy" and min(similarity, context) < max(bar, CONFLICT_SIMILARITY):
        # Number clauses are short ("seven others injured", "19 others
        # injured") and alike whatever event they report: a conflict needs
        # their sentences alike too.
        return None
    return link


def told_again(a: Claim, b: Claim, event: str, same_toll: bool) -> bool:
    """Whether two numbers whose times differ are still one event's, told
    again: their articles report one event (``event`` is ``one``) and only
    the articles' dates differ, a later article looking back ("the shooting
    that killed one man"); or they state one toll alike (``same_toll``)
    whatever times they read, a weekday read against the date of a story
    retold weeks later ("died Monday night"). Another measure may be
    another year's."""
    return event == "one" and ((not a.time and not b.time) or same_toll)


# A total over several events ("five others were wounded in 4 separate
# shootings", "23 people were wounded in shootings across the city"): it
# may agree with another total, never conflict with one event's count.
_SEVERAL = (r"(?:separate|unrelated|different|several|multiple|other|\d+|two|three|four|five|six|"
            r"seven|eight|nine|ten|a\s+string\s+of|a\s+series\s+of)")
_EVENTS = r"(?:shootings|incidents|attacks|crashes|clashes|bombings|explosions|strikes|raids)"
_AGGREGATE = re.compile(rf"\b(?:{_SEVERAL}\s+(?:separate\s+)?{_EVENTS}|in\s+{_EVENTS})\b", re.I)


def aggregate(text: str) -> bool:
    """Whether a sentence counts over several events."""
    return bool(_AGGREGATE.search(text))


def _shingles(text: str, n: int = 8) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i : i + n])) for i in range(max(0, len(words) - n + 1))}


def copies(documents: dict[str, Document], doc_ids: set[str]) -> dict[str, str]:
    """Each document's origin: documents that are copies of one text share one."""
    origin = {d: d for d in doc_ids}
    ordered = sorted(doc_ids)
    shingles = {d: _shingles(documents[d].text) if d in documents else set() for d in ordered}
    for i, d in enumerate(ordered):
        for e in ordered[i + 1 :]:
            sa, sb = shingles[d], shingles[e]
            if sa and sb and len(sa & sb) / min(len(sa), len(sb)) >= COPY_SHARE:
                origin[e] = origin[d]
    return origin


def groups(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    documents: dict[str, Document],
) -> tuple[list[Group], list[Link]]:
    """Groups of claims about one fact across documents, and the flags."""
    found, flags = links(claims, vectors, documents)
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for link in found:
        ra, rb = root(link.a), root(link.b)
        if ra != rb:
            parent[rb] = ra
    members: dict[str, list[str]] = defaultdict(list)
    order = {c.id: i for i, c in enumerate(claims)}
    for cid in sorted({x for link in found for x in (link.a, link.b)}, key=order.__getitem__):
        members[root(cid)].append(cid)
    by_id = {c.id: c for c in claims}
    out: list[Group] = []
    for ids in sorted(members.values(), key=lambda m: order[m[0]]):
        inside = [lk for lk in found if lk.a in ids and lk.b in ids]
        conflicts = [lk for lk in inside if lk.verdict == "discrepancy"]
        docs = {by_id[i].doc for i in ids}
        origin = copies(documents, docs)
        origins = {
            by_id[i].speaker if by_id[i].speaker else "doc:" + origin[by_id[i].doc] for i in ids
        }
        reason = (conflicts or inside)[0].reason
        out.append(
            Group(
                id=f"g{len(out) + 1}",
                verdict="discrepancy" if conflicts else "agree",
                claims=ids,
                conflicts=[(lk.a, lk.b) for lk in conflicts],
                reason=reason,
                origins=len(origins),
            )
        )
    return out, flags
