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
query PeerDeep($first: Int!, $condition: ElectionCondition) {
  allElections(first: $first, orderBy: [YEAR_DESC, PRIMARY_KEY_ASC], condition: $condition) {
    nodes {
      key year type date areaByAreaId { name }
      electionRoundsByElectionId(orderBy: [ORDINAL_ASC]) { nodes {
        round date
        statementsByRoundId(orderBy: [STATEMENT_DATE_ASC, PRIMARY_KEY_ASC]) { nodes { kind statementDate verdict quote organizationByOrganizationId { name } } }
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
const MAX_PAGE = 100;

export interface ElectionFilterVariables {
  yearFrom: number;
  yearTo: number;
  types: string[];
}

/** One varied request: a filter and a page size. */
export interface VariedRequest {
  filter: ElectionFilterVariables;
  first: number;
}

/** The comparison's varied requests: a year range and a non-empty set of election types (31,248), the page as given. */
function comparisonRequests(first: number): VariedRequest[] {
  const out: VariedRequest[] = [];
  for (let yearFrom = YEARS[0]; yearFrom <= YEARS[1]; yearFrom++) {
    for (let yearTo = yearFrom; yearTo <= YEARS[1]; yearTo++) {
      for (let mask = 1; mask < 1 << TYPES.length; mask++)
        out.push({ filter: { yearFrom, yearTo, types: TYPES.filter((_, i) => mask & (1 << i)) }, first });
    }
  }
  return out;
}

/**
 * The deep query's varied requests, which the peer must be able to send too: PostGraphile's
 * `condition` matches columns by equality, so one year and one type, with page sizes from the
 * given one to 100 (31 × 6 × 81 = 15,066 at the deep query's page of 20).
 */
function deepRequests(first: number): VariedRequest[] {
  const out: VariedRequest[] = [];
  for (let year = YEARS[0]; year <= YEARS[1]; year++) {
    for (const type of TYPES) {
      for (let size = first; size <= Math.max(first, MAX_PAGE); size++)
        out.push({ filter: { yearFrom: year, yearTo: year, types: [type] }, first: size });
    }
  }
  return out;
}

/**
 * Requests no two of which are alike until they run out, in an order fixed by `seed`, so that no
 * cache can answer one from another; `distinct` tells how many there are. Every implementation
 * of a run is sent the same sequence (`body` for ours and the floor, `peerBody` for the peer).
 */
export function variedRequests(query: BenchQuery, first: number, seed = 1): { next: () => VariedRequest; distinct: number } {
  const requests = query === 'comparison' ? comparisonRequests(first) : deepRequests(first);
  // A seeded Fisher–Yates shuffle (mulberry32): the same order on every run.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = requests.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [requests[i], requests[j]] = [requests[j], requests[i]];
  }
  let index = 0;
  return { next: () => requests[index++ % requests.length], distinct: requests.length };
}

/** Our (and the floor's) request body for a varied request. */
export function variedBody(query: BenchQuery, request: VariedRequest): string {
  return JSON.stringify({ query: query === 'comparison' ? COMPARISON_QUERY : DEEP_QUERY, variables: request });
}

/** The peer's request body for a varied deep request: the same year and type as a condition. */
export function peerVariedBody(request: VariedRequest): string {
  const { yearFrom, types } = request.filter;
  return JSON.stringify({ query: PEER_DEEP_QUERY, variables: { first: request.first, condition: { year: yearFrom, type: types[0] } } });
}

/** The bodies of a varied run, for ours and the floor. */
export function variedBodies(query: BenchQuery, first: number, seed = 1): { next: () => string; distinct: number } {
  const requests = variedRequests(query, first, seed);
  return { next: () => variedBody(query, requests.next()), distinct: requests.distinct };
}
