"""Tables, CSV, JSON: the only module that formats what verify found."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable

from .models import CheckResult, Claim, Document, DocumentRef, Evidence, Group, Quantity, Report
from .sources import by_article, citation, href, label, link, ranked_conflicts, worst_pair

FORMATS = ("table", "github", "csv", "json", "html", "claimreview")

_SIGNS = {
    "exact": "",
    "approx": "~",
    "more_than": ">",
    "at_least": ">=",
    "less_than": "<",
    "at_most": "<=",
    "vague": "≈",
}


def number(value: float) -> str:
    """6500.0 -> "6,500"; 2.5 -> "2.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6g}"


# English plurals that take no -s (any dictionary's list of irregular
# plurals, those news counts use); a compound takes its last word's.
IRREGULAR = {
    "child": "children", "person": "people", "man": "men", "woman": "women", "foot": "feet", "tooth": "teeth",
    "mouse": "mice", "goose": "geese", "life": "lives", "wife": "wives", "knife": "knives", "half": "halves",
    "thief": "thieves", "shelf": "shelves", "wolf": "wolves", "leaf": "leaves", "criterion": "criteria",
    "phenomenon": "phenomena", "sheep": "sheep", "fish": "fish", "deer": "deer", "aircraft": "aircraft",
    "police": "police", "personnel": "personnel", "staff": "staff", "livestock": "livestock",
}
# Words in -man that are no man ("humans", "Germans").
_NOT_MAN = {"human", "german", "roman", "norman", "shaman", "talisman", "caiman", "ottoman", "walkman"}


def plural_of(noun: str) -> str:
    """The plural of an English noun: "peacekeeper" -> "peacekeepers",
    "child" -> "children", "gunman" -> "gunmen", "police officer" -> "police officers"."""
    head, _, last = noun.rpartition(" ")
    lead = head + " " if head else ""
    low = last.lower()
    if low in IRREGULAR:
        return lead + IRREGULAR[low]
    if low.endswith("man") and low not in _NOT_MAN:
        return lead + last[:-3] + "men"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return lead + last[:-1] + "ies"
    if low.endswith(("ch", "sh", "x", "ss", "z")):
        return lead + last + "es"
    if low.endswith("s"):
        return noun  # "deaths", "troops": already plural
    return lead + last + "s"


def counted(q: Quantity) -> str:
    """What a number counts, in the plural when the number is not one:
    "peacekeeper" -> "peacekeepers", "child" -> "children"; "deaths" stays."""
    noun = q.counts or q.unit or ""
    if not noun or q.value == 1 or q.kind in ("percent", "money") or noun in ("injured", "dead", "people", "shot"):
        return noun
    return plural_of(noun)


def vague_words(q: Quantity) -> str:
    """A vague quantity as the words that state it, with what it counts: "many
    injured", "dozens of square kilometres"; never a made-up number."""
    words = " ".join(q.text.split())
    words = words if words.isupper() or words[:2].isupper() else words[:1].lower() + words[1:]
    unit = counted(q)
    if not unit or q.kind != "count" or unit.lower() in words.lower():
        return words  # "dozens of square kilometers", "millions of dollars": the unit is in the words
    joint = " of " if words.endswith("s") and unit not in ("injured", "shot", "dead") else " "
    return words + joint + unit


def quantity_label(q: Quantity) -> str:
    """``more than 6,500`` -> ``>6,500 deaths``; ``many`` -> ``many injured``."""
    if q.value is None:
        return vague_words(q)
    if q.kind == "range" and q.low is not None and q.high is not None:
        value = f"{number(q.low)}–{number(q.high)}"
    else:
        value = _SIGNS.get(q.qualifier, "") + number(q.value)
    unit = counted(q)
    if q.kind == "percent":
        value += "%"
    elif q.kind == "ordinal":
        value = f"#{value}"
    return f"{value} {unit}" if unit and q.kind != "percent" else value


# -- cells and tables ------------------------------------------------------------

