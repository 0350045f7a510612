import { builder } from '../builder.js';
import { CoderKindEnum, StatementKindEnum, VerdictEnum } from '../enums.js';
import { addProvenance } from './provenance.js';
import { StatementFilter, statementWhere } from '../filters.js';
import { verdictScore } from '../../verdicts/scale.js';
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
    phrase: t.exposeString('phrase'),
    ruleId: t.exposeString('ruleId'),
    score: t.exposeInt('score', {
      nullable: true,
      description: 'Ordinal score the phrase points to (5 endorsed … 1 condemned); null for a not-observed cue.',
    }),
    negated: t.exposeBoolean('negated'),
  }),
});

builder.prismaNode('Statement', {
  id: { field: 'id' },
  description: 'What a body said about an election round, with its verdict and every coding of it.',
  fields: (t) => ({
    organization: t.relation('organization'),
    round: t.relation('round'),
    statementDate: t.exposeString('statementDate', { nullable: true }),
    kind: t.expose('kind', { type: StatementKindEnum }),
    speakerName: t.exposeString('speakerName', { nullable: true }),
    speaker: t.relation('speaker', { nullable: true }),
    quote: t.exposeString('quote'),
    quoteLanguage: t.exposeString('quoteLanguage', { description: 'Language of the quote text as given.' }),
    translated: t.exposeBoolean('translated', {
      description: 'True when the quote text is a translation of an original in another language.',
    }),
    note: t.exposeString('note', { nullable: true }),
    source: t.relation('source'),
    sourceTitle: t.exposeString('sourceTitle', { nullable: true }),
    sourceUrl: t.field({ type: 'URL', nullable: true, resolve: (st) => st.sourceUrl }),
    locator: t.exposeString('locator', { description: 'Row of the statement in its source dataset.' }),
    verdict: t.expose('verdict', {
      type: VerdictEnum,
      nullable: true,
      description: 'The verdict in force: HUMAN beats SOURCE beats RULE.',
    }),
    score: t.exposeInt('verdictScore', {
      nullable: true,
      description: 'Ordinal score of the verdict (5..1); null for NOT_OBSERVED or unknown.',
    }),
    verdictCoding: t.prismaField({
      type: 'VerdictCoding',
      nullable: true,
      description: 'The coding the verdict in force comes from: who coded it.',
      select: (_a, _c, nested) => ({ codings: nested({ orderBy: { codedAt: 'desc' } }) }),
      resolve: (_q, s) => {
        const rank = { HUMAN: 3, SOURCE: 2, RULE: 1 } as const;
        return [...s.codings].sort((a, b) => rank[b.coder] - rank[a.coder])[0] ?? null;
      },
    }),
    codings: t.relation('codings', {
      description: 'Every coding of this statement, by every coder; none is ever overwritten.',
      query: { orderBy: { codedAt: 'desc' } },
    }),
  }),
});
addProvenance('Statement');

builder.prismaNode('VerdictCoding', {
  id: { field: 'id' },
  description: 'One coding of a statement: the verdict, who made it, and for the rule coder why.',
  fields: (t) => ({
    verdict: t.expose('verdict', { type: VerdictEnum }),
    score: t.int({ nullable: true, resolve: (c) => verdictScore(c.verdict) }),
    coder: t.expose('coder', { type: CoderKindEnum }),
    codedBy: t.exposeString('codedBy', { description: 'Dataset, curator or rule-set version.' }),
    rule: t.exposeString('rule', { nullable: true }),
    confidence: t.exposeFloat('confidence', { nullable: true }),
    machineCoded: t.boolean({ resolve: (c) => c.coder === 'RULE' }),
    evidence: t.field({ type: [Evidence], resolve: (c) => (c.evidence ? (JSON.parse(c.evidence) as EvidenceItem[]) : []) }),
    codedAt: t.expose('codedAt', { type: 'DateTime' }),
  }),
});

const CodedVerdictRef = builder.objectRef<CodedVerdict>('CodedVerdict').implement({
  description: 'The rule coder on a quote: verdict, confidence and the phrases that decided it.',
  fields: (t) => ({
    verdict: t.expose('verdict', { type: VerdictEnum, nullable: true }),
    score: t.int({ nullable: true, resolve: (c) => (c.verdict ? verdictScore(c.verdict) : null) }),
    confidence: t.exposeFloat('confidence'),
    rule: t.exposeString('rule'),
    explanation: t.exposeString('explanation'),
    evidence: t.field({ type: [Evidence], resolve: (c) => c.evidence }),
    coderVersion: t.string({ resolve: () => CODER_VERSION }),
  }),
});

builder.queryFields((t) => ({
  statements: t.prismaConnection({
    type: 'Statement',
    cursor: 'id',
    args: { filter: t.arg({ type: StatementFilter, required: false }) },
    totalCount: async (_p, args, ctx) => ctx.db.statement.count({ where: await statementWhere(args.filter, ctx) }),
    resolve: async (query, _p, args, ctx) =>
      ctx.db.statement.findMany({
        ...query,
        where: await statementWhere(args.filter, ctx),
        orderBy: [{ statementDate: 'asc' }, { id: 'asc' }],
      }),
  }),
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
