"""Attribution on generated news patterns: who said it, however it is written.

Each pattern is a short article written from a template, filled with every
ordered pair of four people (two women, two men, so that a pronoun agrees
with one of them) and, where it applies, every way of writing the speaker:
a quotation closed by a comma, "?" or "!" with its speaker after it; a long
subject ("Scott's niece, state Del. Marcia Price, said on Monday"); a
nickname in quotation marks; a verb that says how the words were spoken; a
description ("the congresswoman") of a titled person named before; "That
was the message from ..."; a pronoun after two people; a quotation running
over paragraphs; a surname after a full name the tagger did not tag. The
claim that holds the anchor words must give the person the template wants.

The patterns are the kind of text on which attribution is weakest (quotes
that open a paragraph with the speaker after them, speakers introduced by
role, "he" after several people); they are generated, not picked, so a
rule that fits one sentence shows here as a pattern right once and wrong in
its other fillings. Needs no data; prints the share right per pattern.

    python benchmarks/attribution_patterns.py [-v]
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# (name, pronoun, courtesy title, title of office, the noun for that office)
PEOPLE = [("Marcia Price", "she", "Ms.", "Del.", "delegate"), ("Robert Scott", "he", "Mr.", "Rep.", "congressman"),
          ("Ana Lopez", "she", "Ms.", "Sen.", "lawmaker"), ("David Kerr", "he", "Mr.", "Mayor", "mayor")]
LEAD = "Party rallies in Newport.\n\nHundreds gathered in Newport on Monday for the party's rally.\n\n"
# name: (template, anchor); {A} is the speaker wanted, {B} the other person.
PATTERNS = {
    "speaker after quote": ('"Why would we lose this year{end}" {A} {verb}.\n', "Why would we lose"),
    "long subject after quote": ('"Why would we lose this year{end}" {B_last}\'s colleague, {tA} {A}, {verb}.\n',
                                 "Why would we lose"),
    "nickname in quotes": ('"Why would we lose this year{end}" {tA} {A_first} "Cia" {A_last} {verb}.\n',
                           "Why would we lose"),
    "description by title": ("{tA} {A} spoke after {B}.\n\nThe {role} said nobody could stop the party.\n",
                             "nobody could stop"),
    "message from": ('"Nobody can stop us. We have the votes."\n\nThat was the message from {tA} {A} on Monday.\n',
                     "Nobody can stop us"),
    "quote after a person": ("{A} took the stage after {B}.\n\n\"Nobody can stop us. We have the votes.\"\n",
                             "Nobody can stop us"),
    "pronoun after two people": ('{A} spoke with {B} after the rally.\n\n"Nobody can stop us," {pa} said.\n',
                                 "Nobody can stop us"),
    "quote over paragraphs": ('{B} spoke first.\n\n"We have the votes.\n\n"Nobody can stop us," {A} said.\n',
                              "We have the votes"),
    "surname later": ("{A} and {B} spoke on Monday.\n\n{A_last} said nobody could stop the party.\n",
                      "nobody could stop"),
    "courtesy title later": ('{A} met {B} on Monday.\n\n"Nobody can stop us," {hA} {A_last} said.\n',
                             "Nobody can stop us"),
}
ENDS = [",", "?", "!"]
VERBS = ["said", "shouted", "told the crowd", "said on Monday"]


def cases() -> list[tuple[str, str, str, str]]:
    """(pattern, text, anchor, speaker wanted) for every filling."""
    out = []
    for name, (template, anchor) in PATTERNS.items():
        fills = itertools.product(ENDS, VERBS) if "{end}" in template else [("", "said")]
        for (end, verb), (a, b) in itertools.product(list(fills), itertools.permutations(PEOPLE, 2)):
            if "{pa}" in template and a[1] == b[1]:
                continue  # a pronoun that agrees with both is no test of agreement
            text = LEAD + template.format(
                A=a[0], B=b[0], A_first=a[0].split()[0], A_last=a[0].split()[-1], B_last=b[0].split()[-1],
                pa=a[1], hA=a[2], tA=a[3], role=a[4], end=end, verb=verb)
            out.append((name, text, anchor, a[0]))
    return out


def main(argv: list[str]) -> int:
    from verify.extract.attribution import attributions
    from verify.nlp import parse

    verbose = "-v" in argv
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for name, text, anchor, wanted in cases():
        start = text.index(anchor)
        parts = [p for p in attributions(text, parse(text)) if p.start <= start and start + len(anchor) <= p.end]
        got = min(parts, key=lambda p: p.end - p.start).speaker if parts else None
        total[name] += 1
        right[name] += got == wanted
        if verbose and got != wanted:
            print(f"  {name}: wanted {wanted}, got {got} | {text[len(LEAD):]!r}")
    print(f"{'pattern':28} {'right':>12}")
    for name in PATTERNS:
        print(f"{name:28} {right[name]:>5}/{total[name]:<5} {right[name] / total[name]:.3f}")
    n, r = sum(total.values()), sum(right.values())
    print(f"{'all':28} {r:>5}/{n:<5} {r / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
