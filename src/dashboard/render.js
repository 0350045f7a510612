// The summary cards, the agreement table and the side-by-side table.
import { el, gapChip, percent, shortName, signed, decimal, verdictChip, withInterval } from './format.js';

function statusNote(status, subjectName) {
  return (
    {
      OTHER_DID_NOT_OBSERVE: 'did not observe',
      SUBJECT_DID_NOT_OBSERVE: `${subjectName} absent`,
      SUBJECT_NOT_ASSESSED: `${subjectName} silent`,
      OTHER_NOT_ASSESSED: 'no verdict on record',
    }[status] ?? null
  );
}

const fewRoundsNote = (f) =>
  `Only ${f.pairedRounds} paired round${f.pairedRounds === 1 ? '' : 's'}: fewer than ${f.minimumRounds}, too few to support a conclusion. The figures describe these rounds only; the intervals show how little they pin down.`;

/** Election counts, then the agreement figures shown, each with its 95% interval: pooled over all bodies, or the chosen body's. */
export function renderSummary(container, summary, pooled, subjectName) {
  const thin = pooled.fewRounds;
  const figure = (label, value) => ['figure', label, value];
  const cards = [
    ['count', 'Elections', summary.elections, 'summary-elections'],
    ['count', `Observed by ${subjectName}`, summary.subjectObservedElections],
    ['count', `${subjectName} verdicts on record`, summary.subjectAssessedElections],
    ['count', 'Rounds compared (n)', pooled.pairedRounds, 'summary-paired'],
    figure('Same verdict', withInterval(pooled.agreementRate, pooled.agreementRateInterval, percent)),
    figure('Within one step', withInterval(pooled.withinOneRate, pooled.withinOneRateInterval, percent)),
    figure('Mean gap', withInterval(pooled.meanGap, pooled.meanGapInterval, signed)),
    figure('Weighted κ', withInterval(pooled.weightedKappa, pooled.weightedKappaInterval, decimal)),
  ];
  const shown = cards.map(([kind, label, value, id]) =>
    el(
      'div',
      { class: kind === 'figure' && thin ? 'card thin' : 'card', id, dataset: kind === 'figure' && thin ? { thin: 'true' } : {} },
      el('div', { class: 'value' }, value),
      el('div', { class: 'label' }, label),
    ),
  );
  const note =
    thin && pooled.pairedRounds > 0 ? el('p', { class: 'thin-note', id: 'summary-thin', role: 'note' }, fewRoundsNote(pooled)) : null;
  container.replaceChildren(...shown, ...(note ? [note] : []));
}

export function renderAgreementTable(table, byBody) {
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', { scope: 'col' }, 'Body'),
      el('th', { scope: 'col', class: 'num' }, 'Rounds compared (n)'),
      el('th', { scope: 'col', class: 'num' }, 'Coverage'),
      el('th', { scope: 'col', class: 'num' }, 'Same verdict (95% CI)'),
      el('th', { scope: 'col', class: 'num' }, 'Within one step (95% CI)'),
      el('th', { scope: 'col', class: 'num' }, 'Mean gap (95% CI)'),
      el('th', { scope: 'col', class: 'num' }, 'Mean |gap|'),
      el('th', { scope: 'col', class: 'num' }, 'Weighted κ (95% CI)'),
      el('th', { scope: 'col', class: 'num' }, 'Did not observe'),
    ),
  );
  const rows = byBody.map((f) =>
    el(
      'tr',
      { class: f.fewRounds ? 'thin' : null, dataset: { body: f.organization?.name ?? '', thin: f.fewRounds ? 'true' : null } },
      el(
        'th',
        { scope: 'row', title: f.organization?.name },
        f.organization?.name ?? '—',
        f.fewRounds && f.pairedRounds > 0 ? el('span', { class: 'thin-flag', title: fewRoundsNote(f) }, ` (n < ${f.minimumRounds})`) : null,
      ),
      el('td', { class: 'num' }, f.pairedRounds),
      el('td', { class: 'num' }, percent(f.coverage)),
      el('td', { class: 'num' }, withInterval(f.agreementRate, f.agreementRateInterval, percent)),
      el('td', { class: 'num' }, withInterval(f.withinOneRate, f.withinOneRateInterval, percent)),
      el('td', { class: 'num' }, withInterval(f.meanGap, f.meanGapInterval, signed)),
      el('td', { class: 'num' }, decimal(f.meanAbsoluteGap)),
      el('td', { class: 'num' }, withInterval(f.weightedKappa, f.weightedKappaInterval, decimal)),
      el('td', { class: 'num' }, f.didNotObserve),
    ),
  );
  const empty = el('tr', {}, el('td', { colspan: 9, class: 'quiet' }, 'No other body assessed these elections.'));
  const caption = el(
    'caption',
    {},
    'Agreement with each other body. Intervals are 95%: Wilson for shares, a bootstrap over the paired rounds for the gap and κ. Rows marked n < ',
    String(byBody[0]?.minimumRounds ?? 10),
    ' rest on too few rounds to support a conclusion.',
  );
  table.replaceChildren(caption, head, el('tbody', {}, rows.length ? rows : empty));
}

