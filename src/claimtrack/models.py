"""The data model: frozen pydantic v2 models that round-trip exactly through JSON.

Every extracted thing keeps its surface ``text`` and end-exclusive character
offsets ``start``/``end`` into ``Article.text`` (like spaCy's ``Span``), so
``article.text[x.start:x.end] == x.text`` holds for sentences, claims,
speakers, quantities, dates and entities alike.

``claimtrack.json_schema()`` (:mod:`claimtrack.outputs`) returns the JSON
Schema of these models and of every other output model; the CLI prints it
with ``claimtrack schema``.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Model",
    "Article",
    "Sentence",
    "Furniture",
    "Speaker",
    "Quantity",
    "DateMention",
    "Entity",
    "QuoteSpan",
    "Cue",
    "Quote",
    "Claim",
    "Link",
    "Alignment",
    "QuoteLink",
    "Drift",
    "PairDiff",
    "ScoreTerm",
    "ClaimKind",
    "Qualifier",
    "DriftType",
    "LANGUAGES",
    "LangCode",
    "Offset",
]

LANGUAGES: tuple[str, ...] = ("en", "fr")
"""The codes of the languages claimtrack has data for (``claimtrack.lang.SUPPORTED`` is this tuple)."""

_SURROGATE = re.compile("[\ud800-\udfff]")


def _supported_lang(code: str) -> str:
    if code not in LANGUAGES:
        raise ValueError(f"language {code!r} is not supported (supported: {', '.join(LANGUAGES)})")
    return code


LangCode = Annotated[str, AfterValidator(_supported_lang), Field(json_schema_extra={"enum": list(LANGUAGES)})]
"""A language code claimtrack has data for: the language of a sentence, claim or diff side."""

Offset = Annotated[int, Field(ge=0)]
"""A character offset into a text (0-based, end-exclusive for ``end``)."""


def _check_text(value: object, where: str) -> None:
    """Raise ValueError when a string held by a model could not be written as UTF-8 JSON."""
    if isinstance(value, str):
        if _SURROGATE.search(value) is not None:
            raise ValueError(f"{where} holds a lone surrogate code point, which UTF-8 JSON cannot hold")
    elif isinstance(value, tuple):
        for item in value:
            if isinstance(item, (str, tuple)):
                _check_text(item, where)

ClaimKind = Literal["statement", "quote", "reported"]
"""``quote``: text inside quotation marks; ``reported``: "X said that ...";
``statement``: everything else."""

Qualifier = Literal["more_than", "at_least", "about", "nearly", "at_most", "less_than", "exactly"]
"""The bound a figure is stated with: "more than 2,400" is ``more_than``."""

DriftType = Literal[
    "number",
    "qualifier",
    "date",
    "negation",
    "entity",
    "speaker",
    "pronoun",
    "modality",
    "time_scope",
    "omission",
    "addition",
]


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
"""One ``model_fields_set`` per combination of fields set, shared (see :meth:`Model.model_post_init`)."""


class Model(BaseModel):
    """Base of every claimtrack model: frozen, strict about unknown fields, and
    valid only when it round-trips through JSON.

    A model refuses (``pydantic.ValidationError``, a ``ValueError``) what its
    JSON could not give back: a non-finite float (JSON has no ``inf``/``nan``),
    a string holding a lone surrogate (not encodable in UTF-8), a negative
    ``start``/``end`` offset, ``start > end``, or a span ``(a, b)`` with
    ``a > b``.  So ``type(m).model_validate_json(m.model_dump_json()) == m``
    holds for every model that exists.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    @model_validator(mode="after")
    def _round_trips(self) -> Model:
        for name, value in self.__dict__.items():
            _check_text(value, f"{type(self).__name__}.{name}")
            if name.endswith("_span") and value is not None and value[0] > value[1]:
                raise ValueError(f"{type(self).__name__}.{name} {tuple(value)} starts after it ends")
        start, end = self.__dict__.get("start"), self.__dict__.get("end")
        if isinstance(start, int) and isinstance(end, int) and start > end:
            raise ValueError(f"{type(self).__name__} starts at {start}, after its end {end}")
        return self

    def model_post_init(self, context: Any, /) -> None:
        """Share one ``model_fields_set`` among the instances that set the
        same fields: pydantic keeps a set per instance, a fifth of the memory
        of a claim and its figures, names and dates, and a frozen model never
        changes its own (``model_copy`` copies it first)."""
        own = self.__pydantic_fields_set__
        object.__setattr__(self, "__pydantic_fields_set__", _FIELDS_SETS.setdefault(frozenset(own), own))


