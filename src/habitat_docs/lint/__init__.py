"""Lint: what builds but is probably wrong in a data file's prose, as warnings with the file,
the line and the field.

Numbers that differ between a text's languages, references typed as text where {ref:…}
belongs, "above" and "below" that do not match the order, words doubled around facts, and
each language's typing slips (its ``[lint]`` table in ``templates/<lang>/language.toml``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path as FsPath
from typing import Any

from attrs import frozen

from habitat_docs.compose.wording import ReferenceWording
from habitat_docs.errors import DataError, Path, format_path
from habitat_docs.lint.numbers import number_problems
from habitat_docs.lint.prose import prose_problems
from habitat_docs.lint.references import Typed, direction_problems
from habitat_docs.lint.rules import Rules, rules
from habitat_docs.lint.texts import BREAK, Text, pieces_of, render, texts
from habitat_docs.load import read_file, structure
from habitat_docs.load.parse import parse_data
from habitat_docs.model import Document
from habitat_docs.number import number
from habitat_docs.session.plan import load_session

__all__ = ["LintWarning", "lint"]


@frozen
class LintWarning:
    """One thing probably wrong: where (file, line, field path) and what."""

    file: str
    line: int | None
    path: Path
    message: str

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.file, self.line) if x is not None)
        return f"{where}: {format_path(self.path)}: {self.message}"

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "field": format_path(self.path),
            "message": self.message,
        }


def lint(path: str | FsPath) -> list[LintWarning]:
    """The warnings of the data file ``path`` (a document, or a session file: each of its
    documents), in the order of its texts; a DataError (as ``build`` raises it) when the
    file does not load."""
    path = FsPath(path)
    name = str(path)
    data, lines = parse_data(read_file(path), path.suffix.lower(), name)
    if (
        isinstance(data, Mapping)
        and "kind" not in data
        and "title" not in data
        and "documents" in data
    ):
        return _session(path)
    try:
        doc = structure(data, base_dir=path.parent)
    except DataError as e:
        raise e.located(name, lines) from None
    return _document(name, data, lines, doc)


def _session(path: FsPath) -> list[LintWarning]:
    """The warnings of every document of the session file ``path``, in its order."""
    plan = load_session(path)
    files = plan.document_files()
    refs = plan.refs(plan.titles(files))
    out: list[LintWarning] = []
    problems = []
    for entry in plan.entries:
        file = files[entry.id]
        try:
            doc = plan.document(entry, file, refs)
        except DataError as e:
            problems += e.problems
            continue
        out += _document(file.name, file.data, file.lines, doc)
    if problems:
        raise DataError(problems)
    return out


def _document(name: str, data: Any, lines: Mapping[Path, int], doc: Document) -> list[LintWarning]:
    found, ids = texts(data, sorted(doc.languages))
    linter = _Linter(doc, {lang: rules(lang) for lang in sorted(doc.languages)})
    return [LintWarning(name, _line(lines, field), field, message)
            for text in found for field, message in linter.problems(text, ids)]  # fmt: skip


def _line(lines: Mapping[Path, int], path: Path) -> int | None:
    for cut in range(len(path), -1, -1):
        if path[:cut] in lines:
            return lines[path[:cut]]
    return None


class _Linter:
    """The checks of one document, each language's wording made once."""

    def __init__(self, doc: Document, rules: Mapping[str, Rules]) -> None:
        self.doc, self.rules = doc, rules
        numbering = number(doc)
        self.typed = {lang: Typed(ReferenceWording(doc, lang, numbering)) for lang in rules}
        self.first = doc.original

    def fact(self, lang: str) -> Callable[[str], str]:
        """How language ``lang`` prints a fact by name (a break where it cannot: the build
        says why)."""
        language = self.rules[lang].language

        def printed(name: str) -> str:
            try:
                return language.fact(self.doc.facts[name])
            except (KeyError, ValueError):
                return BREAK

        return printed

    def problems(self, text: Text, ids: Mapping[str, int]) -> Iterator[tuple[Path, str]]:
        """(field path, message) of each problem of ``text``."""
        prose: dict[str, str] = {}
        typed: dict[str, list[str]] = {}
        refs: dict[str, int] = {}
        for lang, pieces in pieces_of(text):
            if lang not in self.rules or not pieces and text.langs[lang].strip():
                continue
            here = (*text.path, lang)
            rules, fact = self.rules[lang], self.fact(lang)
            for message in prose_problems(text.langs[lang], pieces, rules, fact):
                yield here, message
            bare = render(pieces).text
            typed[lang] = list(self.typed[lang].find(bare))
            refs[lang] = sum(p.kind == "ref" for p in pieces)
            for message in direction_problems(render(pieces, fact), text.place, ids, rules):
                yield here, message
            prose[lang] = bare
        yield from _typed(text, typed, refs)
        first = self.first if self.first in prose else next(iter(prose), None)
        if first is not None and len(prose) > 1:
            for lang, message in number_problems(prose, first, self.rules):
                yield (*text.path, lang), message


def _typed(
    text: Text, typed: Mapping[str, list[str]], refs: Mapping[str, int]
) -> Iterator[tuple[Path, str]]:
    """The references typed as text in each language, where another language of the text
    holds as many references (typed or {ref:…}): the same references, so this document's;
    a language alone in naming them names another document's parts ("第四节" of a report
    its English calls "Section IV")."""
    for lang, found in typed.items():
        others = [len(typed[o]) + refs[o] for o in typed if o != lang]
        if found and (not others or max(others) >= len(found) + refs[lang]):
            for reference in found:
                yield (
                    (*text.path, lang),
                    f"“{reference}” typed as text: write {{ref:…}} (or its long form {{reference:…}}) so that it follows the numbering",
                )
