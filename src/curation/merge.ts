/**
 * Merge decisions: judgements between two records (the same, not the same, unsure), merging
 * and splitting, and replaying the decisions after every ingest so they survive re-ingestion.
 *
 * A merge of B into A points B at A (B.mergedIntoId), moves everything that belongs to B onto
 * A (re-keyed, see rekey.ts), records a SAME decision between their natural keys and an audit
 * entry holding every touched row as it was. A split replays that entry backwards. A NOT_SAME
 * judgement keeps two records (and everything merged into either) apart for good.
 */
import type { Decision, Prisma } from '../generated/prisma/client.js';
import { rebuildProjections } from '../read/projections.js';
import { findRecord, isMergeable, MODEL_OF, survivorOf, type EntityRow, type MergeableType } from '../read/identity.js';
import { stableId } from '../reconcile/ids.js';
import { refreshVerdicts, storedVerdict } from '../verdicts/effective.js';
import { appendAudit } from './audit.js';
import { CurationError } from './errors.js';
import { ChangeLog, moveClaims, rekeyAll, retargetAll, table, undo, type LogEntry, type Model, type Row, type Tx } from './rekey.js';
import { replayCuratedAliases } from './aliases.js';

/** What points at a record of each type: rows whose ids include its id, and plain references. */
const REFERENCES: Record<MergeableType, { rekey: [Model, string][]; retarget: [Model, string][] }> = {
  Organization: {
    rekey: [
      ['organizationName', 'organizationId'],
      ['alias', 'organizationId'],
      ['mission', 'organizationId'],
      ['statement', 'organizationId'],
      ['membership', 'organizationId'],
      ['eventParticipant', 'organizationId'],
    ],
    retarget: [
      ['organization', 'parentId'],
      ['membership', 'onBehalfOfOrganizationId'],
    ],
  },
  Person: {
    rekey: [
      ['alias', 'personId'],
      ['membership', 'personId'],
      ['eventParticipant', 'personId'],
    ],
    retarget: [
      ['statement', 'speakerId'],
      ['mission', 'headId'],
    ],
  },
  Area: {
    rekey: [
      ['alias', 'areaId'],
      ['election', 'areaId'],
    ],
    retarget: [
      ['area', 'parentId'],
      ['area', 'claimedById'],
      ['event', 'areaId'],
      ['organization', 'areaId'],
      ['membership', 'onBehalfOfId'],
    ],
  },
};

/**
 * Long enough for a merge of the busiest record, which moves a few thousand rows.
 * (Queries inside a transaction run one after another: one connection, one query at a time.)
 */
export const CURATION_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

async function findByKey(tx: Tx, type: MergeableType, key: string): Promise<EntityRow | null> {
  return (await table(tx, MODEL_OF[type]).findFirst({ where: { key } })) as EntityRow | null;
}

async function clusterKeys(tx: Tx, type: MergeableType, id: string): Promise<Set<string>> {
  const merged = (await table(tx, MODEL_OF[type]).findMany({ where: { mergedIntoId: { not: null } } })) as EntityRow[];
  const root = await findRecord(tx, type, id);
  const keys = new Set<string>(root ? [root.key] : []);
  const frontier = [id];
  while (frontier.length) {
    const current = frontier.pop()!;
    for (const r of merged) {
      if (r.mergedIntoId === current && !keys.has(r.key)) {
        keys.add(r.key);
        frontier.push(r.id);
      }
    }
  }
  return keys;
}

/** An active NOT_SAME judgement between anything in A's cluster and anything in B's, if any. */
async function notSameBetween(tx: Tx, type: MergeableType, a: string, b: string): Promise<Decision | null> {
  const left = await clusterKeys(tx, type, a);
  const right = await clusterKeys(tx, type, b);
  const all = [...left, ...right];
  const decisions = await tx.decision.findMany({
    where: { kind: 'NOT_SAME', entityType: type, revokedAt: null, leftKey: { in: all }, rightKey: { in: all } },
  });
  return decisions.find((d) => (left.has(d.leftKey) && right.has(d.rightKey!)) || (right.has(d.leftKey) && left.has(d.rightKey!))) ?? null;
}

/** True when `inner` lies inside `outer` through parent (or claimed-by) links. */
async function isInside(tx: Tx, type: MergeableType, inner: EntityRow, outer: EntityRow): Promise<boolean> {
  if (type === 'Person') return false;
  if (type === 'Area' && inner.claimedById === outer.id) return true;
  let current: EntityRow | null = inner;
  for (let hops = 0; current && hops < 50; hops++) {
    const parentId = current.parentId as string | null;
    if (!parentId) return false;
    if (parentId === outer.id) return true;
    current = await findRecord(tx, type, parentId);
  }
  return false;
}

