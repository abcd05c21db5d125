"""Proper names (people, organisations, products) with a normalised key.

A name is a run of capitalised tokens ("Google Cloud", "Soumith Chintala",
"Fondation Linux"), optionally joined by name particles ("de", "van") or "&".
Title words ("Executive Director", "Dr.") split a run and are dropped, so
"Linux Foundation Executive Director Jim Zemlin" gives "Linux Foundation" and
"Jim Zemlin".  A capitalised function word ("The", "Selon") is not a name; a
single capitalised word at the start of a sentence is kept only when it looks
like a name (internal capital or digit, all capitals) or is capitalised in the
middle of a sentence somewhere in the article (``known``).  Not names
either: a currency code (CLDR) or scale word next to a figure ("CAD 43.8
million", "700 Md$"), an acronym in the plural ("tablet PCs"), the
lower-case tail of a hyphenated word ("Saudi-owned" gives "Saudi"), and, in
a headline in title case (:func:`title_case`), a word the article does not
capitalise elsewhere.  A word in capitals ("UN", "US") is an acronym, never
the function word it spells.

:func:`entity_key` maps surface variants to one key: "Nvidia Corp.", "NVidia"
and "Nvidia" all give ``nvidia``; "Fondation Linux" and "Linux Foundation"
give ``foundation linux`` (words translated by ``Names.entity_words``,
legal suffixes dropped, accents and case folded, words sorted).

Cost: one regex scan, linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from .. import lang as _lang
from ..models import Entity
from ..text import fold

__all__ = ["extract_entities", "entity_key", "name_key", "POSSESSIVE", "capitalised_words", "split_name", "title_case"]

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_TOKEN = re.compile(rf"[{_UPPER}a-zß-öø-ÿœ0-9][\w'’.&+/-]*[\w.+]|[{_UPPER}0-9]|&")
_ELISION = re.compile(r"[dlDLjJmMnNsStTcC]['’]|[qQ]u['’]")
_ROMAN_ORDINAL = re.compile(
    r"[IVXLC]+(?:" + "|".join(_lang.concat(lambda d: d.names.roman_ordinal_suffixes)) + ")"
)
_ABBREV_OK = _lang.union(lambda d: d.names.abbreviations)
_DOTTED_END = re.compile(
    r"\b(?:" + "|".join(_lang.concat(lambda d: d.names.dotted_suffixes)) + r")\.$"
)
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
POSSESSIVE = "(?:" + "|".join(_lang.concat(lambda d: d.names.possessive_suffixes)) + r")\b"
"""A possessive ending of any language (``Names.possessive_suffixes``: "Meta's")."""
_ABBREV_BEFORE = re.compile(r"\b(\w+)\.\s+$")
_SENT_START = re.compile(r"(?:^|[.!?…:;]\s+|[«“\"(]\s*|^\s*[-–—]\s*|\n\s*)$")


def _is_cap(tok: str) -> bool:
    if tok[0].isupper():
        return True
    rest = tok[1:]
    return rest != rest.lower()  # "eBPF", "iPhone": a capital inside


def _capitals(tok: str) -> bool:
    """Written in capitals, two letters or more: an acronym ("UN", "US", "IT"),
    not the function word it spells ("un", "us", "it")."""
    core = tok.rstrip(".")
    return len(core) >= 2 and core.isupper()


def _looks_like_name(tok: str) -> bool:
    core = tok.rstrip(".")
    return (
        any(c.isupper() for c in core[1:])
        or any(c.isdigit() for c in core)
        or (len(core) > 1 and core.isupper())
    )


@lru_cache(maxsize=None)
def _tables(code: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = _lang.get(code)
    stop = frozenset().union(*(_lang.get(c).names.not_name_words for c in _lang.SUPPORTED))
    titles = frozenset().union(*(_lang.get(c).names.titles for c in _lang.SUPPORTED))
    from .dates import weekday_numbers

    # month and weekday names are dates, not names ("Monday", "lundi"; stripped at a name's edges)
    months = frozenset().union(*(_lang.get(c).dates.months.keys() for c in _lang.SUPPORTED),
                               *(weekday_numbers(c).keys() for c in _lang.SUPPORTED))
    particles = data.names.name_particles
    org = frozenset().union(*(_lang.get(c).names.org_words for c in _lang.SUPPORTED))
    return stop, titles, months, particles, org


@lru_cache(maxsize=None)
def _key_tables() -> tuple[frozenset[str], frozenset[str], dict[str, str], frozenset[str]]:
    legal = frozenset().union(*(_lang.get(c).names.legal_suffixes for c in _lang.SUPPORTED))
    articles = frozenset().union(*(_lang.get(c).names.definite_articles for c in _lang.SUPPORTED))
    words: dict[str, str] = {}
    for c in _lang.SUPPORTED:
        words.update(_lang.get(c).names.entity_words)
    honorifics = frozenset(fold(w) for c in _lang.SUPPORTED for w in _lang.get(c).names.honorifics)
    return legal, articles, words, honorifics


@lru_cache(maxsize=None)
def _determiners() -> frozenset[str]:
    return frozenset().union(*(_lang.get(c).names.determiners for c in _lang.SUPPORTED))


@lru_cache(maxsize=None)
def _aliases() -> dict[str, str]:
    """Folded key of an alias -> folded key of the name it stands for."""
    out: dict[str, str] = {}
    for c in _lang.SUPPORTED:
        for alias, name in _lang.get(c).names.entity_aliases.items():
            out[_plain_key(alias)] = _plain_key(name)
    return out


@lru_cache(maxsize=65_536)
def entity_key(name: str) -> str:
    """The normalised key of a proper name.

    Accents and case are folded, punctuation dropped, a leading article and
    trailing legal suffixes ("Inc.", "Corp.", "SA") removed, language-specific
    words mapped to one form (``fondation`` -> ``foundation``) and the words
    sorted, so word order across languages does not matter.  Titles before
    a name (``Names.honorifics``: "Dr", "Dre", "Prof.", "Mme", "President")
    are dropped too: "Dre Anne Roy" and "Anne Roy" have one key.
    """
    key = _plain_key(name)
    return _aliases().get(key, key)


def name_key(name: str) -> str:
    """:func:`entity_key` of a name as written in a text, its possessive
    ending dropped ("OPCW's" and "OPCW" have one key)."""
    return entity_key(re.sub(POSSESSIVE, "", name))


def _plain_key(name: str) -> str:
    legal, articles, words, honorifics = _key_tables()
    toks = [t for t in re.split(r"[^\w]+", fold(name)) if t]
    while len(toks) > 1 and (toks[0] in articles or toks[0] in honorifics):
        toks.pop(0)  # "The", and titles before a name ("Dre Anne Roy", "Prof. Roy", "President Macron")
    while len(toks) > 1 and toks[-1] in legal:
        toks.pop()
    return " ".join(sorted(words.get(t, t) for t in toks))


def capitalised_words(text: str) -> set[str]:
    """Capitalised words that occur in the middle of a sentence in ``text``.

    Used as ``known`` names: a sentence-initial "Meta" is a name when the
    article writes "Meta" mid-sentence elsewhere.
    """
    found: set[str] = set()
    for line in text.split("\n"):
        if title_case(line):
            continue  # a headline capitalises every long word: it tells nothing of names
        for m in _TOKEN.finditer(line):
            tok = m.group()
            if not tok.islower() and _is_cap(tok) and not _SENT_START.search(line[max(0, m.start() - 4) : m.start()]):
                found.add(tok.rstrip("."))
    return found


_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
_TITLE_CASE_WORDS = 6
"""Capitalised long words a line needs, besides its first, to be in title case."""


def title_case(text: str) -> bool:
    """The text is written in title case, as English headlines are ("Top Model
    Starts Acting Career in Grand Style"): every word of four letters or more
    after the first is capitalised, and at least ``_TITLE_CASE_WORDS`` of them
    are capitalised words, not acronyms (a sentence holding one long name,
    "the United Nations Children's Emergency Fund", has fewer, or a lower-case
    verb)."""
    words = _TITLE_WORD.findall(text)[1:]
    if not all(w[0].isupper() for w in words):
        return False
    return sum(1 for w in words if not w.isupper()) >= _TITLE_CASE_WORDS


def _known_parts(group: list[tuple[int, int, str]], known: set[str] | frozenset[str]) -> list[list[tuple[int, int, str]]]:
    """The runs of ``group`` whose tokens are known names or look like names."""
    parts: list[list[tuple[int, int, str]]] = [[]]
    for item in group:
        tok = item[2].rstrip(".")
        if tok in known or _looks_like_name(tok) or (parts[-1] and not tok[:1].isupper()):
            parts[-1].append(item)
        elif parts[-1]:
            parts.append([])
    return [p for p in parts if p]


def split_name(tokens: list[str], code: str) -> list[list[str]]:
    """Split a run of capitalised tokens at title words ("Executive Director"),
    dropping them: ``Linux Foundation Executive Director Jim Zemlin`` ->
    ``[[Linux, Foundation], [Jim, Zemlin]]``."""
    _, titles, _, _, _ = _tables(code)
    parts: list[list[str]] = [[]]
    for tok in tokens:
        if tok.rstrip(".").lower() in titles:
            if parts[-1]:
                parts.append([])
            continue
        parts[-1].append(tok)
    return [p for p in parts if p]


@lru_cache(maxsize=None)
def _amount_words() -> tuple[frozenset[str], frozenset[str]]:
    """ISO 4217 currency codes (CLDR) and every language's scale words ("md", "bn")."""
    from ..lang.cldr import currency_codes

    return currency_codes(), frozenset(w for c in _lang.SUPPORTED for w in _lang.get(c).numbers.scale_words)


def _part_of_amount(tok: str, text: str, start: int, end: int) -> bool:
    """A currency code ("CAD", "EUR") or a scale word ("Md", "Bn") written next
    to a figure ("CAD 43.8 million", "43.8 CAD", "700 Md$") is part of an
    amount, not a name."""
    codes, scales = _amount_words()
    core = tok.rstrip(".")
    if core not in codes and core.lower() not in scales:
        return False
    after = text[end : end + 3].lstrip()
    before = text[max(0, start - 3) : start].rstrip()
    return after[:1].isdigit() or before[-1:].isdigit()


def _derived(tok: str, particles: frozenset[str]) -> bool:
    """A lower-case prefix joined to a capitalised word ("mid-September",
    "anti-Trump", "post-Brexit") makes a common word, not part of a name;
    a name particle does not ("al-Assad", "bin-Salman")."""
    head, sep, tail = tok.partition("-")
    return bool(sep) and head.islower() and head not in particles and tail[:1].isupper()


@lru_cache(maxsize=None)
def _org_tables(code: str) -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str]]:
    """(org joiners, definite articles, adjective endings, function words) of ``code``."""
    names = _lang.get(code).names
    return names.org_joiners, names.definite_articles, names.org_adjective_endings, names.not_name_words


