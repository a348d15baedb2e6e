"""Canonical names of speakers, within a document and across documents.

General knowledge of news English, not of any one article: the usual short
forms of international bodies, a capital standing for its government
("Baku said"), collective nouns for blocs ("the 27-nation bloc"), and the
titles that precede a person's name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

# Short forms and long forms of bodies often quoted in the news.
ALIASES: dict[str, str] = {
    "eu": "European Union",
    "european union": "European Union",
    "un": "United Nations",
    "u.n.": "United Nations",
    "united nations": "United Nations",
    "nato": "NATO",
    "north atlantic treaty organization": "NATO",
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "who": "World Health Organization",
    "world health organization": "World Health Organization",
    "imf": "International Monetary Fund",
    "international monetary fund": "International Monetary Fund",
    "osce": "OSCE",
    "asean": "ASEAN",
    "au": "African Union",
    "african union": "African Union",
    "fbi": "FBI",
    "cia": "CIA",
    "pentagon": "Pentagon",
    "kremlin": "Kremlin",
    "state department": "State Department",
    "u.s. state department": "State Department",
    "us state department": "State Department",
    "the white house": "White House",
    "white house": "White House",
}

# A capital in the subject of a speech verb stands for its government.
CAPITALS: dict[str, str] = {
    "baku": "Azerbaijan", "yerevan": "Armenia", "moscow": "Russia",
    "kyiv": "Ukraine", "kiev": "Ukraine", "beijing": "China", "tehran": "Iran",
    "ankara": "Turkey", "washington": "United States", "london": "United Kingdom",
    "paris": "France", "berlin": "Germany", "tokyo": "Japan", "seoul": "South Korea",
    "pyongyang": "North Korea", "new delhi": "India", "islamabad": "Pakistan",
    "kabul": "Afghanistan", "damascus": "Syria", "baghdad": "Iraq",
    "riyadh": "Saudi Arabia", "cairo": "Egypt", "tbilisi": "Georgia",
    "minsk": "Belarus", "warsaw": "Poland", "rome": "Italy", "madrid": "Spain",
    "ottawa": "Canada", "canberra": "Australia", "brasilia": "Brazil",
    "caracas": "Venezuela", "havana": "Cuba", "jerusalem": "Israel",
    "taipei": "Taiwan", "hanoi": "Vietnam", "manila": "Philippines",
    "jakarta": "Indonesia", "abuja": "Nigeria", "nairobi": "Kenya",
    "addis ababa": "Ethiopia", "pretoria": "South Africa", "doha": "Qatar",
    "abu dhabi": "United Arab Emirates", "brussels": "European Union",
}

# Collective nouns that stand for a body named elsewhere in the article.
COLLECTIVES: dict[str, tuple[str, ...]] = {
    "bloc": ("European Union", "ASEAN", "African Union", "Mercosur"),
    "alliance": ("NATO",),
    "union": ("European Union", "African Union"),
    "organization": ("United Nations", "NATO", "World Health Organization", "OSCE"),
    "organisation": ("United Nations", "NATO", "World Health Organization", "OSCE"),
    "world body": ("United Nations",),
    "fund": ("International Monetary Fund",),
}

# Words that may precede a name without being part of it.
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord",
    "president", "vice", "prime", "minister", "secretary", "general", "state",
    "senator", "sen", "rep", "representative", "gov", "governor", "mayor",
    "chancellor", "king", "queen", "prince", "princess", "pope", "judge",
    "justice", "chief", "spokesman", "spokeswoman", "spokesperson", "director",
    "commissioner", "ambassador", "foreign", "defense", "defence", "interior",
    "deputy", "acting", "former", "sheriff", "officer", "detective", "sgt",
    "lt", "capt", "col", "gen", "adm", "sergeant", "lieutenant", "captain",
    "colonel", "admiral", "chairman", "chairwoman", "chair", "ceo", "u.s.",
    "us", "eu", "un", "state's", "attorney", "candidate", "rival", "democratic",
    "republican", "nominee", "leader", "speaker", "house", "senate", "white",
    "press", "secretary-general", "council", "european", "kremlin", "nato",
    "councilman", "councilwoman", "councilor", "councillor", "alderman",
    "congressman", "congresswoman", "assemblyman", "assemblywoman",
    "superintendent", "supt", "ald", "del", "delegate", "commander", "cmdr", "inspector",
}

_PUNCT = re.compile(r"[^\w\s]")


def fold(text: str) -> str:
    """Lower case, accents and punctuation gone, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("'s ", " ")
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def alias(name: str) -> str | None:
    """The canonical name of a well-known body or capital, if ``name`` is one."""
    key = name.strip().lower().replace("’", "'")
    key = re.sub(r"^the\s+", "", key)
    if key in ALIASES:
        return ALIASES[key]
    if key in CAPITALS:
        return CAPITALS[key]
    return None


