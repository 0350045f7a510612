// The drill-down: one election's statements, each quote with its source and who coded its verdict.
import { runOperation } from './api.js';
import { el, gapChip, safeUrl, verdictChip, verdictLabel } from './format.js';

const CODERS = { SOURCE: 'the source dataset', HUMAN: 'a curator', RULE: 'the rule coder' };
const MISSING = {
  SUBJECT_OBSERVED_WITHOUT_ASSESSMENT: 'observed, but no assessment of it is on record',
  OTHER_DID_NOT_OBSERVE: 'declined or was prevented from observing',
  OTHER_OBSERVED_WITHOUT_ASSESSMENT: 'observed, but no assessment of it is on record',
  NO_OTHER_ASSESSMENT: 'observed, but no other body assessed this election',
};

function statementView(s) {
  const meta = [s.kind.toLowerCase(), s.statementDate, s.speakerName, `${s.quoteLanguage}${s.translated ? ', translated' : ''}`]
    .filter(Boolean)
    .join(' · ');
  const href = safeUrl(s.sourceUrl);
  const coding = s.verdictCoding;
  return el(
    'article',
    { class: 'statement', dataset: { statementId: s.id } },
    el('blockquote', { lang: s.quoteLanguage, 'data-testid': 'quote' }, `“${s.quote}”`),
    el('p', {}, meta),
    el(
      'p',
      { 'data-testid': 'source' },
      'Source: ',
      href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, s.sourceTitle ?? href) : (s.sourceTitle ?? '—'),
      ` · read from ${s.source.title}, ${s.locator}`,
    ),
    el(
      'p',
      { class: 'coder', 'data-testid': 'coder' },
      'Verdict ',
      verdictChip(s.verdict) ?? 'none',
      coding?.abstained ? ': judged to assess no election' : '',
      coding
        ? ` coded by ${CODERS[coding.coder] ?? coding.coder} (${coding.coder}: ${coding.codedBy}${coding.rule ? `, rule ${coding.rule}` : ''}${coding.confidence !== null ? `, confidence ${coding.confidence.toFixed(2)}` : ''})`
        : ' not coded',
    ),
    s.note ? el('p', {}, `Note: ${s.note}`) : null,
  );
}

function bodyBlock(title, verdict, gap, statements, extra) {
  return el(
    'section',
    { class: 'body-block' },
    el('h4', {}, title, ' ', verdictChip(verdict), gapChip(gap), extra ? el('span', { class: 'quiet' }, ` ${extra}`) : null),
    statements.length ? statements.map(statementView) : el('p', { class: 'quiet' }, 'No statement on record.'),
  );
}

/** What had the focus before the drill-down took it: it gets it back when the drill-down closes. */
let opener = null;

/** The panel is a dialog named by its heading; it takes the focus (on its Close button) when it opens. */
function heading(text, attributes = {}) {
  return el('h2', { id: 'drilldown-heading', ...attributes }, text);
}

export async function openDrilldown(panel, electionId, subject, onClose) {
  if (panel.hidden) opener = document.activeElement;
  panel.hidden = false;
  panel.dataset.electionId = electionId;
  panel.setAttribute('aria-busy', 'true');
  const close = el('button', { type: 'button', class: 'close', onclick: onClose }, 'Close');
  panel.replaceChildren(el('header', {}, heading('Loading…'), close));
  close.focus();
  try {
    const { node } = await runOperation('DashboardElection', { id: electionId, subject: subject || null });
    if (panel.dataset.electionId !== electionId) return;
    // Asked before the Close button moves into the new header (moving it drops its focus).
    const focused = panel.contains(document.activeElement);
    if (!node) throw new Error('no such election');
    const c = node.comparison;
    const missions = node.missions.map((m) =>
      el(
        'li',
        {},
        m.organization.name,
        m.observerCount ? ` · ${m.observerCountApproximate ? 'about ' : ''}${m.observerCount} observers` : '',
        m.head ? ` · head: ${m.head.name}` : '',
      ),
    );
    const rounds = c.rounds.map((r) =>
      el(
        'section',
        { class: 'round', dataset: { round: r.round } },
        el('h3', {}, `${r.round.toLowerCase()} round`),
        bodyBlock(c.subject.name, r.subjectVerdict, null, r.subjectStatements),
        r.others.map((o) =>
          bodyBlock(o.organization.name, o.verdict, o.gap, o.statements, o.status === 'BOTH_ASSESSED' ? null : verdictLabel(o.status)),
        ),
      ),
    );
    const missing = c.missing.map((m) =>
      el('li', {}, `${m.organization.name}${m.round ? ` (${m.round.toLowerCase()} round)` : ''}: ${MISSING[m.kind] ?? m.kind}`),
    );
    const parts = [
      el('header', {}, heading(node.title, { 'data-testid': 'drilldown-title' }), close),
      el('p', { class: 'sub' }, [node.date ?? 'date not known to the day', node.area.name, node.type.toLowerCase()].join(' · ')),
      missions.length ? el('section', {}, el('h4', {}, 'Observation missions'), el('ul', {}, missions)) : null,
      rounds.length ? rounds : el('p', { class: 'quiet' }, 'No statements on this election are on record.'),
      missing.length ? el('section', {}, el('h3', {}, 'Missing for a fair comparison'), el('ul', {}, missing)) : null,
    ];
    panel.replaceChildren(...parts.flat().filter(Boolean));
    if (focused) close.focus();
  } catch (error) {
    panel.replaceChildren(el('header', {}, heading('Could not load this election'), close), el('p', {}, error.message));
    close.focus();
  } finally {
    panel.removeAttribute('aria-busy');
  }
}

export function closeDrilldown(panel) {
  const hadFocus = panel.contains(document.activeElement);
  panel.hidden = true;
  delete panel.dataset.electionId;
  panel.replaceChildren();
  if (opener?.isConnected && (hadFocus || document.activeElement === document.body)) opener.focus();
  opener = null;
}
