"""English data for the dates stage (:class:`claimtrack.lang.schema.Dates`)."""

from __future__ import annotations

from ..schema import Dates

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

DATES = Dates(
    months=_MONTHS,
    date_noise=("last", "this past", "past", "next", "this coming", "coming"),
    capitalized_months=True,
    weekdays=frozenset({
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thurs",
        "friday", "fri", "saturday", "sat", "sunday", "sun",
    }),
    date_orders=("mdy", "dmy"),
    day_joiners=(r"and", r"or", r"to", r"through", r"-", r"–"),
    date_prepositions=(
        # not "to", "and", "of": "to May", "and May" are as often the name as the month
        r"in", r"since", r"until", r"till", r"by", r"from", r"through", r"during", r"before",
        r"after", r"as\s+of", r"early", r"late", r"mid(?:\s?-)?",
    ),
    date_modifiers=(
        (r"last|this\s+past|past", "before", "past"),
        (r"next|this\s+coming|coming", "before", "future"),
    ),
    relative_dates=(
        (r"today", "day", 0),
        (r"yesterday", "day", -1),
        (r"tomorrow", "day", 1),
        (r"last\s+year", "year", -1),
        (r"this\s+year", "year", 0),
        (r"next\s+year", "year", 1),
        (r"last\s+month", "month", -1),
        (r"this\s+month", "month", 0),
        (r"next\s+month", "month", 1),
    ),
    relative_patterns=(
        r"(?:[0-9]{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
        r"(?:days?|weeks?|months?|years?)\s+ago",
    ),
    calendar_modifiers=frozenset({"mid", "early", "late"}),
)
