"""Open an eiisim result file as an xarray.Dataset and the decision log as DataFrames.

The file stores categories as small integer codes with CF ``flag_values`` /
``flag_meanings`` attributes, and references to plants and technologies as indices into
the ``plant`` and ``technology`` dimensions. Here those codes become names, because that
is what analyses and plots want; pass ``decode=False`` to keep the raw codes.
"""

import re

import numpy as np
import pandas as pd
import xarray as xr

from .observables import OBSERVABLES

# Variables that index a dimension (code -> coordinate value of that dimension): the
# series coded as technology indices (core/observables.cpp), and the tables' references.
_INDEX_OF = {o["name"]: "technology" for o in OBSERVABLES if o["flags"] == "technology"}
_INDEX_OF.update({
    "plant_cluster": "cluster",
    "event_plant": "plant",
    "event_from_technology": "technology",
    "event_to_technology": "technology",
    "option_technology": "technology",
})
# Yes/no flags become booleans.
_BOOLEAN = {"plant_multinational", "instrument_applications", "option_feasible", "option_refused", "option_subsidised",
            "option_chosen", "event_closed_by_rule"}
# Bit sets: option_infeasible holds 1 << reason; its long_name lists "<bit> <reason>" pairs.
_BITS = {"option_infeasible"}


def _names_for_codes(codes, names):
    """Map integer codes to names; codes outside 0..len(names)-1 (e.g. -1: none) -> ''."""
    codes = np.asarray(codes)
    names = np.asarray(names, dtype=object)
    valid = (codes >= 0) & (codes < len(names))
    out = np.full(codes.shape, "", dtype=object)
    out[valid] = names[codes[valid]]
    return out


def _replace(ds, name, values, note):
    attrs = {k: v for k, v in ds[name].attrs.items() if k not in ("flag_values", "flag_meanings")}
    attrs["eiisim_decoded"] = note
    ds[name] = (ds[name].dims, values, attrs)


def decode(ds):
    """Return a copy of ``ds`` with flag codes and index references replaced by names."""
    ds = ds.copy()
    for name, dim in _INDEX_OF.items():
        if name in ds and dim in ds.coords:
            _replace(ds, name, _names_for_codes(ds[name].values, ds[dim].values), f"index into {dim}")
    for name in _BOOLEAN:
        if name in ds:
            _replace(ds, name, ds[name].values.astype(bool), "0/1 flag")
    for name in list(ds.data_vars):
        var = ds[name]
        if name in _INDEX_OF or name in _BOOLEAN or name in _BITS or "flag_meanings" not in var.attrs:
            continue
        values = np.atleast_1d(var.attrs["flag_values"])
        meanings = str(var.attrs["flag_meanings"]).split()
        lookup = np.full(int(values.max()) + 1, "", dtype=object)
        lookup[values.astype(int)] = meanings
        _replace(ds, name, _names_for_codes(var.values.astype(int), lookup), "flag_meanings")
    return ds


def open_result(path, decode_codes=True):
    """Open an eiisim result file (engine h5netcdf). Codes become names unless decode_codes=False."""
    if not decode_codes:
        return xr.open_dataset(path, engine="h5netcdf")  # lazy; close it when done
    with xr.open_dataset(path, engine="h5netcdf") as raw:
        return decode(raw.load())  # loaded, so the file can close


def events(path_or_ds):
    """The decision event log, one row per decision, with plant ids and technology ids and names."""
    ds = _as_decoded(path_or_ds)
    tech_name = dict(zip(ds["technology"].values, ds["technology_name"].values))
    plant_index = {p: i for i, p in enumerate(ds["plant"].values)}
    df = pd.DataFrame(
        {
            "event": ds["event"].values,
            "year": ds["event_year"].values,
            "plant": ds["event_plant"].values,
            "from_technology": ds["event_from_technology"].values,
            "to_technology": ds["event_to_technology"].values,
            "trigger": ds["event_trigger"].values,
            "running_from_year": ds["event_running_from_year"].values,
            "subsidy_committed_eur": ds["event_subsidy_committed"].values,
            "closed_by_rule": ds["event_closed_by_rule"].values,
            "closure_margin_eur_per_t": ds["event_closure_margin"].values,
        }
    )
    plants = [plant_index.get(p, -1) for p in df["plant"]]
    df.insert(3, "plant_name", [ds["plant_name"].values[i] if i >= 0 else "" for i in plants])
    df.insert(4, "cluster", [ds["plant_cluster"].values[i] if i >= 0 else "" for i in plants])
    df["from_name"] = [tech_name.get(t, "") for t in df["from_technology"]]
    df["to_name"] = [tech_name.get(t, "") for t in df["to_technology"]]
    return df.set_index("event")


