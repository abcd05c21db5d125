"""Quotations as units of their own in the claim store (issue #14 item 3).

The fixtures are written for these tests: a mayor's sentence about a tram
line, repeated in part by another outlet inside another sentence, shortened by
a third, given to another person by a fourth, and said in French by a fifth.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.alignment.quotes import quote_units
from claimtrack.cli import main
from claimtrack.errors import ClusterNotFoundError, StoreError
from claimtrack.store import QuoteCluster, Tracker
from claimtrack.store import quotes as store_quotes
from claimtrack.store import writer as writer_module
from claimtrack.store.schema import SCHEMA_VERSION
from claimtrack.store.writer import ArticleWriter

from .common import FAKE, bridge, dump, synthetic, words

TRAM = {
    "first": ("en", "2024-03-01",
              "“The tram line will reach the northern districts before the winter holidays,” Mayor Ilse Varnhagen "
              "said on Monday. The council approved the budget in March."),
    "partial": ("en", "2024-03-02",
                "Ilse Varnhagen promised that the tram would reach “the northern districts before the winter "
                "holidays” and called the project overdue."),
    "short": ("en", "2024-03-03", "“The tram line will reach the northern districts,” Ilse Varnhagen said."),
    "other": ("en", "2024-03-04",
              "“The tram line will reach the northern districts before the winter holidays,” transport minister "
              "Oskar Lindqvist said."),
    "french": ("fr", "2024-03-05",
               "« Les rames circuleront jusqu'aux quartiers du nord dès l'hiver », a déclaré la maire Ilse "
               "Varnhagen."),
}


def tram(name: str) -> ct.Article:
    lang, published, text = TRAM[name]
    return ct.read_article(text, article_id=name, lang=lang, source=f"outlet-{name}", published=published)


def tram_store(path: Path) -> Tracker:
    t = Tracker(path, embedder=FAKE)
    for name in TRAM:
        t.add(tram(name))
    return t


def the_tram_cluster(t: Tracker) -> QuoteCluster:
    found = [c for c in t.quote_clusters() if any(v.article_id == "first" for v in c.variants)]
    assert len(found) == 1
    return found[0]


def claim_dump(path: Path) -> list[str]:
    """The store's SQL dump without the quotation tables (their DDL and rows)."""
    quote_stmt = re.compile(r'^(INSERT INTO "quote_|CREATE (TABLE|INDEX) (IF NOT EXISTS )?quote_)')
    return [line for line in dump(path) if not quote_stmt.match(line)]


def test_a_quotation_is_matched_compared_and_linked_to_its_claim(tmp_path: Path) -> None:
    with tram_store(tmp_path / "s.db") as t:
        cluster = the_tram_cluster(t)
        assert cluster.id.startswith("q") and cluster.first_seen is not None
        by_article = {v.article_id: v for v in cluster.variants}
        # the partial quotation, repeated by another outlet inside another sentence, joins the cluster
        assert set(by_article) == {"first", "partial", "short", "other"}
        assert cluster.variants[0].article_id == "first" and cluster.variants[0].drift == ()
        assert by_article["partial"].claim.text == "the northern districts before the winter holidays"
        # shortened: the words it dropped are an omission within the quotation
        short = by_article["short"]
        omissions = [d for d in short.drift if d.type == "omission"]
        assert omissions and omissions[0].source_value == "before the winter holidays"
        # the same words given to another person: a speaker finding
        other = by_article["other"]
        assert other.speaker == "Oskar Lindqvist" and [d.type for d in other.drift] == ["speaker"]
        assert by_article["first"].speaker == "Ilse Varnhagen"
        # each variant keeps the claim holding it, and that claim is stored
        for v in cluster.variants:
            holders = [c for c in t.clusters() for w in c.variants if w.claim.id == v.claim_id]
            assert len(holders) == 1
            holder = next(w.claim for w in holders[0].variants if w.claim.id == v.claim_id)
            assert v.claim.id == f"{v.claim_id}#{v.quote_index}"
            assert holder.quotes[v.quote_index].text == v.claim.text
        # the quotation's drift is align_quotes' drift for the same pair
        for name in ("partial", "short", "other"):
            links = ct.align_quotes(ct.extract_claims(tram("first")), ct.extract_claims(tram(name)), embedder=FAKE)
            assert len(links) == 1
            assert links[0].drift == by_article[name].drift
            assert links[0].target_speaker == by_article[name].speaker


