"""Quotations in the store: units of their own, their queries, and the upgrade of older stores.

Each direct quotation of a stored claim of at least
:data:`~claimtrack.alignment.quotes.MIN_LINK_WORDS` words
(:func:`~claimtrack.alignment.quotes.quote_units`: its words, its own
attribution's speaker, the figures and names inside it) is stored as a
:class:`~claimtrack.store.models.QuoteVariant` of a
:class:`~claimtrack.store.models.QuoteCluster`, in a namespace of clusters
apart from the claims' (:data:`~claimtrack.store.schema.QUOTES`: tables
``quote_*``, ids ``q12``), so the claim clusters and their ids are those of a
store without quotations.  The writer (:mod:`.writer`) places them after the
article's claims, in the same transaction, with a
:class:`~claimtrack.store.matcher.ClusterMatcher` of their own (the claims'
rule on the quotation's words, the speakers left out of the name conflict)
and compares each joining quotation with its cluster's earliest as
:func:`claimtrack.align_quotes` compares two.

Here: where a unit comes from (:class:`Quoted`, :func:`quoted_units`), the
Tracker's quotation queries (:class:`QuoteQueries`), the quotation index and
matcher of a Tracker (:func:`namespace`), and :func:`backfill`, which builds
the quotation clusters of a schema version 1 store.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, Protocol

import numpy as np

from ..alignment.quotes import quote_speakers, quote_units, unit_source
from ..alignment.rule import MatchSettings
from ..errors import ClusterNotFoundError, StoreError
from ..models import Claim, Speaker
from . import queries
from .db import Database, chunks
from .encoding import finite
from .index import ClusterIndex
from .matcher import ClusterMatcher, Namespace
from .models import DriftedQuote, QuoteCluster, format_cluster_id, parse_cluster_id
from .queries import ClusterFilter
from .schema import QUOTES, SCHEMA_VERSION



class Placer(Protocol):
    """What :func:`backfill` uses of the :class:`~claimtrack.store.writer.ArticleWriter`."""

    db: Database
    quotes: Namespace

    def encode(self, units: Sequence[Claim]) -> np.ndarray: ...

    def place(
        self, ns: Namespace, seq: int, published: str | None, items: list[Claim], vecs: np.ndarray,
        generation: int, quoted: Sequence[Quoted] | None = None,
    ) -> tuple[int, dict[int, np.ndarray]]: ...

__all__ = ["Quoted", "quoted_units", "speaker_term", "QuoteQueries", "namespace", "Placer", "upgrade", "backfill"]

logger = logging.getLogger("claimtrack")


class Quoted(NamedTuple):
    """Where a quotation unit comes from: the claim holding it, its index in
    that claim's ``quotes``, and the speaker shown for it."""

    holder: str
    quote: int
    speaker: Speaker | None


def quoted_units(claims: Sequence[Claim]) -> tuple[list[Claim], list[Quoted]]:
    """The quotation units of ``claims`` (:func:`quote_units`) and where each comes from."""
    units = quote_units(claims)
    if not units:
        return [], []
    shown = quote_speakers(claims)
    return units, [Quoted(*unit_source(u.id), shown[u.id]) for u in units]


def speaker_term(speaker: Speaker | None) -> str | None:
    """The key the speaker filter finds a quotation by: its shown speaker's name key."""
    if speaker is None or not speaker.name:
        return None
    from ..extract.entities import entity_key

    return entity_key(speaker.name) or None


def namespace(settings: MatchSettings, dim: int, name: str) -> tuple[ClusterIndex, ClusterMatcher]:
    """A Tracker's quotation index and matcher (the speakers left out of the name conflict)."""
    m = settings
    index = ClusterIndex(dim, m.projection_dims, m.exact_search_below, m.shortlist, name=name, space=QUOTES)
    return index, ClusterMatcher(m, index, QUOTES, speaker_names=False)


