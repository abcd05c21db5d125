"""The ``claimtrack`` command line; it mirrors the Python API.

::

    claimtrack claims FILE... [--format table|json|jsonl] [--lang en|fr] [--published DATE] [--furniture]
    claimtrack compare FILE... [--format table|json|html] [--lang ...] [--published DATE] [--min-confidence P]
    claimtrack diff SOURCE TARGET [--source-lang en|fr] [--target-lang en|fr] [--threshold T] [--min-confidence P]
                    [--format table|json|jsonl] [--fail-on minor|major|critical]
    claimtrack diff --pairs FILE|- [--format jsonl|json|table] [--threshold T] [--min-confidence P] [--fail-on ...]
    claimtrack schema
    claimtrack track add FILE... --db PATH | track report --db PATH | track show CLUSTER --db PATH
    claimtrack track find TEXT --db PATH [-k K] [--min-similarity S]

Every command takes ``--quiet`` (``-q``: no warnings, no progress; errors
still show) and ``--verbose`` (``-v``: progress messages too), before or after
the command name; warnings and progress come from the ``claimtrack`` logger.

``compare`` and ``diff`` show the findings whose confidence reaches
``--min-confidence`` (default: the cut chosen for a precision of 0.9;
``0`` shows every candidate).  ``compare``, ``diff`` and the ``track`` commands take ``--embedder module:attribute`` to
use a sentence encoder of your own (see :class:`claimtrack.Embedder`).

``FILE`` is a text, HTML or JSON Lines file, or ``-`` for JSON Lines records on
standard input (``{"id", "text", "lang"?, "source"?, "published"?}``).

``--format json`` writes one JSON object, ``{"claimtrack": "<version>", ...}``
(:func:`claimtrack.outputs.envelope`); ``--format jsonl`` writes one bare
record per line.  Tables fit the terminal's width (``COLUMNS`` when set).

Exit codes: 0 success; 1 ``diff --fail-on LEVEL`` found a finding of that
severity or worse; 2 bad usage; 3 unreadable input (missing, empty, binary,
undecodable, too large, malformed record); 4 unsupported language; 130
interrupted.  Errors are one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from ._version import __version__
from .errors import ClaimtrackError, RecordError, UnsupportedLanguageError
from .lang import SUPPORTED
from .models import Article, Claim
from .outputs import envelope, json_schema
from .report.text import claims_table, cluster_table, diff_table, furniture_table, hits_table

__all__ = ["main", "EXIT_DRIFT", "EXIT_INPUT", "EXIT_LANGUAGE", "SEVERITIES"]

EXIT_DRIFT = 1
EXIT_INPUT = 3
EXIT_LANGUAGE = 4

SEVERITIES = ("minor", "major", "critical")
"""Drift severities, mildest first: ``diff --fail-on major`` fails on a major or a critical finding."""


def _articles(paths: Sequence[str], lang: str | None, published: str | None) -> Iterator[Article]:
    from .ingest import parse_published, read_article, read_articles

    anchor = parse_published(published, "--published")

    for path in paths:
        if path == "-" or path.endswith((".jsonl", ".ndjson")):
            source = sys.stdin if path == "-" else path
            for article in read_articles(source):
                updates: dict[str, Any] = {}
                if lang and article.lang != lang:
                    updates["lang"] = lang
                if anchor is not None and article.published is None:
                    updates["published"] = anchor
                yield article.model_copy(update=updates) if updates else article
        else:
            yield read_article(path, lang=lang, published=published)


def _cmd_claims(args: argparse.Namespace, out: TextIO) -> int:
    from .extract.claims import extract_claims
    from .extract.segmentation import find_furniture

    rows: list[tuple[Article, list[Claim]]] = []
    for article in _articles(args.files, args.lang, args.published):
        claims = extract_claims(article)
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


def _cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from .comparison import compare
    from .report.html import html_comparison
    from .report.text import comparison_table

    articles = list(_articles(args.files, args.lang, args.published))
    comparison = compare(*articles, embedder=_embedder(args), min_confidence=args.min_confidence)
    if args.format == "json":
        _dump(envelope(comparison=comparison.model_dump(mode="json")), out)
    elif args.format == "html":
        out.write(html_comparison(comparison))
    else:
        out.write(comparison_table(comparison))
    return 0


_PAIR_BATCH = 256  # pairs of a --pairs stream encoded per batch (memory follows the batch, not the file)


def _pair_records(path: str) -> Iterator[tuple[int, str, str, str | None, str | None]]:
    """(line number, source, target, source_lang, target_lang) of each JSON
    Lines record ``{"source", "target", "source_lang"?, "target_lang"?}``."""
    from .ingest import read_json_lines

    where = "standard input" if path == "-" else repr(path)
    for number, rec in read_json_lines(path):
        source, target = rec.get("source"), rec.get("target")
        if not isinstance(source, str) or not isinstance(target, str):
            raise RecordError(f"{where}, line {number}: 'source' and 'target' must be strings")
        sl, tl = rec.get("source_lang"), rec.get("target_lang")
        if not (sl is None or isinstance(sl, str)) or not (tl is None or isinstance(tl, str)):
            raise RecordError(f"{where}, line {number}: 'source_lang' and 'target_lang' must be strings")
        yield number, source, target, sl, tl


def _cmd_diff(args: argparse.Namespace, out: TextIO) -> int:
    from .drift import diff, diff_many

    if args.pairs is None:
        if args.source is None or args.target is None:
            raise _Usage("give SOURCE and TARGET, or --pairs FILE")
        d = diff(args.source, args.target, args.source_lang, args.target_lang, threshold=args.threshold,
                 min_confidence=args.min_confidence, embedder=_embedder(args))
        if args.format == "json":
            _dump(envelope(diff=d.model_dump(mode="json")), out)
        elif args.format == "jsonl":
            out.write(d.model_dump_json() + "\n")
        else:
            out.write(diff_table(d))
        return _fail_code(args, [d])
    if args.source is not None:
        raise _Usage("give SOURCE and TARGET or --pairs FILE, not both")
    embedder = _embedder(args)
    records = _pair_records(args.pairs)
    everything: list[Any] = []
    failed = 0
    while True:
        batch = [r for _, r in zip(range(_PAIR_BATCH), records)]
        if not batch:
            break
        for (number, s, t, sl, tl) in batch:
            if not s.strip() or not t.strip():
                raise RecordError(f"line {number}: the {'source' if not s.strip() else 'target'} text is empty")
        # one batched call per language pair as given; detection fills the rest per pair
        groups: dict[tuple[str | None, str | None], list[int]] = {}
        for k, (_, _, _, sl, tl) in enumerate(batch):
            groups.setdefault((sl or args.source_lang, tl or args.target_lang), []).append(k)
        results: list[Any] = [None] * len(batch)
        for (sl, tl), ks in groups.items():
            got = diff_many([(batch[k][1], batch[k][2]) for k in ks], sl, tl, threshold=args.threshold,
                            min_confidence=args.min_confidence, embedder=embedder)
            for k, d in zip(ks, got):
                results[k] = d
        failed = failed or _fail_code(args, results)
        for d in results:
            if args.format == "json":
                everything.append(d.model_dump(mode="json"))
            elif args.format == "table":
                out.write(diff_table(d))
                out.write("\n")
            else:
                out.write(d.model_dump_json() + "\n")
        out.flush()
    if args.format == "json":
        _dump(envelope(diffs=everything), out)
    return failed


def _dump(payload: dict[str, Any], out: TextIO) -> None:
    """One JSON document (an :func:`~claimtrack.outputs.envelope`), indented, newline-terminated."""
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


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


class _Usage(Exception):
    """Bad usage found after parsing (exit 2, like argparse's own errors)."""


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
        obj = obj()  # a class, or a factory function
    if not isinstance(obj, Embedder):
        raise _Usage(f"--embedder {spec!r} is not an Embedder (name, fingerprint, dim, encode)")
    return obj


def _cmd_track_add(args: argparse.Namespace, out: TextIO) -> int:
    from .store import AddResult

    streamed = any(f == "-" or f.endswith((".jsonl", ".ndjson")) for f in args.files)
    progress = _Progress(None if streamed else len(args.files), quiet=getattr(args, "quiet", False))
    totals = {"articles": 0, "added": 0, "already_stored": 0, "claims": 0, "new_clusters": 0, "matched": 0}
    results: list[AddResult] = []
    tracker = _tracker(args, create=True)
    try:
        for article in _articles(args.files, args.lang, args.published):
            r = tracker.add(article)
            totals["articles"] += 1
            totals["added" if r.added else "already_stored"] += 1
            totals["claims"] += r.claims if r.added else 0
            totals["new_clusters"] += r.new_clusters
            totals["matched"] += r.matched
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
            f"{totals['new_clusters']} new clusters, {totals['matched']} matched\n"
            f"store {args.db}: {stats['articles']} articles, {stats['claims']} claims, {stats['clusters']} clusters "
            f"({stats['multi_variant_clusters']} seen more than once, {stats['drifted_variants']} drifted variants)\n"
        )
    return 0


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {"lang": args.lang, "speaker": args.speaker, "entity": args.entity, "since": args.since,
            "until": args.until, "drift_type": args.drift_type, "min_variants": args.min_variants}