/** Moves everything that belongs to `merged` onto `survivor`. Used by a merge and by every replay. */
async function absorb(log: ChangeLog, tx: Tx, type: MergeableType, survivor: EntityRow, merged: EntityRow): Promise<void> {
  const model = MODEL_OF[type];
  await log.update(model, merged, { mergedIntoId: survivor.id });
  for (const [child, fk] of REFERENCES[type].rekey) await rekeyAll(log, tx, child, fk, merged.id, survivor.id);
  for (const [child, fk] of REFERENCES[type].retarget) await retargetAll(log, tx, child, fk, merged.id, survivor.id);
  await moveClaims(log, tx, type, merged.id, survivor.id);
  await settleSurvivorVerdicts(log, tx, type, survivor.id);
}

/**
 * Folding statements together folds their codings: the stored verdict of the survivor's
 * statements is settled again, through the log so that a split puts it back.
 */
async function settleSurvivorVerdicts(log: ChangeLog, tx: Tx, type: MergeableType, survivorId: string): Promise<void> {
  const where: Prisma.StatementWhereInput | null =
    type === 'Organization' ? { organizationId: survivorId } : type === 'Area' ? { round: { election: { areaId: survivorId } } } : null;
  if (!where) return;
  const statements = await tx.statement.findMany({
    where,
    include: { codings: { select: { verdict: true, coder: true, codedAt: true } } },
  });
  for (const { codings, ...statement } of statements) await log.update('statement', statement as Row, storedVerdict(codings));
}

export interface MergeResult {
  survivor: EntityRow;
  merged: EntityRow;
  decision: Decision;
  moved: number;
}

export async function mergeRecords(
  tx: Tx,
  actor: string,
  type: MergeableType,
  survivorId: string,
  mergedId: string,
  note: string | null,
): Promise<MergeResult> {
  if (survivorId === mergedId) throw new CurationError('a record cannot be merged into itself', 'BAD_USER_INPUT');
  const survivor = await findRecord(tx, type, survivorId);
  const merged = await findRecord(tx, type, mergedId);
  if (!survivor) throw new CurationError(`no ${type} with id ${survivorId}`, 'NOT_FOUND');
  if (!merged) throw new CurationError(`no ${type} with id ${mergedId}`, 'NOT_FOUND');
  for (const r of [survivor, merged]) {
    if (r.mergedIntoId)
      throw new CurationError(
        `"${r.name}" is already merged into another record; merge into that one, or split it first`,
        'ALREADY_MERGED',
        { mergedIntoId: r.mergedIntoId },
      );
  }
  if (await isInside(tx, type, survivor, merged))
    throw new CurationError(
      `"${survivor.name}" lies inside "${merged.name}"; a record cannot absorb one that contains it`,
      'BAD_USER_INPUT',
    );
  const distinct = await notSameBetween(tx, type, survivor.id, merged.id);
  if (distinct) {
    throw new CurationError(
      `"${survivor.name}" and "${merged.name}" were judged not the same (${distinct.leftKey} ≠ ${distinct.rightKey}, by ${distinct.decidedBy}); revoke that judgement first`,
      'NOT_SAME_JUDGEMENT',
      { decisionId: distinct.id },
    );
  }

  const log = new ChangeLog(tx);
  await absorb(log, tx, type, survivor, merged);
  const decidedAt = new Date();
  const decision = await tx.decision.create({
    data: {
      id: stableId('decision', 'SAME', type, survivor.key, merged.key, decidedAt.toISOString()),
      kind: 'SAME',
      entityType: type,
      leftKey: survivor.key,
      rightKey: merged.key,
      note,
      decidedBy: actor,
      decidedAt,
    },
  });
  const after = await findRecord(tx, type, merged.id);
  const auditId = await appendAudit(tx, {
    actor,
    action: 'MERGE',
    entityType: type,
    entityId: merged.id,
    note,
    before: { record: merged, changes: log.entries },
    after: { record: after, survivor: survivor.id, decision: decision.id, redirects: log.redirects },
  });
  const linked = await tx.decision.update({ where: { id: decision.id }, data: { value: JSON.stringify({ audit: auditId }) } });
  // A merge moves statements and missions between bodies and elections anywhere: the comparison is projected again.
  await rebuildProjections(tx);
  return { survivor, merged: after!, decision: linked, moved: log.entries.length };
}

