/**
 * Builds, before a server takes requests, what its first comparison would otherwise build inside
 * a request: the projection index and the reconciler's state. On a million statements that is
 * many seconds, more than one request may run.
 */
import type { Db } from '../db/client.js';
import { projectionIndexOf } from './projection-index.js';
import type { ReadCache } from './read-cache.js';
import { searchIndexOf } from './search-index.js';

type Database = { db: Db; cache: ReadCache };

export async function warmReadModel(database: Database): Promise<void> {
  await Promise.all([projectionIndexOf(database), database.cache.getReconciler()]);
}

/**
 * Keeps the search indexes built, beside the requests: at start and, within `everyMs`, after each
 * change of the data (an ingest, a curation), so that a search finds its index ready instead of
 * building it inside the request (some seconds at 100,000 statements). A search that comes while
 * one is being built waits for that build. Returns a function that stops it.
 */
export function keepSearchWarm(acquire: () => Database, everyMs = 5_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const database = acquire();
      await searchIndexOf(database, 'statements');
      await searchIndexOf(database, 'claims');
    } catch {
      // The database may be away for a moment (a restore); the next tick tries again.
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
