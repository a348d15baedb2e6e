"""Grammatical gender of the people an article names, for "he" and "she".

Evidence: the first name, from a short table of common given names, and a
gendered honorific or role word beside the name ("Mrs. Klein", "a
spokeswoman", "Congressman Reyes"). A person with no evidence agrees with
either pronoun. The pronouns of a sentence are no evidence: "he" there may
be another person than the one named.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from . import given_names
from .names import fold, strip_titles

# Honorifics and role words that carry gender in English (standard usage
# guides, e.g. the AP Stylebook's entries on courtesy titles and -man/-woman).
MALE_WORDS = {
    "mr", "sir", "lord", "king", "prince", "father", "brother", "son", "husband",
    "spokesman", "congressman", "chairman", "councilman", "assemblyman",
    "businessman", "alderman", "councilmen", "policeman", "fireman", "uncle",
    "nephew", "grandfather", "boyfriend", "actor", "widower", "duke", "emperor",
}
FEMALE_WORDS = {
    "mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "mother",
    "sister", "daughter", "wife", "spokeswoman", "congresswoman", "chairwoman",
    "councilwoman", "assemblywoman", "businesswoman", "policewoman", "aunt",
    "niece", "grandmother", "girlfriend", "actress", "widow", "duchess", "empress",
}
# Common given names: first the English-speaking world's most frequent (of
# the kind the US Social Security Administration's and the UK Office for
# National Statistics' birth-name lists rank highest), then frequent given
# names of other languages, written from general knowledge rather than a
# published list; names used for both sexes are left out. A maintained name
# list with its source should replace these tables.
MALE_NAMES = set("""
james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy
vincent ralph eugene russell bobby mason philip louis bill tom mike jim bob dan steve
ben tim greg jeff chris nick tony ron ken fred harry jimmy johnny hugh ian neil
graham colin nigel alistair gordon
sergei dmitry ivan igor mohammed mohamed muhammad ahmed ali omar hassan hussein
abdul ibrahim mustafa khalid carlos luis miguel pedro antonio manuel francisco jorge
pablo diego javier rafael ricardo emmanuel francois pierre hans klaus
giuseppe giovanni marco luigi
""".split())
FEMALE_NAMES = set("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa
deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda
pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
ann sara madison frances kathryn janice jean abigail alice julia judy sophia grace
denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
charlotte marie kayla alexis lori jane
susanne sophie claire fiona nicola kate anne annie ellen irene rosa carmen ana lucia
isabel elena fatima aisha layla tatiana natalia olga
""".split())


def _vote(word: str) -> str | None:
    w = fold(word)
    return "m" if w in MALE_WORDS else "f" if w in FEMALE_WORDS else None


def _key(text: str) -> str:
    """A person's key: the folded name without titles ("Mrs. Ana Ruiz" -> "ana ruiz")."""
    return fold(strip_titles(text.strip()))


def evidence(docs: list[Any]) -> dict[str, str]:
    """Folded name -> "m" or "f", for the people with evidence. A full name
    and a surname alone are kept apart: Ana Ruiz and her husband Tom Ruiz."""
    votes: dict[str, Counter[str]] = {}
    for doc in docs:
        for sent in doc.sents:
            people = [e for e in sent.ents if e.label_ == "PERSON" and _key(e.text)]
            for ent in people:
                key = _key(ent.text)
                # A gendered honorific or role word in the name or hung on it
                # ("Mrs. Klein", "Congressman Reyes"), or in an apposition to it
                # ("Klein, a spokeswoman for ...").
                near = [t for t in doc[max(ent.start - 3, sent.start) : ent.end] if t.i >= ent.start or t.head in ent]
                near += [t for c in ent.root.children if c.dep_ == "appos" for t in c.subtree]
                if ent.root.dep_ == "appos":
                    near.append(ent.root.head)
                for t in near:
                    g = _vote(t.text)
                    if g:
                        votes.setdefault(key, Counter())[g] += 1
    # Only evidence that agrees with itself: "Mr. Ruiz" and "Mrs. Ruiz" are two people.
    return {k: "m" if c["m"] else "f" for k, c in votes.items() if len(+c) == 1}


def gender_of(name: str, known: dict[str, str]) -> str | None:
    """The gender of a person: the first name's when the table knows it, else
    what the article showed for that name; a surname's evidence is not a full
    name's (Ivana and Donald Trump, "Mr. Trump")."""
    words = _key(name).split()
    if not words:
        return None
    if len(words) > 1 and (words[0] in MALE_NAMES or words[0] in FEMALE_NAMES):
        return "m" if words[0] in MALE_NAMES else "f"
    if len(words) > 1 and (words[0] in given_names.MALE or words[0] in given_names.FEMALE):
        # CENSUS_GIVEN_NAMES: the 1990 US Census's names given to one sex.
        return "m" if words[0] in given_names.MALE else "f"
    return known.get(" ".join(words))


def pronoun_gender(word: str) -> str | None:
    low = word.lower()
    return "m" if low in ("he", "him", "his", "himself") else "f" if low in ("she", "her", "hers", "herself") else None
