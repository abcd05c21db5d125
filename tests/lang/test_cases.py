"""The motivating case of each hand-written exception in the language data.

Every ``tests/cases/*.json`` file holds cases (schema in
``tests/cases/README.md``): a text that an entry of an exception list (a
negation exception, a modal exception, a not-name word, ...) is there for,
and what the public API gives on it.  The test checks that the entry is
still in the language data and that the API still gives that outcome, so
an exception can neither vanish silently nor lose its reason.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import claimtrack as ct
from claimtrack import lang

from ..fakes import SameVectorEmbedder

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    """(file name, case) of every case, in file order."""
    out = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            out.append((path.name, case))
    return out


def outcome(case: dict[str, Any]) -> Any:
    """What the public API gives on the case's input, in the case's ``expect`` shape."""
    api, code, given = case["api"], case["lang"], case["input"]
    if api == "diff":
        d = ct.diff(given["source"], given["target"], code, given.get("target_lang", code),
                    embedder=SameVectorEmbedder(), checks=given["checks"])
        return [[f.type, f.source_value, f.target_value] for f in d.drift]
    if api == "entities":
        return [e.text for e in ct.extract_entities(given, code)]
    if api == "claims":
        claims = ct.extract_claims(ct.read_article(given, lang=code))
        return [[c.kind, c.speaker.name if c.speaker else None] for c in claims]
    if api == "furniture":
        return [[f.text, f.kind] for f in ct.find_furniture(ct.read_article(given, lang=code))]
    if api == "dates":
        return [d.text for d in ct.extract_dates(given, code)]
    if api == "quantities":
        return [[q.text, q.value] for q in ct.extract_quantities(given, code)]
    raise ValueError(f"unknown api {api!r}")


def field_value(code: str, dotted: str) -> Any:
    """The value of ``stage.field`` in language ``code``'s data."""
    stage, name = dotted.split(".")
    return getattr(getattr(lang.get(code), stage), name)


CASES = load_cases()


def test_there_are_cases_for_the_exception_lists():
    fields = {case["field"] for _, case in CASES}
    for required in ("polarity.negation_exceptions", "polarity.modal_exceptions", "gender.impersonal_patterns",
                     "gender.dependent_gender_words", "names.not_name_words"):
        assert required in fields


@pytest.mark.parametrize(("file", "case"), CASES, ids=[f"{f}:{c['label']}" for f, c in CASES])
def test_case(file: str, case: dict[str, Any]) -> None:
    assert set(case) >= {"label", "comment", "field", "entry", "lang", "api", "input", "expect"}, file
    code = case.get("data_lang", case["lang"])
    value = field_value(code, case["field"])
    assert case["entry"] in value, f"{case['entry']!r} is no longer in {code} {case['field']}"
    assert outcome(case) == case["expect"]
