"""Numbers in English text: numerals, number words, ordinals and fractions.

Pure string functions, no spaCy. :func:`tokens` splits a text into numeral,
word and symbol tokens that keep their character offsets; :func:`number_at`
reads the longest number expression that starts at a token; :func:`parse_number`
reads a whole string as one number ("6,500", "1.2 million", "twenty-five",
"two hundred and two thousand", "a dozen", "one and a half", "3/4", "21st").

What counts as a number here is deliberately wide; deciding which numbers are
claims (not years, not dates, not names) is :mod:`verify.quantities`' job.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Token(NamedTuple):
    text: str
    start: int
    end: int
    kind: str
    """``num`` (digits), ``frac`` (a vulgar fraction sign), ``word`` or ``sym``."""
    space: bool
    """Whether white space separates this token from the one before."""

    @property
    def lower(self) -> str:
        return self.text.lower()


class Number(NamedTuple):
    value: float
    first: int
    """Index of the number's first token."""
    last: int
    """Index one past its last token."""
    ordinal: bool = False
    fraction: bool = False


_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"  # 6,500 / 1,674,200.5
    r"|\d{1,3}(?:[\u202f\u2009\u00a0]\d{3})+(?:\.\d+)?(?!\d)"  # 40 000 with thin spaces
    r"|\d+(?:\.\d+)?(?:[eE][+-]?\d+(?![A-Za-z]))?"  # 2.5, 1e10
    r"|(?<![\d.])\.\d+)"  # .08
    r"|(?P<frac>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)

SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen"
        " fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
SMALL.update(nought=0, naught=0)
TENS = {
    w: 10 * i
    for i, w in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2
    )
}
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Abbreviated scales, only right after digits ("$3bn", "€40m", "10k", "2.33 k").
# Lower-case "m" is left out: "40m" is 40 metres unless money is involved,
# which quantities.py decides from the context.
SUFFIX_SCALES = {
    "k": 1e3, "K": 1e3, "thousand": 1e3,
    "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "MM": 1e6, "million": 1e6,
    "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9,
    "tn": 1e12, "tln": 1e12, "trn": 1e12, "T": 1e12, "trillion": 1e12,
}
_ORDINAL_SMALL = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh"
    " twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
ORDINALS: dict[str, float] = {w: i for i, w in enumerate(_ORDINAL_SMALL)}
ORDINALS.update({w[:-1] + "ieth": v for w, v in TENS.items()})  # twentieth
ORDINALS.update(nineth=9, hundredth=100, thousandth=1e3, millionth=1e6,
                billionth=1e9, trillionth=1e12)
# Denominators of spelled fractions ("two thirds", "a quarter", "five eighths").
DENOMINATORS: dict[str, float] = {w + "s": v for w, v in ORDINALS.items() if v >= 3}
DENOMINATORS.update(half=2, halves=2, quarter=4, quarters=4)
DENOMINATORS.update({w: v for w, v in ORDINALS.items() if v >= 3})
_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4,
           "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375,
           "⅝": 0.625, "⅞": 0.875}
_SPACED_SCALES = {"k", "K", "M", "mn", "mln", "bn", "bln", "tn", "tln"}
_ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}
# After these, "one millionth" is a rank ("the one millionth visitor"), not a fraction.
_DETERMINERS = {"the", "its", "his", "her", "their", "our", "my", "your", "this", "that"}
_DASHES = {"-", "–", "‑"}


def tokens(text: str) -> list[Token]:
    """Numeral, word and symbol tokens of ``text`` with their offsets."""
    out: list[Token] = []
    last = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        out.append(Token(m.group(), m.start(), m.end(), kind, m.start() > last))
        last = m.end()
    return out


def numeral_value(text: str) -> float:
    """The value of a digit token: "6,500" -> 6500, "40 000" -> 40000, ".08" -> 0.08."""
    return float(re.sub(r"[,\u202f\u2009\u00a0]", "", text))


def is_number_word(word: str) -> bool:
    w = word.lower()
    return w in SMALL or w in TENS or w in SCALES or w in ("hundred", "dozen", "dozens")


def _attached(toks: list[Token], j: int) -> bool:
    return j < len(toks) and not toks[j].space


