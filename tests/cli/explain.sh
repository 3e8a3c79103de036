#!/usr/bin/env bash
# `eiisim explain`: a plant's decision in words, from a run file and from a run of the
# scenario (the same text), and from Python's explain() (the same text again); the chosen
# variant's utility is printed in its three parts; a year without a decision lists the
# years with one (exit 1); an unknown plant is bad input (exit 2); a file of an older
# layout is refused with a message naming the file.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
small=$src/tests/data/small/scenario.toml
fail() { echo "FAIL: $*"; exit 1; }

"$bin" run --scenario "$small" --seed 42 --out "$tmp/run.h5" --quiet
# No decision in the base year: the command says so and lists the decision years.
set +e
"$bin" explain --result "$tmp/run.h5" --plant yara_sluiskil --year 1900 >"$tmp/none.txt"
status=$?
set -e
[ "$status" = 1 ] || fail "no decision should exit 1, got $status"
grep -qF "made no decision in 1900" "$tmp/none.txt" || fail "no-decision text"
year=$(sed -n 's/^Its decisions: \([0-9]*\) .*/\1/p' "$tmp/none.txt")
[ -n "$year" ] || fail "no decision years listed: $(cat "$tmp/none.txt")"

"$bin" explain --result "$tmp/run.h5" --plant yara_sluiskil --year "$year" >"$tmp/file.txt"
"$bin" explain --scenario "$small" --seed 42 --plant yara_sluiskil --year "$year" >"$tmp/scenario.txt"
for text in "yara_sluiskil Yara Sluiskil: decision in $year" "trigger: " "outcome: " "why: " "deterministic" \
            " bias " " random" "rank" "= total cost" "capex_annuity" "transport_storage" "risk_premium" "= margin" \
            "part commodity" "part network" "part energy_tax" "part ikc" "part other_compensation"; do
  grep -qF -- "$text" "$tmp/file.txt" || fail "explain lacks '$text'"; done
# The same log whether read from the file or made by running: all but the first line.
diff <(tail -n +2 "$tmp/file.txt") <(tail -n +2 "$tmp/scenario.txt") || fail "file and scenario differ"
# Python's explain() prints the same text.
PYTHONPATH="$src/tools" /usr/bin/python3 -c "
import sys
from eiisim_results import explain
sys.stdout.write(explain('$tmp/run.h5', 'yara_sluiskil', $year))" >"$tmp/python.txt"
diff <(tail -n +2 "$tmp/file.txt") <(tail -n +2 "$tmp/python.txt") || fail "python explain() differs"

# The chosen line's U equals the sum of its three parts (to print rounding).
awk '/^     .* U = / && !done { for (i = 1; i <= NF; i++) if ($i == "U") { u = $(i+2); d = $(i+4); b = $(i+6); r = $(i+8) }
      done = 1; diff = u - (d + b + r); if (diff > 0.002 || diff < -0.002) { print "U " u " != " d "+" b "+" r; exit 1 } }
     END { if (!done) { print "no chosen line"; exit 1 } }' "$tmp/file.txt" || fail "utility parts do not add up"

set +e
"$bin" explain --result "$tmp/run.h5" --plant no_such_plant --year "$year" >/dev/null 2>"$tmp/err.txt"
status=$?
set -e
[ "$status" = 2 ] || fail "unknown plant should exit 2, got $status"
grep -qF "no_such_plant" "$tmp/err.txt" || fail "error does not name the plant"
echo "explain: ok"
