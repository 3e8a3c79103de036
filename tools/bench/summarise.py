#!/usr/bin/python3
"""Summarise eiisim_bench's Google Benchmark JSON: throughput and ratios in one table.

usage: summarise.py <bench.json>

Takes the median over repetitions where the JSON has aggregates, otherwise the single
measurement. Ratios: speed-up = rate(n threads) / rate(1 thread); parallel efficiency =
speed-up / n; HDF5 vs raw = write_run_hdf5 MB/s / ofstream MB/s for the same bytes.
"""
import json
import os
import platform
import sys


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def usable_cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 0


def pick(benchmarks):
    """run_name -> one result: the median aggregate if present, else the plain run."""
    plain, median, reps = {}, {}, {}
    for b in benchmarks:
        name = b.get("run_name", b["name"])
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                median[name] = b
                reps[name] = b.get("repetitions", 1)
        elif not b.get("error_occurred"):
            plain.setdefault(name, b)
    chosen = {**plain, **median}
    return chosen, max(reps.values(), default=1)


def seconds(b):
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b.get("time_unit", "ns")]
    return b["real_time"] * scale


def by_prefix(results, prefix):
    return [b for name, b in results.items() if name.startswith(prefix + "/")]


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    ctx = data.get("context", {})
    results, reps = pick(data.get("benchmarks", []))
    load = ", ".join(f"{x:.2f}" for x in ctx.get("load_avg", [])) or "n/a"

    print(f"eiisim benchmarks, {ctx.get('date', '?')}")
    print(f"machine: {usable_cpus()} usable CPUs (nproc), {ctx.get('num_cpus', '?')} reported, "
          f"{cpu_model()}; load average at start {load}")
    print(f"dataset: {ctx.get('plants', '?')} plants x {ctx.get('years', '?')} years "
          f"({os.path.relpath(ctx.get('scenario', '?'))}); "
          + (f"median of {reps} repetitions" if reps > 1 else "one measurement each"))

    full = sorted(by_prefix(results, "BM_FullRun"), key=lambda b: b["threads"])
    if full:
        base = full[0]["plant_years_per_s"] if full[0]["threads"] == 1 else None
        print("\none full run, parallel over plants (BM_FullRun)")
        print(f"  {'threads':>7}  {'plant-years/s':>14}  {'runs/s':>8}  {'ms/run':>7}  {'speed-up':>8}  {'efficiency':>10}")
        for b in full:
            n = int(b["threads"])
            rate = b["plant_years_per_s"]
            up = f"{rate / base:8.2f}" if base else f"{'-':>8}"
            eff = f"{100 * rate / base / n:9.0f}%" if base else f"{'-':>10}"
            print(f"  {n:>7}  {rate / 1e6:12.3f} M  {b['runs_per_s']:8.1f}  {seconds(b) * 1e3:7.2f}  {up}  {eff}")
        if full[0]["threads"] == 1:
            busy = full[0]["cpu_time"] / full[0]["real_time"]
            print(f"  1-thread CPU time / wall time {busy:.2f} (near 1: a core was free; lower: the "
                  "machine was busy and the multi-thread rows understate scaling)")

    ens = sorted(by_prefix(results, "BM_RunsInParallel"), key=lambda b: (b["threads"], -b["isolate"]))
    if ens:
        base = next((b["runs_per_s"] for b in ens if b["threads"] == 1), None)
        print("\nensemble of independent runs, parallel over runs (BM_RunsInParallel)")
        print(f"  {'threads':>7}  {'isolate':>7}  {'runs/s':>8}  {'speed-up':>8}  {'efficiency':>10}  {'peak runs in flight':>19}")
        for b in ens:
            n = int(b["threads"])
            rate = b["runs_per_s"]
            up = f"{rate / base:8.2f}" if base else f"{'-':>8}"
            eff = f"{100 * rate / base / n:9.0f}%" if base else f"{'-':>10}"
            iso = "yes" if b["isolate"] else "no"
            print(f"  {n:>7}  {iso:>7}  {rate:8.1f}  {up}  {eff}  {int(b['peak_runs_in_flight']):>19}")

    h5 = results.get("BM_WriteHdf5/real_time")
    raw = results.get("BM_RawWrite/real_time")
    if h5:
        print("\nHDF5 output of one run (BM_WriteHdf5, BM_RawWrite)")
        mem = h5["memory_bytes_per_plant_year"]
        per = h5["bytes_per_plant_year"]
        print(f"  file {h5['file_bytes'] / 1e3:.1f} kB = {per:.1f} B per plant-year "
              f"(plant arrays in memory {mem:.0f} B per plant-year, {mem / per:.2f}x larger)")
        print(f"  write_run_hdf5   {h5['bytes_per_second'] / 1e6:9.2f} MB/s  {seconds(h5) * 1e3:8.2f} ms/file")
        if raw:
            print(f"  raw ofstream     {raw['bytes_per_second'] / 1e6:9.2f} MB/s  {seconds(raw) * 1e3:8.2f} ms/file")
            ratio = h5["bytes_per_second"] / raw["bytes_per_second"]
            print(f"  HDF5 / raw throughput ratio {ratio:.4f} (raw write {1 / ratio:.0f}x faster)")

    load_inputs = results.get("BM_LoadInputs/real_time")
    if load_inputs:
        print(f"\nload_inputs (BM_LoadInputs): {seconds(load_inputs) * 1e3:.2f} ms")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
