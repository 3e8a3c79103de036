#!/usr/bin/env bash
# Crash safety (issue 16): SIGKILL at the worst points (core/kill_point.hpp, the
# EIISIM_KILL_AT variable) and from outside.
#  - a run killed after its HDF5 file is complete but before the rename: no file under
#    the output name; the next run removes the leftover temporary and stale lock;
#  - a run killed from outside at an arbitrary moment: no partial output file;
#  - a sweep killed after 2 chunks, again after 1 more, then during its final write,
#    each time resumed: the result is byte for byte the uninterrupted sweep's, and
#    nothing is left beside it (no checkpoint, lock or temporary).
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000
small=$src/tests/data/small
fail() { echo "FAIL: $*"; exit 1; }

# killed_at POINT CMD...: runs CMD with the kill point armed; it must die of SIGKILL.
killed_at() {
  local point=$1 status=0
  shift
  EIISIM_KILL_AT=$point "$@" 2>/dev/null || status=$?
  [ "$status" -eq 137 ] || fail "'$*' with EIISIM_KILL_AT=$point exited $status, expected 137 (SIGKILL)"
}
leftovers() { ls "$tmp" | grep -E '\.(tmp-[0-9]+|lock|checkpoint)$' || true; }

run=("$bin" run --scenario "$small/scenario.toml" --threads 2 --quiet)
killed_at output-written "${run[@]}" --out "$tmp/run.h5"
[ ! -e "$tmp/run.h5" ] || fail "a killed run left a file under the output name"
ls "$tmp"/run.h5.tmp-* >/dev/null 2>&1 || fail "the kill point was not reached with the temporary written"
"${run[@]}" --out "$tmp/run.h5" 2>"$tmp/next.err"
grep -qF "removed $tmp/run.h5.tmp-" "$tmp/next.err" || { cat "$tmp/next.err"; fail "the leftover was not reported"; }
grep -qF "taking over the stale lock" "$tmp/next.err" || { cat "$tmp/next.err"; fail "the stale lock was not reported"; }
[ -s "$tmp/run.h5" ] && [ -z "$(leftovers)" ] || fail "after the next run: no output, or leftovers: $(leftovers)"

# From outside, at whatever moment: the output name holds no file, or a whole one.
"${run[@]}" --out "$tmp/outside.h5" & pid=$!
sleep 0.3; kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
if [ -e "$tmp/outside.h5" ]; then
  /usr/bin/python3 -c "import h5py,sys; h5py.File(sys.argv[1],'r').close()" "$tmp/outside.h5" ||
    fail "a run killed from outside left a broken file under the output name"
fi
rm -f "$tmp"/outside.h5*

sweep=("$bin" sweep --scenario "$small/scenario_sweep.toml" --runs 60 --sampler lhs --seed 4 --threads 2 --quiet)
"${sweep[@]}" --out "$tmp/whole.h5"
killed_at checkpoint-appended:2 "${sweep[@]}" --out "$tmp/killed.h5"
[ -s "$tmp/killed.h5.checkpoint" ] && [ ! -e "$tmp/killed.h5" ] || fail "after the first kill: no checkpoint, or an output"
killed_at checkpoint-appended:1 "${sweep[@]}" --out "$tmp/killed.h5" --resume
killed_at output-written "${sweep[@]}" --out "$tmp/killed.h5" --resume
[ ! -e "$tmp/killed.h5" ] || fail "a sweep killed in its final write left a file under the output name"
"${sweep[@]}" --out "$tmp/killed.h5" --resume 2>"$tmp/resume.err"
grep -qF "taking over the stale lock" "$tmp/resume.err" || { cat "$tmp/resume.err"; fail "the stale lock was not reported"; }
cmp "$tmp/whole.h5" "$tmp/killed.h5" || fail "the sweep killed three times and resumed differs from the uninterrupted one"
[ -z "$(leftovers)" ] || fail "leftovers after the resumed sweep: $(leftovers)"
echo "crash safety: ok"
