"""Measurement units: which unit a figure is stated in, and conversions.

A translator converts units for the reader ("327 pounds" / "148 kg", "a
1,000 mile trip" / "un voyage de 1 600 km", "18 inches" / "46 cm").  Unit
names come from the Unicode CLDR through babel
(:func:`claimtrack.lang.cldr.unit_names`), per language, so a new language
brings its unit names with its CLDR locale; the conversion factors below are
the units' definitions (SI, the international yard and pound of 1959, the
US customary and imperial volumes, the Gregorian calendar's mean month and
year), which no language changes.

:func:`units_of` gives the CLDR unit identifiers a figure's unit word may
name; :func:`converted` says whether two figures state the same measure in
two units, to the precision a translator rounds to.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["TO_BASE", "units_of", "convert", "converted", "CONVERSION_TOLERANCE"]

# CLDR unit id -> (scale, offset): the value in the dimension's base unit is value * scale + offset.
TO_BASE: dict[str, tuple[float, float]] = {
    "length-millimeter": (0.001, 0.0), "length-centimeter": (0.01, 0.0), "length-meter": (1.0, 0.0),
    "length-kilometer": (1000.0, 0.0), "length-inch": (0.0254, 0.0), "length-foot": (0.3048, 0.0),
    "length-yard": (0.9144, 0.0), "length-mile": (1609.344, 0.0), "length-nautical-mile": (1852.0, 0.0),
    "mass-gram": (0.001, 0.0), "mass-kilogram": (1.0, 0.0), "mass-tonne": (1000.0, 0.0),
    "mass-ounce": (0.028349523125, 0.0), "mass-pound": (0.45359237, 0.0), "mass-stone": (6.35029318, 0.0),
    "mass-ton": (907.18474, 0.0),
    "volume-milliliter": (0.001, 0.0), "volume-centiliter": (0.01, 0.0), "volume-liter": (1.0, 0.0),
    "volume-hectoliter": (100.0, 0.0), "volume-cubic-meter": (1000.0, 0.0), "volume-gallon": (3.785411784, 0.0),
    "volume-gallon-imperial": (4.54609, 0.0), "volume-pint": (0.473176473, 0.0),
    "volume-pint-imperial": (0.56826125, 0.0), "volume-barrel": (158.987294928, 0.0),
    "area-square-meter": (1.0, 0.0), "area-hectare": (1e4, 0.0), "area-square-kilometer": (1e6, 0.0),
    "area-square-foot": (0.09290304, 0.0), "area-acre": (4046.8564224, 0.0),
    "area-square-mile": (2589988.110336, 0.0),
    "speed-kilometer-per-hour": (1 / 3.6, 0.0), "speed-meter-per-second": (1.0, 0.0),
    "speed-mile-per-hour": (0.44704, 0.0), "speed-knot": (1852 / 3600, 0.0),
    "temperature-celsius": (1.0, 0.0), "temperature-fahrenheit": (5 / 9, -160 / 9),
    "temperature-kelvin": (1.0, -273.15),
    "length-nanometer": (1e-9, 0.0), "length-micrometer": (1e-6, 0.0), "length-decimeter": (0.1, 0.0),
    "length-fathom": (1.8288, 0.0), "length-furlong": (201.168, 0.0), "length-light-year": (9460730472580800.0, 0.0),
    "mass-microgram": (1e-9, 0.0), "mass-milligram": (1e-6, 0.0), "mass-carat": (0.0002, 0.0),
    "mass-grain": (0.00006479891, 0.0), "mass-ounce-troy": (0.0311034768, 0.0),
    "volume-deciliter": (0.1, 0.0), "volume-megaliter": (1e6, 0.0), "volume-cubic-centimeter": (0.001, 0.0),
    "volume-cubic-kilometer": (1e12, 0.0), "volume-cubic-inch": (0.016387064, 0.0),
    "volume-cubic-foot": (28.316846592, 0.0), "volume-cubic-yard": (764.554857984, 0.0),
    "volume-cubic-mile": (4168181825440.579, 0.0), "volume-acre-foot": (1233481.83754752, 0.0),
    "volume-quart": (0.946352946, 0.0), "volume-quart-imperial": (1.1365225, 0.0),
    "volume-fluid-ounce": (0.0295735295625, 0.0), "volume-fluid-ounce-imperial": (0.0284130625, 0.0),
    "volume-cup": (0.2365882365, 0.0), "volume-tablespoon": (0.01478676478125, 0.0),
    "volume-teaspoon": (0.00492892159375, 0.0), "volume-bushel": (35.23907016688, 0.0),
    "area-square-centimeter": (1e-4, 0.0), "area-square-inch": (0.00064516, 0.0),
    "area-square-yard": (0.83612736, 0.0),
    # durations in seconds: a month is the Gregorian year's twelfth (30.44 days), a year 365.2425 days
    "duration-second": (1.0, 0.0), "duration-minute": (60.0, 0.0), "duration-hour": (3600.0, 0.0),
    "duration-day": (86400.0, 0.0), "duration-week": (604800.0, 0.0),
    "duration-fortnight": (1209600.0, 0.0), "duration-month": (2629746.0, 0.0),
    "duration-quarter": (7889238.0, 0.0), "duration-year": (31556952.0, 0.0),
    "duration-decade": (315569520.0, 0.0), "duration-century": (3155695200.0, 0.0),
}
"""Each convertible CLDR unit's definition in its dimension's base unit."""

# a temperature in "degrees" may be either scale: both readings are tried
_READINGS = {"temperature-generic": ("temperature-celsius", "temperature-fahrenheit")}

CONVERSION_TOLERANCE = 0.03
"""How far (relative) a converted figure may lie from the other: translators
round a conversion to two or three significant digits ("327 pounds" is
148.3 kg, written "148 kg"; "6 feet" is 1.83 m, written "1,80 m")."""


def _dimension(unit: str) -> str:
    return unit.split("-", 1)[0]


def units_of(words: Iterable[str], lang: str) -> frozenset[str]:
    """The convertible CLDR unit identifiers that any of ``words`` (a figure's
    unit as written, or the words after it) names in language ``lang``."""
    from ..lang.cldr import unit_ids

    out: set[str] = set()
    for w in words:
        for ident in unit_ids(w, lang):
            out.update(u for u in _READINGS.get(ident, (ident,)) if u in TO_BASE)
    return frozenset(out)


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in CLDR unit ``unit`` expressed in unit ``to`` (same dimension)."""
    if _dimension(unit) != _dimension(to):
        raise ValueError(f"cannot convert {unit} to {to}")
    scale, offset = TO_BASE[unit]
    scale_to, offset_to = TO_BASE[to]
    return (value * scale + offset - offset_to) / scale_to


def converted(a: float, units_a: frozenset[str], b: float, units_b: frozenset[str]) -> bool:
    """True when ``a`` in one of ``units_a`` and ``b`` in one of ``units_b``
    (two different units of one dimension) state the same measure, within
    :data:`CONVERSION_TOLERANCE`."""
    for ua in sorted(units_a):
        for ub in sorted(units_b):
            if ua == ub or _dimension(ua) != _dimension(ub):
                continue
            v = convert(a, ua, ub)
            if abs(v - b) <= CONVERSION_TOLERANCE * max(abs(v), abs(b), 1e-12):
                return True
    return False