def test_filters_drift_and_ids(tmp_path: Path) -> None:
    with tram_store(tmp_path / "s.db") as t:
        every = t.quote_clusters()
        assert [c.id for c in t.iter_quote_clusters()] == [c.id for c in every]
        french = t.quote_clusters(lang="fr")
        assert french and all(any(v.lang == "fr" for v in c.variants) for c in french)
        assert the_tram_cluster(t).id not in {c.id for c in french}
        assert [c.id for c in t.quote_clusters(speaker="Lindqvist")] == [the_tram_cluster(t).id]
        assert {c.id for c in t.quote_clusters(speaker="Varnhagen")} == {c.id for c in every}
        assert t.quote_clusters(speaker="Nobody Here") == []
        assert [c.id for c in t.quote_clusters(min_variants=2)] == [the_tram_cluster(t).id]
        assert [c.id for c in t.quote_clusters(drift_type="speaker")] == [the_tram_cluster(t).id]
        assert t.quote_clusters(since="2024-03-05") == french
        drifted = t.quote_drift()
        assert {(d.cluster_id, d.variant.article_id) for d in drifted} == {
            (the_tram_cluster(t).id, "short"), (the_tram_cluster(t).id, "other")}
        assert all(d.reference.article_id == "first" for d in drifted)
        assert [d.variant.article_id for d in t.quote_drift("speaker")] == ["other"]
        q = the_tram_cluster(t)
        assert t.quote_cluster(q.id) == q == t.quote_cluster(int(q.id[1:]))
        with pytest.raises(ClusterNotFoundError):
            t.quote_cluster("q999")
        with pytest.raises(ClusterNotFoundError):
            t.quote_cluster("c1")
        stats = t.stats()
        assert stats["quotes"] == sum(len(c.variants) for c in every)
        assert stats["quote_clusters"] == len(every) and stats["multi_variant_quote_clusters"] == 1
        assert stats["drifted_quotes"] == 2


