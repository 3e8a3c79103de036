// Checks and their tally; a chart's numbers come from its own "download CSV" button, so
// the test reads exactly what the page offers the user.
import { readFileSync } from 'node:fs';

const START = Date.now();
let failures = 0;
let passes = 0;

export function check(ok, what) {
  if (ok) passes++; else failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${process.env.VIEWER_TIMES ? ` (${((Date.now() - START) / 1000).toFixed(1)} s)` : ''}`);
}

export function summary() {
  console.log(`${passes} checks passed, ${failures} failed`);
  return failures ? 1 : 0;
}

function parseCsv(text) {
  const rows = [];
  for (const line of text.trim().split('\n')) {
    const cells = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) { cells.push(cur); cur = ''; } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return { header: rows[0], rows: rows.slice(1) };
}

// The CSV behind a chart (figure[data-chart=id]), downloaded through its button.
export async function chartCsv(page, id) {
  return downloadCsv(page, page.locator(`figure[data-chart="${id}"] button[data-download="csv"]`).first(), id);
}

// The CSV a "download CSV" button gives, which must be named id.csv.
export async function downloadCsv(page, button, id) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  check(download.suggestedFilename() === `${id}.csv`, `${id}: CSV download named ${id}.csv`);
  return parseCsv(readFileSync(await download.path(), 'utf8'));
}

// The chart's "download PNG" gives a PNG picture at least as large as the drawing.
export async function chartPngCheck(page, id) {
  const button = page.locator(`figure[data-chart="${id}"] button[data-download="png"]`).first();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = readFileSync(await download.path());
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  check(bytes.subarray(1, 4).toString() === 'PNG' && width >= 360 && height >= 300,
    `${id}: download PNG gives a ${width} x ${height} PNG named ${download.suggestedFilename()}`);
}

export function column(csv, label) {
  const j = csv.header.findIndex((h) => h === label || h.startsWith(`${label} [`));
  return j < 0 ? null : csv.rows.map((r) => Number(r[j]));
}

function close(a, b) { return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)); }

// Every expected column is in the CSV with the same numbers (to 1e-9 relative).
export function compareColumns(csv, expected, id) {
  for (const [label, values] of Object.entries(expected)) {
    const got = column(csv, label);
    const same = got && got.length === values.length && got.every((v, i) => close(v, values[i]));
    check(same, `${id}: column "${label}" matches the file (${values.length} values${got ? '' : ', column missing'})`);
    if (got && !same) console.log(`     expected ${values.slice(0, 5)} … got ${got.slice(0, 5)} …`);
  }
}
