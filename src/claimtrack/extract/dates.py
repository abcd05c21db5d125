"""Dates in running text, resolved against the article's publication date.

One precompiled regular expression per language (built from the month,
weekday, preposition and modifier tables of :mod:`claimtrack.lang`) finds the
date spans; our own code interprets them:

========================================  ===========  ==============================
form                                      granularity  example
========================================  ===========  ==============================
ISO / year-first numeric                  day          2022-09-12, 2022/09/12
numeric, in the babel locale's order      day          9/12/2022 (en_US), 12/09/2022 (fr)
day month [year]                          day          12 September 2022, le 12 septembre dernier, 1er mai
month day [year] (``date_orders``)        day          Sept. 12, SEPTEMBER 12 2022, September 12th, 2022
month year                                month        August 2021, janvier 2022
weekday (CLDR's names for the language)   day          on Monday, said Tuesday, lundi, vendredi dernier,
                                                       next Friday, mardi prochain
month alone, after a preposition          month        in January, en septembre dernier, last March
or with a modifier
year alone, after a preposition           year         in 2016, en 2017, since 2016, d'ici 2030
fixed relative expressions                day/month/   yesterday, hier, last year, l'an dernier
(``relative_dates``)                      year
other relative expressions                from         three weeks ago, il y a deux ans
(``relative_patterns``)                   dateparser
========================================  ===========  ==============================

Days joined to a written date (``Dates.day_joiners``: "les 1er et 8
janvier", "January 1st and 8th", "du 8 au 28 octobre", "3, 4 and 5 May")
are dates of its month and year, one mention each.

The span (``DateMention.text``) is the date itself, with a weekday and an
anchoring modifier ("last", "dernier") but without the preposition ("in",
"le").  A date without a year is the most recent such date not after
``published`` (dateparser's ``PREFER_DATES_FROM='past'``), or the next one
after it with a future modifier ("prochain", "next") or when its clause
speaks of the future (a future marker of the language's ``Polarity.modals``,
"will", "ouvrira", at most 60 characters before it in its sentence: "The
festival will open on March 3", published in November, is next March).  A
weekday is the most recent such day on or before ``published`` ("on
Monday"), or the next one after it in the future; one inside a name ("Good
Friday Agreement") or right before a day or month ("Monday, Sept. 12",
"lundi 3 mars") is not a date of its own.  Month granularity gives
the 1st of the month, year granularity 1 January.  ``value`` is None when the
date cannot be resolved (no year and no ``published``, an impossible day, or a
date off the calendar: "yesterday" published on 0001-01-01, the "unset" date
of many feeds, or "next year" published in 9999).

A bare year (1800-2100) needs a preposition (``date_prepositions``) and must
not be followed by a counted noun ("in 2000 projects" is a quantity); a bare
month name must be a full name (not "sept", "mar") with a preposition or a
modifier.  Where ``capitalized_months`` is set (English) a month is written
with a capital: "may", "march" are verbs (unless the whole text is in lower
case, where case tells nothing).  Written dates follow the orders in
``date_orders`` (French has no "septembre 12"); numeric dates follow the
order of the babel locale's short date format (en_US 9/12/2022, fr 12/09/2022),
unless only the other order gives a valid date.  An explicit past modifier on
a bare month excludes the current month ("last September", written in
September 2022, is September 2021).

dateparser (slow to import, ~1 ms a call) is only used, lazily and cached,
for the ``relative_patterns`` spans our code does not interpret; its
``search_dates`` is never used (it reads "a Sept. 12 post" as 1 September).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .. import lang as _lang
from ..models import DateMention

__all__ = ["extract_dates", "date_spans"]

_SP = "[ \\t\\u00a0\\u202f\\u2009]"
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first, spaces flexible."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace("\\ ", " ").replace(" ", _SP + "+") for w in items)


@dataclass(frozen=True)
class _DateGrammar:
    code: str
    pattern: re.Pattern[str]
    months: dict[str, int]
    abbreviations: frozenset[str]
    capitalized: bool
    numeric_order: str
    preposition: re.Pattern[str] | None
    prefix_day: re.Pattern[str] | None
    prefix_month: re.Pattern[str] | None
    before: tuple[str, ...]
    after: tuple[tuple[re.Pattern[str], str], ...]
    relative: tuple[tuple[str, int], ...]
    n_patterns: int
    noun_after: re.Pattern[str]
    not_nouns: frozenset[str]
    noise: re.Pattern[str] | None
    weekdays: dict[str, int]
    future: re.Pattern[str] | None
    day_before: re.Pattern[str] | None
    """A day joined to the written date right after it, ending there ("1er et ")."""
    day_after: re.Pattern[str] | None
    """A day joined to the written date right before it ("January 1st" + " and 8th")."""
    comma_day_before: re.Pattern[str]
    """A day in a comma-separated list, ending right before the next day ("3, ")."""


@lru_cache(maxsize=None)
def weekday_numbers(code: str) -> dict[str, int]:
    """The full weekday names of language ``code`` (CLDR, through babel) that
    its data lists (``Dates.weekdays``), in lower case -> weekday number
    (Monday 0): ``{"monday": 0, ...}``, ``{"lundi": 0, ...}``."""
    from babel import Locale

    data = _lang.get(code)
    names = frozenset(w.lower() for w in data.dates.weekdays)
    wide = Locale.parse(data.babel_locale).days["format"]["wide"]
    return {str(n).lower(): int(k) for k, n in wide.items() if str(n).lower() in names}


def _future_pattern(code: str) -> re.Pattern[str] | None:
    """The language's future markers (``Polarity.modals`` read as ``future``:
    "will", "va", "-era"): a sentence holding one speaks of the future."""
    modals = [p for p, kind in _lang.get(code).polarity.modals.items() if kind == "future"]
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in modals) + r")(?![\w])", re.IGNORECASE) if modals else None


def _numeric_order(locale: str) -> str:
    """'dmy', 'mdy' or 'ymd' from babel's short date pattern ("M/d/yy", "dd/MM/y")."""
    from babel.dates import get_date_format

    pattern = get_date_format("short", locale=locale).pattern
    firsts = {c: pattern.find(c) for c in "dMy" if c in pattern}
    order = "".join(sorted(firsts, key=firsts.__getitem__)).lower()
    return order if sorted(order) == ["d", "m", "y"] else "dmy"


