"""Fit the weights of the divergence score (``DriftConfig.w_*``) on REFreSD.

The score (:mod:`claimtrack.drift.score`) is a logistic combination of seven
measured values (similarity, coverage, length, and five kinds of finding).
This script measures them with claimtrack on every REFreSD EN-FR pair
(``../shared/eval/drift/refresd/refresd.tsv``, gold ``binary_label``), fits an
L2-regularised logistic regression on standardised values (Newton's method,
numpy only, deterministic), and prints:

* the weights in raw units, ready for ``DriftConfig`` (the weight of a
  changed figure value is set by policy, see :data:`FIXED`; a weight with the wrong
  sign, such as a finding that would lower divergence, is fixed at 0 and the
  others refitted, so the score stays monotone in its evidence);
* the weighted F1 of ``divergent`` in 5-fold cross-validation (fixed folds:
  weights refitted on four fifths, scored on the fifth left out), which is
  the honest estimate, and on all pairs with the weights fitted on all of
  them (in-sample);
* the accuracy on the OpenSubtitles pairs of Vyas et al. (2018), a set the
  weights never saw.

    python benchmarks/fit_divergence.py [--l2 10]

``bench_drift.py`` imports :func:`cross_validate` to print the cross-validated
figure next to the shipped weights' one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))

from _data import DRIFT, embedder, load_refresd, load_vyas, refresd_scores, skip  # noqa: E402

from claimtrack.drift import TERMS  # noqa: E402

FIXED = {"value": 8.0}
"""Weights set by policy, not fitted: a figure whose value changed is a
meaning difference whatever else the pair shares (REFreSD agrees: 34 of its
35 pairs with such a finding are divergent, but there are too few of them for
the fit to give the finding that weight on its own).  8.0 makes one changed
value enough for ``divergent`` even between otherwise identical sentences."""

L2 = 10.0
"""The L2 penalty on the standardised weights.  Chosen by cross-validation:
over ten fold shuffles the F1 on all pairs averages 0.851 at 0.1 to 1, 0.858
at 10 to 30 (every shuffle at least 0.851), and falls again at 100 (0.854)."""

SIGNS = {"similarity": -1, "coverage": -1, "length": 1, "unmatched": 1, "entity": 1, "content": 1, "value": 1, "figure": 1, "polarity": 1}
"""The sign each weight must have for the score to be monotone in its evidence."""


def values(diffs: Sequence[Any]) -> np.ndarray:
    """The measured values of each PairDiff's score terms, columns in :data:`TERMS` order."""
    return np.array([[{t.name: t.value for t in d.score}[n] for n in TERMS] for d in diffs], dtype=float)


def _newton(x: np.ndarray, y: np.ndarray, l2: float, offset: np.ndarray, iters: int = 60,
            weights: np.ndarray | None = None) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method: the weights of
    the columns of ``x`` and a last, unpenalised bias; ``offset`` is added to
    each row's log-odds, ``weights`` (default 1) weigh the rows."""
    sw = np.ones(len(y)) if weights is None else weights
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = l2 * np.r_[np.ones(x.shape[1]), 0.0]
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w + offset, -60, 60)))
        g = xb.T @ (sw * (p - y)) + reg * w
        h = xb.T @ (xb * (sw * p * (1 - p))[:, None]) + np.diag(reg)
        w -= np.linalg.solve(h, g)
    return w


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> dict[str, float]:
    """Raw-unit weights ``{"w_<term>": ..., "w_bias": ...}`` of an L2 logistic
    regression on standardised columns; the :data:`FIXED` weights are held
    as set, wrong-signed weights fixed at 0."""
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    fixed = {TERMS.index(n): v for n, v in FIXED.items()}
    offset = sum((x[:, c] * v for c, v in fixed.items()), np.zeros(len(y)))
    active = [c for c in range(x.shape[1]) if c not in fixed]
    while True:
        z = (x[:, active] - mu[active]) / sd[active]
        w = _newton(z, y, l2, offset)
        wrong = [c for c, wc in zip(active, w[:-1]) if np.sign(wc) not in (0, SIGNS[TERMS[c]])]
        if not wrong:
            break
        active = [c for c in active if c not in wrong]
    out = {f"w_{n}": 0.0 for n in TERMS}
    out.update({f"w_{TERMS[c]}": v for c, v in fixed.items()})
    bias = float(w[-1])
    for c, wc in zip(active, w[:-1]):
        out[f"w_{TERMS[c]}"] = round(float(wc / sd[c]), 4)
        bias -= float(wc * mu[c] / sd[c])
    out["w_bias"] = round(bias, 4)
    return out


def predict(x: np.ndarray, weights: dict[str, float]) -> np.ndarray:
    """Divergence of each row under ``weights``."""
    z = weights["w_bias"] + x @ np.array([weights[f"w_{n}"] for n in TERMS])
    return 1.0 / (1.0 + np.exp(-np.clip(z, -60, 60)))


def cross_validate(x: np.ndarray, y: np.ndarray, folds: int = 5, l2: float = L2, seed: int = 0) -> np.ndarray:
    """Out-of-fold divergences: each row scored by weights fitted without its fold."""
    idx = np.arange(len(y))
    np.random.default_rng(seed).shuffle(idx)
    out = np.zeros(len(y))
    for k in range(folds):
        test = idx[k::folds]
        train = np.setdiff1d(idx, test)
        out[test] = predict(x[test], fit(x[train], y[train], l2))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--l2", type=float, default=L2, help=f"L2 penalty on the standardised weights (default {L2:g})")
    ap.add_argument("--threshold", type=float, default=0.5)
    args = ap.parse_args(argv)
    if not (DRIFT / "refresd").exists():
        skip("fit_divergence", DRIFT / "refresd")
        return 0
    from claimtrack.drift import diff_many

    emb = embedder()
    rows = load_refresd()
    diffs = diff_many([(r["english"], r["french"]) for r in rows], "en", "fr", embedder=emb)
    x = values(diffs)
    y = np.array([r["binary_label"] == "divergent" for r in rows], dtype=float)
    weights = fit(x, y, args.l2)
    print("DriftConfig weights (REFreSD, all pairs, l2=%g):" % args.l2)
    for k, v in weights.items():
        print(f"    {k}: float = {v}")
    cv = refresd_scores(rows, list(cross_validate(x, y, l2=args.l2) >= args.threshold))
    ins = refresd_scores(rows, list(predict(x, weights) >= args.threshold))
    print(f"REFreSD weighted F1      all    eq-vs-some eq-vs-unrel")
    print(f"  5-fold CV            {cv['all']:6.3f} {cv['some']:10.3f} {cv['unrelated']:11.3f}")
    print(f"  in-sample            {ins['all']:6.3f} {ins['some']:10.3f} {ins['unrelated']:11.3f}")
    if (DRIFT / "vyas2018-en-fr").exists():
        vy = load_vyas()
        vd = diff_many([(e, f) for e, f, _, _ in vy], "en", "fr", embedder=emb)
        acc = float(np.mean((predict(values(vd), weights) >= args.threshold) == np.array([lab == 0 for *_, lab, _ in vy])))
        print(f"OpenSubtitles (Vyas 2018) accuracy, unseen: {acc:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
