/**
 * Which coding of a statement is in force: a person's beats the source dataset's, which
 * beats the rule coder's; within a kind, the latest wins. All codings stay stored. A coding
 * without a verdict is an abstention (the coder judged that the statement assesses no election,
 * codebook R15): in force, it leaves the statement with no verdict, whatever a coder below it said.
 *
 * This file is the one home of that rule: in memory (`effectiveCoding`), as what a statement
 * stores for its codings (`storedVerdict`), and as a database condition (`verdictInForceFrom`).
 */
import type { Verdict, CoderKind } from '../generated/prisma/enums.js';
import type { Prisma } from '../generated/prisma/client.js';
import { scoreOf } from './scale.js';

const PRECEDENCE: Record<CoderKind, number> = { HUMAN: 3, SOURCE: 2, RULE: 1 };

export interface CodingLike {
  verdict: Verdict | null;
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

/** The denormalised verdict columns of a statement. */
export type StoredVerdict = { verdict: Verdict | null; verdictScore: number | null };

/** What a statement with these codings stores as its verdict in force and that verdict's score. */
export function storedVerdict(codings: CodingLike[]): StoredVerdict {
  const verdict = effectiveCoding(codings)?.verdict ?? null;
  return { verdict, verdictScore: scoreOf(verdict) };
}

/** The kinds of coder whose codings beat this one's. */
export function codersAbove(coder: CoderKind): CoderKind[] {
  return (Object.keys(PRECEDENCE) as CoderKind[]).filter((other) => PRECEDENCE[other] > PRECEDENCE[coder]);
}

/**
 * Statements whose verdict in force comes from this kind of coder, as a database condition:
 * the coder coded the statement, no coder of higher precedence did, and the statement has a
 * verdict (an abstention in force leaves it with none).
 */
export function verdictInForceFrom(coder: CoderKind): Prisma.StatementWhereInput {
  const above = codersAbove(coder);
  return {
    AND: [
      { verdict: { not: null } },
      { codings: { some: { coder } } },
      ...(above.length ? [{ codings: { none: { coder: { in: above } } } }] : []),
    ],
  };
}

/**
 * Recomputes the stored verdict of the given statements (all when ids is omitted) from their
 * codings; returns how many changed.
 */
export async function refreshVerdicts(tx: Prisma.TransactionClient, ids?: string[]): Promise<number> {
  const statements = await tx.statement.findMany({
    where: ids ? { id: { in: ids } } : {},
    select: { id: true, verdict: true, codings: { select: { verdict: true, coder: true, codedAt: true } } },
  });
  let changed = 0;
  for (const s of statements) {
    const settled = storedVerdict(s.codings);
    if (settled.verdict === s.verdict) continue;
    await tx.statement.update({ where: { id: s.id }, data: settled });
    changed++;
  }
  return changed;
}
