"""The store's public records: :class:`Variant`, :class:`Cluster`,
:class:`AddResult`, :class:`ClusterHit`, :class:`DriftedVariant`; and the
cluster ids ("c12") they carry."""

from __future__ import annotations

import datetime as _dt

from pydantic import Field

from ..errors import ClusterNotFoundError
from ..models import Claim, Drift, LangCode, Model

__all__ = ["Variant", "Cluster", "AddResult", "ClusterHit", "DriftedVariant", "format_cluster_id", "parse_cluster_id"]


class Variant(Model):
    """One claim of a cluster, with where and when it appeared.

    ``similarity`` and ``drift`` compare the cluster's reference (its earliest
    variant) as source with this claim as target; the reference itself has
    similarity 1.0 and no drift.  Drift spans index the claims' own texts.
    """

    claim: Claim
    article_id: str
    source: str | None = Field(default=None, description="Outlet, URL or path of the article.")
    lang: LangCode
    published: _dt.date | None = None
    similarity: float = Field(description="Embedder cosine to the cluster's earliest variant (1.0 for it).")
    drift: tuple[Drift, ...] = Field(default=(), description="Findings against the earliest variant.")


class Cluster(Model):
    """Equivalent claims (any language, any outlet) tracked over time."""

    id: str = Field(description="Store-wide id, 'c' plus a number ('c12').")
    first_seen: _dt.date | None = Field(description="Earliest publication date among the variants.")
    langs: tuple[LangCode, ...] = Field(description="Languages of the variants, in order of first appearance.")
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


def format_cluster_id(n: int) -> str:
    """The public id of cluster row ``n``: ``"c12"``."""
    return f"c{n}"


def parse_cluster_id(value: str | int) -> int:
    """The row of a cluster id (``"c12"``, ``"12"`` or 12); ClusterNotFoundError when malformed."""
    if isinstance(value, bool):
        raise ClusterNotFoundError(f"no cluster {value!r}")
    if isinstance(value, int):
        n = value
    else:
        text = str(value).strip()
        digits = text[1:] if text[:1] in ("c", "C") else text
        if not (digits.isascii() and digits.isdigit()):
            raise ClusterNotFoundError(f"no cluster {value!r} (cluster ids look like 'c12')")
        if len(digits) > 19:  # beyond SQLite's integers: no such row (and no 4,300-digit int())
            raise ClusterNotFoundError(f"no cluster {text[:24]!r}... (cluster ids look like 'c12')")
        n = int(digits)
    if not 0 <= n < 2**63:
        raise ClusterNotFoundError("no cluster with that id (cluster ids are c0 .. c9223372036854775807)")
    return n

