"""What the checker reads of a file it did not write, at most: a hostile file gets a clear
refusal (exit 2) before it costs minutes or gigabytes.

A DOCX is a zip archive: its members' sizes are read from the archive's directory before
anything is inflated, and an archive that would inflate past the limits, or whose parts
inflate too many times their compressed size (a zip bomb), is refused. (Python's zipfile
stops reading a member at the size the directory declares, so a member cannot lie its way
past these checks.) The limits leave room for the largest real documents: a 100-page report
inflates to about 5 MB.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from habitat_docs.check.findings import CheckError

__all__ = ["MAX_INFLATED", "MAX_MEMBERS", "MAX_PART", "MAX_PAGES", "MAX_PDF_TEXT", "MAX_RATIO", "check_zip"]

MAX_MEMBERS = 5_000  # parts in a DOCX
MAX_INFLATED = 256 * 2**20  # bytes of all its parts, inflated
MAX_PART = 64 * 2**20  # bytes of one XML part the reader inflates to name what is broken
MAX_RATIO = 100  # inflated / compressed, for a part of more than RATIO_FROM bytes
RATIO_FROM = 2**20
MAX_PAGES = 5_000  # pages of a PDF
MAX_PDF_TEXT = 64 * 2**20  # characters of text extracted from a PDF


def check_zip(path: Path) -> None:
    """Refuse a DOCX whose archive would inflate past the limits (CheckError, exit 2)."""
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise CheckError(f"cannot read as DOCX: {e or type(e).__name__}") from None
    if len(members) > MAX_MEMBERS:
        raise CheckError(f"DOCX of {len(members):,} parts: more than the {MAX_MEMBERS:,} the checker reads")
    total = sum(m.file_size for m in members)
    if total > MAX_INFLATED:
        raise CheckError(
            f"DOCX that inflates to {total / 2**20:,.0f} MiB: more than the {MAX_INFLATED // 2**20} MiB the checker reads"
        )
    for m in members:
        if m.file_size > RATIO_FROM and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise CheckError(
                f"DOCX part {m.filename!r} inflates {m.file_size // max(m.compress_size, 1):,} times its size "
                f"(a zip bomb?): more than the {MAX_RATIO} times the checker reads"
            )
