"""What a number measures, and the values it allows.

A number of a claim is compared with another only when both measure one
thing: the same kind and the same counted noun ("deaths" are not
"injured"), the same part of the people counted ("two of its troops" is not
the whole toll), in one base unit (days for durations).
"""

from __future__ import annotations

import functools
import math
import re
from typing import NamedTuple

from ..models import Claim, Quantity
from ..report import number, vague_words
from .rules import rule
from .thresholds import APPROX

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
# Words that follow a count and name no part of the people counted ("at
# least 19 on Sunday", "31 since the fighting began"): English's closed
# classes (prepositions, conjunctions, auxiliaries, determiners, pronouns)
# and the casualty words themselves.
_NOT_A_NOUN = frozenset(
    "dead killed injured wounded died hurt shot slain people "
    "were was is are be been being have has had will would could may might must shall should do did does "
    "and or but nor so yet as than then "
    "in on at by for from to of with without into onto over under after before since during until till "
    "about around across along among between through throughout within against toward towards near "
    "including like unlike per via amid despite "
    "the a an this that these those its their his her our my your all both each some many more most "
    "who whom whose which what when where while "
    "he she it they we you i them us him "
    "so far now still already also only just".split()
)


class Bounds(NamedTuple):
    """The values a number allows, in base units, ends included."""

    lo: float
    hi: float


def bounds(q: Quantity) -> Bounds:
    """What a stated number allows: "31" is 31; "about 300" is 270 to 330
    (APPROX); a range is its ends. A bound holds its own number: news
    writes "more than 6,500" of a toll another outlet gives as 6,500, one
    figure (a lower bound against an upper bound is ``compare``'s rule). A vague quantity allows whatever its words do not rule out
    ("dozens": 24 and up), and is never compared (``measure`` is None)."""
    scale = DAYS.get((q.unit or "").rstrip("s"), 1.0) if q.kind == "duration" else 1.0
    if q.value is None:
        return Bounds((q.low or 0.0) * scale, math.inf)
    v = q.value * scale
    if q.qualifier == "exact":
        if q.low is not None and q.high is not None and q.low != q.high:
            return Bounds(q.low * scale, q.high * scale)  # a range
        return Bounds(v, v)
    if q.qualifier == "approx":
        return Bounds(v * (1 - APPROX), v * (1 + APPROX))
    if q.qualifier == "more_than":
        return Bounds(v, math.inf)
    if q.qualifier == "at_least":
        return Bounds(v, math.inf)
    if q.qualifier == "less_than":
        return Bounds(0.0, v)
    if q.qualifier == "at_most":
        return Bounds(0.0, v)
    return Bounds((q.low or 0.0) * scale, math.inf)


def interval(q: Quantity) -> tuple[float, float]:
    """The values a quantity allows, in base units, ends included."""
    b = bounds(q)
    return b.lo, b.hi


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
            if word not in GENERIC_PEOPLE and word not in _NOT_A_NOUN:
                return word
    return None


# Counted nouns news English uses for one another ("two teens" and "two
# teenagers"; "kids" and "children"; "cops" and "officers"): one measure.
# Only plain synonyms of everyday English, not near kinds ("gunman", "suspect");
# police English's "males" and "females" are men and women.
SYNONYMS = {"teenager": "teen", "kid": "child", "cop": "officer", "youngster": "child", "male": "man", "female": "woman",
            # the members of a bloc of states ("the 27-nation bloc", "28 member states")
            "country": "nation", "member state": "nation", "member country": "nation", "member nation": "nation"}


# Nouns for one thing that lasts, as news English names it ("the talks",
# "the meeting", "the summit"; "the war", "the conflict"): what a duration
# is of (``lasting``). Plain everyday synonyms only.
LASTING_SYNONYMS = {"talk": "meeting", "negotiation": "meeting", "summit": "meeting", "session": "meeting",
                    "conflict": "war", "fighting": "war", "siege": "standoff"}
_TIME_WORDS = frozenset("second minute hour day week month year decade century".split())


def lasting(q: Quantity) -> str | None:
    """What a duration is of ("war", "meeting"), as extraction read it; None
    when it did not say."""
    if q.kind != "duration" or not q.counts or q.counts in _TIME_WORDS:
        return None
    return LASTING_SYNONYMS.get(q.counts, q.counts)


def measure(claim: Claim, q: Quantity) -> tuple[str, str, str | None] | None:
    """What a number measures, as a key: two numbers are compared only when
    their keys are equal. None: too vague to compare ("several", "many")."""
    if q.qualifier == "vague":
        return None
    if q.kind == "duration":
        return ("duration", "days", None)
    if q.kind in ("percent", "money", "ordinal"):
        return (q.kind, q.unit or "", q.counts)
    counted = q.counts or q.unit or ""
    return (q.kind, SYNONYMS.get(counted, counted), subgroup(claim.text, claim.start, q))


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



def same_value(qa: Quantity, qb: Quantity) -> bool:
    """Two numbers stated alike: the same value with the same qualifier."""
    return qa.qualifier == qb.qualifier and scaled(qa) == scaled(qb) and (qa.low, qa.high) == (qb.low, qb.high)


def scaled(q: Quantity) -> float:
    """The stated value in base units (days for durations); a vague quantity's floor."""
    if q.value is None:
        return q.low or 0.0
    return q.value * (DAYS.get((q.unit or "").rstrip("s"), 1.0) if q.kind == "duration" else 1.0)



# -- of what or whom: the entities of the sentence ---------------------------

