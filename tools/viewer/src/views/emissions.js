// National and per-cluster net emissions over time; sweep files: quantile bands; the
// climate target paths where the file has them (dashed).
import { renderChart, colour } from '../chart.js';
import { yearColumns, quantileBand } from '../project.js';
import { scaled } from '../units.js';
import { bandTitle, labelsOf, medianAndBands, unitOf } from '../declared.js';

function targetLines(rf) {
  const name = rf.isSweep ? 'target_co2_net_quantiles' : 'target_co2_net';
  if (!rf.has(name)) return [];
  const unit = unitOf(rf, name);
  const fix = rf.isSweep ? { quantile: rf.coord('quantile').indexOf(0.5) } : { run: 0 };
  const labels = labelsOf(rf, 'target');
  return yearColumns(rf, name, 'target', fix)
    .map((c, i) => ({ label: `target ${labels[i]}`, values: scaled(c, unit.factor), color: '#555555', dash: [4 + 3 * i, 4] }))
    .filter((s) => s.values.some((v) => v !== 0));
}

function runCharts(el, rf) {
  const name = 'cluster_co2_net';
  const unit = unitOf(rf, name);
  const x = rf.coord('year');
  const national = yearColumns(rf, name, null, { run: 0 })[0];
  renderChart(el, { id: 'emissions-national', title: `National ${rf.info(name).longName.replace(/, cluster total$/, '')} (sum over clusters)`,
    xLabel: 'year', yLabel: unit.label, x,
    series: [{ label: 'net CO2', values: scaled(national, unit.factor), color: colour(0), width: 3 }, ...targetLines(rf)] });
  const labels = labelsOf(rf, 'cluster');
  renderChart(el, { id: 'emissions-clusters', title: `${rf.info(name).longName} by cluster`, xLabel: 'year', yLabel: unit.label, x,
    series: yearColumns(rf, name, 'cluster', { run: 0 }).map((c, i) => ({ label: labels[i], values: scaled(c, unit.factor) })) });
}

function sweepCharts(el, rf) {
  const x = rf.coord('year');
  const nat = 'co2_net_quantiles';
  const unit = unitOf(rf, nat);
  const s = (v) => scaled(v, unit.factor);
  const { median, bands } = medianAndBands(rf, nat);
  renderChart(el, { id: 'emissions-national', title: bandTitle(rf, nat), xLabel: 'year', yLabel: unit.label, x,
    series: [median, ...targetLines(rf)], bands });
  const cl = 'cluster_co2_net_quantiles';
  const labels = labelsOf(rf, 'cluster');
  const perCluster = labels.map((_, i) => quantileBand(rf, cl, { cluster: i }));
  renderChart(el, { id: 'emissions-clusters', title: bandTitle(rf, cl, 'median and 25–75 % of runs by cluster'), xLabel: 'year', yLabel: unit.label, x,
    series: perCluster.map((bc, i) => ({ label: labels[i], values: s(bc.q50), color: colour(i) })),
    bands: perCluster.map((bc, i) => ({ label: `${labels[i]} 25–75 %`, lo: s(bc.q25), hi: s(bc.q75), color: colour(i), alpha: 0.12 })) });
}

export function emissionsView(el, rf) {
  (rf.isSweep ? sweepCharts : runCharts)(el, rf);
}
