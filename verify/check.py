"""A draft against an index: what the corpus supports, contradicts, or lacks.

Each sentence of the draft (or the part one speaker owns) gets a status from
the facts in it: its numbers, checked with the rules of ``verify.match`` against
the nearest claims of the corpus; its quotations, checked word by word
against what the corpus says that speaker said (and against the same words
given to someone else); and, for a sentence with neither, its nearest
statements of the corpus.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .extract.claims import claims as extract_claims
from .embed import Embedder, load_embedder
from .index import Index
from .ingest import index_path
from .extract.names import fold, unify
from .match import copies, pair
from .match.compare import Link
from .match.events import Events
from .match.facts import NAMES_ABSENT, measure, mentions, none_named, other_subject
from .match.links import ALSO_STATED, stands_alike
from .match.quotes import DESCRIBED_SPEAKER, MISQUOTED, OTHER_SPEAKER, QUOTED_ALIKE, clip, compare_quotes, fragments, different_speakers, named, same_speaker, same_words
from .match.rules import rule
from .match.spelling import words
from .match.statements import (
    BOUND_CHANGED,
    NEGATED_STATEMENT,
    OPENING_COPIED,
    NUMBER,
    SAME_STATEMENT_RULE,
    VALUE_CHANGED,
    align,
    bounds_changed,
    changed_values,
    masked,
    opens,
    negated,
    polarity_apart,
    told_alike,
    reversed_bounds,
)
from .match.thresholds import CHECK_NEIGHBOURS as NEIGHBOURS
from .match.thresholds import DRAFT_NAMES, EVENT_NAMES, NEGATION_SHARED_ELSEWHERE, NEGATION_SIMILARITY, TEXT_SUPPORT
from .models import CheckedClaim, CheckResult, Claim, Document, Evidence
from .nlp import parse
from .sources import severity

STATUSES = ("contradicted", "unsupported", "single-source", "supported")

SAID_ALIKE = rule("said-alike", "a statement without numbers or quotes is backed by one of the corpus saying the same")
ORIGIN_PER_ARTICLE = rule(
    "origin-per-article",
    "an article is the origin of what it says in its own voice only when it gives the fact to no speaker: "
    "one article telling a fact twice, once as the police's words, is one origin",
)
COUNT_ELSEWHERE = rule(
    "count-elsewhere",
    "a count that an article of another event states alike backs nothing: five were hurt in many shootings",
)
ALIKE_ELSEWHERE = rule(
    "alike-elsewhere",
    "a sentence merely worded alike in an article of another event backs nothing: what is said of every "
    "event ('police are investigating the shooting') is that event's",
)
DRAFT_UNDATED = rule(
    "draft-undated",
    "a draft's own date is when it is written, not when its facts happened: only a time the sentence states is compared",
)
CONFLICT = rule("contradicted", "any fact of the sentence the corpus states otherwise contradicts it")
UNBACKED_NUMBER = rule("numbers-unbacked", "a sentence with numbers stands on its numbers: none backed, it is unsupported")
NOTHING = rule("no-evidence", "nothing in the corpus states this")
EVERY_NUMBER = rule(
    "every-number",
    "a sentence with several counts is backed only when each is: one count backed ('two men') backs no other "
    "('three women')",
)
OTHER_EVENT = rule(
    "other-event",
    "an article that shares fewer than two distinctive names with a draft that names enough may back it, "
    "never contradict it, unless it states the same sentence",
)
SAME_EVENT_NUMBERS = rule(
    "same-event-numbers",
    "a number meets every number of its measure in the articles of the draft's event, however their sentences are worded",
)
SENTENCE_NAMES = rule(
    "sentence-names",
    "a sentence that names a person or a street of an article, or two of its places, is of its event "
    "though the draft as a whole tells others",
)
SURNAME_IN_CORPUS = rule(
    "surname-in-corpus",
    "a speaker the draft names by surname alone ('Colomina added') is the one person of that surname among "
    "the corpus's speakers near the draft",
)
SPEAKER_SWAPPED = rule(
    "speaker-swapped",
    "a sentence of the corpus, word for word but for who said it, given to another named speaker is "
    "misattributed, however short its quotation ('indeed, watching very carefully')",
)
SPEAKER_NAMES_EVENT = rule(
    "speaker-names-event",
    "a person a sentence quotes by name ('Hamilton said') names its event as a person it speaks of does",
)
UNNAMED_IN_DRAFT = rule(
    "unnamed-in-draft",
    "a draft that names too little to tell its event contradicts no corpus sentence naming people or places "
    "it never mentions: that sentence may tell another event",
)
SENTENCE_EVENT = rule("sentence-event", "a sentence that names no one and nowhere tells the event named before it")
SHORT_QUOTE = rule(
    "short-quote",
    "quoted words too few to compare as a quotation ('deeply concerned') leave the statement to be compared whole",
)
QUOTED_WORD_FOR_WORD = rule(
    "quoted-word-for-word",
    "words an article gives the speaker exactly as the draft does are no misquote because another "
    "article words them otherwise: the sources differ, and both are shown",
)
POLARITY_APART = rule(
    "polarity-apart",
    "sentences worded alike that hold one word, negated in one and not the other ('has not withdrawn', "
    "'had withdrawn'), do not say the same: no agreement, and a discrepancy when one named speaker said both",
)
SAID_BY_BOTH = rule(
    "said-by-both",
    "words the corpus gives to another speaker contradict no draft that gives them to a speaker "
    "the corpus also quotes saying them: two people said them",
)
UNCOMPARED_NUMBERS = rule(
    "uncompared-numbers",
    "a sentence whose only numbers are ages or vague words ('a few houses away', 'the 48-year-old man') stands "
    "on its words: one said alike, with the same numbers written, backs it, as for a sentence without numbers",
)
QUOTE_BACKS_ITS_WORDS = rule(
    "quote-backs-its-words",
    "a quotation told alike backs the words quoted, not a number the sentence states outside them",
)
ORIGINS = rule(
    "independent-origins",
    "supported by two or more independent origins (a speaker, or an article and its copies, counts once)",
)
ONE_ORIGIN = rule("one-origin", "all the backing rests on one speaker or one article and its copies")


@dataclass
class _Draft:
    """A draft as the check sees it: its claims, their neighbours in the
    index, the articles of its event and their numbers by measure."""

    doc: Document
    found: list[Claim]
    neighbours: dict[str, list[tuple[float, int]]]
    vectors: np.ndarray
    row_of: dict[str, int]
    events: Events
    keyed: dict[tuple, list[int]]
    anchors: dict[str, Claim]
    by_id: dict[str, Claim] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {c.id: c for c in self.found}


@dataclass
class _Fact:
    """What the corpus says of one claim of the draft."""

    agree: list[tuple[Claim, Link]] = field(default_factory=list)
    conflict: list[tuple[Claim, Link]] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)  # rules that set a link aside


class _Corpus:
    """The index seen from a draft: claims by row, their documents, vectors.

    Rows are read when asked for: a check looks at a few thousand of the
    index's claims, not all of them.
    """

    def __init__(self, index: Index) -> None:
        self.index = index
        self.rows = index.rows
        self._claims: dict[int, Claim] = {}
        self._ids: dict[int, tuple[str, str | None]] = {}
        self._vectors: dict[int, np.ndarray] = {}
        self._docs: dict[str, Document | None] = {}
        self._mentioned: dict[tuple[str, str], tuple[int, int]] = {}

    def claim(self, row: int) -> Claim:
        if row not in self._claims:
            self._claims[row] = self.index.claim_at(row)
        return self._claims[row]

    def vector(self, row: int) -> np.ndarray:
        if row not in self._vectors:
            self._vectors[row] = self.index.vector(row)
        return self._vectors[row]

    def _id_parent(self, row: int) -> tuple[str, str | None]:
        if row not in self._ids:
            self._ids[row] = self.index.claim_parent(row)
        return self._ids[row]

    def document(self, doc_id: str) -> Document | None:
        if doc_id not in self._docs:
            self._docs[doc_id] = self.index.document(doc_id)
        return self._docs[doc_id]

    def mentioned(self, sentence: Claim, doc_id: str) -> tuple[int, int]:
        """How many of the people and places a sentence of the draft names an
        article mentions, and how many of its people and facilities (``_CLOSE``);
        (0, 0) for an article not indexed. Once per sentence and article: a
        check asks again for each of the article's claims."""
        key = (sentence.id, doc_id)
        if key not in self._mentioned:
            doc = self.document(doc_id)
            self._mentioned[key] = (0, 0) if doc is None else (
                mentions(sentence, doc.text)[1], mentions(sentence, doc.text, _CLOSE)[1])
        return self._mentioned[key]

    def parent_of(self, row: int) -> str | None:
        """The id of the sentence whose number a row holds; None for a sentence."""
        return self._id_parent(row)[1]

    def parent_row(self, row: int) -> int | None:
        """The row of a number's sentence: it comes just before its numbers."""
        parent = self._id_parent(row)[1]
        r = row - 1
        while parent and r >= 0 and row - r < 64:
            if self._id_parent(r)[0] == parent:
                return r
            r -= 1
        return None

    def children(self, row: int) -> list[int]:
        """The rows of the numbers of a sentence, which follow it."""
        out, cid, r = [], self._id_parent(row)[0], row + 1
        while r < self.rows and self._id_parent(r)[1] == cid:
            out.append(r)
            r += 1
        return out


