"""The claim store (ct.Tracker): clustering of the seed corpus and the fixtures,
idempotence, atomicity (exception and killed process), concurrent writers,
queries, find, settings and the ``claimtrack track`` commands.

Seed-corpus and fixture clustering use the real USE encoder; the storage
mechanics (crash, concurrency, settings, orderings) use a cheap hashing
embedder so they stay fast.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import io
import json
import re
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.cli import EXIT_INPUT, EXIT_LANGUAGE, main
from claimtrack.errors import ClusterNotFoundError, StoreError
from claimtrack.store import AddResult, Cluster, ClusterHit, DriftedVariant, MatchSettings, Tracker, Variant

from .conftest import FIXTURES, SEED_FILES

REPO = Path(__file__).resolve().parents[1]
BRIDGE = FIXTURES / "harbour-bridge"
BRIDGE_DATES = {"en-herald": "2024-09-14", "en-wire": "2024-09-14", "fr-courrier": "2024-09-15"}


class HashEmbedder:
    """Cheap deterministic embedder: signed hashing of folded word 1- and 2-grams."""

    name = "hash-test"
    fingerprint = "hash-test-256-v1"
    dim = 256

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for r, t in enumerate(texts):
            words = re.findall(r"\w+", t.casefold())
            for g in words + [a + " " + b for a, b in zip(words, words[1:])] or ["<empty>"]:
                h = hashlib.blake2b(g.encode(), digest_size=8).digest()
                out[r, int.from_bytes(h[:4], "little") % self.dim] += 1.0 if h[4] & 1 else -1.0
        n = np.linalg.norm(out, axis=1, keepdims=True)
        n[n == 0] = 1.0
        return out / n


FAKE = HashEmbedder()

NAMES = ["Alice Martin", "Paul Durand", "Claire Dubois", "Marc Lefebvre", "Sophie Laurent", "David Chen"]
SYLLABLES = ["ka", "lo", "mi", "ru", "te", "vo", "sa", "ni", "po", "de", "fu", "gri", "bal", "tor", "men", "zu"]


def words(i: int, n: int) -> list[str]:
    """``n`` pseudo-words, the same for the same ``i``."""
    h = hashlib.sha256(str(i).encode()).digest()
    return ["".join(SYLLABLES[b % len(SYLLABLES)] for b in h[3 * k : 3 * k + 3]) for k in range(n)]


def synthetic(i: int, published: str | None = "2024-01-01") -> ct.Article:
    """A small English article of three claims, lexically distinct per ``i``."""
    name = NAMES[i % len(NAMES)]
    w = words(i, 11)
    text = (
        f"{name} said that {w[0].title()} hired more than {1000 + 37 * i:,} {w[1]} {w[2]}.\n"
        f"The {w[3]} of {w[4].title()} will open in {w[5]}, the company said.\n"
        f"“{w[6].title()} {w[7]} and {w[8]} {w[9]} are ready for {w[10]},” {name} said."
    )
    return ct.read_article(text, article_id=f"syn-{i}", lang="en", source=f"outlet-{i % 3}", published=published)


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def bridge(name: str) -> ct.Article:
    return ct.read_article(BRIDGE / f"{name}.txt", article_id=name, published=BRIDGE_DATES[name])


def find_variant(cluster: Cluster, start: str) -> Variant:
    hits = [v for v in cluster.variants if v.claim.text.lstrip("«“\" ").startswith(start)]
    assert len(hits) == 1, (start, [v.claim.text[:40] for v in cluster.variants])
    return hits[0]


def cluster_of(tracker: Tracker, article_id: str, start: str) -> Cluster:
    found = [
        c for c in tracker.clusters()
        if any(v.article_id == article_id and v.claim.text.lstrip("«“\" ").startswith(start) for v in c.variants)
    ]
    assert len(found) == 1, (article_id, start)
    return found[0]


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
    assert again == AddResult(article_id="004", added=False, claims=again.claims, new_clusters=0, matched=0)
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


def test_speakers_conflict_only_with_speakers() -> None:
    from claimtrack.store import _names, _names_conflict

    builders = {"hollis engineering", "vantor steel"}
    # "Mayor Elena Marchetti said ..." against an unattributed sentence naming the builders
    assert not _names_conflict(_names({"elena marchetti"}, "elena marchetti", None), _names(builders, None, "x"))
    # two speakers: "Okafor said" against "Reyes said"
    assert _names_conflict(_names({"okafor"}, "tomas okafor", "sam reyes"), _names({"reyes"}, "sam reyes", "tomas okafor"))
    assert not _names_conflict(_names(set(), "tomas okafor", "okafor"), _names(set(), "okafor", "tomas okafor"))
    # other names still conflict whoever speaks
    assert _names_conflict(_names({"google", "elena marchetti"}, "elena marchetti", None), _names({"microsoft"}, None, "x"))


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
    assert code == 0 and Cluster.model_validate_json(shown) == clusters[0]
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


# ----------------------------------------------------------------------------- storage mechanics (fake embedder)


def test_idempotent_same_text_other_id_and_id_conflict(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Tracker(path, embedder=FAKE) as t:
        first = t.add(synthetic(1))
        assert first.added and first.claims == first.new_clusters + first.matched == 3
        before = dump(path)
        assert t.add(synthetic(1)) == AddResult(article_id="syn-1", added=False, claims=3, new_clusters=0, matched=0)
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
        original = Tracker._store_claim

        def failing(self: Tracker, **kw: object) -> None:
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("injected failure after the first claim")
            original(self, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(Tracker, "_store_claim", failing)
        with pytest.raises(RuntimeError, match="injected"):
            t.add(second)
        assert calls["n"] == 2
        assert dump(path) == before
        assert not t.has_article(second.id)
        monkeypatch.setattr(Tracker, "_store_claim", original)
        # the in-memory index was not touched either: the retry gives what a clean run gives
        assert t.add(second).added
    assert dump(path) == dump(clean)


CHILD_HEADER = (
    "import hashlib, os, re, sys\nimport numpy as np\nfrom collections.abc import Sequence\n"
    "import claimtrack as ct\nfrom claimtrack.store import Tracker\n"
    + inspect.getsource(HashEmbedder)
    + "NAMES = " + repr(NAMES) + "\nSYLLABLES = " + repr(SYLLABLES) + "\n"
    + inspect.getsource(words)
    + inspect.getsource(synthetic)
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
        original = Tracker._store_claim
        def dying(self, **kw):
            original(self, **kw)
            os._exit(9)  # the process dies after writing its first claim, inside the transaction
        Tracker._store_claim = dying
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


def test_busy_store_raises_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    Tracker(path, embedder=FAKE).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with Tracker(path, embedder=FAKE, timeout=0.05) as t:
            with pytest.raises(ct.StoreBusyError, match="stayed locked"):
                t.add(synthetic(1))
            holder.execute("ROLLBACK")
            assert t.add(synthetic(1)).added
    finally:
        holder.close()


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


def test_settings_recorded_and_enforced(tmp_path: Path) -> None:
    path = tmp_path / "settings.db"
    custom = MatchSettings(threshold=0.7)
    with Tracker(path, embedder=FAKE, settings=custom) as t:
        assert t.settings == custom
        assert t.info["embedder_fingerprint"] == FAKE.fingerprint and t.info["claimtrack_version"] == ct.__version__
        assert t.info["match"]["threshold"] == 0.7 and t.info["dim"] == FAKE.dim and "threshold" in t.info["drift"]
    with Tracker(path, embedder=FAKE) as t:
        assert t.settings == custom  # the recorded settings win
    with pytest.raises(StoreError, match="other match settings: threshold=0.7"):
        Tracker(path, embedder=FAKE, settings=MatchSettings())

    class Other(HashEmbedder):
        fingerprint = "other-256"

    with pytest.raises(StoreError, match="was built with embedder 'hash-test-256-v1'"):
        Tracker(path, embedder=Other())
    with pytest.raises(StoreError, match="no claim store"):
        Tracker(tmp_path / "none.db", embedder=FAKE, create=False)
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a claimtrack store"):
        Tracker(plain, embedder=FAKE)


def test_changed_drift_settings_are_reported_on_open(tmp_path: Path) -> None:
    import warnings

    path = tmp_path / "drift.db"
    with Tracker(path, embedder=FAKE) as t:
        recorded = t.info["drift"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the same settings: no warning
        Tracker(path, embedder=FAKE).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE settings SET value = ? WHERE key = 'drift'",
                 (json.dumps(dict(recorded, chunk_match=0.4, w_value=1.0), sort_keys=True),))
    conn.commit()
    conn.close()
    with pytest.warns(UserWarning, match=r"other drift settings .* differ in: chunk_match, w_value"):
        t = Tracker(path, embedder=FAKE)
    assert t.info["drift"]["chunk_match"] == 0.4  # info keeps what was recorded
    t.close()


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


def test_public_names() -> None:
    assert ct.Tracker is Tracker and ct.Cluster is Cluster and ct.Variant is Variant
    assert ct.AddResult is AddResult and ct.StoreError is StoreError
    assert set(Variant.model_fields) == {"claim", "article_id", "source", "lang", "published", "similarity", "drift"}
    assert set(Cluster.model_fields) == {"id", "first_seen", "langs", "variants"}
    assert set(AddResult.model_fields) == {"article_id", "added", "claims", "new_clusters", "matched"}



def test_projected_search_finds_clear_neighbours_and_is_exact_on_small_stores() -> None:
    from claimtrack.store import _VectorIndex

    rng = np.random.default_rng(0)
    base = rng.standard_normal((3000, 256)).astype(np.float32)
    exact, approx = _VectorIndex(256), _VectorIndex(256, proj_dims=64, exact_below=0, shortlist=64)
    for i, v in enumerate(base):
        exact.set(i + 1, v)
        approx.set(i + 1, v)
    queries = base[:50] + 0.3 * rng.standard_normal((50, 256)).astype(np.float32)  # noisy copies
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    ei, ev = exact.search(queries, 5)
    ai, av = approx.search(queries, 5)
    assert list(ei[:, 0]) == list(range(1, 51)) == list(ai[:, 0])
    assert np.allclose(ev[:, 0], av[:, 0])
    # the default projects only above exact_search_below clusters: a small index is scanned exactly
    m = MatchSettings()
    assert m.projection_dims > 0 and m.exact_search_below > 3000
    small = _VectorIndex(256, m.projection_dims, m.exact_search_below, m.shortlist)
    for i, v in enumerate(base):
        small.set(i + 1, v)
    si, sv = small.search(queries, 5)
    assert (si == ei).all() and np.array_equal(sv, ev)


def test_closed_tracker_says_so(tmp_path: Path) -> None:
    t = Tracker(tmp_path / "c.db", embedder=FAKE)
    t.close()
    t.close()
    with pytest.raises(StoreError, match="is closed"):
        t.add(synthetic(1))
    with pytest.raises(StoreError, match="is closed"):
        t.clusters()
