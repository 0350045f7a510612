/**
 * Properties of organizations, persons and areas: supplied with a query they confirm or
 * contradict a candidate ("Kishiney" with country "Moldova"); asked for in data extension
 * they add columns. One definition serves both, so what can be matched can be fetched.
 */
import { fold } from '../reconcile/normalize.js';
import type { AreaEntry, Catalog, EntityType, Entry, OrganizationEntry, PersonEntry } from './catalog.js';
import { resolveGraded } from './match.js';

/** A value as the protocol carries it: text, number, boolean, or an entity reconciled before. */
export type PropertyValue = string | number | boolean | { id: string; name?: string };

/** A data extension cell (the protocol's value objects). */
export type Cell = { id: string; name: string } | { str: string } | { int: number } | { float: number } | { bool: boolean };

export interface PropertyDefinition {
  id: string;
  name: string;
  description: string;
  types: EntityType[];
  /** For values that are records: their type (data extension reports it in `meta`). */
  valueType?: EntityType;
  values(entry: Entry, catalog: Catalog): Cell[];
  /** true when the supplied value agrees with the candidate, false when it contradicts it, null when the candidate has no such value. */
  compare?(entry: Entry, supplied: PropertyValue[], catalog: Catalog): boolean | null;
}

const ref = (entry: Entry | null | undefined): Cell[] => (entry ? [{ id: entry.id, name: entry.name }] : []);
const str = (text: string | null | undefined): Cell[] => (text ? [{ str: text }] : []);
const unique = <T>(items: T[]) => [...new Set(items)];

function textOf(value: PropertyValue): string {
  return typeof value === 'object' ? value.name ?? '' : String(value);
}

/** Database ids of the records of `type` a supplied value names: by global ID, or by any name. */
function referencedIds(supplied: PropertyValue[], type: EntityType, catalog: Catalog): string[] {
  const ids: string[] = [];
  for (const value of supplied) {
    const byId = typeof value === 'object' ? catalog.get(value.id) : null;
    if (byId && byId.type === type) ids.push(byId.dbId);
    else ids.push(...resolveGraded(catalog, type, textOf(value)).map((m) => m.dbId));
  }
  return ids;
}

/** Areas whose country the record carries: its own area, its place, or where its members act. */
function areasOf(entry: Entry, catalog: Catalog): string[] {
  if (entry.type === 'Area') return [entry.dbId];
  if (entry.type === 'Organization') return entry.areaId ? [entry.areaId] : [];
  return catalog.personAreas(entry);
}

function sameText(a: string, b: string): boolean {
  return fold(a.replace(/_/g, ' ')) === fold(b.replace(/_/g, ' '));
}

const country: PropertyDefinition = {
  id: 'country',
  name: 'country',
  description: 'The country (or de-facto state) the record lies in, belongs to, or acts for',
  types: ['Organization', 'Person', 'Area'],
  valueType: 'Area',
  values: (entry, catalog) => unique(areasOf(entry, catalog).map((id) => catalog.countryOf(id))).flatMap(ref),
  compare: (entry, supplied, catalog) => {
    const targets = referencedIds(supplied, 'Area', catalog);
    const mine = areasOf(entry, catalog);
    if (!targets.length || !mine.length) return null;
    return mine.some((id) => targets.some((t) => catalog.areaInside(id, t)));
  },
};

const kind: PropertyDefinition = {
  id: 'kind',
  name: 'kind',
  description: 'Organizations: NGO, INTERGOVERNMENTAL, PARLIAMENTARY_ASSEMBLY, ELECTION_COMMISSION, …; areas: COUNTRY, DE_FACTO_STATE, REGION, CITY',
  types: ['Organization', 'Area'],
  values: (entry) => str((entry as OrganizationEntry | AreaEntry).kind),
  compare: (entry, supplied) => supplied.some((v) => sameText(textOf(v), (entry as OrganizationEntry | AreaEntry).kind)),
};

const parent: PropertyDefinition = {
  id: 'parent',
  name: 'parent',
  description: 'The body an organization belongs to, or the area an area lies in',
  types: ['Organization', 'Area'],
  values: (entry, catalog) =>
    entry.type === 'Organization' ? ref(entry.parentId ? catalog.organizations.get(entry.parentId) : null)
    : entry.type === 'Area' ? ref(entry.parentId ? catalog.areas.get(entry.parentId) : null)
    : [],
  compare: (entry, supplied, catalog) => {
    if (entry.type === 'Person' || !entry.parentId) return null;
    return referencedIds(supplied, entry.type, catalog).includes(entry.parentId);
  },
};

