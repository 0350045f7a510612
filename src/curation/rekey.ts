/**
 * Moving rows from one record to another as if the sources had always named the other.
 *
 * Ingestion derives every id from a natural key that includes the ids of the records a row
 * belongs to (a mission's id is derived from its organization and election, a statement's from
 * its organization and round, a claim's from its entity). When a merge points such a row at
 * another record, the row takes the id that ingestion would give it there; if a row with that
 * identity already exists, the two are folded into one. Re-ingesting after a merge then writes
 * the very same rows again instead of duplicates, whichever record the sources' names resolve to.
 *
 * Every write goes through a ChangeLog that keeps each touched row's state before its first
 * change, so a merge can be undone exactly by replaying the log backwards.
 */
import { table, type Model, type Row, type Tx } from '../db/tables.js';
import { sameValue } from '../db/values.js';
import { stableId } from '../reconcile/ids.js';
import { normalizeName } from '../reconcile/normalize.js';
import { aliasId, electionKey, membershipKey, missionId, roundId } from '../reconcile/natural-keys.js';

export { table };
export type { Model, Row, Tx };

/** Columns stored as DateTime: JSON snapshots hold them as strings. */
const DATE_COLUMNS: Partial<Record<Model, string[]>> = {
  verdictCoding: ['codedAt'],
  claim: ['createdAt', 'retiredAt', 'withdrawnAt'],
  statement: ['retiredAt', 'withdrawnAt'],
  statementText: ['retiredAt', 'withdrawnAt'],
  statementRevision: ['replacedAt'],
  mission: ['unsupportedAt'],
};

/** A row read back from a JSON snapshot, with its dates as Date objects again. */
export function revive(model: Model, row: Row): Row {
  const out: Row = { ...row };
  for (const column of DATE_COLUMNS[model] ?? []) if (typeof out[column] === 'string') out[column] = new Date(out[column] as string);
  return out;
}

export interface LogEntry {
  model: Model;
  id: string;
  /** The row before the first change; null when the change created it. */
  before: Row | null;
  /** For a created row: the row it was re-keyed from. */
  from?: string;
}

export class ChangeLog {
  readonly entries: LogEntry[] = [];
  /** Old id → the id the row lives under now. */
  readonly redirects: Record<string, string> = {};
  private readonly seen = new Set<string>();

  constructor(
    private readonly tx: Tx,
    private readonly recording = true,
  ) {}

