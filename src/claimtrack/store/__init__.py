"""The claim store: track claims over time, across outlets and languages.

::

    import claimtrack as ct

    with ct.Tracker("claims.db") as tracker:
        for article in ct.read_articles("feed.jsonl"):
            tracker.add(article)                 # AddResult(added=True, claims=23, matched=14, quotes=3, ...)
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

Matching follows the ideas and defaults of :func:`claimtrack.align` (recorded
in the store as :class:`MatchSettings`); :mod:`.matcher` describes it.

Storage and concurrency
=======================

One SQLite file (stdlib ``sqlite3``) in WAL mode; see :mod:`.schema`.  Every
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

Modules
=======

:mod:`.models` the public records; :mod:`.schema` the SQLite layout;
:mod:`.db` the connection, transactions and checks on open; :mod:`.index` the
cluster vector index; :mod:`.matcher` the matching (judged by
:mod:`claimtrack.alignment.rule`, which also holds :class:`MatchSettings`);
:mod:`.writer` the write path; :mod:`.queries` the reads; :mod:`.quotes` the
quotations, units of their own (:class:`QuoteCluster`, ids ``q12``, apart
from the claim clusters).  :class:`Tracker` here ties them together.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..alignment.rule import MatchSettings
from ..embed import Embedder, EmbeddingCache
from ..errors import (
    ClaimtrackError, ClusterNotFoundError, ErrorPolicy, ErrorSink, InputError, OnError, StoreBusyError,
)
from ..models import Article, Claim
from . import queries, quotes
from .db import Database, chunks
from .encoding import PerTextEncoder
from .index import ClusterIndex
from .matcher import ClusterMatcher
from .models import AddResult, Cluster, ClusterHit, DriftedVariant, Variant, format_cluster_id, parse_cluster_id
from .models import DriftedQuote, QuoteCluster, QuoteVariant
from .queries import ClusterFilter
from .schema import SCHEMA_VERSION
from .writer import ArticleWriter

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger("claimtrack")

__all__ = [
    "Tracker",
    "MatchSettings",
    "Variant",
    "Cluster",
    "AddResult",
    "ClusterHit",
    "DriftedVariant",
    "QuoteVariant", "QuoteCluster", "DriftedQuote",
    "SCHEMA_VERSION",
]


class Tracker(quotes.QuoteQueries):
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
        read_only: open for reading only (:meth:`add` raises StoreError);
            None (the default) opens read-only when the file or its folder is
            not writable, so reports and queries work on a store one may only
            read.

    Every text is encoded on its own (:mod:`.encoding`): a vector never
    depends on what else was encoded with it, so a store is the same whatever
    the batches, the cache, or where a run that crashed was resumed.

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
        read_only: bool | None = None,
    ) -> None:
        from ..embed import default_embedder

        self.path = Path(path)
        self.embedder: Embedder = embedder if embedder is not None else default_embedder()
        self._cache = EmbeddingCache(max_items=cache_size)
        self._encoder = PerTextEncoder(self.embedder)
        self._db = Database(self.path, self.embedder, settings, create=create, timeout=max(0.0, float(timeout)),
                            read_only=read_only)
        self.read_only: bool = self._db.read_only
        self.settings: MatchSettings = self._db.settings
        self.info: dict[str, Any] = self._db.info
        m = self.settings
        self._index = ClusterIndex(int(self.info["dim"]), m.projection_dims, m.exact_search_below, m.shortlist,
                                  name=f"claim store {str(self.path)!r}")
        self._writer = ArticleWriter(self._db, self._index, ClusterMatcher(m, self._index), self._encoder, self._cache,
                                     quotes.namespace(m, self._index.dim, self._index.name))
        quotes.upgrade(self._db, self._writer)  # a schema version 1 store: its quotation clusters

    @property
    def _conn(self) -> sqlite3.Connection:
        """The SQLite connection (for tests and maintenance)."""
        return self._db.conn

    def add(self, article: Article) -> AddResult:
        """Store ``article`` and cluster its claims.

        Extracts the claims (:func:`claimtrack.extract_claims`), encodes
        them, then in one transaction matches each to an existing cluster or
        starts a new one (see the module docstring for the rule), storing each
        joining variant's drift against the cluster's earliest variant; then,
        in the same transaction, the same for its quotations (:mod:`.quotes`).

        Returns:
            :class:`AddResult`; ``added`` is False (and nothing changes) when
            the same text is already stored, under this id or another.

        Raises:
            UnsupportedLanguageError: the article is not English or French.
            StoreError: the article id is already stored with another text.
            StoreBusyError: other writers kept the store locked too long.

        Atomic: an exception or a crash part-way leaves the store as it was.
        """
        r = self._writer.add(article)
        logger.info("%s %s: %d claims, %d new clusters, %d matched", "added" if r.added else "already stored",
                    r.article_id, r.claims, r.new_clusters, r.matched)
        return r

    def add_extracted(self, article: Article, claims: Sequence[Claim], vectors: np.ndarray | None = None) -> AddResult:
        """:meth:`add` with the claims (and their vectors) computed elsewhere (on
        Dask workers, :mod:`claimtrack.distributed`; by :func:`claimtrack.compare`):
        ``claims`` must be ``extract_claims(article)`` and ``vectors`` their
        per-text vectors by this store's embedder (row ``i`` =
        ``embedder.encode([claims[i].text])``; None: encoded here, as
        :meth:`add` does); then the store is exactly the one :meth:`add`
        builds.  The quotations are taken from ``claims`` and encoded here.
        Raises :class:`StoreError` when the shapes or article ids do not fit."""
        return self._writer.add(article, claims, vectors)

    def add_many(self, articles: Iterable[Article], *, errors: OnError = "stop",
                 error_file: ErrorSink | None = None) -> list[AddResult]:
        """:meth:`add` each article in order (each its own transaction).  ``errors``
        (:data:`claimtrack.errors.OnError`) says what an article :meth:`add`
        refuses (unsupported language, an id stored with another text) does;
        :class:`StoreBusyError` always raises."""
        policy = ErrorPolicy(errors, error_file)
        out: list[AddResult] = []
        for article in articles:
            try:
                out.append(self.add(article))
            except StoreBusyError:
                raise
            except ClaimtrackError as exc:
                policy.handle(exc, id=article.id, input=article.source)
        return out

    # ------------------------------------------------------------------ queries

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
        f = ClusterFilter(lang, speaker, entity, since, until, drift_type, min_variants, limit)
        ids = self._db.read(lambda: queries.cluster_ids(self._db.conn, f))
        for part in chunks(ids):
            yield from self._db.read(lambda: queries.load(self._db.conn, part))

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
        n = parse_cluster_id(cluster_id)
        found = self._db.read(lambda: queries.load(self._db.conn, [n]))
        if not found:
            raise ClusterNotFoundError(f"no cluster {format_cluster_id(n)!r} in {str(self.path)!r}")
        return found[0]

    def find(self, text: str, lang: str | None = None, k: int = 5,
             min_similarity: float | None = None) -> list[ClusterHit]:
        """The ``k`` clusters nearest to a statement, in any language.

        Args:
            text: the statement (a sentence or short passage).
            lang: its language (``en``/``fr``); detected when None.  The
                search itself is cross-lingual; the language is used for the
                drift findings.
            k: how many clusters, at most.
            min_similarity: keep only the clusters whose cosine with the
                statement is at least this (in -1..1); None keeps the ``k``
                nearest whatever their similarity.

        Returns:
            :class:`ClusterHit` objects, best first (ties by cluster id): the
            cluster, the cosine with its vector, and the drift from its
            earliest variant to ``text`` (:func:`claimtrack.diff`).  Fewer
            than ``k`` (or none) when fewer clusters reach ``min_similarity``.

        Raises:
            InputError: an empty statement, or a ``min_similarity`` that is not
                a number in -1..1.

        Cost: one encoding, one pass over the vector matrix, ``k`` diffs (a
        pair over the diff budget, :data:`claimtrack.drift.MAX_DIFF_CHARS`, is
        not diffed: its hit has no findings).
        """
        if not isinstance(text, str) or not text.strip():
            raise InputError("find() needs a non-empty statement")
        if min_similarity is not None and not (
            isinstance(min_similarity, (int, float)) and -1.0 <= float(min_similarity) <= 1.0
        ):  # also refuses nan
            raise InputError(f"min_similarity is a cosine in -1..1, not {min_similarity!r}")
        if k <= 0:
            return []
        self._db.read(lambda: self._index.sync(self._db.conn))
        k = min(int(k), self._index.n)  # a huge k asks for every cluster, no more
        if k <= 0:
            return []
        vec = self._cache.encode(self._encoder, [text])
        ids, vals = self._index.search(vec, k)
        hits = [(int(c), float(v)) for c, v in zip(ids[0], vals[0])
                if c >= 0 and (min_similarity is None or round(float(v), 6) >= min_similarity)]  # as reported
        clusters = {int(c.id[1:]): c for c in self._db.read(lambda: queries.load(self._db.conn, [c for c, _ in hits]))}
        hits = [(c, v) for c, v in hits if c in clusters]
        diffs = queries.diffs_from([clusters[c].variants[0].claim for c, _ in hits], text, lang, self._encoder,
                                   self._cache)
        return [ClusterHit(cluster=clusters[c], similarity=round(v, 6), drift=tuple(d.drift) if d else ())
                for (c, v), d in zip(hits, diffs)]

    def drift(self, type: str | None = None) -> list[DriftedVariant]:  # noqa: A002 - the issue's name
        """Every variant with drift findings (of ``type`` when given), with
        its cluster's reference, in cluster order (first seen, id) then
        variant order.  Cost: indexed look-up, then linear in the clusters
        holding such variants."""
        clusters = self.iter_clusters(drift_type=type) if type is not None else self._drifted_clusters()
        return [DriftedVariant(cluster_id=c, reference=r, variant=v) for c, r, v in queries.drifted(clusters, type)]

    def _drifted_clusters(self) -> Iterator[Cluster]:
        for part in chunks(self._db.read(lambda: queries.drifted_cluster_ids(self._db.conn))):
            yield from self._db.read(lambda: queries.load(self._db.conn, part))

    def stats(self) -> dict[str, int]:
        """Counts: ``articles``, ``claims`` (variants), ``clusters``,
        ``multi_variant_clusters`` (seen at least twice), ``drifted_variants``;
        and ``quotes``, ``quote_clusters``, ``multi_variant_quote_clusters``, ``drifted_quotes``."""
        return self._db.read(lambda: queries.stats(self._db.conn))

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        row = self._db.read(lambda: self._db.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone())
        return row is not None

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Close the connection (the store stays on disk).  Idempotent."""
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Tracker({str(self.path)!r}, embedder={self.info.get('embedder')!r})"

