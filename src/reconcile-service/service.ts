/**
 * The catalog a request works with: built on the reconciler of the server's read cache, and
 * rebuilt whenever the read cache hands out a new one (the names in the database changed).
 */
import type { Reconciler } from '../reconcile/reconciler.js';
import type { ReadCache } from '../read/read-cache.js';
import type { Db } from '../db/client.js';
import { loadCatalog, type Catalog } from './catalog.js';

const catalogs = new WeakMap<Reconciler, Promise<Catalog>>();

export async function catalogFor(db: Db, cache: ReadCache): Promise<Catalog> {
  const reconciler = await cache.getReconciler();
  let catalog = catalogs.get(reconciler);
  if (!catalog) {
    catalog = loadCatalog(db, reconciler);
    catalogs.set(reconciler, catalog);
    // A failed load must not stick: the next request tries again.
    catalog.catch(() => catalogs.delete(reconciler));
  }
  return catalog;
}
