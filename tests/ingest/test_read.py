"""read_article and read_articles: the path-or-text rule, size limits, normalisation, the seed corpus."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.errors import ArticleNotFoundError, ArticleTooLargeError, EmptyInputError, InputError
from claimtrack.ingest import DEFAULT_MAX_BYTES, read_article, read_articles

from ..conftest import CORPUS
from .common import DE, EN, FR, write


# --------------------------------------------------------------------- paths and the path-or-text rule


@pytest.mark.parametrize("missing", ["nowhere/missing.txt", "missing.html", "data/article", "https://example.org/a"])
def test_missing_path(missing, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ArticleNotFoundError) as info:
        read_article(missing)
    assert isinstance(info.value, FileNotFoundError) and isinstance(info.value, InputError)
    assert missing in str(info.value) and "\n" not in str(info.value)


def test_missing_pathlike(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope"):
        read_article(tmp_path / "nope")


def test_directory_is_not_an_article(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path)
    with pytest.raises(InputError, match="directory"):
        read_article(str(tmp_path))


def test_str_rule_text_vs_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README").write_text(EN)
    assert read_article("README").text == EN  # an existing file, no extension
    # line breaks, whitespace next to a slash, or no path shape: text
    assert read_article("see nowhere/missing.txt\nsecond line", lang="en").text.startswith("see")
    assert read_article("TCP/IP and and/or are words", lang="en").text == "TCP/IP and and/or are words"
    assert read_article("Hello", lang="en").text == "Hello"
    long_line = "word/" * 300  # 1,500 characters: too long to be a path
    assert read_article(long_line, lang="en").text == long_line
    # a one-line text that looks like a path can be read as bytes
    assert read_article("and/or".encode(), lang="en").text == "and/or"


def test_bad_input_type():
    with pytest.raises(TypeError):
        read_article(42)  # type: ignore[arg-type]


# --------------------------------------------------------------------- size limits


def test_oversize_sparse_file_refused_from_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(ArticleTooLargeError) as info:
        read_article(path)
    message = str(info.value)
    assert str(path) in message and f"{DEFAULT_MAX_BYTES:,}" in message and "max_bytes" in message
    assert "\n" not in message
    with pytest.raises(ArticleTooLargeError):
        next(read_articles(path))


def test_max_bytes_lowered(tmp_path):
    with pytest.raises(ArticleTooLargeError, match="100 bytes"):
        read_article(EN, max_bytes=100)
    with pytest.raises(ArticleTooLargeError):
        read_article(EN.encode(), max_bytes=100)
    path = write(tmp_path, "a.txt", EN.encode())
    with pytest.raises(ArticleTooLargeError):
        read_article(path, max_bytes=100)
    assert read_article(path, max_bytes=len(EN.encode())).text == EN
    with pytest.raises(ValueError):
        read_article(EN, max_bytes=0)


def test_pipe_read_is_bounded(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as handle:
            try:
                handle.write(b"x" * 5000)
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        with pytest.raises(ArticleTooLargeError, match="larger than the limit"):
            read_article(fifo, max_bytes=1000)
    finally:
        writer.join(5)


# --------------------------------------------------------------------- normalisation


def test_line_endings_normalised(tmp_path):
    assert read_article("one\r\ntwo\rthree\n", lang="en").text == "one\ntwo\nthree\n"
    path = write(tmp_path, "crlf.txt", b"first line\r\nsecond line\r\n")
    assert read_article(path, lang="en").text == "first line\nsecond line\n"


def test_nfc_and_spaces_preserved():
    decomposed = "Le pre\u0301sident a de\u0301clare\u0301 :\u00a0« oui\u202f» ;   "
    article = read_article(decomposed, lang="fr")
    assert article.text == unicodedata.normalize("NFC", decomposed)
    assert "président" in article.text and "\u00a0«" in article.text and "\u202f»" in article.text
    assert article.text.endswith(";   ")  # trailing spaces kept
    assert read_article("“curly” ‘quotes’", lang="en").text == "“curly” ‘quotes’"


# --------------------------------------------------------------------- ids, publication date, language, immutability


def test_deterministic_ids():
    a = read_article(EN, lang="en")
    assert a.id == "a" + hashlib.sha1(EN.encode("utf-8")).hexdigest()[:12]
    assert read_article(EN).id == a.id
    assert read_article(EN.encode("utf-16")).id == a.id
    assert read_article(EN.replace(". ", ".\r\n"), lang="en").id == read_article(EN.replace(". ", ".\n"), lang="en").id
    assert read_article(FR, lang="fr").id != a.id
    assert read_article(EN, article_id="x1").id == "x1"
    with pytest.raises(InputError):
        read_article(EN, article_id="")


@pytest.mark.parametrize(
    "value, expected",
    [
        (dt.date(2022, 9, 12), dt.date(2022, 9, 12)),
        (dt.datetime(2022, 9, 12, 23, 59), dt.date(2022, 9, 12)),
        ("2022-09-12", dt.date(2022, 9, 12)),
        ("2022-09-12T09:00:00Z", dt.date(2022, 9, 12)),
        ("2022-09-12T23:30:00-05:00", dt.date(2022, 9, 12)),
        (" 2022-09-12 10:00 ", dt.date(2022, 9, 12)),
        (None, None),
    ],
)
def test_published(value, expected):
    assert read_article(EN, lang="en", published=value).published == expected


@pytest.mark.parametrize("value", ["12/09/2022", "yesterday", "2022-13-01", "", 20220912])
def test_bad_published(value):
    with pytest.raises(InputError, match="published"):
        read_article(EN, lang="en", published=value)


def test_lang_given_and_detected():
    given = read_article(FR, lang=" FR ")
    assert (given.lang, given.lang_confidence) == ("fr", None)
    assert read_article(FR).lang == "fr"
    detected = read_article(EN)
    assert detected.lang == "en" and detected.lang_confidence is not None
    assert read_article(DE).lang == "de"  # tagged, not rejected
    with pytest.raises(InputError):
        read_article(EN, lang="")


def test_article_is_frozen():
    article = read_article(EN, lang="en")
    with pytest.raises(Exception):
        article.text = "changed"  # type: ignore[misc]


# --------------------------------------------------------------------- properties: normalisation and ids


_NO_PATH_CHARS = st.characters(exclude_characters="/\\.<", exclude_categories=("Cs",))


def _expected(text: str) -> str:
    out = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return out[1:] if out.startswith("\ufeff") else out


def _shows_nothing(text: str) -> bool:
    """Only whitespace and invisible characters (Default_Ignorable_Code_Point): an empty article."""
    import regex

    return regex.fullmatch(r"\p{Default_Ignorable_Code_Point}*", "".join(text.split())) is not None


def _check_roundtrip(text: str) -> None:
    expected = _expected(text)
    if _shows_nothing(expected):
        with pytest.raises(EmptyInputError):
            read_article(text, lang="en")
    else:
        article = read_article(text, lang="en")
        assert article.text == expected
        assert article.id == "a" + hashlib.sha1(expected.encode()).hexdigest()[:12]


@pytest.fixture(scope="module")
def empty_cwd(tmp_path_factory):
    """Run in an empty folder so a generated one-word string never names a real file."""
    old = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("cwd"))
    yield
    os.chdir(old)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_NO_PATH_CHARS, max_size=200))
def test_property_text_normalisation(empty_cwd, text):
    _check_roundtrip(text)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.characters(exclude_characters="<", exclude_categories=("Cs",)), max_size=100),
    st.sampled_from(["\n", "\r", "\r\n"]),
    st.text(max_size=100),
)
def test_property_multiline_text_normalisation(empty_cwd, head, newline, tail):
    # with a line break the string is always text, whatever characters it holds
    _check_roundtrip(head + newline + tail.replace("<", ""))


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet=st.characters(exclude_characters="<", exclude_categories=("Cs", "Cc")), min_size=1, max_size=200)
)
def test_property_bytes_match_text(text):
    expected = _expected(text)
    if not _shows_nothing(expected):
        assert read_article(text.encode("utf-8"), lang="en").text == expected
        assert read_article(text.encode("utf-16"), lang="en").text == expected


# --------------------------------------------------------------------- the seed corpus


def test_seed_corpus_languages():
    corpus = CORPUS
    if not corpus.is_dir():
        pytest.skip("../shared corpus not available")
    files = sorted(corpus.glob("*.txt"))
    assert len(files) == 5
    articles = [read_article(path) for path in files]
    assert [a.lang for a in articles] == ["en", "en", "en", "en", "fr"]
    assert all(a.encoding in ("utf-8", "utf-8-sig") and a.source == str(p) for a, p in zip(articles, files))
