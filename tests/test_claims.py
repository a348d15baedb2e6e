"""Claims from parsed text: spans, speakers, one claim per number, times."""

from __future__ import annotations

from verify.extract.claims import claims
from verify.models import Document
from verify.nlp import parse
from verify.read import document_from_text


def extract(text: str, date: str | None = None) -> list:
    doc = document_from_text(text)
    if date:
        doc = doc.model_copy(update={"date": date})
    return claims(doc, parse(doc.text, doc.skip))


def test_offsets_point_into_the_original_text(nlp) -> None:
    text = "  Officials said on Monday that 12 people were killed.\n\nThe storm  hit the coast.\n"
    for c in extract(text):
        assert text[c.start : c.end] == c.text
        for q in c.quantities:
            assert text[q.start : q.end] == q.text


def test_each_number_is_a_claim_of_its_own_under_its_sentence(nlp) -> None:
    text = "The fire destroyed 40 homes and forced 300 residents to leave, the mayor said."
    found = extract(text)
    sentence = [c for c in found if c.parent is None]
    numbers = [c for c in found if c.parent is not None]
    assert len(sentence) == 1 and sentence[0].quantities == []
    assert [c.quantities[0].value for c in numbers] == [40, 300]
    assert all(c.parent == sentence[0].id and c.speaker == sentence[0].speaker for c in numbers)
    assert sentence[0].speaker is not None and sentence[0].speaker.lower().endswith("mayor")


def test_outlet_voice_has_no_speaker(nlp) -> None:
    found = extract("The bridge was completed in 1932 and is 503 metres long.")
    assert {c.speaker for c in found} == {None}


def test_time_comes_from_the_sentence_or_its_paragraph(nlp) -> None:
    text = "In autumn 2020, the two countries fought a six-week war. The conflict claimed 6,500 lives."
    found = extract(text, date="2021-12-15")
    deaths = next(c for c in found if c.quantities and c.quantities[0].value == 6500)
    assert deaths.time == "2020"


def test_questions_and_fragments_are_not_claims(nlp) -> None:
    found = extract("Will the talks resume next week?\n\nRead more.\n\nThe talks resumed on Tuesday in Geneva.")
    assert [c.text for c in found if c.parent is None] == ["The talks resumed on Tuesday in Geneva."]


def test_claims_of_a_document_with_skip_spans(nlp) -> None:
    doc = Document(id="d", path="d.txt", text="Share this\nThe minister said taxes would rise.", skip=[(0, 10)])
    found = claims(doc, parse(doc.text, doc.skip))
    assert [c.text for c in found] == ["The minister said taxes would rise."]
    assert found[0].speaker is not None and found[0].speaker.lower().endswith("minister")


def test_a_fault_on_one_article_does_not_stop_the_others(nlp, monkeypatch) -> None:
    import verify.extract.claims as module
    from verify.extract.claims import extract

    real = module.claims

    def flaky(document, blocks):
        if document.id == "bad":
            raise IndexError("list index out of range")
        return real(document, blocks)

    monkeypatch.setattr(module, "claims", flaky)
    docs = [document_from_text("The mayor said 40 homes burned.", id=i, path=f"{i}.txt") for i in ("ok1", "bad", "ok2")]
    errors: list = []
    done = [d.id for d, _ in extract(docs, errors=errors)]
    assert done == ["ok1", "ok2"]
    assert len(errors) == 1 and str(errors[0]).startswith("bad.txt: claims of bad could not be read (IndexError")
