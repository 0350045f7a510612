/**
 * Statement spreadsheets in the format of data/sources/assessments.csv.
 * The whole file is checked before anything is written: every problem is reported with
 * file, row and field, and a file with any problem writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ElectionType, RoundKind, StatementKind, Verdict } from '../generated/prisma/enums.js';
import { parseIsoPartial, type PartialDate } from '../reconcile/dates.js';
import { parseBoolean, parseElectionType, parseRound, parseStatementKind } from './vocabulary.js';
import { parseVerdict, verdictScore } from '../verdicts/scale.js';
import { AmbiguousNameError } from '../reconcile/reconciler.js';
import { stableId } from '../reconcile/ids.js';
import { normalizeName } from '../reconcile/normalize.js';
import type { Store } from './store.js';
import { phaseReporter, type ProgressListener } from './progress.js';
import { registerSource } from './sources.js';
import { projectRoot } from '../db/config.js';

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

export interface StatementRow {
  line: number;
  organization: string;
  areaId: string;
  electionType: ElectionType;
  electionDate: PartialDate;
  round: RoundKind;
  statementDate: string | null;
  kind: StatementKind;
  speaker: string | null;
  quote: string;
  quoteLanguage: string;
  translated: boolean;
  verdict: Verdict | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
  note: string | null;
}

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
    const problem = (field: string, message: string) => problems.push({ file: rel, row: line, field, message });
    const get = (field: string) => (record[field] ?? '').trim();

    const organization = get('organization');
    if (!organization) problem('organization', 'is empty');
    else {
      const org = store.reconciler.resolveOrganization(organization);
      if (org.kind === 'ambiguous')
        problem('organization', `"${organization}" is ambiguous: ${org.candidates.map((c) => `"${c.matched}"`).join(' or ')}`);
    }

    let areaId: string | null = null;
    const jurisdiction = get('jurisdiction');
    try {
      areaId = jurisdiction ? (store.reconciler.resolveArea(jurisdiction)?.id ?? null) : null;
      if (!areaId) problem('jurisdiction', jurisdiction ? `unknown area "${jurisdiction}"` : 'is empty');
    } catch (error) {
      if (!(error instanceof AmbiguousNameError)) throw error;
      problem('jurisdiction', error.message);
    }

    const electionType = parseElectionType(get('election_type'));
    if (!electionType)
      problem(
        'election_type',
        `"${get('election_type')}" is not one of presidential, parliamentary, referendum, mayoral, municipal, regional`,
      );
    const electionDate = parseIsoPartial(get('election_date'));
    if (!electionDate) problem('election_date', `"${get('election_date')}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
    const round = parseRound(get('round'));
    if (!round) problem('round', `"${get('round')}" is not a round (1, 2 or rerun)`);
    const statementDateText = get('statement_date');
    const statementDate = statementDateText ? parseIsoPartial(statementDateText) : null;
    if (statementDateText && !statementDate) problem('statement_date', `"${statementDateText}" is not a date (YYYY-MM-DD)`);
    const kind = parseStatementKind(get('statement_kind'));
    if (!kind) problem('statement_kind', `"${get('statement_kind')}" is not one of preliminary, final, press, interview, declined`);
    const quote = get('quote');
    if (!quote) problem('quote', 'is empty');
    const quoteLanguage = get('quote_language').toLowerCase();
    if (!/^[a-z]{2,3}$/.test(quoteLanguage))
      problem('quote_language', `"${get('quote_language')}" is not a language code such as en or ru`);
    const translated = parseBoolean(get('translated'));
    if (translated === null) problem('translated', `"${get('translated')}" is not true or false`);
    const verdictText = get('verdict');
    const verdict = verdictText ? parseVerdict(verdictText) : null;
    if (verdictText && !verdict)
      problem(
        'verdict',
        `"${verdictText}" is not a verdict (ENDORSED, LARGELY_POSITIVE, MIXED, CRITICAL, CONDEMNED, NOT_OBSERVED or empty)`,
      );
    const sourceUrl = get('source_url');
    if (sourceUrl && !/^https?:\/\/\S+$/.test(sourceUrl)) problem('source_url', `"${sourceUrl}" is not an http(s) URL`);

    if (
      areaId &&
      electionType &&
      electionDate &&
      round &&
      kind &&
      quote &&
      organization &&
      translated !== null &&
      (!verdictText || verdict)
    ) {
      rows.push({
        line,
        organization,
        areaId,
        electionType,
        electionDate,
        round,
        statementDate: statementDate?.iso ?? null,
        kind,
        speaker: get('speaker') || null,
        quote,
        quoteLanguage,
        translated,
        verdict: verdict as Verdict | null,
        sourceTitle: get('source_title') || null,
        sourceUrl: sourceUrl || null,
        note: get('note') || null,
      });
    }
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
}

/** Writes checked rows: organization, election, round, mission, speaker, statement and its source coding. */
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
  const result: StatementWriteResult = { statementIds: [], uncoded: [] };
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
      if (error instanceof AmbiguousNameError)
        throw new CsvValidationError([{ file: rel, row: row.line, field: 'organization', message: error.message }]);
      throw error;
    }
    const electionId = await store.election(row.areaId, row.electionType, row.electionDate, at);
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
    store.statement({ id, fingerprint, ...data }, row.verdict ? { verdict: row.verdict, codedBy: datasetKey } : null);
    await store.claim('Statement', id, 'quote', row.quote, at);
    if (!row.verdict) result.uncoded.push(id);
    result.statementIds.push(id);
  }
  return result;
}

export function readFileForIngest(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

export { verdictScore };
