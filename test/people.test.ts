/**
 * People on missions: the bodies a CIS-EMO member's standing names become memberships of those
 * bodies, each with its claim at the line; and "which CIS-EMO participants also sat in
 * parliaments or parliamentary assemblies" is one query, answered as the article says.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { ingestedAndRolledBack } from './helpers/rolled-back.js';
import { stableId } from '../src/reconcile/ids.js';
import { parseMemberLabel } from '../src/ingest/member-label.js';
import { ingestMissionMembers, MissionMembersError } from '../src/ingest/mission-members.js';
import { Store } from '../src/ingest/store.js';
import { ingestArticle000 } from '../src/ingest/article-000.js';
import { Reconciler } from '../src/reconcile/reconciler.js';
import { loadReference } from '../src/ingest/load-reference.js';

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

  it('reads a title of a body of no country anywhere, and refuses an unknown abbreviation in a standing', async () => {
    const text = [
      LEAD,
      '== EU Important Members of CIS-EMO Missions ==',
      '- Jean Dupont, MEP, France',
      '- Anna Nowak, former MEP, Poland',
      '- Piotr Lis, senator, Poland',
      '- Hans Berg, senator, Germany',
      '',
    ].join('\n');
    const read = await ingestedAndRolledBack(
      t.db,
      (store) => ingestArticle000(store, { text, titles: [] }),
      (tx) =>
        tx.membership.findMany({
          where: { asOf: AS_OF, person: { name: { in: ['Jean Dupont', 'Anna Nowak', 'Piotr Lis', 'Hans Berg'] } } },
          include: { person: true, organization: true },
        }),
    );
    expect(read.map((m) => [m.person.name, m.role, m.organization?.key]).sort()).toEqual([
      ['Anna Nowak', 'former member', 'european-parliament'],
      ['Jean Dupont', 'member', 'european-parliament'],
      // "senator" names the Senate of Poland for a Pole only: no body is guessed for Germany.
      ['Piotr Lis', 'senator', 'senate-poland'],
    ]);
    const bad = [LEAD, '== EU Important Members of CIS-EMO Missions ==', '- Jean Dupont, head of Delegation, XYZPA, France', ''].join('\n');
    await expect(
      ingestedAndRolledBack(
        t.db,
        (store) => ingestArticle000(store, { text: bad, titles: [] }),
        async () => null,
      ),
    ).rejects.toThrow(/line 3: "XYZPA" abbreviates no known body/);
  });

  it('links a mission only where a source names it: Rainer Rupp at the Voronezh elections of 2010, claimed at its row with its page', async () => {
    const onMissions = await t.db.membership.findMany({
      where: { missionId: { not: null } },
      include: { person: true, mission: { include: { organization: true, election: { include: { area: true } } } } },
    });
    expect(
      onMissions.map((m) => [
        m.person.name,
        m.role,
        m.mission?.organization.key,
        m.mission?.election.area.name,
        m.mission?.election.year,
        m.asOf,
      ]),
    ).toEqual([['Rainer Rupp', 'European observer', 'cis-emo', 'Voronezh Oblast', 2010, '2010-03-14']]);
    // The mission is the one the article lists (line 35), now dated by the page.
    const election = onMissions[0].mission!.election;
    expect([election.type, election.date]).toEqual(['PARLIAMENTARY', '2010-03-14']);
    const claims = await t.db.claim.findMany({
      where: { entityType: 'Membership', entityId: onMissions[0].id },
      include: { source: true },
    });
    const csv = fs.readFileSync('data/sources/mission-members.csv', 'utf8');
    expect(claims.map((c) => [c.locator, c.source.kind, c.source.url, c.source.path])).toEqual([
      [
        'row 2',
        'WEB_PAGE',
        'http://www.cis-emo.net/en/news/cis-emo-and-european-observers-have-visited-elections-voronezh',
        'data/sources/mission-members.csv',
      ],
    ]);
    expect(csv).toContain(claims[0].excerpt.replace(/"/g, '""'));
    expect(claims[0].excerpt).toContain('Rainer Rupp');
    // The article's Rupp and the page's are one person.
    expect(await t.db.person.count({ where: { name: 'Rainer Rupp' } })).toBe(1);
  });

  it('refuses a bad row of the missions file, naming file, row and field, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mission-members-'));
    const file = path.join(dir, 'bad.csv');
    const header = 'person,organization,jurisdiction,election_type,election_date,role,standing,quote,source_title,source_url,note';
    fs.writeFileSync(
      file,
      [
        header,
        'Jan Kowalski,CIS-EMO,Voronezh Oblast,parliamentary,2010-03-14,observer,,Jan Kowalski was there.,A page,http://example.org/a,',
        'Jan Nowak,Nobody At All Assembly,Atlantis,election,14 March 2010,observer,,Someone else was there.,A page,example.org,',
      ].join('\n'),
    );
    const before = await t.db.membership.count();
    const error = await t.db
      .$transaction(async (tx) => {
        const store = new Store(tx, new Reconciler());
        await store.prepare();
        await loadReference(store);
        await ingestMissionMembers(store, file);
        await store.flush();
      })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(MissionMembersError);
    const message = (error as Error).message;
    for (const field of ['organization', 'jurisdiction', 'election_type', 'election_date', 'source_url', 'quote'])
      expect(message).toContain(`bad.csv: row 3, ${field}:`);
    expect(message).not.toContain('row 2');
    expect(await t.db.membership.count()).toBe(before);
  });
});

describe('people by the bodies they sat in, in one query', () => {
  const PEOPLE = `query ($f: PersonFilter, $first: Int, $after: String) {
    persons(filter: $f, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { name memberships(first: 10) { edges { node {
        role asOf organization { key kind parent { key } } onBehalfOf { name }
        claims(property: "role") { locator excerpt source { key title } }
      } } } } }
    }
  }`;
  type Page = {
    persons: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: {
        node: {
          name: string;
          memberships: {
            edges: {
              node: {
                role: string;
                asOf: string | null;
                organization: { key: string; kind: string; parent: { key: string } | null } | null;
                claims: { locator: string; excerpt: string; source: { key: string } }[];
              };
            }[];
          };
        };
      }[];
    };
  };
  const people = async (f: object, first = 50) => {
    const r = await t.gql<Page>(PEOPLE, { f, first });
    expect(r.errors).toBeUndefined();
    return r.data!.persons;
  };

  /** The listed members whose line names a parliament or a parliamentary assembly, read straight from the article. */
  const sat = lines
    .slice(lines.indexOf('== EU Important Members of CIS-EMO Missions =='))
    .filter((l) => l.startsWith('- ') && /EU Parliament|National Assembly|Sejm|senator|OSCE PA/.test(l))
    .map((l) => l.slice(2).split(',')[0].trim())
    .sort();

  it('lists exactly the CIS-EMO participants the article places in a parliament or assembly', async () => {
    expect(sat).toHaveLength(10);
    const page = await people({ memberOf: ['CIS-EMO'], satIn: ['PARLIAMENT', 'PARLIAMENTARY_ASSEMBLY'] });
    expect(page.totalCount).toBe(10);
    expect(page.edges.map((e) => e.node.name).sort()).toEqual(sat);
    // Each answer carries its evidence: the membership in the body, with the line and the words.
    const kraska = page.edges.find((e) => e.node.name === 'Waldemar Kraska')!.node.memberships.edges.map((e) => e.node);
    expect(kraska.find((m) => m.organization?.key === 'senate-poland')).toMatchObject({
      role: 'senator',
      asOf: AS_OF,
      claims: [{ locator: `line ${lineOf('Waldemar Kraska')}`, excerpt: 'senator', source: { key: 'corpus/000' } }],
    });
  });

  it('a seat is not any role: the head of CIS-EMO was a consultant of the State Duma, and sat in no parliament', async () => {
    const anyRole = await people({ memberOf: ['CIS-EMO'], memberOfKind: ['PARLIAMENT', 'PARLIAMENTARY_ASSEMBLY', 'DELEGATION'] });
    expect(anyRole.edges.map((e) => e.node.name).sort()).toEqual(['Aleksey Kochetkov', ...sat].sort());
    // The delegation is a part of the assembly: a seat in it is a seat in a parliamentary assembly.
    const assemblies = await people({ memberOf: ['CIS-EMO'], satIn: ['PARLIAMENTARY_ASSEMBLY'] });
    expect(assemblies.edges.map((e) => e.node.name)).toEqual(['Michel Voisin']);
    const sitting = await people({ memberOf: ['CIS-EMO'], satIn: ['PARLIAMENT', 'PARLIAMENTARY_ASSEMBLY'], excludeFormer: true });
    expect(sitting.edges.map((e) => e.node.name).sort()).toEqual(sat.filter((n) => n !== 'Frank Schwalba-Hoth'));
  });

  it('counts a body with its parts, and can leave out former members', async () => {
    const osce = await people({ memberOf: ['CIS-EMO', 'OSCE PA'] });
    expect(osce.edges.map((e) => e.node.name)).toEqual(['Michel Voisin']);
    const ep = await people({ memberOf: ['CIS-EMO', 'European Parliament'] });
    expect(ep.totalCount).toBe(6);
    const sitting = await people({ memberOf: ['European Parliament'], excludeFormer: true });
    expect(sitting.edges.map((e) => e.node.name)).not.toContain('Frank Schwalba-Hoth');
    expect(sitting.totalCount).toBe(5);
    const polish = await people({ memberOf: ['CIS-EMO'], onBehalfOf: 'Poland' });
    expect(polish.edges.map((e) => e.node.name).sort()).toEqual(
      ['Andrzej Lepper', 'Bogusław Kowalski', 'Leszek Miller', 'Pawel Reszka', 'Sylwester Chruszcz', 'Waldemar Kraska'].sort(),
    );
  });

  it('pages the answer without gaps or repeats', async () => {
    const f = { memberOf: ['CIS-EMO'], satIn: ['PARLIAMENT', 'PARLIAMENTARY_ASSEMBLY'] };
    const names: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r: { data?: Page; errors?: unknown } = await t.gql<Page>(PEOPLE, { f, first: 3, after });
      expect(r.errors).toBeUndefined();
      names.push(...r.data!.persons.edges.map((e) => e.node.name));
      if (!r.data!.persons.pageInfo.hasNextPage) break;
      after = r.data!.persons.pageInfo.endCursor;
    }
    expect(names).toEqual([...sat].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('costs the same number of SQL statements for 2 people as for 10, with their memberships, bodies and claims', async () => {
    const f = { memberOf: ['CIS-EMO'], satIn: ['PARLIAMENT', 'PARLIAMENTARY_ASSEMBLY'] };
    const count = async (first: number) => {
      await people(f, first);
      t.log.reset();
      await people(f, first);
      return t.log.count;
    };
    expect(await count(10)).toBe(await count(2));
  });

  it('names an unknown body in the filter as an error', async () => {
    const r = await t.gql(PEOPLE, { f: { memberOf: ['Nobody At All Assembly'] } });
    expect(r.errors?.[0].message).toMatch(/no organization is known as "Nobody At All Assembly"/);
  });
});

