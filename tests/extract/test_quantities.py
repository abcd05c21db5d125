"""Quantities: locale-aware figures, number words, qualifiers, percents, money."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract.dates import date_spans, extract_dates
from claimtrack.errors import UnsupportedLanguageError
from claimtrack.extract.quantities import code_spans, extract_quantities, format_number, parse_number, spelled_values

from ..conftest import CORPUS

NBSP, NNBSP = "\u00a0", "\u202f"


def one(text: str, lang: str, **kw):
    qs = extract_quantities(text, lang, **kw)
    assert len(qs) == 1, qs
    return qs[0]


def check_spans(text: str, qs, offset: int = 0) -> None:
    for q in qs:
        assert text[q.start - offset : q.end - offset] == q.text


# --------------------------------------------------------------------------
# figures and qualifiers


@pytest.mark.parametrize(
    ("text", "lang", "value", "qualifier", "unit", "span"),
    [
        ("PyTorch has attracted more than 2,400 contributors.", "en", 2400, "more_than", "contributors", "more than 2,400"),
        ("It counted over 65,000 commits.", "en", 65000, "more_than", "commits", "over 65,000"),
        ("It has about 5,000 users.", "en", 5000, "about", "users", "about 5,000"),
        ("Around 300 people came.", "en", 300, "about", "people", "Around 300"),
        ("At least 12 projects joined.", "en", 12, "at_least", "projects", "At least 12"),
        ("It hired less than 10 engineers.", "en", 10, "less_than", "engineers", "less than 10"),
        ("It hosts nearly 154,000 projects.", "en", 154000, "nearly", "projects", "nearly 154,000"),
        ("It got some 4.6 thousand comments.", "en", 4600, "about", "comments", "some 4.6 thousand"),
        ("It has 2 400 users.", "en", 2400, None, "users", "2 400"),
        (f"It has 2{NBSP}400 users.", "en", 2400, None, "users", f"2{NBSP}400"),
        ("It took just 5 people.", "en", 5, None, "people", "5"),
        ("plus de 2 400 contributeurs", "fr", 2400, "more_than", "contributeurs", "plus de 2 400"),
        (f"plus de 2{NBSP}400 contributeurs", "fr", 2400, "more_than", "contributeurs", f"plus de 2{NBSP}400"),
        (f"plus de 2{NNBSP}400 contributeurs", "fr", 2400, "more_than", "contributeurs", f"plus de 2{NNBSP}400"),
        ("près de 154 000 projets", "fr", 154000, "nearly", "projets", "près de 154 000"),
        ("Près de 2 400 ouvriers", "fr", 2400, "nearly", "ouvriers", "Près de 2 400"),
        ("environ 300 personnes", "fr", 300, "about", "personnes", "environ 300"),
        ("au moins 12 projets", "fr", 12, "at_least", "projets", "au moins 12"),
        ("moins de 10 ingénieurs", "fr", 10, "less_than", "ingénieurs", "moins de 10"),
        ("quelque 200 personnes", "fr", 200, "about", "personnes", "quelque 200"),
        ("plus de 2,400 contributeurs", "fr", 2400, "more_than", "contributeurs", "plus de 2,400"),
        ("plus de 150,000 projets", "fr", 150000, "more_than", "projets", "plus de 150,000"),
        ("un budget de 2,4 milliards", "fr", 2.4e9, None, None, "2,4 milliards"),
        ("une hausse de 2,45 points", "fr", 2.45, None, "points", "2,45"),
        ("les 5 000 000 utilisateurs", "fr", 5_000_000, None, "utilisateurs", "5 000 000"),
        ("2,5 millions de personnes", "fr", 2.5e6, None, "personnes", "2,5 millions"),
        ("millions of users: 3 million of them", "en", 3e6, None, None, "3 million"),
        ("a -5 degree drop", "en", -5, None, "degree", "-5"),
    ],
)
def test_figures(text, lang, value, qualifier, unit, span):
    q = one(text, lang)
    assert (q.value, q.qualifier, q.unit, q.text, q.kind) == (value, qualifier, unit, span, "cardinal")
    check_spans(text, [q])


@pytest.mark.parametrize(
    ("text", "lang", "value", "qualifier"),
    [
        ("80%", "en", 80, None),
        ("80 %", "en", 80, None),
        ("80 percent of them", "en", 80, None),
        ("up to 40 per cent", "en", 40, "at_most"),
        ("80 pour cent des chercheurs", "fr", 80, None),
        (f"80{NBSP}% des chercheurs", "fr", 80, None),
        ("plus de 80% des chercheurs", "fr", 80, "more_than"),
        ("jusqu’à 40 % des projets", "fr", 40, "at_most"),
        ("jusqu'à 40 % des projets", "fr", 40, "at_most"),
        # a negated "exceed" states an upper bound
        ("the share may not exceed 40 per cent", "en", 40, "at_most"),
        ("the share does not exceed 40 per cent", "en", 40, "at_most"),
        ("la part n'excède pas 40 % du total", "fr", 40, "at_most"),
        ("la part ne doit pas dépasser 40 % du total", "fr", 40, "at_most"),
        ("cinquante pour cent", "fr", 50, None),
        ("a 2,5 % rise", "fr", 2.5, None),
    ],
)
def test_percent(text, lang, value, qualifier):
    q = one(text, lang)
    assert (q.value, q.kind, q.unit, q.qualifier) == (value, "percent", "%", qualifier)
    check_spans(text, [q])


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit", "span"),
    [
        ("It raised $2.4 billion last year.", "en", 2.4e9, "USD", "$2.4 billion"),
        ("It raised more than $5 million.", "en", 5e6, "USD", "more than $5 million"),
        ("a 3 million dollars deal", "en", 3e6, "USD", "3 million dollars"),
        ("il a levé 2,4 milliards d’euros", "fr", 2.4e9, "EUR", "2,4 milliards d’euros"),
        ("un prix de 10 €", "fr", 10, "EUR", "10 €"),
        ("un prix de 10 euros", "fr", 10, "EUR", "10 euros"),
    ],
)
def test_money(text, lang, value, unit, span):
    q = one(text, lang)
    assert (q.value, q.unit, q.text, q.kind) == (value, unit, span, "money")


def test_livres_are_books():
    q = one("il a lu 5 livres", "fr")
    assert (q.kind, q.unit) == ("cardinal", "livres")
    q = one("5 livres sterling", "fr")
    assert (q.kind, q.unit) == ("money", "GBP")


def test_language_data_qualifiers_are_known():
    from typing import get_args

    from claimtrack import lang
    from claimtrack.models import Qualifier

    for code in lang.SUPPORTED:
        data = lang.get(code)
        assert {q for _, q in data.numbers.qualifiers} <= set(get_args(Qualifier))
        assert {q for _, _, q in data.numbers.approximate_numbers} <= set(get_args(Qualifier))


@pytest.mark.parametrize(
    ("text", "lang"),
    [("une demande de l'ordre de 8 milliards d'euros", "fr"), ("a claim in the region of 8 billion euros", "en"),
     ("a claim on the order of 8 billion euros", "en")],
)
def test_order_of_magnitude_phrases_are_about(text, lang):
    (q,) = extract_quantities(text, lang)
    assert (q.value, q.qualifier) == (8e9, "about")


# --------------------------------------------------------------------------
# number words, approximate numbers (dozens, hundreds), ranges


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("deux mille projets", "fr", 2000, "projets"),
        ("deux mille", "fr", 2000, None),  # multi-word: counts without a noun
        ("deux mille quatre cents contributeurs", "fr", 2400, "contributeurs"),
        ("cent cinquante-quatre mille projets", "fr", 154000, "projets"),
        ("vingt et un ans", "fr", 21, "ans"),
        ("cinq projets", "fr", 5, "projets"),
        ("Ces cinq dernières années", "fr", 5, "années"),
        ("deux millions de personnes", "fr", 2e6, "personnes"),
        ("two thousand projects", "en", 2000, "projects"),
        ("two thousand", "en", 2000, None),
        ("five projects", "en", 5, "projects"),
        ("Five projects", "en", 5, "projects"),
        ("twenty-one guns", "en", 21, "guns"),
        ("two hundred and five people", "en", 205, "people"),
        ("one million users", "en", 1e6, "users"),
    ],
)
def test_number_words(text, lang, value, unit):
    q = one(text, lang)
    assert (q.value, q.unit) == (value, unit)
    check_spans(text, [q])


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("one of the key benefits", "en"),
        ("the one that matters", "en"),
        ("One click below supports our mission", "en"),  # 'one' alone: article/pronoun
        ("a neutral home, five.", "en"),  # single word, no noun
        ("five and", "en"),
        ("un projet de classe, une entité plus saine", "fr"),
        ("l’un de ses créateurs", "fr"),
        ("le 12 sept. à Paris", "fr"),  # 'sept' without a noun
        ("quelques projets", "fr"),
    ],
)
def test_number_words_do_not_flood(text, lang):
    assert extract_quantities(text, lang, exclude=date_spans(text, lang)) == []


def test_article_number_word_after_qualifier():
    q = one("more than one project", "en")
    assert (q.value, q.qualifier, q.unit, q.text) == (1, "more_than", "project", "more than one")
    q = one("plus d’un projet", "fr")
    assert (q.value, q.qualifier, q.unit) == (1, "more_than", "projet")


def test_word_runs_split_when_not_one_number():
    qs = extract_quantities("cinq et six ans", "fr")
    assert [(q.value, q.unit) for q in qs] == [(6, "ans")]


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("vers onze ou douze ans", "fr", [("onze", 11.0, "ans"), ("douze", 12.0, "ans")]),
        ("cinq à six heures", "fr", [("cinq", 5.0, "heures"), ("six", 6.0, "heures")]),
        ("five to six hours", "en", [("five", 5.0, "hours"), ("six", 6.0, "hours")]),
        ("five or 6 hours", "en", [("five", 5.0, "hours"), ("6", 6.0, "hours")]),
        ("six or seven of them", "en", []),  # no counted noun after the second number
    ],
)
def test_a_lone_number_word_opening_a_range_takes_its_noun(text, lang, found):
    assert [(q.text, q.value, q.unit) for q in extract_quantities(text, lang)] == found


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("une cinquantaine de mètres", "fr", ("une cinquantaine", 50.0, "about", "mètres")),
        ("des milliers de manifestants", "fr", ("des milliers", 1000.0, "more_than", "manifestants")),
        ("environ une centaine de personnes", "fr", ("environ une centaine", 100.0, "about", "personnes")),
        ("hundreds of protesters", "en", ("hundreds", 100.0, "more_than", "protesters")),
        ("a dozen eggs", "en", ("a dozen", 12.0, "about", "eggs")),
        ("des centaines de milliers de personnes", "fr", ("des centaines de milliers", 100_000.0, "more_than",
                                                          "personnes")),
        ("hundreds of thousands of people", "en", ("hundreds of thousands", 100_000.0, "more_than", "people")),
        ("2 millions de personnes", "fr", ("2 millions", 2e6, None, "personnes")),
    ],
)
def test_approximate_numbers(text, lang, found):
    (q,) = extract_quantities(text, lang)
    assert (q.text, q.value, q.qualifier, q.unit) == found
    assert text[q.start : q.end] == q.text


def test_approximate_numbers_leave_counted_words_alone():
    assert [(q.text, q.value) for q in extract_quantities("deux milliers de personnes", "fr")] == [
        ("deux milliers", 2000.0)
    ]
    assert extract_quantities("une personne est venue", "fr") == []


def test_article_word_after_an_approximation_is_an_article():
    assert extract_quantities("Son corps est retrouvé près d'une route.", "fr") == []
    assert [(q.text, q.value) for q in extract_quantities("Plus d'un ouvrier est venu.", "fr")] == [("Plus d'un", 1.0)]


def test_spelled_values_ignore_context():
    assert spelled_values("singing in a choir by six, at one point", "en") == {6.0, 1.0}
    assert spelled_values("While both subspecies look alike", "en") == {2.0}
    assert spelled_values("Ils sont tous deux venus un jour", "fr") == {2.0, 1.0}
    assert spelled_values("la première place, the third time", "fr") == {1.0}  # ordinals of the text's language
    assert spelled_values("No number here, 12 in digits", "en") == frozenset()


# --------------------------------------------------------------------------
# years, codes, ordinals; date spans left out


def test_years_are_not_quantities():
    assert extract_quantities("Created back in 2016, it grew.", "en") == []
    assert extract_quantities("En 2016 PyTorch est né.", "fr") == []
    assert one("It has 2016 projects.", "en").value == 2016
    assert one("It has 2,016 projects.", "en").value == 2016
    assert one("about 2100 %", "en").kind == "percent"
    assert one("It has 1799 users.", "en").value == 1799
    assert extract_quantities("Ranked 1950.", "en") == []  # a bare year-like figure is a year


@pytest.mark.parametrize("text", ["5G networks", "the 1990s", "at 09:00 EDT", "covid-19", "C3 and x86", "1.13.1", "24/7"])
def test_codes_and_times_are_not_quantities(text):
    assert extract_quantities(text, "en") == []


def test_ordinals():
    q = one("its 5th anniversary", "en")
    assert (q.value, q.kind, q.unit, q.text) == (5, "ordinal", "anniversary", "5th")
    q = one("le 2e trimestre", "fr")
    assert (q.value, q.kind, q.unit) == (2, "ordinal", "trimestre")


def test_exclude_date_spans():
    text = "In a Sept. 12 post, on SEPTEMBER 12 2022, more than 2,400 contributors joined."
    spans = date_spans(text, "en")
    assert [text[s:e] for s, e in spans] == ["Sept. 12", "SEPTEMBER 12 2022"]
    qs = extract_quantities(text, "en", exclude=spans)
    assert [(q.value, q.qualifier) for q in qs] == [(2400, "more_than")]
    # without exclusion the day is a number like any other
    assert 12 in [q.value for q in extract_quantities(text, "en")]


def test_exclude_uses_offset_coordinates():
    sentence = "Le 12 septembre 2022, plus de 2 400 contributeurs."
    offset = 1000
    dates = extract_dates(sentence, "fr", dt.date(2022, 9, 20), offset=offset)
    qs = extract_quantities(sentence, "fr", offset=offset, exclude=[(d.start, d.end) for d in dates])
    assert [(q.value, q.start, q.end) for q in qs] == [(2400, offset + 22, offset + 35)]
    check_spans(sentence, qs, offset)


# --------------------------------------------------------------------------
# offsets in an article, unsupported language


def test_offsets_in_article():
    article = "Intro line.\nSince 2019, the club has signed up more than 2,400 members and 80 % of locals."
    start = article.index("Since")
    sentence = article[start:]
    qs = extract_quantities(sentence, "en", offset=start)
    assert [q.text for q in qs] == ["more than 2,400", "80 %"]
    for q in qs:
        assert article[q.start : q.end] == q.text


def test_unsupported_language():
    with pytest.raises(UnsupportedLanguageError):
        extract_quantities("12 Leute", "de")


# --------------------------------------------------------------------------
# parse_number / format_number


@pytest.mark.parametrize(
    ("s", "lang", "value"),
    [
        ("2,400", "en", 2400),
        ("2 400", "fr", 2400),
        (f"2{NBSP}400", "fr", 2400),
        (f"2{NNBSP}400", "fr", 2400),
        ("2,4", "fr", 2.4),
        ("1.5", "en", 1.5),
        ("1.5", "fr", 1.5),
        ("2,400", "fr", 2400),  # English-formatted figure in a French text
        ("150,000", "fr", 150000),
        ("2 400", "en", 2400),  # French-formatted figure in an English text
        ("2.400", "en", 2.4),
        ("0,500", "fr", 0.5),
        ("1234,567", "fr", 1234.567),
        ("1,234,567.5", "en", 1234567.5),
        ("1 234 567,5", "fr", 1234567.5),
        ("1.234.567", "fr", 1234567),
        ("4.6 thousand", "en", 4600),
        ("2,4 milliards", "fr", 2.4e9),
        ("-3.5", "en", -3.5),
        ("deux mille", "fr", 2000),
        ("deux mille quatre cents", "fr", 2400),
        ("two thousand", "en", 2000),
        ("five", "en", 5),
        ("cinq", "fr", 5),
        ("  42 ", "en", 42),
    ],
)
def test_parse_number(s, lang, value):
    assert parse_number(s, lang) == value


@pytest.mark.parametrize(("s", "lang"), [("", "en"), ("abc", "en"), ("2,40,0", "en"), ("1,234.5.6", "en"), ("five", "fr"), ("deux", "en"), ("12 apples", "en"), ("1 23", "fr")])
def test_parse_number_rejects_garbage(s, lang):
    with pytest.raises(ValueError):
        parse_number(s, lang)


def test_format_number():
    assert format_number(2400, "en") == "2,400"
    assert format_number(2400.0, "fr") == f"2{NNBSP}400"
    assert format_number(1234.56, "fr") == f"1{NNBSP}234,56"
    assert format_number(0.5, "en") == "0.5"


# --------------------------------------------------------------------------
# seed corpus (read from ../shared; skipped in a fresh clone)


def _seed(name: str) -> str:
    matches = sorted(CORPUS.glob(f"{name}_*.txt")) if CORPUS.is_dir() else []
    if not matches:
        pytest.skip(f"seed corpus not available at {CORPUS} (../shared is absent in a fresh clone)")
    return matches[0].read_text(encoding="utf-8")


def _seed_quantities(name: str, lang: str):
    text = _seed(name)
    qs = extract_quantities(text, lang, exclude=date_spans(text, lang))
    check_spans(text, qs)
    return {q.text: q for q in qs}


@pytest.mark.parametrize(
    ("name", "lang", "span", "value", "qualifier", "kind", "unit"),
    [
        ("000", "en", "more than 2,400", 2400, "more_than", "cardinal", "contributors"),
        ("000", "en", "more than 18,000", 18000, "more_than", "cardinal", "organizations"),
        ("000", "en", "more than 150,000", 150000, "more_than", "cardinal", "projects"),
        ("004", "fr", "plus de 2 400", 2400, "more_than", "cardinal", "contributeurs"),
        ("004", "fr", "près de 154 000", 154000, "nearly", "cardinal", "projets"),
        ("004", "fr", "plus de 80%", 80, "more_than", "percent", "%"),
        ("002", "en", "some 4.6 thousand", 4600, "about", "cardinal", "comments"),
        ("002", "en", "more than 20,000", 20000, "more_than", "cardinal", "reactions"),
        ("001", "en", "over 65,000", 65000, "more_than", "cardinal", "commits"),
        ("003", "en", "over 65,000", 65000, "more_than", "cardinal", "commits"),
        ("003", "en", "almost 4,000", 4000, "nearly", "cardinal", "users"),
    ],
)
def test_seed_quantities(name, lang, span, value, qualifier, kind, unit):
    q = _seed_quantities(name, lang)[span]
    assert (q.value, q.qualifier, q.kind, q.unit) == (value, qualifier, kind, unit)


def test_seed_years_and_dates_are_not_quantities():
    qs = _seed_quantities("000", "en").values()
    assert not any(q.value in (2016, 2022, 12) for q in qs)
    qs = _seed_quantities("004", "fr").values()
    assert sorted(q.value for q in qs) == [5, 80, 2400, 154000]


# --------------------------------------------------------------------------
# properties

TEMPLATES = {
    "en": ("{q} {n} projects", {"more than": "more_than", "about": "about", "nearly": "nearly", "at least": "at_least", "up to": "at_most", "less than": "less_than", "over": "more_than"}),
    "fr": ("{q} {n} projets", {"plus de": "more_than", "environ": "about", "près de": "nearly", "au moins": "at_least", "jusqu’à": "at_most", "moins de": "less_than"}),
}
values = st.one_of(st.integers(0, 10**9).map(float), st.integers(0, 10**9).map(lambda n: n / 100))


@settings(max_examples=150, deadline=None)
@given(value=values, lang=st.sampled_from(["en", "fr"]), data=st.data())
def test_format_parse_round_trip_and_template(value, lang, data):
    s = format_number(value, lang)
    assert parse_number(s, lang) == value
    template, qualifiers = TEMPLATES[lang]
    phrase = data.draw(st.sampled_from(sorted(qualifiers)))
    sentence = template.format(q=phrase, n=s)
    q = one(sentence, lang)
    assert (q.value, q.qualifier, q.kind) == (value, qualifiers[phrase], "cardinal")
    assert q.text == f"{phrase} {s}"


FRAGMENTS = [
    "more than", "plus de", "près de", "about", "some", "2,400", "2 400", f"2{NBSP}400", f"2{NNBSP}400", "2,4",
    "4.6", "thousand", "milliards", "80%", "80 %", "pour cent", "percent", "$", "€", "d’euros", "deux mille",
    "quatre cents", "five", "cinq", "un", "one", "et", "and", "projects", "projets", "of", "de", "2016", "Sept.",
    "12", "septembre", "dernier", "SEPTEMBER", "2022-09-12", "12/09/2022", "5th", "1er", "-", "−", ",", ".", ":",
    "/", "(", ")", "’", "'", "in", "en", "last", "year", "il y a", "deux", "semaines", "ago", "x86", "1.13.1", "09:00",
]
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=25).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", "", NBSP, NNBSP, "\n"]), min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps))
    )
)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(texts, st.text(max_size=80)), lang=st.sampled_from(["en", "fr"]), offset=st.integers(0, 10**6))
def test_offsets_slice_back_and_determinism(text, lang, offset):
    spans = date_spans(text, lang, offset=offset)
    qs = extract_quantities(text, lang, offset=offset, exclude=spans)
    check_spans(text, qs, offset)
    last = offset
    for q in qs:
        assert last <= q.start < q.end
        last = q.end
        assert not any(s < q.end and q.start < e for s, e in spans), (q, spans)
    assert extract_quantities(text, lang, offset=offset, exclude=spans) == qs


# --------------------------------------------------------------------------
# CLDR forms: compact money, currency symbols and codes, grouping separators


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("Le club a levé 12 M$ cette année.", "fr", 12e6, "USD"),
        ("La dette atteint 3,2 Md€.", "fr", 3.2e9, "EUR"),
        ("Le budget passe à 1,5 G$.", "fr", 1.5e9, "USD"),  # fr_CA's "G"
        ("Le prix est de 20 k€.", "fr", 20e3, "EUR"),
        ("Le contrat vaut 10 M$CA.", "fr", 10e6, "CAD"),
        ("La saisie vaut 1,5 M£.", "fr", 1.5e6, "GBP"),
        ("The plan costs CAD 43.8 million.", "en", 43.8e6, "CAD"),
        ("The bank lent EUR 2.5bn.", "en", 2.5e9, "EUR"),
        ("They raised CA$5 billion.", "en", 5e9, "CAD"),
        ("They pledged $700-billion.", "en", 700e9, "USD"),
        ("Sales hit $15L.", "en", 15e5, "USD"),  # en_IN's lakh, after a currency symbol
    ],
)
def test_cldr_compact_money(text, lang, value, unit):
    q = one(text, lang)
    assert (q.value, q.unit, q.kind) == (pytest.approx(value), unit, "money")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le mur fait 5 M de haut.", "fr"),  # a compact abbreviation alone, no currency: not a scale
        ("Il court le 5 T.", "fr"),
        ("The TOP 10 list.", "en"),  # not a currency code that both locales name
    ],
)
def test_cldr_abbreviations_need_a_currency(text, lang):
    assert [q.kind for q in extract_quantities(text, lang)] in ([], ["cardinal"])
    assert all(q.value < 100 for q in extract_quantities(text, lang))


@settings(max_examples=40, deadline=None)
@given(
    data=st.data(),
    value=st.sampled_from([45_000, 1_500_000, 12_000_000, 3_200_000_000, 700_000_000_000]),
    currency=st.sampled_from(["EUR", "USD", "CAD", "GBP"]),
)
def test_babel_compact_currency_reads_back(data, value, currency):
    from babel.numbers import format_compact_currency

    locale, lang = data.draw(st.sampled_from([("fr_FR", "fr"), ("fr_CA", "fr"), ("fr_BE", "fr"), ("en_US", "en"),
                                              ("en_GB", "en"), ("en_CA", "en"), ("en_IN", "en")]))
    written = format_compact_currency(value, currency, locale=locale, fraction_digits=1)
    frame = "Le total est de {} cette année." if lang == "fr" else "The total is {} this year."
    q = one(frame.format(written), lang)
    assert q.kind == "money" and q.value == pytest.approx(value, rel=0.05), written


@pytest.mark.parametrize(
    ("s", "lang", "value"),
    [
        ("3.500", "fr", 3500),  # "." groups in a CLDR French locale (fr_LU); French decimals take ","
        ("3.500", "en", 3.5),  # "." is the English decimal mark
        ("3.5", "fr", 3.5),
        ("1.234,5", "fr", 1234.5),
    ],
)
def test_dot_grouping(s, lang, value):
    assert parse_number(s, lang) == value


def test_readings_of_an_ambiguous_separator():
    from claimtrack.extract.quantities import readings

    assert readings(one("La ville compte 3.500 habitants.", "fr"), "fr") == {3500.0, 3.5}
    assert readings(one("It weighs 2.125 million tonnes.", "en"), "en") == {2.125e6, 2.125e9}
    assert readings(one("It has 2,4 members.", "en"), "en") == {2.4}
    assert readings(one("It has 12,500,000 members.", "en"), "en") == {12.5e6}


@pytest.mark.parametrize(
    ("text", "lang", "qualifier"),
    [
        ("70 personnes environ sont sorties.", "fr", "about"),
        ("Quatre blessés légers au moins sont à déplorer.", "fr", "at_least"),
        ("They drove a hundred metres or so.", "en", "about"),
        ("Four people at least were hurt.", "en", "at_least"),
        ("70 personnes sont sorties.", "fr", None),
    ],
)
def test_qualifier_after_the_counted_noun(text, lang, qualifier):
    assert one(text, lang).qualifier == qualifier


def test_number_words_in_compounds_and_after_figures():
    assert 10.0 in spelled_values("a ten-year period", "en")
    assert 21.0 in spelled_values("a twenty-one-year-old man", "en")
    assert [q.value for q in extract_quantities("Le contrat a perdu 39 cents jeudi.", "fr")] == [39.0]


@pytest.mark.parametrize(("text", "lang", "codes", "values"), [
    ("Call 08 11 00 06 95 now.", "en", ["08 11 00 06 95"], []),
    ("Appelez le 08.11.00.06.95 ou le +33 1 23 45 67 89.", "fr", ["08.11.00.06.95", "+33 1 23 45 67 89"], []),
    ("Ref 2013-44-118-07 filed.", "en", ["2013-44-118-07"], []),
    # groups of three are one grouped figure, not a code
    ("Le budget est de 1 234 567 890 euros.", "fr", [], [1234567890.0]),
])
def test_codes_are_no_quantities(text, lang, codes, values):
    assert [text[s:e] for s, e in code_spans(text)] == codes
    assert [q.value for q in extract_quantities(text, lang)] == values


@given(st.lists(st.integers(0, 99), min_size=4, max_size=6), st.sampled_from([" ", ".", "-"]))
def test_a_telephone_number_is_one_code(groups, sep):
    number = sep.join(f"{g:02d}" for g in groups)
    text = f"Call {number} today."
    assert [text[s:e] for s, e in code_spans(text)] == [number]
    assert extract_quantities(text, "en") == []
