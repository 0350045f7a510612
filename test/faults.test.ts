/**
 * Faults on SQLite files and real processes: an ingest killed with SIGKILL leaves the database as
 * before or as after, never between; a database file that disappears under a running server gives
 * clean 503 errors, and the server answers again as soon as the file is back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, provider, type TestDatabase } from './helpers/database.js';
import { snapshot } from './helpers/snapshot.js';
import { exited, sleep, spawnTs, startServer, waitForOutput } from './helpers/processes.js';
import { generatedStatementsCsv } from './fixtures/statements.js';
import { createDb } from '../src/db/client.js';
import { sqlitePath } from '../src/db/config.js';

/**
 * When each kill lands: some time after the child starts, or after its write transaction has
 * begun (the rollback journal appears beside the file). Reported in the README.
 */
export const KILLS: { after: 'start' | 'journal'; ms: number }[] = [
  { after: 'start', ms: 200 },
  { after: 'journal', ms: 0 },
  { after: 'journal', ms: 1_000 },
];

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  for (const end = Date.now() + timeoutMs; !condition() && Date.now() < end; ) await sleep(10);
}

let t: TestDatabase;
let base = '';
beforeAll(async () => {
  if (provider !== 'sqlite') return;
  t = await createTestDatabase();
  await t.db.$disconnect();
  base = sqlitePath(t.url);
}, 180_000);
afterAll(async () => t?.close());

/** A copy of the loaded database, as a file of its own. */
function copy(name: string): { file: string; url: string } {
  const file = path.join(t.dir, `${name}.db`);
  fs.copyFileSync(base, file);
  return { file, url: `file:${file}` };
}

async function snapshotOf(url: string): Promise<Record<string, string>> {
  const db = createDb({ url });
  try {
    return await snapshot(db);
  } finally {
    await db.$disconnect();
  }
}

describe.skipIf(provider !== 'sqlite')('an ingest killed with SIGKILL', () => {
  it(`leaves the database as before or as after, never between (${KILLS.length} kills)`, async () => {
    const csv = path.join(t.dir, 'big.csv');
    fs.writeFileSync(csv, generatedStatementsCsv(4_000, 'fault'));
    const before = await snapshotOf(`file:${base}`);

    // The outcome of an ingest that is left to finish.
    const finished = copy('finished');
    const child = spawnTs('test/fixtures/ingest-child.ts', [csv], { DATABASE_URL: finished.url });
    await waitForOutput(child, 'done', 60_000);
    await exited(child);
    const after = await snapshotOf(finished.url);
    expect(after.Statement).not.toEqual(before.Statement);

    let midTransaction = 0;
    for (const [i, kill] of KILLS.entries()) {
      const target = copy(`killed-${i}`);
      const ingest = spawnTs('test/fixtures/ingest-child.ts', [csv], { DATABASE_URL: target.url });
      let done = false;
      ingest.stdout!.on('data', (chunk: Buffer) => (done ||= chunk.toString().includes('done')));
      await waitForOutput(ingest, 'ingesting');
      if (kill.after === 'journal') await until(() => done || fs.existsSync(`${target.file}-journal`), 30_000);
      await sleep(kill.ms);
      const label = `kill ${kill.ms} ms after ${kill.after}`;
      // A journal beside the file means a write transaction is open at the moment of the kill.
      if (!done && fs.existsSync(`${target.file}-journal`)) midTransaction++;
      ingest.kill('SIGKILL');
      await exited(ingest);
      const state = await snapshotOf(target.url);
      expect([before, after], label).toContainEqual(state);
      if (!done) expect(state, `${label}, before the ingest finished`).toEqual(before);
    }
    console.log(`ingest kills: ${KILLS.length}, ${midTransaction} inside the write transaction`);
    // The kills timed by the journal land inside the transaction.
    expect(midTransaction).toBeGreaterThanOrEqual(KILLS.filter((k) => k.after === 'journal').length - 1);
  }, 90_000);
});

describe.skipIf(provider !== 'sqlite')('the database file disappearing under a running server', () => {
  let server: { child: ChildProcess; base: string } | null = null;
  afterAll(() => {
    server?.child.kill('SIGKILL');
  });

  it('gives clean 503 errors while it is gone and answers again when it is back', async () => {
    const live = copy('live');
    // Its four clients share one address and ask as fast as they can: the per-client rate is off.
    server = await startServer(live.url, [], { REQUESTS_PER_MINUTE: '0' });
    const query = JSON.stringify({ query: '{ organizations(first: 5) { totalCount edges { node { name statements { totalCount } } } } }' });
    const answers: { status: number; text: string }[] = [];
    let running = true;
    // Four clients keep asking throughout.
    const clients = Array.from({ length: 4 }, async () => {
      while (running) {
        const response = await fetch(`${server!.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: query,
        });
        answers.push({ status: response.status, text: await response.text() });
      }
    });
    const health = async () => (await fetch(`${server!.base}/healthz`)).status;

    await sleep(300);
    const away = `${live.file}.moved`;
    fs.renameSync(live.file, away); // the file disappears
    await sleep(800);
    const duringOutage = answers.length;
    expect(await health()).toBe(503);
    const write = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer olt_x' },
      body: JSON.stringify({ query: 'mutation { judgeRecords(left: "a", right: "b", judgement: UNSURE) { judgement } }' }),
    });
    expect(write.status).toBe(503);
    fs.renameSync(away, live.file); // the same file is back
    await sleep(500);
    expect(await health()).toBe(200);

    // A restored copy (another file at the same path, here with one change): the server reconnects to it.
    fs.copyFileSync(live.file, away);
    const restored = createDb({ url: `file:${away}` });
    await restored.organization.updateMany({ where: { key: 'venice-commission' }, data: { description: 'from the restored copy' } });
    await restored.$disconnect();
    fs.rmSync(live.file);
    await sleep(300);
    fs.renameSync(away, live.file);
    await sleep(500);
    running = false;
    await Promise.all(clients);
    const venice = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organization(name: "Venice Commission") { description } }' }),
    });
    expect(((await venice.json()) as { data: { organization: { description: string } } }).data.organization.description).toBe(
      'from the restored copy',
    );

    const statuses = answers.map((a) => a.status);
    console.log(
      `database outage: ${answers.length} answers, ${statuses.filter((x) => x === 503).length} of them 503, none other than 200/503`,
    );
    expect(new Set(statuses)).toEqual(new Set([200, 503]));
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(JSON.parse(a.text).errors[0]).toMatchObject({
        message: 'The database is unavailable; try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      expect(a.text).not.toMatch(/\.db|\/tmp\/|SQLITE|prisma|\bat /i);
    }
    for (const a of answers.filter((x) => x.status === 200)) expect(JSON.parse(a.text).errors).toBeUndefined();
    expect(answers.length).toBeGreaterThan(duringOutage);
    // The last answers, after the file came back, are all good.
    expect(statuses.slice(-8).every((s) => s === 200)).toBe(true);
    const final = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    expect(final.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);
});
