"""DOCX → PDF with headless LibreOffice, for PDFs that must match the Word file line for line.

Two ways to run the office, both with a private profile (never the user's own), both
killed after a timeout with an error that names the files:

- :func:`pdf_from_docx` without ``office``: **one** ``soffice --convert-to`` call for the
  whole batch (start-up is paid once per batch, not per file);
- :class:`Office`: one office process kept running for many batches (a "warm" process,
  see :mod:`habitat_docs.writers.office.warm`).

    pdf_from_docx([Path("out/HSP-EB.2024-11-zh.docx")], Path("out"))  # -> [out/…-zh.pdf]
    with Office() as office:                       # many batches, one process
        pdf_from_docx(files, out, office=office)

(These need LibreOffice, so they are not run as doctests; ``tests/test_pdf.py`` runs them.)

Every PDF is tagged, with bookmarks of the headings; ``standard`` asks for PDF/A-1b,
PDF/A-2b, PDF/A-3b or PDF/UA-1. The PDF's ``/Lang`` is set from the DOCX's language
(LibreOffice would otherwise take the language of Latin-script runs).
"""

from __future__ import annotations

import atexit
import json
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from habitat_docs.writers.office import process
from habitat_docs.writers.office.process import (
    STANDARDS,
    LibreOfficeError,
    OfficeFault,
    find_soffice,
)
from habitat_docs.writers.office.warm import Office

__all__ = [
    "STANDARDS",
    "LibreOfficeError",
    "Office",
    "OfficeFault",
    "find_soffice",
    "pdf_from_docx",
]


def pdf_from_docx(
    docx_files: Sequence[Path | str],
    out_dir: Path | str,
    timeout: float = 120,
    *,
    standard: str | None = None,
    office: Office | None = None,
    retries: int = 1,
) -> list[Path]:
    """Convert DOCX files to PDF; return the PDF paths (``out_dir/<stem>.pdf``, in order).

    Without ``office``, one LibreOffice process converts the whole batch and exits. With an
    :class:`Office`, its running process does. A batch that takes longer than ``timeout``
    seconds is stopped (the office process is killed); a hung or crashed process is
    replaced and the batch tried again up to ``retries`` times, then :class:`OfficeFault`
    names the files and the number of tries. A file LibreOffice cannot read raises
    :class:`LibreOfficeError` at once. Files appear atomically: a failed batch leaves no
    partial PDF."""
    files = process.inputs(docx_files)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    process.standard_code(standard)  # validate before starting anything
    tries = 0
    while True:
        tries += 1
        try:
            if office is not None:
                return office.convert(files, out, timeout=timeout, standard=standard)
            return _convert_once(files, out, timeout, standard)
        except OfficeFault as e:
            if tries <= retries:
                continue  # a fresh process tries again
            if retries:
                raise OfficeFault(f"{e} (tried {tries} times)", e.files) from e
            raise


# --- one-shot: one soffice call per batch -------------------------------------------------------

_profile_lock = threading.Lock()
_profile_dir: Path | None = None


def _convert_once(files: list[Path], out: Path, timeout: float, standard: str | None) -> list[Path]:
    """One ``soffice --convert-to`` call for the whole batch."""
    soffice = find_soffice()
    with _profile_lock:
        work = Path(tempfile.mkdtemp(prefix=".habitat-docs-", dir=out))
        try:
            cmd = [
                soffice, f"-env:UserInstallation={_profile().as_uri()}", *process.HEADLESS,
                "--convert-to", "pdf:writer_pdf_Export:" + json.dumps(_filter_options(standard)),
                "--outdir", str(work), *map(str, files),
            ]  # fmt: skip
            return process.collect(files, work, out, _run_once(cmd, files, timeout))
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _run_once(cmd: list[str], files: list[Path], timeout: float) -> bytes:
    """Run a one-shot office to its end and return what it said; a hung or crashed office
    raises :class:`OfficeFault` (and its profile, perhaps half-written, is discarded)."""
    proc = subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True, env=process.env(),
    )  # fmt: skip
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill_session(proc)
        _discard_profile()
        raise OfficeFault(
            f"LibreOffice did not finish converting {process.names(files)} within {timeout:g} s; "
            "its process was killed", files,
        ) from None  # fmt: skip
    if proc.returncode < 0:
        _discard_profile()
        sig = signal.Signals(-proc.returncode).name
        raise OfficeFault(
            f"LibreOffice crashed ({sig}) while converting {process.names(files)}{process.tail(err)}",
            files,
        )
    return err


def _filter_options(standard: str | None) -> dict[str, dict[str, str]]:
    """The PDF export filter's settings, as ``--convert-to`` takes them (JSON)."""
    version = process.standard_code(standard)
    opts = {
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "ExportBookmarks": {"type": "boolean", "value": "true"},
    }
    if version > 0:
        opts["SelectPdfVersion"] = {"type": "long", "value": str(version)}
    if version == -1:
        opts["PDFUACompliance"] = {"type": "boolean", "value": "true"}
    return opts


def _profile() -> Path:
    """The private LibreOffice profile of this process (created on first use, removed at exit)."""
    global _profile_dir
    if _profile_dir is None or not _profile_dir.is_dir():
        _profile_dir = Path(tempfile.mkdtemp(prefix="habitat-docs-lo-"))
        atexit.register(shutil.rmtree, _profile_dir, ignore_errors=True)
    return _profile_dir


def _discard_profile() -> None:
    """After a killed or crashed office the profile may be half-written: start afresh."""
    global _profile_dir
    if _profile_dir is not None:
        shutil.rmtree(_profile_dir, ignore_errors=True)
        _profile_dir = None
