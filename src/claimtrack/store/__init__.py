"""The claim store: track claims over time, across outlets and languages.

::

    import claimtrack as ct

    with ct.Tracker("claims.db") as tracker:
        for article in ct.read_articles("feed.jsonl"):
            tracker.add(article)                 # AddResult(added=True, claims=23, new_clusters=9, matched=14)
        for cluster in tracker.clusters(lang="fr", drift_type="number"):
            print(cluster.id, cluster.first_seen, cluster.langs)
            for v in cluster.variants:          # publication order; variants[0] is the reference
                print("  ", v.published, v.source, v.lang, v.similarity, [d.type for d in v.drift])
        tracker.find("PyTorch compte près de 154 000 projets", k=3)   # nearest clusters, any language

Model
=====

An **article** is stored once (key: SHA-256 of its normalised text; adding it
again changes nothing).  Each of its claims (:func:`claimtrack.extract_claims`)
either joins the **cluster** of an equivalent statement already in the store
(any language, any outlet) or starts a new cluster.  A cluster's **variants**
are its claims in publication order (undated last), then insertion order; the
first one is the cluster's *reference* (the earliest variant), and every other
variant stores its similarity to the reference and the typed drift findings of
:func:`claimtrack.drift.diff_claims` with the reference as ``source`` and the
variant as ``target`` (so ``target_span`` indexes ``variant.claim.text``).
When an article published earlier than a cluster's reference arrives later,
its variant becomes the reference and the cluster's drift is recomputed.

Matching (the ideas and defaults of :func:`claimtrack.align`, recorded in the
store as :class:`MatchSettings`):

- **candidates**: each claim's ``candidates`` nearest clusters by cosine with
  the cluster vector (the normalised sum of its variants' vectors), from an
  exact scan of an in-memory float32 matrix in row blocks up to
  ``exact_search_below`` clusters, then from a shortlist found on the vectors
  projected to ``projection_dims`` dimensions and re-ranked by exact cosine
  (``projection_dims=0`` keeps the exact scan); plus up to ``key_candidates`` clusters per name (newest
  first) or figure (nearest values first, within ``number_tolerance``) of the
  claim from the SQL indexes of entity keys and numbers;
- **evidence**: cosine; margin = cosine minus the mean of the claim's ``k``
  nearest *other* clusters and of the cluster's ``k`` nearest *other* claims
  of the article (padded with ``background``); rapidfuzz against the
  reference when both are in one language; names and figures shared with
  the reference;
- **rule**: no name conflict (``name_conflict``: both claims name people,
  places or companies, counting the resolved speaker when both claims have
  one (against an unattributed claim, the speaker's name is left out), and
  no name of one is
  contained in a name of the other, by the words of their keys: "Zemlin" is
  in "Jim Zemlin", "Google" in "Google Cloud"; weekdays and months do not
  count as names), margin >= ``margin``, and either the similarity (cosine,
  or the rapidfuzz score of a near-verbatim repeat) reaches the
  length-interpolated bar (``short_threshold`` at 6 words, ``threshold`` at
  20), or the cosine reaches ``evidence_threshold`` and the pair shares a
  figure of at least ``min_figure`` (equal, or within ``number_tolerance``: a
  figure that drifted in translation, "150,000" / "154 000").  Names,
  figures and the rapidfuzz text are the cluster's reference claim's, so the
  cost of a match does not grow with the cluster;
- **one variant per article per cluster**: accepted pairs are linked best
  first (cosine + margin + a small bonus for shared names and figures, ties
  by claim then cluster id), each claim and each cluster once per article.

Storage and concurrency
=======================

One SQLite file (stdlib ``sqlite3``) in WAL mode; see ``_SCHEMA``.  Every
:meth:`Tracker.add` is one ``BEGIN IMMEDIATE`` transaction: an exception (or
a killed process) in the middle leaves no trace of the article.  Several
processes may add to one store at once: writers wait for each other
(``BEGIN IMMEDIATE`` polled every few milliseconds up to ``timeout``, with a
short ``busy_timeout``), and each :class:`Tracker`
brings its in-memory vector index up to date with what the others committed
(a generation counter plus a per-cluster ``updated`` generation) at the start
of each write, so nothing is lost and nothing is matched against a stale
index.  A :class:`Tracker` is for one thread; open one per process/thread.

Cost of :meth:`Tracker.add` for an article of ``n`` claims in a store of
``C`` clusters: extraction and encoding O(text); the vector search, the one
part that grows linearly with the store: O(n * C * dim) multiply-adds over a
contiguous float32 matrix (BLAS, memory bandwidth bound) up to
``exact_search_below`` clusters, then O(n * C * projection_dims + n *
shortlist * dim), four times less with the defaults; a bounded
number of indexed SQL look-ups per claim (O(log size) each); one batched drift
computation for the claims that joined a cluster (O(1) in the store size,
except when a new earlier reference makes a cluster's drift be recomputed:
O(cluster size)).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
import os
import random
import sqlite3
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar, get_args

import numpy as np
from pydantic import Field, TypeAdapter

from .._version import __version__
from ..embed import Embedder, EmbeddingCache
from ..errors import ClusterNotFoundError, InputError, StoreBusyError, StoreError
from ..models import Article, Claim, Drift, DriftType, Model

__all__ = [
    "Tracker",
    "MatchSettings",
    "Variant",
    "Cluster",
    "AddResult",
    "ClusterHit",
    "DriftedVariant",
    "SCHEMA_VERSION",
]

SCHEMA_VERSION = 1
"""Version of the SQLite layout; a store of another version is refused."""

_FORMAT = "claimtrack-store"
_DRIFT_TYPES: tuple[str, ...] = tuple(get_args(DriftType))
_DRIFTS = TypeAdapter(tuple[Drift, ...])
_CHUNK = 500  # ids per "IN (...)" list
_EVIDENCE_MEMO = 65536  # reference claims whose match evidence a Tracker keeps parsed
_BUSY_MS = 5  # SQLite busy_timeout once open: writers poll BEGIN IMMEDIATE themselves (see Tracker._write)
T = TypeVar("T")


# ----------------------------------------------------------------------------- public models


class MatchSettings(Model):
    """The thresholds of cluster matching; recorded in the store at creation.

    The defaults are :func:`claimtrack.align`'s (``threshold``,
    ``short_threshold``, ``margin``, ``k``, ``fuzzy_min``, ``nudge``, the
    0.2 background and the 6/20-word interpolation), plus the figure
    evidence rule and the candidate limits of the store.
    """

    threshold: float = Field(default=0.65, description="Least similarity of a long pair (long_words words or more).")
    short_threshold: float = Field(default=0.42, description="Least similarity of a short pair (short_words or fewer).")
    short_words: int = 6
    long_words: int = 20
    margin: float = Field(default=0.05, description="Least margin over the nearest other clusters / claims.")
    k: int = Field(default=4, ge=1, description="Neighbours averaged for the margin.")
    background: float = Field(default=0.2, description="Neighbour similarity assumed when fewer than k exist.")
    fuzzy_min: float = Field(default=0.8, description="rapidfuzz score (0..1) of a same-language near-verbatim repeat.")
    evidence_threshold: float = Field(
        default=0.5, description="Least cosine of a pair accepted on a shared (or drifted) figure."
    )
    number_tolerance: float = Field(
        default=0.05, ge=0.0, description="Relative difference up to which two figures count as the same figure."
    )
    min_figure: float = Field(default=10.0, description="Smallest absolute value of a figure used as evidence.")
    nudge: float = Field(default=0.03, description="Largest ranking bonus of shared names and figures.")
    name_conflict: bool = Field(
        default=True,
        description="Refuse a pair when both claims name someone or something (entity keys, resolved speaker) "
        "and no name of one is contained in a name of the other (by key words): the same sentence frame "
        "about other people, places or companies.",
    )
    candidates: int = Field(default=8, ge=1, description="Nearest clusters by cosine considered per claim.")
    key_candidates: int = Field(default=16, ge=0, description="Clusters fetched per shared name or figure.")
    projection_dims: int = Field(
        default=128, ge=0,
        description="Above exact_search_below clusters, the nearest clusters come from a shortlist found on the "
        "vectors projected on this many fixed random directions (seeded, the same in every process), ranked by "
        "exact cosine: the scan reads a matrix dim / projection_dims times smaller, which keeps the cost of an add "
        "nearly flat as the store grows.  Approximate: with USE, 128 dims and a shortlist of 128 found 97% of the "
        "neighbours with cosine >= 0.4 in a test; on the 10,000-article benchmark, 28,854 claims joined a cluster "
        "against 28,861 with the exact scan.  0: always the exact scan (O(clusters * dim) per claim).",
    )
    exact_search_below: int = Field(
        default=8192, ge=0, description="With projection_dims > 0: up to this many clusters the scan stays exact."
    )
    shortlist: int = Field(default=128, ge=1, description="With projection_dims > 0: clusters per claim re-ranked.")

class Variant(Model):
    """One claim of a cluster, with where and when it appeared.

    ``similarity`` and ``drift`` compare the cluster's reference (its earliest
    variant) as source with this claim as target; the reference itself has
    similarity 1.0 and no drift.  Drift spans index the claims' own texts.
    """

    claim: Claim
    article_id: str
    source: str | None = Field(default=None, description="Outlet, URL or path of the article.")
    lang: str
    published: _dt.date | None = None
    similarity: float = Field(description="Embedder cosine to the cluster's earliest variant (1.0 for it).")
    drift: tuple[Drift, ...] = Field(default=(), description="Findings against the earliest variant.")


class Cluster(Model):
    """Equivalent claims (any language, any outlet) tracked over time."""

    id: str = Field(description="Store-wide id, 'c' plus a number ('c12').")
    first_seen: _dt.date | None = Field(description="Earliest publication date among the variants.")
    langs: tuple[str, ...] = Field(description="Languages of the variants, in order of first appearance.")
    variants: tuple[Variant, ...] = Field(description="Publication order (undated last), then insertion order.")


class AddResult(Model):
    """What :meth:`Tracker.add` did with one article."""

    article_id: str = Field(description="Id the article is stored under (the first one, for a duplicate text).")
    added: bool = Field(description="False when the same text was already stored (nothing changed).")
    claims: int = Field(description="Claims extracted from the article.")
    new_clusters: int = Field(description="Claims that started a new cluster.")
    matched: int = Field(description="Claims that joined an existing cluster.")


class ClusterHit(Model):
    """A result of :meth:`Tracker.find`."""

    cluster: Cluster
    similarity: float = Field(description="Cosine of the statement with the cluster's vector.")
    drift: tuple[Drift, ...] = Field(
        default=(), description="Findings from the cluster's earliest variant (source) to the statement (target)."
    )


class DriftedVariant(Model):
    """A variant with drift findings, with its cluster's reference."""

    cluster_id: str
    reference: Variant
    variant: Variant


