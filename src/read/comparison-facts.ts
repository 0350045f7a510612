/**
 * Loads the facts the comparison needs for many elections in two SQL statements, whatever
 * their number: the ids go in as one JSON array parameter (no IN list to outgrow the database's
 * limit on bound parameters), and rows come back flat, without building nested Prisma results.
 */
import { providerOfClient } from '../db/client.js';
import { IDS } from '../db/id-set.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { RoundKind, StatementKind, Verdict } from '../generated/prisma/enums.js';
import type { ElectionFact, RoundFact } from '../comparison/compare.js';
import { missionInForceSql, statementInForceSql } from './in-force.js';

interface StatementRow {
  electionId: string;
  roundId: string;
  round: RoundKind;
  /** Null for a round no statement is about. */
  id: string | null;
  organizationId: string;
  kind: StatementKind;
  statementDate: string | null;
  verdict: Verdict | null;
}

/** The database or a transaction: reads run through raw SQL. */
export type RawClient = Pick<Prisma.TransactionClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

export async function loadElectionFacts(db: RawClient, electionIds: string[]): Promise<Map<string, ElectionFact>> {
  const facts = new Map<string, ElectionFact>(electionIds.map((id) => [id, { id, observerIds: [], rounds: [] }]));
  if (!electionIds.length) return facts;
  const ids = IDS[providerOfClient(db)];
  const parameter = JSON.stringify(electionIds);
  const [missions, statements] = await Promise.all([
    db.$queryRawUnsafe<{ electionId: string; organizationId: string }[]>(
      `SELECT m."electionId", m."organizationId" FROM "Mission" m WHERE m."electionId" IN ${ids} AND ${missionInForceSql('m')}`,
      parameter,
    ),
    // Rounds in their order, each round's statements by id: the order compareElection reads them in.
    db.$queryRawUnsafe<StatementRow[]>(
      `SELECT r."electionId", r.id AS "roundId", r.round, s.id, s."organizationId", s.kind, s."statementDate", s.verdict
       FROM "ElectionRound" r LEFT JOIN "Statement" s ON s."roundId" = r.id AND ${statementInForceSql('s')}
       WHERE r."electionId" IN ${ids}
       ORDER BY r."electionId", r.ordinal, r.id, s.id`,
      parameter,
    ),
  ]);
  for (const m of missions) facts.get(m.electionId)!.observerIds.push(m.organizationId);
  let round = null as RoundFact | null;
  for (const row of statements) {
    if (round?.id !== row.roundId) {
      round = { id: row.roundId, round: row.round, statements: [] };
      facts.get(row.electionId)!.rounds.push(round);
    }
    if (row.id !== null) {
      round.statements.push({
        id: row.id,
        organizationId: row.organizationId,
        kind: row.kind,
        statementDate: row.statementDate,
        verdict: row.verdict,
      });
    }
  }
  return facts;
}
