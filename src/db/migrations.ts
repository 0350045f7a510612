/**
 * Migrations without Prisma's native schema engine: the WebAssembly build of the
 * schema engine, driven through the same driver adapters the runtime uses.
 * The migration folders are Prisma's standard format, so `_prisma_migrations`
 * is the table `prisma migrate deploy` would keep.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { loadSchemaEngine } from './schema-engine.js';
import { adapterFactoryFor } from './adapter.js';
import { projectRoot, providerOf, sqlitePath, type DatabaseProvider } from './config.js';
import Database from 'better-sqlite3';
import pg from 'pg';

const noFilter = { externalTables: [], externalEnums: [] };

export const schemaPath = path.join(projectRoot, 'prisma', 'schema.prisma');

/** Migrations folder per provider: one Prisma schema, one migration history per database kind. */
export function migrationsDir(provider: DatabaseProvider): string {
  return path.join(projectRoot, 'prisma', provider === 'sqlite' ? 'migrations' : 'migrations-postgresql');
}

/** The Prisma schema, with its datasource provider set for the target database. */
export function schemaFor(provider: DatabaseProvider): string {
  const text = fs.readFileSync(schemaPath, 'utf8');
  return text.replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"[^"]+"/, `$1"${provider}"`);
}

export function loadMigrations(provider: DatabaseProvider): MigrationList {
  const baseDir = migrationsDir(provider);
  const dirs = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(baseDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok' as const, value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

async function withEngine<T>(url: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const provider = providerOf(url);
  const logs: string[] = [];
  const { SchemaEngine: Engine } = await loadSchemaEngine();
  // The engine does not close the connections it opens; track them so a SQLite file is not
  // left locked for the next client.
  const factory = adapterFactoryFor(url);
  const opened: SqlDriverAdapter[] = [];
  const tracked = Object.assign(Object.create(Object.getPrototypeOf(factory) as object) as SqlMigrationAwareDriverAdapterFactory, factory, {
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  });
  const engine = await Engine.new(
    { datamodels: [['schema.prisma', schemaFor(provider)]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await run(engine);
  } catch (error) {
    const detail = logs.length ? `\n${logs.slice(-5).join('\n')}` : '';
    throw new Error(`schema engine failed: ${(error as Error).message ?? String(error)}${detail}`);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose().catch(() => undefined)));
  }
}

/** Applies every unapplied migration; returns the names applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  const provider = providerOf(url);
  const migrationsList = loadMigrations(provider);
  // Every command starts by migrating; when the history already holds every migration, finished and
  // none failed, the engine would apply nothing, and loading it costs a fifth of a second.
  const applied = await finishedMigrations(url).catch(() => null);
  if (applied && migrationsList.migrationDirectories.every((d) => applied.has(d.path))) return [];
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return out.appliedMigrationNames;
  });
}

type HistoryRow = { migration_name: string; finished_at: unknown; rolled_back_at: unknown };

/**
 * The migrations `_prisma_migrations` records as applied, or null when it records one that failed
 * (started, neither finished nor rolled back: the engine must report it) or there is no history.
 */
async function finishedMigrations(url: string): Promise<Set<string> | null> {
  const query = 'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations';
  let rows: HistoryRow[];
  if (providerOf(url) === 'sqlite') {
    const file = sqlitePath(url);
    if (!fs.existsSync(file)) return null;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      rows = db.prepare(query).all() as HistoryRow[];
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      rows = (await client.query<HistoryRow>(query)).rows;
    } finally {
      await client.end();
    }
  }
  const live = rows.filter((r) => r.rolled_back_at === null);
  if (live.some((r) => r.finished_at === null)) return null;
  return new Set(live.map((r) => r.migration_name));
}

/** Drops everything in the database (tables, data, migration history). */
export async function resetDatabase(url: string): Promise<void> {
  await withEngine(url, (engine) => engine.reset({ filter: noFilter }));
}

/**
 * SQL that takes the committed migrations to the current schema, or null when they already match.
 * `url` must point at a scratch database: the committed migrations are applied to it first,
 * then its live schema is diffed against the datamodel.
 */
export async function pendingSchemaChange(scratchUrl: string): Promise<string | null> {
  const provider = providerOf(scratchUrl);
  const migrations = loadMigrations(provider);
  const hasMigrations = migrations.migrationDirectories.length > 0;
  return withEngine(scratchUrl, async (engine) => {
    if (hasMigrations && provider === 'postgresql') {
      // The WebAssembly engine cannot introspect PostgreSQL through the adapter, so each
      // PostgreSQL migration keeps the schema it was made from (schema.prisma beside its
      // migration.sql) and the diff runs between datamodels, without a database.
      const last = migrations.migrationDirectories.at(-1)!.path;
      const snapshot = path.join(migrationsDir(provider), last, 'schema.prisma');
      if (!fs.existsSync(snapshot)) throw new Error(`${snapshot} is missing: cannot tell what ${last} migrated to`);
      const result = await engine.diff({
        from: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: fs.readFileSync(snapshot, 'utf8') }] },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schemaFor(provider) }] },
        script: true,
        exitCode: null,
        filters: noFilter,
      });
      const sql = (result.stdout ?? '').trim();
      return sql === '' || /^-- This is an empty migration\.?$/.test(sql) ? null : sql;
    }
    if (hasMigrations) {
      await engine.reset({ filter: noFilter });
      await engine.applyMigrations({ migrationsList: migrations, filters: noFilter });
    }
    const datamodel = { files: [{ path: 'schema.prisma', content: schemaFor(provider) }] };
    const result = await engine.diff({
      from: hasMigrations ? { tag: 'schemaDatasource', ...datamodel, configDir: projectRoot } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', ...datamodel },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    const sql = (result.stdout ?? '').trim();
    return sql === '' || /^-- This is an empty migration\.?$/.test(sql) ? null : sql;
  });
}

/** Writes a new migration folder for the schema change, in Prisma's standard layout. */
export async function createMigration(url: string, name: string): Promise<string | null> {
  const provider = providerOf(url);
  const sql = await pendingSchemaChange(url);
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_').toLowerCase()}`;
  const dir = path.join(migrationsDir(provider), folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
  if (provider === 'postgresql') fs.writeFileSync(path.join(dir, 'schema.prisma'), schemaFor(provider));
  const lock = path.join(migrationsDir(provider), 'migration_lock.toml');
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(
      lock,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
    );
  }
  return folder;
}
