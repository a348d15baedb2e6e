"""Time expressions in news English, resolved against the document's date.

Pure rules, no parser. Every expression found becomes a :class:`TimeRef` with
character offsets into the text and a ``value``: an ISO date (``2021-11-16``),
a month (``2021-11``) or a year (``2021``), the most specific of the three that
holds the whole time the expression allows ("this week" in a week that lies in
one month is ``2021-11``). ``low``/``high`` give that time as ISO dates when it
is known. An expression that needs the document's date and has none, or that
is relative to another event ("the next day"), keeps its span with value None.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import NamedTuple

from ..models import Document

__all__ = ["DATE_PATTERN", "TimeRef", "document_date", "parse_date", "time_expressions"]


class TimeRef(NamedTuple):
    """A time expression: its span, its words and the time it names."""

    start: int
    end: int
    text: str
    value: str | None
    low: str | None = None
    high: str | None = None


_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

# Month names are matched with a capital (so "may" and "march" the words are not months).
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NOT_NUM_AFTER = r"(?![\d,]*\d)"  # not the start of a longer number
_ANY_WEEKDAY = rf"(?:{_WEEKDAY}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)"
DATE_PATTERN = (
    rf"(?:{_YEAR}-[01]\d-[0-3]\d|\d{{1,2}}/\d{{1,2}}/{_YEAR}|(?:{_ANY_WEEKDAY},?\s+)?"
    rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH},?\s+{_YEAR}))(?!\d)"
)
"""A full date as news pages write it: ISO, US numeric, or with the month's name."""
_PREP = r"(?:(?:on|in|during|since|until|till|by|from|throughout)\s+)?"
_APOS = r"['’]"

# Plural words after "the 2000" that make it a count, not a year ("the 2000 people").
_YEAR_PLURALS_OK = {
    "elections", "olympics", "games", "protests", "riots", "floods", "fires", "wildfires",
    "talks", "accords", "agreements", "polls", "midterms", "primaries", "levels", "figures",
    "hostilities", "clashes", "attacks", "sanctions", "negotiations", "finals", "awards",
}
# Words after a bare number that make it a count or an address, not a year:
# "the 2000 people", "in the 2000 block of Northwest 18th Terrace".
_COUNT_WORDS = {"people", "men", "women", "children", "police", "personnel", "staff", "feet", "km", "kg", "block"}
# A cue of the future in the clause before a weekday: "will meet on Friday".
_FUTURE = re.compile(
    r"\b(?:will|shall|is due|are due|is set to|are set to|is scheduled|are scheduled|"
    r"plans? to|planned for|is expected to|are expected to|upcoming|to be held)\b|['’]ll\b",
    re.IGNORECASE,
)

