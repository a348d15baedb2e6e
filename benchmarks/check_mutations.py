"""Drafts with known answers, checked against an index: the acceptance test of ``verify check``.

Data: ``gva-clusters/incidents.jsonl`` (``../shared/data`` or ``$VERIFY_DATA``):
shootings, each reported by 2 to 17 local news articles; and the bundled
``seeds/``. From it:

- *kept out*: about one cluster in eight (a salted hash of its id and
  ``--seed``) goes nowhere near the index: its sentences are facts the index
  does not hold;
- *sources*: in every other cluster of three or more articles, one article
  (drawn with ``--seed``) is held out of the index: the drafts are made of
  its sentences; one seed file is held out likewise;
- *the index*: every other article of the sample (all clusters, of every
  size, and the other seeds) in ONE index, so that claims of different
  shootings can be confused. Built with ``verify.ingest.ingest`` under
  ``--workdir`` (kept and reused: ingest is incremental).

Every sentence of a draft has an expected status, from rules that look only
at the texts (``copy_label``, ``items_of``; ``benchmarks/README.md``):

copy
    the sentence unchanged. An indexed article of its cluster *states* it
    when they share a run of 8 words, or when it holds each of its counts
    (the same number, before the same noun, in a sentence with two more
    content words in common; three when the noun differs), or a sentence
    with all its numbers and capitalised names and 60 % of its content
    words. Articles that copy one text (half of their 4-word runs shared)
    are one origin. *supported*: two origins or more state it, one at least
    in its own voice (no "said", no quotation marks), and the draft's
    sentence reports no one's words; when a speaker may stand behind every
    telling it is *backed* (supported or single-source: verify counts
    reports that rest on one speaker once). *single-source*: exactly one
    article states it and no other article shares even a 4-word run, a
    number of two digits or 40 % of its content words. Anything else is
    left out (not guessed), and so are sentences whose count an article
    of the cluster gives another value (the sources disagree), sentences
    with no number and no capitalised word after the first ("He later
    died at the hospital."),
    sentences whose 8-word runs other clusters' articles hold too
    (boilerplate), and quotations whose speaker is unknown or not given
    those very words (all of them, in a row) in the index.
paraphrase
    a labelled copy reworded lightly ("..., police said." -> "According to
    police, ..."; else "said" -> "stated"): the copy's status.
number x10, /10, +1, -1, +50%, -50%; bound reversed
    a count that an indexed article of the cluster states, changed:
    *contradicted* (only x10 and /10 where another article of the cluster
    gives that count another value).
quote negation, quote word, quote speaker
    a quotation whose words an indexed article of the cluster holds, with the
    speaker's surname beside them: a negation added or removed, a content
    word replaced (by its opposite, or by a word of another quotation), or
    the speaker replaced by another person quoted in the sample and named
    in the index: *contradicted*.
invented other incident; invented name+place+number
    a sentence of a kept-out cluster (with a count or a name, and no 8-word
    run anywhere in the index); a sentence whose count an indexed article
    states, with the count, the place and the person named changed to
    those of a kept-out cluster: *unsupported*.
spelling
    a labelled copy with one spelling change (British/American, a compound
    joined or split, an age's hyphens, a capital, quotation marks, a serial
    comma, a title's period): the copy's status, and never *contradicted*.

A draft is 10 to 25 such sentences: those of one source article in its
order (each sentence in one of its forms: every form goes into some
draft), or of several sources of one half in date order, each a block of
paragraphs, with four to seven sentences of kept-out clusters among them;
under a ``date YYYY-MM-DD`` line (when its sources share that date), a
title, or nothing. Each sentence is scored by its span: the claims of
``check`` that overlap it, the worst status of them (contradicted, then
unsupported, single-source, supported); none overlapping is ``none``.

Figures, for the *tune* and the *held-apart* halves (clusters split by
``splits.half`` of their id, seeds by file name): precision and recall per
status and for *backed*; the share of x10 and /10 changes found
contradicted; accuracy per kind; and the most frequent misses as (expected,
got, rules) with two examples each.

    python benchmarks/check_mutations.py [--limit N] [--workdir DIR] [--json FILE] [--seed N]

``--limit`` takes the first N clusters in the seed's order. The engine tested
is the one ``import verify`` finds (``PYTHONPATH`` first; this script's
repository only as a fallback).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.append(str(ROOT))  # after PYTHONPATH: the engine of the tree it is run from

import mutations as mut
from splits import HALVES, half

STATUSES = ("supported", "single-source", "contradicted", "unsupported")
SEVERITY = {"contradicted": 0, "unsupported": 1, "single-source": 2, "supported": 3}
KEPT_OUT = 8  # one cluster in KEPT_OUT is kept out of the index
MIN_WORDS, MAX_WORDS = 6, 70
DRAFT_MIN, DRAFT_MAX = 10, 25
INVENTED = (4, 7)  # sentences of kept-out clusters in a draft
RUN, LOOSE_RUN = 8, 4
COPY_SHARE = 0.5
SPELLINGS = 3  # spelling variants of one sentence, each in its own draft
PARAPHRASE = 0.6  # content words a paraphrase shares (with all the numbers and names)
WEAK_SHARE = 0.4  # content words that make another article a possible origin
_CUE = re.compile(r"\b(said|says|say|told|tells|according to|stated|states|reported|reports|announced|"
                  r"added|adds|explained|testified|wrote|confirmed)\b|[“”\"]", re.IGNORECASE)


def data_dir() -> Path:
    return Path(os.environ.get("VERIFY_DATA") or ROOT.parent / "shared" / "data")


def seeds_dir() -> Path:
    return ROOT / "seeds"


def salted(seed: int, key: str) -> int:
    return int.from_bytes(hashlib.sha256(f"mutations:{seed}:{key}".encode()).digest()[:8], "big")


# --------------------------------------------------------------------------- the sample


@dataclass
class Article:
    id: str
    cluster: str
    text: str
    title: str = ""
    date: str = ""
    half: str = "tune"


@dataclass
class Cluster:
    id: str
    half: str
    articles: list[Article]
    place: str = ""
    names: list[str] = field(default_factory=list)
    kept_out: bool = False
    source: Article | None = None


def load_sample(limit: int | None, seed: int) -> list[Cluster]:
    path = data_dir() / "gva-clusters" / "incidents.jsonl"
    if not path.is_file():
        print(f"check_mutations.py: {path} not found: this benchmark needs the shared data folder "
              f"(expected at {data_dir()}; set VERIFY_DATA to the folder that holds gva-clusters/)", file=sys.stderr)
        sys.exit(2)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: salted(seed, str(r["incident_id"])))
    if limit:
        rows = rows[:limit]
    seen: set[str] = set()
    texts: set[str] = set()
    clusters = []
    for r in rows:
        cid = str(r["incident_id"])
        arts = []
        for a in r.get("articles", []):
            text = a.get("content") or ""
            key = " ".join(text.split())
            # an article listed by two incidents, or given twice, is read once
            if len(text.strip()) < 200 or a["doc_id"] in seen or key in texts:
                continue
            seen.add(a["doc_id"])
            texts.add(key)
            arts.append(Article(a["doc_id"], cid, text, a.get("title") or "", a.get("dct") or "", half(cid)))
        gva = r.get("gva", {})
        names = [p["Name"].strip() for p in gva.get("participants", []) if p.get("Name", "").strip()]
        clusters.append(Cluster(cid, half(cid), arts, (gva.get("city_or_county") or "").strip(), names))
    for c in clusters:
        c.kept_out = salted(seed, "out:" + c.id) % KEPT_OUT == 0
        if not c.kept_out and len(c.articles) >= 3:
            # a long article gives more sentences to draw from
            long = [a for a in c.articles if len(a.text) >= 1500] or c.articles
            c.source = random.Random(salted(seed, "source:" + c.id)).choice(long)
    # the seeds: one cluster of one conflict; one file held out
    files = sorted(seeds_dir().glob("*.txt"))
    if files:
        arts = [Article(f"seed:{f.name}", "seeds", f.read_text(encoding="utf-8"), half=half(f.stem)) for f in files]
        held = random.Random(salted(seed, "source:seeds")).choice(arts)
        c = Cluster("seeds", held.half, arts, source=held)
        clusters.append(c)
    return clusters


def indexed(clusters: list[Cluster]) -> list[Article]:
    return [a for c in clusters if not c.kept_out for a in c.articles if a is not c.source]


# --------------------------------------------------------------------------- the index


def build_index(work: Path, clusters: list[Cluster]) -> tuple[Path, dict]:
    from verify.index import Index
    from verify.ingest import ingest

    index_dir = work / "index"
    corpus = work / "corpus"
    wanted = indexed(clusters)
    wanted_ids = {_doc_id(a) for a in wanted}
    forbidden = {_doc_id(a) for c in clusters for a in c.articles} - wanted_ids
    rebuild = False
    fresh = not (index_dir / "manifest.json").exists()
    if not fresh:
        held = {d.id for d in Index.open(index_dir).documents()}
        if held & forbidden:
            print(f"  the index under {index_dir} holds {len(held & forbidden)} articles this sample keeps out "
                  "(another --seed or --limit): rebuilt", flush=True)
            rebuild = True
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    with (corpus / "gva.jsonl").open("w", encoding="utf-8") as f:
        for a in wanted:
            if a.cluster != "seeds":
                f.write(json.dumps({"doc_id": a.id, "title": a.title, "dct": a.date, "content": a.text},
                                   ensure_ascii=False) + "\n")
    seeds = corpus / "seeds"
    seeds.mkdir()
    for a in wanted:
        if a.cluster == "seeds":
            (seeds / a.id.removeprefix("seed:")).write_text(a.text, encoding="utf-8")
    t = time.perf_counter()
    done = [0]

    def progress(doc, claims) -> None:  # type: ignore[no-untyped-def]
        done[0] += 1
        if done[0] % 200 == 0:
            print(f"    {done[0]} of {len(wanted)} documents, {time.perf_counter() - t:.0f} s", flush=True)

    stats = ingest([corpus / "gva.jsonl", seeds], index_dir, rebuild=rebuild, progress=progress)
    dt = time.perf_counter() - t
    info_file = work / "ingest.json"
    info = json.loads(info_file.read_text()) if info_file.exists() and not rebuild else {}
    run = {"documents": stats.documents, "skipped": stats.skipped, "claims": stats.claims,
           "bad": len(stats.errors), "seconds": round(dt, 1)}
    if fresh or rebuild:
        info["first"] = run  # the ingest of the whole sample into an empty index
    info["last"] = run
    info["index_documents"] = Index.open(index_dir).counts.get("documents", 0)
    info["index_claims"] = Index.open(index_dir).counts.get("claims", 0)
    info_file.write_text(json.dumps(info, indent=1) + "\n")
    return index_dir, info


def _doc_id(a: Article) -> str:
    """The document id verify gives the article: the record's doc_id, a seed file's stem."""
    return a.id if a.cluster != "seeds" else Path(a.id.removeprefix("seed:")).stem


# --------------------------------------------------------------------------- what the index states


def grams(toks: list[str], n: int) -> set[int]:
    return {hash(tuple(toks[i : i + n])) for i in range(len(toks) - n + 1)}


@dataclass
class Known:
    """An indexed article seen by the labelling rules: its runs, counts and origin."""

    article: Article
    run: set[int]
    loose: set[int]
    counts: list[tuple[float, str, set[str]]]  # value, noun, content words of its sentence
    values: set[float]
    digits: set[str]
    sents: list[tuple[set[str], set[str]]]  # each sentence's tokens and content words
    origin: int = 0


def know(a: Article) -> Known:
    toks = mut.tokens(a.text)
    counts, values, sents = [], set(), []
    for s, e in mut.sentences(a.text):
        sent = a.text[s:e]
        words = mut.content_words(sent)
        sents.append((set(mut.tokens(sent)), words))
        for n in mut.numbers(sent):
            counts.append((n.value, _stem(n.noun), words))
            values.add(n.value)
    return Known(a, grams(toks, RUN), grams(toks, LOOSE_RUN), counts, values, set(re.findall(r"\d{2,}", a.text)), sents)


def _stem(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def origins(known: list[Known]) -> None:
    """Articles that copy one text (half of the smaller's 5-word runs shared) are one origin."""
    parent = list(range(len(known)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(known)):
        for j in range(i + 1, len(known)):
            a, b = known[i].loose, known[j].loose
            if a and b and len(a & b) >= COPY_SHARE * min(len(a), len(b)):
                parent[find(i)] = find(j)
    for i, k in enumerate(known):
        k.origin = find(i)


def disputed(k: Known, n: mut.Number, words: set[str]) -> bool:
    """An article gives another value to a count: the same noun, in a sentence
    with two more content words of the draft's sentence."""
    noun = _stem(n.noun)
    return any(v != n.value and nn == noun and len((w & words) - {noun, n.noun}) >= 2 for v, nn, w in k.counts)


def paraphrase(k: Known, must: set[str], words: set[str], share: float) -> bool:
    """A sentence of the article holds every token of ``must`` (the draft
    sentence's numbers and names) and ``share`` of its content words (four at least)."""
    need = max(4, share * len(words))
    return any(must <= toks and len(w & words) >= need for toks, w in k.sents)


def states_count(k: Known, n: mut.Number, words: set[str]) -> bool:
    """An article states a count: the same value in a sentence with two more
    content words of the draft's sentence, before the same noun, or three
    more when the noun differs ("five were hurt", "five people were hurt")."""
    noun = _stem(n.noun)
    return any(v == n.value and len((w & words) - {noun, n.noun}) >= (2 if nn == noun else 3)
               for v, nn, w in k.counts)


# --------------------------------------------------------------------------- sentences and labels


@dataclass
class Item:
    """One sentence of a draft: what it is, what it should get, what it got."""

    kind: str
    expected: str
    text: str
    original: str
    source: str
    cluster: str
    half: str
    detail: str = ""
    draft: int = -1
    start: int = -1
    end: int = -1
    got: str = ""
    reason: str = ""
    rules: list[str] = field(default_factory=list)


def candidate(sent: str) -> bool:
    """A whole sentence of 6 to 70 words (not cut short with "...")."""
    w = sent.split()
    return (MIN_WORDS <= len(w) <= MAX_WORDS and any(ch.islower() for ch in sent) and sent[-1] in ".!?\"”’'"
            and not sent.rstrip("\"”’'").endswith(("...", "…")))


def specific(sent: str) -> bool:
    """A sentence with a number or a capitalised word after its first: not a
    statement any shooting's report could make ("He later died at the hospital.")."""
    return bool(re.search(r"\d", sent)) or bool(mut.numbers(sent)) or bool(re.search(r"\s[A-Z][a-z]+", sent))


def usable(a: Article) -> list[tuple[int, int]]:
    """The spans of an article's sentences that a draft may take: whole ones,
    not page furniture (verify's reader's skip spans), each text once."""
    from verify.read import document_from_text

    skip = document_from_text(a.text, id=a.id, path=a.id).skip
    out, seen = [], set()
    for s, e in mut.sentences(a.text):
        sent = a.text[s:e]
        key = " ".join(mut.tokens(sent))
        if not candidate(sent) or key in seen or any(s < b and a_ < e for a_, b in skip):
            continue
        seen.add(key)
        out.append((s, e))
    return out


def copy_label(sent: str, mine: list[Known], elsewhere: dict[int, set[str]], cluster: str,
               said: list[tuple[int, int, str, str]]) -> tuple[str, str] | None:
    """The expected status of an unchanged sentence, with why; None when it cannot be told with confidence."""
    toks = mut.tokens(sent)
    runs, loose = grams(toks, RUN), grams(toks, LOOSE_RUN)
    if not specific(sent):
        return None
    if mut.quotes(sent):
        # a quotation: only when its speaker is known and the index gives it to them
        who = [m for _, _, m, q in said if q and q.strip(" ,.") in sent]
        if not who or not quote_known(next(q for _, _, m, q in said if q and q.strip(" ,.") in sent),
                                      who[0].split()[-1], mine, whole=True):
            return None
    if any(elsewhere.get(g, {cluster}) - {cluster} for g in runs):
        return None  # boilerplate other clusters hold too
    words = mut.content_words(sent)
    nums = mut.numbers(sent)
    digits = set(re.findall(r"\d{2,}", sent))
    must = {t for t in toks if t.isdigit()} | {w.lower() for w in re.findall(r"(?<=\s)[A-Z][a-z]+", sent)}
    strong, weak, own_voice = set(), set(), set()
    for k in mine:
        if (runs & k.run) or (nums and all(states_count(k, n, words) for n in nums)) \
                or (must and paraphrase(k, must, words, PARAPHRASE)):
            strong.add(k.origin)
            if not _CUE.search(" ".join(t for t in _stating(k, runs, must, words))):
                own_voice.add(k.origin)
        if (loose & k.loose) or (digits & k.digits) or any(n.value in k.values for n in nums) \
                or paraphrase(k, set(), words, WEAK_SHARE):
            weak.add(k.article.id)  # articles, not origins: a copy may count apart
    if not strong:
        return None
    if any(disputed(k, n, words) for k in mine for n in nums):
        return None  # the sources disagree on a count: either status could be right
    if len(strong) == 1 and len(weak) == 1:
        return "single-source", "one origin states it"
    if len(strong) >= 2:
        if _CUE.search(sent) or not own_voice:
            # one speaker may stand behind every telling: one origin or several
            return "backed", f"{len(strong)} origins, but they may all report one speaker's words"
        return "supported", f"{len(strong)} independent origins state it, {len(own_voice)} in their own voice"
    return None


def _stating(k: Known, runs: set[int], must: set[str], words: set[str]) -> list[str]:
    """The sentences of an article that state the draft's sentence (a shared
    run, or its names, numbers and most of its words), or those that hold two
    of its content words when neither rule finds one (a count's sentence)."""
    text = k.article.text
    sents = [text[s:e] for s, e in mut.sentences(text)]
    found = [t for t in sents if runs & grams(mut.tokens(t), RUN)]
    found += [t for t in sents if must and must <= set(mut.tokens(t))
              and len(mut.content_words(t) & words) >= max(4, PARAPHRASE * len(words))]
    return found or [t for t in sents if len(mut.content_words(t) & words) >= 2]


def quote_known(quote: str, surname: str, mine: list[Known], whole: bool = False) -> bool:
    """An indexed article holds the quotation's words (8 in a row, or all of a
    shorter one; all of them in a row when ``whole``) with the speaker's
    surname in that sentence or the one before or after."""
    qt = mut.tokens(quote)
    n = min(RUN, len(qt))
    want = grams(qt, n)
    joined = f" {' '.join(qt)} "
    for k in mine:
        sents = mut.sentences(k.article.text)
        for i, (s, e) in enumerate(sents):
            toks = mut.tokens(k.article.text[s:e])
            if (joined in f" {' '.join(toks)} ") if whole else (want & grams(toks, n)):
                near = " ".join(k.article.text[a:b] for a, b in sents[max(0, i - 1) : i + 2])
                if re.search(rf"\b{re.escape(surname)}\b", near):
                    return True
    return False


_PERSON = re.compile(r"^(?:[A-Z][a-z'’.-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’.-]+|[A-Z]\.))*$")


def speakers(articles: list[Article], work: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    """Per article, the claims with a quotation and a person for speaker named
    in full: (mention start, end, mention, quote), from verify's extraction (cached)."""
    cache = work / "speakers.json"
    have = json.loads(cache.read_text()) if cache.exists() else {}
    todo = [a for a in articles if a.id not in have]
    if todo:
        from verify.extract.claims import extract
        from verify.read import document_from_text

        print(f"  speakers of {len(todo)} source articles (verify's extraction) ...", flush=True)
        docs = [document_from_text(a.text, id=a.id, path=a.id) for a in todo]
        for doc, claims in extract(docs):
            have[doc.id] = [
                (c.speaker_start, c.speaker_end, c.speaker_mention, c.quote)
                for c in claims
                if c.quote and c.speaker_type == "person" and c.speaker_start is not None
                and c.speaker_mention and _PERSON.match(c.speaker_mention)
            ]
        cache.write_text(json.dumps(have) + "\n")
    return have


# --------------------------------------------------------------------------- the items of one source


def items_of(c: Cluster, mine: list[Known], elsewhere: dict[int, set[str]], said: list, others: dict,
             rng: random.Random) -> list[list[Item]]:
    """For each usable sentence of the cluster's source, every item it gives (the copy first when labelled)."""
    src = c.source
    assert src is not None
    out = []
    for s, e in usable(src):
        sent = src.text[s:e]
        base = dict(original=sent, source=src.id, cluster=c.id, half=c.half)
        found: list[Item] = []
        label = copy_label(sent, mine, elsewhere, c.id, said)
        if label:
            found.append(Item("copy", label[0], sent, detail=label[1], **base))
            variants = mut.spelling_variants(sent)
            rng.shuffle(variants)
            for what, new in variants[:SPELLINGS]:
                found.append(Item("spelling", label[0], new, detail=what, **base))
            para = mut.paraphrase(sent)
            if para:
                found.append(Item("paraphrase", label[0], para[1], detail=para[0], **base))
        words = mut.content_words(sent)
        for n in mut.numbers(sent):
            if not any(states_count(k, n, words) for k in mine):
                continue
            # where the sources disagree on the count, a small change may be another source's value
            small = not any(disputed(k, n, words) for k in mine)
            for change in mut.CHANGES if small else ("x10", "/10"):
                new = mut.change_number(sent, n, change)
                if new:
                    found.append(Item(f"number {change}", "contradicted", new, detail=f"{n.text} {n.noun}", **base))
            new = mut.reverse_bound(sent, n)
            if new:
                found.append(Item("bound reversed", "contradicted", new, detail=f"{n.bound} {n.text}", **base))
            swap = _swap(sent, n, c, others, rng) if n.value >= 2 and not n.bound else None
            if swap:
                found.append(Item("invented name+place+number", "unsupported", swap[0], detail=swap[1], **base))
        for ms, me, mention, quote in said:
            if not (s <= ms and me <= e):
                continue
            spans = [q for q in mut.quotes(sent) if sent[q[0]:q[1]].strip(" ,.") in quote or quote in sent[q[0]:q[1]]]
            surname = mention.split()[-1]
            if not spans or not quote_known(quote, surname, mine):
                continue
            q = spans[0]
            for how in ("negation", "word"):
                new = mut.mutate_quote(sent, q, how, rng, others["words"])
                if new:
                    found.append(Item(f"quote {how}", "contradicted", new, **base))
            pool = [p for p in others["people"] if p.split()[-1] != surname
                    and (len(p.split()) > 1) == (len(mention.split()) > 1)]
            if pool:
                who = rng.choice(pool)
                found.append(Item("quote speaker", "contradicted", mut.replace_span(sent, (ms - s, me - s), who),
                                  detail=f"{mention} -> {who}", **base))
            break
        if found:
            out.append(found)
    return out


def _swap(sent: str, n: mut.Number, c: Cluster, others: dict, rng: random.Random) -> tuple[str, str] | None:
    """The count, the place and the person named (every mention) changed to a
    kept-out cluster's: the count always, and the place or the person or both."""
    edits: list[tuple[int, int, str]] = []
    what = []
    if c.place and others["places"] and re.search(rf"\b{re.escape(c.place)}\b", sent):
        new = rng.choice(others["places"])
        edits += [(m.start(), m.end(), new) for m in re.finditer(rf"\b{re.escape(c.place)}\b", sent)]
        what.append(f"{c.place} -> {new}")
    for name in c.names:
        parts = name.split()
        if len(parts) < 2 or not others["names"] or not re.search(rf"\b{re.escape(parts[-1])}\b", sent):
            continue
        new = rng.choice(others["names"])
        for m in re.finditer(rf"\b{re.escape(name)}\b|\b{re.escape(parts[-1])}\b", sent):
            edits.append((m.start(), m.end(), new if m.group(0) == name else new.split()[-1]))
        what.append(f"{name} -> {new}")
        break
    if not edits:
        return None
    new_value = n.value * 3
    edits.append((n.start, n.end, mut.render(new_value, n)))
    what.append(f"{n.text} -> {mut.render(new_value, n)}")
    edits.sort()
    if any(a[1] > b[0] for a, b in zip(edits, edits[1:])):
        return None
    out, at = [], 0
    for a, b, rep in edits:
        out.append(sent[at:a] + rep)
        at = b
    out.append(sent[at:])
    return "".join(out), "; ".join(what)


# --------------------------------------------------------------------------- drafts


@dataclass
class Draft:
    text: str
    items: list[Item]
    half: str
    head: str


def make_drafts(per_source: list[tuple[Cluster, list[list[Item]]]], invented: dict[str, list[Item]],
                variants: int, rng: random.Random) -> list[Draft]:
    """Drafts of 10 to 25 sentences, ``variants`` passes over the sources (each
    sentence takes another of its items in each pass). A draft holds the
    sentences of one source, in order, or of several sources of one half
    taken in date order (a round-up), each source a block of paragraphs;
    one to three sentences of kept-out clusters go in among them."""
    drafts: list[Draft] = []
    by_half: dict[str, list[tuple[Cluster, list[list[Item]]]]] = defaultdict(list)
    for c, rows in per_source:
        if rows:
            by_half[c.half].append((c, rows))
    for h, group in sorted(by_half.items()):
        group.sort(key=lambda x: (x[0].source.date if x[0].source else "", x[0].id))
        pool = invented.get(h, [])
        # each sentence's items in a fixed random order, the copy first in about a third
        for _, rows in group:
            for row in rows:
                rng.shuffle(row)
                if row[0].kind != "copy" and any(i.kind == "copy" for i in row) and rng.random() < 0.35:
                    row.sort(key=lambda i: i.kind != "copy")
        passes = variants or max(len(row) for _, rows in group for row in rows)
        for v in range(passes):
            blocks: list[tuple[Article, list[Item]]] = []
            for c, rows in group:
                chosen = [row[v] for row in rows if v < len(row)]
                assert c.source is not None
                if chosen:
                    blocks.append((c.source, chosen[:DRAFT_MAX]))
            at = 0
            while at < len(blocks):
                target = rng.randint(DRAFT_MIN, DRAFT_MAX)
                extra = rng.randint(INVENTED[0], INVENTED[1]) if pool else 0
                take: list[tuple[Article, list[Item]]] = []
                size = extra
                while at < len(blocks) and size < target and size + len(blocks[at][1]) <= DRAFT_MAX:
                    take.append(blocks[at])
                    size += len(blocks[at][1])
                    at += 1
                if not take:  # one block alone over the target
                    take.append(blocks[at])
                    at += 1
                if size < DRAFT_MIN:
                    continue  # the tail of a half
                for _ in range(min(extra, len(pool))):
                    _, its = take[rng.randrange(len(take))]
                    its.insert(rng.randrange(len(its) + 1), pool.pop(rng.randrange(len(pool))))
                d = Draft("", [], h, rng.choice(["date", "title", "none"]))
                _assemble(d, take, rng)
                drafts.append(d)
    return drafts


def _assemble(d: Draft, blocks: list[tuple[Article, list[Item]]], rng: random.Random) -> None:
    """The draft's text and each sentence's span in it. A date line only when
    every source has that date (the draft's times are read against it)."""
    dates = {src.date for src, _ in blocks}
    first = blocks[0][0]
    text = ""
    if d.head == "date" and len(dates) == 1 and first.date:
        text = f"date {first.date}\n\n"
    elif d.head in ("date", "title") and first.title:
        d.head = "title"
        text = f"{' '.join(first.title.split())}\n\n"
    else:
        d.head = "none"
    for b, (_, its) in enumerate(blocks):
        if b:
            text += "\n\n"
        for i, it in enumerate(its):
            if i:
                text += "\n\n" if rng.random() < 0.5 else " "
            it = Item(**asdict(it))
            it.start = len(text)
            text += it.text
            it.end = len(text)
            d.items.append(it)
    d.text = text + "\n"


# --------------------------------------------------------------------------- checking and scoring


def run_checks(drafts: list[Draft], index_dir: Path) -> float:
    from verify.check import check
    from verify.read import document_from_text

    t = time.perf_counter()
    for n, d in enumerate(drafts):
        doc = document_from_text(d.text, id=f"draft-{n}", path=f"draft-{n}.txt")
        result = check(doc, index=index_dir)
        for it in d.items:
            it.draft = n
            over = [c for c in result.claims if c.start < it.end and c.end > it.start]
            if not over:
                it.got, it.reason, it.rules = "none", "no claim of the draft covers this sentence", []
                continue
            worst = min(over, key=lambda c: SEVERITY.get(c.status, 9))
            it.got, it.reason = worst.status, worst.reason
            it.rules = sorted({r for c in over if c.status == worst.status for r in getattr(c, "rules", []) or []})
        if (n + 1) % 25 == 0:
            print(f"    {n + 1} of {len(drafts)} drafts checked, {time.perf_counter() - t:.0f} s", flush=True)
    return time.perf_counter() - t


def right(it: Item) -> bool:
    if it.expected == "backed":
        return it.got in ("supported", "single-source")
    return it.got == it.expected


def pr(items: list[Item], status: str) -> tuple[float, float, int, int, int]:
    """Precision and recall of one status over the items with a definite expected status."""
    exact = [i for i in items if i.expected != "backed"]
    tp = sum(1 for i in exact if i.got == status and i.expected == status)
    pred = sum(1 for i in exact if i.got == status)
    gold = sum(1 for i in exact if i.expected == status)
    return (tp / pred if pred else float("nan")), (tp / gold if gold else float("nan")), tp, pred, gold


def backed_pr(items: list[Item]) -> tuple[float, float, int, int, int]:
    good = ("supported", "single-source", "backed")
    tp = sum(1 for i in items if i.expected in good and i.got in good)
    pred = sum(1 for i in items if i.got in good)
    gold = sum(1 for i in items if i.expected in good)
    return (tp / pred if pred else float("nan")), (tp / gold if gold else float("nan")), tp, pred, gold


def report(items: list[Item], name: str) -> dict:
    print(f"\n== {name} half: {len(items)} sentences in {len({i.draft for i in items})} drafts")
    out: dict = {"sentences": len(items), "status": {}, "kinds": {}}
    print(f"  {'status':<14} {'precision':>9} {'recall':>7}   (right / predicted / expected)")
    for s in STATUSES:
        p, r, tp, pred, gold = pr(items, s)
        out["status"][s] = {"precision": p, "recall": r, "tp": tp, "predicted": pred, "expected": gold}
        print(f"  {s:<14} {p:9.3f} {r:7.3f}   ({tp} / {pred} / {gold})")
    p, r, tp, pred, gold = backed_pr(items)
    out["status"]["backed"] = {"precision": p, "recall": r, "tp": tp, "predicted": pred, "expected": gold}
    print(f"  {'backed':<14} {p:9.3f} {r:7.3f}   ({tp} / {pred} / {gold})  supported or single-source")
    scale = [i for i in items if i.kind in ("number x10", "number /10")]
    found = sum(1 for i in scale if i.got == "contradicted")
    out["x10_div10_contradicted"] = found / len(scale) if scale else float("nan")
    each = ", ".join(f"{k.split()[1]} {sum(i.got == 'contradicted' for i in scale if i.kind == k)} of "
                     f"{sum(i.kind == k for i in scale)}" for k in ("number x10", "number /10"))
    print(f"  x10 and /10 changes found contradicted: {found} of {len(scale)} "
          f"({out['x10_div10_contradicted']:.3f}; {each})")
    spell = [i for i in items if i.kind == "spelling"]
    bad = sum(1 for i in spell if i.got == "contradicted")
    print(f"  spelling variants found contradicted: {bad} of {len(spell)}")
    print(f"  {'kind':<28} {'expected':<13} {'n':>5} {'right':>6}  got")
    kinds = sorted({i.kind for i in items})
    for k in kinds:
        ks = [i for i in items if i.kind == k]
        exp = Counter(i.expected for i in ks).most_common(1)[0][0] if len({i.expected for i in ks}) == 1 else "(copy's)"
        acc = sum(map(right, ks)) / len(ks)
        got = Counter(i.got for i in ks)
        out["kinds"][k] = {"n": len(ks), "accuracy": acc, "got": dict(got)}
        print(f"  {k:<28} {exp:<13} {len(ks):5d} {acc:6.3f}  "
              + ", ".join(f"{g} {n}" for g, n in got.most_common()))
    misses = [i for i in items if not right(i)]
    triples = Counter((i.expected, i.got, ",".join(i.rules) or "-") for i in misses)
    print(f"  misses: {len(misses)}; most frequent (expected, got, rules):")
    out["misses"] = []
    for (e, g, r), n in triples.most_common(8):
        ex = [i for i in misses if (i.expected, i.got, ",".join(i.rules) or "-") == (e, g, r)][:2]
        out["misses"].append({"expected": e, "got": g, "rules": r, "n": n})
        print(f"    {n:4d}  expected {e}, got {g}, rules {r}")
        for i in ex:
            print(f"          [{i.kind}] {_cut(i.text, 150)}")
            print(f"              reason: {_cut(i.reason, 150)}")
    return out


def _finite(x):  # type: ignore[no-untyped-def]
    """NaN (a ratio of nothing) as null, for strict JSON readers."""
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, dict):
        return {k: _finite(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_finite(v) for v in x]
    return x


def _cut(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="clusters taken (the first N in the seed's order)")
    ap.add_argument("--workdir", type=Path, default=None, help="where the index is kept and reused")
    ap.add_argument("--json", type=Path, default=None, help="every sentence with kind, expected, got, reason, rules; the drafts' texts")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variants", type=int, default=0,
                    help="passes over the sources, each taking another item of every sentence (0: all of them)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    clusters = load_sample(args.limit, args.seed)
    import verify

    print(f"engine: {Path(verify.__file__).parent}")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="check-mutations-"))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)

    sources = [c for c in clusters if c.source]
    kept = [c for c in clusters if c.kept_out]
    print(f"sample: {len(clusters)} clusters, {len(sources)} sources held out, {len(kept)} clusters kept out, "
          f"{len(indexed(clusters))} articles to index")
    print("index ...", flush=True)
    index_dir, info = build_index(work, clusters)
    first = info.get("first") or {}
    print(f"  index: {info['index_documents']} documents, {info['index_claims']} claims; this run's ingest "
          f"{info['last']['seconds']:.0f} s ({info['last']['documents']} new, {info['last']['skipped']} unchanged); "
          f"first ingest {first.get('seconds', float('nan')):.0f} s for {first.get('documents', 0)} documents")

    t = time.perf_counter()
    known = {a.id: know(a) for a in indexed(clusters)}
    elsewhere: dict[int, set[str]] = defaultdict(set)
    for k in known.values():
        for g in k.run:
            elsewhere[g].add(k.article.cluster)
    said = speakers([c.source for c in sources if c.source], work)
    # what kept-out clusters lend: places, people, quoted words (none of them in the index)
    index_words = set()
    for k in known.values():
        index_words.update(re.findall(r"[A-Z][a-z]+", k.article.text))
    others: dict = {"places": [], "names": [], "people": [], "words": []}
    for c in kept:
        if c.place and c.place.split()[0] not in index_words:
            others["places"].append(c.place)
        others["names"] += [n for n in c.names if len(n.split()) >= 2 and n.split()[-1] not in index_words]
    for c in sources:
        for _, _, mention, quote in said.get(c.source.id, []):  # type: ignore[union-attr]
            if mention.split()[-1] in index_words:  # a person the corpus names
                others["people"].append(mention)
            others["words"] += re.findall(r"[a-z]+", quote)
    others["people"] = sorted(set(others["people"]))
    others["words"] = sorted(set(others["words"]))

    per_source = []
    for c in sources:
        mine = [known[a.id] for a in c.articles if a.id in known]
        origins(mine)
        spk = [tuple(x) for x in said.get(c.source.id, [])]  # type: ignore[union-attr]
        per_source.append((c, items_of(c, mine, elsewhere, spk, others, random.Random(salted(args.seed, c.id)))))
    invented: dict[str, list[Item]] = defaultdict(list)
    for c in kept:
        for a in c.articles:
            for s, e in usable(a):
                sent = a.text[s:e]
                if specific(sent) and not (grams(mut.tokens(sent), RUN) & elsewhere.keys()):
                    invented[c.half].append(Item("invented other incident", "unsupported", sent, sent, a.id, c.id, c.half))
    for h in invented:
        rng.shuffle(invented[h])
    drafts = make_drafts(per_source, invented, args.variants, rng)
    items = [i for d in drafts for i in d.items]
    print(f"  {len(drafts)} drafts, {len(items)} sentences generated in {time.perf_counter() - t:.0f} s "
          f"(heads: {dict(Counter(d.head for d in drafts))})", flush=True)

    print("check ...", flush=True)
    dt = run_checks(drafts, index_dir)
    print(f"  {len(drafts)} drafts checked in {dt:.0f} s ({dt / max(1, len(drafts)):.2f} s a draft)")
    summary = {"engine": str(Path(verify.__file__).parent), "seed": args.seed, "limit": args.limit,
               "index": info, "drafts": len(drafts), "check_seconds": round(dt, 1), "halves": {}}
    for h in HALVES:
        summary["halves"][h] = report([i for i in items if i.half == h], "tune" if h == "tune" else "held-apart")
    per_half = ", ".join(f"{h} {summary['halves'][h]['sentences']}" for h in HALVES)
    print(f"\ntotal {len(items)} sentences ({per_half}); run {time.perf_counter() - t0:.0f} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(_finite({"summary": summary, "sentences": [asdict(i) for i in items],
                                                 "drafts": [d.text for d in drafts]}),
                                        indent=1, ensure_ascii=False) + "\n")
        print(f"every sentence in {args.json}")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
