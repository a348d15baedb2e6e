"""Text mutations for the benchmark of ``verify check`` (``check_mutations.py``).

Plain functions over a sentence's text: each returns the changed sentence
(and what it changed) or ``None`` when it does not apply. Nothing here knows
an article: numbers are found by a regular expression, quotations by their
quotation marks, speakers are given by the caller (from verify's extracted
claims). The rules are written for news English in general.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

# --------------------------------------------------------------------------- sentences

# A period after these is no sentence end ("Mr. Doe", "3 a.m. Sunday", "U.S. Army").
_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "ave", "jr", "sr", "lt", "sgt", "gov", "sen", "rep", "capt", "det",
    "no", "co", "inc", "blvd", "rd", "mt", "ft", "gen", "col", "cpl", "cmdr", "insp", "supt", "prof",
    "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "vs", "etc", "hwy", "ln", "pl", "ct",
    "a.m", "p.m", "u.s", "u.k", "u.n", "d.c", "e.g", "i.e", "ofc", "dept", "pct", "apt",
}
_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of a text's sentences: paragraphs split at lines, then at a
    stop followed by a capital, except after an abbreviation or an initial."""
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        while start < para.end() and text[start].isspace():
            start += 1
        for m in _END.finditer(text, start, para.end()):
            word = re.search(r"([A-Za-z.]+)[.!?][\"”’')\]]*\s+$", text[start : m.end()])
            if word and m.group(0)[0] == ".":
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREV or len(w) == 1:
                    continue
            end = m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append((start, end))
            start = m.end()
        end = para.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


# --------------------------------------------------------------------------- words

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_VALUE = {w: i for i, w in enumerate(WORDS)} | TENS

STOP = set("""a an the and or but of in on at to for from by with as is are was were be been being it its he she
they them his her their we our you your i me my this that these those who whom which what when where
why how not no so if then than there here has have had do does did will would can could should may
might must said says say told also just about after before into over under up down out off more most
other some such only own same very all any both each few one two""".split())


def tokens(text: str) -> list[str]:
    """Lower-case words and numbers, number words as digits: the unit of a shared run."""
    out = []
    for t in re.findall(r"[a-z0-9]+(?:[.,][0-9]+)*", text.lower().replace("’", "'")):
        t = t.replace(",", "")
        out.append(str(_WORD_VALUE[t]) if t in _WORD_VALUE else t)
    return out


def content_words(text: str) -> set[str]:
    return {t for t in tokens(text) if len(t) >= 4 and t not in STOP and not t.isdigit()}


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Number:
    """A number that counts something: its span, value, how it was written, and the noun after it."""

    start: int
    end: int
    value: float
    text: str
    noun: str
    word: bool  # written as a word ("five")
    money: bool = False  # after a dollar sign
    bound: str | None = None  # "more than", "at least"... right before it
    approx: bool = False  # "about", "nearly"... right before it


_NUM_WORD = "|".join(sorted(_WORD_VALUE, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w$.,/:-])(?P<dollar>\$)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{_NUM_WORD}))"
    rf"(?![\w%/:-]|[.,]\d)(?P<sep>\s+(?:(?:more|other|additional|young|teenage|unidentified|adult)\s+)?)(?P<noun>[a-z]+)\b",
    re.IGNORECASE,
)
# Nouns after a number that do not make it a count of something (an address,
# a time, an age, a partitive, a unit of time of day).
_NOT_COUNTED = set("""a p of in on at to and or the block hundred thousand million billion percent o'clock year-old years-
old am pm th st nd rd times time""".split())
BOUNDS = {
    "more than": "fewer than", "over": "under", "at least": "at most", "at most": "at least",
    "fewer than": "more than", "less than": "more than", "under": "over", "up to": "at least",
    "upwards of": "fewer than", "as many as": "at least",
}
_APPROX = re.compile(r"\b(about|around|approximately|roughly|nearly|almost|some|estimated|close to)\s+$", re.IGNORECASE)
_BOUND = re.compile(r"\b(" + "|".join(sorted(BOUNDS, key=len, reverse=True)) + r")\s+$", re.IGNORECASE)


