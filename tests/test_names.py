"""Canonical names: folding, bodies and capitals, titles, spellings across documents."""

from __future__ import annotations

import pytest

from verify.extract.names import alias, fold, strip_titles, unify


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Stéphane Dujarric", "stephane dujarric"),
        ("the president’s press service", "the president press service"),  # possessive dropped
        ("  U.S.  ", "u s"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("the EU", "European Union"),
        ("European Union", "European Union"),
        ("U.N.", "United Nations"),
        ("Baku", "Azerbaijan"),
        ("Yerevan", "Armenia"),
        ("the Kremlin", "Kremlin"),
        ("Ned Price", None),
    ],
)
def test_alias(name: str, expected: str | None) -> None:
    assert alias(name) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("European Council President Charles Michel", "Charles Michel"),
        ("U.S. Secretary of State Antony Blinken", "Antony Blinken"),
        ("State Department spokesman Ned Price", "Ned Price"),
        ("Sen. Elizabeth Warren", "Elizabeth Warren"),
        ("Ilham Aliyev", "Ilham Aliyev"),
    ],
)
def test_strip_titles(name: str, expected: str) -> None:
    assert strip_titles(name) == expected


def test_unify_transliterations() -> None:
    mapping = unify(["Nikol Pashinian", "Nikol Pashinyan", "Nikol Pashinyan", "Pashinyan"])
    assert set(mapping.values()) == {"Nikol Pashinyan"}


def test_unify_keeps_different_people_apart() -> None:
    mapping = unify(["Barack Obama", "Michelle Obama", "Ilham Aliyev"])
    assert mapping["Barack Obama"] == "Barack Obama"
    assert mapping["Michelle Obama"] == "Michelle Obama"
    assert mapping["Ilham Aliyev"] == "Ilham Aliyev"


def test_unify_short_surnames_need_an_exact_match() -> None:
    mapping = unify(["Ann Lee", "Ann Leo"])
    assert mapping["Ann Lee"] != mapping["Ann Leo"]


def test_unify_first_names_ending_apart_are_two_people() -> None:
    mapping = unify(["Daniel Moreno", "Daniela Moreno"])
    assert mapping["Daniel Moreno"] != mapping["Daniela Moreno"]


def test_unify_first_name_transliterations_are_one_person() -> None:
    mapping = unify(["Mohammed Hassan", "Mohammad Hassan", "Mohammad Hassan"])
    assert set(mapping.values()) == {"Mohammad Hassan"}


@pytest.mark.parametrize(("first", "second"), [("Sergei", "Sergey"), ("Dmitri", "Dmitry"), ("Yuriy", "Yurii")])
def test_unify_first_names_ending_in_another_letter_are_one_person(first: str, second: str) -> None:
    """Transliterations differ in the last letter too; only a feminine ending parts two names."""
    mapping = unify([f"{first} Volkov", f"{second} Volkov", f"{second} Volkov", "Volkov"])
    assert set(mapping.values()) == {f"{second} Volkov"}


def test_unify_a_surname_two_people_bear_joins_neither() -> None:
    mapping = unify(["Ana Ruiz", "Tom Ruiz", "Ruiz"])
    assert mapping["Ruiz"] == "Ruiz"
    assert mapping["Ana Ruiz"] != mapping["Tom Ruiz"]


def test_unify_empty() -> None:
    assert unify([]) == {}


def test_unify_spells_a_person_as_most_write_the_full_name() -> None:
    """MOST_WRITTEN_NAME: "Donald Trump" in two documents over "Donald J.
    Trump" in one; a surname alone never stands for the full name."""
    mapping = unify(["Donald J. Trump", "Donald Trump", "Donald Trump", "Trump"])
    assert set(mapping.values()) == {"Donald Trump"}


def test_canonical_speakers_count_documents_not_claims() -> None:
    """One article quoting "Paul D. Ryan" five times is one vote against two
    articles that write "Paul Ryan"."""
    from verify.extract.claims import canonical_speakers
    from verify.models import Claim

    def claim(i: int, doc: str, speaker: str) -> Claim:
        return Claim(id=f"c{i}", doc=doc, start=0, end=1, text="x", speaker=speaker, speaker_type="person")

    claims = [claim(i, "a", "Paul D. Ryan") for i in range(5)] + [claim(5, "b", "Paul Ryan"), claim(6, "c", "Paul Ryan")]
    assert {c.speaker for c in canonical_speakers(claims)} == {"Paul Ryan"}
