"""LibreOffice processes: finding and killing them, their errors, and the PDFs they write."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import zipfile
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from habitat_docs.writers.pdf.amend import amend

if TYPE_CHECKING:  # pypdf is imported when a PDF is amended, not with the package
    from pypdf import PdfReader
    from pypdf.generic import PdfObject

__all__ = [
    "HEADLESS", "STANDARDS", "LibreOfficeError", "OfficeFault", "collect", "env", "find_soffice", "inputs",
    "kill_session", "names", "standard_code", "tail",
]  # fmt: skip

# PDF standards the LibreOffice engine can declare, and their export-filter settings.
STANDARDS = {"a-1b": 1, "a-2b": 2, "a-3b": 3, "ua-1": None}
_ENV_VAR = "HABITAT_DOCS_SOFFICE"
_PACKAGE = "libreoffice-writer-nogui"
# Arguments of every office we run: no window, no recovery or start dialogue, no lock files.
HEADLESS = ("--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck")


class LibreOfficeError(RuntimeError):
    """LibreOffice is missing, hung, crashed or could not convert; ``files`` are the DOCX files
    concerned."""

    def __init__(self, message: str, files: Sequence[Path] = ()) -> None:
        super().__init__(message)
        self.files = tuple(files)


class OfficeFault(LibreOfficeError):
    """The office process hung (and was killed) or crashed: a fault of the process, not of
    the files, so :func:`~habitat_docs.writers.office.pdf_from_docx` tries the batch again
    with a fresh process."""


def find_soffice() -> str:
    """The LibreOffice executable: ``$HABITAT_DOCS_SOFFICE``, else ``soffice`` or
    ``libreoffice`` on the PATH."""
    candidates = [
        os.environ.get(_ENV_VAR, ""),
        "soffice",
        "libreoffice",
        "/usr/lib/libreoffice/program/soffice",
    ]
    for c in candidates:
        if c and (found := shutil.which(c)):
            return found
    raise LibreOfficeError(
        f"LibreOffice is not installed (no 'soffice' on the PATH); install the Debian package {_PACKAGE} "
        f"(apt-get install --no-install-recommends {_PACKAGE}) or set ${_ENV_VAR}"
    )


def standard_code(standard: str | None) -> int:
    """The PDF version LibreOffice is asked for: 0 plain, 1–3 PDF/A-nb, -1 PDF/UA-1."""
    if not standard:
        return 0
    key = standard.strip().lower()
    if key not in STANDARDS:
        raise ValueError(
            f"the LibreOffice engine cannot make PDF standard '{standard}' (it can: {', '.join(STANDARDS)})"
        )
    return STANDARDS[key] or -1


def inputs(docx_files: Sequence[Path | str]) -> list[Path]:
    """The DOCX files as absolute paths; :class:`LibreOfficeError` if one is missing or two
    would give PDFs of the same name."""
    files = [Path(f).resolve() for f in docx_files]
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise LibreOfficeError(f"no such DOCX file: {names(missing)}", missing)
    stems: dict[str, Path] = {}
    for f in files:
        if f.stem in stems:
            raise LibreOfficeError(
                f"two files would both become {f.stem}.pdf: {stems[f.stem]} and {f}", [f]
            )
        stems[f.stem] = f
    return files


def collect(files: list[Path], work: Path, out: Path, err: bytes = b"") -> list[Path]:
    """Check every PDF LibreOffice wrote into ``work``, then set its /Lang and move it into
    ``out``: nothing is moved unless every file converted."""
    written = {f: work / f"{f.stem}.pdf" for f in files}
    failed = [f for f, pdf in written.items() if not _is_pdf(pdf)]
    if failed:
        raise LibreOfficeError(f"LibreOffice could not convert {names(failed)}{tail(err)}", failed)
    paths = []
    for f, pdf in written.items():
        if lang := _docx_language(f):
            data = pdf.read_bytes()
            amended = amend(data, partial(_set_language, lang))
            if amended is not data:  # already tagged, or of a shape left as it is
                pdf.write_bytes(amended)
        target = out / pdf.name
        os.replace(pdf, target)
        paths.append(target)
    return paths


def _is_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"%PDF"
    except OSError:
        return False


def _set_language(tag: str, reader: PdfReader) -> list[PdfObject]:
    from pypdf.generic import NameObject, TextStringObject

    """The catalog's ``/Lang`` becomes ``tag``: LibreOffice would take the language of the
    Latin-script runs."""
    catalog = reader.root_object
    if catalog.get("/Lang") == tag:
        return []
    catalog[NameObject("/Lang")] = TextStringObject(tag)
    return [catalog]


_DC_LANGUAGE = "{http://purl.org/dc/elements/1.1/}language"


def _docx_language(path: Path) -> str | None:
    """``dc:language`` of a DOCX's core properties ("zh-CN"), if any."""
    try:
        with zipfile.ZipFile(path) as z:
            core = ElementTree.fromstring(z.read("docProps/core.xml"))
    except (KeyError, zipfile.BadZipFile, OSError, ElementTree.ParseError):
        return None
    return (core.findtext(_DC_LANGUAGE) or "").strip() or None


def env() -> dict[str, str]:
    """The environment an office runs in: without a display."""
    variables = dict(os.environ)
    variables.setdefault("SAL_USE_VCLPLUGIN", "svp")
    return variables


def kill_session(proc: subprocess.Popen[bytes]) -> None:
    """Kill the office and every process it started (its own session)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        pass


def names(files: Sequence[Path]) -> str:
    return ", ".join(str(f) for f in files)


def tail(err: bytes | None) -> str:
    """The office's last three lines of messages, for an error message (": a | b | c")."""
    lines = [
        ln for ln in (err or b"").decode("utf-8", "replace").splitlines()
        if ln.strip() and "javaldx" not in ln  # a warning every start prints
    ]  # fmt: skip
    return (": " + " | ".join(lines[-3:])) if lines else ""
