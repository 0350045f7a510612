/**
 * Pending writes of one ingest, flushed in bulk. Ingestion decides every row in memory
 * (ids are deterministic), then the flush writes each table in a few statements: a queued row is
 * inserted, or, when its id is stored already, its update fields are brought up to date (a row
 * already holding them is left alone). Re-ingesting unchanged sources therefore changes nothing,
 * and a large spreadsheet costs a few statements per thousand rows instead of several per row.
 */
import type { Prisma } from '../generated/prisma/client.js';
import { refreshStatistics, tableWriter } from '../db/bulk-write.js';

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
  /** The whole row, to insert when it is not stored; null for a row only ever patched (known to be stored). */
  create: Row | null;
  /** Fields to bring up to date when the row already exists; empty = create-only. */
  update: Record<string, unknown>;
}

/** Rows a table takes before its planner statistics are refreshed (an ANALYZE of a large table costs some 100 ms). */
const ANALYSE_AFTER_ROWS = 5_000;

/** Self-references that must point at rows inserted earlier in the same batch. */
const SELF_REFERENCES: Partial<Record<Table, string[]>> = { area: ['parentId', 'claimedById'], organization: ['parentId', 'mergedIntoId'] };

export class WriteSet {
  private readonly tables = new Map<Table, Map<string, Pending>>();

  private rowsOf(table: Table): Map<string, Pending> {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    return rows;
  }

  /**
   * Queues a row: created when missing, otherwise `update` fields are brought up to date. The write
   * set takes both objects as they are (an ingest queues hundreds of thousands of rows; copying
   * each twice was a tenth of its time): pass objects made for the call.
   */
  put(table: Table, create: Row, update: Record<string, unknown> = omitId(create)): void {
    const rows = this.rowsOf(table);
    const existing = rows.get(create.id);
    if (existing?.create) {
      Object.assign(existing.create, update);
      Object.assign(existing.update, update);
    } else if (existing) {
      // Patched before, queued whole now: the later fields win.
      rows.set(create.id, { create: Object.assign(create, existing.update, update), update: Object.assign(existing.update, update) });
    } else rows.set(create.id, { create: Object.assign(create, update), update });
  }

  /** Brings fields of a row up to date: the queued row's, or the stored one's (a row neither queued nor stored is left alone). */
  patch(table: Table, id: string, fields: Record<string, unknown>): void {
    const rows = this.rowsOf(table);
    const existing = rows.get(id);
    if (existing) {
      if (existing.create) Object.assign(existing.create, fields);
      Object.assign(existing.update, fields);
    } else rows.set(id, { create: null, update: { ...fields } });
  }

  /** The row as it will be written, if queued whole. */
  get(table: Table, id: string): Row | undefined {
    return this.tables.get(table)?.get(id)?.create ?? undefined;
  }

  ids(table: Table): string[] {
    return [...(this.tables.get(table)?.keys() ?? [])];
  }

  size(): number {
    let n = 0;
    for (const rows of this.tables.values()) n += rows.size;
    return n;
  }

  /** Rows written to each table: since its planner statistics were last brought up to date, and before. */
  private readonly written = new Map<Table, { since: number; before: number }>();

  async flush(tx: Tx): Promise<void> {
    const writer = tableWriter(tx);
    for (const table of TABLE_ORDER) {
      const rows = this.tables.get(table);
      if (!rows?.size) continue;
      const whole: Pending[] = [];
      const patches: Row[] = [];
      for (const [id, pending] of rows) {
        if (pending.create) whole.push(pending);
        else patches.push({ ...pending.update, id });
      }
      // Rows that update the same columns go in one statement; a batch's own parents come first.
      const self = SELF_REFERENCES[table];
      const ordered = self ? orderForSelfReferences(whole, self) : whole;
      for (const group of runsOfSameUpdate(ordered, !self)) {
        await writer.upsert(
          table,
          group.map((p) => p.create as Row),
          Object.keys(group[0].update),
        );
      }
      await writer.patch(table, patches);
      const counts = this.written.get(table) ?? { since: 0, before: 0 };
      counts.since += rows.size;
      this.written.set(table, counts);
    }
    this.tables.clear();
    // Statistics are refreshed each time a table has taken as many rows again as it had taken when
    // they were last refreshed: a few ANALYZEs an ingest, however large.
    const grown = [...this.written].filter(([, n]) => n.since >= ANALYSE_AFTER_ROWS && n.since >= n.before);
    await refreshStatistics(
      tx,
      grown.map(([table]) => table),
    );
    for (const [, n] of grown) {
      n.before += n.since;
      n.since = 0;
    }
  }
}

/** Rows split by the update columns they carry: all rows with one set together, or (keeping order) consecutive runs. */
function runsOfSameUpdate(rows: Pending[], regroup: boolean): Pending[][] {
  const key = (p: Pending) => Object.keys(p.update).join('\u0000');
  if (regroup) {
    const groups = new Map<string, Pending[]>();
    for (const p of rows) {
      const k = key(p);
      const group = groups.get(k);
      if (group) group.push(p);
      else groups.set(k, [p]);
    }
    return [...groups.values()];
  }
  const runs: Pending[][] = [];
  let last = '';
  for (const p of rows) {
    const k = key(p);
    if (runs.length && k === last) runs[runs.length - 1].push(p);
    else runs.push([p]);
    last = k;
  }
  return runs;
}

function omitId(row: Row): Record<string, unknown> {
  const { id: _id, ...rest } = row;
  return rest;
}

/** Orders rows so that a row referencing another row of the batch comes after it. */
function orderForSelfReferences(rows: Pending[], columns: string[]): Pending[] {
  const byId = new Map(rows.map((p) => [(p.create as Row).id, p]));
  const done = new Set<string>();
  const out: Pending[] = [];
  const visit = (p: Pending, depth: number) => {
    const row = p.create as Row;
    if (done.has(row.id) || depth > 50) return;
    done.add(row.id);
    for (const c of columns) {
      const ref = row[c];
      if (typeof ref === 'string' && byId.has(ref)) visit(byId.get(ref)!, depth + 1);
    }
    out.push(p);
  };
  for (const r of rows) visit(r, 0);
  return out;
}
