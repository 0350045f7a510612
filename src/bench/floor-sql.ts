/**
 * The floor: each benchmark query answered by ONE hand-written SQL statement that builds the
 * whole response document in the database (SQLite's json_object/json_group_array,
 * PostgreSQL's json_build_object/json_agg). Only the JSON functions differ between the two;
 * the relational part is the same text.
 *
 * The comparison statement reimplements src/comparison (headline statement per body and
 * round, statuses, gaps, what is missing, and the aggregates with quadratic-weighted kappa in
 * closed form) so that its answer equals the GraphQL one — the benchmark checks that it does.
 */
import type { Engine } from './options.js';

interface Dialect {
  /** A JSON object from key/value SQL expressions. */
  object(fields: Record<string, string>): string;
  /** A JSON array aggregate (never null: empty groups give []). */
  array(element: string, orderBy: string): string;
  /** A JSON true/false/null from a SQL condition. */
  boolean(condition: string): string;
  /** Floating-point cast, so that division and averages are not integer ones. */
  real(expression: string): string;
  /** A JSON array kept in a CTE column, embedded as JSON (null, for an empty group, as []). */
  embedArray(column: string): string;
  /** A request parameter (see FLOOR_PARAMETERS) by name. */
  param(name: FloorParameter): string;
  /** The types parameter (a JSON array, or null for every type) as a one-column set of text. */
  typeSet: string;
  /** An election type column compared as text. */
  typeText(column: string): string;
  /** Keyword asking for a CTE to be computed once (both databases otherwise may inline it). */
  materialized: string;
}

const quoteKey = (key: string) => `'${key}'`;

/** A floor statement's parameters, in the order PostgreSQL numbers them. */
export const FLOOR_PARAMETERS = ['first', 'yearFrom', 'yearTo', 'types'] as const;
export type FloorParameter = (typeof FLOOR_PARAMETERS)[number];

/** The election filter of the benchmark's requests (years, types) as a condition on an Election alias. */
export function electionFilterSql(d: Dialect, alias: string): string {
  return `${alias}.year BETWEEN ${d.param('yearFrom')} AND ${d.param('yearTo')}
    AND (${d.param('types')} IS NULL OR ${d.typeText(`${alias}.type`)} IN ${d.typeSet})`;
}

const sqlite: Dialect = {
  object: (fields) =>
    `json_object(${Object.entries(fields)
      .map(([k, v]) => `${quoteKey(k)}, ${v}`)
      .join(', ')})`,
  array: (element, orderBy) => `json_group_array(${element} ORDER BY ${orderBy})`,
  // SQLite has no boolean type: spell the JSON literal out.
  boolean: (condition) => `json(CASE WHEN (${condition}) IS NULL THEN 'null' WHEN (${condition}) THEN 'true' ELSE 'false' END)`,
  real: (expression) => `CAST(${expression} AS REAL)`,
  // A CTE column loses SQLite's JSON subtype: json() marks the text as JSON again.
  embedArray: (column) => `json(coalesce(${column}, '[]'))`,
  param: (name) => `@${name}`,
  typeSet: '(SELECT value FROM json_each(@types))',
  typeText: (column) => column,
  materialized: 'MATERIALIZED',
};

const postgresql: Dialect = {
  object: (fields) =>
    `json_build_object(${Object.entries(fields)
      .map(([k, v]) => `${quoteKey(k)}, ${v}`)
      .join(', ')})`,
  array: (element, orderBy) => `coalesce(json_agg(${element} ORDER BY ${orderBy}), '[]'::json)`,
  boolean: (condition) => `(${condition})`,
  real: (expression) => `CAST(${expression} AS double precision)`,
  embedArray: (column) => `coalesce(${column}, '[]'::json)`,
  param: (name) => `$${FLOOR_PARAMETERS.indexOf(name) + 1}${name === 'first' ? '' : name === 'types' ? '::jsonb' : '::int'}`,
  typeSet: '(SELECT jsonb_array_elements_text($4::jsonb))',
  typeText: (column) => `${column}::text`,
  materialized: 'MATERIALIZED',
};

