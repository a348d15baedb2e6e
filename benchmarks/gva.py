"""Cross-source matching of casualty counts against the Gun Violence Archive.

Data: ``gva-clusters/incidents.jsonl`` in the shared data folder
(``../shared/data``, or ``$VERIFY_DATA``): 778 shootings, each reported by 2 to
17 local news articles (2,054 texts), with the GVA's ``num_killed`` and
``num_injured``. Every article goes into ONE index, so that claims about
different shootings can be joined by mistake (the failure the SPEC warns
about: "a man was shot Tuesday" matched across unrelated incidents); the
report is then assembled from that index (``verify.ingest.load`` and
``verify.pipeline.assemble``), exactly as ``verify report`` does.

Truth: each article's ``doc_id`` (the document id ``verify.read`` gives it)
maps to the incident that lists it (three articles are listed by two
incidents; they belong to both).

A *casualty claim* is a number claim (one with a quantity) whose quantity
counts ``deaths`` or ``injured``, is a count or a range (not an ordinal: "the
fifth man was pronounced dead") and is not vague ("several").

Figures (and bars):

grouped (>= 0.85)
    For each incident and each measure (deaths, injured) where casualty
    claims of that measure come from at least two different articles of the
    incident: the share where one predicted group holds such claims from at
    least two of those articles. Also printed: the mean share of the stating
    articles that the best group covers, and the share where it covers all.
false discrepancies (<= 0.03)
    Conflict pairs (``Group.conflicts``) where either claim is a casualty
    claim. A pair is a false discrepancy when its two values are compatible
    (their intervals meet) or its two claims come from different incidents
    (no shared incident): not a disagreement between reports of one shooting.
    The others are real (same incident, incompatible values); for those, how
    many have exactly one side that allows the GVA number.
cross-incident joins (goal: 0)
    Groups whose claims do not all share one incident, and pairs of claims in
    one group that come from different incidents (all claims, and casualty
    claims only); also the direct links the matcher made across incidents.

Run ``python benchmarks/gva.py [--limit N] [--workdir DIR] [-v]``. The index is
written under ``--workdir`` (kept, so a second run reuses it: ingest is
incremental) or a temporary folder (removed). ``-v`` prints examples of each
kind of miss, with the check that let it through or stopped it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import HALVES, half  # noqa: E402

CASUALTIES = ("deaths", "injured")
BARS = {"grouped": 0.85, "false_discrepancies": 0.03}
GOALS = {"cross_incident_pairs": 0}


def data_dir() -> Path:
    return Path(os.environ.get("VERIFY_DATA") or ROOT.parent / "shared" / "data")


def incidents_file() -> Path:
    """The GVA clusters file, or exit 2 with one clear line when it is missing."""
    path = data_dir() / "gva-clusters" / "incidents.jsonl"
    if not path.is_file():
        sys.exit(
            f"gva.py: {path} not found: this benchmark needs the shared data folder "
            f"(expected at {data_dir()}; set VERIFY_DATA to the folder that holds gva-clusters/)"
        )
    return path


# -- truth ----------------------------------------------------------------------


@dataclass
class Truth:
    incidents: dict[str, dict] = field(default_factory=dict)
    """incident id -> {"killed", "injured", "date", "city", "state"}"""
    of_doc: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """doc id -> the incidents that list it"""


def read_truth(path: Path, limit: int | None) -> tuple[Truth, list[str]]:
    """The truth of the first ``limit`` incidents, and their raw lines."""
    truth, lines = Truth(), []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            if limit is not None and len(lines) >= limit:
                break
            record = json.loads(line)
            gva = record["gva"]
            iid = str(record["incident_id"])
            truth.incidents[iid] = {
                "killed": gva.get("num_killed"), "injured": gva.get("num_injured"),
                "date": gva.get("date"), "city": gva.get("city_or_county"), "state": gva.get("state"),
            }
            for article in record["articles"]:
                truth.of_doc[str(article["doc_id"])].add(iid)
            lines.append(line)
    return truth, lines


# -- helpers ----------------------------------------------------------------------


def casualty(claim) -> str | None:  # type: ignore[no-untyped-def]
    """"deaths" or "injured" for a casualty claim, else None."""
    if not claim.quantities:
        return None
    q = claim.quantities[0]
    if q.counts in CASUALTIES and q.qualifier != "vague" and q.kind in ("count", "range"):
        return q.counts
    return None


def interval(q) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    from verify.match.facts import interval as verdict_interval

    return verdict_interval(q)


def compatible(qa, qb) -> bool:  # type: ignore[no-untyped-def]
    (lo1, hi1), (lo2, hi2) = interval(qa), interval(qb)
    return lo1 <= hi2 and lo2 <= hi1


def allows(q, value: float | None) -> bool:  # type: ignore[no-untyped-def]
    if value is None:
        return False
    lo, hi = interval(q)
    return lo <= value <= hi


def describe(q) -> str:  # type: ignore[no-untyped-def]
    try:
        from verify.match.facts import describe as verdict_describe

        return verdict_describe(q)
    except Exception:  # a helper only: the library may change under us
        return f"{q.qualifier} {q.value:g}"


def short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def ratio(n: int, d: int) -> str:
    return f"{n / d:.3f} ({n}/{d})" if d else "n/a (0/0)"


def mark(ok: bool) -> str:
    return "meets the bar" if ok else "MISSES the bar"


# -- why two claims were (not) linked ---------------------------------------------


class Diagnosis:
    """Why a pair of number claims was linked or not, in the names of the
    engine's rules (``verify.match.links.pair`` with ``why``), after the
    candidate search and the events check that come before it."""

    def __init__(self, claims, vectors, docs) -> None:  # type: ignore[no-untyped-def]
        self.row = {c.id: i for i, c in enumerate(claims)}
        self.vectors = vectors
        self.docs = docs
        self.neighbours: dict[str, set[str]] | None = None
        self.claims = claims

    def similarity(self, a, b) -> float:  # type: ignore[no-untyped-def]
        v, row = self.vectors, self.row
        sim = float(v[row[a.id]] @ v[row[b.id]])
        if a.parent in row and b.parent in row:
            sim = max(sim, float(v[row[a.parent]] @ v[row[b.parent]]))
        return sim

    def candidate(self, a, b) -> bool:  # type: ignore[no-untyped-def]
        """Whether the nearest-neighbour search proposes the pair (directly or through the sentences)."""
        from verify.match import thresholds as match

        if self.neighbours is None:
            import numpy as np

            from verify.index import VectorStore

            ids = [c.id for c in self.claims]
            store = VectorStore(self.vectors.astype(np.float32), ids)
            k = min(match.NEIGHBOURS + 1, len(ids))
            scores, found = store.search(self.vectors.astype(np.float32), k)
            self.neighbours = defaultdict(set)
            for i, cid in enumerate(ids):
                for s, o in zip(scores[i], found[i]):
                    if s < match.FLOOR:
                        break
                    self.neighbours[cid].add(o)
                    self.neighbours[o].add(cid)
        n = self.neighbours
        if b.id in n[a.id] or (a.parent is not None and b.parent is not None and b.parent in n[a.parent]):
            return True
        # Articles proposed by the names they share bring all their numbers of one measure.
        key = (a.doc, b.doc) if a.doc < b.doc else (b.doc, a.doc)
        self.events()
        return key in self._doc_pairs

    def events(self):  # type: ignore[no-untyped-def]
        from verify.match import Events

        if not hasattr(self, "_events"):
            self._events = Events(self.docs, {c.doc for c in self.claims})
            self._doc_pairs = self._events.neighbours()
        return self._events

    def why(self, a, b) -> str:  # type: ignore[no-untyped-def]
        category, detail = self.reason(a, b)
        return f"{category}; {detail}"

    def reason(self, a, b) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        """(the check that decided the pair, the facts it looked at)."""
        try:
            return self._reason(a, b)
        except Exception as e:  # noqa: BLE001
            return "diagnosis failed", f"{type(e).__name__}: {e}"

    def _reason(self, a, b) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        """The engine's own answer: ``pair`` with ``why``, the rules that
        decided or blocked the pair."""
        from verify.match import compare, facts, thresholds

        match = importlib.import_module("verify.match.links")  # the package binds links(), the function
        by_id = {c.id: c for c in self.claims} if not hasattr(self, "_by_id") else self._by_id
        self._by_id = by_id
        qa, qb = a.quantities[0], b.quantities[0]
        sim = self.similarity(a, b)
        ka, kb = facts.measure(a, qa), facts.measure(b, qb)
        timed, _ = compare.same_time(a, b, self.docs)
        info = (f"sim={sim:.2f} keys={ka}/{kb} same_time={timed} ({time_basis(a, b, self.docs)}) "
                f"times={a.time}/{b.time}")
        if not self.candidate(a, b):
            return (f"not a candidate (claims: k={thresholds.NEIGHBOURS}, floor={thresholds.FLOOR}; "
                    f"articles: k={thresholds.DOC_NEIGHBOURS} by shared names)"), info
        relation = self.events().relation(a.doc, b.doc)
        info += f" articles={relation}"
        if relation == "different":
            return "events: different events", info
        sa, sb = by_id.get(a.parent or "", a), by_id.get(b.parent or "", b)
        v, row = self.vectors, self.row
        context = float(v[row[sa.id]] @ v[row[sb.id]])
        why: list[str] = []
        link = match.pair(a, b, sim, self.docs, relation, context,
                          several=match.aggregate(sa.text) or match.aggregate(sb.text),
                          statement=lambda: match.stands_alike(a, sa, b, sb), why=why)
        if link is None:
            return f"blocked: {', '.join(why) or 'not one fact'}", info
        return f"linked: {link.verdict} ({', '.join(link.rules)})", info


def time_basis(a, b, docs) -> str:  # type: ignore[no-untyped-def]
    """On what ``compare.same_time`` decides a pair (mirrors its rules)."""
    ta, tb = a.time, b.time
    if ta and tb:
        n = min(len(ta), len(tb))
        if ta[:n] == tb[:n]:
            return "own times, same date" if len(ta) == len(tb) >= 10 else "own times, one within the other (year/month)"
        return "own times <= 2 days apart" if len(ta) >= 10 and len(tb) >= 10 else "own times differ"
    if (ta and len(ta) < 10) or (tb and len(tb) < 10):
        return "one own year/month, other none: unknown"
    da = ta or (docs[a.doc].date if a.doc in docs else None)
    db = tb or (docs[b.doc].date if b.doc in docs else None)
    if da and db and len(da) >= 10 and len(db) >= 10:
        return "document dates" + (" (one own date)" if ta or tb else "")
    return "no dates: unknown"


# -- the benchmark ------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    source = incidents_file()
    truth, lines = read_truth(source, args.limit)

    from verify.ingest import ingest, load
    from verify.pipeline import assemble

    tag = "all" if args.limit is None else str(args.limit)
    if args.workdir:
        work = Path(args.workdir)
        work.mkdir(parents=True, exist_ok=True)
        cleanup = None
    else:
        cleanup = tempfile.mkdtemp(prefix="verify-gva-")
        work = Path(cleanup)
    try:
        if args.limit is None:
            path = source  # read in place; never copied
        else:
            path = work / f"incidents-first-{args.limit}.jsonl"  # a subset for quick runs, in the work dir
            path.write_text("".join(lines), encoding="utf-8")
        index = work / f"gva-index-{tag}"
        n_articles = sum(len(json.loads(line)["articles"]) for line in lines)
        print(f"GVA clusters: {len(truth.incidents)} incidents, {n_articles} articles ({source})")
        print(f"index: {index}")

        t0 = time.perf_counter()
        done = [0]

        def progress(doc, claims) -> None:  # type: ignore[no-untyped-def]
            done[0] += 1
            if done[0] % 100 == 0:
                rate = done[0] / (time.perf_counter() - t0)
                print(f"  ingested {done[0]} documents ({rate:.1f}/s)", file=sys.stderr, flush=True)

        stats = ingest([str(path)], str(index), progress=progress)
        t_ingest = time.perf_counter() - t0
        print(f"ingest: {stats.documents} documents new, {stats.skipped} unchanged, {stats.claims} claims, "
              f"{len(stats.errors)} records left out, {t_ingest:.1f} s")
        for error in stats.errors[:5]:
            print(f"  left out: {short(str(error), 160)}")

        t1 = time.perf_counter()
        docs, claims, vectors = load(str(index))
        t_load = time.perf_counter() - t1
        t2 = time.perf_counter()
        report = assemble(docs, claims, vectors)
        t_assemble = time.perf_counter() - t2
        print(f"load: {len(docs)} documents, {len(claims)} claims, {t_load:.1f} s; "
              f"assemble: {len(report.groups)} groups, {t_assemble:.1f} s")

        figures = evaluate(truth, docs, claims, vectors, report, args)
        figures["timing_s"] = {"ingest": round(t_ingest, 1), "load": round(t_load, 1),
                               "assemble": round(t_assemble, 1)}
        figures["documents"], figures["claims"] = len(docs), len(claims)
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
            print(f"figures written to {args.json}")
        ok = (
            figures["grouped"]["all"] >= BARS["grouped"]
            and figures["false_discrepancies"]["share"] <= BARS["false_discrepancies"]
        )
        print("\nbars (grouped, false discrepancies): " + ("met" if ok else "some missed"))
        joins = figures["cross_incident"]["pairs"]
        print(f"goal (no pairs of claims from different incidents in one group): "
              f"{'met' if joins <= GOALS['cross_incident_pairs'] else f'not yet ({joins} pairs)'}")
        return 0 if ok or not args.strict else 1
    finally:
        if cleanup:
            shutil.rmtree(cleanup, ignore_errors=True)


def evaluate(truth: Truth, docs, claims, vectors, report, args) -> dict:  # type: ignore[no-untyped-def]
    by_id = {c.id: c for c in claims}
    doc_by_id = {d.id: d for d in docs}
    unmapped = [d.id for d in docs if d.id not in truth.of_doc]
    if unmapped:
        print(f"warning: {len(unmapped)} documents not found among the incidents' doc_ids "
              f"(e.g. {unmapped[:3]}); they are left out of every figure")

    def incidents(claim) -> set[str]:  # type: ignore[no-untyped-def]
        return truth.of_doc.get(claim.doc, set())

    group_of: dict[str, str] = {}
    for g in report.groups:
        for cid in g.claims:
            group_of[cid] = g.id
    diag = Diagnosis(claims, getattr(vectors, "array", vectors), doc_by_id)  # an index's vectors: their array
    figures: dict = {}
    n_examples = args.examples if args.verbose else 0

    # -- grouped ------------------------------------------------------------------
    stated: dict[tuple[str, str], list] = defaultdict(list)  # (incident, measure) -> claims
    for c in claims:
        m = casualty(c)
        if m:
            for iid in incidents(c):
                stated[(iid, m)].append(c)
    print("\n== grouped (bar >= 0.85) ==")
    print("For each incident and measure (deaths, injured) whose count is stated by casualty claims\n"
          "(quantity counts == measure, not vague) of at least two different articles: grouped when\n"
          "one predicted group holds such claims from at least two of those articles. coverage: the\n"
          "share of the stating articles the best group holds; all: the best group holds them all.")
    grouped_fig: dict = {}
    halves_n: Counter[str] = Counter()
    halves_hit: Counter[str] = Counter()
    misses: list[tuple[str, str, list]] = []
    total_hit = total_n = 0
    for m in CASUALTIES:
        truth_key = "killed" if m == "deaths" else "injured"
        n = hit = every = 0
        coverage = 0.0
        positive = sum(1 for iid, t in truth.incidents.items() if (t[truth_key] or 0) > 0)
        positive_stated = 0
        for iid in truth.incidents:
            found = stated.get((iid, m), [])
            arts = {c.doc for c in found}
            if len(arts) >= 2 and (truth.incidents[iid][truth_key] or 0) > 0:
                positive_stated += 1
            if len(arts) < 2:
                continue
            n += 1
            halves_n[half(iid)] += 1
            per_group: dict[str, set[str]] = defaultdict(set)
            for c in found:
                if c.id in group_of:
                    per_group[group_of[c.id]].add(c.doc)
            best = max((len(s) for s in per_group.values()), default=0)
            coverage += (best if best >= 2 else 0) / len(arts)
            if best >= 2:
                hit += 1
                halves_hit[half(iid)] += 1
                every += best == len(arts)
            else:
                misses.append((iid, m, found))
        total_hit += hit
        total_n += n
        grouped_fig[m] = {"share": hit / n if n else None, "grouped": hit, "incidents": n,
                          "coverage": coverage / n if n else None, "all_covered": every}
        print(f"  {m:8} grouped {ratio(hit, n)}   coverage {coverage / n if n else 0:.3f}   "
              f"all articles in one group {ratio(every, n)}")
        print(f"           (incidents with GVA {truth_key} > 0: {positive}; of them, stated by >= 2 "
              f"articles: {positive_stated})")
    grouped_fig["all"] = total_hit / total_n if total_n else 0.0
    print(f"  both     grouped {ratio(total_hit, total_n)}   {mark(grouped_fig['all'] >= BARS['grouped'])}")
    for h in HALVES:
        grouped_fig[h] = halves_hit[h] / halves_n[h] if halves_n[h] else None
        print(f"  {h:8} grouped {ratio(halves_hit[h], halves_n[h])}")
    # Why: the cross-article pair of each miss whose clauses are most alike, through the checks.
    reasons: Counter[str] = Counter()
    best_pair: dict[tuple[str, str], tuple] = {}
    for iid, m, found in misses:
        a, b = _closest_cross_article_pair(found, diag)
        if a is not None:
            best_pair[(iid, m)] = (a, b)
            reasons[diag.reason(a, b)[0]] += 1
    if misses:
        print(f"  why not grouped (the most alike pair of claims from two articles of each of the {len(misses)} misses):")
        for why, k in reasons.most_common():
            print(f"    {k:5}  {why}")
    grouped_fig["miss_reasons"] = dict(reasons)
    figures["grouped"] = grouped_fig
    if n_examples and misses:
        print(f"\n  -- examples: not grouped ({len(misses)}) --")
        for iid, m, found in misses[:n_examples]:
            t = truth.incidents[iid]
            print(f"  incident {iid} ({t['city']}, {t['state']}, {t['date']}), GVA killed={t['killed']} "
                  f"injured={t['injured']}, measure {m}:")
            for c in found[:6]:
                q = c.quantities[0]
                print(f"    [{c.doc[:8]} {group_of.get(c.id, '-'):>6}] {describe(q):>14} | {short(c.text, 90)}")
            if (iid, m) in best_pair:
                a, b = best_pair[(iid, m)]
                print(f"    why not linked ({a.id} / {b.id}): {diag.why(a, b)}")

    # -- false discrepancies ------------------------------------------------------------
    print("\n== false discrepancies (bar <= 0.03) ==")
    print("Conflict pairs of the predicted groups where either claim counts deaths or injured. False:\n"
          "the two values are compatible, or the claims come from different incidents. Real: same\n"
          "incident, incompatible values; 'one side = GVA': exactly one side allows the GVA number.")
    pairs = []
    for g in report.groups:
        for a_id, b_id in g.conflicts:
            a, b = by_id[a_id], by_id[b_id]
            if casualty(a) or casualty(b):
                pairs.append((g, a, b))
    false_compatible, false_cross, real = [], [], []
    for g, a, b in pairs:
        qa, qb = a.quantities[0], b.quantities[0]
        if compatible(qa, qb):
            false_compatible.append((g, a, b))
        elif not incidents(a) & incidents(b):
            false_cross.append((g, a, b))
        else:
            real.append((g, a, b))
    one_side = []
    neither = []
    for g, a, b in real:
        m = casualty(a) or casualty(b)
        key = "killed" if m == "deaths" else "injured"
        iid = sorted(incidents(a) & incidents(b))[0]
        value = truth.incidents[iid][key]
        sides = allows(a.quantities[0], value) + allows(b.quantities[0], value)
        (one_side if sides == 1 else neither).append((g, a, b))
    n_false = len(false_compatible) + len(false_cross)
    share = n_false / len(pairs) if pairs else 0.0

    def pair_half(a, b) -> str:  # type: ignore[no-untyped-def]
        return half(min(incidents(a) | incidents(b) or {a.doc}))

    false_by_half = Counter(pair_half(a, b) for _, a, b in false_compatible + false_cross)
    pairs_by_half = Counter(pair_half(a, b) for _, a, b in pairs)
    print(f"  conflict pairs with a casualty count: {len(pairs)} (in {len({g.id for g, _, _ in pairs})} groups)")
    print(f"  false discrepancies: {ratio(n_false, len(pairs))}   {mark(share <= BARS['false_discrepancies'])}")
    print(f"    values compatible: {len(false_compatible)}; different incidents: {len(false_cross)}")
    for h in HALVES:
        print(f"    {h}: {ratio(false_by_half[h], pairs_by_half[h])}")
    print(f"  real discrepancies (same incident, incompatible): {len(real)}; "
          f"one side = GVA: {len(one_side)}; neither side = GVA: {len(neither)}")
    if false_cross:
        basis = Counter(f"{time_basis(a, b, doc_by_id)} -> {diag.reason(a, b)[0]}" for _, a, b in false_cross)
        print("  different-incident discrepancies by the time check and the check that passed them:")
        for why, k in basis.most_common():
            print(f"    {k:5}  {why}")
    figures["false_discrepancies"] = {
        "share": share, "pairs": len(pairs), "false": n_false, "compatible": len(false_compatible),
        "different_incidents": len(false_cross), "real": len(real), "real_one_side_gva": len(one_side),
        **{h: (false_by_half[h] / pairs_by_half[h] if pairs_by_half[h] else None) for h in HALVES},
    }
    if n_examples:
        for title, items in (("different incidents", false_cross), ("compatible values", false_compatible),
                             ("real, neither side = GVA", neither), ("real, one side = GVA", one_side)):
            if not items:
                continue
            print(f"\n  -- examples: {title} ({len(items)}) --")
            for g, a, b in items[:n_examples]:
                _print_pair(g.id, a, b, truth, incidents, doc_by_id)
                print(f"    checks: {diag.why(a, b)}")

    # -- cross-incident joins --------------------------------------------------------------
    print("\n== cross-incident joins (goal: none) ==")
    print("Groups whose claims share no one incident; pairs of claims in one group from different\n"
          "incidents (no incident in common); and links (pairs the matcher joined directly).")
    mixed_groups = 0
    cross_pairs = cross_casualty_pairs = 0
    by_kind: Counter[str] = Counter()
    for g in report.groups:
        members = [by_id[c] for c in g.claims if by_id[c].doc in truth.of_doc]
        common = set.intersection(*(incidents(c) for c in members)) if members else set()
        if members and not common:
            mixed_groups += 1
            by_kind["number" if any(c.quantities for c in members) else "text"] += 1
        cross_pairs += _disjoint_pairs(Counter(frozenset(incidents(c)) for c in members))
        cross_casualty_pairs += _disjoint_pairs(Counter(frozenset(incidents(c)) for c in members if casualty(c)))
    links_cross: list = []
    try:
        from verify.match import links as match_links

        t0 = time.perf_counter()
        found_links, _ = match_links(claims, vectors, doc_by_id)
        t_links = time.perf_counter() - t0
        links_cross = [lk for lk in found_links
                       if by_id[lk.a].doc in truth.of_doc and by_id[lk.b].doc in truth.of_doc
                       and not incidents(by_id[lk.a]) & incidents(by_id[lk.b])]
        link_kinds = Counter(_link_kind(by_id[lk.a], by_id[lk.b], lk.verdict) for lk in links_cross)
        n_links = len(found_links)
    except Exception as e:  # noqa: BLE001 - diagnostic, the library may change under us
        print(f"  (links not recomputed: {type(e).__name__}: {e})")
        link_kinds, n_links, t_links = Counter(), 0, 0.0
    print(f"  groups holding claims of different incidents: {mixed_groups} of {len(report.groups)} "
          f"(with numbers: {by_kind['number']}, text only: {by_kind['text']})")
    print(f"  pairs of claims from different incidents in one group: {cross_pairs} "
          f"(both casualty claims: {cross_casualty_pairs})   {'meets the goal' if cross_pairs <= GOALS['cross_incident_pairs'] else 'short of the goal'}")
    print(f"  links across incidents: {len(links_cross)} of {n_links} links "
          f"({', '.join(f'{k}: {v}' for k, v in link_kinds.most_common()) or 'none'}; recomputed in {t_links:.1f} s)")
    number_cross = [lk for lk in links_cross if by_id[lk.a].quantities and by_id[lk.b].quantities]
    if number_cross:
        basis = Counter(f"{time_basis(by_id[lk.a], by_id[lk.b], doc_by_id)} -> {diag.reason(by_id[lk.a], by_id[lk.b])[0]}"
                        for lk in number_cross)
        print(f"  number links across incidents ({len(number_cross)}) by the time check and the bar they passed:")
        for why, k in basis.most_common():
            print(f"    {k:5}  {why}")
    sizes = sorted(report.groups, key=lambda g: -len(g.claims))[:3]
    for g in sizes:
        members = [by_id[c] for c in g.claims]
        inc = set().union(*(incidents(c) for c in members))
        print(f"  large group {g.id}: {len(g.claims)} claims, {len({c.doc for c in members})} documents, "
              f"{len(inc)} incidents ({g.verdict}: {short(g.reason, 60)})")
    figures["cross_incident_largest_group"] = len(sizes[0].claims) if sizes else 0
    figures["cross_incident"] = {"groups": mixed_groups, "groups_total": len(report.groups),
                                 "pairs": cross_pairs, "casualty_pairs": cross_casualty_pairs,
                                 "links": len(links_cross), "links_total": n_links,
                                 "link_kinds": dict(link_kinds)}
    if n_examples and links_cross:
        print("\n  -- examples: links across incidents, by kind --")
        shown: Counter[str] = Counter()
        for lk in links_cross:
            a, b = by_id[lk.a], by_id[lk.b]
            kind = _link_kind(a, b, lk.verdict)
            if shown[kind] >= max(1, n_examples // 2):
                continue
            shown[kind] += 1
            _print_pair(group_of.get(a.id, "-"), a, b, truth, incidents, doc_by_id, head=f"{kind}: {lk.reason}")
            if a.quantities and b.quantities:
                print(f"    checks: {diag.why(a, b)}")
            else:
                print(f"    sim={diag.similarity(a, b):.2f} times={a.time}/{b.time} speakers={a.speaker}/{b.speaker}")

    figures["extraction_misses"] = _extraction_misses(truth, docs, claims, n_examples)
    return figures


def _disjoint_pairs(sets: Counter) -> int:
    """Pairs of members whose incident sets share nothing (members counted by their set)."""
    items = list(sets.items())
    return sum(n * m for i, (x, n) in enumerate(items) for y, m in items[i + 1:] if not x & y)


def _link_kind(a, b, verdict: str) -> str:  # type: ignore[no-untyped-def]
    if a.quantities and b.quantities:
        m = casualty(a) or casualty(b)
        return f"{m or 'other number'} {verdict}"
    if a.quote and b.quote:
        return f"quote {verdict}"
    return f"text {verdict}"


def _closest_cross_article_pair(found: list, diag: Diagnosis):  # type: ignore[no-untyped-def]
    pairs = [(a, b) for a, b in combinations(found, 2) if a.doc != b.doc]
    if not pairs:
        return None, None
    return max(pairs, key=lambda p: diag.similarity(*p))


def _print_pair(gid, a, b, truth, incidents, docs, head: str | None = None) -> None:  # type: ignore[no-untyped-def]
    if head:
        print(f"  {gid}: {head}")
    else:
        print(f"  {gid}:")
    for c in (a, b):
        iids = sorted(incidents(c))
        t = truth.incidents[iids[0]] if iids else {}
        value = describe(c.quantities[0]) + " " + (c.quantities[0].counts or "") if c.quantities else ""
        d = docs.get(c.doc)
        print(f"    incident {','.join(iids)} ({t.get('city')}, {t.get('date')}; GVA killed={t.get('killed')} "
              f"injured={t.get('injured')}) doc {c.doc[:8]} dated {d.date if d else None}")
        print(f"      {value:>18} | {short(c.text, 100)}")


_WORDS = {
    "deaths": r"killed|killing|dead|died|dies|death|deaths|slain|fatal|fatally|murdered|lives",
    "injured": r"injured|injuring|injuries|wounded|wounding|hurt|hospitalized|shot|struck|hit",
}


def _extraction_misses(truth: Truth, docs, claims, n_examples: int) -> dict:  # type: ignore[no-untyped-def]
    """Articles of incidents with victims (GVA > 0) that hold no casualty claim
    of that measure, by what the reader made of their sentences about victims."""
    import re

    by_doc: dict[str, list] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c)
    kinds: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = {m: Counter() for m in CASUALTIES}
    examples: list[tuple] = []
    for d in docs:
        iids = truth.of_doc.get(d.id, set())
        if not iids:
            continue
        t = truth.incidents[sorted(iids)[0]]
        for m, key in (("deaths", "killed"), ("injured", "injured")):
            if not (t[key] or 0) > 0 or any(casualty(c) == m for c in by_doc[d.id]):
                continue
            pattern = re.compile(rf"\b(?:{_WORDS[m]})\b", re.I)
            sentences = [c for c in by_doc[d.id] if not c.parent and pattern.search(c.text)]
            counted = []
            for sent in sentences:
                for c in by_doc[d.id]:
                    if c.parent == sent.id and c.quantities and c.quantities[0].kind in ("count", "range"):
                        counted.append((sent, c.quantities[0]))
            if counted:
                kind = "a count is read in a sentence about them, but not as " + m
                for _, q in counted:
                    labels[m][f"{q.counts}" + ("/vague" if q.qualifier == "vague" else "")] += 1
            elif sentences:
                kind = "sentences speak of them, no count read (e.g. one victim by name)"
            else:
                kind = "no sentence speaks of them"
            kinds[f"{m}: {kind}"] += 1
            if counted:
                examples.append((d, m, t, counted))
    total = sum(kinds.values())
    print(f"\n== extraction: articles with no casualty claim though the GVA counts victims ({total} article x measure) ==")
    for k, n in sorted(kinds.items()):
        print(f"  {n:5}  {k}")
    for m in CASUALTIES:
        print(f"  counts read instead of {m}: " + ", ".join(f"{k} {n}" for k, n in labels[m].most_common(12)))
    if n_examples:
        print("\n  -- examples: a count read in a sentence about victims, not as a casualty count --")
        step = max(1, len(examples) // max(1, n_examples))
        for d, m, t, counted in examples[::step][:n_examples]:
            print(f"  doc {d.id[:8]} (GVA killed={t['killed']} injured={t['injured']}), no {m} claim:")
            for sent, q in counted[:3]:
                print(f"    {q.text!r} -> counts={q.counts} {q.qualifier} | {short(sent.text, 90)}")
    return {"kinds": dict(kinds), "labels": {m: dict(labels[m].most_common(20)) for m in CASUALTIES}}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N incidents")
    parser.add_argument("--workdir", help="folder for the index (kept; a rerun reuses it); default: a temp folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="print examples of each kind of miss")
    parser.add_argument("--examples", type=int, default=5, help="examples of each kind with -v (default 5)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar (grouped, false discrepancies) is missed")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
