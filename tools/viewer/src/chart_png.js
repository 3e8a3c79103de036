// A PNG of a chart: white background, title, the uPlot canvas (axes included) and a
// legend of the series' colours, so the picture reads on its own.
export function chartPng(plot, title, series) {
  const src = plot.ctx.canvas;
  const shown = series.slice(1).filter((s) => !/ (high|low)$/.test(s.label));
  const perRow = Math.max(1, Math.floor(src.width / 220));
  const legendRows = Math.ceil(shown.length / perRow);
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height + 36 + legendRows * 22 + 8;
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#000';
  ctx.font = 'bold 16px sans-serif';
  ctx.fillText(title, 10, 24);
  ctx.drawImage(src, 0, 36);
  ctx.font = '13px sans-serif';
  shown.forEach((s, i) => {
    const x = 10 + (i % perRow) * 220;
    const y = src.height + 36 + Math.floor(i / perRow) * 22 + 4;
    ctx.fillStyle = typeof s.stroke === 'string' ? s.stroke : '#000';
    ctx.fillRect(x, y + 3, 14, 10);
    ctx.fillStyle = '#000';
    ctx.fillText(String(s.label).slice(0, 28), x + 20, y + 13);
  });
  return out;
}
