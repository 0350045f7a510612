/**
 * The comparison's projection tables (ElectionBody, RoundBody): written from the facts by
 * `rebuildProjections` after every ingest and curation change, read by the comparison. A page of
 * comparisons reads its elections' rows; the summary over any filter is two grouped statements
 * over RoundBody and ElectionBody, whatever the number of elections or statements.
 */
import { providerOfClient } from '../db/client.js';
import { tableWriter, type Row } from '../db/bulk-write.js';
import type { RoundKind, Verdict } from '../generated/prisma/enums.js';
import { projectElection, type ElectionProjection } from '../comparison/projection.js';
import { summarizeGroups, type ComparisonSummary, type ElectionCounts, type RoundGroup } from '../comparison/aggregate.js';
import { scoreOf } from '../verdicts/scale.js';
import { IDS } from '../db/id-set.js';
import { loadElectionFacts, type RawClient } from './comparison-facts.js';

/** Elections whose facts are loaded together while rebuilding: bounds the memory a rebuild holds. */
const BATCH = 2_000;

type Client = RawClient & Pick<import('../generated/prisma/client.js').Prisma.TransactionClient, 'election'>;

/**
 * Rewrites the projection rows of the given elections (all when omitted) from their facts, in the
 * caller's transaction. Returns how many elections were projected.
 */
export async function rebuildProjections(tx: Client, electionIds?: string[]): Promise<number> {
  const provider = providerOfClient(tx);
  const all = !electionIds;
  const ids = electionIds ?? (await tx.election.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((e) => e.id);
  if (all) {
    await tx.$executeRawUnsafe('DELETE FROM "RoundBody"');
    await tx.$executeRawUnsafe('DELETE FROM "ElectionBody"');
  }
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    if (!all) {
      const param = JSON.stringify(batch);
      await tx.$executeRawUnsafe(`DELETE FROM "RoundBody" WHERE "electionId" IN ${IDS[provider]}`, param);
      await tx.$executeRawUnsafe(`DELETE FROM "ElectionBody" WHERE "electionId" IN ${IDS[provider]}`, param);
    }
    const facts = await loadElectionFacts(tx, batch);
    const electionRows: Row[] = [];
    const roundRows: Row[] = [];
    for (const fact of facts.values()) {
      const p = projectElection(fact);
      for (const b of p.bodies) electionRows.push({ id: `${p.electionId}|${b.organizationId}`, electionId: p.electionId, ...b });
      for (const r of p.rounds) {
        for (const b of r.bodies) {
          roundRows.push({
            id: `${r.id}|${b.organizationId}`,
            electionId: p.electionId,
            roundId: r.id,
            round: r.round,
            ordinal: r.ordinal,
            organizationId: b.organizationId,
            statementIds: JSON.stringify(b.statementIds),
            headlineId: b.headlineId,
            verdict: b.verdict,
            score: scoreOf(b.verdict),
          });
        }
      }
    }
    const writer = tableWriter(tx);
    await writer.insert('electionBody', electionRows);
    await writer.insert('roundBody', roundRows);
  }
  return ids.length;
}

interface RoundRow {
  electionId: string;
  id: string;
  round: RoundKind;
  ordinal: number;
}

interface RoundBodyRow {
  roundId: string;
  organizationId: string;
  statementIds: string;
  headlineId: string | null;
  verdict: Verdict | null;
}

interface ElectionBodyRow {
  electionId: string;
  organizationId: string;
  observer: boolean | number;
  observedByStatement: boolean | number;
}

/** The projections of these elections, as `projectElection` would make them from the facts. */
export async function loadProjections(db: RawClient, electionIds: string[]): Promise<Map<string, ElectionProjection>> {
  const out = new Map<string, ElectionProjection>(electionIds.map((id) => [id, { electionId: id, bodies: [], rounds: [] }]));
  if (!electionIds.length) return out;
  const ids = IDS[providerOfClient(db)];
  const param = JSON.stringify(electionIds);
  const [rounds, bodies, electionBodies] = await Promise.all([
    db.$queryRawUnsafe<RoundRow[]>(
      `SELECT r."electionId", r.id, r.round, r.ordinal FROM "ElectionRound" r WHERE r."electionId" IN ${ids} ORDER BY r."electionId", r.ordinal, r.id`,
      param,
    ),
    db.$queryRawUnsafe<RoundBodyRow[]>(
      `SELECT b."roundId", b."organizationId", b."statementIds", b."headlineId", b.verdict FROM "RoundBody" b
       WHERE b."electionId" IN ${ids} ORDER BY b."roundId", b."organizationId"`,
      param,
    ),
    db.$queryRawUnsafe<ElectionBodyRow[]>(
      `SELECT b."electionId", b."organizationId", b.observer, b."observedByStatement" FROM "ElectionBody" b
       WHERE b."electionId" IN ${ids} ORDER BY b."electionId", b."organizationId"`,
      param,
    ),
  ]);
  const byRound = new Map<string, ElectionProjection['rounds'][number]>();
  for (const r of rounds) {
    const round = { id: r.id, round: r.round, ordinal: Number(r.ordinal), bodies: [] };
    byRound.set(r.id, round);
    out.get(r.electionId)!.rounds.push(round);
  }
  for (const b of bodies) {
    byRound.get(b.roundId)?.bodies.push({
      organizationId: b.organizationId,
      statementIds: JSON.parse(b.statementIds) as string[],
      headlineId: b.headlineId,
      verdict: b.verdict,
    });
  }
  for (const b of electionBodies) {
    out.get(b.electionId)!.bodies.push({
      organizationId: b.organizationId,
      observer: Boolean(b.observer),
      observedByStatement: Boolean(b.observedByStatement),
    });
  }
  return out;
}

