"""Reading articles: files, strings, bytes, HTML and JSON Lines into :class:`~claimtrack.models.Article`.

Two public functions::

    read_article(path_or_text, article_id=None, lang=None, source=None, published=None,
                 *, max_bytes=DEFAULT_MAX_BYTES) -> Article
    read_articles(source, *, max_bytes=DEFAULT_MAX_BYTES,
                  max_record_bytes=DEFAULT_MAX_BYTES) -> Iterator[Article]

Every input, whatever its kind, goes through one internal function that
normalises the text and builds the :class:`Article`, so a string, a file, an
HTML page and a JSON Lines record holding the same text give the same article.

Path or text (``read_article`` given a ``str``)
    A ``str`` is read as a **path** when it has no line break, is shorter than
    1,024 characters and names an existing file (not a directory).  A ``str``
    that does not name a file but *looks like a path* raises
    :class:`~claimtrack.errors.ArticleNotFoundError` rather than becoming a
    one-word article; it looks like a path when it has no line break, is
    shorter than 1,024 characters, and either ends in one of ``.txt``,
    ``.text``, ``.html``, ``.htm``, ``.xhtml``, ``.md``, ``.json``, ``.jsonl``,
    ``.ndjson`` (any case) or contains a path separator (``/``) and no
    whitespace (so ``"news/a.txt"`` and ``"https://x.org/a"`` are paths).
    Every other ``str`` is the article text itself.  An :class:`os.PathLike`
    is always a path; ``bytes`` (or ``bytearray``/``memoryview``) are always
    raw content.  To read a one-line text that looks like a path, pass it as
    bytes (``text.encode()``).

Decoding (bytes and files)
    1. A byte-order mark decides: UTF-8 (``utf-8-sig``), UTF-16 (``utf-16``)
       or UTF-32 (``utf-32``); bytes that do not decode under their BOM raise
       :class:`~claimtrack.errors.DecodingError`.
    2. Without a BOM, known binary signatures (PNG, JPEG, GIF, PDF, ZIP/Office,
       gzip, xz, 7z, ELF, OLE2) and NUL bytes raise
       :class:`~claimtrack.errors.BinaryInputError` (UTF-16 without a BOM is
       reported as binary, with a hint).
    3. Strict UTF-8 (``utf-8``; plain ASCII is reported as ``utf-8``).
    4. Otherwise charset-normalizer picks a legacy encoding.  Because
       claimtrack reads English and French, the best Western European code
       page (``cp1252`` preferred, then ``iso8859-15``, then ``iso8859-1``
       when they decode alike) wins whenever its chaos score is within 0.05
       of the best candidate over all encodings (short inputs fit many code
       pages equally well); otherwise that best candidate is used.  No
       plausible candidate: :class:`~claimtrack.errors.DecodingError`.
    5. Decoded text in which more than 2% of the characters are control
       characters (other than tab, line feed, carriage return, vertical tab and
       form feed) raises :class:`~claimtrack.errors.BinaryInputError`.

    The encoding used is stored in ``Article.encoding`` under its Python codec
    name (``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252``, ``iso8859-15`` ...);
    it is ``None`` for ``str`` input and JSON Lines records.  Text given as a
    ``str`` is never checked for binary content.

Size
    Input larger than ``max_bytes`` (default :data:`DEFAULT_MAX_BYTES`, 16 MiB)
    raises :class:`~claimtrack.errors.ArticleTooLargeError`.  A file's size is
    taken from :func:`os.stat` before anything is read, and at most
    ``max_bytes + 1`` bytes are ever read (pipes and devices included); a
    ``str`` counts its UTF-8 length.

HTML
    Text is HTML when the file ends in ``.html``/``.htm``/``.xhtml``, or when
    its content starts (after whitespace, an XML declaration or comments) with
    ``<!doctype html``, ``<html>``, ``<head>``, ``<body>`` or a block tag such
    as ``<p>``/``<div>``/``<article>``, or has at least two block tags (``<p>``,
    ``</p>``, ``<br>``, ``<div>`` ...) in its first 4,096 characters.  This
    applies to every input kind, so a plain-text article that *talks about*
    two HTML tags in its opening lines is read as HTML.  Visible text is
    extracted with :mod:`html.parser`: the content of ``script``, ``style``,
    ``noscript``, ``template``, ``head``, ``title``, ``svg``, ``math``,
    ``iframe``, ``object`` and ``canvas`` is dropped, as are comments; block
    elements (``p``, ``div``, ``h1``-``h6``, ``li``, ``br``, ``tr``,
    ``article``, ``section``, ``blockquote``, ``figcaption``, ``header``,
    ``footer`` ...) end a paragraph; inside a paragraph runs of HTML
    whitespace (space, tab, line feed, carriage return, form feed) become one
    space, while no-break spaces stay; entities are unescaped (``&nbsp;`` is
    U+00A0, ``&laquo;`` is ``«``); table cells are separated by a space; lines
    of ``<pre>`` stay lines.  Paragraphs with no visible characters are
    dropped; the others are joined with a single ``\\n``.

Normalisation (every input kind)
    A leading BOM (U+FEFF) is removed, ``\\r\\n`` and ``\\r`` become ``\\n``, and
    the text is put in Unicode NFC.  Nothing else is rewritten: curly quotes,
    ``« »``, no-break spaces (U+00A0, U+202F), trailing spaces and control
    characters stay, so offsets into ``Article.text`` are meaningful.  Text
    that is empty or only whitespace after this raises
    :class:`~claimtrack.errors.EmptyInputError`; a ``str`` holding unpaired
    surrogates raises :class:`~claimtrack.errors.DecodingError`.

Metadata
    ``lang``: given codes are stripped and lower-cased and stored with
    ``lang_confidence=None``; otherwise :func:`claimtrack.extract.langid.detect_language`
    tags the text (unsupported languages are tagged, not rejected: that is
    :func:`claimtrack.extract_claims`' job).  ``article_id``: when not given,
    ``"a" + sha1(normalised text as UTF-8).hexdigest()[:12]``, the same in every
    process.  ``source``: for files, the path as given unless ``source`` is
    passed.  ``published``: a :class:`datetime.date`, a
    :class:`datetime.datetime` (its ``.date()``, as written, no time-zone
    conversion) or an ISO-8601 string (``2022-09-12``,
    ``2022-09-12T09:00:00Z``).

All error messages are one line and name the file (or the JSON Lines line)
when there is one.  The module keeps no mutable global state.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import IO, Any, Union

from ..errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    RecordError,
)
from ..models import Article

__all__ = ["read_article", "read_articles", "parse_published", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""Largest input read by default (16 MiB); pass ``max_bytes=`` to change it."""

