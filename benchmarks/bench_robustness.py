"""Big and odd inputs: time and peak memory of ``compare``, ``diff`` and ``track add``.

Each case runs the command line (``python -m claimtrack ...``) in a fresh
process, so its peak RSS (``wait4``'s ``ru_maxrss``) is the command's own, and
records the exit status and, for a refused input, the one-line error.  The
inputs are generated here (nothing is read from ``../shared``):

- ``article-1MB``, ``article-5MB``, ``article-15MB``: news prose (paragraphs of
  attributed quotes, figures, dates and names, furniture lines), made from
  templates with a seeded generator;
- ``line-5MB``: one 5 MB line of words, no punctuation;
- ``lines-100k``: 100,000 short lines;
- ``capitals-2k`` ... ``capitals-64k``: a run of N capital letters inside a
  sentence (``claims`` only: the patterns that were quadratic in it).

``compare`` pairs the big input with a short article (the fixture
``fixtures/harbour-bridge/en-herald.txt``): comparing two 15 MB articles would
be 190,000 x 190,000 claim cosines, a cost of the pair of inputs, not of one.
``compare-rev`` gives the two in the other order (not run by default): in
the clusters stage, the big article's claims are then matched against the
clusters of the short one, the path of a big article added to a store that
already has clusters.  ``diff`` pairs the input with itself, one figure changed (``diff --pairs``, one
JSON Lines record: a text this long is no command-line argument); inputs over the diff
budget (``claimtrack.drift.MAX_DIFF_CHARS``) are refused before any work, so a
``diff-budget`` case at exactly the budget shows the most a diff costs.
``track add`` adds the input to a fresh store.

    python benchmarks/bench_robustness.py --fake-embedder            # every case, hashing encoder
    python benchmarks/bench_robustness.py --cases article-1MB        # the real encoder (USE)
    python benchmarks/bench_robustness.py --fake-embedder --json out.json

``--fake-embedder`` uses the benchmarks' ``HashEmbedder`` (``_data.py``):
it measures claimtrack's own cost; with the real encoder, encoding adds about
one second per 1,000 claims on one core.  The issue's bar: a 15 MB ``compare``
under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "fixtures" / "harbour-bridge" / "en-herald.txt"
MB = 1_000_000

FIRST = ["Alice", "Paul", "Claire", "Marc", "Sophie", "David", "Amara", "Tomas", "Elena", "Kenji", "Ruth", "Omar"]
LAST = ["Martin", "Durand", "Okafor", "Marchetti", "Chen", "Lefebvre", "Nakamura", "Haddad", "Whitfield", "Silva"]
ORGS = ["the city council", "the port authority", "Harbour Works Ltd", "the transport ministry", "the union",
        "the Riverside Trust", "the regional assembly", "Northline Rail"]
TOPICS = ["bridge", "tunnel", "ferry terminal", "rail link", "housing plan", "flood barrier", "school programme"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October", "November"]


def _sentence(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    org, topic, month = rng.choice(ORGS), rng.choice(TOPICS), rng.choice(MONTHS)
    n = rng.randint(2, 9800)
    k = rng.randrange(6)
    if k == 0:
        return (f"\u201cWe expect more than {n:,} people to use the {topic} every day,\u201d said {name}, "
                f"who leads the project for {org}.")
    if k == 1:
        return f"According to {org}, the {topic} will cost about {n / 10:.1f} million dollars and open in {month}."
    if k == 2:
        return f"{name} said on Monday that nearly {n} workers had been hired since {month} {rng.randint(2001, 2024)}."
    if k == 3:
        return f"The {topic} was not approved by {org}, which asked for a new study of its {n} pages of plans."
    if k == 4:
        return f"Work on the {topic} started in {month}, and {org.capitalize()} said it would hire {n} more staff."
    return f"Residents have waited {rng.randint(2, 40)} years for the {topic}, {name} told reporters."


def article(size: int, seed: int = 15) -> str:
    """News prose of about ``size`` characters: paragraphs of two to five
    sentences, a heading or a furniture line now and then."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        r = rng.random()
        if r < 0.04:
            line = f"{rng.choice(TOPICS).title()} Plans for {rng.choice(MONTHS)}"
        elif r < 0.06:
            line = rng.choice(["Share this article", "Advertisement", "Read more: city news"])
        else:
            line = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        parts.append(line)
        total += len(line) + 1
    return "\n".join(parts)[:size].rsplit("\n", 1)[0] + "\n"


