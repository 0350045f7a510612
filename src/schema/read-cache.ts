/**
 * Per-process caches for reads that need the whole of a small table: the reconciler (to look
 * things up by any spelling) and the area tree (to widen a country to its regions and cities).
 * A cheap fingerprint query tells when the data changed underneath (another process ingested).
 */
import type { Db } from '../db/client.js';
import { Reconciler } from '../reconcile/reconciler.js';
import { Store } from '../ingest/store.js';

export class ReadCache {
  private reconciler: Promise<Reconciler> | null = null;
  private areaChildren: Map<string, string[]> | null = null;
  private stamp = '';

  constructor(private readonly db: Db) {}

  private async fresh(): Promise<void> {
    const [aliases, areas, orgs, persons, decisions] = await Promise.all([
      this.db.alias.count(), this.db.area.count(), this.db.organization.count(), this.db.person.count(), this.db.decision.count(),
    ]);
    const stamp = `${aliases}/${areas}/${orgs}/${persons}/${decisions}`;
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      this.reconciler = null;
      this.areaChildren = null;
    }
  }

  async getReconciler(): Promise<Reconciler> {
    await this.fresh();
    this.reconciler ??= (async () => {
      const reconciler = new Reconciler();
      // Store.loadExisting only reads; the client serves as the transaction client here.
      await new Store(this.db, reconciler).loadExisting();
      return reconciler;
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
}