@lru_cache(maxsize=None)
def _grammar(code: str) -> _DateGrammar:
    data = _lang.get(code)
    months = {k.lower(): v for k, v in data.dates.months.items()}
    abbreviations = frozenset(
        k for k, v in months.items() if any(o != k and o.startswith(k) and w == v for o, w in months.items())
    )

    mon = r"(?:" + _alt(months) + r")\b\.?"
    ordinal = r"(?:" + "|".join(data.numbers.ordinal_suffixes) + r")?" if data.numbers.ordinal_suffixes else ""
    year = r"[0-9]{4}(?![0-9]|[.,][0-9])"
    before = tuple(p for p, pos, _ in data.dates.date_modifiers if pos == "before")
    after = [(p, d) for p, pos, d in data.dates.date_modifiers if pos == "after"]
    mod_a = ""
    if after:
        mod_a = r"(?:" + _SP + r"+(?P<{}>" + "|".join(p for p, _ in after) + r")\b)?"

    # Every form starts a word, and each starts with digits, a month name or a
    # relative expression; weekdays and "last"/"next" before a date are
    # picked up afterwards by looking back (see _scan), which keeps the scan fast.
    alts = [
        r"(?P<A_iso>(?<![.,:/])(?P<iso_y>[0-9]{4})(?P<iso_s>[-/.])(?P<iso_m>[0-9]{1,2})(?P=iso_s)"
        r"(?P<iso_d>[0-9]{1,2})(?![0-9]|[.,/][0-9]))",
        r"(?P<A_num>(?<![.,:/])(?P<num_a>[0-9]{1,2})(?P<num_s>[-/.])(?P<num_b>[0-9]{1,2})(?P=num_s)"
        r"(?P<num_c>[0-9]{4}|[0-9]{2})(?![\w]|[.,/][0-9]))",
    ]
    for i, pattern in enumerate(data.dates.relative_patterns):
        alts.append(rf"(?P<A_rp{i}>(?:{pattern})(?![\w]))")
    if "dmy" in data.dates.date_orders:
        alts.append(
            r"(?P<A_dmy>(?<![.,:/])(?P<dmy_d>[0-9]{1,2})" + ordinal + _SP + r"+(?P<dmy_m>" + mon + r")"
            r"(?:,?" + _SP + r"+(?P<dmy_y>" + year + r"))?" + mod_a.format("dmy_a") + r")"
        )
    day_branch = ""
    if "mdy" in data.dates.date_orders:
        day_branch = (
            _SP + r"*(?P<m_d>[0-9]{1,2})" + ordinal + r"(?![0-9]|[.,:/][0-9]|" + _SP + r"[0-9]{3}(?![0-9]))"
            r"(?:,?" + _SP + r"+(?P<m_dy>" + year + r"))?|"
        )
    alts.append(
        r"(?P<A_m>(?P<m_m>" + mon + r")(?:" + day_branch + r",?" + _SP + r"+(?P<m_y>" + year + r"))?"
        + mod_a.format("m_a") + r")"
    )
    weekdays = weekday_numbers(code)
    if weekdays:
        # a weekday alone ("on Monday", "lundi", "vendredi dernier"); one before a day or a
        # month ("Monday, Sept. 12", "lundi 3 mars") is that date's prefix, not a date of its own
        alts.append(
            r"(?P<A_wd>(?P<wd>" + _alt(weekdays) + r")(?![\w])(?!\.?,?" + _SP + r"+(?:[0-9]|" + mon + r"))"
            + mod_a.format("wd_a") + r")"
        )
    if data.dates.relative_dates:
        rel = "|".join(f"(?P<rel{i}>{p})" for i, (p, _, _) in enumerate(data.dates.relative_dates))
        alts.append(r"(?P<A_rel>(?:" + rel + r")(?![\w]))")
    alts.append(
        r"(?P<A_yr>(?<![.,:/])(?<![0-9][-\u2013\u2212])(?P<yr>1[89][0-9][0-9]|20[0-9][0-9]|2100)"
        r"(?![\w]|[.,][0-9]|" + _SP + r"?%))"
    )

    mod_b = ""
    if before:
        mod_b = "|".join(f"(?P<b{i}>{p})" for i, p in enumerate(before))
    weekday = _alt(data.dates.weekdays) if data.dates.weekdays else ""
    prefix_day = prefix_month = None
    if weekday or mod_b:
        # both parts optional: an empty match right at the date means "no prefix"
        day_prefix = (r"(?:(?:" + weekday + r")\b\.?,?" + _SP + r"+)?") if weekday else ""
        if mod_b:
            day_prefix += r"(?:(?:" + mod_b + r")" + _SP + r"+)?"
        prefix_day = re.compile(r"(?<![\w])" + day_prefix + r"\Z", re.IGNORECASE)
    if mod_b:
        prefix_month = re.compile(r"(?<![\w])(?:" + mod_b + r")" + _SP + r"+\Z", re.IGNORECASE)

    preposition = None
    if data.dates.date_prepositions:
        preposition = re.compile(
            r"(?<![\w])(?:" + "|".join(data.dates.date_prepositions) + r")(?:" + _SP + r"+|(?<=-))\Z", re.IGNORECASE
        )
    return _DateGrammar(
        code=code,
        pattern=re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")", re.IGNORECASE),
        months=months,
        abbreviations=abbreviations,
        capitalized=data.dates.capitalized_months,
        numeric_order=_numeric_order(data.babel_locale),
        preposition=preposition,
        prefix_day=prefix_day,
        prefix_month=prefix_month,
        before=tuple(d for _, pos, d in data.dates.date_modifiers if pos == "before"),
        after=tuple((re.compile(p, re.IGNORECASE), d) for p, d in after),
        relative=tuple((unit, offset) for _, unit, offset in data.dates.relative_dates),
        n_patterns=len(data.dates.relative_patterns),
        noun_after=re.compile(_SP + r"+(?P<u>" + _WORD + r")"),
        not_nouns=frozenset(w.lower() for w in (*data.numbers.unit_stopwords, *data.dates.months, *data.numbers.number_words)),
        noise=re.compile(r"(?<![\w])(?:" + _alt(data.dates.date_noise) + r")(?![\w])", re.IGNORECASE) if data.dates.date_noise else None,
        weekdays=weekdays,
        future=_future_pattern(code),
        **_day_patterns("|".join(data.dates.day_joiners), ordinal),
    )


