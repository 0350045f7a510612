/**
 * Our server for the benchmark: the real app (createApp) on DATABASE_URL with the floor's
 * routes beside it, in its own process so that the load generator does not share its event
 * loop. Started by src/bench/servers.ts with fork(); reports its port over IPC and exits
 * cleanly on "stop" (so that --cpu-prof can write its profile).
 */
import http from 'node:http';
import { createDb } from '../db/client.js';
import { createApp } from '../server/app.js';
import { fixedDatabase } from '../http/database-source.js';
import { warmReadModel } from '../read/warm.js';
import { createFloor, floorHandler } from './floor-route.js';
import { serveForParent } from './child-server.js';

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

async function ours(url: string): Promise<{ listener: Listener; close: () => Promise<void> }> {
  const db = createDb({ url });
  // The benchmark measures throughput from one address: the per-client request rate is not what it measures.
  const source = fixedDatabase(db);
  // As npm start does: the first measured request must not build the read model's index.
  await warmReadModel(source.acquire());
  const app = createApp(source, { limits: { readsPerMinute: 0 } });
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
serveForParent(http.createServer(listener), close);
