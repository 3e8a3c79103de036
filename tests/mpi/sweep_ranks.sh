#!/usr/bin/env bash
# `mpirun -np K eiisim sweep` (MPI build): 1 and 2 ranks write the file a single process
# writes, byte for byte, for any threads per rank; a 2-rank sweep interrupted and resumed
# (on 2 ranks with a torn part, and as one process) too, with no part left behind.
# usage: sweep_ranks.sh <eiisim> <source dir> <mpiexec>
set -euo pipefail
bin=$1
src=$2
mpiexec=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000
# One machine, no network: shared memory between ranks (single-copy off, as containers
# often forbid ptrace), more ranks than cores allowed, root allowed (CI runs as root).
export OMPI_MCA_btl=self,vader OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_hwloc_base_binding_policy=none
mpi() { local n=$1; shift; "$mpiexec" -np "$n" "$bin" "$@"; }
scenario=$src/tests/data/small/scenario_sweep.toml
args=(sweep --scenario "$scenario" --runs 120 --sampler lhs --seed 5 --save clusters --quiet)

"$bin" "${args[@]}" --threads 1 --out "$tmp/single.h5"
mpi 1 "${args[@]}" --threads 2 --out "$tmp/one.h5"
cmp "$tmp/single.h5" "$tmp/one.h5" || { echo "FAIL: 1 rank differs from the single process"; exit 1; }
mpi 2 "${args[@]}" --threads 1 --out "$tmp/two.h5"
cmp "$tmp/single.h5" "$tmp/two.h5" || { echo "FAIL: 2 ranks differ from the single process"; exit 1; }
ls "$tmp" | grep -q checkpoint && { echo "FAIL: parts left after success: $(ls "$tmp")"; exit 1; }

# Interrupted on 2 ranks (each stops after 30 runs; SIGTERM takes the same path).
stop_and_check() {
  local status=0
  mpi 2 "${args[@]}" --threads 1 --out "$tmp/resumed.h5" --stop-after 30 2>"$tmp/stop.err" || status=$?
  [ "$status" -eq 130 ] || { echo "FAIL: interrupted MPI sweep exited $status"; cat "$tmp/stop.err"; exit 1; }
  [ ! -e "$tmp/resumed.h5" ] || { echo "FAIL: an interrupted sweep left an output file"; exit 1; }
  # Each rank stored its runs in its own part: more than a header (a few hundred bytes) each.
  for part in "$tmp/resumed.h5.checkpoint" "$tmp/resumed.h5.checkpoint.rank1"; do
    [ -e "$part" ] && [ "$(stat -c %s "$part")" -gt 20000 ] || { echo "FAIL: no runs in $part: $(ls -l "$tmp")"; exit 1; }
  done
  grep -q -- "--resume" "$tmp/stop.err" || { echo "FAIL: no resume hint"; cat "$tmp/stop.err"; exit 1; }
}
stop_and_check
truncate -s -7 "$tmp/resumed.h5.checkpoint.rank1"  # rank 1 killed mid-write: that block is done again
mpi 2 "${args[@]}" --threads 1 --out "$tmp/resumed.h5" --resume
cmp "$tmp/single.h5" "$tmp/resumed.h5" || { echo "FAIL: resumed 2-rank sweep differs"; exit 1; }
ls "$tmp" | grep -q checkpoint && { echo "FAIL: parts left after resume: $(ls "$tmp")"; exit 1; }
rm "$tmp/resumed.h5"
stop_and_check
"$bin" "${args[@]}" --threads 2 --out "$tmp/resumed.h5" --resume  # another rank count: one process
cmp "$tmp/single.h5" "$tmp/resumed.h5" || { echo "FAIL: 2-rank sweep resumed as one process differs"; exit 1; }
ls "$tmp" | grep -q checkpoint && { echo "FAIL: parts left after resume: $(ls "$tmp")"; exit 1; }

# --save plants stays in one process.
status=0
mpi 2 sweep --scenario "$scenario" --runs 4 --save plants --quiet --out "$tmp/plants.h5" 2>"$tmp/plants.err" ||
  status=$?
[ "$status" -eq 2 ] && grep -q "cannot be shared among MPI ranks" "$tmp/plants.err" ||
  { echo "FAIL: --save plants under MPI: status $status"; cat "$tmp/plants.err"; exit 1; }
echo "MPI sweep: ok"