def numbers(sentence: str) -> list[Number]:
    """The counts of a sentence: a number (digits, or a word up to twenty, or a
    ten) followed by a lower-case noun. Not a year, a time, an age, an
    address, a phone number, a decimal or a number in a name ("Route 9")."""
    out = []
    for m in _NUMBER.finditer(sentence):
        raw = m.group("num")
        noun = m.group("noun").lower()
        if noun in _NOT_COUNTED or not m.group("noun").islower():
            continue
        word = raw.lower() in _WORD_VALUE
        if word and not (raw.islower() or raw[0].isupper() and raw[1:].islower()):
            continue
        value = float(_WORD_VALUE[raw.lower()]) if word else float(raw.replace(",", ""))
        if not word and "," not in raw and 1800 <= value <= 2100 and "." not in raw:
            continue  # a year
        before = sentence[: m.start()]
        prev = re.search(r"(\S+)\s*$", before)
        if prev and prev.group(1)[0].isupper() and prev.start() > 0 and not m.group("dollar"):
            continue  # a number in a name: "Route 9 north", "Apartment 4 residents"
        if prev and prev.group(1).lower().rstrip(".") in ("no", "number", "aged", "age", "ages"):
            continue
        if re.search(rf"(?:\d|\b(?:{_NUM_WORD}))\s*(?:to|or|and|-|–)\s*\$?$", before, re.IGNORECASE) or \
                re.match(rf"\s*(?:to|or|-|–)\s*\$?(?:\d|(?:{_NUM_WORD})\b)", sentence[m.end("num"):], re.IGNORECASE):
            continue  # one end of a range: "four to five men", "between 20 and 30"
        b = _BOUND.search(before)
        out.append(Number(m.start("num"), m.end("num"), value, raw, noun, word, bool(m.group("dollar")),
                          b.group(1).lower() if b else None, bool(_APPROX.search(before))))
    return out


def render(value: float, like: Number) -> str:
    """A value written the way ``like`` was: a word up to twenty, else digits (with commas from 10,000 or as given)."""
    if value == int(value):
        v = int(value)
        if like.word and 0 <= v <= 20:
            w = WORDS[v]
            return w.capitalize() if like.text[0].isupper() else w
        if "," in like.text or v >= 10000:
            return f"{v:,}"
        return str(v)
    return f"{value:g}"


# The number changes, each (name, function of the value or None when it does not apply).
def _times10(v: float) -> float | None:
    return v * 10


def _div10(v: float) -> float | None:
    return v / 10 if v >= 20 and v % 10 == 0 else None


def _plus1(v: float) -> float | None:
    return v + 1 if v >= 2 and v == int(v) else None


def _minus1(v: float) -> float | None:
    return v - 1 if v >= 3 and v == int(v) else None


def _plus50(v: float) -> float | None:
    return v * 1.5 if v >= 2 and v % 2 == 0 else None


def _minus50(v: float) -> float | None:
    return v / 2 if v >= 4 and v % 2 == 0 else None


CHANGES = {"x10": _times10, "/10": _div10, "+1": _plus1, "-1": _minus1, "+50%": _plus50, "-50%": _minus50}


def change_number(sentence: str, num: Number, change: str) -> str | None:
    """The sentence with ``num`` changed by ``change`` (a key of CHANGES), or None
    where the change makes no count ("1.5 people", "zero men"), or would not
    contradict the number: a bound ("more than 20" against "more than 200"
    allow one value) takes no change, an approximate number ("about 100") only
    x10 and /10."""
    if num.value < 2:
        return None  # "one man" made "ten man": the noun would have to change too
    if num.bound or (num.approx and change not in ("x10", "/10")):
        return None
    new = CHANGES[change](num.value)
    if new is None or new == num.value:
        return None
    if change in ("+1", "-1") and (num.money or num.value > 100):
        return None  # one more of a count; not a dollar more
    return sentence[: num.start] + render(new, num) + sentence[num.end :]


