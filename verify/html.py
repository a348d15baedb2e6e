"""The cross-source report as one self-contained HTML page.

Everything a fact-checker needs to judge a verdict in seconds sits on one page
that opens offline: no fonts, scripts or images are fetched, and a Content
Security Policy forbids scripts outright. Article text is untrusted input, so
every string that comes from a document or from the pipeline (text, speaker,
reason, title, ids) goes through ``html.escape`` before it reaches the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from .models import Claim, DocumentRef, Group, Quantity, Report
from .sources import href, link, ranked_conflicts, worst_pair

__all__ = ["report_html"]

_CSS = """
:root{--ink:#1a1a1a;--muted:#555;--rule:#d0d0d0;--bad:#a1001c;--good:#17602a;
--num:#ffd54a;--quote:#cfe4ff;--paper:#fff;--soft:#f5f5f3}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.5 system-ui,
-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
.page{max-width:80rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .5rem}
h2{font-size:1.3rem;margin:2.5rem 0 1rem;border-bottom:2px solid var(--ink);padding-bottom:.25rem}
h3{font-size:1.1rem;margin:0}
a{color:#0b4f9c}
.counts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0 1rem;padding:0;list-style:none}
.counts b{font-size:1.4rem}
.counts .bad b{color:var(--bad)}.counts .good b{color:var(--good)}
table.docs{border-collapse:collapse;width:100%;font-size:.9rem}
table.docs th,table.docs td{overflow-wrap:anywhere;text-align:left;border-bottom:1px solid var(--rule);padding:.25rem .5rem;vertical-align:top}
table.docs th,table.docs td:nth-child(4){overflow-wrap:normal;white-space:nowrap}
.legend{font-size:.9rem;color:var(--muted)}
.group{border:1px solid var(--rule);border-left:6px solid var(--good);border-radius:4px;
padding:1rem;margin:0 0 1.25rem;break-inside:avoid}
.group.discrepancy{border-left-color:var(--bad)}
.group.flag{border-left-color:#8a5a00}
.verdict{display:inline-block;font-size:.8rem;font-weight:700;text-transform:uppercase;
letter-spacing:.04em;padding:.05rem .45rem;border-radius:3px;color:#fff;background:var(--good);margin-right:.5rem;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.discrepancy .verdict{background:var(--bad)}
.flag .verdict{background:#8a5a00}
.gid{font-size:.8rem;color:var(--muted);font-weight:400;margin-left:.5rem}
.reason{font-size:1.1rem;font-weight:600;margin:.5rem 0 .25rem}
.origins{margin:0 0 .75rem;color:var(--muted)}
.origins.single{color:var(--bad);font-weight:600}
.evidence{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.75rem}
.col{background:var(--soft);border-radius:4px;padding:.6rem .75rem}
.col h4{margin:0 0 .4rem;font-size:.95rem}
.col h4 small,.meta{display:block;font-weight:400;font-size:.8rem;color:var(--muted)}
.meta{margin:0}
.claim{margin:.4rem 0 0;padding-top:.4rem;border-top:1px dashed var(--rule)}
.col h4+.claim{border-top:0;padding-top:0}
.claim.conflict{border-left:4px solid var(--bad);padding-left:.5rem}
.who{font-weight:600;margin:0}
.as{font-weight:400;font-size:.8rem;color:var(--muted)}
.who.own{font-style:italic;font-weight:400;color:var(--muted)}
.text{margin:.2rem 0}
.context{margin:.3rem 0 0;font-size:.85rem;color:var(--muted)}
.context::before{content:"in context: ";font-style:italic}
.clash{margin:.3rem 0 0;font-size:.85rem;font-weight:700;color:var(--bad)}
mark{color:inherit;padding:0 .1em;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.num{background:var(--num);font-weight:700;border-bottom:2px solid #8a6d00}
mark.quote{background:var(--quote)}
.singles{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:.75rem}
.singles li{background:var(--soft);border-radius:4px;padding:.6rem .75rem;break-inside:avoid}
.singles .claim{margin:0;padding:0;border:0}
.none{color:var(--muted);font-style:italic}
.src{margin:0 0 .4rem;font-size:.8rem;overflow-wrap:anywhere}
.conflicts{margin:.25rem 0 .5rem;color:var(--bad)}
@media print{body{font-size:11pt}.page{max-width:none;padding:0}nav{display:none}
a{color:inherit;text-decoration:none}.group,.col,.singles li{break-inside:avoid}}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def plural(n: int, word: str, words: str | None = None) -> str:
    """``plural(1, "flag")`` -> ``1 flag``; ``plural(2, "discrepancy", "discrepancies")``."""
    return f"{n} {word if n == 1 else words or word + 's'}"


def doc_label(doc: DocumentRef | None, doc_id: str) -> str:
    """What a person calls a document: its outlet, else its title, else its id."""
    if doc is None:
        return doc_id
    return doc.outlet or doc.title or doc.id


def _quote_spans(text: str, quote: str | None) -> list[tuple[int, int]]:
    """Where each quoted fragment (joined by " … ") sits in ``text``.

    Fragments are found in order, with any run of whitespace allowed between
    words, since a quote that runs over paragraphs is stored with single spaces.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for fragment in (quote or "").split(" … "):
        words = fragment.split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        found = pattern.search(text, pos) or pattern.search(text)
        if found:
            spans.append(found.span())
            pos = found.end()
    return spans


def _number_spans(text: str, base: int, quantities: Iterable[Quantity]) -> list[tuple[int, int]]:
    """Where each number sits in ``text``, which starts at offset ``base`` of its document."""
    spans = []
    for q in quantities:
        start, end = q.start - base, q.end - base
        if 0 <= start < end <= len(text) and text[start:end] == q.text:
            spans.append((start, end))
        elif q.text and q.text in text:  # offsets that do not fit: fall back to the words
            i = text.index(q.text)
            spans.append((i, i + len(q.text)))
    return spans


def marked(text: str, base: int, quantities: Iterable[Quantity] = (), quote: str | None = None) -> str:
    """``text`` escaped, numbers in ``<mark class="num">``, quoted words in ``<mark class="quote">``.

    A number inside a quotation nests inside its quote mark.
    """
    layers = {"num": _number_spans(text, base, quantities), "quote": _quote_spans(text, quote)}
    cuts = sorted({0, len(text), *(p for spans in layers.values() for s in spans for p in s)})
    out: list[str] = []
    open_q = open_n = False
    for a, b in zip(cuts, cuts[1:]):
        want_q = any(s <= a < e for s, e in layers["quote"])
        want_n = any(s <= a < e for s, e in layers["num"])
        if open_n and (not want_n or want_q != open_q):
            out.append("</mark>")
            open_n = False
        if open_q and not want_q:
            out.append("</mark>")
            open_q = False
        if want_q and not open_q:
            out.append('<mark class="quote">')
            open_q = True
        if want_n and not open_n:
            out.append('<mark class="num">')
            open_n = True
        out.append(_e(text[a:b]))
    out.append("</mark>" * (open_n + open_q))
    return "".join(out)


def _bare(text: str) -> str:
    return " ".join(text.split()).strip(".,;:!?\"“”‘’' ")


class _Page:
    """The report's lookups, and one method per part of the page."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.claims = {c.id: c for c in report.claims}
        self.docs = {d.id: d for d in report.documents}
        grouped = {i for g in report.groups for i in g.claims}
        self.singles = [c for c in report.claims if c.id not in grouped and (c.quantities or c.quote)]

    def label(self, doc_id: str) -> str:
        return doc_label(self.docs.get(doc_id), doc_id)

    def source_link(self, doc: DocumentRef | None) -> str:
        """The article's address, a link when a browser can open it (http(s) or a file)."""
        where = link(doc)
        if not where:
            return ""
        target = href(doc)
        if target is None:
            return f'<p class="src">{_e(where)}</p>'
        return f'<p class="src"><a href="{_e(target)}" rel="noopener noreferrer">{_e(where)}</a></p>'

    def source_line(self, doc_id: str) -> str:
        """The title and date of an article under its name, and its link."""
        doc = self.docs.get(doc_id)
        if doc is None:
            return ""
        title = doc.title if doc.title and doc.title != self.label(doc_id) else None
        meta = " · ".join(x for x in (title and f"“{title}”", doc.date) if x)
        return (f'<p class="meta">{_e(meta)}</p>' if meta else "") + self.source_link(doc)

    def conflicts(self, g: Group) -> str:
        """Every conflict of the group, the largest relative difference first."""
        from .report import quantity_label

        items = []
        for a, b in ranked_conflicts(g.conflicts, self.claims):
            _, qa, qb = worst_pair(a, b)
            if qa is not None and qb is not None:
                text = f"{quantity_label(qa)} ({self.label(a.doc)}) vs {quantity_label(qb)} ({self.label(b.doc)})"
            else:
                text = f"worded differently in {self.label(a.doc)} and {self.label(b.doc)}"
            items.append(f'<li><a href="#{_e(a.id)}">{_e(text)}</a></li>')
        return f'<ol class="conflicts">{"".join(items)}</ol>' if items else ""

    def claim(self, c: Claim, clashes: Iterable[str] = ()) -> str:
        """Speaker, the claim with its marks, its sentence when it is a number's clause."""
        if c.speaker:
            who = _e(c.speaker)
            mention = c.speaker_mention
            if mention and mention.strip() and mention.strip() != c.speaker:
                who += f' <span class="as">(as “{_e(mention.strip())}”)</span>'
            who = f'<p class="who">{who}</p>'
        else:
            who = '<p class="who own">outlet\'s own voice</p>'
        meta = [x for x in (c.cue and f"{c.kind or ''} quote, “{c.cue}”", c.time and f"about {c.time}") if x]
        html = who + (f'<p class="meta">{_e(" · ".join(meta))}</p>' if meta else "")
        html += f'<p class="text">{marked(c.text, c.start, c.quantities, c.quote)}</p>'
        parent = self.claims.get(c.parent) if c.parent else None
        # a number's clause is shown in its sentence, unless the clause is the whole sentence
        if parent is not None and _bare(parent.text) != _bare(c.text):
            html += f'<p class="context">{marked(parent.text, parent.start, c.quantities, parent.quote)}</p>'
        clashes = list(clashes)
        if clashes:
            html += f'<p class="clash">✗ conflicts with {_e(", ".join(clashes))}</p>'
        cls = "claim conflict" if clashes else "claim"
        return f'<div class="{cls}" id="{_e(c.id)}">{html}</div>'

    def columns(self, ids: Iterable[str], conflicts: Iterable[tuple[str, str]] = ()) -> str:
        """One column per document, in the order the documents first appear."""
        against: dict[str, list[str]] = {}
        for a, b in conflicts:
            for x, y in ((a, b), (b, a)):
                if y in self.claims:
                    against.setdefault(x, []).append(self.label(self.claims[y].doc))
        by_doc: dict[str, list[Claim]] = {}
        for i in ids:
            if i in self.claims:
                by_doc.setdefault(self.claims[i].doc, []).append(self.claims[i])
        cols = []
        for doc_id, claims in by_doc.items():
            doc = self.docs.get(doc_id)
            label = self.label(doc_id)
            title = doc.title if doc and doc.title and doc.title != label else None
            sub = " · ".join(x for x in (title and f"“{title}”", doc_id if doc_id != label else None, doc.date if doc else None) if x)
            head = f"<h4>{_e(label)}" + (f"<small>{_e(sub)}</small>" if sub else "") + "</h4>" + self.source_link(doc)
            cols.append(f'<div class="col">{head}{"".join(self.claim(c, against.get(c.id, ())) for c in claims)}</div>')
        return f'<div class="evidence">{"".join(cols)}</div>'

    def group(self, g: Group) -> str:
        ndocs = len({self.claims[i].doc for i in g.claims if i in self.claims})
        if g.origins <= 1:
            origins = f"single origin: {plural(ndocs, 'document')}, one source behind them all"
        else:
            origins = f"{g.origins} independent origins in {plural(ndocs, 'document')}"
        single = " single" if g.origins <= 1 else ""
        return (
            f'<article class="group {_e(g.verdict)}" id="{_e(g.id)}">'
            f'<h3><span class="verdict">{"≠ " if g.verdict == "discrepancy" else "= "}{_e(g.verdict)}</span>'
            f'<a class="gid" href="#{_e(g.id)}">{_e(g.id)}</a></h3>'
            f'<p class="reason">{_e(g.reason or g.verdict)}</p>{self.conflicts(g)}<p class="origins{single}">{origins}</p>'
            f"{self.columns(g.claims, g.conflicts)}</article>"
        )

    def header(self) -> str:
        r = self.report
        n_dis = sum(g.verdict == "discrepancy" for g in r.groups)
        n_agr = sum(g.verdict == "agree" for g in r.groups)
        counts = [  # class, how many, of what, where they are
            ("", plural(len(r.documents), "document"), "#documents"),
            ("", plural(len(r.claims), "claim"), ""),
            ("good", plural(n_agr, "agreement"), "#agreements"),
            ("bad", plural(n_dis, "discrepancy", "discrepancies"), "#discrepancies"),
            ("", plural(len(self.singles), "single-sourced fact"), "#single"),
            ("", plural(len(r.flags), "flag"), "#flags"),
        ]
        items = []
        for cls, text, href in counts:
            n, what = text.split(" ", 1)
            n = f'<a href="{href}"><b>{n}</b></a>' if href else f"<b>{n}</b>"
            items.append(f'<li class="{cls}">{n} {what}</li>')
        rows = "".join(
            f"<tr><td>{_e(d.id)}</td><td>{_e(d.outlet or '—')}</td><td>{_e(d.title or '—')}</td>"
            f"<td>{_e(d.date or '—')}</td><td>{self.source_link(d) or '—'}</td></tr>"
            for d in r.documents
        )
        return (
            f'<header><h1>Cross-source report</h1><ul class="counts">{" ".join(items)}</ul>'
            '<p class="legend">In the evidence, <mark class="num">numbers</mark> and '
            '<mark class="quote">quoted words</mark> are highlighted; a red bar marks '
            "the claims that conflict.</p>"
            f'<table class="docs" id="documents"><thead><tr><th>id</th><th>outlet</th><th>title</th>'
            f"<th>date</th><th>link</th></tr></thead><tbody>{rows}</tbody></table></header>"
        )

    def section(self, anchor: str, title: str, count: int, body: list[str], empty: str) -> str:
        inner = "\n".join(body) if body else f'<p class="none">{empty}</p>'
        return f'<section id="{anchor}"><h2>{title} ({count})</h2>\n{inner}\n</section>'

    def flags(self) -> list[str]:
        return [
            f'<article class="group flag" id="flag-{n}"><h3><span class="verdict">! flag</span></h3>'
            f'<p class="reason">{_e(f.reason)}</p>{self.columns(f.claims)}</article>'
            for n, f in enumerate(self.report.flags, 1)
        ]

    def single_sourced(self) -> list[str]:
        by_doc: dict[str, list[Claim]] = {}
        for c in self.singles:
            by_doc.setdefault(c.doc, []).append(c)
        return [
            f"<h3>{_e(self.label(doc_id))}"
            + (f' <span class="gid">{_e(doc_id)}</span>' if self.label(doc_id) != doc_id else "")
            + "</h3>"
            + self.source_line(doc_id)
            + f'<ul class="singles">{"".join(f"<li>{self.claim(c)}</li>" for c in claims)}</ul>'
            for doc_id, claims in by_doc.items()
        ]


def report_html(report: Report) -> str:
    """The whole report as one self-contained HTML page (inline CSS, no scripts)."""
    page = _Page(report)
    discrepancies = [page.group(g) for g in report.groups if g.verdict == "discrepancy"]
    agreements = [page.group(g) for g in report.groups if g.verdict != "discrepancy"]
    singles = page.single_sourced()
    title = "verify report: " + ", ".join(
        [plural(len(discrepancies), "discrepancy", "discrepancies"), plural(len(agreements), "agreement"),
         plural(len(report.documents), "document")]
    )
    body = "\n".join(
        [
            page.header(),
            "<main>",
            page.section("discrepancies", "Discrepancies", len(discrepancies), discrepancies, "None found."),
            page.section("agreements", "Agreements", len(agreements), agreements, "None found."),
            page.section("flags", "Flags", len(report.flags), page.flags(), "Nothing flagged."),
            page.section("single", "Single-sourced facts", len(page.singles), singles, "No numbers or quotes."),
            "</main>",
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>"
        f'<body><div class="page">{body}</div></body></html>\n'
    )
