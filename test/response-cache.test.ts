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
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { ReadCache } from '../src/read/read-cache.js';

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
    const before = await dataVersion();
    const first = await statementsOf(() => post(QUERY));
    const again = await statementsOf(() => post(QUERY));
    expect(first).toBeGreaterThan(3);
    // On PostgreSQL the change marker is the server's snapshot, which any database on the server moves
    // (other test files write meanwhile): a moved version is a miss, by design.
    // When it moved while the two requests ran, the second may have been a miss or a hit: nothing to hold it to.
    if ((await dataVersion()) === before) expect(again).toBeLessThanOrEqual(1);
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
      'organization,jurisdiction,election_type,election_date,round,statement_date,statement_kind,speaker,quote,quote_language,translated,verdict,source_title,source_url,note\n' +
        'PACE,Chile,presidential,2017-11-19,1,2017-11-20,press,,the vote was orderly,en,false,ENDORSED,x,,\n',
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
    const version = etag!.slice(0, etag!.lastIndexOf(':')).split('|')[0];
    const quietBefore = (await dataVersion()) === version;
    const unchanged = await get({ 'if-none-match': etag! });
    const quiet = quietBefore && (await dataVersion()) === version;
    // 304 while the data version is the ETag's; on PostgreSQL another database's write may move it meanwhile (then 200).
    if (quiet) expect(unchanged.status).toBe(304);
    else expect([200, 304]).toContain(unchanged.status);
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
