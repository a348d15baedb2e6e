"""Quotation marks: where quoted words begin and end, across paragraphs.

Pure text, no parse. News style continues a quote over several paragraphs by
opening each new paragraph with a quotation mark and closing only the last
one; a paragraph whose quote never closes and whose next paragraph does not
open one simply ends the quote (an unbalanced mark never loses the article,
unlike textacy, which gives up on the whole text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'


@dataclass(frozen=True)
class Quote:
    """Quoted words: ``segments`` are content spans (marks excluded), one per paragraph."""

    segments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def text(self, text: str) -> str:
        return " ".join(text[a:b] for a, b in self.segments)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def opens_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "([{—–-:;,/" or i == 0


# The words a quotation's next paragraph holds before its mark closes, at least.
RUN_ON_WORDS = 3


def _runs_on(text: str, i: int, ch: str, width: int) -> bool:
    """Whether the mark at ``i``, inside a quotation, opens its next
    paragraph: an opening mark (or a straight one shaped as an opener, a
    word right after it) right after the end of a sentence."""
    opener = ch in OPENERS or ch == STRAIGHT and opens_straight(text, i) and (
        i + width < len(text) and text[i + width].isalnum())
    if not opener:
        return False
    before = text[max(0, i - 3) : i].rstrip()
    if not (before and before[-1] in ".?!" and i > 0 and text[i - 1].isspace()):
        return False
    # a paragraph's words, not a word set in quotation marks ("“Second” is fine")
    end = min((k for k in (text.find(c, i + width) for c in CLOSERS + STRAIGHT) if k >= 0), default=len(text))
    return len(text[i + width : end].split()) >= RUN_ON_WORDS


def _closes_later(text: str, start: int, end: int, closers: int) -> bool:
    """Are there at least ``closers`` more closing than opening marks between
    start and end? Then an opener inside a quote nests; otherwise the earlier
    quote was left open by mistake and this one starts afresh."""
    net = sum(text.count(c, start, end) for c in CLOSERS) - sum(text.count(c, start, end) for c in OPENERS)
    return net >= closers


def quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order."""
    found: list[Quote] = []
    carry: list[tuple[int, int]] = []  # segments of a quote still open at a paragraph end
    for p_start, p_end in _paragraphs(text):
        para_first = p_start
        while para_first < p_end and text[para_first].isspace():
            para_first += 1
        if carry and not (para_first < p_end and text[para_first] in OPENERS + STRAIGHT + "'`"):
            found.append(Quote(tuple(carry)))
            carry = []
        open_at: int | None = None
        depth = 0  # curly quotes nest: “... what he calls “hell” ...”
        i = p_start
        while i < p_end:
            ch = text[i]
            width = 1
            if ch in "'`" and i + 1 < p_end and text[i + 1] == ch:
                ch, width = STRAIGHT, 2  # ''typewriter quotes'' and ``TeX quotes''
            elif ch in "'`":
                i += 1
                continue
            if open_at is None:
                if (
                    ch in OPENERS
                    or (ch == STRAIGHT and opens_straight(text, i))
                    or (ch in CLOSERS and i == para_first)  # a paragraph opened with ” by mistake
                ):
                    open_at = i + width
            elif depth == 0 and i > open_at and _runs_on(text, i, ch, width):
                # RUN_ON: “... counted. “This is ...”: an opening mark after a
                # sentence's end inside a quotation is the next paragraph of
                # it, its break lost (a text set on one line).
                carry.append((open_at, i))
                open_at = i + width
            elif ch in CLOSERS and depth > 0:
                depth -= 1
            elif ch in CLOSERS or ch == STRAIGHT:
                if i > open_at:
                    carry.append((open_at, i))
                    found.append(Quote(tuple(carry)))
                carry = []
                open_at = None
            elif ch in OPENERS and _closes_later(text, i + 1, p_end, depth + 2):
                depth += 1  # a quote inside the quote, closed before the outer one
            elif ch in OPENERS:  # a second opener that is never closed: restart there
                open_at = i + width
            i += width
        if open_at is not None and p_end > open_at:
            carry.append((open_at, p_end))
        elif carry:
            found.append(Quote(tuple(carry)))
            carry = []
    if carry:
        found.append(Quote(tuple(carry)))
    nicknames = {(m.start(2), m.end(2)) for m in NICKNAME.finditer(text)}
    return [q for q in found if not (len(q.segments) == 1 and q.segments[0] in nicknames)]


# NICKNAME_QUOTED: a word in quotation marks between a given name and a
# surname ('Robert C. "Bobby" Scott', 'Josue “Joshua” Guzman'; AP style) is
# the name's nickname, not words anyone said.
NICKNAME = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*\.? ([\"“])([A-Z][\w'’.-]*)([\"”]) (?=[A-Z])")


def unquote_nicknames(text: str) -> str:
    """The text with the marks around nicknames blanked, of the same length,
    for the parser: 'Marcia "Cia" Price' is one name to it, not a title."""
    out = list(text)
    for m in NICKNAME.finditer(text):
        out[m.start(1)] = out[m.start(3)] = " "
    return "".join(out)


def quoted_mask(text: str, found: list[Quote]) -> bytearray:
    """One byte per character: 1 where the character is inside quoted words."""
    mask = bytearray(len(text))
    for q in found:
        for a, b in q.segments:
            mask[a:b] = b"\x01" * (b - a)
    return mask
