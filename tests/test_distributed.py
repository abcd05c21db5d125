"""claimtrack.distributed on a real two-process Dask cluster equals the single-process path.

The corpus is written here: two JSON Lines files of English and French
articles (two outlets reporting the same story, one translation), a malformed
line and a German article (unsupported).  Every check compares the cluster's
result with the one the library gives in one process: the claims, the
alignments of each candidate pair (``claimtrack.compare``), the error records
and the claim store's clusters.
"""

from __future__ import annotations

import json
import pickle
import sys
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

import claimtrack as ct
from claimtrack import distributed as dd
from claimtrack import errors as cte
from claimtrack.errors import ErrorRecord

from .fakes import HashEmbedder

ARTICLES_A = [
    {"id": "en-gazette", "lang": "en", "source": "gazette", "published": "2026-03-02",
     "text": "The city council approved a budget of 2.4 million euros for the new Riverside Library, Mayor Elena "
             "Vasquez said on Monday.\nConstruction will begin in March and employ more than 150 workers.\n"
             "The old reading room will close in June."},
    {"id": "fr-courrier", "lang": "fr", "source": "courrier", "published": "2026-03-03",
     "text": "Le conseil municipal a approuvé un budget de 2,4 millions d'euros pour la nouvelle bibliothèque "
             "Riverside, a déclaré lundi la maire Elena Vasquez.\nLes travaux commenceront en mars et emploieront "
             "près de 154 ouvriers."},
    "{\"id\": \"broken\", \"text\": ",
    {"id": "en-acme", "lang": "en", "source": "wire", "published": "2026-03-01",
     "text": "Acme Robotics will open a factory in Lyon with 400 jobs, its chief executive Marc Duval announced.\n"
             "The plant will produce 12,000 machines a year."},
]
ARTICLES_B = [
    {"id": "en-herald", "lang": "en", "source": "herald", "published": "2026-03-02",
     "text": "The city council approved a budget of 2.4 million euros for the new Riverside Library, Mayor Elena "
             "Vasquez said.\nConstruction will begin in March and employ more than 160 workers."},
    {"id": "de-zeitung", "source": "zeitung", "published": "2026-03-02",
     "text": "Die Stadt hat heute einen neuen Bahnhof eröffnet, sagte der Bürgermeister am Montag. Der Bau hat "
             "drei Jahre gedauert und die Kosten sind gestiegen."},
    {"id": "fr-acme", "lang": "fr", "source": "depeche", "published": "2026-03-04",
     "text": "Acme Robotics ouvrira une usine à Lyon avec 400 emplois, a annoncé son directeur général Marc Duval.\n"
             "L'usine produira 12 000 machines par an."},
    {"id": "en-notes", "lang": "en", "source": "blog",
     "text": "Elena Vasquez said the Riverside Library would have 2,400 square metres of reading rooms.\n"
             "The weather in Lyon was mild on Sunday."},
]


def _write(path: Path, records: list[Any]) -> str:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in records), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    d = tmp_path_factory.mktemp("corpus")
    return [_write(d / "a.jsonl", ARTICLES_A), _write(d / "b.jsonl", ARTICLES_B)]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip(
        "distributed", reason='Dask is not installed (pip install "claimtrack[dask]")'
    )
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as c:
        yield c


def _single_process(paths: list[str]) -> tuple[list[tuple[int, int | None, ct.Article, list[ct.Claim]]],
                                                 list[ErrorRecord]]:
    """The reference: read_articles + extract_claims in one process, with the records of every bad input."""
    from claimtrack.errors import ErrorPolicy
    from claimtrack.ingest import numbered_articles

    records: list[ErrorRecord] = []
    policy = ErrorPolicy("report", records.append)
    out = []
    for fi, p in enumerate(paths):
        for line, a in numbered_articles(p, 16 << 20, 16 << 20, policy):
            try:
                out.append((fi, line, a, ct.extract_claims(a)))
            except ct.ClaimtrackError as exc:
                policy.handle(exc, id=a.id, line=line, input=p)
    out.sort(key=lambda t: (t[2].published is None, str(t[2].published or ""), t[2].id, t[0], t[1] or 0))
    return out, records


