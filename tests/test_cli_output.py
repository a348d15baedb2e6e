"""Every format of claims, report and check on article text that once broke
the tables (numbers with separators, odd unicode, control characters, very
long cells), and the seeds report in a terminal of 100 columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.cli import main
from verify.report import columns

pytestmark = pytest.mark.model

URL = "https://news.example/toll?a=1&b=2"
ODD = {
    "numbers.txt": "date 2024-03-01\nThe ministry said the toll rose to 2,354 on Monday.\n\nThe count was 2,354.\n\n"
    "Officials put the loss at 1.234,5 euros and the temperature at −3 degrees.\n\n"
    "The model assumed 1e5 cases, the agency said.\n",
    "rtl.txt": "قال الوزير إن 2,354 شخصا قتلوا في الهجوم.\n\nהשר אמר כי 12 בני אדם נפצעו.\n\n"
    "The minister, ‮Ali Hassan‬, said 2,354 people died.\n",
    "marks.txt": "Z̸̢a̴l̷g̶o̵ reported that 7 people were injured in Zürich.\n\n"
    "A family of 👩‍👩‍👧 3 people fled, and 🇺🇦 officials said 40 homes burned.\n\n"
    "The z\u200bero\u200dwidth\u200c report said 5 people died, the mayor said.\n",
    "controls.txt": "The governor said\x07 that 2,354 people\x1b[31m were evacuated\x1b[0m on Tuesday.\x0c\n\n"
    "A\x0bvertical tab and a line\u2028separator: 9 people were hurt, police said.\n\tTabbed\tline: 2,354 died.\r\n",
    "long.txt": "The report said " + "the water kept rising over the old town and the fields, " * 40
    + "and 4 people died in district 9, 8 were hurt.\n\n" + "Word" * 800 + " said 4 people died.\n",
    "records.jsonl": json.dumps({"text": "The toll rose to 2,400, the governor said on Tuesday.", "title": "Toll | rises",
                                 "outlet": "Daily <b>News</b>", "date": "2024-03-02", "url": URL}) + "\n",
}


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("odd") / "articles"
    folder.mkdir()
    for name, text in ODD.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    return folder


@pytest.fixture(scope="module")
def index(odd: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("odd-index") / "ix"
    done = CliRunner().invoke(main, ["ingest", str(odd), "--index", str(path)])
    assert done.exit_code == 0, done.output
    return path


def _ok(args: list[str], codes: tuple[int, ...] = (0,)) -> str:
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code in codes, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["table", "github", "csv", "json"])
def test_claims_of_odd_text(odd: Path, fmt: str) -> None:
    out = _ok(["claims", str(odd), "--format", fmt])
    assert "2,354" in out
    if fmt == "table":
        assert "\x1b" not in out and "\x07" not in out
        assert max(columns(line) for line in out.splitlines()) <= 100


@pytest.mark.parametrize("fmt", ["table", "github", "csv", "json", "html", "claimreview"])
def test_report_of_odd_text(odd: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    printed = _ok(["report", str(odd), "--format", fmt, "--out", str(out)])
    assert printed == ""
    text = out.read_text(encoding="utf-8")
    assert "Daily" in text or fmt == "claimreview"
    if fmt in ("json", "claimreview"):
        json.loads(text)
    if fmt == "table":
        assert max(columns(line) for line in text.splitlines()) <= 100
        assert URL in text


@pytest.mark.parametrize("fmt", ["table", "github", "csv", "json", "html", "claimreview"])
def test_check_of_odd_text(odd: Path, index: Path, tmp_path: Path, fmt: str) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("".join(text for name, text in ODD.items() if name.endswith(".txt")), encoding="utf-8", newline="")
    out = tmp_path / f"check.{fmt}"
    _ok(["check", str(draft), "--index", str(index), "--format", fmt, "--out", str(out), "--fail-on", "contradicted"],
        codes=(0, 1))
    text = out.read_text(encoding="utf-8")
    if fmt in ("json", "claimreview"):
        json.loads(text)
    if fmt == "table":
        assert max(columns(line) for line in text.splitlines()) <= 100


def test_search_of_odd_text_fits(index: Path) -> None:
    out = _ok(["search", "2,354 people died", "--index", str(index)])
    assert max(columns(line) for line in out.splitlines()) <= 100
    assert "Sources:" in out


def test_seeds_report_fits_a_terminal_of_100_columns(seeds_dir: Path) -> None:
    out = _ok(["report", str(seeds_dir)])
    lines = out.splitlines()
    assert lines[0].startswith("5 documents, ") and " discrepanc" in lines[0] and "single-source" in lines[0]
    assert max(columns(line) for line in lines) <= 100
    assert out.index("discrepancy g") < out.index("agree g")
    assert "seeds/003_6e6245e77d5995f7.txt" in out  # the file a person opens


def test_a_written_file_is_named_last(corpus_dir: Path, tmp_path: Path) -> None:
    (corpus_dir / "broken.txt").write_bytes(b"caf\xe9\n")
    out = tmp_path / "r.md"
    result = CliRunner().invoke(main, ["report", str(corpus_dir), "--format", "github", "--out", str(out)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("Error: ") and "broken.txt" in lines[0]
    assert lines[-1] == f"Wrote {out}"


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("The flood forced 2,000 people from their homes, the governor said.\n", encoding="utf-8")
    return folder
