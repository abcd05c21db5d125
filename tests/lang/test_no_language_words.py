"""English and French words live in ``claimtrack.lang``, nowhere else.

The rule, on the string literals of every module of ``src/claimtrack``
outside ``lang/``:

* a set, tuple, list or dict literal holding two or more strings that are
  words of the language data is a word list, and belongs in the data;
* a regex (a literal with ``|``, ``\\b`` or ``(?``) one of whose
  alternatives is a word of the language data belongs in the data too.

"Words of the language data" are the lower-case words (two letters or more)
of every field of every language (entries that are plain words, not
regexes), less the model's own vocabulary (the
values of the ``Literal`` types in ``claimtrack.models``: "about", "heading").
Docstrings, messages and explanation templates are free text and are not
word lists, so they pass.  The few literals that hold such words as
identifiers (JSON keys, option names, HTML tags) are listed in
:data:`ALLOWED` with their reason.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path
from typing import Any

import claimtrack.models as models
from claimtrack import lang

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "claimtrack"

# module path prefix (relative to the package) -> words its modules may hold as identifiers, and why
ALLOWED: dict[str, tuple[frozenset[str], str]] = {
    "cli.py": (frozenset({"added", "claims", "since", "until"}), "JSON keys of the totals and the filters"),
    "ingest/": (frozenset({"head", "main", "caption", "section", "form", "nav", "footer", "menu", "banner"}),
                "HTML tag names and ARIA roles"),
    "report/": (frozenset({"all", "any", "none"}), "the cluster filters' reserved option names"),
}
EXCLUDED: dict[str, str] = {
    "testing.py": "hypothesis strategies: its templates are generated test sentences in each language, not knowledge",
}

_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
_REGEX_HINT = re.compile(r"\||\\b|\(\?[:P=!<a-z]")
_REGEX_SPLIT = re.compile(r"[|()?:\\\[\]+*{},]+")


def _literal_vocabulary() -> frozenset[str]:
    """The strings inside ``Literal[...]`` in ``claimtrack.models``."""
    tree = ast.parse(Path(models.__file__).read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Literal":
            out.update(c.value for c in ast.walk(node.slice) if isinstance(c, ast.Constant) and isinstance(c.value, str))
    return frozenset(out)


def _collect(value: Any, out: set[str]) -> None:
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            _collect(getattr(value, f.name), out)
    elif isinstance(value, dict):
        for key in value:
            _collect(key, out)
    elif isinstance(value, (frozenset, tuple, list)):
        for item in value:
            _collect(item, out)
    elif isinstance(value, str) and value == value.lower() and _PLAIN.fullmatch(value):
        out.update(w for w in value.split() if len(w) >= 2)


def language_words() -> frozenset[str]:
    """The lower-case words of every language's data, less the model's vocabulary."""
    out: set[str] = set()
    for code in lang.SUPPORTED:
        data = lang.get(code)
        for f in dataclasses.fields(data):
            if dataclasses.is_dataclass(getattr(data, f.name)):
                _collect(getattr(data, f.name), out)
    return frozenset(out) - _literal_vocabulary() - {"dmy", "mdy"}  # date orders: identifiers


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            for i, stmt in enumerate(body):
                # the docstring, and the attribute docstrings after an assignment
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
                    if i == 0 or isinstance(body[i - 1], (ast.Assign, ast.AnnAssign)):
                        ids.add(id(stmt.value))
    return ids


def language_literals(source: str, words: frozenset[str]) -> list[tuple[int, frozenset[str]]]:
    """(line, words) of each word list or regex of ``source`` that holds language words."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List, ast.Dict)):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            hits = frozenset(e.value for e in items
                             if isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value in words)
            if len(hits) >= 2:
                found.append((node.lineno, hits))
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
              and _REGEX_HINT.search(node.value)):
            hits = frozenset(p for p in _REGEX_SPLIT.split(node.value) if p in words)
            if hits:
                found.append((node.lineno, hits))
    return found


def test_no_language_words_outside_lang():
    words = language_words()
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("lang/") or rel in EXCLUDED:
            continue
        allowed = frozenset().union(*(w for prefix, (w, _) in ALLOWED.items() if rel.startswith(prefix)))
        for line, hits in language_literals(path.read_text(encoding="utf-8"), words):
            if not hits <= allowed:
                problems.append(f"{rel}:{line}: {sorted(hits - allowed)}")
    assert not problems, "language words outside claimtrack.lang (move them into the language data):\n" + "\n".join(problems)


def test_the_rule_catches_word_lists_and_regexes():
    words = language_words()
    assert {"the", "and", "said", "janvier", "siècle"} <= words
    assert language_literals('X = {"the", "and"}\n', words) == [(1, frozenset({"the", "and"}))]
    assert language_literals('X = frozenset(("said", "told", "x"))\n', words) == [(1, frozenset({"said", "told"}))]
    assert language_literals('import re\nR = re.compile(r"\\b(?:siècle|millénaire)\\b")\n', words)
    # free text passes: docstrings, messages, explanation templates
    assert language_literals('"""The said words: the, and."""\nraise ValueError("the file and the line")\n', words) == []
    assert language_literals('def f(x):\n    return f"The value of {x} and the rest."\n', words) == []
