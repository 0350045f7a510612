/**
 * Full-text search over what was said, as a researcher uses it: word forms in English and
 * Russian, phrases and alternatives, ranked, with highlighted passages, combined with the
 * statements filter, paged, and up to date after an ingest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestStatementsFile } from '../src/ingest/pipeline.js';
import { ReadCache } from '../src/read/read-cache.js';
import { SearchIndex, searchIndexOf } from '../src/read/search-index.js';
import { keepSearchWarm } from '../src/read/warm.js';
import { stemOf, termsOf } from '../src/reconcile/search-terms.js';
import { HEADER } from '../src/synth/world.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

interface Hit {
  score: number;
  snippets: { field: string; text: string; highlights: { start: number; end: number }[] }[];
  statement: { id: string; quote: string; speakerName: string | null; note: string | null; sourceTitle: string | null };
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Hit }[];
}

const HIT = `score snippets { field text highlights { start end } } statement { id quote speakerName note sourceTitle }`;

async function search(query: string, options: { filter?: object; first?: number; after?: string } = {}): Promise<Page> {
  const r = await t.gql<{ searchStatements: Page }>(
    `query ($q: String!, $f: StatementFilter, $first: Int, $after: String) {
      searchStatements(query: $q, filter: $f, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ${HIT} } }
      }
    }`,
    { q: query, f: options.filter, first: options.first ?? 100, after: options.after },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.searchStatements;
}

/** Every statement in force, with the texts search reads, straight from the database. */
async function allStatements() {
  return t.db.statement.findMany({
    where: { retiredAt: null, withdrawnAt: null },
    select: { id: true, quote: true, speakerName: true, note: true, sourceTitle: true, texts: { select: { quote: true } } },
  });
}

const rowId = (globalId: string) => decodeGlobalID(globalId).id;
const stemsIn = (text: string | null | undefined) => new Set(termsOf(text ?? '').map((x) => x.stem));
const fieldsOf = (s: Awaited<ReturnType<typeof allStatements>>[number]) => [
  s.quote,
  s.speakerName,
  s.note,
  s.sourceTitle,
  ...s.texts.map((x) => x.quote),
];

