"""The store's public records: :class:`Variant`, :class:`Cluster`,
:class:`AddResult`, :class:`ClusterHit`, :class:`DriftedVariant`, the
quotations' :class:`QuoteVariant`, :class:`QuoteCluster` and
:class:`DriftedQuote`; and the cluster ids ("c12", "q12") they carry."""

from __future__ import annotations

import datetime as _dt

from pydantic import Field

from ..errors import ClusterNotFoundError
from ..models import Claim, Drift, LangCode, Model

__all__ = [
    "Variant", "Cluster", "AddResult", "ClusterHit", "DriftedVariant", "QuoteVariant", "QuoteCluster", "DriftedQuote",
    "format_cluster_id", "parse_cluster_id",
]


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
    quotes: int = Field(default=0, description="Quotations stored as units of their own (quote_units).")
    new_quote_clusters: int = Field(default=0, description="Quotations that started a new quotation cluster.")
    quotes_matched: int = Field(default=0, description="Quotations that joined an existing quotation cluster.")


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


class QuoteVariant(Variant):
    """One direct quotation of a quotation cluster.

    ``claim`` is the quotation as a unit of its own
    (:func:`claimtrack.alignment.quotes.quote_units`): id ``"<claim id>#<k>"``,
    text the quotation's words, speaker the one its own attribution gives
    (None when the speaker is carried from an earlier quotation), and the
    figures and names inside it.  ``similarity`` and ``drift`` compare the
    cluster's earliest quotation with this one, as
    :func:`claimtrack.align_quotes` compares two quotations (``omission``,
    ``addition``, ``number``, ... within the quotation; ``speaker`` for a
    quotation given to another person).
    """

    claim_id: str = Field(description="Id of the claim holding the quotation.")
    quote_index: int = Field(description="Index of the quotation in that claim's quotes.")
    speaker: str | None = Field(
        default=None,
        description="Who is quoted, as shown: the quotation's own attribution, else the speaker carried from an "
                    "earlier quotation (resolved name, else the mention).",
    )


class QuoteCluster(Model):
    """The same quotation (any language, any outlet, any reporting sentence) tracked over time."""

    id: str = Field(description="Store-wide id, 'q' plus a number ('q12'); quotation ids are their own.")
    first_seen: _dt.date | None = Field(description="Earliest publication date among the variants.")
    langs: tuple[LangCode, ...] = Field(description="Languages of the variants, in order of first appearance.")
    variants: tuple[QuoteVariant, ...] = Field(description="Publication order (undated last), then insertion order.")


class DriftedQuote(Model):
    """A quotation with drift findings, with its cluster's earliest quotation."""

    cluster_id: str
    reference: QuoteVariant
    variant: QuoteVariant


def format_cluster_id(n: int, letter: str = "c") -> str:
    """The public id of cluster row ``n``: ``"c12"`` (``letter="q"``: the quotation cluster ``"q12"``)."""
    return f"{letter}{n}"


def parse_cluster_id(value: str | int, letter: str = "c") -> int:
    """The row of a cluster id (``"c12"``, ``"12"`` or 12; with ``letter="q"``,
    ``"q12"``); ClusterNotFoundError when malformed."""
    what = "quotation cluster" if letter == "q" else "cluster"
    if isinstance(value, bool):
        raise ClusterNotFoundError(f"no {what} {value!r}")
    if isinstance(value, int):
        n = value
    else:
        text = str(value).strip()
        digits = text[1:] if text[:1] in (letter, letter.upper()) else text
        if not (digits.isascii() and digits.isdigit()):
            raise ClusterNotFoundError(f"no {what} {value!r} ({what} ids look like '{letter}12')")
        if len(digits) > 19:  # beyond SQLite's integers: no such row (and no 4,300-digit int())
            raise ClusterNotFoundError(f"no {what} {text[:24]!r}... ({what} ids look like '{letter}12')")
        n = int(digits)
    if not 0 <= n < 2**63:
        raise ClusterNotFoundError(f"no {what} with that id ({what} ids are {letter}0 .. {letter}9223372036854775807)")
    return n