def test_extraction_blocking_matching_and_store_equal_one_process(client: Any, corpus: list[str],
                                                                  tmp_path: Path) -> None:
    emb = HashEmbedder()
    records: list[ErrorRecord] = []
    got = dd.extract_corpus(corpus, embedder=emb, errors="report", error_file=records.append)
    ref, ref_records = _single_process(corpus)

    # claims, order, vectors, error records
    assert [(g.article, list(g.claims)) for g in got] == [(a, cs) for _, _, a, cs in ref]
    assert [g.article.id for g in got] == ["en-acme", "en-gazette", "en-herald", "fr-courrier", "fr-acme",
                                           "en-notes"]
    for g in got:
        assert g.vectors is not None and g.vectors.shape == (len(g.claims), emb.dim)
        for c, v in zip(g.claims, g.vectors):
            assert (v == emb.encode([c.text])[0]).all()
    assert records == ref_records
    assert [(r.error, r.line, r.id) for r in records] == [("RecordError", 3, None),
                                                         ("UnsupportedLanguageError", 2, "de-zeitung")]

    # blocking: fewer pairs than all, every pair shares a key, the two outlets of a story are candidates
    pairs = dd.candidate_pairs(got)
    ids = {(got[i].article.id, got[j].article.id) for i, j in pairs}
    assert len(pairs) < len(got) * (len(got) - 1) // 2
    assert {("en-gazette", "en-herald"), ("en-gazette", "fr-courrier"), ("en-acme", "fr-acme")} <= ids
    assert ("en-acme", "en-herald") not in ids
    assert all(set(got[i].keys) & set(got[j].keys) for i, j in pairs)

    # matching: each candidate pair's alignments are compare()'s for that pair
    matched = dd.match_pairs(got, pairs, embedder=emb, pairs_per_task=2)
    cmp = ct.compare(*[g.article for g in got], embedder=emb, cluster=False)
    by_pair = {(pa.source_article, pa.target_article): pa for pa in cmp.alignments}
    assert [by_pair[(got[i].article.id, got[j].article.id)] for i, j in pairs] == matched
    assert any(pa.alignments for pa in matched)

    # the store: one writer, corpus order, equal to Tracker.add of the same articles in the same order
    with ct.Tracker(tmp_path / "dask.db", embedder=emb) as t1, ct.Tracker(tmp_path / "one.db", embedder=emb) as t2:
        results = dd.write_store(t1, got)
        assert results == [t2.add(a) for _, _, a, _ in ref]
        assert t1.clusters() == t2.clusters()
        assert t1.stats() == t2.stats()
        assert any(len(c.variants) > 1 for c in t1.clusters())


def test_same_result_whatever_the_partitioning(client: Any, corpus: list[str]) -> None:
    emb = HashEmbedder()
    one = dd.extract_corpus(corpus, embedder=emb, errors="skip", files_per_task=1)
    two = dd.extract_corpus(list(reversed(corpus)), embedder=emb, errors="skip", files_per_task=2)
    key = [(g.article, g.claims, g.keys) for g in one]
    assert key == [(g.article, g.claims, g.keys) for g in two]
    pairs = dd.candidate_pairs(one)
    assert dd.match_pairs(one, pairs, embedder=emb, pairs_per_task=1) == dd.match_pairs(
        one, pairs, embedder=emb, pairs_per_task=len(pairs))


def test_stop_raises_the_first_bad_record_typed(client: Any, corpus: list[str]) -> None:
    with pytest.raises(ct.RecordError, match="line 3"):
        dd.extract_corpus(corpus, embedder=HashEmbedder())
    with pytest.raises(ct.UnsupportedLanguageError) as info:
        dd.extract_corpus(corpus[1:], embedder=HashEmbedder())
    assert info.value.lang == "de" and info.value.article_id


