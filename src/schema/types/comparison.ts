/**
 * The comparison in GraphQL: per election (Election.comparison) and across many elections
 * with agreement figures (Query.comparison), read from the read model's projection tables
 * (src/read/projections.ts): a page reads its elections' rows, the summary two grouped statements.
 */
import { ROUNDS_PER_ELECTION } from '../complexity.js';
import { statementInForce } from '../../read/in-force.js';
import { builder, type Context } from '../builder.js';
import { RoundKindEnum, VerdictEnum } from '../enums.js';
import { ElectionFilter, electionWhere } from '../filters.js';
import { organizationIdByName } from '../lookup.js';
import type { BodyComparison, ElectionComparison, MissingItem, RoundComparison } from '../../comparison/compare.js';
import type { AgreementFigures, ComparisonSummary } from '../../comparison/aggregate.js';
import { ANALYTIC_FROM, BOOTSTRAP_RESAMPLES, CONFIDENCE, MIN_PAIRED_ROUNDS, type Interval } from '../../verdicts/intervals.js';
import { compareProjected } from '../../comparison/projection.js';
import { loadProjections } from '../../read/projections.js';
import { projectionIndexOf } from '../../read/projection-index.js';
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { getRefFromModel, queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { loadById, loadRoundStatements, plannedQuery } from '../load-by-id.js';
import { arrayConnectionOf, edgeOf } from '../connections.js';
import type { Election, ElectionRound } from '../../generated/prisma/client.js';

export const DEFAULT_SUBJECT = 'CIS-EMO';

const ComparisonStatusEnum = builder.enumType('ComparisonStatus', {
  description: "How one body's assessment of a round relates to the subject's.",
  values: {
    BOTH_ASSESSED: { description: 'Both gave an ordinal verdict: gap and agreement are defined.' },
    OTHER_DID_NOT_OBSERVE: { description: 'The other body declined or was prevented from observing.' },
    SUBJECT_DID_NOT_OBSERVE: { description: 'The subject did not observe this election.' },
    SUBJECT_NOT_ASSESSED: { description: 'The subject observed but no assessment of it is on record for this round.' },
    OTHER_NOT_ASSESSED: { description: 'The other body observed but no assessment of it is on record for this round.' },
  } as const,
});

const MissingKindEnum = builder.enumType('MissingKind', {
  description: 'What is missing from the record.',
  values: {
    SUBJECT_OBSERVED_WITHOUT_ASSESSMENT: { description: 'The subject observed, but no assessment of it is on record.' },
    OTHER_DID_NOT_OBSERVE: { description: 'Another body declined or was prevented from observing.' },
    OTHER_OBSERVED_WITHOUT_ASSESSMENT: { description: 'Another body observed, but no assessment of it is on record.' },
    NO_OTHER_ASSESSMENT: { description: 'The subject observed, but no other body assessed this election.' },
  } as const,
});

// Fields below resolve records by id with plannedQuery rather than t.prismaField, which would
// plan the nested selection again for every item of every list (see src/schema/load-by-id.ts).
const OrganizationRef = getRefFromModel('Organization', builder);
const StatementRef = getRefFromModel('Statement', builder);
const ElectionRef = getRefFromModel('Election', builder);
const ElectionRoundRef = getRefFromModel('ElectionRound', builder);

/** Statements of the given ids, from their round's statements (see loadRoundStatements). */
async function statementsOf(ctx: Context, info: GraphQLResolveInfo, roundId: string | null, ids: string[]) {
  if (!ids.length) return [];
  if (!roundId) return Promise.all(ids.map((id) => loadById(ctx, 'statement', plannedQuery(ctx, info), id)));
  const wanted = new Set(ids);
  return (await loadRoundStatements(ctx, plannedQuery(ctx, info), roundId)).filter((s) => wanted.has(s.id));
}

/** Rows of `model` by id, with the selection the field `info` resolves planned into the query. */
function loadPlanned(ctx: Context, info: GraphQLResolveInfo, model: 'election' | 'electionRound', ids: string[]) {
  const find = ctx.db[model].findMany as unknown as (args: object) => Promise<{ id: string }[]>;
  return find({ ...queryFromInfo({ context: ctx, info }), where: { id: { in: ids } } });
}

const BodyComparisonRef = builder.objectRef<BodyComparison & { roundId: string | null }>('BodyComparison').implement({
  description: "Another body's assessment of the round beside the subject's.",
  fields: (t) => ({
    organization: t.field({
      type: OrganizationRef,
      description: 'The other body.',
      resolve: (b, _a, ctx, info) => loadById(ctx, 'organization', plannedQuery(ctx, info), b.organizationId),
    }),
    verdict: t.expose('verdict', { type: VerdictEnum, nullable: true, description: 'Its headline verdict for the round.' }),
    score: t.exposeInt('score', { nullable: true, description: 'Ordinal score of that verdict.' }),
    gap: t.exposeInt('gap', {
      nullable: true,
      description: "Subject's score minus this body's: +3 means the subject was three steps more favourable.",
    }),
    absoluteGap: t.int({
      nullable: true,
      description: 'Size of the gap in steps, regardless of direction.',
      resolve: (b) => (b.gap === null ? null : Math.abs(b.gap)),
    }),
    agrees: t.exposeBoolean('agrees', { nullable: true, description: 'Same ordinal verdict; null when either side has none.' }),
    status: t.expose('status', { type: ComparisonStatusEnum, description: 'Whether both assessed, or what is missing.' }),
    statements: t.field({
      type: [StatementRef],
      description: 'Its statements about the round.',
      resolve: (b, _a, ctx, info) => statementsOf(ctx, info, b.roundId, b.statementIds),
    }),
  }),
});

const RoundComparisonRef = builder.objectRef<RoundComparison & { subjectId: string }>('RoundComparison').implement({
  description: "One round: the subject's headline verdict beside every other body's.",
  fields: (t) => ({
    round: t.expose('round', { type: RoundKindEnum, description: 'First, second or rerun.' }),
    electionRound: t.loadable({
      type: ElectionRoundRef,
      nullable: true,
      description: 'The round record.',
      // One loader per response path: the selection planned for the first round serves them all.
      byPath: true,
      load: (ids: string[], ctx: Context, _args, info) => loadPlanned(ctx, info, 'electionRound', ids) as Promise<ElectionRound[]>,
      sort: (round) => (round as ElectionRound).id,
      resolve: (r) => r.roundId,
    }),
    subjectVerdict: t.expose('subjectVerdict', {
      type: VerdictEnum,
      nullable: true,
      description: "The subject's headline verdict: its most considered statement (final > preliminary > press > interview).",
    }),
    subjectScore: t.exposeInt('subjectScore', { nullable: true, description: "Ordinal score of the subject's verdict." }),
    subjectStatements: t.field({
      type: [StatementRef],
      description: "The subject's statements about the round.",
      resolve: (r, _a, ctx, info) => statementsOf(ctx, info, r.roundId, r.subjectStatementIds),
    }),
    others: t.field({
      type: [BodyComparisonRef],
      description: 'Every other body that assessed or observed.',
      resolve: (r) => r.others.map((o) => ({ ...o, roundId: r.roundId })),
    }),
  }),
});

const MissingRef = builder.objectRef<MissingItem>('MissingAssessment').implement({
  description: 'Something the record lacks for a fair comparison.',
  fields: (t) => ({
    kind: t.expose('kind', { type: MissingKindEnum, description: 'What is missing.' }),
    round: t.expose('round', { type: RoundKindEnum, nullable: true, description: 'Which round; null for the election as a whole.' }),
    organization: t.field({
      type: OrganizationRef,
      description: 'Whose assessment is missing.',
      resolve: (m, _a, ctx, info) => loadById(ctx, 'organization', plannedQuery(ctx, info), m.organizationId),
    }),
  }),
});

/**
 * A comparison is loaded by its key, "subjectId|electionId": fields that return one (a page of
 * the report, Election.comparison) return the key, and the dataloader plugin compares every
 * election asked for in one batch, from one load of their facts.
 */
export const ElectionComparisonRef = builder.loadableObjectRef('ElectionComparison', {
  load: async (keys: string[], ctx: Context): Promise<ElectionComparison[]> => {
    const projections = await loadProjections(ctx.db, [...new Set(keys.map((k) => k.split('|')[1]))]);
    return keys.map((k) => {
      const [subjectId, electionId] = k.split('|');
      return compareProjected(projections.get(electionId)!, subjectId);
    });
  },
});

ElectionComparisonRef.implement({
  description: "The subject's assessments of one election beside every other body's, round by round.",
  fields: (t) => ({
    election: t.loadable({
      type: ElectionRef,
      description: 'The election.',
      // One loader per response path: the selection planned for the first election serves them all.
      byPath: true,
      load: (ids: string[], ctx: Context, _args, info) => loadPlanned(ctx, info, 'election', ids) as Promise<Election[]>,
      sort: (election) => (election as Election).id,
      resolve: (c) => c.electionId,
    }),
    subject: t.field({
      type: OrganizationRef,
      description: 'The organization compared against the others.',
      resolve: (c, _a, ctx, info) => loadById(ctx, 'organization', plannedQuery(ctx, info), c.subjectId),
    }),
    subjectObserved: t.exposeBoolean('subjectObserved', { description: 'The subject had a mission or spoke as an observer.' }),
    // An election has one to three rounds (first, second, rerun): that, not the list default, is its cost.
    rounds: t.field({
      type: [RoundComparisonRef],
      description: 'Round by round.',
      complexity: { field: 1, multiplier: ROUNDS_PER_ELECTION },
      resolve: (c) => c.rounds.map((r) => ({ ...r, subjectId: c.subjectId })),
    }),
    missing: t.field({ type: [MissingRef], description: 'What the record lacks for this election.', resolve: (c) => c.missing }),
  }),
});

const IntervalRef = builder.objectRef<Interval>('Interval').implement({
  description: `A ${CONFIDENCE * 100}% confidence interval around a figure.`,
  fields: (t) => ({
    low: t.exposeFloat('low', { description: 'Lower bound.' }),
    high: t.exposeFloat('high', { description: 'Upper bound.' }),
  }),
});

const CODEBOOK = 'docs/codebook.md in the repository';
const BOOTSTRAP = `below ${ANALYTIC_FROM} paired rounds a percentile bootstrap over them (${BOOTSTRAP_RESAMPLES} resamples, fixed seed: the same rounds always give the same interval), from ${ANALYTIC_FROM} on the normal-theory interval`;

const AgreementRef = builder.objectRef<AgreementFigures>('AgreementFigures').implement({
  description: `How the subject's verdicts line up with one other body's (or all others pooled) over the compared elections. Every figure is over \`pairedRounds\` rounds (its n) and has a ${CONFIDENCE * 100}% interval beside it; with fewer than ${MIN_PAIRED_ROUNDS} paired rounds \`fewRounds\` is true and the figures describe those rounds only. Verdicts follow the codebook (${CODEBOOK}).`,
  fields: (t) => ({
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'The other body; null for the pooled figures.',
      resolve: (f, _a, ctx, info) => (f.organizationId ? loadById(ctx, 'organization', plannedQuery(ctx, info), f.organizationId) : null),
    }),
    pairedRounds: t.exposeInt('pairedRounds', { description: 'Rounds where both gave an ordinal verdict.' }),
    subjectAssessedRounds: t.exposeInt('subjectAssessedRounds', { description: 'Rounds the subject assessed.' }),
    coverage: t.exposeFloat('coverage', {
      nullable: true,
      description: "Share of the subject's assessed rounds that the other body also assessed.",
    }),
    agreements: t.exposeInt('agreements', { description: 'Paired rounds with the same verdict.' }),
    agreementRate: t.exposeFloat('agreementRate', { nullable: true, description: 'Share of paired rounds with the same verdict.' }),
    withinOneRate: t.exposeFloat('withinOneRate', { nullable: true, description: 'Share of paired rounds at most one step apart.' }),
    meanGap: t.exposeFloat('meanGap', {
      nullable: true,
      description: 'Mean of subject minus other: positive when the subject is more favourable.',
    }),
    meanAbsoluteGap: t.exposeFloat('meanAbsoluteGap', { nullable: true, description: 'Mean size of the gap in steps.' }),
    weightedKappa: t.exposeFloat('weightedKappa', {
      nullable: true,
      description:
        "Cohen's kappa with quadratic weights on the 5-point scale (chance-corrected agreement); null when undefined (fewer than two pairs or no variation).",
    }),
    krippendorffAlpha: t.exposeFloat('krippendorffAlpha', {
      nullable: true,
      description:
        "Krippendorff's alpha with the ordinal metric over the same pairs (pools both bodies' distributions); null when undefined.",
    }),
    agreementRateInterval: t.field({
      type: IntervalRef,
      nullable: true,
      description: "Interval of agreementRate: Wilson's score interval.",
      resolve: (f) => f.intervals.agreementRate,
    }),
    withinOneRateInterval: t.field({
      type: IntervalRef,
      nullable: true,
      description: "Interval of withinOneRate: Wilson's score interval.",
      resolve: (f) => f.intervals.withinOneRate,
    }),
    meanGapInterval: t.field({
      type: IntervalRef,
      nullable: true,
      description: `Interval of meanGap: ${BOOTSTRAP}.`,
      resolve: (f) => f.intervals.meanGap,
    }),
    meanAbsoluteGapInterval: t.field({
      type: IntervalRef,
      nullable: true,
      description: `Interval of meanAbsoluteGap: ${BOOTSTRAP}.`,
      resolve: (f) => f.intervals.meanAbsoluteGap,
    }),
    weightedKappaInterval: t.field({
      type: IntervalRef,
      nullable: true,
      description: `Interval of weightedKappa: ${BOOTSTRAP} (Fleiss, Cohen and Everitt's variance); null when kappa is undefined on most resamples. Pooled figures treat the pairs of all bodies as the sample.`,
      resolve: (f) => f.intervals.weightedKappa,
    }),
    fewRounds: t.exposeBoolean('fewRounds', {
      description: `True below ${MIN_PAIRED_ROUNDS} paired rounds: too few to support a conclusion about the two bodies.`,
    }),
    minimumRounds: t.int({
      description: 'Paired rounds from which figures are not flagged as fewRounds.',
      resolve: () => MIN_PAIRED_ROUNDS,
    }),
    didNotObserve: t.exposeInt('didNotObserve', { description: 'Rounds the other body declined or was prevented from observing.' }),
  }),
});

