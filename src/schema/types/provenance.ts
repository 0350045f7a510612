/** Sources, claims and conflicts: where every fact comes from, and where sources disagree. */
import DataLoader from 'dataloader';
import { builder, type Context } from '../builder.js';
import { SourceKindEnum } from '../enums.js';
import type { Claim } from '../../generated/prisma/client.js';
import { findConflicts, type Conflict } from '../../reconcile/conflicts.js';

builder.prismaNode('Source', {
  id: { field: 'id' },
  description: 'A document or dataset that facts were read from.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, e.g. "corpus/000" or "dataset/assessments.csv".' }),
    title: t.exposeString('title'),
    kind: t.expose('kind', { type: SourceKindEnum }),
    url: t.field({ type: 'URL', nullable: true, resolve: (src) => src.url }),
    path: t.exposeString('path', { nullable: true, description: 'Path of the bundled copy in the project.' }),
    sha256: t.exposeString('sha256', { description: 'Hash of the content the facts were read from.' }),
    ingestedAt: t.expose('ingestedAt', { type: 'DateTime' }),
    claims: t.relatedConnection('claims', { cursor: 'id', totalCount: true, query: { orderBy: { id: 'asc' } } }),
  }),
});

builder.prismaNode('Claim', {
  id: { field: 'id' },
  description: 'One fact as one source states it, with the place in the source and the words.',
  fields: (t) => ({
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId', { description: 'Database id of the entity (not its global ID).' }),
    property: t.exposeString('property'),
    value: t.field({ type: 'JSON', resolve: (c) => JSON.parse(c.value) as unknown }),
    locator: t.exposeString('locator', { description: 'Where in the source: "line 12", "row 7".' }),
    excerpt: t.exposeString('excerpt', { description: 'The source text the fact was read from.' }),
    source: t.relation('source'),
  }),
});

const loaders = new WeakMap<Context, DataLoader<string, Claim[]>>();

/** Claims of many entities in one query per request. */
export function claimLoader(ctx: Context): DataLoader<string, Claim[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (keys: readonly string[]) => {
      const ids = keys.map((k) => k.split('|')[1]);
      const claims = await ctx.db.claim.findMany({ where: { entityId: { in: ids } }, orderBy: [{ property: 'asc' }, { id: 'asc' }] });
      return keys.map((k) => {
        const [type, id] = k.split('|');
        return claims.filter((c) => c.entityType === type && c.entityId === id);
      });
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

export const ConflictValue = builder.objectRef<{ value: unknown; claims: Claim[] }>('ConflictValue').implement({
  description: 'One of the values sources give for a property, with the claims that give it.',
  fields: (t) => ({
    value: t.field({ type: 'JSON', resolve: (v) => v.value }),
    claims: t.prismaField({ type: ['Claim'], resolve: (_q, v) => v.claims }),
  }),
});

export const ConflictRef = builder.objectRef<Conflict<Claim>>('Conflict').implement({
  description: 'Sources that disagree on a property of one entity. Both claims are kept; none is overwritten.',
  fields: (t) => ({
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    property: t.exposeString('property'),
    values: t.field({ type: [ConflictValue], resolve: (c) => c.values }),
  }),
});

type ProvenanceModel = 'Organization' | 'Area' | 'Person' | 'Election' | 'ElectionRound' | 'Mission' | 'Membership' | 'Statement' | 'Event';

/** Adds `claims` and `conflicts` to an entity type: the answer to "where does this come from". */
export function addProvenance(model: ProvenanceModel): void {
  builder.prismaObjectFields(model, (t) => ({
    claims: t.prismaField({
      type: ['Claim'],
      description: 'Every source statement of a fact about this record, optionally for one property.',
      args: { property: t.arg.string({ required: false }) },
      resolve: async (_q, parent, args, ctx) => {
        const claims = await claimLoader(ctx).load(`${model}|${(parent as { id: string }).id}`);
        return args.property ? claims.filter((c) => c.property === args.property) : claims;
      },
    }),
    conflicts: t.field({
      type: [ConflictRef],
      description: 'Properties on which the sources disagree; every side is kept with its sources.',
      resolve: async (parent, _a, ctx) => findConflicts(await claimLoader(ctx).load(`${model}|${(parent as { id: string }).id}`)),
    }),
  }));
}
