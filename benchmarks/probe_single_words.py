"""Probe: can the sentence encoder find a single added or removed word?

DEMETR's addition and omission perturbations add or remove *one* word of the
English translation. claimtrack's omission check works on clauses, so it
misses them (see docs/accuracy.md). This probe measures the obvious
word-level test with the same encoder, to show why it is not used:

* leave one word out: for every word w of a sentence, the gain in cosine to
  the other side when w is removed. An added English word should give a
  clear positive gain when removed; a French word whose English counterpart
  was removed should too.
* no counterpart word: the words the divergence score's ``unmatched`` term
  looks at (``Side.lexical_words``); for every word, its best single-word
  cosine to the other side's words.  An added English word should have a
  low best cosine; so should a French word whose counterpart was removed.
* the cut is set so that 3 % of the *reference* translations would be
  flagged (DEMETR's false-alarm goal), and the recall of each perturbation
  at that cut is printed.

Reads ../shared/eval/drift/demetr-fr/demetr-fr.jsonl (skips when absent).

    python benchmarks/probe_single_words.py            # about 40 s on one core
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

import claimtrack as ct

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "drift" / "demetr-fr" / "demetr-fr.jsonl"
KINDS = ("base_id35_reference", "critical_id6_addition", "critical_id21_adj_adv_removed",
         "critical_id22_verb_removed", "critical_id23_noun_removed", "critical_id24_subj_removed")
_WORD = re.compile(r"\w+(?:['’]\w+)?")


def best_gain(embedder: ct.Embedder, text: str, other: str) -> float:
    """Largest rise of cos(text without one word, other) over cos(text, other)."""
    words = list(_WORD.finditer(text))
    if not words:
        return 0.0
    variants = [text[: m.start()] + text[m.end() :] for m in words]
    v = embedder.encode([text, other, *variants])
    base = float(v[0] @ v[1])
    return max(float(v[i + 2] @ v[1]) - base for i in range(len(words)))


def worst_word(embedder: ct.Embedder, text: str, lang: str, other: str, other_lang: str) -> tuple[float, float]:
    """The lowest best-cosine of a content word of ``text`` to the words of
    ``other``, and the same the other way round (1.0 without words)."""
    from claimtrack.drift.context import Side

    a = [t.text for t in Side(text, lang).lexical_words]
    b = [t.text for t in Side(other, other_lang).lexical_words]
    if not a or not b:
        return 1.0, 1.0
    v = embedder.encode(a + b)
    sims = v[: len(a)] @ v[len(a) :].T
    return float(sims.max(axis=1).min()), float(sims.max(axis=0).min())


def report(title: str, gains: dict[str, list[tuple[float, float]]], low: bool) -> None:
    """Recall at the cut that flags 3 % of the references (``low``: a low value flags)."""
    ref = np.array(gains["base_id35_reference"])
    q = 3 if low else 97
    cut_add, cut_rem = np.percentile(ref[:, 0], q), np.percentile(ref[:, 1], q)
    rel = "<" if low else ">"
    print(f"{title}; cuts flag 3% of the reference translations")
    print(f"  cut: added word {rel} {cut_add:.3f}, missing word {rel} {cut_rem:.3f}")
    print(f"  {'perturbation':<32} {'n':>3}  {'recall (added)':>14}  {'recall (missing)':>16}")
    for kind, rows in gains.items():
        g = np.array(rows)
        hit_a = g[:, 0] < cut_add if low else g[:, 0] > cut_add
        hit_r = g[:, 1] < cut_rem if low else g[:, 1] > cut_rem
        print(f"  {kind:<32} {len(g):>3}  {hit_a.mean():>14.2f}  {hit_r.mean():>16.2f}")


def main() -> int:
    if not DATA.exists():
        print(f"DEMETR not found at {DATA}: nothing to measure")
        return 0
    embedder = ct.default_embedder()
    gains: dict[str, list[tuple[float, float]]] = {k: [] for k in KINDS}
    words: dict[str, list[tuple[float, float]]] = {k: [] for k in KINDS}
    for line in DATA.open(encoding="utf-8"):
        r = json.loads(line)
        kind = r["pert_name"]
        if kind not in gains:
            continue
        english = r["eng_sent"] if kind == "base_id35_reference" else r["pert_sent"]
        if kind != "base_id35_reference" and english == r["eng_sent"]:
            continue  # the perturbation did not apply
        added = best_gain(embedder, english, r["src_sent"])  # an English word too many
        removed = best_gain(embedder, r["src_sent"], english)  # a French word without counterpart
        gains[kind].append((added, removed))
        words[kind].append(worst_word(embedder, english, "en", r["src_sent"], "fr"))
    report("leave-one-word-out with the default encoder", gains, low=False)
    print()
    report("no counterpart word (best single-word cosine)", words, low=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
