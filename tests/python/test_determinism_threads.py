#!/usr/bin/python3
"""A run's result file does not depend on the number of worker threads.

Usage: test_determinism_threads.py <path-to-eiisim-binary> <repo-root>

Runs the Dutch default scenario (scenarios/current-policy.toml) with the same --seed on
1, 2 and 4 threads, with SOURCE_DATE_EPOCH fixed, then checks with h5py that every
dataset (dtype, shape, raw bytes; strings as strings) and every attribute (root and per
dataset; object references compared by the name they point to) is equal, and that the
files are byte-identical (`cmp`). A run with another seed must change the `route` panel
(otherwise the seed is not reaching the plants' choices). Exits non-zero on any failure.
"""

import os
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

SEED = 7
OTHER_SEED = 8
THREADS = [1, 2, 4]
EPOCH = "1700000000"  # 2023-11-14T22:13:20Z

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def run(eiisim, repo, out, seed, threads):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    cmd = [eiisim, "run", "--scenario", os.path.join(repo, "scenarios", "current-policy.toml"), "--out", out,
           "--seed", str(seed), "--threads", str(threads), "--quiet"]
    proc = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True)
    if proc.returncode != 0 or not os.path.isfile(out):
        print("FAIL: {} exited {}:\n{}{}".format(" ".join(cmd), proc.returncode, proc.stdout, proc.stderr))
        sys.exit(1)


def normalise(value, f):
    """An attribute or element value as plain, comparable Python data."""
    if isinstance(value, h5py.Reference):
        return ("ref", f[value].name if value else None)
    if isinstance(value, h5py.RegionReference):
        return ("regionref", f[value].name if value else None)
    if isinstance(value, np.ndarray):
        if value.dtype.names is not None:  # compound (e.g. REFERENCE_LIST)
            return ("compound", value.dtype.names, value.shape,
                    [tuple(normalise(row[name], f) for name in value.dtype.names) for row in value.flat])
        if value.dtype.kind == "O":
            return ("objects", value.shape, [normalise(v, f) for v in value.flat])
        return ("array", value.dtype.str, value.shape, value.tobytes())
    if isinstance(value, np.generic):
        return ("scalar", value.dtype.str, value.tobytes())
    if isinstance(value, bytes):
        return ("bytes", value)
    if isinstance(value, str):
        return ("str", value)
    return ("other", repr(value))


def attributes(obj, f):
    return {name: normalise(obj.attrs[name], f) for name in obj.attrs}


def describe(f):
    """Every object of the file: path -> (kind, details)."""
    objects = {"/": ("group", None)}
    f.visititems(lambda name, obj: objects.__setitem__(
        "/" + name, ("dataset", obj) if isinstance(obj, h5py.Dataset) else ("group", obj)))
    return objects


