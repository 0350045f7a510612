/** Starting and stopping the benchmark servers (src/bench/server-process.ts) as child processes. */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerReady } from './child-server.js';

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** ours; peer: PostGraphile 5; peer4: PostGraphile 4.14. */
const entries = {
  ours: path.join(here, 'server-process.ts'),
  peer: path.join(here, 'peer5-process.ts'),
  peer4: path.join(here, 'peer4-process.ts'),
};

export async function startServer(
  role: keyof typeof entries,
  databaseUrl: string,
  options: { profileDir?: string } = {},
): Promise<RunningServer> {
  const execArgv = ['--import', 'tsx'];
  if (options.profileDir) {
    fs.mkdirSync(options.profileDir, { recursive: true });
    execArgv.push('--cpu-prof', '--cpu-prof-dir', options.profileDir);
  }
  const child: ChildProcess = fork(entries[role], [], {
    execArgv,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${role} server did not start within 120 s`)), 120_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve((message as ServerReady).port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${role} server exited with code ${code} before listening`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send('stop');
      }),
  };
}
