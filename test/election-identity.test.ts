/**
 * An election is its area, type and date: two votes of one type in one place and year stay two
 * elections, rounds and reruns stay rounds, a year-only date attaches to the one election of its
 * year (and is refused, naming file, row and field, when there are two), and global IDs handed
 * out before a second election appeared keep resolving.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestStatementsFile } from '../src/ingest/pipeline.js';
import { electionFor } from '../src/ingest/store.js';
import { CsvValidationError } from '../src/ingest/statements-csv.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { snapshot } from './helpers/snapshot.js';
import { HEADER } from '../src/synth/world.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

function writeCsv(name: string, rows: string[]): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
  return file;
}

const elections = (area: string, year: number) =>
  t.gql<{ elections: { edges: { node: { id: string; date: string | null; rounds: { round: string }[] } }[] } }>(
    `query ($f: ElectionFilter) { elections(filter: $f, first: 10) { edges { node { id date rounds { round } } } } }`,
    { f: { area, yearFrom: year, yearTo: year, types: ['PARLIAMENTARY'] } },
  );

describe('elections of one type in one year', () => {
  it('two votes weeks apart are two elections, each with its own statements', async () => {
    const before = await elections('Bulgaria', 2021);
    expect(before.data!.elections.edges).toHaveLength(0);
    await ingestStatementsFile(
      t.db,
      writeCsv('bulgaria.csv', [
        'OSCE/ODIHR,Bulgaria,parliamentary,2021-04-04,1,2021-04-05,preliminary,,the April vote was competitive,en,false,LARGELY_POSITIVE,test,,',
        'OSCE/ODIHR,Bulgaria,parliamentary,2021-07-11,1,2021-07-12,preliminary,,the July vote was competitive,en,false,LARGELY_POSITIVE,test,,',
        'OSCE/ODIHR,Bulgaria,parliamentary,2021-11-14,1,2021-11-15,preliminary,,the November vote was competitive,en,false,MIXED,test,,',
        // A source a day off (counting day, time zone) names the same vote.
        'PACE,Bulgaria,parliamentary,2021-07-12,1,2021-07-13,press,,the July vote was calm,en,false,LARGELY_POSITIVE,test,,',
      ]),
    );
    const found = (await elections('Bulgaria', 2021)).data!.elections.edges.map((e) => e.node);
    expect(found.map((e) => e.date).sort()).toEqual(['2021-04-04', '2021-07-11', '2021-11-14']);
    const statements = await t.db.statement.findMany({
      where: { round: { election: { area: { name: 'Bulgaria' } } } },
      include: { round: { include: { election: true } } },
    });
    const byQuote = Object.fromEntries(statements.map((s) => [s.quote, s.round.election.date]));
    expect(byQuote).toEqual({
      'the April vote was competitive': '2021-04-04',
      'the July vote was competitive': '2021-07-11',
      'the July vote was calm': '2021-07-11',
      'the November vote was competitive': '2021-11-14',
    });
  });

  it('the first election of a year keeps its id; a second one gets an id of its own', async () => {
    const [april, july] = await Promise.all(
      ['2021-04-04', '2021-07-11'].map((date) => t.db.election.findFirstOrThrow({ where: { date, area: { name: 'Bulgaria' } } })),
    );
    expect(april.key).toMatch(/:parliamentary:2021$/);
    expect(july.key).toMatch(/:parliamentary:2021-07-11$/);
    const ids = (await elections('Bulgaria', 2021)).data!.elections.edges.map((e) => e.node.id);
    const resolved = await t.gql<{ nodes: ({ id: string } | null)[] }>('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(resolved.data!.nodes.map((n) => n?.id)).toEqual(ids);
  });

  it('a year-only date in a year with two elections is refused, naming file, row and field, and writes nothing', async () => {
    const before = await snapshot(t.db);
    const file = writeCsv('bulgaria-year.csv', ['PACE,Bulgaria,parliamentary,2021,1,2021-12-01,press,,which one?,en,false,MIXED,test,,']);
    const error = await ingestStatementsFile(t.db, file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CsvValidationError);
    expect((error as CsvValidationError).message).toMatch(/bulgaria-year\.csv.*row 2.*election_date.*ambiguous/s);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('rounds and reruns of one vote stay rounds of one election', async () => {
    await ingestStatementsFile(
      t.db,
      writeCsv('georgia.csv', [
        'OSCE/ODIHR,Georgia,presidential,2013-10-27,1,2013-10-28,preliminary,,first round,en,false,LARGELY_POSITIVE,test,,',
        'OSCE/ODIHR,Georgia,presidential,2013-10-27,2,2013-11-18,preliminary,,second round,en,false,LARGELY_POSITIVE,test,,',
        'OSCE/ODIHR,Georgia,presidential,2013-10-27,rerun,2013-12-30,preliminary,,rerun,en,false,MIXED,test,,',
      ]),
    );
    const georgia = await t.db.election.findMany({
      where: { area: { name: 'Georgia' }, type: 'PRESIDENTIAL', year: 2013 },
      include: { rounds: true },
    });
    expect(georgia).toHaveLength(1);
    expect(georgia[0].rounds.map((r) => r.round).sort()).toEqual(['FIRST', 'RERUN', 'SECOND']);
  });

  it('a year-only date from the article and a day-exact one from a statement are still one election', async () => {
    const kazakhstan = await t.db.election.findMany({ where: { area: { name: 'Kazakhstan' }, type: 'PARLIAMENTARY', year: 2004 } });
    expect(kazakhstan).toHaveLength(1);
    expect(kazakhstan[0]).toMatchObject({ date: '2004-09-19', datePrecision: 'DAY' });
  });
});

describe('counts the sources give as approximate', () => {
  it('"about 1200 observers from 49 countries" (the 2003 Duma) is stored as approximate', async () => {
    const r = await t.gql<{
      elections: { edges: { node: { internationalObserverCount: number; internationalObserverCountApproximate: boolean } }[] };
    }>(
      `{ elections(filter: { area: "Russia", yearFrom: 2003, yearTo: 2003, types: [PARLIAMENTARY] }, first: 5) { edges { node { internationalObserverCount internationalObserverCountApproximate } } } }`,
    );
    expect(r.data!.elections.edges.map((e) => e.node)).toEqual([
      { internationalObserverCount: 1200, internationalObserverCountApproximate: true },
    ]);
  });
});

describe('electionFor: which election a date names', () => {
  const e = (id: string, date: string | null, datePrecision: 'YEAR' | 'MONTH' | 'DAY') => ({ id, date, datePrecision });
  const day = (iso: string) => ({ iso, year: Number(iso.slice(0, 4)), precision: 'DAY' as const });
  const year = (y: number) => ({ iso: String(y), year: y, precision: 'YEAR' as const });

  it('none known: a new election', () => expect(electionFor([], day('2012-05-06'))).toBeNull());
  it('a day within a week of a known day is that election', () =>
    expect(electionFor([e('a', '2012-05-06', 'DAY')], day('2012-05-08'))).toBe('a'));
  it('a day weeks away from the known day is another election', () =>
    expect(electionFor([e('a', '2012-05-06', 'DAY')], day('2012-06-17'))).toBeNull());
  it('a day upgrades the one year-only election', () => expect(electionFor([e('a', null, 'YEAR')], day('2012-06-17'))).toBe('a'));
  it('a year attaches to the one election of its year', () => expect(electionFor([e('a', '2012-05-06', 'DAY')], year(2012))).toBe('a'));
  it('a year is ambiguous between two', () =>
    expect(electionFor([e('a', '2012-05-06', 'DAY'), e('b', '2012-06-17', 'DAY')], year(2012))).toBe('ambiguous'));
});
