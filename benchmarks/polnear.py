"""Attribution accuracy on the PolNeAR dev split (Newell, Margolin and Ruths, LREC 2018).

For each gold attribution relation that has a Source, the claim that overlaps
its Content span most must name the Source: its speaker mention overlaps the
Source span, or its speaker or mention equals the Source's words (case and
punctuation ignored). Relations without a Source are not counted. Also, of
the relations whose Source is written as a name ("Mr. Trump", "Hillary
Clinton"), the share whose speaker is that name, resolved ("Donald Trump"),
not only a mention overlapping it: what a reader of the claims sees. And of
the relations whose Source is a pronoun or a description ("she", "the GOP
nominee", "the union"), the share whose speaker is the person or body it
refers to, by hand-labelled referents (``polnear_referents.json``).

And, read as a set of quoted spans with a named speaker (how quotes are
scored elsewhere): every span between quotation marks, of three words or more,
inside a relation whose Source names someone (the name, or the referent a
pronoun or description was labelled with). The claim that overlaps the quote
most must give that person as its speaker or speaker mention.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import mutations as mut  # noqa: E402


def data_dir() -> Path:
    return Path(os.environ.get("VERIFY_DATA", ROOT.parent / "shared" / "data"))


def _spans(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()[-2:]
        out.append((int(a), int(b)))
    return out


def relations(folder: Path) -> dict[str, list[dict]]:
    """Gold relations per article: Source, Cue and Content spans (one annotator per article)."""
    by_article: dict[str, list[dict]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        if article in by_article:
            continue  # several annotators: the first in sorted order
        spans: dict[str, tuple[list[tuple[int, int]], str]] = {}
        rels = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if parts[0].startswith("T") and len(parts) >= 2:
                spans[parts[0]] = (_spans(parts[1].split(" ", 1)[1]), parts[2] if len(parts) > 2 else "")
            elif parts[0].startswith("E") and len(parts) >= 2:
                rels.append(dict(x.split(":", 1) for x in parts[1].split()))
        by_article[article] = [
            {k: spans[v] for k, v in r.items() if v in spans and k in ("Source", "Cue", "Content")}
            for r in rels
        ]
    return by_article


QUOTE_MIN_WORDS = 3


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans between paired quotation marks within a paragraph (the words, not
    the marks), of QUOTE_MIN_WORDS words or more; independent of verify's reader."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        a = para.start()
        body = para.group()
        for m in re.finditer(r"“([^“”]+)”|\"([^\"]+)\"", body):
            g = 1 if m.group(1) is not None else 2
            if len(m.group(g).split()) >= QUOTE_MIN_WORDS:
                out.append((a + m.start(g), a + m.end(g)))
    return out


def _fold(s: str | None) -> str:
    from verify.extract.names import fold

    return fold(s or "")


def _same_person(source: str, speaker: str) -> bool:
    """"Mr. Trump" and "Trump" name the speaker "Donald Trump"."""
    from verify.extract.names import strip_titles

    src = _fold(strip_titles(source)).split()
    return bool(src) and src[-1] == (_fold(speaker).split() or [""])[-1] and set(src) <= set(_fold(speaker).split())


def score(limit: int | None = None, verbose: bool = False, part: str | None = None, layout: str = "as-is") -> dict:
    """Accuracy over the articles of one half (``part``: "tune" or "held", see
    ``splits.py``) or of all (None), the articles laid out as ``layout`` says."""
    from verify.extract.attribution import attributions
    from verify.nlp import parse_blocks

    folder = data_dir() / "polnear-dev"
    if not folder.is_dir():
        raise SystemExit(f"PolNeAR data not found at {folder}; set VERIFY_DATA to the shared data folder")
    gold = relations(folder)
    articles = sorted(gold)[:limit]
    if part is not None:
        from splits import half

        articles = [a for a in articles if half(a) == part]
    texts = [mut.laid_out((folder / "text" / f"{a}.txt").read_text(encoding="utf-8"), layout) for a in articles]
    right = total = named_right = named_total = ref_right = ref_total = unnamed_total = unnamed_named = 0
    referents = json.loads((ROOT / "benchmarks" / "polnear_referents.json").read_text(encoding="utf-8"))["referents"]
    misses: Counter[str] = Counter()
    quote_right = quote_total = 0
    quote_misses: Counter[str] = Counter()
    for article, text, blocks in zip(articles, texts, parse_blocks((t, []) for t in texts)):
        claims = attributions(text, blocks)
        q_right, q_total, q_misses = _quotes_scored(article, text, gold[article], referents, claims, verbose)
        quote_right += q_right
        quote_total += q_total
        quote_misses.update(q_misses)
        for index, rel in enumerate(gold[article]):
            if "Source" not in rel or "Content" not in rel:
                continue
            total += 1
            content = rel["Content"][0]
            src_spans, src_text = rel["Source"]

            def overlap(c) -> int:
                return sum(max(0, min(c.end, b) - max(c.start, a)) for a, b in content)

            best = max(claims, key=overlap, default=None)
            ok = False
            if best is not None and overlap(best) > 0 and best.speaker:
                ms, me = best.mention_start, best.mention_end
                if ms is not None and any(ms < b and a < me for a, b in src_spans):
                    ok = True
                elif _fold(src_text) in (_fold(best.speaker), _fold(best.mention)):
                    ok = True
                elif _same_person(src_text, best.speaker):
                    ok = True
            right += ok
            if _a_name(src_text):
                # The source written as a name: the speaker must be that
                # person or body, resolved, not only a mention of it.
                named_total += 1
                named_right += bool(best is not None and overlap(best) > 0 and best.speaker and (
                    _fold(src_text) == _fold(best.speaker) or _same_person(src_text, best.speaker)))
            referent, kind = referents.get(f"{article}#{index}", (None, None))
            if kind == "unnamed":
                # No one named: a speaker given a name the source does not
                # hold ("The campaign said" as "FBI") is one invented.
                unnamed_total += 1
                got = best.speaker if best is not None and overlap(best) > 0 else None
                unnamed_named += bool(got) and _a_name(got) and _fold(got) not in _fold(src_text)
            if referent:
                # A pronoun or a description: the speaker must be whom it
                # refers to, as a reader of the article knows it.
                ref_total += 1
                ref_right += bool(best is not None and overlap(best) > 0 and _refers(referent, best.speaker))
            if not ok:
                why = "no speaker" if best is None or not best.speaker else "other speaker"
                misses[why] += 1
                if verbose:
                    got = best.speaker if best else None
                    snippet = text[content[0][0]:content[-1][1]][:80].replace("\n", " ")
                    print(f"  miss {article[:30]} src={src_text!r} got={got!r} mention={best.mention if best else None!r} | {snippet}")
    return {"articles": len(articles), "relations": total, "right": right,
            "accuracy": right / total if total else 0.0, "misses": dict(misses),
            "named": named_total, "named_right": named_right,
            "named_accuracy": named_right / named_total if named_total else 0.0,
            "referred": ref_total, "referred_right": ref_right,
            "referred_accuracy": ref_right / ref_total if ref_total else 0.0,
            "unnamed": unnamed_total, "unnamed_named": unnamed_named,
            "quotes": quote_total, "quotes_right": quote_right,
            "quote_accuracy": quote_right / quote_total if quote_total else 0.0, "quote_misses": dict(quote_misses)}


def _quotes_scored(article: str, text: str, rels: list[dict], referents: dict, claims: list,
                   verbose: bool = False) -> tuple[int, int, Counter]:
    """(right, total, misses by kind) over the article's quoted spans with a named speaker."""
    right = total = 0
    misses: Counter[str] = Counter()
    for qa, qb in quoted_spans(text):
        speaker = None
        for index, rel in enumerate(rels):
            if "Source" not in rel or "Content" not in rel:
                continue
            if not any(a <= qa and qb <= b for a, b in rel["Content"][0]):
                continue
            src = rel["Source"][1]
            referent, kind = referents.get(f"{article}#{index}", (None, None))
            speaker = src if _a_name(src) else referent
            break
        if not speaker:
            continue
        total += 1

        def overlap(c) -> int:
            return max(0, min(c.end, qb) - max(c.start, qa))

        best = max(claims, key=overlap, default=None)
        if best is None or overlap(best) == 0:
            why = "no claim"
        elif not best.speaker:
            why = "no speaker"
        elif _refers(speaker, best.speaker) or _refers(speaker, best.mention):
            right += 1
            continue
        elif _a_name(best.speaker or ""):
            why = "other name"
        else:
            why = "unresolved"
        misses[why] += 1
        if verbose:
            got = (best.speaker, best.mention) if best is not None and overlap(best) else None
            print(f"  quote {why:10} {article[:28]}@{qa} want={speaker!r} got={got!r} | {text[qa:qb][:70]!r}")
    return right, total, misses


