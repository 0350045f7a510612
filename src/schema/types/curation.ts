/**
 * Curation in GraphQL: mutations for writers (statements, verdicts, aliases, merges, judgements)
 * and the audit trail and decisions for everyone. Who may call what is declared here with
 * authScopes; the resolvers only validate and delegate to src/curation.
 */
import { brandWithType } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { getRefFromModel, type PrismaObjectRef } from '@pothos/plugin-prisma';
import { builder, NODE_ID, type Context } from '../builder.js';
import { connectionOf, edgeOf } from '../connections.js';
import { ElectionTypeEnum, RoundKindEnum, StatementKindEnum, VerdictEnum } from '../enums.js';
import { userError } from '../errors.js';
import { DecisionKind, TokenRole } from '../../generated/prisma/enums.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AUDIT_ACTIONS } from '../../curation/audit.js';
import { CurationError } from '../../curation/errors.js';
import { addAlias, removeAlias } from '../../curation/aliases.js';
import { addStatement, type StatementInput } from '../../ingest/curated-statement.js';
import { setVerdict, withdrawVerdict } from '../../curation/verdicts.js';
import { restoreSource, restoreStatement, withdrawSource, withdrawStatement } from '../../curation/withdrawals.js';
import { ingestStatementsContent, type FileReport } from '../../ingest/pipeline.js';
import { CsvValidationError, SourceKeyError } from '../../ingest/statements-csv.js';
import { appendAudit } from '../../curation/audit.js';
import { CURATION_TRANSACTION, judgeRecords, mergeRecords, revokeJudgement, splitRecord, type Judgement } from '../../curation/merge.js';
import { isMergeable, type EntityRow, type MergeableType } from '../../read/identity.js';
import type { Tx } from '../../db/tables.js';
import type { Actor } from '../../curation/tokens.js';
import type { Reconciler } from '../../reconcile/reconciler.js';
import { hasControlCharacter } from '../../reconcile/normalize.js';
import type { NamesWrite } from '../../read/read-cache.js';

const MAX_NOTE = 2_000;

// ── helpers ──

function checkedNote(note: string | null | undefined): string | null {
  if (note === null || note === undefined) return null;
  if (note.length > MAX_NOTE) throw userError(`note is longer than ${MAX_NOTE} characters`, 'BAD_USER_INPUT', { field: 'note' });
  if (hasControlCharacter(note)) throw userError('note contains a control character', 'BAD_USER_INPUT', { field: 'note' });
  return note.trim() || null;
}

/** Runs a change in one transaction; curation errors become client errors, and read caches see the change. */
async function change<T>(ctx: Context, run: (tx: Tx, actor: string) => Promise<T>): Promise<T> {
  const actor = ctx.actor!.name; // authScopes guarantee a token
  try {
    return await ctx.db.$transaction((tx) => run(tx, actor), CURATION_TRANSACTION);
  } catch (error) {
    if (error instanceof CurationError) throw userError(error.message, error.code, error.details);
    throw error;
  } finally {
    ctx.cache.invalidate();
  }
}

/**
 * `change` for a write that adds names (a statement's organization, its speaker): it resolves them
 * through the read cache's reconciler, which stays loaded from one write to the next, and what it
 * adds joins the cache only once the transaction has committed. A write that rolls back, or finds
 * its statement already on record, leaves the cache as it was.
 */
async function changeNames<T extends { created: boolean }>(
  ctx: Context,
  run: (tx: Tx, actor: string, reconciler: Reconciler) => Promise<T>,
): Promise<T> {
  const actor = ctx.actor!.name; // authScopes guarantee a token
  const names: { write?: NamesWrite } = {};
  let result: T;
  try {
    result = await ctx.db.$transaction(async (tx) => {
      const write = await ctx.cache.draftReconciler(tx);
      names.write = write;
      const r = await run(tx, actor, write.draft.reconciler);
      if (r.created) await ctx.cache.sealDraft(write, tx);
      return r;
    }, CURATION_TRANSACTION);
  } catch (error) {
    if (error instanceof CurationError) throw userError(error.message, error.code, error.details);
    throw error;
  }
  if (result.created && names.write) ctx.cache.commitDraft(names.write);
  return result;
}

/** Tells the Node interface which object type a row is (rows of these models carry no typename). */
function asNode(type: MergeableType, row: EntityRow): EntityRow {
  // brandWithType is typed against the default schema types; a type name is what it stores.
  brandWithType(row, type as unknown as Parameters<typeof brandWithType>[1]);
  return row;
}

