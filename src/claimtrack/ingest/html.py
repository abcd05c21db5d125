"""The visible text of an HTML document, and whether a text is HTML at all.

The rules are the "HTML" section of :mod:`claimtrack.ingest`.  Page
furniture is kept out of the text by three rules: structural elements
(``nav``, ``aside``, ``footer``, ``form`` ..., an ARIA ``role`` of
navigation/complementary/contentinfo/search, ``hidden``), elements whose
``class``/``id`` names furniture (``Furniture.html_boilerplate_classes``:
"share-bar", "most-read", "lire-aussi"), and lines that are mostly link text
(menus, "most read" lists) or headings of such blocks
(``Furniture.html_block_headings``).  If those rules leave nothing, the whole
visible text is kept.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

from .. import lang as _lang

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
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "form", "menu", "button", "select", "dialog"})
"""Elements that hold page furniture, never article prose."""
_FURNITURE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "search", "menu", "menubar", "banner"})
_NEVER_FURNITURE = frozenset({"html", "body", "main", "article"})
"""Elements whose class never drops them: a page's or an article's own classes say nothing of furniture."""
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_LINK_DENSITY = 0.5
"""A line whose link text is at least this share of its text is furniture (a menu, a list of headlines)."""
_HEADING_MAX_WORDS = 8
_CLASS_SPLIT = re.compile(r"[\s_]+")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def looks_like_html(text: str) -> bool:
    head = text[:_HTML_SNIFF_CHARS]
    if "<" not in head:
        return False
    if _HTML_START.match(head):
        return True
    return len(_HTML_BLOCK_TAG.findall(head)) >= 2


@lru_cache(maxsize=1)
def _furniture_data() -> tuple[frozenset[str], re.Pattern[str]]:
    classes = _lang.union(lambda d: d.furniture.html_boilerplate_classes)
    headings = _lang.concat(lambda d: d.furniture.html_block_headings)
    return classes, re.compile(r"(?:" + "|".join(headings) + r")\s*[:.!]?", re.IGNORECASE)


def _furniture_class(value: str, words: frozenset[str]) -> bool:
    """A class or id ("share-bar", "a-lire", "plus-lus") one of whose
    hyphen-separated parts, or runs of parts, is a furniture word."""
    for name in _CLASS_SPLIT.split(value.lower()):
        parts = [p for p in name.split("-") if p]
        for i in range(len(parts)):
            for j in range(i + 1, min(len(parts), i + 3) + 1):
                if "-".join(parts[i:j]) in words:
                    return True
    return False


class _VisibleText(HTMLParser):
    """Collects the visible text of an HTML document, one paragraph per line,
    each with its share of link text and whether page furniture held it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, float, bool]] = []
        """(line, share of link text, inside furniture)."""
        self._parts: list[str] = []
        self._link_parts: list[str] = []
        self._skip: list[str] = []
        self._furniture: list[str] = []
        self._pre = 0
        self._links = 0
        self._classes = _furniture_data()[0]

    def _break(self) -> None:
        if self._parts:
            line = _HTML_SPACE.sub(" ", "".join(self._parts)).strip(" ")
            linked = len(_HTML_SPACE.sub(" ", "".join(self._link_parts)).strip(" "))
            self._parts, self._link_parts = [], []
            if line.strip():
                self.lines.append((line, min(1.0, linked / len(line)), bool(self._furniture)))

    def _is_furniture(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _FURNITURE_TAGS:
            return True
        for name, value in attrs:
            if name == "hidden" or (name == "aria-hidden" and value == "true"):
                return True
            if name == "role" and value and value.strip().lower() in _FURNITURE_ROLES:
                return True
            if name in ("class", "id") and value and tag not in _NEVER_FURNITURE and _furniture_class(value, self._classes):
                return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip == ["head"] and tag not in _HEAD_CONTENT:
            self._skip.pop()  # <body> or body content closes an unclosed <head>
        if self._skip:
            if tag in _SKIP_TAGS:
                self._skip.append(tag)
            return
        if tag in _SKIP_TAGS:
            self._skip.append(tag)
            return
        if tag not in _VOID_TAGS and (self._furniture or self._is_furniture(tag, attrs)):
            if not self._furniture:
                self._break()
            self._furniture.append(tag)  # inside furniture every open element is counted, to find its end
        if tag in _BLOCK_TAGS:
            self._break()
            if tag == "pre":
                self._pre += 1
        elif tag in _CELL_TAGS and self._parts:
            self._parts.append(" ")
        if tag == "a":
            self._links += 1

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
        if tag == "a" and self._links:
            self._links -= 1
        if tag in self._furniture:
            while self._furniture.pop() != tag:
                pass
            if not self._furniture:
                self._break()  # the furniture ends: its text is one line of its own

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._links:
            self._link_parts.append(data)
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


def _article_lines(lines: list[tuple[str, float, bool]]) -> list[str]:
    """The lines that are not page furniture (see the module's docstring)."""
    _, headings = _furniture_data()
    out: list[str] = []
    for line, links, furniture in lines:
        if furniture or links >= _LINK_DENSITY:
            continue  # a menu, a list of headlines, a share bar: links after a furniture heading too
        short = len(line.split()) <= _HEADING_MAX_WORDS
        if short and headings.fullmatch(line.strip()):
            continue  # "Most read", "Lire aussi": the heading of a block of links
        out.append(line)
    return out


def html_to_text(html: str) -> str:
    """Visible text of ``html`` less its page furniture (menus, asides,
    footers, share bars, "most read" lists), paragraphs joined by ``\\n``.
    Cost: linear in its length."""
    start = html.rfind("<!--")
    if start != -1 and html.find("-->", start + 4) == -1:
        html = html[:start]  # an unclosed comment runs to the end of the document
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    kept = _article_lines(parser.lines)
    if not kept:
        kept = [line for line, _, _ in parser.lines]  # furniture only: keep what there is, lose nothing
    return "\n".join(kept)

