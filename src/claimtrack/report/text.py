"""Plain-text reports for a terminal: comparisons, claims, drift, clusters.

Every renderer is a pure function of the models it is given and returns the
text (each line ending in ``\\n``); the command line writes it out.
:func:`article_label` is the short name of an article that both these tables
and the HTML reports (:mod:`claimtrack.report.html`) show, and
:func:`shorten` the one way a long text is cut to a column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - type checkers only; no import cost at run time
    from ..comparison import ArticleInfo, Comparison
    from ..models import Article, Claim, Furniture

__all__ = [
    "article_label",
    "claims_table",
    "cluster_table",
    "comparison_table",
    "diff_table",
    "furniture_table",
    "hits_table",
    "shorten",
]


def shorten(text: str, width: int) -> str:
    """``text`` on one line (runs of whitespace become one space), cut to ``width``
    characters with a trailing ``…`` when it is longer.

    >>> shorten("a  claim\\non two lines", 40)
    'a claim on two lines'
    >>> shorten("more than 150,000 projects", 12)
    'more than 1…'
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def article_label(info: ArticleInfo) -> str:
    """A short human label: the id given by the caller, else (for a content-hash id)
    the source's file name without extension.

    >>> from claimtrack.comparison import ArticleInfo
    >>> article_label(ArticleInfo(id="a0123456789ab", lang="en", source="news/en-herald.txt", claims=3))
    'en-herald'
    >>> article_label(ArticleInfo(id="herald", lang="en", source="news/en-herald.txt", claims=3))
    'herald'
    """
    if info.source and re.fullmatch(r"a[0-9a-f]{12}", info.id):
        name = info.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        stem = name.rsplit(".", 1)[0] if "." in name else name
        return stem or info.id
    return info.id


def comparison_table(comparison: Comparison, width: int = 60) -> str:
    """A plain-text report: articles, then each pair's alignments, then the
    unmatched claims.  ``width`` bounds each quoted claim text."""
    texts = {c.id: c.text for c in comparison.claims}
    label = {a.id: article_label(a) for a in comparison.articles}
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
                f"{shorten(texts.get(al.source, al.source), width):<{width}}  {shorten(texts.get(al.target, al.target), width)}"
            )
            extra = [e for e in al.evidence if e.startswith(("shared", "second", "same language", "language unknown"))]
            if extra:
                lines.append(f"{'':24}  ({'; '.join(extra)})")
            for d in al.drift:
                lines.append(f"{'':24}  drift {d.type} [{d.severity}]: {d.explanation}")
    lines.append("")
    lines.append(f"Unmatched: {len(comparison.unmatched)} claims")
    for cid in comparison.unmatched:
        lines.append(f"  {cid}  {shorten(texts.get(cid, ''), width + 20)}")
    return "\n".join(lines) + "\n"


def claims_table(rows: Iterable[tuple[Article, Sequence[Claim]]]) -> str:
    """Each article's header line, then one line per claim: sentence index,
    kind, language, speaker, figures and text; a blank line after each article."""
    out: list[str] = []
    for article, claims in rows:
        out.append(f"# {article.source or article.id}  id={article.id}  lang={article.lang}  claims={len(claims)}\n")
        out.append(f"{'#':>3}  {'kind':8}  {'lang':4}  {'speaker':22}  {'numbers':22}  text\n")
        for c in claims:
            speaker = (c.speaker.name or c.speaker.text) if c.speaker else ""
            numbers = ", ".join(
                f"{(q.qualifier + ' ') if q.qualifier else ''}{q.value:g}{(' ' + q.unit) if q.unit else ''}"
                for q in c.quantities
            )
            out.append(
                f"{c.sentence_index:>3}  {c.kind:8}  {c.lang:4}  {shorten(speaker, 22):22}  "
                f"{shorten(numbers, 22):22}  {shorten(c.text, 70)}\n"
            )
        out.append("\n")
    return "".join(out)


def furniture_table(article: Article, furniture: Iterable[Furniture]) -> str:
    """One line per piece of furniture kept out of an article's claims, with its reason."""
    return "".join(
        f"furniture  {article.id}  {f.kind:11}  {shorten(f.text, 50):50}  {f.reason}\n" for f in furniture
    )


def _confidence(f: Any) -> str:
    return f" confidence {f.confidence:.2f}" if getattr(f, "confidence", None) is not None else ""


def diff_table(d: Any) -> str:
    """A :class:`~claimtrack.models.PairDiff`: the verdict line, the findings,
    then the score terms that contributed."""
    verdict = "divergent" if d.divergent else "equivalent"
    out = [f"similarity {d.similarity:.3f}  divergence {d.divergence:.3f}  {verdict} "
           f"(threshold {d.threshold:g}; {d.source_lang} -> {d.target_lang})\n"]
    for f in d.drift:
        out.append(f"  {f.type} [{f.severity}]{_confidence(f)}: {f.explanation}\n")
    hidden = len(d.candidates) - len(d.drift)
    if hidden > 0:
        out.append(f"  ({hidden} candidate{'s' if hidden != 1 else ''} below confidence {d.min_confidence:g} "
                   f"not shown; --min-confidence 0 shows them)\n")
    out.append(f"  {d.divergent_because}\n" if d.divergent_because else "")
    for t in d.score:
        if t.contribution:
            out.append(f"    {t.name:<10} {t.explanation}\n")
    return "".join(out)


def cluster_table(cluster: Any, width: int = 70) -> str:
    """A store cluster (``claimtrack.store.Cluster``): its header line, then one
    line per variant (date, language, similarity, article, text, speaker) with
    the variant's drift findings under it."""
    first = cluster.first_seen.isoformat() if cluster.first_seen else "undated"
    n = len(cluster.variants)
    out = [f"{cluster.id}  first seen {first}  [{','.join(cluster.langs)}]  {n} variant{'s' if n != 1 else ''}\n"]
    for v in cluster.variants:
        pub = v.published.isoformat() if v.published else "undated   "
        speaker = (v.claim.speaker.name or v.claim.speaker.text) if v.claim.speaker else ""
        who = f"  ({shorten(speaker, 24)})" if speaker else ""
        out.append(f"  {pub}  {v.lang:2}  {v.similarity:4.2f}  {shorten(v.article_id, 16):16}  "
                   f"{shorten(v.claim.text, width)}{who}\n")
        for d in v.drift:
            out.append(f"{'':34}drift {d.type} [{d.severity}]{_confidence(d)}: {d.explanation}\n")
    return "".join(out)


def hits_table(hits: Iterable[Any]) -> str:
    """The clusters nearest to a statement (``claimtrack.store.ClusterHit``): one
    line per cluster with its similarity and reference text, then its drift."""
    out: list[str] = []
    for h in hits:
        ref = h.cluster.variants[0]
        out.append(f"{h.cluster.id:>8}  {h.similarity:5.2f}  [{','.join(h.cluster.langs)}]  "
                   f"{len(h.cluster.variants)} variants  {shorten(ref.claim.text, 70)}\n")
        for d in h.drift:
            out.append(f"{'':10}drift {d.type} [{d.severity}]: {d.explanation}\n")
    return "".join(out)
