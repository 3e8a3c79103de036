"""`prim`, `features`, `export-ema` and `export-salib` (docs/analysis.md)."""

import os
import sys

import numpy as np

from . import figures
from .sweep_file import read_sweep


def _draw_trajectory(sweep, trajectory, chosen, described, path):
    plt = figures.pyplot()
    full_lower, full_upper = trajectory[0].lower, trajectory[0].upper
    fig, ax = plt.subplots(figsize=(7.5, 5.5))
    coverage = [b.coverage for b in trajectory]
    density = [b.density for b in trajectory]
    dims = [len(b.restricted(full_lower, full_upper)) for b in trajectory]
    points = ax.scatter(coverage, density, c=dims, cmap="viridis", s=18)
    ax.scatter([coverage[chosen]], [density[chosen]], s=120, facecolors="none", edgecolors="red",
               label=f"box {chosen} reported")
    fig.colorbar(points, ax=ax, label="restricted settings")
    ax.set_xlabel("coverage (share of the runs meeting the condition that the box holds)")
    ax.set_ylabel("density (share of the box's runs meeting it)")
    ax.set_title(f"PRIM peeling trajectory\n{described}", fontsize=10)
    ax.legend(loc="lower left")
    ax.grid(alpha=0.3)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    rows = [(i, b.coverage, b.density, b.mass, b.runs, dims[i]) for i, b in enumerate(trajectory)]
    return figures.save(fig, path, ["box", "coverage", "density", "mass", "runs", "restricted_settings"], rows,
                        sweep.stamp())


def _box_rows(sweep, trajectory, index):
    box, first = trajectory[index], trajectory[0]
    return [(sweep.names[j], box.lower[j], box.upper[j], first.lower[j], first.upper[j])
            for j in box.restricted(first.lower, first.upper)]


def prim(args):
    from .condition import evaluate
    from .prim import choose_box, peel

    sweep = read_sweep(args.sweep)
    y, described = evaluate(sweep, args.condition)
    print(f"{described}: {int(y.sum())} of {sweep.runs} runs ({y.mean():.1%})")
    if not y.any() or y.all():
        print("the condition holds in no run or in every run: nothing to discover")
        return 0
    trajectory = peel(sweep.x, y, args.alpha, args.min_mass)
    chosen = choose_box(trajectory, args.min_density)
    png, _ = _draw_trajectory(sweep, trajectory, chosen, described, os.path.join(args.out, "prim_trajectory.png"))
    header = ["setting", "box_low", "box_high", "sampled_low", "sampled_high"]
    for i, b in enumerate(trajectory):
        figures.write_csv(os.path.join(args.out, f"prim_box_{i}.csv"), header, _box_rows(sweep, trajectory, i),
                          f"{sweep.stamp()}; {described}; box {i}: coverage {b.coverage:.3f}, density "
                          f"{b.density:.3f}, mass {b.mass:.3f}")
    box = trajectory[chosen]
    print(f"box {chosen} of {len(trajectory) - 1} peels: coverage {box.coverage:.3f}, density {box.density:.3f}, "
          f"mass {box.mass:.3f} ({box.runs} runs); restricted settings:")
    for name, low, high, s_low, s_high in _box_rows(sweep, trajectory, chosen):
        print(f"  {name:<24} {low:.4g} .. {high:.4g}   (sampled {s_low:.4g} .. {s_high:.4g})")
    print(png)
    return 0


def features(args):
    from .condition import evaluate
    from .feature_scoring import available, feature_scores
    from .sweep_file import outcome_at

    if not available():
        print("eiisim_results features: needs scikit-learn (Debian: apt-get install python3-sklearn)",
              file=sys.stderr)
        return 3
    sweep = read_sweep(args.sweep)
    if args.condition:
        y, what = evaluate(sweep, args.condition)
    else:
        y, what = outcome_at(sweep, args.outcome, args.year), f"{args.outcome}[{args.year}]"
    scores = feature_scores(sweep.x, y)
    print(f"extra-trees feature scores for {what} ({sweep.runs} runs):")
    for j in np.argsort(-scores):
        print(f"  {sweep.names[j]:<24} {scores[j]:.3f}")
    return 0


def export_ema(args):
    from .exports import export_ema as write

    print(write(read_sweep(args.sweep), args.out))
    return 0


def export_salib(args):
    from .exports import export_salib as write

    print(write(read_sweep(args.sweep), args.out, args.outcome, args.year))
    return 0
