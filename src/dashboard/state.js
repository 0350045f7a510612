// The dashboard's state lives in the URL query string, so every view can be shared as a link.
// The parameter names are those /export/comparison.csv accepts.

export const FILTER_KEYS = ['country', 'yearFrom', 'yearTo', 'type', 'body', 'scope', 'subject'];
const DEFAULT_SCOPE = 'SUBJECT';

export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const key of [...FILTER_KEYS, 'election']) state[key] = params.get(key)?.trim() ?? '';
  state.scope = (state.scope || DEFAULT_SCOPE).toUpperCase();
  return state;
}

/** The query string for a state: empty values and defaults left out, keys in a stable order. */
export function queryString(state, { withElection = true } = {}) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (!value || (key === 'scope' && value === DEFAULT_SCOPE)) continue;
    params.set(key, value);
  }
  if (withElection && state.election) params.set('election', state.election);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** GraphQL variables of DashboardComparison for a state. */
export function comparisonVariables(state) {
  const filter = {};
  if (state.country) filter.area = state.country;
  if (/^\d{4}$/.test(state.yearFrom)) filter.yearFrom = Number(state.yearFrom);
  if (/^\d{4}$/.test(state.yearTo)) filter.yearTo = Number(state.yearTo);
  if (state.type)
    filter.types = state.type
      .split(',')
      .map((t) => t.trim().toUpperCase())
      .filter(Boolean);
  if (state.body) filter.assessedBy = state.body;
  return {
    subject: state.subject || null,
    filter,
    scope: state.scope,
    body: state.body,
    withBody: Boolean(state.body),
  };
}
