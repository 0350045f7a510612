import { PrismaClient } from '../generated/prisma/client.js';
import { PrismaClient as PostgresPrismaClient } from '../generated/postgresql/prisma/client.js';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';
import { adapterFactoryFor } from './adapter.js';
import { databaseUrl, providerOf } from './config.js';

/**
 * The client type the code is written against. Both generated clients come from one
 * Prisma schema and differ only in the provider they were generated for, so they share
 * this API.
 */
export type Db = PrismaClient;

const providers = new WeakMap<object, 'sqlite' | 'postgresql'>();

export type SqliteConnection = BetterSqlite3.Database;

/**
 * The better-sqlite3 connection under each SQLite client, by the client's engine (a transaction
 * client shares its client's engine). The adapter runs every query and transaction of the client
 * on this one connection, so statements run on it directly are part of the open transaction.
 */
const sqliteConnections = new WeakMap<object, { connection: SqliteConnection | null }>();

const engineOf = (db: object) => (db as { _engine?: object })._engine;

/** The connection a SQLite client or transaction runs on, once connected (see sqliteConnections). */
export function sqliteConnectionOf(db: object): SqliteConnection | null {
  const engine = engineOf(db);
  return (engine && sqliteConnections.get(engine)?.connection) || null;
}

/**
 * Runs `work` with this SQLite connection's writes held in its page cache until the transaction
 * commits. SQLite would otherwise spill a large transaction's pages into the database file before
 * the commit, and to do that it locks every reader out until the commit: a long ingest would
 * stall the server's readers for most of its run. The cost is memory while the transaction runs:
 * about the size of what it writes (some 4 kB a statement). Elsewhere (PostgreSQL) `work` just runs.
 */
export async function holdingWritesUntilCommit<T>(tx: object, work: () => Promise<T>): Promise<T> {
  const connection = sqliteConnectionOf(tx);
  // Both: with spilling off alone, a cache at its size limit still wrote pages out (measured).
  connection?.pragma('cache_spill = OFF');
  connection?.pragma(`cache_size = -${HELD_WRITES_KIB}`);
  try {
    return await work();
  } finally {
    connection?.pragma('cache_spill = ON');
    connection?.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  }
}

/** Page cache of a SQLite connection: large ingests and comparisons touch far more than SQLite's 2 MB default. */
const SQLITE_CACHE_KIB = 128 * 1024;

/**
 * The page cache's ceiling while a transaction holds its writes. Pages are taken as needed, and the
 * pages read are kept up to the ceiling too: at 8 GB a 1M-statement database's ingest kept 6 GB of
 * them (measured); 1 GB holds a 100,000-row spreadsheet's writes with room to spare.
 */
const HELD_WRITES_KIB = 1024 * 1024;

/** A factory whose connections are remembered in `slot` (and given the page cache above). */
function rememberingConnections(factory: SqlDriverAdapterFactory, slot: { connection: SqliteConnection | null }): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'connect') return typeof value === 'function' ? value.bind(target) : value;
      return async () => {
        const adapter = (await target.connect()) as SqlDriverAdapter & { client?: SqliteConnection };
        if (adapter.client) {
          adapter.client.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
          slot.connection = adapter.client;
        }
        return adapter;
      };
    },
  });
}

/**
 * Which database a client or one of its transactions talks to (raw SQL differs in placeholders and
 * value encoding). A transaction client is another object, but Prisma's client keeps the provider it
 * was generated for, and a transaction sees it.
 */
export function providerOfClient(db: object): 'sqlite' | 'postgresql' {
  const known = providers.get(db);
  if (known) return known;
  return (db as { _activeProvider?: string })._activeProvider === 'postgresql' ? 'postgresql' : 'sqlite';
}

/** A Prisma client on DATABASE_URL (or the given URL, optionally through a wrapped adapter factory). */
export function createDb(options: { url?: string; wrap?: (factory: SqlDriverAdapterFactory) => SqlDriverAdapterFactory } = {}): Db {
  const url = options.url ?? databaseUrl();
  const factory = adapterFactoryFor(url);
  const adapter = options.wrap ? options.wrap(factory) : factory;
  if (providerOf(url) === 'postgresql') {
    // Same schema, other provider: the API is identical (see the type comment above).
    const client = new PostgresPrismaClient({ adapter }) as unknown as Db;
    providers.set(client, 'postgresql');
    return client;
  }
  const slot = { connection: null };
  const client = new PrismaClient({ adapter: rememberingConnections(adapter, slot) });
  providers.set(client, 'sqlite');
  const engine = engineOf(client);
  if (engine) sqliteConnections.set(engine, slot);
  return client;
}
