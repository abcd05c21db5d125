"""HTML page furniture (nav, aside, footer, share bars, "most read" lists) kept out of the article text.

The pages under ``tests/data/html`` are written for these tests; each ``.json``
beside a page lists the article's paragraphs (every one must be kept whole, as
one line) and strings of its furniture (none may be left).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.ingest import read_article
from claimtrack.ingest.html import html_to_text

from ..conftest import DATA

PAGES = sorted((DATA / "html").glob("*.html"))


def test_there_are_pages_in_both_languages():
    assert {p.stem.split("_")[0] for p in PAGES} == {"en", "fr"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_prose_kept_whole_and_furniture_dropped(page):
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    article = read_article(page)
    lines = article.text.split("\n")
    for paragraph in expected["prose"]:
        assert paragraph in lines
    for furniture in expected["boilerplate"]:
        assert furniture not in article.text
    assert article.lang == page.stem[:2]


def test_prose_with_a_link_inside_is_kept():
    html = "<p>The mayor said the <a href='/x'>new bridge</a> would cut the commute for 40,000 residents.</p>"
    assert html_to_text(html) == "The mayor said the new bridge would cut the commute for 40,000 residents."


def test_a_list_of_links_is_dropped_but_a_list_of_prose_is_kept():
    html = ("<ul><li><a href='/1'>Storm warning for the coast</a></li><li><a href='/2'>Five restaurants</a></li></ul>"
            "<ul><li>Tolls rise to $4 a crossing.</li><li>Ferries keep running until May.</li></ul>")
    assert html_to_text(html).split("\n") == ["Tolls rise to $4 a crossing.", "Ferries keep running until May."]


def test_a_class_on_the_page_or_the_article_drops_nothing():
    html = ("<html><body class='nav-open share-enabled'><article class='comments-on'>"
            "<p>The council approved the budget on Monday.</p></article></body></html>")
    assert html_to_text(html) == "The council approved the budget on Monday."


def test_roles_and_hidden_elements_are_furniture():
    html = ("<div role='navigation'><span>Home</span></div><div hidden>Cookie settings</div>"
            "<div aria-hidden='true'>Menu</div><p>The council approved the budget.</p>"
            "<div role='complementary'>More from this author</div>")
    assert html_to_text(html) == "The council approved the budget."


def test_a_furniture_heading_is_dropped_only_as_a_whole_short_line():
    html = ("<h2>Les plus lus</h2><p>Les plus lus des romans de la rentrée sont souvent les plus courts, selon l’éditeur.</p>"
            "<h2>Related</h2><p>Related costs rose by 4 percent.</p>")
    assert html_to_text(html).split("\n") == [
        "Les plus lus des romans de la rentrée sont souvent les plus courts, selon l’éditeur.",
        "Related costs rose by 4 percent.",
    ]


def test_a_page_of_furniture_only_keeps_its_text():
    html = "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><footer>Contact</footer>"
    assert html_to_text(html) == "Home News\nContact"


def test_unclosed_elements_inside_furniture_end_with_it():
    html = "<aside><ul><li>Related one<li>Related two<p>teaser</aside><p>The prose after the aside stays.</p>"
    assert html_to_text(html) == "The prose after the aside stays."


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéà", min_size=2, max_size=9)
_PARAGRAPH = st.lists(_WORD, min_size=9, max_size=25).map(lambda ws: " ".join(ws).capitalize() + ".")
_FURNITURE = st.sampled_from([
    "<nav><a href='/'>Home</a> <a href='/a'>World</a></nav>",
    "<aside><h2>Related</h2><ul><li><a href='/r'>Another story</a></li></ul></aside>",
    "<footer><p>© 2026 The Ledger</p></footer>",
    "<div class='share-bar'><a href='#'>Facebook</a> <a href='#'>Email</a></div>",
    "<section class='most-read'><h2>Most read</h2><ol><li><a href='/1'>One</a></li></ol></section>",
    "<div class='lire-aussi'><strong>Lire aussi</strong> <a href='/x'>Un autre article</a></div>",
    "<ul><li><a href='/1'>Un titre</a></li><li><a href='/2'>Un autre titre</a></li></ul>",
    "<form><input name='q'><button>Search</button></form>",
])


@given(st.lists(_PARAGRAPH, min_size=1, max_size=6), st.lists(st.tuples(st.integers(0, 6), _FURNITURE), max_size=6))
def test_adding_furniture_never_changes_the_article_text(paragraphs, furniture):
    blocks = [f"<p>{p}</p>" for p in paragraphs]
    plain = html_to_text("<article>" + "".join(blocks) + "</article>")
    for at, element in sorted(furniture, reverse=True):
        blocks.insert(min(at, len(blocks)), element)
    assert html_to_text("<html><body><article>" + "".join(blocks) + "</article></body></html>") == plain
    assert plain.split("\n") == paragraphs
