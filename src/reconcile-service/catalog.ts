/**
 * What the reconciliation service knows about each organization, person and area: names,
 * kind, place in the area tree and memberships. Built once per reconciler (the read cache
 * hands out a new reconciler when the data changed), so it never outlives the names it serves.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { missionInForce, statementInForce } from '../read/in-force.js';
import type { Db } from '../db/client.js';
import type { Reconciler } from '../reconcile/reconciler.js';
import { WordIndex } from './word-index.js';

export const ENTITY_TYPES = ['Organization', 'Person', 'Area'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

interface EntryBase {
  /** Relay global ID: the same id the GraphQL API's `node(id:)` accepts. */
  id: string;
  dbId: string;
  name: string;
  /** Every spelling, the canonical name first. */
  names: string[];
}

export interface OrganizationEntry extends EntryBase {
  type: 'Organization';
  kind: string;
  description: string | null;
  areaId: string | null;
  parentId: string | null;
  missionCount: number;
  statementCount: number;
}

export interface AreaEntry extends EntryBase {
  type: 'Area';
  kind: string;
  isoCode: string | null;
  parentId: string | null;
  claimedById: string | null;
}

export interface PersonMembership {
  organizationId: string | null;
  role: string;
  label: string | null;
  areaId: string | null;
  onBehalfOfOrganizationId: string | null;
  startDate: string | null;
  endDate: string | null;
  asOf: string | null;
}

export interface PersonEntry extends EntryBase {
  type: 'Person';
  birthYear: number | null;
  summary: string | null;
  memberships: PersonMembership[];
}

export type Entry = OrganizationEntry | AreaEntry | PersonEntry;

export class Catalog {
  /** Entries by database id. */
  readonly organizations = new Map<string, OrganizationEntry>();
  readonly areas = new Map<string, AreaEntry>();
  readonly persons = new Map<string, PersonEntry>();
  private readonly byGlobalId = new Map<string, Entry>();
  private wordIndex: WordIndex<Entry> | null = null;

  constructor(readonly reconciler: Reconciler) {}

  add(entry: Entry): void {
    if (entry.type === 'Organization') this.organizations.set(entry.dbId, entry);
    else if (entry.type === 'Area') this.areas.set(entry.dbId, entry);
    else this.persons.set(entry.dbId, entry);
    this.byGlobalId.set(entry.id, entry);
    this.wordIndex = null;
  }

  /** The words of every name, indexed for word-overlap matching; built on first use. */
  words(): WordIndex<Entry> {
    return (this.wordIndex ??= new WordIndex(this.byGlobalId.values()));
  }

  /** An entry by global ID; null for ids of other records or of nothing. */
  get(globalId: string): Entry | null {
    return this.byGlobalId.get(globalId) ?? null;
  }

  entries(type: EntityType): Entry[] {
    const map = type === 'Organization' ? this.organizations : type === 'Area' ? this.areas : this.persons;
    return [...map.values()];
  }

  byDbId(type: EntityType, dbId: string): Entry | undefined {
    return (type === 'Organization' ? this.organizations : type === 'Area' ? this.areas : this.persons).get(dbId);
  }

