"""The records of language data: one frozen dataclass per pipeline stage.

A language (``claimtrack.lang.<code>``) fills one record per stage, each in
its own module (``numbers.py`` fills :class:`Numbers`), and assembles them
into a :class:`LanguageData`.  A stage reads only its own record
(``data.numbers.scale_words``), so a new language can be filled and tested
one stage at a time.  Every field has a default: a stage a language leaves
empty does nothing for it.

Patterns are regular-expression *fragments* (Python ``re`` syntax, matched
case-insensitively unless noted); words are plain lower-case strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Segmentation", "Furniture", "Attribution", "Names", "Numbers", "Dates", "Polarity", "Gender", "Scopes", "Words",
    "LanguageData",
]


@dataclass(frozen=True)
class Segmentation:
    """Sentence splitting: the language's non-breaking prefixes (``extract.segmentation``)."""

    abbreviations: frozenset[str] = frozenset()
    """Non-breaking prefixes added to the Moses list ("sept", "env")."""
    numeric_abbreviations: frozenset[str] = frozenset()
    """Prefixes that do not end a sentence only before a number ("no", "art")."""


@dataclass(frozen=True)
class Furniture:
    """Lines that are not article prose: credits, bylines, navigation, headings (``extract.segmentation``)."""

    furniture_patterns: tuple[tuple[str, str, str], ...] = ()
    """(regex over the whole stripped line, kind, reason)."""
    boilerplate_openers: tuple[tuple[str, str], ...] = ()
    """(regex over the whole line, reason): this line and every line after it
    are page furniture (author boxes, "Similar articles", promo blocks)."""
    heading_words: frozenset[str] = frozenset()
    """Lower-case words a short title-case line may hold in lower case and
    still be a heading ("Why the Web Is Slow?"); the union over languages is used."""
    html_block_headings: tuple[str, ...] = ()
    """Regexes over a whole short line of an HTML page (``ingest.html``): the
    heading of a block of page furniture ("Most read", "Related", "Les plus
    lus", "À lire aussi"); the line and the links after it are kept out of
    the article text.  Every language's, in language order."""
    html_boilerplate_classes: frozenset[str] = frozenset()
    """Lower-case words that, as a hyphen-separated part of an HTML element's
    ``class`` or ``id`` ("share-bar", "most-read", "lire-aussi"), mark page
    furniture: the element is kept out of the article text.  The union over
    languages is used."""


