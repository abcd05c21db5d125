"""Cluster matching: which existing cluster, if any, each claim of an article joins.

:class:`ClusterMatcher` gathers candidates (the nearest clusters in the
:class:`~claimtrack.store.index.ClusterIndex`, plus clusters sharing a name or
a figure from the SQL term and number tables), refuses name conflicts, judges
every pair by the acceptance rule of :mod:`claimtrack.alignment.rule` against
the cluster's reference claim, and links the accepted pairs best first, each
claim and each cluster once.

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

The quotation clusters (:data:`~claimtrack.store.schema.QUOTES`) are matched
by a matcher of their own with the same rule, on the quotations' words, with
one difference: the speakers do not enter the name conflict
(``speaker_names=False``).  Who is quoted is what the quotation's drift
compares (a ``speaker`` finding, as :func:`claimtrack.align_quotes` reports
it), not a reason to keep the same words apart.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from .. import spill
from ..alignment.rule import MatchSettings, format_figure, fuzzy_similarity, judge, near_figures
from ..models import Claim
from .db import chunks
from .index import ClusterIndex, merge_top
from .schema import CLAIMS, Space

__all__ = ["ClusterMatcher", "Namespace", "speaker_key"]

_EVIDENCE_MEMO = 65536  # reference claims whose match evidence a matcher keeps parsed


# ----------------------------------------------------------------------------- the names and figures of a claim


def _figures(claim: Claim, min_figure: float) -> list[float]:
    return sorted({float(q.value) for q in claim.quantities if math.isfinite(q.value) and abs(q.value) >= min_figure})


def _entity_keys(claim: Claim) -> list[str]:
    """Name keys of ``claim`` used by matching (calendar words left out)."""
    return sorted(_name_keys(e.key for e in claim.entities))


def speaker_key(claim: Claim) -> str | None:
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


@dataclass(frozen=True, slots=True)
class _Reference:
    """What matching reads of a cluster's reference claim."""

    text: str
    lang: str
    figures: set[float]
    """Its figures of at least ``min_figure``."""
    keys: set[str]
    """Its name keys (:func:`_name_keys`)."""
    speaker: str | None
    """The entity key of its resolved speaker."""


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


# ----------------------------------------------------------------------------- the matcher


