"""What an article names and where: the register that speakers are resolved
against. People with their full names, gender and roles ("Senator Ruth
Alvarez"), organisations, the people named as subjects (for "he" and "she"),
and the speakers heard so far (``Context``). Built once per document from
spaCy's entities; positions are character offsets into the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import given_names
from .cues import ROLE_NOUNS
from .gender import evidence, gender_of, pronoun_gender
from .names import alias, fold, strip_titles
from .quotes import NICKNAME
from .traits import traits
from ..nlp import Block

# Suffixes after a surname that are not the surname ("Martin Luther King Jr.").
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Abbreviated titles and the role nouns they stand for ("Sen." is a senator).
TITLE_ROLES = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "col": "colonel", "lt": "lieutenant", "capt": "captain", "sgt": "sergeant",
    "pres": "president", "amb": "ambassador", "supt": "superintendent",
    "del": "delegate", "det": "detective", "atty": "attorney", "insp": "inspector",
    "cmdr": "commander", "ald": "alderman", "prof": "professor", "adm": "admiral",
}
# ROLE_SYNONYMS: the other words news uses for one title's holder ("Rep. Ann
# Lee" is "the congresswoman" and "the lawmaker"; AP style for US legislators).
_LEGISLATOR = {"lawmaker", "legislator"}
ROLE_SYNONYMS: dict[str, set[str]] = {
    "senator": _LEGISLATOR,
    "representative": {"congressman", "congresswoman"} | _LEGISLATOR,
    "congressman": {"representative"} | _LEGISLATOR,
    "congresswoman": {"representative"} | _LEGISLATOR,
    "delegate": _LEGISLATOR,
    "assemblyman": _LEGISLATOR, "assemblywoman": _LEGISLATOR,
}


@dataclass
class Context:
    """What the article has said so far, for pronouns and descriptions."""

    persons: dict[str, str] = field(default_factory=dict)  # folded surname -> full name
    bodies: set[str] = field(default_factory=set)  # canonical bodies named anywhere
    speakers: list[tuple[str, str, str]] = field(default_factory=list)  # (name, category, head)
    issuer: str | None = None  # who put out "the statement"
    said_at: dict[str, int] = field(default_factory=dict)  # speaker -> offset of its latest mention
    plural: set[str] = field(default_factory=set)  # speakers named by a plural noun ("labor experts")

    def last(self, category: str | None = None, head: str | None = None) -> str | None:
        for name, cat, h in reversed(self.speakers[-8:]):
            if (category is None or cat == category) and (head is None or h == head):
                return name
        return None

    def heard(self, speaker: str, category: str, head: Any, at: int, mention: str, sent: Any) -> None:
        """Note a speaker who has just spoken, for the mentions that follow."""
        self.speakers.append((speaker, category, head.lemma_.lower()))
        self.said_at[speaker] = at
        # "The experts said": no "he" or "she" after. A person the article
        # names is one, whatever the tagger made of the word ("Clinton"
        # tagged NNPS; NAMED_PERSON_SINGULAR).
        named = fold(self.persons.get(fold(speaker.split()[-1]), "")) == fold(speaker) if speaker.split() else False
        if head.tag_ in ("NNS", "NNPS") and not named:
            self.plural.add(speaker)
        if category == "body" and fold(mention) != fold(speaker):
            self.bodies.add(speaker)
        if any(t.lemma_.lower() == "statement" for t in sent):
            self.issuer = speaker


def person_name(text: str) -> str:
    """A PERSON entity's words as a name: its titles dropped, a possessive the
    tagger took in cut ("Donald Trump's" is Donald Trump), a transcript's
    capitals undone ("WALLACE" is Wallace)."""
    name = strip_titles(POSSESSIVE.sub("", _SET_APART.sub(" ", text.strip())))
    return name.title() if name.isupper() else name


# NICKNAME_QUOTED: a nickname's quotation marks reach the parser as spaces
# ('Marcia "Cia" Price' as "Marcia  Cia  Price"); the name is without it.
_SET_APART = re.compile(r"(?<=\S)  [A-Z][\w'’.-]*  (?=\S)")


# A capitalised word, as a name's part.
_WORD = re.compile(r"[A-Z][\w'’-]*")
# A possessive ending, straight or curly: never part of a person's name.
POSSESSIVE = re.compile(r"[’']s?$")


def learn_names(blocks: list[Block], ctx: Context, quoted: bytearray | None = None,
                ) -> tuple[dict[str, list[tuple[int, str]]], list[tuple[int, str]]]:
    """The people and bodies an article names: full names by surname (into
    ``ctx``), each full name with its offsets, and people named as subjects.

    A name spelled only inside a quotation is the speaker's wording, not the
    article's: where the article names the person itself, its own forms set
    the full name ("Crooked Hillary Clinton" in a quoted tweet does not
    rename Hillary Clinton; QUOTED_EPITHET)."""
    named: dict[str, list[tuple[int, str]]] = {}
    subjects: list[tuple[int, str]] = []
    in_quotes: list[tuple[str, int, str]] = []
    for block in blocks:
        for tok in block.doc:
            if tok.pos_ not in ("PROPN", "INTJ") or tok.ent_type_ == "PERSON":  # only these name someone untagged
                continue
            pos = block.start + tok.idx
            if quoted is not None and pos < len(quoted) and quoted[pos]:
                continue
            if personal(tok):
                subjects.append((pos, _compound_name(tok)))
            whole = [w for w in tok.lefts if w.dep_ == "compound"] + [tok]
            if tok.dep_ != "compound" and given_name_first(whole):
                name = " ".join(w.text for w in whole)  # GIVEN_NAME_FIRST
                _learn(ctx, named, fold(tok.text), block.start + whole[0].idx, name)
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    subjects.append((block.start + whole[0].idx, name))
        for ent in block.doc.ents:
            if ent.label_ == "PERSON":
                name = person_name(ent.text)
                words = [w for w in name.split() if fold(w) not in NAME_SUFFIXES]
                if not words:
                    continue
                key = fold(words[-1])
                pos = block.start + ent.start_char
                inside = quoted is not None and pos < len(quoted) and bool(quoted[pos])
                if inside:
                    in_quotes.append((key, pos, name))
                else:
                    _learn(ctx, named, key, pos, name)
                # A subject of quoted words is the quoted speaker's topic, not
                # the article's: no antecedent for its "he" (QUOTED_SUBJECT).
                if ent.root.dep_ in ("nsubj", "nsubjpass") and not inside:
                    subjects.append((pos, name))
            elif ent.label_ in ("ORG", "GPE", "NORP"):
                canon = alias(ent.text)
                ctx.bodies.add(canon or ent.text.strip())
    own = set(ctx.persons)
    for key, pos, name in in_quotes:
        if key not in own:
            _learn(ctx, named, key, pos, name)
    for forms in named.values():
        forms.sort()
    return named, subjects


def _learn(ctx: Context, named: dict[str, list[tuple[int, str]]], key: str, pos: int, name: str) -> None:
    """One mention of a person: the longest form is the full name."""
    if len(name.split()) >= len(ctx.persons.get(key, "").split()):
        ctx.persons[key] = name
    if len(name.split()) > 1:
        named.setdefault(key, []).append((pos, name))


_WHO = frozenset({"who", "whom", "whose"})
_HIS = frozenset({"his", "her"})


def personal(tok: Any) -> bool:
    """PERSONAL_WORDS: a capitalised subject the tagger took for no person
    is one when its own sentence speaks of it so: a relative "who" on it
    ("Sanders, who spoke in Iowa, said"), or "his" or "her" between it and
    its verb ("Trump, for his part, tweeted"). Bodies take "which" and "its"."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or not tok.is_title or tok.is_stop \
            or not (tok.tag_ == "NNP" or tok.pos_ == "INTJ"):  # "Trump," opening a paragraph, read as "Oh,"
        return False
    if any(c.dep_ == "relcl" and any(w.lower_ in _WHO for w in c.children) for c in tok.children):
        return True
    verb = tok.head
    return verb.i > tok.i and any(w.lower_ in _HIS and w.dep_ == "poss" for w in tok.doc[tok.i + 1:verb.i])


