"""Direct quotations as first-class spans (:class:`~claimtrack.models.Quote`).

:func:`find_quotes` reads the quotation regions of an article as a reporter
writes them and a reader reads them:

**Which regions are quotations.**  Every stretch in quotation marks
(:func:`~claimtrack.extract.attribution.find_quote_regions`) of
``MIN_QUOTE_WORDS`` words or more, and the shorter ones where a cue stands
outside the marks in their clause (He called the plan "a weak compromise")
or a reporting verb in their sentence (After the vote, X said, the plan was
"a dead letter"); a one-word one only with a cue in its own clause.  A stretch whose words are all capitalised is a
title ("The Lord of the Rings") and no quotation.

**One quotation, several spans.**  Regions that already share a quote id (a
quote continued into the next paragraph) stay one quotation; a region that
follows another in the same paragraph, with only an attribution in between
and no sentence end (``"…," Brandt wrote, "and …"``), continues it; an
incise inside one pair of marks (``« …, a insisté X, et … »``: a comma, a
cue, a comma) splits it into two spans.

**Cue and speaker.**  The attribution is read next to the quotation, in
this order: right after its last span (``…," said X`` / ``…", the company
added`` / ``», a déclaré la maire X`` / ``», a-t-il ajouté`` / ``», selon le
ministre de l'Intérieur, X``), inside it (the incise), then before its first
span, back to the start of its clause (``X told reporters: "…"`` /
``According to X, the council "…"`` / ``A spokesman for the ministry said
the funding "…"``).  The cues are the language data's reporting verbs,
source prefixes and :attr:`~claimtrack.lang.schema.Attribution.quote_cues`;
a colon or a dash next to a name counts too.  The phrase standing for the
speaker is a name (its titles stripped, a surname resolved to the full name
seen anywhere in the article), a pronoun (resolved as
:mod:`~claimtrack.extract.attribution` resolves it), or a description opened
by a determiner ("a spokesman for the ministry", "la banque"), whose name is
None.  A quotation with no attribution of its own takes that of the
quotation before it in the same sentence ("and said it would "…"") or, when
its paragraph opens with it, the last quotation of the previous paragraph;
the speaker found by :mod:`~claimtrack.extract.attribution` is kept where it
names someone.

**Speakers as a reader resolves them.**  A name that only modifies the
phrase is no speaker ("the American agency", "Cogeco's CEO", "The Congolese
President, Joseph Kabila": the apposition's person); a passive verb's agent
is (``agent_words``: "was told by X"), and so is the name after an inverted
verb the data does not list (``», ironise Bernard Vaussion``); after the
comma of an incise, a description there too where it names someone
(``», a menacé le porte-parole``: French compound tenses by their
``incise_auxiliaries``; ``», prédit un expert, Jason Stearns,``).  The
article's people (:func:`_people_index`) are mentioned by full name or by
surname alone, and a surname given only after an honorific ("Mrs Franklin",
"Mme Fitzback") is one; a pronoun stands for the subject of its sentence or
of the one before, else the nearest person mentioned before it whose gender
does not contradict it (:func:`_resolve_pronoun`).  An organisation pronoun
(``organisation_pronouns``: "it"; "il"/"elle" where they stand for no
person) and an organisation's document (``document_nouns``: "the press
release said", "le communiqué précise") stand for the organisation named as
the subject of the sentence before (:func:`_organisation_subjects`).  A
definite description ("the administrator", "l'administrateur", "le
député") names the most recent person introduced with a role holding its
head words (:func:`_by_role`), else no one.  A quotation with no
attribution, or one that resolves to no one, takes the person the sentence
before it opens with as its subject when that person is mentioned after
the quotation before (:func:`_introduced`: the reporter introduces someone,
then quotes them), else the named speaker of the quotation before it up to
``_CARRY_PARAGRAPHS`` paragraphs back.

**Kind.**  :func:`quoted_kind` makes a claim a ``quote`` when most of its
words, the attribution's aside, sit inside quotation marks, whatever the
attribution's position ("We will appeal," Okonjo said.).

Cost: linear in the text; every window read around a quotation is bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .. import lang as _lang
from ..models import Cue, Quote, QuoteSpan, Sentence, Speaker
from .entities import POSSESSIVE
from .attribution import (
    MIN_QUOTE_WORDS,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    QuoteRegion,
    _clean_name,
    _collect_people,
    _layout,
    _Layout,
    _pronoun_speaker,
    _quote_speakers,
    _Registry,
    find_quote_regions,
)

__all__ = ["find_quotes", "find_quotes_carried", "quoted_kind", "quotes_by_sentence", "quotes_in"]

_MARKS = QUOTE_OPENERS + QUOTE_CLOSERS + '"'
_WINDOW = 240
"""Characters read on each side of a quotation for its attribution."""
_NP_WORDS = 12
"""Longest speaker phrase, in words."""
_TOKEN = re.compile(r"[\w'’.-]*\w|[,;:.!?()–—]|[" + re.escape(_MARKS) + "]")
_WORD = re.compile(r"\w+")
_UPPER_START = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class _Cues:
    verbs: re.Pattern[str]
    """Reporting verbs and quote cues (longest first), case-insensitive, whole words."""
    prefixes: re.Pattern[str]
    """Source prefixes ("according to", "selon")."""
    inverted: re.Pattern[str]
    """An inverted verb and subject pronoun ("a-t-elle", "déclare-t-il") and the participle after it."""
    openers: re.Pattern[str]
    """A determiner opening a description, at the start of a phrase."""
    pronouns: dict[str, str]
    stop: frozenset[str]
    titles: frozenset[str]
    particles: frozenset[str]
    cue_words: frozenset[str]
    """First words of every cue: a sentence without any holds no attribution."""
    agents: frozenset[str]
    """Words that introduce a passive verb's agent ("was told by X")."""
    reporting: re.Pattern[str]
    """The reporting verbs alone, without the quote cues ("called" names a film as often as it quotes)."""
    org_pronouns: frozenset[str]
    """Pronouns that can stand for an organisation ("it", "il", "elle")."""
    auxiliaries: frozenset[str]
    """Auxiliaries that may open an inverted attribution with an unlisted participle ("a menacé")."""
    documents: frozenset[str]
    """Head nouns of an organisation's documents ("press release", "communiqué")."""