@dataclass(frozen=True)
class Attribution:
    """Who said what: reporting verbs, source phrases, speaker pronouns (``extract.attribution``)."""

    reporting_verbs: tuple[str, ...] = ()
    """Verb forms that attribute speech ("said", "told", "a déclaré", "déclare")."""
    reporting_verbs_that: tuple[str, ...] = ()
    """Complementisers after a reporting verb that make a sentence reported ("that", "que")."""
    source_prefixes: tuple[str, ...] = ()
    """Phrases that introduce a source before a clause ("according to", "selon", "pour")."""
    pronouns: dict[str, str] = field(default_factory=dict)
    """Subject pronouns that can stand for a speaker -> grammatical gender ("m"/"f"/"x")."""
    speaker_nouns: tuple[str, ...] = ()
    """Noun phrases that can stand as a (unnamed) speaker ("the company", "la société")."""
    lead_words: tuple[str, ...] = ()
    """Lower-case determiners and prepositions that may stand between a source
    prefix and the name with the titles ("Selon la maire X", "according to
    the head of X"); the union over languages is used."""
    speaker_adverbs: tuple[str, ...] = ()
    """Lower-case adverbs allowed between a speaker and the reporting verb
    ("X also said", "X a encore déclaré"); every language's, in language order."""
    inversion_patterns: tuple[str, ...] = ()
    """Regex fragments of a verb inverted before its subject pronoun, the
    pronoun following right after ("a-t-il", "déclare-t-elle");
    every language's, in language order."""
    apposition_determiners: tuple[str, ...] = ()
    """Regex fragments of the articles that open an apposition after a name
    ("X, the head of ...", "X, l'une des ..."); every language's, in language order."""
    frame_words: frozenset[str] = frozenset()
    """Lower-case function words that, with the titles, may stand around the
    speaker and verb of a sentence ending in ":" before a quotation ("Then
    Okafor said:"): such a sentence frames the quote."""
    name_abbreviations: frozenset[str] = frozenset()
    """Lower-case abbreviations whose period does not end a sentence inside a
    speaker's name ("Jr.", "Mme"); the union over languages is used.  Not
    the same set as :attr:`Names.abbreviations` ("ltd" there, "mlle" here)."""
    source_nouns: frozenset[str] = frozenset()
    """Lower-case nouns that stand for unnamed sources ("sources", "officials",
    "responsables"): after a source prefix they make the phrase an
    attribution frame ("selon des sources proches du dossier"), as a name or
    a speaker noun does; a prefix before anything else may be no attribution
    at all ("pour la première fois")."""
    quote_cues: tuple[str, ...] = ()
    """Lower-case cues that introduce a quotation without making a sentence
    ``reported`` on their own (``extract.quotes``): verbs of asking, naming
    and exclaiming ("asked", "called", "a lancé", "a jugé") and the phrases
    that stand for a verb ("in a statement", "dans un communiqué").  The
    quote finder uses them with :attr:`reporting_verbs` and :attr:`source_prefixes`."""
    description_openers: tuple[str, ...] = ()
    """Lower-case determiners that open a speaker named by description
    ("a spokesman for the ministry", "la banque", "le porte-parole du
    gouvernement"); regex fragments allowed ("l['’]")."""
    organisation_pronouns: tuple[str, ...] = ()
    """Lower-case subject pronouns that can stand for an organisation speaker:
    English "it" (a person is "he" or "she"), French "il" and "elle" (the
    gender of the organisation's noun: "le ministère ... il", "la CASA ...
    elle").  Such a pronoun resolves to the organisation that is the subject
    of its sentence or of the one before (``extract.quotes``)."""
    document_nouns: frozenset[str] = frozenset()
    """Lower-case head nouns of the documents an organisation speaks through
    ("the press release said", "selon le communiqué"): such a description
    stands for the organisation named as its subject just before, as an
    organisation pronoun does (``extract.quotes``)."""
    incise_auxiliaries: frozenset[str] = frozenset()
    """Lower-case auxiliaries of a compound tense that may open an inverted
    attribution after a quotation with a verb the data does not list
    (French ``« … », a menacé le porte-parole``): the auxiliary, the
    participle, then the speaker (``extract.quotes``)."""
    agent_words: tuple[str, ...] = ()
    """Lower-case words that introduce the agent of a passive reporting verb
    ("the agency was told by X", "a été dit par X"): the speaker is the
    phrase after them (``extract.quotes``)."""


