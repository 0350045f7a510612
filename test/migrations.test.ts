/** The committed migrations create exactly the schema in prisma/schema.prisma, for each database. */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/db/config.js';
import { pendingSchemaChange } from '../src/db/migrations.js';
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
});
