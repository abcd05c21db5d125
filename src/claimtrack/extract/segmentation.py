"""Page layout and sentences: which lines are prose, and where each sentence is.

An article's text is split into lines (paragraphs) on ``\\n``.  Each non-blank
line is either **furniture** (share prompts, "Subscribe on YouTube", category
lists, image credits, "Source: URL", bylines, datelines, headings, author boxes)
or **prose**.  Furniture is reported with a reason and never becomes a claim;
prose lines are split into sentences with sentence-splitter (Moses rules) and
the language's extra non-breaking prefixes (``Segmentation.abbreviations``).

Rules, in order, for a non-blank line (patterns are data in ``claimtrack.lang``,
the union over the supported languages, since an English promo can sit in a
French page):

1. once a *boilerplate opener* ("About the Author", "Similar Articles",
   "A message from ...:") is seen, it and every later line are furniture;
2. a line matching a furniture pattern is furniture of that pattern's kind;
3. a line with no sentence-final punctuation (``. ! ? … : ;`` or a closing
   quote) of at most ``HEADING_MAX_WORDS`` words is a heading, and so is a
   short title-case line ending in ``?`` or ``!`` ("Past the Hype?");
4. everything else is prose.

Every :class:`~claimtrack.models.Sentence` keeps end-exclusive offsets into
``article.text``; the sentences of a line, with the whitespace between them,
give back the line exactly.  Cost: linear in the length of the text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from .. import lang as _lang
from ..errors import UnsupportedLanguageError
from .langid import sentence_language
from ..models import Article, Furniture, Sentence

__all__ = ["segment", "find_furniture", "split_sentences", "layout", "Layout", "HEADING_MAX_WORDS"]

HEADING_MAX_WORDS = 20
"""Longest line without final punctuation that is taken for a heading."""
_TITLE_QUESTION_MAX_WORDS = 6

_FINAL = re.compile(r"[.!?…:;»”\"’)\]]\s*$")
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_LINE = re.compile(r"[^\n]+")
_INNER_BOUNDARY = re.compile(r"[.!?…:;][\"'”»)\]]*\s+\S")


class Layout(NamedTuple):
    """Prose sentences and furniture lines of one article, in text order."""

    sentences: list[Sentence]
    furniture: list[Furniture]


@lru_cache(maxsize=None)
def _furniture_rules() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str, str]]]:
    openers: list[tuple[re.Pattern[str], str]] = []
    patterns: list[tuple[re.Pattern[str], str, str]] = []
    for code in _lang.SUPPORTED:
        data = _lang.get(code)
        openers += [(re.compile(rx, re.IGNORECASE), why) for rx, why in data.furniture.boilerplate_openers]
        # Byline patterns rely on capital letters: compile case-sensitively only those
        # whose regex names capitals explicitly.
        for rx, kind, why in data.furniture.furniture_patterns:
            flags = 0 if "[A-Z" in rx else re.IGNORECASE
            patterns.append((re.compile(rx, flags), kind, why))
    return openers, patterns


_STARTER = r"[\'\"([\u00bf\u00A1\p{Initial_Punctuation}]"
_UPPER = r"[\p{Uppercase_Letter}\p{Other_Letter}]"


class _MosesSplitter:
    """sentence-splitter's Moses rules with precompiled patterns.

    ``SentenceSplitter.split`` looks each of its patterns up in the ``regex``
    cache for every word; this port compiles them once and skips the
    per-word tests for words that do not end in a period (they can never
    match).  Its output is identical to ``SentenceSplitter.split`` (a property
    test checks it against the library); the prefix lists are the library's
    own files plus ``Segmentation.abbreviations``.
    """

    def __init__(self, prefixes: dict[str, bool]) -> None:
        import regex

        self.prefixes = prefixes  # word -> True when numeric-only
        self.rules = [
            regex.compile(r"([?!]) +(" + _STARTER + "*" + _UPPER + ")"),
            # (?<!\.): a run of periods is tried from its first one only (a later
            # start ends where it does), so "......" costs linear time
            regex.compile(r"(?<!\.)(\.[\.]+) +(" + _STARTER + "*" + _UPPER + ")"),
            regex.compile(
                r"([?!\.][\ ]*[\'\")\]\p{Final_Punctuation}]+) +(" + _STARTER + r"*[\ ]*" + _UPPER + ")"
            ),
            regex.compile(r"([?!\.]) +([\'\"[\u00bf\u00A1\p{Initial_Punctuation}]+[\ ]*" + _UPPER + ")"),
        ]
        self.spaces = regex.compile(r" +")
        self.period_word = regex.compile(r"([\w\.\-]*)([\'\"\)\]\%\p{Final_Punctuation}]*)(\.+)$")
        self.closing = regex.compile(r"[\'\"\)\]\%\p{Final_Punctuation}]")
        self.word_char = regex.compile(r"[\w\.\-]")
        self.acronym = regex.compile(r"(\.)[\p{Uppercase_Letter}\p{Other_Letter}\-]+(\.+)$")
        self.next_starts = regex.compile(r"^([ ]*" + _STARTER + r"*[ ]*[\p{Uppercase_Letter}\p{Other_Letter}0-9])")
        self.digits = regex.compile(r"^[0-9]+")

    def _period_word(self, word: str) -> Any:
        """``self.period_word.search(word)`` for a word ending in a period, in linear time.

        The pattern ends with ``$``, so its leftmost match starts where the
        longest suffix of the form ``[\\w.-]* [quotes%]* \\.+`` starts; a
        plain ``search`` rescans the word from every earlier position
        (quadratic in a long word such as ``aaaa...%b.``).  Found by walking
        back over the periods, the closing marks and the word characters.
        """
        i = len(word)
        while i > 0 and word[i - 1] == ".":
            i -= 1
        while i > 0 and self.closing.match(word, i - 1):
            i -= 1
        while i > 0 and self.word_char.match(word, i - 1):
            i -= 1
        return self.period_word.match(word, i)

    def split(self, text: str) -> list[str]:
        if not text:
            return []
        for rule in self.rules:
            text = rule.sub("\\1\n\\2", text)
        words = self.spaces.split(text)
        out: list[str] = []
        for i in range(len(words) - 1):
            word = words[i]
            if word.endswith(".") and (match := self._period_word(word)):
                prefix, punct = match.group(1), match.group(2)
                numeric_only = self.prefixes.get(prefix) if prefix else None
                if numeric_only is False and not punct:
                    pass  # honorific / abbreviation
                elif self.acronym.search(word):
                    pass  # upper-case acronym
                elif self.next_starts.search(words[i + 1]):
                    if not (numeric_only is True and not punct and self.digits.search(words[i + 1])):
                        word += "\n"
            out.append(word)
        out.append(words[-1])
        text = self.spaces.sub(" ", " ".join(out))
        text = text.replace("\n ", "\n").replace(" \n", "\n").strip()
        return text.split("\n")


@lru_cache(maxsize=None)
def _splitter(code: str) -> _MosesSplitter:
    from sentence_splitter import SentenceSplitter

    data = _lang.get(code)
    reference = SentenceSplitter(language=code)
    # sentence-splitter keeps its non-breaking prefixes in a name-mangled dict;
    # extend them with our per-language data instead of shipping a copy of its files.
    library = reference._SentenceSplitter__non_breaking_prefixes  # noqa: SLF001
    numeric = SentenceSplitter.PrefixType.NUMERIC_ONLY
    prefixes = {word: kind == numeric for word, kind in library.items()}
    for word in data.segmentation.abbreviations:
        prefixes.setdefault(word, False)
    for word in data.segmentation.numeric_abbreviations:
        prefixes.setdefault(word, True)
    return _MosesSplitter(prefixes)


def _heading_words() -> frozenset[str]:
    return frozenset().union(*(_lang.get(c).furniture.heading_words for c in _lang.SUPPORTED))


def classify_line(line: str) -> tuple[str, str] | None:
    """Classify one stripped line without context: ``(kind, reason)`` for
    furniture, ``None`` for prose.  Boilerplate openers are handled by
    :func:`layout`, which knows the lines that follow."""
    _, patterns = _furniture_rules()
    for rx, kind, why in patterns:
        if rx.fullmatch(line):
            return kind, why
    words = _WORDS.findall(line)
    if not words:
        return "boilerplate", "no words: punctuation or symbols only"
    if not _FINAL.search(line) and len(words) <= HEADING_MAX_WORDS:
        return "heading", "no sentence-final punctuation: a title, heading or label"
    if line[-1] in "?!" and len(words) <= _TITLE_QUESTION_MAX_WORDS:
        stop = _heading_words()
        if all(w[0].isupper() or w[0].isdigit() or w.lower() in stop for w in words):
            return "heading", "short title-case line: a heading"
    return None


def split_sentences(text: str, lang: str, *, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph (a text without newlines).

    Returns end-exclusive ``(start, end)`` pairs shifted by ``offset``.  The
    spans cover every non-whitespace character of ``text`` exactly once, in
    order, so ``text`` is the spans joined by the whitespace between them.
    Quotations of several sentences are split into their sentences.
    """
    if not _INNER_BOUNDARY.search(text.rstrip()):  # fast path: nothing that could end a sentence inside
        pieces = [text.strip()]
    else:
        pieces = _splitter(lang).split(text)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        if not piece.strip():
            continue
        idx = text.find(piece, cursor)
        if idx < 0:  # the splitter normalised whitespace: match token by token
            pattern = r"\s+".join(re.escape(tok) for tok in piece.split())
            m = re.compile(pattern).search(text, cursor)
            if m is None:
                continue
            idx, end = m.start(), m.end()
        else:
            end = idx + len(piece)
        if spans and text[cursor:idx].strip():
            # Characters the splitter dropped: give them to the previous sentence.
            spans[-1] = (spans[-1][0], idx if not text[idx - 1].isspace() else cursor)
        spans.append((idx, end))
        cursor = end
    if spans:
        tail = text[cursor:]
        if tail.strip():
            spans[-1] = (spans[-1][0], len(text.rstrip()))
        head = text[: spans[0][0]]
        if head.strip():
            spans[0] = (len(head) - len(head.lstrip()), spans[0][1])
    elif text.strip():
        lead = len(text) - len(text.lstrip())
        spans.append((lead, len(text.rstrip())))
    return [(s + offset, e + offset) for s, e in spans]


