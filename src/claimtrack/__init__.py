"""claimtrack: multilingual (English/French) claim tracking for news.

Read articles, turn them into language-tagged claims, align equivalent
statements across languages and outlets, and report translation drift as
typed, explained findings::

    import claimtrack as ct

    article = ct.read_article("fixtures/en/launch.txt")
    claims = ct.extract_claims(article)
    links = ct.align_sentences(src_sentences, tgt_sentences)
    diff = ct.diff("more than 150,000 projects", "près de 154 000 projets")

Heavy modules (the sentence encoder, numpy, dateparser) load on first use,
so ``import claimtrack`` stays fast.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    ClaimtrackError,
    DecodingError,
    EmptyInputError,
    InputError,
    RecordError,
    UnsupportedLanguageError,
)
from .models import (
    Alignment,
    Article,
    Claim,
    DateMention,
    Drift,
    Entity,
    Furniture,
    Link,
    PairDiff,
    Quantity,
    Sentence,
    Speaker,
    json_schema,
)

__version__ = "0.1.0"

# public name -> module that defines it (imported on first attribute access)
_LAZY: dict[str, str] = {
    "read_article": "ingest",
    "read_articles": "ingest",
    "detect_language": "language",
    "segment": "segment",
    "find_furniture": "segment",
    "split_sentences": "segment",
    "extract_claims": "claims",
    "extract_quantities": "quantities",
    "parse_number": "quantities",
    "format_number": "quantities",
    "extract_dates": "dates",
    "date_spans": "dates",
    "extract_entities": "entities",
    "entity_key": "entities",
    "Embedder": "embed",
    "USEEmbedder": "embed",
    "default_embedder": "embed",
    "align_sentences": "align",
    "align": "align",
    "compare": "compare",
    "Comparison": "compare",
    "diff": "drift",
    "Tracker": "store",
    "MatchSettings": "store",
    "Variant": "store",
    "Cluster": "store",
    "AddResult": "store",
    "ClusterHit": "store",
    "DriftedVariant": "store",
    "StoreError": "errors",
    "StoreBusyError": "errors",
    "ClusterNotFoundError": "errors",
}

__all__ = [
    "__version__",
    "Alignment",
    "Article",
    "Claim",
    "DateMention",
    "Drift",
    "Entity",
    "Furniture",
    "Link",
    "PairDiff",
    "Quantity",
    "Sentence",
    "Speaker",
    "json_schema",
    "ClaimtrackError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "DecodingError",
    "ArticleTooLargeError",
    "ArticleNotFoundError",
    "RecordError",
    "UnsupportedLanguageError",
    *_LAZY,
]


_SUBMODULES = frozenset({
    "attribution", "claims", "cli", "dates", "drift", "embed", "entities", "errors", "ingest", "lang", "language",
    "models", "quantities", "report", "store", "testing",
})
"""Submodules reachable as attributes (``ct.drift.CHECKS``), imported on first use."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        if name in _SUBMODULES:
            return import_module(f".{name}", __name__)
        raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
    loaded = import_module(f".{module}", __name__)
    # ``segment``, ``align`` and ``compare`` are modules that call as their
    # namesake function: bind the module so ``import claimtrack.align as m``
    # still gives the module.
    value = loaded if name == module else getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


class _FunctionModule(types.ModuleType):
    """A submodule that is also its namesake function (``segment``, ``align``,
    ``compare``).

    Importing ``claimtrack.segment`` (which other modules do) makes the import
    system bind the *module* to ``claimtrack.segment``, shadowing the lazily
    exported function. Calling the module forwards to the function, so
    ``ct.segment(article)`` works in every import order, and
    ``from claimtrack.segment import ...`` keeps working too.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, self.__name__.rpartition(".")[2])(*args, **kwargs)


def _function_module(name: str) -> None:
    """Make the submodule ``name`` callable as its namesake function."""
    sys.modules[name].__class__ = _FunctionModule


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .align import align, align_sentences
    from .claims import extract_claims
    from .compare import Comparison, compare
    from .dates import date_spans, extract_dates
    from .drift import diff
    from .embed import Embedder, USEEmbedder, default_embedder
    from .entities import entity_key, extract_entities
    from .ingest import read_article, read_articles
    from .language import detect_language
    from .quantities import extract_quantities, format_number, parse_number
    from .segment import find_furniture, segment, split_sentences
