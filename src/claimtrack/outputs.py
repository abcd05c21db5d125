"""Every output model in one list, its JSON Schema, and the JSON envelope.

:data:`OUTPUT_MODELS` is every model claimtrack hands out: the pipeline's
(``Article``, ``Claim``, ``Drift``, ``PairDiff``, ...), the comparison's
(``Comparison`` and its parts) and the store's (``Cluster``, ``Variant``,
``AddResult``, ``ClusterHit``, ``DriftedVariant``, and the quotations'
``QuoteVariant``, ``QuoteCluster``, ``DriftedQuote``).  :func:`json_schema`
(``ct.json_schema()``, printed by ``claimtrack schema``) is their JSON Schema,
one ``$defs`` entry per model; a test checks that no public model is missing.

Every JSON document the command line writes (``--format json``) is one
object, :func:`envelope`: ``{"claimtrack": "<version>", ...}``, the version
first, then the command's fields.  JSON Lines output (``--format jsonl``)
stays one bare record per line, so that each line is a model as the schema
describes it.
"""

from __future__ import annotations

from typing import Any

from ._version import __version__
from .comparison import ArticleInfo, Comparison, PairAlignment
from .models import (
    Alignment,
    Article,
    Claim,
    Cue,
    DateMention,
    Drift,
    Entity,
    Furniture,
    Link,
    Model,
    PairDiff,
    Quantity,
    Quote,
    QuoteLink,
    QuoteSpan,
    ScoreTerm,
    Sentence,
    Speaker,
)
from .store.models import (
    AddResult, Cluster, ClusterHit, DriftedQuote, DriftedVariant, QuoteCluster, QuoteVariant, Variant,
)

__all__ = ["OUTPUT_MODELS", "envelope", "json_schema"]

OUTPUT_MODELS: tuple[type[Model], ...] = (
    Article,
    Sentence,
    Furniture,
    Speaker,
    Quantity,
    DateMention,
    Entity,
    QuoteSpan,
    Cue,
    Quote,
    Claim,
    Link,
    Alignment,
    QuoteLink,
    Drift,
    ScoreTerm,
    PairDiff,
    ArticleInfo,
    PairAlignment,
    Comparison,
    Variant,
    Cluster,
    AddResult,
    ClusterHit,
    DriftedVariant,
    QuoteVariant,
    QuoteCluster,
    DriftedQuote,
)
"""Every public output model, pipeline order, then the comparison's, then the store's."""


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of every output model
    (:data:`OUTPUT_MODELS`), as serialised: one ``$defs`` entry per model.

    >>> sorted(json_schema()["$defs"])[:4]
    ['AddResult', 'Alignment', 'Article', 'ArticleInfo']
    """
    from pydantic.json_schema import models_json_schema

    _, schema = models_json_schema([(m, "serialization") for m in OUTPUT_MODELS], title="claimtrack")
    return schema


def envelope(**fields: Any) -> dict[str, Any]:
    """A JSON document of the command line: the claimtrack version under
    ``"claimtrack"``, first, then ``fields`` in the order given.

    >>> from claimtrack import __version__
    >>> list(envelope(db="x.db", hits=[])) == ["claimtrack", "db", "hits"]
    True
    """
    if "claimtrack" in fields:
        raise ValueError("'claimtrack' is the envelope's own key")
    return {"claimtrack": __version__, **fields}
