"""The quotation benchmark's gold (``benchmarks/quotes-wmt14.jsonl``) and its scoring."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

import bench_quotes as bq  # noqa: E402

MARKS = "\"“”«»‘’'"


def _gold() -> list[dict]:
    return [json.loads(line) for line in bq.GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_holds_offsets_only_and_both_sides_of_each_document() -> None:
    records = _gold()
    assert len(records) >= 200
    assert sum(len(r["quotes"]) for r in records) >= 300
    docs = {r["doc"]: set() for r in records}
    for r in records:
        assert set(r) == {"doc", "lang", "sha256", "quotes"}
        docs[r["doc"]].add(r["lang"])
        for q in r["quotes"]:
            assert set(q) == {"spans", "partial", "speaker", "named"}
            for s, e in q["spans"]:
                assert isinstance(s, int) and isinstance(e, int) and 0 <= s < e
            assert q["spans"] == sorted(q["spans"])
            assert q["speaker"] is None or q["speaker"][0] < q["speaker"][1]
    assert all(langs == {"en", "fr"} for langs in docs.values())


@pytest.mark.skipif(not bq.NEWS.is_dir(), reason="../shared/eval/news/wmt14-fren is absent (fresh clone)")
def test_gold_spans_are_quoted_words_of_the_texts() -> None:
    for r in _gold():
        text = (bq.NEWS / f"{r['doc']}.{r['lang']}").read_text(encoding="utf-8")
        for q in r["quotes"]:
            for s, e in q["spans"]:
                assert e <= len(text)
                span = text[s:e]
                assert span == span.strip() and span[0] not in MARKS and "\n" not in span
            # a quotation mark opens each quotation somewhere before its first span, on its line
            s0 = q["spans"][0][0]
            line_start = text.rfind("\n", 0, s0) + 1
            assert any(m in text[line_start:s0] for m in MARKS) or q["spans"][0][0] == line_start


def test_scoring_counts_half_overlaps_and_same_speakers() -> None:
    text = 'He said "we will appeal the ruling" and "soon".'
    gold = [
        {"spans": [[9, 34]], "partial": True, "speaker": [0, 2], "named": True},
        {"spans": [[41, 45]], "partial": True, "speaker": None, "named": False},
    ]
    tally = bq.Tally()
    # the first found by a longer prediction (more than half of it), the second missed;
    # one prediction outside any quotation
    predicted = [bq.Predicted(((9, 30),), "He"), bq.Predicted(((0, 7),), None)]
    bq.score(gold, predicted, text, tally)
    assert (tally.gold, tally.found, tally.predicted, tally.correct) == (2, 1, 2, 1)
    assert (tally.named_found, tally.speaker_right) == (1, 1)
    f = tally.figures()
    assert f["precision"] == 0.5 and f["recall"] == 0.5 and f["f1"] == 0.5


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Obama", "Barack Obama", True),
        ("Barack Obama", "Obama", True),
        ("IMF", "International Monetary Fund", True),
        ("S&P", "Standard & Poor's", True),
        ("Airbus", "John Leahy", False),
        ("he", "Rob Nicholson", False),
        (None, "Rob Nicholson", False),
        ("Élisabeth Borne", "Elisabeth Borne", True),
    ],
)
def test_same_speaker(predicted: str | None, gold: str, same: bool) -> None:
    assert bq.same_speaker(predicted, gold) is same
