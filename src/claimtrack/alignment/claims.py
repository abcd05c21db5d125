"""Order-free matching of claims across outlets and languages.

:func:`align` -- cosine similarity, a margin against each side's nearest
neighbours, mutual best plus thresholds (the acceptance rule of
:mod:`claimtrack.alignment.rule`), a second match when a translation merged two
sentences, rapidfuzz within one language, shared numbers and names as
evidence.  Every candidate pair is one typed :class:`Candidate` record.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np

from .. import spill
from ..embed import Embedder, EmbeddingCache, default_embedder
from ..models import Alignment, Claim
from .inputs import clip01, text_of, texts_key
from .rule import Judgement, MatchSettings, Rule, format_figure, fuzzy_similarity, judge, near_figures

__all__ = ["align", "Candidate"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate pair: claim ``i`` of side a with claim ``j`` of side b.

    Records are never changed: :meth:`flipped` gives the same pair seen from
    the other orientation.
    """

    i: int
    j: int
    cosine: float
    verdict: Judgement
    fuzzy: float | None
    """rapidfuzz score of a same-language pair (None across languages)."""
    numbers: tuple[float, ...]
    """Figures both claims state, ascending."""
    entities: tuple[str, ...]
    """Entity keys both claims name, sorted."""
    kind: Literal["best", "merge", "adjacent", "split", "figures"] = "best"
    """``best``: linked competitively; ``merge``: a second partner found by
    the combined vector; ``adjacent``: a second partner found by the part of
    its partner it translates (:func:`_adjacent_partners`); ``split``: one of
    two neighbouring claims whose partner is their two parts
    (:func:`_split_partners`); ``figures``: one of two claims, anywhere in
    their article, whose partner states a figure of each
    (:func:`_figure_merges`)."""
    combined: float = 0.0
    """For a merge: cosine of the claim with its two partners' combined vector."""
    mate: tuple[Literal["a", "b"], int] | None = None
    """For a merge: the side and index of the first partner."""
    part: str | None = None
    """For an ``adjacent`` or ``split`` partner: the run of its partner's text it translates."""

    def flipped(self) -> Candidate:
        """This pair with sides a and b swapped."""
        mate = self.mate
        if mate is not None:
            mate = ("b" if mate[0] == "a" else "a", mate[1])
        return replace(self, i=self.j, j=self.i, mate=mate)


@dataclass(frozen=True, slots=True)
class _Params:
    """What :func:`_match` needs besides the acceptance rule (see :func:`align`)."""

    rule: Rule
    k: int
    second_threshold: float
    merge_gain: float
    background: float
    block_bytes: int
    fuzzy_cells: int
    min_figure: float
    part_threshold: float = 1.0
    split_threshold: float = 1.0
    number_tolerance: float = MatchSettings().number_tolerance
    encode: Callable[[list[str]], np.ndarray] | None = None
    """Vectors of texts (the aligner's cache); None: no adjacent second partners."""


@dataclass(frozen=True)
class _Side:
    ids: list[str]
    texts: list[str]
    langs: list[str | None]
    numbers: list[frozenset[float]]
    entities: list[frozenset[str]]
    vecs: np.ndarray
    articles: list[str | None]
    """Article id of each claim (None for plain strings)."""
    reads: spill.Reads = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reads", spill.Reads(self.vecs))

    def row(self, u: int) -> np.ndarray:
        """A copy of claim ``u``'s vector (a file-backed matrix hands back the
        pages such reads map, :class:`claimtrack.spill.Reads`)."""
        out = np.array(self.vecs[u])
        self.reads.read(1)
        return out


def _side(items: Sequence[Any], vecs: np.ndarray, lang: str | None) -> _Side:
    ids: list[str] = []
    langs: list[str | None] = []
    numbers: list[frozenset[float]] = []
    entities: list[frozenset[str]] = []
    # equal sets of names kept once, and one empty set of figures (216 bytes a set; most claims
    # state no name or names other claims state; figures are not shared: 0.0 == -0.0)
    no_numbers: frozenset[float] = frozenset()
    same_entities: dict[frozenset[str], frozenset[str]] = {}
    for k, it in enumerate(items):
        ids.append(str(getattr(it, "id", k)) if not isinstance(it, str) else str(k))
        langs.append(getattr(it, "lang", None) if not isinstance(it, str) else lang)
        if lang is not None and langs[-1] is None:
            langs[-1] = lang
        qs = getattr(it, "quantities", ()) or ()
        nums = frozenset(float(q.value) for q in qs if getattr(q, "value", None) is not None)
        numbers.append(nums if nums else no_numbers)
        es = getattr(it, "entities", ()) or ()
        keys = frozenset(str(e.key) for e in es if getattr(e, "key", None))
        entities.append(same_entities.setdefault(keys, keys))
    articles = [None if isinstance(x, str) else getattr(x, "article_id", None) for x in items]
    return _Side(ids, [text_of(x) for x in items], langs, numbers, entities, vecs, articles)


