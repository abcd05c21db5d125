"""English data for the numbers stage (:class:`claimtrack.lang.schema.Numbers`)."""

from __future__ import annotations

from ..schema import Numbers

NUMBERS = Numbers(
    qualifiers=(
        (r"more\s+than|over|above|upwards\s+of|in\s+excess\s+of|north\s+of", "more_than"),
        (r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of", "at_least"),
        (r"about|around|approximately|roughly|some|circa|an\s+estimated|approx\.?|in\s+the\s+region\s+of"
         r"|(?:of|on)\s+the\s+order\s+of|~", "about"),
        (r"nearly|almost|close\s+to|just\s+(?:under|shy\s+of|below)", "nearly"),
        # a negated "exceed" states the bound: "may not exceed 93.6 g" is "at most 93.6 g"
        (r"at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of"
         r"|(?:not|never|n[’']t)\s+(?:to\s+)?(?:exceed|surpass|top)(?:s|ed|ing)?", "at_most"),
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
        (r"(?:several\s+)?dozens", 12, "more_than"), (r"(?:several|a\s+few)\s+dozen", 12, "more_than"),
        (r"(?:several\s+)?hundreds", 100, "more_than"),
        (r"(?:several\s+)?thousands", 1000, "more_than"),
    ),
    ordinal_words={"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                   "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                   "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                   "nineteenth": 19, "twentieth": 20},
    pair_words=("both",),
    article_number_words=frozenset({"one"}),
    reference_words=(r"articles?", r"arts?\.", r"sections?", r"§+", r"paragraphs?", r"paras?\.", r"clauses?",
                     r"chapters?", r"ch\.", r"annex(?:es)?", r"appendix", r"nos?\."),
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
    clock_separators=(":",),
    hour_words=(r"o['’]clock",),
    # "a hundred metres or so", "four people at least": the bound after the noun
    post_qualifiers=((r"or\s+so", "about"), (r"at\s+least", "at_least"), (r"at\s+most", "at_most"),
                     (r"or\s+more", "at_least")),
    clock_suffixes=(r"[ap]\.?\s?m\.?",),
    decade_suffixes=(r"s",),  # "the 1980s"
)
