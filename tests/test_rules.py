"""Each named rule of the verdict engine, shown by the cases it decides.

Every test here fails when its rule is taken out: the rows are the rule's
statement in examples (invented names and places), and mutations of one
sentence generated in the test (a number times ten, a bound reversed, a
spelling changed) rather than picked by hand.
"""

from __future__ import annotations

import re

import pytest

from verify.match import rules
from verify.match.compare import (
    BOUNDS_REVERSED,
    STATED_NUMBER,
    TYPO,
    Link,
    compare_quantities,
    compatible,
    power_of_ten,
)
from verify.match.facts import bounds, measure, none_named, other_subject
from verify.match.links import (
    ALSO_STATED,
    ONE_EVENT_PER_GROUP,
    PERSONAL_ATTRIBUTE,
    also_stated,
    join,
    pair,
    stands_alike,
)
from verify.match.quotes import compare_quotes, named
from verify.match.statements import changed_values, polarity_apart
from verify.match.spelling import key, words
from verify.match.statements import align
from verify.models import Claim, Document, Quantity


def q(text: str, value: float, qualifier: str = "exact", *, start: int = 0, counts: str | None = "deaths",
      unit: str | None = "person", kind: str = "count") -> Quantity:
    low = high = value if qualifier == "exact" else None
    return Quantity(start=start, end=start + len(text), text=text, value=value, qualifier=qualifier,
                    low=low, high=high, unit=unit, counts=counts, kind=kind)


def number_claim(cid: str, sentence: str, number: str, value: float, qualifier: str = "exact", *,
                 doc: str | None = None, counts: str = "deaths", kind: str = "count", unit: str | None = "person",
                 parent: str | None = None) -> Claim:
    start = sentence.index(number)
    quantity = q(number, value, qualifier, start=start, counts=counts, kind=kind, unit=unit)
    return Claim(id=cid, doc=doc or cid.split(":")[0], start=0, end=len(sentence), text=sentence,
                 quantities=[quantity], parent=parent)


def quote_claim(cid: str, words_: str, speaker: str) -> Claim:
    text = f"“{words_},” {speaker} said."
    return Claim(id=cid, doc=cid.split(":")[0], start=0, end=len(text), text=text, speaker=speaker,
                 quote=words_, kind="direct")


DOCS = {d: Document(id=d, path=f"{d}.txt", text="", date="2024-03-05") for d in ("a", "b")}


# -- every rule is declared once, with what it does ---------------------------


def test_every_rule_has_a_name_and_a_line() -> None:
    import verify.check  # noqa: F401  (declares the statuses' rules)

    assert len(rules.RULES) >= 25
    for name, what in rules.RULES.items():
        assert name == name.lower() and " " not in name
        assert len(what) > 20 and "\n" not in what


# -- compare: intervals, bounds, typos ----------------------------------------


SENTENCE = "Officials said {} people were killed when the bridge collapsed in Northport on Monday."


@pytest.mark.parametrize("value", [3, 12, 40, 250, 6_500])
@pytest.mark.parametrize("factor", [10, 100])
def test_a_dropped_or_added_zero_conflicts_and_says_likely_a_typo(value: int, factor: int) -> None:
    for x, y in ((value, value * factor), (value * factor, value)):
        a = number_claim("a:1", SENTENCE.format(f"{x:,}"), f"{x:,}", x)
        b = number_claim("b:1", SENTENCE.format(f"{y:,}"), f"{y:,}", y)
        link = pair(a, b, 0.95, DOCS, statement=lambda: stands_alike(a, a, b, b))
        assert link is not None and link.verdict == "discrepancy", (x, y)
        assert TYPO in link.rules and f"likely a typo (a factor of {factor:,})" in link.reason


def test_power_of_ten_only_for_exact_factors() -> None:
    assert power_of_ten(q("30", 30), q("300", 300)) == 10
    assert power_of_ten(q("30", 30), q("3,000", 3000)) == 100
    assert power_of_ten(q("30", 30), q("31", 31)) == 0
    assert power_of_ten(q("30", 30), q("150", 150)) == 0


@pytest.mark.parametrize(
    ("lower", "upper", "expected"),
    [
        (("more than 12", 12, "more_than"), ("less than 12", 12, "less_than"), False),
        (("at least 30", 30, "at_least"), ("at most 30", 30, "at_most"), False),
        (("more than 40", 40, "more_than"), ("fewer than 30", 30, "less_than"), False),
        (("more than 10", 10, "more_than"), ("fewer than 50", 50, "less_than"), True),
    ],
)
def test_bounds_reversed(lower: tuple, upper: tuple, expected: bool) -> None:
    a, b = q(lower[0], lower[1], lower[2]), q(upper[0], upper[1], upper[2])
    meets, why = compatible(a, b)
    assert meets is expected
    if not expected:
        assert why == BOUNDS_REVERSED
    assert compatible(b, a)[0] is expected


def test_a_bound_holds_its_own_number() -> None:
    assert compatible(q("6,500", 6500), q("more than 6,500", 6500, "more_than"))[0]
    assert not compatible(q("6,000", 6000), q("more than 6,500", 6500, "more_than"))[0]


