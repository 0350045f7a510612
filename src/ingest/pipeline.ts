/**
 * Ingestion entry points. Each runs in one database transaction: a failure anywhere
 * leaves the database exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { holdingWritesUntilCommit, type Db } from '../db/client.js';
import { Reconciler } from '../reconcile/reconciler.js';
import { Store, type IngestStats } from './store.js';
import { loadReference } from './load-reference.js';
import { ingestArticle000 } from './article-000.js';
import { ingestMissionMembers } from './mission-members.js';
import { bundledAnnotationFiles, ingestAnnotations } from './annotations.js';
import {
  deferIndexesOfLargeFile,
  defaultDatasetKey,
  writeStatements,
  type NearDuplicate,
  type SpreadsheetSource,
} from './statements-csv.js';
import { digestStatementsFile, lookupOnce, type StatementsInput } from './statements-file.js';
import { sourcesDir } from './sources.js';
import type { ProgressListener } from './progress.js';
import { replayDecisions } from '../curation/merge.js';
import { applyWithdrawals } from '../curation/withdrawals.js';
import { rebuildProjections } from '../read/projections.js';
import type { Tx } from './store.js';

const LONG_TRANSACTION = { timeout: 30 * 60_000, maxWait: 60_000 };

/**
 * One ingest's transaction and its Store: long, with its writes held until the commit so readers
 * go on (holdingWritesUntilCommit); the Store's coder is let go of however the ingest ends.
 */
function ingestTransaction<T>(db: Db, work: (store: Store, tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    (tx) =>
      holdingWritesUntilCommit(tx, async () => {
        const store = new Store(tx, new Reconciler());
        try {
          return await work(store, tx);
        } finally {
          store.close();
        }
      }),
    LONG_TRANSACTION,
  );
}

export const bundledStatementFiles = ['assessments.csv', 'assessments-extra.csv']
  .map((f) => path.join(sourcesDir, f))
  .filter((f) => fs.existsSync(f));

/** The bundled spreadsheets keep the keys they were first published under. */
const bundledKey = (file: string) => `dataset/${path.basename(file)}`;

/** What ingesting one statements file did. */
export interface FileReport {
  file: string;
  /** The source's key and the version its content is. */
  key: string;
  version: number;
  /** True when the content was already on record as that version. */
  sameContent: boolean;
  /** True when a curator has withdrawn the source: its statements stay out of every figure. */
  sourceWithdrawn: boolean;
  new: number;
  updated: number;
  unchanged: number;
  retired: number;
  /** Rows that are further texts of a statement (translations, re-publications). */
  texts: number;
  /** Statements of the file that a curator has withdrawn. */
  withdrawn: number;
  nearDuplicates: NearDuplicate[];
}

export interface IngestReport extends IngestStats {
  statements: number;
  ruleCoded: number;
  files: FileReport[];
}

/** A spreadsheet to ingest: a file, or content uploaded under a key (`name` is what messages call it). */
type Spreadsheet = { file: string } | { name: string; content: string; key: string };

async function ingestStatementFile(
  store: Store,
  spreadsheet: Spreadsheet,
  source: SpreadsheetSource,
  onProgress?: ProgressListener,
): Promise<{ statements: number; ruleCoded: number; file: FileReport; sourceId: string }> {
  const uploaded = !('file' in spreadsheet);
  const file = 'file' in spreadsheet ? spreadsheet.file : spreadsheet.name;
  const input: StatementsInput = 'file' in spreadsheet ? { file } : { name: file, content: spreadsheet.content };
  const names = lookupOnce(store.reconciler);
  const digest = await digestStatementsFile(input);
  const key = 'key' in spreadsheet ? spreadsheet.key : (source.key ?? (await keyOfPath(store.tx, file)));
  const buildIndexes = await deferIndexesOfLargeFile(store, digest);
  const written = await writeStatements(store, input, digest, names, { ...source, key, uploaded }, onProgress);
  onProgress?.({ phase: 'code verdicts', done: 0, total: written.unsettled.length });
  const ruleCoded = written.ruleCoded + (await store.settleVerdicts(written.unsettled));
  await store.flush();
  await buildIndexes();
  const registered = written.source;
  return {
    statements: written.statementIds.length,
    ruleCoded,
    sourceId: registered.id,
    file: {
      file: path.isAbsolute(file) ? path.relative(process.cwd(), file) || file : file,
      key,
      version: registered.version,
      sameContent: registered.sameContent,
      sourceWithdrawn: false,
      ...written.counts,
      texts: written.texts.length,
      withdrawn: written.withdrawn,
      nearDuplicates: written.nearDuplicates,
    },
  };
}

