"""Language identification: langdetect, seeded, restricted to the supported languages.

langdetect is random by design ("PyTorch" comes out ``en`` or ``vi`` across
runs).  claimtrack builds its own ``DetectorFactory`` instances (no global
state), seeds them, and restricts the decision between supported languages to
their profiles, which makes it deterministic across processes.

An article is detected once.  A sentence inherits its article's language
unless it has at least ``MIN_WORDS`` alphabetic words, more function words of
another supported language than of the article's, and langdetect confidently
(``>= SENTENCE_CONFIDENCE``) says that other language: an untranslated quote.

Articles whose function words are neither English nor French are checked
against all 55 langdetect profiles, so a German article is tagged ``de`` (and
later rejected by ``extract_claims``) instead of being forced into en/fr.
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from typing import Any

from .. import lang as _lang

__all__ = ["detect_language", "sentence_language", "SEED", "MIN_WORDS", "SENTENCE_CONFIDENCE"]

SEED = 0
"""Seed given to every langdetect detector."""
MIN_WORDS = 3
"""Alphabetic words a sentence needs before it may differ from its article."""
SENTENCE_CONFIDENCE = 0.95
"""langdetect probability needed to tag a sentence with another language."""
_FUNCTION_WORD_SHARE = 0.25
"""Share of tokens that must be function words of one supported language to
skip the all-profile check (English and French prose: 0.30-0.39; Spanish
against the French list: 0.19)."""
_MIN_WORDS_UNSUPPORTED = 8
"""Texts shorter than this are short: detected on the evidence rule of
:func:`_short_text`, or ``und``."""
_SHORT_TEXT_WORDS = 60
"""Below this many words function-word shares are too noisy: always check all profiles."""
_UNSUPPORTED_CONFIDENCE = 0.9
"""All-profile probability needed to tag a text with an unsupported language."""
_SHORT_UNSUPPORTED_CONFIDENCE = 0.99
"""All-profile probability a short text needs to be given a language on
langdetect's word alone (no function word decides)."""
_SHORT_MIN_LETTERS = 12
"""Letters a short text with no supported function word needs before it is
given any language ("Paris", "OK" are not)."""
_SAMPLE_CHARS = 1_200
"""Characters of an article handed to langdetect: its longest lines (prose,
not headers or bylines), in text order.  Accuracy is flat beyond ~1,000
characters, and the cost of langdetect grows with the sample."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_lock = threading.Lock()


@lru_cache(maxsize=None)
def _factory(langs: tuple[str, ...] | None) -> Any:
    """A seeded DetectorFactory holding only ``langs`` profiles (all when None)."""
    import langdetect
    from langdetect.detector_factory import DetectorFactory
    from langdetect.utils.lang_profile import LangProfile
    import json

    directory = os.path.join(os.path.dirname(langdetect.__file__), "profiles")
    names = sorted(os.listdir(directory)) if langs is None else list(langs)
    factory = DetectorFactory()
    for index, name in enumerate(names):
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            factory.add_profile(LangProfile(**json.load(handle)), index, len(names))
    factory.set_seed(SEED)
    return factory


class _Normaliser(dict[int, str]):
    """``str.translate`` table applying langdetect's per-character ``NGram.normalize``, filled lazily."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        value: str = NGram.normalize(chr(code))
        self[code] = value
        return value


_NORMALISE = _Normaliser()


def _word_ngrams(word: str, trailing: bool, known: dict[str, object]) -> tuple[str, ...]:
    """langdetect's n-grams of one space-free normalised word (and its trailing space)."""
    result: list[str] = []
    grams = " "
    capital = False
    for ch in word + " " if trailing else word:
        last = grams[-1]
        if last == " ":
            grams = " "
            capital = False
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        if ch != " " and ch in known:
            result.append(ch)
        size = len(grams)
        if size >= 2:
            if grams[-2:] in known:
                result.append(grams[-2:])
            if size >= 3 and grams in known:
                result.append(grams)
    return tuple(result)


_WORD_CACHE: dict[int, dict[tuple[str, bool], tuple[str, ...]]] = {}
_WORD_CACHE_MAX = 100_000


