"""The matching rule of claim alignment against fitted equivalence models, on labelled candidate pairs.

    python benchmarks/fit_equivalence.py                      # build rows, cross-validate, report both halves
    python benchmarks/fit_equivalence.py --rows /tmp/eq.pkl   # cache the labelled rows (rebuilt when missing)

Nothing is written: the fitted models were measured and not shipped
(``docs/accuracy.md``, "The matching rule against a fitted equivalence
decision"); this script keeps the measurement repeatable.

Every candidate pair :func:`claimtrack.align` considers (each claim's nearest
claims of the other side, plus rapidfuzz hits within one language) is a row:
the inputs of :func:`claimtrack.alignment.rule.judge` and a label, *equivalent*
(the two claims state the same thing, drifted or not) or not.  The rows come
from labelled data, never from the seed corpus:

- **WMT14 news** (``../shared/eval/news/wmt14-fren/``), an article against its
  translation: a pair on the same segment is equivalent, every other
  candidate (a neighbouring sentence, the same topic) is not;
- **WMT14 comparable halves**: the even segments of one side against the odd
  segments of the other (and within one language, even against odd): every
  candidate is a same-topic non-equivalent, as two outlets' sentences without
  a counterpart are;
- **Tatoeba** (``../shared/eval/alignment/tatoeba-fra-eng/``), in blocks of 50
  short translation pairs: the translation is equivalent, the other
  candidates are not;
- **DEMETR** (``../shared/eval/drift/demetr-fr/``), in blocks of 40 source
  sentences: the French source against its perturbed English translation, and
  the English reference against it (one language): a drifted rendering is still
  the same statement, so it is equivalent (the drift is reported afterwards),
  the other candidates are not.

Each source is split into halves by document or source sentence
(``_data.half_of``); the logistic models (on the pairs across languages)
are fitted on the tuning half with 5-fold cross-validation grouped by
document or block, and the cut is the lowest at which the linked tuning
pairs reach the shipped rule's precision.  Both halves are reported, the
shipped rule (:class:`claimtrack.alignment.rule.Rule`) beside the models on
the same rows, and Tatoeba as one block per half (a denser neighbourhood,
never fitted on).
"""

from __future__ import annotations

import argparse
import bisect
import collections
import math
import pickle
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _data import DRIFT, HALVES, SHARED, embedder, half_of, line_starts, load_demetr, skip  # noqa: E402
from bench_news import NEWS, documents  # noqa: E402
from fit_confidence import fit, predict  # noqa: E402

import claimtrack as ct  # noqa: E402
from claimtrack.alignment import claims as _claims  # noqa: E402
from claimtrack.alignment.rule import MatchSettings, Rule, judge  # noqa: E402
from claimtrack.embed import EmbeddingCache  # noqa: E402

FEATURES: tuple[str, ...] = (
    "cosine", "margin", "neighbours", "words", "cosine_x_words", "length", "shared", "figure", "one_sided",
)
"""The measured values of a pair the logistic model weighs (the bias comes last)."""


def features(*, cosine: float, neighbours: float, fuzzy: float | None, words: tuple[int, int], shared: int,
             shared_figure: bool, one_sided: int = 0) -> list[float]:
    """The values of :data:`FEATURES` from the inputs of ``judge`` (and ``one_sided``:
    names and figures only one of the claims states)."""
    wa, wb = max(1, words[0]), max(1, words[1])
    lw = math.log((wa + wb) / 2.0)
    return [cosine, cosine - neighbours, neighbours, lw, cosine * lw, abs(math.log(wa / wb)), math.log1p(shared),
            1.0 if shared_figure else 0.0, math.log1p(one_sided)]


TATOEBA = SHARED / "eval" / "alignment" / "tatoeba-fra-eng"
L2 = 1.0


@dataclass
class Row:
    inputs: dict[str, Any]
    """The keyword arguments of ``judge`` for this pair."""
    label: int
    source: str
    half: str
    group: str
    """Cross-validation group: the document or block."""
    call: str = ""
    """Which alignment of two claim lists the pair belongs to."""
    i: int = 0
    j: int = 0


def _judge(rule: Rule, r: Row) -> Any:
    """The shipped rule's judgement of a row."""
    return judge(rule, **{k: v for k, v in r.inputs.items() if k != "one_sided"})


