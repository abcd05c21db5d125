"""Both aligners with the real USE encoder: identity, mirror, figures, and the seed corpus."""

from __future__ import annotations

import pytest

import claimtrack as ct
from claimtrack.alignment import align, align_sentences
from claimtrack.embed import EmbeddingCache
from claimtrack.models import Article

from ..conftest import CORPUS, FIXTURES
from .common import check_links


# ---------------------------------------------------------------- real USE


@pytest.fixture(scope="module")
def cache() -> EmbeddingCache:
    return EmbeddingCache()


def test_real_identity_and_mirror(use: ct.USEEmbedder, cache: EmbeddingCache) -> None:
    en = [
        "The company was founded in 1998.",
        "It is based in Paris.",
        "Its chief executive is Marie Dupont.",
        "Sales grew by ten percent last year.",
    ]
    fr = [
        "Fondée en 1998, l’entreprise est basée à Paris.",
        "Sa directrice générale est Marie Dupont.",
        "Les ventes ont augmenté de dix pour cent l’an dernier.",
    ]
    links = align_sentences(en, fr, "en", "fr", embedder=use, cache=cache)
    assert [(lk.source, lk.target) for lk in links] == [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]
    back = align_sentences(fr, en, "fr", "en", embedder=use, cache=cache)
    assert [(lk.target, lk.source) for lk in links] == [(lk.source, lk.target) for lk in back]
    same = align_sentences(en, en, embedder=use, cache=cache)
    assert [(lk.source, lk.target) for lk in same] == [((i,), (i,)) for i in range(4)]
    # order-free: the merged French sentence takes both English ones
    pairs = {(al.source, al.target) for al in align(en, fr, embedder=use, cache=cache, lang_a="en", lang_b="fr")}
    assert pairs == {("0", "0"), ("1", "0"), ("2", "1"), ("3", "2")}


def test_changed_figure_still_aligns(use: ct.USEEmbedder, cache: EmbeddingCache) -> None:
    en = [
        "PyTorch now has more than 150,000 projects built on it.",
        "The weather was cold in Berlin.",
        "Meta will keep investing in the framework.",
    ]
    fr = [
        "Le temps était froid à Berlin.",
        "PyTorch compte désormais près de 154 000 projets construits dessus.",
        "Meta continuera d’investir dans le framework.",
    ]
    pairs = {(al.source, al.target) for al in align(en, fr, embedder=use, cache=cache, lang_a="en", lang_b="fr")}
    assert pairs == {("0", "1"), ("1", "0"), ("2", "2")}


def test_shared_figure_accepts_a_pair_below_the_length_bar(use: ct.USEEmbedder, cache: EmbeddingCache) -> None:
    herald = ct.extract_claims(ct.read_article(FIXTURES / "harbour-bridge" / "en-herald.txt"))
    wire = ct.extract_claims(ct.read_article(FIXTURES / "harbour-bridge" / "en-wire.txt"))
    a = _find(herald, "More than 2,400 workers")
    b = _find(wire, "Mayor Elena Marchetti said more than 2,400")
    (hit,) = [x for x in align(herald, wire, embedder=use, cache=cache) if x.source == a.id]
    assert hit.target == b.id
    assert 0.5 <= hit.similarity < 0.65  # below the bar of long claims: the figure decided
    assert any("accepted on a shared figure" in e for e in hit.evidence)
    assert {(d.type, d.source_value, d.target_value) for d in hit.drift} >= {
        ("number", "1,200,000,000", "1,400,000,000")
    }
    # without the rule (evidence_threshold above any cosine) the pair is refused
    strict = align(herald, wire, embedder=use, cache=cache, evidence_threshold=1.01, drift=False)
    assert a.id not in {x.source for x in strict}
    # and the rule is symmetric
    back = align(wire, herald, embedder=use, cache=cache, drift=False)
    assert (b.id, a.id) in {(x.source, x.target) for x in back}


# ---------------------------------------------------------------- seed corpus


def _article(prefix: str) -> Article:
    if not CORPUS.is_dir():
        pytest.skip(f"seed corpus not found at {CORPUS}")
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    return ct.read_article(path, article_id=prefix, source=path.name)


@pytest.fixture(scope="module")
def seed_claims() -> dict[str, list[ct.Claim]]:
    return {p: ct.extract_claims(_article(p)) for p in ("001", "002", "003", "004")}


def _find(claims: list[ct.Claim], start: str) -> ct.Claim:
    hits = [c for c in claims if c.text.lstrip("«“\" ").startswith(start)]
    assert len(hits) == 1, (start, [c.text[:40] for c in claims])
    return hits[0]


def _pairs(als: list[ct.Alignment]) -> set[tuple[str, str]]:
    return {(a.source, a.target) for a in als}


