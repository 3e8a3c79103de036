"""The command line's arguments (no third-party imports here, so a missing library can be
named before anything needs it; the commands are in *_cli.py)."""


def add_compare(sub):
    p = sub.add_parser("compare", help="pathways of several run or sweep files side by side, with CSVs")
    p.add_argument("files", nargs="+", help="eiisim run or sweep files (.h5)")
    p.add_argument("--out", required=True, help="folder for the figures and CSVs")


def add_sensitivity(sub):
    p = sub.add_parser("design", help="write a Saltelli or Morris design CSV for `eiisim sweep --design`")
    p.add_argument("--scenario", required=True, help="scenario file whose [[uncertain]] settings to design over")
    p.add_argument("--method", choices=("saltelli", "morris"), required=True)
    p.add_argument("--n", type=int, required=True,
                   help="saltelli: base samples N (runs = N (d + 2); a power of 2 keeps the Sobol' balance); "
                        "morris: trajectories r (runs = r (d + 1))")
    p.add_argument("--levels", type=int, default=4, help="morris: grid levels p (even; default 4)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True, help="design CSV to write")
    p = sub.add_parser("sobol", help="first-order and total Sobol' indices per year from a Saltelli sweep")
    p.add_argument("sweep")
    p.add_argument("--out", required=True, help="folder for the figures and CSVs")
    p.add_argument("--first-year", type=int, default=2025)
    p.add_argument("--last-year", type=int, default=2050)
    p.add_argument("--resamples", type=int, default=300, help="bootstrap resamples for the CIs (default 300)")
    p = sub.add_parser("morris", help="Morris mu*, sigma from a Morris sweep")
    p.add_argument("sweep")
    p.add_argument("--outcome", default="co2_net_national")
    p.add_argument("--year", type=int, default=2030)
    p.add_argument("--out", required=True, help="folder for the figure and CSV")


def add_discovery(sub):
    p = sub.add_parser("prim", help="PRIM scenario discovery: boxes of settings where a condition holds")
    p.add_argument("sweep")
    p.add_argument("--condition", required=True,
                   help='e.g. "co2_net_national[2030] > industry_residual_2030" (see `condition` in docs/analysis.md)')
    p.add_argument("--out", required=True, help="folder for the figure and CSVs")
    p.add_argument("--alpha", type=float, default=0.05, help="share of the box peeled per step (default 0.05)")
    p.add_argument("--min-mass", type=float, default=0.05, help="smallest box, share of runs (default 0.05)")
    p.add_argument("--min-density", type=float, default=0.8,
                   help="the box reported: the highest coverage with at least this density (default 0.8)")
    p = sub.add_parser("features", help="extra-trees feature scores of the settings for an outcome or condition")
    p.add_argument("sweep")
    p.add_argument("--outcome", default="co2_net_national")
    p.add_argument("--year", type=int, default=2030)
    p.add_argument("--condition", help="score for this 0/1 condition instead of the outcome")
    p = sub.add_parser("export-ema", help="write the sweep as an EMA Workbench results archive (.tar.gz)")
    p.add_argument("sweep")
    p.add_argument("out")
    p = sub.add_parser("export-salib", help="write problem.json, X and Y arrays for SALib")
    p.add_argument("sweep")
    p.add_argument("out")
    p.add_argument("--outcome", default="co2_net_national")
    p.add_argument("--year", type=int, default=2030)
