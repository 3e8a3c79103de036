#!/usr/bin/python3
"""tools/calibrate.py: the rejection-ABC pieces on synthetic data, then a small
calibration of the Dutch scenario end to end.

Usage: test_calibrate.py <path-to-eiisim-binary> <repo-root>

Synthetic: 4,000 runs of two settings drawn uniformly from [0, 1]; the simulated change
depends on the first only (change = -0.1 x a), the observations are those of a = 0.5.
Accepting the closest 5 % must narrow the first setting's range around 0.5 and leave the
second's as wide as its prior. End to end: 60 runs of current-policy in free hindcast
mode; the report names every prior setting, the accepted runs are the closest ones, and
the scenario text handed to the sweep ends in the last observed year, runs in free mode
and keeps no event or uncertain table after it.
"""

import json
import os
import subprocess
import sys
import tempfile

import numpy as np


def main():
    binary, root = sys.argv[1], sys.argv[2]
    sys.path.insert(0, os.path.join(root, "tools"))
    import calibrate as cal

    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)
            print("FAIL:", what)

    # --- synthetic posterior
    rng = np.random.default_rng(7)
    params = rng.uniform(size=(4000, 2))
    years = [2020, 2021, 2022]
    net = np.column_stack([np.ones(4000), 1 - 0.1 * params[:, 0], 1 - 0.2 * params[:, 0]])
    observed = {2021: -0.05, 2022: -0.10}
    fit = cal.calibrate(years, params, net, ["a", "b"], {"a": (0, 1), "b": (0, 1)}, 2020, observed, [2021, 2022], 0.05)
    a, b = fit["settings"]["a"], fit["settings"]["b"]
    check(len(fit["accepted_runs"]) == 200, "5 % of 4000 runs accepted")
    check(a["posterior_5_95"][0] > 0.4 and a["posterior_5_95"][1] < 0.6, "identified setting narrows around 0.5: %s" % a)
    check(a["narrowing"] < 0.2, "identified setting's range narrows to < 20 %%: %s" % a["narrowing"])
    check(b["narrowing"] > 0.8, "unidentified setting stays about as wide as its prior: %s" % b["narrowing"])
    dist = cal.distances(cal.simulated_changes(net, years, 2020, [2021, 2022]), np.array([-0.05, -0.10]))
    check(dist[fit["accepted_runs"]].max() <= np.sort(dist)[199] + 1e-12, "accepted runs are the closest ones")

    # --- scenario text
    scenario = os.path.join(root, "scenarios", "current-policy.toml")
    with open(os.path.join(root, "tools", "calibration", "priors.toml"), encoding="utf-8") as f:
        priors = f.read()
    text, dataset = cal.calibration_scenario(scenario, priors, 2025)
    check(cal.scenario_value(text, "end_year") == "2025", "calibration scenario ends in the last observed year")
    check(cal.scenario_value(text, "history") == "free", "calibration scenario runs in free mode")
    check(os.path.isdir(dataset), "dataset resolved to an existing folder: " + dataset)
    events = [c for h, c in cal._tables(text) if h == "[[events]]"]
    check(all("2026" not in "".join(c) for c in events), "no event after the last observed year")
    check(text.count("[[uncertain]]") == priors.count("[[uncertain]]"), "only the priors are uncertain")

    # --- end to end
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cal.json")
        proc = subprocess.run([sys.executable, os.path.join(root, "tools", "calibrate.py"), binary, "--runs", "60",
                               "--accept", "0.1", "--threads", "1", "--json", out, "--toml", os.path.join(tmp, "p.toml")],
                              capture_output=True, text=True)
        check(proc.returncode == 0, "calibrate.py exits 0: " + proc.stderr[-2000:])
        if proc.returncode == 0:
            with open(out, encoding="utf-8") as f:
                result = json.load(f)
            names = set(cal.prior_bounds(priors))
            check(set(result["all_years"]["settings"]) == names, "every prior setting reported")
            check(len(result["all_years"]["accepted_runs"]) == 6, "10 % of 60 runs accepted")
            check("Out of sample" in proc.stdout, "out-of-sample line printed")
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
