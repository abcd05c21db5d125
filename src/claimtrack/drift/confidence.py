"""How far to trust a finding: a fitted, calibrated probability per finding.

Every check proposes *candidate* findings.  :func:`score` gives each one a
``confidence``: the estimated probability that a careful bilingual reader
would call it a real divergence.  It is a logistic regression over
measured, readable evidence (:data:`FEATURES`):

=============== ==============================================================
``type:*``      which drift type the finding is (one indicator per type)
``critical``    the check rated it critical (a changed value, a reversal)
``one_sided``   a value on one side only (nothing to compare it with)
``in_other``    the finding's value, folded, is written in the other side too
``spelled``     how close the value is to the other side: for a changed
                value the spelling similarity of its two forms, for a
                one-sided value its best partial match in the other text
``matched``     the share of the words inside the finding's spans that have a
                counterpart word on the other side (encoder cosine or
                spelling, :attr:`~claimtrack.drift.context.PairContext.unmatched`)
``closeness``   the mean, over those words, of their best encoder cosine
                against the other side's words (``no_words``: there are none)
``words``       ``log(1 + words)`` of the longest value
``digits``      the value holds a digit
``capital``     the value opens with a capital letter
``similarity``  the pair's encoder cosine
``coverage``    the pair's worst-covered passage
``length``      the pair's length mismatch
``findings``    ``log(1 + n)`` of the candidates in the pair
``types``       how many other drift types the pair's candidates have
``same_type``   ``log(1 + n)`` of the other candidates of the same type
``opposite``    a candidate of the same type holds a value on the other side
                only (one passage dropped and another added: a rephrasing)
``other_*``     the words of the other side, outside the finding, that have
                no counterpart (``log(1 + n)``), and those of them that are
                capitalised inside a sentence: what a value left out may have
                been rendered as
``gain``        for a value on one side only, the encoder cosine of its
                sentence without the value against the other side, minus
                that of the whole sentence: positive when the other side
                lacks what it says (a real drop), negative when the other
                side renders it
=============== ==============================================================

One weight per value, shared by all types (the type indicators set each
type's prior), except for the types of :data:`OWN_WEIGHTS`: ``negation``
has a second weight on every value (``negation:gain``, ...), so that it is
in effect a model of its own.  It is the one type fitted on a large set of
its own false alarms: literary translations, where a translator often
renders a negation by another word ("didn't feel sorry" / "se moquait
éperdument") and never reverses a statement.  Per-type weights for the
other types were tried and fitted the tuning half no better in
cross-validation.

The weights live in ``confidence.json`` next to this module, fitted by
``benchmarks/fit_confidence.py`` with grouped cross-validation on the tuning
halves of the development sets (positives: DEMETR's typed perturbations and
drifts injected into real news translations; negatives: every candidate on
faithful professional translations, DEMETR references and minor edits, and
the negation candidates on literary translations).
That script also chooses :data:`DEFAULT_MIN_CONFIDENCE`, the least
confidence at which the findings reach a precision of 0.9 in
cross-validation; ``docs/accuracy.md`` gives the calibration and the
validation figures.

The features are computed in the pair's canonical orientation, so a
finding's confidence does not depend on which text is called the source.
Every finding carries its terms (``Drift.evidence``: value, weight,
contribution and a sentence each), so a confidence can be read back.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, get_args

import numpy as np

from ..models import Drift, DriftType, ScoreTerm
from ..text import fold

if TYPE_CHECKING:  # pragma: no cover
    from .context import PairContext, Side, Token

__all__ = ["FEATURES", "OWN_WEIGHTS", "Model", "model", "from_dict", "features", "texts_needed", "score", "DEFAULT_MIN_CONFIDENCE"]

TYPES: tuple[str, ...] = get_args(DriftType)
BASE: tuple[str, ...] = (
    "critical", "one_sided", "in_other", "spelled", "matched", "closeness", "no_words", "words", "digits",
    "capital", "similarity", "coverage", "length", "findings", "types", "same_type", "opposite",
    "other_unmatched", "other_capitals", "gain",
)
OWN_WEIGHTS: tuple[str, ...] = ("negation",)
"""The drift types with a weight of their own on every value of ``BASE``
(the feature ``"negation:gain"`` is ``gain`` for a negation, 0 otherwise)."""
FEATURES: tuple[str, ...] = (tuple(f"type:{t}" for t in TYPES) + BASE
                             + tuple(f"{t}:{b}" for t in OWN_WEIGHTS for b in BASE))
"""The measured values of the confidence model, in order (the bias comes last)."""

_SAYS = {
    "critical": "rated critical by its check",
    "one_sided": "a value on one side only",
    "in_other": "the value is written in the other side too",
    "spelled": "spelling closeness of the value to the other side",
    "matched": "share of the finding's words with a counterpart on the other side",
    "closeness": "mean best cosine of the finding's words against the other side's words",
    "no_words": "the finding's spans hold no word (a figure, say)",
    "words": "log(1 + words) of the value",
    "digits": "the value holds a digit",
    "capital": "the value opens with a capital",
    "similarity": "cosine of the two sentences",
    "coverage": "worst-matched passage's best cosine",
    "length": "length mismatch of the pair",
    "findings": "log(1 + candidate findings in the pair)",
    "types": "other drift types among the pair's candidates",
    "same_type": "log(1 + other candidates of the same type in the pair)",
    "other_unmatched": "log(1 + words without counterpart on the other side, outside the finding)",
    "other_capitals": "capitalised words without counterpart on the other side, outside the finding",
    "gain": "how much closer the two texts are once a one-sided value is left out (encoder cosine)",
    "opposite": "a candidate of the same type has its value on the other side only (a passage moved, "
                "a name rendered differently)",
}


@dataclass(frozen=True)
class Model:
    """A fitted confidence model: raw-unit log-odds weights over
    :data:`FEATURES` and a bias, so that each term's contribution is
    ``value * weight``."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    min_confidence: float
    version: str

    def logit(self, values: Sequence[float]) -> float:
        """The log-odds of a real divergence for one row of values."""
        return self.bias + sum(w * v for w, v in zip(self.weights, values))


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model (``confidence.json``), read once."""
    raw = json.loads(resources.files(__package__).joinpath("confidence.json").read_text(encoding="utf-8"))
    return from_dict(raw)


def from_dict(raw: dict[str, Any]) -> Model:
    """A :class:`Model` from its JSON form (``{"version", "weights": {feature:
    weight}, "bias", "min_confidence"}``).  A feature the file does not
    weigh counts 0 (the tests check that the shipped file weighs all)."""
    weights: dict[str, float] = raw["weights"]
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise ValueError(f"the confidence model weighs unknown features {unknown}; refit with "
                         "benchmarks/fit_confidence.py")
    return Model(features=FEATURES, weights=tuple(float(weights.get(f, 0.0)) for f in FEATURES),
                 bias=float(raw["bias"]), min_confidence=float(raw["min_confidence"]), version=str(raw["version"]))


DEFAULT_MIN_CONFIDENCE: float = model().min_confidence
"""The confidence a finding needs to be reported by default (``PairDiff.drift``);
the others stay in ``PairDiff.candidates``.  Chosen by
``benchmarks/fit_confidence.py`` for a precision of at least 0.9."""


def _values(d: Drift) -> list[str]:
    return [v for v in (d.source_value, d.target_value) if v]


def _lone_side(d: Drift) -> int | None:
    """0 when the finding's value is on the source side only, 1 when on the
    target side only, None when on both (or neither)."""
    if (d.source_value is None) == (d.target_value is None):
        return None
    return 0 if d.target_value is None else 1


@dataclass(frozen=True)
class _Pair:
    """What every candidate of one pair is measured against, computed once:
    each side (0 source, 1 target), its folded text, its words without
    counterpart (and their spans), the vectors of its content words, and the
    pair's length mismatch."""

    ctx: PairContext
    sides: tuple[Side, Side]
    folded: tuple[str, str]
    lost: tuple[list[Token], list[Token]]
    lost_spans: tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]
    words: tuple[np.ndarray | None, np.ndarray | None]
    length: float

    @classmethod
    def of(cls, ctx: PairContext) -> _Pair:
        from .score import length_ratio

        sides = (ctx.source, ctx.target)
        lost = ctx.unmatched
        words = tuple(np.stack([ctx.vector(t.text) for t in s.lexical_words]) if s.lexical_words else None
                      for s in sides)
        return cls(ctx=ctx, sides=sides, folded=(fold(sides[0].text), fold(sides[1].text)), lost=lost,
                   lost_spans=(frozenset((t.start, t.end) for t in lost[0]),
                               frozenset((t.start, t.end) for t in lost[1])),
                   words=(words[0], words[1]),
                   length=length_ratio(len(sides[0].text), len(sides[1].text), sides[0].data.relative_length,
                                       sides[1].data.relative_length))

    def span_words(self, k: int, span: tuple[int, int] | None) -> tuple[int, int, list[float]]:
        """(words of side ``k`` inside ``span``, those with a counterpart on
        the other side, each word's best cosine against the other side's words)."""
        if span is None:
            return 0, 0, []
        s, e = span
        inside = [t for t in self.sides[k].lexical_words if t.start >= s and t.end <= e]
        theirs = self.words[1 - k]
        best = [float(np.max(theirs @ self.ctx.vector(t.text))) for t in inside] if theirs is not None else []
        return len(inside), sum((t.start, t.end) not in self.lost_spans[k] for t in inside), best


