"""Number drift: a figure changed, or present on one side only.

Values are compared after the locale-aware normalisation of
:func:`claimtrack.extract.quantities.extract_quantities` ("2,400" = "2 400" =
"deux mille quatre cents"; "4.6 thousand" = 4600; "80 %" = "80 percent"), so
formatting never produces a finding.  Quantities are matched across sides by
:attr:`PairContext.quantity_matches` (greedy by closeness of value, then of
position; percents only with percents, ordinals only with ordinals).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ... import lang as _lang
from ...extract.quantities import code_spans, extract_quantities, is_round_noun, parse_number, readings, spelled_values
from ...extract.units import converted, units_of
from ...models import Drift, DriftType, Quantity
from ..check import DriftCheck
from ..context import PairContext, Side

__all__ = ["NumberCheck", "same_value"]


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _same_reading(a: Quantity, sa: Side, b: Quantity, sb: Side,
                  figures: tuple[list[tuple[int, int, frozenset[float]]], list[tuple[int, int, frozenset[float]]]]) -> bool:
    """The two figures state the same value under some reading of their separators
    ("3.500 habitants" / "3,500 inhabitants": a thousands group or a decimal mark) or as
    clock times ("3 pm" / "15 heures")."""
    if any(same_value(x, y) for x in readings(a, sa.lang) for y in readings(b, sb.lang)):
        return True
    if is_round_noun(a, sa.lang) and is_round_noun(b, sb.lang) and max(a.value, b.value) <= 1.5 * min(a.value, b.value):
        return True  # "dozens" / "des dizaines": two round nouns of one order of magnitude
    if converted(a.value, units_of(_unit_words(a, sa), sa.lang), b.value, units_of(_unit_words(b, sb), sb.lang)):
        return True  # "327 pounds" / "148 kg": the measure converted for the reader
    if _rounded(a.value, b.value):
        return True  # "(46 cm)" / "(45,72 cm)": one figure is the other rounded
    return bool(_times(a, figures[0]) & _times(b, figures[1]))


def _unit_words(q: Quantity, side: Side) -> list[str]:
    """What may name the unit of ``q``: its unit as extracted, its text's last
    word, and the one to three words after it, from the first or the second
    ("327 pounds" is money to the extractor, "pounds" a weight too; "90
    degrees Fahrenheit"; "63 milliards de mètres cubes", past the linker)."""
    after = re.findall(r"[^\W\d_]+", side.text[q.end : q.end + 50])[:3]
    words = [q.unit or "", q.text.split()[-1] if q.text.split() else ""]
    words += [" ".join(after[i:j]) for i in range(min(2, len(after))) for j in range(i + 1, len(after) + 1)]
    return [w for w in words if w]


def _significant(v: float) -> int:
    """Significant digits of ``v`` as written (an integer's trailing zeros do not count)."""
    digits = f"{abs(v):.12g}"
    if "e" in digits:
        return 12
    whole, _, frac = digits.partition(".")
    return len((whole + frac).lstrip("0")) if frac else len(whole.lstrip("0").rstrip("0"))


def _rounded(a: float, b: float) -> bool:
    """True when the figure with fewer significant digits is the other rounded
    to them, and the other has at least two digits more (45.72 written 46; not
    154,000 written 150,000, a rounding a reader would call a change)."""
    if a == b or a <= 0 or b <= 0:
        return False
    coarse, fine = (a, b) if _significant(a) < _significant(b) else (b, a)
    n = _significant(coarse)
    if _significant(fine) < n + 2:
        return False
    return same_value(float(f"{fine:.{n}g}"), coarse)


def _times(q: Quantity, found: list[tuple[int, int, frozenset[float]]]) -> frozenset[float]:
    """The clock-time readings of the figure that ``q`` states ("3 pm", "15 heures")."""
    return frozenset(v for s, _, vs in found if q.start <= s < q.end for v in vs if v >= 1e6)


def _spelled_elsewhere(q: Quantity, other: Side) -> bool:
    """True when the other side states the same value in a form the
    extractor skips in context: a capitalised number word in a name ("The
    Seven Sisters": its lower-cased text is scanned again), or a lone number
    word without a counted noun ("in a choir by six")."""
    if any(same_value(q.value, v) for v in spelled_values(other.text, other.lang)):
        return True
    return any(same_value(q.value, x.value) for x in extract_quantities(other.text.lower(), other.lang))


def _fmt(q: Quantity) -> str:
    v = q.value
    s = f"{int(v):,}" if float(v).is_integer() else f"{v:,.6g}"
    return s + ("%" if q.kind == "percent" else "")


# Figures written with digits anywhere in a text (inside dates, times, names and
# ranges too), for the residual comparison below.
_FIGURE = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?P<time>[" + "".join(_lang.concat(lambda d: d.numbers.clock_separators)) + r"]\d{2}\b)?"
    r"(?:\s*(?P<ampm>" + "|".join(_lang.concat(lambda d: d.numbers.clock_suffixes)) + r")(?!\w))?"
    r"(?:\s*(?P<hour>" + "|".join(_lang.concat(lambda d: d.numbers.hour_words)) + r")(?!\w))?"
)
_DECADE_SUFFIX = re.compile("|".join(_lang.concat(lambda d: d.numbers.decade_suffixes)) or r"(?!)")
_ROMAN_SUFFIX = "(?:" + "|".join(_lang.concat(lambda d: d.numbers.roman_ordinal_suffixes)) + ")"
_ROMAN_ORDINAL = re.compile(
    r"\b(?P<roman>[IVXLC]{2,7}|[IVXLC](?=" + _ROMAN_SUFFIX
    + r"(?:\s+(?:" + "|".join(_lang.concat(lambda d: d.numbers.ordinal_nouns)) + r")|\s*[–-]\s*[IVXLC]+e)))"
    + _ROMAN_SUFFIX + r"\b"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_SCALES = {k.lower(): v for code in _lang.SUPPORTED for k, v in _lang.get(code).numbers.scale_words.items()}
# a scale word after a figure ("4-5 million": the 5 is 5 million, and so may the 4 be)
_SCALE_AFTER = re.compile(
    r"\s*-?(?P<scale>" + "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE
)


def _roman_value(s: str) -> int | None:
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total if total > 0 else None


def _figures(side: Side) -> list[tuple[int, int, frozenset[float]]]:
    """Every digit figure of ``side`` as ``(start, end, interpretations)``.

    A figure may mean several things ("15.00" is 15 and the time 15:00; "8:30
    p.m." is 20:30 and 8:30); all of them are kept, in minutes for times.
    French Roman ordinals ("XIVe siècle") count as their number, a decade
    ("1980s") as its short form too ("80").  A code (a
    telephone number, :func:`~claimtrack.extract.quantities.code_spans`) is
    one figure, its digits read as one integer whatever separates them
    ("08 11 00 06 95" = "08.11.00.06.95").
    """
    codes = code_spans(side.text)
    out: list[tuple[int, int, frozenset[float]]] = [
        (s, e, frozenset({float(int(re.sub(r"\D", "", side.text[s:e])))})) for s, e in codes]
    for m in _FIGURE.finditer(side.text):
        if codes and any(s < m.end() and m.start() < e for s, e in codes):
            continue
        raw = m.group("num")
        values: set[float] = set()
        for code in {side.lang, *_lang.SUPPORTED}:
            try:
                values.add(parse_number(raw, code))
            except (ValueError, Exception):  # noqa: BLE001 - an unparsable figure is just skipped
                continue
        hours = None
        if m.group("time"):
            hours, minutes = int(raw) if raw.isdigit() else None, int(m.group("time")[1:])
        elif re.fullmatch(r"\d{1,2}[.,]\d{2}", raw):
            hours, minutes = int(raw[:-3]), int(raw[-2:])
        if hours is not None and hours < 25 and minutes < 60:
            values.add(1e6 + hours * 60 + minutes)  # times live in their own value range
            if m.group("ampm"):
                pm = m.group("ampm").lower().startswith("p")
                h24 = (hours % 12) + (12 if pm else 0)
                values = {v for v in values if v < 1e6} | {1e6 + h24 * 60 + minutes}
            elif hours <= 12:
                values.add(1e6 + (hours + 12) * 60 + minutes)
        elif m.group("ampm") and raw.isdigit() and int(raw) <= 12:
            pm = m.group("ampm").lower().startswith("p")
            values.add(1e6 + ((int(raw) % 12) + (12 if pm else 0)) * 60)
        elif m.group("hour") and raw.isdigit() and int(raw) <= 24:
            values.add(1e6 + int(raw) * 60)  # "15 heures", "23 h": a clock time on the hour
        if re.fullmatch(r"\d{3}0", raw) and _DECADE_SUFFIX.match(side.text, m.end()):
            values.add(float(int(raw[2:])))  # "the 1980s" is "les années 80" too
        scale = _SCALE_AFTER.match(side.text, m.end())
        if scale is not None:
            values |= {v * _SCALES[scale.group("scale").lower()] for v in values if v < 1e6}
        if values:
            out.append((m.start(), m.end("num") if m.group("hour") else m.end(), frozenset(values)))
    for m in _ROMAN_ORDINAL.finditer(side.text):
        v = _roman_value(m.group("roman"))
        if v:
            out.append((m.start(), m.end(), frozenset({float(v)})))
    return sorted(out)


def _explained(values: frozenset[float], other: Side, other_figures: list[tuple[int, int, frozenset[float]]]) -> bool:
    if any(values & f for _, _, f in other_figures):
        return True
    for q in other.quantities:
        if any(same_value(v, w) for v in values for w in readings(q, other.lang)):
            return True
    if values & spelled_values(other.text, other.lang):
        return True
    for d in other.dates:
        if d.value is not None:
            parts = {float(d.value.year), float(d.value.month), float(d.value.day)}
            if values & parts:
                return True
    return False


def _residual(
    pair: PairContext,
    figures: tuple[list[tuple[int, int, frozenset[float]]], list[tuple[int, int, frozenset[float]]]],
    covered: list[tuple[int, int]],
    covered_t: list[tuple[int, int]],
) -> list[tuple[tuple[int, int, frozenset[float]] | None, tuple[int, int, frozenset[float]] | None]]:
    """Digit figures (in dates, times, ranges, names) that neither the quantity
    matching nor the date check accounted for and that have no equal on the
    other side under any reading."""
    fs, ft = figures

    def left(mine: list[tuple[int, int, frozenset[float]]], other: Side,
             theirs: list[tuple[int, int, frozenset[float]]], done: list[tuple[int, int]]
             ) -> list[tuple[int, int, frozenset[float]]]:
        return [
            f for f in mine
            if not any(s <= f[0] < e for s, e in done) and not _explained(f[2], other, theirs)
        ]

    ls = left(fs, pair.target, ft, covered)
    lt = left(ft, pair.source, fs, covered_t)
    return list(_pair_up(ls, lt))


_Figure = tuple[int, int, frozenset[float]]


def _pair_up(ls: list[_Figure], lt: list[_Figure]) -> Iterator[tuple[_Figure | None, _Figure | None]]:
    """Unexplained figures of both sides paired in order; the rest one-sided."""
    n = max(len(ls), len(lt))
    for k in range(n):
        yield (ls[k] if k < len(ls) else None, lt[k] if k < len(lt) else None)


class NumberCheck(DriftCheck):
    name = "number"
    drift_types: ClassVar[tuple[DriftType, ...]] = ("number",)

    def check(self, pair: PairContext) -> list[Drift]:
        out: list[Drift] = []
        figures = (_figures(pair.source), _figures(pair.target))
        covered_s: list[tuple[int, int]] = []
        covered_t: list[tuple[int, int]] = []
        for m in pair.quantity_matches:
            a, b = m.source, m.target
            if a is not None and b is not None and _same_reading(a, pair.source, b, pair.target, figures):
                covered_s.append((a.start, a.end))
                covered_t.append((b.start, b.end))
                continue
            one = a if b is None else b if a is None else None
            if one is not None:
                other = pair.target if b is None else pair.source
                if one.kind == "ordinal" or _spelled_elsewhere(one, other):
                    continue
                mine = pair.source if b is None else pair.target
                theirs, ours = (figures[1], figures[0]) if b is None else (figures[0], figures[1])
                if _explained(readings(one, mine.lang) | _times(one, ours), other, theirs):
                    continue  # "15.00 UTC" / "15h00 UTC": the other side has it in another form
            sev = "critical" if a is not None and b is not None else "major"
            if a is not None:
                covered_s.append((a.start, a.end))
            if b is not None:
                covered_t.append((b.start, b.end))
            out.append(
                self.finding(
                    "number",
                    _fmt(a) if a else None,
                    _fmt(b) if b else None,
                    (a.start, a.end) if a else None,
                    (b.start, b.end) if b else None,
                    sev,
                )
            )
        for ra, rb in _residual(pair, figures, covered_s, covered_t):
            out.append(
                self.finding(
                    "number",
                    pair.source.text[ra[0] : ra[1]].rstrip(".") if ra else None,
                    pair.target.text[rb[0] : rb[1]].rstrip(".") if rb else None,
                    (ra[0], ra[1]) if ra else None,
                    (rb[0], rb[1]) if rb else None,
                    "critical" if ra and rb else "major",
                )
            )
        return out

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        return self.presence("figure", source_value, target_value)