def layout(article: Article) -> Layout:
    """Split ``article`` into prose sentences and furniture lines (one pass).

    The language data used for sentence splitting is the article's.  Cost:
    linear in the text.

    Raises:
        UnsupportedLanguageError: the article is in a language claimtrack has
            no data for (a sentence is tagged with a supported language only).
    """
    if not _lang.is_supported(article.lang):
        raise UnsupportedLanguageError(article.lang, _lang.SUPPORTED, article.source or article.id)
    code = article.lang
    openers, _ = _furniture_rules()
    text = article.text
    sentences: list[Sentence] = []
    furniture: list[Furniture] = []
    block: str | None = None
    for paragraph, m in enumerate(_LINE.finditer(text)):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        if block is None:
            for rx, why in openers:
                if rx.fullmatch(stripped):
                    block = f"{why} (from the line {stripped[:40]!r} on)"
                    break
        if block is not None:
            furniture.append(Furniture(text=stripped, start=start, end=end, kind="boilerplate", reason=block))
            continue
        verdict = classify_line(stripped)
        if verdict is not None:
            kind, why = verdict
            furniture.append(Furniture(text=stripped, start=start, end=end, kind=kind, reason=why))  # type: ignore[arg-type]
            continue
        for s, e in split_sentences(stripped, code, offset=start):
            sentence_text = text[s:e]
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=sentence_text,
                    start=s,
                    end=e,
                    lang=sentence_language(sentence_text, article.lang),
                    paragraph=paragraph,
                )
            )
    return Layout(sentences, furniture)


def segment(article: Article) -> list[Sentence]:
    """The prose sentences of ``article``, with offsets and language tags."""
    return layout(article).sentences


def find_furniture(article: Article) -> list[Furniture]:
    """The lines of ``article`` that are not prose, each with its reason."""
    return layout(article).furniture


