/**
 * Writing many rows in few statements, inside the caller's transaction.
 *
 * SQLite: one INSERT per row (… ON CONFLICT for a row already stored), prepared once per shape and run on the connection
 * the transaction is open on (the driver adapter prepares every statement anew and maps every
 * argument; a prepared one-row statement also beats a multi-row one, measured: 20 against 35 µs
 * a row into Claim).
 * PostgreSQL: one INSERT … SELECT FROM json_to_recordset per few thousand rows, through Prisma's
 * raw query, so the server parses one parameter instead of one per value.
 *
 * `upsert` inserts rows and, where the id is already stored, brings the named columns up to date
 * (rows whose columns already hold those values are not touched); `patch` updates stored rows
 * only; `insert` inserts.
 */
import type { Prisma } from '../generated/prisma/client.js';
import { providerOfClient, sqliteConnectionOf, type SqliteConnection } from './client.js';

export type Row = Record<string, unknown> & { id: string };
type Client = Pick<Prisma.TransactionClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

export interface TableWriter {
  insert(model: string, rows: Row[]): Promise<void>;
  upsert(model: string, rows: Row[], update: string[]): Promise<void>;
  patch(model: string, rows: Row[]): Promise<void>;
}

/** The writer for the database a client (or a transaction of it) talks to. */
export function tableWriter(tx: Client): TableWriter {
  if (providerOfClient(tx) === 'postgresql') return postgresWriter(tx);
  const connection = sqliteConnectionOf(tx);
  if (!connection) throw new Error('no SQLite connection is known for this client (create it with createDb)');
  return sqliteWriter(connection);
}

const tableName = (model: string) => model[0].toUpperCase() + model.slice(1);
const quote = (column: string) => `"${column}"`;
const columnsOf = (rows: Row[]) => [...new Set(rows.flatMap((r) => Object.keys(r)))];

// ── SQLite ──

function sqliteValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString().replace('Z', '+00:00');
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

const prepared = new WeakMap<SqliteConnection, Map<string, ReturnType<SqliteConnection['prepare']>>>();

