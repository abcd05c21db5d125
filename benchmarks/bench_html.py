"""HTML furniture benchmark: prose kept and boilerplate dropped, claimtrack's own
extraction against trafilatura (when installed).

    python benchmarks/bench_html.py

Pages: ``tests/data/html`` (the pages the rules were written against; the tests
use them) and ``tests/data/html_heldout`` (written after the rules, never tuned
on).  Each page's ``.json`` lists the article's paragraphs, every one of which
must be found whole in the output, and strings of its furniture, none of which
may be left.  Whitespace and no-break spaces are compared as single spaces.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

from claimtrack.ingest.html import html_to_text

REPO = Path(__file__).resolve().parents[1]
SETS = {"tuned": REPO / "tests" / "data" / "html", "held-out": REPO / "tests" / "data" / "html_heldout"}


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).replace("\u00a0", " ").replace("\u202f", " ").split())


def score(extract: Callable[[str], str | None], label: str, folder: Path) -> tuple[int, int, int, int]:
    kept = n_prose = dropped = n_boiler = 0
    for page in sorted(folder.glob("*.html")):
        exp = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        out = _norm(extract(page.read_text(encoding="utf-8")) or "")
        missing = [p for p in exp["prose"] if _norm(p) not in out]
        left = [b for b in exp["boilerplate"] if _norm(b) in out]
        print(f"  {label:12} {page.stem:14} prose kept {len(exp['prose']) - len(missing)}/{len(exp['prose'])}"
              f"  boilerplate dropped {len(exp['boilerplate']) - len(left)}/{len(exp['boilerplate'])}"
              + (f"  missing: {'; '.join(p[:40] for p in missing)}" if missing else "")
              + (f"  left: {'; '.join(left)}" if left else ""))
        kept += len(exp["prose"]) - len(missing)
        n_prose += len(exp["prose"])
        dropped += len(exp["boilerplate"]) - len(left)
        n_boiler += len(exp["boilerplate"])
    print(f"  {label:12} {'TOTAL':14} prose kept {kept}/{n_prose}  boilerplate dropped {dropped}/{n_boiler}")
    return kept, n_prose, dropped, n_boiler


def main() -> None:
    extractors: list[tuple[str, Callable[[str], str | None]]] = [("claimtrack", html_to_text)]
    try:
        import trafilatura  # type: ignore[import-not-found]
    except ImportError:
        print("(trafilatura is not installed: only claimtrack's own extraction is measured)")
    else:
        extractors.append(("trafilatura", lambda h: trafilatura.extract(h, include_comments=False)))
        extractors.append(("traf-precise", lambda h: trafilatura.extract(h, include_comments=False, favor_precision=True)))
    for name, folder in SETS.items():
        print(f"{name} pages ({folder.relative_to(REPO)})")
        for label, fn in extractors:
            score(fn, label, folder)


if __name__ == "__main__":
    main()