def _day_patterns(joiners: str, ordinal: str) -> dict[str, Any]:
    """The patterns of days joined to a written date (``Dates.day_joiners``),
    as :class:`_DateGrammar` fields."""
    day = r"(?<![\w.,:/])(?P<day>(?P<d>[0-9]{1,2})" + ordinal + ")"
    return {
        "day_before": re.compile(day + _SP + r"*(?:" + joiners + r")" + _SP + r"*\Z", re.IGNORECASE)
        if joiners else None,
        "day_after": re.compile(_SP + r"*(?:" + joiners + r")" + _SP + r"*(?P<d>[0-9]{1,2})" + ordinal
                                + r"(?![\w]|[.,:/][0-9])", re.IGNORECASE) if joiners else None,
        "comma_day_before": re.compile(day + _SP + r"*," + _SP + r"*\Z"),
    }


# --------------------------------------------------------------------------
# scanning


@dataclass(frozen=True)
class _Hit:
    kind: str  # iso, num, rp, dmy, mdy, my, mo, wd, rel, yr
    start: int
    end: int
    match: re.Match[str]
    direction: str | None = None  # 'past' / 'future' from a modifier ("last", "dernier")
    index: int = 0  # which relative expression (rel, rp)
    day: int | None = None  # a day joined to the written date of ``match`` ("1er" in "les 1er et 8 janvier")


