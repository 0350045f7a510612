/**
 * npm run query -- '<GraphQL document>' [--variables '<json>']
 * Runs one operation in-process against DATABASE_URL and prints the JSON result.
 */
import { databaseUrl } from '../src/db/config.js';
import { prepareDatabase } from '../src/ingest/bootstrap.js';
import { createServer } from '../src/server/yoga.js';

async function main() {
  const args = process.argv.slice(2);
  const v = args.indexOf('--variables');
  const variablesText = v >= 0 ? args[v + 1] : undefined;
  const document = args.filter((_, i) => (i !== v && i !== v + 1) || v < 0)[0];
  if (!document) throw new Error("usage: npm run query -- '<GraphQL document>' [--variables '<json>']");
  let variables: unknown;
  try {
    variables = variablesText ? JSON.parse(variablesText) : undefined;
  } catch {
    throw new Error(`--variables is not valid JSON: ${variablesText}`);
  }
  const { db } = await prepareDatabase(databaseUrl());
  try {
    const yoga = createServer(db);
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document, variables }),
    });
    const result = (await response.json()) as { errors?: unknown[] };
    console.log(JSON.stringify(result, null, 2));
    if (result.errors?.length) process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
