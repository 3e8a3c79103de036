// Route mix as stacked areas: production value by kind of route in force, per cluster
// (run files) or as shares of the base-year value, national and per cluster (sweep files,
// medians), with the production lost since the base year stacked on top, so closures and
// relocation stay visible.
import { renderChart, colour } from '../chart.js';
import { yearColumns } from '../project.js';
import { scaled } from '../units.js';
import { bandTitle, labelsOf, unitOf } from '../declared.js';

const LOST_COLOUR = '#bbbbbb';

// Stacks the kinds that ever produce, then the loss against `baseline` (clamped at 0).
function stackSeries(columns, kinds, baseline) {
  const series = columns.map((c, k) => ({ label: kinds[k], values: c, color: colour(k) }))
    .filter((s) => s.values.some((v) => v !== 0));
  const total = columns[0].map((_, y) => columns.reduce((a, c) => a + c[y], 0));
  series.push({ label: 'lost since base year', values: total.map((t, y) => Math.max(0, baseline[y] - t)), color: LOST_COLOUR });
  return series;
}

function runCharts(el, rf) {
  const name = 'cluster_production_value_by_kind';
  const unit = unitOf(rf, name);
  const x = rf.coord('year');
  const kinds = labelsOf(rf, 'kind');
  const base = yearColumns(rf, 'cluster_production_value', 'cluster', { run: 0 }).map((c) => c[0]);
  labelsOf(rf, 'cluster').forEach((cluster, c) => {
    const columns = yearColumns(rf, name, 'kind', { run: 0, cluster: c }).map((col) => scaled(col, unit.factor));
    renderChart(el, { id: `route-mix-${rf.coord('cluster')[c]}`, title: `${cluster}: ${rf.info(name).longName}`,
      xLabel: 'year', yLabel: unit.label, x, stacked: true, height: 240,
      series: stackSeries(columns, kinds, x.map(() => base[c] * unit.factor)) });
  });
}

const MEDIANS_NOTE = 'Medians of each kind over runs; they need not add up to the median total, so "lost" is 1 less the sum of the medians.';

function sweepCharts(el, rf) {
  const x = rf.coord('year');
  const median = { quantile: rf.coord('quantile').indexOf(0.5) };
  const kinds = labelsOf(rf, 'kind');
  const whole = x.map(() => 1);
  if (rf.has('production_share_by_kind_quantiles')) {
    const name = 'production_share_by_kind_quantiles';
    renderChart(el, { id: 'route-mix-national', title: bandTitle(rf, name, 'each kind\'s median over runs (stacked)'),
      xLabel: 'year', yLabel: 'share of base-year production value', x, stacked: true,
      series: stackSeries(yearColumns(rf, name, 'kind', median), kinds, whole), note: MEDIANS_NOTE });
  }
  // Per cluster (layout 11 on): each cluster's mix as a share of its own base-year value.
  const name = 'cluster_production_share_by_kind_quantiles';
  if (!rf.has(name)) return;
  const ids = rf.coord('cluster');
  labelsOf(rf, 'cluster').forEach((cluster, c) => {
    renderChart(el, { id: `route-mix-${ids[c]}`, title: `${cluster}: ${bandTitle(rf, name, 'each kind\'s median over runs (stacked)')}`,
      xLabel: 'year', yLabel: 'share of base-year value', x, stacked: true, height: 240,
      series: stackSeries(yearColumns(rf, name, 'kind', { ...median, cluster: c }), kinds, whole) });
  });
}

export function routeMixView(el, rf) {
  const sweepMix = ['production_share_by_kind_quantiles', 'cluster_production_share_by_kind_quantiles'];
  if (rf.isSweep ? sweepMix.some((n) => rf.has(n)) : rf.has('cluster_production_value_by_kind')) {
    (rf.isSweep ? sweepCharts : runCharts)(el, rf);
  } else {
    el.textContent = 'This file has no route mix series.';
  }
}
