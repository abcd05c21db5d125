"""The datasets the benchmarks read, and what several of them need: the paths
under ``../shared`` (never copied into the repository), the loaders of DEMETR,
REFreSD and the OpenSubtitles pairs of Vyas et al. (2018), the REFreSD scoring,
the encoder the drift benchmarks run with, and the fake encoders that measure
the store and the aligner without a model.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # the fake encoders are the tests' (tests/fakes.py)
    sys.path.insert(0, str(REPO))

from tests import fakes as _fakes  # noqa: E402

SHARED = REPO.parent / "shared"
DRIFT = SHARED / "eval" / "drift"
CORPUS = SHARED / "corpus" / "pytorch-foundation"


def skip(name: str, path: Path) -> None:
    print(f"[{name}] skipped: {path} not found (../shared is absent in a fresh clone)")


def embedder() -> Any:
    from claimtrack.embed import USEEmbedder

    return USEEmbedder(threads=1)


# --- fake encoders -----------------------------------------------------------

class HashEmbedder(_fakes.HashEmbedder):
    """The tests' signed hashing of folded word 1- and 2-grams
    (:class:`tests.fakes.HashEmbedder`), in 512 dimensions (not cross-lingual;
    no model)."""

    name = "hash-bench"
    fingerprint = "hash-bench-512-v1"
    dim = 512


class RandomEmbedder:
    """Random unit vectors keyed by text (deterministic); measures the aligner only."""

    name = "random"
    fingerprint = "random-512-v1"
    dim = 512

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for k, t in enumerate(texts):
            rng = np.random.default_rng(abs(hash(t)) % (2**32))
            out[k] = rng.standard_normal(self.dim, dtype=np.float32)
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out


# --- metrics -----------------------------------------------------------------

def prf_weighted(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Per-class precision/recall/F1 and their support-weighted averages (as
    sklearn's ``precision_recall_fscore_support(average='weighted')``)."""
    labels = sorted(set(gold) | set(pred))
    per: dict[str, tuple[float, float, float, int]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        per[lab] = (pr, rc, f1, tp + fn)
    total = sum(v[3] for v in per.values()) or 1
    return {
        "per_class": per,
        "precision": sum(v[0] * v[3] for v in per.values()) / total,
        "recall": sum(v[1] * v[3] for v in per.values()) / total,
        "f1": sum(v[2] * v[3] for v in per.values()) / total,
    }


# --- loaders -----------------------------------------------------------------

HALVES = ("tuning", "validation")
"""Every development set is split in two, deterministically: fit and read the
tuning half only; the validation half is measured, never tuned on."""


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts (line i of a line-parallel file is segment i)."""
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def half_of(key: str) -> str:
    """The half a document or source sentence belongs to: the SHA-256 of its
    key, even first byte: tuning, odd: validation."""
    import hashlib

    return HALVES[hashlib.sha256(key.encode("utf-8")).digest()[0] % 2]


def load_demetr(limit: int | None = None) -> list[dict[str, Any]]:
    path = DRIFT / "demetr-fr" / "demetr-fr.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return rows[:limit] if limit else rows


def load_refresd() -> list[dict[str, str]]:
    with (DRIFT / "refresd" / "refresd.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def refresd_scores(rows: list[dict[str, str]], divergent: Sequence[bool]) -> dict[str, float]:
    pred = ["divergent" if d else "equivalent" for d in divergent]
    gold = [r["binary_label"] for r in rows]
    out = {"all": prf_weighted(gold, pred)["f1"]}
    for name, other in (("some", "some_meaning_difference"), ("unrelated", "unrelated")):
        idx = [i for i, r in enumerate(rows) if r["three_labels"] in ("no_meaning_difference", other)]
        out[name] = prf_weighted([gold[i] for i in idx], [pred[i] for i in idx])["f1"]
    return out


def load_vyas() -> list[tuple[str, str, int, float]]:
    out = []
    for line in (DRIFT / "vyas2018-en-fr" / "opensubs.test").open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3:
            out.append((parts[0].strip(), parts[1].strip(), int(parts[2].strip()),
                        float(parts[3]) if len(parts) > 3 else 1.0))
    return out


# --- SwissGov-RSD: documents with token-level difference labels ----------------

SWISSGOV = DRIFT / "swissgov-rsd-en-fr" / "dev.jsonl"

_NO_SPACE_BEFORE = frozenset(".,;:!?)]%»”’")
_NO_SPACE_AFTER = frozenset("([«“‘")


def detokenise(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Running text from SwissGov-RSD's space-separated tokens, and each
    token's ``(start, end)`` in it (empty tokens get an empty span).

    Punctuation closes up to the word before it, an opening bracket or mark
    to the word after it; an apostrophe or a hyphen between two words joins
    them ("Switzerland ' s" -> "Switzerland's", "celle - ci" -> "celle-ci");
    a "." "," "/" or ":" between two digits joins them (dates "16.01",
    "3.5", "376/2014")."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    glue_next = False
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        joiner = (tok in ("'", "’", "-") and prev[-1:].isalnum() and nxt[:1].isalnum())
        digit_join = tok in (".", ",", "/", ":") and prev[-1:].isdigit() and nxt[:1].isdigit()
        space = bool(out) and not glue_next and not joiner and not digit_join and not (
            len(tok) == 1 and tok in _NO_SPACE_BEFORE)
        if space:
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
        glue_next = joiner or digit_join or (len(tok) == 1 and tok in _NO_SPACE_AFTER)
    return "".join(out), spans


def load_swissgov() -> list[dict[str, Any]]:
    """SwissGov-RSD (EN-FR): per document its ``id``, the English and French
    running text (``en``, ``fr``, see :func:`detokenise`) and per side the
    token spans with their difference label (``en_labels``, ``fr_labels``:
    ``(start, end, label)``; 0 the same meaning, 0.2..1 how strongly the
    annotators marked a difference, -1 not labelled)."""
    out = []
    for line in SWISSGOV.open(encoding="utf-8"):
        r = json.loads(line)
        doc: dict[str, Any] = {"id": r["id"]}
        for side, key in (("en", "a"), ("fr", "b")):
            toks = r[f"text_{key}"].split(" ")
            labels = r[f"labels_{key}"]
            if len(toks) != len(labels):
                raise ValueError(f"{r['id']}: {len(toks)} tokens but {len(labels)} labels ({side})")
            text, spans = detokenise(toks)
            doc[side] = text
            doc[f"{side}_labels"] = [(s, e, float(lab)) for (s, e), lab in zip(spans, labels)]
        out.append(doc)
    return out
