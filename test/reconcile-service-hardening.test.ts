/**
 * /reconcile under abuse: every limit of src/reconcile-service/limits.ts refused with 400 and a
 * message naming it, malformed fields named in 400s, failures masked (500 without internals, 503
 * while the database is away), and the manifest's URLs built from forwarded headers only when
 * TRUST_PROXY says a proxy sets them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/server/app.js';
import { httpPolicyFromEnv } from '../src/http/policy.js';
import { unavailable, type DatabaseSource } from '../src/http/database-source.js';
import {
  MAX_BATCH_QUERIES,
  MAX_BODY_BYTES,
  MAX_CALLBACK_LENGTH,
  MAX_EXTEND_IDS,
  MAX_EXTEND_PROPERTIES,
  MAX_LIMIT,
  MAX_PREFIX_LENGTH,
  MAX_PROPERTIES_PER_QUERY,
  MAX_PROPERTY_VALUES,
  MAX_QUERY_LENGTH,
  MAX_TYPES_PER_QUERY,
} from '../src/reconcile-service/limits.js';
import { PayloadTooLarge } from '../src/reconcile-service/validate.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await createTestDatabase();
  app = createApp(t.db);
});
afterAll(() => t?.close());

const BASE = 'http://observer.test';

function postForm(path: string, fields: Record<string, string>, target = app) {
  return target.fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The status and the `error` message of a refused request. */
async function refusal(response: Response): Promise<{ status: number; error: string }> {
  const text = await response.text();
  let error = '';
  try {
    error = (JSON.parse(text) as { error?: string }).error ?? '';
  } catch {
    error = `(not JSON) ${text.slice(0, 200)}`;
  }
  return { status: response.status, error };
}

const batch = (n: number, q: (i: number) => Record<string, unknown> = (i) => ({ query: `name ${i}` })) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, q(i)])));

