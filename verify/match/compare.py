"""Two numbers of one measure, and two times: do they meet?"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from ..models import Claim, Document, Quantity
from .facts import describe, interval, scaled
from ..report import counted


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