def test_about_allows_a_tenth_either_side() -> None:
    assert bounds(q("about 300", 300, "approx")) == (270, 330)
    assert compatible(q("about 300", 300, "approx"), q("320", 320))[0]
    assert not compatible(q("about 300", 300, "approx"), q("400", 400))[0]


def test_stated_numbers_of_one_statement_are_compared_as_stated() -> None:
    a, b = q("about 2,000", 2000, "approx"), q("about 2,100", 2100, "approx")
    ca, cb = Claim(id="a:1", doc="a", start=0, end=1, text="x"), Claim(id="b:1", doc="b", start=0, end=1, text="x")
    assert compare_quantities(ca, a, cb, b, None).verdict == "agree"
    link = compare_quantities(ca, a, cb, b, None, stated=True)
    assert link.verdict == "discrepancy" and STATED_NUMBER in link.rules


# -- statements: the same words but for the numbers ---------------------------


def test_the_same_statement_with_another_number_aligns_its_numbers() -> None:
    x, y = SENTENCE.format("14"), SENTENCE.format("140")
    al = align(x, y)
    assert al is not None
    assert al.pairs((x.index("14"), x.index("14") + 2), (y.index("140"), y.index("140") + 3))


@pytest.mark.parametrize(
    "other",
    [
        SENTENCE.format("14").replace("Northport", "Eastfield"),  # another place
        SENTENCE.format("14").replace("Monday", "Friday"),  # another day
        "In 2021, officials said 14 people were killed when the bridge collapsed.",
        "A court heard that 14 workers had been paid late for the work on the new school.",
    ],
)
def test_another_name_place_date_or_sentence_is_not_the_same_statement(other: str) -> None:
    base = SENTENCE.format("14") if "2021" not in other else "In 2022, officials said 14 people were killed when the bridge collapsed."
    assert align(base, other) is None


def test_a_number_changed_in_a_copied_sentence_conflicts_whatever_the_clauses_say() -> None:
    a = number_claim("a:1", SENTENCE.format("14"), "14", 14)
    b = number_claim("b:1", SENTENCE.format("140"), "140", 140)
    # Too unlike for two numbers of unknown sentences, but one statement:
    assert pair(a, b, 0.1, DOCS) is None
    link = pair(a, b, 0.1, DOCS, statement=lambda: stands_alike(a, a, b, b))
    assert link is not None and link.verdict == "discrepancy" and "same-statement" in link.rules


@pytest.mark.parametrize(("text_a", "text_b", "one_time"), [
    # the same words, each given another year by the sentences before it
    ("That year the city recorded 305 homicides.", "That year the city recorded 3050 homicides.", True),
    # the words themselves name other times
    ("In 2014 the city recorded 305 homicides.", "In 2015 the city recorded 3050 homicides.", False),
])
def test_one_statement_is_of_one_time_whatever_its_context_carried(text_a: str, text_b: str, one_time: bool) -> None:
    """TIME_OF_CONTEXT: a time carried in from the sentences around does not
    make one statement two facts; a time the words write does."""
    a = number_claim("a:1", text_a, "305", 305, counts="homicides").model_copy(update={"time": "2015-10-05"})
    b = number_claim("b:1", text_b, "3050", 3050, counts="homicides").model_copy(update={"time": "1999"})
    link = pair(a, b, 0.9, DOCS, statement=lambda: stands_alike(a, a, b, b), carried=True)
    assert (link is not None and link.verdict == "discrepancy") is one_time, link
    # two articles: the times their own sentences gave them stand
    assert pair(a, b, 0.9, DOCS, statement=lambda: stands_alike(a, a, b, b)) is None


def test_the_same_words_in_articles_dated_apart_are_two_times() -> None:
    """TIME_OF_CONTEXT is for times a draft's context carried: the same
    untimed sentence in two articles months apart tells two events."""
    text = "Police said {} people were shot outside the bar after the game."
    a = number_claim("a:1", text.format("3"), "3", 3, counts="shot")
    b = number_claim("b:1", text.format("30"), "30", 30, counts="shot")
    docs = {"a": Document(id="a", path="a.txt", text="", date="2014-03-05"),
            "b": Document(id="b", path="b.txt", text="", date="2016-09-20")}
    assert pair(a, b, 0.9, docs, statement=lambda: stands_alike(a, a, b, b), carried=True) is None


@pytest.mark.parametrize(("ago", "expected"), [
    ("twenty years ago", [("two", "twenty")]),
    ("two decades ago", []),  # another word: no longer one statement
])
def test_a_time_back_from_the_telling_is_a_date_of_the_statement(ago: str, expected: list) -> None:
    """AGO_IS_A_DATE: "two years ago" is no quantity the reader keeps, but a
    date; changed in a copied sentence, it is a value a reader notices."""
    told = "Eddie Miller, 56, a former sergeant who joined the force {} , was in stable condition Saturday."
    assert changed_values(told.format("two years ago"), told.format(ago)) == expected


