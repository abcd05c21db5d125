"""The graded divergence score.

``divergence = 1 - (1 - d_sim) * prod(1 - w[f.severity] for f in findings)``

where ``d_sim = clip((sim_high - similarity) / (sim_high - sim_low), 0, 1)``
turns the embedder cosine into a divergence (0 at or above ``sim_high``, 1 at
or below ``sim_low``) and ``w`` is ``weight_critical`` / ``weight_major`` /
``weight_minor`` of :class:`~claimtrack.drift.base.DriftConfig`: a noisy-OR
of independent pieces of evidence, in 0..1, monotone in each of them.  A pair
is ``divergent`` when ``divergence >= threshold``
(:data:`claimtrack.drift.DEFAULT_THRESHOLD`).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Drift
from .base import DEFAULT_CONFIG, DriftConfig

__all__ = ["similarity_divergence", "divergence"]


def similarity_divergence(similarity: float, config: DriftConfig = DEFAULT_CONFIG) -> float:
    span = max(config.sim_high - config.sim_low, 1e-9)
    return min(1.0, max(0.0, (config.sim_high - similarity) / span))


def divergence(similarity: float, findings: Iterable[Drift], config: DriftConfig = DEFAULT_CONFIG) -> float:
    weights = {"critical": config.weight_critical, "major": config.weight_major, "minor": config.weight_minor}
    keep = 1.0 - similarity_divergence(similarity, config)
    for f in findings:
        keep *= 1.0 - weights[f.severity]
    return round(min(1.0, max(0.0, 1.0 - keep)), 6)
