"""The HTML report: structure, highlighted spans, counts, escaping, determinism."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
import urllib.parse
from collections import Counter
from html.parser import HTMLParser
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.comparison import ArticleInfo, Comparison, PairAlignment
from claimtrack.models import Alignment, Claim, Drift
from claimtrack.report.html import DRIFT_TYPES, highlight, html_clusters, html_comparison, safe_href

from ..conftest import FIXTURES

BRIDGE = sorted((FIXTURES / "harbour-bridge").glob("*.txt"))
INJECTION = sorted((FIXTURES / "injection").glob("*.txt"))

# every tag the report may emit; anything else in a page came from article text
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "div", "table", "tr", "th", "td",
    "mark", "code", "span", "a", "nav", "fieldset", "legend", "label", "input", "section", "article",
    "p", "ul", "li", "q", "i",
}  # fmt: skip
VOID = {"meta", "input", "br", "img", "link", "hr", "area", "base", "col", "embed", "source", "track", "wbr"}


# ----------------------------------------------------------------------------- helpers


def with_drift(comparison: Comparison) -> Comparison:
    """The comparison with drift findings (``diff_claims``) on every alignment that has none yet."""
    from claimtrack.drift import diff_claims_many

    todo = [(comparison.claim(al.source), comparison.claim(al.target))
            for p in comparison.alignments for al in p.alignments if not al.drift]
    found = iter(diff_claims_many(todo)) if todo else iter(())
    pairs = tuple(
        p.model_copy(update={"alignments": tuple(
            al if al.drift else al.model_copy(update={"drift": next(found).drift}) for al in p.alignments
        )})
        for p in comparison.alignments
    )
    return comparison.model_copy(update={"alignments": pairs})


def bridge_comparison() -> Comparison:
    """The three harbour-bridge fixtures compared (real embedder), with drift."""
    return with_drift(ct.compare(*(ct.read_article(p, published="2024-09-14") for p in BRIDGE)))


def injection_comparison() -> Comparison:
    """The injection fixture pair compared (real embedder), with drift."""
    return with_drift(ct.compare(*(ct.read_article(p, published="2024-03-05") for p in INJECTION)))


class Page(HTMLParser):
    """What a browser would see: tags, rows, each side's text and each finding's marked text."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.rows: dict[str, list[str]] = {}
        self.texts: dict[tuple[str | None, str | None], str] = {}
        self.marks: dict[tuple[str | None, str | None, str], str] = {}
        self.mark_attrs: dict[tuple[str | None, str | None, str], dict[str, str]] = {}
        self.cells: dict[str, str] = {}
        self.title = ""
        self.feed(page)
        self.close()

    @staticmethod
    def _classes(attrs: dict[str, str]) -> list[str]:
        return (attrs.get("class") or "").split()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if "row" in self._classes(a):
            self.rows[a["id"]] = self._classes(a)
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "title":
            self.title += data
        if self.stack and self.stack[-1][0] == "td" and "id" in self.stack[-1][1]:
            self.cells[self.stack[-1][1]["id"]] = self.cells.get(self.stack[-1][1]["id"], "") + data
        in_text = any(t == "p" and "text" in self._classes(a) for t, a in self.stack)
        if not in_text:
            return
        row = next((a.get("id") for t, a in reversed(self.stack) if "row" in self._classes(a)), None)
        side = next((a.get("data-claim") for t, a in reversed(self.stack) if "data-claim" in a), None)
        self.texts[row, side] = self.texts.get((row, side), "") + data
        for t, a in self.stack:
            if t == "mark":
                key = (row, side, a["data-f"])
                self.marks[key] = self.marks.get(key, "") + data
                self.mark_attrs.setdefault(key, a)


def claim(cid: str, article: str, text: str, lang: str = "en") -> Claim:
    return Claim(id=cid, article_id=article, lang=lang, text=text, start=0, end=len(text), kind="statement",
                 sentence_index=0)


