"""Tests for verify.read.furniture: page furniture found by its shape, and lines that recur across stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verify.read import boilerplate, documents
from verify.read.furniture import LINE_RULES, furniture, line_rule, recurring_lines, sentence_shaped

# --- one line at a time: (line, the rule that finds it, or None for article text) ---

LINES = [
    # footers
    ("© 2024 Example News Ltd", "notice"),
    ("All rights reserved.", "notice"),
    ("Terms of use | Privacy policy", "notice"),
    ("This site uses cookies.", "notice"),
    ("We use cookies to improve your experience.", "notice"),
    # share counters and widgets
    ("Share 12", "widget"),
    ("1.2K shares", "widget"),
    ("Tweet", "widget"),
    ("Email", "widget"),
    ("A+ A-", "widget"),
    ("Facebook 12 | Twitter 3 | 4 Comments", "widget"),
    ("Next article", "widget"),
    ("Previous Story", "widget"),
    ("Subscribe | Sign in", "widget"),
    ("View Results", "widget"),
    # bylines and credits
    ("By Jane Doe", "byline"),
    ("By Jane Doe, Reuters", "byline"),
    ("By The Associated Press", "byline"),
    ("By JOHN SMITH and MARY ROE, Associated Press Writers", "byline"),
    ("By our correspondent — updated 15 Nov 2022", "byline"),
    ("By a staff reporter", "byline"),
    ("Slide 2 of 9", "caption"),
    ("Jane Doe | Staff writer", "author"),
    ("Jane Doe, Associated Press", "author"),
    ("Reporting by Jane Doe; Editing by John Roe", "credit"),
    ("Contributing: Jane Doe, John Roe", "credit"),
    ("The Daily Star's Jane Doe and John Roe contributed.", "credit"),
    ("Journal Sentinel staff and wires", "credit"),
    ("-Staff writers Jenny Kalish and Aftab Borka", "credit"),
    # contacts
    ("Contact George Kelly at 408-859-5180.", "contact"),
    ("Contact Stephen Hobbs: 636-0275", "contact"),
    ("#prayforjett", "contact"),
    ("Jim Schoettler: (904) 359-4385", "contact"),
    ("Twitter.com/BrandonKScott", "contact"),
    # photo credits
    ("Photo: AFP", "caption"),
    ("(Getty Images)", "caption"),
    ("Image copyright AFP", "caption"),
    ("REUTERS/Jane Doe", "caption"),
    ("Jane Doe/KXYZ", "caption"),
    # timestamps and "Last Update" lines
    ("Updated 14:32 GMT, 3 March 2024", "timestamp"),
    ("2 hours ago", "timestamp"),
    ("Last Update: 3 March 2024", "timestamp"),
    ("UPDATE @ 4:02 p.m.:", "timestamp"),
    ("Last Update", "stamp"),
    ("Published:", "stamp"),
    ("September", "stamp"),
    ("Posted by Jane Doe on March 3, 2024 at 2:32 PM", "stamp"),
    # navigation
    ("Home > World > Middle East", "breadcrumb"),
    ("News | Sport | Weather | Travel", "breadcrumb"),
    ("Read more", "widget"),
    ("Related:", "widget"),
    (">>PHOTOS: County fair draws record crowd", "link"),
    ("More on Crimesider", "notice"),
    ("Follow FOX 8:", "notice"),
    ("Two Sets of Shots Ring Out", "title-case"),
    ("1:36 The team's championship moment", "video"),
    ("Read earlier coverage of the homicide here.", "notice"),
    ("Report a typo", "notice"),
    ("Complete Coverage", "widget"),
    ("[advertisement]", "widget"),
    ("Advertisement Continue reading", "widget"),
    ("- Page 1 - Page 2", "widget"),
    ("Victims [ edit ]", "notice"),
    ("click to enlarge Google Maps", "notice"),
    ("Watch Peter D’Oench’s report on the shooting", "notice"),
    ("Also on HuffPost:", "notice"),
    ("Staff reports", "credit"),
    ("Original story begins here:", "notice"),
    ("3 Men Charged After Joyride on Giant Purple Chicken Statue", "title-case"),
    # subscription notices and the outlet's calls to its readers
    ("Sign up for our newsletter", "notice"),
    ("Want to become a full access subscriber?", "notice"),
    ("Stay with Channel 4 and channel4.example for updates.", "notice"),
    ("You can count on 7News to keep you updated.", "notice"),
    ("Download the News 3 app for on-the-go updates.", "notice"),
    ("Mobile users: Tap for video", "notice"),
    ("We hope you've enjoyed your preview of NWADG.com.", "notice"),
    ("Article comment by: Jane Doe", "notice"),
    ("This post will be updated as further information comes in.", "notice"),
    ("More details will be posted as they become available.", "notice"),
    ("Stick with Channel 4 on this developing story.", "notice"),
    # article text: never furniture
    ("By Tuesday, 40 people had died.", None),
    ("By a vote of 7 to 2, the council approved the budget.", None),
    ("By our estimates, the cost rose.", None),
    ("By then, the gunman had fled.", None),
    ("By Sunday afternoon, that piece of the investigation remained unsolved, he said.", None),
    ("By Jane Doe's account, 40 died.", None),
    ("The blast hit at 14:32 on Monday.", None),
    ("At 14:32 on Monday, the blast hit the market.", None),
    ("Police said 12 people died.", None),
    ("10:45 a.m. Police closed the road", None),
    ("1:30 Police said the suspect had fled.", None),
    ("Contact police at 555-0100 with any information.", None),
    ("Police will provide updates as they become available.", None),
    ("Read the statement the family gave to police on Monday.", None),
    ("Watching the video, the officers saw the man fire twice.", None),
    ("Page 2 of the report lists 12 deaths.", None),
    ("Staff reported 3 injuries to the police.", None),
    ("The house was updated last year, records show.", None),
    ("No arrests have been made.", None),
    ("Police will release more information as it becomes available.", None),
    ("He filmed it on a mobile phone.", None),
    ("Officers stayed with the victim until medics arrived.", None),
    ("Share prices fell 12% on Monday.", None),
    ("Home owners said the shots woke them.", None),
    ("The mayor, a former reporter, said 3 died.", None),
    ("Jane Doe, 25, of Elm Street", None),
    ("Location: 2500 Crews Street", None),
    ("Sex: M Race: B Age: 27 Condition: Deceased", None),
    ("Lake Placid mayor: Young child accidentally shot mother", None),
    ("“He was a great kid. It’s heartbreaking,” Warfield said.", None),
    ("The Associated Press reported that 3 died.", None),
    ("Crime incidents per 100,000 residents: 5,957", None),
]


@pytest.mark.parametrize(("line", "rule"), LINES)
def test_line_rule(line: str, rule: str | None) -> None:
    assert line_rule(line) == rule


@pytest.mark.parametrize(("line", "rule"), [(line, rule) for line, rule in LINES if rule])
def test_furniture_line_is_skipped_between_paragraphs(line: str, rule: str) -> None:
    text = f"Police said two people died.\n{line}\nThe mayor spoke on Monday."
    spans, _ = boilerplate(text)
    assert [text[s:e] for s, e in spans] == [line]


def test_every_rule_is_tested() -> None:
    assert {name for name, _ in LINE_RULES} - {"blank", "contact", "dateline", "capitals"} <= {r for _, r in LINES}


# Generated: the same sentences with and without a byline, a credit or a stamp line before them.
SENTENCES = [
    "Three soldiers died in the clashes on Wednesday, the ministry said.",
    "By Tuesday, 40 people had died.",
    "The blast hit at 14:32 on Monday, killing 12.",
    "Jane Doe said 5 people were hurt.",
]
PREFIXES = ["By Jane Doe", "By Jane Doe, Reuters", "Jane Doe | Staff writer", "Updated 14:32 GMT, 3 March 2024",
            "Photo: AFP", "Share 12", "Home > World > Middle East"]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("prefix", ["", *PREFIXES])
def test_a_sentence_stays_whatever_stands_before_it(prefix: str, sentence: str) -> None:
    text = f"{prefix}\n{sentence}\nOfficials gave no other details." if prefix else f"{sentence}\nOfficials gave no other details."
    spans, _ = boilerplate(text)
    assert [text[s:e] for s, e in spans] == ([prefix] if prefix else [])


def test_menu_run() -> None:
    text = "Home\nWorld\nU.S.\nSports\nThree people died.\nPolice said so."
    pieces, _ = furniture(text)
    assert [text[p.start:p.end] for p in pieces] == ["Home", "World", "U.S.", "Sports"]
    assert [p.rule for p in pieces if p.rule == "menu"] == ["menu", "menu"]  # "Home" is a widget, "U.S." a dateline


def test_a_short_list_is_not_a_menu() -> None:
    text = "The victims were:\nJohn Smith\nJane Doe\nPolice said so."
    assert furniture(text)[0] == []


# --- lines that recur across documents ---------------------------------------


def _page(story: int, *extra: str) -> str:
    return "\n".join([f"Story {story}: police said {story} people were hurt in a shooting on Elm Street.",
                      *extra, f"The mayor said the city would hold a vigil for the {story} victims.", "Breaking News Staff",
                      "No arrests have been made.", "Copyright 2016 KXYZ"])


def test_recurring_lines_need_several_stories() -> None:
    pages = [_page(n) for n in range(3)]
    assert recurring_lines(pages) == {"Breaking News Staff", "Copyright 2016 KXYZ"}  # not the sentence
    assert recurring_lines(pages[:2]) == set()


def test_copies_of_one_story_are_one_story() -> None:
    story = "A man was shot on Elm Street on Monday night, police said, and he died later in hospital."
    pages = [f"{story}\nWitness goes live on social media\nOfficials gave no details." for _ in range(4)]
    assert recurring_lines(pages) == set()
    pages.append("A woman was hurt in a crash.\nWitness goes live on social media\nNo one else was hurt.")
    assert recurring_lines(pages) == set()  # one story and one other: two stories


@pytest.mark.parametrize(("line", "shaped"), [
    ("No arrests have been made.", True), ("Police are still investigating.", True),
    ("Breaking News Staff", False), ("Thank You For Reading!", False), ("Two died", False),
])
def test_sentence_shaped(line: str, shaped: bool) -> None:
    assert sentence_shaped(line) is shaped


def test_recurring_lines_are_skipped_in_a_jsonl_file(tmp_path: Path) -> None:
    records = [{"id": f"d{n}", "text": _page(n, "Horse'n around with the FWPD mounted patrol")} for n in range(3)]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    docs = list(documents([path]))
    for doc, record in zip(docs, records):
        assert doc.text == record["text"]  # offsets stay exact
        gone = [doc.text[s:e] for s, e in doc.skip]
        assert "Horse'n around with the FWPD mounted patrol" in gone and "Breaking News Staff" in gone
        assert "No arrests have been made." not in gone
    alone = list(documents([tmp_path / "pages.jsonl"]))[0]
    assert alone.digest == docs[0].digest


def test_recurring_lines_in_a_folder_of_txt_and_html(tmp_path: Path) -> None:
    for n in range(2):
        (tmp_path / f"{n}.txt").write_text(_page(n, "Horse'n around with the FWPD mounted patrol"), encoding="utf-8")
    html = "<html><body><p>" + _page(7, "Horse'n around with the FWPD mounted patrol").replace("\n", "</p><p>") + "</p></body></html>"
    (tmp_path / "2.html").write_text(html, encoding="utf-8")
    docs = list(documents([tmp_path]))
    assert len(docs) == 3
    for doc in docs:
        assert "Horse'n around with the FWPD mounted patrol" in [doc.text[s:e].strip() for s, e in doc.skip]
    one = list(documents([tmp_path / "0.txt"]))[0]
    assert "Horse'n around with the FWPD mounted patrol" not in [one.text[s:e] for s, e in one.skip]


def test_a_shared_background_sentence_does_not_make_one_story() -> None:
    background = "The war has killed more than 6,500 people since it began in September, officials say."
    pages = [f"Story {n}: {n} soldiers died on the border on Monday, the ministry said in a statement.\n"
             f"{background}\nBreaking News Staff" for n in range(3)]
    assert recurring_lines(pages) == {"Breaking News Staff"}


def test_stories_are_not_chained_through_copies() -> None:
    said = [f"Officials said on day {n} that {n} more people had been hurt in the clashes near the border."
            for n in range(7)]
    # Each page shares two sentences with the next: a chain of copies, but pages two apart are two stories.
    pages = ["\n".join([*said[n:n + 3], "Breaking News Staff"]) for n in range(5)]
    assert recurring_lines(pages) == {"Breaking News Staff"}
    assert recurring_lines(pages[:4]) == set()


# --- the page as a whole: HTML and claims --------------------------------------

PAGE = """<html><head><title>Blast kills 12 in market</title></head><body>
<div class="byline">By Jane Doe, Reuters</div>
<div class="stamp">Last Update: 3 March 2024 14:32 GMT</div>
<div class="share">Share 12 | Tweet | Email</div>
<div class="crumbs">Home &gt; World &gt; Middle East</div>
<p>The blast hit the market at 14:32 on Monday, killing 12 people, the health ministry said.</p>
<div class="credit">Photo: AFP</div>
<p>By Tuesday, 40 people had died, officials said.</p>
<div>1.2K shares</div>
<div>&copy; 2024 Example News. All rights reserved.</div>
</body></html>
"""


def test_html_page_furniture_is_skipped_and_sentences_stay(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    doc = list(documents([tmp_path / "page.html"]))[0]
    assert len(doc.text) == len(PAGE)
    gone = [doc.text[s:e].strip() for s, e in doc.skip]
    for line in ("By Jane Doe, Reuters", "Last Update: 3 March 2024 14:32 GMT", "Share 12 | Tweet | Email",
                 "Photo: AFP", "1.2K shares"):
        assert line in gone
    assert any("All rights reserved" in g for g in gone) and any("Middle East" in g for g in gone)
    for sentence in ("The blast hit the market at 14:32 on Monday", "By Tuesday, 40 people had died"):
        i = doc.text.index(sentence)
        assert PAGE[i:i + len(sentence)] == sentence
        assert not any(s <= i < e for s, e in doc.skip)


def test_page_words_are_not_speakers_nor_numbers(nlp) -> None:
    from verify.extract.claims import claims
    from verify.nlp import parse
    from verify.read import document_from_text

    text = ("Officials count the dead\nLast Update\nBy Jane Doe | Staff writer\nShare 12\n1.2K shares\n"
            "Updated 14:32 GMT, 3 March 2024\n"
            "The blast hit at 14:32 on Monday, killing 12 people, the ministry said.\nPhoto: AFP\n"
            "By Tuesday, 40 people had died.")
    doc = document_from_text(text)
    found = claims(doc, parse(doc.text, doc.skip))
    speakers = {c.speaker for c in found} | {c.speaker_mention for c in found}
    assert not speakers & {"Last Update", "Jane Doe", "AFP", "Photo"}
    values = sorted({q.value for c in found for q in c.quantities if q.kind == "count"})
    assert 12 in values and 40 in values and 1200 not in values and 1.2 not in values
    sentences = [c.text for c in found if c.parent is None]
    assert any(s.startswith("The blast hit at 14:32 on Monday") for s in sentences)
    assert any(s.startswith("By Tuesday, 40 people had died") for s in sentences)
    assert not any("Share" in s or "shares" in s or "GMT" in s for s in sentences)


def test_documents_stream_in_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading finds recurring lines a window at a time: the first documents
    are given before the rest of the corpus is read, so memory stays bounded."""
    import verify.read.formats as formats

    monkeypatch.setattr(formats, "RECUR_WINDOW", 3)
    for i in range(7):
        (tmp_path / f"{i}.txt").write_text(f"Story {i}: the council voted {i} times on the plan.\n", encoding="utf-8")
    asked: list[Path] = []

    def paths():  # type: ignore[no-untyped-def]
        for p in sorted(tmp_path.glob("*.txt")):
            asked.append(p)
            yield p

    stream = documents(paths())
    first = next(stream)
    assert first.id == "0" and len(asked) == 3
    assert [d.id for d in stream] == ["1", "2", "3", "4", "5", "6"]


@pytest.mark.parametrize("sentence", [
    "Stick with the plan, the mayor told the council on Monday, and 40 jobs will be saved.",
    "Stay with your family to keep safe, police said on Sunday night after the storm.",
    "Watch the video, which shows 12 officers, the lawyer said on Tuesday.",
])
def test_a_long_sentence_that_opens_like_a_notice_stays(sentence: str) -> None:
    """An imperative notice is short; news that opens the same way is kept."""
    text = f"The council met on Monday.\n\n{sentence}\n\nThe vote was 5 to 2.\n"
    assert furniture(text)[0] == []


def test_a_long_row_of_numbers_is_read_at_once() -> None:
    """Numbers separated by commas cannot make the widget pattern backtrack
    without end (each number once doubled the time)."""
    line = ", ".join(str(i) for i in range(40)) + " zz"
    assert line_rule(line, len(line.split())) is None
