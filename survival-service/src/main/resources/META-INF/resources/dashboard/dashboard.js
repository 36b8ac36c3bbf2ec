// VenTrack study dashboard: plain JS over the services' public APIs, no build step and nothing fetched from the internet.
// The token lives in sessionStorage (gone when the tab closes) and only ever travels in the Authorization header.
'use strict';

const TOKEN_KEY = 'ventrack.token';
const state = { config: null, streamAbort: null, figureUrls: {} };

const $ = (id) => document.getElementById(id);
// survival-service's own base: '' locally, '/survival' behind the cluster's Ingress (https://<host>/survival/dashboard/)
const SELF = location.pathname.slice(0, Math.max(0, location.pathname.lastIndexOf('/dashboard/')));

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function api(base, path, options = {}) {
  const response = await fetch(base + path, {
    ...options,
    headers: { Authorization: 'Bearer ' + token(), Accept: options.accept || 'application/json' },
  });
  if (!response.ok) {
    let detail = response.status + ' ' + response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (ignored) { /* not problem+json */ }
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return options.accept && options.accept !== 'application/json' ? response.blob() : response.json();
}

function cell(row, text, header) {
  const td = document.createElement(header ? 'th' : 'td');
  if (header) td.scope = 'row';
  td.textContent = text == null ? '' : String(text);
  row.appendChild(td);
  return td;
}

function fill(tableId, rows) {
  const body = $(tableId).querySelector('tbody');
  body.replaceChildren();
  rows.forEach((values) => {
    const tr = document.createElement('tr');
    values.forEach((v, i) => (v instanceof Node ? tr.appendChild(wrap(v)) : cell(tr, v, i === 0)));
    body.appendChild(tr);
  });
}

function wrap(node) {
  const td = document.createElement('td');
  td.appendChild(node);
  return td;
}

function percent(x) {
  return x == null || Number.isNaN(x) ? 'NA' : (100 * x).toFixed(1) + ' %';
}

function withCi(estimate, lower, upper, format) {
  return format(estimate) + ' (' + format(lower) + '–' + format(upper) + ')';
}

function days(x) {
  return x == null || Number.isNaN(x) ? 'NR' : Math.round(x) + ' d';
}

function showError(targetId, error) {
  const body = $(targetId).querySelector('tbody');
  body.replaceChildren();
  const tr = document.createElement('tr');
  const td = cell(tr, 'Could not load: ' + error.message);
  td.colSpan = 6;
  td.className = 'error';
  body.appendChild(tr);
}

// --- survival: summary from the stream, figures as SVG blobs shown in <img> (an <img> never runs a script)

function showSummary(view) {
  const rows = [];
  [['OS', view.os], ['EFS', view.efs]].forEach(([name, s]) => {
    if (s) {
      rows.push([name, s.n, s.events, withCi(s.median, s.medianLower, s.medianUpper, days),
        s.oneYearSurvival == null ? 'NA' : withCi(s.oneYearSurvival, s.oneYearLower, s.oneYearUpper, percent)]);
    }
  });
  fill('summary', rows);
}

async function showFigure(imgId, path) {
  const blob = await api(SELF, path, { accept: 'image/svg+xml' });
  if (state.figureUrls[imgId]) URL.revokeObjectURL(state.figureUrls[imgId]);
  state.figureUrls[imgId] = URL.createObjectURL(blob);
  $(imgId).src = state.figureUrls[imgId];
}

function loadFigures() {
  const groupBy = encodeURIComponent($('group-by').value);
  return Promise.all([
    showFigure('km-os', '/api/v1/survival/kaplan-meier.svg?endpoint=OS&groupBy=' + groupBy),
    showFigure('km-efs', '/api/v1/survival/kaplan-meier.svg?endpoint=EFS&groupBy=' + groupBy),
    showFigure('swimmer', '/api/v1/survival/swimmer.svg'),
  ]).then(() => $('km-os').setAttribute('data-group-by', $('group-by').value));
}

// --- response rates, alerts, tables, data quality

async function loadResponseRates() {
  try {
    const rates = await api(state.config.responseService, '/api/v1/response-rates?groupBy=regimen');
    fill('response-rates', rates.groups.map((g) => [g.group, g.n,
      g.overallResponse.count + ' · ' + withCi(g.overallResponse.rate, g.overallResponse.lower, g.overallResponse.upper, percent),
      g.completeRemission.count + ' · ' + withCi(g.completeRemission.rate, g.completeRemission.lower, g.completeRemission.upper, percent)]));
  } catch (e) { showError('response-rates', e); }
}

async function loadAlerts() {
  try {
    const page = await api(state.config.pkService, '/api/v1/pk/alerts?status=open&size=100');
    fill('alerts', page.items.map((alert) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Acknowledge';
      button.className = 'ack';
      button.setAttribute('aria-label', 'Acknowledge ' + alert.kind + ' alert of patient ' + alert.patientId);
      button.addEventListener('click', () => acknowledge(alert.id, button));
      return [new Date(alert.raisedAt).toLocaleString(), alert.siteCode, alert.patientId, alert.kind,
        (alert.reasons || []).join('; '), button];
    }));
    $('alerts').setAttribute('data-open', String(page.items.length));
  } catch (e) { showError('alerts', e); }
}

async function acknowledge(id, button) {
  button.disabled = true;
  try {
    await api(state.config.pkService, '/api/v1/pk/alerts/' + encodeURIComponent(id) + '/ack', { method: 'POST' });
  } catch (e) {
    button.disabled = false;
    button.textContent = 'Acknowledge (failed: ' + e.message + ')';
    return;
  }
  await loadAlerts();
}

