"""`design`, `sobol` and `morris`: variance-based and screening sensitivity analysis of a
sweep run on a design from designs.py (docs/analysis.md)."""

import os

import numpy as np

from . import designs, figures
from .sweep_file import read_sweep


def design(args):
    names, values, streams = designs.make_design(args.scenario, args.method, args.n, args.seed, args.levels)
    designs.write_design(args.out, names, values, streams)
    print(f"wrote {args.out}: {len(values)} runs x {len(names)} settings ({args.method}); run it with\n"
          f"  eiisim sweep --scenario {args.scenario} --design {args.out} --save clusters --out SWEEP.h5")
    return 0


def _yearly_indices(sweep, name, years, resamples):
    from .sobol import sobol_indices
    from .sweep_file import outcome_at

    rows = []
    for year in years:
        y = outcome_at(sweep, name, year)
        r = sobol_indices(sweep.x, y, resamples=resamples)
        rows += [(name, int(year), s, r["S1"][j], r["S1_conf"][j], r["ST"][j], r["ST_conf"][j])
                 for j, s in enumerate(sweep.names)]
    return rows


def _unexplained(rows, year, col):
    """1 - the sum of the indices in column `col` for `year`; NaN where every index is 0,
    which sobol_indices gives when the outcome does not vary (observed history forced):
    there is then no variance to explain, and "1 - sum = 1" would read as all noise."""
    values = [r[col] for r in rows if r[1] == year]
    if all(v == 0 for v in values):
        return float("nan")
    return 1 - sum(values)


def _draw_sobol(sweep, name, label, rows, path):
    plt = figures.pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(12, 5), sharey=True)
    years = sorted({r[1] for r in rows})
    top = sorted(sweep.names, key=lambda s: -max(r[5] for r in rows if r[2] == s))[:8]
    for ax, col, title in ((axes[0], 3, "first-order S1 (alone)"), (axes[1], 5, "total ST (with interactions)")):
        for s in top:
            v = np.array([r[col] for r in rows if r[2] == s])
            c = np.array([r[col + 1] for r in rows if r[2] == s])
            (line,) = ax.plot(years, v, label=s)
            ax.fill_between(years, v - c, v + c, color=line.get_color(), alpha=0.15)
        rest = [_unexplained(rows, y, col) for y in years]
        ax.plot(years, rest, color="black", linestyle="--", label="no setting: 1 - sum (random draws)")
        ax.set_title(title)
        ax.set_ylim(-0.15, 1.05)  # indices are shares; wider CIs are cut here, not in the CSV
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("share of the variance of the outcome")
    axes[1].legend(fontsize=8, loc="upper right")
    fig.suptitle(f"Which uncertainties drive {label}? Sobol' indices per year, 95 % bootstrap CI "
                 f"(top {len(top)} by ST)")
    fig.tight_layout(rect=(0, 0.03, 1, 0.95))
    rest = [(name, y, "1 - sum", _unexplained(rows, y, 3), float("nan"), _unexplained(rows, y, 5), float("nan"))
            for y in years]
    return figures.save(fig, path, ["outcome", "year", "setting", "S1", "S1_conf", "ST", "ST_conf"], rows + rest,
                        sweep.stamp())


def sobol(args):
    sweep = read_sweep(args.sweep)
    years = [y for y in sweep.years if args.first_year <= y <= args.last_year]
    if len(sweep.years) <= 3:
        print("note: the sweep has per-run values at the milestones only; sweep with --save clusters for every year")
    labels = {"co2_net_national": "national net CO2"}
    labels.update({"co2_net_" + c: f"net CO2 of {n}" for c, n in zip(sweep.clusters, sweep.cluster_names)})
    every = []
    for name in sweep.yearly():
        try:
            rows = _yearly_indices(sweep, name, years, args.resamples)
        except ValueError as exc:
            raise SystemExit(f"{args.sweep}: {exc}") from None
        every += rows
        png, csv = _draw_sobol(sweep, name, labels[name], rows, os.path.join(args.out, f"sobol_{name}.png"))
        print(png)
    # Every declared milestone outcome (jobs, value added, leakage, reduction parts, target
    # gaps, ...; core/outcomes.cpp) at its milestones, into the CSV: no figure for each.
    for name in sweep.milestone_outcomes:
        if name not in sweep.outcomes:
            try:
                every += _yearly_indices(sweep, name, [int(y) for y in sweep.milestones], args.resamples)
            except ValueError as exc:
                raise SystemExit(f"{args.sweep}: {exc}") from None
    figures.write_csv(os.path.join(args.out, "sobol_indices.csv"),
                      ["outcome", "year", "setting", "S1", "S1_conf", "ST", "ST_conf"], every, sweep.stamp())
    _print_sobol(every, "co2_net_national", (2030, 2050))
    return 0


def _print_sobol(rows, name, years):
    for year in years:
        sel = sorted((r for r in rows if r[0] == name and r[1] == year), key=lambda r: -r[5])
        if not sel:
            continue
        print(f"{name} {year}: setting, S1 +- CI, ST +- CI (by ST)")
        for r in sel:
            print(f"  {r[2]:<24} {r[3]:6.3f} +- {r[4]:.3f}   {r[5]:6.3f} +- {r[6]:.3f}")
        print(f"  sum S1 {sum(r[3] for r in sel):.3f}, sum ST {sum(r[5] for r in sel):.3f}")


def morris(args):
    from .morris import morris_indices
    from .sweep_file import outcome_at

    sweep = read_sweep(args.sweep)
    try:
        r = morris_indices(sweep.x, outcome_at(sweep, args.outcome, args.year))
    except ValueError as exc:
        raise SystemExit(f"{args.sweep}: {exc}") from None
    order = np.argsort(-r["mu_star"])
    rows = [(sweep.names[j], r["mu"][j], r["mu_star"][j], r["mu_star_conf"][j], r["sigma"][j]) for j in order]
    plt = figures.pyplot()
    fig, ax = plt.subplots(figsize=(7, 5.5))
    ax.errorbar(r["mu_star"], r["sigma"], xerr=r["mu_star_conf"], fmt="o")
    for j, s in enumerate(sweep.names):
        ax.annotate(s, (r["mu_star"][j], r["sigma"][j]), fontsize=8)
    ax.set_xlabel("mu* (mean |elementary effect| over half the setting's distribution)")
    ax.set_ylabel("sigma (spread: non-linearity or interactions)")
    ax.set_title(f"Morris screening: {args.outcome} {args.year}")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    png, _ = figures.save(fig, os.path.join(args.out, f"morris_{args.outcome}_{args.year}.png"),
                          ["setting", "mu", "mu_star", "mu_star_conf", "sigma"], rows, sweep.stamp())
    for row in rows:
        print(f"  {row[0]:<24} mu* {row[2]:.4g} +- {row[3]:.2g}  sigma {row[4]:.4g}")
    print(png)
    return 0
