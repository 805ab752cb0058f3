"""``python -m habitat_docs.check FILE…``: the check command on its own."""

import sys

from habitat_docs.cli.check import run

sys.exit(run(sys.argv[1:]))
