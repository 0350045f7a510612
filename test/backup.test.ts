/**
 * `npm run db:backup` and `npm run db:restore` on a running server under load: the backup is taken
 * while requests are served, the data is then changed, and the restore puts every table back as
 * it was at the backup, while no request meanwhile fails.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/curation/tokens.js';
import { ingestStatementsFile } from '../src/ingest/pipeline.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { startServer } from './helpers/processes.js';
import { everyTable } from './helpers/snapshot.js';
import { HEADER } from '../src/synth/world.js';

const run = promisify(execFile);

let t: TestDatabase;
let server: { child: ChildProcess; base: string };
beforeAll(async () => {
  t = await createTestDatabase();
  await createToken(t.db, 'backup-editor', 'EDITOR');
  // One client sends the whole load: the per-client rate limit is off for it.
  server = await startServer(t.url, [], { REQUESTS_PER_MINUTE: '0' });
}, 120_000);
afterAll(async () => {
  server?.child.kill();
  await t?.close();
});

/** Every table's rows, hashed: equal fingerprints mean equal tables. */
const tables = () => everyTable(t.db, t.url);

/** Requests in a loop until stopped, varied so that no cache answers them: every failure is kept. */
function load(base: string): { stop: () => Promise<{ requests: number; failures: string[] }> } {
  let running = true;
  let requests = 0;
  const failures: string[] = [];
  const queries = [
    '{ comparison(subject: "CIS-EMO", scope: ALL) { summary { elections subjectObservedElections } } }',
    '{ statements(first: 20) { totalCount edges { node { id quote } } } }',
    '{ organizations(first: 10) { totalCount edges { node { name } } } }',
  ];
  const worker = async (n: number) => {
    while (running) {
      const query = queries[(requests + n) % queries.length];
      requests++;
      try {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        if (response.status !== 200 || body.errors) failures.push(`${response.status} ${JSON.stringify(body.errors ?? '')}`);
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const workers = [0, 1, 2, 3].map(worker);
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return { requests, failures };
    },
  };
}

describe('backup and restore', () => {
  it('a round trip under load: every table equal after the restore, no request failed meanwhile', async () => {
    const env = { ...process.env, DATABASE_URL: t.url };
    const file = path.join(t.dir, t.url.startsWith('file:') ? 'backup.sqlite' : 'backup.pgdump');
    const traffic = load(server.base);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const atBackup = await tables();
    const backup = await run('npx', ['tsx', 'scripts/db-backup.ts', file], { env });
    expect(backup.stdout).toMatch(/backup written/);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    // Changes after the backup: a new spreadsheet and a withdrawn source.
    const csv = path.join(t.dir, 'after-backup.csv');
    fs.writeFileSync(csv, `${HEADER}\nPACE,Chile,presidential,2017-11-19,1,2017-11-20,press,,the vote was orderly,en,false,ENDORSED,x,,\n`);
    await ingestStatementsFile(t.db, csv);
    await run('npx', ['tsx', 'scripts/withdraw.ts', 'source', 'dataset/assessments-extra.csv'], { env });
    const changed = await tables();
    expect(changed.Statement).not.toBe(atBackup.Statement);
    expect(changed.AuditEntry).not.toBe(atBackup.AuditEntry);

    const restore = await run('npx', ['tsx', 'scripts/db-restore.ts', file], { env });
    expect(restore.stdout).toMatch(/restored \d+ rows/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { requests, failures } = await traffic.stop();
    expect(await tables()).toEqual(atBackup);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(20);

    // The server answers from the restored data.
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ statements(filter: { area: "Chile" }, first: 5) { totalCount } }' }),
    });
    expect(((await response.json()) as { data: { statements: { totalCount: number } } }).data.statements.totalCount).toBe(0);
  }, 180_000);

  it('refuses to overwrite a file, and refuses a file that is no backup, changing nothing', async () => {
    const env = { ...process.env, DATABASE_URL: t.url };
    const before = await tables();
    const existing = path.join(t.dir, 'exists.bin');
    fs.writeFileSync(existing, 'keep me');
    const overwrite = await run('npx', ['tsx', 'scripts/db-backup.ts', existing], { env }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect(overwrite).toMatchObject({ code: 1, stderr: expect.stringMatching(/exists already/) });
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    const bad = await run('npx', ['tsx', 'scripts/db-restore.ts', existing], { env }).catch((e: { stderr: string; code: number }) => e);
    expect(bad).toMatchObject({ code: 1 });
    expect((bad as { stderr: string }).stderr).not.toMatch(/at \S+\.ts:\d+/);
    expect(await tables()).toEqual(before);
  }, 60_000);
});
