/**
 * A coding that gives no verdict on purpose: a source's NO_VERDICT cell, or a curator's
 * setNoVerdict, records the judgement that a statement assesses no election (codebook R15).
 * In force, it leaves the statement without a verdict whatever the rule coder said; an empty
 * cell records nothing, and the rule coder's verdict stands.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestStatementsFile, type FileReport } from '../src/ingest/pipeline.js';
import { createToken } from '../src/curation/tokens.js';
import { CsvValidationError } from '../src/ingest/statements-csv.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { HEADER } from '../src/synth/world.js';

let t: TestDatabase;
let editor: string;
beforeAll(async () => {
  t = await createTestDatabase();
  editor = (await createToken(t.db, 'abstaining-editor', 'EDITOR')).secret;
});
afterAll(async () => t?.close());

// The rule coder codes this quote ENDORSED (a stock formula), so an abstention has something to beat.
const QUOTE = 'The elections were free, fair and transparent';
// Each test its own election: the same words on one election from two sources would be one statement with two texts.
const row = (verdict: string, year: number) =>
  `PACE,Armenia,parliamentary,${year}-02-18,1,${year}-02-19,press,,"${QUOTE}",en,false,${verdict},t,,`;

function write(relative: string, rows: string[]): string {
  const file = path.join(t.dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
  return file;
}

const ingest = async (file: string, key: string): Promise<FileReport> =>
  (await ingestStatementsFile(t.db, file, undefined, { key })).files[0];

interface Coding {
  coder: string;
  verdict: string | null;
  abstained: boolean;
  score: number | null;
}
interface StatementView {
  id: string;
  verdict: string | null;
  score: number | null;
  verdictCoding: Coding | null;
  codings: Coding[];
}

async function statementOf(key: string): Promise<StatementView> {
  const r = await t.gql<{ statements: { edges: { node: StatementView }[] } }>(
    `query ($f: StatementFilter) { statements(filter: $f, first: 5) { edges { node {
      id verdict score verdictCoding { coder verdict abstained score } codings { coder verdict abstained score } } } } }`,
    { f: { source: key } },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data!.statements.edges).toHaveLength(1);
  return r.data!.statements.edges[0].node;
}

async function asEditor<T>(query: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await t.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${editor}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}

const byCoder = (s: StatementView) => Object.fromEntries(s.codings.map((c) => [c.coder, c]));

describe('a NO_VERDICT cell', () => {
  it('is the source coding no verdict: it beats the rule coder, and the statement has none', async () => {
    const key = 'test/abstains';
    const r = await ingest(write('abstains.csv', [row('NO_VERDICT', 2001)]), key);
    expect(r).toMatchObject({ new: 1 });
    const s = await statementOf(key);
    expect(s.verdict).toBeNull();
    expect(s.score).toBeNull();
    expect(s.verdictCoding).toEqual({ coder: 'SOURCE', verdict: null, abstained: true, score: null });
    // The rule coder's verdict is kept beside it, not in force.
    expect(byCoder(s).RULE).toMatchObject({ verdict: 'ENDORSED', abstained: false });
    expect(await t.db.statement.count({ where: { id: decodeGlobalID(s.id).id, verdict: null, verdictScore: null } })).toBe(1);
  });

  it('differs from an empty cell, which codes nothing and leaves the rule coder in force', async () => {
    const key = 'test/empty-cell';
    await ingest(write('empty-cell.csv', [row('', 2002)]), key);
    const s = await statementOf(key);
    expect(s.verdict).toBe('ENDORSED');
    expect(s.verdictCoding).toMatchObject({ coder: 'RULE', abstained: false });
    expect(byCoder(s).SOURCE).toBeUndefined();
  });

  it('is read in any case and with a space; a second run changes nothing', async () => {
    const key = 'test/abstains-spelled';
    const file = write('abstains-spelled.csv', [row('no verdict', 2003)]);
    await ingest(file, key);
    const before = await statementOf(key);
    expect(before.verdictCoding).toMatchObject({ coder: 'SOURCE', abstained: true });
    const again = await ingest(file, key);
    expect(again).toMatchObject({ version: 1, new: 0, updated: 0, unchanged: 1, retired: 0 });
    expect(await statementOf(key)).toEqual(before);
  });

  it('a new version that gives a verdict, then none, then an abstention again updates the statement each time', async () => {
    const key = 'test/recoded';
    await ingest(write('recoded/v1.csv', [row('NO_VERDICT', 2004)]), key);
    const v2 = await ingest(write('recoded/v2.csv', [row('MIXED', 2004)]), key);
    expect(v2).toMatchObject({ version: 2, updated: 1, unchanged: 0 });
    let s = await statementOf(key);
    expect(s.verdict).toBe('MIXED');
    expect(s.verdictCoding).toMatchObject({ coder: 'SOURCE', verdict: 'MIXED', abstained: false });

    const v3 = await ingest(write('recoded/v3.csv', [row('', 2004)]), key);
    expect(v3).toMatchObject({ version: 3, updated: 1 });
    s = await statementOf(key);
    expect(s.verdictCoding).toMatchObject({ coder: 'RULE', verdict: 'ENDORSED' });
    expect(byCoder(s).SOURCE).toBeUndefined();

    const v4 = await ingest(write('recoded/v4.csv', [row('NO_VERDICT', 2004)]), key);
    expect(v4).toMatchObject({ version: 4, updated: 1 });
    s = await statementOf(key);
    expect(s.verdict).toBeNull();
    expect(s.verdictCoding).toMatchObject({ coder: 'SOURCE', abstained: true });
  });

  it('a word that is no verdict is refused, naming file, row and field and the words that are', async () => {
    const file = write('bad-verdict.csv', [row('NO VERDICTS', 2005)]);
    const error = await ingest(file, 'test/bad-verdict').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvValidationError);
    expect((error as CsvValidationError).problems).toEqual([
      expect.objectContaining({ row: 2, field: 'verdict', message: expect.stringContaining('NO_VERDICT') }),
    ]);
    expect(await t.db.source.count({ where: { key: 'test/bad-verdict' } })).toBe(0);
  });
});

describe('setNoVerdict', () => {
  it("a curator's abstention beats the source's verdict, is audited, and withdrawVerdict takes it back", async () => {
    const key = 'test/curated-abstention';
    await ingest(write('curated-abstention.csv', [row('LARGELY_POSITIVE', 2006)]), key);
    const { id: globalId } = await statementOf(key);
    const id = decodeGlobalID(globalId).id;
    const set = await asEditor<{ setNoVerdict: StatementView }>(
      'mutation ($s: ID!) { setNoVerdict(statement: $s, note: "a remark on the political system") { verdict verdictCoding { coder verdict abstained } } }',
      { s: globalId },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setNoVerdict).toEqual({ verdict: null, verdictCoding: { coder: 'HUMAN', verdict: null, abstained: true } });
    const s = await statementOf(key);
    expect(byCoder(s).SOURCE).toMatchObject({ verdict: 'LARGELY_POSITIVE' });
    const audit = await t.db.auditEntry.findFirst({ where: { entityId: id, action: 'SET_VERDICT' }, orderBy: { at: 'desc' } });
    expect(audit?.note).toBe('a remark on the political system');
    expect(JSON.parse(String(audit?.after))).toMatchObject({ verdict: null });
    expect(JSON.parse(String(audit?.before))).toMatchObject({ verdict: 'LARGELY_POSITIVE' });

    const back = await asEditor<{ withdrawVerdict: { verdict: string | null } }>(
      'mutation ($s: ID!) { withdrawVerdict(statement: $s) { verdict } }',
      { s: globalId },
    );
    expect(back.errors).toBeUndefined();
    expect(back.data!.withdrawVerdict.verdict).toBe('LARGELY_POSITIVE');
  });

  it('needs an editor token', async () => {
    const { id } = await statementOf('test/abstains');
    const r = await t.gql('mutation ($s: ID!) { setNoVerdict(statement: $s) { verdict } }', { s: id });
    expect(r.errors?.[0]?.message).toBeTruthy();
    expect((await statementOf('test/abstains')).verdictCoding).toMatchObject({ coder: 'SOURCE' });
  });
});
