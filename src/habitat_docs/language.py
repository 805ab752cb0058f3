"""Languages: the wording of ``templates/<lang>/`` (Jinja2, sandboxed) and its locale rules.

A language is a folder with ``language.toml`` (locale and typography), ``labels.j2`` (macros for
labels, references and fixed phrases) and ``masthead.j2`` (the masthead, one ``role: text`` line
per element). Adding a language means adding such a folder; no Python changes.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from babel.lists import format_list
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import formats
from .layout import Typography
from .number import Label

__all__ = ["Language", "language", "available", "template_dirs", "AGENDA_MARK"]

# Where a template places the agenda footnote mark; no data text may contain it (U+E000 is
# a private-use character, which text validation rejects).
AGENDA_MARK = "\ue000"
_ENV_VAR = "HABITAT_DOCS_TEMPLATES"


def template_dirs() -> list[Path]:
    """Folders searched for languages: $HABITAT_DOCS_TEMPLATES (``:``-separated), then the
    templates installed with the package, then those of a source checkout."""
    dirs = [Path(p) for p in os.environ.get(_ENV_VAR, "").split(os.pathsep) if p]
    here = Path(__file__).resolve().parent
    dirs += [here / "templates", here.parents[1] / "templates"]
    return [d for d in dirs if d.is_dir()]


def available() -> list[str]:
    return sorted({p.name for d in template_dirs() for p in d.iterdir() if (p / "language.toml").is_file()})


class Language:
    """One language's wording and locale rules, loaded from its template folder."""

    def __init__(self, code: str, folder: Path) -> None:
        self.code = code
        with open(folder / "language.toml", "rb") as f:
            conf = tomllib.load(f)
        self.name: str = conf["name"]
        self.locale: str = conf["locale"]
        self.typography = Typography(tag=conf["tag"], **conf["typography"])
        env = ImmutableSandboxedEnvironment(
            loader=FileSystemLoader(folder),
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        env.filters.update(
            roman=formats.roman,
            alpha=formats.alpha,
            zh_numeral=formats.zh_numeral,
            ordinal_word=lambda n: formats.ordinal_word(n, code),
            date=lambda d, locale=None: formats.long_date(d, locale or self.locale),
            date_range=lambda s, e: formats.date_range(s, e, self.locale),
            language_name=lambda c, locale=None: formats.language_name(c, locale or self.locale),
            prefix=lambda s, p: f"{p}{s}",
            join_list=lambda items: format_list([str(i) for i in items], locale=self.locale),
        )
        self._env = env
        self._labels = env.get_template("labels.j2").module
        self._masthead = env.get_template("masthead.j2")
        self._cache: dict[tuple[Any, ...], str] = {}

    def phrase(self, name: str, *args: Any) -> str:
        """Call the macro ``name`` of labels.j2, e.g. ``phrase("subtitle", kind)``."""
        key = (name, *args)
        try:
            return self._cache[key]
        except (KeyError, TypeError):
            pass
        macro: Callable[..., Any] = getattr(self._labels, name)
        value = str(macro(*args)).strip()
        try:
            self._cache[key] = value
        except TypeError:
            pass
        return value

    def label(self, label: Label, annexes: int = 0) -> str:
        """How the node itself is labelled: "I.", "一、", "(a)", "Figure I", "Annex II" …"""
        if label.kind == "subparagraph":
            return self.phrase("subparagraph", label.number, label.depth)
        if label.kind == "annex":
            return self.phrase("annex", label.number, annexes)
        return self.phrase(label.kind, label.number)

    def reference(self, kind: str, items: Sequence[str], annex: str | None) -> str:
        """A cross-reference: kind of the targets, their pinpoints, and the annex if any."""
        return " ".join(str(self._labels.reference(kind, list(items), annex)).split())

    def masthead(self, **context: Any) -> list[tuple[str, str]]:
        """The masthead lines as (role, text) pairs."""
        lines = []
        for raw in self._masthead.render(agenda_mark=AGENDA_MARK, **context).splitlines():
            if raw.strip():
                role, sep, text = raw.partition(": ")
                if not sep:
                    raise ValueError(f"masthead.j2 of '{self.code}': line without a role: {raw!r}")
                lines.append((role.strip(), text.strip()))
        return lines


@cache
def language(code: str) -> Language:
    for d in template_dirs():
        if (d / code / "language.toml").is_file():
            return Language(code, d / code)
    raise LookupError(
        f"no templates for language '{code}' (available: {', '.join(available()) or 'none'})"
    )
