"""Time-scope phrases: the period a statement covers ("since its launch in
2016", "ces cinq dernières années", "From August 2021 through August 2022").

Phrases come from ``Scopes.time_scopes`` (regex, kind); a phrase is
its kind plus the numbers and years inside it.  The drift ``date`` check
compares them across a pair, and the figures and dates inside a phrase are
left to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .. import lang as _lang
from ..models import Quantity

__all__ = ["TimeScope", "find_time_scopes"]

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|2100)\b")

TimeScope = tuple[int, int, str, tuple[float, ...]]
"""``(start, end, kind, values)`` of one phrase, ``values`` sorted."""


@lru_cache(maxsize=None)
def _scope_patterns(code: str) -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(r"(?<![\w-])(?:" + frag + r")(?![\w-])", re.IGNORECASE), kind)
        for frag, kind in _lang.get(code).scopes.time_scopes
    ]


def find_time_scopes(text: str, lang: str, quantities: Sequence[Quantity]) -> list[TimeScope]:
    """(start, end, kind, values) of the time-scope phrases of ``text``;
    ``quantities`` (offsets into ``text``) give the values of the figures
    inside a phrase, years are read from the phrase itself."""
    found: list[TimeScope] = []
    for pat, kind in _scope_patterns(lang):
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _, _ in found):
                continue
            values = [float(y) for y in _YEAR.findall(m.group())]
            values += [q.value for q in quantities if m.start() <= q.start and q.end <= m.end()]
            found.append((m.start(), m.end(), kind, tuple(sorted(values))))
    return sorted(found)
