"""Every pattern runs in linear time, with the matches of the plain regex.

The attribution patterns are tried only where a match can begin
(``attribution._scan``, ``attribution._search_before``) and the sentence
splitter's period rules only from the first period of a run: each property
test checks that the linear scan returns exactly what ``re.finditer`` /
``re.search`` (or the library's own ``search``) returns, on text built from
the characters that make the plain patterns slow.  Cost itself is measured in
``benchmarks/bench_robustness.py``; here the number of full-pattern attempts
is counted, which does not depend on the machine.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.extract import attribution as at
from claimtrack.extract import segmentation as sg

_PIECES = [
    "A", "B", "a", "e", "É", ".", "'", "’", "-", " ", "  ", ",", ";", "!", "?", ":", "(", "\n",
    "he", "she", "il", "elle", "said", "says", "a déclaré", "that", "que", "qu’", "the", "Dr", "Dr.",
    "J.", "Smith", "de", "van", "Jean-Paul", "l’entreprise", "the company", "eBay", "McDonald",
    "AAAA", "aAaA", "A.A.", "A-A-", ", the ", ", a ", ", l’un ",
]
_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict() and a.groups() == b.groups()


@pytest.mark.parametrize("code", ["en", "fr"])
@settings(max_examples=300, deadline=None)
@given(text=_texts)
def test_scan_is_finditer(code: str, text: str) -> None:
    pats = at._patterns(code)
    plain = list(pats.apposition.finditer(text))
    linear = list(at._scan(pats.apposition, text))
    assert len(plain) == len(linear) and all(_same(a, b) for a, b in zip(plain, linear))


@pytest.mark.parametrize("code", ["en", "fr"])
@settings(max_examples=300, deadline=None)
@given(text=_texts)
def test_search_is_search(code: str, text: str) -> None:
    pats = at._patterns(code)
    rx = pats.reported[3]
    assert _same(rx.search(text), at._search(rx, pats.reported_unnamed, text))
    assert _same(pats.before.search(text), at._search_before(pats.before, text))


class _Counting:
    """A pattern that counts its ``match`` calls."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx, self.calls = rx, 0

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self.calls += 1
        return self.rx.match(text, pos)


@pytest.mark.parametrize("unit", ["A", "aA", "A.", "A'", "A-", "Aa "])
def test_one_attempt_per_stretch(unit: str) -> None:
    """A stretch of name characters is tried once with the name pattern,
    however many capitals it holds (the plain regex tries each)."""
    pats = at._patterns("en")
    counts = []
    for n in (100, 1000):
        rx = _Counting(pats.apposition)
        text = unit * n + " said it."
        assert list(at._scan(rx, text)) == []  # type: ignore[arg-type]
        counts.append(rx.calls)
    stretches = [len(re.findall(r"[\w'’.-]+", unit * n + " said it.")) for n in (100, 1000)]
    assert counts[0] <= stretches[0] and counts[1] <= stretches[1]
    if " " not in unit:
        assert counts == [1, 1]


@settings(max_examples=300, deadline=None)
@given(word=st.lists(st.sampled_from(["a", "B", "1", ".", "-", "'", '"', ")", "]", "%", "»", "’", "«", ",", "é"]),
                     max_size=30).map(lambda w: "".join(w) + "."))
def test_period_word_is_search(word: str) -> None:
    splitter = sg._splitter("en")
    assert _same(splitter.period_word.search(word), splitter._period_word(word))


def test_runs_of_capitals_finish() -> None:
    """The issue's input: a run of capitals (quadratic in the plain patterns)
    and its relatives give claims, the run kept whole in the text."""
    for unit in ("A", "aA", "A.", "A-", ".", "By A ", "subscribe "):
        article = ct.read_article("Ministers met today. " + unit * 20_000 + " said it.", lang="en")
        claims = ct.extract_claims(article)
        assert claims and all(article.text[c.start : c.end] == c.text for c in claims)


@settings(max_examples=300, deadline=None)
@given(line=st.lists(st.sampled_from(["subscribe", "Subscribe", "youtube", "podcast", " ", "x", "on", "-", "subscribers"]),
                     max_size=20).map("".join))
def test_subscription_prompt_pattern_is_the_plain_one(line: str) -> None:
    """The atomic first "subscribe" matches what the nested ``.*`` pattern matched."""
    plain = re.compile(r".*\bsubscribe\b.*\b(youtube|newsletter|channel|podcast)\b.*", re.IGNORECASE)
    linear = re.compile(r"(?>.*?\bsubscribe\b).*\b(youtube|newsletter|channel|podcast)\b.*", re.IGNORECASE)
    assert bool(plain.fullmatch(line)) == bool(linear.fullmatch(line))
    from claimtrack.lang.en.furniture import FURNITURE

    assert linear.pattern in {rx for rx, _, _ in FURNITURE.furniture_patterns}
