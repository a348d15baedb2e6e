"""Where a line break ends a paragraph, and where it only wraps a line.

Text files come hard-wrapped at a fixed width (wire copy, mail, archives), or
one sentence to a line, as often as one paragraph to a line. Extraction reads a
paragraph as one stretch of text (``verify.nlp`` parses it whole, a quotation
runs on inside it), so a line break that only wraps a sentence must not end
one. ``flowed`` gives the text with those breaks made spaces: the same length,
so every offset still points into the original.

A single line break (no blank line) is *soft*, by these rules:

- ``runs-on``: the line stops mid-sentence (no . ! ? : ; at its end, or a
  title's abbreviation such as "Sen.") and the next line carries the sentence
  on: it starts in lower case or with , ; ) or a closing quotation mark;
- ``hard-wrapped``: the text is wrapped at a fixed width (three lines or more
  run on as above, and most lines are near one width of at most 120), and
  the next line's first word would not have fit on the line, whatever it
  starts with ("Gov. Mike Pence" at a line's head): a paragraph's last line
  is short;
- ``sentence-lines``: in a text that sets its paragraphs apart with blank
  lines and holds one sentence to a line, a line that ends a sentence
  (. ! ?) and a next line that begins one (a capital, an opening quotation
  mark) are two sentences of one paragraph;
- ``quote-runs-on``: the line leaves a quotation open and the next line
  closes it without opening another (one sentence to a line, a quotation of
  two sentences).

Blank lines always end a paragraph.
"""

from __future__ import annotations

import functools
import re

from verify.extract.quotes import CLOSERS, OPENERS, STRAIGHT, opens_straight

# A line that ends a sentence (or introduces what follows: "He said:").
_ENDS = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
# Abbreviations of titles that stand before a name and end with a period.
_TITLE_END = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Maj|Cpl|Det|Insp|Supt|Prof|Rev|Hon|Pres|"
    r"St|Ft|Mt|Jr|Sr|U\.S)\.$"
)
_CONTINUES = re.compile(r"[a-z,;)\]”’]")


def _ends_sentence(line: str) -> bool:
    s = line.rstrip()
    return bool(_ENDS.search(s)) and not _TITLE_END.search(s)


def _open_quote(line: str, open_before: bool) -> bool:
    """Whether a quotation is open at the end of ``line`` (given whether one
    was open at its start): curly marks by their direction, straight ones by parity."""
    state = open_before
    for i, ch in enumerate(line):
        if ch in OPENERS:
            state = True
        elif ch in CLOSERS:
            state = False
        elif ch == STRAIGHT:
            state = opens_straight(line, i)
    return state


def _closes_first(line: str) -> bool:
    """Whether ``line`` closes a quotation before it opens one."""
    for i, ch in enumerate(line.lstrip()):
        if ch in OPENERS or ch == STRAIGHT and i == 0:
            return False
        if ch in CLOSERS or ch == STRAIGHT:
            return True
    return False


# A text is hard-wrapped when at least WRAPPED_RUNS of its lines run on and
# at least half the lines followed by another are near one width, at most
# WRAP_MAX columns (wire copy and mail wrap at 60 to 80).
WRAPPED_RUNS = 3
WRAP_MAX = 120


def _wrap_width(lines: list[tuple[int, str]], pairs: list, runs_on: int) -> int | None:
    """The width a hard-wrapped text is wrapped at, or None when it is not."""
    if runs_on < WRAPPED_RUNS:
        return None
    lengths = sorted(len(line.rstrip()) for _, line in lines if line.strip())
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > WRAP_MAX:
        return None
    near = sum(1 for _, (_, a), _b in pairs if len(a.rstrip()) >= 0.75 * width)
    return width if near >= 0.5 * len(pairs) else None


# A text sets its paragraphs apart with blank lines when it has at least
# BLANK_PARAGRAPHS of them, and no more single breaks than SENTENCE_LINES
# times as many (one to three sentences a paragraph).
BLANK_PARAGRAPHS = 3
SENTENCE_LINES = 4
_STARTS = re.compile(r"[A-Z\"“‘']")


# ... and when at least ONE_SENTENCE of its lines hold one sentence each
# (a paragraph to a line holds several).
ONE_SENTENCE = 0.8
_INSIDE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr|\bDr|\bSt|\bMs)(?<!\bMrs|\bSen|\bRep|\bGov|\bGen)[.!?][\"”’]?\s+[\"“]?[A-Z]")
_PROPER_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


def _sentence_lines(lines: list[tuple[int, str]]) -> bool:
    """Whether a text sets one sentence to a line in blank-line paragraphs."""
    blank = sum(1 for a, b in zip(lines, lines[1:]) if a[1].strip() and not b[1].strip())
    single = sum(1 for a, b in zip(lines, lines[1:]) if a[1].strip() and b[1].strip())
    if blank < BLANK_PARAGRAPHS or single > SENTENCE_LINES * blank:
        return False
    filled = [line for _, line in lines if line.strip()]
    return sum(1 for line in filled if not _INSIDE_END.search(line)) >= ONE_SENTENCE * len(filled)


def soft_breaks(text: str) -> list[int]:
    """The offsets of the line breaks in ``text`` that do not end a paragraph."""
    lines: list[tuple[int, str]] = []  # (offset of the "\n" after the line, the line)
    start = 0
    for m in re.finditer("\n", text):
        lines.append((m.start(), text[start : m.start()].rstrip("\r")))
        start = m.end()
    if not lines:
        return []
    lines.append((len(text), text[start:]))
    pairs = [(i, lines[i], lines[i + 1]) for i in range(len(lines) - 1)
             if lines[i][1].strip() and lines[i + 1][1].strip()]
    runs_on = {i for i, (_, a), (_, b) in pairs
               if not _ends_sentence(a) and _CONTINUES.match(b.lstrip())}
    soft = set(runs_on)
    width = _wrap_width(lines, pairs, len(runs_on))
    if width:
        for i, (_, a), (_, b) in pairs:
            if len(a.rstrip()) + 1 + len(b.split()[0]) > width:
                soft.add(i)  # the next word would not have fit: the line was wrapped
    if _sentence_lines(lines):
        for i, (_, a), (_, b) in pairs:
            if _PROPER_END.search(a.rstrip()) and not _TITLE_END.search(a.rstrip()) and _STARTS.match(b.lstrip()):
                soft.add(i)  # one sentence to a line, paragraphs set apart by blank lines
    open_quote = False
    for i, (_, line) in enumerate(lines[:-1]):
        if not line.strip():
            open_quote = False
            continue
        open_quote = _open_quote(line, open_quote)
        nxt = lines[i + 1][1]
        if open_quote and nxt.strip() and _closes_first(nxt):
            soft.add(i)
        elif i not in soft:
            open_quote = False
    return sorted(lines[i][0] for i in soft)


@functools.lru_cache(maxsize=128)
def flowed(text: str) -> str:
    """``text`` with its soft line breaks made spaces (same length, same
    offsets). Reading, parsing and extraction each ask for one document's:
    it is made once (a batch of documents parsed together fits the cache)."""
    breaks = soft_breaks(text)
    if not breaks:
        return text
    chars = list(text)
    for at in breaks:
        chars[at] = " "
        if at and chars[at - 1] == "\r":
            chars[at - 1] = " "
    return "".join(chars)
