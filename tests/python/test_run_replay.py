#!/usr/bin/python3
"""`eiisim run --set KEY=VALUE` is stored in the run file and `eiisim run --from-run` makes
the run again with it.

Usage: test_run_replay.py <path-to-eiisim-binary> <repo-root>

A run of tests/data/small/scenario_sweep.toml with two --set values (one a schema key, one
an [[uncertain]] name, a value that is not short in decimal) records them, in order, in the
global attribute `set_values`; `eiisim run --from-run` of that file exits 0, says the KPIs
are equal bit for bit and writes a file whose every variable equals the original's; the
same scenario without --set differs (so the values matter). A run file whose KPIs were
edited is reported with exit status 1; a sweep file is refused with exit status 2.
"""

import os
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

failures = []
SETS = ["gas_factor=1.2345678901234567", "behaviour.closure_threshold=0.1"]


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def run(*args):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True)


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def same_variables(a, b, what):
    with h5py.File(a, "r") as x, h5py.File(b, "r") as y:
        check(set(x.keys()) == set(y.keys()), what + ": the same variables")
        for name in sorted(set(x.keys()) & set(y.keys())):
            u, v = x[name][()], y[name][()]
            equal = np.array_equal(u, v, equal_nan=True) if u.dtype.kind == "f" else np.array_equal(u, v)
            check(equal, "{}: {} differs".format(what, name))


def main():
    binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    scenario = os.path.join(root, "tests/data/small/scenario_sweep.toml")
    with tempfile.TemporaryDirectory() as tmp:
        first = os.path.join(tmp, "set.h5")
        args = [binary, "run", "--scenario", scenario, "--seed", 3, "--quiet", "--out", first]
        for s in SETS:
            args += ["--set", s]
        if not check(run(*args).returncode == 0, "the run with --set"):
            return
        with h5py.File(first, "r") as f:
            check(text(f.attrs.get("set_values", "")).split("\n") == SETS,
                  "set_values attribute: {!r}".format(f.attrs.get("set_values")))
        again = os.path.join(tmp, "again.h5")
        result = run(binary, "run", "--from-run", first, "--out", again)
        check(result.returncode == 0, "--from-run exit {}: {}".format(result.returncode, result.stderr))
        check("bit for bit" in result.stdout, "--from-run reports the KPI check: " + result.stdout[-300:])
        if os.path.exists(again):
            same_variables(first, again, "--from-run")
            with h5py.File(again, "r") as f:
                check(text(f.attrs.get("set_values", "")).split("\n") == SETS, "the replay records the values too")
        plain = os.path.join(tmp, "plain.h5")
        run(binary, "run", "--scenario", scenario, "--seed", 3, "--quiet", "--out", plain)
        with h5py.File(first, "r") as a, h5py.File(plain, "r") as b:
            check("set_values" not in b.attrs, "a run without --set has no set_values")
            check(not np.array_equal(a["co2_net"][()], b["co2_net"][()]), "--set changed nothing")
        edited = os.path.join(tmp, "edited.h5")
        shutil.copy(first, edited)
        with h5py.File(edited, "r+") as f:
            f["net_co2"][0, 0] = f["net_co2"][0, 0] + 1.0
        result = run(binary, "run", "--from-run", edited, "--quiet", "--out", os.path.join(tmp, "edited-again.h5"))
        check(result.returncode == 1 and "net_co2" in result.stderr,
              "edited KPIs: exit {} ({})".format(result.returncode, result.stderr.strip()))
        sweep = os.path.join(tmp, "sweep.h5")
        run(binary, "sweep", "--scenario", scenario, "--runs", 2, "--quiet", "--out", sweep)
        result = run(binary, "run", "--from-run", sweep, "--out", os.path.join(tmp, "no.h5"))
        check(result.returncode == 2 and "not an eiisim run file" in result.stderr,
              "a sweep file: exit {} ({})".format(result.returncode, result.stderr.strip()))
    if failures:
        print("{} failure(s)".format(len(failures)))
        sys.exit(1)
    print("run replay: ok")


if __name__ == "__main__":
    main()
