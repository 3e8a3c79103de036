#!/usr/bin/python3
"""tools/compare_scenarios.py runs the six scenarios and prints a sound table.

Usage: test_compare_scenarios.py <path-to-eiisim-binary> <repo-root>

Runs `tools/compare_scenarios.py --eiisim ... --results TMP --csv TMP/table.csv` on all
scenarios in scenarios/ (each run takes well under a second), then checks:
  - one column per scenario, current-policy first; the expected rows (net CO2 2030 and
    2050 per cluster and national, relocated CO2 2050, subsidy paid and committed,
    production retained, route mix by each of the eight kinds), every number finite;
  - the text table and the CSV agree; national = sum of clusters; route-mix shares sum
    to 1; production retained in [0, 1]; subsidy paid <= committed;
  - national net CO2 2030/2050, cumulative subsidy paid and the network tariffs, energy tax
    and compensation of the energy cost stack equal figures computed here directly from the
    result files with h5py;
  - reading the written results again (--results only) prints the same table, and a
    missing result file is an error.
Exits non-zero on any failure.
"""

import csv
import math
import os
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

KINDS = ["keep", "electrify", "ccs", "hydrogen", "import", "bio", "relocate", "close", "relocate_eu"]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def tool(repo, args):
    cmd = ["/usr/bin/python3", os.path.join(repo, "tools", "compare_scenarios.py")] + args
    return subprocess.run(cmd, cwd=repo, capture_output=True, text=True)


def strings(dataset):
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in dataset[()]]


