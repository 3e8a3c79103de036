// One plant's decisions from the event log: trigger, from -> to, and every variant it
// weighed with its cost terms, utility and what became of it (the words of `eiisim
// explain`, cli/explain_report.cpp).
import { downloadButtons } from '../download.js';
import { labelsOf } from '../declared.js';

function bitNames(longName) {
  const names = {};
  for (const m of String(longName).matchAll(/(\d+) ([a-z_0-9]+)/g)) names[Number(m[1])] = m[2];
  return names;
}

function reasons(bits, names) {
  return Object.keys(names).map(Number).filter((b) => b > 0 && (bits & b)).map((b) => names[b]).join(', ');
}

function outcome(log, e, o) {
  if (log.chosen[o]) return log.tech[o] === log.from[e] ? 'stays (chosen)' : 'CHOSEN';
  if (!log.feasible[o]) return `infeasible: ${reasons(log.infeasible[o], log.infeasibleNames)}`;
  if (log.refused[o]) return `refused by allocation: ${log.refusedBy[log.refusedByCode[o]]}`;
  if (log.closedByRule[e]) return 'not ranked (closure rule)';
  return 'ranked below the choice';
}

function readLog(rf) {
  const r = (n) => rf.read(n);
  return { plant: r('event_plant'), year: r('event_year'), from: r('event_from_technology'), to: r('event_to_technology'),
    trigger: r('event_trigger'), running: r('event_running_from_year'), committed: r('event_subsidy_committed'),
    closedByRule: r('event_closed_by_rule'), closureMargin: r('event_closure_margin'), optionEvent: r('option_event'),
    rank: r('option_rank'), tech: r('option_technology'), subsidised: r('option_subsidised'), start: r('option_start_year'),
    cost: r('option_cost'), revenue: r('option_revenue'), margin: r('option_margin'), terms: r('option_cost_terms'),
    uSys: r('option_utility_systematic'), uBias: r('option_utility_bias'), uRand: r('option_utility_random'), u: r('option_utility'),
    feasible: r('option_feasible'), infeasible: r('option_infeasible'), refused: r('option_refused'), refusedByCode: r('option_refused_by'),
    chosen: r('option_chosen'), triggers: rf.flagNames('event_trigger'), refusedBy: rf.flagNames('option_refused_by'),
    infeasibleNames: bitNames(rf.info('option_infeasible').longName), components: labelsOf(rf, 'cost_component'),
    techNames: labelsOf(rf, 'technology') };
}

const HEADER = ['year', 'trigger', 'from', 'to', 'rank', 'option', 'subsidised', 'start', 'revenue EUR/t', 'cost EUR/t',
  'margin EUR/t', 'cost terms EUR/t', 'utility', 'deterministic', 'bias', 'random', 'outcome'];

function optionRow(log, e, o) {
  const nc = log.components.length;
  const terms = log.components.map((c, k) => [c, log.terms[o * nc + k]]).filter(([, v]) => v !== 0)
    .map(([c, v]) => `${c} ${v.toFixed(1)}`).join('; ');
  const tech = (t) => (t >= 0 ? log.techNames[t] : 'none');
  return [log.year[e], log.triggers[log.trigger[e]], tech(log.from[e]), tech(log.to[e]), log.rank[o], tech(log.tech[o]),
    log.subsidised[o] ? 'yes' : 'no', log.start[o], log.revenue[o], log.cost[o], log.margin[o], terms,
    log.u[o], log.uSys[o], log.uBias[o], log.uRand[o], outcome(log, e, o)];
}

function cell(v) { return typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v); }

export function decisionLog(el, rf, plant, plantId) {
  if (!rf.has('event_plant')) return;
  const log = readLog(rf);
  const rows = [];
  log.plant.forEach((p, e) => {
    if (p !== plant) return;
    log.optionEvent.forEach((oe, o) => { if (oe === e) rows.push(optionRow(log, e, o)); });
  });
  const box = document.createElement('figure');
  box.className = 'chart';
  box.dataset.chart = `decisions-${plantId}`;
  box.innerHTML = `<figcaption>Decision log of ${plantId}: every option weighed (${rows.length} rows)</figcaption>`;
  const table = document.createElement('table');
  table.className = 'log';
  table.innerHTML = `<thead><tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`;
  const body = document.createElement('tbody');
  for (const row of rows) {
    const tr = document.createElement('tr');
    if (/CHOSEN|stays/.test(row[row.length - 1])) tr.className = 'chosen';
    tr.innerHTML = row.map((v) => `<td>${cell(v)}</td>`).join('');
    body.appendChild(tr);
  }
  table.appendChild(body);
  box.appendChild(downloadButtons(`decisions-${plantId}`, () => [HEADER, rows]));
  const scroll = document.createElement('div');
  scroll.className = 'scroll';
  scroll.appendChild(table);
  box.appendChild(scroll);
  el.appendChild(box);
}
