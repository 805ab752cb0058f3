"""Build every document of a session in every language and format, on every core.

    >>> from habitat_docs.session.plan import load_session
    >>> from habitat_docs.session.batch import build_session
    >>> result = build_session(load_session("session.yaml"), "out", ("zh", "en"), ("docx",))
    >>> result.failed          # the documents that failed, each with its error
    []

The session file is validated and its symbols allocated first (:func:`load_session`): a
problem there stops everything before anything is written. Then a process pool
(``concurrent.futures.ProcessPoolExecutor``, one worker per core unless ``jobs`` says
otherwise) reads the documents' data files, the main process merges what the session
supplies into each (cheap dictionary work, so that every document can cite every other by
symbol), and the pool structures and writes each document (``habitat_docs.api.build``:
all its languages and formats, atomically). A failing document is reported and the others
go on. Last, ``index.json`` and ``index.html`` list the session's documents.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import shutil
import sys
import time
import traceback as tb
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path as FsPath
from typing import IO, Any

from attrs import field, frozen

from habitat_docs import __version__, api
from habitat_docs.compose import style
from habitat_docs.compose.language import language, template_dirs
from habitat_docs.errors import DataError, Path, Problem
from habitat_docs.load import structure
from habitat_docs.model import KINDS, Text, facts
from habitat_docs.session.plan import Entry, SessionPlan, Source, read_source

__all__ = [
    "BarProgress",
    "DocResult",
    "Job",
    "LineProgress",
    "NoProgress",
    "Outcome",
    "Progress",
    "SessionResult",
    "build_session",
    "check_options",
    "index_data",
    "progress_for",
    "render_index",
    "write_index",
]  # fmt: skip

INDEX_TEMPLATE = "index.html.j2"


# ============================================================================ the work


@frozen
class Job:
    """One document to build, as sent to a worker: plain data, so it pickles cheaply."""

    id: str
    data: dict[str, Any] = field(repr=False)
    base_dir: str
    out_dir: str
    langs: tuple[str, ...]
    formats: tuple[str, ...]
    traceback: bool = False


@frozen
class Outcome:
    """What a worker reports: the files written and the plain titles, or the problem."""

    id: str
    ok: bool
    files: tuple[tuple[str, str, str], ...] = ()  # (lang, format, file name)
    titles: Mapping[str, str] = field(factory=dict)
    problems: tuple[tuple[str, Path], ...] = ()  # a DataError's problems (message, path)
    error: str | None = None  # any other exception, summarised
    traceback: str | None = None
    seconds: float = 0.0


def work(job: Job) -> Outcome:
    """Structure one merged document and write all its languages and formats. Runs in a
    worker process; never raises for a failing document."""
    t0 = time.perf_counter()
    try:
        doc = structure(job.data, base_dir=FsPath(job.base_dir))
        paths = api.build(doc, job.out_dir, job.langs, job.formats)
        names = {p.name for p in paths}
        files = tuple(
            (lang, fmt, api.output_name(doc, lang, fmt))
            for lang in job.langs
            for fmt in job.formats
        )
        missing = [f for _, _, f in files if f not in names]
        if missing:  # api.build named its files differently from output_name
            files = tuple(("", "", p.name) for p in paths)
        titles = {lang: _plain_title(doc, lang) for lang in job.langs}
        return Outcome(job.id, True, files, titles, seconds=time.perf_counter() - t0)
    except DataError as e:
        problems = tuple((p.message, p.path) for p in e.problems)
        return Outcome(job.id, False, problems=problems, seconds=time.perf_counter() - t0)
    except Exception as e:  # noqa: BLE001 - one document's failure must not stop the others
        return Outcome(
            job.id, False, error=_summary(e),
            traceback=tb.format_exc() if job.traceback else None,
            seconds=time.perf_counter() - t0,
        )  # fmt: skip


def _plain_title(doc: Any, lang: str) -> str:
    """The title without markup, facts written out in ``lang``."""
    from habitat_docs.model.inline import plain

    lng = language(lang)
    return plain(doc.title.inline(lang), lambda name: lng.fact(doc.facts[name]))


def _summary(e: BaseException) -> str:
    text = str(e).strip()
    first = text.splitlines()[0] if text else ""
    return f"{type(e).__name__}: {first}" if first else type(e).__name__


# ============================================================================ results


@frozen
class DocResult:
    """One document of the session after the build."""

    entry: Entry
    symbol: str | None
    kind: str | None
    ok: bool
    files: tuple[tuple[str, str, str], ...] = ()
    titles: Mapping[str, str] = field(factory=dict)
    error: str | None = None  # the located error text, one problem per line
    traceback: str | None = None
    seconds: float = 0.0

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def name(self) -> str:
        return self.symbol or self.entry.id


@frozen
class SessionResult:
    plan: SessionPlan
    out_dir: FsPath
    langs: tuple[str, ...]
    formats: tuple[str, ...]
    documents: tuple[DocResult, ...]
    jobs: int
    seconds: float
    index: tuple[FsPath, ...] = ()

    @property
    def failed(self) -> list[DocResult]:
        return [d for d in self.documents if not d.ok]

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def files(self) -> int:
        return sum(len(d.files) for d in self.documents)


def check_options(langs: Sequence[str], fmts: Sequence[str]) -> list[str]:
    """Problems with the requested languages and formats (empty when all are known)."""
    from habitat_docs.compose.language import available

    out = []
    known = available()
    for lang in langs:
        if lang not in known:
            out.append(f"unknown language '{lang}' (available: {', '.join(known)})")
    for fmt in fmts:
        if fmt not in api.FORMATS:
            out.append(f"unknown format '{fmt}' (available: {', '.join(api.FORMATS)})")
    if not langs:
        out.append("give at least one language")
    if not fmts:
        out.append("give at least one format")
    return out


def build_session(
    plan: SessionPlan,
    out_dir: str | os.PathLike[str],
    langs: Sequence[str] = ("zh", "en"),
    formats: Sequence[str] = ("docx",),
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    traceback: bool = False,
    index: bool = True,
    write: bool = True,
) -> SessionResult:
    """Build every document of ``plan``; a failing document does not stop the others.

    ``jobs``: worker processes (default: one per core; 1 builds in this process).
    ``write=False`` checks every document (reads, merges and structures it) and writes
    nothing. Raises ValueError for an unknown language or format, before any work."""
    langs, formats = tuple(langs), tuple(formats)
    problems = check_options(langs, formats)
    if problems:
        raise ValueError("; ".join(problems))
    jobs = max(1, jobs or os.cpu_count() or 1)
    jobs = min(jobs, max(1, len(plan.entries)))
    progress = progress or NoProgress()
    out = FsPath(out_dir)
    t0 = time.perf_counter()
    for lang in langs:  # load templates once, before the workers fork
        language(lang)
    pool: Executor | None = None
    try:
        if jobs > 1:
            context = _context()
            if write and context is not None and context.get_start_method() == "fork":
                _warm(plan, langs)
            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
        results = _run(plan, out, langs, formats, pool, jobs, progress, traceback, write)
    except BaseException:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
    progress.finish()
    result = SessionResult(
        plan, out, langs, formats, tuple(results), jobs, time.perf_counter() - t0
    )
    if index and write:
        paths = write_index(result)
        result = SessionResult(plan, out, langs, formats, tuple(results), jobs,
                               time.perf_counter() - t0, paths)  # fmt: skip
    return result


def _warm(plan: SessionPlan, langs: tuple[str, ...]) -> None:
    """Structure and render a one-paragraph document in the parent before the workers fork,
    so that they inherit warm caches (converters, templates, the DOCX base) instead of each
    building them again. DOCX only: a PDF engine may hold threads, which do not survive a
    fork. Any failure here is ignored (the real documents will report it)."""
    if "docx" not in api.FORMATS:
        return
    words = {lang: "Warm-up" for lang in langs}
    item = plan.agenda.items[0]
    data = {
        "kind": next(iter(KINDS)),
        "symbol": plan.allocation.agenda.text,
        "issued": plan.session.start,
        "session": dict(plan.raw_session),
        "agenda": {"symbol": plan.allocation.agenda.text,
                   "items": [{"number": item.number, "title": dict(item.title.versions)}]},
        "title": words,
        "sections": [{"heading": words, "content": [{"text": words}]}],
    }  # fmt: skip
    try:
        doc = structure(data)
        for lang in langs:
            if lang in doc.languages and lang in item.title.languages:
                api.render(doc, lang, "docx")
    except Exception:  # noqa: BLE001, S110 - only a cache warm-up
        pass


def _context() -> Any:
    """Fork where it is safe and cheap: on Linux, while this process has a single thread.
    Workers then inherit the loaded modules and templates instead of importing them again.
    Once a thread exists (a PDF engine starts some), a forked child would inherit its locks
    but not the thread, so a fresh process is started from a fork server instead."""
    if not sys.platform.startswith("linux"):
        return None
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _threads() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _threads() -> int:
    """Threads of this process, native ones included (not only Python's)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 2  # unknown: do not fork


def _run(
    plan: SessionPlan, out: FsPath, langs: tuple[str, ...], fmts: tuple[str, ...],
    pool: Executor | None, workers: int, progress: Progress, want_tb: bool, write: bool,
) -> list[DocResult]:  # fmt: skip
    entries = plan.entries
    progress.start(len(entries))
    # 1. Read every data file (in the pool: parsing is a good part of the work).
    files = [str(e.file) for e in entries]
    if pool is not None:
        chunk = max(1, len(files) // (4 * workers))
        sources = dict(
            zip([e.id for e in entries], pool.map(read_source, files, chunksize=chunk), strict=True)
        )
    else:
        sources = {e.id: read_source(f) for e, f in zip(entries, files, strict=True)}
    # 2. Merge what the session supplies; a contradiction fails that document only.
    refs = plan.refs(plan.titles(sources))
    done: dict[str, DocResult] = {}
    jobs: list[tuple[Entry, Job]] = []
    for e in entries:
        src = sources[e.id]
        try:
            data = plan.merge(e, src, refs)
        except DataError as err:
            done[e.id] = _failed(plan, e, src, str(err))
            progress.update(done[e.id])
            continue
        job_out = str(out) if write else ""
        jobs.append(
            (e, Job(e.id, data, str(e.file.parent), job_out, langs, fmts if write else (), want_tb))
        )
    jobs = _without_collisions(plan, jobs, sources, done, progress)
    if write and jobs:
        out.mkdir(parents=True, exist_ok=True)
    # 3. Structure and write, biggest data files first (the pool then ends evenly).
    jobs.sort(key=lambda ej: -_size(ej[0].file))
    if pool is None:
        for e, job in jobs:
            done[e.id] = _result(plan, e, sources[e.id], work(job) if write else _check(job))
            progress.update(done[e.id])
    else:
        fn: Callable[[Job], Outcome] = work if write else _check
        futures: dict[Future[Outcome], Entry] = {pool.submit(fn, job): e for e, job in jobs}
        for fut in as_completed(futures):
            e = futures[fut]
            try:
                outcome = fut.result()
            except BrokenProcessPool as exc:
                outcome = Outcome(e.id, False, error=f"the worker process died ({_summary(exc)})")
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                outcome = Outcome(e.id, False, error=_summary(exc))
            done[e.id] = _result(plan, e, sources[e.id], outcome)
            progress.update(done[e.id])
    return [done[e.id] for e in entries]


def _without_collisions(
    plan: SessionPlan, jobs: list[tuple[Entry, Job]], sources: Mapping[str, Source],
    done: dict[str, DocResult], progress: Progress,
) -> list[tuple[Entry, Job]]:  # fmt: skip
    """The jobs whose output files no earlier document writes. The session file keeps
    symbols apart; informal documents are named by their data files (``name``), so two of
    them (or one and a symbol) can still claim the same files: the later one fails."""
    stems: dict[str, str] = {}
    kept = []
    for e, job in jobs:
        sym = plan.symbol(e.id)
        stem = sym.file_stem if sym is not None else job.data.get("name")
        if not isinstance(stem, str) or stem not in stems:
            if isinstance(stem, str):
                stems[stem] = e.id
            kept.append((e, job))
            continue
        err = DataError(Problem(
            f"its files ({stem}-…) would overwrite those of document '{stems[stem]}'",
            ("symbol",) if sym is not None else ("name",),
        ))  # fmt: skip
        done[e.id] = _failed(plan, e, sources[e.id], str(plan.locate(e, sources[e.id], err)))
        progress.update(done[e.id])
    return kept


def _check(job: Job) -> Outcome:
    """Structure a document without writing it (``write=False``)."""
    t0 = time.perf_counter()
    try:
        doc = structure(job.data, base_dir=FsPath(job.base_dir))
        titles = {lang: _plain_title(doc, lang) for lang in job.langs if lang in doc.languages}
        missing = [lang for lang in job.langs if lang not in doc.languages]
        if missing:
            raise DataError(
                f"the document has no '{missing[0]}' text (it has {', '.join(sorted(doc.languages))})"
            )
        return Outcome(job.id, True, titles=titles, seconds=time.perf_counter() - t0)
    except DataError as e:
        return Outcome(job.id, False, problems=tuple((p.message, p.path) for p in e.problems))
    except Exception as e:  # noqa: BLE001
        return Outcome(job.id, False, error=_summary(e),
                       traceback=tb.format_exc() if job.traceback else None)  # fmt: skip


def _size(path: FsPath) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _failed(plan: SessionPlan, e: Entry, src: Source, error: str) -> DocResult:
    sym = plan.symbol(e.id)
    return DocResult(e, sym.text if sym else None, _kind(e, src), False,
                     titles=_raw_titles(src), error=error)  # fmt: skip


def _result(plan: SessionPlan, e: Entry, src: Source, o: Outcome) -> DocResult:
    sym = plan.symbol(e.id)
    if o.ok:
        return DocResult(e, sym.text if sym else None, _kind(e, src), True, o.files,
                         o.titles, seconds=o.seconds)  # fmt: skip
    if o.problems:
        err = DataError([Problem(m, p) for m, p in o.problems])
        error = str(plan.locate(e, src, err))
    else:
        error = f"{src.file}: {o.error}"
    return DocResult(e, sym.text if sym else None, _kind(e, src), False, (), _raw_titles(src),
                     error, o.traceback, o.seconds)  # fmt: skip


def _kind(e: Entry, src: Source) -> str | None:
    if e.kind is not None:
        return e.kind
    kind = src.data.get("kind") if isinstance(src.data, Mapping) else None
    return kind if isinstance(kind, str) and kind in KINDS else None


def _raw_titles(src: Source) -> dict[str, str]:
    """The titles of a document that failed, as far as its file gives them."""
    title = src.data.get("title") if isinstance(src.data, Mapping) else None
    if not isinstance(title, Mapping):
        return {}
    try:
        text = Text(title)
    except DataError:
        return {k: v for k, v in title.items() if isinstance(k, str) and isinstance(v, str)}
    return {lang: text.plain(lang) for lang in sorted(text.languages)}


# ============================================================================ progress


class Progress:
    """Reports documents as they finish. Subclasses draw a bar or print lines."""

    def start(self, total: int) -> None:
        self.total, self.count = total, 0

    def update(self, doc: DocResult) -> None:
        self.count += 1

    def finish(self) -> None:
        pass


class NoProgress(Progress):
    pass


class LineProgress(Progress):
    """One plain line per finished document (for logs and pipes)."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr

    def start(self, total: int) -> None:
        super().start(total)

    def update(self, doc: DocResult) -> None:
        super().update(doc)
        width = len(str(self.total))
        status = "ok" if doc.ok else "FAILED"
        detail = (f"{len(doc.files)} file{'s' if len(doc.files) != 1 else ''}, {doc.seconds:.1f} s"
                  if doc.ok else _first_line(doc.error))  # fmt: skip
        print(f"[{self.count:>{width}}/{self.total}] {status:<6} {doc.name} ({doc.id}): {detail}",
              file=self.stream, flush=True)  # fmt: skip


class BarProgress(Progress):
    """A bar redrawn in place with ``\\r`` (for a terminal); failures print above it."""

    def __init__(self, stream: IO[str] | None = None, width: int | None = None) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self.failures = 0
        self.t0 = time.perf_counter()
        try:  # block glyphs where the terminal's encoding has them
            "█·✗".encode(getattr(self.stream, "encoding", None) or "ascii")
            self.full, self.empty, self.cross = "█", "·", "✗"
        except (UnicodeEncodeError, LookupError):
            self.full, self.empty, self.cross = "#", "-", "x"

    def start(self, total: int) -> None:
        super().start(total)
        self.t0 = time.perf_counter()
        self._draw("")

    def update(self, doc: DocResult) -> None:
        super().update(doc)
        if not doc.ok:
            self.failures += 1
            self.stream.write(
                f"\r\x1b[K{self.cross} {doc.name} ({doc.id}): {_first_line(doc.error)}\n"
            )
        self._draw(doc.name)

    def finish(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()

    def _draw(self, last: str) -> None:
        cols = self.width or shutil.get_terminal_size((80, 20)).columns
        total = max(self.total, 1)
        counter = f" {self.count}/{self.total}"
        failed = f", {self.failures} failed" if self.failures else ""
        elapsed = f" {time.perf_counter() - self.t0:.0f} s"
        tail = f"{counter}{failed}{elapsed} {last}"
        bar_w = max(10, min(40, cols - len(tail) - 4))
        filled = bar_w * self.count // total
        line = f"[{self.full * filled}{self.empty * (bar_w - filled)}]{tail}"
        self.stream.write("\r\x1b[K" + line[: cols - 1])
        self.stream.flush()


def progress_for(stream: IO[str], mode: str = "auto") -> Progress:
    """``auto``: a bar on a terminal, plain lines otherwise; or ``bar``, ``lines``, ``none``."""
    if mode == "none":
        return NoProgress()
    if mode == "bar" or (mode == "auto" and _isatty(stream)):
        return BarProgress(stream)
    return LineProgress(stream)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def _first_line(text: str | None) -> str:
    lines = (text or "").splitlines()
    more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
    return (lines[0] if lines else "failed") + more


# ============================================================================ index


def index_data(result: SessionResult) -> dict[str, Any]:
    """The index of the session's documents, as JSON-ready data."""
    plan, langs = result.plan, result.langs
    s = plan.session
    lngs = {lang: language(lang) for lang in langs}
    by_item: dict[int, list[str]] = {}
    docs = []
    for d in result.documents:
        e = d.entry
        for k in e.item_positions:
            by_item.setdefault(k, []).append(e.id)
        docs.append({
            "id": e.id,
            "symbol": d.symbol,
            "kind": d.kind,
            "title": {lang: d.titles[lang] for lang in langs if lang in d.titles},
            "items": [item.label for item in e.items],
            "addendum_of": e.addendum_of,
            "source": _relative(e.file, plan.path.parent),
            "files": [{"lang": lg, "format": f, "path": name} for lg, f, name in d.files],
            "status": "ok" if d.ok else "failed",
            **({"error": d.error} if not d.ok else {}),
        })  # fmt: skip
    return {
        "generator": f"habitat-docs {__version__}",
        "session": {
            "year": s.year,
            "ordinal": s.ordinal,
            "name": {
                lang: _cap(lng.fact(facts.SessionRef(s.year, s.ordinal)))
                for lang, lng in lngs.items()
            },
            "start": s.start.isoformat(),
            "end": s.end.isoformat(),
            "dates": {
                lang: style.dates(s.start, s.end, lng.locale) for lang, lng in lngs.items()
            },
            "venue": (
                {lang: s.venue.plain(lang) for lang in langs if lang in s.venue.languages}
                if s.venue is not None
                else None
            ),
            "online": s.online,
        },
        "agenda": {
            "symbol": plan.allocation.agenda.text,
            "items": [
                {
                    "label": item.label,
                    "number": item.number,
                    "sub": item.sub,
                    "title": {
                        lang: item.title.plain(lang)
                        for lang in langs
                        if lang in item.title.languages
                    },
                    "documents": by_item.get(k, []),
                }
                for k, item in enumerate(plan.agenda.items)
            ],
        },
        "languages": list(langs),
        "formats": list(result.formats),
        "numbers": list(plan.allocation.numbers),
        "documents": docs,
        "failed": len(result.failed),
    }


def render_index(data: Mapping[str, Any]) -> str:
    """The HTML index page (templates/index.html.j2, sandboxed, autoescaped)."""
    from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    folder = next((d for d in template_dirs() if (d / INDEX_TEMPLATE).is_file()), None)
    if folder is None:
        raise FileNotFoundError(f"no {INDEX_TEMPLATE} in {', '.join(map(str, template_dirs()))}")
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    names = {lang: language(lang).name for lang in data["languages"]}
    return env.get_template(INDEX_TEMPLATE).render(index=data, language_names=names)


def write_index(result: SessionResult) -> tuple[FsPath, FsPath]:
    """Write ``index.json`` and ``index.html`` into the output folder, atomically."""
    data = index_data(result)
    out = result.out_dir
    out.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out / "index.json", out / "index.html"
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    api.write_atomic(json_path, text.encode("utf-8"))
    api.write_atomic(html_path, render_index(data).encode("utf-8"))
    return json_path, html_path


def _json_default(v: Any) -> Any:
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, FsPath):
        return str(v)
    raise TypeError(f"cannot write {type(v).__name__} as JSON")


def _relative(path: FsPath, base: FsPath) -> str:
    try:
        return os.path.relpath(path, base)
    except ValueError:
        return str(path)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def summary_lines(result: SessionResult) -> Iterable[str]:
    """The closing summary: counts, time, index, then each failure with its error."""
    n, bad = len(result.documents), len(result.failed)
    procs = f"{result.jobs} process{'es' if result.jobs != 1 else ''}"
    yield (f"Built {n - bad} of {n} document{'s' if n != 1 else ''} ({result.files} files) in "
           f"{result.seconds:.1f} s with {procs}.")  # fmt: skip
    if result.index:
        yield "Index: " + ", ".join(str(p) for p in result.index)
    if bad:
        yield f"{bad} document{'s' if bad != 1 else ''} failed:"
        for d in result.failed:
            yield f"  {d.name} ({d.id}, {d.entry.file}):"
            for line in (d.error or "failed").splitlines():
                yield f"    {line}"
            if d.traceback:
                for line in d.traceback.rstrip().splitlines():
                    yield f"    | {line}"
