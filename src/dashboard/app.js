// The comparison dashboard: filters in the URL, data from the public GraphQL API only.
import { allPages, runOperation } from './api.js';
import { comparisonVariables, queryString, readState } from './state.js';
import { columnsFor, renderAgreementTable, renderSideBySide, renderSummary } from './render.js';
import { drawAgreement, drawPairs, drawTimeline } from './charts.js';
import { closeDrilldown, openDrilldown } from './drilldown.js';
import { setUpSearch } from './search.js';
import { setUpPeople } from './people.js';

const $ = (id) => document.getElementById(id);
const form = $('filters');
const main = $('comparison');
const statusLine = $('status');
const panel = $('drilldown');
const CONTROLS = ['country', 'yearFrom', 'yearTo', 'type', 'body', 'scope'];
const SCOPE_WORDS = {
  SUBJECT: 'observed by',
  WITH_STATEMENTS: 'with any statement',
  ALL: 'on record',
  PAIRED: 'with a round both sides assessed',
};
const NO_FIGURES = {
  pairedRounds: 0,
  subjectAssessedRounds: 0,
  coverage: null,
  agreements: 0,
  agreementRate: null,
  withinOneRate: null,
  meanGap: null,
  meanAbsoluteGap: null,
  weightedKappa: null,
  krippendorffAlpha: null,
  agreementRateInterval: null,
  withinOneRateInterval: null,
  meanGapInterval: null,
  weightedKappaInterval: null,
  fewRounds: true,
  minimumRounds: 10,
  didNotObserve: 0,
};

let state = readState();
let loads = 0;

function setStatus(text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('error', isError);
}

function showSubject(name) {
  for (const node of document.querySelectorAll('.subject-name')) node.textContent = name;
  const scope = form.elements.scope.querySelector('option[value="SUBJECT"]');
  if (scope) scope.textContent = `observed by ${name}`;
}

/** Replaces a select's choices (its first, "any", option stays); keeps a value from the URL even if unlisted. */
function fill(select, choices) {
  const [any] = select.options;
  select.replaceChildren(any, ...choices.map(([value, label]) => new Option(label, value)));
}

function syncControls() {
  for (const name of CONTROLS) {
    const select = form.elements[name];
    const value = state[name] ?? '';
    if (value && ![...select.options].some((o) => o.value === value)) select.append(new Option(value, value));
    select.value = value;
  }
  $('download-csv').href = `/export/comparison.csv${queryString(state, { withElection: false })}`;
  $('download-agreement').href = `/export/agreement.csv${queryString(state, { withElection: false })}`;
}

