"""Negation drift: a negation present on one side only.

Markers come from ``Polarity.negations`` (English not / n't / never / no
/ none / without ..., French ne … pas / plus / jamais, aucun, ni, sans ...);
phrases in ``Polarity.negation_exceptions`` ("no doubt", "sans doute"),
negation words used as nouns (``negation_nouns``: "à quelques pas") and
restrictive constructions (``restrictives``: "ne ... que", "ne ... plus
que", which mean "only") are masked first.  The markers of both sides are
paired by relative position; a marker left without a partner is a finding.
The count is what matters, not the words: "ne ... jamais" and "never" are
one negation each.

The structure of a negation decides what it counts for:

- a continuation (``scope_continuations``: "ni", "nor") after another
  marker of its sentence is inside that negation's scope ("sans le lieu ni
  l'heure") and is not counted again;
- a negation with a limit (``limit_negations``: "not ... until", "tant que
  ... ne ... pas") states a restriction: it pairs with a restrictive
  construction or a restriction word (``restriction_words``: "only",
  "until", "seulement") of the other side;
- a negation inside a figure's bound ("n'excède pas 3,5 t", "may not exceed
  93.6 g": at most, a qualifier of ``Numbers.qualifiers``) is the bound when
  the other side states a bound of the same class for the matched figure
  ("a maximum of 3.5 t"); against a figure without one ("exceeds 3.5 t") it
  stays a negation;
- a negated focus word (``focus_negations``: "not only", "pas seulement")
  adds rather than denies: it counts like a lexical negation (below);
- a negation left unpaired is rendered by a word of the other side with a
  negative prefix (``negative_prefixes``) when what follows the prefix
  translates a word the negation bears on ("was not known" / "reste
  inconnue"; the encoder's cosine, ``DriftConfig.affix_match``);
- a lexical negation (``lexical_negations``: "non résidents", "sans
  précédent", "non-profit", "without power") makes one word's negative, as
  an affix does ("uninjured"): it pairs with a negation of the other side
  left unpaired, and is never reported on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Literal

import numpy as np

from ... import lang as _lang
from ...models import Drift, DriftType
from ...text import opens_sentence
from ..check import DriftCheck, no_counterpart
from ..context import PairContext, Side
from ..matching import alternation, pair_by_position
from .qualifier import QUALIFIER_CLASS

__all__ = ["NegationCheck", "Marker", "negation_markers", "polarity_markers", "restrictions"]

MarkerKind = Literal["negation", "limit", "lexical"]

_SENTENCE_END = re.compile(r"[.?!;]")


@dataclass(frozen=True)
class Marker:
    """A negation marker of a text: its span and what it counts for."""

    start: int
    end: int
    kind: MarkerKind
    """``negation``; ``limit``, a negation with a limit ("not ... until")
    that a restriction of the other side pairs with; ``lexical``, a
    one-word negation ("non résidents") never reported on its own."""


@dataclass(frozen=True)
class _Patterns:
    negation: re.Pattern[str] | None
    masks: re.Pattern[str] | None
    restrictive: re.Pattern[str] | None
    restriction: re.Pattern[str] | None
    limit: re.Pattern[str] | None
    continuation: re.Pattern[str] | None
    lexical: tuple[re.Pattern[str], ...]
    focus: re.Pattern[str] | None
    function_words: frozenset[str]


@lru_cache(maxsize=None)
def _patterns(code: str) -> _Patterns:
    data = _lang.get(code)
    pol = data.polarity
    return _Patterns(
        negation=alternation(pol.negations),
        masks=alternation((*pol.negation_exceptions, *pol.negation_nouns, *pol.restrictives)),
        restrictive=alternation(pol.restrictives),
        restriction=alternation(pol.restriction_words),
        limit=alternation(pol.limit_negations),
        continuation=re.compile(r"(?:" + "|".join(pol.scope_continuations) + r")\Z", re.IGNORECASE)
        if pol.scope_continuations else None,
        # one pattern each: every fragment names its own ``head`` group
        lexical=tuple(p for p in (alternation((f,)) for f in pol.lexical_negations) if p is not None),
        focus=alternation(pol.focus_negations),
        function_words=data.words.function_words,
    )


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern is not None else []


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _lexical_spans(text: str, p: _Patterns) -> list[tuple[int, int]]:
    out = []
    for pat in p.lexical:
        for m in pat.finditer(text):
            if m.group("head").lower() not in p.function_words:
                out.append((m.start(), m.end()))
    return out


def polarity_markers(text: str, lang: str) -> list[Marker]:
    """The negation markers of ``text`` with their kind, in text order (see the module docs)."""
    p = _patterns(lang)
    if p.negation is None:
        return []
    masked = _spans(p.masks, text)
    limits = _spans(p.limit, text)
    lexical = [s for s in _lexical_spans(text, p) + _spans(p.focus, text) if not _overlaps(*s, masked)]
    found: list[Marker] = [Marker(s, e, "lexical") for s, e in lexical]
    for m in p.negation.finditer(text):
        if _overlaps(m.start(), m.end(), masked) or _overlaps(m.start(), m.end(), lexical):
            continue
        if _in_title(text, m.start(), m.group()):
            continue
        inside_limit = any(s <= m.start() and m.end() <= e for s, e in limits)
        found.append(Marker(m.start(), m.end(), "limit" if inside_limit else "negation"))
    out: list[Marker] = []
    for mk in sorted(found, key=lambda x: x.start):
        if (p.continuation is not None and mk.kind != "lexical" and p.continuation.match(text[mk.start : mk.end])
                and out and not _SENTENCE_END.search(text, out[-1].end, mk.start)):
            continue  # "ni" / "nor" inside the scope of the negation before it
        out.append(mk)
    return out


def negation_markers(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the negation markers of ``text`` that are reported when unpaired (lexical ones left out)."""
    return [(m.start, m.end) for m in polarity_markers(text, lang) if m.kind != "lexical"]


