// One opened result file (run or sweep). Datasets are read only when a view asks for
// them and kept once read, so a large file costs what its open views need.
import h5wasm from 'h5wasm';

let counter = 0;

// Copies the bytes into the in-memory file system h5wasm reads from; nothing leaves the page.
// `bytes` may be a promise (a fetch, a file being read): the HDF5 library starts when the
// page loads, so both proceed at once. Returns the file and the times of each step (ms).
export async function openResult(name, bytes) {
  const t0 = performance.now();
  const data = await bytes;
  const t1 = performance.now();
  const { FS } = await h5wasm.ready;
  const t2 = performance.now();
  const path = `/result-${++counter}.h5`;
  FS.writeFile(path, new Uint8Array(data), { canOwn: true });  // the file system keeps the bytes, no copy
  const rf = new ResultFile(name, new h5wasm.File(path, 'r'), () => FS.unlink(path));
  const times = { read: t1 - t0, library: t2 - t1, open: performance.now() - t2 };
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
