"""Plain data to YAML text: a stand-in until the emitter with the examples' key order, block
strings and comments at field paths is merged (same signature)."""

from __future__ import annotations

import yaml

__all__ = ["dump"]


def dump(data: dict[str, object], comments: dict[tuple[str | int, ...], str]) -> str:
    """``data`` as YAML, then each comment on the field path it concerns."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    notes = "".join(f"# {'.'.join(map(str, path))}: {note}\n" for path, note in comments.items())
    return notes + text
