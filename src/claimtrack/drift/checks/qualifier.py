"""Qualifier drift: the bound a matched figure is stated with changed class.

Classes: a lower bound (``more_than``, ``at_least``), an upper bound
(``at_most``, ``less_than``), an approximation (``about``, ``nearly``) and an
exact figure (``exactly`` or no qualifier).  "more than 150,000" vs "près de
154 000" is a lower bound that became an approximation; "over 2,400" vs
"plus de 2 400" is the same bound and gives nothing.  Differences inside a
class ("more than" vs "at least", "about" vs "nearly") are not reported.
"""

from __future__ import annotations

from typing import ClassVar

from ...models import Drift, DriftType
from ..check import DriftCheck
from ..context import PairContext

__all__ = ["QualifierCheck", "QUALIFIER_CLASS"]

QUALIFIER_CLASS: dict[str | None, str] = {
    "more_than": "lower",
    "at_least": "lower",
    "at_most": "upper",
    "less_than": "upper",
    "about": "approx",
    "nearly": "approx",
    "exactly": "exact",
    None: "exact",
}
_CLASS_WORDS = {
    "lower": "a lower bound",
    "upper": "an upper bound",
    "approx": "an approximation",
    "exact": "an exact figure",
}
_QUAL_WORDS = {
    "more_than": "more than",
    "at_least": "at least",
    "at_most": "at most",
    "less_than": "less than",
    "about": "about",
    "nearly": "nearly",
    "exactly": "exactly",
}


def _value(q: str | None) -> str:
    return q if q is not None else "none"


class QualifierCheck(DriftCheck):
    name = "qualifier"
    drift_types: ClassVar[tuple[DriftType, ...]] = ("qualifier",)

    def check(self, pair: PairContext) -> list[Drift]:
        out: list[Drift] = []
        for m in pair.quantity_matches:
            a, b = m.source, m.target
            if a is None or b is None:
                continue
            ca, cb = QUALIFIER_CLASS[a.qualifier], QUALIFIER_CLASS[b.qualifier]
            if ca == cb:
                continue
            sev = "minor" if {ca, cb} == {"exact", "approx"} else "major"
            out.append(self.finding("qualifier", _value(a.qualifier), _value(b.qualifier),
                                    (a.start, a.end), (b.start, b.end), sev))
        return out

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        def words(v: str | None) -> str:
            q = None if v in (None, "none") else v
            cls = _CLASS_WORDS[QUALIFIER_CLASS[q]]
            return f"{cls} ('{_QUAL_WORDS[q]}')" if q else f"{cls} (no qualifier)"

        return f"The bound of the figure changed: {words(source_value)} in the source became {words(target_value)} in the target."
