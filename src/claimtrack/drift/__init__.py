"""Translation drift: typed, explained findings and a graded divergence score.

::

    import claimtrack as ct

    d = ct.diff("more than 150,000 projects", "près de 154 000 projets")
    d.divergent, d.divergence, [f.type for f in d.drift]   # True, ..., ['number', 'qualifier']

One module per check (sacreBLEU-style registry, :data:`CHECKS`): ``number``,
``qualifier``, ``date`` (date + time_scope), ``negation``, ``entity``,
``speaker`` (speaker + pronoun), ``modality``, ``omission`` (omission +
addition).  Each is a :class:`~claimtrack.drift.base.DriftCheck` reading a
shared :class:`~claimtrack.drift.base.PairContext`, where each side's
quantities, dates, entities, tokens and chunks and all vectors are computed
once per pair.

Mirroring: the checks run on the pair in a canonical orientation (the
smaller of ``(lang, text)`` first) and the findings are mirrored when the
caller's orientation is the other one, so ``diff(b, a)`` reports exactly the
findings of ``diff(a, b)`` with source and target swapped (an omission
becomes an addition), whatever ties the checks break internally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .. import lang as _lang
from ..errors import EmptyInputError
from ..models import Claim, Drift, PairDiff
from .base import DEFAULT_CONFIG, DriftCheck, DriftConfig, PairContext, Side, fold
from .checks.date import DateCheck
from .checks.entity import EntityCheck
from .checks.modality import ModalityCheck
from .checks.negation import NegationCheck
from .checks.number import NumberCheck
from .checks.omission import OmissionCheck
from .checks.qualifier import QualifierCheck
from .score import FINDING_GROUPS, TERMS, divergence, length_ratio, score_terms
from .checks.speaker import SpeakerCheck

if TYPE_CHECKING:  # pragma: no cover
    from ..embed import Embedder, EmbeddingCache

__all__ = [
    "diff",
    "diff_claims",
    "diff_many",
    "config",
    "DEFAULT_THRESHOLD",
    "DEFAULT_CONFIG",
    "CHECKS",
    "DriftCheck",
    "DriftConfig",
    "PairContext",
    "Side",
    "divergence",
    "score_terms",
    "length_ratio",
    "TERMS",
    "FINDING_GROUPS",
]

DEFAULT_THRESHOLD = 0.5
"""``divergent = divergence >= DEFAULT_THRESHOLD`` unless ``threshold=`` says otherwise."""

CHECKS: dict[str, DriftCheck] = {
    c.name: c
    for c in (
        NumberCheck(),
        QualifierCheck(),
        DateCheck(),
        NegationCheck(),
        EntityCheck(),
        SpeakerCheck(),
        ModalityCheck(),
        OmissionCheck(),
    )
}
"""The registry: check name -> instance, in reporting order."""

_TYPE_ORDER = {
    t: i
    for i, t in enumerate(
        ("number", "qualifier", "date", "time_scope", "negation", "entity", "speaker", "pronoun", "modality",
         "omission", "addition")
    )
}
_MIRROR = {"omission": "addition", "addition": "omission"}


def _resolve_checks(checks: Iterable[str | DriftCheck] | None) -> list[DriftCheck]:
    if checks is None:
        return list(CHECKS.values())
    out: list[DriftCheck] = []
    for c in checks:
        if isinstance(c, str):
            if c not in CHECKS:
                raise ValueError(f"unknown drift check {c!r}; known: {', '.join(CHECKS)}")
            out.append(CHECKS[c])
        else:
            out.append(c)
    return out


def config(threshold: float = DEFAULT_THRESHOLD, settings: DriftConfig = DEFAULT_CONFIG,
           checks: Iterable[str | DriftCheck] | None = None) -> dict[str, Any]:
    """Every setting a diff depends on, as a dict (its string form is
    ``PairDiff.signature``)."""
    out: dict[str, Any] = {"threshold": threshold, "checks": [c.name for c in _resolve_checks(checks)]}
    out.update(settings.__dict__)
    return out


def _signature(threshold: float, settings: DriftConfig, checks: list[DriftCheck], embedder: Any) -> str:
    name = getattr(embedder, "fingerprint", None) or getattr(embedder, "name", type(embedder).__name__)
    return (f"{settings.signature()}|threshold={threshold}|checks={'+'.join(c.name for c in checks)}"
            f"|embedder={name}")


def _lang_of(text: str, given: str | None, fallback: str | None) -> str:
    if given is not None:
        _lang.get(given)  # raises UnsupportedLanguageError
        return given
    from ..extract.langid import detect_language

    code, _ = detect_language(text)
    if _lang.is_supported(code):
        return code
    return fallback if fallback and _lang.is_supported(fallback) else _lang.SUPPORTED[0]


def _mirror(check: DriftCheck, d: Drift) -> Drift:
    t = _MIRROR.get(d.type, d.type)
    return Drift(
        type=t,  # type: ignore[arg-type]
        source_value=d.target_value,
        target_value=d.source_value,
        source_span=d.target_span,
        target_span=d.source_span,
        explanation=check.explain(t, d.target_value, d.source_value),  # type: ignore[arg-type]
        severity=d.severity,
    )


def _sort_key(d: Drift) -> tuple[Any, ...]:
    return (_TYPE_ORDER[d.type], d.source_span or (-1, -1), d.target_span or (-1, -1), d.source_value or "",
            d.target_value or "")


def _inside(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1]


def _folded_words(text: str | None) -> list[str]:
    return re.findall(r"\w+", fold(text or ""))


def _speaker_change(d: Drift, speaker: Drift | None) -> bool:
    """``d`` restates a speaker finding: a name replaced by the other speaker's
    name, or an attribution ("a déclaré Marc Delorme") added or dropped.
    Particles ("de") never count as the name: the speaker's full name, or
    its last word, must be there."""
    if speaker is None:
        return False
    sa, sb = _folded_words(speaker.source_value), _folded_words(speaker.target_value)
    if d.type == "entity" and d.source_value and d.target_value:
        ea = {w for w in _folded_words(d.source_value) if len(w) > 2}
        eb = {w for w in _folded_words(d.target_value) if len(w) > 2}
        return bool(ea and eb) and ea <= set(sa) and eb <= set(sb)
    if d.type in ("omission", "addition"):
        words = _folded_words(d.source_value if d.type == "omission" else d.target_value)
        name = sa if d.type == "omission" else sb
        for form in (name, name[-1:]):  # "Marc Delorme", or "Delorme" alone
            n = len(form)
            if n and len(form[-1]) > 2 and any(words[i : i + n] == form for i in range(len(words) - n + 1)):
                return len(words) - n <= 3
    return False


def _dedupe(found: list[Drift]) -> list[Drift]:
    """Drop an omission/addition whose passage is exactly what a more specific
    finding (a time scope, a figure, a name) already reports, a figure
    finding inside a date or time-scope finding, and a name or attribution
    change that only restates a speaker finding (the same change, said once)."""
    speaker = next((d for d in found if d.type == "speaker"), None)
    out = []
    for d in found:
        if _speaker_change(d, speaker):
            continue
        if d.type in ("omission", "addition"):
            span = d.source_span if d.type == "omission" else d.target_span
            side = "source_span" if d.type == "omission" else "target_span"
            if any(o is not d and o.type not in ("omission", "addition") and _inside(span, getattr(o, side))
                   for o in found):
                continue
        if d.type == "number" and any(
            o.type in ("date", "time_scope")
            and (_inside(d.source_span, o.source_span) or _inside(d.target_span, o.target_span))
            for o in found
        ):
            continue  # a year or day inside a date finding: the date finding says it
        if d.type in ("negation", "modality") and any(
            (o.type == "omission" and _inside(d.source_span, o.source_span))
            or (o.type == "addition" and _inside(d.target_span, o.target_span))
            for o in found
        ):
            continue  # a "not" inside a dropped clause does not reverse what is left
        out.append(d)
    return out


class _Job:
    """One pair prepared for checking, in canonical orientation."""

    def __init__(self, source: Side, target: Side, checks: list[DriftCheck], settings: DriftConfig,
                 embedder: Embedder | None, cache: EmbeddingCache | None) -> None:
        self.flip = (source.lang, source.text) > (target.lang, target.text)
        a, b = (target, source) if self.flip else (source, target)
        self.checks = checks
        self.ctx = PairContext(a, b, embedder=embedder, cache=cache, config=settings,
                               need_chunks=any(c.needs_vectors for c in checks))

    def run(self, threshold: float, signature: str, source_text: str, target_text: str) -> PairDiff:
        found: list[Drift] = []
        for check in self.checks:
            for d in check.check(self.ctx):
                found.append(_mirror(check, d) if self.flip else d)
        found = _dedupe(found)
        found.sort(key=_sort_key)
        ctx = self.ctx
        sim = ctx.similarity
        length = length_ratio(len(ctx.source.text), len(ctx.target.text), ctx.source.data.relative_length,
                              ctx.target.data.relative_length)
        lost_a, lost_b = ctx.unmatched
        lost = [t.text for t in (lost_b + lost_a if self.flip else lost_a + lost_b)]
        terms = score_terms(sim, ctx.coverage, length, found, ctx.config, unmatched=lost)
        div = divergence(terms)
        src, tgt = (ctx.target, ctx.source) if self.flip else (ctx.source, ctx.target)
        return PairDiff(
            source=source_text,
            target=target_text,
            source_lang=src.lang,
            target_lang=tgt.lang,
            similarity=round(sim, 6),
            divergence=div,
            divergent=div >= threshold,
            threshold=threshold,
            drift=tuple(found),
            score=terms,
            signature=signature,
        )


def diff(
    source_text: str,
    target_text: str,
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    embedder: Embedder | None = None,
    checks: Iterable[str | DriftCheck] | None = None,
    source_speaker: str | None = None,
    target_speaker: str | None = None,
    cache: EmbeddingCache | None = None,
    settings: DriftConfig = DEFAULT_CONFIG,
) -> PairDiff:
    """How two statements (a translation, a paraphrase, a requote) differ.

    Args:
        source_text, target_text: the two statements (a sentence or a short
            passage each).  Every finding's spans index these strings.
        source_lang, target_lang: ``en``/``fr``; detected when None.
        threshold: ``divergent = divergence >= threshold``.
        embedder: the sentence encoder (default: :func:`claimtrack.default_embedder`).
        checks: names in :data:`CHECKS` or :class:`DriftCheck` instances to
            run (default: all).
        source_speaker, target_speaker: who each side is attributed to, when
            known (enables ``speaker`` findings).
        cache: an :class:`~claimtrack.embed.EmbeddingCache` shared across
            calls, so a text met again is not re-encoded.
        settings: the thresholds (:class:`DriftConfig`).

    Returns:
        :class:`~claimtrack.models.PairDiff` with ``similarity`` (embedder
        cosine), ``divergence`` (see :mod:`claimtrack.drift.score`),
        ``divergent``, ``drift`` and ``signature``.  Deterministic.

    Raises:
        EmptyInputError: a text is empty or only whitespace.
        UnsupportedLanguageError: a given language is not ``en`` or ``fr``.
    """
    return diff_many(
        [(source_text, target_text)],
        source_lang=source_lang,
        target_lang=target_lang,
        threshold=threshold,
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
    embedder: Embedder | None = None,
    checks: Iterable[str | DriftCheck] | None = None,
    cache: EmbeddingCache | None = None,
    settings: DriftConfig = DEFAULT_CONFIG,
) -> PairDiff:
    """:func:`diff` of two claims, reusing what extraction found.

    The claims' quantities, dates and entities are used as they are (shifted
    to claim-relative offsets, so the findings' spans index ``claim.text``;
    add ``claim.start`` to index the article) and their resolved speaker
    names enable ``speaker`` findings.  Nothing is re-extracted.
    """
    return diff_claims_many([(source, target)], threshold=threshold, embedder=embedder, checks=checks,
                            cache=cache, settings=settings)[0]


def _claim_side(c: Claim, settings: DriftConfig) -> Side:
    def shift(items: Sequence[Any]) -> list[Any]:
        return [x.model_copy(update={"start": x.start - c.start, "end": x.end - c.start}) for x in items]

    return Side(
        text=c.text,
        lang=c.lang if _lang.is_supported(c.lang) else _lang.SUPPORTED[0],
        speaker=c.speaker.name if c.speaker is not None else None,
        given_quantities=shift(c.quantities),
        given_dates=shift(c.dates),
        given_entities=shift(c.entities),
        config=settings,
    )


def diff_claims_many(
    pairs: Sequence[tuple[Claim, Claim]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    embedder: Embedder | None = None,
    checks: Iterable[str | DriftCheck] | None = None,
    cache: EmbeddingCache | None = None,
    settings: DriftConfig = DEFAULT_CONFIG,
) -> list[PairDiff]:
    """:func:`diff_claims` for many pairs, batched as :func:`diff_many`."""
    sides = [(_claim_side(a, settings), _claim_side(b, settings)) for a, b in pairs]
    return _run_many(sides, threshold, embedder, checks, cache, settings)


def diff_many(
    pairs: Sequence[tuple[str, str]],
    source_lang: str | None = None,
    target_lang: str | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    embedder: Embedder | None = None,
    checks: Iterable[str | DriftCheck] | None = None,
    cache: EmbeddingCache | None = None,
    settings: DriftConfig = DEFAULT_CONFIG,
    speakers: Sequence[tuple[str | None, str | None]] | None = None,
) -> list[PairDiff]:
    """:func:`diff` for many pairs: the texts of every pair (sentences, content
    words, chunks) are encoded in one batched call, then the leave-one-out
    variants the omission check needs in a second one."""
    sides: list[tuple[Side, Side]] = []
    for k, (s, t) in enumerate(pairs):
        for which, text in (("source", s), ("target", t)):
            if not isinstance(text, str):
                raise TypeError(f"pair {k}: the {which} text is {type(text).__name__}, not str")
            if not text.strip():
                where = f"pair {k}: " if len(pairs) > 1 else ""
                raise EmptyInputError(f"{where}the {which} text is empty: there is nothing to compare")
        sp = speakers[k] if speakers is not None else (None, None)
        sl = _lang_of(s, source_lang, target_lang)
        tl = _lang_of(t, target_lang, sl)
        sides.append((Side(s, sl, speaker=sp[0], config=settings), Side(t, tl, speaker=sp[1], config=settings)))
    return _run_many(sides, threshold, embedder, checks, cache, settings)


def _run_many(
    sides: list[tuple[Side, Side]],
    threshold: float,
    embedder: Embedder | None,
    checks: Iterable[str | DriftCheck] | None,
    cache: EmbeddingCache | None,
    settings: DriftConfig,
) -> list[PairDiff]:
    from ..embed import EmbeddingCache, default_embedder

    chosen = _resolve_checks(checks)
    embedder = embedder if embedder is not None else default_embedder()
    cache = cache if cache is not None else EmbeddingCache()
    jobs = [_Job(a, b, chosen, settings, embedder, cache) for a, b in sides]
    texts: list[str] = []
    for job in jobs:
        texts += job.ctx.texts_to_encode()
    cache.encode(embedder, texts)  # one batch for everything the checks start from
    later = [t for job in jobs for check in job.checks for t in check.texts_after(job.ctx)]
    if later:
        cache.encode(embedder, later)  # and one for what they need next (leave-one-out variants)
    sig = _signature(threshold, settings, chosen, embedder)
    return [job.run(threshold, sig, a.text, b.text) for job, (a, b) in zip(jobs, sides)]
