/** npm start — migrate, load the bundled sources if the database is empty, and serve GraphQL with GraphiQL. */
import { createServer as createHttpServer } from 'node:http';
import { databaseUrl } from '../db/config.js';
import { prepareDatabase } from '../ingest/bootstrap.js';
import { formatReport } from '../ingest/report.js';
import { createApp } from './app.js';
import { watchedDatabase } from '../http/database-source.js';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';

const url = databaseUrl();
const { db, loaded } = await prepareDatabase(url);
if (loaded) console.log(`loaded the bundled sources:\n${formatReport(loaded)}`);
const server = createHttpServer(createApp(watchedDatabase(url, db)));
server.listen(port, host, () => {
  console.log(`Observer Ledger GraphQL (GraphiQL) at http://${host}:${port}/graphql`);
  console.log(`comparison dashboard at http://${host}:${port}/ · reconciliation service at http://${host}:${port}/reconcile`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void db.$disconnect().finally(() => process.exit(0));
  });
}
