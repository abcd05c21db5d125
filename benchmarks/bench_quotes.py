"""Quotation benchmark: direct quotations and their speakers in real news, English and French.

    python benchmarks/bench_quotes.py                 # both halves, both languages
    python benchmarks/bench_quotes.py --textacy-python .peer-textacy/bin/python   # and the peer
    python benchmarks/bench_quotes.py --errors 30     # also print 30 tuning-half misses and false quotes
    python benchmarks/bench_quotes.py --json out.json

Gold: ``benchmarks/quotes-wmt14.jsonl``, our own annotation of the WMT14
news of ``../shared/eval/news/wmt14-fren/`` (both sides of every document,
each side annotated on its own by reading it; see ``annotate_quotes.py`` for
the guidelines and the format). It holds offsets only; the texts are read
from ``../shared`` (skipped with a message when absent) and checked against
the SHA-256 each record keeps.

Each file is read whole with ``ct.read_article`` and its quotations listed
with ``ct.extract_quotes``, the user's path.

Figures, per language and per half (documents split by id as in every
benchmark: the SHA-256 of the id, even first byte: tuning):

* recall: gold quotations that one predicted quotation overlaps by at least
  half of the gold quotation's characters (spans without quotation marks;
  an interrupted quotation is one quotation of several spans);
* precision: predicted quotations that overlap a gold quotation by at least
  half of their own characters, or that find one (above);
* F1 of the two; recall of partial and of full quotations apart;
* speaker: of the found gold quotations whose speaker is named in the
  document, the share whose predicted speaker names the same person (the
  predicted ``Speaker.name``, or its mention when unresolved, and the gold
  name share their words: one's folded words are a subset of the other's);
  also the same count over all named gold quotations.

The peer: textacy's ``direct_quotations`` (English only) on the same English
files, run by ``peer_textacy.py`` in an environment of its own (the only
spaCy English pipeline on the package index is en_core_web_sm 2.2.5, which
needs spaCy 2): ``--textacy-python PATH`` names its interpreter.

Quotation links: ``ct.align_quotes`` of each document's English claims
against its French ones, scored on the line-parallel texts (precision:
links whose quotations start on the same line; recall: lines holding one
linkable quotation on each side; false alarms: right links with a default
finding, by type).  ``--no-links`` skips them (they need the encoder).

Only the tuning half's errors are printed for reading: reading the
validation half would be tuning on it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _data import HALVES, SHARED, half_of, line_starts

NEWS = SHARED / "eval" / "news" / "wmt14-fren"
GOLD = Path(__file__).resolve().parent / "quotes-wmt14.jsonl"

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Predicted:
    """One predicted quotation: its content spans and the speaker's name as predicted."""

    spans: Spans
    speaker: str | None


@dataclass
class Tally:
    """Counts for one system, language and half."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    partial_gold: int = 0
    partial_found: int = 0
    named: int = 0
    named_found: int = 0
    speaker_right: int = 0
    documents: int = 0
    seconds: float = 0.0

    def figures(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        p, r = ratio(self.correct, self.predicted), ratio(self.found, self.gold)
        f1 = round(2 * p * r / (p + r), 3) if p and r else 0.0
        full_gold, full_found = self.gold - self.partial_gold, self.found - self.partial_found
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": p,
            "recall": r,
            "f1": f1,
            "recall_partial": ratio(self.partial_found, self.partial_gold),
            "recall_full": ratio(full_found, full_gold),
            "speaker_right_of_found": ratio(self.speaker_right, self.named_found),
            "speaker_right_of_named": ratio(self.speaker_right, self.named),
            "seconds": round(self.seconds, 1),
        }


def _chars(spans: Iterable[Sequence[int]]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def _words(name: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return set(plain.split())


def _initials(name: str) -> str:
    """The initials of a name's capitalised words ("International Monetary
    Fund": "IMF", "Standard & Poor's": "SP")."""
    return "".join(w[0] for w in name.replace("&", " ").split() if w[:1].isupper())


def same_speaker(predicted: str | None, gold: str) -> bool:
    """The predicted name and the gold name name the same speaker: one's
    folded words are a subset of the other's ("Obama" / "Barack Obama"), or
    one is the acronym of the other ("IMF" / "International Monetary Fund",
    "S&P" / "Standard & Poor's")."""
    if not predicted:
        return False
    p, g = _words(predicted), _words(gold)
    if p and g and (p <= g or g <= p):
        return True
    for short, long in ((predicted, gold), (gold, predicted)):
        letters = short.replace("&", "").replace(".", "")
        if 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha() and _initials(long) == letters:
            return True
    return False


