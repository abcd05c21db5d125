"""The ``claimtrack`` command line; it mirrors the Python API.

::

    claimtrack claims FILE... [--text TEXT] [--format table|json|jsonl] [--lang en|fr|fr-CA...] [--published DATE] [--date-order dmy|mdy]
                      [--furniture] [--on-error stop|skip|report] [--error-file PATH]
    claimtrack quotes FILE... [--text TEXT] [--format table|json|jsonl] [--lang ...] [--published DATE]
                      [--on-error stop|skip|report] [--error-file PATH]
    claimtrack compare FILE... [--text TEXT] [--format table|json|html] [--lang ...] [--published DATE]
                       [--min-confidence P] [--on-error ...] [--error-file PATH]
    claimtrack diff SOURCE TARGET [--source-lang en|fr] [--target-lang en|fr] [--threshold T] [--min-confidence P]
                    [--format table|json|jsonl] [--fail-on minor|major|critical]
    claimtrack diff --pairs FILE|- [--format jsonl|json|table] [--threshold T] [--min-confidence P] [--fail-on ...]
                    [--on-error stop|skip|report] [--error-file PATH]
    claimtrack schema
    claimtrack track add FILE... --db PATH | track report --db PATH | track show CLUSTER --db PATH
    claimtrack track find TEXT --db PATH [-k K] [--min-similarity S]
    claimtrack track quotes --db PATH [--speaker NAME] [--lang L] [--drift-type T] [--format table|json|jsonl|html]

Every command takes ``--quiet`` (``-q``: no warnings, no progress; errors
still show) and ``--verbose`` (``-v``: progress messages too), before or after
the command name; warnings and progress come from the ``claimtrack`` logger.

``compare`` and ``diff`` show the findings whose confidence reaches
``--min-confidence`` (default: the cut chosen for a precision of 0.9;
``0`` shows every candidate).  ``compare``, ``diff`` and the ``track`` commands take ``--embedder module:attribute`` to
use a sentence encoder of your own (see :class:`claimtrack.Embedder`).

``FILE`` is a text, HTML or JSON Lines file, or ``-`` for JSON Lines records on
standard input (``{"id", "text", "lang"?, "source"?, "published"?}``).  A
``FILE`` is always a path (a missing one is an error); ``--text`` gives an
article's text itself.  Text given on the command line must be UTF-8.

``--on-error`` (``claims``, ``quotes``, ``compare``, ``track add``, ``diff --pairs``): a bad
record ends the command (``stop``, the default, after writing everything
before it), is left out (``skip``), or is left out with one JSON error record
``{"error", "message", "id", "line", "input"}`` on standard error or appended to
``--error-file`` (``report``); ``skip`` and ``report`` exit 0.

``--format json`` writes one JSON object, ``{"claimtrack": "<version>", ...}``
(:func:`claimtrack.outputs.envelope`); ``--format jsonl`` writes one bare
record per line.  Tables fit the terminal's width (``COLUMNS`` when set).

Exit codes: 0 success; 1 ``diff --fail-on LEVEL`` found a finding of that
severity or worse; 2 bad usage; 3 unreadable input (missing, empty, binary,
undecodable, too large, malformed record, store errors, a full disk); 4
unsupported or undetectable language; 130 interrupted.  Errors are one line
on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import math
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from ._version import __version__
from .errors import (
    ON_ERROR,
    ClaimtrackError,
    DecodingError,
    ErrorPolicy,
    InputError,
    RecordError,
    UnsupportedLanguageError,
)
from .lang import SUPPORTED
from .models import Article, Claim
from .outputs import envelope, json_schema
from .report.text import claims_table, cluster_table, diff_table, furniture_table, hits_table, quotes_table

__all__ = ["main", "EXIT_DRIFT", "EXIT_INPUT", "EXIT_LANGUAGE", "SEVERITIES"]

EXIT_DRIFT = 1
EXIT_INPUT = 3
EXIT_LANGUAGE = 4

SEVERITIES = ("minor", "major", "critical")
"""Drift severities, mildest first: ``diff --fail-on major`` fails on a major or a critical finding."""


def _shown(arg: str) -> str:
    """A command-line argument as text that can be printed: bytes that are not
    UTF-8 (kept by Python as lone surrogates) become ``\\xNN`` escapes."""
    return os.fsencode(arg).decode("utf-8", "backslashreplace")


def _literal(arg: str, what: str) -> str:
    """A command-line argument read as text; one that is not UTF-8 is a
    :class:`~claimtrack.errors.DecodingError` (the bytes cannot be told apart
    from another encoding on a few words)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DecodingError(
            f"{what} is not valid UTF-8 (at character {exc.start + 1}: {_shown(arg[exc.start:exc.start + 1])}); "
            "pass UTF-8 text, or put the text in a file (files in legacy encodings are decoded)"
        ) from None
    return arg


def _is_stream(path: str) -> bool:
    return path == "-" or path.endswith((".jsonl", ".ndjson"))


