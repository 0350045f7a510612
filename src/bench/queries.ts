/**
 * The operations the benchmark sends. The comparison is the dashboard's main query
 * (src/dashboard/operations.graphql, DashboardComparison: a page of elections with every
 * body's verdict and statements, plus the aggregates) without the fields a single SQL
 * statement cannot reasonably produce (Relay ids, titles, aliases); the deep query walks
 * elections → rounds → statements (with quotes) → organization, the shape the peer answers.
 */

export const COMPARISON_QUERY = /* GraphQL */ `
query BenchComparison($first: Int!, $filter: ElectionFilter) {
  comparison(filter: $filter) {
    subject { name }
    summary {
      elections subjectObservedElections subjectAssessedElections subjectCoverage
      pooled { ...Figures }
      byBody { organization { name } ...Figures }
    }
    elections(first: $first) {
      totalCount
      edges { node {
        election { key year type date area { name } }
        subjectObserved
        rounds {
          round subjectVerdict subjectScore
          subjectStatements { kind statementDate verdict }
          others { organization { name } verdict score gap agrees status statements { kind statementDate verdict } }
        }
        missing { kind round organization { name } }
      } }
    }
  }
}
fragment Figures on AgreementFigures {
  pairedRounds subjectAssessedRounds coverage agreements agreementRate withinOneRate meanGap meanAbsoluteGap weightedKappa didNotObserve
}`;

export const DEEP_QUERY = /* GraphQL */ `
query BenchDeep($first: Int!, $filter: ElectionFilter) {
  elections(first: $first, filter: $filter) {
    edges { node {
      key year type date area { name }
      rounds { round date statements { kind statementDate verdict quote organization { name } } }
    } }
  }
}`;

/** The deep query as PostGraphile names things (tables and foreign keys), in the same order. */
export const PEER_DEEP_QUERY = /* GraphQL */ `
query PeerDeep($first: Int!) {
  allElections(first: $first, orderBy: [YEAR_DESC, ID_ASC]) {
    nodes {
      key year type date areaByAreaId { name }
      electionRoundsByElectionId(orderBy: [ORDINAL_ASC]) { nodes {
        round date
        statementsByRoundId(orderBy: [STATEMENT_DATE_ASC, ID_ASC]) { nodes { kind statementDate verdict quote organizationByOrganizationId { name } } }
      } }
    }
  }
}`;

export type BenchQuery = 'comparison' | 'deep';

export function graphqlBody(query: BenchQuery, first: number): string {
  return JSON.stringify({ query: query === 'comparison' ? COMPARISON_QUERY : DEEP_QUERY, variables: { first } });
}

export function peerBody(first: number): string {
  return JSON.stringify({ query: PEER_DEEP_QUERY, variables: { first } });
}

/** Election types as the filter names them: the subsets a varied request picks from. */
const TYPES = ['PRESIDENTIAL', 'PARLIAMENTARY', 'REFERENDUM', 'MAYORAL', 'MUNICIPAL', 'REGIONAL'] as const;
const YEARS = [1995, 2025] as const;

/** Every filter a varied request may send: a year range and a non-empty set of election types (31,248 of them). */
function variedFilters(): { yearFrom: number; yearTo: number; types: string[] }[] {
  const out: { yearFrom: number; yearTo: number; types: string[] }[] = [];
  for (let yearFrom = YEARS[0]; yearFrom <= YEARS[1]; yearFrom++) {
    for (let yearTo = yearFrom; yearTo <= YEARS[1]; yearTo++) {
      for (let mask = 1; mask < 1 << TYPES.length; mask++) out.push({ yearFrom, yearTo, types: TYPES.filter((_, i) => mask & (1 << i)) });
    }
  }
  return out;
}

/**
 * Request bodies no two of which are alike until the filters run out: the same query with a
 * different filter each time, in an order fixed by `seed`, so that no cache can answer one
 * request from another. `distinct` tells how many there are.
 */
export function variedBodies(query: BenchQuery, first: number, seed = 1): { next: () => string; distinct: number } {
  const filters = variedFilters();
  // A seeded Fisher–Yates shuffle (mulberry32): the same order on every run.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = filters.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [filters[i], filters[j]] = [filters[j], filters[i]];
  }
  let index = 0;
  const text = query === 'comparison' ? COMPARISON_QUERY : DEEP_QUERY;
  return {
    next: () => JSON.stringify({ query: text, variables: { first, filter: filters[index++ % filters.length] } }),
    distinct: filters.length,
  };
}
