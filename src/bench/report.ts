/** The benchmark's results: the JSON document, the tables (Markdown, as the README shows them) and the targets. */
import type { Against, DatasetResult, Measurement } from './measure.js';
import type { BenchOptions, Engine } from './options.js';
import type { StatementCount } from './statement-counts.js';
import type { BenchQuery } from './queries.js';
import type { IngestResult } from './ingest.js';

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

/** Ours over a floor or a peer, on the same dataset, load and requests. */
export interface Ratio {
  engine: Engine;
  statements: number;
  query: BenchQuery;
  mode: Measurement['mode'];
  against: Against;
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
  ingest: IngestResult[];
  targets: Target[];
}

/** Statements a second `npm run ingest` is to load (a 50k-statement spreadsheet on a fresh database). */
const TARGET_INGEST_ROWS_PER_SECOND: Record<Engine, number> = { sqlite: 10_000, postgresql: 5_000 };

/** The spreadsheet size the ingest targets are stated for. */
const TARGET_INGEST_ROWS = 50_000;

/** The ingest targets: one per engine measured on a spreadsheet of the stated size or larger. */
export function evaluateIngestTargets(results: IngestResult[]): Target[] {
  return results
    .filter((r) => r.rows >= TARGET_INGEST_ROWS)
    .map((r) => ({
      name: `npm run ingest ≥ ${count(TARGET_INGEST_ROWS_PER_SECOND[r.engine])} statements/s (${r.engine}, ${count(r.rows)}-row spreadsheet, fresh database)`,
      met: r.oursRowsPerSecond >= TARGET_INGEST_ROWS_PER_SECOND[r.engine],
      detail: `${count(Math.round(r.oursRowsPerSecond))} statements/s (${fixed(r.oursSeconds, 1)} s); the engine's bulk loader ${count(Math.round(r.floorRowsPerSecond))} rows/s`,
    }));
}

const TARGET_P99_MS = 50;
const TARGET_VARIED_P99_MS = 250;
const TARGET_SIZE = 100_000;
const TARGET_LARGE_SIZE = 1_000_000;
const TARGET_LARGE_VARIED_P99_MS = 500;
/** The deep query on PostgreSQL at TARGET_SIZE: at least this many times PostGraphile 5's throughput, and the floor's. */
const TARGET_PEER_RATIO = 1.5;
const TARGET_FLOOR_RATIO = 0.5;

const AGAINST: Against[] = ['floor', 'projection-floor', 'peer', 'peer4'];
const MODES: Measurement['mode'][] = ['repeat', 'varied'];
const LABEL: Record<Against, string> = {
  floor: 'the SQL floor',
  'projection-floor': 'the floor over the projection tables',
  peer: 'PostGraphile 5',
  peer4: 'PostGraphile 4.14',
};

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
      for (const mode of MODES) {
        const ours = find(result, query, 'ours', mode);
        for (const against of AGAINST) {
          const theirs = find(result, query, against, mode);
          if (!ours || !theirs) continue;
          out.push({
            engine: result.dataset.engine,
            statements: result.dataset.statements,
            query,
            mode,
            against,
            throughput: ours.load.requestsPerSecond / theirs.load.requestsPerSecond,
            p50: ours.load.latency.p50 / theirs.load.latency.p50,
            p99: ours.load.latency.p99 / theirs.load.latency.p99,
          });
        }
      }
    }
  }
  return out;
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const count = (value: number) => value.toLocaleString('en-US');
const latency = (m: Measurement | undefined) => (m ? `${fixed(m.load.latency.p50, 0)} / ${fixed(m.load.latency.p99, 0)}` : '—');
const rate = (m: Measurement | undefined) => (m ? `${fixed(m.load.requestsPerSecond)}${m.reducedConnections ? '¹' : ''}` : '—');