def _org_tail(tok: str, code: str, after_joiner: bool) -> bool:
    """``tok`` is a lower-case word that continues an organisation name in a
    language that capitalises such a name on its first word only: an
    adjective ("centrale", "européenne"), or, after a joiner ("de la"), the
    noun of its complement ("santé"); an elided complement ("d'investissement",
    "l'énergie") stands for both."""
    joiners, articles, endings, stop = _org_tables(code)
    if not endings or not tok.islower():
        return False
    elided = _ELISION.match(tok)
    if elided and tok[: elided.end() - 1] in joiners | articles and tok[elided.end() :].isalpha():
        return after_joiner or tok[: elided.end() - 1] in joiners
    if not tok.isalpha() or tok in stop:
        return False
    return after_joiner and len(tok) >= 3 or tok.endswith(endings)


def _runs(text: str, code: str) -> list[list[tuple[int, int, str]]]:
    """Maximal runs of capitalised tokens separated by single spaces; a name
    particle ("de", "van") or "&" may sit inside a run, between two capitalised
    tokens.  After an organisation word (``Names.org_words``) a joiner and an
    article may sit there too ("University of California", "Bank of the
    West"), and, in a language with ``Names.org_adjective_endings``, the
    lower-case adjectives and one complement of the name ("Banque centrale
    européenne", "Organisation mondiale de la santé")."""
    _, _, _, particles, org = _tables(code)
    joiners, articles, _, _ = _org_tables(code)
    runs: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []
    in_org = False  # the run ends in an organisation word or its lower-case tail
    complemented = False  # the lower-case tail holds its one complement
    prev_end = -1
    prev_tok = ""
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if not run and tok.islower() and "'" not in tok and "’" not in tok:
            # fast path (most words): a lower-case word outside a run starts nothing
            prev_end, prev_tok = m.end(), tok
            continue
        start = m.start()
        elided = _ELISION.match(tok) if len(tok) > 2 and (tok[1] in "'’" or tok[2:3] in ("'", "’")) else None
        if elided and len(tok) > elided.end() and tok[elided.end()].isupper():
            tok, start = tok[elided.end() :], start + elided.end()  # d'AMD -> AMD
        adjacent = (
            prev_end >= 0
            and start - prev_end <= 2
            and not text[prev_end:start].strip()
            and not (prev_tok.endswith(".") and len(prev_tok) > 2 and prev_tok[:-1].lower() not in _ABBREV_OK)
        )
        prev_tok = tok
        low = tok.lower()
        if _is_cap(tok) and not _derived(tok, particles):
            end = m.end()
            head, sep, tail = tok.rpartition("-")
            if sep and head and tail.isalpha() and tail.islower() and tail not in particles:
                tok, end = head, start + len(head)  # "Saudi-owned", "Paris-based": the name is the head
            if run and adjacent:
                run.extend(pending)
                run.append((start, end, tok))
            else:
                if run:
                    runs.append(run)
                run = [(start, end, tok)]
                complemented = False
            pending = []
            in_org = tok.rstrip(".").lower() in org
        elif run and adjacent and in_org and not pending and _org_tail(tok.replace("’", "'"), code, False) \
                and not (complemented and _ELISION.match(tok)):
            run.append((m.start(), m.end(), tok))  # "centrale", "d'investissement"
            complemented = complemented or bool(_ELISION.match(tok))
        elif run and adjacent and in_org and pending and not complemented \
                and _org_tail(tok.replace("’", "'"), code, True):
            run.extend(pending)
            run.append((m.start(), m.end(), tok))  # "de la santé"
            pending, complemented = [], True
        elif run and adjacent and in_org and not complemented and (
            (not pending and low in joiners)
            or (len(pending) == 1 and pending[0][2].lower() in joiners and low in articles)
        ):
            pending.append((m.start(), m.end(), tok))  # "of", "of the", "de la"
        elif run and adjacent and not pending and (low in particles or tok == "&"):
            pending = [(m.start(), m.end(), tok)]
        else:
            if run:
                runs.append(run)
            run, pending, in_org, complemented = [], [], False, False
        prev_end = m.end()
    if run:
        runs.append(run)
    return runs