# ----------------------------------------------------------------------------- schema

_SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL,
    source TEXT,
    published TEXT,
    claims INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS clusters (
    id INTEGER PRIMARY KEY,
    ref INTEGER NOT NULL,
    first_seen TEXT,
    size INTEGER NOT NULL,
    vsum BLOB NOT NULL,
    updated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS clusters_updated ON clusters (updated);
CREATE INDEX IF NOT EXISTS clusters_first_seen ON clusters (first_seen);
CREATE TABLE IF NOT EXISTS variants (
    id INTEGER PRIMARY KEY,
    cluster INTEGER NOT NULL,
    article INTEGER NOT NULL,
    claim_id TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL,
    published TEXT,
    claim TEXT NOT NULL,
    similarity REAL NOT NULL,
    drift TEXT NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS variants_cluster ON variants (cluster, published);
CREATE INDEX IF NOT EXISTS variants_lang ON variants (lang, cluster);
CREATE INDEX IF NOT EXISTS variants_published ON variants (published, cluster);
CREATE TABLE IF NOT EXISTS variant_drift (
    type TEXT NOT NULL,
    cluster INTEGER NOT NULL,
    variant INTEGER NOT NULL,
    PRIMARY KEY (type, cluster, variant)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS variant_drift_cluster ON variant_drift (cluster);
CREATE TABLE IF NOT EXISTS terms (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    UNIQUE (kind, key)
);
CREATE TABLE IF NOT EXISTS cluster_terms (
    term INTEGER NOT NULL,
    cluster INTEGER NOT NULL,
    PRIMARY KEY (term, cluster)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cluster_numbers (
    value REAL NOT NULL,
    cluster INTEGER NOT NULL,
    PRIMARY KEY (value, cluster)
) WITHOUT ROWID;
"""
# settings     key -> value (format, schema_version, claimtrack_version, embedder, embedder_fingerprint,
#              dim, match (MatchSettings JSON), drift (claimtrack.drift.config() JSON))
# state        the generation, +1 per committed article (lets other Trackers catch up)
# articles     one row per stored text; claims = number of claims extracted
# clusters     ref = the reference (earliest) variant; vsum = float32 sum of the variants' vectors;
#              updated = generation of the last change (vector index catch-up)
# variants     claim = Claim JSON; drift = Drift list JSON vs the reference; evidence = why it joined
# variant_drift, cluster_terms (names 'e', speakers 's'), cluster_numbers: the query / candidate indexes


# ----------------------------------------------------------------------------- helpers


def _cid(n: int) -> str:
    return f"c{n}"


def _parse_cid(cluster_id: str | int) -> int:
    if isinstance(cluster_id, bool):
        raise ClusterNotFoundError(f"no cluster {cluster_id!r}")
    if isinstance(cluster_id, int):
        return cluster_id
    text = str(cluster_id).strip()
    digits = text[1:] if text[:1] in ("c", "C") else text
    if not digits.isdigit():
        raise ClusterNotFoundError(f"no cluster {cluster_id!r} (cluster ids look like 'c12')")
    return int(digits)


def _iso(d: _dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _date(s: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(s) if s else None


def _as_date(value: object, name: str) -> str | None:
    """``value`` (date, datetime or ISO string) as an ISO date string; InputError if unreadable."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise InputError(f"{name} is not an ISO-8601 date: {value!r} (expected e.g. '2022-09-12')")


def _pub_key(published: str | None) -> tuple[bool, str]:
    """Sort key of a publication date: dated first, in date order, undated last."""
    return (published is None, published or "")


def _chunks(items: Sequence[T], size: int = _CHUNK) -> Iterator[Sequence[T]]:
    for s in range(0, len(items), size):
        yield items[s : s + size]


def _is_busy(exc: BaseException) -> bool:
    msg = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in msg or "busy" in msg)


def _warn_if_drift_changed(path: str, recorded: Any) -> None:
    """Warn when this claimtrack computes drift with other settings than the
    store recorded: findings stored before and after would not compare."""
    from ..drift import config as drift_config

    current = json.loads(json.dumps(drift_config(), sort_keys=True, default=str))
    if not isinstance(recorded, dict) or recorded == current:
        return
    keys = sorted(k for k in set(recorded) | set(current) if recorded.get(k) != current.get(k))
    shown = ", ".join(keys[:6]) + (f" and {len(keys) - 6} more" if len(keys) > 6 else "")
    warnings.warn(
        f"claim store {path!r} recorded other drift settings than this claimtrack ({__version__}) uses "
        f"(they differ in: {shown}); findings stored before and after this point were computed differently",
        UserWarning,
        stacklevel=4,
    )


def _figures(claim: Claim, min_figure: float) -> list[float]:
    return sorted({float(q.value) for q in claim.quantities if math.isfinite(q.value) and abs(q.value) >= min_figure})


def _entity_keys(claim: Claim) -> list[str]:
    """Name keys of ``claim`` used by matching (calendar words left out)."""
    return sorted(_name_keys(e.key for e in claim.entities))


def _speaker_key(claim: Claim) -> str | None:
    if claim.speaker is None or not claim.speaker.name:
        return None
    from ..extract.entities import entity_key

    return entity_key(claim.speaker.name) or None


_CALENDAR: frozenset[str] | None = None


def _calendar_words() -> frozenset[str]:
    """Weekday and month names of every supported language (lower case)."""
    global _CALENDAR
    if _CALENDAR is None:
        from .. import lang as _lang

        words: set[str] = set()
        for code in _lang.SUPPORTED:
            data = _lang.get(code)
            words.update(data.dates.weekdays)
            words.update(data.dates.months)
        _CALENDAR = frozenset(words)
    return _CALENDAR


def _name_keys(keys: Iterable[str]) -> set[str]:
    """The entity keys that are names for matching: not a bare weekday or
    month ("Tuesday" is extracted as a name but is shared by unrelated news)."""
    cal = _calendar_words()
    return {k for k in keys if k and not set(k.split()) <= cal}


_RefEvidence = tuple[str, str, set[float], set[str], str | None]
"""A reference claim's text, language, figures, name keys and speaker key."""


def _names(keys: set[str], speaker: str | None, other_speaker: str | None) -> list[frozenset[str]]:
    """The names one claim brings to the conflict test against another.

    The speaker counts only when the other claim has a speaker too ("X said"
    against "Z said"). Against an unattributed claim, the speaker and the
    mentions of the speaker's name are left out: a requote that adds "Mayor
    Elena Marchetti said" does not name someone else than "Hollis
    Engineering" built the bridge."""
    if speaker is None:
        return _name_sets(keys)
    if other_speaker is not None:
        return _name_sets(keys | {speaker})
    own = frozenset(speaker.split())
    return _name_sets({k for k in keys if not frozenset(k.split()) <= own})


def _name_sets(keys: set[str]) -> list[frozenset[str]]:
    """Name keys as sorted word sets (deterministic order)."""
    return sorted({frozenset(k.split()) for k in keys if k.strip()}, key=sorted)


def _names_conflict(a: list[frozenset[str]], b: list[frozenset[str]]) -> bool:
    """Both sides name something and no name of one is contained in a name of
    the other ("zemlin" is in "jim zemlin", "google" in "cloud google";
    "agence de torgritor balzu" and "agence de quitefu osgri" conflict)."""
    return bool(a) and bool(b) and not any(x <= y or y <= x for x in a for y in b)


def _near(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"


# ----------------------------------------------------------------------------- vector index


class _VectorIndex:
    """Cluster vectors in a growable float32 matrix (unit rows) plus their norms.

    Row r holds cluster ``ids[r]``: ``vecs[r] * norms[r]`` is the cluster's
    vector sum.  Appends are amortised O(dim) (capacity doubles).  With
    ``proj_dims`` > 0 the rows are also kept projected on ``proj_dims`` fixed
    random directions (seeded Gaussian, the same in every process), so that a
    search in a large index reads a matrix ``dim / proj_dims`` times smaller
    to make a shortlist, then ranks the shortlist with exact cosines.
    """

    SEED = 20240905

    def __init__(self, dim: int, proj_dims: int = 0, exact_below: int = 0, shortlist: int = 64) -> None:
        self.dim = dim
        self.n = 0
        self.vecs = np.zeros((0, dim), dtype=np.float32)
        self.norms = np.zeros(0, dtype=np.float32)
        self.ids = np.zeros(0, dtype=np.int64)
        self.row: dict[int, int] = {}
        self.exact_below = exact_below
        self.shortlist = shortlist
        self.r = min(proj_dims, dim) if proj_dims > 0 else 0
        rng = np.random.default_rng(self.SEED)
        self.proj = (rng.standard_normal((dim, self.r)) / math.sqrt(max(1, self.r))).astype(np.float32)
        self.low = np.zeros((0, self.r), dtype=np.float32)

    def _reserve(self, need: int) -> None:
        cap = len(self.vecs)
        if need <= cap:
            return
        new = max(need, 2 * cap, 1024)
        vecs = np.zeros((new, self.dim), dtype=np.float32)
        vecs[: self.n] = self.vecs[: self.n]
        low = np.zeros((new, self.r), dtype=np.float32)
        low[: self.n] = self.low[: self.n]
        norms = np.zeros(new, dtype=np.float32)
        norms[: self.n] = self.norms[: self.n]
        ids = np.full(new, -1, dtype=np.int64)
        ids[: self.n] = self.ids[: self.n]
        self.vecs, self.low, self.norms, self.ids = vecs, low, norms, ids

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
        self.vecs[r] = v / norm if norm > 0 else v
        self.norms[r] = norm
        if self.r:
            self.low[r] = self.vecs[r] @ self.proj

    def sum_of(self, cluster: int) -> np.ndarray:
        r = self.row[cluster]
        out: np.ndarray = self.vecs[r] * self.norms[r]
        return out

    def unit(self, clusters: Sequence[int]) -> np.ndarray:
        return self.vecs[[self.row[c] for c in clusters]]

    @staticmethod
    def _topk_rows(x: np.ndarray, mat: np.ndarray, n: int, k: int, block_rows: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows (and scores) of the ``k`` best ``x @ mat[:n].T`` per query, best
        first, ties to the lower row; read in blocks of ``block_rows``."""
        b = len(x)
        best_v = np.zeros((b, 0), dtype=np.float32)
        best_r = np.zeros((b, 0), dtype=np.int64)
        for s in range(0, n, block_rows):
            e = min(n, s + block_rows)
            blk = x @ mat[s:e].T
            kk = min(k, e - s)
            if kk < e - s:
                part = np.argpartition(-blk, kk - 1, axis=1)[:, :kk]
            else:
                part = np.broadcast_to(np.arange(e - s), (b, e - s))
            vals = np.take_along_axis(blk, part, axis=1)
            allv = np.concatenate([best_v, vals], axis=1)
            allr = np.concatenate([best_r, part + s], axis=1)
            order = np.lexsort((allr, -allv), axis=1)[:, :k]
            best_v = np.take_along_axis(allv, order, axis=1)
            best_r = np.take_along_axis(allr, order, axis=1)
        return best_r, best_v

    def search(self, x: np.ndarray, k: int, block_rows: int = 16384) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` nearest clusters (ids, cosines) of every row of ``x``, best
        first, ties to the lower row; missing entries are id -1 / -inf.

        Exact below ``exact_below`` clusters: time O(len(x) * n * dim).  Above,
        a shortlist of ``shortlist`` rows per query from the projected matrix
        (O(len(x) * n * proj_dims)), ranked by exact cosine.  Memory
        O(len(x) * (block_rows + shortlist * dim)).
        """
        b = len(x)
        out_i = np.full((b, k), -1, dtype=np.int64)
        out_v = np.full((b, k), -np.inf, dtype=np.float32)
        if b == 0 or self.n == 0 or k <= 0:
            return out_i, out_v
        x = np.asarray(x, dtype=np.float32)
        if not self.r or self.n < self.exact_below or self.n <= max(k, self.shortlist):
            rows, vals = self._topk_rows(x, self.vecs, self.n, k, block_rows)
        else:
            cand, _ = self._topk_rows(x @ self.proj, self.low, self.n, max(k, self.shortlist), block_rows)
            cand = np.sort(cand, axis=1)  # ties in the exact ranking go to the lower row
            exact = np.einsum("bmd,bd->bm", self.vecs[cand], x)
            order = np.argsort(-exact, axis=1, kind="stable")[:, :k]
            rows = np.take_along_axis(cand, order, axis=1)
            vals = np.take_along_axis(exact, order, axis=1)
        m = rows.shape[1]
        out_v[:, :m] = vals
        out_i[:, :m] = self.ids[rows]
        return out_i, out_v


# ----------------------------------------------------------------------------- the tracker


class Tracker:
    """A claim store on SQLite: add articles, query clusters of equivalent claims.

    Args:
        path: the store file; created (with its ``-wal``/``-shm`` companions)
            when missing unless ``create=False``.
        embedder: the sentence encoder (default
            :func:`claimtrack.embed.default_embedder`, USE multilingual).  A
            store keeps the fingerprint of the embedder it was built with and
            refuses another one (its vectors would not compare).
        settings: matching thresholds for a *new* store (default
            :class:`MatchSettings`).  An existing store uses the settings it
            recorded; passing different ones raises :class:`StoreError`.
        create: create the store when ``path`` does not exist (else raise).
        timeout: seconds an :meth:`add` waits for other writers before
            :class:`StoreBusyError` (``BEGIN IMMEDIATE`` retried every few ms).
        cache_size: texts whose vectors are memoised (claims and drift chunks).

    Raises:
        StoreError: ``path`` is not a claimtrack store, has another schema
            version, embedder or settings, or does not exist and ``create``
            is False.

    Loading an existing store reads every cluster vector once (O(clusters *
    dim)); later adds append to the in-memory matrix.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        embedder: Embedder | None = None,
        settings: MatchSettings | None = None,
        create: bool = True,
        timeout: float = 60.0,
        cache_size: int = 4096,
    ) -> None:
        from ..embed import default_embedder

        self.path = Path(path)
        self.embedder: Embedder = embedder if embedder is not None else default_embedder()
        self._timeout = max(0.0, float(timeout))
        self._cache = EmbeddingCache(max_items=cache_size)
        if not create and not self.path.exists():
            raise StoreError(f"no claim store at {str(self.path)!r}")
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{str(self.path)!r} is a directory, not a claim store")
        self._closed = True
        try:
            self._conn = sqlite3.connect(str(self.path), timeout=self._timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the claim store {str(self.path)!r}: {exc}") from None
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
            self.settings, self.info = self._init_store(settings)
            self._conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"{str(self.path)!r} is not a claimtrack store ({exc})") from None
        except BaseException:
            self._conn.close()
            raise
        self._closed = False
        m = self.settings
        self._index = _VectorIndex(int(self.info["dim"]), m.projection_dims, m.exact_search_below, m.shortlist)
        self._evidence: dict[int, _RefEvidence] = {}
        self._gen = -1

    # ------------------------------------------------------------------ setup

    def _init_store(self, given: MatchSettings | None) -> tuple[MatchSettings, dict[str, Any]]:
        conn = self._conn
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "settings" not in tables:
            raise StoreError(f"{str(self.path)!r} is an SQLite database but not a claimtrack store")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        del mode  # WAL is persistent; a file system without shared memory keeps the rollback journal
        conn.execute("PRAGMA synchronous = NORMAL")
        if "settings" not in tables:
            self._write(lambda: self._create_schema(given or MatchSettings()))
        info = {k: v for k, v in conn.execute("SELECT key, value FROM settings")}
        if info.get("format") != _FORMAT:
            raise StoreError(f"{str(self.path)!r} is not a claimtrack store")
        if info.get("schema_version") != str(SCHEMA_VERSION):
            raise StoreError(
                f"claim store {str(self.path)!r} has schema version {info.get('schema_version')}; "
                f"this claimtrack ({__version__}) reads version {SCHEMA_VERSION}"
            )
        fp = self.embedder.fingerprint
        if info.get("embedder_fingerprint") != fp:
            raise StoreError(
                f"claim store {str(self.path)!r} was built with embedder {info.get('embedder_fingerprint')!r}; "
                f"this Tracker uses {fp!r} (vectors of different encoders do not compare)"
            )
        stored = MatchSettings.model_validate_json(info["match"])
        if given is not None and given != stored:
            diff = ", ".join(
                f"{k}={getattr(stored, k)!r} (given {getattr(given, k)!r})"
                for k in MatchSettings.model_fields
                if getattr(stored, k) != getattr(given, k)
            )
            raise StoreError(f"claim store {str(self.path)!r} was built with other match settings: {diff}")
        parsed: dict[str, Any] = dict(info)
        parsed["dim"] = int(info["dim"])
        parsed["match"] = json.loads(info["match"])
        parsed["drift"] = json.loads(info["drift"])
        _warn_if_drift_changed(str(self.path), parsed["drift"])
        return stored, parsed

    def _create_schema(self, settings: MatchSettings) -> None:
        from ..drift import config as drift_config

        conn = self._conn
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'settings'").fetchone():
            return  # another process created it first
        # statements one by one: executescript() would COMMIT the open transaction
        for stmt in _SCHEMA.split(";"):
            if stmt.strip():
                conn.execute(stmt)
        rows = {
            "format": _FORMAT,
            "schema_version": str(SCHEMA_VERSION),
            "claimtrack_version": __version__,
            "embedder": str(getattr(self.embedder, "name", type(self.embedder).__name__)),
            "embedder_fingerprint": self.embedder.fingerprint,
            "dim": str(int(self.embedder.dim)),
            "match": settings.model_dump_json(),
            "drift": json.dumps(drift_config(), sort_keys=True, default=str),
        }
        conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", sorted(rows.items()))
        conn.execute("INSERT INTO state (id, generation) VALUES (1, 0)")

    # ------------------------------------------------------------------ transactions

    def _open(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreError(f"the Tracker of {str(self.path)!r} is closed")
        return self._conn

    def _write(self, body: Callable[[], T]) -> T:
        """Run ``body`` in one ``BEGIN IMMEDIATE`` transaction; commit, or roll
        back and re-raise.

        Waiting for another writer: SQLite's own busy handler sleeps in
        growing steps (up to 100 ms) and tends to miss the short gap between
        another writer's transactions, starving this one; so the connection's
        ``busy_timeout`` is short and ``BEGIN IMMEDIATE`` is retried here every
        few milliseconds (jittered) until ``timeout`` seconds have passed, then
        :class:`StoreBusyError`.  A busy error later in the transaction (a
        store without WAL) rolls back and runs ``body`` again, so ``body``
        keeps its in-memory changes to itself until it returns.
        """
        conn = self._conn
        deadline = time.monotonic() + self._timeout
        pause = 0.001
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"claim store {str(self.path)!r} stayed locked by another writer for {self._timeout:g} s"
                    ) from None
                time.sleep(pause * (0.5 + random.random()))
                pause = min(0.02, pause * 1.5)
                continue
            try:
                result = body()
                conn.execute("COMMIT")
                return result
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if _is_busy(exc) and time.monotonic() < deadline:
                    continue
                raise

    def _read(self, body: Callable[[], T]) -> T:
        """Run ``body`` on one consistent snapshot (a read transaction)."""
        conn = self._open()
        if conn.in_transaction:
            return body()
        conn.execute("BEGIN")
        try:
            return body()
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def _sync(self) -> int:
        """Bring the vector index up to the store's generation (call inside a
        transaction); returns that generation.  Cost: O(clusters changed since
        the last sync * dim)."""
        gen = int(self._conn.execute("SELECT generation FROM state").fetchone()[0])
        if gen != self._gen:
            for cid, blob in self._conn.execute(
                "SELECT id, vsum FROM clusters WHERE updated > ? ORDER BY id", (self._gen,)
            ):
                self._index.set(int(cid), np.frombuffer(blob, dtype=np.float32))
            self._gen = gen
        return gen

    # ------------------------------------------------------------------ adding

    def add(self, article: Article) -> AddResult:
        """Store ``article`` and cluster its claims.

        Extracts the claims (:func:`claimtrack.extract_claims`), encodes
        them, then in one transaction matches each to an existing cluster or
        starts a new one (see the module docstring for the rule), storing each
        joining variant's drift against the cluster's earliest variant.

        Returns:
            :class:`AddResult`; ``added`` is False (and nothing changes) when
            the same text is already stored, under this id or another.

        Raises:
            UnsupportedLanguageError: the article is not English or French.
            StoreError: the article id is already stored with another text.
            StoreBusyError: other writers kept the store locked too long.

        Atomic: an exception or a crash part-way leaves the store as it was.
        """
        if not isinstance(article, Article):
            raise TypeError(f"Tracker.add() takes an Article, not {type(article).__name__}")
        digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        row = self._open().execute("SELECT id, claims FROM articles WHERE hash = ?", (digest,)).fetchone()
        if row is not None:
            return AddResult(article_id=row[0], added=False, claims=int(row[1]), new_clusters=0, matched=0)
        from ..extract.claims import extract_claims

        claims = extract_claims(article)
        vecs = self._cache.encode(self.embedder, [c.text for c in claims]) if claims else np.zeros(
            (0, self._index.dim), dtype=np.float32
        )
        result, staged, gen = self._write(lambda: self._add_locked(article, digest, claims, vecs))
        for cid, vsum in staged.items():
            self._index.set(cid, vsum)
        if gen is not None:
            self._gen = gen
        return result

    def _add_locked(
        self, article: Article, digest: str, claims: list[Claim], vecs: np.ndarray
    ) -> tuple[AddResult, dict[int, np.ndarray], int | None]:
        conn = self._conn
        gen = self._sync()
        for other_id, other_hash, n in conn.execute(
            "SELECT id, hash, claims FROM articles WHERE hash = ? OR id = ?", (digest, article.id)
        ).fetchall():
            if other_hash == digest:
                return AddResult(article_id=other_id, added=False, claims=int(n), new_clusters=0, matched=0), {}, None
            raise StoreError(
                f"article id {article.id!r} is already stored with a different text; "
                "give the new version its own id"
            )
        new_gen = gen + 1
        published = _iso(article.published)
        seq = conn.execute(
            "INSERT INTO articles (id, hash, lang, source, published, claims) VALUES (?, ?, ?, ?, ?, ?)",
            (article.id, digest, article.lang, article.source, published, len(claims)),
        ).lastrowid
        assert seq is not None
        links = self._match(claims, vecs)
        refs = self._references(sorted({cid for cid, _ in links.values()}))
        # a variant dated before the reference becomes the reference
        new_ref = {
            i for i, (cid, _) in links.items() if _pub_key(published) < _pub_key(refs[cid][2])
        }
        joins = [i for i in sorted(links) if i not in new_ref]
        diffs = dict(zip(joins, self._diffs([(refs[links[i][0]][1], claims[i]) for i in joins])))
        staged: dict[int, np.ndarray] = {}
        for i, claim in enumerate(claims):
            link = links.get(i)
            self._store_claim(
                seq=seq,
                claim=claim,
                vec=vecs[i],
                published=published,
                cluster=None if link is None else link[0],
                evidence="new cluster" if link is None else link[1],
                similarity=1.0 if link is None or i in new_ref else float(diffs[i].similarity),
                drift=() if link is None or i in new_ref else tuple(diffs[i].drift),
                becomes_reference=i in new_ref,
                generation=new_gen,
                staged=staged,
            )
        conn.execute("UPDATE state SET generation = ? WHERE id = 1", (new_gen,))
        matched = len(links)
        result = AddResult(
            article_id=article.id, added=True, claims=len(claims), new_clusters=len(claims) - matched, matched=matched
        )
        return result, staged, new_gen

    def _store_claim(
        self,
        *,
        seq: int,
        claim: Claim,
        vec: np.ndarray,
        published: str | None,
        cluster: int | None,
        evidence: str,
        similarity: float,
        drift: tuple[Drift, ...],
        becomes_reference: bool,
        generation: int,
        staged: dict[int, np.ndarray],
    ) -> None:
        """Write one claim as a variant (of a new cluster when ``cluster`` is
        None) with its index rows; stage the cluster's new vector sum."""
        conn = self._conn
        drift_json = json.dumps([d.model_dump(mode="json") for d in drift], ensure_ascii=False)
        new = cluster is None
        if cluster is None:
            vsum = np.asarray(vec, dtype=np.float32).copy()
            cluster = conn.execute(
                "INSERT INTO clusters (ref, first_seen, size, vsum, updated) VALUES (-1, ?, 1, ?, ?)",
                (published, vsum.tobytes(), generation),
            ).lastrowid
            assert cluster is not None
        else:
            base = staged.get(cluster)
            vsum = (base if base is not None else self._index.sum_of(cluster)) + np.asarray(vec, dtype=np.float32)
        vid = conn.execute(
            "INSERT INTO variants (cluster, article, claim_id, lang, published, claim, similarity, drift, evidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (cluster, seq, claim.id, claim.lang, published, claim.model_dump_json(), round(similarity, 6),
             drift_json, evidence),
        ).lastrowid
        assert vid is not None  # an INSERT always sets lastrowid
        if new:
            conn.execute("UPDATE clusters SET ref = ? WHERE id = ?", (vid, cluster))
        else:
            conn.execute(
                "UPDATE clusters SET size = size + 1, vsum = ?, updated = ?, "
                "first_seen = CASE WHEN first_seen IS NULL OR (? IS NOT NULL AND ? < first_seen) "
                "THEN ? ELSE first_seen END WHERE id = ?",
                (vsum.astype(np.float32).tobytes(), generation, published, published, published, cluster),
            )
        staged[cluster] = vsum.astype(np.float32)
        conn.executemany(
            "INSERT OR IGNORE INTO variant_drift (type, cluster, variant) VALUES (?, ?, ?)",
            [(t, cluster, vid) for t in sorted({d.type for d in drift})],
        )
        terms = [("e", k) for k in sorted({e.key for e in claim.entities if e.key})]
        sk = _speaker_key(claim)
        if sk:
            terms.append(("s", sk))
        for kind, key in terms:
            conn.execute("INSERT OR IGNORE INTO terms (kind, key) VALUES (?, ?)", (kind, key))
            tid = conn.execute("SELECT id FROM terms WHERE kind = ? AND key = ?", (kind, key)).fetchone()[0]
            conn.execute("INSERT OR IGNORE INTO cluster_terms (term, cluster) VALUES (?, ?)", (tid, cluster))
        conn.executemany(
            "INSERT OR IGNORE INTO cluster_numbers (value, cluster) VALUES (?, ?)",
            [(float(q.value), cluster) for q in claim.quantities if math.isfinite(q.value)],
        )
        if becomes_reference:
            conn.execute("UPDATE clusters SET ref = ? WHERE id = ?", (vid, cluster))
            self._recompute(cluster, vid, claim)

    def _recompute(self, cluster: int, ref_vid: int, ref: Claim) -> None:
        """The reference of ``cluster`` changed: redo every variant's similarity
        and drift against it.  O(cluster size) diffs."""
        conn = self._conn
        rows = conn.execute(
            "SELECT id, claim FROM variants WHERE cluster = ? AND id != ? ORDER BY id", (cluster, ref_vid)
        ).fetchall()
        others = [(int(vid), Claim.model_validate_json(text)) for vid, text in rows]
        diffs = self._diffs([(ref, c) for _, c in others])
        conn.execute("DELETE FROM variant_drift WHERE cluster = ?", (cluster,))
        for (vid, _), d in zip(others, diffs):
            conn.execute(
                "UPDATE variants SET similarity = ?, drift = ? WHERE id = ?",
                (round(float(d.similarity), 6),
                 json.dumps([f.model_dump(mode="json") for f in d.drift], ensure_ascii=False), vid),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO variant_drift (type, cluster, variant) VALUES (?, ?, ?)",
                [(t, cluster, vid) for t in sorted({f.type for f in d.drift})],
            )

    def _diffs(self, pairs: list[tuple[Claim, Claim]]) -> list[Any]:
        if not pairs:
            return []
        from ..drift import diff_claims_many

        return diff_claims_many(pairs, embedder=self.embedder, cache=self._cache)

    def _references(self, clusters: Sequence[int]) -> dict[int, tuple[int, Claim, str | None]]:
        """cluster -> (reference variant id, its claim, its publication date)."""
        out: dict[int, tuple[int, Claim, str | None]] = {}
        for part in _chunks(list(clusters)):
            q = ",".join("?" * len(part))
            for cid, vid, text, pub in self._conn.execute(
                f"SELECT c.id, v.id, v.claim, v.published FROM clusters c JOIN variants v ON v.id = c.ref "
                f"WHERE c.id IN ({q})",
                tuple(part),
            ):
                out[int(cid)] = (int(vid), Claim.model_validate_json(text), pub)
        return out

    # ------------------------------------------------------------------ matching

    def _key_candidates(self, claim: Claim) -> set[int]:
        """Clusters sharing a name or (within tolerance) a figure with ``claim``,
        at most ``key_candidates`` per name / figure, from the SQL indexes."""
        s = self.settings
        out: set[int] = set()
        if s.key_candidates <= 0:
            return out
        conn = self._conn
        for key in _entity_keys(claim):
            out.update(
                int(r[0]) for r in conn.execute(
                    "SELECT ct.cluster FROM terms t JOIN cluster_terms ct ON ct.term = t.id "
                    "WHERE t.kind = 'e' AND t.key = ? ORDER BY ct.cluster DESC LIMIT ?",
                    (key, s.key_candidates),
                )
            )
        half = max(1, s.key_candidates // 2)
        for v in _figures(claim, s.min_figure):
            lo, hi = sorted((v * (1 - s.number_tolerance), v * (1 + s.number_tolerance)))
            # the nearest figures on each side first (two index range scans)
            for sql, args in (
                ("SELECT cluster FROM cluster_numbers WHERE value >= ? AND value <= ? ORDER BY value, cluster LIMIT ?",
                 (v, hi, half)),
                ("SELECT cluster FROM cluster_numbers WHERE value >= ? AND value < ? "
                 "ORDER BY value DESC, cluster DESC LIMIT ?", (lo, v, half)),
            ):
                out.update(int(r[0]) for r in conn.execute(sql, args))
        return out

    def _cluster_evidence(
        self, clusters: Sequence[int]
    ) -> dict[int, _RefEvidence]:
        """cluster -> its reference claim's (text, language, figures, name keys,
        speaker key).  One query per 500 clusters
        for their reference ids; a reference claim is parsed once per Tracker
        (memoised by its variant id, which never changes meaning), so the cost
        does not grow with the clusters' sizes or the store's."""
        from ..extract.entities import entity_key

        s = self.settings
        memo = self._evidence
        out: dict[int, _RefEvidence] = {}
        refs: dict[int, int] = {}
        for part in _chunks(list(clusters)):
            q = ",".join("?" * len(part))
            refs.update((int(c), int(r)) for c, r in self._conn.execute(
                f"SELECT id, ref FROM clusters WHERE id IN ({q})", tuple(part)))
        missing = sorted({r for r in refs.values() if r not in memo})
        for part in _chunks(missing):
            q = ",".join("?" * len(part))
            for vid, text in self._conn.execute(f"SELECT id, claim FROM variants WHERE id IN ({q})", tuple(part)):
                d = json.loads(text)
                figures = {float(x["value"]) for x in d.get("quantities", ())
                           if math.isfinite(x["value"]) and abs(x["value"]) >= s.min_figure}
                keys = _name_keys(x.get("key") or "" for x in d.get("entities", ()))
                speaker = (d.get("speaker") or {}).get("name")
                if len(memo) >= _EVIDENCE_MEMO:
                    memo.pop(next(iter(memo)))
                memo[int(vid)] = (d["text"], d["lang"], figures, keys, (entity_key(speaker) or None) if speaker else None)
        for cid, ref in refs.items():
            hit = memo.get(ref)
            if hit is not None:
                out[cid] = hit
        return out

    def _match(self, claims: list[Claim], vecs: np.ndarray) -> dict[int, tuple[int, str]]:
        """claim index -> (cluster id, evidence in words) for the claims that
        join an existing cluster (see the module docstring for the rule)."""
        from ..alignment import _fuzzy

        s = self.settings
        if not claims or self._index.n == 0:
            return {}
        k = s.k
        top_ids, top_vals = self._index.search(vecs, max(s.candidates, k + 1))
        cand: list[set[int]] = []
        for i, claim in enumerate(claims):
            c = {int(x) for x in top_ids[i, : s.candidates] if x >= 0}
            c |= {x for x in self._key_candidates(claim) if x in self._index.row}
            cand.append(c)
        every = sorted(set().union(*cand))
        if not every:
            return {}
        col = {cid: j for j, cid in enumerate(every)}
        sims = vecs.astype(np.float64) @ self._index.unit(every).astype(np.float64).T  # claims x candidates
        info = self._cluster_evidence(every)
        b = len(claims)
        recs: list[tuple[float, int, int, str]] = []
        for i, claim in enumerate(claims):
            words = len(claim.text.split())
            figures = _figures(claim, s.min_figure)
            keys = set(_entity_keys(claim))
            sk = _speaker_key(claim)
            near_top = [(int(t), float(v)) for t, v in zip(top_ids[i], top_vals[i]) if t >= 0]
            for cid in sorted(cand[i]):
                if cid not in info:
                    continue
                j = col[cid]
                sim = float(sims[i, j])
                row_n = [v for t, v in near_top if t != cid][:k]
                row_n += [s.background] * (k - len(row_n))
                col_n = sorted((float(sims[r, j]) for r in range(b) if r != i), reverse=True)[:k]
                col_n += [s.background] * (k - len(col_n))
                neigh = (sum(row_n) / k + sum(col_n) / k) / 2.0
                margin = sim - neigh
                ref_text, ref_lang, nums, ents, ref_sk = info[cid]
                if s.name_conflict and _names_conflict(_names(keys, sk, ref_sk), _names(ents, ref_sk, sk)):
                    continue  # the same frame about other people, places or companies
                fz = _fuzzy(claim.text, ref_text) if claim.lang == ref_lang else None
                eff = sim
                if fz is not None and fz >= s.fuzzy_min:
                    eff = max(sim, fz)
                    margin = max(margin, fz - neigh)
                same = sorted(v for v in figures if v in nums)
                drifted = sorted(
                    (v, w) for v in figures if v not in nums for w in nums if _near(v, w, s.number_tolerance)
                )
                names = sorted(keys & ents)
                w = (words + len(ref_text.split())) / 2.0
                f = min(1.0, max(0.0, (w - s.short_words) / max(1, s.long_words - s.short_words)))
                bar = s.short_threshold + f * (s.threshold - s.short_threshold)
                if margin < s.margin:
                    continue
                ev = [f"cosine {sim:.3f}", f"margin {margin:+.3f}"]
                if fz is not None:
                    ev.append(f"rapidfuzz {fz:.2f}")
                if eff >= bar:
                    ev.append(f"similarity {eff:.3f} >= {bar:.3f}")
                elif sim >= s.evidence_threshold and (same or drifted):
                    ev.append(f"cosine >= {s.evidence_threshold:g} with a shared figure")
                else:
                    continue
                if same:
                    ev.append("shared figures: " + ", ".join(_fmt(v) for v in same))
                if drifted:
                    ev.append("figures within tolerance: " + ", ".join(f"{_fmt(v)} ~ {_fmt(w)}" for v, w in drifted))
                if names:
                    ev.append("shared names: " + ", ".join(names))
                bonus = min(s.nudge, s.nudge / 3.0 * (len(same) + len(drifted) + len(names)))
                recs.append((eff + margin + bonus, i, cid, "; ".join(ev)))
        recs.sort(key=lambda r: (-r[0], r[1], r[2]))
        used: set[int] = set()
        out: dict[int, tuple[int, str]] = {}
        for _, i, cid, why in recs:
            if i in out or cid in used:
                continue
            out[i] = (cid, why)
            used.add(cid)
        return out

    # ------------------------------------------------------------------ queries

    def _load(self, ids: Sequence[int]) -> list[Cluster]:
        """Clusters by id (in the order given; missing ids skipped).  One query
        per 500 ids; cost linear in their variants."""
        conn = self._conn
        out: dict[int, Cluster] = {}
        for part in _chunks(list(ids)):
            q = ",".join("?" * len(part))
            first = {
                int(cid): fs for cid, fs in conn.execute(f"SELECT id, first_seen FROM clusters WHERE id IN ({q})", tuple(part))
            }
            rows: dict[int, list[Variant]] = {cid: [] for cid in first}
            for cid, text, aid, source, lang, pub, sim, drift in conn.execute(
                "SELECT v.cluster, v.claim, a.id, a.source, v.lang, v.published, v.similarity, v.drift "
                f"FROM variants v JOIN articles a ON a.seq = v.article WHERE v.cluster IN ({q}) "
                "ORDER BY v.cluster, v.published IS NULL, v.published, v.id",
                tuple(part),
            ):
                rows[int(cid)].append(
                    Variant(
                        claim=Claim.model_validate_json(text),
                        article_id=aid,
                        source=source,
                        lang=lang,
                        published=_date(pub),
                        similarity=float(sim),
                        drift=_DRIFTS.validate_json(drift),
                    )
                )
            for cid, variants in rows.items():
                out[cid] = Cluster(
                    id=_cid(cid),
                    first_seen=_date(first[cid]),
                    langs=tuple(dict.fromkeys(v.lang for v in variants)),
                    variants=tuple(variants),
                )
        return [out[i] for i in ids if i in out]

    def _term_ids(self, kind: str, query: str, what: str) -> list[int]:
        """Ids of the name ('e') or speaker ('s') keys holding every word of
        ``query``'s key ("Chintala" finds "chintala soumith").  Scans the
        vocabulary of that kind once."""
        from ..extract.entities import entity_key

        if not isinstance(query, str) or not query.strip():
            raise InputError(f"{what} must be a non-empty name, got {query!r}")
        words = set(entity_key(query).split())
        if not words:
            raise InputError(f"{what} {query!r} has no letters or digits to match")
        return [
            int(tid) for tid, key in self._conn.execute("SELECT id, key FROM terms WHERE kind = ? ORDER BY id", (kind,))
            if words <= set(key.split())
        ]

    def _cluster_ids(
        self,
        lang: str | None,
        speaker: str | None,
        entity: str | None,
        since: object,
        until: object,
        drift_type: str | None,
        min_variants: int,
        limit: int | None,
    ) -> list[int]:
        where: list[str] = []
        params: list[Any] = []
        if lang is not None:
            where.append("c.id IN (SELECT cluster FROM variants WHERE lang = ?)")
            params.append(lang)
        lo, hi = _as_date(since, "since"), _as_date(until, "until")
        if lo is not None or hi is not None:
            where.append("c.id IN (SELECT cluster FROM variants WHERE published >= ? AND published <= ?)")
            params += [lo or "0000-00-00", hi or "9999-99-99"]
        if drift_type is not None:
            if drift_type not in _DRIFT_TYPES:
                raise ValueError(f"unknown drift type {drift_type!r}; known: {', '.join(_DRIFT_TYPES)}")
            where.append("c.id IN (SELECT cluster FROM variant_drift WHERE type = ?)")
            params.append(drift_type)
        for kind, query, what in (("s", speaker, "speaker"), ("e", entity, "entity")):
            if query is None:
                continue
            tids = self._term_ids(kind, query, what)
            if not tids:
                return []
            where.append(f"c.id IN (SELECT cluster FROM cluster_terms WHERE term IN ({','.join('?' * len(tids))}))")
            params += tids
        if min_variants > 1:
            where.append("c.size >= ?")
            params.append(int(min_variants))
        sql = "SELECT c.id FROM clusters c"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY c.first_seen IS NULL, c.first_seen, c.id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(limit)))
        return [int(r[0]) for r in self._conn.execute(sql, params)]

    def iter_clusters(
        self,
        lang: str | None = None,
        speaker: str | None = None,
        entity: str | None = None,
        since: _dt.date | str | None = None,
        until: _dt.date | str | None = None,
        drift_type: str | None = None,
        *,
        min_variants: int = 1,
        limit: int | None = None,
    ) -> Iterator[Cluster]:
        """:meth:`clusters`, streamed: the matching ids are read at once, the
        clusters 500 at a time (memory bounded by one chunk)."""
        ids = self._read(
            lambda: self._cluster_ids(lang, speaker, entity, since, until, drift_type, min_variants, limit)
        )
        for part in _chunks(ids):
            yield from self._read(lambda: self._load(part))

    def clusters(
        self,
        lang: str | None = None,
        speaker: str | None = None,
        entity: str | None = None,
        since: _dt.date | str | None = None,
        until: _dt.date | str | None = None,
        drift_type: str | None = None,
        *,
        min_variants: int = 1,
        limit: int | None = None,
    ) -> list[Cluster]:
        """The clusters matching every filter given, ordered by first seen
        (undated last), then id.

        Args:
            lang: a variant is in this language (``"fr"``).
            speaker: a variant is attributed to this person; every word of the
                name's key must appear in the speaker's ("Chintala" finds
                Soumith Chintala).
            entity: a variant names this entity, by the same word rule on
                :func:`claimtrack.entity_key` keys ("Linux Foundation").
            since, until: a variant was published in this window (inclusive;
                ``date`` or ISO string; undated variants never match).
            drift_type: a variant carries a finding of this
                :data:`~claimtrack.models.DriftType`.
            min_variants: at least this many variants (2: claims seen twice).
            limit: at most this many clusters.

        Returns:
            :class:`Cluster` objects with all their variants (the filters
            select clusters, not variants).

        Cost: indexed SQL per filter (a speaker/entity filter also scans the
        vocabulary of names), then linear in the variants returned.
        """
        return list(self.iter_clusters(lang, speaker, entity, since, until, drift_type,
                                       min_variants=min_variants, limit=limit))

    def cluster(self, cluster_id: str | int) -> Cluster:
        """The cluster with this id (``"c12"`` or 12).

        Raises:
            ClusterNotFoundError: no such cluster (a :class:`StoreError` and a ``LookupError``).
        """
        n = _parse_cid(cluster_id)
        found = self._read(lambda: self._load([n]))
        if not found:
            raise ClusterNotFoundError(f"no cluster {_cid(n)!r} in {str(self.path)!r}")
        return found[0]

    def find(self, text: str, lang: str | None = None, k: int = 5) -> list[ClusterHit]:
        """The ``k`` clusters nearest to a statement, in any language.

        Args:
            text: the statement (a sentence or short passage).
            lang: its language (``en``/``fr``); detected when None.  The
                search itself is cross-lingual; the language is used for the
                drift findings.
            k: how many clusters.

        Returns:
            :class:`ClusterHit` objects, best first (ties by cluster id): the
            cluster, the cosine with its vector, and the drift from its
            earliest variant to ``text`` (:func:`claimtrack.diff`).

        Cost: one encoding, one pass over the vector matrix, ``k`` diffs.
        """
        from ..drift import diff_many

        if not isinstance(text, str) or not text.strip():
            raise InputError("find() needs a non-empty statement")
        if k <= 0:
            return []
        self._read(self._sync)
        vec = self._cache.encode(self.embedder, [text])
        ids, vals = self._index.search(vec, int(k))
        hits = [(int(c), float(v)) for c, v in zip(ids[0], vals[0]) if c >= 0]
        clusters = {int(c.id[1:]): c for c in self._read(lambda: self._load([c for c, _ in hits]))}
        hits = [(c, v) for c, v in hits if c in clusters]
        refs = [clusters[c].variants[0].claim for c, _ in hits]
        out: list[ClusterHit] = []
        # one batched diff per reference language (the statement's language is fixed)
        by_lang: dict[str, list[int]] = {}
        for n, ref in enumerate(refs):
            by_lang.setdefault(ref.lang, []).append(n)
        diffs: dict[int, Any] = {}
        for ref_lang, ns in sorted(by_lang.items()):
            got = diff_many(
                [(refs[n].text, text) for n in ns], source_lang=ref_lang, target_lang=lang,
                embedder=self.embedder, cache=self._cache,
                speakers=[(sp.name if (sp := refs[n].speaker) is not None else None, None) for n in ns],
            )
            diffs.update(zip(ns, got))
        for n, (c, v) in enumerate(hits):
            out.append(ClusterHit(cluster=clusters[c], similarity=round(v, 6), drift=tuple(diffs[n].drift)))
        return out

    def drift(self, type: str | None = None) -> list[DriftedVariant]:  # noqa: A002 - the issue's name
        """Every variant with drift findings (of ``type`` when given), with
        its cluster's reference, in cluster order (first seen, id) then
        variant order.  Cost: indexed look-up, then linear in the clusters
        holding such variants."""
        out: list[DriftedVariant] = []
        for cluster in self.iter_clusters(drift_type=type) if type is not None else self._drifted_clusters():
            ref = cluster.variants[0]
            for v in cluster.variants[1:]:
                if v.drift and (type is None or any(d.type == type for d in v.drift)):
                    out.append(DriftedVariant(cluster_id=cluster.id, reference=ref, variant=v))
        return out

    def _drifted_clusters(self) -> Iterator[Cluster]:
        def ids() -> list[int]:
            return [
                int(r[0]) for r in self._conn.execute(
                    "SELECT c.id FROM clusters c WHERE c.id IN (SELECT DISTINCT cluster FROM variant_drift) "
                    "ORDER BY c.first_seen IS NULL, c.first_seen, c.id"
                )
            ]

        for part in _chunks(self._read(ids)):
            yield from self._read(lambda: self._load(part))

    def stats(self) -> dict[str, int]:
        """Counts: ``articles``, ``claims`` (variants), ``clusters``,
        ``multi_variant_clusters`` (seen at least twice), ``drifted_variants``."""

        def body() -> dict[str, int]:
            q = self._conn.execute
            return {
                "articles": int(q("SELECT count(*) FROM articles").fetchone()[0]),
                "claims": int(q("SELECT count(*) FROM variants").fetchone()[0]),
                "clusters": int(q("SELECT count(*) FROM clusters").fetchone()[0]),
                "multi_variant_clusters": int(q("SELECT count(*) FROM clusters WHERE size > 1").fetchone()[0]),
                "drifted_variants": int(q("SELECT count(DISTINCT variant) FROM variant_drift").fetchone()[0]),
            }

        return self._read(body)

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        return self._open().execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Close the connection (the store stays on disk).  Idempotent."""
        if not getattr(self, "_closed", True):
            self._conn.close()
            self._closed = True

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Tracker({str(self.path)!r}, embedder={self.info.get('embedder')!r})"

