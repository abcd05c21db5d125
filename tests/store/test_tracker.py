"""The Tracker end to end: clustering of the seed corpus and the fixtures (real
USE encoder), queries, find, the ``claimtrack track`` commands, errors and ids."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.alignment.quotes import quote_units
from claimtrack.cli import EXIT_INPUT, EXIT_LANGUAGE, main
from claimtrack.errors import ClusterNotFoundError, StoreError
from claimtrack.store import (
    AddResult, Cluster, ClusterHit, DriftedQuote, DriftedVariant, QuoteCluster, QuoteVariant, Tracker, Variant,
)

from ..conftest import FIXTURES, SEED_FILES

from .common import BRIDGE, BRIDGE_DATES, FAKE, synthetic, bridge, find_variant, cluster_of


# ----------------------------------------------------------------------------- the seed corpus (USE)


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seed_articles) -> Tracker:  # type: ignore[no-untyped-def]
    tracker = Tracker(tmp_path_factory.mktemp("seed") / "seed.db")
    for key in SEED_FILES:
        assert tracker.add(seed_articles[key]).added
    yield tracker
    tracker.close()


def test_seed_zemlin_neutral_home_en_fr(seed_store: Tracker) -> None:
    c = cluster_of(seed_store, "001", "Projects like PyTorch that have the potential")
    fr = find_variant(c, "Des projets comme PyTorch")
    assert fr.article_id == "004" and fr.lang == "fr"
    assert {"en", "fr"} <= set(c.langs)
    assert c.first_seen == dt.date(2022, 9, 12)


def test_seed_chintala_quote_in_three_articles(seed_store: Tracker) -> None:
    c = cluster_of(seed_store, "002", "We chose the Linux Foundation")
    ids = {v.article_id for v in c.variants}
    assert ids == {"002", "003", "004"}
    assert find_variant(c, "Nous avons choisi la Linux Foundation").lang == "fr"
    assert all(v.claim.speaker is not None and v.claim.speaker.name == "Soumith Chintala" for v in c.variants)
    assert c.variants[0].similarity == 1.0 and c.variants[0].drift == ()


def test_seed_150000_figure_drifts_in_french(seed_store: Tracker) -> None:
    c = cluster_of(seed_store, "004", "Ces cinq dernières années")
    ref = c.variants[0]
    assert 150000.0 in {q.value for q in ref.claim.quantities}
    fr = find_variant(c, "Ces cinq dernières années")
    found = {(d.type, d.source_value, d.target_value) for d in fr.drift}
    assert ("number", "150,000", "154,000") in found
    assert ("qualifier", "more_than", "nearly") in found
    # spans index the variant's own text (the report highlights target spans)
    for d in fr.drift:
        if d.target_span is not None:
            s, e = d.target_span
            assert 0 <= s < e <= len(fr.claim.text)
    assert c in seed_store.clusters(drift_type="number")
    assert c in seed_store.clusters(lang="fr", drift_type="qualifier")


def test_seed_idempotent_and_queries(seed_store: Tracker, seed_articles) -> None:  # type: ignore[no-untyped-def]
    before = seed_store.stats()
    again = seed_store.add(seed_articles["004"])
    n_quotes = len(quote_units(ct.extract_claims(seed_articles["004"])))
    assert again == AddResult(article_id="004", added=False, claims=again.claims, new_clusters=0, matched=0,
                              quotes=n_quotes, new_quote_clusters=0, quotes_matched=0)
    assert seed_store.stats() == before
    chintala = seed_store.clusters(speaker="Chintala")
    assert chintala and all(
        any(v.claim.speaker and v.claim.speaker.name == "Soumith Chintala" for v in c.variants) for c in chintala
    )
    assert seed_store.clusters(since="2022-09-13") == []
    assert len(seed_store.clusters(until=dt.date(2022, 9, 12))) == before["clusters"]


def test_seed_find_cross_language(seed_store: Tracker) -> None:
    target = cluster_of(seed_store, "002", "We chose the Linux Foundation")
    hits = seed_store.find("Nous avons choisi la Linux Foundation pour sa grande expérience des projets open source.",
                           k=3)
    assert hits and isinstance(hits[0], ClusterHit) and hits[0].cluster.id == target.id
    assert hits[0].similarity >= hits[-1].similarity
    home = cluster_of(seed_store, "001", "Projects like PyTorch that have the potential")
    hits = seed_store.find("Projects such as PyTorch benefit from having a neutral home.", lang="en", k=3)
    assert home.id in [h.cluster.id for h in hits]


# ----------------------------------------------------------------------------- the fixtures (USE)


@pytest.fixture(scope="module")
def bridge_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bridge") / "bridge.db"
    with Tracker(path) as tracker:
        for name in BRIDGE_DATES:
            tracker.add(bridge(name))
    return path


@pytest.fixture()
def bridge_store(bridge_db: Path) -> Tracker:
    tracker = Tracker(bridge_db, create=False)
    yield tracker
    tracker.close()


def test_bridge_clusters(bridge_store: Tracker) -> None:
    c = cluster_of(bridge_store, "en-herald", "More than 2,400 workers")
    fr = find_variant(c, "Près de 2 400 ouvriers")
    assert ("qualifier", "more_than", "nearly") in {(d.type, d.source_value, d.target_value) for d in fr.drift}
    assert [v.published for v in c.variants] == sorted(v.published for v in c.variants)
    assert c.variants[-1].article_id == "fr-courrier" and c.first_seen == dt.date(2024, 9, 14)
    assert fr.source is not None and fr.source.endswith("fr-courrier.txt")
    assert Cluster.model_validate_json(c.model_dump_json()) == c
    assert bridge_store.cluster(c.id) == c
    assert bridge_store.cluster(int(c.id[1:])) == c
    # the wire's attributed requote joins the herald's unattributed statement
    wire = find_variant(c, "Mayor Elena Marchetti said more than 2,400")
    assert ("number", "1,200,000,000", "1,400,000,000") in {(d.type, d.source_value, d.target_value)
                                                            for d in wire.drift}


def test_bridge_queries(bridge_store: Tracker) -> None:
    every = bridge_store.clusters()
    fr = bridge_store.clusters(lang="fr")
    assert fr and fr == [c for c in every if "fr" in c.langs]
    assert bridge_store.clusters(lang="de") == []
    okafor = bridge_store.clusters(speaker="Tomas Okafor")
    assert okafor and all(any(v.claim.speaker and v.claim.speaker.name == "Tomas Okafor" for v in c.variants)
                          for c in okafor)
    assert bridge_store.clusters(speaker="okafor") == okafor
    hollis = bridge_store.clusters(entity="Hollis Engineering")
    assert hollis and all(any("Hollis" in v.claim.text for v in c.variants) for c in hollis)
    assert bridge_store.clusters(entity="Nobody Anywhere") == []
    late = bridge_store.clusters(since="2024-09-15")
    assert late and all(any(v.published == dt.date(2024, 9, 15) for v in c.variants) for c in late)
    assert bridge_store.clusters(until="2024-09-13") == []
    multi = bridge_store.clusters(min_variants=2)
    assert multi and all(len(c.variants) >= 2 for c in multi)
    assert bridge_store.clusters(limit=2) == every[:2]
    with pytest.raises(ValueError):
        bridge_store.clusters(drift_type="colour")
    with pytest.raises(ct.InputError):
        bridge_store.clusters(since="last week")


def test_bridge_drift_listing(bridge_store: Tracker) -> None:
    q = bridge_store.drift("qualifier")
    assert q and all(isinstance(d, DriftedVariant) for d in q)
    assert all(any(f.type == "qualifier" for f in d.variant.drift) for d in q)
    assert all(d.reference.similarity == 1.0 and d.reference.drift == () for d in q)
    every = bridge_store.drift()
    assert {(d.cluster_id, d.variant.claim.id) for d in q} <= {(d.cluster_id, d.variant.claim.id) for d in every}
    assert sum(1 for c in bridge_store.clusters() for v in c.variants if v.drift) == len(every)
    assert bridge_store.stats()["drifted_variants"] == len(every)


def test_bridge_report_html(bridge_store: Tracker) -> None:
    from claimtrack.report.html import html_clusters

    page = html_clusters(bridge_store.clusters(min_variants=2))
    assert page.startswith("<!DOCTYPE html>") and "ouvriers ont participé" in page and "drift-qualifier" in page


def test_bridge_find_in_french(bridge_store: Tracker) -> None:
    target = cluster_of(bridge_store, "en-herald", "More than 2,400 workers")
    hits = bridge_store.find("Plus de 2 400 ouvriers ont participé au projet.", k=2)
    assert hits[0].cluster.id == target.id
    assert bridge_store.find("anything", k=0) == []
    with pytest.raises(ct.InputError):
        bridge_store.find("   ")


# ----------------------------------------------------------------------------- the CLI


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


def test_cli_report_show_find(bridge_db: Path) -> None:
    db = str(bridge_db)
    code, table = run(["track", "report", "--db", db, "--min-variants", "2"])
    assert code == 0 and "clusters shown" in table and "drift qualifier" in table
    code, text = run(["track", "report", "--db", db, "--format", "json"])
    payload = json.loads(text)
    clusters = [Cluster.model_validate(c) for c in payload["clusters"]]
    with Tracker(bridge_db, create=False) as tracker:
        assert clusters == tracker.clusters()
    code, lines = run(["track", "report", "--db", db, "--format", "jsonl", "--lang", "fr", "--drift-type", "qualifier"])
    rows = [Cluster.model_validate_json(line) for line in lines.splitlines()]
    assert code == 0 and rows and all("fr" in c.langs for c in rows)
    code, page = run(["track", "report", "--db", db, "--format", "html", "--title", "Bridge"])
    assert code == 0 and page.startswith("<!DOCTYPE html>") and "<title>Bridge</title>" in page
    cid = clusters[0].id
    code, shown = run(["track", "show", cid, "--db", db, "--format", "json"])
    assert code == 0 and list(json.loads(shown)) == ["claimtrack", "db", "cluster"]
    assert Cluster.model_validate(json.loads(shown)["cluster"]) == clusters[0]
    code, shown = run(["track", "show", cid, "--db", db])
    assert code == 0 and shown.startswith(cid)
    code, found = run(["track", "find", "Près de 2 400 ouvriers", "--db", db, "-k", "1", "--format", "json"])
    assert code == 0 and len(json.loads(found)["hits"]) == 1


def test_cli_add_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "wire.db")
    monkeypatch.setattr(sys, "stdin", io.StringIO((FIXTURES / "wire.jsonl").read_text(encoding="utf-8")))
    code, lines = run(["track", "add", "-", "--db", db, "--format", "jsonl"])
    results = [AddResult.model_validate_json(line) for line in lines.splitlines()]
    assert code == 0 and [r.article_id for r in results] == ["wire-en-1", "wire-fr-1"]
    assert results[1].matched >= 2  # the French wire repeats the English one
    assert capsys.readouterr().err == ""  # no progress bar when stderr is not a terminal
    code, summary = run(["track", "add", str(FIXTURES / "wire.jsonl"), "--db", db])
    assert code == 0 and summary.startswith("0 articles added, 2 already stored")


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(["track", "report", "--db", str(tmp_path / "missing.db")])
    err = capsys.readouterr().err
    assert code == EXIT_INPUT and err.count("\n") == 1 and "no claim store" in err
    with Tracker(tmp_path / "empty.db", embedder=None):
        pass
    code, _ = run(["track", "show", "c42", "--db", str(tmp_path / "empty.db")])
    assert code == EXIT_INPUT and "no cluster 'c42'" in capsys.readouterr().err
    code, _ = run(["track", "add", str(BRIDGE / "en-wire.txt"), "--db", str(tmp_path / "x.db"), "--lang", "de"])
    assert code == EXIT_LANGUAGE and capsys.readouterr().err.count("\n") == 1
    (tmp_path / "junk.db").write_bytes(b"not a database at all, just text" * 10)
    code, _ = run(["track", "report", "--db", str(tmp_path / "junk.db")])
    assert code == EXIT_INPUT and "not a claimtrack store" in capsys.readouterr().err


# ----------------------------------------------------------------------------- errors, ids and public names (fake embedder)


def test_errors_and_ids(tmp_path: Path) -> None:
    with Tracker(tmp_path / "e.db", embedder=FAKE) as t:
        t.add(synthetic(5))
        (c, *_) = t.clusters()
        assert t.cluster(c.id) == t.cluster(c.id.upper()) == c
        for bad in ("c999", "x", 999):
            with pytest.raises(ClusterNotFoundError) as info:
                t.cluster(bad)
            assert isinstance(info.value, LookupError) and isinstance(info.value, StoreError)
        with pytest.raises(TypeError):
            t.add("not an article")  # type: ignore[arg-type]
        with pytest.raises(ct.UnsupportedLanguageError):
            t.add(ct.read_article("Der Bürgermeister hat die Brücke eröffnet.", lang="de"))
        assert t.stats()["articles"] == 1


def test_public_names() -> None:
    assert ct.Tracker is Tracker and ct.Cluster is Cluster and ct.Variant is Variant
    assert ct.AddResult is AddResult and ct.StoreError is StoreError
    assert set(Variant.model_fields) == {"claim", "article_id", "source", "lang", "published", "similarity", "drift"}
    assert set(Cluster.model_fields) == {"id", "first_seen", "langs", "variants"}
    assert set(AddResult.model_fields) == {"article_id", "added", "claims", "new_clusters", "matched",
                                           "quotes", "new_quote_clusters", "quotes_matched"}
    assert ct.QuoteCluster is QuoteCluster and ct.QuoteVariant is QuoteVariant and ct.DriftedQuote is DriftedQuote
    assert set(QuoteVariant.model_fields) == set(Variant.model_fields) | {"claim_id", "quote_index", "speaker"}


def test_find_min_similarity(bridge_store: Tracker) -> None:
    """``min_similarity`` keeps the hits at or above it, best first; nothing else changes."""
    from claimtrack.errors import InputError

    statement = "Près de 2 400 ouvriers ont participé au chantier."
    every = bridge_store.find(statement, k=20)
    assert len(every) > 2
    cut = every[2].similarity
    kept = bridge_store.find(statement, k=20, min_similarity=cut)
    assert kept == [h for h in every if h.similarity >= cut]
    assert bridge_store.find(statement, k=20, min_similarity=1.0) == []
    assert bridge_store.find(statement, k=2, min_similarity=-1.0) == every[:2]
    for bad in (float("nan"), 1.5, -2, "0.5"):
        with pytest.raises(InputError, match="min_similarity"):
            bridge_store.find(statement, min_similarity=bad)  # type: ignore[arg-type]