@dataclass(frozen=True)
class Names:
    """Entities and speakers' names: what is a name, what an entity key keeps (``extract.entities``)."""

    titles: frozenset[str] = frozenset()
    """Lower-case words that are titles or roles, stripped from speaker names."""
    name_particles: frozenset[str] = frozenset()
    """Lower-case particles allowed inside a name ("de", "van", "von")."""
    not_name_words: frozenset[str] = frozenset()
    """Lower-case function words: a capitalised one is not a name ("The",
    "Selon"), and they are stripped from the front of a speaker's name."""
    org_words: frozenset[str] = frozenset()
    """Lower-case words that mark an organisation name ("foundation", "inc")."""
    legal_suffixes: frozenset[str] = frozenset()
    """Lower-case legal-form suffixes dropped from entity keys ("inc", "corp", "sa")."""
    entity_words: dict[str, str] = field(default_factory=dict)
    """Words inside names mapped to one cross-language form in entity keys
    ("fondation" -> "foundation"), so "Fondation Linux" keys like "Linux Foundation"."""
    determiners: frozenset[str] = frozenset()
    """Articles and demonstratives: stripped from the front of a name wherever
    it stands ("The Linux Foundation"), while other capitalised function words
    are stripped only at a sentence start ("New research" but "in New York")."""
    name_links: frozenset[str] = frozenset()
    """Lower-case words that join the parts of a name ("Bank of England",
    "Athletico de Kolkata", "Marks and Spencer"): a text holding the name's
    other words holds the name, and acronyms skip them ("BoE")."""
    definite_articles: frozenset[str] = frozenset()
    """Definite articles dropped from the front of an entity key, so "The
    Linux Foundation" and "Linux Foundation" key alike (not "a": "A Coruña")."""
    entity_aliases: dict[str, str] = field(default_factory=dict)
    """Whole names (as written, any case) -> the English name they stand for:
    acronyms and multi-word names that word mapping cannot reach ("U.S.",
    "États-Unis" -> "United States").  Compared by their keys."""
    abbreviations: frozenset[str] = frozenset()
    """Lower-case abbreviations whose period does not end a run of capitalised
    words ("Acme Inc. Labs", "Dr. Okafor"); the union over languages is used."""
    dotted_suffixes: tuple[str, ...] = ()
    """Name endings, as written, whose final period belongs to the name
    ("Acme Inc."); every language's, in language order."""
    roman_ordinal_suffixes: tuple[str, ...] = ()
    """Endings that make a capitalised Roman numeral an ordinal ("XIVe", "Ire"):
    such a word alone is not a name; every language's, in language order."""
    possessive_suffixes: tuple[str, ...] = ()
    """Regex fragments of a possessive ending dropped before comparing names
    ("Meta's" is "Meta"); every language's, in language order."""
    honorifics: frozenset[str] = frozenset()
    """Lower-case courtesy titles and offices written before a person's name
    ("dr", "dre", "prof", "mme", "president"): dropped from the front of an
    entity key, so "Dre Anne Roy" and "Anne Roy" key alike; the union over
    languages is used.  Not every title: "General Motors" keeps its "General"."""
    org_joiners: frozenset[str] = frozenset()
    """Lower-case prepositions that join an organisation word to the rest of
    its name ("University of California", "Institute for Fiscal Studies",
    "Banque de la France"); a definite article may follow one ("Bank of the
    West").  Only after a word of :attr:`org_words`."""
    org_adjective_endings: tuple[str, ...] = ()
    """Endings of the lower-case adjectives that may follow an organisation
    word inside its name, in languages that capitalise only the first word of
    such a name ("Banque centrale européenne", "Organisation mondiale de la
    santé"); with them, one lower-case complement after a joiner ("de la
    santé") belongs to the name too.  Empty: the language capitalises every
    word of a name, and a lower-case word ends it."""


@dataclass(frozen=True)
class Numbers:
    """Figures, number words, qualifiers and counted nouns (``extract.quantities``, the number check)."""

    qualifiers: tuple[tuple[str, str], ...] = ()
    """(regex placed right before a number, qualifier name)."""
    scale_words: dict[str, int] = field(default_factory=dict)
    """Scale words after a digit figure: "thousand" -> 1000, "milliards" -> 10**9."""
    percent_words: tuple[str, ...] = ()
    """Words meaning per cent after a number ("percent", "pour cent")."""
    number_words: frozenset[str] = frozenset()
    """Lower-case words that can start a spelled-out number ("two", "deux")."""
    currency_words: dict[str, str] = field(default_factory=dict)
    """Currency symbols/words -> ISO code.  Entries with a non-letter character
    ("$", "us$", "€") may also stand before the figure."""
    number_word_joiners: tuple[str, ...] = ()
    """Words joining the parts of a spelled-out number ("and", "et")."""
    range_words: tuple[str, ...] = ()
    """Words between the two numbers of a range or an alternative ("11 or 12
    years", "onze ou douze ans"): a lone number word before one counts with
    the counted noun after the second number."""
    approximate_numbers: tuple[tuple[str, int, str], ...] = ()
    """Nouns that state a round number loosely, as (pattern, value, qualifier):
    "une cinquantaine" (about 50), "des centaines" / "hundreds" (more than
    100), "a dozen" (about 12).  The pattern includes its determiner; the
    counted noun follows as after a scale word ("de mètres", "of people")."""
    ordinal_words: dict[str, int] = field(default_factory=dict)
    """Spelled-out ordinals ("first", "première"): a text holding one states
    that value in words ("No. 1" / "la première place"); used by drift."""
    pair_words: tuple[str, ...] = ()
    """Words that mean "the two" without a number ("both"): a text holding
    one states the value 2 (used by drift, not extracted as a quantity)."""
    article_number_words: frozenset[str] = frozenset()
    """Number words that double as an article or pronoun ("one", "un", "une"):
    on their own they count only right after a qualifier ("more than one")."""
    reference_words: tuple[str, ...] = ()
    """Regex fragments of the words that name a numbered part of a text
    ("Article", "Art.", "section", "§", "alinéa", "n°"): a figure right after
    one is a label ("Art. 46b", "l'article 49.3"), not an amount, so it is no
    quantity (on either side of a translation)."""
    ordinal_suffixes: tuple[str, ...] = ()
    """Regex fragments glued to digits that make an ordinal ("th", "e", "er")."""
    unit_linkers: tuple[str, ...] = ()
    """Regex fragments between a scale word and its noun or currency
    ("millions of users", "2,4 milliards d'euros")."""
    unit_modifiers: tuple[str, ...] = ()
    """Lower-case words skipped between a number and its counted noun
    ("cinq dernières années" -> 'années')."""
    unit_stopwords: frozenset[str] = frozenset()
    """Lower-case function words that are never the counted noun after a number."""
    fallback_number_locale: str = "en_US"
    """Babel locale whose figure formats also occur in this language's texts:
    an unambiguous figure in it ("2,400" with three digits after the comma)
    is read that way when the language's own reading would differ."""
    clock_separators: tuple[str, ...] = ()
    """Characters between the hours and minutes of a clock time ("15:30",
    "15h30"); the number check reads every language's."""
    hour_words: tuple[str, ...] = ()
    """Regex fragments after a whole number of hours that make it a clock time
    ("15 heures", "23 h": 15:00, 23:00); every language's, in language order."""
    post_qualifiers: tuple[tuple[str, str], ...] = ()
    """(regex placed right after the counted noun, qualifier name): a bound the
    language may state after the figure and its noun ("70 personnes environ",
    "quatre blessés au moins", "a hundred metres or so")."""
    clock_suffixes: tuple[str, ...] = ()
    """Regex fragments after a clock time that tell the half of the day, the
    afternoon one starting with "p" ("8:30 p.m."); every language's, in language order."""
    decade_suffixes: tuple[str, ...] = ()
    """Regex fragments after a year ending in 0 that make it a decade ("1980s"),
    which the other language may write in its short form ("les années 80");
    the number check reads every language's."""
    roman_ordinal_suffixes: tuple[str, ...] = ()
    """Regex fragments that make a Roman numeral an ordinal number ("XIVe",
    "Ier"); the number check reads every language's, in language order."""
    ordinal_nouns: tuple[str, ...] = ()
    """Nouns after a one-letter Roman ordinal that make it a number ("Ve siècle");
    every language's, in language order."""


