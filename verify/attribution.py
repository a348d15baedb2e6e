"""Who said what: cues, speakers, quotes over paragraphs, canonical speakers.

The method follows the attribution literature (Pareti's PARC and the PolNeAR
annotation, Newell et al. 2018): an attribution is a *source* (the speaker),
a *cue* (the verb or phrase that reports) and a *content*. Cues here are
verbs of saying and their kin found in the dependency parse, plus "according
to X" and a quotation's neighbouring cue. Each rule below names its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
import re
from typing import Any

from .cues import (
    ATTITUDE_CUES, COPULAS, CUE_NOUNS, DOC_NOUNS, EVENT_NOUNS, ISSUE_VERBS, LIGHT_VERBS, ROLE_NOUNS, SPEECH_NOUNS,
    STANCE_ADJECTIVES, STANCE_CUES, STRONG_CUES, WEAK_CUES,
)
from .names import COLLECTIVES, alias, fold, strip_titles
from .nlp import Block
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
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "dobj", "prep", "advcl", "dative", "oprd"}
CUT_FROM_MENTION = {"appos", "relcl", "acl", "punct", "advcl", "prep"}


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
class _Cue:
    verb: Any  # the cue token ("said", "according")
    subject: Any | None  # head token of the speaker mention
    trailing: bool = False
    noun: bool = False  # a cue noun ("his claim that ..."): owns its noun phrase


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


def _abs(block: Block, tok: Any) -> int:
    return block.start + tok.idx


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
            if merged and first is not None and (first.is_lower and first.pos_ not in ("NUM",) or label):
                prev = merged[-1]
                merged[-1] = block.doc[prev.start : s.end]
            else:
                merged.append(s)
        out.extend((block, s) for s in merged)
    return out


def _mention_tokens(head: Any) -> list[Any]:
    """The words naming a speaker: the subject without appositions or clauses."""
    left = [t for t in head.lefts if t.dep_ not in CUT_FROM_MENTION]
    toks: list[Any] = []
    for t in left:
        toks.extend(t.subtree)
    toks.append(head)
    for t in head.rights:
        if t.dep_ in CUT_FROM_MENTION or t.dep_ == "punct":
            break
        if t.dep_ in ("cc", "conj"):
            toks.extend(t.subtree)
            continue
        toks.extend(t.subtree)
    toks = sorted(set(toks), key=lambda t: t.i)
    if toks and _is_dateline(toks[0]):  # "BRUSSELS - European leaders"
        toks = [t for t in toks if t.i > toks[0].i + 1]
    while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    return toks


def _subject(verb: Any, quoted: Callable[[Any], bool] = lambda t: False) -> Any | None:
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    # A quotation before its cue is often parsed as a second subject ("One of
    # the best," Cummings said): the speaker is the subject outside the quote.
    # A passive cue's source is its agent ("is supported by far fewer
    # papers"); the passive subject is what is said or whom it is said to.
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            return objs[0] if objs else None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    subjects = [_past_dateline(c) for c in verb.children if c.dep_ in SUBJECTS]
    outside = [c for c in subjects if not quoted(c)]
    if outside:
        return outside[-1]  # "who" in "a man who said": resolved to the man later
    if subjects:
        return subjects[0]
    # Participles and infinitives inherit the subject of the verb they hang on:
    # "the statement said, adding that ..."; "continues to accuse".
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and verb.head != verb:
        for c in verb.head.children:
            if c.dep_ in SUBJECTS:
                return c
    # "... and the Karabakh army said ...": the parser took the subject for an
    # object of the clause before; a noun phrase ending right before the verb
    # and opened by a conjunction is the verb's subject.
    if prev is not None and prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("conj", "dobj", "pobj", "appos"):
        left = prev.left_edge.i
        if left > 0 and verb.doc[left - 1].lower_ in ("and", "but", ",", "while"):
            return prev
    return None


def _is_dateline(tok: Any) -> bool:
    """"WASHINGTON --" or "BRUSSELS -" opening a story: a place, not a speaker."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (tok.is_upper and len(tok) > 1 and tok.i == tok.sent.start and nxt is not None
            and nxt.text in ("--", "-", "—", "–", "―"))


