/**
 * Statement spreadsheets in the format of data/sources/assessments.csv.
 * The whole file is checked before anything is written: every problem is reported with
 * file, row and field, and a file with any problem writes nothing. Each row is checked by
 * checkStatement and written by writeStatementRows, as a statement added through the API is
 * (curated-statement.ts).
 */
import path from 'node:path';
import { AmbiguousNameError } from '../reconcile/reconciler.js';
import { stableId } from '../reconcile/ids.js';
import { normalizeName } from '../reconcile/normalize.js';
import { AmbiguousElectionError, type Store } from './store.js';
import { phaseReporter, type ProgressListener } from './progress.js';
import { projectRoot } from '../db/config.js';
import { NO_VERDICT } from '../verdicts/scale.js';
import { providerOfClient } from '../db/client.js';
import { IDS } from '../db/id-set.js';
import { withIndexesDeferred } from '../db/bulk-write.js';
import { StatementRowError, type NameLookup, type StatementRow } from './statement-row.js';
import { COLUMN_OF_FIELD, CsvValidationError, nameOf, statementBatches, type FileDigest, type StatementsInput } from './statements-file.js';
import { nearDuplicatesOf, pairVersions, type StatementShape } from '../reconcile/statement-versions.js';
import type { Provenance } from './store.js';
import type { RegisteredSource } from './sources.js';

export type { StatementRow };

export { CsvValidationError, STATEMENT_COLUMNS, type RowProblem } from './statements-file.js';

/** Round dates the notes state ("second round held 2004-11-21", "run-off held 2010-02-07"). */
function roundDateFromNote(row: StatementRow): string | null {
  if (row.round === 'FIRST') return row.electionDate.precision === 'DAY' ? row.electionDate.iso : null;
  const m = /(?:second round|run-?off|repeat second round|rerun|re-run)[^.;]*?\bheld (\d{4}-\d{2}-\d{2})/i.exec(row.note ?? '');
  return m ? m[1] : null;
}

/** A near-copy of a statement already on record: same body, round and kind, nearly the same words. */
export interface NearDuplicate {
  /** The new row's place in its source ("row 7"). */
  locator: string;
  /** The statement already on record, and where its own source has it. */
  statementId: string;
  statementSource: string;
  statementLocator: string;
  similarity: number;
}

export interface StatementWriteResult {
  /** The statements this source's rows are (new, updated and unchanged), in row order. */
  statementIds: string[];
  /**
   * A large source is written as it goes, a batch of rows at a time: the statements of the batches
   * written so far have their verdicts settled (`ruleCoded` of them by the rule coder alone); the
   * last batch's, `unsettled`, are still queued for the caller to settle and flush.
   */
  unsettled: string[];
  ruleCoded: number;
  uncoded: string[];
  /** Rows that were further texts of a statement (a translation, a re-publication). */
  texts: string[];
  /** What the rows did to the source's statements, against its previous version. */
  counts: { new: number; updated: number; unchanged: number; retired: number };
  /** Statements of this source that a curator has withdrawn (they stay out of every figure). */
  withdrawn: number;
  nearDuplicates: NearDuplicate[];
}

/** What writing a spreadsheet did, and the version of its source it was. */
export interface SpreadsheetWriteResult extends StatementWriteResult {
  source: RegisteredSource;
}

/** The key a spreadsheet is a source under when the user gives none: its path, relative to the project when inside it. */
export function defaultDatasetKey(file: string): string {
  const abs = path.resolve(file);
  const rel = path.relative(projectRoot, abs);
  return `dataset/${rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel}`.split(path.sep).join('/');
}

export interface SpreadsheetSource {
  /** The source's identity; a new content under the same key is a new version of it. */
  key?: string;
  title?: string;
}

/** A key a user gave that cannot name a spreadsheet. */
export class SourceKeyError extends Error {}

const MAX_KEY_LENGTH = 200;

/** Refuses a key that is empty, odd, or already names a source that is no spreadsheet (a document, a reference). */
export async function checkDatasetKey(store: Store, key: string): Promise<void> {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character is what is refused
  if (!/^\S(.*\S)?$/.test(key) || key.length > MAX_KEY_LENGTH || /[\u0000-\u001f\u007f]/.test(key))
    throw new SourceKeyError(
      `the key "${key.slice(0, 50)}" must be 1 to ${MAX_KEY_LENGTH} characters without control characters, not starting or ending with a space`,
    );
  const known = await store.tx.source.findUnique({ where: { key }, select: { kind: true } });
  if (known && known.kind !== 'DATASET')
    throw new SourceKeyError(`the key "${key}" names a source of kind ${known.kind}, not a spreadsheet`);
}

