"""The sector technology catalogue (clusters/nl/technologies.csv) as plant options see it.

A MIDDEN plant option takes its columns from the catalogue, and its timing, learning,
raw-material cost and (where MIDDEN has no investment figure) its money from the sector's
catalogue row of the same kind.
"""
import csv
import os

from .tables import REPO_ROOT, read_csv

# Columns of plant_options.csv (after `plant`) when no catalogue is found.
OPTION_COLS_FALLBACK = [
    "name", "kind", "capex_eur_per_t_yr", "capex_low_eur_per_t_yr", "capex_high_eur_per_t_yr",
    "fixed_opex_eur_per_t_yr", "var_opex_eur_per_t", "electrify_share_low", "electrify_share_mid",
    "electrify_share_high", "electrify_year_low", "electrify_year_mid", "electrify_year_high",
    "electric_efficiency", "hydrogen_fuel_share", "bio_fuel_share", "process_cut_share",
    "feedstock_gas_cut_share", "hydrogen_feedstock_gj_per_t", "electricity_extra_gj_per_t",
    "capture_rate", "capture_electricity_gj_per_tco2", "capture_heat_gj_per_tco2", "import_share",
    "lifetime_y", "lead_time_y", "available_year", "learning_rate", "learning_seed_t_yr", "source"]


def _hand_kept_table(outdir, name):
    """OUT/<name> when it exists, else the committed clusters/nl/<name>: the hand-kept
    tables the importer reads but does not write."""
    path = os.path.join(outdir, name)
    if os.path.exists(path):
        return path
    return str(REPO_ROOT / "clusters" / "nl" / name)


def default_catalogue(outdir):
    """OUT/technologies.csv when it exists, else the committed clusters/nl/technologies.csv."""
    return _hand_kept_table(outdir, "technologies.csv")


def default_sector_table(outdir):
    """OUT/sectors.csv when it exists, else the committed clusters/nl/sectors.csv."""
    return _hand_kept_table(outdir, "sectors.csv")


def read_product_prices(path):
    """{sector id: product_price_eur_per_t} of the hand-kept sector table (EUR2023/t)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {r["id"]: float(r["product_price_eur_per_t"]) for r in rows}


def read_catalogue(path):
    """(option columns, sector rows by (sector, kind)): first row of each kind in file
    order (electrify: the `electrify_full` row when the sector has one)."""
    rows = {}
    if not path or not os.path.exists(path):
        return OPTION_COLS_FALLBACK, rows
    fieldnames, records = read_csv(path)
    cols = [c for c in fieldnames if c != "sector"]
    for r in records:
        key = (r["sector"], r["kind"])
        if key not in rows or (r["kind"] == "electrify" and r["name"] == "electrify_full"):
            rows[key] = r
    return cols, rows
