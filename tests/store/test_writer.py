"""The write path (store.writer): idempotence, atomicity (exception and killed
process), concurrent writers, references and orderings.  A cheap hashing
embedder keeps these fast."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.errors import StoreError
from claimtrack.store import AddResult, Tracker
from claimtrack.store.writer import ArticleWriter

from .common import REPO, BRIDGE, BRIDGE_DATES, FAKE, synthetic, dump, bridge


# ----------------------------------------------------------------------------- storage mechanics (fake embedder)


def test_idempotent_same_text_other_id_and_id_conflict(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Tracker(path, embedder=FAKE) as t:
        first = t.add(synthetic(1))
        assert first.added and first.claims == first.new_clusters + first.matched == 3
        assert first.quotes == first.new_quote_clusters == 1  # its one quotation, the first in the store
        before = dump(path)
        assert t.add(synthetic(1)) == AddResult(article_id="syn-1", added=False, claims=3, new_clusters=0, matched=0,
                                                quotes=1, new_quote_clusters=0, quotes_matched=0)
        other_id = synthetic(1).model_copy(update={"id": "copy"})
        assert t.add(other_id).article_id == "syn-1" and not t.add(other_id).added
        assert dump(path) == before
        clash = synthetic(2).model_copy(update={"id": "syn-1"})
        with pytest.raises(StoreError, match="already stored with a different text"):
            t.add(clash)
        assert dump(path) == before
        assert t.has_article("syn-1") and not t.has_article("copy")


def test_exception_mid_add_leaves_store_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, clean = tmp_path / "crash.db", tmp_path / "clean.db"
    first = synthetic(1)
    second = synthetic(2).model_copy(update={"text": synthetic(2).text + "\n" + first.text.splitlines()[1]})
    with Tracker(clean, embedder=FAKE) as t:
        t.add(first)
        t.add(second)
    with Tracker(path, embedder=FAKE) as t:
        t.add(first)
        before = dump(path)
        calls = {"n": 0}
        original = ArticleWriter.store_claim

        def failing(self: ArticleWriter, **kw: object) -> None:
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("injected failure after the first claim")
            original(self, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(ArticleWriter, "store_claim", failing)
        with pytest.raises(RuntimeError, match="injected"):
            t.add(second)
        assert calls["n"] == 2
        assert dump(path) == before
        assert not t.has_article(second.id)
        monkeypatch.setattr(ArticleWriter, "store_claim", original)
        # the in-memory index was not touched either: the retry gives what a clean run gives
        assert t.add(second).added
    assert dump(path) == dump(clean)


# A child runs from the repository root, so it imports the same fake embedder and articles as this process.
CHILD_HEADER = (
    "import os, sys\nfrom claimtrack.store import Tracker\nfrom claimtrack.store.writer import ArticleWriter\n"
    "from tests.fakes import HashEmbedder\nfrom tests.store.common import synthetic\n"
)


def run_child(body: str, *args: str) -> subprocess.Popen[str]:
    code = CHILD_HEADER + textwrap.dedent(body)
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_killed_process_leaves_no_partial_article(tmp_path: Path) -> None:
    path = tmp_path / "killed.db"
    proc = run_child(
        """
        t = Tracker(sys.argv[1], embedder=HashEmbedder())
        t.add(synthetic(1))
        original = ArticleWriter.store_claim
        def dying(self, **kw):
            original(self, **kw)
            os._exit(9)  # the process dies after writing its first claim, inside the transaction
        ArticleWriter.store_claim = dying
        t.add(synthetic(2))
        """,
        str(path),
    )
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 9, err
    with Tracker(path, embedder=FAKE) as t:
        assert t.has_article("syn-1") and not t.has_article("syn-2")
        assert t.stats()["claims"] == 3
        assert t._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert t.add(synthetic(2)).added


def test_two_processes_add_concurrently(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    Tracker(path, embedder=FAKE).close()
    body = """
        import time
        from pathlib import Path
        lo, hi = int(sys.argv[2]), int(sys.argv[3])
        t = Tracker(sys.argv[1], embedder=HashEmbedder(), timeout=5.0)
        ready = Path(sys.argv[1] + f".ready{lo}")
        ready.touch()
        deadline = time.monotonic() + 60
        while len(list(Path(sys.argv[1]).parent.glob("*.ready*"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)  # start barrier: both writers begin together
        for i in range(lo, hi):
            a = synthetic(i)
            # every other article repeats a sentence of the other writer's articles
            if i % 2:
                a = a.model_copy(update={"text": a.text + "\\n" + synthetic(i + 100).text.splitlines()[1]})
            assert t.add(a).added
        print("ok")
        """
    procs = [run_child(body, str(path), "0", "20"), run_child(body, str(path), "100", "120")]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and out.strip() == "ok", err
    with Tracker(path, embedder=FAKE) as t:
        ids = {r[0] for r in t._conn.execute("SELECT id FROM articles")}
        assert ids == {f"syn-{i}" for i in list(range(20)) + list(range(100, 120))}
        stats = t.stats()
        claims = t._conn.execute("SELECT sum(claims) FROM articles").fetchone()[0]
        assert stats["claims"] == claims == sum(len(c.variants) for c in t.clusters())
        sizes = t._conn.execute(
            "SELECT count(*) FROM clusters c WHERE size != (SELECT count(*) FROM variants v WHERE v.cluster = c.id)"
        ).fetchone()[0]
        assert sizes == 0
        assert all(len({v.article_id for v in c.variants}) == len(c.variants) for c in t.clusters())
        assert stats["multi_variant_clusters"] > 0  # the repeated sentences found each other across processes


def test_second_tracker_sees_first_trackers_clusters(tmp_path: Path) -> None:
    path = tmp_path / "two.db"
    a, b = Tracker(path, embedder=FAKE), Tracker(path, embedder=FAKE)
    b.stats()
    a.add(synthetic(3))
    later = synthetic(40).model_copy(update={"text": synthetic(40).text + "\n" + synthetic(3).text.splitlines()[1]})
    r = b.add(later)
    assert r.matched == 1
    hit = b.find(synthetic(3).text.splitlines()[1], k=1)[0]
    assert {v.article_id for v in hit.cluster.variants} == {"syn-3", "syn-40"}
    a.close()
    b.close()


def test_earlier_article_becomes_reference(tmp_path: Path) -> None:
    late = ct.read_article("Acme Corp. employs nearly 2,400 workers in Lowtown.", article_id="late", lang="en",
                           published="2024-05-02")
    early = ct.read_article("Acme Corp. employs more than 2,400 workers in Lowtown.", article_id="early", lang="en",
                            published="2024-05-01")
    undated = ct.read_article("Acme Corp. employs more than 2,400 workers in Lowtown today.", article_id="undated",
                              lang="en")
    with Tracker(tmp_path / "order.db", embedder=FAKE) as t:
        t.add(late)
        (c,) = t.clusters()
        assert c.variants[0].article_id == "late" and c.first_seen == dt.date(2024, 5, 2)
        assert t.add(undated).matched == 1
        assert t.add(early).matched == 1
        (c,) = t.clusters()
        assert [v.article_id for v in c.variants] == ["early", "late", "undated"]
        assert c.first_seen == dt.date(2024, 5, 1)
        assert c.variants[0].similarity == 1.0 and c.variants[0].drift == ()
        q = [(d.type, d.source_value, d.target_value) for d in c.variants[1].drift]
        assert ("qualifier", "more_than", "nearly") in q
        assert t.clusters(drift_type="qualifier") == [c]
        assert [d.variant.article_id for d in t.drift("qualifier")] == ["late"]


def test_same_articles_same_store(tmp_path: Path) -> None:
    articles = [bridge(n) for n in BRIDGE_DATES] + [synthetic(i) for i in range(4)]
    out = []
    for name in ("one.db", "two.db"):
        with Tracker(tmp_path / name, embedder=FAKE) as t:
            for a in articles:
                t.add(a)
            out.append([c.model_dump_json() for c in t.clusters()])
    assert out[0] == out[1]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(list(range(5))), dates=st.lists(st.sampled_from([None, "2024-09-13", "2024-09-14",
                                                                               "2024-09-15"]), min_size=5, max_size=5))
def test_invariants_in_any_order(tmp_path_factory: pytest.TempPathFactory, order: list[int],
                                 dates: list[str | None]) -> None:
    texts = [(BRIDGE / f"{n}.txt").read_text(encoding="utf-8") for n in BRIDGE_DATES]
    texts += [synthetic(7).text, synthetic(7).text + "\nThe ferry will stop running in the winter."]
    articles = [ct.read_article(texts[i], article_id=f"a{i}", published=dates[i]) for i in order]
    with Tracker(tmp_path_factory.mktemp("perm") / "p.db", embedder=FAKE) as t:
        results = [t.add(a) for a in articles]
        clusters = t.clusters()
        assert all(r.added for r in results)
        assert sum(r.claims for r in results) == sum(len(c.variants) for c in clusters) == t.stats()["claims"]
        assert sum(r.new_clusters for r in results) == len(clusters)
        for c in clusters:
            keys = [(v.published is None, v.published or dt.date.min) for v in c.variants]
            assert keys == sorted(keys)
            assert c.variants[0].similarity == 1.0 and c.variants[0].drift == ()
            assert c.first_seen == min((v.published for v in c.variants if v.published), default=None)
            assert c.langs == tuple(dict.fromkeys(v.lang for v in c.variants))
            assert len({v.article_id for v in c.variants}) == len(c.variants)


def test_claims_added_without_vectors_build_the_store_add_builds(tmp_path: Path) -> None:
    """``add_extracted`` with the claims alone (the store encodes them, as
    ``compare`` hands them over) builds the store ``add`` builds, and the index
    read back from the store after each add holds what a fresh Tracker reads."""
    arts = [synthetic(i, published=f"2024-01-0{1 + i % 3}") for i in range(6)] + [bridge(n) for n in BRIDGE_DATES]
    with Tracker(tmp_path / "a.db", embedder=FAKE) as t:
        for a in arts:
            t.add(a)
    with Tracker(tmp_path / "b.db", embedder=FAKE) as t:
        for a in arts:
            t.add_extracted(a, ct.extract_claims(a))
        index = t._index
        assert index.n == t.stats()["clusters"]
        with Tracker(tmp_path / "b.db", embedder=FAKE) as fresh:
            fresh._db.read(lambda: fresh._index.sync(fresh._db.conn))
            ids = sorted(index.row)
            assert sorted(fresh._index.row) == ids
            assert np.array_equal(index.unit(ids), fresh._index.unit(ids))
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")
