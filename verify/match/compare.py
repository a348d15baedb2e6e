"""Two numbers of one fact, and two times: do they meet?

Numbers are compared as the intervals they allow (``facts.bounds``), exactly;
the reason says what each side states and, when the values differ by a
power of ten, that it is likely a typo. A time is compared by what each
claim says of it, else by its article's date.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date

from ..models import Claim, Document, Quantity
from ..report import counted
from .facts import Bounds, bounds, describe, same_value, scaled
from .rules import rule
from .thresholds import DOC_DATE_DAYS, SAME_BOUND, SAME_DAY_SLACK, SCALE_APART

INTERVALS_MEET = rule("intervals-meet", "two numbers agree when the values they allow meet (31 and 'more than 30')")
INTERVALS_APART = rule("intervals-apart", "two numbers conflict when no value satisfies both ('at least 19' and 17)")
BOUNDS_SAME_WAY = rule(
    "bounds-same-way",
    "two bounds the same way state one number ('more than 6,500' and 'more than 9,000' are reported differently)",
)
BOUNDS_REVERSED = rule(
    "bounds-reversed",
    "a lower bound against an upper bound at or below it ('more than 12 hours', 'less than 12 hours') conflicts",
)
STATED_NUMBER = rule(
    "stated-number",
    "inside one statement numbers are compared as stated: 'about 2,001' against 'about 2,000' is a changed number",
)
TYPO = rule("order-of-magnitude", "values a power of ten apart conflict; the reason says it is likely a typo")
SCALE_DIFFERS = rule(
    "scale-apart",
    "values over 5 times apart, not a power of ten, in sentences that say different things are different facts "
    "(a war's toll and a clash's), unless both are small counts of one event",
)
SAME_TIME = rule("same-time", "two claims of one time: their own dates, else their articles' dates within 10 days")
OTHER_TIME = rule("other-time", "claims of different times are different facts (the 2020 war and this week's clash)")


@dataclass(frozen=True)
class Link:
    """Two claims about one fact, what a person needs to read to judge it,
    and the names of the rules that decided it."""

    a: str
    b: str
    verdict: str  # "agree", "discrepancy" or "flag"
    reason: str
    rules: tuple[str, ...] = field(default=())

    def having(self, *names: str) -> Link:
        """The same link with more rules named (each once, in order)."""
        return Link(self.a, self.b, self.verdict, self.reason, tuple(dict.fromkeys(self.rules + names)))


def compare_quantities(a: Claim, qa: Quantity, b: Claim, qb: Quantity, when: str | None, *, stated: bool = False) -> Link:
    """Agree when the intervals meet; a discrepancy otherwise, named by its rule.
    ``stated``: the numbers stand at one place of one statement, so any
    change of the stated number conflicts (STATED_NUMBER)."""
    what = counted(qa)
    if qa.kind == "duration":
        what = ""
    tail = f" {what}".rstrip() + (f" ({when})" if when else "")
    other = counted(qb)
    meets, why = compatible(qa, qb)
    if stated and meets and not same_value(qa, qb):
        meets, why = False, STATED_NUMBER
    if meets and qa.kind != "duration" and other and other != what:
        # Differently named things: name both ("peacekeepers" and "troops").
        return Link(a.id, b.id, "agree", f"{describe(qa)} {what} and {describe(qb)} {other}" + (f" ({when})" if when else ""), (why,))
    if meets:
        return Link(a.id, b.id, "agree", f"{describe(qa)} and {describe(qb)}{tail}", (why,))
    reason = f"{describe(qa)} vs {describe(qb)}{tail}"
    rules: tuple[str, ...] = (why,)
    factor = power_of_ten(qa, qb)
    if factor:
        reason += f"; likely a typo (a factor of {factor:,})"
        rules += (TYPO,)
    return Link(a.id, b.id, "discrepancy", reason, rules)


_LOWER = {"more_than", "at_least"}
_UPPER = {"less_than", "at_most"}


def compatible(qa: Quantity, qb: Quantity) -> tuple[bool, str]:
    """Whether two reports of one number agree, and the rule that says so.

    The values they allow must meet; two bounds the same way must state
    about the same number ("more than 6,500" and "more than 9,000" are
    reported differently, though a true 10,000 would satisfy both); a lower
    bound and an upper bound at or below it are reversed bounds."""
    for side in (_LOWER, _UPPER):
        if qa.qualifier in side and qb.qualifier in side:
            x, y = scaled(qa), scaled(qb)
            return abs(x - y) <= SAME_BOUND * max(abs(x), abs(y)), BOUNDS_SAME_WAY
    for low, high in ((qa, qb), (qb, qa)):
        if low.qualifier in _LOWER and high.qualifier in _UPPER and scaled(high) <= scaled(low):
            return False, BOUNDS_REVERSED
    if meet(bounds(qa), bounds(qb)):
        return True, INTERVALS_MEET
    return False, INTERVALS_APART


def meet(x: Bounds, y: Bounds) -> bool:
    """Whether two intervals share a value."""
    return max(x.lo, y.lo) <= min(x.hi, y.hi)


def power_of_ten(qa: Quantity, qb: Quantity) -> int:
    """10, 100, ... when two stated values differ by that factor exactly (a
    dropped or added zero); 0 otherwise."""
    if qa.value is None or qb.value is None or not qa.value or not qb.value:
        return 0
    small, big = sorted([abs(scaled(qa)), abs(scaled(qb))])
    if small == 0:
        return 0
    k = math.log10(big / small)
    return 10 ** round(k) if round(k) >= 1 and abs(k - round(k)) < 1e-9 else 0


def plausible(qa: Quantity, qb: Quantity) -> bool:
    """The stated values lie within SCALE_APART of each other."""
    small, big = sorted([max(scaled(qa), 1e-9), max(scaled(qb), 1e-9)])
    return big / small <= SCALE_APART


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
    a dozen others in March" 2013 and an article of February 2016). A
    document without a date (a draft) gives its claims no time.
    """
    ta, tb = a.time, b.time
    if ta and tb:
        n = min(len(ta), len(tb))
        if ta[:n] == tb[:n]:
            return True, ta if len(ta) <= len(tb) else tb
        da, db = day(ta), day(tb)
        if da and db and abs((da - db).days) <= SAME_DAY_SLACK:
            return True, min(ta, tb)  # "on Wednesday" and "Thursday" of one event
        if da and db:
            return False, None
        # A year or a month against another one, or against a day near it
        # ("rang in 2013" and "on Dec. 31, 2012"): another time only when
        # the day or the period lies well outside it.
        return (False if _apart(ta, tb) else None), None
    da = day(ta or (docs[a.doc].date if a.doc in docs else None))
    db = day(tb or (docs[b.doc].date if b.doc in docs else None))
    if da and db:
        return abs((da - db).days) <= DOC_DATE_DAYS, None
    # A year or a month of its own ("in March", "in 2013") against a day:
    # another time when the day lies well outside it.
    period, other = (ta, db) if ta and not da else (tb, da) if tb and not db else (None, None)
    if period and other and _apart(period, other.isoformat()):
        return False, None
    return None, None


def _apart(a: str, b: str) -> bool:
    """Whether two times, each a day, a month or a year, lie further apart
    than DOC_DATE_DAYS (a period by its first and last day)."""
    if len(a) not in (4, 7, 10) or len(b) not in (4, 7, 10):
        return False
    if len(a) == len(b):
        return a != b  # two years, or two months: different unless the same
    try:
        (lo_a, hi_a), (lo_b, hi_b) = _bounds(a), _bounds(b)
    except ValueError:
        return False
    return (lo_a - hi_b).days > DOC_DATE_DAYS or (lo_b - hi_a).days > DOC_DATE_DAYS


def _bounds(period: str) -> tuple[date, date]:
    """The first and last day of a year ("2013"), a month ("2013-03") or a day."""
    year = int(period[:4])
    if len(period) >= 10:
        d = date.fromisoformat(period[:10])
        return d, d
    if len(period) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(period[5:7])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
