#!/usr/bin/python3
"""Golden outputs: fail on any unintended change of eiisim's results or file layout.

Usage:
  golden.py check    <eiisim-binary> <repo-root> [--rename NEW=OLD ...]
                                                   run the cases, compare with the golden CSVs;
                                                   --rename compares a renamed variable NEW
                                                   with the golden OLD (values, dims, units)
  golden.py refresh  <eiisim-binary> <repo-root>   run the cases, rewrite the golden CSVs
  golden.py selftest <eiisim-binary> <repo-root>   show the comparison catches changes
                                                   (binary unused; no model run)

Each case (CASES) is one `eiisim run` or `eiisim sweep` at a fixed seed. Its output file
is turned into four CSV tables under tests/regression/golden/<case>/ (see README.md):
layout.csv, kpis.csv, series.csv and digest.csv. Names, dimensions, dtypes, units and
long names are compared exactly; numbers within RTOL/ATOL (README.md says why).
Exit status: 0 when everything matches, 1 on a difference, 2 on a usage or setup error.
"""

import csv
import hashlib
import math
import os
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

RTOL = 1e-9
ATOL = 1e-9
MAX_LINES = 30
MAX_FLAG_WORDS = 16
GOLDEN_DIR = os.path.join("tests", "regression", "golden")
TABLES = ("layout", "kpis", "series", "digest")
DUTCH_CLUSTERS = ("rotterdam_moerdijk", "zeeland_west_brabant", "noordzeekanaalgebied",
                  "noord_nederland", "chemelot", "cluster6")

# name, command line (paths relative to the repo root; --out is added), the seed the
# file must record, and the clusters it must cover. The seed-42 cases rely on the
# scenario's own `seed = 42`, so a settings-schema change that loses it is caught.
SMALL_SWEEP = ["sweep", "--scenario", "tests/data/small/scenario_sweep.toml", "--runs", "8",
               "--sampler", "lhs", "--seed", "1", "--save", "clusters"]
CASES = (
    ("current-policy_seed42", ["run", "--scenario", "scenarios/current-policy.toml"], 42, DUTCH_CLUSTERS),
    ("current-policy_seed7", ["run", "--scenario", "scenarios/current-policy.toml", "--seed", "7"], 7,
     DUTCH_CLUSTERS),
    ("high-ets_seed42", ["run", "--scenario", "scenarios/high-ets.toml"], 42, DUTCH_CLUSTERS),
    ("delayed-infrastructure_seed42", ["run", "--scenario", "scenarios/delayed-infrastructure.toml"], 42,
     DUTCH_CLUSTERS),
    ("small-sweep_lhs8_seed1", SMALL_SWEEP, 1, ("rotterdam_moerdijk", "zeeland_west_brabant", "chemelot")),
)

# Global attributes whose values are results of the inputs (not of the build or clock).
STABLE_GLOBALS = ("title", "model", "scenario", "Conventions", "base_year", "end_year", "seed", "run",
                  "runs", "sampler")
# Dimensions a yearly series (series.csv) or a KPI (kpis.csv) may have; canonical column
# order. `parameter` brings a sweep's design (its inputs) into kpis.csv next to its outcomes.
SERIES_DIMS = ("run", "quantile", "year", "cluster", "kind")
KPI_DIMS = ("run", "milestone", "cluster", "parameter")
PLUMBING_ATTRS = ("DIMENSION_LIST", "REFERENCE_LIST", "CLASS", "NAME")


# ---------------------------------------------------------------- reading a result file

def text(value):
    """Attribute or string element as str: h5py hands back bytes for char data."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray):
        return " ".join(text(v) for v in value.tolist())
    return str(value)


def number(value):
    """Full-precision text of a number: repr round-trips a float64 exactly."""
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    return str(int(value))


def dims_of(dset):
    """Dimension names of a variable; a coordinate variable's only dimension is itself."""
    if h5py.h5ds.is_scale(dset.id):
        return (dset.name.lstrip("/"),)
    return tuple(d[0].name.lstrip("/") if len(d) else "?" for d in dset.dims)


