"""English data for the names stage (:class:`claimtrack.lang.schema.Names`)."""

from __future__ import annotations

from ..schema import Names
from .words import STOP_WORDS

NAMES = Names(
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
        # the professions and offices the press puts before a name ("Barrister Clayton Ruby", "MP Jane Hill")
        "mp", "mep", "barrister", "lawyer", "attorney", "solicitor", "prosecutor", "sheriff", "coroner",
        "doctor", "bishop", "archbishop", "cardinal", "pope", "rabbi", "imam", "sergeant", "constable",
        "admiral", "corporal",
        # abbreviated titles, written with a period before the name ("Rep. Bill Shuster")
        "rep", "sen", "gov", "gen", "lt", "col", "capt", "sgt", "adm", "amb",
    }),
    name_particles=frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin", "al"}),
    not_name_words=STOP_WORDS,
    org_words=frozenset({
        "foundation", "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group",
        "services", "platforms", "technologies", "labs", "university", "institute", "association",
        "agency", "ministry", "department", "council", "commission", "bank", "news", "research",
        "cloud", "azure", "systems", "networks", "partners", "holdings",
        "hospital", "organization", "organisation",
    }),
    legal_suffixes=frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa", "sas"}),
    determiners=frozenset({"the", "a", "an", "this", "that", "these", "those"}),
    name_links=frozenset({"of", "the", "and", "for", "&"}),
    definite_articles=frozenset({"the"}),
    entity_aliases={"U.S.": "United States", "US": "United States", "USA": "United States",
                    "U.S.A.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
                    "Britain": "United Kingdom", "EU": "European Union", "UN": "United Nations",
                    "U.N.": "United Nations"},
    abbreviations=frozenset({"inc", "corp", "co", "ltd", "jr", "sr", "dr", "mr", "mrs", "ms", "st", "prof",
                             "rep", "sen", "gov", "gen", "lt", "col", "capt", "sgt", "adm", "amb"}),
    dotted_suffixes=("Inc", "Corp", "Co", "Ltd", "Jr", "Sr"),
    possessive_suffixes=(r"['’]s",),
    honorifics=frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "dame", "president",
                          "rev", "reverend", "sen", "senator", "rep", "gov", "governor", "mayor"}),
    org_joiners=frozenset({"of", "for"}),
)
