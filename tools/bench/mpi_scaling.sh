#!/usr/bin/env bash
# Sweep throughput over MPI ranks x oneTBB threads (docs/benchmarks.md, "MPI sweeps"):
# times `mpirun -np R eiisim sweep --threads T` on the Dutch current-policy scenario with
# KPIs only and prints runs per second and the efficiency against 1 rank x 1 thread
# (speed-up / (R x T)). Wall time includes starting the ranks, loading the inputs, the
# reduction on rank 0 and writing the file, as a user sees it. Best of the repetitions.
#
# usage: tools/bench/mpi_scaling.sh <eiisim built with -DEIISIM_MPI=ON> [runs (5000)] [repetitions (3)]
# CONFIGS="1x1 1x2 2x1 2x2" (environment): ranks x threads timed; 1x1 must come first.
# MPIEXEC (default mpirun) and MPIEXEC_FLAGS (default: one machine, shared memory, more
# ranks than cores allowed) set how ranks start. Scratch files go under $TMPDIR.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 <eiisim-binary> [runs] [repetitions]" >&2
  exit 2
fi
binary=$1
runs=${2:-5000}
reps=${3:-3}
read -r -a configs <<<"${CONFIGS:-1x1 1x2 2x1 2x2}"
[[ ${configs[0]} == 1x1 ]] || { echo "$0: CONFIGS must start with 1x1" >&2; exit 2; }
read -r -a flags <<<"${MPIEXEC_FLAGS:---oversubscribe --bind-to none --mca btl self,vader --mca btl_vader_single_copy_mechanism none}"
[[ $(id -u) -eq 0 ]] && flags+=(--allow-run-as-root)
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/eiisim-mpi-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# One timed sweep on `ranks` x `threads`; prints its wall seconds.
time_sweep() {
  local ranks=$1 threads=$2 start end
  start=$(date +%s.%N)
  "${MPIEXEC:-mpirun}" "${flags[@]}" -np "$ranks" "$binary" sweep \
    --scenario "$repo_root/scenarios/current-policy.toml" --runs "$runs" --sampler lhs --seed 1 \
    --threads "$threads" --save none --quiet --out "$scratch/sweep.h5" >/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}

echo "eiisim sweep under MPI, current-policy, $runs LHS runs, KPIs only, best of $reps; $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '%-6s %7s %9s %9s %11s\n' ranks threads "wall s" "runs/s" efficiency
one=""
for config in "${configs[@]}"; do
  ranks=${config%x*} threads=${config#*x} best=""
  for ((i = 0; i < reps; i++)); do
    wall=$(time_sweep "$ranks" "$threads")
    if [[ -z $best ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
  done
  [[ -z $one ]] && one=$best
  awk -v r="$ranks" -v t="$threads" -v w="$best" -v n="$runs" -v one="$one" 'BEGIN {
    eff = r * t == 1 ? "-" : sprintf("%.0f %%", 100 * one / (w * r * t))
    printf "%-6d %7d %9.2f %9.0f %11s\n", r, t, w, n / w, eff }'
done