class Article(Model):
    """One article: normalised text plus metadata.

    ``text`` is the decoded input in Unicode NFC with line endings turned into
    ``\\n``; nothing else is rewritten (quotes, no-break spaces stay), so
    offsets into it are meaningful to a reader of the source.
    """

    id: str = Field(description="Stable identifier; derived from the text's hash when not given.")
    lang: str = Field(description="ISO 639-1 code, detected (seeded langdetect) unless given.")
    text: str
    source: str | None = Field(default=None, description="Outlet, URL or path the article came from.")
    published: _dt.date | None = Field(default=None, description="Publication date, the anchor of relative dates.")
    encoding: str | None = Field(default=None, description="Encoding the bytes were decoded with, if read from bytes.")
    lang_confidence: float | None = Field(default=None, description="Detector probability of `lang`; None when given.")
    region: str | None = Field(
        default=None,
        description="Region of a given language tag (`fr-CA` gives lang `fr`, region `CA`); None when not given.",
    )
    date_order: Literal["dmy", "mdy"] | None = Field(
        default=None,
        description="Order of numeric dates such as 12/03/2025 (`dmy`: 12 March, `mdy`: December 3); "
                    "None: the order of the language's CLDR locale (en: mdy, fr: dmy).",
    )


class Sentence(Model):
    """A prose sentence of an article with its own language tag."""

    index: int = Field(ge=0, description="0-based position among the article's prose sentences.")
    text: str
    start: Offset
    end: Offset
    lang: LangCode
    paragraph: int = Field(ge=0, description="0-based index of the line (paragraph) it belongs to.")


class Furniture(Model):
    """A line that is not article prose (share prompt, byline, heading, credit...)."""

    text: str
    start: Offset
    end: Offset
    kind: Literal["heading", "byline", "dateline", "credit", "boilerplate", "navigation", "caption", "link"]
    reason: str = Field(description="Why this line was kept out of the claims, in words.")


class Speaker(Model):
    """Who a claim is attributed to.

    ``text``/``start``/``end`` is the mention in the article (a name, a
    surname, or a pronoun such as "she" / "il"); ``name`` is the resolved full
    name with titles and appositions stripped, or None when it cannot be
    resolved.  ``via`` says how the name was found.

    ``gender`` is the grammatical gender the article refers to this person
    with: the mention's own when it is a gendered pronoun ("she", "il"),
    otherwise that of the pronouns resolved to the same name elsewhere in the
    article when they all agree ("Chintala said" in an article where
    Chintala is "he" elsewhere); None when there is none or they disagree.
    ``gender_word`` is the word that gives it, as written ("she").  Drift
    compares them: the same person referred to as "she" in one article and
    "il" in another is a ``pronoun`` finding.
    """

    text: str
    start: Offset
    end: Offset
    name: str | None
    via: Literal["name", "surname", "pronoun", "context"] = "name"
    gender: Literal["m", "f"] | None = None
    gender_word: str | None = None

    @property
    def label(self) -> str:
        """Who the speaker is, for a reader: the resolved name, else the mention."""
        return self.name or self.text


class Quantity(Model):
    """A number with its unit or counted noun and the bound it is stated with."""

    text: str
    start: Offset
    end: Offset
    value: float = Field(description="Normalised value: '2 400', '2,400' and 'deux mille quatre cents' give 2400.")
    unit: str | None = Field(default=None, description="'%', a currency code, or the counted noun as written.")
    qualifier: Qualifier | None = None
    kind: Literal["cardinal", "percent", "money", "ordinal"] = "cardinal"


class DateMention(Model):
    """A date resolved against the article's publication date."""

    text: str
    start: Offset
    end: Offset
    value: _dt.date | None = Field(description="Normalised date (day precision), None if it could not be resolved.")
    granularity: Literal["day", "month", "year"] = "day"


