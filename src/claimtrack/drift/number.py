"""Number drift: a figure changed, or present on one side only.

Values are compared after the locale-aware normalisation of
:func:`claimtrack.quantities.extract_quantities` ("2,400" = "2 400" =
"deux mille quatre cents"; "4.6 thousand" = 4600; "80 %" = "80 percent"), so
formatting never produces a finding.  Quantities are matched across sides by
:attr:`PairContext.quantity_matches` (greedy by closeness of value, then of
position; percents only with percents, ordinals only with ordinals).
"""

from __future__ import annotations

from ..models import Drift, DriftType, Quantity
from .base import DriftCheck, PairContext, Side, quote

__all__ = ["NumberCheck", "same_value"]


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _spelled_elsewhere(q: Quantity, other: Side) -> bool:
    """True when the other side states the same value in a form the
    extractor skips in context (a capitalised number word in a name: "The
    Seven Sisters"): its lower-cased text is scanned again."""
    from ..quantities import extract_quantities

    return any(same_value(q.value, x.value) for x in extract_quantities(other.text.lower(), other.lang))


def _fmt(q: Quantity) -> str:
    v = q.value
    s = f"{int(v):,}" if float(v).is_integer() else f"{v:,.6g}"
    return s + ("%" if q.kind == "percent" else "")


class NumberCheck(DriftCheck):
    name = "number"
    drift_types: tuple[DriftType, ...] = ("number",)

    def check(self, pair: PairContext) -> list[Drift]:
        out: list[Drift] = []
        for m in pair.quantity_matches:
            a, b = m.source, m.target
            if a is not None and b is not None and same_value(a.value, b.value):
                continue
            one = a if b is None else b if a is None else None
            if one is not None:
                other = pair.target if b is None else pair.source
                if one.kind == "ordinal" or _spelled_elsewhere(one, other):
                    continue
            sev = "critical" if a is not None and b is not None else "major"
            out.append(
                self.finding(
                    "number",
                    _fmt(a) if a else None,
                    _fmt(b) if b else None,
                    (a.start, a.end) if a else None,
                    (b.start, b.end) if b else None,
                    sev,
                )
            )
        return out

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        if source_value is None:
            return f"The figure {quote(target_value)} in the target has no counterpart in the source."
        if target_value is None:
            return f"The figure {quote(source_value)} in the source has no counterpart in the target."
        return f"The figure changed from {quote(source_value)} in the source to {quote(target_value)} in the target."
