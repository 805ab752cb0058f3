"""``python -m habitat_docs``: the command line, as the ``habitat-docs`` script runs it."""

import sys

from habitat_docs.cli import main

sys.exit(main())
