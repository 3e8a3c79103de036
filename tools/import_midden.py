#!/usr/bin/python3
"""Old entry point of the MIDDEN importer, kept for existing commands: the importer is the
package tools/midden (`PYTHONPATH=tools /usr/bin/python3 -m midden`, docs/dataset.md)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from midden.cli import main  # noqa: E402  (needs the path above)

sys.exit(main())
