"""The versions of one document read, their languages decided, their mastheads and bodies
read and aligned into the plain data of one data file."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from habitat_docs.atomic import write_atomic
from habitat_docs.compose.language import available
from habitat_docs.importer.align import MisalignedError, align_body, fields, together
from habitat_docs.importer.attach import attach, settle_tables
from habitat_docs.importer.body import Body, read_body, where
from habitat_docs.importer.detect import detect_language
from habitat_docs.importer.informal import cited_documents, informal_kind, name_of, online
from habitat_docs.importer.lines import Version, read_version
from habitat_docs.importer.masthead import Masthead, read_masthead, subtitle_kinds, subtitle_of
from habitat_docs.importer.partial import Unaligned, align_partial
from habitat_docs.importer.parts import Summary
from habitat_docs.importer.refs import resolve_references
from habitat_docs.regular import read_regular

__all__ = ["ImportFailed", "import_data"]

Comments = dict[tuple[str | int, ...], str]
# Kinds that print one subtitle, told apart by what their body holds (the first that fits).
_SHOWN_BY = {"strategy-progress-note": "targets"}
# The UN's order of its languages, as the examples list them.
_UN_ORDER = ("ar", "zh", "en", "fr", "ru", "es")


class ImportFailed(Exception):
    """The files cannot become one document: the message names the file (and place)."""


def import_data(
    paths: Sequence[str | os.PathLike[str]],
    langs: Sequence[str] | None = None,
    *,
    warnings: list[str] | None = None,
    images: str | os.PathLike[str] | None = None,
    partial: bool = False,
) -> tuple[dict[str, object], Comments]:
    """The data file of the document whose language versions are ``paths``; ``langs`` names
    their languages in file order (detected when None or shorter). The images of a DOCX's
    figures are written into the folder ``images`` (the data file's: the data names them
    relative to it), each named after its figure's id; without it they are left out.
    Versions that do not align raise MisalignedError; with ``partial`` what aligns is
    imported and each block left over is written in a comment and reported in ``warnings``
    (as an ``Unaligned``)."""
    if not paths:
        raise ImportFailed("no file to import")
    comments: Comments = {}
    versions = [read_version(p) for p in paths]
    codes = _languages(versions, list(langs or ()), comments)
    bodies = [read_body(v) for v in versions]
    parts = [attach(v, b, c, pictures=images is not None)
             for v, b, c in zip(versions, bodies, codes, strict=True)]  # fmt: skip
    settle_tables(versions, bodies)  # a table some PDF does not give is no version's
    mastheads = [read_masthead(v, c) for v, c in zip(versions, codes, strict=True)]
    sink = warnings if warnings is not None else []
    for version, body, masthead in zip(versions, bodies, mastheads, strict=True):
        sink.extend(body.warnings)
        sink.extend(f"{where(version, ln)}: “{ln.text.strip()[:40]}”: not imported: a masthead line "
                    "not recognised" for ln in masthead.unread)  # fmt: skip
    order = sorted(
        range(len(codes)), key=lambda k: _UN_ORDER.index(codes[k]) if codes[k] in _UN_ORDER else 99
    )
    data = _head(versions, codes, mastheads, order, comments)
    try:
        summary = _summary([parts[k].summary for k in order], [codes[k] for k in order])
    except ImportFailed as e:
        if not partial:
            raise
        summary = _summary_left(e, [(versions[k], parts[k].summary) for k in order], comments, sink)
    if summary:
        data["summary"] = summary
        guesses = (p.summary.guess for p in parts if p.summary is not None and p.summary.guess)
        if guess := "; ".join(dict.fromkeys(guesses)):
            comments[("summary", "text")] = guess
    pictures: dict[str, bytes] | None = {} if images is not None else None
    aligned = [(codes[k], versions[k], bodies[k]) for k in order]
    data["sections"], annexes = _body(aligned, pictures, partial, comments, sink)
    if annexes:
        data["annexes"] = annexes
    _settle_kind(data, subtitle_kinds(versions[order[0]].masthead, codes[order[0]]), comments)
    if documents := cited_documents(data["sections"]):  # type: ignore[arg-type]
        data["documents"] = documents
        comments[("documents",)] = "read from the pre-session lines: their titles are not printed"
    if images is not None and pictures:
        _write_images(Path(images), pictures)
    resolve_references(data, [codes[k] for k in order], sink, comments)
    return data, comments


def _body(
    aligned: list[tuple[str, Version, Body]], pictures: dict[str, bytes] | None, partial: bool,
    comments: Comments, sink: list[str],
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:  # fmt: skip
    """The sections and annexes; with ``partial``, versions that do not align give what
    aligns of their sections, and their annexes are reported, not imported."""
    try:
        sections, annexes, guesses = align_body(aligned, pictures)
    except MisalignedError as e:
        if not partial:
            raise
        comments[()] = f"{e}: what aligns is imported, the rest is in comments"
        sink.extend(Unaligned(f"{where(version, annex.line)}: annex {annex.value or ''}: not "
                              "imported, the versions do not align")
                    for _, version, body in aligned for annex in body.annexes)  # fmt: skip
        return align_partial(aligned, comments, sink), []
    comments.update(guesses)
    return sections, annexes


def _write_images(folder: Path, pictures: dict[str, bytes]) -> None:
    """The figures' images, each beside the data file; another file of that name is kept."""
    for name, data in pictures.items():
        target = folder / name
        if target.exists() and _content(target) != data:
            raise ImportFailed(
                f"{target}: exists with other content: the figure's image is not written"
            )
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in pictures.items():
        write_atomic(folder / name, data)


