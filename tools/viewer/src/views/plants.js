// The plant table: sortable by any column, filtered by cluster, sector, operator and
// route; a click on a row shows the plant's trajectory and its decision log. A sweep
// file saved with --save plants has every run's panels (no event log): a picker chooses
// the run.
import { renderChart, colour } from '../chart.js';
import { scaled } from '../units.js';
import { downloadButtons } from '../download.js';
import { labelsOf, unitOf } from '../declared.js';
import { decisionLog } from './decision_log.js';

const FILTERS = ['cluster', 'sector', 'operator', 'route'];

function endIndex(rf) { return rf.coord('year').length - 1; }

function plantRows(rf, run) {
  const ids = labelsOf(rf, 'plant');
  const tech = labelsOf(rf, 'technology');
  const clusters = rf.clusterNames();
  const route = rf.readRun('route', run);
  const net = rf.readRun('co2_net', run);
  const n = ids.length;
  const last = endIndex(rf);
  const at = (y, p) => y * n + p;  // [year, plant] of the run
  const status = rf.flagNames('status');
  const statusCode = rf.readRun('status', run);
  const routeName = (r) => (r >= 0 ? tech[r] : 'none');
  return ids.map((id, p) => ({
    p, run, id, name: rf.read('plant_name')[p], operator: rf.read('plant_operator')[p],
    cluster: clusters[rf.read('plant_cluster')[p]], sector: rf.read('plant_sector')[p],
    base_route: routeName(route[at(0, p)]), route: routeName(route[at(last, p)]),
    status: status[statusCode[at(last, p)]],
    co2_base: net[at(0, p)] * 1e-6, co2_end: net[at(last, p)] * 1e-6,
  }));
}

function columns(rf) {
  const [first, last] = [rf.coord('year')[0], rf.coord('year')[endIndex(rf)]];
  return [['id', 'id'], ['name', 'name'], ['operator', 'operator'], ['cluster', 'cluster'], ['sector', 'sector'],
    ['base_route', `route ${first}`], ['route', `route ${last}`], ['status', `status ${last}`],
    ['co2_base', `net CO2 ${first} [Mt/yr]`], ['co2_end', `net CO2 ${last} [Mt/yr]`]];
}

// A plant's year series of a [run, year, plant] panel, in the row's run.
function plantSeries(rf, name, row) {
  const values = rf.readRun(name, row.run);
  const n = rf.info(name).shape[2];
  return Array.from({ length: values.length / n }, (_, y) => Number(values[y * n + row.p]));
}

function trajectory(el, rf, row) {
  const x = rf.coord('year');
  const names = ['production', 'co2_gross', 'co2_captured', 'co2_net'].filter((n) => rf.has(n));
  const unit = unitOf(rf, 'co2_net');
  const ofRun = rf.isSweep ? `, run ${row.run}` : '';
  renderChart(el, { id: `plant-${row.id}`, title: `${row.name} (${row.id}, ${row.cluster}${ofRun}): trajectory`, xLabel: 'year',
    yLabel: `${unit.label} (production: M product units/yr)`, x,
    series: names.map((n, i) => ({ label: rf.info(n).longName, values: scaled(plantSeries(rf, n, row), unit.factor), color: colour(i) })) });
  const tech = labelsOf(rf, 'technology');
  const route = plantSeries(rf, 'route', row);
  const changes = route.map((r, y) => [x[y], r]).filter(([, r], y) => y === 0 || r !== route[y - 1]);
  const p = document.createElement('p');
  p.className = 'routes';
  p.textContent = `Routes: ${changes.map(([year, r]) => `${year} ${r >= 0 ? tech[r] : 'none'}`).join(' → ')}`;
  el.appendChild(p);
}

