"""The write path of the store: one article in one transaction.

:class:`ArticleWriter` extracts and encodes an article's claims and its
quotation units (:func:`claimtrack.alignment.quotes.quote_units`), then,
inside one ``BEGIN IMMEDIATE`` transaction, brings the indexes up to date and,
for each namespace (:class:`Namespace`: the claims, then the quotations),
asks its :class:`~claimtrack.store.matcher.ClusterMatcher` which clusters the
items join, stores every item as a variant with its drift against the
cluster's reference (and its rows in the term and number tables), and makes
an earlier variant the new reference, recomputing that cluster's drift.  The
in-memory indexes only change once the transaction has committed.

A quotation's drift is :func:`claimtrack.align_quotes`' drift: both
quotations as claims of their own through
:func:`claimtrack.drift.diff_claims_many` (``speaker``, ``omission``, ...);
:func:`claimtrack.store.quotes.backfill` upgrades a schema version 1 store.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

from .. import spill
from ..embed import Embedder, EmbeddingCache
from ..errors import StoreError
from ..models import Article, Claim, Drift
from .db import Database, chunks
from .encoding import finite
from .index import ClusterIndex
from .integrity import readable
from .matcher import ClusterMatcher, Namespace, speaker_key
from .models import AddResult
from .quotes import Quoted, quoted_units, speaker_term
from .schema import CLAIMS, QUOTES, Space

_RELEASE_ROWS = 4096
"""Claims stored between two hand-backs of a file-backed vector matrix's pages (:mod:`claimtrack.spill`)."""

__all__ = ["ArticleWriter", "Namespace"]