PathOrText = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]
"""What :func:`read_article` accepts."""

ArticleSource = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]
"""What :func:`read_articles` accepts."""

# ----------------------------------------------------------------------------- constants

_MAX_PATH_CHARS = 1024
_PATH_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".json", ".jsonl", ".ndjson")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
_PATH_SEPARATORS = frozenset(c for c in ("/", os.sep, os.altsep) if c)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office/EPUB document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 (legacy Office) document"),
)

_ALLOWED_CONTROLS = "\t\n\r\x0b\x0c"
_CONTROL_TABLE = {
    c: None
    for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
    if chr(c) not in _ALLOWED_CONTROLS
}
_MAX_CONTROL_SHARE = 0.02

_WESTERN = ("cp1252", "iso8859_15", "latin_1")
"""Legacy code pages preferred on ties (claimtrack reads English and French)."""
_WESTERN_CHAOS_SLACK = 0.05

# HTML
_HTML_SNIFF_CHARS = 4096
_HTML_START = re.compile(
    r"(?:\s|<\?xml[^>]*>|<!--.*?-->)*"
    r"<(?:!doctype\s+html\b|(?:html|head|body|meta|title|p|div|article|section|main|header|nav|"
    r"h[1-6]|table|ul|ol|blockquote|figure)\b)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_BLOCK_TAG = re.compile(
    r"</?(?:p|div|article|section|main|header|footer|nav|aside|br|h[1-6]|li|ul|ol|"
    r"blockquote|table|tr|td|figure|figcaption)\b[^<>]{0,200}>",
    re.IGNORECASE,
)
_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "canvas"}
)
_HEAD_CONTENT = frozenset({"title", "meta", "link", "style", "script", "noscript", "base", "template"})
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
        "thead", "tr", "ul",
    }
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


