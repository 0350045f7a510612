/**
 * Benchmark datasets: the synthetic statements spreadsheet, ingested through the normal
 * path (migrate, bundled sources, then the synthetic files), once per seed, size and engine.
 * Built datasets are cached under data/bench/ — a SQLite file, or a pg_dump archive restored
 * into the throwaway PostgreSQL cluster — so a rerun skips the ingest.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../db/config.js';
import { prepareDatabase } from '../ingest/bootstrap.js';
import { ingestStatementsFile } from '../ingest/pipeline.js';
import { generateStatements, HEADER } from '../synth/world.js';
import { databaseUrlOn, postgresBinDir } from '../../scripts/postgres-cluster.js';
import type { Engine } from './options.js';

export interface DatasetSpec {
  engine: Engine;
  statements: number;
  elections: number;
  seed: number;
}

export interface Dataset extends DatasetSpec {
  url: string;
  /** True when the dataset was taken from the cache rather than ingested in this run. */
  cached: boolean;
  ingestSeconds: number | null;
}

/** The synthetic world's size: elections grow with statements at a fixed density. */
export function datasetSpec(engine: Engine, statements: number, seed: number, statementsPerElection: number): DatasetSpec {
  return { engine, statements, seed, elections: Math.max(1, Math.round(statements / statementsPerElection)) };
}

/** The latest migration's timestamp: a dataset built under an older schema is built again. */
function schemaVersion(): string {
  const dirs = fs.readdirSync(path.join(projectRoot, 'prisma', 'migrations')).filter((d) => /^\d{14}_/.test(d));
  return dirs.sort().at(-1)?.slice(0, 14) ?? '0';
}

export function cacheKey(spec: DatasetSpec): string {
  return `${spec.engine}-s${spec.seed}-${spec.statements}st-${spec.elections}el-m${schemaVersion()}`;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Writes the synthetic spreadsheet as files of at most `chunk` rows; returns their paths. */
function writeSynthFiles(spec: DatasetSpec, dir: string, chunk = 100_000): string[] {
  const files: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length <= 1) return;
    const file = path.join(dir, `synth-part${String(files.length + 1).padStart(3, '0')}.csv`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    files.push(file);
    lines = [HEADER];
  };
  generateStatements({ elections: spec.elections, statements: spec.statements, seed: spec.seed }, (line) => {
    lines.push(line);
    if (lines.length > chunk) flush();
  });
  flush();
  return files;
}

/** Migrates `url`, loads the bundled sources and ingests the synthetic files into it. */
async function ingestSynthetic(spec: DatasetSpec, url: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-bench-'));
  const started = Date.now();
  try {
    const files = writeSynthFiles(spec, dir);
    const { db } = await prepareDatabase(url);
    try {
      let rows = 0;
      for (const file of files) {
        rows += (await ingestStatementsFile(db, file)).statements;
        const seconds = (Date.now() - started) / 1000;
        log(`  ${cacheKey(spec)}: ${rows}/${spec.statements} statements ingested, ${Math.round(rows / seconds)} rows/s`);
      }
    } finally {
      await db.$disconnect();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return (Date.now() - started) / 1000;
}

async function sqliteDataset(spec: DatasetSpec, cacheDir: string): Promise<Dataset> {
  const file = path.join(cacheDir, `${cacheKey(spec)}.db`);
  if (fs.existsSync(file)) return { ...spec, url: `file:${file}`, cached: true, ingestSeconds: null };
  // Built under another name and renamed when complete, so an interrupted build is never reused.
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  log(`building ${cacheKey(spec)} (about 1000 statements/s)…`);
  const ingestSeconds = await ingestSynthetic(spec, `file:${partial}`);
  fs.renameSync(partial, file);
  return { ...spec, url: `file:${file}`, cached: false, ingestSeconds };
}

async function adminQuery(clusterUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function pgTool(name: string): string {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
  return path.join(bin, name);
}

async function postgresDataset(spec: DatasetSpec, cacheDir: string, clusterUrl: string): Promise<Dataset> {
  const name = `bench_${spec.seed}_${spec.statements}_${spec.elections}`;
  const url = databaseUrlOn(clusterUrl, name);
  const archive = path.join(cacheDir, `${cacheKey(spec)}.pgdump`);
  await adminQuery(clusterUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(clusterUrl, `CREATE DATABASE ${name}`);
  let cached = true;
  let ingestSeconds: number | null = null;
  if (fs.existsSync(archive)) {
    execFileSync(pgTool('pg_restore'), ['--no-owner', '--dbname', url, archive], { stdio: 'pipe' });
  } else {
    log(`building ${cacheKey(spec)}…`);
    ingestSeconds = await ingestSynthetic(spec, url);
    cached = false;
    execFileSync(pgTool('pg_dump'), ['--format=custom', '--file', `${archive}.partial`, url], { stdio: 'pipe' });
    fs.renameSync(`${archive}.partial`, archive);
  }
  // Fresh planner statistics, as a long-running database would have.
  await adminQuery(url, 'VACUUM ANALYZE');
  // No JIT compilation, for ours, the floor and the peer alike: the floor's large statement is
  // estimated costly enough to be compiled with LLVM, which took 5 of its 6 seconds here.
  await adminQuery(clusterUrl, `ALTER DATABASE ${name} SET jit = off`);
  return { ...spec, url, cached, ingestSeconds };
}

export async function obtainDataset(spec: DatasetSpec, cacheDir: string, clusterUrl: string | null): Promise<Dataset> {
  fs.mkdirSync(cacheDir, { recursive: true });
  if (spec.engine === 'sqlite') return sqliteDataset(spec, cacheDir);
  if (!clusterUrl) throw new Error('a PostgreSQL dataset needs a running cluster');
  return postgresDataset(spec, cacheDir, clusterUrl);
}
