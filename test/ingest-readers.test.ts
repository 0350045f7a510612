/**
 * Readers while a large ingest runs: the server keeps answering every request, from the data as it
 * was until the ingest commits, and from the new data after. On SQLite the ingest holds its writes
 * in memory until its commit, so readers are locked out only for the commit itself.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSpreadsheet } from '../src/bench/ingest.js';
import { createTestDatabase, provider, type TestDatabase } from './helpers/database.js';
import { exited, spawnTs, startServer } from './helpers/processes.js';

const ROWS = 100_000;

let t: TestDatabase | undefined;
let stopServer = () => {};
afterAll(async () => {
  stopServer();
  await t?.close();
});

describe.skipIf(provider !== 'sqlite')('readers while a large ingest runs', () => {
  it(`are all answered while ${ROWS.toLocaleString('en-US')} rows are ingested: the data before, then the data after`, async () => {
    t = await createTestDatabase();
    await t.db.$disconnect();
    const csv = path.join(t.dir, 'large.csv');
    writeSpreadsheet(csv, ROWS, 7);
    const server = await startServer(t.url);
    stopServer = () => server.child.kill();

    const answers: { status: number; ms: number; total: number | null }[] = [];
    const ask = async (first: number) => {
      const started = performance.now();
      const response = await fetch(`${server.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ elections(first: ${first}) { totalCount } }` }),
      });
      const body = (await response.json()) as { data?: { elections: { totalCount: number } } };
      answers.push({ status: response.status, ms: performance.now() - started, total: body.data?.elections.totalCount ?? null });
    };
    await ask(1);
    const before = answers[0].total;

    const ingest = spawnTs('scripts/ingest.ts', [csv], { DATABASE_URL: t.url });
    let running = true;
    const done = exited(ingest).then((code) => {
      running = false;
      return code;
    });
    // Varied pages: no answer comes from the response cache of an earlier request.
    for (let i = 2; running; i++) {
      await ask((i % 50) + 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await done).toBe(0);
    await ask(51);

    const statuses = answers.map((a) => a.status);
    const slowest = Math.max(...answers.map((a) => a.ms));
    console.log(
      `${answers.length} requests during the ingest: statuses ${[...new Set(statuses)].join(', ')}; slowest ${slowest.toFixed(0)} ms`,
    );
    expect(answers.length).toBeGreaterThan(20);
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Before the commit every answer is the data as it was; after it, the data with the new rows.
    const totals = answers.map((a) => a.total);
    const after = totals.at(-1)!;
    expect(after).toBeGreaterThan(before!);
    const firstAfter = totals.indexOf(after);
    expect(totals.slice(0, firstAfter).every((x) => x === before)).toBe(true);
    expect(totals.slice(firstAfter).every((x) => x === after)).toBe(true);
    // A reader waits for the commit at most, never for the ingest.
    expect(slowest).toBeLessThan(5_000);
  }, 900_000);
});