/**
 * Secondary indexes a spreadsheet's write reads nothing through (bodies' and speakers' statements,
 * verdict and source lookups, claims by entity or locator, missions by election): kept up to date
 * row by row they cost a large load up to half its insert time, so a large file builds them once,
 * after its rows (`deferIndexesOfLargeFile`). Statement.roundId (a row's neighbours), the unique
 * ones and VerdictCoding.statementId (a batch's stored codings) are read while writing and stay.
 */
const INDEXES_UNREAD_WHILE_WRITING = [
  'Statement_organizationId_idx',
  'Statement_verdict_idx',
  'Statement_sourceId_idx',
  'Statement_speakerId_idx',
  'Claim_entityType_entityId_idx',
  'Claim_sourceId_locator_idx',
  'Mission_electionId_idx',
  'Mission_headId_idx',
] as const;

/** A file of fewer lines than this is written with its indexes kept up to date. */
const DEFER_INDEXES_FROM_LINES = 10_000;

/**
 * For a file at least as large as the statements on record (a first load, a large new source),
 * drops the indexes the write does not read and returns what builds them again, to run once its
 * rows are flushed and before anything reads through them; else a no-op. Below that size an
 * index kept row by row is cheaper than one built again over the whole table.
 */
export async function deferIndexesOfLargeFile(store: Store, digest: FileDigest): Promise<() => Promise<void>> {
  if (digest.lines < DEFER_INDEXES_FROM_LINES || digest.lines < (await store.tx.statement.count())) return async () => {};
  return withIndexesDeferred(store.tx, INDEXES_UNREAD_WHILE_WRITING);
}

/**
 * Writes a spreadsheet `digestStatementsFile` has hashed, reading and checking it a batch at a time,
 * as a version of the DATASET source its key names. A bad row anywhere throws a CsvValidationError
 * naming every problem once the whole file is read: the caller's transaction then writes nothing.
 */
export async function writeStatements(
  store: Store,
  input: StatementsInput,
  digest: FileDigest,
  names: NameLookup,
  options: SpreadsheetSource & { uploaded?: boolean } = {},
  onProgress?: ProgressListener,
): Promise<SpreadsheetWriteResult> {
  const file = 'file' in input ? input.file : input.name;
  const rel = path.isAbsolute(file) ? path.relative(projectRoot, file) : file;
  const datasetKey = options.key ?? defaultDatasetKey(file);
  await checkDatasetKey(store, datasetKey);
  const source = await store.source(
    {
      key: datasetKey,
      title: options.title ?? `Statements spreadsheet ${path.basename(file)}`,
      kind: 'DATASET',
      path: options.uploaded ? null : rel,
    },
    { sha256: digest.sha256 },
  );
  try {
    const batches = statementBatches(input, names, digest, BATCH_ROWS);
    // Lines less the header: the rows, unless quotes span lines.
    const written = await writeStatementRows(store, source, batches, onProgress, Math.max(0, digest.lines - 1));
    if (!source.sameContent) {
      const c = written.counts;
      await store.tx.sourceVersion.update({
        where: { sourceId_number: { sourceId: source.id, number: source.version } },
        data: { statementsNew: c.new, statementsUpdated: c.updated, statementsUnchanged: c.unchanged, statementsRetired: c.retired },
      });
    }
    return { ...written, source };
  } catch (error) {
    if (error instanceof StatementRowError)
      throw new CsvValidationError([
        { file: nameOf(input), row: error.row.line, field: COLUMN_OF_FIELD[error.problem.field], message: error.problem.message },
      ]);
    throw error;
  }
}

/** A row placed in the read model: the records it names, and the statement it would be. */
interface PlacedRow extends StatementShape {
  row: StatementRow;
  at: Provenance;
  data: StatementColumns;
}

type StatementColumns = {
  organizationId: string;
  roundId: string;
  statementDate: string | null;
  kind: StatementRow['kind'];
  speakerName: string | null;
  speakerId: string | null;
  quote: string;
  quoteLanguage: string;
  translated: boolean;
  note: string | null;
  sourceId: string;
  sourceTitle: string | null;
  sourceUrl: string | null;
  locator: string;
};