def hand_comparison() -> Comparison:
    """A small comparison built by hand, with nested, crossing and out-of-range spans."""
    a = claim("a:0", "a", "More than 2,400 workers built it in March 2021, said Mayor Elena Marchetti.")
    b = claim("b:0", "b", "Près de 2 500 ouvriers l'ont construit en mars 2022, selon Elena.", "fr")
    c = claim("a:1", "a", "Nothing else happened.")
    drift = (
        Drift(type="qualifier", source_value="more_than", target_value="nearly", source_span=(0, 15),
              target_span=(0, 13), explanation="The bound changed.", severity="major"),
        Drift(type="number", source_value="2,400", target_value="2,500", source_span=(10, 15),
              target_span=(8, 13), explanation="The figure changed from '2,400' to '2,500'.", severity="critical"),
        Drift(type="date", source_value="2021-03", target_value="2022-03", source_span=(35, 45),
              target_span=(41, 50), explanation="The date changed.", severity="major"),
        # crosses the date span on the source side
        Drift(type="omission", source_value="in March 2021, said Mayor", target_value=None, source_span=(32, 59),
              target_span=None, explanation="A passage was dropped.", severity="major"),
        # out of range on the target side: clamped to the text
        Drift(type="entity", source_value="Elena Marchetti", target_value="Elena", source_span=(59, 74),
              target_span=(58, 400), explanation="The name was shortened.", severity="minor"),
    )
    al = Alignment(source="a:0", target="b:0", score=0.9, similarity=0.8, margin=0.3, evidence=("cosine 0.80",),
                   drift=drift)
    return Comparison(
        articles=(ArticleInfo(id="a", lang="en", source="news/a.txt", claims=2),
                  ArticleInfo(id="b", lang="fr", source="https://example.org/b?x=1&y=2", claims=1)),
        claims=(a, c, b),
        alignments=(PairAlignment(source_article="a", target_article="b", alignments=(al,)),),
        unmatched=("a:1",),
    )


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def bridge() -> Comparison:
    return bridge_comparison()


@pytest.fixture(scope="module")
def bridge_page(bridge: Comparison) -> str:
    return html_comparison(bridge)


@pytest.fixture(scope="module")
def injection() -> Comparison:
    return injection_comparison()


# ----------------------------------------------------------------------------- structure


def test_every_alignment_appears_with_both_claims(bridge: Comparison, bridge_page: str) -> None:
    page = Page(bridge_page)
    assert sum(len(p.alignments) for p in bridge.alignments) > 0
    for pi, pair in enumerate(bridge.alignments):
        for ai, al in enumerate(pair.alignments):
            rid = f"pair-{pi}-{ai}"
            assert rid in page.rows
            assert page.texts[rid, al.source] == bridge.claim(al.source).text
            assert page.texts[rid, al.target] == bridge.claim(al.target).text
    for ui, cid in enumerate(bridge.unmatched):
        assert page.texts[f"unmatched-{ui}", cid] == bridge.claim(cid).text


def test_marks_cover_the_drift_spans(bridge: Comparison, bridge_page: str) -> None:
    page = Page(bridge_page)
    checked = 0
    for pi, pair in enumerate(bridge.alignments):
        for ai, al in enumerate(pair.alignments):
            rid = f"pair-{pi}-{ai}"
            for f, d in enumerate(al.drift):
                for cid, span in ((al.source, d.source_span), (al.target, d.target_span)):
                    key = (rid, cid, str(f))
                    if span is None:
                        assert key not in page.marks
                        continue
                    text = bridge.claim(cid).text
                    assert page.marks[key] == text[span[0]:span[1]]
                    assert f"drift-{d.type}" in page.mark_attrs[key]["class"].split()
                    assert d.explanation in page.mark_attrs[key]["title"]
                    checked += 1
            # the row is classed by its drift types, for the filters
            assert {f"t-{d.type}" for d in al.drift} <= set(page.rows[rid])
            assert ("t-any" if al.drift else "t-none") in page.rows[rid]
    assert checked > 0, "the fixtures are expected to show drift"
    for d in (d for p in bridge.alignments for al in p.alignments for d in al.drift):
        assert html.escape(d.explanation) in bridge_page


