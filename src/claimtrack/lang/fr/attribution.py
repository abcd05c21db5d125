"""French data for the attribution stage (:class:`claimtrack.lang.schema.Attribution`)."""

from __future__ import annotations

from ..schema import Attribution
from .words import STOP_WORDS

ATTRIBUTION = Attribution(
    reporting_verbs=(
        "a déclaré", "déclare", "a dit", "dit", "a affirmé", "affirme", "a expliqué", "explique",
        "a ajouté", "ajoute", "a souligné", "souligne", "a indiqué", "indique", "a précisé", "précise",
        "a annoncé", "annonce", "a estimé", "estime", "a confié", "confie", "a rappelé", "rappelle",
        "a assuré", "assure", "a noté", "note", "a écrit", "écrit", "a poursuivi", "poursuit",
        "a insisté", "insiste", "a reconnu", "reconnaît", "a averti", "avertit", "a confirmé", "confirme",
        "a tweeté", "a publié", "déclarait", "expliquait", "disait", "a-t-il déclaré", "a-t-elle déclaré",
        "a-t-il dit", "a-t-elle dit", "a-t-il ajouté", "a-t-elle ajouté", "a-t-il expliqué",
        "a-t-elle expliqué", "a-t-il souligné", "a-t-elle souligné", "déclare-t-il", "déclare-t-elle",
        "explique-t-il", "explique-t-elle", "ajoute-t-il", "ajoute-t-elle", "estime-t-il", "estime-t-elle",
        "souligne-t-il", "souligne-t-elle", "précise-t-il", "précise-t-elle",
        # the conclusion and remark verbs of press French, and the plural forms
        # ("des responsables ont indiqué", "les experts disent")
        "conclut", "a conclu", "relève", "a relevé", "observe", "a observé", "raconte", "a raconté",
        "conclut-il", "conclut-elle", "relève-t-il", "relève-t-elle", "raconte-t-il", "raconte-t-elle",
        "ont déclaré", "ont dit", "ont affirmé", "ont expliqué", "ont indiqué", "ont précisé", "ont annoncé",
        "ont estimé", "ont ajouté", "ont souligné", "ont confirmé", "ont assuré", "ont reconnu",
        "disent", "affirment", "estiment", "expliquent", "indiquent", "soulignent", "précisent", "assurent",
        "déclarent", "ajoutent", "rappellent", "notent", "annoncent", "confirment", "reconnaissent",
        "ont rappelé", "ont noté", "ont écrit",
        # noting and reporting ("le FMI a constaté que", "a rapporté la chaîne")
        "a constaté", "constate", "constatent", "ont constaté", "a rapporté", "rapporte", "rapportent",
        "ont rapporté", "a mentionné", "mentionne",
    ),
    reporting_verbs_that=("que", "qu['’]"),
    source_prefixes=("selon", "d['’]après", "pour", "aux yeux de", "de l['’]avis de"),
    pronouns={"il": "m", "elle": "f", "ils": "x", "elles": "x"},
    speaker_nouns=("la société", "l['’]entreprise", "le groupe", "l['’]équipe", "la fondation", "le ministère",
                   "le gouvernement", "la compagnie", "le porte-parole", "les auteurs"),
    lead_words=("le", "la", "les", "en"),
    speaker_adverbs=("aussi", "encore", "ensuite", "notamment"),
    inversion_patterns=(r"\w+(?:-t)?-",),
    apposition_determiners=("un", "une", "le", "la", r"l['’]un", r"l['’]une"),
    frame_words=STOP_WORDS,
    source_nouns=frozenset({"sources", "responsables", "responsable", "personnes", "experts", "expertes", "analystes", "témoins", "diplomates", "habitants", "police", "autorités", "observateurs", "informations", "estimations", "chiffres", "données", "sondages", "médias"}),
    quote_cues=(
        "a lancé", "lance", "a répondu", "répond", "a demandé", "demande", "a jugé", "juge", "a qualifié",
        "qualifie", "a martelé", "martèle", "a prévenu", "prévient", "a réagi", "réagit", "a promis",
        "promet", "a assuré", "a tranché", "tranche", "a résumé", "résume", "a regretté", "regrette",
        "a dénoncé", "dénonce", "a commenté", "commente", "a lâché", "lâche", "a conclu", "a insisté",
        "a déploré", "déplore", "a ironisé", "ironise", "a révélé", "révèle", "s'insurge", "s'est insurgé",
        "dans un communiqué", "dans un entretien", "dans une interview", "dans une lettre", "dans un message",
    ),
    description_openers=("le", "la", "les", r"l['’]", "un", "une", "son", "sa", "ses", "leur"),
    organisation_pronouns=("il", "elle"),
    document_nouns=frozenset({"communiqué", "déclaration"}),
    incise_auxiliaries=frozenset({"a", "ont", "avait", "avaient"}),
    agent_words=("par",),
    name_abbreviations=frozenset({"mme", "mlle", "pr", "dr", "dre", "st", "prof"}),
)
