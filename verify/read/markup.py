"""HTML pages as text of the page's length, so that offsets into the text are offsets into the file."""

from __future__ import annotations

import html
import json
import re

__all__ = ["html_text"]

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


# -- Markdown -----------------------------------------------------------------
#
# A draft or an article in Markdown is read as the words a reader sees: the
# markup is blanked in place (the text keeps its length, so every offset is
# one into the file), as HTML's tags are. CommonMark's shapes: links and
# images, emphasis, inline code, headings, list markers, block quotes and
# rules. Front matter stays for the metadata reader.

_FRONT = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^\n]+?)(?<=[^\s*_])\1(?![\w*])")
_CODE = re.compile(r"`+")
_LINE_MARK = re.compile(r"^([ \t]*)(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)", re.M)
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
_TRAILING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.M)


def markdown_text(raw: str) -> str:
    """``raw`` Markdown with its markup made spaces (same length)."""
    front = _FRONT.match(raw)
    start = front.end() if front else 0
    chars = list(raw)

    def blank(a: int, b: int) -> None:
        for k in range(max(a, start), b):
            if chars[k] != "\n":
                chars[k] = " "

    for m in _IMAGE.finditer(raw):
        blank(m.start(), m.end())
    for m in _LINK.finditer(raw):
        blank(m.start(), m.start(1))
        blank(m.end(1), m.end())
    for pattern in (_STRONG, _EMPHASIS):
        text = "".join(chars)
        for m in pattern.finditer(text):
            blank(m.start(1), m.end(1))
            blank(m.end(2), m.end())
    for m in _CODE.finditer(raw):
        blank(m.start(), m.end())
    for m in _RULE.finditer(raw):
        blank(m.start(), m.end())
    for m in _LINE_MARK.finditer(raw):
        blank(m.start(2), m.end(2))
    for m in _TRAILING_HASHES.finditer(raw):
        if raw[raw.rfind("\n", 0, m.start()) + 1 :].lstrip().startswith("#"):
            blank(m.start(), m.end())
    return "".join(chars)
