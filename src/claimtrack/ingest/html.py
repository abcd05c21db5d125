"""The visible text of an HTML document, and whether a text is HTML at all.

The rules are the "HTML" section of :mod:`claimtrack.ingest`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["looks_like_html", "html_to_text"]

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


def looks_like_html(text: str) -> bool:
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


def html_to_text(html: str) -> str:
    """Visible text of ``html``, paragraphs joined by ``\\n``. Cost: linear in its length."""
    start = html.rfind("<!--")
    if start != -1 and html.find("-->", start + 4) == -1:
        html = html[:start]  # an unclosed comment runs to the end of the document
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.lines)

