import { PrismaClient } from '../generated/prisma/client.js';
import { PrismaClient as PostgresPrismaClient } from '../generated/postgresql/prisma/client.js';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { adapterFactoryFor } from './adapter.js';
import { databaseUrl, providerOf } from './config.js';

/**
 * The client type the code is written against. Both generated clients come from one
 * Prisma schema and differ only in the provider they were generated for, so they share
 * this API.
 */
export type Db = PrismaClient;

const providers = new WeakMap<object, 'sqlite' | 'postgresql'>();

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
  const client = new PrismaClient({ adapter });
  providers.set(client, 'sqlite');
  return client;
}
