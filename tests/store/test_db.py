"""The database (store.db): busy writers, recorded settings, embedder and drift
checks on open, a closed Tracker."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.errors import StoreError
from claimtrack.store import MatchSettings, Tracker

from .common import HashEmbedder, FAKE, synthetic


def test_busy_store_raises_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    Tracker(path, embedder=FAKE).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with Tracker(path, embedder=FAKE, timeout=0.05) as t:
            with pytest.raises(ct.StoreBusyError, match="stayed locked"):
                t.add(synthetic(1))
            holder.execute("ROLLBACK")
            assert t.add(synthetic(1)).added
    finally:
        holder.close()


def test_settings_recorded_and_enforced(tmp_path: Path) -> None:
    path = tmp_path / "settings.db"
    custom = MatchSettings(threshold=0.7)
    with Tracker(path, embedder=FAKE, settings=custom) as t:
        assert t.settings == custom
        assert t.info["embedder_fingerprint"] == FAKE.fingerprint and t.info["claimtrack_version"] == ct.__version__
        assert t.info["match"]["threshold"] == 0.7 and t.info["dim"] == FAKE.dim and "threshold" in t.info["drift"]
    with Tracker(path, embedder=FAKE) as t:
        assert t.settings == custom  # the recorded settings win
    with pytest.raises(StoreError, match="other match settings: threshold=0.7"):
        Tracker(path, embedder=FAKE, settings=MatchSettings())

    class Other(HashEmbedder):
        fingerprint = "other-256"

    with pytest.raises(StoreError, match="was built with embedder 'hash-test-256-v1'"):
        Tracker(path, embedder=Other())
    with pytest.raises(StoreError, match="no claim store"):
        Tracker(tmp_path / "none.db", embedder=FAKE, create=False)
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a claimtrack store"):
        Tracker(plain, embedder=FAKE)


def test_changed_drift_settings_are_reported_on_open(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A warning of the ``claimtrack`` logger, only when the settings differ."""
    path = tmp_path / "drift.db"
    with Tracker(path, embedder=FAKE) as t:
        recorded = t.info["drift"]
    with caplog.at_level(logging.WARNING, logger="claimtrack"):
        Tracker(path, embedder=FAKE).close()  # the same settings: no warning
    assert caplog.records == []
    conn = sqlite3.connect(path)
    conn.execute("UPDATE settings SET value = ? WHERE key = 'drift'",
                 (json.dumps(dict(recorded, chunk_match=0.4, w_value=1.0), sort_keys=True),))
    conn.commit()
    conn.close()
    with caplog.at_level(logging.WARNING, logger="claimtrack"):
        t = Tracker(path, embedder=FAKE)
    assert re.search(r"other drift settings .* differ in: chunk_match, w_value", caplog.text)
    assert [r.name for r in caplog.records] == ["claimtrack"]
    assert t.info["drift"]["chunk_match"] == 0.4  # info keeps what was recorded
    t.close()


def test_closed_tracker_says_so(tmp_path: Path) -> None:
    t = Tracker(tmp_path / "c.db", embedder=FAKE)
    t.close()
    t.close()
    with pytest.raises(StoreError, match="is closed"):
        t.add(synthetic(1))
    with pytest.raises(StoreError, match="is closed"):
        t.clusters()