def _policy(args: argparse.Namespace) -> ErrorPolicy:
    """The --on-error policy of a command; its --error-file is opened (for
    appending) here and closed by :func:`main`."""
    on_error = getattr(args, "on_error", "stop")
    error_file = getattr(args, "error_file", None)
    if error_file is not None and on_error != "report":
        raise _Usage("--error-file needs --on-error report")
    sink: TextIO = sys.stderr
    if error_file is not None:
        sink = open(error_file, "a", encoding="utf-8", errors="backslashreplace")
        args._opened.append(sink)
    return ErrorPolicy(on_error, sink)


def _articles(args: argparse.Namespace, policy: ErrorPolicy) -> Iterator[tuple[int | None, str, Article]]:
    """(line, input, article) of every FILE argument and --text, in order,
    with ``--date-order`` applied (see :func:`_inputs`)."""
    order = getattr(args, "date_order", None)
    for line, name, article in _inputs(args, policy):
        yield line, name, article.model_copy(update={"date_order": order}) if order else article


def _inputs(args: argparse.Namespace, policy: ErrorPolicy) -> Iterator[tuple[int | None, str, Article]]:
    """(line, input, article) of every FILE argument and --text, in order.

    A FILE argument is always a path (``-``: JSON Lines on standard input);
    ``--text`` gives an article's text itself.  A bad input (missing file, bad
    record, ...) goes to ``policy``."""
    from pathlib import Path

    from .ingest import DEFAULT_MAX_BYTES, parse_published, read_article
    from .ingest import numbered_articles
    from .ingest.build import build_article, language_tag

    anchor = parse_published(args.published, "--published")
    lang, region = language_tag(args.lang, "--lang") if args.lang is not None else (None, None)

    for path in args.files:
        name = _shown(path)
        if _is_stream(path):
            try:
                stream = numbered_articles(path, DEFAULT_MAX_BYTES, DEFAULT_MAX_BYTES, policy)
            except ClaimtrackError as exc:
                policy.handle(exc, input=name)
                continue
            for number, article in stream:
                updates: dict[str, Any] = {}
                if lang and (article.lang != lang or article.region != region):
                    updates.update(lang=lang, region=region, lang_confidence=None)
                if anchor is not None and article.published is None:
                    updates["published"] = anchor
                yield number, name, article.model_copy(update=updates) if updates else article
        else:
            try:
                article = read_article(Path(path), lang=args.lang, published=args.published,
                                       source=name if name != path else None)
            except ClaimtrackError as exc:
                policy.handle(exc, input=name)
                continue
            yield None, name, article
    for k, text in enumerate(getattr(args, "text", None) or [], 1):
        what = f"--text argument {k}"
        try:
            article = build_article(_literal(text, what), what=what, article_id=None, lang=args.lang, source=None,
                                    published=args.published, encoding=None, html=False, max_bytes=DEFAULT_MAX_BYTES)
        except ClaimtrackError as exc:
            policy.handle(exc, input=what)
            continue
        yield None, what, article


def _claims_of(
    args: argparse.Namespace, policy: ErrorPolicy, distinct: bool = False
) -> Iterator[tuple[Article, list[Claim]]]:
    """Each readable article of the command's inputs with its claims; an
    article whose claims cannot be extracted (unsupported or undetected
    language), or whose id was already seen when ``distinct``, goes to ``policy``."""
    from .errors import DuplicateArticleError
    from .extract.claims import extract_claims

    seen: dict[str, str] = {}
    for line, name, article in _articles(args, policy):
        try:
            if distinct and article.id in seen:
                raise DuplicateArticleError(
                    f"{name}{f', line {line}' if line else ''}: article {article.id!r} is already given "
                    f"({seen[article.id]}); article ids must be distinct"
                )
            claims = extract_claims(article)
        except ClaimtrackError as exc:
            policy.handle(exc, id=article.id, line=line, input=name)
            continue
        seen[article.id] = name + (f", line {line}" if line else "")
        yield article, claims


def _cmd_claims(args: argparse.Namespace, out: TextIO) -> int:
    from .extract.segmentation import find_furniture

    rows: list[tuple[Article, list[Claim]]] = []
    for article, claims in _claims_of(args, _policy(args)):
        if args.format == "jsonl":  # stream: one claim per line, nothing held
            for claim in claims:
                out.write(claim.model_dump_json() + "\n")
            continue
        rows.append((article, claims))
    if args.format == "table":
        out.write(claims_table(rows))
        if args.furniture:
            for article, _ in rows:
                out.write(furniture_table(article, find_furniture(article)))
    elif args.format == "json":
        payload = envelope(
            articles=[
                {
                    "article": article.model_dump(mode="json"),
                    "claims": [c.model_dump(mode="json") for c in claims],
                    **(
                        {"furniture": [f.model_dump(mode="json") for f in find_furniture(article)]}
                        if args.furniture
                        else {}
                    ),
                }
                for article, claims in rows
            ],
        )
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return 0


