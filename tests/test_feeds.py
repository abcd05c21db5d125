"""A media-monitoring feed through the command line: mixed languages and broken records.

The feed (``tests/data/feeds/mixed.jsonl``, plus odd lines added here: a record
nested 100,000 deep, a 4,301-digit integer in an ignored field) holds English,
German, French, Chinese, undetectable and broken records.  With
``--on-error report`` every good record is processed and every bad one gives
exactly one JSON error record naming its line; ``stop`` ends at the first bad
one with everything before it written; ``skip`` is ``report`` without the
records.
"""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from claimtrack.cli import EXIT_INPUT, EXIT_LANGUAGE, main

from .conftest import DATA

FEEDS = DATA / "feeds"
HASH = ["--embedder", "tests.fakes:HashEmbedder"]

# line -> (article id, error type or None for a good record), after feed() appends its odd lines
GOOD = {1: "en-harbour", 3: "fr-port", 7: "fr-ca-quai", 9: "4711", 14: "huge-int"}
BAD = {
    2: "UnsupportedLanguageError",   # German
    4: "UnsupportedLanguageError",   # Chinese
    5: "RecordError",                # a cut-off line: not JSON
    6: "RecordError",                # no "text"
    8: "UndetectedLanguageError",    # "Paris 2025": too little to tell
    11: "RecordError",               # a lone surrogate in the text
    12: "RecordError",               # an array, not an object
    13: "RecordError",               # nested 100,000 deep
}
BAD_IDS = {2: "de-hafen", 4: "zh-gang", 6: "no-text", 8: "und-short", 11: "surrogate"}
LANGS = {"en-harbour": "en", "fr-port": "fr", "fr-ca-quai": "fr", "4711": "en", "huge-int": "en"}


def feed(tmp_path: Path) -> Path:
    """The fixture feed with two odd lines appended (13: deep nesting, 14: a huge integer)."""
    path = tmp_path / "feed.jsonl"
    deep = '{"id": "deep", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    huge = json.dumps({"id": "huge-int", "text": "Harbour officials said 1,200 passengers crossed on Sunday."})
    huge = huge[:-1] + ', "checksum": ' + "9" * 4_301 + "}"
    path.write_text((FEEDS / "mixed.jsonl").read_text(encoding="utf-8") + deep + "\n" + huge + "\n", encoding="utf-8")
    return path


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


def error_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def check_errors(records: list[dict[str, Any]], bad: dict[int, str], source: Path) -> None:
    """Exactly one record per bad line, with the line, error type, message and id."""
    assert sorted(r["line"] for r in records) == sorted(bad)  # one each, none for a good line
    for r in records:
        assert set(r) == {"error", "message", "id", "line", "input"}
        assert r["error"] == bad[r["line"]], r
        assert r["message"] and "\n" not in r["message"]
        assert r["input"] == str(source)
        assert r["id"] == BAD_IDS.get(r["line"]), r


# ------------------------------------------------------------------ claims, compare, track add


def test_claims_reports_each_bad_record_and_processes_every_good_one(tmp_path: Path) -> None:
    source, errors = feed(tmp_path), tmp_path / "errors.jsonl"
    code, text = run(["claims", str(source), "--format", "json", "--on-error", "report", "--error-file", str(errors)])
    assert code == 0
    articles = json.loads(text)["articles"]
    assert [a["article"]["id"] for a in articles] == list(GOOD.values())
    assert all(a["claims"] for a in articles)
    assert {a["article"]["id"]: a["article"]["lang"] for a in articles} == LANGS
    region = {a["article"]["id"]: a["article"]["region"] for a in articles}
    assert region["fr-ca-quai"] == "CA" and region["fr-port"] is None  # the tag's region is kept
    check_errors(error_records(errors), BAD, source)


def test_compare_reports_each_bad_record(tmp_path: Path) -> None:
    source, errors = feed(tmp_path), tmp_path / "errors.jsonl"
    code, text = run(["compare", str(source), "--format", "json", "--on-error", "report", "--error-file", str(errors),
                      *HASH])
    assert code == 0
    payload = json.loads(text)
    assert [a["id"] for a in payload["comparison"]["articles"]] == list(GOOD.values())
    assert len(payload["comparison"]["alignments"]) == len(GOOD) * (len(GOOD) - 1) // 2
    check_errors(error_records(errors), BAD, source)


def test_track_add_reports_each_bad_record(tmp_path: Path) -> None:
    source, errors, db = feed(tmp_path), tmp_path / "errors.jsonl", str(tmp_path / "store.db")
    code, text = run(["track", "add", str(source), "--db", db, "--format", "jsonl", "--on-error", "report",
                      "--error-file", str(errors), *HASH])
    assert code == 0
    results = [json.loads(line) for line in text.splitlines()]
    assert [r["article_id"] for r in results] == list(GOOD.values()) and all(r["added"] for r in results)
    check_errors(error_records(errors), BAD, source)
    with sqlite3.connect(db) as conn:
        assert {row[0] for row in conn.execute("SELECT id FROM articles")} == set(GOOD.values())


