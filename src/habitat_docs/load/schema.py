"""The JSON Schema (draft 2020-12) of a document data file, generated from the model classes.

The attrs fields of each class give its properties, their types, which are required and their
bounds; class docstrings and the comments written above a field give the descriptions. What the
loader reads in a form of its own (a text as ``{en: …, zh: …}``, a fact as ``{money: "…"}``, a
date as YYYY-MM-DD, a block under its key, a subparagraph as its text alone) is said here, once.
Every class refuses unknown fields (``additionalProperties: false``), as the loader does, so an
editor with a YAML language server completes the fields and flags a misspelt one.

    >>> schema = data_schema()
    >>> schema["properties"]["kind"]["enum"][0]
    'executive-director-report'
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
import types
from collections.abc import Mapping
from functools import cache
from pathlib import Path as FsPath
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import attrs
from babel import Locale

from habitat_docs.compose.language import available
from habitat_docs.load.facts import FACT_KINDS, FACT_OPTIONS
from habitat_docs.model import (
    KINDS,
    MAX_TEXT,
    UN_LANGUAGES,
    Agenda,
    AgendaItem,
    Annex,
    Block,
    Document,
    DraftDecision,
    Figure,
    Operative,
    Paragraph,
    PreSession,
    Subparagraph,
    Summary,
    Symbol,
    Table,
    TargetBox,
    Text,
)  # fmt: skip
from habitat_docs.model.characters import ID
from habitat_docs.model.document import FILE_NAME, JOB_NUMBER
from habitat_docs.model.facts import Facts
from habitat_docs.model.masthead import SUB_ITEM
from habitat_docs.model.symbol_grammar import BODY, DASHES, NUMBER, ROMAN, SUFFIX
from habitat_docs.model.text import LANGUAGE_CODE
from habitat_docs.model.validators import Bounded, valid_id

__all__ = ["SCHEMA_FILE", "data_schema", "schema_text"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: The copy that ships with the package (a test keeps it equal to what is generated).
SCHEMA_FILE = FsPath(__file__).resolve().parent.parent / "data" / "habitat-docs.schema.json"

# --- the loader's own forms --------------------------------------------------------------------

_DATE = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


def _anchored(pattern: re.Pattern[str]) -> str:
    """A model's ``…\\Z`` pattern as JSON Schema writes it, anchored at both ends."""
    return "^" + pattern.pattern.replace(r"\Z", "$")


_ID = _anchored(ID)
_SINGLE = rf"[A-Z]+(?:/(?:{BODY}|{NUMBER}(?: [A-Z])?|{SUFFIX}))+(?: \(Part {ROMAN}\))?(?:/{SUFFIX})*\*?"
_SYMBOL = rf"^{_SINGLE}(?:[{DASHES}]{_SINGLE})?$"
# A block other than a paragraph is written under its key, with its id beside it.
_BLOCK_KEYS: dict[str, type] = {
    "table": Table, "figure": Figure, "targets": TargetBox, "presession": PreSession,
    "decision": DraftDecision,
}  # fmt: skip
_LIST_BLOCKS = {"targets": "items"}  # written as the bare list of this field
# Written as their text alone ({en: …, zh: …}) or with their fields (text, id, subparagraphs).
_TEXT_SHORTHAND = (Paragraph, Subparagraph, Operative)
# What a class checks after its fields are read: lists that need one item at least, and
# strings of a set form.
_AT_LEAST_ONE = {
    (Summary, "text"), (Table, "columns"), (Table, "rows"), (Agenda, "items"),
    (DraftDecision, "operative"), (TargetBox, "items"),
}  # fmt: skip
_PATTERNS: dict[tuple[type, str], str] = {
    (Document, "name"): _anchored(FILE_NAME),
    (Document, "job_number"): _anchored(JOB_NUMBER),
    (Document, "original"): _anchored(LANGUAGE_CODE),
    (Annex, "original"): _anchored(LANGUAGE_CODE),
    (AgendaItem, "sub"): _anchored(SUB_ITEM),
}
_TEXT_DOC = (
    "Prose in every language of the document, keyed by language code: {en: …, zh: …}. "
    "Markup: *emphasis*, **strong**, {ref:id}, {Ref:id}, {note:text}, {fact:name}, {doc:id}, "
    "{item:id}, {tnote:id}; \\* \\{ \\} \\\\ for the characters themselves."
)

