/** Ingests in a transaction that is rolled back: what the ingest wrote is read first, and nothing stays. */
import type { Db } from '../../src/db/client.js';
import { loadReference } from '../../src/ingest/load-reference.js';
import { Store, type Tx } from '../../src/ingest/store.js';
import { Reconciler } from '../../src/reconcile/reconciler.js';

const ROLLBACK = new Error('rollback');

/** Runs `ingest` over the reference knowledge, then `read` in the same transaction, which is then rolled back. */
export async function ingestedAndRolledBack<T>(db: Db, ingest: (store: Store) => Promise<void>, read: (tx: Tx) => Promise<T>): Promise<T> {
  let out: T | undefined;
  try {
    await db.$transaction(
      async (tx) => {
        const store = new Store(tx, new Reconciler());
        try {
          await store.prepare();
          await loadReference(store);
          await ingest(store);
          await store.flush();
          out = await read(tx);
        } finally {
          store.close();
        }
        throw ROLLBACK;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return out as T;
}
