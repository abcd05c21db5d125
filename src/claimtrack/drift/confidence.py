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
type's prior): per-type interactions were tried and fitted the tuning half
no better in cross-validation, so the smaller model is the one shipped.

The weights live in ``confidence.json`` next to this module, fitted by
``benchmarks/fit_confidence.py`` with grouped cross-validation on the tuning
halves of the development sets (positives: DEMETR's typed perturbations and
drifts injected into real news translations; negatives: every candidate on
faithful professional translations, DEMETR references and minor edits).
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
    from .context import PairContext, Side

__all__ = ["FEATURES", "Model", "model", "from_dict", "features", "texts_needed", "score", "DEFAULT_MIN_CONFIDENCE"]

TYPES: tuple[str, ...] = get_args(DriftType)
BASE: tuple[str, ...] = (
    "critical", "one_sided", "in_other", "spelled", "matched", "closeness", "no_words", "words", "digits",
    "capital", "similarity", "coverage", "length", "findings", "types", "same_type", "opposite",
    "other_unmatched", "other_capitals", "gain",
)
FEATURES: tuple[str, ...] = tuple(f"type:{t}" for t in TYPES) + BASE
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


def _span_words(ctx: PairContext, side: Side, other: Side, span: tuple[int, int] | None,
                lost: set[tuple[int, int]]) -> tuple[int, int, list[float]]:
    """(words inside ``span``, those with a counterpart on the other side,
    each word's best cosine against the other side's words)."""
    if span is None:
        return 0, 0, []
    s, e = span
    inside = [t for t in side.lexical_words if t.start >= s and t.end <= e]
    best: list[float] = []
    if inside and other.lexical_words:
        theirs = np.stack([ctx.vector(t.text) for t in other.lexical_words])
        best = [float(np.max(theirs @ ctx.vector(t.text))) for t in inside]
    return len(inside), sum((t.start, t.end) not in lost for t in inside), best


def _left_out(d: Drift, ctx: PairContext) -> tuple[str, str, Side] | None:
    """For a value on one side only: the sentence(s) holding it without it,
    the same sentence(s) whole (:meth:`Side.leave_out`: one sentence, not a
    whole passage, so the cost stays linear), and the other side."""
    if (d.source_value is None) == (d.target_value is None):
        return None
    span = d.source_span if d.target_value is None else d.target_span
    if span is None:
        return None
    mine, theirs = (ctx.source, ctx.target) if d.target_value is None else (ctx.target, ctx.source)
    rest, context = mine.leave_out(span)
    return (rest, context, theirs) if rest.strip() else None


def texts_needed(d: Drift, ctx: PairContext) -> list[str]:
    """The texts :func:`features` encodes for ``d`` beyond those the checks
    had (the sentence without a one-sided value, and whole), so that many
    pairs encode them in one batch."""
    left = _left_out(d, ctx)
    return [left[0], left[1]] if left is not None else []


