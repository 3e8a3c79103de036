#!/usr/bin/env bash
# Sweep throughput of the full Dutch model: times `eiisim sweep` on 1, 2, ... threads, with
# KPIs only (--save none) and with cluster trajectories (--save clusters), and prints
# runs per second, the parallel efficiency (speed-up / threads) and the peak
# resident memory (/usr/bin/time -v). Wall time includes loading the inputs and writing
# the file, as a user sees it.
#
# usage: tools/bench/sweep_scaling.sh <eiisim-binary> [runs (default 10000)] [repetitions (default 3)]
# TIME_BINARY overrides /usr/bin/time (GNU time, for -v).
# THREADS="1 2 4 8 16" (environment) sets the thread counts timed; the default is "1 2".
# Efficiency is the speed-up over 1 thread divided by the thread count, so 1 must come first.
# Use a Release build. The best of the repetitions is reported (least disturbed by other
# load on a shared machine). Scratch files go under $TMPDIR (default /tmp).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 <eiisim-binary> [runs] [repetitions]" >&2
  exit 2
fi
binary=$1
runs=${2:-10000}
reps=${3:-3}
read -r -a thread_counts <<<"${THREADS:-1 2}"
if [[ ${thread_counts[0]} != 1 ]]; then
  echo "$0: THREADS must start with 1 (efficiency is relative to 1 thread)" >&2
  exit 2
fi
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/eiisim-sweep-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# One timed sweep; prints "<wall seconds> <peak RSS KiB>".
time_sweep() {
  local threads=$1 save=$2
  "${TIME_BINARY:-/usr/bin/time}" -v -o "$scratch/time.txt" "$binary" sweep \
    --scenario "$repo_root/scenarios/current-policy.toml" --runs "$runs" --sampler lhs --seed 1 \
    --threads "$threads" --save "$save" --quiet --out "$scratch/sweep.h5" >/dev/null
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
              /Maximum resident set size/ { rss = $2 }
              END { printf "%.3f %d\n", s, rss }' "$scratch/time.txt"
}

echo "eiisim sweep, current-policy, $runs LHS runs, best of $reps; $(nproc) cores" >&2
printf '%-9s %7s %9s %9s %11s %12s\n' save threads "wall s" "runs/s" efficiency "peak MiB"
for save in none clusters; do
  one=""
  for threads in "${thread_counts[@]}"; do
    best="" rss=0
    for ((i = 0; i < reps; i++)); do
      read -r wall kib < <(time_sweep "$threads" "$save")
      if [[ -z $best ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
      ((kib > rss)) && rss=$kib
    done
    [[ $threads == 1 ]] && one=$best
    awk -v save="$save" -v t="$threads" -v w="$best" -v r="$runs" -v one="$one" -v rss="$rss" 'BEGIN {
      eff = t == 1 ? "-" : sprintf("%.0f %%", 100 * one / (w * t))
      printf "%-9s %7d %9.2f %9.0f %11s %12.1f\n", save, t, w, r / w, eff, rss / 1024 }'
  done
done
