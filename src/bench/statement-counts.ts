/**
 * SQL statements per GraphQL request as the page grows, counted at the driver adapter
 * (src/db/query-counter.ts) on an in-process server: the measure of "no N+1".
 */
import { createDb } from '../db/client.js';
import { QueryLog, countingAdapter } from '../db/query-counter.js';
import { createServer } from '../server/yoga.js';
import { fixedDatabase } from '../http/database-source.js';
import { warmReadModel } from '../read/warm.js';
import { graphqlBody, type BenchQuery } from './queries.js';

export interface StatementCount {
  query: BenchQuery;
  /** The page size asked for. */
  first: number;
  /** Elections the answer holds (the API caps a page at 100). */
  elections: number;
  statements: number;
}

interface PageAnswer {
  data?: { comparison?: { elections: { edges: unknown[] } }; elections?: { edges: unknown[] } };
  errors?: { message: string }[];
}

export async function countStatements(url: string, pages: number[]): Promise<StatementCount[]> {
  const log = new QueryLog();
  const db = createDb({ url, wrap: (factory) => countingAdapter(factory, log) });
  try {
    // Counting SQL at pages up to 1000 asks for more than an anonymous client may: no cost limit here.
    // Counted without the response cache: what a request costs, not what a repeated one does.
    // Built first, as a server does before it listens: the counts are of requests, not of the start.
    const source = fixedDatabase(db);
    await warmReadModel(source.acquire());
    const yoga = createServer(source, { limits: { maxCost: Number.POSITIVE_INFINITY }, responseCache: false });
    const run = async (query: BenchQuery, first: number): Promise<StatementCount> => {
      log.reset();
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: graphqlBody(query, first),
      });
      const answer = (await response.json()) as PageAnswer;
      if (answer.errors?.length) throw new Error(`${query} (first: ${first}): ${answer.errors[0].message}`);
      const edges = query === 'comparison' ? answer.data?.comparison?.elections.edges : answer.data?.elections?.edges;
      return { query, first, elections: edges?.length ?? 0, statements: log.count };
    };
    const counts: StatementCount[] = [];
    for (const query of ['comparison', 'deep'] as const) {
      // Once before counting: the name caches and memoised aggregates are per process, not per request.
      await run(query, pages[0]);
      for (const first of pages) counts.push(await run(query, first));
    }
    return counts;
  } finally {
    await db.$disconnect();
  }
}

/** True when every page size of a query cost the same number of statements. */
export function constantPerQuery(counts: StatementCount[]): Record<BenchQuery, boolean> {
  const constant = (query: BenchQuery) => new Set(counts.filter((c) => c.query === query).map((c) => c.statements)).size <= 1;
  return { comparison: constant('comparison'), deep: constant('deep') };
}