def _content(target: Path) -> bytes:
    """What an existing file holds; ImportFailed for anything but a regular file (a FIFO
    would block the import)."""
    try:
        return read_regular(target)
    except OSError as e:
        raise ImportFailed(f"{target}: {e.strerror or e}: the figure's image is not written") from None


def _summary(summaries: list[Summary | None], langs: list[str]) -> dict[str, object]:
    """The summary in every language, when every version has one of the same length."""
    if any(s is None for s in summaries):
        return {}
    found = [s for s in summaries if s is not None]
    if len({len(s.paras) for s in found}) != 1 or len({bool(s.action) for s in found}) != 1:
        raise ImportFailed("the versions' summaries differ in their number of paragraphs")
    out: dict[str, object] = {
        "text": [together(langs, [s.paras[k] for s in found]) for k in range(len(found[0].paras))]
    }
    if found[0].action:
        out["action"] = together(langs, [s.action for s in found])
    return out


def _summary_left(
    e: ImportFailed, summaries: list[tuple[Version, Summary | None]], comments: Comments,
    sink: list[str],
) -> dict[str, object]:  # fmt: skip
    """No summary: each version's, left over, in a comment on the title and reported."""
    notes = [str(e)]
    for version, summary in summaries:
        if summary is not None:
            texts = " ".join(f"“{t}”" for t in (*summary.paras, summary.action) if t)
            notes.append(f"left out, not aligned: {version.name}: the summary {texts}")
            sink.append(Unaligned(f"{version.name}: the summary: not aligned with the other "
                                  "versions (kept in a comment)"))  # fmt: skip
    comments[("title",)] = "\n".join(notes)
    return {}


def _languages(versions: list[Version], given: list[str], comments: Comments) -> list[str]:
    codes: list[str] = []
    for k, version in enumerate(versions):
        found = (given[k], "") if k < len(given) else detect_language(version)
        if found is None or found[0] not in available():
            raise ImportFailed(f"{version.name}: cannot tell its language: give it with --lang")
        code = found[0]
        if k >= len(given):
            comments[("languages", code)] = f"{code}: detected from {found[1]} ({version.name})"
        if code in codes:
            raise ImportFailed(f"{version.name}: a second {code} version")
        codes.append(code)
    return codes