def compare_files(path_a, path_b, label):
    """Compare every dataset and attribute; returns the number of datasets compared."""
    compared = 0
    with h5py.File(path_a, "r") as fa, h5py.File(path_b, "r") as fb:
        objects_a, objects_b = describe(fa), describe(fb)
        check(sorted(objects_a) == sorted(objects_b),
              "{}: objects differ: only in first {}, only in second {}".format(
                  label, sorted(set(objects_a) - set(objects_b)), sorted(set(objects_b) - set(objects_a))))
        for path in sorted(set(objects_a) & set(objects_b)):
            kind_a, kind_b = objects_a[path][0], objects_b[path][0]
            if not check(kind_a == kind_b, "{}: {} is a {} in one file and a {} in the other".format(
                    label, path, kind_a, kind_b)):
                continue
            attrs_a, attrs_b = attributes(fa[path], fa), attributes(fb[path], fb)
            check(list(attrs_a) == list(attrs_b),
                  "{}: {} attribute names differ: {} vs {}".format(label, path, list(attrs_a), list(attrs_b)))
            for name in set(attrs_a) & set(attrs_b):
                check(attrs_a[name] == attrs_b[name], "{}: attribute {}@{} differs".format(label, path, name))
            if kind_a != "dataset":
                continue
            da, db = fa[path], fb[path]
            compared += 1
            if not check(da.dtype == db.dtype and da.shape == db.shape,
                         "{}: {} dtype/shape {} {} vs {} {}".format(label, path, da.dtype, da.shape, db.dtype,
                                                                     db.shape)):
                continue
            if h5py.check_string_dtype(da.dtype) is not None:
                va = [x for x in np.asarray(da.asstr()[()]).ravel()] if da.shape != () else [da.asstr()[()]]
                vb = [x for x in np.asarray(db.asstr()[()]).ravel()] if db.shape != () else [db.asstr()[()]]
                check(va == vb, "{}: string dataset {} differs".format(label, path))
            elif da.dtype.kind == "O" or da.dtype.names is not None:
                check(normalise(da[()], fa) == normalise(db[()], fb), "{}: dataset {} differs".format(label, path))
            else:
                va, vb = da[()], db[()]
                same_values = np.array_equal(va, vb, equal_nan=va.dtype.kind in "fc")
                same_bytes = np.asarray(va).tobytes() == np.asarray(vb).tobytes()
                if not check(same_values and same_bytes, "{}: dataset {} differs".format(label, path)):
                    diff = np.argwhere(np.asarray(va != vb))
                    print("    first differing index {} of {}: {} vs {}".format(
                        tuple(diff[0]) if len(diff) else "?", len(diff),
                        va[tuple(diff[0])] if len(diff) else "?", vb[tuple(diff[0])] if len(diff) else "?"))
    return compared


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    eiisim, repo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tmp = tempfile.mkdtemp(prefix="eiisim-determinism-")
    try:
        outs = {}
        for threads in THREADS:
            outs[threads] = os.path.join(tmp, "seed{}-threads{}.h5".format(SEED, threads))
            run(eiisim, repo, outs[threads], SEED, threads)
        other = os.path.join(tmp, "seed{}-threads2.h5".format(OTHER_SEED))
        run(eiisim, repo, other, OTHER_SEED, 2)

        reference = outs[THREADS[0]]
        with h5py.File(reference, "r") as f:
            check(int(f.attrs["seed"]) == SEED, "seed attribute is {}, expected {}".format(f.attrs["seed"], SEED))
            created = f.attrs["created"]
            created = created.decode() if isinstance(created, bytes) else str(created)
            check(created.startswith("2023-11-14T22:13:20"),
                  "created = {!r} does not follow SOURCE_DATE_EPOCH={}".format(created, EPOCH))
            check(f["route"].shape[2] > 100, "route panel has only {} plants: not the Dutch dataset?".format(
                f["route"].shape[2]))

        for threads in THREADS[1:]:
            label = "threads 1 vs {}".format(threads)
            n = compare_files(reference, outs[threads], label)
            check(n >= 40, "{}: only {} datasets compared".format(label, n))
            proc = subprocess.run(["cmp", reference, outs[threads]], capture_output=True, text=True)
            check(proc.returncode == 0, "{}: files are not byte-identical: {}".format(
                label, (proc.stdout + proc.stderr).strip()))
            print("{}: {} datasets and their attributes equal; cmp: {}".format(
                label, n, "identical" if proc.returncode == 0 else "DIFFERENT"))

        with h5py.File(reference, "r") as fa, h5py.File(other, "r") as fb:
            ra, rb = fa["route"][()], fb["route"][()]
            changed = int(np.count_nonzero(ra != rb))
            print("seed {} vs {}: {} of {} route entries differ".format(SEED, OTHER_SEED, changed, ra.size))
            check(ra.shape == rb.shape and changed > 0,
                  "seed {} and seed {} give the same route panel: the seed has no effect".format(SEED, OTHER_SEED))
            check(int(fb.attrs["seed"]) == OTHER_SEED, "seed attribute of the other run is {}".format(
                fb.attrs["seed"]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print("{} failure(s)".format(len(failures)))
        return 1
    print("determinism across threads: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
