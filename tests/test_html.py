"""The HTML report: its structure (html.parser), its escaping, and what Chromium shows."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from verify.html import marked, report_html
from verify.models import Claim, DocumentRef, Flag, Group, Quantity, Report
from verify.report import report_output

SCRIPT = "<script>document.title='pwned'</script>"
IMG = "\"><img src=x onerror=\"document.title='pwned'\">"


def _claim(cid: str, doc: str, text: str, start: int = 0, **kw: object) -> Claim:
    return Claim(id=cid, doc=doc, start=start, end=start + len(text), text=text, **kw)  # type: ignore[arg-type]


def _quantity(text: str, claim_text: str, claim_start: int, **kw: object) -> Quantity:
    start = claim_start + claim_text.index(text)
    return Quantity(start=start, end=start + len(text), text=text, **kw)  # type: ignore[arg-type]


SENTENCE = "Aliyev said the 2020 war, in which more than 6,500 people died, ended with a truce."
CLAUSE = "in which more than 6,500 people died"
KILLED = "The 2020 war killed 5,000 people, the ministry said."
QUOTE_A = "“NATO calls for an immediate end of hostilities,” Colomina said, urging both sides to “return to the negotiating table.”"
QUOTE_B = "Colomina wrote that “NATO calls for an immediate end of hostilities” and asked both sides to “return to the negotiating table”."
FRAGMENTS = ["NATO calls for an immediate end of hostilities", "return to the negotiating table"]
INJECTED = f"He said “{SCRIPT}” twice."
THREE = f"Three people died {IMG} on Wednesday."


def sample_report() -> Report:
    """Three documents: a discrepancy on deaths, an agreement on a quote, a flag, two single-sourced facts."""
    clause_start = 40 + SENTENCE.index(CLAUSE)
    claims = [
        _claim("d1:1", "d1", SENTENCE, 40, speaker="Ilham Aliyev", speaker_mention="Aliyev", kind="indirect", cue="said"),
        _claim(
            "d1:2", "d1", CLAUSE, clause_start, speaker="Ilham Aliyev", parent="d1:1", time="2020",
            quantities=[_quantity("more than 6,500", CLAUSE, clause_start, value=6500, qualifier="more_than", counts="deaths")],
        ),
        _claim("d2:1", "d2", KILLED, 10, quantities=[_quantity("5,000", KILLED, 10, value=5000, counts="deaths")]),
        _claim("d1:3", "d1", QUOTE_A, 200, speaker="Javier Colomina", kind="mixed", quote=FRAGMENTS[0] + ", … " + FRAGMENTS[1] + "."),
        _claim("d2:2", "d2", QUOTE_B, 300, speaker="Javier Colomina", kind="mixed", quote=" … ".join(FRAGMENTS)),
        _claim("d1:4", "d1", "Blinken urged “restraint now”.", 400, speaker="Antony Blinken", quote="restraint now"),
        _claim("d3:1", "d3", "Price urged “restraint now”.", 0, speaker="Ned Price", quote="restraint now"),
        _claim("d3:2", "d3", INJECTED, 50, speaker=IMG, quote=SCRIPT, kind="direct"),
        _claim("d3:3", "d3", THREE, 150, quantities=[_quantity("Three", THREE, 150, value=3, counts="deaths")]),
        _claim("d3:4", "d3", "The talks were held in Brussels.", 250),
    ]
    return Report(
        documents=[
            DocumentRef(id="d1", path="d1.txt", outlet="Daily <b>News</b>", date="2021-11-17"),
            DocumentRef(id="d2", path="d2.txt", title="War & peace: a look back", date="2021-11-18",
                        url="https://news.example/war?part=1&lang=en"),
            DocumentRef(id="d3", path="d3.txt", title=SCRIPT, url="javascript:document.title='pwned'"),
        ],
        claims=claims,
        groups=[
            Group(id="g1", verdict="agree", claims=["d1:3", "d2:2"], reason="Javier Colomina quoted alike", origins=1),
            Group(
                id="g2", verdict="discrepancy", claims=["d1:2", "d2:1"], conflicts=[("d1:2", "d2:1")],
                reason="more than 6,500 vs 5,000 deaths (2020)", origins=2,
            ),
        ],
        flags=[Flag(claims=["d1:4", "d3:1"], reason="the same words are given to Antony Blinken and to Ned Price: “restraint now”")],
    )


# -- a small DOM from html.parser ------------------------------------------------

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "source", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag, self.attrs = tag, attrs
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        if self.tag in ("style", "script"):
            return ""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def words(self) -> str:
        return " ".join(self.text().split())

    def all(self, tag: str | None = None, cls: str | None = None, id: str | None = None) -> list[Node]:
        found = []
        for c in self.children:
            if isinstance(c, Node):
                if (tag is None or c.tag == tag) and (cls is None or cls in c.classes) and (id is None or c.attrs.get("id") == id):
                    found.append(c)
                found.extend(c.all(tag, cls, id))
        return found

    def one(self, tag: str | None = None, cls: str | None = None, id: str | None = None) -> Node:
        found = self.all(tag, cls, id)
        assert len(found) == 1, (tag, cls, id, len(found))
        return found[0]


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, tag
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == [tree.root], "unclosed elements: " + ", ".join(n.tag for n in tree.stack[1:])
    return tree.root


@pytest.fixture(scope="module")
def page() -> str:
    return report_html(sample_report())


@pytest.fixture(scope="module")
def dom(page: str) -> Node:
    return parse(page)


# -- structure -------------------------------------------------------------------


def test_sections_in_order_discrepancies_first(dom: Node) -> None:
    sections = [s.attrs["id"] for s in dom.all("section")]
    assert sections == ["discrepancies", "agreements", "flags", "single"]
    assert dom.one(id="discrepancies").one("article").attrs["id"] == "g2"
    assert dom.one(id="agreements").one("article").attrs["id"] == "g1"
    assert "discrepancy" in dom.one(id="g2").classes


def test_header_counts_and_documents(dom: Node) -> None:
    counts = dom.one("ul", "counts").words()
    for expected in ("3 documents", "10 claims", "1 agreement", "1 discrepancy", "4 single-sourced facts", "1 flag"):
        assert expected in counts
    rows = [[td.words() for td in tr.all("td")] for tr in dom.one(id="documents").all("tr")[1:]]
    assert rows == [
        ["d1", "Daily <b>News</b>", "—", "2021-11-17", "d1.txt"],
        ["d2", "—", "War & peace: a look back", "2021-11-18", "https://news.example/war?part=1&lang=en"],
        ["d3", "—", SCRIPT, "—", "javascript:document.title='pwned'"],
    ]
    links = [a.attrs["href"] for a in dom.one(id="documents").all("a")]
    # a file opens as a file: URI, a web page at its url; any other scheme is text, never a link
    assert links == [(Path.cwd() / "d1.txt").as_uri(), "https://news.example/war?part=1&lang=en"]


def test_every_column_names_and_links_its_source(dom: Node) -> None:
    cols = dom.one(id="g2").all("div", "col")
    assert [c.one("p", "src").words() for c in cols] == ["d1.txt", "https://news.example/war?part=1&lang=en"]
    assert cols[0].one("h4").one("small").words() == "d1 · 2021-11-17"
    assert cols[1].one("h4").one("small").words() == "d2 · 2021-11-18"


def test_conflicts_listed_worst_first() -> None:
    report = sample_report()
    a = "Officials said 4,000 people died."
    b = "The war killed 9,000 people."
    report.claims += [
        _claim("d2:9", "d2", a, 500, quantities=[_quantity("4,000", a, 500, value=4000, counts="deaths")]),
        _claim("d3:9", "d3", b, 600, quantities=[_quantity("9,000", b, 600, value=9000, counts="deaths")]),
    ]
    g2 = report.groups[1]
    g2.claims += ["d2:9", "d3:9"]
    g2.conflicts = [("d1:2", "d2:1"), ("d2:9", "d3:9")]  # 6,500 vs 5,000 (23%), then 4,000 vs 9,000 (56%)
    items = [li.words() for li in parse(report_html(report)).one(id="g2").one("ol", "conflicts").all("li")]
    assert items == [
        f"4,000 deaths (War & peace: a look back) vs 9,000 deaths ({SCRIPT})",
        ">6,500 deaths (Daily <b>News</b>) vs 5,000 deaths (War & peace: a look back)",
    ]


def test_discrepancy_side_by_side(dom: Node) -> None:
    group = dom.one(id="g2")
    assert group.one("p", "reason").words() == "more than 6,500 vs 5,000 deaths (2020)"
    assert group.one("p", "origins").words() == "2 independent origins in 2 documents"
    cols = group.one("div", "evidence").all("div", "col")
    assert [c.one("h4").children[0] for c in cols] == ["Daily <b>News</b>", "War & peace: a look back"]
    left, right = cols
    assert left.one("p", "who").words() == "Ilham Aliyev"
    assert right.one("p", "who").words() == "outlet's own voice"
    # the number marked in the clause, and again in its sentence, shown muted for context
    assert [m.text() for m in left.one("p", "text").all("mark")] == ["more than 6,500"]
    assert left.one("p", "text").one("mark").classes == {"num"}
    assert left.one("p", "context").words() == SENTENCE
    assert [m.text() for m in left.one("p", "context").all("mark", "num")] == ["more than 6,500"]
    assert [m.text() for m in right.all("mark", "num")] == ["5,000"]
    assert right.all("p", "context") == []
    # the conflicting pair is marked on both sides, naming the other document
    assert "conflict" in left.one(id="d1:2").classes and "conflict" in right.one(id="d2:1").classes
    assert left.one("p", "clash").words() == "✗ conflicts with War & peace: a look back"
    assert right.one("p", "clash").words() == "✗ conflicts with Daily <b>News</b>"


def test_agreement_quotes_marked_and_single_origin(dom: Node) -> None:
    group = dom.one(id="g1")
    assert group.one("p", "origins").words().startswith("single origin")
    cols = group.all("div", "col")
    assert len(cols) == 2
    marks_a = [FRAGMENTS[0] + ",", FRAGMENTS[1] + "."]  # as stored: the quote's own punctuation
    for col, text, marks in zip(cols, (QUOTE_A, QUOTE_B), (marks_a, FRAGMENTS)):
        assert col.one("p", "text").words() == text
        assert [m.text() for m in col.all("mark", "quote")] == marks
        assert col.all("mark", "num") == []
    assert "conflict" not in cols[0].one("div", "claim").classes


def test_flags_and_single_sourced(dom: Node) -> None:
    flags = dom.one(id="flags")
    assert "the same words are given to Antony Blinken and to Ned Price" in flags.one("p", "reason").words()
    assert [c.one("p", "who").words() for c in flags.all("div", "col")] == ["Antony Blinken", "Ned Price"]
    single = dom.one(id="single")
    # grouped by document: the flagged quotes are in no group, so they rest on one source each
    assert [h.words() for h in single.all("h3")] == ["Daily <b>News</b> d1", SCRIPT + " d3"]
    items = single.all("li")
    assert [li.one("div", "claim").attrs["id"] for li in items] == ["d1:4", "d3:1", "d3:2", "d3:3"]
    assert "Brussels" not in single.words()  # neither number nor quote: not listed
    # each document's title, date and link under its name; a javascript: url is text, not a link
    assert [p.words() for p in single.all("p", "src")] == ["d1.txt", "javascript:document.title='pwned'"]
    assert [p.words() for p in single.all("p", "meta") if p.words() == "2021-11-17"] == ["2021-11-17"]
    assert single.all("p", "src")[1].all("a") == []
    assert [m.text() for m in items[3].all("mark", "num")] == ["Three"]


def test_article_text_is_escaped(page: str, dom: Node) -> None:
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert dom.all("script") == [] and dom.all("img") == []
    assert not [n for n in dom.all() if any(a.startswith("on") for a in n.attrs)]
    claim = dom.one(id="d3:2")
    assert claim.one("p", "who").words() == " ".join(IMG.split())
    assert claim.one("p", "text").words() == " ".join(INJECTED.split())
    assert claim.one("mark", "quote").text() == SCRIPT
    assert dom.one(id="d3:3").one("p", "text").words() == " ".join(THREE.split())
    assert dom.one("title").text().startswith("verify report: 1 discrepancy, 1 agreement, 3 documents")


def test_self_contained(page: str, dom: Node) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert dom.all("link") == [] and dom.all("script") == []
    assert not [n for n in dom.all() if "src" in n.attrs]
    documents = {(Path.cwd() / "d1.txt").as_uri(), "https://news.example/war?part=1&lang=en"}
    assert all(n.attrs["href"].startswith("#") or n.attrs["href"] in documents for n in dom.all("a"))
    csp = [m for m in dom.all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0].attrs["content"] or "")
    assert "@media print" in dom.one("style").children[0]


def test_report_output_html(page: str) -> None:
    assert report_output(sample_report(), "html") == page


def test_empty_report() -> None:
    dom = parse(report_html(Report(documents=[], claims=[])))
    assert "None found." in dom.one(id="discrepancies").words()
    assert "0 documents" in dom.one("ul", "counts").words()


@pytest.mark.parametrize(
    ("text", "base", "quantities", "quote", "expected"),
    [
        ("killed 5,000 people", 100, [(107, 112, "5,000")], None, 'killed <mark class="num">5,000</mark> people'),
        # a number inside a quotation nests inside the quote mark
        ("he said “5 died”", 0, [(9, 10, "5")], "5 died",
         'he said “<mark class="quote"><mark class="num">5</mark> died</mark>”'),
        # a quote that runs over a paragraph break is stored with one space
        ("“a b\n\nc” d", 0, [], "a b c", '“<mark class="quote">a b\n\nc</mark>” d'),
        # offsets that do not fit the text: found by its words
        ("about 7 dead", 0, [(50, 51, "7")], None, 'about <mark class="num">7</mark> dead'),
        # a fragment not in the text is not marked, and nothing breaks
        ("x < y", 0, [], "nowhere", "x &lt; y"),
    ],
)
def test_marked(text: str, base: int, quantities: list[tuple[int, int, str]], quote: str | None, expected: str) -> None:
    qs = [Quantity(start=s, end=e, text=t, value=1) for s, e, t in quantities]
    assert marked(text, base, qs, quote) == expected


# -- in a browser ----------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
NUM_BG = bytes((0xFF, 0xD5, 0x4A))  # --num, the background of a marked number
BAD = bytes((0xA1, 0x00, 0x1C))  # --bad, the discrepancy badge and bar


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("no chromium binary on PATH (Debian: apt-get install chromium); .ci/run installs it")
    return found


def _run_chromium(binary: str, tmp: Path, *args: str) -> str:
    profile = tmp / f"profile-{len(list(tmp.iterdir()))}"
    done = subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _png(path: Path) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per pixel and the filtered pixel data of an 8-bit RGB(A) PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        (n,), kind = struct.unpack(">I", data[pos : pos + 4]), data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    return width, height, 3 if color == 2 else 4, zlib.decompress(idat)


def _unfilter(width: int, height: int, bpp: int, raw: bytes, rows: int) -> Iterator[bytes]:
    """Yield the first ``rows`` rows of pixels (PNG filters 0-4)."""
    stride = width * bpp
    prev = bytearray(stride)
    for y in range(min(rows, height)):
        i = y * (stride + 1)
        kind, line = raw[i], bytearray(raw[i + 1 : i + 1 + stride])
        if kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind in (1, 3, 4):
            for x in range(stride):
                left = line[x - bpp] if x >= bpp else 0
                up, corner = prev[x], prev[x - bpp] if x >= bpp else 0
                if kind == 1:
                    line[x] = (line[x] + left) & 255
                elif kind == 3:
                    line[x] = (line[x] + (left + up) // 2) & 255
                else:
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        yield bytes(line)
        prev = line


def _has_pixel(row: bytes, bpp: int, color: bytes) -> bool:
    i = row.find(color)
    while i != -1:
        if i % bpp == 0:
            return True
        i = row.find(color, i + 1)
    return False


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str]:
    """The sample report as Chromium renders it: the DOM after rendering, and a screenshot."""
    binary = _chromium()
    tmp = tmp_path_factory.mktemp("browser")
    html = report_html(sample_report())
    path = tmp / "report.html"
    path.write_text(html, encoding="utf-8")
    dom = _run_chromium(binary, tmp, "--dump-dom", path.as_uri())
    png = tmp / "report.png"
    _run_chromium(binary, tmp, f"--screenshot={png}", "--window-size=1280,2000", path.as_uri())
    return dom, png, parse(html).one("title").text()


@pytest.mark.browser
def test_browser_shows_the_evidence_and_runs_no_injected_script(rendered: tuple[str, Path, str]) -> None:
    dumped, _, title = rendered
    dom = parse(dumped)
    assert dom.one("title").text() == title != "pwned"  # the injected script would have set it
    assert dom.all("script") == [] and dom.all("img") == []
    visible = dom.one("body").words()
    for seen in ("more than 6,500 vs 5,000 deaths (2020)", SENTENCE, KILLED, QUOTE_A, QUOTE_B,
                 "single origin", "outlet's own voice", SCRIPT, " ".join(IMG.split()), " ".join(THREE.split())):
        assert seen in visible
    assert visible.index("Discrepancies") < visible.index("Agreements") < visible.index("Flags")


@pytest.mark.browser
def test_browser_screenshot_paints_marks_and_verdicts(rendered: tuple[str, Path, str]) -> None:
    _, png, _ = rendered
    assert png.exists() and png.stat().st_size > 20_000  # a blank 1280x2000 page is a few kB
    width, height, bpp, raw = _png(png)
    assert (width, height) == (1280, 2000)
    seen = {"number mark": False, "discrepancy red": False}
    inked = 0
    for row in _unfilter(width, height, bpp, raw, rows=1200):
        seen["number mark"] |= _has_pixel(row, bpp, NUM_BG)
        seen["discrepancy red"] |= _has_pixel(row, bpp, BAD)
        inked += len(set(row)) > 2
        if all(seen.values()) and inked > 200:
            break
    assert seen == {"number mark": True, "discrepancy red": True}
    assert inked > 200  # rows with more than the page's background