# The value of each kind of fact; its options beside it.
_FACT_VALUES: dict[str, dict[str, Any]] = {
    "money": {"anyOf": [
        {"type": "string", "pattern": r"^([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?(\s+(million|billion))?$"},
        {"type": "integer", "minimum": 0}],
        "description": 'An amount as the English prints it, quoted: "152.46 million", '
        '"1.1 billion", "384,586,115" (never a floating-point number)'},
    "percent": {"anyOf": [{"type": "integer", "minimum": 0},
                          {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?$"}],
                "description": 'The number of per cent: 89, or "48.6" quoted'},
    "date": {"$ref": "#/$defs/date"},
    "month": {"type": "string", "pattern": _MONTH, "description": "A month as YYYY-MM"},
    "year": {"type": "integer", "minimum": 1000, "maximum": 9999},
    "dates": {"type": "array", "prefixItems": [{"$ref": "#/$defs/date"}] * 2, "items": False,
              "minItems": 2, "description": "[start, end] as YYYY-MM-DD"},
    "months": {"type": "array", "prefixItems": [{"type": "string", "pattern": _MONTH}] * 2,
               "items": False, "minItems": 2, "description": "[start, end] as YYYY-MM"},
    "years": {"anyOf": [{"type": "string", "pattern": r"^[0-9]{4}\s*[–-]\s*[0-9]{4}$"},
                        {"type": "array", "prefixItems": [{"type": "integer"}] * 2, "items": False,
                         "minItems": 2}],
              "description": "Years such as 2022–2023, or [2022, 2023]"},
    "cycle": {"anyOf": [{"type": "string", "pattern": r"^[0-9]{4}/[0-9]{2}$"}, {"type": "integer"}],
              "description": "A cycle year such as 2023/24"},
    "count": {"type": "integer", "minimum": 0},
    "ordinal": {"type": "integer", "minimum": 1},
    "session": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "integer", "minimum": 1}],
                "items": False, "minItems": 2, "description": "[year, ordinal] such as [2024, 1]"},
    "quarter": {"type": "array", "prefixItems": [{"type": "integer"}, {"anyOf": [
        {"type": "integer", "minimum": 1, "maximum": 4}, {"const": "last"}]}], "items": False,
        "minItems": 2, "description": "[year, quarter] such as [2024, 1] or [2024, last]"},
    "half": {"type": "array", "prefixItems": [{"type": "integer"}, {"enum": [1, 2]}], "items": False,
             "minItems": 2, "description": "[year, half] such as [2024, 1]"},
}  # fmt: skip
_FACT_OPTION_VALUES: dict[str, dict[str, Any]] = {
    "currency": {"type": "string", "pattern": "^[A-Z]{3}$",
                 "description": "ISO 4217 currency code (default USD)"},
    "period": {"type": "boolean", "description": 'true: "from 1 July 2023 to 30 June 2024"'},
    "running": {"type": "boolean", "description": "true: a period still running"},
    "words": {"anyOf": [{"type": "boolean"}, {"$ref": "#/$defs/language"},
                        {"type": "array", "items": {"$ref": "#/$defs/language"}}],
              "description": "In words (seven / 七): true, or the languages that write it in words"},
}  # fmt: skip


def data_schema() -> dict[str, Any]:
    """The JSON Schema of a document data file, as plain data (``json.dumps`` writes it)."""
    schemas = _Schemas()
    root = schemas.document()
    return {"$schema": DRAFT, **root, "title": "habitat-docs document", "$defs": schemas.defs}


def schema_text() -> str:
    """The schema as the committed file and ``habitat-docs schema`` print it."""
    return json.dumps(data_schema(), ensure_ascii=False, indent=2) + "\n"


