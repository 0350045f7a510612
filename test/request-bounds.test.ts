/**
 * What one anonymous request can cost the server, through the HTTP app in-process: the cost of a
 * document with its variables, `nodes` with many or repeated ids, the time and answer size of one
 * execution, writes counted per mutation field, and the wording of refusals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, print, separateOperations, validate } from 'graphql';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/db/config.js';
import { schema } from '../src/schema/index.js';
import { COMPARISON_CSV_QUERY } from '../src/exports/comparison-csv.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { createApp } from '../src/server/app.js';
import { LIMITS, newStats } from '../src/server/hardening.js';
import { createToken } from '../src/curation/tokens.js';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const stats = newStats();
let editor = '';

beforeAll(async () => {
  t = await createTestDatabase();
  // Without the response cache, whose key reads the data version (one statement) before any document is checked.
  app = createApp(t.db, { stats, limits: { writeBurst: 3, writesPerMinute: 6 }, responseCache: false });
  editor = (await createToken(t.db, 'bounds-test', 'EDITOR')).secret;
});
afterAll(async () => t?.close());

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function ask(on: typeof app, query: string, variables?: Record<string, unknown>, token?: string): Promise<Answer> {
  const response = await on.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
}

const idOf = async (name: string) =>
  ((await ask(app, `{ organization(name: "${name}") { id } }`)).body.data!.organization as { id: string }).id;

/** The measured attack: one id repeated, each expanding statements two levels deep with a page size passed as a variable. */
const deepStatements = (ids: string[]) => `query ($n: Int) { nodes(ids: ${JSON.stringify(ids)}) { ... on Organization {
  statements(first: $n) { edges { node { quote organization { statements(first: $n) { edges { node { quote } } } } } } } } } }`;

describe('the cost of a request counts its variables', () => {
  it('refuses a page size given as a variable as it refuses the same literal, before executing', async () => {
    const odihr = await idOf('ODIHR');
    const before = stats.rejectedDocuments;
    t.log.reset();
    const r = await ask(app, deepStatements(Array(100).fill(odihr)), { n: 100 });
    expect(r.status).toBe(400);
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: LIMITS.maxCost });
    expect(r.body.errors![0].message).toMatch(/^Request refused: its cost is [\d,]+, over the limit of 25,000/);
    expect(r.body.errors![0].message).not.toMatch(/syntax/i);
    expect(stats.rejectedDocuments).toBe(before + 1);
    expect(t.log.count).toBe(0); // nothing ran
    const literal = await ask(app, deepStatements([odihr]).replace('query ($n: Int) ', '').replaceAll('$n', '100'));
    expect(literal.body.errors![0].extensions!.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers the same document with small pages', async () => {
    const odihr = await idOf('ODIHR');
    const r = await ask(app, deepStatements([odihr, odihr]), { n: 2 });
    expect(r.body.errors).toBeUndefined();
    const [first, second] = r.body.data!.nodes as { statements: { edges: unknown[] } }[];
    expect(first.statements.edges).toHaveLength(2);
    expect(second).toEqual(first);
  });
});

describe("the app's own operations stay under the cost limit at their default pages", () => {
  const costOf = (document: string, variables: Record<string, unknown>) => {
    let cost = -1;
    const errors = validate(schema, parse(document), [
      createComplexityRule({ context: {}, variableValues: variables, onResult: (r) => (cost = r.complexity) }),
    ]);
    expect(errors).toEqual([]);
    return cost;
  };
  const flags = { withSummary: true, withBody: true, id: 'RWxlY3Rpb246eA==', query: 'transparent' };

  it("the dashboard's operations and the CSV export's", () => {
    const operations = separateOperations(parse(fs.readFileSync(path.join(projectRoot, 'src/dashboard/operations.graphql'), 'utf8')));
    const costs = Object.fromEntries(Object.entries(operations).map(([name, op]) => [name, costOf(print(op), flags)]));
    costs.ComparisonCsv = costOf(COMPARISON_CSV_QUERY, flags);
    for (const [name, cost] of Object.entries(costs)) expect(cost, name).toBeLessThanOrEqual(LIMITS.maxCost);
    // The largest is near the limit: a limit far above what the app needs would bound nothing.
    expect(Math.max(...Object.values(costs))).toBeGreaterThan(LIMITS.maxCost / 2);
  });
});

