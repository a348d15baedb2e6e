"""Words as a reader compares them: one spelling for each word.

Two texts that differ only in case, punctuation, hyphenation, British or
American spelling, a compound written as one word or two ("air strikes",
"airstrikes"), or a small number in words or figures ("ten", "10") say the
same words. Each word is mapped to one key; the keys of two texts are then
compared. The mapping is the same for both texts, so it can only join words
that a style guide treats as one.
"""

from __future__ import annotations

import functools
import re

_TOKEN = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")

# Spellings a suffix rule cannot reach; British or variant -> one form.
_TABLE = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "grey": "gray", "programme": "program", "programmes": "programs", "tyre": "tire", "tyres": "tires",
    "kerb": "curb", "aluminium": "aluminum", "judgement": "judgment", "ageing": "aging",
    "plough": "plow", "sceptic": "skeptic", "sceptical": "skeptical", "mould": "mold",
    "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "paediatric": "pediatric",
    "anaemia": "anemia", "foetus": "fetus", "cheque": "check", "jewellery": "jewelry",
    "storey": "story", "storeys": "stories", "enrol": "enroll", "fulfil": "fulfill",
    "travelled": "traveled", "travelling": "traveling", "cancelled": "canceled",
    "cancelling": "canceling", "labelled": "labeled", "modelled": "modeled", "fuelled": "fueled",
    "counselled": "counseled", "signalled": "signaled", "totalled": "totaled", "levelled": "leveled",
    "marvelled": "marveled", "channelled": "channeled", "quarrelled": "quarreled",
    "towards": "toward", "afterwards": "afterward", "amongst": "among", "whilst": "while",
    # transliterations that news English uses side by side
    "shiite": "shia", "shiites": "shia", "shi'ite": "shia", "shi'ites": "shia", "shias": "shia",
}
_NUMBERS = {
    w: str(i) for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_SUFFIXES = [
    # colour, honours, labourer, neighbourhood, favourite (not four, tour, pour)
    (re.compile(r"(?<=[a-z]{2})our(?=(s|ed|ing|er|ers|ite|ites|able|ably|hood|hoods|ful|less)?$)"), "or"),
    # organise, realised, organisation, criticising (z spelling is one form)
    (re.compile(r"(?<=[a-z]{2})is(?=(e|es|ed|ing|ation|ations|er|ers)$)"), "iz"),
    # analyse, paralysed
    (re.compile(r"(?<=[a-z])ys(?=(e|es|ed|ing)$)"), "yz"),
    # centre, theatres, metre, litre, fibre
    (re.compile(r"(?<=[a-z]{2}[^aeiou])re(?=s?$)"), "er"),
    # catalogue, dialogues
    (re.compile(r"(?<=[a-z]{3})ogue(?=s?$)"), "og"),
]


@functools.lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The one spelling of a word: lower case, no hyphen or apostrophe
    variant, American spelling, small numbers in figures."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s") and len(w) > 3:
        return key(w[:-2]) + "'s"  # the Centre's, the center's
    if w in _TABLE:
        return _TABLE[w]
    if w in _NUMBERS:
        return _NUMBERS[w]
    w = w.replace("-", "")
    if w in _TABLE:
        return _TABLE[w]
    if len(w) >= 5 and w.isalpha():
        for pattern, repl in _SUFFIXES:
            w = pattern.sub(repl, w)
    return w


def words(text: str) -> list[str]:
    """The words of a text, each as its one spelling."""
    return [key(m.group(0)) for m in _TOKEN.finditer(text)]


@functools.lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """The words of a text as (one spelling, start, end) in the text; once per
    text, however many others it is compared with."""
    return tuple((key(m.group(0)), m.start(), m.end()) for m in _TOKEN.finditer(text))


def join_compounds(wa: list[str], wb: list[str]) -> tuple[list[str], list[str]]:
    """Write as one word two words of one text that the other writes as one
    ("air strikes" and "airstrikes", "cease fire" and "ceasefire")."""
    return _join(wa, wb), _join(wb, wa)


def _join(seq: list[str], other_words: list[str]) -> list[str]:
    other = set(other_words)
    pairs = set(zip(other_words, other_words[1:]))
    out: list[str] = []
    i = 0
    while i < len(seq):
        if i + 1 < len(seq) and seq[i] + seq[i + 1] in other and (seq[i], seq[i + 1]) not in pairs:
            out.append(seq[i] + seq[i + 1])
            i += 2
        else:
            out.append(seq[i])
            i += 1
    return out


# English's negations, as ``tokens`` writes them: words, and any verb with
# "n't" ("weren't", "didn't"). One table for the quotations
# (``quotes.NEGATED_QUOTE``) and the statements (``statements.negated``).
NEGATIONS = frozenset({"no", "not", "never", "nobody", "none", "nothing", "neither", "nor", "cannot"})


def negation(word: str) -> bool:
    """Whether a word as ``tokens`` writes it negates ("not", "didn't")."""
    w = word.replace("’", "'")
    return w in NEGATIONS or w.endswith("n't")
