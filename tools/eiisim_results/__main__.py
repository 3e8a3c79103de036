"""Command line: python3 -m eiisim_results {plot,events,options} RESULT.h5 ...

    plot RESULT.h5 --out DIR    write the standard PNG plots, print their paths
    events RESULT.h5            print the decision log as CSV
    options RESULT.h5           print every option considered as CSV
"""

import argparse
import sys

from .plots import plot_all
from .reader import events, open_result, options


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m eiisim_results", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_plot = sub.add_parser("plot", help="write the standard plots as PNG files")
    p_plot.add_argument("result", help="eiisim result file (.h5)")
    p_plot.add_argument("--out", required=True, help="directory for the PNG files (created if missing)")
    for name, help_text in (("events", "print the decision log as CSV"), ("options", "print options considered as CSV")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("result", help="eiisim result file (.h5)")
    args = parser.parse_args(argv)

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
            why = ("only `eiisim run --reference KIND` writes a reference run"
                   if any(n.startswith("reference_") for n in needs) else
                   "sweep files hold per-run cluster trajectories only with --save clusters or plants")
            print(f"eiisim_results: {name} skipped: the file has no {', '.join(needs)} ({why})", file=sys.stderr)
    elif args.command == "events":
        events(ds).to_csv(sys.stdout)
    else:
        options(ds).to_csv(sys.stdout, index=False)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        sys.exit(0)
