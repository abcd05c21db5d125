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


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from claimtrack.store.index import BLOCK_ROWS, _Blocks  # noqa: E402


@settings(max_examples=80, deadline=None)
@given(n=st.integers(0, 40), rows=st.integers(1, 7), data=st.data())
def test_blocks_read_as_one_matrix(n: int, rows: int, data: st.DataObject) -> None:
    """Rows kept in blocks read back as the rows of one matrix: spans (views
    within a block, copies across blocks) and gathers of any shape."""
    ref = np.arange(n * 3, dtype=np.float32).reshape(n, 3)
    blocks = _Blocks(3, rows)
    blocks.ensure(n)
    assert len(blocks.blocks) == -(-n // rows)
    for r in range(n):
        blocks.row(r)[:] = ref[r]
    if n:
        s = data.draw(st.integers(0, n - 1))
        e = data.draw(st.integers(s + 1, n))
        assert np.array_equal(blocks.span(s, e), ref[s:e])
        idx = np.array(data.draw(st.lists(st.integers(0, n - 1), max_size=12)), dtype=np.int64)
        assert np.array_equal(blocks.gather(idx), ref[idx])
        assert np.array_equal(blocks.gather(idx.reshape(-1, 1)), ref[idx.reshape(-1, 1)])


def test_the_index_grows_by_blocks_without_moving_rows() -> None:
    """Past one block the index adds a block (the first stays where it is) and
    searches across blocks find what an exact scan of one matrix finds."""
    rng = np.random.default_rng(1)
    n = BLOCK_ROWS + 300
    base = rng.standard_normal((n, 32)).astype(np.float32)
    index = ClusterIndex(32)
    for i in range(BLOCK_ROWS):
        index.set(i + 1, base[i])
    first = index._vecs.blocks[0]
    for i in range(BLOCK_ROWS, n):
        index.set(i + 1, base[i])
    assert index._vecs.blocks[0] is first and len(index._vecs.blocks) == 2
    unit = base / np.linalg.norm(base, axis=1, keepdims=True)
    queries = unit[[3, BLOCK_ROWS + 7, n - 1]]
    ids, vals = index.search(queries, 4)
    assert list(ids[:, 0]) == [4, BLOCK_ROWS + 8, n]
    full = queries @ unit.T
    best = np.argsort(-full, axis=1, kind="stable")[:, :4]
    assert (ids == best + 1).all() and np.allclose(vals, np.take_along_axis(full, best, axis=1), atol=1e-5)
    assert np.allclose(index.unit([5, n]), unit[[4, n - 1]], atol=1e-6)
    assert np.allclose(index.sum_of(n), base[n - 1], atol=1e-5)
