"""Quotations compared as a reader compares them.

Case, punctuation, hyphenation, British and American spelling, compounds
written as one word or two, and small numbers in words or figures are the
same words (``spelling``). A quotation cut short is not a misquotation; a
word a reader would notice changed, added or dropped inside the stretch
both give is, and the reason shows the words on each side.
"""

from __future__ import annotations

import difflib

from ..models import Claim
from . import spelling
from .compare import Link
from .rules import rule
from .thresholds import QUOTE_MATCH, QUOTE_RUN, SAME_WORDS, SAME_WORDS_MIN

QUOTED_ALIKE = rule("quoted-alike", "one speaker's words in two articles, the same once spelling is made one")
MISQUOTED = rule("misquoted", "one speaker's statement in two articles with a word changed, added or dropped")
OTHER_SPEAKER = rule("other-speaker", "the same words given to two different speakers")
DESCRIBED_SPEAKER = rule(
    "described-speaker",
    "a speaker given by description ('the 27-nation bloc', 'officials') may be the one the corpus names: "
    "the words are compared as that speaker's",
)
SHARED_PHRASE = rule("shared-phrase", "two statements share a run of five words, three of them content words")


def fragments(claim: Claim) -> list[str]:
    """The quoted stretches of a claim, each of at least three words."""
    return [f for f in (claim.quote or "").split(" … ") if len(spelling.words(f)) >= 3]


# Verbs negated by "n't" (or written as one word) whose verb is not the word
# before it (NEGATED_QUOTE): "can't" is "can", "won't" is "will".
_NEGATED = {"can't": "can", "cannot": "can", "won't": "will", "shan't": "shall", "ain't": "is"}


def _affirmed(words: list[str]) -> list[str]:
    """Words with their negations taken out ("are not" and "aren't" become "are")."""
    out = []
    for w in words:
        w = w.replace("’", "'")
        if w in _NEGATED or w.endswith("n't"):
            out.append(_NEGATED.get(w, w[:-3]))
        elif not spelling.negation(w):
            out.append(w)
    return out


class _Pair:
    """Two quoted stretches as one-spelling words, aligned."""

    def __init__(self, fa: str, fb: str) -> None:
        self.fa, self.fb = fa, fb
        ta, tb = spelling.tokens(fa), spelling.tokens(fb)
        wa, wb = spelling.join_compounds([t[0] for t in ta], [t[0] for t in tb])
        self.wa, self.wb = wa, wb
        # Surface words for the reason: a joined compound keeps both words.
        self.sa, self.sb = _surface(fa, ta, wa), _surface(fb, tb, wb)
        self.sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
        # NEGATED_QUOTE: the run two quotations share is counted without their
        # negations, so that "subpoenas are optional" meets "subpoenas are not optional"
        plain = difflib.SequenceMatcher(None, _affirmed(wa), _affirmed(wb), autojunk=False)
        self.run = max((m.size for m in plain.get_matching_blocks()), default=0)
        self.score = self.sm.ratio()


def _surface(text: str, toks: tuple[tuple[str, int, int], ...], joined: list[str]) -> list[str]:
    out, i = [], 0
    for w in joined:
        if i < len(toks) and toks[i][0] == w:
            out.append(text[toks[i][1] : toks[i][2]])
            i += 1
        else:  # two words written as one by the other text
            out.append(text[toks[i][1] : toks[i + 1][2]])
            i += 2
    return out


def _best(fa: str, b: Claim) -> _Pair | None:
    """The quoted stretch of ``b`` that a stretch of another claim is best set against."""
    best: _Pair | None = None
    for fb in fragments(b):
        p = _Pair(fa, fb)
        if p.run >= QUOTE_RUN and (best is None or p.score > best.score):
            best = p
    return best


def compare_quotes(a: Claim, b: Claim) -> Link | None:
    """One speaker quoted in two documents: the same words agree; the same
    statement in other words is a discrepancy that shows the words that differ.
    EVERY_FRAGMENT: each quoted stretch of ``a`` is set against its own
    counterpart in ``b``; one stretch quoted alike does not hide another
    changed ("is deeply concerned" ... "urges immediate steps")."""
    links = [_judge(a, b, p) for fa in fragments(a) if (p := _best(fa, b)) is not None and p.score >= QUOTE_MATCH]
    return next((link for link in links if link.verdict == "discrepancy"), links[0] if links else None)


def _judge(a: Claim, b: Claim, p: _Pair) -> Link:
    """The link of two quoted stretches of one speaker, aligned in ``p``."""
    short, long_ = (p.wa, p.wb) if len(p.wa) <= len(p.wb) else (p.wb, p.wa)
    cut = _cut_after_negation(long_, short)
    if cut:  # NEGATED_QUOTE: "no illegal disclosure" quoted as "illegal disclosure"
        shown = (f"“{cut}” vs “—”") if short is p.wb else (f"“—” vs “{cut}”")
        return Link(a.id, b.id, "discrepancy", f"{a.speaker} quoted differently: {shown}", (MISQUOTED,))
    if _contains(long_, short):
        shown = p.fa if len(p.wa) <= len(p.wb) else p.fb
        return Link(a.id, b.id, "agree", f"{a.speaker} quoted alike: “{clip(shown)}”", (QUOTED_ALIKE,))
    diffs = _differences(p)
    if not diffs:
        return Link(a.id, b.id, "agree", f"{a.speaker} quoted alike: “{clip(p.fa)}”", (QUOTED_ALIKE,))
    return Link(a.id, b.id, "discrepancy", f"{a.speaker} quoted differently: " + "; ".join(diffs), (MISQUOTED,))


