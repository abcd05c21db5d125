"""The acceptance rule for a pair of claims, shared by :func:`claimtrack.align`
and the claim store's matcher (:mod:`claimtrack.store.matcher`).

A pair is judged on its cosine and on what its caller gathered around it (the
mean similarity of both claims' nearest *other* neighbours, the rapidfuzz score
of a same-language pair, the names and figures both state):

- **fuzzy override**: a same-language near-verbatim repeat (rapidfuzz score of
  at least ``fuzzy_min``) counts with the higher of its cosine and its
  rapidfuzz score, and so does its margin;
- **length bar**: the similarity must reach a bar interpolated linearly from
  ``short_threshold`` (``short_words`` words or fewer, on average) to
  ``threshold`` (``long_words`` or more);
- **neighbour margin**: the similarity minus the neighbours' mean must reach
  ``margin``;
- **figure rescue**: a pair below the bar is still accepted when its cosine
  reaches ``evidence_threshold`` and both claims state the same figure;
- **nudge**: shared names and figures add a ranking bonus of up to ``nudge``
  (a third of it each).

:class:`MatchSettings` holds these thresholds as the store records them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field

from ..models import Model

__all__ = ["MatchSettings", "Rule", "Judgement", "judge", "fuzzy_similarity", "format_figure", "near_figures"]


class MatchSettings(Model):
    """The thresholds of cluster matching; recorded in the store at creation.

    The defaults are :func:`claimtrack.align`'s (``threshold``,
    ``short_threshold``, ``margin``, ``k``, ``fuzzy_min``, ``nudge``, the
    0.2 background and the 6/20-word interpolation), plus the figure
    evidence rule and the candidate limits of the store.
    """

    threshold: float = Field(default=0.65, description="Least similarity of a long pair (long_words words or more).")
    short_threshold: float = Field(default=0.42, description="Least similarity of a short pair (short_words or fewer).")
    short_words: int = 6
    long_words: int = 20
    margin: float = Field(default=0.05, description="Least margin over the nearest other clusters / claims.")
    k: int = Field(default=4, ge=1, description="Neighbours averaged for the margin.")
    background: float = Field(default=0.2, description="Neighbour similarity assumed when fewer than k exist.")
    fuzzy_min: float = Field(default=0.8, description="rapidfuzz score (0..1) of a same-language near-verbatim repeat.")
    evidence_threshold: float = Field(
        default=0.5, description="Least cosine of a pair accepted on a shared (or drifted) figure."
    )
    number_tolerance: float = Field(
        default=0.05, ge=0.0, description="Relative difference up to which two figures count as the same figure."
    )
    min_figure: float = Field(default=10.0, description="Smallest absolute value of a figure used as evidence.")
    nudge: float = Field(default=0.03, description="Largest ranking bonus of shared names and figures.")
    name_conflict: bool = Field(
        default=True,
        description="Refuse a pair when both claims name someone or something (entity keys, resolved speaker) "
        "and no name of one is contained in a name of the other (by key words): the same sentence frame "
        "about other people, places or companies.",
    )
    candidates: int = Field(default=8, ge=1, description="Nearest clusters by cosine considered per claim.")
    key_candidates: int = Field(default=16, ge=0, description="Clusters fetched per shared name or figure.")
    projection_dims: int = Field(
        default=128, ge=0,
        description="Above exact_search_below clusters, the nearest clusters come from a shortlist found on the "
        "vectors projected on this many fixed random directions (seeded, the same in every process), ranked by "
        "exact cosine: the scan reads a matrix dim / projection_dims times smaller, which keeps the cost of an add "
        "nearly flat as the store grows.  Approximate: with USE, 128 dims and a shortlist of 128 found 97% of the "
        "neighbours with cosine >= 0.4 in a test; on the 10,000-article benchmark, 28,854 claims joined a cluster "
        "against 28,861 with the exact scan.  0: always the exact scan (O(clusters * dim) per claim).",
    )
    exact_search_below: int = Field(
        default=8192, ge=0, description="With projection_dims > 0: up to this many clusters the scan stays exact."
    )
    shortlist: int = Field(default=128, ge=1, description="With projection_dims > 0: clusters per claim re-ranked.")

    def rule(self) -> Rule:
        """The acceptance rule these settings define."""
        return Rule(
            threshold=self.threshold,
            short_threshold=self.short_threshold,
            margin=self.margin,
            fuzzy_min=self.fuzzy_min,
            nudge=self.nudge,
            evidence_threshold=self.evidence_threshold,
            short_words=self.short_words,
            long_words=self.long_words,
        )


@dataclass(frozen=True, slots=True)
class Rule:
    """The thresholds :func:`judge` applies (see the module docstring)."""

    threshold: float
    short_threshold: float
    margin: float
    fuzzy_min: float
    nudge: float
    evidence_threshold: float
    short_words: int = 6
    long_words: int = 20

    def bar(self, words_a: int, words_b: int) -> float:
        """The length bar of a pair of claims of these word counts."""
        w = (words_a + words_b) / 2.0
        f = min(1.0, max(0.0, (w - self.short_words) / max(1, self.long_words - self.short_words)))
        return self.short_threshold + f * (self.threshold - self.short_threshold)


@dataclass(frozen=True, slots=True)
class Judgement:
    """The rule's view of one pair of claims."""

    similarity: float
    """The cosine, or the rapidfuzz score of a near-verbatim repeat when higher."""
    margin: float
    """``similarity`` minus the mean of the neighbours' similarities."""
    bar: float
    """The length bar the similarity has to reach."""
    figure: bool
    """Below the bar, but the cosine reaches ``evidence_threshold`` and the claims share a figure."""
    bonus: float
    """Ranking bonus of the shared names and figures."""
    accepted: bool
    """The margin passes, and the similarity reaches the bar or the figure rescues the pair."""

    @property
    def rank(self) -> float:
        """Linking order, best first: similarity + margin + bonus."""
        return self.similarity + self.margin + self.bonus


