"""What a check reports: findings, a report of them, and the error for unreadable files."""

from __future__ import annotations

import json
from collections.abc import Iterable

from attrs import field, frozen

__all__ = ["CheckError", "Finding", "Report"]


class CheckError(Exception):
    """A file cannot be read, or is not a document (the CLI exits with 2); ``file`` names it."""

    def __init__(self, message: str, file: str | None = None) -> None:
        super().__init__(message)
        self.file = file


@frozen
class Finding:
    """One inconsistency. ``page`` is the PDF page (None for text without form feeds and for
    DOCX); ``line`` the line of the file or page, or the paragraph of a DOCX (None for parts
    such as headers). ``code`` names the kind of problem, e.g. ``gap`` or ``ambiguous``."""

    file: str
    page: int | None
    line: int | None
    expected: str
    found: str
    message: str
    code: str = ""

    def __str__(self) -> str:
        page = "-" if self.page is None else self.page
        line = "-" if self.line is None else self.line
        return f"{self.file}:{page}:{line}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "page": self.page,
            "line": self.line,
            "expected": self.expected,
            "found": self.found,
            "message": self.message,
            "code": self.code,
        }


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (f.file, f.page or 0, f.line or 0)))


@frozen
class Report:
    """The findings of one or more checks, sorted by file, page and line. ``notes`` say what
    is no inconsistency but changes how a file was read ("FILE: has tracked changes …")."""

    findings: tuple[Finding, ...] = field(default=(), converter=_sorted)
    files: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.findings

    def __str__(self) -> str:
        return "\n".join([*(str(f) for f in self.findings), *self.notes])

    def __add__(self, other: Report) -> Report:
        return Report(
            (*self.findings, *other.findings),
            (*self.files, *other.files),
            (*self.notes, *other.notes),
        )

    def to_json(self) -> str:
        data = {
            "ok": self.ok,
            "files": list(self.files),
            "findings": [f.as_dict() for f in self.findings],
        }
        if self.notes:  # only when there is something to say, as the schema was without it
            data["notes"] = list(self.notes)
        return json.dumps(data, ensure_ascii=False, indent=2)