def features(d: Drift, ctx: PairContext, candidates: Sequence[Drift]) -> dict[str, float]:
    """The measured values of :data:`FEATURES` for a candidate ``d`` of the
    pair ``ctx`` (in the pair's canonical orientation, as the checks found
    it), among the pair's ``candidates``."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Indel

    src, tgt = ctx.source, ctx.target
    fs, ft = fold(src.text), fold(tgt.text)
    values = _values(d)
    one_sided = (d.source_value is None) != (d.target_value is None)
    if d.source_value and d.target_value:
        a, b = fold(d.source_value), fold(d.target_value)
        in_other = float(a in ft or b in fs)
        spelled = float(Indel.normalized_similarity(a, b))
    elif d.source_value:
        a = fold(d.source_value)
        in_other, spelled = float(a in ft), fuzz.partial_ratio(a, ft) / 100.0
    elif d.target_value:
        b = fold(d.target_value)
        in_other, spelled = float(b in fs), fuzz.partial_ratio(b, fs) / 100.0
    else:
        in_other, spelled = 0.0, 0.0
    lost_a, lost_b = ctx.unmatched
    la = {(t.start, t.end) for t in lost_a}
    lb = {(t.start, t.end) for t in lost_b}
    na, ma, ca = _span_words(ctx, src, tgt, d.source_span, la)
    nb, mb, cb = _span_words(ctx, tgt, src, d.target_span, lb)
    matched = (ma + mb) / (na + nb) if na + nb else 0.5
    close = ca + cb
    closeness = float(np.mean(close)) if close else 0.5
    side_of = "source" if d.source_value is not None and d.target_value is None else (
        "target" if d.target_value is not None and d.source_value is None else "both")
    others = [c for c in candidates if c is not d and c.type == d.type]
    opposite = any(side_of != "both" and ("source" if c.source_value is not None and c.target_value is None else
                                          "target" if c.target_value is not None and c.source_value is None
                                          else "both") not in (side_of, "both") for c in others)
    if d.type in ("omission", "addition"):  # the two are one kind seen from each side
        others = [c for c in candidates if c is not d and c.type in ("omission", "addition")]
        opposite = any(c.type != d.type for c in others)
    longest = max(values, key=len) if values else ""
    # the words without counterpart on the side(s) facing the finding's value
    facing: list[tuple[Side, list[Any], tuple[int, int] | None]] = []
    if d.source_value is None or d.target_value is None:
        if d.source_value is not None:
            facing.append((tgt, lost_b, d.target_span))
        elif d.target_value is not None:
            facing.append((src, lost_a, d.source_span))
    else:
        facing = [(tgt, lost_b, d.target_span), (src, lost_a, d.source_span)]
    other_lost = [t for side, lost, span in facing for t in lost
                  if span is None or not (span[0] <= t.start and t.end <= span[1])]
    other_capitals = sum(1 for side, lost, span in facing for t in lost
                         if (span is None or not (span[0] <= t.start and t.end <= span[1]))
                         and t.text[:1].isupper() and t.start > 0 and side.text[:t.start].rstrip()[-1:] not in ".!?:\"«“")
    gain = 0.0
    left = _left_out(d, ctx)
    if left is not None:
        rest, context, theirs = left
        other = ctx.vector(theirs.text)
        gain = float(np.dot(ctx.vector(rest), other) - np.dot(ctx.vector(context), other))
    out: dict[str, float] = {f"type:{t}": float(d.type == t) for t in TYPES}
    out.update(
        critical=float(d.severity == "critical"),
        one_sided=float(one_sided),
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
        length=0.0,
        findings=math.log1p(len(candidates)),
        types=float(len({c.type for c in candidates} - {d.type})),
        same_type=math.log1p(len(others)),
        opposite=float(opposite),
        other_unmatched=math.log1p(len(other_lost)),
        other_capitals=float(min(other_capitals, 3)),
        gain=gain,
    )
    from .score import length_ratio

    out["length"] = length_ratio(len(src.text), len(tgt.text), src.data.relative_length, tgt.data.relative_length)
    return out


def score(d: Drift, ctx: PairContext, candidates: Sequence[Drift], fitted: Model | None = None) -> Drift:
    """``d`` with its ``confidence`` and ``evidence`` (the model's terms, each
    ``value * weight = contribution``) set."""
    m = fitted or model()
    vals = features(d, ctx, candidates)
    x = [vals[f] for f in m.features]
    z = m.logit(x)
    conf = round(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))), 6)
    terms = []
    for name, v, w in zip(m.features, x, m.weights):
        if v == 0.0:
            continue  # adds nothing: the indicators of the other types, say
        contribution = w * v
        says = f"a {name[5:]} finding" if name.startswith("type:") else _SAYS[name]
        terms.append(ScoreTerm(name=name, value=round(v, 6), weight=round(w, 6), contribution=round(contribution, 6),
                               explanation=f"{says}: {v:.3g} x {w:+.3g} = {contribution:+.3f}"))
    terms.append(ScoreTerm(name="bias", value=1.0, weight=round(m.bias, 6), contribution=round(m.bias, 6),
                           explanation=f"log-odds of a real divergence before any evidence: {m.bias:+.3f}"))
    return d.model_copy(update={"confidence": conf, "evidence": tuple(terms)})


def design(rows: Sequence[dict[str, float]]) -> np.ndarray:
    """The feature matrix of many :func:`features` results (fitting)."""
    return np.array([[r[f] for f in FEATURES] for r in rows], dtype=float)
