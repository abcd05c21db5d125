"""File access with one-line errors: stat, a bounded read, the name of a path."""

from __future__ import annotations

import os
import stat

from ..errors import ArticleNotFoundError, InputError
from .build import too_large

__all__ = ["file_label", "path_name", "read_bytes", "stat_file"]


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
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ArticleNotFoundError(f"{label} not found") from None
    except OSError as exc:
        raise InputError(f"cannot read {label}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # a file that grew, a pipe, a device
        raise too_large(label, None, max_bytes)
    return data


def path_name(path: str | os.PathLike[str] | os.PathLike[bytes]) -> tuple[str | bytes, str]:
    raw = os.fspath(path)
    return raw, os.fsdecode(raw)