export function dialectFor(engine: Engine): Dialect {
  return engine === 'sqlite' ? sqlite : postgresql;
}

/** elections(first:) → area, rounds → statements → organization; newest first, as the API orders. */
export function deepFloorSql(engine: Engine): string {
  const d = dialectFor(engine);
  const statement = d.object({
    kind: 's.kind',
    statementDate: 's."statementDate"',
    verdict: 's.verdict',
    quote: 's.quote',
    organization: d.object({ name: 'o.name' }),
  });
  const round = d.object({
    round: 'r.round',
    date: 'r.date',
    statements: `(SELECT ${d.array(statement, 's."statementDate", s.id')} FROM "Statement" s JOIN "Organization" o ON o.id = s."organizationId" WHERE s."roundId" = r.id)`,
  });
  const node = d.object({
    key: 'p.key',
    year: 'p.year',
    type: 'p.type',
    date: 'p.date',
    area: d.object({ name: 'a.name' }),
    rounds: `(SELECT ${d.array(round, 'r.ordinal')} FROM "ElectionRound" r WHERE r."electionId" = p.id)`,
  });
  return `
WITH page AS (SELECT id, key, year, type, date, "areaId" FROM "Election" e WHERE ${electionFilterSql(d, 'e')}
  ORDER BY year DESC, id LIMIT ${d.param('first')})
SELECT ${d.object({ data: d.object({ elections: d.object({ edges: `(SELECT ${d.array(d.object({ node }), 'p.year DESC, p.id')} FROM page p JOIN "Area" a ON a.id = p."areaId")` }) }) })} AS document`;
}

/** The agreement figures of one group of pairs (`f`, made by pairAggregates) as JSON fields. */
export function agreementFigures(d: Dialect, f: string, assessedRounds: string): Record<string, string> {
  return {
    pairedRounds: `${f}.n`,
    subjectAssessedRounds: assessedRounds,
    coverage: `CASE WHEN ${assessedRounds} > 0 THEN ${d.real(`${f}.n`)} / ${assessedRounds} END`,
    agreements: `${f}.agreements`,
    agreementRate: `CASE WHEN ${f}.n > 0 THEN ${d.real(`${f}.agreements`)} / ${f}.n END`,
    withinOneRate: `CASE WHEN ${f}.n > 0 THEN ${d.real(`${f}.within_one`)} / ${f}.n END`,
    meanGap: `${f}.mean_gap`,
    meanAbsoluteGap: `${f}.mean_abs_gap`,
    // Quadratic-weighted kappa: 1 − E[(s−o)²] / E_independent[(s−o)²]. The weights' 1/(k−1)²
    // cancels except in the "no expected disagreement" threshold the JS version applies.
    weightedKappa: `CASE WHEN ${f}.n >= 2 AND (${f}.mean_s2 + ${f}.mean_o2 - 2 * ${f}.mean_s * ${f}.mean_o) / 16.0 > 1e-12
      THEN 1 - ${f}.mean_sq_gap / (${f}.mean_s2 + ${f}.mean_o2 - 2 * ${f}.mean_s * ${f}.mean_o) END`,
    didNotObserve: `${f}.did_not_observe`,
  };
}

/**
 * Aggregates over comparison rows `c` (gap, subjectScore, score, status) that agreementFigures
 * reads. The gap is set exactly for the pairs (BOTH_ASSESSED), so averages over it are over the pairs.
 */
