/** The commands a user runs: the server over real HTTP, `npm run ingest` and `npm run query`. */
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/db/config.js';
import { freshDatabase } from './helpers/database.js';
import { HEADER } from '../src/synth/world.js';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-cli-'));
let env: NodeJS.ProcessEnv = {};
let drop: () => Promise<void> = async () => undefined;
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

beforeAll(async () => {
  const database = await freshDatabase(dir, 'cli');
  env = { ...process.env, DATABASE_URL: database.url };
  drop = database.drop;
});
afterAll(async () => {
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(script: string, args: string[]) {
  return run(tsx, [path.join(projectRoot, script), ...args], { env, cwd: dir }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('npm run ingest / npm run query', () => {
  it('loads a spreadsheet once, and the second run changes nothing', async () => {
    const file = path.join(dir, 'mine.csv');
    fs.writeFileSync(
      file,
      [HEADER, 'OSCE PA,Estonia,parliamentary,2011-03-06,1,2011-03-07,press,,an orderly and transparent vote,en,false,,my notes,,'].join(
        '\n',
      ),
    );
    const first = await cli('scripts/ingest.ts', [file]);
    expect(first.code).toBe(0);
    const count = `{ statements(filter: { organization: "OSCE Parliamentary Assembly", area: "Estonia" }) { totalCount edges { node { quote verdict verdictCoding { coder } } } } }`;
    const a = await cli('scripts/query.ts', [count]);
    expect(a.code).toBe(0);
    const parsed = JSON.parse(a.stdout) as {
      data: { statements: { totalCount: number; edges: { node: { verdict: string | null; verdictCoding: { coder: string } | null } }[] } };
    };
    expect(parsed.data.statements.totalCount).toBe(1);
    // No verdict in the file: the rule coder's verdict is in force, and says so.
    expect(parsed.data.statements.edges[0].node.verdictCoding?.coder ?? null).toBe(
      parsed.data.statements.edges[0].node.verdict ? 'RULE' : null,
    );
    expect((await cli('scripts/ingest.ts', [file])).code).toBe(0);
    const b = await cli('scripts/query.ts', [count]);
    expect(JSON.parse(b.stdout).data.statements.totalCount).toBe(1);
    // Four commands: on PostgreSQL each takes about 11 s, most of it waiting for the process to
    // exit after migrating (a 10 s timer the migration leaves behind).
  }, 120_000);

  it('a bad file exits non-zero naming file, row and field', async () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, `${HEADER}\nPACE,Ukraine,parliamentary,2012-10-28,first-ish,,press,,q,en,false,,t,,\n`);
    const r = await cli('scripts/ingest.ts', [file]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('bad.csv: row 2, field "round"');
    expect(r.stderr).toContain('nothing was written');
  });

  it('passes variables', async () => {
    const r = await cli('scripts/query.ts', ['query ($n: String!) { organization(name: $n) { name } }', '--variables', '{"n":"IPA CIS"}']);
    expect(JSON.parse(r.stdout).data.organization.name).toBe('Inter-Parliamentary Assembly of the CIS');
  });
});

describe('the server over HTTP', () => {
  let child: ReturnType<typeof spawn>;
  let base = '';

  beforeAll(async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    child = spawn(tsx, [path.join(projectRoot, 'src/server/main.ts')], {
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    base = `http://127.0.0.1:${port}`;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server did not start')), 60_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('GraphiQL')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  });

  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('answers a GraphQL POST', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organization(name: "CIS EMO") { name missions { totalCount } } }' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { organization: { name: string; missions: { totalCount: number } } } };
    expect(body.data.organization.name).toBe('CIS-EMO');
    expect(body.data.organization.missions.totalCount).toBeGreaterThanOrEqual(43);
  });

  it('serves GraphiQL to a browser', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    expect(html).toContain('Observer Ledger');
  });

  it('masks unexpected errors and reports client errors plainly', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organization(name: "Nobody At All") { name } }' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: 'no organization is known as "Nobody At All"', extensions: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
