"""Drifts injected into real sentences: the positives of the confidence fit.

A faithful pair of real news (WMT14) becomes a drifted one by one small,
deterministic edit of one side, of a known type:

* ``number``: one digit of a figure changed (found as number, date or time scope);
* ``negation``: a negation inserted at the first auxiliary verb;
* ``entity``: a name both sides share replaced by a name from another document;
* ``omission``: a comma-delimited passage of 3 to 12 words removed;
* ``addition``: a comma-delimited passage of another line of the document inserted;
* ``qualifier``: a bound ("more than", "près de") put before a figure;
* ``modality``: a plain verb made modal ("is" -> "could be", "a" -> "aurait");
* ``pronoun``: a personal pronoun's gender swapped;
* ``generalisation``: the last word of a name of two or more words both sides
  share dropped ("Google Cloud" -> "Google").

A candidate finding on the injected pair counts as the injected drift when
its type is one the injection should produce and the faithful pair has no
candidate of the same type and values (so what the faithful pair already
raised is not counted twice).  The word lists below are benchmark data, not
library knowledge: the library never sees which edit was made.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

__all__ = ["Injection", "inject", "EXPECTED", "KINDS"]

KINDS = ("number", "negation", "entity", "omission", "addition", "qualifier", "modality", "pronoun", "generalisation")
EXPECTED: dict[str, frozenset[str]] = {
    "number": frozenset({"number", "date", "time_scope"}),
    "negation": frozenset({"negation"}),
    "entity": frozenset({"entity", "speaker"}),
    "omission": frozenset({"omission", "addition"}),
    "addition": frozenset({"omission", "addition"}),
    "qualifier": frozenset({"qualifier"}),
    "modality": frozenset({"modality"}),
    "pronoun": frozenset({"pronoun"}),
    "generalisation": frozenset({"entity"}),
}
_BOUND = {"en": ("more than", "nearly", "about", "at least", "less than"),
          "fr": ("plus de", "près de", "environ", "au moins", "moins de")}
_MODAL = {
    "en": (r"\b(is|are|was|were|has|have|will)\b(?! not\b)", {"is": "could be", "are": "could be", "was": "might have been",
            "were": "might have been", "has": "may have", "have": "may have", "will": "might"}),
    "fr": (r"(?<![’'\w])(est|sont|a|ont|va|vont)\b", {"est": "pourrait être", "sont": "pourraient être",
            "a": "aurait", "ont": "auraient", "va": "pourrait", "vont": "pourraient"}),
}
_PRONOUN = {"en": {"he": "she", "she": "he", "He": "She", "She": "He"},
            "fr": {"il": "elle", "elle": "il", "Il": "Elle", "Elle": "Il"}}

_AUX = {
    "en": r"\b(is|are|was|were|will|can|could|would|should|has|have|had|does|did|must|may|might)\b(?! not\b|n't)",
    "fr": r"(?<![’'\w])(est|sont|était|étaient|a|ont|avait|avaient|va|vont|peut|peuvent|doit|doivent|sera|seront)\b(?! pas\b)",
}
_NUMBER = re.compile(r"\d")
_CAP = re.compile(r"(?<=[a-zà-ÿ,;] )[A-Z][a-zà-ÿ]{2,}")
_CHUNK = re.compile(r", ([^,.;:!?«»\"()]{8,120}?)(?=[,.;])")


@dataclass(frozen=True)
class Injection:
    kind: str
    text: str
    """The edited text."""
    start: int
    end: int
    """The edit's span in the edited text (empty for a removal)."""


def _pick(key: str, n: int) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big") % max(n, 1)


def _vowel(word: str) -> bool:
    return word[:1].lower() in "aeiouéèêhâ"