class _Rows64:
    """The rows of a float32 matrix read as float64 (exactly), a block at a
    time: the aligner's dot products are taken in float64, and a float64 copy
    of a whole side would take 4 KB per claim (600 MB for a 15 MB article).
    A file-backed matrix (:mod:`claimtrack.spill`) hands back the pages its
    reads mapped (:class:`~claimtrack.spill.Reads`: a row read alone may map
    2 MiB around it); ``reads``: a side's own count, shared with
    :meth:`_Side.row`."""

    def __init__(self, rows: np.ndarray, reads: spill.Reads | None = None) -> None:
        self.rows = rows
        self.shape = rows.shape
        self._reads = reads if reads is not None else spill.Reads(rows)

    def __getitem__(self, index: Any) -> np.ndarray:
        if isinstance(index, (slice, int, np.integer)):
            out: np.ndarray = self.rows[index].astype(np.float64)
            self._reads.read(out.size // max(1, self.shape[1]), scattered=not isinstance(index, slice))
            return out
        return spill.take(self.rows, index, self._reads).astype(np.float64)


SPILLED_COLUMNS = 16384
"""Rows of a file-backed ``b`` read per product by :func:`_product` (32 MiB of USE vectors)."""


def _product(x: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``x @ b.T`` in float32, ``b`` read :data:`SPILLED_COLUMNS` rows at a
    time (a narrow last block joins the one before), each block's pages
    handed back once used when ``b`` is file-backed (:mod:`claimtrack.spill`),
    so the product never holds all of a big ``b`` in memory.  The blocks are
    the same whether ``b`` is in memory or in a file, so the values are too
    (a BLAS may sum a product of another shape in another order)."""
    if len(b) <= SPILLED_COLUMNS:
        out: np.ndarray = x @ b.T
        return out
    out = np.empty((len(x), len(b)), dtype=np.float32)
    for t, u in spill.blocks(len(b), SPILLED_COLUMNS):
        out[:, t:u] = x @ b[t:u].T
        spill.release(b[t:u])
    return out


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
        blk = _product(a[s:e], b)  # (rows, m) float32
        spill.release(a[s:e])
        # rows: top-k, sorted by (-value, index)
        if kr < m:  # a copy of the k columns: the full (rows, m) index array goes at once
            part = np.argpartition(-blk, kr - 1, axis=1)[:, :kr].copy()
        else:
            part = np.broadcast_to(np.arange(m), (e - s, m)).copy()
        vals = np.take_along_axis(blk, part, axis=1)
        order = np.lexsort((part, -vals), axis=1)
        row_idx[s:e, :kr] = np.take_along_axis(part, order, axis=1)
        row_val[s:e, :kr] = np.take_along_axis(vals, order, axis=1)
        # columns: merge this block's top-k with the running top-k
        kb = min(kc, e - s)
        del part, vals, order
        if kb < e - s:  # likewise, a copy of the k rows
            cpart = np.argpartition(-blk, kb - 1, axis=0)[:kb].copy()
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


def _combined(u: np.ndarray, v: np.ndarray, tu: str, tv: str, target: np.ndarray) -> float:
    """Cosine of ``target`` with the sqrt(length)-weighted, normalised sum of u and v."""
    comb = u * math.sqrt(max(1, len(tu))) + v * math.sqrt(max(1, len(tv)))
    norm = float(np.linalg.norm(comb)) or 1.0
    return float(comb @ target) / norm


_Top = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
"""(row_idx, row_val, col_idx, col_val) of :func:`_blocked_topk`."""


def _same_lang(A: _Side, B: _Side, i: int, j: int) -> bool:
    la, lb = A.langs[i], B.langs[j]
    return la is None or lb is None or la == lb


def _one_language(X: _Side, u: int, Y: _Side, y: int) -> bool:
    """Both claims are known to be in one language."""
    return X.langs[u] is not None and X.langs[u] == Y.langs[y]


def _kept_words(part: str, whole: str, fuzzy_min: float) -> bool:
    """``part`` stands in ``whole`` near-verbatim (rapidfuzz partial ratio of
    at least ``fuzzy_min``).  In one language, a sentence an editor merged
    into another keeps its words; a sentence that only shares the other's
    topic and names does not.  Across languages the encoder decides."""
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(part, whole) / 100.0 >= fuzzy_min


def _candidate_pairs(A: _Side, B: _Side, top: _Top, p: _Params) -> tuple[np.ndarray, np.ndarray]:
    """Each side's K nearest, plus rapidfuzz hits within one language (below
    ``fuzzy_cells`` cells), sorted by (i, j): the arrays of i and of j (int64;
    16 bytes a pair, not a list of tuples)."""
    ri, _, ci, _ = top
    n, m = len(A.texts), len(B.texts)
    # the top lists as one sorted array of keys i * m + j (8 bytes a pair, not a set of tuples)
    keys = np.concatenate([
        (np.arange(n, dtype=np.int64)[:, None] * m + ri)[ri >= 0],
        (ci * m + np.arange(m, dtype=np.int64)[:, None])[ci >= 0],
    ])
    if n * m <= p.fuzzy_cells and any(_same_lang(A, B, i, j) for i in range(min(n, 1)) for j in range(m)):
        extra: list[int] = []
        from rapidfuzz import fuzz, process

        fa = [t.casefold() for t in A.texts]
        fb = [t.casefold() for t in B.texts]
        hits = process.cdist(
            fa, fb, scorer=fuzz.ratio, score_cutoff=p.rule.fuzzy_min * 100, dtype=np.uint8, workers=1
        )
        for i, j in zip(*np.nonzero(hits)):
            if _same_lang(A, B, int(i), int(j)):
                extra.append(int(i) * m + int(j))
        keys = np.concatenate([keys, np.asarray(extra, dtype=np.int64)])
    keys = np.unique(keys)  # sorted keys: sorted by (i, j)
    return keys // m, keys % m


def _pairs_with(
    pi: np.ndarray, pj: np.ndarray, sims: np.ndarray, block: int = 65_536
) -> Iterator[tuple[int, int, float]]:
    """(i, j, cosine) of each pair as Python numbers, a block at a time."""
    for s0 in range(0, len(pi), block):
        yield from zip(pi[s0 : s0 + block].tolist(), pj[s0 : s0 + block].tolist(), sims[s0 : s0 + block].tolist())


def _judged(
    A: _Side, B: _Side, pairs: list[tuple[int, int]] | tuple[np.ndarray, np.ndarray], top: _Top, a64: _Rows64,
    b64: _Rows64, p: _Params,
    useful_only: bool = False,
) -> list[Candidate]:
    """Every candidate pair judged by the acceptance rule, in ``pairs`` order.

    ``useful_only``: keep only the pairs :func:`_match` can use, those the rule
    accepts (competitive linking skips the others) and those
    :func:`_second_matches` may take (cosine from ``second_threshold``, margin
    passing); the rest are dropped as soon as they are judged, so a big
    article holds about one record a claim instead of one per candidate."""
    ri, rv, ci, cv = top
    k = p.k
    if isinstance(pairs, tuple):
        pi, pj = pairs
    else:
        pi = np.fromiter((q[0] for q in pairs), dtype=np.int64, count=len(pairs))
        pj = np.fromiter((q[1] for q in pairs), dtype=np.int64, count=len(pairs))
    sims = np.empty(len(pi), dtype=np.float64)
    step = max(1, p.block_bytes // (16 * max(1, a64.shape[1])))  # gathered rows stay within one block
    for s0 in range(0, len(pi), step):
        s1 = s0 + step
        sims[s0:s1] = np.einsum("ij,ij->i", a64[pi[s0:s1]], b64[pj[s0:s1]])

    # neighbourhood of each item: its k best cosines *other than* the partner
    # under test (fewer than k neighbours are padded with `background`)
    def neigh(idx: np.ndarray, val: np.ndarray, row: int, partner: int) -> float:
        vals = [float(v) for t, v in zip(idx[row], val[row]) if t >= 0 and t != partner][:k]
        vals += [p.background] * (k - len(vals))
        return sum(vals) / k

    words_a = [len(t.split()) for t in A.texts]
    words_b = [len(t.split()) for t in B.texts]
    out: list[Candidate] = []
    for i, j, s in _pairs_with(pi, pj, sims):
        na = neigh(ri, rv, i, j)
        nb = neigh(ci, cv, j, i)
        fz = fuzzy_similarity(A.texts[i], B.texts[j]) if _same_lang(A, B, i, j) else None
        sn = tuple(sorted(A.numbers[i] & B.numbers[j]))
        se = tuple(sorted(A.entities[i] & B.entities[j]))
        verdict = judge(
            p.rule, cosine=s, neighbours=(na + nb) / 2.0, fuzzy=fz, words=(words_a[i], words_b[j]),
            shared=len(sn) + len(se), shared_figure=any(abs(v) >= p.min_figure for v in sn),
        )
        if useful_only and not verdict.accepted and (s < p.second_threshold or verdict.margin < p.rule.margin):
            continue
        out.append(Candidate(i=i, j=j, cosine=s, verdict=verdict, fuzzy=fz, numbers=sn, entities=se))
    return out


def _end_runs(text: str, lang: str) -> list[tuple[int, int]]:
    """The spans of the runs of ``text``'s sub-sentence chunks that start it
    or end it, but not all of them (a merged sentence keeps its parts in
    order, so a merged-in part opens or closes it); none for one chunk."""
    from ..drift.context import Side as _DriftSide

    chunks = _DriftSide(text, lang).chunks
    last = len(chunks) - 1
    return ([(chunks[0][0], chunks[e][1]) for e in range(last)]
            + [(chunks[s][0], chunks[last][1]) for s in range(1, last + 1)])


def _renders_part(X: _Side, u: int, Y: _Side, y: int, p: _Params) -> bool:
    """The claim ``y`` said to merge ``u`` with another claim holds a part
    rendering ``u``: a run of its chunks from its start or to its end (a
    merged sentence keeps its parts in order) that ``u`` translates, cosine
    at least ``part_threshold``.  A claim whose vector only leans towards
    ``u`` because both are about one topic has no such part.  True where
    nothing can be told: ``y``'s language has no data to chunk it by, or
    ``y`` is one chunk."""
    from .. import lang as _lang

    lang = Y.langs[y]
    if p.encode is None or lang is None or not _lang.is_supported(lang):
        return True
    text = Y.texts[y]
    runs = [text[s:e] for s, e in _end_runs(text, lang)]
    if not runs:
        return True  # one chunk
    return bool(np.max(p.encode(runs) @ X.row(u)) >= p.part_threshold)


def _second_matches(
    order: list[Candidate],
    used_a: dict[int, int],
    used_b: dict[int, int],
    A: _Side,
    B: _Side,
    top: _Top,
    a64: _Rows64,
    b64: _Rows64,
    p: _Params,
) -> list[Candidate]:
    """Second matches: a translation that merged two sentences.  A claim u left
    over whose best partner v is already taken by `mate` may join v when v
    ranks u right after `mate`, and mate + u together are clearly closer to v
    than either alone.  Updates ``used_a`` / ``used_b``."""
    ri, _, ci, _ = top
    min_margin = p.rule.margin
    extra: list[Candidate] = []
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for r in order:
        i, j = r.i, r.j
        if r.cosine < p.second_threshold or r.verdict.margin < min_margin:
            continue
        if i not in used_a and j in used_b and j not in taken_b:
            mate = used_b[j]
            if int(ri[i, 0]) != j or i not in [int(t) for t in ci[j, :2]]:
                continue
            if _one_language(A, i, B, j) and not _kept_words(A.texts[i], B.texts[j], p.rule.fuzzy_min):
                continue
            cs = _combined(a64[i], a64[mate], A.texts[i], A.texts[mate], b64[j])
            base = max(r.cosine, float(a64[mate] @ b64[j]))
            if cs >= base + p.merge_gain and cs >= r.verdict.bar and _renders_part(A, i, B, j, p):
                extra.append(replace(r, kind="merge", combined=cs, mate=("a", mate)))
                used_a[i] = j
                taken_b.add(j)
        elif j not in used_b and i in used_a and i not in taken_a:
            mate = used_a[i]
            if int(ci[j, 0]) != i or j not in [int(t) for t in ri[i, :2]]:
                continue
            if _one_language(A, i, B, j) and not _kept_words(B.texts[j], A.texts[i], p.rule.fuzzy_min):
                continue
            cs = _combined(b64[j], b64[mate], B.texts[j], B.texts[mate], a64[i])
            base = max(r.cosine, float(a64[i] @ b64[mate]))
            if cs >= base + p.merge_gain and cs >= r.verdict.bar and _renders_part(B, j, A, i, p):
                extra.append(replace(r, kind="merge", combined=cs, mate=("b", mate)))
                used_b[j] = i
                taken_a.add(i)
    return extra


def _translated_part(
    specs: list[tuple[str, str, np.ndarray, np.ndarray, np.ndarray]], p: _Params
) -> list[tuple[float, str] | None]:
    """For each (partner text, its language, vectors of the leftover, the
    first partner and the partner): the best run of the partner's chunks
    (from its start or to its end, not all of them: a merged sentence keeps
    its parts in order, so the leftover's part opens or closes it) that the
    leftover translates, as (cosine, run text), or None when no run reaches
    ``part_threshold`` among those whose removal brings the partner closer
    to the first partner.  The runs are encoded in one batch, then the
    partner without each run that passed, in a second."""
    def tidy(text: str) -> str:
        return " ".join(text.split())

    assert p.encode is not None
    runs: list[tuple[int, str, str]] = []  # (spec, run, partner without it)
    for k, (y, lang, _, _, _) in enumerate(specs):
        for s, e in _end_runs(y, lang):
            runs.append((k, y[s:e], tidy(y[:s] + " " + y[e:])))
    if not runs:
        return [None] * len(specs)
    vr = p.encode([r[1] for r in runs])
    su = [float(v @ specs[k][2]) for v, (k, _, _) in zip(vr, runs)]
    passed = [q for q in range(len(runs)) if su[q] >= p.part_threshold]
    vrest = p.encode([runs[q][2] for q in passed]) if passed else np.zeros((0, 1), dtype=np.float32)
    out: list[tuple[float, str] | None] = [None] * len(specs)
    for q, v in zip(passed, vrest):
        k = runs[q][0]
        _, _, _, vx, vy = specs[k]
        best = out[k]
        if float(v @ vx) > float(vy @ vx) and (best is None or su[q] > best[0]):
            out[k] = (su[q], runs[q][1])
    return out


def _adjacent_partners(
    links: list[Candidate], A: _Side, B: _Side, top: _Top, a64: _Rows64, b64: _Rows64, p: _Params
) -> list[Candidate]:
    """Second partners by adjacency: a translation that merged two sentences
    renders two *neighbouring* sentences as one.  A claim u linked to
    nothing, next to a claim x (the claim before or after it, in the same
    article) whose partner y is linked to x alone, joins y when a run of
    y's chunks from its start or to its end (not all of y) translates u --
    cosine at least ``part_threshold`` -- and y without that run is closer
    to x than y is (the run is not x's content).  A short sentence is lost in the summed vector of a long one,
    which is why :func:`_second_matches` misses these; the part it
    translates is not.  Best score first, each claim once."""
    if p.encode is None:
        return []
    from .. import lang as _lang

    linked_a = {r.i for r in links}
    linked_b = {r.j for r in links}
    count_a: dict[int, int] = {}
    count_b: dict[int, int] = {}
    for r in links:
        count_a[r.i] = count_a.get(r.i, 0) + 1
        count_b[r.j] = count_b.get(r.j, 0) + 1
    found: list[tuple[Literal["a", "b"], int, int, int]] = []
    specs: list[tuple[str, str, np.ndarray, np.ndarray, np.ndarray]] = []
    for r in links:
        if r.kind != "best" or count_a[r.i] > 1 or count_b[r.j] > 1:
            continue
        sides: tuple[tuple[Literal["a", "b"], _Side, int, _Side, int, set[int]], ...] = (
            ("a", A, r.i, B, r.j, linked_a), ("b", B, r.j, A, r.i, linked_b))
        for side, X, x, Y, y, linked in sides:
            lang = Y.langs[y]
            if lang is None or not _lang.is_supported(lang):
                continue
            for u in (x - 1, x + 1):
                if 0 <= u < len(X.texts) and u not in linked and X.articles[u] == X.articles[x]:
                    if _one_language(X, u, Y, y) and not _kept_words(X.texts[u], Y.texts[y], p.rule.fuzzy_min):
                        continue
                    found.append((side, u, x, y))
                    specs.append((Y.texts[y], lang, X.row(u), X.row(x), Y.row(y)))
    scored = [(s, f) for s, f in zip(_translated_part(specs, p), found) if s is not None]
    scored.sort(key=lambda sf: (-sf[0][0], sf[1]))
    extra: list[Candidate] = []
    taken: set[tuple[str, int]] = set()
    for (cos, part), (side, u, x, y) in scored:
        other: Literal["a", "b"] = "b" if side == "a" else "a"
        if (side, u) in taken or (other, y) in taken or (side, x) in taken:
            continue
        taken.update({(side, u), (other, y), (side, x)})
        i, j = (u, y) if side == "a" else (y, u)
        (rec,) = _judged(A, B, [(i, j)], top, a64, b64, p)
        extra.append(replace(rec, kind="adjacent", combined=cos, mate=(side, x), part=part))
    return extra


def _split_partners(
    links: list[Candidate], A: _Side, B: _Side, top: _Top, a64: _Rows64, b64: _Rows64, p: _Params
) -> list[Candidate]:
    """Two neighbouring claims rendered as one, when neither was linked: a
    claim y linked to nothing is the translation of the unlinked neighbours
    u, u + 1 of the other side (same article) when y splits at a chunk
    boundary into a start that translates u and an end that translates
    u + 1, both with cosine at least ``split_threshold``.  Candidates are
    the (u, u + 1, y) where u or u + 1 is among y's nearest claims and the
    combined vector (:func:`_combined`) reaches ``second_threshold`` (linear
    in the number of claims); best first, each claim once."""
    if p.encode is None:
        return []
    from .. import lang as _lang
    from ..drift.context import Side as _DriftSide

    linked = ({r.i for r in links}, {r.j for r in links})
    nearest = {"a": top[2], "b": top[0]}  # for a claim y of the other side, its nearest claims on this side
    sides: tuple[tuple[Literal["a", "b"], _Side, _Rows64, _Side, _Rows64, set[int], set[int]], ...] = (
        ("a", A, a64, B, b64, linked[0], linked[1]), ("b", B, b64, A, a64, linked[1], linked[0]))
    plans: list[tuple[Literal["a", "b"], int, int, list[str], list[str]]] = []
    texts: list[str] = []
    for side, X, xv, Y, yv, lx, ly in sides:
        if len(X.texts) < 2:
            continue
        nx = len(X.texts)
        supported = {lg: bool(lg) and _lang.is_supported(str(lg)) for lg in set(Y.langs)}
        free_y = np.array([supported[lg] for lg in Y.langs], dtype=bool)
        free_y[list(ly)] = False
        free_u = np.array([u not in lx and u + 1 not in lx and X.articles[u] == X.articles[u + 1]
                           for u in range(nx - 1)] + [False], dtype=bool)
        # candidates (u, y): u or u + 1 among y's nearest, both free, in one array pass
        near = nearest[side]
        us = np.concatenate([near, near - 1], axis=1).ravel()
        ys = np.repeat(np.arange(len(Y.texts)), 2 * near.shape[1])
        keep = (us >= 0) & (us < nx - 1)
        us, ys = us[keep], ys[keep]
        keep = free_u[us] & free_y[ys]
        codes = np.unique(ys[keep] * nx + us[keep])
        if not len(codes):
            continue
        ys, us = codes // nx, codes % nx
        # the cosine of _combined, for the candidates only, from dot products
        # of unit vectors taken in blocks (never a candidates x d matrix)
        w = np.sqrt(np.maximum(1, np.array([len(s) for s in X.texts], dtype=np.float64)))
        wu, wv = w[us], w[us + 1]
        step = max(1, p.block_bytes // (16 * max(1, xv.shape[1])))
        du, dv, uv = (np.empty(len(us)) for _ in range(3))
        for s0 in range(0, len(us), step):
            s1 = s0 + step
            yb = yv[ys[s0:s1]]
            du[s0:s1] = np.einsum("ij,ij->i", xv[us[s0:s1]], yb)
            dv[s0:s1] = np.einsum("ij,ij->i", xv[us[s0:s1] + 1], yb)
            uv[s0:s1] = np.einsum("ij,ij->i", xv[us[s0:s1]], xv[us[s0:s1] + 1])
        norm = np.sqrt(np.maximum(wu * wu + wv * wv + 2 * wu * wv * uv, 1e-24))
        close = (wu * du + wv * dv) / norm >= p.second_threshold
        by_y: dict[int, list[int]] = {}
        for u, y in zip(us[close].tolist(), ys[close].tolist()):
            by_y.setdefault(y, []).append(u)
        for y, pairs in sorted(by_y.items()):
            text = Y.texts[y]
            chunks = _DriftSide(text, str(Y.langs[y])).chunks
            if len(chunks) < 2:
                continue
            heads = [text[: chunks[k][1]] for k in range(len(chunks) - 1)]
            tails = [text[chunks[k + 1][0] :] for k in range(len(chunks) - 1)]
            for u in pairs:
                if _one_language(X, u, Y, y) and not (_kept_words(X.texts[u], text, p.rule.fuzzy_min)
                                                      and _kept_words(X.texts[u + 1], text, p.rule.fuzzy_min)):
                    continue
                plans.append((side, u, y, heads, tails))
                texts += heads + tails + [X.texts[u], X.texts[u + 1]]
    if not plans:
        return []
    vecs = p.encode(texts)
    scored: list[tuple[float, Literal["a", "b"], int, int, str, str, float, float]] = []
    at = 0
    for side, u, y, heads, tails in plans:
        n = len(heads)
        vh, vt = vecs[at : at + n] @ vecs[at + 2 * n], vecs[at + n : at + 2 * n] @ vecs[at + 2 * n + 1]
        at += 2 * n + 2
        k = max(range(n), key=lambda q: (min(float(vh[q]), float(vt[q])), -q))
        score = min(float(vh[k]), float(vt[k]))
        if score >= p.split_threshold:
            scored.append((score, side, u, y, heads[k], tails[k], float(vh[k]), float(vt[k])))
    scored.sort(key=lambda s: (-s[0], s[1], s[2], s[3]))
    extra: list[Candidate] = []
    taken: set[tuple[str, int]] = set()
    for _, side, u, y, head, tail, ch, ct in scored:
        other: Literal["a", "b"] = "b" if side == "a" else "a"
        if {(side, u), (side, u + 1), (other, y)} & taken:
            continue
        taken.update({(side, u), (side, u + 1), (other, y)})
        for x, mate, part, cos in ((u, u + 1, head, ch), (u + 1, u, tail, ct)):
            i, j = (x, y) if side == "a" else (y, x)
            (rec,) = _judged(A, B, [(i, j)], top, a64, b64, p)
            extra.append(replace(rec, kind="split", combined=cos, mate=(side, mate), part=part))
    return extra


def _figure_merges(
    links: list[Candidate], A: _Side, B: _Side, top: _Top, a64: _Rows64, b64: _Rows64, p: _Params
) -> list[Candidate]:
    """A claim that merges two claims of the other side wherever they stand in
    their article ("plus de 2 400 contributeurs ont construit près de 154 000
    projets" renders the 2,400 contributors of one sentence and the 150,000
    projects of another, far apart).  A claim y, linked to nothing or to one
    claim u linked to y alone, joins claims of the other side linked to
    nothing -- two of them, or one beside u -- when each of the two states a
    figure of y that the other does not (the same figure within
    ``number_tolerance``, at least ``min_figure``) and their combined vector
    (:func:`_combined`, from the cached vectors) reaches the rule's
    ``evidence_threshold`` and is closer to y than either of them alone: the
    rule's figure rescue, applied to the two sentences together.  Two shared
    figures are the anchor: a sentence about the same topic rarely states two
    figures of two other sentences.  The candidates come from a
    sorted index of the figures (blocking, never all pairs), at most
    :data:`_FIGURE_PARTNERS` per claim, nearest first; best combined cosine
    first, each claim once."""
    from bisect import bisect_left, bisect_right
    from itertools import combinations

    partners: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
    for r in links:
        partners[0].setdefault(r.i, []).append(r.j)
        partners[1].setdefault(r.j, []).append(r.i)
    sides: tuple[tuple[Literal["a", "b"], _Side, _Rows64, _Side, _Rows64, dict[int, list[int]],
                       dict[int, list[int]]], ...] = (
        ("a", A, a64, B, b64, partners[0], partners[1]), ("b", B, b64, A, a64, partners[1], partners[0]))
    found: list[tuple[float, Literal["a", "b"], int, int, int, bool]] = []
    for side, X, xv, Y, yv, px, py in sides:
        index = sorted((v, u) for u in range(len(X.texts)) if u not in px
                       for v in X.numbers[u] if abs(v) >= p.min_figure)
        values = [v for v, _ in index]
        for y in range(len(Y.texts)):
            figures = sorted(v for v in Y.numbers[y] if abs(v) >= p.min_figure)
            mine = py.get(y, [])
            if len(figures) < 2 or len(mine) > 1 or (mine and len(px[mine[0]]) > 1):
                continue
            states: dict[int, set[int]] = {}
            for k, v in enumerate(figures):
                for u in mine:
                    if any(near_figures(v, x, p.number_tolerance) for x in X.numbers[u]):
                        states.setdefault(u, set()).add(k)
                lo, hi = sorted((v * (1 - p.number_tolerance), v * (1 + p.number_tolerance)))
                for x, u in index[bisect_left(values, lo) : bisect_right(values, hi)]:
                    if near_figures(v, x, p.number_tolerance):
                        states.setdefault(u, set()).add(k)
            cosine = {u: float(xv[u] @ yv[y]) for u in states}
            free = sorted((u for u in states if u not in mine), key=lambda u: (-cosine[u], u))[:_FIGURE_PARTNERS]
            pairs = [(mine[0], w) for w in free] if mine else list(combinations(sorted(free), 2))
            for u, w in pairs:
                su, sw = states.get(u, set()), states[w]
                if not (su - sw and sw - su) or X.articles[u] != X.articles[w]:
                    continue
                cs = _combined(xv[u], xv[w], X.texts[u], X.texts[w], yv[y])
                if cs >= p.rule.evidence_threshold and cs > max(cosine[u], cosine[w]):
                    found.append((round(cs, 9), side, y, u, w, bool(mine)))
    found.sort(key=lambda f: (-f[0], f[1:]))
    extra: list[Candidate] = []
    taken: set[tuple[str, int]] = set()
    for cs, side, y, u, w, linked in found:
        other: Literal["a", "b"] = "b" if side == "a" else "a"
        if {(side, u), (side, w), (other, y)} & taken:
            continue
        taken.update({(side, u), (side, w), (other, y)})
        for x, mate in ((w, u),) if linked else ((u, w), (w, u)):
            i, j = (x, y) if side == "a" else (y, x)
            (rec,) = _judged(A, B, [(i, j)], top, a64, b64, p)
            extra.append(replace(rec, kind="figures", combined=cs, mate=(side, mate)))
    return extra

_FIGURE_PARTNERS = 8
"""Claims sharing a figure with a claim that :func:`_figure_merges` pairs up (the nearest by cosine)."""

def _match(A: _Side, B: _Side, p: _Params) -> list[Candidate]:
    """The accepted pairs of ``A`` and ``B``, sorted by (i, j): competitive
    linking, then second matches."""
    n, m = len(A.texts), len(B.texts)
    if n == 0 or m == 0:
        return []
    top = _blocked_topk(A.vecs, B.vecs, p.k + 1, p.block_bytes)
    a64, b64 = _Rows64(A.vecs, A.reads), _Rows64(B.vecs, B.reads)  # float64 rows on demand, never a float64 copy of all
    pairs = _candidate_pairs(A, B, top, p)
    if len(pairs[0]) == 0:
        return []
    # competitive linking: best-first, each claim used once; ties by index
    # (the pairs neither linking nor second matches can take are dropped as they are judged)
    judged = _judged(A, B, pairs, top, a64, b64, p, useful_only=True)
    del pairs
    order = sorted(judged, key=lambda r: (-r.verdict.rank, r.i, r.j))
    del judged
    used_a: dict[int, int] = {}
    used_b: dict[int, int] = {}
    accepted: list[Candidate] = []
    for r in order:
        if r.i in used_a or r.j in used_b:
            continue
        if not r.verdict.accepted:
            continue
        used_a[r.i] = r.j
        used_b[r.j] = r.i
        accepted.append(r)
    out = accepted + _second_matches(order, used_a, used_b, A, B, top, a64, b64, p)
    out += _adjacent_partners(out, A, B, top, a64, b64, p)
    out += _split_partners(out, A, B, top, a64, b64, p)
    out += _figure_merges(out, A, B, top, a64, b64, p)
    out.sort(key=lambda r: (r.i, r.j))
    return out


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
    part_threshold: float = 0.55,
    split_threshold: float = 0.45,
    drift: bool = True,
    min_confidence: float | None = None,
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
        part_threshold: least cosine of a claim with the part of a
            neighbour's partner it translates, for it to join that partner as
            a second one (two neighbouring sentences rendered as one; the part
            is a run of the partner's sub-sentence chunks, see
            :func:`_adjacent_partners`).  Fitted on the tuning half of the
            WMT14 news (translated parts 0.59-0.77, the best run of a
            non-partner below 0.49).
        split_threshold: least cosine of each of two unlinked neighbours
            with its part of one unlinked claim of the other side (split at
            a chunk boundary: the start translates the first, the end the
            second), for both to link to it (:func:`_split_partners`).
            Fitted on the tuning half of the WMT14 news (true splits 0.53-0.79
            but one, other candidates below 0.31).
        lang_a, lang_b: language of plain-string inputs (claims carry their own).
        drift: attach the typed drift findings of :func:`claimtrack.diff`
            (source = ``claims_a``) to every alignment (default); ``False``
            skips them when only the matching is wanted.  A link between
            plain strings whose language (``lang_a``/``lang_b``, or detected)
            is not supported or cannot be told gets no findings: the
            matching works for any language pair, the drift checks only
            for English and French.
        min_confidence: the confidence a finding needs to be attached
            (default: :data:`claimtrack.drift.DEFAULT_MIN_CONFIDENCE`; 0
            attaches every candidate).
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
    claim may take a second, merged partner (by the combined vector of its
    two partners, or, for a neighbour of its first partner, by the part of
    it that neighbour translates).  The result is symmetric:
    ``align(b, a)`` is ``align(a, b)`` mirrored (the computation runs in one
    canonical orientation).
    """
    a_texts = [text_of(x) for x in claims_a]
    b_texts = [text_of(x) for x in claims_b]
    emb = embedder if embedder is not None else default_embedder()
    c = cache if cache is not None else EmbeddingCache()
    vecs = c.matrix(emb, a_texts + b_texts)  # one copy of the vectors, shared with the cache
    A = _side(claims_a, vecs[: len(a_texts)], lang_a)
    B = _side(claims_b, vecs[len(a_texts) :], lang_b)
    p = _Params(
        rule=Rule(
            threshold=threshold,
            short_threshold=short_threshold,
            margin=margin,
            fuzzy_min=fuzzy_min,
            nudge=nudge,
            evidence_threshold=evidence_threshold,
        ),
        k=max(1, int(k)),
        second_threshold=second_threshold,
        merge_gain=merge_gain,
        background=0.2,
        block_bytes=block_bytes,
        fuzzy_cells=fuzzy_cells,
        min_figure=min_figure,
        part_threshold=part_threshold,
        split_threshold=split_threshold,
        encode=lambda texts: c.encode(emb, texts),
    )
    if texts_key(B.texts) < texts_key(A.texts):
        recs = sorted((r.flipped() for r in _match(B, A, p)), key=lambda r: (r.i, r.j))
    else:
        recs = _match(A, B, p)
    spill.release(vecs)  # what the matching read of a file-backed matrix goes back to the page cache
    out = [_alignment(r, A, B, fuzzy_min, evidence_threshold) for r in recs]
    if drift and out:
        out = _with_drift(out, recs, claims_a, claims_b, A, B, emb, c, min_confidence)
    return out


def _alignment(r: Candidate, A: _Side, B: _Side, fuzzy_min: float, evidence_threshold: float) -> Alignment:
    """The public record of an accepted pair, with its evidence in words."""
    i, j = r.i, r.j
    ev = [f"cosine {r.cosine:.3f}", f"margin {r.verdict.margin:+.3f} over the nearest neighbours"]
    if r.fuzzy is not None:
        la, lb = A.langs[i], B.langs[j]
        where = f"same language ({la})" if la and la == lb else "language unknown"
        ev.append(f"{where}: rapidfuzz {r.fuzzy:.2f}" + (" (near-verbatim)" if r.fuzzy >= fuzzy_min else ""))
    if r.numbers:
        ev.append("shared numbers: " + ", ".join(format_figure(v) for v in r.numbers))
    if r.entities:
        ev.append("shared names: " + ", ".join(r.entities))
    if r.kind == "best" and r.verdict.figure:
        ev.append(
            f"accepted on a shared figure: cosine {r.cosine:.3f} is below the length bar "
            f"{r.verdict.bar:.3f} but reaches {evidence_threshold:g}"
        )
    if r.kind != "best" and r.mate is not None:
        side, mate = r.mate
        mate_id = A.ids[mate] if side == "a" else B.ids[mate]
        if r.kind == "merge":
            ev.append(
                f"second partner: with {mate_id} the combined vector scores {r.combined:.3f} "
                "(a translation merged two sentences)"
            )
        elif r.kind == "figures":
            ev.append(
                f"one of two claims merged into one: with {mate_id}, it states a figure of its partner and "
                f"their combined vector scores {r.combined:.3f} (a translation merged two sentences)"
            )
        elif r.kind == "split":
            ev.append(
                f"one of two neighbouring claims rendered as one: with {mate_id}, it translates the part "
                f"{r.part!r} of its partner (cosine {r.combined:.3f}; a translation merged two sentences)"
            )
        else:
            ev.append(
                f"second partner: next to {mate_id}, it translates the part {r.part!r} of its partner "
                f"(cosine {r.combined:.3f}; a translation merged two sentences)"
            )
    else:
        ev.append("mutual best match (competitive linking)")
    return Alignment(
        source=A.ids[i],
        target=B.ids[j],
        score=clip01(r.verdict.similarity + r.verdict.bonus),
        similarity=float(r.cosine),
        margin=float(r.verdict.margin),
        fuzzy=r.fuzzy,
        shared_entities=tuple(r.entities),
        shared_numbers=tuple(r.numbers),
        evidence=tuple(ev),
    )


def _with_drift(
    out: list[Alignment], recs: list[Candidate], claims_a: Sequence[Any], claims_b: Sequence[Any],
    A: _Side, B: _Side, emb: Embedder, cache: EmbeddingCache, min_confidence: float | None = None,
) -> list[Alignment]:
    """Attach :func:`claimtrack.diff` findings (source = side a) to each alignment.

    The drift is computed per *segment* (:mod:`claimtrack.alignment.segments`):
    a one-to-one link on its two claims; a claim with a merged second partner
    against both partners joined in text order, each finding going back to
    the link of the partner it is about (a finding on the single claim
    alone, to the first partner's link).  Claims are diffed with what
    extraction found (:func:`diff_claims_many`); plain texts with
    :func:`diff_many`, grouped by their language pair.  One batched
    embedding call per group; the vectors come from the same cache.  A
    segment with a side longer than the diff budget
    (:data:`claimtrack.drift.MAX_DIFF_CHARS`) is not checked: its links keep
    no findings and say so in their ``evidence``.
    """
    from ..drift import DEFAULT_MIN_CONFIDENCE, MAX_DIFF_CHARS, diff_claims_many, diff_many, within_budget
    from .segments import join, segments, split_findings

    cut = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    segs = segments([(r.i, r.j) for r in recs])
    joined: list[tuple[Any, list[int], Any, list[int]]] = []
    for seg in segs:
        xa, sa = join([claims_a[i] for i in seg.a])
        xb, sb = join([claims_b[j] for j in seg.b])
        joined.append((xa, sa, xb, sb))
    found: list[Any] = [None] * len(segs)
    unchecked = {k for k, (xa, _, xb, _) in enumerate(joined) if not within_budget(text_of(xa), text_of(xb))}
    for k in unchecked:
        found[k] = ()
    claim_segs = [k for k, (xa, _, xb, _) in enumerate(joined)
                  if isinstance(xa, Claim) and isinstance(xb, Claim) and k not in unchecked]
    if claim_segs:
        diffs = diff_claims_many([(joined[k][0], joined[k][2]) for k in claim_segs], embedder=emb, cache=cache,
                                 min_confidence=cut)
        for k, d in zip(claim_segs, diffs):
            found[k] = d.drift
    groups: dict[tuple[str | None, str | None], list[int]] = {}
    for k, seg in enumerate(segs):
        if found[k] is None:
            groups.setdefault((A.langs[seg.a[0]], B.langs[seg.b[0]]), []).append(k)
    for (la, lb), ks in sorted(groups.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        # matching takes any language pair; drift needs a supported language on both sides, so a
        # pair of plain texts whose language is unsupported or cannot be told gets no findings
        kept = diff_many([(text_of(joined[k][0]), text_of(joined[k][2])) for k in ks], la, lb,
                         embedder=emb, cache=cache, min_confidence=cut, errors="skip")
        for k, got in zip(ks, kept):
            found[k] = got.drift if got is not None else ()
    results: list[tuple[Any, ...]] = [()] * len(out)
    for seg, (xa, sa, xb, sb), drift in zip(segs, joined, found):
        side = seg.joined
        if side is None:
            results[seg.links[0]] = tuple(drift)
            continue
        parts = [claims_a[i] for i in seg.a] if side == "a" else [claims_b[j] for j in seg.b]
        starts = sa if side == "a" else sb
        primary = next((p for p, k in enumerate(seg.links) if recs[k].kind == "best"), 0)
        split = split_findings(drift, "source" if side == "a" else "target", starts,
                               [len(text_of(x)) for x in parts], primary)
        for k, part in zip(seg.links, split):
            results[k] = tuple(part)
    results = _without_systematic(results)
    note = (f"drift not checked: a side is longer than the diff budget of {MAX_DIFF_CHARS:,} characters",)
    skipped = {k for n, seg in enumerate(segs) if n in unchecked for k in seg.links}
    return [al.model_copy(update={"drift": d, "evidence": al.evidence + note} if k in skipped else {"drift": d})
            for k, (al, d) in enumerate(zip(out, results))]


def _without_systematic(results: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The findings of each link without the *systematic* name renderings: a
    name replaced by the same other name in two links or more of the same
    pair of inputs ("OPCW" always "OIAC", "the IMF" always "le Fonds") is
    how the translation renders it, not a drift; a one-off replacement stays."""
    from ..extract.entities import name_key as _name_key

    seen: dict[tuple[str, str], set[int]] = {}
    for k, found in enumerate(results):
        for d in found:
            if d.type == "entity" and d.source_value and d.target_value:
                seen.setdefault((_name_key(d.source_value), _name_key(d.target_value)), set()).add(k)
    systematic = {key for key, links in seen.items() if len(links) >= 2}
    if not systematic:
        return results
    return [tuple(d for d in found
                  if not (d.type == "entity" and d.source_value and d.target_value
                          and (_name_key(d.source_value), _name_key(d.target_value)) in systematic))
            for found in results]
