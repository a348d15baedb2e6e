"""verify serve: the pages over an index, read-only, escaped; the report cached per index state.

The pages' logic is tested over invented articles indexed with the hash
embedder; ``test_browser_*`` drive a headless Chromium over the seeds and a
hostile article with the real models (see ``tests/browser.py``).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient  # noqa: E402

from verify.cli import main  # noqa: E402
from verify.embed import HashEmbedder  # noqa: E402
from verify.ingest import ingest  # noqa: E402
from verify.serve import create_app  # noqa: E402

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'

HOSTILE = {
    "title": f'{SCRIPT}"><script>alert(1)</script>Flood toll in Brenmoor',
    "outlet": f"{IMG}Brenmoor Courier",
    "url": "javascript:window.__xss=1",
    "date": "2024-04-11",
    "text": "The flood in Brenmoor killed 31 people on Tuesday, the regional governor Aldo Ferrante said. "
            f"{SCRIPT} Rescue teams from Lintz reached the Brenmoor valley on Wednesday. {IMG}\n",
}


def write_corpus(folder: Path) -> list[Path]:
    """Two articles on one invented flood that differ on its toll, and a hostile one."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "courier.md").write_text(
        "---\ntitle: Flood in Brenmoor\noutlet: Valley Post\ndate: 2024-04-10\nurl: https://valley.example/flood\n---\n"
        "The flood in Brenmoor killed 12 people on Tuesday, the regional governor Aldo Ferrante said.\n"
        "Rescue teams from Lintz reached the Brenmoor valley on Wednesday.\n", encoding="utf-8")
    (folder / "herald.md").write_text(
        "---\ntitle: Brenmoor flood kills 12\noutlet: Northern Herald\ndate: 2024-04-10\n---\n"
        "The flood in Brenmoor killed 12 people on Tuesday, the regional governor Aldo Ferrante said.\n",
        encoding="utf-8")
    (folder / "hostile.json").write_text(json.dumps(HOSTILE), encoding="utf-8")
    return [folder / "courier.md", folder / "herald.md", folder / "hostile.json"]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("serve")
    path = root / "index"
    ingest(write_corpus(root / "articles"), path, embedder=HashEmbedder())
    return path


@pytest.fixture
def client(index: Path) -> TestClient:
    app = create_app(str(index))
    app.state.pages.cache.view()  # the report built: pages answer at once
    return TestClient(app)


