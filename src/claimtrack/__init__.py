"""claimtrack: multilingual (English/French) claim tracking for news.

Read articles, turn them into language-tagged claims, align equivalent
statements across languages and outlets, and report translation drift as
typed, explained findings (``ct.read_article`` takes a path, a text or bytes):

    >>> import claimtrack as ct
    >>> article = ct.read_article("More than 2,400 workers built the bridge, Mayor Elena Marchetti said.", lang="en")
    >>> [(c.kind, c.speaker.name if c.speaker else None) for c in ct.extract_claims(article)]
    [('reported', 'Elena Marchetti')]
    >>> links = ct.align_sentences(["The bridge opened.", "It is long."], ["Le pont a ouvert.", "Il est long."])
    >>> [(link.source, link.target) for link in links]
    [((0,), (0,)), ((1,), (1,))]
    >>> diff = ct.diff("more than 150,000 projects", "près de 154 000 projets")
    >>> [(f.type, f.source_value, f.target_value) for f in diff.drift]
    [('number', '150,000', '154,000'), ('qualifier', 'more_than', 'nearly')]

Heavy modules (the sentence encoder, numpy, dateparser) load on first use,
so ``import claimtrack`` stays fast.

Warnings and progress go to the standard :mod:`logging` logger named
``claimtrack`` (silent until the application configures logging; the command
line shows its warnings on standard error, ``--quiet`` hides them).
"""

from __future__ import annotations

import logging as _logging
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    ClaimtrackError,
    ClusterNotFoundError,
    DecodingError,
    DuplicateArticleError,
    EmptyInputError,
    ErrorRecord,
    InputError,
    RecordError,
    StoreBusyError,
    StoreError,
    UndetectedLanguageError,
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
    Quote,
    QuoteLink,
    Sentence,
    Speaker,
)

_logging.getLogger(__name__).addHandler(_logging.NullHandler())  # a library configures no output

# public name -> module that defines it (imported on first attribute access)
_LAZY: dict[str, str] = {
    "read_article": "ingest",
    "read_articles": "ingest",
    "read_json_lines": "ingest",
    "detect_language": "extract.langid",
    "segment": "extract.segmentation",
    "find_furniture": "extract.segmentation",
    "split_sentences": "extract.segmentation",
    "extract_claims": "extract.claims",
    "extract_quotes": "extract.claims",
    "extract_quantities": "extract.quantities",
    "parse_number": "extract.quantities",
    "format_number": "extract.quantities",
    "extract_dates": "extract.dates",
    "date_spans": "extract.dates",
    "extract_entities": "extract.entities",
    "entity_key": "extract.entities",
    "Embedder": "embed",
    "USEEmbedder": "embed",
    "default_embedder": "embed",
    "align_sentences": "alignment",
    "align": "alignment",
    "align_quotes": "alignment",
    "compare": "comparison",
    "Comparison": "comparison",
    "diff": "drift",
    "diff_many": "drift",
    "Tracker": "store",
    "MatchSettings": "store",
    "Variant": "store",
    "Cluster": "store",
    "AddResult": "store",
    "ClusterHit": "store",
    "DriftedVariant": "store",
    "QuoteCluster": "store",
    "QuoteVariant": "store",
    "DriftedQuote": "store",
    "json_schema": "outputs",
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
    "Quote",
    "QuoteLink",
    "Sentence",
    "Speaker",
    "json_schema",
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BinaryInputError",
    "ClaimtrackError",
    "ClusterNotFoundError",
    "DecodingError",
    "DuplicateArticleError",
    "EmptyInputError",
    "ErrorRecord",
    "InputError",
    "RecordError",
    "StoreBusyError",
    "StoreError",
    "UndetectedLanguageError",
    "UnsupportedLanguageError",
    "read_article",
    "read_articles",
    "read_json_lines",
    "detect_language",
    "segment",
    "find_furniture",
    "split_sentences",
    "extract_claims",
    "extract_quotes",
    "extract_quantities",
    "parse_number",
    "format_number",
    "extract_dates",
    "date_spans",
    "extract_entities",
    "entity_key",
    "Embedder",
    "USEEmbedder",
    "default_embedder",
    "align_sentences",
    "align",
    "align_quotes",
    "compare",
    "Comparison",
    "diff",
    "diff_many",
    "Tracker",
    "MatchSettings",
    "Variant",
    "Cluster",
    "AddResult",
    "ClusterHit",
    "DriftedVariant",
    "QuoteCluster",
    "QuoteVariant",
    "DriftedQuote",
]

_SUBMODULES = frozenset({
    "alignment",
    "cli",
    "comparison",
    "distributed",
    "drift",
    "embed",
    "errors",
    "extract",
    "ingest",
    "lang",
    "models",
    "outputs",
    "report",
    "spill",
    "store",
    "testing",
    "text",
})
"""Submodules reachable as attributes (``ct.drift.CHECKS``), imported on first use."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        if name in _SUBMODULES:
            return import_module(f".{name}", __name__)
        raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(__all__) | _SUBMODULES)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs: the lazy names, re-exported
    from .alignment import align as align, align_quotes as align_quotes, align_sentences as align_sentences
    from .comparison import Comparison as Comparison, compare as compare
    from .drift import diff as diff, diff_many as diff_many
    from .embed import Embedder as Embedder, USEEmbedder as USEEmbedder, default_embedder as default_embedder
    from .extract.claims import extract_claims as extract_claims, extract_quotes as extract_quotes
    from .extract.dates import date_spans as date_spans, extract_dates as extract_dates
    from .extract.entities import entity_key as entity_key, extract_entities as extract_entities
    from .extract.langid import detect_language as detect_language
    from .extract.quantities import (
        extract_quantities as extract_quantities,
        format_number as format_number,
        parse_number as parse_number,
    )
    from .extract.segmentation import (
        find_furniture as find_furniture,
        segment as segment,
        split_sentences as split_sentences,
    )
    from .ingest import read_article as read_article, read_articles as read_articles, read_json_lines as read_json_lines
    from .outputs import json_schema as json_schema
    from .store import (
        AddResult as AddResult,
        Cluster as Cluster,
        ClusterHit as ClusterHit,
        DriftedQuote as DriftedQuote,
        DriftedVariant as DriftedVariant,
        MatchSettings as MatchSettings,
        QuoteCluster as QuoteCluster,
        QuoteVariant as QuoteVariant,
        Tracker as Tracker,
        Variant as Variant,
    )
    from . import alignment as alignment, cli as cli, comparison as comparison, drift as drift, embed as embed
    from . import extract as extract, ingest as ingest, lang as lang, outputs as outputs, report as report
    from . import distributed as distributed, store as store, testing as testing
