"""Matching pieces of the two sides of a pair, shared by the checks: spans
paired by relative position, figures paired by value, and the marker
alternation the polarity checks search with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Quantity

__all__ = ["alternation", "pair_by_position", "QuantityMatch", "quantity_matches"]


def alternation(fragments: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of ``fragments`` (regex
    fragments, longest first) as a whole word; None when there are none."""
    if not fragments:
        return None
    frags = sorted(fragments, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{f})" for f in frags) + r")(?![\w-])", re.IGNORECASE)


def pair_by_position(a: list[tuple[int, int]], la: int, b: list[tuple[int, int]], lb: int) -> tuple[list[int], list[int]]:
    """Indices of ``a`` and of ``b`` left unpaired when pairing spans greedily
    by relative position in their texts (deterministic, symmetric)."""
    cands = sorted(
        (round(abs(x[0] / max(la, 1) - y[0] / max(lb, 1)), 9), i, j) for i, x in enumerate(a) for j, y in enumerate(b)
    )
    ua, ub = set(range(len(a))), set(range(len(b)))
    for _, i, j in cands:
        if i in ua and j in ub:
            ua.discard(i)
            ub.discard(j)
    return sorted(ua), sorted(ub)


@dataclass(frozen=True)
class QuantityMatch:
    source: Quantity | None
    target: Quantity | None


def _kind_class(q: Quantity) -> str:
    return "cardinal" if q.kind == "money" else q.kind


def quantity_matches(qs: Sequence[Quantity], source_len: int, qt: Sequence[Quantity],
                     target_len: int) -> list[QuantityMatch]:
    """The quantities of both sides (``qs`` in a text of ``source_len``
    characters, ``qt`` in one of ``target_len``) matched greedily by
    closeness of value (relative difference), then of relative position;
    money counts as a cardinal.  The unmatched ones follow, source first."""
    ls, lt = max(source_len, 1), max(target_len, 1)
    cands: list[tuple[float, float, int, int]] = []
    for i, a in enumerate(qs):
        for j, b in enumerate(qt):
            if _kind_class(a) != _kind_class(b):
                continue
            big = max(abs(a.value), abs(b.value), 1e-12)
            dist = abs(a.value - b.value) / big
            pos = abs(a.start / ls - b.start / lt)
            cands.append((round(dist, 9), round(pos, 9), i, j))
    cands.sort()
    used_s: set[int] = set()
    used_t: set[int] = set()
    out: list[QuantityMatch] = []
    for _, _, i, j in cands:
        if i in used_s or j in used_t:
            continue
        used_s.add(i)
        used_t.add(j)
        out.append(QuantityMatch(qs[i], qt[j]))
    out += [QuantityMatch(q, None) for i, q in enumerate(qs) if i not in used_s]
    out += [QuantityMatch(None, q) for j, q in enumerate(qt) if j not in used_t]
    return out