def _ngrams(text: str, known: dict[str, object]) -> list[str]:
    """langdetect's ``Detector._extract_ngrams``, same output, several times faster.

    The library normalises and buffers one character at a time through an
    ``NGram`` object.  Its state resets at every (normalised) space, so the
    n-grams of a text are those of its words in order: this normalises the
    text with one ``str.translate`` call, splits it on spaces and memoises the
    n-grams of each word (bounded cache per profile set).  A property test
    checks the output against the library.
    """
    cache = _WORD_CACHE.setdefault(id(known), {})
    if len(cache) > _WORD_CACHE_MAX:
        cache.clear()
    words = text.translate(_NORMALISE).split(" ")
    last = len(words) - 1
    result: list[str] = []
    for i, word in enumerate(words):
        if not word:
            continue
        key = (word, i < last)
        grams = cache.get(key)
        if grams is None:
            grams = cache[key] = _word_ngrams(word, i < last, known)
        result.extend(grams)
    return result


def _probabilities(text: str, langs: tuple[str, ...] | None) -> dict[str, float]:
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:  # Detector objects are cheap; the factory tables are shared read-only.
        detector = _factory(langs).create()
    detector.append(text)
    detector._extract_ngrams = lambda: _ngrams(detector.text, detector.word_lang_prob_map)  # noqa: SLF001
    try:
        return {p.lang: p.prob for p in detector.get_probabilities()}
    except LangDetectException:  # no usable features (digits, punctuation only)
        return {}


def _function_word_counts(words: list[str]) -> dict[str, int]:
    counts = {}
    for code in _lang.SUPPORTED:
        stop = _lang.get(code).words.common_words
        counts[code] = sum(1 for w in words if w in stop)
    return counts


def _sample(text: str) -> str:
    """The longest lines of ``text`` up to :data:`_SAMPLE_CHARS`, in text order."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    lines = text.split("\n")
    order = sorted(range(len(lines)), key=lambda i: (-len(lines[i]), i))
    chosen: list[int] = []
    total = 0
    for i in order:
        if total >= _SAMPLE_CHARS:
            break
        chosen.append(i)
        total += len(lines[i]) + 1
    return "\n".join(lines[i] for i in sorted(chosen))[: _SAMPLE_CHARS * 2]


def _best(probs: dict[str, float]) -> str | None:
    """The most probable code (ties: the greater code), None when there is none."""
    return max(probs, key=lambda k: (probs[k], k)) if probs else None


def _base(code: str) -> str:
    """langdetect's ``zh-cn`` / ``zh-tw`` as the base language ``zh``."""
    return code.split("-", 1)[0]


_OWN_SCRIPT: dict[str, tuple[str, ...]] = {"ko": ("HANGUL",), "ja": ("HIRAGANA", "KATAKANA")}
"""langdetect's Korean and Japanese profiles hold Han characters: a short text
of Han characters alone comes out ``ko`` or ``ja``.  Without a letter of the
language's own script it is Chinese."""


def _script_fix(code: str, text: str) -> str:
    script = _OWN_SCRIPT.get(code)
    if script is None:
        return code
    import unicodedata

    if any(unicodedata.name(ch, "").startswith(script) for ch in text if ch.isalpha()):
        return code
    return "zh"


