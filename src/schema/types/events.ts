import { builder } from '../builder.js';
import { DatePrecisionEnum, EventKindEnum } from '../enums.js';
import { addProvenance } from './provenance.js';
import { areaIdByName, organizationIdByName } from '../lookup.js';
import type { Context } from '../builder.js';

builder.prismaNode('Event', {
  id: { field: 'id' },
  description: 'A conference, round table, meeting, arrest or other dated event.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: EventKindEnum }),
    area: t.relation('area', { nullable: true }),
    venue: t.exposeString('venue', { nullable: true }),
    date: t.exposeString('date', { nullable: true, description: 'ISO date at its precision: "2009", "2009-03" or "2009-03-14".' }),
    datePrecision: t.expose('datePrecision', { type: DatePrecisionEnum, nullable: true }),
    endDate: t.exposeString('endDate', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    participants: t.relation('participants'),
  }),
});
addProvenance('Event');

builder.prismaObject('EventParticipant', {
  description: 'An organization or person taking part in an event, in a role.',
  fields: (t) => ({
    role: t.exposeString('role'),
    organization: t.relation('organization', { nullable: true }),
    person: t.relation('person', { nullable: true }),
  }),
});

const EventFilter = builder.inputType('EventFilter', {
  fields: (t) => ({
    organization: t.string({ description: 'A participant, by any name.' }),
    area: t.string({ description: 'Place, by any name; includes places inside it.' }),
    yearFrom: t.int(),
    yearTo: t.int(),
    kinds: t.field({ type: [EventKindEnum] }),
  }),
});

async function eventWhere(filter: typeof EventFilter.$inferInput | null | undefined, ctx: Context) {
  if (!filter) return {};
  return {
    ...(filter.organization ? { participants: { some: { organizationId: await organizationIdByName(ctx, filter.organization) } } } : {}),
    ...(filter.area ? { areaId: { in: await ctx.cache.areaWithDescendants(await areaIdByName(ctx, filter.area)) } } : {}),
    ...(filter.yearFrom || filter.yearTo
      ? { year: { ...(filter.yearFrom ? { gte: filter.yearFrom } : {}), ...(filter.yearTo ? { lte: filter.yearTo } : {}) } }
      : {}),
    ...(filter.kinds?.length ? { kind: { in: filter.kinds } } : {}),
  };
}

builder.queryFields((t) => ({
  events: t.prismaConnection({
    type: 'Event',
    cursor: 'id',
    args: { filter: t.arg({ type: EventFilter, required: false }) },
    totalCount: async (_p, args, ctx) => ctx.db.event.count({ where: await eventWhere(args.filter, ctx) }),
    resolve: async (query, _p, args, ctx) =>
      ctx.db.event.findMany({ ...query, where: await eventWhere(args.filter, ctx), orderBy: [{ date: 'asc' }, { id: 'asc' }] }),
  }),
}));
