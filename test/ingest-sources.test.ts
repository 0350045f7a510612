/** Every bundled source is ingested whole: counts per source, read back from a real SQLite file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { stableId } from '../src/reconcile/ids.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const sourceId = (key: string) => stableId('source', key);
const org = (key: string) => stableId('org', key);

describe('000: the CIS-EMO article', () => {
  it('has all 44 listed elections as CIS-EMO missions, each with its line', async () => {
    const claims = await t.db.claim.findMany({ where: { sourceId: sourceId('corpus/000'), entityType: 'Mission', property: 'observed' } });
    expect(claims).toHaveLength(44);
    expect(new Set(claims.map((c) => c.locator)).size).toBe(44);
    // Ukraine's municipal and regional elections of 2010 (lines 38, 39) were one local-election day: one mission.
    expect(new Set(claims.map((c) => c.entityId)).size).toBe(43);
    const missions = await t.db.mission.findMany({
      where: { id: { in: claims.map((c) => c.entityId) } },
      include: { election: { include: { area: true } } },
    });
    expect(missions.every((m) => m.organizationId === org('cis-emo'))).toBe(true);
    const titles = missions.map((m) => `${m.election.area.name}|${m.election.type}|${m.election.year}`);
    expect(titles).toContain('Kazakhstan|PARLIAMENTARY|2004');
    expect(titles).toContain('Chisinau|MAYORAL|2005');
    expect(titles).toContain('Transnistria|REFERENDUM|2006');
    // "Elections to Moscow City Hall, Russia, 2009" was the Moscow City Duma vote (data/reference/election-titles.json).
    expect(titles).toContain('Moscow|REGIONAL|2009');
    expect(titles).not.toContain('Moscow|MAYORAL|2009');
    expect(titles).toContain('Ukraine|MUNICIPAL|2010');
    expect(titles).not.toContain('Ukraine|REGIONAL|2010');
    expect(titles).toContain('Kabardino-Balkarian Republic|PARLIAMENTARY|2009');
    expect(titles).toContain('Ukraine|PARLIAMENTARY|2012');
  });

  it('models de-facto states as what they are, claimed by the recognised state', async () => {
    const areas = await t.db.area.findMany({
      where: { key: { in: ['transnistria', 'abkhazia', 'south-ossetia'] } },
      include: { claimedBy: true, elections: true },
    });
    expect(areas.map((a) => [a.name, a.kind, a.claimedBy?.name, a.isoCode])).toEqual(
      expect.arrayContaining([
        ['Transnistria', 'DE_FACTO_STATE', 'Moldova', null],
        ['Abkhazia', 'DE_FACTO_STATE', 'Georgia', null],
        ['South Ossetia', 'DE_FACTO_STATE', 'Georgia', null],
      ]),
    );
    const transnistria = areas.find((a) => a.key === 'transnistria')!;
    expect(transnistria.elections.map((e) => `${e.type} ${e.year}`).sort()).toEqual([
      'PARLIAMENTARY 2005',
      'PRESIDENTIAL 2006',
      'PRESIDENTIAL 2011',
      'REFERENDUM 2006',
    ]);
  });

  it('has the 24 EU members with their standing at the moment of participation', async () => {
    const memberships = await t.db.membership.findMany({
      where: { organizationId: org('cis-emo'), role: 'member of CIS-EMO missions' },
      include: { person: true, onBehalfOf: true },
    });
    expect(memberships).toHaveLength(24);
    const couteaux = memberships.find((m) => m.person.name === 'Paul-Marie Coûteaux')!;
    expect(couteaux.label).toBe('member of EU Parliament');
    expect(couteaux.onBehalfOf?.name).toBe('France');
    expect(couteaux.asOf).toBe('at the moment of participation');
    const voisin = memberships.find((m) => m.person.name === 'Michel Voisin')!;
    expect(voisin.label).toBe('member of National Assembly, France, head of Delegation, the Delegation of France to the OSCE PA');
    const adamovich = memberships.find((m) => m.person.name === 'Aldis Adamovich')!;
    expect(adamovich.onBehalfOf?.name).toBe('Latvia');
    // "member of EU Parliament" also places the person in the European Parliament.
    const ep = await t.db.membership.count({ where: { organizationId: org('european-parliament') } });
    expect(ep).toBe(6);
  });

  it('has the 16 activities as dated, placed events', async () => {
    const events = await t.db.event.findMany({
      where: { key: { startsWith: '000/' } },
      include: { area: true, participants: { include: { organization: true } } },
    });
    expect(events).toHaveLength(16);
    const roundTable = events.find((e) => e.name.includes('Controlled Democracy in Russia'))!;
    expect([roundTable.kind, roundTable.date, roundTable.datePrecision, roundTable.area?.name, roundTable.venue]).toEqual([
      'ROUND_TABLE',
      '2009-03',
      'MONTH',
      'Brussels',
      'European Parliament',
    ]);
    // Held in the European Parliament: linked to it, not only named.
    expect(roundTable.participants.map((p) => [p.organization?.key, p.role])).toContainEqual(['european-parliament', 'venue']);
    // "in the …" inside a quoted title is not a venue.
    const southOssetia = events.find((e) => e.name.includes('Dynamics in the developing'))!;
    expect(southOssetia.venue).toBeNull();
    const civic = events.find((e) => e.name.includes('Civic institutions'))!;
    expect(civic.venue).toBe('Public Chamber of Russia');
    // "EUP" is the European Parliament, not a body of its own.
    expect(await t.db.organization.count({ where: { name: 'EUP' } })).toBe(0);
    const eupHosted = events.filter((e) => e.participants.some((p) => p.role === 'host' && p.organization?.key === 'european-parliament'));
    expect(eupHosted).toHaveLength(2);
    const school = events.find((e) => e.kind === 'SCHOOL')!;
    expect([school.date, school.area?.name]).toEqual(['2010-09', 'Kyrgyzstan']);
    // Tskhinvali and the source's "Tskhinval" are one city.
    const tskhinvali = events.filter((e) => e.area?.name === 'Tskhinvali');
    expect(tskhinvali).toHaveLength(2);
    expect(events.every((e) => e.participants.some((p) => p.organization?.key === 'cis-emo'))).toBe(true);
  });
});

describe('001: CEC of Russia, international cooperation', () => {
  it('has the partner bodies, ACEEEO once with its 2006 renaming', async () => {
    const aceeeo = await t.db.organization.findUniqueOrThrow({
      where: { id: org('aceeeo') },
      include: { names: { orderBy: { name: 'asc' } } },
    });
    expect(aceeeo.names.map((n) => [n.name, n.validFrom, n.validUntil])).toEqual([
      ['Association of Central and Eastern European Election Officials', null, '2006-09'],
      ['Association of European Election Officials', '2006-09', null],
    ]);
    expect(
      await t.db.organization.count({
        where: {
          aliases: {
            some: {
              normalized: {
                in: ['aceeeo', 'association european election officials', 'association central eastern european election officials'],
              },
            },
          },
        },
      }),
    ).toBe(1);
    for (const key of ['odihr', 'ifes', 'venice-commission', 'cis-executive-committee', 'pace', 'ipa-cis']) {
      const claims = await t.db.claim.count({ where: { sourceId: sourceId('corpus/001'), entityId: org(key) } });
      expect(claims, key).toBeGreaterThan(0);
    }
    const odihr = await t.db.organization.findUniqueOrThrow({ where: { id: org('odihr') }, include: { parent: true } });
    expect(odihr.parent?.key).toBe('osce');
  });

  it('has the conferences as events and the observer counts of 2003 and 2004', async () => {
    const events = await t.db.event.findMany({ where: { key: { startsWith: '001/' } }, include: { area: true } });
    expect(events.length).toBeGreaterThanOrEqual(10);
    const signing = events.find((e) => e.date === '2002-10-07')!;
    expect(signing.area?.name).toBe('Chisinau'); // the source writes "Kishiney (Moldavia)"
    const duma = await t.db.election.findFirstOrThrow({ where: { area: { isoCode: 'RU' }, type: 'PARLIAMENTARY', year: 2003 } });
    expect([duma.internationalObserverCount, duma.internationalObserverCountries, duma.date]).toEqual([1200, 49, '2003-12']);
    // "about 1200": the claim keeps that the count is approximate.
    const count = await t.db.claim.findFirstOrThrow({ where: { entityId: duma.id, property: 'internationalObserverCount' } });
    expect(JSON.parse(count.value)).toMatchObject({ observers: 1200, approximate: true, qualifier: 'about' });
    const presidential = await t.db.election.findFirstOrThrow({ where: { area: { isoCode: 'RU' }, type: 'PRESIDENTIAL', year: 2004 } });
    expect([presidential.internationalObserverCount, presidential.internationalObserverCountries]).toEqual([800, 50]);
  });
});

describe('002–004: biography, IPA CIS news, CSTO PA', () => {
  it('has Kochetkov with his roles and dated events', async () => {
    const k = await t.db.person.findFirstOrThrow({
      where: { name: 'Aleksey Kochetkov' },
      include: { memberships: { include: { organization: true } } },
    });
    expect(k.birthYear).toBe(1971);
    const orgs = k.memberships.map((m) => m.organization?.key);
    expect(orgs.filter((o) => o === 'cis-emo').length).toBeGreaterThanOrEqual(2);
    const events = await t.db.event.findMany({ where: { key: { startsWith: '002/' } } });
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['ARREST', 'DEPORTATION', 'PRESS_CENTRE']));
    const arrest2005 = events.find((e) => e.kind === 'ARREST' && e.year === 2005);
    expect(arrest2005).toBeDefined();
  });

  it('has the people of 003 with roles as of 30 November 2023', async () => {
    const people = await t.db.membership.findMany({ where: { asOf: '2023-11-30' }, include: { person: true, organization: true } });
    const names = new Set(people.map((m) => m.person.name));
    for (const n of [
      'Dmitriy Kobitskiy',
      'Ella Pamfilova',
      'Igor Karpenko',
      'Alexandr Losyakin',
      'Sergei Shmarlovski',
      'Viktor Kogut',
      'Ivan Mushket',
    ])
      expect(names, n).toContain(n);
    const pamfilova = people.find((m) => m.person.name === 'Ella Pamfilova')!;
    expect(pamfilova.organization?.key).toBe('cec-russia');
  });

  it('has the CSTO PA delegations with their sizes and plenipotentiaries', async () => {
    const delegations = await t.db.organization.findMany({
      where: { kind: 'DELEGATION', parent: { key: 'csto-pa' } },
      include: { area: true },
    });
    expect(delegations).toHaveLength(5);
    const sizes = await t.db.claim.findMany({ where: { property: 'memberCount', entityId: { in: delegations.map((d) => d.id) } } });
    const byCountry = Object.fromEntries(
      sizes.map((c) => [delegations.find((d) => d.id === c.entityId)!.area?.isoCode, JSON.parse(c.value)]),
    );
    expect(byCountry).toEqual({ BY: 11, KZ: 16, KG: 7, RU: 22, TJ: 12 });
    const plenipotentiaries = await t.db.membership.findMany({
      where: { organizationId: { in: delegations.map((d) => d.id) } },
      include: { person: true },
    });
    expect(plenipotentiaries.map((m) => m.person.name).sort()).toEqual([
      'Mikhail Krotov',
      'Shabdanbek Alishev',
      'Viktor Kogut',
      'Viktor Rogalev',
    ]);
  });
});

describe('assessments.csv', () => {
  it('has every row as a statement on the right organization, election and round', async () => {
    const statements = await t.db.statement.findMany({
      where: { sourceId: sourceId('dataset/assessments.csv') },
      include: { organization: true, round: { include: { election: { include: { area: true } } } } },
    });
    expect(statements).toHaveLength(22);
    expect(new Set(statements.map((s) => s.locator)).size).toBe(22);
    const ukraine2004 = statements.filter((s) => s.round.election.area.name === 'Ukraine' && s.round.election.year === 2004);
    expect(ukraine2004.map((s) => `${s.organization.key}:${s.round.round}:${s.verdict}`).sort()).toEqual([
      'cis-executive-committee-mission:RERUN:CRITICAL',
      'cis-executive-committee-mission:SECOND:ENDORSED',
      'odihr:FIRST:CRITICAL',
      'odihr:RERUN:LARGELY_POSITIVE',
      'odihr:SECOND:CRITICAL',
    ]);
    const rounds = await t.db.electionRound.findMany({
      where: { election: { area: { name: 'Ukraine' }, year: 2004 } },
      orderBy: { ordinal: 'asc' },
    });
    expect(rounds.map((r) => [r.round, r.date])).toEqual([
      ['FIRST', '2004-10-31'],
      ['SECOND', '2004-11-21'],
      ['RERUN', '2004-12-26'],
    ]);
    // Every statement keeps its source coding.
    const codings = await t.db.verdictCoding.count({ where: { coder: 'SOURCE', statementId: { in: statements.map((s) => s.id) } } });
    expect(codings).toBe(22);
  });
});