def _past_dateline(subj: Any) -> Any:
    """The real subject when the parser took a dateline ("WASHINGTON -- President
    Obama ... said") or the object of a fronted clause ("To understand the real
    Dred Scott, Chief Justice Roberts said") for it: the apposition after it."""
    appos = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if not appos:
        return subj
    if _is_dateline(subj):
        return appos[0]
    first = subj.left_edge
    before = subj.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.pos_ == "VERB" and before.dep_ in ("advcl", "xcomp") and not any(
        c.dep_ in ("dobj", "ccomp") for c in before.children
    ):
        return appos[0]
    return subj


_CUE_LEMMAS = STRONG_CUES | WEAK_CUES | STANCE_CUES | ATTITUDE_CUES


def _lemma(tok: Any) -> str:
    """The verb's lemma, mended where the lemmatizer strips too much
    ("rated" -> "rat", "hoped" -> "hop"): a cue spelt with a final "e"."""
    lemma = tok.lemma_.lower()
    if lemma not in _CUE_LEMMAS and lemma + "e" in _CUE_LEMMAS and tok.lower_.startswith(lemma + "e"):
        return lemma + "e"
    return lemma


def _has_content(verb: Any, quoted_in_sentence: bool) -> bool:
    deps = {c.dep_ for c in verb.children}
    if deps & {"ccomp", "parataxis"}:
        return True
    if _lemma(verb) in STRONG_CUES:
        # "But, he said, officials should be vigilant": a parenthetical cue
        # reports the clause it interrupts.
        return bool(deps & CONTENT_DEPS) or quoted_in_sentence or verb.dep_ in ("parataxis", "advcl", "ccomp") and _lemma(verb) in {"say", "add", "note", "write", "argue", "explain", "tell", "insist", "warn"}
    if _lemma(verb) == "call":  # "called for", "called on", "called it X": not "a group called X"
        if verb.dep_ in ("acl", "amod"):
            return False
        return any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children) or bool(
            deps & {"oprd", "xcomp"}
        )
    if _lemma(verb) in ("speak", "talk"):  # "spoke of", "talked about": not "spoke to"
        return any(c.dep_ == "prep" and c.lower_ in ("of", "about") for c in verb.children)
    if _lemma(verb) == "point":  # "pointed out that", "pointed to reports"
        return any(c.lower_ in ("out", "to") for c in verb.children) and bool(deps & {"dobj", "ccomp", "prep", "prt"})
    if "xcomp" in deps and _lemma(verb) in {"ask", "urge", "want", "plan", "seek", "threaten", "refuse", "decline"}:
        return True
    if quoted_in_sentence and "dobj" not in deps:
        return True
    return False


def _stance(verb: Any) -> bool:
    """A verb of stance or thought whose content is a noun phrase: "Trump
    attacked the deal", "She agreed with Matthews" (PARC and PolNeAR count
    these). Only speakers can hold a stance: see ``_can_speak``."""
    deps = {c.dep_ for c in verb.children}
    lemma = _lemma(verb)
    if lemma in ("call", "speak", "talk", "point"):
        return False  # their own rules above: "spoke to reporters" reports nothing
    # A passive with its agent: "is supported by far fewer papers" (the
    # passive subject is what the stance is about).
    content = deps & {"dobj", "xcomp", "oprd"} or any(_content_prep(c) for c in verb.children) or {
        "agent", "nsubjpass"} <= deps
    return (lemma in STANCE_CUES or lemma in WEAK_CUES or lemma in ATTITUDE_CUES) and _main_or_shared(verb) and bool(content)


def _content_prep(prep: Any) -> bool:
    """A prepositional phrase that can be what a stance is about ("agreed
    with Matthews", "railed against the bill"), not when or where it was
    taken ("voted on Monday", "spoke in Iowa")."""
    if prep.dep_ != "prep" or prep.lower_ in ("during", "after", "before", "since", "until", "near", "amid"):
        return False
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return bool(objs) and not any(o.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for o in objs)