def given_name_first(toks: list[Any]) -> bool:
    """GIVEN_NAME_FIRST: two or three capitalised words the tagger gave no
    entity, the first a common given name ("Ana Lopez took the stage"), name
    a person."""
    return 2 <= len(toks) <= 3 and all(t.pos_ == "PROPN" and t.is_title and not t.ent_type_ for t in toks) \
        and (toks[0].lower_ in given_names.MALE or toks[0].lower_ in given_names.FEMALE)


def _compound_name(tok: Any) -> str:
    """A proper noun with the proper nouns compounded before it ("Nancy Pelosi")."""
    return " ".join([w.text for w in tok.lefts if w.dep_ == "compound" and w.pos_ == "PROPN"] + [tok.text])


def _in_order(short: list[str], full: list[str]) -> bool:
    """Whether a short form's words stand in the full name in the same order:
    "the Tax Policy Center" is the Urban-Brookings Tax Policy Center, not the
    Center for Federal Tax Policy (ORDERED_SHORT_FORM)."""
    rest = iter(full)
    return all(w in rest for w in short)


def _hyphened(tok: Any) -> str:
    """A name's last word whole, as the text writes it: "Jean-Pierre" for the
    token "Pierre" the tokenizer split from it (HYPHENED_SURNAME)."""
    doc, j = tok.doc, tok.i
    while j >= 2 and doc[j - 1].text in ("-", "‐") and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
        j -= 2
    return doc[j : tok.i + 1].text


