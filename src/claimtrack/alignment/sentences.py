"""Monotone sentence alignment: a text and its translation, Bertalign / vecalign style.

:func:`align_sentences` links the two sentence lists into 1-1, 1-n, n-1, n-m
(up to ``max_merge`` sentences a side) and 1-0 / 0-1 links with a dynamic
programme over block vectors; see the function for the model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..embed import Embedder, EmbeddingCache, default_embedder
from ..models import Link
from .inputs import clip01, text_of, texts_key

__all__ = ["align_sentences", "SentenceParams"]


@dataclass(frozen=True)
class SentenceParams:
    """Knobs of :func:`align_sentences` (defaults tuned on the dev sets)."""

    max_merge: int = 4
    """Most sentences on one side of a link."""
    max_total: int = 6
    """Most sentences in one link, both sides together (2-4 yes, 3-4 no)."""
    skip: float = -0.07
    """Gain of a 1-0 or 0-1 link (per sentence)."""
    margin: float = 0.5
    """Weight of the neighbourhood correction: sim - margin * mean(kNN sims)."""
    knn: int = 4
    """Neighbours for the correction, searched in the band."""
    length_weight: float = 1.0
    """Exponent of the length penalty log2(1 + short/long)."""
    merge_penalty: float = 0.02
    """Subtracted from the gain of a link per sentence beyond the first on each side."""
    full_cells: int = 250_000
    """Up to n*m cells the second pass runs on the full grid (exact)."""
    first_window: int = 100
    """Half width of the first (1-1) pass around the length-ratio diagonal."""
    first_fraction: float = 0.06
    """... or this fraction of the longer side, whichever is larger."""
    window: int = 6
    """Half width of the second pass band around the first-pass path."""
    size_power: float = 0.0
    """Gain of an a-b link is (gain - offset) * ((a + b) / 2) ** size_power + offset."""
    offset: float = 0.0
    """See size_power."""
    length_norm: bool = False
    """Scale target lengths by total source / total target length (clamped to 0.8..1.25) first."""
    block_power: float = 0.5
    """Member vectors of a block are weighted by (character length) ** block_power."""


_DEFAULT_PARAMS = SentenceParams()

_Gains = Callable[[int, np.ndarray], dict[tuple[int, int], np.ndarray]]
"""``gains(i, js)``: the gain of every a-b link type ending at row ``i``, columns ``js``."""


def _block_vectors(vecs: np.ndarray, lengths: np.ndarray, k: int, power: float = 0.5) -> np.ndarray:
    """Row e (end, exclusive) = normalised length-weighted sum of vecs[e-k:e]; rows < k are 0."""
    n, d = vecs.shape
    out = np.zeros((n + 1, d), dtype=np.float32)
    if n < k:
        return out
    w = (np.maximum(lengths, 1.0) ** power).astype(np.float32)[:, None] * vecs
    acc = np.zeros((n - k + 1, d), dtype=np.float32)
    for t in range(k):
        acc += w[t : n - k + 1 + t]
    norms = np.linalg.norm(acc, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out[k:] = acc / norms
    return out


def _band_diagonal(n: int, m: int, half: int) -> tuple[np.ndarray, np.ndarray]:
    i = np.arange(n + 1)
    center = np.floor(i * (m / max(n, 1)) + 0.5).astype(np.int64)
    lo = np.clip(center - half, 0, m)
    hi = np.clip(center + half, 0, m)
    lo[0] = 0
    hi[n] = m
    return lo, hi


def _band_around_path(path: list[tuple[int, int]], n: int, m: int, half: int) -> tuple[np.ndarray, np.ndarray]:
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i, j in path:
        lo[i] = min(lo[i], j)
        hi[i] = max(hi[i], j)
    # widen by `half` rows and columns: a cell (i, j) is in the band when some
    # path cell (i', j') has |i - i'| <= half and |j - j'| <= half
    lo2 = lo.copy()
    hi2 = hi.copy()
    for s in range(1, half + 1):
        lo2[s:] = np.minimum(lo2[s:], lo[:-s])
        lo2[:-s] = np.minimum(lo2[:-s], lo[s:])
        hi2[s:] = np.maximum(hi2[s:], hi[:-s])
        hi2[:-s] = np.maximum(hi2[:-s], hi[s:])
    lo2 = np.clip(lo2 - half, 0, m)
    hi2 = np.clip(hi2 + half, 0, m)
    lo2[0] = 0
    hi2[n] = m
    return lo2, hi2


class _Grid:
    """A banded DP grid: row i (source sentences consumed) spans columns lo[i]..hi[i]."""

    def __init__(self, lo: np.ndarray, hi: np.ndarray) -> None:
        self.lo = lo
        self.hi = hi
        self.n = len(lo) - 1
        self.width = int((hi - lo).max()) + 1
        self.score = np.full((self.n + 1, self.width), -np.inf, dtype=np.float64)
        self.back = np.full((self.n + 1, self.width), -1, dtype=np.int8)


def _run_dp(
    grid: _Grid,
    types: list[tuple[int, int]],
    gains: _Gains,
    skip: float,
) -> list[tuple[int, int]]:
    """Maximise the summed gain; returns the link types (a, b) from the start.

    ``gains(i, js) -> dict[(a, b), array]`` gives, for row ``i`` and columns
    ``js``, the gain of every type with a >= 1 and b >= 1; 1-0 and 0-1 links
    gain ``skip`` per sentence.  Ties go to the type listed first, then to the
    earlier column.
    """
    lo, hi, W, n = grid.lo, grid.hi, grid.width, grid.n
    cols = np.arange(W)
    t01 = types.index((0, 1))
    for i in range(n + 1):
        js = lo[i] + cols
        valid = js <= hi[i]
        best = np.full(W, -np.inf)
        back = np.full(W, -1, dtype=np.int8)
        if i == 0:
            if lo[0] == 0:
                best[0] = 0.0
        else:
            g = gains(i, js)
            for t, (a, b) in enumerate(types):
                if a == 0 or a > i:
                    continue
                r = i - a
                pj = js - b
                c = pj - lo[r]
                ok = valid & (pj >= 0) & (c >= 0) & (pj <= hi[r])
                prev = np.where(ok, grid.score[r, np.clip(c, 0, W - 1)], -np.inf)
                tot = prev + (skip * a if b == 0 else g[(a, b)])
                upd = tot > best
                best[upd] = tot[upd]
                back[upd] = t
        # 0-1 links within the row: best[j] = max_k best[k] + (j - k) * skip
        h = best - cols * skip
        hm = np.maximum.accumulate(h)
        cand = hm + cols * skip
        upd = (cand > best + 1e-12) & np.isfinite(cand)
        best[upd] = cand[upd]
        back[upd] = t01
        best[~valid] = -np.inf
        grid.score[i] = best
        grid.back[i] = back
    # backtrace from (n, m)
    i, j = n, int(hi[n])
    steps: list[tuple[int, int]] = []
    while i > 0 or j > 0:
        t = int(grid.back[i, j - lo[i]])
        if t < 0:  # pragma: no cover - the band always connects (0,0) to (n,m)
            raise RuntimeError("alignment band is disconnected")
        a, b = types[t]
        steps.append((a, b))
        i -= a
        j -= b
    steps.reverse()
    return steps


def _knn_mean(
    x: np.ndarray, y: np.ndarray, lo: np.ndarray, hi: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Mean of the k best cosines of each x row (y row) among its band partners."""
    n, m = len(x), len(y)
    rx = np.zeros(n, dtype=np.float64)
    ry_top = np.full((m, k), -np.inf, dtype=np.float64)
    for i in range(n):
        a, b = int(min(lo[i], lo[i + 1])), int(max(hi[i], hi[i + 1]))
        b = min(b, m)
        if b <= a:
            a, b = max(0, a - 1), min(m, a + 1)
        s = y[a:b] @ x[i]
        kk = min(k, len(s))
        top = np.partition(s, len(s) - kk)[len(s) - kk :] if kk else s[:0]
        rx[i] = float(top.sum()) / k  # fewer than k partners: the rest count as 0
        # column side: keep the k best per column
        blk = ry_top[a:b]
        worst = blk.argmin(axis=1)
        rows = np.arange(b - a)
        better = s > blk[rows, worst]
        blk[rows[better], worst[better]] = s[better]
    ry = np.where(np.isfinite(ry_top), ry_top, 0.0).sum(axis=1) / k
    return rx, ry


