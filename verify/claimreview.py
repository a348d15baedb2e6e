"""schema.org ClaimReview JSON-LD: what a CMS or a search engine reads of a
fact-check (https://schema.org/ClaimReview).

One review for each discrepancy of a report and for each claim of a checked
draft. ``reviewRating`` holds the verdict in words (``alternateName``) and on
the numeric scale of ``RATINGS``, from 1 (worst) to 5 (best).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .models import CheckedClaim, CheckResult, Claim, Document, DocumentRef, Evidence, Group, Report
from .sources import by_article, href, label, ranked_conflicts

__all__ = ["RATINGS", "check_claimreview", "report_claimreview", "claim_reviewed"]

CONTEXT = "https://schema.org"
RATINGS = {
    "contradicted": 1,  # the corpus states otherwise
    "discrepancy": 2,  # sources report it differently
    "unsupported": 3,  # nothing in the corpus states it
    "single-source": 4,  # one origin states it
    "supported": 5,  # two or more independent origins state it
}
WORST, BEST = 1, 5
LIMIT = 74
"""``claimReviewed`` stays under 75 characters."""


def claim_reviewed(text: str, limit: int = LIMIT) -> str:
    """The claim in at most ``limit`` characters, cut at a word with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] not in " ,;:.!?" and " " in cut[limit // 2 :]:  # not in the middle of a word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def _url(source: DocumentRef | Document | Evidence | None) -> str | None:
    """An address a reader opens: the record's http(s) url, else the file as a ``file:`` URI."""
    if source is None:
        return None
    found = href(source)
    if found is None and source.path:
        try:
            found = Path(source.path).resolve().as_uri()
        except ValueError:
            return None
    return found


def _date(value: str | None) -> str | None:
    """An ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), or None."""
    if not value:
        return None
    try:
        dt.date.fromisoformat(value[:10])
        return value[:10]
    except ValueError:
        return value if value[:4].isdigit() and len(value) in (4, 7) else None


def _drop_none(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v is not None and v != []}


def _work(source: DocumentRef | Document | Evidence | None, doc_id: str) -> dict[str, Any]:
    """An article as a CreativeWork: url, headline, date, outlet."""
    outlet = source.outlet if source else None
    return _drop_none(
        {
            "@type": "CreativeWork",
            "url": _url(source),
            "headline": (source.title if source else None) or label(source, doc_id),
            "datePublished": _date(source.date) if source else None,
            "publisher": {"@type": "Organization", "name": outlet} if outlet else None,
        }
    )


def _who(name: str, kind: str | None) -> dict[str, str]:
    return {"@type": "Person" if kind == "person" else "Organization", "name": name}


def _rating(key: str, words: str) -> dict[str, Any]:
    return {"@type": "Rating", "ratingValue": RATINGS[key], "bestRating": BEST, "worstRating": WORST,
            "alternateName": words}


def _sources(n: int) -> str:
    return f"{n} source" if n == 1 else f"{n} sources"


def _review(claim: str, body: str, rating: dict[str, Any], item: dict[str, Any], anchor: str,
            publisher: str | None, publisher_url: str | None, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    author = _drop_none({"@type": "Organization", "name": publisher or "verify", "url": publisher_url})
    return _drop_none(
        {
            "@type": "ClaimReview",
            "url": f"{publisher_url}#{anchor}" if publisher_url else None,
            "author": author,
            "datePublished": dt.date.today().isoformat(),
            "claimReviewed": claim_reviewed(claim),
            "reviewBody": body,
            "reviewRating": rating,
            "itemReviewed": item,
            **(extra or {}),
        }
    )


def _earliest(dates: Iterable[str | None]) -> str | None:
    known = sorted(d for d in (_date(x) for x in dates) if d)
    return known[0] if known else None


def _group_review(report: Report, g: Group, claims: dict[str, Claim], docs: dict[str, DocumentRef],
                  publisher: str | None, publisher_url: str | None) -> dict[str, Any]:
    ranked = ranked_conflicts(g.conflicts, claims)
    members = [claims[i] for i in g.claims if i in claims]
    first = ranked[0][0] if ranked else members[0]
    apart = {c.doc for pair in ranked for c in pair} or {c.doc for c in members}
    doc_ids = list(dict.fromkeys(c.doc for c in members))
    source = docs.get(first.doc)
    author = _who(first.speaker, first.speaker_type) if first.speaker else _who(label(source, first.doc), "outlet")
    item = _drop_none(
        {
            "@type": "Claim",
            "author": author,
            "datePublished": _earliest(docs[d].date if d in docs else None for d in doc_ids),
            "appearance": [_work(docs.get(d), d) for d in doc_ids],
        }
    )
    rating = _rating("discrepancy", f"Reported differently by {_sources(len(apart))}")
    return _review(first.text, g.reason, rating, item, g.id, publisher, publisher_url)


def report_claimreview(report: Report, publisher: str | None = None, publisher_url: str | None = None) -> dict[str, Any]:
    """One ClaimReview for each discrepancy of ``report``, as a JSON-LD ``@graph``."""
    claims = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    graph = [
        _group_review(report, g, claims, docs, publisher, publisher_url)
        for g in report.groups
        if g.verdict == "discrepancy" and any(i in claims for i in g.claims)
    ]
    return {"@context": CONTEXT, "@graph": graph}


def _check_rating(c: CheckedClaim) -> dict[str, Any]:
    if c.status == "contradicted":
        n = len({e.doc for e in c.evidence if e.verdict == "discrepancy"})
        return _rating("contradicted", f"Contradicted by {_sources(n)}")
    if c.status == "supported":
        return _rating("supported", f"Supported by {c.origins} independent sources")
    if c.status == "single-source":
        return _rating("single-source", "Single source")
    return _rating("unsupported", "Unsupported")


def check_claimreview(result: CheckResult, publisher: str | None = None, publisher_url: str | None = None,
                      draft: Document | None = None) -> dict[str, Any]:
    """One ClaimReview for each claim of a checked draft, as a JSON-LD ``@graph``;
    the articles of the evidence are its ``citation``."""
    draft_work = _work(draft, result.draft) if draft else {"@type": "CreativeWork", "headline": result.draft}
    own = (draft.outlet if draft else None) or publisher or (label(draft, result.draft) if draft else result.draft)
    graph = []
    for n, c in enumerate(sorted(result.claims, key=lambda c: c.start), 1):
        evidence = by_article(c.evidence)
        author = _who(c.speaker, c.speaker_type) if c.speaker else _who(own, "outlet")
        item = _drop_none(
            {
                "@type": "Claim",
                "author": author,
                "datePublished": _date(draft.date if draft else None) or _earliest(e.date for e in evidence),
                "appearance": [draft_work],
            }
        )
        cited = {"citation": [_work(e, e.doc) for e in evidence]} if evidence else None
        graph.append(_review(c.text, c.reason, _check_rating(c), item, f"c{n}", publisher, publisher_url, cited))
    return {"@context": CONTEXT, "@graph": graph}
