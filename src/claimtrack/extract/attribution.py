"""Quotations and who said them.

**Quote regions.**  Each prose paragraph is scanned for quotation marks: “ ”,
« », „ “ and straight ``"`` (opening when it follows a space or the start of
the line and precedes a non-space, closing otherwise).  A quote still open at
the end of a paragraph continues into the next paragraph when that paragraph
opens with a quotation mark (the newspaper convention for long quotes); all
its regions share one ``quote_id``.  Regions of fewer than ``MIN_QUOTE_WORDS``
words are scare quotes (“open source-first”) and do not make a quote.

**Attribution.**  Patterns built from the language data (reporting verbs,
source prefixes, subject pronouns, speaker nouns) find the speaker of a
quotation, in this order of preference:

1. after a region, in the same paragraph: ``…,” he said``, ``…,” said Soumith
   Chintala, PyTorch Lead Maintainer``, ``…” – Andy Jassy``, ``« … », a déclaré X``
   (any region of a multi-paragraph quote counts);
2. before a region, in the same paragraph: ``Zemlin said: “…”``;
3. the previous prose paragraph, when it ends with a colon and holds a
   reporting verb: ``Il déclare sur son blog :`` followed by ``« … »``.

A sentence outside quotation marks is ``reported`` when it carries an
attribution itself: ``Zemlin said the growth…``, ``According to X, …``,
``Selon X, …``, ``X a déclaré que …``, ``…, he said.``

**Speakers.**  Titles and appositions are stripped ("Linux Foundation
Executive Director Jim Zemlin" -> "Jim Zemlin"); a surname alone resolves to
the full name seen in the article ("Chintala" -> "Soumith Chintala"); a
pronoun ("she", "il") resolves to the nearest preceding named person.  Each
speaker carries the grammatical gender the article refers to the person with
(its own pronoun, or the pronouns resolved to the same name elsewhere).

Cost: a constant number of regex scans per sentence, each linear in the text
whatever it holds.  A name token (``_NAME_TOKEN``) can run to the end of a
stretch of word characters, so a pattern free to start anywhere would rescan
that stretch from each of its capital letters (quadratic in a run of capitals,
"AAAA..."); the unanchored patterns are therefore tried only where a match can
begin (:func:`_scan`), and the pattern anchored at the end of a segment only
near that end (:func:`_search_before`), with the same matches as a plain
``finditer``/``search``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lang as _lang
from .entities import entity_key, split_name
from ..models import Sentence, Speaker

__all__ = ["QuoteRegion", "Attribution", "find_quote_regions", "analyse", "MIN_QUOTE_WORDS"]

MIN_QUOTE_WORDS = 4
"""A quoted stretch shorter than this is a scare quote, not a quotation."""
_QUOTED_SHARE = 0.5
"""Share of a sentence's characters inside quotation marks that makes it a quote."""

QUOTE_OPENERS = "“«„"
QUOTE_CLOSERS = "”»"
"""Typographic quotation marks (the straight ``"`` opens and closes)."""
_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_NAME_TOKEN = rf"[{_UPPER}][\w'’.-]*\w\.?|[{_UPPER}]\."
_WORD = re.compile(r"\w+")
_RUN = re.compile(r"[\w'’.-]+")
"""A stretch of the characters a name token is made of."""
_RUN_CHAR = re.compile(r"[\w'’.-]")
_FIRST_CAPITAL = re.compile(rf"(?<![\w'’.-])(?:[^\W{_UPPER}]|['’.-])*([{_UPPER}])")
"""The first capital of a stretch of name characters (group 1)."""
_CAPITAL_AHEAD = re.compile(rf"(?:[^\W{_UPPER}]|['’.-])*([{_UPPER}])")
_ELIDED_NOUN = re.compile(r"[A-Za-z]['’][a-zà-ÿ]")  # "L’agence", "D’autres": not a name


