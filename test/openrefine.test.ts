/**
 * /reconcile through a real OpenRefine (Debian's `openrefine` package, headless): a spreadsheet
 * of variant spellings becomes an OpenRefine project, OpenRefine reconciles each column against
 * the running server with auto-match through its own HTTP API, and every row's match is
 * checked. Real client, real protocol. Skipped when OpenRefine is not installed (`.ci/run`
 * installs it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTIFIER_SPACE, SCHEMA_SPACE } from '../src/reconcile-service/manifest.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { freePort, sleep, startServer } from './helpers/processes.js';

const OPENREFINE = '/usr/bin/openrefine';
const hasOpenRefine = fs.existsSync(OPENREFINE);
if (!hasOpenRefine) console.warn(`OpenRefine test skipped: ${OPENREFINE} is missing (install it with: apt-get install -y openrefine)`);

type Type = 'Organization' | 'Area' | 'Person';

/**
 * Spellings a researcher's spreadsheet holds, each with the record it must be matched to (null:
 * it must not be matched automatically). Each class of variant is here more than once.
 */
const VARIANTS: Record<Type, [string, string | null][]> = {
  Organization: [
    ['CIS EMO', 'CIS-EMO'], // punctuation
    ['International Monitoring Organization CIS-EMO', 'CIS-EMO'],
    ['OSCE/ODIHR', 'OSCE Office for Democratic Institutions and Human Rights'], // acronyms
    ['ODIHR', 'OSCE Office for Democratic Institutions and Human Rights'],
    ['CEC of the Russian Federation', 'Central Election Commission of the Russian Federation'],
    ['Central Electoral Commission of Russia', 'Central Election Commission of the Russian Federation'],
    ['CIS Inter-Parliamentary Assembly', 'Inter-Parliamentary Assembly of the CIS'], // word order
    ['Interparliamentary Assembly of CIS', 'Inter-Parliamentary Assembly of the CIS'],
    ['Parliamentary Assembly of the OSCE', 'OSCE Parliamentary Assembly'],
    ['Assembly of the CSTO Parliamentary', 'CSTO Parliamentary Assembly'],
    ['Parliamentary Assembly of Council of Europe', 'Parliamentary Assembly of the Council of Europe'],
    ['CIS Executive Committee election observers’ mission', 'CIS Executive Committee election observation mission'], // derived word forms
    ['CIS Executive Committee Election Observer Missions', 'CIS Executive Committee election observation mission'],
    ['venice commission', 'European Commission for Democracy through Law'],
    ['Organisation for Security and Co-operation in Europe', 'Organization for Security and Co-operation in Europe'], // -ise/-ize
    // The look-alikes: CIS-EMO (an NGO) and the CIS Executive Committee's missions share this name; never guessed.
    ['Election Monitor Organisation of the CIS', null],
  ],
  Area: [
    ['Kishiney', 'Chisinau'], // misspelling
    ['Kishinev', 'Chisinau'],
    ['Moldavia', 'Moldova'], // romanised Russian names
    ['Republic of Moldova', 'Moldova'],
    ['Kirgizia', 'Kyrgyzstan'],
    ['Kirgiziya', 'Kyrgyzstan'], // -iya/-ia
    ['Kyrgyz Republic', 'Kyrgyzstan'],
    ['Belorussia', 'Belarus'],
    ['Tadjikistan', 'Tajikistan'],
    ['Kazakstan', 'Kazakhstan'], // kh written k
    ['Tskhinval', 'Tskhinvali'],
    ['Abkhaziya', 'Abkhazia'],
    ['Pridnestrovie', 'Transnistria'],
    ['Azerbaidzhan', 'Azerbaijan'],
  ],
  Person: [
    ['Aleksey Kochetkov', 'Aleksey Kochetkov'],
    ['Alexei Kochetkov', 'Aleksey Kochetkov'], // romanisation
    ['Alexey Kochetkov', 'Aleksey Kochetkov'],
    ['Kochetkov Aleksey', 'Aleksey Kochetkov'], // surname first
    ['Kochetkov, Alexei', 'Aleksey Kochetkov'],
    ['Victor Kogut', 'Viktor Kogut'], // c written k
    ['Sabine Losing', 'Sabine Lösing'], // diacritics
  ],
};

interface Recon {
  j: string;
  m?: { id: string; name: string } | null;
  c?: { id: string; name: string; score: number }[];
}

interface Cell {
  v?: string;
  r?: Recon;
}

class OpenRefine {
  private token = '';
  constructor(readonly base: string) {}

  private async csrf(): Promise<string> {
    this.token ||= ((await (await fetch(`${this.base}/command/core/get-csrf-token`)).json()) as { token: string }).token;
    return this.token;
  }

