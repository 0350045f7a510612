/**
 * The W3C Reconciliation Service API (v0.2) at /reconcile, through the app in-process, with the
 * request and response shapes of the specification (and of OpenRefine, which sends its batches
 * as a form-encoded `queries` parameter).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await createTestDatabase();
  app = createApp(t.db);
});
afterAll(() => t?.close());

const BASE = 'http://observer.test';

async function get(path: string) {
  return app.fetch(`${BASE}${path}`);
}

async function postForm(path: string, fields: Record<string, string>) {
  return app.fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

interface Candidate {
  id: string;
  name: string;
  description?: string;
  type: { id: string; name: string }[];
  score: number;
  match: boolean;
  features: { id: string; value: number | boolean }[];
}
type ResultBatch = Record<string, { result: Candidate[] }>;

/** The reconciliation-result-batch schema of the specification, checked by hand. */
function expectResultBatch(body: unknown, keys: string[]): ResultBatch {
  expect(Object.keys(body as object).sort()).toEqual([...keys].sort());
  for (const entry of Object.values(body as ResultBatch)) {
    expect(Array.isArray(entry.result)).toBe(true);
    for (const c of entry.result) {
      expect(typeof c.id).toBe('string');
      expect(typeof c.name).toBe('string');
      expect(typeof c.score).toBe('number');
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(100);
      expect(typeof c.match).toBe('boolean');
      for (const type of c.type) expect(type).toEqual({ id: expect.any(String), name: expect.any(String) });
      for (const f of c.features) {
        expect(typeof f.id).toBe('string');
        expect(['number', 'boolean']).toContain(typeof f.value);
      }
    }
    // At most one candidate is a match, and then it is the best one.
    expect(entry.result.filter((c) => c.match).length).toBeLessThanOrEqual(1);
    if (entry.result.some((c) => c.match)) expect(entry.result[0].match).toBe(true);
    const scores = entry.result.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  }
  return body as ResultBatch;
}

async function reconcile(queries: Record<string, unknown>): Promise<ResultBatch> {
  const response = await postForm('/reconcile', { queries: JSON.stringify(queries) });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  return expectResultBatch(await response.json(), Object.keys(queries));
}

describe('manifest', () => {
  it('describes the service as version 0.2 requires', async () => {
    const response = await get('/reconcile');
    expect(response.status).toBe(200);
    const m = await response.json();
    expect(m.versions).toContain('0.2');
    expect(m).toMatchObject({ name: 'Observer Ledger', identifierSpace: expect.any(String), schemaSpace: expect.any(String) });
    expect(m.defaultTypes.map((x: { id: string }) => x.id)).toEqual(['Organization', 'Person', 'Area']);
    expect(m.view.url).toContain('{{id}}');
    expect(m.preview).toMatchObject({ url: expect.stringContaining('{{id}}'), width: expect.any(Number), height: expect.any(Number) });
    expect(m.preview.url.startsWith(`${BASE}/reconcile/preview`)).toBe(true);
    for (const kind of ['entity', 'type', 'property'])
      expect(m.suggest[kind]).toMatchObject({ service_url: BASE, service_path: `/reconcile/suggest/${kind}` });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the protocol's placeholder is the literal text ${id}
    expect(m.suggest.entity.flyout_service_path).toContain('${id}');
    expect(m.extend.propose_properties).toEqual({ service_url: BASE, service_path: '/reconcile/propose_properties' });
    expect(m.extend.property_settings[0]).toMatchObject({ name: 'limit', label: expect.any(String), type: 'number' });
  });

  it('answers JSONP when asked for a callback, and refuses callbacks that are not names', async () => {
    const text = await (await get('/reconcile?callback=jsonp123')).text();
    expect(text.startsWith('/**/jsonp123(')).toBe(true);
    expect(JSON.parse(text.slice('/**/jsonp123('.length, -2)).versions).toContain('0.2');
    expect((await get('/reconcile?callback=alert(document.cookie)')).status).toBe(400);
  });
});

