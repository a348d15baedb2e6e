"""Sentences and reparses: where spaCy's small model splits or tags news text
wrong, and how a sentence is mended before cues are read from it.

Pure functions over parsed blocks; offsets stay the text's own (a reparse
keeps every character in place).
"""

from __future__ import annotations

import re
from typing import Any

from .cues import STRONG_CUES, WEAK_CUES

_SPEECH = STRONG_CUES | WEAK_CUES
from .names import fold
from ..nlp import Block


def sentences(blocks: list[Block], text: str) -> list[tuple[Block, Any]]:
    """Sentences of all blocks; a piece that starts in lower case is glued back
    to the sentence before it (the parser splits after ``!”`` or ``?”``)."""
    out: list[tuple[Block, Any]] = []
    for block in blocks:
        sents = list(block.doc.sents)
        merged: list[Any] = []
        for s in sents:
            first = next((t for t in s if not t.is_punct and not t.is_space), None)
            # "WALLACE:" parsed as a sentence of its own: a colon introduces what follows.
            label = merged and merged[-1][-1].text == ":" and len(merged[-1]) <= 6
            # "Clinton mentioned disparaging remarks | Trump had made ...": a
            # piece that ends on a word, without closing punctuation, was cut
            # in the middle of a sentence.
            cut = merged and (merged[-1][-1].is_alpha and not merged[-1][-1].is_punct) and len(merged[-1]) > 2
            # "said Ald. | Anthony Beale": a title's abbreviation is no sentence's end (TITLE_CUT).
            titled = merged and first is not None and first.is_title and _ends_on_title(merged[-1])
            tagged = merged and _quote_then_tag(merged[-1], s)
            if merged and first is not None and (first.is_lower and first.pos_ not in ("NUM",) or label or cut or titled
                                                 or tagged):
                prev = merged[-1]
                merged[-1] = block.doc[prev.start : s.end]
            else:
                merged.append(s)
        out.extend((block, s) for s in merged)
    return out



# The longest speech tag that is read as the end of a quotation before it:
# '"Why not?" Price asked the crowd on Monday.' (subject, verb, a few words).
TAG_TOKENS = 10
# The most words after the verb of a longer tag ("... said in an interview on Monday").
TAG_AFTER = 6


def _quote_then_tag(prev: Any, sent: Any) -> bool:
    """SPEECH_TAG_AFTER_QUESTION: '"Is this the best we can do?" Price said.'
    The parser ends a sentence at a quotation closed after "?" or "!" when the
    next word is capitalised; a short tag that follows, a verb of speech after
    its subject with no clause of its own to report (its object, "told
    reporters", is whom it was said to), finishes that sentence."""
    toks = [t for t in prev if not t.is_space]
    if len(toks) < 3 or toks[-1].text not in ('"', "”", "’", "'") or toks[-2].text not in ("?", "!"):
        return False
    words = [t for t in sent if not t.is_space]
    if not words or words[0].is_punct:
        return False
    verb = next((t for t in words if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _SPEECH), None)
    if verb is None or verb.i == words[0].i or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    if len(words) <= TAG_TOKENS:
        return True
    # A longer tag is its subject, however long ("Scott's niece, state Del.
    # Marcia Price, said on Monday"), the verb and a few words more.
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    before = [t for t in words if t.i < verb.i and not t.is_punct]
    after = [t for t in words if t.i > verb.i and not t.is_punct]
    return all(subject.left_edge.i <= t.i <= subject.right_edge.i for t in before) and len(after) <= TAG_AFTER


# Abbreviated titles written before a name ("Ald. Anthony Beale", "Supt.
# Larry Snelling"): the period after them ends no sentence. AP style and
# common newsroom usage.
# "Dr." is left out: it also ends a street's name ("Oak Dr.").
TITLE_ABBREVIATIONS = {"mr", "mrs", "ms", "sen", "rep", "gov", "lt", "sgt", "capt", "col", "gen", "adm",
                       "ald", "del", "supt", "cmdr", "insp", "det", "atty", "rev", "prof", "pres", "cpl", "pvt",
                       "maj", "amb"}


