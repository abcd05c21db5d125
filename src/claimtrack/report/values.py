"""How values read in every report: the one place that turns model values into
words and figures for a reader, and lays text out in terminal columns.

Both the text tables (:mod:`claimtrack.report.text`) and the HTML pages
(:mod:`claimtrack.report.html`) show values through these functions, so a
value reads the same everywhere:

* identifiers of the models read as words (:func:`label`: ``more_than`` is
  "more than", ``time_scope`` "time scope"), and a side with no qualifier reads
  "no qualifier" rather than the model's ``none`` (:func:`finding_value`);
* figures are grouped and scaled for a reader (:func:`number`, :func:`money`,
  :func:`figure`): 4,500,000 US dollars is "$4.5 million", 2,400 is "2,400",
  and a figure is never rounded away (4,512,345 stays "4,512,345");
* text is measured in terminal cells (:func:`display_width`: a CJK character
  takes two, a combining accent none) and cut or padded to a column
  (:func:`fit`), and a table is as wide as the terminal (:func:`terminal_width`).

The JSON outputs keep the models' own values; only what a person reads goes
through here.  Numbers and currency symbols come from CLDR (babel), in the
reports' locale (English by default).
"""

from __future__ import annotations

import math
import shutil
import unicodedata
from typing import Any

__all__ = [
    "DEFAULT_WIDTH",
    "MIN_WIDTH",
    "display_width",
    "figure",
    "finding_value",
    "fit",
    "label",
    "money",
    "number",
    "terminal_width",
]

DEFAULT_WIDTH = 100
"""The width of a table when the output is not a terminal and ``COLUMNS`` is unset."""

MIN_WIDTH = 60
"""No table is laid out narrower than this: below it, lines wrap in the terminal."""

_SCALES = (12, 9, 6)  # powers of ten a figure is written in words from ("4.5 million")


def label(identifier: str | None) -> str:
    """A model identifier in words; ``""`` for None.

    >>> label("more_than"), label("time_scope"), label("critical"), label(None)
    ('more than', 'time scope', 'critical', '')
    """
    return "" if identifier is None else str(identifier).replace("_", " ")


def finding_value(finding: Any, side: str) -> str | None:
    """What a drift finding shows for one side (``"source"`` or ``"target"``),
    readable; None when that side has nothing (an omission or an addition).

    A qualifier finding's values are the models' identifiers: ``more_than``
    reads "more than", and ``none`` (a figure stated with no qualifier) reads
    "no qualifier".

    >>> from claimtrack.models import Drift
    >>> d = Drift(type="qualifier", source_value="none", target_value="more_than", explanation="...")
    >>> finding_value(d, "source"), finding_value(d, "target")
    ('no qualifier', 'more than')
    >>> finding_value(Drift(type="omission", source_value="a claim", explanation="..."), "target") is None
    True
    """
    value = getattr(finding, f"{side}_value", None)
    if value is None:
        return None
    if getattr(finding, "type", None) == "qualifier":
        return "no qualifier" if value == "none" else label(value)
    return str(value)


def _exact_in_words(value: float) -> tuple[int, float] | None:
    """(power, mantissa) when ``value`` reads exactly as "<mantissa> million" (or
    billion, trillion) with at most three decimals; None otherwise."""
    for power in _SCALES:
        scale = 10.0**power
        if abs(value) >= scale:
            mantissa = value / scale
            if abs(mantissa * 1000 - round(mantissa * 1000)) <= 1e-6 * max(1.0, abs(mantissa)):
                return power, mantissa
            return None
    return None


def number(value: float, locale: str = "en") -> str:
    """A figure for a reader: grouped digits, and millions and above in words
    when that loses nothing.

    >>> number(2400), number(4_500_000), number(1.2e9), number(4_512_345), number(4.25), number(-3e6)
    ('2,400', '4.5 million', '1.2 billion', '4,512,345', '4.25', '-3 million')
    >>> number(4_500_000, locale="fr"), number(float("inf"))
    ('4,5 millions', '∞')
    """
    from babel.numbers import format_compact_decimal, format_decimal

    v = float(value)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else "-∞"
    if _exact_in_words(v) is not None:
        return str(format_compact_decimal(v, format_type="long", locale=locale, fraction_digits=3))
    if v.is_integer() and abs(v) < 1e21:
        return str(format_decimal(int(v), locale=locale))
    return str(format_decimal(v, locale=locale))


