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

from ..errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    ClaimtrackError,
    ErrorPolicy,
    ErrorSink,
    InputError,
    OnError,
    RecordError,
)
from ..models import Article
from .build import DEFAULT_MAX_BYTES, build_article, check_limit, human_bytes
from .files import open_input, path_name, stat_file

__all__ = ["LongNumber", "read_json_lines", "record_id", "stream_path", "stream_records"]


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
        record = json.loads(line, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise RecordError(f"{at}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise RecordError(f"{at}: the JSON is nested too deeply to read") from None
    if not isinstance(record, dict):
        raise RecordError(f"{at}: expected a JSON object, got {type(record).__name__}")
    return record


_MAX_INT_DIGITS = 4_300
"""Python's own limit on the digits of an ``int`` read from text (``sys.int_max_str_digits``)."""


class LongNumber:
    """A JSON integer of more than 4,300 digits, kept as its text: a field
    claimtrack ignores may hold one; a field it reads rejects it as a number."""

    __slots__ = ("digits",)

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"LongNumber({len(self.digits)} digits)"


def _parse_int(text: str) -> int | LongNumber:
    return int(text) if len(text.lstrip("-")) <= _MAX_INT_DIGITS else LongNumber(text)


def record_id(record: dict[str, Any]) -> str | None:
    """The id a record gives itself (a string or an integer), for error reports."""
    value = record.get("id")
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


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
        elif key == "id" and isinstance(value, LongNumber):
            value = value.digits
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


def _articles_of(
    lines: Iterator[tuple[int, dict[str, Any]]], where: str, max_bytes: int, policy: ErrorPolicy | None,
    name: str | None,
) -> Iterator[tuple[int, Article]]:
    for number, record in lines:
        try:
            article = _record_article(record, number, where, max_bytes)
        except ClaimtrackError as exc:
            if policy is None:
                raise
            policy.handle(exc, id=record_id(record), line=number, input=name)
            continue
        yield number, article


def stream_records(
    handle: IO[str] | IO[bytes], where: str, max_bytes: int, max_record_bytes: int,
    policy: ErrorPolicy | None = None, name: str | None = None,
) -> Iterator[tuple[int, Article]]:
    """(line number, article) of the records of an open JSON Lines stream, in
    order; a bad record raises, or goes to ``policy`` (named ``name`` in its report)."""
    yield from _articles_of(_json_lines(handle, where, max_record_bytes, policy, name), where, max_bytes, policy,
                            name)


def _skip_line(handle: IO[str] | IO[bytes], chunk: int) -> None:
    """Read past the end of the current line, ``chunk`` at a time."""
    while True:
        part = handle.readline(chunk)
        if not part or (part.endswith(b"\n") if isinstance(part, bytes) else part.endswith("\n")):
            return


def _json_lines(
    handle: IO[str] | IO[bytes], where: str, max_record_bytes: int, policy: ErrorPolicy | None = None,
    name: str | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each non-blank line of a JSON Lines stream;
    a bad line raises, or goes to ``policy`` and the reading goes on."""
    number = 0
    while True:
        line = handle.readline(max_record_bytes + 1)
        if not line:
            return
        number += 1
        ends = line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")
        try:
            if len(line) > max_record_bytes and not ends:
                raise ArticleTooLargeError(
                    f"{where}, line {number}: the line is longer than the limit of {max_record_bytes:,} "
                    f"bytes ({human_bytes(max_record_bytes)}); pass a larger max_record_bytes= to read it"
                )
            record = _json_object(line, number, where)
        except ClaimtrackError as exc:
            if policy is None or policy.stops:
                raise
            if len(line) > max_record_bytes and not ends:
                _skip_line(handle, max_record_bytes + 1)
            policy.handle(exc, line=number, input=name)
            continue
        if record is not None:
            yield number, record


def stream_path(
    path: str | bytes, where: str, max_bytes: int, max_record_bytes: int, policy: ErrorPolicy | None = None,
) -> Iterator[tuple[int, Article]]:
    """(line number, article) of the records of the JSON Lines file at ``path`` (opened on first use)."""
    yield from _articles_of(_path_lines(path, where, max_record_bytes, policy), f"JSON Lines file {where!r}",
                            max_bytes, policy, where)


def _path_lines(
    path: str | bytes, where: str, max_record_bytes: int, policy: ErrorPolicy | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    handle = open_input(path, f"JSON Lines file {where!r}")
    with handle:
        yield from _json_lines(handle, f"JSON Lines file {where!r}", max_record_bytes, policy, where)


def read_json_lines(
    source: str | os.PathLike[str] | IO[str] | IO[bytes], *, max_record_bytes: int = DEFAULT_MAX_BYTES,
    errors: OnError = "stop", error_file: ErrorSink | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Stream the JSON objects of a JSON Lines file, ``"-"`` (standard input)
    or an open file, as ``(line number, object)``; blank lines are skipped.

    The reading rules and errors are :func:`read_articles`' (UTF-8, a BOM on
    the first line skipped, one line in memory at a time): a line that is not
    JSON, not UTF-8 or not an object raises :class:`RecordError` naming the
    line; a line longer than ``max_record_bytes`` raises
    :class:`ArticleTooLargeError`; a missing path :class:`ArticleNotFoundError`.
    What the objects must hold is the caller's business.

    ``errors`` (see :data:`claimtrack.errors.OnError`): under ``skip`` or
    ``report`` a bad line is left out (reported to ``error_file``) and the
    reading goes on; a missing path still raises at once.
    """
    check_limit(max_record_bytes, "max_record_bytes")
    policy = ErrorPolicy(errors, error_file)
    if isinstance(source, str) and source == "-":
        stdin = sys.stdin
        return _json_lines(getattr(stdin, "buffer", stdin), "standard input", max_record_bytes, policy, "-")
    if isinstance(source, (str, os.PathLike)):
        raw, name = path_name(source)
        stat_file(raw, f"file {name!r}")
        return _path_lines(raw, name, max_record_bytes, policy)
    if hasattr(source, "readline"):
        name_attr = getattr(source, "name", None)
        where = f"JSON Lines stream {name_attr!r}" if isinstance(name_attr, str) else "the JSON Lines stream"
        return _json_lines(source, where, max_record_bytes, policy, name_attr if isinstance(name_attr, str) else None)
    raise TypeError(f"read_json_lines() takes a path, '-' or a file object, not {type(source).__name__}")