# Words before a bare year. After the weak ones (and after a possessive) a plural
# word makes the number a count: "of 2000 people", "Russia's 2000 troops".
_YEAR_PREPS = r"(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Ff]rom|[Tt]hrough(?:out)?|[Bb]efore|[Aa]fter)"
_YEAR_CUES = (
    rf"{_YEAR_PREPS}(?:\s+(?:early|late|mid))?|[Ee]arly|[Ll]ate|[Mm]id|[Oo]f|[Tt]he|[Aa]nd|[Tt]o|[Bb]etween|[Oo]r"
)
_WEAK_YEAR_CUES = {"of", "the", "and", "to", "between", "or"}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Full dates: "Monday, Nov. 9, 2015", "10 November 2020", "2021-11-17".
    ("ymd", re.compile(rf"\b{_PREP}(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>3[01]|[12]\d|0[1-9])\b")),
    ("mdy", re.compile(
        rf"\b{_PREP}(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR}){_NOT_NUM_AFTER}\b")),
    ("dmy", re.compile(
        rf"\b{_PREP}(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})\s*,?\s+(?P<y>{_YEAR}){_NOT_NUM_AFTER}\b")),
    ("md", re.compile(rf"\b{_PREP}(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*,?\s*\d)(?!:)")),
    ("dm", re.compile(rf"\b{_PREP}(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?![\w.]*\s*,?\s*\d)")),
    ("my", re.compile(rf"\b{_PREP}(?:(?:early|late|mid-?)\s*)?(?P<mon>{_MONTH})(?:\s+of)?,?\s+(?P<y>{_YEAR}){_NOT_NUM_AFTER}\b")),
    ("season_y", re.compile(
        rf"\b{_PREP}(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?,?\s+(?P<y>{_YEAR}){_NOT_NUM_AFTER}\b",
        re.IGNORECASE)),
    ("rel_season", re.compile(r"\b(?P<rel>last|this|next)\s+(?P<season>spring|summer|autumn|fall|winter)\b", re.IGNORECASE)),
    ("rel_month", re.compile(
        rf"\b(?:(?P<rel>last|this|next|in|since|until|by|during|of|early|late|mid-?)\s*)(?P<mon>{_MONTH})\b(?![\w.]*\s*,?\s*\d)")),
    ("ago", re.compile(
        r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)\s+"
        r"(?P<unit>day|week|month|year)s?\s+ago\b", re.IGNORECASE)),
    ("rel_unit", re.compile(
        r"\b(?P<pre>(?:earlier|later)\s+)?(?P<rel>last|this|next|past)\s+(?P<unit>week|weekend|month|year)\b"
        rf"(?:{_APOS}s)?", re.IGNORECASE)),
    ("the_past", re.compile(r"\b(?:the\s+)?(?:past|last)\s+(?P<n>few|several|\d{1,2}|two|three|four|five|six|seven|ten)\s+(?P<unit>days|weeks|months|years)\b", re.IGNORECASE)),
    ("weekday", re.compile(
        rf"\b(?<!News )(?<!Bloody )(?<!Black )(?<!Good )(?<!Super )(?<!Cyber )(?<!Holy )(?<!Palm )(?<!Easter )"
        rf"(?<!Ash )(?<!Giving )(?:(?P<rel>last|this|next|on|early|late)\s+)?(?P<wd>{_WEEKDAY})(?!s\b)(?:{_APOS}s)?"
        r"(?:\s+(?:morning|afternoon|evening|night))?\b")),
    ("day_word", re.compile(
        r"\b(?<!USA )(?:(?:earlier|later)\s+)?(?P<w>the day before yesterday|yesterday|today|tonight|tomorrow|"
        r"this (?:morning|afternoon|evening)|last night|overnight)\b(?:['’]s)?", re.IGNORECASE)),
    ("event_rel", re.compile(
        r"\bthe\s+(?:next|following|previous|preceding)\s+(?:day|week|month|year|morning|night|evening)\b"
        r"|\bthe\s+day\s+(?:before|after)\b", re.IGNORECASE)),
    ("year", re.compile(
        rf"(?:\b(?P<cue>{_YEAR_CUES})[\s-]+|(?P<poss_cue>{_APOS}s\s+)|(?<=\b(?:18|19|20)\d\d)[-–])"
        rf"(?P<y>{_YEAR}){_NOT_NUM_AFTER}\b(?P<poss>{_APOS}s)?(?:(?=\s+(?P<next>[A-Za-z]+)))?")),
    ("year_range", re.compile(rf"\b(?P<y>{_YEAR})(?=[-–]{_YEAR}\b)")),
]


_COMPILED = dict(_PATTERNS)


def parse_date(text: str) -> str | None:
    """Normalise a date written in metadata to ISO: ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY``.

    Reads ISO dates and datetimes, ``2021/11/17``, US ``11/17/2021``, "November
    17, 2021", "17 Nov 2021", "Wed, 17 Nov 2021 10:00:00 GMT"; None otherwise.
    """
    s = re.sub(rf"^{_ANY_WEEKDAY},?\s+", "", text.strip())
    m = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])", s)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})\b", s)
    if m:  # US order unless the first number cannot be a month
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        return _iso(y, a, b) if a <= 12 else _iso(y, b, a)
    m = re.match(r"^(\d{4})-(\d{2})$", s)
    if m:
        return f"{m[1]}-{m[2]}" if 1 <= int(m[2]) <= 12 else None
    if re.fullmatch(_YEAR, s):
        return s
    for kind in ("mdy", "dmy", "my"):
        found = _COMPILED[kind].search(s)
        if found and found.start() < 20:
            y, mon = int(found["y"]), _MONTHS[found["mon"].rstrip(".").lower()]
            return _iso(y, mon, _int(found["d"])) if kind != "my" else f"{y:04d}-{mon:02d}"
    return None


