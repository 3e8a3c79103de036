// Serving the viewer with serve.py and driving its page: open files, switch tabs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { check } from './e2e_checks.mjs';

// Starts serve.py on the files and resolves with its printed address and the process.
function serve(files) {
  const [file, compare] = files;
  const argv = ['tools/viewer/serve.py', file, '--no-browser', ...(compare ? ['--compare', compare] : [])];
  const child = spawn(process.env.PYTHON || '/usr/bin/python3', argv, { cwd: new URL('../../..', import.meta.url).pathname });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      const m = text.match(/(http:\/\/127\.0\.0\.1:\d+\/\S+)/);
      if (m) resolve({ url: m[1], child });
    });
    child.stderr.on('data', (d) => { text += d; });
    child.on('exit', (code) => reject(new Error(`serve.py exited ${code}: ${text}`)));
  });
}

export async function openPage(browser, files) {
  const { url, child } = await serve(files);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => check(false, `page error: ${e.message}`));
  await page.goto(url);
  // 'loading' is set while each file opens; with a second file the first one's
  // 'ready' comes before the second starts, so wait until all of them are open.
  await page.waitForFunction((n) => {
    const { state, filesOpen } = document.body.dataset;
    return state === 'error' || (state === 'ready' && Number(filesOpen) === n);
  }, files.length, { timeout: 60000 });
  check(await page.getAttribute('body', 'data-state') === 'ready', `opened ${files.join(' + ')}`);
  return { page, close: async () => { await page.close(); child.kill(); } };
}

export async function tab(page, id, shots, prefix) {
  await page.click(`nav button[data-view="${id}"]`);
  await page.waitForSelector(`#view-${id}[data-rendered]`);
  if (shots) await page.screenshot({ path: `${shots}/${prefix}-${id}.png`, fullPage: id !== 'plants' });
}

// Drops files on the page as a user dragging them from the file manager would: a drop
// event whose DataTransfer holds the files' bytes. Resolves once the page has them open.
export async function dropFiles(page, files, openAfter) {
  const items = files.map((f) => ({ name: basename(f), b64: readFileSync(f).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const { name, b64 } of list) {
      const text = atob(b64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      dt.items.add(new File([bytes], name));
    }
    return dt;
  }, items);
  await page.evaluate(() => { document.body.dataset.state = 'stale'; });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await page.waitForFunction((n) => {
    const { state, filesOpen } = document.body.dataset;
    return state === 'error' || (state === 'ready' && Number(filesOpen) === n);
  }, openAfter, { timeout: 60000 });
  return page.getAttribute('body', 'data-state');
}
