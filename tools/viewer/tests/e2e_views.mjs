// What each view must show for a run file, a sweep file and two runs side by side.
import { check, chartCsv, chartPngCheck, compareColumns, column, downloadCsv } from './e2e_checks.mjs';
import { dropFiles, openPage, tab } from './e2e_page.mjs';

const RUN_TABS = ['emissions', 'route-mix', 'economy', 'plants', 'infrastructure', 'series'];
const SWEEP_TABS = ['emissions', 'route-mix', 'economy', 'infrastructure', 'experiments', 'series'];

async function chartsMatch(page, expected, ids) {
  for (const id of ids) compareColumns(await chartCsv(page, id), expected[id], id);
}

async function plantChecks(page, e) {
  const rows = page.locator('table.plants tbody tr');
  check(await rows.count() === e.count, `plants: table lists ${e.count} plants`);
  check(await rows.first().getAttribute('data-plant') === e.top_id, `plants: sorted by base-year net CO2, ${e.top_id} first`);
  await rows.first().click();
  await page.waitForSelector(`figure[data-chart="decisions-${e.top_id}"]`);
  const log = page.locator('table.log tbody tr.option');
  const decisions = await chartCsv(page, `decisions-${e.top_id}`);
  check(decisions.rows.length === e.top_log_rows, `plants: decision log CSV of ${e.top_id} has ${e.top_log_rows} rows (options, and decisions without any)`);
  check(await log.count() === e.top_options, `plants: decision log of ${e.top_id} lists its ${e.top_options} options weighed`);
  check(await page.locator('table.log tbody tr.chosen').count() === e.top_chosen, `plants: ${e.top_chosen} chosen options marked`);
  const traj = await chartCsv(page, `plant-${e.top_id}`);
  const net = column(traj, 'scope-1 CO2 emitted in the Netherlands (gross - captured)');
  check(net && Math.abs(net[0] - e.top_base_mt) < 1e-9, `plants: trajectory of ${e.top_id} starts at ${e.top_base_mt.toFixed(3)} Mt`);
  const cluster = e.first_cluster;
  await page.selectOption('select[data-filter="cluster"]', cluster);
  const cells = await page.locator('table.plants tbody tr td:nth-child(4)').allTextContents();
  check(cells.length > 0 && cells.every((c) => c === cluster), `plants: the cluster filter keeps only ${cluster} (${cells.length} plants)`);
}

export async function runChecks(browser, file, e, shots) {
  const { page, close } = await openPage(browser, [file]);
  for (const id of RUN_TABS) await tab(page, id, shots, 'run');
  await tab(page, 'emissions');
  await chartsMatch(page, e, ['emissions-national', 'emissions-clusters']);
  await chartPngCheck(page, 'emissions-national');
  await tab(page, 'route-mix');
  await chartsMatch(page, e, Object.keys(e).filter((k) => k.startsWith('route-mix-')));
  await tab(page, 'economy');
  await chartsMatch(page, e, ['reduction-decomposition', 'jobs', 'value-added']);
  await tab(page, 'infrastructure');
  await chartsMatch(page, e, ['infra-co2_storage', 'subsidy-paid']);
  await tab(page, 'plants');
  await plantChecks(page, { ...e.plants, first_cluster: e.clusters[0] });
  await page.screenshot({ path: `${shots}/run-plants-detail.png` });
  await close();
}

// A second run file dropped on a page with one open becomes the comparison.
export async function dropChecks(browser, file, dropped, e) {
  const { page, close } = await openPage(browser, [file]);
  check(await dropFiles(page, [dropped], 2) === 'ready', `drag and drop: ${dropped.split('/').pop()} dropped on the page opens`);
  await page.waitForSelector('#view-series[data-rendered]');
  compareColumns(await chartCsv(page, 'series-cluster_co2_net-b'), { total: e['emissions-national'] }, 'drag and drop: the dropped file\'s national net CO2');
  await close();
}