def _infeasible_reasons(ds):
    """Bit -> reason name, from option_infeasible's long_name ("... 1 not_available 2 ...")."""
    pairs = re.findall(r"\b(\d+) ([a-z][a-z0-9_]*)", str(ds["option_infeasible"].attrs["long_name"]))
    return {int(bit): reason for bit, reason in pairs}


def _instrument_ids(ds):
    """Each option row's support instrument id ('' for a plain variant); files before layout
    6 had one budget, written 'subsidy'."""
    if "option_instrument" not in ds:
        return ["subsidy" if s else "" for s in ds["option_subsidised"].values]
    ids = list(ds["instrument"].values) if "instrument" in ds else []
    return [ids[int(i)] if 0 <= int(i) < len(ids) else "" for i in ds["option_instrument"].values]


def options(path_or_ds):
    """Every variant weighed in every decision, in the order of the ranking that decided
    (rank 0 = first, -1 = not ranked), joined to its event's year and plant: cost terms
    (``cost_<component>``, ``energy_<carrier>``, ``energy_part_<part>``, investment aid, risk
    premium), revenue,
    margin, the utility's parts, feasibility (with ``infeasible`` reasons), allocation's
    refusal (``refused_by``) and the ``chosen`` flag."""
    ds = _as_decoded(path_or_ds)
    tech_name = dict(zip(ds["technology"].values, ds["technology_name"].values))
    tech_kind = dict(zip(ds["technology"].values, ds["technology_kind"].values))
    ev = ds["option_event"].values
    bits = _infeasible_reasons(ds)
    columns = {
        "event": ev,
        "rank": ds["option_rank"].values,
        "year": ds["event_year"].values[ev] if len(ev) else np.array([], dtype=np.int32),
        "plant": ds["event_plant"].values[ev] if len(ev) else np.array([], dtype=object),
        "technology": ds["option_technology"].values,
        "subsidised": ds["option_subsidised"].values,
        "instrument": _instrument_ids(ds),
        "start_year": ds["option_start_year"].values,
        "cost_eur_per_t": ds["option_cost"].values,
        "revenue_eur_per_t": ds["option_revenue"].values,
        "margin_eur_per_t": ds["option_margin"].values,
        "subsidy_eur_per_t": ds["option_subsidy"].values,
        "utility_systematic": ds["option_utility_systematic"].values,
        "utility_bias": ds["option_utility_bias"].values,
        "utility_random": ds["option_utility_random"].values,
        "utility": ds["option_utility"].values,
        "feasible": ds["option_feasible"].values,
        "infeasible": [", ".join(r for b, r in bits.items() if int(code) & b) for code in ds["option_infeasible"].values],
        "refused": ds["option_refused"].values,
        "refused_by": ds["option_refused_by"].values,
        "chosen": ds["option_chosen"].values,
    }
    for k, component in enumerate(ds["cost_component"].values):
        columns[f"cost_{component}"] = ds["option_cost_terms"].values[:, k]
    for k, carrier in enumerate(ds["carrier"].values):
        columns[f"energy_{carrier}"] = ds["option_energy_cost"].values[:, k]
    if "energy_part" in ds.dims:  # layout 7: the energy term by part of the Dutch cost stack
        for k, part in enumerate(ds["energy_part"].values):
            columns[f"energy_part_{part}"] = ds["option_energy_cost_part"].values[:, k]
    columns["investment_aid"] = ds["option_investment_aid"].values
    columns["risk_premium"] = ds["option_risk_premium"].values
    columns["cbam_in_price"] = ds["option_cbam_in_price"].values
    columns["green_premium"] = ds["option_green_premium"].values
    df = pd.DataFrame(columns)
    df.insert(5, "name", [tech_name.get(t, "") for t in df["technology"]])
    df.insert(6, "kind", [tech_kind.get(t, "") for t in df["technology"]])
    return df


def _as_decoded(path_or_ds):
    if isinstance(path_or_ds, xr.Dataset):
        return path_or_ds if "eiisim_decoded" in path_or_ds["event_trigger"].attrs else decode(path_or_ds)
    return open_result(path_or_ds)


def explain(path_or_ds, plant, year):
    """One plant's decision in one year in words, from the event log (as ``eiisim explain``):
    trigger, outcome, why (utility = deterministic part + bias + random term), the variants
    as ranked with what became of each, and their cost terms side by side. Returns the text."""
    from .explain import explain_text

    ds = _as_decoded(path_or_ds)
    return explain_text(ds, events(ds), options(ds), plant, year)
