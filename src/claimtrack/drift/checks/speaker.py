"""Speaker and pronoun drift.

``pronoun``: the same person referred to with a different gender ("she
said" in one article, "he said" / "il a dit" in another).  Gendered words
come from ``Gender.gendered_words`` (subject pronouns first, then
object and possessive pronouns and gendered nouns where the language marks
the referent's gender: English "his"/"her", not French "son"/"sa").  A
finding needs gendered words on both sides and a gender on one side that the
other side never uses.  Across languages only subject pronouns and singular
gendered nouns are compared (``Gender.dependent_gender_words`` lists
the others): an object or possessive pronoun often refers to someone else,
and the other language may not mark it ("her love" / "son amour"); a plural
noun describes a group ("women painters").

``speaker``: the same statement attributed to different people.  It needs
the speakers, which a bare text pair does not have: pass
``source_speaker=``/``target_speaker=`` to :func:`claimtrack.diff`, or use
:func:`claimtrack.drift.diff_claims`, which takes them from the claims.  Two
speaker names agree when their entity keys are equal or one is a tail of
the other ("Chintala" / "Soumith Chintala").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from ... import lang as _lang
from ...extract.entities import entity_key
from ...models import Drift, DriftType
from ..check import DriftCheck, quote
from ..context import PairContext, Side

__all__ = ["SpeakerCheck", "gendered_words", "same_person"]

_GENDER_WORDS = {"m": "masculine", "f": "feminine"}


@lru_cache(maxsize=None)
def _impersonal(code: str) -> re.Pattern[str] | None:
    patterns = _lang.get(code).gender.impersonal_patterns
    return re.compile(r"\b(?:" + "|".join(patterns) + ")", re.IGNORECASE) if patterns else None


def gendered_words(side: Side) -> list[tuple[int, int, str, bool]]:
    """``(start, end, gender, strong)`` of each gendered word of ``side``,
    subject pronouns first.  ``strong`` is False for the language's
    ``dependent_gender_words`` (object, possessive and emphatic pronouns,
    plural nouns); words inside an ``impersonal_patterns`` match are left out."""
    table = side.data.gender.gendered_words
    subj = side.data.attribution.pronouns
    dependent = side.data.gender.dependent_gender_words
    impersonal = _impersonal(side.lang)
    no_one = [m.span() for m in impersonal.finditer(side.text)] if impersonal is not None else []
    out = []
    for t in side.tokens:
        pos = t.start
        for elided in re.split(r"(['’])", t.text):  # "qu'elle", "lorsqu'il"
            if elided in ("'", "’"):
                pos += 1
                continue
            whole = elided.lower()
            if table.get(whole) in ("m", "f"):  # "elle-même" as one word
                out.append((pos, pos + len(elided), table[whole], whole not in dependent))
            else:
                sub = pos
                for part in elided.split("-"):  # "a-t-il", "dit-elle"
                    g = table.get(part.lower())
                    if g in ("m", "f"):
                        out.append((sub, sub + len(part), g, part.lower() not in dependent))
                    sub += len(part) + 1
            pos += len(elided)
    out = [w for w in out if not any(a <= w[0] < b for a, b in no_one)]
    # subject pronouns first: they are the best evidence
    out.sort(key=lambda x: (side.text[x[0] : x[1]].lower() not in subj, x[0]))
    return out


def same_person(a: str, b: str) -> bool:
    ka, kb = entity_key(a).split(), entity_key(b).split()
    if ka == kb:
        return True
    wa, wb = a.lower().split(), b.lower().split()
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return bool(short) and long[-len(short) :] == short


class SpeakerCheck(DriftCheck):
    name = "speaker"
    drift_types: ClassVar[tuple[DriftType, ...]] = ("speaker", "pronoun")

    def check(self, pair: PairContext) -> list[Drift]:
        out: list[Drift] = []
        sa, sb = pair.source.speaker, pair.target.speaker
        if sa and sb and not same_person(sa, sb):
            out.append(self.finding("speaker", sa, sb, None, None, "critical"))
        a, b = gendered_words(pair.source), gendered_words(pair.target)
        if pair.source.lang != pair.target.lang:
            # across languages, an object or possessive pronoun may refer to
            # someone else or have no gendered counterpart ("her" / "son"):
            # the genders compared are those of subject pronouns and nouns
            a, b = [w for w in a if w[3]], [w for w in b if w[3]]
        ga, gb = {w[2] for w in a}, {w[2] for w in b}
        if ga and gb and ga != gb:
            only_a, only_b = ga - gb, gb - ga
            x = next((w for w in a if w[2] in only_a), None) if only_a else None
            y = next((w for w in b if w[2] in only_b), None) if only_b else None
            # the counterpart: the other side's best word of another gender
            if x is None and y is not None:
                x = next(w for w in a if w[2] != y[2])
            if y is None and x is not None:
                y = next(w for w in b if w[2] != x[2])
            if x is not None and y is not None:
                st, tt = pair.source.text, pair.target.text
                out.append(self.finding("pronoun", st[x[0] : x[1]], tt[y[0] : y[1]], (x[0], x[1]), (y[0], y[1]),
                                        "major"))
        return out

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        if type == "speaker":
            return f"The statement is attributed to {quote(source_value)} in the source but to {quote(target_value)} in the target."
        return (f"The gender of the person referred to changed: {quote(source_value)} in the source, "
                f"{quote(target_value)} in the target.")
