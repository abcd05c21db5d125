"""Figures too large for a float and dates off the calendar: a result or a typed
error, never ``inf``, ``OverflowError`` or ``ValueError`` from deep inside."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.extract.dates import extract_dates
from claimtrack.extract.quantities import MAX_FIGURE
from claimtrack.errors import InputError


@pytest.mark.parametrize("lang, text", [
    ("en", "The agency counted {n} grains of sand and 12 shells."),
    ("fr", "L'agence a compté {n} grains de sable et 12 coquillages."),
])
@pytest.mark.parametrize("n", ["9" * 400, "9" * 309, "1" + "0" * 301, "9" * 4301, "9" * 295 + " {scale}"])
def test_figure_beyond_the_range_is_no_quantity_and_the_text_is_kept(lang: str, text: str, n: str) -> None:
    n = n.format(scale="billion" if lang == "en" else "milliards")  # in range until scaled
    body = text.format(n=n)
    article = ct.read_article(body, lang=lang)
    (claim,) = ct.extract_claims(article)
    assert n in claim.text
    assert [q.value for q in claim.quantities] == [12.0]
    assert ct.Claim.model_validate_json(claim.model_dump_json()) == claim


def test_largest_figure_in_range_is_kept() -> None:
    (q,) = ct.extract_quantities("They counted 1" + "0" * 299 + " stars.", "en")
    assert q.value == 1e299 and math.isfinite(q.value)


@pytest.mark.parametrize("s", ["9" * 400, "1" + "0" * 301, "-" + "9" * 400])
def test_parse_number_out_of_range_is_a_typed_error(s: str) -> None:
    with pytest.raises(InputError, match="out of range"):
        ct.parse_number(s, "en")
    assert MAX_FIGURE == 1e300


@settings(max_examples=60, deadline=None)
@given(digits=st.integers(1, 700), lang=st.sampled_from(["en", "fr"]))
def test_every_extracted_value_is_finite_and_round_trips(digits: int, lang: str) -> None:
    for q in ct.extract_quantities(f"Il y a {'7' * digits} personnes et 3 chiens." if lang == "fr"
                                   else f"There are {'7' * digits} people and 3 dogs.", lang):
        assert math.isfinite(q.value) and abs(q.value) <= MAX_FIGURE
        assert ct.Quantity.model_validate_json(q.model_dump_json()) == q


# ----------------------------------------------------------------------------- dates at the ends of the calendar

RELATIVE = {
    "en": "Yesterday, tomorrow, last year, next year, last month, next month, three weeks ago, last September, "
          "next March, on 12 March, in January, two days ago, last week, a decade ago.",
    "fr": "Hier, demain, l'an dernier, l'an prochain, le mois dernier, le mois prochain, il y a trois semaines, "
          "en septembre dernier, en mars prochain, le 12 mars, en janvier, avant-hier, après-demain, il y a dix ans.",
}
ENDS = [dt.date(1, 1, 1), dt.date(1, 1, 2), dt.date(1, 2, 1), dt.date(9999, 12, 31), dt.date(9999, 12, 1),
        dt.date(9999, 1, 1)]


@pytest.mark.parametrize("published", ENDS, ids=str)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_relative_dates_at_the_calendar_ends_resolve_or_give_none(published: dt.date, lang: str) -> None:
    found = extract_dates(RELATIVE[lang], lang, published)
    assert len(found) >= 10
    for d in found:
        assert d.value is None or dt.date.min <= d.value <= dt.date.max
    values = {d.text.lower(): d.value for d in found}
    yesterday = values["yesterday" if lang == "en" else "hier"]
    next_year = values["next year" if lang == "en" else "l'an prochain"]
    if published == dt.date(1, 1, 1):
        assert yesterday is None and next_year == dt.date(2, 1, 1)
    if published == dt.date(9999, 12, 31):
        assert yesterday == dt.date(9999, 12, 30) and next_year is None


@pytest.mark.parametrize("published", ["0001-01-01T00:00:00Z", "0001-01-01", "9999-12-31", "9999-12-31T23:59:59-05:00"])
@pytest.mark.parametrize("text", ["The minister said yesterday that taxes would rise next year.",
                                  "Le ministre a déclaré hier que les impôts augmenteront l'an prochain."])
def test_articles_published_at_the_calendar_ends_give_claims(published: str, text: str) -> None:
    claims = ct.extract_claims(ct.read_article(text, published=published))
    dates = [d for c in claims for d in c.dates]
    assert len(dates) == 2 and any(d.value is None for d in dates)
    for c in claims:
        assert ct.Claim.model_validate_json(c.model_dump_json()) == c


@settings(max_examples=80, deadline=None)
@given(published=st.dates(), lang=st.sampled_from(["en", "fr"]))
def test_relative_dates_never_raise(published: dt.date, lang: str) -> None:
    for d in extract_dates(RELATIVE[lang], lang, published):
        assert d.value is None or isinstance(d.value, dt.date)


# ----------------------------------------------------------------------------- languages outside the supported set


@pytest.mark.parametrize("call", [ct.segment, ct.find_furniture, ct.extract_claims])
def test_unsupported_language_is_a_typed_error_not_a_validation_error(call: object) -> None:
    article = ct.read_article("Der Bürgermeister sagte, dass die Brücke im Winter geschlossen wird.", lang="de")
    with pytest.raises(ct.UnsupportedLanguageError):
        call(article)  # type: ignore[operator]
