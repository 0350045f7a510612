// The search box: what was said, found by its words in any form; each result opens the election.
import { runOperation } from './api.js';
import { el } from './format.js';

const FIELD_WORDS = { QUOTE: '', TEXT: 'another text: ', SPEAKER: 'speaker: ', NOTE: 'note: ', SOURCE_TITLE: 'source: ' };

/** A passage with its matched words in <mark>, built from text nodes (nothing is read as HTML). */
function passage(snippet) {
  const parts = [];
  let at = 0;
  for (const { start, end } of snippet.highlights) {
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(el('mark', {}, snippet.text.slice(start, end)));
    at = end;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return el('p', { class: 'passage' }, FIELD_WORDS[snippet.field] ?? '', ...parts);
}

function result(node, openElection) {
  const { statement } = node;
  const election = statement.round.election;
  const open = el('button', { type: 'button', class: 'link' }, election.title);
  open.addEventListener('click', () => openElection(election.id));
  return el(
    'li',
    { 'data-testid': 'search-result' },
    el('p', { class: 'meta' }, `${statement.organization.name}${statement.statementDate ? `, ${statement.statementDate}` : ''} · `, open),
    ...node.snippets.map(passage),
  );
}

/** Wires the search form to its results list. */
export function setUpSearch(form, list, status, openElection) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = new FormData(form).get('q')?.toString().trim() ?? '';
    list.replaceChildren();
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const data = await runOperation('DashboardSearch', { query, first: 20 });
      const { totalCount, edges } = data.searchStatements;
      list.replaceChildren(...edges.map((e) => result(e.node, openElection)));
      status.textContent = `${totalCount} ${totalCount === 1 ? 'statement' : 'statements'} found${totalCount > edges.length ? `, the best ${edges.length} shown` : ''}.`;
    } catch (error) {
      status.textContent = error.message;
    }
  });
}
