"""Descriptions: what a pronoun, a description or a document stands for.

"He" and "she" go to the person named most recently as a subject (centering
theory; Grosz, Joshi and Weinstein 1995), "it" to the organisation spoken of
last, "the senator" or "the broadcaster" to the person or body the article
named so before, "the statement" to its issuer. ``speakers.Speakers``
resolves every mention and calls on these for the ones that name no one.
"""

from __future__ import annotations

from typing import Any

from .context import Named
from .cues import ROLE_NOUNS, mention_tokens
from .names import COLLECTIVES, alias, fold
from .traits import clashes, fits, modifiers

# Personal and possessive pronouns by what they can stand for: "his claim
# that ..." is the claim of the person "he" would be.
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
ORG_PRONOUNS = {"it", "its"}
GROUP_PRONOUNS = {"they", "them", "their"}
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


class Descriptions(Named):
    """The antecedents of pronouns and descriptions in one document."""

    def resolve(self, head: Any, toks: list[Any]) -> tuple[str | None, str]:
        """The canonical speaker named by a mention (``speakers.Speakers``)."""
        raise NotImplementedError

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