const isoCode: PropertyDefinition = {
  id: 'iso_code',
  name: 'ISO 3166 code',
  description: 'ISO 3166-1 alpha-2 for countries, ISO 3166-2 for subdivisions',
  types: ['Area'],
  values: (entry) => str((entry as AreaEntry).isoCode),
  compare: (entry, supplied) => {
    const code = (entry as AreaEntry).isoCode;
    return code ? supplied.some((v) => textOf(v).trim().toUpperCase() === code.toUpperCase()) : null;
  },
};

const claimedBy: PropertyDefinition = {
  id: 'claimed_by',
  name: 'claimed by',
  description: 'For a de-facto state: the state whose territory most states consider it to be',
  types: ['Area'],
  valueType: 'Area',
  values: (entry, catalog) => ref((entry as AreaEntry).claimedById ? catalog.areas.get((entry as AreaEntry).claimedById!) : null),
};

const organization: PropertyDefinition = {
  id: 'organization',
  name: 'organization',
  description: 'Organizations the person has been a member of, or acted for (a body includes its parts)',
  types: ['Person'],
  valueType: 'Organization',
  values: (entry, catalog) =>
    unique((entry as PersonEntry).memberships.flatMap((m) => [m.organizationId, m.onBehalfOfOrganizationId]).filter((id): id is string => !!id))
      .flatMap((id) => ref(catalog.organizations.get(id))),
  compare: (entry, supplied, catalog) => {
    const mine = (entry as PersonEntry).memberships.flatMap((m) => [m.organizationId, m.onBehalfOfOrganizationId]).filter(Boolean);
    const targets = referencedIds(supplied, 'Organization', catalog);
    if (!mine.length || !targets.length) return null;
    return mine.some((id) => targets.some((t) => catalog.organizationWithin(id!, t)));
  },
};

const role: PropertyDefinition = {
  id: 'role',
  name: 'role',
  description: 'Roles in memberships, with the standing the source states ("member of EU Parliament")',
  types: ['Person'],
  values: (entry) => unique((entry as PersonEntry).memberships.map((m) => (m.label ? `${m.role} (${m.label})` : m.role))).flatMap(str),
  compare: (entry, supplied) => {
    const roles = (entry as PersonEntry).memberships.flatMap((m) => [m.role, m.label ?? '']).map(fold).filter(Boolean);
    if (!roles.length) return null;
    return supplied.some((v) => {
      const wanted = fold(textOf(v));
      return !!wanted && roles.some((r) => r.includes(wanted));
    });
  },
};

const birthYear: PropertyDefinition = {
  id: 'birth_year',
  name: 'birth year',
  description: 'Year of birth, when a source gives it',
  types: ['Person'],
  values: (entry) => ((entry as PersonEntry).birthYear ? [{ int: (entry as PersonEntry).birthYear! }] : []),
  compare: (entry, supplied) => {
    const year = (entry as PersonEntry).birthYear;
    return year ? supplied.some((v) => Number(textOf(v)) === year) : null;
  },
};

const aliases: PropertyDefinition = {
  id: 'aliases',
  name: 'other names',
  description: 'Every other spelling the sources use',
  types: ['Organization', 'Person', 'Area'],
  values: (entry) => entry.names.filter((n) => n !== entry.name).flatMap(str),
};

const description: PropertyDefinition = {
  id: 'description',
  name: 'description',
  description: 'What the read model says about the organization or person',
  types: ['Organization', 'Person'],
  values: (entry) => str(entry.type === 'Organization' ? entry.description : entry.type === 'Person' ? entry.summary : null),
};

const missions: PropertyDefinition = {
  id: 'missions',
  name: 'observation missions',
  description: 'Number of election observation missions on record',
  types: ['Organization'],
  values: (entry) => [{ int: (entry as OrganizationEntry).missionCount }],
};

const statements: PropertyDefinition = {
  id: 'statements',
  name: 'statements on elections',
  description: 'Number of statements on elections on record',
  types: ['Organization'],
  values: (entry) => [{ int: (entry as OrganizationEntry).statementCount }],
};

export const PROPERTIES: PropertyDefinition[] = [country, kind, parent, isoCode, claimedBy, organization, role, birthYear, aliases, description, missions, statements];

export function propertiesOf(type: EntityType | null): PropertyDefinition[] {
  return type ? PROPERTIES.filter((p) => p.types.includes(type)) : PROPERTIES;
}

export function propertyById(id: string): PropertyDefinition | undefined {
  return PROPERTIES.find((p) => p.id === id);
}