def _mirror_evidence(evidence: tuple[str, ...]) -> tuple[str, ...]:
    swap = {"1-0": "0-1", "0-1": "1-0", "source": "target", "target": "source"}
    rx = re.compile(r"\b(\d+)-(\d+) link|\b(1-0|0-1|source|target)\b")

    def sub(m: re.Match[str]) -> str:
        if m.group(1):
            return f"{m.group(2)}-{m.group(1)} link"
        return swap[m.group(3)]

    return tuple(rx.sub(sub, e) for e in evidence)


def align_sentences(
    src: Sequence[Any],
    tgt: Sequence[Any],
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    *,
    embedder: Embedder | None = None,
    cache: EmbeddingCache | None = None,
    max_merge: int | None = None,
    params: SentenceParams | None = None,
) -> list[Link]:
    """Monotone alignment of two sentence lists (a text and its translation).

    Args:
        src, tgt: sentences, as ``str`` or objects with a ``.text`` attribute
            (:class:`~claimtrack.models.Sentence`, :class:`~claimtrack.models.Claim`).
        src_lang, tgt_lang: ISO codes; informational (the encoder is
            multilingual), recorded in the evidence when given.
        embedder: any :class:`~claimtrack.embed.Embedder`; default
            :func:`~claimtrack.embed.default_embedder`.
        cache: an :class:`~claimtrack.embed.EmbeddingCache` to reuse vectors
            across calls; a private one is used otherwise.
        max_merge: most sentences on one side of a link (at least 1);
            default ``params.max_merge`` (4).
        params: the remaining knobs (:class:`SentenceParams`).

    Returns:
        Links in order; every source and target index appears in exactly one
        link, and both sides increase monotonically.  Link types: 1-0, 0-1 and
        every a-b with 1 <= a, b <= ``max_merge`` and a + b <= ``max_total``
        (1-1, 1-2, 2-1, 1-3, 3-1, 2-2, 2-3, 3-2 by default).

    Model: each sentence is encoded once; the vector of a block of a
    consecutive sentences is the normalised, sqrt(length)-weighted sum of its
    members' vectors (no concatenation is re-encoded).  A link's gain is its
    cosine, corrected by the mean similarity of the members' nearest
    neighbours (hubness), times a length penalty ``log2(1 + short/long)`` on
    character lengths; 1-0 / 0-1 links gain ``skip``.  A dynamic programme
    maximises the summed gain.  Below ``full_cells`` grid cells it runs on
    the whole grid; above, a first 1-1 pass (gain: cosine when the target is
    among the source's 3 nearest in a band of half width
    ``max(first_window, first_fraction * max(n, m))`` around the length-ratio
    diagonal) finds a path, and the full pass runs in a band of ``window``
    (widened by the length ratio) around it.  Time and memory are
    O((n + m) * band) -- linear for a fixed band.

    Scores: an aligned link's ``score`` is its cosine clipped to 0..1 times
    the length penalty; a 1-0 / 0-1 link's score is ``1 - best cosine`` of
    that sentence to any sentence of the other side near its position (how
    sure we are it has no counterpart).
    """
    p = params if params is not None else _DEFAULT_PARAMS
    if max_merge is not None and max_merge != p.max_merge:
        p = SentenceParams(**{**p.__dict__, "max_merge": max(1, int(max_merge))})
    src_texts = [text_of(s) for s in src]
    tgt_texts = [text_of(t) for t in tgt]
    n, m = len(src_texts), len(tgt_texts)
    if n == 0 or m == 0:
        return [Link(source=(i,), target=(), score=1.0, evidence=("nothing on the other side",)) for i in range(n)] + [
            Link(source=(), target=(j,), score=1.0, evidence=("nothing on the other side",)) for j in range(m)
        ]
    emb = embedder if embedder is not None else default_embedder()
    c = cache if cache is not None else EmbeddingCache()
    # run in one canonical orientation so that (b, a) is exactly (a, b) mirrored
    if texts_key(tgt_texts) < texts_key(src_texts):
        back = align_sentences(tgt_texts, src_texts, tgt_lang, src_lang, embedder=emb, cache=c, params=p)
        return [lk.model_copy(update={"source": lk.target, "target": lk.source, "evidence": _mirror_evidence(lk.evidence)}) for lk in back]
    both = c.encode(emb, src_texts + tgt_texts)
    x, y = both[:n], both[n:]
    lx = np.array([max(1, len(t.strip())) for t in src_texts], dtype=np.float64)
    ly = np.array([max(1, len(t.strip())) for t in tgt_texts], dtype=np.float64)

    types = _link_types(p)
    lo, hi = _band(x, y, p)
    xb = {a: _block_vectors(x, lx, a, p.block_power) for a in range(1, p.max_merge + 1)}
    yb = {b: _block_vectors(y, ly, b, p.block_power) for b in range(1, p.max_merge + 1)}
    cx = np.concatenate([[0.0], np.cumsum(lx)])
    cy = np.concatenate([[0.0], np.cumsum(ly)])
    if p.length_norm:
        # languages differ in length (French runs ~10% longer than English);
        # clamp so that an omission in a short text cannot skew the ratio much
        cy = cy * min(1.25, max(0.8, cx[-1] / cy[-1]))
    e = _Encoded(x, y, xb, yb, cx, cy)
    steps = _run_dp(_Grid(lo, hi), types, _gains(e, lo, hi, types, p), p.skip)
    return _links(steps, e)


