"""Models: frozen, exact JSON round-trip, exported JSON Schema."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import ValidationError

import claimtrack as ct
from claimtrack.cli import main


def _claim() -> ct.Claim:
    return ct.Claim(
        id="a:1", article_id="a", lang="fr", text="« Près de 2 400 ouvriers », a déclaré X.", start=0, end=40,
        kind="quote",
        speaker=ct.Speaker(text="X", start=38, end=39, name="X", via="name"),
        quantities=(ct.Quantity(text="Près de 2 400", start=2, end=15, value=2400.0, unit="ouvriers",
                                qualifier="nearly"),),
        dates=(ct.DateMention(text="12 septembre", start=0, end=12, value=dt.date(2022, 9, 12)),),
        entities=(ct.Entity(text="X", start=38, end=39, key="x", label="person"),),
        sentence_index=0, quote_id=0,
    )


@pytest.mark.parametrize(
    "model",
    [
        _claim(),
        ct.Article(id="a", lang="fr", text="x\u00a0y", published=dt.date(2022, 9, 12), encoding="cp1252"),
        ct.Link(source=(0, 1), target=(), score=0.5, evidence=("merged",)),
        ct.Drift(type="number", source_value="150000", target_value="154000", source_span=(1, 2),
                 target_span=(3, 4), explanation="changed"),
    ],
)
def test_json_round_trip_is_exact(model):
    again = type(model).model_validate_json(model.model_dump_json())
    assert again == model
    assert again.model_dump_json() == model.model_dump_json()


def test_models_are_frozen():
    claim = _claim()
    with pytest.raises(ValidationError):
        claim.text = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        ct.Claim.model_validate({**claim.model_dump(), "unknown": 1})


def test_schema_exported(capsys):
    schema = ct.json_schema()
    assert {"Claim", "Article", "Alignment", "Drift", "Link", "PairDiff"} <= set(schema["$defs"])
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(schema))


NOT_OUTPUTS = {"MatchSettings": "a setting a store is built with (claimtrack.store), not something claimtrack outputs"}


def test_schema_covers_every_output_model():
    """Every ``Model`` subclass defined in the package is in ``claimtrack schema``
    (or listed above as not an output), and each ``$defs`` entry validates its
    model's JSON."""
    import ast
    from pathlib import Path

    from claimtrack.outputs import OUTPUT_MODELS

    package = Path(ct.__file__).parent
    defined = {
        node.name
        for path in package.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and any(isinstance(b, ast.Name) and b.id == "Model" for b in node.bases)
    }
    schema = ct.json_schema()
    assert defined - set(NOT_OUTPUTS) == {m.__name__ for m in OUTPUT_MODELS}
    assert {"Comparison", "Cluster", "Variant", "AddResult", "ClusterHit"} <= set(schema["$defs"])
    assert {m.__name__ for m in OUTPUT_MODELS} <= set(schema["$defs"])
    for model in OUTPUT_MODELS:  # the definition is the model's own serialization schema
        own = model.model_json_schema(mode="serialization")
        assert set(own["properties"]) == set(schema["$defs"][model.__name__]["properties"]), model.__name__
