/**
 * Sources are versions. A spreadsheet is a source under its key (its path by default, never its
 * bare name); loading it again with other content is a new version that updates, keeps and retires
 * the statements read from it, and nothing is deleted: retired and withdrawn statements keep
 * resolving by ID, with their history. Withdrawals are curation decisions, audited, reversible and
 * honoured by every re-ingest.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestStatementsFile, type FileReport } from '../src/ingest/pipeline.js';
import { createToken } from '../src/curation/tokens.js';
import { formatFileReport } from '../src/ingest/report.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { HEADER } from '../src/synth/world.js';

const run = promisify(execFile);

let t: TestDatabase;
let editor: string;
beforeAll(async () => {
  t = await createTestDatabase();
  editor = (await createToken(t.db, 'versions-editor', 'EDITOR')).secret;
});
afterAll(async () => t?.close());

function write(relative: string, rows: string[]): string {
  const file = path.join(t.dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
  return file;
}

const ingest = async (file: string, key?: string): Promise<FileReport> =>
  (await ingestStatementsFile(t.db, file, undefined, { key })).files[0];

async function asEditor<T>(query: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await t.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${editor}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}

interface StatementNode {
  id: string;
  quote: string;
  status: string;
  locator: string;
  source: { key: string };
  firstSeen: { number: number } | null;
  lastSeen: { number: number } | null;
  revisions: { quote: string; locator: string; firstSeenVersion: number; lastSeenVersion: number; verdict: string | null }[];
}

const STATEMENT_FIELDS = `id quote status locator source { key } firstSeen { number } lastSeen { number }
  revisions { quote locator firstSeenVersion lastSeenVersion verdict }`;

async function statementsOf(organization: string, area: string, year: number, statuses?: string[]): Promise<StatementNode[]> {
  const r = await t.gql<{ statements: { edges: { node: StatementNode }[] } }>(
    `query ($f: StatementFilter) { statements(filter: $f, first: 50) { edges { node { ${STATEMENT_FIELDS} } } } }`,
    { f: { organization, area, yearFrom: year, yearTo: year, statuses } },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.statements.edges.map((e) => e.node);
}

async function node(id: string): Promise<StatementNode | null> {
  const r = await t.gql<{ node: StatementNode | null }>(`query ($id: ID!) { node(id: $id) { ... on Statement { ${STATEMENT_FIELDS} } } }`, {
    id,
  });
  expect(r.errors).toBeUndefined();
  return r.data!.node;
}

/** The comparison's figures for one body, as the dashboard reads them. */
async function coverage(): Promise<{ elections: number; observed: number }> {
  const r = await t.gql<{ comparison: { summary: { elections: number; subjectObservedElections: number } } }>(
    '{ comparison(subject: "CIS-EMO", scope: ALL) { summary { elections subjectObservedElections } } }',
  );
  expect(r.errors).toBeUndefined();
  return { elections: r.data!.comparison.summary.elections, observed: r.data!.comparison.summary.subjectObservedElections };
}

describe('a source is what its key says, not its file name', () => {
  it('two files with one name in two folders are two sources, each statement citing its own', async () => {
    const a = write('a/mine.csv', [
      'PACE,Armenia,parliamentary,2012-05-06,1,2012-05-07,press,,the vote in Armenia was calm,en,false,LARGELY_POSITIVE,a,,',
    ]);
    const b = write('b/mine.csv', [
      'PACE,Georgia,parliamentary,2012-10-01,1,2012-10-02,press,,the vote in Georgia was tense,en,false,MIXED,b,,',
    ]);
    const ra = await ingest(a);
    const rb = await ingest(b);
    expect(ra.key).not.toBe(rb.key);
    expect(ra.key).toMatch(/a\/mine\.csv$/);
    expect(rb.key).toMatch(/b\/mine\.csv$/);
    const [armenia] = await statementsOf('PACE', 'Armenia', 2012);
    const [georgia] = await statementsOf('PACE', 'Georgia', 2012);
    expect(armenia.source.key).toBe(ra.key);
    expect(georgia.source.key).toBe(rb.key);
    const sources = await t.db.source.findMany({ where: { key: { in: [ra.key, rb.key] } } });
    expect(new Set(sources.map((s) => s.sha256)).size).toBe(2);
  });

  it('a key given by the user makes two paths one source, and the second file its second version', async () => {
    const first = write('one/belarus.csv', [
      'PACE,Belarus,parliamentary,2012-09-23,1,2012-09-24,press,,the vote was not competitive,en,false,CRITICAL,x,,',
    ]);
    const second = write('two/belarus-fixed.csv', [
      'PACE,Belarus,parliamentary,2012-09-23,1,2012-09-24,press,,the vote was not competitive at all,en,false,CRITICAL,x,,',
    ]);
    expect((await ingest(first, 'my/belarus')).version).toBe(1);
    const r = await ingest(second, 'my/belarus');
    expect(r).toMatchObject({ key: 'my/belarus', version: 2, new: 0, updated: 1, retired: 0 });
  });
});

