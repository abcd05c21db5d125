"""Order-free claim matching (alignment.claims): properties with a fake embedder."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

import pytest

import claimtrack as ct
from claimtrack.alignment import align

from .common import FAKE, documents, PROP


@PROP
@given(documents(min_size=1, max_size=30), st.integers(0, 2**32 - 1))
def test_shuffling_the_target_does_not_change_matches(doc: list[str], seed: int) -> None:
    tgt = list(doc)
    random.Random(seed).shuffle(tgt)
    pairs = {(doc[int(al.source)], tgt[int(al.target)]) for al in align(doc, tgt, embedder=FAKE)}
    assert pairs == {(s, s) for s in doc}


@PROP
@given(documents(), documents(), st.integers(0, 2**32 - 1))
def test_align_is_symmetric_and_shuffle_invariant(a: list[str], b: list[str], seed: int) -> None:
    # b shares some sentences of a, partly reworded
    rng = random.Random(seed)
    b = b + [s.replace("w1", "w2") for s in a if rng.random() < 0.5]
    ab = {(al.source, al.target, round(al.score, 9)) for al in align(a, b, embedder=FAKE)}
    ba = {(al.target, al.source, round(al.score, 9)) for al in align(b, a, embedder=FAKE)}
    assert ab == ba
    perm = list(range(len(b)))
    rng.shuffle(perm)
    shuffled = [b[p] for p in perm]
    again = {(a[int(al.source)], shuffled[int(al.target)]) for al in align(a, shuffled, embedder=FAKE)}
    assert again == {(a[int(s)], b[int(t)]) for s, t, _ in ab}  # as text pairs (b may repeat a text)
    for al in align(a, b, embedder=FAKE):
        assert 0.0 <= al.score <= 1.0 and al.evidence and al.margin is not None


def _reworked(doc: list[str], rng: random.Random) -> list[str]:
    """A target made from ``doc``: sentences kept, cut, reworded or merged with the next."""
    out: list[str] = []
    k = 0
    while k < len(doc):
        words = doc[k].rstrip(".").split()
        r = rng.random()
        if r < 0.3 and k + 1 < len(doc):
            out.append(doc[k].rstrip(".") + " " + doc[k + 1])
            k += 2
            continue
        if r < 0.6:
            words = [w for w in words if rng.random() < 0.7] or words[:1]
        elif r < 0.8:
            words = words + [f"x{rng.randrange(50)}" for _ in range(rng.randint(1, 4))]
        out.append(" ".join(words) + ".")
        k += 1
    rng.shuffle(out)
    return out


@PROP
@given(documents(min_size=2, max_size=25), st.integers(0, 2**32 - 1), st.floats(0.6, 0.95), st.floats(0.2, 0.6))
def test_dropping_unusable_candidates_changes_nothing(a: list[str], seed: int, threshold: float,
                                                      second: float) -> None:
    """The aligner drops the judged pairs neither linking nor second matches
    can take (memory); keeping every judged pair gives the same alignments."""
    from unittest import mock

    import claimtrack.alignment.claims as claims_module

    b = _reworked(a, random.Random(seed))
    kw = dict(embedder=FAKE, threshold=threshold, short_threshold=threshold / 2, second_threshold=second,
              margin=0.02, merge_gain=0.0, drift=False)
    kept = align(a, b, **kw)  # type: ignore[arg-type]
    every = claims_module._judged

    def judged_all(*args: object, useful_only: bool = False) -> object:
        return every(*args)  # type: ignore[arg-type]

    with mock.patch.object(claims_module, "_judged", judged_all):
        full = align(a, b, **kw)  # type: ignore[arg-type]
    assert [al.model_dump() for al in kept] == [al.model_dump() for al in full]


MERGED = (["The harbour bridge reopened on Monday after two years of repairs.",
           "The mayor thanked the engineers and the crews for their long work."],
          ["The harbour bridge reopened on Monday after two years of repairs, and the mayor thanked the engineers "
           "and the crews for their long work."])
TOPICAL = (["The harbour bridge reopened on Monday after two years of repairs.",
            "The bridge repairs on the harbour cost the city two years of work."],
           ["The harbour bridge reopened on Monday after two years of repairs, the city said of the bridge and the "
            "harbour."])


def _pairs(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    return [(x.source, x.target) for x in ct.align(a, b, embedder=FAKE, lang_a="en", lang_b="en", drift=False)]


def test_in_one_language_a_merged_sentence_keeps_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor who joined two sentences kept both: both link to the merged one.  A
    neighbour that only shares the merged sentence's topic does not join it in one
    language (across languages the encoder decides)."""
    assert _pairs(*MERGED) == [("0", "0"), ("1", "0")]
    assert _pairs(*TOPICAL) == [("0", "0")]
    from claimtrack.alignment import claims as aligner

    monkeypatch.setattr(aligner, "_kept_words", lambda *_: True)  # without the rule, the topical one joins
    assert _pairs(*TOPICAL) == [("0", "0"), ("1", "0")]


def test_a_merged_claim_must_hold_a_part_rendering_the_second_partner() -> None:
    """_renders_part: a run of the merged claim's chunks from its start or to its
    end stands for the leftover; a claim on the same topic only has none."""
    from claimtrack.alignment import claims as aligner
    from claimtrack.alignment.rule import Rule
    from claimtrack.embed import EmbeddingCache

    cache = EmbeddingCache()
    leftover = ["the museum reopened on friday after the long works"]
    merged = ["The city council met on Monday, and the museum reopened on Friday after the long works.",
              "The city council met on Monday, and the mayor spoke about the budget for the schools."]
    x = aligner._side(leftover, cache.matrix(FAKE, leftover), "en")
    y = aligner._side(merged, cache.matrix(FAKE, merged), "en")
    rule = Rule(threshold=0.65, short_threshold=0.42, margin=0.05, fuzzy_min=0.8, nudge=0.03, evidence_threshold=0.5)
    p = aligner._Params(rule=rule, k=4, second_threshold=0.45, merge_gain=0.05, background=0.2,
                        block_bytes=1 << 20, fuzzy_cells=0, min_figure=10.0, part_threshold=0.55,
                        encode=lambda texts: cache.encode(FAKE, texts))
    assert aligner._renders_part(x, 0, y, 0, p)
    assert not aligner._renders_part(x, 0, y, 1, p)
    # a one-chunk claim or no encoder: nothing to tell, the combined vector decides
    short = aligner._side(["The museum reopened."], cache.matrix(FAKE, ["The museum reopened."]), "en")
    assert aligner._renders_part(x, 0, short, 0, p)
