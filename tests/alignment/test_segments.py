"""Two sentences against one: segments of merged links, their joined drift,
and the second partners found by the part of a merged sentence each translates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.alignment import align
from claimtrack.alignment.segments import JOINER, Segment, join, segments, split_findings
from claimtrack.models import Drift

from .common import PROP

# --------------------------------------------------------------------- segments, join, split (no encoder)


def test_segments_group_a_claim_with_its_partners() -> None:
    # a0 with b0 and b1 (merged), a1 with b2, a2 and a3 with b3 (merged)
    segs = segments([(0, 1), (0, 0), (1, 2), (2, 3), (3, 3)])
    assert segs == [
        Segment(a=(0,), b=(0, 1), links=(1, 0)),
        Segment(a=(1,), b=(2,), links=(2,)),
        Segment(a=(2, 3), b=(3,), links=(3, 4)),
    ]
    assert [s.joined for s in segs] == ["b", None, "a"]
    # a chain (a0-b0, a0-b1, a1-b1) is no star: each link is diffed on its own
    chain = segments([(0, 0), (0, 1), (1, 1)])
    assert [s.links for s in chain] == [(0,), (1,), (2,)]


@PROP
@given(st.sets(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=12))
def test_every_link_is_in_one_segment_and_every_segment_is_a_star(links: set[tuple[int, int]]) -> None:
    pairs = sorted(links)
    segs = segments(pairs)
    assert sorted(k for s in segs for k in s.links) == list(range(len(pairs)))
    for s in segs:
        mine = [pairs[k] for k in s.links]
        assert s.a == tuple(sorted({i for i, _ in mine})) and s.b == tuple(sorted({j for _, j in mine}))
        assert len(s.a) == 1 or len(s.b) == 1
        if s.joined is not None:  # the joined side's claims are linked to nothing else
            others = [p for p in pairs if p not in mine]
            joined = s.a if s.joined == "a" else s.b
            assert not [p for p in others if (p[0] if s.joined == "a" else p[1]) in joined]
            order = [i for i, _ in mine] if s.joined == "a" else [j for _, j in mine]
            assert order == sorted(order)


def test_join_claims_keeps_what_extraction_found() -> None:
    en = ct.read_article("The mill opened in 1998 on the Ouse. It employs 40 people at Ely.", lang="en")
    first, second = ct.extract_claims(en)
    joined, starts = join([first, second])
    assert joined.text == first.text + JOINER + second.text and starts == [0, len(first.text) + len(JOINER)]
    for q in joined.quantities:
        assert joined.text[q.start - joined.start : q.end - joined.start] == q.text
    assert [q.value for q in joined.quantities] == [q.value for q in first.quantities + second.quantities]
    assert [e.text for e in joined.entities] == [e.text for e in first.entities + second.entities]
    one, at = join([first])
    assert one.text == first.text and at == [0]


@PROP
@given(st.lists(st.text(alphabet="abc xyz", min_size=1, max_size=30), min_size=1, max_size=4), st.data())
def test_split_findings_give_each_part_its_own_spans(texts: list[str], data: st.DataObject) -> None:
    joined, starts = join(texts)
    assert all(joined[s : s + len(t)] == t for s, t in zip(starts, texts))
    found, expected = [], []
    for k, t in enumerate(texts):
        a = data.draw(st.integers(0, len(t) - 1))
        b = data.draw(st.integers(a + 1, len(t)))
        span = (starts[k] + a, starts[k] + b)
        found.append(Drift(type="omission", source_value=joined[span[0] : span[1]], source_span=span,
                           explanation="x"))
        expected.append((k, t[a:b]))
    found.append(Drift(type="addition", target_value="y", target_span=(0, 1), explanation="x"))
    primary = data.draw(st.integers(0, len(texts) - 1))
    parts = split_findings(found, "source", starts, [len(t) for t in texts], primary)
    for k, value in expected:
        (d,) = [d for d in parts[k] if d.type == "omission"]
        assert d.source_span is not None and texts[k][d.source_span[0] : d.source_span[1]] == value
    assert [d.type for d in parts[primary]].count("addition") == 1  # no span on the joined side: the first partner


# --------------------------------------------------------------------- real USE

EN_FERRY = ("The council voted on Monday to close the old ferry terminal on the north bank. "
            "Residents had signed a petition against it. Tourism fell last year.")
FR_FERRY = ("Le conseil a voté lundi la fermeture de l'ancien terminal des ferries de la rive nord, alors que les "
            "habitants avaient signé une pétition contre. Le tourisme a reculé l'an dernier.")
EN_FLOOD = ("Heavy rain flooded the lower town overnight. Two hundred residents spent the night in the school gym. "
            "The river is expected to fall by Sunday.")
FR_FLOOD = ("De fortes pluies ont inondé la ville basse pendant la nuit, et {n} habitants ont dormi dans le gymnase "
            "de l'école. La rivière devrait baisser d'ici dimanche.")


def _compare(en_text: str, fr_text: str, use: ct.USEEmbedder) -> tuple[ct.Comparison, list[ct.Alignment]]:
    en = ct.read_article(en_text, lang="en", article_id="en")
    fr = ct.read_article(fr_text, lang="fr", article_id="fr")
    comparison = ct.compare(en, fr, embedder=use)
    return comparison, list(comparison.alignments[0].alignments)


def _texts(comparison: ct.Comparison, als: list[ct.Alignment]) -> list[tuple[str, str]]:
    return [(comparison.claim(a.source).text[:12], comparison.claim(a.target).text[:12]) for a in als]


def test_a_short_neighbour_joins_the_sentence_that_translates_it(use: ct.USEEmbedder) -> None:
    """The second sentence is lost in the long French one's vector, but the
    French sentence ends with its translation: it is a second partner, and
    the joined drift reports no added passage."""
    comparison, als = _compare(EN_FERRY, FR_FERRY, use)
    assert _texts(comparison, als) == [("The council ", "Le conseil a"), ("Residents ha", "Le conseil a"),
                                       ("Tourism fell", "Le tourisme ")]
    assert "it translates the part 'alors que les habitants avaient signé une pétition contre'" in als[1].evidence[-1]
    assert [d for a in als for d in a.drift] == [] and comparison.unmatched == ()
    # without the rule the French sentence's second half is an addition
    plain = align(comparison.claims[:3], comparison.claims[3:], embedder=use, part_threshold=2.0)
    assert [d.type for a in plain for d in a.drift] == ["addition"]


def test_two_sentences_split_one_and_real_drift_is_still_found(use: ct.USEEmbedder) -> None:
    faithful, als = _compare(EN_FLOOD, FR_FLOOD.format(n="deux cents"), use)
    assert len(als) == 3 and faithful.unmatched == ()
    assert [d for a in als for d in a.drift] == []
    changed, als = _compare(EN_FLOOD, FR_FLOOD.format(n="trois cents"), use)
    assert len(als) == 3 and changed.unmatched == ()
    (finding,) = [(a, d) for a in als for d in a.drift]
    al, d = finding
    source = changed.claim(al.source)
    assert (d.type, d.source_value, d.target_value) == ("number", "200", "300")
    assert d.source_span is not None and source.text[d.source_span[0] : d.source_span[1]] == "Two hundred"
    target = changed.claim(al.target)
    assert d.target_span is not None and target.text[d.target_span[0] : d.target_span[1]] == "trois cents"


@pytest.mark.parametrize(("en_text", "fr_text"), [
    (EN_FERRY, FR_FERRY), (EN_FLOOD, FR_FLOOD.format(n="trois cents")),
    ("The city library reopened on Monday after two years of renovation. Since 2019, more than 3,200 volunteers "
     "have helped to sort its collection. The mayor thanked the architects. \u201cThe library now holds more than "
     "480,000 books and maps,\u201d the head librarian said.",
     "La bibliothèque municipale a rouvert lundi après deux ans de travaux. Depuis 2019, plus de 3 200 bénévoles "
     "ont trié une collection qui compte aujourd'hui près de 495 000 livres et cartes. Le maire a remercié les "
     "architectes."),
])
def test_second_partners_are_symmetric(use: ct.USEEmbedder, en_text: str, fr_text: str) -> None:
    en = ct.extract_claims(ct.read_article(en_text, lang="en", article_id="en"))
    fr = ct.extract_claims(ct.read_article(fr_text, lang="fr", article_id="fr"))
    ab = align(en, fr, embedder=use)
    ba = align(fr, en, embedder=use)
    swap = {"omission": "addition", "addition": "omission"}
    assert sorted((a.source, a.target) for a in ab) == sorted((b.target, b.source) for b in ba)
    by_pair = {(b.target, b.source): b for b in ba}
    for a in ab:
        mirrored = by_pair[(a.source, a.target)]
        assert sorted((swap.get(d.type, d.type), d.target_value, d.source_value) for d in a.drift) == sorted(
            (d.type, d.source_value, d.target_value) for d in mirrored.drift)


def test_an_unrelated_neighbour_stays_unmatched(use: ct.USEEmbedder) -> None:
    en = ("The council voted on Monday to close the old ferry terminal on the north bank. "
          "A jazz festival will be held in the park in August.")
    comparison, als = _compare(en, FR_FERRY, use)
    assert [comparison.claim(u).text[:5] for u in comparison.unmatched] == ["A jaz", "Le to"]
    assert len(als) == 1


EN_LIBRARY = ("The city library reopened on Monday after two years of renovation. "
              "Since 2019, more than 3,200 volunteers have helped to sort its collection. "
              "The mayor thanked the architects and the builders. "
              "The new reading room has large windows facing the harbour. "
              "\u201cThe library now holds more than 480,000 books and maps,\u201d the head librarian said. "
              "Opening hours will be extended in the summer.")
FR_LIBRARY = ("La bibliothèque municipale a rouvert lundi après deux ans de travaux. "
              "Depuis 2019, plus de 3 200 bénévoles ont trié une collection qui compte aujourd'hui {q} {n} livres "
              "et cartes. "
              "Le maire a remercié les architectes et les ouvriers. "
              "La nouvelle salle de lecture possède de grandes fenêtres donnant sur le port. "
              "Les horaires d'ouverture seront prolongés en été.")


def test_a_sentence_stating_the_figures_of_two_distant_sentences_joins_both(use: ct.USEEmbedder) -> None:
    """The French second sentence renders the English second and fifth: it
    states a figure of each, and the two together are closer to it than
    either alone, so it is linked to both and compared with both at once."""
    faithful, als = _compare(EN_LIBRARY, FR_LIBRARY.format(q="plus de", n="480 000"), use)
    merged = [a for a in als if faithful.claim(a.target).text.startswith("Depuis 2019")]
    assert sorted(faithful.claim(a.source).text[:12] for a in merged) == ["Since 2019, ", "\u201cThe library"]
    assert any("states a figure of its partner" in e for a in merged for e in a.evidence)
    assert faithful.unmatched == ()
    assert [d.type for a in merged for d in a.drift if d.type in ("number", "qualifier", "addition")] == []
    changed, als = _compare(EN_LIBRARY, FR_LIBRARY.format(q="près de", n="495 000"), use)
    found = {(d.type, d.source_value, d.target_value) for a in als for d in a.drift}
    assert {("number", "480,000", "495,000"), ("qualifier", "more_than", "nearly")} <= found


def test_two_figures_in_unrelated_sentences_make_no_merge(use: ct.USEEmbedder) -> None:
    en = ("The city library reopened on Monday after two years of renovation. "
          "The football club sold 3,200 season tickets in a week. "
          "A cargo ship carrying 480,000 tonnes of grain left the port.")
    fr = ("La bibliothèque municipale a rouvert lundi après deux ans de travaux. "
          "Depuis 2019, plus de 3 200 bénévoles ont trié une collection qui compte aujourd'hui 480 000 livres.")
    comparison, als = _compare(en, fr, use)
    assert not any("states a figure of its partner" in e for a in als for e in a.evidence)
    assert len(als) == 1
