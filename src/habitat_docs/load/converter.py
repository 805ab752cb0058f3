"""Plain data to document models: the loader's cattrs converter, its hooks and its messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path as FsPath
from typing import Any, Literal, get_origin

import attrs
import cattrs
import cattrs.gen
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError, IterableValidationError

from habitat_docs.compose.language import available
from habitat_docs.errors import DataError, did_you_mean, shorten
from habitat_docs.load.facts import parse_date, register_fact_hooks
from habitat_docs.load.images import image_file
from habitat_docs.load.problems import drop_implied, problems_of
from habitat_docs.model import (
    KINDS,
    Block,
    Document,
    DraftDecision,
    Figure,
    Operative,
    Paragraph,
    PreSession,
    Subparagraph,
    Symbol,
    Table,
    TargetBox,
    Text,
    walk,
)  # fmt: skip
from habitat_docs.model.facts import Facts

__all__ = ["structure", "structure_as", "structure_facts"]

_converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)


def structure(data: Any, base_dir: FsPath | None = None) -> Document:
    """Turn plain data (as parsed from a data file) into a document model."""
    if not isinstance(data, Mapping):
        raise DataError("the file must hold a mapping of fields (kind, symbol, …)")
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        hint = did_you_mean(str(kind), KINDS) if isinstance(kind, str) else ""
        known = ", ".join(KINDS)
        shown = repr(shorten(kind)) if isinstance(kind, str) else repr(kind)
        raise DataError(f"unknown document kind {shown}{hint} (known: {known})", ("kind",))
    cls = KINDS[kind]
    fields = {k: v for k, v in data.items() if k != "kind"}
    try:
        if base_dir is None or "base_dir" in fields:  # a base_dir in the data is an unknown field
            doc: Document = _converter.structure(fields, cls)
        else:  # built once, in its folder (evolving it would check the whole document again)
            doc = _IN_FOLDER[cls]({**fields, "base_dir": base_dir}, cls)
    except (ClassValidationError, IterableValidationError, DataError) as e:
        raise DataError(drop_implied(problems_of(e))) from None
    if "languages" in fields:
        _check_templates(doc)
    if base_dir is not None:
        _check_images(doc)
    return doc


def _check_templates(doc: Document) -> None:
    """Every language a document lists has its templates (``templates/<lang>/``)."""
    known = available()
    lacking = [code for code in sorted(doc.languages) if code not in known]
    if lacking:
        raise DataError(
            f"no templates for {', '.join(lacking)} (templates/<lang>/; available: "
            f"{', '.join(known) or 'none'})",
            ("languages",),
        )


def structure_as(data: Any, cls: Any) -> Any:
    """Structure plain data into one model class, with the loader's hooks and messages."""
    try:
        return _converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, DataError, KeyError, TypeError,
            ValueError) as e:  # fmt: skip
        raise DataError(problems_of(e)) from None


def structure_facts(data: Any) -> Facts:
    """The facts of a ``facts:`` mapping (name -> one-key mapping, see
    :mod:`habitat_docs.model.facts`), every problem listed with its path (``share.percent``)."""
    facts: Facts = structure_as(data, Facts)
    return facts


def _check_images(doc: Document) -> None:
    """Every figure's image is a PNG, JPEG or GIF file inside the data file's folder."""
    problems = []
    for path, node in walk(doc):
        if isinstance(node, Figure) and node.image is not None:
            try:
                image_file(doc.base_dir, node.image)
            except DataError as e:
                problems.append(e.within((*path, "figure", "image")))  # as the file writes it
    if problems:
        raise DataError.join(problems)


# --- hooks -----------------------------------------------------------------------------------


def _what(value: Any) -> str:
    """How an unexpected value is described in a message."""
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "nothing"
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"a string {shown}" if isinstance(value, str) else f"{type(value).__name__} {shown}"


def _is_text(value: Mapping[str, Any]) -> bool:
    """A bare {en: …, zh: …} mapping (a shorthand for {text: {en: …, zh: …}})."""
    return bool(value) and all(
        isinstance(k, str) and 2 <= len(k) <= 3 and k.isalpha() and k.islower() and k != "id"
        for k in value
    )


def _text(value: Any, _: type) -> Text:
    if isinstance(value, Text):
        return value
    if not isinstance(value, Mapping):
        raise DataError("expected a mapping of languages, e.g. {en: …, zh: …}")
    return Text(value)


def _date(value: Any, _: type) -> dt.date:
    return parse_date(value)


def _symbol(value: Any, _: type) -> Symbol:
    if not isinstance(value, str):
        raise DataError(f"expected a symbol such as HSP/EB.2024/11, got {value!r}")
    return Symbol(value)


def _strict(kind: type) -> Callable[[Any, type], Any]:
    def hook(value: Any, _: type) -> Any:
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise DataError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return hook


_BLOCK_KEYS: dict[str, type] = {
    "text": Paragraph, "table": Table, "figure": Figure, "targets": TargetBox, "presession": PreSession,
    "decision": DraftDecision,
}  # fmt: skip
_LIST_BLOCKS = {"targets": "items"}  # blocks written as a bare list fill this field


_BESIDE_TEXT = {f.name for f in attrs.fields(Paragraph)} - {"text"}  # id …: fields a paragraph has
_UNWRAPPED = "the languages of a text beside its other fields: write text: {en: …, zh: …}"


def _as_given(value: Any, _: Any) -> Any:
    return value


