"""Cost of adding articles to the claim store as it grows (issue #5).

Generates ``--articles`` synthetic EN/FR news articles (default 10,000) and
adds them one by one to a fresh :class:`claimtrack.Tracker`, timing every
``add``.  Prints articles per second over the first and the last window of
``--window`` articles (default 100), their ratio (the goal: the per-article
cost at the end within 2x of the cost at the start), the store's size on
disk, the clusters formed (of claims, and of quotations), and peak memory
(RSS high-water mark, and the
tracemalloc peak unless ``--no-tracemalloc``; tracemalloc slows Python code,
so the rates of a run with it are lower, for the start and the end alike).

The articles come from templates: the harbour-bridge fixture's statements
(opening, workforce, cost, mayor's quote, traffic, fees) and the three
statement templates of :mod:`claimtrack.testing` (figures formatted per
locale by its ``format_number``), filled per *story* with invented place,
person and company names and figures.  A story is told by about four articles (a third
of them French) published on consecutive days, each with 4-7 of the story's
statements (some with a drifted figure or qualifier) plus 1-2 sentences of its
own; stories overlap in time as in a feed.  Everything is seeded: the same
options give the same articles.

``--fake-embedder`` swaps the USE encoder for a hashing embedder (word 1-2
grams into 512 dims, no model): the USE encoder dominates the cost of an add
(every claim, and every drift chunk of a matched claim, is encoded: about
0.1 s per matched claim on one core), so the fake one shows the store's own
costs (extraction, matching, SQLite, drift checks), which are what grows
with the store.

    python benchmarks/bench_store.py --fake-embedder            # 10,000 articles
    python benchmarks/bench_store.py --articles 500            # real USE encoder
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

import claimtrack as ct
from claimtrack.testing import TEMPLATES, format_number

from _data import HashEmbedder


# ----------------------------------------------------------------------------- the synthetic feed

_SYL = ["ka", "lo", "mi", "ru", "te", "vo", "sa", "ni", "po", "de", "fu", "gri", "bal", "tor", "men", "zu", "ar",
        "el", "vin", "os", "bra", "qui", "lan", "dor"]
_THINGS = [("bridge", "pont"), ("tunnel", "tunnel"), ("stadium", "stade"), ("hospital", "hôpital"),
           ("tram line", "tramway"), ("library", "centre culturel"), ("ferry terminal", "terminal")]
_DAYS = [("Monday", "lundi"), ("Tuesday", "mardi"), ("Wednesday", "mercredi"), ("Thursday", "jeudi"),
         ("Friday", "vendredi")]
_MONTHS = [("March", "mars"), ("April", "avril"), ("June", "juin"), ("October", "octobre")]
_QUALS = [("more than", "plus de"), ("nearly", "près de"), ("about", "environ"), ("at least", "au moins")]


def _word(rng: random.Random, n: int = 3) -> str:
    return "".join(rng.choice(_SYL) for _ in range(n))


def _fig(v: int, lang: str) -> str:
    return format_number(v, lang)


def _story(s: int) -> dict[str, object]:
    rng = random.Random(s * 7919 + 1)
    return {
        "P": _word(rng).title() + " " + _word(rng, 2).title(),
        "N": _word(rng, 2).title() + " " + _word(rng).title(),
        "O": (lambda name: (name, name))(_word(rng).title() + " " + rng.choice(["Group", "Engineering", "Holdings"])),
        "T": rng.choice(_THINGS),
        "D": rng.choice(_DAYS),
        "M": rng.choice(_MONTHS),
        "Y": rng.randint(2015, 2022),
        "q": rng.randrange(len(_QUALS)),
        "f1": rng.randint(120, 9000),
        "f2": rng.randint(12, 990),
        "f3": rng.randint(5, 60),
        "f4": rng.randint(1000, 90000),
        "noun": rng.choice([("workers", "ouvriers"), ("volunteers", "bénévoles"), ("engineers", "ingénieurs")]),
        "statements": rng.sample(range(10), 8),
    }


def _render(k: int, st: dict, lang: str, drift: bool) -> str:
    """Statement ``k`` of story ``st`` in ``lang``; ``drift`` changes a figure or a qualifier."""
    fr = lang == "fr"
    L = 1 if fr else 0
    P, N, T, D, M, Y = st["P"], st["N"], st["T"][L], st["D"][L], st["M"][L], st["Y"]  # type: ignore[index]
    org = st["O"][L]  # type: ignore[index]
    f1, f2, f3, f4 = st["f1"], st["f2"], st["f3"], st["f4"]
    q = st["q"]
    if drift:
        if k in (1, 7, 8, 9):
            q = (int(q) + 1) % len(_QUALS)  # type: ignore[call-overload]
        f1, f2, f3, f4 = int(f1 * 1.04), int(f2) + 3, int(f3) + 5, int(f4 * 1.1)  # type: ignore[call-overload]
    Q = _QUALS[int(q)][L]  # type: ignore[call-overload]
    noun = st["noun"][L]  # type: ignore[index]
    if k == 0:
        return (f"{P} a inauguré son nouveau {T} {D}, trois ans après le début des travaux en {M} {Y}." if fr else
                f"{P} opened its new {T} on {D}, three years after construction began in {M} {Y}.")
    if k == 1:
        return (f"{Q.capitalize()} {_fig(f1, lang)} {noun} ont participé au projet, construit par {org}." if fr else
                f"{Q.capitalize()} {_fig(f1, lang)} {noun} took part in the project, which was built by {org}.")
    if k == 2:
        return (f"Selon le maire {N}, le nouveau {T} réduira de {f3} % les temps de trajet à {P}." if fr else
                f"Mayor {N} said the new {T} will cut travel times in {P} by {f3}%.")
    if k == 3:
        return (f"« Ce {T} appartient à chaque famille de {P} », a déclaré {N}." if fr else
                f"“This {T} belongs to every family in {P},” {N} said.")
    if k == 4:
        return (f"Le projet a coûté environ {f2} millions de dollars, selon l’agence régionale de {P}." if fr else
                f"The project cost about ${f2} million, according to the {P} regional agency.")
    if k == 5:
        return (f"Au moins {_fig(int(f4), lang)} personnes devraient emprunter le {T} de {P} chaque jour." if fr else
                f"At least {_fig(int(f4), lang)} people are expected to use the {T} of {P} every day.")
    if k == 6:
        return (f"L’agence de {P} a indiqué que les tarifs pourraient augmenter après la première année." if fr else
                f"The {P} agency said fees may rise after the first year.")
    template = ("said_that", "quote_pronoun", "modal")[k - 7]
    text = TEMPLATES[template]["fr" if fr else "en"]
    qn = f"{Q} {_fig(int(f1) * 10, lang)} {noun}"
    return text.format(speaker=N, org=org, Org=org, qn=qn, clause="", pron="il" if fr else "he",
                       modal=("va" if fr else "will"))


def _own(rng: random.Random, st: dict, lang: str) -> str:
    a, b, c, d, e = (_word(rng) for _ in range(5))
    P = st["P"]
    if lang == "fr":
        return f"Le quartier {a.title()} de {P} reste {b}, selon {c.title()} {d.title()}, qui y habite depuis {e}."
    return f"The {a.title()} district of {P} remains {b}, said {c.title()} {d.title()}, who has lived there since {e}."


def articles(n: int, seed: int = 0, per_story: int = 4, overlap: int = 8) -> Iterator[ct.Article]:
    """``n`` articles of ``n / per_story`` stories, in feed order (stories overlap)."""
    rng = random.Random(seed)
    stories = max(1, (n + per_story - 1) // per_story)
    plan: list[tuple[int, int]] = []  # (story, k-th article of it), in feed order
    for s in range(stories):
        for j in range(per_story):
            plan.append((s, j))
    # a story's articles spread over the next `overlap` stories' slots
    plan.sort(key=lambda sj: (sj[0] + sj[1] * overlap / per_story, sj[0], sj[1]))
    start = dt.date(2020, 1, 1)
    for idx, (s, j) in enumerate(plan[:n]):
        st = _story(s)
        arng = random.Random(f"{seed}-{s}-{j}")
        lang = "fr" if arng.random() < 0.33 else "en"
        chosen = sorted(arng.sample(list(st["statements"]), arng.randint(4, 7)))  # type: ignore[arg-type]
        sentences = [_render(k, st, lang, drift=arng.random() < 0.15) for k in chosen]
        for _ in range(arng.randint(1, 2)):
            sentences.insert(arng.randrange(len(sentences) + 1), _own(arng, st, lang))
        paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
        yield ct.read_article(
            "\n".join(paragraphs), article_id=f"s{s}-{j}", lang=lang, source=f"outlet-{(s + j) % 7}",
            published=start + dt.timedelta(days=s // 3 + j),
        )
    del rng


# ----------------------------------------------------------------------------- run


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def _mib(n: float) -> str:
    return f"{n / (1 << 20):,.1f} MiB"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000, help="articles to add (default 10,000)")
    ap.add_argument("--window", type=int, default=100, help="articles timed at the start and at the end (default 100)")
    ap.add_argument("--fake-embedder", action="store_true", help="hashing embedder instead of USE (see above)")
    ap.add_argument("--no-tracemalloc", action="store_true", help="skip the tracemalloc peak (faster Python)")
    ap.add_argument("--projection-dims", type=int, default=ct.MatchSettings().projection_dims, metavar="N",
                    help="MatchSettings.projection_dims: cluster search on vectors projected to N dims above 8,192 "
                         "clusters, shortlist re-ranked exactly (default: the store's default, 128; 0: exact scan)")
    ap.add_argument("--shortlist", type=int, default=128, help="MatchSettings.shortlist (with --projection-dims)")
    ap.add_argument("--db", type=Path, help="store path (default: a temporary file, removed afterwards)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    n, w = max(1, args.articles), max(1, min(args.window, args.articles))

    embedder = HashEmbedder() if args.fake_embedder else ct.default_embedder()
    tmp = None
    if args.db is None:
        tmp = Path(tempfile.mkdtemp(prefix="bench_store_"))
        db = tmp / "store.db"
    else:
        db = args.db
        if db.exists():
            print(f"error: {db} exists; give a new path", file=sys.stderr)
            return 2
    try:
        # warm-up outside the store: model load, extraction tables, drift checks
        warm = next(articles(1, seed=args.seed + 1))
        claims = ct.extract_claims(warm)
        embedder.encode([c.text for c in claims])
        if len(claims) >= 2:
            from claimtrack.drift import diff_claims

            diff_claims(claims[0], claims[1], embedder=embedder)

        if not args.no_tracemalloc:
            tracemalloc.start()
        times: list[float] = []
        added = matched = new = nclaims = 0
        t_all = time.perf_counter()
        settings = ct.MatchSettings(projection_dims=args.projection_dims, shortlist=args.shortlist)
        with ct.Tracker(db, embedder=embedder, settings=settings) as tracker:
            for i, article in enumerate(articles(n, seed=args.seed)):
                t0 = time.perf_counter()
                r = tracker.add(article)
                times.append(time.perf_counter() - t0)
                added += r.added
                matched += r.matched
                new += r.new_clusters
                nclaims += r.claims
                if (i + 1) % 1000 == 0 or i + 1 == n:
                    recent = times[-min(len(times), 1000):]
                    print(f"  {i + 1:>6} articles  {len(recent) / sum(recent):7.1f} articles/s (last "
                          f"{len(recent)})  {nclaims} claims  {new} clusters", file=sys.stderr, flush=True)
            elapsed = time.perf_counter() - t_all
            stats = tracker.stats()
            sizes = [r[0] for r in tracker._conn.execute("SELECT size FROM clusters")]
            tracker._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        peak_trace = tracemalloc.get_traced_memory()[1] if tracemalloc.is_tracing() else None
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
        first, last = times[:w], times[-w:]
        cost_first, cost_last = sum(first) / len(first), sum(last) / len(last)
        ratio = cost_last / cost_first
        figures = {
            "articles": n,
            "embedder": embedder.fingerprint,
            "search": "exact" if not args.projection_dims else
                      f"projected to {args.projection_dims} dims above 8,192 clusters, shortlist {args.shortlist}",
            "claims": nclaims,
            "matched": matched,
            "clusters": stats["clusters"],
            "multi_variant_clusters": stats["multi_variant_clusters"],
            "largest_cluster": max(sizes) if sizes else 0,
            "drifted_variants": stats["drifted_variants"],
            "quotes": stats.get("quotes"),
            "quote_clusters": stats.get("quote_clusters"),
            "multi_variant_quote_clusters": stats.get("multi_variant_quote_clusters"),
            "drifted_quotes": stats.get("drifted_quotes"),
            "first_window_articles_per_s": 1 / cost_first,
            "last_window_articles_per_s": 1 / cost_last,
            "cost_ratio_last_vs_first": ratio,
            "mean_articles_per_s": n / elapsed,
            "store_bytes": _size(db),
            "peak_tracemalloc_bytes": peak_trace,
            "peak_rss_bytes": rss,
            "tracemalloc": peak_trace is not None,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        }
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    rows = [
        ("articles added", f"{n:,}  ({nclaims:,} claims, {matched:,} matched to a cluster)"),
        ("embedder", figures["embedder"]),
        ("cluster search", figures["search"]),
        ("clusters", f"{figures['clusters']:,}  ({figures['multi_variant_clusters']:,} with 2+ variants, "
                     f"largest {figures['largest_cluster']}, {figures['drifted_variants']:,} drifted variants)"),
        ("quotation clusters", f"{figures['quote_clusters']:,}  ({figures['quotes']:,} quotations, "
                               f"{figures['multi_variant_quote_clusters']:,} with 2+ variants, "
                               f"{figures['drifted_quotes']:,} drifted)"),
        (f"articles/s, first {w}", f"{1 / cost_first:,.1f}  ({cost_first * 1000:.1f} ms per article)"),
        (f"articles/s, last {w}", f"{1 / cost_last:,.1f}  ({cost_last * 1000:.1f} ms per article)"),
        ("cost last / first", f"{ratio:.2f}x  ({'within' if ratio <= 2 else 'NOT within'} the 2x goal)"),
        ("articles/s, whole run", f"{n / elapsed:,.1f}  ({elapsed:,.0f} s)"),
        ("store on disk", _mib(figures["store_bytes"])),
        ("peak memory, tracemalloc", _mib(peak_trace) if peak_trace is not None else "not measured"),
        ("peak memory, ru_maxrss", _mib(rss)),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"claim store benchmark ({'tracemalloc on' if peak_trace is not None else 'tracemalloc off'}, "
          f"Python {platform.python_version()}, {os.cpu_count()} CPUs)")
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