@dataclass(frozen=True)
class QuoteRegion:
    """A stretch of text inside quotation marks (offsets into the article)."""

    start: int
    end: int
    quote_id: int
    paragraph: int
    open_at_end: bool = False


@dataclass
class Attribution:
    """Result of :func:`analyse` for one article.

    ``kinds`` holds one of ``statement``, ``quote``, ``reported`` or
    ``frame`` per sentence; a frame only introduces the quote that follows
    it ("Elle déclare :") and does not become a claim.
    """

    regions: list[QuoteRegion]
    kinds: list[str]
    quote_ids: list[int | None]
    speakers: list[Speaker | None]
    persons: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- quotes


def _straight_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(set(QUOTE_OPENERS) | set(QUOTE_CLOSERS) | {'"'}))) + "]")


def find_quote_regions(
    text: str, paragraphs: list[tuple[int, int, int]], min_words: int = MIN_QUOTE_WORDS
) -> list[QuoteRegion]:
    """Quote regions of the given paragraphs.

    Args:
        text: the article text.
        paragraphs: ``(paragraph_index, start, end)`` of each prose paragraph,
            in order.
        min_words: regions of fewer words are left out (scare quotes).
    """
    regions: list[QuoteRegion] = []
    next_id = 0
    carry: int | None = None  # quote id left open by the previous paragraph
    prev_par = -2
    for par, start, end in paragraphs:
        if carry is not None and par != prev_par + 1 and par != prev_par:
            pass  # a furniture line in between does not break a long quote
        open_at: int | None = None
        open_id: int | None = None
        first_char = text[start:end].lstrip()[:1]
        continuing = carry is not None and (first_char in QUOTE_OPENERS or first_char == '"')
        if carry is not None and not continuing:
            carry = None
        for mark in _QUOTE_MARK.finditer(text, start, end):  # only the quotation marks, not every character
            i = mark.start()
            ch = text[i]
            if ch == '"':
                is_open = open_at is None and _straight_opens(text, i)
                is_close = open_at is not None
            else:
                is_open = ch in QUOTE_OPENERS and open_at is None
                is_close = ch in QUOTE_CLOSERS and open_at is not None
            if is_open:
                open_at = i
                if continuing and carry is not None:
                    open_id, carry = carry, None
                else:
                    open_id, next_id = next_id, next_id + 1
            elif is_close and open_at is not None and open_id is not None:
                regions.append(QuoteRegion(open_at, i + 1, open_id, par))
                open_at = open_id = None
        if open_at is not None and open_id is not None:
            regions.append(QuoteRegion(open_at, end, open_id, par, open_at_end=True))
            carry = open_id
        else:
            carry = None
        prev_par = par
    return [r for r in regions if len(_WORD.findall(text[r.start : r.end])) >= min_words]


# --------------------------------------------------------------------------- patterns


@dataclass(frozen=True)
class _Patterns:
    after: re.Pattern[str]
    before: re.Pattern[str]
    reported: tuple[re.Pattern[str], ...]
    reported_unnamed: re.Pattern[str]
    """``reported[3]`` without its name alternative (see :func:`_scan`)."""
    apposition: re.Pattern[str]
    titled: re.Pattern[str]
    pronouns: dict[str, str]
    verb_words: frozenset[str]
    """First word of every reporting verb: a text without any skips the verb patterns."""
    title_words: frozenset[str]
    """First word of every title: a text without any skips the titled-name pattern."""


_GATE_WORD = re.compile(r"\w+")


def _first_words(phrases: object) -> frozenset[str]:
    """Lower-cased first ``\\w+`` word of each phrase (regex fragments included)."""
    out = set()
    for phrase in phrases:  # type: ignore[attr-defined]
        m = _GATE_WORD.search(str(phrase).lower())
        if m:
            out.add(m.group())
    return frozenset(out)