/** Columns whose change makes a statement "updated" (the locator only moves it). */
const CONTENT_COLUMNS = [
  'fingerprint',
  'statementDate',
  'kind',
  'speakerName',
  'quote',
  'quoteLanguage',
  'translated',
  'note',
  'sourceTitle',
  'sourceUrl',
] as const;

const previousSelect = {
  id: true,
  fingerprint: true,
  organizationId: true,
  roundId: true,
  statementDate: true,
  kind: true,
  speakerName: true,
  quote: true,
  quoteLanguage: true,
  translated: true,
  note: true,
  sourceTitle: true,
  sourceUrl: true,
  locator: true,
  firstSeenVersion: true,
  lastSeenVersion: true,
  retiredAt: true,
  withdrawnAt: true,
  round: { select: { electionId: true } },
  codings: { where: { coder: 'SOURCE' }, select: { id: true, verdict: true, codedBy: true } },
} as const;

/**
 * What the rows of one source placed so far: a spreadsheet names each body, election, round,
 * speaker and mission on row after row, and each is reconciled at the first row that names it.
 * A later row naming the same thing takes the same record: its alias and its restated claim are
 * on record already (one claim per fact and source, at the first row). Only what resolved is
 * kept; a name that failed is tried again (and fails again) on the next row that gives it.
 */
class Placements {
  readonly organizations = new Map<string, string>();
  readonly elections = new Map<string, string>();
  readonly rounds = new Map<string, string>();
  readonly speakers = new Map<string, string>();
  readonly memberships = new Set<string>();
  readonly missions = new Set<string>();
}

/** Looks `key` up in `memo`, else computes it and keeps it. */
async function once<T>(memo: Map<string, T>, key: string, compute: () => Promise<T>): Promise<T> {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = await compute();
  memo.set(key, value);
  return value;
}

/**
 * Places one row: its organization, election, round, mission and speaker, with their claims.
 * A row the write cannot place (a name an earlier row made ambiguous) is a StatementRowError.
 */
async function placeRow(store: Store, sourceId: string, row: StatementRow, placements: Placements): Promise<PlacedRow> {
  const at = { sourceId, locator: `row ${row.line}`, excerpt: row.quote, restated: true };
  let organizationId: string;
  try {
    organizationId = await once(placements.organizations, row.organization, () =>
      store.resolveOrCreateOrganization(row.organization, at, { kind: 'OTHER' }),
    );
  } catch (error) {
    // A body created by an earlier row can make a later spelling ambiguous.
    if (error instanceof AmbiguousNameError) throw new StatementRowError(row, { field: 'organization', message: error.message });
    throw error;
  }
  let electionId: string;
  try {
    const election = () => store.election(row.areaId, row.electionType, row.electionDate, at);
    // Only a day names its election for good: a year or a month that was one election can
    // become ambiguous when a later row adds a second election of that year.
    electionId =
      row.electionDate.precision === 'DAY'
        ? await once(placements.elections, `${row.areaId}|${row.electionType}|${row.electionDate.iso}`, election)
        : await election();
  } catch (error) {
    if (error instanceof AmbiguousElectionError) throw new StatementRowError(row, { field: 'electionDate', message: error.message });
    throw error;
  }
  const roundDate = roundDateFromNote(row);
  const roundId = await once(placements.rounds, `${electionId}|${row.round}|${roundDate}`, () =>
    store.round(electionId, row.round, roundDate, at),
  );
  const speakerId = row.speaker
    ? await once(placements.speakers, row.speaker, () => store.resolveOrCreatePerson(row.speaker as string, at))
    : null;
  const membership = `${speakerId}|${organizationId}|${row.statementDate}`;
  if (speakerId && !placements.memberships.has(membership)) {
    await store.membership({ personId: speakerId, organizationId, role: 'spoke for the body', asOf: row.statementDate }, at);
    placements.memberships.add(membership);
  }
  const observed = row.kind !== 'DECLINED' && row.verdict !== 'NOT_OBSERVED';
  const mission = `${organizationId}|${electionId}`;
  if (observed && !placements.missions.has(mission)) {
    await store.mission(organizationId, electionId, { ...at, excerpt: `statement as observer: ${row.quote}` });
    placements.missions.add(mission);
  }
  const fingerprint = stableId('stmt', organizationId, roundId, row.statementDate, row.kind, normalizeName(row.quote));
  const data: StatementColumns = {
    organizationId,
    roundId,
    statementDate: row.statementDate,
    kind: row.kind,
    speakerName: row.speaker,
    speakerId,
    quote: row.quote,
    quoteLanguage: row.quoteLanguage,
    translated: row.translated,
    note: row.note,
    sourceId,
    sourceTitle: row.sourceTitle,
    sourceUrl: row.sourceUrl,
    locator: `row ${row.line}`,
  };
  return { row, at, data, fingerprint, organizationId, roundId, statementDate: row.statementDate, kind: row.kind, quote: row.quote };
}

