/**
 * npm run coverage [-- --subject CIS-EMO] [--markdown]
 *
 * How much of the subject's record the evidence covers: of the elections the subject observed,
 * those with a verdict of the subject on record, those with another body's verdict (or a
 * sourced record that it did not observe), and those where the two pair on a round; then per
 * other body. Read through the public GraphQL API (Query.comparison, scope SUBJECT).
 */
import { parseArgs } from 'node:util';
import { databaseUrl } from '../src/db/config.js';
import { prepareDatabase } from '../src/ingest/bootstrap.js';
import { createServer } from '../src/server/yoga.js';

const QUERY = /* GraphQL */ `
  query Coverage($subject: String, $after: String) {
    comparison(subject: $subject, scope: SUBJECT) {
      subject { name }
      elections(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node {
          election { title }
          rounds { subjectVerdict others { organization { name } verdict status } }
        } }
      }
    }
  }
`;

interface Node {
  election: { title: string };
  rounds: { subjectVerdict: string | null; others: { organization: { name: string }; verdict: string | null; status: string }[] }[];
}
interface Page {
  data?: {
    comparison: {
      subject: { name: string };
      elections: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Node }[] };
    };
  };
  errors?: { message: string }[];
}

const ORDINAL = new Set(['ENDORSED', 'LARGELY_POSITIVE', 'MIXED', 'CRITICAL', 'CONDEMNED']);

async function main() {
  const { values } = parseArgs({ options: { subject: { type: 'string', default: 'CIS-EMO' } } });
  const { db } = await prepareDatabase(databaseUrl());
  try {
    const yoga = createServer(db);
    const nodes: Node[] = [];
    let subjectName = values.subject!;
    let after: string | null = null;
    for (;;) {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { subject: values.subject, after } }),
      });
      const page = (await response.json()) as Page;
      if (!page.data) throw new Error(page.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
      subjectName = page.data.comparison.subject.name;
      nodes.push(...page.data.comparison.elections.edges.map((e) => e.node));
      const { hasNextPage, endCursor } = page.data.comparison.elections.pageInfo;
      if (!hasNextPage || !endCursor) break;
      after = endCursor;
    }
    const assessed = (n: Node) => n.rounds.some((r) => r.subjectVerdict !== null && ORDINAL.has(r.subjectVerdict));
    const otherSpoke = (n: Node, body?: string) =>
      n.rounds.some((r) =>
        r.others.some((o) => (!body || o.organization.name === body) && (o.verdict !== null || o.status === 'OTHER_DID_NOT_OBSERVE')),
      );
    const otherAssessed = (n: Node, body?: string) =>
      n.rounds.some((r) => r.others.some((o) => (!body || o.organization.name === body) && o.verdict !== null && ORDINAL.has(o.verdict)));
    const paired = (n: Node, body?: string) =>
      n.rounds.some(
        (r) =>
          r.subjectVerdict !== null &&
          ORDINAL.has(r.subjectVerdict) &&
          r.others.some((o) => (!body || o.organization.name === body) && o.status === 'BOTH_ASSESSED'),
      );
    const count = (test: (n: Node) => boolean) => nodes.filter(test).length;
    const bodies = [...new Set(nodes.flatMap((n) => n.rounds.flatMap((r) => r.others.map((o) => o.organization.name))))].sort();
    const total = nodes.length;
    console.log(`Elections observed by ${subjectName}: ${total}\n`);
    console.log('| of those elections | count |');
    console.log('|---|---:|');
    console.log(`| with a verdict of ${subjectName} | ${count(assessed)} |`);
    console.log(`| with another body's verdict | ${count((n) => otherAssessed(n))} |`);
    console.log(`| with another body's verdict or a sourced record that it did not observe | ${count((n) => otherSpoke(n))} |`);
    console.log(`| paired (${subjectName} and another body assessed the same round) | ${count((n) => paired(n))} |`);
    console.log('\n| other body | elections it assessed | it did not observe | paired with the subject |');
    console.log('|---|---:|---:|---:|');
    for (const body of bodies) {
      const declined = count((n) =>
        n.rounds.some((r) => r.others.some((o) => o.organization.name === body && o.status === 'OTHER_DID_NOT_OBSERVE')),
      );
      console.log(`| ${body} | ${count((n) => otherAssessed(n, body))} | ${declined} | ${count((n) => paired(n, body))} |`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
