"""Omission and addition: a clause or phrase with no counterpart on the other
side, located by aligning sub-sentence chunks with the embedder.

Each side is split into chunks (:attr:`Side.chunks`: at , ; : ( ) dashes and
quotes, and before the clause markers of ``Scopes.clause_markers``:
relative pronouns and conjunctions; chunks under ``chunk_min_words`` words
are merged into a neighbour).  All chunks and both sentences are embedded
in one batch; then "the sentence without chunk *i*", for the candidate
chunks only (those failing the first test below, :attr:`PairContext.uncovered`),
in a second.  A chunk of
one side is unmatched when

* its best cosine against the other side's chunks, pairs of adjacent chunks
  and whole sentence is below ``chunk_match``, and
* removing it from its sentence raises the sentence's similarity to the
  other side by at least ``chunk_gain`` (the leave-one-out test: the other
  side is closer to the sentence without it; in a passage of several
  sentences, the sentence holding the chunk, so the test costs one sentence
  per chunk, not the whole passage), and
* it has at least ``chunk_min_content`` content words and
  ``chunk_min_words`` words (a shorter chunk exists only where a quotation
  mark kept an attribution such as "Okafor said" apart from the quote).

An unmatched source chunk is an ``omission`` (missing from the target), an
unmatched target chunk an ``addition``; adjacent unmatched chunks make one
finding.  Length alone never decides.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from ...models import Drift, DriftType
from ..check import DriftCheck, no_counterpart
from ..context import PairContext, Side

__all__ = ["OmissionCheck"]


class OmissionCheck(DriftCheck):
    name = "omission"
    drift_types: ClassVar[tuple[DriftType, ...]] = ("omission", "addition")
    needs_vectors = True

    def texts_after(self, pair: PairContext) -> list[str]:
        """The sentence without each candidate passage (the leave-one-out
        test): only candidates are re-encoded, so a faithful pair costs no
        more than its chunks."""
        if not pair.chunked():
            return []
        texts: list[str] = []
        for side, other, candidates in ((pair.source, pair.target, pair.uncovered[0]),
                                        (pair.target, pair.source, pair.uncovered[1])):
            in_passage = False
            for span in candidates:
                cut, context = side.leave_out(span)
                texts += [cut, context]
                in_passage = in_passage or context != side.text
            if in_passage:  # compared with the other side's closest sentences
                texts += [other.text[s:e] for s, e in other.sentences]
        return texts

    def _unmatched(self, pair: PairContext, side: Side, other: Side,
                   candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
        cfg = pair.config
        ov = pair.vector(other.text)
        flagged: list[tuple[int, int]] = []
        for span in candidates:
            cut, context = side.leave_out(span)
            cv = pair.vector(context)
            if context != side.text:
                # one sentence of a passage: against the other side's closest
                # sentence, pair of sentences or whole text, not a diluted whole
                cands = pair.counterparts(other, "sentences")
                target = cands[int(np.argmax(cands @ cv))]
            else:
                target = ov
            gain = float(np.dot(pair.vector(cut), target)) - float(np.dot(cv, target))
            if gain < cfg.chunk_gain:
                continue
            flagged.append(span)
        merged: list[tuple[int, int]] = []
        for span in flagged:
            idx = side.chunks.index(span)
            if merged and idx > 0 and side.chunks[idx - 1][1] == merged[-1][1]:
                merged[-1] = (merged[-1][0], span[1])
            else:
                merged.append(span)
        return merged

    def check(self, pair: PairContext) -> list[Drift]:
        if not pair.chunked():
            return []
        out: list[Drift] = []
        for s, e in self._unmatched(pair, pair.source, pair.target, pair.uncovered[0]):
            out.append(self.finding("omission", pair.source.text[s:e], None, (s, e), None, "major"))
        for s, e in self._unmatched(pair, pair.target, pair.source, pair.uncovered[1]):
            out.append(self.finding("addition", None, pair.target.text[s:e], None, (s, e), "major"))
        return out

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        if type == "omission":
            return no_counterpart("passage", source_value, "source", " (omitted)")
        return no_counterpart("passage", target_value, "target", " (added)")