def _iso(d: _dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _pub_key(published: str | None) -> tuple[bool, str]:
    """Sort key of a publication date: dated first, in date order, undated last."""
    return (published is None, published or "")


class _Unchecked(NamedTuple):
    """What the writer reads of a diff, for a pair over the diff budget: the cosine, no findings."""

    similarity: float
    drift: tuple[Any, ...] = ()


class ArticleWriter:
    """Adds articles to the store behind ``db``, keeping the claim ``index``
    and the quotation index of ``quotes`` in step.

    Args:
        db: the store.
        index, matcher: the claim clusters' vector index and matcher.
        embedder, cache: the per-text encoder and its cache.
        quotes: the quotation clusters' index and matcher (their space is
            :data:`~claimtrack.store.schema.QUOTES`).
    """

    def __init__(
        self, db: Database, index: ClusterIndex, matcher: ClusterMatcher, embedder: Embedder, cache: EmbeddingCache,
        quotes: tuple[ClusterIndex, ClusterMatcher],
    ) -> None:
        self.db = db
        self._index = index
        self._embedder = embedder
        self._cache = cache
        self._claims = Namespace(CLAIMS, index, matcher)
        self.quotes = Namespace(QUOTES, quotes[0], quotes[1])
        """The quotation clusters' namespace (``db``: the store written)."""

    def add(
        self, article: Article, claims: Sequence[Claim] | None = None, vectors: np.ndarray | None = None
    ) -> AddResult:
        """See :meth:`claimtrack.store.Tracker.add`; ``claims``: the article's claims
        extracted elsewhere, ``vectors``: their per-text vectors computed
        elsewhere (:meth:`Tracker.add_extracted`; None: encoded here).

        Memory: the claims' vectors encoded here are let go once the claims
        are placed, before the quotation units are made and encoded, so the
        two sets of vectors are never held together; the article's claims and
        vectors are released once stored, before the claim index takes the
        new clusters' rows (read back from the store), so they and the
        article's index rows are never held together either; the quotation
        index reads its new rows at the start of the next write.
        """
        if not isinstance(article, Article):
            raise TypeError(f"Tracker.add() takes an Article, not {type(article).__name__}")
        digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        known = self.db.read(lambda: self._stored(digest, None))
        if known is not None:
            return known
        from ..extract.claims import extract_claims

        found = extract_claims(article) if claims is None else list(claims)
        if vectors is not None:
            vecs = np.asarray(vectors, dtype=np.float32)
        else:
            vecs = self.encode(found)
        if vecs.shape != (len(found), self._index.dim) or any(c.article_id != article.id for c in found):
            raise StoreError(f"the prepared claims of article {article.id!r} do not fit it: {len(found)} claims, "
                             f"vectors of shape {vecs.shape}, store dimension {self._index.dim}")
        if not finite(vecs):
            raise StoreError(f"the embedder gave a non-finite vector for a claim of article {article.id!r}")
        # the claims' vectors encoded here are let go once the claims are placed, before the quotation units
        # are made and encoded (inside the transaction): the two sets of vectors are never held together
        held: list[np.ndarray | None] = [vecs if vectors is None else None]
        given = None if vectors is None else vecs
        del vecs
        result, gen = self.db.write(lambda: self._add_locked(article, digest, found, given, held))
        if gen is not None:
            del found, held, given  # stored: released before the index grows
            # this article's claim clusters, from the store; the quotation index catches up at the start of
            # the next write (as with another Tracker's commits), so one big article's claims are never
            # held with both indexes' new rows
            self.db.read(lambda: self._index.sync(self.db.conn))
        return result

    def encode(self, units: Sequence[Claim]) -> np.ndarray:
        """The per-text vectors of claims or quotation units (each text encoded alone)."""
        if not units:
            return np.zeros((0, self._index.dim), dtype=np.float32)
        return np.asarray(self._cache.matrix(self._embedder, [u.text for u in units]), dtype=np.float32)

    def _sync(self) -> int:
        """Bring both indexes up to the store's generation (in a transaction)."""
        conn = self.db.conn
        gen = self._index.sync(conn)
        self.quotes.index.sync(conn)
        return gen

    def _stored(self, digest: str, article_id: str | None) -> AddResult | None:
        """The AddResult of a text already stored (by hash), None when it is
        not; StoreError when ``article_id`` is stored with another text."""
        conn = self.db.conn
        row = conn.execute("SELECT seq, id, claims FROM articles WHERE hash = ?", (digest,)).fetchone()
        if row is not None:
            seq, other_id, n = row
            q = int(conn.execute("SELECT count(*) FROM quote_variants WHERE article = ?", (seq,)).fetchone()[0])
            return AddResult(article_id=other_id, added=False, claims=int(n), new_clusters=0, matched=0,
                             quotes=q, new_quote_clusters=0, quotes_matched=0)
        if article_id is not None and conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
            raise StoreError(
                f"article id {article_id!r} is already stored with a different text; "
                "give the new version its own id"
            )
        return None

    def _add_locked(
        self, article: Article, digest: str, claims: list[Claim], given: np.ndarray | None,
        held: list[np.ndarray | None],
    ) -> tuple[AddResult, int | None]:
        """The body of :meth:`add`'s transaction: the claims, then the
        quotation units made from them.  The claims' vectors are ``given``
        (computed elsewhere), or encoded by :meth:`add` and ``held[0]`` until
        the claims are placed, then let go; a body run again (a busy error in
        a store without WAL) encodes them again, the same vectors, since every
        text is encoded alone."""
        conn = self.db.conn
        gen = self._sync()
        known = self._stored(digest, article.id)
        if known is not None:
            return known, None
        new_gen = gen + 1
        published = _iso(article.published)
        seq = conn.execute(
            "INSERT INTO articles (id, hash, lang, source, published, claims) VALUES (?, ?, ?, ?, ?, ?)",
            (article.id, digest, article.lang, article.source, published, len(claims)),
        ).lastrowid
        assert seq is not None
        vecs = given if given is not None else held[0] if held[0] is not None else self.encode(claims)
        held[0] = None
        matched = self.place(self._claims, seq, published, claims, vecs, new_gen)[0]  # its staged sums: views of vecs
        del vecs
        units, quoted = quoted_units(claims)
        qvecs = self.encode(units)
        if not finite(qvecs):
            raise StoreError(f"the embedder gave a non-finite vector for a quotation of article {article.id!r}")
        qmatched = self.place(self.quotes, seq, published, units, qvecs, new_gen, quoted)[0]
        conn.execute("UPDATE state SET generation = ? WHERE id = 1", (new_gen,))
        result = AddResult(
            article_id=article.id, added=True, claims=len(claims), new_clusters=len(claims) - matched, matched=matched,
            quotes=len(units), new_quote_clusters=len(units) - qmatched, quotes_matched=qmatched,
        )
        return result, new_gen

    def place(
        self, ns: Namespace, seq: int, published: str | None, items: list[Claim], vecs: np.ndarray,
        generation: int, quoted: Sequence[Quoted] | None = None,
    ) -> tuple[int, dict[int, np.ndarray]]:
        """Match ``items`` (an article's claims, or its quotation units with
        ``quoted``) to the clusters of ``ns`` and store each as a variant.
        Returns how many joined a cluster, and the new vector sums of the
        clusters touched."""
        conn = self.db.conn
        staged: dict[int, np.ndarray] = {}
        if not items:
            return 0, staged
        links = ns.matcher.match(conn, items, vecs)
        refs = self._references(sorted({cid for cid, _ in links.values()}), ns.space)
        # a variant dated before the reference becomes the reference
        new_ref = {
            i for i, (cid, _) in links.items() if _pub_key(published) < _pub_key(refs[cid][2])
        }
        joins = [i for i in sorted(links) if i not in new_ref]
        diffs = dict(zip(joins, self._diffs([(refs[links[i][0]][1], items[i]) for i in joins])))
        for i, claim in enumerate(items):
            link = links.get(i)
            where: dict[str, Any] = {} if quoted is None else {"ns": ns, "quoted": quoted[i]}
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
                generation=generation,
                staged=staged,
                **where,
            )
            if i % _RELEASE_ROWS == _RELEASE_ROWS - 1:
                spill.release(vecs)  # the rows stored so far, of a file-backed matrix, back to the page cache
        spill.release(vecs)
        return len(links), staged

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
        ns: Namespace | None = None,
        quoted: Quoted | None = None,
    ) -> None:
        """Write one claim as a variant (of a new cluster when ``cluster`` is
        None) with its index rows; stage the cluster's new vector sum.
        ``ns``: the namespace (default the claims'); ``quoted``: where a
        quotation unit comes from (the quotations' namespace)."""
        conn = self.db.conn
        ns = ns if ns is not None else self._claims
        sp = ns.space
        claim_json, drift_json = readable(claim, drift, similarity)
        new = cluster is None
        if cluster is None:
            vsum = np.asarray(vec, dtype=np.float32)  # never changed in place: no copy of the claim's vector
            cluster = conn.execute(
                f"INSERT INTO {sp.clusters} (ref, first_seen, size, vsum, updated) VALUES (-1, ?, 1, ?, ?)",
                (published, vsum.tobytes(), generation),
            ).lastrowid
            assert cluster is not None
        else:
            base = staged.get(cluster)
            vsum = (base if base is not None else ns.index.sum_of(cluster)) + np.asarray(vec, dtype=np.float32)
        row = (cluster, seq, claim.id, claim.lang, published, claim_json, round(similarity, 6), drift_json, evidence)
        if quoted is None:
            vid = conn.execute(
                f"INSERT INTO {sp.variants} (cluster, article, claim_id, lang, published, claim, similarity, drift, "
                "evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row,
            ).lastrowid
            sk = speaker_key(claim)
        else:
            vid = conn.execute(
                f"INSERT INTO {sp.variants} (cluster, article, claim_id, lang, published, claim, similarity, drift, "
                "evidence, holder, quote, speaker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*row, quoted.holder, quoted.quote, quoted.speaker.label if quoted.speaker is not None else None),
            ).lastrowid
            sk = speaker_term(quoted.speaker)  # the speaker shown, which the speaker filter finds
        assert vid is not None  # an INSERT always sets lastrowid
        if new:
            conn.execute(f"UPDATE {sp.clusters} SET ref = ? WHERE id = ?", (vid, cluster))
        else:
            conn.execute(
                f"UPDATE {sp.clusters} SET size = size + 1, vsum = ?, updated = ?, "
                "first_seen = CASE WHEN first_seen IS NULL OR (? IS NOT NULL AND ? < first_seen) "
                "THEN ? ELSE first_seen END WHERE id = ?",
                (vsum.astype(np.float32).tobytes(), generation, published, published, published, cluster),
            )
        staged[cluster] = np.asarray(vsum, dtype=np.float32)
        conn.executemany(
            f"INSERT OR IGNORE INTO {sp.variant_drift} (type, cluster, variant) VALUES (?, ?, ?)",
            [(t, cluster, vid) for t in sorted({d.type for d in drift})],
        )
        terms = [("e", k) for k in sorted({e.key for e in claim.entities if e.key})]
        if sk:
            terms.append(("s", sk))
        for kind, key in terms:
            conn.execute(f"INSERT OR IGNORE INTO {sp.terms} (kind, key) VALUES (?, ?)", (kind, key))
            tid = conn.execute(f"SELECT id FROM {sp.terms} WHERE kind = ? AND key = ?", (kind, key)).fetchone()[0]
            conn.execute(f"INSERT OR IGNORE INTO {sp.cluster_terms} (term, cluster) VALUES (?, ?)", (tid, cluster))
        conn.executemany(
            f"INSERT OR IGNORE INTO {sp.cluster_numbers} (value, cluster) VALUES (?, ?)",
            [(float(q.value), cluster) for q in claim.quantities if math.isfinite(q.value)],
        )
        if becomes_reference:
            conn.execute(f"UPDATE {sp.clusters} SET ref = ? WHERE id = ?", (vid, cluster))
            self._recompute(cluster, vid, claim, sp)

    def _recompute(self, cluster: int, ref_vid: int, ref: Claim, space: Space = CLAIMS) -> None:
        """The reference of ``cluster`` changed: redo every variant's similarity
        and drift against it.  O(cluster size) diffs."""
        conn = self.db.conn
        rows = conn.execute(
            f"SELECT id, claim FROM {space.variants} WHERE cluster = ? AND id != ? ORDER BY id", (cluster, ref_vid)
        ).fetchall()
        others = [(int(vid), Claim.model_validate_json(text)) for vid, text in rows]
        diffs = self._diffs([(ref, c) for _, c in others])
        conn.execute(f"DELETE FROM {space.variant_drift} WHERE cluster = ?", (cluster,))
        for (vid, claim), d in zip(others, diffs):
            _, drift_json = readable(claim, tuple(d.drift), float(d.similarity))
            conn.execute(
                f"UPDATE {space.variants} SET similarity = ?, drift = ? WHERE id = ?",
                (round(float(d.similarity), 6), drift_json, vid),
            )
            conn.executemany(
                f"INSERT OR IGNORE INTO {space.variant_drift} (type, cluster, variant) VALUES (?, ?, ?)",
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

    def _references(
        self, clusters: Sequence[int], space: Space = CLAIMS
    ) -> dict[int, tuple[int, Claim, str | None]]:
        """cluster -> (reference variant id, its claim, its publication date)."""
        out: dict[int, tuple[int, Claim, str | None]] = {}
        for part in chunks(list(clusters)):
            q = ",".join("?" * len(part))
            for cid, vid, text, pub in self.db.conn.execute(
                f"SELECT c.id, v.id, v.claim, v.published FROM {space.clusters} c JOIN {space.variants} v "
                "ON v.id = c.ref "
                f"WHERE c.id IN ({q})",
                tuple(part),
            ):
                out[int(cid)] = (int(vid), Claim.model_validate_json(text), pub)
        return out

    # ------------------------------------------------------------------ matching
