"""The shared pieces of drift detection: configuration, the per-pair context
every check reads, and the :class:`DriftCheck` protocol.

A :class:`PairContext` holds both sides of one pair (text, language,
quantities, dates, entities, speaker, tokens, sub-sentence chunks) and their
sentence and chunk vectors.  Everything is computed once per pair, lazily, on
first use; the vectors of one pair (both sentences, every chunk and every
"sentence without this chunk" variant) are encoded in a single batched call
to the embedder, through an :class:`~claimtrack.embed.EmbeddingCache`, so no
text is encoded twice.
"""

from __future__ import annotations

import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, ClassVar, Literal

import numpy as np

from .. import lang as _lang
from ..extract.attribution import QUOTE_CLOSERS, QUOTE_OPENERS
from ..models import DateMention, Drift, DriftType, Entity, Quantity

if TYPE_CHECKING:  # pragma: no cover
    from ..embed import Embedder, EmbeddingCache

__all__ = [
    "DriftConfig",
    "DriftCheck",
    "Side",
    "PairContext",
    "fold",
    "quote",
    "QuantityMatch",
]

SIGNATURE_VERSION = "3"

_WARNED: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _WARNED:
        _WARNED.add(message)
        import warnings

        warnings.warn(message, RuntimeWarning, stacklevel=3)


@dataclass(frozen=True)
class DriftConfig:
    """Every threshold drift detection uses (the "signature" of a run).

    ``signature()`` renders them as one stable string, like sacreBLEU's
    signature, and :class:`~claimtrack.models.PairDiff` carries it, so a
    reported score can always be traced back to its settings.
    """

    # --- the divergence score (claimtrack.drift.score): log-odds weights ------------
    # Fitted by benchmarks/fit_divergence.py (L2-regularised logistic regression,
    # penalty 10 on standardised values, on REFreSD, all 531 pairs); see
    # docs/drift.md for the cross-validated figures.
    w_bias: float = 2.2424
    """Log-odds of divergence before any evidence."""
    w_similarity: float = -4.6301
    """Per unit of the embedder cosine of the two sentences (negative: similar is not divergent)."""
    w_coverage: float = -1.3705
    """Per unit of coverage: the worst best-cosine of any chunk of either side
    against the other side's chunks, chunk pairs and sentence (a passage with
    no counterpart lowers it)."""
    w_length: float = 2.8517
    """Per unit of |log| of the length ratio, lengths divided by each
    language's ``LanguageData.relative_length``."""
    w_unmatched: float = 0.1925
    """Per content word, of either side, with no counterpart on the other
    side (see ``word_match``)."""
    w_entity: float = 0.9786
    """When there is an entity, speaker or pronoun finding."""
    w_content: float = 0.6629
    """When there is an omission or addition finding."""
    w_value: float = 8.0
    """When a figure's value changed (a number finding with a value on both
    sides).  Set by policy, not fitted: one changed value makes any pair
    divergent (see ``FIXED`` in benchmarks/fit_divergence.py)."""
    w_figure: float = 0.9761
    """When a figure is on one side only, or there is a date or time-scope finding."""
    w_polarity: float = 0.3126
    """When there is a negation, modality or qualifier finding."""
    chunk_match: float = 0.50
    """A chunk whose best counterpart (a chunk, or two adjacent chunks, of the
    other side) has a cosine below this is a candidate omission/addition."""
    chunk_gain: float = 0.015
    """...and it is reported only when removing it raises the similarity of
    its sentence to the other side by at least this much."""
    chunk_min_content: int = 2
    """...and only when it has at least this many content words."""
    entity_match: float = 0.65
    """Across languages, a name with no counterpart is the same name translated
    when its cosine to a word, name or short capitalised phrase of the other
    side reaches this ("Espagne" / "Spain" 0.95, "CEDH" / "ECHR" 0.80,
    "Old Norman" / "ancien normand" 0.71, "Bavaria" / "Bavière" 0.66) ...
    Different names score lower ("Taipei" / "Singapore" 0.44, "Obama" /
    "Biden" 0.55).  0.65 keeps DEMETR's entity recall (0.60 loses replaced
    names) and drops translated names reported as drift on REFreSD."""
    entity_match_spelled: float = 0.55
    """... or reaches this and one of its words is spelled alike in that
    phrase ("Iraq Study Group" / "groupe d'étude sur l'Irak": 0.59, Iraq ~ Irak)."""
    chunk_min_words: int = 3
    """Chunks shorter than this (in words) are merged into a neighbour."""
    word_match: float = 0.50
    """A content word (not a ``Words.function_words`` entry, three
    letters or more) has a counterpart when its cosine to some content word
    of the other side reaches this (the encoder embeds single words across
    languages: "lunes" / "moons" 0.93, "endorsements" / "publicités" 0.44).
    The words without one are the score's ``unmatched`` term."""
    word_spelled: float = 0.80
    """... or when the two words, case- and accent-folded, are at least this
    similar in spelling (rapidfuzz ``Indel`` normalised similarity):
    "Polanyi" / "Polányi", "Brandenburg" / "Brandebourg"."""

    def signature(self) -> str:
        parts = [f"v={SIGNATURE_VERSION}"] + [f"{k}={v}" for k, v in asdict(self).items()]
        return "drift|" + "|".join(parts)