describe('missions in the order asked, across pages', () => {
  const MISSIONS = `query ($order: MissionOrder, $first: Int, $after: String) {
    organization(name: "CIS-EMO") { missions(order: $order, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id election { year date title } organization { name } } }
    } }
  }`;
  type Node = { id: string; election: { year: number; date: string | null; title: string }; organization: { name: string } };
  type Missions = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Node }[] };
  const all = async (order: string, first: number) => {
    const out: Node[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const r: { data?: { organization: { missions: Missions } }; errors?: unknown } = await t.gql<{
        organization: { missions: Missions };
      }>(MISSIONS, { order, first, after });
      expect(r.errors).toBeUndefined();
      const page = r.data!.organization.missions;
      out.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return out;
  };
  const sortKey = (n: Node) => `${n.election.year}|${n.election.date ?? '~'}`;

  it('newest first and oldest first, the same missions whole or in pages of 7', async () => {
    const newest = await all('ELECTION_NEWEST_FIRST', 100);
    expect(newest).toHaveLength(43);
    const years = newest.map((n) => n.election.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(newest[0].election.year).toBe(2012);
    expect((await all('ELECTION_NEWEST_FIRST', 7)).map((n) => n.id)).toEqual(newest.map((n) => n.id));
    const oldest = await all('ELECTION_OLDEST_FIRST', 7);
    expect(oldest.map((n) => n.id)).toHaveLength(43);
    expect(new Set(oldest.map((n) => n.id)).size).toBe(43);
    expect(oldest.map(sortKey)).toEqual([...oldest.map(sortKey)].sort());
    expect(oldest[0].election.year).toBe(2004);
  });

  it("every body's missions by body, in pages, from the top-level list", async () => {
    const q = `query ($after: String) { missions(order: BODY, first: 9, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id organization { name } election { year } } } } }`;
    const names: string[] = [];
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 100; i++) {
      const r: { data?: { missions: Missions }; errors?: unknown } = await t.gql<{ missions: Missions }>(q, { after });
      expect(r.errors).toBeUndefined();
      total = r.data!.missions.totalCount;
      names.push(...r.data!.missions.edges.map((e) => e.node.organization.name));
      ids.push(...r.data!.missions.edges.map((e) => e.node.id));
      if (!r.data!.missions.pageInfo.hasNextPage) break;
      after = r.data!.missions.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(new Set(names).size).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const cisEmo = await t.gql<{ missions: { totalCount: number } }>(`{ missions(observer: "CIS EMO") { totalCount } }`);
    expect(cisEmo.data?.missions.totalCount).toBe(43);
  });
});

const LEAD =
  'Commonwealth of the Independent States - Election Monitoring Organization (CIS-EMO) — is an international non-governmental organization.';
