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

    Page furniture is kept out: the content of ``nav``, ``aside``,
    ``footer``, ``form``, ``menu``, ``button``, ``select`` and ``dialog``, of
    an element with the ARIA role navigation, complementary, contentinfo,
    search, menu, menubar or banner, or with ``hidden`` /
    ``aria-hidden="true"``; of an element (not ``html``, ``body``, ``main``
    or ``article``) whose ``class`` or ``id`` has a furniture word as a
    hyphen-separated part ("share-bar", "most-read", "lire-aussi": the
    language data's ``Furniture.html_boilerplate_classes``); a paragraph of
    which half the text or more is link text (menus, lists of headlines,
    "Read more: <link>"); and a short line (8 words at most) that is the
    heading of such a block ("Most read", "Related", "Les plus lus", "À lire
    aussi": ``Furniture.html_block_headings``).  A page where these rules
    leave nothing keeps its whole visible text.

Normalisation (every input kind)
    A leading BOM (U+FEFF) is removed, ``\\r\\n`` and ``\\r`` become ``\\n``, and
    the text is put in Unicode NFC.  Nothing else is rewritten: curly quotes,
    ``« »``, no-break spaces (U+00A0, U+202F), trailing spaces and control
    characters stay, so offsets into ``Article.text`` are meaningful.  Text
    that is empty, or holds only whitespace and invisible characters (Unicode's
    Default_Ignorable_Code_Point: zero-width spaces and joiners, word joiners,
    soft hyphens, format marks), after this raises
    :class:`~claimtrack.errors.EmptyInputError`; a ``str`` holding unpaired
    surrogates raises :class:`~claimtrack.errors.DecodingError`.

Metadata
    ``lang``: a given tag is reduced to its base language, lower-cased
    (``fr-CA``, ``fr_FR``, ``FR`` are ``fr``), its region kept in
    ``Article.region`` (``CA``), with ``lang_confidence=None``; otherwise :func:`claimtrack.extract.langid.detect_language`
    tags the text (unsupported languages are tagged, not rejected: that is
    :func:`claimtrack.extract_claims`' job).  ``article_id``: when not given,
    ``"a" + sha1(normalised text as UTF-8).hexdigest()[:12]``, the same in every
    process.  ``source``: for files, the path as given unless ``source`` is
    passed.  ``published``: a :class:`datetime.date`, a
    :class:`datetime.datetime` (its ``.date()``, as written, no time-zone
    conversion) or an ISO-8601 string (``2022-09-12``,
    ``2022-09-12T09:00:00Z``).

All error messages are one line and name the file (or the JSON Lines line)
when there is one.  The package keeps no mutable global state.

Modules: :mod:`~claimtrack.ingest.decode` (bytes to text),
:mod:`~claimtrack.ingest.html` (visible text of HTML),
:mod:`~claimtrack.ingest.build` (the one builder: size, normalisation,
metadata), :mod:`~claimtrack.ingest.files` (stat and bounded reads) and
:mod:`~claimtrack.ingest.jsonl` (JSON Lines); this module holds the
path-or-text rule and the public functions.
"""

from __future__ import annotations

import datetime as _dt
import os
import stat
import sys
from collections.abc import Iterator
from typing import IO, Any, Literal, Union

from ..errors import ArticleNotFoundError, ClaimtrackError, ErrorPolicy, ErrorSink, InputError, OnError
from ..models import Article
from .build import DEFAULT_MAX_BYTES, build_article, check_limit, parse_published, too_large
from .decode import decode_bytes
from .files import file_label, path_name, read_bytes, stat_file
from .jsonl import read_json_lines, stream_path, stream_records

__all__ = ["read_article", "read_articles", "read_json_lines", "parse_published", "DEFAULT_MAX_BYTES"]

PathOrText = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]
"""What :func:`read_article` accepts."""

ArticleSource = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]
"""What :func:`read_articles` accepts."""

_MAX_PATH_CHARS = 1024
_PATH_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".json", ".jsonl", ".ndjson")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
_PATH_SEPARATORS = frozenset(c for c in ("/", os.sep, os.altsep) if c)


# ----------------------------------------------------------------------------- paths


def _article_from_path(
    path: str | os.PathLike[str],
    *,
    article_id: str | None,
    lang: str | None,
    source: str | None,
    published: object,
    max_bytes: int,
) -> Article:
    raw, name = path_name(path)
    label = file_label(name)
    data = read_bytes(raw, label, max_bytes)
    text, encoding = decode_bytes(data, label)
    return build_article(
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
    label = file_label(value)
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
    date_order: Literal["dmy", "mdy"] | None = None,
) -> Article:
    """Read one article from a file, a string or raw bytes.

    See the module docstring for the exact path-or-text, decoding, HTML and
    normalisation rules.

    Args:
        path_or_text: a path (``os.PathLike``, or a ``str`` naming an existing
            file), the article text (any other ``str``), or raw bytes to decode.
        article_id: the article's id; by default ``"a"`` plus the first 12 hex
            digits of the SHA-1 of the normalised text (stable across processes).
        lang: a language tag (``fr``, ``fr-CA``, ``en_GB``): its base
            language, lower-cased, is ``Article.lang`` and its region
            ``Article.region`` (``lang_confidence`` None); by default the
            language is detected.
        source: outlet, URL or path; defaults to the path as given for files.
        published: publication date: ``date``, ``datetime`` or ISO-8601 string.
        max_bytes: largest input accepted, in bytes (UTF-8 bytes for a ``str``).
        date_order: ``"dmy"`` or ``"mdy"``, the order of the article's numeric
            dates ("12/03/2025"; :attr:`~claimtrack.models.Article.date_order`);
            None: the language's usual order.

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
    article = _read_article(path_or_text, article_id, lang, source, published, max_bytes=max_bytes)
    if date_order is not None:
        if date_order not in ("dmy", "mdy"):
            raise InputError(f"date_order is 'dmy' or 'mdy', not {date_order!r}")
        article = article.model_copy(update={"date_order": date_order})
    return article


def _read_article(
    path_or_text: PathOrText,
    article_id: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    published: _dt.date | _dt.datetime | str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """The work of :func:`read_article` (everything but ``date_order``)."""
    check_limit(max_bytes, "max_bytes")
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
            raise too_large(what, len(data), max_bytes)
        text, encoding = decode_bytes(data, what)
        return build_article(text, what=what, encoding=encoding, html=False, max_bytes=None, **options)
    if isinstance(path_or_text, str):
        if _str_is_path(path_or_text):
            return _article_from_path(path_or_text, max_bytes=max_bytes, **options)
        return build_article(
            path_or_text, what="the article text", encoding=None, html=False, max_bytes=max_bytes, **options
        )
    if isinstance(path_or_text, os.PathLike):
        return _article_from_path(path_or_text, max_bytes=max_bytes, **options)
    raise TypeError(
        "read_article() takes a path, a str or bytes, not " + type(path_or_text).__name__
    )



def _single_file(path: str | os.PathLike[str], max_bytes: int, policy: ErrorPolicy) -> Iterator[Article]:
    try:
        article = _article_from_path(path, article_id=None, lang=None, source=None, published=None,
                                     max_bytes=max_bytes)
    except ClaimtrackError as exc:
        policy.handle(exc, input=os.fsdecode(path))
        return
    yield article


def read_articles(
    source: ArticleSource,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_record_bytes: int = DEFAULT_MAX_BYTES,
    errors: OnError = "stop",
    error_file: ErrorSink | None = None,
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

    A missing path or a directory raises at once.  What a bad record does
    depends on ``errors`` (:data:`claimtrack.errors.OnError`): ``stop`` (the
    default) raises its error when the iteration reaches it, which ends the
    iteration; ``skip`` leaves it out and reads on; ``report`` also writes
    one :class:`~claimtrack.errors.ErrorRecord` (id when the record has one,
    line, error type, message) to ``error_file`` (standard error by default).

    Args:
        source: path, ``"-"``, or a file object opened for reading.
        max_bytes: largest article text, in UTF-8 bytes (and largest plain file).
        max_record_bytes: largest JSON Lines line, in bytes (characters for a
            text-mode stream).
        errors: ``stop``, ``skip`` or ``report`` (see above).
        error_file: where ``report`` sends its records: a text stream (one
            JSON line each) or a callable taking an ``ErrorRecord``.

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
    check_limit(max_bytes, "max_bytes")
    check_limit(max_record_bytes, "max_record_bytes")
    policy = ErrorPolicy(errors, error_file)
    return (article for _, article in numbered_articles(source, max_bytes, max_record_bytes, policy))


def numbered_articles(
    source: ArticleSource, max_bytes: int, max_record_bytes: int, policy: ErrorPolicy
) -> Iterator[tuple[int | None, Article]]:
    """:func:`read_articles` with each article's JSON Lines line number (None
    for a plain file), for error reports.  A missing path raises at once."""
    if isinstance(source, str) and source == "-":
        stdin = sys.stdin
        handle: IO[Any] = getattr(stdin, "buffer", stdin)
        return stream_records(handle, "standard input", max_bytes, max_record_bytes, policy, "-")
    if isinstance(source, (str, os.PathLike)):
        raw, name = path_name(source)
        stat_file(raw, f"file {name!r}")
        if not name.lower().endswith(_JSONL_SUFFIXES):
            return ((None, a) for a in _single_file(source, max_bytes, policy))
        return stream_path(raw, name, max_bytes, max_record_bytes, policy)
    if hasattr(source, "readline"):
        name_attr = getattr(source, "name", None)
        where = f"JSON Lines stream {name_attr!r}" if isinstance(name_attr, str) else "the JSON Lines stream"
        return stream_records(source, where, max_bytes, max_record_bytes, policy,
                              name_attr if isinstance(name_attr, str) else None)
    raise TypeError(f"read_articles() takes a path, '-' or a file object, not {type(source).__name__}")
