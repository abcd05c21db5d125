"""The pair context: what a diff encodes stays proportional to its input.

These tests read ``PairDiff.candidates``: what the checks propose,
before the confidence cut of ``PairDiff.drift``."""

from __future__ import annotations

import numpy as np

from claimtrack.drift import diff

from ..fakes import CountingEmbedder


# --- encoding cost --------------------------------------------------------------------------------

def test_encoding_cost_grows_linearly_with_passage_length():
    """The leave-one-out test re-encodes one sentence per candidate chunk, not
    the whole passage: characters encoded stay proportional to the input."""
    def tag(k: int) -> str:  # 0 -> "a", 27 -> "bb": letters only, so no shared digit tokens
        return "".join(chr(97 + int(d, 36)) for d in np.base_repr(k, 26).lower())

    def passage(n: int, words: tuple[str, ...]) -> str:
        w = words
        return " ".join(f"{w[0].title()}{tag(k)} {w[1]}{tag(k)} {w[2]}{tag(k)}, {w[3]}{tag(k)} {w[4]}{tag(k)} "
                        f"{w[5]}{tag(k)}." for k in range(n))

    ratios = []
    for n in (10, 40):
        emb = CountingEmbedder()
        a = passage(n, ("harbour", "crews", "checked", "while", "inspectors", "waited"))
        b = passage(n, ("orchard", "pickers", "gathered", "whereas", "farmers", "rested"))
        diff(a, b, "en", "en", embedder=emb)  # nothing matches: every chunk is left out in turn
        ratios.append(emb.chars / (len(a) + len(b)))
    assert ratios[1] <= ratios[0] * 1.25, ratios  # a quadratic cost would quadruple it
    assert ratios[1] < 10, ratios
