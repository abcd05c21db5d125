"""Throughput and memory of article -> claims extraction (issue: foundation).

Reads the five seed articles from ../shared/corpus/pytorch-foundation/ (or the
bundled fixtures when ../shared is absent, saying so), repeats them with a
per-copy variation (so no cache can flatter the numbers) to about
``--megabytes`` of text, and runs ``read_article`` + ``extract_claims`` on one
core.  Prints articles/s, claims/s, words/s, "800-word articles per second"
and peak memory (RSS high-water mark and tracemalloc peak of a second pass).

    python benchmarks/bench_extract.py [--megabytes 10] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import claimtrack as ct

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "pytorch-foundation"


def _sources() -> tuple[str, list[tuple[str, str]]]:
    files = sorted(CORPUS.glob("*.txt"))
    if files:
        return "seed corpus", [(p.name, p.read_text(encoding="utf-8")) for p in files]
    files = sorted((REPO / "fixtures").rglob("*.txt"))
    print(f"note: {CORPUS} not found; benchmarking the bundled fixtures instead", file=sys.stderr)
    return "fixtures", [(p.name, p.read_text(encoding="utf-8")) for p in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    label, sources = _sources()
    target = int(args.megabytes * 1_000_000)
    texts: list[tuple[str, str]] = []
    size = 0
    copy = 0
    while size < target:
        for name, text in sources:
            variant = f"Copy {copy} of {name}.\n{text}"
            texts.append((f"{name}-{copy}", variant))
            size += len(variant.encode("utf-8"))
        copy += 1
    words = sum(len(t.split()) for _, t in texts)

    # warm-up: imports, language profiles, compiled patterns
    for name, text in sources:
        ct.extract_claims(ct.read_article(text, article_id=name, published="2022-09-12"))

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    n_claims = 0
    for article_id, text in texts:
        article = ct.read_article(text, article_id=article_id, published="2022-09-12")
        n_claims += len(ct.extract_claims(article))
    elapsed = time.perf_counter() - start
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    # peak Python allocation while processing one article at a time (streaming)
    tracemalloc.start()
    for article_id, text in texts[: len(sources) * 4]:
        ct.extract_claims(ct.read_article(text, article_id=article_id, published="2022-09-12"))
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    figures = {
        "claimtrack": ct.__version__,
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "input": label,
        "articles": len(texts),
        "megabytes": round(size / 1e6, 2),
        "words": words,
        "claims": n_claims,
        "seconds": round(elapsed, 2),
        "articles_per_s": round(len(texts) / elapsed, 1),
        "claims_per_s": round(n_claims / elapsed, 1),
        "words_per_s": round(words / elapsed),
        "articles_800_words_per_s": round(words / 800 / elapsed, 1),
        "peak_rss_mb": round(rss1 / 1024, 1),
        "rss_growth_mb": round((rss1 - rss0) / 1024, 1),
        "tracemalloc_peak_mb_per_article_stream": round(traced_peak / 1e6, 2),
    }
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    print(f"{'goal':<{width}}  >= 100 articles of 800 words per second on one core")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