def _words(text: str) -> set[str]:
    return set(_GATE_WORD.findall(text.lower()))


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _patterns(code: str) -> _Patterns:
    data = _lang.get(code)
    name = rf"(?P<name>(?:{_NAME_TOKEN})(?:\s+(?:(?:{_alt(sorted(data.names.name_particles)) or 'x^'})\s+)?(?:{_NAME_TOKEN})){{0,6}})"
    pron = rf"(?P<pron>(?i:\b(?:{_alt(list(data.attribution.pronouns))})\b))"
    noun = rf"(?P<noun>(?i:\b(?:{_alt(data.attribution.speaker_nouns) or 'x^'})\b))"
    verb = rf"(?:{_alt(data.attribution.reporting_verbs)})\b"
    that = rf"(?i:(?:{_alt(data.attribution.reporting_verbs_that) or 'x^'}))"
    prefix = rf"(?i:(?:{_alt(data.attribution.source_prefixes) or 'x^'}))"
    # "Selon la maire X", "According to chief engineer X": determiners and titles before the name
    lead_words = sorted(data.names.titles | data.names.name_particles | _lang.union(lambda d: d.attribution.lead_words))
    lead = rf"(?:(?i:(?:l['’])?(?:{_alt(lead_words)}))\s+){{0,4}}"
    adverb = r"(?:(?i:" + "|".join(_lang.concat(lambda d: d.attribution.speaker_adverbs)) + r")\s+)?"
    appos = r"(?:,[^,.;:«»“”\"]{1,90},)?"
    inversion = "|".join(_lang.concat(lambda d: d.attribution.inversion_patterns))
    inverted = rf"(?P<inv>(?i:\b(?:{inversion})(?:{_alt(list(data.attribution.pronouns))})\b))"
    subj = rf"(?:{pron}|{noun}|{name})"
    after = re.compile(
        rf"[\s,;:]*(?:"
        rf"(?:[^.!?“”«»\"]{{0,80}}?\s)??{subj}{appos}\s+{adverb}{verb}"
        rf"|{verb}\s+(?P<vname>(?:{_NAME_TOKEN})(?:\s+(?:{_NAME_TOKEN})){{0,6}}|(?i:{_alt(list(data.attribution.pronouns))})\b)"
        rf"|{inverted}"
        rf"|[–—-]\s*(?P<dname>(?:{_NAME_TOKEN})(?:\s+(?:{_NAME_TOKEN})){{0,4}})"
        rf")"
    )
    before = re.compile(rf"(?:^|[\s,;(])({subj}){appos}\s+{adverb}{verb}[^.!?]*[:,]?\s*$")
    reported = (
        re.compile(rf"^\s*{prefix}\s+{lead}{name}\s*,"),
        re.compile(rf"(?:^|[,;]\s*|\s)(?<![{_UPPER}]){subj}{appos}\s+{adverb}{verb}"),
        re.compile(rf",\s+{verb}\s+(?P<vname>(?:{_NAME_TOKEN})(?:\s+(?:{_NAME_TOKEN})){{0,6}})"),
        re.compile(rf"{subj}\s+{verb}\s+{that}"),
    )
    reported_unnamed = re.compile(rf"(?:{pron}|{noun})\s+{verb}\s+{that}")
    titled = re.compile(
        rf"(?i:\b(?:{_alt(sorted(data.names.titles))})\.?)\s+(?P<name>(?:{_NAME_TOKEN})(?:\s+(?:{_NAME_TOKEN})){{1,3}})"
    )
    appos_dets = "|".join(_lang.concat(lambda d: d.attribution.apposition_determiners))
    apposition = re.compile(
        rf"(?P<name>(?:{_NAME_TOKEN})(?:\s+(?:{_NAME_TOKEN})){{1,4}}),\s+(?i:(?:{appos_dets}|{_alt(sorted(data.names.titles))})\b)"
    )
    return _Patterns(
        after, before, reported, reported_unnamed, apposition, titled, dict(data.attribution.pronouns),
        _first_words(data.attribution.reporting_verbs), _first_words(data.names.titles),
    )


