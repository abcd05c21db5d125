"""CLDR names across languages (``claimtrack.lang.cldr``), read through babel."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.lang import cldr
from claimtrack.text import fold

@pytest.mark.parametrize(
    "name,source,target,expected",
    [
        ("Germany", "en", "fr", "Allemagne"),
        ("Équateur", "fr", "en", "Ecuador"),
        ("Beirut", "en", "fr", "Beyrouth"),   # a time zone's exemplar city
        ("Bruxelles", "fr", "en", "Brussels"),
        ("Flemish", "en", "fr", "flamand"),   # a language
        ("Canary Islands", "en", "fr", "Îles Canaries"),
    ],
)
def test_translations(name, source, target, expected):
    assert expected in cldr.translations(name, source, target)


def test_unknown_names_have_no_translation():
    assert cldr.translations("Zemlinovia", "en", "fr") == ()
    assert cldr.translations("Obama", "en", "fr") == ()


def test_currency_codes():
    codes = cldr.currency_codes()
    assert {"CAD", "EUR", "USD", "JPY"} <= codes
    assert all(len(c) == 3 and c.isupper() for c in codes)


_TERRITORIES = sorted({k for k, ids in cldr.place_names("en").items() if any(i.startswith("T:") for i in ids)})


def _key(name: str) -> str:
    return " ".join(re.split(r"[^\w]+", fold(name))).strip()


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_TERRITORIES))
def test_a_territory_translates_there_and_back(folded):
    """Every English territory name has a French name, and the French name
    translates back to a name of the same territory."""
    ids = {i for i in cldr.place_names("en")[folded] if i.startswith("T:")}
    there = cldr.translations(folded, "en", "fr")
    assert there
    back = {i for name in there for i in cldr.place_names("fr").get(_key(name), ())}
    assert ids & back
