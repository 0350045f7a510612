/**
 * Who observed an election, as database conditions on elections: the one home of the rule that
 * an organization observed an election when it sent a mission to it or made a statement about it.
 */
import type { Prisma } from '../generated/prisma/client.js';
import { missionInForce, statementInForce } from './in-force.js';

/** Elections with a statement by this organization. */
export function assessedBy(organizationId: string): Prisma.ElectionWhereInput {
  return { rounds: { some: { statements: { some: { organizationId, ...statementInForce } } } } };
}

/** Elections this organization observed: it had a mission there or made a statement about it. */
export function observedBy(organizationId: string): Prisma.ElectionWhereInput {
  return { OR: [{ missions: { some: { organizationId, ...missionInForce } } }, assessedBy(organizationId)] };
}
