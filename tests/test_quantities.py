"""Quantities: number words, qualifiers, intervals, units, ranges, what is counted.

Tables of ``(text, expected)`` in the manner of textacy's ``test_triples.py``:
every wrong number found later becomes a new row; a known failure stays in the
table, marked ``xfail`` with its reason.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

from verify.extract.numbers import parse_number, parse_ordinal
from verify.extract.quantities import parse_quantity, quantities


@pytest.fixture(scope="module")
def nlp_q():
    """The real en_core_web_sm pipeline, loaded once (cached by verify.nlp)."""
    from verify.nlp import load_nlp

    return load_nlp()


def xfail(*row: object, reason: str) -> object:
    return pytest.param(*row, marks=pytest.mark.xfail(reason=reason, strict=True))


# --- numbers: numerals, words, ordinals, fractions -------------------------

NUMBERS = [
    ("6,500", 6500), ("2.5", 2.5), ("1,674,200.5", 1674200.5), ("1.2 million", 1.2e6),
    ("3bn", 3e9), ("10k", 1e4), ("2.33 k", 2330), ("40\u202f000", 40000), ("1 234 567", 1234567),
    ("three", 3), ("twenty-five", 25), ("fifty - two", 52), ("two hundred", 200),
    ("one hundred and sixty-one", 161), ("a dozen", 12), ("three dozens", 36),
    ("half a dozen", 6), ("a hundred and two", 102), ("two hundred and two thousand", 202000),
    ("two thousand and two hundred", 2200), ("twenty-one trillion and three hundred", 21000000000300),
    ("3 hundred and 21", 321), ("322 hundred", 32200), ("two hundred point zero three", 200.03),
    ("nine point nought four", 9.04), ("minus five point five", -5.5), ("-4/5", -0.8),
    ("3/4", 0.75), ("2 1/2", 2.5), ("½", 0.5), ("a half", 0.5), ("two thirds", 2 / 3),
    ("three quarters", 0.75), ("one-eighth", 0.125), ("one and a half", 1.5),
    ("five and a half million", 5.5e6), ("3 million and a half", 3.5e6),
    ("one hundred and three quarters", 100.75), ("twenty and three fifths", 20.6),
    ("one billion and a half million", 1_000_500_000), ("two million and a half thousand", 2_000_500),
    ("1e10", 1e10), (".08", 0.08), ("hundred thousand", 1e5),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "the", "a", "one of", "9/11", "5/17", "COVID"])
def test_not_one_number(text: str) -> None:
    assert parse_number(text) is None


ORDINALS = [("fifth", 5), ("21st", 21), ("2nd", 2), ("eleventh", 11), ("twentieth", 20),
            ("three hundred and first", 301), ("one thousand and second", 1002),
            ("twenty-first", 21), ("twenty-fifth", 25), ("one hundred twenty-fifth", 125),
            ("two hundredth", 200), ("three trillionth", 3e12)]


@pytest.mark.parametrize(("text", "value"), ORDINALS)
def test_parse_ordinal(text: str, value: int) -> None:
    assert parse_ordinal(text) == value


# --- phrases without a parse: value, qualifier, interval, unit, kind ----------

# (text, value, qualifier, low, high, unit, kind)
PHRASES = [
    ("6,500", 6500, "exact", 6500, 6500, None, "count"),
    ("more than 6,500", 6500, "more_than", 6500, None, None, "count"),
    ("over 300", 300, "more_than", 300, None, None, "count"),
    ("above 170", 170, "more_than", 170, None, None, "count"),
    ("upwards of 1,000", 1000, "more_than", 1000, None, None, "count"),
    ("at least three", 3, "at_least", 3, None, None, "count"),
    ("no fewer than 12", 12, "at_least", 12, None, None, "count"),
    ("no less than 30", 30, "at_least", 30, None, None, "count"),
    ("500 or more", 500, "at_least", 500, None, None, "count"),
    ("fewer than 30", 30, "less_than", None, 30, None, "count"),
    ("less than 5000", 5000, "less_than", None, 5000, None, "count"),
    ("under 18", 18, "less_than", None, 18, None, "count"),
    ("below 170", 170, "less_than", None, 170, None, "count"),
    ("nearly 3,000", 3000, "less_than", 2700, 3000, None, "count"),
    ("almost 30 years", 30, "less_than", 27, 30, "year", "duration"),
    ("just under 40%", 40, "less_than", 36, 40, "percent", "percent"),
    ("nearly three decades", 3, "less_than", 2.7, 3, "decade", "duration"),
    ("up to 700", 700, "at_most", None, 700, None, "count"),
    ("at most 100", 100, "at_most", None, 100, None, "count"),
    ("no more than 50", 50, "at_most", None, 50, None, "count"),
    ("as many as 50", 50, "at_most", None, 50, None, "count"),
    ("500 or less", 500, "at_most", None, 500, None, "count"),
    ("65 or older", 65, "at_least", 65, None, None, "count"),
    ("12 and younger", 12, "at_most", None, 12, None, "count"),
    ("some 2,000", 2000, "approx", 1800, 2200, None, "count"),
    ("Some 2,000", 2000, "approx", 1800, 2200, None, "count"),
    ("about 40", 40, "approx", 36, 44, None, "count"),
    ("around 5 million", 5e6, "approx", 4.5e6, 5.5e6, None, "count"),
    ("roughly 20", 20, "approx", 18, 22, None, "count"),
    ("approximately 1,000", 1000, "approx", 900, 1100, None, "count"),
    ("an estimated 10,000", 10000, "approx", 9000, 11000, None, "count"),
    ("100 or so", 100, "approx", 90, 110, None, "count"),
    ("40-odd", 40, "approx", 36, 44, None, "count"),
    # Vague words: no value is made up; low is the floor the words state, high None.
    ("dozens", None, "vague", 24, None, None, "count"),
    ("hundreds", None, "vague", 200, None, None, "count"),
    ("thousands", None, "vague", 2000, None, None, "count"),
    ("tens of thousands", None, "vague", 20000, None, None, "count"),
    ("hundreds of thousands", None, "vague", 200000, None, None, "count"),
    ("scores of", None, "vague", 40, None, None, "count"),
    ("several", None, "vague", 3, None, None, "count"),
    ("several hundred", None, "vague", 300, None, None, "count"),
    ("a few thousand", None, "vague", 2000, None, None, "count"),
    ("many", None, "vague", None, None, None, "count"),
    ("numerous", None, "vague", None, None, None, "count"),
    ("a few", None, "vague", 2, None, None, "count"),
    ("a handful", None, "vague", 2, None, None, "count"),
    ("a couple", None, "vague", 2, None, None, "count"),
    ("a couple of hundred", None, "vague", 200, None, None, "count"),
    ("a couple of thousand", None, "vague", 2000, None, None, "count"),
    ("more than dozens", None, "vague", 24, None, None, "count"),
    ("45%", 45, "exact", 45, 45, "percent", "percent"),
    ("45 percent", 45, "exact", 45, 45, "percent", "percent"),
    ("45 per cent", 45, "exact", 45, 45, "percent", "percent"),
    ("2.5 percentage points", 2.5, "exact", 2.5, 2.5, "percentage point", "percent"),
    ("$3 billion", 3e9, "exact", 3e9, 3e9, "USD", "money"),
    ("€40m", 4e7, "exact", 4e7, 4e7, "EUR", "money"),
    ("£1.2bn", 1.2e9, "exact", 1.2e9, 1.2e9, "GBP", "money"),
    ("US$5 million", 5e6, "exact", 5e6, 5e6, "USD", "money"),
    ("5 million dollars", 5e6, "exact", 5e6, 5e6, "USD", "money"),
    ("more than $3 billion", 3e9, "more_than", 3e9, None, "USD", "money"),
    ("six-week", 6, "exact", 6, 6, "week", "duration"),
    ("four hours", 4, "exact", 4, 4, "hour", "duration"),
    ("30-year-old", 30, "exact", 30, 30, "year", "measure"),
    ("27-kilometer", 27, "exact", 27, 27, "kilometre", "measure"),
    ("100 square kilometres", 100, "exact", 100, 100, "square kilometre", "measure"),
    ("50 Wh", 50, "exact", 50, 50, "watt hour", "measure"),
    ("fifth", 5, "exact", 5, 5, None, "ordinal"),
    ("21st", 21, "exact", 21, 21, None, "ordinal"),
    # Ranges: value is the lower bound, low/high the range, qualifier approx.
    ("12.9±0.1 TeV", 12.9, "approx", 12.8, 13.0, "teraelectronvolt", "measure"),
    ("125 +/- 2", 125, "approx", 123, 127, None, "count"),
    ("between 20 and 30", 20, "approx", 20, 30, None, "range"),
    ("between 20 to 30", 20, "approx", 20, 30, None, "range"),
    ("between 44 mg to 50 mg", 44, "approx", 44, 50, "milligram", "range"),
    ("20-30", 20, "approx", 20, 30, None, "range"),
    ("20 to 30", 20, "approx", 20, 30, None, "range"),
    ("from 200 to 300", 200, "approx", 200, 300, None, "range"),
    ("two or three days", 2, "approx", 2, 3, "day", "range"),
    ("1.2-1.5 million", 1.2e6, "approx", 1.2e6, 1.5e6, None, "range"),
    ("$3-4 billion", 3e9, "approx", 3e9, 4e9, "USD", "range"),
    ("20-30%", 20, "approx", 20, 30, "percent", "range"),
    ("more than 10 and less than 40", 10, "approx", 10, 40, None, "range"),
    (">30", 30, "more_than", 30, None, None, "count"),
    (">=30", 30, "at_least", 30, None, None, "count"),
    ("<>30", 30, "exact", 30, 30, None, "count"),
    ("=<30", 30, "exact", 30, 30, None, "count"),
]


@pytest.mark.parametrize(("text", "value", "qualifier", "low", "high", "unit", "kind"), PHRASES)
def test_parse_quantity(text: str, value: float | None, qualifier: str, low: float | None,
                        high: float | None, unit: str | None, kind: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    got = (q.value, q.qualifier, q.low, q.high, q.unit, q.kind)
    assert got == (None if value is None else pytest.approx(value), qualifier,
                   None if low is None else pytest.approx(low),
                   None if high is None else pytest.approx(high), unit, kind)
    assert q.text == text[q.start:q.end]


@pytest.mark.parametrize("text", [
    "a soldier", "an Azerbaijani soldier", "November 15", "on August 5", "November 10, 2020",
    "Nov. 15", "15 November", "May 4th", "10:30", "at 3pm", "10 a.m.", "+1-222-2222-2222",
    "call (956) 487-5571", "192.168.1.2", "G20", "COVID-19", "F-16", "the 1990s", "in his 20s",
    "5/17/2018", "www.example.com/page/2020", "2013-14", "one-way", "won 3-1",
])
def test_not_a_phrase(text: str) -> None:
    assert parse_quantity(text) is None


# --- quantities in parsed news sentences ---------------------------------------

# (sentence, [(text, value, qualifier, kind, counts)]): every quantity, in order.
SENTENCES = [
    ("Armenia ceded territory after a six-week war in which more than 6,500 people died.",
     [("six-week", 6, "exact", "duration", "war"),
      ("more than 6,500", 6500, "more_than", "count", "deaths")]),
    ("The conflict claimed more than 6,500 lives.",
     [("more than 6,500", 6500, "more_than", "count", "deaths")]),
    ("Renewed fighting this week left three people dead.",
     [("three", 3, "exact", "count", "deaths")]),
    ("Clashes on Wednesday left three dead and many injured.",
     [("three", 3, "exact", "count", "deaths"), ("many", None, "vague", "count", "injured")]),
    ("Clashes left at least three dead and several injured.",
     [("at least three", 3, "at_least", "count", "deaths"),
      ("several", None, "vague", "count", "injured")]),
    ("The Karabakh army said two of its troops had been killed.",
     [("two", 2, "exact", "count", "deaths")]),
    ("Gunmen opened fire on the bus, killing three.",
     [("three", 3, "exact", "count", "deaths")]),
    ("Three were killed and five wounded in the attack.",
     [("Three", 3, "exact", "count", "deaths"), ("five", 5, "exact", "count", "injured")]),
    ("At least 12 people were hurt in the blast.",
     [("At least 12", 12, "at_least", "count", "injured")]),
    ("The death toll rose to 30 on Sunday.",
     [("30", 30, "exact", "count", "deaths")]),
    ("Officials reported 40 injuries and no deaths.",
     [("40", 40, "exact", "count", "injured")]),
    ("Russia deployed some 2,000 peacekeepers to oversee a truce.",
     [("some 2,000", 2000, "approx", "count", "peacekeeper")]),
    ("Azerbaijan liberated several cities and over 300 settlements and villages.",
     [("several", None, "vague", "count", "city"), ("over 300", 300, "more_than", "count", "settlement")]),
    ("The region was occupied by Armenia for almost 30 years.",
     [("almost 30 years", 30, "less_than", "duration", "year")]),
    ("Nagorno-Karabakh had been under ethnic Armenian control for nearly three decades.",
     [("nearly three decades", 3, "less_than", "duration", "decade")]),
    ("The trilateral meeting lasted more than four hours.",
     [("more than four hours", 4, "more_than", "duration", "meeting")]),
    ("The meeting was the fifth face-to-face talks between the leaders.",
     [("fifth", 5, "exact", "ordinal", "talk")]),
    ("Edwards is the 12th homicide in Pontiac this year.",
     [("12th", 12, "exact", "ordinal", "homicide")]),
    ("A fourth shooting victim was found at 28th and Market Streets.",
     [("fourth", 4, "exact", "ordinal", "shooting victim")]),
    ("In a statement, the 27-nation bloc said it was deeply concerned.",
     [("27", 27, "exact", "count", "nation")]),
    ("Armenia accuses Azerbaijan of occupying dozens of square kilometers of its territory.",
     [("dozens of square kilometers", None, "vague", "measure", "square kilometre")]),
    ("The EU pledged €40m in aid, and the World Bank $3 billion.",
     [("€40m", 4e7, "exact", "money", None), ("$3 billion", 3e9, "exact", "money", None)]),
    ("Turnout was 45 per cent, up from 38% in the last election.",
     [("45 per cent", 45, "exact", "percent", None), ("38%", 38, "exact", "percent", None)]),
    ("Between 20 and 30 people were arrested.",
     [("Between 20 and 30", 20, "approx", "range", "people")]),
    ("Police said up to 700 protesters gathered in the square.",
     [("up to 700", 700, "at_most", "count", "protester")]),
    ("As many as 50 homes were destroyed.",
     [("As many as 50", 50, "at_most", "count", "home")]),
    ("Thousands of people fled the fighting.",
     [("Thousands", None, "vague", "count", "people")]),
    ("Jane Roe, 39, was killed.",
     [("39", 39, "exact", "measure", "age")]),
    # Counts that look like labels stay counts: a plural noun counted after a name,
    # a local number that is a range, a long number with its thousands commas.
    ("In Chicago 12 people were shot over the weekend.",
     [("12", 12, "exact", "count", "shot")]),
    ("Between 200-1000 people attended the vigil.",
     [("Between 200-1000", 200, "approx", "range", "people")]),
    ("The project will cost between 10 to 20 million dollars.",
     [("between 10 to 20 million dollars", 1e7, "approx", "range", "dollar")]),
    ("Police said 12 East Side residents were hurt.",
     [("12", 12, "exact", "count", "injured")]),
    ("Police said 12 Democrats and one Republican voted against it.",
     [("12", 12, "exact", "count", "democrats"), ("one", 1, "exact", "count", "republican")]),
    ("Police took the 12 people in the room to the station.",
     [("12", 12, "exact", "count", "people")]),
    ("Officials counted 1,509,280 ballots.",
     [("1,509,280", 1509280, "exact", "count", "ballot")]),
    ("Doctors questioned the health of Donald Trump, who is 70.",
     [("70", 70, "exact", "measure", "age")]),
    ("The victim, who was 19, died at the scene.",
     [("19", 19, "exact", "measure", "age")]),
    ("He opened fire on the four men – ages 19, 30 and 34 – on the porch.",
     [("four", 4, "exact", "count", "man"), ("19", 19, "exact", "measure", "age"),
      ("30", 30, "exact", "measure", "age"), ("34", 34, "exact", "measure", "age")]),
    # A list of ages with a comma before its "and" is ages to its end.
    ("He killed his wife and their 4 daughters, ages 3, 7, 11, and 14.",
     [("4", 4, "exact", "count", "deaths"), ("3", 3, "exact", "measure", "age"), ("7", 7, "exact", "measure", "age"),
      ("11", 11, "exact", "measure", "age"), ("14", 14, "exact", "measure", "age")]),
    # N_STRONG: "a 2,000-strong crowd" is so many people.
    ("A 2,000-strong crowd gathered outside.", [("2,000", 2000, "exact", "count", "people")]),
    # A scale glued to its number ("1.5m") before the noun it counts.
    ("About 1.5m people fled the region.", [("About 1.5m", 1.5e6, "approx", "count", "people")]),
    # A list of ages after "ages" in words, or after a noun and a comma.
    ("She was taking the other two children, ages one and six, to school.",
     [("two", 2, "exact", "count", "child"), ("one", 1, "exact", "measure", "age"), ("six", 6, "exact", "measure", "age")]),
    ("One of two girls, 7 and 5, was shot on Wednesday.",
     [("One", 1, "exact", "count", "shot"), ("two", 2, "exact", "count", "girl"), ("7", 7, "exact", "measure", "age"),
      ("5", 5, "exact", "measure", "age")]),
    # A body of people and an amount hyphened to their noun stay counts.
    ("The five-member board voted on Monday.", [("five", 5, "exact", "count", "member")]),
    ("The 10-point lead shrank.", [("10", 10, "exact", "count", "point")]),
    # ... while "one" before a count of casualties still counts them.
    ("Police said one officer was shot.", [("one", 1, "exact", "count", "shot")]),
    # AGE_LABEL: a form's "Age:" labels an age whatever follows it.
    ("Sex: M Race: B Age: 25 Condition: Non-life threatening",
     [("25", 25, "exact", "measure", "age")]),
    ("He is the fourth child under the age of 8 to be shot this year.",
     [("fourth", 4, "exact", "ordinal", "shot"), ("8", 8, "exact", "measure", "age")]),
    ("Like her father, Trinity ran 100 and 200 meters.",
     [("100", 100, "exact", "measure", "metre"), ("200 meters", 200, "exact", "measure", "metre")]),
    ("A 15-year-old boy was shot.",
     [("15-year-old", 15, "exact", "measure", "age")]),
    ("Inflation rose from 5% to 7% last year.",
     [("5%", 5, "exact", "percent", "inflation"), ("7%", 7, "exact", "percent", "inflation")]),
    ("About 45% of voters backed him.",
     [("About 45%", 45, "approx", "percent", "voter")]),
    ("Nearly half of the residents fled.",
     [("Nearly half", 0.5, "less_than", "measure", "resident")]),
    ("Police say 2 people are dead and 1 person is critically injured.",
     [("2", 2, "exact", "count", "deaths"), ("1", 1, "exact", "count", "injured")]),
    ("A gunman shot dead three people.",
     [("three", 3, "exact", "count", "deaths")]),
    ("The blast killed 12 soldiers and two civilians and injured 30.",
     [("12", 12, "exact", "count", "deaths"), ("two", 2, "exact", "count", "deaths"),
      ("30", 30, "exact", "count", "injured")]),
    ("The party ended in gunfire, leaving one person dead and at least three others wounded.",
     [("one", 1, "exact", "count", "deaths"), ("at least three", 3, "at_least", "count", "injured")]),
    ("Two men who were shot and killed at the hotel have been identified.",
     [("Two", 2, "exact", "count", "deaths")]),
    ("He critically wounded two sheriff's deputies.",
     [("two", 2, "exact", "count", "injured")]),
    ("Five people were shot at a bus stop.",
     [("Five", 5, "exact", "count", "shot")]),
    ("Officers located five (5) gunshot victims.",
     [("five", 5, "exact", "count", "gunshot victim")]),
    ("The deaths of his wife, 34, and the four girls shocked the town.",
     [("34", 34, "exact", "measure", "age"), ("four", 4, "exact", "count", "girl")]),
    ("Prices doubled over three years.",
     [("three years", 3, "exact", "duration", "year")]),
    xfail("Police arrived about an hour later.",
          [("about an hour", 1, "approx", "duration", "hour")],
          reason="the article is read as one only before hundred, dozen, million...; "
                 "the gold marks such articles optional"),
    xfail("The rebels said 48% of the vote went to them and 52% to him.",
          [("48%", 48, "exact", "percent", "vote"), ("52%", 52, "exact", "percent", "vote")],
          reason="what a percentage counts is not carried across an elided clause"),
    ("The couple married when she was 16 and he, 35, was already a father of two.",
     [("16", 16, "exact", "measure", "age"), ("35", 35, "exact", "measure", "age"),
      ("two", 2, "exact", "count", None)]),
]


# Vague words after a preposition ("over", "under") and numbers before a
# group's name: rows that once crashed or dropped a count.
SENTENCES += [
    ("They fought over several issues.", [("several", None, "vague", "count", "issue")]),
    ("Troops fought over dozens of square kilometres.",
     [("dozens of square kilometres", None, "vague", "measure", "square kilometre")]),
    ("Airstrikes killed 40 Taliban in the province.", [("40", 40, "exact", "count", "deaths")]),
    ("Officials said 12 Hezbollah were killed.", [("12", 12, "exact", "count", "deaths")]),
]


# Shares written with two numbers ("one in five"): one fraction, not two counts.
SENTENCES += [
    ("One in five residents lacks health insurance.",
     [("One in five", 0.2, "exact", "measure", "resident")]),
    ("Nine in 10 voters named the economy.", [("Nine in 10", 0.9, "exact", "measure", "voter")]),
    ("Two out of three voters backed the measure.",
     [("Two out of three", 2 / 3, "exact", "measure", "voter")]),
    ("Nearly 4 in 10 adults are obese.", [("Nearly 4 in 10", 0.4, "less_than", "measure", "adult")]),
    ("More than one in three children live in poverty.",
     [("More than one in three", 1 / 3, "more_than", "measure", "child")]),
    ("He scored 2 in 5 minutes.", [("2", 2, "exact", "count", None),
                                   ("5 minutes", 5, "exact", "duration", "minute")]),
    ("The club signed more than 30 in 100 days.",
     [("more than 30", 30, "more_than", "count", None), ("100 days", 100, "exact", "duration", "day")]),
]

# A change and where it ended are two amounts, not a range.
SENTENCES += [
    ("Revenue fell 12.5% to $1.3 billion.",
     [("12.5%", 12.5, "exact", "percent", None), ("$1.3 billion", 1.3e9, "exact", "money", "revenue")]),
    ("The index fell 3% to 1,234.", [("3%", 3, "exact", "percent", None), ("1,234", 1234, "exact", "count", None)]),
    ("The hike took 3 hours to 4 hours.", [("3 hours to 4 hours", 3, "approx", "range", "hour")]),
]

# "A couple of", "a handful of" count their noun; ranges after "ages" are ages.
SENTENCES += [
    ("A couple of officers were injured.", [("A couple", None, "vague", "count", "injured")]),
    ("A handful of protesters remained.", [("A handful", None, "vague", "count", "protester")]),
    ("A couple of them left early.", []),
    ("He was jailed for 10 to 15 years.", [("10 to 15 years", 10, "approx", "range", "year")]),
    ("The victims ranged in age from 22 to 58, police said.",
     [("from 22 to 58", 22, "approx", "range", "age")]),
    ("The men, aged 20 to 30, were arrested.", [("20 to 30", 20, "approx", "range", "age")]),
    ("The victims were between the ages of 18 and 25.",
     [("18", 18, "exact", "measure", "age"), ("25", 25, "exact", "measure", "age")]),
    ("Children from 5 to 10 were there.", [("from 5 to 10", 5, "approx", "range", None)]),
]


# Margins ("±", "+/-", "plus or minus"), currency codes before the number, a
# common noun that opens the sentence inside a mistagged entity.
SENTENCES += [
    ("Support stood at 52% ± 3%.", [("52% ± 3%", 52, "approx", "percent", "support")]),
    ("The poll's margin of error is plus or minus 3 percentage points.",
     [("minus 3 percentage points", 3, "exact", "percent", None)]),
    ("The deal is worth EUR 200 million.", [("EUR 200 million", 2e8, "exact", "money", None)]),
    ("Highs of 104F are forecast.", [("104F", 104, "exact", "measure", "degree Fahrenheit")]),
]

# Bounds on age after the people they name; a plural noun that opens the
# sentence is no name ("People 65", unlike "Flight 17").
SENTENCES += [
    ("People 65 and older can get the vaccine.", [("65 and older", 65, "at_least", "measure", "age")]),
    ("Children 12 and under ride free.", [("12 and under", 12, "at_most", "measure", "age")]),
    ("Orders of 50 and over ship free.", [("50 and over", 50, "at_least", "count", None)]),
]

# A bare number said of one person with "be" is an age; an age after a name
# may be followed by a parenthesis.
SENTENCES += [
    ("Earlier reports said that Jane Roe was 35.", [("35", 35, "exact", "measure", "age")]),
    ("The victim was 17, police said.", [("17", 17, "exact", "measure", "age")]),
    ("The death toll was 35.", [("35", 35, "exact", "count", None)]),
    ("Jane Q. Roe, 51 (wife of John Roe) was named.", [("51", 51, "exact", "measure", "age")]),
]

# "the one millionth visitor" is a rank, "one millionth of a second" a
# fraction, and "a second" there the unit of time.
SENTENCES += [
    ("She was the one millionth visitor.", [("one millionth", 1e6, "exact", "ordinal", "visitor")]),
    ("It took one millionth of a second.", [("one millionth", 1e-6, "exact", "measure", "second")]),
    ("He fired a second shot.", [("second", 2, "exact", "ordinal", "gunshot")]),
]

# What is counted holds none of the number's own words.
SENTENCES += [
    ("Several dozen officers responded.", [("Several dozen", None, "vague", "count", "officer")]),
    ("The firm has 10k employees.", [("10k", 1e4, "exact", "count", "employee")]),
]

# Money and shares as business news writes them.
SENTENCES += [
    ("Shares rose 20pc on Monday.", [("20pc", 20, "exact", "percent", None)]),
    ("The firm bought a 20% stake.", [("20%", 20, "exact", "percent", "stake")]),
    ("The Fed raised rates by half a percentage point.",
     [("half a percentage point", 0.5, "exact", "percent", "percentage point")]),
    ("We waited half an hour.", [("half an hour", 0.5, "exact", "duration", "hour")]),
    ("The loan was for 3 million Swiss francs.", [("3 million Swiss francs", 3e6, "exact", "money", "franc")]),
    ("The population grew by 2 million to 67 million.",
     [("2 million", 2e6, "exact", "count", None), ("67 million", 6.7e7, "exact", "count", None)]),
    ("Half a million people marched.", [("Half a million", 5e5, "exact", "count", "people")]),
]

# Ages said with "died at" or "ages were"; years written short; a number in
# a name before a singular noun.
SENTENCES += [
    ("The queen died at 96.", [("96", 96, "exact", "measure", "age")]),
    ("Police found three men ages 17,20 and 23.", [("three", 3, "exact", "count", "man"),
                                                    ("17", 17, "exact", "measure", "age"),
                                                    ("20", 20, "exact", "measure", "age"),
                                                    ("23", 23, "exact", "measure", "age")]),
    ("Nobody expected this many cars on the road.", []),
    ("The victims' ages were 15, 16 and 17.", [("15", 15, "exact", "measure", "age"),
                                               ("16", 16, "exact", "measure", "age"),
                                               ("17", 17, "exact", "measure", "age")]),
    ("He was born in '89.", []),
    ("In the ’90s, crime fell.", []),
    ("The Top 10 list was published.", []),
    ("In Texas 5 people died.", [("5", 5, "exact", "count", "deaths")]),
]

# Ages after "turned" and ", now"; stations' brands and numbers spelled on a
# keypad are labels.
SENTENCES += [
    ("The retired teacher turned 41 on Monday.", [("41", 41, "exact", "measure", "age")]),
    ("The officer, now 52, retired.", [("52", 52, "exact", "measure", "age")]),
    ("He turned 3 people away.", [("3", 3, "exact", "count", "people")]),
    ("Police tell ZAP 12 two men were arguing.", [("two", 2, "exact", "count", "man")]),
    ("Text your tip to ALERT (25378) today.", []),
    ("SHOOTING LEFT 2 DEAD", [("2", 2, "exact", "count", "deaths")]),  # the word after it says so, in capitals too
]

# A bare small number after "at" that counts nothing is a time of day; but a
# level ("the toll stood at 6") is not.
SENTENCES += [
    ("The meeting began at 9 and ended at 11.", []),
    ("The death toll stood at 6 on Friday.", [("6", 6, "exact", "count", "deaths")]),
]

# "150-plus" is a bound on what it counts; "20-something" counts nothing.
SENTENCES += [
    ("The plane carried 150-plus passengers.", [("150-plus", 150, "at_least", "count", "passenger")]),
    ("The 20-something man was shot.", []),
]

# Shots fired are no people shot; people who suffered injuries are injured.
SENTENCES += [
    ("Police fired 16 shots at the suspect.", [("16", 16, "exact", "count", "gunshot")]),
    ("Three other people suffered minor injuries.", [("Three", 3, "exact", "count", "injured")]),
    ("One of those shot was her cousin.", [("One", 1, "exact", "count", "shot")]),
]

# What people were left: "left eight people wounded", whatever the parse
# hangs the participle on; another participle is no casualty.
SENTENCES += [
    ("A gun battle on the streets of Oakland left eight people wounded.",
     [("eight", 8, "exact", "count", "injured")]),
    ("The crash left five people hurt.", [("five", 5, "exact", "count", "injured")]),
    ("Police left two officers stationed at the house.", [("two", 2, "exact", "count", "officer")]),
]

# "one" before an adjective and a noun counts the noun, whatever the parse.
SENTENCES += [
    ("We will try one last time, she said.", [("one", 1, "exact", "count", "time")]),
    ("No one else came.", []),
]

# Units as news writes them: spaced abbreviations, glued temperatures.
SENTENCES += [
    ("The wall is 6 ft high.", [("6 ft", 6, "exact", "measure", "foot")]),
    ("The house has 5,000 sq ft of space.", [("5,000 sq ft", 5000, "exact", "measure", "square foot")]),
    ("The car gets 30 mpg.", [("30 mpg", 30, "exact", "measure", "mile per gallon")]),
    ("Temperatures reached 40C on Monday.", [("40C", 40, "exact", "measure", "degree Celsius")]),
    ("Temperatures hit 104F in Phoenix.", [("104F", 104, "exact", "measure", "degree Fahrenheit")]),
    ("She lives in apartment 4C.", []),
    ("The plant made 300 megawatt-hours.", [("300 megawatt-hours", 300, "exact", "measure", "megawatt hour")]),
    ("Our connection runs at 100 Mbps.", [("100 Mbps", 100, "exact", "measure", "megabit per second")]),
    ("We need 20 sq m of space.", [("20 sq m", 20, "exact", "measure", "square metre")]),
]


def _rows(nlp_q, sentence: str) -> list[tuple]:
    return [(q.text, q.value, q.qualifier, q.kind, q.counts) for q in quantities(nlp_q(sentence))]


# The word right after a number says what it counts, however the parse
# joins two counts ("Fifty-one dead and over 100 wounded").
SENTENCES += [
    ("Fifty-one dead and over 100 wounded, the ministry said.",
     [("Fifty-one", 51, "exact", "count", "deaths"), ("over 100", 100, "more_than", "count", "injured")]),
    ("Three dead and 20 injured in Sunday shooting.",
     [("Three", 3, "exact", "count", "deaths"), ("20", 20, "exact", "count", "injured")]),
    # CASUALTY_AFTER_NOUN: or right after the noun it counts
    ("A shooting in Northport early Sunday morning left a 17-year-old girl dead and 30 others injured, "
     "police said.", [("17-year-old", 17, "exact", "measure", "age"), ("30", 30, "exact", "count", "injured")]),
]


# Ages as scraped pages and lists of people write them: a hyphen set apart
# ("a 9 -year-old boy"), "both 23" after two names.
SENTENCES += [
    ("Police are investigating the shooting of a 9 -year-old boy.", [("9 -year-old", 9, "exact", "measure", "age")]),
    ("A 9- year-old girl was hurt.", [("9- year-old", 9, "exact", "measure", "age")]),
    ("Omar and Jamar Hamilton, both 23, were charged.", [("23", 23, "exact", "measure", "age")]),
    ("The teams, both 23 points behind, met.", [("23", 23, "exact", "count", "point")]),
]


# A duration counts what lasted, when the parse says: the noun it describes,
# or the subject of a verb of lasting; else its unit.
SENTENCES += [
    ("The talks in Brussels lasted less than two hours.", [("less than two hours", 2, "less_than", "duration", "talk")]),
    ("The standoff went on for three hours.", [("three hours", 3, "exact", "duration", "standoff")]),
    ("A three-day strike closed the port.", [("three-day", 3, "exact", "duration", "strike")]),
    ("Police searched the house for two hours.", [("two hours", 2, "exact", "duration", "hour")]),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_quantities(nlp_q, sentence: str, expected: list[tuple]) -> None:
    got = _rows(nlp_q, sentence)
    assert [(t, v if v is None else pytest.approx(v), ql, k, c) for t, v, ql, k, c in expected] == got


# Numbers that are not claims: (sentence, the numbers' words that must not be read).
NOT_QUANTITIES = [
    ("Blinken spoke to the leaders on August 5 to call for dialogue.", ["5"]),
    ("They signed the November 10, 2020, truce brokered by Moscow.", ["10", "2020"]),
    ("Relations have been tense since 1991.", ["1991"]),
    ("The 2020 war ended with a Russia-brokered deal.", ["2020"]),
    ("The fighting ended in November 2020.", ["2020"]),
    ("Forces had held the region since the end of a separatist war in 1994.", ["1994"]),
    ("The meeting began at 10 a.m. and ended at 3pm.", ["10", "3"]),
    ("Article 5 of the treaty obliges members to respond.", ["5"]),
    ("The plane was operating Flight 17 from Amsterdam.", ["17"]),
    ("It was the worst loss since the Second World War.", ["Second"]),
    ("One of the victims was a child.", ["One"]),
    ("No one was hurt.", ["one"]),
    # COMPOUND_DESCRIPTOR: what kind of building or vehicle, not a count.
    ("The boy lived in the three-story home on Aberdeen.", ["three"]),
    ("Police stopped a four-door sedan and a two-car convoy.", ["four", "two"]),
    # INDEFINITE_ONE: "one" that means "a" counts nothing.
    ('"So full of talent," one Facebook friend wrote in a post.', ["one"]),
    ("Shots were fired, one neighbor says, and she lost count.", ["one"]),
    ('"It could have been a child," said one resident of the complex.', ["one"]),
    ("The man at one point fired at the officers.", ["one"]),
    ("The US, Russia and many other powers expressed concern.", ["many"]),
    ("He has lived there for many years.", ["many"]),
    ("Baku said it had lost a soldier.", ["a"]),
    ("The shooting happened in the 800 block of Elm Drive.", ["800"]),
    ("Witnesses made the 911 call at once.", ["911"]),
    ("Call the police at (956) 487-5571 with information.", ["956", "487"]),
    ("The COVID-19 pandemic hit the G20 economies.", ["19", "20"]),
    ("Two years ago the talks collapsed.", ["Two years"]),
    ("First, the leaders met in Brussels.", ["First"]),
    ("See www.example.com/2020/05/report for details.", ["2020", "05"]),
    ("The Group of Seven met in Cornwall.", ["Seven"]),
    ("The 101st Airborne Division and the 1st Armored Division deployed.", ["101st", "1st"]),
    ("Azerbaijan used Su-25 jets and S-300 systems.", ["25", "300"]),
    ("Pashinyan came to power in the 2018 revolution.", ["2018"]),
    ("Article 9 of the November 10 statement covers transport links.", ["9", "10"]),
    ("Local 10 News reported the shooting.", ["10"]),
    ("Shots were fired near 55 Main Street.", ["55"]),
    ("Hondo crime incidents per 100,000 residents rose.", ["100,000"]),
    ("Contact tips@example.com215-854-2817 with tips.", ["854", "2817"]),
    ("The families of the victims thanked the city.[23]", ["23"]),
    ("The Patriots beat Dallas 24 to 17 on Sunday.", ["24", "17"]),
    ("Police said the SUV is related to the shooting at 19th and Pine.", ["19th"]),
    ("He was found dead in an alley near 48th and Oak streets.", ["48th"]),
    ("The 24-year-old was walking on 81st when a car pulled up.", ["81st"]),
    ("Two men were shot in the 200 block of west 29th street.", ["29th"]),
    ("The shooting happened in the 9th Ward.", ["9th"]),
    ("Knowles died in her family's second-floor apartment.", ["second"]),
    ("The Eagles won 3-1 on Sunday.", ["3", "1"]),
    ("The council voted 7 to 2 to approve the plan.", ["7", "2"]),
    ("Police found a .40 caliber handgun.", [".40"]),
    ("Azerbaijan's Defense Ministry said on Wednesday it had retaliated.", ["Wednesday"]),
    ("Image 7 of 11: a damaged house in Stepanakert.", ["7", "11"]),
    # Labels that are not counts, each a habit of news pages (mutations of real GVA sentences).
    ("Image 32 of 40 A small memorial has been placed on the door.", ["32", "40"]),
    ("Photo 3/12 Mourners gathered outside the church.", ["3", "12"]),
    ("AP 12 of 12 Last VideoNext Video Relative: Fallen officer mourned", ["12", "12"]),
    ("Buy Photo 4 of 9 Next Mourners gathered outside the church.", ["4", "9"]),
    ("Photo: / Image 1 of / 4 Caption Close Frank Gomez, 28, was indicted.", ["1", "4"]),
    ("Call 555-1234 or (919) 834-HELP with tips.", ["555", "1234", "919", "834"]),
    ("Anyone with information should call Crime Stoppers at 1-800-222-TIPS.", ["800", "222"]),
    ("Reach Dave Munday at 937-5553.", ["937", "5553"]),
    ("Call Crime Stoppers at 713-222-TIPS (8477).", ["713", "222", "8477"]),
    ("The crash happened near milepost 12 in Egg Harbor Township.", ["12"]),
    ("She lives in room 12 of the shelter.", ["12"]),
    ("He was pronounced dead at the resort at 7801 East Lake St. at 4:16 a.m.", ["7801"]),
    ("The party was at a home located at 20582 southwest 119 Avenue.", ["20582", "119"]),
    ("Hudec lives at 151 S. Church St., police said.", ["151"]),
    ("He has supported us from day one.", ["one"]),
    ("Case Number: 1509280189", ["1509280189"]),
    ('<tweet tweet-id="783499116076687360"><tweet/>.', ["783499116076687360"]),
    ("Police released incident report #16-123456 on Monday.", ["123456"]),
    ("The team is ranked No. 2 in the nation.", ["2"]),
    ("The team climbed to #4 in the poll.", ["4"]),
    ("A police source tells FOX 2 the people in custody are adults.", ["2"]),
    ("Witnesses told KXYZ 11 News they heard people arguing.", ["11"]),
    ("Police tell WXYZ 18 two men were arguing on the front porch.", ["18"]),
    ("Stay with 8 News for updates.", ["8"]),
    ("Copyright 2016 WXYZ 12 News.", ["12"]),
    ("He opened fire with a Glock 17 9mm semiautomatic pistol.", ["17"]),
    ("The boy had been shot with a .357 magnum revolver.", [".357"]),
    ("Police found a .45 pistol under the seat.", [".45"]),
    ("The Boeing 737 landed safely.", ["737"]),
    ("The 737 Max was grounded after the crashes.", ["737"]),
    ("Boeing grounded its 737 Max fleet after two crashes.", ["737"]),
    ("Southwest flies its 737 Max jet again.", ["737"]),
    ("The company filed for Chapter 11 protection.", ["11"]),
    ("He drove along Route 66 for hours.", ["66"]),
    ("The iPhone 12 was announced on Tuesday.", ["12"]),
    ("Call 1-800-273-8255 for help.", ["1", "800", "273", "8255"]),
    xfail("Prices rose over the three years to 2020.", ["three years"],
          reason="a time frame ('over the three years to 2020') reads as a duration claim"),
]


@pytest.mark.parametrize(("sentence", "words"), NOT_QUANTITIES)
def test_not_quantities(nlp_q, sentence: str, words: list[str]) -> None:
    found = [q.text for q in quantities(nlp_q(sentence))]
    for w in words:
        assert not any(w in t for t in found), (w, found)


# --- offsets, spans, intervals -------------------------------------------------

def test_offsets_are_into_the_doc_text(nlp_q) -> None:
    doc = nlp_q("Officials said. Renewed fighting this week left three people dead and "
                "more than 6,500 were killed in 2020.")
    sent = list(doc.sents)[1]
    found = quantities(sent)
    assert [q.text for q in found] == ["three", "more than 6,500"]
    for q in found:
        assert doc.text[q.start:q.end] == q.text


def test_nothing_in_an_empty_doc(nlp_q) -> None:
    assert quantities(nlp_q("")) == []
    assert quantities(nlp_q("No numbers here at all.")) == []


def test_intervals_hold_the_value() -> None:
    for row in PHRASES:
        q = parse_quantity(row[0])
        assert q is not None
        if q.value is None:
            assert q.qualifier == "vague" and q.high is None
            continue
        if q.low is not None:
            assert q.low <= q.value
        if q.high is not None:
            assert q.value <= q.high


@pytest.mark.parametrize(("sentence", "kinds"), [
    ("The magnitude 7.8 earthquake killed 50,000 people.", [("7.8", "measure"), ("50,000", "count")]),
    ("She graduated with a 3.5 grade point average.", [("3.5", "measure")]),
    ("The city has 1.5 million people and 2 airports.", [("1.5 million", "count"), ("2", "count")]),
])
def test_counts_are_whole(nlp_q, sentence: str, kinds: list[tuple[str, str]]) -> None:
    # WHOLE_COUNT: digits with a decimal fraction and no scale word read a scale, not things counted
    assert [(q.text, q.kind) for q in quantities(nlp_q(sentence))] == kinds


def test_people_have_a_unit(nlp_q) -> None:
    [q] = quantities(nlp_q("Three people were killed."))
    assert (q.unit, q.counts) == ("person", "deaths")


def test_benchmark_says_when_the_data_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFY_DATA", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["quantity_cases.py"])
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "quantity_cases.py"
    with pytest.raises(SystemExit) as stop:
        runpy.run_path(str(path), run_name="__main__")
    assert stop.value.code != 0
    assert "quantity cases not found" in str(stop.value.code)


# --- rows made by mutation of real sentence shapes ------------------------------
# Each base is a sentence shape from the seeds or GVA articles with a slot for the
# number phrase; each mutation puts another phrase in it (a count times ten, a bound
# turned the other way, "more than" <-> "fewer than", a range with its bounds
# reversed), puts a year where the count was, or adds an age before it.

BASES = [
    ("Clashes on Wednesday left {} people dead.", "deaths"),
    ("The blast injured {} people.", "injured"),
    ("Russia deployed {} peacekeepers to oversee a truce.", "peacekeeper"),
    ("Police said {} protesters gathered in the square.", "protester"),
    ("Officers recovered {} bullets at the scene.", "bullet"),
]
# (phrase, value, qualifier, kind)
PHRASE_MUTATIONS = [
    ("three", 3, "exact", "count"),
    ("30", 30, "exact", "count"),
    ("300", 300, "exact", "count"),
    ("more than 30", 30, "more_than", "count"),
    ("fewer than 30", 30, "less_than", "count"),
    ("at least 300", 300, "at_least", "count"),
    ("no more than 300", 300, "at_most", "count"),
    ("about 3,000", 3000, "approx", "count"),
    ("between 20 and 30", 20, "approx", "range"),
    ("between 30 and 20", 20, "approx", "range"),
    ("20 to 30", 20, "approx", "range"),
    ("dozens of", None, "vague", "count"),
    ("hundreds of", None, "vague", "count"),
]


def _mutated() -> list[tuple[str, tuple]]:
    rows = []
    for base, counts in BASES:
        for phrase, value, qualifier, kind in PHRASE_MUTATIONS:
            text = base.format(phrase)
            text = text[0].upper() + text[1:]
            words = phrase.removesuffix(" of")
            rows.append((text, (words, value, qualifier, kind, counts)))
    return rows


@pytest.mark.parametrize(("sentence", "expected"), _mutated())
def test_mutated_counts(nlp_q, sentence: str, expected: tuple) -> None:
    got = _rows(nlp_q, sentence)
    assert len(got) == 1, got
    text, value, qualifier, kind, counts = got[0]
    assert (text, value, qualifier, kind, counts) == (
        expected[0], None if expected[1] is None else pytest.approx(expected[1]), *expected[2:])


@pytest.mark.parametrize(("base", "counts"), BASES)
@pytest.mark.parametrize("year", ["2019", "1994"])
def test_a_year_where_a_count_was_is_no_quantity(nlp_q, base: str, counts: str, year: str) -> None:
    sentence = base.format("the").replace(" on Wednesday", "") .rstrip(".") + f" in {year}."
    assert _rows(nlp_q, sentence) == []


@pytest.mark.parametrize(("base", "counts"), BASES)
def test_an_age_added_is_an_age_not_a_count(nlp_q, base: str, counts: str) -> None:
    sentence = "Jane Roe, 39, said " + base.format("three")[0].lower() + base.format("three")[1:]
    got = _rows(nlp_q, sentence)
    assert got[0] == ("39", 39, "exact", "measure", "age")
    assert got[1:] == [("three", 3, "exact", "count", counts)]



_FRACTIONS = [("half", 0.5), ("a quarter of", 0.25), ("a third of", 1 / 3), ("two-thirds of", 2 / 3),
              ("three quarters of", 0.75)]
_SCALES = [("a thousand", 1e3), ("a million", 1e6), ("a billion", 1e9)]


@pytest.mark.parametrize(("fraction", "part"), _FRACTIONS)
@pytest.mark.parametrize(("scale", "size"), _SCALES)
@pytest.mark.parametrize(("before", "qualifier"), [("", "exact"), ("about ", "approx"), ("nearly ", "less_than")])
def test_a_fraction_of_a_scale_word_is_one_number(nlp_q, fraction: str, part: float, scale: str, size: float,
                                                  before: str, qualifier: str) -> None:
    """FRACTION_OF_SCALE: "two-thirds of a million people" is some 666,667
    people, not a fraction and a count of a million; "about half a million"
    is 500,000 whatever comes before "half"."""
    words = f"{before}{fraction} {scale}"
    doc = nlp_q(f"Officials said {words} people had fled the region.")
    found = [(q.text, q.value, q.qualifier) for q in quantities(doc)]
    assert len(found) == 1, found
    text, value, qual = found[0]
    assert text.lower() == words and value == pytest.approx(part * size) and qual == qualifier, found


def test_a_fraction_of_anything_else_stays_a_fraction(nlp_q) -> None:
    """FRACTION_OF_SCALE reads no further than a scale word: "half of a
    dozen schools", "two-thirds of a vote" stay what they were."""
    doc = nlp_q("Nearly two-thirds of a district voted, and half of the residents fled.")
    assert [(q.text, q.unit) for q in quantities(doc)] == [("Nearly two-thirds", "fraction"), ("half", "fraction")]


