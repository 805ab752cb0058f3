"""pytest helpers: assert that documents are numbered consistently.

    from habitat_docs.testing import assert_numbering, assert_parity

    def test_output(tmp_path):
        zh, en = habitat_docs.build("report.yaml", tmp_path)
        assert_numbering(zh)
        assert_parity(zh, en)
        assert_parity(en, fr, es, ru, ar, zh)   # each against the first; every_pair=True: all

A failure raises AssertionError whose message lists every problem as FILE:PAGE:LINE: message.
"""

from __future__ import annotations

import os

from habitat_docs.check import Report, check, check_text, parity_pairs

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
    path: str | os.PathLike[str],
    *others: str | os.PathLike[str],
    kind: str | None = None,
    every_pair: bool = False,
) -> Report:
    """Fail unless language versions have the same structure and cite the same symbols: each
    of ``others`` against ``path``, or every pair with ``every_pair``. The message gives, for
    each pair that differs, both files and their problems."""
    __tracebackhide__ = True
    pairs = parity_pairs(path, *others, kind=kind, every_pair=every_pair)
    report = Report(tuple(f for *_, r in pairs for f in r.findings), (os.fspath(path),))
    if report.ok:
        return report
    parts = [f"{a} and {b} differ ({_problems(r)}):\n{r}" for a, b, r in pairs if not r.ok]
    if len(pairs) == 1:
        raise AssertionError(parts[0])
    files = len({name for a, b, _ in pairs for name in (a, b)})
    raise AssertionError(f"{files} language versions differ ({_problems(report)}):\n" + "\n".join(parts))


def _problems(report: Report) -> str:
    n = len(report.findings)
    return f"{n} problem{'s' if n != 1 else ''}"


def _ok(report: Report, title: str) -> Report:
    __tracebackhide__ = True
    if not report.ok:
        raise AssertionError(f"{title} ({_problems(report)}):\n{report}")
    return report
