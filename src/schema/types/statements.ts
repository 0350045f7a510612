import type { Prisma } from '../../generated/prisma/client.js';
import { builder, NODE_ID } from '../builder.js';
import { connectionOf, edgeOf } from '../connections.js';
import { CoderKindEnum, StatementKindEnum, StatementStatusEnum, VerdictEnum } from '../enums.js';
import { addProvenance, sourceVersion, SourceVersionRef } from './provenance.js';
import { statementStatus, textInForce } from '../../read/in-force.js';
import { StatementFilter, statementWhere } from '../filters.js';
import { scoreOf, verdictScore } from '../../verdicts/scale.js';
import { effectiveCoding } from '../../verdicts/effective.js';
import { codeVerdict, CODER_VERSION, type CodedVerdict } from '../../verdicts/coder.js';
import { userError } from '../errors.js';

interface EvidenceItem {
  phrase: string;
  ruleId: string;
  score: number | null;
  negated: boolean;
}

const Evidence = builder.objectRef<EvidenceItem>('VerdictEvidence').implement({
  description: 'A phrase of the quote that the rule coder matched, and what it signalled.',
  fields: (t) => ({
    phrase: t.exposeString('phrase', { description: 'The words of the quote that matched.' }),
    ruleId: t.exposeString('ruleId', { description: 'Id of the rule that matched (see src/verdicts/rules.ts).' }),
    score: t.exposeInt('score', {
      nullable: true,
      description: 'Ordinal score the phrase points to (5 endorsed … 1 condemned); null for a not-observed cue.',
    }),
    negated: t.exposeBoolean('negated', { description: 'True when a negation cue flipped the phrase ("not free").' }),
  }),
});

builder.prismaNode('Statement', {
  id: NODE_ID,
  // Select mode: a query reads the columns its fields ask for, never a quote or a description nobody requested.
  select: { id: true },
  description: 'What a body said about an election round, with its verdict and every coding of it.',
  fields: (t) => ({
    organization: t.relation('organization', { description: 'The body that made the statement.' }),
    round: t.relation('round', { description: 'The election round the statement is about.' }),
    statementDate: t.exposeString('statementDate', { nullable: true, description: 'When it was made (ISO date; may be less precise).' }),
    kind: t.expose('kind', { type: StatementKindEnum, description: 'Preliminary, final, press, interview or declined.' }),
    speakerName: t.exposeString('speakerName', { nullable: true, description: 'Who spoke, as the source names them.' }),
    speaker: t.relation('speaker', { nullable: true, description: 'The speaker as a person record.' }),
    quote: t.exposeString('quote', { description: 'The words, as given in the source (see quoteLanguage and translated).' }),
    quoteLanguage: t.exposeString('quoteLanguage', { description: 'Language of the quote text as given.' }),
    translated: t.exposeBoolean('translated', {
      description: 'True when the quote text is a translation of an original in another language.',
    }),
    note: t.exposeString('note', { nullable: true, description: 'Notes of the dataset on the statement.' }),
    source: t.relation('source', { description: 'The dataset the statement was read from.' }),
    sourceTitle: t.exposeString('sourceTitle', { nullable: true, description: 'Title of the publication the quote comes from.' }),
    sourceUrl: t.expose('sourceUrl', { type: 'URL', nullable: true, description: 'Where the quote was published.' }),
    locator: t.exposeString('locator', { description: 'Row of the statement in its source dataset.' }),
    verdict: t.expose('verdict', {
      type: VerdictEnum,
      nullable: true,
      description:
        'The verdict in force: HUMAN beats SOURCE beats RULE. Null when no coder gave one, or when the coding in force is an abstention (see `verdictCoding.abstained`).',
    }),
    score: t.exposeInt('verdictScore', {
      nullable: true,
      description: 'Ordinal score of the verdict (5..1); null for NOT_OBSERVED or unknown.',
    }),
    verdictCoding: t.prismaField({
      type: 'VerdictCoding',
      nullable: true,
      description: 'The coding in force: who gave the verdict, or who judged that the statement gives none.',
      select: (_a, _c, nested) => ({ codings: nested({ orderBy: { codedAt: 'desc' } }) }),
      resolve: (_q, s) => effectiveCoding(s.codings),
    }),
    codings: t.relation('codings', {
      description: 'Every coding of this statement, by every coder; none is ever overwritten.',
      query: { orderBy: { codedAt: 'desc' } },
    }),
    texts: t.relation('texts', {
      description:
        'Further texts of this statement from other sources: its translations, its original, or its re-publication under another kind. The statement counts once in the comparison, whatever its texts.',
      query: { where: textInForce, orderBy: [{ sourceId: 'asc' }, { locator: 'asc' }] },
    }),
    status: t.field({
      type: StatementStatusEnum,
      description: 'Whether the statement counts: only IN_FORCE statements are in any answer or figure.',
      select: { retiredAt: true, withdrawnAt: true },
      resolve: (s) => statementStatus(s),
    }),
    retiredAt: t.expose('retiredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the latest version of its source stopped having it.',
    }),
    withdrawnAt: t.expose('withdrawnAt', { type: 'DateTime', nullable: true, description: 'When it, or its source, was withdrawn.' }),
    firstSeen: t.field({
      type: SourceVersionRef,
      nullable: true,
      description: 'The version of its source it first appeared in (null for one added through the API).',
      select: { sourceId: true, firstSeenVersion: true },
      resolve: (s, _a, ctx) => sourceVersion(ctx, s.sourceId, s.firstSeenVersion),
    }),
    lastSeen: t.field({
      type: SourceVersionRef,
      nullable: true,
      description: 'The latest version of its source that has it.',
      select: { sourceId: true, lastSeenVersion: true },
      resolve: (s, _a, ctx) => sourceVersion(ctx, s.sourceId, s.lastSeenVersion),
    }),
    revisions: t.relation('revisions', {
      description: 'Its earlier texts: how earlier versions of its source had it before a later one changed it, the latest first.',
      query: { orderBy: [{ replacedAt: 'desc' }, { id: 'asc' }] },
    }),
  }),
});
addProvenance('Statement');

