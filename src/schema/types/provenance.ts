/** Sources, claims and conflicts: where every fact comes from, and where sources disagree. */
import { builder, NODE_ID, type Context } from '../builder.js';
import { connectionOf, edgeOf } from '../connections.js';
import { SourceKindEnum } from '../enums.js';
import type { Claim } from '../../generated/prisma/client.js';
import { findConflicts, type Conflict } from '../../reconcile/conflicts.js';
import { claimInForce } from '../../read/in-force.js';

builder.prismaNode('Source', {
  id: NODE_ID,
  description: 'A document or dataset that facts were read from.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, e.g. "corpus/000" or "dataset/assessments.csv".' }),
    title: t.exposeString('title', { description: 'Title of the document or dataset.' }),
    kind: t.expose('kind', { type: SourceKindEnum, description: 'What kind of source.' }),
    url: t.field({ type: 'URL', nullable: true, description: 'Where it was published, when known.', resolve: (src) => src.url }),
    path: t.exposeString('path', { nullable: true, description: 'Path of the bundled copy in the project.' }),
    sha256: t.exposeString('sha256', { description: 'Hash of the content the facts were read from.' }),
    ingestedAt: t.expose('ingestedAt', { type: 'DateTime', description: 'When it was last ingested.' }),
    withdrawnAt: t.expose('withdrawnAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a curator withdrew it (withdrawSource): nothing read from it counts in any answer or figure. Null while in force.',
    }),
    versions: t.relation('versions', {
      description: 'Every content of this source ingested so far, the latest first: a new hash is a new version.',
      query: { orderBy: { number: 'desc' } },
    }),
    claims: t.relatedConnection(
      'claims',
      {
        description: 'Every fact read from this source, retired and withdrawn ones included (see their retiredAt and withdrawnAt).',
        cursor: 'id',
        totalCount: true,
        query: { orderBy: { id: 'asc' } },
      },
      connectionOf('SourceClaims'),
      edgeOf('SourceClaims'),
    ),
  }),
});

const ClaimRef = builder.prismaNode('Claim', {
  id: NODE_ID,
  description: 'One fact as one source states it, with the place in the source and the words.',
  fields: (t) => ({
    entityType: t.exposeString('entityType', { description: 'Type of the record the fact is about.' }),
    entityId: t.exposeString('entityId', { description: 'Database id of the entity (not its global ID).' }),
    property: t.exposeString('property', { description: 'The property stated ("foundedYear", "date", "memberCount").' }),
    value: t.field({ type: 'JSON', description: 'The value as the source states it.', resolve: (c) => JSON.parse(c.value) as unknown }),
    locator: t.exposeString('locator', { description: 'Where in the source: "line 12", "row 7".' }),
    excerpt: t.exposeString('excerpt', { description: 'The source text the fact was read from.' }),
    source: t.relation('source', { description: 'The source.' }),
    retiredAt: t.expose('retiredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the latest version of its source stopped saying it; a retired claim counts nowhere.',
    }),
    withdrawnAt: t.expose('withdrawnAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Set while its source, or the statement of its row, is withdrawn.',
    }),
  }),
});

export const SourceVersionRef = builder.prismaObject('SourceVersion', {
  description: 'One content of a source as ingested, with what ingesting it did to the statements read from the source.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'Versions are numbered from 1 in the order their contents were first ingested.' }),
    sha256: t.exposeString('sha256', { description: 'Hash of this content.' }),
    path: t.exposeString('path', { nullable: true, description: 'Where the file was read from.' }),
    ingestedAt: t.expose('ingestedAt', { type: 'DateTime', description: 'When this content was first ingested.' }),
    lastIngestedAt: t.expose('lastIngestedAt', { type: 'DateTime', description: 'When this content was last ingested.' }),
    statementsNew: t.exposeInt('statementsNew', { description: 'Statements this version added.' }),
    statementsUpdated: t.exposeInt('statementsUpdated', { description: 'Statements it changed (their earlier texts are revisions).' }),
    statementsUnchanged: t.exposeInt('statementsUnchanged', { description: 'Statements it kept as they were.' }),
    statementsRetired: t.exposeInt('statementsRetired', { description: 'Statements of the earlier version it no longer has.' }),
  }),
});