function navigate(change, { replace = false } = {}) {
  state = { ...state, ...change };
  const url = `${location.pathname}${queryString(state)}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  syncControls();
}

async function loadOptions() {
  const pages = await allPages('DashboardOptions', { subject: state.subject || null }, (d) => d.comparison.elections);
  const countries = new Set();
  const years = new Set();
  const types = new Set();
  for (const page of pages) {
    for (const { node } of page.comparison.elections.edges) {
      const area = node.election.area;
      // Regions and cities are listed under their country: the filter includes the areas inside it.
      countries.add(area.kind === 'COUNTRY' || area.kind === 'DE_FACTO_STATE' || !area.parent ? area.name : area.parent.name);
      years.add(node.election.year);
      types.add(node.election.type);
    }
  }
  const bodies = pages[0].comparison.summary.byBody.map((f) => f.organization).filter(Boolean);
  const yearChoices = [...years].sort().map((y) => [String(y), String(y)]);
  fill(
    form.elements.country,
    [...countries].sort((a, b) => a.localeCompare(b)).map((c) => [c, c]),
  );
  fill(form.elements.yearFrom, yearChoices);
  fill(form.elements.yearTo, yearChoices);
  fill(
    form.elements.type,
    [...types].sort().map((t) => [t, t.charAt(0) + t.slice(1).toLowerCase()]),
  );
  fill(
    form.elements.body,
    bodies.map((b) => [b.name, b.name]),
  );
  showSubject(pages[0].comparison.subject.name);
  syncControls();
}

async function loadComparison() {
  const load = ++loads;
  main.setAttribute('aria-busy', 'true');
  setStatus('Loading…');
  const variables = comparisonVariables(state);
  try {
    let first = null;
    const nodes = [];
    let after = null;
    do {
      const data = await runOperation('DashboardComparison', { ...variables, after, withSummary: after === null });
      if (load !== loads) return;
      first ??= data;
      nodes.push(...data.comparison.elections.edges.map((e) => e.node));
      const { pageInfo } = data.comparison.elections;
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);

    const subjectName = first.comparison.subject.name;
    const focus = first.focus ?? null;
    const { summary } = first.comparison;
    // With one body chosen, every figure and chart is about that body alone.
    const byBody = focus ? summary.byBody.filter((f) => f.organization?.id === focus.id) : summary.byBody;
    const shown = focus
      ? nodes.map((n) => ({
          ...n,
          rounds: n.rounds.map((r) => ({ ...r, others: r.others.filter((o) => o.organization.id === focus.id) })),
        }))
      : nodes;
    const figures = focus ? (byBody[0] ?? { ...NO_FIGURES, organization: focus }) : summary.pooled;
    showSubject(subjectName);
    renderSummary($('summary'), summary, figures, subjectName);
    renderAgreementTable($('agreement-table'), byBody);
    renderSideBySide($('side-by-side'), shown, columnsFor(summary.byBody, shown, focus), subjectName, openElection);
    drawTimeline(shown, subjectName);
    drawAgreement(byBody);
    drawPairs(shown, subjectName);
    const scope = `${SCOPE_WORDS[state.scope] ?? ''}${state.scope === 'SUBJECT' ? ` ${subjectName}` : ''}`;
    const count = first.comparison.elections.totalCount;
    setStatus(`${count} ${count === 1 ? 'election' : 'elections'} ${scope}${focus ? `, assessed by ${focus.name}` : ''}.`);
  } catch (error) {
    if (load !== loads) return;
    setStatus(error.message, true);
  } finally {
    if (load === loads) {
      main.removeAttribute('aria-busy');
      // Tells a reader (and the browser test) which filters the drawn page shows.
      main.dataset.loadedFor = queryString(state, { withElection: false });
    }
  }
}

function openElection(id) {
  if (state.election !== id) navigate({ election: id });
  void openDrilldown(panel, id, state.subject, closeElection);
}

function closeElection() {
  navigate({ election: '' });
  closeDrilldown(panel);
}

function syncDrilldown() {
  if (state.election) void openDrilldown(panel, state.election, state.subject, closeElection);
  else closeDrilldown(panel);
}

form.addEventListener('change', (event) => {
  const { name, value } = event.target;
  if (!CONTROLS.includes(name)) return;
  navigate({ [name]: value });
  void loadComparison();
});
form.addEventListener('submit', (event) => event.preventDefault());
$('reset-filters').addEventListener('click', () => {
  navigate({ country: '', yearFrom: '', yearTo: '', type: '', body: '', scope: 'SUBJECT' });
  void loadComparison();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !panel.hidden) closeElection();
});
window.addEventListener('popstate', () => {
  state = readState();
  syncControls();
  syncDrilldown();
  void loadComparison();
  void loadPeople();
});

setUpSearch($('search'), $('search-results'), $('search-status'), openElection);
const loadPeople = setUpPeople($('people-filter'), $('people-list'), $('people-status'), () => state.subject || 'CIS-EMO', openElection);
syncControls();
syncDrilldown();
void loadComparison();
void loadPeople();
loadOptions().catch((error) => setStatus(`Filter choices could not be loaded: ${error.message}`, true));
