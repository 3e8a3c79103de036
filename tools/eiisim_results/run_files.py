"""Several run files (one scenario over seeds, say) as one dataset along `run`, for the
figures of the outcomes at the milestones (plots_milestones.py): a run file holds one run,
and these figures draw distributions over runs. Only the variables those figures read are
kept (the milestone outcomes, the per-cluster reduction parts and net CO2, the target
paths and years, the cluster names), so the files need not share plants, events or options."""

import xarray as xr

from .reader import open_result

# The yearly series the milestone figures read beside the [run, milestone, ...] outcomes.
_SERIES = ("cluster_reduction", "cluster_co2_net", "target_co2_net")
# Attributes of one run that do not describe the combined runs.
_PER_RUN_ATTRS = ("seed", "run", "created", "history")


def milestone_variables(path):
    """The part of one run file that the milestone figures read, loaded."""
    ds = open_result(path)
    names = [n for n, v in ds.data_vars.items() if "milestone" in v.dims or n in _SERIES]
    static = [n for n in ("cluster_name", "target_year") if n in ds]  # the same in every run of a scenario
    return ds[names + static]


def combine(datasets):
    """One dataset of run files' datasets (milestone_variables) along `run`, its coordinate
    the runs' seeds; attributes from the first, less the per-run ones, with `seeds` listing
    the seeds. The runs must be of one scenario and share years, milestones, clusters,
    parts and targets (ValueError otherwise)."""
    scenarios = {str(d.attrs.get("scenario")) for d in datasets}
    if len(scenarios) != 1:
        raise ValueError(f"runs of several scenarios: {sorted(scenarios)}")
    combined = xr.concat(datasets, dim="run", data_vars="minimal", coords="minimal", compat="override",
                         join="exact", combine_attrs="override")
    seeds = [int(d.attrs.get("seed", -1)) for d in datasets]
    combined = combined.assign_coords(run=seeds)
    for name in _PER_RUN_ATTRS:
        combined.attrs.pop(name, None)
    combined.attrs["seeds"] = " ".join(str(s) for s in seeds)
    return combined


def combine_runs(paths):
    """combine() of the run files at `paths`."""
    return combine([milestone_variables(p) for p in paths])
