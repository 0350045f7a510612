/**
 * One HTTP policy for every route: CORS, CSRF prevention, a per-client request rate, masked
 * failures on every route (fuzzed), 503 with Retry-After while the database is away, and the
 * GraphQL over HTTP audit against a real server.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { startServer } from './helpers/processes.js';
import { createApp } from '../src/server/app.js';
import { httpPolicyFromEnv } from '../src/http/policy.js';
import { createDb } from '../src/db/client.js';
import { migrate } from '../src/db/setup.js';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await createTestDatabase();
  app = createApp(t.db, { policy: httpPolicyFromEnv({}) });
});
afterAll(async () => t?.close());

const GRAPHQL_GET = '/graphql?query=%7B__typename%7D';
const ROUTES = [
  '/graphql',
  GRAPHQL_GET,
  '/reconcile',
  '/export/comparison.csv',
  '/export/popolo.json',
  '/',
  '/dashboard/app.js',
  '/healthz',
];

describe('CORS: one policy for every route', () => {
  it('by default any origin may read every route, without credentials', async () => {
    for (const route of ROUTES) {
      const preflight = await app.fetch(`http://localhost${route}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://dashboards.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
      expect(preflight.status, route).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin'), route).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers'), route).toMatch(/authorization/);
      expect(preflight.headers.get('access-control-allow-credentials'), route).toBeNull();
      const get = await app.fetch(`http://localhost${route}`, { headers: { origin: 'https://dashboards.example' } });
      expect(get.headers.get('access-control-allow-origin'), route).toBe('*');
      expect(get.headers.get('access-control-allow-credentials'), route).toBeNull();
    }
  });

  it('with CORS_ORIGINS set, only those origins are answered, on every route', async () => {
    const listed = createApp(t.db, { policy: httpPolicyFromEnv({ CORS_ORIGINS: 'https://a.example, https://b.example/' }) });
    for (const route of ROUTES) {
      const ok = await listed.fetch(`http://localhost${route}`, { headers: { origin: 'https://b.example' } });
      expect(ok.headers.get('access-control-allow-origin'), route).toBe('https://b.example');
      expect(ok.headers.get('vary'), route).toMatch(/origin/i);
      const other = await listed.fetch(`http://localhost${route}`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin'), route).toBeNull();
      // No route adds a CORS header of its own beside the policy's.
      const read = await listed.fetch(`http://localhost${route}`, { headers: { origin: 'https://evil.example' } });
      expect(read.headers.get('access-control-allow-origin'), route).toBeNull();
    }
  });
});

describe('CSRF prevention on /graphql', () => {
  const query = JSON.stringify({ query: '{ organizations(first: 1) { totalCount } }' });

  it('refuses bodies a cross-site form could send, unless a script marked them', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': type }, body: query });
      expect(r.status, type).toBe(403);
      expect(await r.text()).toMatch(/CSRF/);
    }
    const marked = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-graphql-yoga-csrf': '1' },
      body: query,
    });
    expect(marked.status).not.toBe(403);
  });

  it('JSON posts and GET reads pass as they are', async () => {
    const post = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: query,
    });
    expect(post.status).toBe(200);
    const get = await app.fetch(`http://localhost${GRAPHQL_GET}`, { headers: { accept: 'application/json' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('per-client request rate', () => {
  it('one client over its rate gets 429 with Retry-After on any route; others, and the health check, go on', async () => {
    const tight = createApp(t.db, { policy: httpPolicyFromEnv({}), limits: { readBurst: 4, readsPerMinute: 60 } });
    const from = (address: string) => ({ req: { socket: { remoteAddress: address } } });
    const statuses = [];
    for (const route of ['/graphql?query=%7B__typename%7D', '/reconcile', '/export/popolo.json', '/', '/reconcile']) {
      statuses.push(
        (await tight.fetch(new Request(`http://localhost${route}`, { headers: { accept: 'application/json' } }), from('192.0.2.1'))).status,
      );
    }
    expect(statuses.slice(0, 4).every((s) => s === 200)).toBe(true);
    expect(statuses[4]).toBe(429);
    const limited = await tight.fetch(new Request('http://localhost/graphql?query=%7B__typename%7D'), from('192.0.2.1'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await tight.fetch(new Request('http://localhost/reconcile'), from('192.0.2.2'))).status).toBe(200);
    expect((await tight.fetch(new Request('http://localhost/healthz'), from('192.0.2.1'))).status).toBe(200);
  });

  it('X-Forwarded-For names the client only behind a trusted proxy', async () => {
    const spoofed = createApp(t.db, { policy: httpPolicyFromEnv({}), limits: { readBurst: 1, readsPerMinute: 1 } });
    const asks = (app: typeof spoofed, forwarded: string) =>
      app.fetch(new Request('http://localhost/reconcile', { headers: { 'x-forwarded-for': forwarded } }), {
        req: { socket: { remoteAddress: '192.0.2.9' } },
      });
    expect((await asks(spoofed, '198.51.100.1')).status).toBe(200);
    expect((await asks(spoofed, '198.51.100.2')).status).toBe(429); // the socket's address counts, not the header
    const proxied = createApp(t.db, { policy: httpPolicyFromEnv({ TRUST_PROXY: '1' }), limits: { readBurst: 1, readsPerMinute: 1 } });
    expect((await asks(proxied, '198.51.100.1')).status).toBe(200);
    expect((await asks(proxied, '198.51.100.2')).status).toBe(200);
    expect((await asks(proxied, '198.51.100.1')).status).toBe(429);
  });
});

/** Nothing a client sees may show how the server is built. */
function internals(text: string): string | null {
  return (
    (/\n\s+at .+:\d+:\d+|\.ts:\d+|node_modules|\/work\/|\/tmp\/|PrismaClient|SQLITE_/i.exec(text) ??
      /\bSELECT |INSERT INTO|FROM "/.exec(text))?.[0] ?? null
  );
}

describe('every route answers malformed requests with a reason, never internals', () => {
  it('fuzzed requests to every route: only 2xx/3xx/4xx, or a masked 5xx', async () => {
    const paths = [
      '/graphql',
      '/reconcile',
      '/reconcile/suggest/entity',
      '/reconcile/preview',
      '/reconcile/flyout/entity',
      '/reconcile/propose_properties',
      '/export/comparison.csv',
      '/export/popolo.json',
      '/',
      '/dashboard/app.js',
      '/dashboard/nothing.js',
      '/healthz',
      '/nothing',
      '/vendor/chart.js',
    ];
    const junk = fc.oneof(
      fc.string(),
      fc.json(),
      fc.constantFrom(
        '{"query": 123}',
        'queries={"q0":{"query":123}}',
        'queries={"q0":{"query":"x","properties":[null]}}',
        '%zz',
        '{"query":"{ __typename }","variables":"x"}',
        'query=%7B',
      ),
    );
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'),
        fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'multipart/form-data; boundary=zz',
          'text/plain',
          'application/graphql',
          '',
        ),
        junk,
        fc.dictionary(
          fc.constantFrom(
            'query',
            'queries',
            'extend',
            'id',
            'prefix',
            'type',
            'callback',
            'country',
            'yearFrom',
            'scope',
            'body',
            'limit',
            'cursor',
          ),
          fc.string({ maxLength: 40 }),
          { maxKeys: 3 },
        ),
        async (route, method, type, body, params) => {
          const url = `http://localhost${route}?${new URLSearchParams(params)}`;
          const init: RequestInit = {
            method,
            headers: { ...(type ? { 'content-type': type } : {}), 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
          };
          if (method !== 'GET' && method !== 'HEAD') init.body = body;
          const response = await app.fetch(url, init);
          const text = await response.text();
          seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
          expect(internals(text), `${method} ${url} (${type}): ${text.slice(0, 300)}`).toBeNull();
          expect(response.status === 500 ? JSON.parse(text).errors[0].message : 'not 500').not.toMatch(/stack|Error:/);
          expect(response.status, `${method} ${url}`).toBeLessThan(500);
        },
      ),
      { numRuns: 400 },
    );
    console.log(`fuzzed routes, answers by status: ${JSON.stringify(Object.fromEntries(seen))}`);
  });
});

