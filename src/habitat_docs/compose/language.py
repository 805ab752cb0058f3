"""Languages: the wording of ``templates/<lang>/`` (Jinja2, sandboxed) and its locale rules.

A language is a folder with ``language.toml`` (locale and typography), ``labels.j2`` (macros for
labels, references and fixed phrases) and ``masthead.j2`` (the masthead, one ``role: text`` line
per element). Adding a language means adding such a folder; no Python changes.

Figures (money, per cent, numbers, dates and ranges) follow the ``[style]`` table of
language.toml (``compose.style``); a folder without one falls back to CLDR (Babel) for its locale.
Wording comes from macros of labels.j2: ``fact_session(year, n)``, ``fact_quarter(year, n,
last)``, ``fact_half(year, n)``, ``fact_ordinal(n)`` and ``fact_count_words(n)``. Templates have
the filters ``fact``, ``money``, ``percent``, ``number``, ``date``, ``date_range`` and
``session_name``, and the masthead gets the document's ``facts``.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from babel.core import get_global
from babel.lists import format_list
from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from habitat_docs.compose import numerals
from habitat_docs.compose.style import (
    WORDING,
    CldrFigures,
    Figures,
    HouseFigures,
    HouseStyle,
    cldr_locale,
    language_name,
)
from habitat_docs.compose.terms import day_and_month
from habitat_docs.compose.tree import Typography
from habitat_docs.model import facts
from habitat_docs.number import Label

__all__ = ["Language", "language", "language_of", "figures_of", "forget_languages", "render", "available", "template_dirs", "AGENDA_MARK"]

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


@cache
def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja2's cache of compiled templates (in its private folder under the temporary
    directory, checked against each template's source): compiling a language's templates
    costs more than building a document in it. None where no such folder can be made."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


class Language:
    """One language's wording and locale rules, loaded from its template folder."""

    def __init__(self, code: str, folder: Path) -> None:
        self.code = code
        with open(folder / "language.toml", "rb") as f:
            conf = tomllib.load(f)
        self.name: str = conf["name"]
        self.locale: str = conf["locale"]
        self.typography = Typography(tag=conf["tag"], **conf["typography"])
        try:
            self.figures: Figures = (
                HouseFigures(HouseStyle.from_table(conf["style"], self.locale))
                if "style" in conf
                else CldrFigures(self.locale)
            )
        except ValueError as e:
            raise ValueError(f"{folder / 'language.toml'}: {e}") from None
        # a day and its month, kept on one line ("6 mai", "6 de mayo"): from the house style
        house = self.figures.style if isinstance(self.figures, HouseFigures) else None
        self.terms = day_and_month(house.months, house.days, house.day) if house else None
        env = ImmutableSandboxedEnvironment(
            loader=FileSystemLoader(folder),
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            bytecode_cache=_bytecode_cache(),
        )
        env.globals["nbsp"] = NBSP  # binds "para." to its number so no line starts with "15."
        env.globals["refuse"] = _refuse
        figures = self.figures
        env.filters.update(
            roman=numerals.roman,
            alpha=numerals.alpha,
            zh_numeral=numerals.zh_numeral,
            # date("en"): a date as another language (or locale) writes it: the Distr. column
            # of every language is English
            date=lambda d, lang=None: (figures_of(lang) if lang else figures).date(d),
            date_range=lambda s, e: figures.dates(s, e),
            language_name=lambda c, locale=None: language_name(c, locale or self.locale),
            prefix=lambda s, p: f"{p}{s}",
            join_list=lambda items: format_list([str(i) for i in items], locale=self.locale),
            # figures: the functions prose facts are rendered with
            fact=self.fact,
            money=lambda amount, scale="exact", currency="USD": figures.money(amount, scale, currency),
            percent=figures.percent,
            number=figures.number,
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

    def fact(self, value: facts.Fact, table: bool = False) -> str:
        """A fact in this language: its wording from the ``fact_<kind>`` macro of labels.j2
        (sessions, quarters, ordinals, numbers in words …), its figures from the house style
        (``table``: as a table's cells print them, "89%" where running text says "89 процентов")."""
        macro = WORDING.get(type(value))
        if macro is None or (isinstance(value, facts.Count) and not value.in_words(self.code)):
            return self.figures.fact(value, self.code, table)
        if not hasattr(self._labels, macro):
            raise ValueError(
                f"'{self.code}' has no wording for {type(value).__name__}: give its labels.j2 a "
                f"'{macro}' macro"
            )
        return self.phrase(macro, *_MACRO_ARGS[type(value)](value))

    def reference(self, kind: str, items: Sequence[str], annex: str | None, long: bool = False) -> str:
        """A cross-reference: kind of the targets, their pinpoints, and the annex if any;
        ``long`` its long form ("paragraph 15" where the short one is "para. 15")."""
        macro: Callable[..., Any] = getattr(self._labels, "reference")  # noqa: B009 (a template macro)
        if not long:
            text = str(macro(kind, list(items), annex))
        elif "long" not in getattr(macro, "arguments", ()):  # a folder of its own may lack it
            raise ValueError(
                f"'{self.code}' has no long references: give the 'reference' macro of its "
                "labels.j2 a 'long' argument"
            )
        else:
            text = str(macro(kind, list(items), annex, long=True))
        return _SPACES.sub(" ", text).strip()  # template layout out; no-break spaces stay

    def masthead(self, **context: Any) -> list[tuple[str, str]]:
        """The masthead lines as (role, text) pairs."""
        lines = []
        # split at line feeds only: a title's own line break (U+2028) stays in its line
        for raw in self._masthead.render(agenda_mark=AGENDA_MARK, **context).split("\n"):
            if raw.strip():
                role, sep, text = raw.partition(": ")
                if not sep:
                    raise ValueError(f"masthead.j2 of '{self.code}': line without a role: {raw!r}")
                lines.append((role.strip(), text.strip()))
        return lines


def _refuse(message: str) -> str:
    """What a template calls when it cannot write a value: the build stops with its message."""
    raise ValueError(message)


# The arguments of each wording macro of labels.j2.
_MACRO_ARGS: dict[type, Callable[[Any], tuple[Any, ...]]] = {
    facts.SessionRef: lambda v: (v.year, v.ordinal),
    facts.Quarter: lambda v: (v.year, v.n, v.last),
    facts.Half: lambda v: (v.year, v.n),
    facts.Ordinal: lambda v: (v.n,),
    facts.Count: lambda v: (v.value,),
}


@cache
def language(code: str) -> Language:
    for d in template_dirs():
        if (d / code / "language.toml").is_file():
            return Language(code, d / code)
    raise LookupError(
        f"no templates for language '{code}' (available: {', '.join(available()) or 'none'})"
    )


@cache
def _language_and_script(locale: str) -> tuple[str, str | None]:
    """('zh', 'Hans') for zh, zh-CN and zh_Hans_CN; ('zh', 'Hant') for zh_TW (CLDR's likely
    subtags fill in the script a locale leaves out)."""
    loc = cldr_locale(locale)
    if loc.script:
        return loc.language, loc.script
    likely = get_global("likely_subtags")
    for key in (f"{loc.language}_{loc.territory}", loc.language):
        if key in likely:
            return loc.language, cldr_locale(likely[key]).script
    return loc.language, None


@cache
def language_of(locale: str) -> str | None:
    """The language folder that writes ``locale`` ("en_GB" -> "en"), or None."""
    codes = available()
    if locale in codes:
        return locale
    wanted = _language_and_script(locale)
    return next((c for c in codes if _language_and_script(language(c).locale) == wanted), None)


def forget_languages() -> None:
    """Read the template folders again (after $HABITAT_DOCS_TEMPLATES changed)."""
    for cached in (language, language_of, _writer):
        cached.cache_clear()


@cache
def _writer(lang: str) -> Language | CldrFigures:
    code = language_of(lang)
    return language(code) if code else CldrFigures(lang)


def figures_of(lang: str) -> Figures:
    """The figures of a language with templates (or a locale of one), else CLDR's."""
    writer = _writer(lang)
    return writer.figures if isinstance(writer, Language) else writer


def render(value: facts.Fact, lang: str) -> str:
    """A fact in a language with templates ("en", "zh", or a locale of one: "en_GB", "zh-CN"),
    or as CLDR writes it in any other locale ("fr_FR").

        >>> from habitat_docs.model.facts import Money
        >>> render(Money.of("62.32 million"), "en"), render(Money.of("62.32 million"), "zh")
        ('$62.32 million', '6\xa0232万美元')
    """
    writer = _writer(lang)
    return writer.fact(value) if isinstance(writer, Language) else writer.fact(value, lang)
