"""``python -m habitat_docs.cli``: the habitat-docs command."""

import sys

from habitat_docs.cli.main import main

sys.exit(main())
