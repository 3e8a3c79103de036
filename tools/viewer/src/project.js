// Array arithmetic on a variable by dimension name: keep some dimensions, fix others at
// one index, sum the rest. Everything a view plots goes through here, so views name
// dimensions, never axis positions.
export function project(rf, name, keep, fix = {}) {
  const { dims, shape } = rf.info(name);
  for (const d of [...keep, ...Object.keys(fix)]) {
    if (!dims.includes(d)) throw new Error(`${name} has no dimension ${d} (it has ${dims.join(', ')})`);
  }
  const data = rf.read(name);
  const outShape = keep.map((d) => shape[dims.indexOf(d)]);
  const out = new Float64Array(outShape.reduce((a, b) => a * b, 1));
  const outStride = dims.map((d) => {
    const k = keep.indexOf(d);
    return k < 0 ? 0 : outShape.slice(k + 1).reduce((a, b) => a * b, 1);
  });
  const fixed = dims.map((d) => (d in fix ? fix[d] : -1));
  const index = new Array(dims.length).fill(0);
  for (let flat = 0; flat < data.length; flat++) {
    let o = 0;
    let use = true;
    for (let a = 0; a < dims.length; a++) {
      if (fixed[a] >= 0 && index[a] !== fixed[a]) { use = false; break; }
      o += index[a] * outStride[a];
    }
    if (use) out[o] += Number(data[flat]);
    for (let a = dims.length - 1; a >= 0; a--) {
      if (++index[a] < shape[a]) break;
      index[a] = 0;
    }
  }
  return { dims: keep, shape: outShape, data: out };
}

// Columns along `along` of a [.., year, along, ..] variable, each a year series (along
// null: one column, the sum).
export function yearColumns(rf, name, along, fix = {}) {
  const keep = along ? ['year', along] : ['year'];
  const p = project(rf, name, keep, fix);
  const years = p.shape[0];
  const n = along ? p.shape[1] : 1;
  const columns = [];
  for (let j = 0; j < n; j++) columns.push(Array.from({ length: years }, (_, y) => p.data[y * n + j]));
  return columns;
}

// Quantile band of a sweep variable [quantile, year, ...]: {q05, q25, q50, q75, q95}
// year series, at the given fixed indices of its other dimensions (summed otherwise).
export function quantileBand(rf, name, fix = {}) {
  const qs = rf.coord('quantile');
  const band = {};
  qs.forEach((q, i) => {
    band[`q${Math.round(q * 100).toString().padStart(2, '0')}`] = yearColumns(rf, name, null, { ...fix, quantile: i })[0];
  });
  return band;
}
