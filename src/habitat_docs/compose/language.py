"""Languages: the wording of ``templates/<lang>/`` (Jinja2, sandboxed) and its locale rules.

A language is a folder with ``language.toml`` (locale and typography), ``labels.j2`` (macros for
labels, references and fixed phrases) and ``masthead.j2`` (the masthead, one ``role: text`` line
per element). Adding a language means adding such a folder; no Python changes.

Facts (figures: money, per cent, dates …) are written by ``formats`` with the folder's locale: UN
house style for English and Chinese, CLDR (Babel) for any other locale. The wordings CLDR lacks
come from optional macros of labels.j2, which also override the house style where present:
``fact_session(year, n)``, ``fact_quarter(year, n, last)``, ``fact_half(year, n)``,
``fact_ordinal(n)`` and ``fact_count_words(n)``. Templates have the filters ``fact``, ``money``,
``percent``, ``number`` and ``session_name``, and the masthead gets the document's ``facts``.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from babel.lists import format_list
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from habitat_docs.compose import style
from habitat_docs.compose.tree import Typography
from habitat_docs.model import facts
from habitat_docs.number import Label

__all__ = ["Language", "language", "available", "template_dirs", "AGENDA_MARK"]

# Where a template places the agenda footnote mark; no data text may contain it (U+E000 is
# a private-use character, which text validation rejects).
AGENDA_MARK = "\ue000"
NBSP = "\u00a0"
_SPACES = re.compile(r"[ \t\r\n]+")
_ENV_VAR = "HABITAT_DOCS_TEMPLATES"


def template_dirs() -> list[Path]:
    """Folders searched for languages: $HABITAT_DOCS_TEMPLATES (``:``-separated), then the
    templates installed with the package, then those of a source checkout."""
    dirs = [Path(p) for p in os.environ.get(_ENV_VAR, "").split(os.pathsep) if p]
    package = Path(__file__).resolve().parents[1]
    dirs += [package / "templates", package.parents[1] / "templates"]
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
        env.globals["nbsp"] = NBSP  # binds "para." to its number so no line starts with "15."
        env.filters.update(
            roman=style.roman,
            alpha=style.alpha,
            zh_numeral=style.zh_numeral,
            ordinal_word=lambda n: style.ordinal_word(n, code),
            date=lambda d, locale=None: style.date(d, locale or self.locale),
            date_range=lambda s, e: style.dates(s, e, self.locale),
            language_name=lambda c, locale=None: style.language_name(c, locale or self.locale),
            prefix=lambda s, p: f"{p}{s}",
            join_list=lambda items: format_list([str(i) for i in items], locale=self.locale),
            # figures: the functions prose facts are rendered with
            fact=self.fact,
            money=lambda amount, scale="exact", currency="USD": style.money(
                amount, self.locale, scale, currency
            ),
            percent=lambda v: style.percent(v, self.locale),
            number=lambda n: style.number(n, self.locale),
            session_name=lambda s: self.fact(facts.SessionRef(s.year, s.ordinal)),
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
        value = str(macro(*args)).strip("\n")
        try:
            self._cache[key] = value
        except TypeError:
            pass
        return value

    def label(self, label: Label, annexes: int = 0, style: str = "un") -> str:
        """How the node itself is labelled: "I.", "一、", "(a)", "Figure I", "Annex II" …;
        ``style`` "decimal" gives headings 1., 1.1."""
        if label.kind == "subparagraph":
            return self.phrase("subparagraph", label.number, label.depth)
        if label.kind == "annex":
            return self.phrase("annex", label.number, annexes)
        if label.kind == "section":
            return self.phrase("section", label.number, style)
        if label.kind == "subsection":
            assert label.parent is not None
            return self.phrase("subsection", label.number, style, label.parent.number)
        return self.phrase(label.kind, label.number)

    def fact(self, value: facts.Fact) -> str:
        """A fact in this language. A ``fact_<kind>`` macro of labels.j2, when there is one,
        writes it (a language whose wording CLDR lacks: sessions, quarters, words …); else
        ``style.render`` with this language's locale: UN house style for English and Chinese,
        CLDR (Babel) for any other locale."""
        macro = _FACT_MACROS.get(type(value))
        if macro is not None:
            name, args = macro(value, self.code)
            if name is not None and hasattr(self._labels, name):
                return self.phrase(name, *args)
        return style.render(value, self.locale)

    def reference(self, kind: str, items: Sequence[str], annex: str | None) -> str:
        """A cross-reference: kind of the targets, their pinpoints, and the annex if any."""
        macro: Callable[..., Any] = getattr(self._labels, "reference")  # noqa: B009 (a template macro)
        text = str(macro(kind, list(items), annex))
        return _SPACES.sub(" ", text).strip()  # template layout out; no-break spaces stay

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


# Macros of labels.j2 that may write a fact: type -> (macro name or None, arguments).
_FACT_MACROS: dict[type, Callable[[Any, str], tuple[str | None, tuple[Any, ...]]]] = {
    facts.SessionRef: lambda v, _: ("fact_session", (v.year, v.ordinal)),
    facts.Quarter: lambda v, _: ("fact_quarter", (v.year, v.n, v.last)),
    facts.Half: lambda v, _: ("fact_half", (v.year, v.n)),
    facts.Ordinal: lambda v, _: ("fact_ordinal", (v.n,)),
    facts.Count: lambda v, code: ("fact_count_words" if v.in_words(code) else None, (v.value,)),
}


@cache
def language(code: str) -> Language:
    for d in template_dirs():
        if (d / code / "language.toml").is_file():
            return Language(code, d / code)
    raise LookupError(
        f"no templates for language '{code}' (available: {', '.join(available()) or 'none'})"
    )
