/** A database at a URL, migrated to the committed schema (loading data is the write side's: src/ingest/bootstrap.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { applyMigrations } from './migrations.js';
import { providerOf, sqlitePath } from './config.js';

export function ensureSqliteDir(url: string): void {
  if (providerOf(url) === 'sqlite') fs.mkdirSync(path.dirname(sqlitePath(url)), { recursive: true });
}

export async function migrate(url: string): Promise<string[]> {
  ensureSqliteDir(url);
  return applyMigrations(url);
}
