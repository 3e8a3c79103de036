#!/usr/bin/python3
"""`eiisim run --from-sweep`: a replayed run has the sweep's KPIs exactly.

Usage: test_replay.py <path-to-eiisim-binary> <repo-root>

Runs a 6-run Latin-hypercube sweep of tests/data/small/scenario_sweep.toml, replays
runs 1 and 4 and checks that every KPI of each run file equals the sweep's outcomes row
bit for bit (==, on the float64 bit patterns), that the run files carry the sweep's
seed, run index, input-file table and replay attributes, and that bad requests fail
cleanly with exit status 2 and a message, writing nothing: a run index out of range, a
missing sweep file, a file of the older layout (no input-file hashes), a run file given
as a sweep, and a dataset file changed after the sweep (named in the message).
Exits non-zero on any failure.
"""

import os
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

RUNS = 6
REPLAYED = (1, 4)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from eiisim_results.observables import OUTCOMES  # noqa: E402  (the declared outcomes, core/outcomes.cpp)

# Every declared outcome the sweep file holds (target_gap only with a targets.csv).
KPIS = tuple(o["name"] for o in OUTCOMES)

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)
    return ok


def run(binary, *args, cwd=None):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    return subprocess.run([binary, *args], capture_output=True, text=True, env=env, cwd=cwd)


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def expect_refusal(result, out, needle, what):
    check(result.returncode == 2, f"{what}: exit status {result.returncode}, expected 2 ({result.stderr.strip()})")
    check(needle in result.stderr, f"{what}: message {result.stderr.strip()!r} should mention {needle!r}")
    check(not os.path.exists(out), f"{what}: no run file written")


def check_replays(binary, sweep, tmp):
    with h5py.File(sweep) as s:
        seed = int(s.attrs["seed"])
        params = [text(p) for p in s["parameter"][:]]
        for r in REPLAYED:
            out = os.path.join(tmp, f"replay-{r}.h5")
            result = run(binary, "run", "--from-sweep", sweep, "--run", str(r), "--out", out)
            if not check(result.returncode == 0, f"replay of run {r} exited {result.returncode}: {result.stderr}"):
                continue
            check("bit for bit" in result.stdout, f"replay {r} reports the KPI check")
            with h5py.File(out) as f:
                for name in KPIS:
                    if name not in s and name not in f:
                        continue
                    a, b = s[name][r], f[name][0]
                    check(a.shape == b.shape and a.dtype == b.dtype, f"run {r}: {name} shape/type")
                    same = a.tobytes() == b.tobytes() and bool(np.all(a == b))
                    check(same, f"run {r}: {name} sweep {a} != replay {b}")
                check(int(f.attrs["seed"]) == seed and int(f.attrs["run"]) == r, f"run {r}: seed and run attributes")
                check(list(f["run"][:]) == [r], f"run {r}: run coordinate")
                check(text(f.attrs["replay_of"]) == sweep, f"run {r}: replay_of attribute")
                pairs = [item.split("=") for item in text(f.attrs["replay_samples"]).split(", ")]
                check([name for name, _ in pairs] == params, f"run {r}: replay_samples names the parameters")
                check([float(value) for _, value in pairs] == list(s["experiments"][r, :]),
                      f"run {r}: replay_samples are the sweep's experiments row (exactly)")
                check([text(x) for x in f["input_file"][:]] == [text(x) for x in s["input_file"][:]],
                      f"run {r}: input files as the sweep's")
                check(list(f["input_file_sha256"][:]) == list(s["input_file_sha256"][:]), f"run {r}: hashes")
                check(f["event_year"].shape[0] > 0, f"run {r}: a full run file with the event log")


def check_refusals(binary, sweep, tmp):
    out = os.path.join(tmp, "refused.h5")
    expect_refusal(run(binary, "run", "--from-sweep", sweep, "--run", str(RUNS), "--out", out), out,
                   f"run {RUNS} is out of range: the sweep has {RUNS} runs (0 to {RUNS - 1})", "run index = runs")
    expect_refusal(run(binary, "run", "--from-sweep", sweep, "--run", "1000000", "--out", out), out,
                   "out of range", "run index far out of range")
    expect_refusal(run(binary, "run", "--from-sweep", os.path.join(tmp, "nope.h5"), "--run", "0", "--out", out),
                   out, "does not exist", "missing sweep file")
    old = os.path.join(tmp, "old-layout.h5")
    shutil.copy(sweep, old)
    with h5py.File(old, "r+") as f:
        del f.attrs["schema_version"]
    expect_refusal(run(binary, "run", "--from-sweep", old, "--run", "0", "--out", out), out,
                   "older eiisim", "older layout")
    single = os.path.join(tmp, "single.h5")
    check(os.path.exists(os.path.join(tmp, "replay-1.h5")), "a run file to misuse")
    shutil.copy(os.path.join(tmp, "replay-1.h5"), single)
    expect_refusal(run(binary, "run", "--from-sweep", single, "--run", "0", "--out", out), out,
                   "not an eiisim sweep file", "a run file given as a sweep")
    result = run(binary, "run", "--from-sweep", sweep, "--out", out)
    check(result.returncode == 2, f"--from-sweep without --run: exit {result.returncode}, expected 2")


def check_changed_dataset(binary, root, tmp):
    # A sweep of a copy of the dataset, then one of its files edited: the replay refuses.
    copy = os.path.join(tmp, "small")
    shutil.copytree(os.path.join(root, "tests/data/small"), copy)
    sweep = os.path.join(tmp, "copy-sweep.h5")
    result = run(binary, "sweep", "--scenario", os.path.join(copy, "scenario_sweep.toml"), "--runs", "3",
                 "--seed", "2", "--threads", "1", "--quiet", "--out", sweep)
    check(result.returncode == 0, f"sweep of the copy: {result.stderr}")
    out = os.path.join(tmp, "changed.h5")
    check(run(binary, "run", "--from-sweep", sweep, "--run", "2", "--out", out, "--quiet").returncode == 0,
          "replay of the unchanged copy")
    os.remove(out)
    with open(os.path.join(copy, "dataset/edges.csv"), "a") as f:
        f.write("# edited after the sweep\n")
    expect_refusal(run(binary, "run", "--from-sweep", sweep, "--run", "2", "--out", out), out,
                   "dataset/edges.csv: content changed", "changed dataset file")


def main():
    binary, root = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        sweep = os.path.join(tmp, "sweep.h5")
        result = run(binary, "sweep", "--scenario", os.path.join(root, "tests/data/small/scenario_sweep.toml"),
                     "--runs", str(RUNS), "--sampler", "lhs", "--seed", "9", "--threads", "2", "--quiet",
                     "--out", sweep)
        if not check(result.returncode == 0, f"sweep: {result.stderr}"):
            sys.exit(1)
        check_replays(binary, sweep, tmp)
        check_refusals(binary, sweep, tmp)
        check_changed_dataset(binary, root, tmp)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("replay: ok")


if __name__ == "__main__":
    main()