def judge(
    rule: Rule,
    *,
    cosine: float,
    neighbours: float,
    fuzzy: float | None,
    words: tuple[int, int],
    shared: int,
    shared_figure: bool,
) -> Judgement:
    """Judge one pair of claims.

    Args:
        rule: the thresholds.
        cosine: the embedder cosine of the pair.
        neighbours: the mean similarity of both claims' nearest other neighbours.
        fuzzy: :func:`fuzzy_similarity` of a same-language pair, else None.
        words: the word counts of both claims.
        shared: how many names and figures the claims share (for the bonus).
        shared_figure: whether they share a figure usable as evidence.
    """
    margin = cosine - neighbours
    similarity = cosine
    if fuzzy is not None and fuzzy >= rule.fuzzy_min:
        similarity = max(cosine, fuzzy)
        margin = max(margin, fuzzy - neighbours)
    bar = rule.bar(*words)
    figure = cosine >= rule.evidence_threshold and similarity < bar and shared_figure
    return Judgement(
        similarity=similarity,
        margin=margin,
        bar=bar,
        figure=figure,
        bonus=min(rule.nudge, rule.nudge / 3.0 * shared),
        accepted=not margin < rule.margin and (similarity >= bar or figure),
    )


def fuzzy_similarity(a: str, b: str) -> float:
    """rapidfuzz similarity of casefolded texts in 0..1: max of ``ratio`` and,
    when the shorter text has at least 5 words, ``token_set_ratio`` (a quote
    reused inside a longer sentence scores high)."""
    from rapidfuzz import fuzz

    x, y = a.casefold(), b.casefold()
    r = fuzz.ratio(x, y)
    if min(len(x.split()), len(y.split())) >= 5:
        r = max(r, fuzz.token_set_ratio(x, y))
    return float(r) / 100.0


def format_figure(v: float) -> str:
    """A figure as the match evidence writes it: "2,400", "1.5"."""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"


def near_figures(a: float, b: float, tolerance: float) -> bool:
    """Two figures that count as the same figure: a relative difference of at
    most ``tolerance`` (:attr:`MatchSettings.number_tolerance`)."""
    return abs(a - b) <= tolerance * max(abs(a), abs(b))
