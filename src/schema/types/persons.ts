import { builder, NODE_ID, type Context } from '../builder.js';
import { statementInForce } from '../../read/in-force.js';
import { connectionOf, edgeOf } from '../connections.js';
import { addProvenance } from './provenance.js';
import { personIdByName } from '../lookup.js';
import { isSeatRole } from '../../reconcile/roles.js';
import { aliasContains, PersonFilter, personWhere, type PersonFilterInput } from '../filters.js';

builder.prismaNode('Person', {
  id: NODE_ID,
  description: 'A person: mission member, official, speaker.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable natural key.' }),
    name: t.exposeString('name', { description: 'Name as first recorded.' }),
    birthYear: t.exposeInt('birthYear', { nullable: true, description: 'Year of birth, where a source states it.' }),
    summary: t.exposeString('summary', { nullable: true, description: 'A short description, where a source gives one.' }),
    aliases: t.stringList({
      description: 'Every spelling of the name in the sources.',
      select: { aliases: { select: { name: true }, orderBy: { name: 'asc' } } },
      resolve: (p) => [...new Set(p.aliases.map((x) => x.name))],
    }),
    memberships: t.relatedConnection(
      'memberships',
      {
        description: 'Roles in organizations and missions, earliest first.',
        cursor: 'id',
        totalCount: true,
        query: { orderBy: [{ startDate: 'asc' }, { id: 'asc' }] },
      },
      connectionOf('PersonMemberships'),
      edgeOf('PersonMemberships'),
    ),
    statements: t.relation('statements', { description: 'Statements this person made for a body.', query: { where: statementInForce } }),
  }),
});
addProvenance('Person');

builder.prismaNode('Membership', {
  id: NODE_ID,
  description: "A person's role in an organization or mission, as of a date (Popolo membership).",
  fields: (t) => ({
    person: t.relation('person', { description: 'The person.' }),
    organization: t.relation('organization', { nullable: true, description: 'The organization the role is in.' }),
    mission: t.relation('mission', { nullable: true, description: 'The mission the role is in, when it is one mission.' }),
    role: t.exposeString('role', { description: 'The role ("Chair", "member of CIS-EMO missions").' }),
    label: t.exposeString('label', { nullable: true, description: 'The standing as the source states it ("member of EU Parliament").' }),
    onBehalfOf: t.relation('onBehalfOf', { nullable: true, description: 'The country the person stood for, as the source states it.' }),
    onBehalfOfOrganization: t.relation('onBehalfOfOrganization', {
      nullable: true,
      description: 'The body the person represented in this role.',
    }),
    seat: t.boolean({
      description:
        'True when the role is a seat in the body (member, senator, head of delegation, plenipotentiary; former ones too), not staff or a spokesperson.',
      select: { role: true },
      resolve: (m) => isSeatRole(m.role),
    }),
    startDate: t.exposeString('startDate', { nullable: true, description: 'Start (YYYY, YYYY-MM or YYYY-MM-DD).' }),
    endDate: t.exposeString('endDate', { nullable: true, description: 'End (YYYY, YYYY-MM or YYYY-MM-DD).' }),
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
  persons: t.prismaConnection(
    {
      type: 'Person',
      cursor: 'id',
      description:
        'Persons, by name, filtered by the bodies they are linked to ("which CIS-EMO participants also sat in parliamentary assemblies" is one `filter`).',
      args: {
        nameContains: t.arg.string({
          required: false,
          description: 'A name or spelling of it contains this text (as `filter.nameContains`).',
        }),
        filter: t.arg({ type: PersonFilter, required: false }),
      },
      totalCount: async (_p, args, ctx) => ctx.db.person.count({ where: await personsWhere(args, ctx) }),
      resolve: async (query, _p, args, ctx) =>
        ctx.db.person.findMany({ ...query, where: await personsWhere(args, ctx), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    },
    connectionOf('QueryPersons'),
    edgeOf('QueryPersons'),
  ),
}));

async function personsWhere(args: { nameContains?: string | null; filter?: PersonFilterInput | null }, ctx: Context) {
  return { AND: [await personWhere(args.filter, ctx), aliasContains(args.nameContains)] };
}