builder.prismaObject('StatementRevision', {
  description: 'A statement as earlier versions of its source had it, kept when a later version changed it.',
  fields: (t) => ({
    firstSeenVersion: t.exposeInt('firstSeenVersion', { nullable: true, description: 'First version of the source with this text.' }),
    lastSeenVersion: t.exposeInt('lastSeenVersion', { nullable: true, description: 'Last version of the source with this text.' }),
    replacedAt: t.expose('replacedAt', { type: 'DateTime', description: 'When a later version replaced it.' }),
    statementDate: t.exposeString('statementDate', { nullable: true, description: 'The date it had.' }),
    kind: t.expose('kind', { type: StatementKindEnum, description: 'The kind it had.' }),
    speakerName: t.exposeString('speakerName', { nullable: true, description: 'The speaker it named.' }),
    quote: t.exposeString('quote', { description: 'The words it had.' }),
    quoteLanguage: t.exposeString('quoteLanguage', { description: 'Language of those words.' }),
    translated: t.exposeBoolean('translated', { description: 'Whether they were a translation.' }),
    note: t.exposeString('note', { nullable: true, description: 'The note it had.' }),
    locator: t.exposeString('locator', { description: 'Where in that version it was.' }),
    verdict: t.expose('verdict', { type: VerdictEnum, nullable: true, description: 'The verdict its source gave it then.' }),
  }),
});

builder.prismaNode('VerdictCoding', {
  id: NODE_ID,
  description: 'One coding of a statement: the verdict, who made it, and for the rule coder why.',
  fields: (t) => ({
    verdict: t.expose('verdict', {
      type: VerdictEnum,
      nullable: true,
      description:
        'The verdict of this coding; null when the coder judged that the statement assesses no election (an abstention, codebook R15: see `abstained`).',
    }),
    abstained: t.boolean({
      description:
        'True when this coding gives no verdict on purpose: the coder judged that the statement assesses no election. In force, it keeps the statement out of every verdict figure, whatever the codings below it say.',
      resolve: (c) => c.verdict === null,
    }),
    score: t.int({
      nullable: true,
      description: 'Ordinal score of the verdict; null for NOT_OBSERVED and for an abstention.',
      resolve: (c) => (c.verdict ? verdictScore(c.verdict) : null),
    }),
    coder: t.expose('coder', { type: CoderKindEnum, description: 'Source dataset, curator or rule coder.' }),
    codedBy: t.exposeString('codedBy', { description: 'Dataset, curator or rule-set version.' }),
    rule: t.exposeString('rule', { nullable: true, description: 'For the rule coder: the ids of the rules that decided.' }),
    confidence: t.exposeFloat('confidence', { nullable: true, description: 'For the rule coder: confidence from 0 to 1.' }),
    machineCoded: t.boolean({ description: 'True when the rule coder made this coding.', resolve: (c) => c.coder === 'RULE' }),
    evidence: t.field({
      type: [Evidence],
      description: 'For the rule coder: the matched phrases.',
      resolve: (c) => (c.evidence ? (JSON.parse(c.evidence) as EvidenceItem[]) : []),
    }),
    codedAt: t.expose('codedAt', { type: 'DateTime', description: 'When the coding was made.' }),
  }),
});

const CodedVerdictRef = builder.objectRef<CodedVerdict>('CodedVerdict').implement({
  description: 'The rule coder on a quote: verdict, confidence and the phrases that decided it.',
  fields: (t) => ({
    verdict: t.expose('verdict', { type: VerdictEnum, nullable: true, description: 'The coded verdict; null when no rule matched.' }),
    score: t.int({ nullable: true, description: 'Ordinal score of the verdict.', resolve: (c) => scoreOf(c.verdict) }),
    confidence: t.exposeFloat('confidence', { description: 'Confidence from 0 to 1.' }),
    rule: t.exposeString('rule', { description: 'Ids of the rules that decided.' }),
    explanation: t.exposeString('explanation', { description: 'How the rules combined, in words.' }),
    evidence: t.field({ type: [Evidence], description: 'The matched phrases.', resolve: (c) => c.evidence }),
    coderVersion: t.string({ description: 'Version of the rule set.', resolve: () => CODER_VERSION }),
  }),
});

