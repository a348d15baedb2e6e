"""Documents from files and folders: formats, metadata and boilerplate; no NLP.

Offsets are sacred: every offset the tool reports is an index into
``Document.text``. For ``.txt`` and ``.md`` that is the file exactly as decoded
from UTF-8 (no stripping, no newline normalisation). For ``.html`` it is a text
of the same length as the raw file, tags and entities blanked in place, so an
offset into the text is an offset into the file. Metadata lines and boilerplate
are never cut out: they are listed in ``Document.skip``.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from verify.errors import InputError, VerifyError
from verify.models import Document
from verify.extract.timeref import DATE_PATTERN, parse_date

__all__ = ["SUFFIXES", "boilerplate", "document_from_text", "documents", "html_text"]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".docx")
"""File name endings that are read; other files in a folder are skipped."""

_TEXT_FIELDS = ("text", "content", "body", "article")
_FIELDS = {
    "id": ("id", "doc_id"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site_name"),
    "date": ("date", "dct", "published", "published_at", "publishedat", "publication_date",
             "pubdate", "datepublished"),
    "url": ("url", "uri", "link", "canonical"),
}
# A record without a text field may hold a list of records ({"articles": [...]}).
_CONTAINERS = ("articles", "documents", "docs", "items", "records", "data", "results")
_HELP_TYPES = ", ".join(SUFFIXES)
_NEWLINE = b"\n"

# Metadata at the top of a text: YAML-like front matter, "Key: value" lines,
# or a date run into the first line (" date 2021-11-17 In a statement...").
_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?=\r?\n|\Z)", re.S)
_HEADER = re.compile(
    r"[ \t\ufeff]*(?P<key>title|headline|date|dated|published|publication date|posted|updated|"
    r"last updated|source|outlet|publisher|url|link|author|byline|by)[ \t]*[:=][ \t]*"
    r"(?P<value>[^\r\n]*?)[ \t]*(?=\r?\n|\Z)",
    re.I,
)
_DATE_LEAD = re.compile(rf"\s*(?P<key>date|dated|published|posted)\s*:?\s+(?P<value>{DATE_PATTERN})", re.I)
_DATED_LINE = re.compile(r"\s*(?:first\s+)?(?:published|posted|dated?)\b\s*:?\s*(?:on\s+)?(?P<value>.+)", re.I)
_HEADER_FIELDS = {
    "title": "title", "headline": "title", "date": "date", "dated": "date", "published": "date",
    "publication date": "date", "posted": "date", "updated": "updated", "last updated": "updated",
    "source": "outlet", "outlet": "outlet", "publisher": "outlet", "url": "url", "link": "url",
}


def documents(paths: Iterable[str | Path], errors: list[VerifyError] | None = None) -> Iterator[Document]:
    """The documents in files and folders, one at a time.

    Folders are walked recursively (each folder's files in name order, then its
    subfolders); files with an unknown ending, hidden files and Office lock
    files there are skipped, while a file named explicitly must be readable.
    A bad file raises :class:`InputError`, or, when ``errors`` is a list, is
    appended to it and reading goes on. A broken record of a ``.jsonl`` or
    ``.json`` file loses only that record.
    """
    for path in paths:
        for item in _read_path(path):
            if isinstance(item, Document):
                yield item
            elif errors is None:
                raise item
            else:
                errors.append(item)


def document_from_text(text: str, id: str = "draft", path: str = "<text>") -> Document:
    """A document from text in memory (a draft), read like a ``.txt`` file."""
    if not text.strip():
        raise InputError(f"{path}: empty text; give the text to read")
    return _document(text, id=id, path=path, front_matter=True)


def _read_path(name: str | Path) -> Iterator[Document | InputError]:
    path = Path(name)
    if not str(name) or not path.exists():  # Path("") would be the current folder
        yield InputError(f"{name or repr(name)}: no such file or folder; check the path")
    elif path.is_dir():
        for file in _walk(path):
            yield from _read_file_safely(file)
    elif path.suffix.lower() not in SUFFIXES:
        yield InputError(f"{path}: cannot read '{path.suffix or path.name}' files; use {_HELP_TYPES}")
    else:
        yield from _read_file_safely(path)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in SUFFIXES:
                continue
            yield Path(root) / name


def _read_file_safely(file: Path) -> Iterator[Document | InputError]:
    try:
        yield from _read_file(file)
    except InputError as error:
        yield error


def _read_file(file: Path) -> Iterator[Document | InputError]:
    suffix = file.suffix.lower()
    if suffix == ".docx":
        yield _docx(file)
    elif suffix == ".jsonl":
        yield from _jsonl(file)
    elif suffix == ".json":
        text = _decode(_bytes(file), file)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{file}: broken JSON at line {e.lineno} column {e.colno} ({e.msg}); "
                             "fix it, or write one record per line as .jsonl") from None
        if isinstance(data, dict):
            yield from _records(data, str(file), file, file.stem)
        elif isinstance(data, list):
            for n, item in enumerate(data, 1):
                yield from _records(item, f"{file} (record {n})", file, f"{file.stem}-{n}")
        else:
            raise InputError(f"{file}: JSON holds no records; give an object with a text field or a list of them")
    else:
        text = _decode(_bytes(file), file)
        if suffix in (".html", ".htm"):
            body, meta, skip = html_text(text)
            yield _document(body, id=file.stem, path=str(file), skip=skip, **meta)
        else:
            yield _document(text, id=file.stem, path=str(file), front_matter=True)


def _bytes(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError as e:
        raise InputError(f"{file}: cannot read ({e.strerror}); check that it is a file you may read") from None


def _decode(data: bytes, file: Path, line: int | None = None, offset: int = 0) -> str:
    """UTF-8 text, or an error naming the file (and line) and what to do."""
    where = f"{file}:{line}" if line else str(file)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{where}: UTF-16 text; re-save it as UTF-8")
    if b"\x00" in data:
        raise _binary(where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        at = f"line {data.count(_NEWLINE, 0, e.start) + 1}, " if line is None else ""
        raise InputError(f"{where}: not UTF-8 text (byte 0x{data[e.start]:02X} at {at}byte offset "
                         f"{offset + e.start}); re-save it as UTF-8") from None
    if not text.strip() and line is None:
        raise InputError(f"{where}: empty file; add text or remove it")
    return text


def _binary(where: str) -> InputError:
    return InputError(f"{where}: not a text file (it holds NUL bytes); give {_HELP_TYPES} files, "
                      "or re-save it as UTF-8 text")


def _jsonl(file: Path) -> Iterator[Document | InputError]:
    """One document per line; a bad line is an error of its own and reading goes on."""
    try:
        handle = file.open("rb")
    except OSError as e:
        raise InputError(f"{file}: cannot read ({e.strerror}); check that it is a file you may read") from None
    seen, offset = False, 0
    with handle:
        if b"\x00" in handle.read(8192):  # a binary file fails whole, not line by line
            raise _binary(str(file))
        handle.seek(0)
        for number, raw in enumerate(handle, 1):
            offset += len(raw)
            try:
                line = _decode(raw, file, number, offset - len(raw))
            except InputError as error:
                yield error
                continue
            if not line.strip():
                continue
            seen = True
            try:
                record = json.loads(line.rstrip())
            except json.JSONDecodeError as e:
                yield InputError(f"{file}:{number}: broken JSON line ({e.msg} at column {e.colno}); "
                                 "fix or remove that line")
                continue
            yield from _records(record, f"{file}:{number}", file, f"{file.stem}-{number}")
    if not seen:
        raise InputError(f"{file}: empty file; add one JSON record per line or remove it")


def _records(record: Any, where: str, file: Path, default_id: str) -> Iterator[Document | InputError]:
    """Documents from one JSON record; ``where`` names it in messages ("file:12")."""
    if not isinstance(record, dict):
        yield InputError(f"{where}: a record must be a JSON object; give objects with a text field")
        return
    fields = {str(k).lower(): v for k, v in record.items()}
    text = next((fields[k] for k in _TEXT_FIELDS if isinstance(fields.get(k), str)), None)
    if text is None:
        nested = next((fields[k] for k in _CONTAINERS if isinstance(fields.get(k), list)), None)
        if nested is not None:
            for n, item in enumerate(nested, 1):
                yield from _records(item, f"{where} (item {n})", file, f"{default_id}-{n}")
            return
        yield InputError(f"{where}: record has no text field; add one of: {', '.join(_TEXT_FIELDS)}")
        return
    meta = {name: _field(fields, keys) for name, keys in _FIELDS.items()}
    doc_id = meta.pop("id") or default_id
    if not text.strip():
        yield InputError(f"{where}: record {doc_id} has an empty text field; give it text or remove it")
        return
    yield _document(text, id=doc_id, path=str(file), **meta)


def _field(fields: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, dict):  # {"source": {"id": ..., "name": "Reuters"}}
            value = value.get("name") or value.get("title")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key in _FIELDS["date"]:
            seconds = value / 1000 if value > 1e11 else value  # an epoch time, in s or ms
            value = datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value).strip()
    return None


def _docx(file: Path) -> Document:
    if not _bytes(file):
        raise InputError(f"{file}: empty file; add text or remove it")
    try:
        import docx  # python-docx; imported here, only .docx needs it
    except ImportError:  # pragma: no cover - a dependency of verify
        raise InputError(f"{file}: reading .docx needs python-docx; pip install python-docx") from None
    try:
        package = docx.Document(str(file))
    except Exception:  # python-docx raises BadZipFile, KeyError, PackageNotFoundError, ...
        raise InputError(f"{file}: not a valid .docx file; open it in Word and save it again as .docx, "
                         "or save it as .txt") from None
    text = "\n\n".join(p.text for p in package.paragraphs if p.text.strip())
    if not text:
        raise InputError(f"{file}: empty file; the document holds no text")
    title = (package.core_properties.title or "").strip() or None
    return _document(text, id=file.stem, path=str(file), title=title)


def _document(text: str, *, id: str, path: str, title: str | None = None, outlet: str | None = None,
              date: str | None = None, url: str | None = None, skip: Iterable[tuple[int, int]] = (),
              front_matter: bool = False) -> Document:
    spans, meta, begin = _metadata(text, front_matter)
    title = title or meta.get("title")
    date = date or meta.get("date") or meta.get("updated")
    found, headline = boilerplate(text, title, begin=begin)
    doc = Document(
        id=id, path=path, text=text, title=title or headline,
        outlet=outlet or meta.get("outlet"), url=url or meta.get("url"),
        date=(parse_date(date) or None) if date else None,
        skip=_merge([*skip, *spans, *found], text),
    )
    doc.date_source = "given" if doc.date else None
    doc.digest = _digest(doc)
    return doc


def _metadata(text: str, front_matter: bool) -> tuple[list[tuple[int, int]], dict[str, str], int]:
    """Metadata at the top of ``text``: the spans it takes, its fields, where the body begins."""
    spans: list[tuple[int, int]] = []
    meta: dict[str, str] = {}
    pos = 0
    m = _FRONT_MATTER.match(text) if front_matter else None
    if m:
        for line in m[2].splitlines():
            key, sep, value = line.partition(":") if ":" in line else line.partition("=")
            key = key.strip().lower()
            name = next((n for n, keys in _FIELDS.items() if key in keys), None)
            if sep and name and name != "id" and value.strip():
                meta.setdefault(name, value.strip().strip("\"'"))
        spans.append((0, m.end()))
        pos = m.end()
    while True:
        while pos < len(text) and text[pos] in "\r\n":
            pos += 1
        m = _HEADER.match(text, pos) or _DATE_LEAD.match(text, pos)
        if not m or not m["value"]:
            break
        name = _HEADER_FIELDS.get(m["key"].lower())
        if name and (name not in ("date", "updated") or parse_date(m["value"])):
            meta.setdefault(name, m["value"].strip())
        start = pos + len(m[0]) - len(m[0].lstrip())
        spans.append((start, m.end()))
        pos = m.end()
    if "date" not in meta:  # "Published: Thursday, October 20, 2016 @ 3:57 PM" under a headline
        for line in text[pos:pos + 2000].splitlines()[:8]:
            m = _DATED_LINE.match(line)
            if m and parse_date(m["value"]):
                meta["date"] = m["value"]
                break
    return spans, meta, pos


def _merge(spans: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted spans, joined where they overlap or only spaces on one line part them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip(" \t")):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _digest(doc: Document) -> str:
    payload = [doc.text, doc.title, doc.outlet, doc.date, doc.url, doc.skip]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


# --- HTML: a text of the same length as the file ----------------------------

_HTML_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*>?"
    r"|<(?P<close>/)?(?P<tag>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.S,
)
_ATTR = re.compile(r"([A-Za-z_:][\w:.-]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
# Elements whose content is code or raw text: skipped to their closing tag.
_RAW_ELEMENTS = {"script", "style", "title", "textarea", "xmp"}
# Elements whose content is page furniture, not the article: blanked.
_BLANK_ELEMENTS = {"head", "nav", "aside", "footer", "form", "noscript", "template", "svg",
                   "iframe", "object", "canvas", "select", "button", "math"}
# Elements that start a new line, so that paragraphs survive as lines.
_BLOCK_ELEMENTS = {
    "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "tr", "td", "th", "table", "thead", "tbody", "section", "article", "header", "footer", "main",
    "blockquote", "figure", "figcaption", "pre", "address", "body", "html", "caption", "center",
}
_META_DATE = ("article:published_time", "og:published_time", "published_time", "datepublished",
              "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued",
              "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published")
_META_TITLE = ("og:title", "twitter:title", "headline", "dc.title")


def html_text(raw: str) -> tuple[str, dict[str, str | None], list[tuple[int, int]]]:
    """The text of an HTML page with the page's length, its metadata, and its captions.

    Tags, comments, code and page furniture (head, nav, aside, footer, forms)
    become spaces, with a newline first for block-level tags; whitespace in text
    becomes a space; an entity becomes its character padded with spaces (on the
    left for an opening quote or bracket, so that it stays by its word).
    Captions are the spans of ``<figcaption>`` elements.
    """
    out: list[str] = []
    meta: dict[str, str] = {}
    captions: list[tuple[int, int]] = []
    lower = raw.lower()
    blank: list[str] = []  # open furniture elements
    caption_at: int | None = None
    pos = 0
    while pos < len(raw):
        m = _HTML_TOKEN.search(raw, pos)
        end = m.start() if m else len(raw)
        chunk = raw[pos:end]
        out.append(" " * len(chunk) if blank else re.sub(r"\s", " ", chunk))
        if not m:
            break
        token, pos = m[0], m.end()
        if token[0] == "&":
            char = html.unescape(token)
            if blank or char.isspace() or char == "\xad":
                char = ""
            elif len(char) > len(token):
                char = token
            # An opening quote keeps to the word it opens: "      “deeply", "it’      s".
            out.append(char.rjust(len(token)) if char in "“‘«([¿¡" else char.ljust(len(token)))
            continue
        name = (m["tag"] or "").lower()
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(m["attrs"] or "")}
        out.append(("\n" if name in _BLOCK_ELEMENTS else " ").ljust(len(token)))
        if not name:
            continue
        if m["close"]:
            if name in blank:
                del blank[len(blank) - 1 - blank[::-1].index(name):]
            if name == "figcaption" and caption_at is not None:
                captions.append((caption_at, m.start()))
                caption_at = None
            continue
        if name in _RAW_ELEMENTS and not token.endswith("/>"):
            close = re.compile(rf"</{name}\s*>").search(lower, pos)
            stop = close.end() if close else len(raw)
            content = raw[pos:close.start() if close else len(raw)]
            _raw_metadata(name, attrs, content, meta)
            out.append(" " * (stop - pos))
            pos = stop
            continue
        if name in _BLANK_ELEMENTS and not token.endswith("/>") and lower.find(f"</{name}", pos) >= 0:
            blank.append(name)
        elif name == "figcaption":
            caption_at = pos
        _tag_metadata(name, attrs, meta)
    text = "".join(out)
    assert len(text) == len(raw), "html_text must keep every offset"
    fields: dict[str, str | None] = {
        "title": meta.get("og_title") or meta.get("title"),
        "date": meta.get("date") or meta.get("time"),
        "outlet": meta.get("outlet"),
        "url": meta.get("url"),
    }
    return text, fields, captions


def _raw_metadata(name: str, attrs: dict[str, str], content: str, meta: dict[str, str]) -> None:
    if name == "title" and content.strip():
        meta.setdefault("title", _clean(content))
    elif name == "script" and "ld+json" in attrs.get("type", ""):
        try:
            data = json.loads(content)
        except json.JSONDecodeError:
            return
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("datePublished"), str):
                meta.setdefault("date", item["datePublished"])
            if isinstance(item.get("headline"), str):
                meta.setdefault("og_title", _clean(item["headline"]))
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                meta.setdefault("outlet", publisher["name"])


def _tag_metadata(name: str, attrs: dict[str, str], meta: dict[str, str]) -> None:
    if name == "meta":
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = _clean(attrs.get("content", ""))
        if not value:
            return
        if key in _META_DATE:
            meta.setdefault("date", value)
        elif key in _META_TITLE:
            meta.setdefault("og_title", value)
        elif key in ("og:site_name", "application-name"):
            meta.setdefault("outlet", value)
        elif key == "og:url":
            meta.setdefault("url", value)
    elif name == "link" and "canonical" in attrs.get("rel", "").lower() and attrs.get("href"):
        meta["url"] = attrs["href"]
    elif name == "time" and attrs.get("datetime"):
        meta.setdefault("time", attrs["datetime"])


def _clean(value: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(value)).strip()


# --- Boilerplate: spans that hold no claim ----------------------------------
# General rules for news pages, each named for what it catches; a line that one
# of them catches is skipped whole unless the rule says otherwise.

_SEP = r"[\s|•·,/:;\-–—]"
_WIDGET_WORD = (
    r"(?:A\+|A-|AA?|Share(?:\s+(?:this|on|via))?(?:\s+(?:article|story|page|post))?|Tweet|E-?mail|Print|"
    r"Facebook|Twitter|X|Google\+?|Pinterest|LinkedIn|Reddit|WhatsApp|Telegram|Tumblr|Messenger|Flipboard|"
    r"SMS|Copy(?:\s+link)?|Link|Save|Like(?:\s+this)?|Loading\.*|\d*\s*Comments?|Close|More|Photos?|Videos?|"
    r"Gallery|Listen(?:\s+to\s+this\s+(?:article|story))?|(?:Text|Font)\s+size|Next|Prev(?:ious)?|Menu|"
    r"Search|Home|(?:Back\s+to\s+)?Top|Advertisement|Ad|Sponsored|Trending(?:\s+Now)?|Recommended|"
    r"Related(?:\s+(?:Articles|Stories|Content|Coverage|Links))?|Most\s+(?:Read|Popular|Viewed)|"
    r"Watch(?:\s+(?:this|the)\s+(?:story|video))?|Play|Pause|Skip|Open(?:\s+Gallery)?|Image|"
    r"View\s+(?:as\s+)?(?:list|gallery|comments)|(?:Hide\s+)?Caption|Show\s+more|Read\s+more|"
    r"Total\s+Access|Just\s+One\s+More\s+Thing\.*|\d+\s+min(?:ute)?s?\s+read|×)"
)
# Share and font widgets, menus: "A+ A-", "Share this | Tweet | Email | Print".
_WIDGET = re.compile(rf"^{_SEP}*{_WIDGET_WORD}(?:{_SEP}+{_WIDGET_WORD})*{_SEP}*\.?$", re.I)
# Subscription, paywall, sign-in, copyright and contact notices.
_NOTICE = re.compile(
    r"contact\s+us\s+for\s+subscription|subscription\s+options|offered\s+to\s+subscribers|"
    r"already\s+a\s+subscriber|\bsubscribe\s+(?:to|now|today|for|here)\b|\bsign\s+up\s+(?:for|to|here|now|today)\b|"
    r"(?:our|e-?mail)\s+newsletters?|all\s+rights\s+reserved|^\W*(?:©|\(c\)\s|copyright\b)|©\s*\d{4}|"
    r"this\s+material\s+may\s+not\s+be|may\s+not\s+be\s+(?:published|reproduced|redistributed)|"
    r"enable\s+javascript|(?:log|sign)\s+in\s+(?:to|with|using|or|here)\b|please\s+(?:log|sign)\s+in|"
    r"create\s+an\s+account|already\s+have\s+an\s+account|click\s+(?:here|on\s+the\s+button)|tap\s+here|"
    r"scroll\s+down\s+for|check\s+back\s+(?:for|later)|this\s+is\s+a\s+developing\s+story|"
    r"follow\s+(?:us|\w+(?:\s+\w+)?)\s+on\s+(?:twitter|facebook|instagram)|like\s+us\s+on\s+facebook|"
    r"join\s+the\s+conversation|digital\s+access|home\s+delivery|pending\s+comments|"
    r"comments?\s+(?:are|is)\s+closed|report\s+an\s+error|(?:email|push)\s+notifications?|"
    r"your\s+notification|thank\s+you\s+for\s+(?:registering|subscribing|reading)|why\s+are\s+we\s+asking|"
    r"owner\s+of\s+this\s+article|privacy\s+policy|terms\s+of\s+(?:use|service)|(?:use|accept)\s+cookies|"
    r"^read\s+more\b|^continue\s+reading|trending\s+stories|^(?:related|also\s+read|read\s+also|more)\s*[:|]|"
    r"download\s+(?:our|the)\s+(?:\w+\s+)?app\b|support\s+(?:our|independent)\s+journalism|"
    r"become\s+a\s+(?:member|subscriber)|story\s+continues\s+below|^editor['’]?s\s+note\b",
    re.I,
)
# Photo captions and credits.
_CAPTION = re.compile(
    r"\(\s*(?:(?:file|ap|afp|staff|handout)\s+)?(?:photo|photograph|image|picture|courtesy|credit|getty|"
    r"shutterstock)[^()]*\)[\s.]*$|\([^()]*\bphoto(?:graph)?s?(?:\s*/[^()]*)?\)[\s.]*$|"
    r"^(?:buy\s+photo\b|file\s+photo\b|(?:photos?|photograph|images?|pictures?|caption|credit|courtesy|mug\s*shot)"
    r"(?:\s+\d+\s+of\s+\d+|\s*(?:credit|source|courtesy)?\s*[:|]|\s+(?:by|via|courtesy|credit)\b))|"
    r"getty\s+images|(?-i:\bREUTERS/)|\(AP\s+Photo|\bAFP/|/\s*AFP\b|\bEPA-EFE\b|\|\s*photo\b|\bimage\s+via\b|"
    r"in\s+this\s+(?:undated\s+|file\s+|handout\s+|\d{4}\s+)?(?:photo|image|picture|photograph)\b|"
    r"(?:file|booking|handout)\s+photo[\s.)]*$|\bmug\s*shot[\s.)]*$",
    re.I,
)
# Credit lines and bylines: "With reporting by AFP", "Reporting by ...; Editing by ...".
_CREDIT = re.compile(
    r"^[(\[—–-]*\s*(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written|"
    r"research|translated|translation|produced|contributing)\s+(?:by|from)\b|"
    r"contributed(?:\s+to)?\s+(?:this|the)\s+(?:report|story|article)",
    re.I,
)
_BYLINE = re.compile(r"^by\s+[A-Z]", re.I)
# A line of dates and times only: "Published: Monday, 1/25/2016 - Updated: 2 months ago".
_STAMP = re.compile(
    rf"{DATE_PATTERN}|\b(?:updated|published|posted|last|modified|on|at|am|pm|a\.m\.?|p\.m\.?|[ecmp][sd]t|et|"
    r"gmt|utc|bst|cet|ago|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|just|now|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)(?!\w)|"
    r"\d{1,2}:\d{2}|\d+|[\s|,:;\-–—/().@]",
    re.I,
)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w{2,}|https?://|www\.", re.I)
# Datelines: "BRUSSELS", "WASHINGTON (AP) —", "BRUSSELS, Nov 17 (Reuters) -", "KANSAS CITY, Mo. —".
_CITY = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}"
_TITLE_CITY = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
_PLACE_TAIL = r"(?:,\s*[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2}){0,2}"
_DATE_TAIL = r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
_AGENCY = r"\((?=[^)]*[A-Za-z])[A-Za-z0-9 /.&'’-]{1,30}\)"
_PLACE = (rf"(?:{_CITY}{_PLACE_TAIL}{_DATE_TAIL}(?:\s*{_AGENCY})?|"
          rf"{_TITLE_CITY}{_PLACE_TAIL}{_DATE_TAIL}\s*{_AGENCY}|{_AGENCY})")
_DASH = r"\s*(?:—|–|-{1,2}|\|)\s*"
_DATELINE = re.compile(rf"^{_PLACE}{_DASH}")
_DATELINE_LINE = re.compile(rf"^{_PLACE}(?:{_DASH})?$")
_LABEL = re.compile(
    r"^(?:UPDATE[SD]?|BREAKING(?:\s+NEWS)?|VIDEO|WATCH|PHOTOS?|GALLERY|EXCLUSIVE|DEVELOPING|LIVE|ALERT)"
    r"\s*[:|\-–—]\s*", re.I)
_END_PUNCT = re.compile(r"[.!?…:;,][\"”’')\]]*$")


def boilerplate(text: str, title: str | None = None, begin: int = 0
                ) -> tuple[list[tuple[int, int]], str | None]:
    """The boilerplate spans of ``text`` after offset ``begin``, and the headline line if one leads it."""
    titles = {_key(t) for t in re.split(r"\s+[|\-–—]\s+", title or "") + [title or ""] if len(t.split()) >= 3}
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    headline: str | None = None
    lines = list(_lines(text, begin))
    content = 0  # lines of article text met so far
    for i, (s, e) in enumerate(lines):
        line, key = text[s:e], _key(text[s:e])
        words = len(line.split())
        whole = _furniture(line, words) or key in titles or (len(key) > 8 and key in seen)
        if not whole and content == 0 and headline is None and i + 1 < len(lines) and _is_headline(line, words):
            whole, headline = True, line
        seen.add(key)
        if whole:
            spans.append((s, e))
            continue
        label = _LABEL.match(line)
        if label and not _END_PUNCT.search(line):  # "PHOTOS: Teens hurt in shooting", a link
            spans.append((s, e))
            continue
        if label:  # "UPDATE: Police say ..."
            spans.append((s, s + label.end()))
            line, s = line[label.end():], s + label.end()
        if _is_notice(line):  # a notice sentence, not the paragraph it ends
            spans += _notices(line, s)
        dateline = _DATELINE.match(line) if content < 3 else None
        if dateline and len(line[dateline.end():].split()) >= 3:
            spans.append((s, s + dateline.end()))
        content += 1
    return spans, headline


def _notices(line: str, offset: int) -> list[tuple[int, int]]:
    """The notice sentences of a line; from the notice on when it ends a long sentence."""
    spans = []
    for a, b in _sentences(line):
        m = _NOTICE.search(line[a:b])
        if m:
            lead = len(line[a:a + m.start()].split()) > 12
            spans.append((offset + a + (m.start() if lead else 0), offset + b))
    return spans


# Words one of which a notice or a caption must hold: a cheap test before the slow patterns.
_NOTICE_HINTS = (
    "subscri", "sign", "newsletter", "rights", "©", "(c)", "copyright", "material", "may not be", "script",
    "log", "account", "click", "tap", "scroll", "check back", "developing", "follow", "like us",
    "conversation", "access", "delivery", "comment", "error", "notification", "thank", "asking", "owner",
    "privacy", "terms", "cookie", "read more", "continue reading", "also read", "read also", "more:", "more |",
    "trending", "related", "download", "journalism",
    "become", "continues", "editor",
)
_CAPTION_HINTS = ("photo", "image", "picture", "caption", "credit", "courtesy", "getty", "reuters/", "afp",
                  "epa-efe", "mug", "shutterstock", "handout")


def _is_notice(line: str) -> bool:
    low = line.lower()
    return any(h in low for h in _NOTICE_HINTS) and bool(_NOTICE.search(line))


def _is_caption(line: str) -> bool:
    low = line.lower()
    return any(h in low for h in _CAPTION_HINTS) and bool(_CAPTION.search(line))


def _furniture(line: str, words: int) -> bool:
    """Whether a whole line is page furniture rather than article text."""
    if not re.search(r"\w", line) or _WIDGET.match(line):
        return True
    if words <= 12 and _is_notice(line):
        return True
    if words <= 60 and (_is_caption(line) or _CREDIT.search(line)):
        return True
    if words <= 12 and _BYLINE.match(line):
        return True
    if words <= 15 and (("@" in line or "http" in line or "www." in line) and _CONTACT.search(line)
                        or _DATELINE_LINE.match(line)):
        return True
    if words <= 6 and not re.search(r"[a-z]", line) and re.search(r"[A-Z]{2}", line):
        return True  # a city or a label in capitals: "BRUSSELS", "RELATED"
    return words <= 15 and bool(re.search(r"\d", line)) and not _STAMP.sub("", line).strip()


def _is_headline(line: str, words: int) -> bool:
    """A short first line without final punctuation: the headline, which is not a claim."""
    return 2 <= words <= 25 and len(line) <= 200 and not _END_PUNCT.search(line) and not line[0].islower()


def _lines(text: str, begin: int) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"[^\n]+", text):
        s, e = max(m.start(), begin), m.end()
        line = text[s:e]
        if s < e and line.strip():
            yield s + len(line) - len(line.lstrip()), e - len(line) + len(line.rstrip())


_ABBREVIATION = re.compile(r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Jr|Sr|Inc|Co|Corp|No|Vs|"
                           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")


def _sentences(line: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of a line: a break after . ! ? before a capital, not after "Mr." or "U.S."."""
    start = 0
    for m in re.finditer(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9©])", line):
        if not _ABBREVIATION.search(line[max(start, m.start() - 5):m.start() + 1]):
            yield start, m.end() - len(m[0]) + len(m[0].rstrip())
            start = m.end()
    yield start, len(line)


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.lower()).strip()
