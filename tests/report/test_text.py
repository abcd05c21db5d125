"""The text tables and the readable values: tables fit the width they are given
(the terminal's by default) and stay aligned whatever the text (wide CJK
characters, combining accents); values read as words and figures, the same in
tables and HTML."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.comparison import ArticleInfo, Comparison, PairAlignment
from claimtrack.models import Alignment, Article, Claim, Drift, PairDiff, Quantity, ScoreTerm, Speaker
from claimtrack.report.html import html_clusters, html_comparison
from claimtrack.report.text import (
    claims_table,
    cluster_table,
    comparison_table,
    diff_table,
    furniture_table,
    hits_table,
    shorten,
)
from claimtrack.report.values import (
    MIN_WIDTH,
    display_width,
    figure,
    fit,
    money,
    number,
    terminal_width,
)
from claimtrack.models import Furniture
from claimtrack.store.models import Cluster, ClusterHit, Variant

# text that is hard to lay out: wide (CJK, fullwidth), combining accents, long words, spaces
HARD_TEXT = st.lists(
    st.sampled_from(list("abcdefgh XYZ,.'’«»") + ["北", "京", "市", "Ｗ", "e\u0301", "\u0327", "é", "—", "\t"]),
    min_size=1, max_size=300,
).map("".join).filter(lambda s: s.strip())
WIDTHS = st.integers(min_value=MIN_WIDTH, max_value=220)

QUALIFIER = Drift(type="qualifier", source_value="none", target_value="more_than", severity="minor",
                  explanation="The bound of the figure changed.", confidence=0.7)
SCOPE = Drift(type="time_scope", source_value="this year", target_value=None, explanation="A period was dropped.")


def _claim(text: str, i: int = 0, article: str = "a1", quantities: tuple[Quantity, ...] = (),
           speaker: str | None = None) -> Claim:
    return Claim(id=f"{article}-c{i}", article_id=article, lang="en", text=text, start=0, end=len(text),
                 kind="statement", sentence_index=i, quantities=quantities,
                 speaker=Speaker(text=speaker, start=0, end=len(speaker), name=speaker) if speaker else None)


def _money(value: float, unit: str = "USD") -> Quantity:
    return Quantity(text="x", start=0, end=1, value=value, unit=unit, kind="money")


def _lines(table: str) -> list[str]:
    return [line for line in table.split("\n") if line]


def _after_cells(line: str, cells: int) -> str | None:
    """What follows the first ``cells`` terminal cells of ``line``; None when a
    character straddles that column."""
    used = 0
    for i, ch in enumerate(line):
        if used == cells:
            return line[i:]
        used += display_width(ch)
        if used > cells:
            return None
    return "" if used == cells else None


def _cluster(texts: list[str], drift: tuple[Drift, ...] = ()) -> Cluster:
    variants = tuple(
        Variant(claim=_claim(t, i, f"art-{i}", speaker="Elena Marchetti" if i % 2 else None), article_id=f"art-{i}",
                lang="en" if i % 2 == 0 else "fr", published=dt.date(2024, 9, 14) if i else None,
                similarity=1.0 if i == 0 else 0.8, drift=drift if i else ())
        for i, t in enumerate(texts)
    )
    return Cluster(id="c7", first_seen=dt.date(2024, 9, 14), langs=("en", "fr"), variants=variants)


# ----------------------------------------------------------------------------- values


def test_figures_read_as_a_reader_writes_them() -> None:
    assert money(4.5e6, "USD") == "$4.5 million"
    assert figure(_money(4.5e6)) == "$4.5 million"
    assert "e+06" not in figure(_money(4.5e6)) and "USD" not in figure(_money(4.5e6))
    assert money(4_512_345, "USD") == "$4,512,345"  # never rounded away
    assert money(1.25e9, "EUR") == "€1.25 billion"
    assert number(2400) == "2,400" and number(0.5) == "0.5"
    q = Quantity(text="about 40%", start=0, end=9, value=40, unit="%", qualifier="about", kind="percent")
    assert figure(q) == "about 40%"
    q = Quantity(text="at least 18,000", start=0, end=15, value=18000, unit="vehicles", qualifier="at_least")
    assert figure(q) == "at least 18,000 vehicles"


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False))
def test_a_number_in_words_loses_nothing(value: float) -> None:
    """"4.5 million" is shown only when it is exactly the value (to three decimals of the scale)."""
    shown = number(value)
    if shown.endswith(("million", "billion", "trillion")):
        mantissa, scale = shown.rsplit(" ", 1)
        power = {"million": 6, "billion": 9, "trillion": 12}[scale]
        assert abs(float(mantissa.replace(",", "")) * 10**power - value) <= 1e-6 * max(1.0, abs(value))


@given(HARD_TEXT, st.integers(min_value=1, max_value=80))
def test_fit_gives_exactly_the_width(text: str, width: int) -> None:
    cut = fit(text, width)
    assert display_width(cut) == width
    assert display_width(fit(text, width, ">")) == width


def test_terminal_width_follows_columns(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "150")
    assert terminal_width() == 150
    monkeypatch.setenv("COLUMNS", "20")
    assert terminal_width() == MIN_WIDTH


# ----------------------------------------------------------------------------- tables fit and align


@settings(max_examples=40, deadline=None)
@given(st.lists(HARD_TEXT, min_size=1, max_size=6), WIDTHS)
def test_claims_table_fits_and_aligns(texts: list[str], width: int) -> None:
    article = Article(id="a1", lang="en", text=" ".join(texts), source="北京/news.txt")
    claims = [_claim(t, i, quantities=(_money(4.5e6),) if i % 2 else (), speaker="Zoë Çelik" if i % 3 else None)
              for i, t in enumerate(texts)]
    lines = _lines(claims_table([(article, claims)], width=width))
    assert all(display_width(line) <= width for line in lines), lines
    header, rows = lines[1], lines[2:]
    text_column = display_width(header[: header.index("text")])
    assert len(rows) == len(claims)
    for row, claim in zip(rows, claims):  # each claim's text starts under the header's "text"
        assert _after_cells(row, text_column) == shorten(claim.text, width - text_column), (row, header)
    assert len(claims) < 2 or any("$4.5 million" in row for row in rows)


@settings(max_examples=30, deadline=None)
@given(st.lists(HARD_TEXT, min_size=2, max_size=4), WIDTHS)
def test_comparison_table_fits(texts: list[str], width: int) -> None:
    claims = tuple(_claim(t, i, "a" if i % 2 == 0 else "b") for i, t in enumerate(texts))
    al = Alignment(source=claims[0].id, target=claims[1].id, score=0.8, similarity=0.7, drift=(QUALIFIER, SCOPE),
                   evidence=("shared names: " + texts[0],))
    comparison = Comparison(
        articles=(ArticleInfo(id="a", lang="en", claims=2, source="en-herald-北京.txt"),
                  ArticleInfo(id="b", lang="fr", claims=2)),
        claims=claims, alignments=(PairAlignment(source_article="a", target_article="b", alignments=(al,)),),
        unmatched=tuple(c.id for c in claims[2:]),
    )
    lines = _lines(comparison_table(comparison, width=width))
    assert all(display_width(line) <= width for line in lines), [line for line in lines if display_width(line) > width]
    # the score columns and the two claim columns line up: the header's second label starts where each row's
    # second text starts
    table = comparison_table(comparison, width=width)
    assert "qualifier [minor]" in table and "time scope [major]" in table
    assert "time_scope" not in table


@settings(max_examples=30, deadline=None)
@given(st.lists(HARD_TEXT, min_size=1, max_size=4), WIDTHS)
def test_cluster_and_hits_tables_fit(texts: list[str], width: int) -> None:
    cluster = _cluster(texts, drift=(QUALIFIER, SCOPE))
    for table in (cluster_table(cluster, width=width),
                  hits_table([ClusterHit(cluster=cluster, similarity=0.91, drift=(SCOPE,))], width=width)):
        lines = _lines(table)
        assert all(display_width(line) <= width for line in lines), lines
        assert "time_scope" not in table
    rows = _lines(cluster_table(cluster, width=width))[1:]
    variant_rows = [r for r in rows if not r.startswith(" " * 4)]
    assert len(variant_rows) == len(cluster.variants)
    for row, v in zip(variant_rows, cluster.variants):  # every variant's text starts in one column, dated or not
        rest = _after_cells(row, 42)
        assert rest is not None and rest.startswith(shorten(v.claim.text, 10)[:1]), row


@settings(max_examples=20, deadline=None)
@given(HARD_TEXT, WIDTHS)
def test_diff_and_furniture_tables_fit(text: str, width: int) -> None:
    d = PairDiff(source=text, target=text, source_lang="en", target_lang="fr", similarity=0.5, divergence=0.7,
                 divergent=True, threshold=0.5, drift=(QUALIFIER, SCOPE), candidates=(QUALIFIER, SCOPE),
                 divergent_because="divergence 0.700 >= threshold 0.5 " + text,
                 score=(ScoreTerm(name="similarity", value=0.5, weight=-4.0, contribution=-2.0, explanation=text),))
    table = diff_table(d, width=width)
    assert all(display_width(line) <= width for line in _lines(table)) or any(
        display_width(w) > width - 30 for w in text.split())  # one word longer than the line is not cut
    assert "more_than" not in table and "time scope" in table
    article = Article(id="a1", lang="en", text=text)
    f = Furniture(text=text, start=0, end=len(text), kind="boilerplate", reason="share block " + text)
    assert all(display_width(line) <= width for line in _lines(furniture_table(article, [f], width=width)))


# ----------------------------------------------------------------------------- HTML reads the same


def test_html_shows_words_not_identifiers() -> None:
    claims = (_claim("More than 2,400 workers.", 0, "a"), _claim("Plus de 2 400 ouvriers.", 1, "b"))
    scope = SCOPE.model_copy(update={"source_span": (0, 9)})
    al = Alignment(source=claims[0].id, target=claims[1].id, score=0.8, similarity=0.7, drift=(QUALIFIER, scope))
    page = html_comparison(Comparison(
        articles=(ArticleInfo(id="a", lang="en", claims=1), ArticleInfo(id="b", lang="fr", claims=1)),
        claims=claims, alignments=(PairAlignment(source_article="a", target_article="b", alignments=(al,)),),
        unmatched=(),
    ))
    assert "<q>more than</q>" in page and "<q>no qualifier</q>" in page
    assert "more_than" not in page and "<q>none</q>" not in page
    assert ">time scope<" in page  # the finding's type, the summary and the filter
    assert "time scope (major)" in page  # the highlight's title
    page = html_clusters([_cluster(["A claim.", "Une affirmation."], drift=(QUALIFIER,))], title="t")
    assert "<q>more than</q>" in page and "more_than" not in page
