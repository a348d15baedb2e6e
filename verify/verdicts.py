"""Agree, discrepancy, or nothing to say: each rule a small function with its reason.

A pair of claims from two documents is compared only when it is about the
same thing: the same measure (deaths are not injuries, weeks are not deaths,
two of a side's troops are not all the dead), the same time (the 2020 war is
not this week's clash), and, for quotations, the same speaker.
"""

from __future__ import annotations

import calendar
import difflib
import math
import re
from dataclasses import dataclass
from datetime import date

from .models import Claim, Document, Quantity
from .report import counted, number, vague_words

# Durations in one base unit (days) so that "three decades" meets "30 years".
DAYS = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
    "fortnight": 14, "month": 30.44, "year": 365.25, "decade": 3652.5, "century": 36525,
}
# Nouns that count people in general: "three people dead", "three dead", "6,500 lives".
GENERIC_PEOPLE = {
    None, "", "person", "people", "persons", "individual", "life", "lives", "dead", "victim",
    "victims", "casualty", "casualties", "death", "deaths", "fatality", "fatalities",
    "killed", "injured", "wounded", "men", "man", "women", "woman",
    # the rest of the victims, counted apart: "killing one and wounding seven others"
    "other", "others", "more", "additional",
}
# Counts of people that are a part of the whole: "two of its troops", "a soldier".
_PARTITIVE = re.compile(r"^\s*(?:of\s+(?:its|their|his|her|the|our|whom)\s+)([a-z-]+)", re.I)
_NOUN_AFTER = re.compile(r"^\s*(?:[a-z-]+\s+){0,2}?([a-z-]+)", re.I)
_WORD = re.compile(r"\w+(?:[-’']\w+)*")

# Two values of one fact more than this factor apart are taken to be about
# different facts, not a discrepancy: reports of one event disagree by a
# few, not by orders of magnitude (6,500 war dead against three dead in a clash).
MAX_RATIO = 5.0
# A time without a date of its own is the document's date, give or take this.
DOC_DATE_DAYS = 10


@dataclass(frozen=True)
class Link:
    """Two claims about one fact, and what a person needs to read to judge it."""

    a: str
    b: str
    verdict: str  # "agree" or "discrepancy"
    reason: str


# -- quantities ---------------------------------------------------------------


def interval(q: Quantity) -> tuple[float, float]:
    """The values a quantity allows, in base units, bounds included; a vague
    quantity allows whatever its words do not rule out ("dozens": 24 and up)."""
    if q.value is None:
        return (q.low or 0.0), math.inf
    scale = DAYS.get((q.unit or "").rstrip("s"), 1.0) if q.kind == "duration" else 1.0
    lo = q.low if q.low is not None else (q.value if q.qualifier not in ("less_than", "at_most") else 0.0)
    hi = q.high if q.high is not None else (q.value if q.qualifier in ("exact",) else math.inf)
    if q.qualifier in ("less_than", "at_most") and q.high is None:
        hi = q.value
    if q.qualifier == "exact":
        lo = hi = q.value
    return lo * scale, hi * scale


def subgroup(claim_text: str, claim_start: int, q: Quantity) -> str | None:
    """The part of the people counted, when the count is of a part: "two of
    its troops" -> "troops"; "three people" -> None."""
    after = claim_text[q.end - claim_start :]
    m = _PARTITIVE.match(after)
    if m:
        return m.group(1).lower()
    if q.counts in ("deaths", "injured"):
        m = _NOUN_AFTER.match(after)
        if m:
            word = m.group(1).lower()
            if word not in GENERIC_PEOPLE and word not in {"dead", "killed", "injured", "wounded", "were", "was", "and", "or", "in", "people", "died", "have", "had", "are", "been"}:
                return word
    return None


def measure(claim: Claim, q: Quantity) -> tuple[str, str, str | None] | None:
    """What a number measures, as a key: two numbers are compared only when
    their keys are equal. None: too vague to compare ("several", "many")."""
    if q.qualifier == "vague":
        return None
    if q.kind == "duration":
        return ("duration", "days", None)
    if q.kind in ("percent", "money", "ordinal"):
        return (q.kind, q.unit or "", q.counts)
    return (q.kind, q.counts or q.unit or "", subgroup(claim.text, claim.start, q))


