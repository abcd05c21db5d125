"""Turn a verbatim quote annotation of the WMT14 news into offsets (the form kept here).

    python benchmarks/annotate_quotes.py check WORK.jsonl...     # validate, print problems
    python benchmarks/annotate_quotes.py write WORK.jsonl...     # write benchmarks/quotes-wmt14.jsonl

The annotators read ``../shared/eval/news/wmt14-fren/<docid>.<lang>`` and
write, outside the repository, one JSON record per document and language
(every annotated document has one, with an empty list when it quotes no one)::

    {"doc": "1009-lemondefr", "lang": "en", "quotes": [
        {"spans": [{"line": 3, "text": "We will appeal"},
                   {"line": 3, "text": "and we will win."}],
         "partial": false,
         "speaker": {"line": 1, "text": "Jane Okafor"}, "named": true}]}

``line`` is the 0-based line (segment) of the file; ``text`` is a verbatim
substring of that line, quotation marks left out, with ``"occurrence": k``
(0-based) when it occurs more than once on the line.  ``speaker`` is the
fullest mention of the speaker's name anywhere in the document (its first
occurrence there), or, when the document never names them, the description
("a spokesman for the ministry") with ``named`` false; null when nothing
says who is quoted.

The file kept in the repository holds offsets only (the texts stay in
``../shared``): each quote's spans as ``[start, end]`` end-exclusive into the
file's text, the speaker likewise, and the SHA-256 of each annotated file, so
that a changed text is detected instead of silently mis-measured.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import line_starts  # noqa: E402

HERE = Path(__file__).resolve().parent
NEWS = HERE.parent.parent / "shared" / "eval" / "news" / "wmt14-fren"
GOLD = HERE / "quotes-wmt14.jsonl"


def _locate(text: str, starts: list[int], item: dict[str, Any], where: str) -> tuple[list[int] | None, str | None]:
    line, frag, occ = item.get("line"), item.get("text"), int(item.get("occurrence", 0))
    if not isinstance(line, int) or not isinstance(frag, str) or not frag:
        return None, f"{where}: needs an integer 'line' and a non-empty 'text'"
    if not 0 <= line < len(starts):
        return None, f"{where}: line {line} out of range (0..{len(starts) - 1})"
    lo = starts[line]
    hi = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
    seg = text[lo:hi]
    hits = []
    at = seg.find(frag)
    while at >= 0:
        hits.append(at)
        at = seg.find(frag, at + 1)
    if not hits:
        return None, f"{where}: {frag!r} is not on line {line}: {seg[:120]!r}..."
    if len(hits) > 1 and "occurrence" not in item:
        return None, f"{where}: {frag!r} occurs {len(hits)} times on line {line}; give 'occurrence'"
    if occ >= len(hits):
        return None, f"{where}: occurrence {occ} of {frag!r} not on line {line}"
    start = lo + hits[occ]
    return [start, start + len(frag)], None


def convert(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """The offset records and the problems found (none: the annotation is usable)."""
    out: list[dict[str, Any]] = []
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for rec in records:
        doc, lang = rec.get("doc"), rec.get("lang")
        path = NEWS / f"{doc}.{lang}"
        if lang not in ("en", "fr") or not path.is_file():
            problems.append(f"{doc}.{lang}: no such document")
            continue
        if (doc, lang) in seen:
            problems.append(f"{doc}.{lang}: annotated twice")
            continue
        seen.add((doc, lang))
        text = path.read_text(encoding="utf-8")
        starts = line_starts(text)
        quotes = []
        for qi, q in enumerate(rec.get("quotes", [])):
            where = f"{doc}.{lang} quote {qi}"
            spans = []
            for si, s in enumerate(q.get("spans", [])):
                span, err = _locate(text, starts, s, f"{where} span {si}")
                if err:
                    problems.append(err)
                else:
                    assert span is not None
                    spans.append(span)
            if not spans:
                problems.append(f"{where}: no span")
                continue
            speaker = None
            if q.get("speaker") is not None:
                speaker, err = _locate(text, starts, q["speaker"], f"{where} speaker")
                if err:
                    problems.append(err)
            quotes.append(
                {
                    "spans": sorted(spans),
                    "partial": bool(q.get("partial", False)),
                    "speaker": speaker,
                    "named": bool(q.get("named", speaker is not None)),
                }
            )
        quotes.sort(key=lambda q: q["spans"][0])
        out.append(
            {
                "doc": doc,
                "lang": lang,
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "quotes": quotes,
            }
        )
    out.sort(key=lambda r: (r["doc"], r["lang"]))
    return out, problems


def _read(paths: list[str]) -> list[dict[str, Any]]:
    records = []
    for p in paths:
        for n, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    sys.exit(f"{p}:{n}: not JSON: {exc}")
    return records


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("check", "write"):
        print(__doc__)
        return 2
    if not NEWS.is_dir():
        print(f"{NEWS} not found")
        return 1
    out, problems = convert(_read(argv[1:]))
    for p in problems:
        print(p)
    n = sum(len(r["quotes"]) for r in out)
    by_lang = {lang: sum(len(r["quotes"]) for r in out if r["lang"] == lang) for lang in ("en", "fr")}
    print(f"{len(out)} documents, {n} quotations ({by_lang}), {len(problems)} problems")
    if argv[0] == "write":
        if problems:
            print("not written: fix the problems first")
            return 1
        GOLD.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
        print(f"wrote {GOLD}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