@pytest.mark.parametrize(("a", "b", "word"), [
    ("Aliyev said Armenia had withdrawn all of its troops from Karabakh.",
     "Aliyev also said that Armenia has not withdrawn its troops from the Karabakh region.", "withdrawn"),
    ("No one was injured in the fire at the plant.", "One person was injured in the fire at the plant.", "injured"),
    ("The victim died at the hospital on Monday.", "The victim died at the hospital on Monday, and no arrests were made.",
     None),  # a clause one adds negates nothing the other says
    ("He said the plan would work.", "He said the plan would work.", None),
    # a negation reaches no word past its clause's edge
    ("The child, whom police did not identify, was taken to the hospital and later died.",
     "The child was taken to the hospital and later died.", None),
])
def test_a_word_denied_in_one_sentence_only_parts_them(a: str, b: str, word: str | None) -> None:
    """POLARITY_APART: worded alike, one denies what the other affirms."""
    assert polarity_apart(a, b) == word


# -- personal attributes --------------------------------------------------------


def test_two_peoples_ages_are_not_one_fact() -> None:
    a = number_claim("a:1", "A 22-year-old man was taken to hospital.", "22-year-old", 22, counts="age", kind="measure", unit="year")
    b = number_claim("b:1", "A 24-year-old man was arrested at the scene.", "24-year-old", 24, counts="age", kind="measure", unit="year")
    why: list[str] = []
    assert pair(a, b, 0.9, DOCS, event="one", why=why) is None
    assert why == [PERSONAL_ATTRIBUTE]


MONTHS_APART = {"a": DOCS["a"], "b": DOCS["b"].model_copy(update={"date": "2024-11-20"})}


@pytest.mark.parametrize(
    ("sa", "na", "sb", "nb", "verdict"),
    [
        ("Dana Reyes, 22, was taken to hospital.", "22", "Police named the victim as 24-year-old Dana Reyes.",
         "24-year-old", "discrepancy"),
        ("Dana Reyes, 22, was taken to hospital.", "22", "The victim, Dana Reyes, 22, of Northport, died.", "22",
         "agree"),
        # a year apart in reports not known to be of one time: a birthday may lie between
        ("Dana Reyes, 22, was taken to hospital.", "22", "Dana Reyes, 23, pleaded guilty.", "23", None),
        # another person of the same surname: no fact in common
        ("Dana Reyes, 22, was taken to hospital.", "22", "Lee Reyes, 24, was arrested.", "24", None),
        # a surname alone may be anyone's
        ("Reyes, 22, was taken to hospital.", "22", "Reyes, 24, was arrested.", "24", None),
    ],
)
def test_the_ages_of_one_person_named_in_full_are_one_fact(sa: str, na: str, sb: str, nb: str,
                                                           verdict: str | None) -> None:
    def age(cid: str, text: str, number: str) -> Claim:
        c = number_claim(cid, text, number, float(number[:2]), counts="age", kind="measure", unit="year")
        people = [m.group(0) for m in re.finditer(r"(?:Dana|Lee) Reyes|Reyes", text)][:1]
        return c.model_copy(update={"entities": [("PERSON", p) for p in people]})

    link = pair(age("a:1", sa, na), age("b:1", sb, nb), 0.3, MONTHS_APART, event="one")
    assert (link.verdict if link else None) == verdict
    if link is not None:
        assert "one-person" in link.rules


@pytest.mark.parametrize(("text", "number", "entities", "expected"), [
    ("Keith Lamont Scott, 43, was killed by police.", "43", [("ORG", "Keith Lamont Scott")], "keith lamont scott"),
    ("Keith Lamont Scott, a 43-year-old black man, was sitting in his car.", "43-year-old",
     [("ORG", "Keith Lamont Scott")], "keith lamont scott"),
    ("The death of Scott, 43, a father of seven, shook the city.", "43", [("ORG", "Scott")], "scott"),
    ("A 43-year-old was shot on Scott Road.", "43-year-old", [("FAC", "Scott Road")], None),
    ("Donna Sampson Rawlings, 43, of Ashton watched.", "43", [("GPE", "Ashton")], "donna sampson rawlings"),  # missed
])
def test_a_name_an_age_stands_beside_is_a_persons_whatever_its_label(
        text: str, number: str, entities: list, expected: str | None) -> None:
    """AGE_NAMES_A_PERSON: a small tagger reads "Keith Lamont Scott" as an organisation; beside an age it is a person."""
    from verify.match.links import whose

    c = number_claim("a:1", text, number, 43, counts="age", kind="measure", unit="year")
    c = c.model_copy(update={"entities": entities})
    assert whose(c, c.quantities[0]) == expected


