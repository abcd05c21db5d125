"""French data for the segmentation stage (:class:`claimtrack.lang.schema.Segmentation`)."""

from __future__ import annotations

from ..schema import Segmentation

SEGMENTATION = Segmentation(
    abbreviations=frozenset({
        "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "env", "art", "cf", "etc",
        "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "av", "apr", "J.-C",
        "boul", "bd", "chap", "coll", "éd", "fig", "hab", "ibid", "p", "pp", "vol", "Cie",
    }),
    numeric_abbreviations=frozenset({"n", "no", "nº", "art", "p"}),
)
