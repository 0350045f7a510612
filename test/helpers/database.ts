/**
 * A real, throwaway database per test file, migrated and loaded from the bundled sources:
 * a SQLite file by default, or a new database on the PostgreSQL server named by
 * TEST_POSTGRES_URL (the test runner starts one; see scripts/test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/client.js';
import { QueryLog, countingAdapter } from '../../src/db/query-counter.js';
import { migrate } from '../../src/db/setup.js';
import { resetAndLoad } from '../../src/ingest/bootstrap.js';
import { createServer } from '../../src/server/yoga.js';

export interface TestDatabase {
  url: string;
  dir: string;
  db: Db;
  log: QueryLog;
  yoga: ReturnType<typeof createServer>;
  /** Runs a GraphQL operation through the server in-process. */
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close: () => Promise<void>;
}

export const postgresServer = process.env.TEST_POSTGRES_URL;
export const provider = postgresServer ? 'postgresql' : 'sqlite';

/** A URL for a new, empty database, and how to remove it. */
export async function freshDatabase(dir: string, name = 'test'): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresServer) return { url: `file:${path.join(dir, `${name}.db`)}`, drop: async () => undefined };
  const dbName = `ol_${name.replace(/\W/g, '_')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: postgresServer });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(postgresServer);
  url.pathname = `/${dbName}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresServer });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * `responseCache`: whether the in-process server answers repeated anonymous reads from its cache
 * (off by default, so that tests see what a request costs; the server the commands start has it on).
 */
export async function createTestDatabase(options: { load?: boolean; responseCache?: boolean } = {}): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-test-'));
  const { url, drop } = await freshDatabase(dir);
  if (options.load !== false) await resetAndLoad(url);
  else await migrate(url);
  const log = new QueryLog();
  const db = createDb({ url, wrap: (factory) => countingAdapter(factory, log) });
  const yoga = createServer(db, { responseCache: options.responseCache ?? false });
  return {
    url,
    dir,
    db,
    log,
    yoga,
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
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