def test_missing_file_raises_at_once(tmp_path: Path) -> None:
    pytest.importorskip("dask", reason='Dask is not installed (pip install "claimtrack[dask]")')
    with pytest.raises(ct.ArticleNotFoundError):
        dd.extract_corpus([str(tmp_path / "nope.jsonl")], embedder=HashEmbedder(), errors="skip")


def test_store_refuses_items_of_another_embedder(tmp_path: Path, corpus: list[str]) -> None:
    pytest.importorskip("dask", reason='Dask is not installed (pip install "claimtrack[dask]")')
    got = dd.extract_corpus(corpus[:1], embedder=HashEmbedder(), errors="skip", scheduler="sync")
    from .fakes import BagOfWordsEmbedder

    with ct.Tracker(tmp_path / "s.db", embedder=BagOfWordsEmbedder()) as t:
        with pytest.raises(ct.StoreError, match="encoded by embedder"):
            dd.write_store(t, got)
        records: list[ErrorRecord] = []
        assert dd.write_store(t, got, errors="report", error_file=records.append) == []
        assert len(records) == len(got)
    assert dd.extract_corpus(corpus[0], embedder=HashEmbedder(), errors="skip", scheduler="sync") == got
    noenc = dd.extract_corpus(corpus[:1], encode=False, errors="skip", scheduler="sync")
    assert all(g.vectors is None for g in noenc)


def test_missing_dask_is_a_typed_error_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(dd.DaskMissingError, match=r"claimtrack\[dask\]") as info:
        dd.extract_corpus(["x.jsonl"])
    assert isinstance(info.value, ImportError) and isinstance(info.value, ct.ClaimtrackError)


def test_every_error_pickles() -> None:
    """Errors travel between Dask processes: each keeps its type, message and attributes."""
    samples = [cte.UnsupportedLanguageError("de", ("en", "fr"), "a1"), cte.UndetectedLanguageError(("en", "fr")),
               cte.RecordError("line 3: bad"), cte.StoreError("x"), cte.ClusterNotFoundError("c-9"),
               dd.DaskMissingError("no dask")]
    for exc in samples:
        again = pickle.loads(pickle.dumps(exc))
        assert type(again) is type(exc) and str(again) == str(exc) and again.__dict__ == exc.__dict__


def test_public_helpers_pickle() -> None:
    for name in dd.__all__:
        assert pickle.loads(pickle.dumps(getattr(dd, name))) is getattr(dd, name)


class _Keys:
    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = keys


@settings(max_examples=60, deadline=None)
@given(st.lists(st.frozensets(st.sampled_from("abcdefgh")), max_size=12), st.integers(2, 6), st.integers(1, 3))
def test_candidate_pairs_are_exactly_the_pairs_sharing_enough_rare_keys(
    keysets: list[frozenset[str]], max_key_articles: int, min_shared: int
) -> None:
    items = [_Keys(tuple(sorted(k))) for k in keysets]
    count = {k: sum(k in s for s in keysets) for k in "abcdefgh"}
    rare = {k for k, n in count.items() if n <= max_key_articles}
    expected = [(i, j) for i, j in combinations(range(len(items)), 2)
                if len(keysets[i] & keysets[j] & rare) >= min_shared]
    assert dd.candidate_pairs(items, max_key_articles=max_key_articles, min_shared=min_shared) == expected  # type: ignore[arg-type]


def test_block_keys_are_language_free_and_sorted() -> None:
    en = ct.extract_claims(ct.read_article("Acme Robotics will hire 2,400 workers in Lyon, Marc Duval said.", lang="en"))
    fr = ct.extract_claims(ct.read_article("Acme Robotics embauchera 2 400 ouvriers à Lyon, a déclaré Marc Duval.",
                                           lang="fr"))
    ke, kf = dd.block_keys(en), dd.block_keys(fr)
    assert list(ke) == sorted(ke) and list(kf) == sorted(kf)
    assert "n:2400" in ke and "n:2400" in kf
    assert {k for k in ke if k.startswith("e:")} & {k for k in kf if k.startswith("e:")}


