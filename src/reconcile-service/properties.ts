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
  /**
   * For the values supplied with one query, a test of each candidate: true when a value agrees
   * with it, false when they contradict it, null when the candidate has no such value. The
   * values are read (and names in them resolved) once per query, not once per candidate.
   */
  matcher?(supplied: PropertyValue[], catalog: Catalog): Matcher;
}

export type Matcher = (entry: Entry) => boolean | null;

const ref = (entry: Entry | null | undefined): Cell[] => (entry ? [{ id: entry.id, name: entry.name }] : []);
const str = (text: string | null | undefined): Cell[] => (text ? [{ str: text }] : []);
const unique = <T>(items: T[]) => [...new Set(items)];

/** `make()` on first use only: a query whose candidates never need the value pays nothing for it. */
function lazy<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}

function textOf(value: PropertyValue): string {
  return typeof value === 'object' ? (value.name ?? '') : String(value);
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

/** Text compared as `kind` is: folded, underscores as spaces. */
function kindText(text: string): string {
  return fold(text.replace(/_/g, ' '));
}

const country: PropertyDefinition = {
  id: 'country',
  name: 'country',
  description: 'The country (or de-facto state) the record lies in, belongs to, or acts for',
  types: ['Organization', 'Person', 'Area'],
  valueType: 'Area',
  values: (entry, catalog) => unique(areasOf(entry, catalog).map((id) => catalog.countryOf(id))).flatMap(ref),
  matcher: (supplied, catalog) => {
    const targets = lazy(() => referencedIds(supplied, 'Area', catalog));
    return (entry) => {
      const mine = areasOf(entry, catalog);
      if (!mine.length || !targets().length) return null;
      return mine.some((id) => targets().some((t) => catalog.areaInside(id, t)));
    };
  },
};

const kind: PropertyDefinition = {
  id: 'kind',
  name: 'kind',
  description:
    'Organizations: NGO, INTERGOVERNMENTAL, PARLIAMENTARY_ASSEMBLY, ELECTION_COMMISSION, …; areas: COUNTRY, DE_FACTO_STATE, REGION, CITY',
  types: ['Organization', 'Area'],
  values: (entry) => str((entry as OrganizationEntry | AreaEntry).kind),
  matcher: (supplied) => {
    const wanted = new Set(supplied.map((v) => kindText(textOf(v))));
    return (entry) => wanted.has(kindText((entry as OrganizationEntry | AreaEntry).kind));
  },
};

const parent: PropertyDefinition = {
  id: 'parent',
  name: 'parent',
  description: 'The body an organization belongs to, or the area an area lies in',
  types: ['Organization', 'Area'],
  values: (entry, catalog) =>
    entry.type === 'Organization'
      ? ref(entry.parentId ? catalog.organizations.get(entry.parentId) : null)
      : entry.type === 'Area'
        ? ref(entry.parentId ? catalog.areas.get(entry.parentId) : null)
        : [],
  matcher: (supplied, catalog) => {
    const targets = {
      Organization: lazy(() => referencedIds(supplied, 'Organization', catalog)),
      Area: lazy(() => referencedIds(supplied, 'Area', catalog)),
    };
    return (entry) => {
      if (entry.type === 'Person' || !entry.parentId) return null;
      return targets[entry.type]().includes(entry.parentId);
    };
  },
};

const isoCode: PropertyDefinition = {
  id: 'iso_code',
  name: 'ISO 3166 code',
  description: 'ISO 3166-1 alpha-2 for countries, ISO 3166-2 for subdivisions',
  types: ['Area'],
  values: (entry) => str((entry as AreaEntry).isoCode),
  matcher: (supplied) => {
    const wanted = new Set(supplied.map((v) => textOf(v).trim().toUpperCase()));
    return (entry) => {
      const code = (entry as AreaEntry).isoCode;
      return code ? wanted.has(code.toUpperCase()) : null;
    };
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
    unique(
      (entry as PersonEntry).memberships.flatMap((m) => [m.organizationId, m.onBehalfOfOrganizationId]).filter((id): id is string => !!id),
    ).flatMap((id) => ref(catalog.organizations.get(id))),
  matcher: (supplied, catalog) => {
    const targets = lazy(() => referencedIds(supplied, 'Organization', catalog));
    return (entry) => {
      const mine = (entry as PersonEntry).memberships
        .flatMap((m) => [m.organizationId, m.onBehalfOfOrganizationId])
        .filter((id): id is string => !!id);
      if (!mine.length || !targets().length) return null;
      return mine.some((id) => targets().some((t) => catalog.organizationWithin(id, t)));
    };
  },
};

const role: PropertyDefinition = {
  id: 'role',
  name: 'role',
  description: 'Roles in memberships, with the standing the source states ("member of EU Parliament")',
  types: ['Person'],
  values: (entry) => unique((entry as PersonEntry).memberships.map((m) => (m.label ? `${m.role} (${m.label})` : m.role))).flatMap(str),
  matcher: (supplied) => {
    const wanted = supplied.map((v) => fold(textOf(v))).filter(Boolean);
    return (entry) => {
      const roles = (entry as PersonEntry).memberships
        .flatMap((m) => [m.role, m.label ?? ''])
        .map(fold)
        .filter(Boolean);
      if (!roles.length) return null;
      return wanted.some((w) => roles.some((r) => r.includes(w)));
    };
  },
};

const birthYear: PropertyDefinition = {
  id: 'birth_year',
  name: 'birth year',
  description: 'Year of birth, when a source gives it',
  types: ['Person'],
  values: (entry) => ((entry as PersonEntry).birthYear ? [{ int: (entry as PersonEntry).birthYear! }] : []),
  matcher: (supplied) => {
    const years = supplied.map((v) => Number(textOf(v)));
    return (entry) => {
      const year = (entry as PersonEntry).birthYear;
      return year ? years.includes(year) : null;
    };
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

export const PROPERTIES: PropertyDefinition[] = [
  country,
  kind,
  parent,
  isoCode,
  claimedBy,
  organization,
  role,
  birthYear,
  aliases,
  description,
  missions,
  statements,
];

export function propertiesOf(type: EntityType | null): PropertyDefinition[] {
  return type ? PROPERTIES.filter((p) => p.types.includes(type)) : PROPERTIES;
}

export function propertyById(id: string): PropertyDefinition | undefined {
  return PROPERTIES.find((p) => p.id === id);
}
