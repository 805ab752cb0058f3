"""Lines of TOML keys (tomllib keeps none): hand-checked cases, a property against an emitter
that records where it writes each key, and errors located through the loader."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from support import toml_value

from habitat_docs.errors import DataError
from habitat_docs.load import load
from habitat_docs.load.tomlmap import key_lines

SAMPLE = """\
title = { en = "A", zh = "B" }   # inline table
[session]
year = 2024
venue.en = "Nairobi"
[[sections]]
"id" = "intro"
heading = {en = "I", zh = '一'}
[[sections.content]]
text = {en = '''x
y''', zh = "z"}
[[sections.content]]
table.rows = [
  [ {en = "a.b"}, {en = "#b"} ],
  [ "c", 1979-05-27 07:32:00, 3.14, -1e3 ],
]
[[sections]]
id = "b"
[[sections.content]]
text = \"\"\"q\\
  "quoted" \"\"\"
[sections.heading]
en = '''I\\I'''  # a literal string keeps its backslash
fr = '''deux
lignes'''
"x.y".z = 1
"""


def test_sample_keys_are_on_their_lines() -> None:
    assert tomllib.loads(SAMPLE)  # valid TOML
    lines = key_lines(SAMPLE)
    expected = {
        ("title", "zh"): 1,
        ("session",): 2,
        ("session", "year"): 3,
        ("session", "venue", "en"): 4,
        ("sections", 0): 5,
        ("sections", 0, "id"): 6,
        ("sections", 0, "heading", "zh"): 7,
        ("sections", 0, "content", 0): 8,
        ("sections", 0, "content", 0, "text", "en"): 9,
        ("sections", 0, "content", 0, "text", "zh"): 10,  # after a multi-line string
        ("sections", 0, "content", 1, "table", "rows"): 12,
        ("sections", 0, "content", 1, "table", "rows", 0, 1, "en"): 13,
        ("sections", 0, "content", 1, "table", "rows", 1, 3): 14,
        ("sections", 1): 16,
        ("sections", 1, "id"): 17,
        ("sections", 1, "content", 0, "text"): 19,
        ("sections", 1, "heading"): 21,
        ("sections", 1, "heading", "en"): 22,
        ("sections", 1, "heading", "fr"): 23,
        ("sections", 1, "heading", "x.y", "z"): 25,
    }
    assert {path: lines.get(path) for path in expected} == expected


def test_every_path_found_exists_in_the_data() -> None:
    data = tomllib.loads(SAMPLE)
    for path in key_lines(SAMPLE):
        node: Any = data
        for part in path:
            node = node[part]


# --- property: an emitter that writes headers, arrays of tables and inline values ---------------

_keys = st.text("abcxyz_-", min_size=1, max_size=5) | st.sampled_from(["a.b", "x y", "引", "1"])
_scalars = st.one_of(
    st.integers(-10**6, 10**6),
    st.booleans(),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x7f"), max_size=8),
    st.sampled_from(["multi\nline", "folded", "lit\nline"]),  # written over two lines
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
    max_leaves=12,
)
_documents = st.dictionaries(_keys, _values, max_size=4)


def _key(k: str) -> str:
    bare = k.replace("_", "").replace("-", "").isalnum() and k.isascii()
    return k if bare else json.dumps(k, ensure_ascii=False)


def _inline(v: Any) -> str:
    if v == "multi\nline":
        return '"""multi\nline"""'
    if v == "folded":  # a line-ending backslash joins the lines
        return '"""fol\\\n   ded"""'
    if v == "lit\nline":
        return "'''lit\nline'''"
    if isinstance(v, list):
        return "[" + ", ".join(_inline(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_key(k)} = {_inline(x)}" for k, x in v.items()) + "}"
    return toml_value(v)


def _emit(data: dict[str, Any]) -> tuple[str, dict[tuple[Any, ...], int]]:
    """TOML for ``data`` (tables of tables as headers, lists of tables as arrays of tables),
    and the line where each key and each array-of-tables element is written."""
    out: list[str] = []
    where: dict[tuple[Any, ...], int] = {}
    line = 1

    def write(path: tuple[Any, ...], text: str) -> None:
        nonlocal line
        where[path] = line
        out.append(text)
        line += text.count("\n") + 1

    def table(path: tuple[Any, ...], header: tuple[str, ...], d: dict[str, Any]) -> None:
        later = []
        for k, v in d.items():
            if isinstance(v, dict) and len(v) == 1 and not isinstance(next(iter(v.values())), dict | list):
                (sub, x), = v.items()  # a dotted key
                where[(*path, k)] = line
                write((*path, k, sub), f"{_key(k)}.{_key(sub)} = {_inline(x)}")
            elif isinstance(v, dict) and v or isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
                later.append((k, v))
            else:
                write((*path, k), f"{_key(k)} = {_inline(v)}")
        for k, v in later:
            name = ".".join(_key(x) for x in (*header, k))
            if isinstance(v, list):
                for i, item in enumerate(v):
                    write((*path, k, i), f"[[{name}]]")
                    table((*path, k, i), (*header, k), item)
            else:
                write((*path, k), f"[{name}]")
                table((*path, k), (*header, k), v)

    table((), (), data)
    return "\n".join(out) + "\n", where


@settings(max_examples=150, deadline=None)
@given(_documents)
def test_emitted_keys_are_found_on_the_lines_they_were_written(data: dict[str, Any]) -> None:
    text, where = _emit(data)
    assert tomllib.loads(text) == data
    lines = key_lines(text)
    assert {path: lines.get(path) for path in where} == where
    for path in lines:  # and no path that is not in the data
        node: Any = data
        for part in path:
            node = node[part]


# --- through the loader ---------------------------------------------------------------------------

DOCUMENT = """\
kind = "executive-director-report"
symbol = "HSP/EB.2024/11"
issued = 2024-03-07
title = {en = "Actions", zh = "行动"}

[session]
year = 2024
ordinal = 1
start = 2024-05-06
end = 2024-05-08
venue = {en = "Nairobi", zh = "内罗毕"}

[agenda]
symbol = "HSP/EB.2024/1"
items = [{number = 12, title = {en = "Report", zh = "报告"}}]

[[sections]]
heading = {en = "Introduction", zh = "导言"}

[[sections.content]]
text = {en = "First.", zh = "第一。"}

[[sections.content]]
text = {en = "Second, see {ref:nowhere}.", zh = "第二。"}
"""


def test_a_deep_error_in_a_toml_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "doc.toml"
    path.write_text(DOCUMENT, encoding="utf-8")
    try:
        load(path)
    except DataError as e:
        (problem,) = e.problems
    else:
        raise AssertionError("the dangling reference was not reported")
    assert problem.path[:4] == ("sections", 0, "content", 1)
    assert problem.line == DOCUMENT.splitlines().index(
        'text = {en = "Second, see {ref:nowhere}.", zh = "第二。"}'
    ) + 1
