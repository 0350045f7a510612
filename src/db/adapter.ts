import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { providerOf, sqlitePath } from './config.js';

/** The driver adapter factory for a DATABASE_URL. */
export function adapterFactoryFor(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(url) === 'postgresql') return new PrismaPg({ connectionString: url });
  return new PrismaBetterSqlite3({ url: `file:${sqlitePath(url)}` });
}
