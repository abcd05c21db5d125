"""Sentence alignment (monotone) and claim matching (order-free).

Two aligners, one embedder protocol (:mod:`claimtrack.embed`):

:func:`align_sentences` -- monotone alignment of a text and its translation
    into 1-1, 1-n, n-1, n-m (up to ``max_merge`` sentences a side) and 1-0 /
    0-1 links, Bertalign / vecalign style.  See the function for the model.

:func:`align` -- order-free matching of claims across outlets and languages:
    cosine similarity, a margin against each side's nearest neighbours,
    mutual best plus thresholds, a second match when a translation merged two
    sentences, rapidfuzz within one language, shared numbers and names as
    evidence.

Both encode each distinct text once (an :class:`~claimtrack.embed.EmbeddingCache`,
which the caller may pass in to share across calls), are deterministic (ties
go to the lower index) and never download anything.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..embed import Embedder, EmbeddingCache, default_embedder
from ..models import Alignment, Claim, Link

__all__ = ["align_sentences", "align", "SentenceParams"]


# --------------------------------------------------------------------------
# helpers


def _text_of(x: Any) -> str:
    if isinstance(x, str):
        return x
    text = getattr(x, "text", None)
    if isinstance(text, str):
        return text
    raise TypeError(f"expected a str or an object with a .text str attribute, got {type(x).__name__}")


def _vectors(texts: Sequence[str], embedder: Embedder | None, cache: EmbeddingCache | None) -> np.ndarray:
    emb = embedder if embedder is not None else default_embedder()
    c = cache if cache is not None else EmbeddingCache()
    return c.encode(emb, texts)


def _clip01(x: float) -> float:
    if not math.isfinite(x):
        return 0.0
    return float(min(1.0, max(0.0, x)))


# --------------------------------------------------------------------------
# monotone sentence alignment


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
    gains: Any,
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


def _texts_key(texts: Sequence[str]) -> tuple[int, str]:
    import hashlib

    return (len(texts), hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest())


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
    src_texts = [_text_of(s) for s in src]
    tgt_texts = [_text_of(t) for t in tgt]
    n, m = len(src_texts), len(tgt_texts)
    if n == 0 or m == 0:
        return [Link(source=(i,), target=(), score=1.0, evidence=("nothing on the other side",)) for i in range(n)] + [
            Link(source=(), target=(j,), score=1.0, evidence=("nothing on the other side",)) for j in range(m)
        ]
    emb = embedder if embedder is not None else default_embedder()
    c = cache if cache is not None else EmbeddingCache()
    # run in one canonical orientation so that (b, a) is exactly (a, b) mirrored
    if _texts_key(tgt_texts) < _texts_key(src_texts):
        back = align_sentences(tgt_texts, src_texts, tgt_lang, src_lang, embedder=emb, cache=c, params=p)
        return [lk.model_copy(update={"source": lk.target, "target": lk.source, "evidence": _mirror_evidence(lk.evidence)}) for lk in back]
    both = c.encode(emb, src_texts + tgt_texts)
    x, y = both[:n], both[n:]
    lx = np.array([max(1, len(t.strip())) for t in src_texts], dtype=np.float64)
    ly = np.array([max(1, len(t.strip())) for t in tgt_texts], dtype=np.float64)

    types: list[tuple[int, int]] = [(1, 1), (1, 0), (0, 1)]
    for a in range(1, p.max_merge + 1):
        for b in range(1, p.max_merge + 1):
            if (a, b) != (1, 1) and a + b <= p.max_total:
                types.append((a, b))
    types.sort(key=lambda ab: (0 if ab == (1, 1) else 1, ab[0] + ab[1], ab))

    ratio = max(n, m) / min(n, m)
    # ---- band
    if (n + 1) * (m + 1) <= p.full_cells:
        lo = np.zeros(n + 1, dtype=np.int64)
        hi = np.full(n + 1, m, dtype=np.int64)
        path_note = "full grid"
    else:
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
        lo, hi = _band_around_path(path, n, m, half2)
        path_note = f"band of {half2} around a first 1-1 pass"

    grid = _Grid(lo, hi)
    xb = {a: _block_vectors(x, lx, a, p.block_power) for a in range(1, p.max_merge + 1)}
    yb = {b: _block_vectors(y, ly, b, p.block_power) for b in range(1, p.max_merge + 1)}
    cx = np.concatenate([[0.0], np.cumsum(lx)])
    cy = np.concatenate([[0.0], np.cumsum(ly)])
    if p.length_norm:
        # languages differ in length (French runs ~10% longer than English);
        # clamp so that an omission in a short text cannot skew the ratio much
        cy = cy * min(1.25, max(0.8, cx[-1] / cy[-1]))
    if p.margin:
        rx, ry = _knn_mean(x, y, lo, hi, p.knn)
        crx = np.concatenate([[0.0], np.cumsum(rx)])
        cry = np.concatenate([[0.0], np.cumsum(ry)])
    ab_types = [(a, b) for a, b in types if a and b]

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

    ab_set = set(ab_types)
    steps = _run_dp(grid, types, gains, p.skip)

    # ---- links with scores and evidence
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
            links.append(Link(source=s_idx, target=t_idx, score=_clip01(sim * pen), similarity=sim, evidence=tuple(ev)))
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
            links.append(Link(source=s_idx, target=t_idx, score=_clip01(1.0 - best), similarity=best, evidence=tuple(ev)))
        i += a
        j += b
    del path_note
    return links


# --------------------------------------------------------------------------
# order-free claim matching


@dataclass(frozen=True)
class _Side:
    ids: list[str]
    texts: list[str]
    langs: list[str | None]
    numbers: list[frozenset[float]]
    entities: list[frozenset[str]]
    vecs: np.ndarray


def _side(items: Sequence[Any], vecs: np.ndarray, lang: str | None) -> _Side:
    ids: list[str] = []
    langs: list[str | None] = []
    numbers: list[frozenset[float]] = []
    entities: list[frozenset[str]] = []
    for k, it in enumerate(items):
        ids.append(str(getattr(it, "id", k)) if not isinstance(it, str) else str(k))
        langs.append(getattr(it, "lang", None) if not isinstance(it, str) else lang)
        if lang is not None and langs[-1] is None:
            langs[-1] = lang
        qs = getattr(it, "quantities", ()) or ()
        numbers.append(frozenset(float(q.value) for q in qs if getattr(q, "value", None) is not None))
        es = getattr(it, "entities", ()) or ()
        entities.append(frozenset(str(e.key) for e in es if getattr(e, "key", None)))
    return _Side(ids, [_text_of(x) for x in items], langs, numbers, entities, vecs)


def _blocked_topk(
    a: np.ndarray, b: np.ndarray, k: int, block_bytes: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Top-k cosines of every row of ``a`` against ``b`` and of every row of
    ``b`` against ``a``, from float32 row blocks (never the whole n x m matrix).

    Returns (row_idx, row_val, col_idx, col_val); rows sorted best first, ties
    by lower index; missing entries (k > other side) have index -1, value -inf.
    """
    n, m = len(a), len(b)
    kr, kc = min(k, m), min(k, n)
    row_idx = np.full((n, k), -1, dtype=np.int64)
    row_val = np.full((n, k), -np.inf, dtype=np.float32)
    col_idx = np.full((m, k), -1, dtype=np.int64)
    col_val = np.full((m, k), -np.inf, dtype=np.float32)
    if n == 0 or m == 0:
        return row_idx, row_val, col_idx, col_val
    rows = max(1, min(n, block_bytes // max(1, 4 * m)))
    for s in range(0, n, rows):
        e = min(n, s + rows)
        blk = a[s:e] @ b.T  # (rows, m) float32
        # rows: top-k, sorted by (-value, index)
        if kr < m:
            part = np.argpartition(-blk, kr - 1, axis=1)[:, :kr]
        else:
            part = np.broadcast_to(np.arange(m), (e - s, m)).copy()
        vals = np.take_along_axis(blk, part, axis=1)
        order = np.lexsort((part, -vals), axis=1)
        row_idx[s:e, :kr] = np.take_along_axis(part, order, axis=1)
        row_val[s:e, :kr] = np.take_along_axis(vals, order, axis=1)
        # columns: merge this block's top-k with the running top-k
        kb = min(kc, e - s)
        if kb < e - s:
            cpart = np.argpartition(-blk, kb - 1, axis=0)[:kb]
        else:
            cpart = np.broadcast_to(np.arange(e - s)[:, None], (e - s, m)).copy()
        cvals = np.take_along_axis(blk, cpart, axis=0).T  # (m, kb)
        cidx = (cpart + s).T
        allv = np.concatenate([col_val, cvals], axis=1)
        alli = np.concatenate([col_idx, cidx], axis=1)
        key_i = np.where(alli < 0, np.iinfo(np.int64).max, alli)
        order = np.lexsort((key_i, -allv), axis=1)[:, :k]
        col_val = np.take_along_axis(allv, order, axis=1)
        col_idx = np.take_along_axis(alli, order, axis=1)
        del blk
    return row_idx, row_val, col_idx, col_val


def _fuzzy(a: str, b: str) -> float:
    """rapidfuzz similarity of casefolded texts in 0..1: max of ``ratio`` and,
    when the shorter text has at least 5 words, ``token_set_ratio`` (a quote
    reused inside a longer sentence scores high)."""
    from rapidfuzz import fuzz

    x, y = a.casefold(), b.casefold()
    r = fuzz.ratio(x, y)
    if min(len(x.split()), len(y.split())) >= 5:
        r = max(r, fuzz.token_set_ratio(x, y))
    return float(r) / 100.0


_SHORT_WORDS = 6
_LONG_WORDS = 20


def _combined(u: np.ndarray, v: np.ndarray, tu: str, tv: str, target: np.ndarray) -> float:
    """Cosine of ``target`` with the sqrt(length)-weighted, normalised sum of u and v."""
    comb = u * math.sqrt(max(1, len(tu))) + v * math.sqrt(max(1, len(tv)))
    norm = float(np.linalg.norm(comb)) or 1.0
    return float(comb @ target) / norm


def _fmt_num(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"


def _align_core(
    A: _Side,
    B: _Side,
    *,
    threshold: float,
    short_threshold: float,
    min_margin: float,
    k: int,
    second_threshold: float,
    merge_gain: float,
    fuzzy_min: float,
    nudge: float,
    background: float,
    block_bytes: int,
    fuzzy_cells: int,
    evidence_threshold: float,
    min_figure: float,
) -> list[dict[str, Any]]:
    n, m = len(A.texts), len(B.texts)
    if n == 0 or m == 0:
        return []
    K = k + 1
    ri, rv, ci, cv = _blocked_topk(A.vecs, B.vecs, K, block_bytes)
    a64 = A.vecs.astype(np.float64)  # n x d and m x d: linear in the number of claims
    b64 = B.vecs.astype(np.float64)

    def same_lang(i: int, j: int) -> bool:
        la, lb = A.langs[i], B.langs[j]
        return la is None or lb is None or la == lb

    # candidate pairs: each side's K nearest, plus rapidfuzz hits within one language
    cand: set[tuple[int, int]] = set()
    for i in range(n):
        for j in ri[i]:
            if j >= 0:
                cand.add((i, int(j)))
    for j in range(m):
        for i in ci[j]:
            if i >= 0:
                cand.add((int(i), j))
    if n * m <= fuzzy_cells and any(same_lang(i, j) for i in range(min(n, 1)) for j in range(m)):
        from rapidfuzz import fuzz, process

        fa = [t.casefold() for t in A.texts]
        fb = [t.casefold() for t in B.texts]
        hits = process.cdist(fa, fb, scorer=fuzz.ratio, score_cutoff=fuzzy_min * 100, dtype=np.uint8, workers=1)
        for i, j in zip(*np.nonzero(hits)):
            if same_lang(int(i), int(j)):
                cand.add((int(i), int(j)))
    pairs = sorted(cand)
    if not pairs:
        return []
    pi = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    pj = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
    sims = np.empty(len(pairs), dtype=np.float64)
    step = max(1, block_bytes // (16 * max(1, a64.shape[1])))  # gathered rows stay within one block
    for s0 in range(0, len(pairs), step):
        s1 = s0 + step
        sims[s0:s1] = np.einsum("ij,ij->i", a64[pi[s0:s1]], b64[pj[s0:s1]])

    # neighbourhood of each item: its k best cosines *other than* the partner
    # under test (fewer than k neighbours are padded with `background`)
    def neigh(idx: np.ndarray, val: np.ndarray, row: int, partner: int) -> float:
        vals = [float(v) for t, v in zip(idx[row], val[row]) if t >= 0 and t != partner][:k]
        vals += [background] * (k - len(vals))
        return sum(vals) / k

    words_a = [len(t.split()) for t in A.texts]
    words_b = [len(t.split()) for t in B.texts]

    def thr(i: int, j: int) -> float:
        w = (words_a[i] + words_b[j]) / 2.0
        f = min(1.0, max(0.0, (w - _SHORT_WORDS) / (_LONG_WORDS - _SHORT_WORDS)))
        return short_threshold + f * (threshold - short_threshold)

    recs: dict[tuple[int, int], dict[str, Any]] = {}
    for (i, j), s in zip(pairs, sims.tolist()):
        na = neigh(ri, rv, i, j)
        nb = neigh(ci, cv, j, i)
        margin = s - (na + nb) / 2.0
        fz = _fuzzy(A.texts[i], B.texts[j]) if same_lang(i, j) else None
        eff = s
        if fz is not None and fz >= fuzzy_min:
            eff = max(s, fz)
            margin = max(margin, fz - (na + nb) / 2.0)
        sn = sorted(A.numbers[i] & B.numbers[j])
        se = sorted(A.entities[i] & B.entities[j])
        bonus = min(nudge, nudge / 3.0 * (len(sn) + len(se)))
        bar = thr(i, j)
        figure = s >= evidence_threshold and eff < bar and any(abs(v) >= min_figure for v in sn)
        recs[(i, j)] = {
            "i": i, "j": j, "sim": s, "eff": eff, "margin": margin, "fuzzy": fz,
            "numbers": sn, "entities": se, "bonus": bonus, "rank": eff + margin + bonus,
            "neigh": (na, nb), "kind": "best", "thr": bar, "figure": figure,
        }

    # competitive linking: best-first, each claim used once; ties by index
    order = sorted(recs.values(), key=lambda r: (-r["rank"], r["i"], r["j"]))
    used_a: dict[int, int] = {}
    used_b: dict[int, int] = {}
    accepted: list[dict[str, Any]] = []
    for r in order:
        if r["i"] in used_a or r["j"] in used_b:
            continue
        if (r["eff"] < r["thr"] and not r["figure"]) or r["margin"] < min_margin:
            continue
        used_a[r["i"]] = r["j"]
        used_b[r["j"]] = r["i"]
        accepted.append(r)

    # second matches: a translation that merged two sentences.  A claim u left
    # over whose best partner v is already taken by `mate` may join v when v
    # ranks u right after `mate`, and mate + u together are clearly closer to v
    # than either alone.
    extra: list[dict[str, Any]] = []
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for r in order:
        i, j = r["i"], r["j"]
        if r["sim"] < second_threshold or r["margin"] < min_margin:
            continue
        if i not in used_a and j in used_b and j not in taken_b:
            mate = used_b[j]
            if int(ri[i, 0]) != j or i not in [int(t) for t in ci[j, :2]]:
                continue
            cs = _combined(a64[i], a64[mate], A.texts[i], A.texts[mate], b64[j])
            base = max(r["sim"], float(a64[mate] @ b64[j]))
            if cs >= base + merge_gain and cs >= r["thr"]:
                extra.append(dict(r, kind="merge", combined=cs, mate=("a", mate)))
                used_a[i] = j
                taken_b.add(j)
        elif j not in used_b and i in used_a and i not in taken_a:
            mate = used_a[i]
            if int(ci[j, 0]) != i or j not in [int(t) for t in ri[i, :2]]:
                continue
            cs = _combined(b64[j], b64[mate], B.texts[j], B.texts[mate], a64[i])
            base = max(r["sim"], float(a64[i] @ b64[mate]))
            if cs >= base + merge_gain and cs >= r["thr"]:
                extra.append(dict(r, kind="merge", combined=cs, mate=("b", mate)))
                used_b[j] = i
                taken_a.add(i)
    out = accepted + extra
    out.sort(key=lambda r: (r["i"], r["j"]))
    return out


def _side_key(s: _Side) -> tuple[int, str]:
    import hashlib

    h = hashlib.sha1("\x00".join(s.texts).encode("utf-8")).hexdigest()
    return (len(s.texts), h)


def align(
    claims_a: Sequence[Any],
    claims_b: Sequence[Any],
    *,
    embedder: Embedder | None = None,
    cache: EmbeddingCache | None = None,
    threshold: float = 0.65,
    short_threshold: float = 0.42,
    margin: float = 0.05,
    k: int = 4,
    second_threshold: float = 0.45,
    merge_gain: float = 0.05,
    fuzzy_min: float = 0.8,
    nudge: float = 0.03,
    lang_a: str | None = None,
    lang_b: str | None = None,
    block_bytes: int = 16 << 20,
    fuzzy_cells: int = 250_000,
    evidence_threshold: float = 0.5,
    min_figure: float = 10.0,
    drift: bool = True,
) -> list[Alignment]:
    """Order-free matching of two sets of claims (any language pair).

    Args:
        claims_a, claims_b: :class:`~claimtrack.models.Claim` objects, or any
            objects with ``.text`` (``.id``, ``.lang``, ``.quantities``,
            ``.entities`` are used when present), or plain strings (their ids
            are then their indices as strings).
        embedder, cache: see :func:`align_sentences`.
        threshold: least similarity of an accepted pair of long claims (20
            words or more on average); the similarity is the cosine, or the
            rapidfuzz score when a same-language pair is a near-verbatim repeat.
        short_threshold: the same for short claims (6 words or fewer); in
            between the bar is interpolated linearly.  Short sentences have
            noisier vectors (Tatoeba translations of 4-8 words score 0.45-0.6),
            while two *different* long news sentences about one event reach
            0.6-0.66, and true translations of them 0.7-0.9.
        margin: least margin: similarity minus the mean of both claims' ``k``
            nearest *other* neighbours on the opposite side (padded with 0.2 when
            a side has fewer than ``k`` other claims).  This is what keeps merely
            comparable sentences about the same event apart.
        k: neighbours for the margin.
        second_threshold: least similarity of a *second* partner of a claim
            (a translation that merged two sentences); it is accepted when each
            is the other's best remaining option (the claim ranks it first, it
            ranks the claim right after its first partner), and the normalised
            sum of the two partners' vectors is closer to the claim than either
            alone by ``merge_gain`` and passes the threshold.
        fuzzy_min: rapidfuzz score (0..1) from which a same-language pair counts as
            a (near-)verbatim repeat.
        nudge: largest bonus shared numbers and names add to the ranking and the
            score: a figure that changed in translation still aligns, and
            sharing figures does not make comparable sentences a pair.
        evidence_threshold, min_figure: a pair below the length bar is still
            accepted when its cosine reaches ``evidence_threshold`` and both
            claims state the same figure of at least ``min_figure`` (and the
            margin passes): a requote that added a speaker or dropped a clause
            around a shared "2,400 workers".  Plain strings carry no figures.
        lang_a, lang_b: language of plain-string inputs (claims carry their own).
        drift: attach the typed drift findings of :func:`claimtrack.diff`
            (source = ``claims_a``) to every alignment (default); ``False``
            skips them when only the matching is wanted.
        block_bytes: size of one float32 similarity block; memory stays
            O(block_bytes + (n + m) * k).
        fuzzy_cells: below n*m cells, same-language pairs also get rapidfuzz
            candidates over the whole grid (verbatim quotes the encoder ranks low).

    Returns:
        :class:`~claimtrack.models.Alignment` records sorted by (a index, b
        index), ``source`` from ``claims_a``, ``target`` from ``claims_b``,
        with ``similarity``, ``margin``, ``fuzzy`` (same language only),
        ``shared_numbers``, ``shared_entities`` and ``evidence`` in words.

    Method: cosines from the embedder in float32 row blocks keeping each row's
    and column's ``k + 1`` best (time O(n*m*d / BLAS), memory linear); candidate
    pairs are those top lists (plus rapidfuzz hits in one language);
    competitive linking accepts pairs best-first (similarity + margin + nudge,
    ties by index), each claim once, when similarity and margin pass; then a
    claim may take a second, merged partner.  The result is symmetric:
    ``align(b, a)`` is ``align(a, b)`` mirrored (the computation runs in one
    canonical orientation).
    """
    a_texts = [_text_of(x) for x in claims_a]
    b_texts = [_text_of(x) for x in claims_b]
    emb = embedder if embedder is not None else default_embedder()
    c = cache if cache is not None else EmbeddingCache()
    vecs = c.encode(emb, a_texts + b_texts)
    A = _side(claims_a, vecs[: len(a_texts)], lang_a)
    B = _side(claims_b, vecs[len(a_texts) :], lang_b)
    core = functools.partial(
        _align_core,
        threshold=threshold,
        short_threshold=short_threshold,
        min_margin=margin,
        k=max(1, int(k)),
        second_threshold=second_threshold,
        merge_gain=merge_gain,
        fuzzy_min=fuzzy_min,
        nudge=nudge,
        background=0.2,
        block_bytes=block_bytes,
        fuzzy_cells=fuzzy_cells,
        evidence_threshold=evidence_threshold,
        min_figure=min_figure,
    )
    flip = _side_key(B) < _side_key(A)
    if flip:
        recs = core(B, A)
        for r in recs:
            r["i"], r["j"] = r["j"], r["i"]
            if "mate" in r:
                r["mate"] = ({"a": "b", "b": "a"}[r["mate"][0]], r["mate"][1])
        recs.sort(key=lambda r: (r["i"], r["j"]))
    else:
        recs = core(A, B)
    out: list[Alignment] = []
    for r in recs:
        i, j = r["i"], r["j"]
        ev = [f"cosine {r['sim']:.3f}", f"margin {r['margin']:+.3f} over the nearest neighbours"]
        if r["fuzzy"] is not None:
            la, lb = A.langs[i], B.langs[j]
            where = f"same language ({la})" if la and la == lb else "language unknown"
            ev.append(f"{where}: rapidfuzz {r['fuzzy']:.2f}" + (" (near-verbatim)" if r["fuzzy"] >= fuzzy_min else ""))
        if r["numbers"]:
            ev.append("shared numbers: " + ", ".join(_fmt_num(v) for v in r["numbers"]))
        if r["entities"]:
            ev.append("shared names: " + ", ".join(r["entities"]))
        if r["kind"] != "merge" and r["figure"]:
            ev.append(
                f"accepted on a shared figure: cosine {r['sim']:.3f} is below the length bar "
                f"{r['thr']:.3f} but reaches {evidence_threshold:g}"
            )
        if r["kind"] == "merge":
            side, mate = r["mate"]
            mate_id = A.ids[mate] if side == "a" else B.ids[mate]
            ev.append(
                f"second partner: with {mate_id} the combined vector scores {r['combined']:.3f} "
                "(a translation merged two sentences)"
            )
        else:
            ev.append("mutual best match (competitive linking)")
        out.append(
            Alignment(
                source=A.ids[i],
                target=B.ids[j],
                score=_clip01(r["eff"] + r["bonus"]),
                similarity=float(r["sim"]),
                margin=float(r["margin"]),
                fuzzy=r["fuzzy"],
                shared_entities=tuple(r["entities"]),
                shared_numbers=tuple(r["numbers"]),
                evidence=tuple(ev),
            )
        )
    if drift and out:
        out = _with_drift(out, recs, claims_a, claims_b, A, B, emb, c)
    return out


def _with_drift(
    out: list[Alignment], recs: list[dict[str, Any]], claims_a: Sequence[Any], claims_b: Sequence[Any],
    A: _Side, B: _Side, emb: Embedder, cache: EmbeddingCache,
) -> list[Alignment]:
    """Attach :func:`claimtrack.diff` findings (source = side a) to each alignment.

    Claims are diffed with what extraction found (:func:`diff_claims_many`);
    plain texts with :func:`diff_many`, grouped by their language pair.  One
    batched embedding call per group; the vectors come from the same cache.
    """
    from ..drift import diff_claims_many, diff_many

    results: list[Any] = [None] * len(out)
    claim_pairs = [
        (k, claims_a[r["i"]], claims_b[r["j"]]) for k, r in enumerate(recs)
        if isinstance(claims_a[r["i"]], Claim) and isinstance(claims_b[r["j"]], Claim)
    ]
    if claim_pairs:
        diffs = diff_claims_many([(x, y) for _, x, y in claim_pairs], embedder=emb, cache=cache)
        for (k, _, _), d in zip(claim_pairs, diffs):
            results[k] = d
    groups: dict[tuple[str | None, str | None], list[int]] = {}
    for k, r in enumerate(recs):
        if results[k] is None:
            groups.setdefault((A.langs[r["i"]], B.langs[r["j"]]), []).append(k)
    for (la, lb), ks in sorted(groups.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        diffs = diff_many(
            [(A.texts[recs[k]["i"]], B.texts[recs[k]["j"]]) for k in ks], la, lb, embedder=emb, cache=cache
        )
        for k, d in zip(ks, diffs):
            results[k] = d
    return [al.model_copy(update={"drift": tuple(d.drift)}) for al, d in zip(out, results)]


