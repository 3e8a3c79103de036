#!/usr/bin/env bash
# Cost of one run against the number of plants (issue 20, "linear to large"): builds
# synthetic populations of K copies of the Dutch dataset (tools/bench/synthetic_population.py)
# and times, for each, loading alone (`eiisim validate`) and KPI-only sweeps of 1 and of R
# runs (`eiisim sweep --threads 1 --save none`), R = max(2, 20000 / plants) so each point
# simulates about as many plant-years. The cost of one run is (T(R) - T(1)) / (R - 1): the
# fixed cost of loading, building the model and writing the file cancels out. Prints
# plants, CPU seconds (user + system, so a busy machine does not inflate them) of loading
# and of one run, the peak resident memory of the R-run sweep, plant-years per CPU second
# of simulation, and the cost per plant-year relative to the smallest population.
#
# usage: tools/bench/plant_scaling.sh <eiisim-binary> [copies (default "1 5 25 100 500")] [repetitions (default 3)]
# The best of the repetitions is reported (least disturbed by other load). Use a Release
# build. Scratch files go under $TMPDIR (default /tmp); K = 500 needs about 1 GB of disk.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 <eiisim-binary> [copies] [repetitions]" >&2
  exit 2
fi
binary=$1
read -r -a copies <<<"${2:-1 5 25 100 500}"
reps=${3:-3}
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/eiisim-plant-scaling.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# Best of $reps timings of a command; prints "<CPU seconds> <peak RSS KiB>".
best_of() {
  local best="" line
  for ((r = 0; r < reps; r++)); do
    "${TIME_BINARY:-/usr/bin/time}" -v -o "$scratch/time.txt" "$@" >/dev/null
    line=$(awk -F': ' '/User time \(seconds\)/ || /System time \(seconds\)/ { s += $2 }
                       /Maximum resident set size/ { rss = $2 }
                       END { printf "%.3f %d\n", s, rss }' "$scratch/time.txt")
    if [[ -z $best ]] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best=$line; fi
  done
  echo "$best"
}

# Simulated years per run, from the scenario's base and end years.
years=$(awk -F'= *' '/^base_year/ { b = $2 } /^end_year/ { e = $2 } END { print e - b + 1 }' \
          "$repo_root/scenarios/current-policy.toml")
printf '%8s %9s %9s %10s %14s %10s\n' plants load_cpu run_cpu peak_MiB plant_years/s cost_ratio
for k in "${copies[@]}"; do
  dir="$scratch/k$k"
  plants=$(/usr/bin/python3 "$repo_root/tools/bench/synthetic_population.py" \
             "$repo_root/clusters/nl" "$repo_root/scenarios/current-policy.toml" "$k" "$dir" | awk '{ print $1 }')
  read -r load_s _ < <(best_of "$binary" validate --scenario "$dir/scenario.toml")
  runs=$(( plants >= 10000 ? 2 : 20000 / plants ))
  sweep=("$binary" sweep --scenario "$dir/scenario.toml" --seed 1 --threads 1 --save none --quiet --out "$scratch/run.h5")
  read -r one_s _ < <(best_of "${sweep[@]}" --runs 1)
  rm -f "$scratch/run.h5"
  read -r many_s rss < <(best_of "${sweep[@]}" --runs "$runs")
  rm -f "$scratch/run.h5"
  run_s=$(awk -v a="$one_s" -v b="$many_s" -v r="$runs" 'BEGIN { s = (b - a) / (r - 1); if (s <= 0) s = 1e-6; printf "%.6f", s }')
  cost=$(awk -v p="$plants" -v s="$run_s" -v y="$years" 'BEGIN { printf "%.12g", s / (p * y) }')
  base_cost=${base_cost:-$cost}
  awk -v p="$plants" -v l="$load_s" -v s="$run_s" -v m="$rss" -v c="$cost" -v base="$base_cost" \
    'BEGIN { printf "%8d %9.3f %9.4f %10.1f %14.0f %10.2f\n", p, l, s, m / 1024, 1 / c, c / base }'
  rm -rf "$dir"
done
