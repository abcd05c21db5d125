"""Modality drift: the modal force of a statement changed (will / may / must
/ could vs va / pourrait / doit).

Modal markers come from ``Polarity.modals`` (fragment -> class:
``future``, ``possibility``, ``obligation``, ``conditional``); words in
``Polarity.modal_exceptions`` and a capitalised marker inside a sentence
("May 2022", "Will Smith") are ignored.  Precision first: a modal present on
one side only is usually a translation choice (a French present for an
English "will"), so a finding needs modal markers on *both* sides whose
classes differ in both directions ("will" became "pourrait").  Across
languages a marker may render several classes (``Polarity.modal_readings``:
the French conditional is also the future of a past context, "a déclaré
qu'elle ferait" / "said it will", and a reported possibility; "devrait" and
"should" are also forecasts): a marker differs only when none of its
readings is among the other side's.  French conditionals are read from the
inflection (future stem + -ait: "-erait", "-irait", "-drait", "aurait"),
so an imperfect whose stem ends in -r ("déclarait", "montraient") is no
modal; a modal verb's participle after "avoir" carries the modality ("aurait
dû" is "should have").  Hedges
(``Polarity.hedges``: "reportedly", "apparemment") dropped or added are
reported as minor modality findings when both sides are in the same language.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from ... import lang as _lang
from ...models import Drift, DriftType
from ..check import DriftCheck, quote
from ..context import PairContext, Side
from ..matching import alternation

__all__ = ["ModalityCheck", "modal_markers", "marker_readings"]


def _word(fragment: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + fragment + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _patterns(code: str) -> tuple[list[tuple[re.Pattern[str], str]], re.Pattern[str] | None]:
    data = _lang.get(code)
    pats = [(_word(frag), cls) for frag, cls in data.polarity.modals.items()]
    return pats, alternation(data.polarity.hedges)


@lru_cache(maxsize=None)
def _readings(code: str) -> tuple[dict[str, frozenset[str]], list[tuple[re.Pattern[str], frozenset[str]]]]:
    """``Polarity.modal_readings`` split into the classes' readings and the words' readings."""
    classes: dict[str, frozenset[str]] = {}
    words: list[tuple[re.Pattern[str], frozenset[str]]] = []
    data = _lang.get(code)
    known = set(data.polarity.modals.values())
    for key, extra in data.polarity.modal_readings.items():
        if key in known:
            classes[key] = frozenset(extra)
        else:
            words.append((re.compile(r"(?:" + key + r")\Z", re.IGNORECASE), frozenset(extra)))
    return classes, words


def modal_markers(side: Side) -> list[tuple[int, int, str]]:
    """(start, end, class) of the modal markers of a side, in text order."""
    pats, _ = _patterns(side.lang)
    exceptions = side.data.polarity.modal_exceptions
    text = side.text
    taken: list[tuple[int, int, str]] = []
    for pat, cls in pats:
        for m in pat.finditer(text):
            word = m.group()
            if word.lower() in exceptions:
                continue
            if word[0].isupper() and m.start() > 0 and not re.search(r"(?:^|[.!?:\"“«]\s*)$", text[: m.start()]):
                continue
            if any(s < m.end() and m.start() < e for s, e, _ in taken):
                continue
            taken.append((m.start(), m.end(), cls))
    return sorted(taken)


def marker_readings(side: Side, marker: tuple[int, int, str]) -> frozenset[str]:
    """The classes a marker may render in another language: its own and its ``modal_readings``."""
    classes, words = _readings(side.lang)
    out = {marker[2], *classes.get(marker[2], ())}
    word = side.text[marker[0] : marker[1]]
    for pat, extra in words:
        if pat.match(word):
            out |= extra
    return frozenset(out)


class ModalityCheck(DriftCheck):
    name = "modality"
    drift_types: ClassVar[tuple[DriftType, ...]] = ("modality",)

    def check(self, pair: PairContext) -> list[Drift]:
        out: list[Drift] = []
        a, b = modal_markers(pair.source), modal_markers(pair.target)
        if pair.source.lang == pair.target.lang:
            ra = [frozenset({m[2]}) for m in a]
            rb = [frozenset({m[2]}) for m in b]
        else:
            ra = [marker_readings(pair.source, m) for m in a]
            rb = [marker_readings(pair.target, m) for m in b]
        ca, cb = frozenset().union(*ra), frozenset().union(*rb)
        only_a = [m for m, r in zip(a, ra) if not r & cb]
        only_b = [m for m, r in zip(b, rb) if not r & ca]
        if only_a and only_b:
            x, y = only_a[0], only_b[0]
            st, tt = pair.source.text, pair.target.text
            sev = "minor" if {x[2], y[2]} <= {"possibility", "conditional"} else "major"
            out.append(self.finding("modality", st[x[0] : x[1]], tt[y[0] : y[1]], (x[0], x[1]), (y[0], y[1]), sev))
        if pair.source.lang == pair.target.lang:
            _, hedge = _patterns(pair.source.lang)
            if hedge is not None:
                ha = [(m.start(), m.end()) for m in hedge.finditer(pair.source.text)]
                hb = [(m.start(), m.end()) for m in hedge.finditer(pair.target.text)]
                if ha and not hb:
                    s = ha[0]
                    out.append(self.finding("modality", pair.source.text[s[0] : s[1]], None, s, None, "minor"))
                elif hb and not ha:
                    s = hb[0]
                    out.append(self.finding("modality", None, pair.target.text[s[0] : s[1]], None, s, "minor"))
        return out

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        if source_value is None:
            return f"The target hedges the claim with {quote(target_value)}, which the source states without hedging."
        if target_value is None:
            return f"The source hedges the claim with {quote(source_value)}, which the target states without hedging."
        return f"The modality changed: {quote(source_value)} in the source became {quote(target_value)} in the target."