def _candidates(a: list[Any], b: list[Any], emb: Any, cache: EmbeddingCache, lang_a: str | None = None,
                lang_b: str | None = None) -> list[tuple[int, int, dict[str, Any]]]:
    """(i, j, judge inputs plus ``one_sided``) of every candidate pair ``align`` considers."""
    m = MatchSettings()
    a_texts = [_claims.text_of(x) for x in a]
    b_texts = [_claims.text_of(x) for x in b]
    vecs = cache.matrix(emb, a_texts + b_texts)
    A = _claims._side(a, vecs[: len(a)], lang_a)
    B = _claims._side(b, vecs[len(a):], lang_b)
    p = _claims._Params(rule=m.rule(), k=m.k, second_threshold=0.45, merge_gain=0.05, background=m.background,
                        block_bytes=16 << 20, fuzzy_cells=250_000, min_figure=m.min_figure)
    top = _claims._blocked_topk(A.vecs, B.vecs, p.k + 1, p.block_bytes)
    pairs = _claims._candidate_pairs(A, B, top, p)
    seen: list[dict[str, Any]] = []
    real = _claims.judge

    def spy(rule: Rule, **kw: Any) -> Any:
        seen.append(kw)
        return real(rule, **kw)

    _claims.judge = spy  # type: ignore[assignment]
    try:
        recs = _claims._judged(A, B, pairs, top, _claims._Rows64(A.vecs), _claims._Rows64(B.vecs), p)
    finally:
        _claims.judge = real  # type: ignore[assignment]
    assert len(recs) == len(seen)
    for r, kw in zip(recs, seen):
        kw["one_sided"] = len(A.numbers[r.i] ^ B.numbers[r.j]) + len(A.entities[r.i] ^ B.entities[r.j])
    return [(r.i, r.j, kw) for r, kw in zip(recs, seen)]


def wmt(rows: list[Row], emb: Any, cache: EmbeddingCache) -> None:
    for docid in documents():
        half = half_of(docid)
        arts, line = {}, {}
        for lang in ("en", "fr"):
            text = "\n".join((NEWS / f"{docid}.{lang}").read_text(encoding="utf-8").splitlines())
            art = ct.read_article(text, article_id=f"{docid}.{lang}", lang=lang)
            claims = ct.extract_claims(art)
            starts = line_starts(art.text)
            arts[lang] = claims
            line[lang] = [bisect.bisect_right(starts, c.start) - 1 for c in claims]
        en, fr = arts["en"], arts["fr"]
        for i, j, kw in _candidates(en, fr, emb, cache):
            rows.append(Row(kw, int(line["en"][i] == line["fr"][j]), "wmt", half, docid, docid, i, j))
        # comparable halves: no counterpart exists, every candidate is a same-topic non-equivalent
        parity = {lg: [[c for c, k in zip(arts[lg], line[lg]) if k % 2 == r] for r in (0, 1)] for lg in arts}
        for c, (x, y) in enumerate(((parity["en"][0], parity["fr"][1]), (parity["en"][1], parity["fr"][0]),
                                    (parity["en"][0], parity["en"][1]), (parity["fr"][0], parity["fr"][1]))):
            if x and y:
                same = x[0].lang == y[0].lang
                for i, j, kw in _candidates(x, y, emb, cache):
                    rows.append(Row(kw, 0, "wmt-apart-same" if same else "wmt-apart", half, docid,
                                    f"{docid}/{c}", i, j))


def tatoeba(rows: list[Row], emb: Any, cache: EmbeddingCache, block: int = 50) -> None:
    """Blocks of ``block`` pairs (source ``tatoeba``), and each half as one
    block (``tatoeba-dense``: about 250 short sentences, a denser
    neighbourhood; measured, never fitted on)."""
    en = (TATOEBA / "tatoeba.eng").read_text(encoding="utf-8").splitlines()
    fr = (TATOEBA / "tatoeba.fra").read_text(encoding="utf-8").splitlines()
    for half in HALVES:
        idx = [k for k in range(len(en)) if half_of(en[k]) == half]
        blocks = [(f"tatoeba-{half}-{b0}", "tatoeba", idx[b0:b0 + block]) for b0 in range(0, len(idx), block)]
        for group, source, part in blocks + [(f"tatoeba-{half}-dense", "tatoeba-dense", idx)]:
            perm = list(part)
            random.Random(group).shuffle(perm)
            for i, j, kw in _candidates([en[k] for k in part], [fr[k] for k in perm], emb, cache, "en", "fr"):
                rows.append(Row(kw, int(part[i] == perm[j]), source, half, group, group, i, j))


def demetr(rows: list[Row], emb: Any, cache: EmbeddingCache, block: int = 40) -> None:
    from bench_drift import DEMETR_TYPES

    data = [r for r in load_demetr() if r["pert_name"] in DEMETR_TYPES]
    by_src: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for r in data:
        by_src[r["src_sent"]].append(r)
    for half in HALVES:
        srcs = sorted(s for s in by_src if half_of(s) == half)
        for b0 in range(0, len(srcs), block):
            part = srcs[b0:b0 + block]
            rng = random.Random(b0)
            picked = [rng.choice(sorted(by_src[s], key=lambda r: r["pert_name"])) for s in part]
            perm = list(range(len(part)))
            rng.shuffle(perm)
            b = [picked[k]["pert_sent"] for k in perm]
            group = f"demetr-{half}-{b0}"
            for i, j, kw in _candidates(list(part), b, emb, cache, "fr", "en"):
                rows.append(Row(kw, int(i == perm[j]), "demetr", half, group, group + "/x", i, j))
            refs = [picked[k]["eng_sent"] for k in range(len(part))]
            for i, j, kw in _candidates(refs, b, emb, cache, "en", "en"):
                rows.append(Row(kw, int(i == perm[j]), "demetr-same", half, group, group + "/s", i, j))