def _span(d: Drift, k: int) -> tuple[int, int] | None:
    return d.source_span if k == 0 else d.target_span


def _left_out(d: Drift, ctx: PairContext) -> tuple[str, str, Side] | None:
    """For a value on one side only: the sentence(s) holding it without it,
    the same sentence(s) whole (:meth:`Side.leave_out`: one sentence, not a
    whole passage, so the cost stays linear), and the other side."""
    k = _lone_side(d)
    span = _span(d, k) if k is not None else None
    if k is None or span is None:
        return None
    sides = (ctx.source, ctx.target)
    rest, context = sides[k].leave_out(span)
    return (rest, context, sides[1 - k]) if rest.strip() else None


def texts_needed(d: Drift, ctx: PairContext) -> list[str]:
    """The texts :func:`features` encodes for ``d`` beyond those the checks
    had (the sentence without a one-sided value, and whole), so that many
    pairs encode them in one batch."""
    left = _left_out(d, ctx)
    return [left[0], left[1]] if left is not None else []


def _outside(t: Token, span: tuple[int, int] | None) -> bool:
    return span is None or not (span[0] <= t.start and t.end <= span[1])


def features(d: Drift, pair: _Pair, candidates: Sequence[Drift]) -> dict[str, float]:
    """The measured values of :data:`FEATURES` for a candidate ``d`` of the
    pair (in the pair's canonical orientation, as the checks found it),
    among the pair's ``candidates``."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Indel

    ctx = pair.ctx
    lone = _lone_side(d)
    values = (d.source_value, d.target_value)
    if d.source_value and d.target_value:
        a, b = fold(d.source_value), fold(d.target_value)
        in_other = float(a in pair.folded[1] or b in pair.folded[0])
        spelled = float(Indel.normalized_similarity(a, b))
    elif lone is not None and values[lone]:
        v = fold(values[lone] or "")
        there = pair.folded[1 - lone]
        in_other, spelled = float(v in there), fuzz.partial_ratio(v, there) / 100.0
    else:
        in_other, spelled = 0.0, 0.0
    na, ma, ca = pair.span_words(0, d.source_span)
    nb, mb, cb = pair.span_words(1, d.target_span)
    matched = (ma + mb) / (na + nb) if na + nb else 0.5
    close = ca + cb
    closeness = float(np.mean(close)) if close else 0.5
    if d.type in ("omission", "addition"):  # the two are one kind seen from each side
        others = [c for c in candidates if c is not d and c.type in ("omission", "addition")]
        opposite = any(c.type != d.type for c in others)
    else:
        others = [c for c in candidates if c is not d and c.type == d.type]
        opposite = lone is not None and any(_lone_side(c) == 1 - lone for c in others)
    longest = max(_values(d), key=len) if _values(d) else ""
    # the words without counterpart on the side(s) facing the finding's value, outside it
    facing = [1 - lone] if lone is not None else ([1, 0] if d.source_value is not None else [])
    other_lost = [(k, t) for k in facing for t in pair.lost[k] if _outside(t, _span(d, k))]
    other_capitals = sum(1 for k, t in other_lost
                         if t.text[:1].isupper() and t.start > 0
                         and pair.sides[k].text[:t.start].rstrip()[-1:] not in ".!?:\"«“")
    gain = 0.0
    left = _left_out(d, ctx)
    if left is not None:
        rest, context, theirs = left
        other = ctx.vector(theirs.text)
        gain = float(np.dot(ctx.vector(rest), other) - np.dot(ctx.vector(context), other))
    out: dict[str, float] = {f"type:{t}": float(d.type == t) for t in TYPES}
    out.update(
        critical=float(d.severity == "critical"),
        one_sided=float(lone is not None),
        in_other=in_other,
        spelled=spelled,
        matched=matched,
        closeness=closeness,
        no_words=float(not close),
        words=math.log1p(len(longest.split())),
        digits=float(any(ch.isdigit() for ch in longest)),
        capital=float(longest[:1].isupper()),
        similarity=ctx.similarity,
        coverage=ctx.coverage,
        length=pair.length,
        findings=math.log1p(len(candidates)),
        types=float(len({c.type for c in candidates} - {d.type})),
        same_type=math.log1p(len(others)),
        opposite=float(opposite),
        other_unmatched=math.log1p(len(other_lost)),
        other_capitals=float(min(other_capitals, 3)),
        gain=gain,
    )
    for t in OWN_WEIGHTS:
        own = d.type == t
        out.update({f"{t}:{b}": out[b] if own else 0.0 for b in BASE})
    return out


def _says(name: str) -> str:
    """What feature ``name`` measures, in words."""
    kind, _, base = name.rpartition(":")
    if kind == "type":
        return f"a {base} finding"
    return f"for a {kind}, {_SAYS[base]}" if kind else _SAYS[base]


def score(candidates: Sequence[Drift], ctx: PairContext, fitted: Model | None = None) -> list[Drift]:
    """The pair's ``candidates`` (canonical orientation), each with its
    ``confidence`` and ``evidence`` (the model's terms, each
    ``value * weight = contribution``) set."""
    if not candidates:
        return []
    m = fitted or model()
    pair = _Pair.of(ctx)
    out = []
    for d in candidates:
        vals = features(d, pair, candidates)
        x = [vals[f] for f in m.features]
        z = m.logit(x)
        conf = round(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))), 6)
        terms = []
        for name, v, w in zip(m.features, x, m.weights):
            if v == 0.0:
                continue  # adds nothing: the indicators of the other types, say
            contribution = w * v
            says = _says(name)
            terms.append(ScoreTerm(name=name, value=round(v, 6), weight=round(w, 6),
                                   contribution=round(contribution, 6),
                                   explanation=f"{says}: {v:.3g} x {w:+.3g} = {contribution:+.3f}"))
        terms.append(ScoreTerm(name="bias", value=1.0, weight=round(m.bias, 6), contribution=round(m.bias, 6),
                               explanation=f"log-odds of a real divergence before any evidence: {m.bias:+.3f}"))
        out.append(d.model_copy(update={"confidence": conf, "evidence": tuple(terms)}))
    return out
