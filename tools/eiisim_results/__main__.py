"""Command line: python3 -m eiisim_results COMMAND ... (docs/analysis.md)

    plot RESULT.h5 --out DIR          the standard figures of a run or sweep file
    events RESULT.h5                  the decision log as CSV
    options RESULT.h5                 every option considered as CSV
    compare A.h5 B.h5 ... --out DIR   pathways side by side, paired differences
    design --scenario S --method saltelli|morris --n N --out D.csv
                                      a design for `eiisim sweep --design D.csv`
    sobol SWEEP.h5 --out DIR          Sobol' S1/ST per year (Saltelli design)
    morris SWEEP.h5 --out DIR         Morris mu*/sigma (Morris design)
    prim SWEEP.h5 --condition C --out DIR
                                      scenario discovery for a condition
    features SWEEP.h5                 extra-trees feature scores
    export-ema SWEEP.h5 OUT.tar.gz    EMA Workbench results archive
    export-salib SWEEP.h5 DIR         SALib problem and arrays
"""

import argparse
import sys

from .deps import message, missing

# What each command imports beyond the standard library.
NEEDS = {"plot": ("numpy", "h5py", "pandas", "xarray", "h5netcdf", "matplotlib"),
         "events": ("numpy", "h5py", "pandas", "xarray", "h5netcdf"),
         "options": ("numpy", "h5py", "pandas", "xarray", "h5netcdf"),
         "compare": ("numpy", "h5py", "matplotlib"),
         "design": ("numpy", "scipy"),
         "sobol": ("numpy", "h5py", "scipy", "matplotlib"),
         "morris": ("numpy", "h5py", "scipy", "matplotlib"),
         "prim": ("numpy", "h5py", "matplotlib"),
         "features": ("numpy", "h5py"),
         "export-ema": ("numpy", "h5py"),
         "export-salib": ("numpy", "h5py")}


def _parser():
    from . import cli_parsers

    parser = argparse.ArgumentParser(prog="python3 -m eiisim_results", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_plot = sub.add_parser("plot", help="write the standard plots as PNG files")
    p_plot.add_argument("result", help="eiisim result file (.h5)")
    p_plot.add_argument("--out", required=True, help="directory for the PNG files (created if missing)")
    for name, help_text in (("events", "print the decision log as CSV"), ("options", "print options considered as CSV")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("result", help="eiisim result file (.h5)")
    cli_parsers.add_compare(sub)
    cli_parsers.add_sensitivity(sub)
    cli_parsers.add_discovery(sub)
    return parser


def _why_skipped(needs):
    """Why a file lacks the variables `needs` of a figure, in words."""
    from .observables import OUTCOMES

    outcomes = {o["name"]: o for o in OUTCOMES}
    if any(n.startswith("reference_") for n in needs):
        return "only `eiisim run --reference KIND` writes a reference run"
    if any(outcomes.get(n, {}).get("needs_reference") for n in needs):
        return "only `eiisim run` or `eiisim sweep` with `--reference KIND` record the additional reduction"
    if any(outcomes.get(n, {}).get("needs_targets") for n in needs):
        return "only a dataset with a targets.csv has target gaps"
    if any(n in outcomes for n in needs):
        return "files of layout 13 or earlier hold no per-run outcomes at the milestones"
    return "sweep files hold per-run cluster trajectories only with --save clusters or plants"


def _result_command(args):
    from .plots import plot_all
    from .reader import events, open_result, options

    try:
        ds = open_result(args.result)
    except (OSError, ValueError) as exc:
        print(f"eiisim_results: cannot read {args.result}: {exc}", file=sys.stderr)
        return 1
    if args.command == "plot":
        skipped = []
        for path in plot_all(ds, args.out, skipped):
            print(path)
        for name, needs in skipped:
            why = _why_skipped(needs)
            print(f"eiisim_results: {name} skipped: the file has no {', '.join(needs)} ({why})", file=sys.stderr)
    elif args.command == "events":
        events(ds).to_csv(sys.stdout)
    else:
        options(ds).to_csv(sys.stdout, index=False)
    return 0


def main(argv=None):
    args = _parser().parse_args(argv)
    absent = missing(*NEEDS[args.command])
    if absent:
        print(message(absent), file=sys.stderr)
        return 2
    if args.command in ("plot", "events", "options"):
        return _result_command(args)
    from . import compare_cli, discovery_cli, sensitivity_cli

    run = {"compare": compare_cli.compare, "design": sensitivity_cli.design, "sobol": sensitivity_cli.sobol,
           "morris": sensitivity_cli.morris, "prim": discovery_cli.prim, "features": discovery_cli.features,
           "export-ema": discovery_cli.export_ema, "export-salib": discovery_cli.export_salib}[args.command]
    try:
        return run(args)
    except OSError as exc:
        print(f"eiisim_results {args.command}: {exc}", file=sys.stderr)
        return 1


def entry():
    """The console script's entry point (tools/pyproject.toml)."""
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    entry()
