"""Hypothesis strategies for property-testing claim pipelines.

Bilingual EN/FR statement pairs built from a small template bank, with
figures formatted per locale by babel (``150,000`` in English, ``150 000``
with a narrow no-break space in French), with or without one injected drift
of a chosen type::

    from hypothesis import given
    from claimtrack.testing import statement_pairs

    @given(statement_pairs(drift="number", lang_pair=("en", "fr")))
    def test_number_drift_is_found(pair):
        d = ct.diff(pair.source, pair.target, pair.source_lang, pair.target_lang)
        assert "number" in {f.type for f in d.drift}

Needs ``hypothesis`` (the ``testing`` extra: ``pip install "claimtrack[testing]"``) and
``babel`` (a dependency).
Every example is a frozen :class:`StatementPair`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover
    raise ImportError("claimtrack.testing needs hypothesis: pip install 'claimtrack[testing]'") from exc

from babel.numbers import format_decimal

from . import lang as _lang

__all__ = [
    "StatementPair",
    "DRIFT_TYPES",
    "statement_pairs",
    "reformatted",
    "reformat",
    "format_number",
    "TEMPLATES",
]

DRIFT_TYPES: tuple[str, ...] = ("number", "qualifier", "negation", "entity", "omission", "addition", "pronoun",
                                "modality")
"""The drift types :func:`statement_pairs` can inject."""

_LOCALES = {code: _lang.get(code).babel_locale for code in _lang.SUPPORTED}


@dataclass(frozen=True)
class StatementPair:
    """One generated pair.

    ``drift`` is the injected drift type (None: a faithful rendering);
    ``expected_source``/``expected_target`` are the values that drift should
    report (the figures, qualifiers, names, dropped/added clause, pronouns or
    modals as written), None where a side has nothing.
    """

    source: str
    target: str
    source_lang: str
    target_lang: str
    drift: str | None
    expected_source: str | None = None
    expected_target: str | None = None
    template: str = ""


def format_number(value: int, lang: str) -> str:
    """``value`` as the locale writes it (babel ``format_decimal``)."""
    return format_decimal(value, locale=_LOCALES[lang])


# --- the bank ------------------------------------------------------------------------------

SPEAKERS: tuple[tuple[str, str], ...] = (
    ("Jim Zemlin", "m"), ("Alice Martin", "f"), ("Paul Durand", "m"), ("Claire Dubois", "f"),
    ("Marc Lefebvre", "m"), ("Sophie Laurent", "f"), ("David Chen", "m"), ("Emma Weber", "f"),
)
ORGS: tuple[tuple[str, str], ...] = (
    ("the Linux Foundation", "la Fondation Linux"), ("Mozilla", "Mozilla"), ("Red Hat", "Red Hat"),
    ("Nvidia", "Nvidia"), ("Amazon", "Amazon"), ("Siemens", "Siemens"), ("Airbus", "Airbus"),
    ("Renault", "Renault"), ("Spotify", "Spotify"), ("Ubisoft", "Ubisoft"),
)
NOUNS: tuple[tuple[str, str], ...] = (
    ("contributors", "contributeurs"), ("projects", "projets"), ("users", "utilisateurs"),
    ("developers", "développeurs"), ("employees", "salariés"), ("customers", "clients"),
)
QUALIFIERS: tuple[tuple[str, str, str], ...] = (
    # (name, English, French)
    ("more_than", "more than", "plus de"),
    ("nearly", "nearly", "près de"),
    ("about", "about", "environ"),
    ("at_least", "at least", "au moins"),
    ("less_than", "less than", "moins de"),
    ("none", "", ""),
)
_QUAL_CLASS = {"more_than": "lower", "at_least": "lower", "nearly": "approx", "about": "approx",
               "less_than": "upper", "none": "exact"}
CLAUSES: tuple[tuple[str, str], ...] = (
    (", which makes it one of the largest open source communities in the world",
     ", ce qui en fait l’une des plus grandes communautés open source au monde"),
    (", after a long campaign to recruit volunteers in universities and research laboratories",
     ", après une longue campagne de recrutement de bénévoles dans les universités et les laboratoires de recherche"),
    (", although the economic crisis forced several partners to cut their budgets",
     ", bien que la crise économique ait forcé plusieurs partenaires à réduire leurs budgets"),
)
MODALS: tuple[tuple[str, str, str], ...] = (
    # (class, English, French)
    ("future", "will", "va"),
    ("possibility", "could", "pourrait"),
    ("obligation", "must", "doit"),
)

# Templates: {speaker} {org}/{Org} {qn} (qualified figure + noun) {clause}
# {pron} (he/she, il/elle) {modal}; "neg" is the negated form.
TEMPLATES: dict[str, dict[str, str]] = {
    "said_that": {
        "en": "{speaker} said that {org} has {qn}{clause}.",
        "en_neg": "{speaker} said that {org} does not have {qn}{clause}.",
        "fr": "{speaker} a déclaré que {org} compte {qn}{clause}.",
        "fr_neg": "{speaker} a déclaré que {org} ne compte pas {qn}{clause}.",
    },
    "quote_pronoun": {
        "en": "“Our partner {org} has {qn}{clause},” {pron} said.",
        "en_neg": "“Our partner {org} does not have {qn}{clause},” {pron} said.",
        "fr": "« Notre partenaire {org} compte {qn}{clause} », a-t-{pron} déclaré.",
        "fr_neg": "« Notre partenaire {org} ne compte pas {qn}{clause} », a-t-{pron} déclaré.",
    },
    "modal": {
        "en": "According to {speaker}, {org} {modal} reach {qn}{clause}.",
        "en_neg": "According to {speaker}, {org} {modal} not reach {qn}{clause}.",
        "fr": "Selon {speaker}, {org} {modal} atteindre {qn}{clause}.",
        "fr_neg": "Selon {speaker}, {org} ne {modal} pas atteindre {qn}{clause}.",
    },
}
_PRON = {"en": {"m": "he", "f": "she"}, "fr": {"m": "il", "f": "elle"}}


def _render(template: str, lang: str, *, neg: bool, speaker: str, org: tuple[str, str], qual: tuple[str, str, str],
            value: int, noun: tuple[str, str], clause: tuple[str, str] | None, gender: str,
            modal: tuple[str, str, str]) -> tuple[str, dict[str, str]]:
    k = 0 if lang == "en" else 1
    text = TEMPLATES[template][lang + ("_neg" if neg else "")]
    q = qual[1 + k]
    figure = format_number(value, lang)
    qn = f"{q} {figure} {noun[k]}" if q else f"{figure} {noun[k]}"
    name = org[k]
    parts = {
        "speaker": speaker,
        "org": name,
        "Org": name[:1].upper() + name[1:],
        "qn": qn,
        "clause": clause[k] if clause else "",
        "pron": _PRON[lang][gender],
        "modal": modal[1 + k],
    }
    values = {"figure": figure, "qualifier": qual[0], "org": parts["Org"] if "{Org}" in text else name,
              "clause": parts["clause"].lstrip(", "), "pron": parts["pron"], "modal": parts["modal"]}
    return text.format(**parts), values


@st.composite
def statement_pairs(
    draw: Any,
    drift: str | None = None,
    lang_pair: tuple[str, str] = ("en", "fr"),
) -> StatementPair:
    """A bilingual (or same-language) statement pair with at most one
    injected drift.

    Args:
        drift: None for a faithful pair, or one of :data:`DRIFT_TYPES`:
            ``number`` (the figure changed), ``qualifier`` (the bound changed
            class: "more than" -> "nearly"), ``negation`` (the target
            negated), ``entity`` (the organisation swapped), ``omission``
            (a clause of the source dropped), ``addition`` (a clause added),
            ``pronoun`` (he <-> she), ``modality`` (will / could / must changed).
        lang_pair: (source language, target language), each ``en`` or ``fr``.
    """
    if drift is not None and drift not in DRIFT_TYPES:
        raise ValueError(f"unknown drift {drift!r}; choose from {DRIFT_TYPES}")
    sl, tl = lang_pair
    if drift == "pronoun":
        template = "quote_pronoun"
    elif drift == "modality":
        template = "modal"
    else:
        template = draw(st.sampled_from(sorted(TEMPLATES)))
    speaker, gender = draw(st.sampled_from(SPEAKERS))
    org = draw(st.sampled_from(ORGS))
    noun = draw(st.sampled_from(NOUNS))
    # a negated bound ("ne compte pas plus de") is a different bound, not a
    # negation: negation is injected only on approximate or exact figures
    quals = [q for q in QUALIFIERS if drift != "negation" or _QUAL_CLASS[q[0]] in ("approx", "exact")]
    qual = draw(st.sampled_from(quals))
    value = draw(st.integers(min_value=2, max_value=999_999))
    clause = draw(st.one_of(st.none(), st.sampled_from(CLAUSES)))
    modal = draw(st.sampled_from(MODALS))
    src_kw: dict[str, Any] = dict(neg=False, speaker=speaker, org=org, qual=qual, value=value, noun=noun,
                                  clause=clause, gender=gender, modal=modal)
    tgt_kw = dict(src_kw)
    if drift == "number":
        factor = draw(st.sampled_from((2, 3, 10)))
        tgt_kw["value"] = value * factor if draw(st.booleans()) or value < 20 else value // factor
    elif drift == "qualifier":
        others = [q for q in QUALIFIERS if _QUAL_CLASS[q[0]] != _QUAL_CLASS[qual[0]]]
        tgt_kw["qual"] = draw(st.sampled_from(others))
    elif drift == "negation":
        tgt_kw["neg"] = True
    elif drift == "entity":
        tgt_kw["org"] = draw(st.sampled_from([o for o in ORGS if o != org]))
    elif drift in ("omission", "addition"):
        c = draw(st.sampled_from(CLAUSES))
        src_kw["clause"], tgt_kw["clause"] = (c, None) if drift == "omission" else (None, c)
    elif drift == "pronoun":
        tgt_kw["gender"] = "f" if gender == "m" else "m"
    elif drift == "modality":
        tgt_kw["modal"] = draw(st.sampled_from([m for m in MODALS if m != modal]))
    source, sv = _render(template, sl, **src_kw)
    target, tv = _render(template, tl, **tgt_kw)
    key = {"number": "figure", "qualifier": "qualifier", "entity": "org", "omission": "clause",
           "addition": "clause", "pronoun": "pron", "modality": "modal", "negation": None}.get(drift or "")
    es = sv[key] if key and drift != "addition" else None
    et = tv[key] if key and drift != "omission" else None
    if drift == "negation":
        et = "not" if tl == "en" else "ne … pas"
    return StatementPair(source, target, sl, tl, drift, es, et, template)


# --- reformatting (changes that must never be drift) ---------------------------------------------

_REFORMATS = ("quotes", "grouping", "final_punct", "tokenise", "spaces", "lower")


def reformat(text: str, how: str) -> str:
    """``text`` rewritten in form only.

    ``quotes``: curly <-> straight quotes and apostrophes; ``grouping``:
    thousands separators swapped (``2,400`` <-> ``2 400``, narrow no-break
    <-> plain space); ``final_punct``: the final full stop dropped;
    ``tokenise``: spaces put around punctuation (as a tokeniser does);
    ``spaces``: double spaces; ``lower``: the whole text in lower case.
    """
    if how == "quotes":
        table = str.maketrans({"“": '"', "”": '"', "’": "'", "«": '"', "»": '"', '"': "“", "'": "’"})
        return text.translate(table)
    if how == "grouping":
        text = re.sub(r"(?<=\d),(?=\d{3}\b)", "\u00a0", text)
        return re.sub(r"(?<=\d)[\u202f\u00a0 ](?=\d{3}\b)", ",", text) if "\u00a0" not in text else text
    if how == "final_punct":
        return text.rstrip(".")
    if how == "tokenise":
        return re.sub(r"\s*([;:!?“”«»]|[,.](?!\d))\s*", r" \1 ", text).strip()
    if how == "spaces":
        return text.replace(" ", "  ")
    if how == "lower":
        return text.lower()
    raise ValueError(f"unknown reformatting {how!r}; choose from {_REFORMATS}")


@st.composite
def reformatted(draw: Any, text: str) -> str:
    """``text`` after one or more form-only rewrites (:func:`reformat`)."""
    hows = draw(st.lists(st.sampled_from(_REFORMATS), min_size=1, max_size=3, unique=True))
    for how in hows:
        text = reformat(text, how)
    return text
