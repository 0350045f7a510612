/** Bringing a database to a usable state: migrated, and loaded from the bundled sources when empty. */
import { createDb, type Db } from '../db/client.js';
import { resetDatabase, applyMigrations } from '../db/migrations.js';
import { ensureSqliteDir, migrate } from '../db/setup.js';
import { ingestBundled, type IngestReport } from './pipeline.js';
import { rebuildProjections } from '../read/projections.js';

/** Drops everything, re-applies migrations and loads the bundled sources. */
export async function resetAndLoad(url: string): Promise<IngestReport> {
  ensureSqliteDir(url);
  await resetDatabase(url);
  await applyMigrations(url);
  const db = createDb({ url });
  try {
    return await ingestBundled(db);
  } finally {
    await db.$disconnect();
  }
}

/** Migrates and, if nothing was ever loaded, loads the bundled sources. Returns an open client. */
export async function prepareDatabase(url: string): Promise<{ db: Db; loaded: IngestReport | null }> {
  await migrate(url);
  const db = createDb({ url });
  const loaded = (await db.source.count()) === 0 ? await ingestBundled(db) : null;
  // A database loaded before the projection tables existed gets them once.
  if (!loaded && (await db.roundBody.count()) === 0 && (await db.electionRound.count()) > 0) {
    await db.$transaction((tx) => rebuildProjections(tx), { timeout: 30 * 60_000 });
  }
  return { db, loaded };
}
