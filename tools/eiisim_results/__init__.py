"""Read and plot eiisim run results (HDF5, netCDF-4 compatible; docs/output-format.md).

    from eiisim_results import open_result, events, options
    ds = open_result("run.h5")          # xarray.Dataset, codes decoded to names
    ev = events("run.h5")               # pandas.DataFrame, one row per decision
    op = options("run.h5")              # pandas.DataFrame, one row per variant weighed
    print(explain("run.h5", "M006", 2026))  # one decision in words (as `eiisim explain`)

    from eiisim_results import observables  # the output series (core/observables.cpp)
    observables.run_file_series("national"), observables.band_of("hydrogen_used")


    from eiisim_results.sweep_file import read_sweep    # a sweep's experiments and outcomes (numpy)
    from eiisim_results import outcome_table            # its outcomes as a DataFrame, a column per value
    from eiisim_results import sobol, morris, prim, designs, exports   # analysis (docs/analysis.md)

Command line: ``python3 -m eiisim_results --help``. Libraries: numpy, h5py, scipy, pandas,
xarray, h5netcdf, matplotlib (Debian packages, tools/install_deps.sh); a missing one is
named with the package to install.
"""

import importlib

# Loaded on first use, so that `python3 -m eiisim_results` can name a missing library
# instead of failing on import, and a command needs only the libraries it uses.
_LAZY = {"open_result": ("reader", ("numpy", "h5py", "pandas", "xarray", "h5netcdf")),
         "events": ("reader", ("numpy", "h5py", "pandas", "xarray", "h5netcdf")),
         "options": ("reader", ("numpy", "h5py", "pandas", "xarray", "h5netcdf")),
         "explain": ("reader", ("numpy", "h5py", "pandas", "xarray", "h5netcdf")),
         "read_sweep": ("sweep_file", ("numpy", "h5py")),
         "outcome_table": ("sweep_file", ("numpy", "h5py", "pandas"))}

__all__ = ["open_result", "events", "options", "explain", "observables", "read_sweep", "outcome_table"]


def __getattr__(name):
    if name == "observables":
        return importlib.import_module(".observables", __name__)
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from .deps import require

    module, needs = _LAZY[name]
    require(*needs)
    return getattr(importlib.import_module("." + module, __name__), name)