const NodeRef = builder.nodeInterfaceRef();

// ── types ──

const CuratorRoleEnum = builder.enumType('CuratorRole', {
  description: 'What an API token may do.',
  values: {
    EDITOR: {
      value: TokenRole.EDITOR,
      description: 'May curate: add statements, code verdicts, add and remove curated aliases, merge, split and judge records.',
    },
    ADMIN: { value: TokenRole.ADMIN, description: 'May do what an editor may, revoke NOT_SAME judgements and list the tokens.' },
  } as const,
});
const DecisionKindEnum = builder.enumType('DecisionKind', {
  description: 'Kinds of reconciliation decision.',
  values: {
    SAME: { value: DecisionKind.SAME, description: 'A merge: the right record is the left one.' },
    NOT_SAME: { value: DecisionKind.NOT_SAME, description: 'Look-alikes kept apart for good.' },
    ALIAS: { value: DecisionKind.ALIAS, description: 'A curated spelling of a record.' },
    WITHDRAW: {
      value: DecisionKind.WITHDRAW,
      description: 'A statement (left key: its id) or a source (left key: its key) taken out of every figure until restored.',
    },
  } as const,
});
const JudgementEnum = builder.enumType('Judgement', {
  description: 'A judgement between two records, as entity-resolution tools record them.',
  values: {
    SAME: { description: 'One real-world thing: the right record is merged into the left.' },
    NOT_SAME: { description: 'Look-alikes: the two records (and anything merged into either) can never be merged.' },
    UNSURE: { description: 'Recorded in the audit trail; changes nothing.' },
  } as const,
});
const AuditActionEnum = builder.enumType('AuditAction', {
  description: 'What a change did.',
  values: {
    ADD_STATEMENT: { description: 'A statement was added through the API.' },
    SET_VERDICT: { description: 'A curator coded the verdict of a statement, or that it gives none (setNoVerdict).' },
    WITHDRAW_VERDICT: { description: 'A curator withdrew their own coding of a statement.' },
    ADD_ALIAS: { description: 'A curated alias was added.' },
    REMOVE_ALIAS: { description: 'A curated alias was removed.' },
    MERGE: { description: 'Two records were merged; `before` holds every row the merge touched.' },
    SPLIT: { description: 'A merge was undone.' },
    JUDGE_NOT_SAME: { description: 'Two records were judged not the same.' },
    JUDGE_UNSURE: { description: 'A curator recorded being unsure whether two records are the same.' },
    REVOKE_JUDGEMENT: { description: 'A NOT_SAME judgement was withdrawn.' },
    WITHDRAW_STATEMENT: { description: 'A statement was withdrawn from every answer and figure.' },
    RESTORE_STATEMENT: { description: 'A withdrawn statement was restored.' },
    WITHDRAW_SOURCE: { description: 'A source, and everything read from it, was withdrawn from every answer and figure.' },
    RESTORE_SOURCE: { description: 'A withdrawn source was restored.' },
    INGEST_SPREADSHEET: { description: 'A statements spreadsheet was uploaded as a version of a source; `after` holds what it did.' },
  } satisfies Record<(typeof AUDIT_ACTIONS)[number], { description: string }>,
});

const CuratorRef = builder.objectRef<Actor>('Curator').implement({
  description: 'The writer whose API token came with the request.',
  fields: (t) => ({
    name: t.exposeString('name', { description: "The token's name, as the audit trail records it." }),
    role: t.expose('role', { type: CuratorRoleEnum, description: 'What the token may do.' }),
  }),
});

builder.prismaObject('ApiToken', {
  description: 'An API token (never its secret).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique name; the audit trail records changes under it.' }),
    role: t.expose('role', { type: CuratorRoleEnum, description: 'What the token may do.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the token was created.' }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the token was revoked; a revoked token authenticates nothing.',
    }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'To the minute.' }),
  }),
});

/** Types whose audit entries name a record that has a global ID. */
const RECORD_TYPES = ['Organization', 'Person', 'Area', 'Statement', 'Source', 'Decision'];

// What each ID argument may name: the Relay plugin decodes the ID and refuses any other type
// before the resolver runs (`t.arg.globalID({ for })`), as a client error naming the argument.
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** A model's node type (getRefFromModel's type also allows a Prisma interface; these are objects). */
const nodeType = (model: 'Organization' | 'Person' | 'Area' | 'Statement') =>
  getRefFromModel(model, builder) as PrismaObjectRef<Types, Types['PrismaTypes'][typeof model]>;
