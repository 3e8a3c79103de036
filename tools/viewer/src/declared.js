// Year series of any variable, as the file declares it: its dimensions say how to read
// it (a run file's `run`, a sweep band's `quantile`), its attributes give the labels.
import { yearColumns, quantileBand } from './project.js';
import { displayUnit, scaled } from './units.js';
import { colour } from './chart.js';

// Labels of the elements of a dimension: cluster display names, else the coordinate.
export function labelsOf(rf, dim) {
  if (dim === 'cluster') return rf.clusterNames();
  const c = rf.coord(dim);
  if (c.length) return c.map(String);
  return [];
}

// Dimensions a year series can be split along (not run, year or quantile).
export function splitDims(rf, name) {
  return rf.info(name).dims.filter((d) => !['run', 'year', 'quantile'].includes(d));
}

// A band's title: what it is a quantile of, and which quantiles are drawn.
export function bandTitle(rf, name, drawn = 'median, 25–75 % and 5–95 % of runs') {
  return `${rf.info(name).longName.replace(/^quantile over runs of /, '')}: ${drawn}`;
}

export function unitOf(rf, name) {
  const info = rf.info(name);
  return displayUnit(info.units, info.longName);
}

// A sweep band as chart parts: its median line and its 5-95 % and 25-75 % bands, in
// display units.
export function medianAndBands(rf, name, fix = {}) {
  const unit = unitOf(rf, name);
  const b = quantileBand(rf, name, fix);
  const s = (v) => scaled(v, unit.factor);
  return { median: { label: 'median', values: s(b.q50), color: colour(0), width: 3 },
    bands: [{ label: '5–95 %', lo: s(b.q05), hi: s(b.q95), color: colour(0) }, { label: '25–75 %', lo: s(b.q25), hi: s(b.q75), color: colour(0) }] };
}

function withoutZeros(series, keepZeros) {
  return keepZeros ? series : series.filter((s) => s.values.some((v) => v !== 0));
}

// A chart spec of variable `name`: one line per element of `along` (null: the sum over
// the other dimensions), run 0 of a run file; for a quantile band the median, with the
// 25-75 % and 5-95 % bands when not split.
export function declaredSpec(rf, name, along, opts = {}) {
  const info = rf.info(name);
  const unit = displayUnit(info.units, info.longName);
  const fix = {};
  if (info.dims.includes('run')) fix.run = 0;
  const x = rf.coord('year');
  const spec = { id: opts.id || name, title: `${info.longName}${along ? ` by ${along}` : ''}`,
    xLabel: 'year', yLabel: unit.label, x, series: [], bands: [] };
  if (info.dims.includes('quantile')) {
    const qs = rf.coord('quantile');
    fix.quantile = qs.indexOf(0.5);
    if (!along) {
      const { median, bands } = medianAndBands(rf, name);
      spec.series.push(median);
      spec.bands.push(...bands);
      return spec;
    }
  }
  const columns = yearColumns(rf, name, along, fix);
  const labels = along ? labelsOf(rf, along) : [fix.quantile !== undefined ? 'median' : 'total'];
  spec.series = withoutZeros(columns.map((c, i) => ({ label: labels[i] ?? String(i), values: scaled(c, unit.factor), color: colour(i) })), opts.keepZeros);
  return spec;
}
