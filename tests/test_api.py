"""The public API: ``__all__`` matches what ``verify`` exports, and works."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import pytest

import verify
from verify.embed import HashEmbedder
from verify.ingest import ingest as ingest_with


def test_all_names_resolve() -> None:
    for name in verify.__all__:
        assert getattr(verify, name) is not None, name


def test_the_library_answers_without_the_command_line(seeds_dir) -> None:
    docs, found = verify.corpus([seeds_dir])
    assert len(docs) == 5
    assert any(c.speaker == "Javier Colomina" for c in found)
    assert all(isinstance(c, verify.Claim) for c in found)


def test_the_functions_stay_functions_after_every_module_is_imported() -> None:
    for info in pkgutil.walk_packages(verify.__path__, "verify."):
        if info.name.startswith("verify.serve"):
            continue  # the web page's dependencies are optional; imported below when present
        importlib.import_module(info.name)
    try:
        importlib.import_module("verify.serve.app")
    except ImportError:
        pass
    for name in ("check", "ingest", "report", "search"):
        __import__(f"verify.{name}")  # as ``import verify.check`` does: sets the package's attribute
    from verify.check import check as check_module_function

    for name in ("check", "ingest", "report", "search"):
        assert getattr(verify, name).__module__ == "verify.api", name
        assert callable(getattr(verify, name))
        assert sys.modules[f"verify.{name}"].__name__ == f"verify.{name}"  # the module is still there
    assert check_module_function.__module__ == "verify.check"
    assert importlib.import_module("verify.check").STATUSES


@pytest.mark.parametrize("name", ["check", "ingest", "report", "search"])
def test_help_documents_each_function(name: str) -> None:
    doc = getattr(verify, name).__doc__
    assert doc and len(doc.split()) > 20


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two invented articles that differ on a toll, indexed with the hash embedder
    (the logic of the API, not the meaning of the words, is under test)."""
    folder = tmp_path_factory.mktemp("api")
    (folder / "a.md").write_text(
        "---\ntitle: Storm hits Valdoria\noutlet: Valdoria Post\ndate: 2024-03-02\n---\n"
        "The storm killed 12 people in Valdoria on Friday, the civil protection agency said.\n",
        encoding="utf-8")
    (folder / "b.md").write_text(
        "---\ntitle: Valdoria storm toll rises\noutlet: Northern Herald\ndate: 2024-03-02\n---\n"
        "The storm killed 19 people in Valdoria on Friday, the civil protection agency said.\n",
        encoding="utf-8")
    path = folder / "index"
    ingest_with([folder / "a.md", folder / "b.md"], path, embedder=HashEmbedder())
    return path


def test_report_search_and_check_return_the_models(index: Path, tmp_path: Path) -> None:
    report = verify.report(index=index)
    assert isinstance(report, verify.Report)
    assert {d.outlet for d in report.documents} == {"Valdoria Post", "Northern Herald"}

    hits = verify.search("storm killed people in Valdoria", index, k=3)
    assert hits and isinstance(hits[0], verify.Hit)
    assert hits[0].document.outlet in {"Valdoria Post", "Northern Herald"}
    assert hits[0].score >= hits[-1].score

    steps: list[tuple[int, int]] = []
    as_text = verify.check("The storm killed 40 people in Valdoria on Friday.", index, progress=lambda d, t: steps.append((d, t)))
    assert isinstance(as_text, verify.CheckResult) and as_text.draft == "<text>"
    # one step per claim of the draft (its sentence and its number)
    assert steps and steps[-1][0] == steps[-1][1] >= 2 and [d for d, _ in steps] == list(range(1, steps[-1][1] + 1))
    draft = tmp_path / "draft.md"
    draft.write_text("The storm killed 40 people in Valdoria on Friday.\n", encoding="utf-8")
    for given in (draft, str(draft)):
        result = verify.check(given, index)
        assert result.draft == str(draft)
        assert [c.text for c in result.claims] == [c.text for c in as_text.claims]


def test_ingest_counts_and_reports_progress(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("The bridge in Ostrava Nova cost 40 million euros, the mayor said.\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    stats = verify.ingest(tmp_path / "one.txt", tmp_path / "ix", progress=lambda d, t: seen.append((d, t)))
    assert stats.documents == 1 and not stats.errors
    assert seen == [(1, 1)]


def test_a_missing_draft_file_is_one_clear_error(index: Path, tmp_path: Path) -> None:
    with pytest.raises(verify.VerifyError, match="no such file"):
        verify.check(tmp_path / "nowhere.docx", index)


class _Terminal(__import__("io").StringIO):
    def isatty(self) -> bool:
        return True


def test_long_commands_draw_a_bar_on_a_terminal_only(index: Path) -> None:
    from verify.cli import _progress

    screen = _Terminal()
    with _progress("Reporting", screen) as step:
        assert step is not None
        verify.report(index=index, progress=step)
    shown = screen.getvalue()
    # the candidate pairs of claims judged, done of the total
    assert "Reporting" in shown and __import__("re").search(r"(\d+)/\1\b", shown), shown
    piped = __import__("io").StringIO()
    with _progress("Reporting", piped) as step:
        assert step is None
    assert piped.getvalue() == ""


def test_report_collects_bad_files_when_asked(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The bridge in Ostrava Nova cost 40 million euros, the mayor said.\n", encoding="utf-8")
    errors: list[verify.VerifyError] = []
    steps: list[tuple[int, int]] = []
    result = verify.report([good, tmp_path / "missing.txt"], errors=errors, progress=lambda d, t: steps.append((d, t)))
    assert [d.id for d in result.documents] == ["good"]
    assert len(errors) == 1 and "missing.txt: no such file" in str(errors[0])
    assert steps == [(1, 1)]
    with pytest.raises(verify.InputError, match="missing.txt"):
        verify.report([tmp_path / "missing.txt"])
