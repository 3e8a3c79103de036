#!/usr/bin/env bash
# Run the eiisim benchmarks built in <build-dir> (cmake -DEIISIM_BENCHMARKS=ON), write the
# Google Benchmark JSON to <build-dir>/bench.json and print a summary table of throughput
# and ratios. Extra arguments go to the benchmark program, e.g. --benchmark_filter=FullRun.
# BENCH_REPETITIONS (default 5) sets the repetitions; the summary shows their median.
# Scratch files go under $TMPDIR (default /tmp).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 <build-dir> [benchmark options...]" >&2
  exit 2
fi
build_dir=$1
shift
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench="$build_dir/eiisim_bench"
if [[ ! -x $bench ]]; then
  echo "error: $bench not found; configure with -DEIISIM_BENCHMARKS=ON and build it" >&2
  exit 1
fi

json="$build_dir/bench.json"
echo "running $bench (${BENCH_REPETITIONS:-5} repetitions; about a minute) ..." >&2
"$bench" --benchmark_format=json \
  --benchmark_repetitions="${BENCH_REPETITIONS:-5}" \
  "$@" >"$json.partial"
mv "$json.partial" "$json"
/usr/bin/python3 "$repo_root/tools/bench/summarise.py" "$json"
