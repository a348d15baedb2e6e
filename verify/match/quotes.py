"""Quotations: one speaker's words in two articles, and the same words given to two speakers."""

from __future__ import annotations

import difflib
import re

from ..models import Claim
from .compare import Link

_WORD = re.compile(r"\w+(?:[-’']\w+)*")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def fragments(claim: Claim) -> list[str]:
    return [f for f in (claim.quote or "").split(" … ") if len(_words(f)) >= 3]


def compare_quotes(a: Claim, b: Claim) -> Link | None:
    """One speaker quoted in two documents: the same words agree; the same
    statement in other words is a discrepancy that shows the words that differ."""
    best: tuple[float, str, str] | None = None
    for fa in fragments(a):
        for fb in fragments(b):
            wa, wb = _words(fa), _words(fb)
            sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
            run = max((m.size for m in sm.get_matching_blocks()), default=0)
            if run < 3:
                continue
            score = sm.ratio()
            if best is None or score > best[0]:
                best = (score, fa, fb)
    if best is None or best[0] < 0.5:
        return None
    _, fa, fb = best
    wa, wb = _words(fa), _words(fb)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if " ".join(short) in " ".join(long_):
        return Link(a.id, b.id, "agree", f"{a.speaker} quoted alike: “{_clip(fa if len(wa) <= len(wb) else fb)}”")
    diffs = _differences(wa, wb)
    if not diffs:
        return Link(a.id, b.id, "agree", f"{a.speaker} quoted alike: “{_clip(fa)}”")
    return Link(a.id, b.id, "discrepancy", f"{a.speaker} quoted differently: " + "; ".join(diffs))


def _differences(wa: list[str], wb: list[str]) -> list[str]:
    """The words one quotation has where the other has others, inside the
    stretch both share (a quotation cut short is not a misquotation)."""
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    blocks = [m for m in sm.get_matching_blocks() if m.size]
    if not blocks:
        return []
    a0, a1 = blocks[0].a, blocks[-1].a + blocks[-1].size
    b0, b1 = blocks[0].b, blocks[-1].b + blocks[-1].size
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal" or i2 <= a0 or i1 >= a1 or j2 <= b0 or j1 >= b1:
            continue
        left, right = " ".join(wa[i1:i2]) or "—", " ".join(wb[j1:j2]) or "—"
        out.append(f"“{left}” vs “{right}”")
    return out


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def same_words(a: Claim, b: Claim) -> str | None:
    """Near-identical quotations given to different speakers: worth a look."""
    for fa in fragments(a):
        for fb in fragments(b):
            wa, wb = _words(fa), _words(fb)
            if len(wa) >= 6 and len(wb) >= 6:
                sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
                shared = sum(m.size for m in sm.get_matching_blocks())
                if shared >= 0.85 * min(len(wa), len(wb)):
                    short = fa if len(wa) <= len(wb) else fb
                    return f"the same words are given to {a.speaker} and to {b.speaker}: “{_clip(short)}”"
    return None


def shared_phrase(a: Claim, b: Claim, stop: frozenset[str]) -> str | None:
    """A run of at least five words, three of them content words, that two
    claims share: they assert the same thing ("internationally recognized as
    part of Azerbaijan")."""
    ta, tb = _WORD.findall(a.text), _WORD.findall(b.text)
    wa, wb = [w.lower() for w in ta], [w.lower() for w in tb]
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    for m in sorted(sm.get_matching_blocks(), key=lambda m: -m.size):
        if m.size < 5:
            break
        run = ta[m.a : m.a + m.size]
        # Content words in lower case: a shared name or title
        # ("U.S. Secretary of State Antony Blinken") asserts nothing.
        if sum(w.lower() not in stop and not w[0].isupper() and not w.isdigit() for w in run) >= 3:
            return " ".join(run)
    return None
