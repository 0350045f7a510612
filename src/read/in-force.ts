/**
 * What counts: the one home of the rule that a statement, a further text or a claim is in force
 * while its source's latest version still has it (not retired) and no curator has withdrawn it,
 * and that a mission is in force while a claim in force says it took place. Rows out of force are
 * kept and resolve by ID; no answer or figure counts them.
 */
import type { Prisma } from '../generated/prisma/client.js';

export const statementInForce = { retiredAt: null, withdrawnAt: null } satisfies Prisma.StatementWhereInput;
export const textInForce = { retiredAt: null, withdrawnAt: null } satisfies Prisma.StatementTextWhereInput;
export const claimInForce = { retiredAt: null, withdrawnAt: null } satisfies Prisma.ClaimWhereInput;
export const missionInForce = { unsupportedAt: null } satisfies Prisma.MissionWhereInput;

/** The same rules as SQL conditions on a table alias, for the raw reads. */
export const statementInForceSql = (alias: string) => `${alias}."retiredAt" IS NULL AND ${alias}."withdrawnAt" IS NULL`;
export const missionInForceSql = (alias: string) => `${alias}."unsupportedAt" IS NULL`;

export type StatementStatus = 'IN_FORCE' | 'RETIRED' | 'WITHDRAWN';

/** A statement's status: withdrawn (a curator's decision) outranks retired (its source's). */
export function statementStatus(s: { retiredAt: Date | null; withdrawnAt: Date | null }): StatementStatus {
  if (s.withdrawnAt) return 'WITHDRAWN';
  return s.retiredAt ? 'RETIRED' : 'IN_FORCE';
}
