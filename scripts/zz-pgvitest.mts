import { spawnSync } from 'node:child_process';
import { startPostgres } from './postgres-cluster.ts';
const c = await startPostgres();
const r = spawnSync('node_modules/.bin/vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TEST_POSTGRES_URL: c.url } });
c.stop();
process.exit(r.status ?? 1);