describe('reconciliation queries', () => {
  it('answers the OpenRefine batch of the documentation: Kishiney, an area in Moldova', async () => {
    const batch = await reconcile({ q0: { query: 'Kishiney', type: 'Area', limit: 3, properties: [{ pid: 'country', v: 'Moldova' }] } });
    const [top] = batch.q0.result;
    expect(top).toMatchObject({ name: 'Chisinau', type: [{ id: 'Area', name: 'Area' }], score: 100, match: true });
    expect(top.features).toContainEqual({ id: 'property_country', value: true });
    expect(batch.q0.result.length).toBeLessThanOrEqual(3);
    // The id is the GraphQL global ID of the record.
    const { data } = await t.gql<{ node: { name: string } }>('query ($id: ID!) { node(id: $id) { ... on Area { name } } }', { id: top.id });
    expect(data?.node.name).toBe('Chisinau');
  });

  it('scores a misspelling below a match until a property confirms it, and lower when one contradicts it', async () => {
    const batch = await reconcile({
      plain: { query: 'Chisinao', type: 'Area' },
      confirmed: { query: 'Chisinao', type: 'Area', properties: [{ pid: 'country', v: 'Moldavia' }] },
      contradicted: { query: 'Chisinao', type: 'Area', properties: [{ pid: 'country', v: 'Russia' }] },
    });
    expect(batch.plain.result[0]).toMatchObject({ name: 'Chisinau', score: 70, match: false });
    expect(batch.confirmed.result[0]).toMatchObject({ name: 'Chisinau', score: 85, match: true });
    expect(batch.contradicted.result[0]).toMatchObject({ name: 'Chisinau', match: false });
    expect(batch.contradicted.result[0].score).toBeLessThan(70);
    expect(batch.contradicted.result[0].features).toContainEqual({ id: 'property_country', value: false });
  });

  it('resolves acronyms, romanisations and look-alikes as the read model does', async () => {
    const batch = await reconcile({
      odihr: { query: 'OSCE/ODIHR', type: 'Organization' },
      lookalike: { query: 'Election Monitoring Organization of the CIS', type: 'Organization' },
      emo: { query: 'CIS EMO', type: 'Organization' },
      person: { query: 'Alexey Kochetkov', type: 'Person' },
      country: { query: 'Tadjikistan', type: 'Area' },
    });
    expect(batch.odihr.result[0]).toMatchObject({ name: 'OSCE Office for Democratic Institutions and Human Rights', match: true });
    // The press name of the CIS Executive Committee's missions is not CIS-EMO.
    expect(batch.lookalike.result[0]).toMatchObject({ name: 'CIS Executive Committee election observation mission', match: true });
    const emoInLookalike = batch.lookalike.result.find((c) => c.name === 'CIS-EMO');
    if (emoInLookalike) expect(emoInLookalike.match).toBe(false);
    expect(batch.emo.result[0]).toMatchObject({ name: 'CIS-EMO', match: true });
    expect(batch.person.result[0]).toMatchObject({ name: 'Aleksey Kochetkov', type: [{ id: 'Person', name: 'Person' }], match: true });
    expect(batch.country.result[0]).toMatchObject({ name: 'Tajikistan', match: true });
  });

  it('keeps to the requested type, and searches every type when none is given', async () => {
    const batch = await reconcile({
      asArea: { query: 'Moldova', type: 'Area' },
      asOrganization: { query: 'Moldova', type: 'Organization' },
      anyType: { query: 'Moldova' },
      unknownType: { query: 'Moldova', type: 'Spaceship' },
    });
    expect(batch.asArea.result[0]).toMatchObject({ name: 'Moldova', match: true });
    expect(batch.asArea.result.every((c) => c.type[0].id === 'Area')).toBe(true);
    expect(batch.asOrganization.result.every((c) => c.type[0].id === 'Organization')).toBe(true);
    expect(batch.asOrganization.result.some((c) => c.match)).toBe(false);
    expect(batch.anyType.result[0]).toMatchObject({ name: 'Moldova', type: [{ id: 'Area', name: 'Area' }] });
    expect(batch.unknownType.result).toEqual([]);
  });

  it('uses properties of persons (organization, country) and can select by properties alone', async () => {
    const batch = await reconcile({
      kogut: { query: 'Viktor Kogut', type: 'Person', properties: [{ pid: 'organization', v: 'IPA CIS' }] },
      slovaks: { type: 'Person', properties: [{ pid: 'country', v: 'Slovakia' }] },
      limited: { query: 'OSCE', limit: 2 },
    });
    expect(batch.kogut.result[0]).toMatchObject({ name: 'Viktor Kogut', match: true });
    expect(batch.kogut.result[0].features).toContainEqual({ id: 'property_organization', value: true });
    expect(batch.slovaks.result.map((c) => c.name)).toEqual(['Ján Čarnogurský']);
    expect(batch.slovaks.result[0].match).toBe(false);
    expect(batch.limited.result.length).toBe(2);
  });

  it('takes queries in the query string too, and the single-query form of older clients', async () => {
    const queries = JSON.stringify({ q0: { query: 'Kishinev', type: 'Area' } });
    const viaGet = expectResultBatch(await (await get(`/reconcile?queries=${encodeURIComponent(queries)}`)).json(), ['q0']);
    expect(viaGet.q0.result[0].name).toBe('Chisinau');
    const single = await (await get(`/reconcile?query=${encodeURIComponent('Kishinev')}`)).json();
    expect(single.result[0].name).toBe('Chisinau');
  });

  it('rejects a batch that is not JSON', async () => {
    const response = await postForm('/reconcile', { queries: '{not json' });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/queries/);
  });
});