describe('facts a spreadsheet restates on each row', () => {
  const KYRGYZ = [
    'PACE,Kyrgyzstan,presidential,2017-10-15,1,2017-10-16,press,,the vote was competitive,en,false,LARGELY_POSITIVE,k,,',
    'PACE,Kyrgyzstan,presidential,2017-10-15,1,2017-10-17,interview,,misuse of public resources was noted,en,false,MIXED,k,,',
    'PACE,Kyrgyzstan,presidential,2017-10-15,1,2017-10-20,final,,the election was peaceful and orderly,en,false,LARGELY_POSITIVE,k,,',
  ];
  const claimsOf = async (key: string) =>
    t.db.claim.findMany({
      where: { source: { key }, entityType: { in: ['Election', 'Mission'] } },
      select: { id: true, entityType: true, property: true, locator: true, excerpt: true, retiredAt: true },
      orderBy: { entityType: 'asc' },
    });

  it('are claimed once, at the first row that states them, and move to the next such row when it goes', async () => {
    const file = write('restated/kyrgyzstan.csv', KYRGYZ);
    const { key } = await ingest(file);
    const first = await claimsOf(key);
    expect(first.map((c) => [c.entityType, c.property, c.locator, c.retiredAt])).toEqual([
      ['Election', 'date', 'row 2', null],
      ['Mission', 'observed', 'row 2', null],
    ]);
    // The first row removed: the same claims, now citing the row that states the facts first.
    write('restated/kyrgyzstan.csv', KYRGYZ.slice(1));
    await ingest(file);
    const second = await claimsOf(key);
    expect(second.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(second.map((c) => [c.locator, c.excerpt, c.retiredAt])).toEqual([
      ['row 2', 'misuse of public resources was noted', null],
      ['row 2', 'statement as observer: misuse of public resources was noted', null],
    ]);
    // Every row removed but one of another election: the facts no row states any more are retired.
    write('restated/kyrgyzstan.csv', [KYRGYZ[0].replace('Kyrgyzstan', 'Armenia')]);
    await ingest(file);
    const third = await claimsOf(key);
    expect(third.filter((c) => first.some((f) => f.id === c.id)).every((c) => c.retiredAt !== null)).toBe(true);
  });
});

describe('a new version of a spreadsheet', () => {
  const ROWS = [
    'PACE,Azerbaijan,presidential,2013-10-09,1,2013-10-10,press,,the election was marred by limits on freedom of expression,en,false,CRITICAL,t,,',
    'PACE,Azerbaijan,presidential,2013-10-09,1,2013-10-10,interview,,we saw a calm and orderly voting day,en,false,LARGELY_POSITIVE,t,,',
    'PACE,Azerbaijan,presidential,2013-10-09,1,2013-10-11,final,,the process fell short of a genuinely democratic election,en,false,CRITICAL,t,,',
  ];
  let file: string;
  let ids: Map<string, string>;

  it('first version: three new statements, each first and last seen in version 1', async () => {
    file = write('edits/azerbaijan.csv', ROWS);
    const r = await ingest(file);
    expect(r).toMatchObject({ version: 1, sameContent: false, new: 3, updated: 0, unchanged: 0, retired: 0 });
    const statements = await statementsOf('PACE', 'Azerbaijan', 2013);
    expect(statements).toHaveLength(3);
    expect(statements.every((s) => s.firstSeen?.number === 1 && s.lastSeen?.number === 1)).toBe(true);
    ids = new Map(statements.map((s) => [s.locator, s.id]));
  });

  it('the same content again is the same version, and the report says nothing changed', async () => {
    const r = await ingest(file);
    expect(r).toMatchObject({ version: 1, sameContent: true, new: 0, updated: 0, unchanged: 3, retired: 0 });
    expect(formatFileReport(r)).toMatch(/version 1 again \(content unchanged\)/);
    expect(formatFileReport(r)).toMatch(/0 new, 0 updated, 3 unchanged, 0 retired/);
  });

  it('an edited quote updates its statement in place: same ID, the earlier text kept as a revision, counted once', async () => {
    write('edits/azerbaijan.csv', [ROWS[0], ROWS[1].replace('calm and orderly', 'calm and very orderly'), ROWS[2]]);
    const r = await ingest(file);
    expect(r).toMatchObject({ version: 2, sameContent: false, new: 0, updated: 1, unchanged: 2, retired: 0 });
    const statements = await statementsOf('PACE', 'Azerbaijan', 2013);
    expect(statements).toHaveLength(3);
    const edited = statements.find((s) => s.locator === 'row 3')!;
    expect(edited.id).toBe(ids.get('row 3'));
    expect(edited.quote).toMatch(/calm and very orderly/);
    expect(edited).toMatchObject({ firstSeen: { number: 1 }, lastSeen: { number: 2 } });
    expect(edited.revisions).toEqual([
      {
        quote: 'we saw a calm and orderly voting day',
        locator: 'row 3',
        firstSeenVersion: 1,
        lastSeenVersion: 1,
        verdict: 'LARGELY_POSITIVE',
      },
    ]);
    const versions = await t.gql<{ node: { versions: { number: number; statementsUpdated: number; statementsUnchanged: number }[] } }>(
      `query ($id: ID!) { node(id: $id) { ... on Source { versions { number statementsUpdated statementsUnchanged } } } }`,
      { id: encodeGlobalID('Source', (await t.db.source.findUniqueOrThrow({ where: { key: r.key } })).id) },
    );
    expect(versions.data!.node.versions).toEqual([
      { number: 2, statementsUpdated: 1, statementsUnchanged: 2 },
      { number: 1, statementsUpdated: 0, statementsUnchanged: 0 },
    ]);
  });

  it('a removed row retires its statement: out of every list, still resolving by ID with its status', async () => {
    write('edits/azerbaijan.csv', [ROWS[0], ROWS[2]]);
    const r = await ingest(file);
    expect(r).toMatchObject({ version: 3, new: 0, retired: 1 });
    const listed = await statementsOf('PACE', 'Azerbaijan', 2013);
    expect(listed.map((s) => s.locator).sort()).toEqual(['row 2', 'row 3']);
    const gone = await node(ids.get('row 3')!);
    expect(gone).toMatchObject({ status: 'RETIRED', lastSeen: { number: 2 } });
    expect((await statementsOf('PACE', 'Azerbaijan', 2013, ['RETIRED'])).map((s) => s.id)).toEqual([ids.get('row 3')]);
    // The moved row keeps its statement; its claims now cite row 3, and the old row-4 claims are retired.
    const moved = listed.find((s) => s.quote.startsWith('the process fell short'))!;
    expect(moved.id).toBe(ids.get('row 4'));
    const claims = await t.db.claim.findMany({ where: { entityType: 'Statement', entityId: decodeGlobalID(moved.id).id } });
    expect(claims.filter((c) => !c.retiredAt).map((c) => c.locator)).toEqual(['row 3']);
    expect(claims.filter((c) => c.retiredAt).map((c) => c.locator)).toEqual(['row 4']);
  });

  it('a row put back brings its statement back in force, under its old ID', async () => {
    write('edits/azerbaijan.csv', [ROWS[0], ROWS[1].replace('calm and orderly', 'calm and very orderly'), ROWS[2]]);
    const r = await ingest(file);
    expect(r).toMatchObject({ version: 4, new: 0, retired: 0 });
    expect(await node(ids.get('row 3')!)).toMatchObject({ status: 'IN_FORCE', lastSeen: { number: 4 } });
  });

  it('a near-copy of a statement on record is loaded with a warning that names it', async () => {
    const other = write('edits/azerbaijan-copy.csv', [
      'PACE,Azerbaijan,presidential,2013-10-09,1,2013-10-10,press,,the election was marred by limits on freedom of expresion,en,false,CRITICAL,t,,',
    ]);
    const r = await ingest(other);
    expect(r.new).toBe(1);
    expect(r.nearDuplicates).toEqual([
      expect.objectContaining({ locator: 'row 2', statementId: decodeGlobalID(ids.get('row 2')!).id, statementLocator: 'row 2' }),
    ]);
    expect(formatFileReport(r)).toContain(`nearly repeats statement ${ids.get('row 2')}`);
  });
});

describe('withdrawals', () => {
  const WITHDRAW = `mutation ($id: ID!, $note: String) { withdrawStatement(statement: $id, note: $note) { id status withdrawnAt } }`;
  const RESTORE = `mutation ($id: ID!) { restoreStatement(statement: $id) { id status } }`;

  it('a withdrawn statement leaves every list and figure, is audited, survives re-ingest, and comes back when restored', async () => {
    const file = write('withdraw/ecuador.csv', [
      'CIS-EMO,Ecuador,presidential,2017-02-19,1,2017-02-20,press,,the election was free and fair,en,false,ENDORSED,w,,',
      'PACE,Ecuador,presidential,2017-02-19,1,2017-02-20,press,,the election was competitive but flawed,en,false,MIXED,w,,',
    ]);
    const before = await coverage();
    await ingest(file);
    const loaded = await coverage();
    expect(loaded.observed).toBe(before.observed + 1);
    const cisEmo = (await statementsOf('CIS-EMO', 'Ecuador', 2017))[0];

    const w = await asEditor<{ withdrawStatement: { status: string; withdrawnAt: string } }>(WITHDRAW, {
      id: cisEmo.id,
      note: 'loaded by mistake',
    });
    expect(w.errors).toBeUndefined();
    expect(w.data!.withdrawStatement.status).toBe('WITHDRAWN');
    expect(await statementsOf('CIS-EMO', 'Ecuador', 2017)).toEqual([]);
    // Its row's mission claim went with it: CIS-EMO no longer counts as an observer there.
    expect(await coverage()).toEqual({ elections: loaded.elections, observed: before.observed });
    const audit = await t.db.auditEntry.findFirst({ where: { action: 'WITHDRAW_STATEMENT' }, orderBy: { at: 'desc' } });
    expect(audit).toMatchObject({ actor: 'versions-editor', note: 'loaded by mistake' });

    const again = await ingest(file);
    expect(again).toMatchObject({ withdrawn: 1, unchanged: 2 });
    expect(await statementsOf('CIS-EMO', 'Ecuador', 2017)).toEqual([]);
    expect((await node(cisEmo.id))!.status).toBe('WITHDRAWN');

    const r = await asEditor<{ restoreStatement: { status: string } }>(RESTORE, { id: cisEmo.id });
    expect(r.data!.restoreStatement.status).toBe('IN_FORCE');
    expect(await statementsOf('CIS-EMO', 'Ecuador', 2017)).toHaveLength(1);
    expect(await coverage()).toEqual(loaded);
    const twice = await asEditor(RESTORE, { id: cisEmo.id });
    expect(twice.errors?.[0].message).toMatch(/not withdrawn/);
  });

  it('a source withdrawn from the command line takes its statements out, stays out through re-ingest, and is restored', async () => {
    const file = write('withdraw/peru.csv', [
      'CIS-EMO,Peru,presidential,2016-04-10,1,2016-04-11,press,,the election met every standard,en,false,ENDORSED,s,,',
      'PACE,Peru,presidential,2016-04-10,1,2016-04-11,press,,the election lacked real choice,en,false,CRITICAL,s,,',
    ]);
    const before = await coverage();
    const { key } = await ingest(file);
    expect((await coverage()).observed).toBe(before.observed + 1);
    const env = { ...process.env, DATABASE_URL: t.url };
    const out = await run('npx', ['tsx', 'scripts/withdraw.ts', 'source', key, '--note', 'not ours'], { env });
    expect(out.stdout).toMatch(/withdrawn since/);
    expect(await statementsOf('CIS-EMO', 'Peru', 2016)).toEqual([]);
    expect(await statementsOf('PACE', 'Peru', 2016)).toEqual([]);
    expect((await coverage()).observed).toBe(before.observed);
    const audit = await t.db.auditEntry.findFirst({ where: { action: 'WITHDRAW_SOURCE' }, orderBy: { at: 'desc' } });
    expect(audit?.actor).toMatch(/^cli:/);

    const again = await ingest(file);
    expect(again.sourceWithdrawn).toBe(true);
    expect(formatFileReport(again)).toMatch(/the source is withdrawn/);
    expect(await statementsOf('PACE', 'Peru', 2016)).toEqual([]);

    await run('npx', ['tsx', 'scripts/withdraw.ts', 'source', key, '--restore'], { env });
    expect(await statementsOf('PACE', 'Peru', 2016)).toHaveLength(1);
    expect((await coverage()).observed).toBe(before.observed + 1);
  });
});

describe('a spreadsheet uploaded through the API', () => {
  const INGEST = `mutation ($key: String!, $csv: String!) { ingestStatements(key: $key, csv: $csv) {
    source { key path versions { number } } version sameContent new updated unchanged retired nearDuplicates { locator similarity statement { id } } } }`;
  const csv = (rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
  const ROW =
    'PACE,Mongolia,presidential,2017-06-26,1,2017-06-27,press,,the election was competitive and well run,en,false,LARGELY_POSITIVE,u,,';

  it('is a version of the source its key names, as the command line makes it, and is audited', async () => {
    const first = await asEditor<{ ingestStatements: Record<string, unknown> }>(INGEST, {
      key: 'dataset/uploads/mongolia',
      csv: csv([ROW]),
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.ingestStatements).toMatchObject({ source: { key: 'dataset/uploads/mongolia', path: null }, version: 1, new: 1 });
    const second = await asEditor<{ ingestStatements: Record<string, unknown> }>(INGEST, {
      key: 'dataset/uploads/mongolia',
      csv: csv([ROW.replace('well run', 'very well run')]),
    });
    expect(second.data!.ingestStatements).toMatchObject({
      version: 2,
      new: 0,
      updated: 1,
      source: { versions: [{ number: 2 }, { number: 1 }] },
    });
    const audit = await t.db.auditEntry.findMany({ where: { action: 'INGEST_SPREADSHEET' } });
    expect(audit).toHaveLength(2);
  });

  it('a bad spreadsheet names row and field and writes nothing; a key of a document is refused; readers may not upload', async () => {
    const before = await t.db.statement.count();
    const bad = await asEditor(INGEST, { key: 'dataset/uploads/bad', csv: csv([ROW.replace('presidential', 'imperial')]) });
    expect(bad.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', problems: [{ row: 2, field: 'election_type', message: expect.stringMatching(/imperial/) }] },
    });
    const article = await asEditor(INGEST, { key: 'corpus/000', csv: csv([ROW]) });
    expect(article.errors?.[0]).toMatchObject({ message: expect.stringMatching(/kind ARTICLE/), extensions: { field: 'key' } });
    const anonymous = await t.gql(INGEST, { key: 'dataset/uploads/anon', csv: csv([ROW]) });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.db.statement.count()).toBe(before);
    expect(await t.db.source.count({ where: { key: { startsWith: 'dataset/uploads/' } } })).toBe(1);
  });
});
