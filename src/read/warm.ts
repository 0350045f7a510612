/**
 * Builds, before a server takes requests, what its first comparison would otherwise build inside
 * a request: the projection index and the reconciler's state. On a million statements that is
 * many seconds, more than one request may run.
 */
import type { Db } from '../db/client.js';
import { projectionIndexOf } from './projection-index.js';
import type { ReadCache } from './read-cache.js';

export async function warmReadModel(database: { db: Db; cache: ReadCache }): Promise<void> {
  await Promise.all([projectionIndexOf(database), database.cache.getReconciler()]);
}
