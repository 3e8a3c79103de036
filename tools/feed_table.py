# Side by side: feedstock mix, circularity indicators, entrants, jobs and value added of
# scenarios over seeds 1..SEEDS (issue 15; docs/scenarios.md "circular-chemistry"), as a
# markdown table of medians [5-95 %] in 2030, 2040 and 2050.
# usage: /usr/bin/python3 tools/feed_table.py EIISIM SEEDS SCENARIO.toml...
import os, subprocess, sys, tempfile

import h5py
import numpy as np

exe, seeds, scenarios = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
years = (2030, 2040, 2050)
MIX_SECTORS = ('hvc', 'refining', 'ammonia', 'methanol')
rows = {}
scratch = tempfile.mkdtemp(prefix='eiisim-feed-table-')
for sc in scenarios:
    name = os.path.basename(sc).replace('.toml', '')
    vals = {}
    for seed in range(1, seeds + 1):
        out = os.path.join(scratch, f'{name}_{seed}.h5')
        subprocess.run([exe, 'run', '--scenario', sc, '--seed', str(seed), '--out', out], check=True, capture_output=True)
        with h5py.File(out, 'r') as h:
            yrs = list(h['year'][:])
            origins = [o.decode() if isinstance(o, bytes) else o for o in h['feed_origin'][:]]
            for y in years:
                yi = yrs.index(y)
                use = h['feedstock_use'][...].reshape(len(yrs), -1)[yi]
                d = {
                    'net CO2 (Mt)': h['cluster_co2_net'][...].reshape(len(yrs), -1)[yi].sum() / 1e6,
                    'recycled feed (kt)': use[origins.index('recycled')] / 1e3,
                    'bio feed (kt)': use[origins.index('bio')] / 1e3,
                    'fossil feed (Mt)': h['fossil_feedstock_use'][...].reshape(len(yrs))[yi] / 1e6,
                    'renewable carbon share (%)': 100 * h['renewable_carbon_share'][...].reshape(len(yrs))[yi],
                    'recycled content (%)': 100 * h['recycled_content_share'][...].reshape(len(yrs))[yi],
                    'embodied fossil CO2 (Mt)': h['embodied_fossil_co2'][...].reshape(len(yrs))[yi] / 1e6,
                    'buy-out paid (M EUR)': h['feedstock_buyout'][...].reshape(len(yrs))[yi] / 1e6,
                    'entrant capacity (kt/yr)': h['cluster_entrant_capacity'][...].reshape(len(yrs), -1)[yi].sum() / 1e3,
                    'jobs (k FTE)': h['cluster_jobs'][...].reshape(len(yrs), -1)[yi].sum() / 1e3,
                    'value added (bn EUR)': h['cluster_value_added'][...].reshape(len(yrs), -1)[yi].sum() / 1e9,
                }
                sec = [s.decode() if isinstance(s, bytes) else s for s in h['plant_sector'][:]]
                prod = h['production'][...].reshape(len(yrs), -1)[yi]
                d['HVC production (Mt)'] = sum(p for p, s in zip(prod, sec) if s == 'hvc') / 1e6
                d['refining throughput (Mt)'] = sum(p for p, s in zip(prod, sec) if s == 'refining') / 1e6
                # Each sector's feed mix: the production-weighted mean of its plants' shares
                # (tools/eiisim_results/circularity.py, docs/ODD.md §7.18).
                share = h['feed_origin_share'][...].reshape(len(yrs), len(sec), len(origins))[yi]
                for sector in MIX_SECTORS:
                    weight = sum(p for p, s in zip(prod, sec) if s == sector)
                    for o, origin in enumerate(origins):
                        replaced = sum(p * share[i, o] for i, (p, s) in enumerate(zip(prod, sec)) if s == sector)
                        d[f'{sector}: {origin} feed (% of fossil feed)'] = 100 * replaced / weight if weight > 0 else 0.0
                for k, v in d.items():
                    vals.setdefault(k, {}).setdefault(y, []).append(v)
        os.remove(out)
    rows[name] = vals
names = list(rows)
os.rmdir(scratch)
print(f'median [5-95 %] over seeds 1-{seeds}; {exe} run --scenario <scenario> --seed S; tools/feed_table.py')
print('| | ' + ' | '.join(f'{n} {y}' for n in names for y in years) + ' |')
print('|---|' + '---|' * (len(names) * len(years)))
for k in rows[names[0]]:
    if ':' in k and all(v == 0 for n in names for y in years for v in rows[n][k][y]):
        continue  # a sector-origin pair no scenario uses
    cells = []
    for n in names:
        for y in years:
            a = np.array(rows[n][k][y])
            cells.append(f'{np.median(a):.3g} [{np.percentile(a,5):.3g}-{np.percentile(a,95):.3g}]')
    print(f'| {k} | ' + ' | '.join(cells) + ' |')