describe('limits', () => {
  it('announces the batch limit in the manifest as batchSize', async () => {
    const manifest = await (await app.fetch(`${BASE}/reconcile`)).json();
    expect(manifest.batchSize).toBe(MAX_BATCH_QUERIES);
  });

  it('takes a batch at the limit and refuses one over it, saying so', async () => {
    expect((await postForm('/reconcile', { queries: batch(MAX_BATCH_QUERIES) })).status).toBe(200);
    const over = await refusal(await postForm('/reconcile', { queries: batch(MAX_BATCH_QUERIES + 1) }));
    expect(over.status).toBe(400);
    expect(over.error).toContain(String(MAX_BATCH_QUERIES + 1));
    expect(over.error).toContain(String(MAX_BATCH_QUERIES));
    expect(over.error).toMatch(/batch/);
  });

  it('refuses the measured abuse (1,000 queries in one batch)', async () => {
    const r = await refusal(await postForm('/reconcile', { queries: batch(1000, (i) => ({ query: `alpha beta gamma delta ${i}` })) }));
    expect(r.status).toBe(400);
    expect(r.error).toMatch(/1000 queries.*50/);
  });

  it('refuses a query string over the length limit, in a batch and alone', async () => {
    const long = 'a'.repeat(MAX_QUERY_LENGTH + 1);
    const atLimit = await postForm('/reconcile', { queries: JSON.stringify({ q0: { query: 'b'.repeat(MAX_QUERY_LENGTH) } }) });
    expect(atLimit.status).toBe(200);
    const inBatch = await refusal(await postForm('/reconcile', { queries: JSON.stringify({ q0: { query: long } }) }));
    expect(inBatch).toEqual({
      status: 400,
      error: `q0.query is ${MAX_QUERY_LENGTH + 1} characters long; the limit is ${MAX_QUERY_LENGTH}`,
    });
    const alone = await refusal(await postForm('/reconcile', { query: long }));
    expect(alone.status).toBe(400);
    expect(alone.error).toContain(String(MAX_QUERY_LENGTH));
    // The measured abuse: one 400 kB name (in the query string: a body that large is over the body limit).
    const huge = await refusal(await app.fetch(`${BASE}/reconcile?query=${'word+'.repeat(80_000)}`));
    expect(huge).toEqual({ status: 400, error: `query is 400000 characters long; the limit is ${MAX_QUERY_LENGTH}` });
  });

  it('refuses too many properties, values, types, and a limit over the maximum', async () => {
    const props = (n: number) => Array.from({ length: n }, () => ({ pid: 'country', v: 'Moldova' }));
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { query: 'Kishinev', properties: props(MAX_PROPERTIES_PER_QUERY + 1) },
        new RegExp(`q0.properties has ${MAX_PROPERTIES_PER_QUERY + 1} properties; the limit is ${MAX_PROPERTIES_PER_QUERY}`),
      ],
      [
        { query: 'Kishinev', properties: [{ pid: 'country', v: Array(MAX_PROPERTY_VALUES + 1).fill('Moldova') }] },
        new RegExp(`q0.properties\\[0\\].v has ${MAX_PROPERTY_VALUES + 1} values; the limit is ${MAX_PROPERTY_VALUES}`),
      ],
      [
        { query: 'Kishinev', properties: [{ pid: 'country', v: ['Moldova', 'x'.repeat(MAX_QUERY_LENGTH + 1)] }] },
        /q0.properties\[0\].v\[1\] is 501 characters long/,
      ],
      [
        { query: 'Kishinev', type: Array(MAX_TYPES_PER_QUERY + 1).fill('Area') },
        new RegExp(`q0.type has ${MAX_TYPES_PER_QUERY + 1} types`),
      ],
      [{ query: 'Kishinev', limit: MAX_LIMIT + 1 }, new RegExp(`q0.limit is ${MAX_LIMIT + 1}; the limit is ${MAX_LIMIT}`)],
    ];
    for (const [query, message] of cases) {
      const r = await refusal(await postForm('/reconcile', { queries: JSON.stringify({ q0: query }) }));
      expect(r.status, JSON.stringify(query).slice(0, 100)).toBe(400);
      expect(r.error).toMatch(message);
    }
    const atLimits = { query: 'Kishinev', limit: MAX_LIMIT, type: ['Area'], properties: props(MAX_PROPERTIES_PER_QUERY) };
    expect((await postForm('/reconcile', { queries: JSON.stringify({ q0: atLimits }) })).status).toBe(200);
  });

  it('refuses data extension requests over their limits', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`);
    const many = await refusal(
      await postForm('/reconcile', { extend: JSON.stringify({ ids: ids(MAX_EXTEND_IDS + 1), properties: [{ id: 'country' }] }) }),
    );
    expect(many).toEqual({ status: 400, error: `extend.ids has ${MAX_EXTEND_IDS + 1} ids; the limit is ${MAX_EXTEND_IDS}` });
    const props = Array.from({ length: MAX_EXTEND_PROPERTIES + 1 }, () => ({ id: 'country' }));
    const wide = await refusal(await postForm('/reconcile', { extend: JSON.stringify({ ids: ['x'], properties: props }) }));
    expect(wide.status).toBe(400);
    expect(wide.error).toMatch(
      new RegExp(`extend.properties has ${MAX_EXTEND_PROPERTIES + 1} properties; the limit is ${MAX_EXTEND_PROPERTIES}`),
    );
    expect(
      (await postForm('/reconcile', { extend: JSON.stringify({ ids: ids(MAX_EXTEND_IDS), properties: [{ id: 'country' }] }) })).status,
    ).toBe(200);
  });

  it('refuses a suggest prefix, a callback and a propose_properties limit over their limits', async () => {
    const prefix = 'k'.repeat(MAX_PREFIX_LENGTH + 1);
    for (const kind of ['entity', 'type', 'property']) {
      const r = await refusal(await app.fetch(`${BASE}/reconcile/suggest/${kind}?prefix=${prefix}`));
      expect(r).toEqual({ status: 400, error: `prefix is ${MAX_PREFIX_LENGTH + 1} characters long; the limit is ${MAX_PREFIX_LENGTH}` });
    }
    expect((await app.fetch(`${BASE}/reconcile/suggest/entity?prefix=${'k'.repeat(MAX_PREFIX_LENGTH)}`)).status).toBe(200);
    const callback = await refusal(await app.fetch(`${BASE}/reconcile?callback=${'c'.repeat(MAX_CALLBACK_LENGTH + 1)}`));
    expect(callback.status).toBe(400);
    expect(callback.error).toContain(String(MAX_CALLBACK_LENGTH));
    const propose = await refusal(await app.fetch(`${BASE}/reconcile/propose_properties?type=Area&limit=${MAX_LIMIT + 1}`));
    expect(propose).toEqual({ status: 400, error: `limit is ${MAX_LIMIT + 1}; the limit is ${MAX_LIMIT}` });
  });

  it('reads a POST body no further than the body limit', async () => {
    const { readForm } = await import('../src/reconcile-service/body.js');
    const big = `queries=${'a'.repeat(MAX_BODY_BYTES)}`;
    const response = await app.fetch(`${BASE}/reconcile`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big,
    });
    expect(response.status).toBe(413);
    // The route's own reader, whatever bounds the app puts in front of it.
    const request = new Request(`${BASE}/reconcile`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big,
    });
    await expect(readForm(request, new URL(request.url))).rejects.toBeInstanceOf(PayloadTooLarge);
    const chunked = new Request(`${BASE}/reconcile`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new ReadableStream({ pull: (c) => c.enqueue(new TextEncoder().encode('a'.repeat(64_000))) }),
      duplex: 'half',
    } as RequestInit);
    await expect(readForm(chunked, new URL(chunked.url))).rejects.toBeInstanceOf(PayloadTooLarge);
  });
});

describe('malformed requests', () => {
  const malformed: [string, Record<string, string>, RegExp][] = [
    ['query not a string', { queries: '{"q0":{"query":123}}' }, /^q0\.query must be a string, not a number$/],
    ['a null property', { queries: '{"q0":{"query":"x","properties":[null]}}' }, /^q0\.properties\[0\] must be an object/],
    [
      'v an object without id',
      { queries: '{"q3":{"query":"x","properties":[{"pid":"country","v":"Moldova"},{"pid":"country","v":{"name":{}}}]}}' },
      /^q3\.properties\[1\]\.v must be a string, number, boolean or \{"id": …\}, or a list of them$/,
    ],
    [
      'v a nested list',
      { queries: '{"q0":{"query":"x","properties":[{"pid":"country","v":[["Moldova"]]}]}}' },
      /^q0\.properties\[0\]\.v must be/,
    ],
    ['v null', { queries: '{"q0":{"query":"x","properties":[{"pid":"country","v":null}]}}' }, /^q0\.properties\[0\]\.v must be/],
    ['v missing', { queries: '{"q0":{"query":"x","properties":[{"pid":"country"}]}}' }, /^q0\.properties\[0\]\.v is missing$/],
    [
      'pid not a string',
      { queries: '{"q0":{"query":"x","properties":[{"pid":7,"v":"x"}]}}' },
      /^q0\.properties\[0\]\.pid must be a string/,
    ],
    ['properties not a list', { queries: '{"q0":{"query":"x","properties":{"pid":"country"}}}' }, /^q0\.properties must be a list/],
    ['type a number', { queries: '{"q0":{"query":"x","type":5}}' }, /^q0\.type must be a type id or a list of them/],
    ['type a list of numbers', { queries: '{"q0":{"query":"x","type":[5]}}' }, /^q0\.type\[0\] must be a string/],
    ['limit a string', { queries: '{"q0":{"query":"x","limit":"3"}}' }, /^q0\.limit must be a non-negative number$/],
    ['limit negative', { queries: '{"q0":{"query":"x","limit":-1}}' }, /^q0\.limit must be a non-negative number$/],
    ['type_strict unknown', { queries: '{"q0":{"query":"x","type_strict":"maybe"}}' }, /^q0\.type_strict must be one of any, should, all$/],
    ['a query that is a list', { queries: '{"q0":["x"]}' }, /^q0 must be an object, not a list$/],
    ['queries a list', { queries: '[{"query":"x"}]' }, /^queries must be an object of named queries, not a list$/],
    ['queries null', { queries: 'null' }, /^queries must be an object/],
    ['queries a string', { queries: '"Moldova"' }, /^queries must be an object/],
    ['single query object with a number', { query: '{"query":123}' }, /^query\.query must be a string/],
    [
      'extend with numeric ids',
      { extend: '{"ids":[1,2],"properties":[{"id":"country"}]}' },
      /^extend\.ids\[0\] must be a string, not a number$/,
    ],
    ['extend not an object', { extend: '[1]' }, /^extend must be an object/],
    ['extend with a null property', { extend: '{"ids":["x"],"properties":[null]}' }, /^extend\.properties\[0\] must be an object/],
    [
      'extend with a bad setting',
      { extend: '{"ids":["x"],"properties":[{"id":"aliases","settings":{"limit":"many"}}]}' },
      /^extend\.properties\[0\]\.settings\.limit must be a whole number/,
    ],
    ['extend without ids', { extend: '{"properties":[]}' }, /^extend needs "ids" and "properties" lists$/],
  ];
  for (const [what, fields, message] of malformed) {
    it(`names the field: ${what}`, async () => {
      const r = await refusal(await postForm('/reconcile', fields));
      expect(r.status).toBe(400);
      expect(r.error).toMatch(message);
    });
  }

  it('takes every value shape the specification allows', async () => {
    const q = {
      query: 'Kishinev',
      type: ['Area'],
      type_strict: 'any',
      limit: 2.5,
      properties: [
        { pid: 'country', v: 'Moldova' },
        { pid: 'country', v: ['Moldova', ''] },
        { pid: 'iso_code', v: { id: 'x', name: 'MD-CU' } },
        { pid: 'birth_year', v: 1950 },
        { pid: 'role', v: true },
        { pid: 'unknown', v: [] },
      ],
    };
    const response = await postForm('/reconcile', { queries: JSON.stringify({ q0: q }) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.q0.result[0]).toMatchObject({ name: 'Chisinau', match: true });
    expect(body.q0.result.length).toBeLessThanOrEqual(2);
  });

  it('refuses bodies it cannot read, with 400 and no internals', async () => {
    const requests: [string, RequestInit][] = [
      ['multipart without a boundary', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'queries={}' }],
      [
        'multipart with a wrong boundary',
        { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: '--xyz\r\nnonsense' },
      ],
      [
        'a form body that is not UTF-8',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new Uint8Array([0x71, 0x75, 0x65, 0x72, 0x79, 0x3d, 0xff, 0xfe, 0xc3]),
        },
      ],
      ['a JSON body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2,3]' }],
      ['a JSON object body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"queries":{}}' }],
      ['a body of no declared type', { method: 'POST', body: new Uint8Array([1, 2, 3]) }],
    ];
    for (const [what, init] of requests) {
      const r = await refusal(await app.fetch(`${BASE}/reconcile`, init));
      expect(r.status, what).toBe(400);
      expect(r.error, what).not.toMatch(/ at |\/work\/|node_modules|\.ts:/);
      expect(r.error.length, what).toBeGreaterThan(0);
    }
    // A well-formed multipart body is read as a form.
    const form = new FormData();
    form.set('queries', JSON.stringify({ q0: { query: 'Kishinev', type: 'Area' } }));
    const multipart = await app.fetch(`${BASE}/reconcile`, { method: 'POST', body: form });
    expect(multipart.status).toBe(200);
    expect((await multipart.json()).q0.result[0].name).toBe('Chisinau');
  });

  it('refuses bad numbers and callbacks in parameters', async () => {
    for (const path of [
      '/reconcile/suggest/entity?prefix=a&cursor=-1',
      '/reconcile/suggest/entity?prefix=a&cursor=ten',
      '/reconcile/propose_properties?type=Area&limit=1e3',
      '/reconcile?callback=alert(1)',
      '/reconcile?callback=a;b',
    ]) {
      const r = await refusal(await app.fetch(`${BASE}${path}`));
      expect(r.status, path).toBe(400);
      expect(r.error, path).toMatch(/^(cursor|limit|callback) /);
    }
  });
});

describe('failures inside the service', () => {
  /** An app over a source whose every use fails with `error`. */
  function failingApp(error: () => Error): ReturnType<typeof createApp> {
    const source: DatabaseSource = {
      acquire: () => {
        throw error();
      },
    };
    return createApp(source);
  }

  afterEach(() => vi.restoreAllMocks());

  it('answers an unexpected error with a plain 500, and logs the original', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app500 = failingApp(
      () => new TypeError('Cannot read properties of undefined at /work/main/src/reconcile-service/catalog.ts:12:3 SELECT * FROM "Area"'),
    );
    const response = await postForm('/reconcile', { queries: batch(2) }, app500);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal error' });
    expect(log).toHaveBeenCalled();
    expect(String(log.mock.calls.flat().map((x) => (x instanceof Error ? x.message : x)))).toContain('Cannot read properties');
  });

  it('answers 503 with Retry-After while the database is unavailable', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const error of [
      () => unavailable(),
      () => Object.assign(new Error('SQLITE_CANTOPEN: unable to open database file /work/x.db'), { code: 'SQLITE_CANTOPEN' }),
    ]) {
      const app503 = failingApp(error);
      for (const path of ['/reconcile/suggest/entity?prefix=osce', '/reconcile/preview?id=x']) {
        const response = await app503.fetch(`${BASE}${path}`);
        expect(response.status, path).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        const body = await response.json();
        expect(body.error).toMatch(/unavailable/);
        expect(JSON.stringify(body)).not.toMatch(/SQLITE|\/work\//);
      }
    }
  });
});

describe('forwarded headers', () => {
  const forwarded = { 'x-forwarded-host': 'evil.example:8443', 'x-forwarded-proto': 'https' };
  let on: ReturnType<typeof createApp> = app;

  async function manifestUrls(headers: Record<string, string>) {
    const m = await (await on.fetch(`${BASE}/reconcile`, { headers })).json();
    return [
      m.view.url,
      m.preview.url,
      m.documentation,
      m.suggest.entity.service_url,
      m.suggest.type.service_url,
      m.suggest.property.service_url,
      m.extend.propose_properties.service_url,
    ] as string[];
  }

  it('ignores X-Forwarded-Host and -Proto unless TRUST_PROXY is set', async () => {
    on = createApp(t.db, { policy: httpPolicyFromEnv({}) });
    for (const url of await manifestUrls(forwarded)) expect(url.startsWith(BASE), url).toBe(true);
  });

  it('uses them behind a trusted proxy, when they are a valid host[:port] and http or https', async () => {
    on = createApp(t.db, { policy: httpPolicyFromEnv({ TRUST_PROXY: '1' }) });
    for (const url of await manifestUrls(forwarded)) expect(url.startsWith('https://evil.example:8443'), url).toBe(true);
    // The first of a proxy chain's values is the client-facing one.
    expect((await manifestUrls({ 'x-forwarded-host': 'ledger.example, internal:4000', 'x-forwarded-proto': 'https, http' }))[0]).toBe(
      'https://ledger.example/reconcile/preview?id={{id}}',
    );
    expect((await manifestUrls({ 'x-forwarded-proto': 'https' }))[0]).toBe('https://observer.test/reconcile/preview?id={{id}}');
    expect((await manifestUrls({ 'x-forwarded-host': '[::1]:4000' }))[0]).toBe('http://[::1]:4000/reconcile/preview?id={{id}}');
    // Each header is checked on its own: a valid proto with a malformed host keeps the request's host.
    expect((await manifestUrls({ 'x-forwarded-host': 'evil.example/path', 'x-forwarded-proto': 'https' }))[0]).toBe(
      'https://observer.test/reconcile/preview?id={{id}}',
    );
    const refused: Record<string, string>[] = [
      { 'x-forwarded-host': 'evil.example/path' },
      { 'x-forwarded-host': 'evil.example?x=' },
      { 'x-forwarded-host': 'evil.example#' },
      { 'x-forwarded-host': 'evil.example\\@other' },
      { 'x-forwarded-host': 'user@evil.example' },
      { 'x-forwarded-host': 'evil.example:99999' },
      { 'x-forwarded-host': 'evil.example"><script>' },
      { 'x-forwarded-host': '' },
      { 'x-forwarded-proto': 'javascript' },
      { 'x-forwarded-proto': 'https://evil.example' },
    ];
    for (const headers of refused) {
      for (const url of await manifestUrls(headers)) expect(url.startsWith(BASE), `${JSON.stringify(headers)} → ${url}`).toBe(true);
    }
  });
});
