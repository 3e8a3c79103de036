#!/usr/bin/env bash
# `eiisim sweep --resume` refuses to continue when an input file (plants.csv, sectors.csv,
# the scenario) changed since the interrupted sweep started, names the file and exits 2,
# leaving the checkpoint; with unchanged inputs it resumes to the file an uninterrupted
# sweep writes. Works on a copy of tests/data/small so the test can edit it.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000
cp -r "$src/tests/data/small" "$tmp/small"
scenario=$tmp/small/scenario_sweep.toml
args=(sweep --scenario "$scenario" --runs 60 --sampler lhs --seed 4 --threads 2 --quiet)

"$bin" "${args[@]}" --out "$tmp/whole.h5"

# Unchanged inputs: the resumed sweep is the uninterrupted one.
status=0
"$bin" "${args[@]}" --out "$tmp/resumed.h5" --stop-after 20 2>/dev/null || status=$?
[ "$status" -eq 130 ] || { echo "FAIL: interrupted sweep exited $status, expected 130"; exit 1; }
"$bin" "${args[@]}" --out "$tmp/resumed.h5" --resume
cmp "$tmp/whole.h5" "$tmp/resumed.h5" || { echo "FAIL: resumed sweep differs"; exit 1; }

# A dataset file edited while the sweep was interrupted (a comment: same model, other bytes).
status=0
"$bin" "${args[@]}" --out "$tmp/edited.h5" --stop-after 20 2>/dev/null || status=$?
[ "$status" -eq 130 ] || { echo "FAIL: interrupted sweep exited $status, expected 130"; exit 1; }
echo "# edited during the sweep" >> "$tmp/small/dataset/plants.csv"
status=0
"$bin" "${args[@]}" --out "$tmp/edited.h5" --resume 2>"$tmp/edited.err" || status=$?
cat "$tmp/edited.err"
[ "$status" -eq 2 ] || { echo "FAIL: resume with a changed input exited $status, expected 2"; exit 1; }
grep -q "dataset/plants.csv: content changed" "$tmp/edited.err" || { echo "FAIL: the changed file is not named"; exit 1; }
grep -q "scenario_sweep.toml: " "$tmp/edited.err" && { echo "FAIL: an unchanged file is named"; exit 1; }
[ ! -e "$tmp/edited.h5" ] || { echo "FAIL: an output file was written"; exit 1; }
[ -s "$tmp/edited.h5.checkpoint" ] || { echo "FAIL: the refused checkpoint was removed"; exit 1; }

# refused_naming FILE: --resume is refused with exit 2, naming FILE (relative to the
# scenario's folder) as the one changed file.
refused_naming() {
  local status=0
  "$bin" "${args[@]}" --out "$tmp/edited.h5" --resume 2>"$tmp/refused.err" || status=$?
  [ "$status" -eq 2 ] && grep -q "$1: content changed" "$tmp/refused.err" &&
    [ "$(grep -c "content changed" "$tmp/refused.err")" -eq 1 ] ||
    { echo "FAIL: a changed $1 was not refused by name alone (exit $status)"; cat "$tmp/refused.err"; exit 1; }
}

# The scenario file edited: named too.
cp "$src/tests/data/small/dataset/plants.csv" "$tmp/small/dataset/plants.csv"
echo "# edited" >> "$scenario"
refused_naming scenario_sweep.toml

# sectors.csv edited.
cp "$src/tests/data/small/scenario_sweep.toml" "$scenario"
echo "# edited" >> "$tmp/small/dataset/sectors.csv"
refused_naming dataset/sectors.csv
cp "$src/tests/data/small/dataset/sectors.csv" "$tmp/small/dataset/sectors.csv"

# Restored inputs: the same checkpoint resumes, and the result is the uninterrupted sweep's.
cp "$src/tests/data/small/scenario_sweep.toml" "$scenario"
"$bin" "${args[@]}" --out "$tmp/edited.h5" --resume
cmp "$tmp/whole.h5" "$tmp/edited.h5" || { echo "FAIL: resumed sweep after restoring the inputs differs"; exit 1; }
echo "sweep resume inputs: ok"