@pytest.mark.parametrize(("sb", "nb", "name_b", "verdict"), [
    ("The death of Scott, 43, shook the city.", "43", "Scott", "agree"),
    ("The death of Scott, 44, shook the city.", "44", "Scott", None),  # may be a relative: never a conflict
    ("Lee Scott, 43, was arrested.", "43", "Lee Scott", None),  # another person of the surname
])
def test_one_age_beside_one_surname_in_one_event_backs_and_never_conflicts(
        sb: str, nb: str, name_b: str, verdict: str | None) -> None:
    """SURNAME_AGE: "Keith Lamont Scott, 43," and "Scott, 43," in two reports of one event."""
    a = number_claim("a:1", "Keith Lamont Scott, 43, was killed by police.", "43", 43, counts="age", kind="measure",
                     unit="year").model_copy(update={"entities": [("PERSON", "Keith Lamont Scott")]})
    b = number_claim("b:1", sb, nb, float(nb), counts="age", kind="measure",
                     unit="year").model_copy(update={"entities": [("PERSON", name_b)]})
    link = pair(a, b, 0.3, DOCS, event="one")
    assert (link.verdict if link else None) == verdict
    if link is not None:
        assert "surname-age" in link.rules
    assert pair(a, b, 0.3, DOCS, event="unknown") is None


def test_ages_of_one_name_in_reports_not_known_to_be_of_one_event_are_not_compared() -> None:
    a = number_claim("a:1", "Dana Reyes, 22, was taken to hospital.", "22", 22, counts="age", kind="measure", unit="year")
    b = number_claim("b:1", "Dana Reyes, 22, was arrested.", "22", 22, counts="age", kind="measure", unit="year")
    a, b = (c.model_copy(update={"entities": [("PERSON", "Dana Reyes")]}) for c in (a, b))
    assert pair(a, b, 0.3, DOCS, event="one") is not None
    assert pair(a, b, 0.3, DOCS, event="unknown") is None  # a namesake in another incident


def test_one_persons_age_in_one_statement_is_compared() -> None:
    text = "A {}-year-old man was taken to hospital after the crash on Elm Road, police said."
    a = number_claim("a:1", text.format(22), "22-year-old", 22, counts="age", kind="measure", unit="year")
    b = number_claim("b:1", text.format(24), "24-year-old", 24, counts="age", kind="measure", unit="year")
    link = pair(a, b, 0.9, DOCS, statement=lambda: stands_alike(a, a, b, b))
    assert link is not None and link.verdict == "discrepancy"


# -- also stated ----------------------------------------------------------------


def test_an_article_that_states_both_numbers_does_not_disagree() -> None:
    a19 = number_claim("a:1", "At least 19 people died on Monday.", "19", 19)
    a31 = number_claim("a:2", "By Tuesday the toll had risen to 31.", "31", 31)
    b31 = number_claim("b:1", "The storm killed 31 people.", "31", 31)
    by_id = {c.id: c for c in (a19, a31, b31)}
    numbers = {"a": {("count", "deaths"): ["a:1", "a:2"]}, "b": {("count", "deaths"): ["b:1"]}}
    conflict = Link("a:1", "b:1", "discrepancy", "19 vs 31")
    assert also_stated([conflict], by_id, numbers) == []
    numbers_only_19 = {"a": {("count", "deaths"): ["a:1"]}, "b": {("count", "deaths"): ["b:1"]}}
    assert also_stated([conflict], by_id, numbers_only_19) == [conflict]
    assert ALSO_STATED in rules.RULES


# -- one event per group ----------------------------------------------------------


def test_a_chain_of_agreements_never_joins_two_events() -> None:
    # a and c report different events; b names nothing that tells.
    relation = {("a", "c"): "different", ("c", "a"): "different"}
    doc_of = {"a:1": "a", "b:1": "b", "c:1": "c"}
    found = [Link("a:1", "b:1", "agree", "3 and 3"), Link("b:1", "c:1", "agree", "3 and 3")]
    kept, group = join(found, doc_of, lambda x, y: relation.get((x, y), "one"))
    assert kept == found[:1]
    assert group["a:1"] == group["b:1"] and "c:1" not in group
    assert ONE_EVENT_PER_GROUP in rules.RULES
    kept, group = join(found, doc_of, lambda x, y: "one")
    assert len({group[c] for c in doc_of}) == 1


# -- quotes: spelling is not a misquote ---------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("air strikes", "airstrikes"), ("de-escalate", "deescalate"), ("defence", "defense"),
        ("organised", "organized"), ("colour", "color"), ("centre", "center"), ("analysed", "analyzed"),
        ("travelled", "traveled"), ("ten", "10"), ("Shia", "Shiite"), ("labour", "labor"),
    ],
)
def test_spelling_variants_are_the_same_words(left: str, right: str) -> None:
    template = "We will not accept {} on the villages near the border, whatever the cost to our people"
    a = quote_claim("a:1", template.format(left), "Jane Doe")
    b = quote_claim("b:1", template.format(right), "Jane Doe")
    link = compare_quotes(a, b)
    assert link is not None and link.verdict == "agree", link


@pytest.mark.parametrize("word,other", [("four", "for"), ("tour", "tor"), ("filled", "filed"), ("hour", "hor")])
def test_different_words_keep_different_keys(word: str, other: str) -> None:
    assert key(word) != key(other)