/** The bodies to show as columns: those compared in the summary, then any other that spoke. */
export function columnsFor(byBody, nodes, focus) {
  const seen = new Map();
  for (const f of byBody) if (f.organization) seen.set(f.organization.id, f.organization);
  for (const n of nodes)
    for (const r of n.rounds) for (const o of r.others) if (!seen.has(o.organization.id)) seen.set(o.organization.id, o.organization);
  const all = [...seen.values()];
  return focus ? all.filter((o) => o.id === focus.id) : all;
}

function bodyCell(other, subjectName) {
  if (!other) return el('td', { class: 'body-cell quiet' }, '');
  const tint = other.gap === null ? '' : ` tint-${Math.min(Math.abs(other.gap), 4)}`;
  const note = other.status !== 'BOTH_ASSESSED' ? statusNote(other.status, subjectName) : null;
  return el(
    'td',
    { class: `body-cell${tint}`, dataset: { status: other.status } },
    verdictChip(other.verdict),
    gapChip(other.gap),
    note ? el('div', { class: 'quiet' }, note) : null,
  );
}

/** One row per election round (one per election without statements), subject first, then each body. */
export function renderSideBySide(table, nodes, columns, subjectName, onOpen) {
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', {}, 'Election'),
      el('th', {}, 'Date'),
      el('th', {}, 'Round'),
      el('th', { class: 'subject' }, subjectName),
      columns.map((c) => el('th', { class: 'body-head', title: c.name, dataset: { bodyId: c.id } }, shortName(c))),
    ),
  );
  const rows = [];
  for (const node of nodes) {
    const e = node.election;
    const open = () => onOpen(e.id);
    const rounds = node.rounds.length ? node.rounds : [null];
    rounds.forEach((round, i) => {
      const byBody = new Map((round?.others ?? []).map((o) => [o.organization.id, o]));
      const widest = Math.max(0, ...(round?.others ?? []).map((o) => (o.gap === null ? 0 : Math.abs(o.gap))));
      const subjectCell = round
        ? el(
            'td',
            { class: 'subject' },
            verdictChip(round.subjectVerdict) ?? el('span', { class: 'quiet' }, node.subjectObserved ? 'observed, silent' : 'not observed'),
          )
        : el('td', { class: 'subject quiet' }, node.subjectObserved ? 'observed; no statements' : 'no statements');
      rows.push(
        el(
          'tr',
          {
            class: widest >= 2 ? 'wide-gap' : null,
            dataset: { electionId: e.id, round: round?.round ?? '', title: e.title },
            onclick: open,
          },
          el(
            'td',
            { class: 'election' },
            i === 0
              ? el(
                  'button',
                  {
                    type: 'button',
                    class: 'election-link',
                    onclick: (event) => {
                      event.stopPropagation();
                      open();
                    },
                  },
                  e.title,
                )
              : null,
          ),
          el('td', { class: 'date' }, i === 0 ? (e.date ?? String(e.year)) : ''),
          el('td', {}, round ? round.round.toLowerCase() : ''),
          subjectCell,
          columns.map((c) => bodyCell(byBody.get(c.id), subjectName)),
        ),
      );
    });
  }
  const empty = el('tr', {}, el('td', { colspan: 4 + columns.length, class: 'quiet' }, 'No election matches these filters.'));
  table.replaceChildren(head, el('tbody', {}, rows.length ? rows : empty));
}