WIDTH = 100
"""Columns of the terminal that the ``table`` format fits."""

# Control characters (tab, escape, C1, line separators) would move a
# terminal's cursor or break a row, and bidirectional overrides would reorder
# the columns after them: each shows as one space.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _clean(text: str) -> str:
    return _CONTROL.sub(" ", text)


def _short(text: str, width: int) -> str:
    text = " ".join(_clean(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _char_cols(ch: str) -> int:
    """Terminal columns of one character: 0 for a combining mark or a joiner, 2 for a wide one."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes (CJK and emoji two, combining marks none)."""
    return sum(_char_cols(ch) for ch in text)


def _wrap_line(line: str, width: int) -> list[str]:
    out: list[str] = []
    current, used = "", 0
    for word in line.split(" "):
        need = columns(word)
        if current and used + 1 + need <= width:
            current, used = current + " " + word, used + 1 + need
            continue
        if current or out:
            out.append(current)
        current, used = "", 0
        while need > width:  # a word longer than the column is cut
            cut, n = "", 0
            for ch in word:
                if n + _char_cols(ch) > width and cut:
                    break
                cut, n = cut + ch, n + _char_cols(ch)
            out.append(cut)
            word = word[len(cut):]
            need = columns(word)
        current, used = word, need
    out.append(current)
    return [x.strip() for x in out if x.strip()] or [""]


def _wrap(text: str, width: int) -> str:
    """Each line of ``text`` wrapped to ``width`` terminal columns (a longer word is cut)."""
    return "\n".join(wrapped for line in text.split("\n") for wrapped in _wrap_line(" ".join(line.split()), width))


def _md(text: str) -> str:
    """A Markdown table cell: pipes escaped, line breaks as ``<br>``."""
    return _clean(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _table(rows: list[dict[str, str]], fmt: str, caps: dict[str, int]) -> str:
    """``rows`` as a GitHub Markdown table, or as a plain table that fits ``WIDTH``.

    Each column is as wide as its longest line up to its cap in ``caps``, in
    terminal columns; the one column without a cap gets the rest. Cells are
    text, never read as numbers ("2,354", "1e5"): tabulate (for Markdown) is
    told so, and the plain table is laid out here.
    """
    headers = list(rows[0])
    if fmt == "github":
        from tabulate import tabulate

        body = [[_md(r[h]) for h in headers] for r in rows]
        return tabulate(body, headers=headers, tablefmt="github", disable_numparse=True)
    cells = [[_clean(r[h]) for h in headers] for r in rows]
    natural = [max([columns(h)] + [columns(x) for row in cells for x in row[i].split("\n")]) for i, h in enumerate(headers)]
    widths = [max(columns(h), min(n, caps[h])) if h in caps else 0 for n, h in zip(natural, headers)]
    rest = WIDTH - 2 * (len(headers) - 1) - sum(widths)
    widths = [w or max(columns(h), min(n, rest)) for w, n, h in zip(widths, natural, headers)]
    body = [[_wrap(c, w).split("\n") for c, w in zip(row, widths)] for row in cells]

    def line(parts: list[str]) -> str:
        return "  ".join(p + " " * (w - columns(p)) for p, w in zip(parts, widths)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    for row in body:
        out += [line([c[i] if i < len(c) else "" for c in row]) for i in range(max(len(c) for c in row))]
    return "\n".join(out)


def _key(numbers: dict[str, int], docs: dict[str, DocumentRef], fmt: str) -> str:
    """The sources cited as ``[n]``: outlet, title, date and link of each."""
    if not numbers:
        return ""
    if fmt == "github":
        lines = []
        for doc_id, n in numbers.items():
            doc = docs.get(doc_id)
            name = label(doc, doc_id)
            target = href(doc)
            title = doc.title if doc and doc.title and doc.title != name else None
            rest = [f"“{title}”" if title else None, doc.date if doc else None, link(doc) or None]
            head = f"[{_md(name)}](<{target}>)" if target else _md(name)
            lines.append(" · ".join([f"{n}. {head}"] + [_md(x) for x in rest if x]))
        return "Sources:\n\n" + "\n".join(lines)
    return "Sources:\n" + "\n".join(
        _wrap(_clean(f"[{n}] {citation(docs.get(d), d)}"), WIDTH - 4).replace("\n", "\n    ") for d, n in numbers.items()
    )


def _csv(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buf.getvalue()


# -- claims ------------------------------------------------------------------------


def claim_rows(claims: Iterable[Claim], width: int = 90) -> list[dict[str, str]]:
    return [
        {
            "id": c.id,
            "speaker": c.speaker or "(outlet)",
            "claim": ("↳ " if c.parent else "") + (_short(c.text, width - 2 * bool(c.parent)) if width else " ".join(c.text.split())),
            "quantities": "; ".join(quantity_label(q) for q in c.quantities),
            "time": c.time or "",
        }
        for c in claims
    ]


def claims_output(claims: list[Claim], fmt: str) -> str:
    """The claims as a table (``table``, ``github``), ``csv`` or ``json``."""
    if fmt == "json":
        return json.dumps([c.model_dump(mode="json") for c in claims], ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(claim_rows(claims, width=0))
    rows = claim_rows(claims, width=0 if fmt == "github" else 120)
    if not rows:
        return "no claims"
    return _table(rows, fmt, {"id": 14, "speaker": 14, "quantities": 16, "time": 10})


# -- the cross-source report -------------------------------------------------------


def _singles(report: Report) -> list[Claim]:
    """Claims in no group that hold a number or a quotation: the facts a checker follows up."""
    grouped = {i for g in report.groups for i in g.claims}
    return [c for c in report.claims if c.id not in grouped and (c.quantities or c.quote)]


def _ordered(groups: list[Group]) -> list[Group]:
    """Discrepancies first, then agreements, each in the order found."""
    return sorted(groups, key=lambda g: g.verdict != "discrepancy")


def summary(report: Report) -> str:
    """``5 documents, 212 claims: 3 discrepancies, 8 agreements, 41 single-source``."""
    from .html import plural

    n_dis = sum(g.verdict == "discrepancy" for g in report.groups)
    line = (
        f"{plural(len(report.documents), 'document')}, {plural(len(report.claims), 'claim')}: "
        f"{plural(n_dis, 'discrepancy', 'discrepancies')}, "
        f"{plural(len(report.groups) - n_dis, 'agreement')}, {len(_singles(report))} single-source"
    )
    return line + (f", {plural(len(report.flags), 'flag')}" if report.flags else "")


def conflict_text(a: Claim, b: Claim, name_a: str, name_b: str) -> str:
    """``>6,500 deaths (name_a) vs 5,000 deaths (name_b)``; for words, who is quoted where."""
    _, qa, qb = worst_pair(a, b)
    if qa is not None and qb is not None:
        return f"{quantity_label(qa)} ({name_a}) vs {quantity_label(qb)} ({name_b})"
    who = a.speaker if a.speaker and a.speaker == b.speaker else None
    return f"{who + ' ' if who else ''}worded differently in {name_a} and {name_b}"


def group_conflicts(group: Group, claims: dict[str, Claim], name: Callable[[str], str]) -> list[str]:
    """Every conflict of a group, worst first, its sources named by ``name(doc_id)``;
    ``claims`` are the report's claims by id."""
    return [conflict_text(a, b, name(a.doc), name(b.doc)) for a, b in ranked_conflicts(group.conflicts, claims)]


def _origins(g: Group) -> str:
    return "1 origin" if g.origins <= 1 else f"{g.origins} origins"


def group_rows(report: Report, width: int = 0, cite: Callable[[str], str] | None = None) -> list[dict[str, str]]:
    """One row per group, discrepancies first, and one per single-sourced claim with
    a number or quote; each source named by ``cite(doc_id)`` (its outlet by default)."""
    by_id = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    cite = cite or (lambda d: label(docs.get(d), d))

    def evidence(c: Claim) -> str:
        line = f"{cite(c.doc)} {c.speaker or '(outlet)'}: {' '.join(c.text.split())}"
        return _short(line, width) if width else line

    rows = []
    for g in _ordered(report.groups):
        clashes = ["✗ " + x for x in group_conflicts(g, by_id, cite)]
        rows.append(
            {
                "verdict": f"{g.verdict} {g.id}\n{_origins(g)}",
                "reason": g.reason,
                "evidence": "\n".join(clashes + [evidence(by_id[i]) for i in g.claims if i in by_id]),
            }
        )
    for c in _singles(report):
        rows.append(
            {
                "verdict": "single source",
                "reason": "; ".join(quantity_label(q) for q in c.quantities) or "quotation in one document only",
                "evidence": evidence(c),
            }
        )
    return rows


def evidence_rows(report: Report) -> list[dict[str, str]]:
    """One row per piece of evidence, with its group and its source: for a spreadsheet."""
    by_id = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}

    def row(group: str, verdict: str, origins: str, reason: str, clashes: str, c: Claim) -> dict[str, str]:
        doc = docs.get(c.doc)
        return {
            "group": group, "verdict": verdict, "origins": origins, "reason": reason, "conflicts": clashes,
            "claim_id": c.id, "speaker": c.speaker or "", "claim": " ".join(c.text.split()),
            "outlet": (doc and doc.outlet) or "", "title": (doc and doc.title) or "", "date": (doc and doc.date) or "",
            "link": link(doc) or c.doc,
        }

    rows = []
    for g in _ordered(report.groups):
        clashes = "; ".join(group_conflicts(g, by_id, lambda d: label(docs.get(d), d)))
        rows += [row(g.id, g.verdict, str(g.origins), g.reason, clashes, by_id[i]) for i in g.claims if i in by_id]
    for c in _singles(report):
        reason = "; ".join(quantity_label(q) for q in c.quantities) or "quotation in one document only"
        rows.append(row(c.id, "single source", "1", reason, "", c))
    return rows


def report_json(report: Report) -> str:
    """The prediction JSON of the evaluation contract; each group's conflicts worst
    first, and its evidence with the outlet, title, date and link of each source."""
    data = report.model_dump(mode="json")
    by_id = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    for g, out in zip(report.groups, data["groups"]):
        out["conflicts"] = [[a.id, b.id] for a, b in ranked_conflicts(g.conflicts, by_id)]
        out["evidence"] = [
            {"claim": c.id, "doc": c.doc, "outlet": doc and doc.outlet, "title": doc and doc.title,
             "date": doc and doc.date, "link": link(doc) or None, "speaker": c.speaker, "text": c.text}
            for c, doc in ((by_id[i], docs.get(by_id[i].doc)) for i in g.claims if i in by_id)
        ]
    return json.dumps(data, ensure_ascii=False, indent=2)


def report_output(report: Report, fmt: str, *, publisher: str | None = None, publisher_url: str | None = None) -> str:
    """The cross-source report as ``table``, ``github``, ``csv``, ``json``, ``html``
    or ``claimreview`` (schema.org JSON-LD, reviewed by ``publisher`` at ``publisher_url``)."""
    if fmt == "json":
        return report_json(report)
    if fmt == "html":
        from .html import report_html

        return report_html(report)
    if fmt == "claimreview":
        from .claimreview import report_claimreview

        return json.dumps(report_claimreview(report, publisher, publisher_url), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(evidence_rows(report))
    docs = {d.id: d for d in report.documents}
    numbers = {d.id: n for n, d in enumerate(report.documents, 1)}
    rows = group_rows(report, width=0 if fmt == "github" else 160, cite=lambda d: f"[{numbers.get(d, d)}]")
    parts = [_wrap(summary(report), WIDTH)]
    if rows:
        parts.append(_table(rows, fmt, {"verdict": 16, "reason": 26}))
    if report.flags:
        parts.append("\n".join(_wrap(f"flag: {_clean(f.reason)}", WIDTH) if fmt != "github" else f"flag: {_md(f.reason)}"
                               for f in report.flags))
    parts.append(_key(numbers, docs, fmt))
    return "\n\n".join(p for p in parts if p)


def search_output(hits: list[tuple[float, Claim, Document]], fmt: str) -> str:
    """Search results: score, source (outlet, date, link), speaker, claim."""
    rows = [
        {
            "score": f"{score:.2f}",
            "source": label(doc, claim.doc),
            "date": doc.date or "",
            "speaker": claim.speaker or "(outlet)",
            "claim": " ".join(claim.text.split()),
            "id": claim.id,
            "link": link(doc),
        }
        for score, claim, doc in hits
    ]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(rows)
    if not rows:
        return "no claims"
    numbers = {d: n for n, d in enumerate(dict.fromkeys(c.doc for _, c, _ in hits), 1)}
    docs = {c.doc: doc for _, c, doc in hits}
    shown = [
        {"score": r["score"], "source": f"[{numbers[c.doc]}] {_short(r['source'], 36) if fmt != 'github' else r['source']}"
         + (f"\n{r['date']}" if r["date"] else ""),
         "speaker": r["speaker"], "claim": r["claim"] if fmt == "github" else _short(r["claim"], 200)}
        for r, (_, c, _) in zip(rows, hits)
    ]
    return _table(shown, fmt, {"score": 5, "source": 20, "speaker": 16}) + "\n\n" + _key(numbers, docs, fmt)  # type: ignore[arg-type]


# -- draft checks --------------------------------------------------------------

_BADGES = {"supported": "✔ supported", "contradicted": "✘ contradicted",
           "single-source": "① single source", "unsupported": "? unsupported"}


_WORST_FIRST = ("contradicted", "unsupported", "single-source", "supported")


def _cited(result: CheckResult) -> tuple[dict[str, int], dict[str, Evidence]]:
    """The articles a check cites, numbered in the order they first appear."""
    first = {e.doc: e for c in result.claims for e in c.evidence[::-1]}
    order = list(dict.fromkeys(e.doc for c in result.claims for e in c.evidence))
    return {d: n for n, d in enumerate(order, 1)}, {d: first[d] for d in order}


def check_summary(result: CheckResult) -> str:
    """``draft.md, 5 claims: 1 contradicted, 2 unsupported, 0 single-source, 2 supported``."""
    from .html import plural

    counts = ", ".join(f"{sum(c.status == s for c in result.claims)} {s}" for s in _WORST_FIRST)
    return f"{result.draft}, {plural(len(result.claims), 'claim')}: {counts}"


def check_output(result: CheckResult, draft_text: str, fmt: str, *, publisher: str | None = None,
                 publisher_url: str | None = None, draft: Document | None = None) -> str:
    """A checked draft: ``table``, ``json`` or ``csv`` for a pipeline, ``github`` (an
    annotated Markdown copy) or ``html`` (an annotated page) for a person,
    ``claimreview`` (schema.org JSON-LD) for a CMS."""
    if fmt == "json":
        return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2)
    if fmt == "github":
        return _check_markdown(result, draft_text)
    if fmt == "html":
        return _check_html(result, draft_text)
    if fmt == "claimreview":
        from .claimreview import check_claimreview

        return json.dumps(check_claimreview(result, publisher, publisher_url, draft), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv([
            {"start": str(c.start), "end": str(c.end), "status": c.status, "speaker": c.speaker or "",
             "claim": " ".join(c.text.split()), "reason": c.reason, "origins": str(c.origins),
             "sources": " | ".join(citation(e, e.doc) for e in by_article(c.evidence))}
            for c in result.claims
        ])
    if not result.claims:
        return "no claims in the draft"
    numbers, sources = _cited(result)
    order = {s: i for i, s in enumerate(_WORST_FIRST)}
    rows = [
        {"status": c.status, "claim": _short(c.text, 160), "reason": _short(c.reason, 240),
         "sources": " ".join(f"[{numbers[d]}]" for d in dict.fromkeys(e.doc for e in c.evidence))}
        for c in sorted(result.claims, key=lambda c: order.get(c.status, 9))
    ]
    parts = [_wrap(check_summary(result), WIDTH), _table(rows, "table", {"status": 13, "claim": 34, "sources": 12}), _key(numbers, sources, "table")]  # type: ignore[arg-type]
    return "\n\n".join(p for p in parts if p)


def _evidence_name(e: Evidence) -> str:
    """``Daily News, 2023-05-04`` (its outlet or title, else its id, and date)."""
    return ", ".join(x for x in (label(e, e.doc), e.date) if x)


def _check_markdown(result: CheckResult, text: str) -> str:
    out, notes, at = [], [], 0
    for n, c in enumerate(sorted(result.claims, key=lambda c: c.start), 1):
        out.append(text[at : c.start])
        out.append(f"**{text[c.start:c.end]}**[^{n}]")
        at = c.end
        lines = [f"[^{n}]: {_BADGES[c.status]}: {c.reason}"]
        for e in c.evidence[:5]:
            target = href(e)
            name = f"[{_evidence_name(e)}](<{target}>)" if target else _evidence_name(e)
            where = f" {link(e)}" if link(e) else ""
            lines.append(f"    - {name}{where}: “{_short(e.text, 160)}”" + (f" ({e.reason})" if e.verdict == "discrepancy" else ""))
        notes.append("\n".join(lines))
    out.append(text[at:])
    return "".join(out).rstrip() + "\n\n" + "\n".join(notes) + "\n"


def _check_html(result: CheckResult, text: str) -> str:
    from html import escape

    def source(e: Evidence) -> str:
        name = escape(_evidence_name(e))
        where = href(e)
        return f"<a href='{escape(where, quote=True)}' rel='noopener noreferrer'>{name}</a>" if where else f"<b>{name}</b>"

    body, at = [], 0
    for n, c in enumerate(sorted(result.claims, key=lambda c: c.start), 1):
        body.append(escape(text[at : c.start]))
        evidence = "".join(
            f"<li class='{e.verdict}'>{source(e)}: {escape(_short(e.text, 220))}</li>" for e in c.evidence[:5]
        )
        body.append(
            f"<span class='claim {c.status}' id='c{n}'><mark>{escape(text[c.start:c.end])}</mark>"
            f"<aside class='note {c.status}'><b>{escape(_BADGES[c.status])}</b> {escape(c.reason)}"
            f"<ul>{evidence}</ul></aside></span>"
        )
        at = c.end
    body.append(escape(text[at:]))
    counts = " · ".join(f"{sum(c.status == s for c in result.claims)} {escape(s)}" for s in _BADGES)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Draft check: "
        + escape(result.draft)
        + "</title><style>body{font:16px/1.6 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}"
        ".text{white-space:pre-wrap;width:58%}.claim mark{padding:0 .1em}"
        ".supported mark{background:#d7f5dd}.contradicted mark{background:#ffd6d6}"
        ".single-source mark{background:#fff1c2}.unsupported mark{background:#e8e8e8}"
        ".note{float:right;clear:right;width:38%;margin-right:-42%;font-size:13px;line-height:1.4;"
        "white-space:normal;border-left:4px solid #999;padding:.3rem .5rem;margin-bottom:.5rem;background:#fafafa}"
        ".note.contradicted{border-color:#c00}.note.supported{border-color:#080}.note.single-source{border-color:#c90}"
        ".note ul{margin:.2rem 0;padding-left:1rem}li.discrepancy{color:#900}"
        "@media print{.note{break-inside:avoid}}</style></head><body>"
        f"<h1>Draft check</h1><p>{escape(result.draft)}: {counts}</p><div class='text'>"
        + "".join(body)
        + "</div></body></html>"
    )
