"""Read and plot eiisim run results (HDF5, netCDF-4 compatible; docs/output-format.md).

    from eiisim_results import open_result, events, options
    ds = open_result("run.h5")          # xarray.Dataset, codes decoded to names
    ev = events("run.h5")               # pandas.DataFrame, one row per decision
    op = options("run.h5")              # pandas.DataFrame, one row per variant weighed
    print(explain("run.h5", "M006", 2026))  # one decision in words (as `eiisim explain`)

    from eiisim_results import observables  # the output series (core/observables.cpp)
    observables.run_file_series("national"), observables.band_of("hydrogen_used")

Command line: ``python3 -m eiisim_results plot RESULT.h5 --out DIR``.
"""

from . import observables
from .reader import events, explain, open_result, options

__all__ = ["open_result", "events", "options", "explain", "observables"]
