"""The command line: exit codes, exact messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.cli import main

COMMANDS = ["claims", "ingest", "report", "search", "eval"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "date 2023-05-04\nThe flood forced 2,000 people from their homes, the governor said on Thursday.\n",
        encoding="utf-8",
    )
    (folder / "two.md").write_text(
        "---\ntitle: Flood\noutlet: River Gazette\n---\nAbout 2,000 residents fled the flood, Governor Ann Lee said.\n",
        encoding="utf-8",
    )
    return folder


def test_every_command_has_help(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output
        sub = runner.invoke(main, [name, "--help"])
        assert sub.exit_code == 0
        assert len(sub.output.split("\n\n")[1].strip()) > 20, name


def test_help_does_not_load_the_models() -> None:
    code = (
        "import sys\nfrom verify.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('torch', 'spacy', 'sentence_transformers', 'faiss') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_claims_of_a_folder(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(main, ["claims", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    speakers = {c["speaker"] for c in found}
    assert "Ann Lee" in speakers
    assert any(q["value"] == 2000 for c in found for q in c["quantities"])


def test_missing_path_is_one_clear_line(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(main, ["claims", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {missing}: no such file or folder; check the path"
    assert "Traceback" not in result.output


def test_a_bad_file_is_named_and_the_others_still_read(runner: CliRunner, corpus: Path) -> None:
    (corpus / "broken.txt").write_bytes(b"caf\xe9 au lait\n")
    result = runner.invoke(main, ["claims", str(corpus), "--format", "csv"])
    assert result.exit_code == 1
    assert "Ann Lee" in result.stdout
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "broken.txt" in lines[0]


def test_report_json_follows_the_contract(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(main, ["report", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {d["id"] for d in data["documents"]} == {"one", "two"}
    for c in data["claims"]:
        assert {"id", "doc", "start", "end", "text", "speaker", "speaker_mention", "quantities"} <= set(c)
    assert all({"id", "verdict", "claims", "conflicts", "reason", "origins"} <= set(g) for g in data["groups"])


def test_ingest_is_incremental_and_search_finds_claims(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    index = str(tmp_path / "ix")
    first = runner.invoke(main, ["ingest", str(corpus), "--index", index])
    assert first.exit_code == 0, first.output
    assert "2 documents indexed" in first.stderr
    again = runner.invoke(main, ["ingest", str(corpus), "--index", index])
    assert "0 documents indexed (0 claims), 2 unchanged skipped" in again.stderr
    # Not a terminal: the progress bar is its label alone, no bar, rate or time left.
    assert "documents/s" not in first.stderr and "[#" not in first.stderr
    found = runner.invoke(main, ["search", "people left their homes in the flood", "--index", index, "--format", "json"])
    assert found.exit_code == 0
    assert "2,000" in json.loads(found.stdout)[0]["claim"]
    table = runner.invoke(main, ["report", "--index", index])
    assert table.exit_code == 0 and "2 documents" in table.stdout


def test_missing_index_says_what_to_do(runner: CliRunner, tmp_path: Path) -> None:
    index = tmp_path / "none"
    result = runner.invoke(main, ["report", "--index", str(index)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: no index at {index}; run `verify ingest PATH --index {index}` first"


def test_index_of_another_version_is_refused(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "old"
    assert runner.invoke(main, ["ingest", str(corpus), "--index", str(index)]).exit_code == 0
    manifest = json.loads((index / "manifest.json").read_text())
    manifest["format"] = 999
    (index / "manifest.json").write_text(json.dumps(manifest))
    result = runner.invoke(main, ["claims", "--index", str(index)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: index {index} was written by verify format 999")
    assert "--rebuild" in result.stderr


def test_eval_scores_a_gold_file(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    text = (corpus / "two.md").read_text(encoding="utf-8")
    start = text.index("2,000")
    gold = {
        "corpus": str(corpus), "format_version": 1,
        "documents": [{"id": "one", "date": "2023-05-04"}, {"id": "two", "date": None}],
        "quantities": [{"id": "q1", "doc": "two", "anchor": "About 2,000 residents", "number": "About 2,000",
                        "start": start - 6, "end": start + 5, "value": 2000, "accept_values": [2000],
                        "qualifier": "approx", "counts": "residents", "optional": False}],
        "ignore": [], "attributions": [], "claims": [], "groups": [], "single_source": [], "traps": [],
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold))
    result = runner.invoke(main, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert json.dumps(scores).count("quantity") >= 1
    assert "1.0" in json.dumps(scores)


def test_eval_of_a_missing_gold_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["eval", str(tmp_path / "gold.json")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "gold.json" in result.stderr


def test_report_with_no_paths_and_no_index_reads_the_demo_corpus(runner: CliRunner, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's first command: a new user's `verify report` in an empty folder."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["report", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["documents"]) == 5
