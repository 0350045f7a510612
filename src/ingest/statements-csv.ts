/**
 * Statement spreadsheets in the format of data/sources/assessments.csv.
 * The whole file is checked before anything is written: every problem is reported with
 * file, row and field, and a file with any problem writes nothing. Each row is checked by
 * checkStatement and written by writeStatementRows, as a statement added through the API is
 * (curated-statement.ts).
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { AmbiguousNameError } from '../reconcile/reconciler.js';
import { stableId } from '../reconcile/ids.js';
import { normalizeName } from '../reconcile/normalize.js';
import { AmbiguousElectionError, type Store } from './store.js';
import { phaseReporter, type ProgressListener } from './progress.js';
import { registerSource } from './sources.js';
import { projectRoot } from '../db/config.js';
import { checkStatement, StatementRowError, type StatementField, type StatementFields, type StatementRow } from './statement-row.js';

export type { StatementRow };

export const STATEMENT_COLUMNS = [
  'organization',
  'jurisdiction',
  'election_type',
  'election_date',
  'round',
  'statement_date',
  'statement_kind',
  'speaker',
  'quote',
  'quote_language',
  'translated',
  'verdict',
  'source_title',
  'source_url',
  'note',
] as const;

export interface RowProblem {
  file: string;
  /** Line of the row in the file (the header is line 1). */
  row: number;
  field: string;
  message: string;
}

export class CsvValidationError extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems.map((p) => `${p.file}: row ${p.row}, field "${p.field}": ${p.message}`).join('\n'));
    this.name = 'CsvValidationError';
  }
}

/** The statement field each column holds. */
const FIELD_OF_COLUMN: Record<(typeof STATEMENT_COLUMNS)[number], StatementField> = {
  organization: 'organization',
  jurisdiction: 'jurisdiction',
  election_type: 'electionType',
  election_date: 'electionDate',
  round: 'round',
  statement_date: 'statementDate',
  statement_kind: 'statementKind',
  speaker: 'speaker',
  quote: 'quote',
  quote_language: 'quoteLanguage',
  translated: 'translated',
  verdict: 'verdict',
  source_title: 'sourceTitle',
  source_url: 'sourceUrl',
  note: 'note',
};

/** The column a statement field is in, for problems named as the file names them. */
const COLUMN_OF_FIELD = Object.fromEntries(Object.entries(FIELD_OF_COLUMN).map(([column, field]) => [field, column])) as Record<
  StatementField,
  (typeof STATEMENT_COLUMNS)[number]
>;

type RawRow = Record<string, string>;

/** Parses and checks a statements file against the read model's vocabularies and areas. */
export function readStatementsCsv(file: string, content: string, store: Store, onProgress?: ProgressListener): StatementRow[] {
  const rel = path.isAbsolute(file) ? path.relative(projectRoot, file) || file : file;
  const problems: RowProblem[] = [];
  let records: { record: RawRow; info: { lines: number } }[];
  try {
    records = parse(content, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true }) as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number; column?: string | number };
    throw new CsvValidationError([
      { file: rel, row: e.lines ?? 0, field: String(e.column ?? '(row)'), message: `not valid CSV: ${e.message}` },
    ]);
  }
  const header = content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .split(',')
    .map((h) => h.trim());
  const missing = STATEMENT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new CsvValidationError(missing.map((field) => ({ file: rel, row: 1, field, message: 'missing column in the header' })));
  }

  const rows: StatementRow[] = [];
  const report = phaseReporter(onProgress, 'check', records.length);
  report(0);
  for (const [index, { record, info }] of records.entries()) {
    report(index + 1);
    const line = info.lines;
    const fields = Object.fromEntries(STATEMENT_COLUMNS.map((c) => [FIELD_OF_COLUMN[c], record[c] ?? ''])) as unknown as StatementFields;
    const checked = checkStatement(fields, store.reconciler, line);
    for (const p of checked.problems) problems.push({ file: rel, row: line, field: COLUMN_OF_FIELD[p.field], message: p.message });
    if (checked.row) rows.push(checked.row);
  }
  if (problems.length) throw new CsvValidationError(problems);
  return rows;
}

/** Round dates the notes state ("second round held 2004-11-21", "run-off held 2010-02-07"). */
function roundDateFromNote(row: StatementRow): string | null {
  if (row.round === 'FIRST') return row.electionDate.precision === 'DAY' ? row.electionDate.iso : null;
  const m = /(?:second round|run-?off|repeat second round|rerun|re-run)[^.;]*?\bheld (\d{4}-\d{2}-\d{2})/i.exec(row.note ?? '');
  return m ? m[1] : null;
}

