"""Line breaks that only wrap a line (``verify.read.paragraphs``).

The rules on short texts, then on the seeds laid out as other files hold
news (hard-wrapped at 72 columns; one sentence to a line), every offset
kept: each sentence keeps the speaker it has in the article as written.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from verify.extract.attribution import attributions
from verify.nlp import parse
from verify.read.paragraphs import flowed, soft_breaks

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import mutations as mut  # noqa: E402


def test_runs_on_a_line_that_stops_mid_sentence() -> None:
    text = "Police said the gunman fired at\nleast six shots.\nNo one was hurt."
    assert flowed(text) == "Police said the gunman fired at least six shots.\nNo one was hurt."


def test_a_sentence_end_or_a_heading_ends_the_line() -> None:
    text = "Seven injured in Oakland shooting\nPolice said seven people were hurt.\nThe mayor spoke."
    assert soft_breaks(text) == []


def test_a_title_abbreviation_ends_no_sentence() -> None:
    text = "The bill was opposed by Sen.\nwarren and others."
    assert "\n" not in flowed(text)


def test_a_quotation_runs_on_to_the_line_that_closes_it() -> None:
    text = "“We will fight it every step of the way.\nNobody should be fooled.”\nThe vote is Friday."
    assert flowed(text) == "“We will fight it every step of the way. Nobody should be fooled.”\nThe vote is Friday."


def test_a_hard_wrapped_text_runs_on_before_a_capital() -> None:
    body = ("The council voted on Tuesday to approve the new budget after a long debate in which Mayor Jane "
            "Doe argued that the city could not afford more cuts to its police and fire departments, and "
            "the measure now goes to Gov. Mike Pence for his signature before the end of the month, aides said.")
    wrapped = mut.laid_out(body + "\n\nThe vote was 7 to 2.", "wrapped")
    assert "\n" in wrapped.split("\n\n")[0]
    assert flowed(wrapped).split("\n\n")[0] == body


def test_blank_lines_always_end_a_paragraph() -> None:
    text = "He said the\n\nvote was close."
    assert flowed(text) == text


def test_same_length() -> None:
    text = "a line that runs\r\non and on\nEnd."
    assert len(flowed(text)) == len(text)


def _speakers(text: str) -> dict[int, str | None]:
    return {a.start: a.speaker for a in attributions(text, parse(text))}


@pytest.mark.parametrize("layout", ["wrapped", "lines", "flat"])
def test_seeds_keep_their_speakers_however_laid_out(layout: str) -> None:
    kept = total = 0
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        laid = mut.laid_out(text, layout)
        assert len(laid) == len(text)
        want = {s: sp for s, sp in _speakers(text).items() if sp}
        got = _speakers(laid)
        total += len(want)
        kept += sum(got.get(s) == sp for s, sp in want.items())
    assert total > 30
    # set on one line, a headline runs into the text and is no claim of its own
    share = 0.9 if layout == "flat" else 0.95
    assert kept >= share * total, f"{kept} of {total} speakers kept when {layout}"


def test_sentences_to_a_line_in_blank_line_paragraphs() -> None:
    paragraphs = ["“We will fight it.\nNobody should be fooled,” she said.\nThe vote is Friday.",
                  "Police said two men were hurt.\nOne was released.",
                  "The mayor spoke.\nShe said nothing new.",
                  "A third paragraph ends here."]
    text = "\n\n".join(paragraphs)
    assert flowed(text) == "\n\n".join(p.replace("\n", " ") for p in paragraphs)


def test_a_signed_line_ends_its_paragraph() -> None:
    text = "\n\n".join(["Readers wrote in.", "“He is ignorant.” ― Pamela Padilla\n“I am ashamed.” ― Carla Sanchez",
                        "Getty/Instagram.", "More letters follow."])
    assert "Padilla\n“I" in flowed(text)
