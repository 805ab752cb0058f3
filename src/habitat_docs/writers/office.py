"""DOCX → PDF with headless LibreOffice, for PDFs that must match the Word file line for line.

Two ways to run the office, both with a private profile (never the user's own), both
killed after a timeout with an error that names the files:

- :func:`pdf_from_docx` without ``office``: **one** ``soffice --convert-to`` call for the
  whole batch (start-up is paid once per batch, not per file);
- :class:`Office`: one office process kept running for many batches (a "warm" process).
  It runs a small Basic macro, installed in its private profile, that takes conversion
  jobs from a folder; no UNO Python bridge is needed.

    >>> pdf_from_docx([Path("out/HSP-EB.2024-11-zh.docx")], Path("out"))
    [PosixPath('out/HSP-EB.2024-11-zh.pdf')]
    >>> with Office() as office:                       # many batches, one process
    ...     pdf_from_docx(files, out, office=office)

Every PDF is tagged, with bookmarks of the headings; ``standard`` asks for PDF/A-1b,
PDF/A-2b, PDF/A-3b or PDF/UA-1. The PDF's ``/Lang`` is set from the DOCX's language
(LibreOffice would otherwise take the language of Latin-script runs).
"""

from __future__ import annotations

import atexit
import html
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import weakref
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Self

__all__ = ["STANDARDS", "LibreOfficeError", "Office", "OfficeFault", "find_soffice", "pdf_from_docx"]

# PDF standards the LibreOffice engine can declare, and their export-filter settings.
STANDARDS = {"a-1b": 1, "a-2b": 2, "a-3b": 3, "ua-1": None}
_ENV_VAR = "HABITAT_DOCS_SOFFICE"
_PACKAGE = "libreoffice-writer-nogui"
_COMMON_ARGS = (
    "--headless",
    "--invisible",
    "--norestore",
    "--nologo",
    "--nodefault",
    "--nolockcheck",
)


class LibreOfficeError(RuntimeError):
    """LibreOffice is missing, hung, crashed or could not convert; ``files`` are the DOCX files
    concerned."""

    def __init__(self, message: str, files: Sequence[Path] = ()) -> None:
        super().__init__(message)
        self.files = tuple(files)


class OfficeFault(LibreOfficeError):
    """The office process hung (and was killed) or crashed: a fault of the process, not of
    the files, so :func:`pdf_from_docx` tries the batch again with a fresh process."""


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


# --- one-shot: one soffice call per batch -------------------------------------------------------

