"""The quantity reader on third-party number cases.

Cases: Microsoft Recognizers-Text's English specs for numbers, number ranges,
ordinals and percentages (``quantity-cases/ms-recognizers``) and quantulum3's
own fixtures (``quantity-cases/quantulum3``), both MIT, from the shared data
folder (``../shared/data``, or ``VERIFY_DATA``).

Each input goes through the full reader, ``quantities(nlp(text))``. A case is
right when every expected number is found (a predicted quantity overlaps its
span) with the expected value, and, for a range or a bound ("(30,)" is "more
than 30"), with the expected interval and direction; and when nothing else of
the file's type is predicted (for the Number and quantulum files: no other
quantity at all; for Ordinal: no other ordinal; for Percent: no other
percentage; for NumberRange: no other range or bound).

Skipped, and printed with their reasons: inputs whose expected reading goes
against verify's contract (years, dates, phone numbers, addresses and names
are not quantities; the article "a" is not a count), inputs in formats that are
not English news (Indian lakh/crore grouping, decimal commas, powers such as
"1.1^23", relative ordinals "last"/"next", percentages with no number), and
spelled fractions whose numerator and denominator cannot be told apart without
a convention ("one hundred thirty fifths" is 100/35 in the spec, "one hundred
and thirty fifths" 130/5).

Run ``python benchmarks/quantity_cases.py [-v]``; ``score()`` returns the figures.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from splits import half  # noqa: E402

MS_FILES = {
    "ms-number": "Number/English/NumberModel.json",
    "ms-range": "Number/English/NumberRangeModel.json",
    "ms-ordinal": "Number/English/OrdinalModel.json",
    "ms-percent": "Number/English/PercentModel.json",
}
QUANTULUM = "quantulum3/quantulum3/_lang/en_US/tests/quantities.json"


def data_dir() -> Path:
    return Path(os.environ.get("VERIFY_DATA") or ROOT.parent / "shared" / "data")


def _fractions(case: dict) -> list[str]:
    return [it["text"] for it in case["items"] if it.get("subtype") == "fraction"]


# (reason, test on a case): whole cases left out.
CASE_SKIPS: list[tuple[str, Callable[[dict], bool]]] = [
    ("Indian lakh/crore grouping", lambda c: bool(re.search(r"lakh|crore|\d,\d\d,\d{3}", c["text"]))),
    ("decimal comma (European format)",
     lambda c: bool(re.search(r"\b\d+,\d{1,2}\b(?!,?\d{3})|\d\.\d{3},", c["text"]))),
    ("powers and scientific notation with ^ or ×10", lambda c: bool(re.search(r"\^|[×x]10", c["text"]))),
    ("phone numbers, IP addresses, dates, exercise and model numbers are not quantities",
     lambda c: bool(re.search(r"\+1-|\d+\.\d+\.\d+\.\d|\d/\d+/\d|nrs?\.|SCP-|i7|three-nought", c["text"]))),
    ("percentages written 'percent of 10'", lambda c: bool(re.match(r"percents? of|per cent of", c["text"]))),
    ("accounting negatives in parentheses", lambda c: "($" in c["text"]),
    ("'2.1 pm', '2.123 am': times of day under verify's contract, lengths in quantulum",
     lambda c: bool(re.search(r"\d (pm|am)\.$", c["text"]))),
    ("spelled fractions whose numerator/denominator split is a convention",
     lambda c: any(_compound_fraction(t) for t in _fractions(c))),
    ("ratios the spec reads as one fraction ('one over three', '1 out of 3', '2 in 5')",
     lambda c: any(re.search(r"\w (over|out of|in) \w", t) for t in _fractions(c))),
]
_DENOMINATOR = r"(\w+ths?|\w+sts?|thirds?|halves|quarters?|seconds?)"


def _compound_fraction(text: str) -> bool:
    """Spelled fractions that need the spec's own convention to split: the
    denominator is a compound ordinal ("one twenty-fifth", "three twenty
    firsts", "one one hundred fifth"), or the numerator holds "hundred",
    "thousand" or "million" with no "and" before its last word ("one hundred
    thirty fifths" is 100/35 in the spec but "one hundred and thirty fifths" is
    130/5), or the denominator is hundredths and smaller ("two and fifty-four
    hundredths"). News writes such amounts as decimals."""
    t = text.lower()
    if re.search(r"\b(one|a|three|twenty)[ -]+(twenty|one hundred)[ -]+(and )?\w*(th|st)s?\b", t):
        return True
    if re.search(r"\b(hundred|thousand)ths\b|\b(trillionths)\b", t):
        return True
    m = re.search(r"(\w+)[ -]+" + _DENOMINATOR + r"\s*\W*$", t)
    if m and re.search(r"hundred|thousand|million", t[: m.start(2)]) and " and " not in t[: m.start(2)][-12:]:
        return m.group(2) not in ("hundredth", "thousandth")
    return False


# Expected items that verify's contract does not read as quantities.
ITEM_SKIPS: list[tuple[str, Callable[[dict, str], bool]]] = [
    ("years are not quantities", lambda item, ctx: bool(re.fullmatch(r"1\d{3}|20\d{2}", item["text"]))),
    ("relative ordinals (last, next, previous, current) are not numbers",
     lambda item, ctx: item.get("type") == "ordinal.relative"),
    ("a percentage with no number", lambda item, ctx: item.get("value") == "null"),
    ("the article 'a' is not a count", lambda item, ctx: item["text"].lower().split()[0] in ("a", "an")
     and item.get("unit") not in ("dozen",)),
    ("numbers in names and product codes are not quantities",
     lambda item, ctx: bool(re.search(r"(Voyager|English|South|Core i7) " + re.escape(item["text"]), ctx))),
]


def _num(value: Any) -> float | None:
    try:
        return float(str(value).rstrip("%"))
    except ValueError:
        return None


def _interval(spec: str) -> tuple[float | None, float | None, str, str]:
    """"(20,35]" -> (20, 35, "(", "]")."""
    m = re.fullmatch(r"([\[(])(.*?),(.*?)([\])])", spec.strip())
    if not m:
        raise ValueError(spec)
    return _num(m.group(2)) if m.group(2) else None, _num(m.group(3)) if m.group(3) else None, m.group(1), m.group(4)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _right_range(q: Any, spec: str) -> bool:
    low, high, lb, hb = _interval(spec)
    if low is not None and high is not None and _close(low, high):
        return q.qualifier == "exact" and _close(q.value, low)
    if high is None:
        want = "more_than" if lb == "(" else "at_least"
        return q.qualifier == want and _close(q.low, low)
    if low is None:
        want = "less_than" if hb == ")" else "at_most"
        return q.qualifier == want and _close(q.high, high)
    return _close(q.low, low) and _close(q.high, high)


def cases(folder: Path) -> dict[str, list[dict]]:
    """Every case as {text, items: [{start, end, text, check}]} per category."""
    out: dict[str, list[dict]] = {}
    for name, rel in MS_FILES.items():
        data = json.loads((folder / "quantity-cases" / "ms-recognizers" / "Specs" / rel)
                          .read_text(encoding="utf-8-sig"))
        out[name] = [{
            "text": c["Input"],
            "items": [{"start": r["Start"], "end": r["End"] + 1, "text": r["Text"],
                       "value": r["Resolution"].get("value"), "type": r["TypeName"],
                       "subtype": r["Resolution"].get("subtype")}
                      for r in c["Results"]],
        } for c in data]
    data = json.loads((folder / "quantity-cases" / QUANTULUM).read_text(encoding="utf-8"))
    out["quantulum3"] = []
    for c in data:
        items, pos = [], 0
        for r in c["res"]:
            start = c["req"].find(r["surface"], pos)
            if start < 0:
                start = c["req"].find(r["surface"])
            pos = start + len(r["surface"])
            items.append({"start": start, "end": pos, "text": r["surface"], "value": r["value"],
                          "uncertainty": r.get("uncertainty"), "unit": r.get("unit")})
        out["quantulum3"].append({"text": c["req"], "items": items})
    return out


def _check(category: str, item: dict, preds: list[Any]) -> bool:
    value = item["value"]
    for q in preds:
        if category == "ms-range":
            if _right_range(q, value):
                return True
        elif category == "ms-percent":
            if q.kind in ("percent", "range") and _close(q.value, _num(value)):
                return True
        elif category == "quantulum3" and item.get("uncertainty"):
            unc = item["uncertainty"]
            if _close(q.low, value - unc) and _close(q.high, value + unc):
                return True
        else:
            want = _num(value)
            if item.get("unit") in ("dozen",):
                want = want * 12 if want is not None else None  # "a dozen" is 12
            if want is not None and _close(q.value, want):
                return True
    return False


def _counted(category: str, q: Any) -> bool:
    """Whether a prediction of this kind is something the category would list."""
    if category == "ms-ordinal":
        return q.kind == "ordinal"
    if category == "ms-percent":
        return q.kind == "percent"
    if category == "ms-range":
        return q.qualifier != "exact" or q.kind == "range"
    if category == "ms-number":
        return q.kind in ("count", "range")  # numbers with units belong to the unit models
    return q.kind != "ordinal"  # quantulum3 reads no ordinals


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(reader: Callable[[Iterable[str]], Iterable[list[Any]]] | None = None, part: str | None = None) -> dict:
    """Share of cases right per category and overall; skipped cases with their
    reasons. ``part`` ("tune" or "held", see ``splits.py``) keeps one half of
    the cases, split by their text."""
    folder = data_dir()
    if not (folder / "quantity-cases").is_dir():
        raise SystemExit(
            f"quantity cases not found at {folder / 'quantity-cases'}; "
            "set VERIFY_DATA to the shared data folder")
    if reader is None:
        reader = _full_reader
    all_cases = cases(folder)
    result: dict[str, Any] = {"categories": {}, "skipped": {}, "failures": []}
    right_all = total_all = 0
    for category, items in all_cases.items():
        kept, skipped = [], 0
        for case in items:
            if part is not None and half(case["text"]) != part:
                continue
            reason = next((r for r, test in CASE_SKIPS if test(case)), None)
            if reason:
                result["skipped"].setdefault(reason, []).append(case["text"])
                skipped += 1
                continue
            kept.append(case)
        right = 0
        for case, preds in zip(kept, reader(c["text"] for c in kept), strict=True):
            wanted, ignored = [], []
            for item in case["items"]:
                reason = next((r for r, test in ITEM_SKIPS if test(item, case["text"])), None)
                if reason:
                    result["skipped"].setdefault(reason, []).append(f"{item['text']!r} in {case['text']!r}")
                    ignored.append(item)
                else:
                    wanted.append(item)
            found = all(
                _check(category, item, [q for q in preds if _overlaps((q.start, q.end), (item["start"], item["end"]))])
                for item in wanted)
            extra = [q for q in preds if _counted(category, q) and not any(
                _overlaps((q.start, q.end), (it["start"], it["end"])) for it in case["items"])]
            ok = found and not extra
            right += ok
            if not ok:
                result["failures"].append({
                    "category": category, "text": case["text"],
                    "expected": [(it["text"], it["value"]) for it in wanted],
                    "predicted": [(q.text, q.value, q.qualifier, q.low, q.high, q.kind) for q in preds]})
        result["categories"][category] = {"right": right, "cases": len(kept), "skipped": skipped,
                                          "share": right / len(kept) if kept else 0.0}
        right_all += right
        total_all += len(kept)
    result["overall"] = {"right": right_all, "cases": total_all, "share": right_all / total_all}
    return result


def _full_reader(texts: Iterable[str]) -> Iterable[list[Any]]:
    from verify.nlp import load_nlp
    from verify.extract.quantities import quantities

    for doc in load_nlp().pipe(texts, batch_size=256):
        yield quantities(doc)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    part = next((a.split("=", 1)[1] for a in argv if a.startswith("--part=")), None)
    result = score(part=part)
    print(f"Quantity reader on third-party number cases (share of cases right; {part or 'both'} half)")
    for category, c in result["categories"].items():
        print(f"  {category:12} {c['right']:4}/{c['cases']:<4} {c['share']:6.1%}   ({c['skipped']} skipped)")
    o = result["overall"]
    print(f"  {'overall':12} {o['right']:4}/{o['cases']:<4} {o['share']:6.1%}")
    print("Skipped (reason: how many cases or items):")
    for reason, what in result["skipped"].items():
        print(f"  {reason}: {len(what)}")
        if verbose:
            for w in what:
                print(f"      {w!r}")
    if verbose:
        print("Failures:")
        for f in result["failures"]:
            print(f"  [{f['category']}] {f['text']!r}")
            print(f"      expected {f['expected']}\n      predicted {f['predicted']}")
    return 0 if o["share"] >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