def _digits_at(toks: list[Token], i: int) -> tuple[float, int] | None:
    """A numeral with its thousands groups split by plain spaces ("1 234 567")
    and an attached fraction ("2 1/2", "3/4")."""
    t = toks[i]
    if t.kind == "frac":
        return _VULGAR[t.text], i + 1
    if t.kind != "num":
        return None
    value, j = numeral_value(t.text), i + 1
    # Space-grouped thousands: only 1-3 leading digits then groups of exactly
    # three, so that "4000 3 hundred" and "in 2013 245 people" stay apart.
    if re.fullmatch(r"\d{1,3}", t.text):
        k = j
        while k < len(toks) and toks[k].kind == "num" and re.fullmatch(r"\d{3}", toks[k].text) \
                and toks[k].start - toks[k - 1].end == 1:
            k += 1
        if k > j:
            return numeral_value("".join(x.text for x in toks[i:k])), k
    # "3/4": a fraction only when the numerator is smaller and the denominator
    # is a usual one or above 31; "9/11" and "5/17" read as dates, left out.
    if _attached(toks, j) and toks[j].text == "/" and _attached(toks, j + 1) \
            and toks[j + 1].kind == "num" and "." not in t.text:
        den = numeral_value(toks[j + 1].text)
        if _attached(toks, j + 2) and toks[j + 2].text == "/" or not 0 < value < den:
            return None
        if den <= 31 and den not in (2, 3, 4, 5, 6, 8, 10, 16):
            return None
        return value / den, j + 2
    # "2 1/2", "2  1/4": a whole number followed by a fraction.
    if j + 2 < len(toks) and toks[j].kind == "num" and toks[j].space \
            and toks[j + 1].text == "/" and _attached(toks, j + 1) and _attached(toks, j + 2):
        frac = _digits_at(toks, j)
        if frac and frac[0] < 1:
            return value + frac[0], frac[1]
    return value, j


def _and_fraction(toks: list[Token], j: int) -> tuple[float, int] | None:
    """"and a half", "and three quarters", "and one fourth" after a number."""
    if j + 2 < len(toks) and toks[j].lower in ("and", "&"):
        k = j + 1
        if toks[k].lower in ("a", "an", "one"):
            num = 1.0
        elif toks[k].lower in SMALL:
            num = float(SMALL[toks[k].lower])
        else:
            return None
        if toks[k + 1].lower in DENOMINATORS:
            den = DENOMINATORS[toks[k + 1].lower]
            if num == 1 or toks[k + 1].lower.endswith("s"):
                return num / den, k + 2
    return None


def _words_at(toks: list[Token], i: int, start: float | None) -> Number | None:
    """Spelled numbers, starting from a numeral's value when ``start`` is given
    ("1.2 million", "3 hundred and 21"). Values are summed in three registers:
    ``total`` (thousands and up), ``hundreds`` and ``small`` (below 100)."""
    total, hundreds, small = 0.0, 0.0, start or 0.0
    seen, j, last = start is not None, i, "num" if start is not None else ""
    end = i
    saved: tuple[float, int] | None = None  # the number before an "and", to fall back on
    n = len(toks)
    while j < n:
        w = toks[j].lower
        nxt = toks[j + 1].lower if j + 1 < n else ""
        if w in ("a", "an") and not seen and (nxt in ("hundred", "dozen") or nxt in SCALES):
            small, j, last, seen = 1.0, j + 1, "a", True
            continue
        if w == "hundred" and not seen and nxt in SCALES:
            small, last, seen = 1.0, "a", True  # "hundred thousand dollars"
        if w in _DASHES and last == "tens" and nxt in SMALL and 0 < SMALL[nxt] < 10:
            j += 1  # "twenty-one", "fifty - two"
            continue
        if w in ("and", "&") and last in ("hundred", "scale") and j + 1 < n and (
                nxt in SMALL or nxt in TENS or toks[j + 1].kind == "num" and last == "hundred") \
                and not _zero(toks[j + 1]):
            den = DENOMINATORS.get(toks[j + 2].lower) if j + 2 < n else None
            if den and SMALL.get(nxt, TENS.get(nxt, 99)) < den:
                break  # "six million and two thirds": a fraction, added by the caller
            saved = (total + hundreds + small, j)
            j += 1
            continue
        if w in SMALL and last in ("", "tens", "hundred", "scale", "a") \
                and not (last == "tens" and not 0 < SMALL[w] < 10):
            small += SMALL[w]
            last, seen = "small", True
        elif w in TENS and last in ("", "hundred", "scale"):
            small += TENS[w]
            last, seen = "tens", True
        elif toks[j].kind == "num" and last in ("hundred", "scale") and "," not in toks[j].text:
            small += numeral_value(toks[j].text)
            last = "small"
        elif w == "hundred" and seen and last != "hundred":
            if hundreds and saved:  # "3 hundred and 2 hundred": two numbers
                return Number(saved[0], i, saved[1])
            hundreds, small = (hundreds + (small or 1)) * 100, 0.0
            last = "hundred"
        elif w in ("dozen", "dozens") and seen and last != "hundred":
            small = (small or 1) * 12
            last = "hundred"
        elif w in SCALES and seen and last != "scale":
            total += (hundreds + small or 1) * SCALES[w]
            hundreds, small = 0.0, 0.0
            last = "scale"
        elif w == "point" and seen and (nxt in SMALL or nxt in TENS):
            digits, k = "", j + 1
            while k < n and toks[k].lower in SMALL and SMALL[toks[k].lower] < 10:
                digits, k = digits + str(SMALL[toks[k].lower]), k + 1
            if k < n and (toks[k].lower in TENS or toks[k].lower in SMALL):
                sub = _words_at(toks, k, None)  # "point seventy-one", "point eleven"
                if sub:
                    digits, k = digits + str(int(sub.value)), sub.last
            small += float("0." + digits)
            end = k
            break
        else:
            break
        j += 1
        end = j
    if not seen or end == i and start is None:
        return None
    return Number(total + hundreds + small, i, end)


