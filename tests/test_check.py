"""verify check: drafts written from the seed corpus, every status, bad drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.check import check
from verify.cli import main
from verify.ingest import ingest
from verify.read import document_from_text

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("check") / "seeds-index"
    ingest([seeds_dir], path)
    return path


def status(index: Path, text: str) -> tuple[str, str]:
    result = check(document_from_text(text), index)
    assert len(result.claims) == 1, [c.text for c in result.claims]
    return result.claims[0].status, result.claims[0].reason


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        # stated as the sources state them
        ("In 2020, Armenia and Azerbaijan fought a six-week war over Nagorno-Karabakh.", "supported"),
        ("Nagorno-Karabakh is internationally recognized as part of Azerbaijan.", "supported"),
        # a number changed
        ("The 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives.", "contradicted"),
        # a quote reworded
        ("“NATO calls for an immediate halt of hostilities between Azerbaijani and Armenian forces,” "
         "Javier Colomina said on Twitter.", "contradicted"),
        # a quote given to another speaker
        ("“We urge both sides to take immediate concrete steps to reduce tensions and avoid further "
         "escalation,” Russian President Vladimir Putin said.", "contradicted"),
        # found nowhere
        ("The two leaders will meet in Paris next spring to sign a final peace treaty.", "unsupported"),
        # only one article holds it
        ("The trilateral meeting in Brussels lasted more than four hours, Charles Michel said.", "single-source"),
    ],
)
def test_status_of_a_draft_claim(index: Path, draft: str, expected: str) -> None:
    got, reason = status(index, draft)
    assert got == expected, reason


def test_contradiction_shows_the_conflicting_values_and_sources(index: Path) -> None:
    got, reason = status(index, "The 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives.")
    assert "more than 9,000 vs more than 6,500 deaths" in reason
    assert "003_6e6245e77d5995f7" in reason


def test_json_for_a_pipeline_and_the_exit_status(index: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("# Draft\n\nThe 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives.\n\n"
                     "Russia deployed some 2,000 peacekeepers to oversee the truce.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(draft), "--index", str(index), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    text = draft.read_text(encoding="utf-8")
    assert data["draft"] == str(draft)
    for c in data["claims"]:
        assert text[c["start"] : c["end"]] == c["text"]
        assert set(c) >= {"start", "end", "text", "speaker", "status", "reason", "evidence"}
        for e in c["evidence"]:
            assert set(e) >= {"doc", "start", "end", "text"}
    assert [c["status"] for c in data["claims"]] == ["contradicted", "supported"]
    ok = runner.invoke(main, ["check", str(draft), "--index", str(index), "--fail-on", "unsupported"])
    assert ok.exit_code == 0


def test_a_word_draft(index: Path, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Some 2,000 Russian peacekeepers were deployed to monitor the cease-fire.")
    path = tmp_path / "draft.docx"
    document.save(path)
    result = CliRunner().invoke(main, ["check", str(path), "--index", str(index), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["claims"][0]["status"] == "supported"


def test_annotated_copies_for_a_person(index: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("The 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives <b>today</b>.\n", encoding="utf-8")
    runner = CliRunner()
    md = runner.invoke(main, ["check", str(draft), "--index", str(index), "--format", "github"])
    assert "**The 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives <b>today</b>.**[^1]" in md.stdout
    assert "[^1]: ✘ contradicted" in md.stdout
    out = tmp_path / "draft.html"
    page = runner.invoke(main, ["check", str(draft), "--index", str(index), "--format", "html", "--out", str(out)])
    assert page.exit_code == 1
    html = out.read_text(encoding="utf-8")
    assert "&lt;b&gt;today&lt;/b&gt;" in html and "<b>today</b>" not in html
    assert "contradicted" in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file or folder"),
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02binary", "binary"),
        ("fake.docx", b"this is not a zip", "docx"),
    ],
)
def test_bad_drafts_end_in_one_line_and_status_2(index: Path, tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["check", str(path), "--index", str(index)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and name in lines[0]
    assert message in lines[0].lower()
    assert "Traceback" not in result.output


def test_unknown_fail_on_status_is_a_usage_error(index: Path, tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("Text.", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--index", str(index), "--fail-on", "wrong"])
    assert result.exit_code == 2


def test_a_reason_names_its_sources_by_outlet(tmp_path: Path, seeds_dir: Path) -> None:
    """A contradiction's reason names the outlet a person knows, not an internal id."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, outlet in (("003_6e6245e77d5995f7", "Example Times"), ("002_16023563aaf7b2c1", "Sample Wire")):
        body = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")
        (corpus / f"{name}.md").write_text(f"---\noutlet: {outlet}\n---\n{body}", encoding="utf-8")
    ix = tmp_path / "ix"
    ingest([corpus], ix)
    got, reason = status(ix, "The 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives.")
    assert got == "contradicted"
    assert "Example Times" in reason and "003_6e6245e77d5995f7" not in reason
