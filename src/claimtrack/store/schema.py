"""The SQLite layout of a claim store: :data:`SCHEMA_VERSION`, the DDL and the two namespaces.

A store holds two sets of clusters that never mix: the claims' (tables
``clusters``, ``variants``, ...; ids ``c12``) and the direct quotations'
(the same tables prefixed ``quote_``; ids ``q12``).  :class:`Space` names the
tables of one of them, so the matching and writing code runs on either;
:data:`CLAIMS` and :data:`QUOTES` are the two.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SCHEMA_VERSION", "FORMAT", "SCHEMA", "Space", "CLAIMS", "QUOTES", "MIGRATABLE"]

SCHEMA_VERSION = 2
"""Version of the SQLite layout.  Version 1 (no quotation tables) is migrated
when opened for writing (:meth:`claimtrack.store.Tracker`); other versions are refused."""

MIGRATABLE = (1,)
"""Older schema versions a Tracker upgrades in place when it may write the store."""


@dataclass(frozen=True, slots=True)
class Space:
    """The tables of one namespace of clusters: claims or quotations."""

    kind: str
    """``"claim"`` or ``"quote"``."""
    prefix: str
    """Prefix of its table names (``""`` or ``"quote_"``)."""
    letter: str
    """First letter of its cluster ids (``c12``, ``q12``)."""

    @property
    def clusters(self) -> str:
        return f"{self.prefix}clusters"

    @property
    def variants(self) -> str:
        return f"{self.prefix}variants"

    @property
    def variant_drift(self) -> str:
        return f"{self.prefix}variant_drift"

    @property
    def terms(self) -> str:
        return f"{self.prefix}terms"

    @property
    def cluster_terms(self) -> str:
        return f"{self.prefix}cluster_terms"

    @property
    def cluster_numbers(self) -> str:
        return f"{self.prefix}cluster_numbers"


CLAIMS = Space("claim", "", "c")
"""The claim clusters (schema version 1's tables, unchanged)."""

QUOTES = Space("quote", "quote_", "q")
"""The quotation clusters (:func:`claimtrack.alignment.quotes.quote_units`)."""

FORMAT = "claimtrack-store"
"""The ``format`` setting every claim store records."""

def _cluster_tables(space: Space, extra_columns: str = "", extra_indexes: str = "") -> str:
    """The DDL of one namespace's tables: clusters, variants and the query indexes."""
    p = space.prefix
    return f"""
CREATE TABLE IF NOT EXISTS {p}clusters (
    id INTEGER PRIMARY KEY,
    ref INTEGER NOT NULL,
    first_seen TEXT,
    size INTEGER NOT NULL,
    vsum BLOB NOT NULL,
    updated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS {p}clusters_updated ON {p}clusters (updated);
CREATE INDEX IF NOT EXISTS {p}clusters_first_seen ON {p}clusters (first_seen);
CREATE TABLE IF NOT EXISTS {p}variants (
    id INTEGER PRIMARY KEY,
    cluster INTEGER NOT NULL,
    article INTEGER NOT NULL,
    claim_id TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL,
    published TEXT,
    claim TEXT NOT NULL,
    similarity REAL NOT NULL,
    drift TEXT NOT NULL,
    evidence TEXT NOT NULL{extra_columns}
);
CREATE INDEX IF NOT EXISTS {p}variants_cluster ON {p}variants (cluster, published);
CREATE INDEX IF NOT EXISTS {p}variants_lang ON {p}variants (lang, cluster);
CREATE INDEX IF NOT EXISTS {p}variants_published ON {p}variants (published, cluster);{extra_indexes}
CREATE TABLE IF NOT EXISTS {p}variant_drift (
    type TEXT NOT NULL,
    cluster INTEGER NOT NULL,
    variant INTEGER NOT NULL,
    PRIMARY KEY (type, cluster, variant)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS {p}variant_drift_cluster ON {p}variant_drift (cluster);
CREATE TABLE IF NOT EXISTS {p}terms (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    UNIQUE (kind, key)
);
CREATE TABLE IF NOT EXISTS {p}cluster_terms (
    term INTEGER NOT NULL,
    cluster INTEGER NOT NULL,
    PRIMARY KEY (term, cluster)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS {p}cluster_numbers (
    value REAL NOT NULL,
    cluster INTEGER NOT NULL,
    PRIMARY KEY (value, cluster)
) WITHOUT ROWID;"""


SCHEMA = """
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
);""" + _cluster_tables(CLAIMS) + _cluster_tables(
    QUOTES,
    extra_columns=",\n    holder TEXT NOT NULL,\n    quote INTEGER NOT NULL,\n    speaker TEXT",
    extra_indexes="\nCREATE INDEX IF NOT EXISTS quote_variants_article ON quote_variants (article);",
) + "\n"
# settings     key -> value (format, schema_version, claimtrack_version, embedder, embedder_fingerprint,
#              dim, match (MatchSettings JSON), drift (claimtrack.drift.config() JSON))
# state        the generation, +1 per committed article (lets other Trackers catch up)
# articles     one row per stored text; claims = number of claims extracted
# clusters     ref = the reference (earliest) variant; vsum = float32 sum of the variants' vectors;
#              updated = generation of the last change (vector index catch-up)
# variants     claim = Claim JSON; drift = Drift list JSON vs the reference; evidence = why it joined
# variant_drift, cluster_terms (names 'e', speakers 's'), cluster_numbers: the query / candidate indexes
# quote_*      the same for the quotation clusters (ids of their own); a quote variant's claim is the
#              quotation unit (Claim JSON, id "<claim id>#<k>", text its words, speaker its own attribution's),
#              holder / quote = the claim holding it and its index in Claim.quotes, speaker = the speaker
#              shown (its own attribution's, else carried from an earlier quotation); 's' terms index the
#              shown speaker, 'e' terms and numbers the names and figures inside the quotation

