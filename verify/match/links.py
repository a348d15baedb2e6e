"""Claims across documents: candidate pairs, the verdict on each, groups of one fact.

Embeddings only propose candidates: each claim's nearest neighbours, and
every pair of numbers of one measure in two articles that report one event.
A candidate pair becomes a link only by the named rules of ``facts``,
``compare``, ``statements``, ``quotes`` and ``events``, and every link
carries their names. A group is a set of links between claims of articles
that all report one event; its verdict is ``discrepancy`` when any link in
it is one. ``origins`` counts the independent sources behind a group:
copies of one text count once, and so do reports that all rest on one
speaker.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..extract.timeref import time_expressions
from ..models import Claim, Document, Group, Quantity
from .compare import (
    BOUNDS_REVERSED,
    OTHER_TIME,
    SAME_TIME,
    SCALE_DIFFERS,
    Link,
    compare_quantities,
    compatible,
    plausible,
    power_of_ten,
    same_time,
)
from .events import Events
from .facts import lasting, measure, other_subject, same_value, scaled
from .origins import Copies
from .quotes import SHARED_PHRASE, compare_quotes, different_speakers, same_speaker, same_words, shared_phrase
from .rules import rule
from .statements import SAME_STATEMENT_RULE, align
from .thresholds import (
    AGREE_SIMILARITY,
    CONFLICT_SIMILARITY,
    FLOOR,
    LOOSE_MIN_VALUE,
    LOOSE_SIMILARITY,
    LOOSE_TOLERANCE,
    NEIGHBOURS,
    ONE_EVENT_SIMILARITY,
    SCALE_SMALL,
    TEXT_SIMILARITY,
    UNTIMED_SIMILARITY,
)

if TYPE_CHECKING:
    from ..index import IndexVectors

CASUALTIES = {"deaths", "injured"}
# Measures that describe one person, not an event: two people's ages are
# not one fact, and are compared only inside one statement.
PERSONAL = {"age"}

SAME_MEASURE = rule("same-measure", "numbers are compared only when they measure one thing (deaths are not injured)")
VAGUE = rule("vague-not-compared", "vague words ('many', 'dozens') name no number and are never compared as one")
PERSONAL_ATTRIBUTE = rule(
    "personal-attribute", "ages of people are compared only inside one statement: two people's ages are not one fact"
)
ONE_PERSON = rule(
    "one-person",
    "in two reports of one event, the ages of one person named in full ('Dana Reyes, 24,' and "
    "'24-year-old Dana Reyes') are one fact; "
    "a year apart, unless of one time, a birthday may lie between",
)
SURNAME_AGE = rule(
    "surname-age",
    "in two reports of one event, one age beside one surname ('Keith Lamont Scott, 43,' and 'Scott, 43,') "
    "backs; two ages of one surname never conflict: one may be a relative's",
)
TOLD_AGAIN = rule(
    "told-again",
    "one event's number retold in a later article is the event's, whatever the article's date",
)
TIME_OF_CONTEXT = rule(
    "time-of-context",
    "one statement whose words name the same time, or none, speaks of one time, whatever times the "
    "sentences around each carried into it ('That year the city recorded 305 homicides'): a draft "
    "against the corpus, where a draft's times come from its own context; two articles' times stand",
)
CLAUSES_ALIKE = rule("clauses-alike", "two numbers of one measure are one fact when their clauses say the same thing")
PART_OF_WHOLE = rule("part-of-whole", "a part never conflicts with a whole ('two of its troops' and '12 dead')")
LOOSE = rule(
    "differently-named", "numbers of differently named things may agree when nearly equal and large; never conflict"
)
ZERO_APART = rule(
    "zero-apart",
    "in two reports of one event, two counts of people a power of ten apart in alike sentences conflict "
    "however the people are named ('100 people were injured', 'shooting 10 people'): a zero dropped or added",
)
TURNED = rule(
    "turned-around",
    "a share or a sum stated alike but moved the other way ('increased its forecast by 0.1 points', "
    "'cut its forecast by 0.1 points') is reported differently",
)
MIRRORED = rule(
    "mirrored-bound",
    "in two reports of one event, one value and unit with its bound reversed ('more than four hours', "
    "'less than four hours') is one fact reported two ways, however the sentences are worded",
)
SAME_LASTING = rule(
    "same-lasting",
    "in two reports of one event, durations of one thing ('a six-week war', 'the war lasted eight weeks'; "
    "'the talks', 'the meeting') are one fact, however the sentences are worded",
)
SEVERAL_EVENTS = rule("several-events", "a total over several events ('in 4 separate shootings') never conflicts with one event's")
EVENT_APART = rule(
    "event-apart", "articles that share names but not enough, or are dated far apart, may agree, never conflict"
)
CONTEXT_ALIKE = rule("context-alike", "a conflict needs the numbers' sentences alike, not only their short clauses")
ALSO_STATED = rule(
    "also-stated",
    "an article that also states the other's number does not disagree with it: its other number is another time or part",
)
ONE_EVENT_PER_GROUP = rule(
    "one-event-per-group", "a group never holds articles known to report different events; such a link is left out"
)
SAME_ARTICLE = rule("same-article", "an article restating its own number agrees with itself; it is never a source against itself")

_STOP = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be been being "
    "that this these those it its their his her they he she we you i not no has have had "
    "will would can could should may might do does did said says say also than then which "
    "who whom whose what when where how all any both each other some such into over after "
    "before about between".split()
)


def links(
    claims: Sequence[Claim],
    vectors: np.ndarray | IndexVectors,
    documents: dict[str, Document],
    events: Events | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Link], list[Link]]:
    """Links between claims of different documents, and flags (the same
    words given to different speakers) that are not verdicts;
    ``progress(done, total)`` every thousand candidate pairs."""
    from ..index import IndexVectors, VectorStore

    if len(claims) < 2:
        return [], []
    ids = [c.id for c in claims]
    by_id = {c.id: c for c in claims}
    # An index's vectors (``IndexVectors``) bring its own search, through the graph it keeps.
    search = vectors.neighbour_rows if isinstance(vectors, IndexVectors) else None
    vectors = np.ascontiguousarray(vectors.array if isinstance(vectors, IndexVectors) else vectors, dtype=np.float32)
    scores, found_rows = (search or VectorStore(vectors).neighbour_rows)(min(NEIGHBOURS + 1, len(claims)))
    neighbours = [[ids[r] for r in line if r >= 0] for line in found_rows]
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

    several: dict[str, bool] = {}

    def totals(c: Claim) -> bool:
        """Whether a number's sentence counts over several events (once per sentence)."""
        if not c.quantities:
            return False
        key = c.parent or c.id
        if key not in several:
            several[key] = aggregate(sentence.get(key, c.text))
        return several[key]

    def statement(a: Claim, b: Claim) -> Callable[[], bool]:
        return lambda: stands_alike(a, by_id.get(a.parent or "", a), b, by_id.get(b.parent or "", b))

    def context(a: Claim, b: Claim) -> float:
        """Of two claims' sentences: what a conflict of their numbers rests on."""
        ra, rb = row.get(a.parent or a.id, row[a.id]), row.get(b.parent or b.id, row[b.id])
        return float(vectors[ra] @ vectors[rb])

    events = events or Events(documents, {c.doc for c in claims})
    candidates: set[tuple[str, str]] = set()
    doc_pairs: set[tuple[str, str]] = set()  # articles with a candidate between them
    relation: dict[str, str] = {}  # of the current claim's article to others (claims come article by article)
    current = None
    for i, claim in enumerate(claims):
        if claim.doc != current:
            current, relation = claim.doc, {}
        for score, other_id in zip(scores[i], neighbours[i]):
            if score < FLOOR:
                break
            other = by_id[other_id]
            if other.doc == claim.doc and not (claim.quantities and other.quantities):
                continue  # within one article only a number restated is linked
            event = relation.get(other.doc)
            if event is None:
                event = relation[other.doc] = events.relation(claim.doc, other.doc)
            if event == "different":
                continue  # claims about different events are never compared (nor their numbers)
            if other.doc != claim.doc:
                doc_pairs.add((claim.doc, other.doc) if claim.doc < other.doc else (other.doc, claim.doc))
            candidates.add((claim.id, other.id) if claim.id < other.id else (other.id, claim.id))
            # Sentences near each other bring the numbers in them together.
            for x in children.get(claim.id, []):
                for y in children.get(other.id, []):
                    candidates.add((x, y) if x < y else (y, x))
    # Two articles about one event: every pair of their numbers of one
    # measure is a candidate, however many other claims lie nearer.
    numbers_of: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    # (an article's numbers of each measure, also for ALSO_STATED)
    for c in claims:
        if c.quantities:
            key = measure(c, c.quantities[0])
            if key is not None:
                numbers_of[c.doc][key[:2]].append(c.id)
    doc_pairs |= events.neighbours()
    for da, db in doc_pairs:
        event = events.relation(da, db)
        if event == "different":
            continue
        for key, ids_a in numbers_of[da].items():
            for x in ids_a:
                a = by_id[x]
                for y in numbers_of[db].get(key, ()):
                    b = by_id[y]
                    # Articles not known to report one event: two numbers of
                    # other times are never linked (OTHER_TIME; only one
                    # event's are TOLD_AGAIN), and are no candidate unless
                    # both are quotes (the flag of one's words given to two).
                    if event != "one" and not (_quoted(a) and _quoted(b)) and same_time(a, b, documents)[0] is False:
                        continue
                    candidates.add((x, y) if x < y else (y, x))
    found: list[Link] = []
    flags: list[Link] = []
    for done, key in enumerate(sorted(candidates), 1):
        if progress is not None and (done % 1000 == 0 or done == len(candidates)):
            progress(done, len(candidates))
        a, b = by_id[key[0]], by_id[key[1]]
        event = events.relation(a.doc, b.doc)
        if event == "different":
            continue  # claims about different events are never compared
        link = pair(a, b, similarity(a, b), documents, event, context(a, b),
                    several=totals(a) or totals(b), statement=statement(a, b))
        if link is not None and a.doc == b.doc and (link.verdict != "agree" or a.parent == b.parent):
            link = None  # SAME_ARTICLE
        if link is not None:
            found.append(link)
        if a.speaker and b.speaker and a.speaker != b.speaker and a.quote and b.quote:
            note = same_words(a, b)
            if note:
                flags.append(Link(a.id, b.id, "flag", note))
    return also_stated(found, by_id, numbers_of), flags