const StatementOrderEnum = builder.enumType('StatementOrder', {
  description: 'How a list of statements is sorted (ties by id, so pages never overlap).',
  values: {
    OLDEST_FIRST: { description: 'By the date the statement was made public, oldest first (the default).' },
    NEWEST_FIRST: { description: 'By the date the statement was made public, newest first (undated last).' },
    MOST_FAVOURABLE_FIRST: { description: 'By the verdict in force, endorsed first (no verdict last).' },
    LEAST_FAVOURABLE_FIRST: { description: 'By the verdict in force, condemned first (no verdict last).' },
  } as const,
});

const STATEMENT_ORDER = {
  OLDEST_FIRST: [{ statementDate: 'asc' }, { id: 'asc' }],
  NEWEST_FIRST: [{ statementDate: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
  MOST_FAVOURABLE_FIRST: [
    { verdictScore: { sort: 'desc', nulls: 'last' } },
    { statementDate: { sort: 'asc', nulls: 'last' } },
    { id: 'asc' },
  ],
  LEAST_FAVOURABLE_FIRST: [
    { verdictScore: { sort: 'asc', nulls: 'last' } },
    { statementDate: { sort: 'asc', nulls: 'last' } },
    { id: 'asc' },
  ],
} satisfies Record<string, Prisma.StatementOrderByWithRelationInput[]>;

builder.queryFields((t) => ({
  statements: t.prismaConnection(
    {
      type: 'Statement',
      cursor: 'id',
      description: 'Statements, filtered as a dashboard needs.',
      args: {
        filter: t.arg({ type: StatementFilter, required: false }),
        order: t.arg({
          type: StatementOrderEnum,
          required: false,
          defaultValue: 'OLDEST_FIRST',
          description: 'How the statements are sorted.',
        }),
      },
      totalCount: async (_p, args, ctx) => ctx.db.statement.count({ where: await statementWhere(args.filter, ctx) }),
      resolve: async (query, _p, args, ctx) =>
        ctx.db.statement.findMany({
          ...query,
          where: await statementWhere(args.filter, ctx),
          orderBy: STATEMENT_ORDER[args.order ?? 'OLDEST_FIRST'],
        }),
    },
    connectionOf('QueryStatements'),
    edgeOf('QueryStatements'),
  ),
  codeVerdict: t.field({
    type: CodedVerdictRef,
    description: 'Codes an arbitrary quote with the rule coder, live. Nothing is stored.',
    args: {
      quote: t.arg.string({ required: true }),
      language: t.arg.string({ required: false, description: 'en or ru; guessed from the script when omitted.' }),
      statementKind: t.arg({ type: StatementKindEnum, required: false }),
    },
    resolve: (_r, args) => {
      if (!args.quote.trim()) throw userError('quote is empty');
      if (args.quote.length > 10_000) throw userError('quote is longer than 10000 characters');
      const language = args.language ?? (/[а-яё]/i.test(args.quote) ? 'ru' : 'en');
      return codeVerdict({ quote: args.quote, language, statementKind: args.statementKind?.toLowerCase() });
    },
  }),
}));

builder.prismaObject('StatementText', {
  description:
    'A further text of a statement, read from another source row: a translation, the original of a translation, or the same words published under another kind.',
  fields: (t) => ({
    kind: t.expose('kind', {
      type: StatementKindEnum,
      description: "The kind the source gives this text (it may differ from the statement's).",
    }),
    statementDate: t.exposeString('statementDate', { nullable: true, description: 'When this text was made public, as its source says.' }),
    speakerName: t.exposeString('speakerName', { nullable: true, description: 'Who spoke, as this source names them.' }),
    quote: t.exposeString('quote', { description: 'The words, as this source gives them.' }),
    quoteLanguage: t.exposeString('quoteLanguage', { description: 'Language of this text.' }),
    translated: t.exposeBoolean('translated', { description: 'True when this text is a translation of an original in another language.' }),
    verdict: t.expose('verdict', {
      type: VerdictEnum,
      nullable: true,
      description: 'The verdict this source gave this text, as it gave it.',
    }),
    note: t.exposeString('note', { nullable: true, description: 'Notes of the dataset on this text.' }),
    source: t.relation('source', { description: 'The dataset this text was read from.' }),
    sourceTitle: t.exposeString('sourceTitle', { nullable: true, description: 'Title of the publication this text comes from.' }),
    sourceUrl: t.field({ type: 'URL', nullable: true, description: 'Where this text was published.', resolve: (x) => x.sourceUrl }),
    locator: t.exposeString('locator', { description: 'Row of this text in its source dataset.' }),
  }),
});
