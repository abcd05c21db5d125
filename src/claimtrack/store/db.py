"""The store's SQLite database: connection, transactions and the checks on open.

:class:`Database` opens (or creates) a store file in WAL mode, checks that it
is a claimtrack store of this schema version (a version 1 store opened for
writing gets the new, empty tables and is upgraded by the Tracker:
:meth:`Database.upgrade`) built with the same embedder and
match settings (warning when the drift settings changed), and runs bodies in
write transactions (:meth:`Database.write`, ``BEGIN IMMEDIATE`` with retry)
or on read snapshots (:meth:`Database.read`).  A store the user may read but
not write opens read-only (``mode=ro``, or ``immutable=1`` when SQLite cannot
share the write-ahead log's index): reads work, writes raise
:class:`~claimtrack.errors.StoreError`.  An error from the store's content
(SQLite, a row that does not parse) becomes a StoreError naming the cause
(:mod:`.integrity`).
"""

from __future__ import annotations

import json
import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from .._version import __version__
from ..alignment.rule import MatchSettings
from ..embed import Embedder
from ..errors import StoreBusyError, StoreError
from .integrity import check_layout, damaged, is_damage, is_read_only_error, parse_settings
from .schema import FORMAT, MIGRATABLE, SCHEMA, SCHEMA_VERSION

logger = logging.getLogger("claimtrack")

__all__ = ["Database", "chunks"]

T = TypeVar("T")

_CHUNK = 500  # ids per "IN (...)" list
_BUSY_MS = 5  # SQLite busy_timeout once open: writers poll BEGIN IMMEDIATE themselves (see Database.write)


