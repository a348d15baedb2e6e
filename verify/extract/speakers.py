"""Speakers: a mention resolved to the canonical speaker it names.

Pronouns go to the person named most recently as a subject (centering
theory: subjects are the likeliest antecedents; Grosz, Joshi and Weinstein
1995), descriptions ("the top U.S. diplomat", "the bloc") to the speaker or
body named before, "the statement" to its issuer, a surname to the full name
the article gave. What the article has named so far is kept in ``Context``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .cues import DOC_NOUNS, ROLE_NOUNS, mention_tokens
from .gender import evidence, gender_of, pronoun_gender
from .names import COLLECTIVES, alias, fold, strip_titles
from ..nlp import Block

# Titles that only people bear: "Governor Ana Ruiz" is a person.
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative",
    "gov", "governor", "mayor", "president", "minister", "secretary", "judge",
    "justice", "gen", "general", "col", "lt", "capt", "sgt", "coach", "rev",
    "father", "sister", "prof", "professor", "chancellor", "ambassador", "sheriff",
    "commissioner", "councilman", "councilwoman", "officer", "detective", "chief",
}
# Suffixes after a surname that are not the surname ("Martin Luther King Jr.").
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
ORG_PRONOUNS = {"it"}
GROUP_PRONOUNS = {"they", "them"}
RELATIVE = {"who", "which", "that", "whom"}
# Nouns for kinds of organisation that a definite description stands for
# ("the broadcaster", "the company", "the monitor"): the organisation named
# last before it (WordNet's hyponyms of "organization" that news quotes most).
ORG_NOUNS = {
    "company", "firm", "corporation", "group", "agency", "broadcaster", "network",
    "newspaper", "outlet", "channel", "station", "monitor", "observatory", "ministry",
    "department", "office", "campaign", "committee", "party", "organisation",
    "organization", "institute", "foundation", "charity", "university", "bank",
    "watchdog", "regulator", "association", "coalition", "movement", "militia",
    "club", "board", "commission", "council", "court", "embassy", "consulate",
}
# Abbreviated titles and the role nouns they stand for ("Sen." is a senator).
TITLE_ROLES = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "col": "colonel", "lt": "lieutenant", "capt": "captain", "sgt": "sergeant",
    "pres": "president", "amb": "ambassador", "supt": "superintendent",
}
# Prepositions that name who put out a document: "a report by", "a statement from".
DOC_AUTHOR_PREPS = {"by", "from"}


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
        if head.tag_ in ("NNS", "NNPS"):
            self.plural.add(speaker)
        if category == "body" and fold(mention) != fold(speaker):
            self.bodies.add(speaker)
        if any(t.lemma_.lower() == "statement" for t in sent):
            self.issuer = speaker


def _nameable(tok: Any) -> bool:
    """A noun that names who can put out a text: a name or an entity."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _conj_root(tok: Any) -> Any:
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def learn_names(blocks: list[Block], ctx: Context) -> tuple[dict[str, list[tuple[int, str]]], list[tuple[int, str]]]:
    """The people and bodies an article names: full names by surname (into
    ``ctx``), each full name with its offsets, and people named as subjects."""
    named: dict[str, list[tuple[int, str]]] = {}
    subjects: list[tuple[int, str]] = []
    for block in blocks:
        for ent in block.doc.ents:
            if ent.label_ == "PERSON":
                name = strip_titles(ent.text.strip())
                if name.isupper():  # "WALLACE" in a transcript is Wallace
                    name = name.title()
                words = [w for w in name.split() if fold(w) not in NAME_SUFFIXES]
                if not words:
                    continue
                key = fold(words[-1])
                if len(words) >= len(ctx.persons.get(key, "").split()):
                    ctx.persons[key] = name
                pos = block.start + ent.start_char
                if len(words) > 1:
                    named.setdefault(key, []).append((pos, name))
                if ent.root.dep_ in ("nsubj", "nsubjpass"):
                    subjects.append((pos, name))
            elif ent.label_ in ("ORG", "GPE", "NORP"):
                canon = alias(ent.text)
                ctx.bodies.add(canon or ent.text.strip())
    return named, subjects


def _org_name(ent: Any) -> str:
    words = ent.text.strip()
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
        low = t.lower_.rstrip(".")
        out.add(TITLE_ROLES.get(low, t.lemma_.lower()))
    return out & ROLE_NOUNS