# --------------------------------------------------------------------------- linear scans


def _scan(rx: re.Pattern[str], text: str, stop: int | None = None) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern whose matches begin with a name
    token (``_NAME_TOKEN``), trying ``rx`` only where such a match can begin.

    A name token starting inside a stretch of name characters (``_RUN``)
    ends where one starting at an earlier capital of that stretch ends: the
    longest token is the only one that can be followed by what the patterns
    ask for after a name (a space, a comma or the end of the match).  So once
    the first capital of a stretch has failed, every later capital of it
    fails too: ``rx`` is tried once per stretch (:data:`_FIRST_CAPITAL`),
    where a plain ``finditer`` retries the stretch from each capital
    (quadratic in a run of capitals).  Same matches, in the same order;
    ``stop``: only matches that begin before it.
    """
    pos, n = 0, len(text) if stop is None else stop
    while pos < n:
        inside = _CAPITAL_AHEAD.match(text, pos) if pos and _RUN_CHAR.match(text, pos - 1) else None
        first = inside or _FIRST_CAPITAL.search(text, pos)  # a stretch cut by the previous match, else the next
        if first is None or first.start(1) >= n:
            return
        found = rx.match(text, first.start(1))
        if found is None:
            pos = first.end(1)
            run = _RUN.match(text, pos)
            pos = run.end() if run else pos  # the rest of the stretch cannot begin a match
            continue
        yield found
        pos = max(found.end(), found.start() + 1)


def _search(rx: re.Pattern[str], unnamed: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``rx.search(text)`` in linear time, for a pattern whose matches begin
    with a name token or with a word matched by ``unnamed`` (``rx`` without its
    name alternative: a pronoun or a speaker noun, tried first, as in ``rx``).

    ``unnamed`` runs as a plain search (it cannot be slow: its words are
    literal); the name alternative only where :func:`_scan` tries it, before
    the first ``unnamed`` match (where ``rx`` can only match by a name).
    """
    word = unnamed.search(text)
    named = next(_scan(rx, text, stop=word.start() if word is not None else len(text)), None)
    return named if named is not None else word


_BEFORE_NAME_WORDS = 14
"""Whitespace-separated words a name can span: seven tokens, six particles, one more."""
_BEFORE_APPOSITION = 92
"""Longest apposition (``,`` + 90 characters + ``,``), the only part after a name that may hold ``!``/``?``."""


def _search_before(rx: re.Pattern[str], seg: str) -> re.Match[str] | None:
    """``rx.search(seg)`` for the *before* pattern, in linear time.

    The pattern ends in ``verb [^.!?]*[:,]?\\s*$``: after its reporting verb
    no ``.``, ``!`` or ``?`` may follow.  Before the verb, only a name (``.``
    in "J. Smith") and an apposition (``!``, ``?``) can hold one, so a match
    starts at most a name and an apposition before the last of them; the
    search starts there instead of rescanning the segment to that mark from
    every earlier subject (quadratic in "he said he said ... .").
    """
    last = max(seg.rfind("."), seg.rfind("!"), seg.rfind("?"))
    if last < 0:
        return rx.search(seg)
    i = max(0, last - _BEFORE_APPOSITION)
    for _ in range(_BEFORE_NAME_WORDS):
        while i > 0 and seg[i - 1].isspace():
            i -= 1
        while i > 0 and not seg[i - 1].isspace():
            i -= 1
    return rx.search(seg, max(0, i - 1))


# --------------------------------------------------------------------------- names


@dataclass
class _Registry:
    """Named people seen in the article, in text order."""

    code: str
    positions: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    by_surname: dict[str, str] = field(default_factory=dict)

    def add(self, pos: int, full: str) -> None:
        idx = bisect_left(self.positions, pos)
        self.positions.insert(idx, pos)
        self.names.insert(idx, full)
        self.by_surname.setdefault(full.split()[-1], full)

    def before(self, pos: int) -> str | None:
        idx = bisect_left(self.positions, pos)
        return self.names[idx - 1] if idx else None


