"""Quotations as units of their own: matched across articles and compared.

A reporter's sentence and another outlet's may share nothing but the
words they quote (He called the plan "a very weak compromise" / "It is a
very weak compromise," she said).  :func:`align_quotes` matches the direct
quotations of two sets of claims (:attr:`claimtrack.models.Claim.quotes`)
as units, each quotation's words alone, without the reporter's:

- **the same matching rule as claims**: the quotations go through
  :func:`claimtrack.align` (:mod:`.claims`), so the length bar, the margin
  over the nearest other quotations, the rapidfuzz override of a
  same-language verbatim repeat and the figure evidence are the claims'
  (:mod:`.rule`), with the same defaults;
- **too short to tell**: a quotation of fewer than ``min_words`` words
  ("violence", "a disaster") is not matched on its own; its sentence's
  claim alignment covers it;
- **drift within the quotation**: each quotation is a claim of its own
  (:func:`quote_units`: its words, its speaker, the figures and names inside
  it), so each link is compared as :func:`claimtrack.align` compares claims,
  a quotation linked to two (one rendered as two interrupted ones) against
  both joined: words changed, dropped or added inside the quotation
  (``omission``, ``addition``, ``number``, ...) and a quotation given to
  another person (``speaker``, from the resolved names of the quotations'
  own attributions; a speaker carried from an earlier quotation is shown,
  not compared).

Each link is a :class:`~claimtrack.models.QuoteLink`: the two quotations
(claim id and index in ``Claim.quotes``), their words and speakers, the
matching evidence and the findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..embed import Embedder, EmbeddingCache
from ..models import Claim, Quote, QuoteLink, Speaker

__all__ = ["quote_units", "quote_speakers", "unit_source", "align_quotes", "MIN_LINK_WORDS"]

MIN_LINK_WORDS = 3
"""Fewest words of a quotation matched on its own."""

UNIT_SEPARATOR = "#"
"""Between a claim's id and a quotation's index in a quotation unit's id."""


def _unit(c: Claim, k: int, q: Quote) -> Claim:
    """Quotation ``k`` of claim ``c`` as a claim of its own: its words (the
    spans joined by a space), its speaker, and the claim's figures, dates and
    names that lie inside its spans, at offsets that index its text from
    ``start`` as a claim's do."""
    at: list[tuple[int, int, int]] = []  # (span start, span end, where it starts in the unit's text)
    pos = 0
    for sp in q.spans:
        at.append((sp.start, sp.end, pos))
        pos += len(sp.text) + 1
    base = q.spans[0].start

    def moved(found: Sequence[Any]) -> tuple[Any, ...]:
        out = []
        for x in found:
            for s, e, p in at:
                if s <= x.start and x.end <= e:
                    shift = base + p - s
                    out.append(x.model_copy(update={"start": x.start + shift, "end": x.end + shift}))
                    break
        return tuple(out)

    return c.model_copy(update={
        "id": f"{c.id}{UNIT_SEPARATOR}{k}", "text": q.text, "start": base, "end": base + len(q.text),
        "kind": "quote", "speaker": _own_speaker(q), "quantities": moved(c.quantities), "dates": moved(c.dates),
        "entities": moved(c.entities), "quote_id": None, "quotes": (),
    })


def _own_speaker(q: Quote) -> Speaker | None:
    """The speaker a quotation's own attribution gives (it has a cue); None
    for one carried from an earlier quotation, which drift does not compare:
    who said an unattributed quotation is the reader's inference."""
    return q.speaker if q.cue is not None else None


def quote_units(claims: Sequence[Claim], min_words: int = MIN_LINK_WORDS) -> list[Claim]:
    """The quotations of ``claims`` with at least ``min_words`` words, each as a
    claim of its own (id ``<claim id>#<index in Claim.quotes>``, text the
    quotation's words, speaker the one its own attribution gives), in claim
    then text order."""
    return [_unit(c, k, q) for c in claims for k, q in enumerate(c.quotes) if len(q.text.split()) >= min_words]


