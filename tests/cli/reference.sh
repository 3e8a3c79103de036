#!/usr/bin/env bash
# `eiisim run --reference KIND` (docs/ODD.md §7.17): the file holds the reference run's
# series as reference_<name> with the kind and first year as global attributes; before
# that year the two runs are the same; the printed additional reduction is the reference's
# net CO2 less the scenario's; an unknown kind is bad input and writes nothing.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" run --scenario "$src/scenarios/current-policy.toml" --seed 4 --reference no-policy --out "$tmp/r.h5" \
  >"$tmp/out.txt"
grep -qF "Against the reference run 'no-policy'" "$tmp/out.txt" || fail "no comparison printed"
/usr/bin/python3 - "$tmp/r.h5" "$tmp/out.txt" <<'PY' || fail "reference series"
import sys, h5py, numpy as np
f = h5py.File(sys.argv[1], "r")
kind = f.attrs["reference"]
kind = kind.decode() if isinstance(kind, bytes) else str(kind)
assert kind == "no-policy", kind
first = int(f.attrs["reference_first_year"])
years = list(f["year"][()])
for name in ("cluster_co2_net", "cluster_reduction", "instrument_paid"):
    assert "reference_" + name in f, name
    assert f["reference_" + name].shape == f[name].shape, name
assert "reference_route" not in f  # plant panels are the scenario's only
scen = f["cluster_co2_net"][0].sum(axis=1)
ref = f["reference_cluster_co2_net"][0].sum(axis=1)
i = years.index(first)
assert np.allclose(scen[:i], ref[:i], rtol=1e-12), "the observed years differ"
# The additional reduction by part adds up to the additional reduction.
parts = f["reference_cluster_reduction"][0].sum(axis=1) - f["cluster_reduction"][0].sum(axis=1)
assert np.allclose(parts.sum(axis=1), ref - scen, atol=1e-3 * max(1.0, abs(scen[0])))
printed = [l for l in open(sys.argv[2]) if l.startswith("additional reduction ")][0].split()[2:]
header = [l for l in open(sys.argv[2]) if l.startswith("national, Mt/yr")][0].split()[2:]
for y, v in zip(header, printed):
    assert abs(float(v) - (ref - scen)[years.index(int(y))] / 1e6) < 0.006, (y, v)
PY

if "$bin" run --scenario "$src/scenarios/current-policy.toml" --reference frozen --out "$tmp/bad.h5" 2>"$tmp/err"; then
  fail "an unknown reference kind should fail"
fi
grep -qF -- "--reference" "$tmp/err" || fail "the message should name --reference: $(cat "$tmp/err")"
[ ! -e "$tmp/bad.h5" ] || fail "bad input wrote a file"
echo "ok"
