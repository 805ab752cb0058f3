"""What a check reports: findings, what each file holds, a report of them, and the error for
unreadable files."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from attrs import field, fields, frozen

from habitat_docs.terminal import printable

__all__ = ["CheckError", "Counts", "Finding", "Report"]


class CheckError(Exception):
    """A file cannot be read, or is not a document (the CLI exits with 2); ``file`` names it."""

    def __init__(self, message: str, file: str | None = None) -> None:
        super().__init__(message)
        self.file = file


def one_line(text: str) -> str:
    """``text`` safe to print on one line: controls, bidi overrides and line breaks escaped."""
    return printable(text).replace("\n", "\\n")


@frozen
class Finding:
    """One inconsistency. ``page`` is the PDF page (None for text without form feeds and for
    DOCX); ``line`` the line of the file or page, or with ``paragraphs`` the paragraph of a
    DOCX in document order (None for parts such as headers); ``quote`` the opening words
    of that line or paragraph; ``other`` the file it was compared with (parity). ``code``
    names the kind of problem, e.g. ``gap``."""

    file: str
    page: int | None
    line: int | None
    expected: str
    found: str
    message: str
    code: str = ""
    quote: str = ""
    paragraphs: bool = False
    other: str | None = None

    @property
    def where(self) -> str:
        """``FILE:PAGE:LINE`` (``-`` for none), or ``FILE:¶N`` for a DOCX paragraph."""
        if self.paragraphs:
            return self.file if self.line is None else f"{self.file}:¶{self.line}"
        page = "-" if self.page is None else self.page
        line = "-" if self.line is None else self.line
        return f"{self.file}:{page}:{line}"

    def __str__(self) -> str:
        quote = f" “{self.quote}”" if self.quote else ""
        sep = ":" if not self.paragraphs and quote else ""  # FILE:PAGE:LINE: stays a prefix
        return one_line(f"{self.where}{sep}{quote}: {self.message}")

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "page": self.page,
            "line": self.line,
            "paragraph": self.line if self.paragraphs else None,
            "quote": self.quote,
            "expected": self.expected,
            "found": self.found,
            "message": self.message,
            "code": self.code,
            "other": self.other,
        }


@frozen
class Counts:
    """What a file holds (or, with ``language``, one language version of a data file)."""

    file: str
    language: str | None = None
    paragraphs: int = 0
    sections: int = 0
    subsections: int = 0
    subparagraphs: int = 0
    footnotes: int = 0
    annexes: int = 0

    def __str__(self) -> str:
        """"27 paragraphs, 4 sections, 1 annex": paragraphs always, the others when present."""
        parts = []
        for a in fields(Counts)[2:]:
            n = getattr(self, a.name)
            if n or a.name == "paragraphs":
                parts.append(f"{n} {a.name if n != 1 else _SINGULAR.sub('', a.name)}")
        return ", ".join(parts)

    @property
    def name(self) -> str:
        return self.file if self.language is None else f"{self.file} ({self.language})"

    def as_dict(self) -> dict[str, object]:
        return {a.name: getattr(self, a.name) for a in fields(Counts)}


_SINGULAR = re.compile("(?<=x)es$|s$")  # annexes -> annex, sections -> section


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (f.file, f.page or 0, f.line or 0)))


@frozen
class Report:
    """The findings of one or more checks, sorted by file, page and line, and what each
    file checked holds. ``notes`` say what is no inconsistency but changes how a file was
    read ("FILE: has tracked changes …")."""

    findings: tuple[Finding, ...] = field(default=(), converter=_sorted)
    files: tuple[str, ...] = ()
    counts: tuple[Counts, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.findings

    def __str__(self) -> str:
        return "\n".join([*(str(f) for f in self.findings), *(one_line(n) for n in self.notes)])

    def summary(self) -> str:
        """One line for each file without findings (nor a parity finding naming it):
        ``FILE: ok — 27 paragraphs, …``."""
        flagged = {f.file for f in self.findings} | {f.other for f in self.findings}
        ok = (c for c in self.counts if c.file not in flagged)
        return "\n".join(one_line(f"{c.name}: ok — {c}") for c in ok)

    def __add__(self, other: Report) -> Report:
        return Report(
            (*self.findings, *other.findings),
            (*self.files, *other.files),
            (*self.counts, *other.counts),
            (*self.notes, *other.notes),
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "files": list(self.files),
            "counts": [c.as_dict() for c in self.counts],
            "findings": [f.as_dict() for f in self.findings],
            **({"notes": list(self.notes)} if self.notes else {}),
        }

    def to_json(self) -> str:
        return safe_json(self.as_dict())


def safe_json(data: object) -> str:
    """JSON for a terminal: controls and bidi overrides in strings written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return printable(text, _json_escape)


def _json_escape(char: str) -> str:
    """``\\u202e``; a character past U+FFFF as its two surrogates, as JSON writes it."""
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"
