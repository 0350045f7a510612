/**
 * A write's view of a shared reconciler, which it leaves untouched: names resolve through the
 * shared reconciler, and what the write adds (a new organization, a spelling seen in its row) is
 * kept in a journal, added to a reconciler only by `applyTo` — to the shared one once the write's
 * transaction has committed. A write that rolls back leaves nothing behind.
 *
 * The view serves a write that resolves its names before adding to them, as one statement row
 * does (organization, then area, then speaker: each looked up once, then recorded). A lookup that
 * an earlier addition of the same write would change cannot be answered from the shared
 * reconciler, so it is refused; so is any member of the reconciler not listed here, so that a new
 * method cannot reach the shared reconciler unseen.
 */
import type { Reconciler } from '../reconcile/reconciler.js';

type Names = 'area' | 'organization' | 'person';

/** Members that read, and which names they read. */
const READS: Record<string, Names> = {
  areas: 'area',
  resolveArea: 'area',
  isWithin: 'area',
  countryOf: 'area',
  resolveOrganization: 'organization',
  resolvePerson: 'person',
};

/** Members that add, and which lookups the addition changes (an area's names key organizations': "CEC of Russia"). */
const ADDS: Record<string, Names[]> = {
  addArea: ['area', 'organization'],
  addAreaAlias: ['area', 'organization'],
  addOrganization: ['organization'],
  rebuildOrganizationIndex: ['organization'],
  addPerson: ['person'],
};

export class ReconcilerDraft {
  /** Typed as the reconciler it stands for, so that the write's code (the Store) takes it as one. */
  readonly reconciler: Reconciler;
  private readonly journal: { member: string; args: unknown[] }[] = [];
  private readonly changed = new Set<Names>();

  constructor(readonly base: Reconciler) {
    this.reconciler = new Proxy(base, {
      get: (target, member) => {
        if (typeof member !== 'string') return Reflect.get(target, member);
        const reads = READS[member];
        if (reads) {
          if (this.changed.has(reads))
            throw new Error(
              `reconciler draft: ${member} after this write added ${reads} names; a write through a draft resolves before it adds`,
            );
          const value = Reflect.get(target, member, target) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        }
        const adds = ADDS[member];
        if (adds)
          return (...args: unknown[]) => {
            this.journal.push({ member, args });
            for (const names of adds) this.changed.add(names);
          };
        if (typeof Reflect.get(target, member) === 'function') throw new Error(`reconciler draft: ${member} is not supported`);
        return undefined;
      },
      set: (_target, member) => {
        throw new Error(`reconciler draft: ${String(member)} cannot be set`);
      },
    });
  }

  /** Whether the write added anything. */
  get empty(): boolean {
    return this.journal.length === 0;
  }

  /**
   * Adds what the write added to `reconciler`, and re-keys its organizations after new names, as
   * loading them from the database does (src/read/reconciler-state.ts).
   */
  applyTo(reconciler: Reconciler): void {
    for (const { member, args } of this.journal)
      (reconciler[member as keyof Reconciler] as (...a: unknown[]) => void).apply(reconciler, args);
    if (this.changed.has('organization')) reconciler.rebuildOrganizationIndex();
  }
}
