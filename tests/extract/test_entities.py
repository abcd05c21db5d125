"""Proper names and their normalised keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import lang as _lang
from claimtrack.extract.entities import capitalised_words, entity_key, extract_entities, name_key, title_case


@pytest.mark.parametrize(
    ("a", "b"),
    [("Nvidia Corp.", "NVidia"), ("Nvidia", "NVIDIA"), ("Fondation Linux", "The Linux Foundation"),
     ("Hollis Engineering Ltd.", "Hollis Engineering"), ("Société Générale", "societe generale")],
)
def test_keys_shared_by_variants(a, b):
    assert entity_key(a) == entity_key(b)


def test_keys_keep_distinct_names_apart():
    assert entity_key("Google Cloud") != entity_key("Google")
    assert entity_key("Microsoft Azure") != entity_key("Microsoft")


def test_titles_split_runs():
    text = "Harbour Authority Executive Director Ana Ruiz said the growth was big."
    names = [e.text for e in extract_entities(text, "en", known=capitalised_words(text))]
    assert names == ["Harbour Authority", "Ana Ruiz"]


def test_sentence_initial_common_words_are_not_names():
    text = "Finally, the board met. Today, Meta and AMD agreed."
    names = [e.text for e in extract_entities(text, "en", known=capitalised_words(text))]
    assert names == ["Meta", "AMD"]


def test_french_elision_and_labels():
    text = "Le conseil se compose de représentants d’AMD et de la Fondation Linux, a dit Jim Zemlin."
    ents = extract_entities(text, "fr", persons={"Jim Zemlin"})
    assert [(e.text, e.label) for e in ents] == [("AMD", "name"), ("Fondation Linux", "organization"),
                                                 ("Jim Zemlin", "person")]


@given(st.text(max_size=300))
def test_offsets_slice_back(text):
    for e in extract_entities(text, "en", offset=5):
        assert text[e.start - 5 : e.end - 5] == e.text
        assert e.key == entity_key(e.text)


@pytest.mark.parametrize(
    "names",
    [
        ("U.S.", "US", "USA", "États-Unis", "the United States"),
        ("EU", "UE", "Union européenne", "European Union"),
        ("UN", "ONU", "Nations unies", "United Nations"),
        ("UK", "Royaume-Uni", "United Kingdom", "Britain"),
    ],
)
def test_aliases_share_a_key_across_languages(names):
    assert len({entity_key(n) for n in names}) == 1


def test_aliases_do_not_merge_different_names():
    assert entity_key("United States") != entity_key("United Kingdom")
    assert entity_key("UE") != entity_key("UK")


def test_prefixed_capitalised_words_are_not_names():
    assert [e.text for e in extract_entities("They met in mid-September with anti-Trump groups.", "en")] == []
    assert [e.text for e in extract_entities("Bashar al-Assad met the press.", "en")] == ["Bashar al-Assad"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("They marched in New York on Sunday.", ["New York"]),
        ("He flew to New Delhi and New Zealand.", ["New Delhi", "New Zealand"]),
        ("New research by Meta shows it.", ["Meta"]),  # sentence-initial "New" is a common word
        ("It joined The Linux Foundation in 2022.", ["Linux Foundation"]),  # a determiner anywhere
    ],
)
def test_capitalised_function_words_mid_sentence_stay_in_names(text, names):
    assert [e.text for e in extract_entities(text, "en")] == names


# --- amounts, hyphenated tails, abbreviated titles -------------------------------------------------

@pytest.mark.parametrize(
    "text,lang,names",
    [
        ("The carrier Telco posted a net profit of CAD 51.2 million, down from CAD 50 million.", "en", ["Telco"]),
        ("The fund paid 12.5 EUR per share to Vanguard.", "en", ["Vanguard"]),
        ("Le contrat vaut au moins 400 Md$ selon Airbus.", "fr", ["Airbus"]),
    ],
)
def test_currency_codes_and_scale_words_by_a_figure_are_not_names(text, lang, names):
    assert [e.text for e in extract_entities(text, lang)] == names


def test_a_currency_code_away_from_a_figure_stays_a_name():
    # "CAD" alone is a name here (computer-aided design, a company): no figure beside it
    assert "CAD" in [e.text for e in extract_entities("The designers moved from paper to CAD last year.", "en")]


def test_a_hyphenated_lower_case_tail_is_not_part_of_the_name():
    ents = extract_entities("The Qatar-owned network and a Geneva-based agency spoke to Jean-Marc Ayrault.", "en")
    assert [e.text for e in ents] == ["Qatar", "Geneva", "Jean-Marc Ayrault"]
    text = "The Qatar-owned network"
    assert all(text[e.start : e.end] == e.text for e in extract_entities(text, "en"))


def test_a_name_after_an_abbreviated_title_is_kept():
    ents = extract_entities("The bill was opposed by Sen. Whitcombe and Gen. Okonkwo.", "en")
    assert [e.text for e in ents] == ["Whitcombe", "Okonkwo"]


def test_a_word_in_capitals_is_an_acronym_not_a_function_word():
    assert [e.text for e in extract_entities("Aid reached the UN camp and US officials.", "en")] == ["UN", "US"]
    assert extract_entities("Un homme est venu.", "fr") == []


def test_an_acronym_in_the_plural_is_a_common_noun():
    assert [e.text for e in extract_entities("The studio favours tablet PCs and DVDs over Netflix.", "en")] == ["Netflix"]


def test_a_headline_in_title_case_names_only_what_the_article_names():
    article = ("Retired Pilot Says Flying Over Greenland Was Never Boring\n"
               "The pilot, who flew for Icelandair, crossed Greenland forty times.")
    known = capitalised_words(article)
    assert "Pilot" not in known and "Greenland" in known
    headline = article.split("\n")[0]
    assert [e.text for e in extract_entities(headline, "en", known=known)] == ["Greenland"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Retired Pilot Says Flying Over Greenland Was Never Boring", True),
        ("Barack Obama met Angela Merkel in Berlin.", False),
        ("It was set up by the United Nations Children's Emergency Fund (UNICEF).", False),
        ("The pilot, who flew for Icelandair, crossed Greenland forty times.", False),
        ("Le pilote retraité dit que le Groenland n'était jamais ennuyeux", False),
    ],
)
def test_title_case(text, expected):
    assert title_case(text) is expected


@pytest.mark.parametrize(("text", "lang", "names"), [
    ("They met on Monday in Paris.", "en", ["Paris"]),
    ("Le Conseil se réunira Mardi à Lyon.", "fr", ["Conseil", "Lyon"]),
    ("Talks end in September in Geneva.", "en", ["Geneva"]),
])
def test_weekday_and_month_names_are_not_names(text, lang, names):
    assert [e.text for e in extract_entities(text, lang)] == names


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Selon l'Organisation mondiale de la santé, le taux a baissé.", "fr", "Organisation mondiale de la santé"),
        ("Hier, la Banque centrale européenne a relevé ses taux.", "fr", "Banque centrale européenne"),
        ("Elle a rejoint l'Agence internationale de l'énergie en mars.", "fr", "Agence internationale de l'énergie"),
        ("Le patient a été transféré à l'Hôpital général de Montréal.", "fr", "Hôpital général de Montréal"),
        ("She was taken to Riverside General Hospital on the night.", "en", "Riverside General Hospital"),
        ("A study by the University of California found a rise.", "en", "University of California"),
        ("The report of the Institute for Fiscal Studies was late.", "en", "Institute for Fiscal Studies"),
        ("Loans from the Bank of the West grew.", "en", "Bank of the West"),
    ],
)
def test_organisation_names_with_function_words_are_kept_whole(text, lang, name):
    ents = extract_entities(text, lang, known=capitalised_words(text))
    assert [e.text for e in ents] == [name]
    assert ents[0].label == "organization"
    assert text[ents[0].start : ents[0].end] == name


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        # a lower-case word that is not an adjective ends the name: the verb stays out
        ("La Banque de France a publié ses chiffres.", "fr", ["Banque de France"]),
        ("La Commission européenne prévoit une baisse.", "fr", ["Commission européenne"]),
        # one complement only, and only after an organisation word
        ("Il a vu la Tour de la ville hier.", "fr", ["Tour"]),
        ("Paris de la semaine dernière.", "fr", []),
        # joiners only after an organisation word; "and" never joins two names
        ("Shares of Microsoft and Google rose while Apple Inc. and Meta fell.", "en",
         ["Microsoft", "Google", "Apple Inc.", "Meta"]),
        ("The mayor of Springfield said no.", "en", ["Springfield"]),
        # English names are capitalised throughout: a lower-case tail is not part of one
        ("The Linux Foundation general assembly met.", "en", ["Linux Foundation"]),
        # a title still splits a run when no organisation word follows it
        ("Harbour Authority General Manager Ana Ruiz spoke.", "en", ["Harbour Authority", "Ana Ruiz"]),
    ],
)
def test_organisation_name_rules_do_not_overreach(text, lang, names):
    assert [e.text for e in extract_entities(text, lang, known=capitalised_words(text))] == names


@pytest.mark.parametrize(
    ("titled", "plain"),
    [("Dre Anne Roy", "Anne Roy"), ("Dr. Anne Roy", "Anne Roy"), ("Prof. Okafor", "Okafor"),
     ("Mme Roy", "Roy"), ("President Macron", "Macron"), ("la présidente Anne Roy", "Anne Roy"),
     ("Dr Jim Zemlin's", "Jim Zemlin")],
)
def test_titles_are_out_of_the_name_key(titled, plain):
    assert name_key(titled) == name_key(plain)


def test_a_title_alone_keeps_its_key():
    assert name_key("President") == "president"
    assert name_key("Dr") == "dr"


_HONORIFICS = sorted({w for c in ("en", "fr") for w in _lang.get(c).names.honorifics})
_NAME_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéè", min_size=1, max_size=8).map(str.capitalize)


@given(st.lists(st.sampled_from(_HONORIFICS), min_size=1, max_size=3), st.lists(_NAME_WORD, min_size=1, max_size=3),
       st.sampled_from(["", ".", ". "]), st.booleans())
def test_name_keys_are_title_insensitive(titles, words, dot, upper):
    name = " ".join(words)
    prefix = " ".join((t.capitalize() if upper else t) + dot.strip() for t in titles)
    assert name_key(f"{prefix} {name}") == name_key(name)