def _link_types(p: SentenceParams) -> list[tuple[int, int]]:
    """The link types (a, b) of the full pass: 1-1 first, then by size."""
    types: list[tuple[int, int]] = [(1, 1), (1, 0), (0, 1)]
    for a in range(1, p.max_merge + 1):
        for b in range(1, p.max_merge + 1):
            if (a, b) != (1, 1) and a + b <= p.max_total:
                types.append((a, b))
    types.sort(key=lambda ab: (0 if ab == (1, 1) else 1, ab[0] + ab[1], ab))
    return types


def _band(x: np.ndarray, y: np.ndarray, p: SentenceParams) -> tuple[np.ndarray, np.ndarray]:
    """Column range (lo, hi) of every row of the full pass: the whole grid up to
    ``full_cells`` cells, else a band around the path of a first 1-1 pass."""
    n, m = len(x), len(y)
    ratio = max(n, m) / min(n, m)
    if (n + 1) * (m + 1) <= p.full_cells:
        lo = np.zeros(n + 1, dtype=np.int64)
        hi = np.full(n + 1, m, dtype=np.int64)
        return lo, hi
    half1 = max(p.first_window, int(p.first_fraction * max(n, m)), int(math.ceil(ratio)) * 2)
    lo1, hi1 = _band_diagonal(n, m, half1)
    grid1 = _Grid(lo1, hi1)
    k1 = 3

    def gains1(i: int, js: np.ndarray) -> dict[tuple[int, int], np.ndarray]:
        cj = np.clip(js - 1, 0, m - 1)
        s = y[cj] @ x[i - 1]
        ok = (js >= 1) & (js <= hi1[i])
        s = np.where(ok, s, -np.inf)
        kk = min(k1, int(ok.sum()))
        out = np.zeros(len(js))
        if kk:
            thr = np.partition(s, len(s) - kk)[len(s) - kk]
            keep = (s >= thr) & ok
            out[keep] = s[keep]
        return {(1, 1): out}

    steps1 = _run_dp(grid1, [(1, 1), (1, 0), (0, 1)], gains1, 0.0)
    path = [(0, 0)]
    i = j = 0
    for a, b in steps1:
        i += a
        j += b
        path.append((i, j))
    half2 = max(p.window, int(math.ceil(ratio)) + p.max_merge)
    return _band_around_path(path, n, m, half2)