def test_summary_counts(bridge: Comparison, bridge_page: str) -> None:
    page = Page(bridge_page)
    findings = [d for p in bridge.alignments for al in p.alignments for d in al.drift]
    by_type = Counter(d.type for d in findings)
    assert page.cells["n-articles"] == "3"
    assert page.cells["n-claims"] == str(len(bridge.claims))
    assert page.cells["n-pairs"] == "3"
    assert page.cells["n-aligned"] == str(sum(len(p.alignments) for p in bridge.alignments))
    assert page.cells["n-unmatched"] == str(len(bridge.unmatched))
    assert page.cells["n-drift"] == str(len(findings))
    for t in DRIFT_TYPES:
        if by_type[t]:
            assert page.cells[f"n-drift-{t}"] == str(by_type[t])
        else:
            assert f"n-drift-{t}" not in page.cells


def test_filters_and_source_links(bridge: Comparison, bridge_page: str) -> None:
    page = Page(bridge_page)
    radios = {a["id"] for t, a in page.tags if t == "input" and a.get("type") == "radio"}
    types = {d.type for p in bridge.alignments for al in p.alignments for d in al.drift}
    assert {"ft-all", "ft-any", "ft-none", "fl-all", "fl-en", "fl-fr"} <= radios
    assert {f"ft-{t}" for t in types} <= radios
    assert "body:has(#fl-fr:checked) .row:not(.l-fr){display:none}" in bridge_page
    hrefs = {urllib.parse.unquote(a["href"]) for t, a in page.tags if t == "a"}
    assert {a.source for a in bridge.articles} == {str(p) for p in BRIDGE} and hrefs == {str(p) for p in BRIDGE}


def test_hand_built_nested_and_crossing_spans() -> None:
    comp = hand_comparison()
    page = Page(html_comparison(comp, title="Bridge <report>"))
    al = comp.alignments[0].alignments[0]
    a, b = comp.claim("a:0").text, comp.claim("b:0").text
    assert page.title == "Bridge <report>"
    assert page.texts["pair-0-0", "a:0"] == a and page.texts["pair-0-0", "b:0"] == b
    for f, d in enumerate(al.drift):
        if d.source_span:
            assert page.marks["pair-0-0", "a:0", str(f)] == a[d.source_span[0]:d.source_span[1]]
        if d.target_span:
            s, e = d.target_span
            assert page.marks["pair-0-0", "b:0", str(f)] == b[s:min(e, len(b))]
    assert ("pair-0-0", "b:0", "3") not in page.marks  # omission: nothing on the target side
    assert page.cells["n-drift"] == "5" and page.cells["n-drift-number"] == "1"
    assert page.cells["n-aligned"] == "1" and page.cells["n-unmatched"] == "1"
    assert set(page.rows["pair-0-0"]) >= {"t-number", "t-qualifier", "t-date", "t-omission", "t-entity",
                                          "t-any", "l-en", "l-fr"}
    assert set(page.rows["unmatched-0"]) >= {"t-none", "l-en"}
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    assert "news/a.txt" in hrefs and "https://example.org/b?x=1&y=2" in hrefs


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab <>&\"'é\n"), max_size=40),
    spans=st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=6),
)
def test_highlight_marks_exactly_each_span(text: str, spans: list[tuple[int, int]]) -> None:
    findings = [SimpleNamespace(type=DRIFT_TYPES[i % len(DRIFT_TYPES)], source_span=sp, explanation="x",
                                severity="major") for i, sp in enumerate(spans)]
    page = Page(f'<article class="row" id="r"><div data-claim="c"><p class="text">'
                f"{highlight(text, findings, 'source')}</p></div></article>")
    assert page.texts.get(("r", "c"), "") == text
    for i, (s, e) in enumerate(spans):
        s, e = max(0, min(s, len(text))), max(0, min(e, len(text)))
        assert page.marks.get(("r", "c", str(i)), "") == (text[s:e] if s < e else "")


