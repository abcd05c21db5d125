"""English data for the words stage (:class:`claimtrack.lang.schema.Words`)."""

from __future__ import annotations

from ..schema import Words

STOP_WORDS: frozenset[str] = frozenset({
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
})
"""The stop words: frequent function words, a capitalised one no name.
One set serves several stages (:attr:`Words.common_words`,
:attr:`Names.not_name_words`, :attr:`Furniture.heading_words`,
:attr:`Scopes.chunk_stopwords`), each of which may part from it."""

WORDS = Words(
    common_words=STOP_WORDS,
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
)