def _ends_on_title(sent: Any) -> bool:
    """Whether a sentence ends on an abbreviated title and its period."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) >= 2 and toks[-1].text == "." and toks[-2].lower_ in TITLE_ABBREVIATIONS:
        return True
    return bool(toks) and toks[-1].lower_.rstrip(".") in TITLE_ABBREVIATIONS and toks[-1].text.endswith(".")


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
SMALL_WORDS = {"a", "an", "the", "to", "as", "of", "on", "in", "for", "at", "by", "and", "or", "but", "with", "from", "is", "are", "be"}


def sentence_cased(block: Block, text: str) -> Block:
    """A Title Case Headline parsed as a sentence: "Sanders Vows To Eliminate
    Tax Breaks" -> "Sanders vows to eliminate tax breaks". The tagger reads
    every capitalised word as a name; a word goes to lower case when the
    article spells it in lower case more often than capitalised. Offsets are
    kept (same length), so spans still point into the original text."""
    line = text[block.start : block.end]
    words = _WORD.findall(line)
    if len(words) < 4 or "\n" in line:
        return block
    caps = sum(w[0].isupper() for w in words)
    if caps < 0.75 * len(words):
        return block
    body = text[: block.start] + text[block.end :]
    lower = {}
    for w in _WORD.findall(body):
        key = w.lower()
        lower[key] = lower.get(key, 0) + (1 if w[0].islower() else -1)
    out = []
    last = 0
    for n, m in enumerate(_WORD.finditer(line)):
        w = m.group()
        key = w.lower()
        # Not seen in the body at all: a verb or a common noun more likely
        # than a name, since a headline's names come back in its story.
        if n > 0 and (key in SMALL_WORDS or lower.get(key, 0) >= 0) and len(key) == len(w):
            w = key
        out.append(line[last : m.start()] + w)
        last = m.end()
    recased = "".join(out) + line[last:]
    if recased == line:
        return block
    from ..nlp import parse  # spaCy is loaded already: the blocks came from it

    parsed = parse(recased)
    if len(parsed) != 1 or parsed[0].start != 0 or len(parsed[0].doc.text) != len(line):
        return block
    return Block(block.start, block.end, parsed[0].doc)


def title_before(block: Block, starts: list[int]) -> Block:
    """A person's name opening a sentence, parsed as if a title stood before
    it. The tagger reads a sentence-initial "Trump openly admires ..." or
    "Trump questions the fairness ..." as a verb or a noun and the sentence
    loses its subject; "Mr. Trump questions ..." parses right. The title is
    parsed and then dropped, so the words and offsets are the text's own."""
    from spacy.tokens import Doc

    from ..nlp import load_nlp

    nlp = load_nlp()
    doc = block.doc
    words, spaces = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
    for n, i in enumerate(sorted(starts)):
        words.insert(i + n, "Mr.")
        spaces.insert(i + n, True)
    parsed = nlp(Doc(nlp.vocab, words=words, spaces=spaces))
    added = {i + n for n, i in enumerate(sorted(starts))}
    keep = [t for t in parsed if t.i not in added]
    index = {t.i: n for n, t in enumerate(keep)}

    def head(t: Any) -> int:
        h = t.head
        while h.i in added and h.head.i != h.i:
            h = h.head
        return index.get(h.i, index[t.i])

    ents = []
    for t in keep:
        iob = t.ent_iob_ or "O"
        if iob == "I" and t.i - 1 in added:
            iob = "B"  # "Mr. Trump" was one entity; "Trump" begins it now
        ents.append("O" if iob == "O" else f"{iob}-{t.ent_type_}")
    fixed = Doc(
        nlp.vocab, words=[t.text for t in keep], spaces=[bool(t.whitespace_) for t in keep],
        tags=[t.tag_ for t in keep], pos=[t.pos_ for t in keep], morphs=[str(t.morph) for t in keep],
        lemmas=[t.lemma_ for t in keep], heads=[head(t) for t in keep],
        deps=["ROOT" if head(t) == index[t.i] else t.dep_ for t in keep], ents=ents,
    )
    if fixed.text != doc.text:
        return block
    return Block(block.start, block.end, fixed)


def names_as_verbs(blocks: list[Block]) -> list[Block]:
    """Blocks reparsed where a sentence opens with the surname of a person
    the article names elsewhere but the tagger took it for a verb or a
    common noun ("Trump charges that ...")."""
    surnames = {fold(e.text.split()[-1]) for b in blocks for e in b.doc.ents if e.label_ == "PERSON" and e.text.split()}
    out = []
    for b in blocks:
        starts = []
        for sent in b.doc.sents:
            first = next((t for t in sent if not t.is_punct and not t.is_space), None)
            nxt = b.doc[first.i + 1] if first is not None and first.i + 1 < len(b.doc) else None
            if (first is not None and first.is_title and first.pos_ not in ("PROPN", "PRON", "DET")
                    and fold(first.text) in surnames and nxt is not None and not nxt.is_title
                    and first.ent_type_ != "PERSON"):
                starts.append(first.i)
            elif (first is not None and first.pos_ == "PROPN" and first.dep_ == "ROOT" and fold(first.text) in surnames
                    and nxt is not None and nxt.dep_ == "acl" and nxt.tag_ == "VBN" and nxt.head.i == first.i):
                # "Trump called Pelosi ...": the name read as a noun phrase
                # with "called" a participle after it, and no verb left
                # (NAME_AS_NOUN_PHRASE).
                starts.append(first.i)
        out.append(title_before(b, starts) if starts else b)
    return out
