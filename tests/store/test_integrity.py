"""Damaged, tampered and read-only stores, and a figure that could have poisoned one.

Every way of breaking a store below gives a :class:`StoreError` naming the
cause, on open or on the first read that meets the damage, never a raw
``KeyError``, ``sqlite3.DatabaseError``, ``JSONDecodeError`` or
``ValidationError``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.cli import main
from claimtrack.errors import StoreError
from claimtrack.store import Tracker

from .common import FAKE, REPO, dump, synthetic


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pristine") / "s.db"
    with Tracker(path, embedder=FAKE) as t:
        for i in range(4):
            t.add(synthetic(i))
        t.add(synthetic(0).model_copy(update={"id": "again", "text": synthetic(0).text + "\nMore to come."}))
    return path


def _copy(pristine: Path, tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    shutil.copy(pristine, path)
    return path


def _sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    try:
        for s in statements:
            con.execute(s)
        con.commit()
    finally:
        con.close()


def _use(path: Path) -> None:
    """Open the store and run every read and a write."""
    with Tracker(path, embedder=FAKE) as t:
        t.stats()
        t.clusters()
        t.cluster("c1")
        t.find("hired more than two thousand", k=3)
        t.drift()
        t.add(synthetic(9))


TAMPERING: dict[str, tuple[Callable[[Path], None], str]] = {
    "settings not JSON": (lambda p: _sql(p, "UPDATE settings SET value = '{oops' WHERE key = 'match'"), "'match'"),
    "drift setting not JSON": (lambda p: _sql(p, "UPDATE settings SET value = '[1,' WHERE key = 'drift'"), "'drift'"),
    "a missing key": (lambda p: _sql(p, "DELETE FROM settings WHERE key = 'dim'"), "lack dim"),
    "dim not a number": (lambda p: _sql(p, "UPDATE settings SET value = 'many' WHERE key = 'dim'"), "'dim'"),
    "a dropped table": (lambda p: _sql(p, "DROP TABLE cluster_numbers"), "no table 'cluster_numbers'"),
    "a dropped state table": (lambda p: _sql(p, "DROP TABLE state"), "no table 'state'"),
    "a dropped column": (lambda p: _sql(p, "ALTER TABLE variants DROP COLUMN evidence"), "lacks column(s) evidence"),
    "a wrong vector length": (lambda p: _sql(p, "UPDATE clusters SET vsum = zeroblob(12) WHERE id = 2"),
                              "vector is 12 bytes"),
    "a vector that is text": (lambda p: _sql(p, "UPDATE clusters SET vsum = 'abc' WHERE id = 2"), "vector is a str"),
    "a claim that is not JSON": (lambda p: _sql(p, "UPDATE variants SET claim = '{' WHERE id = 1"), "ValidationError"),
    "a claim of another shape": (lambda p: _sql(p, "UPDATE variants SET claim = '{\"id\": 3}' WHERE id = 1"),
                                 "ValidationError"),
    "drift not JSON": (lambda p: _sql(p, "UPDATE variants SET drift = 'x' WHERE id = 1"), "ValidationError"),
    "a date that is no date": (lambda p: _sql(p, "UPDATE variants SET published = 'soon' WHERE id = 1"),
                               "ValueError"),
    "a similarity that is null": (lambda p: _sql(p, "PRAGMA ignore_check_constraints = 1",
                                                 "UPDATE variants SET similarity = 'high' WHERE id = 1"),
                                  "ValueError"),
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_tampered_store_raises_store_error_with_the_cause(pristine: Path, tmp_path: Path, how: str) -> None:
    path = _copy(pristine, tmp_path)
    tamper, cause = TAMPERING[how]
    tamper(path)
    with pytest.raises(StoreError) as info:
        _use(path)
    assert cause in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize("where", [0, 1, 2, 3])
def test_overwritten_pages_raise_store_error(pristine: Path, tmp_path: Path, where: int) -> None:
    path = _copy(pristine, tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    start = {0: 0, 1: page, 2: len(data) // 2 // page * page, 3: len(data) - page}[where]
    data[start : start + page] = bytes((n * 37 + 11) % 256 for n in range(page))
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        for _ in range(2):  # the damage may only show once a page is read
            _use(path)
            with Tracker(path, embedder=FAKE) as t:
                assert t._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            raise AssertionError("overwritten pages went unnoticed")


def test_cli_reports_a_tampered_store_in_one_line(pristine: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = _copy(pristine, tmp_path)
    _sql(path, "UPDATE variants SET claim = '{' WHERE id = 1")
    code = main(["track", "report", "--db", str(path), "--embedder", "tests.fakes:HashEmbedder"])
    err = capsys.readouterr().err
    assert code != 0 and len(err.strip().splitlines()) == 1 and "damaged" in err


# ----------------------------------------------------------------------------- read-only


def test_read_only_store_reports_shows_and_finds(pristine: Path, tmp_path: Path) -> None:
    path = _copy(pristine, tmp_path)
    before = path.read_bytes()
    with Tracker(path, embedder=FAKE) as t:
        expected = (t.stats(), [c.model_dump_json() for c in t.clusters()])
    with Tracker(path, embedder=FAKE, read_only=True) as t:
        assert t.read_only
        assert (t.stats(), [c.model_dump_json() for c in t.clusters()]) == expected
        assert t.cluster("c1").id == "c1" and t.find("hired more than", k=2) and t.has_article("syn-1")
        with pytest.raises(StoreError, match="read-only"):
            t.add(synthetic(9))
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="no claim store"):
        Tracker(tmp_path / "missing.db", embedder=FAKE, read_only=True)


def test_unwritable_store_opens_read_only(pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy(pristine, tmp_path)
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: mode != os.W_OK)  # as a user without write permission
    with Tracker(path, embedder=FAKE) as t:
        assert t.read_only and t.stats()["articles"] == 5
        with pytest.raises(StoreError, match="read-only"):
            t.add(synthetic(9))


PROBE = """
import sys
from claimtrack.store import Tracker
from tests.fakes import HashEmbedder
from tests.store.common import synthetic
from claimtrack.errors import StoreError
t = Tracker(sys.argv[1], embedder=HashEmbedder())
assert t.read_only and t.stats()["articles"] == 5 and t.clusters() and t.find("hired more than", k=2)
try:
    t.add(synthetic(9))
