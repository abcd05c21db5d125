"""Odd inputs on the command line: each gives a result or a one-line typed error, never a traceback or a hang."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from claimtrack.cli import EXIT_INPUT, EXIT_LANGUAGE, main

from .conftest import REPO

HASH = ["--embedder", "tests.fakes:HashEmbedder"]
EN = "The council approved a new ferry terminal on Monday, and construction will take three years."


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    try:
        code = main(argv, out=out)
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    return code, out.getvalue()


def one_line(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "Traceback" not in err and all(w in err for w in words), err
    return err


def test_an_argument_is_a_path_unless_told_otherwise(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["claims", "notes"])[0] == EXIT_INPUT  # no file "notes": not an article saying "notes"
    one_line(capsys, "'notes' not found")
    code, text = run(["claims", "--text", EN, "--format", "json"])
    assert code == 0 and json.loads(text)["articles"][0]["article"]["text"] == EN
    assert run(["claims"])[0] == 2
    one_line(capsys, "give at least one FILE")


def test_arguments_that_are_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin1 = os.fsdecode("Le caf\xe9 a ferm\xe9 ses portes lundi.".encode("latin-1"))
    assert run(["diff", latin1, "The cafe closed on Monday."])[0] == EXIT_INPUT
    one_line(capsys, "SOURCE is not valid UTF-8", "\\xe9")
    assert run(["claims", "--text", latin1])[0] == EXIT_INPUT
    one_line(capsys, "--text argument 1 is not valid UTF-8")
    db = str(tmp_path / "s.db")
    assert run(["track", "add", "--text", EN, "--db", db, *HASH])[0] == 0
    assert run(["track", "find", os.fsdecode(b"caf\xe9 \xff"), "--db", db, *HASH])[0] == EXIT_INPUT
    one_line(capsys, "TEXT is not valid UTF-8")
    # a file name that is not UTF-8 is still a path; its name is printed escaped
    odd = tmp_path / os.fsdecode(b"caf\xe9.txt")
    odd.write_text(EN, encoding="utf-8")
    code, text = run(["claims", str(odd), "--format", "json"])
    assert code == 0 and json.loads(text)["articles"][0]["article"]["source"].endswith("caf\\xe9.txt")
    assert run(["claims", str(tmp_path / os.fsdecode(b"missing\xe9.txt"))])[0] == EXIT_INPUT
    one_line(capsys, "not found")


def test_a_fifo_with_no_writer_does_not_hang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import claimtrack.ingest.files as files

    monkeypatch.setattr(files, "FIFO_WAIT_SECONDS", 0.5)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    start = time.monotonic()
    assert run(["claims", str(fifo)])[0] == EXIT_INPUT
    assert time.monotonic() - start < 5
    one_line(capsys, "named pipe with no writer")
    jsonl = tmp_path / "pipe.jsonl"
    os.mkfifo(jsonl)
    assert run(["claims", str(jsonl)])[0] == EXIT_INPUT
    one_line(capsys, "named pipe with no writer")

    def write() -> None:
        time.sleep(0.1)
        with open(fifo, "w", encoding="utf-8") as handle:
            handle.write(EN)

    monkeypatch.setattr(files, "FIFO_WAIT_SECONDS", 30.0)
    writer = threading.Thread(target=write)
    writer.start()
    code, text = run(["claims", str(fifo), "--format", "json"])
    writer.join()
    assert code == 0 and json.loads(text)["articles"][0]["article"]["text"] == EN


def test_compare_the_same_file_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text(EN, encoding="utf-8")
    assert run(["compare", str(a), str(a), *HASH])[0] == EXIT_INPUT
    one_line(capsys, "is already given", "ids must be distinct")
    code, text = run(["compare", str(a), str(a), "--on-error", "skip", "--format", "json", *HASH])
    assert code == 0 and len(json.loads(text)["comparison"]["articles"]) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["diff", "a", "b", "--threshold", "nan"], "a divergence threshold is in 0..1, not nan"),
        (["diff", "a", "b", "--threshold", "-5"], "not -5"),
        (["diff", "a", "b", "--threshold", "inf"], "not inf"),
        (["track", "find", "x", "--db", "s.db", "-k", "-3"], "must be at least 1"),
        (["track", "find", "x", "--db", "s.db", "-k", "many"], "not a whole number"),
        (["diff", "The bridge opened.", "Le pont a ouvert.", "--embedder", "sys:exit"], "calling it raised SystemExit"),
        (["diff", "a", "b", "--target-lang", "fr/CA"], "not a language tag"),
    ],
)
def test_bad_option_values_are_usage_errors(argv: list[str], message: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv)[0] == 2
    one_line(capsys, message)


def test_track_show_and_find_odd_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    assert run(["track", "add", "--text", EN, "--db", db, *HASH])[0] == 0
    for cluster in ("c" + "9" * 30, "99999999999999999999", "c" + "9" * 5000, "c-1", "c１２"):
        assert run(["track", "show", cluster, "--db", db, *HASH])[0] == EXIT_INPUT
        one_line(capsys, "no cluster")
    code, text = run(["track", "find", "A new ferry terminal was approved.", "--db", db, "-k", "9" * 30,
                      "--format", "json", *HASH])
    assert code == 0 and len(json.loads(text)["hits"]) == 1  # every cluster, no more


def test_disk_full_during_track_add_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from claimtrack.store import Tracker

    db = str(tmp_path / "s.db")
    real_add = Tracker.add
    calls = {"n": 0}

    def add(self: Tracker, article):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return real_add(self, article)

    monkeypatch.setattr(Tracker, "add", add)
    code, _ = run(["track", "add", "--text", EN, "--text", "Le conseil a approuvé lundi un nouveau terminal.",
                   "--db", db, *HASH])
    assert code == EXIT_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the disk is full" in err and "keeps the 1 article added before it" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_diff_of_unsupported_languages_exits_4(capsys: pytest.CaptureFixture[str]) -> None:
    for text, code in (("Der Stadtrat hat am Montag ein neues Fährterminal genehmigt.", "'de'"),
                       ("El ayuntamiento aprobó el lunes una nueva terminal de transbordadores.", "'es'"),
                       ("市议会周一批准了一个新的渡轮码头。", "'zh'")):
        assert run(["diff", text, EN, *HASH])[0] == EXIT_LANGUAGE
        one_line(capsys, "source text is in language", code)
    assert run(["diff", "Paris", "Paris", *HASH])[0] == EXIT_LANGUAGE
    one_line(capsys, "cannot tell the language")
    assert run(["diff", "Paris", "Paris", "--source-lang", "fr-FR", "--target-lang", "fr_CA", *HASH])[0] == 0


def test_no_traceback_from_a_subprocess(tmp_path: Path) -> None:
    """The same odd inputs through the installed entry point: exit codes, no traceback."""
    bad = os.fsencode(os.fsdecode(b"caf\xe9"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    for argv in ([b"diff", bad, b"x"], [b"claims", b"notes"], [b"diff", b"a", b"b", b"--threshold", b"nan"]):
        proc = subprocess.run([sys.executable.encode(), b"-m", b"claimtrack", *argv], capture_output=True,
                              cwd=tmp_path, env=env, timeout=120, check=False)
        assert proc.returncode in (2, EXIT_INPUT), proc.stderr
        assert b"Traceback" not in proc.stderr and proc.stderr.count(b"\n") <= 8
