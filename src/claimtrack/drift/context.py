"""The per-pair context every drift check reads: :class:`Side` (one text and
everything extracted from it) and :class:`PairContext` (both sides, their
vectors and the analyses several checks share).

A :class:`PairContext` holds both sides of one pair (text, language,
quantities, dates, entities, speaker, tokens, sub-sentence chunks, time
scopes) and their sentence and chunk vectors.  Everything is computed once
per pair, lazily, on first use; the vectors of one pair (both sentences,
every chunk and every "sentence without this chunk" variant) are encoded in
a single batched call to the embedder, through an
:class:`~claimtrack.embed.EmbeddingCache`, so no text is encoded twice.
This module imports no check.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal

import numpy as np

from .. import lang as _lang
from ..extract.attribution import QUOTE_CLOSERS, QUOTE_OPENERS
from ..extract.time_scopes import TimeScope, find_time_scopes
from ..models import DateMention, Entity, Quantity, Speaker
from ..text import LEXICAL, WORD, fold
from .settings import DEFAULT_CONFIG, DriftConfig
from .matching import QuantityMatch, quantity_matches
from .persons import name_words, same_name, spelled

if TYPE_CHECKING:  # pragma: no cover
    from ..embed import Embedder, EmbeddingCache

__all__ = ["Token", "SpeakerRef", "Side", "PairContext"]

_WARNED: set[str] = set()


LEAVE_OUT_CONTEXT = 1_200
"""Longest context (characters) of one leave-one-out variant (:meth:`Side.leave_out`)."""


def _warn_once(message: str) -> None:
    """Log ``message`` as a warning of the ``claimtrack`` logger, once per process."""
    if message not in _WARNED:
        _WARNED.add(message)
        import logging

        logging.getLogger("claimtrack").warning("%s", message)


_QUOTE_MARKS = frozenset(QUOTE_OPENERS + QUOTE_CLOSERS + '"')
_QUOTED = re.compile(rf"[{QUOTE_OPENERS}\"]\s*\w[^{QUOTE_CLOSERS}\"]*[{QUOTE_CLOSERS}\"]")
"""A stretch between quotation marks.  Even a short one counts as a
quotation for the attribution masking: requiring ``MIN_QUOTE_WORDS`` words
(scare quotes are nobody's words) added one faithful WMT pair with a finding
on the validation half and removed none on the tuning half."""


def _quotes(text: str) -> bool:
    """The text holds words between quotation marks."""
    return _QUOTED.search(text) is not None
_PUNCT_SPLIT = re.compile(r"[;:()\[\]—–«»\"“”]|,(?!\d)|\s-\s")


@dataclass(frozen=True)
class _Frames:
    """A language's attribution-frame patterns (``Attribution``/``Names`` records)."""

    verb: re.Pattern[str]
    prefix: re.Pattern[str]
    that: re.Pattern[str]
    speaker_noun: re.Pattern[str]
    titles: frozenset[str]
    sources: frozenset[str]


@lru_cache(maxsize=None)
def _frame_patterns(code: str) -> _Frames:
    att, names = _lang.get(code).attribution, _lang.get(code).names

    def alt(words: Sequence[str]) -> str:
        return "|".join(sorted(words, key=len, reverse=True)) or "x^"

    return _Frames(
        verb=re.compile(rf"(?<![\w-])(?:{alt(att.reporting_verbs)})(?![\w-])", re.IGNORECASE),
        prefix=re.compile(rf"^(?:{alt(att.source_prefixes)})(?!\w)", re.IGNORECASE),
        that=re.compile(rf"(?<!\w)(?:{alt(att.reporting_verbs_that)})(?:\b|(?<=['’]))", re.IGNORECASE),
        speaker_noun=re.compile(rf"\b(?:{alt(att.speaker_nouns)})\b", re.IGNORECASE),
        titles=frozenset(names.titles),
        sources=frozenset(att.source_nouns),
    )


_PHRASE_WORDS = 4
"""The longest phrase of a text that :meth:`PairContext.names` compares with a name."""

_FRAME_WORDS = 8
"""At most this many words before a reporting verb (its subject: "sources
familiar with the talks said") or after it (an adjunct or the inverted
subject: "said in a statement", "a déclaré Tomas Okafor") for the piece
to be all frame; an attribution opened by a source prefix ("selon des
sources proches du dossier") may hold two more."""


@lru_cache(maxsize=None)
def _tables(code: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    data = _lang.get(code)
    stop = frozenset(data.scopes.chunk_stopwords) | frozenset(data.numbers.unit_stopwords)
    markers = re.compile(r"\b(?:" + "|".join(data.scopes.clause_markers) + r")\b", re.IGNORECASE) if data.scopes.clause_markers else None
    return stop, markers


@dataclass(frozen=True)
class Token:
    """A word of a side's text: its span, as written, and :func:`~claimtrack.text.fold`-ed."""

    start: int
    end: int
    text: str
    folded: str


@dataclass(frozen=True)
class SpeakerRef:
    """Who a side is attributed to, as drift compares it.

    ``name`` is the resolved name (None when the mention resolved to no one);
    ``mention`` the words that refer to the speaker ("she", "Chintala");
    ``gender``/``gender_word`` the grammatical gender the article refers to
    the speaker with and the word that gives it ("f", "she";
    :attr:`claimtrack.models.Speaker.gender`); ``span`` the mention's
    offsets into the side's text when it lies inside it; ``via`` how the
    name was found (``name``, ``surname``, ``pronoun``, ``context``).
    """

    name: str | None
    mention: str | None = None
    gender: Literal["m", "f"] | None = None
    gender_word: str | None = None
    span: tuple[int, int] | None = None
    via: Literal["name", "surname", "pronoun", "context"] = "name"

    @classmethod
    def of(cls, speaker: str | Speaker | SpeakerRef | None, offset: int = 0,
           length: int | None = None) -> SpeakerRef | None:
        """The record of a name (``diff(source_speaker="Jim Zemlin")``), of a
        claim's :class:`~claimtrack.models.Speaker` (``offset`` the claim's
        start, ``length`` its text's length: the mention's span is kept when
        it lies inside), or the record itself."""
        if speaker is None or isinstance(speaker, SpeakerRef):
            return speaker
        if isinstance(speaker, str):
            return cls(name=speaker, mention=speaker) if speaker.strip() else None
        start, end = speaker.start - offset, speaker.end - offset
        inside = length is not None and 0 <= start and end <= length
        return cls(name=speaker.name, mention=speaker.text, gender=speaker.gender,
                   gender_word=speaker.gender_word, span=(start, end) if inside else None, via=speaker.via)


@dataclass
class Side:
    """One side of a pair: the text and everything extracted from it.

    ``quantities``/``dates``/``entities`` have offsets into ``text``.  When
    they are not given they are extracted on first use.  ``speaker`` is who
    the side is attributed to, when known (:class:`SpeakerRef`); ``quoted``
    says the text is a quotation (a claim of kind ``quote``), somebody's words
    even where the text holds no quotation mark (the middle sentence of a
    long quote).
    """

    text: str
    lang: str
    speaker: SpeakerRef | None = None
    quoted: bool = False
    given_quantities: Sequence[Quantity] | None = None
    given_dates: Sequence[DateMention] | None = None
    given_entities: Sequence[Entity] | None = None
    config: DriftConfig = field(default=DEFAULT_CONFIG)

    @cached_property
    def data(self) -> _lang.LanguageData:
        return _lang.get(self.lang)

    @cached_property
    def quantities(self) -> list[Quantity]:
        if self.given_quantities is not None:
            return list(self.given_quantities)
        from ..extract.quantities import extract_quantities

        spans = [(d.start, d.end) for d in self.dates]
        return extract_quantities(self.text, self.lang, exclude=spans)

    @cached_property
    def dates(self) -> list[DateMention]:
        if self.given_dates is not None:
            return list(self.given_dates)
        try:
            from ..extract.dates import extract_dates

            return extract_dates(self.text, self.lang)
        except Exception as exc:  # the date extractor must never sink a diff
            _warn_once(f"claimtrack.drift: date extraction failed ({type(exc).__name__}: {exc}); dates ignored")
            return []

    @cached_property
    def entities(self) -> list[Entity]:
        if self.given_entities is not None:
            return list(self.given_entities)
        from ..extract.entities import capitalised_words, extract_entities

        return extract_entities(self.text, self.lang, known=capitalised_words(self.text))

    @cached_property
    def time_scopes(self) -> list[TimeScope]:
        """The time-scope phrases of the text
        (:func:`~claimtrack.extract.time_scopes.find_time_scopes`)."""
        return find_time_scopes(self.text, self.lang, self.quantities)

    @cached_property
    def tokens(self) -> list[Token]:
        return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in WORD.finditer(self.text)]

    @cached_property
    def folded_words(self) -> frozenset[str]:
        return frozenset(t.folded for t in self.tokens)

    @cached_property
    def folded_parts(self) -> frozenset[str]:
        """:attr:`folded_words` plus the parts of hyphenated and elided words
        ("saint-saens" gives "saint" and "saens")."""
        return self.folded_words | {p for w in self.folded_words for p in re.split(r"[-']", w) if p}

    @cached_property
    def lexical_words(self) -> list[Token]:
        """The words whose counterpart the score looks for, ``text`` as written
        (case kept: "Suède" is the country, "suède" the leather): letters
        only; an elided word in front dropped ("l'ASUS" is "ASUS",
        ``Words.elisions``); the function-word parts of a hyphenated
        word dropped ("est-il" is nothing, "dit-elle" is "dit"); then three
        letters or more (two for an acronym, "UE") and not a
        ``function_words`` entry."""
        function, elisions = self.data.words.function_words, self.data.words.elisions

        def is_function(word: str) -> bool:
            return word.lower().replace("’", "'") in function

        out: list[Token] = []
        for m in LEXICAL.finditer(self.text):
            start, word = m.start(), m.group()
            head, sep, rest = word.replace("’", "'").partition("'")
            while sep and rest and head.lower() in elisions:  # "l'", "qu'", "jusqu'"
                start += len(head) + 1
                word = word[len(head) + 1 :]
                head, sep, rest = word.replace("’", "'").partition("'")
            if "-" in word and not is_function(word):
                parts, pos = [], start
                for part in word.split("-"):
                    if len(part) > 1 and not is_function(part):
                        parts.append((pos, pos + len(part)))
                    pos += len(part) + 1
                if not parts:
                    continue
                start, word = parts[0][0], self.text[parts[0][0] : parts[-1][1]]
            acronym = word.isupper() and len(word) >= 2
            if (acronym or len(word) >= 3) and not (is_function(word) and not acronym):
                out.append(Token(start, start + len(word), word, fold(word)))
        return out

    def content_words(self, start: int, end: int) -> list[Token]:
        stop, _ = _tables(self.lang)
        return [t for t in self.tokens if start <= t.start and t.end <= end and t.folded not in stop and len(t.folded) > 1]

    @cached_property
    def pieces(self) -> list[tuple[int, int]]:
        """The spans between sentence ends, punctuation breaks and clause
        markers (``Scopes.clause_markers``), before short ones are merged
        into :attr:`chunks`."""
        text = self.text
        _, markers = _tables(self.lang)
        cuts = {0, len(text)}
        for m in _PUNCT_SPLIT.finditer(text):
            cuts.add(m.start())
            cuts.add(m.end())
        if markers is not None:
            for m in markers.finditer(text):
                cuts.add(m.start())
        if len(self.sentences) > 1:  # a chunk never runs across a sentence end
            for s, e in self.sentences:
                cuts.update((s, e))
        bounds = sorted(cuts)
        raw: list[tuple[int, int]] = []
        for a, b in zip(bounds, bounds[1:]):
            seg = text[a:b]
            lead = len(seg) - len(seg.lstrip(" \t\n,;:.!?()[]—–«»\"“”-"))
            trail = len(seg) - len(seg.rstrip(" \t\n,;:.!?()[]—–«»\"“”-"))
            s, e = a + lead, b - trail
            if e > s and WORD.search(text[s:e]):
                raw.append((s, e))
        return raw

    @cached_property
    def frames(self) -> list[tuple[int, int]]:
        """The attribution frames of the text: the words that say who said
        it, not what was said ("Chintala said", ", sources familiar with the
        talks said", "a déclaré Tomas Okafor", "selon des sources proches du
        dossier", "according to X").  Read per punctuation-delimited stretch
        (:attr:`pieces` rejoined where only a clause marker cut them), from
        the language's ``Attribution`` record:

        * a piece holding a reporting verb is all frame when at most
          ``_FRAME_WORDS`` words stand before the verb and at most as many
          after it (the piece not the first of its sentence, or the words
          after the verb opening with a name: "The report says nothing" says
          something), with no complementiser ("that", "que") among them;
          otherwise the frame is its subject, verb and adjuncts up to the
          complementiser ("Zemlin said in a statement that"), or its subject
          and verb, when the subject is that short;
        * a piece opened by a source prefix ("according to", "selon") of at
          most ``_FRAME_WORDS + 2`` words is all frame;
        * a piece holding a title word ("executive director of X") right
          after a frame that names someone is its apposition, and frame too.
        """
        fp = _frame_patterns(self.lang)
        text = self.text
        out: list[tuple[int, int]] = []
        last_end: int | None = None
        spans: list[tuple[int, int]] = []
        for s, e in self.pieces:  # a clause marker is no break here ("X and Chief Executive Y said")
            if spans and not text[spans[-1][1] : s].strip():
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
        starts = [a for a, _ in self.sentences]
        for s, e in spans:
            piece = text[s:e]
            words = WORD.findall(piece)
            span: tuple[int, int] | None = None
            m = fp.verb.search(piece)
            if m is not None:
                before = len(WORD.findall(piece[: m.start()]))
                rest = piece[m.end() :]
                c = fp.that.search(rest)
                if c is not None and len(WORD.findall(rest[: c.start()])) > _FRAME_WORDS:
                    c = None  # a "that" further on belongs to the content
                # the whole piece after a break (", he said in a statement"), or
                # with the subject after the verb ("a déclaré Tomas Okafor");
                # a sentence's first piece says more ("The report says nothing")
                first = not any(WORD.search(text[a:s]) for a in starts if a <= s) if starts else True
                after = WORD.findall(rest)
                if before <= _FRAME_WORDS:
                    if c is not None:
                        span = (s, s + m.end() + c.end())
                    elif len(after) <= _FRAME_WORDS and (not first or not after or after[0][:1].isupper()):
                        span = (s, e)
                    else:
                        span = (s, s + m.end())
            elif (p := fp.prefix.match(piece)) is not None and len(words) <= _FRAME_WORDS + 2:
                rest_words = WORD.findall(piece[p.end() :])
                if (any(w[:1].isupper() for w in rest_words) or fp.speaker_noun.search(piece)
                        or any(w.lower() in fp.sources for w in rest_words)):
                    span = (s, e)
            elif (last_end is not None and len(words) <= _FRAME_WORDS + 2 and not text[last_end:s].strip(" ,")
                  and any(part.lower() in fp.titles for w in words for part in re.split(r"['’]", w))
                  and any(ch.isupper() for ch in text[out[-1][0] : out[-1][1]])):
                span = (s, e)
            if span is not None:
                out.append(span)
                last_end = span[1] if span[1] == e else None
            else:
                last_end = None
        return out

    def framed(self, start: int, end: int) -> bool:
        """True when most words of ``text[start:end]`` lie in :attr:`frames`."""
        words = [m.span() for m in WORD.finditer(self.text, start, end)]
        inside = sum(1 for a, b in words if any(s <= a and b <= e for s, e in self.frames))
        return bool(words) and 2 * inside > len(words)

    @cached_property
    def chunks(self) -> list[tuple[int, int]]:
        """Sub-sentence chunks: :attr:`pieces`, those shorter than
        ``chunk_min_words`` words merged into their neighbour."""
        text = self.text
        raw = self.pieces
        min_words = self.config.chunk_min_words

        def nwords(span: tuple[int, int]) -> int:
            return len(WORD.findall(text[span[0] : span[1]]))

        def at_quote(left: tuple[int, int], right: tuple[int, int]) -> bool:
            # a quotation mark between two chunks is a hard break: the
            # attribution ("Okafor said") never merges into the quote
            return any(ch in _QUOTE_MARKS for ch in text[left[1] : right[0]])

        merged: list[tuple[int, int]] = []
        for span in raw:
            if merged and (nwords(merged[-1]) < min_words or nwords(span) < min_words) and not at_quote(merged[-1], span):
                merged[-1] = (merged[-1][0], span[1])
            else:
                merged.append(span)
        if len(merged) > 1 and nwords(merged[-1]) < min_words and not at_quote(merged[-2], merged[-1]):
            last = merged.pop()
            merged[-1] = (merged[-1][0], last[1])
        return merged

    @cached_property
    def passages(self) -> list[tuple[int, int]]:
        """The chunks of at least ``chunk_min_words`` words: the ones that can
        be omitted or added.  A shorter chunk exists only where a quotation
        mark kept an attribution ("Okafor said") apart from the quote."""
        n = self.config.chunk_min_words
        return [c for c in self.chunks if len(WORD.findall(self.text[c[0] : c[1]])) >= n]

    def without(self, span: tuple[int, int]) -> str:
        """The text with ``span`` removed (spaces tidied)."""
        return _tidy(self.text[: span[0]] + " " + self.text[span[1] :])

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans of the text (each line split by
        :func:`claimtrack.extract.segmentation.split_sentences`)."""
        from ..extract.segmentation import split_sentences

        out: list[tuple[int, int]] = []
        for line in re.finditer(r"[^\n]+", self.text):
            if line.group().strip():
                out += split_sentences(line.group(), self.lang, offset=line.start())
        return out or [(0, len(self.text))]

    def leave_out(self, span: tuple[int, int]) -> tuple[str, str]:
        """``(context without span, context)``: the context is the sentence(s)
        holding ``span``, so a leave-one-out test on a long passage costs one
        sentence per chunk, not the whole passage (the omission check compares
        it with the other side's closest sentence or pair of sentences); for a
        one-sentence text it is the text itself.  A context longer than
        :data:`LEAVE_OUT_CONTEXT` characters is cut to that many around the
        span, so the leave-one-out work of a pair is at most one such window
        per chunk, whatever the sentences' length (one 5,000-character
        sentence of 200 chunks would otherwise cost a million characters)."""
        inside = [x for x in self.sentences if x[0] < span[1] and span[0] < x[1]]
        if len(self.sentences) < 2 or not inside:
            a, b = 0, len(self.text)
            if b - a <= LEAVE_OUT_CONTEXT:
                return self.without(span), self.text
        else:
            a, b = inside[0][0], inside[-1][1]
        if b - a > LEAVE_OUT_CONTEXT:
            room = max(0, LEAVE_OUT_CONTEXT - (span[1] - span[0])) // 2
            a, b = max(a, span[0] - room), min(b, span[1] + room)
        return _tidy(self.text[a : span[0]] + " " + self.text[span[1] : b]), self.text[a:b]


def _tidy(text: str) -> str:
    """Runs of whitespace made one space, ends stripped."""
    return " ".join(text.split())


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


class PairContext:
    """Both sides of a pair plus lazily computed, shared analyses and vectors."""

    def __init__(
        self,
        source: Side,
        target: Side,
        *,
        embedder: Embedder | None = None,
        cache: EmbeddingCache | None = None,
        config: DriftConfig = DEFAULT_CONFIG,
        need_chunks: bool = True,
    ) -> None:
        self.source = source
        self.target = target
        self.config = config
        self._embedder = embedder
        self._cache = cache
        self.need_chunks = need_chunks
        self._vectors: dict[str, np.ndarray] | None = None
        self._counterparts: dict[tuple[int, str], np.ndarray] = {}

    # --- vectors ----------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from ..embed import default_embedder

            self._embedder = default_embedder()
        return self._embedder

    @property
    def cache(self) -> EmbeddingCache:
        if self._cache is None:
            from ..embed import EmbeddingCache

            self._cache = EmbeddingCache()
        return self._cache

    def chunked(self) -> bool:
        """True when omission/addition detection applies (some side has
        two chunks or more)."""
        return self.need_chunks and (len(self.source.chunks) > 1 or len(self.target.chunks) > 1)

    def texts_to_encode(self) -> list[str]:
        """Every text this pair needs a vector for before any check runs: both
        sides, their content words and their chunks (encoded in one batch).
        The texts a check needs only once these are known come from
        :meth:`DriftCheck.texts_after` (a second batch)."""
        texts = [self.source.text, self.target.text]
        texts += [t.text for t in self.source.lexical_words] + [t.text for t in self.target.lexical_words]
        if self.chunked():
            for side in (self.source, self.target):
                texts += [side.text[s:e] for s, e in side.chunks]
        return texts

    def vector(self, text: str) -> np.ndarray:
        if self._vectors is None:
            texts = self.texts_to_encode()
            vecs = self.cache.encode(self.embedder, texts)
            self._vectors = dict(zip(texts, vecs))
        vec = self._vectors.get(text)
        if vec is None:  # not planned: encode it (through the cache) once
            vec = self.cache.encode(self.embedder, [text])[0]
            self._vectors[text] = vec
        return vec

    @cached_property
    def similarity(self) -> float:
        a, b = self.vector(self.source.text), self.vector(self.target.text)
        return float(np.clip(np.dot(a, b), -1.0, 1.0))

    @cached_property
    def coverage(self) -> float:
        """How well the worst-covered passage of either side is matched: the
        minimum, over the chunks of both sides, of a chunk's best cosine
        against the other side's chunks, pairs of adjacent chunks and whole
        sentence, over :attr:`Side.passages`.  Without chunks (one chunk a
        side, or no omission check) it is the sentence similarity."""
        if not self.chunked():
            return self.similarity
        worst = 1.0
        for side, other in ((self.source, self.target), (self.target, self.source)):
            cmat = self.counterparts(other)
            for s, e in side.passages:
                worst = min(worst, float(np.max(cmat @ self.vector(side.text[s:e]))))
        return float(np.clip(worst, -1.0, 1.0))

    @cached_property
    def unmatched(self) -> tuple[list[Token], list[Token]]:
        """The content words of each side (:attr:`Side.lexical_words`) with no
        counterpart on the other side: no content word there reaches
        ``word_match`` cosine or ``word_spelled`` spelling similarity.  A side
        with no content words leaves the other side's words unmatched."""
        from rapidfuzz.distance import Indel
        from rapidfuzz.process import cdist

        a, b = self.source.lexical_words, self.target.lexical_words
        if not a or not b:
            return list(a), list(b)
        va = np.stack([self.vector(t.text) for t in a])
        vb = np.stack([self.vector(t.text) for t in b])
        sims = va @ vb.T
        cut = self.config.word_match
        # spelling, for the words still without a counterpart only (rows of
        # the matrix, then its columns through the transpose, a view)
        for mat, mine, theirs in ((sims, a, b), (sims.T, b, a)):
            lost = np.nonzero(mat.max(axis=1) < cut)[0]
            if len(lost):
                spelled = cdist([mine[i].folded for i in lost], [t.folded for t in theirs],
                                scorer=Indel.normalized_similarity)
                mat[lost] = np.where(spelled >= self.config.word_spelled, 1.0, mat[lost])
        return ([t for t, best in zip(a, sims.max(axis=1)) if best < cut],
                [t for t, best in zip(b, sims.max(axis=0)) if best < cut])

    def counterparts(self, side: Side, spans: Literal["chunks", "sentences"] = "chunks") -> np.ndarray:
        """The vectors a piece of the other side is matched against: each of
        ``side``'s chunks (or, with ``spans="sentences"``, its sentences), each
        adjacent pair of them, and the whole text."""
        key = (id(side), spans)
        if key not in self._counterparts:
            pieces = side.chunks if spans == "chunks" else side.sentences
            others = [self.vector(side.text[s:e]) for s, e in pieces]
            cands = list(others)
            cands += [_unit(x + y) for x, y in zip(others, others[1:])]
            cands.append(self.vector(side.text))
            self._counterparts[key] = np.stack(cands)
        return self._counterparts[key]

    # --- speakers and attribution frames -------------------------------------
    @cached_property
    def same_speaker(self) -> bool | None:
        """Whether the two sides' resolved speakers are one person.

        True when the names agree (:func:`claimtrack.drift.persons.same_name`,
        or translated) or each side's text names the other side's speaker;
        False when both names are known and none of that holds, unless both
        are mere pronouns (which person a pronoun stands for is the
        resolver's guess); None otherwise (unknown)."""
        a, b = self.source.speaker, self.target.speaker
        if a is None or b is None or not a.name or not b.name:
            return None
        if same_name(a.name, b.name) or self.translated(a.name, b.name):
            return True
        if self.names(self.target, a.name) and self.names(self.source, b.name):
            return True
        if a.via == "pronoun" and b.via == "pronoun":
            return None
        return False

    def translated(self, a: str, b: str) -> bool:
        """Across languages, the encoder finds the names ``a`` and ``b``
        translations of each other (cosine at least ``entity_match``)."""
        if self.source.lang == self.target.lang:
            return False
        va, vb = self.cache.encode(self.embedder, [a, b])
        return float(np.dot(va, vb)) >= self.config.entity_match

    def names(self, side: Side, name: str) -> bool:
        """``side``'s text states ``name``: each of its words
        (:func:`~claimtrack.drift.persons.name_words`) is there, spelled
        alike, or (across languages) a phrase of up to four words is the
        encoder's translation of it (cosine at least ``entity_match``)."""
        words = name_words(name)
        if not words:
            return False
        have = [w for w in side.folded_parts if len(w) > 1]
        if all(any(spelled(w, h) for h in have) for w in words):
            return True
        if self.source.lang == self.target.lang:
            return False
        toks = side.tokens
        phrases = sorted({side.text[t.start : toks[j].end] for i, t in enumerate(toks)
                          for j in range(i, min(i + _PHRASE_WORDS, len(toks)))})
        if not phrases:
            return False
        vecs = self.cache.encode(self.embedder, [name, *phrases])
        return float(np.max(vecs[1:] @ vecs[0])) >= self.config.entity_match

    @cached_property
    def frames_masked(self) -> bool:
        """Attribution words are left out of the content comparison: both
        sides carry an attribution (a known speaker, a frame in the text,
        :attr:`Side.frames`, or a quotation, which is somebody's words) and
        the speakers are not known to differ."""
        def attributed(side: Side) -> bool:
            # a quotation is somebody's words: saying whose is attribution
            return side.speaker is not None or side.quoted or bool(side.frames) or _quotes(side.text)

        return attributed(self.source) and attributed(self.target) and self.same_speaker is not False

    def attribution(self, side: Side, start: int, end: int) -> bool:
        """``side.text[start:end]`` lies inside an attribution frame
        (:attr:`Side.frames`) while :attr:`attribution_masked` (the same
        speaker, or one side naming whom the other describes, "Minister Ana
        Duarte said" / "the minister said"): it says who said it, not what was said ("Okafor said
        on Tuesday"), and is left out of the content."""
        return self.attribution_masked and any(s <= start and end <= e for s, e in side.frames)

    @cached_property
    def attribution_masked(self) -> bool:
        """Names inside attribution frames are left out of the content: both
        sides are attributed to the same speaker (:attr:`same_speaker`), or
        one side names its speaker and the other only describes or implies
        its own (no resolved name there) while both are attributed
        (:attr:`frames_masked`).  With no name on either side, who is
        speaking is only known from the frames, so their names are compared."""
        if self.same_speaker:
            return True
        if self.same_speaker is False or not self.frames_masked:
            return False
        named = [sp is not None and bool(sp.name) for sp in (self.source.speaker, self.target.speaker)]
        return named.count(True) == 1

    @cached_property
    def content_entities(self) -> tuple[list[Entity], list[Entity]]:
        """The entities the entity check compares: when
        :attr:`attribution_masked`, the names inside an attribution frame ("Chintala said", "said X, the
        head of Y") are attribution, not content, and are left out; so is
        the speaker's own name when both sides are the same speaker's
        (:attr:`same_speaker`)."""
        if not self.attribution_masked:
            return list(self.source.entities), list(self.target.entities)
        same = bool(self.same_speaker)

        def content(side: Side) -> list[Entity]:
            sp = side.speaker
            return [e for e in side.entities
                    if not self.attribution(side, e.start, e.end)
                    and not (same and sp is not None and sp.name and same_name(e.text, sp.name))]

        return content(self.source), content(self.target)

    # --- shared analyses -------------------------------------------------------
    @cached_property
    def quantity_matches(self) -> list[QuantityMatch]:
        """Quantities of both sides matched greedily by closeness of value
        (relative difference), then of relative position
        (:func:`~claimtrack.drift.matching.quantity_matches`).  Quantities
        inside a time-scope phrase ("ces cinq dernières années") are left to
        the time-scope check."""

        def usable(side: Side) -> list[Quantity]:
            scopes = side.time_scopes
            return [q for q in side.quantities if not any(s <= q.start and q.end <= e for s, e, _, _ in scopes)]

        return quantity_matches(usable(self.source), len(self.source.text), usable(self.target),
                                len(self.target.text))

    @cached_property
    def uncovered(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The candidate omissions (source) and additions (target): the
        passages of a side with two chunks or more that have at least
        ``chunk_min_content`` content words and no chunk, chunk pair or
        sentence of the other side at ``chunk_match`` cosine.  A passage
        that is mostly attribution frame (:meth:`Side.framed`) is no
        candidate when :attr:`frames_masked`."""

        def candidates(side: Side, other: Side) -> list[tuple[int, int]]:
            cfg = self.config
            out: list[tuple[int, int]] = []
            if len(side.chunks) >= 2:
                cmat = self.counterparts(other)
                for span in side.passages:
                    if len(side.content_words(*span)) < cfg.chunk_min_content:
                        continue
                    if self.frames_masked and side.framed(*span):
                        continue  # "sources familiar with the talks said": who said it, not what
                    if float(np.max(cmat @ self.vector(side.text[span[0] : span[1]]))) < cfg.chunk_match:
                        out.append(span)
            return out

        return candidates(self.source, self.target), candidates(self.target, self.source)
