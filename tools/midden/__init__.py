"""MIDDEN importer: builds the plant-level part of clusters/nl/ from PBL/TNO MIDDEN v3.

Run it as `PYTHONPATH=tools /usr/bin/python3 -m midden --from DIR --out DIR` (cli.py).
The hand-kept figures and mappings are data files in tables/ (see tables/README.md);
docs/dataset.md says how each field is derived.
"""
