/**
 * Adding a statement through the API. The typed input goes through the checks a statements
 * spreadsheet's rows go through (checkStatement) and then the same write path
 * (writeStatementRows, the Store), so it is validated, reconciled and coded exactly like a CSV
 * row; problems name the input's fields. Its source is a CURATION source naming the curator.
 *
 * Names resolve through the reconciler the caller passes: the API's read cache, through a draft
 * that keeps what this write adds until the transaction has committed (src/read/read-cache.ts).
 */
import type { Statement } from '../generated/prisma/client.js';
import type { ElectionType, RoundKind, StatementKind, Verdict } from '../generated/prisma/enums.js';
import { AmbiguousNameError, type Reconciler } from '../reconcile/reconciler.js';
import { sha256, stableId } from '../reconcile/ids.js';
import { Store, UnknownNameError } from './store.js';
import { writeStatementRows } from './statements-csv.js';
import { checkStatement, StatementRowError, type FieldProblem, type StatementField } from './statement-row.js';
import { registerSource } from './sources.js';
import { appendAudit } from '../curation/audit.js';
import { CurationError } from '../curation/errors.js';
import type { Tx } from '../db/tables.js';
import { rebuildProjections } from '../read/projections.js';
import { electionOf } from '../curation/verdicts.js';

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

/** Bounds on size only; what a field may say is checked by checkStatement. */
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

/** The input's fields in a fixed order: what its source is keyed by and hashed from. */
const FIELDS: (keyof StatementInput & StatementField)[] = [
  'organization',
  'jurisdiction',
  'electionType',
  'electionDate',
  'round',
  'statementDate',
  'statementKind',
  'speaker',
  'quote',
  'quoteLanguage',
  'translated',
  'verdict',
  'sourceTitle',
  'sourceUrl',
  'note',
];

/** Where the statement is in its one-statement source: the row a spreadsheet would hold it in, under the header. */
const LINE = 2;

function check(input: StatementInput): void {
  const problems: FieldProblem[] = [];
  for (const [field, max] of Object.entries(MAX_LENGTH) as [keyof StatementInput, number][]) {
    const v = input[field];
    if (typeof v === 'string' && v.length > max) problems.push({ field, message: `is longer than ${max} characters` });
  }
  if (problems.length) throw invalid(problems);
}

function invalid(problems: FieldProblem[]): CurationError {
  return new CurationError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), 'BAD_USER_INPUT', { problems });
}

export interface AddedStatement {
  statement: Statement;
  /** False when the same statement was already on record (nothing was written). */
  created: boolean;
}

export interface AddStatementOptions {
  /** Resolves the statement's names and takes what the write adds (see the module's comment). */
  reconciler: Reconciler;
}

export async function addStatement(tx: Tx, actor: string, input: StatementInput, options: AddStatementOptions): Promise<AddedStatement> {
  check(input);
  const checked = checkStatement(input, options.reconciler, LINE);
  if (!checked.row) throw invalid(checked.problems);

  const content = JSON.stringify(FIELDS.map((field) => input[field] ?? null));
  const sourceKey = `dataset/curation-${sha256(content).slice(0, 16)}.csv`;
  // The id registerSource gives the key: the rows name their source before it is written.
  const source = { id: stableId('source', sourceKey), key: sourceKey, version: 1 };
  const store = new Store(tx, options.reconciler);
  await store.prepare();
  let written: Awaited<ReturnType<typeof writeStatementRows>>;
  try {
    written = await writeStatementRows(store, source, [checked.row]);
  } catch (error) {
    if (error instanceof StatementRowError) throw invalid([error.problem]);
    if (error instanceof AmbiguousNameError) throw new CurationError(error.message, 'AMBIGUOUS_NAME');
    if (error instanceof UnknownNameError) throw new CurationError(error.message, 'NOT_FOUND');
    throw error;
  }

  // Only the Store's queue holds the row so far. The same statement (or the same further text of
  // one) already on record: nothing is written.
  const textId = written.texts[0];
  const statementId = written.statementIds[0] ?? String(store.writes.get('statementText', textId)?.statementId);
  const existing = await tx.statement.findUnique({ where: { id: statementId } });
  const known = textId ? await tx.statementText.findUnique({ where: { id: textId }, select: { id: true } }) : existing;
  if (existing && known) return { statement: existing, created: false };

  const { id: sourceId } = await registerSource(
    tx,
    { key: sourceKey, title: `Added through the API by ${actor}`, kind: 'CURATION', path: sourceKey, url: input.sourceUrl ?? undefined },
    content,
  );
  if (sourceId !== source.id) throw new Error(`source ${sourceKey} was registered as ${sourceId}, not ${source.id}`);
  // A curator's contribution has no file.
  await tx.source.update({ where: { id: sourceId }, data: { path: null } });
  await store.settleVerdicts(written.unsettled);
  await store.flush();

  const statement = await tx.statement.findUniqueOrThrow({ where: { id: statementId }, include: { codings: { orderBy: { id: 'asc' } } } });
  await rebuildProjections(tx, [await electionOf(tx, statement.roundId)]);
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
