#!/usr/bin/env bash
# A sweep estimates its peak memory before its runs start and refuses, at once and with
# exit status 2, one above --max-memory (default: three quarters of the machine's memory),
# leaving no file; before issue 16, --runs 100000000 allocated 7.9 GB up front, ignored
# Ctrl-C meanwhile and died with std::bad_alloc.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scenario=$src/tests/data/small/scenario_sweep.toml

expect_refused() {  # expect_refused NAME FRAGMENT ARGS...
    local name=$1 fragment=$2
    shift 2
    local status=0
    timeout 60 "$bin" sweep --scenario "$scenario" --out "$tmp/$name.h5" "$@" 2>"$tmp/$name.err" || status=$?
    [ "$status" -eq 2 ] || { cat "$tmp/$name.err"; echo "FAIL: $name exited $status, expected 2"; exit 1; }
    grep -q -- "$fragment" "$tmp/$name.err" || { cat "$tmp/$name.err"; echo "FAIL: $name: no '$fragment'"; exit 1; }
    if ls "$tmp/$name".h5* >/dev/null 2>&1; then echo "FAIL: $name left a file"; ls "$tmp"; exit 1; fi
}

# 10^8 runs need about 100 GB: refused before anything is allocated, in well under a second.
start=$(date +%s)
expect_refused huge "above the limit" --runs 100000000 --max-memory 16G
[ $(( $(date +%s) - start )) -lt 20 ] || { echo "FAIL: the refusal took too long"; exit 1; }
grep -q "runs fit" "$tmp/huge.err" || { echo "FAIL: the message does not say how many runs fit"; exit 1; }
# A limit below what any sweep needs.
expect_refused tiny "--max-memory" --runs 50 --max-memory 1M
# --save plants counts every run's plant panels.
expect_refused plants "plant panels" --runs 20000 --save plants --max-memory 1G
# A malformed size is a usage error.
expect_refused badsize "unknown size unit" --runs 10 --max-memory 12X

# Within the limit the sweep runs and prints its estimate first.
"$bin" sweep --scenario "$scenario" --runs 20 --threads 1 --max-memory 4G --out "$tmp/ok.h5" 2>"$tmp/ok.err" >/dev/null
grep -q "memory: about" "$tmp/ok.err" || { cat "$tmp/ok.err"; echo "FAIL: no memory estimate printed"; exit 1; }
[ -s "$tmp/ok.h5" ] || { echo "FAIL: no output"; exit 1; }
echo "ok"
