/**
 * npm start — migrate, load the bundled sources if the database is empty, and serve GraphQL with
 * GraphiQL. WORKERS=N (or "auto", one per core) serves from N processes sharing the port
 * (node:cluster): the first process prepares the database once, then each worker serves with its
 * own caches, which follow the database's change marker, so a write through any worker is seen by all.
 */
import cluster from 'node:cluster';
import { createServer as createHttpServer } from 'node:http';
import os from 'node:os';
import { databaseUrl } from '../db/config.js';
import { createDb, type Db } from '../db/client.js';
import { prepareDatabase } from '../ingest/bootstrap.js';
import { formatReport } from '../ingest/report.js';
import { createApp } from './app.js';
import { watchedDatabase } from '../http/database-source.js';
import { keepSearchWarm, warmReadModel } from '../read/warm.js';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
const url = databaseUrl();

function workerCount(): number {
  const text = (process.env.WORKERS ?? '1').trim();
  if (text === 'auto') return os.availableParallelism();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`WORKERS must be a whole number from 1 to 64, or "auto" (one per core), not "${text}"`);
    process.exit(2);
  }
  return n;
}

const announce = () => {
  console.log(`Observer Ledger GraphQL (GraphiQL) at http://${host}:${port}/graphql`);
  console.log(`comparison dashboard at http://${host}:${port}/ · reconciliation service at http://${host}:${port}/reconcile`);
};

async function serve(db: Db, onListening: () => void): Promise<void> {
  const source = watchedDatabase(url, db);
  await warmReadModel(source.acquire());
  const server = createHttpServer(createApp(source));
  server.listen(port, host, () => {
    onListening();
    keepSearchWarm(() => source.acquire());
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.close();
      void db.$disconnect().finally(() => process.exit(0));
    });
  }
}

if (cluster.isPrimary) {
  const workers = workerCount();
  const { db, loaded } = await prepareDatabase(url);
  if (loaded) console.log(`loaded the bundled sources:\n${formatReport(loaded)}`);
  if (workers === 1) {
    await serve(db, announce);
  } else {
    await db.$disconnect();
    let listening = 0;
    let stopping = false;
    cluster.on('listening', () => {
      if (++listening === workers) {
        const pids = Object.values(cluster.workers ?? {}).map((w) => w?.process.pid);
        console.log(`serving from ${workers} worker processes (pids ${pids.join(', ')})`);
        announce();
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      // A worker that dies is replaced; the others go on serving meanwhile.
      console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
      cluster.fork();
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        stopping = true;
        for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
        process.exit(0);
      });
    }
    for (let i = 0; i < workers; i++) cluster.fork();
  }
} else {
  await serve(createDb({ url }), () => undefined);
}