def test_report_goes_to_standard_error_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = feed(tmp_path)
    code, text = run(["claims", str(source), "--format", "jsonl", "--on-error", "report"])
    assert code == 0
    records = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    check_errors(records, BAD, source)
    assert {json.loads(line)["article_id"] for line in text.splitlines()} == set(GOOD.values())


def test_skip_is_report_without_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = feed(tmp_path)
    code, skipped = run(["claims", str(source), "--format", "jsonl", "--on-error", "skip"])
    assert code == 0 and capsys.readouterr().err == ""
    code, reported = run(["claims", str(source), "--format", "jsonl", "--on-error", "report"])
    assert skipped == reported


def test_stop_is_the_default_and_ends_at_the_first_bad_record(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = feed(tmp_path)
    code, text = run(["claims", str(source), "--format", "jsonl"])
    assert code == EXIT_LANGUAGE  # line 2 is German
    assert {json.loads(line)["article_id"] for line in text.splitlines()} == {"en-harbour"}
    err = capsys.readouterr().err
    assert err.startswith("claimtrack: error: ") and "'de'" in err and err.count("\n") == 1


def test_a_missing_file_among_the_inputs_is_one_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "en.txt"
    good.write_text("The ferry terminal will open in 2028, the council said on Monday.", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    code, text = run(["claims", str(tmp_path / "missing.txt"), str(good), "--format", "json", "--on-error", "report",
                      "--error-file", str(errors)])
    assert code == 0 and len(json.loads(text)["articles"]) == 1
    (record,) = error_records(errors)
    assert record["error"] == "ArticleNotFoundError" and record["line"] is None
    assert record["input"] == str(tmp_path / "missing.txt")


def test_error_file_needs_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["claims", str(feed(tmp_path)), "--error-file", str(tmp_path / "e.jsonl")])[0] == 2
    assert "--error-file needs --on-error report" in capsys.readouterr().err


# ------------------------------------------------------------------ diff --pairs

PAIRS_GOOD = [1, 2, 6, 10]
PAIRS_BAD = {3: "UnsupportedLanguageError", 4: "UnsupportedLanguageError", 5: "RecordError",
             7: "UndetectedLanguageError", 8: "RecordError", 9: "UnsupportedLanguageError", 11: "DecodingError"}


def _pairs_sources() -> list[str]:
    lines = (FEEDS / "pairs.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(lines[n - 1])["source"] for n in PAIRS_GOOD]


@pytest.mark.parametrize("batch", [1, 2, 256])
def test_diff_pairs_reports_each_bad_line_and_keeps_every_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 batch: int) -> None:
    import claimtrack.cli as cli

    monkeypatch.setattr(cli, "_PAIR_BATCH", batch)
    source, errors = FEEDS / "pairs.jsonl", tmp_path / "errors.jsonl"
    code, text = run(["diff", "--pairs", str(source), "--on-error", "report", "--error-file", str(errors), *HASH])
    assert code == 0
    results = [json.loads(line) for line in text.splitlines()]
    assert [r["source"] for r in results] == _pairs_sources()  # every good pair, in input order
    assert all((r["source_lang"], r["target_lang"]) == ("en", "fr") for r in results)  # en-GB, fr_CA: en, fr
    records = error_records(errors)
    assert sorted(r["line"] for r in records) == sorted(PAIRS_BAD)
    assert all(r["error"] == PAIRS_BAD[r["line"]] for r in records)


def test_diff_pairs_stop_writes_every_result_before_the_bad_line(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(["diff", "--pairs", str(FEEDS / "pairs.jsonl"), *HASH])
    assert code == EXIT_LANGUAGE  # line 3: German
    assert [json.loads(line)["source"] for line in text.splitlines()] == _pairs_sources()[:2]
    assert "line 3" in capsys.readouterr().err
    code, text = run(["diff", "--pairs", str(FEEDS / "pairs.jsonl"), "--format", "json", *HASH])
    assert code == EXIT_LANGUAGE and len(json.loads(text)) == 2  # the JSON array of the results before it


def test_diff_pairs_skip_and_a_malformed_line_first(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text('{"source": \n' + (FEEDS / "pairs.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    code, text = run(["diff", "--pairs", str(path), "--on-error", "skip", *HASH])
    assert code == 0 and len(text.splitlines()) == len(PAIRS_GOOD)
    assert run(["diff", "--pairs", str(path), *HASH]) == (EXIT_INPUT, "")