def score(
    gold: list[dict[str, Any]],
    predicted: list[Predicted],
    text: str,
    tally: Tally,
    errors: list[str] | None = None,
) -> None:
    """Add one document's counts to ``tally`` (and its errors to ``errors``)."""
    pred_chars = [_chars(p.spans) for p in predicted]
    gold_chars = [_chars(g["spans"]) for g in gold]
    all_gold = set().union(*gold_chars) if gold_chars else set()
    finds: set[int] = set()
    for g, gc in zip(gold, gold_chars):
        tally.gold += 1
        tally.partial_gold += g["partial"]
        named = g["speaker"] is not None and g["named"]
        tally.named += named
        best, best_overlap = None, 0
        for i, pc in enumerate(pred_chars):
            ov = len(gc & pc)
            if ov > best_overlap:
                best, best_overlap = i, ov
        if best is not None and 2 * best_overlap >= len(gc):
            finds.add(best)
            tally.found += 1
            tally.partial_found += g["partial"]
            if named:
                tally.named_found += 1
                s, e = g["speaker"]
                if same_speaker(predicted[best].speaker, text[s:e]):
                    tally.speaker_right += 1
                elif errors is not None:
                    errors.append(
                        f"  speaker {predicted[best].speaker!r} for {text[s:e]!r}: "
                        f"{_show(text, g['spans'])}"
                    )
        elif errors is not None:
            kind = "partial" if g["partial"] else "full"
            errors.append(f"  missed ({kind}): {_show(text, g['spans'])}")
    for i, (p, pc) in enumerate(zip(predicted, pred_chars)):
        tally.predicted += 1
        if i in finds or 2 * len(pc & all_gold) >= len(pc):
            tally.correct += 1
        elif errors is not None:
            errors.append(f"  not a quotation: {_show(text, p.spans)}")


def _show(text: str, spans: Iterable[Sequence[int]]) -> str:
    out = " / ".join(text[s:e] for s, e in spans)
    return repr(out if len(out) <= 160 else out[:157] + "...")


