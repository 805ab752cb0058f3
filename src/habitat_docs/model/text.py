"""Text: one piece of prose in every language of its document, its markup parsed once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar

from attrs import field, frozen

from habitat_docs.errors import DataError
from habitat_docs.model.inline import Emph, Fact, Inline, InlineError, Note, Strong, parse, plain

__all__ = ["LANGUAGE_CODE", "MAX_TEXT", "UN_LANGUAGES", "Text", "in_un_order"]

#: Characters in one text of one language: far beyond any paragraph, table cell or note; a
#: longer string is a mistake (or an attack) and would only slow every stage down.
MAX_TEXT = 100_000
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*\Z")
#: The six official languages of the United Nations, in the UN's order (by English name).
UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")

_T = TypeVar("_T")


@frozen(init=False)
class Text:
    """One piece of prose in several languages, e.g. ``Text(en="Introduction", zh="导言")``."""

    versions: tuple[tuple[str, str], ...]
    _parsed: dict[str, tuple[Inline, ...]] = field(eq=False, hash=False, repr=False)

    def __init__(self, versions: Mapping[str, str] | None = None, /, **kw: str) -> None:
        merged = {**(versions or {}), **kw}
        if not merged:
            raise DataError("text needs at least one language, e.g. {en: …, zh: …}")
        parsed = {lang: _parse_version(lang, value) for lang, value in merged.items()}
        self.__attrs_init__(tuple(sorted(merged.items())), parsed)

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self._parsed)

    def __getitem__(self, lang: str) -> str:
        return dict(self.versions)[lang]

    def inline(self, lang: str) -> tuple[Inline, ...]:
        return self._parsed[lang]

    def plain(self, lang: str) -> str:
        return plain(self._parsed[lang])

    def notes(self, lang: str) -> int:
        return sum(1 for _ in _find(self._parsed[lang], Note))

    def facts(self, lang: str) -> Iterator[Fact]:
        """The ``{fact:name}`` uses of one language, footnotes included, in reading order."""
        return _find(self._parsed[lang], Fact)


def in_un_order(codes: Iterable[str]) -> tuple[str, ...]:
    """Languages in the UN's order, any others after them alphabetically: the order in which
    a document's language versions are built.

        >>> in_un_order({"en", "fr", "zh", "ar"})
        ('ar', 'zh', 'en', 'fr')
    """
    rank = {code: i for i, code in enumerate(UN_LANGUAGES)}
    return tuple(sorted(set(codes), key=lambda c: (rank.get(c, len(rank)), c)))


def _parse_version(lang: object, value: object) -> tuple[Inline, ...]:
    """The markup of one language's text, once its code and its string are checked."""
    if not isinstance(lang, str) or not LANGUAGE_CODE.match(lang):
        raise DataError(f"'{lang}' is not a language code (e.g. en, zh)")
    if not isinstance(value, str):
        hint = "; quote it in YAML" if isinstance(value, bool | int | float) else ""
        got = "nothing" if value is None else type(value).__name__
        raise DataError(f"expected text, got {got}{hint}", (lang,))
    if not value.strip():
        raise DataError("text is empty", (lang,))
    if len(value) > MAX_TEXT:
        raise DataError(
            f"a text of {len(value):,} characters is longer than the {MAX_TEXT:,} allowed",
            (lang,),
        )
    try:
        return parse(value)
    except InlineError as e:
        raise DataError(str(e), (lang,)) from None


def _find(nodes: tuple[Inline, ...], kind: type[_T]) -> Iterator[_T]:
    for n in nodes:
        if isinstance(n, kind):
            yield n
        if isinstance(n, Emph | Strong | Note):
            yield from _find(n.children, kind)
