"""The SQLite layout of a claim store: :data:`SCHEMA_VERSION` and the DDL."""

from __future__ import annotations

__all__ = ["SCHEMA_VERSION", "FORMAT", "SCHEMA"]

SCHEMA_VERSION = 1
"""Version of the SQLite layout; a store of another version is refused."""

FORMAT = "claimtrack-store"
"""The ``format`` setting every claim store records."""

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

