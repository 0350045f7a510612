/**
 * The comparison as CSV: one row per election, round and other body, read through the public
 * GraphQL API (Query.comparison), page by page. An election without statements gets one row
 * with its round left empty; a round nobody else assessed gets one row with the body empty.
 */
import type { RouteContext } from '../http/route.js';
import { toCsv, type CsvValue } from './csv.js';
import type { ComparisonParams } from './comparison-params.js';
import { runOperation } from './graphql-client.js';

export const COMPARISON_CSV_QUERY = /* GraphQL */ `
  query ComparisonCsv($subject: String, $filter: ElectionFilter, $scope: ComparisonScope, $first: Int = 50, $after: String, $body: String! = "", $withBody: Boolean!) {
    focus: organization(name: $body) @include(if: $withBody) { id }
    comparison(subject: $subject, filter: $filter, scope: $scope) {
      subject { name }
      elections(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node {
          election { id title type year date area { name kind parent { name } } }
          rounds {
            round subjectVerdict subjectScore
            subjectStatements { sourceUrl quote speakerName }
            others { organization { id name } verdict score gap agrees status statements { sourceUrl quote speakerName } }
          }
        } }
      }
    }
  }
`;

interface Page {
  focus?: { id: string } | null;
  comparison: {
    subject: { name: string };
    elections: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: ComparisonNode }[];
    };
  };
}

interface StatementCells {
  sourceUrl: string | null;
  quote: string;
  speakerName: string | null;
}

interface ComparisonNode {
  election: {
    id: string;
    title: string;
    type: string;
    year: number;
    date: string | null;
    area: { name: string; kind: string; parent: { name: string } | null };
  };
  rounds: {
    round: string;
    subjectVerdict: string | null;
    subjectScore: number | null;
    subjectStatements: StatementCells[];
    others: {
      organization: { id: string; name: string };
      verdict: string | null;
      score: number | null;
      gap: number | null;
      agrees: boolean | null;
      status: string;
      statements: StatementCells[];
    }[];
  }[];
}

export const COMPARISON_CSV_HEADER = [
  'election_id',
  'election',
  'country',
  'area',
  'election_type',
  'year',
  'date',
  'round',
  'subject',
  'subject_verdict',
  'subject_score',
  'body',
  'body_verdict',
  'body_score',
  'gap',
  'agrees',
  'status',
  'subject_sources',
  'body_sources',
  'subject_quotes',
  'subject_speakers',
  'body_quotes',
  'body_speakers',
];

const urls = (statements: StatementCells[]) => [...new Set(statements.map((s) => s.sourceUrl).filter(Boolean))].join(' ');
/** A side's quotes in one cell, one a line (CSV keeps line breaks inside a quoted field); its speakers likewise. */
const quotes = (statements: StatementCells[]) => statements.map((s) => s.quote).join('\n');
const speakers = (statements: StatementCells[]) => [...new Set(statements.map((s) => s.speakerName).filter(Boolean))].join('\n');
const said = (statements: StatementCells[]) => [quotes(statements), speakers(statements)];

export async function comparisonCsv(context: RouteContext, params: ComparisonParams): Promise<string> {
  const rows: CsvValue[][] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = await runOperation<Page>(context, COMPARISON_CSV_QUERY, {
      subject: params.subject,
      filter: params.filter,
      scope: params.scope,
      after,
      body: params.body ?? '',
      withBody: !!params.body,
    });
    const subject = page.comparison.subject.name;
    const focusId = page.focus?.id ?? null;
    for (const { node } of page.comparison.elections.edges) {
      const e = node.election;
      const country = e.area.kind === 'COUNTRY' || e.area.kind === 'DE_FACTO_STATE' ? e.area.name : (e.area.parent?.name ?? e.area.name);
      const election = [e.id, e.title, country, e.area.name, e.type, e.year, e.date];
      if (!node.rounds.length) rows.push([...election, '', subject, '', '', '', '', '', '', '', '', '', '', '', '', '', '']);
      for (const r of node.rounds) {
        const head = [...election, r.round, subject, r.subjectVerdict, r.subjectScore];
        const others = focusId ? r.others.filter((o) => o.organization.id === focusId) : r.others;
        if (!others.length)
          rows.push([...head, '', '', '', '', '', '', urls(r.subjectStatements), '', ...said(r.subjectStatements), '', '']);
        for (const o of others) {
          rows.push([
            ...head,
            o.organization.name,
            o.verdict,
            o.score,
            o.gap,
            o.agrees,
            o.status,
            urls(r.subjectStatements),
            urls(o.statements),
            ...said(r.subjectStatements),
            ...said(o.statements),
          ]);
        }
      }
    }
    const { hasNextPage, endCursor } = page.comparison.elections.pageInfo;
    if (!hasNextPage || !endCursor) break;
    after = endCursor;
  }
  return toCsv(COMPARISON_CSV_HEADER, rows);
}
