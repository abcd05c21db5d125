"""Translation drift: typed, explained findings and a graded divergence score.

::

    import claimtrack as ct

    d = ct.diff("more than 150,000 projects", "près de 154 000 projets")
    d.divergent, d.divergence, [f.type for f in d.drift]   # True, ..., ['number', 'qualifier']

One module per check (sacreBLEU-style registry, :data:`CHECKS`): ``number``,
``qualifier``, ``date`` (date + time_scope), ``negation``, ``entity``,
``speaker`` (speaker + pronoun), ``modality``, ``omission`` (omission +
addition).  Each is a :class:`~claimtrack.drift.check.DriftCheck` reading a
shared :class:`~claimtrack.drift.context.PairContext`, where each side's
quantities, dates, entities, tokens and chunks and all vectors are computed
once per pair.

The checks run in :mod:`claimtrack.drift.runner` (batching, canonical
orientation and mirroring, so ``diff(b, a)`` is ``diff(a, b)`` mirrored);
:mod:`claimtrack.drift.precedence` drops a finding a more specific one
already reports.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from .. import lang as _lang
from ..errors import (
    ArticleTooLargeError,
    ClaimtrackError,
    DecodingError,
    EmptyInputError,
    ErrorPolicy,
    ErrorSink,
    OnError,
    UndetectedLanguageError,
    UnsupportedLanguageError,
)
from ..models import Claim, PairDiff, Speaker
from ..text import has_visible
from .check import DriftCheck
from .checks import CHECKS
from .settings import DEFAULT_CONFIG, DriftConfig
from .confidence import DEFAULT_MIN_CONFIDENCE
from .context import PairContext, Side, SpeakerRef
from .runner import resolve_checks, run_many
from .score import FINDING_GROUPS, TERMS, divergence, length_ratio, score_terms

if TYPE_CHECKING:  # pragma: no cover
    from ..embed import Embedder, EmbeddingCache

__all__ = [
    "diff",
    "diff_claims",
    "diff_many",
    "check_pair",
    "language_of",
    "config",
    "DEFAULT_THRESHOLD",
    "MAX_DIFF_CHARS",
    "within_budget",
    "DEFAULT_MIN_CONFIDENCE",
    "DEFAULT_CONFIG",
    "CHECKS",
    "DriftCheck",
    "DriftConfig",
    "PairContext",
    "Side",
    "SpeakerRef",
    "divergence",
    "score_terms",
    "length_ratio",
    "TERMS",
    "FINDING_GROUPS",
]

DEFAULT_THRESHOLD = 0.5
"""``divergent = divergence >= DEFAULT_THRESHOLD`` unless ``threshold=`` says otherwise."""


MAX_DIFF_CHARS = 5_000
"""The diff budget: the longest text (per side, in characters) the drift
checks read, about 800 words.  ``diff`` compares statements and passages; its
checks pair up the pieces of the two sides (figures, chunks, sentences), so
their cost grows faster than the text.  A longer side raises
:class:`~claimtrack.errors.ArticleTooLargeError` before any work; to compare
articles, use :func:`claimtrack.compare` (which aligns their claims and diffs
each aligned pair).  Within the budget a pair costs at most a few seconds."""


def within_budget(source_text: str, target_text: str) -> bool:
    """Both texts fit the diff budget (:data:`MAX_DIFF_CHARS`)."""
    return len(source_text) <= MAX_DIFF_CHARS and len(target_text) <= MAX_DIFF_CHARS


def _check_size(text: str, which: str, k: int, n: int) -> None:
    if len(text) > MAX_DIFF_CHARS:
        where = f"pair {k}: " if n > 1 else ""
        raise ArticleTooLargeError(
            f"{where}the {which} text is {len(text):,} characters, over the diff budget of {MAX_DIFF_CHARS:,} "
            "(diff compares statements and passages; compare or align articles: ct.compare, claimtrack compare)"
        )


def config(threshold: float = DEFAULT_THRESHOLD, settings: DriftConfig = DEFAULT_CONFIG,
           checks: Iterable[str | DriftCheck] | None = None,
           min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> dict[str, Any]:
    """Every setting a diff depends on, as a dict (its string form is
    ``PairDiff.signature``)."""
    from .confidence import model

    out: dict[str, Any] = {"threshold": threshold, "min_confidence": min_confidence,
                           "confidence_model": model().version, "checks": [c.name for c in resolve_checks(checks)]}
    out.update(settings.__dict__)
    return out


def language_of(text: str, given: str | None, what: str = "the text") -> str:
    """The supported language of one side of a pair: ``given`` as a tag
    (``fr-CA`` is ``fr``), or detected.

    Raises:
        UnsupportedLanguageError: ``given`` or the detected language is not supported.
        UndetectedLanguageError: nothing is given and the text is too short
            (or has no letters) to tell its language.
        InputError: ``given`` is not a language tag.
    """
    if given is not None:
        from ..ingest.build import language_tag

        code, _ = language_tag(given, f"the language of {what}")
        if not _lang.is_supported(code):
            raise UnsupportedLanguageError(code, _lang.SUPPORTED, what=what)
        return code
    from ..extract.langid import detect_language

    code, _ = detect_language(text)
    if code == "und":
        raise UndetectedLanguageError(_lang.SUPPORTED, what=what)
    if not _lang.is_supported(code):
        raise UnsupportedLanguageError(code, _lang.SUPPORTED, what=what)
    return code


def diff(
    source_text: str,
    target_text: str,
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    embedder: Embedder | None = None,
    checks: Iterable[str | DriftCheck] | None = None,
    source_speaker: str | Speaker | None = None,
    target_speaker: str | Speaker | None = None,
    cache: EmbeddingCache | None = None,
    settings: DriftConfig = DEFAULT_CONFIG,
) -> PairDiff:
    """How two statements (a translation, a paraphrase, a requote) differ.

    Args:
        source_text, target_text: the two statements (a sentence or a short
            passage each).  Every finding's spans index these strings.
        source_lang, target_lang: ``en``/``fr``; detected when None.
        threshold: ``divergent = divergence >= threshold`` (a reported
            critical finding makes the pair divergent whatever its score;
            ``PairDiff.divergent_because`` says which decided).
        min_confidence: the confidence a finding needs to be in
            ``PairDiff.drift`` (default :data:`DEFAULT_MIN_CONFIDENCE`, chosen
            for a precision of 0.9); ``0`` reports every candidate.  Every
            candidate, with its confidence and evidence, is in
            ``PairDiff.candidates`` whatever the cut.
        embedder: the sentence encoder (default: :func:`claimtrack.default_embedder`).
        checks: names in :data:`CHECKS` or :class:`DriftCheck` instances to
            run (default: all).
        source_speaker, target_speaker: who each side is attributed to, when
            known: a name, or a :class:`~claimtrack.models.Speaker` (its
            ``gender`` enables ``pronoun`` findings from the speakers; its
            offsets are read as offsets into the text).  Enables ``speaker``
            findings and leaves the attribution words of the same speaker out
            of the entity and omission/addition checks.
        cache: an :class:`~claimtrack.embed.EmbeddingCache` shared across
            calls, so a text met again is not re-encoded.
        settings: the thresholds (:class:`DriftConfig`).

    Returns:
        :class:`~claimtrack.models.PairDiff` with ``similarity`` (embedder
        cosine), ``divergence`` (see :mod:`claimtrack.drift.score`),
        ``divergent``, ``drift`` and ``signature``.  Deterministic.

    Raises:
        EmptyInputError: a text is empty, or only whitespace and invisible
            characters (zero-width spaces and joiners).
        ArticleTooLargeError: a text is longer than :data:`MAX_DIFF_CHARS`
            (checked before any work).
        UnsupportedLanguageError: a language, given or detected, is not
            ``en`` or ``fr`` (a tag such as ``fr-CA`` counts as its base
            language).
        UndetectedLanguageError: a language is not given and the text is
            too short (or has no letters) to tell it: pass it.
    """
    return diff_many(
        [(source_text, target_text)],
        source_lang=source_lang,
        target_lang=target_lang,
        threshold=threshold,
        min_confidence=min_confidence,
        embedder=embedder,
        checks=checks,
        cache=cache,
        settings=settings,
        speakers=[(source_speaker, target_speaker)],
    )[0]


def diff_claims(
    source: Claim,
    target: Claim,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    embedder: Embedder | None = None,
    checks: Iterable[str | DriftCheck] | None = None,
    cache: EmbeddingCache | None = None,
    settings: DriftConfig = DEFAULT_CONFIG,
) -> PairDiff:
    """:func:`diff` of two claims, reusing what extraction found.

    The claims' quantities, dates and entities are used as they are (shifted
    to claim-relative offsets, so the findings' spans index ``claim.text``;
    add ``claim.start`` to index the article) and their resolved speakers
    (name, mention, gender) enable ``speaker`` and ``pronoun`` findings and
    the attribution masking (see :attr:`PairContext.frames_masked`).
    Nothing is re-extracted.
    """
    return diff_claims_many([(source, target)], threshold=threshold, min_confidence=min_confidence,
                            embedder=embedder, checks=checks, cache=cache, settings=settings)[0]


def _check_cut(min_confidence: float) -> None:
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence is a probability in 0..1, not {min_confidence!r}")


def _claim_side(c: Claim, settings: DriftConfig) -> Side:
    def shift(items: Sequence[Any]) -> list[Any]:
        return [x.model_copy(update={"start": x.start - c.start, "end": x.end - c.start}) for x in items]

    return Side(
        text=c.text,
        lang=c.lang if _lang.is_supported(c.lang) else _lang.SUPPORTED[0],
        speaker=SpeakerRef.of(c.speaker, c.start, len(c.text)),
        quoted=c.kind == "quote",
        given_quantities=shift(c.quantities),
        given_dates=shift(c.dates),
        given_entities=shift(c.entities),
        config=settings,
    )


def diff_claims_many(
    pairs: Sequence[tuple[Claim, Claim]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    embedder: Embedder | None = None,
    checks: Iterable[str | DriftCheck] | None = None,
    cache: EmbeddingCache | None = None,
    settings: DriftConfig = DEFAULT_CONFIG,
) -> list[PairDiff]:
    """:func:`diff_claims` for many pairs, batched as :func:`diff_many`.
    A claim longer than :data:`MAX_DIFF_CHARS` raises
    :class:`~claimtrack.errors.ArticleTooLargeError` before any work."""
    for k, (a, b) in enumerate(pairs):
        _check_size(a.text, "source", k, len(pairs))
        _check_size(b.text, "target", k, len(pairs))
    sides = [(_claim_side(a, settings), _claim_side(b, settings)) for a, b in pairs]
    _check_threshold(threshold)
    _check_cut(min_confidence)
    return run_many(sides, threshold, min_confidence, embedder, checks, cache, settings)


def check_pair(source: object, target: object, source_lang: str | None, target_lang: str | None,
               at: str = "") -> tuple[str, str]:
    """Check one pair of statements and settle its languages, as :func:`diff_many`
    does for each pair: the two supported language codes.

    Raises:
        TypeError: a text is not a ``str``.
        ArticleTooLargeError: a text is longer than :data:`MAX_DIFF_CHARS`.
        EmptyInputError: a text is empty or only whitespace and invisible characters.
        DecodingError: a text holds an unpaired surrogate (it cannot be written as UTF-8).
        UnsupportedLanguageError, UndetectedLanguageError, InputError: see :func:`language_of`.
    """
    for which, text in (("source", source), ("target", target)):
        if not isinstance(text, str):
            raise TypeError(f"{at}the {which} text is {type(text).__name__}, not str")
        if len(text) > MAX_DIFF_CHARS:
            raise ArticleTooLargeError(
                f"{at}the {which} text is {len(text):,} characters, over the diff budget of {MAX_DIFF_CHARS:,} "
                "(diff compares statements and passages; compare or align articles: ct.compare, claimtrack compare)"
            )
        if not has_visible(text):
            raise EmptyInputError(f"{at}the {which} text is empty: there is nothing to compare")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise DecodingError(f"{at}the {which} text contains an unpaired surrogate "
                                f"(U+{ord(text[exc.start]):04X} at character {exc.start})") from None
    assert isinstance(source, str) and isinstance(target, str)
    return (language_of(source, source_lang, f"{at}the source text"),
            language_of(target, target_lang, f"{at}the target text"))


def _check_threshold(threshold: float) -> None:
    if not isinstance(threshold, (int, float)) or not math.isfinite(threshold) or not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold is a divergence in 0..1, not {threshold!r}")


@overload
def diff_many(
    pairs: Sequence[tuple[str, str]],
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    embedder: Embedder | None = None,
    checks: Iterable[str | DriftCheck] | None = None,
    cache: EmbeddingCache | None = None,
    settings: DriftConfig = DEFAULT_CONFIG,
    speakers: Sequence[tuple[str | Speaker | None, str | Speaker | None]] | None = None,
    errors: Literal["stop"] = "stop",
    error_file: ErrorSink | None = None,
) -> list[PairDiff]: ...


@overload
def diff_many(
    pairs: Sequence[tuple[str, str]],
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    embedder: Embedder | None = None,
    checks: Iterable[str | DriftCheck] | None = None,
    cache: EmbeddingCache | None = None,
    settings: DriftConfig = DEFAULT_CONFIG,
    speakers: Sequence[tuple[str | Speaker | None, str | Speaker | None]] | None = None,
    errors: OnError,
    error_file: ErrorSink | None = None,
) -> list[PairDiff | None]: ...


def diff_many(
    pairs: Sequence[tuple[str, str]],
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    embedder: Embedder | None = None,
    checks: Iterable[str | DriftCheck] | None = None,
    cache: EmbeddingCache | None = None,
    settings: DriftConfig = DEFAULT_CONFIG,
    speakers: Sequence[tuple[str | Speaker | None, str | Speaker | None]] | None = None,
    errors: OnError = "stop",
    error_file: ErrorSink | None = None,
) -> list[PairDiff] | list[PairDiff | None]:
    """:func:`diff` for many pairs: the texts of every pair (sentences, content
    words, chunks) are encoded in one batched call, then the leave-one-out
    variants the omission check needs in a second one.  Every text is checked
    (type, :data:`MAX_DIFF_CHARS`, emptiness, language) before any work.

    ``errors`` (:data:`claimtrack.errors.OnError`) says what a bad pair (an
    empty text, an unsupported or undetected language) does: ``stop`` (the
    default) raises its error before anything is computed; ``skip`` and
    ``report`` put ``None`` in its place in the result (so the result stays
    parallel to ``pairs``) and compute the others; ``report`` also sends an
    :class:`~claimtrack.errors.ErrorRecord` (``input`` is ``"pair K"``, 0-based)
    to ``error_file``.
    """
    policy = ErrorPolicy(errors, error_file)
    _check_threshold(threshold)
    _check_cut(min_confidence)
    sides: list[tuple[Side, Side]] = []
    good: list[int] = []
    for k, (s, t) in enumerate(pairs):
        try:
            sl, tl = check_pair(s, t, source_lang, target_lang, f"pair {k}: " if len(pairs) > 1 else "")
        except ClaimtrackError as exc:
            policy.handle(exc, input=f"pair {k}")
            continue
        sp = speakers[k] if speakers is not None else (None, None)
        good.append(k)
        sides.append((Side(s, sl, speaker=SpeakerRef.of(sp[0], 0, len(s)), config=settings),
                      Side(t, tl, speaker=SpeakerRef.of(sp[1], 0, len(t)), config=settings)))
    done = run_many(sides, threshold, min_confidence, embedder, checks, cache, settings) if sides else []
    if policy.stops:
        return done
    out: list[PairDiff | None] = [None] * len(pairs)
    for k, d in zip(good, done):
        out[k] = d
    return out
