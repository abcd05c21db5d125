"""Big float32 matrices kept in a temporary file, their pages handed back as they are read.

A 15 MB article has about 140,000 claims, and their sentence vectors take
290 MB (512 float32 values each): as much again as the claims themselves,
and a second time in the claim store's index.  A matrix of at least
:data:`SPILL_BYTES` is therefore made in an unlinked temporary file mapped
into memory (:func:`zeros`), and the code that reads it in blocks hands each
block's pages back to the system once it is done with it (:func:`release`).
The values are the same float32 values as in memory, so every result is the
same bit for bit; what changes is where the bytes wait between two reads: in
the operating system's page cache (reclaimable, and not part of the
process's resident memory), not in the process.

- The file lives in the temporary directory (``TMPDIR``); it has no name and
  disappears when the matrix is freed, or when the process ends, however it
  ends.  Put ``TMPDIR`` on a disk, not on a RAM file system, or the pages
  stay in memory all the same.
- Its space is reserved when it is made (``posix_fallocate``), so a full
  disk is noticed then, never later as a crash on a write: the matrix is then
  held in memory, as it would be without this module.
- :func:`release` is a no-op for an array in memory, and on systems without
  ``madvise(MADV_DONTNEED)``: the results never depend on it, only the
  memory does.

>>> m = zeros((4, 2), spill_bytes=0)
>>> float(m.sum())
0.0
>>> m[:] = 1.5
>>> release(m)
>>> float(m.sum())
12.0
"""

from __future__ import annotations

import logging
import math
import mmap
import os
import tempfile

import numpy as np

__all__ = ["FAULT_AROUND", "READ_BUDGET", "SPILL_BYTES", "Reads", "blocks", "is_spilled", "release",
           "return_freed_memory", "take", "zeros"]

logger = logging.getLogger(__name__)

SPILL_BYTES = 32 << 20
"""Matrices of at least this many bytes (32 MiB: 16,384 USE vectors) are file-backed."""


def zeros(shape: tuple[int, ...], dtype: type = np.float32, *, spill_bytes: int | None = None) -> np.ndarray:
    """A writable array of zeros of ``shape``: in memory (``np.zeros``) below
    ``spill_bytes`` bytes (default :data:`SPILL_BYTES`), else file-backed (or
    in memory when the temporary directory has no room for it)."""
    limit = SPILL_BYTES if spill_bytes is None else int(spill_bytes)
    nbytes = math.prod(int(n) for n in shape) * np.dtype(dtype).itemsize
    if nbytes < max(1, limit) or not hasattr(mmap, "MADV_DONTNEED") or not hasattr(os, "posix_fallocate"):
        return np.zeros(shape, dtype=dtype)
    try:
        with tempfile.TemporaryFile(prefix="claimtrack-") as f:
            os.posix_fallocate(f.fileno(), 0, nbytes)
            mapped = mmap.mmap(f.fileno(), nbytes)  # shared, read-write; keeps its own descriptor
    except OSError as exc:  # no room, or no temporary directory: held in memory instead
        logger.info("a %d-byte matrix is held in memory (no temporary file: %s)", nbytes, exc)
        return np.zeros(shape, dtype=dtype)
    # straight over the mapping: every view's base is this matrix, as with an array in memory
    out: np.ndarray = np.ndarray(shape, dtype=dtype, buffer=mapped)
    return out


