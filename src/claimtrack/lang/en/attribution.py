"""English data for the attribution stage (:class:`claimtrack.lang.schema.Attribution`)."""

from __future__ import annotations

from ..schema import Attribution
from .words import STOP_WORDS

ATTRIBUTION = Attribution(
    reporting_verbs=(
        "said", "says", "say", "told", "tells", "noted", "notes", "added", "adds", "explained", "explains",
        "stated", "states", "wrote", "writes", "announced", "announces", "declared", "declares",
        "claimed", "claims", "argued", "argues", "insisted", "insists", "remarked", "remarks",
        "commented", "comments", "observed", "observes", "continued", "continues", "emphasized",
        "emphasised", "stressed", "warned", "warns", "recalled", "acknowledged", "admitted",
        "asserted", "confirmed", "confirms", "reported", "reports", "tweeted", "posted",
        "concluded", "concludes", "recounted", "recounts", "mentioned", "mentions",
    ),
    reporting_verbs_that=("that",),
    source_prefixes=("according to", "as reported by", "in the words of", "per"),
    pronouns={"he": "m", "she": "f", "they": "x"},
    speaker_nouns=("the company", "the firm", "the team", "the foundation", "the group", "the ministry",
                   "the government", "the spokesperson", "a spokesperson", "the authors", "the report"),
    lead_words=("the", "of"),
    speaker_adverbs=("also", "then", "later", "further"),
    inversion_patterns=(),
    apposition_determiners=("a", "an", "the"),
    frame_words=STOP_WORDS,
    source_nouns=frozenset({"sources", "officials", "official", "people", "experts", "analysts", "witnesses", "diplomats", "insiders", "residents", "police", "authorities", "observers", "reports", "estimates", "figures", "data", "polls"}),
    quote_cues=(
        "asked", "asks", "replied", "replies", "answered", "called", "calls", "described", "describes",
        "urged", "urges", "vowed", "vows", "promised", "promises", "predicted", "predicts", "pleaded",
        "shouted", "cried", "joked", "quipped", "conceded", "concedes", "maintained", "maintains",
        "recalls", "reveals", "revealed", "laments", "lamented", "deplored", "deplores", "assured", "assures",
        "specified", "specifies", "in a statement", "in an interview", "in an email", "in a letter", "in a speech", "in a post",
    ),
    description_openers=("a", "an", "the", "his", "her", "its", "their", "one"),
    organisation_pronouns=("it",),
    document_nouns=frozenset({"release", "statement", "communiqué", "communique"}),
    agent_words=("by",),
    name_abbreviations=frozenset({"jr", "sr", "st", "dr", "mr", "mrs", "ms", "prof", "inc", "corp", "co"}),
)
