#!/usr/bin/env bash
# `eiisim appraise`: the table and the CSV for a plant of the small scenario and for Tata
# Steel IJmuiden (M006) in the Dutch one; in the CSV every variant's cost terms add up to
# its total cost and revenue minus total cost is its margin; an unknown plant, a year
# outside the scenario and an unknown format are bad input (exit 2) naming the bad value.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
small=$src/tests/data/small/scenario.toml
fail() { echo "FAIL: $*"; exit 1; }

"$bin" appraise --scenario "$small" --plant yara_sluiskil --year 2022 >"$tmp/table.txt"
for text in "yara_sluiskil Yara Sluiskil" "seed 42" "state at the 2022 appraisal" "= total cost" "= margin" \
            "capex_annuity" "transport_storage" "import_purchase" "risk_premium" "feasible"; do
  grep -qF -- "$text" "$tmp/table.txt" || fail "table lacks '$text'"; done

# CSV: the terms add up (to rounding) to total_cost, revenue - total_cost = margin.
check_csv() {
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { sum = 0
      n = split("capex_annuity fixed_opex variable_opex energy ets co2_levy transport_storage subsidy stranded value_chain import_purchase other_cost investment_aid risk_premium", t, " ")
      for (k = 1; k <= n; k++) { if (!(t[k] in col)) { print "missing column " t[k]; bad = 1; exit 1 } sum += $col[t[k]] }
      total = $col["total_cost"]; tol = 1e-9 * (1 + (total < 0 ? -total : total))
      if (sum - total > tol || total - sum > tol) { print "row " NR ": terms " sum " != total " total; bad = 1 }
      d = $col["revenue"] - total - $col["margin"]
      if (d > tol || -d > tol) { print "row " NR ": revenue - total != margin"; bad = 1 }
      rows++ }
    END { if (bad) exit 1; if (rows < 2) { print "only " rows " rows"; exit 1 } }' "$1" || fail "CSV check failed for $1"
}
"$bin" appraise --scenario "$small" --plant shell_pernis --year 2026 --format csv >"$tmp/pernis.csv"
check_csv "$tmp/pernis.csv"
head -1 "$tmp/pernis.csv" | grep -q '^plant,year,seed,option,technology,kind,variant,' || fail "CSV header"

# The Dutch scenario (the default) from the repository root: Tata Steel IJmuiden in 2030.
(cd "$src" && "$bin" appraise --plant M006 --year 2030 --seed 42) >"$tmp/tata.txt"
grep -qF "M006 Tata Steel IJmuiden" "$tmp/tata.txt" || fail "no Tata header"
grep -qF "scenario current-policy" "$tmp/tata.txt" || fail "not the default scenario"
(cd "$src" && "$bin" appraise --plant M006 --year 2030 --format csv) >"$tmp/tata.csv"
check_csv "$tmp/tata.csv"

# An entrant (docs/ODD.md §7.20): before it is built it has no route ("none"); after its
# entry its last change is from none; neither may index a technology of -1.
(cd "$src" && "$bin" appraise --plant E_NESTE_RTM_EXP --year 2025 --seed 42) >"$tmp/neste_before.txt"
grep -qF "not_built" "$tmp/neste_before.txt" || grep -qF "none" "$tmp/neste_before.txt" || fail "entrant before entry: no 'none' route"
(cd "$src" && "$bin" appraise --plant E_NESTE_RTM_EXP --year 2030 --seed 42) >"$tmp/neste_after.txt"
grep -qF "none -> keep*" "$tmp/neste_after.txt" || fail "entrant after entry: last change not from none"

# Bad input: exit 2, the bad value named, close matches suggested.
expect_bad() {  # expect_bad PATTERN ARGS...
  local pattern=$1 status=0
  shift
  "$bin" appraise "$@" >"$tmp/out.txt" 2>"$tmp/err.txt" || status=$?
  [ "$status" -eq 2 ] || fail "appraise $* exited $status, expected 2"
  grep -qE -- "$pattern" "$tmp/err.txt" || { cat "$tmp/err.txt"; fail "appraise $*: stderr lacks /$pattern/"; }
}
expect_bad "shell_pernys.*did you mean shell_pernis" --scenario "$small" --plant shell_pernys --year 2030
expect_bad "no plant with id 'Yara'.*yara_sluiskil" --scenario "$small" --plant Yara --year 2030
expect_bad "2060 is outside the scenario's years 2020-2050" --scenario "$small" --plant yara_sluiskil --year 2060
expect_bad "--format" --scenario "$small" --plant yara_sluiskil --year 2030 --format xml
expect_bad "--plant" --scenario "$small" --year 2030
expect_bad "no_such.toml" --scenario "$tmp/no_such.toml" --plant yara_sluiskil --year 2030
echo "appraise CLI: ok"