class ClusterMatcher:
    """Matches an article's claims to the clusters of a store (see
    :mod:`claimtrack.store` for the rule).

    Keeps the evidence of the reference claims it has read, memoised by their
    variant id (which never changes meaning), for the life of its Tracker.

    Args:
        settings: the store's match settings.
        index: the vector index of ``space``'s clusters.
        space: the namespace matched into (claims, or quotations).
        speaker_names: count the resolved speakers in the name conflict
            (claims); False for quotations (see the module docstring).
    """

    def __init__(
        self, settings: MatchSettings, index: ClusterIndex, space: Space = CLAIMS, *, speaker_names: bool = True
    ) -> None:
        self.settings = settings
        self.rule = settings.rule()
        self.space = space
        self.speaker_names = speaker_names
        self._index = index
        self._evidence: dict[int, _Reference] = {}

    def _key_candidates(self, conn: sqlite3.Connection, claim: Claim) -> set[int]:
        """Clusters sharing a name or (within tolerance) a figure with ``claim``,
        at most ``key_candidates`` per name / figure, from the SQL indexes."""
        s, sp = self.settings, self.space
        out: set[int] = set()
        if s.key_candidates <= 0:
            return out
        for key in _entity_keys(claim):
            out.update(
                int(r[0]) for r in conn.execute(
                    f"SELECT ct.cluster FROM {sp.terms} t JOIN {sp.cluster_terms} ct ON ct.term = t.id "
                    "WHERE t.kind = 'e' AND t.key = ? ORDER BY ct.cluster DESC LIMIT ?",
                    (key, s.key_candidates),
                )
            )
        half = max(1, s.key_candidates // 2)
        for v in _figures(claim, s.min_figure):
            lo, hi = sorted((v * (1 - s.number_tolerance), v * (1 + s.number_tolerance)))
            # the nearest figures on each side first (two index range scans)
            for sql, args in (
                (f"SELECT cluster FROM {sp.cluster_numbers} WHERE value >= ? AND value <= ? "
                 "ORDER BY value, cluster LIMIT ?", (v, hi, half)),
                (f"SELECT cluster FROM {sp.cluster_numbers} WHERE value >= ? AND value < ? "
                 "ORDER BY value DESC, cluster DESC LIMIT ?", (lo, v, half)),
            ):
                out.update(int(r[0]) for r in conn.execute(sql, args))
        return out

    def _cluster_evidence(self, conn: sqlite3.Connection, clusters: Sequence[int]) -> dict[int, _Reference]:
        """cluster -> its reference claim's (text, language, figures, name keys,
        speaker key).  One query per 500 clusters
        for their reference ids; a reference claim is parsed once per Tracker
        (memoised by its variant id, which never changes meaning), so the cost
        does not grow with the clusters' sizes or the store's."""
        from ..extract.entities import entity_key

        s = self.settings
        memo = self._evidence
        out: dict[int, _Reference] = {}
        refs: dict[int, int] = {}
        for part in chunks(list(clusters)):
            q = ",".join("?" * len(part))
            refs.update((int(c), int(r)) for c, r in conn.execute(
                f"SELECT id, ref FROM {self.space.clusters} WHERE id IN ({q})", tuple(part)))
        missing = sorted({r for r in refs.values() if r not in memo})
        for part in chunks(missing):
            q = ",".join("?" * len(part))
            for vid, text in conn.execute(f"SELECT id, claim FROM {self.space.variants} WHERE id IN ({q})",
                                          tuple(part)):
                d = json.loads(text)
                figures = {float(x["value"]) for x in d.get("quantities", ())
                           if math.isfinite(x["value"]) and abs(x["value"]) >= s.min_figure}
                keys = _name_keys(x.get("key") or "" for x in d.get("entities", ()))
                speaker = (d.get("speaker") or {}).get("name")
                if len(memo) >= _EVIDENCE_MEMO:
                    memo.pop(next(iter(memo)))
                memo[int(vid)] = _Reference(
                    d["text"], d["lang"], figures, keys, (entity_key(speaker) or None) if speaker else None
                )
        for cid, ref in refs.items():
            hit = memo.get(ref)
            if hit is not None:
                out[cid] = hit
        return out

    def match(self, conn: sqlite3.Connection, claims: list[Claim], vecs: np.ndarray) -> dict[int, tuple[int, str]]:
        """claim index -> (cluster id, evidence in words) for the claims that
        join an existing cluster (see the module docstring for the rule)."""
        s = self.settings
        if not claims or self._index.n == 0:
            return {}
        k = s.k
        top_ids, top_vals = self._index.search(vecs, max(s.candidates, k + 1))
        # each claim's candidate clusters as a sorted tuple (a set takes 216 bytes at least, a claim each)
        cand: list[tuple[int, ...]] = []
        for i, claim in enumerate(claims):
            c = {int(x) for x in top_ids[i, : s.candidates] if x >= 0}
            c |= {x for x in self._key_candidates(conn, claim) if x in self._index.row}
            cand.append(tuple(sorted(c)))
        every = sorted(set().union(*cand))
        if not every:
            return {}
        col = {cid: j for j, cid in enumerate(every)}
        columns = [[col[c] for c in cs] for cs in cand]
        own, column_top = _similarities(vecs, self._index.unit(every), columns, k + 1)
        info = self._cluster_evidence(conn, every)
        recs: list[tuple[float, int, int, str]] = []
        for i, claim in enumerate(claims):
            near_top = [(int(t), float(v)) for t, v in zip(top_ids[i], top_vals[i]) if t >= 0]
            pairs = ((cid, col[cid], info[cid]) for cid in cand[i] if cid in info)
            mine = dict(zip(columns[i], own[i].tolist()))  # this claim's cosines, made when judged
            recs.extend(self._judged(i, claim, pairs, near_top, mine, column_top))
        recs.sort(key=lambda r: (-r[0], r[1], r[2]))
        used: set[int] = set()
        out: dict[int, tuple[int, str]] = {}
        for _, i, cid, why in recs:
            if i in out or cid in used:
                continue
            out[i] = (cid, why)
            used.add(cid)
        return out

    def _judged(
        self,
        i: int,
        claim: Claim,
        pairs: Iterable[tuple[int, int, _Reference]],
        near_top: list[tuple[int, float]],
        own: dict[int, float],
        column_top: list[list[tuple[float, int]]],
    ) -> Iterator[tuple[float, int, int, str]]:
        """(rank, claim index, cluster id, evidence) of every accepted pair of
        claim ``i`` with a candidate cluster (id, column, reference): ``own``
        maps the column to claim ``i``'s cosine, ``column_top[column]`` holds
        the column's best cosines over the article's claims (:func:`_similarities`)."""
        s = self.settings
        k = s.k
        words = len(claim.text.split())
        figures = _figures(claim, s.min_figure)
        keys = set(_entity_keys(claim))
        sk = speaker_key(claim) if self.speaker_names else None
        for cid, j, ref in pairs:
            sim = own[j]
            row_n = [v for t, v in near_top if t != cid][:k]
            row_n += [s.background] * (k - len(row_n))
            col_n = [v for v, r in column_top[j] if r != i][:k]  # the cluster's k nearest other claims
            col_n += [s.background] * (k - len(col_n))
            neigh = (sum(row_n) / k + sum(col_n) / k) / 2.0
            rs = ref.speaker if self.speaker_names else None
            if s.name_conflict and _names_conflict(_names(keys, sk, rs), _names(ref.keys, rs, sk)):
                continue  # the same frame about other people, places or companies
            fz = fuzzy_similarity(claim.text, ref.text) if claim.lang == ref.lang else None
            same = sorted(v for v in figures if v in ref.figures)
            drifted = sorted(
                (v, w) for v in figures if v not in ref.figures for w in ref.figures
                if near_figures(v, w, s.number_tolerance)
            )
            names = sorted(keys & ref.keys)
            verdict = judge(
                self.rule, cosine=sim, neighbours=neigh, fuzzy=fz, words=(words, len(ref.text.split())),
                shared=len(same) + len(drifted) + len(names), shared_figure=bool(same or drifted),
            )
            if not verdict.accepted:
                continue
            ev = [f"cosine {sim:.3f}", f"margin {verdict.margin:+.3f}"]
            if fz is not None:
                ev.append(f"rapidfuzz {fz:.2f}")
            if verdict.figure:
                ev.append(f"cosine >= {s.evidence_threshold:g} with a shared figure")
            else:
                ev.append(f"similarity {verdict.similarity:.3f} >= {verdict.bar:.3f}")
            if same:
                ev.append("shared figures: " + ", ".join(format_figure(v) for v in same))
            if drifted:
                ev.append(
                    "figures within tolerance: "
                    + ", ".join(f"{format_figure(v)} ~ {format_figure(w)}" for v, w in drifted)
                )
            if names:
                ev.append("shared names: " + ", ".join(names))
            yield (verdict.rank, i, cid, "; ".join(ev))


_SIMS_BYTES = 64 << 20
"""Bytes of float64 products one block of :func:`_similarities` takes (claims x candidates, and the claims' rows)."""


def _similarities(
    vecs: np.ndarray, units: np.ndarray, wanted: Sequence[Sequence[int]], top: int
) -> tuple[list[np.ndarray], list[list[tuple[float, int]]]]:
    """The float64 cosines of an article's claims (rows of ``vecs``) with the
    candidate clusters (rows of ``units``), in blocks of claims, never the
    whole claims x candidates matrix: per claim ``i``, an array of its cosine
    with each column of ``wanted[i]``, in that order (8 bytes a cosine, not a
    dict of Python floats); per column, its ``top`` best (cosine, claim),
    best first, ties to the lower claim.  Memory: one block of
    :data:`_SIMS_BYTES`; time O(claims x candidates x dim).  An article whose
    products fit in one block is computed in one product, as before blocks
    existed."""
    b, m = len(vecs), len(units)
    u64 = units.astype(np.float64)
    rows = max(1, _SIMS_BYTES // (8 * (m + vecs.shape[1])))
    own: list[np.ndarray] = []
    best_v = np.zeros((m, 0), dtype=np.float64)
    best_r = np.zeros((m, 0), dtype=np.int64)
    for s in range(0, b, rows):
        e = min(b, s + rows)
        sims = vecs[s:e].astype(np.float64) @ u64.T  # (claims of the block) x candidates
        spill.release(vecs[s:e])
        for i in range(s, e):
            own.append(sims[i - s, list(wanted[i])])  # a copy: the block is let go
        best_v, best_r = merge_top(best_v, best_r, sims.T, s, top)  # per candidate: its best claims
        del sims
    column_top = [list(zip(best_v[j].tolist(), best_r[j].tolist())) for j in range(m)]
    return own, column_top


@dataclass(frozen=True, slots=True)
class Namespace:
    """One set of clusters at run time: its tables, its vector index, its matcher."""

    space: Space
    index: ClusterIndex
    matcher: ClusterMatcher
