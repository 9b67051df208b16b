"""`python -m vanban.cli`: the same as the `vanban` command."""

import sys

from vanban.cli.main import main

sys.exit(main())
