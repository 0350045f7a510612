/** Abuse: document limits (GraphQL Armor), the body limit, the write rate limit and error masking, through the HTTP app. */
import fs from 'node:fs';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { createApp } from '../src/server/app.js';
import { LIMITS, newStats } from '../src/server/hardening.js';
import { createToken } from '../src/curation/tokens.js';
import { createDb } from '../src/db/client.js';
import { migrate } from '../src/db/setup.js';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const stats = newStats();
let editor = '';
let other = '';

beforeAll(async () => {
  t = await createTestDatabase();
  app = createApp(t.db, { stats, limits: { writeBurst: 3, writesPerMinute: 6 } });
  editor = (await createToken(t.db, 'burst-test', 'EDITOR')).secret;
  other = (await createToken(t.db, 'other-test', 'EDITOR')).secret;
});
afterAll(async () => t?.close());

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(payload: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
}

const ask = (query: string, variables?: Record<string, unknown>, token?: string) =>
  post({ query, variables }, token ? { authorization: `Bearer ${token}` } : {});

/** Nothing a client sees may show how the server is built. */
function expectNothingInternal(text: string) {
  expect(text).not.toMatch(/\bat .+:\d+:\d+|\.ts\b|node_modules|\/work\/|SELECT |INSERT |FROM "|prisma|sqlite|stack/i);
}

describe('document limits', () => {
  it("the dashboard-sized queries and GraphiQL's introspection pass", async () => {
    const readme = `{ comparison(filter: { area: "Ukraine", yearFrom: 2012, yearTo: 2012 }) {
      summary { subjectCoverage byBody { organization { name } pairedRounds agreementRate meanGap weightedKappa } }
      elections(first: 100) { totalCount edges { node { election { title date }
        rounds { round subjectVerdict others { organization { name } verdict gap agrees status } }
        missing { kind organization { name } } } } } } }`;
    expect((await ask(readme)).body.errors).toBeUndefined();
    const introspection = await ask(
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }),
    );
    expect(introspection.body.errors).toBeUndefined();
  });

  const nest = (n: number) => `{ organization(name: "ODIHR") { ${'parent { '.repeat(n)}name${' }'.repeat(n)} } }`;
  const cases: [string, string, RegExp][] = [
    ['depth', nest(LIMITS.maxDepth), /depth/i],
    [
      'cost',
      `{ organizations(first: 100) { edges { node { statements(first: 100) { edges { node { quote codings { verdict coder codedBy } claims { excerpt source { title } } } } } } } } }`,
      /cost/i,
    ],
    [
      'aliases',
      `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: codeVerdict(quote: "free") { verdict }`).join(' ')} }`,
      /alias/i,
    ],
    [
      'directives',
      `{ organization(name: "ODIHR") { ${Array.from({ length: LIMITS.maxDirectives + 1 }, () => 'name @include(if: true)').join(' ')} } }`,
      /directive/i,
    ],
    ['tokens', `{ organization(name: "ODIHR") { ${'name '.repeat(LIMITS.maxTokens)} } }`, /token/i],
  ];
  for (const [limit, query, message] of cases) {
    it(`refuses a document over the ${limit} limit before executing it`, async () => {
      const before = stats.rejectedDocuments;
      const r = await ask(query);
      // The token limit refuses while parsing: a parse error, 200 for application/json as GraphQL over HTTP has it.
      expect(r.status).toBe(limit === 'tokens' ? 200 : 400);
      expect(r.body.data ?? null).toBeNull();
      expect(r.body.errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'QUERY_TOO_COMPLEX' } });
      expect(stats.rejectedDocuments).toBe(before + 1);
    });
  }

  it('one level under the depth limit passes', async () => {
    expect((await ask(nest(LIMITS.maxDepth - 2))).body.errors).toBeUndefined();
  });

  it('gives no field suggestions', async () => {
    const r = await ask('{ organisation(name: "ODIHR") { name } }');
    expect(r.body.errors![0].message).not.toMatch(/did you mean/i);
  });
});

describe('request body limit', () => {
  const big = { query: `{ codeVerdict(quote: "${'free and fair '.repeat(8_000)}") { verdict } }` };

  it('refuses a body over the limit with 413, by its declared length', async () => {
    const before = stats.oversizedBodies;
    const r = await post(big);
    expect(r.status).toBe(413);
    expect(r.body.errors![0].extensions!.code).toBe('PAYLOAD_TOO_LARGE');
    expect(stats.oversizedBodies).toBe(before + 1);
  });

  it('and a streamed body without a length as soon as it passes the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(10_000));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 10 * LIMITS.maxBodyBytes) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(2 * LIMITS.maxBodyBytes);
  });

  it('a body under the limit is served', async () => {
    expect((await post({ query: `{ codeVerdict(quote: "${'free and fair '.repeat(1_000)}") { verdict } }` })).status).toBe(200);
  });
});

describe('write rate limit', () => {
  const write = `mutation { judgeRecords(left: "T3JnYW5pemF0aW9uOmE=", right: "T3JnYW5pemF0aW9uOmI=", judgement: UNSURE) { judgement } }`;

  it('refuses writes over the burst with 429 and Retry-After; reads and other clients go on', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await ask(write, undefined, editor)).body.errors![0].extensions!.code);
    expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED']);
    const limited = await ask(write, undefined, editor);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await ask('{ organizations(first: 1) { totalCount } }', undefined, editor)).body.errors).toBeUndefined();
    expect((await ask(write, undefined, other)).body.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(stats.rateLimited).toBeGreaterThanOrEqual(2);
  });

  it("requests without a valid token share their address's bucket (guessing tokens is limited too)", async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await ask(write, undefined, `olt_${'Z'.repeat(43)}`)).body.errors![0].extensions!.code);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
  });
});

describe('error masking', () => {
  it('an unexpected failure reaches the client as "Unexpected error." and nothing more', async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { entityType: 'Area' }, orderBy: { id: 'asc' } });
    await t.db.claim.update({ where: { id: claim.id }, data: { value: '{broken json' } });
    try {
      const r = await ask(`query ($id: ID!) { node(id: $id) { ... on Area { claims { value } } } }`, {
        id: Buffer.from(`Area:${claim.entityId}`).toString('base64'),
      });
      expect(r.status).toBe(200);
      expect(r.body.errors![0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expectNothingInternal(r.text);
    } finally {
      await t.db.claim.update({ where: { id: claim.id }, data: { value: claim.value } });
    }
  });

  it('a broken database says so, without its SQL', async () => {
    const url = `file:${path.join(t.dir, 'broken.db')}`;
    await migrate(url);
    const db = createDb({ url });
    try {
      await db.$executeRawUnsafe('DROP TABLE "Statement"');
      const broken = createApp(db);
      const response = await broken.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ statements(first: 1) { totalCount } }' }),
      });
      const text = await response.text();
      expect(JSON.parse(text).errors[0]).toMatchObject({
        message: 'The database is unavailable; try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      expectNothingInternal(text);
    } finally {
      await db.$disconnect();
      fs.rmSync(path.join(t.dir, 'broken.db'), { force: true });
    }
  });

  it('an ID of no record is null, in node and in nodes', async () => {
    const nothing = Buffer.from('Statement:stmt_nothing').toString('base64');
    const odihr = ((await ask('{ organization(name: "ODIHR") { id } }')).body.data!.organization as { id: string }).id;
    const r = await ask('query ($a: ID!, $b: ID!) { node(id: $a) { id } nodes(ids: [$a, $b, $a]) { id } }', { a: nothing, b: odihr });
    expect(r.body).toEqual({ data: { node: null, nodes: [null, { id: odihr }, null] } });
  });

  it("malformed IDs and cursors are the client's errors", async () => {
    for (const [query, variables] of [
      ['query ($id: ID!) { node(id: $id) { id } }', { id: '%%%' }],
      ['query ($a: String) { organizations(first: 2, after: $a) { totalCount } }', { a: 'not-a-cursor' }],
      ['{ organizations(first: -1) { totalCount } }', {}],
    ] as const) {
      const r = await ask(query, variables);
      expect(r.body.errors![0].extensions!.code, query).toBe('BAD_USER_INPUT');
      expectNothingInternal(r.text);
    }
  });
});
