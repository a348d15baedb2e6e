"""Claims from parsed documents: pure functions, offsets into the original text.

A claim is a sentence, or the part of a sentence that one speaker owns, with
the numbers in it and the time it is about. Extraction streams: documents go
in one at a time and are parsed in batches (``extract``), so that a corpus of
any size flows through in bounded memory, and the same function can be mapped
over batches by a distributed engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .attribution import Attributed, attributions
from .models import Claim, Document, Quantity
from .names import unify
from .nlp import Block, parse_blocks
from .quantities import quantities
from .timeref import document_date, time_expressions

# A sentence needs this many letters or digits to hold a checkable claim.
MIN_CHARS = 12


def _quantities(blocks: list[Block]) -> list[Quantity]:
    found: list[Quantity] = []
    for block in blocks:
        for q in quantities(block.doc):
            found.append(q.model_copy(update={"start": q.start + block.start, "end": q.end + block.start}))
    return found


def claims(document: Document, blocks: list[Block]) -> list[Claim]:
    """The claims of one parsed document, in text order."""
    text = document.text
    date = document.date or document_date(document)[0]
    nums = _quantities(blocks)
    parts: list[Attributed] = attributions(text, blocks)
    out: list[Claim] = []
    for part in parts:
        body = text[part.start : part.end]
        if sum(c.isalnum() for c in body) < MIN_CHARS or body.rstrip().endswith("?"):
            continue  # fragments and questions assert nothing
        held = [q for q in nums if part.start <= q.start < part.end]
        times = [t for t in time_expressions(body, date) if t.value]
        out.append(
            Claim(
                id=f"{document.id}:{len(out) + 1}",
                doc=document.id,
                start=part.start,
                end=part.end,
                text=body,
                speaker=part.speaker,
                speaker_mention=part.mention,
                speaker_start=part.mention_start,
                speaker_end=part.mention_end,
                speaker_type=part.category if part.speaker else None,  # type: ignore[arg-type]
                cue=part.cue,
                kind=part.kind if part.speaker else None,  # type: ignore[arg-type]
                quote=part.quote,
                quantities=held,
                time=times[0].value if times else None,
                time_text=times[0].text if times else None,
            )
        )
    return out


def extract(documents: Iterable[Document], batch_size: int = 32) -> Iterator[tuple[Document, list[Claim]]]:
    """Each document with its claims; parses in batches, streams out."""
    pending: list[Document] = []

    def flush() -> Iterator[tuple[Document, list[Claim]]]:
        parsed = parse_blocks(((d.text, d.skip) for d in pending), batch_size=batch_size)
        for doc, blocks in zip(pending, parsed):
            yield doc, claims(doc, blocks)
        pending.clear()

    for document in documents:
        pending.append(document)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


def canonical_speakers(all_claims: list[Claim]) -> list[Claim]:
    """One spelling per person across documents: "Pashinian" and "Pashinyan"."""
    people = [c.speaker for c in all_claims if c.speaker and c.speaker_type == "person"]
    mapping = unify(people)
    return [
        c.model_copy(update={"speaker": mapping[c.speaker]}) if c.speaker in mapping else c
        for c in all_claims
    ]
