"""French data for the gender stage (:class:`claimtrack.lang.schema.Gender`)."""

from __future__ import annotations

from ..schema import Gender

GENDER = Gender(
    gendered_words={
        "il": "m", "elle": "f", "lui-même": "m", "elle-même": "f",
        "homme": "m", "hommes": "m", "femme": "f", "femmes": "f", "garçon": "m", "fille": "f",
        "monsieur": "m", "madame": "f", "mme": "f", "père": "m", "mère": "f", "fils": "m",
        "frère": "m", "sœur": "f", "mari": "m", "épouse": "f", "roi": "m", "reine": "f",
    },
    name_markers={
        "la": "f", "le": "m", "m": "m", "mlle": "f", "dre": "f", "pr": "m",
        "présidente": "f", "président": "m", "directrice": "f", "directeur": "m", "professeure": "f",
        "professeur": "m", "fondatrice": "f", "fondateur": "m", "chercheuse": "f", "chercheur": "m",
        "sénatrice": "f", "sénateur": "m", "députée": "f", "député": "m", "ambassadrice": "f",
        "ambassadeur": "m", "conseillère": "f", "conseiller": "m", "inspectrice": "f", "inspecteur": "m",
        "ingénieure": "f", "ingénieur": "m", "chancelière": "f", "chancelier": "m", "cheffe": "f",
        "déléguée": "f", "délégué": "m", "avocate": "f", "avocat": "m", "porte-parole": "x",
    },
    dependent_gender_words=frozenset({"lui-même", "elle-même", "hommes", "femmes"}),
    impersonal_patterns=(
        r"il\s+(?:n['’])?y\s+(?:a|avait|aura|aurait|eut)\b", r"y\s+a-t-il",
        r"il\s+(?:ne\s+|n['’])?(?:faut|fallait|faudra|faudrait|s['’]agit|s['’]agissait|s['’]agira|pleut"
        r"|existe|existait)\b",
        r"(?:faut|fallait|faudra|faudrait|agit|existe)-t?-?il",
        # impersonal only before "que" / "de" ("il semble que", "il reste à faire" is not: "il reste à Paris")
        r"il\s+(?:ne\s+|n['’])?(?:semble|semblait|paraît|paraissait|suffit|suffisait|convient|convenait|arrive"
        r"|arrivait|reste|restait|vaut|valait|devient|devenait)\s+(?:\w+\s+)?(?:que|qu['’]|de|d['’]|mieux)\b",
        r"il\s+(?:n['’])?(?:est|était|sera|serait|fut|a\s+été|avait\s+été)\s+(?:pas\s+|plus\s+|peu\s+|très\s+|bien\s+)?"
        r"(?:évident|clair|possible|impossible|probable|improbable|difficile|facile|important|nécessaire|temps"
        r"|vrai|certain|question|prévu|envisagé|dit|rare|fréquent|inutile|vain|interdit|permis|courant"
        r"|intéressant|essentiel|urgent|préférable|logique|normal|naturel|dommage|étonnant|vraisemblable)"
        r"\s+(?:de|d['’]|que|qu['’])",
        r"droits\s+de\s+l['’]homme",
    ),
)
