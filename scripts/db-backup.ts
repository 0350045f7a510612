/**
 * npm run db:backup [-- FILE]   a backup of DATABASE_URL while the server runs
 * SQLite: SQLite's online backup (a SQLite file); PostgreSQL: pg_dump's custom format.
 * Without FILE: backups/observer-ledger-<time>.sqlite or .pgdump. An existing file is never overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { databaseUrl, projectRoot, providerOf } from '../src/db/config.js';
import { backupDatabase, BackupError } from '../src/db/backup.js';

async function main(): Promise<void> {
  const url = databaseUrl();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(
    process.argv[2] ?? path.join(projectRoot, 'backups', `observer-ledger-${stamp}.${providerOf(url) === 'sqlite' ? 'sqlite' : 'pgdump'}`),
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  await backupDatabase(url, file);
  console.log(`backup written to ${file} (${fs.statSync(file).size} bytes) in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
