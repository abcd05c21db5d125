"""Reading clusters: filters to SQL, clusters by id, the name vocabulary, counts.

Every function takes the connection and runs its statements as they come; the
caller (:class:`~claimtrack.store.Tracker`) wraps them in a read snapshot.
The cluster functions take the namespace to read (``space``: the claims'
clusters by default, :data:`~claimtrack.store.schema.QUOTES` for the
quotations'), with the same filters and order.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import TypeAdapter

from ..errors import InputError
from ..models import Claim, Drift, DriftType, PairDiff
from .db import chunks
from .models import Cluster, QuoteCluster, QuoteVariant, Variant, format_cluster_id
from .schema import CLAIMS, QUOTES, Space

__all__ = [
    "ClusterFilter", "cluster_ids", "drifted", "drifted_cluster_ids", "load", "load_quotes", "stats", "term_ids",
]

_DRIFT_TYPES: tuple[str, ...] = tuple(get_args(DriftType))
_DRIFTS = TypeAdapter(tuple[Drift, ...])


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


@dataclass(frozen=True, slots=True)
class ClusterFilter:
    """The filters of :meth:`claimtrack.store.Tracker.clusters` (see there)."""

    lang: str | None = None
    speaker: str | None = None
    entity: str | None = None
    since: object = None
    until: object = None
    drift_type: str | None = None
    min_variants: int = 1
    limit: int | None = None


def load(conn: sqlite3.Connection, ids: Sequence[int]) -> list[Cluster]:
    """Claim clusters by id (in the order given; missing ids skipped).  One
    query per 500 ids; cost linear in their variants."""
    out: dict[int, Cluster] = {}
    for cid, first_seen, rows in _rows(conn, ids, CLAIMS):
        variants = tuple(
            Variant(claim=Claim.model_validate_json(text), article_id=aid, source=source, lang=lang,
                    published=_date(pub), similarity=float(sim), drift=_DRIFTS.validate_json(drift))
            for text, aid, source, lang, pub, sim, drift in rows
        )
        out[cid] = Cluster(id=format_cluster_id(cid), first_seen=_date(first_seen),
                           langs=tuple(dict.fromkeys(v.lang for v in variants)), variants=variants)
    return [out[i] for i in ids if i in out]


def load_quotes(conn: sqlite3.Connection, ids: Sequence[int]) -> list[QuoteCluster]:
    """Quotation clusters by id, as :func:`load` reads claim clusters."""
    out: dict[int, QuoteCluster] = {}
    for cid, first_seen, rows in _rows(conn, ids, QUOTES):
        variants = tuple(
            QuoteVariant(claim=Claim.model_validate_json(text), article_id=aid, source=source, lang=lang,
                         published=_date(pub), similarity=float(sim), drift=_DRIFTS.validate_json(drift),
                         claim_id=holder, quote_index=int(k), speaker=speaker)
            for text, aid, source, lang, pub, sim, drift, holder, k, speaker in rows
        )
        out[cid] = QuoteCluster(id=format_cluster_id(cid, QUOTES.letter), first_seen=_date(first_seen),
                                langs=tuple(dict.fromkeys(v.lang for v in variants)), variants=variants)
    return [out[i] for i in ids if i in out]


def _rows(
    conn: sqlite3.Connection, ids: Sequence[int], space: Space
) -> list[tuple[int, str | None, list[tuple[Any, ...]]]]:
    """(cluster id, first seen, its variant rows in variant order) of the
    clusters of ``space`` among ``ids``; a quotation row adds holder, index
    and speaker."""
    extra = ", v.holder, v.quote, v.speaker" if space is QUOTES else ""
    out: list[tuple[int, str | None, list[tuple[Any, ...]]]] = []
    for part in chunks(list(ids)):
        q = ",".join("?" * len(part))
        first = {
            int(cid): fs
            for cid, fs in conn.execute(f"SELECT id, first_seen FROM {space.clusters} WHERE id IN ({q})", tuple(part))
        }
        rows: dict[int, list[tuple[Any, ...]]] = {cid: [] for cid in first}
        for cid, *row in conn.execute(
            "SELECT v.cluster, v.claim, a.id, a.source, v.lang, v.published, v.similarity, v.drift"
            f"{extra} FROM {space.variants} v JOIN articles a ON a.seq = v.article WHERE v.cluster IN ({q}) "
            "ORDER BY v.cluster, v.published IS NULL, v.published, v.id",
            tuple(part),
        ):
            rows[int(cid)].append(tuple(row))
        out.extend((cid, first[cid], variants) for cid, variants in rows.items())
    return out


def term_ids(conn: sqlite3.Connection, kind: str, query: str, what: str, space: Space = CLAIMS) -> list[int]:
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
        int(tid) for tid, key in conn.execute(f"SELECT id, key FROM {space.terms} WHERE kind = ? ORDER BY id", (kind,))
        if words <= set(key.split())
    ]


def cluster_ids(conn: sqlite3.Connection, f: ClusterFilter, space: Space = CLAIMS) -> list[int]:
    """Ids of the clusters of ``space`` matching every filter of ``f``, ordered
    by first seen (undated last), then id."""
    v, vd, ct = space.variants, space.variant_drift, space.cluster_terms
    where: list[str] = []
    params: list[Any] = []
    if f.lang is not None:
        where.append(f"c.id IN (SELECT cluster FROM {v} WHERE lang = ?)")
        params.append(f.lang)
    lo, hi = _as_date(f.since, "since"), _as_date(f.until, "until")
    if lo is not None or hi is not None:
        where.append(f"c.id IN (SELECT cluster FROM {v} WHERE published >= ? AND published <= ?)")
        params += [lo or "0000-00-00", hi or "9999-99-99"]
    if f.drift_type is not None:
        if f.drift_type not in _DRIFT_TYPES:
            raise InputError(f"unknown drift type {f.drift_type!r}; known: {', '.join(_DRIFT_TYPES)}")
        where.append(f"c.id IN (SELECT cluster FROM {vd} WHERE type = ?)")
        params.append(f.drift_type)
    for kind, query, what in (("s", f.speaker, "speaker"), ("e", f.entity, "entity")):
        if query is None:
            continue
        tids = term_ids(conn, kind, query, what, space)
        if not tids:
            return []
        where.append(f"c.id IN (SELECT cluster FROM {ct} WHERE term IN ({','.join('?' * len(tids))}))")
        params += tids
    if f.min_variants > 1:
        where.append("c.size >= ?")
        params.append(int(f.min_variants))
    sql = f"SELECT c.id FROM {space.clusters} c"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.first_seen IS NULL, c.first_seen, c.id"
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(f.limit)))
    return [int(r[0]) for r in conn.execute(sql, params)]


def drifted_cluster_ids(conn: sqlite3.Connection, space: Space = CLAIMS) -> list[int]:
    """Ids of the clusters of ``space`` holding a variant with drift findings,
    ordered by first seen (undated last), then id."""
    return [
        int(r[0]) for r in conn.execute(
            f"SELECT c.id FROM {space.clusters} c WHERE c.id IN (SELECT DISTINCT cluster FROM {space.variant_drift}) "
            "ORDER BY c.first_seen IS NULL, c.first_seen, c.id"
        )
    ]


def drifted(clusters: Iterable[Any], type: str | None) -> Iterator[tuple[str, Any, Any]]:  # noqa: A002
    """(cluster id, reference, variant) for every variant of ``clusters``
    (claim or quotation clusters) with findings, of ``type`` when given."""
    for cluster in clusters:
        ref = cluster.variants[0]
        for v in cluster.variants[1:]:
            if v.drift and (type is None or any(d.type == type for d in v.drift)):
                yield cluster.id, ref, v


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """Counts: ``articles``, ``claims`` (variants), ``clusters``,
    ``multi_variant_clusters`` (seen at least twice), ``drifted_variants``;
    the same for the quotations: ``quotes``, ``quote_clusters``,
    ``multi_variant_quote_clusters``, ``drifted_quotes``."""
    q = conn.execute
    return {
        "articles": int(q("SELECT count(*) FROM articles").fetchone()[0]),
        "claims": int(q("SELECT count(*) FROM variants").fetchone()[0]),
        "clusters": int(q("SELECT count(*) FROM clusters").fetchone()[0]),
        "multi_variant_clusters": int(q("SELECT count(*) FROM clusters WHERE size > 1").fetchone()[0]),
        "drifted_variants": int(q("SELECT count(DISTINCT variant) FROM variant_drift").fetchone()[0]),
        "quotes": int(q("SELECT count(*) FROM quote_variants").fetchone()[0]),
        "quote_clusters": int(q("SELECT count(*) FROM quote_clusters").fetchone()[0]),
        "multi_variant_quote_clusters": int(q("SELECT count(*) FROM quote_clusters WHERE size > 1").fetchone()[0]),
        "drifted_quotes": int(q("SELECT count(DISTINCT variant) FROM quote_variant_drift").fetchone()[0]),
    }


def diffs_from(refs: Sequence[Claim], text: str, lang: str | None, embedder: Any, cache: Any
               ) -> list[PairDiff | None]:
    """The drift from each reference claim to the statement ``text`` (of
    language ``lang``, detected when None), in the order of ``refs``: one
    batched :func:`claimtrack.drift.diff_many` per reference language, each
    reference's speaker (name, mention, gender) passed with its offsets made
    claim-relative; None for a pair over the diff budget
    (:func:`claimtrack.drift.within_budget`), which is not diffed."""
    from ..drift import diff_many, within_budget

    by_lang: dict[str, list[int]] = {}
    for n, ref in enumerate(refs):
        if within_budget(ref.text, text):
            by_lang.setdefault(ref.lang, []).append(n)
    diffs: dict[int, PairDiff] = {}
    for ref_lang, ns in sorted(by_lang.items()):
        got = diff_many(
            [(refs[n].text, text) for n in ns], source_lang=ref_lang, target_lang=lang,
            embedder=embedder, cache=cache,
            speakers=[(sp.model_copy(update={"start": sp.start - refs[n].start, "end": sp.end - refs[n].start})
                       if (sp := refs[n].speaker) is not None else None, None) for n in ns],
        )
        diffs.update(zip(ns, got))
    return [diffs.get(n) for n in range(len(refs))]
