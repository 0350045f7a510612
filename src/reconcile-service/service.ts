/**
 * The catalog a request works with: built on the reconciler the read cache keeps, and rebuilt
 * whenever the read cache hands out a new one (the names in the database changed).
 */
import type { Db } from '../db/client.js';
import type { Reconciler } from '../reconcile/reconciler.js';
import { ReadCache } from '../schema/read-cache.js';
import { loadCatalog, type Catalog } from './catalog.js';

const readCaches = new WeakMap<Db, ReadCache>();
const catalogs = new WeakMap<Reconciler, Promise<Catalog>>();

export async function catalogFor(db: Db): Promise<Catalog> {
  let cache = readCaches.get(db);
  if (!cache) readCaches.set(db, (cache = new ReadCache(db)));
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