def test_claim_clusters_are_the_same_with_and_without_quotations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every claim table (articles, clusters and their ids, variants, drift, terms, numbers) is the one a
    store without quotation units builds: the quotations live in a namespace of their own."""
    feed = [*(tram(n) for n in TRAM), *(bridge(n) for n in ("en-herald", "fr-courrier", "en-wire")),
            *(synthetic(i) for i in range(6))]
    with Tracker(tmp_path / "with.db", embedder=FAKE) as t:
        results = [t.add(a) for a in feed]
        assert t.stats()["quotes"] > 0 and sum(r.quotes_matched for r in results) > 0
    monkeypatch.setattr(writer_module, "quoted_units", lambda claims: ([], []))  # as before quotation units
    with Tracker(tmp_path / "without.db", embedder=FAKE) as t:
        plain = [t.add(a) for a in feed]
        assert t.stats()["quotes"] == 0
    assert [(r.claims, r.new_clusters, r.matched) for r in results] == [(r.claims, r.new_clusters, r.matched)
                                                                        for r in plain]
    assert claim_dump(tmp_path / "with.db") == claim_dump(tmp_path / "without.db")


def test_add_many_add_extracted_and_reopened_give_the_same_store(tmp_path: Path) -> None:
    feed = [tram(n) for n in TRAM] + [synthetic(i) for i in range(3)]
    with Tracker(tmp_path / "one.db", embedder=FAKE) as t:
        for a in feed:
            t.add(a)
    with Tracker(tmp_path / "many.db", embedder=FAKE) as t:
        t.add_many(feed[:2])
    with Tracker(tmp_path / "many.db", embedder=FAKE) as t:  # reopened: indexes read back from the store
        t.add_many(feed[2:])
    with Tracker(tmp_path / "extracted.db", embedder=FAKE) as t:
        for a in feed:
            claims = ct.extract_claims(a)
            t.add_extracted(a, claims)  # the claims extracted elsewhere; their quotations are found here
    assert dump(tmp_path / "one.db") == dump(tmp_path / "many.db") == dump(tmp_path / "extracted.db")


def test_claims_and_quotations_commit_together(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    with Tracker(path, embedder=FAKE) as t:
        t.add(tram("first"))
        before = dump(path)
        original = ArticleWriter.store_claim

        def failing(self: ArticleWriter, **kw: object) -> None:
            if kw.get("quoted") is not None:
                raise RuntimeError("injected failure while storing a quotation")
            original(self, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(ArticleWriter, "store_claim", failing)
        with pytest.raises(RuntimeError, match="injected"):
            t.add(tram("other"))
        assert dump(path) == before and not t.has_article("other")  # its claims rolled back with it
        monkeypatch.setattr(ArticleWriter, "store_claim", original)
        assert t.add(tram("other")).quotes_matched == 1


def test_a_duplicate_text_reports_its_quotations(tmp_path: Path) -> None:
    with Tracker(tmp_path / "s.db", embedder=FAKE) as t:
        first = t.add(tram("first"))
        again = t.add(tram("first").model_copy(update={"id": "copy"}))
        assert first.quotes == 1 and not again.added and again.article_id == "first"
        assert (again.quotes, again.new_quote_clusters, again.quotes_matched) == (1, 0, 0)


# ----------------------------------------------------------------------------- schema version 1 stores


def as_version_1(path: Path) -> None:
    """Make ``path`` the store schema version 1 wrote: the same claim tables, no quotation tables."""
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'quote%'")]
        for name in names:
            con.execute(f"DROP TABLE {name}")
        con.execute("UPDATE settings SET value = '1' WHERE key = 'schema_version'")
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


def test_a_version_1_store_is_upgraded_on_open_to_the_store_a_new_build_makes(tmp_path: Path) -> None:
    fresh, old = tmp_path / "fresh.db", tmp_path / "old.db"
    feed = [tram(n) for n in TRAM] + [synthetic(i) for i in range(4)]
    with Tracker(fresh, embedder=FAKE) as t:
        for a in feed:
            t.add(a)
    with Tracker(old, embedder=FAKE) as t:
        for a in feed[:5]:
            t.add(a)
    as_version_1(old)
    con = sqlite3.connect(old)
    assert not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'quote_clusters'").fetchone()
    con.close()
    with Tracker(old, embedder=FAKE) as t:
        assert t.info["schema_version"] == str(SCHEMA_VERSION) == "2"
        assert the_tram_cluster(t).variants[0].article_id == "first"  # built from the stored claims
        for a in feed[5:]:
            t.add(a)
    assert dump(old) == dump(fresh)
    with Tracker(old, embedder=FAKE) as t:  # a second open changes nothing
        assert t.stats()["quotes"] > 0
    assert dump(old) == dump(fresh)


def test_a_version_1_store_opened_read_only_says_how_to_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Tracker(path, embedder=FAKE) as t:
        t.add(tram("first"))
    as_version_1(path)
    before = dump(path)
    with pytest.raises(StoreError, match="schema version 1.*upgrade it in place"):
        Tracker(path, embedder=FAKE, read_only=True)
    assert dump(path) == before


def test_a_failed_upgrade_leaves_version_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with Tracker(path, embedder=FAKE) as t:
        t.add(tram("first"))
        t.add(tram("other"))
    as_version_1(path)

    def broken(writer: ArticleWriter) -> int:
        raise RuntimeError("injected failure during the upgrade")

    monkeypatch.setattr(store_quotes, "backfill", broken)
    with pytest.raises(RuntimeError, match="injected"):
        Tracker(path, embedder=FAKE)
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT value FROM settings WHERE key = 'schema_version'").fetchone()[0] == "1"
        assert con.execute("SELECT count(*) FROM quote_variants").fetchone()[0] == 0
    finally:
        con.close()
    monkeypatch.undo()
    with Tracker(path, embedder=FAKE) as t:
        assert t.stats()["quotes"] == 2 and t.stats()["drifted_quotes"] == 1


def test_a_store_of_a_later_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Tracker(path, embedder=FAKE) as t:
        t.add(tram("first"))
    con = sqlite3.connect(path)
    con.execute("UPDATE settings SET value = '3' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="schema version 3"):
        Tracker(path, embedder=FAKE)


# ----------------------------------------------------------------------------- properties


def quoted_article(i: int, published: str) -> ct.Article:
    """An article whose one quotation shares no word with another ``i``'s."""
    w = words(1000 + i, 8)
    text = (f"“{w[0].title()} {w[1]} {w[2]} {w[3]} {w[4]} {w[5]},” said Kerstin Aalto{w[6]}. "
            f"The {w[7]} opened.")
    return ct.read_article(text, article_id=f"q-{i}", lang="en", published=published)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, 40), min_size=2, max_size=4, unique=True), st.randoms(use_true_random=False))
