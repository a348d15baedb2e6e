"""The formats of report.py: cells never read as numbers, tables that fit 100
columns, every piece of evidence with its source, conflicts worst first."""

from __future__ import annotations

import csv
import io
import json

import pytest

from verify.models import CheckedClaim, CheckResult, Claim, DocumentRef, Evidence, Group, Quantity, Report
from verify.report import WIDTH, check_output, claims_output, columns, report_output

URL = "https://news.example/toll?a=1&b=2"
LONG = "The toll rose again " + "and again " * 80 + "officials said."


def _claim(cid: str, doc: str, text: str, value: float | None = None, **kw: object) -> Claim:
    quantities = []
    if value is not None:
        number = f"{value:,.0f}"
        at = text.index(number)
        quantities = [Quantity(start=at, end=at + len(number), text=number, value=value, counts=kw.pop("counts", None))]
    return Claim(id=cid, doc=doc, start=0, end=len(text), text=text, quantities=quantities, **kw)  # type: ignore[arg-type]


def sample() -> Report:
    """A discrepancy with two conflicts (the worse one stored second), an agreement, single-sourced facts."""
    claims = [
        _claim("a:1", "a", "At least 2,354 people died, the ministry said.", 2354, counts="deaths", speaker="Health Ministry"),
        _claim("b:1", "b", "The flood killed 2,500 people.", 2500, counts="deaths"),
        _claim("a:2", "a", "Some 1,000 homes were destroyed.", 1000, counts="homes"),
        _claim("c:1", "c", "Some 4,000 homes were destroyed.", 4000, counts="homes"),
        _claim("a:3", "a", "The dam broke on Monday.", speaker="Ann Lee", quote="The dam broke"),
        _claim("b:2", "b", "“The dam broke,” Ann Lee said.", speaker="Ann Lee", quote="The dam broke"),
        _claim("c:2", "c", LONG, None, speaker="Ann Lee", quote=LONG),
        _claim("c:3", "c", "The count was 2,354.", 2354),
    ]
    return Report(
        documents=[
            DocumentRef(id="a", path="corpus/a.txt", outlet="Daily <b>News</b> | Ltd", title="Flood toll", date="2024-03-01"),
            DocumentRef(id="b", path="corpus/b.json", outlet="River Gazette", title="Dam broke", date="2024-03-02", url=URL),
            DocumentRef(id="c", path="corpus/c.md"),
        ],
        claims=claims,
        groups=[
            Group(id="g1", verdict="agree", claims=["a:3", "b:2"], reason="Ann Lee quoted alike", origins=1),
            Group(id="g2", verdict="discrepancy", claims=["a:1", "b:1", "a:2", "c:1"],
                  conflicts=[("a:1", "b:1"), ("a:2", "c:1")], reason="at least 2,354 vs 2,500 deaths", origins=3),
        ],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("abc", 3), ("Zürich", 6), ("Z̸̢a̴", 2), ("東京", 4), ("👩‍👩‍👧", 6), ("z\u200bero", 4), ("قال", 3)],
)
def test_columns_a_terminal_gives_text(text: str, expected: int) -> None:
    assert columns(text) == expected


def test_wide_and_odd_text_stays_inside_the_table() -> None:
    claims = [_claim(f"x:{n}", "x", t) for n, t in enumerate(
        ["東京で" * 60, "👩‍👩‍👧 " * 50, "Z̸̢a̴l̷g̶o̵ " * 40, "\x1b[31mred\x1b[0m \u202eevil\u202c " * 10, "w" * 500], 1)]
    lines = claims_output(claims, "table").splitlines()
    assert max(columns(line) for line in lines) <= WIDTH
    assert not any(ch in line for line in lines for ch in "\x1b\u202e")


def test_no_cell_is_read_as_a_number() -> None:
    claims = [_claim("x:1", "x", "The count was 2,354.", 2354), _claim("x:2", "x", "1e5"), _claim("x:3", "x", "−3")]
    for fmt in ("table", "github"):
        out = claims_output(claims, fmt)
        assert "2,354" in out and "1e5" in out and "100000" not in out and "−3" in out


@pytest.mark.parametrize("fmt", ["table", "github", "csv", "json", "html"])
def test_every_source_is_named_and_linked(fmt: str) -> None:
    out = report_output(sample(), fmt)
    text = out.replace("&amp;", "&").replace("\\|", "|")
    for expected in ("River Gazette", "Dam broke", "2024-03-02", URL, "Flood toll", "2024-03-01", "corpus/a.txt", "corpus/c.md"):
        assert expected in text, expected


def test_conflicts_worst_first_in_every_format() -> None:
    report = sample()
    # 1,000 vs 4,000 homes (75% apart) comes before 2,354 vs 2,500 deaths (6%)
    table = report_output(report, "table")
    assert table.index("1,000 homes") < table.index("2,354 deaths")
    github = report_output(report, "github")
    assert github.index("1,000 homes") < github.index("2,354 deaths")
    rows = list(csv.DictReader(io.StringIO(report_output(report, "csv"))))
    assert rows[0]["conflicts"].index("1,000 homes") < rows[0]["conflicts"].index("2,354 deaths")
    data = json.loads(report_output(report, "json"))
    assert [g["conflicts"] for g in data["groups"] if g["id"] == "g2"] == [[["a:2", "c:1"], ["a:1", "b:1"]]]
    html = report_output(report, "html")
    assert html.index("1,000 homes") < html.index("2,354 deaths")