def restrictions(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the restrictions of ``text``: restrictive constructions ("ne ... que") and restriction words ("only")."""
    p = _patterns(lang)
    return sorted(_spans(p.restrictive, text) + _spans(p.restriction, text))


def _in_title(text: str, start: int, marker: str) -> bool:
    """A capitalised marker in the middle of a sentence belongs to a name or a
    title ("Faith No More", "You Can't Get In My Head"), not to the claim."""
    first = marker[:1]
    if not first.isupper() or marker.isupper() and len(marker) > 1:
        return False  # lower case, or "NOT" written for emphasis
    return not opens_sentence(text, start)


def _cancel_limits(mine: list[Marker], theirs: list[Marker], their_restrictions: int) -> list[Marker]:
    """``mine`` less the limit negations that a restriction of the other side accounts for,
    as many as make the counts equal."""
    out = list(mine)
    excess = len(mine) - len(theirs)
    for m in reversed(mine):
        if excess <= 0 or their_restrictions <= 0:
            break
        if m.kind == "limit":
            out.remove(m)
            excess -= 1
            their_restrictions -= 1
    return out


def _bound_rendered(pair: PairContext) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Per side, the spans of the figures whose bound the other side states
    too: the matched figure of the other side has a qualifier of the same
    class ("n'excède pas 3,5 t" / "a maximum of 3.5 t": both at most).  A
    negation inside such a span ("n'excède pas", "may not exceed") is the
    bound, not a reversal; against "exceeds 3.5 t" it stays a negation."""
    spans: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    for m in pair.quantity_matches:
        a, b = m.source, m.target
        if a is None or b is None or a.qualifier is None or b.qualifier is None:
            continue
        if QUALIFIER_CLASS[a.qualifier] == QUALIFIER_CLASS[b.qualifier]:
            spans[0].append((a.start, a.end))
            spans[1].append((b.start, b.end))
    return spans


def _outside(markers: list[Marker], spans: list[tuple[int, int]]) -> list[Marker]:
    return [m for m in markers if not any(s <= m.start and m.end <= e for s, e in spans)]


_AFTER_MARKER = 2
"""How many content words after a negation marker it bears on (besides those inside it)."""


def _negated_words(side: Side, marker: Marker) -> list[str]:
    """The content words a negation bears on: those inside its marker ("ne
    connaît pas") and the first :data:`_AFTER_MARKER` after it, in its
    clause ("was not known", "n'est pas connue")."""
    function_words = _patterns(side.lang).function_words
    out: list[str] = []
    after = 0
    for t in side.tokens:
        if t.end <= marker.start or len(t.text) < 3 or t.folded in function_words:
            continue
        if t.start >= marker.end:
            if after >= _AFTER_MARKER or _SENTENCE_END.search(side.text, marker.end, t.start) \
                    or "," in side.text[marker.end : t.start]:
                break
            after += 1
        out.append(t.text)
    return out


def _prefix_stems(side: Side) -> list[str]:
    """What follows a negative prefix (``Polarity.negative_prefixes``) in the
    side's lower-case words, three letters or more ("inconnue": "connue")."""
    prefixes = _lang.get(side.lang).polarity.negative_prefixes
    return sorted({t.text[len(p):] for t in side.tokens if t.text[:1].islower() for p in prefixes
                   if t.text.startswith(p) and len(t.text) - len(p) >= 3})


def _rendered_by_affix(pair: PairContext, side: Side, marker: Marker, stems: list[str]) -> bool:
    """The other side renders the negation by a word with a negative prefix
    whose rest (``stems``, :func:`_prefix_stems`) translates a word the
    negation bears on ("The cause was not known" / "La cause reste
    inconnue"), by the encoder's cosine (``DriftConfig.affix_match``)."""
    heads = _negated_words(side, marker) if stems else []
    if not heads:
        return False
    vecs = pair.cache.encode(pair.embedder, heads + stems)
    return bool(np.max(vecs[: len(heads)] @ vecs[len(heads) :].T) >= pair.config.affix_match)


class NegationCheck(DriftCheck):
    name = "negation"
    drift_types: ClassVar[tuple[DriftType, ...]] = ("negation",)

    def markers(self, side: Side) -> list[tuple[int, int]]:
        return negation_markers(side.text, side.lang)

    def check(self, pair: PairContext) -> list[Drift]:
        src, tgt = pair.source, pair.target
        ma, mb = polarity_markers(src.text, src.lang), polarity_markers(tgt.text, tgt.lang)
        if (ma or mb) and pair.quantity_matches:
            bounds = _bound_rendered(pair)
            ma, mb = _outside(ma, bounds[0]), _outside(mb, bounds[1])
        a = [m for m in ma if m.kind != "lexical"]
        b = [m for m in mb if m.kind != "lexical"]
        if len(a) == len(b):
            return []
        a = _cancel_limits(a, b, len(restrictions(tgt.text, tgt.lang)))
        b = _cancel_limits(b, a, len(restrictions(src.text, src.lang)))
        if len(a) == len(b):
            return []
        la, lb = len(src.text), len(tgt.text)
        ua, ub = pair_by_position([(m.start, m.end) for m in a], la, [(m.start, m.end) for m in b], lb)
        # a negation left unpaired may be rendered by a lexical negation of the other side
        left_a, left_b = [a[i] for i in ua], [b[j] for j in ub]
        lex_a = [(m.start, m.end) for m in ma if m.kind == "lexical"]
        lex_b = [(m.start, m.end) for m in mb if m.kind == "lexical"]
        ra, _ = pair_by_position([(m.start, m.end) for m in left_a], la, lex_b, lb)
        rb, _ = pair_by_position([(m.start, m.end) for m in left_b], lb, lex_a, la)
        if ra:
            stems_b = _prefix_stems(tgt)
            ra = [i for i in ra if not _rendered_by_affix(pair, src, left_a[i], stems_b)]
        if rb:
            stems_a = _prefix_stems(src)
            rb = [j for j in rb if not _rendered_by_affix(pair, tgt, left_b[j], stems_a)]
        st, tt = src.text, tgt.text
        out = [self.finding("negation", st[left_a[i].start : left_a[i].end], None, (left_a[i].start, left_a[i].end),
                            None, "critical") for i in ra]
        out += [self.finding("negation", None, tt[left_b[j].start : left_b[j].end], None,
                             (left_b[j].start, left_b[j].end), "critical") for j in rb]
        return out

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        if target_value is None:
            return no_counterpart("negation", source_value, "source", ", which reverses the statement")
        return no_counterpart("negation", target_value, "target", ", which reverses the statement")
