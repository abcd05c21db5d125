"""The settings of drift detection: :class:`DriftConfig`, every threshold and
weight a run uses, and its signature string."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["DriftConfig", "DEFAULT_CONFIG", "SIGNATURE_VERSION"]

SIGNATURE_VERSION = "3"


@dataclass(frozen=True)
class DriftConfig:
    """Every threshold drift detection uses (the "signature" of a run).

    ``signature()`` renders them as one stable string, like sacreBLEU's
    signature, and :class:`~claimtrack.models.PairDiff` carries it, so a
    reported score can always be traced back to its settings.
    """

    # --- the divergence score (claimtrack.drift.score): log-odds weights ------------
    # Fitted by benchmarks/fit_divergence.py (L2-regularised logistic regression,
    # penalty 10 on standardised values, on REFreSD, all 531 pairs); see
    # docs/drift.md for the cross-validated figures.
    w_bias: float = 2.2424
    """Log-odds of divergence before any evidence."""
    w_similarity: float = -4.6301
    """Per unit of the embedder cosine of the two sentences (negative: similar is not divergent)."""
    w_coverage: float = -1.3705
    """Per unit of coverage: the worst best-cosine of any chunk of either side
    against the other side's chunks, chunk pairs and sentence (a passage with
    no counterpart lowers it)."""
    w_length: float = 2.8517
    """Per unit of |log| of the length ratio, lengths divided by each
    language's ``LanguageData.relative_length``."""
    w_unmatched: float = 0.1925
    """Per content word, of either side, with no counterpart on the other
    side (see ``word_match``)."""
    w_entity: float = 0.9786
    """When there is an entity, speaker or pronoun finding."""
    w_content: float = 0.6629
    """When there is an omission or addition finding."""
    w_value: float = 8.0
    """When a figure's value changed (a number finding with a value on both
    sides).  Set by policy, not fitted: one changed value makes any pair
    divergent (see ``FIXED`` in benchmarks/fit_divergence.py)."""
    w_figure: float = 0.9761
    """When a figure is on one side only, or there is a date or time-scope finding."""
    w_polarity: float = 0.3126
    """When there is a negation, modality or qualifier finding."""
    chunk_match: float = 0.50
    """A chunk whose best counterpart (a chunk, or two adjacent chunks, of the
    other side) has a cosine below this is a candidate omission/addition."""
    chunk_gain: float = 0.015
    """...and it is reported only when removing it raises the similarity of
    its sentence to the other side by at least this much."""
    chunk_min_content: int = 2
    """...and only when it has at least this many content words."""
    entity_match: float = 0.65
    """Across languages, a name with no counterpart is the same name translated
    when its cosine to a word, name or short capitalised phrase of the other
    side reaches this ("Espagne" / "Spain" 0.95, "CEDH" / "ECHR" 0.80,
    "Old Norman" / "ancien normand" 0.71, "Bavaria" / "Bavière" 0.66) ...
    Different names score lower ("Taipei" / "Singapore" 0.44, "Obama" /
    "Biden" 0.55).  0.65 keeps DEMETR's entity recall (0.60 loses replaced
    names) and drops translated names reported as drift on REFreSD."""
    entity_match_spelled: float = 0.55
    """... or reaches this and one of its words is spelled alike in that
    phrase ("Iraq Study Group" / "groupe d'étude sur l'Irak": 0.59, Iraq ~ Irak)."""
    affix_match: float = 0.65
    """A negation left unpaired is rendered by a word of the other side with
    a negative prefix (``Polarity.negative_prefixes``) when what follows the
    prefix has at least this cosine to a word the negation bears on
    ("known" / "connue" 0.83, "useful" / "utile" 0.92, "lucky" / "chanceux"
    0.68; unrelated words 0.27-0.46, "known" / "inconnue" itself 0.59)."""
    chunk_min_words: int = 3
    """Chunks shorter than this (in words) are merged into a neighbour."""
    word_match: float = 0.50
    """A content word (not a ``Words.function_words`` entry, three
    letters or more) has a counterpart when its cosine to some content word
    of the other side reaches this (the encoder embeds single words across
    languages: "lunes" / "moons" 0.93, "endorsements" / "publicités" 0.44).
    The words without one are the score's ``unmatched`` term."""
    word_spelled: float = 0.80
    """... or when the two words, case- and accent-folded, are at least this
    similar in spelling (rapidfuzz ``Indel`` normalised similarity):
    "Polanyi" / "Polányi", "Brandenburg" / "Brandebourg"."""

    def signature(self) -> str:
        parts = [f"v={SIGNATURE_VERSION}"] + [f"{k}={v}" for k, v in asdict(self).items()]
        return "drift|" + "|".join(parts)


DEFAULT_CONFIG = DriftConfig()
"""The settings every diff uses unless ``settings=`` says otherwise."""