class Speakers:
    """Resolves the speaker mentions of one document, in text order."""

    def __init__(self, text: str, blocks: list[Block]) -> None:
        self.text = text
        self.ctx = Context()
        self._starts = {id(b.doc): b.start for b in blocks}
        self._named, self._subjects = learn_names(blocks, self.ctx)
        self._gender = evidence([b.doc for b in blocks])
        self._people = [(b.start + e.start_char, strip_titles(e.text.strip())) for b in blocks for e in b.doc.ents
                        if e.label_ == "PERSON"]
        self._orgs = [(b.start + e.start_char, _org_name(e)) for b in blocks for e in b.doc.ents if e.label_ == "ORG"]
        self._roles = [(b.start + e.start_char, r, strip_titles(e.text.strip())) for b in blocks for e in b.doc.ents
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
            key = fold(t.text)
            named = self._named.get(key)
            if named:
                # Two people may share a surname (Barack and Michelle Obama):
                # "Obama" is the one named in full most recently before it.
                at = self.at(t)
                before = [n for p, n in named if p <= at]
                full = before[-1] if before else named[0][1]
                return self.ctx.persons.get(key) if fold(full) == fold(self.ctx.persons.get(key, "")) else full
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
        named = [(p, n) for p, n in self._subjects if p < at and at - p < 1500 and agrees(n)]
        last_said = next((n for n, cat, _ in reversed(self.ctx.speakers[-8:]) if cat == "person" and agrees(n)), None)
        if not named and not last_said:
            # No subject or speaker agrees: the last person named in any role
            # who does ("Sara Klein met Tom Reyes. He said ...").
            named = [(p, n) for p, n in self._people if p < at and at - p < 1500 and agrees(n)][-1:]
        if not named:
            return last_said
        pos, name = named[-1]
        if last_said and self.ctx.said_at.get(last_said, -1) > pos:
            return last_said
        full = self.ctx.persons.get(fold(name.split()[-1])) if name.split() else None
        return full or name

    def _agrees(self, want: str | None) -> Any:
        """A test of whether a name can be the antecedent of a pronoun of gender ``want``."""
        def agrees(name: str) -> bool:
            if want is None:
                return True
            # "the experts" are no antecedent of "she": number agrees too.
            return name not in self.ctx.plural and gender_of(name, self._gender) in (None, want)
        return agrees

    def resolve(self, head: Any, toks: list[Any]) -> tuple[str | None, str]:
        """The canonical speaker named by a mention, and its category."""
        low = head.lower_
        if low in RELATIVE and head.head.dep_ == "relcl":
            antecedent = head.head.head  # "a man who said" -> the man
            return self.resolve(antecedent, mention_tokens(antecedent))
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS | ORG_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(head)
        # Coordinated speakers ("Mr. Grassley and Mr. Leahy"): nouns joined to
        # the head itself, not adjectives ("the Armenian and Azerbaijani leaders").
        conjs = [t for t in head.subtree if t.dep_ == "conj" and t in toks and t.pos_ in ("NOUN", "PROPN")
                 and _conj_root(t) == head]
        if conjs and any(t.lower_ == "and" for t in toks):
            parts = [head] + conjs
            names = [self.resolve(p, [x for x in p.subtree if x in toks and x.dep_ not in ("cc", "conj") or x == p])[0] or p.text for p in parts]
            return " and ".join(dict.fromkeys(names)), "group"
        # "The Observatory" (tagged a person) after "the Syrian Observatory for
        # Human Rights": a name that is part of an organisation's named before.
        if head.pos_ == "PROPN" and len(self.ctx.persons.get(fold(head.text), "").split()) < 2:
            longer = self._long_form(self.phrase([t for t in toks if t.lower_ != "the"]), self.at(head))
            if longer:
                return alias(longer) or longer, "body"
        # "The finance minister, Lena Brandt, said": the apposition names the speaker.
        named = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        person = self.person(toks) or (
            self.person([t for t in named[0].subtree if t.i <= named[0].i]) if head.pos_ == "NOUN" and named else None
        )
        if person:
            key = fold(person.split()[-1])
            if len(person.split()) > len(self.ctx.persons.get(key, "").split()):
                self.ctx.persons[key] = person
            return person, "person"
        lemma = head.lemma_.lower()
        if lemma in DOC_NOUNS and head.pos_ != "PROPN":  # "The Washington Post" is no post
            return self._document(head, toks)
        has_propn = any(t.pos_ == "PROPN" for t in toks)
        if head.pos_ != "PROPN" and any(t.lower_ in ("the", "this", "that") for t in toks if t.i < head.i):
            described = self._description(head, lemma)
            if described is not None:
                return described
        name = self.phrase([t for t in toks if not (t.i == toks[0].i and t.lower_ in ("the", "a", "an"))])
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None and ent.label_ == "ORG" and len(ent) > 1:
            name = _org_name(ent)  # "the Britain-based X" is X
        canon = alias(name)
        if canon:
            return canon, "body"
        if head.pos_ == "PROPN" and toks[0].lower_.rstrip(".") in PERSON_TITLES:
            # "Governor Ana Ruiz" that the tagger did not take for a person.
            return strip_titles(name), "person"
        category = "person" if lemma in ROLE_NOUNS else "body" if has_propn else "other"
        return name.replace(" ’s", "’s").replace(" 's", "'s"), category

    def _long_form(self, name: str, at: int) -> str | None:
        """"The Observatory" for the Syrian Observatory for Human Rights named
        before: an organisation's name shortened to some of its words."""
        words = set(fold(name).split())
        if not words:
            return None
        for _, org in reversed([(p, n) for p, n in self._orgs if p < at]):
            full = fold(org).split()
            if words < set(full) and len(full) > len(words):
                return org
        return None

    def _pronoun(self, head: Any) -> tuple[str | None, str]:
        low = head.lower_
        if low in PERSON_PRONOUNS:
            return self.antecedent(head), "person"
        if low in ORG_PRONOUNS:
            return self.ctx.last("body") or self.ctx.last(), "body"
        if low in GROUP_PRONOUNS:
            return self.ctx.last("body") or self.ctx.last("group"), "group"
        return None, "other"  # I, we, you: the mention is all there is

    def _document(self, head: Any, toks: list[Any]) -> tuple[str | None, str]:
        """"The Pentagon's report" is the Pentagon's; "a report by Amnesty
        International" is Amnesty's; "the statement" its issuer's."""
        for prep in head.children:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.dep_ == "prep" and prep.lower_ in DOC_AUTHOR_PREPS and objs and _nameable(objs[0]):
                return self.resolve(objs[0], mention_tokens(objs[0]))
        issuer = [t for t in toks if t.i < head.i and t.dep_ in ("poss", "compound", "nmod", "amod") and (t.pos_ == "PROPN" or t.ent_type_)]
        if issuer:
            first = min(issuer, key=lambda t: t.left_edge.i)
            span = [t for t in toks if first.left_edge.i <= t.i < head.i and t.dep_ != "case" and t.text not in ("’s", "'s")]
            name = self.phrase([t for t in span if t.lower_ not in ("a", "an", "the")])
            return alias(name) or name, "body"
        return self.ctx.issuer or self.ctx.last("body") or self.ctx.last(), "body"

    def _description(self, head: Any, lemma: str) -> tuple[str | None, str] | None:
        """"The bloc", "the senator": the body or person named before."""
        for noun, bodies in COLLECTIVES.items():
            if noun.split()[-1] == lemma:
                for body in bodies:
                    if body in self.ctx.bodies:
                        return body, "body"
        at = self.at(head)
        if lemma in ORG_NOUNS and head.tag_ != "NNS":
            # "The broadcaster said": the organisation named last before it.
            orgs = [n for p, n in self._orgs if p < at and at - p < 2000]
            if orgs:
                return alias(orgs[-1]) or orgs[-1], "body"
        if lemma in ROLE_NOUNS and head.tag_ != "NNS":  # "the officials" are not one person
            # "The senator said": the person last named with that title or role.
            titled = [n for p, r, n in self._roles if p < at and r == lemma]
            if titled:
                return self.ctx.persons.get(fold(titled[-1].split()[-1]), titled[-1]), "person"
            same = self.ctx.last(head=lemma)
            if same:
                return same, "person"
            return self.ctx.last("person"), "person"
        return None
