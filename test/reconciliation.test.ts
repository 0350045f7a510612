/** One real-world thing, one record; look-alikes apart; disagreements kept. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { ingestStatementsFile } from '../src/ingest/pipeline.js';
import { stableId } from '../src/reconcile/ids.js';
import { HEADER } from '../src/synth/world.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

async function lookup(kind: 'area' | 'organization' | 'person', name: string): Promise<string | null> {
  const r = await t.gql<Record<string, { id: string } | null>>(`query ($name: String!) { x: ${kind}(name: $name) { id } }`, { name });
  if (r.errors) throw new Error(r.errors[0].message);
  return r.data!.x?.id ?? null;
}

async function sameRecord(kind: 'area' | 'organization' | 'person', names: string[]) {
  const ids = await Promise.all(names.map((n) => lookup(kind, n)));
  expect(ids[0]).toBeTruthy();
  for (let i = 1; i < names.length; i++) expect(ids[i], `${names[i]} = ${names[0]}`).toBe(ids[0]);
}

describe('alias pairs resolve to one record', () => {
  it.each([
    [['Chisinau', 'Kishinev', 'Kishiney']],
    [['Moldova', 'Moldavia', 'Republic of Moldova']],
    [['Kyrgyzstan', 'Kirgizia', 'Kyrgyz Republic', 'Republic of Kyrgyzstan']],
    [['Belarus', 'Belorussia']],
    [['Tajikistan', 'Tadjikistan']],
    [['Tskhinvali', 'Tskhinval']],
  ])('area %j', async (names) => sameRecord('area', names));

  it.each([
    [
      [
        'CIS-EMO',
        'CIS EMO',
        'Commonwealth of the Independent States - Election Monitoring Organization',
        'International Monitoring Organization CIS-EMO',
      ],
    ],
    [['ODIHR', 'OSCE/ODIHR', 'OSCE Office for Democratic Institutions and Human Rights']],
    [['IPA CIS', 'Inter-Parliamentary Assembly of the CIS', 'CIS Interparliamentary Assembly']],
    [['CEC of Russia', 'Central Election Commission of the Russian Federation']],
  ])('organization %j', async (names) => sameRecord('organization', names));

  it('Viktor Kogut of 003 is Viktor Kogut of 004', async () => {
    const kogut = await t.db.person.findMany({
      where: { name: 'Viktor Kogut' },
      include: { memberships: { include: { organization: true } } },
    });
    expect(kogut).toHaveLength(1);
    const sources = await t.db.claim.findMany({ where: { entityId: kogut[0].id }, include: { source: true } });
    expect(new Set(sources.map((c) => c.source.key))).toEqual(new Set(['corpus/003', 'corpus/004']));
  });

  it('"Parliament elections" and "parliamentary" are one election type: the article\'s Ukraine 2012 is the CSV\'s', async () => {
    const elections = await t.db.election.findMany({
      where: { area: { name: 'Ukraine' }, year: 2012 },
      include: { missions: true, rounds: { include: { statements: true } } },
    });
    expect(elections).toHaveLength(1);
    expect(elections[0].type).toBe('PARLIAMENTARY');
  });

  it('a year-only election from the article and a day-exact statement are one election', async () => {
    const elections = await t.db.election.findMany({
      where: { area: { name: 'Kazakhstan' }, type: 'PARLIAMENTARY', year: 2004 },
      include: { missions: { include: { organization: true } }, rounds: { include: { statements: true } } },
    });
    expect(elections).toHaveLength(1);
    const [e] = elections;
    expect([e.date, e.datePrecision]).toEqual(['2004-09-19', 'DAY']);
    expect(e.missions.map((m) => m.organization.key)).toContain('cis-emo');
    expect(e.rounds.flatMap((r) => r.statements)).toHaveLength(2);
    const dateClaims = await t.db.claim.findMany({ where: { entityId: e.id, property: 'date' }, include: { source: true } });
    // The spreadsheet gives the date on both its rows: one claim, at the first of them.
    expect(dateClaims.map((c) => [c.source.key, JSON.parse(c.value)]).sort()).toEqual(
      [
        ['corpus/000', '2004'],
        ['dataset/assessments.csv', '2004-09-19'],
      ].sort(),
    );
    const rows = e.rounds.flatMap((r) => r.statements.map((s) => Number(s.locator.replace('row ', ''))));
    expect(dateClaims.find((c) => c.source.key === 'dataset/assessments.csv')?.locator).toBe(`row ${Math.min(...rows)}`);
  });
});

describe('look-alikes stay apart', () => {
  it('the CIS Executive Committee missions ("Election Monitoring Organization of the CIS" in the press) are not CIS-EMO', async () => {
    const cisEmo = await lookup('organization', 'CIS-EMO');
    const mission = await lookup('organization', 'CIS Executive Committee election observation mission');
    const pressName = await lookup('organization', 'Election Monitoring Organization of the CIS');
    expect(mission).not.toBe(cisEmo);
    expect(pressName).toBe(mission);
    const r = await t.gql<{ organization: { kind: string; distinctFrom: { key: string }[] } }>(
      `{ organization(name: "CIS-EMO") { kind distinctFrom { key } } }`,
    );
    expect(r.data!.organization).toEqual({ kind: 'NGO', distinctFrom: [{ key: 'cis-executive-committee-mission' }] });
    const statements = await t.db.statement.count({
      where: { organizationId: stableId('org', 'cis-emo'), speakerName: 'Vladimir Rushailo' },
    });
    expect(statements).toBe(0);
  });

  it('an ambiguous spelling is reported, never guessed', async () => {
    const r = await t.gql(`{ organization(name: "CIS Election Monitoring Organization") { id } }`);
    expect(r.errors?.[0].extensions?.code).toBe('AMBIGUOUS_NAME');
  });
});

describe('conflicting claims are kept with both sources', () => {
  it('founding year: 2003 (article) against 2004 (biography); "more than 50 missions" is Kochetkov\'s, not a conflict', async () => {
    const r = await t.gql<{
      organization: {
        conflicts: { property: string; values: { value: unknown; claims: { source: { key: string }; excerpt: string }[] }[] }[];
      };
    }>(`{ organization(name: "CIS-EMO") { conflicts { property values { value claims { source { key } excerpt } } } } }`);
    expect(r.errors).toBeUndefined();
    const conflicts = Object.fromEntries(
      r.data!.organization.conflicts.map((c) => [c.property, c.values.map((v) => [v.value, v.claims.map((x) => x.source.key)])]),
    );
    expect(conflicts.foundedYear).toEqual(
      expect.arrayContaining([
        [2003, ['corpus/000']],
        [2004, ['corpus/002']],
      ]),
    );
    // The biography's "more than 50 missions" are those Kochetkov headed: a claim on him (missionsLed), not on CIS-EMO.
    expect(conflicts.missionCount).toBeUndefined();
  });
});

describe('reconciliation is general: a new spreadsheet in other spellings joins the known records', () => {
  it('resolves other spellings of known bodies and places without new records', async () => {
    const file = path.join(t.dir, 'other-spellings.csv');
    fs.writeFileSync(
      file,
      [
        HEADER,
        'OSCE Office for Democratic Institutions and Human Rights,Republic of Moldova,Parliament,2005-03-06,1,2005-03-08,press,,a test statement about Moldavia,en,false,MIXED,test,,',
        'International Monitoring Organization CIS-EMO,Kirgizia,parliamentary,2005-02-27,1,2005-02-28,press,Alexey Kochetkov,a test statement about Kirgizia,en,false,ENDORSED,test,,',
        'CIS Interparliamentary Assembly,Belorussia,presidential,2006-03-19,1,2006-03-20,press,,a test statement about Belorussia,en,false,ENDORSED,test,,',
        'Executive Committee of the Commonwealth of Independent States,Tadjikistan,presidential,2006-11-06,1,2006-11-07,press,,a test statement about Tadjikistan,en,false,ENDORSED,test,,',
      ].join('\n'),
    );
    const before = { orgs: await t.db.organization.count(), areas: await t.db.area.count(), persons: await t.db.person.count() };
    await ingestStatementsFile(t.db, file);
    expect({ orgs: await t.db.organization.count(), areas: await t.db.area.count(), persons: await t.db.person.count() }).toEqual(before);
    const rows = await t.db.statement.findMany({
      where: { quote: { startsWith: 'a test statement' } },
      include: { organization: true, speaker: true, round: { include: { election: { include: { area: true } } } } },
    });
    expect(rows.map((s) => [s.organization.key, s.round.election.area.name]).sort()).toEqual([
      ['cis-emo', 'Kyrgyzstan'],
      ['cis-executive-committee', 'Tajikistan'],
      ['ipa-cis', 'Belarus'],
      ['odihr', 'Moldova'],
    ]);
    expect(rows.find((s) => s.organization.key === 'cis-emo')!.speaker?.name).toBe('Aleksey Kochetkov');
    // The Moldova 2005 statement joined the election CIS-EMO's article lists.
    const moldova = rows.find((s) => s.organization.key === 'odihr')!.round.election;
    expect(await t.db.mission.count({ where: { electionId: moldova.id, organizationId: stableId('org', 'cis-emo') } })).toBe(1);
  });
});
