"""French data for the numbers stage (:class:`claimtrack.lang.schema.Numbers`)."""

from __future__ import annotations

from ..schema import Numbers

NUMBERS = Numbers(
    qualifiers=(
        (r"plus\s+d['’]|plus\s+de|au-delà\s+de|davantage\s+que|supérieure?s?\s+à", "more_than"),
        (r"au\s+moins|pas\s+moins\s+d['’]|pas\s+moins\s+de|au\s+minimum", "at_least"),
        # "quelque 200 personnes" (invariable, "about"); "quelques" is not a bound.
        (r"environ|autour\s+de|quelque|approximativement|à\s+peu\s+près|une\s+estimation\s+de|de\s+l['’]ordre\s+d['’]"
         r"|de\s+l['’]ordre\s+de|~", "about"),
        (r"près\s+d['’]|près\s+de|presque|quasiment|pas\s+loin\s+de|frôlant|avoisinant", "nearly"),
        # a negated "dépasser" states the bound: "n'excède pas 3,5 t" is "au plus 3,5 t"
        (r"au\s+plus|jusqu['’]à|pas\s+plus\s+d['’]|pas\s+plus\s+de|au\s+maximum"
         r"|n(?:e\s+|['’])(?:dépass|excèd|excéd|outrepass)\w*\s+(?:pas|jamais)"
         r"|n(?:e\s+|['’])\w+\s+(?:pas|jamais)\s+(?:dépasser|excéder|outrepasser)", "at_most"),
        (r"moins\s+d['’]|moins\s+de|inférieure?s?\s+à|sous\s+la\s+barre\s+des", "less_than"),
        (r"exactement|précisément", "exactly"),
    ),
    scale_words={
        # no bare "m": after a figure it is far more often metres than millions
        "mille": 10**3, "millier": 10**3, "milliers": 10**3, "k": 10**3, "million": 10**6,
        "millions": 10**6, "milliard": 10**9, "milliards": 10**9, "md": 10**9, "mds": 10**9,
        "mrd": 10**9, "mrds": 10**9, "billion": 10**12, "billions": 10**12,
    },
    percent_words=("pour cent", "pourcent", "pour-cent", "points de pourcentage"),
    number_words=frozenset({
        "zéro", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente", "quarante",
        "cinquante", "soixante", "septante", "huitante", "octante", "nonante", "cent", "cents",
        "mille", "million", "millions", "milliard", "milliards",
    }),
    # "livres" alone is far more often "books" than pounds sterling
    currency_words={"€": "EUR", "euros": "EUR", "euro": "EUR", "$": "USD", "dollars": "USD",
                    "dollar": "USD", "£": "GBP", "livres sterling": "GBP"},
    number_word_joiners=("et",),
    range_words=("ou", "à"),
    approximate_numbers=(
        # the longer phrases first: the first alternative that matches wins
        (r"(?:des|plusieurs|quelques)\s+centaines\s+de\s+milliers", 100_000, "more_than"),
        (r"(?:des|plusieurs|quelques)\s+dizaines\s+de\s+milliers", 10_000, "more_than"),
        (r"une\s+(?:dizaine)", 10, "about"), (r"une\s+douzaine", 12, "about"), (r"une\s+quinzaine", 15, "about"),
        (r"une\s+vingtaine", 20, "about"), (r"une\s+trentaine", 30, "about"), (r"une\s+quarantaine", 40, "about"),
        (r"une\s+cinquantaine", 50, "about"), (r"une\s+soixantaine", 60, "about"), (r"une\s+centaine", 100, "about"),
        (r"un\s+millier", 1000, "about"),
        (r"(?:des|plusieurs|quelques)\s+dizaines", 10, "more_than"),
        (r"(?:des|plusieurs|quelques)\s+centaines", 100, "more_than"),
        (r"(?:des|plusieurs|quelques)\s+milliers", 1000, "more_than"),
    ),
    ordinal_words={"premier": 1, "première": 1, "premiers": 1, "premières": 1, "deuxième": 2, "second": 2,
                   "seconde": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7,
                   "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13,
                   "quatorzième": 14, "quinzième": 15, "seizième": 16, "vingtième": 20},
    pair_words=("tous deux", "toutes deux", "l’un et l’autre", "l'un et l'autre"),
    article_number_words=frozenset({"un", "une"}),
    reference_words=(r"articles?", r"arts?\.", r"alinéas?", r"al\.", r"sections?", r"§+", r"paragraphes?",
                     r"chapitres?", r"annexes?", r"n[°º]"),
    ordinal_suffixes=("ère", "ème", "eme", "er", "re", "e", "ᵉʳ", "ᵉ"),
    unit_linkers=(r"de", r"d['’]"),
    unit_modifiers=(
        "dernières", "derniers", "premières", "premiers", "prochaines", "prochains", "autres",
        "nouveaux", "nouvelles", "grands", "grandes", "petits", "petites", "principaux", "principales",
        "plus", "seuls", "seules",
    ),
    unit_stopwords=frozenset({
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces", "il",
        "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "se", "s", "y", "son", "sa", "ses",
        "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "et", "ou", "mais", "donc",
        "or", "ni", "car", "si", "que", "qu", "qui", "quoi", "dont", "où", "à", "au", "aux", "en", "dans",
        "sur", "sous", "par", "pour", "avec", "sans", "selon", "chez", "entre", "vers", "depuis", "après",
        "avant", "pendant", "parmi", "comme", "plus", "moins", "très", "trop", "peu", "est",
        "sont", "était", "étaient", "a", "ont", "avait", "avaient", "sera", "seront", "été", "être",
        "avoir", "ne", "n", "pas", "lors", "soit", "etc", "contre", "environ", "seulement", "déjà",
        "encore", "respectivement", "fois",
    }),
    clock_separators=("h",),
    hour_words=(r"heures?", r"h"),
    # "70 personnes environ", "quatre blessés légers au moins": the bound after the noun
    post_qualifiers=(
        (r"environ|à\s+peu\s+près", "about"), (r"au\s+moins|au\s+minimum", "at_least"),
        (r"au\s+plus|au\s+maximum|tout\s+au\s+plus", "at_most"),
    ),
    roman_ordinal_suffixes=("e", "er", "ème", "eme"),
    ordinal_nouns=("siècle", "millénaire"),
)
