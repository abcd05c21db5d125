"""Quote speakers as a reader resolves them (issue #14, item 2), English and French.

Each test names one pattern of attribution in news and checks it through the
public API (``ct.extract_quotes``).  Every sentence here was written for
these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import claimtrack as ct
from claimtrack.models import Quote


def _quotes(text: str, lang: str) -> list[Quote]:
    return ct.extract_quotes(ct.read_article(text, lang=lang))


def _quote(text: str, lang: str, opens: str) -> Quote:
    found = [q for q in _quotes(text, lang) if q.text.startswith(opens)]
    assert len(found) == 1, (opens, [q.text for q in _quotes(text, lang)])
    return found[0]


def _name(q: Quote) -> str | None:
    return q.speaker.name if q.speaker is not None else None


# ------------------------------------------------------------------ 1. pronouns


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Minister of Health, Ana Ferreira, insisted that the clinics would stay open.\n"
         '"No ward will close this winter," she said.', "en"),
        ("La ministre de la Santé, Ana Ferreira, a assuré que les cliniques resteraient ouvertes.\n"
         "« Aucun service ne fermera cet hiver », a-t-elle dit.", "fr"),
    ],
)
def test_a_pronoun_resolves_to_a_name_set_between_commas(text: str, lang: str) -> None:
    q = _quote(text, lang, "No ward" if lang == "en" else "Aucun service")
    assert q.speaker is not None and q.speaker.via == "pronoun" and _name(q) == "Ana Ferreira"


@pytest.mark.parametrize(
    ("text", "lang", "opens"),
    [
        ("The route costs less than rail, said fleet analyst Tomas Berg.\n"
         "Berg, a former pilot with Nordic Wings, flew it last week.\n"
         '"The cabin crew had never been so calm," he said.', "en", "The cabin crew"),
        ("La ligne coûte moins cher que le train, a indiqué l'analyste Tomas Berg.\n"
         "Berg, ancien pilote chez Nordic Wings, l'a empruntée la semaine dernière.\n"
         "« Je n'avais jamais vu un équipage aussi calme », a-t-il dit.", "fr", "Je n'avais"),
    ],
)
def test_a_pronoun_takes_the_subject_of_the_sentence_before(text: str, lang: str, opens: str) -> None:
    """The person the article names by surname alone, subject of the sentence
    before, over an organisation named nearer the pronoun."""
    assert _name(_quote(text, lang, opens)) == "Tomas Berg"


def test_a_surname_inside_another_name_is_no_mention() -> None:
    text = ("Spirit Airways will add a fee, said Dana Airways.\n"
            "The fee starts in May, said consultant Hugo Brandt.\n"
            "Brandt tracks such fees.\n"
            "Spirit Airways did not comment.\n"
            '"Passengers will pay more at the gate," he said.')
    assert _name(_quote(text, "en", "Passengers")) == "Hugo Brandt"


# ------------------------------------------------------------------ 2. descriptions and roles


@pytest.mark.parametrize(
    ("text", "lang", "opens", "mention"),
    [
        ("Pierre Lenoir, the administrator of the theatre, opened the season on Monday.\n"
         '"The accounts are balanced for the first time in ten years," the administrator remarked.',
         "en", "The accounts", "the administrator"),
        ("Pierre Lenoir, administrateur du théâtre, a ouvert la saison lundi.\n"
         "« Les comptes sont à l'équilibre pour la première fois en dix ans », a souligné l'administrateur.",
         "fr", "Les comptes", "l'administrateur"),
        ("Selon le député Marc Aubry, le projet est trop cher.\n"
         "Le député estime que la ville « n'a plus les moyens de ses ambitions ».",
         "fr", "n'a plus", "Le député"),
        ('"We will publish the figures in May," said the chief executive of Lumen, Sara Holt.\n'
         "\"The second quarter was harder,\" said Lumen's chief executive.",
         "en", "The second quarter", "Lumen's chief executive"),
    ],
)
def test_a_description_resolves_to_the_person_introduced_with_that_role(
        text: str, lang: str, opens: str, mention: str) -> None:
    q = _quote(text, lang, opens)
    assert q.speaker is not None and q.speaker.text == mention
    assert q.speaker.name in ("Pierre Lenoir", "Marc Aubry", "Sara Holt")


@pytest.mark.parametrize(
    ("text", "lang", "mention"),
    [
        ('Pierre Lenoir, the administrator of the theatre, opened the season.\n'
         '"We need a new roof," the treasurer said.', "en", "the treasurer"),
        ("Pierre Lenoir, administrateur du théâtre, a ouvert la saison.\n"
         "« Il faut un nouveau toit », a dit le trésorier.", "fr", "le trésorier"),
    ],
)
def test_a_description_with_no_such_role_keeps_no_name(text: str, lang: str, mention: str) -> None:
    (q,) = _quotes(text, lang)
    assert q.speaker is not None and q.speaker.text == mention and q.speaker.name is None


# ------------------------------------------------------------------ 3. the phrase that stands for the speaker


@pytest.mark.parametrize(
    ("text", "lang", "name", "mention"),
    [
        ('"The outlook has worsened for the third time," explained the Danish agency.', "en", None,
         "the Danish agency"),
        ('"Narrow seats are a false saving," said Nordic Wings sales chief Maria Holm.', "en", "Maria Holm", None),
        ('The Chilean President, Rosa Vidal, urged voters on Sunday to "stay calm and go to the polls".', "en",
         "Rosa Vidal", None),
        ('"We hope to break even next year," said a spokeswoman for the Harbour Trust, Lina Moreau.', "en",
         "Lina Moreau", None),
        ("Le directeur du parc, Colin Marais, a déclaré : « Cet oiseau venait du nord et s'est perdu en mer. »",
         "fr", "Colin Marais", None),
        ('"We went back to our fields at dawn," the radio station was told by Amina Diallo.', "en",
         "Amina Diallo", None),
        ("« Ils ont tous bon appétit », ironise Paul Girard, qui a servi quatre présidents.", "fr",
         "Paul Girard", None),
        ('"The kitchen never sleeps," grumbles Paul Girard.', "en", "Paul Girard", None),
        ("« La ville repeint ses poteaux sans nous consulter », s'insurge M. De Smet dans un communiqué.",
         "fr", "De Smet", None),
    ],
)
def test_the_speaker_phrase(text: str, lang: str, name: str | None, mention: str | None) -> None:
    (q,) = _quotes(text, lang)
    assert q.speaker is not None and q.speaker.name == name
    if mention is not None:
        assert q.speaker.text == mention


# ------------------------------------------------------------------ 4. quotes with no attribution of their own


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('"I have cooked for six presidents," says Marie Auclair.\n'
         "Her first employer liked simple food.\n"
         'The second had a "far more demanding palate".\n'
         'The third was "a man who enjoys his lunch".', "en"),
        ("« J'ai cuisiné pour six présidents », raconte Marie Auclair.\n"
         "Son premier patron aimait la cuisine simple.\n"
         "Le deuxième avait « un palais bien plus exigeant ».\n"
         "Le troisième était « un homme qui aime déjeuner ».", "fr"),
    ],
)
def test_unattributed_quotes_take_the_speaker_before_them(text: str, lang: str) -> None:
    quotes = _quotes(text, lang)
    assert len(quotes) == 3 and all(_name(q) == "Marie Auclair" for q in quotes)


def test_the_speaker_before_is_not_carried_beyond_three_paragraphs() -> None:
    text = ('"I have cooked for six presidents," says Marie Auclair.\n'
            "One.\nTwo.\nThree.\nFour.\n"
            'The last guest found the soup "far too salty for anyone".')
    assert _name(_quote(text, "en", "far too salty")) is None


# ------------------------------------------------------------------ 5. short quotations


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ('After the meeting, Okafor said, the plan had become "a dead letter".', "en", "a dead letter"),
        ('Okafor called the plan "reckless".', "en", "reckless"),
        ("Après la réunion, Okafor a dit que le plan était devenu « lettre morte ».", "fr", "lettre morte"),
        ("Okafor a qualifié le plan d'« irresponsable ».", "fr", "irresponsable"),
    ],
)
def test_short_quotes_with_a_reporting_verb_in_their_sentence(text: str, lang: str, words: str) -> None:
    q = _quote(text, lang, words)
    assert q.partial and _name(q) == "Okafor"


@pytest.mark.parametrize(
    ("text", "lang"),
    [('The "reckless" plan was dropped on Monday, and the works stopped.', "en"),
     ("Le plan « irresponsable » a été abandonné lundi.", "fr"),
     ('Okafor said the vote was close. The "open water" rule was kept.', "en")],
)
def test_short_quotes_without_a_reporting_verb_are_terms(text: str, lang: str) -> None:
    assert _quotes(text, lang) == []


# ------------------------------------------------------------------ properties

_FIRST = st.sampled_from(["Ana", "Tomas", "Lina", "Pierre", "Rosa", "Hugo", "Marta", "Ivo"])
_LAST = st.sampled_from(["Ferreira", "Lenoir", "Moreau", "Vidal", "Brandt", "Aubry", "Kessel", "Oduya"])
_ROLE = st.sampled_from(["administrator", "treasurer", "surgeon", "curator", "conductor", "barrister"])


@settings(max_examples=60, deadline=None)
@given(_FIRST, _LAST, _ROLE, _ROLE, _FIRST, _LAST)
def test_a_role_description_names_the_person_introduced_with_it(
        first: str, last: str, role: str, other_role: str, first2: str, last2: str) -> None:
    """Whatever the names and roles: "the ROLE" names the person introduced
    with that role, and no one when the article introduced nobody with it."""
    if last == last2:
        last2 = last2 + "son"
    text = (f"{first} {last}, the {role} of the hall, opened the season.\n"
            f"{first2} {last2}, the {other_role} of the choir, was there too.\n"
            f'"The season will be long and the hall will be full," the {role} remarked.')
    (q,) = _quotes(text, "en")
    assert q.speaker is not None and q.speaker.text == f"the {role}"
    want = f"{first2} {last2}" if role == other_role else f"{first} {last}"
    assert q.speaker.name == want


def test_a_carried_speaker_is_the_quotes_not_the_claims() -> None:
    """A speaker carried from a quotation paragraphs before is a reader's
    guess: the quotation keeps it, the claim of its sentence does not take it
    as its own (drift compares claim speakers across outlets)."""
    text = ('"I have cooked for six presidents," says Marie Auclair.\n'
            "Her first employer liked simple food.\n"
            '"Every one of them wanted soup on Sundays and bread from the same baker."')
    article = ct.read_article(text, lang="en")
    last = _quote(text, "en", "Every one")
    assert _name(last) == "Marie Auclair"
    claim = [c for c in ct.extract_claims(article) if c.text.startswith('"Every')][0]
    assert claim.kind == "quote" and claim.quotes and claim.speaker is None


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ('"The charges were ignored," Barrister Clayton Ruby said.', "en", "Clayton Ruby"),
        ('"We will appeal," said MP Jane Hill.', "en", "Jane Hill"),
        ('"The road stays shut," Sheriff Dan Moss told reporters.', "en", "Dan Moss"),
        ("« Le dossier est clos », a indiqué le procureur Marc Lenoir.", "fr", "Marc Lenoir"),
        ("« Nous prierons pour eux », a déclaré Mgr Paul Riviere.", "fr", "Paul Riviere"),
    ],
)
def test_press_titles_are_stripped_from_the_speaker(text: str, lang: str, name: str) -> None:
    (q,) = ct.extract_quotes(ct.read_article(text, lang=lang))
    assert q.speaker is not None and q.speaker.name == name


# ------------------------------------------------------------------ 6. organisations as pronouns and documents (#14)


@pytest.mark.parametrize(
    ("text", "lang", "opens", "name"),
    [
        ("The Harbour Safety Board said on Monday it was studying the ruling.\n"
         '"The board has no rule on kayaks in the channel at night," it said.', "en", "The board", "Harbour Safety Board"),
        ("Northwind said it would keep its winter timetable.\n"
         '"Our ferries will sail at the same hours until March," it said.', "en", "Our ferries", "Northwind"),
        ("La Harbour Safety Board a déclaré lundi qu'elle étudiait la décision.\n"
         "« Le bureau n'a aucune règle sur les kayaks dans le chenal la nuit », a-t-elle déclaré.",
         "fr", "Le bureau", "Harbour Safety Board"),
        ("Northwind a indiqué qu'elle gardait ses horaires d'hiver.\n"
         "« Nos ferries partiront aux mêmes heures jusqu'en mars », a-t-elle dit.", "fr", "Nos ferries", "Northwind"),
    ],
)
def test_an_organisation_pronoun_stands_for_the_organisation_subject_before(
        text: str, lang: str, opens: str, name: str) -> None:
    """"it" (and "elle" where no woman is named) stands for the organisation
    that is the subject of the sentence before."""
    q = _quote(text, lang, opens)
    assert q.speaker is not None and q.speaker.via == "pronoun" and _name(q) == name


def test_an_organisation_pronoun_with_no_subject_takes_the_quotation_before() -> None:
    text = ('A report from the Lumen Trust said its auditors were "now certain that every account was checked".\n'
            'It added that "no further audit is planned this year".')
    assert _name(_quote(text, "en", "no further audit")) == _name(_quote(text, "en", "now certain"))


def test_it_is_not_the_person_just_introduced() -> None:
    """An "it" with no organisation to stand for names no one: it does not
    take the person the sentence before introduces, as an unattributed
    quotation would."""
    text = ("Mrs Ana Ferreira said she would stay on the board.\n"
            '"The harbour will reopen in the spring after the works," it said.')
    q = _quote(text, "en", "The harbour")
    assert _name(q) != "Ana Ferreira"


@pytest.mark.parametrize(
    ("text", "lang", "opens", "name"),
    [
        ("Northwind Ferries cancelled its night crossings, the company announced in a press release.\n"
         'The press release said the crossings were "suspended until the storm season is over".',
         "en", "suspended", "Northwind Ferries"),
        ("Northwind Ferries a supprimé ses traversées de nuit, a annoncé la compagnie dans un communiqué.\n"
         "Le communiqué précise que les traversées sont « suspendues jusqu'à la fin de la saison des tempêtes ».",
         "fr", "suspendues", "Northwind Ferries"),
    ],
)
def test_a_document_stands_for_the_organisation_issuing_it(text: str, lang: str, opens: str, name: str) -> None:
    assert _name(_quote(text, lang, opens)) == name


# ------------------------------------------------------------------ 7. surnames given with an honorific only (#14)


@pytest.mark.parametrize(
    ("text", "lang", "opens"),
    [
        ("The singer returns to the stage in May, a local paper reported.\n"
         "Mrs Kellerman spent the winter recording an album.\n"
         'She said she was "glad to be singing in front of people again".', "en", "glad to be"),
        ("La chanteuse remonte sur scène en mai, selon un journal local.\n"
         "Mme Kellerman a passé l'hiver à enregistrer un album.\n"
         "« Je suis heureuse de chanter de nouveau devant un public », a-t-elle dit.", "fr", "Je suis heureuse"),
    ],
)
def test_a_pronoun_stands_for_a_surname_given_with_an_honorific(text: str, lang: str, opens: str) -> None:
    q = _quote(text, lang, opens)
    assert q.speaker is not None and q.speaker.via == "pronoun" and _name(q) == "Kellerman"


# ------------------------------------------------------------------ 8. French incises with an unlisted verb (#14)


def test_an_incise_with_an_unlisted_participle_and_a_description() -> None:
    text = ("Dans un communiqué, un porte-parole du parti, Karim Benali, a salué les militants.\n"
            "« Le parti fera de la ville un bastion imprenable », a menacé le porte-parole.")
    q = _quote(text, "fr", "Le parti fera")
    assert q.speaker is not None and q.speaker.text == "le porte-parole" and _name(q) == "Karim Benali"
    assert q.cue is not None and q.cue.text == "a menacé"


def test_an_incise_with_an_unlisted_verb_and_an_apposition() -> None:
    text = "« La rébellion semble toucher à sa fin », prédit un spécialiste de la région, Paul Kerr, sur son blog."
    assert _name(_quote(text, "fr", "La rébellion")) == "Paul Kerr"


def test_an_unlisted_incise_naming_no_one_leaves_the_quotation_before_speaking() -> None:
    text = ("« Nous tiendrons la ville », a déclaré Karim Benali.\n"
            "« Les habitants nous soutiennent depuis le début », a ajouté Karim Benali.\n"
            "« Rien ne changera avant l'hiver prochain », a averti un habitant.")
    assert _name(_quote(text, "fr", "Rien ne changera")) is None  # a listed verb: the description speaks
    text2 = ("« Nous tiendrons la ville », a déclaré Karim Benali, « et les habitants nous soutiennent »,"
             " a soupiré un habitant.")
    assert _name(_quote(text2, "fr", "Nous tiendrons")) == "Karim Benali"


# ------------------------------------------------------------------ 9. the person just introduced (#14)


@pytest.mark.parametrize(
    ("text", "lang", "opens"),
    [
        ('"Few patients ask to die," said Rosa Vidal, of the nurses\' union.\n'
         "Mrs Marta Kessel, who runs a hospice in Lyon, thinks the bill is useless.\n"
         '"Nobody has ever asked us for an injection in twenty years."', "en", "Nobody has"),
        ("« Peu de patients demandent à mourir », a dit Rosa Vidal, du syndicat des infirmières.\n"
         "Mme Marta Kessel, qui dirige une maison de soins à Lyon, estime que le projet est inutile.\n"
         "« Personne ne nous a jamais demandé une injection en vingt ans. »", "fr", "Personne ne"),
    ],
)
def test_an_unattributed_quotation_takes_the_person_just_introduced(text: str, lang: str, opens: str) -> None:
    """The reporter introduces someone as the subject of a sentence, then quotes
    them: the quotation is theirs, not the previous quotation's speaker's."""
    assert _name(_quote(text, lang, opens)) == "Marta Kessel"


_ORG = st.lists(st.sampled_from(["Harbour", "Lumen", "Northwind", "Safety", "Transit", "Board", "Trust"]),
                min_size=1, max_size=3, unique=True).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(_ORG, _FIRST, _LAST)
def test_it_said_names_the_organisation_of_the_sentence_before(org: str, first: str, last: str) -> None:
    """Whatever the organisation's name and a person named before it: "it
    said" stands for the organisation the sentence before opens with, never
    for the person."""
    text = (f'"We will publish the accounts in May," said {first} {last}.\n'
            f"The {org} said on Friday it was looking at the decision.\n"
            '"No change to the rules is planned before the summer," it said.')
    q = _quote(text, "en", "No change")
    assert q.speaker is not None and q.speaker.text == "it"
    assert _name(q) == org


@settings(max_examples=60, deadline=None)
@given(_FIRST, _LAST, _FIRST, _LAST)
def test_the_person_introduced_last_takes_the_unattributed_quotation(
        first: str, last: str, first2: str, last2: str) -> None:
    """Whatever the two people: an unattributed quotation after a sentence
    opening with the second is the second's."""
    if last == last2:
        last2 = last2 + "son"
    text = (f'"The budget is balanced at last," said {first} {last}.\n'
            f"Mrs {first2} {last2}, who chairs the audit board, disagrees.\n"
            '"The accounts hide a loss of two million euros this year."')
    assert _name(_quote(text, "en", "The accounts hide")) == f"{first2} {last2}"


