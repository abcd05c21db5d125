"""Run claimtrack on a Dask cluster: extraction, blocking, matching, one store writer.

Needs the ``dask`` extra (``pip install "claimtrack[dask]"``: dask and
distributed); ``import claimtrack`` never imports Dask, and calling a helper
without it raises :class:`DaskMissingError`.  The helpers run on whatever Dask
scheduler is current (a ``dask.distributed.Client`` once one is made, else
Dask's local threads) or the one named by ``scheduler=``.

The pipeline (see docs/distributed.md for a recipe and figures):

1. :func:`extract_corpus`: one task per JSON Lines file reads it
   (:func:`claimtrack.ingest.read_articles`' rules), extracts the claims
   (:func:`claimtrack.extract_claims`), their blocking keys and, for the
   store, their vectors.  Bad records are handled by the library's error
   policy (``errors="stop"|"skip"|"report"``) on the client, in corpus order.
2. :func:`candidate_pairs`: the article pairs sharing a blocking key (an
   entity key or a figure of their claims; keys held by more than
   ``max_key_articles`` articles are ignored), never all pairs.
3. :func:`match_pairs`: :func:`claimtrack.align` of each candidate pair, on
   the workers, as :func:`claimtrack.compare` aligns a pair.
4. :func:`write_store`: the client adds every article to a
   :class:`claimtrack.Tracker` in corpus order, with the claims and vectors
   the workers computed: the store equals the one ``Tracker.add`` builds from
   the same articles in the same order.

Every result is in *corpus order* (:func:`corpus_order`: publication date,
undated last, then id, then file and line), so it never depends on the
partitioning or on which worker ran what.  Every encoder call on the workers
encodes one text at a time (:class:`claimtrack.store.encoding.PerTextEncoder`),
so a vector never depends on the batch it was encoded in.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import ClaimtrackError, ErrorPolicy, ErrorSink, OnError
from .ingest.build import DEFAULT_MAX_BYTES, check_limit
from .models import Article, Claim

if TYPE_CHECKING:
    import numpy as np

    from .comparison import PairAlignment
    from .embed import Embedder, EmbeddingCache
    from .store import AddResult, Tracker

__all__ = [
    "DaskMissingError",
    "Extracted",
    "block_keys",
    "vector_keys",
    "corpus_order",
    "extract_corpus",
    "candidate_pairs",
    "match_pairs",
    "write_store",
]


class DaskMissingError(ClaimtrackError, ImportError):
    """Dask is not installed: ``pip install "claimtrack[dask]"``."""


def _bag() -> Any:
    """``dask.bag``, or :class:`DaskMissingError` naming the extra."""
    try:
        return import_module("dask.bag")
    except ImportError as exc:
        raise DaskMissingError(
            'claimtrack.distributed needs Dask: install the extra with pip install "claimtrack[dask]" '
            f"(dask and distributed); {exc}"
        ) from exc


@dataclass(frozen=True, eq=False)
class Extracted:
    """One article of a corpus with what the workers computed for it.

    Attributes:
        article: the article, as :func:`claimtrack.read_articles` reads it.
        claims: ``extract_claims(article)``.
        keys: its blocking keys (:func:`block_keys`), sorted.
        vectors: float32 ``(len(claims), dim)`` per-text vectors of the claims
            (None when extracted with ``encode=False``).
        input: the file it was read from.
        fingerprint: the fingerprint of the embedder of ``vectors`` (None without).
        file: the position of that file among the inputs.
        line: its 1-based JSON Lines line (None for a plain text file).
    """

    article: Article
    claims: tuple[Claim, ...]
    keys: tuple[str, ...]
    vectors: np.ndarray | None
    input: str
    fingerprint: str | None
    file: int
    line: int | None

    def __eq__(self, other: object) -> bool:
        """Field by field, the vectors element by element."""
        if not isinstance(other, Extracted):
            return NotImplemented
        import numpy as np

        same_vectors = (self.vectors is None and other.vectors is None) or (
            self.vectors is not None and other.vectors is not None and np.array_equal(self.vectors, other.vectors))
        return same_vectors and (self.article, self.claims, self.keys, self.input, self.fingerprint, self.file,
                                 self.line) == (other.article, other.claims, other.keys, other.input,
                                                other.fingerprint, other.file, other.line)

    __hash__ = None  # type: ignore[assignment]  # equal by value, mutable vectors


def corpus_order(item: Extracted) -> tuple[bool, str, str, int, int]:
    """The sort key of the corpus order: publication date (undated last), id, file, line."""
    published = item.article.published
    return (published is None, published.isoformat() if published else "", item.article.id, item.file,
            item.line or 0)


def _figure_key(value: float) -> str:
    """A figure rounded to two significant digits: "150,000" and "154,000"
    share a key (a drifted figure stays a candidate)."""
    r = float(f"{value:.2g}")
    return f"n:{int(r)}" if r.is_integer() and abs(r) < 1e15 else f"n:{r!r}"


def block_keys(claims: Iterable[Claim], min_figure: float = 10.0) -> tuple[str, ...]:
    """The blocking keys of a set of claims, sorted: ``e:<entity key>`` for each
    entity (keys are language-free: "Nvidia Corp." and "NVidia" share one), and
    ``n:<figure>`` for each figure of at least ``min_figure`` in absolute value
    (as :func:`claimtrack.align`'s ``min_figure``), rounded to two significant
    digits.  Speakers' names count as entities."""
    from .extract.entities import entity_key

    keys: set[str] = set()
    for c in claims:
        keys.update(f"e:{e.key}" for e in c.entities if e.key)
        if c.speaker is not None and c.speaker.name:
            if k := entity_key(c.speaker.name):
                keys.add(f"e:{k}")
        keys.update(_figure_key(q.value) for q in c.quantities if abs(q.value) >= min_figure)
    return tuple(sorted(keys))


# ----------------------------------------------------------------------------- worker-side state

_LOCAL: dict[bytes, tuple[Any, Any]] = {}
"""Per worker process: embedder (by its pickled form) -> (per-text encoder, cache)."""


def _local(embedder: Embedder | None) -> tuple[Embedder, EmbeddingCache]:
    """This process's copy of ``embedder`` (None: the default USE), wrapped to
    encode one text at a time, with its cache: a model loads once per worker,
    not once per task."""
    from .embed import EmbeddingCache, default_embedder
    from .store.encoding import PerTextEncoder

    key = b"default" if embedder is None else hashlib.sha256(pickle.dumps(embedder)).digest()
    if key not in _LOCAL:
        inner = default_embedder() if embedder is None else embedder
        _LOCAL[key] = (PerTextEncoder(inner), EmbeddingCache(max_items=65536))
    enc, cache = _LOCAL[key]
    return enc, cache


class _Collect(ErrorPolicy):
    """A policy that keeps every error with where it happened (sent to the client)."""

    def __init__(self) -> None:
        super().__init__("skip")
        self.found: list[tuple[ClaimtrackError, str | None, int | None, str | None]] = []

    def handle(self, exc: ClaimtrackError, *, id: str | None = None, line: int | None = None,  # noqa: A002
               input: str | None = None) -> None:  # noqa: A002
        self.found.append((exc, id, line, input))


def _extract_files(files: Sequence[tuple[int, str]], max_bytes: int, max_record_bytes: int,
                   embedder: Embedder | None, encode: bool, min_figure: float) -> list[Any]:
    """One task: read, extract, key and encode the articles of ``files``;
    returns :class:`Extracted` items and error tuples (file, line, seq, ...)."""
    import numpy as np

    from .extract.claims import extract_claims
    from .ingest import numbered_articles

    enc = _local(embedder)[0] if encode else None
    out: list[Any] = []
    for fi, path in files:
        policy = _Collect()
        try:
            for line, article in numbered_articles(path, max_bytes, max_record_bytes, policy):
                try:
                    claims = tuple(extract_claims(article))
                except ClaimtrackError as exc:
                    policy.handle(exc, id=article.id, line=line, input=path)
                    continue
                vecs = None
                if enc is not None:
                    vecs = enc.encode([c.text for c in claims]) if claims else np.zeros((0, enc.dim), np.float32)
                out.append(Extracted(article, claims, block_keys(claims, min_figure), vecs, path,
                                     enc.fingerprint if enc is not None else None, fi, line))
        except ClaimtrackError as file_error:  # the file itself (a directory, unreadable)
            policy.handle(file_error, input=path)
        for n, (err, id_, line, where) in enumerate(policy.found):
            out.append(("error", fi, line or 0, n, err, id_, line, where))
    return out


def _align_pairs(payloads: Sequence[tuple[int, int, str, str]], claims: dict[int, tuple[Claim, ...]],
                 embedder: Embedder | None, options: dict[str, Any]) -> list[tuple[int, int, PairAlignment]]:
    """One task: :func:`claimtrack.align` of each pair of ``payloads``
    (``claims``: the claims by article index, sent once to each worker)."""
    from .alignment import align
    from .comparison import PairAlignment

    enc, cache = _local(embedder)
    out = []
    for i, j, id_i, id_j in payloads:
        als = align(list(claims[i]), list(claims[j]), embedder=enc, cache=cache, **options)
        out.append((i, j, PairAlignment(source_article=id_i, target_article=id_j, alignments=tuple(als))))
    return out


# ----------------------------------------------------------------------------- the client side


def extract_corpus(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    embedder: Embedder | None = None,
    encode: bool = True,
    errors: OnError = "stop",
    error_file: ErrorSink | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_record_bytes: int = DEFAULT_MAX_BYTES,
    min_figure: float = 10.0,
    files_per_task: int = 1,
    scheduler: Any = None,
) -> list[Extracted]:
    """Read and extract a corpus of JSON Lines files (or plain text files) on Dask.

    One task per ``files_per_task`` files: it reads them with
    :func:`claimtrack.read_articles`' rules, extracts each article's claims,
    their blocking keys (:func:`block_keys`) and, with ``encode``, their
    vectors by ``embedder`` (one text at a time, the claim store's way).

    Args:
        paths: the files, in order (a file's position breaks ties of the order);
            one path alone is one file.
        embedder: the encoder each worker uses (it must pickle; None: the
            default USE, loaded once per worker).
        encode: compute the claim vectors (needed by :func:`write_store`).
        errors, error_file: the error policy (:data:`claimtrack.errors.OnError`)
            for bad records (malformed, too large, unsupported or undetected
            language): applied on the client, in file and line order, after
            every task has run; ``stop`` raises the first one.
        max_bytes, max_record_bytes: as :func:`claimtrack.read_articles`.
        min_figure: smallest figure that is a blocking key.
        files_per_task: files read by one task.
        scheduler: passed to ``dask.compute`` (None: the current scheduler).

    Returns:
        The extracted articles in corpus order (:func:`corpus_order`), the
        same whatever the partitioning and the workers.

    Raises:
        DaskMissingError: Dask is not installed.
        ArticleNotFoundError: a path does not exist (at once, before any task).
        ClaimtrackError: under ``stop``, the first bad record's error.
    """
    from .ingest import numbered_articles

    db = _bag()
    check_limit(max_bytes, "max_bytes")
    check_limit(max_record_bytes, "max_record_bytes")
    policy = ErrorPolicy(errors, error_file)
    if files_per_task < 1:
        raise ValueError(f"files_per_task must be at least 1, not {files_per_task!r}")
    names = [os.fspath(paths)] if isinstance(paths, (str, os.PathLike)) else [os.fspath(p) for p in paths]
    for name in names:  # a missing path raises at once, as read_articles does
        numbered_articles(name, max_bytes, max_record_bytes, ErrorPolicy())
    if not names:
        return []
    tasks = [list(enumerate(names))[k:k + files_per_task] for k in range(0, len(names), files_per_task)]
    bag = db.from_sequence(tasks, npartitions=len(tasks)).map(
        _extract_files, max_bytes, max_record_bytes, embedder, encode, min_figure
    )
    (results,) = _compute(bag, scheduler)
    items: list[Extracted] = []
    errs: list[tuple[Any, ...]] = []
    for part in results:
        for r in part:
            (errs if isinstance(r, tuple) else items).append(r)
    for _, _, _, _, exc, id_, line, where in sorted(errs, key=lambda e: (e[1], e[2], e[3])):
        policy.handle(exc, id=id_, line=line, input=where)
    return sorted(items, key=corpus_order)


def vector_keys(vectors: np.ndarray, tables: int = 4, bits: int = 8, seed: int = 0) -> tuple[str, ...]:
    """Vector buckets of claim vectors, sorted: for each of ``tables`` tables,
    ``v<t>:<bits>`` is the sign pattern of a vector's projections on ``bits``
    random hyperplanes (fixed by ``seed`` and the dimension: deterministic).

    Two claims of cosine similarity ``c`` share a table's bucket with
    probability ``(1 - arccos(c) / pi) ** bits`` and some bucket with
    ``1 - (1 - that) ** tables``: for 8 bits and 4 tables, 0.50 at ``c = 0.8``,
    0.75 at 0.9, 0.016 at 0 (unrelated claims).
    """
    import numpy as np

    v = np.asarray(vectors, dtype=np.float64)
    if v.ndim != 2 or tables < 1 or not 1 <= bits <= 62:
        raise ValueError("vector_keys needs a 2-d array, tables >= 1 and 1 <= bits <= 62")
    if not len(v):
        return ()
    planes = np.random.default_rng(seed).standard_normal((tables, v.shape[1], bits))
    weights = 1 << np.arange(bits, dtype=np.int64)
    keys = {f"v{t}:{int(code):x}" for t in range(tables) for code in ((v @ planes[t]) > 0).astype(np.int64) @ weights}
    return tuple(sorted(keys))


def candidate_pairs(
    corpus: Sequence[Extracted], *, max_key_articles: int = 50, min_shared: int = 1, vector_tables: int = 0,
    vector_bits: int = 8,
) -> list[tuple[int, int]]:
    """The article pairs worth matching: those sharing at least ``min_shared``
    blocking keys (:func:`block_keys`), never all pairs.

    With ``vector_tables`` > 0, the claims' vector buckets
    (:func:`vector_keys` of the items' vectors, ``vector_tables`` tables of
    ``vector_bits`` bits) are keys too: pairs of articles stating the same
    thing in other words, with no name or figure in common, become candidates.

    A key held by more than ``max_key_articles`` articles (a common figure, a
    country everyone names, a crowded bucket) is ignored, so the work stays
    bounded: at most ``max_key_articles**2 / 2`` pairs per key.  Runs on the
    client, in time linear in the keys plus the pairs.

    Returns:
        ``(i, j)`` indices into ``corpus``, ``i < j``, sorted.
    """
    if max_key_articles < 2 or min_shared < 1 or vector_tables < 0:
        raise ValueError("max_key_articles must be at least 2, min_shared at least 1, vector_tables at least 0")
    holders: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(corpus):
        keys = item.keys
        if vector_tables:
            if item.vectors is None:
                raise ValueError(f"article {item.article.id!r} has no vectors (extracted with encode=False)")
            keys = keys + vector_keys(item.vectors, vector_tables, vector_bits)
        for k in keys:
            holders[k].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for k in sorted(holders):
        idx = holders[k]
        if len(idx) > max_key_articles:
            continue
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                shared[(idx[a], idx[b])] += 1
    return sorted(p for p, n in shared.items() if n >= min_shared)


def match_pairs(
    corpus: Sequence[Extracted],
    pairs: Sequence[tuple[int, int]],
    *,
    embedder: Embedder | None = None,
    pairs_per_task: int = 32,
    scheduler: Any = None,
    **align_options: Any,
) -> list[PairAlignment]:
    """:func:`claimtrack.align` of each pair's claims, on the workers.

    Each pair ``(i, j)`` gives a :class:`claimtrack.comparison.PairAlignment`
    with ``corpus[i]`` as the source side, as :func:`claimtrack.compare` of
    the corpus in this order gives for that pair.  ``align_options`` go to
    :func:`claimtrack.align`.  The claims of the paired articles are one
    object of the task graph, sent once to each worker; a task aligns
    ``pairs_per_task`` pairs.

    Returns:
        One entry per pair, in the order of ``pairs``.
    """
    db = _bag()
    if pairs_per_task < 1:
        raise ValueError(f"pairs_per_task must be at least 1, not {pairs_per_task!r}")
    if not pairs:
        return []
    delayed = import_module("dask").delayed
    payloads = [(i, j, corpus[i].article.id, corpus[j].article.id) for i, j in pairs]
    # the claims of the paired articles: one object in the graph, sent once to each worker that needs it
    claims = delayed({i: corpus[i].claims for i in sorted({k for p in pairs for k in p})}, traverse=False)
    parts = [payloads[k:k + pairs_per_task] for k in range(0, len(payloads), pairs_per_task)]
    bag = db.from_sequence(parts, npartitions=len(parts)).map(_align_pairs, claims, embedder, dict(align_options))
    (results,) = _compute(bag, scheduler)
    return [pa for part in results for _, _, pa in part]


def write_store(
    tracker: Tracker,
    corpus: Iterable[Extracted],
    *,
    errors: OnError = "stop",
    error_file: ErrorSink | None = None,
) -> list[AddResult]:
    """Add every article of ``corpus`` to ``tracker``, in the order given (the
    corpus order of :func:`extract_corpus`), from this one process.

    Uses the claims and vectors the workers computed
    (:meth:`claimtrack.Tracker.add_extracted`); the store's matching and drift
    run here.  The store is then the one ``tracker.add`` of each article in
    the same order builds.  ``errors`` is :meth:`claimtrack.Tracker.add_many`'s.

    Raises:
        StoreError: an item has no vectors (extracted with ``encode=False``)
            or was encoded by another embedder than the store's.
    """
    from .errors import StoreBusyError, StoreError

    policy = ErrorPolicy(errors, error_file)
    out: list[AddResult] = []
    for item in corpus:
        try:
            if item.vectors is None:
                raise StoreError(f"article {item.article.id!r} was extracted without vectors (encode=False)")
            if item.fingerprint != tracker.embedder.fingerprint:
                raise StoreError(f"article {item.article.id!r} was encoded by embedder {item.fingerprint!r}, "
                                 f"the store by {tracker.embedder.fingerprint!r}")
            out.append(tracker.add_extracted(item.article, item.claims, item.vectors))
        except StoreBusyError:
            raise
        except ClaimtrackError as exc:
            policy.handle(exc, id=item.article.id, line=item.line, input=item.input)
    return out


def _compute(bag: Any, scheduler: Any) -> tuple[Any, ...]:
    compute = import_module("dask").compute
    return tuple(compute(bag, scheduler=scheduler) if scheduler is not None else compute(bag))

