"""Checks shared by the session file and the register file: unknown fields, files outside the folder."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path as FsPath
from typing import Any

from habitat_docs.errors import Path, Problem, did_you_mean

__all__ = ["outside_folder", "unknown_fields"]


def unknown_fields(data: Mapping[Any, Any], known: Sequence[str], path: Path) -> list[Problem]:
    """One problem for each key of ``data`` not in ``known``, with the nearest known name."""
    return [
        Problem(f"unknown field '{k}'{did_you_mean(str(k), known)}", (*path, k))
        for k in data
        if k not in known
    ]


def outside_folder(base_dir: FsPath, name: str) -> str | None:
    """Why a file a session file names may not be read (or written): it must lie in the
    session file's folder or below, symbolic links resolved; else None."""
    folder = base_dir.resolve()
    if not (folder / name).resolve().is_relative_to(folder):
        return f"'{name}' lies outside the session file's folder ({base_dir}); a session reads only files there"
    return None
