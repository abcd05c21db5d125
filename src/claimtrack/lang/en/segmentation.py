"""English data for the segmentation stage (:class:`claimtrack.lang.schema.Segmentation`)."""

from __future__ import annotations

from ..schema import Segmentation

SEGMENTATION = Segmentation(
    abbreviations=frozenset({
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Corp", "Inc", "Ltd", "Co", "Bros", "approx", "est", "vs", "etc",
    }),
    numeric_abbreviations=frozenset({"No", "Nos", "Art", "pp", "p"}),
)
