/** npm run db:reset — recreate the database at DATABASE_URL and load the bundled sources. */
import { databaseUrl } from '../src/db/config.js';
import { resetAndLoad } from '../src/ingest/bootstrap.js';
import { formatReport } from '../src/ingest/report.js';

const url = databaseUrl();
const started = Date.now();
resetAndLoad(url)
  .then((report) => console.log(`database reset and loaded in ${Date.now() - started} ms\n${formatReport(report)}`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