def labels_of(f, dim, single_run):
    """Coordinate labels of a dimension, as text; one empty label for a dropped `run`."""
    if dim == "run" and single_run:
        return [None]
    return [text(v) if isinstance(v, bytes) else number(v) for v in f[dim][()].tolist()]


def flags_text(attrs):
    """flag_meanings for layout.csv: in full for a fixed code list (status, kind, ...);
    a data-derived list (route: the 670 technology ids) as count + hash, so the layout
    file stays readable and still changes when the codes do."""
    words = text(attrs.get("flag_meanings", "")).split()
    if len(words) <= MAX_FLAG_WORDS:
        return " ".join(words)
    return f"{len(words)} flags, sha256 {hashlib.sha256(' '.join(words).encode('utf-8')).hexdigest()[:16]}"


def dtype_text(dset):
    """dtype as written in layout.csv: numpy name, or string(encoding[,length])."""
    info = h5py.check_string_dtype(dset.dtype)
    if info is not None:
        return f"string({info.encoding})" if info.length is None else f"string({info.encoding},{info.length})"
    return dset.dtype.name


def variables(f):
    """(path, dataset) of every variable, by path. eiisim writes only to the root group;
    walking subgroups too means a variable moved into a group reads as moved, not lost."""
    found = []
    f.visititems(lambda path, obj: found.append((path, obj)) if isinstance(obj, h5py.Dataset) else None)
    return sorted(found, key=lambda item: item[0])


def groups(f):
    """Paths of all subgroups (none today: a new one is a layout change)."""
    found = []
    f.visititems(lambda path, obj: found.append(path) if isinstance(obj, h5py.Group) else None)
    return sorted(found)


# ---------------------------------------------------------------- the four tables

def layout_table(f):
    """Names/dims/dtype/units/long_name of every variable and global attribute names.

    Values of global attributes are left out (timestamps, revisions change); attribute
    names other than the HDF5 dimension-scale plumbing are listed, so adding or
    dropping `comment`, `flag_values` etc. shows up.
    """
    header = ["kind", "name", "dims", "dtype", "units", "long_name", "flag_meanings", "attributes"]
    rows = [["global_attribute", name, "", "", "", "", "", ""] for name in sorted(f.attrs)]
    rows += [["group", path, "", "", "", "", "", ""] for path in groups(f)]
    for name, dset in variables(f):
        attrs = dset.attrs
        extra = sorted(a for a in attrs if a not in PLUMBING_ATTRS + ("units", "long_name", "flag_meanings"))
        rows.append(["variable", name, " ".join(dims_of(dset)), dtype_text(dset),
                     text(attrs.get("units", "<none>")), text(attrs.get("long_name", "<none>")),
                     flags_text(attrs), " ".join(extra)])
    return header, rows


def long_table(f, names, dim_order):
    """Long format: one row per element, a column per dimension in dim_order, then value."""
    single_run = f["run"].shape == (1,)
    used = {d for name in names for d in dims_of(f[name])}
    columns = [d for d in dim_order if d in used and not (d == "run" and single_run)]
    rows = []
    for name in names:
        dset = f[name]
        dims = dims_of(dset)
        data = dset[()]
        labels = [labels_of(f, d, single_run) for d in dims]
        for index in np.ndindex(*data.shape):
            where = {d: labels[k][i] for k, (d, i) in enumerate(zip(dims, index))}
            rows.append([name] + [where.get(c) or "" for c in columns] + [number(data[index])])
    return ["variable"] + columns + ["value"], rows


