/** The committed migrations create exactly the schema in prisma/schema.prisma. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/db/config.js';

describe('migrations', () => {
  it('match the Prisma schema (npm run db:migrate -- --check)', async () => {
    const r = await promisify(execFile)(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), [path.join(projectRoot, 'scripts/db-migrate.ts'), '--check']);
    expect(r.stdout).toContain('migrations match the schema');
  });
});
