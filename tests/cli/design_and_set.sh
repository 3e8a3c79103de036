#!/usr/bin/env bash
# `eiisim sweep --design FILE.csv` and `eiisim run --set KEY=VALUE` (inputs/given_settings.hpp):
# the design's rows are the runs and its values the experiments (an [[uncertain]] name and a
# schema key as columns); `run --set` with row 0's values gives run 0's KPIs bit for bit and
# differs from the plain run; unknown keys, settings a sweep cannot change, values out of
# range and a --runs that contradicts the design are refused with exit status 2, naming
# the setting and the allowed range. A `stream` column gives runs the random numbers of
# another run: equal rows with equal streams give equal KPIs, and the file records them.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scenario=$src/tests/data/small/scenario_sweep.toml
printf '# a comment line\ngas_factor,behaviour.closure_threshold\n1.2,0.1\n0.8,0.05\n1.0,0.2\n' >"$tmp/design.csv"
"$bin" sweep --scenario "$scenario" --design "$tmp/design.csv" --threads 1 --quiet --out "$tmp/design.h5"
"$bin" run --scenario "$scenario" --set gas_factor=1.2 --set behaviour.closure_threshold=0.1 --quiet --out "$tmp/set.h5"
"$bin" run --scenario "$scenario" --quiet --out "$tmp/plain.h5"
/usr/bin/python3 - "$tmp" <<'PY'
import sys
import h5py
import numpy as np
tmp = sys.argv[1]
with h5py.File(f"{tmp}/design.h5") as s, h5py.File(f"{tmp}/set.h5") as r, h5py.File(f"{tmp}/plain.h5") as p:
    names = [n.decode() for n in s["parameter"][()]]
    assert names == ["gas_factor", "behaviour.closure_threshold"], names
    assert np.array_equal(s["experiments"][()], [[1.2, 0.1], [0.8, 0.05], [1.0, 0.2]]), s["experiments"][()]
    assert s.attrs["sampler"] in (b"design", "design"), s.attrs["sampler"]
    assert s["run"].shape == (3,)
    for kpi in ("net_co2", "cumulative_subsidy", "relocated_co2"):
        assert np.array_equal(s[kpi][0], r[kpi][0]), (kpi, s[kpi][0], r[kpi][0])
    assert not np.array_equal(r["net_co2"][0], p["net_co2"][0]), "--set changed nothing"
PY

printf 'logit_scale,stream\n0.3,7\n0.3,7\n0.3,8\n' >"$tmp/streams.csv"
"$bin" sweep --scenario "$scenario" --design "$tmp/streams.csv" --threads 2 --quiet --out "$tmp/streams.h5"
/usr/bin/python3 - "$tmp" <<'PY'
import sys
import h5py
import numpy as np
with h5py.File(f"{sys.argv[1]}/streams.h5") as s:
    assert list(s["run_stream"][()]) == [7, 7, 8], s["run_stream"][()]
    assert [n.decode() for n in s["parameter"][()]] == ["logit_scale"]
    assert np.array_equal(s["net_co2"][0], s["net_co2"][1]), "same row, same stream, different KPIs"
PY

expect_error() {  # expect_error "message part" args...
  local want=$1
  shift
  local status=0
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  [ "$status" -eq 2 ] || { echo "FAIL: $* exited $status, expected 2"; cat "$tmp/err"; exit 1; }
  grep -qF -- "$want" "$tmp/err" || { echo "FAIL: $*: no '$want' in:"; cat "$tmp/err"; exit 1; }
}
expect_error "behaviour.nope': not one of the scenario's [[uncertain]] names nor a setting key" \
  run --scenario "$scenario" --set behaviour.nope=1 --out "$tmp/x.h5"
expect_error "scenario.seed': this setting cannot be changed per run" \
  run --scenario "$scenario" --set scenario.seed=3 --out "$tmp/x.h5"
expect_error "a value of behaviour.closure_threshold (1), a number in [0, 1], got '7'" \
  run --scenario "$scenario" --set behaviour.closure_threshold=7 --out "$tmp/x.h5"
expect_error "expected KEY=VALUE" run --scenario "$scenario" --set gas_factor --out "$tmp/x.h5"
printf 'gas_factor\n-1\n' >"$tmp/bad.csv"
expect_error "bad.csv:2" sweep --scenario "$scenario" --design "$tmp/bad.csv" --out "$tmp/x.h5"
expect_error "--runs 5 differs from the design's 3 rows" \
  sweep --scenario "$scenario" --design "$tmp/design.csv" --runs 5 --out "$tmp/x.h5"
echo "design and --set: all checks passed"