def classify(f):
    """Split variables into KPIs, yearly series and the rest (digested), by their dims."""
    kpis, series, rest = [], [], []
    for name, dset in variables(f):
        dims = set(dims_of(dset))
        numeric = dset.dtype.kind in "fiub"
        if h5py.h5ds.is_scale(dset.id) or not numeric:
            rest.append(name)
        elif "year" in dims and dims <= set(SERIES_DIMS):
            series.append(name)
        elif "run" in dims and dims <= set(KPI_DIMS):
            kpis.append(name)
        else:
            rest.append(name)
    return kpis, series, rest


def digest_stats(values):
    """Fingerprint of an array too big to keep whole (plant panels, event log, ...).

    count; sums of the positive and of the negative elements (no cancellation, so the
    relative tolerance stays meaningful); |x| weighted by position (catches two plants
    swapping values). Strings: count and SHA-256 of the elements in order.
    """
    flat = values.reshape(-1)
    if flat.dtype.kind in "OSU":
        joined = "\n".join(text(v) for v in flat.tolist())
        return [("count", str(flat.size)), ("sha256", hashlib.sha256(joined.encode("utf-8")).hexdigest())]
    x = flat.astype(np.float64)
    weights = 1.0 + np.arange(x.size, dtype=np.float64) / max(x.size, 1)
    return [("count", str(x.size)), ("pos_sum", number(x[x > 0].sum())), ("neg_sum", number(x[x < 0].sum())),
            ("weighted_abs", number((np.abs(x) * weights).sum()))]


def digest_table(f, names):
    """Digest rows (per year where a variable has `year`) plus stable global attributes."""
    rows = [["@" + a, "", "value", text(f.attrs[a])] for a in STABLE_GLOBALS if a in f.attrs]
    for name in names:
        dset = f[name]
        data = dset[()]
        dims = dims_of(dset)
        if "year" in dims and not h5py.h5ds.is_scale(dset.id):
            axis = dims.index("year")
            for i, year in enumerate(f["year"][()].tolist()):
                slab = np.take(data, i, axis=axis)
                rows += [[name, str(year), stat, value] for stat, value in digest_stats(slab)]
        else:
            rows += [[name, "", stat, value] for stat, value in digest_stats(np.asarray(data))]
    return ["variable", "year", "stat", "value"], rows


def tables_of(path):
    """All four golden tables of one output file, as {table: (header, rows)}."""
    with h5py.File(path, "r") as f:
        kpis, series, rest = classify(f)
        return {"layout": layout_table(f), "kpis": long_table(f, kpis, KPI_DIMS),
                "series": long_table(f, series, SERIES_DIMS), "digest": digest_table(f, rest)}


# ---------------------------------------------------------------- CSV files

def write_csv(path, table):
    """Write (header, rows) as CSV with Unix line ends (stable diffs)."""
    header, rows = table
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def read_csv(path):
    """(header, rows) of a golden CSV."""
    with open(path, newline="", encoding="utf-8") as src:
        reader = csv.reader(src)
        header = next(reader, [])
        return header, [row for row in reader]


# ---------------------------------------------------------------- comparing

def values_match(expected, got):
    """Numbers within ATOL + RTOL*|expected| (NaN equals NaN); anything else exactly."""
    try:
        e, g = float(expected), float(got)
    except ValueError:
        return expected == got
    if math.isnan(e) or math.isnan(g):
        return math.isnan(e) and math.isnan(g)
    if math.isinf(e) or math.isinf(g):
        return e == g
    return abs(g - e) <= ATOL + RTOL * abs(e)


def relative(expected, got):
    """' (rel 3.1e-04)' for two numbers, so a tolerance problem is told from a real change."""
    try:
        e, g = float(expected), float(got)
        return f" (rel {abs(g - e) / abs(e):.1e})" if e and math.isfinite(e) and math.isfinite(g) else ""
    except ValueError:
        return ""


def keyed(header, rows, table):
    """{key: compared fields}. Layout rows are keyed by kind+name, value rows by all but value."""
    width = 2 if table == "layout" else len(header) - 1
    return {tuple(r[:width]): r[width:] for r in rows}, header[:width], header[width:]


