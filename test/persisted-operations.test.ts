/**
 * Persisted (trusted) documents, in-process through the app: the dashboard's operations, sent by
 * the typed documents GraphQL Code Generator made from operations.graphql, answer the same by id
 * as by text; with persisted operations only, any other document is refused and the dashboard's
 * still work; unknown ids are refused plainly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import codegenConfig from '../codegen.js';
import { projectRoot } from '../src/db/config.js';
import { createApp } from '../src/server/app.js';
import { createServer } from '../src/server/yoga.js';
import { PERSISTED_DOCUMENTS_FILE, persistedOnlyFromEnv } from '../src/server/persisted-operations.js';
import {
  DashboardComparisonDocument,
  DashboardElectionDocument,
  DashboardSearchDocument,
  DashboardPeopleDocument,
  DashboardOptionsDocument,
  type DashboardOptionsQuery,
  type TypedDocumentString,
} from '../src/generated/graphql-client/graphql.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

type Handler = { fetch: (input: string, init: RequestInit) => Promise<Response> | Response };
interface Answer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The id the generator gave a document (its `__meta__.hash`), the same the store is keyed by. */
function idOf<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>): string {
  const hash: unknown = document.__meta__?.hash;
  if (typeof hash !== 'string') throw new Error('the document has no persisted hash: is persistedDocuments on in codegen.ts?');
  return hash;
}

/** Sends a typed document by its text or by its id; the answer is typed by the document. */
async function send<TResult, TVariables>(
  handler: Handler,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  by: 'text' | 'id' | 'apq' = 'id',
): Promise<Answer<TResult>> {
  const operationName = /(?:query|mutation)\s+(\w+)/.exec(document.toString())![1];
  const id = idOf(document);
  const payload = {
    text: { operationName, query: document.toString(), variables },
    id: { operationName, documentId: id, variables },
    // Apollo's form: the bare hex hash in extensions.
    apq: { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, '') } } },
  }[by];
  return post<TResult>(handler, payload);
}

async function post<T>(handler: Handler, payload: Record<string, unknown>): Promise<Answer<T>> {
  const response = await handler.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
}

const comparisonVariables = { filter: { area: 'Ukraine' }, withSummary: true, withBody: true, body: 'ODIHR' };

