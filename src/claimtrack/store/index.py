"""The in-memory index of cluster vectors, kept up to date with the store.

:class:`ClusterIndex` holds every cluster's vector sum as a unit row of a
float32 matrix stored in fixed blocks of :data:`BLOCK_ROWS` rows (exact
search, or a projected shortlist on large stores) and catches up with what
other Trackers committed (:meth:`ClusterIndex.sync`).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence

import numpy as np

from .. import spill
from ..errors import StoreError
from .schema import CLAIMS, Space

__all__ = ["ClusterIndex", "BLOCK_ROWS", "merge_top"]

BLOCK_ROWS = 16384
"""Rows of one storage block of the index, and of one block of a search."""

QUERY_ROWS = 256
"""Queries of one search step: a step's exact products and gathered
shortlist rows take O(QUERY_ROWS * (BLOCK_ROWS + shortlist * dim)) floats
(64 MiB with USE), however many claims the article has."""


def merge_top(
    best_v: np.ndarray, best_r: np.ndarray, blk: np.ndarray, offset: int, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's running ``k`` best (values ``best_v``, item numbers
    ``best_r``, best first, ties to the lower number) merged with the row's
    best of ``blk``, whose columns are the items ``offset`` onwards."""
    width = blk.shape[1]
    kk = min(k, width)
    if kk < width:
        part = np.argpartition(-blk, kk - 1, axis=1)[:, :kk]
    else:
        part = np.broadcast_to(np.arange(width), blk.shape)
    allv = np.concatenate([best_v, np.take_along_axis(blk, part, axis=1)], axis=1)
    allr = np.concatenate([best_r, part + offset], axis=1)
    order = np.lexsort((allr, -allv), axis=1)[:, :k]
    return np.take_along_axis(allv, order, axis=1), np.take_along_axis(allr, order, axis=1)


