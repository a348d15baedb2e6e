"""Who said what: a sentence split among its cues, each part given a speaker.

The method follows the attribution literature (Pareti's PARC and the PolNeAR
annotation, Newell et al. 2018): an attribution is a *source* (the speaker),
a *cue* (the verb or phrase that reports) and a *content*. The cues are found
in the dependency parse by ``cues``; this module splits each sentence among
them. ``speakers`` resolves each source to a canonical speaker against what
``context`` records the article has named (with ``gender`` for pronouns),
``labels`` reads "NAME:" labels, ``carry`` takes speakers over quotes and
paragraphs, ``reparse`` mends sentences the parser splits or tags wrong.
"""

from __future__ import annotations

from typing import Any

from .carry import carry_quotes, introduced, mostly_quoted, quoted_words
from .claimspan import Attributed, retold
from .cues import Cue, cues_in, mention_tokens, offset, reports, subordinate, top_cues
from .labels import labelled
from ..nlp import Block
from ..read.paragraphs import flowed
from .quotes import quoted_mask, quotes
from .reparse import names_as_verbs, sentence_cased, sentences
from .speakers import Speakers


class Attributor:
    """Reads the attributions of one document."""

    def __init__(self, text: str, blocks: list[Block]) -> None:
        self.text = text
        self.blocks = names_as_verbs([sentence_cased(b, text) for b in blocks])
        self.quotes = quotes(text)
        self.mask = quoted_mask(text, self.quotes)
        self.speakers = Speakers(text, self.blocks, self.mask)

    def attributions(self) -> list[Attributed]:
        """Every sentence (or part of one) with its speaker, in text order."""
        sents = sentences(self.blocks, self.text)
        results: list[list[Attributed]] = []
        turn: tuple[Block, Attributed] | None = None  # the transcript label whose turn this is
        topics: list[Attributed | None] = []  # the person each sentence without a cue is about
        for block, sent in sents:
            cues = cues_in(sent, block, self.mask)
            topics.append(None if cues else self._topic(block, sent))
            s0, s1 = block.start + sent.start_char, block.start + sent.end_char
            parts = [Attributed(a, b) if cue is None else self._attribute(block, sent, cue, a, b)
                     for a, b, cue in self._pieces(block, sent, cues)]
            label = labelled(self.speakers, self.mask, block, sent)
            if label is not None and all(offset(block, c.verb) > label.mention_end for c in cues):
                parts = [label]  # "Pence: Trump Was 'Mocking' Clinton Camp"
                # "PENCE: Well, look. ... Donald Trump was mocking ...": a
                # transcript label owns its whole turn, the reports nested in
                # it included (the outer speaker, as PARC labels them).
                turn = (block, label) if label.mention and label.mention.isupper() else None
            elif turn is not None and turn[0] is block:
                parts = [retold(turn[1], s0, s1, "direct")]
            elif not cues:
                parts = [self._colon_quote(block, sent) or Attributed(s0, s1)]
            results.append(parts)
        introduced(self.text, self.mask, sents, results)
        carry_quotes(self.text, self.quotes, self.mask, self.speakers.ctx.persons, sents, results, topics)
        flat = [a for parts in results for a in parts]
        for a in flat:
            a.quote = quoted_words(self.text, self.quotes, a.start, a.end)
        return flat

    def _pieces(self, block: Block, sent: Any, cues: list[Cue]) -> list[tuple[int, int, Cue | None]]:
        """The sentence cut among its cues: (start, end, cue) in text order."""
        s0, s1 = block.start + sent.start_char, block.start + sent.end_char
        # "..., when Clinton cited X", "Obama, who understood that ...":
        # a cue in an adverbial or relative clause owns that clause only;
        # the rest of the sentence belongs to the main cue, if any.
        clauses: list[tuple[int, int, Cue]] = []
        subs = [c for c in cues if subordinate(c) and not any(reports(o, c) for o in cues if o is not c)]
        for c in sorted(subs, key=lambda c: c.verb.left_edge.i - c.verb.right_edge.i):
            a, b = self._clause(block, c)
            if not any(a < y and x < b for x, y, _ in clauses):
                clauses.append((a, b, c))
        clauses.sort(key=lambda x: x[0])
        top = top_cues([c for c in cues if not any(c is x[2] for x in clauses)])
        base = [(*self._part(block, sent, top, n), cue) for n, cue in enumerate(top)] or [(s0, s1, None)]
        pieces: list[tuple[int, int, Cue | None]] = []
        for a, b, cue in base:
            cur = a
            for x, y, sub in clauses:
                if x >= b or y <= a or x < cur:
                    continue
                if self._words(cur, x):
                    pieces.append((cur, x, cue))
                pieces.append((x, min(y, b), sub))
                cur = min(y, b)
            if cur == a or self._words(cur, b):
                pieces.append((cur, b, cue))
        return pieces

    def _topic(self, block: Block, sent: Any) -> Attributed | None:
        """The person a sentence is about: its main verb's subject, when that
        names a person ("Mayor Dan Kerr was defiant on Monday.", "He smiled.")."""
        return self._person_subject(block, next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None))

    def _person_subject(self, block: Block, subj: Any | None) -> Attributed | None:
        if subj is None or self.mask[offset(block, subj)]:
            return None
        return self.speakers.as_person(subj)

    def _colon_quote(self, block: Block, sent: Any) -> Attributed | None:
        """"Klein put it bluntly: "They ignore us."": a quotation after a colon
        belongs to the person who is the subject of the words before it."""
        s0, s1 = block.start + sent.start_char, block.start + sent.end_char
        colon = next((t for t in sent if t.text == ":" and not self.mask[offset(block, t)]), None)
        if colon is None or not mostly_quoted(self.text, self.mask, offset(block, colon) + 1, s1):
            return None
        subjects = [t for t in sent.doc[sent.start : colon.i] if t.dep_ == "nsubj" and t.head.i < colon.i]
        said = self._person_subject(block, subjects[-1] if subjects else None)
        return retold(said, s0, s1, "mixed") if said else None

    def _clause(self, block: Block, cue: Cue) -> tuple[int, int]:
        """The span of a subordinate cue's clause, its subject included."""
        verb = cue.verb
        a = block.start + verb.left_edge.idx
        b = block.start + verb.right_edge.idx + len(verb.right_edge.text)
        if cue.subject is not None:
            a = min(a, block.start + cue.subject.left_edge.idx)
        return a, b

    def _words(self, a: int, b: int) -> bool:
        return sum(c.isalnum() for c in self.text[a:b]) >= 12

    def _part(self, block: Block, sent: Any, top: list[Cue], n: int) -> tuple[int, int]:
        s0, s1 = block.start + sent.start_char, block.start + sent.end_char
        if len(top) == 1:
            return s0, s1
        # Coordinated cues split the sentence at the conjunction before the next speaker.
        starts, ends = [], []
        for c in top:
            subj = c.subject if c.subject is not None else c.verb
            left = min(subj.left_edge.i, c.verb.i)
            starts.append(block.start + sent.doc[left].idx)
            if left > sent.start and sent.doc[left - 1].dep_ == "cc":
                left -= 1
            ends.append(block.start + sent.doc[left].idx)
        start = s0 if n == 0 else starts[n]
        end = s1 if n == len(top) - 1 else ends[n + 1]
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end


    def _attribute(self, block: Block, sent: Any, cue: Cue, start: int, end: int) -> Attributed:
        head = cue.subject
        if head is None:  # a cue with no one behind it ("filing a false police report")
            return Attributed(start, end)
        toks = mention_tokens(head)
        speaker, category = self.speakers.resolve(head, toks)
        m0 = offset(block, toks[0])
        m1 = offset(block, toks[-1]) + len(toks[-1].text)
        mention = self.text[m0:m1]
        if speaker:
            self.speakers.ctx.heard(speaker, category, head, m0, mention, sent)
        cue_text = "according to" if cue.verb.lower_ == "according" else cue.verb.text
        quoted = sum(self.mask[start:end])
        v0 = offset(block, cue.verb)
        v1 = v0 + len(cue.verb.text)
        # The speaker's and the cue's words are not content: '"No," Ortiz said' is direct.
        content = sum(1 for i in range(start, end) if self.text[i].isalnum() and not (m0 <= i < m1 or v0 <= i < v1))
        in_quote = sum(1 for i in range(start, end) if self.mask[i] and self.text[i].isalnum())
        kind = "indirect" if not quoted else "direct" if in_quote >= 0.85 * max(content, 1) else "mixed"
        return Attributed(start, end, speaker or mention, mention, m0, m1, cue_text, kind,
                          person=category == "person", category=category)


def attributions(text: str, blocks: list[Block]) -> list[Attributed]:
    """Each sentence of a parsed document, or each part of it that a different
    speaker owns, with the speaker resolved to a canonical name."""
    # Paragraphs are those of the text flowed: a wrapped line runs on.
    return Attributor(flowed(text), blocks).attributions()


__all__ = ["Attributed", "attributions"]
