import { builder } from '../builder.js';
import { addProvenance } from './provenance.js';
import { personIdByName } from '../lookup.js';
import { aliasContains } from '../filters.js';

builder.prismaNode('Person', {
  id: { field: 'id' },
  description: 'A person: mission member, official, speaker.',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    birthYear: t.exposeInt('birthYear', { nullable: true }),
    summary: t.exposeString('summary', { nullable: true }),
    aliases: t.stringList({
      select: { aliases: { select: { name: true }, orderBy: { name: 'asc' } } },
      resolve: (p) => [...new Set(p.aliases.map((x) => x.name))],
    }),
    memberships: t.relation('memberships', { query: { orderBy: [{ startDate: 'asc' }, { id: 'asc' }] } }),
    statements: t.relation('statements'),
  }),
});
addProvenance('Person');

builder.prismaNode('Membership', {
  id: { field: 'id' },
  description: "A person's role in an organization or mission, as of a date (Popolo membership).",
  fields: (t) => ({
    person: t.relation('person'),
    organization: t.relation('organization', { nullable: true }),
    mission: t.relation('mission', { nullable: true }),
    role: t.exposeString('role'),
    label: t.exposeString('label', { nullable: true, description: 'The standing as the source states it ("member of EU Parliament").' }),
    onBehalfOf: t.relation('onBehalfOf', { nullable: true, description: 'The country the person stood for, as the source states it.' }),
    onBehalfOfOrganization: t.relation('onBehalfOfOrganization', {
      nullable: true,
      description: 'The body the person represented in this role.',
    }),
    startDate: t.exposeString('startDate', { nullable: true }),
    endDate: t.exposeString('endDate', { nullable: true }),
    asOf: t.exposeString('asOf', { nullable: true, description: 'When the role held, if not a range ("at the moment of participation").' }),
  }),
});
addProvenance('Membership');

builder.queryFields((t) => ({
  person: t.prismaField({
    type: 'Person',
    nullable: true,
    description: 'A person by any spelling of the name.',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => ctx.db.person.findUnique({ ...query, where: { id: await personIdByName(ctx, args.name) } }),
  }),
  persons: t.prismaConnection({
    type: 'Person',
    cursor: 'id',
    args: { nameContains: t.arg.string({ required: false }) },
    totalCount: (_p, args, ctx) => ctx.db.person.count({ where: personWhere(args) }),
    resolve: (query, _p, args, ctx) =>
      ctx.db.person.findMany({ ...query, where: personWhere(args), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
}));

function personWhere(args: { nameContains?: string | null }) {
  return { mergedIntoId: null, ...aliasContains(args.nameContains) };
}
