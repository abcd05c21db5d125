"""The entity check: names added, dropped, replaced or generalised; translated,
re-spelled or lower-cased names are the same name.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

import pytest

from claimtrack.drift import diff

from .helpers import check_spans, fast, types


# --- generalised, replaced, added, dropped; translated names are none of these --------------------

def test_entity_generalisation_vs_replacement():
    d = fast("Representatives from Google Cloud and Microsoft Azure joined.",
             "Representatives from Google and Microsoft joined.")
    ent = [f for f in d.candidates if f.type == "entity"]
    assert len(ent) == 2 and all("generalised" in f.explanation for f in ent)
    d = fast("Representatives from Google joined the board.", "Representatives from Oracle joined the board.")
    ent = [f for f in d.candidates if f.type == "entity"]
    assert [(f.source_value, f.target_value) for f in ent] == [("Google", "Oracle")]
    assert "replaced" in ent[0].explanation
    check_spans(d)


def test_entity_added_dropped_and_translated(use):
    d = fast("Meta and Nvidia joined the board.", "Meta joined the board.")
    assert [(f.source_value, f.target_value) for f in d.candidates if f.type == "entity"] == [("Nvidia", None)]
    d = diff("PyTorch joins the Linux Foundation.", "PyTorch rejoint la Fondation Linux.", "en", "fr", embedder=use)
    assert "entity" not in types(d)
    d = diff("PyTorch rejoint la Fondation Linux.", "PyTorch joins the Apache Foundation.", "fr", "en", embedder=use)
    assert "entity" in types(d)


def test_a_replaced_word_inside_a_shared_name_is_found(use):
    # the shared words "IT Month" must not make the names look translated
    d = diff("L'ASUS Eee PC est devenu un sujet brûlant lors du Taipei IT Month de 2007.",
             "The ASUS Eee PC became a hot topic during the 2007 Singapore IT Month.", "fr", "en", embedder=use)
    assert [(f.type, f.source_value, f.target_value) for f in d.candidates] == [
        ("entity", "Taipei IT Month", "Singapore IT Month")
    ]
    # a name translated word for word still is not drift
    d = diff("L’Union européenne a publié le groupe d’étude sur l’Irak.",
             "The European Union published the Iraq Study Group.", "fr", "en", embedder=use)
    assert "entity" not in types(d)


# --- the same name written otherwise --------------------------------------------------------------

def test_names_written_in_lower_case_are_present(use):
    # case is formatting: a lower-cased copy holds the same names and months
    src = ("L'opéra de Camille Saint-Saens a été joué le mardi 15 octobre par l'Athletico de Kolkata "
           "et le Parti Travailliste.")
    tgt = "the opera by camille saint-saens was played on tuesday 15 october by athletico kolkata and the labour party."
    d = diff(src, tgt, "fr", "en", embedder=use, checks=["entity", "date"])
    assert d.candidates == (), [(f.type, f.source_value, f.target_value) for f in d.candidates]


# --- translated names: exonyms, acronyms, French institution names -------------------------------

def _entity_pairs(d):
    return [(f.source_value, f.target_value) for f in d.candidates if f.type == "entity"]


@pytest.mark.parametrize(
    "en,fr",
    [
        # CLDR exonyms: territories, time-zone cities, languages (a French adjective in lower case)
        ("The envoy flew from Ecuador's capital to Beirut.", "L'envoyé a volé de la capitale de l'Équateur à Beyrouth."),
        ("Germany and Hungary signed the pact.", "L'Allemagne et la Hongrie ont signé le pacte."),
        ("The plan angered Brussels residents.", "Le projet a fâché les habitants bruxellois."),
        ("Flemish parties walked out.", "Les partis flamands sont sortis."),
        # an acronym in parentheses makes its expansion the same name on both sides
        ("Fares are set by the Northern Rail and Bus Regulatory Board (NRBRB).",
         "Les tarifs sont fixés par l'Office de régulation du rail et des bus du Nord (NRBRB)."),
        # a French name whose other words are lower case, matched as a whole phrase
        ("Members of the Muslim Brotherhood marched.", "Des membres des Frères musulmans ont défilé."),
        ("He spoke in the House of Commons on Monday.", "Il a parlé à la Chambre des communes lundi."),
        # a short name with the generic words around it
        ("Two rockets were fired from the Gaza Strip.", "Deux roquettes ont été tirées depuis la bande de Gaza."),
        # an acronym of names joined by links, in the other language's word order; "UN" is no article
        ("The UN sent aid to the Democratic Republic of Congo.", "L'Onu a envoyé de l'aide à la RDC."),
        # "for" links the parts of a name, so the acronym in parentheses carries all of it
        ("It was approved by the Global Agency for Seed Safety (GASS).", "Il a été approuvé par l'AGSS (GASS)."),
        # a one-word common noun capitalised by typography
        ("The House voted against the bill.", "La Chambre a voté contre le projet de loi."),
        # capitalised English adjectives French writes in lower case
        ("The Syrian forces and the Alawite clergy agreed.", "Les forces syriennes et le clergé alaouite sont d'accord."),
        # organisation names kept whole, whose complement the French translates
        ("The Bank of England raised rates.", "La Banque d'Angleterre a relevé ses taux."),
        ("A study by the University of California found a rise.", "Une étude de l'Université de Californie a constaté une hausse."),
    ],
)
def test_translated_names_are_not_drift(use, en, fr):
    d = diff(en, fr, "en", "fr", embedder=use, checks=["entity"])
    assert _entity_pairs(d) == []


@pytest.mark.parametrize(
    "en,fr,expected",
    [
        ("The president visited Austria in May.", "Le président a visité l'Australie en mai.", [("Austria", "Australie")]),
        ("Spain and Italy signed the deal.", "L'Espagne et la Grèce ont signé l'accord.", [("Italy", "Grèce")]),
        # one organisation for another: the whole names are the replacement
        ("The Bank of England raised rates.", "La Banque de France a relevé ses taux.",
         [("Bank of England", "Banque de France")]),
        ("Obama met Merkel in Berlin.", "Obama a rencontré Hollande à Berlin.", [("Merkel", "Hollande")]),
        ("The Syrian army attacked the town.", "L'armée libanaise a attaqué la ville.", [("Syrian", None)]),
    ],
)
def test_different_names_stay_drift_across_languages(use, en, fr, expected):
    d = diff(en, fr, "en", "fr", embedder=use, checks=["entity"])
    assert _entity_pairs(d) == expected


def test_a_currency_code_is_no_dropped_name(use):
    d = diff("The group earned CAD 12.4 million in the third quarter.",
             "Le groupe a gagné 12,4 millions au troisième trimestre.", "en", "fr", embedder=use, checks=["entity"])
    assert _entity_pairs(d) == []


def test_an_acronym_in_parentheses_carries_its_expansion(use):
    # the acronym is dropped on the French side, but its expansion is there
    d = diff("Talks were led by the United Nations Relief Mission in Haiti (MINUREH).",
             "Les pourparlers étaient menés par la Mission de secours des Nations unies en Haïti.", "en", "fr",
             embedder=use, checks=["entity"])
    assert _entity_pairs(d) == []


def test_a_name_in_the_attribution_is_no_entity_drift_when_the_other_side_describes_the_speaker() -> None:
    import claimtrack as ct

    for a, b, lang in [
        ('"We will reopen the bridge in May," a spokesman for the city said.',
         '"We will reopen the bridge in May," said Tom Reyes, a spokesman for the city.', "en"),
        ('"We will reopen the bridge in May," the mayor said.',
         "« Nous rouvrirons le pont en mai », a déclaré la maire Clara Voss.", "fr"),
    ]:
        ca = ct.extract_claims(ct.read_article(a, article_id="a", lang="en"))[0]
        cb = ct.extract_claims(ct.read_article(b, article_id="b", lang=lang))[0]
        found = ct.drift.diff_claims(ca, cb, min_confidence=0.0).candidates
        assert [d for d in found if d.type == "entity"] == [], found
    # two named speakers who differ: the name is compared
    ca = ct.extract_claims(ct.read_article('"We will reopen the bridge in May," Mayor Clara Voss said.',
                                           article_id="a", lang="en"))[0]
    cb = ct.extract_claims(ct.read_article('"We will reopen the bridge in May," council member Tom Reyes said.',
                                           article_id="b", lang="en"))[0]
    found = ct.drift.diff_claims(ca, cb, min_confidence=0.0).candidates
    assert {d.type for d in found} & {"entity", "speaker"}, found
