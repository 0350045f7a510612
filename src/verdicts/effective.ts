/**
 * Which coding of a statement is in force: a person's beats the source dataset's, which
 * beats the rule coder's; within a kind, the latest wins. All codings stay stored.
 */
import type { Verdict, CoderKind } from '../generated/prisma/enums.js';
import type { Prisma } from '../generated/prisma/client.js';
import { verdictScore } from './scale.js';

const PRECEDENCE: Record<CoderKind, number> = { HUMAN: 3, SOURCE: 2, RULE: 1 };

export interface CodingLike {
  verdict: Verdict;
  coder: CoderKind;
  codedAt: Date;
}

export function effectiveCoding<T extends CodingLike>(codings: T[]): T | null {
  let best: T | null = null;
  for (const c of codings) {
    if (!best || PRECEDENCE[c.coder] > PRECEDENCE[best.coder] || (c.coder === best.coder && c.codedAt > best.codedAt)) best = c;
  }
  return best;
}

/** Recomputes the denormalised verdict of the given statements (all when ids is omitted). */
export async function refreshVerdicts(tx: Prisma.TransactionClient, ids?: string[]): Promise<number> {
  const statements = await tx.statement.findMany({
    where: ids ? { id: { in: ids } } : {},
    select: { id: true, verdict: true, codings: { select: { verdict: true, coder: true, codedAt: true } } },
  });
  let changed = 0;
  for (const s of statements) {
    const verdict = effectiveCoding(s.codings)?.verdict ?? null;
    if (verdict === s.verdict) continue;
    await tx.statement.update({ where: { id: s.id }, data: { verdict, verdictScore: verdict ? verdictScore(verdict) : null } });
    changed++;
  }
  return changed;
}
