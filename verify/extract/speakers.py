"""Speakers: a mention resolved to the canonical speaker it names.

A name to the full name the article gave, an apposition to the person it
names ("the finance minister, Lena Brandt"), coordinated speakers to a group,
a role or kind written before a name left out of it; pronouns, descriptions
and documents go to ``descriptions``. What the article has named, and where,
is ``context.Named``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .claimspan import Attributed
from .context import _org_name, given_name_first, personal
from .cues import DOC_NOUNS, ROLE_NOUNS, mention_tokens
from .descriptions import GROUP_PRONOUNS, ORG_NOUNS, ORG_PRONOUNS, PERSON_PRONOUNS, Descriptions
from .names import alias, fold, strip_titles
from .traits import PARTIES, modifiers

# Titles that only people bear: "Governor Ana Ruiz" is a person.
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative",
    "gov", "governor", "mayor", "president", "minister", "secretary", "judge",
    "justice", "gen", "general", "col", "lt", "capt", "sgt", "coach", "rev",
    "father", "sister", "prof", "professor", "chancellor", "ambassador", "sheriff",
    "commissioner", "councilman", "councilwoman", "officer", "detective", "chief",
    "superintendent", "supt", "ald", "alderman", "del", "delegate",
}
RELATIVE = {"who", "which", "that", "whom"}


def _name_after(toks: list[Any], head: Any, descriptor: Callable[[Any], bool]) -> list[Any]:
    """The proper name that ends a mention after its last descriptor word
    ("spokesperson Price", "news agency SANA"), or [] when the mention does
    not end so."""
    before = [t for t in toks if t.i < head.i and descriptor(t)]
    if head.pos_ != "PROPN" or not before:
        return []
    after = [t for t in toks if before[-1].i < t.i <= head.i]
    return after if all(t.pos_ == "PROPN" for t in after) else []


def _conj_root(tok: Any) -> Any:
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


class Speakers(Descriptions):
    """Resolves the speaker mentions of one document, in text order."""

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
            longer = self.long_form(self.phrase([t for t in toks if t.lower_ != "the"]), self.at(head))
            if longer:
                return alias(longer) or longer, "body"
        # "The finance minister, Lena Brandt, said": the apposition names the speaker.
        named = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        # "Senate Majority Leader Chuck Schumer" parsed as a title with the
        # name in apposition: the title is no person (TITLE_APPOSED).
        titled = named and head.pos_ == "PROPN" and head.ent_type_ != "PERSON"
        if named and (head.pos_ == "NOUN" or titled):
            # "Mr. Trump's running mate, Gov. Mike Pence, said": the owner
            # of the role is not its holder, whom the apposition names.
            owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
            toks = [t for t in toks if t.i not in owner]
        if head.pos_ == "NOUN" and head.tag_ == "NNS" and not named and any(
                t.ent_type_ == "PERSON" for t in toks if t.i < head.i):
            # PEOPLE_OF_A_NAME: "McConnell aides", "Clinton supporters": the
            # people of a person, not the person.
            return self._bare(toks), "group"
        owned = False
        if head.pos_ == "NOUN" and not named:
            # OWNER_IS_NOT_SPEAKER: "Obama's former campaign strategist", "the
            # Trump campaign", "a spokesman for Clinton": the person named
            # owns the speaker; the speaker is someone or something else.
            owner = {t.i for c in head.children if c.dep_ in ("poss", "compound") or c.dep_ == "prep"
                     and c.lower_ in ("for", "of", "to", "with") for t in c.subtree}
            if any(t.i in owner and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and fold(t.text) in self.ctx.persons)
                   for t in toks):
                if not self.person([t for t in toks if t.i not in owner]):
                    # Named as the owner's: "Obama's former campaign strategist".
                    return self._bare(toks), "person" if head.lemma_.lower() in ROLE_NOUNS else "body"
                toks = [t for t in toks if t.i not in owner]
                owned = True
        person = self.person(toks) or (
            self.person([t for t in named[0].subtree if t.i <= named[0].i]) if (head.pos_ == "NOUN" or titled) and named
            else None
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
        if head.lower_ in PARTIES and head.tag_ == "NNP" and toks[0].lower_ == "the":
            # "The Republican said": one person of that party, the one last
            # named (DESCRIPTION_FITS).
            fitting = self.fitting(self.at(head), modifiers(toks, head))
            if fitting:
                return fitting, "person"
        if head.pos_ != "PROPN" and not owned and any(t.lower_ in ("the", "this", "that") for t in toks if t.i < head.i):
            described = self._description(head, lemma, toks)
            if described is not None:
                return described
        name = self._bare(toks)
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None and ent.label_ == "ORG" and (len(ent) > 1 or toks[0].i < ent.start):
            name = _org_name(ent)  # "the Britain-based X", "state news agency X" is X
        canon = alias(name)
        if canon:
            return canon, "body"
        if personal(head):
            return self.ctx.persons.get(fold(head.text), name), "person"  # PERSONAL_WORDS
        # ROLE_BEFORE_NAME: "the State Department spokesperson Price": the
        # role before a name the tagger did not take for a person is not part of it.
        named_after = _name_after(toks, head, lambda t: t.pos_ == "NOUN" and t.lemma_.lower() in ROLE_NOUNS)
        if named_after:
            return self.phrase(named_after), "person"
        # KIND_BEFORE_NAME: "state news agency SANA", "broadcaster Al Jazeera":
        # the kind of body written before its name is no part of it.
        named_after = _name_after(toks, head, lambda t: t.lemma_.lower() in ORG_NOUNS and (t.is_lower or t.is_sent_start))
        if named_after:
            body = self.phrase(named_after)
            return alias(body) or body, "body"
        if head.lower_.rstrip(".") in PERSON_TITLES and toks[-1].i == head.i:
            # "said Ald. | Anthony Beale": a title the parser cut from its name
            # (TITLE_CUT); the person named right after it.
            after = next((e for e in head.doc.ents if e.label_ == "PERSON" and head.i < e.start <= head.i + 2), None)
            if after is not None:
                return strip_titles(after.text.strip()), "person"
        if head.pos_ == "PROPN" and toks[0].lower_.rstrip(".") in PERSON_TITLES:
            # "Governor Ana Ruiz" that the tagger did not take for a person.
            return strip_titles(name), "person"
        category = "person" if lemma in ROLE_NOUNS else "body" if has_propn else "other"
        return name, category

    def as_person(self, subj: Any) -> Attributed | None:
        """A subject as the person it names ("Mayor Dan Kerr", "she"), if it names one."""
        toks = mention_tokens(subj)
        if subj.lower_ in ("he", "she"):
            name = self.antecedent(subj)
        elif subj.ent_type_ == "PERSON":
            name = self.person(toks)
        elif given_name_first(toks):
            name = self.person(toks) or self.phrase(toks)
        else:
            return None
        if not name:
            return None
        m0, m1 = self.at(toks[0]), self.at(toks[-1]) + len(toks[-1].text)
        return Attributed(m0, m1, name, self.text[m0:m1], m0, m1, None, "direct", person=True, category="person")
