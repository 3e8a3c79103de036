// Saves text or a canvas as a file in the browser (nothing is sent anywhere).
export function saveBlob(blob, filename) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function csvCell(v) {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function saveCsv(filename, header, rows) {
  saveBlob(new Blob([toCsv(header, rows)], { type: 'text/csv' }), filename);
}

export function savePng(canvas, filename) {
  canvas.toBlob((blob) => saveBlob(blob, filename), 'image/png');
}

// A row of "download CSV" and "download PNG" buttons; csv() returns [header, rows],
// png() a canvas.
export function downloadButtons(id, csv, png) {
  const bar = document.createElement('div');
  bar.className = 'downloads';
  const csvButton = document.createElement('button');
  csvButton.textContent = 'download CSV';
  csvButton.dataset.download = 'csv';
  csvButton.onclick = () => saveCsv(`${id}.csv`, ...csv());
  bar.appendChild(csvButton);
  if (png) {
    const pngButton = document.createElement('button');
    pngButton.textContent = 'download PNG';
    pngButton.dataset.download = 'png';
    pngButton.onclick = () => savePng(png(), `${id}.png`);
    bar.appendChild(pngButton);
  }
  return bar;
}