/** Checks that `handler` answers a document by id exactly as the open server answers its text. */
async function sameByIdAsByText<TResult, TVariables>(
  handler: Handler,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<void> {
  const byText = await send(open, document, variables, 'text');
  const byId = await send(handler, document, variables, 'id');
  expect(byText.errors).toBeUndefined();
  expect(byId.errors).toBeUndefined();
  expect(byId.status).toBe(200);
  expect(byId.data).toBeDefined();
  expect(byId.data).toEqual(byText.data);
}

/** The three dashboard operations, each with the variables the page sends. */
const dashboardOperations = (handler: Handler) => [
  () => sameByIdAsByText(handler, DashboardOptionsDocument, { first: 100 }),
  () => sameByIdAsByText(handler, DashboardComparisonDocument, comparisonVariables),
  () => sameByIdAsByText(handler, DashboardElectionDocument, { id: electionId }),
];

const ARBITRARY = '{ organization(name: "CIS-EMO") { name } }';
const LOCKED_MESSAGE = "only the dashboard's persisted operations are allowed on this deployment";

let t: TestDatabase;
let open: ReturnType<typeof createApp>;
let locked: ReturnType<typeof createApp>;
let electionId = '';

beforeAll(async () => {
  t = await createTestDatabase();
  open = createApp(t.db, { persistedOperationsOnly: false });
  locked = createApp(t.db, { persistedOperationsOnly: true });
  const r = await send(open, DashboardComparisonDocument, comparisonVariables, 'text');
  electionId = r.data!.comparison.elections.edges[0].node.election.id;
});
afterAll(async () => t?.close());

describe('the generated client and store', () => {
  it('are up to date with schema.graphql and operations.graphql (run npm run codegen after a change)', async () => {
    // generate() is typed `FileOutput[] | any` (watch mode returns nothing); without watch it is the outputs.
    const outputs: Types.FileOutput[] = await generate({ ...codegenConfig, cwd: projectRoot }, false);
    const store = outputs.find((o) => o.filename.endsWith('persisted-documents.json'));
    expect(store, 'codegen.ts writes persisted-documents.json').toBeDefined();
    expect(fs.readFileSync(PERSISTED_DOCUMENTS_FILE, 'utf8')).toBe(store!.content);
    const client = outputs.find((o) => o.filename.endsWith('graphql-client/graphql.ts'))!;
    expect(fs.readFileSync(path.join(projectRoot, 'src/generated/graphql-client/graphql.ts'), 'utf8')).toBe(client.content);
  });

  it('serves the page the ids the server holds, one per dashboard operation', async () => {
    const response = await open.fetch('http://localhost/dashboard/persisted-documents.json', { method: 'GET' });
    expect(response.status).toBe(200);
    const ids = (await response.json()) as Record<string, string>;
    expect(ids).toEqual({
      DashboardOptions: idOf(DashboardOptionsDocument),
      DashboardComparison: idOf(DashboardComparisonDocument),
      DashboardElection: idOf(DashboardElectionDocument),
      DashboardSearch: idOf(DashboardSearchDocument),
      DashboardPeople: idOf(DashboardPeopleDocument),
    });
    const store = JSON.parse(fs.readFileSync(PERSISTED_DOCUMENTS_FILE, 'utf8')) as Record<string, string>;
    expect(Object.keys(store).sort()).toEqual(Object.values(ids).sort());
    for (const id of Object.values(ids)) expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('by default (any document allowed)', () => {
  it('answers each dashboard operation by id with the same data as by text', async () => {
    for (const check of dashboardOperations(open)) await check();
  });

  it('gives typed results: the comparison by id, read through its generated types', async () => {
    const r = await send(open, DashboardComparisonDocument, comparisonVariables);
    const comparison = r.data!.comparison;
    expect(comparison.subject.name).toBe('CIS-EMO');
    expect(r.data!.focus?.name).toBe('OSCE Office for Democratic Institutions and Human Rights');
    expect(comparison.elections.totalCount).toBeGreaterThan(0);
    const ukraine2012 = comparison.elections.edges
      .map((e) => e.node)
      .find((n) => n.election.title === 'Ukraine parliamentary election 2012')!;
    const odihr = ukraine2012.rounds[0].others.find(
      (o) => o.organization?.name === 'OSCE Office for Democratic Institutions and Human Rights',
    )!;
    expect([ukraine2012.rounds[0].subjectVerdict, odihr.verdict, odihr.gap]).toEqual(['ENDORSED', 'CRITICAL', 3]);
    expect(comparison.summary?.byBody.length).toBeGreaterThan(0);

    const election = await send(open, DashboardElectionDocument, { id: ukraine2012.election.id });
    const node = election.data!.node;
    expect(node && 'title' in node ? node.title : null).toBe('Ukraine parliamentary election 2012');
  });

  it('takes the id as Apollo sends it too (extensions.persistedQuery.sha256Hash, bare hex)', async () => {
    const byApq = await send(open, DashboardOptionsDocument, { first: 100 }, 'apq');
    const byId = await send(open, DashboardOptionsDocument, { first: 100 }, 'id');
    expect(byApq.errors).toBeUndefined();
    expect(byApq.data).toEqual(byId.data);
  });

  it('still runs any document sent as text', async () => {
    const r = await post<{ organization: { name: string } }>(open, { query: ARBITRARY });
    expect(r.errors).toBeUndefined();
    expect(r.data!.organization.name).toBe('CIS-EMO');
  });

  it('refuses an unknown id, naming it', async () => {
    const r = await post(open, { documentId: `sha256:${'0'.repeat(64)}` });
    expect(r.status).toBe(400);
    expect(r.errors![0].extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(r.errors![0].message).toBe(
      `No persisted operation has the id "sha256:${'0'.repeat(64)}"; the ids are listed at /dashboard/persisted-documents.json, or send the document as \`query\`.`,
    );
  });
});

describe('with persisted operations only', () => {
  it('refuses any other document with a client error that says why', async () => {
    const r = await post(locked, { query: ARBITRARY });
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions?.code).toBe('PERSISTED_OPERATIONS_ONLY');
    expect(r.errors![0].message).toContain(LOCKED_MESSAGE);
    // The dashboard's own text is refused as text as well: only the ids are trusted.
    const asText = await send(locked, DashboardOptionsDocument, { first: 100 }, 'text');
    expect(asText.errors![0].extensions?.code).toBe('PERSISTED_OPERATIONS_ONLY');
  });

  it('still answers the dashboard operations by id, as the open server does by text', async () => {
    for (const check of dashboardOperations(locked)) await check();
  });

  it('answers a GET naming the id in its URL', async () => {
    const url = new URL('http://localhost/graphql');
    url.search = new URLSearchParams({
      documentId: idOf(DashboardOptionsDocument),
      operationName: 'DashboardOptions',
      variables: JSON.stringify({ first: 5 }),
    }).toString();
    const response = await locked.fetch(url.toString(), { method: 'GET', headers: { accept: 'application/json' } });
    const body = (await response.json()) as Omit<Answer<DashboardOptionsQuery>, 'status'>;
    expect(body.errors).toBeUndefined();
    expect(body.data!.comparison.elections.edges).toHaveLength(5);
  });

  it('refuses an unknown id and a request with neither id nor document, clearly', async () => {
    const unknown = await post(locked, { documentId: 'sha256:not-a-hash' });
    expect(unknown.status).toBe(400);
    expect(unknown.errors![0]).toMatchObject({ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } });
    expect(unknown.errors![0].message).toContain('"sha256:not-a-hash"');
    expect(unknown.errors![0].message).toContain(LOCKED_MESSAGE);
    const neither = await post(locked, { operationName: 'DashboardOptions' });
    expect(neither.status).toBe(400);
    expect(neither.errors![0].extensions?.code).toBe('BAD_REQUEST');
    expect(neither.errors![0].message).toContain(LOCKED_MESSAGE);
  });

  it("keeps the server's own export working, and a forged internal header gets nothing", async () => {
    const csv = await locked.fetch('http://localhost/export/comparison.csv?country=Ukraine&yearFrom=2012&yearTo=2012', { method: 'GET' });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Ukraine parliamentary election 2012');
    const forged = await locked.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-observer-ledger-internal': 'guess' },
      body: JSON.stringify({ query: ARBITRARY }),
    });
    expect(forged.status).toBe(400);
  });

  it('is read from PERSISTED_OPERATIONS_ONLY when the server is created', async () => {
    const saved = process.env.PERSISTED_OPERATIONS_ONLY;
    try {
      process.env.PERSISTED_OPERATIONS_ONLY = '1';
      const fromEnv = createServer(t.db);
      const r = await post(fromEnv, { query: ARBITRARY });
      expect(r.errors![0].extensions?.code).toBe('PERSISTED_OPERATIONS_ONLY');
      process.env.PERSISTED_OPERATIONS_ONLY = 'yes please';
      expect(() => createServer(t.db)).toThrow('PERSISTED_OPERATIONS_ONLY must be 1 or 0 (true or false), not "yes please"');
    } finally {
      if (saved === undefined) delete process.env.PERSISTED_OPERATIONS_ONLY;
      else process.env.PERSISTED_OPERATIONS_ONLY = saved;
    }
    expect([persistedOnlyFromEnv(undefined), persistedOnlyFromEnv('0'), persistedOnlyFromEnv('true')]).toEqual([false, false, true]);
  });
});
