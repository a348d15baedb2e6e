"""Scores of a report against a gold file, as ``shared/gold/FORMAT.md`` defines them.

A prediction meets a gold span when their character ranges overlap (``[start,
end)``, end exclusive, offsets into the text as read from the file). When
several predictions overlap one gold span, the one that overlaps it most wins,
and the first in report order breaks a tie. Every measure keeps its items,
right or wrong, so a reader can see why a score is what it is.
"""

from __future__ import annotations

import json
import math
import textwrap
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError, model_validator
from tabulate import tabulate

from .errors import GoldError
from .models import AttributionKind, Claim, Group, Qualifier, Quantity, Report, Verdict

__all__ = [
    "Gold",
    "GoldAttribution",
    "GoldClaim",
    "GoldDocument",
    "GoldGroup",
    "GoldQuantity",
    "GoldSpan",
    "GoldTrap",
    "Item",
    "Measure",
    "Scores",
    "evaluate",
    "format_scores",
    "load_gold",
    "score",
]

T = TypeVar("T", Claim, Quantity)


# -- the gold file ------------------------------------------------------------


class GoldSpan(BaseModel):
    """A span of one document; on its own, an ``ignore`` span."""

    doc: str
    start: int = Field(ge=0)
    end: int
    anchor: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> GoldSpan:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        return self


class GoldClaim(GoldSpan):
    """A claim that groups, single-source items or traps refer to."""

    id: str


class GoldQuantity(GoldClaim):
    """A numeric claim; ``start``/``end`` are those of ``number``."""

    number: str
    value: float
    accept_values: list[float] = Field(default_factory=list)
    qualifier: Qualifier
    counts: str | None = None
    optional: bool = False

    @model_validator(mode="after")
    def _accept_value(self) -> GoldQuantity:
        if not self.accept_values:
            self.accept_values = [self.value]
        return self


class GoldAttribution(GoldClaim):
    """Who made the claim around ``anchor``."""

    speaker: str
    aliases: list[str] = Field(default_factory=list)
    kind: AttributionKind | None = None


class GoldDocument(BaseModel):
    id: str
    date: str | None = None


class GoldGroup(BaseModel):
    """Claims about one fact across sources.

    ``anchors``, when given, name for each member (same position) the gold
    claim whose span locates it, for a member whose own span is elsewhere.
    """

    id: str
    verdict: Verdict
    members: list[str] = Field(min_length=2)
    anchors: list[str] | None = None
    note: str = ""


class GoldTrap(BaseModel):
    """Two claims that look alike but must not be called a discrepancy."""

    id: str
    members: tuple[str, str]
    must_not: Literal["discrepancy"] = "discrepancy"
    why: str = ""


class Gold(BaseModel):
    """A gold file; ``path`` is where :func:`load_gold` read it."""

    corpus: str
    format_version: int = 1
    documents: list[GoldDocument] = Field(default_factory=list)
    quantities: list[GoldQuantity] = Field(default_factory=list)
    ignore: list[GoldSpan] = Field(default_factory=list)
    attributions: list[GoldAttribution] = Field(default_factory=list)
    claims: list[GoldClaim] = Field(default_factory=list)
    groups: list[GoldGroup] = Field(default_factory=list)
    single_source: list[str] = Field(default_factory=list)
    traps: list[GoldTrap] = Field(default_factory=list)
    path: Path | None = Field(default=None, exclude=True)

    @property
    def corpus_dir(self) -> Path:
        """The documents' folder: ``corpus`` relative to the gold file."""
        return ((self.path.parent if self.path else Path()) / self.corpus).resolve()

    def spans(self) -> dict[str, GoldClaim]:
        """Every quantity, attribution and claim by id."""
        return {s.id: s for s in [*self.quantities, *self.attributions, *self.claims]}

    @model_validator(mode="after")
    def _references(self) -> Gold:
        seen: set[str] = set()
        for s in [*self.quantities, *self.attributions, *self.claims]:
            if s.id in seen:
                raise ValueError(f"id {s.id!r} is used twice")
            seen.add(s.id)
        spans = self.spans()
        docs = {d.id for d in self.documents}
        for s in [*spans.values(), *self.ignore]:
            if docs and s.doc not in docs:
                raise ValueError(f"document {s.doc!r} is not in documents")
        refs = [(g.id, m) for g in self.groups for m in [*g.members, *(g.anchors or [])]]
        refs += [("single_source", m) for m in self.single_source]
        refs += [(t.id, m) for t in self.traps for m in t.members]
        for owner, ref in refs:
            if ref not in spans:
                raise ValueError(f"{owner} names {ref!r}, which is no quantity, attribution or claim")
        for g in self.groups:
            if g.anchors is not None and len(g.anchors) != len(g.members):
                raise ValueError(f"{g.id} has {len(g.anchors)} anchors for {len(g.members)} members")
        return self


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; raise GoldError naming the file if it cannot be used."""
    path = Path(path)
    where = f"Gold file {path}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{where} does not exist; give the path of a gold JSON file") from None
    except IsADirectoryError:
        raise GoldError(f"{where} is a folder; give the path of a gold JSON file") from None
    except UnicodeDecodeError:
        raise GoldError(f"{where} is not UTF-8 text; give the path of a gold JSON file") from None
    except json.JSONDecodeError as e:
        raise GoldError(f"{where} is not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}") from None
    except OSError as e:
        raise GoldError(f"{where} cannot be read: {e.strerror}") from None
    if not isinstance(data, dict):
        raise GoldError(f"{where} must hold one JSON object (see gold/FORMAT.md)")
    try:
        gold = Gold.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        raise GoldError(f"{where} is invalid: {loc + ': ' if loc else ''}{msg} (see gold/FORMAT.md)") from None
    gold.path = path
    return gold


# -- scores -------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One gold item (or one predicted quantity) and what the report made of it."""

    gold: str
    """The gold id; for a predicted quantity, the gold span it met ("" for none)."""
    doc: str
    ok: bool
    """The report got this item right (for a trap: did not spring it)."""
    expected: str
    got: str
    why: str = ""
    claim: str | None = None
    """The predicted claim(s) looked at."""
    text: str = ""
    """The text of the predicted claim, when there is one."""