class QuoteQueries:
    """The quotation queries of :class:`claimtrack.store.Tracker` (a mixin:
    they read its :class:`~claimtrack.store.db.Database`)."""

    _db: Database
    path: object

    def iter_quote_clusters(
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
    ) -> Iterator[QuoteCluster]:
        """:meth:`quote_clusters`, streamed (500 clusters at a time)."""
        f = ClusterFilter(lang, speaker, entity, since, until, drift_type, min_variants, limit)
        ids = self._db.read(lambda: queries.cluster_ids(self._db.conn, f, QUOTES))
        for part in chunks(ids):
            yield from self._db.read(lambda: queries.load_quotes(self._db.conn, part))

    def quote_clusters(
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
    ) -> list[QuoteCluster]:
        """The quotation clusters matching every filter given, ordered by first
        seen (undated last), then id.

        Each direct quotation of at least
        :data:`~claimtrack.alignment.quotes.MIN_LINK_WORDS` words of a stored
        claim is a unit of its own (:func:`claimtrack.alignment.quotes.quote_units`), clustered
        apart from the claims (ids ``q12``; a claim cluster never holds a
        quotation, nor the reverse) by the claims' rule on the quotation's
        words: a partial quotation repeated by another outlet in another
        sentence joins the same cluster.  Each :class:`QuoteVariant` keeps the
        claim holding it (``claim_id``, ``quote_index``), the speaker shown
        and its drift against the cluster's earliest quotation.

        Args:
            lang: a variant is in this language.
            speaker: a quotation is attributed to this person (the speaker
                shown: its own attribution's, else carried from an earlier
                quotation), by the word rule of :meth:`clusters`.
            entity: a quotation names this entity (names inside its words).
            since, until: a variant was published in this window (inclusive).
            drift_type: a variant carries a finding of this type (``speaker``:
                a quotation given to another person; ``omission`` /
                ``addition``: words dropped or added inside the quotation).
            min_variants: at least this many variants.
            limit: at most this many clusters.

        Returns:
            :class:`QuoteCluster` objects with all their variants.
        """
        return list(self.iter_quote_clusters(lang, speaker, entity, since, until, drift_type,
                                             min_variants=min_variants, limit=limit))

    def quote_cluster(self, cluster_id: str | int) -> QuoteCluster:
        """The quotation cluster with this id (``"q12"`` or 12).

        Raises:
            ClusterNotFoundError: no such quotation cluster.
        """
        n = parse_cluster_id(cluster_id, QUOTES.letter)
        found = self._db.read(lambda: queries.load_quotes(self._db.conn, [n]))
        if not found:
            raise ClusterNotFoundError(f"no quotation cluster {format_cluster_id(n, QUOTES.letter)!r} "
                                       f"in {str(self.path)!r}")
        return found[0]

    def quote_drift(self, type: str | None = None) -> list[DriftedQuote]:  # noqa: A002 - as drift()
        """Every quotation with drift findings (of ``type`` when given), with
        its cluster's earliest quotation: :meth:`drift` for the quotation
        clusters, in the same order."""
        if type is not None:
            clusters: Iterable[QuoteCluster] = self.iter_quote_clusters(drift_type=type)
        else:
            clusters = (c for part in chunks(self._db.read(
                lambda: queries.drifted_cluster_ids(self._db.conn, QUOTES)))
                for c in self._db.read(lambda: queries.load_quotes(self._db.conn, part)))
        return [DriftedQuote(cluster_id=c, reference=r, variant=v) for c, r, v in queries.drifted(clusters, type)]


def upgrade(db: Database, writer: Placer) -> None:
    """Upgrade a schema version 1 store (``db.upgrade_from``) in place:
    :func:`backfill` and the new version in one transaction
    (:meth:`Database.upgrade`); the store is closed if that fails."""
    old = db.upgrade_from
    if old is None:
        return
    try:
        if db.upgrade(lambda: backfill(writer)):
            logger.info("claim store %r upgraded from schema version %d to %d (quotation clusters built)",
                        str(db.path), old, SCHEMA_VERSION)
    except BaseException:
        db.close()
        raise


def backfill(writer: Placer) -> int:
    """Build the quotation clusters of a store that has none (schema
    version 1): every stored article in order, its quotation units (from
    its stored claims) matched and stored exactly as :meth:`ArticleWriter.add` does, so
    the store becomes the one a build with quotation clusters makes.
    Call inside a write transaction; the quotation tables are emptied
    first, so a body run again starts over.  Returns the units stored.

    Cost: one pass over the stored claims (their ids first, then one
    article's claims at a time), the encoding of every quotation unit and
    its matching, as the adds would have cost.  The Tracker's quotation
    index is not touched: a fresh index is built here, and the Tracker's
    own one reads the committed clusters on its next use.
    """
    conn = writer.db.conn
    old = writer.quotes
    index = ClusterIndex(old.index.dim, old.index.r, old.index.exact_below, old.index.shortlist,
                         name=old.index.name, space=QUOTES)
    ns = Namespace(QUOTES, index, ClusterMatcher(old.matcher.settings, index, QUOTES, speaker_names=False))
    sp = QUOTES
    for table in (sp.clusters, sp.variants, sp.variant_drift, sp.terms, sp.cluster_terms, sp.cluster_numbers):
        conn.execute(f"DELETE FROM {table}")
    by_article: dict[int, list[int]] = {}
    for vid, seq in conn.execute("SELECT id, article FROM variants ORDER BY article, id"):
        by_article.setdefault(int(seq), []).append(int(vid))
    stored = 0
    articles = conn.execute("SELECT seq, published FROM articles ORDER BY seq").fetchall()
    for generation, (seq, published) in enumerate(articles, 1):  # the generation each add committed
        vids = by_article.pop(int(seq), [])
        claims: list[Claim] = []
        for part in chunks(vids):
            q = ",".join("?" * len(part))
            claims.extend(Claim.model_validate_json(text) for (text,) in conn.execute(
                f"SELECT claim FROM variants WHERE id IN ({q}) ORDER BY id", tuple(part)))
        units, quoted = quoted_units(claims)
        if not units:
            continue
        qvecs = writer.encode(units)
        if not finite(qvecs):
            raise StoreError(f"the embedder gave a non-finite vector for a quotation of stored article seq {seq}")
        _, staged = writer.place(ns, int(seq), published, units, qvecs, generation, quoted)
        for cid in sorted(staged):  # new clusters after the others, in id order: the rows a sync appends
            index.set(cid, staged[cid])
        stored += len(units)
    return stored
