"""Crash and resume: ``claimtrack track add`` killed with ``kill -9`` at random
points, then run again, must build the very store an uninterrupted run builds
(issue #15).

Writes ``--articles`` synthetic EN/FR articles (the generator of
``bench_store.py``, default 300) as one JSON Lines feed, adds it once without
interruption, then adds it to a second store ``--kills`` times (default 10),
each run killed with SIGKILL after a random delay (seeded), and once more to
the end.  Compares the two stores row by row (``sqlite3`` ``iterdump``: every
article, cluster, vector sum, variant, similarity and finding, of the claims
and of the quotations) and says what was lost or duplicated.  Uses the real
USE encoder unless ``--fake-embedder``.

    python benchmarks/check_resume.py                  # 300 articles, 10 kills, USE
    python benchmarks/check_resume.py --articles 60 --kills 4 --fake-embedder
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_store import articles  # noqa: E402


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _count(path: Path, sql: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--fake-embedder", action="store_true", help="the tests' hashing encoder instead of USE")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="claimtrack-resume-"))
    feed = work / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for a in articles(args.articles):
            f.write(json.dumps({"id": a.id, "text": a.text, "lang": a.lang, "source": a.source,
                                "published": a.published.isoformat() if a.published else None}) + "\n")
    cmd = [sys.executable, "-m", "claimtrack", "track", "add", str(feed), "--format", "jsonl"]
    if args.fake_embedder:
        sys.path.insert(0, str(HERE.parent))
        cmd += ["--embedder", "tests.fakes:HashEmbedder"]

    whole, resumed = work / "whole.db", work / "resumed.db"
    t0 = time.monotonic()
    subprocess.run([*cmd, "--db", str(whole)], check=True, stdout=subprocess.DEVNULL, cwd=HERE.parent)
    took = time.monotonic() - t0
    print(f"uninterrupted: {args.articles} articles in {took:.1f} s")

    killed = 0
    for k in range(args.kills):
        stored = _count(resumed, "SELECT count(*) FROM articles") if resumed.exists() else 0
        left = took * max(0.05, 1 - stored / args.articles)
        delay = rng.uniform(0.1, 0.8) * left
        proc = subprocess.Popen([*cmd, "--db", str(resumed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                cwd=HERE.parent)
        try:
            proc.wait(timeout=delay)
            print(f"  run {k + 1}: finished before its kill at {delay:.1f} s")
        except subprocess.TimeoutExpired:
            proc.kill()  # SIGKILL
            proc.wait()
            killed += 1
            after = _count(resumed, "SELECT count(*) FROM articles") if resumed.exists() else 0
            print(f"  run {k + 1}: kill -9 after {delay:.1f} s, {after} articles stored")
    subprocess.run([*cmd, "--db", str(resumed)], check=True, stdout=subprocess.DEVNULL, cwd=HERE.parent)

    a, b = _dump(whole), _dump(resumed)
    ids = _count(resumed, "SELECT count(DISTINCT id) FROM articles")
    rows = _count(resumed, "SELECT count(*) FROM articles")
    print(f"killed runs: {killed} of {args.kills}")
    print(f"articles stored: {rows} ({ids} distinct ids, of {args.articles}); "
          f"clusters: uninterrupted {_count(whole, 'SELECT count(*) FROM clusters')}, "
          f"resumed {_count(resumed, 'SELECT count(*) FROM clusters')}; quotation clusters: uninterrupted "
          f"{_count(whole, 'SELECT count(*) FROM quote_clusters')}, "
          f"resumed {_count(resumed, 'SELECT count(*) FROM quote_clusters')}")
    differing = sum(1 for x, y in zip(a, b) if x != y) + abs(len(a) - len(b))
    print(f"stores identical: {'yes' if a == b else f'no ({differing} rows differ)'}")
    return 0 if a == b and rows == ids == args.articles else 1


if __name__ == "__main__":
    raise SystemExit(main())
