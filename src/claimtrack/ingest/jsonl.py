"""JSON Lines: one JSON object per line, read one line at a time; records become articles.

:func:`read_json_lines` streams the objects; :func:`stream_records` and
:func:`stream_path` turn records ``{"id", "text", "lang"?, "source"?,
"published"?}`` into :class:`~claimtrack.models.Article` for
:func:`claimtrack.ingest.read_articles`.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from ..errors import ArticleNotFoundError, ArticleTooLargeError, InputError, RecordError
from ..models import Article
from .build import DEFAULT_MAX_BYTES, build_article, check_limit, human_bytes
from .files import path_name, stat_file

__all__ = ["read_json_lines", "stream_path", "stream_records"]


def _json_object(line: str | bytes, number: int, where: str) -> dict[str, Any] | None:
    """Parse one JSON Lines line into a JSON object (None for a blank line)."""
    at = f"{where}, line {number}"
    if isinstance(line, bytes):
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RecordError(f"{at}: not valid UTF-8 (byte {exc.start + 1} of the line)") from None
    elif number == 1 and line.startswith("\ufeff"):
        line = line[1:]
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(f"{at}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise RecordError(f"{at}: expected a JSON object, got {type(record).__name__}")
    return record


def _record_article(record: dict[str, Any], number: int, where: str, max_bytes: int) -> Article:
    """The Article of one JSON Lines record ``{"id", "text", ...}``."""
    at = f"{where}, line {number}"
    if "text" not in record:
        raise RecordError(f"{at}: the record has no \"text\" field")
    text = record["text"]
    if not isinstance(text, str):
        raise RecordError(f"{at}: \"text\" must be a string, got {_json_type(text)}")
    fields: dict[str, Any] = {}
    for key in ("id", "lang", "source", "published"):
        value = record.get(key)
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise RecordError(f"{at}: \"{key}\" must be a string or null, got {_json_type(value)}")
        fields[key] = value
    try:
        return build_article(
            text,
            what=f"the record on {at}",
            article_id=fields["id"],
            lang=fields["lang"],
            source=fields["source"],
            published=fields["published"],
            encoding=None,
            html=False,
            max_bytes=max_bytes,
        )
    except ArticleTooLargeError:
        raise
    except InputError as exc:
        raise RecordError(str(exc)) from None


def _json_type(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def stream_records(
    handle: IO[str] | IO[bytes], where: str, max_bytes: int, max_record_bytes: int
) -> Iterator[Article]:
    """The articles of the records of an open JSON Lines stream, in order."""
    for number, record in _json_lines(handle, where, max_record_bytes):
        yield _record_article(record, number, where, max_bytes)


def _json_lines(handle: IO[str] | IO[bytes], where: str, max_record_bytes: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each non-blank line of a JSON Lines stream."""
    number = 0
    while True:
        line = handle.readline(max_record_bytes + 1)
        if not line:
            return
        number += 1
        ends = line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")
        if len(line) > max_record_bytes and not ends:
            raise ArticleTooLargeError(
                f"{where}, line {number}: the line is longer than the limit of {max_record_bytes:,} "
                f"bytes ({human_bytes(max_record_bytes)}); pass a larger max_record_bytes= to read it"
            )
        record = _json_object(line, number, where)
        if record is not None:
            yield number, record


def stream_path(path: str | bytes, where: str, max_bytes: int, max_record_bytes: int) -> Iterator[Article]:
    """The articles of the records of the JSON Lines file at ``path`` (opened on first use)."""
    for number, record in _path_lines(path, where, max_record_bytes):
        yield _record_article(record, number, f"JSON Lines file {where!r}", max_bytes)


def _path_lines(path: str | bytes, where: str, max_record_bytes: int) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle = open(path, "rb")
    except FileNotFoundError:
        raise ArticleNotFoundError(f"JSON Lines file {where!r} not found") from None
    except OSError as exc:
        raise InputError(f"cannot read JSON Lines file {where!r}: {exc.strerror or exc}") from None
    with handle:
        yield from _json_lines(handle, f"JSON Lines file {where!r}", max_record_bytes)


def read_json_lines(
    source: str | os.PathLike[str] | IO[str] | IO[bytes], *, max_record_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Stream the JSON objects of a JSON Lines file, ``"-"`` (standard input)
    or an open file, as ``(line number, object)``; blank lines are skipped.

    The reading rules and errors are :func:`read_articles`' (UTF-8, a BOM on
    the first line skipped, one line in memory at a time): a line that is not
    JSON, not UTF-8 or not an object raises :class:`RecordError` naming the
    line; a line longer than ``max_record_bytes`` raises
    :class:`ArticleTooLargeError`; a missing path :class:`ArticleNotFoundError`.
    What the objects must hold is the caller's business.
    """
    check_limit(max_record_bytes, "max_record_bytes")
    if isinstance(source, str) and source == "-":
        stdin = sys.stdin
        return _json_lines(getattr(stdin, "buffer", stdin), "standard input", max_record_bytes)
    if isinstance(source, (str, os.PathLike)):
        raw, name = path_name(source)
        stat_file(raw, f"file {name!r}")
        return _path_lines(raw, name, max_record_bytes)
    if hasattr(source, "readline"):
        name_attr = getattr(source, "name", None)
        where = f"JSON Lines stream {name_attr!r}" if isinstance(name_attr, str) else "the JSON Lines stream"
        return _json_lines(source, where, max_record_bytes)
    raise TypeError(f"read_json_lines() takes a path, '-' or a file object, not {type(source).__name__}")