@dataclass(frozen=True)
class _Encoded:
    """Both sides of the full pass: sentence vectors, block vectors by block
    size, cumulative character lengths."""

    x: np.ndarray
    y: np.ndarray
    xb: dict[int, np.ndarray]
    yb: dict[int, np.ndarray]
    cx: np.ndarray
    cy: np.ndarray


def _gains(e: _Encoded, lo: np.ndarray, hi: np.ndarray, types: list[tuple[int, int]], p: SentenceParams) -> _Gains:
    """The gain function of the full pass (see :func:`_run_dp`): block cosine,
    less the neighbourhood correction, times the length penalty, less the merge
    penalty."""
    x, y, xb, yb, cx, cy = e.x, e.y, e.xb, e.yb, e.cx, e.cy
    m = len(y)
    if p.margin:
        rx, ry = _knn_mean(x, y, lo, hi, p.knn)
        crx = np.concatenate([[0.0], np.cumsum(rx)])
        cry = np.concatenate([[0.0], np.cumsum(ry)])
    ab_set = {(a, b) for a, b in types if a and b}

    def gains(i: int, js: np.ndarray) -> dict[tuple[int, int], np.ndarray]:
        cj = np.clip(js, 0, m)
        out: dict[tuple[int, int], np.ndarray] = {}
        xs = {a: xb[a][i] for a in range(1, min(i, p.max_merge) + 1)}
        for b in range(1, p.max_merge + 1):
            yblk = yb[b][cj]
            for a, xv in xs.items():
                if (a, b) not in out and (a, b) in ab_set:
                    sim = yblk @ xv
                    la = cx[i] - cx[i - a]
                    lb = cy[cj] - cy[np.clip(cj - b, 0, m)]
                    pen = np.log2(1.0 + np.minimum(la, lb) / np.maximum(la, lb))
                    if p.length_weight != 1.0:
                        pen = pen**p.length_weight
                    g = sim.astype(np.float64)
                    if p.margin:
                        nx = (crx[i] - crx[i - a]) / a
                        ny = (cry[cj] - cry[np.clip(cj - b, 0, m)]) / b
                        g = g - p.margin * (nx + ny) / 2.0
                    g = g * pen
                    if p.size_power:
                        g = (g - p.offset) * ((a + b) / 2.0) ** p.size_power + p.offset
                    g = g - p.merge_penalty * (a + b - 2)
                    g[js < b] = -np.inf
                    out[(a, b)] = g
        return out

    return gains


