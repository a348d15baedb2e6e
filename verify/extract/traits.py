"""What an article says a person is, for the descriptions that stand for them.

News English names a person in full once and then describes them: "the GOP
nominee", "the Vermont senator", "the Republican". A description fits the
person whose party, place or affiliation the article gave where it named
them: the words hung on the name ("Republican nominee Donald Trump",
"Vermont Sen. Bernie Sanders"), an apposition ("Sanders, an independent from
Vermont"), and the party-and-state label after it ("(D-Md.)", "(R-IN)").
All positions are character offsets into the document's text.
"""

from __future__ import annotations

import re
from typing import Any

from .names import fold

# Party words and the party each stands for (AP style: "GOP", "Democrat").
PARTIES = {
    "republican": "republican", "republicans": "republican", "gop": "republican",
    "democrat": "democratic", "democratic": "democratic", "democrats": "democratic", "dem": "democratic",
    "independent": "independent", "libertarian": "libertarian", "green": "green",
}
# The one letter of a party-and-state label: "(D-Md.)".
PARTY_LETTERS = {"r": "republican", "d": "democratic", "i": "independent", "l": "libertarian"}
# US states as AP style and the postal service abbreviate them ("Vt.", "VT"):
# the "(D-Vt.)" after a member of Congress names a state.
STATES = {
    "ala": "alabama", "al": "alabama", "alaska": "alaska", "ak": "alaska", "ariz": "arizona", "az": "arizona",
    "ark": "arkansas", "ar": "arkansas", "calif": "california", "ca": "california", "colo": "colorado",
    "co": "colorado", "conn": "connecticut", "ct": "connecticut", "del": "delaware", "de": "delaware",
    "fla": "florida", "fl": "florida", "ga": "georgia", "hawaii": "hawaii", "hi": "hawaii", "idaho": "idaho",
    "id": "idaho", "ill": "illinois", "il": "illinois", "ind": "indiana", "in": "indiana", "iowa": "iowa",
    "ia": "iowa", "kan": "kansas", "ks": "kansas", "ky": "kentucky", "la": "louisiana", "maine": "maine",
    "me": "maine", "md": "maryland", "mass": "massachusetts", "ma": "massachusetts", "mich": "michigan",
    "mi": "michigan", "minn": "minnesota", "mn": "minnesota", "miss": "mississippi", "ms": "mississippi",
    "mo": "missouri", "mont": "montana", "mt": "montana", "neb": "nebraska", "ne": "nebraska",
    "nev": "nevada", "nv": "nevada", "nh": "new hampshire", "nj": "new jersey", "nm": "new mexico",
    "ny": "new york", "nc": "north carolina", "nd": "north dakota", "ohio": "ohio", "oh": "ohio",
    "okla": "oklahoma", "ok": "oklahoma", "ore": "oregon", "or": "oregon", "pa": "pennsylvania",
    "ri": "rhode island", "sc": "south carolina", "sd": "south dakota", "tenn": "tennessee",
    "tn": "tennessee", "texas": "texas", "tx": "texas", "utah": "utah", "ut": "utah", "vt": "vermont",
    "va": "virginia", "wash": "washington", "wa": "washington", "wva": "west virginia", "wv": "west virginia",
    "wis": "wisconsin", "wi": "wisconsin", "wyo": "wyoming", "wy": "wyoming",
}
# "(D-Md.)", "(R-IN)", "(I-Vt.)", "(R-Utah)": a party letter and a state.
PARTY_STATE = re.compile(r"\(\s*([DRIL])\s*[-–]\s*([A-Za-z. ]{2,16})\)")


def _words(text: str) -> set[str]:
    """The folded words of a phrase, a party word as its party ("GOP" is
    Republican)."""
    return {PARTIES.get(w, w) for w in fold(text.replace(".", "")).split()}


def traits(blocks: list[Any]) -> list[tuple[int, str, set[str]]]:
    """Each mention of a person with the words the article hangs on it:
    (offset, the name as written, words)."""
    out = []
    for block in blocks:
        doc = block.doc
        for ent in doc.ents:
            if ent.label_ != "PERSON" or not ent.text.split():
                continue
            words: set[str] = set()
            # The words of the noun phrase before the name ("Republican
            # presidential nominee Donald Trump", "Vermont Sen. Bernie Sanders").
            words |= _words(doc[ent.root.left_edge.i : ent.start].text)
            # An apposition either way ("Sanders, the Vermont senator,";
            # "the Vermont senator, Bernie Sanders").
            for c in ent.root.children:
                if c.dep_ == "appos":
                    words |= _words(doc[c.left_edge.i : c.right_edge.i + 1].text)
            if ent.root.dep_ == "appos":
                head = ent.root.head
                words |= _words(doc[head.left_edge.i : head.i + 1].text)
            # The party-and-state label right after the name.
            m = PARTY_STATE.match(doc.text[ent.end_char : ent.end_char + 24].lstrip())
            if m:
                words.add(PARTY_LETTERS[m.group(1).lower()])
                state = fold(m.group(2).replace(".", "").replace(" ", ""))
                words |= set(STATES.get(state, state).split())
            if words:
                out.append((block.start + ent.start_char, ent.text.strip(), words))
    return out


def modifiers(toks: list[Any], head: Any) -> set[str]:
    """The telling words of a description: its capitalised modifiers ("the
    Vermont senator", "the GOP nominee") or a party for its head ("the
    Republican"); what any person of the kind would be called is not telling."""
    words = [t for t in toks if t.i < head.i and t.text[:1].isupper()
             and (t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG") or t.lower_ in PARTIES)]
    if head.lower_ in PARTIES:
        words.append(head)
    return _words(" ".join(t.text for t in words))


def fits(wanted: set[str], have: set[str]) -> bool:
    """Whether a person described with ``have`` is one described as ``wanted``."""
    return bool(wanted) and wanted <= have


def clashes(wanted: set[str], have: set[str]) -> bool:
    """A description of one party is no person of another ("the GOP nominee"
    is not Hillary Clinton, "the Democratic nominee")."""
    want = {p for p in wanted if p in PARTIES.values()}
    got = {p for p in have if p in PARTIES.values()}
    return bool(want and got) and not want & got
