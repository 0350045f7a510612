/**
 * Human verdicts: a curator's coding of a statement. It is a HUMAN VerdictCoding coded by the
 * token's name, which beats the source's and the rule coder's by precedence; every other coding
 * stays stored. Ingestion never touches HUMAN codings, so they survive re-ingestion.
 */
import type { Statement, VerdictCoding } from '../generated/prisma/client.js';
import type { Verdict } from '../generated/prisma/enums.js';
import { stableId } from '../reconcile/ids.js';
import { refreshVerdicts } from '../verdicts/effective.js';
import { appendAudit } from './audit.js';
import { CurationError } from './errors.js';
import { redirectOf } from '../read/identity.js';
import type { Tx } from '../db/tables.js';
import { rebuildProjections } from '../read/projections.js';

/** The election a round is of: what a statement's change re-projects. */
export async function electionOf(tx: Tx, roundId: string): Promise<string> {
  return (await tx.electionRound.findUniqueOrThrow({ where: { id: roundId }, select: { electionId: true } })).electionId;
}

/** The statement, following a merge that re-keyed it. */
export async function findStatement(tx: Tx, id: string): Promise<Statement | null> {
  const found = await tx.statement.findUnique({ where: { id } });
  if (found) return found;
  const moved = await redirectOf(tx, id);
  return moved ? tx.statement.findUnique({ where: { id: moved } }) : null;
}

export function humanCodingId(statementId: string, actor: string): string {
  return stableId('coding', statementId, 'HUMAN', actor);
}

async function state(tx: Tx, statementId: string) {
  return tx.statement.findUniqueOrThrow({
    where: { id: statementId },
    select: { id: true, verdict: true, verdictScore: true, codings: { orderBy: { id: 'asc' } } },
  });
}

export async function setVerdict(
  tx: Tx,
  actor: string,
  statementId: string,
  /** Null: the curator judges that the statement assesses no election (an abstention, codebook R15). */
  verdict: Verdict | null,
  note: string | null,
): Promise<{ statement: Statement; coding: VerdictCoding }> {
  const statement = await findStatement(tx, statementId);
  if (!statement) throw new CurationError(`no statement with id ${statementId}`, 'NOT_FOUND');
  const before = await state(tx, statement.id);
  const id = humanCodingId(statement.id, actor);
  const data = { verdict, codedAt: new Date(), rule: null, confidence: null, evidence: null };
  const coding = await tx.verdictCoding.upsert({
    where: { id },
    create: { id, statementId: statement.id, coder: 'HUMAN', codedBy: actor, ...data },
    update: data,
  });
  await refreshVerdicts(tx, [statement.id]);
  await rebuildProjections(tx, [await electionOf(tx, statement.roundId)]);
  await appendAudit(tx, {
    actor,
    action: 'SET_VERDICT',
    entityType: 'Statement',
    entityId: statement.id,
    note,
    before,
    after: await state(tx, statement.id),
  });
  return { statement: await tx.statement.findUniqueOrThrow({ where: { id: statement.id } }), coding };
}

/** Withdraws the caller's own human coding; the next coding by precedence takes over. */
export async function withdrawVerdict(tx: Tx, actor: string, statementId: string, note: string | null): Promise<Statement> {
  const statement = await findStatement(tx, statementId);
  if (!statement) throw new CurationError(`no statement with id ${statementId}`, 'NOT_FOUND');
  const id = humanCodingId(statement.id, actor);
  if (!(await tx.verdictCoding.findUnique({ where: { id } })))
    throw new CurationError(`"${actor}" has not coded this statement`, 'NOT_FOUND');
  const before = await state(tx, statement.id);
  await tx.verdictCoding.delete({ where: { id } });
  await refreshVerdicts(tx, [statement.id]);
  await rebuildProjections(tx, [await electionOf(tx, statement.roundId)]);
  await appendAudit(tx, {
    actor,
    action: 'WITHDRAW_VERDICT',
    entityType: 'Statement',
    entityId: statement.id,
    note,
    before,
    after: await state(tx, statement.id),
  });
  return tx.statement.findUniqueOrThrow({ where: { id: statement.id } });
}