def _links(steps: list[tuple[int, int]], e: _Encoded) -> list[Link]:
    """The links of the DP's steps, with scores and evidence."""
    x, y, xb, yb, cx, cy = e.x, e.y, e.xb, e.yb, e.cx, e.cy
    n, m = len(x), len(y)
    links: list[Link] = []
    i = j = 0
    for a, b in steps:
        s_idx = tuple(range(i, i + a))
        t_idx = tuple(range(j, j + b))
        if a and b:
            sim = float(xb[a][i + a] @ yb[b][j + b])
            la, lb = cx[i + a] - cx[i], cy[j + b] - cy[j]
            pen = math.log2(1.0 + min(la, lb) / max(la, lb))
            ev = [f"{a}-{b} link, cosine {sim:.3f}", f"length ratio {min(la, lb) / max(la, lb):.2f}"]
            if a > 1 or b > 1:
                ev.append("block vectors: normalised sums of the member sentences' cached vectors")
            links.append(Link(source=s_idx, target=t_idx, score=clip01(sim * pen), similarity=sim, evidence=tuple(ev)))
        else:
            if a:
                k = i
                lo_j, hi_j = max(0, j - 3), min(m, j + 3)
                near = y[lo_j:hi_j] @ x[k] if hi_j > lo_j else np.zeros(0)
                side = "source"
            else:
                k = j
                lo_i, hi_i = max(0, i - 3), min(n, i + 3)
                near = x[lo_i:hi_i] @ y[k] if hi_i > lo_i else np.zeros(0)
                side = "target"
            best = float(near.max()) if len(near) else 0.0
            ev = [
                f"{side} sentence left unaligned ({'1-0' if a else '0-1'})",
                f"best cosine to a nearby sentence of the other side {best:.3f}",
            ]
            links.append(Link(source=s_idx, target=t_idx, score=clip01(1.0 - best), similarity=best, evidence=tuple(ev)))
        i += a
        j += b
    return links
