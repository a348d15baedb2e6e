"""Word in, Word out: ``verify check draft.docx --format docx --out checked.docx``.

The commented copy is reopened with python-docx: its comments, the words each
is anchored on, and the document's text, which must not change.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from verify.cli import main
from verify.docx_out import _split, _run_text, commented_docx
from verify.embed import HashEmbedder
from verify.ingest import ingest
from verify.models import CheckedClaim, CheckResult
from verify.read import documents

CONTRADICTED = "The flood in Brenmoor killed 40 people on Tuesday, the regional governor Aldo Ferrante said."
SUPPORTED = "The flood in Brenmoor killed 12 people on Tuesday, the regional governor Aldo Ferrante said."
UNSUPPORTED = "A new dam above Lintz will open in the autumn of next year."


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("docx")
    for name, outlet in (("valley", "Valley Post"), ("herald", "Northern Herald")):
        (root / f"{name}.md").write_text(
            f"---\ntitle: Flood in Brenmoor\noutlet: {outlet}\ndate: 2024-04-10\nurl: https://{name}.example/flood\n---\n"
            f"{SUPPORTED}\n", encoding="utf-8")
    ingest([root / "valley.md", root / "herald.md"], root / "index", embedder=HashEmbedder())
    return root / "index"


def write_draft(path: Path) -> Path:
    """A draft whose claims start and end inside runs, cross bold and italic runs, with empty paragraphs."""
    d = docx.Document()
    d.add_paragraph("Brenmoor floods: a draft")
    d.add_paragraph("")
    p = d.add_paragraph("Editors' note. ")
    head, rest = CONTRADICTED.split(" killed ", 1)
    p.add_run(head + " kil")
    p.add_run("led ").bold = True
    p.add_run(rest.split(",")[0]).italic = True
    p.add_run("," + rest.split(",", 1)[1] + "\tMore soon.")
    d.add_paragraph("   ")
    d.add_paragraph(UNSUPPORTED)
    d.add_paragraph(SUPPORTED)
    d.save(str(path))
    return path


def body_text(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def anchors(path: Path) -> dict[int, str]:
    """The text between each comment's range start and end, in document order."""
    body = docx.Document(str(path)).element.body
    open_ids: set[int] = set()
    found: dict[int, list[str]] = {}
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(int(el.get(qn("w:id"))))
            found.setdefault(int(el.get(qn("w:id"))), [])
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(el.get(qn("w:id"))))
        elif el.tag == qn("w:r"):
            for i in open_ids:
                found[i].append(_run_text(el))
    return {i: "".join(parts) for i, parts in found.items()}


def test_a_commented_copy_anchors_each_claim_to_look_at_and_keeps_the_text(index: Path, tmp_path: Path) -> None:
    draft = write_draft(tmp_path / "draft.docx")
    before = body_text(draft)
    out = tmp_path / "checked.docx"
    result = CliRunner().invoke(main, ["check", str(draft), "--index", str(index), "--format", "docx", "--out", str(out)])
    assert result.exit_code == 1, result.output  # a claim is contradicted
    assert result.output.strip().endswith(f"Wrote {out} (3 comments)")
    assert body_text(out) == before
    assert body_text(draft) == before  # the draft itself is not touched
    commented = docx.Document(str(out))
    comments = {c.comment_id: c for c in commented.comments}
    assert len(comments) == 3
    anchored = anchors(out)
    by_text = {anchored[i]: c for i, c in comments.items()}
    # the claim runs to the tab after its sentence, as the check read it
    assert set(by_text) == {CONTRADICTED + "\t", UNSUPPORTED, SUPPORTED}
    contradicted = by_text[CONTRADICTED + "\t"]
    assert contradicted.author == "verify"
    assert contradicted.text.startswith("✘ Contradicted: 40 vs 12 deaths (in Northern Herald, Valley Post)\n≠ ")
    assert "Valley Post · “Flood in Brenmoor” · 2024-04-10 · https://valley.example/flood" in contradicted.text
    assert "Northern Herald" in contradicted.text
    assert by_text[UNSUPPORTED].text.startswith("? Unsupported: nothing in the corpus states this")
    # both articles rest on one speaker
    assert by_text[SUPPORTED].text.startswith("① Single source: 12 and 12 deaths; one origin only (Aldo Ferrante)")