def _quoted(c: Claim) -> bool:
    """A quote given to a speaker: two of them may be flagged as the same words (``same_words``)."""
    return bool(c.speaker and c.quote)


def stands_alike(a: Claim, sa: Claim, b: Claim, sb: Claim) -> bool:
    """Whether two numbers stand at one place of one statement: their
    sentences (``sa``, ``sb``) say the same words and names but for their
    numbers, and the numbers are aligned."""
    al = align(sa.text, sb.text)
    if al is None or not a.quantities or not b.quantities:
        return False
    qa, qb = a.quantities[0], b.quantities[0]
    return al.pairs((qa.start - sa.start, qa.end - sa.start), (qb.start - sb.start, qb.end - sb.start))


def pair(
    a: Claim,
    b: Claim,
    similarity: float,
    documents: dict[str, Document],
    event: str = "unknown",
    context: float | None = None,
    several: bool = False,
    statement: Callable[[], bool] | None = None,
    why: list[str] | None = None,
    carried: bool = False,
) -> Link | None:
    """The verdict on two claims of different documents, or None when they
    are not about one fact (then the rule that said so is added to ``why``,
    when given).

    ``event``: what their articles are to each other (``Events.relation``).
    ``context``: the similarity of the sentences two numbers stand in (their
    own ``similarity`` when None). ``several``: a number is a total over
    several events ("in 4 separate shootings"): it may agree, never conflict.
    ``statement``: whether the two numbers stand at one place of one
    statement (``stands_alike``), asked only when it decides. ``carried``:
    ``a`` is a draft's, whose times the draft's own sentences carried into
    it (TIME_OF_CONTEXT)."""
    if a.quantities and b.quantities:
        link = _numbers(a, b, similarity, documents, event, similarity if context is None else context, several, statement,
                        carried)
        if link.verdict == "none":
            if why is not None:
                why.extend(link.rules)
            return None
        turned = turned_around(a, b) if link.verdict == "agree" else None
        if turned is not None:
            return Link(a.id, b.id, "discrepancy", f"“{turned[0]}” vs “{turned[1]}”: {link.reason}", (*link.rules, TURNED))
        return link
    if a.quantities or b.quantities:
        return None
    if a.quote and b.quote and same_speaker(a.speaker, b.speaker):
        link = compare_quotes(a, b)
        if link is not None:
            return link
    if similarity >= TEXT_SIMILARITY and not different_speakers(a, b) and not other_subject(a, b):
        phrase = shared_phrase(a, b, _STOP)
        if phrase:
            when, _ = same_time(a, b, documents)
            if when is not False:
                return Link(a.id, b.id, "agree", f"both say “{phrase}”", (SHARED_PHRASE,))
    return None


