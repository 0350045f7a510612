import { PrismaClient } from '../generated/prisma/client.js';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { adapterFactoryFor } from './adapter.js';
import { databaseUrl } from './config.js';

export type Db = PrismaClient;

/** A Prisma client on DATABASE_URL (or the given URL / adapter factory). */
export function createDb(options: { url?: string; adapter?: SqlDriverAdapterFactory } = {}): Db {
  const adapter = options.adapter ?? adapterFactoryFor(options.url ?? databaseUrl());
  return new PrismaClient({ adapter });
}
