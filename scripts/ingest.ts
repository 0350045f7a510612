/**
 * npm run ingest -- <file.csv> [...] [--key KEY] [--title TITLE]
 *                                        load statement spreadsheets into DATABASE_URL
 * npm run ingest                         (no file) load the bundled sources
 *
 * A spreadsheet is a source under a key: --key (one file at a time), else the key it was loaded
 * under before from the same path, else "dataset/<its path>". Loading it again with other content
 * makes a new version: changed rows update their statements, missing rows retire theirs.
 * Each file is checked whole before anything is written; a bad file changes nothing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseUrl } from '../src/db/config.js';
import { prepareDatabase } from '../src/ingest/bootstrap.js';
import { ingestBundled, ingestStatementsFile } from '../src/ingest/pipeline.js';
import { formatFileReport, formatReport } from '../src/ingest/report.js';
import { CsvValidationError } from '../src/ingest/statements-csv.js';
import { stderrProgress } from '../src/ingest/progress.js';

async function main() {
  const { values, positionals: files } = parseArgs({
    allowPositionals: true,
    options: { key: { type: 'string' }, title: { type: 'string' } },
  });
  if (values.key !== undefined && files.length !== 1) throw new Error('--key names one source: give exactly one file with it');
  if (values.key !== undefined && !/^\S(.*\S)?$/.test(values.key)) throw new Error('--key is empty or starts or ends with a space');
  const { db, loaded } = await prepareDatabase(databaseUrl());
  try {
    if (!files.length) {
      const report = loaded ?? (await ingestBundled(db));
      console.log(formatReport(report));
    }
    for (const file of files) {
      const started = Date.now();
      const report = await ingestStatementsFile(db, path.resolve(file), stderrProgress(path.basename(file)), {
        key: values.key,
        title: values.title,
      });
      console.log(`${file}: ingested in ${Date.now() - started} ms\n${report.files.map(formatFileReport).join('\n')}`);
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
