"""Feed mix per sector (docs/ODD.md §7.18): the share of each sector's fossil feed that
recycled, bio and CCU feed replace, read from the per-plant series `feed_origin_share`
[run, year, plant, feed_origin] and `production` [run, year, plant] of a run file (or a
sweep saved with --save plants). Every plant of a sector has the same fossil feed per t,
so the sector's share is the production-weighted mean of its plants' shares; the run
printout's rows `<sector> recycled/bio/ccu (%)` give the same numbers.
"""

import os

import numpy as np
import xarray as xr

NEEDS = ("feed_origin_share", "production", "plant_sector")


def _text(values):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in values]


def sector_feed_mix(ds, sectors=None):
    """DataArray [run, year, sector, feed_origin]: share of the sector's fossil feed replaced
    by feed of each origin. `sectors`: the sector ids to report (default: every sector with
    a plant whose feed share is ever above 0); a year without production gives 0."""
    share = ds["feed_origin_share"].transpose("run", "year", "plant", "feed_origin").values
    production = ds["production"].transpose("run", "year", "plant").values
    plant_sector = np.array(_text(ds["plant_sector"].values))
    if sectors is None:
        taking = share.max(axis=(0, 1, 3)) > 0
        sectors = sorted(set(plant_sector[taking]))
    out = np.zeros(share.shape[:2] + (len(sectors), share.shape[3]))
    for k, sector in enumerate(sectors):
        mask = plant_sector == sector
        weight = production[:, :, mask]
        total = weight.sum(axis=2)
        replaced = (share[:, :, mask, :] * weight[:, :, :, None]).sum(axis=2)
        out[:, :, k, :] = np.divide(replaced, total[:, :, None], out=np.zeros_like(replaced),
                                    where=total[:, :, None] > 0)
    origins = _text(ds["feed_origin"].values) if "feed_origin" in ds.coords or "feed_origin" in ds else \
        ["recycled", "bio", "ccu"][:share.shape[3]]
    return xr.DataArray(out, dims=("run", "year", "sector", "feed_origin"),
                        coords={"year": ds["year"].values, "sector": list(sectors), "feed_origin": origins},
                        name="sector_feed_mix")


def plot_feed_mix_by_sector(ds, out_dir):
    """feed_mix_by_sector.png: per sector that takes any alternative feed, the median over
    runs of the share of its fossil feed replaced by each origin (a plain line with one run).
    A file where no sector takes any gets a note instead of panels."""
    import matplotlib.pyplot as plt

    mix = sector_feed_mix(ds)
    sectors = list(mix["sector"].values)
    years = mix["year"].values
    fig, axes = plt.subplots(1, max(1, len(sectors)), figsize=(4.2 * max(1, len(sectors)), 4), squeeze=False)
    if not sectors:
        axes[0][0].text(0.5, 0.5, "no sector takes recycled, bio or CCU feed", ha="center", va="center")
        axes[0][0].set_axis_off()
    for ax, sector in zip(axes[0], sectors):
        for origin in mix["feed_origin"].values:
            values = 100 * mix.sel(sector=sector, feed_origin=origin).values
            ax.plot(years, np.median(values, axis=0), label=str(origin))
            if values.shape[0] > 1:
                ax.fill_between(years, np.percentile(values, 5, axis=0), np.percentile(values, 95, axis=0), alpha=0.2)
        ax.set_title(f"{sector}: fossil feed replaced")
        ax.set_ylabel("% of fossil feed")
        ax.legend(fontsize="small")
    fig.tight_layout()
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "feed_mix_by_sector.png")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
