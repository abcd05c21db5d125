"""The public surface of claimtrack.drift: the API and its config, texts that
must give nothing, mirroring, batching, claims and refused input."""

from __future__ import annotations

import pytest

import claimtrack as ct
from claimtrack.drift import CHECKS, DEFAULT_THRESHOLD, config, diff, diff_claims, diff_many
from claimtrack.models import Claim, PairDiff, Speaker

from .helpers import BOW, fast, types


# --- public surface -------------------------------------------------------------------------------

def test_public_api_and_config():
    assert ct.diff is diff
    assert set(CHECKS) == {"number", "qualifier", "date", "negation", "entity", "speaker", "modality", "omission"}
    cfg = config()
    assert cfg["threshold"] == DEFAULT_THRESHOLD and "w_similarity" in cfg
    d = fast("Over 2,400 contributors joined.", "Over 2,400 contributors joined.")
    assert d.signature and "threshold=0.5" in d.signature and "bow-test" in d.signature
    assert PairDiff.model_validate_json(d.model_dump_json()) == d


# --- nothing to report ----------------------------------------------------------------------------

def test_identical_text_gives_nothing():
    t = "Meta said that more than 150,000 projects will not use Google Cloud, which surprised analysts."
    d = fast(t, t)
    assert d.drift == () and not d.divergent and d.similarity == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize(
    "a,b,la,lb",
    [
        ("Over 2,400 contributors joined.", "Over 2 400 contributors joined", "en", "en"),
        ("“It is a true honor,” she said.", '"it is a true honor," she said', "en", "en"),
        ("Plus de 2 400 contributeurs ont rejoint le projet.", "Plus de 2\u202f400 contributeurs ont rejoint le projet.", "fr", "fr"),
        ("Meta has 80 % of the market.", "Meta has 80 percent of the market.", "en", "en"),
        ("Some 4.6 thousand comments.", "About 4,600 comments.", "en", "en"),
        ("The port logged over 48,000 crossings , she said .", "The port logged over 48,000 crossings, she said.", "en", "en"),
    ],
)
def test_formatting_never_drifts(a, b, la, lb):
    assert types(fast(a, b, la, lb)) == []


# --- mirroring, batching, claims ------------------------------------------------------------------

def test_mirrored_findings():
    a = "Meta will reach more than 2,400 contributors, she said, not counting Google Cloud."
    b = "Meta could reach nearly 2,500 contributors, he said, with Google."
    d1, d2 = fast(a, b), fast(b, a)
    swap = {"omission": "addition", "addition": "omission"}
    m1 = {(swap.get(f.type, f.type), f.target_value, f.source_value, f.target_span, f.source_span) for f in d1.drift}
    m2 = {(f.type, f.source_value, f.target_value, f.source_span, f.target_span) for f in d2.drift}
    assert m1 == m2 and len(m1) >= 4
    assert d1.divergence == d2.divergence


def test_diff_many_matches_diff_and_caches():
    from claimtrack.embed import EmbeddingCache

    pairs = [("It has 2,400 users.", "It has 2,500 users."), ("It has 2,400 users.", "It has 2,400 users.")]
    cache = EmbeddingCache()
    many = diff_many(pairs, "en", "en", embedder=BOW, cache=cache)
    assert [types(x) for x in many] == [["number"], []]
    misses = cache.misses
    assert fast(*pairs[0], cache=cache) == many[0] and cache.misses == misses


def test_diff_claims_uses_claim_fields():
    from claimtrack.extract.entities import extract_entities
    from claimtrack.extract.quantities import extract_quantities

    def claim(text: str, start: int, speaker: str) -> Claim:
        pad = "x" * start
        return Claim(id=f"c{start}", article_id="a", lang="en", text=text, start=start, end=start + len(text),
                     kind="quote", speaker=Speaker(text=speaker, start=0, end=len(speaker), name=speaker),
                     quantities=tuple(extract_quantities(text, "en", offset=start)),
                     entities=tuple(extract_entities(text, "en", offset=start)),
                     sentence_index=0)

    a = claim("We count 2,400 users of Google Cloud.", 10, "Jim Zemlin")
    b = claim("We count 2,500 users of Google.", 50, "Mark Zuckerberg")
    d = diff_claims(a, b, embedder=BOW)
    got = {(f.type, f.source_value, f.target_value) for f in d.candidates}
    assert {("number", "2,400", "2,500"), ("speaker", "Jim Zemlin", "Mark Zuckerberg"),
            ("entity", "Google Cloud", "Google")} <= got
    num = next(f for f in d.candidates if f.type == "number")
    assert a.text[num.source_span[0]:num.source_span[1]] == "2,400"


# --- refused input --------------------------------------------------------------------------------

def test_empty_text_is_refused():
    import claimtrack as ct

    with pytest.raises(ct.EmptyInputError, match="source text is empty"):
        diff("", "The bridge opened.", "en", "en", embedder=BOW)
    with pytest.raises(ct.EmptyInputError, match="pair 1: the target text is empty"):
        diff_many([("a b", "a b"), ("a b", "  \n")], "en", "en", embedder=BOW)
    with pytest.raises(TypeError):
        diff(None, "x", "en", "en", embedder=BOW)  # type: ignore[arg-type]


# --- explanations ---------------------------------------------------------------------------------

def test_every_explanation_is_regenerated_by_its_check():
    """A finding's explanation is its check's ``explain`` of its type and values
    (what mirroring relies on), in both orientations."""
    by_type = {t: c for c in CHECKS.values() for t in c.drift_types}
    a = "Meta will reach more than 2,400 contributors in 2023, she said, not counting Google Cloud."
    b = "Meta could reach nearly 2,500 contributors in 2024, he said, with Google."
    for d in (fast(a, b), fast(b, a), fast(a, b, source_speaker="Jim Zemlin", target_speaker="Mark Zuckerberg")):
        assert d.drift
        for f in d.drift:
            assert by_type[f.type].explain(f.type, f.source_value, f.target_value) == f.explanation