const SummaryRef = builder.objectRef<ComparisonSummary>('ComparisonSummary').implement({
  description: 'Figures over all elections of a comparison.',
  fields: (t) => ({
    elections: t.exposeInt('elections', { description: 'Elections in the comparison.' }),
    subjectObservedElections: t.exposeInt('subjectObservedElections', { description: 'Of those, elections the subject observed.' }),
    subjectAssessedElections: t.exposeInt('subjectAssessedElections', {
      description: 'Of those, elections with an assessment by the subject on record.',
    }),
    subjectCoverage: t.exposeFloat('subjectCoverage', {
      nullable: true,
      description: 'Share of the elections the subject observed with an assessment of it on record.',
    }),
    pooled: t.field({ type: AgreementRef, description: 'Agreement with all other bodies together.', resolve: (s) => s.pooled }),
    byBody: t.field({ type: [AgreementRef], description: 'Agreement with each other body.', resolve: (s) => s.byBody }),
  }),
});

/**
 * The comparison over the elections matching a filter. Which elections match and the
 * aggregates over all of them are memoised per data version (see ReadCache.memo): both need
 * every matching election's facts, the page needs only its own elections'.
 */
interface Report {
  subjectId: string;
  /** Matching elections, newest first. */
  electionIds: string[];
  /** The aggregates, computed when asked for. */
  summary: () => Promise<ComparisonSummary>;
}

