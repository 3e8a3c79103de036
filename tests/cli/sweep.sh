#!/usr/bin/env bash
# `eiisim sweep`: the same file for --threads 1 and 2 (every --save level), and an
# interrupted sweep resumed with --resume ends with the file an uninterrupted sweep
# writes (byte for byte).
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000
scenario=$src/tests/data/small/scenario_sweep.toml
args=(sweep --scenario "$scenario" --runs 120 --sampler lhs --seed 5 --save clusters --quiet)

"$bin" "${args[@]}" --threads 1 --out "$tmp/one.h5"
"$bin" "${args[@]}" --threads 2 --out "$tmp/two.h5"
cmp "$tmp/one.h5" "$tmp/two.h5" || { echo "FAIL: --threads 1 and 2 differ"; exit 1; }
for save in none plants; do
  small=(sweep --scenario "$scenario" --runs 40 --sampler lhs --seed 5 --save "$save" --quiet)
  "$bin" "${small[@]}" --threads 1 --out "$tmp/one-$save.h5"
  "$bin" "${small[@]}" --threads 2 --out "$tmp/two-$save.h5"
  cmp "$tmp/one-$save.h5" "$tmp/two-$save.h5" || { echo "FAIL: --save $save: --threads 1 and 2 differ"; exit 1; }
  [ ! -e "$tmp/two-$save.h5.checkpoint" ] || { echo "FAIL: --save $save left its record store"; exit 1; }
done

# Interrupt after some runs (a hidden test option; SIGINT takes the same path).
status=0
"$bin" "${args[@]}" --threads 2 --out "$tmp/resumed.h5" --stop-after 30 2>"$tmp/stop.err" || status=$?
[ "$status" -eq 130 ] || { echo "FAIL: interrupted sweep exited $status, expected 130"; cat "$tmp/stop.err"; exit 1; }
[ ! -e "$tmp/resumed.h5" ] || { echo "FAIL: an interrupted sweep left an output file"; exit 1; }
[ -s "$tmp/resumed.h5.checkpoint" ] || { echo "FAIL: no checkpoint"; exit 1; }
grep -q -- "--resume" "$tmp/stop.err" || { echo "FAIL: no resume hint"; cat "$tmp/stop.err"; exit 1; }
# A torn last entry (killed mid-write) is ignored and that run is done again.
truncate -s -7 "$tmp/resumed.h5.checkpoint"
"$bin" "${args[@]}" --threads 1 --out "$tmp/resumed.h5" --resume
cmp "$tmp/one.h5" "$tmp/resumed.h5" || { echo "FAIL: resumed sweep differs"; exit 1; }
[ ! -e "$tmp/resumed.h5.checkpoint" ] || { echo "FAIL: checkpoint left after success"; exit 1; }

# A checkpoint of another sweep is refused.
"$bin" "${args[@]}" --out "$tmp/other.h5" --stop-after 20 2>/dev/null || true
status=0
"$bin" sweep --scenario "$scenario" --runs 121 --seed 5 --save clusters --quiet --out "$tmp/other.h5" --resume \
  2>"$tmp/other.err" || status=$?
[ "$status" -ne 0 ] && grep -q "another sweep" "$tmp/other.err" || { echo "FAIL: foreign checkpoint accepted"; exit 1; }

# Unknown sampler: bad input (exit 2).
status=0
"$bin" sweep --scenario "$scenario" --runs 10 --sampler halton --out "$tmp/x.h5" 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "FAIL: unknown sampler exited $status"; exit 1; }
echo "sweep CLI: ok"
