// One opened result file (run or sweep). Datasets are read only when a view asks for
// them and kept once read, and a served file's bytes are fetched only when HDF5 reads
// them (lazy_file.js), so a large file costs what its open views need.
import h5wasm from 'h5wasm';
import { createLazyFile, openRange } from './lazy_file.js';

let counter = 0;

// Opens `source`: { url } (a file the page's server offers: read on demand when the
// server answers range requests, else whole) or { bytes } (a file chosen or dropped: its
// bytes, possibly a promise). Whole files are copied into the in-memory file system h5wasm
// reads from; nothing leaves the page. The HDF5 library starts when the page loads, so it
// and the file's first bytes arrive at once. Returns the file and the times of each step
// (ms), with `fetched()`: what an on-demand file has read so far.
export async function openResult(name, source) {
  const t0 = performance.now();
  const range = source.url ? await openRange(source.url) : null;
  const size = range?.size;
  const data = size ? null : await (source.bytes ?? range.whole);
  const t1 = performance.now();
  const { FS } = await h5wasm.ready;
  const t2 = performance.now();
  const file = `result-${++counter}.h5`;
  let fetched = null;
  if (size) fetched = createLazyFile(FS, file, source.url, size, range.first);
  else FS.writeFile(`/${file}`, new Uint8Array(data), { canOwn: true });  // the file system keeps the bytes, no copy
  const rf = new ResultFile(name, new h5wasm.File(`/${file}`, 'r'), () => FS.unlink(`/${file}`));
  const times = { read: t1 - t0, library: t2 - t1, open: performance.now() - t2, fetched, size: size || data.byteLength };
  return { rf, times };
}

function plain(value) {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof BigInt64Array || value instanceof BigUint64Array) return Array.from(value, Number);
  return value;
}

export class ResultFile {
  constructor(name, h5, release) {
    this.name = name;
    this.h5 = h5;
    this.release = release;
    this.cache = new Map();
    this.infoCache = new Map();
    this.names = new Set(h5.keys());
    this.attrs = {};
    for (const [key, attr] of Object.entries(h5.attrs)) {
      if (key !== 'scenario_text') this.attrs[key] = plain(attr.value);
    }
  }

  get isSweep() { return String(this.attrs.title || '').startsWith('eiisim sweep'); }
  get label() { return `${this.name} (${this.attrs.scenario || '?'}, ${this.isSweep ? `sweep of ${this.attrs.runs} runs` : 'run'})`; }

  has(name) { return this.names.has(name); }

  // Dimension names (from the attached dimension scales), units, long_name and the other attributes.
  info(name) {
    if (this.infoCache.has(name)) return this.infoCache.get(name);
    const ds = this.h5.get(name);
    const attrs = {};
    for (const [key, attr] of Object.entries(ds.attrs)) {
      if (key === 'DIMENSION_LIST' || key === 'REFERENCE_LIST') continue;
      attrs[key] = plain(attr.value);
    }
    const shape = ds.shape.map(Number);
    const dims = shape.map((_, i) => {
      if (ds.get_scale_name() !== null && shape.length === 1) return name;
      const scales = ds.get_attached_scales(i) || [];
      return scales.length ? scales[0].replace(/^\//, '') : `dim${i}`;
    });
    const info = { name, shape, dims, units: attrs.units ?? '1', longName: attrs.long_name ?? name, attrs };
    this.infoCache.set(name, info);
    return info;
  }

  // The whole dataset as a flat array (numbers as a typed array or Array, strings as Array).
  read(name) {
    if (!this.cache.has(name)) this.cache.set(name, plain(this.h5.get(name).value));
    return this.cache.get(name);
  }

  // One run of a variable along `run` (first dimension), flat: only the chunks holding
  // that run are read, so a --save plants sweep's plant tab reads one run's panels.
  readRun(name, run) {
    if (this.info(name).dims[0] !== 'run') throw new Error(`${name} is not along run`);
    const key = `${name}@${run}`;
    if (!this.cache.has(key)) this.cache.set(key, plain(this.h5.get(name).slice([[run, run + 1]])));
    return this.cache.get(key);
  }

  coord(dim) { return this.has(dim) ? Array.from(this.read(dim), plain) : []; }

  // Every variable along `year` the file declares, for pickers driven by the file.
  yearlyVariables() {
    return [...this.names].filter((n) => this.info(n).dims.includes('year') && n !== 'year' && this.info(n).shape.length > 1);
  }

  flagNames(name) {
    const meanings = this.info(name).attrs.flag_meanings;
    return meanings ? String(meanings).split(' ') : null;
  }

  // Cluster display names: the file's cluster_name, else the id made readable (sweep
  // files carry ids only).
  clusterNames() {
    if (this.has('cluster_name')) return Array.from(this.read('cluster_name'));
    return this.coord('cluster').map(prettyId);
  }

  // Closes the file and frees its bytes (when another file takes its place).
  close() {
    this.h5.close();
    this.release();
  }
}

export function prettyId(id) {
  return String(id).split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