const ComparisonScopeEnum = builder.enumType('ComparisonScope', {
  description: 'Which elections a comparison covers.',
  values: {
    SUBJECT: { description: 'Elections the subject observed or assessed.' },
    WITH_STATEMENTS: { description: 'Elections with at least one statement by anyone.' },
    ALL: { description: 'Every election matching the filter.' },
    PAIRED: {
      description:
        'Elections with a round both the subject and another body assessed — the rounds the agreement figures count (with `filter.assessedBy`, that body).',
    },
  } as const,
});

const ReportRef = builder.objectRef<Report>('ComparisonReport').implement({
  description: 'The subject against every other body over many elections: per-election rows and agreement figures.',
  fields: (t) => ({
    subject: t.field({
      type: OrganizationRef,
      description: 'The organization compared against the others.',
      resolve: (r, _a, ctx, info) => loadById(ctx, 'organization', plannedQuery(ctx, info), r.subjectId),
    }),
    summary: t.field({
      type: SummaryRef,
      description: 'Figures over all matching elections, not just the page.',
      resolve: (r) => r.summary(),
    }),
    elections: t.connection(
      {
        type: ElectionComparisonRef,
        description: 'Per-election comparisons, newest first.',
        resolve: (r, args) => {
          // Slice the ids first: only the page's elections are compared (each edge's node is a key).
          const page = resolveArrayConnection({ args }, r.electionIds);
          return {
            ...page,
            edges: page.edges.map((edge) => ({ ...edge, node: `${r.subjectId}|${edge.node}` })),
            total: r.electionIds.length,
          };
        },
      },
      arrayConnectionOf('ElectionComparisonConnection', 'ElectionComparison'),
      edgeOf('ElectionComparison'),
    ),
  }),
});

