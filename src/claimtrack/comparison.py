"""Compare several articles: claims, alignments between every pair, leftovers.

:func:`compare` extracts the claims of every article (``claimtrack.extract_claims``),
encodes every claim once (one shared :class:`~claimtrack.embed.EmbeddingCache`),
runs the order-free :func:`claimtrack.align` on every unordered pair of
articles (in input order: article 0 with 1, 0 with 2, ..., 1 with 2, ...) and
lists the claims that found no partner anywhere.

:func:`to_table` and :func:`to_html` render a :class:`Comparison` for a
terminal and a browser; both are pure functions of the comparison.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

from pydantic import Field

from .embed import Embedder, EmbeddingCache
from .models import Alignment, Article, Claim, Model

__all__ = ["compare", "Comparison", "ArticleInfo", "PairAlignment", "to_table", "to_html"]


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
        align_options: passed to :func:`claimtrack.align` (``threshold``,
            ``margin``, ...).

    Cost: extraction is linear in the text; alignment is one blocked
    similarity pass per pair of articles, so k articles cost k(k-1)/2 passes
    over already-encoded vectors.
    """
    from .alignment import align as _align
    from .embed import default_embedder

    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise ValueError(f"article ids must be distinct, got {ids}")
    emb = embedder if embedder is not None else default_embedder()
    c = cache if cache is not None else EmbeddingCache()
    per: list[list[Claim]] = []
    for a in articles:
        if claims is not None and a.id in claims:
            per.append(list(claims[a.id]))
        else:
            from .extract.claims import extract_claims

            per.append(extract_claims(a))
    # encode every claim once, in one batch
    c.encode(emb, [cl.text for cs in per for cl in cs])
    pairs: list[PairAlignment] = []
    matched: set[str] = set()
    for x, y in combinations(range(len(articles)), 2):
        als = _align(per[x], per[y], embedder=emb, cache=c, **align_options)
        for al in als:
            matched.add(al.source)
            matched.add(al.target)
        pairs.append(PairAlignment(source_article=ids[x], target_article=ids[y], alignments=tuple(als)))
    all_claims = tuple(cl for cs in per for cl in cs)
    return Comparison(
        articles=tuple(
            ArticleInfo(id=a.id, lang=a.lang, source=a.source, claims=len(cs)) for a, cs in zip(articles, per)
        ),
        claims=all_claims,
        alignments=tuple(pairs),
        unmatched=tuple(cl.id for cl in all_claims if cl.id not in matched),
    )


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _label(info: ArticleInfo) -> str:
    """A short human label: the id given by the caller, else (for a content-hash id)
    the source's file name without extension."""
    if info.source and re.fullmatch(r"a[0-9a-f]{12}", info.id):
        name = info.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        stem = name.rsplit(".", 1)[0] if "." in name else name
        return stem or info.id
    return info.id


def to_table(comparison: Comparison, width: int = 60) -> str:
    """A plain-text report: articles, then each pair's alignments, then the
    unmatched claims.  ``width`` bounds each quoted claim text."""
    texts = {c.id: c.text for c in comparison.claims}
    label = {a.id: _label(a) for a in comparison.articles}
    lines: list[str] = ["Articles"]
    for a in comparison.articles:
        src = f"  {a.source}" if a.source else ""
        ident = f"  {a.id}" if label[a.id] != a.id else ""
        lines.append(f"  {label[a.id]:<16}{ident}  [{a.lang}]  {a.claims} claims{src}")
    for pair in comparison.alignments:
        left, right = label.get(pair.source_article, pair.source_article), label.get(pair.target_article, pair.target_article)
        lines.append("")
        lines.append(f"{left} <-> {right}: {len(pair.alignments)} aligned")
        if pair.alignments:
            lines.append(f"  {'score':>5}  {'cos':>5}  {'margin':>6}  {left:<{width}}  {right}")
        for al in pair.alignments:
            lines.append(
                f"  {al.score:5.2f}  {al.similarity:5.2f}  {al.margin if al.margin is not None else 0.0:+6.2f}  "
                f"{_short(texts.get(al.source, al.source), width):<{width}}  {_short(texts.get(al.target, al.target), width)}"
            )
            extra = [e for e in al.evidence if e.startswith(("shared", "second", "same language", "language unknown"))]
            if extra:
                lines.append(f"{'':24}  ({'; '.join(extra)})")
            for d in al.drift:
                lines.append(f"{'':24}  drift {d.type} [{d.severity}]: {d.explanation}")
    lines.append("")
    lines.append(f"Unmatched: {len(comparison.unmatched)} claims")
    for cid in comparison.unmatched:
        lines.append(f"  {cid}  {_short(texts.get(cid, ''), width + 20)}")
    return "\n".join(lines) + "\n"


def to_html(comparison: Comparison) -> str:
    """A self-contained HTML report (no script, every text escaped); see
    :func:`claimtrack.report.html_comparison`."""
    from .report.html import html_comparison

    return html_comparison(comparison)