def test_page_is_one_document(bridge_page: str) -> None:
    assert bridge_page.startswith("<!DOCTYPE html>") and bridge_page.endswith("</html>\n")


def test_empty_comparison() -> None:
    comp = Comparison(articles=(ArticleInfo(id="a", lang="en", claims=0),), claims=(), alignments=(), unmatched=())
    page = Page(html_comparison(comp))
    assert page.cells["n-articles"] == "1" and page.cells["n-aligned"] == "0" and page.cells["n-drift"] == "0"
    assert page.rows == {}


# ----------------------------------------------------------------------------- security


def _assert_inert(page: str) -> None:
    """Only the report's own tags, no event-handler attribute, no script, only safe links."""
    low = page.lower()
    assert "<script" not in low and "<img" not in low and "<svg" not in low and "<iframe" not in low
    for tag in re.findall(r"<[^>]*>", page):  # attribute values are escaped, so no ">" inside them
        assert re.search(r"\son\w+\s*=", re.sub(r'"[^"]*"', '""', tag)) is None, tag
    for m in re.finditer(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)", page):
        assert m.group(1).lower() in ALLOWED_TAGS, m.group(0)
    parsed = Page(page)
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "src" not in attrs
        if "href" in attrs:
            href = attrs["href"]
            assert href.startswith(("http://", "https://")) or ":" not in href.split("/", 1)[0], href
            assert not href.lower().lstrip().startswith(("javascript", "data", "vbscript"))


def test_injection_fixture_is_escaped(injection: Comparison) -> None:
    page = html_comparison(injection)
    _assert_inert(page)
    assert "&lt;script&gt;window.__ct_pwned=1;document.title=&#x27;pwned&#x27;;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;window.__ct_pwned=2;alert(1)&quot;&gt;" in page
    assert "&lt;/style&gt;&lt;/title&gt;&lt;script&gt;" in page
    assert "the &amp;amp; entity" in page  # a literal "&amp;" in the article stays visible as such
    # every claim still reads back exactly, markup included
    parsed = Page(page)
    for pi, pair in enumerate(injection.alignments):
        for ai, al in enumerate(pair.alignments):
            assert parsed.texts[f"pair-{pi}-{ai}", al.source] == injection.claim(al.source).text
    assert any("<script>" in t for t in parsed.texts.values())
    assert parsed.title == "claimtrack comparison"


def test_hostile_ids_sources_and_explanations() -> None:
    evil = 'x"><script>alert(1)</script>'
    text = 'He said "<img src=x onerror=alert(1)>" & left.'
    a, b = claim(f"{evil}:0", evil, text), claim("y:0", "y", text.replace("He", "She"))
    d = Drift(type="pronoun", source_value="<b>he</b>", target_value="she", source_span=(0, 2), target_span=(0, 3),
              explanation='Changed "<he>" onmouseover=alert(1) \'x\'', severity="major")
    comp = Comparison(
        articles=(ArticleInfo(id=evil, lang="en", source="javascript:alert(1)", claims=1),
                  ArticleInfo(id="y", lang="e\"n<", source='" onclick="alert(1).txt', claims=1)),
        claims=(a, b),
        alignments=(PairAlignment(source_article=evil, target_article="y", alignments=(
            Alignment(source=a.id, target=b.id, score=1.0, similarity=1.0, evidence=("<b>bold</b>",), drift=(d,)),)),),
        unmatched=(),
    )
    page = html_comparison(comp, title="<script>alert('t')</script>")
    _assert_inert(page)
    assert 'href="%22%20onclick%3D%22alert%281%29.txt"' in page  # a (strange) file name, kept inert
    parsed = Page(page)
    assert parsed.title == "<script>alert('t')</script>"
    assert parsed.marks["pair-0-0", a.id, "0"] == "He"


