"""ClaimReview JSON-LD, validated against tests/claimreview.schema.json: the
seeds report, a checked draft, and the rating each status gets."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from verify.claimreview import RATINGS, check_claimreview, claim_reviewed, report_claimreview
from verify.cli import main
from verify.models import CheckedClaim, CheckResult, Claim, Document, DocumentRef, Evidence, Group, Report

SCHEMA = json.loads((Path(__file__).parent / "claimreview.schema.json").read_text(encoding="utf-8"))
DESK = ["--publisher", "The Desk", "--url", "https://desk.example/checks"]


def valid(data: object) -> dict:
    jsonschema.validate(data, SCHEMA)
    return data  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three people died.", "Three people died."),
        ("The 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives.",
         "The 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives."),
        ("The 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives, officials said on Monday.",
         "The 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives…"),
        ("x" * 200, "x" * 73 + "…"),
    ],
)
def test_claim_reviewed_is_under_75_characters(text: str, expected: str) -> None:
    assert claim_reviewed(text) == expected
    assert len(claim_reviewed(text)) < 75


def test_a_discrepancy_review() -> None:
    text = "At least 2,354 people died in the flood that hit the valley on Monday, the ministry said."
    report = Report(
        documents=[
            DocumentRef(id="a", path="a.txt", outlet="Daily News", date="2024-03-02", url="https://a.example/flood"),
            DocumentRef(id="b", path="b.txt", title="Dam broke", date="2024-03-01", url="javascript:alert(1)"),
        ],
        claims=[Claim(id="a:1", doc="a", start=0, end=len(text), text=text, speaker="Health Ministry", speaker_type="body"),
                Claim(id="b:1", doc="b", start=0, end=10, text="The flood killed 2,500 people.")],
        groups=[Group(id="g1", verdict="discrepancy", claims=["a:1", "b:1"], conflicts=[("a:1", "b:1")],
                      reason="at least 2,354 vs 2,500 deaths", origins=2)],
    )
    data = valid(report_claimreview(report, "The Desk", "https://desk.example/checks"))
    (review,) = data["@graph"]
    assert review["url"] == "https://desk.example/checks#g1"
    assert review["author"] == {"@type": "Organization", "name": "The Desk", "url": "https://desk.example/checks"}
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                                      "alternateName": "Reported differently by 2 sources"}
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Health Ministry"}
    assert item["datePublished"] == "2024-03-01"
    # a javascript: url is never given as the article's address: its file is
    assert [w["url"] for w in item["appearance"]] == ["https://a.example/flood", (Path.cwd() / "b.txt").as_uri()]


def test_every_status_has_its_rating() -> None:
    def claim(status: str, n: int, **kw: object) -> CheckedClaim:
        return CheckedClaim(start=n, end=n + 1, text=f"claim {n}", status=status, reason="r", **kw)  # type: ignore[arg-type]

    against = [Evidence(doc=d, start=0, end=1, text="t", verdict="discrepancy", path=f"{d}.txt") for d in ("a", "b", "a")]
    result = CheckResult(draft="draft.md", claims=[
        claim("contradicted", 0, evidence=against, speaker="Ann Lee", speaker_type="person"),
        claim("supported", 2, origins=3, evidence=[Evidence(doc="c", start=0, end=1, text="t", path="c.txt", date="2024-01-05")]),
        claim("single-source", 4), claim("unsupported", 6),
    ])
    draft = Document(id="draft", path="draft.md", text="x", outlet="The Desk", date="2024-03-05")
    graph = valid(check_claimreview(result, "The Desk", "https://desk.example/checks", draft))["@graph"]
    assert [(r["reviewRating"]["ratingValue"], r["reviewRating"]["alternateName"]) for r in graph] == [
        (1, "Contradicted by 2 sources"), (5, "Supported by 3 independent sources"), (4, "Single source"), (3, "Unsupported")]
    assert graph[0]["itemReviewed"]["author"] == {"@type": "Person", "name": "Ann Lee"}
    assert [w["url"].rsplit("/", 1)[-1] for w in graph[0]["citation"]] == ["a.txt", "b.txt"]  # each article once, in order
    assert graph[1]["itemReviewed"]["author"] == {"@type": "Organization", "name": "The Desk"}
    assert graph[1]["itemReviewed"]["datePublished"] == "2024-03-05"
    assert graph[1]["citation"][0]["datePublished"] == "2024-01-05"
    assert sorted(RATINGS.values()) == [1, 2, 3, 4, 5]


@pytest.mark.model
def test_seeds_report_as_claimreview(seeds_dir: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(seeds_dir), "--format", "claimreview", *DESK])
    assert result.exit_code == 0, result.output
    graph = valid(json.loads(result.stdout))["@graph"]
    assert graph, "the seeds hold a discrepancy"
    assert {r["reviewRating"]["ratingValue"] for r in graph} == {RATINGS["discrepancy"]}
    assert all(r["url"].startswith("https://desk.example/checks#g") for r in graph)


@pytest.mark.model
def test_a_checked_draft_as_claimreview(seeds_dir: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    assert CliRunner().invoke(main, ["ingest", str(seeds_dir), "--index", str(index)]).exit_code == 0
    draft = tmp_path / "draft.md"
    draft.write_text("The 2020 war between Armenia and Azerbaijan claimed more than 9,000 lives.\n\n"
                     "Russia deployed some 2,000 peacekeepers to oversee the truce.\n\n"
                     "The two leaders will meet in Paris next spring to sign a final peace treaty.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--index", str(index), "--format", "claimreview", *DESK])
    assert result.exit_code == 1  # a contradicted claim still stops a pipeline
    graph = valid(json.loads(result.stdout))["@graph"]
    names = [r["reviewRating"]["alternateName"] for r in graph]
    assert names[0].startswith("Contradicted by ") and names[1].startswith("Supported by ") and names[2] == "Unsupported"
    assert graph[0]["itemReviewed"]["appearance"][0]["url"] == draft.resolve().as_uri()
    assert all(w["url"].startswith("file://") for w in graph[0]["citation"])