# ----------------------------------------------------------------------------- small helpers


def _human_bytes(n: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


def _check_limit(value: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return value


def _too_large(what: str, size: int | None, limit: int) -> ArticleTooLargeError:
    """``size`` None: only known to exceed ``limit`` (a pipe, a growing file)."""
    is_ = "is larger than" if size is None else f"is {size:,} bytes, over"
    return ArticleTooLargeError(
        f"{what} {is_} the limit of {limit:,} bytes ({_human_bytes(limit)}); "
        "pass a larger max_bytes= to read it"
    )


def _file_label(name: str) -> str:
    return f"article file {name!r}"


# ----------------------------------------------------------------------------- decoding


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return (len(text) - len(text.translate(_CONTROL_TABLE))) / len(text)


def _looks_like_utf16(data: bytes) -> bool:
    quarter = len(data) // 4
    return quarter > 0 and (data[0::2].count(0) > quarter or data[1::2].count(0) > quarter)


def _detect_legacy(data: bytes, what: str) -> tuple[str, str]:
    """Decode bytes that are not UTF-8 with the encoding charset-normalizer finds.

    Two passes: one restricted to the Western European code pages, one over
    every encoding; the Western candidate wins unless the other is clearly
    less chaotic (short inputs fit many code pages equally well).
    """
    from charset_normalizer import from_bytes

    western = from_bytes(data, cp_isolation=list(_WESTERN)).best()
    anything = from_bytes(data).best()
    if western is not None and (anything is None or western.chaos <= anything.chaos + _WESTERN_CHAOS_SLACK):
        candidates = {western.encoding, *western.could_be_from_charset}
        for encoding in _WESTERN:
            if encoding in candidates:
                try:
                    return data.decode(encoding), codecs.lookup(encoding).name
                except UnicodeDecodeError:
                    continue
        return str(western), codecs.lookup(western.encoding).name
    if anything is not None:
        return str(anything), codecs.lookup(anything.encoding).name
    raise DecodingError(
        f"{what} is neither UTF-8 nor in any legacy encoding charset-normalizer recognises; save it as UTF-8"
    )


def _decode(data: bytes, what: str) -> tuple[str, str]:
    """Decode raw bytes; returns ``(text, encoding)``. Cost: linear in ``len(data)``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                unicode = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}[encoding]
                raise DecodingError(
                    f"{what} starts with a {unicode} byte-order mark but is not valid {unicode} "
                    f"(byte offset {exc.start}: {exc.reason})"
                ) from None
            break
    else:
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                raise BinaryInputError(f"{what} looks like {kind}, not text")
        if b"\x00" in data:
            hint = (
                "; if it is UTF-16 text without a byte-order mark, save it as UTF-8 or with a BOM"
                if _looks_like_utf16(data)
                else ""
            )
            raise BinaryInputError(f"{what} is binary data, not text (it contains NUL bytes){hint}")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _detect_legacy(data, what)
    share = _control_share(text)
    if share > _MAX_CONTROL_SHARE:
        raise BinaryInputError(
            f"{what} is binary data, not text ({share:.0%} of its characters are control characters)"
        )
    return text, encoding


# ----------------------------------------------------------------------------- HTML


def _looks_like_html(text: str) -> bool:
    head = text[:_HTML_SNIFF_CHARS]
    if "<" not in head:
        return False
    if _HTML_START.match(head):
        return True
    return len(_HTML_BLOCK_TAG.findall(head)) >= 2


class _VisibleText(HTMLParser):
    """Collects the visible text of an HTML document, one paragraph per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._parts: list[str] = []
        self._skip: list[str] = []
        self._pre = 0

    def _break(self) -> None:
        if self._parts:
            line = _HTML_SPACE.sub(" ", "".join(self._parts)).strip(" ")
            self._parts = []
            if line.strip():
                self.lines.append(line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip == ["head"] and tag not in _HEAD_CONTENT:
            self._skip.pop()  # <body> or body content closes an unclosed <head>
        if self._skip:
            if tag in _SKIP_TAGS:
                self._skip.append(tag)
            return
        if tag in _SKIP_TAGS:
            self._skip.append(tag)
        elif tag in _BLOCK_TAGS:
            self._break()
            if tag == "pre":
                self._pre += 1
        elif tag in _CELL_TAGS and self._parts:
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in self._skip:
                while self._skip.pop() != tag:
                    pass
            return
        if tag in _BLOCK_TAGS:
            self._break()
            if tag == "pre" and self._pre:
                self._pre -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._pre:
            first, *rest = data.split("\n")
            self._parts.append(first)
            for piece in rest:
                self._break()
                self._parts.append(piece)
        else:
            self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._break()


def _html_to_text(html: str) -> str:
    """Visible text of ``html``, paragraphs joined by ``\\n``. Cost: linear in its length."""
    start = html.rfind("<!--")
    if start != -1 and html.find("-->", start + 4) == -1:
        html = html[:start]  # an unclosed comment runs to the end of the document
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.lines)


# ----------------------------------------------------------------------------- the one builder


def _normalise(text: str) -> str:
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


def _build_article(
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
        raise _too_large(what, len(encoded), max_bytes)
    del encoded

    text = _normalise(raw)
    is_html = html or _looks_like_html(text)
    if is_html:
        text = _html_to_text(text)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        if is_html:
            raise EmptyInputError(f"{what} has no visible text (HTML with only markup, scripts or styles)")
        raise EmptyInputError(f"{what} is empty" if not text else f"{what} contains only whitespace")

    if article_id is None:
        article_id = "a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    elif not isinstance(article_id, str) or not article_id:
        raise InputError(f"article_id for {what} must be a non-empty string, got {article_id!r}")

    confidence: float | None
    if lang is None:
        from ..extract.langid import detect_language

        lang, confidence = detect_language(text)
    else:
        if not isinstance(lang, str) or not lang.strip():
            raise InputError(f"lang for {what} must be a non-empty language code, got {lang!r}")
        lang, confidence = lang.strip().lower(), None

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
    )


# ----------------------------------------------------------------------------- paths


def _stat(path: str | bytes, label: str) -> os.stat_result:
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


def _read_bytes(path: str | bytes, label: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` from ``path``; refuse larger files before reading them."""
    st = _stat(path, label)
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise _too_large(label, st.st_size, max_bytes)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ArticleNotFoundError(f"{label} not found") from None
    except OSError as exc:
        raise InputError(f"cannot read {label}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # a file that grew, a pipe, a device
        raise _too_large(label, None, max_bytes)
    return data


def _path_name(path: str | os.PathLike[str] | os.PathLike[bytes]) -> tuple[str | bytes, str]:
    raw = os.fspath(path)
    return raw, os.fsdecode(raw)


def _article_from_path(
    path: str | os.PathLike[str],
    *,
    article_id: str | None,
    lang: str | None,
    source: str | None,
    published: object,
    max_bytes: int,
) -> Article:
    raw, name = _path_name(path)
    label = _file_label(name)
    data = _read_bytes(raw, label, max_bytes)
    text, encoding = _decode(data, label)
    return _build_article(
        text,
        what=label,
        article_id=article_id,
        lang=lang,
        source=name if source is None else source,
        published=published,
        encoding=encoding,
        html=name.lower().endswith(_HTML_SUFFIXES),
        max_bytes=None,
    )


def _looks_like_path(value: str) -> bool:
    if value.lower().endswith(_PATH_SUFFIXES):
        return True
    return any(c in _PATH_SEPARATORS for c in value) and not any(c.isspace() for c in value)


def _str_is_path(value: str) -> bool:
    """Apply the path-or-text rule (module docstring); raise for a missing path."""
    if not value or len(value) >= _MAX_PATH_CHARS or "\n" in value or "\r" in value or "\x00" in value:
        return False
    try:
        st: os.stat_result | None = os.stat(value)
    except (OSError, ValueError):
        st = None
    if st is not None and not stat.S_ISDIR(st.st_mode):
        return True
    if not _looks_like_path(value):
        return False
    label = _file_label(value)
    if st is not None:
        raise InputError(f"{label} is a directory, not a file")
    hint = "claimtrack does not fetch URLs; download the page first" if "://" in value else (
        "a one-line string that looks like a path is read as a file name; pass the text as bytes to read it as text"
    )
    raise ArticleNotFoundError(f"{label} not found ({hint})")


# ----------------------------------------------------------------------------- public API


def read_article(
    path_or_text: PathOrText,
    article_id: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    published: _dt.date | _dt.datetime | str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read one article from a file, a string or raw bytes.

    See the module docstring for the exact path-or-text, decoding, HTML and
    normalisation rules.

    Args:
        path_or_text: a path (``os.PathLike``, or a ``str`` naming an existing
            file), the article text (any other ``str``), or raw bytes to decode.
        article_id: the article's id; by default ``"a"`` plus the first 12 hex
            digits of the SHA-1 of the normalised text (stable across processes).
        lang: ISO 639-1 code to use as is (lower-cased, ``lang_confidence``
            None); by default the language is detected.
        source: outlet, URL or path; defaults to the path as given for files.
        published: publication date: ``date``, ``datetime`` or ISO-8601 string.
        max_bytes: largest input accepted, in bytes (UTF-8 bytes for a ``str``).

    Returns:
        A frozen :class:`~claimtrack.models.Article`.

    Raises:
        ArticleNotFoundError: the path does not exist (also a ``FileNotFoundError``).
        ArticleTooLargeError: the input is larger than ``max_bytes``.
        BinaryInputError: the bytes are not text (NUL bytes, a known binary
            signature, too many control characters).
        DecodingError: no encoding decodes the bytes sensibly, or a ``str``
            holds unpaired surrogates.
        EmptyInputError: no text is left after decoding and normalisation.
        InputError: a bad ``published`` string, an empty ``lang`` or
            ``article_id``, a directory, an unreadable file.
        TypeError: ``path_or_text`` is none of the accepted types.
        ValueError: ``max_bytes`` is not a positive integer.

    Cost: linear in the input size (a legacy-encoded file also runs
    charset-normalizer), plus language detection on about 2,000 characters
    when ``lang`` is not given.
    """
    _check_limit(max_bytes, "max_bytes")
    options: dict[str, Any] = {
        "article_id": article_id,
        "lang": lang,
        "source": source,
        "published": published,
    }
    if isinstance(path_or_text, (bytes, bytearray, memoryview)):
        data = bytes(path_or_text)
        what = "the byte input"
        if len(data) > max_bytes:
            raise _too_large(what, len(data), max_bytes)
        text, encoding = _decode(data, what)
        return _build_article(text, what=what, encoding=encoding, html=False, max_bytes=None, **options)
    if isinstance(path_or_text, str):
        if _str_is_path(path_or_text):
            return _article_from_path(path_or_text, max_bytes=max_bytes, **options)
        return _build_article(
            path_or_text, what="the article text", encoding=None, html=False, max_bytes=max_bytes, **options
        )
    if isinstance(path_or_text, os.PathLike):
        return _article_from_path(path_or_text, max_bytes=max_bytes, **options)
    raise TypeError(
        "read_article() takes a path, a str or bytes, not " + type(path_or_text).__name__
    )


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
        return _build_article(
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


def _stream_records(
    handle: IO[str] | IO[bytes], where: str, max_bytes: int, max_record_bytes: int
) -> Iterator[Article]:
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
                f"bytes ({_human_bytes(max_record_bytes)}); pass a larger max_record_bytes= to read it"
            )
        record = _json_object(line, number, where)
        if record is not None:
            yield number, record


def _stream_path(path: str | bytes, where: str, max_bytes: int, max_record_bytes: int) -> Iterator[Article]:
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
    _check_limit(max_record_bytes, "max_record_bytes")
    if isinstance(source, str) and source == "-":
        stdin = sys.stdin
        return _json_lines(getattr(stdin, "buffer", stdin), "standard input", max_record_bytes)
    if isinstance(source, (str, os.PathLike)):
        raw, name = _path_name(source)
        _stat(raw, f"file {name!r}")
        return _path_lines(raw, name, max_record_bytes)
    if hasattr(source, "readline"):
        name_attr = getattr(source, "name", None)
        where = f"JSON Lines stream {name_attr!r}" if isinstance(name_attr, str) else "the JSON Lines stream"
        return _json_lines(source, where, max_record_bytes)
    raise TypeError(f"read_json_lines() takes a path, '-' or a file object, not {type(source).__name__}")


def _single_file(path: str | os.PathLike[str], max_bytes: int) -> Iterator[Article]:
    yield _article_from_path(path, article_id=None, lang=None, source=None, published=None, max_bytes=max_bytes)


def read_articles(
    source: ArticleSource,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_record_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """Stream articles from a JSON Lines file, an open file object or standard input.

    Each non-blank line is one JSON object ``{"id", "text", "lang"?,
    "source"?, "published"?}``; ``text`` is required, ``id`` defaults to the
    text's hash as in :func:`read_article` (an integer id is turned into a
    string), the other fields may be null, unknown fields are ignored.  Each
    record's text is normalised exactly like :func:`read_article`'s (HTML
    included); ``Article.encoding`` is None.  Lines are read one at a time, so
    memory is proportional to the largest record, never the whole file.
    Lines of a binary stream must be UTF-8 (a BOM on the first line is
    skipped).

    ``source`` may be a path, ``"-"`` (standard input), or an open text or
    binary file object (left open).  A path that does not end in ``.jsonl``,
    ``.json`` or ``.ndjson`` is a plain text or HTML article: the iterator
    yields the single article :func:`read_article` makes of it (with
    ``max_bytes``), so a caller can pass any file through this one function.
    A ``.json`` file is read as JSON Lines too (one object per line).

    A missing path or a directory raises at once; record errors are raised
    when the iteration reaches them, which ends the iteration.

    Args:
        source: path, ``"-"``, or a file object opened for reading.
        max_bytes: largest article text, in UTF-8 bytes (and largest plain file).
        max_record_bytes: largest JSON Lines line, in bytes (characters for a
            text-mode stream).

    Returns:
        An iterator of frozen :class:`~claimtrack.models.Article`, in file order.

    Raises:
        ArticleNotFoundError: the path does not exist.
        RecordError: a line is not valid JSON or UTF-8, is not an object, has
            no string ``text``, a field of the wrong type, empty text or a bad
            ``published`` date (the message names the file and line number).
        ArticleTooLargeError: a line is longer than ``max_record_bytes`` or a
            text larger than ``max_bytes``.
        InputError: the path is a directory or cannot be read; for a plain
            file, whatever :func:`read_article` raises.
        TypeError: ``source`` is none of the accepted types.

    Cost: linear in the input size plus one language detection per record
    without ``lang``.
    """
    _check_limit(max_bytes, "max_bytes")
    _check_limit(max_record_bytes, "max_record_bytes")
    if isinstance(source, str) and source == "-":
        stdin = sys.stdin
        handle: IO[Any] = getattr(stdin, "buffer", stdin)
        return _stream_records(handle, "standard input", max_bytes, max_record_bytes)
    if isinstance(source, (str, os.PathLike)):
        raw, name = _path_name(source)
        _stat(raw, f"file {name!r}")
        if not name.lower().endswith(_JSONL_SUFFIXES):
            return _single_file(source, max_bytes)
        return _stream_path(raw, name, max_bytes, max_record_bytes)
    if hasattr(source, "readline"):
        name_attr = getattr(source, "name", None)
        where = f"JSON Lines stream {name_attr!r}" if isinstance(name_attr, str) else "the JSON Lines stream"
        return _stream_records(source, where, max_bytes, max_record_bytes)
    raise TypeError(f"read_articles() takes a path, '-' or a file object, not {type(source).__name__}")
