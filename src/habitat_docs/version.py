"""The version of habitat-docs, which documents, the index and the command line name."""

__version__ = "0.1.0"