def reverse_bound(sentence: str, num: Number) -> str | None:
    """The bound before ``num`` reversed: "more than 5" -> "fewer than 5", "at least" -> "at most"."""
    if not num.bound:
        return None
    m = _BOUND.search(sentence[: num.start])
    if not m:
        return None
    old = m.group(1)
    new = BOUNDS[old.lower()]
    if old[0].isupper():
        new = new[0].upper() + new[1:]
    return sentence[: m.start(1)] + new + sentence[m.end(1) :]


# --------------------------------------------------------------------------- quotations

_QUOTE = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"")


def quotes(sentence: str) -> list[tuple[int, int]]:
    """The spans of the quoted words (inside the marks) of a sentence: at least four words."""
    out = []
    for m in _QUOTE.finditer(sentence):
        g = 1 if m.group(1) is not None else 2
        if len(m.group(g).split()) >= 4:
            out.append((m.start(g), m.end(g)))
    return out


# Negation added or removed: the first that applies, left to right.
_NEGATED = [
    (r"\b(is|are|was|were|will|would|could|should|has|have|had|do|does|did|must)\s+not\b", r"\1"),
    (r"\b(is|are|was|were|does|do|did|has|have|had|would|could|should)n[’']t\b", r"\1"),
    (r"\b([Ww])on[’']t\b", r"\1ill"),
    (r"\b([Cc])an[’']t\b", r"\1an"),
    (r"\b([Cc])annot\b", r"\1an"),
    (r"\bnever\b", "always"),
    (r"\bNever\b", "Always"),
]
_AFFIRMED = [
    (r"\b(is|are|was|were|will|would|could|should)\b(?!\s+not\b)", r"\1 not"),
    (r"\b(can)\b", r"\1not"),
    (r"\b(has|have|had)\s+(been|done|seen|had|made|taken|given|found|said|told)\b", r"\1 not \2"),
]
# Words a reader would notice replaced by their opposite.
ANTONYMS = dict(
    pair
    for a, b in [
        ("good", "bad"), ("safe", "dangerous"), ("happy", "sad"), ("always", "never"), ("best", "worst"),
        ("love", "hate"), ("loved", "hated"), ("right", "wrong"), ("innocent", "guilty"), ("easy", "hard"),
        ("young", "old"), ("great", "terrible"), ("quiet", "loud"), ("lucky", "unlucky"), ("alive", "dead"),
        ("true", "false"), ("proud", "ashamed"), ("strong", "weak"), ("everyone", "nobody"),
        ("everything", "nothing"), ("many", "few"), ("first", "last"), ("early", "late"),
        ("peaceful", "violent"), ("calm", "angry"), ("friendly", "hostile"), ("nice", "rude"),
        ("sweet", "bitter"), ("kind", "cruel"), ("positive", "negative"), ("clear", "unclear"),
        ("open", "closed"), ("together", "apart"), ("honest", "dishonest"), ("better", "worse"),
        ("support", "oppose"), ("agree", "disagree"), ("accept", "reject"), ("win", "lose"),
        ("remember", "forget"), ("believe", "doubt"), ("shocked", "unsurprised"), ("sure", "unsure"),
        ("responsible", "blameless"), ("serious", "minor"), ("tragic", "fortunate"), ("sad", "glad"),
        ("heartbroken", "relieved"), ("devastated", "relieved"), ("scared", "unafraid"), ("afraid", "unafraid"),
        ("fine", "hurt"), ("okay", "hurt"), ("careful", "careless"), ("possible", "impossible"),
        ("likely", "unlikely"), ("known", "unknown"), ("legal", "illegal"), ("fair", "unfair"),
        ("important", "trivial"), ("beautiful", "ugly"), ("wonderful", "awful"), ("rich", "poor"),
    ]
    for pair in ((a, b), (b, a))
)


