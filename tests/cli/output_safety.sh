#!/usr/bin/env bash
# Issue 16, from the command line: --out naming an input (directly, by a symbolic or a
# hard link) or a sweep checkpoint is refused before any work, exit 2, the input intact;
# --out '' is refused at once; seeds outside 0..2^64-1 are refused; the output lock
# refuses a second writer naming it and takes over a dead one's lock; temporaries of
# dead processes are removed with a note. Works on a copy of tests/data/small.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
sleeper=
trap '[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; rm -rf "$tmp"' EXIT
cp -r "$src/tests/data/small" "$tmp/small"
small=$tmp/small
scenario=$small/scenario.toml
fail() { echo "FAIL: $*"; exit 1; }

# expect STATUS FRAGMENT CMD...: runs CMD, checks its exit status and that stderr holds FRAGMENT.
expect() {
  local want=$1 fragment=$2 status=0
  shift 2
  "$@" >"$tmp/out.txt" 2>"$tmp/err.txt" || status=$?
  [ "$status" -eq "$want" ] || { cat "$tmp/err.txt"; fail "'$*' exited $status, expected $want"; }
  grep -qF -- "$fragment" "$tmp/err.txt" || { cat "$tmp/err.txt"; fail "'$*': stderr lacks '$fragment'"; }
}

# --out onto an input, four ways, for run and for sweep: refused, the input unchanged.
cp -r "$small" "$tmp/pristine"
ln -s "$small/dataset/plants.csv" "$tmp/link.h5"
ln "$small/dataset/technologies.csv" "$tmp/hard.h5"
for out in "$scenario" "$small/dataset/sectors.csv" "$tmp/link.h5" "$tmp/hard.h5"; do
  expect 2 "is the input file" "$bin" run --scenario "$scenario" --out "$out" --quiet
done
expect 2 "technologies.csv" "$bin" run --scenario "$scenario" --out "$tmp/hard.h5" --quiet
expect 2 "plants.csv" "$bin" run --scenario "$scenario" --out "$tmp/link.h5" --quiet
# A sweep of 10^8 runs would take hours: refused before any work, so at once.
expect 2 "dataset/infrastructure.toml" timeout 20 "$bin" sweep --scenario "$small/scenario_sweep.toml" --runs 100000000 \
  --out "$small/dataset/infrastructure.toml" --quiet
diff -r "$tmp/pristine" "$small" || fail "an input file changed"

# --out '' refused when the command line is parsed.
expect 2 "--out" timeout 20 "$bin" sweep --scenario "$small/scenario_sweep.toml" --runs 100000000 --out '' --quiet
expect 2 "--out" "$bin" run --scenario "$scenario" --out '' --quiet

# --out onto another sweep's checkpoint.
status=0
"$bin" sweep --scenario "$small/scenario_sweep.toml" --runs 40 --seed 3 --out "$tmp/a.h5" --stop-after 16 --quiet \
  2>/dev/null || status=$?
[ "$status" -eq 130 ] || fail "interrupted sweep exited $status"
cp "$tmp/a.h5.checkpoint" "$tmp/kept.checkpoint"
expect 2 "checkpoint of a sweep" "$bin" run --scenario "$scenario" --out "$tmp/a.h5.checkpoint" --quiet
cmp "$tmp/a.h5.checkpoint" "$tmp/kept.checkpoint" || fail "the checkpoint changed"

# Seeds: the documented range, nothing wraps or saturates.
expect 2 "from 0 to 18446744073709551615" "$bin" run --scenario "$scenario" --out "$tmp/s.h5" --seed 18446744073709551616
expect 2 "from 0 to 18446744073709551615" "$bin" run --scenario "$scenario" --out "$tmp/s.h5" --seed -1
expect 2 "from 0 to 18446744073709551615" "$bin" sweep --scenario "$small/scenario_sweep.toml" --runs 4 \
  --out "$tmp/s.h5" --seed 99999999999999999999999
"$bin" run --scenario "$scenario" --out "$tmp/s.h5" --seed 18446744073709551615 --quiet
"$bin" run --help | grep -qF "from 0 to 18446744073709551615" || fail "run --help does not state the seed range"
"$bin" sweep --help | grep -qF "replaced" || fail "sweep --help does not say an existing output is replaced"
sed 's/^seed = .*/seed = -1/' "$scenario" >"$small/neg_seed.toml"
grep -q "^seed = -1" "$small/neg_seed.toml" || fail "no seed key to edit in the scenario"
expect 2 "seed" "$bin" run --scenario "$small/neg_seed.toml" --out "$tmp/s.h5" --quiet

# The lock: held by a live process of this host, a run is refused naming it; once that
# process is gone, the lock is stale and taken over.
sleep 60 & sleeper=$!
printf 'pid %s\nhost %s\n' "$sleeper" "$(hostname)" >"$tmp/locked.h5.lock"
expect 2 "is being written by process $sleeper" "$bin" run --scenario "$scenario" --out "$tmp/locked.h5" --quiet
[ ! -e "$tmp/locked.h5" ] || fail "a locked output was written"
kill "$sleeper"; wait "$sleeper" 2>/dev/null || true; sleeper=
expect 0 "taking over the stale lock" "$bin" run --scenario "$scenario" --out "$tmp/locked.h5" --quiet
[ -s "$tmp/locked.h5" ] && [ ! -e "$tmp/locked.h5.lock" ] || fail "the run after a stale lock left no output or its lock"

# Two real sweeps on one output: the second (a resume) is refused naming the first.
"$bin" sweep --scenario "$small/scenario_sweep.toml" --runs 200000 --threads 1 --out "$tmp/race.h5" --quiet \
  2>"$tmp/first.err" & first=$!
# (its checkpoint exists once it is running runs, and stops cleanly on SIGTERM)
for _ in $(seq 300); do [ -s "$tmp/race.h5.checkpoint" ] && break; sleep 0.1; done
[ -s "$tmp/race.h5.lock" ] || fail "the running sweep holds no lock"
expect 2 "is being written by process $first" "$bin" sweep --scenario "$small/scenario_sweep.toml" --runs 200000 \
  --out "$tmp/race.h5" --resume --quiet
kill -TERM "$first"
status=0; wait "$first" || status=$?
[ "$status" -eq 130 ] || { cat "$tmp/first.err"; fail "the first sweep exited $status after SIGTERM"; }
[ ! -e "$tmp/race.h5.lock" ] || fail "the interrupted sweep left its lock"

# Temporaries of dead processes beside the output: removed, and said so.
( exit 0 ) & dead=$!; wait "$dead"
touch "$tmp/clean.h5.tmp-$dead" "$tmp/clean.h5.checkpoint.tmp-$dead" "$tmp/clean.h5.tmp-$$"
expect 0 "removed $tmp/clean.h5.tmp-$dead" "$bin" run --scenario "$scenario" --out "$tmp/clean.h5" --quiet
grep -qF "clean.h5.checkpoint.tmp-$dead" "$tmp/err.txt" || fail "the checkpoint temporary was not named"
[ ! -e "$tmp/clean.h5.tmp-$dead" ] && [ ! -e "$tmp/clean.h5.checkpoint.tmp-$dead" ] || fail "leftovers remain"
[ -e "$tmp/clean.h5.tmp-$$" ] || fail "a live process's temporary was removed"
echo "output safety: ok"