class _Schemas:
    """The ``$defs`` of the schema, each made once, as the classes refer to them."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {
            "text": _text(), "language": _language(), "date": _date(), "symbol": _symbol(),
            "id": {"type": "string", "pattern": _ID,
                   "description": "An id for {ref:…} and the like: letters, digits, '-', '_', '.'"},
            "facts": _facts(), "fact": _fact(),
        }  # fmt: skip
        self.defs["block"] = self._block()

    def document(self) -> dict[str, Any]:
        """The top level: a document of one kind, with the fields its kind needs."""
        body = self._object(Document)
        kinds = {kind: _summary(cls) for kind, cls in KINDS.items()}
        body["properties"] = {
            "kind": {"enum": list(kinds), "enumDescriptions": list(kinds.values()),
                     "description": "The kind of document: "
                     + " ".join(f"{k}: {d}" for k, d in kinds.items())},
            **body["properties"],
        }  # fmt: skip
        body["required"] = ["kind", *body.get("required", [])]
        formal = [kind for kind, cls in KINDS.items() if cls.parliamentary]
        body["allOf"] = [
            {"if": {"properties": {"kind": {"enum": formal}}},
             "then": {"required": ["symbol", "agenda"]},
             "else": {"anyOf": [{"required": ["symbol"]}, {"required": ["name"]}]}},
        ]  # fmt: skip
        return body

    def ref(self, cls: type) -> dict[str, Any]:
        """A reference to the schema of an attrs class, made on first use."""
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a class may hold itself (subparagraphs)
            made = self._object(cls)
            if cls in _TEXT_SHORTHAND:
                made = {"anyOf": [{"$ref": "#/$defs/text"}, made]}
                made.update({k: v for k, v in made["anyOf"][1].items() if k == "description"})
            self.defs[name] = made
        return {"$ref": f"#/$defs/{name}"}

    def _object(self, cls: type) -> dict[str, Any]:
        hints = get_type_hints(cls)
        notes = _field_notes(cls)
        properties: dict[str, Any] = {}
        required = []
        for f in attrs.fields(cls):
            if not f.init or hints[f.name] in (FsPath, FsPath | None):
                continue  # base_dir: the data file's folder, never in its data
            prop = self._field(cls, f, hints[f.name])
            if f.name in notes:
                prop["description"] = notes[f.name]
            properties[f.name] = prop
            if f.default is attrs.NOTHING:
                required.append(f.name)
        title = re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()  # DraftDecision: draft decision
        made: dict[str, Any] = {"title": title, "type": "object"}
        if (doc := _summary(cls)) and cls not in KINDS.values():
            made["description"] = doc
        made.update(properties=properties, additionalProperties=False)
        if required:
            made["required"] = required
        return made

    def _field(self, cls: type, f: Any, hint: Any) -> dict[str, Any]:
        if f.validator is valid_id:
            return {"$ref": "#/$defs/id"}
        if cls is Document and f.name == "languages":
            return {"type": "array", "items": {"$ref": "#/$defs/language"}, "minItems": 1,
                    "uniqueItems": True,
                    "description": "The languages the document is issued in (default: those "
                    "of its title); every text has each of them"}  # fmt: skip
        made = self._type(hint)
        if (cls, f.name) in _AT_LEAST_ONE:
            made["minItems"] = 1
        if (cls, f.name) in _PATTERNS:
            made["pattern"] = _PATTERNS[cls, f.name]
        made.update(_bounds(f.validator))
        return made

    def _type(self, hint: Any) -> dict[str, Any]:
        special = {Text: "text", dt.date: "date", Symbol: "symbol", Facts: "facts"}
        if hint == Block:
            return {"$ref": "#/$defs/block"}
        if hint in special:
            return {"$ref": f"#/$defs/{special[hint]}"}
        origin, args = get_origin(hint), get_args(hint)
        if origin in (Union, types.UnionType):
            present = [a for a in args if a is not type(None)]
            if len(present) == 1:
                return self._type(present[0])
        if origin is Literal:
            return {"enum": list(args)}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self._type(args[0])}
        plain = {str: "string", int: "integer", bool: "boolean"}
        if hint in plain:
            return {"type": plain[hint]}
        if attrs.has(hint):
            return self.ref(hint)
        raise TypeError(f"no schema for {hint!r}")

    def _block(self) -> dict[str, Any]:
        """A paragraph (its fields, or its text alone), or one of the blocks under its key."""
        choices = [self.ref(Paragraph)]
        for key, cls in _BLOCK_KEYS.items():
            field = _LIST_BLOCKS.get(key)
            inner = self._object(cls)["properties"][field] if field else self.ref(cls)
            choices.append({
                "title": f"{key} block", "type": "object", "properties": {key: inner, "id": {"$ref": "#/$defs/id"}},
                "required": [key], "additionalProperties": False,
                "description": _summary(cls),
            })  # fmt: skip
        return {"anyOf": choices, "description": "A block of content: a paragraph (text: …, "
                "or its {en: …, zh: …} alone), " + ", ".join(f"{k}: …" for k in _BLOCK_KEYS)}


def _text() -> dict[str, Any]:
    names = _english_names()
    langs = {
        code: {"type": "string", "minLength": 1, "maxLength": MAX_TEXT,
               "description": names.get(code, code)}
        for code in available()
    }  # fmt: skip
    return {"title": "text", "type": "object", "description": _TEXT_DOC, "properties": langs,
            "additionalProperties": False, "minProperties": 1}  # fmt: skip


def _language() -> dict[str, Any]:
    known = set(available())
    codes = [c for c in UN_LANGUAGES if c in known]
    names = _english_names()
    return {"enum": codes, "description": "A language code: "
            + ", ".join(f"{c} ({names.get(c, c)})" for c in codes)}  # fmt: skip


def _date() -> dict[str, Any]:
    return {"type": "string", "pattern": _DATE, "format": "date", "description": "A date as YYYY-MM-DD"}


def _symbol() -> dict[str, Any]:
    return {"type": "string", "pattern": _SYMBOL,
            "description": _summary(Symbol) + " (UN symbol grammar: HSP/EB.2024/11, "
            "HSP/EB.2024/1/Add.1, A/RES/48/218 B)"}  # fmt: skip


def _facts() -> dict[str, Any]:
    return {"type": "object", "propertyNames": {"pattern": _ID},
            "additionalProperties": {"$ref": "#/$defs/fact"},
            "description": "The figures of the document by name, each used in prose as "
            "{fact:name}: written once, printed in each language's house style"}  # fmt: skip


def _fact() -> dict[str, Any]:
    """One fact: a mapping of one kind's key (its value) and that kind's options."""
    choices = []
    for kind in FACT_KINDS:
        props = {kind: _FACT_VALUES[kind]}
        props.update({o: _FACT_OPTION_VALUES[o] for o in FACT_OPTIONS.get(kind, ())})
        choices.append({"title": f"{kind} fact", "type": "object", "properties": props,
                        "required": [kind], "additionalProperties": False})  # fmt: skip
    return {"anyOf": choices, "description": "One fact: " + ", ".join(FACT_KINDS)}


def _bounds(validator: Any) -> dict[str, Any]:
    """``minimum``/``maximum`` from the model's bounded validators (alone or in a list)."""
    made = {}
    for v in getattr(validator, "_validators", (validator,)):
        if isinstance(v, Bounded):
            made["minimum"] = v.minimum
            if v.maximum is not None:
                made["maximum"] = v.maximum
    return made