/**
 * Writes checked rows read from one source (registered by the caller; nothing is written before
 * the Store flushes) as its version `source.version`, a batch at a time. Each row is placed
 * (organization, election, round, mission, speaker); then the rows are paired with the statements
 * the source's earlier version had (pairVersions): a paired row keeps its statement's id and
 * history (an edit keeps the earlier text as a revision), an unpaired row is a new statement or a
 * further text of one, and a statement no row paired is retired. Nothing is deleted. A source with
 * no earlier statements has nothing to pair, and each batch is written as it is placed and let go
 * of; pairing a new version needs all its rows, which are held until the last batch is placed.
 */
export async function writeStatementRows(
  store: Store,
  source: { id: string; key: string; version: number | null },
  rows: StatementRow[] | AsyncIterable<StatementRow[]>,
  onProgress?: ProgressListener,
  total = Array.isArray(rows) ? rows.length : 0,
): Promise<StatementWriteResult> {
  const { id: sourceId, key: datasetKey, version } = source;
  const result: StatementWriteResult = {
    statementIds: [],
    unsettled: [],
    ruleCoded: 0,
    uncoded: [],
    texts: [],
    counts: { new: 0, updated: 0, unchanged: 0, retired: 0 },
    withdrawn: 0,
    nearDuplicates: [],
  };
  const previous = await findPrevious(store, sourceId);
  const previousFingerprints = new Set(previous.map((p) => p.fingerprint));
  // By body, round and kind: a row is compared only with the statements it could nearly repeat.
  const neighbours = new Map<string, Neighbour[]>();
  const slotOf = (x: StatementShape) => `${x.organizationId}|${x.roundId}|${x.kind}`;
  const near = (n: Neighbour) => {
    const list = neighbours.get(slotOf(n));
    if (list) list.push(n);
    else neighbours.set(slotOf(n), [n]);
  };
  const roundsLoaded = new Set<string>();

  /** Writes placed rows (with the earlier statements they pair with, by their place in `placed`). */
  const write = async (placed: PlacedRow[], pairs: Map<number, Awaited<ReturnType<typeof findPrevious>>[number]>) => {
    const elsewhere = await statementsByFingerprint(
      store,
      sourceId,
      placed.filter((p) => !previousFingerprints.has(p.fingerprint)).map((p) => p.fingerprint),
    );
    const rounds = [...new Set(placed.map((p) => p.roundId))].filter((r) => !roundsLoaded.has(r));
    for (const r of rounds) roundsLoaded.add(r);
    const stored = await neighboursOf(store, rounds, sourceId);
    for (const n of stored) near(n);
    store.noteStoredStatements(stored);

    for (const [index, p] of placed.entries()) {
      const before = pairs.get(index);
      const sourceVerdict = p.row.verdict || p.row.abstained ? { verdict: p.row.verdict, codedBy: datasetKey } : null;
      const same = before ? undefined : elsewhere.get(p.fingerprint);
      const textOf = before ? null : (same?.id ?? store.statementTextOf({ ...p.data, fingerprint: p.fingerprint }));
      if (textOf) {
        // Another text of a statement already on record (a translation, or the same words another
        // source published): kept with its source, counted once.
        const { organizationId: _o, roundId: _r, speakerId: _s, ...text } = p.data;
        const textId = store.statementText(textOf, { ...text, verdict: p.row.verdict, retiredAt: null });
        await store.claim('StatementText', textId, 'quote', p.row.quote, { ...p.at, restated: false });
        result.texts.push(textId);
        continue;
      }
      const id = before?.id ?? p.fingerprint;
      if (!before) {
        result.counts.new++;
        for (const d of nearDuplicatesOf(p, neighbours.get(slotOf(p)) ?? [])) {
          result.nearDuplicates.push({
            locator: p.data.locator,
            statementId: d.statement.id,
            statementSource: d.statement.sourceKey,
            statementLocator: d.statement.locator,
            similarity: Math.round(d.similarity * 100) / 100,
          });
        }
      } else {
        const storedCoding = before.codings.find((c) => c.codedBy === datasetKey);
        const stored = storedCoding?.verdict ?? null;
        const edited = CONTENT_COLUMNS.some((c) => (c === 'fingerprint' ? p.fingerprint : p.data[c]) !== before[c]);
        const recoded = sourceCodingOf(storedCoding) !== sourceCodingOf(sourceVerdict);
        if (edited || recoded || before.retiredAt) result.counts.updated++;
        else result.counts.unchanged++;
        if (before.withdrawnAt) result.withdrawn++;
        if (edited) store.writes.put('statementRevision', revisionOf(before, stored, store));
        if (storedCoding && !sourceVerdict) {
          // The source no longer gives a verdict: its old one is kept in the revision, not as a coding in force.
          const dropped = before.codings.filter((c) => c.codedBy === datasetKey).map((c) => c.id);
          await store.tx.verdictCoding.deleteMany({ where: { id: { in: dropped } } });
        }
      }
      const seen = { firstSeenVersion: before ? (before.firstSeenVersion ?? version) : version, lastSeenVersion: version, retiredAt: null };
      store.statement({ id, fingerprint: p.fingerprint, ...p.data, ...seen }, sourceVerdict);
      near({
        id,
        fingerprint: p.fingerprint,
        organizationId: p.organizationId,
        roundId: p.roundId,
        statementDate: p.statementDate,
        kind: p.kind,
        quote: p.quote,
        sourceKey: datasetKey,
        locator: p.data.locator,
        quoteLanguage: p.data.quoteLanguage,
        translated: p.data.translated,
      });
      await store.claim('Statement', id, 'quote', p.row.quote, { ...p.at, restated: false });
      if (!sourceVerdict) result.uncoded.push(id);
      result.statementIds.push(id);
      result.unsettled.push(id);
      // A batch's codings are taken after the next batch is placed, not at once: the coder (working
      // aside on the batches read ahead) is not waited for. Held rows settle every two batches.
      if (result.unsettled.length >= 2 * BATCH_ROWS) await settleBatch();
    }
  };
  const settleBatch = async () => {
    result.ruleCoded += await store.settleVerdicts(result.unsettled);
    await store.flush();
    result.unsettled = [];
  };

  const report = phaseReporter(onProgress, 'reconcile', total);
  report(0);
  const held: PlacedRow[] = [];
  const placements = new Placements();
  let done = 0;
  // Each batch goes to the coder as soon as it is read: the coder works on the next batch while this one is written.
  const codeAside = (batch: StatementRow[]) =>
    store.codeAside(batch.map((r) => ({ quote: r.quote, language: r.quoteLanguage, statementKind: r.kind.toLowerCase() })));
  for await (const batch of readingAhead(Array.isArray(rows) ? chunksOf(rows, BATCH_ROWS) : rows, codeAside)) {
    const placed: PlacedRow[] = [];
    for (const row of batch) {
      report(++done);
      placed.push(await placeRow(store, sourceId, row, placements));
    }
    if (previous.length) {
      held.push(...placed);
      // What placing queued is written once it is a batch's worth (a single row added through the
      // API stays queued: its caller writes nothing when the statement is on record already).
      if (store.writes.size() >= BATCH_ROWS) await store.flush();
    } else {
      // Nothing to pair: the batch is written now. Its statements wait for the next batch, or for
      // the caller, to be settled.
      if (result.unsettled.length) await settleBatch();
      await write(placed, new Map());
    }
  }
  if (previous.length) {
    const pairs = pairVersions(previous, held);
    await write(held, pairs);
    const paired = new Set([...pairs.values()].map((p) => p.id));
    for (const p of previous) {
      if (paired.has(p.id) || p.retiredAt) continue;
      // No row of this version is this statement: retired, kept with its history, out of every answer.
      store.writes.patch('statement', p.id, { retiredAt: store.now });
      store.touchedElections.add(p.round.electionId);
      result.counts.retired++;
    }
  }
  return result;
}