@dataclass(frozen=True)
class Dates:
    """Month and weekday names, date words and relative dates (``extract.dates``)."""

    months: dict[str, int] = field(default_factory=dict)
    """Month names and abbreviations (lower case, no dot) -> month number."""
    date_noise: tuple[str, ...] = ()
    """Words removed before handing a date span to dateparser ("dernier")."""
    capitalized_months: bool = False
    """Month names are written with a capital ("May", not "may"): a lower-case
    month word is not a month (English "may" is a verb)."""
    weekdays: frozenset[str] = frozenset()
    """Weekday names and abbreviations (lower case, no dot), kept in a date span."""
    date_orders: tuple[str, ...] = ("dmy",)
    """Orders of written dates with a month name: "dmy" (12 September 2022),
    "mdy" (September 12, 2022).  Numeric dates follow the babel locale."""
    date_prepositions: tuple[str, ...] = ()
    """Regex fragments that make a bare month name or a bare year a date
    when placed right before it ("in 2016", "en janvier")."""
    date_modifiers: tuple[tuple[str, str, str], ...] = ()
    """(regex, "before"|"after", "past"|"future"): words anchoring a date
    without a year ("last September", "le 12 septembre dernier")."""
    relative_dates: tuple[tuple[str, str, int], ...] = ()
    """(regex, "day"|"month"|"year", offset) for fixed relative expressions
    ("yesterday" -> ("day", -1), "l'an dernier" -> ("year", -1))."""
    relative_patterns: tuple[str, ...] = ()
    """Regex fragments for relative expressions that dateparser interprets
    against the publication date ("three weeks ago", "il y a deux ans")."""
    day_joiners: tuple[str, ...] = ()
    """Regex fragments joining the days of one month ("the 1st and 8th of
    January" as "January 1st and 8th", "les 1er et 8 janvier", "du 8 au 28
    octobre", "between 8 and 28 October"): each day so joined to a written
    date is a date of that month and year.  Commas join days too, but only in
    a list that one of these closes ("3, 4 and 5 May")."""
    calendar_modifiers: frozenset[str] = frozenset()
    """Folded words that place a date inside a period ("mid", "early", "début"):
    with month and weekday names they are no entity; the union over languages is used."""


