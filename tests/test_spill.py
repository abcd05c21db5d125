"""claimtrack.spill: file-backed matrices give the same results as matrices in memory."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import claimtrack as ct
from claimtrack import spill
from claimtrack.alignment import claims as aligner
from claimtrack.store import Tracker

from .fakes import HashEmbedder

BRIDGE = Path(__file__).resolve().parents[1] / "fixtures" / "harbour-bridge"


def _articles() -> list[ct.Article]:
    return [ct.read_article(BRIDGE / name, name.split(".")[0]) for name in
            ("en-herald.txt", "en-wire.txt", "fr-courrier.txt")]


def test_small_stays_in_memory_big_is_file_backed() -> None:
    small = spill.zeros((4, 8))
    assert not spill.is_spilled(small)
    big = spill.zeros((4, 8), spill_bytes=0)
    assert spill.is_spilled(big) and spill.is_spilled(big[1:3]) and spill.is_spilled(big[2])
    assert big.dtype == np.float32 and big.flags.writeable and not big.any()
    assert big[1:3].base is big  # views point at the matrix, as with an array in memory
    spill.release(small)  # a no-op in memory


@settings(max_examples=40, deadline=None)
@given(rows=st.integers(1, 300), cols=st.integers(1, 70), cut=st.data())
def test_release_keeps_every_value(rows: int, cols: int, cut: st.DataObject) -> None:
    values = np.arange(rows * cols, dtype=np.float32).reshape(rows, cols)
    m = spill.zeros((rows, cols), spill_bytes=0)
    m[:] = values
    s = cut.draw(st.integers(0, rows - 1))
    e = cut.draw(st.integers(s, rows))
    spill.release(m[s:e])
    spill.release(m[:, cut.draw(st.integers(0, cols - 1))])  # a strided view
    assert np.array_equal(m, values)
    spill.release(m)
    assert np.array_equal(m, values)


def test_no_room_for_the_file_keeps_it_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, offset: int, length: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "posix_fallocate", full)
    m = spill.zeros((3, 5), spill_bytes=0)
    assert not spill.is_spilled(m) and m.shape == (3, 5) and not m.any()


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 40), m=st.integers(1, 200), seed=st.integers(0, 2**16))
def test_blocked_products_are_the_same_in_memory_and_in_a_file(n: int, m: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((n, 16), dtype=np.float32)
    b = rng.standard_normal((m, 16), dtype=np.float32)
    sb = spill.zeros(b.shape, spill_bytes=0)
    sb[:] = b
    old = aligner.SPILLED_COLUMNS
    try:
        aligner.SPILLED_COLUMNS = 7  # many column blocks, a narrow last one folded in
        assert np.array_equal(aligner._product(a, sb), aligner._product(a, b))
        assert all(np.array_equal(x, y) for x, y in
                   zip(aligner._blocked_topk(a, sb, 3, 256), aligner._blocked_topk(a, b, 3, 256)))
    finally:
        aligner.SPILLED_COLUMNS = old


def test_compare_and_store_identical_when_every_matrix_is_file_backed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    emb = HashEmbedder()
    articles = _articles()
    in_memory = ct.compare(*articles, embedder=emb).model_dump_json()
    with Tracker(tmp_path / "memory.db", embedder=emb) as t:
        for a in articles:
            t.add(a)
        stored = [c.model_dump_json() for c in t.clusters()]
    monkeypatch.setattr(spill, "SPILL_BYTES", 0)  # every vector matrix and index block in a file
    made: list[np.ndarray] = []
    zeros = spill.zeros

    def counted(*args: object, **kw: object) -> np.ndarray:
        out = zeros(*args, **kw)  # type: ignore[arg-type]
        made.append(out)
        return out

    monkeypatch.setattr(spill, "zeros", counted)
    assert ct.compare(*articles, embedder=emb).model_dump_json() == in_memory
    with Tracker(tmp_path / "spilled.db", embedder=emb) as t:
        for a in articles:
            t.add(a)
        assert [c.model_dump_json() for c in t.clusters()] == stored
    assert any(spill.is_spilled(x) for x in made)  # the file-backed path did run


def test_store_in_small_blocks_gives_the_same_clusters(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An article's claims searched and compared a few at a time (the path of
    an article of thousands of claims added to a store that has clusters)
    give the clusters one product gives."""
    from claimtrack.store import index, matcher

    emb = HashEmbedder()
    articles = _articles()

    def build(name: str) -> list[str]:
        with Tracker(tmp_path / name, embedder=emb) as t:
            for a in articles:
                t.add(a)
            return [c.model_dump_json() for c in t.clusters()]

    whole = build("whole.db")
    monkeypatch.setattr(index, "QUERY_ROWS", 3)
    monkeypatch.setattr(matcher, "_SIMS_BYTES", 8 * 300 * 5)  # a few claims per block
    assert build("blocks.db") == whole


def test_the_command_line_keeps_the_allocator_returning_big_blocks() -> None:
    import platform
    import sys

    applied = spill.return_freed_memory()
    if sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc":
        assert applied is True
    else:
        assert applied is False


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 120), picks=st.lists(st.integers(0, 10**6), min_size=0, max_size=60),
       shape=st.sampled_from(["flat", "grid"]), budget=st.integers(1, 6))
def test_take_reads_the_rows_fancy_indexing_reads(n: int, picks: list[int], shape: str, budget: int) -> None:
    values = np.arange(n * 3, dtype=np.float32).reshape(n, 3)
    m = spill.zeros((n, 3), spill_bytes=0)
    m[:] = values
    rows = np.array([p % n for p in picks], dtype=np.int64)
    if shape == "grid" and len(rows) % 2 == 0:
        rows = rows.reshape(2, -1)
    reads = spill.Reads(m, budget=budget * spill.FAULT_AROUND)
    assert np.array_equal(spill.take(m, rows, reads), values[rows])
    assert np.array_equal(spill.take(values, rows), values[rows])  # in memory: plain indexing


def test_a_scattered_reader_hands_back_what_its_reads_map(monkeypatch: pytest.MonkeyPatch) -> None:
    """A row read alone may map a 2 MiB stretch of the file (a large folio of
    the page cache): the aligner's float64 rows count each such read at that
    size, so a few hundred reads anywhere never hold the whole matrix."""
    released: list[int] = []
    real = spill.release
    monkeypatch.setattr(spill, "release", lambda a: (released.append(a.shape[0]), real(a)))
    m = spill.zeros((4096, 512), spill_bytes=0)
    rows = aligner._Rows64(m)
    per = spill.READ_BUDGET // spill.FAULT_AROUND  # scattered reads between two hand-backs
    for k in range(3 * per):
        rows[(k * 997) % 4096]
    assert len(released) == 3
    released.clear()
    rows[0:per]  # consecutive rows count their own bytes: 8 rows of 2 KiB are no budget
    assert released == []
    memory = aligner._Rows64(np.zeros((4096, 512), dtype=np.float32))
    for k in range(3 * per):
        memory[k]
    assert released == [4096] * 3  # counted the same; handing back an array in memory is a no-op
