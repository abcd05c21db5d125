"""Decoding: byte-order marks, binary signatures, strict UTF-8, legacy code pages (claimtrack.ingest.decode)."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given

from claimtrack.errors import BinaryInputError, DecodingError, EmptyInputError
from claimtrack.ingest import read_article

from .common import EN, FR, write


# --------------------------------------------------------------------- decoding


def test_utf8_file(tmp_path):
    path = write(tmp_path, "a.txt", FR.encode("utf-8"))
    article = read_article(path)
    assert article.text == FR
    assert article.encoding == "utf-8"
    assert article.source == str(path)
    assert article.lang == "fr" and 0.5 < article.lang_confidence <= 1.0


def test_str_path_source_is_path_as_given(tmp_path, monkeypatch):
    write(tmp_path, "given.txt", EN.encode())
    monkeypatch.chdir(tmp_path)
    article = read_article("given.txt")
    assert article.source == "given.txt" and article.text == EN
    assert read_article("given.txt", source="Example Wire").source == "Example Wire"


def test_utf8_bom(tmp_path):
    path = write(tmp_path, "bom.txt", codecs.BOM_UTF8 + FR.encode("utf-8"))
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
    path = write(tmp_path, "legacy.txt", text.encode("cp1252"))
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
    path = write(tmp_path, "blob.txt", data)
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
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(EmptyInputError) as info:
        read_article(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("text", ["", "   ", " \n\t\n", "\ufeff"])
def test_empty_text(text):
    with pytest.raises(EmptyInputError):
        read_article(text)
