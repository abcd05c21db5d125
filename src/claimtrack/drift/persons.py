"""Whether two speakers are the same person, and whether a side names one.

Used by the ``speaker`` check (a different speaker is a finding, the same one
referred to with another gender a ``pronoun`` finding) and by the attribution
masking of :class:`~claimtrack.drift.context.PairContext` (the frame of an
attribution to the same speaker is not content).

Two names are the same speaker when (:func:`same_name`):

* their entity keys are equal, or one is a tail of the other ("Chintala" /
  "Soumith Chintala");
* their words, titles, particles, determiners and elided articles left out
  (every language's ``Names``/``Words`` records: "M.", "Mr", "du", "l'"), are
  the same set ("Lancashire Police" / "Police du Lancashire") or each word of
  the shorter is spelled alike, accents and case folded, to one of the longer
  (``SPELLED`` Indel ratio: "Defence" / "Défense", "Hughes" / "Hugues");
* across languages, the encoder finds one the translation of the other
  (cosine ``entity_match``: "Observatory" / "Observatoire").

And a speaker whose name the other side's text states too (:func:`named_in`:
its words, spelled alike, or a phrase of up to four words the encoder finds a
translation of it) is not another speaker: "said Airbus sales chief John
Leahy" and "a indiqué John Leahy, directeur commercial d'Airbus" were
resolved to Airbus and John Leahy, and each text names both.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from .. import lang as _lang
from ..extract.entities import entity_key
from ..text import WORD, fold
from .context import PairContext, Side

__all__ = ["same_name", "same_person", "named_in", "SPELLED"]

SPELLED = 80.0
"""Indel ratio (0-100) of two folded words of four letters or more that are
one name spelled two ways ("Hughes" / "Hugues" 83, "Defence" / "Défense" 86)."""

_PHRASE_WORDS = 4


@lru_cache(maxsize=1)
def _not_name() -> frozenset[str]:
    """Every language's titles, name particles and determiners, folded."""
    words = _lang.union(lambda d: d.names.titles) | _lang.union(lambda d: d.names.name_particles)
    words |= _lang.union(lambda d: d.names.determiners)
    return frozenset(fold(w).strip(".'") for w in words)


@lru_cache(maxsize=1)
def _elisions() -> frozenset[str]:
    return frozenset(fold(w) for w in _lang.union(lambda d: d.words.elisions))


def name_words(name: str) -> list[str]:
    """The folded words of a name, titles, particles, determiners and elided
    articles left out ("M. Hugues" -> ["hugues"], "L'Observatoire" -> ["observatoire"])."""
    out = []
    for w in WORD.findall(fold(name)):
        head, sep, rest = w.partition("'")
        if sep and rest and head in _elisions():
            w = rest
        if w.strip(".") and w.strip(".") not in _not_name():
            out.append(w.strip("."))
    return out


def same_person(a: str, b: str) -> bool:
    """Equal entity keys, or one name a tail of the other ("Chintala" / "Soumith Chintala")."""
    ka, kb = entity_key(a).split(), entity_key(b).split()
    if ka == kb:
        return True
    wa, wb = a.lower().split(), b.lower().split()
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return bool(short) and long[-len(short) :] == short


def _spelled(a: str, b: str) -> bool:
    return a == b or (len(a) >= 4 and len(b) >= 4 and fuzz.ratio(a, b) >= SPELLED)


def same_name(a: str, b: str) -> bool:
    """:func:`same_person`, or the same words once titles and particles are
    left out, each word of the shorter spelled alike in the longer."""
    if same_person(a, b):
        return True
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if set(wa) == set(wb):
        return True
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return all(any(_spelled(w, x) for x in long) for w in short) and len(set(short)) == len(short) and (
        # the surname at least: "Bertrand Bisimwa" / "Bissimwa", not "Bertrand" / "Bertrand Piccard"
        any(_spelled(short[-1], x) for x in long[-1:]))


def translated(pair: PairContext, a: str, b: str) -> bool:
    """Across languages, the encoder finds ``a`` and ``b`` translations of each
    other (cosine at least ``entity_match``)."""
    if pair.source.lang == pair.target.lang:
        return False
    va, vb = pair.cache.encode(pair.embedder, [a, b])
    return float(np.dot(va, vb)) >= pair.config.entity_match


def _phrases(side: Side) -> list[str]:
    toks = side.tokens
    out = {side.text[t.start : toks[j].end] for i, t in enumerate(toks)
           for j in range(i, min(i + _PHRASE_WORDS, len(toks)))}
    return sorted(out)


def named_in(pair: PairContext, name: str, side: Side) -> bool:
    """``side``'s text states ``name``: each of its words is there, spelled
    alike, or (across languages) a phrase of up to four words is the
    encoder's translation of it (cosine at least ``entity_match``)."""
    words = name_words(name)
    if not words:
        return False
    have = [w for w in side.folded_parts if len(w) > 1]
    if all(any(_spelled(w, h) for h in have) for w in words):
        return True
    other = pair.target if side is pair.source else pair.source
    if other.lang == side.lang:
        return False
    phrases = _phrases(side)
    if not phrases:
        return False
    vecs = pair.cache.encode(pair.embedder, [name, *phrases])
    return float(np.max(vecs[1:] @ vecs[0])) >= pair.config.entity_match

