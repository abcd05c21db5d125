"""HTML: what is HTML, and its visible text (claimtrack.ingest.html)."""

from __future__ import annotations

import pytest

from claimtrack.errors import EmptyInputError
from claimtrack.ingest import read_article

from .common import DATA


# --------------------------------------------------------------------- HTML


def test_html_fixture_file():
    article = read_article(DATA / "page.html")
    lines = article.text.split("\n")
    assert lines == [
        "Le pont de Port\u00a0Aldwin est ouvert",
        "La maire a déclaré\u202f: «\u00a0Ce pont appartient à chaque famille.\u00a0»",
        "Près de 2\u00a0400 ouvriers l’ont construit en trois ans.",
        "Photo\u00a0: Exemple & Cie",
    ]  # the <nav> ("Accueil") and the <footer> ("Partagez cet article") are page furniture
    for hidden in ("Titre", "tracking", "alert", "commentaire", "JavaScript", "logo", "font-family", "Accueil",
                   "Partagez"):
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