/**
 * The items of `source`, the next one asked for as soon as one is handed out: the file's next
 * batch is read while this one is placed and written, instead of after. `onRead` sees each item
 * as it arrives.
 */
async function* readingAhead<T>(source: AsyncIterable<T> | Iterable<T>, onRead: (item: T) => void): AsyncGenerator<T> {
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : toAsync(source[Symbol.iterator]());
  const read = () =>
    iterator.next().then((item) => {
      if (!item.done) onRead(item.value);
      return item;
    });
  let next = read();
  try {
    for (;;) {
      const item = await next;
      if (item.done) return;
      next = read();
      // Seen when awaited; until then, a failure of the read ahead is not an unhandled rejection.
      next.catch(() => {});
      yield item.value;
    }
  } finally {
    await iterator.return?.();
  }
}

function toAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return { next: async () => iterator.next() };
}

function* chunksOf<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** What a source's coding of a statement says, for telling whether a new version recoded it: a verdict, NO_VERDICT, or nothing. */
function sourceCodingOf(coding: { verdict: StatementRow['verdict'] } | null | undefined): string {
  return coding ? (coding.verdict ?? NO_VERDICT) : '';
}

/**
 * Rows written per batch. Everything a batch queued is flushed (in the ingest's transaction) before
 * the next: an ingest holds one batch of pending rows, not the whole file's.
 */
