/**
 * Runs the rule coder over stored statements. Every statement gets (or refreshes) its RULE
 * coding, so a reader can compare machine and human coding; the verdict in force is chosen
 * by precedence (src/verdicts/effective.ts), so a human or source verdict is never overwritten.
 */
import type { Prisma } from '../generated/prisma/client.js';
import { rebuildProjections } from '../read/projections.js';
import { codeVerdict, CODER_VERSION, ruleCodingColumns } from '../verdicts/coder.js';
import { stableId } from '../reconcile/ids.js';
import { refreshVerdicts } from '../verdicts/effective.js';

/** Codes the given statements (all when ids is omitted); returns how many have only the rule's verdict. */
export async function codeUncoded(tx: Prisma.TransactionClient, ids?: string[]): Promise<number> {
  const statements = await tx.statement.findMany({
    where: ids ? { id: { in: ids } } : {},
    select: { id: true, quote: true, quoteLanguage: true, kind: true, codings: { select: { coder: true } } },
  });
  let ruleOnly = 0;
  const codedAt = new Date();
  for (const s of statements) {
    const coded = codeVerdict({ quote: s.quote, language: s.quoteLanguage, statementKind: s.kind.toLowerCase() });
    const id = stableId('coding', s.id, 'RULE');
    if (!coded.verdict) {
      await tx.verdictCoding.deleteMany({ where: { id } });
      continue;
    }
    const data = ruleCodingColumns(coded.verdict, coded, codedAt);
    await tx.verdictCoding.upsert({ where: { id }, create: { id, statementId: s.id, coder: 'RULE', ...data }, update: data });
    if (!s.codings.some((c) => c.coder !== 'RULE')) ruleOnly++;
  }
  return ruleOnly;
}

export interface RecodeReport {
  coderVersion: string;
  statements: number;
  ruleVerdictsChanged: number;
  verdictsInForceChanged: number;
}

/** Re-codes every statement in one transaction; human and source codings stay as they are. */
export async function recodeAll(db: {
  $transaction: <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>, options?: { timeout?: number }) => Promise<T>;
}): Promise<RecodeReport> {
  return db.$transaction(
    async (tx) => {
      const before = new Map(
        (await tx.verdictCoding.findMany({ where: { coder: 'RULE' }, select: { statementId: true, verdict: true } })).map((c) => [
          c.statementId,
          c.verdict,
        ]),
      );
      const statements = await tx.statement.count();
      await codeUncoded(tx);
      const after = await tx.verdictCoding.findMany({ where: { coder: 'RULE' }, select: { statementId: true, verdict: true } });
      const stillCoded = new Set(after.map((c) => c.statementId));
      const ruleVerdictsChanged =
        after.filter((c) => before.get(c.statementId) !== c.verdict).length + [...before.keys()].filter((id) => !stillCoded.has(id)).length;
      const verdictsInForceChanged = await refreshVerdicts(tx);
      if (verdictsInForceChanged) await rebuildProjections(tx);
      return { coderVersion: CODER_VERSION, statements, ruleVerdictsChanged, verdictsInForceChanged };
    },
    { timeout: 30 * 60_000 },
  );
}