def test_runs_split_at_the_claims_edges_keep_their_formatting(index: Path, tmp_path: Path) -> None:
    draft = write_draft(tmp_path / "draft.docx")
    doc = next(documents([draft]))
    from verify.check import check

    out = tmp_path / "checked.docx"
    commented_docx(draft, check(doc, index), out)
    paragraph = next(p for p in docx.Document(str(out)).paragraphs if p.text.startswith("Editors' note."))
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in paragraph.runs if r.text]
    head, rest = CONTRADICTED.split(" killed ", 1)
    assert runs == [
        ("Editors' note. ", False, False),
        (head + " kil", False, False),
        ("led ", True, False),
        (rest.split(",")[0], False, True),
        ("," + rest.split(",", 1)[1] + "\t", False, False),  # split after the claim's tab
        ("More soon.", False, False),
    ]
    assert paragraph.text == "Editors' note. " + CONTRADICTED + "\tMore soon."


@pytest.mark.parametrize("at", [1, 5, 9, 10, 13])
def test_split_keeps_text_in_order_across_tabs_and_breaks(at: int) -> None:
    d = docx.Document()
    run = d.add_paragraph().add_run("ab cd")
    run.add_tab()
    run.add_text(" ef")
    run.add_break()
    run.add_text("gh ")
    run.bold = True
    whole = _run_text(run._r)
    _split(run._r, at)
    left, right = run._r, run._r.getnext()
    assert _run_text(left) + _run_text(right) == whole
    assert _run_text(left) == whole[:at]
    assert left.find(qn("w:rPr")) is not None and right.find(qn("w:rPr")) is not None


def test_a_check_of_another_text_is_refused(tmp_path: Path) -> None:
    draft = write_draft(tmp_path / "draft.docx")
    wrong = CheckResult(draft=str(draft), claims=[CheckedClaim(start=0, end=8, text="Lintz da", status="unsupported",
                                                               reason="nothing in the corpus states this")])
    with pytest.raises(Exception, match="does not fit this file's text"):
        commented_docx(draft, wrong, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "docx"], "give a .docx DRAFT and --out FILE.docx"),
        (["--format", "docx", "--out", "x.docx", "DRAFT.md"], "give a .docx DRAFT and --out FILE.docx"),
    ],
)
def test_docx_needs_a_docx_draft_and_out(index: Path, tmp_path: Path, args: list[str], message: str) -> None:
    draft = write_draft(tmp_path / "draft.docx")
    md = tmp_path / "draft.md"
    md.write_text(UNSUPPORTED + "\n", encoding="utf-8")
    args = [str(md) if a == "DRAFT.md" else a for a in args]
    target = [] if str(md) in args else [str(draft)]
    result = CliRunner().invoke(main, ["check", *target, "--index", str(index), *args])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"Error: --format docx writes a commented copy of a .docx draft: {message}"]


def test_the_draft_is_never_overwritten(index: Path, tmp_path: Path) -> None:
    draft = write_draft(tmp_path / "draft.docx")
    before = draft.read_bytes()
    result = CliRunner().invoke(main, ["check", str(draft), "--index", str(index), "--format", "docx", "--out", str(draft)])
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {draft}: --out would overwrite the draft; give another file"
    assert draft.read_bytes() == before


def test_a_broken_docx_is_one_line(index: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["check", str(bad), "--index", str(index), "--format", "docx", "--out", str(tmp_path / "o.docx")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {bad}: not a valid .docx file")
