"""Build every document of a session in every language and format, on every core.

    >>> import tempfile
    >>> from habitat_docs.session.plan import load_session
    >>> from habitat_docs.session.batch import build_session
    >>> plan = load_session("examples/session-2024-1.yaml")
    >>> result = build_session(plan, tempfile.mkdtemp(), ("zh", "en"), ("docx",), jobs=1)
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

import contextlib
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path as FsPath
from typing import Any

import attrs

from habitat_docs import api
from habitat_docs.compose.language import available, language
from habitat_docs.errors import DataError, Problem
from habitat_docs.languages_pool import fork_context
from habitat_docs.load import structure
from habitat_docs.model import KINDS, Artwork, Text, in_un_order
from habitat_docs.orphans import die_with_parent
from habitat_docs.session.document_file import DocumentFile, read_document_file
from habitat_docs.session.entries import Entry
from habitat_docs.session.index import write_index
from habitat_docs.session.plan import SessionPlan
from habitat_docs.session.progress import NoProgress, Progress
from habitat_docs.session.results import DocResult, SessionResult
from habitat_docs.session.worker import Job, Outcome, check, summary, work

__all__ = ["build_session", "check_options"]


def check_options(langs: Sequence[str] | None, fmts: Sequence[str]) -> list[str]:
    """Problems with the requested languages (None: each document's own) and formats
    (empty when all are known)."""
    out = []
    known = available()
    for lang in langs or ():
        if lang not in known:
            out.append(f"unknown language '{lang}' (available: {', '.join(known)})")
    for fmt in fmts:
        if fmt not in api.FORMATS:
            out.append(f"unknown format '{fmt}' (available: {', '.join(api.FORMATS)})")
    if langs is not None and not langs:
        out.append("give at least one language")
    if not fmts:
        out.append("give at least one format")
    return out


def build_session(
    plan: SessionPlan,
    out_dir: str | os.PathLike[str],
    langs: Sequence[str] | None = None,
    formats: Sequence[str] = ("docx",),
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    traceback: bool = False,
    index: bool = True,
    write: bool = True,
    artwork: Artwork | None = None,
    check_numbering: bool = True,
) -> SessionResult:
    """Build every document of ``plan``; a failing document does not stop the others.

    ``jobs``: worker processes (default: one per core; 1 builds in this process).
    ``write=False`` checks every document (reads, merges and structures it) and writes
    nothing. ``artwork``: the masthead's images (checked files), before the session file's.
    ``check_numbering``: check the numbering of every file written, for the index (which
    also gives each PDF's pages and each document's date of issue).
    ``langs``: the languages of every document (default: each document's own; the index
    then shows those built). Raises ValueError for an unknown language or format, before
    any work."""
    langs, formats = None if langs is None else tuple(langs), tuple(formats)
    problems = check_options(langs, formats)
    if problems:
        raise ValueError("; ".join(problems))
    jobs = max(1, jobs or os.cpu_count() or 1)
    jobs = min(jobs, max(1, len(plan.entries)))
    progress = progress or NoProgress()
    given, own = artwork or Artwork(), plan.artwork
    art = Artwork(given.emblem or own.emblem, given.logo or own.logo)
    # () asks each document for its own languages
    build = _Build(plan, FsPath(out_dir), langs or (), formats, progress, traceback, write, art,
                   check_numbering)  # fmt: skip
    t0 = time.perf_counter()
    likely = langs or _session_languages(plan)
    for lang in likely:  # load templates once, before the workers fork
        language(lang)
    with _pool(plan, likely, jobs, write) as pool:
        results = build.run(pool, jobs)
    progress.finish()
    shown = langs or _built_languages(results) or likely
    result = SessionResult(
        plan, build.out, shown, formats, tuple(results), jobs, time.perf_counter() - t0
    )
    if index and write:
        paths = write_index(result)
        result = attrs.evolve(result, seconds=time.perf_counter() - t0, index=paths)
    return result


def _session_languages(plan: SessionPlan) -> tuple[str, ...]:
    """The languages of the session file's agenda that have templates: those its documents
    are most likely issued in."""
    known = set(available())
    return in_un_order(lang for item in plan.agenda.items for lang in item.title.languages
                       if lang in known)  # fmt: skip


def _built_languages(results: Sequence[DocResult]) -> tuple[str, ...]:
    """Every language some document was built in, in the UN's order."""
    return in_un_order(lang for d in results for lang, _, _ in d.files)


def _text(path: FsPath | None) -> str | None:
    return None if path is None else str(path)


# ============================================================================ the pool


@contextlib.contextmanager
def _pool(
    plan: SessionPlan, langs: tuple[str, ...], jobs: int, write: bool
) -> Iterator[Executor | None]:
    """A pool of ``jobs`` worker processes (None for one job: this process builds). An
    exception (Ctrl-C too) cancels the work not yet started instead of waiting for it."""
    if jobs == 1:
        yield None
        return
    context = _context()
    if write and context is not None and context.get_start_method() == "fork":
        _warm(plan, langs)
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)
    )
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _warm(plan: SessionPlan, langs: tuple[str, ...]) -> None:
    """Structure and render a one-paragraph document in the parent before the workers fork,
    so that they inherit warm caches (converters, templates, the DOCX base) instead of each
    building them again. DOCX only: a PDF engine may hold threads, which do not survive a
    fork. Any failure here is ignored (the real documents will report it)."""
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
    forked = fork_context()
    if forked is not None:
        return forked
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