def negate(quote: str) -> str | None:
    """A quotation with its first negation removed, or else one added."""
    for pat, rep in _NEGATED:
        m = re.search(pat, quote)
        if m:
            return re.sub(pat, rep, quote, count=1)
    for pat, rep in _AFFIRMED:
        m = re.search(pat, quote)
        if m:
            return re.sub(pat, rep, quote, count=1)
    return None


def reword(quote: str, rng: random.Random, pool: list[str]) -> str | None:
    """A quotation with one content word replaced: by its opposite when it has
    one in ANTONYMS, else by a content word of another quotation (``pool``) of
    the same ending (-ing, -ed, -ly, -s or none)."""
    words = list(re.finditer(r"[A-Za-z]+", quote))
    for m in words:
        w = m.group(0)
        if w.lower() in ANTONYMS:
            new = ANTONYMS[w.lower()]
            new = new.capitalize() if w[0].isupper() else new
            return quote[: m.start()] + new + quote[m.end() :]
    choices = [m for m in words if m.group(0).islower() and len(m.group(0)) >= 5 and m.group(0) not in STOP]
    if not choices or not pool:
        return None
    m = rng.choice(choices)
    w = m.group(0)
    end = next((e for e in ("ing", "ed", "ly", "s") if w.endswith(e)), "")
    same = [p for p in pool if p != w and p.islower() and len(p) >= 5 and p not in STOP
            and next((e for e in ("ing", "ed", "ly", "s") if p.endswith(e)), "") == end
            and p[:4] != w[:4]]
    if not same:
        return None
    return quote[: m.start()] + rng.choice(same) + quote[m.end() :]


def mutate_quote(sentence: str, span: tuple[int, int], how: str, rng: random.Random, pool: list[str]) -> str | None:
    """The sentence with the quotation at ``span`` changed: ``how`` is "negation" or "word"."""
    q = sentence[span[0] : span[1]]
    new = negate(q) if how == "negation" else reword(q, rng, pool)
    if new is None or new == q:
        return None
    return sentence[: span[0]] + new + sentence[span[1] :]


def replace_span(sentence: str, span: tuple[int, int], new: str) -> str:
    return sentence[: span[0]] + new + sentence[span[1] :]


# --------------------------------------------------------------------------- spelling

# (American, British) spellings of words common in news.
US_UK = [
    ("color", "colour"), ("neighbor", "neighbour"), ("neighbors", "neighbours"), ("neighborhood", "neighbourhood"),
    ("center", "centre"), ("defense", "defence"), ("offense", "offence"), ("honor", "honour"),
    ("favor", "favour"), ("labor", "labour"), ("behavior", "behaviour"), ("theater", "theatre"),
    ("traveled", "travelled"), ("traveling", "travelling"), ("jewelry", "jewellery"), ("gray", "grey"),
    ("organize", "organise"), ("organized", "organised"), ("organization", "organisation"),
    ("recognize", "recognise"), ("recognized", "recognised"), ("apologize", "apologise"),
    ("criticized", "criticised"), ("realized", "realised"), ("authorized", "authorised"),
    ("hospitalized", "hospitalised"), ("stabilized", "stabilised"), ("analyze", "analyse"),
    ("canceled", "cancelled"), ("program", "programme"), ("license", "licence"), ("meter", "metre"),
    ("pediatric", "paediatric"), ("fulfill", "fulfil"), ("enroll", "enrol"), ("counselor", "counsellor"),
    ("mold", "mould"), ("plow", "plough"), ("tire", "tyre"), ("check", "cheque"), ("vigor", "vigour"),
    ("harbor", "harbour"), ("rumor", "rumour"), ("armor", "armour"), ("endeavor", "endeavour"),
    ("identified", "identified"), ("catalog", "catalogue"), ("dialog", "dialogue"),
]
US_UK = [(a, b) for a, b in US_UK if a != b and (a, b) != ("check", "cheque")]
# One word, two words or hyphenated: spellings of one compound.
COMPOUNDS = [
    ("air strikes", "airstrikes"), ("air strike", "airstrike"), ("gunshot", "gun shot"),
    ("shootout", "shoot-out"), ("drive-by", "drive by"), ("e-mail", "email"), ("cellphone", "cell phone"),
    ("co-worker", "coworker"), ("nonprofit", "non-profit"), ("teenager", "teen-ager"),
    ("bystander", "by-stander"), ("homeowner", "home owner"), ("handgun", "hand gun"),
    ("online", "on-line"), ("website", "web site"), ("firefighter", "fire fighter"),
    ("livestream", "live stream"), ("stepfather", "step-father"), ("stepson", "step-son"),
    ("ex-boyfriend", "ex boyfriend"), ("ex-girlfriend", "ex girlfriend"), ("checkpoint", "check point"),
    ("nightclub", "night club"), ("parking lot", "parking-lot"), ("grandmother", "grand-mother"),
    ("policeman", "police man"), ("wartime", "war time"), ("ceasefire", "cease-fire"),
]
# Words whose capital is a matter of house style, not of meaning.
CASED = ["police", "sheriff", "department", "county", "city", "hospital", "mayor", "officer", "detective",
         "chief", "deputies", "office", "attorney", "prosecutor", "coroner", "government", "president",
         "minister", "state", "court"]


