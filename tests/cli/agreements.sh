#!/usr/bin/env bash
# `eiisim agreements`: the additionality check of the support agreements. One named
# agreement over 2 seeds in the three printed forms (the same numbers in CSV and JSON, the
# agreement's row in the table); a stopped agreement named adds nothing (stopping it again
# changes no run); an unknown id is bad input (exit 2) with a message naming --agreement.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scenario=$src/scenarios/current-policy.toml
fail() { echo "FAIL: $*"; exit 1; }

"$bin" agreements --scenario "$scenario" --seeds 2 --agreement nobian_2024 >"$tmp/table.txt"
for text in "Additionality of the agreements" "seeds 1..2" "binding" "addition" "EUR/t"; do
  grep -qF -- "$text" "$tmp/table.txt" || fail "table lacks '$text'"; done
grep -qE "^nobian_2024 +Nobian +binding +100% +0\.50 +2030 " "$tmp/table.txt" || fail "nobian row: $(cat "$tmp/table.txt")"
[ "$(grep -c '_20[0-9][0-9] \|_stopped ' "$tmp/table.txt")" = 1 ] || fail "only the named agreement should be listed"

"$bin" agreements --scenario "$scenario" --seeds 2 --agreement nobian_2024 --format csv >"$tmp/a.csv"
"$bin" agreements --scenario "$scenario" --seeds 2 --agreement nobian_2024 --format json >"$tmp/a.json"
/usr/bin/python3 - "$tmp/a.csv" "$tmp/a.json" <<'PY' || fail "csv and json disagree"
import csv, json, math, sys
rows = list(csv.DictReader(open(sys.argv[1])))
j = json.load(open(sys.argv[2]))
assert len(rows) == 1 and len(j["agreements"]) == 1, (rows, j)
r, a = rows[0], j["agreements"][0]
assert r["agreement"] == a["id"] == "nobian_2024" and r["stage"] == a["stage"] == "binding"
assert float(r["agreed_reduction_t"]) == a["agreed_reduction_t"] == 500000
assert int(r["year"]) == a["year"] == 2030
for i, q in enumerate(["p05", "median", "p95"]):
    assert math.isclose(float(r["additional_%s_t" % q]), a["additional_t"][i], rel_tol=1e-5, abs_tol=1e-3)
assert a["additional_t"][0] <= a["additional_t"][1] <= a["additional_t"][2]
assert math.isclose(float(r["aid_eur"]), a["aid_eur"], rel_tol=1e-5)
PY

# A stopped agreement gives nothing, so the run without it is the run with it.
"$bin" agreements --scenario "$scenario" --seeds 2 --agreement shell_stopped --format json >"$tmp/stopped.json"
/usr/bin/python3 - "$tmp/stopped.json" <<'PY' || fail "a stopped agreement should add nothing"
import json, sys
a = json.load(open(sys.argv[1]))["agreements"][0]
assert a["binding_share"] == 0 and a["additional_t"] == [0, 0, 0] and a["national_t"] == [0, 0, 0], a
assert a["aid_eur"] == 0 and a["eur_per_t"] is None, a
PY

set +e
"$bin" agreements --scenario "$scenario" --seeds 2 --agreement no_such_agreement >"$tmp/bad.txt" 2>&1
status=$?
set -e
[ "$status" = 2 ] || fail "unknown agreement should exit 2, got $status"
grep -qF -- "--agreement" "$tmp/bad.txt" || fail "error should name --agreement: $(cat "$tmp/bad.txt")"
grep -qF "no agreement 'no_such_agreement'" "$tmp/bad.txt" || fail "error should name the id: $(cat "$tmp/bad.txt")"
grep -qF "nobian_2024" "$tmp/bad.txt" || fail "error should list the known ids"
echo "agreements: ok"
