// Opens a file (picker, drag and drop, or ?file=URL from `eiisim view`), then shows the
// views that fit it as tabs; a view is drawn the first time its tab opens.
import './style.css';
import { openResult } from './h5file.js';
import { emissionsView } from './views/emissions.js';
import { routeMixView } from './views/route_mix.js';
import { economyView } from './views/economy.js';
import { plantsView } from './views/plants.js';
import { infrastructureView } from './views/infrastructure.js';
import { experimentsView } from './views/experiments.js';
import { seriesView } from './views/series.js';

const VIEWS = [
  ['emissions', 'Emissions', emissionsView, () => true],
  ['route-mix', 'Route mix', routeMixView, () => true],
  ['economy', 'Decomposition, jobs, value added', economyView, () => true],
  ['plants', 'Plants', plantsView, (rf) => rf.has('plant_name')],
  ['infrastructure', 'Infrastructure and subsidy', infrastructureView, () => true],
  ['experiments', 'Experiments', experimentsView, (rf) => rf.isSweep],
  ['series', 'All series / compare', seriesView, () => true],
];

const state = { a: null, b: null };
const status = document.getElementById('status');

function show(id) {
  document.querySelectorAll('nav button').forEach((b) => b.classList.toggle('active', b.dataset.view === id));
  document.querySelectorAll('main section').forEach((s) => s.classList.toggle('active', s.id === `view-${id}`));
  const section = document.getElementById(`view-${id}`);
  if (section.dataset.rendered) return;
  const [, , render] = VIEWS.find(([v]) => v === id);
  const t0 = performance.now();
  try {
    render(section, state.a, id === 'series' ? state.b : undefined);
  } catch (err) {
    section.append(`Cannot draw this view: ${err.message}`);
    console.error(err);
  }
  section.dataset.rendered = String(performance.now() - t0);
}

function build() {
  const nav = document.getElementById('tabs');
  const main = document.getElementById('views');
  nav.innerHTML = '';
  main.innerHTML = `<div class="meta">${state.a.label}; ${state.a.attrs.history || ''}</div>`;
  for (const [id, title, , fits] of VIEWS) {
    if (!fits(state.a)) continue;
    const button = document.createElement('button');
    button.textContent = title;
    button.dataset.view = id;
    button.onclick = () => show(id);
    nav.appendChild(button);
    const section = document.createElement('section');
    section.id = `view-${id}`;
    main.appendChild(section);
  }
  show(state.b ? 'series' : 'emissions');
}

async function open(slot, name, source) {
  const t0 = performance.now();
  status.textContent = `Opening ${name}…`;
  document.body.dataset.state = 'loading';
  try {
    const { rf, times } = await openResult(name, source);
    state[slot]?.close();
    state[slot] = rf;
    if (!state.a) throw new Error('open a file first, then one to compare with');
    build();
    const ms = performance.now() - t0;
    const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
    const read = times.fetched
      ? `first block in ${times.read.toFixed(0)} ms, read on demand: ${mb(times.fetched().bytes)} of ${mb(times.size)} MB so far`
      : `file read (${mb(times.size)} MB) ${times.read.toFixed(0)} ms`;
    const steps = `${read}, HDF5 library ready ${times.library.toFixed(0)} ms more, opened in ${times.open.toFixed(0)} ms`;
    status.textContent = `Opened ${name} in ${ms.toFixed(0)} ms (${steps}; read in this browser, not uploaded).`;
    document.body.dataset.openMs = String(ms);
    document.body.dataset.openSteps = steps;
    document.body.dataset.filesOpen = String(state.b ? 2 : 1);
    document.body.dataset.state = 'ready';
  } catch (err) {
    status.textContent = `Cannot open ${name}: ${err.message}`;
    document.body.dataset.state = 'error';
  }
}

for (const [slot, id] of [['a', 'file-a'], ['b', 'file-b']]) {
  document.getElementById(id).addEventListener('change', (e) => {
    const file = e.target.files[0];
    if (file) open(slot, file.name, { bytes: file.arrayBuffer() });
  });
}

document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dragging'); });
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  const files = [...e.dataTransfer.files];
  if (files[0]) open(state.a && files.length === 1 ? 'b' : 'a', files[0].name, { bytes: files[0].arrayBuffer() })
    .then(() => files[1] && open('b', files[1].name, { bytes: files[1].arrayBuffer() }));
});

const params = new URLSearchParams(location.search);
if (params.get('file')) {
  open('a', params.get('file').split('/').pop(), { url: params.get('file') })
    .then(() => params.get('compare') && open('b', params.get('compare').split('/').pop(), { url: params.get('compare') }));
}
