/**
 * npm run db:migrate                 apply committed migrations to DATABASE_URL
 * npm run db:migrate -- --create NAME  write a migration for the schema change (SQLite and PostgreSQL)
 * npm run db:migrate -- --check      exit 1 when prisma/schema.prisma has changes no migration covers
 */
import { applyMigrations, createMigration, pendingSchemaChange } from '../src/db/migrations.js';
import fs from 'node:fs';
import { databaseUrl, sqlitePath } from '../src/db/config.js';

// Diffing needs a connection only to learn the provider; a scratch SQLite file or the
// configured PostgreSQL server both do.
const scratchSqlite = `file:${process.env.TMPDIR ?? '/tmp'}/observer-ledger-diff-${process.pid}.db`;

async function main() {
  const args = process.argv.slice(2);
  const create = args.indexOf('--create');
  if (create >= 0) {
    const name = args[create + 1];
    if (!name) throw new Error('--create needs a migration name');
    const pgUrl = process.env.POSTGRES_URL;
    for (const url of [scratchSqlite, ...(pgUrl ? [pgUrl] : [])]) {
      const folder = await createMigration(url, name);
      console.log(folder ? `created ${folder}` : `no schema change for ${url.split(':')[0]}`);
    }
    if (!pgUrl) console.log('set POSTGRES_URL to also write the PostgreSQL migration');
    return;
  }
  if (args.includes('--check')) {
    const sql = await pendingSchemaChange(scratchSqlite);
    if (sql) {
      console.error(`prisma/schema.prisma has changes that no migration covers:\n${sql}`);
      process.exit(1);
    }
    console.log('migrations match the schema');
    return;
  }
  const applied = await applyMigrations(databaseUrl());
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const suffix of ['', '-journal']) fs.rmSync(sqlitePath(scratchSqlite) + suffix, { force: true });
  });
