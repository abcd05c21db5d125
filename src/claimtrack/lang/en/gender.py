"""English data for the gender stage (:class:`claimtrack.lang.schema.Gender`)."""

from __future__ import annotations

from ..schema import Gender

GENDER = Gender(
    gendered_words={
        "he": "m", "him": "m", "his": "m", "himself": "m",
        "she": "f", "her": "f", "hers": "f", "herself": "f",
        "man": "m", "men": "m", "woman": "f", "women": "f", "boy": "m", "girl": "f",
        "mr": "m", "mrs": "f", "ms": "f", "father": "m", "mother": "f", "son": "m", "daughter": "f",
        "brother": "m", "sister": "f", "husband": "m", "wife": "f", "king": "m", "queen": "f",
    },
    name_markers={
        "chairman": "m", "chairwoman": "f", "spokesman": "m", "spokeswoman": "f", "congressman": "m",
        "congresswoman": "f", "businessman": "m", "businesswoman": "f", "actor": "m", "actress": "f",
        "sir": "m", "dame": "f", "lord": "m", "lady": "f",
    },
    dependent_gender_words=frozenset({"him", "his", "her", "hers", "himself", "herself", "men", "women"}),
)
