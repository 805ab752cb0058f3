"""The index of a session build: ``index.json`` and, to browse it, ``index.html``."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path as FsPath
from typing import Any

from habitat_docs.atomic import write_atomic
from habitat_docs.compose.language import language, template_dirs
from habitat_docs.model import Session, facts
from habitat_docs.session.plan import SessionPlan
from habitat_docs.session.results import DocResult, SessionResult
from habitat_docs.version import __version__

__all__ = ["INDEX_TEMPLATE", "index_data", "render_index", "write_index"]

INDEX_TEMPLATE = "index.html.j2"


def index_data(result: SessionResult) -> dict[str, Any]:
    """The index of the session's documents, as JSON-ready data."""
    plan, langs = result.plan, result.langs
    by_item: dict[int, list[str]] = {}  # agenda position -> ids of its documents
    for d in result.documents:
        for k in d.entry.item_positions:
            by_item.setdefault(k, []).append(d.id)
    return {
        "generator": f"habitat-docs {__version__}",
        "session": _session(plan.session, langs),
        "agenda": _agenda(plan, langs, by_item),
        "languages": list(langs),
        "formats": list(result.formats),
        "numbers": list(plan.allocation.numbers),
        "documents": [_document(d, langs, plan.path.parent) for d in result.documents],
        "failed": len(result.failed),
        "checked": _checked(result.documents),
    }


def _checked(documents: Sequence[DocResult]) -> dict[str, int]:
    """How many files written had their numbering checked, and how many of them have findings."""
    checks = [info["check"] for d in documents for info in d.details.values() if "check" in info]
    return {"files": len(checks), "findings": sum(not c["ok"] for c in checks)}


def _session(s: Session, langs: Sequence[str]) -> dict[str, Any]:
    lngs = {lang: language(lang) for lang in langs}
    return {
        "year": s.year,
        "ordinal": s.ordinal,
        "name": {
            lang: _cap(lng.fact(facts.SessionRef(s.year, s.ordinal))) for lang, lng in lngs.items()
        },
        "start": s.start.isoformat(),
        "end": s.end.isoformat(),
        "dates": {lang: lng.figures.dates(s.start, s.end) for lang, lng in lngs.items()},
        "venue": (
            {lang: s.venue.plain(lang) for lang in langs if lang in s.venue.languages}
            if s.venue is not None
            else None
        ),
        "online": s.online,
    }


def _agenda(
    plan: SessionPlan, langs: Sequence[str], by_item: Mapping[int, list[str]]
) -> dict[str, Any]:
    items = [
        {
            "label": item.label,
            "number": item.number,
            "sub": item.sub,
            "title": {
                lang: item.title.plain(lang) for lang in langs if lang in item.title.languages
            },
            "documents": by_item.get(k, []),
        }
        for k, item in enumerate(plan.agenda.items)
    ]
    return {"symbol": plan.allocation.agenda.text, "items": items}


def _document(d: DocResult, langs: Sequence[str], base: FsPath) -> dict[str, Any]:
    e = d.entry
    return {
        "id": e.id,
        "symbol": d.symbol,
        "kind": d.kind,
        "title": {lang: d.titles[lang] for lang in langs if lang in d.titles},
        "items": [item.label for item in e.items],
        "addendum_of": e.addendum_of,
        "source": _relative(e.file, base),
        "issued": d.issued,
        "files": [
            {"lang": lg, "format": f, "path": name, **d.details.get(name, {})}
            for lg, f, name in d.files
        ],
        "status": "ok" if d.ok else "failed",
        **({"error": d.error} if not d.ok else {}),
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
    write_atomic(json_path, text.encode("utf-8"))
    write_atomic(html_path, render_index(data).encode("utf-8"))
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
