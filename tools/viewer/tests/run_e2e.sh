#!/bin/sh
# The viewer's end-to-end test (ctest viewer.e2e): fresh run and sweep files, the numbers
# h5py reads from them, then tests/e2e.mjs in headless Chromium.
#   tools/viewer/tests/run_e2e.sh EIISIM SOURCE_DIR [large]
# Exits 77 (ctest SKIP) without node, Chromium or tools/viewer/node_modules (npm ci).
# VIEWER_SHOTS: folder for the screenshots (default: a temporary one);
# VIEWER_SWEEP_RUNS: runs of the sweep (default 50); `large` also times opening a
# 10,000-run sweep and a sweep saved with --save plants (printed, not asserted).
set -eu
eiisim=$(realpath "$1")
src=$(realpath "$2")
mode=${3:-small}
viewer=$src/tools/viewer
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "SKIP: no Chromium at ${CHROMIUM:-/usr/bin/chromium}"; exit 77; }
[ -d "$viewer/node_modules/playwright-core" ] || { echo "SKIP: run 'npm ci' in tools/viewer"; exit 77; }
if [ ! -f "$viewer/dist/index.html" ] || [ -n "$(find "$viewer/src" "$viewer/index.html" -newer "$viewer/dist/index.html")" ]; then
  (cd "$viewer" && npx vite build --logLevel warn)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
"$eiisim" run --scenario scenarios/current-policy.toml --out "$work/run.h5" >/dev/null
"$eiisim" run --scenario scenarios/high-ets.toml --out "$work/run2.h5" >/dev/null
"$eiisim" sweep --runs "${VIEWER_SWEEP_RUNS:-50}" --out "$work/sweep.h5" --quiet
"$eiisim" sweep --runs 4 --save plants --out "$work/sweep_plants.h5" --quiet
/usr/bin/python3 "$viewer/tests/expected.py" "$work/run.h5" "$work/sweep.h5" "$work/run2.h5" "$work/sweep_plants.h5" \
  >"$work/expected.json"
set -- --run "$work/run.h5" --run2 "$work/run2.h5" --sweep "$work/sweep.h5" --sweep-plants "$work/sweep_plants.h5" \
  --expected "$work/expected.json" \
  --shots "${VIEWER_SHOTS:-$work/shots}"
if [ "$mode" = large ]; then
  "$eiisim" sweep --runs 10000 --out "$work/sweep10000.h5" --quiet
  "$eiisim" sweep --runs 100 --save plants --out "$work/sweep_plants100.h5" --quiet
  ls -l "$work/sweep10000.h5" "$work/sweep_plants100.h5"
  set -- "$@" --large "$work/sweep10000.h5" --large "$work/sweep_plants100.h5"
fi
node "$viewer/tests/e2e.mjs" "$@"
