"""The command line: ``habitat-docs build | build-session | check``, one module per subcommand."""

from habitat_docs.cli.main import main

__all__ = ["main"]
