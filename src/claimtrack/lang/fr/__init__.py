"""French language data."""

from __future__ import annotations

from .. import LanguageData

_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}

DATA = LanguageData(
    code="fr",
    name="French",
    babel_locale="fr_FR",
    abbreviations=frozenset({
        "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "env", "art", "cf", "etc",
        "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "av", "apr", "J.-C",
        "boul", "bd", "chap", "coll", "éd", "fig", "hab", "ibid", "p", "pp", "vol", "Cie",
    }),
    numeric_abbreviations=frozenset({"n", "no", "nº", "art", "p"}),
    furniture_patterns=(
        (r"(image|photo|illustration|crédits?|credits?)\s*(photo)?\s*:.*", "credit", "crédit photo ou image"),
        (r"source\s*:\s*(https?://|www\.)\S*", "link", "ligne de source (URL)"),
        (r"(https?://|www\.)\S+", "link", "URL seule"),
        (r"(mis à jour|publié|mise à jour)\b.{0,40}\d.*", "dateline", "date de publication ou de mise à jour"),
        (r"(par\s+)?[A-ZÉ][\w.'’-]+(\s+[A-ZÉ][\w.'’-]+){0,3}\s*[|/·•]\s*.*\d{4}", "byline", "signature : auteur et date"),
        (r"par\s+[A-ZÉ][\w.'’-]+(\s+[A-ZÉ][\w.'’-]+){0,3}", "byline", "signature"),
        (r"(abonnez-vous|inscrivez-vous|suivez-nous|partagez|partager)\b.*", "boilerplate", "invitation à s'abonner ou partager"),
        (r"rejoignez(-nous| notre communauté)\b.*", "boilerplate", "invitation à rejoindre la communauté"),
        (r"\[?cliquez\b.*", "caption", "invitation à cliquer ou légende d'image"),
        (r"(lire aussi|à lire aussi|voir aussi|sur le même sujet|articles? similaires?|catégories|mots-clés)\s*:?.*", "navigation", "navigation ou liste de catégories"),
        (r"(publicité|contenu sponsorisé)", "boilerplate", "mention publicitaire"),
        (r"(merci|merci de votre lecture)[.!]?", "boilerplate", "formule de fin"),
        (r"tous droits réservés.*|©.*", "boilerplate", "mention de droits"),
    ),
    boilerplate_openers=(
        (r"(à propos de l['’]auteur|l['’]auteur)", "encadré auteur"),
        (r"(articles? similaires|à lire aussi|sur le même sujet|articles? recommandés?)", "bloc d'articles liés"),
        (r"un message de\b.*:?", "message promotionnel"),
        (r"(laisser|laissez) un commentaire", "formulaire de commentaire"),
    ),
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
    ),
    reporting_verbs_that=("que", "qu['’]"),
    source_prefixes=("selon", "d['’]après", "pour", "aux yeux de", "de l['’]avis de"),
    pronouns={"il": "m", "elle": "f", "ils": "x", "elles": "x"},
    titles=frozenset({
        "m", "mme", "mlle", "dr", "pr", "me", "monsieur", "madame", "docteur", "professeur",
        "président", "présidente", "directeur", "directrice", "général", "générale", "pdg", "ceo",
        "fondateur", "fondatrice", "cofondateur", "cofondatrice", "co-fondateur", "responsable",
        "chercheur", "chercheuse", "analyste", "ministre", "secrétaire", "porte-parole", "chef",
        "cheffe", "vice-président", "vice-présidente", "exécutif", "exécutive", "créateur", "créatrice",
        "mainteneur", "ingénieur", "ingénieure", "rédacteur", "rédactrice", "député", "députée",
        "sénateur", "sénatrice", "maire", "délégué", "déléguée", "administrateur", "administratrice",
        "premier", "première", "chancelier", "chancelière", "juge", "commissaire", "ambassadeur",
        "ambassadrice", "conseiller", "conseillère", "capitaine", "colonel", "inspecteur", "inspectrice",
        "économiste",
    }),
    name_particles=frozenset({"de", "du", "des", "d'", "d’", "le", "la", "van", "von", "der", "da", "di"}),
    stopwords=frozenset({
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces",
        "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "son", "sa", "ses", "leur",
        "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "et", "ou", "mais", "donc", "or",
        "ni", "car", "si", "quand", "lorsque", "puisque", "depuis", "après", "avant", "pendant",
        "dans", "en", "sur", "sous", "par", "pour", "avec", "sans", "selon", "chez", "entre", "vers",
        "aujourd", "aujourd’hui", "aujourd'hui", "hier", "demain", "ainsi", "alors", "aussi", "enfin",
        "cependant", "toutefois", "néanmoins", "plus", "moins", "tous", "toutes", "tout", "toute",
        "chaque", "aucun", "aucune", "certains", "certaines", "plusieurs", "ces", "qui", "que", "quoi",
        "où", "comment", "pourquoi", "garder", "la", "en", "nous", "sa", "ces",
    }),
    org_words=frozenset({
        "fondation", "foundation", "société", "groupe", "université", "institut", "association",
        "agence", "ministère", "conseil", "commission", "banque", "services", "inc", "corp", "sa",
        "sas", "sarl", "cloud", "azure", "labs", "laboratoire",
    }),
    legal_suffixes=frozenset({"inc", "corp", "sa", "sas", "sarl", "se", "ltd", "llc", "gmbh", "ag", "cie"}),
    determiners=frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "de", "ce", "cet", "cette", "ces"}),
    name_links=frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "&"}),
    definite_articles=frozenset({"le", "la", "les", "l"}),
    entity_aliases={"États-Unis": "United States", "Royaume-Uni": "United Kingdom",
                    "Grande-Bretagne": "United Kingdom", "UE": "European Union",
                    "Union européenne": "European Union", "ONU": "United Nations",
                    "Nations unies": "United Nations", "OTAN": "NATO"},
    entity_words={"fondation": "foundation", "société": "company", "groupe": "group", "université": "university",
                  "institut": "institute", "banque": "bank", "conseil": "council", "commission": "commission"},
    speaker_nouns=("la société", "l['’]entreprise", "le groupe", "l['’]équipe", "la fondation", "le ministère",
                   "le gouvernement", "la compagnie", "le porte-parole", "les auteurs"),
    qualifiers=(
        (r"plus\s+d['’]|plus\s+de|au-delà\s+de|davantage\s+que|supérieure?s?\s+à", "more_than"),
        (r"au\s+moins|pas\s+moins\s+d['’]|pas\s+moins\s+de|au\s+minimum", "at_least"),
        # "quelque 200 personnes" (invariable, "about"); "quelques" is not a bound.
        (r"environ|autour\s+de|quelque|approximativement|à\s+peu\s+près|une\s+estimation\s+de|de\s+l['’]ordre\s+d['’]"
         r"|de\s+l['’]ordre\s+de|~", "about"),
        (r"près\s+d['’]|près\s+de|presque|quasiment|pas\s+loin\s+de|frôlant|avoisinant", "nearly"),
        (r"au\s+plus|jusqu['’]à|pas\s+plus\s+d['’]|pas\s+plus\s+de|au\s+maximum", "at_most"),
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
    months=_MONTHS,
    weekdays=frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}),
    date_orders=("dmy",),
    date_noise=("dernier", "dernière", "prochain", "prochaine", "passé", "passée"),
    date_prepositions=(
        r"en", r"depuis", r"dès", r"jusqu['’]en", r"jusqu['’]à", r"d['’]ici", r"avant", r"après",
        r"début", r"fin", r"mi(?:\s?-)?", r"courant", r"à\s+partir\s+de",
    ),
    date_modifiers=(
        (r"dernier|dernière|passé|passée", "after", "past"),
        (r"prochain|prochaine", "after", "future"),
    ),
    relative_dates=(
        (r"aujourd['’]hui", "day", 0),
        (r"avant-hier", "day", -2),
        (r"hier", "day", -1),
        (r"après-demain", "day", 2),
        (r"demain", "day", 1),
        (r"l['’]an\s+(?:dernier|passé)|l['’]année\s+(?:dernière|passée)", "year", -1),
        (r"cette\s+année", "year", 0),
        (r"l['’]an\s+prochain|l['’]année\s+prochaine", "year", 1),
        (r"le\s+mois\s+(?:dernier|passé)", "month", -1),
        (r"ce\s+mois-ci", "month", 0),
        (r"le\s+mois\s+prochain", "month", 1),
    ),
    relative_patterns=(
        r"il\s+y\s+a\s+(?:[0-9]{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze)\s+"
        r"(?:jours?|semaines?|mois|ans|années?)",
    ),
    negations=(
        # "ne … plus jamais", "n'a jamais rien": one negation, its words chained
        r"ne\b[^.?!,;]{0,40}?\b(?:pas|plus|jamais|rien|personne|guère|point|aucune?|nullement)"
        r"(?:\s+(?:plus|jamais|rien|personne|aucune?))*",
        r"n['’][^.?!,;]{0,40}?\b(?:pas|plus|jamais|rien|personne|guère|point|aucune?|nullement)"
        r"(?:\s+(?:plus|jamais|rien|personne|aucune?))*",
        r"aucune?", r"jamais", r"sans", r"ni", r"non",
        # "Personne ne reviendra plus jamais": one negation, like "no one will ever come back"
        r"(?:personne|rien)\s+n(?:e\b|['’]\w+)(?:[^.?!,;]{0,40}?\b(?:plus|jamais|rien)(?:\s+(?:plus|jamais|rien))*)?",
        r"pas\s+(?:de|d['’]|du|des|le|la|les|un|une|encore|toujours|vraiment|très|si|assez|trop)",
        r"incapables?\s+de", r"échou(?:e|ent|é|ait|aient|ant|er)\s+à",
        # a verbless "rien" ("Depuis 2000, rien.", "rien de neuf"), like "nothing"
        r"rien",
    ),
    negation_exceptions=(
        r"non\s+seulement", r"sans\s+doute", r"pas\s+seulement", r"non\s+plus", r"non\s+lucratif",
        r"non[-‐]\w+", r"n['’]importe", r"jamais\s+autant", r"que\s+jamais",
        r"pas\s+(?:moins|plus)\s+(?:de|d['’])",
        r"(?:à|pour)\s+jamais",  # "à jamais": forever
        r"sans\s+égard", r"sans\s+compter",  # "regardless of", "not to mention": no reversal
    ),
    modals={
        r"va|vas|vont|allons|allez|vais|sera|seront|serai|serons|serez|aura|auront|[a-zé]{2,}eront|[a-zé]{2,}era"
        r"|[a-zé]{2,}iront|[a-zé]{2,}ira": "future",
        r"peut|peux|peuvent|pouvons|pouvez|pourrait|pourraient|pourrais|pourra|pourront|pourrez|pourrons|puisse"
        r"|puissent|possiblement|peut-être|éventuellement": "possibility",
        r"doit|dois|doivent|devons|devez|devra|devront|devrait|devraient|devrez|faut|faudra|faudrait": "obligation",
        r"[a-zé]{2,}rait|[a-zé]{2,}raient": "conditional",
    },
    modal_exceptions=frozenset({
        "extrait", "portrait", "attrait", "retrait", "abstrait", "distrait", "soustrait", "trait",
        "contrera", "ère", "opéra", "caméra", "sera-t-il", "véra", "era", "ira", "lira",
        "pourrait-il", "tiara", "sierra", "umbrera", "nira", "mira", "hira", "delira",
        # "il suffira de ..." is "all it takes is ...", not a future claim
        "suffira", "suffiront", "suffirait", "suffiraient",
    }),
    hedges=(r"apparemment", r"semble", r"semblent", r"paraît-il", r"selon\s+toute\s+vraisemblance", r"probablement"),
    gendered_words={
        "il": "m", "elle": "f", "lui-même": "m", "elle-même": "f",
        "homme": "m", "hommes": "m", "femme": "f", "femmes": "f", "garçon": "m", "fille": "f",
        "monsieur": "m", "madame": "f", "mme": "f", "père": "m", "mère": "f", "fils": "m",
        "frère": "m", "sœur": "f", "mari": "m", "épouse": "f", "roi": "m", "reine": "f",
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
    time_scopes=(
        (r"depuis\s+(?:(?:sa|son|leur|la|le)\s+|l['’])?(?:(?:lancement|création|fondation|début|naissance|origine)\s+)?"
         r"(?:en\s+)?(?:l['’]an\s+)?\d{4}|depuis\s+(?:sa|son|leur|la|le|l['’])\s*(?:lancement|création|fondation|début|naissance)", "since"),
        (r"(?:au\s+cours\s+des|pendant\s+les|durant\s+les|ces|les|sur\s+les)\s+(?:\w+\s+)?"
         r"(?:dernières|derniers)\s+(?:années|mois|semaines|jours|décennies)"
         r"|(?:ces|les)\s+(?:\w+\s+)?(?:années|mois|semaines|jours)\s+(?:passées|passés|écoulées|écoulés)", "last"),
        (r"(?:de|d['’]|du)\s+(?:\w+\s+)?\d{4}\s+(?:à|au|jusqu['’]à|jusqu['’]en)\s+(?:\w+\s+)?\d{4}"
         r"|entre\s+(?:\w+\s+)?\d{4}\s+et\s+(?:\w+\s+)?\d{4}", "range"),
    ),
    relative_length=1.12,
    time_scope_words={"since": (r"depuis",), "last": (r"derni[eè]re?s?", r"pass[ée]e?s", r"[ée]coul[ée]e?s")},
    elisions=frozenset({"c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}),
    function_words=frozenset("""
        le la les l un une des du de d au aux ce cet cette ces ça cela ceci celui celle ceux celles
        je j me m moi tu te t toi il elle on nous vous ils elles lui leur leurs eux se s soi
        mon ma mes ton ta tes son sa ses notre nos votre vos y en
        qui que qu quoi dont où lequel laquelle lesquels lesquelles duquel auquel auxquels
        à dans par pour sur sous avec sans chez entre vers envers contre depuis pendant durant avant
        après devant derrière parmi selon malgré hormis outre via jusque jusqu dès lors
        et ou ni mais or donc car si comme quand lorsque lorsqu puisque puisqu quoique
        être suis es est sommes êtes sont étais était étions étiez étaient été fut furent sera seront
        serait seraient soit soient avoir ai as a avons avez ont avais avait avions aviez avaient eu eut
        eurent aura auront aurait auraient ait aient
        ne n pas plus jamais rien aucun aucune personne non
        aussi également encore déjà alors ainsi même mêmes très trop tout tous toute toutes tant
        autre autres tel telle tels telles plusieurs certains certaines chaque quelque quelques
        ici là puis ensuite cependant pourtant toutefois néanmoins donc ailleurs enfin surtout
        moins peu beaucoup bien assez presque seulement
        peut peuvent pouvait pouvaient pourra pourront pourrait pourraient doit doivent devait devaient
        devra devront devrait devraient peut-être lui-même elle-même eux-mêmes elles-mêmes toujours près
        dehors afin notamment pourquoi comment combien quel quelle quels quelles voici voilà
        faut fallait faudra faudrait
    """.split()),
    clause_markers=(
        r"qui", r"que", r"qu['’]", r"dont", r"où", r"lequel", r"laquelle", r"lesquels", r"lesquelles",
        r"tandis\s+que", r"alors\s+que", r"parce\s+que", r"car", r"bien\s+que", r"lorsque",
        r"lorsqu['’]", r"quand", r"et", r"mais", r"ou", r"y\s+compris", r"notamment", r"comme",
        r"après", r"avant", r"depuis", r"jusqu['’]à", r"si", r"sauf",
    ),
)