def _swap_word(sentence: str, a: str, b: str) -> str | None:
    m = re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", sentence, re.IGNORECASE)
    if not m:
        return None
    w = m.group(0)
    new = b.capitalize() if w[0].isupper() else b
    if w.isupper() and len(w) > 1:
        new = b.upper()
    return sentence[: m.start()] + new + sentence[m.end() :]


def _ages(sentence: str) -> str | None:
    m = re.search(r"\b(\d+)-year-old\b", sentence)
    return sentence[: m.start()] + f"{m.group(1)} year old" + sentence[m.end() :] if m else None


def _case(sentence: str) -> str | None:
    for w in CASED:
        m = re.search(rf"(?<=\s)({w})\b", sentence, re.IGNORECASE)
        if m:
            old = m.group(1)
            new = old.lower() if old[0].isupper() else old.capitalize()
            return sentence[: m.start(1)] + new + sentence[m.end(1) :]
    return None


def _quote_marks(sentence: str) -> str | None:
    if "“" in sentence or "”" in sentence:
        return sentence.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    if '"' in sentence and sentence.count('"') % 2 == 0:
        out, opening = [], True
        for ch in sentence:
            if ch == '"':
                out.append("“" if opening else "”")
                opening = not opening
            else:
                out.append(ch)
        return "".join(out)
    return None


def _serial_comma(sentence: str) -> str | None:
    m = re.search(r"(\w+), (\w+),? (and|or) ", sentence)
    if not m:
        return None
    seg = m.group(0)
    new = seg.replace(f"{m.group(2)}, {m.group(3)}", f"{m.group(2)} {m.group(3)}") if f"{m.group(2)}, " in seg \
        else seg.replace(f"{m.group(2)} {m.group(3)}", f"{m.group(2)}, {m.group(3)}")
    return sentence[: m.start()] + new + sentence[m.end() :] if new != seg else None


def _titles(sentence: str) -> str | None:
    m = re.search(r"\b(Mr|Mrs|Ms|Dr)\.\s", sentence)
    return sentence[: m.start()] + m.group(1) + sentence[m.start() + len(m.group(1)) + 1 :] if m else None


def spelling_variants(sentence: str) -> list[tuple[str, str]]:
    """Every single spelling change that applies: (what, new sentence). British
    and American spellings both ways, compounds joined, split or hyphenated,
    an age's hyphens, a word's capital, quotation marks, a serial comma, a
    title's period."""
    out = []
    for a, b in US_UK:
        for x, y in ((a, b), (b, a)):
            new = _swap_word(sentence, x, y)
            if new:
                out.append((f"spelling {x}->{y}", new))
    for a, b in COMPOUNDS:
        for x, y in ((a, b), (b, a)):
            new = _swap_word(sentence, x, y)
            if new:
                out.append((f"compound {x}->{y}", new))
    for what, f in (("hyphens of an age", _ages), ("case", _case), ("quotation marks", _quote_marks),
                    ("serial comma", _serial_comma), ("title period", _titles)):
        new = f(sentence)
        if new and new != sentence:
            out.append((what, new))
    return out


