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


def test_shared_fields_set_is_never_changed_in_place() -> None:
    """Instances that set the same fields share one ``model_fields_set``
    (memory); ``model_copy(update=...)`` gives the copy its own."""
    from claimtrack.models import Entity

    a = Entity(text="Meta", start=0, end=4, key="meta", label="name")
    b = Entity(text="Nvidia", start=5, end=11, key="nvidia", label="name")
    c = Entity(text="Meta", start=0, end=4, key="meta")
    assert a.model_fields_set is b.model_fields_set and a.model_fields_set == {"text", "start", "end", "key", "label"}
    assert c.model_fields_set == {"text", "start", "end", "key"}
    d = c.model_copy(update={"label": "person"})
    assert d.model_fields_set == {"text", "start", "end", "key", "label"}
    assert c.model_fields_set == {"text", "start", "end", "key"}  # the shared set is untouched
    assert Entity.model_validate_json(d.model_dump_json()) == d
    assert c.model_dump(exclude_unset=True) == {"text": "Meta", "start": 0, "end": 4, "key": "meta"}
