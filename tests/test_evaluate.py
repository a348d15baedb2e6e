"""Scoring against a gold file: each rule of FORMAT.md's "Scoring" on hand-made reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from verify.errors import GoldError
from verify.evaluate import Gold, Scores, evaluate, format_scores, load_gold, score
from verify.models import Claim, DocumentRef, Group, Quantity, Report

DOCS = [{"id": "a", "date": None}, {"id": "b", "date": "2022-08-05"}]


def write_gold(tmp_path: Path, **parts: Any) -> Path:
    data = {"corpus": "corpus", "documents": DOCS, **parts}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def gold(tmp_path: Path, **parts: Any) -> Gold:
    return load_gold(write_gold(tmp_path, **parts))


def gq(id: str, doc: str, start: int, end: int, value: float = 3, qualifier: str = "exact",
       **extra: Any) -> dict[str, Any]:
    return {"id": id, "doc": doc, "anchor": "", "number": "x" * (end - start), "start": start,
            "end": end, "value": value, "qualifier": qualifier, **extra}


def gc(id: str, doc: str, start: int, end: int) -> dict[str, Any]:
    return {"id": id, "doc": doc, "anchor": "anchor text", "start": start, "end": end}


def q(start: int, end: int, value: float = 3, qualifier: str = "exact") -> Quantity:
    return Quantity(start=start, end=end, text="n", value=value, qualifier=qualifier)  # type: ignore[arg-type]


def c(id: str, doc: str, start: int, end: int, *quantities: Quantity, speaker: str | None = None,
      mention: str | None = None) -> Claim:
    return Claim(id=id, doc=doc, start=start, end=end, text=f"claim {id}", speaker=speaker,
                 speaker_mention=mention, quantities=list(quantities))


def report(*claims: Claim, groups: list[Group] | None = None) -> Report:
    docs = [DocumentRef(id=d["id"], path=f"{d['id']}.txt") for d in DOCS]
    return Report(documents=docs, claims=list(claims), groups=groups or [])


def counts(scores: Scores) -> dict[str, tuple[int, int]]:
    return {k: (m.count, m.total) for k, m in scores.measures().items()}


# -- quantities ---------------------------------------------------------------


def test_quantity_recall_precision_and_ignore(tmp_path: Path) -> None:
    g = gold(tmp_path,
             quantities=[gq("q1", "a", 10, 20), gq("q2", "a", 30, 35),
                         gq("q3", "a", 40, 45, optional=True)],
             ignore=[{"doc": "a", "anchor": "in 2020", "start": 58, "end": 72}])
    r = report(c("c1", "a", 0, 50, q(15, 25), q(40, 45)),  # overlaps q1; optional q3
               c("c2", "a", 55, 90, q(60, 70), q(80, 85)),  # inside ignore; false positive
               c("c3", "b", 0, 50, q(10, 20)))  # q1's span, but another document
    s = score(g, r)
    assert (s.quantity_recall.count, s.quantity_recall.total) == (1, 2)  # optional q3 not counted
    assert [i.gold for i in s.quantity_recall.misses] == ["q2"]
    assert (s.quantity_precision.count, s.quantity_precision.total) == (3, 5)
    assert [(i.doc, i.claim) for i in s.quantity_precision.misses] == [("a", "c2"), ("b", "c3")]
    assert [i.gold for i in s.quantity_precision.items if i.ok] == ["q1", "q3", "ignore"]


def test_optional_quantity_missed_is_not_counted(tmp_path: Path) -> None:
    g = gold(tmp_path, quantities=[gq("q1", "a", 10, 20, optional=True)])
    s = score(g, report(c("c1", "a", 0, 50)))
    assert counts(s)["quantity_recall"] == (0, 0)
    assert s.quantity_recall.value is None
    assert counts(s)["quantity_precision"] == (0, 0)


def test_overlap_is_end_exclusive(tmp_path: Path) -> None:
    g = gold(tmp_path, quantities=[gq("q1", "a", 10, 20)])
    s = score(g, report(c("c1", "a", 0, 50, q(20, 25), q(5, 10))))
    assert counts(s)["quantity_recall"] == (0, 1)
    assert counts(s)["quantity_precision"] == (0, 2)


def test_a_quantity_held_by_two_claims_counts_once(tmp_path: Path) -> None:
    g = gold(tmp_path, quantities=[gq("q1", "a", 10, 20)])
    s = score(g, report(c("c1", "a", 0, 30, q(30, 33)), c("c2", "a", 5, 40, q(30, 33), q(10, 20))))
    assert counts(s)["quantity_precision"] == (1, 2)


@pytest.mark.parametrize(
    ("predicted", "right"),
    [
        ([q(10, 20, 6500, "more_than")], True),
        ([q(10, 20, 6000, "more_than")], False),  # value wrong
        ([q(10, 20, 6500, "exact")], False),  # qualifier wrong
        ([q(8, 12, 1, "vague"), q(12, 20, 6500, "more_than")], True),  # largest overlap wins
        ([q(10, 18, 6500, "more_than"), q(18, 30, 1, "vague")], True),
    ],
)
def test_normalised_uses_the_largest_overlap(tmp_path: Path, predicted: list[Quantity], right: bool) -> None:
    g = gold(tmp_path, quantities=[gq("q1", "a", 10, 20, 6500, "more_than")])
    s = score(g, report(c("c1", "a", 0, 50, *predicted)))
    assert counts(s)["normalised"] == (int(right), 1)


def test_accept_values_and_why(tmp_path: Path) -> None:
    g = gold(tmp_path, quantities=[gq("q1", "a", 10, 30, 3, "less_than", accept_values=[3, 30]),
                                   gq("q2", "a", 40, 45, 2)])
    s = score(g, report(c("c1", "a", 0, 50, q(10, 30, 30, "less_than"), q(40, 45, 2.5, "approx"))))
    assert counts(s)["normalised"] == (1, 2)
    assert s.normalised.misses[0].why == "value 2.5 not in 2; qualifier approx, not exact"


# -- attributions -------------------------------------------------------------


def attribution(id: str, start: int, end: int, speaker: str, aliases: list[str]) -> dict[str, Any]:
    return {"id": id, "doc": "a", "anchor": "", "start": start, "end": end, "speaker": speaker,
            "aliases": aliases, "kind": "direct"}


@pytest.mark.parametrize(
    ("speaker", "mention", "right"),
    [
        ("Azerbaijan's Foreign Ministry", None, True),
        ("AZERBAIJAN’S FOREIGN MINISTRY", None, True),  # case, typographic apostrophe
        ("Azerbaijans  Foreign-Ministry", None, False),  # hyphen removed joins two words
        ("Azerbaijans Foreign Ministry.", None, True),  # punctuation and spacing ignored
        ("Foreign Minister", None, False),
        (None, "the Foreign Ministry", False),
        (None, "Foreign Ministry", True),  # the mention is an alias
        ("Someone Else", "“Foreign Ministry,”", True),
        (None, None, False),  # the outlet's own voice
    ],
)
def test_attribution_aliases(tmp_path: Path, speaker: str | None, mention: str | None, right: bool) -> None:
    g = gold(tmp_path, attributions=[attribution("a1", 10, 40, "Azerbaijan's Foreign Ministry",
                                                 ["Foreign Ministry"])])
    s = score(g, report(c("c1", "a", 0, 50, speaker=speaker, mention=mention)))
    assert counts(s)["attribution"] == (int(right), 1)


def test_attribution_takes_the_claim_overlapping_most(tmp_path: Path) -> None:
    g = gold(tmp_path, attributions=[attribution("a1", 10, 40, "Ned Price", ["Price"]),
                                     attribution("a2", 100, 120, "Ned Price", [])])
    r = report(c("c1", "a", 0, 15, speaker="Price"), c("c2", "a", 15, 60, speaker="Antony Blinken"),
               c("c3", "b", 100, 120, speaker="Ned Price"))  # another document
    s = score(g, r)
    assert counts(s)["attribution"] == (0, 2)
    first, second = s.attribution.items
    assert (first.claim, first.got, first.why) == ("c2", "Antony Blinken", "speaker wrong")
    assert (second.claim, second.why) == (None, "no predicted claim overlaps")


# -- groups, single source, traps ---------------------------------------------


SPANS = {"quantities": [gq("qa", "a", 10, 15), gq("qb", "b", 20, 25)],
         "claims": [gc("ca", "a", 100, 150), gc("cb", "b", 200, 250), gc("cb2", "b", 300, 350)]}


def claims() -> list[Claim]:
    return [c("x", "a", 0, 50, q(10, 15)), c("y", "b", 0, 50, q(20, 25)),
            c("u", "a", 100, 150), c("v", "b", 200, 250), c("w", "b", 300, 350)]


def grouped(tmp_path: Path, gold_groups: list[dict[str, Any]], groups: list[Group], **parts: Any) -> Scores:
    return score(gold(tmp_path, **SPANS, groups=gold_groups, **parts), report(*claims(), groups=groups))


AGREE = {"id": "g1", "verdict": "agree", "members": ["qa", "qb"]}
DISCREPANCY = {"id": "g2", "verdict": "discrepancy", "members": ["ca", "cb"]}


@pytest.mark.parametrize(
    ("groups", "held"),
    [
        ([Group(id="p1", verdict="agree", claims=["x", "y", "w"])], True),
        ([Group(id="p1", verdict="discrepancy", claims=["x", "y", "w"], conflicts=[("y", "w")])], True),
        ([Group(id="p1", verdict="discrepancy", claims=["x", "y"], conflicts=[("x", "y")])], False),
        ([Group(id="p1", verdict="agree", claims=["x"]), Group(id="p2", verdict="agree", claims=["y"])], False),
        ([], False),
    ],
)
def test_agree_group(tmp_path: Path, groups: list[Group], held: bool) -> None:
    assert counts(grouped(tmp_path, [AGREE], groups))["groups"] == (int(held), 1)


@pytest.mark.parametrize(
    ("groups", "held"),
    [
        ([Group(id="p1", verdict="discrepancy", claims=["u", "v", "w"], conflicts=[("v", "u")])], True),
        ([Group(id="p1", verdict="discrepancy", claims=["u", "v"])], True),  # a group of just them
        ([Group(id="p1", verdict="discrepancy", claims=["u", "v", "w"])], False),
        ([Group(id="p1", verdict="discrepancy", claims=["u", "v", "w"], conflicts=[("u", "w")])], False),
        ([Group(id="p1", verdict="agree", claims=["u", "v"])], False),
    ],
)
def test_discrepancy_group(tmp_path: Path, groups: list[Group], held: bool) -> None:
    assert counts(grouped(tmp_path, [DISCREPANCY], groups))["groups"] == (int(held), 1)


def test_a_quantity_member_maps_to_the_claim_holding_it(tmp_path: Path) -> None:
    g = gold(tmp_path, **SPANS, groups=[AGREE])
    # z covers qa's span most, but x holds the quantity
    r = report(c("z", "a", 5, 20), *claims(), groups=[Group(id="p1", verdict="agree", claims=["x", "y"])])
    s = score(g, r)
    assert counts(s)["groups"] == (1, 1)
    assert s.groups.items[0].got == "qa→x, qb→y"


def test_a_quantity_member_without_a_predicted_quantity_maps_by_span(tmp_path: Path) -> None:
    g = gold(tmp_path, **SPANS, groups=[AGREE])
    r = report(c("x", "a", 0, 50), c("y", "b", 0, 50, q(20, 25)),
               groups=[Group(id="p1", verdict="agree", claims=["x", "y"])])
    assert counts(score(g, r))["groups"] == (1, 1)


def test_group_anchors_locate_members(tmp_path: Path) -> None:
    anchored = {**AGREE, "anchors": ["ca", "cb"]}
    s = grouped(tmp_path, [anchored], [Group(id="p1", verdict="agree", claims=["u", "v"])])
    assert counts(s)["groups"] == (1, 1)


def test_group_with_an_unmatched_member(tmp_path: Path) -> None:
    g = gold(tmp_path, **SPANS, groups=[AGREE])
    s = score(g, report(c("x", "a", 0, 50, q(10, 15))))
    item = s.groups.items[0]
    assert (item.ok, item.got, item.why) == (False, "qa→x, qb→nothing", "a member has no predicted claim")


@pytest.mark.parametrize(
    ("groups", "held"),
    [
        ([], [True, True, False]),
        ([Group(id="p1", verdict="agree", claims=["v", "w"])], [True, True, False]),  # one document
        ([Group(id="p1", verdict="agree", claims=["u", "w"])], [False, True, False]),
        ([Group(id="p1", verdict="agree", claims=["x", "v"])], [True, False, False]),
    ],
)
def test_single_source(tmp_path: Path, groups: list[Group], held: list[bool]) -> None:
    spans = {**SPANS, "claims": [*SPANS["claims"], gc("cz", "b", 900, 950)]}  # nothing predicted at cz
    g = gold(tmp_path, **spans, single_source=["ca", "cb", "cz"])
    s = score(g, report(*claims(), groups=groups))
    assert [i.ok for i in s.single_source.items] == held


@pytest.mark.parametrize(
    ("groups", "sprung"),
    [
        ([Group(id="p1", verdict="agree", claims=["x", "y"])], 0),
        ([Group(id="p1", verdict="discrepancy", claims=["x", "y", "u"], conflicts=[("u", "x")])], 0),
        ([Group(id="p1", verdict="discrepancy", claims=["x", "y"], conflicts=[("y", "x")])], 1),
    ],
)
def test_trap(tmp_path: Path, groups: list[Group], sprung: int) -> None:
    traps = [{"id": "t1", "members": ["qa", "qb"], "must_not": "discrepancy", "why": "different events"}]
    s = grouped(tmp_path, [], groups, traps=traps)
    assert counts(s)["traps"] == (sprung, 1)


# -- output -------------------------------------------------------------------


def test_format_scores_and_to_dict(tmp_path: Path) -> None:
    traps = [{"id": "t1", "members": ["qa", "qb"], "why": "different events"}]
    conflict = Group(id="p1", verdict="discrepancy", claims=["x", "y"], conflicts=[("x", "y")])
    s = grouped(tmp_path, [AGREE], [conflict], traps=traps)
    table = format_scores(s)
    assert table.splitlines() == [
        "measure                  score    count",
        "---------------------  -------  -------",
        "quantity recall           1.00      2/2",
        "quantity precision        1.00      2/2",
        "quantities normalised     1.00      2/2",
        "attribution accuracy         –      0/0",
        "groups held               0.00      0/1",
        "single-source held           –      0/0",
        "traps sprung              1.00      1/1",
    ]
    verbose = format_scores(s, verbose=True)
    assert verbose.startswith(table)
    assert verbose[len(table):] == (
        "\n\ngroups held: 1 missed\n"
        "  g1 [a, b] expected agree: qa, qb; got qa→x, qb→y (together in p1, but a conflict there joins them)\n"
        "\ntraps sprung: 1 sprung\n"
        "  t1 [a, b] expected no discrepancy (different events); got qa→x, qb→y (conflict x–y in p1)"
    )
    data = json.loads(json.dumps(s.to_dict()))
    assert data["traps"]["count"] == 1 and data["groups"]["value"] == 0.0
    assert data["groups"]["misses"][0]["gold"] == "g1"


def test_missing_documents_are_named(tmp_path: Path) -> None:
    g = gold(tmp_path)
    s = score(g, Report(documents=[DocumentRef(id="a", path="a.txt")], claims=[]))
    assert s.missing_documents == ("b",)
    assert "1 gold document(s) not in the report: b" in format_scores(s)


# -- loading ------------------------------------------------------------------


def test_load_gold_resolves_the_corpus(tmp_path: Path) -> None:
    g = gold(tmp_path, quantities=[gq("q1", "a", 1, 2)], extra_key="ignored")
    assert g.corpus_dir == (tmp_path / "corpus").resolve()
    assert g.quantities[0].accept_values == [3]  # defaults to the value


def test_evaluate_runs_on_the_corpus(tmp_path: Path) -> None:
    path = write_gold(tmp_path, quantities=[gq("q1", "a", 10, 20)])
    seen: list[Path] = []

    def run(corpus: Path) -> Report:
        seen.append(corpus)
        return report(c("c1", "a", 0, 50, q(10, 20)))

    with pytest.raises(GoldError, match="is not a folder"):
        evaluate(path, run)
    (tmp_path / "corpus").mkdir()
    assert counts(evaluate(path, run))["quantity_recall"] == (1, 1)
    assert seen == [(tmp_path / "corpus").resolve()]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("{ not json", "is not valid JSON: Expecting property name enclosed in double quotes at line 1, column 3"),
        (b"\xff\xfe", "is not UTF-8 text"),
        ("[]", "must hold one JSON object"),
        ({"documents": []}, "is invalid: corpus: Field required"),
        ({"corpus": ".", "quantities": [gq("q1", "a", 5, 5)]}, "quantities.0: end 5 is not after start 5"),
        ({"corpus": ".", "quantities": [gq("q1", "a", 1, 2, qualifier="some")]}, "quantities.0.qualifier"),
        ({"corpus": ".", "claims": [gc("c1", "a", 1, 2), gc("c1", "a", 3, 4)]}, "id 'c1' is used twice"),
        ({"corpus": ".", "traps": [{"id": "t1", "members": ["c1", "c2"]}]}, "t1 names 'c1', which is no"),
        ({"corpus": ".", "documents": DOCS, "claims": [gc("c1", "z", 1, 2)]}, "document 'z' is not in documents"),
    ],
)
def test_load_gold_errors(tmp_path: Path, content: Any, message: str) -> None:
    path = tmp_path / "gold.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold(path)
    text = str(err.value)
    assert text.startswith(f"Gold file {path} ") and message in text
    assert "\n" not in text


def test_load_gold_on_a_folder(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="is a folder"):
        load_gold(tmp_path)
