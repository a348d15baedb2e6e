"""Two sentences that say the same thing but for their numbers.

A sentence copied from another article, or edited lightly, with a number
changed ("30 people were killed" / "300 people were killed"), states one
fact twice: its numbers stand at one place of one statement and are
compared whatever their size. Numbers are masked before the words are
aligned; names, years and dates are not masked and must agree, so that two
sentences of one template about two events ("... on Main Street", "... on
Oak Avenue"; "In 2022 ...", "In 2023 ...") are not one statement.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from . import spelling
from .rules import rule
from .thresholds import NEGATION_SHARED, SAME_STATEMENT, STATEMENT_WORDS

SAME_STATEMENT_RULE = rule(
    "same-statement",
    "two sentences with the same words and names but for their numbers state one fact: "
    "their numbers are compared whatever their size",
)

_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions dozen dozens half a".split()
) - {"a"}
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_DIGIT = re.compile(r"\d")
NUMBER = "#"


@dataclass(frozen=True)
class Word:
    key: str
    start: int
    end: int
    name: bool  # a capitalised word that does not open the sentence


@functools.lru_cache(maxsize=65536)
def masked(text: str) -> tuple[Word, ...]:
    """The words of a sentence, numbers as one ``#`` each (a year stays a word);
    once per sentence, however many others it is aligned with."""
    out: list[Word] = []
    for i, (k, s, e) in enumerate(spelling.tokens(text)):
        surface = text[s:e]
        parts = surface.lower().split("-")
        is_number = (bool(_DIGIT.search(surface)) and not _YEAR.match(surface)) or all(p in _NUMBER_WORDS for p in parts)
        if is_number:
            if out and out[-1].key == NUMBER and not text[out[-1].end : s].strip(" ,."):
                out[-1] = Word(NUMBER, out[-1].start, e, False)  # "2,354", "3.5", "forty five"
                continue
            out.append(Word(NUMBER, s, e, False))
        else:
            out.append(Word(k, s, e, i > 0 and surface[:1].isupper()))
    return tuple(out)


@dataclass(frozen=True)
class Alignment:
    """Where the numbers of one sentence stand in the other: offsets in A -> offsets in B."""

    numbers: tuple[tuple[tuple[int, int], tuple[int, int]], ...]

    def pairs(self, a_span: tuple[int, int], b_span: tuple[int, int]) -> bool:
        """Whether a number of A within ``a_span`` stands where one of B within ``b_span`` does."""
        return any(
            sa < a_span[1] and ea > a_span[0] and sb < b_span[1] and eb > b_span[0]
            for (sa, ea), (sb, eb) in self.numbers
        )


@functools.lru_cache(maxsize=65536)
def align(a: str, b: str) -> Alignment | None:
    """The alignment of two sentences that say the same thing but for their
    numbers, or None: too short, too different, or a name, a year or a date
    that differs."""
    wa, wb = masked(a), masked(b)
    if len(wa) < STATEMENT_WORDS or len(wb) < STATEMENT_WORDS:
        return None
    ka, kb = [w.key for w in wa], [w.key for w in wb]
    ka, kb = spelling.join_compounds(ka, kb)
    if len(ka) != len(wa) or len(kb) != len(wb):
        ka, kb = [w.key for w in wa], [w.key for w in wb]  # keep offsets one to one
    sm = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    if sm.ratio() < SAME_STATEMENT:
        return None
    numbers = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            numbers += [((wa[i].start, wa[i].end), (wb[j].start, wb[j].end))
                        for i, j in zip(range(i1, i2), range(j1, j2)) if ka[i] == NUMBER]
            continue
        changed = wa[i1:i2] + wb[j1:j2]
        if any(w.name or _YEAR.match(w.key) for w in changed):
            return None  # another name, place, year or date: another event
        if op == "replace" and i2 - i1 == j2 - j1:
            # a number next to a changed word still stands in its place
            numbers += [((wa[i].start, wa[i].end), (wb[j].start, wb[j].end))
                        for i, j in zip(range(i1, i2), range(j1, j2)) if ka[i] == NUMBER and kb[j] == NUMBER]
    return Alignment(tuple(numbers))


OPENING_COPIED = rule(
    "opening-copied",
    "a sentence that is another's opening, word for word (numbers and names alike), states what that one "
    "states first: 'tense since 1991' of 'tense since 1991 when the military occupied ...'",
)


# Words that make what comes before them hold only in part ("will raise
# prices only if ...", "... unless the court rules"): no opening stands alone.
_UNLESS = frozenset("if unless only not no never except until".split())


def opens(a: str, b: str) -> bool:
    """Whether sentence ``a`` is the opening of sentence ``b``: the same
    words (in one spelling), numbers and names alike, at least
    STATEMENT_WORDS of them, and ``b`` goes on, not with a condition."""
    wa, wb = masked(a), masked(b)
    if len(wa) < STATEMENT_WORDS or len(wb) <= len(wa):
        return False
    if any(x.key != y.key for x, y in zip(wa, wb)) or wb[len(wa)].key in _UNLESS:
        return False
    return all(a[x.start : x.end].lower() == b[y.start : y.end].lower() for x, y in zip(wa, wb) if x.key == NUMBER)


BOUND_CHANGED = rule(
    "bound-changed",
    "one statement with a bound word turned the other way ('stolen over 20 years ago', 'under 20 years ago') "
    "conflicts; with a bound word otherwise changed it is no longer one statement",
)
# Words that bound a number, by the way they bound it.
_LOWER_WORDS = frozenset("over more above exceeding least".split())
_UPPER_WORDS = frozenset("under less fewer below nearly almost most".split())


def bounds_changed(a: str, b: str) -> tuple[str, str]:
    """The bound words two sentences that align differ by, as ("over",
    "under"); ("", "") when they differ by none."""
    wa, wb = masked(a), masked(b)
    ka, kb = [w.key for w in wa], [w.key for w in wb]
    sm = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if set(ka[i1:i2] + kb[j1:j2]) & (_LOWER_WORDS | _UPPER_WORDS):
            return " ".join(a[w.start : w.end] for w in wa[i1:i2]), " ".join(b[w.start : w.end] for w in wb[j1:j2])
    return ("", "")


def reversed_bounds(words: tuple[str, str]) -> bool:
    """Whether two bound words bound the other way ("over" / "under")."""
    left, right = (set(w.lower().split()) for w in words)
    return bool(left & _LOWER_WORDS and right & _UPPER_WORDS or left & _UPPER_WORDS and right & _LOWER_WORDS)


VALUE_CHANGED = rule(
    "value-changed",
    "one statement, word for word, but for a year, a day or a month ('mediated in Sochi on November 26' / "
    "'on November 16'; 'tense since 1991' / 'since 1988'): the date changed is a conflict a reader notices",
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset("january february march april may june july august september october november december".split())


# Units of a time counted back from the telling ("two years ago"): such a
# number is a date, which the quantity reader leaves out as no claim.
_AGO_UNITS = frozenset("year years month months week weeks day days hour hours minute minutes decade decades".split())


def changed_values(a: str, b: str) -> list[tuple[str, str]]:
    """The dates two sentences differ by when they are one statement but for
    their numbers, years, weekdays and months (``VALUE_CHANGED``), as
    [("16", "26")]: the other words alike, some perhaps left out ("Vladimir
    Putin" for "Russian President Vladimir Putin"), none replaced; ``b`` may
    go on past ``a`` (OPENING_COPIED). Counts are left to the numbers'
    own comparison. Empty when they differ by no date, or by a word replaced."""
    wa, wb = masked(a), masked(b)
    if len(wa) < STATEMENT_WORDS or len(wb) < STATEMENT_WORDS:
        return []

    def calendar(text: str, w: Word) -> bool:
        return w.key in _WEEKDAYS | _MONTHS and text[w.start].isupper()

    def keys(text: str, words: tuple[Word, ...]) -> list[str]:
        return [NUMBER if w.key == NUMBER or _YEAR.match(w.key) or calendar(text, w) else w.key for w in words]

    def when(text: str, words: tuple[Word, ...], i: int) -> bool:
        """A year, a weekday or month, a day of a month ("November 26"), or
        a time back from the telling ("joined the force two years ago": AGO_IS_A_DATE)."""
        w = words[i]
        return bool(_YEAR.match(w.key)) or calendar(text, w) or (
            w.key == NUMBER and i > 0 and words[i - 1].key in _MONTHS and calendar(text, words[i - 1])) or (
            w.key == NUMBER and i + 2 < len(words) and words[i + 1].key in _AGO_UNITS and words[i + 2].key == "ago")

    ka, kb = keys(a, wa), keys(b, wb)
    if len(kb) > len(ka) and kb[: len(ka)] == ka and kb[len(ka)] not in _UNLESS:
        kb, wb = kb[: len(ka)], wb[: len(ka)]  # the opening of a longer sentence (OPENING_COPIED)
    sm = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    if sm.ratio() < SAME_STATEMENT:
        return []
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "replace" or NUMBER in ka[i1:i2] + kb[j1:j2] and op != "equal":
            return []  # a word replaced, or a value left out: not one statement
        if op == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                sx, sy = a[wa[i].start : wa[i].end], b[wb[j].start : wb[j].end]
                if sx.lower() != sy.lower() and (when(a, wa, i) or when(b, wb, j)):
                    out.append((sx, sy))
    return out


def told_alike(a: str, b: str) -> bool:
    """Whether sentence ``a`` says nothing ``b`` does not: its words, in one
    spelling and in order, are ``b``'s, all but one at most, none replaced
    (``b`` may say more: "also told ... and reiterated the need")."""
    ka = [w.key for w in masked(a)]
    kb = [w.key for w in masked(b)]
    if len(ka) < STATEMENT_WORDS:
        return False
    sm = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    if any(op == "replace" for op, *_ in sm.get_opcodes()):
        return False
    return sum(m.size for m in sm.get_matching_blocks()) >= len(ka) - 1


NEGATED_STATEMENT = rule(
    "negated-statement",
    "a sentence that says what a corpus sentence says but with a negation added or dropped inside the words "
    "they share ('no immediate plans to release two recordings', 'plan to release the two recordings') "
    "says the opposite",
)


@functools.lru_cache(maxsize=65536)
def _negates(text: str) -> bool:
    """Whether a sentence has a negation anywhere (once per sentence)."""
    return any(spelling.negation(w.key) for w in masked(text))


def _opens_statement(text: str) -> bool:
    """Whether a text starts as a sentence does (a capital, a digit, a quotation mark), not mid-clause."""
    first = text.lstrip()[:1]
    return first.isupper() or first.isdigit() or first in "\"“‘'("


# How far before a word a negation reaches it ("has not yet withdrawn"),
# never past a clause's edge ("whom police did not identify, was taken").
_NEGATION_REACH = 3
_CLAUSE_BREAK = re.compile(r"[,;:—–()]")


def polarity_apart(a: str, b: str) -> str | None:
    """POLARITY_APART: a word of four letters or more that both sentences
    hold once, negated in one ("Armenia has not withdrawn its troops") and
    not in the other ("Armenia had withdrawn all of its troops"); None when
    there is none. Such sentences may be worded alike; they do not say the
    same thing."""
    if _negates(a) == _negates(b):
        return None  # both negate, or neither: no word can be negated in one only
    wa, wb = masked(a), masked(b)
    ka, kb = [w.key for w in wa], [w.key for w in wb]

    def negated_at(text: str, words: tuple[Word, ...], i: int) -> bool:
        """A negation at most _NEGATION_REACH words before, in the same clause (no comma or dash between)."""
        for j in range(max(0, i - _NEGATION_REACH), i):
            if spelling.negation(words[j].key) and not _CLAUSE_BREAK.search(text[words[j].end:words[i].start]):
                return True
        return False

    for i, k in enumerate(ka):
        if len(k) < 4 or k == NUMBER or spelling.negation(k) or ka.count(k) != 1 or kb.count(k) != 1:
            continue
        if negated_at(a, wa, i) != negated_at(b, wb, kb.index(k)):
            return k
    return None


def negated(a: str, b: str, share: float | None = None) -> str | None:
    """The negation one of two sentences has and the other has not, inside the
    words they share: the two say the same thing (NEGATION_SHARED of the
    shorter one's words in common, at least STATEMENT_WORDS) and the
    negation stands between two runs of them, of two words or more each, so
    that a clause one sentence adds ("..., and no arrests were made") is not
    a negation of the other. None when there is none, or both or neither
    negate there."""
    if not (_negates(a) or _negates(b)):
        return None  # most pairs: neither says "not"; no alignment to make
    ka = [w.key for w in masked(a)]
    kb = [w.key for w in masked(b)]
    if min(len(ka), len(kb)) < STATEMENT_WORDS or not (_opens_statement(a) and _opens_statement(b)):
        return None  # a piece of a sentence ("who did wish to be identified") is no statement to turn around
    ops = difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes()
    shared = sum(i2 - i1 for op, i1, i2, _, _ in ops if op == "equal")
    if shared < max(STATEMENT_WORDS, (NEGATION_SHARED if share is None else share) * min(len(ka), len(kb))):
        return None
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal" or not (0 < n < len(ops) - 1):
            continue
        before, after = ops[n - 1], ops[n + 1]
        if before[0] != "equal" or after[0] != "equal" or before[2] - before[1] < 2 or after[2] - after[1] < 2:
            continue
        in_a = [k for k in ka[i1:i2] if spelling.negation(k)]
        in_b = [k for k in kb[j1:j2] if spelling.negation(k)]
        added = [k for k in ka[i1:i2] + kb[j1:j2] if not spelling.negation(k)]
        if op != "replace" and len(added) > 1:
            continue  # a clause one sentence adds ("The child, whom police did not identify, was taken")
        if bool(in_a) != bool(in_b):
            return (in_a or in_b)[0]
    return None