def parse_text_table(stdout):
    """{label: [cells]} and the column names from the printed table."""
    lines = stdout.splitlines()
    header_index = next(i for i, line in enumerate(lines) if line.startswith("metric"))
    columns = lines[header_index].split()[1:]
    rows = {}
    for line in lines[header_index + 2:]:
        if not line.strip():
            continue
        label, _, cells = line.rpartition("]")
        rows[label + "]"] = cells.split()
    return columns, rows


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    eiisim, repo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    scenarios = sorted(os.path.splitext(n)[0] for n in os.listdir(os.path.join(repo, "scenarios"))
                       if n.endswith(".toml"))
    check(len(scenarios) >= 2, "fewer than two scenarios in scenarios/: {}".format(scenarios))
    expected_columns = ["current-policy"] + [s for s in scenarios if s != "current-policy"]

    tmp = tempfile.mkdtemp(prefix="eiisim-compare-")
    try:
        results = os.path.join(tmp, "results")
        table_csv = os.path.join(tmp, "table.csv")
        proc = tool(repo, ["--eiisim", eiisim, "--results", results, "--csv", table_csv])
        print(proc.stdout)
        if not check(proc.returncode == 0, "compare_scenarios.py exited {}: {}".format(proc.returncode,
                                                                                      proc.stderr)):
            return 1
        check(sorted(os.listdir(results)) == sorted(s + ".h5" for s in scenarios),
              "results folder holds {}".format(sorted(os.listdir(results))))

        # --- the text table -----------------------------------------------------------
        columns, text_rows = parse_text_table(proc.stdout)
        check(columns == expected_columns, "columns {} != {}".format(columns, expected_columns))
        with h5py.File(os.path.join(results, "current-policy.h5"), "r") as f:
            cluster_ids = strings(f["cluster"])
            cluster_names = strings(f["cluster_name"])
            kinds = strings(f["kind"])
        check(kinds == KINDS, "kinds in the result file {} != {}".format(kinds, KINDS))
        expected_labels = []
        for year in (2030, 2050):
            expected_labels += ["net CO2 {}: {} [Mt]".format(year, n) for n in cluster_names]
            expected_labels.append("net CO2 {}: national [Mt]".format(year))
        expected_labels += ["relocated CO2 2050 (outside EU) [Mt]", "relocated CO2 2050 (within EU) [Mt]",
                            "embodied CO2 of replacement imports 2050 [Mt]",
                            "subsidy paid, cumulative [bn EUR]",
                            "subsidy committed, cumulative [bn EUR]",
                            "network tariffs paid by the plants, cumulative [bn EUR]",
                            "energy tax paid by the plants, cumulative [bn EUR]",
                            "IKC and other compensation received, cumulative [bn EUR]",
                            "production retained 2050 (value, of base) [share]"]
        for year in (2030, 2050):
            expected_labels += ["jobs {} [k FTE]".format(year), "jobs {} (of base) [share]".format(year),
                                "value added {} [bn EUR]".format(year),
                                "value added {} (of base) [share]".format(year)]
        expected_labels += ["route mix 2050: {} [share]".format(k) for k in KINDS]
        check(list(text_rows) == expected_labels, "rows of the text table:\n  {}\nexpected:\n  {}".format(
            list(text_rows), expected_labels))
        for label, cells in text_rows.items():
            check(len(cells) == len(expected_columns), "row '{}' has {} cells".format(label, len(cells)))
            for cell in cells:
                try:
                    check(math.isfinite(float(cell)), "row '{}': non-finite cell {}".format(label, cell))
                except ValueError:
                    check(False, "row '{}': cell {!r} is not a number".format(label, cell))

        # --- the CSV: full precision, same rows ---------------------------------------
        with open(table_csv, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            csv_rows = {row[0]: row for row in reader}
        check(header == ["metric", "label", "unit"] + expected_columns, "CSV header {}".format(header))
        check(len(csv_rows) == len(expected_labels), "CSV has {} rows, expected {}".format(len(csv_rows),
                                                                                            len(expected_labels)))
        values = {}
        for key, row in csv_rows.items():
            numbers = [float(v) for v in row[3:]]
            check(all(math.isfinite(v) for v in numbers), "CSV row {}: non-finite {}".format(key, numbers))
            values[key] = dict(zip(header[3:], numbers))
            label = "{} [{}]".format(row[1], row[2])
            if check(label in text_rows, "CSV row {} ({}) not in the text table".format(key, label)):
                digits = 3 if row[2] == "share" else 2
                printed = [float(c) for c in text_rows[label]]
                check(all(abs(p - v) <= 0.6 * 10 ** -digits for p, v in zip(printed, numbers)),
                      "text row {} {} disagrees with the CSV {}".format(label, printed, numbers))

        # --- consistency of the figures ---------------------------------------------------
        with h5py.File(os.path.join(results, "current-policy.h5"), "r") as f:
            jobs = f["cluster_jobs"][()].sum(axis=2).mean(axis=0)  # [year]
            years = [int(y) for y in f["year"][()]]
        for year in (2030, 2050):
            direct = jobs[years.index(year)]
            check(abs(values["jobs_{}".format(year)]["current-policy"] * 1e3 - direct) <= 1e-6 * direct,
                  "jobs {}: table {} != file {}".format(year, values["jobs_{}".format(year)]["current-policy"], direct))
            check(abs(values["jobs_retained_{}".format(year)]["current-policy"] - direct / jobs[0]) <= 1e-9,
                  "jobs retained {} is not jobs over the base year's".format(year))
        for s in expected_columns:
            for year in (2030, 2050):
                clusters = sum(values["net_co2_{}_mt.{}".format(year, c)][s] for c in cluster_ids)
                national = values["net_co2_{}_mt.national".format(year)][s]
                check(abs(clusters - national) <= 1e-9 * max(1.0, abs(national)),
                      "{}: net CO2 {} clusters sum {} != national {}".format(s, year, clusters, national))
                check(national >= 0, "{}: negative national net CO2 {} in {}".format(s, national, year))
            mix = sum(values["route_mix_2050.{}".format(k)][s] for k in KINDS)
            check(abs(mix - 1.0) <= 1e-9, "{}: route-mix shares sum to {}".format(s, mix))
            retained = values["production_retained_2050"][s]
            check(0.0 <= retained <= 1.0 + 1e-12, "{}: production retained {}".format(s, retained))
            check(values["relocated_co2_2050_mt"][s] >= 0, "{}: negative relocated CO2".format(s))
            paid, committed = values["subsidy_paid_bn_eur"][s], values["subsidy_committed_bn_eur"][s]
            check(0.0 <= paid <= committed + 1e-9, "{}: subsidy paid {} vs committed {}".format(s, paid, committed))

            # Independent figures straight from the file.
            with h5py.File(os.path.join(results, s + ".h5"), "r") as f:
                years = list(f["year"][()])
                for year in (2030, 2050):
                    direct = float(f["co2_net"][0, years.index(year), :].sum()) / 1e6
                    tabled = values["net_co2_{}_mt.national".format(year)][s]
                    check(abs(direct - tabled) <= 1e-9 * max(1.0, direct),
                          "{}: national net CO2 {}: table {} vs plants' co2_net {}".format(s, year, tabled, direct))
                # The energy cost stack's public side, straight from the plant series.
                parts = strings(f["energy_part"])
                stack = f["energy_cost"][0]  # [year, plant, part]
                for key, names, sign in (("network_paid_bn_eur", ["network"], 1.0),
                                         ("energy_tax_paid_bn_eur", ["energy_tax"], 1.0),
                                         ("compensation_received_bn_eur", ["ikc", "other_compensation"], -1.0)):
                    direct = sign * float(sum(stack[:, :, parts.index(n)].sum() for n in names)) / 1e9
                    check(abs(direct - values[key][s]) <= 1e-9 * max(1.0, abs(direct)),
                          "{}: {}: table {} vs file {}".format(s, key, values[key][s], direct))
                    check(values[key][s] >= -1e-9, "{}: {} is negative: {}".format(s, key, values[key][s]))
                direct_paid = float(np.sum(f["instrument_paid"][0, :, :])) / 1e9
                check(abs(direct_paid - paid) <= 1e-9 * max(1.0, direct_paid),
                      "{}: subsidy paid: table {} vs file {}".format(s, paid, direct_paid))
                base = f["plant_base_value"][()]
                sectors = [x.decode() if isinstance(x, bytes) else str(x) for x in f["plant_sector"][()]]
                check(all(b == 0 for b, sector in zip(base, sectors) if sector == "power"),
                      "{}: power plants weigh in the base-year production value".format(s))
                value = f["cluster_production_value"][0]
                direct_retained = float(value[years.index(2050)].sum() / value[0].sum())
                check(abs(direct_retained - retained) <= 1e-12,
                      "{}: production retained: table {} vs file {}".format(s, retained, direct_retained))
                kind_2050 = f["route_kind"][0, years.index(2050), :]
                closed = float(base[kind_2050 == KINDS.index("close")].sum() / base.sum())
                check(abs(closed - values["route_mix_2050.close"][s]) <= 1e-12,
                      "{}: closed share: table {} vs file {}".format(s, values["route_mix_2050.close"][s], closed))

        # --- reading the written results again -----------------------------------------
        again = tool(repo, ["--results", results])
        check(again.returncode == 0 and again.stdout == proc.stdout,
              "reading the results again (exit {}) printed another table:\n{}{}".format(
                  again.returncode, again.stdout, again.stderr))
        two = tool(repo, ["--results", results, "high-ets", "current-policy"])
        two_columns, two_rows = parse_text_table(two.stdout) if two.returncode == 0 else ([], {})
        check(two.returncode == 0 and two_columns == ["high-ets", "current-policy"] and
              len(two_rows) == len(expected_labels),
              "two named scenarios: exit {}, columns {}: {}".format(two.returncode, two_columns, two.stderr))
        missing = tool(repo, ["--results", os.path.join(tmp, "no-results")])
        check(missing.returncode != 0 and "no-results" in missing.stderr,
              "missing results: exit {}, stderr {!r}".format(missing.returncode, missing.stderr))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print("{} failure(s)".format(len(failures)))
        return 1
    print("compare_scenarios: OK ({} scenarios, {} rows)".format(len(expected_columns), len(expected_labels)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
