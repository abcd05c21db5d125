"""The ``claimtrack`` command line; it mirrors the Python API.

::

    claimtrack claims FILE... [--format table|json|jsonl] [--lang en|fr] [--published DATE] [--furniture]
    claimtrack compare FILE... [--format table|json|html] [--lang ...] [--published DATE]
    claimtrack schema

``FILE`` is a text, HTML or JSON Lines file, or ``-`` for JSON Lines records on
standard input (``{"id", "text", "lang"?, "source"?, "published"?}``).

Exit codes: 0 success; 2 bad usage; 3 unreadable input (missing, empty,
binary, undecodable, too large, malformed record); 4 unsupported language;
130 interrupted.  Errors are one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from . import __version__
from .errors import ClaimtrackError, UnsupportedLanguageError
from .models import Article, Claim, json_schema

__all__ = ["main", "EXIT_INPUT", "EXIT_LANGUAGE"]

EXIT_INPUT = 3
EXIT_LANGUAGE = 4


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


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _claims_table(rows: list[tuple[Article, list[Claim]]], out: TextIO) -> None:
    for article, claims in rows:
        out.write(f"# {article.source or article.id}  id={article.id}  lang={article.lang}  claims={len(claims)}\n")
        out.write(f"{'#':>3}  {'kind':8}  {'lang':4}  {'speaker':22}  {'numbers':22}  text\n")
        for c in claims:
            speaker = (c.speaker.name or c.speaker.text) if c.speaker else ""
            numbers = ", ".join(
                f"{(q.qualifier + ' ') if q.qualifier else ''}{q.value:g}{(' ' + q.unit) if q.unit else ''}"
                for q in c.quantities
            )
            out.write(
                f"{c.sentence_index:>3}  {c.kind:8}  {c.lang:4}  {_short(speaker, 22):22}  "
                f"{_short(numbers, 22):22}  {_short(c.text, 70)}\n"
            )
        out.write("\n")


def _cmd_claims(args: argparse.Namespace, out: TextIO) -> int:
    from .claims import extract_claims
    from .segment import find_furniture

    rows: list[tuple[Article, list[Claim]]] = []
    for article in _articles(args.files, args.lang, args.published):
        claims = extract_claims(article)
        if args.format == "jsonl":  # stream: one claim per line, nothing held
            for claim in claims:
                out.write(claim.model_dump_json() + "\n")
            continue
        rows.append((article, claims))
    if args.format == "table":
        _claims_table(rows, out)
        if args.furniture:
            for article, _ in rows:
                for f in find_furniture(article):
                    out.write(f"furniture  {article.id}  {f.kind:11}  {_short(f.text, 50):50}  {f.reason}\n")
    elif args.format == "json":
        payload = {
            "claimtrack": __version__,
            "articles": [
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
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return 0


def _cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from .compare import compare, to_html, to_table

    articles = list(_articles(args.files, args.lang, args.published))
    comparison = compare(*articles)
    if args.format == "json":
        out.write(comparison.model_dump_json(indent=2) + "\n")
    elif args.format == "html":
        out.write(to_html(comparison))
    else:
        out.write(to_table(comparison))
    return 0


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    json.dump(json_schema(), out, indent=2)
    out.write("\n")
    return 0


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
    p.set_defaults(run=_cmd_compare)

    p = sub.add_parser("schema", help="print the JSON Schema of claimtrack's output models")
    p.set_defaults(run=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the CLI; returns the exit code (see the module docstring)."""
    args = _parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        return int(args.run(args, stream))
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
