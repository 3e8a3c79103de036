#!/usr/bin/env bash
# `eiisim hindcast` on the Dutch dataset with 2 seeds: the table has every year 2020-2025
# for the national scope and the installations, both modes and the metrics; the JSON
# parses and holds both modes; --out writes a readable HDF5 file with the tables; the CSV
# has one row per mode, series and year. Bad arguments exit 2 with a message naming them,
# and an input file is never overwritten.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$src" && "$bin" hindcast --seeds 2) >"$tmp/table.txt"
for text in "NEa ETS industrie (national: non-power)" "Tata Steel IJmuiden" "Chemelot site" "forced" "free" \
            "MAE of the change" "sign " "seeds 1-2"; do
  grep -qF -- "$text" "$tmp/table.txt" || fail "table lacks '$text'"; done
national=$(sed -n '/^NEa ETS industrie/,/^$/p' "$tmp/table.txt")
for year in 2020 2021 2022 2023 2024 2025; do
  grep -qE "^$year " <<<"$national" || fail "national table lacks $year"; done

(cd "$src" && "$bin" hindcast --seeds 2 --format json --out "$tmp/hindcast.h5") >"$tmp/hindcast.json"
/usr/bin/python3 - "$tmp/hindcast.json" "$tmp/hindcast.h5" <<'PY' || fail "JSON or HDF5 check"
import json, sys
import h5py
r = json.load(open(sys.argv[1]))
assert r["seeds"] == 2 and r["modes"] == ["forced", "free"], r["modes"]
national = next(s for s in r["series"] if s["scope"] == "national")
for mode in ("forced", "free"):
    years = [y["year"] for y in national["modes"][mode]["years"]]
    assert years == list(range(2020, 2026)), years
    m = national["modes"][mode]["metrics"]
    assert m["signs_compared"] == 5 and 0 <= m["signs_right"] <= 5, m
    assert m["mae_change_pp"] is not None and m["mape_pct"] is not None
with h5py.File(sys.argv[2], "r") as f:
    modes = [m.decode() if isinstance(m, bytes) else m for m in f["mode"][()]]
    series = [s.decode() if isinstance(s, bytes) else s for s in f["series"][()]]
    assert modes == ["forced", "free"], modes
    assert list(f["year"][()]) == list(range(2020, 2026))
    assert f["simulated_median"].shape == (2, len(series), 6)
    assert f["observed"].shape == (len(series), 6)
    i = series.index(national["id"])
    assert abs(f["mae_change_pp"][0, i] - national["modes"]["forced"]["metrics"]["mae_change_pp"]) < 1e-3
    assert "observed_emissions.csv" in " ".join(p.decode() if isinstance(p, bytes) else p for p in f["input_file"][()])
PY

(cd "$src" && "$bin" hindcast --seeds 2 --format csv) >"$tmp/hindcast.csv"
head -1 "$tmp/hindcast.csv" | grep -q '^mode,series,scope,year,simulated_p05_mt,' || fail "CSV header"
series=$(tail -n +2 "$tmp/hindcast.csv" | cut -d, -f2 | sort -u | wc -l)
rows=$(tail -n +2 "$tmp/hindcast.csv" | wc -l)
[ "$rows" -eq $((2 * series * 6)) ] || fail "CSV has $rows rows for $series series"

expect_bad() {  # expect_bad PATTERN ARGS...
  local pattern=$1 status=0
  shift
  (cd "$src" && "$bin" hindcast "$@") >"$tmp/out.txt" 2>"$tmp/err.txt" || status=$?
  [ "$status" -eq 2 ] || fail "hindcast $* exited $status, expected 2"
  grep -qE -- "$pattern" "$tmp/err.txt" || { cat "$tmp/err.txt"; fail "hindcast $*: stderr lacks /$pattern/"; }
}
expect_bad "--seeds" --seeds 0
expect_bad "--seeds" --seeds many
expect_bad "--format" --format xml
expect_bad "no_such.toml" --scenario "$tmp/no_such.toml"
expect_bad "observed_emissions.csv.*no observed emissions" --scenario tests/data/small/scenario.toml --seeds 1
before=$(sha256sum "$src/clusters/nl/plants.csv")
expect_bad "plants.csv.*would be overwritten" --seeds 1 --out clusters/nl/plants.csv
expect_bad "--out" --seeds 1 --out ""
[ "$(sha256sum "$src/clusters/nl/plants.csv")" = "$before" ] || fail "an input was overwritten"
echo "hindcast CLI: ok"
