"""Names the Unicode CLDR gives per language, read through babel.

CLDR names the world's territories (countries and regions: "Germany" /
"Allemagne", "Ecuador" / "Équateur"), the exemplar cities of its time zones
("Brussels" / "Bruxelles", "Beirut" / "Beyrouth"), languages ("German" /
"allemand", "Flemish" / "flamand") and currencies, in every language.  These
are the exonyms a translator writes without thinking, so they are the names
claimtrack must not read as replaced when a text is translated.  Nothing here
is hand-written: each language's table is built from the CLDR data of its
``babel_locale``.

:func:`place_names` maps a folded name to the CLDR identifiers it names in one
language; :func:`translations` gives the names of the same identifiers in
another language; :func:`currency_codes` is the set of ISO 4217 codes;
:func:`unit_names` maps the names of measurement units ("inches", "pouces",
"kg") to CLDR unit identifiers ("length-inch").
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["place_names", "translations", "currency_codes", "unit_names", "unit_ids"]


def _fold(text: str) -> str:
    from ..text import fold

    return " ".join(w for w in re.split(r"[^\w]+", fold(text)) if w)


@lru_cache(maxsize=None)
def _names_by_id(code: str) -> dict[str, tuple[str, ...]]:
    """CLDR identifier ("T:EC", "Z:Asia/Beirut", "L:de") -> the names language ``code`` gives it
    (a time zone's city where the locale names none is the zone id's own: "Asia/Beirut" -> "Beirut")."""
    from babel import Locale
    from babel.core import get_global

    from . import get

    loc = Locale.parse(get(code).babel_locale)
    out: dict[str, list[str]] = {}
    for tid, name in loc.territories.items():
        if not tid.isdigit() or tid in ("001", "002", "009", "019", "142", "150"):  # continents, not sub-regions
            out.setdefault(f"T:{tid}", []).append(name)
    zones = loc.time_zones
    for zid in get_global("zone_territories"):
        if "/" not in zid or zid.startswith("Etc/"):
            continue
        city = zones.get(zid, {}).get("city") or zid.rsplit("/", 1)[-1].replace("_", " ")
        out.setdefault(f"Z:{zid}", []).append(city)
    for lid, name in loc.languages.items():
        out.setdefault(f"L:{lid}", []).append(name)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _ids(code: str) -> dict[str, tuple[str, ...]]:
    by_id = _names_by_id(code)
    out: dict[str, list[str]] = {}
    for ident, names in by_id.items():
        for n in names:
            key = _fold(n)
            if key and ident not in out.setdefault(key, []):
                out[key].append(ident)
    return {k: tuple(v) for k, v in out.items()}


def place_names(code: str) -> dict[str, tuple[str, ...]]:
    """Folded name (accents and case folded, words joined by one space) -> the
    CLDR identifiers it names in language ``code`` ("equateur" -> ("T:EC",))."""
    return _ids(code)


@lru_cache(maxsize=65_536)
def translations(name: str, source: str, target: str) -> tuple[str, ...]:
    """The names language ``target`` gives to what ``name`` names in language
    ``source`` ("Ecuador", en -> fr: ("Équateur",)); empty when CLDR does not
    know the name.  Identifiers are compared across languages, so the
    exemplar city "Beirut" finds "Beyrouth"."""
    ids = _ids(source).get(_fold(name), ())
    if not ids:
        return ()
    theirs = _names_by_id(target)
    out: list[str] = []
    for ident in ids:
        for n in theirs.get(ident, ()):
            if n not in out:
                out.append(n)
    return tuple(out)


@lru_cache(maxsize=None)
def currency_codes() -> frozenset[str]:
    """The ISO 4217 currency codes CLDR knows ("CAD", "EUR")."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


@lru_cache(maxsize=None)
def unit_names(code: str) -> dict[str, tuple[str, ...]]:
    """Folded unit name -> the CLDR unit identifiers it names in language
    ``code``: the long and short forms of every plural category of CLDR's unit
    patterns, the number placeholder removed ("inches", "inch" and "in" ->
    ("length-inch",); French "livres" -> ("mass-pound",), "degrés" ->
    ("temperature-generic",))."""
    from babel import Locale

    from . import get

    patterns = Locale.parse(get(code).babel_locale)._data["unit_patterns"]
    out: dict[str, list[str]] = {}
    for ident in sorted(patterns):
        for width in ("long", "short"):
            forms = patterns[ident].get(width) or {}
            for category, pattern in forms.items():
                if category == "per" or "{0}" not in pattern:
                    continue
                key = _fold(pattern.replace("{0}", " "))
                if key and ident not in out.setdefault(key, []):
                    out[key].append(ident)
    return {k: tuple(v) for k, v in out.items()}


def unit_ids(word: str, code: str) -> tuple[str, ...]:
    """The CLDR unit identifiers ``word`` names in language ``code``, folded as
    :func:`unit_names` folds its keys ("Pouces" -> ("length-inch",))."""
    return unit_names(code).get(_fold(word), ())
