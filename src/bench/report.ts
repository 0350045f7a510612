/** The benchmark's results: the JSON document, the tables (Markdown, as the README shows them) and the targets. */
import type { DatasetResult, Measurement } from './measure.js';
import type { BenchOptions, Engine } from './options.js';
import type { StatementCount } from './statement-counts.js';
import type { BenchQuery } from './queries.js';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export interface StatementCounts {
  engine: Engine;
  statements: number;
  counts: StatementCount[];
  constant: Record<BenchQuery, boolean>;
}

export interface Target {
  name: string;
  met: boolean | null;
  detail: string;
}

/** Ours over the floor or the peer, on the same dataset and load. */
export interface Ratio {
  engine: Engine;
  statements: number;
  query: BenchQuery;
  against: 'floor' | 'peer';
  /** Our requests per second over theirs (below 1: we serve fewer). */
  throughput: number;
  /** Our latency over theirs (above 1: we are slower). */
  p50: number;
  p99: number;
}

export interface BenchReport {
  date: string;
  command: string;
  machine: Machine;
  options: Omit<BenchOptions, 'out' | 'cacheDir'>;
  results: DatasetResult[];
  statementCounts: StatementCounts[];
  ratios: Ratio[];
  targets: Target[];
}

const TARGET_P99_MS = 50;
const TARGET_VARIED_P99_MS = 250;
const TARGET_SIZE = 100_000;
const TARGET_FLOOR_RATIO = 2;

function find(
  result: DatasetResult,
  query: BenchQuery,
  implementation: Measurement['implementation'],
  mode: Measurement['mode'] = 'repeat',
): Measurement | undefined {
  return result.measurements.find((m) => m.query === query && m.implementation === implementation && (m.mode ?? 'repeat') === mode);
}

/** Our time per request over the floor's, from throughput under the same load (2.0 = twice as slow). */
export function timeRatio(ours: Measurement, floor: Measurement): number {
  return floor.load.requestsPerSecond / ours.load.requestsPerSecond;
}

export function ratios(results: DatasetResult[]): Ratio[] {
  const out: Ratio[] = [];
  for (const result of results) {
    for (const query of ['comparison', 'deep'] as const) {
      const ours = find(result, query, 'ours');
      for (const against of ['floor', 'peer'] as const) {
        const theirs = find(result, query, against);
        if (!ours || !theirs) continue;
        out.push({
          engine: result.dataset.engine,
          statements: result.dataset.statements,
          query,
          against,
          throughput: ours.load.requestsPerSecond / theirs.load.requestsPerSecond,
          p50: ours.load.latency.p50 / theirs.load.latency.p50,
          p99: ours.load.latency.p99 / theirs.load.latency.p99,
        });
      }
    }
  }
  return out;
}

const ratioCell = (r: Ratio | undefined) => (r ? `${fixed(r.throughput, 2)} · ${fixed(r.p50, 1)} · ${fixed(r.p99, 1)}` : '—');

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const count = (value: number) => value.toLocaleString('en-US');
const latency = (m: Measurement | undefined) => (m ? `${fixed(m.load.latency.p50, 0)} / ${fixed(m.load.latency.p99, 0)}` : '—');
const rate = (m: Measurement | undefined) => (m ? `${fixed(m.load.requestsPerSecond)}${m.reducedConnections ? '¹' : ''}` : '—');

