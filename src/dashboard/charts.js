// The three charts, drawn with Chart.js (the UMD build the page loads as window.Chart).
import { shortName } from './format.js';

const charts = new Map();
const BODY_COLORS = ['#24507a', '#d95f02', '#7570b3', '#1b9e77', '#e7298a', '#66a61e', '#a6761d', '#666666'];

/**
 * Each chart's data as a table, in a disclosure under the chart: what a screen reader or a
 * keyboard user reads instead of the picture (and what a reader copies).
 */
function dataTable(canvasId, headers, rows) {
  const box = document.getElementById(canvasId).parentElement;
  let details = box.nextElementSibling;
  if (!details?.classList.contains('chart-data')) {
    details = document.createElement('details');
    details.className = 'chart-data';
    const summary = document.createElement('summary');
    summary.textContent = 'The data as a table';
    details.append(summary, document.createElement('table'));
    box.after(details);
  }
  const table = details.querySelector('table');
  const head = document.createElement('tr');
  for (const h of headers) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const body = rows.map((row) => {
    const tr = document.createElement('tr');
    row.forEach((value, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      cell.textContent = String(value);
      tr.append(cell);
    });
    return tr;
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...body);
  table.replaceChildren(thead, tbody);
}

/** A bar chart's labels and datasets as rows: one per label, a column per dataset. */
function barRows(data) {
  return data.labels.map((label, i) => [label, ...data.datasets.map((d) => d.data[i])]);
}

function draw(canvasId, config, emptyMessage) {
  const canvas = document.getElementById(canvasId);
  charts.get(canvasId)?.destroy();
  const box = canvas.parentElement;
  box.querySelector('.empty')?.remove();
  if (emptyMessage) {
    const note = document.createElement('div');
    note.className = 'empty';
    note.textContent = emptyMessage;
    box.append(note);
  }
  // No animation: what a screenshot or a test sees is the final picture.
  const chart = new window.Chart(canvas, {
    ...config,
    options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options },
  });
  charts.set(canvasId, chart);
  return chart;
}

/** What is on record for an election: both sides' verdicts, one side's, or neither. */
export function recordKind(node) {
  const subject = node.rounds.some((r) => r.subjectScore !== null);
  const others = node.rounds.some((r) => r.others.some((o) => o.score !== null));
  const paired = node.rounds.some((r) => r.others.some((o) => o.status === 'BOTH_ASSESSED'));
  if (paired) return 'compared';
  if (subject) return 'subjectOnly';
  if (others) return 'othersOnly';
  return 'none';
}

export function drawTimeline(nodes, subjectName) {
  const years = nodes.map((n) => n.election.year);
  const labels = [];
  if (years.length) for (let y = Math.min(...years); y <= Math.max(...years); y++) labels.push(String(y));
  const series = [
    ['compared', 'Both sides’ verdicts', '#24507a'],
    ['subjectOnly', `${subjectName} only`, '#8fb3d9'],
    ['othersOnly', 'Other bodies only', '#fc8d59'],
    ['none', 'No verdict on record', '#d5dae1'],
  ];
  const counts = Object.fromEntries(series.map(([key]) => [key, labels.map(() => 0)]));
  for (const n of nodes) counts[recordKind(n)][labels.indexOf(String(n.election.year))]++;
  const data = {
    labels,
    datasets: series.map(([key, label, color]) => ({ label, data: counts[key], backgroundColor: color, maxBarThickness: 48 })),
  };
  dataTable('chart-timeline', ['Year', ...series.map(([, label]) => label)], barRows(data));
  return draw(
    'chart-timeline',
    {
      type: 'bar',
      data,
      options: {
        scales: {
          x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'elections' } },
        },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      },
    },
    labels.length ? null : 'No elections under these filters.',
  );
}