def inject(kind: str, text: str, lang: str, other: str, key: str, names: list[str],
           donors: list[str]) -> Injection | None:
    """``text`` (in ``lang``; ``other`` is its translation) with one drift of
    ``kind``, or None when the sentence offers no place for it.  ``names``:
    names to draw a replacement from; ``donors``: other lines of the
    document (in ``lang``) to draw an added passage from.  Deterministic in
    ``key``."""
    if kind == "number":
        digits = [m.start() for m in _NUMBER.finditer(text)]
        if not digits:
            return None
        i = digits[_pick(key, len(digits))]
        old = int(text[i])
        new = str((old + 1 + _pick(key + "d", 8)) % 10)
        if i == 0 or not text[i - 1].isdigit():  # a leading digit: keep it non-zero
            new = str(max(1, int(new)) if new != str(old) else (old % 9) + 1)
        if new == text[i]:
            return None
        return Injection(kind, text[:i] + new + text[i + 1:], i, i + 1)
    if kind == "negation":
        m = re.search(_AUX[lang], text)
        if not m:
            return None
        w = m.group(1)
        if lang == "en":
            rep = f"{w} not"
        else:
            rep = f"n'{w} pas" if _vowel(w) else f"ne {w} pas"
        return Injection(kind, text[:m.start()] + rep + text[m.end():], m.start(), m.start() + len(rep))
    if kind == "entity":
        folded_other = other.lower()
        caps = [m for m in _CAP.finditer(text) if m.group().lower() in folded_other]
        pool = [n for n in names if n.lower() not in text.lower() and n.lower() not in folded_other]
        if not caps or not pool:
            return None
        m = caps[_pick(key, len(caps))]
        rep = pool[_pick(key + "n", len(pool))]
        return Injection(kind, text[:m.start()] + rep + text[m.end():], m.start(), m.start() + len(rep))
    if kind == "omission":
        chunks = [m for m in _CHUNK.finditer(text) if 3 <= len(m.group(1).split()) <= 12]
        if not chunks:
            return None
        m = chunks[_pick(key, len(chunks))]
        return Injection(kind, text[:m.start()] + text[m.end():], m.start(), m.start())
    if kind == "addition":
        pieces = [m.group(1) for d in donors for m in _CHUNK.finditer(d) if 3 <= len(m.group(1).split()) <= 10]
        pieces = [p for p in pieces if p.lower() not in text.lower()]
        at = [m.start() for m in re.finditer(r",", text)] or ([len(text) - 1] if text.endswith(".") else [])
        if not pieces or not at:
            return None
        piece = pieces[_pick(key, len(pieces))]
        i = at[_pick(key + "a", len(at))]
        ins = f", {piece}"
        return Injection(kind, text[:i] + ins + text[i:], i + 2, i + len(ins))
    if kind == "generalisation":
        folded_other = other.lower()
        multi = [m for m in re.finditer(r"\b[A-Z][\w-]+(?: [A-Z][\w-]+)+", text)
                 if m.group().lower() in folded_other and m.start() > 0]
        if not multi:
            return None
        m = multi[_pick(key, len(multi))]
        cut = m.group().rsplit(" ", 1)[0]
        return Injection(kind, text[:m.start()] + cut + text[m.end():], m.start(), m.start() + len(cut))
    if kind == "qualifier":
        m = re.search(r"(?<![\w,.])\d[\d,.\s\u00a0\u202f]*\d|(?<![\w,.])\d", text)
        if not m or re.search(r"(?i)(than|de|about|environ|nearly|least|moins)\s*$", text[:m.start()]):
            return None
        bound = _BOUND[lang][_pick(key, len(_BOUND[lang]))] + " "
        return Injection(kind, text[:m.start()] + bound + text[m.start():], m.start(), m.start() + len(bound))
    if kind == "modality":
        pattern, table = _MODAL[lang]
        m = re.search(pattern, text)
        if not m:
            return None
        rep = table[m.group(1)]
        return Injection(kind, text[:m.start()] + rep + text[m.end():], m.start(), m.start() + len(rep))
    if kind == "pronoun":
        table = _PRONOUN[lang]
        m = re.search(r"\b(" + "|".join(table) + r")\b", text)
        if not m:
            return None
        rep = table[m.group(1)]
        return Injection(kind, text[:m.start()] + rep + text[m.end():], m.start(), m.start() + len(rep))
    raise ValueError(f"unknown injection {kind!r}")