_NAME_ABBREVIATIONS = _lang.union(lambda d: d.attribution.name_abbreviations)


def _cut_at_sentence_end(raw: str) -> str:
    """``raw`` up to the first word that ends a sentence ("Okafor. Selon X" -> "Okafor.").

    A period after an initial ("J.") or a name abbreviation ("Jr.", "Dr.") does not end it.
    """
    for m in re.finditer(r"\S+", raw):
        word = m.group()
        if word.endswith(".") and m.end() < len(raw.rstrip()):
            core = word.rstrip(".")
            if len(core) > 1 and core.lower() not in _NAME_ABBREVIATIONS and "." not in core:
                return raw[: m.end()]
    return raw


def _clean_name(raw: str, code: str) -> tuple[str, bool]:
    """Strip leading function words and titles; return (name, is_person)."""
    raw = _cut_at_sentence_end(raw)
    data = _lang.get(code)
    stop = data.names.not_name_words
    org = frozenset().union(*(_lang.get(c).names.org_words for c in _lang.SUPPORTED))
    tokens = raw.split()
    while tokens and tokens[0].lower() in stop:
        tokens = tokens[1:]
    parts = split_name(tokens, code) if tokens else []
    if not parts:
        return "", False
    last = parts[-1]
    words = {t.rstrip(".").lower() for t in last}
    is_person = len(last) >= 2 and not (words & org) and not any(t.rstrip(".").isupper() and len(t.rstrip(".")) > 1 for t in last)
    if is_person or len(parts) == 1:
        return " ".join(last).rstrip(",."), is_person
    return " ".join(last).rstrip(",."), is_person


def _speaker_from_match(
    m: re.Match[str], base: int, code: str, registry: _Registry
) -> Speaker | None:
    groups = m.groupdict()
    for key in ("name", "vname", "dname"):
        raw = groups.get(key)
        if raw:
            raw = _cut_at_sentence_end(raw)
            s = m.start(key) + base
            name, is_person = _clean_name(raw, code)
            if not name or _ELIDED_NOUN.match(name):
                return None
            offset = raw.find(name.split()[0]) if name.split() else 0
            mention_start = s + max(offset, 0)
            surface = raw[max(offset, 0) :].rstrip(",.")
            if len(name.split()) == 1 and name in registry.by_surname:
                return Speaker(text=surface, start=mention_start, end=mention_start + len(surface),
                               name=registry.by_surname[name], via="surname")
            if name.lower() in _patterns(code).pronouns:
                return _pronoun_speaker(name, mention_start, code, registry)
            return Speaker(text=surface, start=mention_start, end=mention_start + len(surface), name=name, via="name")
    if groups.get("pron"):
        s = m.start("pron") + base
        return _pronoun_speaker(groups["pron"], s, code, registry)
    if groups.get("inv"):
        inv = groups["inv"]
        pron = inv.rsplit("-", 1)[-1]
        s = m.start("inv") + base + len(inv) - len(pron)
        return _pronoun_speaker(pron, s, code, registry)
    if groups.get("noun"):
        s = m.start("noun") + base
        return Speaker(text=groups["noun"], start=s, end=s + len(groups["noun"]), name=None, via="context")
    return None


def _pronoun_speaker(pron: str, start: int, code: str, registry: _Registry) -> Speaker:
    gender = _patterns(code).pronouns.get(pron.lower(), "x")
    name = registry.before(start) if gender in ("m", "f") else None
    return Speaker(text=pron, start=start, end=start + len(pron), name=name, via="pronoun")


# --------------------------------------------------------------------------- analysis


