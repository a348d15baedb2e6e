"""Matching across documents with the real models: groups, verdicts, traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.pipeline import build_report

pytestmark = pytest.mark.model


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("corpus")
    write(folder, "a.txt", "date 2023-03-02\nA gas explosion at a factory in Dalton killed four workers and injured 12 others on Tuesday, fire officials said.\n\nThe plant opened in 1998.\n")
    write(folder, "b.txt", "date 2023-03-02\nFour workers were killed and a dozen injured when a gas explosion ripped through a factory in Dalton on Tuesday, officials said.\n")
    write(folder, "c.txt", "date 2023-03-03\nThe gas explosion at the Dalton factory on Tuesday killed five workers, according to the county coroner.\n")
    write(folder, "d.txt", "date 2019-06-10\nA gas explosion at a refinery in Marlow killed two workers in 2019, officials said.\n")
    return build_report([folder])


def _group_of(report, doc: str, value: float, counts: str):
    claim = next(c for c in report.claims if c.doc == doc and c.quantities and c.quantities[0].value == value and c.quantities[0].counts == counts)
    return claim, [g for g in report.groups if claim.id in g.claims]


def test_counts_of_one_event_are_grouped_and_the_odd_one_conflicts(report) -> None:
    a, groups = _group_of(report, "a", 4, "deaths")
    assert len(groups) == 1
    group = groups[0]
    docs = {c.doc for c in report.claims if c.id in group.claims}
    assert {"a", "b", "c"} <= docs
    assert group.verdict == "discrepancy"
    c, _ = _group_of(report, "c", 5, "deaths")
    assert any(c.id in pair for pair in group.conflicts)
    assert "4 vs 5 deaths" in group.reason or "5 vs 4 deaths" in group.reason


def test_injuries_are_never_compared_with_deaths(report) -> None:
    _, groups = _group_of(report, "a", 12, "injured")
    for g in groups:
        values = {c.quantities[0].counts for c in report.claims if c.id in g.claims}
        assert values == {"injured"}


def test_another_event_in_another_year_is_kept_apart(report) -> None:
    d, groups = _group_of(report, "d", 2, "deaths")
    assert groups == []


def test_origins_count_independent_sources(report) -> None:
    _, groups = _group_of(report, "a", 4, "deaths")
    assert groups[0].origins >= 2


def test_outlets_that_all_quote_one_ministry_are_one_origin(tmp_path: Path) -> None:
    texts = [
        "date 2023-07-11\nTwelve people died in the landslide near Kerala on Monday, the Health Ministry said.\n",
        "date 2023-07-11\nThe landslide near Kerala killed 12 people on Monday, according to the Health Ministry.\n",
        "date 2023-07-12\nA Monday landslide near Kerala left 12 people dead, the Health Ministry said in a statement.\n",
    ]
    for i, text in enumerate(texts):
        write(tmp_path, f"m{i}.txt", text)
    result = build_report([tmp_path])
    groups = [g for g in result.groups if len({c.doc for c in result.claims if c.id in g.claims}) == 3]
    assert groups and groups[0].verdict == "agree"
    assert groups[0].origins == 1


def test_copies_of_one_wire_text_are_one_origin(tmp_path: Path) -> None:
    wire = (
        "A magnitude 6.1 earthquake struck off the coast of Chile late on Sunday, killing at least "
        "three people and damaging more than 200 homes in the port town as rescue teams worked "
        "through the night to reach villages cut off by landslides and fallen power lines."
    )
    write(tmp_path, "w1.txt", "date 2023-01-02\n" + wire + "\n")
    write(tmp_path, "w2.txt", "date 2023-01-02\nBy Staff\n\n" + wire + "\n")
    result = build_report([tmp_path])
    grouped = [g for g in result.groups if len({c.doc for c in result.claims if c.id in g.claims}) == 2]
    assert grouped
    assert all(g.origins == 1 for g in grouped)
    claims = {c.id: c for c in result.claims}
    assert all(claims[i].speaker is None for g in grouped for i in g.claims)  # one origin by copy, not by speaker


def test_events_are_told_apart_by_the_names_articles_share() -> None:
    from verify.match import Events
    from verify.models import Document

    docs = {
        "a": Document(id="a", path="a", text="Police said Jamal Reed, 24, was shot on Halsted Street in Chicago."),
        "b": Document(id="b", path="b", text="Jamal Reed died after he was shot on Halsted Street, Chicago police said."),
        "c": Document(id="c", path="c", text="A woman was shot in Chicago on Tuesday near Garfield Park, police said."),
        "d": Document(id="d", path="d", text="Two teens were wounded in Chicago near Marquette Road."),
        "e": Document(id="e", path="e", text="A man was shot outside a store in Chicago, police said."),
        "f": Document(id="f", path="f", text="Gunfire in Chicago left one dead near Western Avenue."),
    }
    events = Events(docs, set(docs))
    assert events.same("a", "b")
    assert not events.same("a", "c")


def test_a_person_is_named_in_full_then_by_surname_a_place_is_not() -> None:
    from verify.match import people

    text = ("Police said Savonnie McNeil, 37, was shot near Trumbull Gardens. McNeil died at the "
            "scene, the Montgomery County Coroner said. Trumbull Gardens residents heard shots.")
    assert people(text) == {"Savonnie McNeil"}


def test_a_person_named_at_a_sentences_start_is_named() -> None:
    from verify.match import people

    text = "Nasser Hamad was arraigned on Monday. Hamad’s attorney asked for more time."
    assert people(text) == {"Nasser Hamad"}


@pytest.mark.parametrize(
    ("text_b", "expected"),
    [
        ("Gunfire on Riverside Drive killed Jamarko Walker in Heights.", "one"),  # Walker and Heights
        ("Gunfire killed Jamarko Walker in Dayton.", "apart"),  # a street named like a victim, nothing else
    ],
)
def test_one_shared_name_is_not_one_event(text_b: str, expected: str) -> None:
    from verify.match import Events
    from verify.models import Document

    docs = {
        "a": Document(id="a", path="a", date="2016-10-30", text="Two people were shot on Walker Mill Road in Heights."),
        "b": Document(id="b", path="b", date="2016-10-25", text=text_b),
    }
    assert Events(docs, set(docs)).relation("a", "b") == expected


def test_a_brief_that_names_only_its_town_can_be_one_event() -> None:
    from verify.match import Events
    from verify.models import Document

    docs = {
        "a": Document(id="a", path="a", date="2023-03-02", text="An explosion at a factory in Dalton killed four workers."),
        "b": Document(id="b", path="b", date="2023-03-03", text="The explosion in Dalton, Georgia, killed five workers."),
    }
    assert Events(docs, set(docs)).relation("a", "b") == "one"


def test_a_toll_retold_weeks_later_with_a_weekday_agrees(tmp_path: Path) -> None:
    # "Monday night" is read against each article's own date: two Mondays
    # three weeks apart. The articles name one person, so they report one
    # event, and its toll is the same fact whenever it is told.
    write(tmp_path, "a.txt", "date 2013-07-02\nFour people were killed Monday night in a shooting on Hemphill Street in "
          "Fort Worth, police said. Officer Tamara Valle said the gunman fled. Valle asked witnesses to call.\n")
    write(tmp_path, "b.txt", "date 2013-07-28\nThe four died Monday night at separate hospitals after the shooting on "
          "Hemphill Street in Fort Worth, Officer Tamara Valle said. Valle said the case is open.\n")
    result = build_report([tmp_path])
    four = [c for c in result.claims if c.quantities and c.quantities[0].value == 4]
    assert {c.doc for c in four} == {"a", "b"}
    assert four[0].time != next(c for c in four if c.doc != four[0].doc).time  # two Mondays
    grouped = [g for g in result.groups if {c.doc for c in four if c.id in g.claims} == {"a", "b"}]
    assert grouped and grouped[0].verdict == "agree"


@pytest.mark.parametrize(
    ("date_b", "name_b", "expected"),
    [
        ("2015-06-14", "Dana Whitlow", "one"),  # two days apart
        ("2015-11-02", "Dana Whitlow", "one"),  # a follow-up months later names the victim
        ("2015-11-02", "Ross Pelling", "apart"),  # months apart, another victim: may agree, never conflict
    ],
)
def test_articles_dated_far_apart_report_one_event_only_when_they_name_one_person(
    date_b: str, name_b: str, expected: str
) -> None:
    from verify.match import Events
    from verify.models import Document

    def doc(i: str, date: str, name: str) -> Document:
        surname = name.split()[-1]
        return Document(id=i, path=i, date=date, text=(
            f"Police in Elmbrook said {name}, 19, was shot on Quarry Street near Lindell Park. "
            f"{surname} was taken to Elmbrook Memorial Hospital, Sergeant Ortiz said."))

    docs = {"a": doc("a", "2015-06-12", "Dana Whitlow"), "b": doc("b", date_b, name_b)}
    assert Events(docs, set(docs)).relation("a", "b") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Five others were wounded in 4 separate shootings earlier Sunday.", True),
        ("Twenty-three other people were wounded in shootings across the city.", True),
        ("Three people were wounded in a shooting on Main Street.", False),
        ("Two were killed and three wounded in the attack.", False),
    ],
)
def test_totals_over_several_events(sentence: str, expected: bool) -> None:
    from verify.match import aggregate

    assert aggregate(sentence) is expected


def test_a_total_over_several_shootings_does_not_conflict_with_one_shootings_count(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "date 2017-01-29\nThree people were wounded in a shooting at a gas station on Linwood Avenue in Shreveport on Sunday, police said.\n")
    write(tmp_path, "b.txt", "date 2017-01-30\nEight people were wounded in six separate shootings in Shreveport on Sunday, including three at a gas station on Linwood Avenue, police said.\n")
    result = build_report([tmp_path])
    claims = {c.id: c for c in result.claims}
    for g in result.groups:
        for x, y in g.conflicts:
            assert {claims[x].quantities[0].value, claims[y].quantities[0].value} != {3, 8}