export function evaluateTargets(results: DatasetResult[], page: number): Target[] {
  const targets: Target[] = [];
  for (const result of results.filter((r) => r.dataset.statements === TARGET_SIZE)) {
    const ours = find(result, 'comparison', 'ours');
    if (!ours) continue;
    const alone = result.comparisonAlone.latency.p99;
    const loaded = ours.load.latency.p99;
    targets.push({
      name: `comparison p99 < ${TARGET_P99_MS} ms at ${count(TARGET_SIZE)} statements, page ${page} (${result.dataset.engine})`,
      met: loaded < TARGET_P99_MS,
      detail: `p99 ${fixed(loaded, 0)} ms under ${ours.load.connections} connections (${fixed(loaded / TARGET_P99_MS)}× the target); ${fixed(alone, 0)} ms with one client`,
    });
    const varied = find(result, 'comparison', 'ours', 'varied');
    if (varied) {
      targets.push({
        name: `comparison p99 < ${TARGET_VARIED_P99_MS} ms at ${count(TARGET_SIZE)} statements with no two requests alike (${result.dataset.engine})`,
        met: varied.load.latency.p99 < TARGET_VARIED_P99_MS,
        detail: `p99 ${fixed(varied.load.latency.p99, 0)} ms, ${fixed(varied.load.requestsPerSecond)} req/s over ${count(varied.load.requests)} different requests`,
      });
    }
  }
  for (const result of results) {
    for (const query of ['comparison', 'deep'] as const) {
      const ours = find(result, query, 'ours');
      const floor = find(result, query, 'floor');
      if (!ours || !floor) continue;
      const ratio = timeRatio(ours, floor);
      targets.push({
        name: `${query} within ${TARGET_FLOOR_RATIO}× the SQL floor, repeated requests (a response-cache hit for ours) (${result.dataset.engine}, ${count(result.dataset.statements)} statements)`,
        met: ratio <= TARGET_FLOOR_RATIO,
        detail: `our time is ${fixed(ratio, 2)}× the floor's`,
      });
      const varied = find(result, query, 'ours', 'varied');
      if (varied) {
        const variedRatio = timeRatio(varied, floor);
        targets.push({
          name: `${query} within ${TARGET_FLOOR_RATIO}× the SQL floor with no two requests alike (${result.dataset.engine}, ${count(result.dataset.statements)} statements)`,
          met: variedRatio <= TARGET_FLOOR_RATIO,
          detail: `our time is ${fixed(variedRatio, 2)}× the floor's (${fixed(varied.load.requestsPerSecond)} vs ${fixed(floor.load.requestsPerSecond)} req/s)`,
        });
      }
    }
    const peer = find(result, 'deep', 'peer');
    const variedDeep = find(result, 'deep', 'ours', 'varied');
    if (variedDeep && peer) {
      const ratio = variedDeep.load.requestsPerSecond / peer.load.requestsPerSecond;
      targets.push({
        name: `deep query with no two requests alike at or above the peer's throughput (${result.dataset.engine}, ${count(result.dataset.statements)} statements)`,
        met: ratio >= 1,
        detail: `${fixed(variedDeep.load.requestsPerSecond)} vs ${fixed(peer.load.requestsPerSecond)} req/s (${fixed(ratio, 2)}×)`,
      });
    }
    const ours = find(result, 'deep', 'ours');
    if (ours && peer) {
      const ratio = ours.load.requestsPerSecond / peer.load.requestsPerSecond;
      targets.push({
        name: `deep query at or above the peer's throughput, repeated requests (${result.dataset.engine}, ${count(result.dataset.statements)} statements)`,
        met: ratio >= 1,
        detail: `${fixed(ours.load.requestsPerSecond)} vs ${fixed(peer.load.requestsPerSecond)} req/s (${fixed(ratio, 2)}×)`,
      });
    }
  }
  return targets;
}

