"""Metadata at the top of a text: front matter, "Key: value" lines, a leading date."""

from __future__ import annotations

import re

from verify.extract.timeref import DATE_PATTERN, parse_date

__all__ = ["FIELDS", "metadata"]

# Field names of JSON records as common crawlers and APIs write them
# (news-please: maintext, date_publish, source_domain; newspaper3k:
# publish_date; RSS: pubDate; schema.org NewsArticle: headline,
# datePublished, articleBody).
FIELDS = {
    "id": ("id", "doc_id"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site_name", "source_domain"),
    "date": ("date", "dct", "published", "published_at", "publishedat", "publication_date",
             "pubdate", "datepublished", "date_publish", "publish_date"),
    "url": ("url", "uri", "link", "canonical"),
}
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


def metadata(text: str, front_matter: bool) -> tuple[list[tuple[int, int]], dict[str, str], int]:
    """Metadata at the top of ``text``: the spans it takes, its fields, where the body begins."""
    spans: list[tuple[int, int]] = []
    meta: dict[str, str] = {}
    pos = 0
    m = _FRONT_MATTER.match(text) if front_matter else None
    if m:
        for line in m[2].splitlines():
            key, sep, value = line.partition(":") if ":" in line else line.partition("=")
            key = key.strip().lower()
            name = next((n for n, keys in FIELDS.items() if key in keys), None)
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


