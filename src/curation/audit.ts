/**
 * The audit trail: one append-only entry per change made through curation, with who, when,
 * what, and JSON snapshots of the record before and after. Nothing in the code base updates or
 * deletes an entry; undoing a change appends a new entry.
 */
import { randomBytes } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

export interface AuditInput {
  actor: string;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

export const AUDIT_ACTIONS = [
  'ADD_STATEMENT',
  'SET_VERDICT',
  'WITHDRAW_VERDICT',
  'ADD_ALIAS',
  'REMOVE_ALIAS',
  'MERGE',
  'SPLIT',
  'JUDGE_NOT_SAME',
  'JUDGE_UNSURE',
  'REVOKE_JUDGEMENT',
  'WITHDRAW_STATEMENT',
  'RESTORE_STATEMENT',
  'WITHDRAW_SOURCE',
  'RESTORE_SOURCE',
  'INGEST_SPREADSHEET',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

let sequence = 0;

/** Ids sort in the order entries were written, also within one millisecond. */
function auditId(at: Date): string {
  sequence = (sequence + 1) % 1_000_000;
  return `audit_${at.toISOString()}_${String(sequence).padStart(6, '0')}_${randomBytes(3).toString('hex')}`;
}

/** JSON text of a snapshot: dates as ISO strings, nothing else transformed. */
export function snapshotJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export async function appendAudit(tx: Tx, entry: AuditInput): Promise<string> {
  const at = new Date();
  const id = auditId(at);
  await tx.auditEntry.create({
    data: {
      id,
      at,
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: snapshotJson(entry.before),
      after: snapshotJson(entry.after),
      note: entry.note ?? null,
    },
  });
  return id;
}