def _cmd_quotes(args: argparse.Namespace, out: TextIO) -> int:
    """``claimtrack quotes``: the direct quotations of each article (``ct.extract_quotes``)."""
    from .extract.claims import extract_quotes
    from .models import Quote

    policy = _policy(args)
    rows: list[tuple[Article, list[Quote]]] = []
    for line, name, article in _articles(args, policy):
        try:
            quotes = extract_quotes(article)
        except ClaimtrackError as exc:
            policy.handle(exc, id=article.id, line=line, input=name)
            continue
        if args.format == "jsonl":  # stream: one quotation per line
            for q in quotes:
                out.write(q.model_dump_json() + "\n")
            continue
        rows.append((article, quotes))
    if args.format == "table":
        out.write(quotes_table(rows))
    elif args.format == "json":
        _dump(envelope(articles=[
            {"article": article.model_dump(mode="json"), "quotes": [q.model_dump(mode="json") for q in quotes]}
            for article, quotes in rows
        ]), out)
    return 0


def _cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from .comparison import compare
    from .report.html import html_comparison
    from .report.text import comparison_table

    embedder = _embedder(args)
    read = list(_claims_of(args, _policy(args), distinct=True))
    if not read:
        raise InputError("no article to compare: every input was bad")
    comparison = compare(*(a for a, _ in read), claims={a.id: c for a, c in read}, claims_extracted=True,
                         embedder=embedder, min_confidence=args.min_confidence)
    if args.format == "json":
        _dump(envelope(comparison=_lazy_dump(comparison, "claims")), out)
    elif args.format == "html":
        out.write(html_comparison(comparison))
    else:
        out.write(comparison_table(comparison))
    return 0


_PAIR_BATCH = 256  # pairs of a --pairs stream encoded per batch (memory follows the batch, not the file)


def _pair_fields(rec: dict[str, Any], at: str) -> tuple[str, str, str | None, str | None]:
    """source, target, source_lang, target_lang of one ``--pairs`` record."""
    source, target = rec.get("source"), rec.get("target")
    if not isinstance(source, str) or not isinstance(target, str):
        raise RecordError(f"{at}: 'source' and 'target' must be strings")
    sl, tl = rec.get("source_lang"), rec.get("target_lang")
    if not (sl is None or isinstance(sl, str)) or not (tl is None or isinstance(tl, str)):
        raise RecordError(f"{at}: 'source_lang' and 'target_lang' must be strings")
    return source, target, sl, tl


def _cmd_diff(args: argparse.Namespace, out: TextIO) -> int:
    from .drift import diff

    if args.pairs is None:
        if args.source is None or args.target is None:
            raise _Usage("give SOURCE and TARGET, or --pairs FILE")
        d = diff(_literal(args.source, "SOURCE"), _literal(args.target, "TARGET"), args.source_lang,
                 args.target_lang, threshold=args.threshold, min_confidence=args.min_confidence,
                 embedder=_embedder(args))
        if args.format == "json":
            _dump(envelope(diff=d.model_dump(mode="json")), out)
        elif args.format == "jsonl":
            out.write(d.model_dump_json() + "\n")
        else:
            out.write(diff_table(d))
        return _fail_code(args, [d])
    if args.source is not None:
        raise _Usage("give SOURCE and TARGET or --pairs FILE, not both")
    return _diff_pairs(args, out)


def _diff_pairs(args: argparse.Namespace, out: TextIO) -> int:
    """``diff --pairs``: results in input order, written batch by batch; a bad
    record goes to the --on-error policy, and under ``stop`` every result
    before it is written before the error ends the command."""
    from .drift import check_pair, diff_many
    from .ingest import read_json_lines

    policy = _policy(args)
    embedder = _embedder(args)
    name = _shown(args.pairs)
    where = "standard input" if args.pairs == "-" else repr(name)
    everything: list[Any] = []
    batch: list[tuple[str, str, str, str]] = []
    failed = [0]

    def flush() -> None:
        # one batched call per language pair; results written in input order
        groups: dict[tuple[str, str], list[int]] = {}
        for k, (_, _, sl, tl) in enumerate(batch):
            groups.setdefault((sl, tl), []).append(k)
        results: list[Any] = [None] * len(batch)
        for (sl, tl), ks in groups.items():
            got = diff_many([(batch[k][0], batch[k][1]) for k in ks], sl, tl, threshold=args.threshold,
                            min_confidence=args.min_confidence, embedder=embedder)
            for k, d in zip(ks, got):
                results[k] = d
        failed[0] = failed[0] or _fail_code(args, results)
        for d in results:
            if args.format == "json":
                everything.append(d.model_dump(mode="json"))
            elif args.format == "table":
                out.write(diff_table(d))
                out.write("\n")
            else:
                out.write(d.model_dump_json() + "\n")
        out.flush()
        batch.clear()

    try:
        for number, rec in read_json_lines(_path_arg(args.pairs), errors=policy.errors, error_file=policy.error_file):
            at = f"{where}, line {number}"
            try:
                s, t, sl, tl = _pair_fields(rec, at)
                sl, tl = check_pair(s, t, sl or args.source_lang, tl or args.target_lang, f"{at}: ")
            except ClaimtrackError as exc:
                policy.handle(exc, id=_record_id(rec), line=number, input=name)
                continue
            batch.append((s, t, sl, tl))
            if len(batch) >= _PAIR_BATCH:
                flush()
    except ClaimtrackError:
        flush()  # every good pair before the bad line is written
        if args.format == "json":
            _dump(envelope(diffs=everything), out)
        raise
    flush()
    if args.format == "json":
        _dump(envelope(diffs=everything), out)
    return failed[0]


