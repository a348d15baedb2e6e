"""A checked draft back into Word: a copy of the ``.docx`` with a comment on each claim to look at.

Each claim of the draft that is contradicted, single-source or unsupported
gets a Word comment anchored on its words: its status, the reason, and the
sources with outlet, title, date and link. The draft's text is untouched:
runs are split at a claim's edges (each half keeps the run's formatting),
and a comment adds only its range marks and its reference.

Offsets map back to runs the way ``verify.read`` reads a ``.docx``: the
text of the body's paragraphs that hold any, joined by a blank line, each
paragraph's text being its runs' (and its hyperlinks' runs') text.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import InputError
from .models import CheckedClaim, CheckResult
from .sources import by_article, citation

__all__ = ["COMMENTED", "commented_docx"]

COMMENTED = ("contradicted", "single-source", "unsupported")
"""The statuses that get a comment; a supported claim needs none."""
AUTHOR, INITIALS = "verify", "vf"
SOURCES = 5
"""Sources listed in one comment."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# The run children that hold text, as python-docx reads a run's text.
_TEXT_TAGS = {f"{_W}{t}" for t in ("t", "tab", "br", "cr", "noBreakHyphen", "ptab")}
_BADGES = {"contradicted": "✘ Contradicted", "single-source": "① Single source", "unsupported": "? Unsupported",
           "supported": "✔ Supported"}
_SEPARATOR = "\n\n"


def commented_docx(draft: str | os.PathLike[str], result: CheckResult, out: str | os.PathLike[str],
                   statuses: Sequence[str] = COMMENTED) -> int:
    """Write to ``out`` a copy of the ``.docx`` ``draft`` with a comment on each claim of
    ``result`` whose status is in ``statuses``; returns how many comments it holds.

    ``result`` must come from checking this very file (its offsets are into the
    text ``verify.read`` reads from it).
    """
    import docx

    draft, out = Path(draft), Path(out)
    try:
        document = docx.Document(str(draft))
    except Exception:  # python-docx raises BadZipFile, KeyError, PackageNotFoundError, ...
        raise InputError(f"{draft}: not a valid .docx file; open it in Word and save it again as .docx") from None
    paragraphs = _paragraphs(document)
    text = _SEPARATOR.join(p.text for _, p in paragraphs)
    if any(text[c.start : c.end] != c.text for c in result.claims):
        raise InputError(f"{draft}: the check does not fit this file's text (was it edited since?); check it again")
    n = 0
    for claim in sorted(result.claims, key=lambda c: c.start):
        if claim.status not in statuses:
            continue
        runs = _runs_of(paragraphs, claim.start, claim.end)
        if not runs:
            continue
        comment = document.add_comment(runs, text=f"{_BADGES[claim.status]}: {claim.reason}", author=AUTHOR,
                                       initials=INITIALS)
        for line in _sources(claim):
            comment.add_paragraph(line)
        n += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return n


def _sources(claim: CheckedClaim) -> list[str]:
    """One line per article of the evidence: outlet · “title” · date · link, and what it says."""
    lines = []
    for e in by_article(claim.evidence)[:SOURCES]:
        said = " ".join(e.text.split())
        said = said if len(said) <= 200 else said[:199] + "…"
        mark = "≠ " if e.verdict == "discrepancy" else "= "
        lines.append(f"{mark}{citation(e, e.doc)}: “{said}”")
    return lines


def _paragraphs(document: Any) -> list[tuple[int, Any]]:
    """The paragraphs that hold text, each with its offset in the text read from the file."""
    out, at = [], 0
    for p in document.paragraphs:
        text = p.text
        if not text.strip():
            continue
        out.append((at, p._p))
        at += len(text) + len(_SEPARATOR)
    return out


def _run_text(r: Any) -> str:
    return "".join(str(e) for e in r if e.tag in _TEXT_TAGS)


def _text_runs(p: Any) -> list[Any]:
    """The runs whose text makes up the paragraph's text, in order."""
    return p.xpath("./w:r | ./w:hyperlink/w:r")


def _runs_of(paragraphs: list[tuple[int, Any]], start: int, end: int) -> list[Any]:
    """The runs that hold exactly the characters ``start:end`` of the text, split where needed."""
    from docx.text.run import Run

    runs: list[Any] = []
    for at, p in paragraphs:
        length = len(p.text)
        lo, hi = max(start - at, 0), min(end - at, length)
        if lo >= hi:
            continue
        _cut(p, lo)
        _cut(p, hi)
        pos = 0
        for r in _text_runs(p):
            n = len(_run_text(r))
            if n and pos >= lo and pos + n <= hi:
                runs.append(r)
            pos += n
    # the comment's range runs from the first run to the last
    return [Run(r, None) for r in runs[:1] + runs[-1:]] if runs else []  # type: ignore[arg-type]


def _cut(p: Any, offset: int) -> None:
    """Make a run boundary at ``offset`` of paragraph ``p``'s text."""
    pos = 0
    for r in _text_runs(p):
        n = len(_run_text(r))
        if pos < offset < pos + n:
            _split(r, offset - pos)
            return
        pos += n


def _split(r: Any, k: int) -> None:
    """Split run ``r`` after its ``k``-th character into two runs of the same properties."""
    right = copy.deepcopy(r)
    r.addnext(right)
    pos = 0
    for left_child, right_child in zip(list(r), list(right)):
        if left_child.tag == f"{_W}rPr":
            continue
        text = str(left_child) if left_child.tag in _TEXT_TAGS else ""
        if pos + len(text) <= k:  # wholly before the cut (so are marks of no width at it)
            right.remove(right_child)
        elif pos >= k:
            r.remove(left_child)
        else:  # a w:t the cut falls in
            left_child.text, right_child.text = text[: k - pos], text[k - pos :]
            for t in (left_child, right_child):
                t.set(_XML_SPACE, "preserve")
        pos += len(text)
