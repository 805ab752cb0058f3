"""pytest helpers: assert that documents are numbered consistently.

    from habitat_docs.testing import assert_numbering, assert_parity

    def test_output(tmp_path):
        zh, en = habitat_docs.build("report.yaml", tmp_path)
        assert_numbering(zh)
        assert_parity(zh, en)

A failure raises AssertionError whose message lists every problem as FILE:PAGE:LINE: message.
"""

from __future__ import annotations

import os

from habitat_docs.check import Report, check, check_text, parity

__all__ = ["assert_numbering", "assert_parity", "assert_text_numbering"]


def assert_numbering(path: str | os.PathLike[str], *, kind: str | None = None) -> Report:
    """Fail unless the file (DOCX, PDF or text) is numbered consistently."""
    __tracebackhide__ = True
    return _ok(check(path, kind=kind), f"numbering problems in {os.fspath(path)}")


def assert_text_numbering(text: str, name: str = "<text>") -> Report:
    """Fail unless plain text (e.g. a PDF's extracted text) is numbered consistently."""
    __tracebackhide__ = True
    return _ok(check_text(text, name), f"numbering problems in {name}")


def assert_parity(
    path: str | os.PathLike[str], other_path: str | os.PathLike[str], *, kind: str | None = None
) -> Report:
    """Fail unless two language versions have the same structure and cite the same symbols."""
    __tracebackhide__ = True
    title = f"{os.fspath(path)} and {os.fspath(other_path)} differ"
    return _ok(parity(path, other_path, kind=kind), title)


def _ok(report: Report, title: str) -> Report:
    __tracebackhide__ = True
    if not report.ok:
        n = len(report.findings)
        raise AssertionError(f"{title} ({n} problem{'s' if n != 1 else ''}):\n{report}")
    return report