def test_seed_zemlin_paragraph(seed_claims, use, cache) -> None:  # type: ignore[no-untyped-def]
    fr, en = seed_claims["004"], seed_claims["001"]
    expected = [
        ("Des projets comme PyTorch", "Projects like PyTorch"),
        ("La neutralité et la véritable", "Neutrality and true community"),
        ("Les utilisateurs, les responsables", "Users, maintainers and the community"),
        ("En créant une maison neutre", "By creating a neutral home"),
    ]
    got = _pairs(align(fr, en, embedder=use, cache=cache))
    for f, e in expected:
        assert (_find(fr, f).id, _find(en, e).id) in got
    # the same four, monotone, with the paragraph-level aligner
    fr_par = [_find(fr, f) for f, _ in expected]
    en_par = [c for c in en if c.sentence_index >= _find(en, "Projects like PyTorch").sentence_index][:4]
    links = align_sentences(fr_par, en_par, "fr", "en", embedder=use, cache=cache)
    assert [(lk.source, lk.target) for lk in links] == [((i,), (i,)) for i in range(4)]
    assert all(lk.similarity is not None and lk.similarity > 0.7 for lk in links)


def test_seed_chintala_quote(seed_claims, use, cache) -> None:  # type: ignore[no-untyped-def]
    fr, en2, en3 = seed_claims["004"], seed_claims["002"], seed_claims["003"]
    trio = [
        ("Garder la santé organisationnelle", "Keeping PyTorch's organizational health"),
        ("La prochaine étape de notre progrès", "The next stage of our organizational progress"),
        ("Nous avons choisi la Linux Foundation", "We chose the Linux Foundation"),
    ]
    got2 = _pairs(align(fr, en2, embedder=use, cache=cache))
    for f, e in trio:
        assert (_find(fr, f).id, _find(en2, e).id) in got2
    got3 = _pairs(align(fr, en3, embedder=use, cache=cache))
    assert (_find(fr, "Nous avons choisi").id, _find(en3, "We chose the Linux Foundation").id) in got3


def test_seed_french_only_sentences_stay_unmatched(seed_claims, use, cache) -> None:  # type: ignore[no-untyped-def]
    fr = seed_claims["004"]
    lonely = {_find(fr, "Aujourd’hui, plus de 80%").id, _find(fr, "La première version de PyTorch-Distributed").id}
    for other in ("001", "002", "003"):
        for al in align(fr, seed_claims[other], embedder=use, cache=cache):
            assert al.source not in lonely


def test_seed_repeated_sentences_score_high(seed_claims, use, cache) -> None:  # type: ignore[no-untyped-def]
    a, b = seed_claims["001"], seed_claims["003"]
    by_pair = {(x.source, x.target): x for x in align(a, b, embedder=use, cache=cache)}
    for start in ("From August 2021 through August 2022", "Over 2,400 contributors", "These numbers place PyTorch"):
        al = by_pair[(_find(a, start).id, _find(b, start).id)]
        assert al.score >= 0.95
        assert al.fuzzy is not None and al.fuzzy >= 0.95
    al = by_pair[(_find(a, "From August 2021").id, _find(b, "From August 2021").id)]
    assert 65000.0 in al.shared_numbers
    assert any("shared numbers" in e for e in al.evidence)


def test_seed_summary_against_long_article(seed_claims, use, cache) -> None:  # type: ignore[no-untyped-def]
    """A short French 'summary' (the four Zemlin sentences) against all of 001."""
    fr = [_find(seed_claims["004"], s) for s in ("Des projets comme", "La neutralité et", "Les utilisateurs,", "En créant")]
    en = seed_claims["001"]
    links = align_sentences(fr, en, "fr", "en", embedder=use, cache=cache)
    check_links(links, len(fr), len(en))
    start = _find(en, "Projects like PyTorch").sentence_index
    aligned = [(lk.source, lk.target) for lk in links if lk.source and lk.target]
    idx = {c.sentence_index: k for k, c in enumerate(en)}
    assert aligned == [((i,), (idx[start + i],)) for i in range(4)]


# --- systematic name renderings -------------------------------------------------------------------

def test_a_name_rendered_the_same_way_twice_is_no_drift_a_one_off_stays(use):
    """A replacement that recurs across the links of one pair of articles is
    how the translation renders the name; the same replacement once is a drift."""
    en = ["Inspectors from the NWB visited the dam on Monday.",
          "The NWB said the repairs would take a year.",
          "The mayor, Anna Berg, thanked the engineers."]
    fr = ["Des inspecteurs de l'OEN ont visité le barrage lundi.",
          "L'OEN a déclaré que les réparations prendraient un an.",
          "Le maire, Paul Weber, a remercié les ingénieurs."]
    als = ct.align(en, fr, embedder=use, lang_a="en", lang_b="fr", min_confidence=0.0)
    assert len(als) == 3
    entity = [(d.source_value, d.target_value) for al in als for d in al.drift
              if d.type == "entity" and d.source_value and d.target_value]
    assert ("Anna Berg", "Paul Weber") in entity
    assert not [p for p in entity if p[0] == "NWB"]