describe('searching what was said', () => {
  it('finds exactly the statements holding a word in any of its forms, each passage highlighting it', async () => {
    const page = await search('transparent');
    const stem = stemOf('transparent');
    const expected = (await allStatements()).filter((s) => fieldsOf(s).some((f) => stemsIn(f).has(stem))).map((s) => s.id);
    expect(expected.length).toBeGreaterThan(3);
    expect(page.totalCount).toBe(expected.length);
    expect(page.edges.map((e) => rowId(e.node.statement.id)).sort()).toEqual(expected.sort());
    // "transparency" and "transparent" are one word.
    expect(page.edges.some((e) => /transparency/i.test(e.node.statement.quote))).toBe(true);
    for (const { node } of page.edges) {
      expect(node.snippets.length).toBeGreaterThan(0);
      for (const s of node.snippets) {
        expect(s.highlights.length).toBeGreaterThan(0);
        for (const h of s.highlights) expect(stemOf(s.text.slice(h.start, h.end))).toBe(stem);
      }
    }
  });

  it('finds Russian word forms: «прозрачными» finds «прозрачные»', async () => {
    const page = await search('прозрачными');
    const words = page.edges.flatMap((e) =>
      e.node.snippets.flatMap((s) => s.highlights.map((h) => s.text.slice(h.start, h.end).toLowerCase())),
    );
    expect(words).toContain('прозрачные');
    expect(new Set(words.map(stemOf))).toEqual(new Set([stemOf('прозрачными')]));
  });

  it('ranks best first, and an OR search is the union of its alternatives', async () => {
    const en = await search('transparent');
    const ru = await search('прозрачными');
    const either = await search('transparent OR прозрачными');
    const scores = either.edges.map((e) => e.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ids = (p: Page) => p.edges.map((e) => e.node.statement.id);
    expect(new Set(ids(either))).toEqual(new Set([...ids(en), ...ids(ru)]));
  });

  it('needs every word, and a phrase in quotes needs its words together and in order', async () => {
    const both = await search('open transparent');
    for (const { node } of both.edges) {
      const all = (await allStatements()).find((s) => s.id === rowId(node.statement.id))!;
      const stems = new Set(fieldsOf(all).flatMap((f) => [...stemsIn(f)]));
      expect(stems.has(stemOf('open')) && stems.has(stemOf('transparent'))).toBe(true);
    }
    const phrase = await search('"open and transparent"');
    expect(phrase.totalCount).toBeLessThanOrEqual(both.totalCount);
    for (const { node } of phrase.edges) expect(node.statement.quote.toLowerCase()).toMatch(/open,? and transparent/);
  });

  it('combines with the statements filter: the same statements as the filter and the search each allow', async () => {
    const filter = { organization: 'CIS Executive Committee election observation mission' };
    const page = await search('transparent', { filter });
    const listed = await t.gql<{ statements: { edges: { node: { id: string } }[] } }>(
      'query ($f: StatementFilter) { statements(filter: $f, first: 100) { edges { node { id } } } }',
      { f: filter },
    );
    const inFilter = new Set(listed.data!.statements.edges.map((e) => e.node.id));
    const all = (await search('transparent')).edges.map((e) => e.node.statement.id);
    expect(page.edges.map((e) => e.node.statement.id).sort()).toEqual(all.filter((id) => inFilter.has(id)).sort());
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.totalCount).toBeLessThan(all.length);
  });

  it('pages through every hit once, in rank order', async () => {
    const whole = await search('election', { first: 100 });
    expect(whole.totalCount).toBeGreaterThan(5);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search('election', { first: 2, after });
      seen.push(...page.edges.map((e) => e.node.statement.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(whole.edges.map((e) => e.node.statement.id));
  });

  it('refuses a search with no words, or too long, naming the argument', async () => {
    for (const q of ['', ' ,; ', 'x'.repeat(501)]) {
      const r = await t.gql<unknown>('query ($q: String!) { searchStatements(query: $q) { totalCount } }', { q });
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(r.errors?.[0].message).toMatch(/query/);
    }
  });

  it('finds a statement the next search after its ingest, and leaves a retired one out unless asked', async () => {
    const quote = 'the tabulation in Zhytomyr was exceptionally opaque';
    const file = path.join(t.dir, 'search-new.csv');
    fs.writeFileSync(file, `${HEADER}\nPACE,Ukraine,parliamentary,2012-10-28,1,2012-10-29,press,,${quote},en,false,CRITICAL,s,,\n`);
    expect((await search('opaque Zhytomyr')).totalCount).toBe(0);
    await ingestStatementsFile(t.db, file);
    const found = await search('opaque Zhytomyr');
    expect(found.edges.map((e) => e.node.statement.quote)).toEqual([quote]);
    // The file's next version has another row and not this one: the statement is retired.
    fs.writeFileSync(file, `${HEADER}\nPACE,Georgia,parliamentary,2012-10-01,1,2012-10-02,press,,another remark,en,false,MIXED,s,,\n`);
    await ingestStatementsFile(t.db, file);
    expect((await search('opaque Zhytomyr')).totalCount).toBe(0);
    expect((await search('opaque Zhytomyr', { filter: { statuses: ['RETIRED'] } })).totalCount).toBe(1);
  });
});

describe("searching the source documents' claims", () => {
  it('finds exactly the document claims in force whose excerpts hold the word, in any form', async () => {
    const r = await t.gql<{
      searchClaims: {
        totalCount: number;
        edges: { node: { snippet: Hit['snippets'][number] | null; claim: { excerpt: string; source: { key: string } } } }[];
      };
    }>(
      '{ searchClaims(query: "arrest", first: 100) { totalCount edges { node { snippet { field text highlights { start end } } claim { excerpt source { key } } } } } }',
    );
    expect(r.errors).toBeUndefined();
    const stem = stemOf('arrest');
    const expected = await t.db.claim.findMany({
      where: { retiredAt: null, withdrawnAt: null, source: { kind: { in: ['ARTICLE', 'WEB_PAGE'] } } },
      select: { excerpt: true },
    });
    const holding = expected.filter((c) => stemsIn(c.excerpt).has(stem));
    expect(holding.length).toBeGreaterThan(0);
    expect(r.data!.searchClaims.totalCount).toBe(holding.length);
    for (const { node } of r.data!.searchClaims.edges) {
      expect(node.claim.source.key).not.toMatch(/^dataset\//);
      expect(node.snippet!.field).toBe('EXCERPT');
      for (const h of node.snippet!.highlights) expect(stemOf(node.snippet!.text.slice(h.start, h.end))).toBe(stem);
    }
  });
});

describe('the search indexes kept warm beside the requests', () => {
  it('builds them at start and again after a change, with no search asking', async () => {
    const cache = new ReadCache(t.db);
    const built = vi.spyOn(SearchIndex, 'loadStatements');
    const stop = keepSearchWarm(() => ({ db: t.db, cache }), 50);
    try {
      await vi.waitFor(() => expect(built).toHaveBeenCalledTimes(1), { timeout: 20_000 });
      const first = await built.mock.results[0].value;
      // A search finds the index the warmer built, and builds nothing.
      expect(await searchIndexOf({ db: t.db, cache })).toBe(first);
      expect(built).toHaveBeenCalledTimes(1);
      const file = path.join(t.dir, 'search-warm.csv');
      fs.writeFileSync(
        file,
        `${HEADER}\nPACE,Ukraine,parliamentary,2012-10-28,1,2012-10-30,press,,a warmly indexed remark,en,false,MIXED,s,,\n`,
      );
      const before = built.mock.calls.length;
      await ingestStatementsFile(t.db, file);
      // The build after the ingest holds its statement (one begun before the commit may finish first).
      await vi.waitFor(
        async () => {
          expect(built.mock.calls.length).toBeGreaterThan(before);
          expect((await built.mock.results.at(-1)?.value)?.size).toBe(first.size + 1);
        },
        { timeout: 20_000 },
      );
      const second = await built.mock.results.at(-1)?.value;
      expect(await searchIndexOf({ db: t.db, cache })).toBe(second);
    } finally {
      stop();
      built.mockRestore();
    }
  });
});
