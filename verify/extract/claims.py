"""Claims from parsed documents: pure functions, offsets into the original text.

A claim is a sentence, or the part of a sentence that one speaker owns, with
the numbers in it and the time it is about. Extraction streams: documents go
in one at a time and are parsed in batches (``extract``), so that a corpus of
any size flows through in bounded memory, and the same function can be mapped
over batches by a distributed engine.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from .attribution import attributions
from ..errors import ExtractionError, VerifyError
from ..models import Claim, Document, Quantity
from .names import unify
from ..nlp import Block, parse_blocks
from ..read.paragraphs import flowed
from .quantities import quantities
from .timeref import document_date, time_expressions

# A sentence needs this many letters or digits to hold a checkable claim.
MIN_CHARS = 12


# Dependency labels that open a clause: a number's fact is the clause it sits in.
CLAUSES = {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "acl", "parataxis", "pcomp", "conj"}


def _numbers(blocks: list[Block]) -> list[tuple[Quantity, tuple[int, int]]]:
    """Every quantity with the span of the clause that states it."""
    found = []
    for block in blocks:
        doc = block.doc
        for q in quantities(doc):
            tok = next((t for t in doc if t.idx <= q.start < t.idx + len(t.text) + 1), None)
            a, b = q.start, q.end
            if tok is not None:
                head = tok
                while head.dep_ not in CLAUSES or head.pos_ not in ("VERB", "AUX"):
                    if head.dep_ == "ROOT" or head.head.i == head.i:
                        break
                    head = head.head
                a = min(a, head.left_edge.idx)
                b = max(b, head.right_edge.idx + len(head.right_edge.text))
            shift = block.start
            found.append((q.model_copy(update={"start": q.start + shift, "end": q.end + shift}), (a + shift, b + shift)))
    return found


# Entities that say what a fact is of: who, where, which group or event.
ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT"})


def _entities(blocks: list[Block]) -> list[tuple[int, int, str, str]]:
    """(start, end, label, text) of the document's entities, in text order."""
    return sorted(
        (b.start + e.start_char, b.start + e.end_char, e.label_, " ".join(e.text.split()))
        for b in blocks for e in b.doc.ents if e.label_ in ENTITY_LABELS
    )


def _within(ents: list[tuple[int, int, str, str]], start: int, end: int,
            mention_start: int | None, mention_end: int | None) -> list[tuple[str, str]]:
    """The entities inside a span, less those of the speaker's mention."""
    i = bisect.bisect_left(ents, (start,))
    out: list[tuple[str, str]] = []
    while i < len(ents) and ents[i][0] < end:
        s, e, label, text = ents[i]
        i += 1
        if e > end or (mention_start is not None and mention_end is not None and s < mention_end and e > mention_start):
            continue
        if (label, text) not in out:
            out.append((label, text))
    return out


def _paragraph(text: str, at: int) -> int:
    """The offset where the paragraph holding ``at`` begins."""
    return text.rfind("\n", 0, at) + 1


def claims(document: Document, blocks: list[Block]) -> list[Claim]:
    """The claims of one parsed document, in text order.

    Each sentence (or the part of it one speaker owns) is a claim; each number
    in it is a claim of its own, the clause that states it, with ``parent``
    naming the sentence: a sentence often holds several facts that other
    articles support or contradict one by one.
    """
    text = document.text
    lines = flowed(text)  # paragraphs: a wrapped line runs on
    date = document.date or document_date(document)[0]
    nums = _numbers(blocks)
    ents = _entities(blocks)
    out: list[Claim] = []
    last_time: tuple[int, str, str] | None = None  # (paragraph, value, words)
    for part in attributions(text, blocks):
        body = text[part.start : part.end]
        if sum(c.isalnum() for c in body) < MIN_CHARS or body.rstrip().endswith("?"):
            continue  # fragments and questions assert nothing
        para = _paragraph(lines, part.start)
        times = [t for t in time_expressions(body, date) if t.value]
        if times:
            time, words = times[0].value, times[0].text
            last_time = (para, time, words)
        elif last_time and last_time[0] == para:
            # A sentence without a time of its own speaks of the time its
            # paragraph set ("In autumn 2020, ... fought a war. The conflict claimed ...").
            time, words = last_time[1], last_time[2]
        else:
            time, words = None, None
        attributed = part.speaker is not None
        sentence = Claim(
            id=f"{document.id}:{len(out) + 1}",
            doc=document.id,
            start=part.start,
            end=part.end,
            text=body,
            speaker=part.speaker,
            speaker_mention=part.mention,
            speaker_start=part.mention_start,
            speaker_end=part.mention_end,
            speaker_type=part.category if attributed else None,  # type: ignore[arg-type]
            cue=part.cue,
            kind=part.kind if attributed else None,  # type: ignore[arg-type]
            quote=part.quote,
            time=time,
            time_text=words,
            entities=_within(ents, part.start, part.end, part.mention_start, part.mention_end),
        )
        out.append(sentence)
        for q, (a, b) in nums:
            if not part.start <= q.start < part.end:
                continue
            a, b = max(a, part.start), min(b, part.end)
            while b > a and not text[b - 1].isalnum() and text[b - 1] not in "%)”\"'’":
                b -= 1
            out.append(
                sentence.model_copy(
                    update={
                        "id": f"{document.id}:{len(out) + 1}",
                        "start": a,
                        "end": b,
                        "text": text[a:b],
                        "quantities": [q],
                        "parent": sentence.id,
                        "quote": None,
                        # what this number is of: the entities of its clause
                        "entities": _within(ents, a, b, part.mention_start, part.mention_end),
                    }
                )
            )
    return out


def extract(
    documents: Iterable[Document], batch_size: int = 32, errors: list[VerifyError] | None = None
) -> Iterator[tuple[Document, list[Claim]]]:
    """Each document with its claims; parses in batches, streams out.

    A document whose extraction fails (a fault of verify, not of the text)
    is left out and named in ``errors`` when given, so that one article never
    stops a corpus; a later run retries it.
    """
    pending: list[Document] = []

    def flush() -> Iterator[tuple[Document, list[Claim]]]:
        parsed = parse_blocks(((d.text, d.skip) for d in pending), batch_size=batch_size)
        for doc, blocks in zip(pending, parsed):
            try:
                found = claims(doc, blocks)
            except Exception as e:  # noqa: BLE001 - one article must not stop the corpus
                if errors is None:
                    raise
                errors.append(ExtractionError(
                    f"{doc.path}: claims of {doc.id} could not be read ({type(e).__name__}: {e}); "
                    "it was left out: please report this with the article"
                ))
                continue
            yield doc, found
        pending.clear()

    for document in documents:
        pending.append(document)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


def canonical_speakers(all_claims: list[Claim]) -> list[Claim]:
    """One spelling per person across documents: "Pashinian" and "Pashinyan"."""
    # One vote per document for each spelling: how many articles write it.
    people = list(dict.fromkeys((c.doc, c.speaker) for c in all_claims if c.speaker and c.speaker_type == "person"))
    mapping = unify([name for _, name in people])
    return [
        c.model_copy(update={"speaker": mapping[c.speaker]}) if c.speaker in mapping else c
        for c in all_claims
    ]