def _numbers(
    a: Claim,
    b: Claim,
    similarity: float,
    documents: dict[str, Document],
    event: str = "unknown",
    context: float = 1.0,
    several: bool = False,
    statement: Callable[[], bool] | None = None,
    carried: bool = False,
) -> Link:
    """The link of two numbers; verdict ``none`` with the blocking rule when they are not one fact."""
    qa, qb = a.quantities[0], b.quantities[0]
    ka, kb = measure(a, qa), measure(b, qb)
    if ka is None or kb is None or ka[0] != kb[0]:
        return Link(a.id, b.id, "none", "", (VAGUE if ka is None or kb is None else SAME_MEASURE,))
    restated = ka[:2] == kb[:2] and same_value(qa, qb)
    timed, when = same_time(a, b, documents)
    rules: tuple[str, ...] = ()
    if timed is False and told_again(a, b, event, restated and ka[1] in CASUALTIES):
        timed, rules = None, (TOLD_AGAIN,)
    if timed is False and carried and (a.time or b.time) and statement is not None \
            and _time_words(a.text) == _time_words(b.text) and statement():
        timed, rules = None, (TIME_OF_CONTEXT,)
    if timed is False:
        return Link(a.id, b.id, "none", "", (OTHER_TIME,))  # the 2020 war and this week's clash
    if timed:
        rules += (SAME_TIME,)
    apart = other_subject(a, b)
    if apart:
        return Link(a.id, b.id, "none", "", (apart,))  # another place, other people: another fact
    if statement is not None and (ka[:2] == kb[:2] or qa.kind == "duration") and statement():
        # One statement, its number changed: one fact, whatever the values,
        # and any change of the stated number is one a reader notices.
        return compare_quantities(a, qa, b, qb, when, stated=True).having(SAME_STATEMENT_RULE, *rules)
    if {ka[1], kb[1]} & PERSONAL:
        person, other = whose(a, qa), whose(b, qb)
        if ka[1] == kb[1] and event == "one" and person and person == other and " " in person:
            link = compare_quantities(a, qa, b, qb, when).having(ONE_PERSON, *rules)
            if link.verdict == "discrepancy" and not timed and abs(scaled(qa) - scaled(qb)) <= 1:
                return Link(a.id, b.id, "none", "", (ONE_PERSON,))  # a birthday between two reports
            return link
        if ka[1] == kb[1] and event == "one" and person and other and _surname_of(person, other) and same_value(qa, qb):
            # SURNAME_AGE: "Keith Lamont Scott, 43," and "Scott, 43,": one age of one surname in
            # one event backs; a different one may be a relative's, never a conflict
            return compare_quantities(a, qa, b, qb, when).having(SURNAME_AGE, *rules)
        return Link(a.id, b.id, "none", "", (PERSONAL_ATTRIBUTE,))
    if event == "one" and lasting(qa) is not None and lasting(qa) == lasting(qb):
        # The durations of one thing of one event ("a six-week war", "the
        # war lasted eight weeks"): one fact, however the sentences are worded.
        return compare_quantities(a, qa, b, qb, when).having(SAME_LASTING, *rules)
    if ka[0] == "duration" and (qa.unit or "") != (qb.unit or "") and similarity < AGREE_SIMILARITY:
        return Link(a.id, b.id, "none", "", (CLAUSES_ALIKE,))
    # Within one article, or two reports of one event, a number restated is
    # one fact unless its time says otherwise: the event gives the time.
    bar = AGREE_SIMILARITY if timed or a.doc == b.doc or event == "one" else UNTIMED_SIMILARITY
    if event == "one" and restated:
        bar = min(bar, ONE_EVENT_SIMILARITY)
    if similarity < bar:
        return Link(a.id, b.id, "none", "", (CLAUSES_ALIKE,))
    rules += (CLAUSES_ALIKE,)
    if ka[:2] == kb[:2] and ka[2] != kb[2] and ka[0] != "ordinal":
        # One measure of differently named people ("two men", "two people"):
        # they may agree; a part never conflicts with a whole ("two of its troops").
        link = compare_quantities(a, qa, b, qb, when)
        if link.verdict == "agree" and plausible(qa, qb):
            return link.having(PART_OF_WHOLE, *rules)
        return Link(a.id, b.id, "none", "", (PART_OF_WHOLE,))
    # OF_OTHER_THINGS: an ordinal's key names what it orders ("the third hearing",
    # "the third debate"): two ordinals of different things are never one fact (below).
    if ka != kb and event == "one" and zero_apart(qa, qb, ka, kb) and min(similarity, context) >= CONFLICT_SIMILARITY:
        return compare_quantities(a, qa, b, qb, when).having(ZERO_APART, *rules)
    if ka != kb:
        # Different things counted: at most a loose agreement, never a conflict.
        if (
            ka[2] != kb[2]
            or similarity < LOOSE_SIMILARITY
            or qa.value is None or qb.value is None  # vague words are never compared
            or min(qa.value, qb.value) < LOOSE_MIN_VALUE
            or abs(qa.value - qb.value) > LOOSE_TOLERANCE * max(qa.value, qb.value)
            or {ka[1], kb[1]} & CASUALTIES
        ):
            return Link(a.id, b.id, "none", "", (LOOSE,))
        link = compare_quantities(a, qa, b, qb, when)
        return link.having(LOOSE, *rules) if link.verdict == "agree" else Link(a.id, b.id, "none", "", (LOOSE,))
    if not plausible(qa, qb) and not power_of_ten(qa, qb) and not (event == "one" and max(scaled(qa), scaled(qb)) <= SCALE_SMALL):
        return Link(a.id, b.id, "none", "", (SCALE_DIFFERS,))
    link = compare_quantities(a, qa, b, qb, when).having(SAME_MEASURE, *rules)
    if link.verdict == "discrepancy" and (event == "apart" or several):
        return Link(a.id, b.id, "none", "", (SEVERAL_EVENTS if several else EVENT_APART,))
    if link.verdict == "discrepancy" and event == "one" and mirrored(qa, qb, link):
        return link.having(MIRRORED)  # "more than four hours" and "less than four hours", however worded
    if link.verdict == "discrepancy" and min(similarity, context) < max(bar, CONFLICT_SIMILARITY):
        # Number clauses are short ("seven others injured", "19 others
        # injured") and alike whatever event they report: a conflict needs
        # their sentences alike too.
        return Link(a.id, b.id, "none", "", (CONTEXT_ALIKE,))
    return link.having(CONTEXT_ALIKE) if link.verdict == "discrepancy" else link


