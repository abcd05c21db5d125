"""Throughput of claimtrack.distributed on a local Dask cluster, against one process.

    python benchmarks/bench_distributed.py                 # 40 WMT14 documents, 1 and 2 workers, hashing encoder
    python benchmarks/bench_distributed.py --workers 1 2 4 --limit 100
    python benchmarks/bench_distributed.py --use           # the real encoder (USE), much slower
    python benchmarks/bench_distributed.py --json out.json

Needs the ``dask`` extra.  The corpus: the English and French sides of the
first ``--limit`` documents of ``../shared/eval/news/wmt14-fren/`` (never
copied into the repository; skipped with a message when absent), written at
run time as four JSON Lines files in a temporary folder (one article per
document side, so every French article is the translation of an English one).

For each worker count, a ``LocalCluster(n_workers=n, threads_per_worker=1,
processes=True)`` is started (its start-up and a warm-up on every worker are
timed apart, not counted in the figures), then:

* extraction: :func:`claimtrack.distributed.extract_corpus` (read, claims,
  blocking keys, per-text vectors), articles/s;
* matching: :func:`claimtrack.distributed.candidate_pairs` (client) and
  :func:`claimtrack.distributed.match_pairs` (workers), pairs/s and
  articles/s;
* store: :func:`claimtrack.distributed.write_store`, the one writer.

"1 process" is the same work without Dask (read_articles, extract_claims,
per-text encoding, align of the same candidate pairs, Tracker.add).  Every
run's results are checked equal to the single-process results.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _data import SHARED, HashEmbedder, embedder as use_embedder, skip

NEWS = SHARED / "eval" / "news" / "wmt14-fren"


def _corpus(limit: int, folder: Path) -> list[str]:
    docs = sorted({p.stem for p in NEWS.glob("*.en")})[:limit]
    records = []
    for d in docs:
        for lang in ("en", "fr"):
            text = (NEWS / f"{d}.{lang}").read_text(encoding="utf-8")
            records.append({"id": f"{d}.{lang}", "lang": lang, "source": d.split("-", 1)[-1], "text": text})
    paths = []
    for k in range(4):
        p = folder / f"part-{k}.jsonl"
        p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[k::4]), encoding="utf-8")
        paths.append(str(p))
    return paths


def _single(paths: list[str], emb: Any, store: Path) -> dict[str, Any]:
    import claimtrack as ct
    from claimtrack import distributed as dd
    from claimtrack.embed import EmbeddingCache
    from claimtrack.store.encoding import PerTextEncoder

    enc = PerTextEncoder(emb)
    first = next(iter(ct.read_articles(paths[0])))  # warm-up, as the workers': imports, language data, model
    ct.align(ct.extract_claims(first), ct.extract_claims(first), embedder=enc)
    t0 = time.perf_counter()
    items = []
    for fi, p in enumerate(paths):
        for line, a in enumerate(ct.read_articles(p), 1):
            cs = tuple(ct.extract_claims(a))
            items.append(dd.Extracted(a, cs, dd.block_keys(cs), enc.encode([c.text for c in cs]), p,
                                      enc.fingerprint, fi, line))
    items.sort(key=dd.corpus_order)
    t_extract = time.perf_counter() - t0
    pairs = dd.candidate_pairs(items)
    t0 = time.perf_counter()
    cache = EmbeddingCache(max_items=65536)
    matched = [ct.align(list(items[i].claims), list(items[j].claims), embedder=enc, cache=cache) for i, j in pairs]
    t_match = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ct.Tracker(store, embedder=emb) as t:
        for it in items:
            t.add(it.article)
        clusters = t.clusters()
    t_store = time.perf_counter() - t0
    return {"items": items, "pairs": pairs, "matched": matched, "clusters": clusters,
            "extract_s": t_extract, "match_s": t_match, "store_s": t_store}


def _warm_up(path: str, emb: Any) -> None:
    """Run on each worker: one file extracted and one pair matched in-process."""
    from claimtrack import distributed as dd

    warm = dd.extract_corpus([path], embedder=emb, scheduler="sync")
    dd.match_pairs(warm, [(0, 1)], embedder=emb, scheduler="sync")


def _dask(paths: list[str], emb: Any, store: Path, n: int) -> dict[str, Any]:
    import claimtrack as ct
    from claimtrack import distributed as dd
    from distributed import Client, LocalCluster

    t0 = time.perf_counter()
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as client:
        t_start = time.perf_counter() - t0
        t0 = time.perf_counter()
        # every worker, in its own process: imports, language data, its copy of the encoder
        client.run(_warm_up, paths[0], emb)
        t_warm = time.perf_counter() - t0
        t0 = time.perf_counter()
        items = dd.extract_corpus(paths, embedder=emb)
        t_extract = time.perf_counter() - t0
        t0 = time.perf_counter()
        pairs = dd.candidate_pairs(items)
        matched = dd.match_pairs(items, pairs, embedder=emb, pairs_per_task=8)
        t_match = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ct.Tracker(store, embedder=emb) as t:
        dd.write_store(t, items)
        clusters = t.clusters()
    t_store = time.perf_counter() - t0
    return {"items": items, "pairs": pairs, "matched": [list(m.alignments) for m in matched], "clusters": clusters,
            "start_s": t_start, "warm_s": t_warm, "extract_s": t_extract, "match_s": t_match, "store_s": t_store}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=40, help="documents (each gives an English and a French article)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--use", action="store_true", help="the real encoder (USE) instead of the hashing one")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not NEWS.is_dir():
        skip("bench_distributed", NEWS)
        return 0
    emb = use_embedder() if args.use else HashEmbedder()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-dask-") as tmp:
        paths = _corpus(args.limit, Path(tmp))
        ref = _single(paths, emb, Path(tmp) / "single.db")
        n_art, n_pairs = len(ref["items"]), len(ref["pairs"])
        rows.append({"run": "1 process", **{k: v for k, v in ref.items() if k.endswith("_s")}})
        for n in args.workers:
            got = _dask(paths, emb, Path(tmp) / f"dask-{n}.db", n)
            same = ([(g.article, g.claims) for g in got["items"]] == [(g.article, g.claims) for g in ref["items"]]
                    and got["pairs"] == ref["pairs"] and got["matched"] == ref["matched"]
                    and got["clusters"] == ref["clusters"])
            if not same:
                print(f"[bench_distributed] {n} workers: results differ from one process", file=sys.stderr)
                return 1
            rows.append({"run": f"dask, {n} worker{'s' if n > 1 else ''}",
                         **{k: v for k, v in got.items() if k.endswith("_s")}})
    print(f"encoder: {emb.name}; {n_art} articles ({args.limit} documents, en+fr), {n_pairs} candidate pairs "
          f"of {n_art * (n_art - 1) // 2}; results identical in every run")
    print(f"{'run':<18} {'extract art/s':>13} {'match pairs/s':>13} {'match art/s':>11} {'store art/s':>11}"
          f" {'start+warm s':>12}")
    for r in rows:
        extra = f"{r['start_s'] + r['warm_s']:>12.1f}" if "start_s" in r else f"{'-':>12}"
        print(f"{r['run']:<18} {n_art / r['extract_s']:>13.1f} {n_pairs / r['match_s']:>13.1f} "
              f"{n_art / r['match_s']:>11.1f} {n_art / r['store_s']:>11.1f} {extra}")
    if args.json:
        args.json.write_text(json.dumps({"encoder": emb.name, "articles": n_art, "pairs": n_pairs, "runs": rows},
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
