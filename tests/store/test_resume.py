"""A store does not depend on how its texts were batched: crash and resume, warm
or cold caches, batches of any size give the store an uninterrupted run gives.

The encoder here (:class:`BatchNoiseEmbedder`) shifts a vector with its batch,
as USE does by ~1e-7 (larger here, so that every decision would show it); the
store encodes every text on its own (``store.encoding``), so none of it
reaches the store.
"""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.store import Tracker
from claimtrack.store.encoding import PerTextEncoder

from ..fakes import BatchNoiseEmbedder
from .common import REPO, BRIDGE_DATES, bridge, dump, synthetic

NOISY = BatchNoiseEmbedder()


def feed() -> list[ct.Article]:
    """Twelve articles whose claims meet: the harbour-bridge trio, and synthetic
    articles of which every other one repeats a sentence of an earlier one."""
    out = [bridge(n) for n in BRIDGE_DATES]
    for i in range(9):
        a = synthetic(i)
        if i % 2 and i > 1:
            a = a.model_copy(update={"text": a.text + "\n" + synthetic(i - 2).text.splitlines()[1]})
        out.append(a)
    return out


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = tmp_path_factory.mktemp("whole") / "whole.db"
    with Tracker(path, embedder=NOISY) as t:
        for a in feed():
            assert t.add(a).added
        assert t.stats()["multi_variant_clusters"] > 0  # claims do meet: decisions are made
    return dump(path)


def test_raw_encoder_depends_on_batch_store_encoder_does_not() -> None:
    texts = [a.text.splitlines()[0] for a in feed()]
    alone = np.concatenate([NOISY.encode([t]) for t in texts])
    assert not np.array_equal(NOISY.encode(texts), alone)  # the fake does depend on its batch
    enc = PerTextEncoder(NOISY)
    for size in (1, 2, 5, len(texts)):
        got = np.concatenate([enc.encode(texts[s : s + size]) for s in range(0, len(texts), size)])
        assert np.array_equal(got, alone)
    assert enc.fingerprint == NOISY.fingerprint and enc.dim == NOISY.dim and enc.encode([]).shape == (0, NOISY.dim)


def test_real_encoder_vectors_do_not_depend_on_batch(use: ct.USEEmbedder) -> None:
    texts = [c.text for a in feed()[:3] for c in ct.extract_claims(a)]
    enc = PerTextEncoder(use)
    alone = enc.encode(texts)
    for size in (1, 3, 8):
        got = np.concatenate([enc.encode(texts[s : s + size]) for s in range(0, len(texts), size)])
        assert np.array_equal(got, alone)
    assert np.array_equal(enc.encode(texts[::-1])[::-1], alone)


def test_fresh_tracker_per_article_gives_the_same_store(tmp_path: Path, uninterrupted: list[str]) -> None:
    path = tmp_path / "cold.db"
    for a in feed():  # a cold cache for every article, as a resumed run has
        with Tracker(path, embedder=NOISY) as t:
            t.add(a)
    assert dump(path) == uninterrupted


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_warm_cache_in_any_batches_gives_the_same_store(
    tmp_path_factory: pytest.TempPathFactory, uninterrupted: list[str], data: st.DataObject
) -> None:
    articles = feed()
    texts = sorted({c.text for a in articles for c in ct.extract_claims(a)})
    chosen = data.draw(st.lists(st.sampled_from(texts), unique=True, max_size=len(texts)))
    size = data.draw(st.integers(1, 12))
    path = tmp_path_factory.mktemp("warm") / "warm.db"
    with Tracker(path, embedder=NOISY) as t:
        for s in range(0, len(chosen), size):  # some claims already cached, in batches of `size`
            t._cache.encode(t._encoder, chosen[s : s + size])
        for a in articles:
            t.add(a)
    assert dump(path) == uninterrupted


CHILD = """
import os, sys
from claimtrack.store import Tracker
from claimtrack.store.writer import ArticleWriter
from tests.fakes import BatchNoiseEmbedder
from tests.store.test_resume import feed

die_at = int(sys.argv[2])
calls = [0]
original = ArticleWriter.store_claim

def dying(self, **kw):
    calls[0] += 1
    if calls[0] == die_at:
        os._exit(9)  # killed inside the transaction, after `die_at - 1` claims of this run
    original(self, **kw)

if die_at > 0:
    ArticleWriter.store_claim = dying
t = Tracker(sys.argv[1], embedder=BatchNoiseEmbedder())
print("started", flush=True)
for a in feed():
    t.add(a)
print("done", flush=True)
"""


def _child(path: Path, die_at: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(CHILD), str(path), str(die_at)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_killed_at_random_points_then_resumed_gives_the_uninterrupted_store(
    tmp_path: Path, uninterrupted: list[str]
) -> None:
    rng = random.Random(15)
    path = tmp_path / "resumed.db"
    deaths = 0
    for die_at in sorted(rng.sample(range(1, 30), 3)):
        proc = _child(path, die_at)
        _, err = proc.communicate(timeout=300)
        assert proc.returncode in (0, 9), err
        deaths += proc.returncode == 9
    # and one real kill -9 at a random moment of the adding
    proc = _child(path, 0)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "started"
    try:
        proc.communicate(timeout=rng.uniform(0.05, 1.0))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate(timeout=60)
    assert deaths >= 2
    final = _child(path, 0)
    out, err = final.communicate(timeout=300)
    assert final.returncode == 0 and out.split()[-1] == "done", err
    assert dump(path) == uninterrupted
