import { ROUNDS_PER_ELECTION } from '../complexity.js';
import { builder } from '../builder.js';
import { OrganizationRef } from './organizations.js';
import type { Organization } from '../../generated/prisma/client.js';
import { DatePrecisionEnum, ElectionTypeEnum, RoundKindEnum } from '../enums.js';
import { addProvenance } from './provenance.js';
import { ElectionFilter, electionWhere } from '../filters.js';

builder.prismaNode('Election', {
  id: { field: 'id' },
  description: 'An election or referendum in an area. Its rounds carry the statements.',
  fields: (t) => ({
    key: t.exposeString('key'),
    area: t.relation('area'),
    type: t.expose('type', { type: ElectionTypeEnum }),
    year: t.exposeInt('year'),
    date: t.exposeString('date', {
      nullable: true,
      description: 'Polling day of the first round, ISO at its precision; null when only the year is known.',
    }),
    datePrecision: t.expose('datePrecision', { type: DatePrecisionEnum }),
    pollingDay: t.field({
      type: 'LocalDate',
      nullable: true,
      description: 'Polling day of the first round, only when known to the day.',
      resolve: (e) => (e.datePrecision === 'DAY' ? e.date : null),
    }),
    title: t.string({
      description: 'A readable title: "Ukraine parliamentary election 2012".',
      select: { area: { select: { name: true } } },
      resolve: (e) => `${e.area.name} ${e.type.toLowerCase()} ${e.type === 'REFERENDUM' ? '' : 'election '}${e.year}`.replace(/\s+/g, ' '),
    }),
    internationalObserverCount: t.exposeInt('internationalObserverCount', {
      nullable: true,
      description: 'International observers across all missions, when a source counts them.',
    }),
    internationalObserverCountries: t.exposeInt('internationalObserverCountries', { nullable: true }),
    rounds: t.relation('rounds', { complexity: { field: 1, multiplier: ROUNDS_PER_ELECTION }, query: { orderBy: { ordinal: 'asc' } } }),
    missions: t.relation('missions', { query: { orderBy: { id: 'asc' } } }),
    observers: t.field({
      type: [OrganizationRef],
      description: 'Organizations with a mission to this election.',
      // The organizations' own nested selection (aliases, parent, …) is planned into this load.
      select: (_args, _ctx, nestedSelection) => ({ missions: { select: { organization: nestedSelection(true) }, orderBy: { id: 'asc' } } }),
      // The select function above loaded missions with their organizations; Pothos cannot infer that type from a function.
      resolve: (e) => (e as unknown as { missions: { organization: Organization }[] }).missions.map((m) => m.organization),
    }),
  }),
});
addProvenance('Election');

builder.prismaNode('ElectionRound', {
  id: { field: 'id' },
  fields: (t) => ({
    election: t.relation('election'),
    round: t.expose('round', { type: RoundKindEnum }),
    date: t.field({ type: 'LocalDate', nullable: true, resolve: (r) => r.date }),
    statements: t.relation('statements', { query: { orderBy: [{ statementDate: 'asc' }, { id: 'asc' }] } }),
  }),
});
addProvenance('ElectionRound');

builder.prismaNode('Mission', {
  id: { field: 'id' },
  description: 'An organization observing an election.',
  fields: (t) => ({
    organization: t.relation('organization'),
    election: t.relation('election'),
    head: t.relation('head', { nullable: true }),
    observerCount: t.exposeInt('observerCount', { nullable: true }),
    observerCountApproximate: t.exposeBoolean('observerCountApproximate'),
    countryCount: t.exposeInt('countryCount', { nullable: true }),
    startDate: t.exposeString('startDate', { nullable: true }),
    endDate: t.exposeString('endDate', { nullable: true }),
    members: t.relation('members'),
  }),
});
addProvenance('Mission');

builder.queryFields((t) => ({
  elections: t.prismaConnection({
    type: 'Election',
    cursor: 'id',
    description: 'Elections, newest first, filtered as a dashboard needs.',
    args: { filter: t.arg({ type: ElectionFilter, required: false }) },
    totalCount: async (_p, args, ctx) => ctx.db.election.count({ where: await electionWhere(args.filter, ctx) }),
    resolve: async (query, _p, args, ctx) =>
      ctx.db.election.findMany({ ...query, where: await electionWhere(args.filter, ctx), orderBy: [{ year: 'desc' }, { id: 'asc' }] }),
  }),
}));