class Entity(Model):
    """A proper name (person, organisation, product) with a normalised key.

    ``key`` is shared by surface variants: "Nvidia Corp.", "NVidia" and
    "Nvidia" all have the key ``nvidia``.
    """

    text: str
    start: Offset
    end: Offset
    key: str
    label: Literal["person", "organization", "name"] = "name"


class QuoteSpan(Model):
    """One stretch of a quotation's words, without its quotation marks
    (``article.text[start:end] == text``)."""

    text: str
    start: int
    end: int


class Cue(Model):
    """What attributes a quotation: a reporting verb ("told", "a-t-elle
    précisé"), a preposition or phrase ("according to", "selon", "in a
    statement"), a colon after the speaker, or a dash before the speaker."""

    text: str
    start: int
    end: int
    kind: Literal["verb", "preposition", "colon", "dash"] = "verb"


class Quote(Model):
    """A direct quotation: the words in quotation marks, who said them, and how the text says so.

    ``spans`` are its content spans in text order, quotation marks left out;
    a quotation interrupted by its attribution ("We will appeal," she said,
    "and we will win.") or continued into the next paragraph has one span per
    stretch.  ``partial`` is true for words quoted inside a reporter's own
    sentence (He called the plan "a weak compromise").  ``speaker`` is the
    speaker's mention with the resolved name (``Speaker.name``); a speaker
    named by description only ("a spokesman for the ministry", "la banque")
    has ``name`` None and the description as its ``text``.
    """

    article_id: str
    text: str = Field(description="The spans' words joined by a space.")
    start: int = Field(description="Start of the first span.")
    end: int = Field(description="End of the last span.")
    spans: tuple[QuoteSpan, ...]
    partial: bool = False
    cue: Cue | None = None
    speaker: Speaker | None = None
    lang: str
    sentence_index: int = Field(description="Index of the prose sentence the quotation opens in.")


class Claim(Model):
    """A language-tagged statement: a sentence or an attributed quote."""

    id: str = Field(description="Stable id: same article id and text give the same claim ids.")
    article_id: str
    lang: LangCode
    text: str
    start: Offset
    end: Offset
    kind: ClaimKind
    speaker: Speaker | None = None
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[Entity, ...] = ()
    sentence_index: int = Field(ge=0, description="Index of the sentence among the article's prose sentences.")
    quote_id: int | None = Field(default=None, description="Claims of one multi-sentence quotation share this id.")
    quotes: tuple[Quote, ...] = Field(
        default=(),
        description="Every direct quotation inside the claim, its spans cut to the claim's own (ct.extract_quotes).",
    )


class Link(Model):
    """One link of a monotone sentence alignment (1-1, 1-n, n-1, 1-0 or 0-1).

    ``source``/``target`` are tuples of 0-based sentence indices; an empty tuple
    on one side is an omission (1-0) or an addition (0-1).
    """

    source: tuple[Annotated[int, Field(ge=0)], ...]
    target: tuple[Annotated[int, Field(ge=0)], ...]
    score: float = Field(ge=0.0, le=1.0)
    similarity: float | None = Field(default=None, description="Cosine of the (averaged) sentence vectors.")
    evidence: tuple[str, ...] = Field(default=(), description="Why this link, in words.")


class ScoreTerm(Model):
    """One term of the divergence score: a measured value, its weight, and
    what it adds to the score's log-odds (``contribution = value * weight``).

    ``divergence = 1 / (1 + exp(-sum(term.contribution)))`` over the terms of
    a :class:`PairDiff`, the ``bias`` term included.
    """

    name: str = Field(description="similarity, coverage, length, unmatched, entity, content, value, figure, "
                                  "polarity or bias.")
    value: float = Field(description="The measured value (1.0 or 0.0 for a kind of finding present or absent).")
    weight: float
    contribution: float = Field(description="value * weight, added to the log-odds of divergence.")
    explanation: str
    evidence: tuple[str, ...] = Field(default=(), description="What the value counts, when it counts something: "
                                      "for ``unmatched``, the words with no counterpart, source side first.")