def blocks(n: int, size: int, narrowest: int = 64) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive blocks of ``size`` items covering
    ``0 .. n - 1``; a last block narrower than ``narrowest`` joins the one
    before, so that no product of a blocked read has a shape a BLAS computes
    by another kernel (a few rows or columns).

    >>> blocks(10, 4, narrowest=3)
    [(0, 4), (4, 10)]
    """
    starts = list(range(0, n, max(1, size)))
    if len(starts) > 1 and n - starts[-1] < narrowest:
        starts.pop()
    return list(zip(starts, [*starts[1:], n]))


def _mapping(a: np.ndarray) -> tuple[mmap.mmap, int] | None:
    """The mapping under ``a`` and the address of its first byte, or None."""
    base: object = a
    root: np.ndarray | None = None
    while isinstance(base, np.ndarray):
        root, base = base, base.base
    if not isinstance(base, mmap.mmap) or root is None:
        return None
    return base, int(root.__array_interface__["data"][0])


def is_spilled(a: np.ndarray) -> bool:
    """Whether ``a`` is (a view of) a file-backed matrix of :func:`zeros`."""
    return _mapping(a) is not None


FAULT_AROUND = 2 << 20
"""Bytes a read fault may map around the byte read (2 MiB).  Linux maps a
fault's whole folio of the page cache, and the file systems that cache
files in large folios (ext4 and XFS, Linux 6.x) make the folios of a
written file up to 2 MiB: measured here, a read of one 2 KiB row of a
file-backed matrix made 2 MiB of it resident, against 64 KiB (the kernel's
``fault_around_bytes``) for a file never written."""

READ_BUDGET = 16 << 20
"""Bytes of a file-backed matrix a :class:`Reads` counts as mapped before it
hands them back (16 MiB)."""


class Reads:
    """The pages a reader of a file-backed matrix ``a`` maps, counted, and
    handed back (:func:`release`) each time they reach ``budget`` bytes.

    A read of ``rows`` consecutive rows counts their bytes; a scattered read
    (one row anywhere) counts :data:`FAULT_AROUND` a row, what a fault may
    map around it: a reader that handed back its pages every 8,192 rows read
    one by one would otherwise hold the whole matrix between two hand-backs.
    A hand-back costs a few microseconds; the results never depend on it.

    >>> m = zeros((8, 2), spill_bytes=0)  # rows of 8 bytes
    >>> r = Reads(m, budget=2 * FAULT_AROUND)
    >>> r.read(5, scattered=False); r.pending  # in rows
    5
    >>> r.read(1); r.pending == 5 + FAULT_AROUND // 8  # one row anywhere
    True
    >>> r.read(1); r.pending  # the budget reached: handed back, counted from 0
    0
    """

    def __init__(self, a: np.ndarray, budget: int = READ_BUDGET) -> None:
        self.a = a
        row = int(a.strides[0]) if a.ndim else int(a.itemsize)
        self._row = max(1, abs(row))
        self.around = max(1, FAULT_AROUND // self._row)
        """Rows a scattered read counts."""
        self.budget = max(1, int(budget) // self._row)
        """Rows counted before a hand-back."""
        self.pending = 0
        """Rows counted as mapped since the last hand-back."""

    def read(self, rows: int = 1, *, scattered: bool = True) -> None:
        """Count a read of ``rows`` rows (``scattered``: each anywhere in ``a``)."""
        self.pending += rows * self.around if scattered else rows
        if self.pending >= self.budget:
            release(self.a)
            self.pending = 0


def take(a: np.ndarray, rows: np.ndarray, reads: Reads | None = None) -> np.ndarray:
    """``a[rows]`` (a copy) for an integer array ``rows``.  A file-backed
    ``a`` is read in row order, a few of its 2 MiB stretches at a time
    (:data:`FAULT_AROUND`), their pages handed back as they add up
    (``reads``, or a :class:`Reads` of its own): one fancy-indexed read of
    thousands of rows anywhere would map most of the file at once.  The
    values are those of ``a[rows]``.

    >>> m = zeros((4, 2), spill_bytes=0); m[:] = [[0, 0], [1, 1], [2, 2], [3, 3]]
    >>> take(m, np.array([3, 1])).tolist()
    [[3.0, 3.0], [1.0, 1.0]]
    """
    rows = np.asarray(rows, dtype=np.intp)
    if not is_spilled(a):
        out: np.ndarray = a[rows]
        return out
    reads = reads if reads is not None else Reads(a)
    flat = rows.ravel()
    order = np.argsort(flat, kind="stable")
    ordered = flat[order]
    stretch = ordered // reads.around  # rows of one stretch of FAULT_AROUND bytes share an id
    starts = np.flatnonzero(np.r_[True, stretch[1:] != stretch[:-1]]).tolist() + [len(ordered)]
    per = max(1, reads.budget // reads.around)  # stretches read between two hand-backs
    got = np.empty((len(flat), *a.shape[1:]), dtype=a.dtype)
    for k in range(0, len(starts) - 1, per):
        s, e = starts[k], starts[min(k + per, len(starts) - 1)]
        got[order[s:e]] = a[ordered[s:e]]
        reads.read(min(per, len(starts) - 1 - k))
    return got.reshape(rows.shape + a.shape[1:])


def release(a: np.ndarray) -> None:
    """Hand back the resident pages of ``a`` (a file-backed matrix, or a view
    of consecutive rows of one); the next read of them faults them in again
    from the page cache or the file.  A no-op for an array in memory."""
    found = _mapping(a)
    if found is None or a.size == 0:
        return
    mapped, origin = found
    start = end = int(a.__array_interface__["data"][0]) - origin
    for n, step in zip(a.shape, a.strides):  # the span of a strided view too
        if step < 0:
            start += (n - 1) * step
        else:
            end += (n - 1) * step
    end += a.itemsize
    page = mmap.PAGESIZE
    start = max(0, (start // page) * page)
    end = min(len(mapped), -(-end // page) * page)
    if end > start:
        mapped.madvise(mmap.MADV_DONTNEED, start, end - start)


MMAP_THRESHOLD = 128 << 10
"""Allocations of at least this many bytes get pages of their own (glibc's default, kept fixed)."""


def return_freed_memory() -> bool:
    """Keep glibc's ``malloc`` giving every allocation of
    :data:`MMAP_THRESHOLD` bytes or more pages of its own, returned to the
    system when freed (``mallopt(M_MMAP_THRESHOLD)``).  By default glibc raises
    that threshold up to 32 MiB as big blocks are freed, after which the
    aligner's transient numpy arrays come from the heap and stay resident once
    freed: the 15 MB ``compare`` peaked 77 MB higher that way.  Called by the
    command line for its own process (a library leaves the allocator of its
    host alone); returns whether the setting was applied (glibc only).
    Results never depend on it."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    m_mmap_threshold = -3
    return bool(mallopt(ctypes.c_int(m_mmap_threshold), ctypes.c_int(MMAP_THRESHOLD)))
