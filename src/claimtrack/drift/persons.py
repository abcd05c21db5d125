"""Whether two speakers are the same person, and whether a side names one.

Used by the ``speaker`` check (a different speaker is a finding, the same one
referred to with another gender a ``pronoun`` finding) and by the attribution
masking of :class:`~claimtrack.drift.context.PairContext` (the frame of an
attribution to the same speaker is not content).

Two names are the same speaker when (the first two: :func:`same_name`):

* their entity keys are equal, or one is a tail of the other ("Chintala" /
  "Soumith Chintala");
* their words, titles, particles, determiners and elided articles left out
  (every language's ``Names``/``Words`` records: "M.", "Mr", "du", "l'"), are
  the same set ("Northshire Police" / "Police du Northshire") or each word of
  the shorter is spelled alike, accents and case folded, to one of the longer
  (``SPELLED`` Indel ratio: "Defence" / "Défense", "Anderson" / "Andersson");
* across languages, the encoder finds one the translation of the other
  (cosine ``entity_match``: "Ministry of Health" / "ministère de la Santé";
  :meth:`~claimtrack.drift.context.PairContext.translated`).

And a speaker whose name the other side's text states too
(:meth:`~claimtrack.drift.context.PairContext.names`:
its words, spelled alike, or a phrase of up to four words the encoder finds a
translation of it) is not another speaker: "said Harbor Labs research
chief Dana Quinn" and "a indiqué Dana Quinn, directrice de la recherche chez
Harbor Labs" may be resolved to Harbor Labs and to Dana Quinn, and each text
names both.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from .. import lang as _lang
from ..extract.entities import entity_key
from ..text import WORD, fold

__all__ = ["same_name", "same_person", "name_words", "spelled", "SPELLED"]

SPELLED = 80.0
"""Indel ratio (0-100) of two folded words of four letters or more that are
one name spelled two ways ("Anderson" / "Andersson" 94, "Defence" / "Défense" 86)."""

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
    articles left out ("M. Andersson" -> ["andersson"], "L'Observatoire" -> ["observatoire"])."""
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


def spelled(a: str, b: str) -> bool:
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
    return all(any(spelled(w, x) for x in long) for w in short) and len(set(short)) == len(short) and (
        # the surname at least: "Bertrand Malonga" / "Malongha", not "Bertrand" / "Bertrand Piccard"
        any(spelled(short[-1], x) for x in long[-1:]))