export function evaluateTargets(results: DatasetResult[], page: number): Target[] {
  const targets: Target[] = [];
  const hit = (m: Measurement) => (m.mode === 'repeat' ? ' (response-cache hits)' : '');
  for (const result of results) {
    const engine = result.dataset.engine;
    const size = result.dataset.statements;
    const repeat = find(result, 'comparison', 'ours');
    const varied = find(result, 'comparison', 'ours', 'varied');
    if (size === TARGET_SIZE && repeat) {
      targets.push({
        name: `comparison p99 < ${TARGET_P99_MS} ms at ${count(size)} statements, page ${page}, repeated (${engine})`,
        met: repeat.load.latency.p99 < TARGET_P99_MS,
        detail: `p99 ${fixed(repeat.load.latency.p99, 0)} ms under ${repeat.load.connections} connections${hit(repeat)}; ${fixed(result.comparisonAlone.latency.p99, 0)} ms with one client`,
      });
    }
    const variedTarget = size === TARGET_SIZE ? TARGET_VARIED_P99_MS : size === TARGET_LARGE_SIZE ? TARGET_LARGE_VARIED_P99_MS : null;
    if (variedTarget && varied) {
      targets.push({
        name: `comparison p99 < ${variedTarget} ms at ${count(size)} statements with no two requests alike (${engine})`,
        met: varied.load.latency.p99 < variedTarget,
        detail: `p99 ${fixed(varied.load.latency.p99, 0)} ms, ${fixed(varied.load.requestsPerSecond)} req/s over ${count(varied.load.requests)} different requests`,
      });
    }
    if (engine !== 'postgresql' || size !== TARGET_SIZE) continue;
    for (const mode of MODES) {
      const ours = find(result, 'deep', 'ours', mode);
      if (!ours) continue;
      for (const [against, goal] of [
        ['peer', TARGET_PEER_RATIO],
        ['floor', TARGET_FLOOR_RATIO],
      ] as const) {
        const theirs = find(result, 'deep', against, mode);
        if (!theirs) continue;
        const ratio = ours.load.requestsPerSecond / theirs.load.requestsPerSecond;
        targets.push({
          name: `deep query ≥ ${goal}× ${LABEL[against]}'s throughput, ${mode === 'repeat' ? 'repeated' : 'no two requests alike'} (${engine}, ${count(size)} statements)`,
          met: ratio >= goal,
          detail: `${fixed(ours.load.requestsPerSecond)} vs ${fixed(theirs.load.requestsPerSecond)} req/s (${fixed(ratio, 2)}×)${hit(ours)}`,
        });
      }
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
    'Throughput (req/s) and latency p50 / p99 (ms) under load, each with the same requests: *repeated*, the same request every ' +
      'time (from the second on our response cache answers it); *varied*, no two alike (a different filter, and for the deep ' +
      'query page size, each time, from thousands), so no cache answers any. Ratios: our throughput ÷ theirs (below 1: we serve fewer).',
    '',
  );
  lines.push(
    '| engine | statements | query | mode | ours req/s | ours p50 / p99 | floor req/s | ÷ floor | projection floor req/s | ÷ projection floor | PostGraphile 5 req/s | ÷ PG 5 | PostGraphile 4.14 req/s | ÷ PG 4 |',
  );
  lines.push('|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const result of report.results) {
    for (const query of ['comparison', 'deep'] as const) {
      for (const mode of MODES) {
        const ours = find(result, query, 'ours', mode);
        if (!ours) continue;
        const cells = AGAINST.map((against) => {
          const theirs = find(result, query, against, mode);
          const r = report.ratios.find(
            (x) =>
              x.engine === result.dataset.engine &&
              x.statements === result.dataset.statements &&
              x.query === query &&
              x.mode === mode &&
              x.against === against,
          );
          return `${rate(theirs)} | ${r ? fixed(r.throughput, 2) : '—'}`;
        });
        lines.push(
          `| ${result.dataset.engine} | ${count(result.dataset.statements)} | ${query} | ${mode} | ${rate(ours)} | ${latency(ours)} | ${cells.join(' | ')} |`,
        );
      }
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
      .map((e) => `${r.dataset.engine} ${count(r.dataset.statements)} ${e.query} (${e.mode}) vs ${e.against}: ${e.difference}`),
  );
  lines.push(
    '',
    differences.length
      ? `Answers that differ: ${differences.join('; ')}`
      : "Every floor's and peer's answer was checked equal to ours, repeated and varied (same elections, values and order).",
  );
  if (report.ingest.length) {
    lines.push(
      '',
      "Ingest: `npm run ingest` of a synthetic spreadsheet into a fresh database (migrated, bundled sources loaded), the command's wall " +
        "time from start to exit, projections included; the floor loads the same file into one plain table with the engine's own " +
        'bulk loader (`sqlite3 .import`, `COPY`). Both were checked to hold every row.',
      '',
      '| engine | rows | ours s | ours rows/s | floor s | floor rows/s | ours ÷ floor (time) |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of report.ingest)
      lines.push(
        `| ${r.engine} | ${count(r.rows)} | ${fixed(r.oursSeconds, 1)} | ${count(Math.round(r.oursRowsPerSecond))} | ${fixed(r.floorSeconds, 2)} | ${count(Math.round(r.floorRowsPerSecond))} | ${fixed(r.timesFloor, 0)}× |`,
      );
  }
  lines.push('', 'Targets:', '');
  for (const t of report.targets) lines.push(`- ${t.met === null ? '?' : t.met ? 'met' : '**missed**'}: ${t.name} — ${t.detail}`);
  return lines.join('\n');
}
