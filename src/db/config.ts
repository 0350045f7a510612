import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Project root, whatever the working directory of the caller. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const defaultDatabaseUrl = `file:${path.join(projectRoot, 'data', 'observer-ledger.db')}`;

export type DatabaseProvider = 'sqlite' | 'postgresql';

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || defaultDatabaseUrl;
}

export function providerOf(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url}")`);
}

/** Filesystem path of a SQLite `file:` URL. */
export function sqlitePath(url: string): string {
  const raw = url.slice('file:'.length);
  return path.isAbsolute(raw) ? raw : path.resolve(projectRoot, raw);
}
