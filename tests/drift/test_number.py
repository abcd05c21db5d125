"""The number check: figures changed or one-sided, compared by value whatever
their form (digits, words, times, decades, ranges, Roman ordinals).

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

import pytest

from claimtrack.drift import diff

from .helpers import check_spans, fast, types


# --- quantities: changed, one-sided, written another way ------------------------------------------

def test_number_changed_and_one_sided():
    d = fast("The project has 2,400 contributors and 150 maintainers.", "The project has 2,500 contributors.")
    nums = [(f.source_value, f.target_value) for f in d.candidates if f.type == "number"]
    assert ("2,400", "2,500") in nums and ("150", None) in nums
    check_spans(d)


def test_number_fr_fr_words_equal_figures():
    assert "number" not in types(fast("Il y a deux mille quatre cents projets.", "Il y a 2 400 projets.", "fr", "fr"))


def test_approximate_numbers_compare_as_figures():
    same = fast("The rock rises about fifty metres above the city.",
                "Le rocher domine la cité d'une cinquantaine de mètres.", "en", "fr", checks=["number", "qualifier"])
    assert same.candidates == ()
    bound = fast("The rock rises fifty metres above the city.",
                 "Le rocher domine la cité d'une cinquantaine de mètres.", "en", "fr", checks=["number", "qualifier"])
    assert [(f.type, f.source_value, f.target_value) for f in bound.candidates] == [("qualifier", "none", "about")]
    crowd = fast("Hundreds of protesters marched.", "Des milliers de manifestants ont défilé.", "en", "fr",
                 checks=["number"])
    assert [(f.type, f.source_value, f.target_value) for f in crowd.candidates] == [("number", "100", "1,000")]


def test_a_figure_the_other_side_spells_without_a_noun_is_not_missing():
    en = "He was singing in a choir by six and at 11 or 12 he had memorized the songs."
    fr = "Il chante dans un chœur dès ses six ans et vers onze ou douze ans, il a mémorisé les chansons."
    assert fast(en, fr, "en", "fr", checks=["number"]).candidates == ()
    en = "While both subspecies look alike, the female is paler."
    fr = "Les deux sous-espèces se ressemblent, mais la femelle est plus pâle."
    assert fast(en, fr, "en", "fr", checks=["number"]).candidates == ()
    # a figure really missing is still found
    assert "number" in types(fast("The 12 subspecies look alike.", "Les sous-espèces se ressemblent.", "en", "fr",
                                  checks=["number"]))


# --- figures outside quantities: times, decades, ranges, ordinals ---------------------------------

@pytest.mark.parametrize(
    ("fr", "en", "expected"),
    [
        ("Pendant les années 1980, il a travaillé sur des spectacles.", "During the 1960s he worked on shows.",
         [("number", "1980", "1960")]),
        ("Les pompiers ont éteint le feu à 23h35.", "The crews put the fire out by 11:45 pm.",
         [("number", "23h35", "11:45 pm")]),
        ("Le travail prend 3-4 heures.", "The work takes 3-5 hours.", [("number", "4", "5")]),
        ("Il a culminé au XIVe siècle.", "It peaked in the 15th century.", [("number", "XIVe", "15")]),
    ],
)
def test_figures_outside_quantities_are_compared(fr, en, expected):
    d = diff(fr, en, "fr", "en", checks=["number"])
    assert [(f.type, f.source_value, f.target_value) for f in d.candidates] == expected


@pytest.mark.parametrize(
    ("fr", "en"),
    [
        ("Le programme a commencé à 20h30 heure locale (15h00 UTC).", "The program started at 8:30 p.m. local time (15.00 UTC)."),
        ("Les pompiers ont éteint le feu à 23h35.", "The crews put the fire out by 11:35 pm."),
        ("Il a culminé entre le Xe–XIe siècle et le XIVe siècle.", "It peaked between the 10th-11th centuries and the 14th century."),
        ("Il a 5 ans.", "He is five."),
        ("Le Ce Ve livre.", "The book."),
    ],
)
def test_same_figures_in_other_forms_are_not_drift(fr, en):
    d = diff(fr, en, "fr", "en", checks=["number", "entity"])
    assert d.candidates == ()


# --- forms that are equal after normalisation -------------------------------------------------------

@pytest.mark.parametrize(
    ("en", "fr"),
    [
        ("The fee brings in $50 million a year.", "Les frais rapportent 50 M$ par an."),
        ("Police seized drugs worth £1.5million.", "La police a saisi de la drogue pour 1,5 M£."),
        ("Orders worth at least $700-billion are at stake.", "Des commandes d'au moins 700 Md$ sont en jeu."),
        ("The profit was CAD 43.8 million.", "Le bénéfice a été de 43,8 millions de dollars."),
        ("The cost is 1,360 million.", "Le coût est de 1,36 milliard."),
        ("The town has 3,500 inhabitants.", "La ville compte 3.500 habitants."),
        ("Land costs $4-5 million.", "Les terrains coûtent 4 à 5 millions $."),
        ("The fire started in a three-storey house.", "Le feu a pris dans une maison de trois étages."),
        ("It reached the ten-year mark.", "Il a atteint le cap des 10 ans."),
        ("The crash happened at 3 pm.", "L'accident a eu lieu à 15 heures."),
        ("The bomb went off after 11pm.", "La bombe a explosé après 23 h."),
        ("The coin lost 39 cents on Monday.", "La pièce a perdu 39 cents lundi."),
        # a decade in its short form
        ("In the 1980s, he sold bonds.", "Dans les années 80, il vendait des obligations."),
        # a telephone number, whatever separates its digits
        ("Call them on 08 11 00 06 95 from Monday.", "Appelez le 08.11.00.06.95 à partir de lundi."),
        # days joined to one month
        ("It comes out in two parts (on January 1st and 8th).", "Il sort en deux volets (les 1er et 8 janvier)."),
    ],
)
def test_equal_values_in_other_forms_are_no_finding(en, fr):
    assert types(fast(en, fr, "en", "fr", checks=["number"])) == []


@pytest.mark.parametrize(
    ("en", "fr"),
    [
        ("The fee brings in $40 million a year.", "Les frais rapportent 50 M$ par an."),
        ("The town has 4,500 inhabitants.", "La ville compte 3.500 habitants."),
        ("The crash happened at 3 pm.", "L'accident a eu lieu à 16 heures."),
        ("Call them on 08 11 00 06 95 from Monday.", "Appelez le 08.11.00.06.96 à partir de lundi."),
    ],
)
def test_changed_values_in_other_forms_are_found(en, fr):
    assert types(fast(en, fr, "en", "fr", checks=["number"])) == ["number"]


def test_another_decade_is_found():
    assert set(types(fast("In the 1980s, he sold bonds.", "Dans les années 70, il vendait des obligations.",
                          "en", "fr", checks=["number"]))) == {"number"}


# --- measures converted or rounded for the reader ----------------------------------------------------

@pytest.mark.parametrize(("en", "fr"), [
    ("The police seized 220 pounds of heroin.", "La police a saisi 100 kg d'héroïne."),
    ("The trail runs for 12 miles along the river.", "Le sentier longe la rivière sur 19 kilomètres."),
    ("The wall is 10 feet high.", "Le mur fait 3 mètres de haut."),
    ("It was 95 degrees Fahrenheit in the shade.", "Il faisait 35 degrés à l'ombre."),
    ("The farm covers 500 acres.", "La ferme couvre 202 hectares."),
    ("The new screen measures 12 inches (30 cm).", "Le nouvel écran mesure 12 pouces (30,48 cm)."),
    ("It can carry 2.2 trillion cubic feet of gas.", "Il peut transporter 63 milliards de mètres cubes de gaz."),
    ("The talks lasted 48 hours.", "Les négociations ont duré 2 jours."),
])
def test_a_measure_converted_or_rounded_is_no_number_drift(en, fr):
    assert "number" not in types(fast(en, fr, "en", "fr", checks=["number"]))


@pytest.mark.parametrize(("en", "fr", "pair"), [
    ("The police seized 220 pounds of heroin.", "La police a saisi 150 kg d'héroïne.", ("220", "150")),
    ("The company has 154,000 customers.", "L'entreprise compte 150 000 clients.", ("154,000", "150,000")),
])
def test_a_measure_that_does_not_convert_is_still_number_drift(en, fr, pair):
    d = fast(en, fr, "en", "fr", checks=["number"])
    got = [(f.source_value, f.target_value) for f in d.candidates if f.type == "number"]
    assert got and (pair in got or pair[0] in {g[0] for g in got})
