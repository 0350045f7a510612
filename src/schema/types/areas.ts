import { builder } from '../builder.js';
import { AreaKindEnum } from '../enums.js';
import { addProvenance } from './provenance.js';
import { areaIdByName } from '../lookup.js';

builder.prismaNode('Area', {
  id: { field: 'id' },
  description: 'A country, de-facto state, region or city, with every spelling the sources use.',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: AreaKindEnum }),
    isoCode: t.exposeString('isoCode', {
      nullable: true,
      description: 'ISO 3166-1 alpha-2 (countries) or ISO 3166-2 (subdivisions), where one exists.',
    }),
    countryCode: t.field({
      type: 'CountryCode',
      nullable: true,
      description: 'ISO 3166-1 alpha-2 code, for countries only (de-facto states have none).',
      resolve: (a) => (a.kind === 'COUNTRY' && a.isoCode && /^[A-Z]{2}$/.test(a.isoCode) ? a.isoCode : null),
    }),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', { query: { orderBy: { name: 'asc' } } }),
    claimedBy: t.relation('claimedBy', {
      nullable: true,
      description: 'For a de-facto state: the state whose territory most states consider it to be.',
    }),
    aliases: t.stringList({
      select: { aliases: { select: { name: true }, orderBy: { name: 'asc' } } },
      resolve: (a) => [...new Set(a.aliases.map((x) => x.name))],
    }),
    elections: t.relatedConnection('elections', { cursor: 'id', totalCount: true, query: { orderBy: [{ year: 'desc' }, { id: 'asc' }] } }),
    events: t.relation('events'),
  }),
});
addProvenance('Area');

builder.queryFields((t) => ({
  area: t.prismaField({
    type: 'Area',
    nullable: true,
    description: 'An area by any spelling, alias or ISO code ("Moldavia", "Kishinev, Moldova", "KG").',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => ctx.db.area.findUnique({ ...query, where: { id: await areaIdByName(ctx, args.name) } }),
  }),
  areas: t.prismaConnection({
    type: 'Area',
    cursor: 'id',
    description: 'Areas, optionally of one kind or inside one area.',
    args: {
      kind: t.arg({ type: AreaKindEnum, required: false }),
      within: t.arg.string({ required: false, description: 'Name of an enclosing area.' }),
    },
    totalCount: async (_p, args, ctx) => ctx.db.area.count({ where: await areaWhere(args, ctx) }),
    resolve: async (query, _p, args, ctx) =>
      ctx.db.area.findMany({ ...query, where: await areaWhere(args, ctx), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
}));

async function areaWhere(
  args: { kind?: 'COUNTRY' | 'DE_FACTO_STATE' | 'REGION' | 'CITY' | null; within?: string | null },
  ctx: Parameters<typeof areaIdByName>[0],
) {
  const within = args.within ? await ctx.cache.areaWithDescendants(await areaIdByName(ctx, args.within)) : null;
  return { mergedIntoId: null, ...(args.kind ? { kind: args.kind } : {}), ...(within ? { id: { in: within } } : {}) };
}
