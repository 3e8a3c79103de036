// Sweep files: experiments x outcomes scatter, one point per run, with a parameter and
// an outcome picker; both lists come from the file (the `parameter` dimension and every
// variable along `run` without `year`). Sensitivity indices, when the file has any
// variable along `parameter` but not `run`, are listed as a table.
import { renderChart } from '../chart.js';
import { project } from '../project.js';
import { scaled } from '../units.js';
import { labelsOf, unitOf } from '../declared.js';
import { downloadButtons } from '../download.js';

const NOT_OUTCOMES = new Set(['experiments', 'design', 'run']);

// Every outcome as (variable, fixed indices of its other dimensions), e.g. net_co2 at 2030.
export function outcomeChoices(rf) {
  const choices = [];
  for (const name of rf.names) {
    const { dims } = rf.info(name);
    if (dims[0] !== 'run' || dims.includes('year') || NOT_OUTCOMES.has(name) || name.startsWith('param_')) continue;
    const rest = dims.slice(1);
    let combos = [{}];
    for (const d of rest) combos = combos.flatMap((c) => labelsOf(rf, d).map((_, i) => ({ ...c, [d]: i })));
    for (const fix of combos) {
      const where = Object.entries(fix).map(([d, i]) => labelsOf(rf, d)[i]).join(', ');
      choices.push({ name, fix, label: where ? `${name} (${where})` : name });
    }
  }
  return choices;
}

function sensitivityTables(el, rf) {
  for (const name of rf.names) {
    const { dims } = rf.info(name);
    if (!dims.includes('parameter') || dims.includes('run') || name === 'parameter') continue;
    const params = labelsOf(rf, 'parameter');
    const values = project(rf, name, ['parameter']).data;
    const rows = params.map((p, i) => [p, values[i]]);
    const box = document.createElement('figure');
    box.className = 'chart';
    box.dataset.chart = `sensitivity-${name}`;
    box.innerHTML = `<figcaption>${rf.info(name).longName}</figcaption><table><tbody>${rows.map(([p, v]) => `<tr><td>${p}</td><td>${v.toFixed(3)}</td></tr>`).join('')}</tbody></table>`;
    box.appendChild(downloadButtons(`sensitivity-${name}`, () => [['parameter', name], rows]));
    el.appendChild(box);
  }
}

function select(options, testId) {
  const s = document.createElement('select');
  s.dataset.picker = testId;
  s.innerHTML = options.map((o, i) => `<option value="${i}">${o}</option>`).join('');
  return s;
}

export function experimentsView(el, rf) {
  if (!rf.has('experiments')) { el.textContent = 'This file has no experiments (no sampled settings).'; return; }
  const params = labelsOf(rf, 'parameter');
  const outcomes = outcomeChoices(rf);
  const paramPick = select(params, 'parameter');
  const outcomePick = select(outcomes.map((o) => o.label), 'outcome');
  const holder = document.createElement('div');
  const draw = () => {
    holder.innerHTML = '';
    const p = Number(paramPick.value);
    const o = outcomes[Number(outcomePick.value)];
    const unit = unitOf(rf, o.name);
    const x = Array.from(project(rf, 'experiments', ['run'], { parameter: p }).data);
    const y = scaled(project(rf, o.name, ['run'], o.fix).data, unit.factor);
    renderChart(holder, { id: 'experiments-scatter', title: `${o.label} against ${params[p]} (${x.length} runs)`,
      xLabel: params[p], yLabel: unit.label, x, scatter: true, series: [{ label: o.label, values: y }] });
  };
  paramPick.onchange = draw;
  outcomePick.onchange = draw;
  const bar = document.createElement('div');
  bar.className = 'filters';
  bar.append('parameter ', paramPick, ' outcome ', outcomePick);
  el.append(bar, holder);
  draw();
  sensitivityTables(el, rf);
}