# Words that say which way a share or a sum moved (TURNED), as news English
# writes them; a phrasal "edged up" is its particle.
_UP = frozenset("rise rises rose risen rising increase increased increases increasing raise raised raises gain gained "
                "gains grow grew grown grows climb climbed climbs jump jumped jumps up boost boosted surge surged "
                "soar soared higher".split())
_DOWN = frozenset("fall falls fell fallen falling drop dropped drops decline declined declines cut cuts cutting lower "
                  "lowered lowers down shrink shrank shrunk slash slashed slashes reduce reduced reduces lose lost "
                  "dip dipped slide slid plunge plunged sink sank decrease decreased decreases trim trimmed".split())
_WORD = re.compile(r"[a-z]+")


def turned_around(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The words of two shares or sums stated alike that say they moved
    opposite ways ("increased its forecast by 0.1 percentage points", "cut
    its forecast by 0.1 percentage points"), or None: each clause, up to its
    number, must say one way only."""
    qa, qb = a.quantities[0], b.quantities[0]
    if qa.kind not in ("percent", "money") or qb.kind not in ("percent", "money"):
        return None
    ways = []
    for c, q in ((a, qa), (b, qb)):
        words = _WORD.findall(c.text[: q.start - c.start].lower())
        words = [w for i, w in enumerate(words) if not (w == "up" and words[i + 1: i + 2] == ["to"])]  # "up to": a bound
        up, down = [w for w in words if w in _UP], [w for w in words if w in _DOWN]
        if bool(up) == bool(down):
            return None
        ways.append(("up", up[-1]) if up else ("down", down[-1]))
    return (ways[0][1], ways[1][1]) if ways[0][0] != ways[1][0] else None


def zero_apart(qa: Quantity, qb: Quantity, ka: tuple, kb: tuple) -> bool:
    """Two counts of people, however named ("100 people were injured",
    "shooting 10 people"), a power of ten apart, neither a part of others,
    neither the dead against the living."""
    return (qa.unit == qb.unit == "person" and bool(power_of_ten(qa, qb)) and ka[2] is None and kb[2] is None
            and ("deaths" in (ka[1], kb[1])) == (ka[1] == kb[1] == "deaths"))


def mirrored(qa: Quantity, qb: Quantity, link: Link) -> bool:
    """One value with one unit, its bound reversed ("more than four hours",
    "less than four hours"): a coincidence no two facts of one event make."""
    return BOUNDS_REVERSED in link.rules and (qa.unit or "") == (qb.unit or "") and same_number(qa, qb)


def same_number(qa: Quantity, qb: Quantity) -> bool:
    return qa.value is not None and qb.value is not None and scaled(qa) == scaled(qb)


def _surname_of(a: str, b: str) -> bool:
    """Whether one of two names is the other's surname ("scott", "keith lamont scott")."""
    short, full = sorted((a, b), key=len)
    return " " not in short and full.split()[-1] == short


# Labels a person's name is given by a small tagger (AGE_NAMES_A_PERSON).
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})


