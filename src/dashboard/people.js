// The people view: who is linked to the subject, every role they held as the source dates it,
// the body or mission of each role, and the source line that says so.
import { allPages } from './api.js';
import { el } from './format.js';

const KIND_WORDS = {
  PARLIAMENT: 'parliament',
  PARLIAMENTARY_ASSEMBLY: 'parliamentary assembly',
  DELEGATION: 'delegation',
  NGO: 'NGO',
  INTERGOVERNMENTAL: 'intergovernmental body',
  ELECTION_COMMISSION: 'election commission',
  AD_HOC_MISSION: 'mission',
  PROFESSIONAL_ASSOCIATION: 'professional association',
  GOVERNMENT_BODY: 'government body',
  MEDIA: 'media',
  OTHER: 'body',
};

/** When a role held: a range, or the moment the source names ("at the moment of participation"). */
function when(m) {
  if (m.startDate || m.endDate) return `${m.startDate ?? '…'}–${m.endDate ?? ''}`;
  return m.asOf ?? '';
}

function source(claim) {
  const title = claim.source.url ? el('a', { href: claim.source.url }, claim.source.title) : claim.source.title;
  return el('li', { 'data-testid': 'person-source' }, title, `, ${claim.locator}: `, el('q', {}, claim.excerpt));
}

function role(m, openElection) {
  const body = m.organization
    ? el(
        'span',
        { class: 'body' },
        m.organization.name,
        el(
          'span',
          { class: 'kind' },
          ` (${KIND_WORDS[m.organization.kind] ?? 'body'}${m.organization.parent ? ` of the ${m.organization.parent.name}` : ''})`,
        ),
      )
    : null;
  let mission = null;
  if (m.mission) {
    const open = el('button', { type: 'button', class: 'link' }, m.mission.election.title);
    open.addEventListener('click', () => openElection(m.mission.election.id));
    mission = el('span', { class: 'mission' }, ` on the ${m.mission.organization.name} mission to `, open);
  }
  const details = [when(m), m.onBehalfOf ? `for ${m.onBehalfOf.name}` : null, m.label ? `standing: “${m.label}”` : null].filter(Boolean);
  return el(
    'li',
    { class: m.seat ? 'role seat' : 'role', 'data-testid': 'person-role' },
    el('p', { class: 'what' }, el('strong', {}, m.role), body ? ', ' : '', body, mission),
    details.length ? el('p', { class: 'meta' }, details.join(' · ')) : null,
    m.claims.length ? el('ul', { class: 'sources', 'aria-label': 'Sources' }, ...m.claims.map(source)) : null,
  );
}

function person(node, openElection, subject) {
  const { totalCount } = node.memberships;
  // The role with the subject first: the standing the rest is read from.
  const edges = [...node.memberships.edges].sort(
    (a, b) => Number(b.node.organization?.name === subject) - Number(a.node.organization?.name === subject),
  );
  return el(
    'li',
    { class: 'person', 'data-testid': 'person' },
    el('h3', {}, node.name),
    el('ul', { class: 'roles' }, ...edges.map((e) => role(e.node, openElection))),
    totalCount > edges.length
      ? el('p', { class: 'meta' }, `${totalCount - edges.length} more roles in the API (Person.memberships).`)
      : null,
  );
}

/** The filter for a choice of the form: the subject, and a seat in bodies of some kinds. */
function filterFor(subject, form) {
  const data = new FormData(form);
  const seat = data.get('seat')?.toString() ?? '';
  const filter = { memberOf: [subject] };
  if (seat) filter.satIn = seat.split(',');
  if (data.get('current')) filter.excludeFormer = true;
  return filter;
}

/** Wires the people form to its list; `subject()` names the body whose people are shown. */
export function setUpPeople(form, list, status, subject, openElection) {
  let loads = 0;
  const load = async () => {
    const mine = ++loads;
    const name = subject();
    form.elements.seat.options[0].textContent = `everyone linked to ${name}`;
    list.setAttribute('aria-busy', 'true');
    status.textContent = 'Loading people…';
    try {
      const pages = await allPages('DashboardPeople', { filter: filterFor(name, form), first: 25 }, (d) => d.persons);
      if (mine !== loads) return;
      const nodes = pages.flatMap((p) => p.persons.edges.map((e) => e.node));
      list.replaceChildren(...nodes.map((n) => person(n, openElection, name)));
      status.textContent = `${nodes.length} ${nodes.length === 1 ? 'person' : 'people'} linked to ${name}.`;
    } catch (error) {
      if (mine === loads) status.textContent = error.message;
    } finally {
      if (mine === loads) list.removeAttribute('aria-busy');
    }
  };
  form.addEventListener('change', () => void load());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  return load;
}
