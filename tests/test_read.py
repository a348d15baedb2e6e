"""Tests for verify.read: formats, metadata, boilerplate, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verify.errors import InputError, VerifyError
from verify.models import Document
from verify.read import boilerplate, document_from_text, documents, html_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def read_one(path: Path) -> Document:
    docs = list(documents([path]))
    assert len(docs) == 1
    return docs[0]


def skipped(doc: Document) -> list[str]:
    return [doc.text[s:e] for s, e in doc.skip]


# --- the bundled seeds ------------------------------------------------------

SEED_SKIPS = [
    ("000_bc17d025069636f6", ["date 2021-11-17"]),
    ("001_ab877601d58b9158", [
        "U.S., EU Diplomats Urge Leaders Of Armenia, Azerbaijan To Calm Tensions Over Nagorno-Karabakh",
        "U.S. Secretary of State Antony Blinken spoke by phone with both the Armenian prime minister and "
        "Azerbaijan's president on August 5. (file photo)",
        "With reporting by AFP",
    ]),
    ("002_16023563aaf7b2c1", [
        "BRUSSELS",
        "Anadolu Agency website contains only a portion of the news stories offered to subscribers in the AA "
        "News Broadcasting System (HAS), and in summarized form. Please contact us for subscription options.",
    ]),
    ("003_6e6245e77d5995f7", []),
    ("004_f6e65570923bf8cb", [
        "Major powers call for restraint in Karabakh",
        "Major powers call for restraint in Karabakh",
        "A+ A-",
    ]),
]


@pytest.mark.parametrize(("doc_id", "expected"), SEED_SKIPS)
def test_seed_boilerplate(doc_id: str, expected: list[str]) -> None:
    doc = read_one(SEEDS / f"{doc_id}.txt")
    assert skipped(doc) == expected


def test_seeds_keep_the_file_text_exactly() -> None:
    docs = list(documents([SEEDS]))
    assert [d.id for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for doc in docs:
        with open(doc.path, encoding="utf-8", newline="") as handle:
            assert doc.text == handle.read()
        assert len(doc.digest) == 64


def test_seed_metadata() -> None:
    docs = {d.id: d for d in documents([SEEDS])}
    assert docs["000_bc17d025069636f6"].date == "2021-11-17"
    assert docs["000_bc17d025069636f6"].date_source == "given"
    assert docs["000_bc17d025069636f6"].text.startswith(" date 2021-11-17 In a statement")
    assert docs["001_ab877601d58b9158"].date is None
    assert docs["004_f6e65570923bf8cb"].title == "Major powers call for restraint in Karabakh"
    assert docs["003_6e6245e77d5995f7"].title is None


# --- formats and metadata ---------------------------------------------------


def test_txt_keeps_crlf_and_spaces(tmp_path: Path) -> None:
    raw = "  Police said 3 people died.\r\n\r\nThe mayor said it was 'a tragedy'.  \r\n"
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    doc = read_one(tmp_path / "a.txt")
    assert doc.text == raw
    assert doc.id == "a"
    assert doc.skip == []


def test_front_matter(tmp_path: Path) -> None:
    raw = "---\ntitle: \"Clashes on the border\"\ndate: 2021-11-17\noutlet: Example\nurl: http://x/1\n---\nTwo soldiers died.\n"
    (tmp_path / "b.md").write_text(raw, encoding="utf-8")
    doc = read_one(tmp_path / "b.md")
    assert (doc.title, doc.date, doc.outlet, doc.url) == ("Clashes on the border", "2021-11-17", "Example", "http://x/1")
    assert doc.date_source == "given"
    assert skipped(doc) == [raw[: raw.index("---\nTwo") + 3]]


@pytest.mark.parametrize(("raw", "date", "skip"), [
    (" date 2021-11-17 In a statement, the bloc said 5 died.", "2021-11-17", ["date 2021-11-17"]),
    ("Date: November 17, 2021\nThe bloc said 5 died.", "2021-11-17", ["Date: November 17, 2021"]),
    ("Published: Wed, 17 Nov 2021 10:00:00 GMT\nSource: Reuters\nThe bloc said 5 died.", "2021-11-17",
     ["Published: Wed, 17 Nov 2021 10:00:00 GMT", "Source: Reuters"]),
    ("Clashes erupt on the border\nPublished: Monday, 1/25/2016 - Updated: 2 months ago\nThe bloc said 5 died.",
     "2016-01-25", ["Clashes erupt on the border", "Published: Monday, 1/25/2016 - Updated: 2 months ago"]),
    ("Dated reports said 5 died on the border.", None, []),
])
def test_leading_metadata(raw: str, date: str | None, skip: list[str]) -> None:
    doc = document_from_text(raw)
    assert doc.date == date
    assert skipped(doc) == skip


HTML = """<!DOCTYPE html>
<html><head><title>EU calls for calm | Example News</title>
<meta property="og:title" content="EU calls for calm">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-11-17T09:30:00Z">
<link rel="canonical" href="https://example.com/eu-calm">
<script>var s = "<p>not text</p>";</script><style>p {color: red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>EU calls for calm</h1>
<div>Share this | Tweet | Email | Print</div>
<p>BRUSSELS, Nov 17 (Reuters) - The EU said it was &ldquo;deeply concerned&rdquo; about the
fighting, in which at least 15 soldiers died &amp; dozens were hurt.</p>
<figure><img src="x.jpg"><figcaption>Soldiers near the border.</figcaption></figure>
<!-- an ad -->
<p>Michel spoke to both leaders on <time datetime="2021-11-16">Tuesday</time>.</p>
</article><footer>&copy; 2021 Example News. All rights reserved.</footer></body></html>
"""


def test_html_keeps_offsets_into_the_raw_file(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    doc = read_one(tmp_path / "page.html")
    assert len(doc.text) == len(HTML)
    for words in ("at least 15 soldiers died", "Michel spoke to both leaders on", "The EU said it was"):
        i = doc.text.index(words)
        assert HTML[i:i + len(words)] == words
    assert (doc.title, doc.outlet, doc.date, doc.url) == (
        "EU calls for calm", "Example News", "2021-11-17", "https://example.com/eu-calm")
    for gone in ("not text", "color", "Home", "World", "an ad", "All rights reserved", "&amp;", "<p>"):
        assert gone not in doc.text
    assert "“deeply concerned”" in doc.text.replace(" ", "").replace("deeplyconcerned", "deeply concerned")
    assert "died &" in doc.text
    assert skipped(doc) == [
        "EU calls for calm", "Share this | Tweet | Email | Print", "BRUSSELS, Nov 17 (Reuters) - ",
        "Soldiers near the border.",
    ]


def test_html_blocks_become_lines() -> None:
    text, meta, captions = html_text("<p>One.</p><p>Two &amp; three.</p>")
    assert [line.strip() for line in text.splitlines() if line.strip()] == ["One.", "Two &     three."]
    assert meta["title"] is None and captions == []


def test_json_records(tmp_path: Path) -> None:
    records = [
        {"id": "r1", "text": "Three people died.", "title": "T1", "source": {"name": "Reuters"},
         "published": "2021-11-17T10:00:00Z", "uri": "http://x/1"},
        {"content": "Two people died.", "publisher": "AP", "dct": "2014-01-12"},
    ]
    (tmp_path / "list.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"body": "One died."}), encoding="utf-8")
    (tmp_path / "nested.json").write_text(json.dumps({"incident": 7, "articles": [
        {"doc_id": "n1", "article": "Five were hurt."}, {"article": "Six were hurt."}]}), encoding="utf-8")
    docs = {d.id: d for d in documents([tmp_path])}
    assert sorted(docs) == ["list-2", "n1", "nested-2", "one", "r1"]
    assert (docs["r1"].title, docs["r1"].outlet, docs["r1"].date, docs["r1"].url) == (
        "T1", "Reuters", "2021-11-17", "http://x/1")
    assert (docs["list-2"].outlet, docs["list-2"].date, docs["list-2"].text) == ("AP", "2014-01-12", "Two people died.")
    assert docs["r1"].path == str(tmp_path / "list.json")


def test_json_text_as_a_list_of_paragraphs(tmp_path: Path) -> None:
    """An article given as paragraphs, each a string or a list of sentences,
    is read as its paragraphs apart by a blank line."""
    (tmp_path / "a.json").write_text(json.dumps({"date": "2019-03-01", "body-paragraphs": [
        ["The Senate passed the bill.", '"It is a good day," said Sen. Ruth Alvarez.'], ["Critics said it cost $2 billion."]]}),
        encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"paragraphs": ["Three people died.", "Two were hurt."]}), encoding="utf-8")
    docs = {d.id: d for d in documents([tmp_path])}
    assert docs["a"].text == ('The Senate passed the bill. "It is a good day," said Sen. Ruth Alvarez.\n\n'
                              "Critics said it cost $2 billion.")
    assert docs["b"].text == "Three people died.\n\nTwo were hurt."


def test_jsonl_ids_and_title_line(tmp_path: Path) -> None:
    lines = [
        {"doc_id": "a", "title": "Elgin shooting leaves 5 injured", "content": "Elgin shooting leaves 5 injured\n\nFive people were injured."},
        {"text": "No id here."},
    ]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in lines) + "\n\n", encoding="utf-8")
    docs = list(documents([tmp_path / "x.jsonl"]))
    assert [d.id for d in docs] == ["a", "x-2"]
    assert skipped(docs[0]) == ["Elgin shooting leaves 5 injured"]


def test_docx(tmp_path: Path) -> None:
    import docx

    package = docx.Document()
    package.core_properties.title = "Border clashes"
    for text in ("Border clashes", "", "Three soldiers died on Wednesday.", "The EU urged restraint."):
        package.add_paragraph(text)
    package.save(str(tmp_path / "story.docx"))
    doc = read_one(tmp_path / "story.docx")
    assert doc.text == "Border clashes\n\nThree soldiers died on Wednesday.\n\nThe EU urged restraint."
    assert doc.title == "Border clashes"
    assert skipped(doc) == ["Border clashes"]


def test_folders_are_walked_in_order_and_skip_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.txt", "b/1.md", "a.txt", "notes.pdf", ".hidden/h.txt", ".x.txt", "~$lock.docx"):
        (tmp_path / name).write_text("Some text.", encoding="utf-8")
    assert [d.id for d in documents([tmp_path])] == ["a", "1", "2"]


def test_digest_follows_text_and_metadata() -> None:
    a = document_from_text("Three died.")
    assert a.digest == document_from_text("Three died.", id="other").digest
    assert a.digest != document_from_text("Four died.").digest
    assert a.digest != document_from_text("Date: 2021-11-17\nThree died.").digest


def test_document_from_text_defaults() -> None:
    doc = document_from_text("Three died.")
    assert (doc.id, doc.path, doc.text) == ("draft", "<text>", "Three died.")
    with pytest.raises(InputError, match="empty text"):
        document_from_text("  \n")


# --- errors -----------------------------------------------------------------

BAD_FILES = [
    ("bin.txt", b"abc\x00def", "not a text file (it holds NUL bytes)"),
    ("latin.txt", "Caf\u00e9 au lait\n".encode("latin-1"), "not UTF-8 text (byte 0xE9 at line 1, byte offset 3); re-save it as UTF-8"),
    ("utf16.txt", "Hello".encode("utf-16"), "UTF-16 text; re-save it as UTF-8"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n", "empty file"),
    ("page.html", b"", "empty file"),
    ("fake.docx", b"this is not a zip", "not a valid .docx file"),
    ("empty.docx", b"", "empty file"),
    ("broken.json", b'{"text": "a",', "broken JSON at line 1 column 14"),
    ("scalar.json", b"42", "JSON holds no records"),
    ("notext.json", b'{"title": "x"}', "record has no text field; add one of: text, content, body, article"),
    ("emptytext.json", b'{"text": "  "}', "has an empty text field"),
    ("empty.jsonl", b"\n\n", "empty file"),
    ("bin.jsonl", b'\x00\x01{"text": "x"}\n', "not a text file"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_bad_file_raises_one_line(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        list(documents([path]))
    text = str(info.value)
    assert text.startswith(f"{path}: ") and message in text
    assert "\n" not in text


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_bad_file_is_collected_and_reading_goes_on(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "zz_good.txt").write_text("Three died.", encoding="utf-8")
    errors: list[VerifyError] = []
    docs = list(documents([tmp_path], errors))
    assert [d.id for d in docs] == ["zz_good"]
    assert len(errors) == 1 and message in str(errors[0])


def test_missing_path_and_unknown_type(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(InputError, match="no such file or folder; check the path"):
        list(documents([missing]))
    with pytest.raises(InputError, match="^'': no such file or folder"):
        list(documents([""]))
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    errors: list[VerifyError] = []
    assert list(documents([missing, pdf], errors)) == []
    assert [str(e) for e in errors] == [
        f"{missing}: no such file or folder; check the path",
        f"{pdf}: cannot read '.pdf' files; use .txt, .md, .html, .htm, .json, .jsonl, .docx",
    ]


def test_broken_jsonl_line_loses_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "recs.jsonl"
    path.write_bytes(b'{"text": "One."}\n{"text": \n{"text": "Caf\xe9"}\n{"title": "x"}\n[1]\n{"text": "Two."}\n')
    errors: list[VerifyError] = []
    assert [d.text for d in documents([path], errors)] == ["One.", "Two."]
    assert [str(e) for e in errors] == [
        f"{path}:2: broken JSON line (Expecting value at column 9); fix or remove that line",
        f"{path}:3: not UTF-8 text (byte 0xE9 at byte offset 40); re-save it as UTF-8",
        f"{path}:4: record has no text field; add one of: text, content, body, article",
        f"{path}:5: a record must be a JSON object; give objects with a text field",
    ]
    # Without a list the first broken line raises, after the records before it.
    seen = []
    with pytest.raises(InputError, match=":2: broken JSON line"):
        for doc in documents([path]):
            seen.append(doc.text)
    assert seen == ["One."]


# --- boilerplate rules ------------------------------------------------------

BOILERPLATE = [
    # (text, the spans expected to be skipped)
    ("Body one.\nA+ A-\nBody two.", ["A+ A-"]),
    ("Body one.\nShare this | Tweet | Email | Print\nBody two.", ["Share this | Tweet | Email | Print"]),
    ("Body one.\nSign up for our newsletter\nBody two.", ["Sign up for our newsletter"]),
    ("Body one.\nCopyright 2016 WMC Action News 5. All rights reserved.", ["Copyright 2016 WMC Action News 5. All rights reserved."]),
    ("Body one.\nPolice arrested a man late on Sunday after a long chase through the city, officers said. via Facebook © 2016 Cox Media Group.",
     ["© 2016 Cox Media Group."]),
    ("Body one.\nThe mayor spoke on Monday. (AP Photo/Jane Doe)\nBody two.", ["The mayor spoke on Monday. (AP Photo/Jane Doe)"]),
    ("Body one.\nPhoto: Getty Images\nBody two.", ["Photo: Getty Images"]),
    ("Body one.\nPolice Chief Eddie Johnson talks to reporters in this file photo\nBody two.",
     ["Police Chief Eddie Johnson talks to reporters in this file photo"]),
    ("WASHINGTON (AP) — The Senate voted 52-48 on Tuesday.", ["WASHINGTON (AP) — "]),
    ("BRUSSELS, Nov 17 (Reuters) - The EU said 3 died.", ["BRUSSELS, Nov 17 (Reuters) - "]),
    ("KANSAS CITY, Mo. — One person is dead and three are hurt.", ["KANSAS CITY, Mo. — "]),
    ("BRUSSELS\nNATO on Thursday urged both sides to talk.", ["BRUSSELS"]),
    ("Body one.\nReporting by Jane Doe; Editing by John Roe\n", ["Reporting by Jane Doe; Editing by John Roe"]),
    ("Body one.\nThe Associated Press contributed to this report.", ["The Associated Press contributed to this report."]),
    ("Body one.\nBy JOHN SMITH Associated Press\nBody two.", ["By JOHN SMITH Associated Press"]),
    ("Body one.\nUpdated: Tuesday, November 08, 2016 @ 11:29 AM\nBody two.", ["Updated: Tuesday, November 08, 2016 @ 11:29 AM"]),
    ("Body one.\nchicagobreaking@tribune.com | Twitter: @ChicagoBreaking", ["chicagobreaking@tribune.com | Twitter: @ChicagoBreaking"]),
    ("Body one.\nUPDATE: Police have arrested a suspect.", ["UPDATE: "]),
    ("Body one.\nRELATED: Man charged in nightclub shooting\nBody two.", ["RELATED: Man charged in nightclub shooting"]),
    ("Man shot on North Street\n\nA man was shot Tuesday.\n\nMan shot on North Street", ["Man shot on North Street", "Man shot on North Street"]),
    ("Body one.\n* * *\nBody two.", ["* * *"]),
    # Article text that must stay.
    ("More than 6,500 people died in the war.\nThe suspect had a bank account in Ohio.", []),
    ("He was shot. (WARNING: Video contains graphic images.)\nBody two.", []),
    ("Readers who subscribe said prices rose 5%.\nThe NATO chief spoke.", []),
    ("Three people died.", []),  # one line: no headline without a body
    ("Police said:\nThe suspect fled.", []),
    ("Anyone with information is asked to call police.\nNo arrests have been made.", []),
]


@pytest.mark.parametrize(("text", "expected"), BOILERPLATE)
def test_boilerplate(text: str, expected: list[str]) -> None:
    spans, _ = boilerplate(text)
    assert [text[s:e] for s, e in spans] == expected


def test_title_line_matches_the_given_title() -> None:
    text = "Clashes on the border | Example News\nThree soldiers died.\nClashes on the border"
    spans, headline = boilerplate(text, "Clashes on the border | Example News")
    assert [text[s:e] for s, e in spans] == ["Clashes on the border | Example News", "Clashes on the border"]
    assert headline is None


def test_headline_becomes_the_title() -> None:
    doc = document_from_text("Elgin shooting leaves 5 injured\n\nFive people were injured.")
    assert doc.title == "Elgin shooting leaves 5 injured"
    assert skipped(doc) == ["Elgin shooting leaves 5 injured"]


def test_markdown_is_read_as_the_words_a_reader_sees(tmp_path: Path) -> None:
    """Markup blanked in place (offsets into the file kept): a linked phrase,
    emphasis, list markers and numbering, headings and quotes; front matter
    still read."""
    raw = ("---\ntitle: Karabakh\ndate: 2022-11-15\n---\n# What we know\n\n"
           "- Russia deployed [some 2,000 peacekeepers](https://example.com/a) to the region.\n"
           "1. The war lasted **six weeks**, _officials_ said.\n\n"
           "> \"We urge restraint,\" the EU said.\n")
    (tmp_path / "d.md").write_text(raw, encoding="utf-8")
    doc = next(documents([tmp_path / "d.md"]))
    assert len(doc.text) == len(raw) and doc.title == "Karabakh" and doc.date == "2022-11-15"
    text = " ".join(doc.text.split())
    assert "Russia deployed some 2,000 peacekeepers to the region." in text
    assert "The war lasted six weeks , officials said." in text  # the closing ** blanked before the comma
    assert "https" not in text and "#" not in text and "**" not in text and "1." not in text
    assert doc.text.index("some 2,000") == raw.index("some 2,000")


@pytest.mark.parametrize(("record", "title", "date", "outlet"), [
    # news-please
    ({"title": "Strike on market", "maintext": "At least 15 people were killed, officials said.",
      "date_publish": "2023-10-14 09:00:00", "source_domain": "gazette.example"}, "Strike on market", "2023-10-14",
     "gazette.example"),
    # schema.org NewsArticle
    ({"headline": "Strike on market", "articleBody": "At least 15 people were killed, officials said.",
      "datePublished": "2023-10-14T09:00:00Z", "publisher": {"name": "Gazette"}}, "Strike on market", "2023-10-14",
     "Gazette"),
    # an RSS item with its article's text
    ({"title": "Strike on market", "article_text": "At least 15 people were killed, officials said.",
      "pubDate": "Sat, 14 Oct 2023 09:00:00 GMT"}, "Strike on market", "2023-10-14", None),
])
def test_json_records_as_crawlers_write_them(tmp_path: Path, record: dict, title: str, date: str,
                                             outlet: str | None) -> None:
    (tmp_path / "r.json").write_text(json.dumps([record]), encoding="utf-8")
    doc = next(documents([tmp_path / "r.json"]))
    assert (doc.title, doc.date, doc.outlet) == (title, date, outlet)
    assert "15 people were killed" in doc.text