def _outside(text: str, start: int, end: int, regions: list[QuoteRegion]) -> str:
    """``text[start:end]`` with quoted stretches blanked (offsets preserved)."""
    chars = list(text[start:end])
    for r in regions:
        lo, hi = max(r.start, start), min(r.end, end)
        for i in range(lo, hi):
            chars[i - start] = " "
    return "".join(chars)


def analyse(text: str, sentences: list[Sentence], code: str) -> Attribution:
    """Kinds, quote ids and speakers of ``sentences`` (the prose of one article).

    Three passes over one :class:`_Layout`: the named people of the article
    (:func:`_collect_people`), then a speaker per quotation
    (:func:`_quote_speakers`), then a kind and speaker per sentence
    (:func:`_classify_sentences`).

    Args:
        text: the article text the sentences index.
        sentences: prose sentences in order (``segment.layout``).
        code: the article's language (its data supplies the patterns).
    """
    layout = _layout(text, sentences)
    registry = _collect_people(text, layout, code)
    quote_speaker = _quote_speakers(text, layout, code, registry)
    kinds, quote_ids, speakers = _classify_sentences(text, sentences, layout, code, registry, quote_speaker)
    speakers = _with_gender(_resolve_context(speakers, set(registry.names)), code)
    return Attribution(layout.regions, kinds, quote_ids, speakers, sorted(set(registry.names)))


@dataclass(frozen=True)
class _Layout:
    """The prose paragraphs of one article and the quote regions in each (read by every pass)."""

    paragraphs: list[tuple[int, int, int]]
    """``(paragraph_index, start, end)`` of each prose paragraph, in order."""
    regions: list[QuoteRegion]
    bounds: dict[int, tuple[int, int]]
    """Paragraph index -> ``(start, end)``."""
    order: list[int]
    """Paragraph indices in text order."""
    index: dict[int, int]
    """Paragraph index -> its position in ``order``."""
    in_par: dict[int, list[QuoteRegion]]
    """Quote regions per paragraph, so each sentence looks at its own regions only (linear cost)."""


def _layout(text: str, sentences: list[Sentence]) -> _Layout:
    """Group ``sentences`` into paragraphs and find their quote regions."""
    paragraphs: list[tuple[int, int, int]] = []
    for s in sentences:
        if paragraphs and paragraphs[-1][0] == s.paragraph:
            paragraphs[-1] = (s.paragraph, paragraphs[-1][1], s.end)
        else:
            paragraphs.append((s.paragraph, s.start, s.end))
    regions = find_quote_regions(text, paragraphs)
    par_order = [p for p, _, _ in paragraphs]
    in_par: dict[int, list[QuoteRegion]] = {}
    for r in regions:
        in_par.setdefault(r.paragraph, []).append(r)
    return _Layout(
        paragraphs=paragraphs,
        regions=regions,
        bounds={p: (a, b) for p, a, b in paragraphs},
        order=par_order,
        index={p: i for i, p in enumerate(par_order)},
        in_par=in_par,
    )


def _collect_people(text: str, layout: _Layout, code: str) -> _Registry:
    """Pass 1: named people (speaker slots with names, appositions, titled names)."""
    pats = _patterns(code)
    in_par = layout.in_par
    registry = _Registry(code)
    for p, a, b in layout.paragraphs:
        outside = _outside(text, a, b, in_par.get(p, []))
        words = _words(outside)
        has_title = not words.isdisjoint(pats.title_words)
        for m in (*_scan(pats.apposition, outside), *(pats.titled.finditer(outside) if has_title else ())):
            name, is_person = _clean_name(m.group("name"), code)
            if is_person:
                registry.add(a + m.start("name"), name)
        for rx in pats.reported[1:3] if not words.isdisjoint(pats.verb_words) else ():
            for m in rx.finditer(outside):
                raw = m.groupdict().get("name") or m.groupdict().get("vname")
                if raw:
                    name, is_person = _clean_name(raw, code)
                    if is_person:
                        registry.add(a + m.start("name" if m.groupdict().get("name") else "vname"), name)
        for m in pats.reported[0].finditer(outside):
            name, is_person = _clean_name(m.group("name"), code)
            if is_person:
                registry.add(a + m.start("name"), name)
        for r in in_par.get(p, []):
            m = pats.after.match(text, r.end, b)
            if m:
                raw = m.groupdict().get("name") or m.groupdict().get("vname") or m.groupdict().get("dname")
                if raw:
                    name, is_person = _clean_name(raw, code)
                    if is_person:
                        registry.add(r.end, name)
    return registry


