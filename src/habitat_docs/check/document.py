"""A document read back as located lines: the common input of every check, whatever file
it was read from."""

from __future__ import annotations

import re

from attrs import frozen

__all__ = ["NO_BREAK", "DocumentText", "Header", "Line", "clean", "clean_keeping_spaces",
           "no_breaks"]  # fmt: skip

# Invisible characters (word joiners keep symbols on one line; bidi marks, embeddings and
# isolates keep numbers and symbols left to right in Arabic text), non-breaking hyphens and spaces.
_INVISIBLE = str.maketrans({"\u2060": None, "\u200b": None, "\u200c": None, "\u200d": None,
                            "\ufeff": None, "\u00ad": None, "\u2011": "-",
                            "\u00a0": " ", "\u202f": " ",
                            **dict.fromkeys("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                                            "\u2066\u2067\u2068\u2069")})  # fmt: skip


# The same as patterns and replacements: str.translate looks every character up in a dict,
# which costs more than a scan for the few there are (a check cleans each line many times).
_ANY = re.compile("[" + re.escape("".join(map(chr, _INVISIBLE))) + "]")
_DROPPED = re.compile(
    "[" + re.escape("".join(chr(k) for k, v in _INVISIBLE.items() if v is None)) + "]"
)
_REPLACED = {chr(k): v for k, v in _INVISIBLE.items() if isinstance(v, str)}


# The no-break spaces clean() makes plain: where they stood is kept beside the text (a DOCX).
NO_BREAK = "\u00a0\u202f"
_NO_BREAK = re.compile(f"[{NO_BREAK}]")
# Stand-ins clean() leaves alone, one for each no-break space, while their places are found.
_STAND_INS = str.maketrans({c: chr(0xE200 + k) for k, c in enumerate(NO_BREAK)})
_FOUND = re.compile(f"[{chr(0xE200)}-{chr(0xE200 + len(NO_BREAK) - 1)}]")


def no_breaks(raw: str) -> tuple[tuple[int, str], ...]:
    """Where ``clean(raw)`` has a plain space that was a no-break one in ``raw``, and which."""
    if not _NO_BREAK.search(raw):
        return ()
    kept = clean(raw.translate(_STAND_INS))
    return tuple((m.start(), NO_BREAK[ord(m.group()) - 0xE200]) for m in _FOUND.finditer(kept))


def clean_keeping_spaces(raw: str) -> str:
    """``clean(raw)`` with its no-break spaces as they were: text to be set again."""
    if not _NO_BREAK.search(raw):
        return clean(raw)
    return _FOUND.sub(lambda m: NO_BREAK[ord(m.group()) - 0xE200], clean(raw.translate(_STAND_INS)))


def clean(text: str) -> str:
    """Text without invisible characters and with plain spaces: "HSP⁠/⁠EB.2024⁠/⁠11" reads
    "HSP/EB.2024/11"."""
    if not _ANY.search(text):
        return text
    text = _DROPPED.sub("", text)
    for char, replacement in _REPLACED.items():
        if char in text:
            text = text.replace(char, replacement)
    return text


@frozen
class Line:
    """A line of text and where it is. ``role``: body, head (running head, page number),
    foot (footer), note (footnote text), small (table or note text set small), table (a DOCX
    table cell). ``marks`` are footnote reference marks taken out of the text (``mark_at``:
    where each stood in ``text``, when the source says); ``style`` a DOCX paragraph style;
    ``size`` the font size relative to the body text (PDF), else None; ``italic`` the
    (start, end) spans of ``text`` set in italics by the runs of a DOCX paragraph, and
    ``no_break`` where its text had a no-break space (each offset with the space) before
    ``clean`` made it a plain one."""

    page: int | None
    line: int
    text: str
    role: str = "body"
    marks: tuple[str, ...] = ()
    style: str | None = None
    size: float | None = None
    bold: bool | None = None
    sure: bool = True  # False: a footnote told only by where it stands, not by its mark
    mark_at: tuple[int, ...] = ()
    italic: tuple[tuple[int, int], ...] = ()
    no_break: tuple[tuple[int, str], ...] = ()


@frozen
class Header:
    """A DOCX running head: ``where`` says which pages it serves."""

    where: str
    text: str


@frozen
class DocumentText:
    """The text of one file read back: ``name`` the file, ``kind`` what it was read as (one
    of reader.KINDS), ``pages`` its page count when it has pages, ``lang`` the language tag
    the file declares ("zh-CN": a DOCX's core properties, a PDF's catalogue), if any."""

    name: str
    kind: str
    lines: tuple[Line, ...]
    pages: int | None = None
    headers: tuple[Header, ...] | None = None  # DOCX only
    symbol_hint: str | None = None  # the document's own symbol when the file says it (DOCX)
    tracked_changes: bool = False  # a DOCX with tracked changes, read as if all were accepted
    lang: str | None = None