def _org_name(ent: Any) -> str:
    """An organisation's name as a name: no "the" before it, no possessive
    the tagger took in after it ("the Tax Foundation's" is Tax Foundation)."""
    words = POSSESSIVE.sub("", ent.text.strip())
    return words[4:] if words.lower().startswith("the ") else words


def roles_of(ent: Any) -> set[str]:
    """The role nouns a person's name carries: a title hung on the name
    ("Senator Ruth Alvarez", "Sen. Alvarez") or an apposition ("Sara Klein,
    the company's spokeswoman"; "the finance minister, Lena Brandt")."""
    words = [t for t in ent.doc[max(ent.start - 3, 0) : ent.start] if t.head in ent]
    words += [c for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN":
        words.append(ent.root.head)
    out = set()
    for t in words:
        role = TITLE_ROLES.get(t.lower_.rstrip("."), t.lemma_.lower())
        # A title hung on the name that no list holds ("Assembly Speaker
        # Carl Heastie"): a capitalised noun of no entity (DOCUMENT_ROLE).
        if role in ROLE_NOUNS or (t.i < ent.start and t.is_title and not t.ent_type_ and t.pos_ in ("NOUN", "PROPN")):
            out.add(role)
            out |= ROLE_SYNONYMS.get(role, set())
    return out


class Named:
    """What one document names, where: people (with gender and roles),
    organisations, subjects; and the speakers heard so far (``ctx``)."""

    def __init__(self, text: str, blocks: list[Block], quoted: bytearray | None = None) -> None:
        self.text = text
        self.docs = [b.doc for b in blocks]
        self.ctx = Context()
        self._starts = {id(b.doc): b.start for b in blocks}
        self._named, self._subjects = learn_names(blocks, self.ctx, quoted)
        for m in NICKNAME.finditer(text):
            # NICKNAME_QUOTED: 'Ana "Cia" Lopez' is Ana Lopez, however the
            # tagger cut the words around the nickname; not an initial
            # ('Robert C. "Bobby" Scott') nor a title.
            given = strip_titles(text[m.start() : m.start(1)].strip())
            surname = _WORD.match(text, m.end())
            if surname and given and not given.endswith("."):
                _learn(self.ctx, self._named, fold(surname.group()), m.start(), f"{given} {surname.group()}")
        self._gender = evidence([b.doc for b in blocks])
        self._people = [(b.start + e.start_char, person_name(e.text)) for b in blocks for e in b.doc.ents
                        if e.label_ == "PERSON"]
        # Capitalised subjects the tagger took for no one ("Pelosi spoke").
        self._untagged = [(b.start + t.idx, _compound_name(t)) for b in blocks for t in b.doc
                          if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNP" and t.is_title
                          and t.ent_type_ in ("", "WORK_OF_ART")]
        # Organisations, less a person's name the tagger took for one ("Trump said").
        self._orgs = [(b.start + e.start_char, _org_name(e)) for b in blocks for e in b.doc.ents
                      if e.label_ == "ORG" and fold(_org_name(e)) not in self.ctx.persons]
        # The words the article hangs on each person, by full name: of two
        # who share a surname, each has their own (Donald and Ivanka Trump).
        self._traits: dict[str, set[str]] = {}
        for pos, name, words in traits(blocks):
            self._traits.setdefault(fold(self.full_name(pos, person_name(name))), set()).update(words)
        self._roles = [(b.start + e.start_char, r, person_name(e.text)) for b in blocks for e in b.doc.ents
                       if e.label_ == "PERSON" for r in roles_of(e)]

    def phrase(self, toks: list[Any]) -> str:
        """The words of ``toks`` as the text spells them ("30-second spot", not
        "30 - second spot"; a headline's case, not the parse's)."""
        if not toks:
            return ""
        start = self._starts[id(toks[0].doc)]
        return self.text[start + toks[0].idx : start + toks[-1].idx + len(toks[-1].text)].strip()

    def at(self, tok: Any) -> int:
        return self._starts[id(tok.doc)] + tok.idx

    def person(self, toks: list[Any]) -> str | None:
        """The full name of a person named in ``toks``, if one is."""
        propn = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.is_title]
        for t in reversed(propn):
            key = fold(_hyphened(t))
            named = self._named.get(key)
            if named:
                # Two people may share a surname (Barack and Michelle Obama):
                # "Obama" is the one named in full most recently before it.
                at = self.at(t)
                before = [n for p, n in named if p <= at]
                full = before[-1] if before else named[0][1]
                return self._spelled(key, full)
            full = self.ctx.persons.get(key)
            if full:
                return full
        ents = [t for t in toks if t.ent_type_ == "PERSON"]
        if ents:
            return strip_titles(" ".join(t.text for t in ents))
        return None

    def antecedent(self, pronoun: Any) -> str | None:
        """"He", "she": the person named as a subject most recently before,
        unless a person quoted since is closer (centering: subjects first).
        Only a person whose gender agrees with the pronoun, or is unknown, can
        be its antecedent ("Sara Klein met Tom Reyes. He said": Reyes)."""
        at = self.at(pronoun)
        agrees = self._agrees(pronoun_gender(pronoun.text))
        # A surname stands for the full name the article gave it, for the
        # agreement too: "Clinton" after "Hillary Clinton" is no "he"
        # (SURNAME_AGREES_AS_FULL_NAME).
        named = [(p, self.full_name(p, n)) for p, n in self._subjects if p < at and at - p < 1500]
        named = [(p, n) for p, n in named if agrees(n)]
        last_said = next((n for n, cat, _ in reversed(self.ctx.speakers[-8:]) if cat == "person" and agrees(n)), None)
        if not named and not last_said:
            # No subject or speaker agrees: the last person named in any role
            # who does ("Sara Klein met Tom Reyes. He said ...").
            named = [(p, n) for p, n in self._people if p < at and at - p < 1500 and agrees(n)][-1:]
        if not named and not last_said:
            # Nor anyone the tagger took for a person: a capitalised name the
            # subject of a verb that it left untagged ("Pelosi spoke ... she
            # said"; UNTAGGED_NAME_SUBJECT), not a pronoun for a speaker.
            named = [(p, n) for p, n in self._untagged if p < at and at - p < 1500 and agrees(n)][-1:]
        if not named:
            return last_said
        pos, name = named[-1]
        if last_said and self.ctx.said_at.get(last_said, -1) > pos:
            return last_said
        return name

    def full_name(self, at: int, name: str) -> str:
        """The full name a person named at ``at`` goes by: of two who share
        the surname (Barack and Michelle Obama), the one named in full most
        recently before; else the article's fullest form of it."""
        words = name.split()
        if not words:
            return name
        key = fold(words[-1])
        before = [n for p, n in self._named.get(key, []) if p <= at]
        if before and fold(name) in (fold(before[-1]), key):
            return self._spelled(key, before[-1])
        return self.ctx.persons.get(key) or name

    def _spelled(self, key: str, full: str) -> str:
        """A full name as the article's fullest form spells it, when it is that person."""
        known = self.ctx.persons.get(key, "")
        return known if fold(full) == fold(known) else full

    def _agrees(self, want: str | None) -> Callable[[str], bool]:
        """A test of whether a name can be the antecedent of a pronoun of gender ``want``."""
        def agrees(name: str) -> bool:
            if want is None:
                return True
            # "the experts" are no antecedent of "she": number agrees too.
            return name not in self.ctx.plural and gender_of(name, self._gender) in (None, want)
        return agrees

    def long_form(self, name: str, at: int) -> str | None:
        """"The Observatory" for the Syrian Observatory for Human Rights named
        before: an organisation's name shortened to some of its words."""
        words = fold(name).split()
        if not words:
            return None
        for _, org in reversed([(p, n) for p, n in self._orgs if p < at]):
            full = fold(org).split()
            if len(full) > len(words) and _in_order(words, full):
                return org
        return None