def _quote_speakers(text: str, layout: _Layout, code: str, registry: _Registry) -> dict[int, Speaker]:
    """Pass 2: the speaker of each quote id, by the rules of :func:`_quote_speaker` in order."""
    quote_speaker: dict[int, Speaker] = {}
    by_id: dict[int, list[QuoteRegion]] = {}
    for r in layout.regions:
        by_id.setdefault(r.quote_id, []).append(r)
    for qid, rs in by_id.items():
        found = _quote_speaker(text, rs, layout, code, registry, quote_speaker)
        if found is not None:
            quote_speaker[qid] = found
    return quote_speaker


def _quote_speaker(
    text: str,
    rs: list[QuoteRegion],
    layout: _Layout,
    code: str,
    registry: _Registry,
    quote_speaker: dict[int, Speaker],
) -> Speaker | None:
    """The speaker of the quote made of regions ``rs`` (``quote_speaker``: the earlier quotes' speakers)."""
    pats = _patterns(code)
    par_bounds, par_order, par_index, in_par = layout.bounds, layout.order, layout.index, layout.in_par
    found: Speaker | None = None
    for r in rs:  # 1. after a region
        _, pend = par_bounds[r.paragraph]
        m = pats.after.match(text, r.end, pend)
        if m:
            found = _speaker_from_match(m, 0, code, registry)
            if found:
                break
    if found is None:  # 2. before the first region, same paragraph
        r = rs[0]
        pstart, _ = par_bounds[r.paragraph]
        seg_start = max([x.end for x in in_par[r.paragraph] if x.end <= r.start] + [pstart])
        seg = text[seg_start : r.start]
        m = _search_before(pats.before, seg)
        if m:
            found = _speaker_from_match(m, seg_start, code, registry)
    if found is None:  # 3. previous paragraph ends with a colon
        r = rs[0]
        idx = par_index[r.paragraph]
        if idx > 0:
            prev = par_order[idx - 1]
            a, b = par_bounds[prev]
            seg = text[a:b]
            if seg.rstrip().endswith(":"):
                m = _search_before(pats.before, seg)
                if m:
                    found = _speaker_from_match(m, a, code, registry)
    if found is None:  # 4. the previous quote, in this paragraph or ending the previous one
        r = rs[0]
        earlier = [x for x in in_par[r.paragraph] if x.end <= r.start]
        if not earlier:
            idx = par_index[r.paragraph]
            pstart, _ = par_bounds[r.paragraph]
            if idx > 0 and not text[pstart : r.start].strip():
                prev = par_order[idx - 1]
                earlier = in_par.get(prev, [])
        if earlier and earlier[-1].quote_id in quote_speaker:
            found = quote_speaker[earlier[-1].quote_id]
    return found