@pytest.mark.parametrize(
    ("changed", "shown"),
    [
        ("We will accept strikes on the villages near the border, whatever the cost to our people", "“not” vs “—”"),
        ("We will not accept strikes on the towns near the border, whatever the cost to our people", "“villages” vs “towns”"),
    ],
)
def test_a_changed_word_is_a_misquote_that_shows_the_words(changed: str, shown: str) -> None:
    a = quote_claim("a:1", "We will not accept strikes on the villages near the border, whatever the cost to our people", "Jane Doe")
    b = quote_claim("b:1", changed, "Jane Doe")
    link = compare_quotes(a, b)
    assert link is not None and link.verdict == "discrepancy"
    assert shown in link.reason or shown.replace("“not” vs “—”", "“—” vs “not”") in link.reason


@pytest.mark.parametrize(("said", "misquoted"), [
    ("Subpoenas are not optional", "Subpoenas are optional"),
    ("Subpoenas aren't optional", "Subpoenas are optional"),
    ("We can’t wait any longer", "We can wait any longer"),
    ("We will never back down", "We will back down"),
    ("There has been no illegal disclosure by anyone", "illegal disclosure by anyone"),  # cut after the negation
])
def test_a_short_quotation_with_its_negation_dropped_is_a_misquote(said: str, misquoted: str) -> None:
    """NEGATED_QUOTE: the negation breaks the run of words two short quotations share; it is not counted."""
    link = compare_quotes(quote_claim("a:1", said, "Jason Chaffetz"), quote_claim("b:1", misquoted, "Jason Chaffetz"))
    assert link is not None and link.verdict == "discrepancy" and "misquoted" in link.rules


_QUOTE = "We will not accept strikes on the villages near the border, whatever the cost to our people"


def test_a_misquote_shows_the_other_ending_both_quotations_go_on_with() -> None:
    """The reason shows every change a reader would notice: a word dropped,
    and an ending both quotations go on with in other words."""
    a = quote_claim("a:1", "We urge both sides to take immediate steps to end the fighting", "Jane Doe")
    b = quote_claim("b:1", "We urge both sides to take immediate concrete steps to reduce tensions and avoid further "
                    "escalation", "Jane Doe")
    link = compare_quotes(a, b)
    assert link is not None and link.verdict == "discrepancy"
    assert "“end the fighting” vs “reduce tensions and avoid further escalation”" in link.reason, link.reason


@pytest.mark.parametrize("at", range(len(_QUOTE.split())))
def test_any_word_swapped_is_a_misquote_first_and_last_too(at: int) -> None:
    """Every word of a real-length quotation replaced in turn (a swap at an
    end is no quotation cut short: both go on past what they share)."""
    words_ = _QUOTE.split()
    words_[at] = "elephants"
    a = quote_claim("a:1", _QUOTE, "Jane Doe")
    b = quote_claim("b:1", " ".join(words_), "Jane Doe")
    link = compare_quotes(a, b)
    assert link is not None and link.verdict == "discrepancy", (at, link)
    assert "elephants" in link.reason


@pytest.mark.parametrize("changed", range(2))
def test_every_quoted_stretch_is_compared_with_its_own(changed: int) -> None:
    """EVERY_FRAGMENT: two stretches quoted in one sentence, one of them
    changed: the stretch quoted alike does not hide the other."""
    stretches = ["the United States is deeply concerned by and closely following the reports",
                 "urges immediate steps to reduce tensions and avoid further escalation"]
    mutated = list(stretches)
    mutated[changed] = mutated[changed].replace("deeply concerned", "not deeply concerned").replace(
        "reduce tensions", "raise tensions")
    a = quote_claim("a:1", " … ".join(stretches), "Ned Price")
    b = quote_claim("b:1", " … ".join(mutated), "Ned Price")
    link = compare_quotes(b, a)
    assert link is not None and link.verdict == "discrepancy" and "misquoted" in link.rules, link


def test_words_are_read_in_one_spelling() -> None:
    assert words("De-escalate the Centre’s air strikes") == ["deescalate", "the", "center's", "air", "strikes"]


@pytest.mark.parametrize(("speaker", "is_named"), [("Jane Doe", True), ("European Union", True),
                                                   ("27-nation bloc", False), ("officials", False),
                                                   ("State Department spokesman", False), ("Chicago police", False),
                                                   ("Police Chief Lee Okafor", True),
                                                   ("the top U.S. diplomat", False), ("a senior EU official", False)])
def test_a_described_speaker_is_not_a_named_one(speaker: str, is_named: bool) -> None:
    assert named(speaker) is is_named


# -- of what or whom: places and people of a number's clause --------------------


def _with_entities(cid: str, sentence: str, number: str, value: float, entities: list[tuple[str, str]],
                   speaker: str | None = None) -> Claim:
    c = number_claim(cid, sentence, number, value)
    return c.model_copy(update={"entities": entities, "speaker": speaker})


