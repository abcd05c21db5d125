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

from .values import display_width, figure, fit, label, terminal_width

if TYPE_CHECKING:  # pragma: no cover - type checkers only; no import cost at run time
    from ..comparison import ArticleInfo, Comparison
    from ..models import Article, Claim, Furniture, Quote

__all__ = [
    "article_label",
    "claims_table",
    "cluster_table",
    "comparison_table",
    "diff_table",
    "furniture_table",
    "hits_table",
    "quotes_table",
    "shorten",
]


def shorten(text: str, width: int) -> str:
    """``text`` on one line (runs of whitespace become one space), cut to ``width``
    terminal cells with a trailing ``…`` when it is longer (see
    :func:`claimtrack.report.values.fit`, which also pads).

    >>> shorten("a  claim\\non two lines", 40)
    'a claim on two lines'
    >>> shorten("more than 150,000 projects", 12)
    'more than 1…'
    """
    return fit(text, width).rstrip(" ")


def _cut(line: str, width: int) -> str:
    """A line laid out already, cut to ``width`` terminal cells (its spacing kept)."""
    return fit(line, width, collapse=False).rstrip(" ")


def _wrap(text: str, width: int, indent: int, hang: int = 2, lead: str = "", collapse: bool = True) -> list[str]:
    """``text`` wrapped to ``width`` terminal cells (nothing is cut; a word
    wider than a line is broken across lines): the first line is indented by
    ``indent`` spaces and starts with ``lead`` (kept as given), the next ones
    are indented by ``indent + hang``; runs of whitespace become one space
    unless ``collapse`` is False.  Widths are display widths
    (:func:`~claimtrack.report.values.display_width`: a CJK character takes
    two cells)."""
    indent = min(indent, max(0, width - 30))  # a narrow terminal keeps 30 columns of text
    words = (" ".join(text.split()) if collapse else text).split(" ")
    lines: list[str] = []
    line, used = " " * indent + lead, indent + display_width(lead)
    fresh = True  # nothing but the indent and lead on the line yet
    for word in words:
        if not word:
            continue
        w = display_width(word)
        if not fresh and used + 1 + w > width:
            lines.append(line)
            line, used, fresh = " " * (indent + hang), indent + hang, True
        if not fresh:
            line, used = line + " ", used + 1
        for ch in word:  # a word wider than what is left breaks at the line's end
            c = display_width(ch)
            if used + c > width and not fresh:
                lines.append(line)
                line, used = " " * (indent + hang), indent + hang
            line, used, fresh = line + ch, used + c, False
    lines.append(line)
    return [ln.rstrip() if ln.strip() else ln for ln in lines]


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


