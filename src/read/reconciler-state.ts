/**
 * The reconciler as the database holds it: every live area, organization (with its names over
 * time) and person under all their spellings. The read side looks names up through it; ingestion
 * starts from it before adding what a file brings. (Look-alikes judged NOT_SAME are kept apart by
 * the decisions themselves, which every merge checks: src/curation/merge.ts.)
 */
import type { Prisma } from '../generated/prisma/client.js';
import type { Reconciler } from '../reconcile/reconciler.js';

/** Any client that can read: the database client or a transaction. */
type Reader = Pick<Prisma.TransactionClient, 'area' | 'organization' | 'person'>;

export async function loadReconciler(db: Reader, reconciler: Reconciler): Promise<Reconciler> {
  const areas = await db.area.findMany({ where: { mergedIntoId: null }, include: { aliases: true } });
  for (const a of areas) {
    reconciler.addArea(
      { id: a.id, key: a.key, name: a.name, kind: a.kind, isoCode: a.isoCode, parentId: a.parentId },
      a.aliases.map((x) => x.name),
    );
  }
  const orgs = await db.organization.findMany({ where: { mergedIntoId: null }, include: { aliases: true, names: true } });
  for (const o of orgs) reconciler.addOrganization(o.id, [o.name, ...o.names.map((n) => n.name), ...o.aliases.map((x) => x.name)]);
  reconciler.rebuildOrganizationIndex();
  const persons = await db.person.findMany({ where: { mergedIntoId: null }, include: { aliases: true } });
  for (const p of persons) reconciler.addPerson(p.id, [p.name, ...p.aliases.map((x) => x.name)]);
  return reconciler;
}