@pytest.mark.parametrize(
    ("ea", "eb", "rule"),
    [
        ([("GPE", "Northport")], [("GPE", "Eastfield")], "other-place"),
        ([("FAC", "Oak Street")], [("FAC", "Elm Street")], "other-place"),
        ([("PERSON", "Dana Reyes")], [("PERSON", "Lee Okafor")], "other-person"),
    ],
)
def test_numbers_of_other_places_or_people_are_other_facts(ea: list, eb: list, rule: str) -> None:
    a = _with_entities("a:1", "Three people were killed there on Monday.", "Three", 3, ea)
    b = _with_entities("b:1", "Three people were killed there on Monday.", "Three", 3, eb)
    why: list[str] = []
    assert pair(a, b, 0.99, DOCS, event="one", why=why) is None
    assert why == [rule]


def test_a_place_the_other_sentence_names_as_its_speaker_is_shared() -> None:
    """NAMED_IN_WORDS: a sentence's entities leave out its speaker ("Northport
    and Eastfield accused each other ..."); the places it names that way are
    still named, and another sentence of those places is of them."""
    a = Claim(id="a:0", doc="a", start=0, end=70, entities=[("GPE", "Eastfield")],
              text="Northport and Eastfield traded accusations over fresh fighting on Monday.")
    b = Claim(id="b:0", doc="b", start=0, end=90, entities=[("GPE", "Westbury")], speaker="Northport and Eastfield",
              text="Northport and Eastfield accused each other of fresh fighting on Monday, in talks hosted by Westbury.")
    assert other_subject(a, b) is None
    c = b.model_copy(update={"text": "Talks hosted by Westbury ended without a deal on Monday.", "speaker": None})
    assert other_subject(a, c) == "other-place"


@pytest.mark.parametrize(
    ("ea", "eb"),
    [
        ([("GPE", "Northport")], [("GPE", "Northport County")]),
        ([("FAC", "Oak Street")], []),  # one names no place: nothing either way
        ([("PERSON", "Dana Reyes")], [("PERSON", "Reyes")]),
    ],
)
def test_the_same_place_or_person_or_none_keeps_one_fact(ea: list, eb: list) -> None:
    a = _with_entities("a:1", "Three people were killed there on Monday.", "Three", 3, ea)
    b = _with_entities("b:1", "Three people were killed there on Monday.", "Three", 3, eb)
    link = pair(a, b, 0.99, DOCS, event="one")
    assert link is not None and link.verdict == "agree"


@pytest.mark.parametrize(
    ("entities", "text", "absent"),
    [
        ([("PERSON", "Dana Reyes"), ("GPE", "Northport")], "Police in Eastfield said Lee Okafor was shot.", True),
        ([("PERSON", "Dana Reyes"), ("GPE", "Northport")], "Reyes was shot, police said.", False),
        ([("GPE", "Northport")], "A shooting in NORTHPORT left two hurt.", False),
        ([("GPE", "Russia")], "Russian troops left the town.", False),  # a place by its people's word
        ([("GPE", "Ukraine")], "Ukrainian officials said two were hurt.", False),
        ([("FAC", "Oak Street")], "Two were hurt on Elm Street.", True),
        ([("ORG", "Crime Stoppers")], "Two were hurt on Elm Street.", False),  # organisations say no event
        # AGENCY_OF_A_PLACE: a place's police or sheriff names the place
        ([("ORG", "Hopewell Police")], "Two were hurt on Elm Street.", True),
        ([("ORG", "Hopewell Police")], "Two were hurt in Hopewell, police said.", False),
        ([("ORG", "Kern County Sheriff's Office")], "Deputies in Kern said two were hurt.", False),
        ([("ORG", "Akron Fire Department")], "Two were hurt on Elm Street.", True),
        ([("ORG", "Justice Department")], "Two were hurt on Elm Street.", False),  # a department names no place
        ([("ORG", "U.S. Marshals Service")], "Two were hurt on Elm Street.", False),  # a nation's agency names no town
        ([], "Two were hurt on Elm Street.", False),  # a sentence that names nothing
    ],
)
def test_an_article_that_mentions_none_of_the_sentences_names_may_report_another_event(
        entities: list, text: str, absent: bool) -> None:
    claim = _with_entities("d:1", "Three people were killed there on Monday.", "Three", 3, entities)
    assert none_named(claim, text) is absent


@pytest.mark.parametrize(("x", "y"), [("teens", "teenagers"), ("kids", "children"), ("cops", "officers"),
                                      ("countries", "nations"), ("member states", "nations"), ("males", "men"),
                                      ("females", "women")])
def test_plain_synonyms_count_one_thing(x: str, y: str) -> None:
    lemma = {"teens": "teen", "teenagers": "teenager", "kids": "kid", "children": "child", "cops": "cop",
             "officers": "officer", "countries": "country", "nations": "nation", "member states": "member state",
             "males": "male", "men": "man", "females": "female", "women": "woman"}
    a = number_claim("a:1", f"Police were searching for two {x} on Monday.", "two", 2, counts=lemma[x])
    b = number_claim("b:1", f"Police were searching for three {y} on Monday.", "three", 3, counts=lemma[y])
    assert measure(a, a.quantities[0]) == measure(b, b.quantities[0])
    link = pair(a, b, 0.9, DOCS, event="one")
    assert link is not None and link.verdict == "discrepancy"