# ------------------------------------------------------------------ cues of noting and reporting


@pytest.mark.parametrize(
    ("text", "lang", "opens", "cue", "name", "mention"),
    [
        ("Marc Aubry a constaté que la ville « n'a plus les moyens de ses ambitions ».", "fr", "n'a plus",
         "a constaté", "Marc Aubry", None),
        ("« Les frappes ont repris à l'aube sur la côte », a rapporté Nadia Karim.", "fr", "Les frappes",
         "a rapporté", "Nadia Karim", None),
        ("« La rage est mortelle si elle n'est pas soignée à temps », rappellent les deux ministères.", "fr",
         "La rage", "rappellent", None, "les deux ministères"),
        ('Okafor mentioned "a very weak compromise" in his speech on Monday.', "en", "a very weak",
         "mentioned", "Okafor", None),
    ],
)
def test_noting_and_plural_reporting_verbs_are_cues(
        text: str, lang: str, opens: str, cue: str, name: str | None, mention: str | None) -> None:
    q = _quote(text, lang, opens)
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.name == name
    if mention is not None:
        assert q.speaker.text == mention


def _inverted_verbs(lang: str) -> list[str]:
    """The language's reporting verbs that can follow a quotation before a
    name (no inverted pronoun, "a-t-il dit"; no plural, whose subject is no
    one name)."""
    plural = ("ent", "ont") if lang == "fr" else ()
    return sorted(v for v in ct.lang.get(lang).attribution.reporting_verbs
                  if "-" not in v and not v.split()[0].endswith(plural) and not v.startswith("ont "))


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_inverted_verbs("fr")), _FIRST, _LAST)
def test_every_french_reporting_verb_after_a_quotation_names_the_speaker(verb: str, first: str, last: str) -> None:
    """Whatever verb of the data: « …, » VERB Prénom Nom gives that name and that cue."""
    q = _quote(f"« Les comptes de la ville sont à l'équilibre cette année », {verb} {first} {last}.", "fr",
               "Les comptes")
    assert q.cue is not None and q.cue.text.lower() == verb
    assert _name(q) == f"{first} {last}"
