/**
 * npm run ingest -- <file.csv> [...]   load statement spreadsheets into DATABASE_URL
 * npm run ingest                         (no file) load the bundled sources
 * Each file is checked whole before anything is written; a bad file changes nothing.
 */
import path from 'node:path';
import { databaseUrl } from '../src/db/config.js';
import { prepareDatabase } from '../src/ingest/bootstrap.js';
import { ingestBundled, ingestStatementsFile } from '../src/ingest/pipeline.js';
import { formatReport } from '../src/ingest/report.js';
import { CsvValidationError } from '../src/ingest/statements-csv.js';
import { stderrProgress } from '../src/ingest/progress.js';

async function main() {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const { db, loaded } = await prepareDatabase(databaseUrl());
  try {
    if (!files.length) {
      const report = loaded ?? (await ingestBundled(db));
      console.log(formatReport(report));
    }
    for (const file of files) {
      const started = Date.now();
      const report = await ingestStatementsFile(db, path.resolve(file), stderrProgress(path.basename(file)));
      console.log(`${file}: ingested in ${Date.now() - started} ms\n${formatReport(report)}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof CsvValidationError) {
    console.error(`nothing was written; fix these and run again:\n${error.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