OTHER_PLACE = rule(
    "other-place",
    "numbers of sentences that name different places (no word of a place in common) are different facts",
)
OTHER_PERSON = rule(
    "other-person",
    "numbers of sentences that name different people (no surname in common, speakers aside) are different facts",
)
_PLACES = {"GPE", "LOC", "FAC"}
# A place's emergency services ("Hopewell Police", "Kern County Sheriff's
# Office", "Akron Fire Department"): the words before the service name the
# place (AGENCY_OF_A_PLACE); "Justice Department" names no place.
_SERVICES = frozenset("police pd sheriff sheriffs fire rescue ems patrol marshal marshals constabulary".split())
_SERVICE_TAIL = frozenset("department dept office service services".split())
# Words of place names that say what kind of place, not which one.
_PLACE_KIND = frozenset(
    "the of and street st road rd avenue ave boulevard blvd lane drive dr highway court place square park "
    "county city town village state province district region north south east west northern southern "
    "eastern western central northeast northwest southeast southwest block area neighborhood neighbourhood "
    "new saint st. mount lake river".split()
)


def _place_words(claim: Claim) -> set[str]:
    return {w for label, text in claim.entities if label in _PLACES
            for w in text.lower().replace(".", "").split() if w not in _PLACE_KIND}


def _surnames(claim: Claim) -> set[str]:
    speaker = (claim.speaker or "").lower()
    return {text.split()[-1].lower().removesuffix("'s").removesuffix("’s") for label, text in claim.entities
            if label == "PERSON" and text.split() and text.lower() not in speaker}


def other_subject(a: Claim, b: Claim) -> str | None:
    """The rule that tells two sentences apart by what they are of, or None:
    both name places and no word of them is shared ("Oak Street" and "Elm
    Road"; "Kabul" and "Herat"), or both name people and no surname is
    shared. A sentence that names none says nothing either way; a name one
    writes that the other's words hold, as its speaker or untagged
    ("Armenia and Azerbaijan accused each other ..."), is shared (NAMED_IN_WORDS)."""
    pa, pb = _place_words(a), _place_words(b)
    if pa and pb and not pa & pb and not _in_words(pa, b) and not _in_words(pb, a):
        return OTHER_PLACE
    sa, sb = _surnames(a), _surnames(b)
    if sa and sb and not sa & sb and not _in_words(sa, b) and not _in_words(sb, a):
        return OTHER_PERSON
    return None


def _in_words(names: set[str], claim: Claim) -> bool:
    """NAMED_IN_WORDS: whether a claim's words (its speaker's among them)
    hold one of ``names``: the entities of a sentence leave out its speaker,
    and the tagger may miss a name that the other sentence's tags hold."""
    return bool(names & words_of(claim.text))


NAMES_ABSENT = rule(
    "names-absent",
    "an article that mentions none of the people and places a sentence names neither backs nor contradicts it: "
    "it may report another event",
)
_WORDS = re.compile(r"[a-z0-9]+")


def none_named(claim: Claim, text: str) -> bool:
    """Whether ``claim`` names people or places and ``text`` mentions none of
    them (people by surname, places by a word that says which; case and
    punctuation aside)."""
    named, found = mentions(claim, text)
    return named > 0 and found == 0


def mentions(claim: Claim, text: str, labels: frozenset[str] | None = None) -> tuple[int, int]:
    """How many people and places ``claim`` names, and how many of them ``text``
    mentions (of those whose label is in ``labels``, when given)."""
    words = words_of(text)
    named = found = 0
    for label, name in claim.entities:
        if labels is not None and label not in labels:
            continue
        keys = _WORDS.findall(name.lower().replace("’s", "").replace("'s", ""))
        if label == "PERSON":
            keys = keys[-1:]
        elif label in _PLACES:
            keys = [w for w in keys if w not in _PLACE_KIND]
        elif label == "ORG" and (at := _service_at(keys)) > 0:
            # AGENCY_OF_A_PLACE: "Hopewell Police" names Hopewell; "U.S.
            # Marshals" leaves letters of an abbreviation, no place's name.
            keys = [w for w in keys[:at] if w not in _PLACE_KIND and len(w) > 2]
        else:
            continue
        if keys:
            named += 1
            found += any(k in words or (label != "PERSON" and _demonym(k, words)) for k in keys)
    return named, found


def _service_at(keys: list[str]) -> int:
    """Where the emergency service that ends an organisation's name begins
    ("hopewell police department": 1), or -1."""
    end = len(keys)
    while end > 0 and keys[end - 1] in _SERVICE_TAIL:
        end -= 1
    return end - 1 if end > 0 and keys[end - 1] in _SERVICES else -1


@functools.lru_cache(maxsize=1024)
def words_of(text: str) -> frozenset[str]:
    """The words of a text, lower case (an article's, asked for again by each sentence it is set against)."""
    return frozenset(_WORDS.findall(text.lower()))


def _demonym(place: str, words: frozenset[str]) -> bool:
    """Whether a text's ``words`` name a place by the word for its people or
    things ("Russia" and "Russian troops", "Ukraine" and "Ukrainian", "Iraq"
    and "Iraqi"): the place's name but its last letter, then an ending."""
    stem = place[:-1] if len(place) > 4 else place
    return any(stem + end in words for end in _DEMONYM_ENDINGS)


# The endings of English words for a place's people ("Russian", "Chinese",
# "Israeli", "Iraqis"), after the place's name less its last letter.
_DEMONYM_ENDINGS = ("a", "e", "n", "an", "ans", "ns", "ian", "ians", "ese", "i", "is", "li", "lis", "ish", "ic", "er", "ers")