def whose(claim: Claim, q: Quantity) -> str | None:
    """The person an age belongs to, when the sentence names them in full right
    beside it ("Dana Reyes, 24," or "24-year-old Dana Reyes"), lower case.
    AGE_NAMES_A_PERSON: a name an age stands beside is a person's whatever
    label the tagger gave it ("Keith Lamont Scott, 43," read as an
    organisation): places and organisations have no age."""
    before = claim.text[: q.start - claim.start].rstrip()
    after = claim.text[q.end - claim.start :].lstrip()
    for label, name in claim.entities:
        if label not in _NAMED or not all(w[:1].isupper() for w in name.split()):
            continue
        if len(name.split()) < 2 and not before.endswith(name + ","):
            continue  # a surname alone only as "Scott, 43," (SURNAME_AGE), never "43-year-old Scott Road"
        if before.endswith((name + ",", name + ", a", name + ", an")) or after.startswith(name):
            return " ".join(name.lower().split())
    m = _NAME_THEN_AGE.search(before)  # a name the tagger missed: "Donna Sampson Rawlings, 59,"
    return " ".join(m.group(1).lower().split()) if m else None


# Two or three capitalised words right before ", 59," (AGE_NAMES_A_PERSON).
_NAME_THEN_AGE = re.compile(r"(?:^|[^\w’'-])((?:[A-Z][a-z’'-]+ ){1,2}[A-Z][a-z’'-]+),$")


