"""Speakers: a mention resolved to the canonical speaker it names.

Pronouns go to the person named most recently as a subject (centering
theory: subjects are the likeliest antecedents; Grosz, Joshi and Weinstein
1995), descriptions ("the top U.S. diplomat", "the bloc") to the speaker or
body named before, "the statement" to its issuer, a surname to the full name
the article gave. What the article has named, and where, is ``context.Named``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .claimspan import Attributed
from .context import Named, _org_name, given_name_first, personal
from .cues import DOC_NOUNS, ROLE_NOUNS, mention_tokens
from .names import COLLECTIVES, alias, fold, strip_titles
from .traits import PARTIES, clashes, fits, modifiers

# Titles that only people bear: "Governor Ana Ruiz" is a person.
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative",
    "gov", "governor", "mayor", "president", "minister", "secretary", "judge",
    "justice", "gen", "general", "col", "lt", "capt", "sgt", "coach", "rev",
    "father", "sister", "prof", "professor", "chancellor", "ambassador", "sheriff",
    "commissioner", "councilman", "councilwoman", "officer", "detective", "chief",
    "superintendent", "supt", "ald", "alderman", "del", "delegate",
}
# Personal and possessive pronouns by what they can stand for: "his claim
# that ..." is the claim of the person "he" would be.
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
ORG_PRONOUNS = {"it", "its"}
GROUP_PRONOUNS = {"they", "them", "their"}
RELATIVE = {"who", "which", "that", "whom"}
# Nouns for kinds of organisation that a definite description stands for
# ("the broadcaster", "the company", "the monitor"): the organisation named
# last before it (WordNet's hyponyms of "organization" that news quotes most).
# Not "the campaign": it is a candidate's, rarely the organisation named last
# ("The FBI closed its inquiry. The campaign said": not the FBI).
ORG_NOUNS = {
    "company", "firm", "corporation", "group", "agency", "broadcaster", "network",
    "newspaper", "outlet", "channel", "station", "monitor", "observatory", "ministry",
    "department", "office", "committee", "party", "organisation",
    "organization", "institute", "foundation", "charity", "university", "bank",
    "watchdog", "regulator", "association", "coalition", "movement", "militia",
    "club", "board", "commission", "council", "court", "embassy", "consulate",
    "union", "alliance", "center", "centre", "caucus", "panel", "administration",
}
# Prepositions that name who put out a document: "a report by", "a statement from".
DOC_AUTHOR_PREPS = {"by", "from"}


def _nameable(tok: Any) -> bool:
    """A noun that names who can put out a text: a name or an entity."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


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


class Speakers(Named):
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

    def _pronoun(self, head: Any) -> tuple[str | None, str]:
        low = head.lower_
        if low in PERSON_PRONOUNS:
            return self.antecedent(head), "person"
        if low in ORG_PRONOUNS:
            return self._it(head), "body"
        if low in GROUP_PRONOUNS:
            return self.ctx.last("body") or self.ctx.last("group"), "group"
        return None, "other"  # I, we, you: the mention is all there is

    def _it(self, head: Any) -> str | None:
        """"It said": the organisation spoken of last, whether it spoke
        ("The ministry said ... It added") or was only named ("The BBC aired
        the footage. It said ..."); never a person."""
        at = self.at(head)
        body = self.ctx.last("body")
        named = [(p, n) for p, n in self._orgs if p < at and at - p < 600]
        if named and (body is None or named[-1][0] > self.ctx.said_at.get(body, -1)):
            return alias(named[-1][1]) or named[-1][1]
        return body or next((n for n, cat, _ in reversed(self.ctx.speakers[-8:]) if cat != "person"), None)

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

    def _description(self, head: Any, lemma: str, toks: list[Any]) -> tuple[str | None, str] | None:
        """"The bloc", "the senator": the body or person named before."""
        for noun, bodies in COLLECTIVES.items():
            if noun.split()[-1] == lemma:
                for body in bodies:
                    if body in self.ctx.bodies:
                        return body, "body"
        at = self.at(head)
        wanted = modifiers(toks, head)
        if head.tag_ != "NNS" and (lemma in ROLE_NOUNS or head.ent_type_ == "NORP"):
            # DESCRIPTION_FITS: "the Vermont senator", "the GOP nominee": the
            # person last named whom the article described so.
            fitting = self.fitting(at, wanted)
            if fitting:
                return fitting, "person"
        if head.tag_ != "NNS":  # "the officials" are not one person
            # "The senator said", and DOCUMENT_ROLE: "the speaker" after
            # "Assembly Speaker Carl Heastie": the person last named with
            # that title or role, whether a list holds it or the article gave it.
            titled = [n for p, r, n in self._roles if p < at and r == lemma and not self.clashes(wanted, n)]
            if titled:
                return self.ctx.persons.get(fold(titled[-1].split()[-1]), titled[-1]), "person"
        if lemma in ORG_NOUNS and head.tag_ != "NNS":
            # "The broadcaster said": the organisation named last before it.
            orgs = [n for p, n in self._orgs if p < at and at - p < 2000]
            if orgs:
                return alias(orgs[-1]) or orgs[-1], "body"
        if lemma in ROLE_NOUNS and head.tag_ != "NNS":
            same = self.ctx.last(head=lemma)
            if same and not self.clashes(wanted, same):
                return same, "person"
            # The last person heard whom the description does not rule out;
            # none heard yet, the last named as a subject (ROLE_OF_SUBJECT).
            heard = next((n for n, cat, _ in reversed(self.ctx.speakers[-8:])
                          if cat == "person" and not self.clashes(wanted, n)), None)
            if heard is None:
                subjects = [self.full_name(p, n) for p, n in self._subjects if p < at and at - p < 1500]
                heard = next((n for n in reversed(subjects) if not self.clashes(wanted, n)), None)
            return heard, "person"
        return None

    def _bare(self, toks: list[Any]) -> str:
        """A mention's words without the article before them, a possessive
        kept on its word ("Scott's wife")."""
        words = self.phrase([t for t in toks if not (t.i == toks[0].i and t.lower_ in ("the", "a", "an"))])
        return words.replace(" ’s", "’s").replace(" 's", "'s")

    def fitting(self, at: int, wanted: set[str]) -> str | None:
        """The person named or heard last before ``at`` whom the article
        described with every word of ``wanted``."""
        if not wanted:
            return None
        seen = [(p, self.full_name(p, n)) for p, n in self._people if p < at and at - p < 3000]
        seen += [(p, n) for n, p in self.ctx.said_at.items() if p < at]
        for _, name in sorted(seen, reverse=True):
            if fits(wanted, self._traits.get(fold(name), set())):
                return name
        return None

    def clashes(self, wanted: set[str], name: str) -> bool:
        return clashes(wanted, self._traits.get(fold(name), set()))
