import { builder, NODE_ID } from '../builder.js';
import { connectionOf, edgeOf } from '../connections.js';
import { DatePrecisionEnum, EventKindEnum } from '../enums.js';
import { addProvenance } from './provenance.js';
import { areaIdByName, organizationIdByName } from '../lookup.js';
import type { Context } from '../builder.js';

builder.prismaNode('Event', {
  id: NODE_ID,
  description: 'A conference, round table, meeting, arrest or other dated event.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name as the source gives it.' }),
    kind: t.expose('kind', { type: EventKindEnum, description: 'What kind of event.' }),
    area: t.relation('area', { nullable: true, description: 'Where it took place.' }),
    venue: t.exposeString('venue', { nullable: true, description: 'The venue, where the source names one.' }),
    date: t.exposeString('date', { nullable: true, description: 'ISO date at its precision: "2009", "2009-03" or "2009-03-14".' }),
    datePrecision: t.expose('datePrecision', { type: DatePrecisionEnum, nullable: true, description: 'How precisely the date is known.' }),
    endDate: t.exposeString('endDate', { nullable: true, description: 'Last day, for events over several days.' }),
    description: t.exposeString('description', { nullable: true, description: 'What happened, briefly.' }),
    participants: t.relation('participants', { description: 'Organizations and persons taking part, with their roles.' }),
  }),
});
addProvenance('Event');

builder.prismaObject('EventParticipant', {
  description: 'An organization or person taking part in an event, in a role.',
  fields: (t) => ({
    role: t.exposeString('role', { description: 'Role in the event (host, participant, speaker, …).' }),
    organization: t.relation('organization', { nullable: true, description: 'A participating organization.' }),
    person: t.relation('person', { nullable: true, description: 'A participating person.' }),
  }),
});

const EventFilter = builder.inputType('EventFilter', {
  description: 'Filters for events; names may be any known spelling.',
  fields: (t) => ({
    organization: t.string({ description: 'A participant, by any name.' }),
    area: t.string({ description: 'Place, by any name; includes places inside it.' }),
    yearFrom: t.int({ description: 'From this year on.' }),
    yearTo: t.int({ description: 'Up to this year.' }),
    kinds: t.field({ type: [EventKindEnum], description: 'Only these kinds of event.' }),
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
  events: t.prismaConnection(
    {
      type: 'Event',
      cursor: 'id',
      description: 'Events, in date order.',
      args: { filter: t.arg({ type: EventFilter, required: false }) },
      totalCount: async (_p, args, ctx) => ctx.db.event.count({ where: await eventWhere(args.filter, ctx) }),
      resolve: async (query, _p, args, ctx) =>
        ctx.db.event.findMany({ ...query, where: await eventWhere(args.filter, ctx), orderBy: [{ date: 'asc' }, { id: 'asc' }] }),
    },
    connectionOf('QueryEvents'),
    edgeOf('QueryEvents'),
  ),
}));