  private note(model: Model, id: string, before: Row | null, from?: string): void {
    if (!this.recording) return;
    const key = `${model}|${id}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.entries.push({ model, id, before, ...(from ? { from } : {}) });
  }

  /** Records a row's state before a change made outside this class. */
  remember(model: Model, row: Row): void {
    this.note(model, row.id, { ...row });
  }

  async update(model: Model, row: Row, data: Record<string, unknown>): Promise<void> {
    const changed = Object.fromEntries(Object.entries(data).filter(([k, v]) => !sameValue(row[k], v)));
    if (!Object.keys(changed).length) return;
    this.note(model, row.id, { ...row });
    await table(this.tx, model).update({ where: { id: row.id }, data: changed });
  }

  async create(model: Model, row: Row, from: string): Promise<void> {
    this.note(model, row.id, null, from);
    await table(this.tx, model).create({ data: row });
  }

  async remove(model: Model, row: Row): Promise<void> {
    this.note(model, row.id, { ...row });
    await table(this.tx, model).deleteMany({ where: { id: row.id } });
  }

  redirect(from: string, to: string): void {
    if (!this.recording) return;
    this.redirects[from] = to;
    for (const [k, v] of Object.entries(this.redirects)) if (v === from) this.redirects[k] = to;
  }

  /** Every (model, id) the log touched, for telling whether two logs overlap. */
  touched(): Set<string> {
    return new Set(this.entries.map((e) => `${e.model}|${e.id}`));
  }
}

// ── how ingestion derives ids ──

interface Derived {
  id: string;
  [column: string]: unknown;
}

interface Spec {
  model: Model;
  /** The id (and key columns) ingestion gives a row with these fields; null when it cannot be derived. */
  derive(tx: Tx, row: Row): Promise<Derived | null>;
  /** The unique identity of a row besides its id: another row with it is the same row. */
  identity(row: Row): Record<string, unknown> | null;
  /** Fields an existing row takes from one folded into it. */
  fold?(target: Row, incoming: Row): Record<string, unknown>;
  /** Rows that reference this table's id, and the column that references it. */
  children: { model: Model; fk: string }[];
  /** Entity type of this table's claims, when it has any. */
  claimType?: string;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
/** Fields of `incoming` filling the empty fields of `target`. */
function fillEmpty(target: Row, incoming: Row, columns: string[]): Record<string, unknown> {
  return Object.fromEntries(
    columns.filter((c) => (target[c] ?? null) === null && (incoming[c] ?? null) !== null).map((c) => [c, incoming[c]]),
  );
}

/** A row folded into a retired one brings it back in force: the incoming row is what the latest reading produced. */
function stillSeen(target: Row, incoming: Row): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (target.retiredAt && !incoming.retiredAt) fields.retiredAt = null;
  if (
    typeof incoming.lastSeenVersion === 'number' &&
    (typeof target.lastSeenVersion !== 'number' || incoming.lastSeenVersion > target.lastSeenVersion)
  )
    fields.lastSeenVersion = incoming.lastSeenVersion;
  return fields;
}

const PRECISION_RANK: Record<string, number> = { YEAR: 0, MONTH: 1, DAY: 2 };

export const SPECS: Partial<Record<Model, Spec>> = {
  organizationName: {
    model: 'organizationName',
    derive: async (_tx, r) => ({ id: stableId('orgname', str(r.organizationId), normalizeName(str(r.name))) }),
    identity: (r) => ({ organizationId: r.organizationId, name: r.name }),
    fold: (t, i) => fillEmpty(t, i, ['validFrom', 'validUntil']),
    children: [],
  },
  alias: {
    model: 'alias',
    derive: async (_tx, r) => ({ id: aliasId(str(r.organizationId ?? r.areaId ?? r.personId), str(r.normalized)) }),
    identity: (r) => ({
      normalized: r.normalized,
      organizationId: r.organizationId ?? null,
      areaId: r.areaId ?? null,
      personId: r.personId ?? null,
    }),
    children: [],
  },
  election: {
    model: 'election',
    derive: async (tx, r) => {
      const area = await tx.area.findUnique({ where: { id: str(r.areaId) }, select: { key: true } });
      if (!area) return null;
      // The key's last part (the year, or the day for a second election of a year) stays.
      const key = electionKey(area.key, str(r.type), str(r.key).slice(str(r.key).lastIndexOf(':') + 1));
      return { id: stableId('election', key), key };
    },
    identity: (r) => ({ key: r.key }),
    fold: (t, i) => ({
      ...fillEmpty(t, i, ['description', 'internationalObserverCount', 'internationalObserverCountries']),
      ...((PRECISION_RANK[str(i.datePrecision)] ?? 0) > (PRECISION_RANK[str(t.datePrecision)] ?? 0)
        ? { date: i.date, datePrecision: i.datePrecision }
        : {}),
    }),
    children: [
      { model: 'electionRound', fk: 'electionId' },
      { model: 'mission', fk: 'electionId' },
    ],
    claimType: 'Election',
  },
  electionRound: {
    model: 'electionRound',
    derive: async (_tx, r) => ({ id: roundId(str(r.electionId), str(r.round)) }),
    identity: (r) => ({ electionId: r.electionId, round: r.round }),
    fold: (t, i) => fillEmpty(t, i, ['date']),
    children: [{ model: 'statement', fk: 'roundId' }],
    claimType: 'ElectionRound',
  },
  mission: {
    model: 'mission',
    derive: async (_tx, r) => ({ id: missionId(str(r.organizationId), str(r.electionId)) }),
    identity: (r) => ({ organizationId: r.organizationId, electionId: r.electionId }),
    fold: (t, i) => fillEmpty(t, i, ['headId', 'observerCount', 'countryCount', 'startDate', 'endDate']),
    children: [{ model: 'membership', fk: 'missionId' }],
    claimType: 'Mission',
  },
  membership: {
    model: 'membership',
    derive: async (_tx, r) => {
      const key = membershipKey({
        personId: str(r.personId),
        organizationId: (r.organizationId as string | null) ?? null,
        missionId: (r.missionId as string | null) ?? null,
        role: str(r.role),
        label: str(r.label),
        startDate: str(r.startDate),
        asOf: str(r.asOf),
      });
      return { id: stableId('membership', key), key };
    },
    identity: (r) => ({ key: r.key }),
    fold: (t, i) => fillEmpty(t, i, ['label', 'onBehalfOfId', 'onBehalfOfOrganizationId', 'endDate', 'asOf']),
    children: [],
    claimType: 'Membership',
  },
  statement: {
    model: 'statement',
    derive: async (_tx, r) => {
      const id = stableId(
        'stmt',
        str(r.organizationId),
        str(r.roundId),
        (r.statementDate as string | null) ?? null,
        str(r.kind),
        normalizeName(str(r.quote)),
      );
      return { id, fingerprint: id };
    },
    identity: (r) => ({ fingerprint: r.fingerprint }),
    fold: stillSeen,
    children: [
      { model: 'verdictCoding', fk: 'statementId' },
      { model: 'statementText', fk: 'statementId' },
      { model: 'statementRevision', fk: 'statementId' },
    ],
    claimType: 'Statement',
  },
  statementText: {
    model: 'statementText',
    derive: async (_tx, r) => ({ id: stableId('text', str(r.statementId), str(r.sourceId), str(r.locator)) }),
    identity: () => null,
    fold: stillSeen,
    children: [],
    claimType: 'StatementText',
  },
  statementRevision: {
    model: 'statementRevision',
    // A revision keeps its id wherever its statement goes.
    derive: async (_tx, r) => ({ id: str(r.id) }),
    identity: () => null,
    children: [],
  },
  verdictCoding: {
    model: 'verdictCoding',
    derive: async (_tx, r) => {
      if (r.coder === 'RULE') return { id: stableId('coding', str(r.statementId), 'RULE') };
      return { id: stableId('coding', str(r.statementId), str(r.coder), str(r.codedBy)) };
    },
    identity: () => null,
    // Two codings by the same coder of one statement: the later one stands.
    fold: (t, i) =>
      (i.codedAt as Date) > (t.codedAt as Date)
        ? { verdict: i.verdict, codedAt: i.codedAt, rule: i.rule, confidence: i.confidence, evidence: i.evidence }
        : {},
    children: [],
  },
  eventParticipant: {
    model: 'eventParticipant',
    derive: async (_tx, r) => ({
      id: stableId('participant', str(r.eventId), str(r.organizationId), str(r.personId), normalizeName(str(r.role))),
    }),
    identity: (r) => ({ eventId: r.eventId, organizationId: r.organizationId ?? null, personId: r.personId ?? null, role: r.role }),
    children: [],
    claimType: 'EventParticipant',
  },
  claim: {
    model: 'claim',
    derive: async (_tx, r) => ({
      id: stableId('claim', str(r.sourceId), str(r.entityType), str(r.entityId), str(r.property), str(r.locator)),
    }),
    identity: (r) => ({ sourceId: r.sourceId, entityType: r.entityType, entityId: r.entityId, property: r.property, locator: r.locator }),
    fold: stillSeen,
    children: [],
  },
};

function spec(model: Model): Spec {
  const s = SPECS[model];
  if (!s) throw new Error(`no re-key rules for ${model}`);
  return s;
}

/** Another row that has the identity `next` will have: the row to fold into. */
async function findTarget(tx: Tx, s: Spec, next: Row, selfId: string): Promise<Row | null> {
  const byId = next.id !== selfId ? await table(tx, s.model).findUnique({ where: { id: next.id } }) : null;
  if (byId) return byId;
  const identity = s.identity(next);
  return identity ? table(tx, s.model).findFirst({ where: { AND: [identity, { id: { not: selfId } }] } }) : null;
}

/**
 * Points `row` at other records (`patch`), re-deriving its id. Returns the id the row lives
 * under afterwards (its own, a new one, or that of the row it was folded into).
 */
export async function rekey(log: ChangeLog, tx: Tx, model: Model, row: Row, patch: Record<string, unknown>): Promise<string> {
  const s = spec(model);
  const moved: Row = { ...row, ...patch };
  const derivedBefore = await s.derive(tx, row);
  const derivable = derivedBefore !== null && derivedBefore.id === row.id;
  const derivedAfter = derivable ? await s.derive(tx, moved) : null;
  const next: Row = derivedAfter ? { ...moved, ...derivedAfter } : moved;

  const target = await findTarget(tx, s, next, row.id);
  if (target) {
    await log.update(model, target, s.fold?.(target, moved) ?? {});
    await moveDependents(log, tx, s, row.id, target.id);
    await log.remove(model, row);
    log.redirect(row.id, target.id);
    return target.id;
  }
  if (next.id === row.id) {
    await log.update(model, row, patch);
    return row.id;
  }
  await log.create(model, next, row.id);
  await moveDependents(log, tx, s, row.id, next.id);
  await log.remove(model, row);
  log.redirect(row.id, next.id);
  return next.id;
}

/** Children and claims of `fromId` follow their parent to `toId`. */
async function moveDependents(log: ChangeLog, tx: Tx, s: Spec, fromId: string, toId: string): Promise<void> {
  for (const child of s.children) {
    for (const row of await table(tx, child.model).findMany({ where: { [child.fk]: fromId }, orderBy: { id: 'asc' } })) {
      await rekey(log, tx, child.model, row, { [child.fk]: toId });
    }
  }
  if (s.claimType) await moveClaims(log, tx, s.claimType, fromId, toId);
}

export async function moveClaims(log: ChangeLog, tx: Tx, entityType: string, fromId: string, toId: string): Promise<void> {
  for (const claim of await table(tx, 'claim').findMany({ where: { entityType, entityId: fromId }, orderBy: { id: 'asc' } })) {
    await rekey(log, tx, 'claim', claim, { entityId: toId });
  }
}

/** Re-keys every row of `model` whose `fk` is `fromId` so that it points at `toId`. */
export async function rekeyAll(log: ChangeLog, tx: Tx, model: Model, fk: string, fromId: string, toId: string): Promise<void> {
  for (const row of await table(tx, model).findMany({ where: { [fk]: fromId }, orderBy: { id: 'asc' } })) {
    await rekey(log, tx, model, row, { [fk]: toId });
  }
}

/** Points a column at another record where the column takes no part in any id. */
export async function retargetAll(log: ChangeLog, tx: Tx, model: Model, fk: string, fromId: string, toId: string): Promise<void> {
  for (const row of await table(tx, model).findMany({ where: { [fk]: fromId }, orderBy: { id: 'asc' } })) {
    await log.update(model, row, { [fk]: toId });
  }
}

/**
 * Undoes a log: rows it created are removed, every other row it touched is put back as it was.
 * Human codings and claims added since to a row the log created go back to the row it came from.
 * Returns the ids of statements whose verdict in force may have changed.
 */
export async function undo(tx: Tx, entries: LogEntry[]): Promise<string[]> {
  const statements = new Set<string>();
  const quiet = new ChangeLog(tx, false);
  for (const entry of [...entries].reverse()) {
    const delegate = table(tx, entry.model);
    if (entry.before === null) {
      const current = await delegate.findUnique({ where: { id: entry.id } });
      if (!current) continue;
      const origin = entry.from ? await delegate.findUnique({ where: { id: entry.from } }) : null;
      if (origin && entry.model === 'statement') {
        for (const coding of await table(tx, 'verdictCoding').findMany({ where: { statementId: entry.id, coder: 'HUMAN' } })) {
          await rekey(quiet, tx, 'verdictCoding', coding, { statementId: origin.id });
        }
        statements.add(origin.id);
      }
      const claimType = SPECS[entry.model]?.claimType;
      if (origin && claimType) await moveClaims(quiet, tx, claimType, entry.id, origin.id);
      else if (claimType) await tx.claim.deleteMany({ where: { entityType: claimType, entityId: entry.id } });
      await delegate.deleteMany({ where: { id: entry.id } });
    } else {
      const row = revive(entry.model, entry.before);
      const { id, ...fields } = row;
      await delegate.upsert({ where: { id }, create: row, update: fields });
      if (entry.model === 'statement') statements.add(id);
      if (entry.model === 'verdictCoding') statements.add(String(row.statementId));
    }
  }
  return [...statements];
}