except StoreError as exc:
    print("refused:", exc)
t.close()
from claimtrack.cli import main
for args in (["report"], ["show", "c1"], ["find", "hired more than"]):
    assert main(["track", *args, "--db", sys.argv[1], "--embedder", "tests.fakes:HashEmbedder"]) == 0, args
"""


def test_store_of_another_user_is_readable(pristine: Path, tmp_path: Path) -> None:
    """A real unwritable store: the file and its folder belong to root, the reader is 'nobody'."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root (to hand the store to another user) and setpriv")
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-ro-"))  # pytest's own folders are root's alone
    path = folder / "s.db"
    shutil.copy(pristine, path)
    path.chmod(0o444)
    folder.chmod(0o555)
    cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", PROBE, str(path)]
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                            "import claimtrack, tests.fakes"], cwd=REPO, capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"user 'nobody' cannot run this interpreter: {probe.stderr.strip()[-200:]}")
    try:
        done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
    assert done.returncode == 0 and "refused:" in done.stdout, done.stderr


# ----------------------------------------------------------------------------- what cannot be read back is not written


def test_figure_too_large_for_a_float_does_not_poison_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    huge = "9" * 400
    text = (f"The agency said it had counted {huge} grains of sand on the beach.\n"
            f"The agency said it had counted {huge}9 grains of sand on the beach.")
    with Tracker(path, embedder=FAKE) as t:
        assert t.add(ct.read_article(text, article_id="sand", lang="en", published="2024-01-01")).added
        again = ct.read_article(text.replace("agency", "office"), article_id="sand2", lang="en")
        assert t.add(again).added
        clusters = t.clusters()
        assert all(huge in v.claim.text and v.claim.quantities == () for c in clusters for v in c.variants)
        assert t.find(f"It counted {huge} grains.", k=2)
        for c in clusters:
            assert ct.Cluster.model_validate_json(c.model_dump_json()) == c
    out = main(["track", "report", "--db", str(path), "--embedder", "tests.fakes:HashEmbedder", "--format", "json"])
    assert out == 0


def test_store_refuses_to_write_what_it_cannot_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    with Tracker(path, embedder=FAKE) as t:
        t.add(synthetic(1))
        before = dump(path)
        # a claim whose JSON reads back as another record (a broken serialiser, say)
        monkeypatch.setattr(ct.Claim, "model_dump_json", lambda self, **kw: synthetic(5).model_dump_json())
        with pytest.raises(StoreError, match="cannot be stored"):
            t.add(synthetic(2))
        assert dump(path) == before
        monkeypatch.undo()
        assert t.add(synthetic(2)).added


def test_embedder_giving_nan_is_refused(tmp_path: Path) -> None:
    class NaNs:
        name, fingerprint, dim = "nan", "nan-1", 4

        def encode(self, texts: list[str]) -> object:
            import numpy as np

            return np.full((len(texts), 4), np.nan, dtype=np.float32)

    with Tracker(tmp_path / "s.db", embedder=NaNs()) as t:
        with pytest.raises(StoreError, match="non-finite"):
            t.add(synthetic(1))
        assert t.stats()["articles"] == 0
