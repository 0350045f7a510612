/**
 * Curation through GraphQL on the bundled data: statements, human verdicts, aliases, merges and
 * splits, judgements, and the audit trail; and that every decision survives re-ingestion.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { snapshot } from './helpers/snapshot.js';
import { errorCode, postGraphQL, type GraphQLResponse } from './helpers/graphql.js';
import { createToken } from '../src/curation/tokens.js';
import { createServer } from '../src/server/yoga.js';
import { ingestBundled, ingestStatementsFile } from '../src/ingest/pipeline.js';
import { sourcesDir } from '../src/ingest/sources.js';
import { ReadCache } from '../src/read/read-cache.js';

let t: TestDatabase;
let server: ReturnType<typeof createServer>;
let editor = '';
let admin = '';

beforeAll(async () => {
  t = await createTestDatabase();
  // One curator makes many changes here in a row: the write rate limit (tested elsewhere) is lifted.
  server = createServer(t.db, { limits: { writeBurst: 10_000 } });
  editor = (await createToken(t.db, 'ed-test', 'EDITOR')).secret;
  admin = (await createToken(t.db, 'admin-test', 'ADMIN')).secret;
});
afterAll(async () => t?.close());

// biome-ignore lint/suspicious/noExplicitAny: response shapes vary per query; each test reads what it asked for
type Any = any;
const gql = (query: string, variables?: Record<string, unknown>, token: string | undefined = editor): Promise<GraphQLResponse<Any>> =>
  postGraphQL<Any>(server, query, variables, token);

/** Every table's content except the decisions (a split revokes its decision, which stays on record). */
async function content(): Promise<Record<string, string>> {
  const { Decision: _decisions, ...rest } = await snapshot(t.db);
  return rest;
}

async function idOf(kind: 'organization' | 'area' | 'person', name: string): Promise<string> {
  const r = await gql(`query ($n: String!) { x: ${kind}(name: $n) { id } }`, { n: name });
  expect(r.errors).toBeUndefined();
  return r.data.x.id as string;
}

const MERGE = `mutation ($s: ID!, $m: ID!, $note: String) { mergeRecords(survivor: $s, merged: $m, note: $note) {
  rows survivor { id ... on Organization { name } } merged { id } decision { kind leftKey rightKey decidedBy } } }`;
const SPLIT = `mutation ($m: ID!) { splitRecords(merged: $m) { rows merged { id ... on Organization { name } } decision { revokedAt revokedBy } } }`;

const STATEMENT = {
  organization: 'Interparliamentary Observers of the Commonwealth',
  jurisdiction: 'Ukraine',
  electionType: 'PARLIAMENTARY',
  electionDate: '2012-10-28',
  round: 'FIRST',
  statementDate: '2012-10-30',
  statementKind: 'PRESS',
  speaker: 'Aleksey Kochetkov',
  quote: 'The elections were free, fair and transparent and reflect the will of the people.',
  quoteLanguage: 'en',
  translated: false,
  sourceTitle: 'Press release',
  sourceUrl: 'https://example.org/press/2012-10-30',
};
const ADD = `mutation ($input: AddStatementInput!) { addStatement(input: $input) { created statement {
  id quote verdict organization { id name } speaker { id name } source { kind title } verdictCoding { coder } } } }`;