export function pairAggregates(d: Dialect): string {
  return `
    count(c.gap) AS n,
    count(CASE WHEN c.gap = 0 THEN 1 END) AS agreements,
    count(CASE WHEN abs(c.gap) <= 1 THEN 1 END) AS within_one,
    avg(${d.real('c.gap')}) AS mean_gap,
    avg(${d.real('abs(c.gap)')}) AS mean_abs_gap,
    avg(${d.real('c.gap * c.gap')}) AS mean_sq_gap,
    avg(CASE WHEN c.gap IS NOT NULL THEN ${d.real('c."subjectScore"')} END) AS mean_s,
    avg(CASE WHEN c.gap IS NOT NULL THEN ${d.real('c.score')} END) AS mean_o,
    avg(CASE WHEN c.gap IS NOT NULL THEN ${d.real('c."subjectScore" * c."subjectScore"')} END) AS mean_s2,
    avg(CASE WHEN c.gap IS NOT NULL THEN ${d.real('c.score * c.score')} END) AS mean_o2,
    count(CASE WHEN c.status = 'OTHER_DID_NOT_OBSERVE' THEN 1 END) AS did_not_observe`;
}

/**
 * The JSON shapes of the comparison's answer, as both comparison floors build it from their
 * steps: a statement (s), another body beside the subject (c, o, ps), a round (r, ss, po), a
 * missing item (mi, o), an election's node (p, a, pr, pm; `subjectObserved` is the floor's own).
 */
export function comparisonShapes(d: Dialect, subjectObserved: string) {
  return {
    statementFields: d.object({ kind: 's.kind', statementDate: 's."statementDate"', verdict: 's.verdict' }),
    other: d.object({
      organization: d.object({ name: 'o.name' }),
      verdict: 'c.verdict',
      score: 'c.score',
      gap: 'c.gap',
      agrees: d.boolean('c.gap = 0'),
      status: 'c.status',
      statements: d.embedArray('ps.statements'),
    }),
    round: d.object({
      round: 'r.round',
      subjectVerdict: 'r."subjectVerdict"',
      subjectScore: 'r."subjectScore"',
      subjectStatements: d.embedArray('ss.statements'),
      others: d.embedArray('po.others'),
    }),
    missingItem: d.object({ kind: 'mi.kind', round: 'mi.round', organization: d.object({ name: 'o.name' }) }),
    node: d.object({
      election: d.object({ key: 'p.key', year: 'p.year', type: 'p.type', date: 'p.date', area: d.object({ name: 'a.name' }) }),
      subjectObserved: d.boolean(subjectObserved),
      rounds: d.embedArray('pr.rounds'),
      missing: d.embedArray('pm.missing'),
    }),
  };
}

/**
 * The summary object over the matching elections: `elections` is the floor's step with one row
 * per election, `observed` its column saying the subject observed it (and `assessed`, that an
 * assessment of it is on record); the figures come from body_figures, pooled_figures and assessed_rounds.
 */
export function comparisonSummary(d: Dialect, elections: string, observed: string): string {
  return d.object({
    elections: `(SELECT count(*) FROM ${elections})`,
    subjectObservedElections: `(SELECT count(*) FROM ${elections} WHERE ${observed})`,
    subjectAssessedElections: `(SELECT count(*) FROM ${elections} WHERE ${observed} AND assessed)`,
    subjectCoverage: `(SELECT CASE WHEN count(CASE WHEN ${observed} THEN 1 END) > 0
      THEN ${d.real(`count(CASE WHEN ${observed} AND assessed THEN 1 END)`)} / count(CASE WHEN ${observed} THEN 1 END) END FROM ${elections})`,
    pooled: `(SELECT ${d.object({ ...agreementFigures(d, 'f', 'ar.n'), coverage: `CASE WHEN ar.n > 0 THEN ${d.real('ar.with_pair')} / ar.n END` })}
      FROM pooled_figures f, assessed_rounds ar)`,
    byBody: `(SELECT ${d.array(d.object({ organization: d.object({ name: 'o.name' }), ...agreementFigures(d, 'f', 'ar.n') }), 'f.n DESC, f."organizationId"')}
      FROM body_figures f JOIN "Organization" o ON o.id = f."organizationId", assessed_rounds ar)`,
  });
}

