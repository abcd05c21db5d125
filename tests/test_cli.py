"""The command line: the README's main job, every format, one-line errors with exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.cli import EXIT_INPUT, EXIT_LANGUAGE, main

REPO = Path(__file__).resolve().parents[1]
BRIDGE = sorted(str(p) for p in (REPO / "fixtures" / "harbour-bridge").glob("*.txt"))


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


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