def unit_source(unit_id: str) -> tuple[str, int]:
    """The claim holding a quotation unit and the quotation's index in its
    ``Claim.quotes``: ``unit_source("a-3#1") == ("a-3", 1)``."""
    claim, _, k = unit_id.rpartition(UNIT_SEPARATOR)
    return claim, int(k)


def quote_speakers(claims: Sequence[Claim]) -> dict[str, Speaker | None]:
    """Quotation unit id -> the speaker shown for it: its own attribution's,
    else the one carried from an earlier quotation (``Quote.speaker``).  A
    unit's own ``speaker`` (what drift compares) is only the first kind."""
    return {f"{c.id}{UNIT_SEPARATOR}{k}": q.speaker for c in claims for k, q in enumerate(c.quotes)}


def align_quotes(
    claims_a: Sequence[Claim],
    claims_b: Sequence[Claim],
    *,
    embedder: Embedder | None = None,
    cache: EmbeddingCache | None = None,
    min_words: int = MIN_LINK_WORDS,
    drift: bool = True,
    min_confidence: float | None = None,
    **align_options: Any,
) -> list[QuoteLink]:
    """Order-free matching of the quotations of two sets of claims.

    Args:
        claims_a, claims_b: :class:`~claimtrack.models.Claim` objects (their
            ``quotes``, as :func:`claimtrack.extract_claims` finds them).
        embedder, cache: as :func:`claimtrack.align` (each quotation's words
            are encoded once, into the cache).
        min_words: fewest words of a quotation matched (shorter ones are
            left to their claims' alignment).
        drift: compare each linked pair (default); False: matching only.
        min_confidence: the confidence a finding needs (default:
            :data:`claimtrack.drift.DEFAULT_MIN_CONFIDENCE`; 0: every candidate).
        align_options: thresholds of :func:`claimtrack.align` (``threshold``,
            ``short_threshold``, ``margin``, ...).

    Returns:
        :class:`~claimtrack.models.QuoteLink` records sorted by the
        quotations' order on side a, then side b.  Symmetric, like
        :func:`claimtrack.align`: ``align_quotes(b, a)`` is this mirrored.

    >>> import claimtrack as ct
    >>> a = ct.read_article('"We will appeal the ruling of the court," Okafor said.', article_id="a", lang="en")
    >>> b = ct.read_article('Dana Okafor vowed: "We will appeal the ruling of the court."', article_id="b", lang="en")
    >>> [(x.source_text, x.target_text, x.target_speaker)
    ...  for x in ct.align_quotes(ct.extract_claims(a), ct.extract_claims(b))]
    [('We will appeal the ruling of the court', 'We will appeal the ruling of the court.', 'Dana Okafor')]
    """
    from ..embed import default_embedder
    from .claims import align

    ua, ub = quote_units(claims_a, min_words), quote_units(claims_b, min_words)
    if not ua or not ub:
        return []
    emb = embedder if embedder is not None else default_embedder()
    links = align(ua, ub, embedder=emb, cache=cache, drift=drift, min_confidence=min_confidence, **align_options)
    by_id = {u.id: u for u in ua + ub}
    shown = quote_speakers((*claims_a, *claims_b))
    out = []
    for al in links:
        x, y = by_id[al.source], by_id[al.target]
        (xc, xk), (yc, yk) = unit_source(x.id), unit_source(y.id)
        out.append(QuoteLink(
            source_article=x.article_id, target_article=y.article_id,
            source_claim=xc, source_quote=xk, target_claim=yc, target_quote=yk,
            source_text=x.text, target_text=y.text,
            source_speaker=_name(shown[x.id]), target_speaker=_name(shown[y.id]),
            score=al.score, similarity=al.similarity, fuzzy=al.fuzzy, evidence=al.evidence, drift=al.drift,
        ))
    return out


def _name(s: Speaker | None) -> str | None:
    return None if s is None else s.label