class _Blocks:
    """A growable ``(n, width)`` float32 matrix kept as fixed blocks of
    ``rows`` rows: growing adds a block (zero-filled pages, untouched until
    written) and never copies or moves what is stored, so the index of a
    store of ``n`` clusters takes ``n`` rows plus at most one block, not
    twice ``n`` while a doubling copy runs."""

    def __init__(self, width: int, rows: int = BLOCK_ROWS) -> None:
        self.width = width
        self.rows = rows
        self.blocks: list[np.ndarray] = []

    def ensure(self, n: int) -> None:
        """Room for rows ``0 .. n - 1``.  Once the blocks held reach
        :data:`claimtrack.spill.SPILL_BYTES`, a new block is file-backed
        (:mod:`claimtrack.spill`), and the full block before it hands its pages
        back: a big index is read a block at a time, never held whole."""
        while len(self.blocks) * self.rows < n:
            if self.blocks:
                spill.release(self.blocks[-1])
            held = len(self.blocks) * self.rows * self.width * 4
            self.blocks.append(spill.zeros((self.rows, self.width), np.float32,
                                           spill_bytes=0 if held >= spill.SPILL_BYTES else None))

    def row(self, r: int) -> np.ndarray:
        """Row ``r`` (a view: writing to it writes the matrix)."""
        out: np.ndarray = self.blocks[r // self.rows][r % self.rows]
        return out

    def span(self, s: int, e: int) -> np.ndarray:
        """Rows ``s .. e - 1`` as one matrix: a view when they lie in one block
        (a search block always does), else a copy."""
        q, o = divmod(s, self.rows)
        if o + (e - s) <= self.rows:
            out: np.ndarray = self.blocks[q][o : o + (e - s)]
            return out
        parts: list[np.ndarray] = []
        while s < e:
            q, o = divmod(s, self.rows)
            t = min(e, (q + 1) * self.rows)
            parts.append(self.blocks[q][o : o + (t - s)])
            s = t
        return np.concatenate(parts)

    def gather(self, rows: np.ndarray) -> np.ndarray:
        """``matrix[rows]`` for an integer array of any shape (a copy)."""
        rows = np.asarray(rows, dtype=np.int64)
        out = np.empty(rows.shape + (self.width,), dtype=np.float32)
        which, at = np.divmod(rows, self.rows)
        for q in np.unique(which).tolist():
            sel = which == q
            out[sel] = spill.take(self.blocks[q], at[sel])
            spill.release(self.blocks[q])
        return out


class ClusterIndex:
    """Cluster vectors as unit float32 rows plus their norms.

    Row r holds cluster ``ids[r]``: ``row r * norms[r]`` is the cluster's
    vector sum.  The rows live in blocks of :data:`BLOCK_ROWS` (a new block
    when the last is full: nothing is ever copied to grow), which are also
    the blocks a search reads.  With ``proj_dims`` > 0 the rows are also kept
    projected on ``proj_dims`` fixed random directions (seeded Gaussian, the
    same in every process), so that a search in a large index reads a matrix
    ``dim / proj_dims`` times smaller to make a shortlist, then ranks the
    shortlist with exact cosines.

    ``generation`` is the store generation the index reflects (-1: nothing
    read yet); :meth:`sync` catches up from there, reading the clusters of
    ``space`` (:data:`~claimtrack.store.schema.CLAIMS`, or
    :data:`~claimtrack.store.schema.QUOTES` for the quotation index).
    """

    SEED = 20240905

    def __init__(
        self, dim: int, proj_dims: int = 0, exact_below: int = 0, shortlist: int = 64, *, name: str = "the store",
        space: Space = CLAIMS,
    ) -> None:
        self.dim = dim
        self.space = space
        self.name = name  # how errors name the store ("claim store '/data/claims.db'")
        self.n = 0
        self._vecs = _Blocks(dim)
        self.norms = np.zeros(0, dtype=np.float32)
        self.ids = np.zeros(0, dtype=np.int64)
        self.row: dict[int, int] = {}
        self.exact_below = exact_below
        self.shortlist = shortlist
        self.r = min(proj_dims, dim) if proj_dims > 0 else 0
        rng = np.random.default_rng(self.SEED)
        self.proj = (rng.standard_normal((dim, self.r)) / math.sqrt(max(1, self.r))).astype(np.float32)
        self._low = _Blocks(self.r)
        self.generation = -1

    def _reserve(self, need: int) -> None:
        self._vecs.ensure(need)
        if self.r:
            self._low.ensure(need)
        cap = len(self.ids)
        if need <= cap:
            return
        new = max(need, 2 * cap, 1024)  # 12 bytes a row: doubling copies are cheap here
        norms = np.zeros(new, dtype=np.float32)
        norms[: self.n] = self.norms[: self.n]
        ids = np.full(new, -1, dtype=np.int64)
        ids[: self.n] = self.ids[: self.n]
        self.norms, self.ids = norms, ids

    def reserve(self, extra: int) -> None:
        """Make room for ``extra`` more clusters in one step."""
        self._reserve(self.n + max(0, int(extra)))

    def set(self, cluster: int, vsum: np.ndarray) -> None:
        """Insert or replace the vector sum of ``cluster``."""
        v = np.asarray(vsum, dtype=np.float32).reshape(-1)
        if v.shape[0] != self.dim:
            raise StoreError(f"cluster vector of length {v.shape[0]}, the store's dimension is {self.dim}")
        norm = float(np.linalg.norm(v))
        r = self.row.get(cluster)
        if r is None:
            self._reserve(self.n + 1)
            r = self.n
            self.n += 1
            self.row[cluster] = r
            self.ids[r] = cluster
        row = self._vecs.row(r)
        row[:] = v / norm if norm > 0 else v
        self.norms[r] = norm
        if self.r:
            self._low.row(r)[:] = row @ self.proj

    def sum_of(self, cluster: int) -> np.ndarray:
        """The vector sum of ``cluster``."""
        r = self.row[cluster]
        out: np.ndarray = self._vecs.row(r) * self.norms[r]
        return out

    def unit(self, clusters: Sequence[int]) -> np.ndarray:
        """The unit vectors of ``clusters``, one row each."""
        return self._vecs.gather(np.array([self.row[c] for c in clusters], dtype=np.int64))

    @staticmethod
    def _topk_rows(x: np.ndarray, mat: _Blocks, n: int, k: int, block_rows: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows (and scores) of the ``k`` best ``x @ mat[:n].T`` per query, best
        first, ties to the lower row; read in blocks of ``block_rows``."""
        best_v = np.zeros((len(x), 0), dtype=np.float32)
        best_r = np.zeros((len(x), 0), dtype=np.int64)
        for s in range(0, n, block_rows):
            e = min(n, s + block_rows)
            rows = mat.span(s, e)
            blk = x @ rows.T
            spill.release(rows)
            best_v, best_r = merge_top(best_v, best_r, blk, s, k)
        return best_r, best_v

    def search(self, x: np.ndarray, k: int, block_rows: int = BLOCK_ROWS) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` nearest clusters (ids, cosines) of every row of ``x``, best
        first, ties to the lower row; missing entries are id -1 / -inf.

        Exact below ``exact_below`` clusters: time O(len(x) * n * dim).  Above,
        a shortlist of ``shortlist`` rows per query from the projected matrix
        (O(len(x) * n * proj_dims)), ranked by exact cosine.  Memory
        O(min(len(x), QUERY_ROWS) * (block_rows + shortlist * dim)): the
        queries go :data:`QUERY_ROWS` at a time.
        """
        b = len(x)
        if b > QUERY_ROWS:  # an article of many claims: its queries in chunks
            parts = []
            for s, e in spill.blocks(b, QUERY_ROWS):
                parts.append(self._search(x[s:e], k, block_rows))
                spill.release(x[s:e])  # the rows of a file-backed query matrix, once searched
            return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
        return self._search(x, k, block_rows)

    def _search(self, x: np.ndarray, k: int, block_rows: int) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`search` of one chunk of queries."""
        b = len(x)
        out_i = np.full((b, k), -1, dtype=np.int64)
        out_v = np.full((b, k), -np.inf, dtype=np.float32)
        if b == 0 or self.n == 0 or k <= 0:
            return out_i, out_v
        x = np.asarray(x, dtype=np.float32)
        if not self.r or self.n < self.exact_below or self.n <= max(k, self.shortlist):
            rows, vals = self._topk_rows(x, self._vecs, self.n, k, block_rows)
        else:
            cand, _ = self._topk_rows(x @ self.proj, self._low, self.n, max(k, self.shortlist), block_rows)
            cand = np.sort(cand, axis=1)  # ties in the exact ranking go to the lower row
            exact = np.einsum("bmd,bd->bm", self._vecs.gather(cand), x)
            order = np.argsort(-exact, axis=1, kind="stable")[:, :k]
            rows = np.take_along_axis(cand, order, axis=1)
            vals = np.take_along_axis(exact, order, axis=1)
        m = rows.shape[1]
        out_v[:, :m] = vals
        out_i[:, :m] = self.ids[rows]
        return out_i, out_v


    def sync(self, conn: sqlite3.Connection) -> int:
        """Bring the index up to the store's generation (call inside a
        transaction); returns that generation.  Cost: O(clusters changed since
        the last sync * dim); the vectors are read one row at a time."""
        gen = int(conn.execute("SELECT generation FROM state").fetchone()[0])
        if gen != self.generation:
            for cid, blob in conn.execute(
                f"SELECT id, vsum FROM {self.space.clusters} WHERE updated > ? ORDER BY id", (self.generation,)
            ):
                if not isinstance(blob, bytes) or len(blob) != 4 * self.dim:
                    size = f"{len(blob)} bytes" if isinstance(blob, bytes) else f"a {type(blob).__name__}"
                    raise StoreError(
                        f"{self.name} is damaged: cluster {self.space.letter}{cid}'s vector is {size}, "
                        f"not {self.dim} float32 values"
                    )
                v = np.frombuffer(blob, dtype=np.float32)
                if not np.isfinite(v).all():
                    raise StoreError(
                        f"{self.name} is damaged: cluster {self.space.letter}{cid}'s vector holds non-finite values"
                    )
                self.set(int(cid), v)
            self.generation = gen
        return gen