const StatementNode = nodeType('Statement');
const SourceNode = getRefFromModel('Source', builder) as PrismaObjectRef<Types, Types['PrismaTypes']['Source']>;
const MERGEABLE_NODES = [nodeType('Organization'), nodeType('Person'), nodeType('Area')];

/** A global ID argument as the Relay plugin hands it over, decoded and of an allowed type. */
interface NodeId {
  typename: string;
  id: string;
}

const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

const DecisionRef = builder.prismaNode('Decision', {
  id: NODE_ID,
  description:
    'A curation decision, replayed after every ingest: records merged (SAME), kept apart (NOT_SAME), a curated alias, or a statement or source withdrawn.',
  fields: (t) => ({
    kind: t.expose('kind', { type: DecisionKindEnum, description: 'Merge, keep apart, or alias.' }),
    entityType: t.exposeString('entityType', { description: 'Organization, Person or Area.' }),
    leftKey: t.exposeString('leftKey', { description: 'Natural key of the first record (the survivor of a merge).' }),
    rightKey: t.exposeString('rightKey', { nullable: true, description: 'Natural key of the second record (the merged one).' }),
    value: t.exposeString('value', { nullable: true, description: 'The spelling, for an ALIAS decision.' }),
    note: t.exposeString('note', { nullable: true, description: 'Why, in the words of whoever decided.' }),
    decidedBy: t.exposeString('decidedBy', { description: 'Token name of the curator, or "reference" for the bundled reference data.' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', description: 'When the decision was made.' }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the decision was undone (a split, a removed alias, a revoked judgement); undone decisions are not replayed.',
    }),
    revokedBy: t.exposeString('revokedBy', { nullable: true, description: 'Token name of whoever undid it.' }),
  }),
});

builder.prismaNode('AuditEntry', {
  id: NODE_ID,
  description: 'One change made through curation. Entries are only ever appended.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the change was made.' }),
    actor: t.exposeString('actor', { description: 'Name of the API token that made the change.' }),
    action: t.field({
      type: AuditActionEnum,
      description: 'What the change did.',
      resolve: (e) => e.action as (typeof AUDIT_ACTIONS)[number],
    }),
    entityType: t.exposeString('entityType', {
      description: 'Type of the record changed: Organization, Person, Area, Statement or Decision.',
    }),
    entityId: t.exposeString('entityId', { description: 'Database id of the record changed.' }),
    record: t.id({
      nullable: true,
      description: 'Global ID of the record changed, for node(id:).',
      resolve: (e) => (RECORD_TYPES.includes(e.entityType) ? encodeGlobalID(e.entityType, e.entityId) : null),
    }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The record (and for a merge every row it touched) before the change.',
      resolve: (e) => json(e.before),
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The record after the change (for a merge: the survivor, the decision and where re-keyed rows went).',
      resolve: (e) => json(e.after),
    }),
    note: t.exposeString('note', { nullable: true, description: 'Why, in the words of the curator.' }),
  }),
});

const AddStatementInput = builder.inputType('AddStatementInput', {
  description: 'One statement, as one row of a statements spreadsheet (data/sources/assessments.csv); checked and reconciled the same way.',
  fields: (t) => ({
    organization: t.string({
      required: true,
      description: 'The body that made the statement, by any name; a new body is created when none matches.',
    }),
    jurisdiction: t.string({ required: true, description: 'Where the election was held: a known area by any spelling.' }),
    electionType: t.field({ type: ElectionTypeEnum, required: true, description: 'Kind of vote.' }),
    electionDate: t.string({ required: true, description: 'YYYY-MM-DD, YYYY-MM or YYYY.' }),
    round: t.field({ type: RoundKindEnum, required: true, description: 'The round the statement is about.' }),
    statementDate: t.string({ description: 'YYYY-MM-DD.' }),
    statementKind: t.field({ type: StatementKindEnum, required: true, description: 'How considered the statement is.' }),
    speaker: t.string({ description: 'Who spoke for the body, by any spelling; a new person is created when none matches.' }),
    quote: t.string({ required: true, description: 'The words of the statement (at most 10,000 characters).' }),
    quoteLanguage: t.string({ required: true, description: 'Language code of the quote as given: en, ru, …' }),
    translated: t.boolean({ required: true, description: 'True when the quote is a translation of an original in another language.' }),
    verdict: t.field({
      type: VerdictEnum,
      description: 'The verdict the source gives, if any; without one the rule coder codes the quote.',
    }),
    sourceTitle: t.string({ description: 'Title of the publication the statement comes from.' }),
    sourceUrl: t.string({ description: 'http(s) URL of the publication.' }),
    note: t.string({ description: 'Anything a reader should know: a paraphrase, an approximate date, the language of the original.' }),
  }),
});