def _classify_sentences(
    text: str,
    sentences: list[Sentence],
    layout: _Layout,
    code: str,
    registry: _Registry,
    quote_speaker: dict[int, Speaker],
) -> tuple[list[str], list[int | None], list[Speaker | None]]:
    """Pass 3: kind, quote id and speaker of each sentence."""
    pats = _patterns(code)
    kinds: list[str] = []
    quote_ids: list[int | None] = []
    speakers: list[Speaker | None] = []
    stop = _lang.get(code).attribution.frame_words | _lang.get(code).names.titles
    for i, s in enumerate(sentences):
        nonspace = len("".join(s.text.split())) or 1
        best: tuple[int, int] | None = None
        local = layout.in_par.get(s.paragraph, [])
        for r in local:
            if r.end <= s.start or r.start >= s.end:
                continue
            lo, hi = max(r.start, s.start), min(r.end, s.end)
            inside = len("".join(text[lo:hi].split()))
            if best is None or inside > best[0]:
                best = (inside, r.quote_id)
        if best is not None and best[0] / nonspace >= _QUOTED_SHARE:
            kinds.append("quote")
            quote_ids.append(best[1])
            speakers.append(quote_speaker.get(best[1]))
            continue
        outside = _outside(text, s.start, s.end, local)
        speaker = None
        has_verb = not _words(outside).isdisjoint(pats.verb_words)
        # a sentence that only introduces the quote after it ("Elle déclare :")
        # is a frame: its speaker goes to the quote, it is not a claim itself
        frame = False
        for k, rx in enumerate(pats.reported if has_verb else pats.reported[:1]):
            m = _search(rx, pats.reported_unnamed, outside) if k == 3 else rx.search(outside)
            if m:
                speaker = _speaker_from_match(m, s.start, code, registry)
                if speaker is not None:
                    nxt = sentences[i + 1] if i + 1 < len(sentences) else None
                    frame = (
                        outside.rstrip().endswith(":")
                        and nxt is not None
                        and nxt.text[:1] in QUOTE_OPENERS + '"'
                        and _words(outside[: m.start()] + " " + outside[m.end() :]) <= stop
                    )
                    break
        kinds.append("frame" if frame else "reported" if speaker is not None else "statement")
        quote_ids.append(None)
        speakers.append(speaker)
    return kinds, quote_ids, speakers


def _resolve_context(speakers: list[Speaker | None], people: set[str]) -> list[Speaker | None]:
    """Give an unnamed speaker ("the company", "the team") the name of the
    nearest preceding speaker that is an organisation."""
    orgs = sorted(
        {(sp.start, sp.name) for sp in speakers if sp is not None and sp.name and sp.via == "name" and sp.name not in people}
    )
    if not orgs:
        return speakers
    starts = [o[0] for o in orgs]
    out: list[Speaker | None] = []
    for sp in speakers:
        if sp is not None and sp.via == "context" and sp.name is None:
            idx = bisect_left(starts, sp.start)
            if idx:
                sp = sp.model_copy(update={"name": orgs[idx - 1][1]})
        out.append(sp)
    return out


def _with_gender(speakers: list[Speaker | None], code: str) -> list[Speaker | None]:
    """Give each speaker the grammatical gender the article refers to them
    with (:attr:`Speaker.gender`): a gendered pronoun mention gives its own
    ("she"); any other mention of a resolved name takes the gender of the
    pronouns resolved to that name in the article, when they all agree."""
    pronouns = _patterns(code).pronouns
    seen: dict[str, dict[str, str]] = {}  # name -> gender -> first word of that gender
    for sp in speakers:
        if sp is not None and sp.via == "pronoun" and sp.name and pronouns.get(sp.text.lower()) in ("m", "f"):
            seen.setdefault(sp.name, {}).setdefault(pronouns[sp.text.lower()], sp.text)
    out: list[Speaker | None] = []
    for sp in speakers:
        if sp is not None:
            own = pronouns.get(sp.text.lower()) if sp.via == "pronoun" else None
            if own in ("m", "f"):
                sp = sp.model_copy(update={"gender": own, "gender_word": sp.text})
            elif sp.name and len(seen.get(sp.name, {})) == 1:
                ((g, word),) = seen[sp.name].items()
                sp = sp.model_copy(update={"gender": g, "gender_word": word})
        out.append(sp)
    return out


def person_keys(attribution: Attribution) -> set[str]:
    """Entity keys of the people named in the article."""
    return {entity_key(n) for n in attribution.persons}
