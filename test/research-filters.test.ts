/**
 * The filters researchers asked for: elections both sides assessed, statements by source, and
 * statements in the order a reader wants them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

interface Round {
  others: { organization: { name: string }; status: string }[];
}
interface Report {
  summary: { pooled: { pairedRounds: number } };
  elections: { totalCount: number; edges: { node: { election: { title: string }; rounds: Round[] } }[] };
}

async function comparison(scope: string, filter?: object): Promise<Report> {
  const r = await t.gql<{ comparison: Report }>(
    `query ($scope: ComparisonScope, $f: ElectionFilter) { comparison(scope: $scope, filter: $f) {
      summary { pooled { pairedRounds } }
      elections(first: 100) { totalCount edges { node { election { title } rounds { others { organization { name } status } } } } }
    } }`,
    { scope, f: filter },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.comparison;
}

const paired = (rounds: Round[], body?: string) =>
  rounds.some((r) => r.others.some((o) => o.status === 'BOTH_ASSESSED' && (!body || o.organization.name === body)));

describe('the comparison scope PAIRED ("both assessed")', () => {
  it('keeps exactly the elections with a round both sides assessed, and the same paired rounds', async () => {
    const all = await comparison('ALL');
    const both = await comparison('PAIRED');
    const expected = all.elections.edges.filter((e) => paired(e.node.rounds)).map((e) => e.node.election.title);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.elections.totalCount);
    expect(both.elections.edges.map((e) => e.node.election.title)).toEqual(expected);
    expect(both.summary.pooled.pairedRounds).toBe(all.summary.pooled.pairedRounds);
  });

  it('pairs with the one body the filter names', async () => {
    const body = 'OSCE Office for Democratic Institutions and Human Rights';
    const all = await comparison('ALL');
    const withOdihr = await comparison('PAIRED', { assessedBy: 'ODIHR' });
    const expected = all.elections.edges.filter((e) => paired(e.node.rounds, body)).map((e) => e.node.election.title);
    expect(expected.length).toBeGreaterThan(0);
    expect(withOdihr.elections.edges.map((e) => e.node.election.title)).toEqual(expected);
  });
});

describe('statements by source and in order', () => {
  const list = async (first: number, variables: { f?: object; o?: string } = {}) => {
    const r = await t.gql<{
      statements: {
        totalCount: number;
        edges: { node: { id: string; statementDate: string | null; score: number | null; source: { key: string } } }[];
      };
    }>(
      `query ($f: StatementFilter, $o: StatementOrder) { statements(filter: $f, order: $o, first: ${first}) { totalCount edges { node { id statementDate score source { key } } } } }`,
      variables,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.statements;
  };

  it('keeps the statements of one source', async () => {
    const extra = await list(100, { f: { source: 'dataset/assessments-extra.csv' } });
    const all = await list(100);
    expect(extra.totalCount).toBeGreaterThan(0);
    expect(extra.totalCount).toBeLessThan(all.totalCount);
    expect(extra.edges.every((e) => e.node.source.key === 'dataset/assessments-extra.csv')).toBe(true);
    expect((await list(1, { f: { source: 'no/such/source' } })).totalCount).toBe(0);
  });

  it('sorts by date either way and by verdict either way, every statement once across pages', async () => {
    const sorted = async (order: string) => {
      const ids: string[] = [];
      const rows: { statementDate: string | null; score: number | null }[] = [];
      let after: string | null = null;
      type Page = {
        data?: {
          statements: {
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { id: string; statementDate: string | null; score: number | null } }[];
          };
        };
        errors?: unknown[];
      };
      do {
        const r: Page = await t.gql<NonNullable<Page['data']>>(
          'query ($o: StatementOrder, $a: String) { statements(order: $o, first: 17, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id statementDate score } } } }',
          { o: order, a: after },
        );
        expect(r.errors).toBeUndefined();
        for (const e of r.data!.statements.edges) {
          ids.push(e.node.id);
          rows.push(e.node);
        }
        after = r.data!.statements.pageInfo.hasNextPage ? r.data!.statements.pageInfo.endCursor : null;
      } while (after);
      return { ids, rows };
    };
    const total = (await list(1)).totalCount;
    const newest = await sorted('NEWEST_FIRST');
    expect(new Set(newest.ids).size).toBe(total);
    const dates = newest.rows.map((r) => r.statementDate).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse());
    // Undated statements come after the dated ones.
    expect(newest.rows.slice(dates.length).every((r) => r.statementDate === null)).toBe(true);
    const favourable = await sorted('MOST_FAVOURABLE_FIRST');
    expect(new Set(favourable.ids).size).toBe(total);
    const scores = favourable.rows.map((r) => r.score).filter((s): s is number => s !== null);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBe(5);
    const least = await sorted('LEAST_FAVOURABLE_FIRST');
    expect(least.rows[0].score).toBe(1);
  });
});

describe("a person's memberships", () => {
  it('page as a connection, with their count, earliest first', async () => {
    const person = await t.db.person.findFirstOrThrow({
      where: { memberships: { some: {} } },
      orderBy: { memberships: { _count: 'desc' } },
    });
    const stored = await t.db.membership.findMany({ where: { personId: person.id }, orderBy: [{ startDate: 'asc' }, { id: 'asc' }] });
    expect(stored.length).toBeGreaterThan(1);
    const roles: string[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const r: {
        data?: {
          person: {
            memberships: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { role: string } }[] };
          };
        };
      } = await t.gql(
        'query ($n: String!, $a: String) { person(name: $n) { memberships(first: 1, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { role } } } } }',
        { n: person.name, a: after },
      );
      const page = r.data!.person.memberships;
      total = page.totalCount;
      roles.push(...page.edges.map((e) => e.node.role));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBe(stored.length);
    expect(roles).toEqual(stored.map((m) => m.role));
  });
});