def _dump(payload: dict[str, Any], out: TextIO) -> None:
    """One JSON document (an :func:`~claimtrack.outputs.envelope`), indented, newline-terminated.

    Indented, so :func:`json.dump` runs its Python encoder, which streams the
    document in pieces and reads a :class:`_Dumped` list item by item."""
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


class _Dumped(list):  # type: ignore[type-arg]
    """Models as the JSON values ``model_dump(mode="json")`` gives, each made
    when :func:`_dump` reaches it, so that a document of 140,000 claims (a
    15 MB article compared) never holds 140,000 dicts at once.  The
    indented :func:`json.dump` asks a list whether it is empty, then iterates
    it; the list itself stays empty (the C encoder, which reads a list's
    items directly, runs only without indentation)."""

    def __init__(self, models: Sequence[Any]) -> None:
        super().__init__()
        self._models = models

    def __iter__(self) -> Iterator[Any]:
        return (m.model_dump(mode="json") for m in self._models)

    def __len__(self) -> int:
        return len(self._models)

    def __bool__(self) -> bool:
        return bool(self._models)


def _lazy_dump(model: Any, field: str) -> dict[str, Any]:
    """``model.model_dump(mode="json")`` with the list ``field`` dumped item
    by item as it is written (:class:`_Dumped`); the same JSON, key for key."""
    rest = model.model_dump(mode="json", exclude={field})
    return {k: _Dumped(getattr(model, k)) if k == field else rest[k]
            for k in type(model).model_fields if k == field or k in rest}


def _fail_code(args: argparse.Namespace, diffs: Sequence[Any]) -> int:
    """:data:`EXIT_DRIFT` when ``--fail-on LEVEL`` is given and a reported
    finding (``PairDiff.drift``, after ``--min-confidence``) of one of ``diffs``
    is that severe or worse; else 0."""
    level = getattr(args, "fail_on", None)
    if level is None:
        return 0
    worst = SEVERITIES.index(level)
    hit = any(SEVERITIES.index(f.severity) >= worst for d in diffs if d is not None for f in d.drift)
    return EXIT_DRIFT if hit else 0


def _path_arg(arg: str) -> Any:
    """A FILE argument for the readers: ``-`` as is, a path as a ``Path``."""
    from pathlib import Path

    return arg if arg == "-" else Path(arg)


def _record_id(rec: dict[str, Any]) -> str | None:
    from .ingest.jsonl import record_id

    return record_id(rec)


class _Usage(Exception):
    """Bad usage found after parsing (exit 2, like argparse's own errors)."""


class _StoreWriteFailed(Exception):
    """``track add`` could not write (disk full, I/O error): one line, and the
    store keeps every article added before."""

    def __init__(self, exc: BaseException, article_id: str, added: int, db: str) -> None:
        cause = str(exc) or type(exc).__name__
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "disk is full" in cause:
            cause = "the disk is full"
        super().__init__(
            f"cannot write article {article_id!r} to {db!r}: {cause}; the store is intact and keeps the "
            f"{added} article{'s' if added != 1 else ''} added before it: free space and run the command again "
            "to resume"
        )


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    """The JSON Schema of every output model (:func:`claimtrack.outputs.json_schema`)."""
    json.dump(json_schema(), out, indent=2)
    out.write("\n")
    return 0



# ----------------------------------------------------------------------------- claimtrack track (the claim store)