_profile_lock = threading.Lock()
_profile_dir: Path | None = None


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
    names the files. A file LibreOffice cannot read raises :class:`LibreOfficeError` at
    once. Files appear atomically: a failed batch leaves no partial PDF."""
    files = _inputs(docx_files)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _standard(standard)  # validate before starting anything
    for _ in range(retries):
        try:
            return _convert(files, out, timeout, standard, office)
        except OfficeFault:
            pass  # a fresh process tries again
    try:
        return _convert(files, out, timeout, standard, office)
    except OfficeFault as e:
        if retries:
            raise OfficeFault(f"{e} (tried {retries + 1} times)", e.files) from e
        raise


def _convert(
    files: list[Path], out: Path, timeout: float, standard: str | None, office: Office | None
) -> list[Path]:
    if office is not None:
        return office.convert(files, out, timeout=timeout, standard=standard)
    return _convert_once(files, out, timeout, standard)


def _convert_once(files: list[Path], out: Path, timeout: float, standard: str | None) -> list[Path]:
    """One ``soffice --convert-to`` call for the whole batch."""
    soffice = find_soffice()
    with _profile_lock:
        profile = _profile()
        work = Path(tempfile.mkdtemp(prefix=".habitat-docs-", dir=out))
        try:
            cmd = [
                soffice, f"-env:UserInstallation={profile.as_uri()}", *_COMMON_ARGS,
                "--convert-to", "pdf:writer_pdf_Export:" + json.dumps(_filter_options(standard)),
                "--outdir", str(work), *map(str, files),
            ]  # fmt: skip
            proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                start_new_session=True, env=_env(),
            )  # fmt: skip
            try:
                _, err = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                _kill(proc)
                _discard_profile()
                raise OfficeFault(
                    f"LibreOffice did not finish converting {_names(files)} within {timeout:g} s; "
                    "its process was killed", files,
                ) from None  # fmt: skip
            if proc.returncode and proc.returncode < 0:
                _discard_profile()
                sig = signal.Signals(-proc.returncode).name
                raise OfficeFault(
                    f"LibreOffice crashed ({sig}) while converting {_names(files)}{_tail(err)}",
                    files,
                )
            return _collect(files, work, out, err)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _inputs(docx_files: Sequence[Path | str]) -> list[Path]:
    files = [Path(f).resolve() for f in docx_files]
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise LibreOfficeError(f"no such DOCX file: {_names(missing)}", missing)
    stems: dict[str, Path] = {}
    for f in files:
        if f.stem in stems:
            raise LibreOfficeError(
                f"two files would both become {f.stem}.pdf: {stems[f.stem]} and {f}", [f]
            )
        stems[f.stem] = f
    return files


def _collect(files: list[Path], work: Path, out: Path, err: bytes | str = b"") -> list[Path]:
    """Check every PDF LibreOffice wrote, set its /Lang and move it into place."""
    failed = []
    results = []
    for f in files:
        pdf = work / f"{f.stem}.pdf"
        data = pdf.read_bytes() if pdf.is_file() else b""
        if not data.startswith(b"%PDF"):
            failed.append(f)
            continue
        lang = _docx_language(f)
        if lang:
            data = _set_lang(data, lang)
        results.append((pdf, data))
    if failed:
        raise LibreOfficeError(
            f"LibreOffice could not convert {_names(failed)}{_tail(err)}", failed
        )
    paths = []
    for pdf, data in results:
        pdf.write_bytes(data)
        target = out / pdf.name
        os.replace(pdf, target)
        paths.append(target)
    return paths


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


# --- a warm office process -------------------------------------------------------------------------

_MACRO = r"""
' habitat-docs: converts the jobs dropped into a folder, until a "stop" file appears.
' A job file (N.job) holds the PDF version on its first line (0 = plain, 1-3 = PDF/A-nb,
' -1 = PDF/UA), then one "source URL <TAB> target URL" line per file. A job is renamed
' N.job.taken when read. The result (N.job.result)
' holds "ok <TAB> target" or "error <TAB> source <TAB> message" per file.
Sub Serve(folder As String)
    Dim f As Integer, name As String
    f = FreeFile
    Open folder & "/ready" For Output As #f
    Close #f
    On Error Resume Next ' a failed listing is tried again; jobs report their own errors
    Do
        name = ""
        name = Dir(folder & "/*.job")
        If name <> "" Then
            RunJob(folder & "/" & name)
        ElseIf FileExists(folder & "/stop") Then
            Exit Do
        Else
            Wait 5
        End If
    Loop
    StarDesktop.terminate()
End Sub

Sub RunJob(job As String)
    ' f and o: the open job and result files, 0 when not open
    Dim f As Integer, o As Integer, n As Integer, line As String, parts, version As Long
    Dim loadArgs(1) As New com.sun.star.beans.PropertyValue
    loadArgs(0).Name = "Hidden" : loadArgs(0).Value = True
    loadArgs(1).Name = "ReadOnly" : loadArgs(1).Value = True
    On Error GoTo broken
    Name job As job & ".taken"
    n = FreeFile
    Open job & ".taken" For Input As #n
    f = n
    Line Input #f, line
    version = CLng(line)
    Dim fd(3) As New com.sun.star.beans.PropertyValue
    fd(0).Name = "UseTaggedPDF" : fd(0).Value = True
    fd(1).Name = "ExportBookmarks" : fd(1).Value = True
    fd(2).Name = "SelectPdfVersion" : fd(2).Value = CLng(IIf(version > 0, version, 0))
    fd(3).Name = "PDFUACompliance" : fd(3).Value = CBool(version = -1)
    Dim storeArgs(1) As New com.sun.star.beans.PropertyValue
    storeArgs(0).Name = "FilterName" : storeArgs(0).Value = "writer_pdf_Export"
    storeArgs(1).Name = "FilterData" : storeArgs(1).Value = fd()
    n = FreeFile
    Open job & ".tmp" For Output As #n
    o = n
    Do While Not EOF(f)
        Line Input #f, line
        If line <> "" Then
            parts = Split(line, Chr(9))
            Print #o, ConvertOne(parts(0), parts(1), loadArgs(), storeArgs())
        End If
    Loop
    Close #f : f = 0
    Close #o : o = 0
    Kill job & ".taken"
    Name job & ".tmp" As job & ".result"
    Exit Sub
