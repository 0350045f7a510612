/**
 * Ingestion entry points. Each runs in one database transaction: a failure anywhere
 * leaves the database exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { providerOfClient, type Db } from '../db/client.js';
import { Reconciler } from '../reconcile/reconciler.js';
import { Store, type IngestStats } from './store.js';
import { loadReference } from './load-reference.js';
import { ingestArticle000 } from './article-000.js';
import { bundledAnnotationFiles, ingestAnnotations } from './annotations.js';
import { readStatementsCsv, writeStatements } from './statements-csv.js';
import { sourcesDir } from './sources.js';
import type { ProgressListener } from './progress.js';
import { replayDecisions } from '../curation/merge.js';

const LONG_TRANSACTION = { timeout: 30 * 60_000, maxWait: 60_000 };

export const bundledStatementFiles = ['assessments.csv', 'assessments-extra.csv']
  .map((f) => path.join(sourcesDir, f))
  .filter((f) => fs.existsSync(f));

export interface IngestReport extends IngestStats {
  statements: number;
  ruleCoded: number;
}

async function ingestStatementFile(
  store: Store,
  file: string,
  onProgress?: ProgressListener,
): Promise<{ statements: number; ruleCoded: number }> {
  const content = fs.readFileSync(file, 'utf8');
  const rows = readStatementsCsv(file, content, store, onProgress);
  const written = await writeStatements(store, file, content, rows, undefined, onProgress);
  onProgress?.({ phase: 'code verdicts', done: 0, total: written.statementIds.length });
  const ruleCoded = await store.settleVerdicts(written.statementIds);
  return { statements: written.statementIds.length, ruleCoded };
}

/** Loads everything bundled: reference knowledge, the five documents, the statement files. */
export async function ingestBundled(db: Db): Promise<IngestReport> {
  return db.$transaction(async (tx) => {
    const store = new Store(tx, new Reconciler(), providerOfClient(db));
    await store.prepare();
    await loadReference(store);
    await ingestArticle000(store);
    for (const file of bundledAnnotationFiles()) await ingestAnnotations(store, file);
    let statements = 0;
    let ruleCoded = 0;
    for (const file of bundledStatementFiles) {
      const r = await ingestStatementFile(store, file);
      statements += r.statements;
      ruleCoded += r.ruleCoded;
    }
    await store.flush();
    await replayDecisions(tx);
    return { ...store.stats, statements, ruleCoded };
  }, LONG_TRANSACTION);
}

/** Loads one statements spreadsheet against what the database already holds. */
export async function ingestStatementsFile(db: Db, file: string, onProgress?: ProgressListener): Promise<IngestReport> {
  return db.$transaction(async (tx) => {
    const store = new Store(tx, new Reconciler(), providerOfClient(db));
    await store.loadExisting();
    const r = await ingestStatementFile(store, file, onProgress);
    onProgress?.({ phase: 'write', done: 0, total: store.writes.size() });
    await store.flush();
    await replayDecisions(tx);
    onProgress?.({ phase: 'done', done: r.statements, total: r.statements });
    return { ...store.stats, ...r };
  }, LONG_TRANSACTION);
}
