"""Who said what: cues, speakers, quotes over paragraphs, canonical speakers.

The method follows the attribution literature (Pareti's PARC and the PolNeAR
annotation, Newell et al. 2018): an attribution is a *source* (the speaker),
a *cue* (the verb or phrase that reports) and a *content*. The cues are found
in the dependency parse by ``cues``; this module splits sentences among them,
resolves each source to a canonical speaker (pronouns, descriptions, capitals,
collectives), and carries quotes over paragraphs. Each rule names its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from typing import Any

from .cues import (
    DOC_NOUNS, ROLE_NOUNS, Cue, cues_in, mention_tokens, offset, reports, subordinate, top_cues,
)
from .names import COLLECTIVES, alias, fold, strip_titles
from ..nlp import Block
from .quotes import Quote, quoted_mask, quotes

# Headline labels that name no speaker ("Update: ...", "The Latest: ...").
LABEL_WORDS = {
    "update", "updated", "breaking", "breaking news", "exclusive", "watch",
    "analysis", "opinion", "editorial", "live", "video", "photos", "factbox",
    "explainer", "the latest", "latest", "correction", "editor s note", "note",
    "q a", "read more", "related", "see also", "source", "sources", "photo",
    "clarification", "editor's note", "disclosure", "advertisement", "transcript",
}
# Titles that only people bear: "Governor Ana Ruiz" is a person.
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative",
    "gov", "governor", "mayor", "president", "minister", "secretary", "judge",
    "justice", "gen", "general", "col", "lt", "capt", "sgt", "coach", "rev",
    "father", "sister", "prof", "professor", "chancellor", "ambassador", "sheriff",
    "commissioner", "councilman", "councilwoman", "officer", "detective", "chief",
}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Link words inside a headline label: "Obama on Climate Change: ...".
LABEL_LINKS = {"on", "of", "about", "to", "at", "in", "for"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
ORG_PRONOUNS = {"it"}
GROUP_PRONOUNS = {"they", "them"}
RELATIVE = {"who", "which", "that", "whom"}
# Sources that point at the situation of speech: inside quoted or introduced
# words they stand for the speaker or the one spoken to.
DEICTIC = {"i", "we", "you", "me", "us"}


@dataclass
class Attributed:
    """A claim span and who made it (speaker None: the outlet's own voice)."""

    start: int
    end: int
    speaker: str | None = None
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    kind: str | None = None
    quote: str | None = None
    person: bool = False
    category: str | None = None


@dataclass
class _Context:
    """What the article has said so far, for pronouns and descriptions."""

    persons: dict[str, str] = field(default_factory=dict)  # folded surname -> full name
    bodies: set[str] = field(default_factory=set)  # canonical bodies named anywhere
    speakers: list[tuple[str, str, str]] = field(default_factory=list)  # (name, category, head)
    issuer: str | None = None  # who put out "the statement"

    def last(self, category: str | None = None, head: str | None = None) -> str | None:
        for name, cat, h in reversed(self.speakers[-8:]):
            if (category is None or cat == category) and (head is None or h == head):
                return name
        return None


def _sentences(blocks: list[Block], text: str) -> list[tuple[Block, Any]]:
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
            if merged and first is not None and (first.is_lower and first.pos_ not in ("NUM",) or label or cut):
                prev = merged[-1]
                merged[-1] = block.doc[prev.start : s.end]
            else:
                merged.append(s)
        out.extend((block, s) for s in merged)
    return out


def _conj_root(tok: Any) -> Any:
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
SMALL_WORDS = {"a", "an", "the", "to", "as", "of", "on", "in", "for", "at", "by", "and", "or", "but", "with", "from", "is", "are", "be"}


def _sentence_cased(block: Block, text: str) -> Block:
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


def _title_before(block: Block, starts: list[int]) -> Block:
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


class Attributor:
    """Reads the attributions of one document."""

    def __init__(self, text: str, blocks: list[Block]) -> None:
        self.text = text
        self.blocks = [_sentence_cased(b, text) for b in blocks]
        self.blocks = self._names_as_verbs(self.blocks)
        self.quotes = quotes(text)
        self.mask = quoted_mask(text, self.quotes)
        self.ctx = _Context()
        self._starts = {id(b.doc): b.start for b in self.blocks}
        self._named: dict[str, list[tuple[int, str]]] = {}  # surname -> (offset, full name)
        self._subjects: list[tuple[int, str]] = []  # people named as subjects, for he/she
        self._said_at: dict[str, int] = {}  # speaker -> offset of its latest mention
        self._learn_names()

    @staticmethod
    def _names_as_verbs(blocks: list[Block]) -> list[Block]:
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
            out.append(_title_before(b, starts) if starts else b)
        return out

    def _phrase(self, toks: list[Any]) -> str:
        """The words of ``toks`` as the text spells them ("30-second spot", not
        "30 - second spot"; a headline's case, not the parse's)."""
        if not toks:
            return ""
        start = self._starts[id(toks[0].doc)]
        return self.text[start + toks[0].idx : start + toks[-1].idx + len(toks[-1].text)].strip()

    def _learn_names(self) -> None:
        for block in self.blocks:
            for ent in block.doc.ents:
                if ent.label_ == "PERSON":
                    name = strip_titles(ent.text.strip())
                    if name.isupper():  # "WALLACE" in a transcript is Wallace
                        name = name.title()
                    words = [w for w in name.split() if fold(w) not in NAME_SUFFIXES]
                    if not words:
                        continue
                    key = fold(words[-1])
                    if len(words) >= len(self.ctx.persons.get(key, "").split()):
                        self.ctx.persons[key] = name
                    pos = block.start + ent.start_char
                    if len(words) > 1:
                        self._named.setdefault(key, []).append((pos, name))
                    if ent.root.dep_ in ("nsubj", "nsubjpass"):
                        self._subjects.append((pos, name))
                elif ent.label_ in ("ORG", "GPE", "NORP"):
                    canon = alias(ent.text)
                    self.ctx.bodies.add(canon or ent.text.strip())

    # -- speakers -----------------------------------------------------------

    def _person(self, toks: list[Any]) -> str | None:
        """The full name of a person named in ``toks``, if one is."""
        propn = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.is_title]
        for t in reversed(propn):
            key = fold(t.text)
            named = self._named.get(key)
            if named:
                # Two people may share a surname (Barack and Michelle Obama):
                # "Obama" is the one named in full most recently before it.
                at = self._at(t)
                before = [n for p, n in named if p <= at]
                full = before[-1] if before else named[0][1]
                return self.ctx.persons.get(key) if fold(full) == fold(self.ctx.persons.get(key, "")) else full
            full = self.ctx.persons.get(key)
            if full:
                return full
        ents = [t for t in toks if t.ent_type_ == "PERSON"]
        if ents:
            return strip_titles(" ".join(t.text for t in ents))
        return None

    def _at(self, tok: Any) -> int:
        return self._starts[id(tok.doc)] + tok.idx

    def _antecedent(self, pronoun: Any) -> str | None:
        """"He", "she": the person named as a subject most recently before,
        unless a person quoted since is closer (centering: subjects first)."""
        at = self._at(pronoun)
        named = [(p, n) for p, n in self._subjects if p < at and at - p < 1500]
        last_said = self.ctx.last("person")
        if not named:
            return last_said
        pos, name = named[-1]
        if last_said and self._said_at.get(last_said, -1) > pos:
            return last_said
        full = self._person_named(name)
        return full or name

    def _person_named(self, name: str) -> str | None:
        return self.ctx.persons.get(fold(name.split()[-1])) if name.split() else None

    def resolve(self, head: Any, toks: list[Any]) -> tuple[str | None, str]:
        """The canonical speaker named by a mention, and its category."""
        low = head.lower_
        if low in RELATIVE and head.head.dep_ == "relcl":
            antecedent = head.head.head  # "a man who said" -> the man
            return self.resolve(antecedent, mention_tokens(antecedent))
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS | ORG_PRONOUNS | GROUP_PRONOUNS:
            if low in PERSON_PRONOUNS:
                return self._antecedent(head), "person"
            if low in ORG_PRONOUNS:
                return self.ctx.last("body") or self.ctx.last(), "body"
            if low in GROUP_PRONOUNS:
                return self.ctx.last("body") or self.ctx.last("group"), "group"
            return None, "other"  # I, we, you: the mention is all there is
        # Coordinated speakers ("Mr. Grassley and Mr. Leahy"): nouns joined to
        # the head itself, not adjectives ("the Armenian and Azerbaijani leaders").
        conjs = [t for t in head.subtree if t.dep_ == "conj" and t in toks and t.pos_ in ("NOUN", "PROPN")
                 and _conj_root(t) == head]
        if conjs and any(t.lower_ == "and" for t in toks):
            parts = [head] + conjs
            names = [self.resolve(p, [x for x in p.subtree if x in toks and x.dep_ not in ("cc", "conj") or x == p])[0] or p.text for p in parts]
            return " and ".join(dict.fromkeys(names)), "group"
        # "The finance minister, Lena Brandt, said": the apposition names the speaker.
        named = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        person = self._person(toks) or (
            self._person([t for t in named[0].subtree if t.i <= named[0].i]) if head.pos_ == "NOUN" and named else None
        )
        if person:
            key = fold(person.split()[-1])
            if len(person.split()) > len(self.ctx.persons.get(key, "").split()):
                self.ctx.persons[key] = person
            return person, "person"
        lemma = head.lemma_.lower()
        if lemma in DOC_NOUNS and head.pos_ != "PROPN":  # "The Washington Post" is no post
            issuer = [t for t in toks if t.i < head.i and t.dep_ in ("poss", "compound", "nmod", "amod") and (t.pos_ == "PROPN" or t.ent_type_)]
            if issuer:
                first = min(issuer, key=lambda t: t.left_edge.i)
                span = [t for t in toks if first.left_edge.i <= t.i < head.i and t.dep_ != "case" and t.text not in ("’s", "'s")]
                name = self._phrase([t for t in span if t.lower_ not in ("a", "an", "the")])
                return alias(name) or name, "body"
            return self.ctx.issuer or self.ctx.last("body") or self.ctx.last(), "body"
        has_propn = any(t.pos_ == "PROPN" for t in toks)
        if head.pos_ != "PROPN" and any(t.lower_ in ("the", "this", "that") for t in toks if t.i < head.i):
            for noun, bodies in COLLECTIVES.items():
                if noun.split()[-1] == lemma:
                    for body in bodies:
                        if body in self.ctx.bodies:
                            return body, "body"
            if lemma in ROLE_NOUNS and head.tag_ != "NNS":  # "the officials" are not one person
                same = self.ctx.last(head=lemma)
                if same:
                    return same, "person"
                return self.ctx.last("person"), "person"
        name = self._phrase([t for t in toks if not (t.i == toks[0].i and t.lower_ in ("the", "a", "an"))])
        canon = alias(name)
        if canon:
            return canon, "body"
        if head.pos_ == "PROPN" and toks[0].lower_.rstrip(".") in PERSON_TITLES:
            # "Governor Ana Ruiz" that the tagger did not take for a person.
            return strip_titles(name), "person"
        category = "person" if lemma in ROLE_NOUNS else "body" if has_propn else "other"
        return name.replace(" ’s", "’s").replace(" 's", "'s"), category

    # -- sentences ----------------------------------------------------------

    def attributions(self) -> list[Attributed]:
        """Every sentence (or part of one) with its speaker, in text order."""
        sents = _sentences(self.blocks, self.text)
        results: list[list[Attributed]] = []
        turn: tuple[Block, Attributed] | None = None  # the transcript label whose turn this is
        for block, sent in sents:
            cues = cues_in(sent, block, self.mask)
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
            parts: list[Attributed] = []
            for a, b, cue in pieces:
                parts.append(Attributed(a, b) if cue is None else self._attribute(block, sent, cue, a, b))
            labelled = self._labelled(block, sent)
            if labelled is not None and all(offset(block, c.verb) > labelled.mention_end for c in cues):
                parts = [labelled]  # "Pence: Trump Was 'Mocking' Clinton Camp"
                # "PENCE: Well, look. ... Donald Trump was mocking ...": a
                # transcript label owns its whole turn, the reports nested in
                # it included (the outer speaker, as PARC labels them).
                turn = (block, labelled) if labelled.mention and labelled.mention.isupper() else None
            elif turn is not None and turn[0] is block:
                a = turn[1]
                parts = [Attributed(s0, s1, a.speaker, a.mention, a.mention_start, a.mention_end, a.cue,
                                    "direct", person=a.person, category=a.category)]
            elif not cues:
                parts = [Attributed(s0, s1)]
            results.append(parts)
        self._introduced(sents, results)
        self._carry_quotes(sents, results)
        flat = [a for parts in results for a in parts]
        for a in flat:
            a.quote = self._quoted_words(a.start, a.end)
        return flat

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

    def _labelled(self, block: Block, sent: Any) -> Attributed | None:
        """"WALLACE: ..." in a transcript, "Caddell: voters worried" or "Obama
        on Climate Change: ..." in a headline: the label speaks."""
        colon = next((t for t in sent[:8] if t.text == ":"), None)
        if colon is None or colon.i == sent.start:
            return None
        label = [t for t in sent.doc[sent.start : colon.i]]
        while label and label[0].is_punct:
            label.pop(0)  # a transcript quoted whole: '"WALLACE: ...'
        if not label:
            return None
        transcript = all(t.is_upper or t.is_punct for t in label) and any(len(t) > 1 for t in label)
        if self.mask[offset(block, colon)] and not transcript:
            return None
        if fold(self._phrase(label)) in LABEL_WORDS:
            return None  # "Update:", "The Latest:" name no speaker
        def capital(t: Any) -> bool:  # as the text spells it: a headline may be parsed lower-cased
            return self.text[offset(block, t)].isupper()

        if not all(t.pos_ == "PROPN" or capital(t) or t.text in (".", "-") or t.lower_ in LABEL_LINKS for t in label):
            return None
        if any(t.lower_ in LABEL_LINKS for t in label):
            # "Obama on Climate Change": the name before the link word speaks.
            label = label[: next(n for n, t in enumerate(label) if t.lower_ in LABEL_LINKS)]
            if not label or not any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or fold(t.text) in self.ctx.persons
                                    for t in label):
                return None  # "Success on Signature Issue:" is a section title
        if transcript:
            speaker = self._phrase(label).title()
            key = fold(speaker.split()[-1])
            speaker = self.ctx.persons.get(key, speaker)
            category = "person"
        else:
            head = max(label, key=lambda t: (t.head not in label, t.i))
            speaker, category = self.resolve(head, label)
        if not speaker:
            return None
        self.ctx.speakers.append((speaker, category, label[-1].lemma_.lower()))
        m0, m1 = offset(block, label[0]), offset(block, label[-1]) + len(label[-1].text)
        return Attributed(block.start + sent.start_char, block.start + sent.end_char, speaker,
                          self.text[m0:m1], m0, m1, ":", "direct", person=category == "person", category=category)

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
        speaker, category = self.resolve(head, toks)
        m0 = offset(block, toks[0])
        m1 = offset(block, toks[-1]) + len(toks[-1].text)
        mention = self.text[m0:m1]
        if speaker:
            self.ctx.speakers.append((speaker, category, head.lemma_.lower()))
            self._said_at[speaker] = m0
            if category == "body" and fold(mention) != fold(speaker):
                self.ctx.bodies.add(speaker)
            if any(t.lemma_.lower() == "statement" for t in sent):
                self.ctx.issuer = speaker
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

    def _introduced(self, sents: list[tuple[Block, Any]], results: list[list[Attributed]]) -> None:
        """A paragraph that ends "He said:" or "The Times reports:" introduces
        the next paragraph: its sentences take that speaker."""
        for i, (block, sent) in enumerate(sents[:-1]):
            said = results[i][-1]
            if not said.speaker or not self.text[: block.start + sent.end_char].rstrip().endswith(":"):
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
                    Attributed(a.start, a.end, said.speaker, said.mention, said.mention_start, said.mention_end,
                               said.cue, "direct" if self._mostly_quoted(a.start, a.end) else "indirect",
                               person=said.person, category=said.category)
                    if a.speaker is None or fold(a.mention or "") in DEICTIC else a
                    for a in results[j]
                ]

    def _carry_quotes(self, sents: list[tuple[Block, Any]], results: list[list[Attributed]]) -> None:
        """Sentences inside a quotation take the speaker its cue names, even
        when the cue comes paragraphs later (""…, the EU said.")."""
        spans = [(block.start + s.start_char, block.start + s.end_char) for block, s in sents]
        for q in self.quotes:
            owners = [i for i, (a, b) in enumerate(spans) if a < q.end and q.start < b]
            if not owners:
                continue
            speaker = self._signed(q)
            for i in (owners[-1], owners[0]) if speaker is None else ():
                said = [p for p in results[i] if p.speaker]
                if said:
                    # The part that holds the quoted words owns them, not a
                    # clause after them ("...," Sanders said, going on to
                    # contrast Clinton's proposals).
                    speaker = max(said, key=lambda p: (self._overlap(p, q), p.end - p.start))
                    break
            if speaker is None:
                # A quoted paragraph right after an attributed one continues it.
                before = owners[0] - 1
                if before >= 0 and spans[owners[0]][0] - spans[before][1] < 3 and results[before][-1].speaker:
                    if self._mostly_quoted(*spans[owners[0]]):
                        speaker = results[before][-1]
            if speaker is None:
                continue
            for i in owners:
                parts = results[i]
                if len(parts) == 1 and parts[0].speaker is None and self._mostly_quoted(*spans[i]):
                    a = parts[0]
                    parts[0] = Attributed(a.start, a.end, speaker.speaker, speaker.mention, speaker.mention_start,
                                          speaker.mention_end, speaker.cue, "direct", person=speaker.person,
                                          category=speaker.category)

    @staticmethod
    def _overlap(part: Attributed, q: Quote) -> int:
        return sum(max(0, min(part.end, b) - max(part.start, a)) for a, b in q.segments)

    def _signed(self, q: Quote) -> Attributed | None:
        """A quotation signed with a dash and a name: "…” ― Sonya Herridge"."""
        i = q.end
        line_end = self.text.find("\n", i)
        line_end = len(self.text) if line_end < 0 else line_end
        rest = self.text[i:line_end]
        m = re.match(r"[”\"'»]*\s*[―—–-]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*,?\s*$", rest)
        if not m:
            return None
        name = m.group(1)
        m0 = i + m.start(1)
        speaker = self.ctx.persons.get(fold(name.split()[-1]), name)
        return Attributed(m0, m0 + len(name), speaker, name, m0, m0 + len(name), "―", "direct",
                          person=True, category="person")

    def _mostly_quoted(self, start: int, end: int) -> bool:
        chars = [i for i in range(start, end) if self.text[i].isalnum()]
        return bool(chars) and sum(self.mask[i] for i in chars) >= 0.6 * len(chars)

    def _quoted_words(self, start: int, end: int) -> str | None:
        pieces = []
        for q in self.quotes:
            for a, b in q.segments:
                a, b = max(a, start), min(b, end)
                if b > a:
                    pieces.append(self.text[a:b].strip())
        return " … ".join(p for p in pieces if p) or None


def attributions(text: str, blocks: list[Block]) -> list[Attributed]:
    """Each sentence of a parsed document, or each part of it that a different
    speaker owns, with the speaker resolved to a canonical name."""
    return Attributor(text, blocks).attributions()


def quotations(text: str) -> list[Quote]:
    return quotes(text)


__all__ = ["Attributed", "Attributor", "attributions", "quotations"]

