/** `WORKERS=2 npm start`: two processes serve one port; one that dies is replaced while the other serves. */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { freePort, sleep, spawnTs, startServer, waitForOutput } from './helpers/processes.js';

let t: TestDatabase;
let server: { child: ChildProcess; base: string };
let output = '';
beforeAll(async () => {
  t = await createTestDatabase();
  const port = await freePort();
  const child = spawnTs('src/server/main.ts', [], {
    DATABASE_URL: t.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    WORKERS: '2',
    REQUESTS_PER_MINUTE: '0',
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  await waitForOutput(child, 'GraphiQL');
  server = { child, base: `http://127.0.0.1:${port}` };
}, 120_000);
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await t?.close();
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function statuses(n: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      fetch(`${server.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ elections(first: ${1 + (i % 20)}) { totalCount } }` }),
      }).then((r) => r.status),
    ),
  );
}

describe('one server process per core', () => {
  it('serves from two workers, and replaces one that dies while the other serves', async () => {
    const pids = await waitForPids();
    expect(pids).toHaveLength(2);
    expect(pids.every(alive)).toBe(true);
    expect(new Set(await statuses(40))).toEqual(new Set([200]));
    process.kill(pids[0], 'SIGKILL');
    // Connections kept alive to the killed worker are reset by the kernel; new ones reach the other.
    await sleep(1000);
    expect(new Set(await statuses(20))).toEqual(new Set([200]));
    for (let i = 0; i < 100 && !/starting another/.test(output); i++) await sleep(100);
    expect(output).toMatch(/starting another/);
    expect(alive(pids[1])).toBe(true);
  }, 60_000);

  it('refuses a worker count that is no number', async () => {
    const bad = await startServer(t.url, [], { WORKERS: 'many' }).catch((e: Error) => e);
    expect(String(bad)).toMatch(/WORKERS must be a whole number/);
  });
});

async function waitForPids(): Promise<number[]> {
  for (let i = 0; i < 50; i++) {
    const m = /pids ([\d, ]+)\)/.exec(output);
    if (m) return m[1].split(', ').map(Number);
    await sleep(100);
  }
  return [];
}