describe('nodes(ids:)', () => {
  it('takes at most 100 ids, and says so', async () => {
    const odihr = await idOf('ODIHR');
    const r = await ask(app, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(101).fill(odihr) });
    expect(r.body.errors![0]).toMatchObject({
      message: 'nodes takes at most 100 ids; 101 were given',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('loads a repeated id once and answers it at every position', async () => {
    const [odihr, cisEmo] = [await idOf('ODIHR'), await idOf('CIS-EMO')];
    const query = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Organization { name } } }';
    t.log.reset();
    const once = await ask(app, query, { ids: [odihr, cisEmo] });
    const sqlForTwo = t.log.count;
    t.log.reset();
    const repeated = await ask(app, query, { ids: [odihr, cisEmo, ...Array(60).fill(odihr), cisEmo] });
    expect(t.log.count).toBe(sqlForTwo);
    const nodes = repeated.body.data!.nodes as { id: string }[];
    expect(nodes).toHaveLength(63);
    expect(nodes.slice(0, 2)).toEqual(once.body.data!.nodes);
    expect(nodes.slice(2, 62).every((n) => n.id === odihr)).toBe(true);
    expect(nodes[62].id).toBe(cisEmo);
  });
});

describe('time and size of one execution', () => {
  const comparison = `{ comparison(scope: ALL) { summary { pooled { weightedKappa } } elections(first: 100) { edges { node {
    election { title } rounds { others { organization { name aliases } statements { quote } } } } } } } }`;

  it('stops a request that runs over its time, answers 503 with Retry-After, and keeps serving', async () => {
    const slow = createApp(t.db, { limits: { maxExecutionMs: 1 } });
    const r = await ask(slow, comparison);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('1');
    expect(r.body.errors![0]).toMatchObject({ extensions: { code: 'REQUEST_TIMEOUT' } });
    expect(r.body.errors![0].message).toMatch(/more than 0.001 s/);
    expect((await ask(app, comparison)).body.errors).toBeUndefined();
  });

  it('refuses an answer over the response limit instead of sending it', async () => {
    const small = createApp(t.db, { limits: { maxResponseBytes: 2_000 } });
    const r = await ask(small, '{ organizations(first: 100) { edges { node { name aliases } } } }');
    expect(r.status).toBe(400);
    expect(r.text.length).toBeLessThan(1_000);
    expect(r.body.errors![0]).toMatchObject({ extensions: { code: 'RESPONSE_TOO_LARGE', maxResponseBytes: 2_000 } });
    expect((await ask(small, '{ organizations(first: 2) { edges { node { name } } } }')).body.errors).toBeUndefined();
  });
});

describe('writes are counted per mutation field', () => {
  it('refuses a request whose aliased mutations exceed what the client has left, applying none of them', async () => {
    const [odihr, cisEmo] = [await idOf('ODIHR'), await idOf('CIS-EMO')];
    const judge = (alias: string) =>
      `${alias}: judgeRecords(left: "${odihr}", right: "${cisEmo}", judgement: UNSURE, note: "${alias}") { judgement }`;
    const entries = () => t.db.auditEntry.count({ where: { action: 'JUDGE_UNSURE' } });
    const before = await entries();
    const four = await ask(app, `mutation { ${['a', 'b', 'c', 'd'].map(judge).join(' ')} }`, undefined, editor);
    expect(four.status).toBe(429);
    expect(four.body.errors![0].message).toMatch(/this request has 4/);
    expect(await entries()).toBe(before);
    // Fragments count too: three fields through a fragment use up the burst of 3.
    const three = await ask(app, `mutation { ...J } fragment J on Mutation { ${['a', 'b', 'c'].map(judge).join(' ')} }`, undefined, editor);
    expect(three.body.errors).toBeUndefined();
    expect(await entries()).toBe(before + 3);
    const next = await ask(app, `mutation { ${judge('e')} }`, undefined, editor);
    expect(next.status).toBe(429);
  });
});

describe('refusals say what refused them', () => {
  it('the token limit is named as a limit, not as a syntax error', async () => {
    const r = await ask(app, `{ organization(name: "ODIHR") { ${'name '.repeat(LIMITS.maxTokens)} } }`);
    expect(r.body.errors![0].message).toMatch(/^Document refused by a limit: Token limit of 2000 exceeded/);
    expect(r.body.errors![0].extensions!.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('names', () => {
  it('nameContains takes % and _ as themselves, not as wildcards', async () => {
    const count = async (text: string) =>
      (
        (await ask(app, 'query ($t: String) { organizations(nameContains: $t) { totalCount } }', { t: text })).body.data!.organizations as {
          totalCount: number;
        }
      ).totalCount;
    expect(await count('%')).toBe(0);
    expect(await count('_')).toBe(0);
    expect(await count('O%CE')).toBe(0);
    expect(await count('O_CE')).toBe(0);
    expect(await count('osce')).toBeGreaterThan(0);
    // Compared as the reconciler compares names: case, diacritics and punctuation do not matter.
    expect(await count('OSCE/ODIHR')).toBe(await count('osce odihr'));
  });

  it('the global ID of an API token tells nothing about whether the token exists', async () => {
    const token = await t.db.apiToken.findFirstOrThrow();
    const id = (key: string) => Buffer.from(`ApiToken:${key}`).toString('base64');
    const query = 'query ($a: ID!) { node(id: $a) { id } nodes(ids: [$a]) { id } }';
    const real = await ask(app, query, { a: id(token.id) });
    const none = await ask(app, query, { a: id('no-such-token') });
    const byName = await ask(app, query, { a: id(token.name) });
    expect(real.body).toEqual({ data: { node: null, nodes: [null] } });
    expect(none.body).toEqual(real.body);
    expect(byName.body).toEqual(real.body);
  });
});
