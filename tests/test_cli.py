"""The command line: the README's main job, every format, one-line errors with exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

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
    assert len(payload["articles"]) == 3 and len(payload["alignments"]) == 3
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
    import claimtrack as ct
    from claimtrack.models import PairDiff

    code, text = run(["diff", EN, FR])
    assert code == 0
    assert text.startswith("similarity ") and "divergent (threshold 0.5; en -> fr)" in text
    assert "number [critical] confidence " in text and "The figure changed from '1,200,000,000'" in text
    code, text = run(["diff", EN, FR, "--format", "json", "--threshold", "0.999"])
    d = PairDiff.model_validate_json(text)
    assert d == ct.diff(EN, FR, threshold=0.999)  # the command mirrors the function
    # a reported critical finding (the changed figure) makes the pair divergent whatever the threshold
    assert d.threshold == 0.999 and d.divergent and "critical number finding" in d.divergent_because
    code, text = run(["diff", EN, FR, "--format", "json", "--min-confidence", "0"])
    assert code == 0 and PairDiff.model_validate_json(text).min_confidence == 0.0


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
    assert [d["source"] for d in json.loads(text)] == [r["source"] for r in records]


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
    assert code == 0 and json.loads(text)["signature"].endswith("embedder=hash-test-256-v1")
    for bad, message in (("ct_hashing_test:not_an_encoder", "is not an Embedder"),
                         ("ct_hashing_test:Missing", "has no attribute"), ("nocolon", "takes module:attribute")):
        assert main(["diff", "a b", "a c", "--embedder", bad], out=io.StringIO()) == 2
        assert message in capsys.readouterr().err
