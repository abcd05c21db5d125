"""Whether a store file is whole, and the one place raw errors become :class:`StoreError`.

A claim store can be damaged or tampered with outside claimtrack: a setting
that is not JSON, a missing key, a dropped table or column, a vector of the
wrong length, overwritten pages.  :func:`check_layout` and
:func:`parse_settings` run on open (O(tables), no scan of the data);
everything found later, while reading rows, goes through :func:`damaged`,
which names the store and the cause.  Nothing here repairs a store: a damaged
store is reported, never silently rewritten.
"""

from __future__ import annotations

import json
import math
import sqlite3
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..alignment.rule import MatchSettings
from ..errors import ClaimtrackError, StoreError
from ..models import Claim, Drift
from .schema import SCHEMA

__all__ = [
    "REQUIRED_SETTINGS", "check_layout", "parse_settings", "damaged", "is_damage", "is_read_only_error", "readable",
]

REQUIRED_SETTINGS: tuple[str, ...] = (
    "format", "schema_version", "claimtrack_version", "embedder", "embedder_fingerprint", "dim", "match", "drift",
)
"""The keys every claim store records in its ``settings`` table."""


@lru_cache(maxsize=1)
def expected_columns() -> dict[str, tuple[str, ...]]:
    """Table -> column names of the current :data:`~claimtrack.store.schema.SCHEMA` (built in memory once)."""
    conn = sqlite3.connect(":memory:")
    try:
        for stmt in SCHEMA.split(";"):
            if stmt.strip():
                conn.execute(stmt)
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: tuple(r[1] for r in conn.execute(f"PRAGMA table_info({t})")) for t in tables}
    finally:
        conn.close()


def check_layout(conn: sqlite3.Connection, path: str) -> None:
    """StoreError when a table or a column of the schema is missing."""
    for table, columns in expected_columns().items():
        found = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if not found:
            raise StoreError(f"claim store {path!r} is damaged: it has no table {table!r}")
        missing = [c for c in columns if c not in found]
        if missing:
            raise StoreError(f"claim store {path!r} is damaged: table {table!r} lacks column(s) {', '.join(missing)}")


def parse_settings(info: dict[str, str], path: str, dim: int) -> tuple[MatchSettings, dict[str, Any]]:
    """The recorded match settings and ``info`` parsed (``dim`` an int, ``match``/``drift`` from JSON).

    Raises:
        StoreError: a key is missing, ``dim`` is not the embedder's, or a
            JSON setting does not parse.
    """
    missing = [k for k in REQUIRED_SETTINGS if k not in info]
    if missing:
        raise StoreError(f"claim store {path!r} is damaged: its settings lack {', '.join(missing)}")
    parsed: dict[str, Any] = dict(info)
    try:
        parsed["dim"] = int(info["dim"])
    except (TypeError, ValueError):
        raise StoreError(f"claim store {path!r} is damaged: setting 'dim' is {info['dim']!r}, not a number") from None
    if parsed["dim"] != dim:
        raise StoreError(
            f"claim store {path!r} records vectors of {parsed['dim']} dimensions; the embedder gives {dim}"
        )
    try:
        stored = MatchSettings.model_validate_json(info["match"])
        parsed["match"] = json.loads(info["match"])
    except (ValidationError, ValueError) as exc:
        raise StoreError(f"claim store {path!r} is damaged: setting 'match' is not valid ({_first_line(exc)})") from None
    try:
        parsed["drift"] = json.loads(info["drift"])
    except ValueError as exc:
        raise StoreError(f"claim store {path!r} is damaged: setting 'drift' is not JSON ({exc})") from None
    return stored, parsed


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    if isinstance(exc, ValidationError):  # "1 validation error for X\nfield\n  message": keep field and message
        lines = [ln.strip() for ln in text.splitlines()[1:3]]
        return ": ".join(ln for ln in lines if ln) or text.splitlines()[0]
    return text.splitlines()[0] if text else type(exc).__name__


def is_read_only_error(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite refusing to write a file it can only read."""
    msg = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("readonly" in msg or "read-only" in msg)


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc``, raised while reading or writing a store, comes from the
    store's content (SQLite errors, rows that do not parse) rather than from
    claimtrack's own checks (a :class:`ClaimtrackError` passes through)."""
    if isinstance(exc, ClaimtrackError):
        return False
    return isinstance(exc, (sqlite3.DatabaseError, ValidationError, ValueError, KeyError, TypeError, IndexError))


def damaged(path: str, exc: BaseException) -> StoreError:
    """The StoreError that reports ``exc`` (see :func:`is_damage`) for the store at ``path``."""
    msg = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and "full" in msg:
        return StoreError(f"claim store {path!r}: the disk is full ({exc}); the store is as it was before this write")
    if is_read_only_error(exc):
        return StoreError(f"claim store {path!r} cannot be written ({exc}); reports, show and find work read-only")
    if isinstance(exc, sqlite3.OperationalError) and "disk i/o" in msg:
        return StoreError(f"claim store {path!r}: disk I/O error ({exc})")
    return StoreError(
        f"claim store {path!r} is damaged or was changed outside claimtrack: {type(exc).__name__}: {_first_line(exc)}"
    )


_DRIFTS = TypeAdapter(tuple[Drift, ...])


def readable(claim: Claim, drift: tuple[Drift, ...], similarity: float) -> tuple[str, str]:
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
