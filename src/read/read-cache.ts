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
 *   (PRAGMA data_version). PostgreSQL: the DataVersion row, which a trigger on every table moves
 *   with each writing statement, seen by readers when the write commits.
 */
import { providerOfClient, type Db } from '../db/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { Reconciler } from '../reconcile/reconciler.js';
import { loadReconciler } from './reconciler-state.js';
import { ReconcilerDraft } from './reconciler-draft.js';

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
  // The database's own marker: triggers add one to it with every statement that writes to this
  // database (the migration 20261201161408_data_version), visible when the write commits.
  postgresql: `SELECT ${NAME_COUNTS}, (SELECT "version" FROM "DataVersion" WHERE "id" = 1)::text AS "dataVersion"`,
};

/** Memoised results kept per data version; distinct filters each add one, so the number is bounded. */
const MAX_MEMOS = 64;

/** The database client or a transaction: what the stamp is read through. */
type Client = Pick<Prisma.TransactionClient, '$queryRawUnsafe' | 'area' | 'organization' | 'person'>;

/** One write's view of the names (ReadCache.draftReconciler). */
export interface NamesWrite {
  /** Resolves through the cached reconciler; the write's additions stay in the draft until committed. */
  readonly draft: ReconcilerDraft;
  /** The names (row counts) as the write's transaction saw them before writing. */
  readonly before: string;
  /** The names as the transaction left them, counted by `sealDraft` before it commits. */
  after: string | null;
  /** The cache as the write found it: its names stamp and generation. */
  readonly cacheNames: string;
  readonly generation: number;
}

export class ReadCache {
  private reconciler: Promise<Reconciler> | null = null;
  /** The reconciler once loaded, with the names it was loaded under. */
  private loadedReconciler: { value: Reconciler; names: string } | null = null;
  /** Counts explicit changes of the cache by this process's writers (invalidate, commitDraft). */
  private generation = 0;
  private areaChildren: Map<string, string[]> | null = null;
  private organizationChildren: Map<string, string[]> | null = null;
  private namesStamp = '';
  private memos = new Map<string, Promise<unknown>>();
  /** Memoised results every request reads (the projection index): never pushed out by the others. */
  private kept = new Map<string, Promise<unknown>>();
  private memoStamp = '';

  constructor(private readonly db: Db) {}

  /** The stamp as `client` sees it: a transaction counts its own writes. */
  private async stampOf(client: Client): Promise<Stamp> {
    const [row] = await client.$queryRawUnsafe<Record<string, unknown>[]>(STAMP_SQL[providerOfClient(this.db)]);
    const { dataVersion, ...counts } = row;
    return { names: Object.values(counts).map(String).join('/'), data: String(dataVersion) };
  }

  private async fresh(): Promise<Stamp> {
    const stamp = await this.stampOf(this.db);
    if (stamp.names !== this.namesStamp) {
      this.namesStamp = stamp.names;
      this.reconciler = null;
      this.loadedReconciler = null;
      this.areaChildren = null;
      this.organizationChildren = null;
    }
    return stamp;
  }

  async getReconciler(): Promise<Reconciler> {
    const { names } = await this.fresh();
    this.reconciler ??= loadReconciler(this.db, new Reconciler()).then((value) => {
      if (this.namesStamp === names) this.loadedReconciler = { value, names };
      return value;
    });
    return this.reconciler;
  }

  /**
   * The reconciler for a write inside `tx`, which leaves the cached one as it is until the write
   * has committed: names resolve through the cached reconciler when `tx` sees the names it was
   * loaded from (and through one loaded through `tx` otherwise), and what the write adds is kept
   * in the draft. After writing, inside the transaction, the write calls `sealDraft`; once it has
   * committed, `commitDraft` adds the draft to the cache, so the next write finds it loaded. A
   * write that rolls back calls neither, and the cache is as it was.
   *
   * Only a reconciler already loaded is used: a load in flight goes through the database client,
   * which may be waiting for this very transaction.
   */
  async draftReconciler(tx: Client): Promise<NamesWrite> {
    const cacheNames = this.namesStamp;
    const generation = this.generation;
    const { names: before } = await this.stampOf(tx);
    const held = this.loadedReconciler;
    const base = held && held.names === before && cacheNames === before ? held.value : await loadReconciler(tx, new Reconciler());
    return { draft: new ReconcilerDraft(base), before, after: null, cacheNames, generation };
  }