describe('adding a statement', () => {
  it('is checked, reconciled and rule-coded like a spreadsheet row, from a CURATION source', async () => {
    const r = await gql(ADD, { input: STATEMENT });
    expect(r.errors).toBeUndefined();
    const s = r.data.addStatement.statement;
    expect(r.data.addStatement.created).toBe(true);
    expect(s.organization.name).toBe(STATEMENT.organization);
    expect(s.source).toEqual({ kind: 'CURATION', title: 'Added through the API by ed-test' });
    expect(s.verdict).toBe('ENDORSED');
    expect(s.verdictCoding.coder).toBe('RULE');
    const audit = await gql(`query ($r: ID!) { auditLog(filter: { record: $r }) { edges { node { action actor before after } } } }`, {
      r: s.id,
    });
    expect(audit.data.auditLog.edges.map((e: Any) => [e.node.action, e.node.actor])).toEqual([['ADD_STATEMENT', 'ed-test']]);
    expect(audit.data.auditLog.edges[0].node.after.statement.quote).toBe(STATEMENT.quote);
  });

  it('the same statement twice writes nothing the second time', async () => {
    const before = await content();
    const r = await gql(ADD, { input: STATEMENT });
    expect(r.data.addStatement.created).toBe(false);
    expect(await content()).toEqual(before);
  });

  it('bad fields are named, and nothing is written', async () => {
    const before = await content();
    const r = await gql(ADD, {
      input: {
        ...STATEMENT,
        jurisdiction: 'Atlantis',
        electionDate: '2012-13-45',
        quoteLanguage: 'english',
        sourceUrl: 'javascript:alert(1)',
      },
    });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect((r.errors![0].extensions!.problems as { field: string }[]).map((p) => p.field).sort()).toEqual([
      'electionDate',
      'jurisdiction',
      'quoteLanguage',
      'sourceUrl',
    ]);
    for (const input of [
      { ...STATEMENT, quote: 'x'.repeat(10_001) },
      { ...STATEMENT, quote: 'nul \u0000 byte' },
      { ...STATEMENT, quote: '   ' },
    ]) {
      expect(errorCode(await gql(ADD, { input }))).toBe('BAD_USER_INPUT');
    }
    // A value outside an enum is refused by GraphQL's own input coercion.
    expect((await gql(ADD, { input: { ...STATEMENT, round: 'THIRD' } })).errors?.[0].message).toMatch(/RoundKind/);
    expect(await content()).toEqual(before);
  });

  it("a bad field is named as the input names it (not as a spreadsheet's column), and nothing is written", async () => {
    const before = await content();
    const r = await gql(ADD, { input: { ...STATEMENT, statementDate: '30 October 2012', quoteLanguage: 'English' } });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.problems).toEqual([
      { field: 'statementDate', message: '"30 October 2012" is not a date (YYYY-MM-DD)' },
      { field: 'quoteLanguage', message: '"English" is not a language code such as en or ru' },
    ]);
    expect(r.errors![0].message).toBe(
      'statementDate: "30 October 2012" is not a date (YYYY-MM-DD); quoteLanguage: "English" is not a language code such as en or ru',
    );
    expect(await content()).toEqual(before);
  });

  it('a second statement resolves its names through the reconciler the first one loaded', async () => {
    // A server of its own, whose read cache starts empty.
    const server = createServer(t.db, { limits: { writeBurst: 10_000 } });
    const input = { ...STATEMENT, organization: 'Nordic Election Watch', statementDate: '2012-11-05' };
    const add = async (quote: string) => {
      t.log.reset();
      const r = await postGraphQL<Any>(server, ADD, { input: { ...input, quote } }, editor);
      expect(r.errors).toBeUndefined();
      expect(r.data.addStatement.created).toBe(true);
      return [...t.log.statements];
    };
    // The reconciler's load: every live area, organization and person (with names over time and aliases).
    const readsNames = (sql: string) => /mergedIntoId[`"]?\s+IS\s+NULL/i.test(sql) || /[`"]OrganizationName[`"]/.test(sql);
    const first = await add('Observers found the vote orderly and well administered.');
    const second = await add('Observers found the count transparent and the results credible.');
    expect(first.filter(readsNames).length).toBeGreaterThan(0);
    expect(second.filter(readsNames)).toEqual([]);
    // The reconciler's load is seven statements (areas, organizations, names over time and persons, with their aliases).
    expect(second.length).toBeLessThanOrEqual(first.length - 7);
    // The new body the first statement brought is in the cache, as committed, without a reload.
    t.log.reset();
    const found = await postGraphQL<Any>(server, `{ organization(name: "Nordic Election Watch") { name } }`);
    expect(found.data.organization).toEqual({ name: 'Nordic Election Watch' });
    expect(t.log.statements.filter(readsNames)).toEqual([]);
  });

  it('a write that rolls back leaves nothing behind in the cached reconciler', async () => {
    const cache = new ReadCache(t.db);
    const shared = await cache.getReconciler();
    await expect(
      t.db.$transaction(async (tx) => {
        const write = await cache.draftReconciler(tx);
        expect(write.draft.base).toBe(shared); // the loaded reconciler, not a new load
        write.draft.reconciler.addOrganization('org_nowhere', ['Nowhere Election Observers']);
        // A lookup the write's own addition would change is refused, not answered from the shared reconciler.
        expect(() => write.draft.reconciler.resolveOrganization('Nowhere Election Observers')).toThrow(/draft/);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await cache.getReconciler()).toBe(shared);
    expect(shared.resolveOrganization('Nowhere Election Observers').kind).toBe('none');
  });
});

describe('human verdicts', () => {
  const QUOTE = 'transparent ... reflects the will of the Ukrainian people';
  let statementId = '';

  it("a curator's verdict is in force, every coding stays, and the audit has before and after", async () => {
    const found = await gql(
      `{ statements(first: 5, filter: { organization: "CIS-EMO", area: "Ukraine", yearFrom: 2012, yearTo: 2012 }) { edges { node { id quote verdict } } } }`,
    );
    statementId = found.data.statements.edges.find((e: Any) => e.node.quote === QUOTE).node.id;
    const r = await gql(
      `mutation ($s: ID!) { setVerdict(statement: $s, verdict: MIXED, note: "recoded after reading the full interview") { verdict verdictCoding { coder codedBy } codings { coder } } }`,
      { s: statementId },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.setVerdict.verdict).toBe('MIXED');
    expect(r.data.setVerdict.verdictCoding).toEqual({ coder: 'HUMAN', codedBy: 'ed-test' });
    expect(r.data.setVerdict.codings.map((c: Any) => c.coder).sort()).toEqual(['HUMAN', 'RULE', 'SOURCE']);
    const audit = await gql(
      `query ($r: ID!) { auditLog(filter: { record: $r, actions: [SET_VERDICT] }) { edges { node { before after note } } } }`,
      { r: statementId },
    );
    const entry = audit.data.auditLog.edges[0].node;
    expect([entry.before.verdict, entry.after.verdict, entry.note]).toEqual([
      'ENDORSED',
      'MIXED',
      'recoded after reading the full interview',
    ]);
  });

  it('survives re-ingestion of the sources', async () => {
    await ingestBundled(t.db);
    await ingestStatementsFile(t.db, path.join(sourcesDir, 'assessments.csv'));
    const r = await gql(`query ($s: ID!) { node(id: $s) { ... on Statement { verdict verdictCoding { coder } } } }`, { s: statementId });
    expect(r.data.node).toEqual({ verdict: 'MIXED', verdictCoding: { coder: 'HUMAN' } });
  });

  it('withdrawing it gives the source its say again', async () => {
    const r = await gql(`mutation ($s: ID!) { withdrawVerdict(statement: $s) { verdict verdictCoding { coder } } }`, { s: statementId });
    expect(r.data.withdrawVerdict).toEqual({ verdict: 'ENDORSED', verdictCoding: { coder: 'SOURCE' } });
    expect(errorCode(await gql(`mutation ($s: ID!) { withdrawVerdict(statement: $s) { verdict } }`, { s: statementId }))).toBe('NOT_FOUND');
  });

  it('a note with a control character is refused, naming the note, and nothing is written', async () => {
    const before = await snapshot(t.db);
    const r = await gql(`mutation ($s: ID!, $n: String) { setVerdict(statement: $s, verdict: MIXED, note: $n) { verdict } }`, {
      s: statementId,
      n: 'a NUL \u0000 byte',
    });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain('note contains a control character');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('bad ids are client errors', async () => {
    const odihr = await idOf('organization', 'ODIHR');
    const set = `mutation ($s: ID!) { setVerdict(statement: $s, verdict: MIXED) { verdict } }`;
    expect(errorCode(await gql(set, { s: 'not an id' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(set, { s: odihr }))).toBe('BAD_USER_INPUT');
    // The Relay plugin refuses them before the resolver runs; the error names the argument.
    expect((await gql(set, { s: 'not an id' })).errors![0]).toMatchObject({
      message: 'statement: "not an id" is not an ID issued by this API',
      extensions: { code: 'BAD_USER_INPUT', field: 'statement' },
    });
    expect((await gql(set, { s: odihr })).errors![0]).toMatchObject({
      message: 'statement must be the ID of Statement (got Organization)',
      extensions: { code: 'BAD_USER_INPUT', field: 'statement' },
    });
    const audit = `query ($r: ID!) { auditLog(filter: { record: $r }) { totalCount } }`;
    expect((await gql(audit, { r: Buffer.from('ApiToken:x').toString('base64') })).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.record',
    });
    expect(errorCode(await gql(set, { s: Buffer.from('Statement:stmt_nothing').toString('base64') }))).toBe('NOT_FOUND');
  });
});

describe('aliases', () => {
  const ADD_ALIAS = `mutation ($r: ID!, $n: String!) { addAlias(record: $r, name: $n) { alias record { ... on Organization { name aliases } } decision { kind value } } }`;
  const REMOVE_ALIAS = `mutation ($r: ID!, $n: String!) { removeAlias(record: $r, name: $n) { alias } }`;

  it('a curated alias finds the record, and outlives re-ingestion', async () => {
    const odihr = await idOf('organization', 'ODIHR');
    const r = await gql(ADD_ALIAS, { r: odihr, n: 'Warsaw Election Office' });
    expect(r.errors).toBeUndefined();
    expect(r.data.addAlias.decision).toEqual({ kind: 'ALIAS', value: 'Warsaw Election Office' });
    expect(r.data.addAlias.record.aliases).toContain('Warsaw Election Office');
    expect(await idOf('organization', 'warsaw election office')).toBe(odihr);
    await ingestBundled(t.db);
    expect(await idOf('organization', 'Warsaw Election Office')).toBe(odihr);
  });

  it('refuses a spelling that already names this or another record', async () => {
    const odihr = await idOf('organization', 'ODIHR');
    expect(errorCode(await gql(ADD_ALIAS, { r: odihr, n: 'Warsaw Election Office' }))).toBe('CONFLICT');
    expect(errorCode(await gql(ADD_ALIAS, { r: odihr, n: 'PACE' }))).toBe('AMBIGUOUS_NAME');
    expect(errorCode(await gql(ADD_ALIAS, { r: odihr, n: ' ;; ' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(ADD_ALIAS, { r: odihr, n: 'x'.repeat(201) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(ADD_ALIAS, { r: odihr, n: 'Warsaw \u0000 Office' }))).toBe('BAD_USER_INPUT');
  });

  it('removing it: only curated aliases, and it stays removed after re-ingestion', async () => {
    const odihr = await idOf('organization', 'ODIHR');
    expect(errorCode(await gql(REMOVE_ALIAS, { r: odihr, n: 'OSCE/ODIHR' }))).toBe('BAD_USER_INPUT');
    expect((await gql(REMOVE_ALIAS, { r: odihr, n: 'Warsaw Election Office' })).errors).toBeUndefined();
    await ingestBundled(t.db);
    expect(errorCode(await gql(`{ organization(name: "Warsaw Election Office") { id } }`))).toBe('NOT_FOUND');
    expect(errorCode(await gql(REMOVE_ALIAS, { r: odihr, n: 'Warsaw Election Office' }))).toBe('NOT_FOUND');
  });
});

describe('merging a duplicate', () => {
  let duplicate = '';
  let ipaCis = '';
  let statementId = '';

  it("the merged record's ID, names and statements resolve to the survivor", async () => {
    const added = await gql(ADD, {
      input: { ...STATEMENT, statementDate: '2012-10-31', quote: 'A well organised vote that met democratic standards.' },
    });
    duplicate = added.data.addStatement.statement.organization.id;
    statementId = added.data.addStatement.statement.id;
    ipaCis = await idOf('organization', 'IPA CIS');
    expect(duplicate).not.toBe(ipaCis);
    const count = async () =>
      (await gql(`query ($id: ID!) { node(id: $id) { ... on Organization { statements { totalCount } } } }`, { id: ipaCis })).data.node
        .statements.totalCount as number;
    const before = await count();

    const r = await gql(MERGE, { s: ipaCis, m: duplicate, note: 'the same assembly' });
    expect(r.errors).toBeUndefined();
    expect(r.data.mergeRecords.decision).toEqual({
      kind: 'SAME',
      leftKey: 'ipa-cis',
      rightKey: 'interparliamentary-observers-of-the-commonwealth',
      decidedBy: 'ed-test',
    });
    expect(r.data.mergeRecords.rows).toBeGreaterThan(5);
    expect(await count()).toBe(before + 2);
    const node = await gql(`query ($id: ID!) { node(id: $id) { id ... on Organization { name } } }`, { id: duplicate });
    expect(node.data.node).toEqual({ id: ipaCis, name: 'Inter-Parliamentary Assembly of the CIS' });
    expect(await idOf('organization', STATEMENT.organization)).toBe(ipaCis);
    const list = await gql(`{ organizations(first: 100, nameContains: "Interparliamentary Observers") { edges { node { name } } } }`);
    expect(list.data.organizations.edges.map((e: Any) => e.node.name)).toEqual(['Inter-Parliamentary Assembly of the CIS']);
    // The statement was re-keyed under the survivor; its old ID still finds it.
    const moved = await gql(`query ($id: ID!) { node(id: $id) { id ... on Statement { organization { name } } } }`, { id: statementId });
    expect(moved.data.node.organization.name).toBe('Inter-Parliamentary Assembly of the CIS');
  });

  it('a merged record cannot be merged again or absorb another', async () => {
    expect(errorCode(await gql(MERGE, { s: ipaCis, m: duplicate }))).toBe('ALREADY_MERGED');
    expect(errorCode(await gql(MERGE, { s: duplicate, m: await idOf('organization', 'PACE') }))).toBe('ALREADY_MERGED');
    expect(errorCode(await gql(MERGE, { s: ipaCis, m: ipaCis }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(MERGE, { s: ipaCis, m: await idOf('area', 'Ukraine') }))).toBe('BAD_USER_INPUT');
  });

  it('re-ingesting keeps the merge, and a second re-ingest changes nothing', async () => {
    await ingestBundled(t.db);
    await ingestStatementsFile(t.db, path.join(sourcesDir, 'assessments.csv'));
    const once = await snapshot(t.db);
    expect((await gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: duplicate })).data.node.id).toBe(ipaCis);
    expect(await idOf('organization', STATEMENT.organization)).toBe(ipaCis);
    await ingestBundled(t.db);
    await ingestStatementsFile(t.db, path.join(sourcesDir, 'assessments.csv'));
    expect(await snapshot(t.db)).toEqual(once);
  });

  it('a split puts the record and its statements back, and is audited', async () => {
    const r = await gql(SPLIT, { m: duplicate });
    expect(r.errors).toBeUndefined();
    expect(r.data.splitRecords.merged).toEqual({ id: duplicate, name: STATEMENT.organization });
    expect(r.data.splitRecords.decision.revokedBy).toBe('ed-test');
    expect(await idOf('organization', STATEMENT.organization)).toBe(duplicate);
    const s = await gql(`query ($id: ID!) { node(id: $id) { ... on Statement { organization { id } } } }`, { id: statementId });
    expect(s.data.node.organization.id).toBe(duplicate);
    expect(errorCode(await gql(SPLIT, { m: duplicate }))).toBe('NOT_MERGED');
    const audit = await gql(`query ($r: ID!) { auditLog(filter: { record: $r }) { edges { node { action actor note } } } }`, {
      r: duplicate,
    });
    expect(audit.data.auditLog.edges.map((e: Any) => e.node.action)).toEqual(['SPLIT', 'MERGE']);
  });
});

describe('merge and split restore every table exactly', () => {
  for (const [kind, survivor, merged] of [
    ['organization', 'ODIHR', 'OSCE PA'],
    ['area', 'Ukraine', 'Moldova'],
    ['area', 'Kishinev', 'Tiraspol'],
    ['person', 'Alexander Mirsky', 'Alexandr Losyakin'],
  ] as const) {
    it(`${kind}: ${merged} into ${survivor}`, async () => {
      const [s, m] = [await idOf(kind, survivor), await idOf(kind, merged)];
      const before = await content();
      const r = await gql(MERGE, { s, m });
      expect(r.errors).toBeUndefined();
      expect(await content()).not.toEqual(before);
      expect((await gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: m })).data.node.id).toBe(s);
      expect((await gql(SPLIT, { m })).errors).toBeUndefined();
      expect(await content()).toEqual(before);
    });
  }

  it('merges that moved the same rows are split newest first', async () => {
    const [odihr, osce, osccePa] = [
      await idOf('organization', 'ODIHR'),
      await idOf('organization', 'OSCE'),
      await idOf('organization', 'OSCE PA'),
    ];
    const before = await content();
    expect((await gql(MERGE, { s: odihr, m: osccePa })).errors).toBeUndefined();
    expect((await gql(MERGE, { s: osce, m: odihr })).errors).toBeUndefined();
    expect(errorCode(await gql(SPLIT, { m: osccePa }))).toBe('SPLIT_ORDER');
    expect((await gql(SPLIT, { m: odihr })).errors).toBeUndefined();
    expect((await gql(SPLIT, { m: osccePa })).errors).toBeUndefined();
    expect(await content()).toEqual(before);
  });
});

describe('judgements', () => {
  const JUDGE = `mutation ($l: ID!, $r: ID!, $j: Judgement!) { judgeRecords(left: $l, right: $r, judgement: $j) { judgement decision { id kind leftKey rightKey } merge { rows } } }`;

  it('the reference look-alikes cannot be merged', async () => {
    const [emo, mission] = [await idOf('organization', 'CIS-EMO'), await idOf('organization', 'CIS observer mission')];
    expect(errorCode(await gql(JUDGE, { l: emo, r: mission, j: 'SAME' }))).toBe('NOT_SAME_JUDGEMENT');
  });

  it('UNSURE is recorded in the audit trail and changes nothing else', async () => {
    const [a, b] = [await idOf('person', 'Alexander Mirsky'), await idOf('person', 'Alexandr Losyakin')];
    const before = await content();
    const r = await gql(JUDGE, { l: a, r: b, j: 'UNSURE' });
    expect(r.data.judgeRecords).toEqual({ judgement: 'UNSURE', decision: null, merge: null });
    expect(await content()).toEqual(before);
    const audit = await gql(`query ($r: ID!) { auditLog(filter: { record: $r, actions: [JUDGE_UNSURE] }) { totalCount } }`, { r: a });
    expect(audit.data.auditLog.totalCount).toBe(1);
  });

  it('NOT_SAME keeps two records apart for good, also through a third record merged with one of them', async () => {
    const [a, b, c] = [
      await idOf('organization', 'PACE'),
      await idOf('organization', 'Venice Commission'),
      await idOf('organization', 'Council of Europe'),
    ];
    const judged = await gql(JUDGE, { l: a, r: b, j: 'NOT_SAME' });
    expect(judged.data.judgeRecords.decision.kind).toBe('NOT_SAME');
    expect(errorCode(await gql(MERGE, { s: a, m: b }))).toBe('NOT_SAME_JUDGEMENT');
    expect(errorCode(await gql(MERGE, { s: b, m: a }))).toBe('NOT_SAME_JUDGEMENT');
    // B merged into C: C now stands for B, and A stays apart from it.
    expect((await gql(MERGE, { s: c, m: b })).errors).toBeUndefined();
    expect(errorCode(await gql(MERGE, { s: c, m: a }))).toBe('NOT_SAME_JUDGEMENT');
    expect(errorCode(await gql(JUDGE, { l: c, r: b, j: 'NOT_SAME' }))).toBe('ALREADY_MERGED');
    expect((await gql(SPLIT, { m: b })).errors).toBeUndefined();

    // Only an admin withdraws a judgement; then the merge goes through.
    const revoke = `mutation ($d: ID!) { revokeJudgement(decision: $d, note: "they are the same after all") { revokedBy } }`;
    expect(errorCode(await gql(revoke, { d: judged.data.judgeRecords.decision.id }))).toBe('FORBIDDEN');
    expect((await gql(revoke, { d: judged.data.judgeRecords.decision.id }, admin)).data.revokeJudgement.revokedBy).toBe('admin-test');
    expect((await gql(MERGE, { s: a, m: b })).errors).toBeUndefined();
    expect((await gql(SPLIT, { m: b })).errors).toBeUndefined();
  });

  it('reference judgements are not revoked through the API', async () => {
    const d = await gql(`{ decisions(first: 10, kind: NOT_SAME, entityType: "Organization") { edges { node { id decidedBy } } } }`);
    const reference = d.data.decisions.edges.find((e: Any) => e.node.decidedBy === 'reference').node.id;
    expect(errorCode(await gql(`mutation ($d: ID!) { revokeJudgement(decision: $d) { id } }`, { d: reference }, admin))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('the audit trail', () => {
  it('is append-only: later changes never alter earlier entries', async () => {
    const all = `{ auditLog(first: 100) { totalCount edges { node { id at actor action entityType entityId before after note } } } }`;
    const first = (await gql(all)).data.auditLog;
    await gql(`mutation ($r: ID!) { addAlias(record: $r, name: "Venice Commission for Democracy through Law (curated)") { alias } }`, {
      r: await idOf('organization', 'Venice Commission'),
    });
    const second = (await gql(all)).data.auditLog;
    expect(second.totalCount).toBe(first.totalCount + 1);
    expect(second.edges.slice(1)).toEqual(first.edges);
    expect(second.edges[0].node).toMatchObject({ actor: 'ed-test', action: 'ADD_ALIAS', entityType: 'Organization' });
  });

  it('is readable by anyone and filterable', async () => {
    const r = await gql(
      `{ auditLog(first: 100, filter: { actions: [MERGE, SPLIT], actor: "ed-test" }) { totalCount edges { node { action record } } } }`,
      undefined,
      undefined,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.auditLog.totalCount).toBeGreaterThanOrEqual(10);
    expect(new Set(r.data.auditLog.edges.map((e: Any) => e.node.action))).toEqual(new Set(['MERGE', 'SPLIT']));
  });
});