def single_line(size: int) -> str:
    words = ["harbour", "council", "bridge", "works", "plan", "vote", "river", "port", "city", "budget"]
    out = " ".join(words[(k * 7 + k // 10) % len(words)] for k in range(size // 6 + 1))
    return out[:size]


def short_lines(n: int) -> str:
    return "".join(f"Item {k} was sold.\n" for k in range(n))


def capitals(n: int) -> str:
    return "Ministers met today. " + "A" * n + " said it.\n"


INPUTS: dict[str, Any] = {
    "article-1MB": lambda: article(1 * MB),
    "article-5MB": lambda: article(5 * MB),
    "article-15MB": lambda: article(15 * MB),
    "line-5MB": lambda: single_line(5 * MB),
    "lines-100k": lambda: short_lines(100_000),
    "capitals-2k": lambda: capitals(2_000),
    "capitals-16k": lambda: capitals(16_000),
    "capitals-64k": lambda: capitals(64_000),
}


def _budget_text() -> str:
    from claimtrack.drift import MAX_DIFF_CHARS

    return article(4 * MAX_DIFF_CHARS, seed=7).replace("\n", " ")[:MAX_DIFF_CHARS]


def _edited(text: str) -> str:
    for digit in "123456789":
        at = text.find(digit)
        if at >= 0:
            return text[:at] + ("2" if digit != "2" else "3") + text[at + 1 :]
    return text + " More."


def _run(argv: list[str], limit: float) -> dict[str, Any]:
    """Run the command line in a fresh process: wall time, peak RSS, exit
    status, the last line of standard error."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO)]))
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "claimtrack", *argv], stdout=subprocess.DEVNULL,
                                stderr=err, env=env, cwd=REPO)
        timer = threading.Timer(limit, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    return {
        "seconds": round(wall, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit": proc.returncode,
        "timed_out": wall >= limit,
        "stderr": lines[-1][:160] if lines else "",
    }


def generate(names: list[str], folder: Path) -> None:
    """Write each input (and what its commands read) under ``folder``: run in
    its own process, so the process that measures never holds a big text
    (a child's peak RSS counts its parent's memory at the fork)."""
    for name in names:
        text = _budget_text() if name == "diff-budget" else INPUTS[name]()
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        record = {"source": text, "target": _edited(text), "source_lang": "en", "target_lang": "en"}
        # one record: a text this long is no command-line argument
        (folder / f"{name}.pairs.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
        (folder / f"{name}.chars").write_text(str(len(text)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fake-embedder", action="store_true", help="the hashing encoder instead of USE")
    ap.add_argument("--cases", nargs="*", default=None, help=f"inputs to run (default: all of {', '.join(INPUTS)})")
    ap.add_argument("--commands", nargs="*", default=["claims", "compare", "diff", "track-add"])
    ap.add_argument("--limit", type=float, default=900.0, help="seconds before a case is killed")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    cases = list(args.cases) if args.cases else [*INPUTS, "diff-budget"]
    if args.generate is not None:
        generate(cases, args.generate)
        return
    embedder = ["--embedder", "benchmarks._data:HashEmbedder"] if args.fake_embedder else []
    rows: list[dict[str, Any]] = []
    print(f"{'input':14s} {'command':10s} {'seconds':>8s} {'peak RSS MB':>12s} {'exit':>5s}  result")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO)]))
        subprocess.run([sys.executable, __file__, "--generate", str(d), "--cases", *cases], check=True, env=env)
        for name in cases:
            if name == "diff-budget":
                commands = ["diff"]
            elif name.startswith("capitals"):
                commands = ["claims"]
            else:
                commands = args.commands
            src = d / f"{name}.txt"
            chars = int((d / f"{name}.chars").read_text())
            for cmd in commands:
                if cmd == "claims":
                    argv = ["claims", str(src), "--lang", "en", "--format", "jsonl"]
                elif cmd == "compare":
                    argv = ["compare", str(src), str(SMALL), "--format", "json", *embedder]
                elif cmd == "compare-rev":  # the short article first: the big one joins a store with clusters
                    argv = ["compare", str(SMALL), str(src), "--format", "json", *embedder]
                elif cmd == "diff":
                    argv = ["diff", "--pairs", str(d / f"{name}.pairs.jsonl"), "--format", "jsonl", *embedder]
                else:
                    argv = ["track", "add", str(src), "--db", str(d / f"{name}.db"), "--published", "2024-09-14",
                            *embedder]
                r = _run(argv, args.limit)
                r.update(input=name, command=cmd, chars=chars)
                rows.append(r)
                result = "killed at the limit" if r["timed_out"] else (r["stderr"] if r["exit"] else "ok")
                print(f"{name:14s} {cmd:10s} {r['seconds']:8.2f} {r['peak_rss_mb']:12.1f} {r['exit']:5d}  {result}",
                      flush=True)
    if args.json:
        args.json.write_text(json.dumps({"fake_embedder": args.fake_embedder, "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