interface MergeAudit {
  changes: LogEntry[];
  redirects: Record<string, string>;
}

async function mergeAuditOf(tx: Tx, decision: Decision): Promise<MergeAudit> {
  const auditId = decision.value ? (JSON.parse(decision.value) as { audit?: string }).audit : undefined;
  const entry = auditId ? await tx.auditEntry.findUnique({ where: { id: auditId } }) : null;
  if (!entry?.before) throw new CurationError(`the merge decision ${decision.id} has no audit entry to undo`, 'CONFLICT');
  const before = JSON.parse(entry.before) as { changes: LogEntry[] };
  const after = entry.after ? (JSON.parse(entry.after) as { redirects?: Record<string, string> }) : {};
  return { changes: before.changes, redirects: after.redirects ?? {} };
}

function touched(audit: MergeAudit): Set<string> {
  return new Set(audit.changes.map((e) => `${e.model}|${e.id}`));
}

export interface SplitResult {
  record: EntityRow;
  survivor: EntityRow;
  decision: Decision;
  restored: number;
}

/** Undoes the merge of `mergedId`: the record and everything moved with it are put back exactly. */
export async function splitRecord(tx: Tx, actor: string, type: MergeableType, mergedId: string, note: string | null): Promise<SplitResult> {
  const merged = await findRecord(tx, type, mergedId);
  if (!merged) throw new CurationError(`no ${type} with id ${mergedId}`, 'NOT_FOUND');
  if (!merged.mergedIntoId) throw new CurationError(`"${merged.name}" is not merged into anything`, 'NOT_MERGED');
  const survivor = await findRecord(tx, type, merged.mergedIntoId);
  const decision = survivor
    ? await tx.decision.findFirst({
        where: { kind: 'SAME', entityType: type, leftKey: survivor.key, rightKey: merged.key, revokedAt: null },
        orderBy: { decidedAt: 'desc' },
      })
    : null;
  if (!survivor || !decision) throw new CurationError(`no merge decision in force for "${merged.name}"`, 'CONFLICT');
  const audit = await mergeAuditOf(tx, decision);

  // Merges are undone in reverse order where they touched the same rows.
  const later = await tx.decision.findMany({
    where: { kind: 'SAME', revokedAt: null, decidedAt: { gt: decision.decidedAt } },
    orderBy: { decidedAt: 'desc' },
  });
  const mine = touched(audit);
  for (const other of later) {
    const theirs = touched(await mergeAuditOf(tx, other));
    if ([...theirs].some((k) => mine.has(k))) {
      throw new CurationError(
        `a later merge (${other.entityType} ${other.rightKey} into ${other.leftKey}) moved rows this merge moved; split that one first`,
        'SPLIT_ORDER',
        { decisionId: other.id },
      );
    }
  }

  const statements = await undo(tx, audit.changes);
  const existing = (await tx.statement.findMany({ where: { id: { in: statements } }, select: { id: true } })).map((s) => s.id);
  await refreshVerdicts(tx, existing);
  const revokedAt = new Date();
  const revoked = await tx.decision.update({ where: { id: decision.id }, data: { revokedAt, revokedBy: actor } });
  const record = (await findRecord(tx, type, merged.id))!;
  await appendAudit(tx, {
    actor,
    action: 'SPLIT',
    entityType: type,
    entityId: merged.id,
    note,
    before: { record: merged },
    after: { record, survivor: survivor.id, decision: decision.id, restoredRows: audit.changes.length },
  });
  await rebuildProjections(tx);
  return { record, survivor, decision: revoked, restored: audit.changes.length };
}

export type Judgement = 'SAME' | 'NOT_SAME' | 'UNSURE';

export interface JudgementResult {
  judgement: Judgement;
  decision: Decision | null;
  merge: MergeResult | null;
}

/**
 * A judgement between two records. SAME merges the right record into the left; NOT_SAME keeps
 * them (and whatever is merged into either) apart for good; UNSURE is recorded and changes nothing.
 */
