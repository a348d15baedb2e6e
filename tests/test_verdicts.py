"""The pair rules of verdicts: tables of (two claims, expected verdict)."""

from __future__ import annotations

import pytest

from verify.models import Claim, Document, Quantity
from verify.match.compare import compare_quantities, plausible, same_time
from verify.match.facts import interval, measure, subgroup
from verify.match.quotes import compare_quotes, same_words, shared_phrase


def q(text: str, value: float, qualifier: str = "exact", *, start: int = 0, counts: str | None = "deaths",
      unit: str | None = "person", kind: str = "count", low: float | None = None, high: float | None = None) -> Quantity:
    if qualifier == "exact" and low is None:
        low = high = value
    return Quantity(start=start, end=start + len(text), text=text, value=value, qualifier=qualifier,
                    low=low, high=high, unit=unit, counts=counts, kind=kind)


def claim(cid: str, text: str, *quantities: Quantity, doc: str | None = None, speaker: str | None = None,
          quote: str | None = None, time: str | None = None) -> Claim:
    return Claim(id=cid, doc=doc or cid.split(":")[0], start=0, end=len(text), text=text, speaker=speaker,
                 quote=quote, quantities=list(quantities), time=time)


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        (q("more than 6,500", 6500, "more_than", low=6500), q("more than 6,500", 6500, "more_than", low=6500), "agree"),
        (q("6,500", 6500), q("more than 6,500", 6500, "more_than", low=6500), "agree"),
        (q("three", 3), q("at least three", 3, "at_least", low=3), "agree"),
        (q("about 2,000", 2000, "approx", low=1800, high=2200), q("2,100", 2100), "agree"),
        (q("more than 6,500", 6500, "more_than", low=6500), q("5,000", 5000), "discrepancy"),
        (q("three", 3), q("four", 4), "discrepancy"),
        (q("almost 30", 30, "less_than", counts="year", unit="year", kind="duration", low=27, high=30),
         q("nearly three decades", 3, "less_than", counts="decade", unit="decade", kind="duration", low=2.7, high=3),
         "agree"),
    ],
)
def test_compare_quantities(a: Quantity, b: Quantity, verdict: str) -> None:
    link = compare_quantities(claim("a:1", a.text, a), a, claim("b:1", b.text, b), b, None)
    assert link.verdict == verdict
    assert (" vs " if verdict == "discrepancy" else " and ") in link.reason


def test_discrepancy_reason_shows_both_values() -> None:
    a, b = q("more than 6,500", 6500, "more_than", low=6500), q("5,000", 5000)
    link = compare_quantities(claim("a:1", "x", a), a, claim("b:1", "y", b), b, "2020")
    assert link.reason == "more than 6,500 vs 5,000 deaths (2020)"


def test_interval_of_durations_is_in_days() -> None:
    weeks = q("six-week", 6, unit="week", counts="week", kind="duration")
    assert interval(weeks) == (42, 42)


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (q("three", 3), q("more than 6,500", 6500, "more_than", low=6500), False),  # a clash and a war
        (q("three", 3), q("at least three", 3, "at_least", low=3), True),
        (q("two", 2), q("seven", 7), True),
    ],
)
def test_plausible_ratio(x: Quantity, y: Quantity, expected: bool) -> None:
    assert plausible(x, y) is expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("two of its troops had been killed", "two", "troops"),
        ("three people were killed", "three", None),
        ("three dead and many injured", "three", None),
        ("two soldiers were killed", "two", "soldiers"),
    ],
)
def test_subgroup_counts_a_part(text: str, number: str, expected: str | None) -> None:
    quantity = q(number, 2)
    assert subgroup(text, 0, quantity) == expected


def test_measure_keeps_deaths_injuries_and_weeks_apart() -> None:
    deaths = claim("a:1", "three people died", q("three", 3, counts="deaths"))
    injured = claim("b:1", "three people were injured", q("three", 3, counts="injured"))
    weeks = claim("c:1", "a six-week war", q("six-week", 6, counts="week", unit="week", kind="duration"))
    keys = {measure(c, c.quantities[0]) for c in (deaths, injured, weeks)}
    assert len(keys) == 3
    assert measure(claim("d:1", "several cities", q("several", 3, "vague")), q("several", 3, "vague")) is None


