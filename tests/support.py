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