def build(emb: Any) -> list[Row]:
    rows: list[Row] = []
    cache = EmbeddingCache(max_items=1 << 20)
    if not NEWS.exists():
        skip("WMT14 news", NEWS)
    else:
        wmt(rows, emb, cache)
    if TATOEBA.exists():
        tatoeba(rows, emb, cache)
    if (DRIFT / "demetr-fr").exists():
        demetr(rows, emb, cache)
    return rows


def matrix(rows: list[Row]) -> np.ndarray:
    return np.asarray([features(**r.inputs) for r in rows], dtype=np.float64)


def cross_validated(x: np.ndarray, y: np.ndarray, groups: list[str], folds: int = 5, l2: float = L2) -> np.ndarray:
    """Out-of-fold probabilities, folds by group (document or block)."""
    names = sorted(set(groups))
    random.Random(0).shuffle(names)
    fold = {g: k % folds for k, g in enumerate(names)}
    f = np.asarray([fold[g] for g in groups])
    p = np.zeros(len(y))
    for k in range(folds):
        w, b = fit(x[f != k], y[f != k], l2)
        p[f == k] = predict(x[f == k], w, b)
    return p


CROSS = ("wmt", "wmt-apart", "tatoeba", "demetr")
"""The sources the models are fitted on: pairs across languages.  Within one
language, the same-topic sentences of one article are no clean negatives (an
article restates its own facts: a headline and its lead, a quote and its
paraphrase), and the only same-language equivalents are DEMETR's 50
reference/MT pairs; those sources are measured for the shipped rule only."""

CUTS = tuple(round(0.05 * k, 2) for k in range(1, 20))
"""The cuts tried."""


def rescued(rows: list[Row], hand: Rule) -> np.ndarray:
    """The pairs the figure rescue accepts whatever the model says: the cosine
    reaches ``evidence_threshold``, the claims state the same figure, the
    margin passes (:func:`claimtrack.alignment.rule.judge`)."""
    out = []
    for r in rows:
        v = _judge(hand, r)
        out.append(v.figure and v.margin >= hand.margin)
    return np.asarray(out, dtype=bool)


def pooled(rows: list[Row], kept: np.ndarray, mask: np.ndarray) -> tuple[float, float]:
    """Precision and recall of the linked pairs of ``mask``'s rows, every source pooled."""
    y = np.asarray([r.label for r in rows])
    tp = int((kept & mask & (y == 1)).sum())
    fp = int((kept & mask & (y == 0)).sum())
    pos = int((mask & (y == 1)).sum())
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / pos if pos else 0.0)


def choose_cut(rows: list[Row], p: np.ndarray, override: np.ndarray, mask: np.ndarray,
               precision: float) -> float:
    """The lowest of :data:`CUTS` at which the pairs competitive linking keeps
    (on the rows of ``mask``, every source pooled) reach ``precision``."""
    for cut in CUTS:
        if pooled(rows, linked(rows, (p >= cut) | override), mask)[0] >= precision:
            return cut
    return CUTS[-1]


def linked(rows: list[Row], decide: np.ndarray) -> np.ndarray:
    """The pairs competitive linking keeps: within each alignment, best-first by
    the rule's rank (similarity + margin + bonus), each claim once, when
    ``decide`` accepts the pair (second partners are not simulated)."""
    rule = MatchSettings().rule()
    rank = np.asarray([_judge(rule, r).rank for r in rows])
    by_call: dict[str, list[int]] = collections.defaultdict(list)
    for k, r in enumerate(rows):
        by_call[r.call].append(k)
    out = np.zeros(len(rows), dtype=bool)
    for idx in by_call.values():
        used_a: set[int] = set()
        used_b: set[int] = set()
        for k in sorted(idx, key=lambda k: (-rank[k], rows[k].i, rows[k].j)):
            r = rows[k]
            if r.i in used_a or r.j in used_b or not decide[k]:
                continue
            used_a.add(r.i)
            used_b.add(r.j)
            out[k] = True
    return out