def check(
    draft: Document,
    index: str | os.PathLike[str] | None = None,
    *,
    embedder: Embedder | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """The status of every claim of ``draft`` against the index;
    ``progress(done, total)`` after each claim of the draft."""
    ix = Index.open_cached(index_path(index))
    embedder = embedder or load_embedder(ix.embedder or "all-MiniLM-L6-v2")
    found = extract_claims(draft, parse(draft.text, draft.skip))
    # DRAFT_UNDATED: times come from what the sentences say, not the draft's date.
    undated = draft.model_copy(update={"date": None})
    if not found or not ix.counts.get("claims"):
        return CheckResult(draft=draft.path, claims=[_unsupported(c) for c in found if c.parent is None])
    corpus = _Corpus(ix)
    # One call of the model and one search for the whole draft, each text
    # once: a number's clause is often its whole sentence.
    texts = list(dict.fromkeys(c.text for c in found))
    vectors = embedder.embed(texts)
    scores, rows = ix.search_rows(vectors, NEIGHBOURS)
    text_row = {t: i for i, t in enumerate(texts)}
    row_of = {c.id: text_row[c.text] for c in found}
    neighbours = {
        c.id: [(float(s), int(r)) for s, r in zip(scores[row_of[c.id]], rows[row_of[c.id]]) if r >= 0]
        for c in found
    }
    names = _speaker_names(found, corpus, neighbours)
    surnamed = {c.id for c in found if c.speaker in names and len(c.speaker.split()) == 1  # type: ignore[union-attr]
                and len(names[c.speaker].split()) > 1}  # type: ignore[index]
    found = [c.model_copy(update=_named(c, names)) for c in found]
    events = _events(undated, corpus, neighbours)
    keyed = _event_numbers(undated, corpus, events, numbers=any(c.parent for c in found))
    seen = _Draft(undated, found, neighbours, vectors, row_of, events, keyed, _anchors(found))
    facts: dict[str, _Fact] = {}
    for i, c in enumerate(found):
        facts[c.id] = _fact(c, seen, corpus)
        if progress is not None:
            progress(i + 1, len(found))
    result = []
    for sentence in (c for c in found if c.parent is None):
        numbers = [c for c in found if c.parent == sentence.id]
        result.append(_status(sentence, numbers, facts, corpus, draft,
                              [SURNAME_IN_CORPUS] if sentence.id in surnamed else []))
    return CheckResult(draft=draft.path, claims=result)


def _named(c: Claim, names: dict[str, str]) -> dict:
    """A claim's speaker as the corpus names it; one named by surname alone
    (SURNAME_IN_CORPUS) is a person from then on."""
    if c.speaker not in names:
        return {}
    if c.speaker_type != "person" and len(c.speaker.split()) == 1:  # type: ignore[union-attr]
        return {"speaker": names[c.speaker], "speaker_type": "person"}  # type: ignore[index]
    return {"speaker": names[c.speaker]}  # type: ignore[index]


def _events(draft: Document, corpus: _Corpus, neighbours: dict[str, list[tuple[float, int]]]) -> Events:
    """What the draft is to each article its claims came near: one event,
    another (OTHER_EVENT), or unknown; judged by the names
    they share, as a report judges two articles (``verify.match.events``),
    the names' rarity taken among these articles."""
    docs: dict[str, Document] = {draft.id: draft}
    signatures: dict[str, tuple[set[str], set[str]]] = {}
    for hits in neighbours.values():
        for _, r in hits:
            d = corpus.claim(r).doc
            if d not in docs:
                doc = corpus.document(d)
                signature = corpus.index.signature(d)
                if doc is not None and signature is not None:
                    docs[d], signatures[d] = doc, signature
    return Events(docs, set(docs), signatures)


def _relation(events: Events, draft: str, doc: str) -> str:
    """What an article is to a draft that names enough to tell: ``one``
    event when they share at least EVENT_NAMES uncommon names (held by no
    more of the articles the draft came near than ``Events`` allows); else ``apart``
    (OTHER_EVENT: it may back the draft, never contradict it but in the same
    statement). A draft may tell several events, or name few of its
    event's names: the names shared, not their share of all, is what counts."""
    if doc not in events.names:
        return "unknown"
    shared = sum(1 for n in events.names[draft] & events.names[doc] if events.df[n] <= events.cap)
    return "one" if shared >= EVENT_NAMES else "apart"


def _event_numbers(draft: Document, corpus: _Corpus, events: Events, numbers: bool) -> dict[tuple, list[int]]:
    """The numbers of the articles that report the draft's event
    (``_relation`` is ``one``), by what they measure, for SAME_EVENT_NUMBERS
    (``_fact`` takes those of an article its sentence is ``_tied`` to). Empty
    for a draft without numbers or one that names too little to tell."""
    out: dict[tuple, list[int]] = {}
    if not numbers or len(events.names.get(draft.id, ())) < DRAFT_NAMES:
        return out
    for doc in sorted(events.names):
        if doc == draft.id or _relation(events, draft.id, doc) != "one":
            continue
        for r in corpus.index.document_rows(doc):
            if corpus.parent_of(r) is None:
                continue  # a sentence; its numbers follow it
            other = corpus.claim(r)
            key = measure(other, other.quantities[0]) if other.quantities else None
            if key is not None:
                out.setdefault(key, []).append(r)
    return out


def _anchors(found: Sequence[Claim]) -> dict[str, Claim]:
    """Each sentence of the draft with the sentence whose
    names say which event it tells: itself when it names a person or a
    place, else the last one before it that does ("Two others were
    wounded." tells the event named before it: SENTENCE_EVENT); none
    before the first."""
    out: dict[str, Claim] = {}
    last: Claim | None = None
    for c in sorted((_with_speaker(c) for c in found if c.parent is None), key=lambda c: c.start):
        if mentions(c, "")[0]:
            last = c
        if last is not None:
            out[c.id] = last
    return out


def _with_speaker(c: Claim) -> Claim:
    """SPEAKER_NAMES_EVENT: a person a sentence quotes by name ("Hamilton
    said she ran north") names its event as a person it speaks of does; the
    speaker's name counts among the sentence's people. A description
    ("police", "a spokesman") names no one."""
    if c.speaker_type != "person" or not named(c.speaker) or any(
            label == "PERSON" and fold(name).split()[-1:] == fold(c.speaker or "").split()[-1:]
            for label, name in c.entities):
        return c
    return c.model_copy(update={"entities": [*c.entities, ("PERSON", c.speaker)]})




def _tied(sentence: Claim, corpus: _Corpus, doc_id: str) -> bool:
    """Whether a sentence of the draft is of an article's event by its own
    names: it names a person or a place the article mentions (a draft may
    tell several events; a sentence that names none may be of another)."""
    return corpus.mentioned(sentence, doc_id)[0] > 0


def _closely_tied(sentence: Claim, corpus: _Corpus, doc_id: str) -> bool:
    """Whether a sentence names enough of an article's event to
    be of it though the draft as a whole is not: a person or a street the
    article mentions, or two places (a city alone is many events'):
    SENTENCE_NAMES."""
    found, close = corpus.mentioned(sentence, doc_id)
    return close > 0 or found >= 2


_CLOSE = frozenset({"PERSON", "FAC"})


def _speaker_names(found: Sequence[Claim], corpus: _Corpus, neighbours: dict) -> dict[str, str]:
    """The draft's speakers spelt as the corpus spells them (``unify``), and
    SURNAME_IN_CORPUS: a speaker named by a surname alone ("Colomina
    added") is the one person of that surname the draft came near."""
    people = [c.speaker for c in found if c.speaker and c.speaker_type == "person"]
    theirs: list[str] = []
    for hits in neighbours.values():
        for _, r in hits[:5]:
            other = corpus.claim(r)
            if other.speaker and other.speaker_type == "person":
                theirs.append(other.speaker)
    names = unify(people + theirs)
    by_surname: dict[str, set[str]] = {}
    for name in theirs:
        parts = fold(name).split()
        if len(parts) > 1:
            by_surname.setdefault(parts[-1], set()).add(names.get(name, name))
    for c in found:
        if c.speaker and c.speaker not in names and len(c.speaker.split()) == 1:
            full = by_surname.get(fold(c.speaker), set())
            if len(full) == 1:
                names[c.speaker] = next(iter(full))
    return names


def _fact(claim: Claim, d: _Draft, corpus: _Corpus) -> _Fact:
    fact = _Fact()
    draft, events = d.doc, d.events
    telling = len(events.names.get(draft.id, ())) >= DRAFT_NAMES
    candidates = dict((r, s) for s, r in d.neighbours[claim.id])
    by_key: set[int] = set()  # rows proposed by SAME_EVENT_NUMBERS alone
    parent = d.by_id.get(claim.parent) if claim.parent else None
    anchor = d.anchors.get((parent or claim).id)
    if parent is not None:
        # The numbers of the sentences nearest the draft's sentence.
        for s, r in d.neighbours[parent.id]:
            for child in corpus.children(r):
                candidates.setdefault(child, 0.0)
        key = measure(claim, claim.quantities[0]) if claim.quantities else None
        for r in d.keyed.get(key, ()) if key is not None and anchor is not None else ():
            if r not in candidates and _tied(anchor, corpus, corpus.claim(r).doc):  # type: ignore[arg-type]
                candidates[r] = 0.0
                by_key.add(r)
    vectors, row_of = d.vectors, d.row_of
    for r in candidates:
        other = corpus.claim(r)
        event = _relation(events, draft.id, other.doc) if telling else "unknown"
        promoted = event == "apart" and anchor is not None and _closely_tied(anchor, corpus, other.doc)
        if promoted:
            event = "unknown"  # SENTENCE_NAMES: a draft may tell several events; this sentence's is the article's
        sim = float(vectors[row_of[claim.id]] @ corpus.vector(r))
        other_sentence = other
        if parent is not None:
            pr = corpus.parent_row(r)
            if pr is not None:
                sim = max(sim, float(vectors[row_of[parent.id]] @ corpus.vector(pr)))
                other_sentence = corpus.claim(pr)
        docs = {draft.id: draft}
        doc = corpus.document(other.doc)
        if doc is not None:
            docs[other.doc] = doc
        link = _link(claim, parent or claim, other, other_sentence, sim, docs, event)
        elsewhere = _elsewhere(claim, link, event)
        if elsewhere:
            fact.blocked.append(elsewhere)
            continue
        if link is not None and doc is not None and none_named(parent or claim, doc.text):
            fact.blocked.append(NAMES_ABSENT)
            continue
        if (link is not None and link.verdict == "discrepancy" and not telling
                and none_named(other_sentence, draft.text)):
            # UNNAMED_IN_DRAFT: a draft that names too little to tell its
            # event by the articles' names (DRAFT_NAMES) is not set against a
            # corpus sentence that names people or places it never
            # mentions: that sentence may tell another event.
            fact.blocked.append(UNNAMED_IN_DRAFT)
            continue
        if link is not None and promoted:
            # the anchor's people include its speaker (SPEAKER_NAMES_EVENT) when they differ from the claim's own
            by_speaker = anchor is not None and anchor.entities != d.by_id[anchor.id].entities
            link = link.having(SENTENCE_NAMES, *([SPEAKER_NAMES_EVENT] if by_speaker else []))
        if link is not None and r in by_key:
            link = link.having(SAME_EVENT_NUMBERS, *([SENTENCE_EVENT] if anchor.id != (parent or claim).id else []))
        if link is not None:
            (fact.conflict if link.verdict == "discrepancy" else fact.agree).append((other, link))
    return fact


def _link(claim: Claim, sentence: Claim, other: Claim, other_sentence: Claim, sim: float, docs: dict[str, Document],
          event: str = "unknown") -> Link | None:
    """What one claim of the corpus says of one claim of the draft
    (``sentence`` and ``other_sentence``: the sentences of two numbers)."""
    changed = changed_values(claim.text, other.text) if claim.parent is None and other.parent is None else []
    if changed:
        return Link(claim.id, other.id, "discrepancy", "; ".join(f"“{x}” vs “{y}”" for x, y in changed),
                    (SAME_STATEMENT_RULE, VALUE_CHANGED))
    quoted = bool(claim.quote and other.quote and claim.speaker and other.speaker)
    # UNSPOKEN_QUOTE_NEGATED: quotations given to no speaker are not compared
    # as quotations, so their statements are, negation and all.
    if (not (claim.parent and claim.quantities) and not (other.parent and other.quantities)  # no number's clause
            and not quoted and not other_subject(claim, other)):
        # in an article not of another event (OTHER_EVENT), a sentence this alike with a
        # negation inside the words they share; else only the same sentence but for a negation
        alike = event != "apart" and sim >= NEGATION_SIMILARITY
        flipped = negated(claim.text, other.text, None if alike else NEGATION_SHARED_ELSEWHERE)
        if flipped:  # NEGATED_STATEMENT: "no immediate plans to release" / "plan to release"
            return Link(claim.id, other.id, "discrepancy", f"“{flipped}” in one and not the other: "
                        f"“{clip(other.text, 120)}”", (NEGATED_STATEMENT,))
    if quoted and same_speaker(claim.speaker, other.speaker):
        link = compare_quotes(claim, other)
        if link is not None or (fragments(claim) and fragments(other)):
            return link
        link = _link(claim.model_copy(update={"quote": None}), sentence, other.model_copy(update={"quote": None}),
                     other_sentence, sim, docs, event)
        return link.having(SHORT_QUOTE) if link is not None else None
    elif quoted:
        if not (named(claim.speaker) and named(other.speaker)):
            link = compare_quotes(claim, other)
            return link.having(DESCRIBED_SPEAKER) if link is not None else None
        note = same_words(claim, other)
        if note:
            return Link(claim.id, other.id, "discrepancy",
                        f"the corpus gives these words to {other.speaker}, not {claim.speaker}", (OTHER_SPEAKER,))
        if told_alike(_unsaid(claim), _unsaid(other)):
            # SPEAKER_SWAPPED: the same sentence but for who said it, however short its quotation.
            return Link(claim.id, other.id, "discrepancy",
                        f"the corpus gives these words to {other.speaker}, not {claim.speaker}",
                        (OTHER_SPEAKER, SPEAKER_SWAPPED))
        return None
    if claim.quantities or other.quantities:
        if not (claim.quantities and other.quantities):
            return None
        return pair(claim, other, sim, docs, event,
                    statement=lambda: stands_alike(claim, sentence, other, other_sentence), carried=True)
    if different_speakers(claim, other):
        return None
    if other_subject(claim, other):
        return None  # another place, other people
    if same_statement(claim, other):
        changed = bounds_changed(claim.text, other.text)
        if changed == ("", ""):
            return Link(claim.id, other.id, "agree", "said alike", (SAME_STATEMENT_RULE,))
        if reversed_bounds(changed):
            return Link(claim.id, other.id, "discrepancy", f"“{changed[0]}” vs “{changed[1]}”",
                        (SAME_STATEMENT_RULE, BOUND_CHANGED))
        return None  # BOUND_CHANGED: another bound, no longer one statement
    if opens(claim.text, other.text):
        return Link(claim.id, other.id, "agree", "said alike, as the opening of a longer sentence", (OPENING_COPIED,))
    if sim >= TEXT_SUPPORT:
        turned = polarity_apart(claim.text, other.text)
        if turned is None:
            return Link(claim.id, other.id, "agree", "said alike", (SAID_ALIKE,))
        if event != "apart" and named(claim.speaker) and same_speaker(claim.speaker, other.speaker):
            # POLARITY_APART: one person's statement, worded alike, denied in one telling
            return Link(claim.id, other.id, "discrepancy", f"“{turned}” denied in one and not the other: "
                        f"“{clip(other.text, 120)}”", (NEGATED_STATEMENT, POLARITY_APART))
    return None


def _elsewhere(claim: Claim, link: Link | None, event: str) -> str | None:
    """The rule that keeps an agreement of an article of another event from
    backing the draft, or None: a sentence merely worded alike
    (ALIKE_ELSEWHERE), a count stated alike outside the same statement
    (COUNT_ELSEWHERE)."""
    if link is None or link.verdict != "agree" or event != "apart":
        return None
    if SAID_ALIKE in link.rules:
        return ALIKE_ELSEWHERE
    if claim.quantities and SAME_STATEMENT_RULE not in link.rules:
        return COUNT_ELSEWHERE
    return None


def _unsaid(c: Claim) -> str:
    """A claim's sentence without the words that name its speaker."""
    if c.speaker_start is None or c.speaker_end is None:
        return c.text
    s, e = c.speaker_start - c.start, c.speaker_end - c.start
    return c.text[:s] + c.text[e:] if 0 <= s <= e <= len(c.text) else c.text


def same_statement(claim: Claim, other: Claim) -> bool:
    """The same words and names, and the same numbers where it has any."""
    al = align(claim.text, other.text)
    if al is None:
        return False
    if len(al.numbers) < sum(w.key == NUMBER for w in masked(claim.text)):
        return False  # EVERY_NUMBER: a number the other sentence does not state
    return all(claim.text[sa:ea].lower() == other.text[sb:eb].lower() for (sa, ea), (sb, eb) in al.numbers)


def _evidence(other: Claim, link: Link, corpus: _Corpus, claim: Claim | None = None) -> Evidence:
    """A claim of the corpus with the article it comes from; a conflict with how far apart it is."""
    doc = corpus.document(other.doc)
    source = {"path": doc.path, "title": doc.title, "outlet": doc.outlet, "date": doc.date, "url": doc.url} if doc else {}
    return Evidence(
        doc=other.doc, start=other.start, end=other.end, text=other.text, speaker=other.speaker,
        verdict="discrepancy" if link.verdict == "discrepancy" else "agree", reason=link.reason,
        severity=severity(claim, other) if claim is not None else 0.0, **source,
    )


def _status(sentence: Claim, numbers: list[Claim], facts: dict[str, _Fact], corpus: _Corpus, draft: Document,
            read: list[str] | None = None) -> CheckedClaim:
    """A draft sentence's status from the facts of it and its numbers;
    ``read``: the rules that read the sentence itself (SURNAME_IN_CORPUS)."""
    parts = [facts[n.id] for n in numbers]
    whole = facts[sentence.id]
    if numbers:
        # A sentence with numbers is backed as a whole only by the same
        # statement with the same numbers; a sentence merely alike may
        # state another number. UNCOMPARED_NUMBERS: ages and vague words
        # are never compared as numbers, so a sentence holding no other
        # stands on its words, the numbers it writes written alike. A
        # sentence with a quotation is backed by its quotation too, and
        # by a sentence said alike only when it writes the same numbers.
        plain = not sentence.quote and not any(_compared(n) for n in numbers)
        alike = [other.text for other, link in whole.agree if SAID_ALIKE in link.rules]
        written = _numbers_written(sentence.text, alike)  # by the sentences said alike, between them
        kept = []
        for other, link in whole.agree:
            if {SAME_STATEMENT_RULE, OPENING_COPIED} & set(link.rules):
                kept.append((other, link))
            elif SAID_ALIKE in link.rules and (plain or sentence.quote):
                if written:
                    kept.append((other, link.having(UNCOMPARED_NUMBERS) if plain else link))
            elif sentence.quote:
                kept.append((other, link))
        whole = _Fact(agree=kept, conflict=whole.conflict)
    parts.append(whole)
    dated = ([DRAFT_UNDATED] if draft.date else []) + (read or [])
    # each conflict with the draft's claim it is about, the worst (largest relative difference) first
    conflicts = [x for f, n in zip(parts, numbers + [sentence]) for x in ((o, lk, n) for o, lk in f.conflict)]
    # ALSO_STATED: an article that states a number of the draft in the draft's statement
    # itself (SAME_STATEMENT: its words, the number at its place) does not disagree with that
    # number: its other numbers of the measure are other facts ("Clinton leads Trump by 43
    # percent to 38 percent": 38 is not Clinton's 43 told otherwise; "Adelson has committed
    # $5 million" is not his $20 million of another gift). A number merely alike elsewhere
    # in the article does not: the article may tell the draft's number otherwise there.
    # Nor does a sentence of the corpus that states the number as the draft does: its other
    # numbers there are others ("$500,000 to more than $1 million").
    said = {(n.id, o.doc) for f, n in zip(parts, numbers + [sentence]) for o, lk in f.agree
            if SAME_STATEMENT_RULE in lk.rules}
    told = {(n.id, o.parent or o.id) for f, n in zip(parts, numbers + [sentence]) for o, _ in f.agree}
    kept = [x for x in conflicts if (x[2].id, x[0].doc) not in said and (x[2].id, x[0].parent or x[0].id) not in told]
    if len(kept) < len(conflicts):
        conflicts, dated = kept, [*dated, ALSO_STATED]
    if any(QUOTED_ALIKE in lk.rules for f in parts for _, lk in f.agree):
        kept = [x for x in conflicts if OTHER_SPEAKER not in x[1].rules]
        if len(kept) < len(conflicts):
            conflicts, dated = kept, [*dated, SAID_BY_BOTH]
    otherwise: list[tuple[Claim, Link, Claim]] = []  # misquotes QUOTED_WORD_FOR_WORD set aside, still shown
    verbatim = {n.id for f, n in zip(parts, numbers + [sentence]) for o, lk in f.agree
                if QUOTED_ALIKE in lk.rules and n.quote and o.quote and words(n.quote) == words(o.quote)}
    if verbatim:
        # QUOTED_WORD_FOR_WORD: words an article gives the speaker as the
        # draft does are no misquote because another article words them
        # otherwise (a translation, a shorter cut): the sources differ, and
        # the other wording stays in the evidence.
        kept = [x for x in conflicts if not (MISQUOTED in x[1].rules and x[2].id in verbatim)]
        if len(kept) < len(conflicts):
            otherwise = [x for x in conflicts if x not in kept]
            conflicts, dated = kept, [*dated, QUOTED_WORD_FOR_WORD]
    conflicts.sort(key=lambda x: -severity(x[2], x[0]))
    agrees = [x for f in parts for x in f.agree]
    base = {"start": sentence.start, "end": sentence.end, "text": sentence.text, "speaker": sentence.speaker,
            "speaker_type": sentence.speaker_type}
    if conflicts:
        reasons = list(dict.fromkeys(link.reason for _, link, _ in conflicts))
        sources = sorted({_source_name(corpus, o.doc) for o, _, _ in conflicts})
        return CheckedClaim(
            **base, status="contradicted", reason="; ".join(reasons) + f" (in {', '.join(sources)})",
            evidence=[_evidence(o, lk, corpus, n) for o, lk, n in conflicts] + [_evidence(o, lk, corpus) for o, lk in agrees],
            rules=_rules([lk for _, lk, _ in conflicts], CONFLICT, *dated),
        )
    unbacked = [n for n in numbers if not facts[n.id].agree and _compared(n)]
    # QUOTE_BACKS_ITS_WORDS: a quotation told alike backs the words quoted,
    # not a number the sentence states outside them ("he spent four months
    # atop a motel, saying ...").
    stated = any({SAME_STATEMENT_RULE, OPENING_COPIED, SAID_ALIKE} & set(lk.rules) for _, lk in whole.agree)
    outside = [n for n in unbacked if not _quoted_number(sentence, n)]
    if agrees and numbers and unbacked and (not whole.agree or outside and not stated):
        # EVERY_NUMBER: one count backed backs no other of its sentence.
        return _unsupported(sentence, [UNBACKED_NUMBER, EVERY_NUMBER, *dated]
                            + ([QUOTE_BACKS_ITS_WORDS] if whole.agree else []))
    if not agrees:
        blocked = [r for f in parts for r in f.blocked]
        return _unsupported(sentence, list(dict.fromkeys([UNBACKED_NUMBER if numbers else NOTHING, *blocked])))
    docs = {o.doc for o, _ in agrees}
    origin = copies({d: corpus.document(d) for d in docs if corpus.document(d)}, docs)  # type: ignore[misc]
    # ORIGIN_PER_ARTICLE: an article is the origin of what it says in its own
    # voice only when it gives the fact to no speaker; the speakers it names
    # are its origins (one article gives no two origins by telling it twice).
    said: dict[str, set[str]] = {}
    for o, _ in agrees:
        said.setdefault(o.doc, set()).add(o.speaker or "")
    origins = {s for d, speakers in said.items()
               for s in ({x for x in speakers if x} or {"doc:" + origin.get(d, d)})}
    if any("" in speakers and len(speakers) > 1 for speakers in said.values()):
        dated = [*dated, ORIGIN_PER_ARTICLE]
    reason = agrees[0][1].reason + ("; another article words it otherwise" if otherwise else "")
    evidence = [_evidence(o, lk, corpus) for o, lk in agrees] + [_evidence(o, lk, corpus, n) for o, lk, n in otherwise]
    if len(origins) >= 2:
        return CheckedClaim(**base, status="supported", origins=len(origins),
                            reason=f"{reason}; {len(origins)} independent origins in {len(docs)} articles",
                            evidence=evidence, rules=_rules([lk for _, lk in agrees], ORIGINS, *dated))
    only = next(iter(origins))
    only = _source_name(corpus, only.removeprefix("doc:")) if only.startswith("doc:") else only
    return CheckedClaim(**base, status="single-source", origins=1,
                        reason=f"{reason}; one origin only ({only})", evidence=evidence,
                        rules=_rules([lk for _, lk in agrees], ONE_ORIGIN, *dated))


def _compared(number: Claim) -> bool:
    """Whether a number of the draft is compared as one: not an age, not a vague word."""
    return bool(number.quantities) and number.quantities[0].counts != "age" and number.quantities[0].qualifier != "vague"


def _quoted_number(sentence: Claim, number: Claim) -> bool:
    """Whether a number of a sentence stands inside its quoted words."""
    if not sentence.quote or not number.quantities:
        return False
    q = number.quantities[0]
    a, b = q.start - sentence.start, q.end - sentence.start
    for fragment in sentence.quote.split(" … "):
        at = sentence.text.find(fragment)
        if at >= 0 and at <= a and b <= at + len(fragment):
            return True
    return False


def _numbers_written(a: str, others: list[str]) -> bool:
    """Whether every number ``a`` writes (in figures or words) one of ``others`` writes too."""
    def written(text: str) -> list[str]:
        out = []
        for w in masked(text):
            if w.key == NUMBER:
                surface = text[w.start:w.end].lower()
                figures = _FIGURES.match(surface)  # "48-year-old" writes 48
                out.append(figures.group().rstrip(".,").replace(",", "") if figures else surface)
        return out

    theirs = {n for b in others for n in written(b)}
    return all(n in theirs for n in written(a))


_FIGURES = re.compile(r"[\d][\d.,]*")


def _rules(links: list[Link], *status: str) -> list[str]:
    """The rules of a status: its own, then those of its links, most used first."""
    counts: dict[str, int] = {}
    for lk in links:
        for r in lk.rules:
            counts[r] = counts.get(r, 0) + 1
    return list(dict.fromkeys([*status, *sorted(counts, key=lambda r: -counts[r])]))


def _source_name(corpus: _Corpus, doc_id: str) -> str:
    """A source as a person names it in a sentence: its outlet, else its title,
    else (a file with neither) its id."""
    doc = corpus.document(doc_id)
    if doc is None:
        return doc_id
    if doc.outlet:
        return doc.outlet
    if doc.title:
        title = " ".join(doc.title.split())
        return f"“{title if len(title) <= 50 else title[:49] + '…'}”"
    return doc_id


def _unsupported(sentence: Claim, rules: list[str] | None = None) -> CheckedClaim:
    return CheckedClaim(start=sentence.start, end=sentence.end, text=sentence.text, speaker=sentence.speaker,
                        speaker_type=sentence.speaker_type, status="unsupported", reason="nothing in the corpus states this",
                        rules=rules or [NOTHING])


def failing(result: CheckResult, fail_on: Sequence[str]) -> list[CheckedClaim]:
    """The claims whose status is one of ``fail_on``."""
    return [c for c in result.claims if c.status in fail_on]
