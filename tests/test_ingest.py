"""Tests of claimtrack.ingest: decoding, HTML, normalisation, the path rule and JSON Lines."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import os
import random
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    RecordError,
)
from claimtrack.ingest import DEFAULT_MAX_BYTES, read_article, read_articles

DATA = Path(__file__).resolve().parent / "data" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

FR = (
    "Le président a déclaré que le gouvernement était prêt à coopérer avec ses partenaires européens. "
    "« C’est une étape importante pour nous », a-t-il ajouté devant les journalistes."
)
EN = (
    "The president said that the government was ready to work with its European partners. "
    "“This is an important step for us,” he told reporters on Monday."
)
DE = (
    "Der Präsident sagte, dass die Regierung bereit sei, mit den europäischen Partnern zusammenzuarbeiten. "
    "Das ist ein wichtiger Schritt für uns, sagte er am Montag vor Journalisten."
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------- decoding


def test_utf8_file(tmp_path):
    path = _write(tmp_path, "a.txt", FR.encode("utf-8"))
    article = read_article(path)
    assert article.text == FR
    assert article.encoding == "utf-8"
    assert article.source == str(path)
    assert article.lang == "fr" and 0.5 < article.lang_confidence <= 1.0


def test_str_path_source_is_path_as_given(tmp_path, monkeypatch):
    _write(tmp_path, "given.txt", EN.encode())
    monkeypatch.chdir(tmp_path)
    article = read_article("given.txt")
    assert article.source == "given.txt" and article.text == EN
    assert read_article("given.txt", source="Example Wire").source == "Example Wire"


def test_utf8_bom(tmp_path):
    path = _write(tmp_path, "bom.txt", codecs.BOM_UTF8 + FR.encode("utf-8"))
    article = read_article(path)
    assert article.encoding == "utf-8-sig"
    assert article.text == FR and not article.text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    article = read_article(bom + FR.encode(codec), lang="fr")
    assert article.encoding == "utf-16"
    assert article.text == FR


def test_utf32_with_bom():
    article = read_article(EN.encode("utf-32"), lang="en")
    assert (article.encoding, article.text) == ("utf-32", EN)


def test_cp1252_file_with_french_accents_and_curly_quotes(tmp_path):
    text = (
        "L’économie française a progressé de 0,5 % au troisième trimestre, a déclaré l’Insee.\r\n"
        "« C’est une “bonne nouvelle” pour l’emploi », a ajouté le ministre — déjà cité. Coût : 3 €."
    )
    path = _write(tmp_path, "legacy.txt", text.encode("cp1252"))
    article = read_article(path)
    assert article.encoding == "cp1252"
    assert article.text == text.replace("\r\n", "\n")
    assert article.lang == "fr"


@pytest.mark.parametrize("word", ["Élève", "café", "L’été", "Ça"])
def test_short_cp1252_prefers_western_code_page(word):
    article = read_article(word.encode("cp1252"), lang="fr")
    assert (article.encoding, article.text) == ("cp1252", word)


def test_latin1_and_iso8859_15():
    latin1 = "Le président a déclaré que la société française était prête à coopérer avec ses partenaires."
    article = read_article(latin1.encode("latin-1"), lang="fr")
    assert article.text == latin1 and article.encoding in {"cp1252", "iso8859-1", "iso8859-15"}
    iso15 = "Le cœur de l'œuvre coûte 30 € et le président a déclaré que la société était prête."
    article = read_article(iso15.encode("iso-8859-15"), lang="fr")
    assert article.text == iso15 and article.encoding == "iso8859-15"


def test_other_legacy_encoding_is_decoded():
    text = "Президент заявил, что правительство готово к сотрудничеству с партнерами."
    article = read_article(text.encode("cp1251"), lang="ru")
    assert (article.text, article.encoding) == (text, "cp1251")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
        b"\x7fELF\x02\x01\x01\x00",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        random.Random(0).randbytes(4096) + b"\x00",
        b"plain words\x00with a NUL",
        b"\x01\x02\x03\x04abc\x05\x06",
    ],
    ids=["png", "zip", "elf", "pdf", "random", "nul", "controls"],
)
def test_binary_input_rejected(data, tmp_path):
    with pytest.raises(BinaryInputError):
        read_article(data)
    path = _write(tmp_path, "blob.txt", data)
    with pytest.raises(BinaryInputError) as info:
        read_article(path)
    assert str(path) in str(info.value)


def test_utf16_without_bom_is_binary_with_hint():
    with pytest.raises(BinaryInputError, match="byte-order mark"):
        read_article("Hello world, this is UTF-16.".encode("utf-16-le"))


def test_undecodable_bytes():
    with pytest.raises(DecodingError):
        read_article(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(DecodingError, match="UTF-8 byte-order mark"):
        read_article(codecs.BOM_UTF8 + b"abc\xff\xfe")
    with pytest.raises(DecodingError, match="surrogate"):
        read_article("text with a lone \ud800 surrogate\n")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8, "\u00a0\u202f\n".encode()])
def test_empty_input(data, tmp_path):
    with pytest.raises(EmptyInputError):
        read_article(data)
    path = _write(tmp_path, "empty.txt", data)
    with pytest.raises(EmptyInputError) as info:
        read_article(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("text", ["", "   ", " \n\t\n", "\ufeff"])
def test_empty_text(text):
    with pytest.raises(EmptyInputError):
        read_article(text)


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
    path = _write(tmp_path, "a.txt", EN.encode())
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


# --------------------------------------------------------------------- HTML


def test_html_fixture_file():
    article = read_article(DATA / "page.html")
    lines = article.text.split("\n")
    assert lines == [
        "Accueil",
        "Le pont de Port\u00a0Aldwin est ouvert",
        "La maire a déclaré\u202f: «\u00a0Ce pont appartient à chaque famille.\u00a0»",
        "Près de 2\u00a0400 ouvriers l’ont construit en trois ans.",
        "Photo\u00a0: Exemple & Cie",
        "Partagez cet article",
    ]
    for hidden in ("Titre", "tracking", "alert", "commentaire", "JavaScript", "logo", "font-family"):
        assert hidden not in article.text
    assert article.lang == "fr" and article.encoding == "utf-8"


def test_html_detected_by_content():
    html = (
        "<div class='story'><p>First  paragraph\n  spans lines.</p>"
        "<script>alert(1)</script><style>.x{color:red}</style><!-- note -->"
        "<p>Second &amp; last&nbsp;one &laquo;here&raquo;</p>one<br>two</div>"
    )
    article = read_article(html, lang="en")
    assert article.text == "First paragraph spans lines.\nSecond & last\u00a0one «here»\none\ntwo"
    assert "alert" not in article.text and "color" not in article.text and "note" not in article.text


def test_html_document_by_content_bytes():
    html = "\ufeff  <!doctype html><html><head><title>T</title></head><body><h1>Headline</h1>" "<p>Body text.</p></body></html>"
    article = read_article(html.encode("utf-8"), lang="en")
    assert article.text == "Headline\nBody text."
    assert article.encoding == "utf-8-sig"


def test_html_details():
    html = (
        "<html><head><title>Only title</title><body><p>Unclosed head</p>"
        "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>"
        "<pre>line 1\nline 2</pre><p>&nbsp;</p><ul><li>one</li><li>two</li></ul>"
        "<iframe>frame</iframe><template><p>tpl</p></template><p>e&#x301;</p><!-- unclosed"
    )
    article = read_article(html, lang="en")
    assert article.text.split("\n") == ["Unclosed head", "a b", "c d", "line 1", "line 2", "one", "two", "é"]


def test_html_without_visible_text():
    with pytest.raises(EmptyInputError, match="visible text"):
        read_article("<html><head><script>x()</script></head><body> </body></html>")


def test_plain_text_with_one_tag_is_not_html():
    text = "Use the <p> element for paragraphs.\nThat is all."
    assert read_article(text, lang="en").text == text


# --------------------------------------------------------------------- normalisation


def test_line_endings_normalised(tmp_path):
    assert read_article("one\r\ntwo\rthree\n", lang="en").text == "one\ntwo\nthree\n"
    path = _write(tmp_path, "crlf.txt", b"first line\r\nsecond line\r\n")
    assert read_article(path, lang="en").text == "first line\nsecond line\n"


def test_nfc_and_spaces_preserved():
    decomposed = "Le pre\u0301sident a de\u0301clare\u0301 :\u00a0« oui\u202f» ;   "
    article = read_article(decomposed, lang="fr")
    assert article.text == unicodedata.normalize("NFC", decomposed)
    assert "président" in article.text and "\u00a0«" in article.text and "\u202f»" in article.text
    assert article.text.endswith(";   ")  # trailing spaces kept
    assert read_article("“curly” ‘quotes’", lang="en").text == "“curly” ‘quotes’"


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


_NO_PATH_CHARS = st.characters(exclude_characters="/\\.<", exclude_categories=("Cs",))


def _expected(text: str) -> str:
    out = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return out[1:] if out.startswith("\ufeff") else out


def _check_roundtrip(text: str) -> None:
    expected = _expected(text)
    if not expected.strip():
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
    if expected.strip():
        assert read_article(text.encode("utf-8"), lang="en").text == expected
        assert read_article(text.encode("utf-16"), lang="en").text == expected


# --------------------------------------------------------------------- JSON Lines


def test_jsonl_from_path():
    articles = list(read_articles(DATA / "records.jsonl"))
    assert [a.id for a in articles[:2]] == ["rec-en", "rec-fr"]
    en, fr, third = articles
    assert en.text == "Port Aldwin opened its harbour bridge on Thursday.\nMore than 2,400 workers built it."
    assert (en.lang, en.lang_confidence, en.source, en.published) == ("en", None, "Example Wire", dt.date(2024, 9, 12))
    assert fr.lang == "fr" and fr.lang_confidence is not None and fr.published == dt.date(2024, 9, 13)
    assert "2\u00a0400" in fr.text and fr.encoding is None
    assert third.text == "Third record, given as HTML.\nIt has two paragraphs." and third.lang == "en"
    assert third.id == read_article(third.text, lang="en").id


def test_jsonl_records_equal_read_article():
    text = "Une phrase.\r\nUne autre, avec « guillemets ».\n"
    (article,) = read_articles(io.StringIO('{"text": ' + __import__("json").dumps(text) + "}\n"))
    assert article == read_article(text)


def test_jsonl_from_file_objects():
    raw = (DATA / "records.jsonl").read_bytes()
    from_path = list(read_articles(DATA / "records.jsonl"))
    assert list(read_articles(io.BytesIO(codecs.BOM_UTF8 + raw))) == from_path
    assert list(read_articles(io.StringIO(raw.decode("utf-8")))) == from_path
    with open(DATA / "records.jsonl", encoding="utf-8") as handle:
        assert list(read_articles(handle)) == from_path


def test_jsonl_from_stdin(monkeypatch):
    raw = (DATA / "records.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert [a.id for a in read_articles("-")][:2] == ["rec-en", "rec-fr"]


def test_jsonl_streams_one_line_at_a_time():
    class Lines:
        """A stream that fails if read beyond the first line."""

        def __init__(self) -> None:
            self.calls = 0

        def readline(self, size: int = -1) -> str:
            self.calls += 1
            if self.calls == 1:
                return '{"id": "one", "lang": "en", "text": "First."}\n'
            raise AssertionError("read ahead")

    stream = Lines()
    iterator = read_articles(stream)  # type: ignore[arg-type]
    assert stream.calls == 0
    assert next(iterator).id == "one"
    assert stream.calls == 1


@pytest.mark.parametrize(
    "lines, line_no, match",
    [
        (['{"text": "ok", "lang": "en"}', "", "{not json"], 3, "not valid JSON"),
        (['{"id": "x", "lang": "en"}'], 1, 'no "text"'),
        (['{"text": 12}'], 1, '"text" must be a string'),
        (['{"text": "ok", "lang": "en"}', '["a", "list"]'], 2, "JSON object"),
        (['{"text": "ok", "lang": 5}'], 1, '"lang" must be'),
        (['{"text": "ok", "lang": "en", "published": "soon"}'], 1, "published"),
        (['{"text": "   ", "lang": "en"}'], 1, "whitespace"),
    ],
)
def test_jsonl_record_errors(tmp_path, lines, line_no, match):
    path = _write(tmp_path, "bad.jsonl", "\n".join(lines).encode() + b"\n")
    with pytest.raises(RecordError, match=match) as info:
        list(read_articles(path))
    message = str(info.value)
    assert f"line {line_no}" in message and str(path) in message and "\n" not in message


def test_jsonl_invalid_utf8_and_ids(tmp_path):
    path = _write(tmp_path, "x.ndjson", b'{"id": 7, "text": "ok", "lang": "en"}\n{"text": "caf\xe9"}\n')
    iterator = read_articles(path)
    assert next(iterator).id == "7"
    with pytest.raises(RecordError, match="line 2.*UTF-8"):
        next(iterator)


def test_jsonl_limits(tmp_path):
    path = _write(tmp_path, "big.jsonl", b'{"text": "' + b"x" * 500 + b'", "lang": "en"}\n')
    with pytest.raises(ArticleTooLargeError, match="line 1.*max_record_bytes"):
        list(read_articles(path, max_record_bytes=100))
    with pytest.raises(ArticleTooLargeError, match="line 1"):
        list(read_articles(path, max_bytes=100))
    assert len(next(read_articles(path)).text) == 500


def test_read_articles_plain_file_and_missing(tmp_path):
    path = _write(tmp_path, "story.txt", EN.encode())
    (article,) = read_articles(path)
    assert article == read_article(path)
    (page,) = read_articles(str(DATA / "page.html"))
    assert page.text.startswith("Accueil")
    with pytest.raises(ArticleNotFoundError, match="missing.jsonl"):
        read_articles(tmp_path / "missing.jsonl")  # raised at call time
    with pytest.raises(TypeError):
        read_articles(3)  # type: ignore[arg-type]


def test_public_api_names():
    assert ct.read_article is read_article and ct.read_articles is read_articles


# --------------------------------------------------------------------- the seed corpus


def test_seed_corpus_languages():
    corpus = SHARED / "corpus" / "pytorch-foundation"
    if not corpus.is_dir():
        pytest.skip("../shared corpus not available")
    files = sorted(corpus.glob("*.txt"))
    assert len(files) == 5
    articles = [read_article(path) for path in files]
    assert [a.lang for a in articles] == ["en", "en", "en", "en", "fr"]
    assert all(a.encoding in ("utf-8", "utf-8-sig") and a.source == str(p) for a, p in zip(articles, files))


def test_read_json_lines_yields_objects_with_line_numbers(tmp_path):
    import io

    from claimtrack.errors import RecordError
    from claimtrack.ingest import read_json_lines

    path = tmp_path / "pairs.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"a": 1}\n\n{"b": "\xc3\xa9"}\n')
    assert list(read_json_lines(path)) == [(1, {"a": 1}), (3, {"b": "é"})]
    assert list(read_json_lines(io.StringIO('{"x": null}\n'))) == [(1, {"x": None})]
    with pytest.raises(RecordError, match="line 2: expected a JSON object"):
        list(read_json_lines(io.StringIO('{}\n[1]\n')))
    with pytest.raises(ct.ArticleNotFoundError):
        list(read_json_lines(tmp_path / "missing.jsonl"))