def _time_words(text: str) -> list[str]:
    """The time expressions a text itself writes, lower case (TIME_OF_CONTEXT)."""
    return [t.text.lower() for t in time_expressions(text, None)]


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


def also_stated(
    found: list[Link],
    by_id: dict[str, Claim],
    numbers_of: dict[str, dict[tuple[str, str], list[str]]],
) -> list[Link]:
    """Drop a conflict when either article also states a number of the
    same measure that agrees with the other side: the two articles do not
    disagree; the number set against it is another time or another part."""
    memo: dict[tuple[str, str], bool] = {}

    def states(doc: str, other: Claim) -> bool:
        if (doc, other.id) not in memo:
            memo[(doc, other.id)] = _states(doc, other, by_id, numbers_of)
        return memo[(doc, other.id)]

    out = []
    for link in found:
        if link.verdict == "discrepancy":
            a, b = by_id[link.a], by_id[link.b]
            if a.doc != b.doc and (states(a.doc, b) or states(b.doc, a)):
                continue
        out.append(link)
    return out


def _states(doc: str, other: Claim, by_id: dict[str, Claim], numbers_of) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``doc`` states a number of the same measure (and the same
    part counted) as ``other``'s that agrees with it."""
    q = other.quantities[0] if other.quantities else None
    key = measure(other, q) if q is not None else None
    if key is None:
        return False
    for cid in numbers_of.get(doc, {}).get(key[:2], ()):
        mine = by_id[cid]
        q2 = mine.quantities[0]
        if q2.value is not None and measure(mine, q2) == key and compatible(q2, q)[0]:
            return True
    return False


