"""compare(): claims, pairwise alignments, unmatched; table and HTML views."""

from __future__ import annotations


import pytest

import claimtrack as ct
from claimtrack.comparison import Comparison
from claimtrack.report import comparison_table, html_comparison
from claimtrack.models import Article

from .conftest import CORPUS


def _articles() -> list[Article]:
    if not CORPUS.is_dir():
        pytest.skip(f"seed corpus not found at {CORPUS}")
    out = []
    for prefix in ("001", "002", "003", "004"):
        path = next(CORPUS.glob(f"{prefix}_*.txt"))
        # TODO(lead): ct.read_article(path) once claimtrack.ingest lands.
        out.append(
            Article(id=prefix, lang="fr" if prefix == "004" else "en", text=path.read_text(encoding="utf-8"), source=path.name)
        )
    return out


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return ct.compare(*_articles())


def test_structure(comparison: Comparison) -> None:
    assert [a.id for a in comparison.articles] == ["001", "002", "003", "004"]
    assert [(p.source_article, p.target_article) for p in comparison.alignments] == [
        ("001", "002"), ("001", "003"), ("001", "004"), ("002", "003"), ("002", "004"), ("003", "004"),
    ]
    ids = {c.id for c in comparison.claims}
    by_article = {c.id: c.article_id for c in comparison.claims}
    matched = set()
    for pair in comparison.alignments:
        for al in pair.alignments:
            assert by_article[al.source] == pair.source_article
            assert by_article[al.target] == pair.target_article
            matched |= {al.source, al.target}
    assert set(comparison.unmatched) == ids - matched
    assert sum(a.claims for a in comparison.articles) == len(comparison.claims)


def test_json_round_trip(comparison: Comparison) -> None:
    assert Comparison.model_validate_json(comparison.model_dump_json()) == comparison


def test_french_only_claims_unmatched(comparison: Comparison) -> None:
    texts = {c.id: c.text for c in comparison.claims}
    unmatched = [texts[i] for i in comparison.unmatched]
    assert any("80% des chercheurs" in t for t in unmatched)
    assert any(t.startswith("La première version de PyTorch-Distributed") for t in unmatched)


def test_table_and_html(comparison: Comparison) -> None:
    table = comparison_table(comparison)
    assert "001 <-> 004" in table and "Unmatched" in table
    page = html_comparison(comparison)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page.lower()


def test_html_escapes_article_text() -> None:
    evil = Article(id="x<1>", lang="en", text='He said "<script>alert(1)</script>" & left the room today.')
    twin = Article(id="y", lang="en", text='He said "<script>alert(1)</script>" & left the room today.')
    cl = {
        a.id: [ct.Claim(id=f"{a.id}:0", article_id=a.id, lang="en", text=a.text, start=0, end=len(a.text),
                        kind="statement", sentence_index=0)]
        for a in (evil, twin)
    }
    comp = ct.compare(evil, twin, claims=cl)
    page = html_comparison(comp)
    assert "<script>" not in page and "&lt;script&gt;" in page and "x&lt;1&gt;" in page
    assert len(comp.alignments[0].alignments) == 1


def test_callable_after_submodule_import() -> None:
    import claimtrack.alignment  # noqa: F401  (binds the submodule to ct.align)
    import claimtrack.comparison  # noqa: F401

    assert ct.align(["same text here"], ["same text here"])[0].score > 0.99
    assert isinstance(ct.compare(Article(id="a", lang="en", text="One sentence here."),
                                 claims={"a": []}), Comparison)


# --- clusters: the store's clusters, one matching rule -----------------------------------------------

_WIRE = ("The harbour bridge will close for repairs on Monday, the city council said. "
         "Work on the north span is expected to last six weeks. "
         "Buses will replace the tram line during the works.")
_HERALD = ("Work on the north span is expected to last six weeks. "
           "The harbour bridge will close for repairs on Monday, the city council said. "
           "Local shops fear a drop in trade.")
_TIMES = ("Local shops fear a drop in trade. "
          "The council said the harbour bridge will close for repairs on Monday. "
          "A public meeting is planned for Thursday evening.")


def _outlets() -> list[Article]:
    return [ct.read_article(text, lang="en", article_id=k, source=k)
            for k, text in (("wire", _WIRE), ("herald", _HERALD), ("times", _TIMES))]


def test_clusters_are_the_stores_clusters(tmp_path) -> None:
    from .fakes import HashEmbedder

    emb = HashEmbedder()
    comparison = ct.compare(*_outlets(), embedder=emb)
    with ct.Tracker(tmp_path / "store.db", embedder=emb) as tracker:
        for article in _outlets():
            tracker.add(article)
        stored = tracker.clusters(min_variants=2)
    assert comparison.clusters and list(comparison.clusters) == stored
    for cluster in comparison.clusters:
        arts = [v.claim.article_id for v in cluster.variants]
        assert len(arts) >= 2 and len(set(arts)) == len(arts)  # one variant per article
    texts = {tuple(v.claim.text[:20] for v in c.variants) for c in comparison.clusters}
    assert ("The harbour bridge w", "The harbour bridge w", "The council said the") in texts
    assert ("Local shops fear a d", "Local shops fear a d") in texts


def test_clusters_can_be_left_out() -> None:
    from .fakes import HashEmbedder

    assert ct.compare(*_outlets(), embedder=HashEmbedder(), cluster=False).clusters == ()
    one = ct.compare(_outlets()[0], embedder=HashEmbedder())
    assert one.clusters == ()


def test_the_table_lists_the_clusters() -> None:
    from .fakes import HashEmbedder

    table = comparison_table(ct.compare(*_outlets(), embedder=HashEmbedder()), width=100)
    assert "Statements in two articles or more: " in table
    section = table.split("Statements in two articles or more: ")[1].split("Unmatched")[0]
    assert "Local shops fear a drop in trade." in section and "Buses will replace" not in section


def test_claims_marked_extracted_give_the_same_comparison() -> None:
    """The command line hands ``compare`` the claims it extracted
    (``claims_extracted=True``): the clusters stage reuses them, and the
    comparison is the one ``compare`` computes from the articles alone."""
    from .fakes import HashEmbedder

    arts = _outlets()
    plain = ct.compare(*arts, embedder=HashEmbedder())
    claims = {a.id: ct.extract_claims(a) for a in arts}
    reused = ct.compare(*arts, embedder=HashEmbedder(), claims=claims, claims_extracted=True)
    assert reused == plain and plain.clusters
    assert reused.model_dump_json() == plain.model_dump_json()
