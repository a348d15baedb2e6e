"""Labels that name a speaker before a colon: "WALLACE: ..." in a transcript,
"Caddell: voters worried" or "Obama on Climate Change: ..." in a headline."""

from __future__ import annotations

from typing import Any

from .claimspan import Attributed
from .cues import offset
from .names import fold
from ..nlp import Block
from .speakers import Speakers

# Headline labels that name no speaker ("Update: ...", "The Latest: ..."):
# the standing section labels of wire and web news.
LABEL_WORDS = {
    "update", "updated", "breaking", "breaking news", "exclusive", "watch",
    "analysis", "opinion", "editorial", "live", "video", "photos", "factbox",
    "explainer", "the latest", "latest", "correction", "editor s note", "note",
    "q a", "read more", "related", "see also", "source", "sources", "photo",
    "clarification", "editor's note", "disclosure", "advertisement", "transcript",
}
# Page furniture that news sites print before a colon (the timestamps,
# credits and sharing lines of their templates): no speaker.
PAGE_WORDS = {
    "last update", "last updated", "updated", "published", "posted", "first published",
    "image", "images", "image caption", "caption", "credit", "credits", "photo credit",
    "image credit", "file photo", "share", "share this", "listen", "follow", "comments",
    "tags", "topics", "filed under", "also read", "more", "trending", "subscribe",
    "sponsored", "reporting", "writing", "editing", "additional reporting", "byline",
}
# Prepositions of place: a name the article puts after one ("in Kafr Nabl",
# "near Aleppo") is a place, and a place before a colon is a dateline or a
# section, not a speaker.
PLACE_PREPS = {"in", "near", "at", "outside", "inside", "across", "around", "into", "toward", "towards", "through"}
# Link words inside a headline label: "Obama on Climate Change: ...".
LABEL_LINKS = {"on", "of", "about", "to", "at", "in", "for"}


def labelled(speakers: Speakers, mask: bytearray, block: Block, sent: Any) -> Attributed | None:
    """The sentence owned by the label before its colon, if it has one."""
    text, ctx = speakers.text, speakers.ctx
    colon = next((t for t in sent[:8] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None
    label = [t for t in sent.doc[sent.start : colon.i]]
    while label and label[0].is_punct:
        label.pop(0)  # a transcript quoted whole: '"WALLACE: ...'
    if not label:
        return None
    transcript = all(t.is_upper or t.is_punct for t in label) and any(len(t) > 1 for t in label)
    if mask[offset(block, colon)] and not transcript:
        return None
    if fold(speakers.phrase(label)) in LABEL_WORDS | PAGE_WORDS:
        return None  # "Update:", "The Latest:", "Last Update:" name no speaker
    if fold(speakers.phrase(label)) in places(speakers.docs):
        return None  # "Kafr Nabl: ..." when the story reports events "in Kafr Nabl"

    def capital(t: Any) -> bool:  # as the text spells it: a headline may be parsed lower-cased
        return text[offset(block, t)].isupper()

    if not all(t.pos_ == "PROPN" or capital(t) or t.text in (".", "-") or t.lower_ in LABEL_LINKS for t in label):
        return None
    if any(t.lower_ in LABEL_LINKS for t in label):
        # "Obama on Climate Change": the name before the link word speaks.
        label = label[: next(n for n, t in enumerate(label) if t.lower_ in LABEL_LINKS)]
        if not label or not any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or fold(t.text) in ctx.persons
                                for t in label):
            return None  # "Success on Signature Issue:" is a section title
    if not transcript and text.count(speakers.phrase(label)) < 2 and text.count(label[-1].text) < 2:
        # RUN_IN_HEADING: a speaker a label names is one the article names
        # again; a section's title run in before its text ("Veto Power
        # Impedes Peace Efforts: ...") is not repeated.
        return None
    if transcript:
        speaker = speakers.phrase(label).title()
        key = fold(speaker.split()[-1])
        speaker = ctx.persons.get(key, speaker)
        category = "person"
    else:
        head = max(label, key=lambda t: (t.head not in label, t.i))
        speaker, category = speakers.resolve(head, label)
    if not speaker:
        return None
    ctx.speakers.append((speaker, category, label[-1].lemma_.lower()))
    m0, m1 = offset(block, label[0]), offset(block, label[-1]) + len(label[-1].text)
    return Attributed(block.start + sent.start_char, block.start + sent.end_char, speaker,
                      text[m0:m1], m0, m1, ":", "direct", person=category == "person", category=category)


def places(docs: list[Any]) -> set[str]:
    """Folded names that an article puts after a preposition of place."""
    out = set()
    for doc in docs:
        for tok in doc:
            if tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.head.lower_ in PLACE_PREPS:
                out.add(fold(" ".join(t.text for t in tok.subtree if t.pos_ == "PROPN")))
    return out
