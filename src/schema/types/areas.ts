import { builder, NODE_ID } from '../builder.js';
import { connectionOf, edgeOf } from '../connections.js';
import { AreaKindEnum } from '../enums.js';
import { addProvenance } from './provenance.js';
import { areaIdByName } from '../lookup.js';

builder.prismaNode('Area', {
  id: NODE_ID,
  // Select mode: a query reads the columns its fields ask for, never a quote or a description nobody requested.
  select: { id: true },
  description: 'A country, de-facto state, region or city, with every spelling the sources use.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable natural key (ISO alpha-2 in lower case for countries).' }),
    name: t.exposeString('name', { description: 'Canonical English name.' }),
    kind: t.expose('kind', { type: AreaKindEnum, description: 'Country, de-facto state, region or city.' }),
    isoCode: t.exposeString('isoCode', {
      nullable: true,
      description: 'ISO 3166-1 alpha-2 (countries) or ISO 3166-2 (subdivisions), where one exists.',
    }),
    countryCode: t.field({
      type: 'CountryCode',
      nullable: true,
      description: 'ISO 3166-1 alpha-2 code, for countries only (de-facto states have none).',
      select: { kind: true, isoCode: true },
      resolve: (a) => (a.kind === 'COUNTRY' && a.isoCode && /^[A-Z]{2}$/.test(a.isoCode) ? a.isoCode : null),
    }),
    parent: t.relation('parent', { nullable: true, description: 'The area this one lies in.' }),
    children: t.relation('children', { description: 'Areas inside this one.', query: { orderBy: { name: 'asc' } } }),
    claimedBy: t.relation('claimedBy', {
      nullable: true,
      description: 'For a de-facto state: the state whose territory most states consider it to be.',
    }),
    aliases: t.stringList({
      description: 'Every spelling under which the area appears (sources, reference, curators).',
      select: { aliases: { select: { name: true }, orderBy: { name: 'asc' } } },
      resolve: (a) => [...new Set(a.aliases.map((x) => x.name))],
    }),
    elections: t.relatedConnection(
      'elections',
      {
        description: 'Elections held in this area (not in areas inside it).',
        cursor: 'id',
        totalCount: true,
        query: { orderBy: [{ year: 'desc' }, { id: 'asc' }] },
      },
      connectionOf('AreaElections'),
      edgeOf('AreaElections'),
    ),
    events: t.relation('events', { description: 'Events that took place here.' }),
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
  areas: t.prismaConnection(
    {
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
    },
    connectionOf('QueryAreas'),
    edgeOf('QueryAreas'),
  ),
}));

async function areaWhere(
  args: { kind?: 'COUNTRY' | 'DE_FACTO_STATE' | 'REGION' | 'CITY' | null; within?: string | null },
  ctx: Parameters<typeof areaIdByName>[0],
) {
  const within = args.within ? await ctx.cache.areaWithDescendants(await areaIdByName(ctx, args.within)) : null;
  return { mergedIntoId: null, ...(args.kind ? { kind: args.kind } : {}), ...(within ? { id: { in: within } } : {}) };
}