/**
 * The key a file is ingested under when none is given: the key of the source last read from this
 * very path, so loading a file again makes a new version of it; else the file's own path.
 */
async function keyOfPath(tx: Tx, file: string): Promise<string> {
  const key = defaultDatasetKey(file);
  const rel = key.slice('dataset/'.length);
  const known = await tx.source.findMany({ where: { path: rel, kind: 'DATASET' }, select: { key: true } });
  return known.length === 1 ? known[0].key : key;
}

/** After the flush: what sources no longer say is retired, decisions are replayed, withdrawals written onto the rows. */
async function settle(tx: Tx, store: Store, files: { file: FileReport; sourceId: string }[]): Promise<void> {
  await store.retireUnseen();
  const replayed = await replayDecisions(tx);
  const withdrawals = await applyWithdrawals(tx, { project: false });
  // The comparison is projected again: everywhere when a merge or a withdrawal may have moved
  // anything, else for the elections this ingest's rows named.
  await rebuildProjections(tx, replayed.merges || withdrawals.changed ? undefined : [...store.touchedElections]);
  for (const f of files) {
    const source = await tx.source.findUniqueOrThrow({ where: { id: f.sourceId }, select: { withdrawnAt: true } });
    f.file.sourceWithdrawn = source.withdrawnAt !== null;
  }
}

/** Loads everything bundled: reference knowledge, the five documents, the statement files. */
export async function ingestBundled(db: Db): Promise<IngestReport> {
  return ingestTransaction(db, async (store, tx) => {
    await store.prepare();
    await loadReference(store);
    await ingestArticle000(store);
    for (const file of bundledAnnotationFiles()) await ingestAnnotations(store, file);
    await ingestMissionMembers(store);
    let statements = 0;
    let ruleCoded = 0;
    const files = [];
    for (const file of bundledStatementFiles) {
      const r = await ingestStatementFile(store, { file }, { key: bundledKey(file) });
      statements += r.statements;
      ruleCoded += r.ruleCoded;
      files.push(r);
    }
    await store.flush();
    await settle(tx, store, files);
    return { ...store.stats, statements, ruleCoded, files: files.map((f) => f.file) };
  });
}

/** Loads one statements spreadsheet against what the database already holds, as a version of the source its key names. */
export async function ingestStatementsFile(
  db: Db,
  file: string,
  onProgress?: ProgressListener,
  source: SpreadsheetSource = {},
): Promise<IngestReport> {
  return ingestTransaction(db, async (store, tx) => {
    await store.loadExisting();
    const r = await ingestStatementFile(store, { file }, source, onProgress);
    onProgress?.({ phase: 'write', done: 0, total: store.writes.size() });
    await store.flush();
    await settle(tx, store, [r]);
    onProgress?.({ phase: 'done', done: r.statements, total: r.statements });
    return { ...store.stats, statements: r.statements, ruleCoded: r.ruleCoded, files: [r.file] };
  });
}

/**
 * Loads a spreadsheet's content (uploaded, with no file) as a version of the source `key` names.
 * `inTransaction` runs last inside the ingest's transaction (the caller's audit entry).
 */
export async function ingestStatementsContent(
  db: Db,
  upload: { key: string; title?: string; content: string },
  inTransaction?: (tx: Tx, report: IngestReport, sourceId: string) => Promise<void>,
): Promise<IngestReport & { sourceId: string }> {
  return ingestTransaction(db, async (store, tx) => {
    await store.loadExisting();
    const r = await ingestStatementFile(store, { name: upload.key, content: upload.content, key: upload.key }, { title: upload.title });
    await store.flush();
    await settle(tx, store, [r]);
    const report = { ...store.stats, statements: r.statements, ruleCoded: r.ruleCoded, files: [r.file], sourceId: r.sourceId };
    await inTransaction?.(tx, report, r.sourceId);
    return report;
  });
}
