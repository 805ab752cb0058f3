"""UN document symbols (HSP/EB.2024/11): validated on construction, read by component.

The grammar is :mod:`habitat_docs.model.symbol_grammar`'s; finding symbols in prose and
binding them against line breaks is :mod:`habitat_docs.model.symbol_find`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from attrs import field, frozen

from habitat_docs.errors import DataError
from habitat_docs.model.symbol_grammar import DASHES, YEAR_RE, Single, parse_symbol, unparse

__all__ = ["Symbol"]


def _check(_: object, __: object, value: str) -> None:
    if not isinstance(value, str):
        raise DataError(f"expected a symbol as text, such as HSP/EB.2024/11, got {value!r}")
    parse_symbol(value)


@frozen
class Symbol:
    """A UN document symbol such as ``HSP/EB.2024/11``; the same in every language.

    Built from its text and validated on construction (:class:`DataError` says which
    component is wrong and why); ``str()`` gives the text back unchanged.

    A joint symbol (``A/74/73/Add.1–E/2019/4/Add.1``) has two :attr:`parts`; its
    single-symbol accessors (:attr:`series` … :attr:`suffixes`) describe the first part,
    :attr:`reissue` is true if any part is marked, and :attr:`base` and :meth:`addendum`
    apply to every part.
    """

    text: str = field(validator=_check)

    def __str__(self) -> str:
        return self.text

    @property
    def file_stem(self) -> str:
        """A file-name form: ``HSP/EB.2024/11`` -> ``HSP-EB.2024-11``."""
        return re.sub(r"[/ ]", "-", self.text.replace("*", "")).replace("(", "").replace(")", "")

    @classmethod
    def hsp_eb(cls, year: int, number: int) -> Symbol:
        """The Executive Board document ``HSP/EB.<year>/<number>``."""
        for name, value in (("year", year), ("number", number)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise DataError(f"the {name} of an HSP/EB symbol must be an integer, got {value!r}")
        if not 1900 <= year <= 2099:
            raise DataError(f"the year of an HSP/EB symbol must have four digits, got {year}")
        if number < 1:
            raise DataError(f"the number of an HSP/EB symbol must be 1 or more, got {number}")
        return cls(f"HSP/EB.{year}/{number}")

    @property
    def _singles(self) -> tuple[Single, ...]:
        return parse_symbol(self.text)

    @property
    def _first(self) -> Single:
        return parse_symbol(self.text)[0]

    @property
    def is_joint(self) -> bool:
        """True for a joint symbol such as ``A/74/73/Add.1–E/2019/4/Add.1``."""
        return len(self._singles) > 1

    @property
    def parts(self) -> tuple[Symbol, ...]:
        """The single symbols of a joint symbol, in order; ``(self,)`` for a single one."""
        if not self.is_joint:
            return (self,)
        return tuple(Symbol(t) for t in re.split(f"[{DASHES}]", self.text))

    @property
    def series(self) -> str:
        """The first component: ``HSP``, ``A``, ``E``, ``ST``, ``UNEP``…"""
        return self._first.series

    @property
    def components(self) -> tuple[str, ...]:
        """The body components between the series and the session or document part, as
        written: ``("EB.2024",)`` for HSP/EB.2024/11, ``("AC.51",)`` for E/AC.51/2023/3,
        ``("SGB",)`` for ST/SGB/2019/2, ``()`` for A/79/76."""
        return self._first.components

    @property
    def session(self) -> int | None:
        """The session or year component: 79 in A/79/76, 2019 in ST/SGB/2019/2, 71 in
        A/RES/71/243; None when there is none (HSP/EB.2024/11, HSP/HA.2/8)."""
        s = self._first
        return s.session if s.session is not None else s.res_session

    @property
    def year(self) -> int | None:
        """The calendar year the symbol carries, if any (19xx or 20xx): the session
        component when it is a year (ST/SGB/2019/2 -> 2019), else a year fused to a body
        (HSP/EB.2024/11 -> 2024, HSP/OECPR.2023/INF/1 -> 2023), else the session of a
        resolution (E/RES/2019/1 -> 2019); None for A/79/76 or HSP/HA.2/8."""
        s = self._first
        candidates = [str(s.session), *(c.partition(".")[2] for c in reversed(s.components)),
                      str(s.res_session)]
        return next((int(c) for c in candidates if YEAR_RE.fullmatch(c)), None)

    @property
    def number(self) -> int:
        """The sequential number of the document part: 11 in HSP/EB.2024/11/Add.1, 3 in
        HSP/EB.2024/L.3, 1 in HSP/EB.2023/INF/1, 243 in A/RES/71/243."""
        return self._first.number

    @property
    def kind(self) -> str | None:
        """None for a plain number, else one of :data:`KINDS` (``"L"``, ``"CRP"``,
        ``"INF"``, ``"RES"``, ``"PV"``, ``"SR"``, ``"WP"``, ``"R"``, ``"HLS"``)."""
        return self._first.kind

    @property
    def letter(self) -> str | None:
        """The part letter of a resolution: ``"B"`` in A/RES/48/218 B."""
        return self._first.letter

    @property
    def part(self) -> str | None:
        """The Roman numeral of a parenthesised part: ``"I"`` in A/79/309 (Part I)."""
        return self._first.part

    @property
    def suffixes(self) -> tuple[tuple[str, int | None], ...]:
        """``(("Add", 1), ("Corr", 1))`` for …/Add.1/Corr.1; ``("Summary", None)``."""
        return self._first.suffixes

    @property
    def reissue(self) -> bool:
        """True when marked ``*``, reissued for technical reasons."""
        return any(s.reissue for s in self._singles)

    @property
    def base(self) -> Symbol:
        """The symbol without suffixes and reissue mark: HSP/EB.2024/13/Add.1 ->
        HSP/EB.2024/13; A/79/309 (Part I)/Add.1 -> A/79/309 (Part I)."""
        return self._map(lambda s: s._replace(suffixes=(), reissue=False))

    def addendum(self, n: int) -> Symbol:
        """Addendum ``n`` to this document: HSP/EB.2024/13 -> HSP/EB.2024/13/Add.n. The
        reissue mark is dropped; an addendum cannot be taken of an addendum."""
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise DataError(f"an addendum number must be an integer of 1 or more, got {n!r}")
        if any(name == "Add" for s in self._singles for name, _ in s.suffixes):
            raise DataError(f"'{self.text}' is already an addendum; "
                            f"take the addendum of its base, '{self.base.text}'")
        return self._map(lambda s: s._replace(suffixes=(*s.suffixes, ("Add", n)), reissue=False))

    def _map(self, change: Callable[[Single], Single]) -> Symbol:
        singles = [change(s) for s in self._singles]
        texts = [unparse(s) for s in singles]
        if len(texts) == 1:
            return Symbol(texts[0])
        dash = next(ch for ch in self.text if ch in DASHES)
        return Symbol(dash.join(texts))