describe('while the database is away', () => {
  it('GraphQL and the other routes answer 503 with Retry-After, and say so without SQL', async () => {
    const url = `file:${path.join(t.dir, 'gone.db')}`;
    await migrate(url);
    const db = createDb({ url });
    try {
      await db.$executeRawUnsafe('DROP TABLE "Statement"');
      await db.$executeRawUnsafe('DROP TABLE "Alias"');
      const broken = createApp(db, { policy: httpPolicyFromEnv({}) });
      const graphql = await broken.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ statements(first: 1) { totalCount } }' }),
      });
      expect(graphql.status).toBe(503);
      expect(graphql.headers.get('retry-after')).toBe('5');
      const text = await graphql.text();
      expect(JSON.parse(text).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(internals(text)).toBeNull();
      const reconcile = await broken.fetch(`http://localhost/reconcile?queries=${encodeURIComponent('{"q0":{"query":"ODIHR"}}')}`);
      expect(reconcile.status).toBe(503);
      expect(reconcile.headers.get('retry-after')).toBe('5');
      expect(internals(await reconcile.text())).toBeNull();
    } finally {
      await db.$disconnect();
      fs.rmSync(path.join(t.dir, 'gone.db'), { force: true });
    }
  });
});

describe('GraphQL over HTTP', () => {
  it('a real server passes every audit of graphql-http', async () => {
    const { child, base } = await startServer(t.url);
    try {
      const results = await auditServer({ url: `${base}/graphql` });
      const failed = results
        .filter((r) => r.status === 'error' || r.status === 'warn')
        .map((r) => `${r.status} ${r.name}: ${'reason' in r ? r.reason : ''}`);
      expect(failed).toEqual([]);
      expect(results.length).toBeGreaterThanOrEqual(61);
      console.log(`graphql-http audit: ${results.filter((r) => r.status === 'ok').length} of ${results.length} ok`);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