def _can_speak(subj: Any) -> bool:
    """Can this subject hold a view? Names, pronouns, people and bodies can;
    "the conflict claimed 6,500 lives" is not a claim by the conflict."""
    if subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return subj.lemma_.lower() not in EVENT_NOUNS


def _main_or_shared(verb: Any) -> bool:
    """A main verb, or one that shares its subject with the main verb: a
    participle ("..., comparing him to Obama") or a verb it governs ("continues
    to ignore", "was able to tout")."""
    if verb.dep_ in ("ROOT", "conj"):
        return True
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return True
    return verb.dep_ == "xcomp"


def _cues(sent: Any, block: Block, mask: bytearray) -> list[_Cue]:
    found: list[_Cue] = []
    quoted_here = any(mask[_abs(block, t)] for t in sent if not t.is_space)
    for tok in sent:
        if mask[_abs(block, tok)]:
            continue  # cue verbs must occur *outside* any quotation (textacy)
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            objs = [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs and objs[0].i < sent.end:
                found.append(_Cue(tok, objs[0]))
            continue
        other = _other_cue(tok, mask, block)
        if other is not None:
            if other.subject is not None and sent.start <= other.subject.i < sent.end and not any(
                f.verb == other.verb for f in found
            ):
                found.append(other)
            continue
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.tag_ in ("VBZ", "VBD")):
            continue
        lemma = _lemma(tok)
        if lemma in ISSUE_VERBS:
            # "X released a statement that ..." / "issued a statement saying ..."
            if any(c.dep_ == "dobj" and c.lemma_.lower() in DOC_NOUNS for c in tok.children):
                found.append(_Cue(tok, _subject(tok)))
            continue
        if lemma not in STRONG_CUES and lemma not in WEAK_CUES and lemma not in STANCE_CUES and lemma not in ATTITUDE_CUES:
            continue
        stance = False
        if not _has_content(tok, quoted_here):
            if not _stance(tok):
                continue
            stance = True
        if tok.dep_ in ("advcl", "pcomp", "acl") and (
            (tok.tag_ == "VBG" and any(c.dep_ in SUBJECTS for c in tok.children))
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        ):
            continue  # "with each side accusing ...", "spoke ... to call for ..."
        subj = _subject(tok, lambda t: bool(mask[_abs(block, t)]))
        if subj is None or subj.i >= sent.end or subj.i < sent.start:
            continue
        if mask[_abs(block, subj)] or stance and not _can_speak(subj):
            continue
        if lemma in ("learn", "hear"):  # "X learned from an official": the official speaks
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    pobj = [g for g in c.children if g.dep_ == "pobj"]
                    if pobj:
                        subj = pobj[0]
        found.append(_Cue(tok, subj, trailing=_is_trailing(tok, subj, sent)))
    # One cue per verb: "In a statement, X said" is one report, not two.
    return [c for n, c in enumerate(found) if not any(o.verb == c.verb for o in found[n + 1 :])]


def _other_cue(tok: Any, mask: bytearray, block: Block) -> _Cue | None:
    """Cues that are not verbs of saying: adjectives of stance, light verbs
    with a cue noun, cue nouns with a possessor, and speech-event phrases."""
    lemma = tok.lemma_.lower()
    deps = {c.dep_ for c in tok.children}
    quoted: Callable[[Any], bool] = lambda t: bool(mask[_abs(block, t)])

    def speaker(subj: Any | None) -> Any | None:
        return subj if subj is not None and not quoted(subj) and _can_speak(subj) else None

    # "Republicans weren't concerned about the shift": the adjective reports
    # a stance only with a complement ("a concerned look" reports nothing).
    if tok.pos_ == "ADJ" and lemma in STANCE_ADJECTIVES and deps & {"prep", "ccomp", "xcomp"}:
        if tok.dep_ == "acomp" and tok.head.lemma_.lower() in COPULAS:
            return _Cue(tok, speaker(_subject(tok.head, quoted)))
        return None
    # "made the case that", "has questions about", "expressed concern".
    if tok.pos_ in ("VERB", "AUX") and lemma in LIGHT_VERBS:
        if any(c.dep_ == "dobj" and c.lemma_.lower() in CUE_NOUNS for c in tok.children):
            return _Cue(tok, speaker(_subject(tok, quoted)))
        return None
    # "his claim that ...", "North Korea's claims about ...": the possessor
    # speaks; the noun phrase is the cue's own clause.
    if tok.pos_ == "NOUN" and lemma in CUE_NOUNS and deps & {"acl", "prep", "ccomp", "relcl"}:
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ not in ("its",)]
        if poss and tok.head.lemma_.lower() not in LIGHT_VERBS:
            return _Cue(tok, speaker(poss[0]), noun=True)
    # "Obama, in remarks at the museum, laid out ...": a speech event on the
    # main verb makes its clause a report.
    if tok.dep_ == "pobj" and lemma in SPEECH_NOUNS and tok.head.lower_ in ("in", "during") and tok.head.dep_ == "prep":
        verb = tok.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("ROOT", "conj"):
            return _Cue(verb, speaker(_subject(verb, quoted)))
    return None


