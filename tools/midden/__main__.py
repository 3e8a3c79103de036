"""PYTHONPATH=tools /usr/bin/python3 -m midden --from DIR --out DIR (see cli.py)."""
import sys

from .cli import main

sys.exit(main())
