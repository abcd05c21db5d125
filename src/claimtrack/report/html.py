"""Self-contained HTML reports of comparisons and claim clusters.

:func:`html_comparison` renders a :class:`~claimtrack.comparison.Comparison`
(every aligned pair of claims side by side, article pair by article pair, then
the claims aligned to nothing) and :func:`html_clusters` renders the clusters
of the claim store (every variant of a claim side by side).  In both, the
drifted values are highlighted in the claim text from the findings' spans
(``<mark class="drift drift-<type>" title="...">``) and each finding's
explanation is listed under the text.

The page is one file a person can open, mail or print:

- **self-contained**: inline CSS only, no script, no font, no image, nothing
  fetched; a ``Content-Security-Policy`` meta tag (``default-src 'none'``,
  ``script-src 'none'``, the style sheet allowed by its SHA-256 hash) makes
  the browser refuse any remote load and any script, so an article containing
  ``<script>`` or an ``onerror=`` attribute cannot run anything even if a
  piece of text escaped escaping;
- **filters** by drift type and by language are radio groups driven by CSS
  ``:has()`` (every current browser); where ``:has()`` is unsupported the
  filter bar is hidden and every row is shown;
- **escaped**: every article text, id, source, value and explanation goes
  through ``html.escape(quote=True)``; a source becomes a link only when it is
  an ``http(s)`` URL or a plain file path (percent-encoded, relative paths
  kept relative), never another scheme such as ``javascript:``;
- **deterministic**: no clock, no randomness, no set iteration; the same
  input gives byte-identical HTML;
- **print-friendly**: the filter bar is not printed, rows are not split
  across pages, link targets are printed after the links and highlights keep
  an underline in black and white.

Cluster drift convention: a variant's ``drift`` compares the cluster's
reference claim (``source``) with the variant's own claim (``target``), so
the ``target_span`` of each finding is highlighted in the variant's text and
the ``source_value`` is shown next to the explanation.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import urllib.parse
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, get_args

from ..models import DriftType
from .text import article_label
from .values import finding_value, label

if TYPE_CHECKING:  # pragma: no cover - type checkers only; no import cost at run time
    from ..comparison import ArticleInfo, Comparison, PairAlignment
    from ..models import Alignment, Claim

__all__ = ["html_comparison", "html_clusters", "highlight", "safe_href", "DRIFT_TYPES"]

DRIFT_TYPES: tuple[str, ...] = tuple(get_args(DriftType))
"""Every drift type, in the order the reports list them."""

# one colour per drift type (background of the highlight, left border of the finding)
_COLOURS: dict[str, str] = {
    "number": "#ffd6d6",
    "qualifier": "#ffe7c2",
    "date": "#fff3a8",
    "negation": "#ffb3c7",
    "entity": "#d3ecff",
    "speaker": "#e5d6ff",
    "pronoun": "#f2d6ff",
    "modality": "#d6f5e3",
    "time_scope": "#f0f0c0",
    "omission": "#e3e3e3",
    "addition": "#cdeecd",
}
_OTHER_COLOUR = "#eeeeee"

_BASE_CSS = """\
:root{color-scheme:light}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;\
margin:0 auto;padding:1em 1.5em;max-width:84em}
h1{font-size:1.5em;margin:.2em 0 .6em}
h2{font-size:1.2em;margin:1.4em 0 .5em;border-bottom:1px solid #ccc;padding-bottom:.2em}
h3{font-size:1em;margin:0}
table{border-collapse:collapse;margin:.4em 0 1em}
th,td{border:1px solid #d0d0d0;padding:.2em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:.9em}
a{color:#0b57a4}
.muted{color:#666;font-size:.88em}
.summary-wrap{display:flex;flex-wrap:wrap;align-items:flex-start;gap:0 2em}
.filters{display:none;flex-wrap:wrap;gap:.5em 1.5em;position:sticky;top:0;z-index:1;background:#fafafa;\
border:1px solid #ddd;border-radius:6px;padding:.5em .8em;margin:1em 0}
@supports selector(:has(*)){.filters{display:flex}}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3em .8em;align-items:center}
.filters legend{float:left;font-weight:600;margin-right:.4em}
.filters label{white-space:nowrap;cursor:pointer}
.row{border:1px solid #d8d8d8;border-radius:6px;margin:.6em 0;padding:.5em .7em;break-inside:avoid;\
page-break-inside:avoid}
.row-head{display:flex;flex-wrap:wrap;gap:.2em 1em;align-items:baseline;margin-bottom:.3em}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(18em,1fr));gap:.6em}
.side{border-left:3px solid #c8c8c8;padding:.1em .6em}
.side-head{font-size:.85em;color:#444;margin-bottom:.2em}
.text{white-space:pre-wrap;margin:.2em 0;overflow-wrap:anywhere}
.lang{display:inline-block;font:600 .75em/1.4 monospace;border:1px solid #999;border-radius:3px;padding:0 .3em;\
text-transform:uppercase}
mark.drift{color:inherit;border-bottom:2px solid #555;padding:0 .05em;border-radius:2px}
ul.findings{margin:.3em 0 0;padding-left:0;list-style:none;font-size:.9em}
ul.findings li{border-left:4px solid #bbb;padding:.1em .5em;margin:.2em 0}
.ftype{font-weight:600}
.sev{font-size:.8em;border:1px solid #aaa;border-radius:3px;padding:0 .25em;margin:0 .3em;color:#444}
.sev-critical .sev{border-color:#b00020;color:#b00020}
.vals q{font-style:italic}
.ev{color:#555;font-size:.82em;margin-top:.3em}
.nodrift{color:#2e7d32;font-size:.85em;margin:.3em 0 0}
@media print{
body{font-size:10pt;max-width:none;padding:0}
.filters{display:none!important}
.row{border-color:#999}
a{color:inherit;text-decoration:none}
a[href]::after{content:" <" attr(href) ">";font-size:.8em;color:#555}
mark.drift,ul.findings li{-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.drift{border-bottom:2px solid #000}
h2{break-after:avoid;page-break-after:avoid}
}
"""

_CTRL = re.compile(r"[\x00-\x1f\x7f]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}$")


def _e(value: object) -> str:
    """``html.escape(str(value), quote=True)``: safe in text and in quoted attributes."""
    return html.escape(str(value), quote=True)


def _slug(value: str) -> str:
    """A token safe in a class name or an id (letters, digits, ``_``, ``-``)."""
    return re.sub(r"[^a-z0-9_-]", "_", value.lower()) or "_"


_RESERVED = frozenset({"all", "any", "none"})  # the filters' own options


def _tslug(drift_type: str) -> str:
    """The slug of a drift type, never one of the filters' own option names."""
    s = _slug(drift_type)
    return f"{s}_type" if s in _RESERVED else s


def _num(x: float | None, fmt: str = ".2f") -> str:
    """A score with a fixed number of decimals, ``—`` when there is none."""
    return "—" if x is None else format(float(x), fmt)


def _date(d: Any) -> str:
    """A date in ISO form, ``—`` when unknown."""
    if d is None:
        return "—"
    iso = getattr(d, "isoformat", None)
    return str(iso()) if callable(iso) else str(d)


def safe_href(source: str | None) -> str | None:
    """The ``href`` for an article's ``source``, or None when it must not be a link.

    ``http://`` and ``https://`` URLs with a host are kept (characters that are
    not legal in a URL are percent-encoded); file paths (a path separator or a
    file extension, no scheme) become a percent-encoded relative href, or an
    absolute one for an absolute path (``file:///`` for a Windows drive path).
    Anything else (an outlet name, ``javascript:``, ``data:``, ``mailto:``,
    ``//host`` network paths, control characters) gives None.  The result is
    still to be escaped for the attribute, which the report does.

    >>> safe_href("https://example.org/a b")
    'https://example.org/a%20b'
    >>> safe_href("news/été.txt")
    'news/%C3%A9t%C3%A9.txt'
    >>> safe_href("javascript:alert(1)") is None and safe_href("Reuters") is None
    True
    """
    if not source:
        return None
    s = source.strip()
    if not s or _CTRL.search(s):
        return None
    low = s.lower()
    if low.startswith(("http://", "https://")):
        parts = urllib.parse.urlsplit(s)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            return None
        return urllib.parse.quote(s, safe=":/?#[]@!$&'()*+,;=%~-._")
    if _DRIVE.match(s):
        return "file:///" + urllib.parse.quote(s.replace("\\", "/"), safe="/:-._~")
    if _SCHEME.match(s):
        return None
    path = s.replace("\\", "/")
    if path.startswith("//"):
        return None
    if "/" not in path and not _EXTENSION.search(path):
        return None  # an outlet name such as "Reuters" or "Le Courrier"
    return urllib.parse.quote(path, safe="/-._~")


def _source_link(source: str | None, text: str | None = None) -> str:
    """The source as a link when :func:`safe_href` allows it, else as escaped text."""
    if not source:
        return '<span class="muted">—</span>'
    shown = _e(text if text is not None else source)
    href = safe_href(source)
    if href is None:
        return shown
    return f'<a href="{_e(href)}" rel="noopener noreferrer">{shown}</a>'


# ---------------------------------------------------------------- highlighting


@dataclass(frozen=True)
class _Span:
    """One finding's span on one side of a pair, ready to be marked."""

    start: int
    end: int
    index: int  # the finding's index in the list shown under the text
    type: str
    title: str


def _drift_title(d: Any) -> str:
    """The tooltip of a highlight: type, severity and explanation."""
    return f"{label(d.type)} ({label(getattr(d, 'severity', 'major'))}): {d.explanation}"


def _spans(text: str, findings: Sequence[Any], side: str) -> list[_Span]:
    """The findings' spans on one side (``"source"`` or ``"target"``), clamped to the text."""
    out: list[_Span] = []
    n = len(text)
    for i, d in enumerate(findings):
        span = getattr(d, f"{side}_span", None)
        if not span:
            continue
        try:
            s, e = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue
        s, e = max(0, min(s, n)), max(0, min(e, n))
        if s < e:
            out.append(_Span(s, e, i, str(d.type), _drift_title(d)))
    return out


def _open(sp: _Span) -> str:
    """The opening ``<mark>`` tag of a span (every fragment of a split span gets the same one)."""
    return f'<mark class="drift drift-{_tslug(sp.type)}" data-f="{sp.index}" title="{_e(sp.title)}">'


def highlight(text: str, findings: Sequence[Any], side: str) -> str:
    """``text`` escaped, with one ``<mark>`` per finding over its ``<side>_span``.

    Nested spans nest; a span that crosses another one's end is split in two
    ``<mark>`` elements with the same ``data-f`` (the finding's index), so the
    marks of a finding always cover exactly ``text[start:end]``.
    """
    spans = _spans(text, findings, side)
    if not spans:
        return _e(text)
    starts: dict[int, list[_Span]] = {}
    for sp in spans:
        starts.setdefault(sp.start, []).append(sp)
    bounds = sorted({0, len(text), *(sp.start for sp in spans), *(sp.end for sp in spans)})

    def order(sp: _Span) -> tuple[int, int, int]:
        return (-sp.end, sp.start, sp.index)  # longer spans outside

    out: list[str] = []
    stack: list[_Span] = []
    pos = 0
    for p in bounds:
        if p > pos:
            out.append(_e(text[pos:p]))
            pos = p
        reopen: list[_Span] = []
        ending = [i for i, sp in enumerate(stack) if sp.end == p]
        if ending:
            cut = ending[0]
            popped = stack[cut:]
            out.append("</mark>" * len(popped))
            del stack[cut:]
            reopen = [sp for sp in popped if sp.end != p]
        for sp in sorted(reopen + starts.get(p, []), key=order):
            out.append(_open(sp))
            stack.append(sp)
    out.append("</mark>" * len(stack))
    return "".join(out)


def _findings_list(findings: Sequence[Any], *, labels: tuple[str, str] = ("", "")) -> str:
    """The findings as a list: type, severity, the two values, the explanation."""
    if not findings:
        return '<p class="nodrift">no drift found</p>'
    items = []
    for i, d in enumerate(findings):
        sev = str(getattr(d, "severity", "major"))
        sv, tv = finding_value(d, "source"), finding_value(d, "target")
        left = f"<q>{_e(sv)}</q>" if sv is not None else "<i>absent</i>"
        right = f"<q>{_e(tv)}</q>" if tv is not None else "<i>absent</i>"
        ll = f'<span class="muted">{_e(labels[0])}</span> ' if labels[0] else ""
        rl = f'<span class="muted">{_e(labels[1])}</span> ' if labels[1] else ""
        items.append(
            f'<li class="finding drift-{_tslug(str(d.type))} sev-{_slug(sev)}" data-f="{i}">'
            f'<span class="ftype">{_e(label(d.type))}</span><span class="sev">{_e(label(sev))}</span>'
            f'<span class="vals">{ll}{left} &rarr; {rl}{right}</span> '
            f'<span class="expl">{_e(d.explanation)}</span></li>'
        )
    return '<ul class="findings">' + "".join(items) + "</ul>"


# ---------------------------------------------------------------- page parts


def _types_of(findings: Iterable[Any]) -> list[str]:
    """The distinct drift types of some findings, in order of first appearance."""
    seen: list[str] = []
    for d in findings:
        t = str(d.type)
        if t not in seen:
            seen.append(t)
    return seen


def _row_classes(types: Sequence[str], langs: Iterable[str]) -> str:
    """The classes the filters select on: ``row``, ``t-<type>``, ``t-any``/``t-none``, ``l-<lang>``."""
    cls = ["row"]
    cls += [f"t-{_tslug(t)}" for t in sorted(set(types), key=_type_rank)]
    cls.append("t-any" if types else "t-none")
    cls += [f"l-{_slug(lang)}" for lang in sorted({_slug(x) for x in langs})]
    return " ".join(dict.fromkeys(cls))


def _type_rank(t: str) -> tuple[int, str]:
    """Sort key: the documented drift types in their order, then any other type by name."""
    return (DRIFT_TYPES.index(t) if t in DRIFT_TYPES else len(DRIFT_TYPES), t)


def _filter_values(type_counts: Counter[str], rows_with: int, rows_without: int) -> list[tuple[str, str, int]]:
    """(slug, label, rows) for each option of the drift-type filter, "all" first."""
    opts = [
        ("all", "all", rows_with + rows_without),
        ("any", "any drift", rows_with),
        ("none", "no drift", rows_without),
    ]
    for t in sorted(type_counts, key=_type_rank):
        opts.append((_tslug(t), label(t), type_counts[t]))
    return opts


@dataclass
class _RowStats:
    """What the summary and the filters count over the rows of a report (a row is
    an aligned pair, an unmatched claim or a cluster card)."""

    type_counts: Counter[str] = field(default_factory=Counter)  # findings per type
    row_types: Counter[str] = field(default_factory=Counter)  # rows per type
    lang_rows: Counter[str] = field(default_factory=Counter)  # rows per language slug
    lang_names: dict[str, str] = field(default_factory=dict)  # language slug -> first name seen
    with_drift: int = 0
    without: int = 0

    def row(self, findings: Sequence[Any]) -> list[str]:
        """Count one row with these findings; returns its drift types (first appearance order)."""
        types = _types_of(findings)
        self.type_counts.update(str(d.type) for d in findings)
        self.row_types.update(types)
        if types:
            self.with_drift += 1
        else:
            self.without += 1
        return types

    def lang(self, lang: str) -> None:
        """Count one row under this language (and name its filter option)."""
        self.lang_rows[_slug(lang)] += 1
        self.name(lang)

    def name(self, lang: str) -> None:
        """Offer this language as a filter option without counting a row."""
        self.lang_names.setdefault(_slug(lang), lang)

    def type_options(self) -> list[tuple[str, str, int]]:
        """The options of the drift-type filter (see :func:`_filter_values`)."""
        return _filter_values(self.row_types, self.with_drift, self.without)

    def lang_options(self) -> list[tuple[str, str, int]]:
        """(slug, name, rows) for each option of the language filter, "all" first."""
        return [("all", "all", self.with_drift + self.without)] + [
            (slug, self.lang_names[slug], self.lang_rows[slug]) for slug in sorted(self.lang_names) if slug != "all"
        ]


def _filters_html(type_opts: list[tuple[str, str, int]], lang_opts: list[tuple[str, str, int]]) -> str:
    def group(name: str, legend: str, opts: list[tuple[str, str, int]]) -> str:
        inputs = []
        for i, (slug, shown, n) in enumerate(opts):
            checked = " checked" if i == 0 else ""
            inputs.append(
                f'<label><input type="radio" name="{name}" id="{name}-{slug}" value="{_e(slug)}"{checked}> '
                f'{_e(shown)} <span class="muted">({n})</span></label>'
            )
        return f'<fieldset><legend>{_e(legend)}</legend>{"".join(inputs)}</fieldset>'

    return (
        '<nav class="filters" aria-label="filters">'
        + group("ft", "Drift", type_opts)
        + group("fl", "Language", lang_opts)
        + "</nav>"
    )


def _filter_css(type_slugs: Sequence[str], lang_slugs: Sequence[str], *, groups: bool = True) -> str:
    """CSS rules that hide the rows (and, with ``groups``, the ``.group`` sections left empty)
    not matching the checked filter options (radio ids ``ft-<type>`` and ``fl-<lang>``)."""
    rules: list[str] = []
    for t in type_slugs:
        if t != "all":
            rules.append(f"body:has(#ft-{t}:checked) .row:not(.t-{t}){{display:none}}")
    for lang in lang_slugs:
        if lang != "all":
            rules.append(f"body:has(#fl-{lang}:checked) .row:not(.l-{lang}){{display:none}}")
    for t in type_slugs if groups else ():
        for lang in lang_slugs:
            if t == "all" and lang == "all":
                continue
            cond = "".join(
                [f":has(#ft-{t}:checked)" if t != "all" else "", f":has(#fl-{lang}:checked)" if lang != "all" else ""]
            )
            need = "".join([f".t-{t}" if t != "all" else "", f".l-{lang}" if lang != "all" else ""])
            rules.append(f"body{cond} .group:not(:has(.row{need})){{display:none}}")
    return "\n".join(rules) + "\n"


def _colour_css(types: Iterable[str]) -> str:
    """One highlight colour per drift type (the documented ones and any other present)."""
    rules = []
    for t in sorted(set(DRIFT_TYPES) | set(types), key=_type_rank):
        c = _COLOURS.get(t, _OTHER_COLOUR)
        s = _tslug(t)
        rules.append(f"mark.drift-{s}{{background:{c}}}ul.findings li.drift-{s}{{border-left-color:{c}}}")
    return "\n".join(rules) + "\n"


def _page(title: str, css: str, body: list[str]) -> str:
    """The whole document: the CSP allows exactly this style sheet (by hash) and nothing else."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    csp = (
        "default-src 'none'; script-src 'none'; object-src 'none'; img-src 'none'; font-src 'none'; "
        f"connect-src 'none'; frame-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="claimtrack">',
        f"<title>{_e(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join(head + body + ["</body>", "</html>"]) + "\n"


def _summary_table(rows: list[tuple[str, str, int]]) -> str:
    """The summary counts; each count cell has the id ``n-<key>``."""
    cells = "".join(f'<tr><th>{_e(shown)}</th><td class="num" id="n-{key}">{n}</td></tr>' for key, shown, n in rows)
    return f'<table class="summary">{cells}</table>'


def _drift_table(counts: Counter[str]) -> str:
    """Drift findings in all (``n-drift``) and per type (``n-drift-<type>``, present types only)."""
    total = sum(counts.values())
    rows = [(f"drift-{_tslug(t)}", label(t), counts[t]) for t in sorted(counts, key=_type_rank)]
    body = "".join(
        f'<tr><th><mark class="drift drift-{key[6:]}">{_e(shown)}</mark></th><td class="num" id="n-{key}">{n}</td></tr>'
        for key, shown, n in rows
    )
    return (
        '<table class="summary drift-summary"><tr><th>drift findings</th>'
        f'<td class="num" id="n-drift">{total}</td></tr>{body}</table>'
    )


# ---------------------------------------------------------------- comparison


def _claim_side(
    claim: Claim | None, claim_id: str, info: ArticleInfo | None, findings: Sequence[Any], side: str
) -> str:
    """One claim of a row: its article (linked to the source), language, kind, speaker and marked text."""
    name = article_label(info) if info is not None else (claim.article_id if claim is not None else "?")
    lang = claim.lang if claim is not None else (info.lang if info is not None else "")
    head = [
        _source_link(info.source, name) if info is not None and info.source else _e(name),
        f'<span class="lang">{_e(lang)}</span>' if lang else "",
    ]
    if claim is not None:
        head.append(f'<span class="muted">{_e(label(claim.kind))}, chars {claim.start}&ndash;{claim.end}</span>')
        if claim.speaker is not None:
            who = claim.speaker.label
            head.append(f'<span class="muted">speaker: {_e(who)}</span>')
    text = highlight(claim.text, findings, side) if claim is not None else f"<i>claim {_e(claim_id)} not found</i>"
    return _side_html(claim_id, side, head, text)


def _side_html(claim_id: str, side: str, head: Sequence[str], text_html: str) -> str:
    """One side of a row: its head (the non-empty parts) and its marked text."""
    return (
        f'<div class="side side-{side}" data-claim="{_e(claim_id)}">'
        f'<div class="side-head">{" ".join(h for h in head if h)}</div>'
        f'<p class="text">{text_html}</p></div>'
    )


@dataclass(frozen=True)
class _Index:
    """A comparison's articles, claims and article labels by id (what every part of the page looks up)."""

    infos: dict[str, ArticleInfo]
    claims: dict[str, Claim]
    labels: dict[str, str]


def _alignment_row(
    row_id: str,
    ai: int,
    al: Alignment,
    infos: tuple[ArticleInfo | None, ArticleInfo | None],
    labels: tuple[str, str],
    index: _Index,
    stats: _RowStats,
) -> str:
    """One aligned claim pair: scores, the two claims side by side, the findings and the evidence."""
    a_info, b_info = infos
    src, tgt = index.claims.get(al.source), index.claims.get(al.target)
    drift = tuple(al.drift)
    types = stats.row(drift)
    langs = [c.lang for c in (src, tgt) if c is not None] or [i.lang for i in (a_info, b_info) if i is not None]
    for lang in sorted(set(langs)):
        stats.lang(lang)
    scores = [f"score {_num(al.score)}", f"cos {_num(al.similarity)}"]
    if al.margin is not None:
        scores.append(f"margin {_num(al.margin, '+.2f')}")
    if al.fuzzy is not None:
        scores.append(f"fuzzy {_num(al.fuzzy)}")
    evidence = "; ".join(_e(x) for x in al.evidence)
    return (
        f'<article class="{_row_classes(types, langs)}" id="{row_id}">'
        f'<div class="row-head"><h3>#{ai + 1}</h3><span class="muted">{" · ".join(scores)}</span></div>'
        '<div class="sides">'
        + _claim_side(src, al.source, a_info, drift, "source")
        + _claim_side(tgt, al.target, b_info, drift, "target")
        + "</div>"
        + _findings_list(drift, labels=labels)
        + (f'<div class="ev">evidence: {evidence}</div>' if evidence else "")
        + "</article>"
    )


def _pair_section(pi: int, pair: PairAlignment, index: _Index, stats: _RowStats) -> str:
    """The section of one article pair: a heading and one row per alignment."""
    infos = (index.infos.get(pair.source_article), index.infos.get(pair.target_article))
    a_label = index.labels.get(pair.source_article, pair.source_article)
    b_label = index.labels.get(pair.target_article, pair.target_article)
    rows = [
        _alignment_row(f"pair-{pi}-{ai}", ai, al, infos, (a_label, b_label), index, stats)
        for ai, al in enumerate(pair.alignments)
    ]
    pair_langs = sorted({_slug(i.lang) for i in infos if i is not None})
    return (
        f'<section class="group pair {" ".join(f"l-{x}" for x in pair_langs)}" id="pair-{pi}">'
        f"<h2>{_e(a_label)} &harr; {_e(b_label)} "
        f'<span class="muted">{len(pair.alignments)} aligned</span></h2>'
        + ("".join(rows) if rows else '<p class="muted">no aligned claims</p>')
        + "</section>"
    )


def _unmatched_section(unmatched: Sequence[str], index: _Index, stats: _RowStats) -> str:
    """The section of the claims aligned to nothing, one row each."""
    rows: list[str] = []
    for ui, cid in enumerate(unmatched):
        c = index.claims.get(cid)
        info = index.infos.get(c.article_id) if c is not None else None
        lang = c.lang if c is not None else ""
        stats.row(())
        if lang:
            stats.lang(lang)
        rows.append(
            f'<article class="{_row_classes([], [lang] if lang else [])}" id="unmatched-{ui}">'
            + _claim_side(c, cid, info, (), "source")
            + "</article>"
        )
    return (
        '<section class="group unmatched" id="unmatched">'
        f'<h2>Unmatched claims <span class="muted">{len(unmatched)}</span></h2>'
        + "".join(rows)
        + "</section>"
    )


def _quote_side(text: str, speaker: str | None, claim_id: str, info: ArticleInfo | None,
                findings: Sequence[Any], side: str, fallback: str) -> str:
    """One quotation of a row: its article, language, speaker and marked words."""
    name = article_label(info) if info is not None else fallback
    head = [
        _source_link(info.source, name) if info is not None and info.source else _e(name),
        f'<span class="lang">{_e(info.lang)}</span>' if info is not None else "",
        f'<span class="muted">speaker: {_e(speaker)}</span>' if speaker else "",
    ]
    return _side_html(claim_id, side, head, f"&ldquo;{highlight(text, findings, side)}&rdquo;")


def _quotes_section(links: Sequence[Any], index: _Index) -> str:
    """The quotations two articles share (``Comparison.quote_links``): the two
    quotations side by side with their speakers, the findings inside them,
    the scores and whether the claims holding them are aligned too."""
    rows: list[str] = []
    for qi, q in enumerate(links):
        infos = (index.infos.get(q.source_article), index.infos.get(q.target_article))
        drift = tuple(q.drift)
        langs = [i.lang for i in infos if i is not None]
        scores = [f"score {_num(q.score)}", f"cos {_num(q.similarity)}"]
        if q.fuzzy is not None:
            scores.append(f"fuzzy {_num(q.fuzzy)}")
        scores.append("claims aligned too" if q.claims_aligned else "in sentences not aligned")
        labels = (index.labels.get(q.source_article, q.source_article),
                  index.labels.get(q.target_article, q.target_article))
        rows.append(
            f'<article class="{_row_classes(_types_of(drift), langs)}" id="quote-{qi}">'
            f'<div class="row-head"><h3>#{qi + 1}</h3><span class="muted">{" · ".join(scores)}</span></div>'
            '<div class="sides">'
            + _quote_side(q.source_text, q.source_speaker, q.source_claim, infos[0], drift, "source", labels[0])
            + _quote_side(q.target_text, q.target_speaker, q.target_claim, infos[1], drift, "target", labels[1])
            + "</div>"
            + _findings_list(drift, labels=labels)
            + "</article>"
        )
    return (
        '<section class="group quotes" id="quotes">'
        f'<h2>Quotations shared <span class="muted">{len(links)}</span></h2>'
        + "".join(rows)
        + "</section>"
    )


def _articles_table(articles: Sequence[ArticleInfo], labels: dict[str, str]) -> str:
    """The compared articles: label, id, language, claim count and source link."""
    rows = "".join(
        f"<tr><td>{_e(labels[a.id])}</td><td><code>{_e(a.id)}</code></td>"
        f'<td><span class="lang">{_e(a.lang)}</span></td><td class="num">{a.claims}</td>'
        f"<td>{_source_link(a.source)}</td></tr>"
        for a in articles
    )
    return (
        f"<table class=\"articles\"><tr><th>article</th><th>id</th><th>lang</th><th>claims</th><th>source</th></tr>"
        f"{rows}</table>"
    )


def html_comparison(comparison: Comparison, *, title: str = "claimtrack comparison") -> str:
    """A self-contained HTML report of a :class:`~claimtrack.comparison.Comparison`.

    Summary counts (articles, claims, article pairs, aligned claim pairs,
    unmatched claims, drift findings by type), the articles with links to
    their sources, then for every article pair each alignment as a row: the
    two claims side by side with the drifted values highlighted (the findings'
    ``source_span`` in the source claim, ``target_span`` in the target claim),
    the findings with their explanations, the scores and the evidence; then
    the quotations the articles share (``Comparison.quote_links``), each with
    its speakers and the findings inside it.  The claims aligned to nothing
    come last.  Rows can be filtered by drift type
    and by language.  The same comparison always gives the same bytes.
    """
    index = _Index(
        infos={a.id: a for a in comparison.articles},
        claims={c.id: c for c in comparison.claims},
        labels={a.id: article_label(a) for a in comparison.articles},
    )
    stats = _RowStats()  # the sections fill it, the summary and the filters read it
    sections = [_pair_section(pi, pair, index, stats) for pi, pair in enumerate(comparison.alignments)]
    if comparison.quote_links:
        sections.append(_quotes_section(comparison.quote_links, index))
    if comparison.unmatched:
        sections.append(_unmatched_section(comparison.unmatched, index, stats))
    for a in comparison.articles:
        stats.name(a.lang)
    type_opts = stats.type_options()
    lang_opts = stats.lang_options()

    summary = _summary_table(
        [
            ("articles", "articles", len(comparison.articles)),
            ("claims", "claims", len(comparison.claims)),
            ("pairs", "article pairs", len(comparison.alignments)),
            ("aligned", "aligned claim pairs", sum(len(pair.alignments) for pair in comparison.alignments)),
            ("aligned-drift", "aligned pairs with drift", stats.with_drift),
            ("quotes", "quotations shared", len(comparison.quote_links)),
            ("unmatched", "unmatched claims", len(comparison.unmatched)),
        ]
    )
    body = [
        f"<h1>{_e(title)}</h1>",
        f'<div class="summary-wrap">{summary}{_drift_table(stats.type_counts)}</div>',
        "<h2>Articles</h2>",
        _articles_table(comparison.articles, index.labels),
        _filters_html(type_opts, lang_opts),
        *sections,
    ]
    css = _BASE_CSS + _colour_css(stats.type_counts) + _filter_css([o[0] for o in type_opts], [o[0] for o in lang_opts])
    return _page(title, css, body)


# ---------------------------------------------------------------- clusters


def _variant_html(v: Any, vi: int) -> str:
    """One variant of a cluster: its article (linked), language, date, similarity, marked text, findings."""
    claim = v.claim
    drift = tuple(getattr(v, "drift", ()) or ())
    source = getattr(v, "source", None)
    name = str(v.article_id)
    head = [
        _source_link(source, name) if source else _e(name),
        f'<span class="lang">{_e(v.lang)}</span>',
        f'<span class="muted">published {_e(_date(getattr(v, "published", None)))}</span>',
        f'<span class="muted">similarity {_num(getattr(v, "similarity", None))}</span>',
    ]
    speaker = getattr(claim, "speaker", None)
    if speaker is not None:
        head.append(f'<span class="muted">speaker: {_e(speaker.name or speaker.text)}</span>')
    return (
        f'<div class="side variant" data-claim="{_e(claim.id)}" data-variant="{vi}">'
        f'<div class="side-head">{" ".join(head)}</div>'
        f'<p class="text">{highlight(claim.text, drift, "target")}</p>'
        + _findings_list(drift, labels=("reference", "here"))
        + "</div>"
    )


def html_clusters(clusters: Sequence[Any], *, title: str = "claimtrack report") -> str:
    """A self-contained HTML report of claim clusters from the store.

    ``clusters`` are ``claimtrack.store.Cluster`` objects (or anything with
    the same attributes: ``id``, ``first_seen``, ``langs``, ``variants``,
    each variant with ``claim``, ``article_id``, ``source``, ``lang``,
    ``published``, ``similarity``, ``drift``).  Summary counts (clusters,
    variants, articles, languages, drift findings by type) come first, then one
    card per cluster with its variants side by side, each variant's drifted
    values highlighted (its findings' ``target_span``) and explained, and a
    link to its source article.  Cards can be filtered by drift type and by
    language.  The same clusters always give the same bytes.
    """
    stats = _RowStats()
    articles: dict[str, Any] = {}
    n_variants = 0
    cards: list[str] = []
    for ci, cluster in enumerate(clusters):
        variants = tuple(cluster.variants)
        n_variants += len(variants)
        findings = [d for v in variants for d in (getattr(v, "drift", ()) or ())]
        types = stats.row(findings)
        langs = list(dict.fromkeys([*map(str, getattr(cluster, "langs", ()) or ()), *(str(v.lang) for v in variants)]))
        for lang in langs:  # names first, in the card's order; then one count per distinct slug
            stats.name(lang)
        for slug in sorted({_slug(x) for x in langs}):
            stats.lang(slug)  # a slug is its own slug, and its name is already set
        for v in variants:
            articles.setdefault(str(v.article_id), v)
        first = _date(getattr(cluster, "first_seen", None))
        lang_badges = " ".join(f'<span class="lang">{_e(x)}</span>' for x in langs)
        cards.append(
            f'<article class="{_row_classes(types, langs)} card" id="cluster-{ci}" '
            f'data-cluster="{_e(cluster.id)}">'
            f'<div class="row-head"><h3>Cluster <code>{_e(cluster.id)}</code></h3>'
            f'<span class="muted">first seen {_e(first)}</span>'
            f"<span>{lang_badges}</span>"
            f'<span class="muted">{len(variants)} variant{"s" if len(variants) != 1 else ""}, '
            f"{len(findings)} drift finding{'s' if len(findings) != 1 else ''}</span></div>"
            '<div class="sides">' + "".join(_variant_html(v, vi) for vi, v in enumerate(variants)) + "</div>"
            "</article>"
        )

    type_opts = stats.type_options()
    lang_opts = stats.lang_options()
    summary = _summary_table(
        [
            ("clusters", "clusters", len(cards)),
            ("clusters-drift", "clusters with drift", stats.with_drift),
            ("variants", "variants", n_variants),
            ("articles", "articles", len(articles)),
            ("langs", "languages", len(stats.lang_names)),
        ]
    )
    art_rows = "".join(
        f"<tr><td><code>{_e(aid)}</code></td><td><span class=\"lang\">{_e(v.lang)}</span></td>"
        f"<td>{_e(_date(getattr(v, 'published', None)))}</td><td>{_source_link(getattr(v, 'source', None))}</td></tr>"
        for aid, v in articles.items()
    )
    body = [
        f"<h1>{_e(title)}</h1>",
        f'<div class="summary-wrap">{summary}{_drift_table(stats.type_counts)}</div>',
        "<h2>Articles</h2>",
        '<table class="articles"><tr><th>id</th><th>lang</th><th>published</th><th>source</th></tr>'
        f"{art_rows}</table>",
        _filters_html(type_opts, lang_opts),
        "<h2>Clusters</h2>",
        *(cards or ['<p class="muted">no clusters</p>']),
    ]
    css = _BASE_CSS + _colour_css(stats.type_counts) + _filter_css(
        [o[0] for o in type_opts], [o[0] for o in lang_opts], groups=False
    )
    return _page(title, css, body)