@dataclass(frozen=True)
class Measure:
    """A score and the items it counts."""

    name: str
    items: tuple[Item, ...]
    count_misses: bool = False
    """Count the items the report got wrong (traps sprung) rather than right."""

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def count(self) -> int:
        misses = len(self.misses)
        return misses if self.count_misses else self.total - misses

    @property
    def value(self) -> float | None:
        return self.count / self.total if self.total else None

    @property
    def misses(self) -> list[Item]:
        return [i for i in self.items if not i.ok]

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "count": self.count, "total": self.total,
                "misses": [asdict(i) for i in self.misses]}


@dataclass(frozen=True)
class Scores:
    quantity_recall: Measure
    quantity_precision: Measure
    normalised: Measure
    attribution: Measure
    groups: Measure
    single_source: Measure
    traps: Measure
    missing_documents: tuple[str, ...] = ()
    """Gold documents the report does not list (a wrong folder scores zero)."""

    def measures(self) -> dict[str, Measure]:
        return {k: getattr(self, k) for k in (
            "quantity_recall", "quantity_precision", "normalised", "attribution",
            "groups", "single_source", "traps")}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: m.to_dict() for k, m in self.measures().items()}
        out["missing_documents"] = list(self.missing_documents)
        return out


def _overlap(a: GoldSpan | Claim | Quantity, b: GoldSpan | Claim | Quantity) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _best(span: GoldSpan, pairs: Iterable[tuple[Claim, T]]) -> tuple[Claim, T] | None:
    """The (claim, claim or quantity) pair of span's document overlapping it most, the first on a tie."""
    best, most = None, 0
    for claim, thing in pairs:
        if (n := _overlap(span, thing)) > most:
            best, most = (claim, thing), n
    return best


