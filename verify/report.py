"""Tables, CSV, JSON: the only module that formats what verify found."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .models import CheckResult, Claim, Quantity, Report

FORMATS = ("table", "github", "csv", "json", "html")

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


def counted(q: Quantity) -> str:
    """What a number counts, in the plural when the number is not one:
    "peacekeeper" -> "peacekeepers"; "deaths" stays."""
    noun = q.counts or q.unit or ""
    if not noun or q.value == 1 or q.kind in ("percent", "money") or noun.endswith("s") or noun in ("injured", "dead", "people"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("ch", "sh", "x")):
        return noun + "es"
    return noun + "s"


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


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


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
    from tabulate import tabulate

    rows = claim_rows(claims, width=0 if fmt == "github" else 70)
    if not rows:
        return "no claims"
    return tabulate(
        rows,
        headers="keys",
        tablefmt="github" if fmt == "github" else "simple",
        maxcolwidths=None if fmt == "github" else [None, 22, 70, 28, 10],
    )


def report_json(report: Report) -> str:
    """The prediction JSON of the evaluation contract."""
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2)


def _csv(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buf.getvalue()


def _evidence(claim: Claim, docs: dict[str, str]) -> str:
    who = claim.speaker or "(outlet)"
    return f"[{docs.get(claim.doc, claim.doc)}] {who}: {' '.join(claim.text.split())}"


def group_rows(report: Report, width: int = 0) -> list[dict[str, str]]:
    """One row per group, and one per single-sourced claim with a number or quote."""
    by_id = {c.id: c for c in report.claims}
    names = {d.id: d.outlet or d.id for d in report.documents}
    rows = []
    for g in report.groups:
        evidence = [_evidence(by_id[i], names) for i in g.claims if i in by_id]
        rows.append(
            {
                "group": g.id,
                "verdict": g.verdict,
                "origins": str(g.origins) + (" (single origin)" if g.origins == 1 else ""),
                "reason": g.reason,
                "evidence": "\n".join(_short(e, width) if width else e for e in evidence),
            }
        )
    grouped = {i for g in report.groups for i in g.claims}
    for c in report.claims:
        if c.id in grouped or not (c.quantities or c.quote):
            continue  # single-sourced numbers and quotations, the facts a checker follows up
        rows.append(
            {
                "group": c.id,
                "verdict": "single source",
                "origins": "1",
                "reason": "; ".join(quantity_label(q) for q in c.quantities) or "quotation found in one document only",
                "evidence": _short(_evidence(c, names), width) if width else _evidence(c, names),
            }
        )
    return rows


def report_output(report: Report, fmt: str) -> str:
    """The cross-source report as ``table``, ``github``, ``csv``, ``json`` or ``html``."""
    if fmt == "json":
        return report_json(report)
    if fmt == "html":
        from .html import report_html

        return report_html(report)
    if fmt == "csv":
        return _csv(group_rows(report))
    from tabulate import tabulate

    rows = group_rows(report, width=0 if fmt == "github" else 100)
    if fmt == "github":
        for r in rows:
            r["evidence"] = r["evidence"].replace("|", "\\|").replace("\n", "<br>")
    summary = (
        f"{len(report.documents)} documents, {len(report.claims)} claims, "
        f"{sum(g.verdict == 'agree' for g in report.groups)} agreements, "
        f"{sum(g.verdict == 'discrepancy' for g in report.groups)} discrepancies"
    )
    if not rows:
        return summary
    table = tabulate(
        rows,
        headers="keys",
        tablefmt="github" if fmt == "github" else "simple",
        maxcolwidths=None if fmt == "github" else [None, None, None, 40, 100],
    )
    flags = "".join(f"\nflag: {f.reason}" for f in report.flags)
    return f"{summary}\n\n{table}{flags}"


def search_output(hits: list[tuple[float, Claim, object]], fmt: str) -> str:
    """Search results: score, source, speaker, claim."""
    rows = [
        {
            "score": f"{score:.2f}",
            "source": getattr(doc, "outlet", None) or claim.doc,
            "speaker": claim.speaker or "(outlet)",
            "claim": " ".join(claim.text.split()),
            "id": claim.id,
        }
        for score, claim, doc in hits
    ]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(rows)
    from tabulate import tabulate

    if not rows:
        return "no claims"
    return tabulate(rows, headers="keys", tablefmt="github" if fmt == "github" else "simple",
                    maxcolwidths=None if fmt == "github" else [None, 24, 20, 70, None])


# -- draft checks --------------------------------------------------------------

_BADGES = {"supported": "✔ supported", "contradicted": "✘ contradicted",
           "single-source": "① single source", "unsupported": "? unsupported"}


def check_output(result: CheckResult, draft_text: str, fmt: str) -> str:
    """A checked draft: ``table`` or ``json`` for a pipeline, ``github`` (an
    annotated Markdown copy) or ``html`` (an annotated page) for a person."""
    if fmt == "json":
        return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2)
    if fmt == "github":
        return _check_markdown(result, draft_text)
    if fmt == "html":
        return _check_html(result, draft_text)
    from tabulate import tabulate

    rows = [
        {"status": c.status, "speaker": c.speaker or "", "claim": _short(c.text, 60), "reason": c.reason,
         "sources": ", ".join(dict.fromkeys(e.doc for e in c.evidence))}
        for c in result.claims
    ]
    if not rows:
        return "no claims in the draft"
    counts = ", ".join(f"{sum(c.status == s for c in result.claims)} {s}" for s in _BADGES)
    return counts + "\n\n" + tabulate(rows, headers="keys", maxcolwidths=[None, 18, 60, 50, 30])


def _check_markdown(result: CheckResult, text: str) -> str:
    out, notes, at = [], [], 0
    for n, c in enumerate(sorted(result.claims, key=lambda c: c.start), 1):
        out.append(text[at : c.start])
        out.append(f"**{text[c.start:c.end]}**[^{n}]")
        at = c.end
        lines = [f"[^{n}]: {_BADGES[c.status]}: {c.reason}"]
        lines += [f"    - {e.doc}: “{_short(e.text, 160)}”" + (f" ({e.reason})" if e.verdict == "discrepancy" else "")
                  for e in c.evidence[:5]]
        notes.append("\n".join(lines))
    out.append(text[at:])
    return "".join(out).rstrip() + "\n\n" + "\n".join(notes) + "\n"


def _check_html(result: CheckResult, text: str) -> str:
    from html import escape

    body, at = [], 0
    for n, c in enumerate(sorted(result.claims, key=lambda c: c.start), 1):
        body.append(escape(text[at : c.start]))
        evidence = "".join(
            f"<li class='{e.verdict}'><b>{escape(e.doc)}</b>: {escape(_short(e.text, 220))}</li>" for e in c.evidence[:5]
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
