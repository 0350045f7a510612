/**
 * The read model as Popolo JSON (https://www.popoloproject.com): persons, organizations,
 * memberships, events and areas, linked by the same Relay global IDs the GraphQL API hands
 * out. Elections are events too (classification "… election"), as Popolo models them.
 *
 * Popolo has no field for a role's standing "as of" a moment ("at the moment of
 * participation"): memberships carry it as `as_of`, beside Popolo's own `label`.
 * A membership on behalf of a body sets `on_behalf_of_id`; one on behalf of a country sets
 * `area_id`, Popolo's place for the area a member represents.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Db } from '../db/client.js';

type Json = Record<string, unknown>;

/** Drops empty values, so records carry only what is known. */
function compact<T extends Json>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)),
  ) as T;
}

/** Ids of merged records lead to the record they were merged into, as reads do everywhere. */
function survivor(rows: { id: string; mergedIntoId: string | null }[]) {
  const into = new Map(rows.map((r) => [r.id, r.mergedIntoId]));
  return (id: string | null): string | null => {
    const seen = new Set<string>();
    let cur = id;
    while (cur && into.get(cur) && !seen.has(cur)) {
      seen.add(cur);
      cur = into.get(cur)!;
    }
    return cur;
  };
}

function isoIdentifier(code: string | null) {
  return code ? [{ scheme: code.includes('-') ? 'iso3166-2' : 'iso3166-1', identifier: code }] : [];
}

const keyIdentifier = (key: string) => ({ scheme: 'observer-ledger', identifier: key });

function otherNames(name: string, aliases: { name: string }[]) {
  return [...new Set(aliases.map((a) => a.name))].filter((n) => n !== name).map((n) => ({ name: n }));
}

/** "Ukraine parliamentary election 2012", as Election.title reads in the GraphQL API. */
function electionName(area: string, type: string, year: number): string {
  return `${area} ${type.toLowerCase()} ${type === 'REFERENDUM' ? '' : 'election '}${year}`.replace(/\s+/g, ' ');
}

export async function popolo(db: Db) {
  const [persons, organizations, memberships, events, elections, areas] = await Promise.all([
    db.person.findMany({ include: { aliases: { select: { name: true } } }, orderBy: { id: 'asc' } }),
    db.organization.findMany({ include: { aliases: { select: { name: true } }, names: true }, orderBy: { id: 'asc' } }),
    db.membership.findMany({ orderBy: { id: 'asc' } }),
    db.event.findMany({ orderBy: { id: 'asc' } }),
    db.election.findMany({ include: { area: { select: { name: true } } }, orderBy: { id: 'asc' } }),
    db.area.findMany({ include: { aliases: { select: { name: true } } }, orderBy: { id: 'asc' } }),
  ]);
  const person = survivor(persons);
  const org = survivor(organizations);
  const area = survivor(areas);
  const gid = (type: string, id: string | null) => (id ? encodeGlobalID(type, id) : null);

  return {
    persons: persons
      .filter((p) => !p.mergedIntoId)
      .map((p) =>
        compact({
          id: gid('Person', p.id),
          name: p.name,
          other_names: otherNames(p.name, p.aliases),
          birth_date: p.birthYear ? String(p.birthYear) : null,
          summary: p.summary,
          identifiers: [keyIdentifier(p.key)],
        }),
      ),
    organizations: organizations
      .filter((o) => !o.mergedIntoId)
      .map((o) =>
        compact({
          id: gid('Organization', o.id),
          name: o.name,
          classification: o.kind,
          parent_id: gid('Organization', org(o.parentId)),
          area_id: gid('Area', area(o.areaId)),
          description: o.description,
          other_names: [
            // Names over time first, with their dates (ACEEEO until 2006), then every other spelling.
            ...o.names
              .filter((n) => n.name !== o.name || n.validFrom || n.validUntil)
              .map((n) => compact({ name: n.name, start_date: n.validFrom, end_date: n.validUntil })),
            ...otherNames(o.name, o.aliases).filter((a) => !o.names.some((n) => n.name === a.name)),
          ],
          identifiers: [keyIdentifier(o.key)],
        }),
      ),
    memberships: memberships.map((m) =>
      compact({
        id: gid('Membership', m.id),
        person_id: gid('Person', person(m.personId)),
        organization_id: gid('Organization', org(m.organizationId)),
        role: m.role,
        label: m.label,
        on_behalf_of_id: gid('Organization', org(m.onBehalfOfOrganizationId)),
        area_id: gid('Area', area(m.onBehalfOfId)),
        start_date: m.startDate,
        end_date: m.endDate,
        as_of: m.asOf,
      }),
    ),
    events: [
      ...elections.map((e) =>
        compact({
          id: gid('Election', e.id),
          name: electionName(e.area.name, e.type, e.year),
          classification: e.type === 'REFERENDUM' ? 'referendum' : `${e.type.toLowerCase()} election`,
          start_date: e.date ?? String(e.year),
          area_id: gid('Area', area(e.areaId)),
          description: e.description,
          identifiers: [keyIdentifier(e.key)],
        }),
      ),
      ...events.map((e) =>
        compact({
          id: gid('Event', e.id),
          name: e.name,
          classification: e.kind.toLowerCase().replace(/_/g, ' '),
          start_date: e.date ?? (e.year ? String(e.year) : null),
          end_date: e.endDate,
          location: e.venue,
          area_id: gid('Area', area(e.areaId)),
          description: e.description,
          identifiers: [keyIdentifier(e.key)],
        }),
      ),
    ],
    areas: areas
      .filter((a) => !a.mergedIntoId)
      .map((a) =>
        compact({
          id: gid('Area', a.id),
          name: a.name,
          classification: a.kind,
          parent_id: gid('Area', area(a.parentId)),
          other_names: otherNames(a.name, a.aliases),
          identifiers: [...isoIdentifier(a.isoCode), keyIdentifier(a.key)],
        }),
      ),
  };
}
