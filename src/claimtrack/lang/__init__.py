"""Language-specific knowledge, kept as data: one package per language.

Each language is a package ``claimtrack.lang.<code>`` (``en``, ``fr``) with one
module per pipeline stage (``numbers.py``, ``dates.py``, ...), each filling one
record of :mod:`claimtrack.lang.schema`; its ``__init__`` assembles them into
``DATA``, a :class:`~claimtrack.lang.schema.LanguageData`.  The code in
``extract`` and ``drift`` reads these records (``data.numbers.scale_words``)
and never branches on a language code, so adding a third language means
adding a package here with the same file names (and its code to
:data:`claimtrack.models.LANGUAGES`, which :data:`SUPPORTED` is, so that the
models accept it), not code paths.  :func:`get` finds a language by import,
as ``spacy.util.get_lang_class`` does.

Patterns are regular-expression *fragments* (Python ``re`` syntax, matched
case-insensitively unless noted); words are plain lower-case strings.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from ..errors import UnsupportedLanguageError
from ..models import LANGUAGES
from .schema import (
    Attribution,
    Dates,
    Furniture,
    Gender,
    LanguageData,
    Names,
    Numbers,
    Polarity,
    Scopes,
    Segmentation,
    Words,
)

__all__ = [
    "LanguageData", "SUPPORTED", "concat", "get", "is_supported", "split_tag", "union",
    "Segmentation", "Furniture", "Attribution", "Names", "Numbers", "Dates", "Polarity", "Gender", "Scopes", "Words",
]

SUPPORTED: tuple[str, ...] = LANGUAGES
"""The codes of the languages claimtrack has data for, in a fixed order
(the first is the fallback where a language is unknown)."""


@lru_cache(maxsize=None)
def get(code: str) -> LanguageData:
    """Return the data of language ``code`` (the ``DATA`` of ``claimtrack.lang.<code>``).

    Raises:
        UnsupportedLanguageError: for a code outside :data:`SUPPORTED`.
    """
    if code not in SUPPORTED:
        raise UnsupportedLanguageError(code, SUPPORTED)
    data: LanguageData = importlib.import_module(f"{__name__}.{code}").DATA
    return data


def is_supported(code: str) -> bool:
    """True when claimtrack has data for language ``code``."""
    return code in SUPPORTED


_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")


def split_tag(tag: str) -> tuple[str, str | None]:
    """A language tag's base language (lower case) and region (upper case, or None).

    BCP 47 and POSIX spellings alike: ``fr-CA``, ``fr_CA``, ``FR-ca``,
    ``fr-Latn-CA``, ``fr_CA.UTF-8``, ``zh-cn`` and ``es-419`` give ``("fr",
    "CA")``, ..., ``("zh", "CN")``, ``("es", "419")``; a script subtag (four
    letters) is dropped, as are variants and extensions after the region.

    >>> split_tag("fr-CA")
    ('fr', 'CA')
    >>> split_tag("en_GB")
    ('en', 'GB')
    >>> split_tag(" EN ")
    ('en', None)

    Raises:
        ValueError: ``tag`` is not a language tag (empty, a base that is not 2
            or 3 letters, a character outside letters, digits, ``-`` and ``_``).
    """
    raw = tag.strip().split(".", 1)[0].split("@", 1)[0]  # POSIX locale: fr_CA.UTF-8@euro
    parts = raw.replace("_", "-").split("-")
    base = parts[0]
    if not (2 <= len(base) <= 3 and base.isascii() and base.isalpha()) or not all(
        _SUBTAG.fullmatch(p) for p in parts[1:]
    ):
        raise ValueError(f"not a language tag: {tag!r} (expected e.g. 'fr', 'fr-CA' or 'en_GB')")
    region: str | None = None
    rest = parts[1:]
    if rest and len(rest[0]) == 4 and rest[0].isalpha():  # script: Latn, Hans
        rest = rest[1:]
    if rest and ((len(rest[0]) == 2 and rest[0].isalpha()) or (len(rest[0]) == 3 and rest[0].isdigit())):
        region = rest[0].upper()
    return base.lower(), region


def union(part: Callable[[LanguageData], Iterable[str]]) -> frozenset[str]:
    """The union over every supported language of ``part(data)``, e.g.
    ``union(lambda d: d.names.titles)``: for the stages that read all
    languages' words whatever the text's language."""
    return frozenset(w for code in SUPPORTED for w in part(get(code)))


def concat(part: Callable[[LanguageData], Iterable[str]]) -> tuple[str, ...]:
    """Every supported language's ``part(data)``, in :data:`SUPPORTED` order,
    e.g. ``concat(lambda d: d.numbers.ordinal_nouns)``: for the regex
    alternations over all languages, where the order is the match order."""
    return tuple(w for code in SUPPORTED for w in part(get(code)))
