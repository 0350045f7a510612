/**
 * Property-based fuzzing (fast-check). GraphQL operations generated from the introspected schema,
 * valid and invalid, are sent through the HTTP app: the answer is never a 5xx, never an
 * unexpected (masked) error, never shows internals, and the server keeps answering. Statement
 * spreadsheets with random and malformed rows are ingested: a file is stored whole or not at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, provider, type TestDatabase } from './helpers/database.js';
import { snapshot } from './helpers/snapshot.js';
import { DocumentFuzzer, type Pools } from './helpers/fuzz-documents.js';
import { createApp } from '../src/server/app.js';
import { newStats } from '../src/server/hardening.js';
import { createToken } from '../src/curation/tokens.js';
import { ingestStatementsFile } from '../src/ingest/pipeline.js';
import { CsvValidationError, STATEMENT_COLUMNS } from '../src/ingest/statements-csv.js';

/** Runs per property; with the seed printed on failure, a run can be replayed exactly. */
const GRAPHQL_RUNS = 400;
const CSV_RUNS = 30;

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const stats = newStats();
let editor = '';
let pools: Pools;
let schema: ReturnType<typeof buildClientSchema>;

async function send(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  t = await createTestDatabase();
  // The fuzzer writes as fast as it can: the rate limit (tested elsewhere) is lifted.
  app = createApp(t.db, { stats, limits: { writeBurst: 1_000_000 } });
  editor = (await createToken(t.db, 'fuzzer', 'EDITOR')).secret;
  const introspection = JSON.parse((await send(getIntrospectionQuery(), {})).text) as { data: IntrospectionQuery };
  schema = buildClientSchema(introspection.data);
  const ids = JSON.parse(
    (
      await send(
        `{ organizations(first: 30) { edges { node { id name } } } areas(first: 30) { edges { node { id name } } }
    persons(first: 20) { edges { node { id name } } } statements(first: 30) { edges { node { id } } } elections(first: 20) { edges { node { id } } } }`,
        {},
      )
    ).text,
  ) as {
    data: Record<string, { edges: { node: { id: string; name?: string } }[] }>;
  };
  const names = (connection: string) => ids.data[connection].edges.map((e) => e.node.name!);
  const idsOf = (connection: string) => ids.data[connection].edges.map((e) => e.node.id);
  pools = {
    ids: {
      Organization: idsOf('organizations'),
      Area: idsOf('areas'),
      Person: idsOf('persons'),
      Statement: idsOf('statements'),
      Election: idsOf('elections'),
    },
    organizations: names('organizations'),
    areas: names('areas'),
    persons: names('persons'),
  };
}, 180_000);
afterAll(async () => t?.close());

// A stack frame names a file with its line and column ("at f (file.js:1:2)", "at /x/y.js:1:2"); a time of day ("T00:00:00Z") is none.
const INTERNALS =
  /\bat [^\s"]*?[\w./\\-]+\.[cm]?[jt]s:\d+:\d+|\(\S+:\d+:\d+\)|\.ts\b|node_modules|\/work\/|\/tmp\/|SELECT |INSERT |UPDATE "|FROM "|prisma|sqlite|postgres/i;

describe('GraphQL documents generated from the schema', () => {
  it(`${GRAPHQL_RUNS} random operations: no 5xx, no unexpected error, nothing internal shown`, async () => {
    const seen = { query: 0, mutation: 0, malformed: 0, accepted: 0, rejected: 0, mutationsApplied: 0 };
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.nat({ max: 99 }), async (g, roll) => {
        const op = new DocumentFuzzer(g, schema, pools).operation();
        seen[op.kind]++;
        // Mostly with the editor's token for writes, mostly anonymous for reads.
        const withToken = op.kind === 'mutation' ? roll < 85 : roll < 30;
        const r = await send(op.query, op.variables, withToken ? editor : undefined);
        expect([200, 400], r.text.slice(0, 500)).toContain(r.status);
        const body = JSON.parse(r.text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
        expect('data' in body || 'errors' in body).toBe(true);
        for (const error of body.errors ?? []) {
          expect(error.extensions?.code, `${op.query}\n${JSON.stringify(op.variables).slice(0, 300)}\n${error.message}`).not.toBe(
            'INTERNAL_SERVER_ERROR',
          );
          // graphql-js quotes the client's own input back ("got invalid value \"…\""); only the rest can leak internals.
          expect(error.message.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toMatch(INTERNALS);
        }
        if (body.errors?.length) seen.rejected++;
        else seen.accepted++;
        if (op.kind === 'mutation' && !body.errors?.length) seen.mutationsApplied++;
      }),
      { numRuns: GRAPHQL_RUNS, interruptAfterTimeLimit: 60_000 },
    );
    console.log(`graphql fuzz: ${JSON.stringify({ ...seen, refusedByLimits: stats.rejectedDocuments })}`);
    expect(seen.query + seen.mutation + seen.malformed).toBe(GRAPHQL_RUNS);
    expect(seen.accepted).toBeGreaterThan(GRAPHQL_RUNS / 10);
    // Still serving, and every reference still points at a row.
    expect(JSON.parse((await send('{ organizations(first: 1) { totalCount } }', {})).text).data.organizations.totalCount).toBeGreaterThan(
      0,
    );
    if (provider === 'sqlite') expect(await t.db.$queryRawUnsafe('PRAGMA foreign_key_check')).toEqual([]);
    const dangling = await t.db.decision.findMany({ where: { kind: 'SAME', revokedAt: null } });
    for (const d of dangling) {
      const merged =
        (await t.db.organization.findFirst({ where: { key: d.rightKey ?? '' } })) ??
        (await t.db.person.findFirst({ where: { key: d.rightKey ?? '' } })) ??
        (await t.db.area.findFirst({ where: { key: d.rightKey ?? '' } }));
      expect(merged?.mergedIntoId).toBeTruthy();
    }
  }, 120_000);
});

// ── statement spreadsheets ──

const VALID: Record<(typeof STATEMENT_COLUMNS)[number], string[]> = {
  organization: ['CIS-EMO', 'OSCE/ODIHR', 'PACE', 'IPA CIS', 'OSCE PA', 'Fuzz Observers of Nowhere'],
  jurisdiction: ['Ukraine', 'Moldavia', 'Kishinev, Moldova', 'KG', 'Transnistria', 'Volgograd Oblast'],
  election_type: ['parliamentary', 'presidential', 'Parliament elections', 'referendum', 'mayoral'],
  election_date: ['2012-10-28', '2004', '2010-02', '2009-03-01'],
  round: ['1', '2', 'rerun', 'first'],
  statement_date: ['', '2012-10-29', '2004-11-22'],
  statement_kind: ['preliminary', 'final', 'press', 'interview', 'declined'],
  speaker: ['', 'Aleksey Kochetkov', 'Fuzz Speaker'],
  quote: ['free and fair', 'did not meet commitments', 'Выборы прошли прозрачно', 'mixed picture'],
  quote_language: ['en', 'ru'],
  translated: ['true', 'false', ''],
  verdict: ['', 'ENDORSED', 'MIXED', 'CRITICAL', 'NOT_OBSERVED'],
  source_title: ['', 'a report'],
  source_url: ['', 'https://example.org/x'],
  note: ['', 'second round held 2004-11-21'],
};

const junk = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '"',
    '""',
    ',',
    '\n',
    '\r\n',
    'Atlantis',
    '2012-13-45',
    'SPLENDID',
    'third',
    'english',
    'maybe',
    'javascript:x',
    '\u0000',
    'x'.repeat(3000),
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 30 }),
);