# ============================================================================ the work


@attrs.define
class _Build:
    """One build of a session: what it makes, and the documents done so far."""

    plan: SessionPlan
    out: FsPath
    langs: tuple[str, ...]
    formats: tuple[str, ...]
    progress: Progress
    traceback: bool
    write: bool
    artwork: Artwork
    check_numbering: bool
    files: dict[str, DocumentFile] = attrs.field(factory=dict)  # by document id
    done: dict[str, DocResult] = attrs.field(factory=dict)  # by document id

    def run(self, pool: Executor | None, workers: int) -> list[DocResult]:
        entries = self.plan.entries
        self.progress.start(len(entries))
        self.files = self.read_files(pool, workers)
        jobs = self.without_collisions(self.merge())
        if self.write and jobs:
            self.out.mkdir(parents=True, exist_ok=True)
        # Biggest data files first: the pool then ends evenly.
        jobs.sort(key=lambda ej: -_size(ej[0].file))
        if pool is None:
            fn = work if self.write else check
            for e, job in jobs:
                self.finished(e, fn(job))
        else:
            self.in_pool(pool, jobs)
        return [self.done[e.id] for e in entries]

    def read_files(self, pool: Executor | None, workers: int) -> dict[str, DocumentFile]:
        """Every data file, read (in the pool: parsing is a good part of the work)."""
        if pool is None:
            return self.plan.document_files()
        entries = self.plan.entries
        names = [str(e.file) for e in entries]
        chunk = max(1, len(names) // (4 * workers))
        read = pool.map(read_document_file, names, chunksize=chunk)
        return dict(zip([e.id for e in entries], read, strict=True))

    def merge(self) -> list[tuple[Entry, Job]]:
        """A job for every document the session's data merges into; a contradiction fails
        that document only."""
        plan = self.plan
        refs = plan.refs(plan.titles(self.files))
        jobs = []
        for e in plan.entries:
            try:
                data = plan.merge(e, self.files[e.id], refs)
            except DataError as err:
                self.failed(e, str(err))
                continue
            out, formats = (str(self.out), self.formats) if self.write else ("", ())
            jobs.append(
                (e, Job(e.id, data, str(e.file.parent), out, self.langs, formats, self.traceback,
                        emblem=_text(self.artwork.emblem), logo=_text(self.artwork.logo),
                        check_numbering=self.check_numbering))
            )
        return jobs

    def without_collisions(self, jobs: list[tuple[Entry, Job]]) -> list[tuple[Entry, Job]]:
        """The jobs whose output files no earlier document writes. The session file keeps
        symbols apart; informal documents are named by their data files (``name``), so two
        of them (or one and a symbol) can still claim the same files: the later one fails."""
        stems: dict[str, str] = {}
        kept = []
        for e, job in jobs:
            sym = self.plan.symbol(e.id)
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
            self.failed(e, str(self.plan.locate(e, self.files[e.id], err)))
        return kept

    def in_pool(self, pool: Executor, jobs: list[tuple[Entry, Job]]) -> None:
        fn: Callable[[Job], Outcome] = work if self.write else check
        futures: dict[Future[Outcome], Entry] = {pool.submit(fn, job): e for e, job in jobs}
        for fut in as_completed(futures):
            e = futures[fut]
            try:
                outcome = fut.result()
            except BrokenProcessPool as exc:
                outcome = Outcome(e.id, False, error=f"the worker process died ({summary(exc)})")
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                outcome = Outcome(e.id, False, error=summary(exc))
            self.finished(e, outcome)

    def failed(self, e: Entry, error: str) -> None:
        """A document that failed before any worker saw it."""
        file = self.files[e.id]
        self.report(DocResult(e, self.symbol_text(e), _kind(e, file), False,
                              titles=_raw_titles(file), error=error))  # fmt: skip

    def finished(self, e: Entry, o: Outcome) -> None:
        """A document a worker built (or checked), or failed to."""
        file = self.files[e.id]
        if o.ok:
            self.report(DocResult(e, self.symbol_text(e), _kind(e, file), True, o.files,
                                  o.titles, seconds=o.seconds, issued=o.issued,
                                  details=o.details))  # fmt: skip
            return
        if o.problems:
            err = DataError([Problem(m, p) for m, p in o.problems])
            error = str(self.plan.locate(e, file, err))
        else:
            error = f"{file.name}: {o.error}"
        self.report(DocResult(e, self.symbol_text(e), _kind(e, file), False, (),
                              _raw_titles(file), error, o.traceback, o.seconds))  # fmt: skip

    def report(self, result: DocResult) -> None:
        self.done[result.id] = result
        self.progress.update(result)

    def symbol_text(self, e: Entry) -> str | None:
        sym = self.plan.symbol(e.id)
        return sym.text if sym else None


def _size(path: FsPath) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _kind(e: Entry, file: DocumentFile) -> str | None:
    if e.kind is not None:
        return e.kind
    kind = file.fields.get("kind")
    return kind if isinstance(kind, str) and kind in KINDS else None


def _raw_titles(file: DocumentFile) -> dict[str, str]:
    """The titles of a document that failed, as far as its file gives them."""
    title = file.fields.get("title")
    if not isinstance(title, Mapping):
        return {}
    try:
        text = Text(title)
    except DataError:
        return {k: v for k, v in title.items() if isinstance(k, str) and isinstance(v, str)}
    return {lang: text.plain(lang) for lang in sorted(text.languages)}
