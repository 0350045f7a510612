/**
 * The database a request reads, as a source that can notice the database going away.
 *
 * An open SQLite connection keeps using its file even after the file is moved or deleted: it
 * would go on answering from, and writing into, a file nobody will read again. So before each
 * request the server checks that the file is still at its path and is the same file; while it
 * is missing, requests get a clean "unavailable" error, and when a file is back (the same or a
 * restored copy) the server reconnects and answers again.
 */
import fs from 'node:fs';
import { createGraphQLError } from 'graphql-yoga';
import { createDb, type Db } from '../db/client.js';
import { providerOf, sqlitePath } from '../db/config.js';
import { ReadCache } from '../read/read-cache.js';
import { DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS } from './failures.js';

export interface Database {
  db: Db;
  cache: ReadCache;
}

export interface DatabaseSource {
  /** The database for one request; throws a clean 503 GraphQL error while it is unavailable. */
  acquire(): Database;
}

export function unavailable() {
  return createGraphQLError(DATABASE_UNAVAILABLE, {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } } },
  });
}

/** A client handed in by the caller (tests, scripts): nothing to watch. */
export function fixedDatabase(db: Db): DatabaseSource {
  const current = { db, cache: new ReadCache(db) };
  return { acquire: () => current };
}

/** A source as given, or a client wrapped as a fixed source. */
export function asSource(database: Db | DatabaseSource): DatabaseSource {
  return typeof (database as DatabaseSource).acquire === 'function' ? (database as DatabaseSource) : fixedDatabase(database as Db);
}

/** How long a replaced client stays open for the requests still using it. */
const RETIRE_AFTER_MS = 30_000;

class WatchedSqliteFile implements DatabaseSource {
  private current: Database;
  private identity: string | null;

  constructor(
    private readonly url: string,
    db: Db,
    private readonly connect: () => Db,
  ) {
    this.current = { db, cache: new ReadCache(db) };
    this.identity = this.fileIdentity();
  }

  private fileIdentity(): string | null {
    try {
      const st = fs.statSync(sqlitePath(this.url));
      return st.isFile() && st.size > 0 ? `${st.dev}:${st.ino}` : null;
    } catch {
      return null;
    }
  }

  acquire(): Database {
    const identity = this.fileIdentity();
    if (!identity) throw unavailable();
    if (identity !== this.identity) {
      // Another file is at the path now (a restored copy): the old connection still reads the old one.
      const retired = this.current.db;
      const db = this.connect();
      this.current = { db, cache: new ReadCache(db) };
      this.identity = identity;
      setTimeout(() => void retired.$disconnect().catch(() => undefined), RETIRE_AFTER_MS).unref();
    }
    return this.current;
  }
}

/** For a SQLite URL, a source that watches the file; for any other, the client as given. */
export function watchedDatabase(url: string, db: Db): DatabaseSource {
  return providerOf(url) === 'sqlite' ? new WatchedSqliteFile(url, db, () => createDb({ url })) : fixedDatabase(db);
}
