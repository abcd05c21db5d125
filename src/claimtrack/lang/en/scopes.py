"""English data for the scopes stage (:class:`claimtrack.lang.schema.Scopes`)."""

from __future__ import annotations

from ..schema import Scopes
from .words import STOP_WORDS

SCOPES = Scopes(
    time_scopes=(
        (r"since\s+(?:(?:its|their|the|his|her)\s+)?(?:(?:launch|creation|inception|founding|start|beginning)\s+)?"
         r"(?:in\s+)?\d{4}|since\s+(?:its|their|the)\s+(?:launch|creation|inception|founding|start)", "since"),
        (r"(?:over|in|during|for)\s+the\s+(?:last|past)\s+(?:\w+\s+)?(?:few\s+)?(?:years?|months?|weeks?|days?|decades?)"
         r"|(?:the\s+)?(?:last|past)\s+(?:\w+\s+)(?:years?|months?|weeks?|decades?)", "last"),
        (r"from\s+(?:\w+\s+)?\d{4}\s+(?:through|to|until|till)\s+(?:\w+\s+)?\d{4}"
         r"|between\s+(?:\w+\s+)?\d{4}\s+and\s+(?:\w+\s+)?\d{4}", "range"),
    ),
    time_scope_words={"since": (r"since",), "last": (r"last", r"past")},
    clause_markers=(
        r"which", r"who", r"whom", r"whose", r"where", r"while", r"whereas", r"because", r"although",
        r"though", r"when", r"and", r"but", r"or", r"so\s+that", r"including", r"such\s+as", r"after",
        r"before", r"since", r"until", r"if", r"unless", r"as",
    ),
    chunk_stopwords=STOP_WORDS,
)
