"""``python -m geonews`` runs the command line."""

import sys

from geonews.cli import main

if __name__ == "__main__":
    sys.exit(main())
