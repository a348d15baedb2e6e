"""Speakers carried to sentences that name none: a quotation's speaker over
every paragraph it runs through, a paragraph introduced by "He said:", and a
quotation signed with a dash. Functions over the sentences' first
attributions: ``results`` holds one list of parts per sentence, and they
update it in place (it is the attributor's own working list)."""

from __future__ import annotations

import re
from typing import Any

from .claimspan import Attributed, retold
from .names import fold
from ..nlp import Block
from .quotes import Quote

# Sources that point at the situation of speech: inside quoted or introduced
# words they stand for the speaker or the one spoken to.
DEICTIC = {"i", "we", "you", "me", "us"}


def mostly_quoted(text: str, mask: bytearray, start: int, end: int) -> bool:
    chars = [i for i in range(start, end) if text[i].isalnum()]
    return bool(chars) and sum(mask[i] for i in chars) >= 0.6 * len(chars)


def quoted_words(text: str, quotes: list[Quote], start: int, end: int) -> str | None:
    """The quoted words inside ``start:end``, pieces joined by an ellipsis."""
    pieces = []
    for q in quotes:
        for a, b in q.segments:
            a, b = max(a, start), min(b, end)
            if b > a:
                pieces.append(text[a:b].strip())
    return " … ".join(p for p in pieces if p) or None


def introduced(text: str, mask: bytearray, sents: list[tuple[Block, Any]], results: list[list[Attributed]]) -> None:
    """A paragraph that ends "He said:" or "The Times reports:" introduces
    the next paragraph: its sentences take that speaker."""
    for i, (block, sent) in enumerate(sents[:-1]):
        said = results[i][-1]
        if not said.speaker or not text[: block.start + sent.end_char].rstrip().endswith(":"):
            continue
        if block.start + sent.end_char < block.end - 1:
            continue  # the colon's words follow in the same paragraph
        nxt = sents[i + 1][0]
        for j in range(i + 1, len(sents)):
            if sents[j][0] is not nxt:
                break
            # The paragraph is what the cue introduces. A report inside it
            # whose source is "I", "we" or "you" ("as you pointed out")
            # points back at the speaker's own situation: the speaker owns it.
            results[j] = [
                retold(said, a.start, a.end, "direct" if mostly_quoted(text, mask, a.start, a.end) else "indirect")
                if a.speaker is None or fold(a.mention or "") in DEICTIC else a
                for a in results[j]
            ]


def carry_quotes(text: str, quotes: list[Quote], mask: bytearray, persons: dict[str, str],
                 sents: list[tuple[Block, Any]], results: list[list[Attributed]],
                 topics: list[Attributed | None] | None = None) -> None:
    """Sentences inside a quotation take the speaker its cue names, even
    when the cue comes paragraphs later (""…, the EU said."). ``topics``
    gives, for each sentence without a cue, the person who is its subject."""
    spans = [(block.start + s.start_char, block.start + s.end_char) for block, s in sents]
    for q in quotes:
        owners = [i for i, (a, b) in enumerate(spans) if a < q.end and q.start < b]
        if not owners:
            continue
        speaker = signed(text, persons, q)
        for i in (owners[-1], owners[0]) if speaker is None else ():
            said = [p for p in results[i] if p.speaker]
            if said:
                # The part that holds the quoted words owns them, not a
                # clause after them ("...," Sanders said, going on to
                # contrast Clinton's proposals).
                speaker = max(said, key=lambda p: (_overlap(p, q), p.end - p.start))
                break
        if speaker is None:
            speaker = _signed_after(text, mask, spans, results, owners[-1])
        if speaker is None:
            speaker = _message_from(text, mask, persons, sents, spans, owners[-1])
        if speaker is None:
            # A quoted paragraph right after an attributed one continues it.
            before = owners[0] - 1
            if before >= 0 and spans[owners[0]][0] - spans[before][1] < 3 and results[before][-1].speaker:
                if mostly_quoted(text, mask, *spans[owners[0]]):
                    speaker = results[before][-1]
            # A quotation with no cue right after a sentence about one person
            # is that person's: news introduces a speaker, then quotes
            # ("Kerr was defiant.\n\n"We will rebuild."").
            elif (topics and before >= 0 and topics[before] is not None and spans[owners[0]][0] - spans[before][1] < 4
                  and mostly_quoted(text, mask, *spans[owners[0]])):
                speaker = topics[before]
            elif mostly_quoted(text, mask, *spans[owners[0]]):
                speaker = _last_quoted(mask, sents, spans, results, owners[0])
        if speaker is None:
            continue
        for i in owners:
            parts = results[i]
            if len(parts) == 1 and parts[0].speaker is None and mostly_quoted(text, mask, *spans[i]):
                parts[0] = retold(speaker, parts[0].start, parts[0].end, "direct")


