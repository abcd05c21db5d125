"""The cluster vector index (store.index)."""

from __future__ import annotations

import numpy as np

from claimtrack.store import MatchSettings
from claimtrack.store.index import ClusterIndex


def test_projected_search_finds_clear_neighbours_and_is_exact_on_small_stores() -> None:
    rng = np.random.default_rng(0)
    base = rng.standard_normal((3000, 256)).astype(np.float32)
    exact, approx = ClusterIndex(256), ClusterIndex(256, proj_dims=64, exact_below=0, shortlist=64)
    for i, v in enumerate(base):
        exact.set(i + 1, v)
        approx.set(i + 1, v)
    queries = base[:50] + 0.3 * rng.standard_normal((50, 256)).astype(np.float32)  # noisy copies
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    ei, ev = exact.search(queries, 5)
    ai, av = approx.search(queries, 5)
    assert list(ei[:, 0]) == list(range(1, 51)) == list(ai[:, 0])
    assert np.allclose(ev[:, 0], av[:, 0])
    # the default projects only above exact_search_below clusters: a small index is scanned exactly
    m = MatchSettings()
    assert m.projection_dims > 0 and m.exact_search_below > 3000
    small = ClusterIndex(256, m.projection_dims, m.exact_search_below, m.shortlist)
    for i, v in enumerate(base):
        small.set(i + 1, v)
    si, sv = small.search(queries, 5)
    assert (si == ei).all() and np.array_equal(sv, ev)
