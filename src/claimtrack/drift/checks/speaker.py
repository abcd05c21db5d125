"""Speaker and pronoun drift.

``pronoun``: the same person referred to with a different gender ("she
said" in one article, "he said" / "il a dit" in another).  Gendered words
come from ``Gender.gendered_words`` (subject pronouns first, then
object and possessive pronouns and gendered nouns where the language marks
the referent's gender: English "his"/"her", not French "son"/"sa").  A
finding needs each side to hold more words of some gender than the other
side does (one side merely holding fewer gendered words, a pronoun the
translation left out, is no finding).  Across languages only subject pronouns and singular
gendered nouns are compared (``Gender.dependent_gender_words`` lists
the others): an object or possessive pronoun often refers to someone else,
and the other language may not mark it ("her love" / "son amour"); a plural
noun describes a group ("women painters").

``pronoun`` from the speakers: when both sides are attributed to the same
resolved speaker (:attr:`PairContext.same_speaker`) and each speaker
carries the grammatical gender its article refers to them with
(:attr:`claimtrack.models.Speaker.gender`: "she said" in one article, "il a
déclaré" or, elsewhere in the article, "he said" in the other), differing
genders are a ``pronoun`` finding, whether or not the pronoun is inside the
compared sentences.  It takes the place of the text comparison above.

``speaker``: the same statement attributed to different people.  It needs
the speakers, which a bare text pair does not have: pass
``source_speaker=``/``target_speaker=`` to :func:`claimtrack.diff`, or use
:func:`claimtrack.drift.diff_claims`, which takes them from the claims.  Two
speakers are one person when :attr:`PairContext.same_speaker` says so
(:mod:`claimtrack.drift.persons`: a surname and its full name, the same name
spelled or titled another way, "Defence" / "Défense", "M. Andersson" /
"Mr Anderson", a translated name, or each text naming the other's speaker);
two pronouns resolved to different people are no finding (the resolver's
guess, not the text).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import ClassVar

from ... import lang as _lang
from ...models import Drift, DriftType
from ..check import DriftCheck, quote
from ..context import PairContext, Side
from ..persons import same_person

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


class SpeakerCheck(DriftCheck):
    name = "speaker"
    drift_types: ClassVar[tuple[DriftType, ...]] = ("speaker", "pronoun")

    def check(self, pair: PairContext) -> list[Drift]:
        out: list[Drift] = []
        sa, sb = pair.source.speaker, pair.target.speaker
        same = pair.same_speaker
        if same is False and sa is not None and sb is not None:
            out.append(self.finding("speaker", sa.name, sb.name, sa.span, sb.span, "critical"))
            return out
        if same and sa is not None and sb is not None and sa.gender and sb.gender:
            if sa.gender != sb.gender:
                out.append(self.finding("pronoun", sa.gender_word, sb.gender_word,
                                        sa.span if sa.via == "pronoun" else None,
                                        sb.span if sb.via == "pronoun" else None, "major"))
            return out  # the speakers' genders are known: they are the evidence, not the words
        return out + self._from_words(pair)

    def _from_words(self, pair: PairContext) -> list[Drift]:
        """The ``pronoun`` finding from the gendered words of the two texts."""
        out: list[Drift] = []
        a, b = gendered_words(pair.source), gendered_words(pair.target)
        if pair.source.lang != pair.target.lang:
            # across languages, an object or possessive pronoun may refer to
            # someone else or have no gendered counterpart ("her" / "son"):
            # the genders compared are those of subject pronouns and nouns
            a, b = [w for w in a if w[3]], [w for w in b if w[3]]
        # a word changed gender only when each side has more words of some
        # gender than the other: one side with fewer gendered words (a pronoun
        # the translation left out: "Marchetti said she had lunch" / "Marchetti a
        # déclaré avoir déjeuné") holds no changed one
        ca, cb = Counter(w[2] for w in a), Counter(w[2] for w in b)
        more_a = {g for g in ca if ca[g] > cb[g]}
        more_b = {g for g in cb if cb[g] > ca[g]}
        if more_a and more_b:  # disjoint: the two words differ in gender
            x = next(w for w in a if w[2] in more_a)
            y = next(w for w in b if w[2] in more_b)
            st, tt = pair.source.text, pair.target.text
            out.append(self.finding("pronoun", st[x[0] : x[1]], tt[y[0] : y[1]], (x[0], x[1]), (y[0], y[1]),
                                    "major"))
        return out

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        if type == "speaker":
            return f"The statement is attributed to {quote(source_value)} in the source but to {quote(target_value)} in the target."
        return (f"The gender of the person referred to changed: {quote(source_value)} in the source, "
                f"{quote(target_value)} in the target.")
