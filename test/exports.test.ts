/** The downloads: the comparison as CSV (read back with csv-parse) and the read model as Popolo JSON. */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { toCsv } from '../src/exports/csv.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await createTestDatabase();
  app = createApp(t.db);
});
afterAll(() => t?.close());

type Row = Record<string, string>;

async function csv(query: string): Promise<{ text: string; rows: Row[] }> {
  const response = await app.fetch(`http://localhost/export/comparison.csv${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/csv');
  const text = await response.text();
  return { text, rows: parse(text, { columns: true }) as Row[] };
}

describe('CSV writing', () => {
  it('quotes as RFC 4180 does and reads back unchanged', () => {
    const values = ['plain', 'a, b', 'say "hi"', 'two\nlines', '', '=HYPERLINK("x")', '-2'];
    const text = toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [values]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"say ""hi"""');
    const [row] = parse(text, { columns: true }) as Row[];
    // A formula from a source must not run in a spreadsheet; a negative number stays a number.
    expect(Object.values(row)).toEqual(['plain', 'a, b', 'say "hi"', 'two\nlines', '', '\'=HYPERLINK("x")', '-2']);
  });
});

describe('GET /export/comparison.csv', () => {
  it('has the Ukraine 2012 row: CIS-EMO ENDORSED against ODIHR CRITICAL, a gap of 3', async () => {
    const { text, rows } = await csv('?country=Ukraine&yearFrom=2012&yearTo=2012');
    expect(text.split('\r\n')[0]).toBe(
      'election_id,election,country,area,election_type,year,date,round,subject,subject_verdict,subject_score,body,body_verdict,body_score,gap,agrees,status,subject_sources,body_sources,subject_quotes,subject_speakers,body_quotes,body_speakers',
    );
    const row = rows.find(
      (r) => r.election === 'Ukraine parliamentary election 2012' && r.body === 'OSCE Office for Democratic Institutions and Human Rights',
    );
    expect(row).toMatchObject({
      country: 'Ukraine',
      election_type: 'PARLIAMENTARY',
      year: '2012',
      date: '2012-10-28',
      round: 'FIRST',
      subject: 'CIS-EMO',
      subject_verdict: 'ENDORSED',
      subject_score: '5',
      body_verdict: 'CRITICAL',
      body_score: '2',
      gap: '3',
      agrees: 'false',
      status: 'BOTH_ASSESSED',
    });
    expect(row!.subject_sources).toContain('korrespondent.net');
    // The quotes of both sides, one a line, as the statements give them.
    const quotes = await t.db.statement.findMany({
      where: {
        round: { election: { area: { name: 'Ukraine' }, year: 2012 } },
        organization: { key: 'cis-emo' },
        retiredAt: null,
        withdrawnAt: null,
      },
      select: { quote: true },
    });
    expect(new Set(row!.subject_quotes.split('\n'))).toEqual(new Set(quotes.map((q) => q.quote)));
    expect(row!.body_quotes).toMatch(/level playing field/);
    expect(rows.every((r) => r.country === 'Ukraine' && r.year === '2012')).toBe(true);
    // The election id is the GraphQL global ID.
    const { data } = await t.gql<{ node: { title: string } }>('query ($id: ID!) { node(id: $id) { ... on Election { title } } }', {
      id: row!.election_id,
    });
    expect(data?.node.title).toBe('Ukraine parliamentary election 2012');
  });

  it('names its file after its filter', async () => {
    const named = async (query: string) =>
      (await app.fetch(`http://localhost/export/comparison.csv${query}`)).headers.get('content-disposition');
    expect(await named('')).toBe('attachment; filename="comparison-cis-emo.csv"');
    expect(await named('?country=Ukraine&yearFrom=2004&yearTo=2012&type=PRESIDENTIAL&body=ODIHR&scope=WITH_STATEMENTS')).toBe(
      'attachment; filename="comparison-cis-emo-ukraine-2004-2012-presidential-vs-odihr-with-statements.csv"',
    );
    const agreement = await app.fetch('http://localhost/export/agreement.csv?country=Молдова&scope=PAIRED');
    expect(agreement.headers.get('content-disposition')).toBe('attachment; filename="agreement-cis-emo-paired.csv"');
  });

  it('lists every election of the comparison, those without statements included', async () => {
    const { rows } = await csv('');
    const { data } = await t.gql<{ comparison: { elections: { totalCount: number } } }>('{ comparison { elections { totalCount } } }');
    expect(new Set(rows.map((r) => r.election_id)).size).toBe(data!.comparison.elections.totalCount);
    expect(rows.some((r) => r.round === '' && r.subject_verdict === '')).toBe(true);
  });

  it('filters by body, type and scope as the dashboard does, and keeps URLs with commas whole', async () => {
    const { rows } = await csv('?body=ODIHR&scope=WITH_STATEMENTS&type=PRESIDENTIAL');
    expect(rows.length).toBeGreaterThan(3);
    expect(new Set(rows.map((r) => r.body))).toEqual(new Set(['OSCE Office for Democratic Institutions and Human Rights']));
    expect(rows.every((r) => r.election_type === 'PRESIDENTIAL')).toBe(true);
    const kyrgyz = rows.find((r) => r.election === 'Kyrgyzstan presidential election 2009');
    expect(kyrgyz?.body_sources).toBe('https://www.ynetnews.com/articles/0,7340,L-3751605,00.html');
  });

  it('answers 400 with the reason for parameters it cannot use', async () => {
    for (const [query, message] of [
      ['?yearFrom=twenty', 'yearFrom must be a year'],
      ['?type=CORONATION', 'type must be one of'],
      ['?country=Atlantis', 'no area is known as "Atlantis"'],
    ]) {
      const response = await app.fetch(`http://localhost/export/comparison.csv${query}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
  });
});

interface Popolo {
  persons: { id: string; name: string; other_names?: { name: string }[] }[];
  organizations: {
    id: string;
    name: string;
    classification: string;
    parent_id?: string;
    other_names?: { name: string; start_date?: string; end_date?: string }[];
  }[];
  memberships: {
    id: string;
    person_id: string;
    organization_id?: string;
    role: string;
    label?: string;
    on_behalf_of_id?: string;
    area_id?: string;
    start_date?: string;
    end_date?: string;
    as_of?: string;
  }[];
  events: { id: string; name: string; classification: string; start_date?: string; area_id?: string }[];
  areas: { id: string; name: string; classification: string; parent_id?: string; identifiers?: { scheme: string; identifier: string }[] }[];
}

describe('GET /export/agreement.csv', () => {
  it('has the pooled row and one per body, each figure with its n and 95% interval as GraphQL gives them', async () => {
    const response = await app.fetch('http://localhost/export/agreement.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/filename="agreement-cis-emo[a-z0-9-]*\.csv"/);
    const rows = parse(await response.text(), { columns: true }) as Row[];
    const pooled = rows[0];
    expect(pooled.body).toBe('(all other bodies)');
    expect(pooled.subject).toBe('CIS-EMO');
    // The bundled data pair CIS-EMO with other bodies on 2 rounds, neither alike: 0 of 2, Wilson 0 to 0.66
    // (Russia 2008, where the two agreed, has no CIS-EMO verdict: assessments.csv line 17 is NO_VERDICT).
    expect(Number(pooled.paired_rounds)).toBe(2);
    expect(pooled.few_rounds).toBe('true');
    expect(Number(pooled.agreement_rate)).toBe(0);
    expect(Number(pooled.agreement_rate_low)).toBeCloseTo(0, 6);
    expect(Number(pooled.agreement_rate_high)).toBeCloseTo(0.6576, 3);
    const { data } = (await (
      await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ comparison { summary { byBody { organization { name } pairedRounds weightedKappa weightedKappaInterval { low high } meanGapInterval { low high } } } } }',
        }),
      })
    ).json()) as {
      data: {
        comparison: {
          summary: {
            byBody: {
              organization: { name: string };
              pairedRounds: number;
              weightedKappa: number | null;
              weightedKappaInterval: { low: number; high: number } | null;
              meanGapInterval: { low: number; high: number } | null;
            }[];
          };
        };
      };
    };
    const byBody = data.comparison.summary.byBody;
    expect(rows.slice(1).map((r) => r.body)).toEqual(byBody.map((b) => b.organization.name));
    for (const [i, b] of byBody.entries()) {
      const row = rows[i + 1];
      expect(Number(row.paired_rounds)).toBe(b.pairedRounds);
      expect(row.weighted_kappa_low === '' ? null : Number(row.weighted_kappa_low)).toBe(b.weightedKappaInterval?.low ?? null);
      expect(row.mean_gap_high === '' ? null : Number(row.mean_gap_high)).toBe(b.meanGapInterval?.high ?? null);
    }
  });

  it("takes the comparison's filter and refuses what it cannot use", async () => {
    const ukraine = parse(await (await app.fetch('http://localhost/export/agreement.csv?country=Ukraine')).text(), {
      columns: true,
    }) as Row[];
    expect(Number(ukraine[0].paired_rounds)).toBeLessThanOrEqual(3);
    const bad = await app.fetch('http://localhost/export/agreement.csv?yearFrom=soon');
    expect(bad.status).toBe(400);
  });
});

describe('GET /export/popolo.json', () => {
  let doc: Popolo;
  beforeAll(async () => {
    const response = await app.fetch('http://localhost/export/popolo.json');
    expect(response.headers.get('content-type')).toContain('application/json');
    doc = (await response.json()) as Popolo;
  });

  const byName = <T extends { name: string }>(list: T[], name: string) => list.find((x) => x.name === name)!;

  it('has the 24 members of CIS-EMO missions, each with role, standing, country and "as of"', () => {
    const emo = byName(doc.organizations, 'CIS-EMO');
    const members = doc.memberships.filter((m) => m.organization_id === emo.id && m.role === 'member of CIS-EMO missions');
    expect(members).toHaveLength(24);
    const persons = new Map(doc.persons.map((p) => [p.id, p]));
    const areas = new Map(doc.areas.map((a) => [a.id, a]));
    for (const m of members) {
      expect(persons.has(m.person_id)).toBe(true);
      expect(areas.get(m.area_id!)?.classification).toBe('COUNTRY');
      expect(m.label).toBeTruthy();
      expect(m.as_of).toBe('at the moment of participation');
    }
    const losing = members.find((m) => persons.get(m.person_id)?.name === 'Sabine Lösing')!;
    expect(losing).toMatchObject({ label: 'member of EU Parliament' });
    expect(areas.get(losing.area_id!)?.name).toBe('Germany');
  });

  it('links memberships on behalf of a body, and dates them', () => {
    const kogut = byName(doc.persons, 'Viktor Kogut');
    const onBehalf = doc.memberships.filter((m) => m.person_id === kogut.id && m.on_behalf_of_id);
    expect(onBehalf.length).toBeGreaterThanOrEqual(1);
    const orgs = new Map(doc.organizations.map((o) => [o.id, o]));
    expect(orgs.get(onBehalf[0].on_behalf_of_id!)?.name).toBe('National Assembly of the Republic of Belarus');
    const kochetkov = byName(doc.persons, 'Aleksey Kochetkov');
    expect(doc.memberships.some((m) => m.person_id === kochetkov.id && m.start_date === '1999' && m.end_date === '2002')).toBe(true);
  });

  it('has organizations with parents, kinds and names over time', () => {
    const odihr = byName(doc.organizations, 'OSCE Office for Democratic Institutions and Human Rights');
    expect(doc.organizations.find((o) => o.id === odihr.parent_id)?.name).toBe('Organization for Security and Co-operation in Europe');
    expect(byName(doc.organizations, 'CIS-EMO').classification).toBe('NGO');
    const aceeeo = byName(doc.organizations, 'Association of European Election Officials');
    expect(aceeeo.other_names).toContainEqual({
      name: 'Association of Central and Eastern European Election Officials',
      end_date: '2006-09',
    });
  });

  it('has areas with ISO identifiers and parents, and elections and activities as events', () => {
    const moldova = byName(doc.areas, 'Moldova');
    expect(moldova.identifiers).toContainEqual({ scheme: 'iso3166-1', identifier: 'MD' });
    const chisinau = byName(doc.areas, 'Chisinau');
    expect(chisinau).toMatchObject({ classification: 'CITY', parent_id: moldova.id });
    expect(byName(doc.areas, 'Transnistria').classification).toBe('DE_FACTO_STATE');
    const election = byName(doc.events, 'Ukraine parliamentary election 2012');
    expect(election).toMatchObject({
      classification: 'parliamentary election',
      start_date: '2012-10-28',
      area_id: byName(doc.areas, 'Ukraine').id,
    });
    expect(doc.events.filter((e) => !e.classification.endsWith('election') && e.classification !== 'referendum').length).toBeGreaterThan(
      10,
    );
  });

  it('uses the GraphQL global IDs, and every reference points at a record in the file', async () => {
    const { data } = await t.gql<{ organization: { id: string } }>('{ organization(name: "CIS EMO") { id } }');
    expect(byName(doc.organizations, 'CIS-EMO').id).toBe(data!.organization.id);
    const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
    const [persons, orgs, areas] = [ids(doc.persons), ids(doc.organizations), ids(doc.areas)];
    const dangling: string[] = [];
    const check = (set: Set<string>, id: string | undefined, what: string) => {
      if (id && !set.has(id)) dangling.push(`${what} ${id}`);
    };
    for (const m of doc.memberships) {
      check(persons, m.person_id, 'person');
      check(orgs, m.organization_id, 'organization');
      check(orgs, m.on_behalf_of_id, 'on behalf of');
      check(areas, m.area_id, 'area');
    }
    for (const o of doc.organizations) check(orgs, o.parent_id, 'parent');
    for (const a of doc.areas) check(areas, a.parent_id, 'parent area');
    for (const e of doc.events) check(areas, e.area_id, 'event area');
    expect(dangling).toEqual([]);
    expect(new Set(doc.memberships.map((m) => m.id)).size).toBe(doc.memberships.length);
  });
});