export function drawAgreement(byBody) {
  const compared = byBody.filter((f) => f.pairedRounds > 0);
  dataTable(
    'chart-agreement',
    ['Body', 'Paired rounds', 'Same verdict', 'Within one step'],
    compared.map((f) => [
      f.organization.name,
      f.pairedRounds,
      `${Math.round((f.agreementRate ?? 0) * 100)}%`,
      `${Math.round((f.withinOneRate ?? 0) * 100)}%`,
    ]),
  );
  return draw(
    'chart-agreement',
    {
      type: 'bar',
      data: {
        labels: compared.map((f) => `${shortName(f.organization)} (${f.pairedRounds})`),
        datasets: [
          // A sliver marks 0%, so "never agreed" reads differently from "not compared".
          {
            label: 'Same verdict',
            data: compared.map((f) => Math.round((f.agreementRate ?? 0) * 100)),
            backgroundColor: '#15803d',
            minBarLength: 3,
          },
          {
            label: 'Within one step',
            data: compared.map((f) => Math.round((f.withinOneRate ?? 0) * 100)),
            backgroundColor: '#91cf60',
            minBarLength: 3,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.raw}%` } },
        },
      },
    },
    compared.length ? null : 'No round both assessed under these filters.',
  );
}

const SCORE_TICKS = { 1: 'condemned', 2: 'critical', 3: 'mixed', 4: 'largely positive', 5: 'endorsed' };

export function drawPairs(nodes, subjectName) {
  const byBody = new Map();
  for (const n of nodes) {
    for (const r of n.rounds) {
      for (const o of r.others) {
        if (o.status !== 'BOTH_ASSESSED') continue;
        if (!byBody.has(o.organization.id)) byBody.set(o.organization.id, { organization: o.organization, points: [] });
        byBody.get(o.organization.id).points.push({ x: o.score, y: r.subjectScore, title: n.election.title, round: r.round, gap: o.gap });
      }
    }
  }
  dataTable(
    'chart-pairs',
    ['Election', 'Round', 'Body', 'Its verdict', `${subjectName}’s verdict`, 'Gap'],
    [...byBody.values()].flatMap(({ organization, points }) =>
      points.map((p) => [
        p.title,
        p.round.toLowerCase(),
        organization.name,
        SCORE_TICKS[p.x],
        SCORE_TICKS[p.y],
        p.gap > 0 ? `+${p.gap}` : p.gap,
      ]),
    ),
  );
  // Rounds with the same pair of scores would hide each other: spread them a little.
  const taken = new Map();
  const datasets = [...byBody.values()].map(({ organization, points }, i) => ({
    label: shortName(organization),
    data: points.map((p) => {
      const key = `${p.x}|${p.y}`;
      const k = taken.get(key) ?? 0;
      taken.set(key, k + 1);
      return { ...p, x: p.x + [0, 0.12, -0.12][k % 3], y: p.y + Math.floor(k / 3) * 0.12 };
    }),
    backgroundColor: BODY_COLORS[i % BODY_COLORS.length],
    pointRadius: 6,
  }));
  datasets.push({
    type: 'line',
    label: 'Same verdict',
    data: [
      { x: 1, y: 1 },
      { x: 5, y: 5 },
    ],
    borderColor: '#b5bcc6',
    borderDash: [4, 4],
    pointRadius: 0,
    borderWidth: 1,
  });
  const axis = (text) => ({
    min: 0.5,
    max: 5.5,
    title: { display: true, text },
    // One tick per verdict, at its score (the axis runs half a step beyond both ends).
    afterBuildTicks: (scale) => {
      scale.ticks = [1, 2, 3, 4, 5].map((value) => ({ value }));
    },
    ticks: { callback: (v) => SCORE_TICKS[v] ?? '' },
  });
  return draw(
    'chart-pairs',
    {
      type: 'scatter',
      data: { datasets },
      options: {
        scales: { x: axis('other body’s verdict'), y: axis(`${subjectName}’s verdict`) },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: {
            callbacks: {
              label: (c) =>
                c.raw.title ? `${c.raw.title} (${c.raw.round.toLowerCase()}): gap ${c.raw.gap > 0 ? '+' : ''}${c.raw.gap}` : 'same verdict',
            },
          },
        },
      },
    },
    byBody.size ? null : 'No round both assessed under these filters.',
  );
}
