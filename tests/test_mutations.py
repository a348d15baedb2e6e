"""The text mutations of the ``verify check`` benchmark (``benchmarks/mutations.py``).

Each generator on real sentences of ``seeds/``: a change does what its name
says and nothing else (x10 multiplies, a reversed bound reverses, a spelling
variant changes spelling only).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import mutations as mut


def seed_sentences() -> list[str]:
    out = []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        out += [text[s:e] for s, e in mut.sentences(text)]
    return out


SENTENCES = seed_sentences()


def seed(start: str) -> str:
    """The sentence of seeds/ that starts with ``start``."""
    found = [s for s in SENTENCES if s.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


def test_sentences_end_at_stops_not_at_abbreviations() -> None:
    text = (ROOT / "seeds" / "001_ab877601d58b9158.txt").read_text(encoding="utf-8")
    spans = mut.sentences(text)
    got = [text[s:e] for s, e in spans]
    assert got[2:4] == [
        ("U.S. Secretary of State Antony Blinken spoke to the leaders of Armenia and Azerbaijan on August 5 to "
        "call for dialogue in the conflict over the disputed Nagorno-Karabakh region."),
        ("Blinken spoke by phone separately to Armenian Prime Minister Nikol Pashinian and Azerbaijani President "
        "Ilham Aliyev, State Department spokesman Ned Price said."),
    ]
    assert all(text[s:e] == text[s:e].strip() and "\n" not in text[s:e] for s, e in spans)


@pytest.mark.parametrize("start, value, noun, bound, approx", [
    ("Renewed fighting this week left three people dead", 3, "people", None, False),
    ("The conflict claimed more than 6,500 lives", 6500, "lives", "more than", False),
    ("World powers called for restraint", 3, "dead", "at least", False),
    ("In the aftermath of the war, Armenia ceded", 2000, "peacekeepers", None, True),
])
def test_numbers_are_counts_with_their_noun_and_bound(start: str, value: float, noun: str, bound: str | None,
                                                      approx: bool) -> None:
    (n,) = mut.numbers(seed(start))
    assert (n.value, n.noun, n.bound, n.approx) == (value, noun, bound, approx)


def test_years_and_dates_are_no_counts() -> None:
    s = seed("Aliyev also said that Armenia has not withdrawn")  # "November 10, 2020, truce"
    assert [n.value for n in mut.numbers(s)] == [6500]
    assert mut.numbers("Russia, which brokered the 2020 ceasefire, said it was at the 300 block on Route 9 north.") == []


def test_x10_and_div10_multiply_and_divide_the_count() -> None:
    s = seed("Renewed fighting this week left three people dead")
    (n,) = mut.numbers(s)
    up = mut.change_number(s, n, "x10")
    assert up == s.replace("three people", "30 people")
    assert [m.value for m in mut.numbers(up)] == [30]
    s = seed("In the aftermath of the war, Armenia ceded")
    (n,) = mut.numbers(s)
    down = mut.change_number(s, n, "/10")
    assert down == s.replace("some 2,000 peacekeepers", "some 200 peacekeepers")
    # "some 2,000" is approximate: one more or half as many would still fit it
    assert mut.change_number(s, n, "+1") is None and mut.change_number(s, n, "-50%") is None


def test_plus_minus_one_and_fifty_percent_keep_the_written_form() -> None:
    s = seed("The flare-ups in violence have renewed")  # "the two neighbors"
    (n,) = mut.numbers(s)
    assert mut.change_number(s, n, "+1") == s.replace("the two neighbors", "the three neighbors")
    assert mut.change_number(s, n, "+50%") == s.replace("the two neighbors", "the three neighbors")
    assert mut.change_number(s, n, "-1") is None  # "one neighbors": the noun would change too
    assert mut.change_number(s, n, "-50%") is None


def test_a_bound_is_reversed_and_its_number_kept() -> None:
    s = seed("The conflict claimed more than 6,500 lives")
    (n,) = mut.numbers(s)
    new = mut.reverse_bound(s, n)
    assert new == s.replace("more than 6,500", "fewer than 6,500")
    (m,) = mut.numbers(new)
    assert (m.value, m.bound) == (6500, "fewer than")
    # a bounded number takes no other change: "more than 65,000" fits "more than 6,500"
    assert all(mut.change_number(s, n, c) is None for c in mut.CHANGES)
    s = seed("World powers called for restraint")
    (n,) = mut.numbers(s)
    assert mut.reverse_bound(s, n) == s.replace("at least three dead", "at most three dead")


def test_quotes_are_found_by_their_marks() -> None:
    s = seed("“NATO supports the normalization")
    (q,) = mut.quotes(s)
    assert s[q[0] : q[1]] == "NATO supports the normalization of relations between Armenia and Azerbaijan,"


def test_negation_is_added_inside_the_quotation_only() -> None:
    s = seed('"Secretary Blinken assured Prime Minister Pashinian')
    (q,) = mut.quotes(s)
    new = mut.mutate_quote(s, q, "negation", random.Random(1), [])
    assert new == s.replace("the United States is watching", "the United States is not watching")


def test_negation_is_removed() -> None:
    quote = "We will not stop until the cease-fire holds, and we can't wait,"
    assert mut.negate(quote) == "We will stop until the cease-fire holds, and we can't wait,"


def test_a_content_word_is_replaced_and_nothing_else() -> None:
    s = seed("“NATO supports the normalization")
    (q,) = mut.quotes(s)
    new = mut.mutate_quote(s, q, "word", random.Random(3), ["relations", "villages", "tensions", "settlement"])
    assert new is not None and new != s
    old_words, new_words = s.split(), new.split()
    assert len(old_words) == len(new_words)
    assert sum(a != b for a, b in zip(old_words, new_words)) == 1
    assert s[q[1] :] == new[len(new) - len(s) + q[1] :]  # the words after the quotation kept


def test_an_opposite_replaces_the_word_that_has_one() -> None:
    assert mut.reword("It is a good day for the town,", random.Random(1), []) == "It is a bad day for the town,"


def test_the_speaker_is_replaced_by_span() -> None:
    s = seed("“NATO supports the normalization")
    at = s.index("Colomina")
    assert mut.replace_span(s, (at, at + len("Colomina")), "Dujarric").endswith("” Dujarric added.")


@pytest.mark.parametrize("sentence", [s for s in SENTENCES if mut.spelling_variants(s)][:25])
def test_spelling_variants_change_spelling_only(sentence: str) -> None:
    for what, new in mut.spelling_variants(sentence):
        assert new != sentence, what
        assert mut.spelling_key(new) == mut.spelling_key(sentence), what


def test_spelling_variants_of_each_kind() -> None:
    whats = {w for s in SENTENCES for w, _ in mut.spelling_variants(s)}
    for expected in ("spelling recognized->recognised", "compound cease-fire->ceasefire", "quotation marks",
                     "serial comma", "case"):
        assert expected in whats


def test_a_changed_number_is_no_spelling_variant() -> None:
    s = seed("Renewed fighting this week left three people dead")
    (n,) = mut.numbers(s)
    assert mut.spelling_key(mut.change_number(s, n, "x10")) != mut.spelling_key(s)
    s = seed('"Secretary Blinken assured Prime Minister Pashinian')
    (q,) = mut.quotes(s)
    assert mut.spelling_key(mut.mutate_quote(s, q, "negation", random.Random(1), [])) != mut.spelling_key(s)


def test_paraphrase_keeps_the_statement() -> None:
    s = seed('"Secretary Blinken assured Prime Minister Pashinian')
    assert mut.paraphrase(s) == ("said -> stated", s.replace("Price said", "Price stated"))
    assert mut.paraphrase("Two men were wounded in the shooting, police said.") == (
        "according to", "According to police, two men were wounded in the shooting.")


def test_the_benchmark_says_when_its_data_is_missing(tmp_path: Path) -> None:
    import os
    import subprocess

    env = {**os.environ, "VERIFY_DATA": str(tmp_path / "nothing")}
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "check_mutations.py"), "--workdir",
                          str(tmp_path / "work")], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and "not found" in run.stderr and "VERIFY_DATA" in run.stderr
    assert not (tmp_path / "work").exists()


def test_the_ends_of_a_range_are_no_counts_to_change() -> None:
    assert mut.numbers("Police said four to five young men fled, and between 20 and 30 shots were fired.") == []
    (n,) = mut.numbers("Witnesses heard upwards of 50 rounds.")
    assert n.bound == "upwards of"
    assert mut.reverse_bound("Witnesses heard upwards of 50 rounds.", n) == "Witnesses heard fewer than 50 rounds."


# -- drafts copied from the indexed articles (benchmarks/copied_drafts.py) -------

def test_copied_drafts_offer_the_copy_first_then_each_change() -> None:
    import copied_drafts as cd

    sentence = seed("In the aftermath of the war")
    found = cd.variants(sentence, random.Random(1))
    assert found[0] == ("copy", sentence)
    kinds = [k for k, _ in found[1:]]
    assert "number x10" in kinds and all(text != sentence for _, text in found[1:])


@pytest.mark.parametrize(("kind", "got", "against", "right"), [
    ("copy", "single-source", [], True),
    ("copy", "unsupported", [], False),
    ("copy", "contradicted", ["other"], True),  # the sources disagree
    ("copy", "contradicted", ["mine"], False),  # contradicted by the very article it copies
    ("number x10", "contradicted", ["mine"], True),
    ("number x10", "unsupported", [], False),
])
def test_a_copy_is_right_when_backed_or_set_only_against_other_articles(kind: str, got: str, against: list[str],
                                                                       right: bool) -> None:
    import copied_drafts as cd

    it = cd.Sentence(kind, "text", "mine", "tune", got=got, against=against)
    assert cd.right(it) is right
