"""Every figure with its numbers: `save` writes the PNG with a stamp (what was run: scenario,
runs or seed, version, date) and, beside it, a CSV of exactly the numbers drawn."""

import csv
import os


def save(fig, path, header, rows, stamp):
    """Write `fig` to `path` (PNG) with `stamp` at its foot, and `header` + `rows` to the CSV
    of the same name. Returns (png path, csv path)."""
    import matplotlib.pyplot as plt

    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    fig.text(0.005, 0.005, stamp, fontsize=7, color="0.35", ha="left", va="bottom")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    table = os.path.splitext(path)[0] + ".csv"
    write_csv(table, header, rows, stamp)
    return path, table


def write_csv(path, header, rows, stamp=None):
    with open(path, "w", newline="") as f:
        if stamp:
            f.write(f"# {stamp}\n")
        w = csv.writer(f)
        w.writerow(header)
        for row in rows:
            w.writerow([f"{v:.6g}" if isinstance(v, float) else v for v in row])


def pyplot():
    """matplotlib's pyplot on the file-only backend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt
