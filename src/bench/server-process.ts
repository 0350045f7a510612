/**
 * Our server for the benchmark: the real app (createApp) on DATABASE_URL with the floor's
 * routes beside it, in its own process so that the load generator does not share its event
 * loop. Started by src/bench/servers.ts with fork(); reports its port over IPC and exits
 * cleanly on "stop" (so that --cpu-prof can write its profile).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb } from '../db/client.js';
import { createApp } from '../server/app.js';
import { createFloor, floorHandler } from './floor-route.js';

export interface ServerReady {
  port: number;
}

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

async function ours(url: string): Promise<{ listener: Listener; close: () => Promise<void> }> {
  const db = createDb({ url });
  // The benchmark measures throughput from one address: the per-client request rate is not what it measures.
  const app = createApp(db, { limits: { readsPerMinute: 0 } });
  const floor = createFloor(url);
  const handleFloor = floorHandler(floor);
  return {
    listener: (request, response) => {
      if (!handleFloor(request, response)) void app(request, response);
    },
    close: async () => {
      await floor.close();
      await db.$disconnect();
    },
  };
}

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const { listener, close } = await ours(url);
const server = http.createServer(listener);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const ready: ServerReady = { port: (server.address() as AddressInfo).port };
  process.send?.(ready);
});
process.on('message', (message) => {
  if (message !== 'stop') return;
  // Requests a finished load run left in flight complete before the database goes away.
  server.close(() => void close().finally(() => process.exit(0)));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 10_000).unref();
});
// The parent going away must not leave a server behind.
process.on('disconnect', () => process.exit(0));
