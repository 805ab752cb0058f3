"""cattrs' errors as the loader's problems: a message at the field path of the data."""

from __future__ import annotations

import re

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from habitat_docs.errors import DataError, Path, Problem, did_you_mean, shorten

__all__ = ["drop_implied", "problems_of"]

_MISSING = "required field is missing"
_SUGGESTION = re.compile(r"unknown field '.*' \(did you mean '(?P<name>[^']+)'\?\)\Z")


def problems_of(exc: BaseException, path: Path = ()) -> list[Problem]:
    """Flatten a cattrs error tree into problems with field paths (below ``path``)."""
    if isinstance(exc, DataError):
        return [Problem(p.message, (*path, *p.path)) for p in exc.problems]
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        out: list[Problem] = []
        for sub, note in with_notes:
            step = note.name if isinstance(note, AttributeValidationNote) else note.index
            assert isinstance(note, AttributeValidationNote | IterableValidationNote)
            out += problems_of(sub, (*path, step))
        for sub in without:
            out += problems_of(sub, path)
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        names = [a.name for a in attrs.fields(exc.cl) if a.init]
        return [
            Problem(f"unknown field '{shorten(k)}'{did_you_mean(k, [n for n in names if n != k])}", (*path, k))
            for k in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        key = exc.args[0]
        # cattrs may already have put the missing field's name on the path
        return [Problem(_MISSING, path if path[-1:] == (key,) else (*path, key))]
    if isinstance(exc, TypeError | ValueError):
        return [Problem(_plain_type_error(exc), path)]
    raise exc


def _plain_type_error(exc: Exception) -> str:
    msg = str(exc)
    if "'NoneType'" in msg:
        return "a value is required here"
    if "object is not iterable" in msg or "not a list" in msg:
        return "expected a list"
    return msg


def drop_implied(problems: list[Problem]) -> list[Problem]:
    """Without the "required field is missing" of a field whose name an unknown field
    misspells (``heding`` for ``heading``): the typo is the one problem to report."""
    typos = set()
    for p in problems:
        m = _SUGGESTION.match(p.message)
        if m and p.path:
            typos.add((*p.path[:-1], m["name"]))
    return [p for p in problems if not (p.message == _MISSING and p.path in typos)]
