#!/usr/bin/python3
"""tools/spread_sources.py: the spread of national net CO2 split by plant and by agreement.

Usage: test_spread_sources.py <path-to-eiisim-binary> <repo-root>

Runs current-policy with seeds 1-4 for 2030, as drawn and with Tata's deal fixed on time
([agreements.fixed], docs/ODD.md §7.15), and checks that the plants' variance shares add
up to 1; that every agreement drawn per run (EoP, JLoI) is reported with outcome groups
covering all runs; that the run files record the fixed outcome (every run on_time, so the
deal explains none of the spread: eta^2 = 0); and that a binding agreement is never
reported as drawn.

Then a 6-run sweep of current-policy (`eiisim sweep`, KPIs only): `--sweep FILE` reads it
without running anything; each run's agreement outcomes in the sweep file are those of the
run replayed on its own (`eiisim run --from-sweep`, for the first and last run); the
national quantiles are those of the file's net_co2 and every eta^2 is recomputed here from
the file's values.
"""

import json
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def fixed_scenario(repo, folder):
    """current-policy with Tata's deal fixed on time, written to `folder` (dataset path absolute)."""
    path = os.path.join(repo, "scenarios", "current-policy.toml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    dataset = os.path.join(repo, "clusters", "nl")
    text = text.replace('dataset = "../clusters/nl"', 'dataset = "{}"'.format(dataset), 1)
    out = os.path.join(folder, "tata-on-time.toml")
    with open(out, "w", encoding="utf-8") as f:
        f.write(text + '\n[agreements.fixed]\ntata_2025 = "on_time"\n')
    return out


SWEEP_RUNS = 6


def replayed_outcomes(eiisim, repo, sweep, run, tmp):
    """Each agreement's outcome name in run `run` of the sweep, replayed into a run file."""
    out = os.path.join(tmp, "replay{}.h5".format(run))
    subprocess.run([eiisim, "run", "--from-sweep", sweep, "--run", str(run), "--quiet", "--out", out], check=True,
                   cwd=repo)
    with h5py.File(out, "r") as f:
        meanings = f["agreement_outcome"].attrs["flag_meanings"]
        meanings = (meanings.decode() if isinstance(meanings, bytes) else str(meanings)).split()
        return [meanings[int(k)] for k in f["agreement_outcome"][0]]


def check_sweep(eiisim, repo, tmp):
    import spread_sources
    from eiisim_results.agreement_outcomes import read_agreement_outcomes

    sweep = os.path.join(tmp, "sweep.h5")
    subprocess.run([eiisim, "sweep", "--scenario", os.path.join(repo, "scenarios", "current-policy.toml"), "--runs",
                    str(SWEEP_RUNS), "--seed", "3", "--threads", "2", "--quiet", "--out", sweep], check=True, cwd=repo)
    agreements = read_agreement_outcomes(sweep)
    check(agreements.runs == SWEEP_RUNS, "sweep file: {} runs of agreement outcomes".format(agreements.runs))
    for run in (0, SWEEP_RUNS - 1):
        names = [agreements.names(a)[run] for a in range(len(agreements.agreements))]
        check(names == replayed_outcomes(eiisim, repo, sweep, run, tmp),
              "run {}: the sweep's agreement outcomes are those of the run replayed".format(run))

    report_path = os.path.join(tmp, "spread.json")
    check(spread_sources.main(["--sweep", sweep, "--year", "2030", "--json", report_path]) == 0,
          "spread_sources --sweep exits 0")
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    with h5py.File(sweep, "r") as f:
        total = f["net_co2"][:, list(f["milestone"][()]).index(2030)] / 1e6
    check(np.allclose(report["national"]["quantiles"], [np.percentile(total, 5), np.median(total),
                                                        np.percentile(total, 95)], rtol=1e-12),
          "--sweep: national quantiles of the file's net_co2")
    names = [row["agreement"] for row in report["agreements"]]
    check("tata_2025" in names and "nobian_2024" not in names, "--sweep: drawn agreements only: {}".format(names))
    for row in report["agreements"]:
        outcomes = np.array(agreements.names(agreements.agreements.index(row["agreement"])))
        between = sum((outcomes == g).sum() * (total[outcomes == g].mean() - total.mean()) ** 2 for g in set(outcomes))
        eta2 = between / ((total - total.mean()) ** 2).sum()
        check(abs(row["eta2"] - eta2) < 1e-12, "--sweep: {} eta^2 {} != {}".format(row["agreement"], row["eta2"], eta2))
        check(sum(g["runs"] for g in row["groups"].values()) == SWEEP_RUNS, "--sweep: {} groups cover the runs".format(
            row["agreement"]))
    check(spread_sources.main(["--sweep", sweep, "--year", "2031"]) == 1, "--sweep: a year that is no milestone fails")


def main():
    eiisim, repo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    sys.path.insert(0, os.path.join(repo, "tools"))
    import spread_sources
    from seed_ensemble import ensemble

    seeds = range(1, 5)
    drawn = [r for _, r in sorted(ensemble(eiisim, os.path.join(repo, "scenarios", "current-policy.toml"), seeds, 2,
                                           read=spread_sources.read_run(2030)).items())]
    report = spread_sources.analyse(drawn, top=5)
    check(abs(report["share_sum"] - 1.0) < 1e-9, "plant shares add up to {}, not 1".format(report["share_sum"]))
    names = [row["agreement"] for row in report["agreements"]]
    check("tata_2025" in names, "tata_2025 (a JLoI) is reported: {}".format(names))
    check("nobian_2024" not in names, "nobian_2024 is binding in the data, not drawn: {}".format(names))
    for row in report["agreements"]:
        runs = sum(group["runs"] for group in row["groups"].values())
        check(runs == len(drawn), "{}: groups cover {} of {} runs".format(row["agreement"], runs, len(drawn)))
        check(set(row["groups"]) <= {"on_time", "late", "failed"}, "{}: groups {}".format(row["agreement"], row["groups"]))
        check(-1e-12 <= row["eta2"] <= 1 + 1e-12, "{}: eta^2 {}".format(row["agreement"], row["eta2"]))

    with tempfile.TemporaryDirectory() as tmp:
        scenario = fixed_scenario(repo, tmp)
        fixed = [r for _, r in sorted(ensemble(eiisim, scenario, seeds, 2, read=spread_sources.read_run(2030)).items())]
    tata = fixed[0]["agreements"].index("tata_2025")
    check(all(r["outcomes"][tata] == "on_time" for r in fixed),
          "fixed on time in every run: {}".format([r["outcomes"][tata] for r in fixed]))
    row = next(r for r in spread_sources.analyse(fixed, top=5)["agreements"] if r["agreement"] == "tata_2025")
    check(list(row["groups"]) == ["on_time"] and row["eta2"] == 0.0, "a fixed deal explains nothing: {}".format(row))
    with tempfile.TemporaryDirectory() as tmp:
        check_sweep(eiisim, repo, tmp)
    print("{} failure(s)".format(len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