def _is_trailing(verb: Any, subj: Any, sent: Any) -> bool:
    """", Price said." after the words it reports: the outermost attribution."""
    left = min(subj.left_edge.i, verb.i) if subj.head == verb else verb.i
    if left <= sent.start:
        return False
    before = sent.doc[left - 1]
    if before.text not in {",", "”", '"', "’", "—", "–", ":"}:
        return False
    after = [t for t in sent.doc[verb.i + 1 : sent.end] if not t.is_punct]
    return all(verb in t.ancestors and t.dep_ not in ("ccomp", "parataxis") for t in after) and all(
        t.head != verb or t.dep_ not in ("ccomp",) for t in after
    )


def _subordinate(cue: _Cue) -> bool:
    """A cue inside an adverbial or relative clause of a main clause that is
    not itself a report ("..., though he said ...", "..., when X cited ...")."""
    verb = cue.verb
    if cue.noun:
        return True
    if _parenthetical_as(verb):
        return False
    return verb.lower_ != "according" and verb.dep_ in ("advcl", "relcl") and verb.tag_ != "VBG" and not cue.trailing


def _parenthetical_as(verb: Any) -> bool:
    """"..., as police have said." reports the clause it hangs on: an "as"
    clause whose cue has no content of its own."""
    kids = list(verb.children)
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in kids)
    )


def _nested(inner: _Cue, outer: _Cue) -> bool:
    """Is ``inner`` part of what ``outer`` reports? Coordinated cues are not:
    "Baku said X and the army said Y" has two speakers."""
    if outer.verb not in inner.verb.ancestors:
        return False
    if inner.verb.dep_ == "conj" and inner.verb.head == outer.verb:
        return False
    subj = inner.subject
    if subj is not None and subj.left_edge.i > 0:
        before = subj.doc[subj.left_edge.i - 1]
        if before.lower_ in {"and", "but", "while", "whereas", ";"} and before.i > outer.verb.i:
            return False
    return True


def _reports(outer: _Cue, inner: _Cue) -> bool:
    """Is ``inner`` inside what ``outer`` reports? A clause on the speaker
    ("Obama, who understood X, told ...") is not."""
    if outer.verb not in inner.verb.ancestors:
        return False
    # The child of the outer cue that leads to the inner one: its content
    # ("said [that X, who claimed ...]") or an adjunct ("said X, [though she
    # acknowledged ...]", "[Obama, who understood X,] told ...").
    child = next(t for t in [inner.verb, *inner.verb.ancestors] if t.head == outer.verb)
    return child.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "oprd", "attr", "acomp")


def _top(cues: list[_Cue]) -> list[_Cue]:
    according = [c for c in cues if c.verb.lower_ == "according"]
    if according:
        return according[:1]  # the source of the whole sentence
    trailing = [c for c in cues if c.trailing]
    if trailing:
        return trailing[-1:]
    return [c for c in cues if not any(_nested(c, o) for o in cues if o is not c)]


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
    from .nlp import parse  # spaCy is loaded already: the blocks came from it

    parsed = parse(recased)
    if len(parsed) != 1 or parsed[0].start != 0 or len(parsed[0].doc.text) != len(line):
        return block
    return Block(block.start, block.end, parsed[0].doc)