  /** True when area `id` is `ancestorId`, lies inside it, or is a de-facto entity it claims. */
  areaInside(id: string, ancestorId: string): boolean {
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length) {
      const cur = stack.pop()!;
      if (cur === ancestorId) return true;
      if (seen.has(cur)) continue;
      seen.add(cur);
      const area = this.areas.get(cur);
      if (area?.parentId) stack.push(area.parentId);
      if (area?.claimedById) stack.push(area.claimedById);
    }
    return false;
  }

  /** True when organization `id` is `ancestorId` or belongs to it (the Council of IPA CIS within IPA CIS). */
  organizationWithin(id: string, ancestorId: string): boolean {
    const seen = new Set<string>();
    for (let cur: string | null = id; cur && !seen.has(cur); cur = this.organizations.get(cur)?.parentId ?? null) {
      if (cur === ancestorId) return true;
      seen.add(cur);
    }
    return false;
  }

  /** The membership that best says who a person is: in the body with most on record. */
  notableMembership(person: PersonEntry): PersonMembership | undefined {
    const weight = (m: PersonMembership) => {
      const org = m.organizationId ? this.organizations.get(m.organizationId) : undefined;
      return (org ? org.missionCount + org.statementCount + 1 : 0) + (m.label ? 0.5 : 0);
    };
    return [...person.memberships].sort((a, b) => weight(b) - weight(a))[0];
  }

  /** The country (or de-facto state) an area lies in. */
  countryOf(areaId: string | null): AreaEntry | null {
    let cur = areaId ? this.areas.get(areaId) : undefined;
    while (cur && cur.kind !== 'COUNTRY' && cur.kind !== 'DE_FACTO_STATE' && cur.parentId) cur = this.areas.get(cur.parentId);
    return cur ?? null;
  }

  /** Areas a person acts for or belongs to through their memberships. */
  personAreas(person: PersonEntry): string[] {
    const ids = new Set<string>();
    for (const m of person.memberships) {
      if (m.areaId) ids.add(m.areaId);
      const org = m.organizationId ? this.organizations.get(m.organizationId) : undefined;
      if (org?.areaId) ids.add(org.areaId);
    }
    return [...ids];
  }
}

export async function loadCatalog(db: Db, reconciler: Reconciler): Promise<Catalog> {
  const catalog = new Catalog(reconciler);
  const [organizations, areas, persons] = await Promise.all([
    db.organization.findMany({
      where: { mergedIntoId: null },
      include: {
        aliases: { select: { name: true } },
        names: { select: { name: true } },
        _count: { select: { missions: { where: missionInForce }, statements: { where: statementInForce } } },
      },
      orderBy: { name: 'asc' },
    }),
    db.area.findMany({ where: { mergedIntoId: null }, include: { aliases: { select: { name: true } } }, orderBy: { name: 'asc' } }),
    db.person.findMany({
      where: { mergedIntoId: null },
      include: { aliases: { select: { name: true } }, memberships: { orderBy: { id: 'asc' } } },
      orderBy: { name: 'asc' },
    }),
  ]);
  const spellings = (name: string, others: { name: string }[]) => [...new Set([name, ...others.map((o) => o.name)])];
  for (const o of organizations) {
    catalog.add({
      type: 'Organization',
      id: encodeGlobalID('Organization', o.id),
      dbId: o.id,
      name: o.name,
      names: spellings(o.name, [...o.names, ...o.aliases]),
      kind: o.kind,
      description: o.description,
      areaId: o.areaId,
      parentId: o.parentId,
      missionCount: o._count.missions,
      statementCount: o._count.statements,
    });
  }
  for (const a of areas) {
    catalog.add({
      type: 'Area',
      id: encodeGlobalID('Area', a.id),
      dbId: a.id,
      name: a.name,
      names: spellings(a.name, a.aliases),
      kind: a.kind,
      isoCode: a.isoCode,
      parentId: a.parentId,
      claimedById: a.claimedById,
    });
  }
  for (const p of persons) {
    catalog.add({
      type: 'Person',
      id: encodeGlobalID('Person', p.id),
      dbId: p.id,
      name: p.name,
      names: spellings(p.name, p.aliases),
      birthYear: p.birthYear,
      summary: p.summary,
      memberships: p.memberships.map((m) => ({
        organizationId: m.organizationId,
        role: m.role,
        label: m.label,
        areaId: m.onBehalfOfId,
        onBehalfOfOrganizationId: m.onBehalfOfOrganizationId,
        startDate: m.startDate,
        endDate: m.endDate,
        asOf: m.asOf,
      })),
    });
  }
  return catalog;
}