function filterBar(rows, onChange) {
  const bar = document.createElement('div');
  bar.className = 'filters';
  const selects = {};
  for (const f of FILTERS) {
    const s = document.createElement('select');
    s.dataset.filter = f;
    s.innerHTML = `<option value="">all ${f}s</option>` + [...new Set(rows.map((r) => r[f]))].sort()
      .map((v) => `<option>${v}</option>`).join('');
    s.onchange = onChange;
    selects[f] = s;
    bar.appendChild(s);
  }
  return { bar, selects };
}

// What a click on a row shows: the trajectory, and the decision log where the file has one.
function plantDetail(detail, rf, row) {
  detail.innerHTML = '';
  trajectory(detail, rf, row);
  if (rf.has('event_plant')) {
    decisionLog(detail, rf, row.p, row.id);
  } else {
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = `Sweep files keep no decision log; eiisim run --from-sweep ${rf.name} --run ${row.run} replays this run with it.`;
    detail.appendChild(p);
  }
  detail.scrollIntoView();
}

function plantTable(el, rf, run) {
  const rows = plantRows(rf, run);
  const cols = columns(rf);
  let sortKey = 'co2_base';
  let descending = true;
  const detail = document.createElement('div');
  detail.className = 'plant-detail';
  const table = document.createElement('table');
  table.className = 'plants';
  const shown = () => rows.filter((r) => FILTERS.every((f) => !selects[f].value || r[f] === selects[f].value))
    .sort((a, b) => (a[sortKey] < b[sortKey] ? -1 : a[sortKey] > b[sortKey] ? 1 : 0) * (descending ? -1 : 1));
  const cellText = (v) => (typeof v === 'number' ? v.toFixed(3) : v);
  const draw = () => {
    table.innerHTML = `<thead><tr>${cols.map(([k, h]) => `<th data-key="${k}">${h}${k === sortKey ? (descending ? ' ▼' : ' ▲') : ''}</th>`).join('')}</tr></thead>`;
    const body = document.createElement('tbody');
    for (const r of shown()) {
      const tr = document.createElement('tr');
      tr.dataset.plant = r.id;
      tr.innerHTML = cols.map(([k]) => `<td>${cellText(r[k])}</td>`).join('');
      tr.onclick = () => plantDetail(detail, rf, r);
      body.appendChild(tr);
    }
    table.appendChild(body);
    table.querySelectorAll('th').forEach((th) => {
      th.onclick = () => { descending = sortKey === th.dataset.key ? !descending : true; sortKey = th.dataset.key; draw(); };
    });
  };
  const { bar, selects } = filterBar(rows, draw);
  const csvName = rf.isSweep ? `plants-run-${run}` : 'plants';
  bar.appendChild(downloadButtons(csvName, () => [cols.map(([, h]) => h), shown().map((r) => cols.map(([k]) => r[k]))]));
  el.append(bar, detail, table);
  draw();
}

// The run picker of a sweep file: each run's number and sampled values.
function runPicker(rf, onPick) {
  const label = document.createElement('label');
  label.className = 'run-picker';
  label.textContent = 'run ';
  const select = document.createElement('select');
  select.dataset.picker = 'run';
  const params = rf.has('parameter') ? labelsOf(rf, 'parameter') : [];
  const values = params.length ? rf.read('experiments') : [];
  select.innerHTML = rf.coord('run').map((run, r) => {
    const sampled = params.map((p, j) => `${p} ${Number(values[r * params.length + j]).toPrecision(3)}`).join(', ');
    return `<option value="${r}">${run}${sampled ? ` (${sampled})` : ''}</option>`;
  }).join('');
  select.onchange = () => onPick(Number(select.value));
  label.appendChild(select);
  return label;
}

export function plantsView(el, rf) {
  if (!rf.has('plant_name') || !rf.has('route')) { el.textContent = 'This file has no plant panels.'; return; }
  if (!rf.isSweep) { plantTable(el, rf, 0); return; }
  const table = document.createElement('div');
  const pick = (run) => { table.innerHTML = ''; table.dataset.run = String(run); plantTable(table, rf, run); };
  el.append(runPicker(rf, pick), table);
  pick(0);
}
