"""The negation check: a negation on one side only, counted not worded."""

from __future__ import annotations

import pytest

from claimtrack.drift import diff

from .helpers import check_spans, fast, types


# --- a negation on one side, the same negation on both --------------------------------------------

@pytest.mark.parametrize(
    "a,b,la,lb",
    [
        ("The merger will require changes to the timetable.", "The merger will not require changes to the timetable.", "en", "en"),
        ("They don't offer food.", "They offer food.", "en", "en"),
        ("La fusion exigera des modifications de l’horaire.", "La fusion n’exigera aucune modification de l’horaire.", "fr", "fr"),
    ],
)
def test_negation_one_side(a, b, la, lb):
    d = fast(a, b, la, lb)
    assert "negation" in types(d)
    check_spans(d)


def test_negation_equivalents_en_fr(use):
    d = diff("The merger will not require any changes to the timetable.",
             "La fusion n’exigera aucune modification de l’horaire.", "en", "fr", embedder=use)
    assert "negation" not in types(d)
    d = diff("La fusion n’exigera aucune modification de l’horaire.",
             "The merger will require changes to the timetable.", "fr", "en", embedder=use)
    assert "negation" in types(d)
    assert "negation" not in types(fast("Not only Meta but Google joined.", "Meta and Google joined."))


@pytest.mark.parametrize(
    ("en", "fr"),
    [
        ("The city will never again be cut in two.", "La ville ne sera plus jamais coupée en deux."),
        ("He never said anything.", "Il n’a jamais rien dit."),
        ("No one will ever come back.", "Personne ne reviendra plus jamais."),
        ("Nothing has changed.", "Rien n’a changé."),
        ("Since 2000, nothing.", "Depuis l’an 2000, rien."),  # a verbless "rien" is "nothing"
        ("Nothing new here.", "Rien de neuf ici."),
    ],
)
def test_a_chain_of_french_negation_words_is_one_negation(en, fr):
    assert "negation" not in types(fast(en, fr, "en", "fr", checks=["negation"]))
    positive = en.replace("never again ", "").replace("never ", "").replace("No one", "Everyone").replace(
        "Nothing has", "Everything has").replace("nothing", "everything").replace("Nothing new", "Everything new")
    assert "negation" in types(fast(positive, fr, "en", "fr", checks=["negation"]))


# --- words that are not negations -----------------------------------------------------------------

def test_rank_and_failure_are_read_right():
    assert "negation" not in types(fast("The single reached No. 1 in Thailand.", "The single reached No. 1 there."))
    rank = fast("The second single reached No. 1 in Thailand.",
                "Le second single atteint la première place en Thaïlande.", "en", "fr", checks=["number", "entity"])
    assert rank.drift == ()  # "No." is not a name, "première" states the 1
    d = fast("After failing to convince her, they return home.",
             "Après avoir échoué à la convaincre, ils rentrent.", "en", "fr", checks=["negation"])
    assert d.drift == ()
    d = fast("By fixing forever on paper what had varied.", "En fixant à jamais sur papier ce qui variait.",
             "en", "fr", checks=["negation"])
    assert d.drift == ()
    d = fast("The castle was built in the fifteenth century.", "Le château fut construit au XVe siècle.",
             "en", "fr", checks=["number"])
    assert d.drift == ()
    d = fast("Nobles were appointed regardless of experience.", "Des nobles étaient nommés sans égard pour leur "
             "expérience.", "en", "fr", checks=["negation"])
    assert d.drift == ()


def test_negation_words_inside_names_and_titles_are_not_negations():
    from claimtrack.drift.checks.negation import negation_markers

    def words(text, lang="en"):
        return [text[a:b] for a, b in negation_markers(text, lang)]

    assert words("They have played in Faith No More since 1983.") == []
    assert words('His single "You Can\'t Get In My Head" sold well.') == []
    assert words("No one came, and he did NOT go.") == ["No one", "NOT"]
    assert words("He said: No, it is not.") == ["No", "not"]
    assert words("« Non, jamais », a-t-il dit.", "fr") == ["Non", "jamais"]
