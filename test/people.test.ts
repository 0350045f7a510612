/**
 * People on missions: the bodies a CIS-EMO member's standing names become memberships of those
 * bodies, each with its claim at the line; and "which CIS-EMO participants also sat in
 * parliaments or parliamentary assemblies" is one query, answered as the article says.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { stableId } from '../src/reconcile/ids.js';
import { parseMemberLabel } from '../src/ingest/member-label.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const ARTICLE = 'data/sources/000_7b72a6127d6d3097.txt';
const lines = fs.readFileSync(ARTICLE, 'utf8').split('\n');
const lineOf = (name: string) => lines.findIndex((l) => l.startsWith(`- ${name},`)) + 1;
const AS_OF = 'at the moment of participation in a CIS-EMO mission';

describe('a standing read into roles', () => {
  it('splits a label into the roles it states, with the words that state each', () => {
    expect(
      parseMemberLabel('member of National Assembly, France, head of Delegation, the Delegation of France to the OSCE PA', 'France'),
    ).toEqual([
      { role: 'member', body: 'National Assembly', excerpt: 'member of National Assembly' },
      {
        role: 'head of delegation',
        body: 'Delegation of France to the OSCE PA',
        excerpt: 'head of Delegation, the Delegation of France to the OSCE PA',
      },
    ]);
    expect(parseMemberLabel('former member of EU Parliament', 'Germany')).toEqual([
      { role: 'former member', body: 'EU Parliament', excerpt: 'former member of EU Parliament' },
    ]);
    expect(parseMemberLabel('Professor, College de France', 'France').map((r) => [r.role, r.body])).toEqual([
      ['Professor', null],
      ['College de France', null],
    ]);
  });
});

describe('the bodies of the 24 members of CIS-EMO missions', () => {
  const linked = async () => {
    const memberships = await t.db.membership.findMany({
      where: { asOf: AS_OF },
      include: { person: true, organization: { include: { parent: true, area: true } }, onBehalfOf: true },
    });
    const claims = await t.db.claim.findMany({ where: { entityType: 'Membership', entityId: { in: memberships.map((m) => m.id) } } });
    return memberships.map((m) => ({ ...m, claims: claims.filter((c) => c.entityId === m.id) }));
  };

  it('links each named body with the role, the country and a claim at the line that names it', async () => {
    const all = await linked();
    const rows = all
      .map((m) => [m.person.name, m.role, m.organization?.key, m.onBehalfOf?.name, m.claims.map((c) => `${c.locator}: ${c.excerpt}`)])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));
    const at = (name: string, excerpt: string) => [`line ${lineOf(name)}: ${excerpt}`];
    expect(rows).toEqual(
      [
        ['Aldis Adamovich', 'mayor', 'preili-municipality', 'Latvia', at('Aldis Adamovich', 'Mayor of Preiļi')],
        ['Alexander Mirsky', 'member', 'european-parliament', 'Latvia', at('Alexander Mirsky', 'member of EU Parliament')],
        ['Bogusław Kowalski', 'member', 'sejm-poland', 'Poland', at('Bogusław Kowalski', 'member of Sejm')],
        [
          'François-Xavier Coquin',
          'professor',
          'college-de-france',
          'France',
          at('François-Xavier Coquin', 'Professor, College de France'),
        ],
        [
          'Frank Schwalba-Hoth',
          'former member',
          'european-parliament',
          'Germany',
          at('Frank Schwalba-Hoth', 'former member of EU Parliament'),
        ],
        ['Giulietto Chiesa', 'member', 'european-parliament', 'Italy', at('Giulietto Chiesa', 'member of EU Parliament')],
        ['Marie-Helen Berard', 'affiliated', 'foundation-jacques-chirac', 'France', at('Marie-Helen Berard', 'Foundation Jacques Chirac')],
        [
          'Michel Voisin',
          'head of delegation',
          'delegation-france-osce-pa',
          'France',
          at('Michel Voisin', 'head of Delegation, the Delegation of France to the OSCE PA'),
        ],
        ['Michel Voisin', 'member', 'national-assembly-france', 'France', at('Michel Voisin', 'member of National Assembly')],
        ['Paul-Marie Coûteaux', 'member', 'european-parliament', 'France', at('Paul-Marie Coûteaux', 'member of EU Parliament')],
        ['Sabine Lösing', 'member', 'european-parliament', 'Germany', at('Sabine Lösing', 'member of EU Parliament')],
        ['Sylwester Chruszcz', 'member', 'european-parliament', 'Poland', at('Sylwester Chruszcz', 'member of EU Parliament')],
        ['Thierry Mariani', 'member', 'national-assembly-france', 'France', at('Thierry Mariani', 'member of National Assembly')],
        ['Waldemar Kraska', 'senator', 'senate-poland', 'Poland', at('Waldemar Kraska', 'senator')],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))),
    );
    // Every excerpt stands in its line, as the article writes it.
    for (const m of all) for (const c of m.claims) expect(lines[Number(c.locator.slice(5)) - 1]).toContain(c.excerpt);
  });

  it('files the bodies by kind, country and parent', async () => {
    const orgs = await t.db.organization.findMany({
      where: {
        key: { in: ['national-assembly-france', 'sejm-poland', 'senate-poland', 'delegation-france-osce-pa', 'european-parliament'] },
      },
      include: { parent: true, area: true },
      orderBy: { key: 'asc' },
    });
    expect(orgs.map((o) => [o.key, o.kind, o.parent?.key ?? null, o.area?.isoCode ?? null])).toEqual([
      ['delegation-france-osce-pa', 'DELEGATION', 'osce-pa', 'FR'],
      ['european-parliament', 'PARLIAMENT', null, null],
      ['national-assembly-france', 'PARLIAMENT', null, 'FR'],
      ['sejm-poland', 'PARLIAMENT', null, 'PL'],
      ['senate-poland', 'PARLIAMENT', null, 'PL'],
    ]);
    // "National Assembly" names many bodies: the article's bare spelling is not made an alias of France's.
    const bare = await t.db.alias.count({
      where: { organizationId: stableId('org', 'national-assembly-france'), name: 'National Assembly' },
    });
    expect(bare).toBe(0);
  });

  it('links no mission: no bundled source says which mission a listed member was on', async () => {
    const onMissions = await t.db.membership.count({ where: { missionId: { not: null } } });
    expect(onMissions).toBe(0);
  });
});
