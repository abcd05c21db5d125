"""French data for the names stage (:class:`claimtrack.lang.schema.Names`)."""

from __future__ import annotations

from ..schema import Names
from .words import STOP_WORDS

NAMES = Names(
    titles=frozenset({
        "m", "mme", "mlle", "dr", "dre", "pr", "me", "monsieur", "madame", "docteur", "professeur",
        "président", "présidente", "directeur", "directrice", "général", "générale", "pdg", "ceo",
        "fondateur", "fondatrice", "cofondateur", "cofondatrice", "co-fondateur", "responsable",
        "chercheur", "chercheuse", "analyste", "ministre", "secrétaire", "porte-parole", "chef",
        "cheffe", "vice-président", "vice-présidente", "exécutif", "exécutive", "créateur", "créatrice",
        "mainteneur", "ingénieur", "ingénieure", "rédacteur", "rédactrice", "député", "députée",
        "sénateur", "sénatrice", "maire", "délégué", "déléguée", "administrateur", "administratrice",
        "premier", "première", "chancelier", "chancelière", "juge", "commissaire", "ambassadeur",
        "ambassadrice", "conseiller", "conseillère", "capitaine", "colonel", "inspecteur", "inspectrice",
        "économiste",
        # the professions and offices the press puts before a name ("l'avocat Jean Dupuis", "Mgr Ricard")
        "avocat", "avocate", "procureur", "procureure", "bâtonnier", "shérif", "évêque", "archevêque",
        "cardinal", "pape", "mgr", "rabbin", "imam", "sergent", "général", "amiral", "lieutenant",
        "commandant", "eurodéputé", "eurodéputée", "préfet", "préfète", "recteur", "rectrice",
    }),
    name_particles=frozenset({"de", "du", "des", "d'", "d’", "le", "la", "van", "von", "der", "da", "di"}),
    not_name_words=STOP_WORDS,
    org_words=frozenset({
        "fondation", "foundation", "société", "groupe", "université", "institut", "association",
        "agence", "ministère", "conseil", "commission", "banque", "services", "inc", "corp", "sa",
        "sas", "sarl", "cloud", "azure", "labs", "laboratoire", "organisation", "hôpital",
    }),
    legal_suffixes=frozenset({"inc", "corp", "sa", "sas", "sarl", "se", "ltd", "llc", "gmbh", "ag", "cie"}),
    entity_words={"fondation": "foundation", "société": "company", "groupe": "group", "université": "university",
                  "institut": "institute", "banque": "bank", "conseil": "council", "commission": "commission"},
    determiners=frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "de", "ce", "cet", "cette", "ces"}),
    name_links=frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "&"}),
    definite_articles=frozenset({"le", "la", "les", "l"}),
    entity_aliases={"États-Unis": "United States", "Royaume-Uni": "United Kingdom",
                    "Grande-Bretagne": "United Kingdom", "UE": "European Union",
                    "Union européenne": "European Union", "ONU": "United Nations",
                    "Nations unies": "United Nations", "OTAN": "NATO"},
    abbreviations=frozenset({"mme", "dr", "st", "prof"}),
    roman_ordinal_suffixes=("e", "er", "ème", "eme", "re"),
    honorifics=frozenset({"m", "mme", "mlle", "dr", "dre", "pr", "me", "monsieur", "madame", "docteur",
                          "docteure", "professeur", "professeure", "président", "présidente"}),
    org_joiners=frozenset({"de", "du", "des", "d", "pour"}),
    # adjectives after the head noun: "centrale", "européenne", "mondiale", "publique", "constitutionnel"
    org_adjective_endings=("al", "ale", "ales", "aux", "el", "elle", "elles", "els", "ien", "ienne", "iennes",
                           "éen", "éenne", "éennes", "ique", "iques", "aire", "aires", "ais", "aise", "aises",
                           "ain", "aine", "aines", "ois", "oise", "oises"),
)
