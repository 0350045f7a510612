/**
 * Adding a statement through the API. The input becomes one row of a statements spreadsheet
 * and goes through the spreadsheet's own checks and write path, so it is validated, reconciled
 * and coded exactly like a CSV row. Its source is a CURATION source naming the curator.
 */
import type { Statement } from '../generated/prisma/client.js';
import type { ElectionType, RoundKind, StatementKind, Verdict } from '../generated/prisma/enums.js';
import { Reconciler, AmbiguousNameError } from '../reconcile/reconciler.js';
import { sha256 } from '../reconcile/ids.js';
import { Store, UnknownNameError } from './store.js';
import { CsvValidationError, readStatementsCsv, STATEMENT_COLUMNS, writeStatements } from './statements-csv.js';
import { appendAudit } from '../curation/audit.js';
import { CurationError } from '../curation/errors.js';
import type { Tx } from '../db/tables.js';

export interface StatementInput {
  organization: string;
  jurisdiction: string;
  electionType: ElectionType;
  electionDate: string;
  round: RoundKind;
  statementDate?: string | null;
  statementKind: StatementKind;
  speaker?: string | null;
  quote: string;
  quoteLanguage: string;
  translated: boolean;
  verdict?: Verdict | null;
  sourceTitle?: string | null;
  sourceUrl?: string | null;
  note?: string | null;
}

/** Spreadsheet column → input field, so problems name the field the client sent. */
const FIELD_OF: Record<(typeof STATEMENT_COLUMNS)[number], keyof StatementInput> = {
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

/** Bounds on size only; what a field may say is checked by the spreadsheet path. */
export const MAX_LENGTH: Partial<Record<keyof StatementInput, number>> = {
  organization: 300,
  jurisdiction: 300,
  electionDate: 20,
  statementDate: 20,
  speaker: 300,
  quote: 10_000,
  quoteLanguage: 20,
  sourceTitle: 500,
  sourceUrl: 2_000,
  note: 2_000,
};

function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** The input as a one-row statements spreadsheet. */
export function toCsv(input: StatementInput): string {
  const value: Record<(typeof STATEMENT_COLUMNS)[number], string> = {
    organization: input.organization,
    jurisdiction: input.jurisdiction,
    election_type: input.electionType.toLowerCase(),
    election_date: input.electionDate,
    round: { FIRST: '1', SECOND: '2', RERUN: 'rerun' }[input.round],
    statement_date: input.statementDate ?? '',
    statement_kind: input.statementKind.toLowerCase(),
    speaker: input.speaker ?? '',
    quote: input.quote,
    quote_language: input.quoteLanguage,
    translated: String(input.translated),
    verdict: input.verdict ?? '',
    source_title: input.sourceTitle ?? '',
    source_url: input.sourceUrl ?? '',
    note: input.note ?? '',
  };
  return `${STATEMENT_COLUMNS.join(',')}\n${STATEMENT_COLUMNS.map((c) => csvField(value[c])).join(',')}\n`;
}

function check(input: StatementInput): void {
  const problems: { field: string; message: string }[] = [];
  for (const [field, max] of Object.entries(MAX_LENGTH) as [keyof StatementInput, number][]) {
    const v = input[field];
    if (typeof v === 'string' && v.length > max) problems.push({ field, message: `is longer than ${max} characters` });
  }
  for (const [field, v] of Object.entries(input)) {
    // A NUL byte or other control character is never part of a real statement, and breaks CSV tools downstream.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    if (typeof v === 'string' && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v))
      problems.push({ field, message: 'contains a control character' });
  }
  if (problems.length) throw invalid(problems);
}

function invalid(problems: { field: string; message: string }[]): CurationError {
  return new CurationError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), 'BAD_USER_INPUT', { problems });
}

export interface AddedStatement {
  statement: Statement;
  /** False when the same statement was already on record (nothing was written). */
  created: boolean;
}

/** `provider` is the database's kind: the spreadsheet write path writes in bulk with its SQL dialect. */
export async function addStatement(
  tx: Tx,
  actor: string,
  input: StatementInput,
  provider: 'sqlite' | 'postgresql',
): Promise<AddedStatement> {
  check(input);
  const content = toCsv(input);
  const file = `curation-${sha256(content).slice(0, 16)}.csv`;
  const sourceKey = `dataset/${file}`;
  const sourceBefore = await tx.source.findUnique({ where: { key: sourceKey } });
  const store = new Store(tx, new Reconciler(), provider);
  await store.loadExisting();
  let statementId: string;
  try {
    const rows = readStatementsCsv(file, content, store);
    const written = await writeStatements(store, file, content, rows, `Added through the API by ${actor}`);
    statementId = written.statementIds[0];
    const existing = await tx.statement.findUnique({ where: { id: statementId } });
    if (existing) {
      // Nothing queued is flushed; only the source row was written eagerly, and it is put back.
      if (sourceBefore) await tx.source.update({ where: { key: sourceKey }, data: sourceBefore });
      else await tx.source.deleteMany({ where: { key: sourceKey } });
      return { statement: existing, created: false };
    }
    await store.settleVerdicts(written.statementIds);
    await store.flush();
  } catch (error) {
    if (error instanceof CsvValidationError)
      throw invalid(error.problems.map((p) => ({ field: FIELD_OF[p.field as keyof typeof FIELD_OF] ?? p.field, message: p.message })));
    if (error instanceof AmbiguousNameError) throw new CurationError(error.message, 'AMBIGUOUS_NAME');
    if (error instanceof UnknownNameError) throw new CurationError(error.message, 'NOT_FOUND');
    throw error;
  }
  // The spreadsheet path registers a dataset; this one is a curator's contribution.
  await tx.source.updateMany({ where: { key: sourceKey }, data: { kind: 'CURATION', path: null, url: input.sourceUrl ?? null } });
  const statement = await tx.statement.findUniqueOrThrow({ where: { id: statementId }, include: { codings: { orderBy: { id: 'asc' } } } });
  await appendAudit(tx, {
    actor,
    action: 'ADD_STATEMENT',
    entityType: 'Statement',
    entityId: statement.id,
    before: null,
    after: { statement, input },
  });
  const { codings: _codings, ...row } = statement;
  return { statement: row, created: true };
}