def _has_preposition(text: str, start: int, g: _DateGrammar) -> bool:
    return g.preposition is not None and g.preposition.search(text, max(0, start - 30), start) is not None


def _after_direction(m: re.Match[str], group: str, g: _DateGrammar) -> str | None:
    word = m.group(group) if group in m.re.groupindex else None
    if word:
        for pattern, direction in g.after:
            if pattern.fullmatch(word):
                return direction
    return None


def _prefix(text: str, start: int, floor: int, pattern: re.Pattern[str] | None, g: _DateGrammar) -> tuple[int, str | None]:
    """A weekday and/or a modifier right before a date: (new start, direction)."""
    if pattern is None:
        return start, None
    m = pattern.search(text, max(floor, start - 40), start)
    if m is None or m.start() == start:
        return start, None
    for i, direction in enumerate(g.before):
        if m.group(f"b{i}") is not None:
            return m.start(), direction
    return m.start(), None


def _classify(m: re.Match[str], g: _DateGrammar) -> tuple[str, int]:
    groups = m.groupdict()
    for kind in ("iso", "num", "dmy", "m", "wd", "rel", "yr"):
        if groups.get(f"A_{kind}") is not None:
            if kind == "rel":
                return kind, next(i for i in range(len(g.relative)) if groups[f"rel{i}"] is not None)
            return kind, 0
    return "rp", next(i for i in range(g.n_patterns) if groups[f"A_rp{i}"] is not None)