const BATCH_ROWS = 10_000;

function revisionOf(
  before: Awaited<ReturnType<typeof findPrevious>>[number],
  verdict: StatementRow['verdict'],
  store: Store,
): Record<string, unknown> & { id: string } {
  return {
    id: stableId('revision', before.id, before.fingerprint, String(before.lastSeenVersion ?? 0)),
    statementId: before.id,
    firstSeenVersion: before.firstSeenVersion,
    lastSeenVersion: before.lastSeenVersion,
    replacedAt: store.now,
    fingerprint: before.fingerprint,
    statementDate: before.statementDate,
    kind: before.kind,
    speakerName: before.speakerName,
    quote: before.quote,
    quoteLanguage: before.quoteLanguage,
    translated: before.translated,
    note: before.note,
    sourceTitle: before.sourceTitle,
    sourceUrl: before.sourceUrl,
    locator: before.locator,
    verdict,
  };
}

/** The statements the source's earlier versions had, retired ones included. */
function findPrevious(store: Store, sourceId: string) {
  return store.tx.statement.findMany({ where: { sourceId }, select: previousSelect, orderBy: { id: 'asc' } });
}

/** Statements of other sources with these fingerprints: a row with the same words is a further text of one. */
async function statementsByFingerprint(store: Store, sourceId: string, fingerprints: string[]): Promise<Map<string, { id: string }>> {
  if (!fingerprints.length) return new Map();
  // One statement for them all: the fingerprints go in as one JSON array parameter (the first).
  const provider = providerOfClient(store.tx);
  const rows = await store.tx.$queryRawUnsafe<{ id: string; fingerprint: string }[]>(
    `SELECT id, fingerprint FROM "Statement" WHERE fingerprint IN ${IDS[provider]} AND "retiredAt" IS NULL AND "sourceId" <> ${provider === 'postgresql' ? '$2' : '?'}`,
    JSON.stringify(fingerprints),
    sourceId,
  );
  return new Map(rows.map((s) => [s.fingerprint, { id: s.id }]));
}

type Neighbour = StatementShape & { id: string; sourceKey: string; locator: string; quoteLanguage: string; translated: boolean };

/** Statements in force on these rounds from other sources: what a new row may nearly repeat, or be another text of. */
async function neighboursOf(store: Store, rounds: string[], sourceId: string): Promise<Neighbour[]> {
  const out: Neighbour[] = [];
  for (let i = 0; i < rounds.length; i += 500) {
    const rows = await store.tx.statement.findMany({
      where: { roundId: { in: rounds.slice(i, i + 500) }, retiredAt: null, withdrawnAt: null, sourceId: { not: sourceId } },
      select: {
        id: true,
        fingerprint: true,
        organizationId: true,
        roundId: true,
        statementDate: true,
        kind: true,
        quote: true,
        quoteLanguage: true,
        translated: true,
        locator: true,
        source: { select: { key: true } },
      },
    });
    for (const { source, ...s } of rows) out.push({ ...s, sourceKey: source.key });
  }
  return out;
}