def document_date(doc: Document) -> tuple[str | None, str | None]:
    """The document's date and where it comes from: ``"given"`` or ``"inferred"``.

    A date in the metadata (front matter, record field, leading line) is given.
    Otherwise the year is inferred only when the text pins it: it speaks of
    "last year's <event>" and another sentence (one without "last year") dates
    that event noun with a single explicit year Y ("In autumn 2020, ... fought a
    war"), so the document is from Y+1 (the latest such Y+1 when there are
    several), and no date or year in the text lies after that. Anything less
    certain gives (None, None): an article may cite dates long after them, so a
    full date such as "November 10, 2020" is only a lower bound, never a date.
    """
    if doc.date:
        return (parse_date(doc.date) or doc.date), "given"
    year = _inferred_year(doc.text)
    return (str(year), "inferred") if year else (None, None)


def _inferred_year(text: str) -> int | None:
    sentences = re.split(r"(?<=[.!?])\s+|\n+", text)
    nouns = {m[1].lower() for m in re.finditer(rf"\blast year{_APOS}s\s+(\w+)", text, re.IGNORECASE)}
    if not nouns:
        return None
    candidates: set[int] = set()
    for sentence in sentences:
        if re.search(r"\blast year", sentence, re.IGNORECASE):
            continue
        years = {int(r.value[:4]) for r in time_expressions(sentence, None) if r.value}
        words = set(re.findall(r"[a-z]+", sentence.lower()))
        if len(years) == 1 and nouns & words:
            candidates.add(years.pop() + 1)
    if not candidates:
        return None
    year = max(candidates)  # "last year's war" is the latest war the text dates
    mentioned = [int(r.value[:4]) for r in time_expressions(text, None) if r.value]
    return year if all(y <= year for y in mentioned) else None


def time_expressions(text: str, doc_date: str | None) -> list[TimeRef]:
    """Every time expression in ``text``, in order, resolved against ``doc_date``.

    ``doc_date`` is ISO (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) or None. Rules:
    a weekday is the latest such day on or before the document's date, or the
    next one after it when the clause speaks of the future ("will meet on
    Friday"); a month and day (or a month) without a year is the latest one on
    or before the document's date, unless the clause speaks of the future or
    that one is over half a year back while the next is within two months; "last
    year" is the year before it. Spans start at a leading preposition ("on",
    "in", "since", ...), which the value does not change.
    """
    anchor = _anchor(doc_date)
    taken: list[tuple[int, int]] = []
    refs: list[TimeRef] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if kind == "year":
                if not _is_year(m):
                    continue
                prep = m["cue"] and re.match(_YEAR_PREPS, m["cue"])
                start = m.start("cue") if prep else m.start("y")
                end = m.end("poss") if m["poss"] else m.end("y")
            if any(start < e and s < end for s, e in taken):
                continue
            try:
                low, high, value = _resolve(kind, m, anchor, text)
            except ValueError:  # "February 30": a span, but no date
                low = high = value = None
            taken.append((start, end))
            refs.append(TimeRef(start, end, text[start:end], value, low, high))
    return sorted(refs)


def _is_year(m: re.Match[str]) -> bool:
    """A bare number is a year after a preposition; after a weak cue unless a plural follows."""
    weak = m["poss_cue"] or (m["cue"] or "").lower() in _WEAK_YEAR_CUES
    if not weak or m["poss"] or m["next"] is None:
        return True
    nxt = m["next"].lower()
    if nxt in _COUNT_WORDS:
        return False
    return not nxt.endswith("s") or nxt in _YEAR_PLURALS_OK


