"""Loading: data files (YAML, JSON, TOML) parsed within limits, mapped to lines, and structured into models."""

from habitat_docs.load.converter import structure, structure_as, structure_facts
from habitat_docs.load.files import load, load_with_lines, read_file
from habitat_docs.load.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_STRING, MAX_VALUES
from habitat_docs.load.parse import parse_data

__all__ = [
    "MAX_DEPTH", "MAX_FILE_BYTES", "MAX_STRING", "MAX_VALUES", "load", "load_with_lines", "read_file",
    "parse_data", "structure", "structure_as", "structure_facts",
]  # fmt: skip
