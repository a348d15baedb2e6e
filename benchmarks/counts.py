"""Counts of things that are not counts: a development measure with no gold.

Sentences holding a digit or a number word are taken from the PolNeAR dev
articles (``polnear-dev/text``, split by article name) and from the GVA
incident articles (``gva-clusters/incidents.jsonl``, split by incident id),
each half apart (see ``splits.py``). Every quantity verify reads as a count
of things (kind ``count`` or ``range`` with no unit but ``person``) is put
through shape checks written here, independent of verify's own rules, that
say which class of not-a-count it looks like: a year, an age, an address, a
phone number, a score, a name or title with a number, a time of day, a date,
the pronoun "one", a web address or handle. A shape check is a suspicion, not
a verdict ("2000 people" looks like a year), so a random sample of 30
predicted counts per half is printed too, for a person to judge.

A sample of 240 predicted counts per half was judged by reading each
(``counts_labelled.json``: count, or not and why); the script scores the
precision of counts on it and the true counts the rules now lose.

Run ``python benchmarks/counts.py [--part=tune|held] [--limit=N] [--sample=N]``.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from splits import HALVES, half  # noqa: E402

_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
                 r"|forty|fifty|hundred|thousand|million|billion|dozens?|several|many|few")
_HAS_NUMBER = re.compile(r"\d|\b(" + _NUMBER_WORDS + r")\b", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s+[A-Z\"“]|\s*$)|(?=\n)|$)|[^\n]+?(?=\n|$)")


def data_dir() -> Path:
    return Path(os.environ.get("VERIFY_DATA") or ROOT.parent / "shared" / "data")


def _sentences(text: str) -> Iterator[str]:
    """Rough sentences: paragraphs cut after . ! ? before a capital."""
    for para in text.split("\n"):
        para = para.strip()
        start = 0
        for m in re.finditer(r"[.!?][\"”’]?\s+(?=[A-Z\"“])", para):
            before = para[max(0, m.start() - 4):m.start()]
            if re.search(r"\b(Mr|Mrs|Ms|Dr|St|No|Gov|Sen|Rep|Gen|Lt|Sgt|Jr|[A-Z])$", before):
                continue  # "Mr. Smith", "No. 2", "H.R. 3590"
            yield para[start:m.end()].strip()
            start = m.end()
        if para[start:].strip():
            yield para[start:].strip()


def sentences(folder: Path) -> dict[str, list[str]]:
    """The distinct sentences with a number of each half, from both sources."""
    out: dict[str, dict[str, None]] = {h: {} for h in HALVES}
    for path in sorted((folder / "polnear-dev" / "text").glob("*.txt")):
        for s in _sentences(path.read_text(encoding="utf-8")):
            if _HAS_NUMBER.search(s) and len(s) < 600:
                out[half(path.stem)][s] = None
    with (folder / "gva-clusters" / "incidents.jsonl").open(encoding="utf-8") as f:
        for line in f:
            inc = json.loads(line)
            for art in inc["articles"]:
                for s in _sentences(art.get("content") or ""):
                    if _HAS_NUMBER.search(s) and len(s) < 600:
                        out[half(str(inc["incident_id"]))][s] = None
    return {h: list(v) for h, v in out.items()}


# -- shape checks: (class, test on (sentence, start, end)) ----------------------

_MONTHS = (r"Jan(uary|\.)?|Feb(ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(ust|\.)?"
           r"|Sep(tember|t?\.)?|Oct(ober|\.)?|Nov(ember|\.)?|Dec(ember|\.)?")
_STREET = r"(Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Dr\.?|Court|Place|Way|Terrace|Parkway|Highway|Circle|Trail)\b"
_NOT_NAME = {"The", "A", "An", "In", "On", "At", "Of", "About", "Some", "Over", "Nearly", "Almost",
             "And", "But", "With", "By", "For", "To", "From", "Just", "Only", "Around", "Than",
             "Those", "These", "All", "Another", "Least", "Most", "Police", "Between", "Had", "Has",
             "Were", "Was", "Are", "Is", "Said", "Says", "Killed", "Shot", "Up", "After", "Before"}


def _year(s: str, a: int, b: int) -> bool:
    """A bare four-digit 1800-2039."""
    return re.fullmatch(r"(18|19)\d\d|20[0-3]\d", s[a:b].strip()) is not None


def _age(s: str, a: int, b: int) -> bool:
    """"22-year-old", "22 years old", "Smith, 34,", "aged 19", "(10)" after a name."""
    after, before = s[b:b + 14], s[max(0, a - 30):a]
    return bool(re.match(r"[- ]?(years?|yr)[- ]old", after)
                or re.search(r"\b(age|aged|ages)\s*$", before)
                or re.search(r"[A-Z][a-z]+\s*[,(]\s*$", before) and re.match(r"\s*[,)]", after))


def _address(s: str, a: int, b: int) -> bool:
    """"the 2000 block of", "55 Curtis Street", "Route 66", "Interstate 95"."""
    after, before = s[b:b + 40], s[max(0, a - 14):a]
    return bool(re.match(r"\s*(hundred\s+)?block\b", after)
                or re.match(r"\s+([NSEW]\.?\s+|North |South |East |West )?([A-Z][a-z]+\s+){1,2}" + _STREET, after)
                or re.search(r"\b(Route|Highway|Interstate|I-|U\.S\.|State Road|SR|County Road)\s*-?$", before))


def _phone(s: str, a: int, b: int) -> bool:
    """"(956) 487-5571", "800-222-TIPS", "555-1234"."""
    for m in re.finditer(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-](\d{4}|[A-Z]{4})\b|\b\d{3}-\d{4}\b", s):
        if m.start() <= a < m.end():
            return True
    return False


def _score(s: str, a: int, b: int) -> bool:
    """"won 3-1", "a 24-17 victory"."""
    for m in re.finditer(r"\b\d{1,3}\s*[-–]\s*\d{1,3}\b", s):
        if m.start() <= a < m.end() and re.search(
                r"\b(won|win|wins|beat|lost|loss|victory|defeat|score|scored|game|match|lead|led|tied)\b",
                s[max(0, m.start() - 40):m.end() + 40], re.I):
            return True
    return False


def _name(s: str, a: int, b: int) -> bool:
    """A number inside a name: "Apollo 11", "Fox 5", "Article 5", "COVID-19",
    "G7", "H.R. 3590", "Boeing 737", "Local 10 News"."""
    before = s[max(0, a - 20):a]
    if re.search(r"[A-Za-z]-?$", before) and not before.endswith(("$", " ")):
        return True  # glued: "COVID-19", "G7", "F-16"
    m = re.search(r"\b([A-Z][A-Za-z.]*|No\.|#)\s+$", before)
    if m and m.group(1) not in _NOT_NAME and not re.fullmatch(_MONTHS, m.group(1)) \
            and not re.search(r"(^|[.!?]\s+)$", before[:m.start()]):
        return True
    return bool(re.match(r"\s+(News|Fox|Eyewitness|Action)\b", s[b:b + 12]))


def _time(s: str, a: int, b: int) -> bool:
    """"10:30", "3 p.m.", "10 o'clock"."""
    return bool(re.match(r"(:\d\d)?\s*([ap]\.?m\b\.?|o['’]clock)", s[b:b + 8], re.I)
                or re.search(r"\d:$", s[max(0, a - 3):a]))


def _date(s: str, a: int, b: int) -> bool:
    """"May 4", "4 May", "March 3, 2014"."""
    return bool(re.search(r"\b(" + _MONTHS + r")\s*$", s[max(0, a - 12):a])
                or re.match(r"(st|nd|rd|th)?\s+(of\s+)?(" + _MONTHS + r")\b", s[b:b + 14]))


def _pronoun(s: str, a: int, b: int) -> bool:
    """"one of the", "no one", "the one"."""
    return s[a:b].lower() == "one" and bool(re.match(r"\s+of\b", s[b:b + 4])
                                            or re.search(r"\b(no|any|every|some|the|this|that)\s+$", s[max(0, a - 8):a], re.I))


def _url(s: str, a: int, b: int) -> bool:
    for m in re.finditer(r"(https?://|www\.)\S+|@\w+|\S+\.(com|org|net)\S*", s):
        if m.start() <= a < m.end():
            return True
    return False


CLASSES: list[tuple[str, Callable[[str, int, int], bool]]] = [
    ("year", _year), ("age", _age), ("address", _address), ("phone", _phone), ("score", _score),
    ("time of day", _time), ("date", _date), ("url or handle", _url), ("pronoun one", _pronoun),
    ("name with number", _name),
]


def is_count(q) -> bool:  # noqa: ANN001
    """A quantity read as a count of things."""
    return q.kind in ("count", "range") and q.unit in (None, "person")


def measure(texts: list[str]) -> tuple[int, Counter, list[tuple[str, int, int]], int]:
    """(predicted counts, counts per suspect class, every count as (sentence, start, end), ordinals)."""
    from verify.extract.quantities import quantities
    from verify.nlp import load_nlp

    classes: Counter = Counter()
    suspects: list[tuple[str, str, int, int]] = []
    found: list[tuple[str, int, int]] = []
    ordinals = 0
    for doc in load_nlp().pipe(texts, batch_size=128):
        s = doc.text
        for q in quantities(doc):
            if q.kind == "ordinal":
                ordinals += 1
            if not is_count(q):
                continue
            found.append((s, q.start, q.end))
            hit = next((name for name, test in CLASSES if test(s, q.start, q.end)), None)
            if hit:
                classes[hit] += 1
                suspects.append((hit, s, q.start, q.end))
    measure.suspects = suspects  # type: ignore[attr-defined]
    return len(found), classes, found, ordinals


def judged(all_sentences: dict[str, list[str]], part: str) -> tuple[int, int, int, list[str]]:
    """Against the hand-judged sample of one half: (true counts kept, not-counts
    kept, true counts lost, the not-counts kept, marked)."""
    import hashlib

    from verify.extract.quantities import quantities
    from verify.nlp import load_nlp

    items = [i for i in json.loads((ROOT / "benchmarks" / "counts_labelled.json").read_text(encoding="utf-8"))["items"]
             if i["half"] == part and i["label"] in ("count", "not")]
    by_hash = {hashlib.sha1(s.encode("utf-8")).hexdigest()[:16]: s for s in all_sentences[part]}
    texts = [by_hash[i["sentence"]] for i in items if i["sentence"] in by_hash]
    items = [i for i in items if i["sentence"] in by_hash]
    kept_true = kept_false = lost = 0
    wrong: list[str] = []
    for item, doc in zip(items, load_nlp().pipe(texts, batch_size=64)):
        still = any(is_count(q) and q.start == item["start"] for q in quantities(doc))
        if item["label"] == "count":
            kept_true += still
            lost += not still
        elif still:
            kept_false += 1
            s, a, b = doc.text, item["start"], item["end"]
            wrong.append(f"{item['why']}: …{s[max(0, a - 50):a]}[{s[a:b]}]{s[b:b + 40]}…".replace("\n", " "))
    return kept_true, kept_false, lost, wrong


def main(argv: list[str]) -> int:
    parts = [a.split("=", 1)[1] for a in argv if a.startswith("--part=")] or list(HALVES)
    limit = int(next((a.split("=", 1)[1] for a in argv if a.startswith("--limit=")), "2000"))
    sample = int(next((a.split("=", 1)[1] for a in argv if a.startswith("--sample=")), "30"))
    folder = data_dir()
    if not (folder / "gva-clusters").is_dir():
        raise SystemExit(f"data not found at {folder}; set VERIFY_DATA to the shared data folder")
    all_sentences = sentences(folder)
    for part in parts:
        texts = all_sentences[part]
        random.Random(0).shuffle(texts)
        texts = texts[:limit]
        n, classes, found, ordinals = measure(texts)
        suspect = sum(classes.values())
        print(f"{part} half: {len(texts)} sentences, {n} predicted counts, "
              f"{suspect} ({suspect / max(n, 1):.1%}) look like no count; {ordinals} ordinals")
        for name, _ in CLASSES:
            print(f"  {name:18} {classes[name]:4}")
        kept_true, kept_false, lost, wrong = judged(all_sentences, part)
        print(f"  judged sample: precision of counts {kept_true / max(kept_true + kept_false, 1):.3f} "
              f"({kept_true}/{kept_true + kept_false}), true counts lost {lost}")
        if "-v" in argv:
            for w in wrong:
                print(f"    not a count: {w}")
        if "-v" in argv:
            for name, s, a, b in sorted(measure.suspects):  # type: ignore[attr-defined]
                print(f"    {name}: …{s[max(0, a - 50):a]}[{s[a:b]}]{s[b:b + 40]}…".replace("\n", " "))
        if sample:
            print(f"  sample of {min(sample, n)} predicted counts:")
            for s, a, b in random.Random(1).sample(found, min(sample, n)):
                print(f"    …{s[max(0, a - 50):a]}[{s[a:b]}]{s[b:b + 40]}…".replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