class Attributor:
    """Reads the attributions of one document."""

    def __init__(self, text: str, blocks: list[Block]) -> None:
        self.text = text
        self.blocks = [_sentence_cased(b, text) for b in blocks]
        self.quotes = quotes(text)
        self.mask = quoted_mask(text, self.quotes)
        self.ctx = _Context()
        self._starts = {id(b.doc): b.start for b in self.blocks}
        self._named: dict[str, list[tuple[int, str]]] = {}  # surname -> (offset, full name)
        self._subjects: list[tuple[int, str]] = []  # people named as subjects, for he/she
        self._said_at: dict[str, int] = {}  # speaker -> offset of its latest mention
        self._learn_names()

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
            return self.resolve(antecedent, _mention_tokens(antecedent))
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
        if lemma in DOC_NOUNS:
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
        for block, sent in sents:
            cues = _cues(sent, block, self.mask)
            s0, s1 = block.start + sent.start_char, block.start + sent.end_char
            # "..., when Clinton cited X", "Obama, who understood that ...":
            # a cue in an adverbial or relative clause owns that clause only;
            # the rest of the sentence belongs to the main cue, if any.
            clauses: list[tuple[int, int, _Cue]] = []
            subs = [c for c in cues if _subordinate(c) and not any(_reports(o, c) for o in cues if o is not c)]
            for c in sorted(subs, key=lambda c: c.verb.left_edge.i - c.verb.right_edge.i):
                a, b = self._clause(block, c)
                if not any(a < y and x < b for x, y, _ in clauses):
                    clauses.append((a, b, c))
            clauses.sort(key=lambda x: x[0])
            top = _top([c for c in cues if not any(c is x[2] for x in clauses)])
            base = [(*self._part(block, sent, top, n), cue) for n, cue in enumerate(top)] or [(s0, s1, None)]
            pieces: list[tuple[int, int, _Cue | None]] = []
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
            if labelled is not None and all(_abs(block, c.verb) > labelled.mention_end for c in cues):
                parts = [labelled]  # "Pence: Trump Was 'Mocking' Clinton Camp"
            elif not cues:
                parts = [Attributed(s0, s1)]
            results.append(parts)
        self._carry_quotes(sents, results)
        flat = [a for parts in results for a in parts]
        for a in flat:
            a.quote = self._quoted_words(a.start, a.end)
        return flat

    def _clause(self, block: Block, cue: _Cue) -> tuple[int, int]:
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
        if self.mask[_abs(block, colon)] and not transcript:
            return None
        if fold(self._phrase(label)) in LABEL_WORDS:
            return None  # "Update:", "The Latest:" name no speaker
        def capital(t: Any) -> bool:  # as the text spells it: a headline may be parsed lower-cased
            return self.text[_abs(block, t)].isupper()

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
        m0, m1 = _abs(block, label[0]), _abs(block, label[-1]) + len(label[-1].text)
        return Attributed(block.start + sent.start_char, block.start + sent.end_char, speaker,
                          self.text[m0:m1], m0, m1, ":", "direct", person=category == "person", category=category)

    def _part(self, block: Block, sent: Any, top: list[_Cue], n: int) -> tuple[int, int]:
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

    def _attribute(self, block: Block, sent: Any, cue: _Cue, start: int, end: int) -> Attributed:
        head = cue.subject
        toks = _mention_tokens(head)
        speaker, category = self.resolve(head, toks)
        m0 = _abs(block, toks[0])
        m1 = _abs(block, toks[-1]) + len(toks[-1].text)
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
        v0 = _abs(block, cue.verb)
        v1 = v0 + len(cue.verb.text)
        # The speaker's and the cue's words are not content: '"No," Ortiz said' is direct.
        content = sum(1 for i in range(start, end) if self.text[i].isalnum() and not (m0 <= i < m1 or v0 <= i < v1))
        in_quote = sum(1 for i in range(start, end) if self.mask[i] and self.text[i].isalnum())
        kind = "indirect" if not quoted else "direct" if in_quote >= 0.85 * max(content, 1) else "mixed"
        return Attributed(start, end, speaker or mention, mention, m0, m1, cue_text, kind,
                          person=category == "person", category=category)

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

