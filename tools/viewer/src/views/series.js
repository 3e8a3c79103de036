// Any yearly series the file declares, picked from a list made from the file itself, so
// a new output series shows up without viewer code; split along any of its dimensions.
// With a second file open, both are drawn side by side on the same axes.
import { renderChart } from '../chart.js';
import { declaredSpec, splitDims } from '../declared.js';

function picker(options, name, labelOf = (o) => o) {
  const s = document.createElement('select');
  s.dataset.picker = name;
  s.innerHTML = options.map((o) => `<option value="${o}">${labelOf(o)}</option>`).join('');
  return s;
}

function sharedRange(specs) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const spec of specs) {
    for (const s of [...spec.series, ...spec.bands.flatMap((b) => [{ values: b.lo }, { values: b.hi }])]) {
      for (const v of s.values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
  }
  const pad = (hi - lo) * 0.05 || 1;
  return [Math.min(0, lo - pad), hi + pad];
}

export function seriesView(el, rf, other) {
  const names = rf.yearlyVariables().filter((n) => !other || other.has(n)).sort();
  const namePick = picker(names, 'series', (n) => `${n}: ${rf.info(n).longName}`);
  namePick.value = names.includes('cluster_co2_net') ? 'cluster_co2_net' : names.includes('cluster_co2_net_quantiles') ? 'cluster_co2_net_quantiles' : names[0];
  const alongPick = document.createElement('select');
  alongPick.dataset.picker = 'along';
  const holder = document.createElement('div');
  holder.className = other ? 'side-by-side' : '';
  const fillAlong = () => {
    alongPick.innerHTML = ['', ...splitDims(rf, namePick.value)].map((d) => `<option value="${d}">${d ? `by ${d}` : 'total'}</option>`).join('');
  };
  const draw = () => {
    holder.innerHTML = '';
    const along = alongPick.value || null;
    const files = other ? [rf, other] : [rf];
    const specs = files.map((f, i) => declaredSpec(f, namePick.value, along, { id: `series-${namePick.value}${other ? `-${'ab'[i]}` : ''}`, keepZeros: true }));
    const range = other ? sharedRange(specs) : undefined;
    specs.forEach((spec, i) => {
      const cell = document.createElement('div');
      holder.appendChild(cell);
      renderChart(cell, { ...spec, title: other ? `${files[i].label}: ${spec.title}` : spec.title, yRange: range, width: other ? 560 : 760 });
    });
  };
  namePick.onchange = () => { fillAlong(); draw(); };
  alongPick.onchange = draw;
  const bar = document.createElement('div');
  bar.className = 'filters';
  bar.append('series ', namePick, ' ', alongPick);
  if (other) bar.append(` — comparing with ${other.label} on the same axes`);
  el.append(bar, holder);
  fillAlong();
  draw();
}
