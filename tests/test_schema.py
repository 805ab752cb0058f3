"""The JSON Schema of a data file: generated from the models, committed current, and every
example valid against it while a misspelt field or a value not allowed is not."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from habitat_docs.cli.main import main
from habitat_docs.errors import DataError
from habitat_docs.load.converter import structure
from habitat_docs.load.facts import FACT_KINDS
from habitat_docs.load.parse import parse_data
from habitat_docs.load.schema import SCHEMA_FILE, data_schema, schema_text
from habitat_docs.model import BLOCK_TYPES

ROOT = Path(__file__).resolve().parents[1]
# The session file has its own form (agenda, register, documents), not a document's.
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.yaml") if not p.name.startswith("session-"))


def as_editor_sees(data: Any) -> Any:
    """A data file as a YAML language server reads it: dates are strings (YAML 1.2)."""
    if isinstance(data, dict):
        return {k: as_editor_sees(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_editor_sees(v) for v in data]
    return data.isoformat() if isinstance(data, dt.date) else data


def example(name: str = "hsp-eb-2024-11.yaml") -> dict[str, Any]:
    path = ROOT / "examples" / name
    data, _ = parse_data(path.read_bytes(), path.suffix, str(path))
    made: dict[str, Any] = as_editor_sees(data)
    return made


def errors(data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(data_schema())
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]


def test_the_committed_copy_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "regenerate it: habitat-docs schema > src/habitat_docs/data/habitat-docs.schema.json"
    )


def test_it_is_a_draft_2020_12_schema() -> None:
    schema = data_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_command_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == data_schema()


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_is_valid(path: Path) -> None:
    assert errors(example(path.name)) == []


def test_a_misspelt_field_fails() -> None:
    data = example()
    section = data["sections"][0]
    section["heding"] = section.pop("heading")
    found = errors(data)
    assert any("'heding' was unexpected" in e for e in found), found
    with pytest.raises(DataError, match="heding"):  # the loader refuses it too
        structure(data)


def test_a_kind_not_allowed_fails() -> None:
    data = example()
    data["kind"] = "foo"
    found = errors(data)
    assert any(e.startswith("$.kind: 'foo' is not one of") for e in found), found


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["facts"].update(total={"mony": "5 million"}), "$.facts.total"),
        (lambda d: d["facts"].update(total={"money": 152.46}), "$.facts.total"),
        (lambda d: d.update(issued="2024-13-01"), "$.issued"),
        (lambda d: d.update(distribution="public"), "$.distribution"),
        (lambda d: d.update(languages=["zh", "de"]), "$.languages[1]"),
        (lambda d: d.update(symbol="HSP/EB 2024/11"), "$.symbol"),
        (lambda d: d["title"].update(cn="标题"), "$.title"),
        (lambda d: d["sections"][0]["content"].append({"tabel": {}}), "$.sections[0].content[1]"),
        (lambda d: d.update(executive_director={"gender": "x"}), "$.executive_director.gender"),
        (lambda d: d["session"].update(ordinal=0), "$.session.ordinal"),
    ],
    ids=["fact-kind", "float-money", "date", "distribution", "language", "symbol", "text-key",
         "block-key", "gender", "ordinal"],
)  # fmt: skip
def test_a_wrong_value_fails_where_it_is(change: Any, where: str) -> None:
    data = copy.deepcopy(example())
    assert len(data["sections"][0]["content"]) == 1  # the block appended is the second
    change(data)
    found = errors(data)
    assert found and all(e.startswith(where) for e in found), found


def test_a_parliamentary_kind_needs_its_symbol() -> None:
    data = example()
    del data["symbol"]
    assert any("'symbol' is a required property" in e for e in errors(data))


def test_every_block_and_fact_kind_is_described() -> None:
    defs = data_schema()["$defs"]
    block_keys = [k for choice in defs["block"]["anyOf"][1:] for k in choice["required"]]
    assert len(defs["block"]["anyOf"]) == len(BLOCK_TYPES)  # the paragraph, then the keyed ones
    assert set(block_keys) == {"table", "figure", "targets", "presession", "decision"}
    assert [c["required"][0] for c in defs["fact"]["anyOf"]] == list(FACT_KINDS)


def test_fields_carry_descriptions_and_enums() -> None:
    schema = data_schema()
    props = schema["properties"]
    assert "{fact:name}" in props["facts"]["description"]
    assert props["kind"]["enum"][0] == "executive-director-report"
    assert schema["$defs"]["ExecutiveDirector"]["properties"]["gender"]["enum"] == ["f", "m"]
    assert schema["$defs"]["Session"]["properties"]["year"]["minimum"] == 2019


def described(prop: dict[str, Any], defs: dict[str, Any]) -> bool:
    """A property says what it is: its own description, or that of what it refers to."""
    if "description" in prop:
        return True
    target = prop.get("$ref") or prop.get("items", {}).get("$ref")
    return target is not None and "description" in defs[target.rsplit("/", 1)[1]]


def test_every_field_says_what_it_is() -> None:
    """A new field needs a ``#:`` comment (or a type that says it) to show in an editor."""
    schema = data_schema()
    defs = schema["$defs"]
    objects = [("", schema)] + [
        (name, o) for name, d in defs.items() for o in [d, *d.get("anyOf", [])]
        if o.get("type") == "object" and name not in ("block", "fact")
    ]  # fmt: skip
    silent = [f"{name}.{key}" for name, o in objects for key, prop in o.get("properties", {}).items()
              if not described(prop, defs)]  # fmt: skip
    assert silent == []
