"""French data for the scopes stage (:class:`claimtrack.lang.schema.Scopes`)."""

from __future__ import annotations

from ..schema import Scopes
from .words import STOP_WORDS

SCOPES = Scopes(
    time_scopes=(
        (r"depuis\s+(?:(?:sa|son|leur|la|le)\s+|l['’])?(?:(?:lancement|création|fondation|début|naissance|origine)\s+)?"
         r"(?:en\s+)?(?:l['’]an\s+)?\d{4}|depuis\s+(?:sa|son|leur|la|le|l['’])\s*(?:lancement|création|fondation|début|naissance)", "since"),
        (r"(?:au\s+cours\s+des|pendant\s+les|durant\s+les|ces|les|sur\s+les)\s+(?:\w+\s+)?"
         r"(?:dernières|derniers)\s+(?:années|mois|semaines|jours|décennies)"
         r"|(?:ces|les)\s+(?:\w+\s+)?(?:années|mois|semaines|jours)\s+(?:passées|passés|écoulées|écoulés)", "last"),
        (r"(?:de|d['’]|du)\s+(?:\w+\s+)?\d{4}\s+(?:à|au|jusqu['’]à|jusqu['’]en)\s+(?:\w+\s+)?\d{4}"
         r"|entre\s+(?:\w+\s+)?\d{4}\s+et\s+(?:\w+\s+)?\d{4}", "range"),
    ),
    time_scope_words={"since": (r"depuis",), "last": (r"derni[eè]re?s?", r"pass[ée]e?s", r"[ée]coul[ée]e?s")},
    clause_markers=(
        r"qui", r"que", r"qu['’]", r"dont", r"où", r"lequel", r"laquelle", r"lesquels", r"lesquelles",
        r"tandis\s+que", r"alors\s+que", r"parce\s+que", r"car", r"bien\s+que", r"lorsque",
        r"lorsqu['’]", r"quand", r"et", r"mais", r"ou", r"y\s+compris", r"notamment", r"comme",
        r"après", r"avant", r"depuis", r"jusqu['’]à", r"si", r"sauf",
    ),
    chunk_stopwords=STOP_WORDS,
)