def _summary(cls: type) -> str:
    """A class's docstring as one line (its first paragraph)."""
    doc = inspect.getdoc(cls) if "__doc__" in vars(cls) else None
    if not doc:
        return ""
    return _SEED.sub("", " ".join(doc.split("\n\n")[0].split()))


_SEED = re.compile(r" \(seeds? [^)]*\)")  # which seed document a class was modelled on
_FIELD_LINE = re.compile(r" {4}(\w+)\s*:(?!=)")
_TOOL_COMMENT = re.compile(r"(fmt|type|noqa|pragma)\b")


@cache
def _field_notes(cls: type) -> Mapping[str, str]:
    """What the source says of each field: the comment lines just above it, or the comment
    at the end of its line (those of its base classes too)."""
    notes: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not attrs.has(klass):
            continue
        try:
            lines = inspect.getsource(klass).splitlines()
        except (OSError, TypeError):  # no source (a frozen application): no descriptions
            continue
        above: list[str] = []
        for line in lines[1:]:
            if line.strip().startswith("#"):
                above.append(line.strip().lstrip("#:").strip())
                continue
            if (m := _FIELD_LINE.match(line)) is not None:
                end = line.partition("  # ")[2].strip()
                note = " ".join(above) or ("" if _TOOL_COMMENT.match(end) else end)
                if note:
                    notes[m[1]] = note
            above = []
    return notes


@cache
def _english_names() -> Mapping[str, str]:
    names: Mapping[str, str] = Locale.parse("en").languages
    return names