  /** A project from a tab-separated file with a header line; returns its id. */
  async createProject(name: string, tsv: string): Promise<string> {
    const form = new FormData();
    form.set('project-file', new Blob([tsv], { type: 'text/tab-separated-values' }), `${name}.tsv`);
    form.set('project-name', name);
    form.set('format', 'text/line-based/*sv');
    form.set(
      'options',
      JSON.stringify({ separator: '\t', headerLines: 1, encoding: 'UTF-8', guessCellValueTypes: false, processQuotes: false }),
    );
    const response = await fetch(`${this.base}/command/core/create-project-from-upload?csrf_token=${await this.csrf()}`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    const location = response.headers.get('location') ?? '';
    const id = /project=(\d+)/.exec(location)?.[1];
    if (!id) throw new Error(`OpenRefine made no project (${response.status} ${location} ${await response.text()})`);
    return id;
  }

  async reconcile(project: string, column: string, service: string, type: Type): Promise<void> {
    const config = {
      mode: 'standard-service',
      service,
      identifierSpace: IDENTIFIER_SPACE,
      schemaSpace: SCHEMA_SPACE,
      type: { id: type, name: type },
      autoMatch: true,
      columnDetails: [],
      limit: 0,
    };
    const body = new URLSearchParams({
      columnName: column,
      config: JSON.stringify(config),
      engine: JSON.stringify({ facets: [], mode: 'row-based' }),
    });
    const response = await fetch(`${this.base}/command/core/reconcile?project=${project}&csrf_token=${await this.csrf()}`, {
      method: 'POST',
      body,
    });
    const answer = (await response.json()) as { code: string; message?: string };
    if (answer.code !== 'ok' && answer.code !== 'pending') throw new Error(`OpenRefine refused to reconcile: ${JSON.stringify(answer)}`);
    for (let i = 0; i < 600; i++) {
      const { processes } = (await (await fetch(`${this.base}/command/core/get-processes?project=${project}`)).json()) as {
        processes: unknown[];
      };
      if (!processes.length) return;
      await sleep(200);
    }
    throw new Error('OpenRefine did not finish reconciling within 2 minutes');
  }

  async rows(project: string): Promise<Cell[][]> {
    const answer = (await (await fetch(`${this.base}/command/core/get-rows?project=${project}&start=0&limit=1000`)).json()) as {
      rows: { cells: ({ v?: string; r?: string } | null)[] }[];
      pool: { recons: Record<string, Recon> };
    };
    // A cell names its reconciliation by id; the answer's pool holds them.
    return answer.rows.map((row) => row.cells.map((c) => ({ v: c?.v, r: c?.r ? answer.pool.recons[c.r] : undefined })));
  }
}

describe.skipIf(!hasOpenRefine)('OpenRefine reconciles a spreadsheet of variant spellings against /reconcile', () => {
  let t: TestDatabase;
  let server: { child: ChildProcess; base: string };
  let refine: ChildProcess;
  let client: OpenRefine;
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-openrefine-'));

  beforeAll(async () => {
    t = await createTestDatabase();
    const port = await freePort();
    // OpenRefine's launcher starts Java in a child process: a process group of its own, ended as a whole.
    refine = spawn(
      OPENREFINE,
      ['-i', '127.0.0.1', '-p', String(port), '-d', workspace, '-m', '1024M', '-x', 'refine.headless=true', 'run'],
      {
        detached: true,
        stdio: 'ignore',
      },
    );
    server = await startServer(t.url);
    client = new OpenRefine(`http://127.0.0.1:${port}`);
    for (let i = 0; ; i++) {
      const up = await fetch(`${client.base}/command/core/get-csrf-token`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 300) throw new Error('OpenRefine did not start within 60 s');
      await sleep(200);
    }
  }, 120_000);

  afterAll(async () => {
    if (refine?.pid) {
      try {
        process.kill(-refine.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    server?.child.kill('SIGTERM');
    await t?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it(`matches every row (${Object.values(VARIANTS).flat().length} spellings of organizations, areas and persons) and auto-matches no look-alike`, async () => {
    const outcome: string[] = [];
    const expected: string[] = [];
    const ids: string[] = [];
    for (const [type, rows] of Object.entries(VARIANTS) as [Type, [string, string | null][]][]) {
      const tsv = `name\n${rows.map(([name]) => name).join('\n')}\n`;
      const project = await client.createProject(`variants-${type}`, tsv);
      await client.reconcile(project, 'name', `${server.base}/reconcile`, type);
      const cells = (await client.rows(project)).map((row) => row[0]);
      expect(cells).toHaveLength(rows.length);
      rows.forEach(([name, want], i) => {
        const r = cells[i].r;
        expect(cells[i].v).toBe(name);
        outcome.push(
          `${type} "${name}" → ${r?.j === 'matched' ? r.m?.name : `(${r?.j ?? 'no recon'}; best: ${r?.c?.[0]?.name ?? 'none'} ${r?.c?.[0]?.score ?? ''})`}`,
        );
        expected.push(
          `${type} "${name}" → ${want ?? `(${r?.j === 'matched' ? 'not matched' : r?.j}; best: ${r?.c?.[0]?.name ?? 'none'} ${r?.c?.[0]?.score ?? ''})`}`,
        );
        if (want && r?.m) ids.push(r.m.id);
      });
    }
    expect(outcome).toEqual(expected);
    // A match carries the record's global ID, which the API resolves.
    const resolved = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } }),
    });
    expect(((await resolved.json()) as { data: { nodes: ({ id: string } | null)[] } }).data.nodes.map((n) => n?.id)).toEqual(ids);
  }, 180_000);
});
