/**
 * Withdrawing a statement or a whole source: a curator's WITHDRAW decision takes it out of every
 * answer and figure, without deleting anything, until it is restored. Like every decision it is
 * replayed after each ingest (`applyWithdrawals`), so a re-ingested file cannot bring back what a
 * curator took out. What the decisions mean is written onto the rows (`withdrawnAt` on sources,
 * statements, texts and claims; `unsupportedAt` on missions no claim in force supports), so reads
 * filter on a column and never consult the decisions.
 */
import type { Decision, Source, Statement } from '../generated/prisma/client.js';
import { stableId } from '../reconcile/ids.js';
import { appendAudit } from './audit.js';
import { CurationError } from './errors.js';
import { findStatement } from './verdicts.js';
import type { Tx } from '../db/tables.js';
import { rebuildProjections } from '../read/projections.js';

export type Withdrawable = 'Statement' | 'Source';

const CHUNK = 500;

async function liveDecision(tx: Tx, entityType: Withdrawable, key: string): Promise<Decision | null> {
  return tx.decision.findFirst({ where: { kind: 'WITHDRAW', entityType, leftKey: key, revokedAt: null } });
}

async function statementOrThrow(tx: Tx, id: string): Promise<Statement> {
  const statement = await findStatement(tx, id);
  if (!statement) throw new CurationError(`no statement with id ${id}`, 'NOT_FOUND');
  return statement;
}

async function sourceOrThrow(tx: Tx, id: string): Promise<Source> {
  const source = await tx.source.findUnique({ where: { id } });
  if (!source) throw new CurationError(`no source with id ${id}`, 'NOT_FOUND');
  return source;
}

/**
 * Withdraws (`withdraw`) or restores one statement or source: the decision is made or revoked,
 * written onto the rows, and audited with the record's state before and after.
 */
async function change(
  tx: Tx,
  actor: string,
  entityType: Withdrawable,
  record: { id: string; key: string; withdrawnAt: Date | null },
  withdraw: boolean,
  note: string | null,
): Promise<void> {
  const noun = entityType === 'Statement' ? 'statement' : 'source';
  const decision = await liveDecision(tx, entityType, record.key);
  if (withdraw && decision) throw new CurationError(`the ${noun} is already withdrawn`, 'CONFLICT');
  if (!withdraw && !decision) throw new CurationError(`the ${noun} is not withdrawn`, 'CONFLICT');
  if (decision) await tx.decision.update({ where: { id: decision.id }, data: { revokedAt: new Date(), revokedBy: actor } });
  else await decide(tx, actor, entityType, record.key, note);
  const counts = await applyWithdrawals(tx);
  const after =
    entityType === 'Statement'
      ? await tx.statement.findUniqueOrThrow({ where: { id: record.id }, select: { withdrawnAt: true } })
      : await tx.source.findUniqueOrThrow({ where: { id: record.id }, select: { withdrawnAt: true } });
  await appendAudit(tx, {
    actor,
    action: `${withdraw ? 'WITHDRAW' : 'RESTORE'}_${entityType === 'Statement' ? 'STATEMENT' : 'SOURCE'}`,
    entityType,
    entityId: record.id,
    note,
    before: { withdrawnAt: record.withdrawnAt },
    after: { withdrawnAt: after.withdrawnAt, ...(entityType === 'Source' ? { statementsWithdrawn: counts.statements } : {}) },
  });
}

/** Withdraws a statement: out of every answer and figure, its row's claims with it. */
export async function withdrawStatement(tx: Tx, actor: string, id: string, note: string | null): Promise<Statement> {
  const statement = await statementOrThrow(tx, id);
  await change(tx, actor, 'Statement', { ...statement, key: statement.id }, true, note);
  return tx.statement.findUniqueOrThrow({ where: { id: statement.id } });
}

/** Restores a withdrawn statement (it stays out while its source is withdrawn). */
export async function restoreStatement(tx: Tx, actor: string, id: string, note: string | null): Promise<Statement> {
  const statement = await statementOrThrow(tx, id);
  await change(tx, actor, 'Statement', { ...statement, key: statement.id }, false, note);
  return tx.statement.findUniqueOrThrow({ where: { id: statement.id } });
}

/** Withdraws a source: all its statements, texts and claims leave every answer and figure. */
export async function withdrawSource(tx: Tx, actor: string, id: string, note: string | null): Promise<Source> {
  const source = await sourceOrThrow(tx, id);
  await change(tx, actor, 'Source', source, true, note);
  return tx.source.findUniqueOrThrow({ where: { id: source.id } });
}

/** Restores a withdrawn source (statements withdrawn one by one stay withdrawn). */
export async function restoreSource(tx: Tx, actor: string, id: string, note: string | null): Promise<Source> {
  const source = await sourceOrThrow(tx, id);
  await change(tx, actor, 'Source', source, false, note);
  return tx.source.findUniqueOrThrow({ where: { id: source.id } });
}

