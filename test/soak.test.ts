/** Load: the real server on 127.0.0.1 under 50 concurrent clients for a bounded time: no errors, no memory growth beyond the bound. */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { startServer } from './helpers/processes.js';
import { formatReport, HEAP_GROWTH_BOUND_MB, soak } from '../scripts/soak.js';

/** Seconds of measured load (after a 3 s warm-up); `npm run soak` runs longer. */
const SOAK_SECONDS = 10;

let t: TestDatabase;
let server: { child: ChildProcess; base: string };
beforeAll(async () => {
  t = await createTestDatabase();
  // Its connections all come from one address and stand for many clients: the per-client rate is off.
  server = await startServer(t.url, ['--expose-gc'], { REQUESTS_PER_MINUTE: '0' });
}, 180_000);
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await t?.close();
});

describe('soak', () => {
  it(`50 connections for ${SOAK_SECONDS} s: zero errors, heap growth under ${HEAP_GROWTH_BOUND_MB} MB`, async () => {
    const report = await soak(server.base, { connections: 50, durationSeconds: SOAK_SECONDS });
    console.log(formatReport(report));
    expect(report.requests).toBeGreaterThan(100);
    expect({ non2xx: report.non2xx, transport: report.transportErrors, timeouts: report.timeouts, graphql: report.graphqlErrors }).toEqual({
      non2xx: 0,
      transport: 0,
      timeouts: 0,
      graphql: 0,
    });
    expect(report.heapGrowthMb).toBeLessThanOrEqual(HEAP_GROWTH_BOUND_MB);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);
});