broken:
    ' Report the error as the job's result instead of ending the server. An error inside
    ' this handler is not trapped, so each step checks first.
    Dim message As String
    message = Error$
    If f > 0 Then Close #f
    If o > 0 Then Close #o
    n = FreeFile
    Open job & ".broken" For Output As #n
    Print #n, "error" & Chr(9) & Chr(9) & message
    Close #n
    If FileExists(job) Then Kill job
    If FileExists(job & ".taken") Then Kill job & ".taken"
    If FileExists(job & ".tmp") Then Kill job & ".tmp"
    Name job & ".broken" As job & ".result"
End Sub

Function ConvertOne(source As String, target As String, loadArgs, storeArgs) As String
    Dim doc As Object
    On Error GoTo failed
    doc = StarDesktop.loadComponentFromURL(source, "_blank", 0, loadArgs)
    If IsNull(doc) Then
        ConvertOne = "error" & Chr(9) & source & Chr(9) & "LibreOffice could not read it"
        Exit Function
    End If
    doc.storeToURL(target, storeArgs)
    doc.close(True)
    ConvertOne = "ok" & Chr(9) & target
    Exit Function
failed:
    ConvertOne = "error" & Chr(9) & source & Chr(9) & Error$
    On Error Resume Next
    If Not IsNull(doc) Then doc.close(True)