export async function judgeRecords(
  tx: Tx,
  actor: string,
  type: MergeableType,
  leftId: string,
  rightId: string,
  judgement: Judgement,
  note: string | null,
): Promise<JudgementResult> {
  if (judgement === 'SAME') {
    const merge = await mergeRecords(tx, actor, type, leftId, rightId, note);
    return { judgement, decision: merge.decision, merge };
  }
  if (leftId === rightId) throw new CurationError('a judgement needs two different records', 'BAD_USER_INPUT');
  const left = await findRecord(tx, type, leftId);
  const right = await findRecord(tx, type, rightId);
  if (!left) throw new CurationError(`no ${type} with id ${leftId}`, 'NOT_FOUND');
  if (!right) throw new CurationError(`no ${type} with id ${rightId}`, 'NOT_FOUND');
  if (judgement === 'UNSURE') {
    await appendAudit(tx, {
      actor,
      action: 'JUDGE_UNSURE',
      entityType: type,
      entityId: left.id,
      note,
      after: { judgement, left: { id: left.id, key: left.key }, right: { id: right.id, key: right.key } },
    });
    return { judgement, decision: null, merge: null };
  }
  const a = await survivorOf(tx, type, left.id);
  const b = await survivorOf(tx, type, right.id);
  if (a && b && a.id === b.id)
    throw new CurationError(`"${left.name}" and "${right.name}" are merged; split them before judging them not the same`, 'ALREADY_MERGED');
  const [leftKey, rightKey] = [left.key, right.key].sort();
  const existing = await tx.decision.findFirst({ where: { kind: 'NOT_SAME', entityType: type, leftKey, rightKey, revokedAt: null } });
  if (existing) return { judgement, decision: existing, merge: null };
  const decidedAt = new Date();
  const decision = await tx.decision.create({
    data: {
      id: stableId('decision', 'NOT_SAME', type, leftKey, rightKey, decidedAt.toISOString()),
      kind: 'NOT_SAME',
      entityType: type,
      leftKey,
      rightKey,
      note,
      decidedBy: actor,
      decidedAt,
    },
  });
  await appendAudit(tx, { actor, action: 'JUDGE_NOT_SAME', entityType: type, entityId: left.id, note, after: { decision } });
  return { judgement, decision, merge: null };
}

/** Withdraws a NOT_SAME judgement made by a curator (reference judgements come back with every ingest). */
export async function revokeJudgement(tx: Tx, actor: string, decisionId: string, note: string | null): Promise<Decision> {
  const decision = await tx.decision.findUnique({ where: { id: decisionId } });
  if (!decision) throw new CurationError(`no decision with id ${decisionId}`, 'NOT_FOUND');
  if (decision.kind !== 'NOT_SAME')
    throw new CurationError(
      `only NOT_SAME judgements are revoked this way (a merge is undone with splitRecords, an alias with removeAlias)`,
      'BAD_USER_INPUT',
    );
  if (decision.revokedAt) throw new CurationError('the judgement was already revoked', 'CONFLICT');
  if (decision.decidedBy === 'reference')
    throw new CurationError(
      'this judgement comes from the bundled reference data and is restored by every ingest; change data/reference instead',
      'BAD_USER_INPUT',
    );
  const revoked = await tx.decision.update({ where: { id: decision.id }, data: { revokedAt: new Date(), revokedBy: actor } });
  await appendAudit(tx, {
    actor,
    action: 'REVOKE_JUDGEMENT',
    entityType: 'Decision',
    entityId: decision.id,
    note,
    before: { decision },
    after: { decision: revoked },
  });
  return revoked;
}

export interface ReplayReport {
  merges: number;
  aliases: number;
  skipped: number;
}

/**
 * Re-applies the decisions in force after an ingest: records the sources recreated under their
 * own keys are merged again and curated aliases are put back. Changes nothing when nothing needs it.
 */
export async function replayDecisions(tx: Tx): Promise<ReplayReport> {
  const report: ReplayReport = { merges: 0, aliases: 0, skipped: 0 };
  const decisions = await tx.decision.findMany({
    where: { revokedAt: null, kind: { in: ['SAME', 'ALIAS'] } },
    orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
  });
  const quiet = new ChangeLog(tx, false);
  for (const d of decisions.filter((x) => x.kind === 'SAME')) {
    if (!isMergeable(d.entityType) || !d.rightKey) {
      report.skipped++;
      continue;
    }
    const survivor = await findByKey(tx, d.entityType, d.leftKey);
    const merged = await findByKey(tx, d.entityType, d.rightKey);
    if (!survivor || !merged || (merged.mergedIntoId && merged.mergedIntoId !== survivor.id)) {
      report.skipped++;
      continue;
    }
    await absorb(quiet, tx, d.entityType, survivor, merged);
    report.merges++;
  }
  const aliases = await replayCuratedAliases(
    tx,
    decisions.filter((x) => x.kind === 'ALIAS'),
  );
  report.aliases += aliases.replayed;
  report.skipped += aliases.skipped;
  return report;
}