def describe(key_names, key):
    """'variable year=2030 cluster=chemelot' from a row key (empty fields left out);
    a layout key (kind, name) as 'variable cluster_co2_net'."""
    if key_names[:2] == ["kind", "name"]:
        return " ".join(key)
    parts = [key[0]] + [f"{n}={v}" for n, v in zip(key_names[1:], key[1:]) if v != ""]
    return " ".join(parts)


def compare_table(case, table, expected, got):
    """Differences between two (header, rows) tables, as short readable lines.

    Rows present on one side only are counted per variable (a renamed variable gives
    two lines, not hundreds).
    """
    if expected[0] != got[0]:
        return [f"{case} {table}: columns {','.join(expected[0])} -> {','.join(got[0])}"]
    exp, key_names, field_names = keyed(*expected, table)
    new, _, _ = keyed(*got, table)
    diffs = []
    for key in (k for k in exp if k in new):
        for name, e, g in zip(field_names, exp[key], new[key]):
            if not values_match(e, g):
                what = describe(key_names, key) + ("" if name == "value" else f" {name}")
                diffs.append(f"{case} {table}: {what}: expected {e!r}, got {g!r}{relative(e, g)}")
    for label, a, b in (("missing", exp, new), ("new", new, exp)):
        counts = {}
        for key in (k for k in a if k not in b):
            name = describe(key_names, key) if table == "layout" else key[0]
            counts[name] = counts.get(name, 0) + 1
        diffs += [f"{case} {table}: {label} {name} ({n} row{'s' if n > 1 else ''})" for name, n in counts.items()]
    return diffs


def coverage_problems(case, tables, clusters):
    """Why a case's golden tables would make a vacuous test (empty, or clusters missing)."""
    problems = [f"{case} {t}: no rows" for t in TABLES if not tables[t][1]]
    header, rows = tables["series"]
    if "cluster" in header and "year" in header:
        c, y = header.index("cluster"), header.index("year")
        seen = {r[c] for r in rows if r[0] == "cluster_co2_net"}
        years = {r[y] for r in rows if r[0] == "cluster_co2_net"}
        missing = sorted(set(clusters) - seen)
        if missing or len(years) < 2:
            problems.append(f"{case} series: cluster_co2_net lacks clusters {missing} or years ({len(years)})")
    else:
        problems.append(f"{case} series: no cluster/year columns")
    return problems


# ---------------------------------------------------------------- running the cases

def golden_path(root, case, table):
    """Where a case's golden table lives."""
    return os.path.join(root, GOLDEN_DIR, case, table + ".csv")


def produce(eiisim, root, case, tmp):
    """Run one case; return ({table: (header, rows)} or None, [problems]).

    The file must record the case's seed: the seed-42 cases take it from the scenario,
    and a loader that dropped it would otherwise be refreshed into the golden files.
    """
    name, argv, seed, _ = case
    out = os.path.join(tmp, name + ".h5")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    cmd = [eiisim] + argv + ["--threads", "2", "--quiet", "--out", out]
    proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return None, [f"{name}: `{' '.join(cmd)}` exited {proc.returncode}: " + " | ".join(tail)]
    with h5py.File(out, "r") as f:
        recorded = int(f.attrs.get("seed", -1))
    problems = [] if recorded == seed else [f"{name}: file records seed {recorded}, case expects {seed}"]
    return tables_of(out), problems


def load_golden(root, name):
    """The committed tables of one case ({table: (header, rows)}); absent ones empty."""
    tables = {}
    for table in TABLES:
        path = golden_path(root, name, table)
        tables[table] = read_csv(path) if os.path.exists(path) else ([], [])
    return tables


