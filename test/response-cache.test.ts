/**
 * Anonymous reads come from a cache keyed by the data version: a repeated read costs the
 * version check only, the next read after any change sees the change, and GET answers carry an
 * ETag that a client can send back for a 304 while nothing changed. Writers' reads are never cached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/curation/tokens.js';
import { ingestStatementsFile } from '../src/ingest/pipeline.js';
import { createTestDatabase, postgresServer, type TestDatabase } from './helpers/database.js';
import { ReadCache } from '../src/read/read-cache.js';
import { HEADER } from '../src/synth/world.js';

let t: TestDatabase;
let editor: string;
beforeAll(async () => {
  t = await createTestDatabase({ responseCache: true });
  editor = (await createToken(t.db, 'cache-editor', 'EDITOR')).secret;
});
afterAll(async () => t?.close());

const QUERY = `{ comparison(subject: "CIS-EMO", filter: { area: "Ukraine" }) { summary { pooled { pairedRounds } }
  elections(first: 5) { edges { node { election { year } rounds { subjectVerdict subjectStatements { id verdict } } } } } } }`;

async function post(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await t.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

const get = (headers: Record<string, string> = {}) =>
  t.yoga.fetch(`http://localhost/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json', ...headers } });

/** The data version as a fresh read cache sees it (the server's own adds its generation). */
const dataVersion = async () => (await new ReadCache(t.db).dataVersion()).split('|')[0];

/** SQL statements a request sends. */
async function statementsOf(run: () => Promise<unknown>): Promise<number> {
  t.log.reset();
  await run();
  return t.log.count;
}

describe('the response cache', () => {
  it('answers a repeated anonymous read with the version check alone', async () => {
    const first = await statementsOf(() => post(QUERY));
    const again = await statementsOf(() => post(QUERY));
    expect(first).toBeGreaterThan(3);
    // Other test files write to other databases meanwhile (on PostgreSQL, of the same server): not to this one.
    expect(again).toBeLessThanOrEqual(1);
    const [a, b] = [await post(QUERY), await post(QUERY)];
    expect(b.body).toEqual(a.body);
  });

  it('never caches a request with a token', async () => {
    await post(QUERY, {}, editor);
    expect(await statementsOf(() => post(QUERY, {}, editor))).toBeGreaterThan(3);
  });

  it('the next read after a curation change sees it', async () => {
    const before = await post(QUERY);
    const rounds = (
      before.body.data as {
        comparison: { elections: { edges: { node: { rounds: { subjectStatements: { id: string; verdict: string }[] }[] } }[] } };
      }
    ).comparison.elections.edges.flatMap((e) => e.node.rounds);
    const statement = rounds.flatMap((r) => r.subjectStatements)[0];
    const target = statement.verdict === 'CONDEMNED' ? 'ENDORSED' : 'CONDEMNED';
    const set = await post(
      'mutation ($s: ID!, $v: Verdict!) { setVerdict(statement: $s, verdict: $v) { verdict } }',
      { s: statement.id, v: target },
      editor,
    );
    expect(set.body.errors).toBeUndefined();
    const after = await post(QUERY);
    expect(JSON.stringify(after.body)).toContain(`"id":"${statement.id}","verdict":"${target}"`);
  });

  it('the next read after an ingest sees it', async () => {
    const count = '{ statements(filter: { area: "Chile" }) { totalCount } }';
    expect((await post(count)).body).toEqual({ data: { statements: { totalCount: 0 } } });
    const file = path.join(t.dir, 'chile.csv');
    fs.writeFileSync(
      file,
      `${HEADER}\nPACE,Chile,presidential,2017-11-19,1,2017-11-20,press,,the vote was orderly,en,false,ENDORSED,x,,\n`,
    );
    await ingestStatementsFile(t.db, file);
    expect((await post(count)).body).toEqual({ data: { statements: { totalCount: 1 } } });
  });

  it('GET answers carry an ETag: 304 while nothing changed, 200 with a new one after a change', async () => {
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    await first.text();
    await get(); // the first GET filled the cache; this one is served from it
    const unchanged = await get({ 'if-none-match': etag! });
    expect(unchanged.status).toBe(304);
    const alias = await post(
      'mutation ($r: ID!) { addAlias(record: $r, name: "Cache test alias") { alias } }',
      { r: ((await post('{ organization(name: "CIS-EMO") { id } }')).body.data as { organization: { id: string } }).organization.id },
      editor,
    );
    expect(alias.body.errors).toBeUndefined();
    const changed = await get({ 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});

describe('the change marker', () => {
  it('moves with a write to this database only, not with one to another database', async () => {
    const other = await createTestDatabase();
    try {
      const before = await dataVersion();
      await other.db.alias.create({ data: { id: 'alias_elsewhere', name: 'Elsewhere', normalized: 'elsewhere', origin: 'CURATED' } });
      expect(await dataVersion()).toBe(before);
      await t.db.alias.create({ data: { id: 'alias_here', name: 'Here', normalized: 'here', origin: 'CURATED' } });
      expect(await dataVersion()).not.toBe(before);
    } finally {
      await other.close();
    }
  });

  it.runIf(!!postgresServer)('on PostgreSQL, every table but the marker moves it', async () => {
    const missing = await t.db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT tablename AS name FROM pg_tables p WHERE schemaname = current_schema() AND tablename NOT IN ('DataVersion', '_prisma_migrations')
       AND NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE c.relname = p.tablename AND g.tgname = 'data_version')`,
    );
    expect(missing).toEqual([]);
  });
});