def _one_of(value: Any, choices: Any) -> Any:
    """A value of a Literal field (``distribution``): one of the words it allows."""
    if value not in choices.__args__:
        raise DataError(f"'{value}' is not one of {', '.join(choices.__args__)}")
    return value


def _block(value: Any, _: Any) -> Block:
    if isinstance(value, Mapping):
        keys = [k for k in _BLOCK_KEYS if k in value]
        if len(keys) == 1:
            key = keys[0]
            cls = _BLOCK_KEYS[key]
            if cls is Paragraph:
                paragraph: Paragraph = _converter.structure(value, Paragraph)
                return paragraph
            return _wrapped_block(key, cls, value)
        if len(keys) > 1:
            raise DataError(f"a block is one of {', '.join(keys)}, not several")
        if _is_text(value):
            return Paragraph(text=Text(value))
        if _is_text({k: v for k, v in value.items() if k not in _BESIDE_TEXT}):
            raise DataError(_UNWRAPPED)
    raise DataError(
        "expected a paragraph (text: …), table: …, figure: …, targets: […], presession: … or "
        "decision: …"
    )


def _wrapped_block(key: str, cls: type, value: Mapping[str, Any]) -> Block:
    """``{table: {…}, id: x}``: the fields under the key, plus those beside it."""
    inner, beside = value[key], {k: v for k, v in value.items() if k != key}
    field = _LIST_BLOCKS.get(key)
    if field is not None:
        inner = {field: inner}
    elif not isinstance(inner, Mapping):
        raise DataError(f"'{key}' must hold a mapping of fields", (key,))
    try:
        block: Block = _converter.structure({**inner, **beside}, cls)
        return block
    except (ClassValidationError, IterableValidationError, DataError) as e:
        problems = problems_of(e)
    for p in problems:  # report paths as written in the file
        head = p.path[:1]
        if field is not None and head == (field,):
            p.path = (key, *p.path[1:])
        elif head and head[0] not in beside:
            p.path = (key, *p.path)
    raise DataError(problems)


def _subparagraph(value: Any, cls: type) -> Subparagraph | Operative:
    """A subparagraph or an operative paragraph: its text alone ({en: …, zh: …}), or its
    fields (text, subparagraphs, id)."""
    what = "an operative paragraph" if cls is Operative else "a subparagraph"
    if not isinstance(value, Mapping):
        raise DataError(f"expected {what} ({{en: …, zh: …}} or text: …), got {_what(value)}")
    if _is_text(value) and "text" not in value:
        short: Subparagraph | Operative = cls(text=Text(value))
        return short
    beside = {f.name for f in attrs.fields(cls)} - {"text"}
    if "text" not in value and _is_text({k: v for k, v in value.items() if k not in beside}):
        raise DataError(_UNWRAPPED)
    made = _text_fields[Operative if cls is Operative else Subparagraph](value, cls)
    assert isinstance(made, Subparagraph | Operative)
    return made


def _is_list_field(t: Any) -> bool:
    args: tuple[Any, ...] = getattr(t, "__args__", ())
    return getattr(t, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _list_of(kind: Any) -> Callable[[Any, Any], Any]:
    """A homogeneous tuple field (sections, content, rows …): written as a list, never as a
    string or a mapping (which would otherwise be taken apart character by character, or
    key by key)."""
    items = homogenous_tuple_structure_factory(kind, _converter)

    def hook(value: Any, _: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise DataError(f"expected a list, got {_what(value)}")
        return items(value, kind)

    return hook


def _mapping_of_fields(cls: type) -> Callable[[Any, Any], Any]:
    """Structure an attrs class (Section, Table …) from a mapping only; anything else is one
    clear error, not an AttributeError from deep inside cattrs."""
    fields: Callable[[Mapping[str, Any], Any], Any] = cattrs.gen.make_dict_structure_fn(cls, _converter)

    def hook(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise DataError(f"expected a mapping of fields, got {_what(value)}")
        return fields(value, cls)

    return hook


for _kind, _hook in [
    (Text, _text), (dt.date, _date), (Symbol, _symbol), (Subparagraph, _subparagraph),
    (Operative, _subparagraph), (int, _strict(int)), (str, _strict(str)), (bool, _strict(bool)),
    (Block, _block),
]:  # fmt: skip
    _converter.register_structure_hook(_kind, _hook)
register_fact_hooks(_converter)
_converter.register_structure_hook_func(lambda t: get_origin(t) is Literal, _one_of)
_converter.register_structure_hook_factory(_is_list_field, _list_of)
# A document's languages: a list, like any tuple field (never a string taken letter by letter).
_codes = _list_of(tuple[str, ...])
_converter.register_structure_hook_func(lambda t: t == frozenset[str], lambda v, _: frozenset(_codes(v, _)))
# Classes with a hook of their own (Text, Symbol, Subparagraph, the facts …) never reach this
# factory: cattrs looks up a class's own hook first.
_converter.register_structure_hook_factory(attrs.has, _mapping_of_fields)
# Made once every hook is registered, so that their fields use those hooks.
_text_fields = {cls: cattrs.gen.make_dict_structure_fn(cls, _converter) for cls in (Subparagraph, Operative)}
for _cls in KINDS.values():  # base_dir comes from the file's location, never from its data
    _converter.register_structure_hook(
        _cls, cattrs.gen.make_dict_structure_fn(_cls, _converter, base_dir=cattrs.override(omit=True))
    )
_IN_FOLDER = {
    cls: cattrs.gen.make_dict_structure_fn(cls, _converter, base_dir=cattrs.override(struct_hook=_as_given))
    for cls in KINDS.values()
}
