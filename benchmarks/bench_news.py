"""Real-news benchmark: WMT14 news articles against their professional translations.

    python benchmarks/bench_news.py                  # both halves, a sample of findings to read
    python benchmarks/bench_news.py --limit 20       # the first 20 documents of each half
    python benchmarks/bench_news.py --json out.json  # also write the figures

Reads ``../shared/eval/news/wmt14-fren/`` (never copied into the repository;
skipped with a message when absent). Each document is ``<docid>.en`` and
``<docid>.fr``, line i of one the professional translation of line i of the
other. Both are read as articles (lines joined by newlines) and compared with
``ct.compare(en, fr)``, the user's path.

The documents are split deterministically by document id into a *tuning*
half and a *validation* half (the SHA-256 of the id, even first byte: tuning).
Every figure is printed for both halves. Only the tuning half's findings are
printed for reading: reading the validation half would be tuning on it.

Figures:

* alignment against the line-parallel gold: a claim's segment is the line it
  starts on. Precision: alignments whose two claims lie on the same line.
  Segment recall: lines with claims on both sides that some alignment links.
  1-1 recall: lines holding exactly one claim on each side whose two claims
  are aligned.
* false alarms: these are faithful translations, so a correct alignment
  (same line) with a default finding is almost always a false alarm (the
  README of the data estimates one real shift per 50-100 segments). The
  share of faithful pairs with a default finding (confidence at least
  ``DEFAULT_MIN_CONFIDENCE``), overall and by drift type, and the pairs with
  any candidate (``min_confidence=0``).
"""

from __future__ import annotations

import argparse
import bisect
import collections
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _data import HALVES, SHARED, half_of, line_starts

from claimtrack.drift import DEFAULT_MIN_CONFIDENCE

NEWS = SHARED / "eval" / "news" / "wmt14-fren"


@dataclass
class Tally:
    """Counts for one half."""

    documents: int = 0
    segments: int = 0
    alignments: int = 0
    correct: int = 0
    gold_segments: int = 0
    found_segments: int = 0
    one_to_one: int = 0
    one_to_one_found: int = 0
    flagged: int = 0
    with_candidate: int = 0
    by_type: collections.Counter[str] = field(default_factory=collections.Counter)
    findings: int = 0
    seconds: float = 0.0

    def figures(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "documents": self.documents,
            "segments": self.segments,
            "alignments": self.alignments,
            "precision": ratio(self.correct, self.alignments),
            "segment_recall": ratio(self.found_segments, self.gold_segments),
            "one_to_one_recall": ratio(self.one_to_one_found, self.one_to_one),
            "faithful_pairs": self.correct,
            "faithful_pairs_with_candidate": self.with_candidate,
            "faithful_pairs_with_finding": self.flagged,
            "false_alarm_rate": ratio(self.flagged, self.correct),
            "pairs_with_finding_by_type": dict(sorted(self.by_type.items())),
            "findings": self.findings,
            "seconds": round(self.seconds, 1),
        }


def documents() -> list[str]:
    """Document ids, sorted, that have both sides."""
    return sorted(p.stem for p in NEWS.glob("*.en") if p.with_suffix(".fr").exists())


