"""Quantities in parsed news text: which numbers are claims, and what they count.

:func:`quantities` takes a spaCy ``Doc`` or ``Span`` (``en_core_web_sm``) and
returns one :class:`~verify.models.Quantity` per numeric claim, with character
offsets into the Doc's text. The phrases themselves (value, qualifier,
interval, unit, kind) are read by :mod:`verify.extract.amounts`, whose docstring gives
the conventions; :func:`parse_quantity` reads one phrase without a parse.

This module adds what needs the parse:

- which numbers are not claims: dates, years and times of day (inside a DATE
  or TIME entity that holds a word of dates or a year, or a bare year such as
  "in 2020", "the 2020 war"), except durations ("six-week", "for almost 30
  years"); numbers in names and addresses ("Article 5", "Flight 17", "the
  Second World War", "Local 10 News", "the 800 block of"); model numbers and
  broadcasters ("Glock 17", "the 737 Max", "KXYZ 11", "Stay with 8 News");
  calibres (".357 magnum"); ranks ("No. 2", "#4"); house numbers and streets
  named by ordinals ("7801 East Lake St.", "19th and Pine"); numbers after
  the noun they name ("room 12", "milepost 12", "day one"); emergency numbers;
  the pronoun "one" ("one of the", "no one"); vague words that count nothing
  checkable ("many other powers", "so many", "for many years");
- ages after a name ("Jane Roe, 39,", "the senator, who is 70,"): kind
  ``measure``, unit ``year``;
- ``counts``, what is counted: the noun the number modifies or, through "of",
  the noun it picks from ("two of its troops"), as a lemma; casualty counts
  are normalised across wordings to ``deaths`` ("6,500 people died", "claimed
  6,500 lives", "left three people dead", "killed three", "three were killed",
  "the death toll rose to 30") and ``injured`` ("wounded", "hurt",
  "injuries"), so that deaths are never compared with injuries or weeks;
  people "shot" with no word of their fate count ``shot``; durations count
  what lasted (``war`` in "a six-week war", ``meeting`` in "the meeting
  lasted four hours"), else their unit (``week``), ages count ``age``, percentages the noun after "of"
  or the subject that rose or fell to them ("unemployment rose to 5%").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from .amounts import Amount, parse_amount, read_amounts
from .cues import STRONG_CUES, WEAK_CUES
from ..models import Quantity
from .units import DURATIONS, MONTHS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["parse_quantity", "quantities"]

_NAME_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT", "PERSON", "GPE", "LOC",
                "NORP", "LANGUAGE"}
_TIME_UNITS = set(DURATIONS.values())
_DATE_WORDS = MONTHS | _TIME_UNITS | {u + "s" for u in _TIME_UNITS} | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "centuries",
    "spring", "summer", "autumn", "fall", "winter", "today", "yesterday", "tomorrow",
    "ago", "fiscal", "ad", "bc", "bce", "morning", "afternoon", "evening", "night", "noon",
    "midnight", "o'clock", "am", "pm", "a.m", "p.m", "gmt", "utc", "anniversary", "eve", "mid",
}
# Casualty words, as lemmas. A victim is the subject of "die", the object or
# passive subject of "kill", or is described as "dead" / "injured".
_DIE = {"die", "perish", "drown", "succumb"}
_KILL = {"kill", "slay", "murder", "execute", "massacre", "behead", "assassinate", "slaughter"}
_DEAD = {"dead", "death", "fatality", "deceased", "killed", "body"}
_INJURE = {"injure", "wound", "hurt", "maim"}
_INJURED = {"injured", "wounded", "injury", "hurt"}
_LIFE_VERBS = {"claim", "take", "cost", "lose"}  # "claimed 6,500 lives"; "saved lives" is not
_TOLL_NOUNS = {"toll", "number", "tally", "count", "total", "figure"}
_PEOPLE = {"people", "person", "civilian", "soldier", "troop", "child", "adult", "woman", "man",
           "resident", "citizen", "worker", "student", "voter", "refugee", "migrant", "patient",
           "officer", "peacekeeper", "fighter", "militant", "prisoner", "hostage", "victim",
           "member", "employee", "protester", "demonstrator", "passenger", "journalist", "girl",
           "boy", "teen", "teenager", "infant", "baby", "deputy", "agent", "suspect", "gunman",
           "driver", "nurse", "doctor", "teacher", "casualty", "deaths", "injured", "shot"}
# Ordinals in these phrases name a role or a manner, not a rank anyone reports.
_ORDINAL_IDIOMS = {"lady", "aid", "class", "hand", "name", "person", "sight", "glance",
                   "instance", "place", "half", "degree", "cousin", "language", "nature"}
_STREETS = {"Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Drive",
            "Terrace", "Court", "Parkway", "Highway", "Hwy", "Way", "Circle", "Trail", "Pike"}
# Verbs that put a value at a level ("stands at 6", "was put at 12"), not a time.
_STAND_VERBS = {"stand", "remain", "be", "put", "peg", "estimate", "place", "set", "hold", "hover",
                "rise", "fall", "climb", "drop", "reach", "rank", "finish", "come"}
_RANK_VERBS = {"finish", "come", "place", "rank", "end", "qualify"}
_FEW_WORDS = {"many", "several", "numerous", "countless", "few", "handful", "couple"}


def parse_quantity(text: str) -> Quantity | None:
    """The one quantity phrase in ``text``, read without a parse (``counts`` stays None)."""
    a = parse_amount(text)
    if a is None:
        return None
    return _quantity(a, text, 0, None)


def quantities(span: Doc | Span) -> list[Quantity]:
    """The numeric claims in ``span``; offsets are into ``span``'s Doc's text."""
    doc = cast("Doc", getattr(span, "doc", span))
    base = getattr(span, "start_char", 0)
    out: list[Quantity] = []
    for a in read_amounts(span.text):
        core = doc.char_span(base + a.core[0], base + a.core[1], alignment_mode="expand")
        if core is None or len(core) == 0:
            continue
        anchor = _anchor(core)
        if a.kind == "range":
            anchor = _range_anchor(core) or anchor
        a = _reread(a, doc, base)
        if _excluded(a, core, anchor):
            continue
        age = _is_age(a, core, base) or _age_of_subject(a, anchor)
        if age:
            a = a._replace(kind="measure" if a.kind == "count" else a.kind, unit="year")
        counts = "age" if age else _counts(a, anchor)
        if counts == "strong" and a.kind == "count":
            counts = "people"  # N_STRONG: "a 2,000-strong crowd", "a 300-strong force": so many people
        if counts == "":
            continue  # a vague word that counts nothing checkable
        if core.text.lower() == "one" and a.kind == "count" and not a.qualifier_words:
            if not (anchor.dep_ == "nummod" or counts in ("deaths", "injured", "shot") or _before_its_noun(anchor)):
                continue  # "one of the", "no one", "this one": a pronoun, not a count
            if _indefinite_one(anchor):
                continue  # "one neighbor says", "at one point": "a", not a count
        if a.kind == "count" and a.unit is None and _descriptor(core):
            continue  # "a three-story home", "a four-door sedan": a kind of thing, no count
        if a.kind == "count" and a.unit is None and not age and _DECIMAL.fullmatch(core.text):
            a = a._replace(kind="measure")  # WHOLE_COUNT: "a magnitude 7.8 earthquake" reads a scale
        if counts is None and a.kind == "count" and _before_its_noun(anchor):
            counts = _lemma_phrase(doc[anchor.i + 2])
        rate = _rate(core) if a.kind == "count" or a.kind == "measure" and a.unit is None else None
        if rate:
            a = a._replace(kind="measure", unit=rate)  # RATE_PER: "12 homicides per 100,000 residents"
        out.append(_quantity(a, doc.text, base, counts))
    return out


def _rate(core: Span) -> str | None:
    """RATE_PER: a number of things for each so many others is a rate, not a
    count: "12 homicides per 100,000 residents", "30 rounds per minute", and
    a table's "Crime incidents per 100,000 residents: 3,527". Its unit, as
    "per 100,000 residents"; None for a count."""
    doc = core.doc
    for i in range(core.end, min(core.end + 4, len(doc))):
        if doc[i].lower_ == "per":
            return _per_phrase(doc, i)
        if doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX", "ADP"):
            break
    if core.start >= 2 and doc[core.start - 1].text == ":":
        for i in range(core.start - 2, max(core.start - 8, -1), -1):
            if doc[i].lower_ == "per":
                return _per_phrase(doc, i)
            if doc[i].is_punct or "\n" in doc[i].whitespace_:
                break
    return None


def _per_phrase(doc: Doc, i: int) -> str:
    """ "per 100,000 residents" from the "per" at ``i`` to its noun."""
    end = i + 1
    while end < len(doc) and end < i + 4 and not doc[end].is_punct and doc[end].pos_ in ("NUM", "NOUN", "ADJ", "PROPN"):
        end += 1
        if doc[end - 1].pos_ == "NOUN":
            break
    return " ".join(t.lower_ for t in doc[i:end])


# WHOLE_COUNT: things are counted in whole numbers; digits with a decimal
# fraction and no scale word ("a magnitude 7.8 earthquake", "a 3.5 grade
# point average") read a scale. "1.5 million people" has its scale word.
_DECIMAL = re.compile(r"\d*\.\d+")
# Scales written glued to their number ("1.5m people", "20k"), which the
# tagger splits off and may read as a word of their own.
_GLUED_SCALES = ("m", "mn", "bn", "b", "k")
# Nouns of "at one point", "at one time": an idiom of time, no count.
_ONE_IDIOMS = {"point", "time", "stage", "juncture", "moment"}


# The parts by which English describes a building or a vehicle ("a
# three-story home", "a two-car garage", "a four-lane road"); a lead of
# "10 points" or "two-dozen guns" are amounts and stay.
_DESCRIPTOR_NOUNS = {"story", "storey", "floor", "level", "door", "bedroom", "bathroom", "bath", "room",
                     "car", "lane", "wheel", "cylinder", "family", "unit", "bay", "engine", "speed"}


def _descriptor(core: Span) -> bool:
    """COMPOUND_DESCRIPTOR: a number hyphened to a noun that together modify
    another noun ("a three-story home", "a four-door sedan") tells what kind
    of thing it is; it counts no things of the story. People stay counted
    ("a five-member board", "a 12-person jury": how many make up a body), and
    so do amounts ("a 10-point lead")."""
    doc = core.doc
    j = core[-1].i
    if j + 3 > len(doc) or doc[j + 1].text not in ("-", "‐") or doc[j].whitespace_ or doc[j + 1].whitespace_:
        return False
    noun = doc[j + 2]
    if noun.lower_ not in _DESCRIPTOR_NOUNS:
        return False
    return noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN")


def _indefinite_one(anchor: Token) -> bool:
    """INDEFINITE_ONE: "one" that means "a": the subject of a verb of saying
    ("one neighbor says", "said one resident", "one Facebook friend wrote")
    picks a speaker out and counts nothing; "at one point" is an idiom."""
    noun = anchor.head if anchor.dep_ == "nummod" else None
    if noun is None or noun.tag_ != "NN":
        return False
    if noun.lemma_.lower() in _ONE_IDIOMS and noun.dep_ == "pobj" and noun.head.lower_ == "at":
        return True
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in STRONG_CUES | WEAK_CUES


def _before_its_noun(anchor: Token) -> bool:
    """ "one" right before an adjective and a noun counts that noun ("try one
    last time", "one final chance"), however the parser hangs it."""
    doc = anchor.doc
    if anchor.i + 2 >= len(doc):
        return False
    adj, noun = doc[anchor.i + 1], doc[anchor.i + 2]
    return adj.pos_ == "ADJ" and adj.head.i == noun.i and noun.pos_ == "NOUN"


def _quantity(a: Amount, text: str, base: int, counts: str | None) -> Quantity:
    unit = a.unit
    if unit is None and a.kind in ("count", "range") and counts is not None and (
            counts in ("deaths", "injured", "casualties", "shot") or counts.split()[-1] in _PEOPLE):
        unit = "person"
    start, end = base + a.start, base + a.end
    return Quantity(start=start, end=end, text=text[start:end], value=a.value,
                    qualifier=a.qualifier, low=a.low, high=a.high, unit=unit,
                    counts=counts, kind=a.kind)


def _reread(a: Amount, doc: Doc, base: int) -> Amount:
    """The amount with the parse's corrections: "over" and "under" that are
    prepositions ("fighting over two regions") are no qualifier."""
    if a.qualifier_words in ("over", "under", "above", "below") and a.kind != "range":
        qtok = doc.char_span(base + a.start, base + a.start + len(a.qualifier_words),
                             alignment_mode="expand")
        if qtok is not None and qtok[0].dep_ == "prep" and any(
                c.dep_ == "pobj" and not c.like_num for c in qtok[0].children):
            if a.value is None:  # "fought over several issues": still vague, with no bound
                return a._replace(start=a.core[0], qualifier_words="")
            return a._replace(start=a.core[0], qualifier="exact", low=a.value, high=a.value,
                              qualifier_words="")
    return a


def _anchor(core: Span) -> Token:
    """The token that carries the number in the parse: the last number-like one."""
    for tok in reversed(core):
        if tok.like_num or tok.lower_ in _FEW_WORDS or tok.pos_ in ("NUM", "NOUN", "ADJ"):
            return tok
    return core[-1]


def _range_anchor(core: Span) -> Token | None:
    """In a range the parser often hangs the noun on the first number ("10-20
    people": "10" is its nummod): the number whose head is a noun after the range."""
    return next((t for t in core if t.like_num and t.head.i >= core.end
                 and t.head.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nummod", "quantmod", "compound")), None)


def _excluded(a: Amount, core: Span, anchor: Token) -> bool:
    doc = core.doc
    if a.vague and a.unit in _TIME_UNITS:
        return True  # "for many years", "several days": vague durations check nothing
    if a.kind in ("duration",) or a.kind in ("measure", "range") and a.unit in _TIME_UNITS:
        # a range of durations ("took 3 to 4 hours") is a duration as its ends are
        nxt = doc[core.end:core.end + 3]
        return any(t.lower_ in ("ago", "later", "earlier") for t in nxt)  # "two years ago"
    if a.kind not in ("money", "percent") and _in_date(core):
        return True
    if a.year_like and not (anchor.dep_ == "nummod" and anchor.head.tag_ in ("NNS", "NNPS")):
        return True  # "in 2020", "the 2020 war", but not "2000 people"
    for t in core:
        if t.ent_type_ in _NAME_LABELS:
            ent = next(e for e in doc.ents if e.start <= t.i < e.end)
            if any(w.is_title and not w.is_stop and not w.like_num
                   and not (w.is_sent_start and w.pos_ != "PROPN") for w in ent
                   if w.i not in range(core.start, core.end)):
                return True  # "Article 5 of the treaty", "Resolution 2334"
            # but a common noun capitalised only because it opens the sentence
            # names nothing ("Highs of 104F", tagged a person by the small model)
            if ent.start == core.start and ent.start > 0 and doc[ent.start - 1].pos_ == "PROPN" \
                    and doc[ent.start - 1].is_title and t.ent_type_ == "PRODUCT":
                return True  # "Boeing 737"
    first = core[0]
    headline = _headline(anchor)
    if first.i > 0:
        prev = doc[first.i - 1]
        if not headline and prev.is_title and not prev.is_sent_start and a.kind == "count" and a.value != 1 \
                and not a.qualifier_words and anchor.dep_ == "nummod" and anchor.head.i == core.end \
                and anchor.head.tag_ == "NN" and first.i == anchor.i:
            return True  # "the Top 10 list", "the Big 12 conference": counts go with plurals
        if not headline and prev.whitespace_ and (prev.is_title or prev.is_upper) and prev.pos_ in ("PROPN", "NOUN") \
                and anchor.head == prev and first.like_num and a.kind != "money" \
                and not (prev.is_sent_start and prev.pos_ == "NOUN" and prev.tag_ == "NNS"):
            return True  # "Flight 17", "Voyager 2", "Apollo 11"; but "USD 5 million" is money
        if prev.whitespace_ and prev.is_alpha and not (prev.is_title or prev.is_upper or prev.is_lower) \
                and first.like_num and a.kind == "count" and not a.qualifier_words:
            return True  # "iPhone 12", "PlayStation 5": a name in mixed case, then its model
        if first.text[:1].isdigit() and re.search(r"(?:\bNos?\.?|#)\s*$", doc.text[max(0, first.idx - 6):first.idx]):
            return True  # "ranked No. 2", "#1": a rank or a label, whatever the parse
        if prev.lower_ in ("no.", "no", "number", "nos.", "#") and anchor.dep_ != "nummod" \
                or prev.lower_ == "number" and anchor.head == prev:
            return True  # "No. 10", "number one"
    if a.kind == "count" and _broadcaster(core):
        return True  # "FOX 2", "KXYZ 11 News", "Stay with 8 News"
    if a.kind == "count" and _calibre(core):
        return True  # ".357 magnum", "a .45 pistol"
    if a.kind == "count" and not a.qualifier_words and _after_its_noun(core, anchor):
        return True  # "milepost 12", "room 12", "from day one"
    if a.unit in ("degree Celsius", "degree Fahrenheit") and a.end - a.core[1] == 1 \
            and core.start > 0 and doc[core.start - 1].lower_ in _NUMBERED:
        return True  # "apartment 4C", "gate 12F": a label, not a temperature
    if a.kind == "count" and not a.qualifier_words and not headline and _before_a_name(core, anchor):
        return True  # "the 737 Max", "a 7 Eleven store"
    if a.kind == "count" and not headline and _model_number(core, anchor):
        return True  # "Glock 17", "Boeing 737", "KXYZ 18"
    if not headline and first.i > 0 and core.end < len(doc) and _in_name(doc[first.i - 1], doc[core.end]):
        return True  # "Local 10 News", "Highway 12 West", "Northwest 18th Terrace"
    if not headline and anchor.is_title and anchor.is_alpha and not anchor.is_sent_start and first.i > 1 \
            and (doc[first.i - 1].is_title or doc[first.i - 1].lower_ == "of" and doc[first.i - 2].is_title):
        return True  # "the Group of Seven", "the Big Three"
    if a.kind == "count" and a.qualifier == "exact" and a.value in range(1, 13) and first.i > 0 \
            and doc[first.i - 1].lower_ == "at" and anchor.dep_ == "pobj" and anchor.head.head.pos_ == "VERB" \
            and anchor.head.head.lemma_ not in _STAND_VERBS and _noun(anchor) is None:
        return True  # "gates open at 6", "began at 9 and ended at 11": a time of day
    if first.i > 0 and doc[first.i - 1].lower_ == "per" and a.kind == "count":
        return True  # "incidents per 100,000 residents": the base of a rate, not a count
    after = doc[core.end:core.end + 4]
    if after and after[0].lemma_.lower() in ("block", "caliber", "calibre", "gauge"):
        return True  # "the 800 block of Elm Drive": an address; ".40 caliber": a gun's name
    if any(t.text in _STREETS for t in after) and all(t.is_title for t in after[:1]) or _street_number(core):
        return True  # "55 Main Street", "7801 East Lake St.", "20582 southwest 119 Avenue"
    if a.value in (911, 999, 112) and a.kind == "count" and not a.qualifier_words:
        return True  # emergency numbers ("the 911 call", "dialled 999")
    if a.kind == "ordinal":
        if (anchor.pos_ == "ADV" or anchor.dep_ in ("advmod", "npadvmod")) \
                and anchor.head.lemma_ not in _RANK_VERBS:
            return True  # "First, ...", "he first met"; but "she finished second"
        if anchor.is_title and not anchor.is_sent_start and not headline:
            return True  # "the Second World War", "First Deputy Prime Minister"
        if core.end < len(doc) and anchor.text[0].isdigit() and doc[core.end].is_title \
                and doc[core.end].pos_ in ("PROPN", "NOUN") and not headline:
            return True  # "the 1st Armored Division", "the 101st Airborne"
        if anchor.pos_ == "NOUN" and anchor.lower_.startswith("second"):
            return True  # "a second", the unit of time
        if anchor.head.lemma_.lower() in _ORDINAL_IDIOMS:
            return True
        if _numbered_street(core):
            return True  # "at 19th and Pine", "near 48th and Oak streets", "west 29th street"
        nxt = [t.lower_ for t in doc[core.end:core.end + 2] if t.text not in ("-", "–")]
        if nxt and nxt[0] in ("floor", "story", "storey", "grader", "grade", "degree"):
            return True  # "a second-floor apartment", "a ninth-grader": a level, not a rank anyone reports
    return False


# US broadcasters are named by call letters (K..., W...) or a network and a channel.
_NETWORKS = {"FOX", "NBC", "ABC", "CBS", "CW", "NEWS", "CHANNEL", "ACTION"}
_GUNS = {"caliber", "calibre", "magnum", "pistol", "handgun", "revolver", "rifle", "shotgun", "gun",
         "semiautomatic", "semi", "automatic", "special", "auto", "acp", "round", "rounds"}


def _broadcaster(core: Span) -> bool:
    """A channel number in a broadcaster's name: "FOX 2", "KXYZ 11", "WXYZ 12
    News", "Local 10 News", "Action News 5", "watch 11 News"."""
    doc = core.doc
    if not core[0].text.isdigit() or len(core) != 1 or len(core[0].text) > 2:
        return False
    prev = doc[core.start - 1] if core.start > 0 else None
    nxt = doc[core.end] if core.end < len(doc) else None
    if nxt is not None and nxt.text in ("News", "NEWS", "Action"):
        return True
    if prev is None or not prev.is_alpha:
        return False
    if prev.is_upper and (prev.text in _NETWORKS or 3 <= len(prev) <= 4 and prev.text[0] in "KW"):
        return True
    anchor = core[-1]
    if prev.is_upper and 2 <= len(prev) <= 5 and not (anchor.dep_ == "nummod" and anchor.head.i > anchor.i) \
            and sum(t.is_lower for t in anchor.sent) > sum(t.is_upper for t in anchor.sent):
        return True  # "Police tell ZAP 12 two men...", "(ZAP 12)": a station's brand in a sentence of lower case
    return prev.text == "News" and prev.i > 0 and doc[prev.i - 1].is_title


def _calibre(core: Span) -> bool:
    """A gun's calibre: a decimal written without its zero before a gun word
    (".357 magnum", ".45 pistol", ".22-caliber rifle")."""
    doc = core.doc
    if not re.fullmatch(r"\.\d{2,3}", core[0].text):
        return False
    after = [t.lower_ for t in doc[core.end:core.end + 3] if t.text != "-"]
    return any(w in _GUNS for w in after[:2])


# Nouns that a number after them names one of: places along a road or in a
# building, parts of a text, stages of a contest.
_NUMBERED = {"room", "exit", "gate", "milepost", "marker", "apartment", "apt", "suite", "unit", "lot",
             "pier", "platform", "terminal", "precinct", "district", "ward", "page", "section",
             "day", "game", "round", "level", "grade", "floor", "lane", "bus", "car", "channel"}


def _after_its_noun(core: Span, anchor: Token) -> bool:
    """A number right after a noun of _NUMBERED names one of them ("room 12",
    "exit 4", "milepost 12", "from day one"); English counts come before their noun."""
    head = anchor.head
    return anchor.dep_ in ("nummod", "appos", "npadvmod") and head.i == core.start - 1 \
        and head.lower_ in _NUMBERED and core.end - core.start == 1


def _before_a_name(core: Span, anchor: Token) -> bool:
    """Digits bound to the singular proper noun right after them name a thing
    ("the 737 Max"), and so do digits before a name the tagger knows and the
    singular noun they modify ("its 737 Max fleet"): a count of people or
    things takes a plural ("12 Democrats")."""
    head = anchor.head
    if head.ent_type_ in _GROUP_ENTITIES and head.ent_iob_ == "B":
        return False  # "killed 40 Taliban", "12 Hezbollah fighters": members of a group, counted
    if not (core[0].text.isdigit() and len(core) == 1 and anchor.dep_ in ("compound", "nummod")
            and _digits(core) != 1 and core.end < len(core.doc)):
        return False
    nxt = core.doc[core.end]
    if head.i == core.end:
        return head.tag_ == "NNP" and head.is_title
    # "its 737 Max fleet": a name between the number and the singular noun it
    # modifies; a count above one takes a plural
    return head.i > core.end and head.tag_ == "NN" and nxt.tag_ == "NNP" and nxt.is_title and nxt.ent_type_ != "" \
        and all(t.tag_ == "NNP" for t in core.doc[core.end:head.i])


# Entities whose members a number before the name counts: a group or a nationality.
_GROUP_ENTITIES = {"ORG", "NORP"}


def _digits(core: Span) -> float:
    """The value of a core written as bare digits (0 otherwise)."""
    return float(core[0].text) if core[0].text.isdigit() else 0.0


def _model_number(core: Span, anchor: Token) -> bool:
    """A number right after a capitalised proper noun is a model or a name
    ("Glock 17", "Boeing 737", "Chapter 11", "KXYZ 18"), unless it counts the
    plural noun after it ("Chicago 12 people", a headline's habit)."""
    doc = core.doc
    first = core[0]
    if first.i == 0 or not re.fullmatch(r"\d{1,4}", first.text) or len(core) != 1:
        return False
    prev = doc[first.i - 1]
    if not prev.whitespace_ or prev.pos_ != "PROPN" or not (prev.is_title or prev.is_upper) \
            or prev.lower_.strip(".") in _DATE_WORDS or prev.is_sent_start:
        return False
    nxt = doc[core.end] if core.end < len(doc) else None
    return not (nxt is not None and nxt.tag_ in ("NNS", "NNPS") and anchor.head == nxt)


_STREET_WORDS = {s.lower() for s in _STREETS} | {"streets", "avenues", "roads", "st", "ave"}


def _numbered_street(core: Span) -> bool:
    """A street named by an ordinal in digits: "19th and Pine", "48th and
    Oak streets", "west 29th street", "at 81st": a number in digits with
    its suffix, then a street word, or "and" and a capitalised name, or
    nothing after "at", "near" or "on"."""
    doc = core.doc
    if not core[0].text[:1].isdigit():
        return False
    after = doc[core.end:core.end + 5]
    words = [t.lower_.rstrip(".") for t in after]
    if words and words[0] in _STREET_WORDS:
        return True
    if len(after) >= 2 and words[0] == "and" and after[1].is_title \
            and (any(w in _STREET_WORDS for w in words[1:]) or after[1].pos_ == "PROPN" or after[1].text[:1].isdigit()):
        return True
    prev = doc[core.start - 1].lower_ if core.start > 0 else ""
    return prev in ("at", "near", "on") and (not words or after[0].is_punct or after[0].pos_ in ("ADP", "CCONJ", "SCONJ", "VERB", "AUX"))


_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
            "n", "s", "e", "w", "ne", "nw", "se", "sw"}


def _street_number(core: Span) -> bool:
    """A house number: digits, then a street's name and its kind within four
    words, each a capitalised word, a compass point or a number."""
    doc = core.doc
    if not core[-1].text.isdigit():
        return False
    for t in doc[core.end:core.end + 4]:
        word = t.text.rstrip(".")
        if word in _STREETS and t.i > core.end:
            return True
        if not (t.is_title or t.is_upper or word.lower() in _COMPASS or t.like_num) or t.is_punct:
            return False
    return False


def _headline(tok: Token) -> bool:
    """Whether the sentence is set in title case, where capitals name nothing."""
    words = [t for t in tok.sent if t.is_alpha and len(t) >= 3 and not t.is_stop]
    return len(words) >= 3 and all(t.is_title or t.is_upper for t in words)


def _in_name(prev: Token, nxt: Token) -> bool:
    """Whether a number sits between two words of a name."""
    return all(t.is_title and not t.is_stop and t.pos_ in ("PROPN", "NOUN") for t in (prev, nxt)) \
        and not (prev.is_sent_start and prev.pos_ != "PROPN")


_AGE_BEFORE = re.compile(r"(?:[A-Za-z][\w'’.-]*\s*[,(](?:\s*(?:now|both|each))?(?:\s*\d+\s*(?:,\s*and|,|and))*"
                         r"|\bage[sd]?(?:\s+of)?(?:\s+(?:\d+(?:,\d+)*|one|two|three|four|five|six|seven|eight|nine|ten"
                         r"|eleven|twelve)\s*(?:,\s*and|,|and))*"
                         r"|,\s*who\s+(?:is|was|turns|turned)(?:\s+now)?)\s*$")
_AGE_AFTER = re.compile(r"\s*(?:[,().;–—]|of\b|and\b|was\b|is\b|to\b|$)")


def _age_of_subject(a: Amount, anchor: Token) -> bool:
    """A bare whole number said of one person with "be" is the person's age:
    "Jane Roe was 35.", "The victim was 17, police said", "She was 16 when...",
    "their ages were 15, 16 and 17"; and a death "at 96" ("He was one of five"
    picks from a group; "the toll was 35" is no person)."""
    if a.kind != "count" or a.qualifier != "exact" or a.value is None or a.value != int(a.value) \
            or not 0 < a.value < 120:
        return False
    while anchor.dep_ == "conj" and anchor.head.like_num:
        anchor = anchor.head  # "ages were 15, 16 and 17"
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "at" and anchor.head.head.lemma_ == "die" \
            and not any(c.dep_ == "prep" for c in anchor.children):
        return True  # "died at 96"
    if anchor.dep_ in ("dobj", "attr", "oprd", "acomp") and anchor.head.lemma_ == "turn" \
            and _noun(anchor) is None and not any(c.dep_ == "prep" for c in anchor.children):
        return True  # "turned 41 on Monday", "would have turned 50"
    if anchor.dep_ != "attr" or anchor.head.lemma_ != "be":
        return False
    if any(c.dep_ == "prep" for c in anchor.children) or _noun(anchor) is not None:
        return False
    subj = next((c for c in anchor.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    return subj.lower_ in ("he", "she") or subj.tag_ == "NNP" and subj.ent_type_ == "PERSON" \
        or subj.tag_ == "NN" and subj.lemma_.lower() in _PEOPLE or subj.lemma_.lower() == "age"


# People named by their age right after them: "children 12 and under".
_PEOPLE_BEFORE = re.compile(r"\b(?:people|persons|children|kids|adults|those|anyone|everyone|residents"
                            r"|seniors|students|women|men|girls|boys|players|drivers|voters)\s+$", re.I)
# A form's label for an age ("Age: 25", in police logs and victim lists):
# the number after it is an age whatever follows (AGE_LABEL).
_AGE_LABEL = re.compile(r"\bage\s*:\s*$", re.I)
# Words that make the range after them a span of ages: "ranged in age from 22
# to 58", "ages 22 to 58", "aged between 16 and 18".
_AGES_BEFORE = re.compile(r"\bage[sd]?(?:\s+of)?\s*$", re.I)


def _is_age(a: Amount, core: Span, base: int) -> bool:
    """A person's age written after the name: "Jane Roe, 39, was killed",
    "his wife, 34,", "John Roe (10)", "Omar and Jamar Hamilton, both 23,",
    "three men, ages 19, 21 and 22", or a
    range of ages after "age(s)" or "aged". Read from the text, since the
    tokenizer glues "Roe,20" into one token."""
    if a.kind == "count" and a.unit is None and a.value is not None and 0 < a.value < 120 \
            and a.qualifier in ("at_least", "at_most"):
        words = core.doc.text[base + a.start:base + a.end]
        if re.search(r"\b(?:older|younger)$", words) or re.search(r"\b(?:and|or) (?:over|under|up)$", words) \
                and _PEOPLE_BEFORE.search(core.doc.text[max(0, base + a.start - 20):base + a.start]):
            return True  # "people 65 and older", "children 12 and under": a bound on age
    if a.kind == "range" and a.unit is None and a.high is not None and a.high < 120:
        return _AGES_BEFORE.search(core.doc.text[max(0, base + a.start - 20):base + a.start]) is not None \
            and _AGE_AFTER.match(core.doc.text, base + a.end) is not None
    if a.value is None or a.kind != "count" or a.qualifier != "exact" or a.value != int(a.value) \
            or not 0 < a.value < 120:
        return False
    text = core.doc.text
    before = text[max(0, base + a.start - 40):base + a.start]
    if _AGE_LABEL.search(before):
        return True  # "Sex: M Race: B Age: 25 Condition: ..."
    m = _AGE_BEFORE.search(before)
    if not m or not _AGE_AFTER.match(text, base + a.end):
        return False
    if "age" in m.group().lower() or "who" in m.group():
        return True  # "aged 19", "Trump, who is 70,"
    prev = core.doc.char_span(base + a.start - len(m.group()), base + a.start - len(m.group()) + 1,
                              alignment_mode="expand")
    return prev is not None and prev[0].pos_ in ("PROPN", "NOUN", "PRON")


def _in_date(core: Span) -> bool:
    """Inside a DATE or TIME entity that has a word of dates in it ("the 21st
    century", "the morning of the 5th"). The small model also tags bare
    numbers as DATE ("I have seen 45 and 50 cases"), so the label alone is not enough."""
    doc = core.doc
    for t in core:
        if t.ent_type_ in ("DATE", "TIME"):
            ent = next(e for e in doc.ents if e.start <= t.i < e.end)
            if any(w.lower_.strip(".") in _DATE_WORDS or w.i not in range(core.start, core.end)
                   and re.fullmatch(r"1[5-9]\d\d|20\d\d", w.text) for w in ent):
                return True
    return False


def _noun(anchor: Token) -> Token | None:
    """The noun a number modifies, or the one it picks from with "of"."""
    doc = anchor.doc
    post = anchor.head
    if post.lower_ in ("plus", "odd") and anchor.i < post.i <= anchor.i + 2 and post.i + 1 < len(doc) \
            and doc[post.i + 1].pos_ == "NOUN":
        return doc[post.i + 1]  # "150-plus passengers": the parser hangs the number on "plus"
    t = anchor
    while t.head.like_num and (t.dep_ in ("compound", "quantmod", "nummod", "nmod", "advmod")
                               and t.head.i > t.i or t.dep_ == "conj" and t.head.i < t.i):
        t = t.head  # "1.2 million", "20-30", "between 20 and 30"
    if t.dep_ in ("nummod", "amod", "quantmod", "compound", "det", "nmod", "npadvmod") \
            and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        noun = t.head
        while noun.dep_ in ("poss", "compound") and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
            noun = noun.head  # "two sheriff's deputies", "two St. Mary Parish deputies"
        return noun
    for child in t.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _lemma_phrase(noun: Token) -> str:
    if noun.lower_ in ("shot", "shots") and noun.pos_ == "NOUN" \
            and not any(c.lower_ in ("those", "these", "all") for c in noun.children):
        return "gunshot"  # "fired 16 shots": shots fired; but "one of those shot" are people
    # the number's own words are no part of what it counts ("several dozen
    # officers", "10k employees" count officers, employees)
    words = [c.lemma_.lower() for c in noun.children
             if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < noun.i
             and not c.like_num and not c.text[:1].isdigit() and c.lower_ not in ("dozen", "hundred", "score", "%")]
    return " ".join(words + [noun.lemma_.lower()])


def _word_casualty(tok: Token) -> str | None:
    lemma, low = tok.lemma_.lower(), tok.lower_
    if low in _INJURED or lemma in _INJURE or lemma == "injury":
        return "injured"
    if low in _DEAD or lemma in _DEAD or lemma in _KILL or lemma in _DIE:
        return "deaths"
    if lemma == "life" and tok.head.lemma_ in _LIFE_VERBS:
        return "deaths"
    if lemma == "casualty":
        return "casualties"
    return None


def _casualty_after_noun(num: Token) -> str | None:
    """CASUALTY_AFTER_NOUN: "left a boy dead and 30 others injured": the
    participle right after the noun a number counts says what it counts,
    whatever the parse hangs it on (here the boy, who is dead)."""
    doc, j = num.doc, num.i + 1
    if j + 1 >= len(doc) or num.head.i != j or doc[j].tag_ not in ("NNS", "NN") or doc[j].lower_ in _DEAD | _INJURED:
        return None
    after = doc[j + 1]
    return _word_casualty(after) if after.lower_ in _DEAD | _INJURED and after.tag_ in ("JJ", "VBN", "VBD") else None


def _casualty(x: Token, depth: int = 0) -> str | None:
    """Whether ``x`` (a number or the noun it counts) names victims."""
    if depth == 0 and x.like_num and x.i + 1 < len(x.doc):
        after = x.doc[x.i + 1]
        if after.lower_ in _DEAD | _INJURED and after.tag_ in ("JJ", "VBN", "NN", "NNS"):
            # "Fifty-one dead and over 100 wounded": the word right after a
            # number says what it counts, whatever the parse joins it to.
            return _word_casualty(after)
    low = x.lemma_.lower()
    if low in _DEAD or x.lower_ in _DEAD or x.lower_ in _INJURED or low == "injury" \
            or low == "life" and x.head.lemma_ in _LIFE_VERBS:
        return _word_casualty(x)
    for child in x.children:  # "three people dead", "people who were killed", "30 injured"
        if child.dep_ in ("amod", "acl", "relcl", "appos", "oprd", "acomp") and child.i > x.i:
            hit = _word_casualty(child)
            if hit:
                return hit
            for grandchild in child.children:  # "shot dead", "who were shot and killed"
                if grandchild.dep_ in ("oprd", "acomp", "advmod") and grandchild.lower_ == "dead":
                    return "deaths"
                if grandchild.dep_ == "conj" and _word_casualty(grandchild):
                    return _word_casualty(grandchild)
    head, dep = x.head, x.dep_
    if dep == "nsubj" and head.lower_ in _DEAD | _INJURED and head.pos_ == "ADJ":
        return _word_casualty(head)  # "left 300 people dead", parsed as a small clause
    if dep == "pobj" and head.lower_ in ("between", "from") and head.head.pos_ == "VERB":
        head, dep = head.head, "dobj"  # "injured between 20 and 30 people": the bound's words are no preposition
        x = head  # its children ("left ... dead") are the verb's
        for child in head.children:
            if child.dep_ in ("oprd", "acomp") and child.lower_ in _DEAD | _INJURED:
                return _word_casualty(child)
        hlemma = head.lemma_.lower()
        return _word_casualty(head) if hlemma in _KILL | _INJURE else None
    hlemma = head.lemma_.lower()
    for child in head.children:  # "shot dead", "left three people dead", "left three dead and many injured"
        # "left eight people wounded": the small model hangs the participle
        # on "left" as an adverbial clause; after "leave" it says what the
        # people were left.
        if (child.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "advmod")
                or child.dep_ == "advcl" and hlemma == "leave" and child.tag_ == "VBN") \
                and dep in ("dobj", "nsubjpass") \
                and (child.i > x.i or child.lower_ == "dead"):
            hit = _word_casualty(child)
            if hit and child.lower_ in _DEAD | _INJURED:
                return hit
    if dep in ("amod", "nummod") and head.tag_ == "VBN" and hlemma in _KILL | _INJURE:
        return _word_casualty(head)  # "several injured", "many wounded"
    if dep == "nsubj" and (hlemma in _DIE or hlemma in _KILL | _INJURE and (
            head.tag_ == "VBN" or not any(c.dep_ == "dobj" for c in head.children))):
        return _word_casualty(head)  # "6,500 people died", "five wounded", "three others wounded"
    if dep in ("nsubjpass", "dobj") and hlemma in _KILL | _INJURE:
        return _word_casualty(head)  # "three were killed", "killed three"
    if dep == "nsubj" and hlemma in ("suffer", "sustain", "receive") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("injury", "wound") for c in head.children):
        return "injured"  # "three people suffered minor injuries"
    if dep == "nsubj" and hlemma == "be":
        for child in head.children:
            if child.dep_ in ("acomp", "attr") and child.lower_ in _DEAD | _INJURED:
                return _word_casualty(child)  # "three are dead"
    if dep == "pobj" and head.lower_ in ("to", "at", "of"):
        owner = head.head  # "the death toll rose to 30", "a death toll of 30"
        subj = owner if owner.lemma_.lower() in _TOLL_NOUNS else next(
            (c for c in owner.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() in _TOLL_NOUNS:
            for c in subj.subtree:
                hit = _word_casualty(c) if c.i != subj.i else None
                if hit:
                    return hit
            if subj.lemma_.lower() == "toll":
                return "deaths"
    if dep == "conj" and depth == 0:
        return _casualty(head, 1)  # "killed three soldiers and two civilians"
    return None


def _shot(x: Token) -> bool:
    """Whether ``x`` names people who were shot, neither said to be dead nor
    injured: "five people were shot", "shot four people", "people who were shot"."""
    if x.dep_ in ("nsubjpass", "dobj") and x.head.lemma_ == "shoot":
        return True
    return any(c.dep_ in ("relcl", "acl") and c.lemma_ == "shoot" for c in x.children)


def _counts(a: Amount, anchor: Token) -> str | None:
    """What the number counts; "" for a vague word that counts nothing checkable."""
    if a.kind == "duration":
        return _lasting(anchor) or a.unit
    if a.kind == "measure" and a.unit in _TIME_UNITS:
        return "age"
    noun = _noun(anchor)
    if noun is None:
        # "1.5m people", the "m" parsed as a verb: the plural noun after the scale
        doc, j = anchor.doc, anchor.i
        if j + 1 < len(doc) and not anchor.whitespace_ and doc[j + 1].lower_ in _GLUED_SCALES:
            j += 1
        if doc[j].lower_ in _GLUED_SCALES and j + 1 < len(doc) and doc[j + 1].tag_ == "NNS":
            noun = doc[j + 1]
    if a.kind in ("percent", "money") or a.unit == "fraction":
        unit_tok = noun if noun is not None and noun.lower_ in ("%", "percent", "cent", "pct") else anchor
        if noun is None or noun.i == unit_tok.i:
            noun = next((o for c in unit_tok.children if c.lower_ == "of"
                         for o in c.children if o.dep_ == "pobj"), None) or _changed(unit_tok)
        return _lemma_phrase(noun) if noun is not None and noun.pos_ in ("NOUN", "PROPN") else None
    if a.vague and a.kind == "measure":
        return a.unit  # "dozens of square kilometres"
    hit = _casualty_after_noun(anchor) or (_casualty(noun) if noun is not None else None) or _casualty(anchor)
    if hit is None and (_shot(anchor) or noun is not None and _shot(noun)):
        hit = "shot"
    if a.vague:
        return _vague_counts(a, anchor, noun, hit)
    if hit:
        return hit
    if a.compound:
        return a.compound
    if a.kind == "measure":
        return a.unit
    if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
        return _lemma_phrase(noun)
    return None


_LAST_VERBS = {"last", "take", "span", "run", "go", "continue", "stretch", "drag"}


def _lasting(anchor: Token) -> str | None:
    """What a duration is of, as a lemma: the noun it describes ("a six-week
    war": ``war``) or the subject of a verb of lasting ("the talks lasted
    two hours": ``talk``); None when the parse says neither."""
    unit = anchor.head if anchor.dep_ == "nummod" else anchor
    if unit.dep_ in ("compound", "amod", "nmod") and unit.head.pos_ == "NOUN" and unit.head.i > unit.i:
        return unit.head.lemma_.lower()
    verb = unit.head.head if unit.head.dep_ == "prep" and unit.head.lower_ == "for" else unit.head
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _LAST_VERBS and unit.dep_ in ("dobj", "npadvmod", "pobj"):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "NOUN":
            return subj.lemma_.lower()
    return None


def _changed(tok: Token) -> Token | None:
    """The subject of a change a number is the end of: "Unemployment rose to
    5.2%" counts unemployment."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "at", "by", "from") and tok.head.head.pos_ == "VERB":
        return next((c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _vague_counts(a: Amount, anchor: Token, noun: Token | None, hit: str | None) -> str | None:
    """Vague words are kept only when they count something a reader could check."""
    doc = anchor.doc
    first = anchor if anchor.lower_ not in ("few", "handful", "couple") else doc[anchor.i - 1]
    nxt = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    prev = doc[first.i - 1] if first.i > 0 else None
    if anchor.lower_ in _FEW_WORDS:
        if nxt is not None and (nxt.lower_ in ("other", "more", "times")
                                or nxt.lower_ == "of" and anchor.lower_ not in ("couple", "handful")):
            return ""  # "many other powers": a comparison, not a count; "many of them"
        # but "a couple of officers", "a handful of protesters": these nouns take
        # their noun through "of", as "a dozen" does; the "of" is no partitive
        if prev is not None and prev.lower_ in ("so", "too", "how", "as", "very", "not", "in", "that", "this"):
            return ""  # "so many", "how many", "in many ways"
    if noun is not None and noun.lemma_.lower() in _TIME_UNITS | {"time"}:
        return ""  # "for many years", "hundreds of years": vague durations
    if hit:
        return hit
    if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
        return _lemma_phrase(noun)
    return ""