def money(value: float, currency: str | None, locale: str = "en") -> str:
    """An amount with its currency symbol (the ISO code when the currency has
    no symbol of its own in ``locale``).

    >>> money(4_500_000, "USD"), money(300, "EUR"), money(1.2e9, "EUR"), money(12, "CHF"), money(5, None)
    ('$4.5 million', '€300', '€1.2 billion', 'CHF 12', '5')
    >>> money(-2e6, "GBP")
    '-£2 million'
    """
    from babel.numbers import get_currency_symbol

    amount = number(abs(float(value)), locale) if not math.isnan(float(value)) else number(value, locale)
    sign = "-" if float(value) < 0 else ""
    if not currency:
        return sign + amount
    symbol = str(get_currency_symbol(currency, locale=locale))
    gap = " " if symbol.isalpha() else ""  # "CHF 12", but "$12"
    return f"{sign}{symbol}{gap}{amount}"


def figure(quantity: Any, locale: str = "en") -> str:
    """A :class:`~claimtrack.models.Quantity` for a reader: its qualifier in
    words, the value (scaled, with its currency or percent sign) and the
    counted noun.  An ordinal reads as written.

    >>> from claimtrack.models import Quantity
    >>> figure(Quantity(text="4,5 millions de dollars", start=0, end=23, value=4.5e6, unit="USD", kind="money"))
    '$4.5 million'
    >>> figure(Quantity(text="more than 2,400 workers", start=0, end=23, value=2400, unit="workers",
    ...                 qualifier="more_than"))
    'more than 2,400 workers'
    >>> figure(Quantity(text="environ 40 %", start=0, end=12, value=40, unit="%", qualifier="about", kind="percent"))
    'about 40%'
    """
    q = quantity
    if q.kind == "ordinal":
        shown = " ".join(str(q.text).split())
    elif q.kind == "money":
        shown = money(q.value, q.unit, locale)
    elif q.kind == "percent":
        shown = number(q.value, locale) + "%"
    else:
        shown = number(q.value, locale) + (f" {q.unit}" if q.unit else "")
    return f"{label(q.qualifier)} {shown}" if q.qualifier else shown


def _cells(ch: str) -> int:
    """Terminal cells of one character: 0 for combining marks and controls, 2 for wide ones."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """The number of terminal cells ``text`` takes on one line.

    >>> display_width("abc"), display_width("北京"), display_width("e\\u0301té")
    (3, 4, 3)
    """
    return sum(_cells(ch) for ch in text)


def fit(text: str, width: int, align: str = "<", collapse: bool = True) -> str:
    """``text`` on one line (runs of whitespace become one space, unless
    ``collapse`` is False for a line laid out already), cut to ``width``
    terminal cells with a trailing ``…`` when it is longer, and padded with
    spaces to exactly ``width`` cells (``align`` ``"<"`` pads on the right,
    ``">"`` on the left).

    >>> fit("a  claim", 10) + "|", fit("北京市政府", 7) + "|", fit("42", 4, ">") + "|"
    ('a claim   |', '北京市…|', '  42|')
    >>> fit("a  b  c", 6, collapse=False)
    'a  b …'
    """
    text = " ".join(str(text).split()) if collapse else str(text).replace("\n", " ")
    if width <= 0:
        return ""
    if display_width(text) > width:
        out, used = [], 0
        for ch in text:
            c = _cells(ch)
            if used + c > width - 1:
                break
            out.append(ch)
            used += c
        text = "".join(out) + "…"
    pad = " " * max(0, width - display_width(text))
    return pad + text if align == ">" else text + pad


def terminal_width(width: int | None = None) -> int:
    """The width a table is laid out in: ``width`` when given, else the
    terminal's (``COLUMNS`` when set; :data:`DEFAULT_WIDTH` when the output is
    not a terminal), never under :data:`MIN_WIDTH`.

    >>> terminal_width(132), terminal_width(20)
    (132, 60)
    """
    if width is None:
        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return max(MIN_WIDTH, int(width))
