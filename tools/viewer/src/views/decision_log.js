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

const EVENT_COLUMNS = 4;  // year, trigger, from, to: shown once per decision, above its options
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

// A decision without options (a closure forced by the observed history or by the end of
// a fuel gas supply): its CSV row has the event and no option.
function noOptionsRow(log, e) {
  const tech = (t) => (t >= 0 ? log.techNames[t] : 'none');
  const row = HEADER.map(() => '');
  row.splice(0, EVENT_COLUMNS, log.year[e], log.triggers[log.trigger[e]], tech(log.from[e]), tech(log.to[e]));
  row[row.length - 1] = 'no options weighed';
  return row;
}

function cell(v) { return typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v); }

function eventHeading(log, e) {
  const tech = (t) => (t >= 0 ? log.techNames[t] : 'none');
  const tr = document.createElement('tr');
  tr.className = 'event';
  const extra = [log.to[e] !== log.from[e] ? `running from ${log.running[e]}` : 'stays',
    log.committed[e] > 0 ? `subsidy committed ${(log.committed[e] / 1e6).toFixed(1)} M EUR` : '',
    log.closedByRule[e] ? `closure rule: best feasible margin below ${log.closureMargin[e].toFixed(1)} EUR/t` : ''].filter(Boolean);
  tr.innerHTML = `<td colspan="${HEADER.length - EVENT_COLUMNS}">${log.year[e]}: ${log.triggers[log.trigger[e]]}; ${tech(log.from[e])} → ${tech(log.to[e])} (${extra.join('; ')})</td>`;
  return tr;
}

export function decisionLog(el, rf, plant, plantId) {
  if (!rf.has('event_plant')) return;
  const log = readLog(rf);
  const rows = [];
  const body = document.createElement('tbody');
  log.plant.forEach((p, e) => {
    if (p !== plant) return;
    body.appendChild(eventHeading(log, e));
    const before = rows.length;
    log.optionEvent.forEach((oe, o) => {
      if (oe !== e) return;
      const row = optionRow(log, e, o);
      rows.push(row);
      const tr = document.createElement('tr');
      tr.className = /CHOSEN|stays/.test(row[row.length - 1]) ? 'option chosen' : 'option';
      tr.innerHTML = row.slice(EVENT_COLUMNS).map((v) => `<td>${cell(v)}</td>`).join('');
      body.appendChild(tr);
    });
    if (rows.length === before) rows.push(noOptionsRow(log, e));
  });
  const box = document.createElement('figure');
  box.className = 'chart';
  box.dataset.chart = `decisions-${plantId}`;
  box.innerHTML = `<figcaption>Decision log of ${plantId}: every option weighed at each decision (${rows.length} rows); utility = deterministic + bias + random</figcaption>`;
  const table = document.createElement('table');
  table.className = 'log';
  table.innerHTML = `<thead><tr>${HEADER.slice(EVENT_COLUMNS).map((h) => `<th>${h}</th>`).join('')}</tr></thead>`;
  table.appendChild(body);
  const scroll = document.createElement('div');
  scroll.className = 'scroll';
  scroll.appendChild(table);
  box.appendChild(downloadButtons(`decisions-${plantId}`, () => [HEADER, rows]));
  box.appendChild(scroll);
  el.appendChild(box);
}
