"""Tables, CSV, JSON: the only module that formats what verify found."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .models import Claim, Quantity, Report

FORMATS = ("table", "github", "csv", "json")

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


def quantity_label(q: Quantity) -> str:
    """``more than 6,500`` -> ``>6,500 deaths``."""
    if q.kind == "range" and q.low is not None and q.high is not None:
        value = f"{number(q.low)}–{number(q.high)}"
    else:
        value = _SIGNS.get(q.qualifier, "") + number(q.value)
    unit = q.counts or q.unit
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
            "claim": _short(c.text, width) if width else " ".join(c.text.split()),
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