def _zero(t: Token) -> bool:
    """ZERO_NOT_ADDED: no one says "three hundred and zero"; after "and", a
    zero starts another number ("4 thousand 3 hundred and 0 are two numbers")."""
    return t.lower in ("zero", "nought", "naught") or t.kind == "num" and t.text.strip("0") == ""


def number_at(toks: list[Token], i: int) -> Number | None:
    """The longest number expression that starts at token ``i``, or None."""
    t = toks[i]
    neg, j = False, i
    if t.lower in ("minus", "negative") and i + 1 < len(toks):
        neg, j = not (t.lower == "minus" and i >= 2 and toks[i - 2].lower == "plus"
                      and toks[i - 1].lower == "or"), i + 1  # "plus or minus 3": a margin
    elif t.text in _DASHES and _attached(toks, i + 1) and toks[i + 1].kind == "num" \
            and (i == 0 or t.space or toks[i - 1].text in "($€£<>=~≤≥"):
        neg, j = True, i + 1
    num = _number_body(toks, j)
    if num is None:
        return None
    num = _of_a_scale(toks, num)
    value = -num.value if neg else num.value
    return Number(value, i, num.last, num.ordinal, num.fraction)


def _of_a_scale(toks: list[Token], num: Number) -> Number:
    """FRACTION_OF_SCALE: a fraction of a scale word is one whole number,
    "two-thirds of a million" 666,667 and "a quarter of a billion" 250 million,
    as "half a million" is; a fraction of anything else stays a fraction."""
    k = num.last
    if not num.fraction or k + 2 >= len(toks) or toks[k].lower != "of" or toks[k + 1].lower not in ("a", "an"):
        return num
    scale = SCALES.get(toks[k + 2].lower)
    if scale is None or scale < 1000:
        return num
    return Number(num.value * scale, num.first, k + 3)