def comparison_table(comparison: Comparison, width: int | None = None) -> str:
    """A plain-text report: articles, then each pair's alignments, then the
    statements found in two articles or more (``Comparison.clusters``, each
    variant with its drift against the earliest), the quotations shared by
    sentences that are not aligned or changed on the way
    (``Comparison.quote_links``), then the unmatched claims, laid out in ``width`` columns (default: the terminal's,
    see :func:`~claimtrack.report.values.terminal_width`); the two claim texts
    share what the score columns leave, explanations wrap."""
    total = terminal_width(width)
    texts = {c.id: c.text for c in comparison.claims}
    label_of = {a.id: article_label(a) for a in comparison.articles}
    name_w = min(24, max((display_width(v) for v in label_of.values()), default=8))
    lines: list[str] = ["Articles"]
    for a in comparison.articles:
        src = f"  {a.source}" if a.source else ""
        ident = f"  {a.id}" if label_of[a.id] != a.id else ""
        lines.append(_cut(f"  {fit(label_of[a.id], name_w)}{ident}  [{a.lang}]  {a.claims:>3} claims{src}", total))
    prefix = 24  # "  score  cos  margin  "
    col = max(10, (total - prefix - 2) // 2)
    for pair in comparison.alignments:
        left = label_of.get(pair.source_article, pair.source_article)
        right = label_of.get(pair.target_article, pair.target_article)
        lines.append("")
        lines.append(_cut(f"{left} <-> {right}: {len(pair.alignments)} aligned", total))
        if pair.alignments:
            lines.append(f"  {'score':>5}  {'cos':>5}  {'margin':>6}  {fit(left, col)}  {shorten(right, col)}")
        for al in pair.alignments:
            margin = al.margin if al.margin is not None else 0.0
            lines.append(
                f"  {al.score:5.2f}  {al.similarity:5.2f}  {margin:+6.2f}  "
                f"{fit(texts.get(al.source, al.source), col)}  {shorten(texts.get(al.target, al.target), col)}"
            )
            extra = [e for e in al.evidence if e.startswith(("shared", "second", "same language", "language unknown"))]
            if extra:
                lines.extend(_wrap(f"({'; '.join(extra)})", total, prefix))
            for d in al.drift:
                lines.extend(_wrap(f"drift {_finding_head(d)}: {d.explanation}", total, prefix))
    shared = [q for q in comparison.quote_links if not q.claims_aligned or q.drift]
    if shared:
        lines.append("")
        lines.append(f"Quotations shared by sentences not aligned, or changed: {len(shared)}")
        for q in shared:
            left = label_of.get(q.source_article, q.source_article)
            right = label_of.get(q.target_article, q.target_article)
            lines.append(_cut(f"  {left} <-> {right}  cos {q.similarity:.2f}", total))
            for text, who in ((q.source_text, q.source_speaker), (q.target_text, q.target_speaker)):
                head = f"    {fit(who or '?', 18)}  "
                lines.append(head + shorten(f"\u201c{text}\u201d", max(10, total - display_width(head))))
            for d in q.drift:
                lines.extend(_wrap(f"drift {_finding_head(d)}: {d.explanation}", total, 8))
    if comparison.clusters:
        lines.append("")
        lines.append(f"Statements in two articles or more: {len(comparison.clusters)}")
        for cluster in comparison.clusters:
            for k, v in enumerate(cluster.variants):
                head = f"  {cluster.id if k == 0 else '':<5} {fit(label_of.get(v.claim.article_id, v.claim.article_id), name_w)}  "
                lines.append(head + shorten(v.claim.text, max(10, total - display_width(head))))
                for d in v.drift:
                    lines.extend(_wrap(f"drift {_finding_head(d)}: {d.explanation}", total, 8))
    lines.append("")
    lines.append(f"Unmatched: {len(comparison.unmatched)} claims")
    for cid in comparison.unmatched:
        lines.append(f"  {cid}  {shorten(texts.get(cid, ''), max(10, total - 4 - display_width(cid)))}")
    return "\n".join(lines) + "\n"


def _figures(claim: Claim) -> str:
    """A claim's figures, readable (:func:`~claimtrack.report.values.figure`), "; " between them."""
    return "; ".join(figure(q) for q in claim.quantities)


def claims_table(rows: Iterable[tuple[Article, Sequence[Claim]]], width: int | None = None) -> str:
    """Each article's header line, then one line per claim: sentence index,
    kind, language, speaker, figures and text, in ``width`` columns (default:
    the terminal's); a blank line after each article."""
    total = terminal_width(width)
    rest = total - 22 - 4  # after "###  kind       lang  ", two separators
    speaker_w, numbers_w = min(22, rest // 5), min(28, max(14, rest // 3))
    text_w = max(10, rest - speaker_w - numbers_w)
    out: list[str] = []
    for article, claims in rows:
        head = f"# {article.source or article.id}  id={article.id}  lang={article.lang}  claims={len(claims)}"
        out.append(_cut(head, total) + "\n")
        out.append(f"{'#':>3}  {'kind':9}  {'lang':4}  {fit('speaker', speaker_w)}  {fit('figures', numbers_w)}  text\n")
        for c in claims:
            speaker = c.speaker.label if c.speaker else ""
            out.append(
                f"{c.sentence_index:>3}  {fit(label(c.kind), 9)}  {fit(c.lang, 4)}  {fit(speaker, speaker_w)}  "
                f"{fit(_figures(c), numbers_w)}  {shorten(c.text, text_w)}\n"
            )
        out.append("\n")
    return "".join(out)


def quotes_table(rows: Iterable[tuple[Article, Sequence[Quote]]], width: int | None = None) -> str:
    """Each article's header line, then one line per quotation: sentence
    index, offsets, language, speaker, cue and the quoted words (``…``
    between the spans of an interrupted one; ``~`` marks a partial one), in
    ``width`` columns (default: the terminal's); a blank line after each article."""
    total = terminal_width(width)
    rest = total - 3 - 13 - 4 - 2 - 5 * 2
    speaker_w, cue_w = min(24, rest // 4), min(16, rest // 6)
    text_w = max(10, rest - speaker_w - cue_w)
    out: list[str] = []
    for article, quotes in rows:
        head = f"# {article.source or article.id}  id={article.id}  lang={article.lang}  quotes={len(quotes)}"
        out.append(_cut(head, total) + "\n")
        out.append(f"{'#':>3}  {'offsets':13}  {'lang':4}  {fit('speaker', speaker_w)}  {fit('cue', cue_w)}  quote\n")
        for q in quotes:
            speaker = q.speaker.label if q.speaker else ""
            cue = q.cue.text if q.cue else ""
            words = ("~ " if q.partial else "") + " … ".join(s.text for s in q.spans)
            out.append(
                f"{q.sentence_index:>3}  {fit(f'{q.start}-{q.end}', 13)}  {fit(q.lang, 4)}  {fit(speaker, speaker_w)}  "
                f"{fit(cue, cue_w)}  {shorten(words, text_w)}\n"
            )
        out.append("\n")
    return "".join(out)


def furniture_table(article: Article, furniture: Iterable[Furniture], width: int | None = None) -> str:
    """One line per piece of furniture kept out of an article's claims, with its
    reason, in ``width`` columns (default: the terminal's)."""
    total = terminal_width(width)
    ident = shorten(article.id, 16)
    rest = max(20, total - len("furniture") - 2 - display_width(ident) - 2 - 11 - 2 - 2)
    text_w = rest // 2
    return "".join(
        f"furniture  {ident}  {fit(label(f.kind), 11)}  {fit(f.text, text_w)}  {shorten(f.reason, rest - text_w)}\n"
        for f in furniture
    )


def _confidence(f: Any) -> str:
    return f" confidence {f.confidence:.2f}" if getattr(f, "confidence", None) is not None else ""


def _finding_head(f: Any) -> str:
    """``time scope [major] confidence 0.81``: a finding's type, severity and confidence, readable."""
    return f"{label(f.type)} [{label(getattr(f, 'severity', 'major'))}]{_confidence(f)}"


def diff_table(d: Any, width: int | None = None) -> str:
    """A :class:`~claimtrack.models.PairDiff`: the verdict line, the findings,
    then the score terms that contributed, wrapped to ``width`` columns
    (default: the terminal's)."""
    total = terminal_width(width)
    verdict = "divergent" if d.divergent else "equivalent"
    lines = _wrap(f"similarity {d.similarity:.3f}  divergence {d.divergence:.3f}  {verdict} "
                  f"(threshold {d.threshold:g}; {d.source_lang} -> {d.target_lang})", total, 0, 4, collapse=False)
    for f in d.drift:
        lines += _wrap(f"{_finding_head(f)}: {f.explanation}", total, 2)
    hidden = len(d.candidates) - len(d.drift)
    if hidden > 0:
        lines += _wrap(f"({hidden} candidate{'s' if hidden != 1 else ''} below confidence {d.min_confidence:g} "
                       f"not shown; --min-confidence 0 shows them)", total, 2)
    if d.divergent_because:
        lines += _wrap(d.divergent_because, total, 2)
    for t in d.score:
        if t.contribution:
            lines += _wrap(t.explanation, total, 4, 11, lead=f"{fit(label(t.name), 10)} ")
    return "".join(line.rstrip() + "\n" for line in lines)


def cluster_table(cluster: Any, width: int | None = None) -> str:
    """A store cluster (``claimtrack.store.Cluster``, or a ``QuoteCluster``):
    its header line, then one line per variant (date, language, similarity,
    article, text, speaker: for a quotation, the speaker shown) with the
    variant's drift findings wrapped under its text, in ``width`` columns
    (default: the terminal's)."""
    total = terminal_width(width)
    first = cluster.first_seen.isoformat() if cluster.first_seen else "undated"
    n = len(cluster.variants)
    head = f"{cluster.id}  first seen {first}  [{','.join(cluster.langs)}]  {n} variant{'s' if n != 1 else ''}"
    out = [_cut(head, total) + "\n"]
    prefix = 42  # "  date        ln  sim   article           "
    for v in cluster.variants:
        pub = v.published.isoformat() if v.published else "undated"
        shown = getattr(v, "speaker", None)  # a QuoteVariant's speaker shown (carried ones too)
        speaker = shown if isinstance(shown, str) else (v.claim.speaker.label if v.claim.speaker else "")
        room = min(24, total - prefix - 10 - 4)  # the speaker gives way to 10 cells of text
        who = f"  ({shorten(speaker, room)})" if speaker and room >= 4 else ""
        text_w = total - prefix - display_width(who)
        out.append(f"  {fit(pub, 10)}  {fit(v.lang, 2)}  {v.similarity:4.2f}  {fit(v.article_id, 16)}  "
                   f"{shorten(v.claim.text, text_w)}{who}\n")
        for d in v.drift:
            out.extend(line + "\n" for line in _wrap(f"drift {_finding_head(d)}: {d.explanation}", total, prefix))
    return "".join(out)


def hits_table(hits: Iterable[Any], width: int | None = None) -> str:
    """The clusters nearest to a statement (``claimtrack.store.ClusterHit``): one
    line per cluster with its similarity, languages, size and reference text,
    then its drift wrapped under it, in ``width`` columns (default: the terminal's)."""
    total = terminal_width(width)
    out: list[str] = []
    prefix = 8 + 2 + 5 + 2 + 7 + 2 + 11 + 2  # id, similarity, languages, variants
    for h in hits:
        ref = h.cluster.variants[0]
        n = len(h.cluster.variants)
        out.append(f"{fit(h.cluster.id, 8, '>')}  {h.similarity:5.2f}  {fit('[' + ','.join(h.cluster.langs) + ']', 7)}  "
                   f"{fit(f'{n} variant' + ('s' if n != 1 else ''), 11)}  {shorten(ref.claim.text, total - prefix)}\n")
        for d in h.drift:
            out.extend(line + "\n" for line in _wrap(f"drift {_finding_head(d)}: {d.explanation}", total, 10))
    return "".join(out)
