"""French data for the polarity stage (:class:`claimtrack.lang.schema.Polarity`)."""

from __future__ import annotations

from ..schema import Polarity

POLARITY = Polarity(
    negations=(
        # "ne … plus jamais", "n'a jamais rien": one negation, its words chained
        r"ne\b[^.?!,;]{0,40}?\b(?:pas|plus|jamais|rien|personne|guère|point|aucune?|nullement|aucunement|nulle\s+part)"
        r"(?:\s+(?:plus|jamais|rien|personne|aucune?))*",
        r"n['’][^.?!,;]{0,40}?\b(?:pas|plus|jamais|rien|personne|guère|point|aucune?|nullement|aucunement|nulle\s+part)"
        r"(?:\s+(?:plus|jamais|rien|personne|aucune?))*",
        r"aucune?", r"jamais", r"sans", r"ni", r"non",
        # the other negative words of French grammar: "nulle part" (nowhere), "nul ne" (no one)
        r"nulle\s+part", r"nul\s+n(?:e\b|['’])",
        # "Personne ne reviendra plus jamais": one negation, like "no one will ever come back"
        r"(?:personne|rien)\s+n(?:e\b|['’]\w+)(?:[^.?!,;]{0,40}?\b(?:plus|jamais|rien)(?:\s+(?:plus|jamais|rien))*)?",
        r"pas\s+(?:de|d['’]|du|des|le|la|les|un|une|encore|toujours|vraiment|très|si|assez|trop)",
        # an elliptic negation after a conjunction: "entendu, mais pas écouté"
        r"(?:mais|et)\s+pas",
        r"incapables?\s+de", r"échou(?:e|ent|é|ait|aient|ant|er)\s+à",
        # "ne" alone negates savoir (in the conditional: "ne saurait remplacer", "cannot replace"), oser and
        # the literary "ne puis" (the grammar's "ne" without "pas" before these verbs)
        r"n(?:e\b|['’])\s*(?:saurai(?:t|ent|s)|saurions|sauriez|ose|osent|osait|osaient|puis)\b"
        r"(?!\s+(?:pas|plus|jamais|rien|guère|point)\b)",
        # a verbless "rien" ("Depuis 2000, rien.", "rien de neuf"), like "nothing"
        r"rien",
    ),
    negation_exceptions=(
        r"sans\s+(?:aucun\s+)?doute", r"non\s+plus",
        # a litotes: "n'hésitez pas à" is "feel free to"
        r"n(?:e\b|['’])\s*(?:\w+\s+)?(?:hésit\w*\s+pas|pas\s+hésité)", r"ne\s+pas\s+hésiter",
        # a double negation affirms: "ne manquèrent pas de venir" is "never failed to come", "non sans
        # peine" / "pas sans risque" is "with some difficulty" / "with some risk"
        r"n(?:e\b|['’])\s*(?:manqu\w*\s+(?:pas|jamais)|\w+\s+(?:pas|jamais)\s+manqué)\s+d(?:e\b|['’])",
        r"ne\s+(?:pas|jamais)\s+manquer\s+d(?:e\b|['’])",
        r"(?:non|pas)\s+sans",
        r"n['’]importe", r"jamais\s+autant", r"que\s+jamais",
        r"pas\s+(?:moins|plus)\s+(?:de|d['’])",
        r"(?:à|pour)\s+jamais",  # "à jamais": forever
        r"sans\s+égard", r"sans\s+compter", r"sans\s+oublier",  # "regardless of", "not to mention": no reversal
        # after a superlative a bare "jamais" is "ever": "la mission la plus difficile jamais entreprise"
        r"(?:le|la|les)\s+(?:plus|moins)\s+[^.?!,;]{1,40}?\bjamais",
    ),
    # "pas" after a determiner or a quantifier is the noun "step": "à quelques pas du port"
    negation_nouns=(
        r"(?:un|le|ce|mon|ton|son|les|des|ces|mes|tes|ses|nos|vos|leurs?|quelques|plusieurs|premiers?"
        r"|derniers?|faux|petits?|grands?|deux|trois|quatre|cinq|dix|cent|mille|\d+)\s+pas",
    ),
    # "ne ... que" with no negation word between ("n'est prévu qu'en 2014") and "ne ... plus que"
    # ("il ne reste plus qu'à signer") mean "only"
    restrictives=(
        r"n(?:e\b|['’])(?:(?!\b(?:pas|plus|jamais|rien|personne|aucune?|guère|point|nullement)\b)[^.?!,;]){0,40}?"
        r"\b(?:plus\s+)?qu(?:e\b|(?=['’]))",  # "qu'" without its apostrophe: a word ends there
    ),
    restriction_words=(r"seulement", r"uniquement", r"juste", r"jusqu['’](?:à|au|aux|en)", r"qu['’]à\s+partir"),
    limit_negations=(
        # "tant que le pays n'aura pas adopté": "until the country has adopted"
        r"tant\s+qu(?:e\b|['’])[^.?!;]{0,60}?\bn(?:e\b|['’])[^.?!,;]{0,40}?\b(?:pas|plus|jamais)",
        # "n'est pas prévu avant 2014": "only in 2014"
        r"n(?:e\b|['’])[^.?!,;]{0,40}?\bpas\s+avant",
    ),
    scope_continuations=(r"ni",),
    # not "dé-" / "mé-": too many French words open with them ("décidé", "déclaré": "cidé" is near "decided")
    negative_prefixes=("in", "im", "il", "ir", "mal", "non"),
    # a negated focus word adds ("pas seulement", "n'est plus uniquement"); "pas simplement" and "pas juste"
    # are left negations ("ce n'est pas juste" is "it is not fair")
    focus_negations=(r"non\s+seulement", r"(?:pas|plus)\s+(?:seulement|uniquement)"),
    lexical_negations=(
        # "non" before a word is a prefix: "non résidents", "non-violence", "non blessés"
        r"non[\s‐-]+(?P<head>[^\W\d_]+)",
        # "sans" before a bare noun or adjective (not an infinitive): "sans précédent", "sans but lucratif"
        r"sans\s+(?![^\W\d_]+(?:er|ir|re)\b)(?P<head>[^\W\d_]+)",
    ),
    modals={
        # a modal verb's past participle after "avoir" carries the modality, the auxiliary its tense:
        # "aurait dû" is "should have", "auraient pu" "could have"; read first
        r"(?:a|ont|avait|avaient|aurait|auraient|aurais|aura|auront)(?:\s+[^\W\d_]+){0,2}?\s+dû": "obligation",
        r"(?:a|ont|avait|avaient|aurait|auraient|aurais|aura|auront)(?:\s+[^\W\d_]+){0,2}?\s+pu": "possibility",
        r"va|vas|vont|allons|allez|vais|sera|seront|serai|serons|serez|aura|auront|[a-zé]{2,}eront|[a-zé]{2,}era"
        r"|[a-zé]{2,}iront|[a-zé]{2,}ira": "future",
        r"peut|peux|peuvent|pouvons|pouvez|pourrait|pourraient|pourrais|pourra|pourront|pourrez|pourrons|puisse"
        r"|puissent|possiblement|peut-être|éventuellement": "possibility",
        r"doit|dois|doivent|devons|devez|devra|devront|devrait|devraient|devrez|faut|faudra|faudrait": "obligation",
        # the conditional is the future stem + -ait: "-erait" (every -er verb, "serait", "ferait"), "-irait",
        # "-rrait" ("verrait"), "-drait" ("prendrait"), "-ttrait" ("mettrait"), "-aîtrait", "aurait",
        # "vivrait", "suivrait", "recevrait"; an imperfect whose stem ends in -r ("déclarait",
        # "montrait", "espérait", "ouvrait", "assurait") has none of these endings
        r"[^\W\d_]*(?:e|i|r|d|tt|[aâo][iî]t|au|viv|suiv|cev|pleuv)rai(?:t|ent)": "conditional",
    },
    # across languages the conditional also renders the future of a past context ("a déclaré qu'elle
    # ferait" / "said it will") and a reported possibility ("les personnes qui auraient été mordues" /
    # "who may have been bitten"); "devrait" is "should" or "is expected to" ("elles devraient se
    # poursuivre" / "these will be continued")
    modal_readings={
        "conditional": ("future", "possibility"),
        r"devrai(?:t|ent|s)|devrions|devriez": ("future",),
    },
    modal_exceptions=frozenset({
        "attrait",
        "contrera", "ère", "opéra", "caméra", "sera-t-il", "véra", "era", "ira", "lira",
        "pourrait-il", "tiara", "sierra", "umbrera", "nira", "mira", "hira", "delira",
        # "il suffira de ..." is "all it takes is ...", not a future claim
        "suffira", "suffiront", "suffirait", "suffiraient",
        # imperfects (and past historics) of the -irer and -drer verbs, which look like -ir and -re conditionals
        # (and futures): "il retirait" is "he withdrew", "il retirerait" "he would withdraw"
        *(stem + ending
          for stem in ("tir", "attir", "retir", "étir", "inspir", "aspir", "désir", "respir", "expir", "admir",
                       "soupir", "vir", "chavir", "empir", "transpir", "conspir", "délir",
                       "effondr", "engendr", "encadr", "cadr")
          for ending in ("ait", "aient", "a")),
    }),
    hedges=(r"apparemment", r"semble", r"semblent", r"paraît-il", r"selon\s+toute\s+vraisemblance", r"probablement"),
)
