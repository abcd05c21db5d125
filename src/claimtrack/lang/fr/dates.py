"""French data for the dates stage (:class:`claimtrack.lang.schema.Dates`)."""

from __future__ import annotations

from ..schema import Dates

_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}

DATES = Dates(
    months=_MONTHS,
    date_noise=("dernier", "dernière", "prochain", "prochaine", "passé", "passée"),
    weekdays=frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}),
    date_orders=("dmy",),
    # "les 1er et 8 janvier", "du 8 au 28 octobre", "entre le 8 et le 28 octobre"
    day_joiners=(r"et(?:\s+le)?", r"ou(?:\s+le)?", r"au", r"-", r"–"),
    date_prepositions=(
        r"en", r"depuis", r"dès", r"jusqu['’]en", r"jusqu['’]à", r"d['’]ici", r"avant", r"après",
        r"début", r"fin", r"mi(?:\s?-)?", r"courant", r"à\s+partir\s+de",
    ),
    date_modifiers=(
        (r"dernier|dernière|passé|passée", "after", "past"),
        (r"prochain|prochaine", "after", "future"),
    ),
    relative_dates=(
        (r"aujourd['’]hui", "day", 0),
        (r"avant-hier", "day", -2),
        (r"hier", "day", -1),
        (r"après-demain", "day", 2),
        (r"demain", "day", 1),
        (r"l['’]an\s+(?:dernier|passé)|l['’]année\s+(?:dernière|passée)", "year", -1),
        (r"cette\s+année", "year", 0),
        (r"l['’]an\s+prochain|l['’]année\s+prochaine", "year", 1),
        (r"le\s+mois\s+(?:dernier|passé)", "month", -1),
        (r"ce\s+mois-ci", "month", 0),
        (r"le\s+mois\s+prochain", "month", 1),
    ),
    relative_patterns=(
        r"il\s+y\s+a\s+(?:[0-9]{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze)\s+"
        r"(?:jours?|semaines?|mois|ans|années?)",
    ),
    calendar_modifiers=frozenset({"mi", "debut", "fin"}),
)