End Function
"""


class Office:
    """One LibreOffice process kept running for many conversions (a private profile each).

    Start it once (``with Office() as office:`` or :meth:`start`), then pass it to
    :func:`pdf_from_docx`. A conversion that exceeds its timeout kills the process and
    raises :class:`LibreOfficeError`; the next conversion starts a fresh one. Safe to share
    between threads (conversions run one at a time)."""

    def __init__(self, start_timeout: float = 60) -> None:
        self.start_timeout = start_timeout
        self._lock = threading.RLock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._home: Path | None = None
        self._jobs = itertools.count(1)
        _live.add(self)

    # lifecycle

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self.running and self._proc else None

    def start(self) -> None:
        with self._lock:
            if self.running:
                return
            self._cleanup()
            soffice = find_soffice()
            home = Path(tempfile.mkdtemp(prefix="habitat-docs-office-"))
            self._home = home
            profile, jobs = home / "profile", home / "jobs"
            jobs.mkdir()
            env_arg = f"-env:UserInstallation={profile.as_uri()}"
            # 1. let LibreOffice create the profile, 2. add the macro, 3. start serving.
            init = subprocess.Popen(
                [soffice, env_arg, "--headless", "--terminate_after_init", "--norestore"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                env=_env(), start_new_session=True,
            )  # fmt: skip
            try:
                _, init_err = init.communicate(timeout=self.start_timeout)
            except subprocess.TimeoutExpired:
                _kill(init)
                self._cleanup()
                raise LibreOfficeError(
                    f"LibreOffice did not start within {self.start_timeout:g} s; killed"
                ) from None
            try:
                _install_macro(profile)
            except OSError as e:
                raise LibreOfficeError(
                    f"could not prepare a LibreOffice profile: {e}{_tail(init_err)}"
                ) from e
            # Its messages go to a file: a pipe nobody reads would block a long-running office.
            with open(home / "stderr.log", "ab") as log:  # appended: it can be emptied under it
                self._proc = subprocess.Popen(
                    [soffice, env_arg, *_COMMON_ARGS, f'macro:///Standard.HabitatDocs.Serve("{jobs}")'],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                    start_new_session=True, env=_env(),
                )  # fmt: skip
            deadline = time.monotonic() + self.start_timeout
            while not (jobs / "ready").exists():
                if self._proc.poll() is not None:
                    err = self._messages()
                    self._proc = None
                    raise LibreOfficeError(f"LibreOffice exited while starting{_tail(err)}")
                if time.monotonic() > deadline:
                    self.kill()
                    raise LibreOfficeError(
                        f"LibreOffice did not start within {self.start_timeout:g} s; killed"
                    )
                time.sleep(0.01)

    def close(self, timeout: float = 10) -> None:
        """Stop the office process (asking first, then killing it)."""
        with self._lock:
            proc = self._proc
            if proc is not None and proc.poll() is None and self._home is not None:
                (self._home / "jobs" / "stop").touch()
                try:
                    proc.wait(timeout)
                except subprocess.TimeoutExpired:
                    _kill(proc)
            self._proc = None
            self._cleanup()

    def kill(self) -> None:
        with self._lock:
            if self._proc is not None:
                _kill(self._proc)
            self._proc = None
            self._cleanup()

    def _messages(self) -> bytes:
        """What the office process wrote to stderr (its last 64 KiB)."""
        if self._home is None:
            return b""
        try:
            with open(self._home / "stderr.log", "rb") as f:
                f.seek(max(0, f.seek(0, os.SEEK_END) - 65536))
                return f.read()
        except OSError:
            return b""

    def _cleanup(self) -> None:
        if self._home is not None:
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None

    # conversion

    def convert(
        self, docx_files: Sequence[Path | str], out_dir: Path | str, *, timeout: float = 120,
        standard: str | None = None,
    ) -> list[Path]:  # fmt: skip
        """Convert a batch with the running process (started if needed)."""
        files = _inputs(docx_files)
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        version = _standard(standard)
        with self._lock:
            self.start()
            assert self._proc is not None and self._home is not None
            proc, jobs = self._proc, self._home / "jobs"
            _trim(self._home / "stderr.log")
            work = Path(tempfile.mkdtemp(prefix=".habitat-docs-", dir=out))
            try:
                n = next(self._jobs)
                job = jobs / f"{n}.job"
                lines = [str(version)] + [
                    f"{f.as_uri()}\t{(work / (f.stem + '.pdf')).as_uri()}" for f in files
                ]
                tmp = jobs / f"{n}.part"
                tmp.write_text("\n".join(lines) + "\n", encoding="ascii")
                os.replace(tmp, job)
                result = jobs / f"{n}.job.result"
                deadline = time.monotonic() + timeout
                while not result.exists():
                    if proc.poll() is not None:
                        code = proc.returncode
                        err = self._messages()
                        self._proc = None
                        self._cleanup()
                        how = (
                            f"signal {signal.Signals(-code).name}"
                            if code < 0
                            else f"exit code {code}"
                        )
                        raise OfficeFault(
                            f"LibreOffice crashed ({how}) while converting {_names(files)}{_tail(err)}",
                            files,
                        )
                    if time.monotonic() > deadline:
                        taken = not job.exists()  # the macro renames a job when it takes it
                        err = self._messages()
                        self.kill()
                        raise OfficeFault(
                            f"LibreOffice did not finish converting {_names(files)} within {timeout:g} s "
                            f"({'hung while converting' if taken else 'never took the job'}); "
                            f"its process was killed{_tail(err)}", files,
                        )  # fmt: skip
                    time.sleep(0.002)
                report = result.read_text(encoding="utf-8", errors="replace")
                result.unlink()
                errors = [
                    ln.split("\t", 2) for ln in report.splitlines() if ln.startswith("error\t")
                ]
                if errors:  # an error without a source is one of the whole job
                    bad = [Path(_path_of(e[1])) for e in errors if len(e) > 1 and e[1]] or files
                    why = "; ".join(
                        f"{_path_of(e[1]) or _names(files)}: {e[2] if len(e) > 2 else '?'}"
                        for e in errors
                    )
                    raise LibreOfficeError(f"LibreOffice could not convert {why}", bad)
                return _collect(files, work, out)
            finally:
                shutil.rmtree(work, ignore_errors=True)


#: The office's messages are emptied between batches once they pass this size.
LOG_LIMIT = 1024 * 1024


def _trim(log: Path) -> None:
    try:
        if log.stat().st_size > LOG_LIMIT:
            os.truncate(log, 0)
    except OSError:
        pass


_live: weakref.WeakSet[Office] = weakref.WeakSet()


@atexit.register
def _kill_all() -> None:
    """At exit, no office process or profile of ours outlives the interpreter."""
    for office in list(_live):
        office.kill()


def _install_macro(profile: Path) -> None:
    """Add the HabitatDocs module to the profile's Standard Basic library."""
    std = profile / "user" / "basic" / "Standard"
    std.mkdir(parents=True, exist_ok=True)
    (std / "HabitatDocs.xba").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC '
        '"-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="HabitatDocs" '
        f'script:language="StarBasic">{html.escape(_MACRO, quote=False)}</script:module>\n',
        encoding="utf-8",
    )
    xlb = std / "script.xlb"
    text = xlb.read_text(encoding="utf-8") if xlb.is_file() else ""
    element = '<library:element library:name="HabitatDocs"/>'
    if element in text:
        return
    if "</library:library>" in text:
        text = text.replace("</library:library>", f" {element}\n</library:library>")
    else:
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE library:library PUBLIC '
            '"-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">\n'
            '<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" '
            f'library:readonly="false" library:passwordprotected="false">\n {element}\n</library:library>\n'
        )
    xlb.write_text(text, encoding="utf-8")
    xlc = profile / "user" / "basic" / "script.xlc"
    if not xlc.is_file():
        xlc.write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE library:libraries PUBLIC '
            '"-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">\n'
            '<library:libraries xmlns:library="http://openoffice.org/2000/library" '
            'xmlns:xlink="http://www.w3.org/1999/xlink">\n <library:library library:name="Standard" '
            'xlink:href="$(USER)/basic/Standard/script.xlb/" xlink:type="simple" library:link="false"/>\n'
            "</library:libraries>\n",
            encoding="utf-8",
        )


