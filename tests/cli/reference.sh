#!/usr/bin/env bash
# `eiisim run --reference KIND` (docs/ODD.md §7.17): the file holds the reference run's
# series as reference_<name> with the kind and first year as global attributes; before
# that year the two runs are the same; the printed additional reduction is the reference's
# net CO2 less the scenario's; an unknown kind is bad input and writes nothing.
# `eiisim sweep --reference KIND`: each run's reference run too; additional_reduction_national
# and _per_cluster per run are the reference's net CO2 less the run's, the same for
# --threads 1 and 2, equal to those of `eiisim run --set ... --reference KIND` (run 0) and
# of the replayed runs (whose reference series they are), and absent without --reference.
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
small="$src/tests/data/small/scenario_sweep.toml"
for t in 1 2; do
  "$bin" sweep --scenario "$small" --runs 3 --seed 7 --threads $t --reference frozen-technology --quiet \
    --out "$tmp/s$t.h5" || fail "sweep --reference --threads $t"
done
"$bin" sweep --scenario "$small" --runs 3 --seed 7 --quiet --out "$tmp/plain.h5" || fail "plain sweep"
for r in 0 1 2; do
  "$bin" run --from-sweep "$tmp/s1.h5" --run $r --quiet --out "$tmp/replay$r.h5" || fail "replay of run $r"
done
sets=$(/usr/bin/python3 - "$tmp/s1.h5" <<'PY'
import sys, h5py
f = h5py.File(sys.argv[1], "r")
names = [p.decode() if isinstance(p, bytes) else str(p) for p in f["parameter"][()]]
print(" ".join(f"--set {n}={float(v)!r}" for n, v in zip(names, f["experiments"][0])))
PY
)
# shellcheck disable=SC2086
"$bin" run --scenario "$small" --seed 7 $sets --reference frozen-technology --quiet --out "$tmp/run0.h5" \
  || fail "run --set --reference"
/usr/bin/python3 - "$tmp" <<'PY' || fail "sweep --reference outcomes"
import sys, h5py, numpy as np
tmp = sys.argv[1]
s1, s2, plain = (h5py.File(f"{tmp}/{n}.h5", "r") for n in ("s1", "s2", "plain"))
names = ("additional_reduction_national", "additional_reduction_per_cluster")
kind = s1.attrs["reference"]
assert (kind.decode() if isinstance(kind, bytes) else str(kind)) == "frozen-technology", kind
assert "reference" not in plain.attrs and not any(n in plain for n in names), "a plain sweep has no reference"
for n in names:
    assert np.array_equal(s1[n][()], s2[n][()]), f"{n}: --threads 1 and 2 differ"
assert np.array_equal(s1["net_co2"][()], plain["net_co2"][()]), "--reference changed the runs"
assert np.any(s1["additional_reduction_national"][()] != 0), "the reference never departs"
milestones = list(s1["milestone"][()])
for r in range(3):
    f = h5py.File(f"{tmp}/replay{r}.h5", "r")
    at = [list(f["year"][()]).index(m) for m in milestones]
    ref, run = f["reference_cluster_co2_net"][0][at], f["cluster_co2_net"][0][at]  # [milestone, cluster]
    assert np.allclose(s1["additional_reduction_per_cluster"][r], ref - run, rtol=1e-12, atol=1e-6), r
    assert np.allclose(s1["additional_reduction_national"][r], ref.sum(axis=1) - run.sum(axis=1), rtol=1e-12,
                       atol=1e-6), r
one = h5py.File(f"{tmp}/run0.h5", "r")
for n in names:
    assert np.array_equal(one[n][0], s1[n][0]), f"{n}: run --set --reference differs from sweep run 0"
PY
if "$bin" sweep --scenario "$small" --runs 2 --reference frozen --out "$tmp/bad.h5" 2>"$tmp/err"; then
  fail "sweep: an unknown reference kind should fail"
fi
[ ! -e "$tmp/bad.h5" ] || fail "sweep: bad input wrote a file"
echo "ok"
