"""Readable cluster names for files that hold ids only (sweep files): from the dataset's
infrastructure.toml ([clusters.<id>] name = ...), found through the scenario the sweep
recorded; else the id with its underscores as spaces."""

import os
import re
import tomllib


def _dataset_of(scenario_text):
    m = re.search(r'^\s*dataset\s*=\s*"([^"]+)"', scenario_text or "", re.MULTILINE)
    return m.group(1) if m else None


def names_from_dataset(ids, scenario_file, scenario_text, search_from=(".",)):
    """Cluster names for `ids`; a name the dataset does not give is the id made readable."""
    found = {}
    dataset = _dataset_of(scenario_text)
    for root in search_from:
        if not scenario_file or not dataset:
            break
        path = os.path.join(root, os.path.dirname(scenario_file), dataset, "infrastructure.toml")
        if os.path.isfile(path):
            with open(path, "rb") as f:
                clusters = tomllib.load(f).get("clusters", {})
            found = {k: v.get("name", k) for k, v in clusters.items() if isinstance(v, dict)}
            break
    return [found.get(i, i.replace("_", " ")) for i in ids]
