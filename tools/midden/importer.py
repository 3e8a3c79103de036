"""The import run: MIDDEN files in, the plant-level dataset files out.

Reads the MIDDEN JSON files and the reference links, builds the plant records, plant
options and value-chain edges, and writes plants.csv, edges.csv, nea_2020_by_cluster.csv,
infrastructure.toml (copied, see infrastructure.py), plant_options.csv and
import_report.txt. The output is deterministic: rows sorted, fixed float formatting.
"""
import os

from . import tables
from .catalogue import default_catalogue, default_sector_table, read_product_prices
from .added_links import add_hand_kept_links, drop_links
from .added_plants import added_plant_records
from .employment import assign_employment
from .edges import EDGE_COLUMNS, EdgeSet, derive_edges
from .networks import MEMBER_COLUMNS, NETWORK_COLUMNS, build_networks
from .infrastructure import INFRASTRUCTURE_SOURCE, check_infrastructure, copy_infrastructure
from .options import build_plant_options
from .plants import PLANT_COLUMNS, SectorStatistics, plant_record, profile_plant
from .raw import is_base, read_midden
from .reference_edges import add_reference_edges, read_reference_links
from .report import ImportCounts, Report, write_report
from .sections import base_sections, unique_tc_ids
from .site_units import split_edges, split_options, split_records
from .writers import write_csv, write_nea


def select_current(data, report):
    """Current plants (in_current_database == 1) by id, less those tables/excluded_plants.csv
    leaves out as double counts; other plants and gpd records of no current plant are
    reported."""
    current = {}
    excluded = tables.load().excluded_plants
    for p in data.plants:
        if p["plant_id"] in excluded:
            report.skip("midden", p["plant_id"], f"{p.get('plant_name')}: excluded (tables/excluded_plants.csv): {excluded[p['plant_id']]}")
        elif p.get("in_current_database") == 1:
            current[p["plant_id"]] = p
        else:
            report.skip("midden", p["plant_id"], f"{p.get('plant_name')}: in_current_database != 1 (not a current plant)")
    for g in data.gpd:
        if g["plant_id"] not in current:
            report.skip("gpd", g["plant_id"], "no current plant with this id")
    return current


def split_configurations(pcd, current, report):
    """(base pcd rows by plant, alternative pcd rows) of the current plants."""
    base_rows, alt_rows = {}, []
    excluded = tables.load().excluded_configurations
    for r in pcd:
        pid = r.get("plant_id")
        if pid not in current:
            report.skip("pcd", r["configuration_id"], f"plant {pid} is not a current plant")
        elif r["configuration_id"] in excluded:
            owner, why = excluded[r["configuration_id"]]
            if owner != pid:
                raise tables.TableError(f"excluded_configurations.csv: {r['configuration_id']} is plant {pid}'s, not {owner}'s")
            report.skip("pcd", r["configuration_id"], f"plant {pid}: left out (tables/excluded_configurations.csv): {why}")
        elif is_base(r.get("configuration")):
            base_rows.setdefault(pid, []).append(r)
        else:
            alt_rows.append(r)   # mapped to plant options (options.py)
    return base_rows, alt_rows


def profile_plants(data, current, base_rows, report):
    """(PlantProfiles in plant-id order, tc ids used by base configurations)."""
    gpd_by = {g["plant_id"]: g for g in data.gpd}
    profiles, used_tc = [], set()
    for pid in sorted(current):
        sections = base_sections(pid, base_rows.get(pid, []), data.technologies, report)
        used_tc.update(unique_tc_ids(sections))
        profile = profile_plant(current[pid], gpd_by.get(pid, {}), sections, bool(base_rows.get(pid)), report)
        if profile is not None:
            profiles.append(profile)
    return profiles, used_tc


def build_edges(src_dir, records, commodities, prices, locations, report):
    """(edge rows, reference-link status, (network rows, member rows)): derived edges
    first, then the reference links, then the hand-kept added and dropped links, and last
    the pipeline networks, which replace the edges they cover (networks.py). `prices`: product price per sector, which
    turns a derived flow into a share of the supplier's revenue; `locations`: plant id ->
    (latitude, longitude), for the reach of derived edges."""
    edges = EdgeSet(records, prices, locations)
    derived = derive_edges(edges, commodities)
    status = add_reference_edges(edges, read_reference_links(src_dir, report), report)
    added = add_hand_kept_links(edges, report)
    drop_links(edges, report)
    edges.cap_offtake(report)
    networks = build_networks(edges, report)
    report.note(f"{added} edges from tables/added_links.csv")
    report.note(f"{derived} edges derived from output->input commodity matches in the same cluster")
    return edges.rows(), status, networks


def run_import(src_dir, outdir, catalogue=None):
    """Import MIDDEN from `src_dir` into `outdir`; returns (plant records, edge rows)."""
    check_infrastructure(INFRASTRUCTURE_SOURCE)    # fail before writing anything
    data = read_midden(src_dir)
    report = Report()
    current = select_current(data, report)
    base_rows, alt_rows = split_configurations(data.pcd, current, report)
    profiles, used_tc = profile_plants(data, current, base_rows, report)
    stats = SectorStatistics.of(profiles)
    records = [plant_record(p, stats, report) for p in profiles]
    added, added_locations = added_plant_records(src_dir, stats, report)
    records += added
    if catalogue is None:
        catalogue = default_catalogue(outdir)
    option_cols, options = build_plant_options(records, alt_rows, data.technologies, catalogue)
    options.rows = split_options(options.rows)
    for t in sorted(data.technologies):
        if t not in used_tc and t not in options.tc_ids:
            report.skip("tc", t, "not used by the base configuration of a current plant nor by a mapped plant option")
    prices = read_product_prices(default_sector_table(outdir))
    assign_employment(records, {g["plant_id"]: g for g in data.gpd}, prices, report)
    os.makedirs(outdir, exist_ok=True)
    whole_sites = records
    records = split_records(records, report)
    write_csv(os.path.join(outdir, "plants.csv"), PLANT_COLUMNS, [r.columns for r in records])
    locations = {p["plant_id"]: (p["latitude"], p["longitude"]) for p in data.plants
                 if isinstance(p.get("latitude"), (int, float)) and isinstance(p.get("longitude"), (int, float))}
    locations.update(added_locations)
    # edges are derived between whole sites (their flows are the site's) and then split
    edges, ref_status, (networks, members) = build_edges(src_dir, whole_sites, data.commodities, prices,
                                                         locations, report)
    edges = split_edges(edges)
    write_csv(os.path.join(outdir, "edges.csv"), EDGE_COLUMNS, edges)
    write_csv(os.path.join(outdir, "networks.csv"), NETWORK_COLUMNS, networks)
    write_csv(os.path.join(outdir, "network_members.csv"), MEMBER_COLUMNS, members)
    write_nea(os.path.join(outdir, "nea_2020_by_cluster.csv"), records)
    copy_infrastructure(outdir)
    write_csv(os.path.join(outdir, "plant_options.csv"), option_cols, options.rows)
    counts = ImportCounts(
        midden_plants=len(data.plants), current_plants=len(current), pcd_rows=len(data.pcd),
        base_rows=sum(len(v) for v in base_rows.values()), alternative_rows=len(alt_rows),
        tc_records=len(data.technologies), used_tc=used_tc)
    write_report(os.path.join(outdir, "import_report.txt"), report, counts, records, edges,
                 ref_status, options)
    return records, edges