_Anchor = tuple[int, int | None, int | None]
_Resolved = tuple[str | None, str | None, str | None]


def _anchor(doc_date: str | None) -> _Anchor | None:
    if not doc_date:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", doc_date)
    if not m:
        return None
    return int(m[1]), (int(m[2]) if m[2] else None), (int(m[3]) if m[3] else None)


def _resolve(kind: str, m: re.Match[str], anchor: _Anchor | None, text: str) -> _Resolved:
    g = m.groupdict()
    today = date(*anchor) if anchor and anchor[2] else None  # type: ignore[misc]
    if kind in ("ymd", "mdy", "dmy"):
        mon = int(g["m"]) if kind == "ymd" else _MONTHS[g["mon"].rstrip(".").lower()]
        d = date(int(g["y"]), mon, _int(g["d"]))
        return _span(d, d)
    if kind in ("md", "dm"):
        mon, day = _MONTHS[g["mon"].rstrip(".").lower()], _int(g["d"])
        if not anchor:
            return None, None, None
        if anchor[1] is None:
            d = date(anchor[0], mon, day)
        else:
            ref = today or date(anchor[0], anchor[1], 15)
            days = [date(y, mon, day) for y in (ref.year - 1, ref.year, ref.year + 1) if _valid(y, mon, day)]
            if not days:
                raise ValueError(f"no {mon}/{day} near {ref}")
            d = _pick(days, ref, _future(text, m.start()), timedelta(days=1))
        return _span(d, d)
    if kind == "my":
        return _month(int(g["y"]), _MONTHS[g["mon"].rstrip(".").lower()])
    if kind in ("year", "year_range"):
        return _year(int(g["y"]))
    if kind == "season_y":
        return _season(int(g["y"]), g["season"].lower())
    if kind == "event_rel" or not anchor:
        return None, None, None
    year, month = anchor[0], anchor[1]
    if kind == "rel_month":
        mon, rel = _MONTHS[g["mon"].rstrip(".").lower()], (g["rel"] or "").lower()
        if month is None:
            return _month(year, mon) if rel not in ("last", "next") else (None, None, None)
        if rel == "last":
            return _month(year if mon < month else year - 1, mon)
        if rel == "next":
            return _month(year if mon > month else year + 1, mon)
        ref = today or date(year, month, 15)
        months = [date(y, mon, 1) for y in (year - 1, year, year + 1)]
        first = _pick(months, date(ref.year, ref.month, 1), _future(text, m.start()), timedelta(days=31))
        return _month(first.year, mon)
    if kind == "rel_season":
        first, last = _SEASONS[g["season"].lower()]
        rel = g["rel"].lower()
        if rel == "this":
            return None, None, str(year)
        if month is None or first > last:  # a winter straddles two years
            return None, None, None
        if rel == "last":
            return None, None, str(year if month > last else year - 1)
        return None, None, str(year if month < first else year + 1)
    if kind == "rel_unit":
        return _relative_unit(g["rel"].lower(), g["unit"].lower(), anchor, today)
    if kind == "the_past":
        return None, None, None
    if kind == "ago":
        return _ago(g["n"].lower(), g["unit"].lower(), anchor, today)
    if today is None:
        return None, None, None
    if kind == "weekday":
        target = _WEEKDAYS.index(g["wd"].lower())
        rel = (g["rel"] or "").lower()
        future = rel == "next" or (rel != "last" and _future(text, m.start()))
        if future:
            d = today + timedelta(days=(target - today.weekday() - 1) % 7 + 1)
        else:
            back = (today.weekday() - target) % 7
            d = today - timedelta(days=back or (7 if rel == "last" else 0))
        return _span(d, d)
    if kind == "day_word":
        w = g["w"].lower()
        if w == "overnight":
            return _span(today - timedelta(days=1), today)
        shift = {"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1, "last night": -1}.get(w, 0)
        d = today + timedelta(days=shift)
        return _span(d, d)
    return None, None, None


def _relative_unit(rel: str, unit: str, anchor: _Anchor, today: date | None) -> _Resolved:
    year, month = anchor[0], anchor[1]
    if unit == "year":
        return _year(year + {"last": -1, "next": 1}.get(rel, 0)) if rel != "past" else (None, None, None)
    if unit == "month":
        if month is None:
            return None, None, None
        if rel == "past":
            return None, None, None
        y, mo = divmod(year * 12 + month - 1 + {"last": -1, "next": 1}.get(rel, 0), 12)
        return _month(y, mo + 1)
    if today is None:
        return None, None, None
    monday = today - timedelta(days=today.weekday())
    if unit == "weekend":
        saturday = monday + timedelta(days=5)
        shift = {"last": -7, "next": 7}.get(rel, 0 if today.weekday() >= 5 else -7)
        first = saturday + timedelta(days=shift)
        return _span(first, first + timedelta(days=1))
    if rel == "past":
        return _span(today - timedelta(days=7), today)
    first = monday + timedelta(days={"last": -7, "next": 7}.get(rel, 0))
    last = first + timedelta(days=6) if rel != "this" else today
    return _span(first, last)


def _ago(n_text: str, unit: str, anchor: _Anchor, today: date | None) -> _Resolved:
    n = int(n_text) if n_text.isdigit() else _NUMBERS.get(n_text)
    if n is None:
        return None, None, None
    year, month = anchor[0], anchor[1]
    if unit == "year":
        return _year(year - n)
    if unit == "month":
        if month is None:
            return None, None, None
        y, mo = divmod(year * 12 + month - 1 - n, 12)
        return _month(y, mo + 1)
    if today is None:
        return None, None, None
    if unit == "day":
        d = today - timedelta(days=n)
        return _span(d, d)
    d = today - timedelta(weeks=n)
    return _span(d - timedelta(days=3), d + timedelta(days=3))


def _pick(candidates: list[date], ref: date, future: bool, grace: timedelta) -> date:
    """The occurrence a news text means: the latest on or before ``ref``, or the
    next after it when the clause speaks of the future, or when the past one is
    over half a year back and the next one within two months (a December story
    about "January 3")."""
    past = [c for c in candidates if c <= ref]
    ahead = [c for c in candidates if c > ref]
    if not past or (ahead and (future or (ref - past[-1] > timedelta(days=183)
                                          and ahead[0] - ref <= timedelta(days=61) + grace))):
        return ahead[0]
    return past[-1]


def _future(text: str, at: int) -> bool:
    """Whether the clause before ``at`` speaks of the future."""
    clause = re.split(r"[.!?;,:\n\"“”]", text[max(0, at - 120):at])[-1]
    return bool(_FUTURE.search(clause))


def _span(low: date, high: date) -> _Resolved:
    if low == high:
        value = low.isoformat()
    elif (low.year, low.month) == (high.year, high.month):
        value = f"{low.year:04d}-{low.month:02d}"
    elif low.year == high.year:
        value = f"{low.year:04d}"
    else:
        value = None
    return low.isoformat(), high.isoformat(), value


def _season(year: int, season: str) -> _Resolved:
    """A season of a year: its months as bounds, the year as value (winter 2020 runs into 2021)."""
    first, last = _SEASONS[season]
    end_year = year + 1 if first > last else year
    end = date(end_year, last, calendar.monthrange(end_year, last)[1])
    return date(year, first, 1).isoformat(), end.isoformat(), f"{year:04d}"


def _month(year: int, month: int) -> _Resolved:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1).isoformat(), date(year, month, last).isoformat(), f"{year:04d}-{month:02d}"


def _year(year: int) -> _Resolved:
    return f"{year:04d}-01-01", f"{year:04d}-12-31", f"{year:04d}"


def _iso(year: int, month: int, day: int) -> str | None:
    return date(year, month, day).isoformat() if _valid(year, month, day) else None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _int(day: str) -> int:
    return int(re.match(r"\d+", day)[0])  # type: ignore[index]