def _refers(referent: str, speaker: str | None) -> bool:
    """Whether a speaker is the labelled referent: the same name, one the
    shorter form of the other ("Obama", "Barack Obama"), or one alias."""
    from verify.extract.names import alias

    if not speaker:
        return False
    if _fold(referent) == _fold(speaker) or _same_person(referent, speaker) or _same_person(speaker, referent):
        return True
    canon = alias(referent)
    return bool(canon) and canon == (alias(speaker) or speaker)


def _a_name(source: str) -> bool:
    """Whether a gold source is written as a proper name ("Mr. Trump",
    "Hillary Clinton", "the Clinton campaign" is not): every word capitalised."""
    words = source.replace("’s", "").replace("'s", "").split()
    return bool(words) and all(w[:1].isupper() for w in words) and words[0].lower() not in (
        "he", "she", "it", "they", "i", "we", "the", "a", "an")


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--part", choices=("tune", "held"), help="score one half only (default: both, each apart)")
    ap.add_argument("--layout", choices=("as-is", "wrapped", "lines", "flat"), default="as-is",
                    help="the articles hard-wrapped at 72 columns, one sentence to a line, or on one line (offsets kept)")
    args = ap.parse_args()
    for part in [args.part] if args.part else ["tune", "held"]:
        r = score(args.limit, args.verbose, part, args.layout)
        print(f"PolNeAR dev attribution accuracy, {args.layout}, {part} half: {r['accuracy']:.3f} "
              f"({r['right']}/{r['relations']} relations, {r['articles']} articles); misses: {r['misses']}; "
              f"sources written as a name resolved to it: {r['named_accuracy']:.3f} ({r['named_right']}/{r['named']}); "
              f"pronouns and descriptions resolved to whom they refer: {r['referred_accuracy']:.3f} "
              f"({r['referred_right']}/{r['referred']}); sources naming no one given a name: "
              f"{r['unnamed_named']}/{r['unnamed']}; quoted spans given their named speaker: "
              f"{r['quote_accuracy']:.3f} ({r['quotes_right']}/{r['quotes']}), misses {r['quote_misses']}")