def describe(q: Quantity) -> str:
    """"more than 6,500" as a person reads it; "many" stays "many"."""
    if q.value is None:
        return vague_words(q)
    words = {
        "exact": "", "approx": "about ", "more_than": "more than ", "at_least": "at least ",
        "less_than": "under ", "at_most": "at most ", "vague": "",
    }[q.qualifier]
    if q.kind == "range" and q.low is not None and q.high is not None:
        return f"{number(q.low)}–{number(q.high)}"
    value = words + number(q.value)
    if q.kind == "percent":
        value += "%"
    elif q.kind == "duration" and q.unit:
        value += f" {q.unit}s" if q.value != 1 else f" {q.unit}"
    return value


def compare_quantities(a: Claim, qa: Quantity, b: Claim, qb: Quantity, when: str | None) -> Link:
    """Agree when the intervals meet; a discrepancy otherwise."""
    what = counted(qa)
    if qa.kind == "duration":
        what = ""
    tail = f" {what}".rstrip() + (f" ({when})" if when else "")
    other = counted(qb)
    if compatible(qa, qb) and qa.kind != "duration" and other and other != what:
        # Differently named things: name both ("peacekeepers" and "troops").
        return Link(a.id, b.id, "agree", f"{describe(qa)} {what} and {describe(qb)} {other}" + (f" ({when})" if when else ""))
    if compatible(qa, qb):
        return Link(a.id, b.id, "agree", f"{describe(qa)} and {describe(qb)}{tail}")
    return Link(a.id, b.id, "discrepancy", f"{describe(qa)} vs {describe(qb)}{tail}")


_LOWER = {"more_than", "at_least"}
_UPPER = {"less_than", "at_most"}


def compatible(qa: Quantity, qb: Quantity) -> bool:
    """Two reports of one number agree when the values they allow meet, except
    that two bounds the same way must state about the same number: "more
    than 6,500" and "more than 9,000" are reported differently, though a
    true 10,000 would satisfy both."""
    for side in (_LOWER, _UPPER):
        if qa.qualifier in side and qb.qualifier in side:
            x, y = scaled(qa), scaled(qb)
            return abs(x - y) <= 0.1 * max(abs(x), abs(y))
    (lo1, hi1), (lo2, hi2) = interval(qa), interval(qb)
    return lo1 <= hi2 and lo2 <= hi1


def same_value(qa: Quantity, qb: Quantity) -> bool:
    """Two numbers stated alike: the same value with the same qualifier."""
    return qa.qualifier == qb.qualifier and scaled(qa) == scaled(qb) and (qa.low, qa.high) == (qb.low, qb.high)


def scaled(q: Quantity) -> float:
    """The stated value in base units (days for durations); a vague quantity's floor."""
    if q.value is None:
        return q.low or 0.0
    return q.value * (DAYS.get((q.unit or "").rstrip("s"), 1.0) if q.kind == "duration" else 1.0)


def plausible(qa: Quantity, qb: Quantity) -> bool:
    """The stated values lie within MAX_RATIO of each other: an open bound
    ("at least three") does not make three and 6,500 one fact."""
    small, big = sorted([max(scaled(qa), 1e-9), max(scaled(qb), 1e-9)])
    return big / small <= MAX_RATIO


# -- time ---------------------------------------------------------------------


def day(value: str | None) -> date | None:
    """The day an ISO date or datetime names; None for a year, a month or nothing."""
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def same_time(a: Claim, b: Claim, docs: dict[str, Document]) -> tuple[bool | None, str | None]:
    """Whether two claims speak of one time: True, False, or None (unknown).

    A claim's own time ("in 2020", "on Wednesday") comes first; without one,
    a claim speaks of its document's date, give or take DOC_DATE_DAYS. A
    year or a month is another time than a day well outside it ("more than
    a dozen others in March" 2013 and an article of February 2016).
    """
    ta, tb = a.time, b.time
    if ta and tb:
        n = min(len(ta), len(tb))
        if ta[:n] == tb[:n]:
            return True, ta if len(ta) <= len(tb) else tb
        da, db = day(ta), day(tb)
        if da and db and abs((da - db).days) <= 2:
            return True, min(ta, tb)  # "on Wednesday" and "Thursday" of one event
        return False, None
    da = day(ta or (docs[a.doc].date if a.doc in docs else None))
    db = day(tb or (docs[b.doc].date if b.doc in docs else None))
    if da and db:
        return abs((da - db).days) <= DOC_DATE_DAYS, None
    # A year or a month of its own ("in March", "in 2013") against a day:
    # another time when the day lies well outside it.
    period, other = (ta, db) if ta and not da else (tb, da) if tb and not db else (None, None)
    if period and other and len(period) in (4, 7):
        lo, hi = _bounds(period)
        if (lo - other).days > DOC_DATE_DAYS or (other - hi).days > DOC_DATE_DAYS:
            return False, None
    return None, None


