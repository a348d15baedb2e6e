"""How fast ``verify serve`` answers over an index, and what its cache saves.

Usage: python benchmarks/serve_speed.py [--index PATH] [--requests N]

With no ``--index``, an index of the bundled ``seeds/`` is built in a
temporary folder (the real models). The index is only read. Prints, in one
run: the report's build (reading the index, matching), the first page (which
answers at once while the report is built in the background), the first
page with the report, the same page again from the cache (median of N), a
group page, the ratio first / cached, and a search and a draft check
through the page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", help="an index folder (default: one built from seeds/)")
    parser.add_argument("--requests", type=int, default=20, help="cached requests to time")
    args = parser.parse_args()

    from starlette.testclient import TestClient

    from verify.ingest import ingest, load
    from verify.pipeline import assemble
    from verify.serve import create_app

    tmp = None
    index = args.index
    if index is None:
        tmp = tempfile.TemporaryDirectory(prefix="verify-serve-speed-")
        index = str(Path(tmp.name) / "seeds")
        ingest([REPO / "seeds"], index)
    if not (Path(index) / "manifest.json").exists():
        print(f"{index}: no index there; give --index PATH of a built index", file=sys.stderr)
        return 1

    t = time.perf_counter()
    docs, claims, vectors = load(index)
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    report = assemble(docs, claims, vectors)
    t_match = time.perf_counter() - t
    print(f"index {index}: {len(docs):,} documents, {len(claims):,} claims, {len(report.groups):,} groups")
    print(f"  report build: read the index {t_load:.2f} s, match {t_match:.2f} s")

    client = TestClient(create_app(index))
    t = time.perf_counter()
    first = client.get("/")
    t_building = time.perf_counter() - t
    assert first.status_code == 503, first.status_code  # the page that waits for the report
    while first.status_code != 200:  # as the browser does, without waiting 5 s between tries
        time.sleep(0.2)
        first = client.get("/")
    t_first = time.perf_counter() - t
    cached = []
    for _ in range(args.requests):
        t = time.perf_counter()
        assert client.get("/").status_code == 200
        cached.append(time.perf_counter() - t)
    gid = report.groups[0].id if report.groups else None
    t_group = None
    if gid:
        t = time.perf_counter()
        assert client.get(f"/group/{gid}").status_code == 200
        t_group = time.perf_counter() - t
    med = statistics.median(cached)
    print(f"  first page, while the report is built: {t_building * 1000:.1f} ms")
    print(f"  first page with the report (built in the background): {t_first:.2f} s")
    print(f"  same page from the cache: median {med * 1000:.1f} ms of {args.requests}")
    print(f"  first / cached: {t_first / med:.0f} x; reports built: {client.app.state.pages.cache.loads}")
    if t_group is not None:
        print(f"  a group page: {t_group * 1000:.1f} ms")
    for label, call in (
        ("search (first: loads MiniLM)", lambda: client.get("/search", params={"q": "how many people died"})),
        ("search again", lambda: client.get("/search", params={"q": "how many people were injured"})),
        ("check a pasted draft (first: loads spaCy)", lambda: client.post("/check", data={"text": _DRAFT})),
        ("check it again", lambda: client.post("/check", data={"text": _DRAFT})),
    ):
        t = time.perf_counter()
        reply = call()
        assert reply.status_code == 200, reply.text[:500]
        print(f"  {label}: {time.perf_counter() - t:.2f} s")
    if tmp is not None:
        tmp.cleanup()
    return 0


_DRAFT = ("Two people were killed and five others injured in a shooting on Saturday night, police said. "
          "The suspect, a 24-year-old man, was arrested at the scene.\n\n"
          "The city's mayor said the victims would be remembered at a vigil on Monday.")

if __name__ == "__main__":
    sys.exit(main())