export async function sweepChecks(browser, file, e, shots) {
  const { page, close } = await openPage(browser, [file]);
  for (const id of SWEEP_TABS) await tab(page, id, shots, 'sweep');
  await tab(page, 'emissions');
  await chartsMatch(page, e, ['emissions-national']);
  await tab(page, 'route-mix');
  await chartsMatch(page, e, ['route-mix-national', ...Object.keys(e).filter((k) => k.startsWith('route-mix-') && k !== 'route-mix-national')]);
  await tab(page, 'infrastructure');
  await chartsMatch(page, e, ['infra-co2_storage', 'subsidy-paid']);
  await tab(page, 'experiments');
  await page.selectOption('select[data-picker="parameter"]', { label: e['experiments-scatter'].parameter });
  await page.selectOption('select[data-picker="outcome"]', { label: 'net_co2 (2030)' });
  const csv = await chartCsv(page, 'experiments-scatter');
  const pairs = e['experiments-scatter'].x.map((x, i) => [x, e['experiments-scatter'].y[i]]).sort((p, q) => p[0] - q[0]);
  check(csv.rows.length === e.runs, `experiments: scatter has one point per run (${e.runs})`);
  compareColumns(csv, { [e['experiments-scatter'].parameter]: pairs.map((p) => p[0]), 'net_co2 (2030)': pairs.map((p) => p[1]) }, 'experiments-scatter');
  await page.screenshot({ path: `${shots}/sweep-experiments.png`, fullPage: true });
  await close();
}

// A sweep saved with --save plants: the plant tab, with a run picked.
export async function sweepPlantChecks(browser, file, e, shots) {
  const { page, close } = await openPage(browser, [file]);
  await tab(page, 'plants');
  await page.selectOption('select[data-picker="run"]', String(e.run));
  await page.waitForSelector(`#view-plants div[data-run="${e.run}"] table.plants tbody tr`);
  const rows = page.locator('table.plants tbody tr');
  check(await rows.count() === e.count, `sweep plants: run ${e.run} lists ${e.count} plants`);
  await page.locator(`table.plants tbody tr[data-plant="${e.plant_id}"]`).click();
  const traj = await chartCsv(page, `plant-${e.plant_id}`);
  compareColumns(traj, { 'scope-1 CO2 emitted in the Netherlands (gross - captured)': e.net_mt }, `sweep plants: run ${e.run}, ${e.plant_id}'s net CO2`);
  const table = await downloadCsv(page, page.locator('#view-plants .filters button[data-download="csv"]'), `plants-run-${e.run}`);
  const last = table.header.indexOf(e.end_column);
  const byId = Object.fromEntries(table.rows.map((r) => [r[0], Number(r[last])]));
  check(Object.entries(e.end_mt).every(([id, v]) => Math.abs(byId[id] - v) < 1e-9 * Math.max(1, Math.abs(v))),
    `sweep plants: the table's last-year net CO2 is run ${e.run}'s for every plant`);
  if (shots) await page.screenshot({ path: `${shots}/sweep-plants.png`, fullPage: true });
  await close();
}

export async function compareChecks(browser, a, b, shots) {
  const { page, close } = await openPage(browser, [a, b]);
  await page.waitForSelector('#view-series[data-rendered]');
  const figures = page.locator('#view-series figure.chart');
  check(await figures.count() === 2, 'compare: two charts side by side');
  await page.waitForFunction(() => document.querySelectorAll('#view-series figure.chart[data-y-range]').length === 2);
  const ranges = await figures.evaluateAll((fs) => fs.map((f) => f.dataset.yRange));
  const [lo, hi] = (ranges[0] || '').split(',').map(Number);
  check(ranges[0] === ranges[1] && Number.isFinite(lo) && hi > lo, `compare: both on the same y axis (${ranges.join(' | ')})`);
  const [ca, cb] = [await chartCsv(page, 'series-cluster_co2_net-a'), await chartCsv(page, 'series-cluster_co2_net-b')];
  check(ca.rows.length === cb.rows.length && ca.rows.length > 0, 'compare: both files give a series over the same years');
  await page.screenshot({ path: `${shots}/compare-series.png`, fullPage: true });
  // Mark the page stale first so the wait cannot pass on the earlier 'ready'.
  await page.evaluate(() => { document.body.dataset.state = 'stale'; });
  await page.setInputFiles('#file-a', b);
  await page.waitForSelector('body[data-state="ready"]');
  const name = b.split('/').pop();
  check((await page.textContent('.meta')).startsWith(name), `file picker: ${name} opened in place of the first file`);
  await close();
}

// Opening time of a large file and of drawing its first view (printed, not asserted).
export async function timeLarge(browser, file) {
  const t0 = Date.now();
  const { page, close } = await openPage(browser, [file]);
  await page.waitForSelector('section.active[data-rendered]');
  const openMs = Number(await page.getAttribute('body', 'data-open-ms'));
  const drawMs = Number(await page.locator('section.active').getAttribute('data-rendered'));
  const steps = await page.getAttribute('body', 'data-open-steps');
  console.log(`timing: ${file}: opened in ${openMs.toFixed(0)} ms in the page (${steps}), first view drawn in ${drawMs.toFixed(0)} ms; ${Date.now() - t0} ms from starting the server to a drawn page`);
  await close();
}
