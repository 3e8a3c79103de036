"""How each support agreement turned out in each run (docs/ODD.md §7.15), read from a sweep
or run file: the per-run outcomes along `agreement` that core/outcomes.cpp declares
(``per_agreement`` in observables.json: agreement_outcome, agreement_binding_year,
agreement_routes_from_year; layout 15 for sweep files). A sweep over seeds or
uncertainties then groups any other outcome by an agreement's outcome without rerunning::

    from eiisim_results.agreement_outcomes import read_agreement_outcomes
    a = read_agreement_outcomes("sweep.h5")
    a.names(a.agreements.index("tata_2025"))      # ['late', 'on_time', ...], one per run
"""

from dataclasses import dataclass

import numpy as np

from .deps import require
from .observables import OUTCOMES

# The declared per-agreement outcomes, in file order.
PER_AGREEMENT = tuple(o["name"] for o in OUTCOMES if o.get("per_agreement"))
# The coded one: its names come from the file's flag_meanings, as CF readers decode it.
CODED = next(o["name"] for o in OUTCOMES if o.get("per_agreement") and o.get("flag_meanings"))


@dataclass
class AgreementOutcomes:
    path: str
    agreements: list    # agreement ids, the file's `agreement` coordinate
    meanings: list      # code -> outcome name (the flag_meanings of agreement_outcome)
    values: dict        # outcome name -> int array [run, agreement]

    @property
    def runs(self):
        return self.values[CODED].shape[0]

    def names(self, a):
        """Agreement `a`'s outcome name in each run."""
        return [self.meanings[int(k)] for k in self.values[CODED][:, a]]

    def drawn(self):
        """Indices of the agreements whose outcome is drawn per run (an EoP or JLoI: on_time,
        late or failed; as_agreed and stopped follow from the data)."""
        fixed = {self.meanings.index(n) for n in ("as_agreed", "stopped") if n in self.meanings}
        codes = self.values[CODED]
        return [a for a in range(codes.shape[1]) if not set(int(k) for k in codes[:, a]) <= fixed]


def read_agreement_outcomes(path):
    """The AgreementOutcomes of a sweep or run file; KeyError naming the file when it has none
    (written before layout 15 for sweeps, 13 for runs, or a dataset without agreements)."""
    require("numpy", "h5py")
    import h5py

    from .h5text import strings, text

    with h5py.File(path, "r") as f:
        if CODED not in f or "agreement" not in f:
            layout = int(f.attrs["schema_version"]) if "schema_version" in f.attrs else 1
            raise KeyError(f"{path} has no {CODED} (layout {layout}; sweep files have it from layout 15, "
                           "run files from 13, and only for a dataset with support agreements)")
        values = {name: np.asarray(f[name][()], dtype=np.int64) for name in PER_AGREEMENT if name in f}
        return AgreementOutcomes(path=path, agreements=strings(f["agreement"]),
                                 meanings=text(f[CODED].attrs["flag_meanings"]).split(), values=values)
