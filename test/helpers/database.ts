/** A real, throwaway SQLite database file per test file, migrated and loaded from the bundled sources. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adapterFactoryFor } from '../../src/db/adapter.js';
import { createDb, type Db } from '../../src/db/client.js';
import { QueryLog, countingAdapter } from '../../src/db/query-counter.js';
import { resetAndLoad } from '../../src/db/setup.js';
import { createServer } from '../../src/server/yoga.js';

export interface TestDatabase {
  url: string;
  dir: string;
  db: Db;
  log: QueryLog;
  yoga: ReturnType<typeof createServer>;
  /** Runs a GraphQL operation through the server in-process. */
  gql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close: () => Promise<void>;
}

export function testDatabaseUrl(dir: string): string {
  return `file:${path.join(dir, 'test.db')}`;
}

export async function createTestDatabase(options: { load?: boolean } = {}): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-test-'));
  const url = testDatabaseUrl(dir);
  if (options.load !== false) await resetAndLoad(url);
  const log = new QueryLog();
  const db = createDb({ adapter: countingAdapter(adapterFactoryFor(url), log) });
  const yoga = createServer(db);
  return {
    url, dir, db, log, yoga,
    gql: async (query, variables) => {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    close: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
