"""The few calls most users need: load, render, build."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .compose import compose
from .layout import Composed
from .load import load
from .model import Document
from .number import number
from .writers import write_docx

__all__ = ["FORMATS", "build", "output_name", "render", "write_atomic"]

_WRITERS = {"docx": write_docx}
FORMATS = tuple(_WRITERS)


def output_name(doc: Document, lang: str, fmt: str) -> str:
    """``HSP-EB.2024-11-zh.docx``."""
    return f"{doc.file_stem}-{lang}.{fmt}"


def render(doc: Document, lang: str, fmt: str = "docx") -> bytes:
    """The document in one language and format, as bytes."""
    return _writer(fmt)(compose(doc, lang))


def build(
    source: Document | str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    langs: Sequence[str] = ("zh", "en"),
    formats: Sequence[str] = ("docx",),
) -> list[Path]:
    """Write every language and format of a document into ``out_dir``; return the paths.

    Everything is composed before anything is written, so invalid input writes nothing;
    each file is written atomically, so a failure never leaves a partial file."""
    doc = source if isinstance(source, Document) else load(Path(source))
    writers = [(fmt, _writer(fmt)) for fmt in formats]
    numbering = number(doc)
    composed: list[Composed] = [compose(doc, lang, numbering) for lang in langs]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for c in composed:
        for fmt, write in writers:
            path = out / output_name(doc, c.lang, fmt)
            write_atomic(path, write(c))
            paths.append(path)
    return paths


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _writer(fmt: str):  # type: ignore[no-untyped-def]
    try:
        return _WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format '{fmt}' (available: {', '.join(FORMATS)})") from None