def _cmd_track_report(args: argparse.Namespace, out: TextIO) -> int:
    tracker = _tracker(args)
    try:
        clusters = tracker.iter_clusters(**_filters(args))
        if args.format == "jsonl":  # stream: one cluster per line
            for c in clusters:
                out.write(c.model_dump_json() + "\n")
        elif args.format == "json":
            _dump(envelope(db=args.db, store=tracker.stats(), clusters=[c.model_dump(mode="json") for c in clusters]),
                  out)
        elif args.format == "html":
            from .report.html import html_clusters

            out.write(html_clusters(list(clusters), title=args.title or f"claimtrack report: {args.db}"))
        else:
            stats = tracker.stats()
            out.write(f"store {args.db}: {stats['articles']} articles, {stats['claims']} claims, "
                      f"{stats['clusters']} clusters\n")
            shown = 0
            for c in clusters:
                out.write("\n")
                out.write(cluster_table(c))
                shown += 1
            out.write(f"\n{shown} cluster{'s' if shown != 1 else ''} shown\n")
    finally:
        tracker.close()
    return 0


def _cmd_track_show(args: argparse.Namespace, out: TextIO) -> int:
    tracker = _tracker(args)
    try:
        cluster = tracker.cluster(args.cluster)
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
        hits = tracker.find(args.text, lang=args.lang, k=args.k, min_similarity=args.min_similarity)
    finally:
        tracker.close()
    if args.format == "json":
        _dump(envelope(db=args.db, text=args.text, min_similarity=args.min_similarity,
                       hits=[h.model_dump(mode="json") for h in hits]), out)
    else:
        out.write(hits_table(hits))
    return 0


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

    q = tsub.add_parser("show", help="one cluster with its variants and drift")
    q.add_argument("cluster", metavar="CLUSTER", help="cluster id, e.g. c12")
    db(q)
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(run=_cmd_track_show)

    q = tsub.add_parser("find", help="the clusters nearest to a statement, in any language")
    q.add_argument("text", metavar="TEXT")
    db(q)
    q.add_argument("--lang", help="language of TEXT (default: detected)")
    q.add_argument("-k", type=int, default=5, help="how many clusters, at most (default 5)")
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
        p.add_argument("files", nargs="+", metavar="FILE", help="text, HTML or JSON Lines file; '-' reads JSON Lines from stdin")
        p.add_argument("--lang", choices=None, help="language of every input (default: detected per article)")
        p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) anchoring relative dates")

    p = sub.add_parser("claims", help="articles -> claims (ct.extract_claims)")
    inputs(p)
    p.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    p.add_argument("--furniture", action="store_true", help="also list the lines kept out of the claims, with reasons")
    p.set_defaults(run=_cmd_claims)

    p = sub.add_parser("compare", help="claims, alignments and drift across articles (ct.compare)")
    inputs(p)
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
    p.add_argument("--source-lang", choices=SUPPORTED, help="language of the source (default: detected)")
    p.add_argument("--target-lang", choices=SUPPORTED, help="language of the target (default: detected)")
    p.add_argument("--threshold", type=float, default=0.5, help="divergent = divergence >= T (default 0.5)")
    p.add_argument("--format", choices=("table", "json", "jsonl"), default=None,
                   help="default: table for one pair, jsonl for --pairs")
    p.add_argument("--fail-on", choices=SEVERITIES, metavar="LEVEL",
                   help="exit with 1 when a reported finding is this severe or worse (minor, major, critical), "
                        "after writing every result; for CI gates")
    confidence_option(p)
    embedder_option(p)
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
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is _cmd_diff and args.format is None:
        args.format = "jsonl" if args.pairs is not None else "table"
    stream = out if out is not None else sys.stdout
    try:
        with _logging(args):
            return int(args.run(args, stream))
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
