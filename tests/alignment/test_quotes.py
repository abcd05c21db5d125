"""Quotations matched as units of their own (claimtrack.align_quotes) and in compare."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.alignment.quotes import MIN_LINK_WORDS, quote_units

from .common import FAKE, PROP


def _claims(text: str, aid: str, lang: str = "en") -> list[ct.Claim]:
    return ct.extract_claims(ct.read_article(text, article_id=aid, lang=lang))


def test_a_partial_quotation_repeated_in_another_sentence_is_linked() -> None:
    a = _claims('The minister called the plan "a very weak compromise that will not survive the winter". '
                "Talks resume on Monday.", "a")
    b = _claims('Farmers protested in the capital. "It is a very weak compromise that will not survive the winter," '
                "Minister Ana Duarte said.", "b")
    links = ct.align_quotes(a, b, embedder=FAKE)
    assert len(links) == 1
    q = links[0]
    assert q.source_text == "a very weak compromise that will not survive the winter"
    assert q.target_text.startswith("It is a very weak compromise")
    assert q.target_speaker == "Ana Duarte"
    # the ids lead back to the quotations
    claim = next(c for c in a if c.id == q.source_claim)
    assert claim.quotes[q.source_quote].text == q.source_text


def test_a_shortened_quotation_is_an_omission_within_it() -> None:
    a = _claims('"We are grateful to the team at Northwind, where the project grew into a large community, '
                'for trusting us with this effort," Lena Park said.', "a")
    b = _claims('"We are grateful to the team at Northwind for trusting us with this effort," Lena Park said.', "b")
    (q,) = ct.align_quotes(a, b, embedder=FAKE, min_confidence=0.0)
    kinds = {(d.type, d.source_value) for d in q.drift}
    assert ("omission", "where the project grew into a large community") in kinds, q.drift


def test_a_quotation_given_to_another_person_is_a_speaker_finding() -> None:
    a = _claims('"The bridge will reopen before the summer holidays," Mayor Clara Voss said.', "a")
    b = _claims('"The bridge will reopen before the summer holidays," council member Tom Reyes said.', "b")
    (q,) = ct.align_quotes(a, b, embedder=FAKE, min_confidence=0.0)
    assert (q.source_speaker, q.target_speaker) == ("Clara Voss", "Tom Reyes")
    assert [d.type for d in q.drift if d.type == "speaker"] == ["speaker"]


def test_the_same_speaker_and_words_give_no_finding() -> None:
    text = '"The bridge will reopen before the summer holidays," Mayor Clara Voss said.'
    (q,) = ct.align_quotes(_claims(text, "a"), _claims(text, "b"), embedder=FAKE)
    assert q.drift == () and q.source_speaker == q.target_speaker == "Clara Voss"


def test_short_quotations_are_left_to_their_claims() -> None:
    a = _claims('He called it "a disaster" on Monday.', "a")
    b = _claims('She also called it "a disaster" later.', "b")
    assert all(len(q.text.split()) < MIN_LINK_WORDS for c in a + b for q in c.quotes)
    assert ct.align_quotes(a, b, embedder=FAKE) == []


def test_french_and_english_quotations() -> None:
    en = _claims('"We will appeal the ruling," Dana Okafor said.', "en")
    fr = _claims("« Nous ferons appel de la décision », a déclaré Dana Okafor.", "fr", "fr")
    units = quote_units(fr)
    assert [u.text for u in units] == ["Nous ferons appel de la décision"]
    assert units[0].speaker is not None and units[0].speaker.name == "Dana Okafor"
    assert units[0].lang == "fr" and en[0].quotes[0].text == "We will appeal the ruling"


def test_unit_figures_index_the_unit_text() -> None:
    claims = _claims('"We hired 2,400 engineers," she said, "and opened 12 offices in 2023."', "a")
    (unit,) = quote_units(claims)
    assert unit.text == "We hired 2,400 engineers and opened 12 offices in 2023."
    assert [unit.text[q.start - unit.start : q.end - unit.start] for q in unit.quantities] == [
        q.text for q in unit.quantities]
    assert {q.value for q in unit.quantities} >= {2400.0, 12.0}


def test_compare_lists_the_quotations_shared_by_sentences_that_are_not_aligned() -> None:
    a = ct.read_article("In a long interview on state radio about taxes, pensions, the budget and the late harvest, "
                        'the minister called the plan "a very weak compromise that will not survive the winter".',
                        article_id="a", lang="en")
    b = ct.read_article("Farmers protested in the capital. "
                        '"It is a very weak compromise that will not survive the winter," Minister Ana Duarte said.',
                        article_id="b", lang="en")
    comp = ct.compare(a, b, embedder=FAKE, cluster=False)
    assert [p.alignments for p in comp.alignments] == [()]  # the sentences share too little
    (q,) = comp.quote_links
    assert (q.source_article, q.target_article, q.claims_aligned) == ("a", "b", False)
    assert q.source_speaker == "the minister" and q.target_speaker == "Ana Duarte"
    table = ct.report.comparison_table(comp, width=100)
    assert "Quotations shared by sentences not aligned, or changed: 1" in table
    assert "a very weak compromise that will not survive the winter" in table
    assert ct.compare(a, b, embedder=FAKE, cluster=False, quotes=False).quote_links == ()


def test_compare_marks_quotations_whose_claims_are_aligned() -> None:
    text = '"The bridge will reopen before the summer holidays," Mayor Clara Voss said.'
    comp = ct.compare(ct.read_article(text, article_id="a", lang="en"), ct.read_article(text, article_id="b", lang="en"),
                      embedder=FAKE, cluster=False)
    (q,) = comp.quote_links
    assert q.claims_aligned is True and q.drift == ()
    assert "Quotations shared" not in ct.report.comparison_table(comp, width=100)


SENTENCES = [
    '"The harbour will stay closed until the storm has passed," {who} said.',
    '"We need more nurses in every regional hospital this winter," {who} told reporters.',
    '{who} said the deal was "a fair outcome for the workers and the company".',
    '"Prices of fresh vegetables rose sharply over the last three months," {who} wrote.',
    "The council met on Tuesday.",
]
PEOPLE = ["Mara Olsen", "Jon Ruiz", "Ines Kato"]


@st.composite
def _articles(draw: st.DrawFn) -> str:
    picks = draw(st.lists(st.sampled_from(range(len(SENTENCES))), min_size=1, max_size=5, unique=True))
    return " ".join(SENTENCES[k].format(who=draw(st.sampled_from(PEOPLE))) for k in picks)


@PROP
@given(_articles(), _articles())
def test_align_quotes_is_symmetric(ta: str, tb: str) -> None:
    a, b = _claims(ta, "a"), _claims(tb, "b")
    ab = ct.align_quotes(a, b, embedder=FAKE, drift=False)
    ba = ct.align_quotes(b, a, embedder=FAKE, drift=False)
    assert sorted((q.source_claim, q.source_quote, q.target_claim, q.target_quote) for q in ab) == sorted(
        (q.target_claim, q.target_quote, q.source_claim, q.source_quote) for q in ba)
    assert all(q.source_article == "a" and q.target_article == "b" for q in ab)


def test_a_carried_speaker_is_shown_but_not_compared() -> None:
    a = _claims('"Repairs start today," Mayor Clara Voss said. "The bridge will reopen before the summer holidays."',
                "a")
    b = _claims('"The bridge will reopen before the summer holidays," council member Tom Reyes said.', "b")
    carried = [q for c in a for q in c.quotes if q.text.startswith("The bridge")]
    assert carried and carried[0].cue is None and carried[0].speaker is not None  # taken from the quotation before
    links = [q for q in ct.align_quotes(a, b, embedder=FAKE, min_confidence=0.0) if q.source_text.startswith("The")]
    assert len(links) == 1
    assert (links[0].source_speaker, links[0].target_speaker) == ("Clara Voss", "Tom Reyes")
    assert not [d for d in links[0].drift if d.type == "speaker"]