  /** Counts the names as the write's transaction leaves them: the stamp its draft is kept under. */
  async sealDraft(write: NamesWrite, tx: Client): Promise<void> {
    write.after = (await this.stampOf(tx)).names;
  }

  /**
   * After the write's transaction committed: its additions join the reconciler it resolved
   * through, which the cache then holds under the names the transaction left. When this process
   * changed the cache meanwhile (another write), or the write was not sealed, everything is
   * forgotten instead and loaded again when asked for. (On PostgreSQL another process's names
   * committed between the write's two counts would go unseen until the names move again, as a
   * rename does today; SQLite lets no other writer commit inside a write.)
   */
  commitDraft(write: NamesWrite): void {
    if (write.after === null || write.generation !== this.generation || write.cacheNames !== this.namesStamp) {
      this.invalidate();
      return;
    }
    write.draft.applyTo(write.draft.base);
    this.generation++;
    this.namesStamp = write.after;
    this.reconciler = Promise.resolve(write.draft.base);
    this.loadedReconciler = { value: write.draft.base, names: write.after };
    this.areaChildren = null;
    this.organizationChildren = null;
    this.dropMemos('');
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
    return withDescendants(areaId, this.areaChildren);
  }

  /** The organizations and every body within them (the OSCE Parliamentary Assembly and its national delegations). */
  async organizationsWithParts(organizationIds: string[]): Promise<string[]> {
    await this.fresh();
    if (!this.organizationChildren) {
      const children = new Map<string, string[]>();
      for (const o of await this.db.organization.findMany({ where: { mergedIntoId: null }, select: { id: true, parentId: true } })) {
        if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
      }
      this.organizationChildren = children;
    }
    const children = this.organizationChildren;
    return [...new Set(organizationIds.flatMap((id) => withDescendants(id, children)))];
  }

  /**
   * Forgets everything now: a writer in this process calls it after a change (committed or
   * rolled back — SQLite's change marker counts rows a rolled-back transaction touched, and a
   * rollback does not move it back).
   */
  invalidate(): void {
    this.generation++;
    this.namesStamp = '';
    this.reconciler = null;
    this.loadedReconciler = null;
    this.areaChildren = null;
    this.organizationChildren = null;
    this.dropMemos('');
  }

  /**
   * A text that changes whenever the data may have: the database's change marker (any process's
   * writes) and this process's own invalidations. What the response cache keys entries by.
   */
  async dataVersion(): Promise<string> {
    const { data } = await this.fresh();
    return `${data}|${this.generation}`;
  }

  /**
   * The result of `compute` for `key`, computed once while the data stays unchanged. The data
   * version is read before computing, so a result is never kept under a version older than the
   * rows it was computed from.
   */
  async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.remember(key, compute, false);
  }

  /**
   * As `memo`, for a result every request needs (few keys): it stays while the data is
   * unchanged, however many other results are memoised meanwhile.
   */
  async keep<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.remember(key, compute, true);
  }

  /** Forgets every memoised result; those memoised next are kept under `stamp`. */
  private dropMemos(stamp: string): void {
    this.memoStamp = stamp;
    this.memos = new Map();
    this.kept = new Map();
  }

  private async remember<T>(key: string, compute: () => Promise<T>, kept: boolean): Promise<T> {
    const { data } = await this.fresh();
    if (data !== this.memoStamp) this.dropMemos(data);
    const memos = kept ? this.kept : this.memos;
    let result = memos.get(key) as Promise<T> | undefined;
    if (!result) {
      result = compute();
      memos.set(key, result);
      // A failure is not remembered; the oldest entry makes room for a new one.
      result.catch(() => memos.get(key) === result && memos.delete(key));
      if (!kept && memos.size > MAX_MEMOS) memos.delete(memos.keys().next().value!);
    }
    return result;
  }
}

function withDescendants(id: string, children: Map<string, string[]>): string[] {
  const out: string[] = [];
  const stack = [id];
  while (stack.length) {
    const next = stack.pop()!;
    // A parent cycle in curated data must not loop forever.
    if (out.includes(next)) continue;
    out.push(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}