@pytest.mark.parametrize("number", ["three hundred", "4 thousand 3 hundred", "two million", "5 hundred"])
@pytest.mark.parametrize("zero", ["0", "zero", "000"])
def test_and_zero_starts_another_number(nlp_q, number: str, zero: str) -> None:
    """ZERO_NOT_ADDED: no one says "three hundred and zero", so the zero is
    another number; "three hundred and five" stays one."""
    found = [q.text for q in quantities(nlp_q(f"They counted {number} and {zero} were left."))]
    assert found[0] == number, found
    assert [q.text for q in quantities(nlp_q(f"They counted {number} and five were left."))][0] == f"{number} and five"


@pytest.mark.parametrize("things", ["homicides", "deaths", "crimes", "rounds"])
@pytest.mark.parametrize("base", ["per 100,000 residents", "per 1,000 people", "per minute"])
def test_a_number_of_things_per_so_many_others_is_a_rate(nlp_q, things: str, base: str) -> None:
    """RATE_PER: "12 homicides per 100,000 residents" is a rate, never a
    count of 12 homicides to set against another article's count; the
    same words without "per" are a count."""
    rate = [q for q in quantities(nlp_q(f"The city recorded 12 {things} {base} last year.")) if q.text == "12"]
    assert rate and rate[0].kind == "measure" and rate[0].unit == base.lower(), [(q.text, q.kind, q.unit) for q in rate]
    count = [q for q in quantities(nlp_q(f"The city recorded 12 {things} last year.")) if q.text == "12"]
    assert count and count[0].kind == "count"


def test_a_tables_figure_after_a_rate_label_is_a_rate(nlp_q) -> None:
    """RATE_PER, in a table: "Crime incidents per 100,000 residents: 3,527"."""
    q = quantities(nlp_q("Hondo Crime incidents per 100,000 residents: 3,527"))
    assert [(x.text, x.kind, x.unit) for x in q] == [("3,527", "measure", "per 100,000 residents")]


@pytest.mark.parametrize("adjective", ["cold", "long", "straight", "consecutive", "more", "full"])
@pytest.mark.parametrize(("unit", "name"), [("months", "month"), ("days", "day"), ("years", "year"), ("hours", "hour")])
def test_a_word_between_a_number_and_its_time_unit_keeps_the_duration(nlp_q, adjective: str, unit: str,
                                                                      name: str) -> None:
    """DURATION_ADJECTIVE: "four cold months", "three straight days" are
    durations of four months and three days; "three long guns" stays a count."""
    found = [(q.value, q.kind, q.unit) for q in quantities(nlp_q(f"He spent four {adjective} {unit} in the camp."))]
    assert found == [(4, "duration", name)], found
    assert [q.kind for q in quantities(nlp_q(f"Police found three {adjective} guns."))] == ["count"]
