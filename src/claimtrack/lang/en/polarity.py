"""English data for the polarity stage (:class:`claimtrack.lang.schema.Polarity`)."""

from __future__ import annotations

from ..schema import Polarity

POLARITY = Polarity(
    negations=(
        r"not", r"\w*n[’']t", r"never", r"no", r"none", r"nobody", r"nothing", r"neither", r"nor",
        r"without", r"no\s+longer", r"cannot", r"nowhere", r"no\s+one",
        r"fail(?:s|ed|ing)?\s+to", r"unable\s+to",
    ),
    negation_exceptions=(
        r"no\s+doubt",
        # "many, if not most": "if not" between commas is "perhaps even" ("if not treated" negates)
        r"(?<=,\s)if\s+not", r"whether\s+or\s+not", r"not\s+least",
        r"nothing\s+but", r"no\s+sooner", r"none\s+other", r"no\s+(?:less|fewer|more)\s+than",
        r"not\s+(?:less|fewer|more)\s+than",
        r"no\.\s*\d+",  # "No. 1": a rank, not a negation
        # a litotes: "not long ago" is "recently"
        r"not\s+long\s+(?:ago|after|afterwards|before)",
        # a litotes: "do not hesitate to" is "feel free to"
        r"(?:not|n[’']t)\s+hesitate",
        # a double negation affirms: "never failed to call" is "always called" ("ne manquèrent pas de"),
        # "not without risk" is "with some risk"
        r"(?:not|never|n[’']t)\s+(?:\w+\s+)?fail(?:s|ed|ing)?\s+to", r"not\s+without",
    ),
    restriction_words=(r"only", r"just", r"merely", r"solely", r"until", r"till"),
    # "is not planned until 2014": "is planned only for 2014" ("n'est prévu qu'en 2014")
    limit_negations=(r"(?:not|\w*n[’']t)\b[^.?!;]{0,40}?\b(?:until|till|before)",),
    scope_continuations=(r"nor",),
    negative_prefixes=("un", "in", "im", "il", "ir", "dis", "non"),
    # a negated focus word adds ("not only X but Y", "not just a game"); "not simply" is left a negation
    # ("not simply stunning" denies)
    focus_negations=(r"not\s+(?:only|just|merely|solely)",),
    lexical_negations=(
        r"non-(?P<head>[^\W\d_]+)",
        # "without" before a bare noun (not a gerund): "left without power", "privés d'électricité"
        r"without\s+(?![^\W\d_]+ing\b)(?P<head>[^\W\d_]+)",
        # an almost-negation: "hardly any tourists" / "quasiment plus aucun touriste"
        r"(?P<head>hardly|barely|scarcely)",
        # the suffix "-less" makes a word's negative: "penniless" / "sans le sou", "wireless" / "sans fil"
        r"(?P<head>[^\W\d_]{3,})less\b",
    ),
    modals={
        r"will|shall|won[’']t|['’]ll|is\s+going\s+to|are\s+going\s+to|am\s+going\s+to": "future",
        r"may|might|could|can|cannot|can[’']t|possibly|perhaps|able\s+to": "possibility",
        r"must|have\s+to|has\s+to|need\s+to|needs\s+to|should|ought\s+to": "obligation",
        r"would": "conditional",
    },
    # across languages "would" also renders a future of a past context and a possibility, and "should"
    # a forecast ("should arrive" / "devrait arriver" / "will arrive")
    modal_readings={"conditional": ("future", "possibility"), r"should": ("future",)},
    hedges=(r"reportedly", r"allegedly", r"apparently", r"seems?\s+to", r"appears?\s+to", r"probably"),
)