def _short_text(words: list[str], counts: dict[str, int], sample: str) -> tuple[str, float]:
    """The language of a text of fewer than :data:`_MIN_WORDS_UNSUPPORTED`
    words, or ``("und", 0.0)`` when the evidence is too thin to say.

    A text with supported function words is the supported language with
    the most of them (ties go to the restricted detector when it is sure).
    A text with none needs at least :data:`_SHORT_MIN_LETTERS` letters and
    an all-profile probability of :data:`_SHORT_UNSUPPORTED_CONFIDENCE`
    ("Nearly 2,400 workers." is ``en``, "Paris" and "Prices rose 3%."
    are ``und``), unless it has no feature of any supported language at all
    (another script: Chinese, Arabic), when the all-profile answer stands.  A text with supported function
    words in under a third of its words, which the all-profile detector
    confidently gives another language, is that language
    ("Er wohnt in Berlin")."""
    everything = _probabilities(sample, None)
    best_all = _best(everything)
    p_all = everything.get(best_all, 0.0) if best_all else 0.0
    unsupported = best_all is not None and not _lang.is_supported(_base(best_all))
    top = max(counts.values())
    if top == 0:
        if best_all is not None and not _probabilities(sample, _lang.SUPPORTED):
            return _script_fix(_base(best_all), sample), round(p_all, 6)  # another script entirely
        letters = sum(len(w) for w in words)
        if best_all and p_all >= _SHORT_UNSUPPORTED_CONFIDENCE and letters >= _SHORT_MIN_LETTERS:
            return _base(best_all), round(p_all, 6)
        return "und", 0.0
    if unsupported and best_all and p_all >= _SHORT_UNSUPPORTED_CONFIDENCE and 3 * top < len(words):
        return _base(best_all), round(p_all, 6)
    leaders = [c for c in counts if counts[c] == top]
    restricted = _probabilities(sample, _lang.SUPPORTED)
    if len(leaders) > 1:
        sure = [c for c in leaders if restricted.get(c, 0.0) >= _UNSUPPORTED_CONFIDENCE]
        if len(sure) != 1:
            return "und", 0.0
        leaders = sure
    return leaders[0], round(restricted.get(leaders[0], 0.0), 6)


def detect_language(text: str) -> tuple[str, float]:
    """Detect the language of a whole article.

    Returns:
        ``(code, probability)``. ``code`` is ``en`` or ``fr`` for supported
        text, or another ISO 639-1 base code (``de``, ``es``, ``zh`` ...) for
        an article in an unsupported language; ``und`` (probability 0.0) when
        the text has no letters or too little evidence: a text of fewer than
        8 words is given a language only on the evidence
        :func:`_short_text` describes (function words, or a confident
        all-language detection), never by forcing a choice between the
        supported languages.

    Deterministic: the same text gives the same answer in every process.
    Cost: one pass over the lines, then langdetect on a sample of about
    1,200 characters (the longest lines).
    """
    sample = _sample(text)
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "und", 0.0
    counts = _function_word_counts(words)
    if len(words) < _MIN_WORDS_UNSUPPORTED:
        return _short_text(words, counts, sample)
    weak = max(counts.values()) < _FUNCTION_WORD_SHARE * len(words) or len(words) < _SHORT_TEXT_WORDS
    everything: dict[str, float] | None = None
    if weak:
        everything = _probabilities(sample, None)
        best = _best(everything)
        if best is not None and not _lang.is_supported(_base(best)) and everything[best] >= _UNSUPPORTED_CONFIDENCE:
            return _base(best), round(everything[best], 6)
    probs = _probabilities(sample, _lang.SUPPORTED)
    if not probs:  # no feature of any supported language (another script)
        if everything is None:
            everything = _probabilities(sample, None)
        best = _best(everything)
        if best is not None and not _lang.is_supported(_base(best)):
            return _script_fix(_base(best), sample), round(everything[best], 6)
        return "und", 0.0
    best = max(probs, key=lambda k: (probs[k], k))
    return best, round(probs[best], 6)


def sentence_language(text: str, article_lang: str) -> str:
    """The language of one sentence of an article in ``article_lang``.

    The sentence inherits ``article_lang`` unless it has at least
    :data:`MIN_WORDS` alphabetic words, more function words of another
    supported language than of ``article_lang``, and langdetect gives that
    language a probability of at least :data:`SENTENCE_CONFIDENCE`.
    Names, numbers and headers carry no language signal and never flip.
    """
    if article_lang not in _lang.SUPPORTED:
        return article_lang
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return article_lang
    counts = _function_word_counts(words)
    other = max((c for c in counts if c != article_lang), key=lambda c: (counts[c], c), default=None)
    if other is None or counts[other] <= counts[article_lang]:
        return article_lang
    probs = _probabilities(text, _lang.SUPPORTED)
    if probs.get(other, 0.0) >= SENTENCE_CONFIDENCE:
        return other
    return article_lang
