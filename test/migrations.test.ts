/** The committed migrations create exactly the schema in prisma/schema.prisma, for each database. */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/db/config.js';
import { applyMigrations, loadMigrations, pendingSchemaChange } from '../src/db/migrations.js';
import { createDb } from '../src/db/client.js';
import { providerOf } from '../src/db/config.js';
import { freshDatabase, postgresServer } from './helpers/database.js';

describe('migrations', () => {
  it('match the Prisma schema for SQLite (npm run db:migrate -- --check)', async () => {
    const r = await promisify(execFile)(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), [
      path.join(projectRoot, 'scripts/db-migrate.ts'),
      '--check',
    ]);
    expect(r.stdout).toContain('migrations match the schema');
  });

  it.runIf(!!postgresServer)('match the Prisma schema for PostgreSQL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-migrations-'));
    const scratch = await freshDatabase(dir, 'scratch');
    try {
      expect(await pendingSchemaChange(scratch.url)).toBeNull();
    } finally {
      await scratch.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('apply nothing to a database that holds them all, apply one its history lacks, and refuse a history with a failed one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-migrations-'));
    const { url, drop } = await freshDatabase(dir, 'history');
    const db = createDb({ url });
    try {
      const all = loadMigrations(providerOf(url)).migrationDirectories.map((d) => d.path);
      expect(await applyMigrations(url)).toEqual(all);
      expect(await applyMigrations(url)).toEqual([]);
      // The newest migration (a table rebuild, safe to run again) is forgotten: it is applied again.
      const newest = all.at(-1)!;
      await db.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '${newest}'`);
      expect(await applyMigrations(url)).toEqual([newest]);
      // A migration recorded as started and never finished is the engine's to report, not skipped.
      await db.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${newest}'`);
      await expect(applyMigrations(url)).rejects.toThrow(/failed|migration/i);
    } finally {
      await db.$disconnect();
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
