/** Loads the facts the comparison needs for many elections in a fixed number of queries. */
import type { Db } from '../db/client.js';
import type { ElectionFact } from './compare.js';

export async function loadElectionFacts(db: Db, electionIds: string[]): Promise<Map<string, ElectionFact>> {
  const facts = new Map<string, ElectionFact>(electionIds.map((id) => [id, { id, observerIds: [], rounds: [] }]));
  if (!electionIds.length) return facts;
  // SQLite limits bound parameters per statement; chunk large id lists.
  for (let i = 0; i < electionIds.length; i += 5000) {
    const chunk = electionIds.slice(i, i + 5000);
    const [missions, rounds] = await Promise.all([
      db.mission.findMany({ where: { electionId: { in: chunk } }, select: { electionId: true, organizationId: true } }),
      db.electionRound.findMany({
        where: { electionId: { in: chunk } },
        orderBy: { ordinal: 'asc' },
        select: {
          id: true, electionId: true, round: true,
          statements: { select: { id: true, organizationId: true, kind: true, statementDate: true, verdict: true }, orderBy: { id: 'asc' } },
        },
      }),
    ]);
    for (const m of missions) facts.get(m.electionId)!.observerIds.push(m.organizationId);
    for (const r of rounds) facts.get(r.electionId)!.rounds.push({ id: r.id, round: r.round, statements: r.statements });
  }
  return facts;
}
