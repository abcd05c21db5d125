"""Date and time-scope drift.

``date``: a date mention (from :func:`claimtrack.extract.dates.extract_dates`)
changed or present on one side only.  Two mentions agree when their values
are equal at the coarser of their granularities ("September 2022" = "12
septembre 2022" at month level), or when their folded texts are equal; a
mention whose value could not be resolved (no publication date to anchor
"le 12 septembre") is compared by text only and, precision first, never
reported as *changed*, only as missing on the other side.

``time_scope``: the period a claim covers changed or disappeared ("since its
launch in 2016" vs "ces cinq dernières années"; "From August 2021 through
August 2022" vs no period at all).  Phrases come from
:func:`claimtrack.extract.time_scopes.find_time_scopes` (``Scopes.time_scopes``:
regex, kind); a phrase is its kind plus the numbers and years inside it, and
two phrases agree when both are equal.
Dates and numbers inside a time-scope phrase are left to this check.  A
phrase with no figure ("since the start") is not reported as missing when
the other side holds a word of its kind (``Scopes.time_scope_words``):
it may be said there in words the patterns do not know.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from ... import lang as _lang
from ...extract.time_scopes import TimeScope
from ...models import DateMention, Drift, DriftType
from ...text import fold
from ..check import DriftCheck
from ..context import PairContext, Side
from ..matching import pair_by_position

__all__ = ["DateCheck"]


@lru_cache(maxsize=None)
def _kind_words(code: str, kind: str) -> re.Pattern[str]:
    words = _lang.get(code).scopes.time_scope_words.get(kind, ())
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])" if words else r"(?!)", re.IGNORECASE)


def _same_date(a: DateMention, b: DateMention) -> bool | None:
    """True/False when comparable, None when a value is unknown."""
    if fold(a.text) == fold(b.text):
        return True
    if a.value is None or b.value is None:
        return None
    order = {"year": 0, "month": 1, "day": 2}
    g = min(order[a.granularity], order[b.granularity])
    ka = (a.value.year, a.value.month, a.value.day)[: g + 1]
    kb = (b.value.year, b.value.month, b.value.day)[: g + 1]
    return ka == kb


def _date_value(d: DateMention) -> str:
    if d.value is None:
        return d.text
    return {"year": f"{d.value:%Y}", "month": f"{d.value:%Y-%m}", "day": d.value.isoformat()}[d.granularity]


class DateCheck(DriftCheck):
    name = "date"
    drift_types: ClassVar[tuple[DriftType, ...]] = ("date", "time_scope")

    def check(self, pair: PairContext) -> list[Drift]:
        return self._dates(pair) + self._scopes(pair)

    def _dates(self, pair: PairContext) -> list[Drift]:
        ss, ts = pair.source.time_scopes, pair.target.time_scopes

        def usable(side: Side, scopes: list[TimeScope]) -> list[DateMention]:
            # a date inside an attribution frame ("Okafor said on Tuesday") dates the
            # statement, not its content
            return [d for d in side.dates if not any(s < d.end and d.start < e for s, e, _, _ in scopes)
                    and not pair.attribution(side, d.start, d.end)]

        a, b = usable(pair.source, ss), usable(pair.target, ts)
        ua, ub = set(range(len(a))), set(range(len(b)))
        for want in (True, None):  # equal first, then "cannot tell"
            for i in sorted(ua):
                for j in sorted(ub):
                    if _same_date(a[i], b[j]) is want:
                        ua.discard(i)
                        ub.discard(j)
                        break
        out: list[Drift] = []
        ra, rb = sorted(ua), sorted(ub)
        la, lb = len(pair.source.text), len(pair.target.text)
        xa, xb = pair_by_position([(a[i].start, a[i].end) for i in ra], la, [(b[j].start, b[j].end) for j in rb], lb)
        paired_a = [ra[k] for k in range(len(ra)) if k not in xa]
        paired_b = [rb[k] for k in range(len(rb)) if k not in xb]
        # pair the changed ones in order
        for i, j in zip(paired_a, paired_b):
            out.append(self.finding("date", _date_value(a[i]), _date_value(b[j]), (a[i].start, a[i].end),
                                    (b[j].start, b[j].end), "major"))
        for k in xa:
            d = a[ra[k]]
            out.append(self.finding("date", _date_value(d), None, (d.start, d.end), None, "major"))
        for k in xb:
            d = b[rb[k]]
            out.append(self.finding("date", None, _date_value(d), None, (d.start, d.end), "major"))
        return out

    def _scopes(self, pair: PairContext) -> list[Drift]:
        a, b = pair.source.time_scopes, pair.target.time_scopes
        ua, ub = list(range(len(a))), list(range(len(b)))
        for i in list(ua):
            for j in ub:
                if a[i][2:] == b[j][2:]:
                    ua.remove(i)
                    ub.remove(j)
                    break
        # a scope with no figure in it is still there when the other side
        # holds a word of its kind ("since the start" / "depuis la rentrée")
        for idx, scopes, other in ((ua, a, pair.target), (ub, b, pair.source)):
            for i in list(idx):
                if not scopes[i][3] and _kind_words(other.lang, scopes[i][2]).search(other.text):
                    idx.remove(i)
        st, tt = pair.source.text, pair.target.text
        out: list[Drift] = []
        for i, j in zip(ua, ub):
            out.append(self.finding("time_scope", st[a[i][0] : a[i][1]], tt[b[j][0] : b[j][1]],
                                    a[i][:2], b[j][:2], "major"))
        for i in ua[len(ub):]:
            out.append(self.finding("time_scope", st[a[i][0] : a[i][1]], None, a[i][:2], None, "major"))
        for j in ub[len(ua):]:
            out.append(self.finding("time_scope", None, tt[b[j][0] : b[j][1]], None, b[j][:2], "major"))
        return out

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        return self.presence("date" if type == "date" else "time period", source_value, target_value)
