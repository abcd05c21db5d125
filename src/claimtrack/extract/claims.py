"""Articles to language-tagged claims.

:func:`extract_claims` runs the first half of the pipeline on one article:

1. reject an unsupported language (:class:`~claimtrack.errors.UnsupportedLanguageError`);
2. ``segment.layout``: furniture lines out, prose split into sentences;
3. ``attribution.analyse``: quotation regions, claim kinds, speakers;
4. ``quotes.find_quotes``: the direct quotations with their spans, cues and
   speakers; a claim holds those inside it (``Claim.quotes``) and is a
   ``quote`` when most of its words are quoted (the attribution aside);
5. per sentence: quantities, dates (anchored on ``article.published``) and
   entities, all with offsets into ``article.text``.

One claim per prose sentence.  Claim ids are ``<article id>:<10 hex digits of
the sentence's sha1>`` (with ``-2``, ``-3`` ... for a sentence repeated in the
same article), so the same article text gives the same ids in every process.

Cost: linear in the length of the article (a constant number of regex scans
per sentence, each linear whatever the text holds), about 2.4 KB of memory
per claim.  An article longer than ``max_chars`` (default
:data:`MAX_ARTICLE_CHARS`, read_article's own limit) is refused before any
work.  Pure function: no global state, safe across processes.
"""

from __future__ import annotations

import hashlib

from .. import lang as _lang
from .attribution import analyse
from .dates import extract_dates
from .entities import capitalised_words, extract_entities
from ..errors import ArticleTooLargeError, UndetectedLanguageError, UnsupportedLanguageError
from ..models import Article, Claim
from .quantities import extract_quantities
from .quotes import find_quotes, find_quotes_carried, quoted_kind, quotes_by_sentence
from .segmentation import layout
from ..models import Quote

__all__ = ["extract_claims", "extract_quotes", "MAX_ARTICLE_CHARS"]

MAX_ARTICLE_CHARS = 16 * 1024 * 1024
"""Longest article text (characters) :func:`extract_claims` reads by default:
``read_article``'s ``DEFAULT_MAX_BYTES``, so an article it read always fits."""


def _claim_id(article_id: str, text: str, seen: dict[str, int]) -> str:
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    count = seen.get(digest, 0) + 1
    seen[digest] = count
    return f"{article_id}:{digest}" if count == 1 else f"{article_id}:{digest}-{count}"


def _check_language(article: Article) -> None:
    if not _lang.is_supported(article.lang):
        if article.lang == "und":
            raise UndetectedLanguageError(_lang.SUPPORTED, article.source or article.id)
        raise UnsupportedLanguageError(article.lang, _lang.SUPPORTED, article.source or article.id)


def extract_quotes(article: Article) -> list[Quote]:
    """The direct quotations of ``article``, in text order
    (:class:`~claimtrack.models.Quote`: content spans without the marks,
    ``partial``, cue and speaker).

    >>> import claimtrack as ct
    >>> article = ct.read_article('"We will appeal," Okonjo said.', lang="en")
    >>> [(q.text, q.speaker.name, q.cue.text) for q in ct.extract_quotes(article)]
    [('We will appeal', 'Okonjo', 'said')]

    Raises:
        UnsupportedLanguageError: as :func:`extract_claims`.
    """
    _check_language(article)
    return find_quotes(article.text, layout(article).sentences, article.lang, article.id)


def extract_claims(article: Article, *, max_chars: int | None = MAX_ARTICLE_CHARS) -> list[Claim]:
    """The claims of ``article``, in text order.

    Each claim is one prose sentence with its ``kind`` (``statement``,
    ``quote`` or ``reported``), ``speaker`` (mention and resolved name),
    ``quantities``, ``dates`` and ``entities``; every span indexes
    ``article.text`` end-exclusively.

    ``max_chars``: the longest text read (None: no limit).

    Raises:
        UnsupportedLanguageError: the article is not in English or French
            (its ``lang`` says which language it is in).
        UndetectedLanguageError: its language could not be told (``und``:
            too little text, no letters); a subclass of the above.
        ArticleTooLargeError: the text is longer than ``max_chars``
            (checked before any work).
    """
    if max_chars is not None and len(article.text) > max_chars:
        raise ArticleTooLargeError(
            f"article {article.source or article.id!r} is {len(article.text):,} characters, over the limit of "
            f"{max_chars:,}; pass a larger max_chars= to extract it"
        )
    _check_language(article)
    text = article.text
    sentences = layout(article).sentences
    attribution = analyse(text, sentences, article.lang)
    quotes, carried = find_quotes_carried(text, sentences, article.lang, article.id)
    held = quotes_by_sentence(quotes, sentences)
    known = capitalised_words(text)
    persons = set(attribution.persons)
    for speaker in attribution.speakers:
        if speaker is not None and speaker.name and speaker.via != "context":
            persons.add(speaker.name)
    seen: dict[str, int] = {}
    claims: list[Claim] = []
    for sentence, kind, quote_id, speaker, inside in zip(
        sentences, attribution.kinds, attribution.quote_ids, attribution.speakers, held
    ):
        if kind == "frame":  # "Elle déclare :" only introduces the next quote
            continue
        code = sentence.lang if _lang.is_supported(sentence.lang) else article.lang
        dates = extract_dates(sentence.text, code, article.published, offset=sentence.start,
                              date_order=article.date_order)
        quantities = extract_quantities(
            sentence.text, code, offset=sentence.start, exclude=[(d.start, d.end) for d in dates]
        )
        entities = extract_entities(sentence.text, code, offset=sentence.start, known=known, persons=persons)
        if kind != "quote" and quoted_kind(text, sentence.start, sentence.end, inside):
            kind = "quote"  # "We will appeal," Okonjo said.
        # a speaker carried from a quotation paragraphs before is a reader's guess: not the claim's
        whole = [q for q in inside if not q.partial and not any(a < q.end and q.start < b for a, b in carried)]
        if speaker is None and kind == "quote" and whole:
            # the sentence's own attribution comes first; a partial quote's speaker
            # is that of the quoted words, not of the reporter's sentence around them
            speaker = whole[0].speaker
        claims.append(
            Claim(
                id=_claim_id(article.id, sentence.text, seen),
                article_id=article.id,
                lang=sentence.lang,
                text=sentence.text,
                start=sentence.start,
                end=sentence.end,
                kind=kind,  # type: ignore[arg-type]
                speaker=speaker,
                quantities=tuple(quantities),
                dates=tuple(dates),
                entities=tuple(entities),
                sentence_index=sentence.index,
                quote_id=quote_id,
                quotes=inside,
            )
        )
    return claims
