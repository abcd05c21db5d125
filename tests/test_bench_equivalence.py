"""The equivalence benchmark's replay of competitive linking and its choice of cut."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

import fit_equivalence as fe  # noqa: E402


def _row(i: int, j: int, cosine: float, label: int, call: str = "a", half: str = "tuning") -> fe.Row:
    inputs = dict(cosine=cosine, neighbours=0.2, fuzzy=None, words=(12, 12), shared=0, shared_figure=False,
                  one_sided=0)
    return fe.Row(inputs, label, "wmt", half, call, call, i, j)


def test_linking_takes_the_best_pair_of_each_claim_once() -> None:
    rows = [_row(0, 0, 0.9, 1), _row(0, 1, 0.8, 0), _row(1, 1, 0.7, 1), _row(1, 0, 0.95, 0, call="b")]
    kept = fe.linked(rows, np.ones(len(rows), dtype=bool))
    assert kept.tolist() == [True, False, True, True]  # another call is linked on its own
    # a refused pair frees its claims for the next best
    kept = fe.linked(rows, np.asarray([False, True, True, True]))
    assert kept.tolist() == [False, True, False, True]


def test_the_cut_is_the_lowest_reaching_the_precision() -> None:
    rows = [_row(k, k, 0.9, 1, call=f"c{k}") for k in range(9)] + [_row(0, 0, 0.9, 0, call="bad")]
    p = np.asarray([0.9] * 9 + [0.3])
    mask = np.ones(len(rows), dtype=bool)
    none = np.zeros(len(rows), dtype=bool)
    assert fe.choose_cut(rows, p, none, mask, 0.95) == 0.35  # the false pair at 0.3 is cut away
    assert fe.choose_cut(rows, p, none, mask, 0.85) == 0.05  # 9 / 10 already reaches 0.85
    assert fe.pooled(rows, fe.linked(rows, p >= 0.35), mask) == (1.0, 1.0)


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4), st.floats(0.0, 1.0), st.booleans()), max_size=30))
def test_linked_pairs_never_share_a_claim(pairs: list[tuple[int, int, float, bool]]) -> None:
    rows = [_row(i, j, c, 1) for i, j, c, _ in pairs]
    kept = fe.linked(rows, np.asarray([a for *_, a in pairs], dtype=bool))
    chosen = [(r.i, r.j) for r, k in zip(rows, kept) if k]
    assert len({i for i, _ in chosen}) == len(chosen) and len({j for _, j in chosen}) == len(chosen)
    assert all(a for (*_, a), k in zip(pairs, kept) if k)