function statementOf(connection: SqliteConnection, sql: string) {
  let cache = prepared.get(connection);
  if (!cache) {
    cache = new Map();
    prepared.set(connection, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    if (cache.size > 500) cache.clear();
    cache.set(sql, statement);
  }
  return statement;
}

function sqliteWriter(connection: SqliteConnection): TableWriter {
  /**
   * Writes rows by a plain INSERT; with `conflict`, a row whose id is stored already is written by
   * `INSERT … ON CONFLICT` instead (or skipped, for `DO NOTHING`). Finding that out first by a
   * probe by id (1–2 µs) is cheaper than letting every row take the conflict path: SQLite inserts a
   * new row through `ON CONFLICT DO UPDATE` at up to twice the cost of a plain INSERT (measured on
   * Statement, with foreign keys on: 28–38 against 12–20 µs a row; on Claim 13–14 against 7–12).
   */
  const write = (model: string, rows: Row[], conflict?: { sql: (table: string) => string; update: boolean }) => {
    if (!rows.length) return;
    const table = tableName(model);
    const columns = columnsOf(rows);
    const into = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const plain = statementOf(connection, into);
    const upsert = conflict?.update ? statementOf(connection, `${into}${conflict.sql(table)}`) : null;
    const exists = conflict ? statementOf(connection, `SELECT 1 FROM ${quote(table)} WHERE "id" = ?`).pluck() : null;
    const params: unknown[] = new Array(columns.length);
    for (const row of rows) {
      for (let c = 0; c < columns.length; c++) params[c] = sqliteValue(row[columns[c]]);
      if (!exists || exists.get(row.id) === undefined) plain.run(params);
      else upsert?.run(params);
    }
  };
  return {
    async insert(model, rows) {
      write(model, rows);
    },
    async upsert(model, rows, update) {
      write(model, rows, {
        update: update.length > 0,
        sql: (table) =>
          ` ON CONFLICT("id") DO UPDATE SET ${update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')} WHERE ${update
            .map((c) => `${quote(table)}.${quote(c)} IS NOT excluded.${quote(c)}`)
            .join(' OR ')}`,
      });
    },
    async patch(model, rows) {
      if (!rows.length) return;
      const table = tableName(model);
      for (const [columns, group] of bySignature(rows)) {
        const sql = `UPDATE ${quote(table)} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE "id" = ? AND (${columns
          .map((c) => `${quote(c)} IS NOT ?`)
          .join(' OR ')})`;
        const statement = statementOf(connection, sql);
        for (const row of group) {
          const values = columns.map((c) => sqliteValue(row[c]));
          statement.run([...values, row.id, ...values]);
        }
      }
    },
  };
}

/** Rows grouped by the columns they carry besides the id. */
function bySignature(rows: Row[]): Map<string[], Row[]> {
  const groups = new Map<string, { columns: string[]; rows: Row[] }>();
  for (const row of rows) {
    const columns = Object.keys(row).filter((c) => c !== 'id');
    const key = columns.join('\u0000');
    const group = groups.get(key) ?? { columns, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return new Map([...groups.values()].filter((g) => g.columns.length).map((g) => [g.columns, g.rows]));
}

/**
 * Drops these secondary indexes (those of them that exist) for the rest of the caller's
 * transaction, and returns what builds them again; on PostgreSQL nothing is dropped. SQLite keeps
 * an index up to date row by row, at up to half the cost of a row (measured on Claim: 28 µs a
 * row with its two indexes, 11 without), while building one afterwards sorts the table once.
 * Readers on other connections never see the indexes gone: the drop and the rebuild commit together.
 * Only indexes nothing reads before they are built again may be named.
 */
export async function withIndexesDeferred(tx: Client, names: readonly string[]): Promise<() => Promise<void>> {
  const connection = providerOfClient(tx) === 'sqlite' ? sqliteConnectionOf(tx) : null;
  if (!connection || !names.length) return async () => {};
  const found = connection
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name IN (${names.map(() => '?').join(', ')})`,
    )
    .all(...names) as { name: string; sql: string }[];
  for (const { name } of found) connection.exec(`DROP INDEX ${quote(name)}`);
  return async () => {
    for (const { sql } of found) connection.exec(sql);
  };
}

// ── PostgreSQL ──

/**
 * Brings PostgreSQL's planner statistics of these tables up to date (SQLite: nothing to do). A large
 * ingest fills tables the planner still believes nearly empty, and inside its transaction no
 * autovacuum has looked at them: the projections' join over 50,000 new statements was planned as
 * a nested loop over sequential scans and took 16 s, against well under one after ANALYZE.
 */
export async function refreshStatistics(tx: Client, models: string[]): Promise<void> {
  if (providerOfClient(tx) !== 'postgresql' || !models.length) return;
  await tx.$executeRawUnsafe(`ANALYZE ${models.map((m) => quote(tableName(m))).join(', ')}`);
}

/** Rows per statement: the JSON text of a few thousand rows is a few megabytes at most. */
const POSTGRES_ROWS = 5_000;

/** Column types per table, as the server declares them (enums by their type name). */
const columnTypes = new Map<string, Promise<Map<string, string>>>();

function typesOf(tx: Client, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    types = tx
      .$queryRawUnsafe<{ column_name: string; data_type: string; udt_name: string }[]>(
        'SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
        table,
      )
      .then((rows) => new Map(rows.map((r) => [r.column_name, r.data_type === 'USER-DEFINED' ? `"${r.udt_name}"` : r.data_type])));
    // A failed lookup is not remembered.
    types.catch(() => columnTypes.delete(table));
    columnTypes.set(table, types);
  }
  return types;
}

function postgresWriter(tx: Client): TableWriter {
  const recordset = async (table: string, columns: string[], rows: Row[]) => {
    const types = await typesOf(tx, table);
    const declared = columns.map((c) => {
      const type = types.get(c);
      if (!type) throw new Error(`table ${table} has no column ${c}`);
      return `${quote(c)} ${type}`;
    });
    // The rows as they are: json_to_recordset reads the declared columns only (a missing key is NULL),
    // dates serialise as ISO instants, and the write set's rows hold no bigint.
    const json = JSON.stringify(rows);
    return { from: `json_to_recordset($1::json) AS x(${declared.join(', ')})`, json };
  };
  const write = async (model: string, rows: Row[], conflict: (table: string) => string) => {
    if (!rows.length) return;
    const table = tableName(model);
    const columns = columnsOf(rows);
    for (let i = 0; i < rows.length; i += POSTGRES_ROWS) {
      const { from, json } = await recordset(table, columns, rows.slice(i, i + POSTGRES_ROWS));
      const list = columns.map(quote).join(', ');
      await tx.$executeRawUnsafe(`INSERT INTO ${quote(table)} (${list}) SELECT ${list} FROM ${from}${conflict(table)}`, json);
    }
  };
  return {
    insert: (model, rows) => write(model, rows, () => ''),
    upsert: (model, rows, update) =>
      write(model, rows, (table) =>
        update.length
          ? ` ON CONFLICT ("id") DO UPDATE SET ${update.map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`).join(', ')} WHERE ${update
              .map((c) => `${quote(table)}.${quote(c)} IS DISTINCT FROM EXCLUDED.${quote(c)}`)
              .join(' OR ')}`
          : ' ON CONFLICT ("id") DO NOTHING',
      ),
    async patch(model, rows) {
      const table = tableName(model);
      for (const [columns, group] of bySignature(rows)) {
        for (let i = 0; i < group.length; i += POSTGRES_ROWS) {
          const { from, json } = await recordset(table, ['id', ...columns], group.slice(i, i + POSTGRES_ROWS));
          await tx.$executeRawUnsafe(
            `UPDATE ${quote(table)} AS t SET ${columns.map((c) => `${quote(c)} = x.${quote(c)}`).join(', ')} FROM ${from} WHERE t."id" = x."id" AND (${columns
              .map((c) => `t.${quote(c)} IS DISTINCT FROM x.${quote(c)}`)
              .join(' OR ')})`,
            json,
          );
        }
      }
    },
  };
}
