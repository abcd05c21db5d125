"""Script-level text helpers shared by the pipeline stages, one copy each.

Nothing here knows a language: :func:`fold` folds case, accents and curly
quotes, :data:`WORD` and :data:`LEXICAL` find words, :func:`opens_sentence`
tells whether a position begins a sentence, a quote or a parenthesis,
:func:`has_visible` whether a text shows anything at all.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "WORD", "LEXICAL", "opens_sentence", "has_visible"]


def fold(s: str) -> str:
    """Case- and accent-folded text with curly quotes made straight."""
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).casefold()


WORD = re.compile(r"\w+(?:[-'’]\w+)*")
"""A word: a run of word characters, hyphenated and apostrophe'd parts kept
together ("Saint-Saens", "aujourd'hui")."""

LEXICAL = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
"""A word for the counterpart test: letters, hyphenated and apostrophe'd parts
kept together ("Saint-Saens", "aujourd'hui", "doesn't"), no digits."""

_OPENS = re.compile(r"(?:^|[.!?:;\"“”«»(\[]\s*|[-–—]\s+)$")


def opens_sentence(text: str, start: int) -> bool:
    """True when ``start`` begins a sentence, a quote, a parenthesis or a
    dashed line: a capitalised word there may be a common word."""
    return bool(_OPENS.search(text[max(0, start - 3) : start]))


_VISIBLE: re.Pattern[str] | None = None


def has_visible(text: str) -> bool:
    """True when ``text`` holds a character that is neither whitespace nor
    invisible (Unicode's Default_Ignorable_Code_Point: zero-width space and
    joiners, word joiner, byte-order mark, soft hyphen, variation selectors,
    bidirectional marks, fillers).  A text of only such characters shows
    nothing: it is empty.  One regex scan, linear.

    >>> has_visible("\u200b\u200d\u2060 \ufeff"), has_visible("\u200bx")
    (False, True)
    """
    global _VISIBLE
    if _VISIBLE is None:
        import regex

        _VISIBLE = regex.compile(r"[^\s\x1c-\x1f\p{Default_Ignorable_Code_Point}]")  # str.isspace() also counts \x1c-\x1f
    return _VISIBLE.search(text) is not None
