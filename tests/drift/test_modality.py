"""The modality check: modal force changed, hedges dropped or added.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

from claimtrack.drift import diff

import pytest

from .helpers import fast, types


# --- modality -------------------------------------------------------------------------------------

def test_modality():
    d = fast("Meta will reach 2,400 contributors.", "Meta could reach 2,400 contributors.")
    assert [(f.type, f.source_value, f.target_value) for f in d.candidates] == [("modality", "will", "could")]
    assert types(fast("Meta will reach 2,400 contributors in May.", "Meta reaches 2,400 contributors in May.")) == []


def test_modality_fr_en(use):
    d = diff("Meta va atteindre 2 400 contributeurs.", "Meta could reach 2,400 contributors.", "fr", "en", embedder=use)
    assert "modality" in types(d)


# --- French conditionals from their inflection, readings across languages --------------------------

def _modality(en: str, fr: str) -> list[tuple[str | None, str | None]]:
    d = fast(en, fr, "en", "fr", checks=["modality"])
    return [(f.source_value, f.target_value) for f in d.candidates]


def test_imperfects_are_no_conditionals():
    from types import SimpleNamespace

    from claimtrack import lang
    from claimtrack.drift.checks.modality import modal_markers

    def classes(text: str) -> list[str]:
        side = SimpleNamespace(text=text, lang="fr", data=lang.get("fr"))
        return [c for _, _, c in modal_markers(side)]  # type: ignore[arg-type]

    for imperfect in ("Ils pensaient partir.", "Il déclarait la guerre.", "Elles montraient la voie.",
                      "Il espérait gagner.", "Ils ouvraient la porte.", "Il assurait la garde.", "Il retirait tout.",
                      "Un extrait du portrait.", "Il livrait du pain."):
        assert classes(imperfect) == [], imperfect
    for conditional in ("Il penserait partir.", "Il finirait tôt.", "Il prendrait le train.", "Il mettrait fin.",
                        "Il connaîtrait la ville.", "Il verrait bien.", "Il vivrait ici.", "Il sortirait."):
        assert classes(conditional) == ["conditional"], conditional
    assert classes("Il aurait dû partir.") == ["obligation"]
    assert classes("Ils auraient très bien pu partir.") == ["possibility"]


@pytest.mark.parametrize(
    ("en", "fr"),
    [
        ("The firm said it will raise prices.", "L'entreprise a déclaré qu'elle augmenterait ses prix."),
        ("Anyone who may have touched the dog must call.", "Les personnes qui auraient touché le chien doivent appeler."),
        ("The works will resume in spring.", "Les travaux devraient reprendre au printemps."),
        ("He should have been warned.", "Il aurait dû être prévenu."),
        ("They could have stopped the car.", "Ils auraient pu arrêter la voiture."),
        ("Users will be able to read books.", "Les usagers pourront lire des livres."),
    ],
)
def test_renderings_across_languages_are_no_finding(en, fr):
    assert _modality(en, fr) == []


@pytest.mark.parametrize(
    ("en", "fr", "expected"),
    [
        ("The firm will raise prices.", "L'entreprise doit augmenter ses prix.", [("will", "doit")]),
        ("They could have stopped the car.", "Ils auraient dû arrêter la voiture.", [("could", "auraient dû")]),
    ],
)
def test_changed_modality_across_languages(en, fr, expected):
    assert _modality(en, fr) == expected


def test_readings_are_not_used_within_one_language():
    # "would" may render a future in another language, not within English
    assert types(fast("The firm will raise prices.", "The firm would raise prices.")) == ["modality"]
