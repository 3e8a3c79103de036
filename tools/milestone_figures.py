#!/usr/bin/python3
"""The figures of the outcomes at the milestones for one scenario over seeds 1..N: the
national outcomes (milestone_outcomes.png), what the national change in net CO2 is made
of (reduction_by_milestone.png), the same per cluster (reduction_by_cluster.png) and the
gaps to the climate targets, each in the year it is due (target_gaps.png), each with its
CSV (tools/eiisim_results/plots_milestones.py; docs/analysis.md).

`eiisim_results plot` draws these for one file; a run file holds one run, and a sweep
file holds no per-cluster reduction parts, so this runs the seeds (`eiisim run --seed S`)
and draws the figures over them (eiisim_results/run_files.py).

Usage (from the repository root):
  PYTHONPATH=tools /usr/bin/python3 tools/milestone_figures.py build/eiisim --seeds 10 --out DIR
  PYTHONPATH=tools /usr/bin/python3 tools/milestone_figures.py build/eiisim --scenario scenarios/high-ets.toml --out DIR

Needs python3-h5py, numpy, xarray, h5netcdf and matplotlib.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eiisim_results import plots_milestones  # noqa: E402
from eiisim_results.run_files import combine, milestone_variables  # noqa: E402
from seed_ensemble import REPO, ensemble  # noqa: E402

FIGURES = (plots_milestones.plot_milestone_outcomes, plots_milestones.plot_reduction_by_milestone,
           plots_milestones.plot_reduction_by_cluster, plots_milestones.plot_target_gaps)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("eiisim")
    parser.add_argument("--scenario", default=os.path.join(REPO, "scenarios", "current-policy.toml"))
    parser.add_argument("--seeds", type=int, default=10, help="seeds 1..N (default 10)")
    parser.add_argument("--jobs", type=int, default=1, help="runs at a time (default 1)")
    parser.add_argument("--out", required=True, help="folder for the PNG and CSV files (created if missing)")
    args = parser.parse_args(argv)
    try:
        per_seed = ensemble(args.eiisim, args.scenario, range(1, args.seeds + 1), args.jobs, milestone_variables)
        ds = combine([per_seed[s] for s in sorted(per_seed)])
    except (RuntimeError, OSError, ValueError) as error:
        print(f"milestone_figures: error: {error}", file=sys.stderr)
        return 1
    os.makedirs(args.out, exist_ok=True)
    for figure in FIGURES:
        if figure is plots_milestones.plot_target_gaps and "target_gap" not in ds:
            print("milestone_figures: no target gaps (the dataset has no targets.csv)", file=sys.stderr)
            continue
        print(figure(ds, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
