/**
 * npm run projections:rebuild   rewrites every projection table of DATABASE_URL from the facts
 * Ingest and curation keep them up to date; this is for a database changed by other means.
 */
import { databaseUrl } from '../src/db/config.js';
import { createDb } from '../src/db/client.js';
import { migrate } from '../src/db/setup.js';
import { rebuildProjections } from '../src/read/projections.js';

async function main(): Promise<void> {
  const url = databaseUrl();
  await migrate(url);
  const db = createDb({ url });
  try {
    const started = Date.now();
    const elections = await db.$transaction((tx) => rebuildProjections(tx), { timeout: 60 * 60_000 });
    const [rounds, bodies] = [await db.roundBody.count(), await db.electionBody.count()];
    console.log(`projected ${elections} elections (${rounds} round rows, ${bodies} election rows) in ${Date.now() - started} ms`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