/** The version of a statement's source with this number (first or last seen). */
export async function sourceVersion(ctx: Context, sourceId: string, number: number | null) {
  if (number === null) return null;
  return ctx.db.sourceVersion.findUnique({ where: { sourceId_number: { sourceId, number } } });
}

/** The claims about records of one model, by record, each record's in the order they are listed in. */
async function claimsByRecord(ctx: Context, model: ProvenanceModel, ids: string[]): Promise<Map<string, Claim[]>> {
  const byRecord = new Map<string, Claim[]>(ids.map((id) => [id, []]));
  const claims = await ctx.db.claim.findMany({
    where: { entityType: model, entityId: { in: ids }, ...claimInForce },
    orderBy: [{ property: 'asc' }, { id: 'asc' }],
  });
  for (const claim of claims) byRecord.get(claim.entityId)?.push(claim);
  return byRecord;
}

export const ConflictValue = builder.objectRef<{ value: unknown; claims: Claim[] }>('ConflictValue').implement({
  description: 'One of the values sources give for a property, with the claims that give it.',
  fields: (t) => ({
    value: t.field({ type: 'JSON', description: 'A value one or more sources give.', resolve: (v) => v.value }),
    claims: t.prismaField({ type: ['Claim'], description: 'The claims giving this value.', resolve: (_q, v) => v.claims }),
  }),
});

export const ConflictRef = builder.objectRef<Conflict<Claim>>('Conflict').implement({
  description: 'Sources that disagree on a property of one entity. Both claims are kept; none is overwritten.',
  fields: (t) => ({
    entityType: t.exposeString('entityType', { description: 'Type of the record.' }),
    entityId: t.exposeString('entityId', { description: 'Database id of the record.' }),
    property: t.exposeString('property', { description: 'The property the sources disagree on.' }),
    values: t.field({ type: [ConflictValue], description: 'Each value with the claims that give it.', resolve: (c) => c.values }),
  }),
});

type ProvenanceModel = 'Organization' | 'Area' | 'Person' | 'Election' | 'ElectionRound' | 'Mission' | 'Membership' | 'Statement' | 'Event';

/**
 * Adds `claims` and `conflicts` to an entity type: the answer to "where does this come from".
 * Both are the dataloader plugin's fields: a page of records costs one claims query per field.
 */
export function addProvenance(model: ProvenanceModel): void {
  builder.prismaObjectFields(model, (t) => ({
    claims: t.loadableList({
      type: ClaimRef,
      description: 'Every source statement of a fact about this record, optionally for one property.',
      args: { property: t.arg.string({ required: false }) },
      // Keyed by record and property: every `claims` of the request, whatever its `property`, is one query.
      load: async (keys: string[], ctx: Context) => {
        const requested = keys.map((key) => key.split('\u0000') as [string, string]);
        const byRecord = await claimsByRecord(ctx, model, [...new Set(requested.map(([id]) => id))]);
        return requested.map(([id, property]) => byRecord.get(id)!.filter((c) => !property || c.property === property));
      },
      resolve: (parent, args) => `${(parent as { id: string }).id}\u0000${args.property ?? ''}`,
    }),
    conflicts: t.loadableList({
      type: ConflictRef,
      description: 'Properties on which the sources disagree; every side is kept with its sources.',
      load: async (ids: string[], ctx: Context) => {
        const byRecord = await claimsByRecord(ctx, model, ids);
        return ids.map((id) => findConflicts(byRecord.get(id)!));
      },
      resolve: (parent) => (parent as { id: string }).id,
    }),
  }));
}
