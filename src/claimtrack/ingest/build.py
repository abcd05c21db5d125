"""The one builder every input kind goes through: size limit, normalisation, HTML, metadata.

A string, a file, an HTML page and a JSON Lines record holding the same text
give the same :class:`~claimtrack.models.Article` because they all end in
:func:`build_article`.  The rules are the "Size", "Normalisation" and
"Metadata" sections of :mod:`claimtrack.ingest`.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import unicodedata

from ..errors import ArticleTooLargeError, DecodingError, EmptyInputError, InputError
from ..models import Article
from ..text import has_visible
from .html import html_to_text, looks_like_html

__all__ = [
    "DEFAULT_MAX_BYTES",
    "build_article",
    "check_limit",
    "human_bytes",
    "language_tag",
    "normalise",
    "parse_published",
    "too_large",
]

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""Largest input read by default (16 MiB); pass ``max_bytes=`` to change it."""


def human_bytes(n: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


def check_limit(value: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return value


def too_large(what: str, size: int | None, limit: int) -> ArticleTooLargeError:
    """``size`` None: only known to exceed ``limit`` (a pipe, a growing file)."""
    is_ = "is larger than" if size is None else f"is {size:,} bytes, over"
    return ArticleTooLargeError(
        f"{what} {is_} the limit of {limit:,} bytes ({human_bytes(limit)}); "
        "pass a larger max_bytes= to read it"
    )


def normalise(text: str) -> str:
    """Remove a leading BOM and turn ``\\r\\n``/``\\r`` into ``\\n`` (NFC comes last)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse_published(value: object, what: str = "the article") -> _dt.date | None:
    """Parse a publication date: a ``date``, a ``datetime`` or an ISO-8601 string.

    ``None`` stays ``None``. Raises :class:`~claimtrack.errors.InputError` naming
    ``what`` for anything else.

    >>> parse_published("2022-09-12T23:30:00Z")
    datetime.date(2022, 9, 12)
    >>> parse_published(None) is None
    True
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(
            f"published for {what} must be a date, a datetime or an ISO-8601 string, "
            f"got {type(value).__name__}"
        )
    raw = value.strip()
    try:
        if len(raw) == 10:
            return _dt.date.fromisoformat(raw)
        if raw[-1:] in ("Z", "z"):
            raw = raw[:-1] + "+00:00"
        return _dt.datetime.fromisoformat(raw).date()
    except ValueError:
        raise InputError(
            f"published for {what} is not an ISO-8601 date: {value!r} "
            "(expected e.g. '2022-09-12' or '2022-09-12T09:00:00Z')"
        ) from None


def language_tag(value: object, what: str = "lang") -> tuple[str, str | None]:
    """A given language tag as ``(base language, region)``: ``fr-CA`` and
    ``fr_CA`` give ``("fr", "CA")`` (:func:`claimtrack.lang.split_tag`).
    Raises :class:`~claimtrack.errors.InputError` naming ``what`` for a
    value that is not a language tag."""
    from ..lang import split_tag

    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{what} must be a non-empty language code, got {value!r}")
    try:
        return split_tag(value)
    except ValueError as exc:
        raise InputError(f"{what}: {exc}") from None


def build_article(
    raw: str,
    *,
    what: str,
    article_id: str | None,
    lang: str | None,
    source: str | None,
    published: object,
    encoding: str | None,
    html: bool,
    max_bytes: int | None,
) -> Article:
    """Normalise ``raw`` and build the Article: the single place every input kind goes through.

    ``max_bytes`` is checked against the UTF-8 length of ``raw`` (None: already
    checked on the bytes).  Cost: linear in ``len(raw)`` plus language
    detection on a sample of about 2,000 characters.
    """
    try:
        encoded = raw.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DecodingError(
            f"{what} contains an unpaired surrogate (U+{ord(raw[exc.start]):04X} at character {exc.start}); "
            "it cannot be stored as UTF-8"
        ) from None
    if max_bytes is not None and len(encoded) > max_bytes:
        raise too_large(what, len(encoded), max_bytes)
    del encoded

    text = normalise(raw)
    is_html = html or looks_like_html(text)
    if is_html:
        text = html_to_text(text)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        if is_html:
            raise EmptyInputError(f"{what} has no visible text (HTML with only markup, scripts or styles)")
        raise EmptyInputError(f"{what} is empty" if not text else f"{what} contains only whitespace")
    if not has_visible(text):
        raise EmptyInputError(
            f"{what} contains only invisible characters (zero-width spaces or joiners, format marks) and whitespace"
        )

    if article_id is None:
        article_id = "a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    elif not isinstance(article_id, str) or not article_id:
        raise InputError(f"article_id for {what} must be a non-empty string, got {article_id!r}")

    confidence: float | None
    region: str | None = None
    if lang is None:
        from ..extract.langid import detect_language

        lang, confidence = detect_language(text)
    else:
        lang, region = language_tag(lang, f"lang for {what}")
        confidence = None

    if source is not None and not isinstance(source, str):
        raise InputError(f"source for {what} must be a string, got {type(source).__name__}")

    return Article(
        id=article_id,
        lang=lang,
        text=text,
        source=source,
        published=parse_published(published, what),
        encoding=encoding,
        lang_confidence=confidence,
        region=region,
    )