def files_of(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def assert_inert(html: str) -> None:
    """No markup of an article reaches the page unescaped; no ``javascript:`` link."""
    assert SCRIPT not in html and "<script" not in html.lower()
    assert IMG not in html and "<img" not in html.lower()
    assert 'href="javascript:' not in html.lower() and "href='javascript:" not in html.lower()


def test_home_lists_discrepancies_first_with_their_sources(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none': no script at all
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    html = page.text
    assert_inert(html)
    first_discrepancy, first_agreement = html.find('class="group discrepancy"'), html.find('class="group agree"')
    assert 0 <= first_discrepancy and (first_agreement == -1 or first_discrepancy < first_agreement)
    assert "12 deaths" in html and "31 deaths" in html
    assert '<a href="https://valley.example/flood" rel="noopener noreferrer">Valley Post</a>' in html
    assert "&lt;img src=x onerror=" in html  # the hostile outlet, shown as words


def test_a_group_shows_its_evidence_side_by_side_with_numbers_marked(client: TestClient) -> None:
    home = client.get("/").text
    gid = home.split('<li class="group discrepancy">', 1)[1].split('href="/group/', 1)[1].split('"', 1)[0]
    page = client.get(f"/group/{gid}")
    assert page.status_code == 200
    html = page.text
    assert_inert(html)
    assert html.count('<section class="col">') >= 2
    assert '<mark class="num">31</mark>' in html and '<mark class="num">12</mark>' in html
    assert "Aldo Ferrante" in html
    assert client.get("/group/nowhere").status_code == 404


def test_an_article_without_a_web_address_opens_here_and_a_javascript_url_is_no_link(client: TestClient) -> None:
    home = client.get("/").text
    assert '<a href="/doc/herald">Northern Herald</a>' in home
    hostile = client.get("/doc/hostile")
    assert hostile.status_code == 200
    assert_inert(hostile.text)
    assert "javascript:window.__xss=1" in hostile.text  # shown as text
    herald = client.get("/doc/herald").text
    assert "killed 12 people" in herald
    assert client.get("/doc/nowhere").status_code == 404


def test_flags_show_the_same_words_given_to_different_speakers(tmp_path: Path) -> None:
    said = "“We will rebuild every bridge in the valley before winter,”"
    event = "The flood in Brenmoor destroyed the Lintz bridge and the Orvald mill on Tuesday.\n\n"  # one event: names shared
    (tmp_path / "a.md").write_text(f"---\noutlet: Valley Post\ndate: 2024-04-12\n---\n{event}{said} Aldo Ferrante said on Friday.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\noutlet: Northern Herald\ndate: 2024-04-12\n---\n{event}{said} Marta Oyelaran said on Friday.\n", encoding="utf-8")
    ingest([tmp_path / "a.md", tmp_path / "b.md"], tmp_path / "index", embedder=HashEmbedder())
    app = create_app(str(tmp_path / "index"))
    view = app.state.pages.cache.view()
    client = TestClient(app)
    assert len(view.report.flags) == 1
    page = client.get("/flags")
    assert page.status_code == 200
    assert page.text.count('<article class="group flag">') == 1
    assert "<b>1</b> flag" in client.get("/").text
    assert "the same words are given to Aldo Ferrante and to Marta Oyelaran" in page.text
    assert page.text.count('<section class="col">') == 2 and "Valley Post" in page.text and "Northern Herald" in page.text


def test_single_sourced_facts_and_search(client: TestClient) -> None:
    single = client.get("/single")
    assert single.status_code == 200
    assert_inert(single.text)
    found = client.get("/search", params={"q": "flood killed people in Brenmoor"})
    assert found.status_code == 200
    assert_inert(found.text)
    assert found.text.count("<tr>") >= 3 and "Aldo Ferrante" in found.text
    assert 'value="flood killed people in Brenmoor"' in found.text  # the box keeps the query
    hostile = client.get("/search", params={"q": SCRIPT})
    assert_inert(hostile.text)


def test_a_pasted_draft_is_annotated_claim_by_claim(client: TestClient) -> None:
    page = client.post("/check", data={"text": "The flood in Brenmoor killed 40 people on Tuesday, the regional governor Aldo Ferrante said."})
    assert page.status_code == 200, page.text
    html = page.text
    assert_inert(html)
    assert 'class="claim contradicted"' in html and "✘ contradicted" in html
    assert "Valley Post" in html  # a source of the evidence


def test_an_uploaded_docx_or_text_draft_is_checked(client: TestClient) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("The flood in Brenmoor killed 40 people on Tuesday, the regional governor Aldo Ferrante said.")
    data = io.BytesIO()
    document.save(data)
    page = client.post("/check", files={"draft": ("flood.docx", data.getvalue(),
                                                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document")})
    assert page.status_code == 200, page.text
    assert "flood.docx" in page.text and "✘ contradicted" in page.text
    text = client.post("/check", files={"draft": ("flood.md", b"Rescue teams from Lintz reached the Brenmoor valley on Wednesday.\n", "text/markdown")})
    assert text.status_code == 200 and 'class="note ' in text.text


def test_an_uploaded_docx_comes_back_with_word_comments(client: TestClient) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("The flood in Brenmoor killed 40 people on Tuesday, the regional governor Aldo Ferrante said.")
    data = io.BytesIO()
    document.save(data)
    reply = client.post("/check", data={"word": "1"}, files={"draft": ("Brenmoor flood.docx", data.getvalue(), "application/octet-stream")})
    assert reply.status_code == 200
    assert reply.headers["content-disposition"] == "attachment; filename*=UTF-8''checked-Brenmoor%20flood.docx"
    back = docx.Document(io.BytesIO(reply.content))
    assert [p.text for p in back.paragraphs] == [p.text for p in document.paragraphs]
    comments = list(back.comments)
    assert len(comments) == 1 and comments[0].text.startswith("✘ Contradicted: 40 vs 12")
    refused = client.post("/check", data={"word": "1"}, files={"draft": ("flood.md", b"The flood killed 40.\n", "text/markdown")})
    assert refused.status_code == 400 and "Word comments go into a .docx draft" in refused.text


@pytest.mark.parametrize(
    ("form", "files", "message"),
    [
        ({"text": "  "}, None, "nothing to check; paste a draft or choose a file"),
        ({}, {"draft": ("notes.pdf", b"%PDF-1.4", "application/pdf")}, "notes.pdf: cannot check this kind of file"),
        ({}, {"draft": ("broken.docx", b"not a zip", "application/octet-stream")}, "broken.docx: not a valid .docx file"),
        ({}, {"draft": ("huge.txt", b"The flood killed 40 people. " * 400_000, "text/plain")}, "huge.txt: larger than 10 MB"),
        ({}, {"draft": ("latin.txt", "Caf\u00e9 owners said 30 jobs went.".encode("latin-1"), "text/plain")}, "latin.txt"),
    ],
)
def test_a_bad_draft_is_one_clear_line_on_the_form(client: TestClient, form: dict, files: dict | None, message: str) -> None:
    page = client.post("/check", data=form, files=files)
    assert page.status_code == 400
    error = page.text.split('<p class="error" role="alert">', 1)[1].split("</p>", 1)[0]
    assert message in error.replace("&#39;", "'")
    assert "Traceback" not in page.text
    assert '<form class="draft"' in page.text  # the form again, to try another


def test_the_report_is_built_once_per_state_of_the_index_and_nothing_is_written(
        tmp_path: Path) -> None:
    path = tmp_path / "index"
    articles = write_corpus(tmp_path / "articles")
    ingest(articles[:2], path, embedder=HashEmbedder())
    before = files_of(path)
    app = create_app(str(path))
    client = TestClient(app)
    cache = app.state.pages.cache
    building = client.get("/")  # the first page does not wait for the report
    assert building.status_code == 503 and building.headers["retry-after"] == "5"
    assert '<meta http-equiv="refresh" content="5">' in building.text and "Building the report" in building.text
    cache.view()
    for url in ("/", "/single", "/", "/doc/herald"):
        assert client.get(url).status_code == 200
    client.get("/search", params={"q": "flood"})
    client.post("/check", data={"text": "The flood in Brenmoor killed 40 people on Tuesday."})
    assert cache.loads == 1
    assert files_of(path) == before  # read only: no lock taken, nothing written
    ingest(articles[2:], path, embedder=HashEmbedder())  # a new state of the index
    stale = client.get("/")  # the report before, said to be so, while the new one is built
    assert stale.status_code == 200
    if cache.loads == 1:
        assert "The index has changed" in stale.text and "Brenmoor Courier" not in stale.text
    cache.view()
    assert cache.loads == 2
    page = client.get("/").text
    assert "Brenmoor Courier" in page.replace("&gt;", ">") and "The index has changed" not in page
    assert cache.loads == 2


def test_an_index_gone_bad_is_one_line_on_the_page(tmp_path: Path) -> None:
    path = tmp_path / "index"
    ingest(write_corpus(tmp_path / "articles")[:1], path, embedder=HashEmbedder())
    app = create_app(str(path))
    app.state.pages.cache.view()
    (path / "manifest.json").write_text("{not json", encoding="utf-8")
    client = TestClient(app)
    client.get("/")  # the report before, while the new state is read
    with pytest.raises(Exception):
        app.state.pages.cache.view()
    page = client.get("/")
    assert page.status_code == 500
    error = page.text.split('<p class="error" role="alert">', 1)[1].split("</p>", 1)[0]
    assert "manifest.json" in error or str(path) in error


def test_serve_with_a_missing_index_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--index", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "nowhere" in lines[0]
    assert "Traceback" not in result.output


def test_serve_on_a_busy_port_is_one_line(index: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--index", str(index), "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.strip() == (f"Error: cannot listen on 127.0.0.1 port {port} (Address already in use); "
                                     "give another --port or --host")


def test_serve_has_help_and_binds_to_this_computer_by_default() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host TEXT" in result.output and "[default: 127.0.0.1]" in result.output
    assert "default: 8000" in result.output


# -- in a browser ------------------------------------------------------------

KARABAKH_HOSTILE = {
    "title": f'{SCRIPT}"><svg onload=alert(1)>Karabakh war toll revised',
    "outlet": f"{IMG}Caucasus Wire",
    "url": "javascript:window.__xss=1",
    "date": "2021-12-16",
    "text": "In autumn 2020, Armenia and Azerbaijan fought a six-week war over the disputed Nagorno-Karabakh "
            "region. The conflict claimed more than 9,000 lives and ended with a Russian-brokered cease-fire "
            "under which Armenian forces ceded territories they had controlled for decades to Azerbaijan.\n\n"
            f"{SCRIPT} Armenian Prime Minister Nikol Pashinian and Azerbaijani President Ilham Aliyev held talks "
            f"in Brussels, European Council President Charles Michel said. {IMG} <svg onload=alert(1)></svg>\n",
}
DRAFT = "The 2020 war between Armenia and Azerbaijan claimed more than 7,000 lives.\n\n" \
        "The two leaders will meet in Paris next spring to sign a final peace treaty.\n"


def _browser() -> str | None:
    import shutil

    return next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)


@pytest.fixture(scope="module")
def chromium():  # type: ignore[no-untyped-def]
    playwright = pytest.importorskip("playwright.sync_api", reason="the browser test needs playwright (pip install -e '.[test]')")
    executable = _browser()
    if executable is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium): the browser test cannot run")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seeds and an article whose text and metadata hold markup, indexed with the real models."""
    root = tmp_path_factory.mktemp("browser")
    (root / "hostile.json").write_text(json.dumps(KARABAKH_HOSTILE), encoding="utf-8")
    ingest([seeds_dir, root / "hostile.json"], root / "index")
    return root / "index"


@pytest.fixture(scope="module")
def server(seeded: Path):  # type: ignore[no-untyped-def]
    """``verify serve`` in its own process on a free port, as a user starts it."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = seeded.parent / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", "from verify.cli import main; main()", "serve",
                                 "--index", str(seeded), "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("verify serve did not start: " + log.read_text(errors="replace")) from None
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


class Watched:
    """A page that records every dialog and any script that ran."""

    def __init__(self, browser) -> None:  # type: ignore[no-untyped-def]
        self.page = browser.new_page()
        self.dialogs: list[str] = []

        def dismiss(dialog) -> None:  # type: ignore[no-untyped-def]
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        self.page.on("dialog", dismiss)

    def assert_inert(self) -> None:
        page = self.page
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # an onerror fires after the image fails to load
        assert self.dialogs == []
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.evaluate("document.querySelectorAll('script, img, svg').length") == 0
        assert page.evaluate("[...document.querySelectorAll('a')].filter(a => /^\\s*javascript:/i.test(a.getAttribute('href') || '')).length") == 0


@pytest.mark.browser
@pytest.mark.model
def test_browser_report_discrepancy_search_and_check_run_no_article_script(chromium, server: str) -> None:  # type: ignore[no-untyped-def]
    w = Watched(chromium)
    page = w.page
    page.goto(server + "/")
    w.assert_inert()
    assert "Caucasus Wire" in page.inner_text("main")
    # open the discrepancy the hostile article is part of
    page.click("li.group.discrepancy a.open:has-text('9,000')")
    w.assert_inert()
    assert page.url.startswith(server + "/group/")
    columns = page.locator("section.col")
    assert columns.count() >= 2
    assert page.locator("mark.num", has_text="9,000").count() >= 1
    assert page.locator("mark.num", has_text="6,500").count() >= 1
    hostile = page.locator("section.col h2", has_text="Caucasus Wire")
    assert hostile.count() == 1
    assert hostile.locator("a").count() == 1 and hostile.locator("a").get_attribute("href") == "/doc/hostile"
    assert "<img" in hostile.inner_text()  # the outlet's markup shown as words
    # search from the box
    page.fill("input[name=q]", "how many people died in the war")
    page.click("form.search button")
    w.assert_inert()
    assert page.locator("table.hits tbody tr").count() >= 5
    # check a pasted draft
    page.goto(server + "/check")
    page.fill("textarea[name=text]", DRAFT)
    page.click("form.draft button")
    w.assert_inert()
    assert page.locator("a.claim.contradicted").count() == 1
    assert page.locator("a.claim.unsupported").count() == 1
    notes = page.inner_text("ol.notes")
    assert "more than 7,000 vs more than" in notes and "6,500" in notes
    assert "Caucasus Wire" in notes  # the hostile article's outlet, cited as words
    # the hostile article itself
    page.goto(server + "/doc/hostile")
    w.assert_inert()
    assert "javascript:window.__xss=1" in page.inner_text("main")


@pytest.mark.browser
@pytest.mark.model
def test_browser_html_report_and_check_run_no_article_script(chromium, seeded: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    report = tmp_path / "report.html"
    result = runner.invoke(main, ["report", "--index", str(seeded), "--format", "html", "--out", str(report)])
    assert result.exit_code == 0, result.output
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    checked = tmp_path / "check.html"
    result = runner.invoke(main, ["check", str(draft), "--index", str(seeded), "--format", "html", "--out", str(checked)])
    assert result.exit_code == 1, result.output  # a claim is contradicted
    for file, expected in ((report, "Caucasus Wire"), (checked, "contradicted")):
        w = Watched(chromium)
        w.page.goto(file.resolve().as_uri())
        w.assert_inert()
        assert expected in w.page.inner_text("body")
    assert "Caucasus Wire" in w.page.inner_text("body")  # the check cites the hostile article
