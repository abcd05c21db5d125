"""Furniture detection and sentence segmentation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.extract.segmentation import classify_line, layout, split_sentences

# Lines of the seed corpus that are page furniture (beginning of the line).
SEED_FURNITURE = {
    "000": ["UPDATED 09:00 EDT", "AI", "Image: PyTorch/Meta", "A message from John Furrier", "Your vote of support",
            "One click below", "Join our community on YouTube", "Join the community that includes", "THANK YOU"],
    "001": ["Welcoming PyTorch to the Linux Foundation", "Jim Zemlin | 12 September 2022", "Neutrality as a Catalyst",
            "Similar Articles", "Browse Categories", "2023 Compliance and Security"],
    "002": ["PyTorch Tweet", "[Click on image for larger view.]", "PyTorch Workflow", "About the Author",
            "David Ramel is an editor", "Subscribe on YouTube"],
    "003": ["Breaking News", "PyTorch Takes AI/ML Back", "Past the Hype?", "5th Anniversary", "Group",
            "Created with Sketch.", "Source: https://thenewstack.io/"],
    "004": ["Le lancement de la Fondation PyTorch au sein de la Fondation Linux"],
}
# Hand-checked count of prose sentences per seed article.
SEED_SENTENCES = {"000": 29, "001": 39, "002": 22, "003": 39, "004": 23}


@pytest.mark.parametrize("key", sorted(SEED_FURNITURE))
def test_seed_furniture_never_becomes_a_claim(key, seed_articles, seed_claims):
    article = seed_articles[key]
    furniture = ct.find_furniture(article)
    for prefix in SEED_FURNITURE[key]:
        hits = [f for f in furniture if f.text.startswith(prefix)]
        assert hits, f"{key}: {prefix!r} not recognised as furniture"
        assert all(f.reason for f in hits)
        assert not any(c.text.startswith(prefix) for c in seed_claims[key]), prefix
    for f in furniture:
        assert article.text[f.start : f.end] == f.text


@pytest.mark.parametrize("key", sorted(SEED_SENTENCES))
def test_seed_no_prose_lost(key, seed_articles, seed_claims):
    article = seed_articles[key]
    covered = [False] * len(article.text)
    for span in [*ct.find_furniture(article), *seed_claims[key]]:
        for i in range(span.start, span.end):
            assert not covered[i], "overlap between claims/furniture"
            covered[i] = True
    lost = "".join(ch for ch, c in zip(article.text, covered) if not c and not ch.isspace())
    assert lost == ""
    assert len(seed_claims[key]) == SEED_SENTENCES[key]


def test_seed_languages(seed_articles, seed_claims):
    assert [seed_articles[k].lang for k in sorted(seed_articles)] == ["en", "en", "en", "en", "fr"]
    for key, claims in seed_claims.items():
        assert {c.lang for c in claims} == {seed_articles[key].lang}


def test_quotes_split_into_sentences():
    spans = split_sentences("“We are grateful. We are thrilled,” he said. « Nous avons choisi. C’est bien. »", "en")
    assert len(spans) == 4


@pytest.mark.parametrize(
    "text",
    [
        "Il a annoncé le 12 sept. 2022 que M. Dupont partait.",
        "Le chantier a coûté env. 3 millions d’euros selon l’art. 12 du contrat.",
        "The move was announced in a Sept. 12 Facebook post by Dr. Haddad.",
        "Nvidia Corp. and Microsoft Corp. joined the board.",
    ],
)
def test_abbreviations_do_not_split(text):
    lang = "fr" if "Il " in text or "Le " in text else "en"
    assert len(split_sentences(text, lang)) == 1


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Subscribe on YouTube", "boilerplate"),
        ("Image: Port Aldwin City Council", "credit"),
        ("Crédit photo : Conseil municipal", "credit"),
        ("Source: https://example.org/story", "link"),
        ("Jim Zemlin | 12 September 2022", "byline"),
        ("Share this article", "boilerplate"),
        ("Partagez cet article", "boilerplate"),
        ("Neutrality as a Catalyst", "heading"),
    ],
)
def test_classify_line(line, kind):
    verdict = classify_line(line)
    assert verdict is not None and verdict[0] == kind


@pytest.mark.parametrize("line", ["Il déclare :", "We can’t wait to get started!", "The journey will be epic."])
def test_prose_lines_are_not_furniture(line):
    assert classify_line(line) is None


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=9)
_sentence = st.builds(
    lambda words, end, quote: (("“" if quote else "") + " ".join(words) + end + ("”" if quote else "")),
    st.lists(_word, min_size=1, max_size=12),
    st.sampled_from([".", "!", "?", "…", ".", ":", ""]),
    st.booleans(),
)
_space = st.sampled_from([" ", "  ", "\u00a0", " \u202f", "\t"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_sentence, _space), min_size=1, max_size=8), st.sampled_from(["en", "fr"]))
def test_segmentation_round_trip(parts, lang):
    paragraph = "".join(s + sp for s, sp in parts).strip()
    spans = split_sentences(paragraph, lang)
    rebuilt = []
    cursor = 0
    for start, end in spans:
        gap = paragraph[cursor:start]
        assert gap.strip() == "", "only whitespace may lie between sentences"
        assert start < end
        rebuilt.append(gap + paragraph[start:end])
        cursor = end
    assert paragraph[cursor:].strip() == ""
    assert "".join(rebuilt) + paragraph[cursor:] == paragraph


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(_sentence, _space), min_size=1, max_size=6))
def test_sentence_offsets_slice_back(parts):
    text = "\n".join(s for s, _ in parts)
    article = ct.Article(id="p", lang="en", text=text)
    for sentence in layout(article).sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert not re.search(r"\n", sentence.text)


_moses_text = st.lists(
    st.sampled_from(list("abcXYZ é.?!…'\"()[]%-0123456789«»“”¿¡") + ["etc.", " M.", " Mr.", "No.", " p.", "U.S.", " art.", "  "]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_moses_text, st.sampled_from(["en", "fr"]))
def test_moses_port_equals_sentence_splitter(text, lang):
    from sentence_splitter import SentenceSplitter

    from claimtrack.extract.segmentation import _splitter

    ours = _splitter(lang)
    reference = SentenceSplitter(language=lang)
    table = reference._SentenceSplitter__non_breaking_prefixes  # noqa: SLF001
    for word, numeric in ours.prefixes.items():
        table[word] = SentenceSplitter.PrefixType.NUMERIC_ONLY if numeric else SentenceSplitter.PrefixType.DEFAULT
    assert ours.split(text) == reference.split(text)


def test_share_prompt_in_the_middle_keeps_the_prose_after_it():
    """A share widget's line is one furniture line, not the start of the page's
    end matter: the prose after it stays prose (it used to open a block that
    swallowed every later line)."""
    article = ct.read_article(
        "The council approved the new bridge on Monday after a long debate.\n"
        "Share this article\n"
        "Facebook\n"
        "Construction will start in March and last three years, the mayor said.\n"
        "About the Author\n"
        "Dana Whitfield covers infrastructure for the paper.\n",
        lang="en",
    )
    lay = layout(article)
    texts = [s.text for s in lay.sentences]
    assert texts == [
        "The council approved the new bridge on Monday after a long debate.",
        "Construction will start in March and last three years, the mayor said.",
    ]
    kinds = {f.text: f.kind for f in lay.furniture}
    assert kinds["Share this article"] == "boilerplate" and kinds["Facebook"] == "heading"
    assert "Dana Whitfield covers infrastructure for the paper." in kinds  # the author box still ends the article


def test_zero_width_only_text_is_empty():
    for text in ("\u200b\u200c\u200d", "\u2060 \u200b\n\ufeff\u00ad", "<p>\u200b</p>\n<p>\u200d</p>"):
        with pytest.raises(ct.EmptyInputError):
            ct.read_article(text)
    with pytest.raises(ct.EmptyInputError):
        ct.read_article("\u200b".encode())
    assert ct.read_article("\u200bThe council met on Monday.", lang="en").text.startswith("\u200b")
