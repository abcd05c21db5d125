"""JSON Lines: records, line numbers, limits and errors (claimtrack.ingest.jsonl)."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import sys

import pytest
from hypothesis import given

import claimtrack as ct
from claimtrack.errors import ArticleNotFoundError, ArticleTooLargeError, RecordError
from claimtrack.ingest import read_article, read_articles, read_json_lines

from .common import DATA, EN, write


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
    path = write(tmp_path, "bad.jsonl", "\n".join(lines).encode() + b"\n")
    with pytest.raises(RecordError, match=match) as info:
        list(read_articles(path))
    message = str(info.value)
    assert f"line {line_no}" in message and str(path) in message and "\n" not in message


def test_jsonl_invalid_utf8_and_ids(tmp_path):
    path = write(tmp_path, "x.ndjson", b'{"id": 7, "text": "ok", "lang": "en"}\n{"text": "caf\xe9"}\n')
    iterator = read_articles(path)
    assert next(iterator).id == "7"
    with pytest.raises(RecordError, match="line 2.*UTF-8"):
        next(iterator)


def test_jsonl_limits(tmp_path):
    path = write(tmp_path, "big.jsonl", b'{"text": "' + b"x" * 500 + b'", "lang": "en"}\n')
    with pytest.raises(ArticleTooLargeError, match="line 1.*max_record_bytes"):
        list(read_articles(path, max_record_bytes=100))
    with pytest.raises(ArticleTooLargeError, match="line 1"):
        list(read_articles(path, max_bytes=100))
    assert len(next(read_articles(path)).text) == 500


def test_read_json_lines_yields_objects_with_line_numbers(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"a": 1}\n\n{"b": "\xc3\xa9"}\n')
    assert list(read_json_lines(path)) == [(1, {"a": 1}), (3, {"b": "é"})]
    assert list(read_json_lines(io.StringIO('{"x": null}\n'))) == [(1, {"x": None})]
    with pytest.raises(RecordError, match="line 2: expected a JSON object"):
        list(read_json_lines(io.StringIO('{}\n[1]\n')))
    with pytest.raises(ct.ArticleNotFoundError):
        list(read_json_lines(tmp_path / "missing.jsonl"))


# --------------------------------------------------------------------- read_articles on a plain file, public names


def test_read_articles_plain_file_and_missing(tmp_path):
    path = write(tmp_path, "story.txt", EN.encode())
    (article,) = read_articles(path)
    assert article == read_article(path)
    (page,) = read_articles(str(DATA / "page.html"))
    assert page.text.startswith("Le pont de Port")  # the <nav> before it is page furniture
    with pytest.raises(ArticleNotFoundError, match="missing.jsonl"):
        read_articles(tmp_path / "missing.jsonl")  # raised at call time
    with pytest.raises(TypeError):
        read_articles(3)  # type: ignore[arg-type]


def test_public_api_names():
    assert ct.read_article is read_article and ct.read_articles is read_articles
