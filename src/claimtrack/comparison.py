"""Compare several articles: claims, alignments between every pair, leftovers.

:func:`compare` extracts the claims of every article (``claimtrack.extract_claims``),
encodes every claim once (one shared :class:`~claimtrack.embed.EmbeddingCache`),
runs the order-free :func:`claimtrack.align` on every unordered pair of
articles (in input order: article 0 with 1, 0 with 2, ..., 1 with 2, ...) and
lists the claims that found no partner anywhere.  Its ``clusters`` are the
statements found in two articles or more, each with every variant and the
drift of each against the earliest: the claim store's clusters
(:class:`claimtrack.Tracker`, one matching rule for both), computed in a
temporary store filled with the articles in input order, so that a store
built from the same articles holds the same clusters.

:mod:`claimtrack.report` renders a :class:`Comparison` for a terminal
(:func:`claimtrack.report.text.comparison_table`) and a browser
(:func:`claimtrack.report.html.html_comparison`); this module only computes.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from pydantic import Field

from .embed import Embedder, EmbeddingCache
from .errors import ClaimtrackError, DuplicateArticleError, ErrorPolicy, ErrorSink, OnError
from .models import Alignment, Article, Claim, Model, QuoteLink
from .store.models import Cluster

__all__ = ["compare", "Comparison", "ArticleInfo", "PairAlignment"]


class ArticleInfo(Model):
    """Who is being compared: an article's id, language and source."""

    id: str
    lang: str
    source: str | None = None
    claims: int = Field(description="Number of claims extracted from it.")


class PairAlignment(Model):
    """The alignments between two articles; ``Alignment.source`` ids are claims
    of ``source_article`` and ``Alignment.target`` ids claims of ``target_article``."""

    source_article: str
    target_article: str
    alignments: tuple[Alignment, ...] = ()