def _bounds(period: str) -> tuple[date, date]:
    """The first and last day of a year ("2013") or a month ("2013-03")."""
    year = int(period[:4])
    if len(period) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(period[5:7])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


# -- quotations ---------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def fragments(claim: Claim) -> list[str]:
    return [f for f in (claim.quote or "").split(" … ") if len(_words(f)) >= 3]


def compare_quotes(a: Claim, b: Claim) -> Link | None:
    """One speaker quoted in two documents: the same words agree; the same
    statement in other words is a discrepancy that shows the words that differ."""
    best: tuple[float, str, str] | None = None
    for fa in fragments(a):
        for fb in fragments(b):
            wa, wb = _words(fa), _words(fb)
            sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
            run = max((m.size for m in sm.get_matching_blocks()), default=0)
            if run < 3:
                continue
            score = sm.ratio()
            if best is None or score > best[0]:
                best = (score, fa, fb)
    if best is None or best[0] < 0.5:
        return None
    _, fa, fb = best
    wa, wb = _words(fa), _words(fb)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if " ".join(short) in " ".join(long_):
        return Link(a.id, b.id, "agree", f"{a.speaker} quoted alike: “{_clip(fa if len(wa) <= len(wb) else fb)}”")
    diffs = _differences(wa, wb)
    if not diffs:
        return Link(a.id, b.id, "agree", f"{a.speaker} quoted alike: “{_clip(fa)}”")
    return Link(a.id, b.id, "discrepancy", f"{a.speaker} quoted differently: " + "; ".join(diffs))


def _differences(wa: list[str], wb: list[str]) -> list[str]:
    """The words one quotation has where the other has others, inside the
    stretch both share (a quotation cut short is not a misquotation)."""
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    blocks = [m for m in sm.get_matching_blocks() if m.size]
    if not blocks:
        return []
    a0, a1 = blocks[0].a, blocks[-1].a + blocks[-1].size
    b0, b1 = blocks[0].b, blocks[-1].b + blocks[-1].size
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal" or i2 <= a0 or i1 >= a1 or j2 <= b0 or j1 >= b1:
            continue
        left, right = " ".join(wa[i1:i2]) or "—", " ".join(wb[j1:j2]) or "—"
        out.append(f"“{left}” vs “{right}”")
    return out


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def same_words(a: Claim, b: Claim) -> str | None:
    """Near-identical quotations given to different speakers: worth a look."""
    for fa in fragments(a):
        for fb in fragments(b):
            wa, wb = _words(fa), _words(fb)
            if len(wa) >= 6 and len(wb) >= 6:
                sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
                shared = sum(m.size for m in sm.get_matching_blocks())
                if shared >= 0.85 * min(len(wa), len(wb)):
                    short = fa if len(wa) <= len(wb) else fb
                    return f"the same words are given to {a.speaker} and to {b.speaker}: “{_clip(short)}”"
    return None


def shared_phrase(a: Claim, b: Claim, stop: frozenset[str]) -> str | None:
    """A run of at least five words, three of them content words, that two
    claims share: they assert the same thing ("internationally recognized as
    part of Azerbaijan")."""
    ta, tb = _WORD.findall(a.text), _WORD.findall(b.text)
    wa, wb = [w.lower() for w in ta], [w.lower() for w in tb]
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    for m in sorted(sm.get_matching_blocks(), key=lambda m: -m.size):
        if m.size < 5:
            break
        run = ta[m.a : m.a + m.size]
        # Content words in lower case: a shared name or title
        # ("U.S. Secretary of State Antony Blinken") asserts nothing.
        if sum(w.lower() not in stop and not w[0].isupper() and not w.isdigit() for w in run) >= 3:
            return " ".join(run)
    return None
