"""verify serve: the pages over an index, read-only, escaped; the report cached per index state.

The pages' logic is tested over invented articles indexed with the hash
embedder; ``test_browser_*`` drive a headless Chromium over the seeds and a
hostile article with the real models (see ``tests/browser.py``).
"""

from __future__ import annotations

import io
import json
import os
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
    return TestClient(create_app(str(index)))


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


@pytest.mark.parametrize(
    ("form", "files", "message"),
    [
        ({"text": "  "}, None, "nothing to check; paste a draft or choose a file"),
        ({}, {"draft": ("notes.pdf", b"%PDF-1.4", "application/pdf")}, "notes.pdf: cannot check this kind of file"),
        ({}, {"draft": ("broken.docx", b"not a zip", "application/octet-stream")}, "broken.docx: not a valid .docx file"),
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
    for url in ("/", "/single", "/", "/doc/herald"):
        assert client.get(url).status_code == 200
    client.get("/search", params={"q": "flood"})
    client.post("/check", data={"text": "The flood in Brenmoor killed 40 people on Tuesday."})
    cache = app.state.pages.cache
    assert cache.loads == 1
    assert files_of(path) == before  # read only: no lock taken, nothing written
    ingest(articles[2:], path, embedder=HashEmbedder())  # a new state of the index
    assert "Brenmoor Courier" in client.get("/").text.replace("&gt;", ">")
    assert cache.loads == 2
    client.get("/")
    assert cache.loads == 2


def test_serve_with_a_missing_index_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--index", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "nowhere" in lines[0]
    assert "Traceback" not in result.output


def test_serve_has_help_and_binds_to_this_computer_by_default() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host TEXT" in result.output and "[default: 127.0.0.1]" in result.output
    assert "default: 8000" in result.output
