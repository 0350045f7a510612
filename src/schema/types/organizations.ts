import { builder, NODE_ID } from '../builder.js';
import { missionInForce, statementInForce } from '../../read/in-force.js';
import { connectionOf, edgeOf } from '../connections.js';
import { OrganizationKindEnum } from '../enums.js';
import { addProvenance } from './provenance.js';
import { organizationIdByName } from '../lookup.js';
import { aliasContains } from '../filters.js';
import { MISSION_ORDER, MissionOrderEnum } from '../mission-order.js';

builder.prismaNode('OrganizationName', {
  id: NODE_ID,
  description: 'A name an organization carried over a period.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name.' }),
    validFrom: t.exposeString('validFrom', { nullable: true, description: 'From when (YYYY, YYYY-MM or YYYY-MM-DD); null when always.' }),
    validUntil: t.exposeString('validUntil', { nullable: true, description: 'Until when; null when still in use.' }),
  }),
});

export const OrganizationRef = builder.prismaNode('Organization', {
  id: NODE_ID,
  // Select mode: a query reads the columns its fields ask for, never a quote or a description nobody requested.
  select: { id: true },
  description: 'A monitoring body, assembly, commission, mission or other organization.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable natural key.' }),
    name: t.exposeString('name', { description: 'Canonical name.' }),
    kind: t.expose('kind', { type: OrganizationKindEnum, description: 'What kind of body.' }),
    description: t.exposeString('description', { nullable: true, description: 'A short description, where the reference gives one.' }),
    parent: t.relation('parent', { nullable: true, description: 'The body this one belongs to (ODIHR within the OSCE).' }),
    children: t.relation('children', { description: 'Bodies within this one.', query: { orderBy: { name: 'asc' } } }),
    area: t.relation('area', { nullable: true, description: 'The country a national body belongs to.' }),
    names: t.relation('names', { description: 'Names over time (ACEEEO became the Association of European Election Officials in 2006).' }),
    aliases: t.stringList({
      description: 'Every spelling under which the organization appears.',
      select: { aliases: { select: { name: true }, orderBy: { name: 'asc' } } },
      resolve: (o) => [...new Set(o.aliases.map((x) => x.name))],
    }),
    missions: t.relatedConnection(
      'missions',
      {
        description: 'Elections this organization observed.',
        cursor: 'id',
        totalCount: true,
        args: {
          order: t.arg({
            type: MissionOrderEnum,
            required: false,
            defaultValue: 'ELECTION_NEWEST_FIRST',
            description: 'How the missions are sorted.',
          }),
        },
        query: (args) => ({ where: missionInForce, orderBy: MISSION_ORDER[args.order ?? 'ELECTION_NEWEST_FIRST'] }),
      },
      connectionOf('OrganizationMissions'),
      edgeOf('OrganizationMissions'),
    ),
    statements: t.relatedConnection(
      'statements',
      {
        description: 'What this organization said about elections.',
        cursor: 'id',
        totalCount: true,
        query: { where: statementInForce, orderBy: [{ statementDate: 'asc' }, { id: 'asc' }] },
      },
      connectionOf('OrganizationStatements'),
      edgeOf('OrganizationStatements'),
    ),
    memberships: t.relatedConnection(
      'memberships',
      { description: 'People in roles in this organization.', cursor: 'id', totalCount: true, query: { orderBy: { id: 'asc' } } },
      connectionOf('OrganizationMemberships'),
      edgeOf('OrganizationMemberships'),
    ),
    distinctFrom: t.prismaField({
      type: ['Organization'],
      description: 'Look-alikes judged NOT the same as this organization; they are never merged.',
      select: { key: true },
      resolve: async (query, o, _a, ctx) => {
        const decisions = await ctx.db.decision.findMany({
          where: { kind: 'NOT_SAME', entityType: 'Organization', revokedAt: null, OR: [{ leftKey: o.key }, { rightKey: o.key }] },
        });
        const keys = decisions.map((d) => (d.leftKey === o.key ? d.rightKey : d.leftKey)).filter((k): k is string => !!k);
        return ctx.db.organization.findMany({ ...query, where: { key: { in: keys } } });
      },
    }),
  }),
});
addProvenance('Organization');

builder.queryFields((t) => ({
  organization: t.prismaField({
    type: 'Organization',
    nullable: true,
    description: 'An organization by any name or alias ("OSCE/ODIHR", "CIS EMO", "CEC of Russia").',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.organization.findUnique({ ...query, where: { id: await organizationIdByName(ctx, args.name) } }),
  }),
  organizations: t.prismaConnection(
    {
      type: 'Organization',
      cursor: 'id',
      description: 'Organizations, optionally of one kind or whose name contains a text.',
      args: { kind: t.arg({ type: OrganizationKindEnum, required: false }), nameContains: t.arg.string({ required: false }) },
      totalCount: (_p, args, ctx) => ctx.db.organization.count({ where: orgWhere(args) }),
      resolve: (query, _p, args, ctx) =>
        ctx.db.organization.findMany({ ...query, where: orgWhere(args), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    },
    connectionOf('QueryOrganizations'),
    edgeOf('QueryOrganizations'),
  ),
}));

function orgWhere(args: { kind?: string | null; nameContains?: string | null }) {
  return {
    mergedIntoId: null,
    ...(args.kind ? { kind: args.kind as never } : {}),
    ...aliasContains(args.nameContains),
  };
}
