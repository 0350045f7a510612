/**
 * npm run soak [-- --duration 60 --connections 50]
 * Starts the server on 127.0.0.1 over a fresh copy of the bundled data, loads it with a mix of
 * dashboard reads from `connections` concurrent clients (autocannon) for `duration` seconds after
 * a warm-up, and reports throughput, latency, errors and the server's heap before and after
 * (garbage collected, read from /healthz). Exits 1 on any error or on heap growth over the bound.
 * Loopback only: it refuses any other address.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

/** Heap growth (after garbage collection) that a soak may show; more is reported as a leak. */
export const HEAP_GROWTH_BOUND_MB = 16;

/** What dashboards and readers ask most: the comparison, lookups, filtered lists, the live coder. */
export const SOAK_QUERIES = [
  `{ comparison(filter: { area: "Ukraine", yearFrom: 2004, yearTo: 2014 }) {
      summary { subjectCoverage byBody { organization { name } pairedRounds agreementRate meanGap weightedKappa } }
      elections(first: 20) { totalCount edges { node { election { title date }
        rounds { round subjectVerdict others { organization { name } verdict gap agrees status } }
        missing { kind organization { name } } } } } } }`,
  `{ organization(name: "CIS EMO") { name aliases missions { totalCount } statements(first: 5) { edges { node { quote verdict } } } conflicts { property } } }`,
  `{ elections(first: 20, filter: { area: "Russia", yearFrom: 2003, yearTo: 2012 }) { totalCount edges { node { title date rounds { round statements { verdict organization { name } } } } } } }`,
  `{ statements(first: 20, filter: { verdicts: [CRITICAL, CONDEMNED] }) { totalCount edges { node { quote verdict verdictCoding { coder } organization { name } round { election { title } } } } } }`,
  `{ codeVerdict(quote: "The elections were free and fair, although some procedural shortcomings were noted") { verdict confidence evidence { phrase } } }`,
];

export interface SoakReport {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  transportErrors: number;
  timeouts: number;
  graphqlErrors: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  heapGrowthMb: number;
  rssAfterMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function memory(base: string): Promise<{ heapUsed: number; rss: number }> {
  const body = (await (await fetch(`${base}/healthz?gc=1`)).json()) as { memory: { heapUsed: number; rss: number } };
  return body.memory;
}

function load(base: string, connections: number, duration: number, onBody: (status: number, body: string) => void) {
  const url = new URL(base);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`soak targets loopback only, not ${url.hostname}`);
  return autocannon({
    url: `${base}/graphql`,
    connections,
    duration,
    timeout: 30,
    requests: SOAK_QUERIES.map((query) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query }),
      onResponse: (status: number, body: string) => onBody(status, body),
    })),
  });
}

/** Soaks a running server at `base` (http://127.0.0.1:port, started with --expose-gc for exact heap figures). */
export async function soak(
  base: string,
  options: { connections?: number; durationSeconds?: number; warmupSeconds?: number } = {},
): Promise<SoakReport> {
  const connections = options.connections ?? 50;
  const durationSeconds = options.durationSeconds ?? 15;
  await load(base, connections, options.warmupSeconds ?? 3, () => undefined);
  const before = await memory(base);
  let graphqlErrors = 0;
  const result = await load(base, connections, durationSeconds, (_status, body) => {
    if (body.includes('"errors"')) graphqlErrors++;
  });
  const after = await memory(base);
  return {
    connections,
    durationSeconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    transportErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    heapBeforeMb: mb(before.heapUsed),
    heapAfterMb: mb(after.heapUsed),
    heapGrowthMb: mb(after.heapUsed - before.heapUsed),
    rssAfterMb: mb(after.rss),
  };
}

export function formatReport(r: SoakReport): string {
  return [
    `${r.connections} connections for ${r.durationSeconds} s: ${r.requests} requests, ${r.requestsPerSecond} req/s`,
    `latency ms: p50 ${r.latencyMs.p50}, p90 ${r.latencyMs.p90}, p99 ${r.latencyMs.p99}, max ${r.latencyMs.max}`,
    `errors: non-2xx ${r.non2xx}, transport ${r.transportErrors}, timeouts ${r.timeouts}, GraphQL ${r.graphqlErrors}`,
    `heap after GC: ${r.heapBeforeMb} MB before, ${r.heapAfterMb} MB after (growth ${r.heapGrowthMb} MB, bound ${HEAP_GROWTH_BOUND_MB} MB); rss ${r.rssAfterMb} MB`,
  ].join('\n');
}

export function passed(r: SoakReport): boolean {
  return r.non2xx + r.transportErrors + r.timeouts + r.graphqlErrors === 0 && r.heapGrowthMb <= HEAP_GROWTH_BOUND_MB;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  // Imported here so that a test importing soak() does not load the database layer twice.
  const { resetAndLoad } = await import('../src/ingest/bootstrap.js');
  const { startServer } = await import('../test/helpers/processes.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-soak-'));
  const url = `file:${path.join(dir, 'soak.db')}`;
  console.log('loading the bundled sources into a fresh database …');
  await resetAndLoad(url);
  // The soak's connections all come from one address; they stand for many clients, so the per-client rate is off.
  const server = await startServer(url, ['--expose-gc'], { REQUESTS_PER_MINUTE: '0' });
  try {
    const report = await soak(server.base, { connections: option('connections', 50), durationSeconds: option('duration', 30) });
    console.log(formatReport(report));
    return passed(report) ? 0 : 1;
  } finally {
    server.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