def extract_entities(
    text: str,
    lang: str,
    *,
    offset: int = 0,
    known: set[str] | frozenset[str] = frozenset(),
    persons: set[str] | frozenset[str] = frozenset(),
) -> list[Entity]:
    """Proper names in ``text`` (a sentence or a paragraph).

    Args:
        text: the text to scan.
        lang: its language code (``en``/``fr``).
        offset: added to every span, so spans index the article.
        known: capitalised words seen mid-sentence in the whole article
            (:func:`capitalised_words`); they are names even sentence-initially.
        persons: full names known to be people (speakers); labels them
            ``person``.

    Returns:
        :class:`~claimtrack.models.Entity` list in text order, spans end-exclusive.
    """
    stop, titles, months, _, org = _tables(lang)
    determiners = _determiners()
    numeric = _lang.get(lang).segmentation.numeric_abbreviations
    person_keys = {entity_key(p) for p in persons}
    surnames = {p.split()[-1] for p in persons if p.split()}
    out: list[Entity] = []
    title = title_case(text)
    for run in _runs(text, lang):
        # split the run at title words, keep positions
        groups: list[list[tuple[int, int, str]]] = [[]]
        for i, item in enumerate(run):
            if (item[2][:1].isupper() and item[2].rstrip(".").lower() in titles
                    and not (i + 1 < len(run) and run[i + 1][2].rstrip(".").lower() in org)):
                # a title word, unless it names an organisation ("Riverside General Hospital")
                if groups[-1]:
                    groups.append([])
                continue
            groups[-1].append(item)
        if title:
            # in a headline in title case, a name is a word the article
            # capitalises elsewhere, or one that looks like a name ("iPhone", "NATO")
            groups = [part for g in groups for part in _known_parts(g, known)]
        for whole in groups:
            # strip leading/trailing function words, months and particles (indices, not
            # slices: a run of thousands of function words costs linear time)
            lo, hi = 0, len(whole)
            while lo < hi and (
                (whole[lo][2].rstrip(".").lower() in stop and not _capitals(whole[lo][2])
                 and (whole[lo][2].lower() in determiners
                      or _SENT_START.search(text[max(0, whole[lo][0] - 4) : whole[lo][0]])))
                or whole[lo][2].rstrip(".").lower() in months
                or whole[lo][2] == "&"
            ):
                # a capitalised function word opens the sentence ("New research by Meta"), or is
                # an article ("The Linux Foundation"); mid-sentence, "New York" keeps its "New"
                lo += 1
            while lo < hi and (
                (whole[hi - 1][2].lower() in stop and not _capitals(whole[hi - 1][2]))
                or whole[hi - 1][2].rstrip(".").lower() in months or whole[hi - 1][2] == "&"
            ):
                hi -= 1
            if lo == hi:
                continue
            group = whole[lo:hi]
            s, e = group[0][0], group[-1][1]
            surface = text[s:e]
            if surface.endswith(".") and not _DOTTED_END.search(surface):
                surface = surface[:-1]
                e -= 1
            first = group[0][2]
            abbrev = _ABBREV_BEFORE.search(text[max(0, s - 8) : s])
            at_start = bool(_SENT_START.search(text[max(0, s - 4) : s])) and not (
                abbrev and abbrev.group(1).lower() in _ABBREV_OK)  # "Gen. Petraeus": the period is the title's
            if len(group) == 1 and at_start and not _looks_like_name(first) and first.rstrip(".") not in known:
                continue
            if len(group) == 1 and len(first.rstrip(".")) < 2:
                continue
            if len(group) == 1 and _ROMAN_ORDINAL.fullmatch(first):
                continue  # "XIVe" (siècle), "IIIe": a French ordinal, not a name
            if len(group) == 1 and first.rstrip(".") in numeric and text[e:e + 3].lstrip(" .")[:1].isdigit():
                continue  # "No. 1", "Art. 5": an abbreviation before a number, not a name
            if len(group) == 1 and _PLURAL_ACRONYM.fullmatch(first):
                continue  # "tablet PCs", "NGOs": an acronym in the plural is a common noun, not a name
            if len(group) == 1 and _part_of_amount(first, text, s, e):
                continue  # "CAD 43.8 million", "700 Md$": a currency code or scale word, not a name
            words = {t.rstrip(".").lower() for _, _, t in group}
            key = entity_key(surface)
            if not key:
                continue
            label: Literal["person", "organization", "name"]
            if key in person_keys or (len(group) == 1 and surface in surnames):
                label = "person"
            elif words & org:
                label = "organization"
            else:
                label = "name"
            out.append(Entity(text=surface, start=s + offset, end=e + offset, key=key, label=label))
    return out