def chunks(items: Sequence[T], size: int = _CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size`` (ids per ``IN (...)`` list)."""
    for s in range(0, len(items), size):
        yield items[s : s + size]


def _is_busy(exc: BaseException) -> bool:
    msg = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in msg or "busy" in msg)


def _warn_if_drift_changed(path: str, recorded: Any) -> None:
    """Warn when this claimtrack computes drift with other settings than the
    store recorded: findings stored before and after would not compare."""
    from ..drift import config as drift_config

    current = json.loads(json.dumps(drift_config(), sort_keys=True, default=str))
    if not isinstance(recorded, dict) or recorded == current:
        return
    keys = sorted(k for k in set(recorded) | set(current) if recorded.get(k) != current.get(k))
    shown = ", ".join(keys[:6]) + (f" and {len(keys) - 6} more" if len(keys) > 6 else "")
    logger.warning(
        "claim store %r recorded other drift settings than this claimtrack (%s) uses (they differ in: %s); "
        "findings stored before and after this point were computed differently", path, __version__, shown)


class Database:
    """One connection to a claim store file, with its recorded settings.

    Args:
        path: the store file.
        embedder: the Tracker's encoder (its fingerprint must match the store's).
        settings: match settings for a new store; an existing store's must equal them.
        create: create the store when ``path`` does not exist (else raise).
        timeout: seconds a write waits for other writers.
        read_only: open for reading only; None (the default) opens read-write
            when the file and its folder are writable, else read-only.

    Attributes:
        read_only: whether the store is open for reading only.
        conn: the connection (autocommit mode; transactions are explicit).
        settings: the recorded :class:`~claimtrack.alignment.rule.MatchSettings`.
        info: the ``settings`` table, with ``dim`` as an int and ``match`` /
            ``drift`` parsed from JSON.
        upgrade_from: the older schema version (:data:`~.schema.MIGRATABLE`)
            of a store opened for writing, whose new tables exist but are not
            filled yet (the :class:`~claimtrack.store.Tracker` fills them and
            records the new version: :meth:`upgrade`); None for a current store.
    """

    def __init__(
        self,
        path: Path,
        embedder: Embedder,
        settings: MatchSettings | None,
        *,
        create: bool,
        timeout: float,
        read_only: bool | None = None,
    ) -> None:
        self.path = path
        self._timeout = timeout
        self.upgrade_from: int | None = None
        exists = self.path.exists()
        if (not create or read_only) and not exists:
            raise StoreError(f"no claim store at {str(self.path)!r}")
        if exists and self.path.is_dir():
            raise StoreError(f"{str(self.path)!r} is a directory, not a claim store")
        if read_only is None:
            read_only = exists and not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK))
        self.closed = True
        try:
            self._connect(settings, embedder, read_only)
        except sqlite3.OperationalError as exc:
            if read_only or not exists or not is_read_only_error(exc):
                raise StoreError(f"cannot open the claim store {str(self.path)!r}: {exc}") from None
            self._connect(settings, embedder, True)  # readable, not writable: open it for reading
        self.closed = False

    def _connect(self, settings: MatchSettings | None, embedder: Embedder, read_only: bool) -> None:
        """Open :attr:`conn` and check the store; read-only: ``mode=ro``, then ``immutable=1``."""
        self.read_only = read_only
        modes = ("ro", "immutable") if read_only else ("rw",)
        for n, mode in enumerate(modes):
            try:
                if mode == "rw":
                    self.conn = sqlite3.connect(str(self.path), timeout=self._timeout, isolation_level=None)
                else:
                    query = "mode=ro" if mode == "ro" else "immutable=1"
                    uri = f"file:{quote(str(self.path.resolve()))}?{query}"
                    self.conn = sqlite3.connect(uri, uri=True, timeout=self._timeout, isolation_level=None)
            except sqlite3.Error as exc:
                raise StoreError(f"cannot open the claim store {str(self.path)!r}: {exc}") from None
            try:
                self.conn.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
                self.settings, self.info = self._init_store(settings, embedder)
                self.conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
                return
            except sqlite3.OperationalError as exc:
                self.conn.close()
                if n + 1 < len(modes):
                    continue  # mode=ro cannot open the write-ahead log's index: read the file as it is
                if mode == "rw" and is_read_only_error(exc):
                    raise
                raise StoreError(f"{str(self.path)!r} is not a readable claimtrack store ({exc})") from None
            except sqlite3.DatabaseError as exc:
                self.conn.close()
                raise StoreError(f"{str(self.path)!r} is not a claimtrack store or is damaged ({exc})") from None
            except BaseException:
                self.conn.close()
                raise

    # ------------------------------------------------------------------ setup

    def _init_store(self, given: MatchSettings | None, embedder: Embedder) -> tuple[MatchSettings, dict[str, Any]]:
        conn = self.conn
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "settings" not in tables:
            raise StoreError(f"{str(self.path)!r} is an SQLite database but not a claimtrack store")
        if "settings" not in tables and self.read_only:
            raise StoreError(f"{str(self.path)!r} is not a claimtrack store (and it is open read-only)")
        if not self.read_only:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            del mode  # WAL is persistent; a file system without shared memory keeps the rollback journal
            conn.execute("PRAGMA synchronous = NORMAL")
        if "settings" not in tables:
            self.write(lambda: self._create_schema(given or MatchSettings(), embedder))
        info = {str(k): v for k, v in conn.execute("SELECT key, value FROM settings")}
        if info.get("format") != FORMAT:
            raise StoreError(f"{str(self.path)!r} is not a claimtrack store")
        old = next((v for v in MIGRATABLE if info.get("schema_version") == str(v)), None)
        if old is not None:
            if self.read_only:
                raise StoreError(
                    f"claim store {str(self.path)!r} has schema version {old}, from before the quotation clusters; "
                    f"open it once where it may be written (any 'claimtrack track' command, or ct.Tracker(path)) to "
                    f"upgrade it in place to version {SCHEMA_VERSION}, or rebuild it: 'claimtrack track add' of its "
                    "articles into a new store"
                )
            self.write(self._create_tables)  # empty, and CREATE ... IF NOT EXISTS: the version stays until filled
            self.upgrade_from = old
        elif info.get("schema_version") != str(SCHEMA_VERSION):
            raise StoreError(
                f"claim store {str(self.path)!r} has schema version {info.get('schema_version')}; "
                f"this claimtrack ({__version__}) reads version {SCHEMA_VERSION}"
            )
        fp = embedder.fingerprint
        if info.get("embedder_fingerprint") != fp:
            raise StoreError(
                f"claim store {str(self.path)!r} was built with embedder {info.get('embedder_fingerprint')!r}; "
                f"this Tracker uses {fp!r} (vectors of different encoders do not compare)"
            )
        check_layout(conn, str(self.path))
        stored, parsed = parse_settings(info, str(self.path), int(embedder.dim))
        if given is not None and given != stored:
            diff = ", ".join(
                f"{k}={getattr(stored, k)!r} (given {getattr(given, k)!r})"
                for k in MatchSettings.model_fields
                if getattr(stored, k) != getattr(given, k)
            )
            raise StoreError(f"claim store {str(self.path)!r} was built with other match settings: {diff}")
        _warn_if_drift_changed(str(self.path), parsed["drift"])
        return stored, parsed

    def _create_tables(self) -> None:
        """Every table and index of :data:`~.schema.SCHEMA` that is missing
        (statements one by one: executescript() would COMMIT the open transaction)."""
        for stmt in SCHEMA.split(";"):
            if stmt.strip():
                self.conn.execute(stmt)

    def upgrade(self, fill: Callable[[], object]) -> bool:
        """Finish the upgrade of an older store (:attr:`upgrade_from`): in one
        write transaction, run ``fill`` (which builds the new tables' content)
        and record :data:`~.schema.SCHEMA_VERSION`, unless another process did
        it first.  A crash part-way leaves the old version, upgraded again on
        the next open.  Returns whether this call upgraded the store."""
        if self.upgrade_from is None:
            return False
        old = self.upgrade_from

        def body() -> bool:
            row = self.conn.execute("SELECT value FROM settings WHERE key = 'schema_version'").fetchone()
            if row is None or row[0] != str(old):
                return False  # upgraded meanwhile by another Tracker
            fill()
            self.conn.execute("UPDATE settings SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
            return True

        done = self.write(body)
        self.upgrade_from = None
        self.info["schema_version"] = str(SCHEMA_VERSION)
        return done

    def _create_schema(self, settings: MatchSettings, embedder: Embedder) -> None:
        from ..drift import config as drift_config

        conn = self.conn
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'settings'").fetchone():
            return  # another process created it first
        self._create_tables()
        rows = {
            "format": FORMAT,
            "schema_version": str(SCHEMA_VERSION),
            "claimtrack_version": __version__,
            "embedder": str(getattr(embedder, "name", type(embedder).__name__)),
            "embedder_fingerprint": embedder.fingerprint,
            "dim": str(int(embedder.dim)),
            "match": settings.model_dump_json(),
            "drift": json.dumps(drift_config(), sort_keys=True, default=str),
        }
        conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", sorted(rows.items()))
        conn.execute("INSERT INTO state (id, generation) VALUES (1, 0)")

    # ------------------------------------------------------------------ transactions

    def open(self) -> sqlite3.Connection:
        """The connection; StoreError once closed."""
        if self.closed:
            raise StoreError(f"the Tracker of {str(self.path)!r} is closed")
        return self.conn

    def write(self, body: Callable[[], T]) -> T:
        """Run ``body`` in one ``BEGIN IMMEDIATE`` transaction; commit, or roll
        back and re-raise.

        Waiting for another writer: SQLite's own busy handler sleeps in
        growing steps (up to 100 ms) and tends to miss the short gap between
        another writer's transactions, starving this one; so the connection's
        ``busy_timeout`` is short and ``BEGIN IMMEDIATE`` is retried here every
        few milliseconds (jittered) until ``timeout`` seconds have passed, then
        :class:`StoreBusyError`.  A busy error later in the transaction (a
        store without WAL) rolls back and runs ``body`` again, so ``body``
        keeps its in-memory changes to itself until it returns.
        """
        if self.read_only:
            raise StoreError(
                f"claim store {str(self.path)!r} is open read-only (it cannot be written here); "
                "reports, show and find work, adding does not"
            )
        conn = self.conn
        deadline = time.monotonic() + self._timeout
        pause = 0.001
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise damaged(str(self.path), exc) from exc
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"claim store {str(self.path)!r} stayed locked by another writer for {self._timeout:g} s"
                    ) from None
                time.sleep(pause * (0.5 + random.random()))
                pause = min(0.02, pause * 1.5)
                continue
            try:
                result = body()
                conn.execute("COMMIT")
                return result
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if _is_busy(exc) and time.monotonic() < deadline:
                    continue
                if is_damage(exc):
                    raise damaged(str(self.path), exc) from exc
                raise

    def read(self, body: Callable[[], T]) -> T:
        """Run ``body`` on one consistent snapshot (a read transaction).

        Raises:
            StoreError: the store's content made ``body`` fail (a damaged or
                tampered store, see :mod:`.integrity`); the cause is named.
        """
        conn = self.open()
        if conn.in_transaction:
            return body()
        try:
            conn.execute("BEGIN")
            try:
                return body()
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")
        except BaseException as exc:
            if is_damage(exc):
                raise damaged(str(self.path), exc) from exc
            raise

    def close(self) -> None:
        """Close the connection.  Idempotent."""
        if not self.closed:
            self.conn.close()
            self.closed = True
