"""``python -m claimtrack``: the same as the ``claimtrack`` command."""

import sys

from .cli import main

sys.exit(main())
