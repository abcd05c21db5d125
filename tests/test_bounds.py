"""Bounded cost on any input: the documented budgets of each stage.

Cost itself (time, peak memory) is measured in ``benchmarks/bench_robustness.py``;
these tests check the rules that bound it: what is refused before any work,
what is cut into windows, what is left unchecked and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

import claimtrack as ct
from claimtrack.drift import MAX_DIFF_CHARS, within_budget
from claimtrack.drift.context import LEAVE_OUT_CONTEXT, Side
from claimtrack.store import Tracker

from .fakes import HashEmbedder


class _Refuses:
    """An embedder that must never be called."""

    name = "refuses"
    fingerprint = "refuses-1"
    dim = 8

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        raise AssertionError("the encoder ran: the size was not checked first")


def test_diff_refuses_a_side_over_the_budget_before_any_work() -> None:
    long = "The council met. " * (MAX_DIFF_CHARS // 17 + 1)
    assert len(long) > MAX_DIFF_CHARS
    for a, b in ((long, "The council met."), ("The council met.", long)):
        with pytest.raises(ct.ArticleTooLargeError, match="diff budget"):
            ct.diff(a, b, "en", "en", embedder=_Refuses())
    with pytest.raises(ct.ArticleTooLargeError, match="pair 1"):
        ct.drift.diff_many([("a b c.", "a b c."), ("a b c.", long)], "en", "en", embedder=_Refuses())
    article = ct.read_article(long, lang="en")
    claim = ct.extract_claims(article)[0].model_copy(update={"text": long, "end": len(long)})
    with pytest.raises(ct.ArticleTooLargeError):
        ct.drift.diff_claims(claim, claim, embedder=_Refuses())
    assert within_budget("x" * MAX_DIFF_CHARS, "y") and not within_budget("x" * (MAX_DIFF_CHARS + 1), "y")


def test_diff_at_the_budget_gives_a_result() -> None:
    text = ("The council said on Monday that 150 projects would be funded, "
            "and the mayor added that work would start in March. ")
    a = (text * (MAX_DIFF_CHARS // len(text)))[:MAX_DIFF_CHARS]
    d = ct.diff(a, a.replace("150", "160", 1), "en", "en", embedder=HashEmbedder())
    assert any(f.type == "number" for f in d.candidates)


def test_leave_one_out_context_is_bounded() -> None:
    """A variant of the leave-one-out test holds at most LEAVE_OUT_CONTEXT
    characters, whatever the length of the sentence holding the chunk."""
    sentence = ", ".join(f"the council approved plan number {k} for the harbour district" for k in range(60)) + "."
    assert len(sentence) > 3 * LEAVE_OUT_CONTEXT
    side = Side(sentence, "en")
    for span in side.chunks:
        cut, context = side.leave_out(span)
        assert len(context) <= LEAVE_OUT_CONTEXT and sentence[span[0] : span[1]] in context
        assert len(cut) < len(context)
    short = Side("The council met on Monday, and the mayor spoke after the vote.", "en")
    span = short.chunks[-1]
    assert short.leave_out(span) == (short.without(span), short.text)  # short text: unchanged rule


def _long_line(n: int, seed: int) -> str:
    return " ".join(f"harbour{(k * seed) % 101} council{k % 37}" for k in range(n)) + "."


def test_align_leaves_a_pair_over_the_budget_unchecked_and_says_so() -> None:
    line = _long_line(800, 1)
    assert len(line) > MAX_DIFF_CHARS
    a = ct.read_article(line + "\nThe council met on Monday to vote on the plan.", lang="en", article_id="a")
    b = ct.read_article(line + "\nThe council met on Monday to vote on the plan.", lang="en", article_id="b")
    comparison = ct.compare(a, b, embedder=HashEmbedder())
    links = comparison.alignments[0].alignments
    assert len(links) == 2
    long_link = [al for al in links if len(comparison.claim(al.source).text) > MAX_DIFF_CHARS]
    assert long_link and long_link[0].drift == ()
    assert any("drift not checked" in e for e in long_link[0].evidence)
    short_link = [al for al in links if al not in long_link]
    assert not any("drift not checked" in e for e in short_link[0].evidence)


def test_store_adds_claims_over_the_budget(tmp_path: Path) -> None:
    line = _long_line(800, 1)
    with Tracker(tmp_path / "s.db", embedder=HashEmbedder()) as tracker:
        first = tracker.add(ct.read_article(line, lang="en", article_id="a", published="2024-01-01"))
        other = line.replace("council5 ", "council5 extra ", 1)
        second = tracker.add(ct.read_article(other, lang="en", article_id="b", published="2024-01-02"))
        assert first.claims == second.claims == 1
        (cluster,) = tracker.clusters()
        assert len(cluster.variants) == 2 and cluster.variants[1].drift == ()
        hits = tracker.find(line)
        assert hits and hits[0].drift == ()


def test_article_over_the_size_limit_is_refused_before_extraction() -> None:
    text = "The council met on Monday. " * 100
    with pytest.raises(ct.ArticleTooLargeError):
        ct.read_article(text, lang="en", max_bytes=1_000)
    article = ct.read_article(text, lang="en")
    with pytest.raises(ct.ArticleTooLargeError):
        ct.extract_claims(article, max_chars=1_000)
