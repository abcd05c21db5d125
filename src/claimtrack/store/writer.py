"""The write path of the store: one article in one transaction.

:class:`ArticleWriter` extracts and encodes an article's claims, then, inside
one ``BEGIN IMMEDIATE`` transaction, brings the index up to date, asks the
:class:`~claimtrack.store.matcher.ClusterMatcher` which clusters the claims
join, stores every claim as a variant with its drift against the cluster's
reference (and its rows in the term and number tables), and makes an earlier
variant the new reference, recomputing that cluster's drift.  The in-memory
index only changes once the transaction has committed.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
from pydantic import TypeAdapter

from ..embed import Embedder, EmbeddingCache
from ..errors import StoreError
from ..models import Article, Claim, Drift
from .db import Database, chunks
from .index import ClusterIndex
from .matcher import ClusterMatcher, speaker_key
from .models import AddResult

__all__ = ["ArticleWriter"]


def _iso(d: _dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _pub_key(published: str | None) -> tuple[bool, str]:
    """Sort key of a publication date: dated first, in date order, undated last."""
    return (published is None, published or "")


_DRIFTS = TypeAdapter(tuple[Drift, ...])


def _readable(claim: Claim, drift: tuple[Drift, ...], similarity: float) -> tuple[str, str]:
    """The JSON of a variant's claim and drift, once checked to read back as
    the same records: the store refuses to write what it could not read
    (StoreError; the transaction rolls back, the store stays as it was)."""
    try:
        claim_json = claim.model_dump_json()
        drift_json = json.dumps([d.model_dump(mode="json") for d in drift], ensure_ascii=False)
        same = Claim.model_validate_json(claim_json) == claim and _DRIFTS.validate_json(drift_json) == drift
    except ValueError as exc:  # pydantic's serialisation and validation errors are ValueErrors
        raise StoreError(f"claim {claim.id!r} cannot be stored: its JSON does not read back ({exc})") from None
    if not same:
        raise StoreError(f"claim {claim.id!r} cannot be stored: its JSON reads back as another record")
    if not math.isfinite(similarity):
        raise StoreError(f"claim {claim.id!r} cannot be stored: its similarity is {similarity!r}")
    return claim_json, drift_json


def _finite(vecs: np.ndarray, rows: int = 4096) -> bool:
    """Whether every value of ``vecs`` is finite, checked ``rows`` rows at a
    time (no boolean matrix the size of the article's vectors)."""
    return all(bool(np.isfinite(vecs[s : s + rows]).all()) for s in range(0, len(vecs), rows))


class _Unchecked(NamedTuple):
    """What the writer reads of a diff, for a pair over the diff budget: the cosine, no findings."""

    similarity: float
    drift: tuple[Any, ...] = ()


class ArticleWriter:
    """Adds articles to the store behind ``db``, keeping ``index`` in step."""

    def __init__(
        self, db: Database, index: ClusterIndex, matcher: ClusterMatcher, embedder: Embedder, cache: EmbeddingCache
    ) -> None:
        self._db = db
        self._index = index
        self._matcher = matcher
        self._embedder = embedder
        self._cache = cache

    def add(
        self, article: Article, claims: Sequence[Claim] | None = None, vectors: np.ndarray | None = None
    ) -> AddResult:
        """See :meth:`claimtrack.store.Tracker.add`; ``claims``: the article's claims
        extracted elsewhere, ``vectors``: their per-text vectors computed
        elsewhere (:meth:`Tracker.add_extracted`; None: encoded here).

        Memory: the article's claims and vectors are released once stored,
        before the index takes the new clusters' rows (read back from the
        store), so they and the article's index rows are never held together.
        """
        if not isinstance(article, Article):
            raise TypeError(f"Tracker.add() takes an Article, not {type(article).__name__}")
        digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        row = self._db.read(
            lambda: self._db.conn.execute("SELECT id, claims FROM articles WHERE hash = ?", (digest,)).fetchone()
        )
        if row is not None:
            return AddResult(article_id=row[0], added=False, claims=int(row[1]), new_clusters=0, matched=0)
        from ..extract.claims import extract_claims

        found = extract_claims(article) if claims is None else list(claims)
        if vectors is not None:
            vecs = np.asarray(vectors, dtype=np.float32)
        elif found:
            vecs = self._cache.matrix(self._embedder, [c.text for c in found])
        else:
            vecs = np.zeros((0, self._index.dim), dtype=np.float32)
        if vecs.shape != (len(found), self._index.dim) or any(c.article_id != article.id for c in found):
            raise StoreError(f"the prepared claims of article {article.id!r} do not fit it: {len(found)} claims, "
                             f"vectors of shape {vecs.shape}, store dimension {self._index.dim}")
        if not _finite(vecs):
            raise StoreError(f"the embedder gave a non-finite vector for a claim of article {article.id!r}")
        result, gen = self._db.write(lambda: self._add_locked(article, digest, found, vecs))
        if gen is not None:
            del found, vecs  # stored (claims, the clusters' vector sums): released before the index grows
            self._db.read(lambda: self._index.sync(self._db.conn))  # this article's clusters, from the store
        return result

    def _add_locked(
        self, article: Article, digest: str, claims: list[Claim], vecs: np.ndarray
    ) -> tuple[AddResult, int | None]:
        conn = self._db.conn
        gen = self._index.sync(conn)
        for other_id, other_hash, n in conn.execute(
            "SELECT id, hash, claims FROM articles WHERE hash = ? OR id = ?", (digest, article.id)
        ).fetchall():
            if other_hash == digest:
                return AddResult(article_id=other_id, added=False, claims=int(n), new_clusters=0, matched=0), None
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
        links = self._matcher.match(conn, claims, vecs)
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
            self.store_claim(
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
        return result, new_gen

    def store_claim(
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
        conn = self._db.conn
        claim_json, drift_json = _readable(claim, drift, similarity)
        new = cluster is None
        if cluster is None:
            vsum = np.asarray(vec, dtype=np.float32)  # never changed in place: no copy of the claim's vector
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
            (cluster, seq, claim.id, claim.lang, published, claim_json, round(similarity, 6), drift_json, evidence),
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
        staged[cluster] = np.asarray(vsum, dtype=np.float32)
        conn.executemany(
            "INSERT OR IGNORE INTO variant_drift (type, cluster, variant) VALUES (?, ?, ?)",
            [(t, cluster, vid) for t in sorted({d.type for d in drift})],
        )
        terms = [("e", k) for k in sorted({e.key for e in claim.entities if e.key})]
        sk = speaker_key(claim)
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
        conn = self._db.conn
        rows = conn.execute(
            "SELECT id, claim FROM variants WHERE cluster = ? AND id != ? ORDER BY id", (cluster, ref_vid)
        ).fetchall()
        others = [(int(vid), Claim.model_validate_json(text)) for vid, text in rows]
        diffs = self._diffs([(ref, c) for _, c in others])
        conn.execute("DELETE FROM variant_drift WHERE cluster = ?", (cluster,))
        for (vid, claim), d in zip(others, diffs):
            _, drift_json = _readable(claim, tuple(d.drift), float(d.similarity))
            conn.execute(
                "UPDATE variants SET similarity = ?, drift = ? WHERE id = ?",
                (round(float(d.similarity), 6), drift_json, vid),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO variant_drift (type, cluster, variant) VALUES (?, ?, ?)",
                [(t, cluster, vid) for t in sorted({f.type for f in d.drift})],
            )

    def _diffs(self, pairs: list[tuple[Claim, Claim]]) -> list[Any]:
        """The diff of each (reference, variant) pair; a pair with a claim over
        the diff budget (:data:`claimtrack.drift.MAX_DIFF_CHARS`) gets its
        cosine and no findings."""
        if not pairs:
            return []
        from ..drift import diff_claims_many, within_budget

        ok = [k for k, (a, b) in enumerate(pairs) if within_budget(a.text, b.text)]
        got: dict[int, Any] = dict(zip(ok, diff_claims_many([pairs[k] for k in ok], embedder=self._embedder,
                                                            cache=self._cache))) if ok else {}
        for k, (a, b) in enumerate(pairs):
            if k not in got:
                va, vb = self._cache.encode(self._embedder, [a.text, b.text])
                got[k] = _Unchecked(similarity=round(float(np.clip(va @ vb, -1.0, 1.0)), 6))
        return [got[k] for k in range(len(pairs))]

    def _references(self, clusters: Sequence[int]) -> dict[int, tuple[int, Claim, str | None]]:
        """cluster -> (reference variant id, its claim, its publication date)."""
        out: dict[int, tuple[int, Claim, str | None]] = {}
        for part in chunks(list(clusters)):
            q = ",".join("?" * len(part))
            for cid, vid, text, pub in self._db.conn.execute(
                f"SELECT c.id, v.id, v.claim, v.published FROM clusters c JOIN variants v ON v.id = c.ref "
                f"WHERE c.id IN ({q})",
                tuple(part),
            ):
                out[int(cid)] = (int(vid), Claim.model_validate_json(text), pub)
        return out

    # ------------------------------------------------------------------ matching
