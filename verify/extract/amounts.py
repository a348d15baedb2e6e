"""Quantity phrases in plain text: a number with its qualifier, unit and range.

Pure string rules, no parser: :func:`read_amounts` finds every number phrase in
a text ("more than 6,500", "some 2,000", "$3 billion", "45 per cent",
"six-week", "between 20 and 30", "dozens", "fifth") and reads its value,
qualifier, interval, unit and kind. :mod:`verify.quantities` then decides with
the dependency parse which of them are claims and what they count.

Conventions (they follow ``../shared/gold/FORMAT.md``):

- ``value`` is the number as written; a range's value is its lower bound.
- ``low``/``high`` is the interval the words allow; None is unbounded.
  exact: value..value. approx ("some", "about", "around", "roughly", "an
  estimated", "or so"): value ±10%. more_than ("more than", "over", "above",
  "upwards of") and at_least ("at least", "no fewer than", "or more"):
  value..None. less_than ("fewer than", "under", "below"): None..value, except
  "nearly", "almost", "close to", "just under": 0.9×value..value, since they
  say the value was almost reached. at_most ("up to", "at most", "no more than",
  "as many as"): None..value. A range ("between 20 and 30", "20-30", "20 to 30
  people") has kind ``range``, qualifier ``approx``, value = low = 20, high = 30.
- vague words ("many", "several", "a few", "dozens", "scores of", "hundreds",
  "tens of thousands") have qualifier ``vague`` and value None: they name no
  number, and none is made up. ``low`` is the floor the words state, ``high``
  None: a plural is at least two of its unit ("dozens" 24, "scores of" 40,
  "hundreds" 200, "tens of thousands" 20,000), "several" at least 3, "a few",
  "a handful", "a couple" at least 2, "several hundred" 300; "many",
  "numerous", "countless" state no floor.
- durations keep their unit: "nearly three decades" is 3 decades (the gold
  accepts 3 or 30 years); ``unit`` names it (``decade``, ``week``, ``hour``).
- money has an ISO code as unit (``$`` USD, ``€`` EUR, ``£`` GBP, ...).
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple, cast

from ..models import Qualifier
from .numbers import SCALES, SUFFIX_SCALES, Number, Token, number_at, tokens
from .units import (
    ABBREVIATIONS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DURATIONS,
    GLUED_ONLY,
    MEASURES,
    MONTHS,
    NEAR_MISSES,
    NOT_COMPOUNDS,
    PERCENT,
    POSTFIX,
    QUALIFIERS,
    TIME_WORDS,
    VAGUE_FEW,
    VAGUE_PLURALS,
)

Kind = Literal["count", "ordinal", "percent", "money", "duration", "measure", "range"]


class Amount(NamedTuple):
    """A quantity phrase read from plain text; offsets into that text."""

    start: int
    end: int
    value: float | None
    """None for vague words ("many", "dozens"): they name no number."""
    qualifier: Qualifier
    low: float | None
    high: float | None
    unit: str | None
    kind: Kind
    core: tuple[int, int]
    """Character span of the number itself (without qualifier or unit)."""
    qualifier_words: str = ""
    vague: bool = False
    year_like: bool = False
    """A bare four-digit whole number (1000-2099): a year unless the parse says otherwise."""
    compound: str | None = None
    """The noun of a hyphenated compound that is not a unit ("27-nation": ``nation``)."""


_CHANGE_VERBS = re.compile(
    r"(rise|rose|risen|rising|fall|fell|fallen|falling|drop|grow|grew|grown|climb|jump|surge|"
    r"decline|increase|decrease|cut|reduce|raise|lower|soar|plunge|slide|slid|dip|edge|hike|"
    r"boost|expand|shrink|shrank|go|went|gone|move|change|revise|up|down)(s|d|ed|ing|ped|ping)?$"
)


def _words(toks: list[Token], i: int, j: int) -> str:
    return " ".join(t.lower for t in toks[i:j])


def _glued(toks: list[Token], j: int) -> bool:
    return 0 < j < len(toks) and not toks[j].space


def _match_after(toks: list[Token], j: int, table: dict[str, str], longest: int = 3) -> tuple[str, int] | None:
    """The longest phrase of ``table`` that starts at token ``j``: (value, end)."""
    for k in range(longest, 0, -1):
        if j + k <= len(toks):
            key = _words(toks, j, j + k)
            if key in table:
                return table[key], j + k
    return None


def _match_before(toks: list[Token], i: int, table: dict[str, str], lo: int) -> tuple[str, int] | None:
    """The longest phrase of ``table`` that ends just before token ``i``: (value, start)."""
    for k in range(6, 0, -1):
        if i - k >= lo:
            key = _words(toks, i - k, i)
            if key in table:
                return table[key], i - k
    return None


def _temperature(toks: list[Token], j: int) -> bool:
    """A capital C or F glued to the digits before it and ending the word:
    the news way of writing a temperature ("highs of 40C", "104F")."""
    return toks[j].text in ("C", "F") and _glued(toks, j) and toks[j - 1].kind == "num" \
        and (j + 1 >= len(toks) or not _glued(toks, j + 1) or toks[j + 1].kind == "sym")


# DURATION_ADJECTIVE: words that say how a stretch of time felt or ran, set
# between its number and its unit ("four cold months", "three straight days",
# "two more years"): the number still counts the unit.
TIME_ADJECTIVES = {"long", "full", "straight", "consecutive", "cold", "hot", "hard", "short", "whole", "more",
                   "additional", "extra", "tough", "difficult", "brutal", "grueling", "gruelling", "agonizing",
                   "painful", "busy", "quiet", "terrifying", "harrowing", "tense"}


def _unit_at(toks: list[Token], j: int) -> tuple[str, str, int] | None:
    """A unit right after a number: (name, kind, end token)."""
    if j >= len(toks):
        return None
    if _temperature(toks, j):
        return ("degree Celsius" if toks[j].text == "C" else "degree Fahrenheit"), "measure", j + 1
    for table, kind in ((PERCENT, "percent"), (DURATIONS, "duration"), (MEASURES, "measure")):
        hit = _match_after(toks, j, table)
        spaced_ok = toks[j].lower not in GLUED_ONLY and (toks[j].lower not in ABBREVIATIONS or toks[j].text.islower())
        if hit and (hit[1] > j + 1 or spaced_ok or _glued(toks, j)):
            if kind == "duration" and hit[1] < len(toks) and toks[hit[1]].lower in ("old", "olds"):
                return hit[0], "measure", hit[1] + 1  # "30 years old": an age
            return hit[0], kind, hit[1]
    if toks[j].lower in TIME_ADJECTIVES and j + 1 < len(toks):
        hit = _match_after(toks, j + 1, DURATIONS)
        if hit and hit[0] != "second":
            return hit[0], "duration", hit[1]  # DURATION_ADJECTIVE: "four cold months", "two more years"
    hit = _match_after(toks, j, CURRENCY_WORDS, 2)
    if hit:
        return hit[0], "money", hit[1]
    if toks[j].text in CURRENCY_CODES or toks[j].text in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS.get(toks[j].text, toks[j].text), "money", j + 1
    return None


def _spaced_age(toks: list[Token], j: int) -> bool:
    """"9 -year-old", "9- year-old": an age whose first hyphen a scraped page
    set apart from the number or the unit."""
    hit = _unit_at(toks, j + 1)
    return bool(hit) and hit[1] == "duration" and hit[2] + 1 < len(toks) and toks[hit[2]].text == "-" \
        and toks[hit[2] + 1].lower in ("old", "olds")


def _currency_before(toks: list[Token], i: int, lo: int) -> tuple[str, int] | None:
    if i - 1 < lo:
        return None
    t = toks[i - 1]
    if t.text in CURRENCY_SYMBOLS:
        if i - 2 >= lo and _glued(toks, i - 1) and toks[i - 2].text + t.text in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[toks[i - 2].text + t.text], i - 2  # "US$"
        return CURRENCY_SYMBOLS[t.text], i - 1
    if t.text in CURRENCY_CODES:
        return t.text, i - 1
    if t.lower in ("rs", "rs."):
        return "INR", i - 1
    if t.text == "." and i - 2 >= lo and toks[i - 2].lower == "rs":
        return "INR", i - 2
    return None


def _skip_chain(toks: list[Token], i: int) -> int:
    """End of a run of numbers glued by "-", "/", ".", ":" ("+1-222-2222",
    "192.168.1.2", "10:30", "2021-11-17"): ids, dates, times, not quantities.
    Returns ``i`` when the numeral at ``i`` starts no such run."""
    j, n = i + 1, 1
    while j + 1 < len(toks) and _glued(toks, j) and toks[j].text in "-/.:" \
            and _glued(toks, j + 1) and toks[j + 1].kind == "num":
        j, n = j + 2, n + 1
    if n >= 3 or n == 2 and toks[i + 1].text in ".:":
        return j
    return i


def _vague_at(toks: list[Token], i: int) -> tuple[float | None, int] | None:
    """Vague amounts: (the floor the words state, or None; end). No ceiling:
    "dozens" says at least 24 and nothing of how many more."""
    w = toks[i].lower
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    if w in ("tens", "hundreds") and nxt == "of" and i + 2 < len(toks) \
            and toks[i + 2].lower in ("thousands", "millions", "billions"):
        return (10 if w == "tens" else 100) * VAGUE_PLURALS[toks[i + 2].lower] * 2, i + 3
    if w in VAGUE_PLURALS and (w != "scores" or nxt == "of"):
        return VAGUE_PLURALS[w] * 2, i + 1  # a plural is at least two of its unit
    if w in VAGUE_FEW and not (nxt == "as" and i > 0 and toks[i - 1].lower == "as"):
        floor, j = VAGUE_FEW[w], i + 1  # but "as many as 50" is a qualifier
    elif w == "a" and nxt in ("few", "handful", "couple"):
        floor, j = 2.0, i + 2  # "a few", "a couple": at least two
        if j + 1 < len(toks) and toks[j].lower == "of" and (toks[j + 1].lower in SCALES or toks[j + 1].lower in (
                "hundred", "dozen")):
            j += 1  # "a couple of hundred", "a handful of dozen": of that many hundreds
    else:
        return None
    if j < len(toks) and (toks[j].lower in SCALES or toks[j].lower in ("hundred", "dozen")):
        scale = SCALES.get(toks[j].lower) or (100 if toks[j].lower == "hundred" else 12)
        return (floor * scale if floor else None), j + 1  # "several hundred", "a few thousand"
    return floor, j


def _interval(value: float, qualifier: str, words: str) -> tuple[float | None, float | None]:
    if qualifier == "approx":
        return value - abs(value) * 0.1, value + abs(value) * 0.1
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier == "less_than":
        return (value * 0.9 if words in NEAR_MISSES else None), value
    if qualifier == "at_most":
        return None, value
    return value, value


class _Core(NamedTuple):
    value: float
    first: int
    last: int
    ordinal: bool
    fraction: bool
    vague: tuple[float | None] | None
    """For vague words, the floor they state (in a 1-tuple, since the floor may be None)."""
    scaled: bool


def _half_a_scale(toks: list[Token], i: int) -> bool:
    """"half a million" at ``i``: one whole number, whatever comes before it ("about half a million")."""
    num = number_at(toks, i)
    return num is not None and not num.fraction and num.last > i + 1


def _core_at(toks: list[Token], i: int) -> _Core | None:
    vague = _vague_at(toks, i)
    if vague:
        return _Core(vague[0] or 0.0, i, vague[1], False, False, (vague[0],), False)
    if toks[i].lower == "half" and i + 2 < len(toks) and toks[i + 1].lower in ("a", "an") \
            and _unit_at(toks, i + 2) and not _glued(toks, i + 2):
        return _Core(0.5, i, i + 2, False, False, None, False)  # "half a percentage point", "half an hour"
    if toks[i].lower == "half" and not _half_a_scale(toks, i) and (i + 1 < len(toks) and toks[i + 1].lower in ("of", "the")
                                    or i > 0 and toks[i - 1].lower in ("than", "nearly", "almost", "about")):
        return _Core(0.5, i, i + 1, False, True, None, False)  # "more than half of the residents"
    num: Number | None = number_at(toks, i)
    if num is None or toks[i].lower in ("a", "an") and num.last == i + 1:
        return None  # the article is not a count ("a soldier")
    last_tok = toks[num.last - 1]
    scaled = last_tok.lower in SCALES or last_tok.text in SUFFIX_SCALES or last_tok.lower == "dozen"
    return _Core(num.value, num.first, num.last, num.ordinal, num.fraction, None, scaled)


# Web and mail addresses and phone numbers ("(956) 487-5571", "+44 20 7946 0958",
# "1-800-273-8255" with the North American trunk prefix).
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+"
                  r"|(?:\+\d{1,3}[ .-]?|\b1[ .-])?\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b|\+\d{1,3}(?:[ .-]\d{2,5}){2,4}\b")
# Stretches of news text whose digits are labels, not amounts; each a general
# habit of news pages.
NOT_AMOUNTS = [
    # tip lines spelled with letters: "(305) 471-TIPS", "1-800-222-TIPS", "834-HELP"
    re.compile(r"(?:\b1-)?(?:\(?\b\d{3}\)?[ .-]?)?\b\d{3}[ .-][A-Z]{4}\b(?:\s*\(\d{4}\))?"),
    # a phone number glued to the word before it ("example.com215-555-0142")
    re.compile(r"(?<!\d)\d{3}[.-]\d{3}[.-]\d{4}(?!\d)"),
    # footnote marks in brackets ("said the mayor.[23]")
    re.compile(r"\[\d{1,3}\]"),
    # photo galleries: "Image 5 of 14", "Image 1 of / 4", "Photo 2/10", "1 / 44 Back to Gallery"
    re.compile(r"\b(?:Image|Photo|Slide|Picture|Page|Gallery)\s+\d+\s*(?:of|/)\s*/?\s*\d+"
               r"|\b\d+\s*(?:/|of)\s*\d+(?=\s+(?:Back to Gallery|Caption|Prev|Previous|Next|Last|Close|Expand)\b)"),
    # ids and case numbers: a label, then six digits or more with no thousands comma
    # ("Case Number: 1509280189", "report #16-123456", 'tweet-id="783499116076687360"')
    re.compile(r"(?i:\b(?:number|no|id|case|report|file|incident|docket)\b\.?|#)[\s:=\"']*(?:\d+-)?\d{6,}\b(?![,.]\d)"),
]
# A local seven-digit number after a word that gives one: "call 465-2257",
# "Reach him at 937-5553" (elsewhere "200-1000" may be a range).
_LOCAL_PHONE = re.compile(r"(?i:\b(?:call|contact|reach|phone|tel|dial|line|tips?|hotline|number|at)\b)"
                          r"[^.\d]{0,30}?\b(\d{3}-\d{4})\b")


# A number spelled by a word on a phone's keypad: "text ALERT (25378)".
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")
_SPELLED = re.compile(r"\b([A-Z]{4,10})\W{0,3}(\d{4,10})\b")


def _label_spans(text: str) -> list[tuple[int, int]]:
    """Spans of web addresses, phone numbers, gallery captions and ids."""
    spans = [m.span() for m in _URL.finditer(text)]
    spans += [m.span(2) for m in _SPELLED.finditer(text) if m.group(1).translate(_KEYPAD) == m.group(2)]
    spans += [m.span() for rx in NOT_AMOUNTS for m in rx.finditer(text)]
    spans += [m.span(1) for m in _LOCAL_PHONE.finditer(text)]
    return spans


def read_amounts(text: str) -> list[Amount]:
    """Every number phrase in ``text``, left to right (none inside web or mail
    addresses, phone numbers, gallery captions or ids)."""
    urls = _label_spans(text)
    toks = [t for t in tokens(text) if not any(a <= t.start < b for a, b in urls)]
    out: list[Amount] = []
    i, floor = 0, 0  # tokens before ``floor`` belong to an earlier phrase
    while i < len(toks):
        t = toks[i]
        if t.kind == "num":
            if len(t.text) > 1 and t.text[0] == "0" and t.text[1].isdigit():
                i += 1  # "02", "007": a date part or a code, not an amount
                continue
            if len(t.text) == 2 and i > 0 and toks[i - 1].text in "'’" and _glued(toks, i) \
                    and toks[i - 1].space and not (i + 1 < len(toks) and toks[i + 1].text in "'’"):
                i += 1  # "born in '89", "the ’90s": a year written short
                continue
            end = _skip_chain(toks, i)
            if end > i:
                i = floor = end
                continue
            if _glued(toks, i) and (toks[i - 1].kind == "word" or toks[i - 1].text in "-/+" and i >= 2
                                    and _glued(toks, i - 1) and toks[i - 2].kind in ("word", "num")):
                i += 1  # "G20", "MH17", "COVID-19", "F-16", "mid-2020": names, not amounts
                while i < len(toks) and _glued(toks, i) and toks[i].kind in ("num", "word"):
                    i += 1
                continue
        amount = _amount_at(toks, i, floor, text)
        if amount is None:
            i += 1
            continue
        a, end = amount
        if a is not None:
            out.append(a)
        i = floor = end
    return _share_units(_merge_bounds(out, text), text)


def _amount_at(toks: list[Token], i: int, floor: int, text: str) -> tuple[Amount | None, int] | None:
    """The phrase whose number starts at token ``i``: (amount or None to drop it, end)."""
    core = _core_at(toks, i)
    if core is None:
        return None
    j = core.last
    if j < len(toks) and _glued(toks, j) and toks[j].kind == "word":
        w = toks[j].lower
        if w in ("s", "am", "pm") or core.ordinal is False and w not in MEASURES \
                and w not in DURATIONS and w not in PERCENT and w != "m" and toks[j].text not in CURRENCY_CODES \
                and not _temperature(toks, j):
            return None, j + 1  # "1960s", "3pm", "860BOX", "3D"
    if j < len(toks) and (toks[j].lower in TIME_WORDS or toks[j].lower in ("a", "p")
                          and j + 1 < len(toks) and toks[j + 1].text == "." and j + 2 < len(toks)
                          and toks[j + 2].lower == "m"):
        return None, j + 1  # "10 am", "2.17pm", "10 a.m."
    if _is_date(toks, core, text):
        return None, j
    first = i
    money = _currency_before(toks, i, floor)
    if money:
        first = money[1]
    unit, kind = (money[0], "money") if money else (None, "count")
    # "40m": million with money or before a plural, metres otherwise.
    if j < len(toks) and toks[j].text == "m" and _glued(toks, j):
        after = toks[j + 1].lower if j + 1 < len(toks) else ""
        if money or after == "people" or (after.endswith("s") and after not in ("is", "was", "has")):
            core, j = core._replace(value=core.value * 1e6, last=j + 1, scaled=True), j + 1
    compound = None
    end = j
    hit = _unit_at(toks, j)
    if hit is None and core.vague and j + 1 < len(toks) and toks[j].lower == "of":
        hit = _unit_at(toks, j + 1)  # "dozens of square kilometres", "millions of dollars"
        if hit and hit[1] == "percent":
            hit = None
    if hit and hit[1] == "money":
        if not money:
            unit, kind = hit[0], "money"
        end = hit[2]
    elif hit and not money:
        unit, kind, end = hit
    elif j + 1 < len(toks) and toks[j].text in "-–" and toks[j + 1].kind == "word" \
            and (_glued(toks, j) and _glued(toks, j + 1) or _spaced_age(toks, j)):
        hit = _unit_at(toks, j + 1)  # "six-week", "27-kilometer", "30-year-old"
        if hit and hit[1] in ("duration", "measure"):
            unit, kind, end = hit
            if end + 1 < len(toks) and toks[end].text == "-" and toks[end + 1].lower in ("old", "olds"):
                kind, end = "measure", end + 2
        elif toks[j + 1].lower in ("odd", "plus"):
            pass
        elif toks[j + 1].lower in NOT_COMPOUNDS or core.value == 1:
            return None, j + 2
        else:
            compound = toks[j + 1].lower
    if not money and unit is None and not compound:
        share = _proportion(toks, core, _match_before(toks, i, QUALIFIERS, floor))
        if share:
            core, end = share, share.last
    if core.ordinal:
        kind = "ordinal"
    elif core.fraction and unit is None:
        unit, kind = "fraction", "measure"
    # Qualifier before the number (or before its currency sign).
    qualifier, qwords = "exact", ""
    qfirst = range_first = first
    if core.ordinal and first - 1 >= floor and toks[first - 1].lower == "the":
        qfirst -= 1  # "higher than the tenth"
    before = _match_before(toks, qfirst, QUALIFIERS, floor)
    if before and _unknown_sign(toks, before[1]):
        before = None  # "<>30", "=>30": a sign the table does not know is no bound
    if before:
        qualifier, qwords, first = before[0], _words(toks, before[1], qfirst), before[1]
    elif qfirst - 1 >= floor and toks[qfirst - 1].lower in ("between", "from"):
        qwords, range_first = toks[qfirst - 1].lower, qfirst - 1  # kept if a range follows
    if core.vague:
        qualifier = "vague"  # "more than dozens" is still no number
    margin = _margin_after(toks, end) if not core.vague and not core.ordinal else None
    if margin:
        size, m_unit, m_end = margin
        if m_unit and unit is None:
            unit, kind = m_unit
        return Amount(toks[first].start, toks[m_end - 1].end, core.value, "approx",
                      core.value - size, core.value + size, unit, cast(Kind, kind),
                      (toks[core.first].start, toks[core.last - 1].end), "±"), m_end
    # Ranges: "20-30", "20 to 30", "between 20 and 30", "$3-4 billion", "8- to 16-meter".
    rng = _range_after(toks, core, end, unit, kind, qwords, first, range_first)
    if rng:
        return rng
    if qwords in ("between", "from"):
        qwords = ""
    post = _match_after(toks, end, POSTFIX)
    if post and post[1] < len(toks) and (toks[post[1]].kind in ("num", "frac")
                                           or toks[post[1]].lower in ("than", "or", "/")):
        post = None  # "more than 10 and less than 40": the next bound, not a postfix
    if post and post[0] == "at_least" and toks[end].text == "+" and not _glued(toks, end):
        post = None  # only "40+", glued
    if post:
        post_kind, post_end = post
        if post_kind == "equal":
            qualifier = {"less_than": "at_most", "more_than": "at_least"}.get(qualifier, qualifier)
        elif post[0] == "approx" and _words(toks, end, post_end) in ("odd", "- odd") \
                and not _glued(toks, end):
            post_end = end  # only "40-odd", glued
        else:
            qualifier = post_kind
        end = post_end
    low, high = _interval(core.value, qualifier, qwords)
    value: float | None = core.value
    if core.vague:
        value, low, high = None, core.vague[0], None  # no number is made up
    year_like = (kind == "count" and qualifier == "exact" and not core.scaled
                 and _year(toks[core.first].text)
                 and core.last == core.first + 1)
    amount = Amount(
        toks[first].start, toks[end - 1].end, value, cast(Qualifier, qualifier),
        low, high, unit, cast(Kind, kind), (toks[core.first].start, toks[core.last - 1].end),
        qwords, bool(core.vague), year_like, compound,
    )
    return amount, end


def _margin_after(toks: list[Token], j: int) -> tuple[float, tuple[str, str] | None, int] | None:
    """A margin written after a value: "12.9 ± 0.1 TeV", "52% +/- 3%", "plus
    or minus 3 points"; the value then stands for the interval it gives:
    (the margin, the unit written after it as (name, kind), end)."""
    if j < len(toks) and toks[j].text == "±":
        k = j + 1
    elif j + 2 < len(toks) and toks[j].text == "+" and toks[j + 1].text == "/" and toks[j + 2].text in "-–":
        k = j + 3
    elif j + 2 < len(toks) and _words(toks, j, j + 3) == "plus or minus":
        k = j + 3
    else:
        return None
    second = _core_at(toks, k) if k < len(toks) else None
    if second is None or second.vague or second.ordinal or second.value <= 0:
        return None
    hit = _unit_at(toks, second.last)
    return second.value, ((hit[0], hit[1]) if hit else None), (hit[2] if hit else second.last)


def _proportion(toks: list[Token], core: _Core, bound: tuple[str, int] | None) -> _Core | None:
    """A share written as two whole numbers, "one in five", "nine in 10",
    "two out of three", "one in every four": the pollster's and the
    statistician's way of writing a fraction, not two counts of the noun after
    it. The second number must be larger, bare (no unit: "scored 2 in 5
    minutes") and no year ("killed 3 in 2019"). After a bound ("more than",
    "at least"; ``bound`` is the qualifier before the number) "in" places a
    count ("more than 30 in the league") unless the share is "one in" ("more
    than one in three"); "nearly 4 in 10" is a share."""
    if core.vague or core.ordinal or core.fraction or core.scaled or core.value != int(core.value) \
            or core.value < 1:
        return None
    j = core.last
    if j + 1 < len(toks) and toks[j].lower == "out" and toks[j + 1].lower == "of":
        j += 2
    elif j < len(toks) and toks[j].lower == "in":
        if bound and bound[0] not in ("approx", "exact") and core.value != 1 \
                and _words(toks, bound[1], core.first) not in NEAR_MISSES:
            return None
        j += 1
    else:
        return None
    if j < len(toks) and toks[j].lower in ("every", "each"):
        j += 1
    if j >= len(toks) or toks[j].lower in ("a", "an") or _year(toks[j].text):
        return None
    second = _core_at(toks, j)
    if second is None or second.vague or second.ordinal or second.fraction \
            or second.value != int(second.value) or second.value <= core.value \
            or _unit_at(toks, second.last) or second.last < len(toks) and toks[second.last].text in "-/.:" \
            and _glued(toks, second.last):
        return None
    return core._replace(value=core.value / second.value, last=second.last, fraction=True)


def _unknown_sign(toks: list[Token], i: int) -> bool:
    """Whether the comparison sign at token ``i`` is glued after another sign
    and so is part of a notation the qualifier table does not hold ("<>", "=>")."""
    return toks[i].kind == "sym" and i > 0 and _glued(toks, i) and toks[i - 1].text in "<>=≤≥≠!"


def _year(text: str) -> bool:
    return re.fullmatch(r"1[5-9]\d\d|20\d\d", text) is not None


def _is_date(toks: list[Token], core: _Core, text: str) -> bool:
    """A day of the month or a year next to a month name: "November 15",
    "15 November", "May 4th", "the 5th of May", "November 10, 2020"."""
    if core.vague or core.value != int(core.value) or not 1 <= core.value <= 2100:
        return False
    i, j = core.first, core.last
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.text == "," and i >= 2:
        prev2 = toks[i - 2]
        if prev2.kind == "num" and i >= 3 and toks[i - 3].lower.strip(".") in MONTHS:
            return True  # the year of "November 10, 2020"
    if prev is not None and prev.text == "." and i >= 2 and toks[i - 2].lower in MONTHS:
        prev = toks[i - 2]  # "Nov. 15"
    if prev is not None and prev.lower in MONTHS and prev.text[0].isupper():
        return True
    k = j + 1 if j < len(toks) and toks[j].lower == "of" else j
    return k < len(toks) and toks[k].lower in MONTHS and toks[k].text[0].isupper() \
        and core.value <= 31


def _range_after(toks: list[Token], core: _Core, end: int, unit: str | None, kind: str,
                 qwords: str, first: int, range_first: int) -> tuple[Amount | None, int] | None:
    if core.vague or core.ordinal and qwords != "between":
        return None
    j = end
    if j < len(toks) and toks[j].text in "-–" and _glued(toks, j) and j + 1 < len(toks) \
            and toks[j + 1].lower == "to":
        j += 1  # "8- to 16-meter"
    if j + 1 >= len(toks):
        return None
    sep = toks[j].lower
    if qwords == "between":
        if sep not in ("and", "&", "to", "-", "–"):
            return None  # "between 10 to 20", "between 200-1000": loose, but a range
    elif sep in ("to", "through", "~", "-", "–", "or"):
        if qwords == "from" and range_first > 0 and _CHANGE_VERBS.match(toks[range_first - 1].lower):
            return None  # "rose from 5 to 10": two values, not a range
        if sep == "or" and (unit is not None or qwords or core.scaled):
            return None
    else:
        return None
    k = j + 1
    money = _currency_before(toks, k + 1, k) if toks[k].text in CURRENCY_SYMBOLS else None
    if money:
        k += 1
    if toks[k].lower == "the" and qwords == "between":
        k += 1
    second = _core_at(toks, k)
    if second is None or second.vague or second.ordinal != core.ordinal:
        return None
    if _year(toks[k].text) and not _year(toks[core.first].text) and second.last == k + 1:
        return None  # "three years to 2020": a year, not the top of a range
    if sep in "-–" and (toks[core.first].kind == "num") != (toks[k].kind == "num"):
        return None
    low, high = core.value, second.value
    if sep == "or" and not (0 < low < high <= 2 * low):
        return None  # "two or three days" is a range; "10 bln or 10 tln" two amounts
    if sep == "to" and core.scaled and second.scaled and first > 0 and toks[first - 1].lower == "by":
        return None  # "grew by 2 million to 67 million": a change and where it ended
    if second.scaled and not core.scaled:
        scale = second.value / _unscaled(toks, second)
        if low * scale <= high:
            low *= scale  # "1.2-1.5 million", "$3-4 billion"
    stop = second.last
    hit = _unit_at(toks, stop)
    if not hit and stop + 1 < len(toks) and toks[stop].text == "-" and _glued(toks, stop):
        hit = _unit_at(toks, stop + 1)
    if not hit and sep in "-–" and stop < len(toks) and toks[stop].text in "-/" and _glued(toks, stop):
        return None, stop + 1  # "305-471-TIPS": a phone number
    if hit and hit[1] != "money" and unit not in (None, hit[0]):
        return None  # "from 44 ml to 50 mg": two amounts
    if end > core.last and unit is not None and (hit[0] if hit else money[0] if money else None) != unit:
        return None  # "rose 5% to $1.3 billion", "fell 3% to 1,234": a change and where it ended
    if hit:
        unit, stop = hit[0], hit[2]
        if kind == "count":
            kind = hit[1]
    elif money:
        unit, kind = money[0], "money"
    if low > high and qwords in ("between", "from"):
        low, high = high, low  # "from -18 °C to -34 °C"
    if not low < high:
        if sep in "-–" and toks[core.first].kind == "num":
            return None, stop  # "3-1", "2013-14", "1995-01": scores and dates
        if sep == "to" and toks[core.first].kind == "num" and toks[k].kind == "num" and unit is None \
                and not qwords and low == int(low) and high == int(high):
            return None, stop  # "beat Dallas 24 to 17", "voted 7 to 2": a score or a tally, no count
        return None
    if qwords in ("between", "from"):
        first = range_first
    if _year(toks[core.first].text) and (_year(toks[k].text) or len(toks[k].text) == 2) \
            and kind == "count":
        return None, stop  # "2010-2020", "2013-14": years
    start = toks[first].start
    amount = Amount(start, toks[stop - 1].end, low, "approx", low, high, unit,
                    "ordinal" if core.ordinal else "range",
                    (toks[core.first].start, toks[second.last - 1].end), qwords)
    return amount, stop


def _unscaled(toks: list[Token], core: _Core) -> float:
    """The value of a scaled number without its scale ("1.5 million" -> 1.5)."""
    scale = toks[core.last - 1]
    factor = SCALES.get(scale.lower) or SUFFIX_SCALES.get(scale.text) or 12.0
    return core.value / factor if factor else core.value


def _merge_bounds(amounts: list[Amount], text: str) -> list[Amount]:
    """"more than 10 and less than 40" is one range (10..40); "five (5)" is one number."""
    out: list[Amount] = []
    for a in amounts:
        if out:
            p = out[-1]
            if a.value == p.value and text[p.end:a.start].strip() == "(" and text[a.end:a.end + 1] == ")":
                continue  # "five (5) victims": the same number restated in digits
            gap = text[p.end:a.start].strip().lower()
            lower, upper = (p, a) if p.high is None else (a, p)
            if gap in ("and", "but", ",", "and not", ", and") and p.kind != "range" \
                    and lower.qualifier in ("more_than", "at_least") \
                    and upper.qualifier in ("less_than", "at_most") \
                    and lower.low is not None and upper.high is not None and lower.low < upper.high:
                out[-1] = p._replace(end=a.end, kind="range", low=lower.low, high=upper.high,
                                     value=lower.low, qualifier="approx", core=(p.core[0], a.core[1]))
                continue
        out.append(a)
    return out


def _share_units(amounts: list[Amount], text: str) -> list[Amount]:
    """"rose from 5 to 7 percent", "ran 100 and 200 meters": the first of two
    values joined by "to", "and" or "or" takes the unit written once after the second."""
    out = list(amounts)
    for k in range(len(out) - 1):
        p, a = out[k], out[k + 1]
        if p.kind == "count" and p.unit is None and not p.compound and p.value is not None \
                and a.kind in ("percent", "measure", "duration") and a.value is not None \
                and text[p.end:a.start].strip().lower() in ("to", "and", "or") and text[a.core[1]:a.end].strip():
            out[k] = p._replace(unit=a.unit, kind=a.kind, year_like=False)
    return out


def parse_amount(text: str) -> Amount | None:
    """The one quantity phrase of ``text`` (the longest if there are several)."""
    found = read_amounts(text)
    return max(found, key=lambda a: a.end - a.start) if found else None