def table(rows: list[Row], accepted: np.ndarray, title: str) -> None:
    print(f"\n{title}")
    print(f"  {'source':<16} {'half':<10} {'pos':>6} {'neg':>7} {'TP':>6} {'FP':>5} {'P':>6} {'R':>6}")
    keys = sorted({(r.source, r.half) for r in rows}, key=lambda k: (k[0], HALVES.index(k[1])))
    for src, half in keys:
        idx = [k for k, r in enumerate(rows) if r.source == src and r.half == half]
        y = np.asarray([rows[k].label for k in idx])
        a = accepted[idx]
        tp = int((a & (y == 1)).sum())
        fp = int((a & (y == 0)).sum())
        pos, neg = int(y.sum()), int((y == 0).sum())
        pr = tp / (tp + fp) if tp + fp else float("nan")
        rc = tp / pos if pos else float("nan")
        print(f"  {src:<16} {half:<10} {pos:>6} {neg:>7} {tp:>6} {fp:>5} {pr:>6.3f} {rc:>6.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=Path, help="pickle of the labelled rows (built and saved when missing)")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--precision", type=float, default=None,
                    help="least pooled tuning precision at the cut (default: the shipped rule's)")
    args = ap.parse_args(argv)
    if args.rows and args.rows.exists():
        rows: list[Row] = pickle.loads(args.rows.read_bytes())
    else:
        rows = build(embedder())
        if args.rows:
            args.rows.write_bytes(pickle.dumps(rows))
    if not rows:
        print("no labelled data found under", SHARED)
        return 0
    hand = MatchSettings().rule()
    kept = linked(rows, np.asarray([_judge(hand, r).accepted for r in rows]))
    table(rows, kept, "the shipped rule (length bar, margin, figure rescue), after competitive linking")
    apart = [r for r in rows if r.source.startswith("wmt-apart")]
    for half in HALVES:
        calls = {r.call for r in apart if r.half == half}
        false = sum(1 for k, r in enumerate(rows) if kept[k] and r.source.startswith("wmt-apart") and r.half == half)
        print(f"  comparable halves, {half}: {false} false links in {len(calls)} alignments of two halves")
    cross = [r for r in rows if r.source in CROSS]
    dense = [r for r in rows if r.source == "tatoeba-dense"]
    tune = np.asarray([r.half == "tuning" for r in cross])
    y = np.asarray([r.label for r in cross], dtype=np.float64)
    old = linked(cross, np.asarray([_judge(hand, r).accepted for r in cross]))
    rescue = rescued(cross, hand)
    precision = pooled(cross, old, tune)[0] if args.precision is None else args.precision
    print(f"\nlogistic models on the {len(cross)} pairs across languages ({int(tune.sum())} tuning), L2 {args.l2}; "
          f"cut: the lowest at which the linked tuning pairs (5-fold cross-validated, pooled) reach the shipped "
          f"rule's precision {precision:.3f}; the figure rescue kept")
    print(f"  {'decision':<34} {'cut':>5}  {'tuning P / R':>15}  {'validation P / R':>17}  {'false links t / v':>17}"
          f"  {'tatoeba-dense R t / v':>21}")

    def line(name: str, acc: np.ndarray, dense_acc: np.ndarray, cut: float | None) -> None:
        figs = [pooled(cross, acc, np.asarray([r.half == h for r in cross])) for h in HALVES]
        false = [sum(1 for k, r in enumerate(cross) if acc[k] and r.source == "wmt-apart" and r.half == h)
                 for h in HALVES]
        dl = linked(dense, dense_acc)
        dr = [pooled(dense, dl, np.asarray([r.half == h for r in dense]))[1] for h in HALVES]
        c = "" if cut is None else f"{cut:.2f}"
        print(f"  {name:<34} {c:>5}  {figs[0][0]:.3f} / {figs[0][1]:.3f}  {figs[1][0]:>8.3f} / {figs[1][1]:.3f}"
              f"  {false[0]:>9} / {false[1]:<5}  {dr[0]:>13.3f} / {dr[1]:.3f}")

    line("shipped rule", old, np.asarray([_judge(hand, r).accepted for r in dense]), None)
    for name, cols in (("agreement signals", slice(0, len(FEATURES) - 1)), ("+ one-sided names and figures", slice(None))):
        x = matrix(cross)[:, cols]
        xd = matrix(dense)[:, cols]
        p_cv = cross_validated(x[tune], y[tune], [r.group for r, t in zip(cross, tune) if t], l2=args.l2)
        w, b = fit(x[tune], y[tune], args.l2)
        p = predict(x, w, b)
        p[tune] = p_cv  # tuning figures are out-of-fold; validation ones come from the fit on the tuning half
        cut = choose_cut(cross, p, rescue, tune, precision)
        dense_acc = (predict(xd, w, b) >= cut) | rescued(dense, hand)
        line(name, linked(cross, (p >= cut) | rescue), dense_acc, cut)
        print("      weights: " + ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES[cols], w)) + f", bias {b:+.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
