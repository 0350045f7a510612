/**
 * Where a record lives now. Merges point a record at its survivor and re-key the rows that
 * belonged to it; every global ID a client was ever given keeps resolving through these.
 * Read-only: the merges themselves are curation's (src/curation/merge.ts).
 */
import { table, tableOfType, type Model, type Row, type Tx } from '../db/tables.js';

export const MERGEABLE_TYPES = ['Organization', 'Person', 'Area'] as const;
export type MergeableType = (typeof MERGEABLE_TYPES)[number];

export function isMergeable(typename: string): typename is MergeableType {
  return (MERGEABLE_TYPES as readonly string[]).includes(typename);
}

export const MODEL_OF: Record<MergeableType, Model> = { Organization: 'organization', Person: 'person', Area: 'area' };

export interface EntityRow extends Row {
  key: string;
  name: string;
  mergedIntoId: string | null;
}

export async function findRecord(tx: Tx, type: MergeableType, id: string): Promise<EntityRow | null> {
  return (await table(tx, MODEL_OF[type]).findUnique({ where: { id } })) as EntityRow | null;
}

/** The record that `id` lives on as: itself, or the record it was merged into (followed to the end). */
export async function survivorOf(tx: Tx, type: MergeableType, id: string): Promise<EntityRow | null> {
  let record = await findRecord(tx, type, id);
  for (let hops = 0; record?.mergedIntoId && hops < 50; hops++) record = await findRecord(tx, type, record.mergedIntoId);
  return record;
}

/** Keys of a record and of every record merged into it, directly or through others. */
/** Where a row that a merge re-keyed lives now, when `id` no longer exists. */
export async function redirectOf(tx: Tx, id: string): Promise<string | null> {
  const entries = await tx.auditEntry.findMany({
    where: { action: 'MERGE', after: { contains: `"${id}"` } },
    orderBy: { at: 'desc' },
    take: 5,
  });
  for (const entry of entries) {
    const redirects = (JSON.parse(entry.after ?? '{}') as { redirects?: Record<string, string> }).redirects ?? {};
    if (redirects[id]) return redirects[id];
  }
  return null;
}

/** Node types whose rows a merge can re-key; their old ids are redirected. */
const REKEYED_NODE_TYPES = new Set(['Statement', 'Mission', 'Membership', 'Election', 'ElectionRound', 'Claim', 'OrganizationName']);

/**
 * The id a node lives under now: itself, a merged record's survivor, or the row a merge
 * re-keyed it to; null when there is no such record; undefined when the type is not a table.
 */
export async function liveNodeId(tx: Tx, typename: string, id: string): Promise<string | null | undefined> {
  const delegate = tableOfType(tx, typename);
  if (!delegate) return undefined;
  // No id holds a NUL character, and PostgreSQL refuses one in any text it is sent.
  if (id.includes('\u0000')) return null;
  if (isMergeable(typename)) return (await survivorOf(tx, typename, id))?.id ?? null;
  if (await delegate.findUnique({ where: { id } })) return id;
  const moved = REKEYED_NODE_TYPES.has(typename) ? await redirectOf(tx, id) : null;
  return moved && (await delegate.findUnique({ where: { id: moved } })) ? moved : null;
}