def _path_of(url: str) -> str:
    from urllib.parse import unquote, urlparse

    return unquote(urlparse(url).path) if url.startswith("file:") else url


# --- shared helpers ----------------------------------------------------------------------------


def _standard(standard: str | None) -> int:
    """The macro's version code: 0 plain, 1–3 PDF/A-nb, -1 PDF/UA-1."""
    if not standard:
        return 0
    key = standard.strip().lower()
    if key not in STANDARDS:
        raise ValueError(
            f"the LibreOffice engine cannot make PDF standard '{standard}' (it can: {', '.join(STANDARDS)})"
        )
    return STANDARDS[key] or -1


def _filter_options(standard: str | None) -> dict[str, dict[str, str]]:
    version = _standard(standard)
    opts = {
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "ExportBookmarks": {"type": "boolean", "value": "true"},
    }
    if version > 0:
        opts["SelectPdfVersion"] = {"type": "long", "value": str(version)}
    if version == -1:
        opts["PDFUACompliance"] = {"type": "boolean", "value": "true"}
    return opts


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SAL_USE_VCLPLUGIN", "svp")
    return env


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill the office and every process it started (its own session)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        pass


def _names(files: Sequence[Path]) -> str:
    return ", ".join(str(f) for f in files)


def _tail(err: bytes | str | None) -> str:
    if not err:
        return ""
    text = err.decode("utf-8", "replace") if isinstance(err, bytes) else err
    lines = [ln for ln in text.splitlines() if ln.strip() and "javaldx" not in ln]
    return (": " + " | ".join(lines[-3:])) if lines else ""


def _docx_language(path: Path) -> str | None:
    """``dc:language`` of a DOCX's core properties ("zh-CN"), if any."""
    try:
        with zipfile.ZipFile(path) as z:
            core = z.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    m = re.search(r"<dc:language>([A-Za-z0-9-]+)</dc:language>", core)
    return m.group(1) if m else None


# --- /Lang by incremental update ----------------------------------------------------------------

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_LANG = re.compile(rb"/Lang\s*(\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>)")


def _set_lang(pdf: bytes, tag: str) -> bytes:
    """The PDF with ``/Lang`` of its catalog set to ``tag``, by an incremental update (the
    original bytes stay as they are, so PDF/A stays intact). Unusual files come back as is."""
    start = _STARTXREF.search(pdf)
    if start is None:
        return pdf
    prev = int(start.group(1))
    trailer_at = pdf.rfind(b"trailer", 0, start.start())
    if not pdf.startswith(b"xref", prev) or trailer_at < 0:
        return pdf  # a cross-reference stream: leave it
    trailer = pdf[trailer_at + 7 : start.start()]
    root = re.search(rb"/Root\s+(\d+)\s+(\d+)\s+R", trailer)
    size = re.search(rb"/Size\s+(\d+)", trailer)
    if root is None or size is None:
        return pdf
    num, gen = int(root.group(1)), int(root.group(2))
    defs = list(re.finditer(rb"(?:^|[\r\n\s])%d\s+%d\s+obj\b" % (num, gen), pdf))
    if not defs:
        return pdf
    at = defs[-1].end()
    end = pdf.find(b"endobj", at)
    body = pdf[at:end].strip()
    value = b"(" + tag.encode("ascii", "replace") + b")"
    current = _LANG.search(body)
    if current is not None:
        if current.group(1) == value:
            return pdf
        body = body[: current.start(1)] + value + body[current.end(1) :]
    elif body.startswith(b"<<"):
        body = b"<</Lang" + value + body[2:]
    else:
        return pdf
    head = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    obj_at = len(head)
    obj = b"%d %d obj\n" % (num, gen) + body + b"\nendobj\n"
    xref_at = obj_at + len(obj)
    xref = b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d %05d n \n" % (num, obj_at, gen)
    keep = b"".join(
        m.group(0) + b" "
        for m in re.finditer(rb"/(?:Info|ID|Encrypt)\s*(?:\d+\s+\d+\s+R|\[[^\]]*\])", trailer)
    )
    new_trailer = b"trailer\n<</Size %s /Root %d %d R %s/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
        size.group(1), num, gen, keep, prev, xref_at,
    )  # fmt: skip
    return head + obj + xref + new_trailer