@dataclass(frozen=True)
class Polarity:
    """Negation, modality and hedging (the negation and modality checks)."""

    negations: tuple[str, ...] = ()
    """Regex fragments marking negation ("not", "ne ... pas")."""
    negation_exceptions: tuple[str, ...] = ()
    """Regex fragments that contain a negation word but do not negate the
    claim ("no doubt", "sans doute"): matched first, and a
    negation inside them is ignored."""
    negation_nouns: tuple[str, ...] = ()
    """Regex fragments of a negation word used as a noun, after a determiner
    or a quantifier ("à quelques pas du port", "un pas"): masked like the
    exceptions."""
    restrictives: tuple[str, ...] = ()
    """Regex fragments of restrictive constructions built with negation words
    that mean "only" ("ne ... que", "ne ... plus que": "il n'en reste plus
    que deux"): not negations (masked like the exceptions), and each one is
    a restriction (below)."""
    restriction_words: tuple[str, ...] = ()
    """Regex fragments that state a restriction or a limit without a negation
    ("only", "just", "until", "seulement", "jusqu'à")."""
    limit_negations: tuple[str, ...] = ()
    """Regex fragments of a negation that, with a limit, states a restriction
    ("not ... until": "is not planned until 2014" is "is planned only for
    2014"; "tant que ... ne ... pas": "until"): a negation marker inside one
    pairs with a restriction (a restrictive construction or a restriction
    word) of the other side instead of being reported."""
    scope_continuations: tuple[str, ...] = ()
    """Regex fragments of the negation words that continue a negation already
    open in the same sentence ("ni", "nor": "sans le lieu ni l'heure",
    "ne ... aucune ... ni de"): after another marker of the sentence they
    are part of its scope, not a negation of their own."""
    lexical_negations: tuple[str, ...] = ()
    """Regex fragments of a negation that makes one word's negative, like a
    prefix ("non résidents", "non-profit", "sans précédent", "without
    power"), with a named group ``head`` for that word: when the head is
    not a function word (``Words.function_words``) the marker is lexical.
    Translations render these by an affix as often as by a negation
    ("uninjured" / "non blessés"), so a lexical marker pairs with a negation
    of the other side left unpaired but is never reported on its own."""
    negative_prefixes: tuple[str, ...] = ()
    """Prefixes that make a word's negative ("un", "in", "dis"; "in",
    "im", "mal"), lower case, as written: a negation the other side leaves unpaired is rendered by
    such a word when what follows the prefix translates the negated word
    ("was not known" / "reste inconnue": "connue" is "known"; the
    encoder's cosine at least ``DriftConfig.affix_match``)."""
    focus_negations: tuple[str, ...] = ()
    """Regex fragments of a negated focus word ("not only", "not just", "pas
    seulement", "n'est plus uniquement"): it adds ("not only X but Y")
    rather than denies.  Like a lexical negation it pairs with a negation of
    the other side left unpaired ("not just a tax" / "il ne s'agit pas
    simplement d'une taxe") and is never reported on its own."""
    modals: dict[str, str] = field(default_factory=dict)
    """Regex fragment -> modality class ("future", "possibility", "obligation")."""
    modal_readings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """A modality class, or a regex fragment of modal words, -> the other
    classes it may render in another language (the French conditional is
    also the future of a past context and a reported possibility; "should"
    and "devrait" are also forecasts).  Used across languages only."""
    modal_exceptions: frozenset[str] = frozenset()
    """Lower-case words that a ``modals`` fragment matches but that are not
    modal ("extrait", "portrait" for the French conditional ending)."""
    hedges: tuple[str, ...] = ()
    """Regex fragments that weaken a claim ("reportedly", "apparemment")."""


