"""Dates: own span regex, resolution against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract import dates as dates_module
from claimtrack.extract.dates import date_spans, extract_dates
from claimtrack.errors import UnsupportedLanguageError

from ..conftest import CORPUS

D = dt.date


def mentions(text: str, lang: str, published: dt.date | None = None, offset: int = 0):
    found = extract_dates(text, lang, published, offset=offset)
    for m in found:
        assert text[m.start - offset : m.end - offset] == m.text
    return [(m.text, m.value, m.granularity) for m in found]


@pytest.mark.parametrize(
    ("text", "lang", "published", "expected"),
    [
        ("UPDATED 09:00 EDT / SEPTEMBER 12 2022", "en", None, [("SEPTEMBER 12 2022", D(2022, 9, 12), "day")]),
        ("announced in a Sept. 12 Facebook post", "en", D(2022, 9, 12), [("Sept. 12", D(2022, 9, 12), "day")]),
        ("announced in a Sept. 12 Facebook post", "en", D(2022, 9, 11), [("Sept. 12", D(2021, 9, 12), "day")]),
        ("on September 12, 2022.", "en", None, [("September 12, 2022", D(2022, 9, 12), "day")]),
        ("on Monday, Sept. 12th, at noon", "en", D(2022, 9, 20), [("Monday, Sept. 12th", D(2022, 9, 12), "day")]),
        ("Jim Zemlin | 12 September 2022", "en", None, [("12 September 2022", D(2022, 9, 12), "day")]),
        ("a annoncé le 12 septembre dernier que", "fr", D(2022, 9, 20), [("12 septembre dernier", D(2022, 9, 12), "day")]),
        ("a annoncé le 12 septembre dernier que", "fr", D(2022, 9, 12), [("12 septembre dernier", D(2022, 9, 12), "day")]),
        ("le 12 septembre 2022, à Paris", "fr", None, [("12 septembre 2022", D(2022, 9, 12), "day")]),
        ("lundi 12 septembre 2022", "fr", None, [("lundi 12 septembre 2022", D(2022, 9, 12), "day")]),
        ("le 1er mai", "fr", D(2022, 9, 12), [("1er mai", D(2022, 5, 1), "day")]),
        ("le 12 sept. 2022", "fr", None, [("12 sept. 2022", D(2022, 9, 12), "day")]),
        ("le 12 septembre prochain", "fr", D(2022, 9, 1), [("12 septembre prochain", D(2022, 9, 12), "day")]),
        ("on Dec. 25", "en", D(2022, 9, 12), [("Dec. 25", D(2021, 12, 25), "day")]),
        ("In January 2022, it", "en", None, [("January 2022", D(2022, 1, 1), "month")]),
        ("en janvier 2022", "fr", None, [("janvier 2022", D(2022, 1, 1), "month")]),
        ("In January, PyTorch celebrated", "en", D(2022, 9, 12), [("January", D(2022, 1, 1), "month")]),
        ("en novembre, il", "fr", D(2022, 9, 12), [("novembre", D(2021, 11, 1), "month")]),
        ("last September", "en", D(2022, 9, 12), [("last September", D(2021, 9, 1), "month")]),
        ("en août dernier.", "fr", D(2022, 9, 12), [("août dernier", D(2022, 8, 1), "month")]),
        ("next March", "en", D(2022, 9, 12), [("next March", D(2023, 3, 1), "month")]),
        ("as of August 2022.", "en", None, [("August 2022", D(2022, 8, 1), "month")]),
        ("back in 2016, one", "en", None, [("2016", D(2016, 1, 1), "year")]),
        ("Le développement a débuté en 2016.", "fr", None, [("2016", D(2016, 1, 1), "year")]),
        ("d’ici 2030, mi-2022", "fr", None, [("2030", D(2030, 1, 1), "year"), ("2022", D(2022, 1, 1), "year")]),
        ("On 2022-09-12 it", "en", None, [("2022-09-12", D(2022, 9, 12), "day")]),
        ("On 9/12/2022 it", "en", None, [("9/12/2022", D(2022, 9, 12), "day")]),
        ("Le 12/09/2022 il", "fr", None, [("12/09/2022", D(2022, 9, 12), "day")]),
        ("On 13/09/2022 it", "en", None, [("13/09/2022", D(2022, 9, 13), "day")]),  # only one reading
        ("Le 12.09.2022", "fr", None, [("12.09.2022", D(2022, 9, 12), "day")]),
        # a text all in lower case cannot capitalise its months
        ("go and see them today, tuesday 15 october 2024.", "en", None,
         [("today", None, "day"), ("tuesday 15 october 2024", D(2024, 10, 15), "day")]),
        ("Apple 's mid - September 2014 launch", "en", None, [("September 2014", D(2014, 9, 1), "month")]),
        ("le lancement mi - septembre 2014", "fr", None, [("septembre 2014", D(2014, 9, 1), "month")]),
    ],
)
def test_forms(text, lang, published, expected):
    assert mentions(text, lang, published) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("it will be released (on January 1st and 8th) with", "en",
         [("January 1st", D(2014, 1, 1)), ("8th", D(2014, 1, 8))]),
        ("qui sortiront (les 1er et 8 janvier 2014), les", "fr",
         [("1er", D(2014, 1, 1)), ("8 janvier 2014", D(2014, 1, 8))]),
        ("between 08 to 28 October", "en", [("08", D(2013, 10, 8)), ("28 October", D(2013, 10, 28))]),
        ("entre le 8 et le 28 octobre", "fr", [("8", D(2013, 10, 8)), ("28 octobre", D(2013, 10, 28))]),
        ("du 8 au 28 octobre 2012", "fr", [("8", D(2012, 10, 8)), ("28 octobre 2012", D(2012, 10, 28))]),
        ("on 3, 4 and 5 May", "en", [("3", D(2013, 5, 3)), ("4", D(2013, 5, 4)), ("5 May", D(2013, 5, 5))]),
        # a comma alone joins no day: "10, 28 October" is a figure and a date
        ("the toll rose to 10, 28 October reports said", "en", [("28 October", D(2013, 10, 28))]),
        ("the toll rose to 40 and 28 October", "en", [("28 October", D(2013, 10, 28))]),
        # a day that opens a date of its own is not joined to the one before
        ("on January 1st and 8 February", "en", [("January 1st", D(2013, 1, 1)), ("8 February", D(2013, 2, 8))]),
        ("le 3 et 8 mars et 9 avril", "fr", [("3", D(2013, 3, 3)), ("8 mars", D(2013, 3, 8)), ("9 avril", D(2013, 4, 9))]),
    ],
)
def test_days_joined_to_a_written_date_share_its_month(text, lang, expected):
    assert [(t, v) for t, v, _ in mentions(text, lang, D(2013, 11, 1))] == expected


@settings(max_examples=100, deadline=None)
@given(days=st.lists(st.integers(1, 28), min_size=2, max_size=4, unique=True), month=st.integers(1, 12),
       lang=st.sampled_from(["en", "fr"]))
def test_a_list_of_days_gives_one_date_per_day(days, month, lang):
    names = {"en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December"],
             "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                    "octobre", "novembre", "décembre"]}[lang]
    joined = ", ".join(map(str, days[:-1])) + (" and " if lang == "en" else " et ") + str(days[-1])
    text = f"{'on' if lang == 'en' else 'les'} {joined} {names[month - 1]} 2020."
    got = mentions(text, lang)
    assert [v for _, v, _ in got] == [D(2020, month, d) for d in days]


def test_from_through_gives_two_months():
    text = "From August 2021 through August 2022, the ferry made over 9,000 crossings."
    assert mentions(text, "en", D(2022, 9, 12)) == [
        ("August 2021", D(2021, 8, 1), "month"),
        ("August 2022", D(2022, 8, 1), "month"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("You may go now.", "en"),
        ("You may go in march.", "en"),  # text with capitals: "march" here is lower case, so the verb
        ("They may 5 times", "en"),
        ("Mars is a planet.", "fr"),
        ("sept projets", "fr"),
        ("in 2000 projects", "en"),  # a quantity, not a year
        ("en 2000 projets", "fr"),
        ("PyTorch 1.13.1 and 1.2.30", "en"),
        ("Top 2016 rank", "en"),  # no preposition: not a date
        ("at 09:00", "en"),
        ("the 1990s", "en"),
        ("Sept. 45", "en"),
    ],
)
def test_not_dates(text, lang):
    assert mentions(text, lang, D(2022, 9, 12)) == []


def test_yearless_without_published_is_unresolved():
    assert mentions("on Sept. 12", "en") == [("Sept. 12", None, "day")]
    assert mentions("in January", "en") == [("January", None, "month")]
    assert mentions("yesterday", "en") == [("yesterday", None, "day")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("It launched yesterday.", "en", [("yesterday", D(2022, 9, 11), "day")]),
        ("Il a été lancé hier.", "fr", [("hier", D(2022, 9, 11), "day")]),
        ("It doubled down last year.", "en", [("last year", D(2021, 1, 1), "year")]),
        ("Il l’a fait l’an dernier.", "fr", [("l’an dernier", D(2021, 1, 1), "year")]),
        ("le mois dernier", "fr", [("le mois dernier", D(2022, 8, 1), "month")]),
    ],
)
def test_relative(text, lang, expected):
    assert mentions(text, lang, D(2022, 9, 12)) == expected


def test_relative_patterns_use_dateparser():
    assert mentions("It started three weeks ago.", "en", D(2022, 9, 12)) == [("three weeks ago", D(2022, 8, 22), "day")]
    assert mentions("Il a commencé il y a deux ans.", "fr", D(2022, 9, 12)) == [("il y a deux ans", D(2020, 1, 1), "year")]
    assert mentions("three weeks ago", "en") == [("three weeks ago", None, "day")]


def test_common_forms_do_not_call_dateparser():
    before = dates_module._dateparser_date.cache_info()
    text = "On Sept. 12, 2022 and le 12 septembre, in January 2022, in 2016, 2022-09-12, 9/12/2022, yesterday."
    extract_dates(text, "en", D(2023, 1, 2))
    extract_dates(text, "fr", D(2023, 1, 3))
    after = dates_module._dateparser_date.cache_info()
    assert (after.hits, after.misses) == (before.hits, before.misses)


def test_offsets_and_spans():
    article = "Intro.\nLe 12 septembre dernier, en 2016 et en janvier 2022."
    start = article.index("Le 12")
    found = extract_dates(article[start:], "fr", D(2022, 9, 20), offset=start)
    assert [article[m.start : m.end] for m in found] == [m.text for m in found]
    assert [m.text for m in found] == ["12 septembre dernier", "2016", "janvier 2022"]
    assert date_spans(article[start:], "fr", offset=start) == [(m.start, m.end) for m in found]


def test_datetime_published_and_unsupported_language():
    assert mentions("on Sept. 12", "en", dt.datetime(2022, 9, 13, 8, 0)) == [("Sept. 12", D(2022, 9, 12), "day")]
    with pytest.raises(UnsupportedLanguageError):
        extract_dates("am 12. September", "de")


# --------------------------------------------------------------------------
# seed corpus (read from ../shared; skipped in a fresh clone)


def _seed(name: str) -> str:
    matches = sorted(CORPUS.glob(f"{name}_*.txt")) if CORPUS.is_dir() else []
    if not matches:
        pytest.skip(f"seed corpus not available at {CORPUS} (../shared is absent in a fresh clone)")
    return matches[0].read_text(encoding="utf-8")


def test_seed_dates():
    text = _seed("000")
    found = mentions(text, "en", D(2022, 9, 12))
    assert ("SEPTEMBER 12 2022", D(2022, 9, 12), "day") in found
    assert ("2016", D(2016, 1, 1), "year") in found
    found = mentions(_seed("002"), "en", D(2022, 9, 12))
    assert [m for m in found if m[0] == "Sept. 12"] == [("Sept. 12", D(2022, 9, 12), "day")] * 3
    found = mentions(_seed("004"), "fr", D(2022, 9, 13))
    assert found[0] == ("12 septembre dernier", D(2022, 9, 12), "day")
    assert ("2016", D(2016, 1, 1), "year") in found and ("2017", D(2017, 1, 1), "year") in found
    for name in ("001", "003"):
        found = mentions(_seed(name), "en", D(2022, 9, 12))
        months = [m for m in found if m[2] == "month"]
        assert ("August 2021", D(2021, 8, 1), "month") in months and ("August 2022", D(2022, 8, 1), "month") in months


# --------------------------------------------------------------------------
# properties


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(min_value=D(2000, 1, 1), max_value=D(2069, 12, 31)),
    lang=st.sampled_from(["en", "fr"]),
    style=st.sampled_from(["short", "medium", "long", "full"]),
)
def test_babel_formatted_dates_read_back(day, lang, style):
    locale = {"en": "en_US", "fr": "fr_FR"}[lang]
    text = f"{format_date(day, style, locale=locale)}"
    found = extract_dates(f"» {text} «", lang)
    assert [(m.text, m.value, m.granularity) for m in found] == [(text, day, "day")]


@settings(max_examples=150, deadline=None)
@given(day=st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)), published=st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)), lang=st.sampled_from(["en", "fr"]))
def test_yearless_dates_are_latest_not_after_published(day, published, lang):
    locale = {"en": "en_US", "fr": "fr_FR"}[lang]
    text = format_date(day, "d MMMM" if lang == "fr" else "MMMM d", locale=locale)
    (m,) = extract_dates(text, lang, published)
    assert m.value is not None and m.value <= published
    assert (m.value.month, m.value.day) == (day.month, day.day)
    assert m.value.year >= published.year - (8 if (day.month, day.day) == (2, 29) else 1)


FRAGMENTS = [
    "Sept.", "12", "SEPTEMBER", "2022", "septembre", "dernier", "prochain", "le", "en", "in", "since", "last", "next",
    "year", "l’an", "hier", "yesterday", "2022-09-12", "12/09/2022", "9/12/22", "1er", "mai", "May", "may", "Monday",
    "lundi", ",", ".", "-", "/", ":", "il y a", "deux", "semaines", "three", "weeks", "ago", "2016", "projects",
    "janvier", "August", "mi-", "1.13.1", "31", "Feb.", "30", "2,400",
]
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=20).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", "", "\u00a0", "\n"]), min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps))
    )
)


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(texts, st.text(max_size=60)),
    lang=st.sampled_from(["en", "fr"]),
    offset=st.integers(0, 10**6),
    published=st.one_of(st.none(), st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 1, 1))),
)
def test_offsets_slice_back_and_determinism(text, lang, offset, published):
    found = extract_dates(text, lang, published, offset=offset)
    last = offset
    for m in found:
        assert text[m.start - offset : m.end - offset] == m.text
        assert last <= m.start < m.end
        last = m.end
    assert date_spans(text, lang, offset=offset) == [(m.start, m.end) for m in found]
    assert extract_dates(text, lang, published, offset=offset) == found


# --- weekdays and the future ------------------------------------------------------------------------

WED = D(2024, 11, 20)  # a Wednesday


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The council met on Monday to vote.", "en", [("Monday", D(2024, 11, 18), "day")]),
    ("Mayor Okafor said Tuesday that the plan works.", "en", [("Tuesday", D(2024, 11, 19), "day")]),
    ("The talks will resume next Tuesday.", "en", [("next Tuesday", D(2024, 11, 26), "day")]),
    ("The ferry will sail on Friday.", "en", [("Friday", D(2024, 11, 22), "day")]),
    ("The ferry sails today, Wednesday.", "en", [("today", WED, "day"), ("Wednesday", WED, "day")]),
    ("Le conseil s'est réuni lundi.", "fr", [("lundi", D(2024, 11, 18), "day")]),
    ("Vendredi dernier, le maire a parlé.", "fr", [("Vendredi dernier", D(2024, 11, 15), "day")]),
    ("Les négociations reprendront mardi prochain.", "fr", [("mardi prochain", D(2024, 11, 26), "day")]),
    ("Il a été élu le lundi 3 mars 2014.", "fr", [("lundi 3 mars 2014", D(2014, 3, 3), "day")]),
    ("The Good Friday Agreement was signed.", "en", []),  # a weekday inside a name
])
def test_weekdays_resolve_against_the_publication_date(text, lang, expected):
    assert mentions(text, lang, WED) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The festival will open on March 3.", "en", D(2025, 3, 3)),
    ("The festival opened on March 3.", "en", D(2024, 3, 3)),
    ("Le salon ouvrira le 3 mars.", "fr", D(2025, 3, 3)),
    ("The show will open in March.", "en", D(2025, 3, 1)),
    ("The show will open in November.", "en", D(2024, 11, 1)),  # this month is not over
    ("The firm said on Nov. 10 it will move.", "en", D(2024, 11, 10)),  # the future is another clause's
])
def test_a_yearless_date_said_of_the_future_is_in_the_coming_year(text, lang, expected):
    (got,) = mentions(text, lang, WED)
    assert got[1] == expected


@given(st.dates(min_value=D(1, 1, 8), max_value=D(9999, 12, 24)), st.sampled_from(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]))
def test_a_weekday_is_within_the_week_before_publication_or_after_it_with_next(published, day):
    past = mentions(f"They met on {day.title()}.", "en", published)
    future = mentions(f"They meet next {day.title()}.", "en", published)
    assert past[0][1] is not None and 0 <= (published - past[0][1]).days < 7
    assert future[0][1] is not None and 1 <= (future[0][1] - published).days <= 7
    assert past[0][1].strftime("%A").lower() == day == future[0][1].strftime("%A").lower()


@pytest.mark.parametrize(("lang", "order", "expected"), [
    ("en", None, D(2025, 12, 3)), ("en", "dmy", D(2025, 3, 12)), ("en", "mdy", D(2025, 12, 3)),
    ("fr", None, D(2025, 3, 12)), ("fr", "mdy", D(2025, 12, 3)),
])
def test_the_order_of_numeric_dates_can_be_given(lang, order, expected):
    (got,) = extract_dates("12/03/2025", lang, date_order=order)
    assert got.value == expected
    # a date valid in one order only is read in that order whatever is given
    (only,) = extract_dates("25/03/2025", lang, date_order=order)
    assert only.value == D(2025, 3, 25)


def test_a_bad_date_order_is_refused():
    with pytest.raises(ValueError):
        extract_dates("12/03/2025", "en", date_order="ymd")


def test_the_article_carries_its_date_order():
    import claimtrack as ct

    article = ct.read_article("Talks resume on 12/03/2025 in Geneva, the mediator said.", lang="en",
                              date_order="dmy")
    assert article.date_order == "dmy"
    (claim,) = ct.extract_claims(article)
    assert [d.value for d in claim.dates] == [D(2025, 3, 12)]
    with pytest.raises(ct.InputError):
        ct.read_article("Talks resume on 12/03/2025.", lang="en", date_order="ydm")  # type: ignore[arg-type]
