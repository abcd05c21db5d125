"""Models: frozen, exact JSON round-trip, exported JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
import types
import typing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import claimtrack as ct
from claimtrack.cli import main
from claimtrack.comparison import Comparison
from claimtrack.models import LANGUAGES, ScoreTerm
from claimtrack.store import AddResult, Cluster, ClusterHit, DriftedVariant, Variant


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
    classes = [
        (node.name, {b.id for b in node.bases if isinstance(b, ast.Name)})
        for path in package.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
    ]
    defined: set[str] = set()
    while True:  # subclasses of Model, and of those (QuoteVariant of Variant)
        more = {name for name, bases in classes if bases & (defined | {"Model"})}
        if more <= defined:
            break
        defined |= more
    schema = ct.json_schema()
    assert defined - set(NOT_OUTPUTS) == {m.__name__ for m in OUTPUT_MODELS}
    assert {"Comparison", "Cluster", "Variant", "AddResult", "ClusterHit"} <= set(schema["$defs"])
    assert {m.__name__ for m in OUTPUT_MODELS} <= set(schema["$defs"])
    for model in OUTPUT_MODELS:  # the definition is the model's own serialization schema
        own = model.model_json_schema(mode="serialization")
        assert set(own["properties"]) == set(schema["$defs"][model.__name__]["properties"]), model.__name__


# ----------------------------------------------------------------------------- every model round-trips (property)

MODELS: tuple[type[BaseModel], ...] = (
    ct.Article, ct.Sentence, ct.Furniture, ct.Speaker, ct.Quantity, ct.DateMention, ct.Entity, ct.Claim, ct.Link,
    ScoreTerm, ct.Drift, ct.Alignment, ct.PairDiff, Variant, Cluster, AddResult, ClusterHit, DriftedVariant,
    Comparison,
)

# any code point, lone surrogates included: a model must refuse what UTF-8 JSON cannot hold
_SURROGATES = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=2)
_TEXT = st.text(max_size=12) | st.tuples(st.text(max_size=4), _SURROGATES).map("".join)
_FLOATS = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(
    [float("nan"), float("inf"), float("-inf"), 0.0, -0.0, 0.5, 1.0, 1e308, 5e-324])


_LANG = typing.Annotated[str, "a language code"]


def _values(annotation: typing.Any, valid: bool) -> st.SearchStrategy[typing.Any]:
    """Values for a field annotation: anything the type allows (``valid`` False:
    surrogates, non-finite floats, negative and huge integers, values outside a
    Literal or the supported languages), or values meant to be accepted (the
    parts of a model under test)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        if args[0] is str:
            return st.sampled_from(LANGUAGES if valid else (*LANGUAGES, "de", "fr-ca"))
        return _values(args[0], valid)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(_values(a, valid) for a in args))
    if origin is typing.Literal:
        return st.sampled_from(args if valid else (*args, "not-a-member"))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(_values(args[0], valid), max_size=2).map(tuple)
        parts = st.tuples(*(_values(a, valid) for a in args))
        return parts.map(lambda t: tuple(sorted(t))) if valid and all(a is int for a in args) else parts
    if annotation is type(None):
        return st.none()
    if annotation is str:
        return st.text(max_size=8) if valid else _TEXT
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(0, 40) if valid else st.integers(-3, 40) | st.integers(-(2**70), 2**70)
    if annotation is float:
        return st.floats(0.0, 1.0) if valid else _FLOATS
    if annotation is dt.date:
        return st.dates()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _instances(annotation, valid=True).filter(lambda m: m is not None)
    raise AssertionError(f"no strategy for {annotation!r}")


def _annotation(name: str, annotation: typing.Any) -> typing.Any:
    """The annotation to draw a field from: language fields draw language codes."""
    if name.endswith("lang") and annotation is str:
        return _LANG
    if name == "langs":
        return tuple[_LANG, ...]
    return annotation


def _instances(cls: type[BaseModel], valid: bool = False) -> st.SearchStrategy[typing.Any]:
    """A model of ``cls`` built from drawn field values, or None when the model refuses them."""
    fields = {name: _values(_annotation(name, f.annotation), valid) for name, f in cls.model_fields.items()}

    @st.composite
    def build(draw: st.DrawFn) -> typing.Any:
        values = {name: draw(s) for name, s in fields.items()}
        if valid and "start" in values and "end" in values:
            values["start"], values["end"] = sorted((values["start"], values["end"]))
        try:
            return cls(**values)
        except ValueError:  # ValidationError: refused, which is the other allowed outcome
            return None

    return build()


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_model_refuses_or_round_trips(cls: type[BaseModel], data: st.DataObject) -> None:
    model = data.draw(_instances(cls))
    if model is None:
        return  # refused at construction: no model that could not round-trip exists
    text = model.model_dump_json()
    again = cls.model_validate_json(text)
    assert again == model and again.model_dump_json() == text


@pytest.mark.parametrize(
    "make",
    [
        lambda: ct.Quantity(text="9", start=0, end=1, value=float("inf")),
        lambda: ct.Quantity(text="9", start=0, end=1, value=float("nan")),
        lambda: ct.Entity(text="X", start=-1, end=1, key="x"),
        lambda: ct.Entity(text="X", start=5, end=2, key="x"),
        lambda: ct.Speaker(text="\ud800", start=0, end=1, name=None),
        lambda: ct.Drift(type="number", source_span=(4, 1), explanation="x"),
        lambda: ct.Drift(type="number", target_span=(-1, 1), explanation="x"),
        lambda: ct.Link(source=(-1,), target=(), score=0.5),
        lambda: ct.Sentence(index=0, text="Hallo", start=0, end=5, lang="de", paragraph=0),
        lambda: _claim().model_copy(update={"lang": "de"}).model_validate(
            {**_claim().model_dump(), "lang": "de"}),
    ],
)
def test_models_refuse_what_cannot_round_trip(make: typing.Any) -> None:
    with pytest.raises(ValidationError):
        make()


def test_language_codes_are_the_supported_ones() -> None:
    from claimtrack import lang

    assert lang.SUPPORTED == LANGUAGES
    schema = ct.json_schema()["$defs"]["Claim"]["properties"]["lang"]
    assert schema.get("enum") == list(LANGUAGES)


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
