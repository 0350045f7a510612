/** Child processes for fault and load tests: one Node process each (no wrapper), so a signal reaches it. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { projectRoot } from '../../src/db/config.js';

/** Runs a TypeScript file in a single Node process (tsx as a loader, not as a wrapper process). */
export function spawnTs(file: string, args: string[], env: NodeJS.ProcessEnv, nodeOptions: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeOptions, '--import', 'tsx', file, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves when the child prints a line containing `text`. */
export function waitForOutput(child: ChildProcess, text: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!seen.includes(text)) reject(new Error(`exited with ${code} before "${text}":\n${seen}`));
    });
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The Observer Ledger server on 127.0.0.1 over the given database; resolves once it listens. */
export async function startServer(
  databaseUrl: string,
  nodeOptions: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawnTs(
    'src/server/main.ts',
    [],
    { ...env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' },
    nodeOptions,
  );
  await waitForOutput(child, 'GraphiQL');
  return { child, base: `http://127.0.0.1:${port}` };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