def _scan(text: str, g: _DateGrammar) -> list[_Hit]:
    hits: list[_Hit] = []
    floor = 0
    # a text written all in lower case capitalises nothing: its months can't be told by case
    capitalized = g.capitalized and text != text.lower()
    for m in g.pattern.finditer(text):
        kind, index = _classify(m, g)
        start, end = m.span()
        direction = None
        if kind in ("dmy", "m"):
            month_group = "dmy_m" if kind == "dmy" else "m_m"
            if capitalized and not m.group(month_group)[0].isupper():
                continue  # English "may", "march" are verbs
            month = m.group(month_group).rstrip(".").lower()
            if kind == "m":
                groups = m.groupdict()
                kind = "mdy" if groups.get("m_d") else "my" if groups.get("m_y") else "mo"
            if kind in ("dmy", "mdy") and not 1 <= int(m.group("dmy_d" if kind == "dmy" else "m_d")) <= 31:
                continue
            # a full month name ending the span does not own a following full stop
            if text[end - 1] == "." and m.end(month_group) == end and month not in g.abbreviations:
                end -= 1
            direction = _after_direction(m, "dmy_a" if kind == "dmy" else "m_a", g)
            day_level = kind in ("dmy", "mdy")
            new_start, before = _prefix(text, start, floor, g.prefix_day if day_level else g.prefix_month, g)
            if kind == "mo":
                if month in g.abbreviations:
                    continue  # "sept", "mar", "dec" alone are not months
                if direction is None and before is None and not _has_preposition(text, start, g):
                    continue
            start, direction = new_start, direction or before
        elif kind == "wd":
            if capitalized and not m.group("wd")[0].isupper():
                continue  # an English weekday is written with a capital
            if _IN_NAME_BEFORE.search(text, max(0, start - 40), start) or _IN_NAME_AFTER.match(text, end):
                continue  # "Good Friday Agreement", "Black Friday Sale": a weekday inside a name
            direction = _after_direction(m, "wd_a", g)
            new_start, before = _prefix(text, start, floor, g.prefix_month, g)  # "last Monday", "next Friday"
            start, direction = new_start, direction or before
        elif kind == "yr":
            if not _has_preposition(text, start, g):
                continue
            after = g.noun_after.match(text, end)
            if after and after.group("u")[0].islower() and after.group("u").lower() not in g.not_nouns:
                continue  # "in 2000 projects": a quantity
        elif kind == "num":
            if m.group("num_s") == "." and len(m.group("num_c")) == 2:
                continue  # "1.2.30": a version, not a date
            if _numeric_parts(m, g) is None:
                continue
        elif kind == "iso":
            if not (1 <= int(m.group("iso_m")) <= 12 and 1 <= int(m.group("iso_d")) <= 31):
                continue
        hit = _Hit(kind, start, end, m, direction, index)
        if kind in ("dmy", "mdy"):
            hits += _joined_days(text, hit, floor, g)
            floor = max(floor, hits[-1].end)
        else:
            hits.append(hit)
            floor = end
    return sorted(hits, key=lambda h: h.start)


def _joined_days(text: str, hit: _Hit, floor: int, g: _DateGrammar) -> list[_Hit]:
    """``hit`` (a written day and month) with the days joined to it
    (``Dates.day_joiners``): those before it ("les 1er et 8 janvier", "3, 4
    and 5 May") and after it ("January 1st and 8th"), each a hit of its own
    that shares the date's month and year."""
    out = [hit]
    if g.day_before is None or g.day_after is None:
        return out
    start = hit.start
    m = g.day_before.search(text, max(floor, start - 40), start)
    while m is not None and 1 <= int(m.group("d")) <= 31:
        out.insert(0, replace(hit, start=m.start(), end=m.end("day"), day=int(m.group("d"))))
        start = m.start()
        m = g.comma_day_before.search(text, max(floor, start - 20), start)
    end = hit.end
    while (m := g.day_after.match(text, end)) is not None and 1 <= int(m.group("d")) <= 31:
        if g.pattern.match(text, m.start("d")) is not None:
            break  # "January 1st and 8 February": the day opens a date of its own
        out.append(replace(hit, start=m.start("d"), end=m.end(), day=int(m.group("d"))))
        end = m.end()
    return out