@pytest.mark.parametrize(
    ("ta", "tb", "da", "db", "expected"),
    [
        ("2020", "2020-11-10", None, None, True),
        ("2020", "2022-08-03", None, None, False),
        (None, None, "2021-11-17", "2021-11-20", True),
        (None, None, "2021-11-17", "2022-08-05", False),
        (None, None, None, "2022-08-05", None),
        ("2022-08-03", "2022-08-04", None, None, True),
        # A month or a year of its own against the other's document date.
        ("2013-03", None, None, "2016-02-22", False),
        ("2016-02", None, None, "2016-02-22", None),
        ("2016", None, None, "2016-02-22", None),
        (None, "2013", "2016-02-22", None, False),
        # A year of its own against a day of another claim near it: not apart
        # ("rang in 2013" and "Dec. 31, 2012"); two different years are.
        ("2013", "2012-12-31", None, None, None),
        ("2013", "2012-11-20", None, None, False),
        ("2013", "2012", None, None, False),
        ("2013-01", "2012-12-30", None, None, None),
    ],
)
def test_same_time(ta: str | None, tb: str | None, da: str | None, db: str | None, expected: bool | None) -> None:
    docs = {"a": Document(id="a", path="a", text="", date=da), "b": Document(id="b", path="b", text="", date=db)}
    assert same_time(claim("a:1", "x", time=ta), claim("b:1", "y", time=tb), docs)[0] is expected


def test_same_speaker_misquoted_shows_the_words_that_differ() -> None:
    a = claim("a:1", "x", speaker="Jane Roe", quote="NATO calls for an immediate end of hostilities between the forces")
    b = claim("b:1", "y", speaker="Jane Roe", quote="NATO calls for an immediate cessation of hostilities")
    link = compare_quotes(a, b)
    assert link is not None and link.verdict == "discrepancy"
    assert "“end” vs “cessation”" in link.reason


def test_a_quote_cut_short_is_not_a_misquote() -> None:
    a = claim("a:1", "x", speaker="Jane Roe", quote="de-escalate and return to the negotiating table")
    b = claim("b:1", "y", speaker="Jane Roe", quote="urges both sides to de-escalate and return to the negotiating table")
    link = compare_quotes(a, b)
    assert link is not None and link.verdict == "agree"


def test_unrelated_quotes_are_not_compared() -> None:
    a = claim("a:1", "x", speaker="Jane Roe", quote="the economy grew faster than anyone expected")
    b = claim("b:1", "y", speaker="Jane Roe", quote="we will not send troops to the border region")
    assert compare_quotes(a, b) is None


def test_same_words_for_two_speakers_are_flagged() -> None:
    a = claim("a:1", "x", speaker="Antony Blinken", quote="the need for a negotiated, comprehensive, and sustainable settlement of all issues")
    b = claim("b:1", "y", speaker="State Department", quote="the need for a negotiated, comprehensive, and sustainable settlement")
    note = same_words(a, b)
    assert note is not None and "Antony Blinken" in note and "State Department" in note


def test_shared_phrase_needs_content_words_not_names() -> None:
    stop = frozenset("a an the of to in is as".split())
    a = claim("a:1", "Nagorno-Karabakh is internationally recognized as part of Azerbaijan.")
    b = claim("b:1", "a territory internationally recognized as part of Azerbaijan, and seven regions")
    assert shared_phrase(a, b, stop) == "internationally recognized as part of Azerbaijan"
    c = claim("c:1", "U.S. Secretary of State Antony Blinken spoke to the leaders.")
    d = claim("d:1", "Earlier, U.S. Secretary of State Antony Blinken said so.")
    assert shared_phrase(c, d, stop) is None


# A vague quantity names no number: shown as its words, never compared.
VAGUE_LABELS = [
    (Quantity(start=0, end=4, text="many", value=None, qualifier="vague", counts="injured", unit="person"),
     "many injured"),
    (Quantity(start=0, end=6, text="Dozens", value=None, qualifier="vague", low=24, counts="deaths",
              unit="person"), "dozens of deaths"),
    (Quantity(start=0, end=7, text="several", value=None, qualifier="vague", low=3, counts="city"),
     "several cities"),
    (Quantity(start=0, end=27, text="dozens of square kilometers", value=None, qualifier="vague", low=24,
              unit="square kilometre", counts="square kilometre", kind="measure"),
     "dozens of square kilometers"),
]


@pytest.mark.parametrize(("quantity", "label"), VAGUE_LABELS)
def test_a_vague_quantity_is_shown_as_its_words(quantity: Quantity, label: str) -> None:
    from verify.report import quantity_label
    from verify.match.facts import describe

    assert quantity_label(quantity) == label
    assert describe(quantity) == label
    assert not any(ch.isdigit() for ch in quantity_label(quantity))


def test_a_vague_quantity_is_never_compared_with_a_number() -> None:
    from verify.match import pair

    many = Quantity(start=24, end=28, text="many", value=None, qualifier="vague", counts="injured", unit="person")
    three = q("three", 3, start=24, counts="injured")
    a = claim("a:1", "Clashes on Wednesday left many injured.", many)
    b = claim("b:1", "Clashes on Wednesday left three injured.", three)
    docs = {d: Document(id=d, path=d, text="", date="2022-09-14") for d in ("a", "b")}
    assert measure(a, many) is None
    assert pair(a, b, 0.99, docs) is None
    assert pair(b, a, 0.99, docs) is None
    assert interval(many) == (0.0, float("inf"))
