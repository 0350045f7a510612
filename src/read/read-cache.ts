/**
 * Per-process caches: the reconciler (to look things up by any spelling), the area tree (to
 * widen a country to its regions and cities), and memoised results derived from many rows
 * (the comparison's aggregates), each kept only while the data it came from is unchanged.
 *
 * One cheap statement per check tells what changed underneath (another process may ingest):
 * - row counts of the tables names are resolved from: the reconciler and the area tree are
 *   rebuilt when they move (rebuilding the reconciler takes a while, so unrelated writes do not
 *   trigger it);
 * - the database's own change marker: any write drops the memoised results. SQLite: rows
 *   changed through this connection (total_changes()) and commits by any other connection
 *   (PRAGMA data_version). PostgreSQL: the current snapshot (next transaction id and those in
 *   progress), which every writing transaction moves when it first writes and when it ends.
 */
import { providerOfClient, type Db } from '../db/client.js';
import { Reconciler } from '../reconcile/reconciler.js';
import { loadReconciler } from './reconciler-state.js';

interface Stamp {
  /** Row counts of the name tables. */
  names: string;
  /** Changes whenever any data does. */
  data: string;
}

const NAME_COUNTS = ['Alias', 'Area', 'Organization', 'Person', 'Decision']
  .map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`)
  .join(', ');

const STAMP_SQL = {
  sqlite: `SELECT ${NAME_COUNTS}, total_changes() || '/' || (SELECT data_version FROM pragma_data_version) AS "dataVersion"`,
  // The next transaction id and those still in progress: it moves when a transaction first
  // writes and when it ends (read-only ones take no id), unlike the WAL position, which
  // background records (checkpoints, standby snapshots) move on an otherwise idle server.
  postgresql: `SELECT ${NAME_COUNTS}, pg_current_snapshot()::text AS "dataVersion"`,
};

/** Memoised results kept per data version; distinct filters each add one, so the number is bounded. */
const MAX_MEMOS = 64;

export class ReadCache {
  private reconciler: Promise<Reconciler> | null = null;
  private areaChildren: Map<string, string[]> | null = null;
  private namesStamp = '';
  private memos = new Map<string, Promise<unknown>>();
  private memoStamp = '';

  constructor(private readonly db: Db) {}

  private async fresh(): Promise<Stamp> {
    const [row] = await this.db.$queryRawUnsafe<Record<string, unknown>[]>(STAMP_SQL[providerOfClient(this.db)]);
    const { dataVersion, ...counts } = row;
    const stamp = { names: Object.values(counts).map(String).join('/'), data: String(dataVersion) };
    if (stamp.names !== this.namesStamp) {
      this.namesStamp = stamp.names;
      this.reconciler = null;
      this.areaChildren = null;
    }
    return stamp;
  }

  async getReconciler(): Promise<Reconciler> {
    await this.fresh();
    this.reconciler ??= (async () => {
      return loadReconciler(this.db, new Reconciler());
    })();
    return this.reconciler;
  }

  /** The area and every area inside it. */
  async areaWithDescendants(areaId: string): Promise<string[]> {
    await this.fresh();
    if (!this.areaChildren) {
      const children = new Map<string, string[]>();
      for (const a of await this.db.area.findMany({ select: { id: true, parentId: true } })) {
        if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
      }
      this.areaChildren = children;
    }
    const out: string[] = [];
    const stack = [areaId];
    while (stack.length) {
      const id = stack.pop()!;
      out.push(id);
      stack.push(...(this.areaChildren.get(id) ?? []));
    }
    return out;
  }

  /**
   * Forgets everything now: a writer in this process calls it after a change (committed or
   * rolled back — SQLite's change marker counts rows a rolled-back transaction touched, and a
   * rollback does not move it back).
   */
  invalidate(): void {
    this.namesStamp = '';
    this.reconciler = null;
    this.areaChildren = null;
    this.memoStamp = '';
    this.memos = new Map();
  }

  /**
   * The result of `compute` for `key`, computed once while the data stays unchanged. The data
   * version is read before computing, so a result is never kept under a version older than the
   * rows it was computed from.
   */
  async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const { data } = await this.fresh();
    if (data !== this.memoStamp) {
      this.memoStamp = data;
      this.memos = new Map();
    }
    const memos = this.memos;
    let result = memos.get(key) as Promise<T> | undefined;
    if (!result) {
      result = compute();
      memos.set(key, result);
      // A failure is not remembered; the oldest entry makes room for a new one.
      result.catch(() => memos.get(key) === result && memos.delete(key));
      if (memos.size > MAX_MEMOS) memos.delete(memos.keys().next().value!);
    }
    return result;
  }
}