def _numeric_parts(m: re.Match[str], g: _DateGrammar, order: str | None = None) -> tuple[int, int, int] | None:
    """(year, month, day) of a numeric date, in ``order`` ("dmy", "mdy"; by
    default the locale's) unless only the other order gives a valid date."""
    a, b, c = int(m.group("num_a")), int(m.group("num_b")), m.group("num_c")
    year = int(c) if len(c) == 4 else 2000 + int(c) if int(c) < 70 else 1900 + int(c)
    order = order or g.numeric_order
    day_first = order.index("d") < order.index("m")
    day, month = (a, b) if day_first else (b, a)
    if month > 12 and day <= 12:
        day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def date_spans(text: str, lang: str, *, offset: int = 0) -> list[tuple[int, int]]:
    """The (start, end) spans of the dates in ``text``, ``offset`` added.

    Same spans as :func:`extract_dates` without resolving them; pass them as
    ``exclude`` to :func:`claimtrack.extract.quantities.extract_quantities`.
    """
    return [(h.start + offset, h.end + offset) for h in _scan(text, _grammar(lang))]


# --------------------------------------------------------------------------
# resolution


def _make_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _anchor(
    month: int, day: int, published: _dt.date | None, direction: str | None, *, whole_month: bool = False
) -> _dt.date | None:
    """The date (month, day) nearest ``published``: on or before it, or after it for 'future'.

    With ``whole_month`` and an explicit 'past' modifier the month must be over
    ("last September", written in September, is the previous year's).
    """
    if published is None:
        return None
    future = direction == "future"
    if whole_month and direction == "past":
        if (published.year, published.month) == (_dt.MINYEAR, 1):
            return None  # the month before January of year 1 is not on the calendar
        published = published.replace(day=1) - _dt.timedelta(days=1)
    years = range(published.year, published.year + 9) if future else range(published.year, published.year - 9, -1)
    for year in years:
        candidate = _make_date(year, month, day)
        if candidate is not None and ((candidate > published) if future else (candidate <= published)):
            return candidate
    return None


def _shift_month(day: _dt.date, months: int) -> _dt.date | None:
    """The 1st of the month ``months`` after ``day``'s; None off the calendar (years 1-9999)."""
    index = day.year * 12 + day.month - 1 + months
    return _make_date(index // 12, index % 12 + 1, 1)


def _shift_days(day: _dt.date, days: int) -> _dt.date | None:
    """``day`` plus ``days``; None off the calendar (before 0001-01-01 or after 9999-12-31)."""
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return None


@lru_cache(maxsize=4096)
def _dateparser_date(span: str, code: str, base: _dt.date) -> tuple[_dt.date | None, str]:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=[code],
        settings={"RELATIVE_BASE": _dt.datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past"},
    )
    data = parser.get_date_data(span)
    if data.date_obj is None:
        return None, "day"
    value = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        return value.replace(day=1), "month"
    if period == "year":
        return value.replace(month=1, day=1), "year"
    return value, "day"


def _resolve(hit: _Hit, g: _DateGrammar, published: _dt.date | None, order: str | None = None
             ) -> tuple[_dt.date | None, str]:
    m, kind = hit.match, hit.kind
    if kind == "iso":
        return _make_date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))), "day"
    if kind == "num":
        parts = _numeric_parts(m, g, order)
        return (_make_date(*parts) if parts else None), "day"
    if kind in ("dmy", "mdy"):
        prefix = "dmy" if kind == "dmy" else "m"
        month = g.months[m.group(f"{prefix}_m").rstrip(".").lower()]
        day = hit.day if hit.day is not None else int(m.group(f"{prefix}_d"))
        year = m.group("dmy_y" if kind == "dmy" else "m_dy")
        if year:
            return _make_date(int(year), month, day), "day"
        return _anchor(month, day, published, hit.direction), "day"
    if kind == "my":
        return _make_date(int(m.group("m_y")), g.months[m.group("m_m").rstrip(".").lower()], 1), "month"
    if kind == "mo":
        month = g.months[m.group("m_m").rstrip(".").lower()]
        return _anchor(month, 1, published, hit.direction, whole_month=True), "month"
    if kind == "wd":
        if published is None:
            return None, "day"
        back = (published.weekday() - g.weekdays[m.group("wd").lower()]) % 7
        if hit.direction == "future":  # the next such day after publication
            return _shift_days(published, (7 - back) or 7), "day"
        return _shift_days(published, -back), "day"
    if kind == "yr":
        return _dt.date(int(m.group("yr")), 1, 1), "year"
    if kind == "rel":
        unit, offset = g.relative[hit.index]
        if published is None:
            return None, unit
        if unit == "day":
            return _shift_days(published, offset), "day"
        if unit == "month":
            return _shift_month(published, offset), "month"
        return _make_date(published.year + offset, 1, 1), "year"
    # relative patterns: interpreted by dateparser against the publication date
    if published is None:
        return None, "day"
    span = m.group()
    if g.noise is not None:
        span = " ".join(g.noise.sub(" ", span).split())
    try:
        return _dateparser_date(span, g.code, published)
    except (OverflowError, ValueError):  # dateparser's arithmetic off the calendar ("three weeks ago" in year 1)
        return None, "day"