@dataclass(frozen=True)
class Gender:
    """Words that tell a person's gender (the pronoun check)."""

    gendered_words: dict[str, str] = field(default_factory=dict)
    """Lower-case words that tell the gender of the person they refer to
    ("he"/"him"/"his" -> "m", "elle" -> "f"); pronoun drift compares them."""
    dependent_gender_words: frozenset[str] = frozenset()
    """The ``gendered_words`` that are weak evidence of one person's gender:
    object, possessive and emphatic pronouns ("him", "her", "his",
    "elle-même"), which often refer to another person than the subject or
    (French "elle-même") to a thing, and plural nouns ("men", "femmes"),
    which describe groups, often generically ("women painters").  Pronoun
    drift across languages does not compare them."""
    name_markers: dict[str, str] = field(default_factory=dict)
    """Lower-case words that, standing right before a person's name, tell the
    gender the article refers to the person with, beyond :attr:`gendered_words`
    ("la" in "la maire Elena Marchetti", "spokeswoman"); a quotation's
    pronoun ("a-t-elle ajouté") resolves to the nearest person named before it
    whose gender does not contradict the pronoun's (``extract.quotes``)."""
    impersonal_patterns: tuple[str, ...] = ()
    """Regex fragments of impersonal constructions that open with a gendered
    pronoun ("il y a", "il faut", "il est évident que") and of set phrases
    holding a gendered noun ("droits de l'homme"): the gendered words inside
    stand for no one."""


@dataclass(frozen=True)
class Scopes:
    """Time scopes and sub-sentence chunks (the date check; omission and addition)."""

    time_scopes: tuple[tuple[str, str], ...] = ()
    """(regex, kind) of phrases that bound the period a claim covers: kind is
    "since" ("since its launch in 2016", "depuis 2016"), "last" ("over the
    last five years", "ces cinq dernières années") or "range" ("from August
    2021 through August 2022", "d'août 2021 à août 2022").  The numbers and
    years inside the phrase are its values."""
    time_scope_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Kind of time scope -> regex fragments (whole words) that can open one
    ("since": "since", "depuis").  A scope with no year or number in it
    ("since the start") is not reported as missing when the other side
    holds one of its kind's words: it may be there in words the patterns
    do not know ("depuis la rentrée").  A "range" always holds years, so it
    needs no words here."""
    clause_markers: tuple[str, ...] = ()
    """Regex fragments (whole words) that open a sub-sentence chunk: relative
    pronouns and conjunctions ("which", "where", "and", "qui", "où", "et").
    Omission/addition detection splits at them and at , ; : ( ) and dashes."""
    chunk_stopwords: frozenset[str] = frozenset()
    """Lower-case function words that, with :attr:`Numbers.unit_stopwords`, are
    not content words of a chunk: omission and addition look past them."""


@dataclass(frozen=True)
class Words:
    """Word-level facts for language identification and the divergence score."""

    common_words: frozenset[str] = frozenset()
    """Frequent lower-case function words: language identification counts
    them, per language, to tell one language from another."""
    elisions: frozenset[str] = frozenset()
    """Lower-case words that lose their vowel before an apostrophe and lean on
    the next word ("l'", "qu'", "jusqu'"): the word test reads "l'ASUS" as
    "ASUS", but keeps "aujourd'hui" whole."""
    function_words: frozenset[str] = frozenset()
    """Lower-case closed-class words (articles, pronouns, prepositions,
    conjunctions, auxiliaries, frequent adverbs) that carry no content of
    their own: the divergence score's word test (``unmatched``) looks for a
    counterpart of every *other* word only.  Contractions are listed as
    written, with a straight apostrophe ("doesn't")."""


@dataclass(frozen=True)
class LanguageData:
    """Everything claimtrack knows about one language: its codes, then one record per stage."""

    code: str
    """ISO 639-1 code, the name of the language's package ("en")."""
    name: str
    """English name of the language ("French")."""
    babel_locale: str
    """Babel locale of the language's figures and dates ("fr_FR")."""
    segmentation: Segmentation = field(default_factory=Segmentation)
    furniture: Furniture = field(default_factory=Furniture)
    attribution: Attribution = field(default_factory=Attribution)
    names: Names = field(default_factory=Names)
    numbers: Numbers = field(default_factory=Numbers)
    dates: Dates = field(default_factory=Dates)
    polarity: Polarity = field(default_factory=Polarity)
    gender: Gender = field(default_factory=Gender)
    scopes: Scopes = field(default_factory=Scopes)
    words: Words = field(default_factory=Words)
    relative_length: float = 1.0
    """Characters this language takes to say what English says in one (French
    about 1.12: 1.16 on Tatoeba fr-eng, 1.09 on the OpenSubtitles pairs of
    Vyas et al.).  The divergence score compares lengths after dividing by it."""