class Comparison(Model):
    """The result of :func:`compare`."""

    articles: tuple[ArticleInfo, ...]
    claims: tuple[Claim, ...] = Field(description="Every claim of every article, article by article, in text order.")
    alignments: tuple[PairAlignment, ...] = Field(
        description="One entry per unordered pair of articles (i < j in input order)."
    )
    unmatched: tuple[str, ...] = Field(description="Ids of the claims aligned to nothing in any other article.")
    quote_links: tuple[QuoteLink, ...] = Field(
        default=(),
        description="The direct quotations two articles share, matched as units of their own "
                    "(claimtrack.align_quotes: a partial quotation repeated in another sentence too), with the drift "
                    "inside the quotation and of its speaker; article pairs in input order.",
    )
    clusters: tuple[Cluster, ...] = Field(
        default=(),
        description="Each statement found in two or more of the articles: every variant (publication order, then "
                    "input order) with its drift against the earliest; the claim store's matching "
                    "(claimtrack.Tracker), so a store built from the same articles holds the same clusters.",
    )

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id."""
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(claim_id)


def compare(
    *articles: Article,
    embedder: Embedder | None = None,
    cache: EmbeddingCache | None = None,
    claims: dict[str, list[Claim]] | None = None,
    errors: OnError = "stop",
    error_file: ErrorSink | None = None,
    cluster: bool = True,
    quotes: bool = True,
    claims_extracted: bool = False,
    **align_options: Any,
) -> Comparison:
    """Claims of every article, alignments between every pair, unmatched claims.

    Args:
        articles: two or more :class:`~claimtrack.models.Article` (one is
            allowed: no pairs, every claim unmatched).
        embedder: the :class:`~claimtrack.embed.Embedder` (default: the
            process-wide USE).
        cache: an :class:`~claimtrack.embed.EmbeddingCache` to share; a fresh
            one is used otherwise, so each distinct claim text is encoded once.
        claims: already extracted claims by article id (skips extraction for
            those articles).
        errors: what a bad article does (:data:`claimtrack.errors.OnError`):
            ``stop`` (default) raises its error; ``skip`` leaves it out of the
            comparison; ``report`` also sends an
            :class:`~claimtrack.errors.ErrorRecord` to ``error_file``
            (standard error by default).  Bad: an unsupported or undetected
            language (:class:`~claimtrack.errors.UnsupportedLanguageError`), an
            id already given (:class:`~claimtrack.errors.DuplicateArticleError`).
        error_file: a text stream (one JSON line per record) or a callable.
        cluster: compute :attr:`Comparison.clusters` (a temporary claim store
            filled with the articles in input order; claims come from the
            articles, as the store extracts them, whatever ``claims`` says).
            False: an empty tuple, no extra cost.
        quotes: compute :attr:`Comparison.quote_links` (the articles'
            direct quotations matched as units, :func:`claimtrack.align_quotes`,
            with the same ``align_options``).  False: an empty tuple.
        claims_extracted: the given ``claims`` are exactly
            ``extract_claims(article)`` of their articles (the command line's
            are), so the clusters stage uses them instead of extracting those
            articles a second time (the same clusters, half the claims in
            memory).
        align_options: passed to :func:`claimtrack.align` (``min_confidence``, ``threshold``,
            ``margin``, ...).

    Cost: extraction is linear in the text; alignment is one blocked
    similarity pass per pair of articles, so k articles cost k(k-1)/2 passes
    over already-encoded vectors.
    """
    from .alignment import align as _align, align_quotes as _align_quotes
    from .embed import default_embedder

    from .extract.claims import extract_claims

    policy = ErrorPolicy(errors, error_file)
    kept: list[Article] = []
    per: list[list[Claim]] = []
    seen: set[str] = set()
    extracted: list[bool] = []  # per kept article: its claims are extract_claims(article)
    for a in articles:
        try:
            if a.id in seen:
                raise DuplicateArticleError(
                    f"article {a.id!r}{f' ({a.source})' if a.source else ''} is given twice: article ids must be "
                    "distinct"
                )
            given = claims is not None and a.id in claims and not claims_extracted
            found = list(claims[a.id]) if claims is not None and a.id in claims else extract_claims(a)
        except ClaimtrackError as exc:
            policy.handle(exc, id=a.id, input=a.source)
            continue
        seen.add(a.id)
        kept.append(a)
        per.append(found)
        extracted.append(not given)
    articles = tuple(kept)
    ids = [a.id for a in articles]
    emb = embedder if embedder is not None else default_embedder()
    c = cache if cache is not None else EmbeddingCache()
    # encode every claim once, in one batch, into one matrix the cache shares: the aligner takes a
    # pair's vectors from it, a view and no copy when the pair's claims are consecutive rows (two articles)
    vectors = c.matrix(emb, [cl.text for cs in per for cl in cs])
    pairs: list[PairAlignment] = []
    quote_links: list[QuoteLink] = []
    matched: set[str] = set()
    for x, y in combinations(range(len(articles)), 2):
        als = _align(per[x], per[y], embedder=emb, cache=c, **align_options)
        for al in als:
            matched.add(al.source)
            matched.add(al.target)
        pairs.append(PairAlignment(source_article=ids[x], target_article=ids[y], alignments=tuple(als)))
        if quotes:
            linked = {(al.source, al.target) for al in als}
            quote_links += [
                q.model_copy(update={"claims_aligned": (q.source_claim, q.target_claim) in linked})
                for q in _align_quotes(per[x], per[y], embedder=emb, cache=c, **align_options)
            ]
    if cache is None:
        c.clear()  # our own vectors: released before the claim store encodes its own
    del c, vectors
    all_claims = tuple(cl for cs in per for cl in cs)
    groups = (
        _clusters(articles, emb, [cs if ex else None for cs, ex in zip(per, extracted)])
        if cluster and len(articles) > 1 else ()
    )
    return Comparison(
        articles=tuple(
            ArticleInfo(id=a.id, lang=a.lang, source=a.source, claims=len(cs)) for a, cs in zip(articles, per)
        ),
        claims=all_claims,
        alignments=tuple(pairs),
        unmatched=tuple(cl.id for cl in all_claims if cl.id not in matched),
        quote_links=tuple(quote_links),
        clusters=groups,
    )


def _clusters(
    articles: tuple[Article, ...], embedder: Embedder, extracted: list[list[Claim] | None]
) -> tuple[Cluster, ...]:
    """The clusters of two variants or more of a temporary claim store filled
    with ``articles`` in order (:class:`claimtrack.Tracker`: the store's own
    matching and drift, so the same articles give the same clusters there).

    ``extracted[i]``: the claims of ``articles[i]`` when they are
    ``extract_claims(articles[i])`` (None: the store extracts them); they are
    handed to the store, which encodes them with its own per-text vectors
    (:meth:`~claimtrack.store.Tracker.add_extracted`) and builds the store
    :meth:`~claimtrack.store.Tracker.add` builds, without a second copy of
    every claim."""
    import tempfile
    from pathlib import Path

    from .store import Tracker

    with tempfile.TemporaryDirectory(prefix="claimtrack-compare-") as tmp:
        with Tracker(Path(tmp) / "comparison.db", embedder=embedder) as tracker:
            for article, found in zip(articles, extracted):
                if found is None or not found:
                    tracker.add(article)
                else:
                    tracker.add_extracted(article, found)
            return tuple(tracker.clusters(min_variants=2))