def _head(versions: list[Version], codes: list[str], mastheads: list[Masthead],
          order: list[int], comments: Comments) -> dict[str, object]:  # fmt: skip
    fields: dict[str, object] = {}
    for m in mastheads:
        for key, value in m.fields.items():
            fields.setdefault(key, value)
    data = _kind(versions[order[0]], codes[order[0]], "symbol" in fields, comments)
    for key in ("symbol", "issued", "distribution", "original"):
        if key in fields:
            data[key] = fields[key]
    if "issued" not in data and "session" in fields:  # a text file may have lost the column
        data["issued"] = fields["session"]["start"]  # type: ignore[index]
        comments[("issued",)] = "not in the source: the session's first day stands in"
    data["languages"] = [codes[k] for k in order]
    for n, k in enumerate(order):  # a detected language's comment at its place in the list
        if ("languages", codes[k]) in comments:
            comments[("languages", n)] = comments.pop(("languages", codes[k]))
    if "session" in fields:
        session = dict(fields["session"])  # type: ignore[call-overload]
        session["venue"] = {codes[k]: mastheads[k].texts.get("venue", "") for k in order}
        if online(session["venue"]):
            del session["venue"]
            session["online"] = True
        data["session"] = session
    agenda = _agenda(fields, codes, mastheads, order)
    if agenda:
        data["agenda"] = agenda
        titles = [repr(item.get("title")) for item in agenda.get("items", [])]  # type: ignore[attr-defined]
        if len(titles) > 1 and len(set(titles)) < len(titles):
            comments[("agenda", "items")] = ("a guess: the source does not tell the items' "
                                             "titles apart; each shows them all: divide them")  # fmt: skip
    data["title"] = {codes[k]: mastheads[k].texts.get("title", "") for k in order}
    return data


def _agenda(
    fields: dict[str, object], codes: list[str], mastheads: list[Masthead], order: list[int]
) -> dict[str, object]:
    numbers: list[tuple[int, str | None]] = fields.get("items") or []  # type: ignore[assignment]
    agenda: dict[str, object] = {}
    if "agenda_symbol" in fields:
        agenda["symbol"] = fields["agenda_symbol"]
    items = []
    for n, (number, sub) in enumerate(numbers):
        item: dict[str, object] = {"number": number}
        if sub:
            item["sub"] = sub
        titles = {codes[k]: _nth(mastheads[k].texts.get("item_titles"), n) for k in order}
        if all(titles.values()):
            item["title"] = titles
        items.append(item)
    if items:
        agenda["items"] = items
    return agenda


def _nth(values: object, n: int) -> str:
    return values[n] if isinstance(values, list) and n < len(values) else ""


def _kind(first: Version, code: str, symbol: bool, comments: Comments) -> dict[str, object]:
    """The kind, from the subtitle of the first version; without one, the kind that prints
    neither subtitle nor symbol when its headings are labelled that kind's way (named after
    its file, having no symbol), else a guess."""
    found = subtitle_of(first.masthead, (code,))
    if found:
        comments[("kind",)] = f"read from the subtitle “{found[3].text.strip()}”"
        return {"kind": found[1]}
    kind = None if symbol else informal_kind(first, code)
    if kind is None:
        comments[("kind",)] = "a guess: no subtitle recognised"
        return {"kind": "executive-director-report"}
    comments[("kind",)] = "no subtitle and no symbol: the kind that prints neither"
    comments[("name",)] = f"from the file name {os.path.basename(first.name)}"
    return {"kind": kind, "name": name_of(first.name, code)}


def _settle_kind(data: dict[str, object], kinds: list[str], comments: Comments) -> None:
    """Of kinds that print the same subtitle, the one the body shows (target boxes for a
    progress note on the strategic plan), else the one read first; the comment says so."""
    if len(kinds) < 2:
        return
    shown = [k for k in kinds if k in _SHOWN_BY and _holds(data.get("sections"), _SHOWN_BY[k])]
    chosen = shown[0] if shown else str(data["kind"])
    why = f"its {_SHOWN_BY[chosen]}" if shown else "nothing in its body tells them apart"
    data["kind"] = chosen
    others = ", ".join(k for k in kinds if k != chosen)
    comments[("kind",)] += f"; {others} prints it too: {chosen} for {why}"


def _holds(tree: object, key: str) -> bool:
    """Whether a mapping in ``tree`` has the field ``key``."""
    return any(isinstance(node, dict) and key in node for _, node in fields(tree))