def load_gold() -> list[dict[str, Any]]:
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in records:
        text = (NEWS / f"{r['doc']}.{r['lang']}").read_text(encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != r["sha256"]:
            sys.exit(f"{r['doc']}.{r['lang']} changed since it was annotated (SHA-256 differs)")
    return records


def claimtrack_quotes(text: str, lang: str, doc: str) -> list[Predicted]:
    import claimtrack as ct

    article = ct.read_article(text, article_id=f"{doc}.{lang}", lang=lang)
    out = []
    for q in ct.extract_quotes(article):
        speaker = None
        if q.speaker is not None:
            speaker = q.speaker.name or q.speaker.text
        out.append(Predicted(tuple((s.start, s.end) for s in q.spans), speaker))
    return out


def textacy_quotes(python: str, records: list[dict[str, Any]]) -> tuple[dict[str, list[Predicted]] | None, str]:
    """textacy's direct quotations of the English files, run by ``peer_textacy.py``
    in the interpreter ``python`` (its own environment: see that script), or
    None and why it did not run."""
    import subprocess

    jobs = "".join(json.dumps({"doc": r["doc"], "path": str(NEWS / f"{r['doc']}.en")}) + "\n"
                   for r in records if r["lang"] == "en")
    try:
        done = subprocess.run([python, str(Path(__file__).with_name("peer_textacy.py"))], input=jobs,
                              capture_output=True, text=True, timeout=1800, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"{python} did not run ({exc})"
    if done.returncode != 0:
        return None, f"peer_textacy.py failed: {done.stderr.strip().splitlines()[-1:]}"
    out = {}
    for line in done.stdout.splitlines():
        rec = json.loads(line)
        out[rec["doc"]] = [Predicted(tuple((s, e) for s, e in q["spans"]), q["speaker"]) for q in rec["quotes"]]
    version = next((ln for ln in done.stderr.splitlines() if ln.startswith("textacy")), "textacy")
    return out, version


def quote_links(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``ct.align_quotes`` of each document's English claims against its French
    ones (the user's path: read, extract, align), scored against the
    line-parallel texts: a link is right when its two quotations start on the
    same line (segment); the pairs to find are the lines holding exactly one
    linkable quotation on each side; the links that are right are faithful
    renderings, so a default finding on one is a false alarm."""
    import bisect
    import collections

    import claimtrack as ct
    from _data import embedder
    from claimtrack.alignment.quotes import quote_units

    emb = embedder()
    tallies: dict[str, collections.Counter[str]] = {h: collections.Counter() for h in HALVES}
    for doc in sorted({r["doc"] for r in records}):
        t = tallies[half_of(doc)]
        texts = {lang: (NEWS / f"{doc}.{lang}").read_text(encoding="utf-8") for lang in ("en", "fr")}
        claims = {lang: ct.extract_claims(ct.read_article(texts[lang], article_id=f"{doc}.{lang}", lang=lang))
                  for lang in texts}
        starts = {lang: line_starts(texts[lang]) for lang in texts}

        def line(lang: str, pos: int) -> int:
            return bisect.bisect_right(starts[lang], pos) - 1

        units = {lang: {u.id: line(lang, u.start) for u in quote_units(claims[lang])} for lang in texts}
        per_line = {lang: collections.Counter(units[lang].values()) for lang in texts}
        gold = {n for n, k in per_line["en"].items() if k == 1 and per_line["fr"].get(n) == 1}
        t["to_find"] += len(gold)
        for q in ct.align_quotes(claims["en"], claims["fr"], embedder=emb):
            a, b = units["en"][f"{q.source_claim}#{q.source_quote}"], units["fr"][f"{q.target_claim}#{q.target_quote}"]
            t["links"] += 1
            if a == b:
                t["right"] += 1
                t["found"] += a in gold
                if q.drift:
                    t["with_finding"] += 1
                    for ty in sorted({f.type for f in q.drift}):
                        t["finding:" + ty] += 1
    out = {}
    for h, t in tallies.items():
        out[h] = {
            "links": t["links"], "precision": round(t["right"] / t["links"], 3) if t["links"] else None,
            "recall": round(t["found"] / t["to_find"], 3) if t["to_find"] else None,
            "faithful_links_with_finding": t["with_finding"],
            "false_alarm_rate": round(t["with_finding"] / t["right"], 3) if t["right"] else None,
            "by_type": {k[8:]: v for k, v in sorted(t.items()) if k.startswith("finding:")},
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=int, default=0, help="print this many tuning-half errors per language")
    ap.add_argument("--textacy-python", metavar="PYTHON",
                    help="the interpreter of textacy's environment (see peer_textacy.py); without it the peer is skipped")
    ap.add_argument("--no-peer", action="store_true", help="skip textacy even with --textacy-python")
    ap.add_argument("--no-links", action="store_true", help="skip the quotation links (they need the encoder)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    if not NEWS.is_dir():
        print(f"[bench_quotes] skipped: {NEWS} not found (../shared is absent in a fresh clone)")
        return 0
    if not GOLD.is_file():
        print(f"[bench_quotes] skipped: {GOLD} not found")
        return 0
    records = load_gold()
    systems: dict[str, Callable[[str, str, str], list[Predicted]]] = {"claimtrack": claimtrack_quotes}
    if args.textacy_python and not args.no_peer:
        peer, why = textacy_quotes(args.textacy_python, records)
        if peer is None:
            print(f"[peer] textacy did not run: {why}")
        else:
            systems[why] = lambda text, lang, doc, found=peer: found.get(doc, [])
    elif not args.no_peer:
        print("[peer] textacy skipped: give --textacy-python (its own environment, see peer_textacy.py)")
    results: dict[str, Any] = {}
    for system, run in systems.items():
        tallies = {(lang, half): Tally() for lang in ("en", "fr") for half in HALVES}
        errors: dict[str, list[str]] = {"en": [], "fr": []}
        for r in records:
            if system != "claimtrack" and r["lang"] != "en":
                continue
            text = (NEWS / f"{r['doc']}.{r['lang']}").read_text(encoding="utf-8")
            half = half_of(r["doc"])
            tally = tallies[(r["lang"], half)]
            t0 = time.perf_counter()
            predicted = run(text, r["lang"], r["doc"])
            tally.seconds += time.perf_counter() - t0
            tally.documents += 1
            doc_errors: list[str] | None = [] if half == "tuning" and system == "claimtrack" else None
            score(r["quotes"], predicted, text, tally, doc_errors)
            if doc_errors:
                errors[r["lang"]].append(f" {r['doc']}.{r['lang']}")
                errors[r["lang"]].extend(doc_errors)
        print(f"\n== {system}")
        print(f"{'lang':4} {'half':10} {'docs':>4} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"
              f" {'R part':>6} {'R full':>6} {'spk/f':>6} {'spk/n':>6}")
        for (lang, half), t in tallies.items():
            f = t.figures()
            if not f["documents"]:
                continue
            results.setdefault(system, {}).setdefault(lang, {})[half] = f

            def fmt(x: float | None) -> str:
                return "     -" if x is None else f"{x:6.3f}"

            print(f"{lang:4} {half:10} {f['documents']:4} {f['gold']:5} {f['predicted']:5} {fmt(f['precision'])}"
                  f" {fmt(f['recall'])} {fmt(f['f1'])} {fmt(f['recall_partial'])} {fmt(f['recall_full'])}"
                  f" {fmt(f['speaker_right_of_found'])} {fmt(f['speaker_right_of_named'])}")
        if args.errors and system == "claimtrack":
            for lang in ("en", "fr"):
                shown = errors[lang][: args.errors]
                if shown:
                    print(f"\n-- tuning-half errors, {lang} (first of them)")
                    print("\n".join(shown))
    if not args.no_links:
        links = quote_links(records)
        results["quote_links"] = links
        print("\n== quotation links, English against French of each document (ct.align_quotes)")
        for h, f in links.items():
            print(f"{h:10} links {f['links']:4}  precision {f['precision']}  recall {f['recall']}  "
                  f"faithful links with a default finding {f['faithful_links_with_finding']} "
                  f"({f['false_alarm_rate']}) {f['by_type']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