/**
 * SQL of the summary's two statements, per database. The parameters (the election ids as JSON,
 * the subject's id) are bound once, in the first CTE, and read from there.
 */
function summarySql(provider: 'sqlite' | 'postgresql') {
  const params =
    provider === 'sqlite'
      ? 'params AS (SELECT ? AS ids, ? AS subject), e AS MATERIALIZED (SELECT value AS id FROM json_each((SELECT ids FROM params)))'
      : 'params AS (SELECT $1::jsonb AS ids, $2::text AS subject), e AS MATERIALIZED (SELECT jsonb_array_elements_text((SELECT ids FROM params)) AS id)';
  const subject = '(SELECT subject FROM params)';
  // The elections are a materialised set joined once; the subject's row on each round is found by round.
  const ctes = `WITH ${params},
    observed AS MATERIALIZED (SELECT b."electionId" FROM e JOIN "ElectionBody" b ON b."electionId" = e.id
      WHERE b."organizationId" = ${subject} AND (b.observer OR b."observedByStatement")),
    mine AS MATERIALIZED (SELECT b."roundId", b."electionId", b.score FROM e JOIN "RoundBody" b ON b."electionId" = e.id
      WHERE b."organizationId" = ${subject})`;
  return {
    groups: `${ctes}
      SELECT o."organizationId", m.score AS "subjectScore", o.score AS "otherScore",
        CASE WHEN o.verdict = 'NOT_OBSERVED' THEN 1 ELSE 0 END AS "otherDidNotObserve",
        CASE WHEN o."electionId" IN (SELECT "electionId" FROM observed) THEN 1 ELSE 0 END AS "subjectObserved",
        COUNT(*) AS rounds
      FROM e JOIN "RoundBody" o ON o."electionId" = e.id
        LEFT JOIN "RoundBody" m ON m."roundId" = o."roundId" AND m."organizationId" = ${subject}
      WHERE o."organizationId" <> ${subject}
      GROUP BY o."organizationId", m.score, o.score, 4, 5`,
    counts: `${ctes}
      SELECT
        (SELECT COUNT(*) FROM observed) AS "subjectObservedElections",
        (SELECT COUNT(DISTINCT m."electionId") FROM mine m
          WHERE m.score IS NOT NULL AND m."electionId" IN (SELECT "electionId" FROM observed)) AS "subjectAssessedElections",
        (SELECT COUNT(*) FROM mine m WHERE m.score IS NOT NULL) AS "subjectAssessedRounds",
        (SELECT COUNT(*) FROM mine m WHERE m.score IS NOT NULL AND m."electionId" IN (SELECT "electionId" FROM observed)
          AND EXISTS (SELECT 1 FROM "RoundBody" o WHERE o."roundId" = m."roundId" AND o."organizationId" <> ${subject}
            AND o.score IS NOT NULL)) AS "roundsWithAnyPair"`,
  };
}

/** The comparison's summary for `subjectId` over these elections, from the projection tables. */
export async function summaryFromProjections(db: RawClient, subjectId: string, electionIds: string[]): Promise<ComparisonSummary> {
  const sql = summarySql(providerOfClient(db));
  const param = JSON.stringify(electionIds);
  const [groups, [counts]] = await Promise.all([
    db.$queryRawUnsafe<Record<string, unknown>[]>(sql.groups, param, subjectId),
    db.$queryRawUnsafe<Record<string, unknown>[]>(sql.counts, param, subjectId),
  ]);
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const electionCounts: ElectionCounts = {
    elections: electionIds.length,
    subjectObservedElections: Number(counts.subjectObservedElections),
    subjectAssessedElections: Number(counts.subjectAssessedElections),
    subjectAssessedRounds: Number(counts.subjectAssessedRounds),
    roundsWithAnyPair: Number(counts.roundsWithAnyPair),
  };
  const roundGroups: RoundGroup[] = groups.map((g) => ({
    organizationId: String(g.organizationId),
    subjectScore: n(g.subjectScore),
    otherScore: n(g.otherScore),
    otherDidNotObserve: Number(g.otherDidNotObserve) === 1,
    subjectObserved: Number(g.subjectObserved) === 1,
    rounds: Number(g.rounds),
  }));
  return summarizeGroups(electionCounts, roundGroups);
}
