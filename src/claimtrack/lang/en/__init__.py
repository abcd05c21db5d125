"""English language data."""

from __future__ import annotations

from .. import LanguageData

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

DATA = LanguageData(
    code="en",
    name="English",
    babel_locale="en_US",
    abbreviations=frozenset({
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Corp", "Inc", "Ltd", "Co", "Bros", "approx", "est", "vs", "etc",
    }),
    numeric_abbreviations=frozenset({"No", "Nos", "Art", "pp", "p"}),
    furniture_patterns=(
        (r"(image|photo|picture|illustration|credit|credits|photo credit)s?\s*:.*", "credit", "image or photo credit"),
        (r"source\s*:\s*(https?://|www\.)\S*", "link", "source URL line"),
        (r"(https?://|www\.)\S+", "link", "bare URL"),
        (r"(updated|published|posted|last updated)\b.{0,40}\d.*", "dateline", "update/publication dateline"),
        (r"(by\s+)?[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*[|/·•]\s*.*\d{4}", "byline", "byline: author name and date"),
        (r"by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}", "byline", "byline"),
        (r".*\bsubscribe\b.*\b(youtube|newsletter|channel|podcast)\b.*", "boilerplate", "subscription prompt"),
        (r"(subscribe|sign up|follow us|share this|share on|like us|join us)\b.*", "boilerplate", "share/subscribe prompt"),
        (r"join (our|the) (community|newsletter|mailing list)\b.*", "boilerplate", "community/newsletter prompt"),
        (r"\[?click (on|here)\b.*", "caption", "click-through prompt or image caption"),
        (r"(read more|related|related articles?|see also|more from|tags?|categories|filed under)\s*:?.*", "navigation", "navigation or category list"),
        (r"created with sketch\.?", "boilerplate", "SVG export residue"),
        (r"(advertisement|sponsored|sponsored content)", "boilerplate", "advertising label"),
        (r"(thank you|thanks for reading)[.!]?", "boilerplate", "sign-off"),
        (r"breaking news", "heading", "section label"),
        (r"all rights reserved.*|©.*|copyright\b.*", "boilerplate", "copyright notice"),
    ),
    boilerplate_openers=(
        (r"about the authors?", "author box"),
        (r"(similar|related|recommended|more|popular) (articles|posts|stories|reading)", "related-articles block"),
        (r"browse categories", "category navigation"),
        (r"a message from\b.*:?", "promotional message"),
        (r"(leave a|post a) (comment|reply)", "comment form"),
        (r"share this (article|story|post)", "share block"),
    ),
    reporting_verbs=(
        "said", "says", "say", "told", "tells", "noted", "notes", "added", "adds", "explained", "explains",
        "stated", "states", "wrote", "writes", "announced", "announces", "declared", "declares",
        "claimed", "claims", "argued", "argues", "insisted", "insists", "remarked", "remarks",
        "commented", "comments", "observed", "observes", "continued", "continues", "emphasized",
        "emphasised", "stressed", "warned", "warns", "recalled", "acknowledged", "admitted",
        "asserted", "confirmed", "confirms", "reported", "reports", "tweeted", "posted",
    ),
    reporting_verbs_that=("that",),
    source_prefixes=("according to", "as reported by", "in the words of", "per"),
    pronouns={"he": "m", "she": "f", "they": "x"},
    determiners=frozenset({"the", "a", "an", "this", "that", "these", "those"}),
    name_links=frozenset({"of", "the", "and", "&"}),
    definite_articles=frozenset({"the"}),
    entity_aliases={"U.S.": "United States", "US": "United States", "USA": "United States",
                    "U.S.A.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
                    "Britain": "United Kingdom", "EU": "European Union", "UN": "United Nations",
                    "U.N.": "United Nations"},
    titles=frozenset({
        "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
        "president", "vice", "chief", "executive", "officer", "director", "ceo", "cto", "cfo", "coo",
        "founder", "co-founder", "cofounder", "chairman", "chairwoman", "chair", "head", "lead",
        "leader", "maintainer", "manager", "senior", "principal", "analyst", "researcher", "editor",
        "engineer", "minister", "secretary", "general", "senator", "governor", "spokesperson",
        "spokesman", "spokeswoman", "deputy", "member", "partner", "scientist", "creator", "co-creator",
        "mayor", "premier", "prime", "chancellor", "king", "queen", "judge", "justice", "commissioner",
        "ambassador", "councillor", "councilor", "captain", "colonel", "lieutenant", "rev", "reverend",
        "superintendent", "inspector", "detective", "coach", "economist", "strategist", "founding",
    }),
    name_particles=frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin", "al"}),
    stopwords=frozenset({
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "it's", "he", "she", "they",
        "we", "i", "you", "our", "their", "his", "her", "my", "your", "in", "on", "at", "of", "for",
        "from", "to", "by", "with", "as", "and", "or", "but", "if", "when", "while", "since", "after",
        "before", "during", "under", "over", "about", "into", "through", "today", "yesterday",
        "tomorrow", "now", "then", "there", "here", "so", "such", "also", "however", "moreover",
        "finally", "meanwhile", "most", "many", "some", "all", "each", "every", "no", "not", "one",
        "two", "three", "new", "more", "less", "what", "who", "which", "where", "why", "how",
        "just", "even", "still", "yet", "already", "obviously", "honestly", "together", "working",
        "key", "users", "projects", "companies", "open", "welcome", "yeah", "originally", "speaking",
        "going", "keeping", "simultaneously", "while", "although", "because", "once", "though",
    }),
    org_words=frozenset({
        "foundation", "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group",
        "services", "platforms", "technologies", "labs", "university", "institute", "association",
        "agency", "ministry", "department", "council", "commission", "bank", "news", "research",
        "cloud", "azure", "systems", "networks", "partners", "holdings",
    }),
    legal_suffixes=frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa", "sas"}),
    speaker_nouns=("the company", "the firm", "the team", "the foundation", "the group", "the ministry",
                   "the government", "the spokesperson", "a spokesperson", "the authors", "the report"),
    qualifiers=(
        (r"more\s+than|over|above|upwards\s+of|in\s+excess\s+of|north\s+of", "more_than"),
        (r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of", "at_least"),
        (r"about|around|approximately|roughly|some|circa|an\s+estimated|approx\.?|in\s+the\s+region\s+of"
         r"|(?:of|on)\s+the\s+order\s+of|~", "about"),
        (r"nearly|almost|close\s+to|just\s+(?:under|shy\s+of|below)", "nearly"),
        (r"at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of", "at_most"),
        (r"less\s+than|fewer\s+than|under|below", "less_than"),
        # "just 5" means "only 5", not a bound: deliberately not a qualifier.
        (r"exactly|precisely", "exactly"),
    ),
    scale_words={
        "thousand": 10**3, "k": 10**3, "million": 10**6, "millions": 10**6, "m": 10**6, "mn": 10**6,
        "billion": 10**9, "billions": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12,
    },
    percent_words=("percent", "per cent", "percentage points", "pct"),
    number_words=frozenset({
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "thousand", "million", "billion", "trillion",
    }),
    currency_words={"$": "USD", "us$": "USD", "dollars": "USD", "dollar": "USD", "€": "EUR", "euros": "EUR",
                    "euro": "EUR", "£": "GBP", "pounds": "GBP"},
    number_word_joiners=("and",),
    range_words=("or", "to"),
    approximate_numbers=(
        # the longer phrases first: the first alternative that matches wins
        (r"(?:several\s+)?hundreds\s+of\s+thousands", 100_000, "more_than"),
        (r"(?:several\s+)?tens\s+of\s+thousands", 10_000, "more_than"),
        (r"a\s+dozen", 12, "about"), (r"a\s+hundred\s+or\s+so", 100, "about"),
        (r"(?:several\s+)?dozens", 12, "more_than"), (r"(?:several\s+)?hundreds", 100, "more_than"),
        (r"(?:several\s+)?thousands", 1000, "more_than"),
    ),
    pair_words=("both",),
    ordinal_words={"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                   "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                   "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                   "nineteenth": 19, "twentieth": 20},
    article_number_words=frozenset({"one"}),
    ordinal_suffixes=("st", "nd", "rd", "th"),
    unit_linkers=(r"of",),
    unit_modifiers=(
        "other", "more", "new", "additional", "different", "major", "key", "top", "main", "largest",
        "biggest", "last", "first", "next", "past", "previous", "consecutive", "straight", "full",
    ),
    unit_stopwords=frozenset({
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
        "you", "him", "them", "us", "me", "our", "their", "his", "her", "my", "your", "of", "in", "on",
        "at", "for", "from", "to", "by", "with", "as", "and", "or", "but", "nor", "if", "than", "then",
        "so", "such", "also", "too", "very", "more", "less", "most", "least", "over", "under", "about",
        "around", "per", "each", "every", "all", "some", "any", "no", "not", "is", "are", "was", "were",
        "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "can",
        "could", "may", "might", "must", "should", "shall", "which", "who", "whom", "whose", "what",
        "where", "when", "why", "how", "there", "here", "up", "down", "out", "off", "into", "onto",
        "through", "during", "before", "after", "since", "until", "while", "because", "vs", "versus",
        "via", "plus", "minus", "times", "overall", "respectively", "only", "just", "even", "still",
        "yet", "already", "ago", "later", "earlier", "or", "either", "both", "among", "between",
    }),
    months=_MONTHS,
    capitalized_months=True,
    weekdays=frozenset({
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thurs",
        "friday", "fri", "saturday", "sat", "sunday", "sun",
    }),
    date_orders=("mdy", "dmy"),
    date_noise=("last", "this past", "past", "next", "this coming", "coming"),
    date_prepositions=(
        # not "to", "and", "of": "to May", "and May" are as often the name as the month
        r"in", r"since", r"until", r"till", r"by", r"from", r"through", r"during", r"before",
        r"after", r"as\s+of", r"early", r"late", r"mid(?:\s?-)?",
    ),
    date_modifiers=(
        (r"last|this\s+past|past", "before", "past"),
        (r"next|this\s+coming|coming", "before", "future"),
    ),
    relative_dates=(
        (r"today", "day", 0),
        (r"yesterday", "day", -1),
        (r"tomorrow", "day", 1),
        (r"last\s+year", "year", -1),
        (r"this\s+year", "year", 0),
        (r"next\s+year", "year", 1),
        (r"last\s+month", "month", -1),
        (r"this\s+month", "month", 0),
        (r"next\s+month", "month", 1),
    ),
    relative_patterns=(
        r"(?:[0-9]{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
        r"(?:days?|weeks?|months?|years?)\s+ago",
    ),
    negations=(
        r"not", r"\w*n[’']t", r"never", r"no", r"none", r"nobody", r"nothing", r"neither", r"nor",
        r"without", r"no\s+longer", r"cannot", r"nowhere", r"no\s+one",
        r"fail(?:s|ed|ing)?\s+to", r"unable\s+to",
    ),
    negation_exceptions=(
        r"not\s+only", r"no\s+doubt", r"if\s+not", r"whether\s+or\s+not", r"not\s+least",
        r"nothing\s+but", r"no\s+sooner", r"none\s+other", r"no\s+(?:less|fewer|more)\s+than",
        r"not\s+(?:less|fewer|more)\s+than",
        r"no\.\s*\d+",  # "No. 1": a rank, not a negation
    ),
    modals={
        r"will|shall|won[’']t|['’]ll|is\s+going\s+to|are\s+going\s+to|am\s+going\s+to": "future",
        r"may|might|could|can|cannot|can[’']t|possibly|perhaps": "possibility",
        r"must|have\s+to|has\s+to|need\s+to|needs\s+to|should|ought\s+to": "obligation",
        r"would": "conditional",
    },
    hedges=(r"reportedly", r"allegedly", r"apparently", r"seems?\s+to", r"appears?\s+to", r"probably"),
    gendered_words={
        "he": "m", "him": "m", "his": "m", "himself": "m",
        "she": "f", "her": "f", "hers": "f", "herself": "f",
        "man": "m", "men": "m", "woman": "f", "women": "f", "boy": "m", "girl": "f",
        "mr": "m", "mrs": "f", "ms": "f", "father": "m", "mother": "f", "son": "m", "daughter": "f",
        "brother": "m", "sister": "f", "husband": "m", "wife": "f", "king": "m", "queen": "f",
    },
    dependent_gender_words=frozenset({"him", "his", "her", "hers", "himself", "herself", "men", "women"}),
    time_scopes=(
        (r"since\s+(?:(?:its|their|the|his|her)\s+)?(?:(?:launch|creation|inception|founding|start|beginning)\s+)?"
         r"(?:in\s+)?\d{4}|since\s+(?:its|their|the)\s+(?:launch|creation|inception|founding|start)", "since"),
        (r"(?:over|in|during|for)\s+the\s+(?:last|past)\s+(?:\w+\s+)?(?:few\s+)?(?:years?|months?|weeks?|days?|decades?)"
         r"|(?:the\s+)?(?:last|past)\s+(?:\w+\s+)(?:years?|months?|weeks?|decades?)", "last"),
        (r"from\s+(?:\w+\s+)?\d{4}\s+(?:through|to|until|till)\s+(?:\w+\s+)?\d{4}"
         r"|between\s+(?:\w+\s+)?\d{4}\s+and\s+(?:\w+\s+)?\d{4}", "range"),
    ),
    time_scope_words={"since": (r"since",), "last": (r"last", r"past")},
    function_words=frozenset("""
        a an the this that these those some any each every either neither both all such own other another
        i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
        one ones oneself himself herself itself themselves myself ourselves yourself yourselves
        who whom whose which what whatever whoever where when why how whether there here
        of in on at by for with without from to into onto upon out off over under about above below
        across after against along among amongst around before behind beside besides between beyond
        during except inside near outside per since than through throughout till toward towards
        until via within and or but nor so yet if unless because although though while whereas as
        be am is are was were been being have has had having do does did done doing will would shall
        should can could may might must ought not no nor never also too very just only even still
        already again ever then thus hence therefore however moreover furthermore indeed rather quite
        almost more most less least much many few several such same else instead
        others well including perhaps maybe according cannot
        doesn't don't didn't isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't
        shouldn't mustn't needn't ain't it's that's there's here's he's she's they're we're you're i'm i've
        we've they've you've i'll we'll they'll you'll he'll she'll it'll i'd we'd they'd you'd he'd she'd
        let's who's what's where's how's
    """.split()),
    clause_markers=(
        r"which", r"who", r"whom", r"whose", r"where", r"while", r"whereas", r"because", r"although",
        r"though", r"when", r"and", r"but", r"or", r"so\s+that", r"including", r"such\s+as", r"after",
        r"before", r"since", r"until", r"if", r"unless", r"as",
    ),
)