class Drift(Model):
    """One typed, explained difference between two aligned statements."""

    type: DriftType
    source_value: str | None = None
    target_value: str | None = None
    source_span: tuple[Offset, Offset] | None = Field(default=None, description="Offsets into the source text.")
    target_span: tuple[Offset, Offset] | None = Field(default=None, description="Offsets into the target text.")
    explanation: str
    severity: Literal["minor", "major", "critical"] = "major"
    confidence: float | None = Field(
        default=None, ge=0.0, le=1.0,
        description="Estimated probability that a careful bilingual reader would call this a real divergence "
                    "(claimtrack.drift.confidence); None on a finding no model scored.",
    )
    evidence: tuple[ScoreTerm, ...] = Field(
        default=(),
        description="The terms of ``confidence`` (see ScoreTerm): what raised or lowered it, and by how much.",
    )


class Alignment(Model):
    """Two claims found to state the same thing, with the evidence."""

    source: str = Field(description="Claim id on the first side.")
    target: str = Field(description="Claim id on the second side.")
    score: float = Field(ge=0.0, le=1.0)
    similarity: float = Field(description="Embedder cosine similarity.")
    margin: float | None = Field(default=None, description="Similarity minus the mean of each side's nearest neighbours.")
    fuzzy: float | None = Field(default=None, description="rapidfuzz ratio in 0..1 (same-language pairs only).")
    shared_entities: tuple[str, ...] = ()
    shared_numbers: tuple[float, ...] = ()
    evidence: tuple[str, ...] = ()
    drift: tuple[Drift, ...] = ()


class QuoteLink(Model):
    """Two direct quotations found to repeat the same words (``claimtrack.align_quotes``), with the evidence.

    Each side is a quotation of a claim: ``source_claim`` and the index of the
    quotation in its ``Claim.quotes`` (``source_quote``).  ``drift`` compares
    the quotations' words alone, with their speakers: words changed, dropped
    or added inside the quotation, and a quotation given to another person
    (``speaker``)."""

    source_article: str
    target_article: str
    source_claim: str
    source_quote: int = Field(ge=0, description="Index of the quotation in the source claim's ``quotes``.")
    target_claim: str
    target_quote: int = Field(ge=0, description="Index of the quotation in the target claim's ``quotes``.")
    source_text: str = Field(description="The source quotation's words (its spans joined by a space).")
    target_text: str
    source_speaker: str | None = Field(default=None, description="The resolved name (or mention) of its speaker.")
    target_speaker: str | None = None
    score: float = Field(ge=0.0, le=1.0)
    similarity: float = Field(description="Embedder cosine similarity of the two quotations' words.")
    fuzzy: float | None = Field(default=None, description="rapidfuzz ratio in 0..1 (same-language pairs only).")
    evidence: tuple[str, ...] = ()
    drift: tuple[Drift, ...] = ()
    claims_aligned: bool | None = Field(
        default=None,
        description="In a comparison: the two claims holding the quotations are aligned too, so their alignment "
                    "compares these words as well (False: the quotation is shared by sentences that are not; "
                    "None: not known, outside a comparison).",
    )


class PairDiff(Model):
    """The result of ``ct.diff``: how two statements differ."""

    source: str
    target: str
    source_lang: LangCode
    target_lang: LangCode
    similarity: float
    divergence: float = Field(ge=0.0, le=1.0)
    divergent: bool
    threshold: float
    drift: tuple[Drift, ...] = Field(
        default=(), description="The findings with ``confidence >= min_confidence``, the ones to read.")
    candidates: tuple[Drift, ...] = Field(
        default=(),
        description="Every finding the checks proposed, whatever its confidence (``drift`` is a part of it).",
    )
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0,
                                  description="The confidence a candidate needed to be in ``drift``.")
    divergent_because: str = Field(
        default="",
        description="Why ``divergent`` is what it is: the divergence against the threshold, or the critical "
                    "finding that makes the pair divergent whatever its score.",
    )
    score: tuple[ScoreTerm, ...] = Field(
        default=(),
        description="The terms of ``divergence`` (see ScoreTerm): what raised or lowered it, and by how much.",
    )
    signature: str | None = Field(
        default=None,
        description="Every setting the score depends on (checks, thresholds, weights, embedder), as one string.",
    )

