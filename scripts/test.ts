/**
 * npm test — type-check, lint, then the whole suite on SQLite, then again on PostgreSQL on a
 * throwaway server (when the PostgreSQL server binaries are installed; CI installs them).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../src/db/config.js';
import { postgresBinDir, startPostgres } from './postgres-cluster.js';

const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env, cwd: projectRoot });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
}

step('type-check', bin('tsc'), ['--noEmit', '-p', '.']);
// Layers and cycles (dependency-cruiser), formatting and lint (Biome): see README, "Architecture".
step('lint', 'npm', ['run', '--silent', 'lint']);
step('tests on SQLite', bin('vitest'), ['run', ...extra], { ...process.env, TEST_POSTGRES_URL: '' });
if (postgresBinDir() && process.env.SKIP_POSTGRES !== '1') {
  const cluster = await startPostgres();
  try {
    step('tests on PostgreSQL', bin('vitest'), ['run', ...extra], { ...process.env, TEST_POSTGRES_URL: cluster.url });
  } finally {
    cluster.stop();
  }
} else {
  console.log('\nPostgreSQL server binaries not found (/usr/lib/postgresql/*/bin): the PostgreSQL run was skipped.');
}
