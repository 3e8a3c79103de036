// Infrastructure use against capacity (CO2 storage and shipping, hydrogen, biomethane,
// grid per cluster) and support by instrument. Sweep files: the use's median and bands,
// the capacity's median dashed, each instrument's median support stacked.
import { renderChart, colour } from '../chart.js';
import { yearColumns, quantileBand } from '../project.js';
import { scaled } from '../units.js';
import { bandTitle, labelsOf, unitOf } from '../declared.js';

const PAIRS = [
  ['co2_storage', 'co2_storage_used', 'co2_storage_capacity'],
  ['co2_shipping', 'co2_shipping_used', 'co2_shipping_capacity'],
  ['hydrogen', 'hydrogen_used', 'hydrogen_supply'],
  ['biomethane', 'biomethane_used', 'biomethane_supply'],
];

function line(rf, name, fix = {}) {
  const unit = unitOf(rf, rf.isSweep ? `${name}_quantiles` : name);
  if (rf.isSweep) return scaled(quantileBand(rf, `${name}_quantiles`, fix).q50, unit.factor);
  return scaled(yearColumns(rf, name, null, { run: 0, ...fix })[0], unit.factor);
}

function pairChart(el, rf, [id, used, capacity]) {
  const sfx = rf.isSweep ? '_quantiles' : '';
  if (!rf.has(used + sfx) || !rf.has(capacity + sfx)) return;
  const unit = unitOf(rf, used + sfx);
  const spec = { id: `infra-${id}`, title: `${rf.info(used + sfx).longName} against ${rf.info(capacity + sfx).longName}`,
    xLabel: 'year', yLabel: unit.label, x: rf.coord('year'), bands: [],
    series: [{ label: rf.isSweep ? 'used (median)' : 'used', values: line(rf, used), color: colour(0), width: 3 },
      { label: rf.isSweep ? 'capacity (median)' : 'capacity', values: line(rf, capacity), color: colour(3), dash: [6, 4] }] };
  if (rf.isSweep) {
    const b = quantileBand(rf, used + sfx);
    spec.bands.push({ label: 'used 5–95 %', lo: scaled(b.q05, unit.factor), hi: scaled(b.q95, unit.factor), color: colour(0) });
  }
  renderChart(el, spec);
}

function gridChart(el, rf) {
  const sfx = rf.isSweep ? '_quantiles' : '';
  if (!rf.has(`cluster_grid_used${sfx}`)) return;
  const labels = labelsOf(rf, 'cluster');
  const series = [];
  labels.forEach((label, c) => {
    series.push({ label: `${label} used`, values: line(rf, 'cluster_grid_used', { cluster: c }), color: colour(c), width: 2 },
      { label: `${label} headroom`, values: line(rf, 'cluster_grid_headroom', { cluster: c }), color: colour(c), dash: [6, 4], width: 1 });
  });
  renderChart(el, { id: 'infra-grid', title: `Grid per cluster: ${rf.info(`cluster_grid_used${sfx}`).longName} (solid) against headroom (dashed)${rf.isSweep ? ', medians' : ''}`,
    xLabel: 'year', yLabel: unitOf(rf, `cluster_grid_used${sfx}`).label, x: rf.coord('year'), series });
}

// Sweep files (layout 11 on): each instrument's median over runs, stacked (the file has
// no band of the total paid, so the stack is of medians, as the sweep route mix).
function sweepSubsidyChart(el, rf) {
  const name = 'instrument_paid_quantiles';
  if (!rf.has(name)) return;
  const unit = unitOf(rf, name);
  const labels = labelsOf(rf, 'instrument');
  const paid = yearColumns(rf, name, 'instrument', { quantile: rf.coord('quantile').indexOf(0.5) });
  renderChart(el, { id: 'subsidy-paid', title: `Support by instrument: ${bandTitle(rf, name, 'each instrument\'s median over runs (stacked)')}`,
    xLabel: 'year', yLabel: unit.label, x: rf.coord('year'), stacked: true,
    series: paid.map((c, i) => ({ label: labels[i], values: scaled(c, unit.factor), color: colour(i) })).filter((s) => s.values.some((v) => v !== 0)),
    note: 'Medians of each instrument over runs; they need not add up to the median of the total paid.' });
}

function subsidyCharts(el, rf) {
  if (rf.isSweep) return sweepSubsidyChart(el, rf);
  if (!rf.has('instrument_paid')) return;
  const labels = labelsOf(rf, 'instrument');
  const x = rf.coord('year');
  const unit = unitOf(rf, 'instrument_paid');
  const paid = yearColumns(rf, 'instrument_paid', 'instrument', { run: 0 });
  renderChart(el, { id: 'subsidy-paid', title: `Support by instrument: ${rf.info('instrument_paid').longName} (stacked)`, xLabel: 'year', yLabel: unit.label, x, stacked: true,
    series: paid.map((c, i) => ({ label: labels[i], values: scaled(c, unit.factor), color: colour(i) })).filter((s) => s.values.some((v) => v !== 0)) });
  if (!rf.has('instrument_committed') || !rf.has('instrument_budget')) return;
  const committed = yearColumns(rf, 'instrument_committed', 'instrument', { run: 0 });
  const budget = yearColumns(rf, 'instrument_budget', 'instrument', { run: 0 });
  const series = [];
  labels.forEach((label, i) => {
    series.push({ label: `${label} committed`, values: scaled(committed[i], unit.factor), color: colour(i) },
      { label: `${label} budget`, values: scaled(budget[i], unit.factor), color: colour(i), dash: [6, 4], width: 1 });
  });
  renderChart(el, { id: 'subsidy-committed', title: `${rf.info('instrument_committed').longName} (solid) against ${rf.info('instrument_budget').longName} (dashed)`,
    xLabel: 'year', yLabel: unit.label, x, series: series.filter((s) => s.values.some((v) => v !== 0)) });
}

export function infrastructureView(el, rf) {
  for (const pair of PAIRS) pairChart(el, rf, pair);
  gridChart(el, rf);
  subsidyCharts(el, rf);
}