def spelling_key(text: str) -> str:
    """A text with what spelling variants change taken out: case, punctuation,
    hyphens and the spaces of compounds, British spellings. Two sentences
    with one key differ in spelling only."""
    t = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    t = re.sub(r"\b(mr|mrs|ms|dr)\.", r"\1", t)
    t = re.sub(r"(\d+)-year-old", r"\1 year old", t)
    for a, b in COMPOUNDS:
        t = re.sub(rf"(?<![\w-]){re.escape(b)}(?![\w-])", a, t)
    for a, b in US_UK:
        t = re.sub(rf"\b{b}\b", a, t)
    t = re.sub(r"[^\w\s]", " ", t)
    return " ".join(t.split())


# --------------------------------------------------------------------------- light paraphrase

_SAID_END = re.compile(r"^(?P<clause>[^\"“”]+?),\s+(?P<who>(?:[A-Z][\w.'’-]*\s+){0,5}?(?:police|[A-Z][\w.'’-]*|officials|authorities|investigators|deputies))\s+(?P<verb>said|say|says)(?P<when>\s+(?:on\s+)?[A-Z][a-z]+day)?\.$")


def paraphrase(sentence: str) -> tuple[str, str] | None:
    """The same statement worded a little differently, or None: "X, police said."
    -> "According to police, x."; else "said" -> "stated"."""
    m = _SAID_END.match(sentence)
    if m and not re.match(r"[A-Z][a-z]+\s+[A-Z]", m.group("clause")):
        clause = m.group("clause")
        first = clause.split()[0]
        if first[0].isupper() and first.lower() in STOP | set(_WORD_VALUE) | {"police", "officers", "authorities"}:
            clause = clause[0].lower() + clause[1:]
        who = m.group("who")
        if who.split()[0] in ("The", "A"):
            who = who[0].lower() + who[1:]
        return "according to", f"According to {who}, {clause}."
    m = re.search(r"\bsaid\b", sentence)
    if m:
        return "said -> stated", sentence[: m.start()] + "stated" + sentence[m.end() :]
    return None


# ------------------------------------------------------------------ layouts

# Abbreviations after which a period ends no sentence ("Sen. Warren").
_NO_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Jr|Sr|Prof|Rev|Mt|Ft|Inc|Corp|Co|No|vs|U\.S|a\.m|p\.m|[A-Z])\.)$")


def laid_out(text: str, layout: str) -> str:
    """The article as another file would hold it, every offset kept (a space
    becomes a line break): ``wrapped`` at 72 columns, as wire copy and mail
    are; ``lines``, one sentence to a line (a plain splitter's: after . ! ?,
    a closing quotation mark, before a capital or an opening mark);
    ``flat``, one line (paragraphs joined by a space). ``as-is`` leaves it."""
    if layout == "as-is":
        return text
    if layout == "flat":
        return text.replace("\n", " ")
    chars = list(text)
    if layout == "lines":
        for m in re.finditer(r"[.!?][\"”’']?( )(?=[\"“‘A-Z])", text):
            if not _NO_END.search(text[max(0, m.start() - 12) : m.start() + 1]):
                chars[m.start(1)] = "\n"
        return "".join(chars)
    column = 0
    last_space = -1
    for i, ch in enumerate(text):
        if ch == "\n":
            column, last_space = 0, -1
            continue
        column += 1
        if ch == " ":
            last_space = i
        if column > 72 and last_space >= 0:
            chars[last_space] = "\n"
            column, last_space = i - last_space, -1
    return "".join(chars)