function describe(value) {
  if (value == null) return '';
  if (Array.isArray(value)) {
    return value.map((v) => (v && typeof v === 'object' && 'value' in v
      ? v.value + ' ' + v.n + (v.percent != null ? ' (' + v.percent + ' %)' : '') : describe(v))).join('; ');
  }
  if (typeof value === 'object') {
    if ('median' in value) return 'median ' + value.median + ' (' + value.min + '–' + value.max + '), n ' + value.n;
    if ('n' in value && 'percent' in value) return value.n + ' (' + value.percent + ' %)';
    return Object.entries(value).map(([k, v]) => k + ': ' + describe(v)).join(', ');
  }
  return String(value);
}

async function loadTableOne() {
  try {
    const table = await api(state.config.patientService, '/api/v1/cohort/characteristics');
    fill('table1', Object.entries(table).map(([name, value]) => [name, describe(value)]));
  } catch (e) { showError('table1', e); }
}

async function loadTableTwo() {
  try {
    const table = await api(state.config.patientService, '/api/v1/cohort/toxicities');
    const regimens = [...new Set(table.rows.flatMap((r) => Object.keys(r.byRegimen || {})))].sort();
    const head = document.createElement('tr');
    ['Adverse event', ...regimens.flatMap((r) => [r + ' any grade', r + ' grade ≥ 3']), 'Total any grade', 'Total grade ≥ 3']
      .forEach((h) => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = h; head.appendChild(th); });
    $('table2').querySelector('thead').replaceChildren(head);
    fill('table2', table.rows.map((r) => [r.term,
      ...regimens.flatMap((g) => [r.byRegimen[g] ? r.byRegimen[g].anyGrade : 0, r.byRegimen[g] ? r.byRegimen[g].grade3Plus : 0]),
      r.anyGradeTotal, r.grade3PlusTotal]));
  } catch (e) { showError('table2', e); }
}

async function loadDataQuality() {
  try {
    const report = await api(SELF, '/api/v1/data-quality');
    const rows = [];
    report.sites.forEach((site) => site.checks.forEach((check) => {
      const list = document.createElement('span');
      if (check.status !== 'CHECKED') {
        list.textContent = check.note;
      } else {
        check.patients.forEach((p, i) => {
          const link = document.createElement('a');
          link.href = p.fix;
          link.textContent = p.upn;
          link.title = p.detail;
          if (i > 0) list.append(', ');
          list.append(link);
        });
      }
      rows.push([site.site, check.title, check.status === 'CHECKED' ? check.count : '—', list]);
    }));
    fill('data-quality', rows);
  } catch (e) { showError('data-quality', e); }
}

function loadAll() {
  return Promise.all([loadFigures().catch((e) => { $('live-status').textContent = 'Figures: ' + e.message; }),
    loadResponseRates(), loadAlerts(), loadTableOne(), loadTableTwo(), loadDataQuality()]);
}

// --- the survival stream: EventSource cannot send a bearer token, so SSE is read through fetch

async function followStream() {
  if (state.streamAbort) state.streamAbort.abort();
  const abort = new AbortController();
  state.streamAbort = abort;
  let delay = 1000;
  while (!abort.signal.aborted) {
    try {
      const response = await fetch(SELF + '/api/v1/survival/stream', {
        headers: { Authorization: 'Bearer ' + token(), Accept: 'text/event-stream' }, signal: abort.signal,
      });
      if (!response.ok) throw new Error('stream refused: ' + response.status);
      delay = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          onStreamEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (e) {
      if (abort.signal.aborted) return;
      $('live-status').textContent = 'Live stream interrupted (' + e.message + '); reconnecting…';
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 30000);
  }
}

function onStreamEvent(block) {
  let name = 'message';
  const data = [];
  block.split('\n').forEach((line) => {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  });
  if (data.length === 0) return;
  const view = JSON.parse(data.join('\n'));
  showSummary(view);
  if (name === 'subscribed') {
    $('live-status').textContent = 'Live: following changes of your sites’ patients.';
  } else {
    state.updates = (state.updates || 0) + 1;
    $('live-status').textContent = 'Updated ' + new Date().toLocaleTimeString() + ' after a change to patient '
      + view.patientId + ' (' + state.updates + ' live update' + (state.updates > 1 ? 's' : '') + ').';
    $('live-status').setAttribute('data-updates', String(state.updates));
    loadAll();
  }
}

// --- sign in and out

async function signIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
  try {
    const me = await api(SELF, '/api/v1/whoami');
    $('caller').textContent = 'Signed in as ' + me.name + ' (' + (me.roles || []).join(', ') + ')'
      + (me.allSites ? ' · all sites' : ' · sites ' + me.sites.join(', '));
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('sign-in-error').textContent = e.status === 401 ? 'This token was refused (expired or not signed by this stack).' : e.message;
    return;
  }
  $('sign-in-error').textContent = '';
  $('token').value = '';
  $('sign-in-panel').hidden = true;
  $('main').hidden = false;
  $('sign-out').hidden = false;
  followStream();
  await loadAll();
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  if (state.streamAbort) state.streamAbort.abort();
  $('main').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in-panel').hidden = false;
  $('caller').textContent = '';
}

document.addEventListener('DOMContentLoaded', async () => {
  state.config = await (await fetch(SELF + '/api/v1/dashboard/config')).json();
  $('sign-in').addEventListener('submit', (event) => { event.preventDefault(); signIn($('token').value); });
  $('sign-out').addEventListener('click', signOut);
  $('group-by').addEventListener('change', () => loadFigures().catch((e) => { $('live-status').textContent = e.message; }));
  if (token()) signIn(token());
});
