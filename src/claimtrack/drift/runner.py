"""The driver: runs the checks on many pairs with their vectors batched,
in a canonical orientation, and builds each pair's :class:`~claimtrack.models.PairDiff`.

Mirroring: the checks run on the pair in a canonical orientation (the
smaller of ``(lang, text)`` first) and the findings are mirrored when the
caller's orientation is the other one, so ``diff(b, a)`` reports exactly the
findings of ``diff(a, b)`` with source and target swapped (an omission
becomes an addition), whatever ties the checks break internally.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..models import Drift, PairDiff, ScoreTerm
from .check import DriftCheck
from .confidence import score as confidence_of, texts_needed
from .checks import CHECKS
from .settings import DriftConfig
from .context import PairContext, Side
from .precedence import drop_covered
from .score import divergence, length_ratio, score_terms

if TYPE_CHECKING:  # pragma: no cover
    from ..embed import Embedder, EmbeddingCache

__all__ = ["resolve_checks", "signature", "run_many"]

_TYPE_ORDER = {
    t: i
    for i, t in enumerate(
        ("number", "qualifier", "date", "time_scope", "negation", "entity", "speaker", "pronoun", "modality",
         "omission", "addition")
    )
}
_MIRROR = {"omission": "addition", "addition": "omission"}


def resolve_checks(checks: Iterable[str | DriftCheck] | None) -> list[DriftCheck]:
    """The checks to run: names in :data:`~claimtrack.drift.checks.CHECKS`
    or instances, all of them when None."""
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


def signature(threshold: float, min_confidence: float, settings: DriftConfig, checks: list[DriftCheck],
              embedder: Any) -> str:
    """The ``PairDiff.signature`` of a run: settings, threshold, confidence
    model and cut, checks and embedder."""
    from .confidence import model

    name = getattr(embedder, "fingerprint", None) or getattr(embedder, "name", type(embedder).__name__)
    return (f"{settings.signature()}|threshold={threshold}|confidence={model().version}>={min_confidence}"
            f"|checks={'+'.join(c.name for c in checks)}|embedder={name}")


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
        confidence=d.confidence,
        evidence=tuple(_mirror_term(x) for x in d.evidence),
    )


def _mirror_term(term: ScoreTerm) -> ScoreTerm:
    """A confidence term as the mirrored finding reads it (an omission's
    indicator becomes the addition's)."""
    name, says = term.name, term.explanation
    for a, b in _MIRROR.items():
        if name == f"type:{a}":
            return term.model_copy(update={"name": name.replace(a, b, 1), "explanation": says.replace(a, b, 1)})
    return term


def _sort_key(d: Drift) -> tuple[Any, ...]:
    return (_TYPE_ORDER[d.type], d.source_span or (-1, -1), d.target_span or (-1, -1), d.source_value or "",
            d.target_value or "")


def _verdict(div: float, threshold: float, shown: tuple[Drift, ...]) -> tuple[bool, str]:
    """``divergent`` and why: a pair whose reported findings include a
    critical one is divergent whatever its score; otherwise the divergence
    decides against the threshold."""
    critical = [d for d in shown if d.severity == "critical"]
    if critical:
        return True, f"a critical {critical[0].type} finding is reported: {critical[0].explanation}"
    if div >= threshold:
        return True, f"divergence {div:.3f} >= threshold {threshold}"
    return False, f"divergence {div:.3f} < threshold {threshold} and no critical finding is reported"


class _Job:
    """One pair prepared for checking, in canonical orientation."""

    def __init__(self, source: Side, target: Side, checks: list[DriftCheck], settings: DriftConfig,
                 embedder: Embedder | None, cache: EmbeddingCache | None) -> None:
        self.flip = (source.lang, source.text) > (target.lang, target.text)
        a, b = (target, source) if self.flip else (source, target)
        self.checks = checks
        self.ctx = PairContext(a, b, embedder=embedder, cache=cache, config=settings,
                               need_chunks=any(c.needs_vectors for c in checks))

    def propose(self) -> list[str]:
        """Run the checks: the candidates, in canonical orientation, with the
        check each comes from; returns the texts their confidence needs
        encoded (:func:`~claimtrack.drift.confidence.texts_needed`)."""
        # each finding as the caller reads it, with the check and the
        # canonical finding it comes from (confidence is measured on that one)
        shown: list[Drift] = []
        origin: dict[int, tuple[DriftCheck, Drift]] = {}
        for check in self.checks:
            for d in check.check(self.ctx):
                s = _mirror(check, d) if self.flip else d
                shown.append(s)
                origin[id(s)] = (check, d)
        self.proposed = [origin[id(s)] for s in drop_covered(shown)]
        return [t for _, d in self.proposed for t in texts_needed(d, self.ctx)]

    def run(self, threshold: float, min_confidence: float, signature: str, source_text: str,
            target_text: str) -> PairDiff:
        scored = confidence_of([d for _, d in self.proposed], self.ctx)
        found = [_mirror(check, d) if self.flip else d for (check, _), d in zip(self.proposed, scored)]
        found.sort(key=_sort_key)
        ctx = self.ctx
        sim = ctx.similarity
        length = length_ratio(len(ctx.source.text), len(ctx.target.text), ctx.source.data.relative_length,
                              ctx.target.data.relative_length)
        lost_a, lost_b = ctx.unmatched
        lost = [t.text for t in (lost_b + lost_a if self.flip else lost_a + lost_b)]
        terms = score_terms(sim, ctx.coverage, length, found, ctx.config, unmatched=lost)
        div = divergence(terms)
        shown_now = tuple(d for d in found if (d.confidence or 0.0) >= min_confidence)
        divergent, because = _verdict(div, threshold, shown_now)
        src, tgt = (ctx.target, ctx.source) if self.flip else (ctx.source, ctx.target)
        return PairDiff(
            source=source_text,
            target=target_text,
            source_lang=src.lang,
            target_lang=tgt.lang,
            similarity=round(sim, 6),
            divergence=div,
            divergent=divergent,
            divergent_because=because,
            threshold=threshold,
            drift=shown_now,
            candidates=tuple(found),
            min_confidence=min_confidence,
            score=terms,
            signature=signature,
        )


def run_many(
    sides: list[tuple[Side, Side]],
    threshold: float,
    min_confidence: float,
    embedder: Embedder | None,
    checks: Iterable[str | DriftCheck] | None,
    cache: EmbeddingCache | None,
    settings: DriftConfig,
) -> list[PairDiff]:
    """The diff of each pair of sides: every text the checks start from is
    encoded in one batch, then what :meth:`DriftCheck.texts_after` asks for
    (the leave-one-out variants) in a second one, then what the candidates'
    confidence needs (each one-sided value left out) in a third."""
    from ..embed import EmbeddingCache, default_embedder

    chosen = resolve_checks(checks)
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
    needed = [t for job in jobs for t in job.propose()]
    if needed:
        cache.encode(embedder, needed)  # and one for what the confidence of the candidates needs
    sig = signature(threshold, min_confidence, settings, chosen, embedder)
    return [job.run(threshold, min_confidence, sig, a.text, b.text) for job, (a, b) in zip(jobs, sides)]
