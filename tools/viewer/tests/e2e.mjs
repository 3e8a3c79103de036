// End-to-end test of the viewer in headless Chromium (Debian's /usr/bin/chromium, driven
// by playwright-core; no browser download). Serves dist/ with serve.py, opens a run file,
// a sweep file, a sweep saved with --save plants, two runs side by side and a dropped
// file, checks each view's numbers (its "download CSV")
// against expected.json (h5py, tests/expected.py), saves a screenshot of every view, and
// prints how long large files take to open.
//   node tests/e2e.mjs --run R.h5 --run2 R2.h5 --sweep S.h5 --sweep-plants P.h5 --expected E.json --shots DIR
//                      [--large F.h5 ...]
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { summary } from './e2e_checks.mjs';
import { runChecks, sweepChecks, sweepPlantChecks, compareChecks, dropChecks, timeLarge } from './e2e_views.mjs';

function args() {
  const out = { large: [] };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (key === 'large') out.large.push(argv[i + 1]); else out[key] = argv[i + 1];
  }
  return out;
}

async function main() {
  const a = args();
  const expected = JSON.parse(readFileSync(a.expected, 'utf8'));
  mkdirSync(a.shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    await runChecks(browser, a.run, expected.run, a.shots);
    await sweepChecks(browser, a.sweep, expected.sweep, a.shots);
    await sweepPlantChecks(browser, a['sweep-plants'], expected.sweep_plants, a.shots);
    await compareChecks(browser, a.run, a.run2, a.shots);
    await dropChecks(browser, a.run, a.run2, expected.run2);
    for (const f of a.large) await timeLarge(browser, f);
  } finally {
    await browser.close();
  }
  process.exit(summary());
}

main().catch((e) => { console.error(e); process.exit(1); });