def test_report_table_summary_first_discrepancies_first_and_narrow() -> None:
    out = report_output(sample(), "table")
    lines = out.splitlines()
    assert lines[0] == "3 documents, 8 claims: 1 discrepancy, 1 agreement, 2 single-source"
    assert out.index("discrepancy g2") < out.index("agree g1") < out.index("single source")
    assert max(columns(line) for line in lines) <= WIDTH
    assert "Sources:" in out and "[2] River Gazette · “Dam broke” · 2024-03-02 · " + URL in out


def test_report_csv_one_row_per_evidence_with_its_source() -> None:
    rows = list(csv.DictReader(io.StringIO(report_output(sample(), "csv"))))
    first = rows[0]
    assert (first["group"], first["verdict"], first["outlet"], first["link"]) == ("g2", "discrepancy", "Daily <b>News</b> | Ltd", "corpus/a.txt")
    assert [r["claim_id"] for r in rows if r["group"] == "g2"] == ["a:1", "b:1", "a:2", "c:1"]
    assert next(r for r in rows if r["claim_id"] == "b:1")["link"] == URL


def test_json_keeps_the_full_text() -> None:
    data = json.loads(report_output(sample(), "json"))
    assert LONG in [c["text"] for c in data["claims"]]
    evidence = next(g for g in data["groups"] if g["id"] == "g2")["evidence"]
    assert evidence[1] == {"claim": "b:1", "doc": "b", "outlet": "River Gazette", "title": "Dam broke", "date": "2024-03-02",
                           "link": URL, "speaker": None, "text": "The flood killed 2,500 people."}


def checked() -> CheckResult:
    far = Evidence(doc="c", start=0, end=10, text="Some 4,000 homes were destroyed.", verdict="discrepancy",
                   reason="1,000 vs 4,000 homes", path="corpus/c.md", severity=0.75)
    near = Evidence(doc="b", start=0, end=10, text="The flood killed 2,500 people.", verdict="discrepancy",
                    reason="2,354 vs 2,500 deaths", path="corpus/b.json", outlet="River Gazette", title="Dam broke",
                    date="2024-03-02", url=URL, severity=0.06)
    return CheckResult(draft="draft.md", claims=[
        CheckedClaim(start=0, end=20, text="Paris will host talks.", status="unsupported", reason="nothing in the corpus states this"),
        CheckedClaim(start=21, end=60, text=LONG, status="contradicted", reason="1,000 vs 4,000 homes; 2,354 vs 2,500 deaths",
                     evidence=[far, near]),
    ])


@pytest.mark.parametrize("fmt", ["table", "github", "csv", "json", "html"])
def test_check_evidence_with_its_source(fmt: str) -> None:
    out = check_output(checked(), "x" * 200, fmt).replace("&amp;", "&")
    for expected in ("River Gazette", "2024-03-02", URL, "corpus/c.md" if fmt in ("table", "csv", "json") else "c.md"):
        assert expected in out, expected


def test_check_table_worst_first_and_narrow() -> None:
    out = check_output(checked(), "x" * 200, "table")
    lines = out.splitlines()
    assert lines[0] == "draft.md, 2 claims: 1 contradicted, 1 unsupported, 0 single-source, 0 supported"
    assert out.index("contradicted  ") < out.index("unsupported  ")
    assert max(columns(line) for line in lines) <= WIDTH
    assert "[1] c · corpus/c.md" in out and "[2] River Gazette · “Dam broke” · 2024-03-02 · " + URL in out


def test_a_vague_quantity_has_no_difference_to_rank() -> None:
    """"dozens" against 40: no value to compare, so no crash and no severity."""
    from verify.sources import worst_pair

    vague = Quantity(start=0, end=6, text="dozens", value=None, qualifier="vague", low=24, counts="deaths")
    a = Claim(id="a", doc="d1", start=0, end=13, text="dozens killed", quantities=[vague])
    b = _claim("b", "d2", "40 killed", 40, counts="deaths")
    assert worst_pair(a, b) == (0.0, None, None)


@pytest.mark.parametrize(("noun", "plural"), [
    ("peacekeeper", "peacekeepers"), ("child", "children"), ("man", "men"), ("woman", "women"),
    ("gunman", "gunmen"), ("police officer", "police officers"), ("casualty", "casualties"),
    ("witness", "witnesses"), ("person", "people"), ("human", "humans"), ("deaths", "deaths"),
    ("day", "days"), ("church", "churches"), ("aircraft", "aircraft"),
])
def test_what_a_number_counts_reads_in_the_plural(noun: str, plural: str) -> None:
    from verify.report import plural_of

    assert plural_of(noun) == plural