const AddStatementResult = builder.objectRef<{ created: boolean; statementId: string }>('AddStatementResult').implement({
  description: 'The statement added, or the one already on record.',
  fields: (t) => ({
    created: t.exposeBoolean('created', { description: 'False when the same statement was already on record; nothing was written.' }),
    statement: t.prismaField({
      type: 'Statement',
      description: 'The statement, coded and reconciled.',
      resolve: (query, r, _a, ctx) => ctx.db.statement.findUniqueOrThrow({ ...query, where: { id: r.statementId } }),
    }),
  }),
});

interface AliasResultShape {
  record: EntityRow;
  alias: string;
  decisionId: string | null;
}
const AliasResult = builder.objectRef<AliasResultShape>('AliasResult').implement({
  description: 'A curated alias added or removed.',
  fields: (t) => ({
    record: t.field({ type: NodeRef, description: 'The organization, person or area.', resolve: (r) => r.record }),
    alias: t.exposeString('alias', { description: 'The spelling.' }),
    decision: t.prismaField({
      type: 'Decision',
      nullable: true,
      description: 'The ALIAS decision that keeps the alias through re-ingestion; null after a removal.',
      resolve: (query, r, _a, ctx) => (r.decisionId ? ctx.db.decision.findUnique({ ...query, where: { id: r.decisionId } }) : null),
    }),
  }),
});

interface MergeShape {
  survivor: EntityRow;
  merged: EntityRow;
  decisionId: string;
  rows: number;
}
const MergeResultRef = builder.objectRef<MergeShape>('MergeResult').implement({
  description: 'A merge or its undoing.',
  fields: (t) => ({
    survivor: t.field({ type: NodeRef, description: 'The record that absorbed the other.', resolve: (r) => r.survivor }),
    merged: t.field({
      type: NodeRef,
      description: 'The merged record; its ID keeps resolving to the survivor while merged.',
      resolve: (r) => r.merged,
    }),
    decision: t.prismaField({
      type: 'Decision',
      description: 'The SAME decision (revoked once split).',
      resolve: (query, r, _a, ctx) => ctx.db.decision.findUniqueOrThrow({ ...query, where: { id: r.decisionId } }),
    }),
    rows: t.exposeInt('rows', { description: 'Rows moved (merge) or put back (split).' }),
  }),
});

interface JudgementShape {
  judgement: Judgement;
  decisionId: string | null;
  merge: MergeShape | null;
}
const JudgementResultRef = builder.objectRef<JudgementShape>('JudgementResult').implement({
  description: 'A judgement recorded.',
  fields: (t) => ({
    judgement: t.expose('judgement', { type: JudgementEnum, description: 'The judgement as given.' }),
    decision: t.prismaField({
      type: 'Decision',
      nullable: true,
      description: 'Null for UNSURE, which is only audited.',
      resolve: (query, r, _a, ctx) => (r.decisionId ? ctx.db.decision.findUnique({ ...query, where: { id: r.decisionId } }) : null),
    }),
    merge: t.field({ type: MergeResultRef, nullable: true, description: 'The merge a SAME judgement made.', resolve: (r) => r.merge }),
  }),
});

/** Two records of one mergeable type from two ID arguments (each already of a mergeable type). */
function pair(a: NodeId, b: NodeId, leftName: string, rightName: string): { type: MergeableType; left: string; right: string } {
  if (a.typename !== b.typename)
    throw userError(
      `${leftName} is ${a.typename} but ${rightName} is ${b.typename}; only records of one type are judged together`,
      'BAD_USER_INPUT',
    );
  if (!isMergeable(a.typename)) throw userError(`${a.typename} records cannot be merged`, 'BAD_USER_INPUT');
  return { type: a.typename, left: a.id, right: b.id };
}

function record({ typename, id }: NodeId): { type: MergeableType; id: string } {
  if (!isMergeable(typename)) throw userError(`${typename} records have no aliases`, 'BAD_USER_INPUT');
  return { type: typename, id };
}

