// Line, band, stacked-area and scatter charts (uPlot) with "download CSV" of exactly the
// plotted values and "download PNG" of the drawing with its title and legend.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { downloadButtons } from './download.js';
import { chartPng } from './chart_png.js';

export const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
  '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39'];

export function colour(i) { return PALETTE[i % PALETTE.length]; }

function alpha(hex, a) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16},${(n >> 8) & 255},${n & 255},${a})`;
}

function fmt(v) {
  if (v == null || !Number.isFinite(v)) return '–';
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

// The plotted columns: lines as given, bands as lo/hi pairs, stacks cumulated.
function plotData(spec) {
  const data = [spec.x];
  const series = [{ label: spec.xLabel }];
  const bands = [];
  let base = null;
  spec.series.forEach((s, i) => {
    const c = s.color || colour(i);
    let values = s.values;
    if (spec.stacked) {
      values = values.map((v, k) => v + (base ? base[k] : 0));
      if (base) bands.push({ series: [data.length, data.length - 1], fill: alpha(c, 0.6) });
      base = values;
    }
    data.push(values);
    series.push({
      label: s.label, stroke: c, width: s.width ?? (spec.scatter ? 0 : 2), dash: s.dash,
      fill: spec.stacked ? alpha(c, 0.6) : undefined,
      paths: spec.scatter ? () => null : undefined,
      points: spec.scatter ? { show: true, size: 5, fill: c, stroke: c } : { show: false },
      value: (u, v, si, di) => fmt(di == null ? v : s.values[di]),
    });
  });
  for (const b of spec.bands || []) {
    const c = b.color || '#888888';
    data.push(b.hi, b.lo);
    series.push({ label: `${b.label} high`, stroke: alpha(c, 0.3), width: 1, points: { show: false } },
      { label: `${b.label} low`, stroke: alpha(c, 0.3), width: 1, points: { show: false } });
    bands.push({ series: [data.length - 2, data.length - 1], fill: alpha(c, b.alpha ?? 0.18) });
  }
  return { data, series, bands };
}

// Axes start at zero (or below it for negative values), so areas and levels read true.
function fromZero(u, min, max) {
  const pad = (max - min) * 0.05 || Math.abs(max) * 0.05 || 1;
  return [Math.min(0, min - (min < 0 ? pad : 0)), max + pad];
}

// The legend names the lines; the band edges are drawn, and in the CSV, but not listed.
function hideBandLegends(plot, series) {
  plot.root.querySelectorAll('.u-legend .u-series').forEach((row, i) => {
    if (/ (high|low)$/.test(series[i]?.label ?? '')) row.style.display = 'none';
  });
}

function csvOf(spec) {
  const header = [spec.xLabel, ...spec.series.map((s) => `${s.label} [${spec.yLabel}]`)];
  for (const b of spec.bands || []) header.push(`${b.label} low [${spec.yLabel}]`, `${b.label} high [${spec.yLabel}]`);
  const rows = spec.x.map((x, k) => {
    const row = [x, ...spec.series.map((s) => s.values[k])];
    for (const b of spec.bands || []) row.push(b.lo[k], b.hi[k]);
    return row;
  });
  return [header, rows];
}

function sortedForScatter(spec) {
  const order = spec.x.map((_, i) => i).sort((a, b) => spec.x[a] - spec.x[b]);
  return { ...spec, x: order.map((i) => spec.x[i]),
    series: spec.series.map((s) => ({ ...s, values: order.map((i) => s.values[i]) })) };
}

// spec: {id, title, xLabel, yLabel, x, series: [{label, values, color?, dash?}],
// bands?: [{label, lo, hi, color?}], stacked?, scatter?, yRange?, note?}
export function renderChart(parent, spec0) {
  const spec = spec0.scatter ? sortedForScatter(spec0) : spec0;
  const box = document.createElement('figure');
  box.className = 'chart';
  box.dataset.chart = spec.id;
  const title = document.createElement('figcaption');
  title.textContent = spec.title;
  box.appendChild(title);
  parent.appendChild(box);
  const { data, series, bands } = plotData(spec);
  const width = Math.max(360, Math.min(spec.width || 640, (parent.clientWidth || 760) - 16));
  const plot = new uPlot({
    width, height: spec.height || 300, series, bands,
    scales: { x: { time: false }, y: { range: spec.yRange ? () => spec.yRange : spec.scatter ? undefined : fromZero } },
    axes: [spec.xLabel === 'year' ? { label: 'year', incrs: [1, 2, 5, 10], values: (u, ticks) => ticks.map(String) } : { label: spec.xLabel },
      { label: spec.yLabel, size: 70 }],
    legend: { live: true },
    cursor: { points: { show: false } },
    hooks: { draw: [(u) => { box.dataset.yRange = `${u.scales.y.min},${u.scales.y.max}`; }] },
  }, data, box);
  hideBandLegends(plot, series);
  box.appendChild(downloadButtons(spec.id, () => csvOf(spec), () => chartPng(plot, spec.title, series)));
  if (spec.note) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = spec.note;
    box.appendChild(note);
  }
  return plot;
}