_IN_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[^\W\d_]*[A-ZÀ-ÖØ-Þ][\w'’-]*\s+\Z")
_IN_NAME_AFTER = re.compile(r"\s+[A-ZÀ-ÖØ-Þ][\w'’-]*[^\W\d_]")
_ANCHORED = frozenset({"dmy", "mdy", "mo", "wd"})


def _month_floor(published: _dt.date, granularity: str) -> _dt.date:
    """What a past reading must be earlier than to be shifted to the future:
    the publication day, or its month's first day for a month ("in March",
    written in March, is this March)."""
    return published.replace(day=1) if granularity == "month" else published
"""The forms a publication date anchors (no year of their own)."""
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def _speaks_of_future(text: str, hit: _Hit, g: _DateGrammar) -> bool:
    """True when the date's own clause speaks of the future: one of the
    language's future markers ("will", "va", "ouvrira") stands before the date
    in its sentence, at most :data:`_FUTURE_REACH` characters away ("The
    festival will open on March 3", published in November, means next March;
    in "said on Sept. 10 it will" the future is another clause's)."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, hit.start)), default=0)
    assert g.future is not None
    return g.future.search(text, max(start, hit.start - _FUTURE_REACH), hit.start) is not None


_FUTURE_REACH = 60


def extract_dates(
    text: str,
    lang: str,
    published: _dt.date | None = None,
    *,
    offset: int = 0,
    date_order: str | None = None,
) -> list[DateMention]:
    """The dates of ``text`` in language ``lang``, resolved against ``published``.

    Args:
        text: a sentence or a whole article.
        lang: its language code (a key of :mod:`claimtrack.lang`).
        published: the publication date that anchors dates without a year
            and relative dates; without it those get ``value`` None.
        offset: added to every offset (the sentence's offset in its article).
        date_order: ``"dmy"`` or ``"mdy"``: the order of numeric dates
            ("12/03/2025"); None: the language's CLDR locale order
            (:attr:`claimtrack.models.Article.date_order`).

    Returns:
        The date mentions in text order (see the module docs for the forms).

    Raises:
        UnsupportedLanguageError: for an unknown language code.
    """
    g = _grammar(lang)
    if date_order is not None and date_order not in ("dmy", "mdy"):
        raise ValueError(f"date_order is 'dmy' or 'mdy', not {date_order!r}")
    if isinstance(published, _dt.datetime):
        published = published.date()
    out: list[DateMention] = []
    for hit in _scan(text, g):
        value, granularity = _resolve(hit, g, published, date_order)
        if (hit.direction is None and hit.kind in _ANCHORED and g.future is not None and value is not None
                and published is not None and value < _month_floor(published, granularity)
                and _speaks_of_future(text, hit, g)):
            value, granularity = _resolve(replace(hit, direction="future"), g, published)
        out.append(
            DateMention(
                text=text[hit.start : hit.end],
                start=hit.start + offset,
                end=hit.end + offset,
                value=value,
                granularity=granularity,  # type: ignore[arg-type]
            )
        )
    return out
