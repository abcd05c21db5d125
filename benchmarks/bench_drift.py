"""Drift benchmark: DEMETR (typed recall, false alarms), REFreSD (weighted F1),
OpenSubtitles EN-FR (Vyas et al. 2018, accuracy) and the seed-corpus checks.

Reads the data from ``../shared/eval/drift`` and ``../shared/corpus`` (never
copied into the repository); a missing set is skipped with a message.

    python benchmarks/bench_drift.py                       # everything
    python benchmarks/bench_drift.py --only demetr,refresd # some sets
    python benchmarks/bench_drift.py --limit 200           # quick look

Every figure is printed next to its reference or goal.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from _data import (
    CORPUS, DRIFT, HALVES, embedder, half_of, load_demetr, load_refresd, load_vyas, refresd_scores, skip,
)

# DEMETR perturbation -> the drift type that should be found
DEMETR_TYPES: dict[str, tuple[str, ...]] = {
    # a replaced year is a date drift in claimtrack's taxonomy
    "critical_id10_numbers_replaced": ("number", "date", "time_scope"),
    "critical_id8_negation": ("negation",),
    "critical_id9_ne_replaced": ("entity",),
    "critical_id25_ne_removed": ("entity",),
    "critical_id11_gender": ("pronoun",),
    "critical_id6_addition": ("addition",),
    "critical_id21_adj_adv_removed": ("omission",),
    "critical_id22_verb_removed": ("omission",),
    "critical_id23_noun_removed": ("omission",),
    "critical_id24_subj_removed": ("omission",),
}
DEMETR_GOALS = {"number": 0.95, "negation": 0.95, "entity": 0.90, "addition": 0.70, "omission": 0.70, "pronoun": None}


# --- metrics -----------------------------------------------------------------

# --- DEMETR ----------------------------------------------------------------------

def demetr_base_translations(rows: list[dict[str, Any]]) -> dict[Any, str]:
    """The unperturbed MT output per source sentence: DEMETR leaves
    ``pert_sent`` equal to it when a perturbation does not apply, so it is the
    most frequent ``pert_sent`` of a source sentence."""
    by_src: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for r in rows:
        if not r["pert_name"].startswith("base_"):
            by_src[r["src_sent"]][r["pert_sent"]] += 1
    return {src: c.most_common(1)[0][0] for src, c in by_src.items()}


def run_demetr(diff_many: Callable[..., Any], limit: int | None = None, verbose: bool = False) -> dict[str, Any]:
    """DEMETR figures for each half (split by French source sentence, :func:`half_of`)."""
    rows = load_demetr()
    base = demetr_base_translations(rows)
    srcs = sorted(base)[:limit] if limit else sorted(base)
    keep = set(srcs)
    rows = [r for r in rows if r["src_sent"] in keep]
    typed = [r for r in rows if r["pert_name"] in DEMETR_TYPES and r["pert_sent"] != base[r["src_sent"]]]
    refs = [r for r in rows if r["pert_name"] == "base_id35_reference"]
    minors = [r for r in rows if r["severity"] == "minor" and r["pert_sent"] != base[r["src_sent"]]]
    t0 = time.perf_counter()
    res_typed = diff_many([(r["src_sent"], r["pert_sent"]) for r in typed], "fr", "en")
    res_refs = diff_many([(r["src_sent"], r["eng_sent"]) for r in refs], "fr", "en")
    res_base = diff_many([(s, base[s]) for s in srcs], "fr", "en")
    res_minor = diff_many([(r["src_sent"], r["pert_sent"]) for r in minors], "fr", "en")
    elapsed = time.perf_counter() - t0
    out: dict[str, Any] = {"seconds": elapsed, "pairs": len(typed) + len(refs) + len(srcs) + len(minors)}
    for half in HALVES:
        hits: dict[str, list[int]] = collections.defaultdict(list)
        any_hits: dict[str, list[int]] = collections.defaultdict(list)
        per_pert: dict[str, list[int]] = collections.defaultdict(list)
        for r, d in zip(typed, res_typed):
            if half_of(r["src_sent"]) != half:
                continue
            want = DEMETR_TYPES[r["pert_name"]]
            found = {f.type for f in d.drift}
            ok = int(bool(found & set(want)))
            hits[want[0]].append(ok)
            any_hits[want[0]].append(int(bool({f.type for f in d.candidates} & set(want))))
            per_pert[r["pert_name"]].append(ok)
            if verbose and not ok and half == "tuning":
                print("MISS", r["pert_name"], "|", r["eng_sent"], "|", r["pert_sent"], "|", sorted(found))
        ref_ds = [d for r, d in zip(refs, res_refs) if half_of(r["src_sent"]) == half]
        base_ds = [d for s, d in zip(srcs, res_base) if half_of(s) == half]
        minor_ds = [d for r, d in zip(minors, res_minor) if half_of(r["src_sent"]) == half]
        if verbose and half == "tuning":
            for r, d in zip(refs, res_refs):
                if half_of(r["src_sent"]) == half:
                    for f in d.drift:
                        print("FA", f.type, repr(f.source_value), repr(f.target_value), "|", r["src_sent"], "|",
                              r["eng_sent"])
        out[half] = {
            "recall": {t: (sum(v) / len(v), len(v)) for t, v in hits.items()},
            "candidate_recall": {t: sum(v) / len(v) for t, v in any_hits.items()},
            "reference_candidates": sum(int(bool(d.candidates)) for d in ref_ds) / max(len(ref_ds), 1),
            "minor_candidates": sum(int(bool(d.candidates)) for d in minor_ds) / max(len(minor_ds), 1),
            "per_pert": {p: (sum(v) / len(v), len(v)) for p, v in per_pert.items()},
            "false_alarm": (sum(int(bool(d.drift)) for d in ref_ds) / max(len(ref_ds), 1), len(ref_ds)),
            "false_alarm_types": dict(collections.Counter(f.type for d in ref_ds for f in d.drift)),
            "base_mt_any": sum(int(bool(d.drift)) for d in base_ds) / max(len(base_ds), 1),
            "minor_any": sum(int(bool(d.drift)) for d in minor_ds) / max(len(minor_ds), 1),
            "n_minor": len(minor_ds),
            "divergent_on_reference": sum(d.divergent for d in ref_ds) / max(len(ref_ds), 1),
        }
    return out


def print_demetr(r: dict[str, Any]) -> None:
    tu, va = r["tuning"], r["validation"]
    print("DEMETR fr->en, split by source sentence: tuning / validation"
          " (recall of a finding of the right type; rows where the perturbation applied)")
    print("  (default findings; in brackets: any candidate, whatever its confidence)")
    print(f"  {'type':<10} {'tuning':>7} {'':>8} {'n':>4} {'valid.':>7} {'':>8} {'n':>4}  goal")
    for t in ("number", "negation", "entity", "pronoun", "addition", "omission"):
        if t in tu["recall"] or t in va["recall"]:
            v1, n1 = tu["recall"].get(t, (float("nan"), 0))
            v2, n2 = va["recall"].get(t, (float("nan"), 0))
            g = DEMETR_GOALS[t]
            c1 = tu["candidate_recall"].get(t, float("nan"))
            c2 = va["candidate_recall"].get(t, float("nan"))
            print(f"  {t:<10} {v1:7.3f} ({c1:6.3f}) {n1:4d} {v2:7.3f} ({c2:6.3f}) {n2:4d}  "
                  f"{'>= ' + format(g, '.2f') if g else '(no goal)'}")
    for p in sorted(set(tu["per_pert"]) | set(va["per_pert"])):
        v1, n1 = tu["per_pert"].get(p, (float("nan"), 0))
        v2, n2 = va["per_pert"].get(p, (float("nan"), 0))
        print(f"    {p:<32} {v1:6.3f} (n={n1})  {v2:6.3f} (n={n2})")
    for name, h in (("tuning", tu), ("validation", va)):
        fa, n = h["false_alarm"]
        print(f"  [{name}] any finding on the reference: {fa:.3f} (n={n}, goal <= 0.03, by type"
              f" {h['false_alarm_types']}); on minor edits: {h['minor_any']:.3f} (n={h['n_minor']}, goal <= 0.03);"
              f" on the unperturbed MT: {h['base_mt_any']:.3f}; divergent on the reference:"
              f" {h['divergent_on_reference']:.3f}; any candidate on the reference {h['reference_candidates']:.3f},"
              f" on minor edits {h['minor_candidates']:.3f}")
    print(f"  {r['pairs']} pairs in {r['seconds']:.1f} s")


# --- REFreSD ---------------------------------------------------------------------

def run_refresd(diff_many: Callable[..., Any], limit: int | None = None) -> dict[str, Any]:
    rows = load_refresd()[:limit] if limit else load_refresd()
    t0 = time.perf_counter()
    res = diff_many([(r["english"], r["french"]) for r in rows], "en", "fr")
    elapsed = time.perf_counter() - t0
    sims = [d.similarity for d in res]
    full = refresd_scores(rows, [d.divergent for d in res])
    import numpy as np
    from fit_divergence import cross_validate, values

    y = np.array([r["binary_label"] == "divergent" for r in rows], dtype=float)
    threshold = res[0].threshold if res else 0.5
    cv = refresd_scores(rows, list(cross_validate(values(res), y) >= threshold))
    best = max(
        ((t / 100, refresd_scores(rows, [s < t / 100 for s in sims])) for t in range(20, 95)),
        key=lambda x: x[1]["all"],
    )
    return {"full": full, "cv": cv, "best_sim_threshold": best, "seconds": elapsed, "n": len(rows)}


def print_refresd(r: dict[str, Any]) -> None:
    print(f"REFreSD en-fr, weighted F1 of `divergent` (n={r['n']}, {r['seconds']:.1f} s)")
    print(f"  {'':<44} {'all':>6} {'eq-vs-some':>10} {'eq-vs-unrel':>11}")
    f, c = r["full"], r["cv"]
    t, b = r["best_sim_threshold"]
    print(f"  {'diff, 5-fold cross-validated weights':<44} {c['all']:6.3f} {c['some']:10.3f} {c['unrelated']:11.3f}")
    print(f"  {'diff, shipped weights (fitted on this set)':<44} {f['all']:6.3f} {f['some']:10.3f}"
          f" {f['unrelated']:11.3f}")
    print(f"  {'similarity only, best cut ' + format(t, '.2f') + ' (oracle)':<44} {b['all']:6.3f} {b['some']:10.3f}"
          f" {b['unrelated']:11.3f}")
    print(f"  {'reference: embedding threshold':<44} {'~0.80':>6} {'~0.74':>10}")
    print(f"  {'goal':<44} {'>=0.85':>6} {'>=0.80':>10} {'>=0.80':>11}")
    print("  (the score's weights are fitted on REFreSD by benchmarks/fit_divergence.py: the cross-validated row"
          " is the honest estimate)")


# --- Vyas 2018 OpenSubtitles ---------------------------------------------------------

def run_vyas(diff_many: Callable[..., Any], limit: int | None = None) -> dict[str, Any]:
    rows = load_vyas()[:limit] if limit else load_vyas()
    t0 = time.perf_counter()
    res = diff_many([(e, f) for e, f, _, _ in rows], "en", "fr")
    elapsed = time.perf_counter() - t0
    acc = sum(int(d.divergent == (lab == 0)) for d, (_, _, lab, _) in zip(res, rows)) / max(len(rows), 1)
    best = max(
        sum(int((d.similarity < t / 100) == (lab == 0)) for d, (_, _, lab, _) in zip(res, rows)) / max(len(rows), 1)
        for t in range(20, 95)
    )
    majority = max(sum(r[2] for r in rows), len(rows) - sum(r[2] for r in rows)) / max(len(rows), 1)
    return {"accuracy": acc, "similarity_best": best, "majority": majority, "n": len(rows), "seconds": elapsed}


def print_vyas(r: dict[str, Any]) -> None:
    print(f"OpenSubtitles EN-FR (Vyas et al. 2018), accuracy of `divergent` (n={r['n']}, {r['seconds']:.1f} s)")
    print(f"  diff {r['accuracy']:.3f} (weights never fitted on this set); similarity only, best cut (oracle)"
          f" {r['similarity_best']:.3f}; majority class {r['majority']:.3f}"
          f"  (reference: the paper's best divergence classifier reports ~0.84 F1 on its own test split)")


# --- seed corpus -------------------------------------------------------------------------

SEED = {
    "000": "000_a501d4b4aacbae9d.txt",
    "001": "001_0b6936ff3134a900.txt",
    "002": "002_b1c87d9769823a29.txt",
    "003": "003_ee71881d6c9f19e8.txt",
    "004": "004_f754d39028b1c723.txt",
}


def seed_sentence(key: str, prefix: str, end: str = ".") -> str:
    """The sentence of seed article ``key`` that starts with ``prefix`` (the
    text is read from ../shared at run time, never stored here)."""
    text = (CORPUS / SEED[key]).read_text(encoding="utf-8")
    i = text.index(prefix)
    j = text.index(end, i + len(prefix)) + len(end)
    return text[i:j]


def seed_cases() -> list[tuple[str, str, str, str, str, Callable[[Any], bool]]]:
    """(name, source, target, source_lang, target_lang, expectation)."""

    def types(d: Any) -> set[str]:
        return {f.type for f in d.drift}

    gen = "generalis"
    return [
        ("150,000 (000) vs 154 000 (004): number + qualifier",
         seed_sentence("000", "“PyTorch has become one", "statement."),
         seed_sentence("004", "Ces cinq dernières années", "…"), "en", "fr",
         lambda d: any(f.type == "number" and f.source_value == "150,000" and f.target_value == "154,000"
                       for f in d.drift) and "qualifier" in types(d)),
        ("Chintala she said (002) vs he said (003): pronoun",
         seed_sentence("002", "\"The business governance", "post."),
         seed_sentence("003", "However, the technical decisions"), "en", "en",
         lambda d: "pronoun" in types(d)),
        ("governing board 002 vs 004: entity generalisations",
         seed_sentence("002", "The new PyTorch Foundation will now control"),
         seed_sentence("004", "Le conseil d’administration"), "en", "fr",
         lambda d: sum(1 for f in d.drift if f.type == "entity" and gen in f.explanation) >= 2),
        ("65,000 commits 001 vs 003 verbatim: no finding",
         seed_sentence("001", "From August 2021 through"), seed_sentence("003", "From August 2021 through"),
         "en", "en", lambda d: not d.drift),
    ]


def run_seed(diff: Callable[..., Any]) -> list[tuple[str, bool, Any]]:
    out = []
    for name, a, b, la, lb, ok in seed_cases():
        d = diff(a, b, la, lb)
        out.append((name, ok(d), d))
    return out


def print_seed(res: list[tuple[str, bool, Any]]) -> None:
    print("Seed corpus checks")
    for name, ok, d in res:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}: {[(f.type, f.source_value, f.target_value) for f in d.drift]}")


# --- main ----------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="demetr,refresd,vyas,seed")
    ap.add_argument("--limit", type=int, default=None, help="first N items of each set (quick runs)")
    ap.add_argument("--verbose", action="store_true", help="print DEMETR misses and false alarms")
    args = ap.parse_args(argv)
    wanted = {x.strip() for x in args.only.split(",") if x.strip()}

    from claimtrack.drift import diff, diff_many
    from claimtrack.embed import EmbeddingCache

    emb = embedder()
    cache = EmbeddingCache()

    def many(pairs: Sequence[tuple[str, str]], sl: str, tl: str) -> Any:
        return diff_many(pairs, sl, tl, embedder=emb, cache=cache)

    def one(a: str, b: str, sl: str, tl: str) -> Any:
        return diff(a, b, sl, tl, embedder=emb, cache=cache)

    if "seed" in wanted:
        if CORPUS.exists():
            print_seed(run_seed(one))
        else:
            skip("seed", CORPUS)
    if "demetr" in wanted:
        if (DRIFT / "demetr-fr").exists():
            print_demetr(run_demetr(many, args.limit, args.verbose))
        else:
            skip("demetr", DRIFT / "demetr-fr")
    if "refresd" in wanted:
        if (DRIFT / "refresd").exists():
            print_refresd(run_refresd(many, args.limit))
        else:
            skip("refresd", DRIFT / "refresd")
    if "vyas" in wanted:
        if (DRIFT / "vyas2018-en-fr").exists():
            print_vyas(run_vyas(many, args.limit))
        else:
            skip("vyas", DRIFT / "vyas2018-en-fr")
    return 0


if __name__ == "__main__":
    sys.exit(main())
