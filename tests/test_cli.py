"""The command line: the README's main job, every format, one-line errors with exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import claimtrack as ct

from claimtrack.cli import EXIT_INPUT, EXIT_LANGUAGE, main

from .conftest import REPO

BRIDGE = sorted(str(p) for p in (REPO / "fixtures" / "harbour-bridge").glob("*.txt"))


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


# ------------------------------------------------------------------ compare, claims, schema, one-line errors


def test_readme_main_job_runs_as_a_command() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "claimtrack", "compare", *BRIDGE, "--published", "2024-09-14"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "en-herald <-> fr-courrier" in proc.stdout
    assert "Unmatched:" in proc.stdout


def test_compare_json_and_html() -> None:
    code, text = run(["compare", *BRIDGE, "--format", "json"])
    assert code == 0
    payload = json.loads(text)
    assert list(payload) == ["claimtrack", "comparison"] and payload["claimtrack"] == ct.__version__
    comparison = ct.Comparison.model_validate(payload["comparison"])
    assert len(comparison.articles) == 3 and len(comparison.alignments) == 3
    code, page = run(["compare", *BRIDGE, "--format", "html"])
    assert code == 0 and page.startswith("<!DOCTYPE html>") and "</html>" in page


def test_claims_formats() -> None:
    fr = str(REPO / "fixtures" / "harbour-bridge" / "fr-courrier.txt")
    code, table = run(["claims", fr, "--published", "2024-09-15", "--furniture"])
    assert code == 0 and "lang=fr" in table
    code, text = run(["claims", fr, "--format", "json"])
    payload = json.loads(text)
    claims = payload["articles"][0]["claims"]
    assert claims and all(c["lang"] in ("fr", "en") for c in claims)
    code, lines = run(["claims", fr, "--format", "jsonl"])
    rows = [json.loads(line) for line in lines.splitlines()]
    assert len(rows) == len(claims)


def test_claims_jsonl_input(tmp_path: Path) -> None:
    code, text = run(["claims", str(REPO / "fixtures" / "wire.jsonl"), "--format", "jsonl", "--published", "2024-09-14"])
    assert code == 0 and text.strip()


def test_schema() -> None:
    code, text = run(["schema"])
    assert code == 0
    assert {"Article", "Claim", "Alignment", "Drift"} <= set(json.loads(text)["$defs"])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", EXIT_INPUT),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", EXIT_INPUT),
        ("El ayuntamiento de la ciudad ha inaugurado hoy el nuevo puente sobre el puerto, que según "
         "las autoridades reducirá el tráfico en el centro durante los próximos años.".encode(), EXIT_LANGUAGE),
    ],
    ids=["empty", "binary", "spanish"],
)
def test_bad_inputs_give_one_line_and_an_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   content: bytes, expected: int) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    code, _ = run(["claims", str(path)])
    err = capsys.readouterr().err
    assert code == expected
    assert err.startswith("claimtrack: error: ") and err.count("\n") == 1


def test_missing_file_and_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["claims", "/no/such/article.txt"])[0] == EXIT_INPUT
    assert capsys.readouterr().err.count("\n") == 1
    assert run(["claims", BRIDGE[0], "--published", "2024-13-45"])[0] == EXIT_INPUT
    assert "not an ISO-8601 date" in capsys.readouterr().err


def test_oversized_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert run(["claims", str(path)])[0] == EXIT_INPUT
    assert "max_bytes" in capsys.readouterr().err


# ------------------------------------------------------------------ diff

EN = "More than 2,400 workers took part in the project, which cost about $1.2 billion."
FR = "Près de 2 400 ouvriers ont participé au projet, qui a coûté environ 1,4 milliard de dollars."


def test_diff_one_pair_table_and_json() -> None:
    from claimtrack.models import PairDiff

    code, text = run(["diff", EN, FR])
    assert code == 0
    assert text.startswith("similarity ") and "divergent (threshold 0.5; en -> fr)" in text
    assert "number [critical] confidence " in text and "The figure changed from '1,200,000,000'" in text
    code, text = run(["diff", EN, FR, "--format", "json", "--threshold", "0.999"])
    assert list(json.loads(text)) == ["claimtrack", "diff"]
    d = PairDiff.model_validate(json.loads(text)["diff"])
    assert d == ct.diff(EN, FR, threshold=0.999)  # the command mirrors the function
    # a reported critical finding (the changed figure) makes the pair divergent whatever the threshold
    assert d.threshold == 0.999 and d.divergent and "critical number finding" in d.divergent_because
    code, text = run(["diff", EN, FR, "--format", "json", "--min-confidence", "0"])
    assert code == 0 and PairDiff.model_validate(json.loads(text)["diff"]).min_confidence == 0.0
    code, text = run(["diff", EN, FR, "--format", "jsonl"])  # JSON Lines: the bare record, one line
    assert code == 0 and text.count("\n") == 1 and PairDiff.model_validate_json(text) == ct.diff(EN, FR)


def test_diff_pairs_stream_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimtrack.cli as cli
    from claimtrack.models import PairDiff

    monkeypatch.setattr(cli, "_PAIR_BATCH", 2)  # several batches, mixed languages in one batch
    records = [
        {"source": EN, "target": FR},
        {"source": "The bridge opened on Thursday.", "target": "The bridge opened on Thursday."},
        {"source": "More than 150,000 projects", "target": "près de 154 000 projets", "source_lang": "en",
         "target_lang": "fr"},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n", encoding="utf-8")
    code, text = run(["diff", "--pairs", str(path)])
    assert code == 0
    got = [PairDiff.model_validate_json(line) for line in text.splitlines()]
    assert [(d.source, d.target) for d in got] == [(r["source"], r["target"]) for r in records]
    assert got[1].drift == () and not got[1].divergent
    assert {f.type for f in got[2].drift} >= {"number", "qualifier"}
    code, text = run(["diff", "--pairs", str(path), "--format", "json"])
    payload = json.loads(text)
    assert list(payload) == ["claimtrack", "diffs"]
    assert [d["source"] for d in payload["diffs"]] == [r["source"] for r in records]


@pytest.mark.parametrize(
    ("argv", "stdin", "code", "message"),
    [
        (["diff", "", "The bridge opened."], None, EXIT_INPUT, "the source text is empty"),
        (["diff"], None, 2, "give SOURCE and TARGET, or --pairs FILE"),
        (["diff", "a", "b", "--pairs", "-"], None, 2, "not both"),
        (["diff", "--pairs", "-"], '{"source": 1, "target": "x"}\n', EXIT_INPUT, "line 1: 'source' and 'target'"),
        (["diff", "--pairs", "-"], "not json\n", EXIT_INPUT, "line 1: not valid JSON"),
        (["diff", "--pairs", "-"], '{"source": "a b", "target": " "}\n', EXIT_INPUT, "line 1: the target text is empty"),
        (["diff", "a", "b", "--source-lang", "de"], None, 2, "language 'de' is not supported"),
        (["diff", "a", "b", "--min-confidence", "1.5"], None, 2, "a confidence is in 0..1"),
        (["diff", "a", "b", "--min-confidence", "high"], None, 2, "not a number"),
    ],
)
def test_diff_errors(argv, stdin, code, message, capsys: pytest.CaptureFixture[str],
                     monkeypatch: pytest.MonkeyPatch) -> None:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        got = main(argv, out=io.StringIO())
    except SystemExit as exc:  # argparse's own usage errors
        got = int(exc.code)
    assert got == code
    assert message in capsys.readouterr().err


# ------------------------------------------------------------------ --embedder: a user's own encoder (track and diff)


HASHING_MODULE = '''
"""A user's own encoder module, loaded with --embedder module:attribute."""
from tests.fakes import HashEmbedder as Hashing

