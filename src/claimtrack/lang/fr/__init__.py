"""French language data: one module per pipeline stage, assembled here."""

from __future__ import annotations

from ..schema import LanguageData
from .attribution import ATTRIBUTION
from .dates import DATES
from .furniture import FURNITURE
from .gender import GENDER
from .names import NAMES
from .numbers import NUMBERS
from .polarity import POLARITY
from .scopes import SCOPES
from .segmentation import SEGMENTATION
from .words import WORDS

DATA = LanguageData(
    code="fr",
    name="French",
    babel_locale="fr_FR",
    segmentation=SEGMENTATION,
    furniture=FURNITURE,
    attribution=ATTRIBUTION,
    names=NAMES,
    numbers=NUMBERS,
    dates=DATES,
    polarity=POLARITY,
    gender=GENDER,
    scopes=SCOPES,
    words=WORDS,
    relative_length=1.12,
)