def strip_titles(name: str) -> str:
    """``U.S. Secretary of State Antony Blinken`` -> ``Antony Blinken``."""
    words = name.split()
    # A name is the capitalised run at the end, after the last title word.
    keep: list[str] = []
    for w in reversed(words):
        bare = w.strip(",.").lower()
        if bare in TITLES or bare in {"of", "the", "for"} or not w[:1].isupper():
            if keep:
                break
            continue
        keep.append(w)
    return " ".join(reversed(keep)) if keep else name


def _close(a: str, b: str) -> bool:
    """Two spellings of one surname: transliterations differ by a letter or two."""
    if a == b:
        return True
    if a[0] != b[0] or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    # Levenshtein distance at most 1 (Pashinian / Pashinyan).
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1:] == short:
            return True
    return False


def _same_person(parts: list[str], other: list[str]) -> bool:
    """Can two folded names be one person's? Surnames spelt alike, and first
    names (when both have one) spelt alike too, unless one is the other with
    a feminine ending (Daniel and Daniela are two people; Sergei and Sergey,
    one name transliterated two ways, are one)."""
    if not _close(parts[-1], other[-1]):
        return False
    if len(parts) > 1 and len(other) > 1:
        return _close(parts[0], other[0]) and not _feminine_of(parts[0], other[0])
    return True


# Endings that make a given name another person's: Daniel/Daniela, Louis/Louise.
FEMININE_ENDINGS = ("a", "e")


def _feminine_of(a: str, b: str) -> bool:
    """One first name is the other with a feminine ending added."""
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and long_.startswith(short) and long_[-1] in FEMININE_ENDINGS


def _keys(surname: str) -> set[str]:
    """The surname and each spelling of it less one letter: two surnames
    within one letter of each other (``_close``) share at least one."""
    return {surname} | {surname[:i] + surname[i + 1 :] for i in range(len(surname))}


def unify(names: Iterable[str]) -> dict[str, str]:
    """Map each person name to one canonical spelling shared across documents.

    Person names whose surnames are spelt alike and whose first names do not
    contradict each other become one, spelt as most documents spell them.
    """
    counts = Counter(names)
    by_surname: list[list[str]] = []
    first: list[list[str]] = []  # the folded words of each cluster's first name, to compare with
    # Surnames spelt alike (``_close``) are one at most one letter apart, so
    # they share a key: the surname itself or the surname less one letter.
    # A name is compared only with the clusters that share one of its keys,
    # not with every cluster of the corpus.
    by_key: dict[str, list[int]] = defaultdict(list)
    for name in sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n)):
        parts = fold(name).split()
        if not parts:
            continue
        keys = _keys(parts[-1])
        near = sorted({i for k in keys for i in by_key.get(k, ())})  # in the order they were made
        fits = [by_surname[i] for i in near if _same_person(parts, first[i])]
        # A surname alone that two different people bear ("Ruiz" after Ana
        # and Tom Ruiz) is joined to neither.
        if len(fits) == 1 or len(fits) > 1 and len(parts) > 1:
            fits[0].append(name)
        else:
            for k in keys:
                by_key[k].append(len(by_surname))
            by_surname.append([name])
            first.append(parts)
    mapping: dict[str, str] = {}
    for cluster in by_surname:
        surnames = Counter()
        for n in cluster:
            surnames[fold(n).split()[-1]] += counts[n]
        # A full name (a given name and a surname), as most documents spell
        # the surname and then as most write the whole: "Donald Trump" in
        # three articles over "Donald J. Trump" in one (MOST_WRITTEN_NAME).
        full = [n for n in cluster if len(n.split()) > 1] or cluster
        best = max(full, key=lambda n: (surnames[fold(n).split()[-1]], counts[n], len(n.split()), n))
        for n in cluster:
            mapping[n] = best
    return mapping
