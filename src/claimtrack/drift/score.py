"""The graded divergence score: a logistic combination of readable evidence.

::

    divergence = 1 / (1 + exp(-(w_bias + sum(w_i * value_i))))

over nine measured values (:data:`TERMS`):

========== ==================================================================
similarity the embedder cosine of the two sentences
coverage   the worst best-cosine of any chunk of either side against the other
           side (:attr:`~claimtrack.drift.context.PairContext.coverage`): a
           passage with no counterpart lowers it
length     ``|log((len_a / r_a + 1) / (len_b / r_b + 1))|``, lengths in
           characters, ``r`` each language's ``LanguageData.relative_length``
unmatched  how many content words of either side have no counterpart word
           on the other side (:attr:`~claimtrack.drift.context.PairContext.unmatched`;
           the words are the term's ``evidence``)
entity     1 when there is an entity, speaker or pronoun finding, else 0
content    1 when there is an omission or addition finding
value      1 when a figure's value changed (a ``number`` finding with a value
           on both sides, severity ``critical``)
figure     1 when a figure is on one side only, or a date or time scope differs
polarity   1 when there is a negation, modality or qualifier finding
========== ==================================================================

The weights are the ``w_*`` fields of
:class:`~claimtrack.drift.settings.DriftConfig`, fitted by
``benchmarks/fit_divergence.py`` (L2-regularised logistic regression on the
REFreSD EN-FR pairs; ``docs/drift.md`` gives its cross-validated accuracy).
Every :class:`~claimtrack.models.PairDiff` carries its terms
(``PairDiff.score``: value, weight, contribution and a sentence each), so a
divergence can always be read back to what raised or lowered it.  The score
is monotone in the evidence: a finding never lowers it (the finding weights
are non-negative), a higher similarity or coverage never raises it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from ..models import Drift, ScoreTerm
from .settings import DEFAULT_CONFIG, DriftConfig

__all__ = ["TERMS", "FINDING_GROUPS", "length_ratio", "score_terms", "divergence"]

TERMS: tuple[str, ...] = (
    "similarity", "coverage", "length", "unmatched", "entity", "content", "value", "figure", "polarity",
)
"""The measured values of the score, in order (the bias comes last)."""

_ANY = ("minor", "major", "critical")
FINDING_GROUPS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "entity": (("entity", _ANY), ("speaker", _ANY), ("pronoun", _ANY)),
    "content": (("omission", _ANY), ("addition", _ANY)),
    "value": (("number", ("critical",)),),
    "figure": (("number", ("minor", "major")), ("date", _ANY), ("time_scope", _ANY)),
    "polarity": (("negation", _ANY), ("modality", _ANY), ("qualifier", _ANY)),
}
"""Score term -> the (drift type, severities) whose presence sets it to 1."""

_SAYS = {
    "similarity": "cosine of the two sentences",
    "coverage": "worst-matched passage's best cosine on the other side",
    "length": "length mismatch, |log| of the length ratio",
    "unmatched": "content words with no counterpart on the other side",
    "entity": "a name, speaker or pronoun differs",
    "content": "a passage has no counterpart",
    "value": "a figure's value changed",
    "figure": "a figure on one side only, or a date differs",
    "polarity": "a negation, modality or bound differs",
}


def length_ratio(source_chars: int, target_chars: int, source_relative: float = 1.0,
                 target_relative: float = 1.0) -> float:
    """``|log((source_chars / source_relative + 1) / (target_chars / target_relative + 1))|``:
    0 for lengths in the languages' usual proportion, growing as one side is
    longer.  Symmetric in its two sides."""
    a = source_chars / max(source_relative, 1e-9) + 1.0
    b = target_chars / max(target_relative, 1e-9) + 1.0
    return abs(math.log(a / b))


def score_terms(similarity: float, coverage: float, length: float, findings: Iterable[Drift],
                config: DriftConfig = DEFAULT_CONFIG, unmatched: Sequence[str] = ()) -> tuple[ScoreTerm, ...]:
    """The terms of the divergence score (the nine of :data:`TERMS`, then
    ``bias``), each with its value, weight, contribution and explanation.
    ``unmatched`` lists the words with no counterpart (its length is the
    ``unmatched`` value; the words become that term's ``evidence``)."""
    if isinstance(unmatched, str):
        raise TypeError("unmatched is a sequence of words, not one string")
    present = {(f.type, f.severity) for f in findings}
    values = {"similarity": similarity, "coverage": coverage, "length": length, "unmatched": float(len(unmatched))}
    for group, kinds in FINDING_GROUPS.items():
        values[group] = 1.0 if any((t, sev) in present for t, sevs in kinds for sev in sevs) else 0.0
    out = []
    for name in TERMS:
        value = float(values[name])
        weight = float(getattr(config, f"w_{name}"))
        contribution = value * weight
        evidence = tuple(unmatched) if name == "unmatched" else ()
        listed = f" ({', '.join(evidence)})" if evidence else ""
        out.append(ScoreTerm(
            name=name, value=round(value, 6), weight=weight, contribution=round(contribution, 6),
            explanation=f"{_SAYS[name]}{listed}: {value:.3g} x {weight:+.3g} = {contribution:+.3f}",
            evidence=evidence,
        ))
    out.append(ScoreTerm(name="bias", value=1.0, weight=config.w_bias, contribution=config.w_bias,
                         explanation=f"log-odds before any evidence: {config.w_bias:+.3f}"))
    return tuple(out)


def divergence(terms: Iterable[ScoreTerm]) -> float:
    """``1 / (1 + exp(-sum(contributions)))``, rounded to 6 decimals."""
    z = sum(t.contribution for t in terms)
    z = max(-60.0, min(60.0, z))
    return round(1.0 / (1.0 + math.exp(-z)), 6)