/** A field's text: a valid value (quotes get a random suffix, so rows differ); in a dirty file, sometimes junk. */
const cell = (column: (typeof STATEMENT_COLUMNS)[number], dirty: boolean) => {
  const valid =
    column === 'quote'
      ? fc.tuple(fc.constantFrom(...VALID.quote), fc.nat()).map(([q, n]) => `${q} (${n})`)
      : fc.constantFrom(...VALID[column]);
  return dirty ? fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: junk }) : valid;
};

const rows = fc
  .boolean()
  .chain((dirty) => fc.array(fc.tuple(...STATEMENT_COLUMNS.map((c) => cell(c, dirty))), { minLength: 1, maxLength: 6 }));

function csvText(header: readonly string[], rows: string[][], quoting: 'always' | 'never' | 'mixed', seed: number): string {
  const quote = (v: string, i: number) =>
    quoting === 'always' || (quoting === 'mixed' && (i + seed) % 3 !== 0) ? `"${v.replace(/"/g, '""')}"` : v;
  return [header.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\n');
}

describe('statement spreadsheets with random rows', () => {
  it(`${CSV_RUNS} random files: stored whole with every row, or rejected with nothing stored`, async () => {
    const outcome = { stored: 0, rejected: 0, rows: 0 };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        rows,
        fc.constantFrom('always', 'mixed', 'never'),
        fc.oneof(
          { weight: 9, arbitrary: fc.constant([...STATEMENT_COLUMNS]) },
          { weight: 1, arbitrary: fc.shuffledSubarray([...STATEMENT_COLUMNS]) },
        ),
        fc.nat(),
        async (rows, quoting, header, seed) => {
          const file = path.join(t.dir, `fuzz-${n++}.csv`);
          const cells = rows.map((r) => header.map((c) => r[STATEMENT_COLUMNS.indexOf(c as (typeof STATEMENT_COLUMNS)[number])]));
          fs.writeFileSync(file, csvText(header, cells, quoting as 'always' | 'mixed' | 'never', seed));
          outcome.rows += rows.length;
          const before = await snapshot(t.db);
          const statementsBefore = await t.db.statement.count();
          const error = await ingestStatementsFile(t.db, file).then(
            () => null,
            (e: unknown) => e,
          );
          if (error) {
            // The only way to fail is a validation error naming file, row and field; and then nothing changed.
            expect(error, String(error)).toBeInstanceOf(CsvValidationError);
            expect((error as CsvValidationError).problems.length).toBeGreaterThan(0);
            expect(await snapshot(t.db)).toEqual(before);
            outcome.rejected++;
            return;
          }
          outcome.stored++;
          // Stored: every row is there whole, as a statement with its coding or as a further text of one (another language, same body, round and day).
          for (const r of rows) {
            const quote = r[STATEMENT_COLUMNS.indexOf('quote')].trim();
            const text = await t.db.statementText.findFirst({ where: { quote }, select: { statementId: true } });
            const statement = await t.db.statement.findFirst({
              where: text ? { id: text.statementId } : { quote },
              include: { codings: true, round: { include: { election: true } }, organization: true },
            });
            expect(statement, quote).not.toBeNull();
            expect(statement!.organization.name.length).toBeGreaterThan(0);
            expect(statement!.round.election.year).toBeGreaterThan(0);
          }
          expect(await t.db.statement.count()).toBeLessThanOrEqual(statementsBefore + rows.length);
        },
      ),
      { numRuns: CSV_RUNS, interruptAfterTimeLimit: 60_000 },
    );
    console.log(`csv fuzz: ${JSON.stringify(outcome)}`);
    expect(outcome.stored).toBeGreaterThan(0);
    expect(outcome.rejected).toBeGreaterThan(0);
  }, 120_000);
});
