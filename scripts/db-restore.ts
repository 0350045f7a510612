/**
 * npm run db:restore -- FILE   puts DATABASE_URL back to a backup, in one transaction, while the server runs
 * The backup must be of the same migration as the database; readers wait for the restore and then see it.
 */
import { databaseUrl } from '../src/db/config.js';
import { BackupError, restoreDatabase } from '../src/db/backup.js';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new BackupError('usage: npm run db:restore -- FILE');
  const started = Date.now();
  const report = await restoreDatabase(databaseUrl(), file);
  console.log(`restored ${report.rows} rows in ${report.tables} tables from ${file} in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
