"""Quotation marks: spans of quoted words, across paragraphs, never raising."""

from __future__ import annotations

import pytest

from verify.extract.quotes import quoted_mask, quotes


def quoted(text: str) -> list[str]:
    return [q.text(text) for q in quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("He said “we are ready” on Monday.", ["we are ready"], id="curly"),
        pytest.param('He said "we are ready" on Monday.', ["we are ready"], id="straight"),
        pytest.param("He said ''we are ready'' on Monday.", ["we are ready"], id="typewriter"),
        pytest.param("He said ``we are ready'' on Monday.", ["we are ready"], id="tex"),
        pytest.param("Le ministre a dit «nous sommes prêts».", ["nous sommes prêts"], id="guillemets"),
        pytest.param("It's the mayor's plan, not the council's.", [], id="apostrophes-are-not-quotes"),
        pytest.param("“A” and “B”.", ["A", "B"], id="two-quotes"),
        pytest.param("“I’d rather live in what he calls “hell” than leave,” she said.",
                     ["I’d rather live in what he calls “hell” than leave,"], id="nested-curly"),
        pytest.param("“Open and never closed. “Second” is fine.", ["Second"], id="stray-opener-restarts"),
    ],
)
def test_quotes(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_quote_over_paragraphs() -> None:
    """News style: each paragraph of a long quote opens again; only the last closes."""
    text = "“First part.\n\n“Second part.\n\n“Last part,” she said.\n\nThe end."
    found = quotes(text)
    assert len(found) == 1
    assert [text[a:b] for a, b in found[0].segments] == ["First part.", "Second part.", "Last part,"]


@pytest.mark.parametrize("mark", ["“", '"'])
def test_quote_over_paragraphs_set_on_one_line(mark: str) -> None:
    """The same, its breaks lost (a text set on one line): an opening mark
    right after a sentence's end inside a quotation opens its next
    paragraph (RUN_ON); a word in quotation marks there does not."""
    close = "”" if mark == "“" else '"'
    text = f"{mark}First part is here. {mark}Second part is here. {mark}Last part is here,{close} she said. The end."
    found = quotes(text)
    assert len(found) == 1
    assert [text[a:b].strip() for a, b in found[0].segments] == [
        "First part is here.", "Second part is here.", "Last part is here,"]
    assert quoted(f"“Open and never closed. “Second” is fine.") == ["Second"]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "He said “we will win.\n\nThe vote is on Tuesday."
    assert quoted(text) == ["we will win."]
    mask = quoted_mask(text, quotes(text))
    assert not any(mask[text.index("The vote") :])


@pytest.mark.parametrize("text", ["“", "”", '"', "''", "«", "a “b", "a ”b“ c", '"\n"\n"', "", "\n\n“\n”"])
def test_unbalanced_marks_never_raise(text: str) -> None:
    found = quotes(text)
    mask = quoted_mask(text, found)
    assert len(mask) == len(text)
    for q in found:
        assert all(0 <= a <= b <= len(text) for a, b in q.segments)


def test_mask_marks_quoted_characters_only() -> None:
    text = 'She said "yes" twice.'
    mask = quoted_mask(text, quotes(text))
    assert [text[i] for i, m in enumerate(mask) if m] == list("yes")
