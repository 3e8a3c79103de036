#!/usr/bin/env bash
# `eiisim schema`: docs/scenario.md is generated from the settings schema and must be
# current; the table lists every setting with unit, range, sweepability and default; the
# JSON parses and agrees with the table.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" schema --format markdown > "$tmp/scenario.md"
if ! diff -u "$src/docs/scenario.md" "$tmp/scenario.md" > "$tmp/diff"; then
  head -40 "$tmp/diff"
  echo "FAIL: docs/scenario.md is stale; regenerate it: build/eiisim schema --format markdown > docs/scenario.md"
  exit 1
fi

"$bin" schema > "$tmp/table.txt"
for key in behaviour.closure_threshold prices.ets_eur_per_t infrastructure.co2_delay_y technologies.capex_position; do
  grep -q "^$key " "$tmp/table.txt" || { echo "FAIL: schema table lacks $key"; exit 1; }
done
grep -Eq '^behaviour.closure_threshold +number +1 +\[0, 1\] +value, factor +0.05$' "$tmp/table.txt" ||
  { echo "FAIL: closure_threshold row:"; grep closure_threshold "$tmp/table.txt"; exit 1; }

"$bin" schema --format json > "$tmp/schema.json"
/usr/bin/python3 - "$tmp/schema.json" "$tmp/table.txt" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
table = [line.split()[0] for line in open(sys.argv[2]).read().splitlines()[1:] if line and "." in line.split()[0]]
keys = [r["key"] for r in rows]
assert keys == table, (keys, table)
assert len(set(keys)) == len(keys)
ets = next(r for r in rows if r["key"] == "prices.gas_eur_per_mwh")
assert ets["time_path"] and ets["sweep"] == "factor" and abs(ets["to_engine"] - 1 / (3.6 * 0.901)) < 1e-15 and ets["unit"] == "EUR/MWh(GCV)" and ets["engine_unit"] == "EUR/GJ(NCV)", ets
PY

status=0
"$bin" schema --format yaml > /dev/null 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || { echo "FAIL: unknown format exited $status, expected 2"; exit 1; }
echo "schema: ok"