def _name_key(name: str) -> str:
    """A name with case, punctuation (’ and ' alike) and spacing ignored."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("P") and ch not in "`´ʼ")
    return " ".join(text.split())


def _describe(q: Quantity | GoldQuantity) -> str:
    return f"{'no value' if q.value is None else format(q.value, 'g')} {q.qualifier}"


def _same(value: float, accept: list[float]) -> bool:
    return any(math.isclose(value, v, rel_tol=1e-9, abs_tol=1e-9) for v in accept)


class _Prediction:
    """A report indexed for scoring."""

    def __init__(self, report: Report) -> None:
        self.claims = {c.id: c for c in report.claims}
        self.groups = report.groups
        self.by_doc: dict[str, list[tuple[Claim, Claim]]] = defaultdict(list)
        self.held: dict[str, list[tuple[Claim, Quantity]]] = defaultdict(list)
        unique: dict[tuple[str, int, int], tuple[Claim, Quantity]] = {}
        for c in report.claims:
            self.by_doc[c.doc].append((c, c))
            for q in c.quantities:
                self.held[c.doc].append((c, q))
                unique.setdefault((c.doc, q.start, q.end), (c, q))
        self.quantities = list(unique.values())
        """Predicted quantities, each span once even when two claims hold it."""

    def claim_at(self, span: GoldSpan) -> Claim | None:
        best = _best(span, self.by_doc.get(span.doc, []))
        return best[0] if best else None

    def quantity_at(self, span: GoldSpan) -> tuple[Claim, Quantity] | None:
        return _best(span, self.held.get(span.doc, []))

    def member(self, span: GoldClaim) -> Claim | None:
        """The claim that holds a gold quantity, or else overlaps the span most."""
        if isinstance(span, GoldQuantity) and (hit := self.quantity_at(span)):
            return hit[0]
        return self.claim_at(span)

    def conflict(self, ids: set[str]) -> tuple[Group, tuple[str, str]] | None:
        """The first conflict pair that joins two of ``ids``."""
        for g in self.groups:
            for a, b in g.conflicts:
                if a != b and a in ids and b in ids:
                    return g, (a, b)
        return None


def _quantities(gold: Gold, pred: _Prediction) -> tuple[Measure, Measure, Measure]:
    recall: list[Item] = []
    normalised: list[Item] = []
    for q in gold.quantities:
        if q.optional:
            continue
        expected = f"“{q.number}” = {_describe(q)}"
        hit = pred.quantity_at(q)
        if hit is None:
            recall.append(Item(q.id, q.doc, False, expected, "nothing", "no predicted quantity overlaps"))
            continue
        claim, p = hit
        got = f"“{p.text}” = {_describe(p)}"
        recall.append(Item(q.id, q.doc, True, expected, got, claim=claim.id, text=claim.text))
        why = []
        # A vague word has no value: right when the gold item is vague too,
        # whose value ("dozens" = 24) is the gold file's convention, not the text's.
        if p.value is None and q.qualifier != "vague" or p.value is not None and not _same(p.value, q.accept_values):
            why.append(f"value {p.value} not in {', '.join(f'{v:g}' for v in q.accept_values)}")
        if p.qualifier != q.qualifier:
            why.append(f"qualifier {p.qualifier}, not {q.qualifier}")
        normalised.append(Item(q.id, q.doc, not why, expected, got, "; ".join(why), claim.id, claim.text))
    spans: dict[str, list[tuple[str, GoldSpan]]] = defaultdict(list)
    for g in gold.quantities:
        spans[g.doc].append((g.id, g))
    for s in gold.ignore:
        spans[s.doc].append(("ignore", s))
    precision = []
    for claim, p in pred.quantities:
        met = next((name for name, s in spans[claim.doc] if _overlap(s, p)), "")
        why = "" if met else "overlaps no gold quantity and no ignore span"
        precision.append(Item(met, claim.doc, bool(met), "a gold quantity or ignore span",
                              f"“{p.text}” = {_describe(p)}", why, claim.id, claim.text))
    return (Measure("quantity recall", tuple(recall)), Measure("quantity precision", tuple(precision)),
            Measure("quantities normalised", tuple(normalised)))


def _attributions(gold: Gold, pred: _Prediction) -> Measure:
    items = []
    for a in gold.attributions:
        names = {_name_key(n) for n in [a.speaker, *a.aliases]} - {""}
        others = [x for x in a.aliases if x != a.speaker]
        expected = a.speaker + (f" (or {', '.join(others)})" if others else "")
        claim = pred.claim_at(a)
        if claim is None:
            items.append(Item(a.id, a.doc, False, expected, "nothing", "no predicted claim overlaps"))
            continue
        said = [s for s in (claim.speaker, claim.speaker_mention) if s]
        ok = any(_name_key(s) in names for s in said)
        got = " / ".join(said) or "no speaker"
        items.append(Item(a.id, a.doc, ok, expected, got, "" if ok else "speaker wrong", claim.id, claim.text))
    return Measure("attribution accuracy", tuple(items))


def _mapped(ids: list[str], spans: dict[str, GoldClaim], pred: _Prediction) -> tuple[list[Claim], str]:
    """The predicted claims of gold ids, and a note naming each (or its absence)."""
    claims = {i: pred.member(spans[i]) for i in ids}
    note = ", ".join(f"{i}→{c.id if c else 'nothing'}" for i, c in claims.items())
    return [c for c in claims.values() if c is not None], note


def _docs(ids: Iterable[str], spans: dict[str, GoldClaim]) -> str:
    return ", ".join(dict.fromkeys(spans[i].doc for i in ids))


def _group_held(verdict: Verdict, ids: set[str], pred: _Prediction) -> tuple[bool, str]:
    """Whether predicted claims ``ids`` hold a gold group of this verdict, and why."""
    if verdict == "discrepancy":
        if hit := pred.conflict(ids):
            return True, f"conflict {'–'.join(hit[1])} in {hit[0].id}"
        exact = next((g for g in pred.groups if g.verdict == "discrepancy" and set(g.claims) == ids), None)
        return (True, f"discrepancy group {exact.id}") if exact else (False, "no conflict joins them")
    holding = [g for g in pred.groups if ids <= set(g.claims)]
    for g in holding:
        if not any(a != b and a in ids and b in ids for a, b in g.conflicts):
            return True, f"together in {g.id}"
    if holding:
        return False, f"together in {holding[0].id}, but a conflict there joins them"
    where = {c: [g.id for g in pred.groups if c in g.claims] for c in sorted(ids)}
    return False, "not in one group: " + ", ".join(f"{c} in {' '.join(w) or 'none'}" for c, w in where.items())


def _groups(gold: Gold, spans: dict[str, GoldClaim], pred: _Prediction) -> Measure:
    items = []
    for g in gold.groups:
        located = g.anchors or g.members
        claims, got = _mapped(located, spans, pred)
        if len(claims) < len(located):
            ok, why = False, "a member has no predicted claim"
        else:
            ok, why = _group_held(g.verdict, {c.id for c in claims}, pred)
        expected = f"{g.verdict}: {', '.join(g.members)}" + (f" ({g.note})" if g.note else "")
        items.append(Item(g.id, _docs(located, spans), ok, expected, got, why, " ".join(c.id for c in claims)))
    return Measure("groups held", tuple(items))


def _single_source(gold: Gold, spans: dict[str, GoldClaim], pred: _Prediction) -> Measure:
    items = []
    for i in gold.single_source:
        claim = pred.member(spans[i])
        expected = f"“{spans[i].anchor}” in no cross-document group"
        if claim is None:
            items.append(Item(i, spans[i].doc, False, expected, "nothing", "no predicted claim"))
            continue
        others = [(g.id, o) for g in pred.groups if claim.id in g.claims for o in g.claims
                  if o in pred.claims and pred.claims[o].doc != claim.doc]
        why = "; ".join(f"in {g} with {o} ({pred.claims[o].doc})" for g, o in others)
        items.append(Item(i, claim.doc, not others, expected, "grouped" if others else "single-sourced",
                          why, claim.id, claim.text))
    return Measure("single-source held", tuple(items))


def _traps(gold: Gold, spans: dict[str, GoldClaim], pred: _Prediction) -> Measure:
    items = []
    for t in gold.traps:
        claims, got = _mapped(list(t.members), spans, pred)
        hit = pred.conflict({c.id for c in claims}) if len(claims) == 2 else None
        why = f"conflict {'–'.join(hit[1])} in {hit[0].id}" if hit else ""
        expected = f"no {t.must_not}" + (f" ({t.why})" if t.why else "")
        items.append(Item(t.id, _docs(t.members, spans), hit is None, expected, got, why,
                          " ".join(c.id for c in claims)))
    return Measure("traps sprung", tuple(items), count_misses=True)


def score(gold: Gold, report: Report) -> Scores:
    """Score a report against a gold file's items (FORMAT.md, "Scoring")."""
    pred = _Prediction(report)
    spans = gold.spans()
    recall, precision, normalised = _quantities(gold, pred)
    listed = {d.id for d in report.documents}
    return Scores(
        quantity_recall=recall,
        quantity_precision=precision,
        normalised=normalised,
        attribution=_attributions(gold, pred),
        groups=_groups(gold, spans, pred),
        single_source=_single_source(gold, spans, pred),
        traps=_traps(gold, spans, pred),
        missing_documents=tuple(d.id for d in gold.documents if d.id not in listed),
    )


