"""The :class:`DriftCheck` base every check derives from, with what they
share: :meth:`DriftCheck.finding` builds a finding and its explanation, and
the standard explanations (:func:`no_counterpart`, :func:`changed`,
:meth:`DriftCheck.presence`) are written once here, so a check's
``explain`` is a line.  The driver that runs the checks is
:mod:`claimtrack.drift.runner`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Literal

from ..models import Drift, DriftType
from .context import PairContext

__all__ = ["DriftCheck", "quote", "no_counterpart", "changed"]


def quote(s: str | None) -> str:
    """A value as it appears in explanations."""
    return "nothing" if s is None else f"'{s}'"


def no_counterpart(what: str, value: str | None, side: Literal["source", "target"], note: str = "") -> str:
    """The explanation of a value on one side only: The {what} '{value}' in
    the {side} has no counterpart in the {other side}{note}."""
    other = "target" if side == "source" else "source"
    return f"The {what} {quote(value)} in the {side} has no counterpart in the {other}{note}."


def changed(what: str, source_value: str | None, target_value: str | None) -> str:
    """The explanation of a changed value: The {what} changed from
    '{source_value}' in the source to '{target_value}' in the target."""
    return f"The {what} changed from {quote(source_value)} in the source to {quote(target_value)} in the target."


class DriftCheck(ABC):
    """One kind of drift detection.

    Subclasses set ``name`` and ``drift_types`` and implement :meth:`check`
    (the findings of one pair) and :meth:`explain` (the one-sentence
    explanation of a finding from its type and values alone, so that a
    finding mirrored to the other orientation explains itself correctly).
    """

    name: ClassVar[str]
    drift_types: ClassVar[tuple[DriftType, ...]]
    needs_vectors: ClassVar[bool] = False

    @abstractmethod
    def check(self, pair: PairContext) -> list[Drift]:
        """The findings of this check for one pair."""

    @abstractmethod
    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        """One sentence explaining a finding of this check."""

    def texts_after(self, pair: PairContext) -> list[str]:
        """Texts this check will encode once the vectors of
        :meth:`PairContext.texts_to_encode` are known (the candidates of a
        leave-one-out test, say), so that many pairs batch them together.
        The default needs none."""
        return []

    @staticmethod
    def presence(what: str, source_value: str | None, target_value: str | None) -> str:
        """The standard explanation of a value missing on one side
        (:func:`no_counterpart`) or changed (:func:`changed`)."""
        if source_value is None:
            return no_counterpart(what, target_value, "target")
        if target_value is None:
            return no_counterpart(what, source_value, "source")
        return changed(what, source_value, target_value)

    def finding(
        self,
        type: DriftType,
        source_value: str | None,
        target_value: str | None,
        source_span: tuple[int, int] | None,
        target_span: tuple[int, int] | None,
        severity: str = "major",
    ) -> Drift:
        return Drift(
            type=type,
            source_value=source_value,
            target_value=target_value,
            source_span=source_span,
            target_span=target_span,
            explanation=self.explain(type, source_value, target_value),
            severity=severity,  # type: ignore[arg-type]
        )

    def __repr__(self) -> str:
        return f"<DriftCheck {self.name}>"
