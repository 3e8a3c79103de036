// The plant table: sortable by any column, filtered by cluster, sector, operator and
// route; a click on a row shows the plant's trajectory and its decision log.
import { renderChart, colour } from '../chart.js';
import { yearColumns } from '../project.js';
import { scaled } from '../units.js';
import { downloadButtons } from '../download.js';
import { labelsOf, unitOf } from '../declared.js';
import { decisionLog } from './decision_log.js';

const FILTERS = ['cluster', 'sector', 'operator', 'route'];

function endIndex(rf) { return rf.coord('year').length - 1; }

function plantRows(rf) {
  const ids = labelsOf(rf, 'plant');
  const tech = labelsOf(rf, 'technology');
  const clusters = rf.clusterNames();
  const route = rf.read('route');
  const net = rf.read('co2_net');
  const n = ids.length;
  const last = endIndex(rf);
  const status = rf.flagNames('status');
  const statusCode = rf.read('status');
  return ids.map((id, p) => ({
    p, id, name: rf.read('plant_name')[p], operator: rf.read('plant_operator')[p],
    cluster: clusters[rf.read('plant_cluster')[p]], sector: rf.read('plant_sector')[p],
    base_route: route[p] >= 0 ? tech[route[p]] : 'none', route: route[last * n + p] >= 0 ? tech[route[last * n + p]] : 'none',
    status: status[statusCode[last * n + p]],
    co2_base: net[p] * 1e-6, co2_end: net[last * n + p] * 1e-6,
  }));
}

function columns(rf) {
  const [first, last] = [rf.coord('year')[0], rf.coord('year')[endIndex(rf)]];
  return [['id', 'id'], ['name', 'name'], ['operator', 'operator'], ['cluster', 'cluster'], ['sector', 'sector'],
    ['base_route', `route ${first}`], ['route', `route ${last}`], ['status', `status ${last}`],
    ['co2_base', `net CO2 ${first} [Mt/yr]`], ['co2_end', `net CO2 ${last} [Mt/yr]`]];
}

function trajectory(el, rf, row) {
  const x = rf.coord('year');
  const names = ['production', 'co2_gross', 'co2_captured', 'co2_net'].filter((n) => rf.has(n));
  const unit = unitOf(rf, 'co2_net');
  renderChart(el, { id: `plant-${row.id}`, title: `${row.name} (${row.id}, ${row.cluster}): trajectory`, xLabel: 'year',
    yLabel: `${unit.label} (production: M product units/yr)`, x,
    series: names.map((n, i) => ({ label: rf.info(n).longName, values: scaled(yearColumns(rf, n, null, { run: 0, plant: row.p })[0], unit.factor), color: colour(i) })) });
  const tech = labelsOf(rf, 'technology');
  const route = yearColumns(rf, 'route', null, { run: 0, plant: row.p })[0];
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

export function plantsView(el, rf) {
  if (!rf.has('plant_name') || !rf.has('route')) { el.textContent = 'This file has no plant panels.'; return; }
  const rows = plantRows(rf);
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
      tr.onclick = () => { detail.innerHTML = ''; trajectory(detail, rf, r); decisionLog(detail, rf, r.p, r.id); detail.scrollIntoView(); };
      body.appendChild(tr);
    }
    table.appendChild(body);
    table.querySelectorAll('th').forEach((th) => {
      th.onclick = () => { descending = sortKey === th.dataset.key ? !descending : true; sortKey = th.dataset.key; draw(); };
    });
  };
  const { bar, selects } = filterBar(rows, draw);
  bar.appendChild(downloadButtons('plants', () => [cols.map(([, h]) => h), shown().map((r) => cols.map(([k]) => r[k]))]));
  el.append(bar, detail, table);
  draw();
}