describe('suggest, flyout and preview', () => {
  it('suggests entities by prefix, optionally of one type', async () => {
    const r = await (await get('/reconcile/suggest/entity?prefix=Kishi')).json();
    expect(r.result[0]).toMatchObject({ name: 'Chisinau', id: expect.any(String), notable: [{ id: 'Area', name: 'Area' }] });
    const orgs = await (await get('/reconcile/suggest/entity?prefix=osce&type=Organization')).json();
    expect(orgs.result.length).toBeGreaterThanOrEqual(3);
    expect(orgs.result.every((s: { notable: { id: string }[] }) => s.notable[0].id === 'Organization')).toBe(true);
    expect(orgs.result.map((s: { name: string }) => s.name)).toContain('OSCE Parliamentary Assembly');
    const acronym = await (await get('/reconcile/suggest/entity?prefix=ODIHR')).json();
    expect(acronym.result[0].name).toBe('OSCE Office for Democratic Institutions and Human Rights');
    const pageTwo = await (await get('/reconcile/suggest/entity?prefix=c&cursor=10')).json();
    const pageOne = await (await get('/reconcile/suggest/entity?prefix=c')).json();
    expect(pageOne.result).toHaveLength(10);
    expect(pageTwo.result[0].id).not.toBe(pageOne.result[0].id);
  });

  it('suggests types and properties', async () => {
    expect((await (await get('/reconcile/suggest/type?prefix=pe')).json()).result).toEqual([
      { id: 'Person', name: 'Person', description: expect.any(String) },
    ]);
    const props = await (await get('/reconcile/suggest/property?prefix=co&type=Area')).json();
    expect(props.result.map((p: { id: string }) => p.id)).toContain('country');
  });

  it('previews a record as HTML, and a flyout as JSON', async () => {
    const batch = await reconcile({ q: { query: 'CIS-EMO', type: 'Organization' } });
    const id = batch.q.result[0].id;
    const preview = await get(`/reconcile/preview?id=${encodeURIComponent(id)}`);
    expect(preview.headers.get('content-type')).toContain('text/html');
    const html = await preview.text();
    expect(html).toContain('<h1>CIS-EMO</h1>');
    expect(html).toContain('International Monitoring Organization CIS-EMO');
    expect(html).toMatch(/\d+ observation missions/);
    const flyout = await (await get(`/reconcile/flyout/entity?id=${encodeURIComponent(id)}`)).json();
    expect(flyout).toMatchObject({ id, html: expect.stringContaining('CIS-EMO') });
    const missing = await get('/reconcile/preview?id=%3Cscript%3E');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<script>');
  });
});

describe('data extension', () => {
  it('proposes properties per type', async () => {
    const r = await (await get('/reconcile/propose_properties?type=Area&limit=3')).json();
    expect(r.type).toBe('Area');
    expect(r.limit).toBe(3);
    expect(r.properties).toHaveLength(3);
    expect(r.properties[0]).toMatchObject({ id: 'country', name: expect.any(String) });
    expect((await get('/reconcile/propose_properties?type=Nothing')).status).toBe(400);
  });

  it('extends reconciled records with property values in the shapes of the specification', async () => {
    const batch = await reconcile({ city: { query: 'Kishinev', type: 'Area' }, member: { query: 'Sabine Lösing', type: 'Person' } });
    const city = batch.city.result[0].id;
    const member = batch.member.result[0].id;
    const extend = JSON.stringify({
      ids: [city, member, 'unknown-id'],
      properties: [{ id: 'country' }, { id: 'iso_code' }, { id: 'organization' }, { id: 'aliases', settings: { limit: 1 } }],
    });
    const response = await postForm('/reconcile', { extend });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.meta).toEqual([
      { id: 'country', name: 'country', type: { id: 'Area', name: 'Area' } },
      { id: 'iso_code', name: 'ISO 3166 code' },
      { id: 'organization', name: 'organization', type: { id: 'Organization', name: 'Organization' } },
      { id: 'aliases', name: 'other names' },
    ]);
    expect(body.rows[city].country).toEqual([{ id: expect.any(String), name: 'Moldova' }]);
    expect(body.rows[city].iso_code).toEqual([{ str: 'MD-CU' }]);
    expect(body.rows[city].organization).toEqual([]);
    expect(body.rows[city].aliases).toHaveLength(1);
    expect(body.rows[member].country).toEqual([{ id: expect.any(String), name: 'Germany' }]);
    expect(body.rows[member].organization.map((o: { name: string }) => o.name).sort()).toEqual(['CIS-EMO', 'European Parliament']);
    expect(body.rows['unknown-id']).toEqual({ country: [], iso_code: [], organization: [], aliases: [] });
    // Every cell is one of the value objects of the specification.
    for (const row of Object.values(body.rows) as Record<string, Record<string, unknown>[]>[]) {
      for (const cells of Object.values(row)) {
        for (const cell of cells) expect(Object.keys(cell).sort().join()).toMatch(/^(id,name|str|int|float|bool|date)$/);
      }
    }
  });
});