def test_the_speaker_is_not_what_a_number_is_of() -> None:
    a = _with_entities("a:1", "Three people were killed there on Monday.", "Three", 3, [("PERSON", "Dana Reyes")], speaker="Dana Reyes")
    b = _with_entities("b:1", "Three people were killed there on Monday.", "Three", 3, [("PERSON", "Lee Okafor")], speaker="Lee Okafor")
    assert pair(a, b, 0.99, DOCS, event="one") is not None


@pytest.mark.parametrize(("x", "y", "same"), [
    ("Davidson county District Attorney's Office", "Davidson County District Attorney’s Office", True),
    ("Jane Doe", "Jane Doe", True),
    ("Jane Doe", "Lee Okafor", False),
])
def test_one_speaker_however_cased_or_spelt(x: str, y: str, same: bool) -> None:
    from verify.match.quotes import same_speaker

    assert same_speaker(x, y) is same


@pytest.mark.parametrize(("x", "y", "blocked"), [
    ("Jane Doe", "Lee Okafor", True),  # two named speakers
    ("Police", "Investigators", False),  # sources described, not named
    ("they", "Jane Doe", False),
])
def test_only_two_named_speakers_keep_statements_apart(x: str, y: str, blocked: bool) -> None:
    from verify.match.quotes import different_speakers

    a = Claim(id="a:1", doc="a", start=0, end=1, text="x", speaker=x)
    b = Claim(id="b:1", doc="b", start=0, end=1, text="x", speaker=y)
    assert different_speakers(a, b) is blocked


# -- mirrored bounds: one value, its bound reversed ---------------------------


@pytest.mark.parametrize("value", [2, 4, 12, 48])
@pytest.mark.parametrize(("low", "high"), [("more than", "less than"), ("at least", "at most"), ("over", "under")])
def test_one_events_value_with_its_bound_reversed_conflicts_however_worded(value: int, low: str, high: str) -> None:
    a = number_claim("a:1", f"The trilateral meeting lasted {low} {value} hours, stretching into the early morning.",
                     f"{low} {value} hours", value, "more_than" if low != "at least" else "at_least",
                     counts="hour", kind="duration", unit="hour")
    b = number_claim("b:1", f"The leaders met in Brussels for {high} {value} hours, the council said.",
                     f"{high} {value} hours", value, "less_than" if high != "at most" else "at_most",
                     counts="hour", kind="duration", unit="hour")
    link = pair(a, b, 0.49, DOCS, event="one")
    assert link is not None and link.verdict == "discrepancy" and "mirrored-bound" in link.rules
    why: list[str] = []
    assert pair(a, b, 0.49, DOCS, event="apart", why=why) is None  # another event's hours: no conflict
    other = number_claim("b:1", f"The leaders met in Brussels for {high} {value - 1} hours, the council said.",
                         f"{high} {value - 1} hours", value - 1, "less_than", counts="hour", kind="duration", unit="hour")
    assert pair(a, other, 0.49, DOCS, event="one") is None  # another value: the sentences must be alike


# -- statements: a sentence that is another's opening ------------------------


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("The company will raise its prices next year.", "The company will raise its prices next year, the chief said.", True),
    ("The company will raise its prices next year.", "The company will raise its prices next year only if the law passes.", False),
    ("The company will raise its prices by 30 percent.", "The company will raise its prices by 3 percent, the chief said.", False),
    ("The company will raise its prices in Ohio.", "The company will raise its prices in Texas and Ohio, the chief said.", False),
    ("Prices will rise.", "Prices will rise next year, the chief said.", False),  # too short to stand as a statement
])
def test_an_opening_copied_word_for_word(a: str, b: str, expected: bool) -> None:
    from verify.match.statements import opens

    assert opens(a, b) is expected


@pytest.mark.parametrize("after", ["on Sunday", "since the war began", "in the attack", "so far", "as of Monday"])
def test_a_word_after_a_toll_that_is_no_noun_names_no_part(after: str) -> None:
    """"at least 19 on Sunday" counts the dead, all of them: "on" is no part of them."""
    a = number_claim("a:1", f"The death toll rose to at least 19 {after}.", "at least 19", 19, "at_least")
    b = number_claim("b:1", "At least 31 people have died in the fighting.", "At least 31", 31, "at_least")
    assert measure(a, a.quantities[0]) == measure(b, b.quantities[0]) == ("count", "deaths", None)


# -- a zero dropped or added in counts of people however named ----------------


@pytest.mark.parametrize(("x", "noun_x", "y", "noun_y"), [
    (100, "injured", 10, "shot"), (20, "victim", 2, "people"), (30, "injured", 300, "people"),
])
def test_counts_of_people_a_power_of_ten_apart_conflict_however_named(x: int, noun_x: str, y: int, noun_y: str) -> None:
    a = number_claim("a:1", f"Police said {x} people were hurt at a party in Brownsville on Friday night.", f"{x}", x,
                     counts=noun_x)
    b = number_claim("b:1", f"Police said a gunman shot {y} people at a party in Brownsville on Friday night.", f"{y}", y,
                     counts=noun_y)
    link = pair(a, b, 0.8, DOCS, event="one")
    assert link is not None and link.verdict == "discrepancy" and "zero-apart" in link.rules
    assert "likely a typo" in link.reason
    why: list[str] = []
    assert pair(a, b, 0.8, DOCS, event="apart", why=why) is None  # not known as one event


