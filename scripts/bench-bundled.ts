/**
 * npm run bench:bundled -- [--duration 5] [--connections 10]
 *
 * The dashboard's own operation on the bundled data, as a dashboard with an audience sends it:
 * `DashboardComparison` from src/dashboard/operations.graphql (page of 50, with the summary)
 * against our server on a fresh SQLite file of the bundled sources, repeated (the same variables
 * every time) and varied (a different year range each time, 496 of them, each sent once).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resetAndLoad } from '../src/ingest/bootstrap.js';
import { runLoad, warmUp } from '../src/bench/load.js';
import { startServer } from '../src/bench/servers.js';
import { projectRoot } from '../src/db/config.js';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '5' }, connections: { type: 'string', default: '10' } } });
const settings = { duration: Number(values.duration), connections: Number(values.connections) };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-bundled-'));
const url = `file:${path.join(dir, 'bundled.db')}`;
try {
  await resetAndLoad(url);
  const server = await startServer('ours', url);
  try {
    const document = fs.readFileSync(path.join(projectRoot, 'src', 'dashboard', 'operations.graphql'), 'utf8');
    const body = (filter?: { yearFrom: number; yearTo: number }) =>
      JSON.stringify({
        query: document,
        operationName: 'DashboardComparison',
        variables: { first: 50, withSummary: true, withBody: false, scope: 'SUBJECT', ...(filter ? { filter } : {}) },
      });
    const ranges: { yearFrom: number; yearTo: number }[] = [];
    for (let from = 1995; from <= 2025; from++) for (let to = from; to <= 2025; to++) ranges.push({ yearFrom: from, yearTo: to });
    let next = 0;
    const target = `${server.url}/graphql`;
    const repeated = { url: target, body: body() };
    await warmUp(repeated, 5);
    const repeat = await runLoad(repeated, settings);
    const varied = { url: target, body: body(ranges[next++]), next: () => body(ranges[next++ % ranges.length]) };
    await warmUp(varied, 5);
    const vary = await runLoad(varied, settings);
    if (vary.requests + 5 > ranges.length)
      throw new Error(`the varied run sent ${vary.requests} requests but has only ${ranges.length} different ones`);
    console.log(`DashboardComparison on the bundled data, ${settings.connections} connections × ${settings.duration} s\n`);
    console.log('| mode | req/s | p50 / p99 (ms) | requests | not 2xx or errors |\n|---|---:|---:|---:|---:|');
    for (const [mode, r] of [
      ['repeated', repeat],
      ['varied', vary],
    ] as const) {
      console.log(
        `| ${mode} | ${r.requestsPerSecond.toFixed(1)} | ${r.latency.p50} / ${r.latency.p99} | ${r.requests} | ${r.non2xx + r.errors} |`,
      );
    }
  } finally {
    await server.stop();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
