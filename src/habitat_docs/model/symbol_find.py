"""UN document symbols in running text: finding them, and binding them against line breaks."""

from __future__ import annotations

import re

from habitat_docs.model.symbol_grammar import (
    BODY,
    DASHES,
    DOTTED_KINDS,
    NUMBER,
    ROMAN,
    SUFFIX,
    WORD_JOINER,
    YEAR,
)  # fmt: skip

__all__ = ["FIND", "nobreak"]

# Binds the spaces of a symbol: LibreOffice breaks Chinese lines at U+00A0, not at U+202F.
NARROW_NO_BREAK_SPACE = "\u202f"


def _symbol_pattern(joined: bool) -> str:
    """The regular expression of a symbol; ``joined`` also accepts the word joiners and
    no-break spaces that :func:`nobreak` puts in."""
    wj = f"{WORD_JOINER}?" if joined else ""
    s = f"/{wj}"
    sp = f"[ \u00a0{NARROW_NO_BREAK_SPACE}]" if joined else " "
    docpart = (
        rf"(?:{NUMBER}|(?:{'|'.join(DOTTED_KINDS)})\.{NUMBER}|INF{s}{NUMBER}"
        rf"|RES{s}(?:{NUMBER}{s})?{NUMBER}(?:{sp}[A-Z])?)"
    )
    part = rf"{sp}\(Part{sp}{ROMAN}\)"
    tail = rf"{s}{docpart}(?:{part})?(?:{s}{SUFFIX})*\*?"
    hsp_eb = rf"HSP{s}EB\.{YEAR}{tail}"
    generic = rf"(?!HSP{s}EB(?![A-Za-z]))[A-Z]+(?:{s}{BODY})*(?:{s}{NUMBER})?{tail}"
    single = rf"(?:{hsp_eb}|{generic})"
    return (
        rf"(?<![A-Za-z0-9_./])(?<!/{WORD_JOINER})"
        rf"{single}(?:{wj}[{DASHES}]{wj}{single})?"
        rf"(?![A-Za-z0-9_/]|\.[0-9])"
    )


#: Finds symbols in running text, Chinese or English ("根据ST/SGB/2019/2号秘书长公报",
#: "（A/79/309 (Part I)和A/79/309 (Part I)/Add.1）"). Every match is a valid symbol:
#: ``Symbol(m.group())`` never raises. Matches are maximal and never start or end inside a
#: run of Latin letters or digits, so "48/218 B", "2024/4", "D-2" and "IED-24-009" are not
#: found (they have no series). A part letter (" B") is taken only after a resolution
#: number (A/RES/48/218 B), and only when no letter or digit follows it.
FIND = re.compile(_symbol_pattern(joined=False))
_FIND_JOINED = re.compile(_symbol_pattern(joined=True))


_BIND = str.maketrans({WORD_JOINER: None, " ": NARROW_NO_BREAK_SPACE, "\u00a0": NARROW_NO_BREAK_SPACE})


def nobreak(text: str) -> str:
    """Insert U+2060 WORD JOINER after every ``/`` and around the dash of each symbol in
    ``text``, and make its spaces (" (Part I)", "48/218 B") narrow no-break spaces, so that no
    symbol is broken across lines; everything else is left unchanged.

    Idempotent: symbols that already carry word joiners or no-break spaces are recognised
    and given exactly one joiner at each place.
    """

    def join(m: re.Match[str]) -> str:
        symbol = m.group().translate(_BIND).replace("/", "/" + WORD_JOINER)
        for dash in DASHES:
            symbol = symbol.replace(dash, WORD_JOINER + dash + WORD_JOINER)
        return symbol

    return _FIND_JOINED.sub(join, text)
