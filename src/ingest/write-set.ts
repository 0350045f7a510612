/**
 * Pending writes of one ingest, flushed in bulk. Ingestion decides every row in memory
 * (ids are deterministic), then the flush reads which rows exist, inserts the new ones with
 * createMany and updates only rows whose fields differ. Re-ingesting unchanged sources
 * therefore costs reads only, and a large spreadsheet costs a few statements per thousand
 * rows instead of several per row.
 */
import type { Prisma } from '../generated/prisma/client.js';
import { sameValue } from '../db/values.js';
import { insertRows } from '../db/bulk-insert.js';

export type Tx = Prisma.TransactionClient;

/** Tables in an order that satisfies foreign keys between them. */
export const TABLE_ORDER = [
  'source',
  'area',
  'organization',
  'organizationName',
  'person',
  'alias',
  'election',
  'electionRound',
  'mission',
  'membership',
  'statement',
  'statementRevision',
  'verdictCoding',
  'statementText',
  'event',
  'eventParticipant',
  'decision',
  'claim',
] as const;

export type Table = (typeof TABLE_ORDER)[number];
type Row = Record<string, unknown> & { id: string };

interface Pending {
  create: Row;
  /** Fields to bring up to date when the row already exists; empty = create-only. */
  update: Record<string, unknown>;
}

/** The part of a Prisma model delegate the flush uses (the delegates differ only in row types). */
interface Delegate {
  findMany(args: { where: { id: { in: string[] } } }): Promise<Row[]>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<unknown>;
}

/** Self-references that must point at rows inserted earlier in the same batch. */
const SELF_REFERENCES: Partial<Record<Table, string[]>> = { area: ['parentId', 'claimedById'], organization: ['parentId', 'mergedIntoId'] };

const CHUNK = 500;

export interface FlushStats {
  inserted: number;
  updated: number;
}

export class WriteSet {
  private readonly tables = new Map<Table, Map<string, Pending>>();

  constructor(private readonly provider: 'sqlite' | 'postgresql' = 'sqlite') {}

  /** Queues a row: created when missing, otherwise `update` fields are brought up to date. */
  put(table: Table, create: Row, update: Record<string, unknown> = omitId(create)): void {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    const existing = rows.get(create.id);
    if (existing) {
      existing.create = { ...existing.create, ...update };
      existing.update = { ...existing.update, ...update };
    } else rows.set(create.id, { create: { ...create }, update: { ...update } });
  }

  /** The row as it will be written, if queued. */
  get(table: Table, id: string): Row | undefined {
    return this.tables.get(table)?.get(id)?.create;
  }

  ids(table: Table): string[] {
    return [...(this.tables.get(table)?.keys() ?? [])];
  }

  size(): number {
    let n = 0;
    for (const rows of this.tables.values()) n += rows.size;
    return n;
  }

  async flush(tx: Tx): Promise<FlushStats> {
    const stats: FlushStats = { inserted: 0, updated: 0 };
    for (const table of TABLE_ORDER) {
      const rows = this.tables.get(table);
      if (!rows?.size) continue;
      // Prisma delegates share this shape; the cast only forgets their row types.
      const delegate = (tx as unknown as Record<Table, Delegate>)[table];
      const ids = [...rows.keys()];
      const existing = new Map<string, Row>();
      for (let i = 0; i < ids.length; i += CHUNK) {
        for (const row of await delegate.findMany({ where: { id: { in: ids.slice(i, i + CHUNK) } } })) existing.set(row.id, row);
      }
      const inserts = orderForSelfReferences(
        ids.filter((id) => !existing.has(id)).map((id) => rows.get(id)!.create),
        SELF_REFERENCES[table] ?? [],
      );
      if (inserts.length) await insertRows(tx, this.provider, table, inserts);
      stats.inserted += inserts.length;
      for (const [id, row] of existing) {
        const { update } = rows.get(id)!;
        const changed = Object.fromEntries(Object.entries(update).filter(([k, v]) => !sameValue(row[k], v)));
        if (Object.keys(changed).length) {
          await delegate.update({ where: { id }, data: changed });
          stats.updated++;
        }
      }
    }
    this.tables.clear();
    return stats;
  }
}

function omitId(row: Row): Record<string, unknown> {
  const { id: _id, ...rest } = row;
  return rest;
}

/** Orders rows so that a row referencing another row of the batch comes after it. */
function orderForSelfReferences(rows: Row[], columns: string[]): Row[] {
  if (!columns.length) return rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const done = new Set<string>();
  const out: Row[] = [];
  const visit = (row: Row, depth: number) => {
    if (done.has(row.id) || depth > 50) return;
    done.add(row.id);
    for (const c of columns) {
      const ref = row[c];
      if (typeof ref === 'string' && byId.has(ref)) visit(byId.get(ref)!, depth + 1);
    }
    out.push(row);
  };
  for (const r of rows) visit(r, 0);
  return out;
}