not_an_encoder = 42
'''


def test_embedder_option_for_stores_built_with_another_encoder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ct_hashing_test.py").write_text(HASHING_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    db = str(tmp_path / "h.db")
    spec = ["--embedder", "ct_hashing_test:Hashing"]
    code, _ = run(["track", "add", *BRIDGE, "--db", db, "--published", "2024-09-14", *spec])
    assert code == 0
    code, text = run(["track", "report", "--db", db, "--format", "json", *spec])
    assert code == 0 and json.loads(text)
    capsys.readouterr()
    assert main(["track", "report", "--db", db], out=io.StringIO()) == EXIT_INPUT  # the default encoder: refused
    assert "was built with embedder 'hash-test-256-v1'" in capsys.readouterr().err
    code, text = run(["diff", "More than 2,400 workers.", "Nearly 2,400 workers.", "--format", "json", *spec])
    assert code == 0 and json.loads(text)["diff"]["signature"].endswith("embedder=hash-test-256-v1")
    for bad, message in (("ct_hashing_test:not_an_encoder", "is not an Embedder"),
                         ("ct_hashing_test:Missing", "has no attribute"), ("nocolon", "takes module:attribute")):
        assert main(["diff", "a b", "a c", "--embedder", bad], out=io.StringIO()) == 2
        assert message in capsys.readouterr().err


# ------------------------------------------------------------------ conventions: one JSON envelope, --fail-on, --quiet


HASH = ["--embedder", "tests.fakes:HashEmbedder"]


def test_every_json_output_is_one_enveloped_document(tmp_path: Path) -> None:
    """``--format json`` of every command is one object whose first key is
    ``claimtrack`` (the version); the payload validates as its models."""
    from claimtrack.models import PairDiff
    from claimtrack.store import AddResult, Cluster, ClusterHit

    db = str(tmp_path / "e.db")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"source": EN, "target": FR}) + "\n", encoding="utf-8")
    commands = {
        "claims": ["claims", BRIDGE[0], "--format", "json"],
        "compare": ["compare", *BRIDGE[:2], "--format", "json", *HASH],
        "diff": ["diff", EN, FR, "--format", "json", *HASH],
        "diff --pairs": ["diff", "--pairs", str(pairs), "--format", "json", *HASH],
        "track add": ["track", "add", *BRIDGE, "--db", db, "--format", "json", *HASH],
        "track report": ["track", "report", "--db", db, "--format", "json", *HASH],
        "track show": ["track", "show", "c1", "--db", db, "--format", "json", *HASH],
        "track find": ["track", "find", EN, "--db", db, "--format", "json", *HASH],
    }
    payloads = {}
    for name, argv in commands.items():
        code, text = run(argv)
        assert code == 0, name
        payloads[name] = payload = json.loads(text)
        assert isinstance(payload, dict) and next(iter(payload)) == "claimtrack", name
        assert payload["claimtrack"] == ct.__version__, name
    ct.Comparison.model_validate(payloads["compare"]["comparison"])
    PairDiff.model_validate(payloads["diff"]["diff"])
    [PairDiff.model_validate(d) for d in payloads["diff --pairs"]["diffs"]]
    [AddResult.model_validate(r) for r in payloads["track add"]["results"]]
    Cluster.model_validate(payloads["track show"]["cluster"])
    [ClusterHit.model_validate(h) for h in payloads["track find"]["hits"]]


def test_json_lines_stay_one_bare_record_per_line(tmp_path: Path) -> None:
    from claimtrack.store import AddResult

    code, text = run(["track", "add", *BRIDGE, "--db", str(tmp_path / "l.db"), "--format", "jsonl", *HASH])
    assert code == 0 and len(text.splitlines()) == len(BRIDGE)
    assert all(AddResult.model_validate_json(line) for line in text.splitlines())


SAME = ("The bridge opened on Monday.", "The bridge opened on Monday.")
CHANGED = ("More than 150,000 projects were funded in 2023.", "Près de 154 000 projets ont été financés en 2023.")


def test_diff_fail_on_sets_the_exit_code(tmp_path: Path) -> None:
    """0 without --fail-on or without a finding that severe; 1 with one (the
    results are written either way)."""
    from claimtrack.cli import EXIT_DRIFT

    found = ct.diff(*CHANGED)
    severities = {f.severity for f in found.drift}
    assert "critical" in severities  # the changed figure
    assert run(["diff", *CHANGED])[0] == 0
    for level in ("minor", "major", "critical"):
        code, text = run(["diff", *CHANGED, "--fail-on", level])
        assert code == EXIT_DRIFT and text.startswith("similarity ")
    assert run(["diff", *SAME, "--fail-on", "minor"])[0] == 0
    # a finding below --min-confidence is not reported, so it fails nothing
    assert run(["diff", *CHANGED, "--fail-on", "minor", "--min-confidence", "1"])[0] == 0
    pairs = tmp_path / "p.jsonl"
    pairs.write_text("".join(json.dumps({"source": s, "target": t}, ensure_ascii=False) + "\n"
                             for s, t in (SAME, CHANGED, SAME)), encoding="utf-8")
    code, text = run(["diff", "--pairs", str(pairs), "--fail-on", "critical"])
    assert code == EXIT_DRIFT and len(text.splitlines()) == 3  # every result written, then the verdict
    pairs.write_text(json.dumps({"source": SAME[0], "target": SAME[1]}) + "\n", encoding="utf-8")
    assert run(["diff", "--pairs", str(pairs), "--fail-on", "minor"])[0] == 0


def test_diff_fail_on_only_reacts_at_or_above_its_level() -> None:
    """A pair whose worst reported finding is major fails --fail-on major but not critical."""
    from claimtrack.cli import EXIT_DRIFT

    pair = ("About 300 people were hired.", "More than 300 people were hired.")
    worst = {f.severity for f in ct.diff(*pair).drift}
    assert worst == {"major"}, worst
    assert run(["diff", *pair, "--fail-on", "major"])[0] == EXIT_DRIFT
    assert run(["diff", *pair, "--fail-on", "critical"])[0] == 0


def _tampered_store(tmp_path: Path) -> str:
    """A store whose recorded drift settings differ from this claimtrack's (opening it warns)."""
    import sqlite3

    db = tmp_path / "w.db"
    assert run(["track", "add", BRIDGE[0], "--db", str(db), *HASH])[0] == 0
    conn = sqlite3.connect(db)
    (value,) = conn.execute("SELECT value FROM settings WHERE key = 'drift'").fetchone()
    conn.execute("UPDATE settings SET value = ? WHERE key = 'drift'",
                 (json.dumps(dict(json.loads(value), chunk_match=0.123), sort_keys=True),))
    conn.commit()
    conn.close()
    return str(db)


def test_warnings_go_through_the_logger_and_quiet_hides_them(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = _tampered_store(tmp_path)
    capsys.readouterr()
    assert run(["track", "report", "--db", db, *HASH])[0] == 0
    err = capsys.readouterr().err
    assert err.startswith("claimtrack: warning: claim store") and "chunk_match" in err and len(err.splitlines()) == 1
    for argv in (["--quiet", "track", "report", "--db", db, *HASH], ["track", "report", "--db", db, "-q", *HASH]):
        code, text = run(argv)
        assert code == 0 and "clusters shown" in text
        assert capsys.readouterr().err == ""
    # errors still show under --quiet
    assert main(["-q", "track", "show", "c999", "--db", db, *HASH], out=io.StringIO()) == EXIT_INPUT
    assert "no cluster 'c999'" in capsys.readouterr().err


def test_verbose_shows_progress_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "v.db")
    assert run(["track", "add", *BRIDGE, "--db", db, "-v", *HASH])[0] == 0
    err = capsys.readouterr().err.splitlines()
    assert sum(line.startswith("claimtrack: added ") for line in err) == len(BRIDGE)
    assert run(["track", "add", BRIDGE[0], "--db", db, *HASH])[0] == 0
    assert capsys.readouterr().err == ""  # no progress messages by default
    import logging

    assert logging.getLogger("claimtrack").handlers == [h for h in logging.getLogger("claimtrack").handlers
                                                        if isinstance(h, logging.NullHandler)]  # nothing left behind


def test_track_find_min_similarity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "f.db")
    assert run(["track", "add", *BRIDGE, "--db", db, *HASH])[0] == 0
    statement = "More than 2,400 workers took part in the project."
    code, text = run(["track", "find", statement, "--db", db, "-k", "50", "--format", "json", *HASH])
    every = [h["similarity"] for h in json.loads(text)["hits"]]
    assert code == 0 and len(every) > 2 and every == sorted(every, reverse=True)
    cut = every[len(every) // 2]
    code, text = run(["track", "find", statement, "--db", db, "-k", "50", "--format", "json",
                      "--min-similarity", str(cut), *HASH])
    kept = [h["similarity"] for h in json.loads(text)["hits"]]
    assert code == 0 and kept == [s for s in every if s >= cut] and json.loads(text)["min_similarity"] == cut
    code, text = run(["track", "find", statement, "--db", db, "--min-similarity", "1", *HASH])
    assert code == 0 and text == ""
    for bad in ("nan", "1.5", "close"):
        with pytest.raises(SystemExit) as exc:
            main(["track", "find", statement, "--db", db, "--min-similarity", bad], out=io.StringIO())
        assert exc.value.code == 2
    assert "--min-similarity" in capsys.readouterr().err


def test_fail_on_is_a_threshold_on_the_worst_reported_severity() -> None:
    """Property: the exit code is EXIT_DRIFT exactly when some reported finding
    of some pair is at least as severe as --fail-on; candidates below the
    confidence cut never count."""
    import argparse

    from hypothesis import given
    from hypothesis import strategies as st

    from claimtrack.cli import EXIT_DRIFT, SEVERITIES, _fail_code
    from claimtrack.models import Drift, PairDiff

    def pair(reported: list[str], hidden: list[str]) -> PairDiff:
        def finding(sev: str) -> Drift:
            return Drift(type="number", severity=sev, explanation="x")  # type: ignore[arg-type]

        drift = tuple(finding(s) for s in reported)
        return PairDiff(source="a", target="b", source_lang="en", target_lang="en", similarity=1.0, divergence=0.0,
                        divergent=False, threshold=0.5, drift=drift, candidates=drift + tuple(map(finding, hidden)))

    severity = st.sampled_from(SEVERITIES)

    @given(st.lists(st.tuples(st.lists(severity, max_size=3), st.lists(severity, max_size=3)), max_size=4),
           st.none() | severity)
    def check(pairs: list[tuple[list[str], list[str]]], level: str | None) -> None:
        code = _fail_code(argparse.Namespace(fail_on=level), [pair(r, h) for r, h in pairs])
        worst = max((SEVERITIES.index(s) for r, _ in pairs for s in r), default=-1)
        expected = level is not None and worst >= SEVERITIES.index(level)
        assert code == (EXIT_DRIFT if expected else 0)

    check()


def test_date_order_option(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("Talks resume on 12/03/2025 in Geneva, the mediator said.\n", encoding="utf-8")
    for order, value in ((None, "2025-12-03"), ("dmy", "2025-03-12")):
        argv = ["claims", str(f), "--lang", "en", "--format", "json"] + (["--date-order", order] if order else [])
        assert main(argv) == 0
        payload = json.loads(capsys.readouterr().out)
        (claim,) = payload["claims"] if "claims" in payload else payload["articles"][0]["claims"]
        assert [d["value"] for d in claim["dates"]] == [value]


def test_compare_json_streams_the_claims_the_same_json(tmp_path: Path) -> None:
    """compare --format json writes its claims one at a time; the document is
    the one a plain model_dump gives, byte for byte."""
    from claimtrack.outputs import envelope
    from tests.fakes import HashEmbedder

    bridge = Path(__file__).resolve().parents[1] / "fixtures" / "harbour-bridge"
    paths = [str(bridge / "en-herald.txt"), str(bridge / "fr-courrier.txt")]
    code, text = run(["compare", *paths, "--format", "json", *HASH])
    assert code == 0
    articles = [ct.read_article(p) for p in paths]
    claims = {a.id: ct.extract_claims(a) for a in articles}
    comparison = ct.compare(*articles, claims=claims, claims_extracted=True, embedder=HashEmbedder())
    plain = json.dumps(envelope(comparison=comparison.model_dump(mode="json")), ensure_ascii=False, indent=2) + "\n"
    assert text == plain and json.loads(text)["comparison"]["claims"]
