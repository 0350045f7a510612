/** Writers authenticate with API tokens made by `npm run token`; readers need none; roles are declared in the schema. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { errorCode, postGraphQL } from './helpers/graphql.js';
import { projectRoot } from '../src/db/config.js';
import { createToken, hashToken, revokeToken } from '../src/curation/tokens.js';
import { schema } from '../src/schema/index.js';

const run = promisify(execFile);
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ load: false });
});
afterAll(async () => t?.close());

async function token(...args: string[]) {
  return run(tsx, [path.join(projectRoot, 'scripts/token.ts'), ...args], { env: { ...process.env, DATABASE_URL: t.url } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

const secrets: Record<string, string> = {};

describe('npm run token', () => {
  it('creates tokens, prints each secret once and stores only its hash', async () => {
    const r = await token('create', 'alice', '--role', 'editor');
    expect(r.code).toBe(0);
    const secret = /^(olt_[A-Za-z0-9_-]{43})$/m.exec(r.stdout)?.[1];
    expect(secret).toBeDefined();
    secrets.alice = secret!;
    // The command and the function behind it are one path; the other tokens are made in-process.
    secrets.root = (await createToken(t.db, 'root', 'ADMIN')).secret;
    secrets.mallory = (await createToken(t.db, 'mallory', 'EDITOR')).secret;
    const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM "ApiToken"');
    const stored = JSON.stringify(rows);
    for (const secret of Object.values(secrets)) {
      expect(stored).not.toContain(secret);
      expect(stored).toContain(hashToken(secret));
    }
  });

  it('refuses a duplicate name, an unknown role and a strange name', async () => {
    const duplicate = await token('create', 'alice', '--role', 'editor');
    expect([duplicate.code, duplicate.stderr]).toEqual([1, expect.stringMatching(/already exists/)]);
    const role = await token('create', 'bob', '--role', 'owner');
    expect([role.code, role.stderr]).toEqual([1, expect.stringMatching(/usage/)]);
    await expect(createToken(t.db, 'bob smith; drop', 'EDITOR')).rejects.toThrow(/token name/);
  });

  it('lists and revokes', async () => {
    expect((await token('revoke', 'mallory')).code).toBe(0);
    expect(await revokeToken(t.db, 'mallory')).toBe(false);
    const list = await token('list');
    expect(list.stdout).toMatch(/^alice\teditor\tactive/m);
    expect(list.stdout).toMatch(/^mallory\teditor\trevoked/m);
    expect(list.stdout).not.toContain('olt_');
  });
});

const JUDGE = `mutation { judgeRecords(left: "T3JnYW5pemF0aW9uOmE=", right: "T3JnYW5pemF0aW9uOmI=", judgement: UNSURE) { judgement } }`;

async function as(header: string | null, query: string) {
  const response = await t.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header ? { authorization: header } : {}) },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    ...((await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] }),
  };
}

describe('who may write', () => {
  it('reads need no token', async () => {
    const r = await as(null, '{ organizations(first: 1) { totalCount } curator { name } }');
    expect(r.errors).toBeUndefined();
    expect(r.data!.curator).toBeNull();
  });

  it('a write without a valid token is UNAUTHENTICATED, and says why', async () => {
    const cases: [string | null, RegExp][] = [
      [null, /needs an API token/],
      [`Basic ${Buffer.from('alice:pw').toString('base64')}`, /must be "Bearer <token>"/],
      ['Bearer not-a-token', /not an Observer Ledger token/],
      [`Bearer olt_${'A'.repeat(43)}`, /unknown/],
      [`Bearer ${secrets.mallory}`, /"mallory" was revoked/],
    ];
    for (const [header, message] of cases) {
      const r = await as(header, JUDGE);
      expect(r.status).toBe(200);
      expect(r.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(r.errors![0].message).toMatch(message);
    }
  });

  it('an editor gets through to validation; admin-only fields are FORBIDDEN to editors', async () => {
    const r = await as(`Bearer ${secrets.alice}`, JUDGE);
    expect(r.errors![0].extensions!.code).toBe('NOT_FOUND'); // past authorization: the records do not exist
    expect((await as(`bearer  ${secrets.alice}`, '{ curator { name role } }')).data!.curator).toEqual({ name: 'alice', role: 'EDITOR' });
    const tokens = await as(`Bearer ${secrets.alice}`, '{ apiTokens { name } }');
    expect(tokens.errors![0].extensions!.code).toBe('FORBIDDEN');
    const revoke = await as(`Bearer ${secrets.alice}`, 'mutation { revokeJudgement(decision: "RGVjaXNpb246eA==") { id } }');
    expect(revoke.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('an admin lists the tokens, never their secrets or hashes', async () => {
    const r = await as(`Bearer ${secrets.root}`, '{ apiTokens { name role revokedAt lastUsedAt } }');
    expect(r.errors).toBeUndefined();
    const tokens = r.data!.apiTokens as { name: string; role: string; revokedAt: string | null; lastUsedAt: string | null }[];
    expect(tokens.map((x) => [x.name, x.role, !!x.revokedAt])).toEqual([
      ['alice', 'EDITOR', false],
      ['mallory', 'EDITOR', true],
      ['root', 'ADMIN', false],
    ]);
    expect(tokens.find((x) => x.name === 'root')!.lastUsedAt).not.toBeNull();
    expect(errorCode(await postGraphQL(t.yoga, '{ apiTokens { tokenHash } }', undefined, secrets.root))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('every mutation declares who may call it in the schema', () => {
    const fields = Object.values(schema.getMutationType()!.getFields());
    expect(fields.length).toBeGreaterThanOrEqual(9);
    for (const field of fields) {
      const scopes = (field.extensions as { pothosOptions?: { authScopes?: Record<string, boolean> } }).pothosOptions?.authScopes;
      expect(scopes, field.name).toBeDefined();
      expect(Object.values(scopes!).some(Boolean), field.name).toBe(true);
    }
  });
});
