"""Measurement units: names from CLDR per language, conversions by definition."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.extract.units import TO_BASE, convert, converted, units_of


@pytest.mark.parametrize(("word", "lang", "unit"), [
    ("pounds", "en", "mass-pound"), ("livres", "fr", "mass-pound"), ("kg", "fr", "mass-kilogram"),
    ("inches", "en", "length-inch"), ("pouces", "fr", "length-inch"), ("miles", "en", "length-mile"),
    ("kilomètres", "fr", "length-kilometer"), ("Feet", "en", "length-foot"), ("acres", "en", "area-acre"),
    ("gallons", "en", "volume-gallon"), ("litres", "fr", "volume-liter"),
])
def test_unit_names_come_from_cldr_per_language(word, lang, unit):
    assert unit in units_of([word], lang)


def test_words_that_name_no_unit_name_none():
    assert units_of(["cocaine", "projets", ""], "en") == frozenset()
    assert units_of(["projets"], "fr") == frozenset()


def test_degrees_in_french_read_as_either_scale():
    assert units_of(["degrés"], "fr") == {"temperature-celsius", "temperature-fahrenheit"}


def test_conversions_are_the_definitions():
    assert convert(1.0, "length-inch", "length-centimeter") == pytest.approx(2.54)
    assert convert(1.0, "length-mile", "length-kilometer") == pytest.approx(1.609344)
    assert convert(212.0, "temperature-fahrenheit", "temperature-celsius") == pytest.approx(100.0)
    with pytest.raises(ValueError):
        convert(1.0, "length-inch", "mass-kilogram")


def test_volumes_and_durations_convert_by_definition():
    # "2.2 trillion cubic feet" / "63 milliards de mètres cubes"
    assert converted(2.2e12, units_of(["cubic feet"], "en"), 63e9, units_of(["mètres cubes"], "fr"))
    assert not converted(2.2e12, units_of(["cubic feet"], "en"), 2.2e12, units_of(["mètres cubes"], "fr"))
    # "48 hours" / "deux jours", "six months" / "180 jours"; a fortnight is 14 days, not 15
    assert converted(48, units_of(["hours"], "en"), 2, units_of(["jours"], "fr"))
    assert converted(6, units_of(["months"], "en"), 180, units_of(["jours"], "fr"))
    assert not converted(48, units_of(["hours"], "en"), 3, units_of(["jours"], "fr"))
    assert not converted(2, units_of(["weeks"], "en"), 15, units_of(["jours"], "fr"))


def test_converted_allows_a_translators_rounding_only():
    lb, kg = frozenset({"mass-pound"}), frozenset({"mass-kilogram"})
    assert converted(327, lb, 148, kg)  # 148.3 kg
    assert not converted(327, lb, 178, kg)
    assert not converted(327, lb, 327, lb)  # one unit: no conversion to speak of
    assert not converted(5, frozenset({"length-foot"}), 5, kg)  # two dimensions


units = st.sampled_from(sorted(TO_BASE))


@given(st.floats(0.001, 1e9), units, units)
def test_a_conversion_round_trips(v, a, b):
    if a.split("-")[0] != b.split("-")[0]:
        return
    assert math.isclose(convert(convert(v, a, b), b, a), v, rel_tol=1e-9, abs_tol=1e-9)


@given(st.floats(0.1, 1e6), units, units)
def test_converted_is_symmetric_and_holds_for_the_exact_conversion(v, a, b):
    if a == b or a.split("-")[0] != b.split("-")[0]:
        return
    w = convert(v, a, b)
    assert converted(v, frozenset({a}), w, frozenset({b}))
    assert converted(w, frozenset({b}), v, frozenset({a}))
