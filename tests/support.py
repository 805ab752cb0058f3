"""Small helpers shared by test modules (pytest puts this folder on sys.path)."""

from __future__ import annotations

import datetime as dt
import json
import struct
import zlib
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import yaml

# Copies of the five seed documents (Chinese text extracted from the PDFs); tests read these,
# never anything outside the repository.
SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def png(width: int = 4, height: int = 2) -> bytes:
    """A valid RGB PNG of the given size, made without an imaging library."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + b"\x20\x80\xc0" * width for _ in range(height))
    head = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", head)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


# The masthead of a minimal valid document, as a data file writes it (tests that count lines
# rely on it being these eight lines) and as plain data (dates as strings, JSON-ready).
MASTHEAD_YAML = """\
kind: executive-director-report
symbol: HSP/EB.2024/11
issued: 2024-03-07
session: {year: 2024, ordinal: 1, start: 2024-05-06, end: 2024-05-08, venue: {en: Nairobi, zh: 内罗毕}}
agenda:
  symbol: HSP/EB.2024/1
  items: [{number: 12, title: {en: Report of the Executive Director, zh: 执行主任的报告}}]
title: {en: Actions to improve internal management, zh: 改进内部管理的行动}
"""
MASTHEAD: dict[str, Any] = json.loads(json.dumps(yaml.safe_load(MASTHEAD_YAML), default=str))
# The smallest document that builds: the masthead and one section of one paragraph.
ONE_PARAGRAPH_YAML = MASTHEAD_YAML + """\
sections:
  - heading: {en: Introduction, zh: 导言}
    content:
      - text: {en: The Board requested a report., zh: 执行局要求提交一份报告。}
"""


def toml_value(v: Any) -> str:
    """A TOML value written inline (tables as inline tables)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | dt.date):
        return str(v) if not isinstance(v, dt.date) else v.isoformat()
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(v)


def dump_toml(data: dict[str, Any]) -> str:
    """Top-level keys one per line, everything below as inline tables and arrays."""
    return "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in data.items())


class OnDemand(dict[Hashable, Any]):
    """A dict whose other entries ``fill()`` makes, all at once, when one of them is first read:
    the LibreOffice PDFs, so that a test of the DOCX or Typst files never starts LibreOffice.
    A failed ``fill()`` is raised again on every later read, never retried."""

    def __init__(self, entries: dict[Hashable, Any], fill: Callable[[], dict[Hashable, Any]]) -> None:
        super().__init__(entries)
        self._fill: Callable[[], dict[Hashable, Any]] | None = fill
        self._error: Exception | None = None

    def __missing__(self, key: Hashable) -> Any:
        if self._error is not None:
            raise self._error
        if self._fill is not None:
            fill, self._fill = self._fill, None
            try:
                self.update(fill())
            except Exception as e:
                self._error = e
                raise
            if key in self:
                return self[key]
        raise KeyError(key)


ARABIC_DOC = Path(__file__).resolve().parent / "fixtures" / "languages" / "ar-en.yaml"


def arabic_versions(out: Path) -> OnDemand:
    """The Arabic test report (fixtures/languages/ar-en.yaml) as DOCX and Typst PDF at once,
    and as LibreOffice's PDF of the DOCX when first read: "docx", "typst", "libreoffice"."""
    import habitat_docs as hd
    from habitat_docs.compose.composer import compose
    from habitat_docs.writers.docx.writer import write_docx
    from habitat_docs.writers.office import pdf_from_docx
    from habitat_docs.writers.pdf.writer import write_pdf

    doc = hd.load(ARABIC_DOC)
    c = compose(doc, "ar", hd.number(doc))
    (out / "ar.docx").write_bytes(write_docx(c))
    (out / "ar.pdf").write_bytes(write_pdf(c))
    return OnDemand(
        {"docx": out / "ar.docx", "typst": out / "ar.pdf"},
        lambda: {"libreoffice": pdf_from_docx([out / "ar.docx"], out / "lo")[0]},
    )


def masthead_roles(lang: str, venue: Any, items: list[str], online: bool = False) -> dict[str, list[str]]:
    """The masthead lines of a report in ``lang`` (HSP/EB.2024/11, issued 21 March 2024, the
    first session of 2024 from 6 to 8 May, ``items`` on the agenda), text by role."""
    from habitat_docs.compose.language import language
    from habitat_docs.model.masthead import Session

    day = dt.date.fromisoformat
    s = Session(2024, 1, day("2024-05-06"), day("2024-05-08"), None if online else venue, online)
    words = language(lang)
    lines = words.masthead(
        symbol="HSP/EB.2024/11", distribution="general", issued=day("2024-03-21"), original="en",
        session=s, venue="" if online else venue[lang], title="Title",
        items=[{"label": i, "title": "Item"} for i in items], item_labels=items,
        subtitle=words.phrase("subtitle", "executive-director-report"), facts={}, job_number="24-01234",
    )  # fmt: skip
    by_role: dict[str, list[str]] = {}
    for role, text in lines:
        by_role.setdefault(role, []).append(text)
    return by_role
