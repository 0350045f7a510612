/**
 * The ingest line of the benchmark: `npm run ingest` of one synthetic spreadsheet into a fresh
 * database (migrated, the bundled sources loaded), timed as the command's wall time, beside the
 * floor: the same file loaded into one plain table by the engine's own bulk loader (`sqlite3
 * .import` for SQLite, `COPY … FROM STDIN` through psql's `\copy` for PostgreSQL). Both loads are checked to hold every row.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../db/config.js';
import { createDb } from '../db/client.js';
import { prepareDatabase } from '../ingest/bootstrap.js';
import { STATEMENT_COLUMNS } from '../ingest/statements-csv.js';
import { generateStatements } from '../synth/world.js';
import { databaseUrlOn, postgresBinDir } from '../../scripts/postgres-cluster.js';
import type { Engine } from './options.js';

export interface IngestResult {
  engine: Engine;
  rows: number;
  /** `npm run ingest <file>` on a fresh database: the whole command, from start to exit. */
  oursSeconds: number;
  oursRowsPerSecond: number;
  floorSeconds: number;
  floorRowsPerSecond: number;
  /** How many times the floor's time ours takes. */
  timesFloor: number;
}

/** Writes a synthetic spreadsheet of `rows` statements (25 an election, as the benchmark's datasets). */
export function writeSpreadsheet(file: string, rows: number, seed: number): void {
  const lines: string[] = [];
  generateStatements({ elections: Math.max(1, Math.round(rows / 25)), statements: rows, seed: seed + 1000 }, (line) => lines.push(line));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Runs the ingest command as a user does and returns its wall time. */
function runIngestCommand(url: string, file: string): number {
  const started = performance.now();
  const run = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/ingest.ts', file], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const took = seconds(started);
  if (run.status !== 0) throw new Error(`npm run ingest failed: ${run.stderr.slice(-2000)}`);
  return took;
}

/** Rows of the file on record: its statements and its further texts of them. */
async function rowsOnRecord(url: string, sourcePath: string): Promise<number> {
  const db = createDb({ url });
  try {
    const where = { source: { key: { endsWith: sourcePath } } };
    return (await db.statement.count({ where })) + (await db.statementText.count({ where }));
  } finally {
    await db.$disconnect();
  }
}

function sqliteFloor(file: string, dir: string): { seconds: number; rows: number } {
  const target = path.join(dir, 'floor.db');
  const started = performance.now();
  execFileSync('sqlite3', [target, '.import --csv ' + JSON.stringify(file) + ' statements'], { stdio: 'pipe' });
  const took = seconds(started);
  const rows = Number(execFileSync('sqlite3', [target, 'SELECT count(*) FROM statements'], { encoding: 'utf8' }).trim());
  return { seconds: took, rows };
}

async function postgresFloor(file: string, url: string): Promise<{ seconds: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE floor_statements (${STATEMENT_COLUMNS.map((c) => `"${c}" text`).join(', ')})`);
    const bin = postgresBinDir();
    if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
    const started = performance.now();
    // psql's \copy: COPY … FROM STDIN, the file sent by the client as a user loads one.
    execFileSync(
      path.join(bin, 'psql'),
      [url, '-q', '-c', `\\copy floor_statements FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`],
      {
        stdio: 'pipe',
      },
    );
    const took = seconds(started);
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM floor_statements');
    return { seconds: took, rows: Number(rows[0].n) };
  } finally {
    await client.end();
  }
}

/** Measures one engine's ingest and floor on a freshly written spreadsheet of `rows` statements. */
export async function measureIngest(engine: Engine, rows: number, seed: number, clusterUrl: string | null): Promise<IngestResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-ingest-bench-'));
  try {
    const file = path.join(dir, `ingest-${rows}.csv`);
    writeSpreadsheet(file, rows, seed);
    let url: string;
    if (engine === 'sqlite') url = `file:${path.join(dir, 'ours.db')}`;
    else {
      if (!clusterUrl) throw new Error('the PostgreSQL ingest line needs the cluster');
      const name = `ingest_bench_${process.pid}`;
      const admin = new pg.Client({ connectionString: clusterUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      url = databaseUrlOn(clusterUrl, name);
    }
    // A fresh database as a user has it before loading a spreadsheet: migrated, bundled sources loaded.
    const { db } = await prepareDatabase(url);
    await db.$disconnect();
    const oursSeconds = runIngestCommand(url, file);
    const stored = await rowsOnRecord(url, path.basename(file));
    if (stored !== rows) throw new Error(`the ingest put ${stored} of ${rows} rows on record`);
    const floor = engine === 'sqlite' ? sqliteFloor(file, dir) : await postgresFloor(file, url);
    if (floor.rows !== rows) throw new Error(`the floor loaded ${floor.rows} of ${rows} rows`);
    return {
      engine,
      rows,
      oursSeconds,
      oursRowsPerSecond: rows / oursSeconds,
      floorSeconds: floor.seconds,
      floorRowsPerSecond: rows / floor.seconds,
      timesFloor: oursSeconds / floor.seconds,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