/** The whole answer: { data: { comparison } }, its page's edges read `from` (the page p with its lists). */
export function comparisonDocument(d: Dialect, summary: string, node: string, totalCount: string, from: string): string {
  return d.object({
    data: d.object({
      comparison: d.object({
        subject: d.object({ name: '(SELECT name FROM subject)' }),
        summary,
        elections: d.object({ totalCount, edges: `(SELECT ${d.array(d.object({ node }), 'p.year DESC, p.id')} FROM ${from})` }),
      }),
    }),
  });
}

/**
 * The page's lists as CTEs, from the floor's steps page_rounds (one row per round of the page,
 * with the subject's verdict and score) and comparisons (one row per other body and round): the
 * statements in force per round and body, the other bodies per round, the rounds per election.
 */
export function comparisonPageLists(
  d: Dialect,
  shapes: Pick<ReturnType<typeof comparisonShapes>, 'statementFields' | 'other' | 'round'>,
): string {
  const m = d.materialized;
  return `page_comparisons AS ${m} (SELECT c.* FROM comparisons c JOIN page p ON p.id = c."electionId"),
page_statements AS ${m} (
  SELECT s."roundId", s."organizationId", ${d.array(shapes.statementFields, 's.id')} AS statements
  FROM "Statement" s WHERE s."roundId" IN (SELECT "roundId" FROM page_rounds) AND s."retiredAt" IS NULL AND s."withdrawnAt" IS NULL
  GROUP BY s."roundId", s."organizationId"
),
page_others AS ${m} (
  SELECT c."roundId", ${d.array(shapes.other, 'c."organizationId"')} AS others
  FROM page_comparisons c JOIN "Organization" o ON o.id = c."organizationId"
  LEFT JOIN page_statements ps ON ps."roundId" = c."roundId" AND ps."organizationId" = c."organizationId"
  GROUP BY c."roundId"
),
page_round_lists AS ${m} (
  SELECT r."electionId", ${d.array(shapes.round, 'r.ordinal, r."roundId"')} AS rounds
  FROM page_rounds r
  LEFT JOIN page_statements ss ON ss."roundId" = r."roundId" AND ss."organizationId" = (SELECT id FROM subject)
  LEFT JOIN page_others po ON po."roundId" = r."roundId"
  GROUP BY r."electionId"
),`;
}

/** The missing items of each page election, from the floor's step `missing` (ordered by o1, o2, o3). */
export function pageMissing(d: Dialect, missingItem: string): string {
  return `page_missing AS ${d.materialized} (
  SELECT mi."electionId", ${d.array(missingItem, 'mi.o1, mi.o2, mi.o3')} AS missing
  FROM missing mi JOIN "Organization" o ON o.id = mi."organizationId"
  GROUP BY mi."electionId"
)`;
}

const SCORE = `CASE s.verdict WHEN 'ENDORSED' THEN 5 WHEN 'LARGELY_POSITIVE' THEN 4 WHEN 'MIXED' THEN 3 WHEN 'CRITICAL' THEN 2 WHEN 'CONDEMNED' THEN 1 END`;
/** Final > preliminary > press > interview > declined: the most considered statement speaks for a body. */
const KIND_WEIGHT = `CASE s.kind WHEN 'FINAL' THEN 5 WHEN 'PRELIMINARY' THEN 4 WHEN 'PRESS' THEN 3 WHEN 'INTERVIEW' THEN 2 ELSE 1 END`;

/**
 * The comparison of the subject (CIS-EMO, by key) with every other body over the elections it
 * observed or assessed: the summary over all of them and the first page, newest first.
 * Written as joins and GROUP BYs over materialised steps: correlated subqueries over a CTE
 * would rescan it once per row in both databases.
 */
