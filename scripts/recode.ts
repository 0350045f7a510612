/**
 * npm run recode — re-run the rule coder over every stored statement (after a rule change).
 * Only RULE codings are rewritten; HUMAN and SOURCE codings are never touched, and the
 * verdict in force is recomputed by precedence.
 */
import { databaseUrl } from '../src/db/config.js';
import { prepareDatabase } from '../src/ingest/bootstrap.js';
import { recodeAll } from '../src/ingest/recode.js';

const { db } = await prepareDatabase(databaseUrl());
try {
  const r = await recodeAll(db);
  console.log(
    `coder ${r.coderVersion}: ${r.statements} statements coded, ${r.ruleVerdictsChanged} rule verdicts changed, ${r.verdictsInForceChanged} verdicts in force changed`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