def test_order_of_articles_without_shared_quotations(tmp_path_factory: pytest.TempPathFactory,
                                                     ids: list[int], rnd: object) -> None:
    """Articles that share no quotation give one quotation cluster each, in any order of adding; every
    quotation variant's claim is a stored claim holding that quotation."""
    feed = [quoted_article(i, f"2024-05-{1 + k:02d}") for k, i in enumerate(ids)]
    shuffled = list(feed)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    counts = []
    for order in (feed, shuffled):
        path = tmp_path_factory.mktemp("prop") / "s.db"
        with Tracker(path, embedder=FAKE) as t:
            for a in order:
                t.add(a)
            clusters = t.quote_clusters()
            counts.append(len(clusters))
            claims = {v.claim.id: v.claim for c in t.clusters() for v in c.variants}
            for c in clusters:
                for v in c.variants:
                    assert claims[v.claim_id].quotes[v.quote_index].text == v.claim.text
    expected = sum(len(quote_units(ct.extract_claims(a))) for a in feed)
    assert counts == [expected, expected] and expected == len(feed)


# ----------------------------------------------------------------------------- command line


def test_track_quotes_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    tram_store(Path(db)).close()
    emb = ["--embedder", "tests.fakes:HashEmbedder"]
    assert main(["track", "quotes", "--db", db, *emb]) == 0
    table = capsys.readouterr().out
    assert "quotation clusters shown" in table and "(Oskar Lindqvist)" in table and "drift speaker" in table
    assert main(["track", "quotes", "--db", db, *emb, "--speaker", "Lindqvist", "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    cluster = QuoteCluster.model_validate_json(lines[0])
    assert {v.article_id for v in cluster.variants} == {"first", "partial", "short", "other"}
    assert main(["track", "quotes", "--db", db, *emb, "--lang", "fr", "--format", "json"]) == 0
    import json

    doc = json.loads(capsys.readouterr().out)
    assert [v["lang"] for c in doc["quote_clusters"] for v in c["variants"]] == ["fr"]
    assert doc["store"]["quote_clusters"] == 2
    assert main(["track", "show", cluster.id, "--db", db, *emb]) == 0
    assert capsys.readouterr().out.startswith(f"{cluster.id}  first seen 2024-03-01")
    # the HTML report of track report, one card per quotation cluster, with the speaker finding explained
    assert main(["track", "quotes", "--db", db, *emb, "--speaker", "Lindqvist", "--format", "html",
                 "--title", "Quotations"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "<title>Quotations</title>" in page
    assert "speaker" in page and all(a in page for a in ("first", "partial", "short", "other"))


def test_a_second_tracker_sees_the_quotation_clusters_of_the_first(tmp_path: Path) -> None:
    """The quotation index catches up with what another Tracker committed, as the claim index does."""
    path = tmp_path / "s.db"
    with Tracker(path, embedder=FAKE) as one, Tracker(path, embedder=FAKE) as two:
        assert one.add(tram("first")).new_quote_clusters == 1
        assert two.add(tram("partial")).quotes_matched == 1
        assert one.add(tram("short")).quotes_matched == 1
        assert [len(c.variants) for c in one.quote_clusters()] == [3]
    with Tracker(tmp_path / "alone.db", embedder=FAKE) as t:
        for name in ("first", "partial", "short"):
            t.add(tram(name))
    assert dump(path) == dump(tmp_path / "alone.db")


def test_a_transaction_run_again_after_a_busy_error_gives_the_same_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The claims' vectors are let go before the quotations are encoded; a body run again (busy, in a store
    without WAL) encodes them again and stores the same."""
    feed = [tram("first"), tram("other"), synthetic(1)]
    with Tracker(tmp_path / "clean.db", embedder=FAKE) as t:
        for a in feed:
            t.add(a)
    original = ArticleWriter.place
    busy = {"left": 2}

    def flaky(self: ArticleWriter, ns: object, *args: object, **kw: object) -> object:
        space = getattr(ns, "space", None)
        if space is not None and space.kind == "quote" and busy["left"]:
            busy["left"] -= 1
            raise sqlite3.OperationalError("database is locked")
        return original(self, ns, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ArticleWriter, "place", flaky)
    with Tracker(tmp_path / "retried.db", embedder=FAKE) as t:
        for a in feed:
            t.add(a)
    assert busy["left"] == 0
    assert dump(tmp_path / "retried.db") == dump(tmp_path / "clean.db")
