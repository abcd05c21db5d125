"""The language registry and the shape of every language's data."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from claimtrack import lang
from claimtrack.errors import UnsupportedLanguageError
from claimtrack.lang import schema

LANG_DIR = Path(lang.__file__).resolve().parent


def _stage_records() -> dict[str, type]:
    """LanguageData's stage field name -> its record class."""
    return {f.name: getattr(schema, str(f.type)) for f in dataclasses.fields(schema.LanguageData)
            if str(f.type) in schema.__all__}


def test_get_imports_each_supported_language():
    for code in lang.SUPPORTED:
        data = lang.get(code)
        assert data.code == code and lang.is_supported(code)
        assert lang.get(code) is data
    assert not lang.is_supported("de")
    with pytest.raises(UnsupportedLanguageError):
        lang.get("de")


def test_every_language_has_one_module_per_stage():
    stages = set(_stage_records())
    assert stages == {"segmentation", "furniture", "attribution", "names", "numbers", "dates", "polarity", "gender",
                      "scopes", "words"}
    for code in lang.SUPPORTED:
        modules = {p.stem for p in (LANG_DIR / code).glob("*.py")} - {"__init__"}
        assert modules == stages, code
        data = lang.get(code)
        for stage, record in _stage_records().items():
            assert isinstance(getattr(data, stage), record)


def test_every_field_is_documented():
    tree = ast.parse((LANG_DIR / "schema.py").read_text(encoding="utf-8"))
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        assert ast.get_docstring(cls), cls.name
        body = cls.body
        for i, stmt in enumerate(body):
            if isinstance(stmt, ast.AnnAssign) and cls.name != "LanguageData" or (
                    isinstance(stmt, ast.AnnAssign) and stmt.target.id in ("relative_length",)):
                nxt = body[i + 1] if i + 1 < len(body) else None
                assert isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant), f"{cls.name}.{stmt.target.id}"


def test_union_and_concat_read_every_language():
    assert lang.union(lambda d: d.dates.weekdays) >= {"monday", "lundi"}
    adverbs = lang.concat(lambda d: d.attribution.speaker_adverbs)
    assert adverbs.index("also") < adverbs.index("aussi")  # language order
