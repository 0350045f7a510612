/**
 * Backups of the read model while the server runs, and restoring one in place.
 *
 * SQLite: SQLite's online backup API copies the file page by page while others read and write it.
 * Restoring replaces every table's rows inside one write transaction, so readers see the old data
 * or the new, never a mix, and nobody is refused meanwhile (they wait on the lock).
 *
 * PostgreSQL: pg_dump's custom format (a consistent snapshot, readers undisturbed). Restoring
 * empties every table and loads the dump's rows in one transaction through psql: readers wait on
 * the lock and then see the restored data.
 *
 * A backup is restored only into a database at the same migration, so no column can be lost.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { providerOf, sqlitePath } from './config.js';

const run = promisify(execFile);

/** The table that records which migrations a database has. */
const MIGRATIONS = '_prisma_migrations';
/**
 * Tables a restore leaves as they are: which migrations ran, and the change marker, which only
 * moves forward (the refill moves it), so no reader takes the restored rows for what it cached.
 */
const KEPT = new Set([MIGRATIONS, 'DataVersion']);

export class BackupError extends Error {}

export async function backupDatabase(url: string, file: string): Promise<void> {
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already; name a new file`);
  if (providerOf(url) === 'sqlite') {
    const db = new Database(sqlitePath(url), { fileMustExist: true, readonly: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
    return;
  }
  await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`]);
}

export interface RestoreReport {
  tables: number;
  rows: number;
}

export async function restoreDatabase(url: string, file: string): Promise<RestoreReport> {
  if (!fs.existsSync(file)) throw new BackupError(`no backup at ${file}`);
  return providerOf(url) === 'sqlite' ? restoreSqlite(url, file) : restorePostgres(url, file);
}

function restoreSqlite(url: string, file: string): RestoreReport {
  const db = new Database(sqlitePath(url), { fileMustExist: true, timeout: 30_000 });
  try {
    db.prepare('ATTACH DATABASE ? AS backup').run(file);
    const tablesOf = (schema: string) =>
      (
        db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
          name: string;
        }[]
      ).map((r) => r.name);
    const migrationsOf = (schema: string) =>
      (db.prepare(`SELECT migration_name FROM ${schema}."${MIGRATIONS}" ORDER BY migration_name`).all() as { migration_name: string }[])
        .map((r) => r.migration_name)
        .join(',');
    const tables = tablesOf('main').filter((t) => !KEPT.has(t));
    if (!tablesOf('backup').includes(MIGRATIONS)) throw new BackupError(`${file} is not a backup of this read model`);
    if (migrationsOf('main') !== migrationsOf('backup'))
      throw new BackupError(`${file} was taken at another migration than the database's; migrate one of them first`);
    let rows = 0;
    // Emptying a table must not cascade into the others (they are refilled from the backup); the
    // references are checked once all are in, before the commit.
    db.pragma('foreign_keys = OFF');
    const restore = db.transaction(() => {
      for (const table of tables) {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[])
          .map((c) => `"${c.name}"`)
          .join(', ');
        db.prepare(`DELETE FROM main."${table}"`).run();
        rows += db.prepare(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM backup."${table}"`).run().changes;
      }
      const broken = db.pragma('main.foreign_key_check') as { table: string }[];
      if (broken.length) throw new BackupError(`${file} has rows whose references are missing (${broken[0].table}); nothing was restored`);
    });
    restore.immediate();
    db.prepare('DETACH DATABASE backup').run();
    return { tables: tables.length, rows };
  } finally {
    db.close();
  }
}

async function restorePostgres(url: string, file: string): Promise<RestoreReport> {
  const listing = (await tool('pg_restore', ['--list', file])).stdout;
  // "… TABLE DATA public Statement owner": the tables whose rows the dump holds.
  const tables = [...listing.matchAll(/TABLE DATA \S+ (\S+) /g)].map((m) => m[1].replace(/^"|"$/g, '')).filter((t) => !KEPT.has(t));
  if (!tables.length) throw new BackupError(`${file} holds no tables of this read model`);
  const migrationsInDump = parseCopyColumn(
    (await tool('pg_restore', ['--data-only', `--table=${MIGRATIONS}`, '--file=-', file])).stdout,
    'migration_name',
  );
  const live = (await psql(url, `SELECT string_agg(migration_name, ',' ORDER BY migration_name) FROM "${MIGRATIONS}"`)).trim();
  if (migrationsInDump.sort().join(',') !== live)
    throw new BackupError(`${file} was taken at another migration than the database's; migrate one of them first`);
  // Rows load parents first: pg_restore keeps the dump's order, and the references are checked as each table loads.
  const data: string[] = [];
  for (const table of await parentsFirst(url, tables)) {
    data.push((await tool('pg_restore', ['--data-only', `--table=${table}`, '--file=-', file], 1 << 30)).stdout);
  }
  const script = [
    `TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')};`,
    ...data,
    // The dump's own preamble empties the search path.
    'RESET search_path;',
    `SELECT count(*) FROM (${tables.map((t) => `SELECT 1 FROM "${t}"`).join(' UNION ALL ')}) rows;`,
  ].join('\n');
  const out = await psql(url, script);
  return { tables: tables.length, rows: Number(out.trim().split('\n').at(-1)) };
}

/** Tables ordered so that every table comes after the tables its foreign keys point at. */
async function parentsFirst(url: string, tables: string[]): Promise<string[]> {
  const edges = (
    await psql(
      url,
      `SELECT c.relname || ' ' || p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       WHERE k.contype = 'f' AND c.oid <> p.oid`,
    )
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ') as [string, string]);
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const [child, parent] of edges) if (child === table) visit(parent, [...path, table]);
    if (tables.includes(table)) ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/** The values of one column in the COPY block pg_restore prints for a table. */
function parseCopyColumn(sql: string, column: string): string[] {
  const copy = /^COPY \S+ \(([^)]*)\) FROM stdin;$/m.exec(sql);
  if (!copy) return [];
  const index = copy[1]
    .split(', ')
    .map((c) => c.replace(/"/g, ''))
    .indexOf(column);
  const body = sql.slice(copy.index + copy[0].length + 1);
  return body
    .split('\n')
    .slice(0, body.split('\n').indexOf('\\.'))
    .map((line) => line.split('\t')[index]);
}

/** Runs SQL through psql in one transaction, stopping at the first error; returns what it printed. */
function psql(url: string, sql: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [
      '--no-psqlrc',
      '--quiet',
      '--tuples-only',
      '--no-align',
      '--single-transaction',
      '-v',
      'ON_ERROR_STOP=1',
      `--dbname=${url}`,
    ]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', (e) => reject(missingTool('psql', e)));
    // psql stops reading at its first error; the error it prints is what the caller needs.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new BackupError(`psql failed: ${err.trim().split('\n')[0]}`))));
    child.stdin.end(sql);
  });
}

async function tool(name: string, args: string[], maxBuffer = 64 << 20): Promise<{ stdout: string }> {
  try {
    return await run(name, args, { maxBuffer, encoding: 'utf8' });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw missingTool(name, e);
    throw new BackupError(`${name} failed: ${(e.stderr ?? e.message).trim().split('\n')[0]}`);
  }
}

function missingTool(name: string, error: Error): BackupError {
  return new BackupError(`${name} is needed for PostgreSQL backups (Debian: apt-get install postgresql-client): ${error.message}`);
}
