"""Numbers in running text: figures, spelled-out numbers, percents and money.

``extract_quantities`` finds every number of a sentence or an article and
normalises it, whatever the locale writes: "2,400" (en), "2 400",
"2\\u00a0400", "2\\u202f400" (fr) and "deux mille quatre cents" all give 2400.

What a :class:`~claimtrack.models.Quantity` covers
    ``text`` is the *statement of the amount*: the qualifier, a currency
    symbol written before the figure, the figure (digits or number words), a
    scale word, a percent sign or word and a currency written after it::

        "more than 2,400"   "près de 154 000"   "80 %"   "some 4.6 thousand"
        "$2.4 billion"      "2,4 milliards d'euros"

    The counted noun is *not* in ``text``; it is ``unit`` ("contributors",
    "projets"), except that a percent has ``unit`` ``'%'`` (kind
    ``percent``) and an amount of money the ISO code (kind ``money``).
    A bound written after the counted noun (``Numbers.post_qualifiers``:
    "70 personnes environ", "a hundred metres or so") is the quantity's
    ``qualifier`` but not in ``text``.

Figures
    Our own regular expression finds the figures; they are read as the
    language's locale writes them, with one exception for figures formatted
    in its ``fallback_number_locale`` (English for French).  The rules, in
    order (group symbols come from babel's CLDR data):

    - spaces (ordinary, no-break, narrow no-break, thin) group thousands,
      so "2 400" is 2400 in English text too;
    - with two kinds of separator the last one is the decimal mark
      ("1,234.5", "1 234,5", "1.234,5");
    - the same separator repeated groups thousands ("1,234,567");
    - a single separator not followed by exactly three digits, or after a
      zero or a head of four or more digits, is a decimal mark ("2,5",
      "2.5", "0,500", "1234,567");
    - a single separator followed by exactly three digits ("2,400") groups
      thousands when some CLDR locale of the language, or the fallback
      locale, groups with it, unless it is the language's own decimal mark:
      so French "2,400" and "150,000" are English-formatted 2400 and
      150000, not 2.4 and 150, French "3.500" is 3500 (fr_LU groups with
      "."), and English "2.400" stays 2.4.

    A French figure with exactly three decimals ("2,125") is therefore read
    as 2125: write "2,1250" in French text to keep the decimals.  Such a
    figure is ambiguous: :func:`readings` gives both values, and drift
    compares a figure with its counterpart under either.

Money
    A currency is a symbol or word of ``Numbers.currency_words``, or a
    symbol of the language's CLDR locales and of its fallback ("$CA",
    "US$", "£GB", "F CFA"; bare letters such as "G" or "K" are left out),
    before or after the figure; an ISO code that both base locales name
    ("CAD 43.8 million") before it.  After the figure, a CLDR compact
    abbreviation of the language's locales followed by a currency symbol
    is a scale, as CLDR's compact currency format writes it ("50 M$",
    "3,2 Md€", "1,5 G$" in fr_CA); after a currency symbol, alone ("$15L").
    Alone and without a currency it is not ("5 M" may be metres).
    A scale word may be joined by a hyphen ("$700-billion").

Spelled-out numbers (the number-word rule)
    A run of number words (``Numbers.number_words``, joined by spaces,
    hyphens or ``number_word_joiners`` such as "and"/"et") is parsed with
    text2num.  It counts as a quantity when it is *multi-word* ("deux mille",
    "twenty-one", "vingt et un") or, for a single word, when a scale word,
    a percent, a currency or a *counted noun* follows it ("five projects",
    "cinq ans", "cinquante pour cent"), or when it opens a range whose second
    number has a counted noun ("onze ou douze ans": ``range_words``).  A
    counted noun is a lower-case word
    that is not a function word (``unit_stopwords``): "one of the", "five
    and", "sept." do not count.  Words that double as an article or a pronoun
    (``article_number_words``: "one", "un", "une") never count on their own
    unless a qualifier precedes them ("more than one project").

Years
    A bare four-digit integer from 1800 to 2100 (no grouping, no decimals,
    no scale, percent, currency or counted noun) is a year, not a quantity:
    "in 2016" is left to :mod:`claimtrack.extract.dates`.  "2,016 projects" and
    "2016 projects" are quantities.

Labels
    A figure right after a reference word (``Numbers.reference_words``:
    "Article", "Art.", "section", "§", "alinéa", "n°") names a part of a
    text ("Art. 46b", "l'article 49.3"): it is no quantity.

Codes
    Four or more groups of digits joined by one repeated space, dot or
    hyphen, not all of the later groups three digits long, are a code: a
    telephone number ("08 11 00 06 95", "08.11.00.06.95", "+33 1 23 45 67
    89") or an identifier.  None of its digits is a quantity.  (Groups of
    three are a grouped figure: "1 234 567 890".)

Dates and other spans to skip are passed in ``exclude`` (see
:func:`claimtrack.extract.dates.date_spans`): a number whose figure overlaps one is
ignored, so "Sept. 12" does not yield 12.

Everything language-specific is data in :mod:`claimtrack.lang`; the regular
expressions are compiled once per language and cached.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, TypedDict, cast

from .. import lang as _lang
from ..errors import InputError
from ..models import Qualifier, Quantity

if TYPE_CHECKING:  # pragma: no cover - type checkers only
    from ..lang.schema import Numbers

__all__ = ["extract_quantities", "parse_number", "format_number", "readings", "is_round_noun", "code_spans"]

_SP = "[ \\t\\u00a0\\u202f\\u2009]"
"""Horizontal white space, including no-break, narrow no-break and thin spaces."""
_SPACE_TO_PLAIN = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " "})

_FIGURE = (
    r"[0-9]{1,3}(?P<g>[,.]|" + _SP + r")[0-9]{3}(?:(?P=g)[0-9]{3})*(?:[.,][0-9]+)?"  # grouped: 2,400 / 2 400 / 1.234,5
    r"|[0-9]+(?:[.,][0-9]+)?"  # plain: 2400 / 2,4 / 4.6
)
# A figure is not glued to a word ("C3", "x86", "covid-19"), is not part of a
# time, a fraction or a version ("09:00", "24/7", "1.13.1").
_DIGITS = (
    r"(?P<sign>(?<![\w.,])[-\u2212])?"
    r"(?<![\w.,:/])(?<!\w[-\u2212\u2013])"
    r"(?P<dig>" + _FIGURE + r")"
    r"(?!\d|[.,:/][0-9])"
)
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
_CODE = re.compile(r"(?<![\w.,])\+?[0-9]{1,4}(?P<s>[ .\-\u00a0])[0-9]{1,4}(?:(?P=s)[0-9]{1,4}){2,}(?![\w]|[.,][0-9])")
"""A candidate code (the module's "Codes"): four groups of digits or more, one separator repeated."""


def code_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are codes (telephone numbers, identifiers),
    not figures: see "Codes" in the module docs."""
    out = []
    for m in _CODE.finditer(text):
        groups = m.group().lstrip("+").split(m.group("s"))
        if any(len(g) != 3 for g in groups[1:]):
            out.append(m.span())
    return out


def _alt(words: Sequence[str]) -> str:
    """Regex alternation of literal words, longest first, spaces flexible."""
    escaped = (re.escape(w).replace("\\ ", " ").replace(" ", _SP + "+") for w in sorted(set(words), key=len, reverse=True))
    return "|".join(escaped)


def _after_linker(linkers: Sequence[str]) -> str:
    """A linker ("of", "de", "d'") then spaces, or nothing after an elided one."""
    return r"(?:(?:" + "|".join(linkers) + r")(?:(?<=['\u2019])" + _SP + r"*|" + _SP + r"+))"


@dataclass(frozen=True)
class _Grammar:
    """The compiled patterns and tables of one language."""

    code: str
    core: re.Pattern[str]
    figure: re.Pattern[str]
    qualifier: re.Pattern[str]
    qualifier_names: tuple[Qualifier, ...]
    currency_prefix: re.Pattern[str] | None
    ordinal: re.Pattern[str] | None
    scale: re.Pattern[str] | None
    percent: re.Pattern[str]
    currency: re.Pattern[str] | None
    currency_linked: re.Pattern[str] | None
    unit: re.Pattern[str]
    unit_linked: re.Pattern[str] | None
    word_token: re.Pattern[str]
    scales: dict[str, int]
    currencies: dict[str, str]
    number_words: frozenset[str]
    joiners: frozenset[str]
    range_next: re.Pattern[str] | None
    """After a number: a range word and the next number ("ou douze", "to 12")."""
    approx: dict[str, tuple[int, Qualifier]]
    """Group name of an approximate number -> (value, qualifier)."""
    pair_words: re.Pattern[str] | None
    ordinal_words: dict[str, int]
    article_words: frozenset[str]
    not_units: frozenset[str]
    groups: frozenset[str]
    """Separators that group thousands before exactly three digits: the group
    symbols of every CLDR locale of the language and of its fallback locale,
    less the language's own decimal mark ("." groups in French, not in English)."""
    compact: re.Pattern[str] | None
    """A CLDR compact abbreviation right after a figure ("M" in "50 M$", "Md"
    in "700 Md$"), case-sensitive, followed by a currency symbol."""
    post_qualifier: re.Pattern[str] | None
    """After a counted noun (and at most one more word): a bound (``Numbers.post_qualifiers``)."""
    post_qualifier_names: tuple[Qualifier, ...]
    compact_prefixed: re.Pattern[str] | None
    """The same abbreviation after a figure that a currency symbol precedes ("$15L", "€1.2Cr")."""
    compact_scales: dict[str, int]
    reference: re.Pattern[str] | None
    """Ending right before a figure: a reference word (``Numbers.reference_words``)."""
    currency_codes: re.Pattern[str] | None
    """An ISO 4217 code before a figure ("CAD 43.8 million"), case-sensitive."""


def _core_source(numbers: Numbers) -> tuple[str, dict[str, tuple[int, Qualifier]]]:
    """The number pattern (approximate numbers, digits, number words) and the approximate-number table."""
    words = [w for w in numbers.number_words if w]
    core = _DIGITS
    if words:
        nw = r"(?:" + _alt(words) + r")\b"
        sep = r"(?:" + _SP + r"+|-)"
        if numbers.number_word_joiners:
            sep += r"(?:(?:" + _alt(numbers.number_word_joiners) + r")" + sep + r")?"
        core += r"|(?<![\w-])(?P<wrd>" + nw + r"(?:" + sep + nw + r")*)(?![\w-])"
    approx: dict[str, tuple[int, Qualifier]] = {}
    if numbers.approximate_numbers:
        parts = []
        for k, (pattern, value, qual) in enumerate(numbers.approximate_numbers):
            parts.append(f"(?P<a{k}>{pattern})")
            approx[f"a{k}"] = (value, cast(Qualifier, qual))
        # tried before the number words: "une centaine" is one approximate number, not "une"
        core = r"(?P<apx>(?:" + "|".join(parts) + r"))(?![\w-])|" + core
    return core, approx


def _qualifier_source(numbers: Numbers) -> tuple[str, tuple[Qualifier, ...]]:
    """The qualifier pattern ending a number's left context (one group ``q<i>`` each) and the names of the groups."""
    names: list[Qualifier] = []
    parts = []
    for i, (pattern, name) in enumerate(numbers.qualifiers):
        parts.append(f"(?P<q{i}>{pattern})")
        names.append(name)  # type: ignore[arg-type]
    return r"(?<![\w])(?:" + ("|".join(parts) or r"(?!)") + r")" + _SP + r"*\Z", tuple(names)


def _scale_pattern(scales: dict[str, int]) -> re.Pattern[str] | None:
    """A scale word after a number ("billion", "M"); single letters only right after it."""
    short = [k for k in scales if len(k) == 1]
    long = [k for k in scales if len(k) > 1]
    scale_parts = []
    if long:
        scale_parts.append(r"(?:" + _SP + r"|-)?(?:" + _alt(long) + r")")  # "2 million", "$700-billion"
    if short:
        scale_parts.append(r"(?:" + _alt(short) + r")")
    return re.compile(r"(?:" + "|".join(scale_parts) + r")(?![\w])", re.IGNORECASE) if scale_parts else None


def _currency_patterns(
    currencies: dict[str, str], linker: str | None
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    """(symbol before a number, currency after it, currency after a linker such as "d'")."""
    flags = re.IGNORECASE
    symbols = [k for k in currencies if not k.isalpha() and " " not in k]
    cur_words = [k for k in currencies if k not in symbols]
    prefix = re.compile(r"(?<![\w])(?:" + _alt(symbols) + r")" + _SP + r"?\Z", flags) if symbols else None
    currency = currency_linked = None
    if currencies:
        cur_alts = []
        if symbols:
            cur_alts.append(_SP + r"?(?P<c>" + _alt(symbols) + r")")
        if cur_words:
            cur_alts.append(_SP + r"+(?P<cw>" + _alt(cur_words) + r")(?![\w])")
        currency = re.compile("|".join(cur_alts), flags)
        if linker and cur_words:
            currency_linked = re.compile(_SP + r"+" + linker + r"(?P<cw>" + _alt(cur_words) + r")(?![\w])", flags)
    return prefix, currency, currency_linked


def _unit_patterns(numbers: Numbers, linker: str | None) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """(unit word after a number, unit word after a linker such as "of")."""
    flags = re.IGNORECASE
    modifiers = ""
    if numbers.unit_modifiers:
        modifiers = r"(?:(?:" + _alt(numbers.unit_modifiers) + r")" + _SP + r"+)?"
    unit_tail = r"(?P<u>" + _WORD + r")(?![\w]|['\u2019][^\W\d_])"
    unit = re.compile(_SP + r"+" + modifiers + unit_tail, flags)
    unit_linked = re.compile(_SP + r"+" + linker + modifiers + unit_tail, flags) if linker else None
    return unit, unit_linked


@lru_cache(maxsize=None)
def _cldr_locales(code: str, fallback: str) -> tuple[str, ...]:
    """Every babel (CLDR) locale of language ``code`` ("fr", "fr_CA", "fr_CH", ...), then ``fallback``."""
    from babel import localedata

    own = sorted(loc for loc in localedata.locale_identifiers() if loc == code or loc.startswith(code + "_"))
    return (*own, fallback)


def _cldr_groups(code: str, locale: str, fallback: str) -> frozenset[str]:
    """The thousands separators of the language's CLDR locales and of its fallback, less its own decimal mark."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    own_decimal = get_decimal_symbol(locale)
    groups = {get_group_symbol(loc).translate(_SPACE_TO_PLAIN) for loc in _cldr_locales(code, fallback)[:-1]}
    groups.discard(own_decimal)
    groups.add(get_group_symbol(fallback).translate(_SPACE_TO_PLAIN))
    return frozenset(g for g in groups if g in " ,.'")


def _cldr_compact(code: str, fallback: str) -> dict[str, int]:
    """CLDR short compact-decimal abbreviations of the language's locales -> scale ("M" -> 10**6,
    "Md" -> 10**9, "G" -> 10**9 in fr_CA); an abbreviation two locales read differently is left out."""
    from babel import Locale

    found: dict[str, set[int]] = {}
    for loc in _cldr_locales(code, fallback)[:-1]:
        for patterns in Locale.parse(loc).compact_decimal_formats.get("short", {}).values():
            for magnitude, pattern in patterns.items():
                text = pattern.pattern
                abbr = re.sub(r"[0#\s\u00a0\u202f'.¤]", "", text)
                if abbr.isalpha():
                    found.setdefault(abbr, set()).add(int(magnitude) // 10 ** (text.count("0") - 1))
    return {a: next(iter(v)) for a, v in found.items() if len(v) == 1}


def _cldr_currencies(code: str, fallback: str, given: dict[str, str]) -> tuple[dict[str, str], frozenset[str]]:
    """Currency symbols of the language's CLDR locales and of its fallback -> ISO code ("$CA" -> CAD,
    "US$" -> USD, "£GB" -> GBP), and the ISO codes of the currencies of the language's territories.

    Only symbols with a non-letter character are kept: a bare letter ("G", "K", "R") is far
    more often something else.  ``given`` (the language data's own words) wins a conflict,
    and a symbol that two currencies share otherwise ("$" in Canada and Australia) is left out."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    locales = _cldr_locales(code, fallback)
    codes = set(given.values())
    for loc in locales:
        territory = Locale.parse(loc).territory
        if territory:
            codes.update(get_territory_currencies(territory))
    symbols: dict[str, set[str]] = {}
    for loc in locales:
        table = Locale.parse(loc).currency_symbols
        for iso, symbol in table.items():
            if (iso in codes or symbol != iso) and not symbol.isalpha() and not symbol.isdigit():
                symbols.setdefault(symbol.translate(_SPACE_TO_PLAIN).lower(), set()).add(iso)
    out = {k: v for k, v in given.items()}
    for symbol, isos in symbols.items():
        if symbol not in out and len(isos) == 1 and re.search(r"[^\W\d_]|[^\w\s]", symbol):
            out[symbol] = next(iter(isos))
    # ISO codes written as such ("CAD 43.8 million"): the currencies that both the language's
    # base locale and its fallback's name by a symbol of their own (the widely quoted ones)
    def named(loc: str) -> set[str]:
        return {iso for iso, symbol in Locale.parse(loc.split("_")[0]).currency_symbols.items() if symbol != iso}

    quoted = (named(code) & named(fallback)) | set(given.values())
    return out, frozenset(c for c in quoted if re.fullmatch(r"[A-Z]{3}", c) and c != "XXX")


@lru_cache(maxsize=None)
def _grammar(code: str) -> _Grammar:
    """The compiled patterns and tables of language ``code``, built from its ``numbers`` record."""
    data = _lang.get(code)
    numbers = data.numbers
    flags = re.IGNORECASE
    core, approx = _core_source(numbers)
    qualifier, qualifier_names = _qualifier_source(numbers)
    fallback = numbers.fallback_number_locale
    currencies, iso_codes = _cldr_currencies(code, fallback, {k.lower(): v for k, v in numbers.currency_words.items()})
    compact = _cldr_compact(code, fallback)
    symbols = [k for k in currencies if not k.isalpha() and " " not in k]
    scales = {k.lower(): v for k, v in numbers.scale_words.items()}
    linker = _after_linker(numbers.unit_linkers) if numbers.unit_linkers else None
    percent = _SP + r"?%" + (r"|" + _SP + r"+(?:" + _alt(numbers.percent_words) + r")(?![\w])" if numbers.percent_words else "")
    currency_prefix, currency, currency_linked = _currency_patterns(currencies, linker)
    unit, unit_linked = _unit_patterns(numbers, linker)
    not_units = frozenset(w.lower() for w in (*numbers.unit_stopwords, *numbers.number_words, *data.dates.months, *numbers.scale_words))
    return _Grammar(
        code=code,
        # numbers start words: one look-behind rejects most positions at once
        core=re.compile(r"(?<![\w])(?:" + core + r")", flags),
        figure=re.compile(
            r"(?P<sign>[-\u2212])?(?P<dig>" + _FIGURE + r")"
            + (r"(?:" + _SP + r"*(?P<scale>" + _alt(list(scales)) + r"))?" if scales else ""),
            flags,
        ),
        qualifier=re.compile(qualifier, flags),
        qualifier_names=qualifier_names,
        currency_prefix=currency_prefix,
        ordinal=re.compile(r"(?:" + "|".join(numbers.ordinal_suffixes) + r")(?![\w])", flags) if numbers.ordinal_suffixes else None,
        scale=_scale_pattern(scales),
        percent=re.compile(percent, flags),
        currency=currency,
        currency_linked=currency_linked,
        unit=unit,
        unit_linked=unit_linked,
        word_token=re.compile(r"[^\W\d_]+", flags),
        scales=scales,
        currencies=currencies,
        number_words=frozenset(w.lower() for w in numbers.number_words if w),
        joiners=frozenset(w.lower() for w in numbers.number_word_joiners),
        range_next=(
            re.compile(r"(?:\s*[-–]\s*|" + _SP + r"+(?:" + _alt(numbers.range_words) + r")" + _SP + r"+)(?:" + core + r")",
                       flags)
            if numbers.range_words else None
        ),
        approx=approx,
        ordinal_words={w.lower(): v for w, v in numbers.ordinal_words.items()},
        pair_words=re.compile(r"(?<![\w])(?:" + _alt(numbers.pair_words) + r")(?![\w])", flags) if numbers.pair_words else None,
        article_words=frozenset(w.lower() for w in numbers.article_number_words),
        not_units=not_units,
        groups=_cldr_groups(code, data.babel_locale, fallback),
        compact=re.compile(
            _SP + r"?(?P<abbr>" + "|".join(sorted(map(re.escape, compact), key=len, reverse=True)) + r")"
            r"(?=" + _SP + r"?(?i:" + _alt(symbols) + r"))"
        ) if compact and symbols else None,
        post_qualifier=re.compile(
            r"(?:" + _SP + r"+(?P<w>[^\W\d_]+))?" + _SP + r"+(?:"
            + "|".join(f"(?P<p{i}>{pattern})" for i, (pattern, _) in enumerate(numbers.post_qualifiers)) + r")(?![\w])",
            flags,
        ) if numbers.post_qualifiers else None,
        post_qualifier_names=tuple(cast(Qualifier, name) for _, name in numbers.post_qualifiers),
        compact_prefixed=re.compile(
            _SP + r"?(?P<abbr>" + "|".join(sorted(map(re.escape, compact), key=len, reverse=True)) + r")(?![\w])"
        ) if compact else None,
        compact_scales=compact,
        reference=re.compile(r"(?<![\w])(?:" + "|".join(numbers.reference_words) + r")" + _SP + r"*\Z", flags)
        if numbers.reference_words else None,
        currency_codes=re.compile(r"(?<![\w])(?:" + "|".join(sorted(iso_codes)) + r")" + _SP + r"?\Z")
        if iso_codes else None,
    )


# --------------------------------------------------------------------------
# figures


def _separator_is_decimal(sep: str, head: str, tail: str, g: _Grammar) -> bool:
    """Whether the only separator of a figure ("2,400", "2,4", "1.500") is a decimal mark."""
    if len(tail) != 3 or not 1 <= len(head) <= 3 or head.startswith("0"):
        return True  # cannot be a thousands separator
    # grouping where a CLDR locale of the language, or its fallback, groups with it
    # (fr "3.500" as in fr_LU, fr "2,400" English-formatted), unless it is the language's decimal mark
    return sep not in g.groups


def _figure_value(s: str, g: _Grammar) -> Decimal:
    """The value of a digit figure as the language (or its fallback locale) writes it."""
    s = s.translate(_SPACE_TO_PLAIN)
    parts = re.split(r"[ ,.]", s)
    seps = [c for c in s if c in " ,."]
    if not all(p.isdigit() and p.isascii() for p in parts):
        raise ValueError(f"not a figure: {s!r}")
    if not seps:
        return Decimal(s)
    last, tail = seps[-1], parts[-1]
    kinds = set(seps)
    if len(kinds) == 1:
        if last == " ":
            decimal = False
        elif len(seps) > 1:
            decimal = len(tail) != 3
        else:
            decimal = _separator_is_decimal(last, parts[0], tail, g)
    else:
        if last == " " or len(set(seps[:-1])) != 1 or last in seps[:-1]:
            raise ValueError(f"inconsistent separators in {s!r}")
        decimal = True
    groups = parts[:-1] if decimal else parts
    if len(groups) > 1 and not (1 <= len(groups[0]) <= 3 and all(len(p) == 3 for p in groups[1:])):
        raise ValueError(f"bad digit grouping in {s!r}")
    digits = "".join(groups) + ("." + tail if decimal else "")
    try:
        return Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the checks above
        raise ValueError(f"not a figure: {s!r}") from exc


def readings(q: Quantity, lang: str) -> frozenset[float]:
    """Every value ``q`` (a quantity of language ``lang``) may state: its value and, when its
    figure has a single "," or "." before exactly three digits ("3.500", "2,125"), the value
    of the other reading of that separator (decimal mark or thousands group), scaled alike.
    Drift compares a figure with its counterpart under every reading."""
    g = _grammar(lang)
    m = re.search(r"(?<![\d.,])([0-9]{1,3})([.,])([0-9]{3})(?![\d.,])", q.text)
    if m is None or m.group(1).startswith("0") or len(re.findall(r"[0-9]+", q.text)) != 2:
        return frozenset({q.value})
    head, tail = m.group(1), m.group(3)
    grouped, decimal = Decimal(head + tail), Decimal(head + "." + tail)
    primary = decimal if _separator_is_decimal(m.group(2), head, tail, g) else grouped
    other = grouped if primary == decimal else decimal
    factor = q.value / float(primary)
    return frozenset({q.value, float(other) * factor})


@lru_cache(maxsize=None)
def _round_noun(code: str) -> re.Pattern[str] | None:
    patterns = [pattern for pattern, _, _ in _lang.get(code).numbers.approximate_numbers]
    return re.compile(r"(?<![\w])(?:" + "|".join(patterns) + r")\Z", re.IGNORECASE) if patterns else None


def is_round_noun(q: Quantity, lang: str) -> bool:
    """Whether ``q`` states a round number by a noun (``Numbers.approximate_numbers``: "des
    dizaines", "dozens", "une centaine"): such a noun gives an order of magnitude, and
    languages count in different units ("dozens" is rendered "des dizaines")."""
    pattern = _round_noun(lang)
    return pattern is not None and pattern.search(q.text) is not None


def _words_value(s: str, code: str) -> int | None:
    from text_to_num import text2num

    try:
        return int(text2num(" ".join(s.lower().translate(_SPACE_TO_PLAIN).split()), code))
    except (ValueError, TypeError):
        return None


def parse_number(s: str, lang: str) -> float:
    """Parse one number as language ``lang`` writes it.

    Accepts a digit figure with the locale's separators ("2,400" en, "2 400"
    / "2,4" fr, with the English-format fallback described in the module
    docs), optionally signed and followed by a scale word ("4.6 thousand",
    "2,4 milliards"), or spelled-out number words ("deux mille").

    Raises:
        ValueError: when ``s`` is not a number (an :class:`~claimtrack.errors.InputError`,
            also a ``ValueError``, when its magnitude is over :data:`MAX_FIGURE`).
        UnsupportedLanguageError: for an unknown language code.
    """
    g = _grammar(lang)
    t = s.strip()
    m = g.figure.fullmatch(t)
    if m:
        value = _figure_value(m.group("dig"), g)
        if m.group("sign"):
            value = -value
        scale = m.groupdict().get("scale")
        if scale:
            value *= g.scales[_norm(scale)]
        result = float(value)
        if not math.isfinite(result) or abs(result) > MAX_FIGURE:
            raise InputError(f"number out of range (magnitude over {MAX_FIGURE:g}) in {lang!r}: {s[:40]!r}")
        return result
    tokens = g.word_token.findall(t)
    if tokens and all(w.lower() in g.number_words or w.lower() in g.joiners for w in tokens):
        number = _words_value(t, g.code)
        if number is not None:
            return float(number)
    raise ValueError(f"not a number in {lang!r}: {s!r}")


def format_number(value: float, lang: str) -> str:
    """Format ``value`` as language ``lang`` writes it (babel, ``LanguageData.babel_locale``).

    Integral values have no decimals ("2,400", "2\\u202f400"); other values keep
    all their digits ("1,234.56", "1\\u202f234,56").  A French figure with
    exactly three decimals ("2,125") reads back as 2125 by the English-format
    fallback of :func:`parse_number`.
    """
    from babel.numbers import format_decimal

    data = _lang.get(lang)
    number: float | int = value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        number = int(value)
    return format_decimal(number, locale=data.babel_locale, decimal_quantization=False)


# --------------------------------------------------------------------------
# extraction


def _norm(s: str) -> str:
    """Lower case, white space collapsed: the key of a scale or currency word."""
    return " ".join(s.lower().translate(_SPACE_TO_PLAIN).split())


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _word_segments(text: str, start: int, end: int, g: _Grammar) -> list[tuple[int, int, int, int]]:
    """Split a run of number words into numbers: (start, end, value, n_words).

    The longest prefix text2num accepts is one number; the rest starts over
    ("cinq et six" -> 5, 6).
    """
    tokens = [(m.start() + start, m.end() + start, m.group().lower()) for m in g.word_token.finditer(text[start:end])]
    words = [t for t in tokens if t[2] not in g.joiners]
    out: list[tuple[int, int, int, int]] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            value = _words_value(text[words[i][0] : words[j - 1][1]], g.code)
            if value is not None:
                out.append((words[i][0], words[j - 1][1], value, j - i))
                i = j
                break
        else:
            i += 1
    return out


def extract_quantities(
    text: str,
    lang: str,
    *,
    offset: int = 0,
    exclude: Sequence[tuple[int, int]] = (),
) -> list[Quantity]:
    """All numbers of ``text`` (a sentence or a whole article) in language ``lang``.

    Args:
        text: the text to scan.
        lang: its language code (a key of :mod:`claimtrack.lang`).
        offset: added to every offset, so that a sentence's quantities index
            the article: ``article.text[q.start:q.end] == q.text``.
        exclude: spans (in the returned coordinates, i.e. offset included)
            whose numbers are not quantities, typically date mentions.

    Returns:
        The quantities in text order; see the module docs for what ``text``,
        ``unit`` and ``kind`` hold.

    Raises:
        UnsupportedLanguageError: for an unknown language code.
    """
    g = _grammar(lang)
    out: list[Quantity] = []
    last_end = 0
    codes = code_spans(text)
    for m in g.core.finditer(text):
        if m.start() < last_end or codes and _overlaps(m.start(), m.end(), codes):
            continue
        if m.group("dig") is not None:
            q = _from_figure(text, m, g, offset, exclude, last_end)
            found = [q] if q is not None else []
        elif g.approx and m.group("apx") is not None:
            found = _from_approximate(text, m, g, offset, exclude, last_end)
        else:
            found = _from_words(text, m, g, offset, exclude, last_end)
        for q in found:
            out.append(q)
            last_end = q.end - offset
    return out


def _qualifier(text: str, start: int, g: _Grammar, floor: int = 0) -> tuple[int, Qualifier | None]:
    """The qualifier right before ``start`` (not reaching back before ``floor``)."""
    m = g.qualifier.search(text, max(floor, start - 60), start)
    if m is None:
        return start, None
    for i, name in enumerate(g.qualifier_names):
        if m.group(f"q{i}") is not None:
            return m.start(), name
    return start, None  # pragma: no cover


class _Tail(TypedDict, total=False):
    """What follows a number (:func:`_tail`)."""

    end: int
    ordinal: bool
    scale: int
    percent: bool
    currency: str
    unit: str
    post_qualifier: Qualifier
    """A bound stated after the counted noun ("70 personnes environ")."""


def _tail(text: str, pos: int, g: _Grammar, *, ordinal_ok: bool, scaled: bool = False, prefixed: bool = False) -> _Tail:
    """Ordinal suffix, scale, percent, currency and counted noun after a number ending at ``pos``.

    ``scaled``: the number already ends with a scale word ("deux millions"),
    so a linker may follow it ("deux millions de personnes").  ``prefixed``:
    a currency symbol precedes the number, so a CLDR compact abbreviation may
    follow it alone ("$15L").
    """
    info: _Tail = {"end": pos}
    if ordinal_ok and g.ordinal is not None:
        m = g.ordinal.match(text, pos)
        if m:
            info["ordinal"] = True
            info["end"] = pos = m.end()
    if "ordinal" not in info and g.scale is not None:
        m = g.scale.match(text, pos)
        if m:
            info["scale"] = g.scales[_norm(m.group().lstrip("-"))]
            info["end"] = pos = m.end()
    if "ordinal" not in info and "scale" not in info and g.compact is not None:
        m = g.compact.match(text, pos)  # "50 M$", "1,5 G$": CLDR's compact currency format
        if m is None and prefixed and g.compact_prefixed is not None:
            m = g.compact_prefixed.match(text, pos)
        if m:
            info["scale"] = g.compact_scales[m.group("abbr")]
            info["end"] = pos = m.end()
    if "ordinal" not in info:
        m = g.percent.match(text, pos)
        if m:
            info["percent"] = True
            info["end"] = pos = m.end()
            return info
    if "ordinal" not in info and g.currency is not None:
        m = g.currency.match(text, pos)
        if m is None and ("scale" in info or scaled) and g.currency_linked is not None:
            m = g.currency_linked.match(text, pos)
        if m:
            key = m.groupdict().get("c") or m.group("cw")
            info["currency"] = g.currencies[_norm(key)]
            info["end"] = m.end()
            return info
    m = g.unit.match(text, pos)
    if (m is None or not _is_unit(m.group("u"), g)) and ("scale" in info or scaled) and g.unit_linked is not None:
        m = g.unit_linked.match(text, pos)
    if m and _is_unit(m.group("u"), g):
        info["unit"] = m.group("u")
        post = g.post_qualifier.match(text, m.end()) if g.post_qualifier is not None else None
        if post is not None and (post.group("w") is None or _is_unit(post.group("w"), g)):
            info["post_qualifier"] = next(name for i, name in enumerate(g.post_qualifier_names) if post.group(f"p{i}"))
    return info


def _is_unit(word: str, g: _Grammar) -> bool:
    return word[0].islower() and word.lower() not in g.not_units


MAX_FIGURE = 1e300
"""The largest magnitude a quantity's value may have.  A figure beyond it (a
run of 400 nines overflows a float to ``inf``) is no quantity: it stays in the
claim's text, but not in its ``quantities``, so nothing downstream (drift, the
store, JSON) ever holds a non-finite value, and the difference or sum of two
figures stays finite."""


def _make(
    text: str,
    start: int,
    qualifier: Qualifier | None,
    value: Decimal,
    info: _Tail,
    prefix_currency: str | None,
    offset: int,
) -> Quantity | None:
    """The quantity of ``text[start:info['end']]``; None when its value is out of range (see :data:`MAX_FIGURE`)."""
    end = info["end"]
    qualifier = qualifier or info.get("post_qualifier")
    currency = info.get("currency") or prefix_currency
    kind: Literal["cardinal", "percent", "money", "ordinal"]
    unit: str | None
    if info.get("percent"):
        kind, unit = "percent", "%"
    elif currency:
        kind, unit = "money", currency
    elif info.get("ordinal"):
        kind, unit = "ordinal", info.get("unit")
    else:
        kind, unit = "cardinal", info.get("unit")
    if "scale" in info:
        value *= info["scale"]
    number = float(value)
    if not math.isfinite(number) or abs(number) > MAX_FIGURE:
        return None
    return Quantity(
        text=text[start:end],
        start=start + offset,
        end=end + offset,
        value=number,
        unit=unit,
        qualifier=qualifier,
        kind=kind,
    )


def _prefix(text: str, start: int, g: _Grammar, floor: int = 0) -> tuple[int, str | None]:
    """A currency symbol written right before the figure ("$2.4 billion")."""
    if start <= floor:
        return start, None
    m = g.currency_prefix.search(text, max(floor, start - 8), start) if g.currency_prefix is not None else None
    if m is not None:
        return m.start(), g.currencies.get(_norm(m.group()))
    m = g.currency_codes.search(text, max(floor, start - 5), start) if g.currency_codes is not None else None
    if m is not None:  # "CAD 43.8 million"
        return m.start(), m.group().strip(" \t\u00a0\u202f\u2009")
    return start, None


def _from_figure(
    text: str, m: re.Match[str], g: _Grammar, offset: int, exclude: Sequence[tuple[int, int]], floor: int
) -> Quantity | None:
    core_start, core_end = m.span()
    if exclude and _overlaps(core_start + offset, core_end + offset, exclude):
        return None
    dig = m.group("dig")
    try:
        value = _figure_value(dig, g)
    except ValueError:
        return None
    plain_integer = dig.isdigit()
    if g.reference is not None and g.reference.search(text, max(floor, core_start - 20), core_start):
        return None  # "Art. 46b", "l'article 49.3": a label
    start, prefix_currency = _prefix(text, core_start, g, floor)
    info = _tail(text, core_end, g, ordinal_ok=plain_integer and not m.group("sign"), prefixed=prefix_currency is not None)
    if info["end"] == core_end and core_end < len(text) and text[core_end].isalpha():
        return None  # "5G", "3D", "1990s": a code or a decade, not an amount
    if m.group("sign"):
        value = -value
    start, qualifier = _qualifier(text, start, g, floor)
    if (
        plain_integer
        and len(dig) == 4
        and 1800 <= int(dig) <= 2100
        and not m.group("sign")
        and prefix_currency is None
        and not any(k in info for k in ("ordinal", "scale", "percent", "currency", "unit"))
    ):
        return None  # a year: dates.py handles it
    return _make(text, start, qualifier, value, info, prefix_currency, offset)


def _from_approximate(
    text: str, m: re.Match[str], g: _Grammar, offset: int, exclude: Sequence[tuple[int, int]], floor: int
) -> list[Quantity]:
    """ "une cinquantaine de mètres", "des milliers de personnes", "hundreds of
    people": a round value with its qualifier (``approximate_numbers``)."""
    if exclude and _overlaps(m.start() + offset, m.end() + offset, exclude):
        return []
    name = next(k for k in g.approx if m.group(k) is not None)
    value, qualifier = g.approx[name]
    info = _tail(text, m.end(), g, ordinal_ok=False, scaled=True)
    start, prefix_currency = _prefix(text, m.start(), g, floor)
    start, before = _qualifier(text, start, g, floor)
    q = _make(text, start, before or qualifier, Decimal(value), info, prefix_currency, offset)
    return [q] if q is not None else []


def _range_tail(text: str, pos: int, g: _Grammar, info: _Tail) -> _Tail:
    """A lone number word that opens a range or an alternative takes the
    counted noun of the second number ("onze ou douze ans", "five to six
    hours"); its own span is unchanged."""
    if g.range_next is None:
        return info
    m = g.range_next.match(text, pos)
    if m is None:
        return info
    nxt = _tail(text, m.end(), g, ordinal_ok=False)
    if "unit" not in nxt:
        return info
    return {**info, "unit": nxt["unit"]}


@lru_cache(maxsize=4096)
def spelled_values(text: str, lang: str) -> frozenset[float]:
    """Values of every number stated in words in ``text``, whatever its
    context: spelled-out numbers ("by six", "vers onze", "un"), ordinals
    ("first", "première": ``ordinal_words``) and pair words ("both",
    "tous deux": 2).  :func:`extract_quantities` keeps a lone number word
    only before a counted noun; drift uses this to tell a figure that the
    other side states in words from one it lacks."""
    g = _grammar(lang)
    out: set[float] = set()
    if g.pair_words is not None and g.pair_words.search(text):
        out.add(2.0)
    if g.ordinal_words:
        for w in g.word_token.findall(text):
            v = g.ordinal_words.get(w.lower())
            if v is not None:
                out.add(float(v))
    for m in g.core.finditer(text):
        if m.group("wrd") is None:
            continue
        for _, _, value, _ in _word_segments(text, m.start(), m.end(), g):
            out.add(float(value))
    # a number word that opens a hyphenated compound: "a ten-year period", "a three-storey house"
    for m in _COMPOUND.finditer(text):
        parts = m.group().lower().split("-")
        run = []
        for part in parts[:-1]:
            if part not in g.number_words:
                break
            run.append(part)
        if run:
            spelled = _words_value(" ".join(run), g.code)
            if spelled is not None:
                out.add(float(spelled))
    return frozenset(out)


_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+")


_NOT_A_BOUND: frozenset[Qualifier | None] = frozenset({None, "nearly"})
"""Before these, "one"/"un"/"une" is an article: "près d'une route" is "near a
road", not "nearly one road"; after a bound ("plus d'un", "more than one") it
is a number."""


def _from_words(
    text: str, m: re.Match[str], g: _Grammar, offset: int, exclude: Sequence[tuple[int, int]], floor: int
) -> list[Quantity]:
    out: list[Quantity] = []
    if m.group("wrd").lower() in g.article_words and _qualifier(text, m.start(), g, floor)[1] in _NOT_A_BOUND:
        return out  # fast path for the commonest case: "un", "une", "one" as an article or pronoun
    for seg_start, seg_end, number, n_words in _word_segments(text, m.start(), m.end(), g):
        if seg_start < floor or (exclude and _overlaps(seg_start + offset, seg_end + offset, exclude)):
            continue
        last_word = text[seg_start:seg_end].lower().rsplit(None, 1)[-1].rsplit("-", 1)[-1]
        info = _tail(text, seg_end, g, ordinal_ok=False, scaled=last_word in g.scales)
        start, prefix_currency = _prefix(text, seg_start, g, floor)
        start, qualifier = _qualifier(text, start, g, floor)
        if n_words == 1:
            if re.search(r"[0-9]" + _SP + r"+\Z", text[max(0, seg_start - 8) : seg_start]):
                continue  # right after a figure a lone number word is no number: "39 cents" (the coin)
            if not any(k in info for k in ("scale", "percent", "currency", "unit")):
                info = _range_tail(text, seg_end, g, info)
            if not any(k in info for k in ("scale", "percent", "currency", "unit")):
                continue
            if text[seg_start:seg_end].lower() in g.article_words and qualifier in _NOT_A_BOUND:
                continue
        q = _make(text, start, qualifier, Decimal(number), info, prefix_currency, offset)
        if q is None:
            continue
        out.append(q)
        floor = q.end - offset
    return out
