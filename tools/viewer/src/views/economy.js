// Reduction decomposition, jobs and value added, where the file has them: run files per
// cluster with the national total, sweep files as national bands (decomposition: medians).
import { renderChart, colour } from '../chart.js';
import { yearColumns } from '../project.js';
import { scaled } from '../units.js';
import { bandTitle, declaredSpec, labelsOf, medianAndBands, unitOf } from '../declared.js';

function decomposition(el, rf) {
  const name = rf.isSweep ? 'national_reduction_quantiles' : 'cluster_reduction';
  if (!rf.has(name)) return;
  const spec = declaredSpec(rf, name, 'reduction_part', { id: 'reduction-decomposition' });
  spec.title = rf.isSweep ? bandTitle(rf, name, 'each part\'s median over runs')
    : `${rf.info(name).longName}, national, by part`;
  const total = spec.x.map((_, y) => spec.series.reduce((a, s) => a + s.values[y], 0));
  spec.series.push({ label: rf.isSweep ? 'sum of medians' : 'total change', values: total, color: '#000000', width: 3 });
  renderChart(el, spec);
}

function byCluster(el, rf, name, id) {
  if (!rf.has(name)) return;
  const unit = unitOf(rf, name);
  const x = rf.coord('year');
  const labels = labelsOf(rf, 'cluster');
  const columns = yearColumns(rf, name, 'cluster', { run: 0 });
  const national = columns[0].map((_, y) => columns.reduce((a, c) => a + c[y], 0));
  renderChart(el, { id, title: `${rf.info(name).longName}: national and by cluster`, xLabel: 'year', yLabel: unit.label, x,
    series: [{ label: 'national', values: scaled(national, unit.factor), color: '#000000', width: 3 },
      ...columns.map((c, i) => ({ label: labels[i], values: scaled(c, unit.factor), color: colour(i) }))] });
}

function band(el, rf, name, id) {
  if (!rf.has(name)) return;
  const { median, bands } = medianAndBands(rf, name);
  renderChart(el, { id, title: bandTitle(rf, name), xLabel: 'year', yLabel: unitOf(rf, name).label, x: rf.coord('year'),
    series: [median], bands });
}

export function economyView(el, rf) {
  decomposition(el, rf);
  if (rf.isSweep) {
    band(el, rf, 'national_jobs_quantiles', 'jobs');
    band(el, rf, 'national_value_added_quantiles', 'value-added');
  } else {
    byCluster(el, rf, 'cluster_jobs', 'jobs');
    byCluster(el, rf, 'cluster_value_added', 'value-added');
  }
  if (!el.childElementCount) el.textContent = 'This file has no decomposition, jobs or value added series.';
}