def _last_quoted(mask: bytearray, sents: list[tuple[Block, Any]], spans: list[tuple[int, int]],
                 results: list[list[Attributed]], i: int) -> Attributed | None:
    """The person quoted last, a few sentences before sentence ``i``: a
    quotation with no cue and no one named before it goes on the words of
    the last person quoted (news quotes one speaker, gives context, quotes
    them again). Another person named in between ends it."""
    for j in range(i - 1, max(i - 4, -1), -1):
        if spans[i][0] - spans[j][1] > 600:
            return None
        said = [p for p in results[j] if p.speaker]
        if said:
            p = said[-1]
            quoted = any(mask[k] for k in range(p.start, p.end))
            return p if p.category == "person" and quoted else None
        sent = sents[j][1]
        if any(e.label_ == "PERSON" for e in sent.ents) or any(
                t.pos_ == "PROPN" and (t.dep_ == "nsubj" or t.dep_ == "appos" and t.head.dep_ == "nsubj") for t in sent):
            return None
    return None


def _signed_after(text: str, mask: bytearray, spans: list[tuple[int, int]], results: list[list[Attributed]],
                  i: int) -> Attributed | None:
    """'"We will rebuild." Kerr said that on Monday.': a quoted sentence
    whose speaker comes in a short report right after it, in the same
    paragraph, with no words of its own to report."""
    j = i + 1
    if j >= len(spans) or not mostly_quoted(text, mask, *spans[i]) or "\n" in text[spans[i][1] : spans[j][0]]:
        return None
    said = [p for p in results[j] if p.speaker and p.category == "person"]
    if len(results[j]) != 1 or not said or said[0].mention_end is None:
        return None
    rest = text[said[0].mention_end : spans[j][1]]
    return said[0] if sum(c.isalnum() for c in rest) <= 20 and not any(mask[spans[j][0] : spans[j][1]]) else None


# Nouns for what a quotation was, in "That was the message from Gov. Lee".
MESSAGE_NOUNS = {"message", "word", "words", "warning", "verdict", "assessment", "view", "reaction",
                 "response", "plea", "promise", "pledge", "advice", "sentiment", "argument", "prediction"}


def _message_from(text: str, mask: bytearray, persons: dict[str, str], sents: list[tuple[Block, Any]],
                  spans: list[tuple[int, int]], i: int) -> Attributed | None:
    """MESSAGE_FROM: '"We will rebuild." / That was the message from Mayor
    Dan Kerr on Monday.': a quotation with no cue, then a sentence that says
    what it was ("that was the message", "those were the words") and whose
    it was, a person named after "from" or "of"."""
    j = i + 1
    if j >= len(spans) or not mostly_quoted(text, mask, *spans[i]) or text[spans[i][1] : spans[j][0]].strip():
        return None
    sent = sents[j][1]
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    if root.lemma_ != "be" or subj is None or subj.lower_ not in ("that", "this", "those", "these", "such") \
            or attr is None or attr.lemma_.lower() not in MESSAGE_NOUNS:
        return None
    prep = next((c for c in attr.children if c.dep_ == "prep" and c.lower_ in ("from", "of")), None)
    who = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if who is None or who.ent_type_ != "PERSON":
        return None
    toks = [t for t in who.subtree if t.ent_type_ == "PERSON"]
    block = sents[j][0]
    m0, m1 = block.start + toks[0].idx, block.start + toks[-1].idx + len(toks[-1].text)
    name = text[m0:m1]
    speaker = persons.get(fold(name.split()[-1]), name)
    return Attributed(m0, m1, speaker, name, m0, m1, attr.text, "direct", person=True, category="person")


def _overlap(part: Attributed, q: Quote) -> int:
    return sum(max(0, min(part.end, b) - max(part.start, a)) for a, b in q.segments)


def signed(text: str, persons: dict[str, str], q: Quote) -> Attributed | None:
    """A quotation signed with a dash and a name: "…” ― Sonya Herridge", and
    a post embedded with its handle and date."""
    i = q.end
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[i:line_end]
    # the name ends its line, or the next quotation follows it on the line
    # (a text set on one line: "… ” ― Sonya Herridge “During the debate …")
    # A post embedded from Twitter signs itself with the handle and the date:
    # "… ” — Donald Trump (@realDonaldTrump) March 1, 2019" (EMBEDDED_POST).
    m = re.match(r"[”\"'»]*\s*[―—–-]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"
                 r"(?:\s*\(@\w+\))?(?:\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?"
                 r"\s*[,.]?\s*(?:$|(?=[“\"«]))", rest)
    if not m:
        return None
    name = m.group(1)
    m0 = i + m.start(1)
    speaker = persons.get(fold(name.split()[-1]), name)
    return Attributed(m0, m0 + len(name), speaker, name, m0, m0 + len(name), "―", "direct",
                      person=True, category="person")
