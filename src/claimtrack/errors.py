"""Exceptions raised by claimtrack.

Every error the library raises on bad input derives from :class:`ClaimtrackError`,
so a pipeline can catch one type.  The CLI turns each of them into a one-line
message on standard error and a non-zero exit code (see ``claimtrack.cli``).

=========================  ==================================================
exception                  raised when
=========================  ==================================================
``InputError``             base class of the input problems below
``EmptyInputError``        the input has no text (empty, whitespace or zero-width only)
``BinaryInputError``       the bytes are not text (NUL bytes, control noise)
``DecodingError``          the bytes cannot be decoded with any encoding
``ArticleTooLargeError``   the input is larger than ``max_bytes``
``ArticleNotFoundError``   a path does not exist (also a ``FileNotFoundError``)
``RecordError``            a JSON Lines record is malformed
``UnsupportedLanguageError`` the article's language is not English or French
=========================  ==================================================
"""

from __future__ import annotations

__all__ = [
    "ClaimtrackError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "DecodingError",
    "ArticleTooLargeError",
    "ArticleNotFoundError",
    "RecordError",
    "UnsupportedLanguageError",
]


class ClaimtrackError(Exception):
    """Base class of every error claimtrack raises on purpose."""


class InputError(ClaimtrackError, ValueError):
    """The input cannot be read as an article."""


class EmptyInputError(InputError):
    """The input is empty or holds only whitespace and invisible characters (zero-width spaces, joiners)."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class DecodingError(InputError):
    """The input bytes cannot be decoded as text."""


class ArticleTooLargeError(InputError):
    """The input is larger than the configured ``max_bytes`` limit."""


class ArticleNotFoundError(InputError, FileNotFoundError):
    """A path given as input does not exist."""


class RecordError(InputError):
    """A JSON Lines record is malformed (bad JSON, missing ``text``, wrong types)."""


class UnsupportedLanguageError(ClaimtrackError):
    """The article is in a language claimtrack has no data for.

    Attributes:
        lang: the detected (or given) language code.
        supported: the codes claimtrack supports.
    """

    def __init__(self, lang: str, supported: tuple[str, ...], article_id: str | None = None) -> None:
        self.lang = lang
        self.supported = supported
        self.article_id = article_id
        where = f"article {article_id!r} " if article_id else "article "
        super().__init__(
            f"{where}is in language {lang!r}; supported languages: {', '.join(supported)}"
        )


# ----------------------------------------------------------------------------- the claim store


class StoreError(ClaimtrackError):
    """The claim store (:class:`claimtrack.store.Tracker`) cannot do what was asked.

    Raised when a path is not a claimtrack store (or none exists and
    ``create=False``), when the store was built with another embedder, other
    matching thresholds or another schema version, when an article id is
    already stored with a different text, and (as :class:`StoreBusyError`)
    when the store stays locked by another writer.
    """


class StoreBusyError(StoreError):
    """Another process kept the store locked longer than the timeout and retries allow."""


class ClusterNotFoundError(StoreError, LookupError):
    """No cluster has the id asked for."""

    def __str__(self) -> str:  # LookupError would quote the message like a KeyError
        return str(self.args[0]) if self.args else "cluster not found"


__all__ += ["StoreError", "StoreBusyError", "ClusterNotFoundError"]
