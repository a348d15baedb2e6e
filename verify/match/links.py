"""Claims across documents: candidate pairs by nearest neighbours, then the
checks of ``facts`` and ``compare`` (measure, time, speaker), then groups of one fact.

A group is a connected set of links between claims of different documents;
its verdict is ``discrepancy`` when any link in it is one. ``origins`` counts
the independent sources behind a group: copies of one text count once, and
so do reports that all rest on one speaker.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from ..models import Claim, Document, Group
from .compare import Link, compare_quantities, plausible, same_time
from .events import Events
from .facts import measure, same_value
from .origins import copies
from .quotes import compare_quotes, same_words, shared_phrase

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
_STOP = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be been being "
    "that this these those it its their his her they he she we you i not no has have had "
    "will would can could should may might do does did said says say also than then which "
    "who whom whose what when where how all any both each other some such into over after "
    "before about between".split()
)
_WORD = re.compile(r"\w+")


def links(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    documents: dict[str, Document],
) -> tuple[list[Link], list[Link]]:
    """Links between claims of different documents, and flags (the same
    words given to different speakers) that are not verdicts."""
    from ..index import VectorStore

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

