/** Seeds the read model with the bundled reference knowledge (countries, places, bodies). */
import { loadReferenceAreas, loadReferenceOrganizations } from '../reconcile/reference.js';
import { stableId } from '../reconcile/ids.js';
import type { Store } from './store.js';
import { bundledSources } from './sources.js';

export async function loadReference(store: Store): Promise<void> {
  const countriesSrc = (await store.source(bundledSources.countries)).id;
  const areasSrc = (await store.source(bundledSources.areas)).id;
  const orgsSrc = (await store.source(bundledSources.organizations)).id;

  const areas = loadReferenceAreas();
  const idOf = (key: string) => stableId('area', key);
  // Countries first, then places in file order (a parent is listed before its children).
  for (const area of areas) {
    const fromPackage = area.kind === 'COUNTRY' && !!area.isoCode && area.key === area.isoCode.toLowerCase();
    await store.upsertArea(
      {
        key: area.key,
        name: area.name,
        kind: area.kind,
        isoCode: area.isoCode,
        parentId: area.parent ? idOf(area.parent) : null,
        claimedById: area.claimedBy ? idOf(area.claimedBy) : null,
        names: area.names,
      },
      { sourceId: fromPackage ? countriesSrc : areasSrc, locator: `key ${area.key}`, excerpt: area.note ?? area.name },
    );
  }

  const orgs = loadReferenceOrganizations();
  const orgId = (key: string) => stableId('org', key);
  for (const org of orgs) {
    const at = { sourceId: orgsSrc, locator: `key ${org.key}`, excerpt: org.name };
    const id = await store.upsertOrganization(
      {
        key: org.key,
        name: org.name,
        kind: org.kind,
        description: org.description,
        parentId: org.parent ? orgId(org.parent) : null,
        areaId: org.area ? idOf(org.area.toLowerCase()) : null,
      },
      at,
    );
    for (const alias of org.aliases ?? []) await store.alias({ organizationId: id }, alias, 'REFERENCE', orgsSrc);
    for (const n of org.names ?? []) await store.organizationName(id, n.name, n.validFrom ?? null, n.validUntil ?? null, at);
    if (org.parent) await store.claim('Organization', id, 'parent', org.parent, at);
    for (const other of org.distinctFrom ?? []) {
      const [left, right] = [org.key, other].sort();
      const decisionId = stableId('decision', 'NOT_SAME', 'Organization', left, right);
      await store.tx.decision.upsert({
        where: { id: decisionId },
        create: {
          id: decisionId,
          kind: 'NOT_SAME',
          entityType: 'Organization',
          leftKey: left,
          rightKey: right,
          note: 'look-alikes kept apart (reference)',
          decidedBy: 'reference',
          decidedAt: new Date(0),
        },
        update: {},
      });
    }
  }
  store.reconciler.rebuildOrganizationIndex();
}