export interface StatementWriteResult {
  statementIds: string[];
  uncoded: string[];
  /** Rows that were further texts of a statement (a translation, a re-publication). */
  texts: string[];
}

/** Writes a spreadsheet's checked rows, under the file as a DATASET source. */
export async function writeStatements(
  store: Store,
  file: string,
  content: string,
  rows: StatementRow[],
  title?: string,
  onProgress?: ProgressListener,
): Promise<StatementWriteResult> {
  const rel = path.isAbsolute(file) ? path.relative(projectRoot, file) : file;
  const datasetKey = `dataset/${path.basename(file)}`;
  const sourceId = await registerSource(
    store.tx,
    { key: datasetKey, title: title ?? `Statements spreadsheet ${path.basename(file)}`, kind: 'DATASET', path: rel },
    content,
  );
  try {
    return await writeStatementRows(store, { id: sourceId, key: datasetKey }, rows, onProgress);
  } catch (error) {
    if (error instanceof StatementRowError)
      throw new CsvValidationError([
        { file: rel, row: error.row.line, field: COLUMN_OF_FIELD[error.problem.field], message: error.problem.message },
      ]);
    throw error;
  }
}

/**
 * Writes checked rows read from one source (registered by the caller; nothing is written before
 * the Store flushes): organization, election, round, mission, speaker, statement and its source
 * coding. A row the write cannot place (a name an earlier row made ambiguous) is a
 * StatementRowError naming its field.
 */
export async function writeStatementRows(
  store: Store,
  source: { id: string; key: string },
  rows: StatementRow[],
  onProgress?: ProgressListener,
): Promise<StatementWriteResult> {
  const { id: sourceId, key: datasetKey } = source;
  const result: StatementWriteResult = { statementIds: [], uncoded: [], texts: [] };
  const report = phaseReporter(onProgress, 'reconcile', rows.length);
  report(0);
  for (const [index, row] of rows.entries()) {
    report(index + 1);
    const at = { sourceId, locator: `row ${row.line}`, excerpt: row.quote };
    let organizationId: string;
    try {
      organizationId = await store.resolveOrCreateOrganization(row.organization, at, { kind: 'OTHER' });
    } catch (error) {
      // A body created by an earlier row can make a later spelling ambiguous.
      if (error instanceof AmbiguousNameError) throw new StatementRowError(row, { field: 'organization', message: error.message });
      throw error;
    }
    let electionId: string;
    try {
      electionId = await store.election(row.areaId, row.electionType, row.electionDate, at);
    } catch (error) {
      if (error instanceof AmbiguousElectionError) throw new StatementRowError(row, { field: 'electionDate', message: error.message });
      throw error;
    }
    const roundId = await store.round(electionId, row.round, roundDateFromNote(row), at);
    const speakerId = row.speaker ? await store.resolveOrCreatePerson(row.speaker, at) : null;
    if (speakerId) {
      await store.membership({ personId: speakerId, organizationId, role: 'spoke for the body', asOf: row.statementDate }, at);
    }
    const observed = row.kind !== 'DECLINED' && row.verdict !== 'NOT_OBSERVED';
    if (observed) await store.mission(organizationId, electionId, { ...at, excerpt: `statement as observer: ${row.quote}` });

    const fingerprint = stableId('stmt', organizationId, roundId, row.statementDate, row.kind, normalizeName(row.quote));
    const id = fingerprint;
    const data = {
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
    const textOf = await store.statementTextOf({
      organizationId,
      roundId,
      statementDate: row.statementDate,
      quoteLanguage: row.quoteLanguage,
      translated: row.translated,
      fingerprint,
    });
    if (textOf) {
      // Another text of a statement already on record: kept with its source, counted once.
      const { organizationId: _o, roundId: _r, speakerId: _s, ...text } = data;
      const textId = store.statementText(textOf, { ...text, verdict: row.verdict });
      await store.claim('StatementText', textId, 'quote', row.quote, at);
      result.texts.push(textId);
      continue;
    }
    store.statement({ id, fingerprint, ...data }, row.verdict ? { verdict: row.verdict, codedBy: datasetKey } : null);
    await store.claim('Statement', id, 'quote', row.quote, at);
    if (!row.verdict) result.uncoded.push(id);
    result.statementIds.push(id);
  }
  return result;
}