def join(
    found: Sequence[Link],
    doc_of: dict[str, str],
    relation: Callable[[str, str], str],
) -> tuple[list[Link], dict[str, str]]:
    """The links kept and the group of each linked claim (a claim id that
    names the group). Links join groups, agreements first, then conflicts;
    a link that would put into one group two articles known to report
    different events (``relation`` is ``different`` or ``apart``) is left
    out (ONE_EVENT_PER_GROUP): no chain of agreements joins two incidents."""
    parent: dict[str, str] = {}
    docs_of: dict[str, set[str]] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    kept: list[Link] = []
    for link in sorted(found, key=lambda lk: lk.verdict == "discrepancy"):
        ra, rb = root(link.a), root(link.b)
        if ra != rb:
            da = docs_of.get(ra, {doc_of[link.a]})
            db = docs_of.get(rb, {doc_of[link.b]})
            if any(relation(x, y) in ("different", "apart") for x in da for y in db if x != y):
                continue  # ONE_EVENT_PER_GROUP
            parent[rb] = ra
            docs_of[ra] = da | db
            docs_of.pop(rb, None)
        kept.append(link)
    return kept, {x: root(x) for link in kept for x in (link.a, link.b)}


def groups(
    claims: Sequence[Claim],
    vectors: np.ndarray | IndexVectors,
    documents: dict[str, Document],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Group], list[Link]]:
    """Groups of claims about one fact across documents, and the flags."""
    events = Events(documents, {c.doc for c in claims})
    found, flags = links(claims, vectors, documents, events, progress)
    by_id = {c.id: c for c in claims}
    kept, group_of = join(found, {c.id: c.doc for c in claims}, events.relation)
    members: dict[str, list[str]] = defaultdict(list)
    order = {c.id: i for i, c in enumerate(claims)}
    for cid in sorted(group_of, key=order.__getitem__):
        members[group_of[cid]].append(cid)
    inside_of: dict[str, list[Link]] = defaultdict(list)
    for link in kept:
        inside_of[group_of[link.a]].append(link)
    texts = Copies(documents)  # each article's shingles made once, each pair compared once, for all groups
    out: list[Group] = []
    for ids in sorted(members.values(), key=lambda m: order[m[0]]):
        inside = inside_of[group_of[ids[0]]]
        conflicts = [lk for lk in inside if lk.verdict == "discrepancy"]
        docs = {by_id[i].doc for i in ids}
        origin = texts.origins(docs)
        origins = {
            by_id[i].speaker if by_id[i].speaker else "doc:" + origin[by_id[i].doc] for i in ids
        }
        deciding = conflicts or inside
        counts = Counter(r for lk in deciding for r in lk.rules)
        out.append(
            Group(
                id=f"g{len(out) + 1}",
                verdict="discrepancy" if conflicts else "agree",
                claims=ids,
                conflicts=[(lk.a, lk.b) for lk in conflicts],
                reason=deciding[0].reason,
                origins=len(origins),
                rules=[r for r, _ in counts.most_common()],
            )
        )
    return out, flags
