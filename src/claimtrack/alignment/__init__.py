"""Sentence alignment (monotone) and claim matching (order-free).

Two aligners, one embedder protocol (:mod:`claimtrack.embed`):

:func:`align_sentences` (:mod:`.sentences`) -- monotone alignment of a text
    and its translation into 1-1, 1-n, n-1, n-m (up to ``max_merge``
    sentences a side) and 1-0 / 0-1 links, Bertalign / vecalign style.  See
    the function for the model.

:func:`align` (:mod:`.claims`) -- order-free matching of claims across
    outlets and languages: cosine similarity, a margin against each side's
    nearest neighbours, mutual best plus thresholds, a second match when a
    translation merged two sentences, rapidfuzz within one language, shared
    numbers and names as evidence.

:func:`align_quotes` (:mod:`.quotes`) -- the direct quotations of two sets
    of claims matched as units of their own (the words quoted, without the
    reporter's), by :func:`align`'s rule, and compared with their speakers.

The acceptance rule for a pair of claims lives in :mod:`.rule`, shared with
the claim store's matcher.

Both encode each distinct text once (an :class:`~claimtrack.embed.EmbeddingCache`,
which the caller may pass in to share across calls), are deterministic (ties
go to the lower index) and never download anything.
"""

from __future__ import annotations

from .claims import align
from .quotes import align_quotes
from .sentences import SentenceParams, align_sentences

__all__ = ["align_sentences", "align", "align_quotes", "SentenceParams"]
