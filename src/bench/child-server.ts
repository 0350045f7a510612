/**
 * A benchmark server in a child process (ours, or a peer): listens on a random loopback port,
 * reports it to the parent over IPC, and on "stop" finishes the requests in flight before
 * releasing its database. Started by src/bench/servers.ts with fork().
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServerReady {
  port: number;
}

export function serveForParent(server: http.Server, release: () => Promise<unknown> | unknown): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const ready: ServerReady = { port: (server.address() as AddressInfo).port };
    process.send?.(ready);
  });
  process.on('message', (message) => {
    if (message !== 'stop') return;
    // Requests a finished load run left in flight complete before the database goes away.
    server.close(() => void Promise.resolve(release()).finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
  });
  // The parent going away must not leave a server behind.
  process.on('disconnect', () => process.exit(0));
}
