"""Alignment benchmark: claimtrack next to the peers' figures.

    python benchmarks/bench_alignment.py [--only transread,textberg,tatoeba,seed,scale] [--json out.json]

Reads the evaluation sets from ``../shared/eval/alignment/`` and the seed
corpus from ``../shared/corpus/`` (relative to the repository), never copies
them, and writes nothing into the repository (``--json`` writes where told).

* transread: 6 EN-FR books, strict and lax P/R/F1 micro-averaged as vecalign's
  score.py computes them (strict: exact links, 1-0 / 0-1 excluded; lax: a link
  counts when it overlaps a gold link on both sides), wall time for all books
  including encoding.
* textberg: Text+Berg DE-FR dev, strict F1.
* tatoeba: fr-eng 500 pairs, French side shuffled (seed 0): precision and
  recall of ``ct.align`` 1-1 pairs on the raw strings; the same through the
  user's path (each side one article of one line per sentence:
  ``read_article`` -> ``extract_claims`` -> ``align``), split into a tuning
  and a validation half by English sentence (``_data.half_of``); P@1 by
  cosine both directions.
* seed: the seed-corpus checks of tests/alignment/test_use.py.
* scale: 10,000 x 10,000 synthetic claims (random unit vectors from a fake
  embedder, so the number measures the aligner, not USE): time, claims/s,
  peak Python heap (tracemalloc) and peak RSS.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np

import claimtrack as ct
from claimtrack.alignment import align, align_sentences
from claimtrack.embed import EmbeddingCache

from _data import RandomEmbedder, half_of

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL = SHARED / "eval" / "alignment"
CORPUS = SHARED / "corpus" / "pytorch-foundation"


def _lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def _gold(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            a, b = line.split(":")
            out.append((tuple(ast.literal_eval(a)), tuple(ast.literal_eval(b))))
    return out


def _score(test: list[Any], gold: list[Any]) -> tuple[int, int, int, int, int]:
    """(strict tp, #test, #gold, lax test hits, lax gold hits), 1-0/0-1 excluded."""
    g = {lk for lk in gold if lk[0] and lk[1]}
    t = {lk for lk in test if lk[0] and lk[1]}

    def overlaps(lk: Any, others: set[Any]) -> bool:
        return any(set(lk[0]) & set(o[0]) and set(lk[1]) & set(o[1]) for o in others)

    return len(g & t), len(t), len(g), sum(overlaps(x, g) for x in t), sum(overlaps(x, t) for x in g)


def _prf(tp: int, n_test: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_test if n_test else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _docs(pairs: list[tuple[Path, Path, Path]]) -> dict[str, Any]:
    emb = ct.default_embedder()
    emb.encode(["warm up"])  # model load is not alignment time
    tot = [0, 0, 0, 0, 0]
    t0 = time.perf_counter()
    for src, tgt, gold in pairs:
        links = align_sentences(_lines(src), _lines(tgt), embedder=emb, cache=EmbeddingCache())
        sc = _score([(lk.source, lk.target) for lk in links], _gold(gold))
        tot = [a + b for a, b in zip(tot, sc)]
    wall = time.perf_counter() - t0
    strict = _prf(tot[0], tot[1], tot[2])
    lp = tot[3] / tot[1] if tot[1] else 0.0
    lr = tot[4] / tot[2] if tot[2] else 0.0
    lf = 2 * lp * lr / (lp + lr) if lp + lr else 0.0
    return {"strict_p": strict[0], "strict_r": strict[1], "strict_f1": strict[2], "lax_p": lp, "lax_r": lr,
            "lax_f1": lf, "seconds": wall}


def bench_transread() -> dict[str, Any]:
    d = EVAL / "transread-en-fr"
    books = sorted(p.with_suffix("") for p in d.glob("*.en"))
    return _docs([(b.with_suffix(".en"), b.with_suffix(".fr"), b.with_suffix(".gold")) for b in books])


def bench_textberg() -> dict[str, Any]:
    d = EVAL / "textberg-de-fr" / "dev"
    return _docs([(d / "dev.de", d / "dev.fr", d / "dev.defr")])


def bench_tatoeba() -> dict[str, Any]:
    d = EVAL / "tatoeba-fra-eng"
    en, fr = _lines(d / "tatoeba.eng"), _lines(d / "tatoeba.fra")
    perm = list(range(len(fr)))
    random.Random(0).shuffle(perm)
    shuffled = [fr[p] for p in perm]
    emb = ct.default_embedder()
    emb.encode(["warm up"])
    cache = EmbeddingCache()
    t0 = time.perf_counter()
    als = align(en, shuffled, embedder=emb, cache=cache, lang_a="en", lang_b="fr")
    wall = time.perf_counter() - t0
    ok = sum(1 for a in als if perm[int(a.target)] == int(a.source))
    a = cache.encode(emb, en)
    b = cache.encode(emb, fr)
    s = a @ b.T
    gold = np.arange(len(en))
    return {
        "precision": ok / len(als) if als else 0.0,
        "recall": ok / len(en),
        "pairs": len(als),
        "user_path": _tatoeba_user_path(en, shuffled, perm, emb, cache),
        "p_at_1_en_fr": float((s.argmax(axis=1) == gold).mean()),
        "p_at_1_fr_en": float((s.argmax(axis=0) == gold).mean()),
        "seconds": wall,
    }


def _tatoeba_user_path(en: list[str], fr: list[str], perm: list[int], emb: Any, cache: EmbeddingCache
                       ) -> dict[str, dict[str, float]]:
    """Precision and recall of ``align`` over the claims of two articles (one
    line per sentence), per half: an alignment is right when its claims lie on
    lines that translate each other; a line pair is found when one of its
    alignments is right."""
    from bisect import bisect_right

    arts = [ct.read_article("\n".join(lines), lang=lang, article_id=lang) for lines, lang in ((en, "en"), (fr, "fr"))]
    claims = [ct.extract_claims(a) for a in arts]

    def line_of(article: ct.Article) -> Any:
        starts = [0] + [k + 1 for k, ch in enumerate(article.text) if ch == "\n"]
        return lambda pos: bisect_right(starts, pos) - 1

    where = [line_of(a) for a in arts]
    line = [{c.id: where[k](c.start) for c in claims[k]} for k in (0, 1)]
    als = align(claims[0], claims[1], embedder=emb, cache=cache)
    out: dict[str, dict[str, float]] = {}
    for half in ("tuning", "validation"):
        mine = [a for a in als if half_of(en[line[0][a.source]]) == half]
        right = [a for a in mine if perm[line[1][a.target]] == line[0][a.source]]
        n = sum(1 for t in en if half_of(t) == half)
        out[half] = {"precision": len(right) / len(mine) if mine else 0.0,
                     "recall": len({line[0][a.source] for a in right}) / n if n else 0.0, "sentences": n}
    return out


def bench_seed() -> dict[str, Any]:
    from claimtrack.models import Article

    arts = {}
    for prefix in ("000", "001", "002", "003", "004"):
        path = next(CORPUS.glob(f"{prefix}_*.txt"))
        arts[prefix] = ct.extract_claims(
            Article(id=prefix, lang="fr" if prefix == "004" else "en", text=path.read_text(encoding="utf-8"))
        )
    cache = EmbeddingCache()

    def find(claims: list[ct.Claim], start: str) -> str:
        return next(c.id for c in claims if c.text.lstrip("«“\" ").startswith(start))

    def pairs(x: str, y: str) -> dict[tuple[str, str], ct.Alignment]:
        return {(a.source, a.target): a for a in align(arts[x], arts[y], cache=cache)}

    checks: dict[str, bool] = {}
    p41, p42, p43, p13 = pairs("004", "001"), pairs("004", "002"), pairs("004", "003"), pairs("001", "003")
    zem = [("Des projets comme", "Projects like"), ("La neutralité et", "Neutrality and"),
           ("Les utilisateurs,", "Users, maintainers"), ("En créant une", "By creating")]
    checks["zemlin 4/4 (004-001)"] = all((find(arts["004"], f), find(arts["001"], e)) in p41 for f, e in zem)
    chin = [("Garder la santé", "Keeping PyTorch"), ("La prochaine étape", "The next stage"),
            ("Nous avons choisi", "We chose")]
    checks["chintala 3/3 (004-002)"] = all((find(arts["004"], f), find(arts["002"], e)) in p42 for f, e in chin)
    checks["chintala shared (004-003)"] = (find(arts["004"], "Nous avons choisi"), find(arts["003"], "We chose")) in p43
    lonely = {find(arts["004"], "Aujourd’hui, plus de 80%"), find(arts["004"], "La première version")}
    checks["fr-only left unmatched"] = not any(k[0] in lonely for d in (p41, p42, p43) for k in d)
    rep = [find(arts["001"], s) for s in ("From August 2021", "Over 2,400", "These numbers place")]
    rep3 = [find(arts["003"], s) for s in ("From August 2021", "Over 2,400", "These numbers place")]
    checks["repeats >= 0.95 (001-003)"] = all(
        (a, b) in p13 and p13[(a, b)].score >= 0.95 for a, b in zip(rep, rep3)
    )
    # statements of two English outlets that share only a topic: no merged-sentence link may pair them
    p03, p13_ = pairs("000", "003"), p13
    apart = [(p03, find(arts["000"], "Today, it reiterated"), find(arts["003"], "Since the release")),
             (p03, find(arts["000"], "As for Meta"), find(arts["003"], "The PyTorch Foundation will serve")),
             (p13_, find(arts["001"], "For those wanting"), find(arts["003"], "The PyTorch Foundation will serve")),
             (p13_, find(arts["001"], "The Linux Foundation already"), find(arts["003"], "We chose"))]
    checks["same-topic English sentences apart (000-003, 001-003)"] = not any((a, b) in d for d, a, b in apart)
    # a sentence that only shares a topic is no second partner of a merged translation either
    checks["same-topic sentence apart across languages (004-001)"] = (
        find(arts["004"], "PyTorch est l"), find(arts["001"], "AI/ML is also")) not in p41
    counts = {f"{x}-{y}": len(d) for (x, y), d in
              {("004", "001"): p41, ("004", "002"): p42, ("004", "003"): p43, ("001", "003"): p13}.items()}
    return {"checks": checks, "passed": sum(checks.values()), "total": len(checks), "alignments": counts}


def bench_scale(n: int = 10_000) -> dict[str, Any]:
    emb = RandomEmbedder()
    a = [f"claim a {i}" for i in range(n)]
    b = [f"claim b {i}" for i in range(n)]
    cache = EmbeddingCache()
    cache.encode(emb, a + b)  # vectors up front: the benchmark times the matching
    # plant 1,000 true pairs: b[i] = a[i] + small noise
    store = cache._store[emb.fingerprint]  # noqa: SLF001 - benchmark only
    rng = np.random.default_rng(0)
    for i in range(1000):
        v = store[a[i]] + 0.3 * rng.standard_normal(512).astype(np.float32) / np.sqrt(512)
        store[b[i]] = (v / np.linalg.norm(v)).astype(np.float32)
    tracemalloc.start()
    t0 = time.perf_counter()
    als = align(a, b, embedder=emb, cache=cache, lang_a="en", lang_b="fr", drift=False)  # the matching only
    wall = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    found = sum(1 for x in als if x.source == x.target and int(x.source) < 1000)
    return {
        "n": n, "m": n, "seconds": wall, "claims_per_s": 2 * n / wall, "peak_heap_mib": peak / 2**20,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "planted_found": found, "alignments": len(als), "embedder": "random unit vectors (fake)",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default="transread,textberg,tatoeba,seed,scale")
    ap.add_argument("--json", default=None, help="write the results here")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"shared data not found at {SHARED}: nothing to measure")
        return 0
    todo = [x.strip() for x in args.only.split(",") if x.strip()]
    funcs = {"transread": bench_transread, "textberg": bench_textberg, "tatoeba": bench_tatoeba,
             "seed": bench_seed, "scale": bench_scale}
    res: dict[str, Any] = {}
    for name in todo:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        res[name] = funcs[name]()
    rows = [("benchmark", "claimtrack", "peers / goal")]
    if "transread" in res:
        r = res["transread"]
        rows.append(("TransRead EN-FR strict P/R/F1", f"{r['strict_p']:.3f} / {r['strict_r']:.3f} / {r['strict_f1']:.3f}",
                     "hunalign 0.815, USE+vecalign 0.900 (11 books); goal >= 0.93"))
        rows.append(("TransRead EN-FR lax P/R/F1", f"{r['lax_p']:.3f} / {r['lax_r']:.3f} / {r['lax_f1']:.3f}", ""))
        rows.append(("TransRead wall time, 6 books", f"{r['seconds']:.1f} s", "USE+vecalign 880 s (11 books); goal < 60 s"))
    if "textberg" in res:
        r = res["textberg"]
        rows.append(("Text+Berg DE-FR dev strict F1", f"{r['strict_f1']:.3f} ({r['seconds']:.1f} s)",
                     "test: Bertalign 0.936, Vecalign 0.902, USE+vecalign 0.871, hunalign 0.751"))
    if "tatoeba" in res:
        r = res["tatoeba"]
        rows.append(("Tatoeba fr-en align P / R", f"{r['precision']:.3f} / {r['recall']:.3f} ({r['seconds']:.1f} s)",
                     "goal >= 0.95 both"))
        up = r["user_path"]
        rows.append(("Tatoeba through read_article+extract_claims, P / R",
                     f"tuning {up['tuning']['precision']:.3f} / {up['tuning']['recall']:.3f}, "
                     f"validation {up['validation']['precision']:.3f} / {up['validation']['recall']:.3f}",
                     "goal >= 0.95 both"))
        rows.append(("Tatoeba P@1 cosine en->fr / fr->en", f"{r['p_at_1_en_fr']:.3f} / {r['p_at_1_fr_en']:.3f}",
                     "USE measured 0.92-0.94 (1,000 pairs)"))
    if "seed" in res:
        r = res["seed"]
        rows.append(("seed corpus checks", f"{r['passed']}/{r['total']}", "all"))
        for k, v in r["checks"].items():
            rows.append((f"  {k}", "ok" if v else "FAIL", ""))
    if "scale" in res:
        r = res["scale"]
        rows.append(("scale 10k x 10k align (fake vectors)", f"{r['seconds']:.1f} s, {r['claims_per_s']:.0f} claims/s",
                     "bounded memory"))
        rows.append(("  peak heap / peak RSS", f"{r['peak_heap_mib']:.0f} MiB / {r['peak_rss_mib']:.0f} MiB",
                     f"planted 1000, found {r['planted_found']}"))
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    for k, r in enumerate(rows):
        print(f"{r[0]:<{w0}}  {r[1]:<{w1}}  {r[2]}")
        if k == 0:
            print("-" * (w0 + w1 + 40))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