def stray_cases(root):
    """Golden folders that belong to no case (left behind by a renamed case)."""
    folder = os.path.join(root, GOLDEN_DIR)
    known = {case[0] for case in CASES}
    return sorted(d for d in os.listdir(folder) if d not in known) if os.path.isdir(folder) else []


def renamed(tables, renames):
    """Tables with variables renamed back (NEW -> OLD), so that an intended rename can be
    shown to keep values, dims and units before the golden files are refreshed."""
    if not renames:
        return tables
    out = {}
    for table, (header, rows) in tables.items():
        col = 1 if table == "layout" else 0
        out[table] = (header, [r[:col] + [renames.get(r[col], r[col])] + r[col + 1:] for r in rows])
    return out


def check(eiisim, root, renames=None):
    """Run every case and compare it with its golden tables; return all differences."""
    diffs = [f"{d}: golden folder of no case in golden.py" for d in stray_cases(root)]
    compared = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            expected = load_golden(root, case[0])
            diffs += coverage_problems(case[0], expected, case[3])
            got, problems = produce(eiisim, root, case, tmp)
            diffs += problems
            got = renamed(got, renames) if got else got
            for table in TABLES if got else ():
                diffs += compare_table(case[0], table, expected[table], got[table])
                compared += len(expected[table][1])
    return diffs, compared


def report(diffs, compared, eiisim, root):
    """Print the outcome: a short list of differences and how to refresh; exit status."""
    if not diffs:
        print(f"golden: {len(CASES)} cases, {compared} golden rows match")
        return 0
    print(f"golden: {len(diffs)} difference(s) from the golden outputs in {GOLDEN_DIR}/:")
    for line in diffs[:MAX_LINES]:
        print("  " + line)
    if len(diffs) > MAX_LINES:
        print(f"  ... and {len(diffs) - MAX_LINES} more ({len(diffs)} in all)")
    counts = {}
    for line in diffs:
        where = line.split(":")[0]
        counts[where] = counts.get(where, 0) + 1
    print("By case and table: " + ", ".join(f"{where} {n}" for where, n in counts.items()))
    print(f"Numbers are compared within rtol={RTOL:g}, atol={ATOL:g}; names, dims, dtypes, units exactly.")
    print("If this change is intended, refresh the golden files and say in the commit why results changed:")
    script = shown(os.path.join(root, GOLDEN_DIR, os.pardir, "golden.py"))
    print(f"  /usr/bin/python3 {script} refresh {shown(eiisim)} {shown(root)}")
    return 1


def shown(path):
    """A path as the user would type it: relative to the working directory when inside it."""
    rel = os.path.relpath(path)
    return rel if not rel.startswith(os.pardir) else os.path.normpath(path)


def refresh(eiisim, root):
    """Run every case and rewrite its golden tables; refuse to write vacuous ones."""
    produced, problems = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            got, case_problems = produce(eiisim, root, case, tmp)
            problems += case_problems
            if got:
                problems += coverage_problems(case[0], got, case[3])
                produced[case[0]] = got
    if problems:
        print("golden refresh: nothing written:\n  " + "\n  ".join(problems))
        return 1
    for stray in stray_cases(root):
        shutil.rmtree(os.path.join(root, GOLDEN_DIR, stray))
        print(f"removed {GOLDEN_DIR}/{stray} (no such case)")
    for name, tables in produced.items():
        os.makedirs(os.path.join(root, GOLDEN_DIR, name), exist_ok=True)
        for table in TABLES:
            write_csv(golden_path(root, name, table), tables[table])
        print(f"wrote {GOLDEN_DIR}/{name}/ ({', '.join(f'{t} {len(tables[t][1])}' for t in TABLES)} rows)")
    print("Review `git diff --stat tests/regression/golden` and say in the commit why results changed.")
    return 0


# ---------------------------------------------------------------- self-test

def perturbed(table, index, field, value):
    """Copy of a (header, rows) table with one field of one row replaced."""
    header, rows = table
    rows = [list(r) for r in rows]
    rows[index][field] = value
    return header, rows