async function subjectId(ctx: Context, args: { subject?: string | null; subjectId?: string | null }): Promise<string> {
  return organizationIdByName(ctx, args.subject ?? DEFAULT_SUBJECT);
}

builder.prismaObjectFields('Election', (t) => ({
  comparison: t.field({
    type: ElectionComparisonRef,
    description: `This election's assessments, the subject (default ${DEFAULT_SUBJECT}) beside every other body.`,
    args: { subject: t.arg.string({ required: false, description: 'Any organization, by any name.' }) },
    resolve: async (e, args, ctx) => `${await subjectId(ctx, args)}|${e.id}`,
  }),
}));

builder.queryFields((t) => ({
  comparison: t.field({
    type: ReportRef,
    description: `The subject (default ${DEFAULT_SUBJECT}) against every other monitoring body, over the elections matching the filter.`,
    args: {
      subject: t.arg.string({ required: false }),
      filter: t.arg({ type: ElectionFilter, required: false }),
      scope: t.arg({ type: ComparisonScopeEnum, required: false, defaultValue: 'SUBJECT' }),
    },
    resolve: async (_r, args, ctx): Promise<Report> => {
      const subject = await subjectId(ctx, args);
      const where = await electionWhere(args.filter, ctx);
      const index = () => projectionIndexOf(ctx);
      // SUBJECT: the elections the projection records the subject observing (observedBy's rule, applied by projectElection).
      const scoped =
        args.scope === 'WITH_STATEMENTS' ? { AND: [where, { rounds: { some: { statements: { some: statementInForce } } } }] } : where;
      const key = JSON.stringify([subject, args.scope, scoped]);
      const electionIds = await ctx.cache.memo(`comparison-elections|${key}`, async () => {
        const pairedWith =
          args.scope === 'PAIRED' && args.filter?.assessedBy ? await organizationIdByName(ctx, args.filter.assessedBy) : null;
        const [matching, observed] = await Promise.all([
          ctx.db.election.findMany({ where: scoped, select: { id: true }, orderBy: [{ year: 'desc' }, { id: 'asc' }] }),
          args.scope === 'SUBJECT'
            ? index().then((i) => i.observedOrAssessedBy(subject))
            : args.scope === 'PAIRED'
              ? index().then((i) => i.pairedElections(subject, pairedWith))
              : null,
        ]);
        return matching.map((e) => e.id).filter((id) => !observed || observed.has(id));
      });
      const summary = () => ctx.cache.memo(`comparison-summary|${key}`, async () => (await index()).summary(subject, electionIds));
      return { subjectId: subject, electionIds, summary };
    },
  }),
}));
