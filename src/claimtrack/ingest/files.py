"""File access with one-line errors: stat, a bounded read, the name of a path."""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from ..errors import ArticleNotFoundError, InputError
from .build import too_large

__all__ = ["FIFO_WAIT_SECONDS", "file_label", "open_input", "path_name", "read_bytes", "stat_file"]


def file_label(name: str) -> str:
    return f"article file {name!r}"


def stat_file(path: str | bytes, label: str) -> os.stat_result:
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise ArticleNotFoundError(f"{label} not found") from None
    except OSError as exc:
        raise InputError(f"cannot read {label}: {exc.strerror or exc}") from None
    except ValueError as exc:  # embedded NUL, unencodable name
        raise ArticleNotFoundError(f"{label} not found ({exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{label} is a directory, not a file")
    return st


def read_bytes(path: str | bytes, label: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` from ``path``; refuse larger files before reading them."""
    st = stat_file(path, label)
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise too_large(label, st.st_size, max_bytes)
    handle = open_input(path, label, st)
    try:
        with handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read {label}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # a file that grew, a pipe, a device
        raise too_large(label, None, max_bytes)
    return data


FIFO_WAIT_SECONDS = 30.0
"""How long reading a named pipe (FIFO) waits for a writer before giving up."""


def open_input(path: str | bytes, label: str, st: os.stat_result | None = None) -> BinaryIO:
    """Open ``path`` for reading in binary; a named pipe with no writer raises
    :class:`~claimtrack.errors.InputError` after :data:`FIFO_WAIT_SECONDS`
    instead of blocking for ever."""
    try:
        if st is None:
            st = os.stat(path)
        if not stat.S_ISFIFO(st.st_mode):
            return open(path, "rb")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise ArticleNotFoundError(f"{label} not found") from None
    except OSError as exc:
        raise InputError(f"cannot read {label}: {exc.strerror or exc}") from None
    try:
        _wait_for_writer(fd, label)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _wait_for_writer(fd: int, label: str) -> None:
    """Wait until the pipe has data or its writer has come and gone."""
    import select
    import time

    deadline = time.monotonic() + FIFO_WAIT_SECONDS
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise InputError(f"{label} is a named pipe with no writer: nothing came in {FIFO_WAIT_SECONDS:g} s")
        if poller.poll(min(left, 0.25) * 1000):
            return  # data, or a writer that closed (end of file)


def path_name(path: str | os.PathLike[str] | os.PathLike[bytes]) -> tuple[str | bytes, str]:
    raw = os.fspath(path)
    return raw, os.fsdecode(raw)