class _Progress:
    """A one-line progress display on standard error, shown only when it is a
    terminal (quiet in pipes, files and tests); redrawn at most 10 times a second."""

    def __init__(self, total: int | None, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = not quiet and bool(getattr(self.stream, "isatty", lambda: False)())
        self.total = total
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def update(self, done: int, note: str, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        if self.total:
            width = 24
            fill = int(width * min(done, self.total) / self.total)
            bar = f"[{'#' * fill}{'.' * (width - fill)}] {done}/{self.total}"
        else:
            bar = f"{done} articles"
        self.stream.write(f"\r\033[K{bar}  {rate:.1f}/s  {note}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _tracker(args: argparse.Namespace, create: bool = False) -> Any:
    from .store import Tracker

    return Tracker(args.db, create=create, embedder=_embedder(args))


def _embedder(args: argparse.Namespace) -> Any:
    """The encoder named by ``--embedder module:attribute`` (an Embedder, or a
    class or function returning one), or None for the default encoder."""
    spec = getattr(args, "embedder", None)
    if spec is None:
        return None
    from importlib import import_module

    from .embed import Embedder

    module, _, attr = spec.partition(":")
    if not module or not attr:
        raise _Usage(f"--embedder takes module:attribute, got {spec!r}")
    try:
        obj = getattr(import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise _Usage(f"--embedder {spec!r}: {exc}") from None
    if isinstance(obj, type) or (not isinstance(obj, Embedder) and callable(obj)):
        try:
            obj = obj()  # a class, or a factory function
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # SystemExit too: sys:exit must not end the command quietly
            raise _Usage(f"--embedder {spec!r}: calling it raised {type(exc).__name__}"
                         + (f": {exc}" if str(exc) else "")) from None
    if not isinstance(obj, Embedder):
        raise _Usage(f"--embedder {spec!r} is not an Embedder (name, fingerprint, dim, encode)")
    return obj


def _cmd_track_add(args: argparse.Namespace, out: TextIO) -> int:
    from .store import AddResult

    from .errors import StoreBusyError

    streamed = any(_is_stream(f) for f in args.files)
    progress = _Progress(None if streamed else len(args.files) + len(args.text or []),
                         quiet=getattr(args, "quiet", False))
    totals = {"articles": 0, "added": 0, "already_stored": 0, "claims": 0, "new_clusters": 0, "matched": 0,
              "quotes": 0, "new_quote_clusters": 0, "quotes_matched": 0}
    results: list[AddResult] = []
    policy = _policy(args)
    tracker = _tracker(args, create=True)
    try:
        for line, name, article in _articles(args, policy):
            try:
                r = tracker.add(article)
            except StoreBusyError:
                raise
            except ClaimtrackError as exc:
                policy.handle(exc, id=article.id, line=line, input=name)
                continue
            except (sqlite3.Error, OSError) as exc:
                raise _StoreWriteFailed(exc, article.id, totals["added"], args.db) from None
            totals["articles"] += 1
            totals["added" if r.added else "already_stored"] += 1
            totals["claims"] += r.claims if r.added else 0
            totals["new_clusters"] += r.new_clusters
            totals["matched"] += r.matched
            totals["quotes"] += r.quotes if r.added else 0
            totals["new_quote_clusters"] += r.new_quote_clusters
            totals["quotes_matched"] += r.quotes_matched
            if args.format == "jsonl":
                out.write(r.model_dump_json() + "\n")
            elif args.format == "json":
                results.append(r)
            progress.update(totals["articles"], f"{totals['claims']} claims, {totals['matched']} matched")
        progress.update(totals["articles"], "done", force=True)
    finally:
        progress.close()
        stats = tracker.stats()
        tracker.close()
    if args.format == "json":
        _dump(envelope(db=args.db, results=[r.model_dump(mode="json") for r in results], totals=totals, store=stats),
              out)
    elif args.format == "table":
        out.write(
            f"{totals['added']} article{'s' if totals['added'] != 1 else ''} added, "
            f"{totals['already_stored']} already stored: {totals['claims']} claims, "
            f"{totals['new_clusters']} new clusters, {totals['matched']} matched; {totals['quotes']} quotations, "
            f"{totals['new_quote_clusters']} new quotation clusters, {totals['quotes_matched']} matched\n"
            f"store {args.db}: {stats['articles']} articles, {stats['claims']} claims, {stats['clusters']} clusters "
            f"({stats['multi_variant_clusters']} seen more than once, {stats['drifted_variants']} drifted variants); "
            f"{stats['quotes']} quotations, {stats['quote_clusters']} quotation clusters "
            f"({stats['multi_variant_quote_clusters']} seen more than once, {stats['drifted_quotes']} drifted)\n"
        )
    return 0


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    from .ingest.build import language_tag

    lang = language_tag(args.lang, "--lang")[0] if args.lang is not None else None  # fr-CA: the fr variants
    return {"lang": lang, "speaker": args.speaker, "entity": args.entity, "since": args.since,
            "until": args.until, "drift_type": args.drift_type, "min_variants": args.min_variants}


def _write_clusters(args: argparse.Namespace, out: TextIO, tracker: Any, clusters: Iterable[Any], *,
                    key: str, noun: str, counts: tuple[tuple[str, str], ...], title: str) -> None:
    """The clusters of ``track report`` / ``track quotes`` in ``args.format``:
    JSON Lines (streamed), JSON under ``key``, the HTML report, or tables
    after a header of the store's ``counts`` (stats key, words)."""
    if args.format == "jsonl":  # stream: one cluster per line
        for c in clusters:
            out.write(c.model_dump_json() + "\n")
    elif args.format == "json":
        _dump(envelope(db=args.db, store=tracker.stats(), **{key: [c.model_dump(mode="json") for c in clusters]}), out)
    elif args.format == "html":
        from .report.html import html_clusters

        out.write(html_clusters(list(clusters), title=args.title or f"{title}: {args.db}"))
    else:
        stats = tracker.stats()
        out.write(f"store {args.db}: " + ", ".join(f"{stats[k]} {words}" for k, words in counts) + "\n")
        shown = 0
        for c in clusters:
            out.write("\n")
            out.write(cluster_table(c))
            shown += 1
        out.write(f"\n{shown} {noun}{'s' if shown != 1 else ''} shown\n")


def _cmd_track_report(args: argparse.Namespace, out: TextIO) -> int:
    tracker = _tracker(args)
    try:
        _write_clusters(args, out, tracker, tracker.iter_clusters(**_filters(args)), key="clusters",
                        noun="cluster", counts=(("articles", "articles"), ("claims", "claims"),
                                                ("clusters", "clusters")), title="claimtrack report")
    finally:
        tracker.close()
    return 0


def _cmd_track_quotes(args: argparse.Namespace, out: TextIO) -> int:
    """``track quotes``: the quotation clusters (``Tracker.iter_quote_clusters``), filtered."""
    tracker = _tracker(args)
    try:
        _write_clusters(args, out, tracker, tracker.iter_quote_clusters(**_filters(args)), key="quote_clusters",
                        noun="quotation cluster", counts=(("articles", "articles"), ("quotes", "quotations"),
                                                          ("quote_clusters", "quotation clusters")),
                        title="claimtrack quotations")
    finally:
        tracker.close()
    return 0


def _cmd_track_show(args: argparse.Namespace, out: TextIO) -> int:
    tracker = _tracker(args)
    try:
        quote = str(args.cluster).strip()[:1] in ("q", "Q")
        cluster = tracker.quote_cluster(args.cluster) if quote else tracker.cluster(args.cluster)
    finally:
        tracker.close()
    if args.format == "json":
        _dump(envelope(db=args.db, cluster=cluster.model_dump(mode="json")), out)
    else:
        out.write(cluster_table(cluster))
    return 0


def _cmd_track_find(args: argparse.Namespace, out: TextIO) -> int:
    tracker = _tracker(args)
    try:
        hits = tracker.find(_literal(args.text, "TEXT"), lang=args.lang, k=args.k, min_similarity=args.min_similarity)
    finally:
        tracker.close()
    if args.format == "json":
        _dump(envelope(db=args.db, text=args.text, min_similarity=args.min_similarity,
                       hits=[h.model_dump(mode="json") for h in hits]), out)
    else:
        out.write(hits_table(hits))
    return 0


def _divergence(text: str) -> float:
    """``--threshold``: a finite number in 0..1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a divergence threshold is in 0..1, not {text}")
    return value


def _positive(text: str) -> int:
    """A whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _language(text: str) -> str:
    """``--source-lang``/``--target-lang``: a supported language, as a tag (``fr-CA`` is ``fr``)."""
    from .lang import split_tag

    try:
        code, _ = split_tag(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if code not in SUPPORTED:
        raise argparse.ArgumentTypeError(f"language {text!r} is not supported (supported: {', '.join(SUPPORTED)})")
    return code


def error_options(p: argparse.ArgumentParser) -> None:
    """``--on-error`` and ``--error-file``: what a bad record of a batch does."""
    p.add_argument("--on-error", choices=ON_ERROR, default="stop",
                   help="a bad input (unreadable file, malformed record, unsupported or undetected language): "
                        "stop (default: exit with its error), skip it, or report it (one JSON error record "
                        "{error, message, id, line, input} per bad input) and go on")
    p.add_argument("--error-file", metavar="PATH",
                   help="with --on-error report: append the error records to PATH instead of standard error")


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a confidence is in 0..1, not {value}")
    return value


def _cosine(text: str) -> float:
    """``--min-similarity``: a cosine in -1..1 (nan refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not -1.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a similarity is a cosine in -1..1, not {value}")
    return value


def confidence_option(p: argparse.ArgumentParser) -> None:
    """``--min-confidence P``: the confidence a finding needs to be shown."""
    from .drift.confidence import DEFAULT_MIN_CONFIDENCE

    p.add_argument("--min-confidence", type=_probability, default=DEFAULT_MIN_CONFIDENCE, metavar="P",
                   help=f"show the findings whose confidence is at least P (default {DEFAULT_MIN_CONFIDENCE}, "
                        "chosen for a precision of 0.9; 0 shows every candidate)")


def embedder_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--embedder", metavar="MODULE:ATTR",
                   help="a sentence encoder of your own (an Embedder, or a class or function returning one); "
                        "default: the bundled Universal Sentence Encoder. A store opens only with the encoder "
                        "it was built with")


def _track_parser(sub: Any, inputs: Any) -> None:
    """The ``track`` group: the claim store (:class:`claimtrack.store.Tracker`)."""
    from typing import get_args

    from .models import DriftType

    p = sub.add_parser("track", help="the claim store: add articles, report clusters of equivalent claims (ct.Tracker)")
    tsub = p.add_subparsers(dest="track_command", required=True, metavar="ACTION")

    def db(q: argparse.ArgumentParser) -> None:
        q.add_argument("--db", required=True, metavar="PATH", help="the store (an SQLite file)")
        embedder_option(q)

    q = tsub.add_parser("add", help="add articles to the store (created if missing); one transaction per article")
    inputs(q)
    error_options(q)
    db(q)
    q.add_argument("--format", choices=("table", "json", "jsonl"), default="table",
                   help="table: a summary; jsonl: one AddResult per article, as they are added")
    q.set_defaults(run=_cmd_track_add)

    q = tsub.add_parser("report", help="clusters of the store, filtered")
    db(q)
    q.add_argument("--format", choices=("table", "json", "jsonl", "html"), default="table")
    q.add_argument("--lang", help="a variant is in this language")
    q.add_argument("--speaker", help="a variant is attributed to this person")
    q.add_argument("--entity", help="a variant names this entity")
    q.add_argument("--since", metavar="DATE", help="a variant was published on or after DATE")
    q.add_argument("--until", metavar="DATE", help="a variant was published on or before DATE")
    q.add_argument("--drift-type", choices=get_args(DriftType), help="a variant carries this drift type")
    q.add_argument("--min-variants", type=int, default=1, metavar="N", help="clusters with at least N variants")
    q.add_argument("--title", help="title of the HTML report")
    q.set_defaults(run=_cmd_track_report)

    q = tsub.add_parser("quotes", help="quotation clusters of the store (the same quotation across outlets), "
                                       "filtered")
    db(q)
    q.add_argument("--format", choices=("table", "json", "jsonl", "html"), default="table",
                   help="html: the self-contained report of track report, one card per quotation cluster")
    q.add_argument("--title", help="title of the HTML report")
    q.add_argument("--lang", help="a variant is in this language")
    q.add_argument("--speaker", help="a quotation is attributed to this person")
    q.add_argument("--entity", help="a quotation names this entity")
    q.add_argument("--since", metavar="DATE", help="a variant was published on or after DATE")
    q.add_argument("--until", metavar="DATE", help="a variant was published on or before DATE")
    q.add_argument("--drift-type", choices=get_args(DriftType),
                   help="a variant carries this drift type (speaker: quoted as someone else; omission/addition: "
                        "words dropped or added inside the quotation)")
    q.add_argument("--min-variants", type=int, default=1, metavar="N", help="clusters with at least N variants")
    q.set_defaults(run=_cmd_track_quotes)

    q = tsub.add_parser("show", help="one cluster (or quotation cluster) with its variants and drift")
    q.add_argument("cluster", metavar="CLUSTER", help="cluster id, e.g. c12, or a quotation cluster's, e.g. q3")
    db(q)
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(run=_cmd_track_show)

    q = tsub.add_parser("find", help="the clusters nearest to a statement, in any language")
    q.add_argument("text", metavar="TEXT")
    db(q)
    q.add_argument("--lang", help="language of TEXT (default: detected)")
    q.add_argument("-k", type=_positive, default=5, help="how many clusters, at most (default 5)")
    q.add_argument("--min-similarity", type=_cosine, default=None, metavar="S",
                   help="only clusters whose cosine with TEXT is at least S (in -1..1; default: the k nearest, "
                        "however far)")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(run=_cmd_track_find)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="Extract language-tagged claims from EN/FR news, align them across languages and report drift.",
    )
    parser.add_argument("--version", action="version", version=f"claimtrack {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("files", nargs="*", metavar="FILE",
                       help="text, HTML or JSON Lines file (always a path: a missing one is an error); "
                            "'-' reads JSON Lines from stdin")
        p.add_argument("--text", action="append", metavar="TEXT",
                       help="an article's text itself (repeatable), after the FILEs")
        p.add_argument("--lang", choices=None,
                       help="language of every input, a tag such as fr or fr-CA (default: detected per article)")
        p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) anchoring relative dates")
        p.add_argument("--date-order", choices=("dmy", "mdy"), default=None,
                       help="order of numeric dates such as 12/03/2025 (dmy: 12 March; mdy: December 3); "
                            "default: the language's usual order (en mdy, fr dmy)")

    p = sub.add_parser("claims", help="articles -> claims (ct.extract_claims)")
    inputs(p)
    error_options(p)
    p.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    p.add_argument("--furniture", action="store_true", help="also list the lines kept out of the claims, with reasons")
    p.set_defaults(run=_cmd_claims)

    p = sub.add_parser("quotes", help="articles -> direct quotations with speaker, cue and offsets (ct.extract_quotes)")
    inputs(p)
    error_options(p)
    p.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    p.set_defaults(run=_cmd_quotes)

    p = sub.add_parser("compare", help="claims, alignments and drift across articles (ct.compare)")
    inputs(p)
    error_options(p)
    p.add_argument("--format", choices=("table", "json", "html"), default="table")
    confidence_option(p)
    embedder_option(p)
    p.set_defaults(run=_cmd_compare)

    p = sub.add_parser("diff", help="how two statements differ: typed drift and a divergence score (ct.diff)")
    p.add_argument("source", nargs="?", metavar="SOURCE", help="the source statement")
    p.add_argument("target", nargs="?", metavar="TARGET", help="the target statement (a translation, a requote)")
    p.add_argument("--pairs", metavar="FILE",
                   help="JSON Lines of {\"source\", \"target\", \"source_lang\"?, \"target_lang\"?} ('-': stdin); "
                        "one PairDiff per line out, in input order")
    p.add_argument("--source-lang", type=_language, metavar="LANG",
                   help="language of the source: en or fr, or a tag such as fr-CA (default: detected)")
    p.add_argument("--target-lang", type=_language, metavar="LANG",
                   help="language of the target (default: detected)")
    p.add_argument("--threshold", type=_divergence, default=0.5, metavar="T",
                   help="divergent = divergence >= T, T in 0..1 (default 0.5)")
    p.add_argument("--format", choices=("table", "json", "jsonl"), default=None,
                   help="default: table for one pair, jsonl for --pairs")
    p.add_argument("--fail-on", choices=SEVERITIES, metavar="LEVEL",
                   help="exit with 1 when a reported finding is this severe or worse (minor, major, critical), "
                        "after writing every result; for CI gates")
    confidence_option(p)
    embedder_option(p)
    error_options(p)
    p.set_defaults(run=_cmd_diff)

    p = sub.add_parser("schema", help="print the JSON Schema of every claimtrack output model")
    p.set_defaults(run=_cmd_schema)
    _track_parser(sub, inputs)
    _verbosity_options(parser)
    return parser


def _verbosity_options(parser: argparse.ArgumentParser, top: bool = True) -> None:
    """``--quiet`` and ``--verbose`` on the program and on every (sub)command,
    so that they may come before or after the command name (a subcommand's
    copy sets the option only when it is given)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", default=False if top else argparse.SUPPRESS,
                       help="no warnings and no progress on standard error (errors still show)")
    group.add_argument("-v", "--verbose", action="store_true", default=False if top else argparse.SUPPRESS,
                       help="progress messages too (the claimtrack logger at INFO)")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                _verbosity_options(sub, top=False)


class _StderrHandler(logging.Handler):
    """The ``claimtrack`` logger's records as ``claimtrack: warning: ...`` lines
    on the standard error of the moment (so tests capturing it see them)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level = record.levelname.lower()
            prefix = "claimtrack: " if level == "info" else f"claimtrack: {level}: "
            sys.stderr.write(prefix + record.getMessage() + "\n")
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)


class _logging:
    """Context manager: route the ``claimtrack`` logger to standard error for one
    command (WARNING; ERROR with ``--quiet``; INFO with ``--verbose``), restored after."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.level = (logging.ERROR if getattr(args, "quiet", False)
                      else logging.INFO if getattr(args, "verbose", False) else logging.WARNING)
        self.logger = logging.getLogger("claimtrack")
        self.handler = _StderrHandler(self.level)
        self.saved = (self.logger.level, self.logger.propagate)

    def __enter__(self) -> None:
        self.logger.addHandler(self.handler)
        self.logger.setLevel(self.level)
        self.logger.propagate = False  # the application's root handlers would print it twice

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.setLevel(self.saved[0])
        self.logger.propagate = self.saved[1]


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the CLI; returns the exit code (see the module docstring)."""
    from .spill import return_freed_memory

    return_freed_memory()  # the command line's own process: big freed arrays go back to the system
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is _cmd_diff and args.format is None:
        args.format = "jsonl" if args.pairs is not None else "table"
    if hasattr(args, "files") and not args.files and not args.text:
        parser.error(f"{args.command}: give at least one FILE ('-' for standard input) or --text TEXT")
    stream = out if out is not None else sys.stdout
    args._opened = []
    try:
        with _logging(args):
            return int(args.run(args, stream))
    except _StoreWriteFailed as exc:
        print(f"claimtrack: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except _Usage as exc:
        parser.print_usage(sys.stderr)
        print(f"claimtrack: error: {exc}", file=sys.stderr)
        return 2
    except UnsupportedLanguageError as exc:
        print(f"claimtrack: error: {exc}", file=sys.stderr)
        return EXIT_LANGUAGE
    except ClaimtrackError as exc:
        print(f"claimtrack: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # `claimtrack ... | head`: the reader left, not an error
        sys.stderr.close()
        return 0
    except OSError as exc:
        print(f"claimtrack: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("claimtrack: interrupted", file=sys.stderr)
        return 130
    finally:
        for opened in args._opened:
            opened.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