DEFAULT_CONFIG = DriftConfig()


def fold(s: str) -> str:
    """Case- and accent-folded text with curly quotes made straight."""
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).casefold()


def quote(s: str | None) -> str:
    """A value as it appears in explanations."""
    return "nothing" if s is None else f"'{s}'"


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_LEXICAL = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
"""A word for the counterpart test: letters, hyphenated and apostrophe'd parts
kept together ("Saint-Saens", "aujourd'hui", "doesn't"), no digits."""
_QUOTE_MARKS = frozenset(QUOTE_OPENERS + QUOTE_CLOSERS + '"')
_OPENS = re.compile(r"(?:^|[.!?:;\"“”«»(\[]\s*|[-–—]\s+)$")


def opens_sentence(text: str, start: int) -> bool:
    """True when ``start`` begins a sentence, a quote, a parenthesis or a
    dashed line: a capitalised word there may be a common word."""
    return bool(_OPENS.search(text[max(0, start - 3) : start]))


_PUNCT_SPLIT = re.compile(r"[;:()\[\]—–«»\"“”]|,(?!\d)|\s-\s")


@lru_cache(maxsize=None)
def _tables(code: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    data = _lang.get(code)
    stop = frozenset(data.scopes.chunk_stopwords) | frozenset(data.numbers.unit_stopwords)
    markers = re.compile(r"\b(?:" + "|".join(data.scopes.clause_markers) + r")\b", re.IGNORECASE) if data.scopes.clause_markers else None
    return stop, markers


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    folded: str


@dataclass
class Side:
    """One side of a pair: the text and everything extracted from it.

    ``quantities``/``dates``/``entities`` have offsets into ``text``.  When
    they are not given they are extracted on first use.
    """

    text: str
    lang: str
    speaker: str | None = None
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
    def tokens(self) -> list[Token]:
        return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in _WORD.finditer(self.text)]

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
        for m in _LEXICAL.finditer(self.text):
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
    def chunks(self) -> list[tuple[int, int]]:
        """Sub-sentence chunks: spans between sentence ends, punctuation breaks
        and clause markers (``Scopes.clause_markers``); chunks shorter
        than ``chunk_min_words`` words are merged into their neighbour."""
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
            if e > s and _WORD.search(text[s:e]):
                raw.append((s, e))
        min_words = self.config.chunk_min_words

        def nwords(span: tuple[int, int]) -> int:
            return len(_WORD.findall(text[span[0] : span[1]]))

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
        return [c for c in self.chunks if len(_WORD.findall(self.text[c[0] : c[1]])) >= n]

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
        one-sentence text it is the text itself."""
        inside = [x for x in self.sentences if x[0] < span[1] and span[0] < x[1]]
        if len(self.sentences) < 2 or not inside:
            return self.without(span), self.text
        a, b = inside[0][0], inside[-1][1]
        return _tidy(self.text[a : span[0]] + " " + self.text[span[1] : b]), self.text[a:b]


def _tidy(text: str) -> str:
    """Runs of whitespace made one space, ends stripped."""
    return " ".join(text.split())


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


@dataclass(frozen=True)
class QuantityMatch:
    source: Quantity | None
    target: Quantity | None


def _kind_class(q: Quantity) -> str:
    return "cardinal" if q.kind == "money" else q.kind


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
        self.memo: dict[object, object] = {}
        """Scratch space for checks: what a check computes once per pair
        (keyed by the check), reused between its calls."""

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

    # --- shared analyses -------------------------------------------------------
    @cached_property
    def time_scopes(self) -> tuple[list[tuple[int, int, str, tuple[float, ...]]], ...]:
        from .checks.date import find_time_scopes

        return find_time_scopes(self.source), find_time_scopes(self.target)

    @cached_property
    def quantity_matches(self) -> list[QuantityMatch]:
        """Quantities of both sides matched greedily by closeness of value
        (relative difference), then of relative position.  Quantities inside a
        time-scope phrase ("ces cinq dernières années") are left to the
        time-scope check."""

        def usable(side: Side, scopes: list[tuple[int, int, str, tuple[float, ...]]]) -> list[Quantity]:
            return [q for q in side.quantities if not any(s <= q.start and q.end <= e for s, e, _, _ in scopes)]

        qs = usable(self.source, self.time_scopes[0])
        qt = usable(self.target, self.time_scopes[1])
        ls, lt = max(len(self.source.text), 1), max(len(self.target.text), 1)
        cands: list[tuple[float, float, int, int]] = []
        for i, a in enumerate(qs):
            for j, b in enumerate(qt):
                if _kind_class(a) != _kind_class(b):
                    continue
                big = max(abs(a.value), abs(b.value), 1e-12)
                dist = abs(a.value - b.value) / big
                pos = abs(a.start / ls - b.start / lt)
                cands.append((round(dist, 9), round(pos, 9), i, j))
        cands.sort()
        used_s: set[int] = set()
        used_t: set[int] = set()
        out: list[QuantityMatch] = []
        for _, _, i, j in cands:
            if i in used_s or j in used_t:
                continue
            used_s.add(i)
            used_t.add(j)
            out.append(QuantityMatch(qs[i], qt[j]))
        out += [QuantityMatch(q, None) for i, q in enumerate(qs) if i not in used_s]
        out += [QuantityMatch(None, q) for j, q in enumerate(qt) if j not in used_t]
        return out


class DriftCheck(ABC):
    """One kind of drift detection.

    Subclasses set ``name`` and ``drift_types`` and implement :meth:`check`
    (the findings of one pair) and :meth:`explain` (the one-sentence
    explanation of a finding from its type and values alone, so that a
    finding mirrored to the other orientation explains itself correctly).
    """

    name: ClassVar[str]
    drift_types: ClassVar[tuple[DriftType, ...]]
    needs_vectors: ClassVar[bool] = False

    @abstractmethod
    def check(self, pair: PairContext) -> list[Drift]:
        """The findings of this check for one pair."""

    @abstractmethod
    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        """One sentence explaining a finding of this check."""

    def texts_after(self, pair: PairContext) -> list[str]:
        """Texts this check will encode once the vectors of
        :meth:`PairContext.texts_to_encode` are known (the candidates of a
        leave-one-out test, say), so that many pairs batch them together.
        The default needs none."""
        return []

    def finding(
        self,
        type: DriftType,
        source_value: str | None,
        target_value: str | None,
        source_span: tuple[int, int] | None,
        target_span: tuple[int, int] | None,
        severity: str = "major",
    ) -> Drift:
        return Drift(
            type=type,
            source_value=source_value,
            target_value=target_value,
            source_span=source_span,
            target_span=target_span,
            explanation=self.explain(type, source_value, target_value),
            severity=severity,  # type: ignore[arg-type]
        )

    def __repr__(self) -> str:
        return f"<DriftCheck {self.name}>"