export function comparisonFloorSql(engine: Engine): string {
  const d = dialectFor(engine);
  const { statementFields, other, round, missingItem, node } = comparisonShapes(d, 'ob.yes');
  const summary = comparisonSummary(d, 'observed', 'yes');
  const m = d.materialized;

  return `
WITH
subject AS ${m} (SELECT id, name FROM "Organization" WHERE key = 'cis-emo'),
matched AS ${m} (
  SELECT e.id, e.key, e.year, e.type, e.date, e."areaId" FROM "Election" e
  WHERE (e.id IN (SELECT m."electionId" FROM "Mission" m WHERE m."organizationId" = (SELECT id FROM subject))
     OR e.id IN (SELECT r."electionId" FROM "Statement" s JOIN "ElectionRound" r ON r.id = s."roundId" WHERE s."organizationId" = (SELECT id FROM subject)))
    AND ${electionFilterSql(d, 'e')}
),
rounds AS ${m} (SELECT r.id, r."electionId", r.round, r.ordinal FROM "ElectionRound" r JOIN matched e ON e.id = r."electionId"),
observers AS ${m} (SELECT m."electionId", m."organizationId" FROM "Mission" m JOIN matched e ON e.id = m."electionId"),
ranked AS ${m} (
  SELECT s."roundId", r."electionId", s."organizationId", s.kind, s.verdict, ${SCORE} AS score,
    ROW_NUMBER() OVER (PARTITION BY s."roundId", s."organizationId"
      ORDER BY CASE WHEN s.verdict IS NULL THEN 0 ELSE 1 END DESC, ${KIND_WEIGHT} DESC, coalesce(s."statementDate", '') DESC, s.id) AS rank
  FROM "Statement" s JOIN rounds r ON r.id = s."roundId"
),
heads AS ${m} (SELECT "roundId", "organizationId", verdict, score FROM ranked WHERE rank = 1),
subject_rounds AS ${m} (
  SELECT r.id AS "roundId", r."electionId", r.round, r.ordinal, h.verdict AS "subjectVerdict", h.score AS "subjectScore"
  FROM rounds r LEFT JOIN heads h ON h."roundId" = r.id AND h."organizationId" = (SELECT id FROM subject)
),
subject_spoke AS ${m} (
  SELECT DISTINCT "electionId" FROM ranked
  WHERE "organizationId" = (SELECT id FROM subject) AND (verdict IS NULL OR verdict <> 'NOT_OBSERVED') AND kind <> 'DECLINED'
),
subject_missions AS ${m} (SELECT DISTINCT "electionId" FROM observers WHERE "organizationId" = (SELECT id FROM subject)),
subject_assessed AS ${m} (SELECT DISTINCT "electionId" FROM subject_rounds WHERE "subjectScore" IS NOT NULL),
observed AS ${m} (
  SELECT e.id AS "electionId", (sm."electionId" IS NOT NULL OR sp."electionId" IS NOT NULL) AS yes, (sa."electionId" IS NOT NULL) AS assessed
  FROM matched e
  LEFT JOIN subject_missions sm ON sm."electionId" = e.id
  LEFT JOIN subject_spoke sp ON sp."electionId" = e.id
  LEFT JOIN subject_assessed sa ON sa."electionId" = e.id
),
other_bodies AS ${m} (
  SELECT "roundId", "organizationId" FROM heads WHERE "organizationId" <> (SELECT id FROM subject)
  UNION
  SELECT r.id, o."organizationId" FROM rounds r JOIN observers o ON o."electionId" = r."electionId" WHERE o."organizationId" <> (SELECT id FROM subject)
),
comparisons AS ${m} (
  SELECT j.*, CASE WHEN j.status = 'BOTH_ASSESSED' THEN j."subjectScore" - j.score END AS gap FROM (
    SELECT sr."electionId", sr."roundId", sr.ordinal, sr.round, x."organizationId", h.verdict, h.score, sr."subjectScore",
      CASE WHEN h.verdict = 'NOT_OBSERVED' THEN 'OTHER_DID_NOT_OBSERVE'
           WHEN sr."subjectVerdict" = 'NOT_OBSERVED' OR NOT ob.yes THEN 'SUBJECT_DID_NOT_OBSERVE'
           WHEN sr."subjectScore" IS NULL THEN 'SUBJECT_NOT_ASSESSED'
           WHEN h.score IS NULL THEN 'OTHER_NOT_ASSESSED'
           ELSE 'BOTH_ASSESSED' END AS status,
      (m."organizationId" IS NOT NULL) AS "isObserver"
    FROM other_bodies x
    JOIN subject_rounds sr ON sr."roundId" = x."roundId"
    JOIN observed ob ON ob."electionId" = sr."electionId"
    LEFT JOIN heads h ON h."roundId" = x."roundId" AND h."organizationId" = x."organizationId"
    LEFT JOIN observers m ON m."electionId" = sr."electionId" AND m."organizationId" = x."organizationId"
  ) j
),
paired_rounds AS ${m} (SELECT DISTINCT "roundId" FROM comparisons WHERE gap IS NOT NULL),
assessed_rounds AS ${m} (
  SELECT count(*) AS n, count(pr."roundId") AS with_pair
  FROM subject_rounds sr LEFT JOIN paired_rounds pr ON pr."roundId" = sr."roundId" WHERE sr."subjectScore" IS NOT NULL
),
body_figures AS ${m} (SELECT c."organizationId", ${pairAggregates(d)} FROM comparisons c GROUP BY c."organizationId"),
pooled_figures AS ${m} (SELECT ${pairAggregates(d)} FROM comparisons c),
page AS ${m} (SELECT * FROM matched ORDER BY year DESC, id LIMIT ${d.param('first')}),
page_rounds AS ${m} (SELECT sr.* FROM subject_rounds sr JOIN page p ON p.id = sr."electionId"),
${comparisonPageLists(d, { statementFields, other, round })}
elections_with_other_score AS ${m} (SELECT DISTINCT "electionId" FROM page_comparisons WHERE score IS NOT NULL),
elections_with_rounds AS ${m} (SELECT DISTINCT "electionId" FROM page_rounds),
missing AS ${m} (
  SELECT c."electionId", c.ordinal AS o1, 0 AS o2, c."organizationId" AS o3, 'OTHER_DID_NOT_OBSERVE' AS kind, c.round, c."organizationId"
    FROM page_comparisons c WHERE c.status = 'OTHER_DID_NOT_OBSERVE'
  UNION ALL
  SELECT c."electionId", c.ordinal, 0, c."organizationId", 'OTHER_OBSERVED_WITHOUT_ASSESSMENT', c.round, c."organizationId"
    FROM page_comparisons c WHERE c.status = 'OTHER_NOT_ASSESSED' AND c."isObserver"
  UNION ALL
  SELECT r."electionId", r.ordinal, 1, '', 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT', r.round, (SELECT id FROM subject)
    FROM page_rounds r JOIN observed ob ON ob."electionId" = r."electionId"
    WHERE ob.yes AND r."subjectScore" IS NULL AND (r."subjectVerdict" IS NULL OR r."subjectVerdict" <> 'NOT_OBSERVED')
  UNION ALL
  SELECT p.id, 1000, 0, '', 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT', NULL, (SELECT id FROM subject)
    FROM page p JOIN observed ob ON ob."electionId" = p.id LEFT JOIN elections_with_rounds wr ON wr."electionId" = p.id
    WHERE ob.yes AND wr."electionId" IS NULL
  UNION ALL
  SELECT p.id, 1001, 0, '', 'NO_OTHER_ASSESSMENT', NULL, (SELECT id FROM subject)
    FROM page p JOIN observed ob ON ob."electionId" = p.id LEFT JOIN elections_with_other_score ws ON ws."electionId" = p.id
    WHERE ob.yes AND ws."electionId" IS NULL
),
${pageMissing(d, missingItem)}
SELECT ${comparisonDocument(
    d,
    summary,
    node,
    '(SELECT count(*) FROM observed)',
    `page p JOIN "Area" a ON a.id = p."areaId" JOIN observed ob ON ob."electionId" = p.id
        LEFT JOIN page_round_lists pr ON pr."electionId" = p.id
        LEFT JOIN page_missing pm ON pm."electionId" = p.id`,
  )} AS document`;
}
