#!/usr/bin/env bash
# `eiisim observables`: the Python reader's list (tools/eiisim_results/observables.json)
# and the generated tables of docs/output-format.md must be current; the text table and
# the JSON list the same series and the same outcomes; an unknown format is bad input.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" observables --format json > "$tmp/observables.json"
if ! diff -u "$src/tools/eiisim_results/observables.json" "$tmp/observables.json" > "$tmp/diff"; then
  head -40 "$tmp/diff"
  echo "FAIL: tools/eiisim_results/observables.json is stale; regenerate it:"
  echo "  build/eiisim observables --format json > tools/eiisim_results/observables.json"
  exit 1
fi
/usr/bin/python3 "$src/tools/update_output_doc.py" "$bin" "$src/docs/output-format.md" --check ||
  { echo "FAIL: docs/output-format.md is stale"; exit 1; }

"$bin" observables > "$tmp/table.txt"
/usr/bin/python3 - "$tmp/observables.json" "$tmp/table.txt" "$src/tools" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[3])
from eiisim_results import observables as obs
rows = json.load(open(sys.argv[1]))["observables"]
outcome_rows = json.load(open(sys.argv[1]))["outcomes"]
lines = open(sys.argv[2]).read().splitlines()
split = lines.index("outcomes (KPIs, per run):")
table = [line.split()[0].strip("()") for line in lines[1:split] if line.strip() and not line[0].isdigit()]
names = [r["name"] for r in rows]
assert names == table, (names, table)
# The outcomes (core/outcomes.cpp): the text table, the JSON and the reader list the same set.
outcome_table = [line.split()[0] for line in lines[split + 1:] if line.strip() and not line[0].isdigit()]
outcome_names = [r["name"] for r in outcome_rows]
assert outcome_names == outcome_table, (outcome_names, outcome_table)
assert obs.outcome_names() == outcome_names and len(set(outcome_names)) == len(outcome_names)
assert not set(outcome_names) & set(names), "an outcome named as a series"
assert obs.outcome("reduction_national")["dims"] == ["run", "milestone", "reduction_part"]
assert len(set(names)) == len(names)
assert [r["name"] for r in obs.OBSERVABLES] == names
assert obs.band_of("national_co2_net") == "co2_net_quantiles"
assert obs.band_of("cluster_co2_net") == "cluster_co2_net_quantiles"
assert [b["band_order"] for b in obs.bands()] == list(range(len(obs.bands())))
assert obs.saved_series() == ["cluster_production", "cluster_production_value", "cluster_jobs", "cluster_entrants", "cluster_entrant_capacity", "cluster_value_added", "cluster_co2_captured", "cluster_co2_net", "cluster_co2_relocated", "cluster_co2_relocated_eu", "cluster_co2_embodied_imports"]
route = obs.observable("route")
assert route["dims"] == ["run", "year", "plant"] and route["dtype"] == "int16" and route["flags"] == "technology"
PY

status=0
"$bin" observables --format yaml > /dev/null 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || { echo "FAIL: unknown format exited $status, expected 2"; exit 1; }
echo "observables: ok"