def _cut_after_negation(long_: list[str], short: list[str]) -> str | None:
    """The negation a quotation's words come right after in the longer one,
    when they are found there only so ("no illegal disclosure by anyone" and
    "illegal disclosure by anyone"), or None."""
    n = len(short)
    found = [i for i in range(len(long_) - n + 1) if long_[i: i + n] == short]
    if found and all(i > 0 and spelling.negation(long_[i - 1]) for i in found):
        return long_[found[0] - 1]
    return None


def _contains(long_: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


# A quotation's words past the stretch two quotations share, on both sides
# at once and this short, are words swapped, not a quotation cut short
# ("rests with Armenia" / "rests with Azerbaijan").
SWAPPED_EDGE = 3


def _differences(p: _Pair) -> list[str]:
    """The words one quotation has where the other has others, inside the
    stretch both share (a quotation cut short is not a misquotation), and
    at its ends where both go on for a word or few (``SWAPPED_EDGE``)."""
    blocks = [m for m in p.sm.get_matching_blocks() if m.size]
    if not blocks:
        return []
    a0, a1 = blocks[0].a, blocks[-1].a + blocks[-1].size
    b0, b1 = blocks[0].b, blocks[-1].b + blocks[-1].size
    if 0 < a0 <= SWAPPED_EDGE and 0 < b0 <= SWAPPED_EDGE:
        a0 = b0 = 0  # both open with other words: the first words were swapped
    if 0 < len(p.wa) - a1 <= SWAPPED_EDGE and 0 < len(p.wb) - b1 <= SWAPPED_EDGE:
        a1, b1 = len(p.wa), len(p.wb)  # both close with other words: the last were swapped
    out = []
    for op, i1, i2, j1, j2 in p.sm.get_opcodes():
        if op == "equal" or i2 <= a0 or i1 >= a1 or j2 <= b0 or j1 >= b1:
            continue
        left, right = " ".join(p.sa[i1:i2]) or "—", " ".join(p.sb[j1:j2]) or "—"
        out.append(f"“{left}” vs “{right}”")
    if out and a1 < len(p.wa) and b1 < len(p.wb):
        # Misquoted already, and both go on past what they share with other
        # words: the reader is shown those too ("end the fighting" vs
        # "reduce tensions and avoid further escalation").
        out.append(f"“{clip(' '.join(p.sa[a1:]), 60)}” vs “{clip(' '.join(p.sb[b1:]), 60)}”")
    return out


def clip(text: str, width: int = 80) -> str:
    """A text for a reason, on one line, cut to ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# Words that describe a source rather than name it: "Police said", "they
# said", "Investigators believe" name no particular one.
_DESCRIBING = frozenset(
    "police officials official authorities investigators investigator detectives detective officers officer "
    "deputies deputy witnesses witness residents resident neighbors neighbours neighbor neighbour sources source "
    "experts analysts prosecutors prosecutor doctors medics paramedics rescuers firefighters troopers agents "
    "spokesman spokeswoman spokesperson family relatives friends reports media observers critics lawmakers "
    "he she they it we i you the a an his her their its our".split()
)


def named(speaker: str | None) -> bool:
    """Whether a speaker is given by name ("Jane Doe", "European Union"),
    not only described ("the 27-nation bloc", "officials", "Police", "they").
    A role is a description whatever names it is of: "State Department
    spokesman" and "Chicago police" name no particular person."""
    if not speaker or not speaker.split() or speaker.split()[-1].lower() in _DESCRIBING:
        return False
    if speaker.split()[-1][:1].islower():
        return False  # a name ends in a name: "the top U.S. diplomat" describes (DESCRIBED_SPEAKER)
    return any(w[:1].isupper() and w.lower() not in _DESCRIBING for w in speaker.split())


def same_speaker(x: str | None, y: str | None) -> bool:
    """One speaker however its name is cased or spelt ("Davidson county
    District Attorney's Office", "Davidson County District Attorney’s Office")."""
    return bool(x and y) and (x == y or spelling.words(x) == spelling.words(y))  # type: ignore[arg-type]


def different_speakers(a: Claim, b: Claim) -> bool:
    """Two claims given to two different named speakers."""
    return bool(a.speaker and b.speaker and not same_speaker(a.speaker, b.speaker)
                and named(a.speaker) and named(b.speaker))


def same_words(a: Claim, b: Claim) -> str | None:
    """Near-identical quotations given to different speakers: worth a look."""
    for fa in fragments(a):
        for fb in fragments(b):
            p = _Pair(fa, fb)
            if len(p.wa) >= SAME_WORDS_MIN and len(p.wb) >= SAME_WORDS_MIN:
                shared = sum(m.size for m in p.sm.get_matching_blocks())
                if shared >= SAME_WORDS * min(len(p.wa), len(p.wb)):
                    short = fa if len(p.wa) <= len(p.wb) else fb
                    return f"the same words are given to {a.speaker} and to {b.speaker}: “{clip(short)}”"
    return None


def shared_phrase(a: Claim, b: Claim, stop: frozenset[str]) -> str | None:
    """A run of at least five words, three of them content words, that two
    claims share: they assert the same thing ("internationally recognized as
    part of the republic")."""
    ta, tb = spelling.tokens(a.text), spelling.tokens(b.text)
    wa, wb = [t[0] for t in ta], [t[0] for t in tb]
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    for m in sorted(sm.get_matching_blocks(), key=lambda m: -m.size):
        if m.size < 5:
            break
        run = [a.text[s:e] for _, s, e in ta[m.a : m.a + m.size]]
        # Content words in lower case: a shared name or title
        # ("U.S. Secretary of State Jane Doe") asserts nothing.
        if sum(w.lower() not in stop and not w[0].isupper() and not w.isdigit() for w in run) >= 3:
            return " ".join(run)
    return None
