/**
 * Curated aliases: a spelling a person says names a record. Each one is an Alias row with
 * origin CURATED and an ALIAS decision (the record's key and the spelling), which is replayed
 * after every ingest so the alias outlives re-ingestion and follows the record through merges.
 */
import type { Alias, Decision } from '../generated/prisma/client.js';
import { stableId } from '../reconcile/ids.js';
import { hasControlCharacter, normalizeName } from '../reconcile/normalize.js';
import { appendAudit } from './audit.js';
import { CurationError } from './errors.js';
import { findRecord, isMergeable, MODEL_OF, survivorOf, type EntityRow, type MergeableType } from '../read/identity.js';
import { table, type Tx } from './rekey.js';

export const MAX_ALIAS_LENGTH = 200;

const OWNER_COLUMN: Record<MergeableType, 'organizationId' | 'areaId' | 'personId'> = {
  Organization: 'organizationId',
  Area: 'areaId',
  Person: 'personId',
};

function checkedName(name: string): { name: string; normalized: string } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new CurationError('the alias is empty', 'BAD_USER_INPUT', { field: 'name' });
  if (hasControlCharacter(trimmed)) throw new CurationError('the alias contains a control character', 'BAD_USER_INPUT', { field: 'name' });
  if (trimmed.length > MAX_ALIAS_LENGTH)
    throw new CurationError(`the alias is longer than ${MAX_ALIAS_LENGTH} characters`, 'BAD_USER_INPUT', { field: 'name' });
  const normalized = normalizeName(trimmed);
  if (!normalized) throw new CurationError(`"${trimmed}" has no letters or digits to look up by`, 'BAD_USER_INPUT', { field: 'name' });
  return { name: trimmed, normalized };
}

async function liveRecord(tx: Tx, type: MergeableType, id: string): Promise<EntityRow> {
  const record = await findRecord(tx, type, id);
  if (!record) throw new CurationError(`no ${type} with id ${id}`, 'NOT_FOUND');
  if (record.mergedIntoId)
    throw new CurationError(`"${record.name}" is merged into another record; add the alias there`, 'ALREADY_MERGED', {
      mergedIntoId: record.mergedIntoId,
    });
  return record;
}

export interface AliasChange {
  record: EntityRow;
  alias: Alias;
  decision: Decision;
}

export async function addAlias(
  tx: Tx,
  actor: string,
  type: MergeableType,
  recordId: string,
  rawName: string,
  note: string | null,
): Promise<AliasChange> {
  const { name, normalized } = checkedName(rawName);
  const record = await liveRecord(tx, type, recordId);
  const owner = OWNER_COLUMN[type];
  const same = await tx.alias.findMany({
    where: { normalized, [owner]: { not: null } },
    include: { organization: true, area: true, person: true },
  });
  if (same.some((a) => a[owner] === record.id))
    throw new CurationError(`"${name}" already names "${record.name}"`, 'CONFLICT', { field: 'name' });
  // The exact spelling of another live record would make lookups by it ambiguous.
  const other = same.map((a) => a.organization ?? a.area ?? a.person).find((r) => r && r.id !== record.id && !r.mergedIntoId);
  if (other)
    throw new CurationError(
      `"${name}" already names "${other.name}"; merge the two records, or choose a spelling that tells them apart`,
      'AMBIGUOUS_NAME',
      { field: 'name' },
    );

  const alias = await tx.alias.create({
    data: { id: stableId('alias', record.id, normalized), name, normalized, origin: 'CURATED', sourceId: null, [owner]: record.id },
  });
  const decidedAt = new Date();
  const decision = await tx.decision.create({
    data: {
      id: stableId('decision', 'ALIAS', type, record.key, normalized, decidedAt.toISOString()),
      kind: 'ALIAS',
      entityType: type,
      leftKey: record.key,
      value: name,
      note,
      decidedBy: actor,
      decidedAt,
    },
  });
  await appendAudit(tx, {
    actor,
    action: 'ADD_ALIAS',
    entityType: type,
    entityId: record.id,
    note,
    before: null,
    after: { alias, decision },
  });
  return { record, alias, decision };
}

export async function removeAlias(
  tx: Tx,
  actor: string,
  type: MergeableType,
  recordId: string,
  rawName: string,
  note: string | null,
): Promise<{ record: EntityRow; alias: Alias }> {
  const { name, normalized } = checkedName(rawName);
  const record = await liveRecord(tx, type, recordId);
  const alias = await tx.alias.findFirst({ where: { normalized, [OWNER_COLUMN[type]]: record.id } });
  if (!alias) throw new CurationError(`"${name}" is not an alias of "${record.name}"`, 'NOT_FOUND', { field: 'name' });
  if (alias.origin !== 'CURATED') {
    throw new CurationError(
      `"${alias.name}" comes from the ${alias.origin === 'REFERENCE' ? 'reference data' : 'sources'} and would come back with the next ingest; only curated aliases are removed`,
      'BAD_USER_INPUT',
      { field: 'name' },
    );
  }
  await tx.alias.delete({ where: { id: alias.id } });
  const decisions = await tx.decision.findMany({ where: { kind: 'ALIAS', entityType: type, revokedAt: null } });
  const keys = await clusterKeysOf(tx, type, record);
  const revokedAt = new Date();
  for (const d of decisions) {
    if (keys.has(d.leftKey) && normalizeName(d.value ?? '') === normalized)
      await tx.decision.update({ where: { id: d.id }, data: { revokedAt, revokedBy: actor } });
  }
  await appendAudit(tx, { actor, action: 'REMOVE_ALIAS', entityType: type, entityId: record.id, note, before: { alias }, after: null });
  return { record, alias };
}

/** The record's key and the keys of records merged into it: an alias added to any of them lives here now. */
async function clusterKeysOf(tx: Tx, type: MergeableType, record: EntityRow): Promise<Set<string>> {
  const keys = new Set([record.key]);
  const merged = (await table(tx, MODEL_OF[type]).findMany({ where: { mergedIntoId: { not: null } } })) as EntityRow[];
  for (const r of merged) if ((await survivorOf(tx, type, r.id))?.id === record.id) keys.add(r.key);
  return keys;
}

/** Puts back curated aliases that re-ingestion lost (their record recreated, or merged since). */
export async function replayCuratedAliases(tx: Tx, decisions: Decision[]): Promise<{ replayed: number; skipped: number }> {
  let replayed = 0;
  let skipped = 0;
  for (const d of decisions) {
    const name = d.value?.trim() ?? '';
    const normalized = normalizeName(name);
    const type = d.entityType;
    const found = isMergeable(type) && normalized ? await table(tx, MODEL_OF[type]).findFirst({ where: { key: d.leftKey } }) : null;
    const record = found && isMergeable(type) ? await survivorOf(tx, type, found.id) : null;
    if (!record || !isMergeable(type)) {
      skipped++;
      continue;
    }
    const owner = OWNER_COLUMN[type];
    if (await tx.alias.findFirst({ where: { normalized, [owner]: record.id } })) continue;
    await tx.alias.create({
      data: { id: stableId('alias', record.id, normalized), name, normalized, origin: 'CURATED', sourceId: null, [owner]: record.id },
    });
    replayed++;
  }
  return { replayed, skipped };
}