@settings(max_examples=8, deadline=None)
@given(st.permutations(range(len(ARTICLES_A) + len(ARTICLES_B))), st.integers(1, 4), st.integers(1, 3))
def test_any_split_into_files_gives_the_same_corpus(order: list[int], n_files: int, per_task: int) -> None:
    """However the records are shuffled and split into files, and the files into tasks,
    the extracted corpus (articles, claims, keys, vectors) is the same, in the same order."""
    pytest.importorskip("dask", reason='Dask is not installed (pip install "claimtrack[dask]")')
    import tempfile

    records = ARTICLES_A + ARTICLES_B
    emb = HashEmbedder()

    def run(groups: list[list[Any]]) -> list[tuple[Any, ...]]:
        with tempfile.TemporaryDirectory() as tmp:
            paths = [_write(Path(tmp) / f"{k}.jsonl", g) for k, g in enumerate(groups)]
            got = dd.extract_corpus(paths, embedder=emb, errors="skip", files_per_task=per_task, scheduler="sync")
        return [(g.article, g.claims, g.keys,
                 g.vectors.tobytes() if g.vectors is not None else None) for g in got]

    shuffled = [records[i] for i in order]
    assert run([shuffled[k::n_files] for k in range(n_files)]) == run([records])


def test_vector_buckets_find_pairs_without_names_or_figures(tmp_path: Path) -> None:
    pytest.importorskip("dask", reason='Dask is not installed (pip install "claimtrack[dask]")')
    same = "The weather stayed mild and the trains ran on time all week."
    path = _write(tmp_path / "v.jsonl", [
        {"id": "a", "lang": "en", "text": same + "\nThe market was busy."},
        {"id": "b", "lang": "en", "text": "The museum closed early.\n" + same},
    ])
    got = dd.extract_corpus(path, embedder=HashEmbedder(), scheduler="sync")
    assert [g.keys for g in got] == [(), ()]
    assert dd.candidate_pairs(got) == []
    assert dd.candidate_pairs(got, vector_tables=4) == [(0, 1)]
    assert dd.candidate_pairs(got, vector_tables=4, min_shared=4) == [(0, 1)]  # one bucket per table
    with pytest.raises(ValueError, match="no vectors"):
        dd.candidate_pairs(dd.extract_corpus(path, encode=False, scheduler="sync"), vector_tables=2)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.floats(-1, 1), min_size=6, max_size=6), min_size=1, max_size=8),
       st.integers(1, 5), st.integers(1, 16))
def test_vector_keys_are_deterministic_and_equal_vectors_share_every_table(
    rows: list[list[float]], tables: int, bits: int
) -> None:
    import numpy as np

    v = np.array(rows, dtype=np.float32)
    keys = dd.vector_keys(v, tables, bits)
    assert keys == dd.vector_keys(v.copy(), tables, bits) == tuple(sorted(keys))
    assert set(dd.vector_keys(v[:1], tables, bits)) <= set(keys)
    assert len(dd.vector_keys(v[:1], tables, bits)) == tables
    assert set(dd.vector_keys(np.concatenate([v, v[:1]]), tables, bits)) == set(keys)


def test_add_extracted_refuses_claims_that_do_not_fit(tmp_path: Path) -> None:
    import numpy as np

    emb = HashEmbedder()
    a = ct.read_article("Acme Robotics will hire 2,400 workers in Lyon, Marc Duval said.", lang="en", article_id="a")
    b = ct.read_article("The museum closed early on Sunday, its director said.", lang="en", article_id="b")
    claims = ct.extract_claims(a)
    vecs = np.concatenate([emb.encode([c.text]) for c in claims])
    with ct.Tracker(tmp_path / "s.db", embedder=emb) as t:
        with pytest.raises(ct.StoreError, match="do not fit"):
            t.add_extracted(a, claims, vecs[:0])
        with pytest.raises(ct.StoreError, match="do not fit"):
            t.add_extracted(b, claims, vecs)
        assert t.stats()["articles"] == 0
        assert t.add_extracted(a, claims, vecs).added