@pytest.mark.parametrize(("a_text", "a_num", "a_of", "b_text", "b_num", "b_of", "kind", "unit"), [
    ("The panel will hold a third hearing in October.", "third", "hearing",
     "The candidates met for a third debate in October.", "third", "debate", "ordinal", None),
])
def test_numbers_of_different_things_are_never_one_fact(a_text: str, a_num: str, a_of: str, b_text: str,
                                                       b_num: str, b_of: str, kind: str, unit: str | None) -> None:
    """OF_OTHER_THINGS: "the third hearing" is not "the third debate"."""
    a = number_claim("a:1", a_text, a_num, 3 if kind == "ordinal" else 43, counts=a_of, kind=kind, unit=unit)
    b = number_claim("b:1", b_text, b_num, 3 if kind == "ordinal" else 43, counts=b_of, kind=kind, unit=unit)
    assert measure(a, a.quantities[0])[:2] == measure(b, b.quantities[0])[:2]
    assert pair(a, b, 0.9, DOCS, event="one") is None


@pytest.mark.parametrize(("a_verb", "b_verb", "turned"), [
    ("increased", "cut", True), ("raised", "lowered", True), ("edged up", "trimmed", True),
    ("increased", "raised", False), ("increased", "set", False),
    ("kept up to", "cut", False),  # "up to" is a bound, not a way
])
def test_a_share_stated_alike_but_moved_the_other_way_is_reported_differently(
        a_verb: str, b_verb: str, turned: bool) -> None:
    """TURNED: "increased its forecast by 0.1 percentage points" and "cut its forecast by 0.1 percentage points"."""
    text = "The fund {} its growth forecast by 0.1 percentage points on Tuesday."
    a = number_claim("a:1", text.format(a_verb), "0.1 percentage points", 0.1, counts="percentage point",
                     kind="percent", unit="percentage point")
    b = number_claim("b:1", text.format(b_verb), "0.1 percentage points", 0.1, counts="percentage point",
                     kind="percent", unit="percentage point")
    link = pair(a, b, 0.9, DOCS, event="one")
    assert link is not None
    assert (link.verdict == "discrepancy" and "turned-around" in link.rules) is turned


def test_the_dead_and_the_living_are_never_a_zero_apart() -> None:
    a = number_claim("a:1", "Police said 2 people died at a party in Brownsville on Friday night.", "2", 2, counts="deaths")
    b = number_claim("b:1", "Police said a gunman shot 20 people at a party in Brownsville on Friday night.", "20", 20,
                     counts="shot")
    assert pair(a, b, 0.8, DOCS, event="one") is None


@pytest.mark.parametrize(("a", "b", "changed", "flipped"), [
    ("It was stolen under 20 years ago in Sharon.", "It was stolen over 20 years ago in Sharon.", ("under", "over"), True),
    ("The talks lasted more than four hours.", "The talks lasted less than four hours.", ("more", "less"), True),
    ("The talks lasted more than four hours.", "The talks lasted about four hours.", ("more than", "about"), False),
    ("The talks lasted four hours.", "The talks lasted four hours.", ("", ""), False),
])
def test_a_bound_word_turned_the_other_way(a: str, b: str, changed: tuple, flipped: bool) -> None:
    from verify.match.statements import bounds_changed, reversed_bounds

    assert bounds_changed(a, b) == changed
    assert reversed_bounds(changed) is flipped


@pytest.mark.parametrize(("a", "b", "flipped"), [
    ("The mayor did not attend the meeting on Tuesday night.", "The mayor did attend the meeting on Tuesday night.",
     "not"),
    ("Police have said they have no immediate plans to release two recordings of the shooting, according to "
     "attorneys for the family.", "Police have said they plan to release the two recordings of the shooting this "
     "week, according to attorneys for the family.", "no"),
    # a clause one sentence adds is no negation of the other
    ("Police said two men were shot in the parking lot on Friday.",
     "Police said two men were shot in the parking lot on Friday, and no arrests were made.", None),
    ("The child, whom police did not identify, was taken to Arkansas Children's Hospital in serious condition.",
     "The child was taken to Arkansas Children's Hospital in serious condition.", None),
    # a piece of a sentence is no statement
    ("One neighbor, who did not wish to be identified, believes he called police.", "who did wish to be identified",
     None),
    # both negate, or the sentences say different things
    ("The mayor did not attend the meeting on Tuesday night.", "The mayor did not attend the meeting on Monday.", None),
    ("Police have said they have no immediate plans to release two recordings of the shooting.",
     "The family has been demanding that police release the video, which the police have not done.", None),
])
def test_a_negation_inside_the_words_two_statements_share_turns_one_around(a: str, b: str, flipped: str | None) -> None:
    """NEGATED_STATEMENT's reading: the negation must stand inside what the two sentences share."""
    from verify.match.statements import negated

    assert negated(a, b) == flipped
