"""Negation drift: a negation present on one side only.

Markers come from ``Polarity.negations`` (English not / n't / never / no
/ none / without ..., French ne … pas / plus / jamais, aucun, ni, sans ...);
phrases in ``Polarity.negation_exceptions`` ("not only", "sans doute")
are masked first.  The markers of both sides are paired by relative
position; a marker left without a partner is a finding.  The count is what
matters, not the words: "ne ... jamais" and "never" are one negation each.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from ... import lang as _lang
from ...models import Drift, DriftType
from ...text import opens_sentence
from ..check import DriftCheck, no_counterpart
from ..context import PairContext, Side
from ..matching import alternation, pair_by_position

__all__ = ["NegationCheck", "negation_markers"]


@lru_cache(maxsize=None)
def _patterns(code: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    data = _lang.get(code)
    return alternation(data.polarity.negations), alternation(data.polarity.negation_exceptions)


def negation_markers(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the negation markers of ``text``."""
    neg, exc = _patterns(lang)
    if neg is None:
        return []
    masked = [(m.start(), m.end()) for m in exc.finditer(text)] if exc is not None else []
    out = []
    for m in neg.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in masked):
            continue
        if _in_title(text, m.start(), m.group()):
            continue
        out.append((m.start(), m.end()))
    return out


def _in_title(text: str, start: int, marker: str) -> bool:
    """A capitalised marker in the middle of a sentence belongs to a name or a
    title ("Faith No More", "You Can't Get In My Head"), not to the claim."""
    first = marker[:1]
    if not first.isupper() or marker.isupper() and len(marker) > 1:
        return False  # lower case, or "NOT" written for emphasis
    return not opens_sentence(text, start)


class NegationCheck(DriftCheck):
    name = "negation"
    drift_types: ClassVar[tuple[DriftType, ...]] = ("negation",)

    def markers(self, side: Side) -> list[tuple[int, int]]:
        return negation_markers(side.text, side.lang)

    def check(self, pair: PairContext) -> list[Drift]:
        a, b = self.markers(pair.source), self.markers(pair.target)
        if len(a) == len(b):
            return []
        ua, ub = pair_by_position(a, len(pair.source.text), b, len(pair.target.text))
        st, tt = pair.source.text, pair.target.text
        out = [self.finding("negation", st[a[i][0] : a[i][1]], None, a[i], None, "critical") for i in ua]
        out += [self.finding("negation", None, tt[b[j][0] : b[j][1]], None, b[j], "critical") for j in ub]
        return out

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        if target_value is None:
            return no_counterpart("negation", source_value, "source", ", which reverses the statement")
        return no_counterpart("negation", target_value, "target", ", which reverses the statement")