def run_document(docid: str, tally: Tally, samples: list[str] | None, embedder: Any) -> None:
    import claimtrack as ct

    en_lines = (NEWS / f"{docid}.en").read_text(encoding="utf-8").splitlines()
    fr_lines = (NEWS / f"{docid}.fr").read_text(encoding="utf-8").splitlines()
    en_text, fr_text = "\n".join(en_lines), "\n".join(fr_lines)
    en = ct.read_article(en_text, article_id=f"{docid}.en", lang="en")
    fr = ct.read_article(fr_text, article_id=f"{docid}.fr", lang="fr")
    t0 = time.perf_counter()
    # every candidate, so both the default findings and the candidates below the cut are counted
    comparison = ct.compare(en, fr, embedder=embedder, min_confidence=0.0, cluster=False)  # clusters: not measured here
    tally.seconds += time.perf_counter() - t0
    tally.documents += 1
    tally.segments += min(len(en_lines), len(fr_lines))
    starts = {en.id: line_starts(en.text), fr.id: line_starts(fr.text)}
    line: dict[str, int] = {}
    per_line: dict[str, collections.Counter[int]] = {en.id: collections.Counter(), fr.id: collections.Counter()}
    for claim in comparison.claims:
        k = bisect.bisect_right(starts[claim.article_id], claim.start) - 1
        line[claim.id] = k
        per_line[claim.article_id][k] += 1
    gold = set(per_line[en.id]) & set(per_line[fr.id])
    one_to_one = {k for k in gold if per_line[en.id][k] == 1 and per_line[fr.id][k] == 1}
    tally.gold_segments += len(gold)
    tally.one_to_one += len(one_to_one)
    found: set[int] = set()
    for pair in comparison.alignments:
        for al in pair.alignments:
            tally.alignments += 1
            if line[al.source] != line[al.target]:
                continue
            tally.correct += 1
            found.add(line[al.source])
            if al.drift:
                tally.with_candidate += 1
            shown = [d for d in al.drift if (d.confidence or 0.0) >= DEFAULT_MIN_CONFIDENCE]
            if shown:
                tally.flagged += 1
                tally.findings += len(shown)
                tally.by_type.update({d.type for d in shown})
                if samples is not None:
                    src, tgt = comparison.claim(al.source), comparison.claim(al.target)
                    for d in shown:
                        samples.append(
                            f"[{docid} line {line[al.source]}] {d.type} ({d.severity}, confidence "
                            f"{d.confidence:.2f}): {d.explanation}\n"
                            f"    {src.lang}: {src.text}\n    {tgt.lang}: {tgt.text}"
                        )
    tally.found_segments += len(found)
    tally.one_to_one_found += sum(
        1 for k in one_to_one
        if any(line[a.source] == k == line[a.target] for p in comparison.alignments for a in p.alignments)
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each half (quick runs)")
    ap.add_argument("--sample", type=int, default=30, help="findings of the tuning half to print (default 30)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args(argv)
    if not NEWS.exists():
        print(f"news: skipped, {NEWS} is absent (../shared is not beside this checkout)")
        return 0

    from claimtrack.embed import default_embedder

    emb = default_embedder()
    docs = documents()
    tallies = {h: Tally() for h in HALVES}
    samples: list[str] = []
    for h in HALVES:
        mine = [d for d in docs if half_of(d) == h][: args.limit]
        for docid in mine:
            run_document(docid, tallies[h], samples if h == "tuning" else None, emb)

    print(f"WMT14 fr-en news, {len(docs)} documents, split by document id (tuning / validation)")
    figs = {h: tallies[h].figures() for h in HALVES}
    rows = [
        ("documents", "documents"), ("segments", "segments"), ("alignments", "alignments"),
        ("alignment precision", "precision"), ("segment recall", "segment_recall"),
        ("1-1 segment recall", "one_to_one_recall"), ("faithful pairs", "faithful_pairs"),
        ("  with any candidate", "faithful_pairs_with_candidate"),
        ("  with a default finding", "faithful_pairs_with_finding"), ("  share (goal <= 0.04)", "false_alarm_rate"),
        ("findings", "findings"), ("compare seconds", "seconds"),
    ]
    print(f"  {'':28} {'tuning':>10} {'validation':>10}")
    for label, key in rows:
        print(f"  {label:28} {figs['tuning'][key]!s:>10} {figs['validation'][key]!s:>10}")
    types = sorted(set(tallies["tuning"].by_type) | set(tallies["validation"].by_type))
    print(f"  (default findings: confidence >= {DEFAULT_MIN_CONFIDENCE})")
    print("  faithful pairs with a default finding, by type:")
    for t in types:
        print(f"    {t:26} {tallies['tuning'].by_type[t]:>10} {tallies['validation'].by_type[t]:>10}")
    if samples and args.sample:
        print(f"\nSample of findings on faithful pairs (tuning half only, first {min(args.sample, len(samples))} "
              f"of {len(samples)}):")
        for s in samples[: args.sample]:
            print("  " + s)
    if args.json:
        args.json.write_text(json.dumps(figs, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