// ── queries ──

const AuditFilter = builder.inputType('AuditFilter', {
  description: 'Which audit entries to list; all conditions must hold.',
  fields: (t) => ({
    actions: t.field({ type: [AuditActionEnum], description: 'Only these kinds of change.' }),
    actor: t.string({ description: 'Only changes made with this token name.' }),
    entityType: t.string({ description: 'Only changes to records of this type.' }),
    record: t.globalID({
      for: [...MERGEABLE_NODES, StatementNode, DecisionRef],
      description: 'Global ID of a record: only its entries.',
    }),
    since: t.field({ type: 'DateTime', description: 'Only changes made at or after this time.' }),
    until: t.field({ type: 'DateTime', description: 'Only changes made at or before this time.' }),
  }),
});

function auditWhere(filter: typeof AuditFilter.$inferInput | null | undefined): Prisma.AuditEntryWhereInput {
  if (!filter) return {};
  const recordId = filter.record?.id ?? null;
  return {
    ...(filter.actions?.length ? { action: { in: [...filter.actions] } } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(recordId ? { entityId: recordId } : {}),
    ...(filter.since || filter.until
      ? { at: { ...(filter.since ? { gte: filter.since } : {}), ...(filter.until ? { lte: filter.until } : {}) } }
      : {}),
  };
}

builder.queryFields((t) => ({
  curator: t.field({
    type: CuratorRef,
    nullable: true,
    description: 'The writer whose API token came with the request; null for anonymous readers.',
    resolve: (_r, _a, ctx) => ctx.actor,
  }),
  auditLog: t.prismaConnection(
    {
      type: 'AuditEntry',
      cursor: 'id',
      description: 'The audit trail, newest first: every change made through curation, with before and after.',
      args: { filter: t.arg({ type: AuditFilter, required: false }) },
      totalCount: (_p, args, ctx) => ctx.db.auditEntry.count({ where: auditWhere(args.filter) }),
      resolve: (query, _p, args, ctx) =>
        ctx.db.auditEntry.findMany({ ...query, where: auditWhere(args.filter), orderBy: [{ at: 'desc' }, { id: 'desc' }] }),
    },
    connectionOf('QueryAuditLog'),
    edgeOf('QueryAuditLog'),
  ),
  decisions: t.prismaConnection(
    {
      type: 'Decision',
      cursor: 'id',
      description: 'Reconciliation decisions, newest first.',
      args: {
        kind: t.arg({ type: DecisionKindEnum, required: false }),
        entityType: t.arg.string({ required: false }),
        includeRevoked: t.arg.boolean({ required: false, defaultValue: false }),
      },
      totalCount: (_p, args, ctx) => ctx.db.decision.count({ where: decisionWhere(args) }),
      resolve: (query, _p, args, ctx) =>
        ctx.db.decision.findMany({ ...query, where: decisionWhere(args), orderBy: [{ decidedAt: 'desc' }, { id: 'asc' }] }),
    },
    connectionOf('QueryDecisions'),
    edgeOf('QueryDecisions'),
  ),
  apiTokens: t.prismaField({
    type: ['ApiToken'],
    authScopes: { admin: true },
    description: 'Every API token (names, roles, use), never the secrets. Admins only.',
    resolve: (query, _r, _a, ctx) => ctx.db.apiToken.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
}));

function decisionWhere(args: {
  kind?: DecisionKind | null;
  entityType?: string | null;
  includeRevoked?: boolean | null;
}): Prisma.DecisionWhereInput {
  return {
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.entityType ? { entityType: args.entityType } : {}),
    ...(args.includeRevoked ? {} : { revokedAt: null }),
  };
}

const NearDuplicateRef = builder.objectRef<FileReport['nearDuplicates'][number]>('NearDuplicate').implement({
  description: 'A new statement that nearly repeats one on record: same body, round and kind, nearly the same words.',
  fields: (t) => ({
    locator: t.exposeString('locator', { description: 'Where the new statement is in the spreadsheet ("row 7").' }),
    statement: t.prismaField({
      type: 'Statement',
      description: 'The statement on record it nearly repeats.',
      resolve: (query, d, _a, ctx) => ctx.db.statement.findUniqueOrThrow({ ...query, where: { id: d.statementId } }),
    }),
    similarity: t.exposeFloat('similarity', { description: 'How alike the two quotes are, from 0 to 1.' }),
  }),
});

const SpreadsheetIngestRef = builder.objectRef<FileReport & { sourceId: string }>('SpreadsheetIngest').implement({
  description: 'What loading a spreadsheet did, against the previous version of its source.',
  fields: (t) => ({
    source: t.prismaField({
      type: 'Source',
      description: 'The source the spreadsheet is a version of.',
      resolve: (query, r, _a, ctx) => ctx.db.source.findUniqueOrThrow({ ...query, where: { id: r.sourceId } }),
    }),
    version: t.exposeInt('version', { description: 'The version its content is.' }),
    sameContent: t.exposeBoolean('sameContent', { description: 'True when the content was that version already (nothing changed).' }),
    new: t.exposeInt('new', { description: 'Statements added.' }),
    updated: t.exposeInt('updated', { description: 'Statements changed in place (their earlier texts kept as revisions).' }),
    unchanged: t.exposeInt('unchanged', { description: 'Statements as they were.' }),
    retired: t.exposeInt('retired', { description: 'Statements of the previous version this one no longer has.' }),
    texts: t.exposeInt('texts', { description: 'Rows that are further texts of a statement (translations, re-publications).' }),
    withdrawn: t.exposeInt('withdrawn', { description: 'Of its statements, those a curator has withdrawn (they stay out).' }),
    sourceWithdrawn: t.exposeBoolean('sourceWithdrawn', { description: 'True when the source is withdrawn: nothing of it counts.' }),
    nearDuplicates: t.field({
      type: [NearDuplicateRef],
      description: 'New statements that nearly repeat one on record.',
      resolve: (r) => r.nearDuplicates,
    }),
  }),
});

// ── mutations ──

builder.mutationType({
  description: 'Curation. Every mutation needs an API token ("Authorization: Bearer <token>") and is recorded in the audit trail.',
});

builder.mutationFields((t) => ({
  addStatement: t.field({
    type: AddStatementResult,
    authScopes: { editor: true },
    description: 'Adds a statement, checked and reconciled exactly like a spreadsheet row; its source is a CURATION source.',
    args: { input: t.arg({ type: AddStatementInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const result = await changeNames(ctx, (tx, actor, reconciler) => addStatement(tx, actor, input as StatementInput, { reconciler }));
      return { created: result.created, statementId: result.statement.id };
    },
  }),
  setVerdict: t.prismaField({
    type: 'Statement',
    authScopes: { editor: true },
    description:
      "Codes a statement's verdict as the token's curator (a HUMAN coding, which beats SOURCE and RULE codings); every coding stays stored.",
    args: {
      statement: t.arg.globalID({ for: StatementNode, required: true }),
      verdict: t.arg({ type: VerdictEnum, required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (query, _r, args, ctx) => {
      const note = checkedNote(args.note);
      const { statement } = await change(ctx, (tx, actor) => setVerdict(tx, actor, args.statement.id, args.verdict, note));
      return ctx.db.statement.findUniqueOrThrow({ ...query, where: { id: statement.id } });
    },
  }),
  setNoVerdict: t.prismaField({
    type: 'Statement',
    authScopes: { editor: true },
    description:
      "Records the token's curator's judgement that a statement assesses no election (codebook R15: a remark on politics, a call for the next elections, a procedural announcement): a HUMAN coding without a verdict, which beats SOURCE and RULE codings, so the statement has no verdict and counts in no figure. Every coding stays stored; withdrawVerdict takes it back.",
    args: {
      statement: t.arg.globalID({ for: StatementNode, required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (query, _r, args, ctx) => {
      const note = checkedNote(args.note);
      const { statement } = await change(ctx, (tx, actor) => setVerdict(tx, actor, args.statement.id, null, note));
      return ctx.db.statement.findUniqueOrThrow({ ...query, where: { id: statement.id } });
    },
  }),
  withdrawVerdict: t.prismaField({
    type: 'Statement',
    authScopes: { editor: true },
    description: "Withdraws the token's own human coding of a statement; the next coding by precedence takes over.",
    args: { statement: t.arg.globalID({ for: StatementNode, required: true }), note: t.arg.string({ required: false }) },
    resolve: async (query, _r, args, ctx) => {
      const note = checkedNote(args.note);
      const statement = await change(ctx, (tx, actor) => withdrawVerdict(tx, actor, args.statement.id, note));
      return ctx.db.statement.findUniqueOrThrow({ ...query, where: { id: statement.id } });
    },
  }),
  ingestStatements: t.field({
    type: SpreadsheetIngestRef,
    authScopes: { editor: true },
    description:
      'Loads a statements spreadsheet (CSV text in the format of data/sources/assessments.csv, up to the request size limit) as a version of the source `key` names, exactly as `npm run ingest -- --key` does: checked whole first (every problem at once, nothing written), then new, updated, unchanged and retired statements, with near-duplicate warnings.',
    args: {
      key: t.arg.string({ required: true, description: 'The source this is a version of, e.g. "dataset/my-study".' }),
      title: t.arg.string({ required: false, description: 'Title of the dataset, when it is new.' }),
      csv: t.arg.string({ required: true, description: 'The spreadsheet, header first.' }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const note = checkedNote(args.note);
      if (args.title && hasControlCharacter(args.title))
        throw userError('title contains a control character', 'BAD_USER_INPUT', { field: 'title' });
      const actor = ctx.actor!.name; // authScopes guarantee a token
      try {
        const report = await ingestStatementsContent(
          ctx.db,
          { key: args.key, title: args.title ?? undefined, content: args.csv },
          async (tx, r, sourceId) => {
            await appendAudit(tx, {
              actor,
              action: 'INGEST_SPREADSHEET',
              entityType: 'Source',
              entityId: sourceId,
              note,
              after: r.files[0],
            });
          },
        );
        return { ...report.files[0], sourceId: report.sourceId };
      } catch (error) {
        if (error instanceof CsvValidationError)
          throw userError(error.message, 'BAD_USER_INPUT', {
            problems: error.problems.map(({ row, field, message }) => ({ row, field, message })),
          });
        if (error instanceof SourceKeyError) throw userError(error.message, 'BAD_USER_INPUT', { field: 'key' });
        throw error;
      } finally {
        ctx.cache.invalidate();
      }
    },
  }),
  withdrawStatement: t.prismaField({
    type: 'Statement',
    authScopes: { editor: true },
    description:
      'Withdraws a statement loaded by mistake: it and the facts read from its row leave every answer and figure, nothing is deleted, re-ingesting its source keeps it out, and restoreStatement brings it back.',
    args: { statement: t.arg.globalID({ for: StatementNode, required: true }), note: t.arg.string({ required: false }) },
    resolve: async (query, _r, args, ctx) => {
      const note = checkedNote(args.note);
      const statement = await change(ctx, (tx, actor) => withdrawStatement(tx, actor, args.statement.id, note));
      return ctx.db.statement.findUniqueOrThrow({ ...query, where: { id: statement.id } });
    },
  }),
  restoreStatement: t.prismaField({
    type: 'Statement',
    authScopes: { editor: true },
    description: 'Restores a withdrawn statement (it stays out while its source is withdrawn).',
    args: { statement: t.arg.globalID({ for: StatementNode, required: true }), note: t.arg.string({ required: false }) },
    resolve: async (query, _r, args, ctx) => {
      const note = checkedNote(args.note);
      const statement = await change(ctx, (tx, actor) => restoreStatement(tx, actor, args.statement.id, note));
      return ctx.db.statement.findUniqueOrThrow({ ...query, where: { id: statement.id } });
    },
  }),
  withdrawSource: t.prismaField({
    type: 'Source',
    authScopes: { editor: true },
    description:
      'Withdraws a whole source: its statements, texts and claims leave every answer and figure, nothing is deleted, re-ingesting it keeps them out, and restoreSource brings them back.',
    args: { source: t.arg.globalID({ for: SourceNode, required: true }), note: t.arg.string({ required: false }) },
    resolve: async (query, _r, args, ctx) => {
      const note = checkedNote(args.note);
      const source = await change(ctx, (tx, actor) => withdrawSource(tx, actor, args.source.id, note));
      return ctx.db.source.findUniqueOrThrow({ ...query, where: { id: source.id } });
    },
  }),
  restoreSource: t.prismaField({
    type: 'Source',
    authScopes: { editor: true },
    description: 'Restores a withdrawn source and what was read from it (statements withdrawn one by one stay withdrawn).',
    args: { source: t.arg.globalID({ for: SourceNode, required: true }), note: t.arg.string({ required: false }) },
    resolve: async (query, _r, args, ctx) => {
      const note = checkedNote(args.note);
      const source = await change(ctx, (tx, actor) => restoreSource(tx, actor, args.source.id, note));
      return ctx.db.source.findUniqueOrThrow({ ...query, where: { id: source.id } });
    },
  }),
  addAlias: t.field({
    type: AliasResult,
    authScopes: { editor: true },
    description:
      'Adds a spelling by which an organization, person or area is found. It survives re-ingestion and follows the record through merges.',
    args: {
      record: t.arg.globalID({ for: MERGEABLE_NODES, required: true }),
      name: t.arg.string({ required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const { type, id } = record(args.record);
      const note = checkedNote(args.note);
      const r = await change(ctx, (tx, actor) => addAlias(tx, actor, type, id, args.name, note));
      return { record: asNode(type, r.record), alias: r.alias.name, decisionId: r.decision.id };
    },
  }),
  removeAlias: t.field({
    type: AliasResult,
    authScopes: { editor: true },
    description: 'Removes a curated alias (aliases from the sources come back with every ingest and are not removed).',
    args: {
      record: t.arg.globalID({ for: MERGEABLE_NODES, required: true }),
      name: t.arg.string({ required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const { type, id } = record(args.record);
      const note = checkedNote(args.note);
      const r = await change(ctx, (tx, actor) => removeAlias(tx, actor, type, id, args.name, note));
      return { record: asNode(type, r.record), alias: r.alias.name, decisionId: null };
    },
  }),
  mergeRecords: t.field({
    type: MergeResultRef,
    authScopes: { editor: true },
    description:
      'Merges `merged` into `survivor` (a SAME judgement): everything of the merged record moves to the survivor, its ID keeps resolving to the survivor, and splitRecords undoes it exactly.',
    args: {
      survivor: t.arg.globalID({ for: MERGEABLE_NODES, required: true }),
      merged: t.arg.globalID({ for: MERGEABLE_NODES, required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const { type, left, right } = pair(args.survivor, args.merged, 'survivor', 'merged');
      const note = checkedNote(args.note);
      const r = await change(ctx, (tx, actor) => mergeRecords(tx, actor, type, left, right, note));
      return { survivor: asNode(type, r.survivor), merged: asNode(type, r.merged), decisionId: r.decision.id, rows: r.moved };
    },
  }),
  splitRecords: t.field({
    type: MergeResultRef,
    authScopes: { editor: true },
    description:
      'Undoes the merge of a record: it and everything moved with it are put back as they were. Merges that touched the same rows are undone newest first.',
    args: { merged: t.arg.globalID({ for: MERGEABLE_NODES, required: true }), note: t.arg.string({ required: false }) },
    resolve: async (_r, args, ctx) => {
      const { type, id } = record(args.merged);
      const note = checkedNote(args.note);
      const r = await change(ctx, (tx, actor) => splitRecord(tx, actor, type, id, note));
      return { survivor: asNode(type, r.survivor), merged: asNode(type, r.record), decisionId: r.decision.id, rows: r.restored };
    },
  }),
  judgeRecords: t.field({
    type: JudgementResultRef,
    authScopes: { editor: true },
    description:
      'Records a judgement between two records of one type: SAME merges right into left, NOT_SAME keeps them apart for good, UNSURE is only audited.',
    args: {
      left: t.arg.globalID({ for: MERGEABLE_NODES, required: true }),
      right: t.arg.globalID({ for: MERGEABLE_NODES, required: true }),
      judgement: t.arg({ type: JudgementEnum, required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const { type, left, right } = pair(args.left, args.right, 'left', 'right');
      const note = checkedNote(args.note);
      const r = await change(ctx, (tx, actor) => judgeRecords(tx, actor, type, left, right, args.judgement, note));
      const merge = r.merge
        ? {
            survivor: asNode(type, r.merge.survivor),
            merged: asNode(type, r.merge.merged),
            decisionId: r.merge.decision.id,
            rows: r.merge.moved,
          }
        : null;
      return { judgement: r.judgement, decisionId: r.decision?.id ?? null, merge };
    },
  }),
  revokeJudgement: t.prismaField({
    type: 'Decision',
    authScopes: { admin: true },
    description: 'Withdraws a NOT_SAME judgement made by a curator. Admins only.',
    args: { decision: t.arg.globalID({ for: DecisionRef, required: true }), note: t.arg.string({ required: false }) },
    resolve: async (query, _r, args, ctx) => {
      const note = checkedNote(args.note);
      const revoked = await change(ctx, (tx, actor) => revokeJudgement(tx, actor, args.decision.id, note));
      return ctx.db.decision.findUniqueOrThrow({ ...query, where: { id: revoked.id } });
    },
  }),
}));
