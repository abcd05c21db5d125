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
``DuplicateArticleError``  two articles of a batch have the same id
``UnsupportedLanguageError`` the article's language is not English or French
``UndetectedLanguageError``  too little evidence to tell the language (``und``)
=========================  ==================================================

Batches
-------
Every function that reads several records takes ``errors="stop"|"skip"|"report"``
(:data:`OnError`), as the CLI's ``--on-error``:

* ``stop`` (the default): the first bad record raises its error;
* ``skip``: a bad record is left out and the batch goes on;
* ``report``: as ``skip``, and one :class:`ErrorRecord` per bad record goes to
  ``error_file``: a callable receiving the record, or a text stream receiving
  its JSON line (default: standard error).

Only claimtrack's own errors (:class:`ClaimtrackError`) are handled so;
anything else (a bug, ``MemoryError``, ``KeyboardInterrupt``) always propagates.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import IO, Any, Literal, Union, cast

__all__ = [
    "ClaimtrackError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "DecodingError",
    "ArticleTooLargeError",
    "ArticleNotFoundError",
    "RecordError",
    "DuplicateArticleError",
    "UnsupportedLanguageError",
    "UndetectedLanguageError",
    "OnError",
    "ON_ERROR",
    "ErrorRecord",
    "ErrorSink",
    "ErrorPolicy",
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


class DuplicateArticleError(InputError):
    """Two articles of one batch (:func:`claimtrack.compare`) have the same id."""


class UnsupportedLanguageError(ClaimtrackError):
    """The article is in a language claimtrack has no data for.

    Attributes:
        lang: the detected (or given) language code.
        supported: the codes claimtrack supports.
    """

    def __init__(self, lang: str, supported: tuple[str, ...], article_id: str | None = None,
                 what: str | None = None) -> None:
        self.lang = lang
        self.supported = supported
        self.article_id = article_id
        where = what or (f"article {article_id!r}" if article_id else "article")
        super().__init__(
            f"{where} is in language {lang!r}; supported languages: {', '.join(supported)}"
        )

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (Dask ships errors between processes)
        return (_rebuild, (type(self), str(self), self.__dict__))


class UndetectedLanguageError(UnsupportedLanguageError):
    """The language of a text cannot be told: too little evidence (a few words,
    names and figures only, no letters).  Its ``lang`` is ``"und"``; give the
    language explicitly (``lang=``, ``source_lang=``, ``--lang``)."""

    def __init__(self, supported: tuple[str, ...], article_id: str | None = None, what: str | None = None) -> None:
        self.lang = "und"
        self.supported = supported
        self.article_id = article_id
        where = what or (f"article {article_id!r}" if article_id else "the text")
        ClaimtrackError.__init__(
            self,
            f"cannot tell the language of {where}: too little evidence; give its language "
            f"(supported languages: {', '.join(supported)})",
        )


def _rebuild(cls: type[ClaimtrackError], message: str, state: dict[str, Any]) -> ClaimtrackError:
    """Unpickle an error whose ``__init__`` takes other arguments than its message."""
    exc = cls.__new__(cls)
    Exception.__init__(exc, message)
    exc.__dict__.update(state)
    return exc


# ----------------------------------------------------------------------------- the error policy of batches

OnError = Literal["stop", "skip", "report"]
"""What a batch does with a bad record: raise, leave it out, or leave it out and report it."""

ON_ERROR: tuple[str, ...] = ("stop", "skip", "report")


@dataclass(frozen=True)
class ErrorRecord:
    """One bad input of a batch, as ``errors="report"`` gives it.

    Attributes:
        error: the exception's class name (``RecordError``, ``UnsupportedLanguageError`` ...).
        message: its one-line message.
        id: the record's id when it is known (an article id), else None.
        line: the 1-based line of a JSON Lines input, else None.
        input: the file (``"-"``: standard input) or the position in a batch
            (``"pair 3"``) the record comes from, when known.
    """

    error: str
    message: str
    id: str | None = None
    line: int | None = None
    input: str | None = None

    def to_json(self) -> str:
        """The record as one line of JSON (keys in a fixed order)."""
        return json.dumps(asdict(self), ensure_ascii=False)


ErrorSink = Union[Callable[[ErrorRecord], object], IO[str]]
"""Where reported records go: a callable, or a text stream receiving JSON lines."""


class ErrorPolicy:
    """Applies an :data:`OnError` policy: :meth:`handle` raises, drops or reports."""

    def __init__(self, errors: str = "stop", error_file: ErrorSink | None = None) -> None:
        if errors not in ON_ERROR:
            raise ValueError(f"errors must be one of {', '.join(ON_ERROR)}, not {errors!r}")
        self.errors: OnError = cast(OnError, errors)
        self.error_file = error_file
        self.count = 0

    @property
    def stops(self) -> bool:
        return self.errors == "stop"

    def handle(self, exc: ClaimtrackError, *, id: str | None = None, line: int | None = None,  # noqa: A002
               input: str | None = None) -> None:  # noqa: A002
        """Raise ``exc`` under ``stop``; otherwise count it and, under ``report``, report it."""
        if self.errors == "stop":
            raise exc
        self.count += 1
        if self.errors != "report":
            return
        record = ErrorRecord(error=type(exc).__name__, message=str(exc), id=id, line=line, input=input)
        sink = self.error_file if self.error_file is not None else sys.stderr
        if callable(sink):
            sink(record)
        else:
            sink.write(record.to_json() + "\n")
            sink.flush()


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
