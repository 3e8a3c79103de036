#!/usr/bin/python3
"""`eiisim sweep --branch-from STATE.h5 --year Y --scenario V ...` (scenario branches).

Usage: test_branch.py <path-to-eiisim-binary> <repo-root>

Makes a run file of tests/data/small/scenario.toml (the state), then branches two variants
from it in 2031: the scenario itself and one with dearer gas from 2031 (the gas path's
anchors up to 2030 unchanged, and the scenario's market expectations are adaptive, so
nothing before 2031 sees the change). Each branch file must equal the variant's own run
from 2020 with the state's seed in every variable, plant by plant and year by year, and
name the state and year it branched from; the two variants must differ after 2031. Then
the refusals (exit status 2, nothing written): a sweep file or a text file as the state, a
year outside the run, a variant on another dataset (naming the file that differs).
"""

import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

failures = []
SEED = 7
YEAR = 2031
# The attributes that say how and when a file was made, not what it holds.
PROVENANCE = {"created", "history", "branch_of", "branch_year", "scenario_file", "title", "scenario",
              "scenario_description", "scenario_text"}


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def run(*args):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True)


def variant(root, tmp, name, gas):
    """The small scenario under another name, its dataset named absolutely, with a gas path."""
    with open(os.path.join(root, "tests/data/small/scenario.toml")) as f:
        text = f.read()
    dataset = os.path.join(root, "tests/data/small/dataset")
    text = text.replace('dataset = "dataset"', 'dataset = "{}"'.format(dataset), 1)
    old = "gas_eur_per_mwh = { 2020 = 12, 2021 = 47, 2022 = 123, 2023 = 41, 2024 = 34, 2030 = 30, 2050 = 25 }"
    assert old in text
    text = text.replace(old, "gas_eur_per_mwh = { 2020 = 12, 2021 = 47, 2022 = 123, 2023 = 41, 2024 = 34, 2030 = 30, "
                             + gas + " }", 1)
    path = os.path.join(tmp, name + ".toml")
    with open(path, "w") as f:
        f.write(text)
    return path


def compare_files(branch, full, what):
    """Every variable equal, bit for bit (NaN where NaN); the first differing cell named."""
    with h5py.File(branch, "r") as b, h5py.File(full, "r") as f:
        check(int(b.attrs["branch_year"]) == YEAR, what + ": branch_year attribute")
        check("branch_of" in b.attrs, what + ": branch_of attribute")
        check(set(b.keys()) == set(f.keys()), what + ": the same variables")
        compared = 0
        for name in sorted(set(b.keys()) & set(f.keys())):
            x, y = b[name][()], f[name][()]
            if x.dtype.kind == "f":
                same = x.shape == y.shape and np.array_equal(x, y, equal_nan=True)
            else:
                same = x.shape == y.shape and np.array_equal(x, y)
            if not same and x.shape == y.shape and x.dtype.kind in "fiu":
                where = np.argwhere(~((x == y) | (np.isnan(x) & np.isnan(y)) if x.dtype.kind == "f" else x == y))[0]
                check(False, "{}: {} differs first at index {} ({} vs {})".format(what, name, tuple(where),
                                                                                   x[tuple(where)], y[tuple(where)]))
            else:
                check(same, "{}: {} differs".format(what, name))
            compared += 1
        check(compared > 100, what + ": only {} variables compared".format(compared))
        for key in f.attrs:
            if key not in PROVENANCE:
                check(np.array_equal(np.asarray(b.attrs[key]), np.asarray(f.attrs[key])),
                      "{}: attribute {} differs".format(what, key))


def refused(result, out, needle, what):
    check(result.returncode == 2, "{}: exit {}, expected 2 ({})".format(what, result.returncode, result.stderr.strip()))
    check(needle in result.stderr, "{}: {!r} should mention {!r}".format(what, result.stderr.strip(), needle))
    check(not os.path.exists(out) or not os.listdir(out), what + ": something was written")


def main():
    binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        state = os.path.join(tmp, "state.h5")
        result = run(binary, "run", "--scenario", os.path.join(root, "tests/data/small/scenario.toml"), "--seed", SEED,
                     "--quiet", "--out", state)
        if not check(result.returncode == 0, "state run: " + result.stderr):
            return
        same = variant(root, tmp, "same", "2050 = 25")
        dearer = variant(root, tmp, "dearer", "2031 = 90, 2050 = 75")
        out = os.path.join(tmp, "branches")
        result = run(binary, "sweep", "--branch-from", state, "--year", YEAR, "--scenario", same, "--scenario", dearer,
                     "--threads", 2, "--out", out)
        if not check(result.returncode == 0, "branch: " + result.stderr):
            return
        check("Branched 2 variant(s)" in result.stdout, "branch printout: " + result.stdout)
        for name, path in (("same", same), ("dearer", dearer)):
            full = os.path.join(tmp, name + "-full.h5")
            r = run(binary, "run", "--scenario", path, "--seed", SEED, "--quiet", "--out", full)
            if check(r.returncode == 0, name + " full run: " + r.stderr):
                compare_files(os.path.join(out, name + ".h5"), full, name)
        with h5py.File(os.path.join(out, "same.h5"), "r") as a, h5py.File(os.path.join(out, "dearer.h5"), "r") as b:
            years = list(a["year"][()])
            check(np.array_equal(a["co2_net"][0, :years.index(YEAR)], b["co2_net"][0, :years.index(YEAR)]),
                  "the shared years are the same in both variants")
            # Dearer gas changes the plants' costs (on this small dataset not their routes).
            check(not np.array_equal(a["energy_cost"][0], b["energy_cost"][0]), "dearer gas changed nothing")

        bad = os.path.join(tmp, "refused")
        sweep = os.path.join(tmp, "sweep.h5")
        check(run(binary, "sweep", "--scenario", os.path.join(root, "tests/data/small/scenario.toml"), "--runs", 2,
                  "--quiet", "--out", sweep).returncode == 0, "a sweep file to misuse")
        refused(run(binary, "sweep", "--branch-from", sweep, "--year", YEAR, "--scenario", same, "--out", bad), bad,
                "not an eiisim run file", "a sweep file as the state")
        text = os.path.join(tmp, "state.txt")
        with open(text, "w") as f:
            f.write("not hdf5\n")
        refused(run(binary, "sweep", "--branch-from", text, "--year", YEAR, "--scenario", same, "--out", bad), bad,
                "state.txt", "a text file as the state")
        refused(run(binary, "sweep", "--branch-from", state, "--year", 2051, "--scenario", same, "--out", bad), bad,
                "outside the run's years 2020-2050", "a year after the run")
        # A variant on an edited copy of the dataset.
        copy = os.path.join(tmp, "dataset")
        subprocess.run(["cp", "-r", os.path.join(root, "tests/data/small/dataset"), copy], check=True)
        with open(os.path.join(copy, "edges.csv"), "a") as f:
            f.write("# edited\n")
        with open(same) as f:
            moved = f.read().replace(os.path.join(root, "tests/data/small/dataset"), copy)
        other = os.path.join(tmp, "other.toml")
        with open(other, "w") as f:
            f.write(moved)
        refused(run(binary, "sweep", "--branch-from", state, "--year", YEAR, "--scenario", other, "--out", bad), bad,
                "edges.csv", "a variant on another dataset")
    if failures:
        print("{} failure(s)".format(len(failures)))
        sys.exit(1)
    print("branch: ok")


if __name__ == "__main__":
    main()