@pytest.mark.parametrize(
    ("source", "href"),
    [
        ("https://example.org/a b?x=1&y=<2>", "https://example.org/a%20b?x=1&y=%3C2%3E"),
        ("HTTP://Example.org/", "HTTP://Example.org/"),
        ("fixtures/harbour-bridge/en-herald.txt", "fixtures/harbour-bridge/en-herald.txt"),
        ("/data/news/le courrier.txt", "/data/news/le%20courrier.txt"),
        ("article #1?.txt", "article%20%231%3F.txt"),
        ("dir\\file.txt", "dir/file.txt"),
        ("C:\\news\\a.txt", "file:///C:/news/a.txt"),
        ("été/à.txt", "%C3%A9t%C3%A9/%C3%A0.txt"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)//x.txt", None),
        (" javascript:alert(1)", None),
        ("java\tscript:alert(1).txt", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("mailto:a@b.c", None),
        ("//evil.example/x.js", None),
        ("https://", None),
        ("Reuters", None),
        ("Le Courrier", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_href(source: str | None, href: str | None) -> None:
    assert safe_href(source) == href


def test_content_security_policy(bridge_page: str) -> None:
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', bridge_page)
    assert m is not None
    csp = m.group(1).replace("&#x27;", "'")
    assert "default-src 'none'" in csp and "script-src 'none'" in csp and "base-uri 'none'" in csp
    style = re.search(r"<style>(.*?)</style>", bridge_page, re.S)
    assert style is not None and bridge_page.count("<style>") == 1
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp
    # the CSP comes before anything it governs; no remote (or any) resource is referenced
    assert bridge_page.index("Content-Security-Policy") < bridge_page.index("<style>")
    assert re.search(r"\ssrc\s*=|<link|@import|url\(", bridge_page) is None


# ----------------------------------------------------------------------------- determinism, delegation


def test_deterministic_bytes(bridge: Comparison, bridge_page: str) -> None:
    again = Comparison.model_validate_json(bridge.model_dump_json())
    assert html_comparison(again).encode("utf-8") == bridge_page.encode("utf-8")
    assert bridge_comparison() == bridge  # a fresh run of compare gives the same page too
    assert html_comparison(hand_comparison()) == html_comparison(hand_comparison())


def test_comparison_only_computes() -> None:
    """The arrow runs report -> comparison: computing a comparison loads no renderer."""
    import ast
    import inspect

    import claimtrack.comparison as comparison

    tree = ast.parse(inspect.getsource(comparison))
    imported = {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not any("report" in name for name in imported), imported


# ----------------------------------------------------------------------------- clusters


def _cluster_types() -> tuple[Any, Any]:
    """The store's Variant and Cluster models when claimtrack.store exists, else stand-ins with the same fields."""
    try:
        from claimtrack.store import Cluster, Variant  # type: ignore[import-not-found,attr-defined]
    except ImportError:
        return SimpleNamespace, SimpleNamespace
    return Variant, Cluster


def hand_clusters() -> list[Any]:
    Variant, Cluster = _cluster_types()
    en = claim("h:3", "herald", "More than 2,400 workers took part in the project.")
    fr = claim("c:2", "courrier", "Près de 2 400 ouvriers ont participé au projet.", "fr")
    wire = claim("w:1", "wire<1>", "More than 2,400 workers had taken part, <script>alert(1)</script>.")
    q = Drift(type="qualifier", source_value="more_than", target_value="nearly", source_span=(0, 15),
              target_span=(0, 13), explanation="The bound changed: 'more than' became 'nearly'.", severity="major")
    add = Drift(type="addition", source_value=None, target_value="<script>alert(1)</script>", source_span=None,
                target_span=(40, 65), explanation="A passage was added.", severity="major")
    v = [
        Variant(claim=en, article_id="herald", source="fixtures/harbour-bridge/en-herald.txt", lang="en",
                published=dt.date(2024, 9, 14), similarity=1.0, drift=()),
        Variant(claim=fr, article_id="courrier", source="https://example.org/courrier?id=1&p=2", lang="fr",
                published=dt.date(2024, 9, 15), similarity=0.83, drift=(q,)),
        Variant(claim=wire, article_id="wire<1>", source="javascript:alert(1)", lang="en", published=None,
                similarity=0.91, drift=(add,)),
    ]
    quiet = claim("h:9", "herald", "The agency said tolls may rise.")
    return [
        Cluster(id="cl-1", first_seen=dt.date(2024, 9, 14), langs=("en", "fr"), variants=tuple(v)),
        Cluster(id='cl-"2"', first_seen=None, langs=("en",), variants=(
            Variant(claim=quiet, article_id="herald", source="fixtures/harbour-bridge/en-herald.txt", lang="en",
                    published=dt.date(2024, 9, 14), similarity=1.0, drift=()),)),
    ]


def test_html_clusters() -> None:
    clusters = hand_clusters()
    html_text = html_clusters(clusters)
    _assert_inert(html_text)
    page = Page(html_text)
    assert set(page.rows) == {"cluster-0", "cluster-1"}
    assert set(page.rows["cluster-0"]) >= {"t-qualifier", "t-addition", "t-any", "l-en", "l-fr"}
    assert set(page.rows["cluster-1"]) >= {"t-none", "l-en"}
    for ci, cluster in enumerate(clusters):
        for v in cluster.variants:
            assert page.texts[f"cluster-{ci}", v.claim.id] == v.claim.text
            for f, d in enumerate(v.drift):
                s, e = d.target_span
                assert page.marks[f"cluster-{ci}", v.claim.id, str(f)] == v.claim.text[s:e]
    assert page.marks["cluster-0", "w:1", "0"] == "<script>alert(1)</script>"
    assert page.cells["n-clusters"] == "2" and page.cells["n-variants"] == "4"
    assert page.cells["n-articles"] == "3" and page.cells["n-langs"] == "2"
    assert page.cells["n-drift"] == "2" and page.cells["n-drift-qualifier"] == "1"
    assert page.cells["n-clusters-drift"] == "1"
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    assert "fixtures/harbour-bridge/en-herald.txt" in hrefs and "https://example.org/courrier?id=1&p=2" in hrefs
    assert not any("javascript" in h for h in hrefs)
    assert 'data-cluster="cl-&quot;2&quot;"' in html_text
    assert "2024-09-15" in html_text and page.title == "claimtrack report"
    assert html_clusters(hand_clusters(), title="x") == html_clusters(hand_clusters(), title="x")
    assert Page(html_clusters([])).cells["n-clusters"] == "0"


def test_the_quotations_shared_have_a_section_with_speakers_and_findings() -> None:
    import claimtrack as ct
    from claimtrack.report import html_comparison

    from ..fakes import HashEmbedder

    a = ct.read_article('"We will reopen the bridge before the summer holidays," Mayor Clara Voss said.',
                        article_id="a", lang="en")
    b = ct.read_article('"We will reopen the bridge before the summer holidays," council member Tom Reyes said.',
                        article_id="b", lang="en")
    comp = ct.compare(a, b, embedder=HashEmbedder(), cluster=False, min_confidence=0.0)
    assert comp.quote_links
    page = html_comparison(comp)
    assert '<section class="group quotes" id="quotes">' in page
    assert "speaker: Clara Voss" in page and "speaker: Tom Reyes" in page
    assert "quotations shared" in page
    section = page[page.index('id="quotes"'):]
    assert "We will reopen the bridge" in section and "speaker" in section
    assert [d.type for q in comp.quote_links for d in q.drift] == ["speaker"]
    assert "t-speaker" in section
    assert html_comparison(comp) == page  # deterministic
