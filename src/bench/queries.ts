/**
 * The operations the benchmark sends. The comparison is the dashboard's main query
 * (src/dashboard/operations.graphql, DashboardComparison: a page of elections with every
 * body's verdict and statements, plus the aggregates) without the fields a single SQL
 * statement cannot reasonably produce (Relay ids, titles, aliases); the deep query walks
 * elections → rounds → statements (with quotes) → organization, the shape the peer answers.
 */

export const COMPARISON_QUERY = /* GraphQL */ `
query BenchComparison($first: Int!) {
  comparison {
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
query BenchDeep($first: Int!) {
  elections(first: $first) {
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