async function decide(tx: Tx, actor: string, entityType: Withdrawable, key: string, note: string | null): Promise<void> {
  const decidedAt = new Date();
  await tx.decision.create({
    data: {
      id: stableId('decision', 'WITHDRAW', entityType, key, decidedAt.toISOString()),
      kind: 'WITHDRAW',
      entityType,
      leftKey: key,
      decidedBy: actor,
      decidedAt,
      note,
    },
  });
}

/** Sets `column` to `now` on the rows `where` selects and clears it elsewhere, touching only rows that change. */
async function markRows(
  rows: {
    updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
  },
  column: 'withdrawnAt' | 'unsupportedAt',
  selected: object,
  now: Date,
): Promise<number> {
  const set = await rows.updateMany({ where: { AND: [selected, { [column]: null }] }, data: { [column]: now } });
  const cleared = await rows.updateMany({ where: { AND: [{ NOT: selected }, { [column]: { not: null } }] }, data: { [column]: null } });
  return set.count + cleared.count;
}

const inChunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Writes what the live WITHDRAW decisions mean onto the rows, and which missions are still
 * supported by a claim in force; when anything changed, the comparison is projected again (unless
 * the caller does it: `project: false`). Returns how many statements are withdrawn, and whether any
 * row changed. Verdicts need no refresh: a withdrawn statement keeps its own; it only leaves the answers.
 */
export async function applyWithdrawals(
  tx: Tx,
  options: { now?: Date; project?: boolean } = {},
): Promise<{ statements: number; changed: boolean }> {
  const now = options.now ?? new Date();
  const decisions = await tx.decision.findMany({
    where: { kind: 'WITHDRAW', revokedAt: null },
    select: { entityType: true, leftKey: true },
  });
  const sourceKeys = decisions.filter((d) => d.entityType === 'Source').map((d) => d.leftKey);
  const sources = sourceKeys.length
    ? (await tx.source.findMany({ where: { key: { in: sourceKeys } }, select: { id: true } })).map((s) => s.id)
    : [];
  const statementIds: string[] = [];
  for (const d of decisions.filter((x) => x.entityType === 'Statement')) {
    const statement = await findStatement(tx, d.leftKey);
    if (statement) statementIds.push(statement.id);
  }
  const rowsOfStatements = statementIds.length
    ? await tx.statement.findMany({ where: { id: { in: statementIds } }, select: { sourceId: true, locator: true } })
    : [];

  let changed = 0;
  changed += await markRows(tx.source, 'withdrawnAt', { id: { in: sources } }, now);
  changed += await markRows(
    tx.statement,
    'withdrawnAt',
    { OR: [{ sourceId: { in: sources } }, ...inChunks(statementIds).map((ids) => ({ id: { in: ids } }))] },
    now,
  );
  changed += await markRows(tx.statementText, 'withdrawnAt', { sourceId: { in: sources } }, now);
  // A withdrawn statement's row is withdrawn whole: the claims read from it (its mission, its speaker) go with it.
  changed += await markRows(
    tx.claim,
    'withdrawnAt',
    { OR: [{ sourceId: { in: sources } }, ...rowsOfStatements.map((r) => ({ sourceId: r.sourceId, locator: r.locator }))] },
    now,
  );
  changed += await settleMissionSupport(tx, now);
  // What counts changed anywhere: the comparison is projected again.
  if (changed && options.project !== false) await rebuildProjections(tx);
  const count = await tx.statement.count({ where: { withdrawnAt: { not: null } } });
  return { statements: count, changed: changed > 0 };
}

/** A mission is in force while some claim in force says it took place. Returns how many missions changed. */
export async function settleMissionSupport(tx: Tx, now = new Date()): Promise<number> {
  const unsupported = await tx.mission.findMany({ where: { unsupportedAt: { not: null } }, select: { id: true } });
  const supportedIds = new Set<string>();
  const claims = await tx.claim.findMany({
    where: { entityType: 'Mission', retiredAt: null, withdrawnAt: null },
    select: { entityId: true },
    distinct: ['entityId'],
  });
  for (const c of claims) supportedIds.add(c.entityId);
  const missions = await tx.mission.findMany({ where: { unsupportedAt: null }, select: { id: true } });
  const lost = missions.filter((m) => !supportedIds.has(m.id)).map((m) => m.id);
  const back = unsupported.filter((m) => supportedIds.has(m.id)).map((m) => m.id);
  for (const ids of inChunks(lost)) await tx.mission.updateMany({ where: { id: { in: ids } }, data: { unsupportedAt: now } });
  for (const ids of inChunks(back)) await tx.mission.updateMany({ where: { id: { in: ids } }, data: { unsupportedAt: null } });
  return lost.length + back.length;
}