def evaluate(gold_path: str | Path, run: Callable[[Path], Report]) -> Scores:
    """Load a gold file, run the tool on its corpus folder and score the report."""
    gold = load_gold(gold_path)
    if not gold.corpus_dir.is_dir():
        raise GoldError(f"Gold file {gold_path} names corpus {gold.corpus!r}, but "
                        f"{gold.corpus_dir} is not a folder; fix `corpus` (relative to the gold file)")
    return score(gold, run(gold.corpus_dir))


def format_scores(scores: Scores, *, verbose: bool = False) -> str:
    """A table of the scores; ``verbose`` adds every miss and why."""
    rows = [[m.name, "–" if m.value is None else f"{m.value:.2f}", f"{m.count}/{m.total}"]
            for m in scores.measures().values()]
    table = tabulate(rows, headers=["measure", "score", "count"],
                     colalign=("left", "right", "right"), disable_numparse=True)
    lines = [table]
    if scores.missing_documents:
        lines.append(f"\n{len(scores.missing_documents)} gold document(s) not in the report: "
                     + ", ".join(scores.missing_documents))
    if verbose:
        for m in scores.measures().values():
            if m.misses:
                lines.append(f"\n{m.name}: {len(m.misses)} {'sprung' if m.count_misses else 'missed'}")
                lines.extend(_miss(i) for i in m.misses)
    return "\n".join(lines)


def _miss(i: Item) -> str:
    line = f"  {i.gold or '-'} [{i.doc}] expected {i.expected}; got {i.got}"
    line += f" ({i.why})" if i.why else ""
    if i.claim and i.text:
        line += f"\n      {i.claim}: “{textwrap.shorten(i.text, 100, placeholder=' …')}”"
    return line