def selftest_probes(name, series, layout):
    """(what, differences found, expected text of the one difference or None) for
    deliberate edits of a case's golden series and layout tables."""
    header, rows = series
    i = next(k for k, r in enumerate(rows) if r[0] == "cluster_co2_net" and r[header.index("year")] == "2030"
             and r[header.index("cluster")] == "chemelot")
    j = next(k for k, r in enumerate(layout[1]) if r[1] == "cluster_co2_net")
    value = float(rows[i][-1])
    step = max(abs(value), 1.0)

    def series_vs(edited):
        return compare_table(name, "series", series, edited)

    moved = {"series": perturbed(series, i, 0, "co2_net_by_cluster"),
             "layout": perturbed(layout, j, 1, "co2_net_by_cluster")}
    back = renamed(moved, {"co2_net_by_cluster": "cluster_co2_net"})
    return [
        ("identical", series_vs(series), None),
        ("1e-6 change", series_vs(perturbed(series, i, -1, repr(value + 1e-6 * step))),
         "cluster_co2_net year=2030 cluster=chemelot"),
        ("1e-12 change", series_vs(perturbed(series, i, -1, repr(value + 1e-12 * step))), None),
        ("dropped row", series_vs((header, rows[:i] + rows[i + 1:])), "missing cluster_co2_net (1 row)"),
        ("renamed unit", compare_table(name, "layout", layout, perturbed(layout, j, layout[0].index("units"), "kt/yr")),
         "cluster_co2_net units: expected 't/yr', got 'kt/yr'"),
        ("--rename", series_vs(back["series"]) + compare_table(name, "layout", layout, back["layout"]), None),
    ]


def selftest(root):
    """Show the comparison is not vacuous: golden files cover every case and cluster,
    and a 1e-6 change, a dropped row and a renamed unit are caught while a 1e-12
    change (below tolerance) and a variable renamed back with --rename are not.
    Needs no model run."""
    failures = []
    goldens = {case[0]: load_golden(root, case[0]) for case in CASES}
    for name, _, _, clusters in CASES:
        failures += coverage_problems(name, goldens[name], clusters)
    if failures:
        return failures
    name = CASES[0][0]
    for what, diffs, needle in selftest_probes(name, goldens[name]["series"], goldens[name]["layout"]):
        ok = (not diffs) if needle is None else (len(diffs) == 1 and needle in diffs[0])
        print(f"selftest {what}: {'ok' if ok else 'FAIL'}: {diffs[:2]}")
        failures += [] if ok else [f"selftest {what}: got {diffs[:3]}"]
    return failures


def parse_renames(args):
    """{NEW: OLD} from ['--rename', 'NEW=OLD', ...]; None when malformed."""
    if len(args) % 2 or any(a != "--rename" for a in args[::2]) or any("=" not in a for a in args[1::2]):
        return None
    return dict(a.split("=", 1) for a in args[1::2])


def main(argv):
    """golden.py check|refresh|selftest <eiisim> <repo-root> [--rename NEW=OLD ...]."""
    mode = argv[1] if len(argv) > 1 else ""
    renames = parse_renames(argv[4:]) if mode == "check" else ({} if len(argv) == 4 else None)
    if len(argv) < 4 or mode not in ("check", "refresh", "selftest") or renames is None:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    mode, eiisim, root = argv[1], os.path.abspath(argv[2]), os.path.abspath(argv[3])
    if mode == "selftest":
        failures = selftest(root)
        print("\n".join(failures) or "golden selftest: ok")
        return 1 if failures else 0
    if not os.access(eiisim, os.X_OK):
        print(f"golden: no executable eiisim at {eiisim}", file=sys.stderr)
        return 2
    if mode == "refresh":
        return refresh(eiisim, root)
    return report(*check(eiisim, root, renames), eiisim, root)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