def _alt(words: object) -> str:
    return "|".join(sorted((str(w) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


@lru_cache(maxsize=None)
def _cues(code: str) -> _Cues:
    data = _lang.get(code)
    att = data.attribution
    verbs = tuple(att.reporting_verbs) + tuple(att.quote_cues)
    pron = _alt(att.pronouns)
    inversion = "|".join(att.inversion_patterns) or "x^"
    first = set()
    for phrase in (*verbs, *att.source_prefixes):
        m = _WORD.search(str(phrase).lower())
        if m:
            first.add(m.group())
    return _Cues(
        verbs=re.compile(rf"(?i:(?<![\w-])(?:{_alt(verbs)})(?![\w-]))"),
        prefixes=re.compile(rf"(?i:(?<![\w-])(?:{_alt(att.source_prefixes) or 'x^'})(?![\w-]))"),
        inverted=re.compile(rf"(?i:(?<![\w-])(?:{inversion})(?:{pron})(?![\w-])(?:\s+[^\W\d_]+)?)"),
        openers=re.compile(rf"(?i:(?:{_alt(att.description_openers) or 'x^'})(?:\s+|(?<=['’])))"),
        pronouns=dict(att.pronouns),
        stop=frozenset(att.frame_words) | data.names.not_name_words,
        titles=data.names.titles,
        particles=data.names.name_particles,
        cue_words=frozenset(first),
        agents=frozenset(att.agent_words),
        reporting=re.compile(rf"(?i:(?<![\w-])(?:{_alt(att.reporting_verbs)})(?![\w-]))"),
        org_pronouns=frozenset(att.organisation_pronouns),
        auxiliaries=att.incise_auxiliaries,
        documents=frozenset(att.document_nouns),
    )


# --------------------------------------------------------------------------- regions


def _is_title(words: list[str]) -> bool:
    """Every word of three letters or more capitalised: a title or a name, not a quotation."""
    long = [w for w in words if len(w) >= 3]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


def _content(text: str, region: QuoteRegion) -> tuple[int, int]:
    """The region's words without its marks and the spaces and commas at its ends."""
    start, end = region.start, region.end
    if text[start] in _MARKS:
        start += 1
    if not region.open_at_end and end > start and text[end - 1] in _MARKS:
        end -= 1
    while start < end and (text[start].isspace() or text[start] in _MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _MARKS + ","):
        end -= 1
    return start, end


def _sentence_of(starts: list[int], pos: int) -> int:
    return max(bisect_right(starts, pos) - 1, 0)


def _has_cue(text: str, cues: _Cues) -> bool:
    return not cues.cue_words.isdisjoint(w.lower() for w in _WORD.findall(text))


def _blank(text: str, start: int, end: int, regions: list[QuoteRegion]) -> str:
    chars = list(text[start:end])
    for r in regions:
        for i in range(max(r.start, start), min(r.end, end)):
            chars[i - start] = " "
    return "".join(chars)


def _neighbours(regions: list[QuoteRegion], i: int, lo: int, hi: int) -> list[QuoteRegion]:
    """The regions around ``regions[i]`` that overlap ``lo``..``hi`` (regions are in text order)."""
    a = i
    while a > 0 and regions[a - 1].end > lo:
        a -= 1
    b = i + 1
    while b < len(regions) and regions[b].start < hi:
        b += 1
    return regions[a:b]


_CLAUSE_END = re.compile(r"[,;:.!?()]")


def _clause(rest: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause around ``rest[start:end]`` (a blanked region),
    before it back to the previous clause mark and after it on to the next one."""
    before = rest[:start]
    marks = list(_CLAUSE_END.finditer(before))
    lo = marks[-1].end() if marks else 0
    while end < len(rest) and (rest[end].isspace() or rest[end] in ",;:"):  # '», estime X'
        end += 1
    nxt = _CLAUSE_END.search(rest, end)
    hi = nxt.start() if nxt else len(rest)
    return rest[lo:start], rest[end:hi]


def _quote_regions(text: str, sentences: list[Sentence], layout: _Layout, code: str) -> list[QuoteRegion]:
    """The regions that are quotations, with the ids of one quotation shared."""
    cues = _cues(code)
    starts = [s.start for s in sentences]
    every = find_quote_regions(text, layout.paragraphs, min_words=1)
    kept: list[QuoteRegion] = []
    for i, r in enumerate(every):
        words = _WORD.findall(text[r.start : r.end])
        if not words or _is_title(words):
            continue
        if len(words) < MIN_QUOTE_WORDS:
            s = sentences[_sentence_of(starts, r.start)]
            lo, hi = max(s.start, r.start - _WINDOW), min(s.end, r.end + _WINDOW)
            near = _neighbours(every, i, lo, hi)
            rest = _blank(text, lo, hi, near)
            before, after = _clause(rest, r.start - lo, r.end - lo)
            attributed = (cues.verbs.search(before) or cues.verbs.search(after)
                          or cues.prefixes.match(after.lstrip()) or cues.prefixes.match(before.lstrip())
                          or cues.reporting.search(rest))
            if len(words) == 1 and not (cues.verbs.search(before) or cues.verbs.search(after)):
                continue  # one word: its own clause names a speaker ("he called it "reckless"")
            if _WORD.search(rest) and not attributed:
                continue  # a scare quote or a term ("open source-first", the "open water" rule)
        kept.append(r)
    # a region continuing the one before it after an attribution ("…," X wrote, "and …")
    out: list[QuoteRegion] = []
    for r in kept:
        prev = out[-1] if out else None
        if prev is not None and prev.paragraph == r.paragraph and prev.quote_id != r.quote_id:
            between = text[prev.end : r.start]
            if (
                len(between) <= _WINDOW
                and not re.search(r"[.!?]", between)
                and between.rstrip().endswith((",", ":", "—", "–"))
                and _has_cue(between, cues)
            ):
                r = replace(r, quote_id=prev.quote_id)
        out.append(r)
    return out


# --------------------------------------------------------------------------- phrases


@dataclass(frozen=True)
class _Phrase:
    """The words standing for a speaker, as found next to a cue."""

    start: int
    end: int
    apposition: _Phrase | None = None
    """A phrase set between commas after it ("Its president, Carlos Ibarra, said")."""


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _phrase_after(text: str, pos: int, end: int) -> _Phrase | None:
    """The phrase from ``pos`` to the next comma, sentence end or quotation mark."""
    toks = _tokens(text, pos, min(end, pos + _WINDOW))
    words: list[tuple[str, int, int]] = []
    for tok, a, b in toks:
        if tok == "." and words and _is_abbreviation(words[-1][0]) and words[-1][2] == a:
            continue  # "selon M. Audet"
        if tok in ",;:!?()–—" or tok in _MARKS or (tok == "." and words):
            break
        words.append((tok, a, b))
        if len(words) >= _NP_WORDS:
            break
    words = [w for w in words if w[0] != "."]
    if not words:
        return None
    start, stop = words[0][1], words[-1][2]
    if text[stop - 1] == "." and not _is_abbreviation(words[-1][0]):
        stop -= 1
    return _Phrase(start, stop) if stop > start else None


def _is_abbreviation(tok: str) -> bool:
    """An initial ("J") or a name abbreviation ("Mr", "M", "Dr"): its period ends no phrase."""
    core = tok.rstrip(".")
    return (len(core) == 1 and core.isupper()) or core.lower() in _lang.union(lambda d: d.attribution.name_abbreviations)


def _phrase_before(text: str, start: int, pos: int) -> _Phrase | None:
    """The phrase ending at ``pos`` (a cue's start), back to the start of its
    clause, an apposition between commas right before ``pos`` skipped."""
    toks = _tokens(text, max(start, pos - _WINDOW), pos)
    apposition: _Phrase | None = None
    # "X, the head of Y, said": the apposition aside ("Its president, Carlos Ibarra, wrote": a name there)
    if toks and toks[-1][0] == ",":
        inner = [i for i, t in enumerate(toks[:-1]) if t[0] == ","]
        if inner and len(toks) - 1 - inner[-1] <= _NP_WORDS:
            if len(toks) - 2 > inner[-1]:
                apposition = _Phrase(toks[inner[-1] + 1][1], toks[-2][2])
            toks = toks[: inner[-1]]
    words: list[tuple[str, int, int]] = []
    for k in range(len(toks) - 1, -1, -1):
        tok, a, b = toks[k]
        if tok == "." and words and k > 0 and toks[k - 1][2] == a and _is_abbreviation(toks[k - 1][0]):
            continue  # "M. Audet a souligné"
        if tok in ",;:.!?()–—" or tok in _MARKS:
            break
        words.append((tok, a, b))
        if len(words) > _NP_WORDS:
            return None
    if not words:
        return None
    words.reverse()
    return _Phrase(words[0][1], words[-1][2], apposition)


def _name_genders(text: str, registry: _Registry, code: str) -> dict[str, str]:
    """The gender each named person is referred to with, from the words right
    before their mentions ("Mme", "la maire", "spokeswoman"), where those agree."""
    data = _lang.get(code).gender
    markers = {**data.gendered_words, **data.name_markers}
    seen: dict[str, set[str]] = {}
    for pos, name in zip(registry.positions, registry.names):
        before = _CLAUSE_MARK.split(text[max(0, pos - 40) : pos])[-1]  # its own clause only
        words = _WORD.findall(before.lower())[-3:]
        for w in reversed(words):
            g = markers.get(w)
            if g in ("m", "f"):
                seen.setdefault(name, set()).add(g)
                break
    return {name: next(iter(gs)) for name, gs in seen.items() if len(gs) == 1}


@dataclass(frozen=True)
class _Roles:
    """The people of an article with the words of the roles it introduces them with, in text order."""

    positions: list[int]
    names: list[str]
    words: list[frozenset[str]]


_ROLE_REACH = 100
"""Characters read on each side of a name for the role it is introduced with."""
_CLAUSE_MARK = re.compile(r"[,;:.!?()\n" + re.escape(_MARKS) + "]")
_ROLE_WORD = re.compile(r"[\w.-]*\w")
_PREVIOUS_WORD = re.compile(r"([\w'’.-]*\w\.?)[ \xa0]*\Z")
_NEXT_WORD = re.compile(r"[ \xa0]+([\w'’.-]*\w)")


def _fold(word: str) -> str:
    return word.casefold().strip(".")


def _role_words(text: str, start: int, end: int) -> frozenset[str]:
    """The words of the role a name at ``start``..``end`` is introduced with: the
    rest of its clause before it ("the administrator Yves Bergeron", "Le
    directeur du centre, Colin Seddon,") and an apposition after it ("X,
    député de Bruxelles,")."""
    lo = max(0, start - _ROLE_REACH)
    marks = list(_CLAUSE_MARK.finditer(text, lo, start))
    cut = marks[-1].start() if marks else lo
    before = text[cut + 1 if marks else lo : start]
    if not before.strip() and marks and text[cut] == ",":  # "ROLE, Name"
        earlier = list(_CLAUSE_MARK.finditer(text, max(0, cut - _ROLE_REACH), cut))
        before = text[earlier[-1].end() if earlier else max(0, cut - _ROLE_REACH) : cut]
    after = ""
    pos = _skip(text, end, min(len(text), end + 3), " ")
    if pos < len(text) and text[pos] == ",":  # "Name, ROLE"
        nxt = _CLAUSE_MARK.search(text, pos + 1, min(len(text), pos + 1 + _ROLE_REACH))
        after = text[pos + 1 : nxt.start() if nxt else min(len(text), pos + 1 + _ROLE_REACH)]
    return frozenset(_fold(w) for w in _ROLE_WORD.findall(before + " " + after))


_INDEX_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_MAX_MENTIONS = 1000
"""Mentions of one word read at most (the cost of a long text of one name stays linear)."""
_CAPITAL_RUN = re.compile(r"(?<![\w'’.-])[^\W\d_][\w'’.-]*\w(?:[ \xa0][^\W\d_][\w'’.-]*\w){1,5}")
"""Two to six words in a row, each opening with a letter (those opening with a capital are kept)."""


@dataclass
class _Mentions(_Registry):
    """The mentions of an article's people (:func:`_people_index`), with those that open their sentence."""

    subjects: set[int] = field(default_factory=set)
    """Positions of the mentions that open their sentence (a title aside): its subject, as a reader takes it."""
    sentence_starts: list[int] = field(default_factory=list)
    honoured: set[str] = field(default_factory=set)
    """Surnames the article only gives with an honorific ("Mrs Franklin", "Mme Fitzback"): people, though of one word."""


class _Words:
    """The capitalised words of an article outside quotation marks, indexed in one pass."""

    def __init__(self, text: str, regions: list[QuoteRegion], code: str) -> None:
        self.text, self.regions, self.code = text, regions, code
        self.starts = [r.start for r in regions]
        cues = _cues(code)
        self.titles = cues.titles | _lang.union(lambda d: d.attribution.name_abbreviations)
        self.stop = cues.stop
        self.cleaned: dict[str, tuple[str, bool]] = {}
        self.index: dict[str, list[int]] = {}  # capitalised word -> its positions outside quotation marks
        for tok in _INDEX_TOKEN.finditer(text):
            if tok.group()[0].isupper() and not self.quoted(tok.start()):
                self.index.setdefault(_POSSESSIVE_END.sub("", tok.group()), []).append(tok.start())

    def clean(self, raw: str) -> tuple[str, bool]:
        """:func:`~claimtrack.extract.attribution._clean_name`, once per name."""
        if raw not in self.cleaned:
            self.cleaned[raw] = _clean_name(raw, self.code)
        return self.cleaned[raw]

    def quoted(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and self.regions[k].start <= pos < self.regions[k].end

    def occurrences(self, name: str) -> list[int]:
        """Where ``name`` (one word or more) stands in the text as whole words, outside quotation marks."""
        text = self.text
        first = name.split()[0] if name.split() else ""
        out: list[int] = []
        for at in self.index.get(first, [])[:_MAX_MENTIONS]:
            b = at + len(name)
            if " ".join(text[at:b].split()) == name and (b >= len(text) or not text[b].isalnum()):
                out.append(at)
        return out

    def alone(self, at: int, word: str) -> bool:
        """No other capitalised word (a title aside) stands next to ``word`` at ``at``."""
        text = self.text
        before = _PREVIOUS_WORD.search(text, max(0, at - 40), at)
        if (before is not None and before.group(1)[0].isupper() and before.group(1).lower().rstrip(".") not in self.titles
                and not (before.group(1).endswith(".") and len(before.group(1)) > 2)):  # "... Brandt. Brandt"
            return False
        after = _NEXT_WORD.match(text, at + len(word), min(len(text), at + len(word) + 40))
        return after is None or not after.group(1)[0].isupper()


def _candidates(words: _Words, people: _Registry) -> dict[str, None]:
    """The article's people (see :func:`_people_index`), in the order found."""
    text = words.text
    candidates: dict[str, None] = {n: None for n in people.names if words.clean(n)[1]}
    for comma in re.finditer(",", text):  # "The Minister of Defence, Rob Nicholson, insisted"
        at = _skip(text, comma.end(), min(len(text), comma.end() + 2), " ")
        if at >= len(text) or not text[at].isupper() or words.quoted(at):
            continue
        phrase = _phrase_after(text, at, min(len(text), at + _ROLE_REACH))
        if phrase is None or phrase.end >= len(text) or text[phrase.end] not in ",.":
            continue
        parts = text[phrase.start : phrase.end].split()
        name, person = words.clean(text[phrase.start : phrase.end])
        if (person and 2 <= len(parts) <= 4 and name == " ".join(parts)
                and all(w[0].isupper() for w in parts)):  # not "Chanzu, Runyonyi and Mbuzi,"
            candidates.setdefault(name)
    lone: dict[str, bool] = {}
    for run in _CAPITAL_RUN.finditer(text):
        if words.quoted(run.start()):
            continue
        tokens = run.group().split()
        k = 0
        while k < len(tokens) and not tokens[k][0].isupper():
            k += 1
        caps = []
        for w in tokens[k:]:
            if not w[0].isupper():
                break
            caps.append(w)
        if len(caps) < 2:
            continue
        name, person = words.clean(" ".join(caps))
        parts = name.split()
        if not person or not 2 <= len(parts) <= 4 or name in candidates:
            continue
        surname = parts[-1]
        if surname not in lone:
            lone[surname] = len(surname) >= 3 and any(words.alone(at, surname) for at in words.occurrences(surname))
        if lone[surname]:
            candidates.setdefault(name)
    return candidates


def _people_index(text: str, people: _Registry, regions: list[QuoteRegion], code: str,
                  sentence_starts: list[int] | None = None) -> tuple[_Mentions, _Roles]:
    """Every mention of the article's people outside quotation marks (full
    name or surname), for pronouns to resolve to the nearest one, and the
    roles their full-name mentions introduce them with.

    The people: those of ``people`` whose names read as a person's, those
    set between commas ("The Minister of Defence, Rob Nicholson,
    insisted"), and any other name of two words or more whose surname the
    article also uses alone ("said airline consultant Jay Sorensen" ...
    "Sorensen, a former executive").  A surname counts alone where no other
    capitalised word (a title aside) stands next to it: "Airlines" in
    "Spirit Airlines" is no mention of a "Midwest Airlines"."""
    words = _Words(text, regions, code)
    candidates = _candidates(words, people)
    rows: dict[int, str] = dict(zip(people.positions, people.names))
    by_surname: dict[str, str] = {}
    for name in candidates:
        by_surname.setdefault(name.split()[-1], name)
    honoured = _honoured(words, by_surname, code)
    for name in honoured:
        candidates.setdefault(name)
        by_surname.setdefault(name, name)
    role_rows: list[tuple[int, str, frozenset[str]]] = []
    for name in candidates:
        full = words.occurrences(name)
        surname = name.split()[-1]
        inside = {a + len(name) - len(surname) for a in full}
        for at in full:
            role_rows.append((at, name, _role_words(text, at, at + len(name))))
            rows.setdefault(at, name)
        if len(surname) >= 3 and by_surname.get(surname) == name:
            for at in words.occurrences(surname):
                if at not in rows and at not in inside and words.alone(at, surname):
                    rows[at] = name
    order = sorted(rows)
    mentions = _Mentions(code, order, [rows[p] for p in order], dict(people.by_surname),
                         sentence_starts=list(sentence_starts or []), honoured=honoured)
    for at in order:
        if sentence_starts:
            opens = sentence_starts[_sentence_of(sentence_starts, at)]
            head = text[opens:at] if at - opens <= _ROLE_REACH else "x"
            if all(w.lower().rstrip(".") in words.titles or w.lower() in words.stop for w in _WORD.findall(head)):
                mentions.subjects.add(at)
    role_rows.sort()
    roles = _Roles([r[0] for r in role_rows], [r[1] for r in role_rows], [r[2] for r in role_rows])
    return mentions, roles


@lru_cache(maxsize=None)
def _honorific(code: str) -> re.Pattern[str]:
    """An honorific and the one capitalised word after it ("Mrs Franklin", "Mme Fitzback", "M. Audet")."""
    names = _lang.get(code).names
    return re.compile(rf"(?<![\w'’.-])(?:{_alt(names.honorifics)})\.?[ \xa0]+([A-ZÀ-ÖØ-ÞŒ][\w'’-]*\w)(?![\w'’-])",
                      re.IGNORECASE)


def _honoured(words: _Words, by_surname: dict[str, str], code: str) -> set[str]:
    """The surnames the article gives after an honorific only, never with a
    first name it names elsewhere ("Mrs Franklin has been busy"): a person
    by the honorific, mentioned by one word (a pronoun may stand for them)."""
    text, cues = words.text, _cues(code)
    out: set[str] = set()
    for m in _honorific(code).finditer(text):
        word = m.group(1)
        if (not text[m.start()].isupper() or not word[0].isupper() or words.quoted(m.start()) or word in by_surname
                or word.lower() in cues.stop or word.lower() in cues.titles):
            continue
        after = _NEXT_WORD.match(text, m.end(), min(len(text), m.end() + 40))
        if after is None or not after.group(1)[0].isupper():  # not "Mr John Smith": that name is read whole
            out.add(word)
    return out


def _reads_as_person(name: str, code: str, registry: _Registry) -> bool:
    """A name of a person: two words or more that read as one (:func:`_clean_name`), or a surname given with an honorific."""
    return _clean_name(name, code)[1] or (isinstance(registry, _Mentions) and name in registry.honoured)


def _by_role(toks: list[tuple[str, int]], start: int, code: str, roles: _Roles) -> str | None:
    """The person a description stands for ("the administrator", "l'administrateur",
    "Cogeco's CEO"): the most recent one introduced before ``start`` with a
    role holding the description's head words; None when there is none."""
    cues = _cues(code)
    head: list[str] = []
    for tok, _ in toks:
        if not head:
            elided = cues.openers.match(tok)  # "l'administrateur"
            if elided is not None and elided.end() < len(tok):
                tok = tok[elided.end():]
            elif tok.lower() in cues.stop or cues.openers.match(tok + " ") or _POSSESSIVE_END.search(tok):
                continue  # "the", "son", "Cogeco's"
        if tok.lower() in cues.stop:
            break
        head.append(_fold(tok))
    if not head:
        return None
    want = frozenset(head)
    for j in range(bisect_right(roles.positions, start) - 1, -1, -1):
        if want <= roles.words[j]:
            return roles.names[j]
    return None


_ORG_SENTENCES = 1
"""How many sentences back an organisation pronoun ("it said") looks for its subject."""
_DOCUMENT_SENTENCES = 3
"""How many sentences back a document ("the press release said") looks for the organisation issuing it."""


def _organisation_subjects(text: str, sentences: list[Sentence], regions: list[QuoteRegion], code: str,
                           registry: _Registry, surnames: dict[str, str],
                           genders: dict[str, str]) -> list[tuple[int, int, str]]:
    """``(sentence, position, name)`` of the named subjects an organisation
    pronoun can stand for, in text order: a name opening its sentence before
    its verb ("Qantas said it would ...", "La Civil Aviation Safety Authority
    a déclaré"), and the named subject of a reporting verb outside quotation
    marks, before it or inverted after it ("..., the Ministry of Health has
    announced", "..., a annoncé le ministère"); a name the article gives a
    person's gender to ("he", "Mme") is left out."""
    cues = _cues(code)
    plain = _blank(text, 0, len(text), regions)
    words = _Words(text, regions, code)
    openings = set()
    for s in sentences:
        first = _INDEX_TOKEN.search(plain, s.start, s.end)
        if first is not None:
            openings.add(first.start())
    out: list[tuple[int, int, str]] = []
    for si, s in enumerate(sentences):
        found: list[tuple[int, str]] = []
        toks = _tokens(plain, s.start, min(s.end, s.start + _WINDOW))
        k = 0
        while k < len(toks) and toks[k][0].lower() in cues.stop and toks[k][0][0].isupper() == (k == 0):
            k += 1  # "The", "La"
        run: list[tuple[str, int, int]] = []
        while k < len(toks) and (toks[k][0][0].isupper() or (run and toks[k][0].lower() in cues.particles)):
            run.append(toks[k])
            k += 1
        if run and k < len(toks) and (toks[k][0] == "," or toks[k][0][0].islower()):
            name, _ = words.clean(" ".join(t for t, _, _ in run))
            single = len(name.split()) == 1
            if name and (not single or name.isupper()
                         or any(at not in openings for at in words.index.get(name, []))):
                found.append((run[0][1], name))
        for m in cues.reporting.finditer(plain, s.start, s.end):
            phrase = _phrase_before(plain, s.start, m.start())
            if phrase is None or _function_words(plain, phrase, cues):
                phrase = _phrase_after(plain, _skip(plain, m.end(), s.end, " "), s.end)
            if phrase is None:
                continue
            sp = _speaker(plain, phrase, code, registry, surnames)
            if sp is not None and sp.name and sp.via in ("name", "surname"):
                found.append((sp.start, sp.name))
        for at, name in sorted(found):
            if name not in genders and name.lower() not in cues.pronouns and name.lower() not in cues.org_pronouns:
                out.append((si, at, name))
    return out


def _resolve_organisation(sp: Speaker, subjects: list[tuple[int, int, str]], starts: list[int],
                          reach: int = _ORG_SENTENCES) -> Speaker | None:
    """An organisation pronoun's (or document's) speaker: the last named
    subject before it in its sentence or the ``reach`` sentences before
    (:func:`_organisation_subjects`); None when there is none, so that the
    quotation takes the speaker of the one before it ("It added that ...")."""
    si = _sentence_of(starts, sp.start)
    for k in range(len(subjects) - 1, -1, -1):
        at_sentence, at, name = subjects[k]
        if at >= sp.start:
            continue
        if at_sentence < si - reach:
            break
        return sp.model_copy(update={"name": name})
    return None


def _is_document(sp: Speaker, cues: _Cues) -> bool:
    """A description whose head is an organisation's document ("the press release", "le communiqué")."""
    if sp.via != "context" or sp.name is not None:
        return False
    words = _WORD.findall(sp.text.lower())
    return bool(words) and not {words[-1], words[1] if len(words) > 1 else words[0]}.isdisjoint(cues.documents)


def _introduced(text: str, registry: _Mentions, code: str, starts: list[int], si: int,
                after: int, before: int) -> Speaker | None:
    """The person the sentence before an unattributed quotation (or its own
    sentence, before it) opens with as its subject, mentioned after the
    quotation before it (``after``): the reporter introduces someone, then
    quotes them ("Mrs Fitzback, also the director of the home, thinks the
    service useless." / "Nobody ever asks us ..."), rather than going on
    quoting the person of the quotation before."""
    since = starts[max(si - 1, 0)]
    idx = bisect_right(registry.positions, before - 1)
    for j in range(idx - 1, -1, -1):
        at, name = registry.positions[j], registry.names[j]
        if at < max(since, after):
            break
        if at in registry.subjects and _reads_as_person(name, code, registry):
            full = text[at : at + len(name)]
            word = _INDEX_TOKEN.match(text, at)
            mention = full if " ".join(full.split()) == name else word.group() if word is not None else name
            return Speaker(text=mention, start=at, end=at + len(mention), name=name, via="context")
    return None


_CARRY_PARAGRAPHS = 3
"""How many paragraphs back an unattributed quotation takes the named speaker of the quotation before it."""

_PRONOUN_REACH = 8
"""How many named people back a pronoun may skip to find one of its gender."""


def _resolve_pronoun(pron: str, start: int, code: str, registry: _Registry,
                     genders: dict[str, str] | None) -> Speaker:
    """A pronoun speaker: the nearest person named before it whose known
    gender does not contradict the pronoun's (the nearest at all without
    ``genders``); the person it resolves to takes its gender as evidence."""
    sp = _pronoun_speaker(pron, start, code, registry)
    gender = _cues(code).pronouns.get(pron.lower())
    if genders is None or gender not in ("m", "f") or sp.name is None:
        return sp
    idx = bisect_right(registry.positions, start - 1)
    if isinstance(registry, _Mentions) and registry.sentence_starts:
        # the subject of its sentence or of the one before ("Sorensen, a former executive
        # with Midwest Airlines, flew Spirit" ... "he said"), over a nearer mention
        si = _sentence_of(registry.sentence_starts, start)
        since = registry.sentence_starts[max(si - 1, 0)]
        for j in range(idx - 1, max(idx - 1 - _PRONOUN_REACH, -1), -1):
            at, name = registry.positions[j], registry.names[j]
            if at < since:
                break
            if at in registry.subjects and _reads_as_person(name, code, registry) and genders.get(name, gender) == gender:
                genders.setdefault(name, gender)
                return sp.model_copy(update={"name": name})
    for j in range(idx - 1, max(idx - 1 - _PRONOUN_REACH, -1), -1):
        name = registry.names[j]
        if not _reads_as_person(name, code, registry):
            continue  # "he" / "she" stands for a person, not "the Canadian Palliative Care Association"
        if genders.get(name, gender) == gender:
            genders.setdefault(name, gender)
            return sp.model_copy(update={"name": name})
    return sp


def _speaker(text: str, phrase: _Phrase, code: str, registry: _Registry, surnames: dict[str, str],
             apposition: _Phrase | None = None, genders: dict[str, str] | None = None,
             roles: _Roles | None = None) -> Speaker | None:
    """The speaker a phrase stands for: a name, a pronoun, or a description."""
    cues = _cues(code)
    raw = text[phrase.start : phrase.end]
    toks = [(m.group(), phrase.start + m.start()) for m in re.finditer(r"[\w'’.-]*\w\.?", raw)]
    if not toks:
        return None
    if len(toks) == 1 and toks[0][0].lower() in cues.pronouns:
        return _resolve_pronoun(toks[0][0], toks[0][1], code, registry, genders)
    if len(toks) == 1 and toks[0][0].lower() in cues.org_pronouns:  # "it": an organisation (_organisation_subjects)
        tok, at = toks[0]
        return Speaker(text=tok, start=at, end=at + len(tok), name=None, via="pronoun")
    name = _name_in(text, toks, code, surnames)
    apposition = apposition or phrase.apposition
    first = toks[0][0].lower()
    described = (cues.openers.match(raw) is not None or first in cues.titles
                 or (len(toks) > 1 and _POSSESSIVE_END.search(toks[0][0]) is not None))
    if apposition is not None and (name is None or described or not _is_person(name, code)):
        # "selon le ministre de l'Intérieur, Gérald Martin" / "The Congolese President, Joseph Kabila,"
        app = [(m.group(), apposition.start + m.start())
               for m in re.finditer(r"[\w'’.-]*\w\.?", text[apposition.start : apposition.end])]
        if app and all(_UPPER_START.match(t) and t[0].isupper() or t.lower() in cues.particles for t, _ in app):
            named = _name_in(text, app, code, surnames)
            if named is not None and (name is None or _is_person(named, code)):
                name = named
    if name is not None:
        return name
    if not described or all(t.lower() in cues.stop for t, _ in toks):
        return None
    who = _by_role(toks, phrase.start, code, roles) if roles is not None else None
    return Speaker(text=raw, start=phrase.start, end=phrase.end, name=who, via="context")


def _is_person(sp: Speaker, code: str) -> bool:
    """A speaker named with two words or more that read as a person's name (no organisation word, no acronym)."""
    return sp.name is not None and _clean_name(sp.name, code)[1]


_POSSESSIVE_END = re.compile(POSSESSIVE + "$")


def _modifier_runs(toks: list[tuple[str, int]], code: str) -> tuple[list[list[tuple[str, int]]], set[int]]:
    """The runs of capitalised words of ``toks`` and the indexes of those that
    only modify the phrase's head: a possessive ("Cogeco's president"), or a
    single word after the phrase's first word and before a lower-case word
    of it ("the American agency", "the Saudi-owned channel"; not "Ditta
    denied wrongdoing and", where the name opens the phrase)."""
    cues = _cues(code)
    runs: list[list[tuple[str, int]]] = [[]]
    modifiers: set[int] = set()
    nxt: dict[int, str] = {}
    for k, (tok, at) in enumerate(toks):
        capital = tok[0].isupper()
        if capital or (runs[-1] and tok.lower() in cues.particles):
            runs[-1].append((tok, at))
            if capital and _POSSESSIVE_END.search(tok) and k + 1 < len(toks):
                modifiers.add(len(runs) - 1)
                runs.append([])
        elif runs[-1]:
            nxt[len(runs) - 1] = tok
            runs.append([])
    for i, run in enumerate(runs):
        after = nxt.get(i)
        opens = bool(run) and run[0][1] == toks[0][1]
        if len(run) == 1 and not opens and after is not None and after.lower() not in cues.stop | cues.particles:
            modifiers.add(i)
    kept = [(i, r) for i, r in enumerate(runs) if r]
    return [r for _, r in kept], {j for j, (i, _) in enumerate(kept) if i in modifiers}


def _name_in(text: str, toks: list[tuple[str, int]], code: str, surnames: dict[str, str]) -> Speaker | None:
    """The last run of capitalised words of ``toks`` as a person or organisation name, titles stripped.

    A run that only modifies the phrase's head (:func:`_modifier_runs`) is
    no name, nor is one whose name ends before the run does (a title after
    it: "The Congolese President")."""
    cues = _cues(code)
    runs, modifiers = _modifier_runs(toks, code)
    while runs:
        run = runs[-1]
        if len(runs) - 1 in modifiers:
            runs.pop()
            continue
        while run and run[-1][0].lower() in cues.particles:
            run = run[:-1]
        if run:
            surface_start = run[0][1]
            raw = text[surface_start : run[-1][1] + len(run[-1][0])]
            name, _ = _clean_name(raw, code)
            words = name.split()
            if words and not raw.rstrip(".,").endswith(words[-1].rstrip(".,")):
                runs.pop()  # "The Congolese President": the name's words stop before a title
                continue
            leading = run[0][1] == toks[0][1] or all(t.lower() in cues.stop | cues.titles for t, _ in toks[: toks.index(run[0])])
            if words and (len(words) >= 2 or words[0] in surnames or leading) and (
                    words[0].lower() not in cues.stop or (len(words) >= 2 and words[0].lower() in cues.particles)):  # "De Bock"
                at = text.find(words[0], surface_start)
                mention = text[at : at + len(name)] if at >= 0 else raw
                at = at if at >= 0 else surface_start
                if len(words) == 1 and words[0] in surnames:
                    return Speaker(text=mention, start=at, end=at + len(mention), name=surnames[words[0]],
                                   via="surname")
                if mention == name:
                    return Speaker(text=mention, start=at, end=at + len(mention), name=name, via="name")
        runs.pop()
    return None


# --------------------------------------------------------------------------- attribution


@dataclass
class _Found:
    cue: Cue | None = None
    phrase: _Phrase | None = None
    apposition: _Phrase | None = None
    pronoun: tuple[str, int] | None = None
    unlisted: bool = False
    """A description after a verb the data does not list: kept only where it names someone."""


def _skip(text: str, pos: int, end: int, chars: str = " \t,;:") -> int:
    while pos < end and text[pos] in chars:
        pos += 1
    return pos


def _after(text: str, pos: int, end: int, code: str) -> _Found | None:
    """An attribution right after a quotation (``pos``: its closing mark's end)."""
    cues = _cues(code)
    start, pos = pos, _skip(text, pos, end)
    if pos >= end:
        return None
    if text[pos] in "–—":
        phrase = _phrase_after(text, _skip(text, pos + 1, end, " "), end)
        return _Found(Cue(text=text[pos], start=pos, end=pos + 1, kind="dash"), phrase) if phrase else None
    m = cues.inverted.match(text, pos, end)
    if m:
        head = m.group().split()[0]  # "a-t-elle"
        pron = head.rsplit("-", 1)[-1]
        return _Found(Cue(text=m.group(), start=m.start(), end=m.end()),
                      pronoun=(pron, m.start() + len(head) - len(pron)))
    for rx, kind in ((cues.verbs, "verb"), (cues.prefixes, "preposition")):
        m = rx.match(text, pos, end)
        if m:
            phrase = _phrase_after(text, _skip(text, m.end(), end, " "), end)
            if phrase is None:
                return None
            appos = None
            after = _skip(text, phrase.end, end, " ")
            if after < end and text[after] == ",":
                appos = _phrase_after(text, _skip(text, after + 1, end, " "), end)
            return _Found(Cue(text=m.group(), start=m.start(), end=m.end(), kind=kind), phrase, appos)  # type: ignore[arg-type]
    # "…," the harbour master told reporters / "…", Okonjo said
    window = text[pos : min(end, pos + _WINDOW)]
    stop = re.search(r"[.!?" + re.escape(_MARKS) + "]", window)
    limit = pos + (stop.start() if stop else len(window))
    m = cues.verbs.search(text, pos, limit)
    if m:
        agent = _agent(text, m.end(), limit, cues)
        if agent is not None:  # "…," the AFP was told by Imelda Nyirankusi
            return _Found(Cue(text=m.group(), start=m.start(), end=m.end()), agent)
        phrase = _phrase_before(text, pos, m.start())
        if phrase is not None and phrase.start == pos and not _function_words(text, phrase, cues):
            return _Found(Cue(text=m.group(), start=m.start(), end=m.end()), phrase)
    return _unlisted_verb(text, pos, end, cues, "," in text[start:pos])


_LOWER_WORD = re.compile(r"(?:\w['’])?[^\W\d_A-ZÀ-ÖØ-Þ][\w-]*")
"""One lower-case word, an elided pronoun before it allowed ("ironise", "s'insurge")."""


def _agent(text: str, pos: int, end: int, cues: _Cues) -> _Phrase | None:
    """The agent of a passive reporting verb ending at ``pos`` ("was told by X", "a été dit par X")."""
    word = _WORD.match(text, _skip(text, pos, end, " "))
    if word is None or word.group().lower() not in cues.agents:
        return None
    return _phrase_after(text, _skip(text, word.end(), end, " "), end)


def _unlisted_verb(text: str, pos: int, end: int, cues: _Cues, comma: bool = False) -> _Found | None:
    """An inverted attribution whose verb the data does not list: one
    lower-case word (or an auxiliary and its participle, ``incise_auxiliaries``),
    then a name of capitalised words only, up to a comma or a sentence end
    (``"…", ironise Bernard Vaussion, qui …`` / ``"…," reveals Ana Lopes.``);
    after the comma that sets an incise off (``comma``), a description too
    (``« … », a menacé le porte-parole.`` / ``« … », prédit un expert, Jason
    Stearns,``), with the apposition after it."""
    m = _LOWER_WORD.match(text, pos, end)
    if m is None:
        return None
    cue_end = m.end()
    if m.group().lower() in cues.auxiliaries:
        participle = _LOWER_WORD.match(text, _skip(text, m.end(), end, " "), end)
        if participle is None or participle.group().lower() in cues.stop:
            return None
        cue_end = participle.end()
    elif m.group().lower() in cues.stop:
        return None
    phrase = _phrase_after(text, _skip(text, cue_end, end, " "), end)
    if phrase is None or (phrase.end < end and text[phrase.end] not in ",."):
        return None
    cue = Cue(text=text[m.start():cue_end], start=m.start(), end=cue_end)
    if comma and cues.openers.match(text, phrase.start) is not None:
        appos = None
        if phrase.end < end and text[phrase.end] == ",":
            appos = _phrase_after(text, _skip(text, phrase.end + 1, end, " "), end)
        return _Found(cue, phrase, appos, unlisted=True)
    words = text[phrase.start : phrase.end].split()
    if cue_end != m.end() or len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return _Found(cue, phrase)


def _function_words(text: str, phrase: _Phrase, cues: _Cues) -> bool:
    """Whether the phrase holds function words only ("and", "et"): an elided subject, no speaker."""
    words = _WORD.findall(text[phrase.start : phrase.end].lower())
    return all(w in cues.stop and w not in cues.pronouns and w not in cues.org_pronouns for w in words)


def _before(text: str, start: int, pos: int, code: str) -> _Found | None:
    """An attribution before a quotation (``pos``: its opening mark), within ``start``..``pos``."""
    cues = _cues(code)
    lo = max(start, pos - _WINDOW)
    head = text[lo:pos].rstrip()
    best: tuple[int, str, re.Match[str]] | None = None
    for rx, kind in ((cues.verbs, "verb"), (cues.prefixes, "preposition")):
        for m in rx.finditer(text, lo, pos):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind, m)
    if best is not None:
        _, kind, m = best
        if kind == "preposition":
            phrase = _phrase_after(text, _skip(text, m.end(), pos, " "), pos)
            return _Found(Cue(text=m.group(), start=m.start(), end=m.end(), kind="preposition"), phrase)
        phrase = _phrase_before(text, lo, m.start())
        while phrase is not None:  # "Le syndicat a réagi dans un communiqué": the first cue of the run
            inner = cues.verbs.search(text, phrase.start, phrase.end)
            if inner is None:
                break
            m = inner
            phrase = _phrase_before(text, lo, m.start())
        if phrase is not None and _function_words(text, phrase, cues):
            phrase = None
        return _Found(Cue(text=m.group(), start=m.start(), end=m.end()), phrase)
    if head.endswith(":"):  # "Castillo:" / a name then a colon
        colon = lo + len(head) - 1
        phrase = _phrase_before(text, lo, colon)
        if phrase is not None:
            return _Found(Cue(text=":", start=colon, end=colon + 1, kind="colon"), phrase)
    return None


def _incise(text: str, start: int, end: int, code: str) -> tuple[int, int, _Found] | None:
    """An attribution set between commas inside one pair of marks (``« …, a insisté X, et … »``)."""
    cues = _cues(code)
    for comma in re.finditer(",", text[start:end]):
        pos = _skip(text, start + comma.end(), end, " ")
        found = None
        m = cues.inverted.match(text, pos, end)
        if m or cues.verbs.match(text, pos, end):
            found = _after(text, pos, end, code)
        if found is None or found.cue is None:
            continue
        stop = found.phrase.end if found.phrase is not None else found.cue.end
        nxt = _skip(text, stop, end, " ")
        if nxt < end and text[nxt] == ",":
            return start + comma.start(), nxt + 1, replace(found, apposition=None)
    return None


# --------------------------------------------------------------------------- quotes


def find_quotes(text: str, sentences: list[Sentence], code: str, article_id: str = "") -> list[Quote]:
    """The direct quotations of the prose ``sentences`` of one article, in text order.

    Args:
        text: the article text.
        sentences: its prose sentences (``segment.layout``).
        code: the article's language.
        article_id: the id the quotations carry.
    """
    return find_quotes_carried(text, sentences, code, article_id)[0]


def find_quotes_carried(text: str, sentences: list[Sentence], code: str,
                        article_id: str = "") -> tuple[list[Quote], list[tuple[int, int]]]:
    """:func:`find_quotes`, and the ``(start, end)`` of the quotations whose
    speaker is carried from a quotation more than a paragraph before them
    (no attribution of their own): a reader's guess, which the claims do not
    take as their sentence's speaker (``extract.claims``)."""
    carried: list[tuple[int, int]] = []
    if not sentences:
        return [], carried
    layout = _layout(text, sentences)
    registry = _collect_people(text, layout, code)
    regions = _quote_regions(text, sentences, layout, code)
    quote_layout = replace(
        layout, regions=regions,
        in_par={p: [r for r in regions if r.paragraph == p] for p in {r.paragraph for r in regions}},
    )
    for p in layout.bounds:
        quote_layout.in_par.setdefault(p, [])
    theirs = _quote_speakers(text, quote_layout, code, registry)
    surnames = dict(registry.by_surname)
    starts = [s.start for s in sentences]
    region_starts = [r.start for r in regions]
    groups: dict[int, list[QuoteRegion]] = {}
    for r in regions:
        groups.setdefault(r.quote_id, []).append(r)
    drafts: list[tuple[list[tuple[int, int]], _Found | None, int, bool]] = []
    for rs in groups.values():
        spans: list[tuple[int, int]] = []
        found: _Found | None = None
        for r in rs:
            a, b = _content(text, r)
            inc = _incise(text, a, b, code)
            if inc is not None:
                spans.append((a, inc[0]))
                a = _skip(text, inc[1], b, " ")
                found = found or inc[2]
            if b > a:
                spans.append((a, b))
        spans = [(a, b) for a, b in spans if b > a]
        if not spans:
            continue
        first, last = rs[0], rs[-1]
        _, pend = layout.bounds[last.paragraph]
        sent = sentences[_sentence_of(starts, first.start)]
        for r in rs:
            _, pe = layout.bounds[r.paragraph]
            if found is None and not (r.open_at_end):
                found = _after(text, r.end, pe, code)
        after_cue = found is not None
        if found is None:
            k = bisect_right(region_starts, first.start) - 2  # the region before the first
            prev_end = regions[k].end if k >= 0 and regions[k].paragraph == first.paragraph else sent.start
            found = _before(text, max(prev_end, sent.start), first.start, code)
        if found is None and _opens_paragraph(text, layout, first.paragraph, first.start):
            prev_par = _previous_paragraph(layout, first.paragraph)
            if prev_par is not None:  # "Elle déclare :" closing the paragraph before
                a, b = layout.bounds[prev_par]
                if text[a:b].rstrip().endswith(":"):
                    found = _before(text, a, text[a:b].rstrip().rfind(":") + a + 1, code)
        partial = _is_partial(text, first, last, sent, sentences[_sentence_of(starts, last.start)], after_cue)
        drafts.append((spans, found, first.quote_id, partial))
    people = _attributed_people(text, [d[1] for d in drafts], code, registry, surnames)
    registry, roles = _people_index(text, people, regions, code, starts)
    genders = _name_genders(text, registry, code)
    subjects = lru_cache(maxsize=None)(
        lambda: _organisation_subjects(text, sentences, regions, code, registry, surnames, genders))
    quotes: list[Quote] = []
    for spans, found, qid, partial in drafts:
        cue = found.cue if found is not None else None
        speaker, org_pronoun = _own_speaker(text, found, code, registry, surnames, genders, roles, subjects, starts)
        si = _sentence_of(starts, spans[0][0])
        if speaker is None and not org_pronoun:  # the person the reporter has just introduced as a subject
            speaker = _introduced(text, registry, code, starts, si, quotes[-1].end if quotes else 0, spans[0][0])
        if speaker is None and quotes:
            # no attribution of its own (or one naming no one it can resolve): the quotation
            # before it in the same paragraph, or ending the previous paragraph when this one
            # opens with the quotation, or the named speaker of the quotation before it up to
            # _CARRY_PARAGRAPHS back (the reporter goes on quoting the same person)
            prev = quotes[-1]
            here, there = sentences[si].paragraph, sentences[_sentence_of(starts, prev.end)].paragraph
            if there == here or (there == _previous_paragraph(layout, here)
                                 and _opens_paragraph(text, layout, here, spans[0][0])):
                speaker = prev.speaker
            elif (prev.speaker is not None and prev.speaker.name
                  and 0 < layout.index.get(here, 0) - layout.index.get(there, 0) <= _CARRY_PARAGRAPHS):
                speaker = prev.speaker
                carried.append((spans[0][0], spans[-1][1]))
        speaker = _prefer(speaker, theirs.get(qid), found, code)
        parts = tuple(QuoteSpan(text=text[a:b], start=a, end=b) for a, b in spans)
        quotes.append(Quote(
            article_id=article_id, text=" ".join(p.text for p in parts), start=parts[0].start, end=parts[-1].end, spans=parts,
            partial=partial, cue=cue, speaker=speaker, lang=code, sentence_index=sentences[si].index,
        ))
    return quotes, carried


def _own_speaker(text: str, found: _Found | None, code: str, registry: _Mentions, surnames: dict[str, str],
                 genders: dict[str, str], roles: _Roles, subjects: Callable[[], list[tuple[int, int, str]]],
                 starts: list[int]) -> tuple[Speaker | None, bool]:
    """The speaker a quotation's own attribution ``found`` gives, and whether
    it is an organisation pronoun ("it said", "a-t-elle déclaré" of no
    person).  Such a pronoun, and an organisation's document ("the press
    release"), stands for the organisation subject before it (``subjects``:
    :func:`_organisation_subjects`, computed once when first needed); an
    unlisted verb's description that names no one gives no speaker (the
    quotation before it speaks)."""
    cues = _cues(code)
    speaker: Speaker | None = None
    if found is not None:
        if found.pronoun is not None:
            speaker = _resolve_pronoun(found.pronoun[0], found.pronoun[1], code, registry, genders)
        elif found.phrase is not None:
            speaker = _speaker(text, found.phrase, code, registry, surnames, found.apposition, genders, roles)
    if found is not None and found.unlisted and speaker is not None and not speaker.name:
        return None, False
    org_pronoun = (speaker is not None and speaker.via == "pronoun" and speaker.name is None
                   and speaker.text.lower() in cues.org_pronouns)
    if speaker is not None and (org_pronoun or _is_document(speaker, cues)):
        resolved = _resolve_organisation(speaker, subjects(), starts,
                                         _ORG_SENTENCES if org_pronoun else _DOCUMENT_SENTENCES)
        speaker = resolved if resolved is not None or org_pronoun else speaker
    return speaker, org_pronoun


def _attributed_people(text: str, founds: list[_Found | None], code: str, registry: _Registry,
                       surnames: dict[str, str]) -> _Registry:
    """``registry`` and the people the attributions name (``surnames`` gets
    their surnames): names first, so that a surname resolves to a full name
    given later in the article, and a pronoun to the nearest person named
    before it, in an attribution or elsewhere."""
    people = _Registry(code, list(registry.positions), list(registry.names), dict(registry.by_surname))
    added = set(registry.positions)
    for found in founds:
        if found is not None and found.phrase is not None:
            sp = _speaker(text, found.phrase, code, registry, {}, found.apposition)
            if sp is not None and sp.name and sp.via == "name" and len(sp.name.split()) >= 2:
                surnames.setdefault(sp.name.split()[-1], sp.name)
                if sp.start not in added:
                    added.add(sp.start)
                    people.add(sp.start, sp.name)
    return people


def _prefer(mine: Speaker | None, theirs: Speaker | None, found: _Found | None, code: str) -> Speaker | None:
    """The attribution stage's speaker where it stands at the same place as
    the phrase found here (its name resolution is kept), or where nothing
    was found here; the phrase next to the cue otherwise."""
    if theirs is None:
        return mine
    if mine is None:
        return theirs
    window = found.phrase if found is not None and found.phrase is not None else None
    same_place = window is not None and window.start <= theirs.start < window.end + 1
    if mine.via == "pronoun" and not mine.name and theirs.name:
        return theirs
    if mine.via == "pronoun" and mine.name:
        return mine  # resolved over every mention of the article's people (:func:`_people_index`)
    if same_place and theirs.name:
        # the full name a surname stands for ("Ibarra" -> "Carlos Ibarra") is kept, and so is
        # a person's name found after a modifier ("said Airbus sales chief John Leahy": not "Airbus")
        longer = mine.name is not None and mine.name != theirs.name and mine.name.endswith(" " + theirs.name)
        after_modifier = mine.start > theirs.start and _is_person(mine, code)  # "Nordic Wings sales chief Maria Holm"
        if longer or after_modifier or (mine.name and _is_person(mine, code) and not _is_person(theirs, code)):
            return mine
        return theirs
    return mine


def _previous_paragraph(layout: _Layout, paragraph: int) -> int | None:
    idx = layout.index.get(paragraph, 0)
    return layout.order[idx - 1] if idx > 0 else None


def _opens_paragraph(text: str, layout: _Layout, paragraph: int, pos: int) -> bool:
    """Whether only quotation marks and spaces stand before ``pos`` in its paragraph."""
    start = layout.bounds[paragraph][0]
    return pos - start <= _WINDOW and not text[start:pos].strip(_MARKS + " \t")


def _is_partial(text: str, first: QuoteRegion, last: QuoteRegion, sent: Sentence, last_sent: Sentence,
                after_cue: bool) -> bool:
    """Words quoted inside a reporter's sentence: the quotation neither opens
    its sentence (or follows a colon) nor is followed by its attribution."""
    head = text[sent.start : first.start].rstrip()
    if not head or head.endswith((":", "–", "—")):
        return False
    if after_cue:
        return False
    return True


def quotes_by_sentence(quotes: list[Quote], sentences: list[Sentence]) -> list[tuple[Quote, ...]]:
    """:func:`quotes_in` of each sentence, in one pass over both lists (each in text order)."""
    out: list[tuple[Quote, ...]] = []
    first = 0
    for s in sentences:
        while first < len(quotes) and quotes[first].end <= s.start:
            first += 1
        last = first
        while last < len(quotes) and quotes[last].start < s.end:
            last += 1
        out.append(quotes_in(quotes[first:last], s.start, s.end))
    return out


def quotes_in(quotes: list[Quote], start: int, end: int) -> tuple[Quote, ...]:
    """The quotations with words in ``start``..``end``, their spans cut to it."""
    out: list[Quote] = []
    for q in quotes:
        if q.end <= start or q.start >= end:
            continue
        parts = []
        for s in q.spans:
            a, b = max(s.start, start), min(s.end, end)
            if b > a:
                parts.append((a, b))
        if not parts:
            continue
        if len(parts) == len(q.spans) and all(p == (s.start, s.end) for p, s in zip(parts, q.spans)):
            out.append(q)
            continue
        out.append(_cut(q, parts))
    return tuple(out)


def _cut(q: Quote, parts: list[tuple[int, int]]) -> Quote:
    spans = tuple(
        QuoteSpan(text=s.text[a - s.start : b - s.start], start=a, end=b)
        for a, b in parts
        for s in q.spans
        if s.start <= a and b <= s.end
    )
    return q.model_copy(update={
        "spans": spans, "text": " ".join(s.text for s in spans), "start": spans[0].start, "end": spans[-1].end,
    })


def quoted_kind(text: str, start: int, end: int, quotes: tuple[Quote, ...]) -> bool:
    """Whether most of the words of ``text[start:end]`` are quoted, the
    attribution (speaker mention and cue) aside."""
    if not quotes:
        return False
    total = len("".join(text[start:end].split()))
    quoted = sum(len("".join(s.text.split())) for q in quotes for s in q.spans)
    aside = 0
    for q in quotes[:1]:
        for x in (q.speaker, q.cue):
            if x is not None and start <= x.start and x.end <= end:
                aside += len("".join(text[x.start : x.end].split()))
    marks = sum(1 for ch in text[start:end] if ch in _MARKS)
    rest = total - aside - marks
    return rest > 0 and quoted / rest >= 0.5
