/**
 * The comparison's floor over the read model: the same response document as floor-sql.ts's
 * comparison, in ONE statement, but read from the projection tables (RoundBody, ElectionBody)
 * as our server reads them, rather than recomputed from the statements. What the projection
 * makes possible for a hand-written statement is the floor our server is held to.
 */
import type { Engine } from './options.js';
import {
  comparisonDocument,
  comparisonPageLists,
  comparisonShapes,
  comparisonSummary,
  dialectFor,
  electionFilterSql,
  pageMissing,
  pairAggregates,
} from './floor-sql.js';

export function comparisonProjectionFloorSql(engine: Engine): string {
  const d = dialectFor(engine);
  const m = d.materialized;
  const { statementFields, other, round, missingItem, node } = comparisonShapes(d, 'p.observed');
  const summary = comparisonSummary(d, 'matched', 'observed');

  return `
WITH
subject AS ${m} (SELECT id, name FROM "Organization" WHERE key = 'cis-emo'),
matched AS ${m} (
  SELECT e.id, e.key, e.year, e.type, e.date, e."areaId", (b.observer OR b."observedByStatement") AS observed,
    EXISTS (SELECT 1 FROM "RoundBody" x WHERE x."electionId" = e.id AND x."organizationId" = b."organizationId" AND x.score IS NOT NULL) AS assessed
  FROM "Election" e JOIN "ElectionBody" b ON b."electionId" = e.id AND b."organizationId" = (SELECT id FROM subject)
  WHERE ${electionFilterSql(d, 'e')}
),
comparisons AS ${m} (
  SELECT j.*, CASE WHEN j.status = 'BOTH_ASSESSED' THEN j."subjectScore" - j.score END AS gap FROM (
    SELECT o."electionId", o."roundId", o.ordinal, o.round, o."organizationId", o.verdict, o.score, s.score AS "subjectScore",
      CASE WHEN o.verdict = 'NOT_OBSERVED' THEN 'OTHER_DID_NOT_OBSERVE'
           WHEN s.verdict = 'NOT_OBSERVED' OR NOT e.observed THEN 'SUBJECT_DID_NOT_OBSERVE'
           WHEN s.score IS NULL THEN 'SUBJECT_NOT_ASSESSED'
           WHEN o.score IS NULL THEN 'OTHER_NOT_ASSESSED'
           ELSE 'BOTH_ASSESSED' END AS status,
      e.observed AS "subjectObserved"
    FROM matched e JOIN "RoundBody" o ON o."electionId" = e.id AND o."organizationId" <> (SELECT id FROM subject)
    LEFT JOIN "RoundBody" s ON s."roundId" = o."roundId" AND s."organizationId" = (SELECT id FROM subject)
  ) j
),
subject_rounds AS ${m} (
  SELECT b."roundId", b."electionId", b.score, e.observed FROM matched e
  JOIN "RoundBody" b ON b."electionId" = e.id AND b."organizationId" = (SELECT id FROM subject)
),
paired_rounds AS ${m} (SELECT DISTINCT "roundId" FROM comparisons WHERE score IS NOT NULL AND "subjectObserved"),
assessed_rounds AS ${m} (
  SELECT count(*) AS n, count(CASE WHEN sr.observed THEN pr."roundId" END) AS with_pair
  FROM subject_rounds sr LEFT JOIN paired_rounds pr ON pr."roundId" = sr."roundId" WHERE sr.score IS NOT NULL
),
body_figures AS ${m} (SELECT c."organizationId", ${pairAggregates(d)} FROM comparisons c GROUP BY c."organizationId"),
pooled_figures AS ${m} (SELECT ${pairAggregates(d)} FROM comparisons c),
page AS ${m} (SELECT * FROM matched ORDER BY year DESC, id LIMIT ${d.param('first')}),
page_rounds AS ${m} (
  SELECT r.id AS "roundId", r."electionId", r.round, r.ordinal, s.verdict AS "subjectVerdict", s.score AS "subjectScore", p.observed
  FROM page p JOIN "ElectionRound" r ON r."electionId" = p.id
  LEFT JOIN "RoundBody" s ON s."roundId" = r.id AND s."organizationId" = (SELECT id FROM subject)
),
${comparisonPageLists(d, { statementFields, other, round })}
missing AS ${m} (
  SELECT c."electionId", c.ordinal AS o1, 0 AS o2, c."organizationId" AS o3, 'OTHER_DID_NOT_OBSERVE' AS kind, c.round, c."organizationId"
    FROM page_comparisons c WHERE c.status = 'OTHER_DID_NOT_OBSERVE'
  UNION ALL
  SELECT c."electionId", c.ordinal, 0, c."organizationId", 'OTHER_OBSERVED_WITHOUT_ASSESSMENT', c.round, c."organizationId"
    FROM page_comparisons c JOIN "ElectionBody" b ON b."electionId" = c."electionId" AND b."organizationId" = c."organizationId"
    WHERE c.status = 'OTHER_NOT_ASSESSED' AND b.observer
  UNION ALL
  SELECT r."electionId", r.ordinal, 1, '', 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT', r.round, (SELECT id FROM subject)
    FROM page_rounds r WHERE r.observed AND r."subjectScore" IS NULL AND (r."subjectVerdict" IS NULL OR r."subjectVerdict" <> 'NOT_OBSERVED')
  UNION ALL
  SELECT p.id, 1000, 0, '', 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT', NULL, (SELECT id FROM subject)
    FROM page p WHERE p.observed AND NOT EXISTS (SELECT 1 FROM page_rounds r WHERE r."electionId" = p.id)
  UNION ALL
  SELECT p.id, 1001, 0, '', 'NO_OTHER_ASSESSMENT', NULL, (SELECT id FROM subject)
    FROM page p WHERE p.observed AND NOT EXISTS (SELECT 1 FROM page_comparisons c WHERE c."electionId" = p.id AND c.score IS NOT NULL)
),
${pageMissing(d, missingItem)}
SELECT ${comparisonDocument(
    d,
    summary,
    node,
    '(SELECT count(*) FROM matched)',
    `page p JOIN "Area" a ON a.id = p."areaId"
        LEFT JOIN page_round_lists pr ON pr."electionId" = p.id
        LEFT JOIN page_missing pm ON pm."electionId" = p.id`,
  )} AS document`;
}