def _number_body(toks: list[Token], i: int) -> Number | None:
    t = toks[i]
    if t.kind in ("num", "frac"):
        digits = _digits_at(toks, i)
        if digits is None:
            return None
        value, j = digits
        fraction = t.kind == "frac" or any(x.text == "/" for x in toks[i:j])
        if _attached(toks, j) and toks[j].kind == "word":
            suffix = toks[j].text
            if suffix.lower() in _ORDINAL_SUFFIX and t.kind == "num" and "." not in t.text:
                return Number(value, i, j + 1, ordinal=True)
            if suffix in SUFFIX_SCALES:
                return Number(value * SUFFIX_SCALES[suffix], i, j + 1)
            return Number(value, i, j)  # units ("10kg") are read by the caller
        if j < len(toks) and toks[j].space and toks[j].text in _SPACED_SCALES and t.kind == "num":
            return Number(value * SUFFIX_SCALES[toks[j].text], i, j + 1)  # "2.33 k", "10 bln"
        words = _words_at(toks, j, value) if j < len(toks) and not fraction else None
        if words and words.last > j:
            value, j = words.value, words.last
        value, j = _plus_fraction(toks, value, j)
        return Number(value, i, j, fraction=fraction)
    w = t.lower
    if w in ORDINALS and w not in ("zeroth",):
        return Number(float(ORDINALS[w]), i, i + 1, ordinal=True)
    if w in ("half", "quarter") and i + 1 < len(toks):
        # "half a million", "half a dozen", "quarter million"
        k = i + 2 if toks[i + 1].lower in ("a", "an") else i + 1
        if k < len(toks) and (toks[k].lower in SCALES or toks[k].lower == "dozen"):
            scale = SCALES.get(toks[k].lower, 12)
            return Number(scale / (2 if w == "half" else 4), i, k + 1)  # a whole number, no fraction
    if w in ("a", "an", "one") and i + 1 < len(toks) and toks[i + 1].lower in DENOMINATORS \
            and not toks[i + 1].lower.endswith("s") and toks[i + 1].lower != "second" \
            and not (i > 0 and toks[i - 1].lower in _DETERMINERS):
        # "a third of the vote", "one fifth": a fraction; but "a fourth term" is an
        # ordinal after an article, read from the next token on.
        after = toks[i + 2] if i + 2 < len(toks) else None
        if after is None or after.lower == "of" or after.kind == "sym" or w == "one":
            return Number(1 / DENOMINATORS[toks[i + 1].lower], i, i + 2, fraction=True)
    words = _words_at(toks, i, None)
    if words is None:
        return None
    value, j = words.value, words.last
    if j < len(toks) and toks[j - 1].lower != "point":
        prev, nxt = toks[j - 1].lower, toks[j].lower
        if nxt in _DASHES and j + 1 < len(toks) and (_attached(toks, j) or toks[j + 1].lower in DENOMINATORS):
            nxt, j = toks[j + 1].lower, j + 1  # "twenty-fifth", "one-half", "five - eighths"
        if nxt in ("and", "&") and (prev == "hundred" or prev in SCALES) and j + 1 < len(toks) \
                and 0 < ORDINALS.get(toks[j + 1].lower, 100) < 100:
            return Number(value + ORDINALS[toks[j + 1].lower], i, j + 2, ordinal=True)  # "hundred and first"
        if nxt in ORDINALS:
            ordv = ORDINALS[nxt]
            if ordv >= 100:
                return Number(value * ordv, i, j + 1, ordinal=True)  # "two hundredth"
            if prev in TENS or prev in SCALES or prev == "hundred":
                return Number(value + ordv, i, j + 1, ordinal=True)  # "twenty-first"
        if nxt in DENOMINATORS and nxt not in ("first", "second"):
            # "two thirds", "five eighths", "three halves", "one-half"
            return Number(value / DENOMINATORS[nxt], i, j + 1, fraction=True)
        j = words.last
    value, j = _plus_fraction(toks, value, j)
    return Number(value, i, j)


def _plus_fraction(toks: list[Token], value: float, j: int) -> tuple[float, int]:
    """Adds "and a half" to a number: "one and a half", "3 million and a half"
    (half a million), "five and a half million"."""
    more = _and_fraction(toks, j)
    if not more:
        return value, j
    scale = SCALES.get(toks[j - 1].lower, 1.0)
    k = more[1]
    if scale > 1 and k < len(toks) and SCALES.get(toks[k].lower, scale) < scale:
        return value + more[0] * SCALES[toks[k].lower], k + 1  # "one billion and a half million"
    value, j = value + more[0] * scale, more[1]
    if scale == 1 and j < len(toks) and toks[j].lower in SCALES:
        value, j = value * SCALES[toks[j].lower], j + 1
    return value, j


def parse_number(text: str) -> float | None:
    """The value of ``text`` read as one number, or None if it is not one."""
    toks = tokens(text)
    if not toks:
        return None
    num = number_at(toks, 0)
    return num.value if num and num.last == len(toks) else None


def parse_ordinal(text: str) -> int | None:
    """The value of an ordinal such as "fifth", "21st" or "twenty-first"."""
    toks = tokens(text)
    num = number_at(toks, 0) if toks else None
    if num and num.ordinal and num.last == len(toks):
        return int(num.value)
    return None
