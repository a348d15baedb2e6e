"""The names an article is about: a cheap signature of its event.

Its proper names, and the people it names in full and then again by
surname. Read from the text alone (no parse), once per article: at ingest,
kept beside the article in the index, and again for a text that is not
indexed (a draft).
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")

# Proper names: a capitalised word that does not open a sentence.
_NAME = re.compile(r"(?<![.!?:\n“\"]\s)(?<!^)\b([A-Z][a-z]{2,}(?:[-’'][A-Z]?[a-z]+)*)\b")
_COMMON_NAMES = frozenset(
    "The This That These Those There Their They Then When Where What Which While With "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Mr Mrs Ms Dr".split()
)


# A person named in full: two or three capitalised words, none of them the
# word of an institution or a place ("County Coroner's Office", "Memorial
# Hospital"), whose last word (the surname) comes back alone in the text;
# at a sentence's start too ("Nasser Hamad was arraigned"), since the
# surname's coming back is what tells a name from a capitalised phrase.
_FULL_NAME = re.compile(
    r"\b([A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'][A-Z]?[a-z]+)*"
    r"(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'][A-Z]?[a-z]+)*){1,2})\b(?!\s+[A-Z])"
)
_INSTITUTION = frozenset(
    "Office Department Dept Police Sheriff Hospital Center Centre Medical County Coroner Services "
    "Service Jail University College School Side Church Court Patrol Bureau Agency Authority "
    "Association Council Committee Commission Company Corporation News Press Times Post Network "
    "Station Division Unit Force Team State City Town Village Township Examiner Attorney Prosecutor "
    "Fire Rescue Emergency Health Hall Airport Administration Institute Board Club Party House "
    "Senate Congress Ministry Government Avenue Street Road Drive Boulevard Highway Lane North "
    "South East West Northern Southern Eastern Western Central New United Saint St".split()
)


def people(text: str) -> set[str]:
    """The people a text names in full and then again by surname."""
    named = set()
    for m in _FULL_NAME.finditer(text):
        words = m.group(1).split()
        if not any(w.rstrip(".") in _INSTITUTION or w in _COMMON_NAMES for w in words):
            named.add(" ".join(words))
    if not named:
        return set()
    words = Counter(_WORD.findall(text))  # once per text, not once per name

    def mentions(surname: str) -> int:
        if surname.isalnum():
            return words[surname]
        return len(re.findall(r"\b" + re.escape(surname) + r"\b", text))  # "O'Brien-Lee"

    # Named again by the surname alone; a place is named whole again.
    return {full for full in named if mentions(full.split()[-1]) > text.count(full)}


def signature(text: str) -> tuple[set[str], set[str]]:
    """The names and the people a text is about: what ``Events`` compares."""
    return names(text), people(text)


def names(text: str) -> set[str]:
    """The proper names of a text, a cheap signature of what it is about."""
    return {m.group(1) for m in _NAME.finditer(text) if m.group(1) not in _COMMON_NAMES}