export function renderTables(report: BenchReport): string {
  const { options } = report;
  const lines: string[] = [];
  lines.push(
    `Measured ${report.date} on ${report.machine.cpus} cores (${report.machine.cpuModel}), Node ${report.machine.node}; ` +
      `${options.connections} connections × ${options.duration} s per measurement; a page of ${options.page} elections for the comparison, ${options.deepPage} for the deep query; \`${report.command}\`.`,
    '',
  );
  lines.push(
    'Throughput (req/s) and latency p50 / p99 (ms) under load. Ratios are ours ÷ theirs: throughput · p50 · p99 ' +
      '(throughput below 1 and latency above 1 mean we are slower).',
    '',
  );
  lines.push(
    '| engine | statements | query | ours req/s | ours p50 / p99 | floor req/s | floor p50 / p99 | ours ÷ floor | peer req/s | peer p50 / p99 | ours ÷ peer |',
  );
  lines.push('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const result of report.results) {
    for (const query of ['comparison', 'deep'] as const) {
      const ours = find(result, query, 'ours');
      const floor = find(result, query, 'floor');
      const peer = find(result, query, 'peer');
      const ratio = (against: 'floor' | 'peer') =>
        report.ratios.find(
          (r) =>
            r.engine === result.dataset.engine && r.statements === result.dataset.statements && r.query === query && r.against === against,
        );
      lines.push(
        `| ${result.dataset.engine} | ${count(result.dataset.statements)} | ${query} | ${rate(ours)} | ${latency(ours)} | ${rate(floor)} | ${latency(floor)} | ` +
          `${ratioCell(ratio('floor'))} | ${rate(peer)} | ${latency(peer)} | ${ratioCell(ratio('peer'))} |`,
      );
    }
  }
  lines.push(
    '',
    'Varied requests: no two alike (a different year range and set of election types each time, from over 30,000), so no cache ' +
      'answers any; beside the repeated request of the same run. Ratio: varied ÷ repeated throughput.',
    '',
  );
  lines.push('| engine | statements | query | repeated req/s | repeated p50 / p99 | varied req/s | varied p50 / p99 | varied ÷ repeated |');
  lines.push('|---|---:|---|---:|---:|---:|---:|---:|');
  for (const result of report.results) {
    for (const query of ['comparison', 'deep'] as const) {
      const repeated = find(result, query, 'ours');
      const varied = find(result, query, 'ours', 'varied');
      if (!varied) continue;
      lines.push(
        `| ${result.dataset.engine} | ${count(result.dataset.statements)} | ${query} | ${rate(repeated)} | ${latency(repeated)} | ${rate(varied)} | ${latency(varied)} | ` +
          `${repeated ? fixed(varied.load.requestsPerSecond / repeated.load.requestsPerSecond, 2) : '—'} |`,
      );
    }
  }
  if (report.results.some((r) => r.measurements.some((m) => m.reducedConnections))) {
    lines.push('', '¹ measured with one connection: a single request took over a second.');
  }
  lines.push(
    '',
    `Latency growth of the comparison (page of ${options.page}): p50 / p99 (ms) with one client and under load. ` +
      'Our first request on a fresh server computes the aggregates that later requests reuse; the floor computes them every time.',
    '',
  );
  lines.push('| engine | statements | elections | one client p50 / p99 | under load p50 / p99 | first request: ours / floor (ms) |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const result of report.results) {
    const ours = find(result, 'comparison', 'ours');
    const floor = find(result, 'comparison', 'floor');
    lines.push(
      `| ${result.dataset.engine} | ${count(result.dataset.statements)} | ${count(result.dataset.elections)} | ` +
        `${fixed(result.comparisonAlone.latency.p50, 0)} / ${fixed(result.comparisonAlone.latency.p99, 0)} | ${latency(ours)} | ` +
        `${ours ? fixed(ours.firstRequestMs, 0) : '—'} / ${floor ? fixed(floor.firstRequestMs, 0) : '—'} |`,
    );
  }
  for (const c of report.statementCounts) {
    const pages = [...new Set(c.counts.map((x) => x.first))];
    lines.push(
      '',
      `SQL statements per request (${c.engine}, ${count(c.statements)} statements) as the page grows; elections returned in brackets (the API caps a page at 100).`,
      '',
    );
    lines.push(`| query | ${pages.map((p) => `first: ${p}`).join(' | ')} | constant |`);
    lines.push(`|---|${pages.map(() => '---:').join('|')}|---|`);
    for (const query of ['comparison', 'deep'] as const) {
      const cells = pages.map((p) => {
        const x = c.counts.find((y) => y.query === query && y.first === p);
        return x ? `${x.statements} (${x.elections})` : '—';
      });
      lines.push(`| ${query} | ${cells.join(' | ')} | ${c.constant[query] ? 'yes' : '**no**'} |`);
    }
  }
  const differences = report.results.flatMap((r) =>
    r.equivalence
      .filter((e) => !e.same)
      .map((e) => `${r.dataset.engine} ${count(r.dataset.statements)} ${e.query} vs ${e.against}: ${e.difference}`),
  );
  lines.push(
    '',
    differences.length
      ? `Answers that differ: ${differences.join('; ')}`
      : 'Every floor and peer answer was checked equal to ours (same elections, values and order).',
  );
  lines.push('', 'Targets:', '');
  for (const t of report.targets) lines.push(`- ${t.met === null ? '?' : t.met ? 'met' : '**missed**'}: ${t.name} — ${t.detail}`);
  return lines.join('\n');
}
