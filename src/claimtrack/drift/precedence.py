"""Which finding gives way to which: one finding is dropped when a more
specific one already reports the same change.

The rules are a table (:data:`RULES`): each says which types of finding it
drops, which types of finding can cover them, and the test that decides
whether a given finding covers a given one.  :func:`drop_covered` applies
them to the findings of one pair, each finding tested against all the
others (so the order of the rules and of the findings does not matter).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import get_args

from ..models import Drift, DriftType
from ..text import fold

__all__ = ["Rule", "RULES", "drop_covered"]


def _inside(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1]


def _folded_words(text: str | None) -> list[str]:
    return re.findall(r"\w+", fold(text or ""))


def _speaker_change(d: Drift, speaker: Drift) -> bool:
    """``d`` restates a speaker finding: a name replaced by the other speaker's
    name, or an attribution ("a déclaré Marc Delorme") added or dropped.
    Particles ("de") never count as the name: the speaker's full name, or
    its last word, must be there."""
    sa, sb = _folded_words(speaker.source_value), _folded_words(speaker.target_value)
    if d.type == "entity" and d.source_value and d.target_value:
        ea = {w for w in _folded_words(d.source_value) if len(w) > 2}
        eb = {w for w in _folded_words(d.target_value) if len(w) > 2}
        return bool(ea and eb) and ea <= set(sa) and eb <= set(sb)
    if d.type in ("omission", "addition"):
        words = _folded_words(d.source_value if d.type == "omission" else d.target_value)
        name = sa if d.type == "omission" else sb
        for form in (name, name[-1:]):  # "Marc Delorme", or "Delorme" alone
            n = len(form)
            if n and len(form[-1]) > 2 and any(words[i : i + n] == form for i in range(len(words) - n + 1)):
                return len(words) - n <= 3
    return False


def _passage_is_the_finding(d: Drift, o: Drift) -> bool:
    """The omitted (added) passage ``d`` lies inside ``o``'s span on its side."""
    if d.type == "omission":
        return _inside(d.source_span, o.source_span)
    return _inside(d.target_span, o.target_span)


def _inside_on_either_side(d: Drift, o: Drift) -> bool:
    return _inside(d.source_span, o.source_span) or _inside(d.target_span, o.target_span)


def _inside_dropped_clause(d: Drift, o: Drift) -> bool:
    """``d`` lies inside the omitted (source) or added (target) passage ``o``."""
    return (o.type == "omission" and _inside(d.source_span, o.source_span)) or (
        o.type == "addition" and _inside(d.target_span, o.target_span))


@dataclass(frozen=True)
class Rule:
    """A finding of a type in ``drops`` is dropped when a finding of a type in
    ``by`` (the first one only, with ``first``) ``covers`` it."""

    drops: frozenset[DriftType]
    by: frozenset[DriftType]
    covers: Callable[[Drift, Drift], bool]
    why: str
    first: bool = False


_PASSAGES: frozenset[DriftType] = frozenset({"omission", "addition"})

RULES: tuple[Rule, ...] = (
    Rule(frozenset({"entity", "omission", "addition"}), frozenset({"speaker"}), _speaker_change,
         "a name or attribution change that only restates the speaker finding (the same change, said once)",
         first=True),
    Rule(_PASSAGES, frozenset(get_args(DriftType)) - _PASSAGES, _passage_is_the_finding,
         "an omission/addition whose passage is exactly what a more specific finding (a time scope, a figure, "
         "a name) already reports"),
    Rule(frozenset({"number"}), frozenset({"date", "time_scope"}), _inside_on_either_side,
         "a year or day inside a date finding: the date finding says it"),
    Rule(frozenset({"negation", "modality"}), _PASSAGES, _inside_dropped_clause,
         'a "not" inside a dropped clause does not reverse what is left'),
)
"""The precedence rules, one per kind of restated finding."""


def _covered(d: Drift, rule: Rule, found: list[Drift]) -> bool:
    if d.type not in rule.drops:
        return False
    by = [o for o in found if o.type in rule.by]
    return any(o is not d and rule.covers(d, o) for o in (by[:1] if rule.first else by))


def drop_covered(found: list[Drift], rules: tuple[Rule, ...] = RULES) -> list[Drift]:
    """``found`` without the findings a rule drops, in their order."""
    return [d for d in found if not any(_covered(d, rule, found) for rule in rules)]
