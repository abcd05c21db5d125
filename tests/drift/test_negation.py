"""The negation check: a negation on one side only, counted not worded.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

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
    assert rank.candidates == ()  # "No." is not a name, "première" states the 1
    d = fast("After failing to convince her, they return home.",
             "Après avoir échoué à la convaincre, ils rentrent.", "en", "fr", checks=["negation"])
    assert d.candidates == ()
    d = fast("By fixing forever on paper what had varied.", "En fixant à jamais sur papier ce qui variait.",
             "en", "fr", checks=["negation"])
    assert d.candidates == ()
    d = fast("The castle was built in the fifteenth century.", "Le château fut construit au XVe siècle.",
             "en", "fr", checks=["number"])
    assert d.candidates == ()
    d = fast("Nobles were appointed regardless of experience.", "Des nobles étaient nommés sans égard pour leur "
             "expérience.", "en", "fr", checks=["negation"])
    assert d.candidates == ()


def test_negation_words_inside_names_and_titles_are_not_negations():
    from claimtrack.drift.checks.negation import negation_markers

    def words(text, lang="en"):
        return [text[a:b] for a, b in negation_markers(text, lang)]

    assert words("They have played in Faith No More since 1983.") == []
    assert words('His single "You Can\'t Get In My Head" sold well.') == []
    assert words("No one came, and he did NOT go.") == ["No one", "NOT"]
    assert words("He said: No, it is not.") == ["No", "not"]
    assert words("« Non, jamais », a-t-il dit.", "fr") == ["Non", "jamais"]


# --- negation read from its structure -------------------------------------------------------------

def _neg(en: str, fr: str) -> list[tuple[str | None, str | None]]:
    d = fast(en, fr, "en", "fr", checks=["negation"])
    return [(f.source_value, f.target_value) for f in d.candidates]


@pytest.mark.parametrize(
    ("en", "fr"),
    [
        # restrictive "ne ... que" / "ne ... plus que" is "only", and "not ... until" states the same restriction
        ("The bridge will not reopen until March.", "Le pont ne rouvrira qu'en mars."),
        ("Only two seats are left.", "Il ne reste plus que deux places."),
        ("The vote will wait until the report is published.", "Le vote attendra tant que le rapport n'est pas publié."),
        ("The line will open only in 2031.", "La ligne n'ouvrira pas avant 2031."),
        # "ni" inside the scope of the negation before it
        ("She left without her keys or her phone.", "Elle est partie sans ses clés ni son téléphone."),
        ("The law has no effect on the budget or on the staff.",
         "La loi n'a aucun effet sur le budget ni sur le personnel."),
        # lexical negations: a prefix or a privative on one side, an affix or a negation on the other
        ("The jury found him not guilty.", "Le jury l'a déclaré non coupable."),
        ("The two climbers were found tired but unhurt.", "Les deux alpinistes ont été retrouvés fatigués mais non blessés."),
        ("The drought is unprecedented.", "La sécheresse est sans précédent."),
        ("Thousands of homes were left without electricity.", "Des milliers de foyers ont été privés de courant."),
        # a noun, a litotes, a superlative's "ever"
        ("The school is a short walk from the river.", "L'école est à deux pas de la rivière."),
        ("Not long ago, the mill closed.", "Il y a peu, le moulin a fermé."),
        ("It is the tallest tower ever built here.", "C'est la tour la plus haute jamais construite ici."),
        # a negated "exceed" before a figure is its bound, stated as a bound of the same class on the other side
        ("Vans have a weight of up to 3.5 tonnes.", "Les camionnettes ont un poids qui n'excède pas 3,5 tonnes."),
        ("Emissions may not exceed 93.6 grams.", "Les émissions sont de 93,6 grammes au plus."),
        ("Emissions must be at most 93.6 grams.", "Les émissions ne doivent pas dépasser 93,6 grammes."),
        # a negated focus word adds; a litotes affirms
        ("The minister is not only head of the department.", "La ministre n'est plus uniquement cheffe du département."),
        ("Please feel free to contact us.", "N'hésitez pas à nous contacter."),
    ],
)
def test_structure_that_is_no_reversal(en, fr):
    assert _neg(en, fr) == []


@pytest.mark.parametrize(
    ("en", "fr", "expected"),
    [
        # "ne ... pas que" + clause is a negation; "ne ... que" does not hide a real one elsewhere
        ("He thinks that the plan works.", "Il ne pense pas que le plan fonctionne.", [(None, "ne pense pas")]),
        ("The bridge will reopen in March.", "Le pont ne rouvrira pas en mars.", [(None, "ne rouvrira pas")]),
        # a limit negation needs a restriction on the other side
        ("The bridge will not reopen until March.", "Le pont rouvrira en mars.", [("not", None)]),
        # "ni" opening a sentence is a negation of its own; the second one continues it
        ("He and she came.", "Ni lui ni elle ne sont venus.", [(None, "Ni")]),
        # a lexical negation is never reported alone, but a sentential "sans" + infinitive is
        ("The box was opened.", "La boîte non ouverte.", []),
        ("He left and said it.", "Il est parti sans le dire.", [(None, "sans")]),
        ("The rabies is fatal if treated late.", "La rage est mortelle si elle n'est pas traitée à temps.",
         [(None, "n'est pas")]),
        ("Rabies is fatal if not treated in time.", "La rage est mortelle si elle est traitée à temps.", [("not", None)]),
        # a negated "exceed" against a figure stated without the same bound stays a reversal
        ("The load does not exceed 3.5 tonnes.", "La charge dépasse 3,5 tonnes.", [("not", None)]),
        ("The load exceeds 3.5 tonnes.", "La charge n'excède pas 3,5 tonnes.", [(None, "n'excède pas")]),
    ],
)
def test_structure_that_still_reverses(en, fr, expected):
    assert _neg(en, fr) == expected


def test_polarity_markers_kinds():
    from claimtrack.drift.checks.negation import polarity_markers, restrictions

    def kinds(text, lang):
        return [(text[m.start : m.end], m.kind) for m in polarity_markers(text, lang)]

    assert kinds("Les non résidents ne paient pas.", "fr") == [("non résidents", "lexical"), ("ne paient pas", "negation")]
    assert kinds("It was not sold until May, nor was it shown.", "en") == [("not", "limit")]
    text = "Il n'en reste plus que deux, seulement."
    assert [text[a:b] for a, b in restrictions(text, "fr")] == ["n'en reste plus que", "seulement"]


@pytest.mark.parametrize(("en", "fr"), [
    ("The decision does not concern him at all.", "La décision ne le concerne aucunement."),
    ("No one knows where he is.", "Nul ne sait où il se trouve."),
    ("The file was nowhere to be found.", "Le dossier n'était nulle part."),
])
def test_the_other_negative_words_of_french_grammar(en, fr):
    assert "negation" not in types(fast(en, fr, "en", "fr", checks=["negation"]))
    positive = en.replace("does not concern", "concerns").replace("No one knows", "Everyone knows")
    if positive != en:
        assert "negation" in types(fast(positive, fr, "en", "fr", checks=["negation"]))


@pytest.mark.parametrize(
    ("a", "b", "la", "lb", "expected"),
    [
        # a negative prefix on the other side renders the negation when the rest translates the negated word
        ("The cause of the blast was not known.", "La cause de l'explosion reste inconnue.", "en", "fr", []),
        ("The tool is not useful for editors.", "L'outil est inutile pour les rédacteurs.", "en", "fr", []),
        ("Les résultats ne sont pas connus.", "The results are unknown.", "fr", "en", []),
        # ... and not when nothing on the other side is the negated word with a prefix
        ("The tool is not useful for editors.", "L'outil est utile pour les rédacteurs.", "en", "fr", [("not", None)]),
        ("The tool is not useful for editors.", "L'outil est utile et inconnu.", "en", "fr", [("not", None)]),
    ],
)
def test_a_negation_rendered_by_a_negative_prefix(use, a, b, la, lb, expected):
    d = diff(a, b, la, lb, embedder=use, checks=["negation"], min_confidence=0.0)
    assert [(f.source_value, f.target_value) for f in d.candidates] == expected
